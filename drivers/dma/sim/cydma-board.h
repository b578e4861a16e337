/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The simulated board of the cyclic and interleaved DMA controller: one
 * hardware model plus the platform device the driver binds to, with the
 * device properties that describe how the two are wired.  Used by the
 * default instance, by configfs, by the debugfs demo and by the KUnit
 * suites.
 */
#ifndef _DMA_SIM_CYDMA_BOARD_H
#define _DMA_SIM_CYDMA_BOARD_H

#include <linux/types.h>

#include "simdma-configfs.h"
#include "cydma-hw.h"

struct dentry;
struct device;
struct cydma_board;
struct cydma_debugfs;

/**
 * struct cydma_board_route - one slave map entry of a board
 * @consumer: device name of the client (dev_name())
 * @name: channel name the client asks dma_request_chan() for
 * @line: request line of the peripheral the client drives
 */
struct cydma_board_route {
	const char *consumer;
	const char *name;
	u32 line;
};

/**
 * struct cydma_board_config - what to build
 * @hw: the controller; &cydma_hw_config.id is assigned by the board
 * @routes: slave map entries
 * @nr_routes: entries in @routes
 */
struct cydma_board_config {
	struct cydma_hw_config hw;
	const struct cydma_board_route *routes;
	unsigned int nr_routes;
};

/* Request lines of the default board's peripherals */
#define CYDMA_BOARD_CODEC_LINE		0
#define CYDMA_BOARD_CAMERA_LINE		1
/* 48 kHz, two channels of 16 bits */
#define CYDMA_BOARD_CODEC_RATE		(48000 * 2 * 2)
#define CYDMA_BOARD_CODEC_UNIT		4
/* 120 lines of 160 two-byte pixels, 15 times a second */
#define CYDMA_BOARD_CAMERA_LINE_BYTES	320
#define CYDMA_BOARD_CAMERA_RATE		(CYDMA_BOARD_CAMERA_LINE_BYTES * 120 * 15)

/* Channel name of the bench's route to request line N */
#define CYDMA_BOARD_BENCH_NAME		"line%u"

void cydma_board_default_config(struct cydma_board_config *cfg);
struct cydma_board *cydma_board_create(const struct cydma_board_config *cfg);
void cydma_board_destroy(struct cydma_board *board);
struct cydma_hw *cydma_board_hw(struct cydma_board *board);
struct device *cydma_board_dev(struct cydma_board *board);
struct device *cydma_board_bench(struct cydma_board *board);
const char *cydma_board_name(struct cydma_board *board);

int cydma_board_parse_features(const char *buf, u32 *features);
ssize_t cydma_board_format_features(u32 features, char *buf, size_t size);
int cydma_board_parse_widths(const char *buf, u32 *widths);
ssize_t cydma_board_format_widths(u32 widths, char *buf, size_t size);

#if IS_ENABLED(CONFIG_KUNIT)
struct config_item;

struct config_item *cydma_config_new_device(const char *name);
struct config_item *cydma_config_new_port(struct config_item *dev,
					  const char *name);

/* Attributes by name, as write(2) and read(2) would reach them */
static inline ssize_t cydma_config_write(struct config_item *item,
					 const char *attr, const char *buf)
{
	return simdma_config_write(item, attr, buf);
}

static inline ssize_t cydma_config_read(struct config_item *item,
					const char *attr, char *page)
{
	return simdma_config_read(item, attr, page);
}
#endif

/* Module internals, not exported */
int cydma_configfs_init(void);
void cydma_configfs_exit(void);

#ifdef CONFIG_DEBUG_FS
void cydma_debugfs_init(void);
void cydma_debugfs_exit(void);
struct cydma_debugfs *cydma_debugfs_add(struct cydma_board *board);
void cydma_debugfs_remove(struct cydma_debugfs *d);
void cydma_demo_add(struct dentry *dir, struct cydma_board *board);
#else
static inline void cydma_debugfs_init(void)
{
}

static inline void cydma_debugfs_exit(void)
{
}

static inline struct cydma_debugfs *
cydma_debugfs_add(struct cydma_board *board)
{
	return NULL;
}

static inline void cydma_debugfs_remove(struct cydma_debugfs *d)
{
}
#endif

#endif /* _DMA_SIM_CYDMA_BOARD_H */
