// SPDX-License-Identifier: GPL-2.0
/*
 * Plumbing shared by the hardware models of the simulated DMA
 * controllers.
 *
 * A model raises its channel interrupts through a linear interrupt
 * domain of its own, with one simple-handled line per channel.  Its
 * register window is a regmap without a bus: the regmap's reg_read and
 * reg_write land here, are split into the global block and the
 * per-channel blocks, and are handed to the model.  The regmap's own
 * locking is off, as the models lock per channel.  Bus addresses are
 * turned back into CPU addresses with dma_to_phys() and phys_to_virt(),
 * which is exact for dma-direct without an IOMMU, the only setup the
 * simulated controllers support.
 */

#include <linux/dma-direct.h>
#include <linux/err.h>
#include <linux/irq.h>
#include <linux/irqdomain.h>
#include <linux/minmax.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/regmap.h>
#include <linux/slab.h>

#include "simdma-hw.h"

/* ---- interrupt lines ---------------------------------------------- */

static int simdma_irqs_map(struct irq_domain *domain, unsigned int virq,
			   irq_hw_number_t hwirq)
{
	struct simdma_irqs *irqs = domain->host_data;

	irq_set_chip_data(virq, irqs);
	irq_set_chip_and_handler(virq, &irqs->chip, handle_simple_irq);
	irq_set_noprobe(virq);
	return 0;
}

static const struct irq_domain_ops simdma_irqs_domain_ops = {
	.map = simdma_irqs_map,
	.xlate = irq_domain_xlate_onecell,
};

/**
 * simdma_irqs_add() - create the interrupt lines of a model
 * @irqs: zeroed, to be filled in
 * @name: names the interrupt chip and the domain, e.g. "sgdma-hw"; must
 *	outlive @irqs
 * @id: instance number, appended to the domain's name
 * @nr: lines to create, one per channel
 *
 * Context: process context; may sleep.
 * Return: 0, or -ENOMEM or -ENOSPC when out of memory or interrupt
 * numbers (nothing is left allocated then).
 */
int simdma_irqs_add(struct simdma_irqs *irqs, const char *name, int id,
		    unsigned int nr)
{
	unsigned int i;

	irqs->chip.name = name;
	irqs->virqs = kcalloc(nr, sizeof(*irqs->virqs), GFP_KERNEL);
	if (!irqs->virqs)
		return -ENOMEM;
	irqs->fwnode = irq_domain_alloc_named_id_fwnode(name, id);
	if (!irqs->fwnode)
		goto err_virqs;
	irqs->domain = irq_domain_create_linear(irqs->fwnode, nr,
						&simdma_irqs_domain_ops, irqs);
	if (!irqs->domain)
		goto err_fwnode;
	irqs->nr = nr;
	for (i = 0; i < nr; i++) {
		irqs->virqs[i] = irq_create_mapping(irqs->domain, i);
		if (!irqs->virqs[i]) {
			simdma_irqs_remove(irqs);
			return -ENOSPC;
		}
	}
	return 0;

err_fwnode:
	irq_domain_free_fwnode(irqs->fwnode);
err_virqs:
	kfree(irqs->virqs);
	irqs->virqs = NULL;
	return -ENOMEM;
}
EXPORT_SYMBOL_GPL(simdma_irqs_add);

/**
 * simdma_irqs_remove() - dispose of the lines made by simdma_irqs_add()
 * @irqs: lines that were added successfully
 *
 * No handler may still be requested on any of the lines.
 *
 * Context: process context; may sleep.
 */
void simdma_irqs_remove(struct simdma_irqs *irqs)
{
	unsigned int i;

	for (i = 0; i < irqs->nr; i++) {
		if (irqs->virqs[i])
			irq_dispose_mapping(irqs->virqs[i]);
	}
	irq_domain_remove(irqs->domain);
	irq_domain_free_fwnode(irqs->fwnode);
	kfree(irqs->virqs);
	irqs->virqs = NULL;
	irqs->nr = 0;
}
EXPORT_SYMBOL_GPL(simdma_irqs_remove);

/**
 * simdma_irqs_virq() - Linux interrupt number of one line
 * @irqs: the lines
 * @line: line (channel) number
 *
 * Context: any.
 * Return: the interrupt number, or -EINVAL for a line that does not
 * exist.
 */
int simdma_irqs_virq(const struct simdma_irqs *irqs, unsigned int line)
{
	return line < irqs->nr ? irqs->virqs[line] : -EINVAL;
}
EXPORT_SYMBOL_GPL(simdma_irqs_virq);

