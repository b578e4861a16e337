/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Plumbing shared by the boards of the simulated DMA controllers: the
 * platform device a driver binds to, binding it, and the word lists that
 * module parameters and configfs attributes are written in.
 */
#ifndef _DMA_SIM_SIMDMA_BOARD_H
#define _DMA_SIM_SIMDMA_BOARD_H

#include <linux/types.h>

struct device;
struct fwnode_handle;
struct platform_device;
struct simdma_irqs;

struct platform_device *
simdma_board_add_pdev(const char *driver, int id, struct device *parent,
		      struct fwnode_handle *fwnode,
		      const struct simdma_irqs *irqs);
int simdma_board_bind(struct platform_device *pdev, const char *driver);

int simdma_parse_words(const char *buf, u32 *out,
		       int (*fn)(const char *word, u32 *bit));
int simdma_parse_widths(const char *buf, u32 *widths, u32 max_bytes);
ssize_t simdma_format_widths(u32 widths, u32 max_bytes, char *buf,
			     size_t size);

#endif /* _DMA_SIM_SIMDMA_BOARD_H */
