// SPDX-License-Identifier: GPL-2.0
/*
 * Plumbing shared by the boards of the simulated DMA controllers.
 *
 * A board hangs the device its DMA driver binds to below the device
 * standing for the chip, hands it the channel interrupts as IRQ
 * resources and its wiring as a firmware node, and makes sure the driver
 * is bound, so that a failed probe is reported to whoever made the board
 * instead of only in the log.
 */

#include <linux/device.h>
#include <linux/device/driver.h>
#include <linux/err.h>
#include <linux/ioport.h>
#include <linux/kmod.h>
#include <linux/log2.h>
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "simdma-board.h"
#include "simdma-hw.h"

/**
 * simdma_board_add_pdev() - register the device a DMA driver binds to
 * @driver: name of the driver, and of the device
 * @id: platform device id
 * @parent: the device standing for the chip
 * @fwnode: the node describing the wiring, read by the driver
 * @irqs: the channel interrupts, passed in this order as IRQ resources
 *
 * Context: process context; may sleep.
 * Return: the registered device, or an ERR_PTR() of the allocation or
 * registration error.
 */
struct platform_device *
simdma_board_add_pdev(const char *driver, int id, struct device *parent,
		      struct fwnode_handle *fwnode,
		      const struct simdma_irqs *irqs)
{
	struct platform_device *pdev;
	struct resource *res;
	unsigned int i;
	int ret;

	res = kcalloc(irqs->nr, sizeof(*res), GFP_KERNEL);
	if (!res)
		return ERR_PTR(-ENOMEM);
	for (i = 0; i < irqs->nr; i++)
		res[i] = DEFINE_RES_IRQ(irqs->virqs[i]);
	pdev = platform_device_alloc(driver, id);
	if (!pdev) {
		kfree(res);
		return ERR_PTR(-ENOMEM);
	}
	pdev->dev.parent = parent;
	device_set_node(&pdev->dev, fwnode);
	ret = platform_device_add_resources(pdev, res, irqs->nr);
	kfree(res);
	if (!ret)
		ret = platform_device_add(pdev);
	if (ret) {
		platform_device_put(pdev);
		return ERR_PTR(ret);
	}
	return pdev;
}
EXPORT_SYMBOL_GPL(simdma_board_add_pdev);

/**
 * simdma_board_bind() - make sure a board's driver is bound
 * @pdev: the device made by simdma_board_add_pdev()
 * @driver: name of the platform driver; its module is loaded if needed
 *
 * Registration binds the driver if it is there and its probe succeeds.
 * Otherwise the device is bound once more explicitly, which returns the
 * probe's error.
 *
 * Context: process context; may sleep.
 * Return: 0 when bound, -ENODEV when the driver is not available, or
 * the error of its probe.
 */
int simdma_board_bind(struct platform_device *pdev, const char *driver)
{
	struct device *dev = &pdev->dev;
	struct device_driver *drv;
	int ret;

	if (device_is_bound(dev))
		return 0;
	drv = driver_find(driver, &platform_bus_type);
	if (!drv) {
		request_module("platform:%s", driver);
		if (device_is_bound(dev))
			return 0;
		drv = driver_find(driver, &platform_bus_type);
	}
	if (!drv) {
		dev_err(dev, "the %s driver is not available\n", driver);
		return -ENODEV;
	}
	ret = device_driver_attach(drv, dev);
	if (ret == -EBUSY && device_is_bound(dev))
		ret = 0;
	return ret;
}
EXPORT_SYMBOL_GPL(simdma_board_bind);

/**
 * simdma_parse_words() - OR together the bits a word list names
 * @buf: words separated by blanks, tabs, commas or newlines
 * @out: receives the OR of the bits, only on success
 * @fn: turns one word into its bit, or fails with an errno
 *
 * Context: process context.
 * Return: 0, the first error of @fn, or -ENOMEM.
 */
int simdma_parse_words(const char *buf, u32 *out,
		       int (*fn)(const char *word, u32 *bit))
{
	char *dup, *rest, *word;
	u32 bit, acc = 0;
	int ret = 0;

	dup = kstrdup(buf, GFP_KERNEL);
	if (!dup)
		return -ENOMEM;
	rest = dup;
	while ((word = strsep(&rest, " ,\t\n"))) {
		if (!*word)
			continue;
		ret = fn(word, &bit);
		if (ret)
			break;
		acc |= bit;
	}
	kfree(dup);
	if (!ret)
		*out = acc;
	return ret;
}
EXPORT_SYMBOL_GPL(simdma_parse_words);

static int simdma_width_bit(const char *word, u32 *bit)
{
	u32 bytes;

	if (kstrtou32(word, 0, &bytes) || !is_power_of_2(bytes))
		return -EINVAL;
	*bit = BIT(ilog2(bytes));
	return 0;
}

/**
 * simdma_parse_widths() - parse a bus width list
 * @buf: widths in bytes, powers of 2, separated as for simdma_parse_words()
 * @widths: receives bit n set for each width of 2^n bytes, only on
 *	success
 * @max_bytes: widest width accepted, a power of 2
 *
 * Context: process context.
 * Return: 0, -EINVAL for a bad width, -ENOMEM.
 */
int simdma_parse_widths(const char *buf, u32 *widths, u32 max_bytes)
{
	u32 val;
	int ret;

	ret = simdma_parse_words(buf, &val, simdma_width_bit);
	if (ret)
		return ret;
	if (val & ~GENMASK(ilog2(max_bytes), 0))
		return -EINVAL;
	*widths = val;
	return 0;
}
EXPORT_SYMBOL_GPL(simdma_parse_widths);

/**
 * simdma_format_widths() - print a bus width list
 * @widths: bit n set for each width of 2^n bytes
 * @max_bytes: widest width printed, a power of 2
 * @buf: output buffer
 * @size: its size
 *
 * Context: any.
 * Return: characters written, newline included.
 */
ssize_t simdma_format_widths(u32 widths, u32 max_bytes, char *buf,
			     size_t size)
{
	unsigned int n, last = ilog2(max_bytes);
	ssize_t len = 0;

	for (n = 0; n <= last; n++) {
		if (widths & BIT(n))
			len += scnprintf(buf + len, size - len, "%s%u",
					 len ? " " : "", 1U << n);
	}
	return len + scnprintf(buf + len, size - len, "\n");
}
EXPORT_SYMBOL_GPL(simdma_format_widths);