/**
 * simdma_irqs_raise() - deliver one interrupt on a line
 * @irqs: the lines
 * @line: line (channel) number
 *
 * Runs the handler the driver requested, if any, before returning.
 *
 * Context: any; the caller must hold no lock the handler takes.
 */
void simdma_irqs_raise(struct simdma_irqs *irqs, unsigned int line)
{
	generic_handle_domain_irq_safe(irqs->domain, line);
}
EXPORT_SYMBOL_GPL(simdma_irqs_raise);

/* ---- register window ---------------------------------------------- */

/* The channel whose register block holds @reg (not a global register) */
static void *simdma_window_chan(const struct simdma_window *win,
				unsigned int reg)
{
	return win->chans + (reg - win->ch_base) / win->ch_stride *
	       win->chan_size;
}

/* Whether @reg lies past the last channel that exists */
static bool simdma_window_absent(const struct simdma_window *win,
				 unsigned int reg)
{
	return reg >= win->ch_base &&
	       (reg - win->ch_base) / win->ch_stride >= win->nr_chans;
}

static int simdma_window_read(void *context, unsigned int reg,
			      unsigned int *val)
{
	struct simdma_window *win = context;

	if (simdma_window_absent(win, reg))
		return -EIO;
	if (reg < win->ch_base)
		*val = win->ops->global_read(win->ctx, reg);
	else
		*val = win->ops->chan_read(simdma_window_chan(win, reg),
					   (reg - win->ch_base) % win->ch_stride);
	return 0;
}

static int simdma_window_write(void *context, unsigned int reg,
			       unsigned int val)
{
	struct simdma_window *win = context;

	if (simdma_window_absent(win, reg))
		return -EIO;
	if (reg >= win->ch_base)
		win->ops->chan_write(simdma_window_chan(win, reg),
				     (reg - win->ch_base) % win->ch_stride, val);
	return 0;
}

/**
 * simdma_window_init() - attach a model's register window to a device
 * @win: every field but @regmap filled in
 * @dev: device the window is attached to, found there with
 *	dev_get_regmap(dev, NULL)
 * @max_register: offset of the last register, covering every channel
 *	the register layout allows
 *
 * Context: process context; may sleep.
 * Return: 0, or the error of regmap_init().
 */
int simdma_window_init(struct simdma_window *win, struct device *dev,
		       unsigned int max_register)
{
	/* regmap copies what it needs; the description may go */
	const struct regmap_config config = {
		.reg_bits = 32,
		.val_bits = 32,
		.reg_stride = 4,
		.max_register = max_register,
		.reg_read = simdma_window_read,
		.reg_write = simdma_window_write,
		.disable_locking = true,
		.cache_type = REGCACHE_NONE,
	};

	win->regmap = regmap_init(dev, NULL, win, &config);
	return PTR_ERR_OR_ZERO(win->regmap);
}
EXPORT_SYMBOL_GPL(simdma_window_init);

/**
 * simdma_window_exit() - detach a window set up by simdma_window_init()
 * @win: the window
 *
 * Context: process context; may sleep.
 */
void simdma_window_exit(struct simdma_window *win)
{
	regmap_exit(win->regmap);
}
EXPORT_SYMBOL_GPL(simdma_window_exit);

/* ---- bus ---------------------------------------------------------- */

/**
 * simdma_ram() - CPU address of a stretch of RAM a model accesses
 * @dev: device whose bus addresses @addr is in
 * @addr: bus address of the first byte
 * @len: bytes from @addr (0 is taken as 1)
 *
 * Context: any.
 * Return: the CPU address of @addr, or NULL when the range wraps, is not
 * contiguous in physical memory or is not RAM: the model reports a bus
 * error then.
 */
void *simdma_ram(struct device *dev, u64 addr, size_t len)
{
	phys_addr_t lo, hi;

	len = max_t(size_t, len, 1);
	if (addr + len - 1 < addr)
		return NULL;
	lo = dma_to_phys(dev, addr);
	hi = dma_to_phys(dev, addr + len - 1);
	if (hi < lo || hi - lo != len - 1)
		return NULL;
	if (!pfn_valid(PHYS_PFN(lo)) || !pfn_valid(PHYS_PFN(hi)))
		return NULL;
	return phys_to_virt(lo);
}
EXPORT_SYMBOL_GPL(simdma_ram);

MODULE_DESCRIPTION("Common plumbing of the simulated DMA controllers");
MODULE_LICENSE("GPL");
