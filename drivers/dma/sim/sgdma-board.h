/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The simulated board of the scatter-gather DMA controller: one hardware
 * model plus the platform device the driver binds to, with the device
 * properties that describe how the two are wired.  Used by the default
 * instance, by configfs and by the KUnit suites.
 */
#ifndef _DMA_SIM_SGDMA_BOARD_H
#define _DMA_SIM_SGDMA_BOARD_H

#include <linux/types.h>

#include "simdma-configfs.h"
#include "sgdma-hw.h"

struct dentry;
struct device;
struct sgdma_board;

/**
 * struct sgdma_board_route - one slave map entry of a board
 * @consumer: device name of the client (dev_name())
 * @name: channel name the client asks dma_request_chan() for
 * @line: request line of the peripheral the client drives
 */
struct sgdma_board_route {
	const char *consumer;
	const char *name;
	u32 line;
};

/**
 * struct sgdma_board_config - what to build
 * @hw: the controller; &sgdma_hw_config.id is assigned by the board
 * @private: keep the DMA device out of the public channel pool
 * @timeout_ms: watchdog period of the driver's channels; 0 for its default
 * @routes: slave map entries
 * @nr_routes: entries in @routes
 * @fault_every: initial "every Nth event" of each fault kind; 0 is off
 * @fault_channels: channels the faults apply to; 0 means all
 */
struct sgdma_board_config {
	struct sgdma_hw_config hw;
	bool private;
	u32 timeout_ms;
	const struct sgdma_board_route *routes;
	unsigned int nr_routes;
	u32 fault_every[SGDMA_FAULT_NR];
	u32 fault_channels;
};

void sgdma_board_default_config(struct sgdma_board_config *cfg);
struct sgdma_board *sgdma_board_create(const struct sgdma_board_config *cfg);
void sgdma_board_destroy(struct sgdma_board *board);
struct sgdma_hw *sgdma_board_hw(struct sgdma_board *board);
struct device *sgdma_board_dev(struct sgdma_board *board);
const char *sgdma_board_name(struct sgdma_board *board);

int sgdma_board_parse_caps(const char *buf, u32 *ops);
ssize_t sgdma_board_format_caps(u32 ops, char *buf, size_t size);
int sgdma_board_parse_widths(const char *buf, u32 *widths);
ssize_t sgdma_board_format_widths(u32 widths, char *buf, size_t size);

#if IS_ENABLED(CONFIG_KUNIT)
struct config_item;

struct config_item *sgdma_config_new_device(const char *name);
struct config_item *sgdma_config_new_route(struct config_item *dev,
					   const char *name);

/* Attributes by name, as write(2) and read(2) would reach them */
static inline ssize_t sgdma_config_write(struct config_item *item,
					 const char *attr, const char *buf)
{
	return simdma_config_write(item, attr, buf);
}

static inline ssize_t sgdma_config_read(struct config_item *item,
					const char *attr, char *page)
{
	return simdma_config_read(item, attr, page);
}
#endif

/* Module internals, not exported */
int sgdma_configfs_init(void);
void sgdma_configfs_exit(void);

#ifdef CONFIG_DEBUG_FS
void sgdma_debugfs_init(void);
void sgdma_debugfs_exit(void);
struct dentry *sgdma_debugfs_add(struct sgdma_board *board);
void sgdma_debugfs_remove(struct dentry *dir);
#else
static inline void sgdma_debugfs_init(void)
{
}

static inline void sgdma_debugfs_exit(void)
{
}

static inline struct dentry *sgdma_debugfs_add(struct sgdma_board *board)
{
	return NULL;
}

static inline void sgdma_debugfs_remove(struct dentry *dir)
{
}
#endif

#endif /* _DMA_SIM_SGDMA_BOARD_H */
