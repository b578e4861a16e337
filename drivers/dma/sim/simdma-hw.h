/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Plumbing shared by the hardware models of the simulated DMA
 * controllers: the per-channel interrupt lines, the register window a
 * driver reaches through regmap, and the view of RAM a model's engine
 * takes when it follows a bus address.  Model-side only: no DMA driver
 * includes this file.
 */
#ifndef _DMA_SIM_SIMDMA_HW_H
#define _DMA_SIM_SIMDMA_HW_H

#include <linux/irq.h>
#include <linux/types.h>

struct device;
struct fwnode_handle;
struct irq_domain;
struct regmap;

/**
 * struct simdma_irqs - one interrupt line per channel of a model
 * @chip: the interrupt chip of the lines; named after the model
 * @fwnode: names @domain
 * @domain: linear interrupt domain, hardware number = channel number
 * @nr: lines in @virqs
 * @virqs: Linux interrupt numbers of the lines
 *
 * Set up by simdma_irqs_add() and left alone by the model afterwards.
 */
struct simdma_irqs {
	struct irq_chip chip;
	struct fwnode_handle *fwnode;
	struct irq_domain *domain;
	unsigned int nr;
	int *virqs;
};

int simdma_irqs_add(struct simdma_irqs *irqs, const char *name, int id,
		    unsigned int nr);
void simdma_irqs_remove(struct simdma_irqs *irqs);
int simdma_irqs_virq(const struct simdma_irqs *irqs, unsigned int line);
void simdma_irqs_raise(struct simdma_irqs *irqs, unsigned int line);

/**
 * struct simdma_window_ops - what a model answers on its register window
 * @global_read: value of the global register at byte offset @reg; gets
 *	&simdma_window.ctx
 * @chan_read: value of the register at offset @off of a channel; gets the
 *	channel's entry of &simdma_window.chans
 * @chan_write: a write of @val to offset @off of a channel, which gets
 *	the channel's entry of &simdma_window.chans
 *
 * Global registers are read-only; writes to them are dropped.
 */
struct simdma_window_ops {
	u32 (*global_read)(void *ctx, unsigned int reg);
	u32 (*chan_read)(void *chan, unsigned int off);
	void (*chan_write)(void *chan, unsigned int off, u32 val);
};

/**
 * struct simdma_window - the register window of a model
 * @ops: what the model answers
 * @ctx: passed to &simdma_window_ops.global_read
 * @chans: the model's array of channels, @nr_chans entries
 * @chan_size: bytes per entry of @chans
 * @ch_base: offset of channel 0's register block
 * @ch_stride: bytes between two channels' register blocks
 * @nr_chans: channels that exist; blocks past them answer -EIO
 * @regmap: the window, attached to the owning device
 */
struct simdma_window {
	const struct simdma_window_ops *ops;
	void *ctx;
	void *chans;
	size_t chan_size;
	unsigned int ch_base;
	unsigned int ch_stride;
	unsigned int nr_chans;
	struct regmap *regmap;
};

int simdma_window_init(struct simdma_window *win, struct device *dev,
		       unsigned int max_register);
void simdma_window_exit(struct simdma_window *win);

void *simdma_ram(struct device *dev, u64 addr, size_t len);

#endif /* _DMA_SIM_SIMDMA_HW_H */
