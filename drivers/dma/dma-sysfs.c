// SPDX-License-Identifier: GPL-2.0
/*
 * DMA engine core: the "dma" device class.
 *
 * Every registered channel has a class device below its controller, named
 * "dma<device id>chan<channel id>" unless the provider chose a name.  The
 * attributes read the core's lockless statistics and never take a lock
 * that a channel request could be waiting for:
 *
 *   memcpy_count       descriptors completed on the channel
 *   bytes_transferred  bytes moved by those descriptors (when known)
 *   in_use             references held on the channel
 *
 * Once the channel is unregistered the attributes answer -ENODEV.
 */

#include <linux/device.h>
#include <linux/dmaengine.h>
#include <linux/percpu.h>
#include <linux/slab.h>
#include <linux/sysfs.h>

#include "dmaengine-internal.h"

static struct dma_chan_dev *to_dma_chan_dev(struct device *dev)
{
	return container_of(dev, struct dma_chan_dev, device);
}

/* The channel behind a class device, NULL once it was unregistered. */
static struct dma_chan *dma_chan_of(struct device *dev)
{
	return READ_ONCE(to_dma_chan_dev(dev)->chan);
}

static ssize_t memcpy_count_show(struct device *dev,
				 struct device_attribute *attr, char *buf)
{
	struct dma_chan *chan = dma_chan_of(dev);

	if (!chan)
		return -ENODEV;
	return sysfs_emit(buf, "%lld\n",
			  (long long)atomic64_read(&chan->stats.completed));
}
static DEVICE_ATTR_RO(memcpy_count);

static ssize_t bytes_transferred_show(struct device *dev,
				      struct device_attribute *attr, char *buf)
{
	struct dma_chan *chan = dma_chan_of(dev);

	if (!chan)
		return -ENODEV;
	return sysfs_emit(buf, "%lld\n",
			  (long long)atomic64_read(&chan->stats.bytes));
}
static DEVICE_ATTR_RO(bytes_transferred);

static ssize_t in_use_show(struct device *dev, struct device_attribute *attr,
			   char *buf)
{
	struct dma_chan *chan = dma_chan_of(dev);

	if (!chan)
		return -ENODEV;
	return sysfs_emit(buf, "%d\n", READ_ONCE(chan->client_count));
}
static DEVICE_ATTR_RO(in_use);

static struct attribute *dma_chan_attrs[] = {
	&dev_attr_memcpy_count.attr,
	&dev_attr_bytes_transferred.attr,
	&dev_attr_in_use.attr,
	NULL,
};
ATTRIBUTE_GROUPS(dma_chan);

static void dma_chan_dev_free(struct device *dev)
{
	kfree(to_dma_chan_dev(dev));
}

static struct class dma_devclass = {
	.name = "dma",
	.dev_groups = dma_chan_groups,
	.dev_release = dma_chan_dev_free,
};

/**
 * dma_chan_dev_add() - create the class device of a channel
 * @device: the channel's device (dev_id assigned)
 * @chan: the channel (chan_id assigned)
 * @name: the name, or NULL for "dma%dchan%d"
 *
 * Context: process context; may sleep.
 * Return: 0 or a negative error code.
 */
int dma_chan_dev_add(struct dma_device *device, struct dma_chan *chan,
		     const char *name)
{
	struct dma_chan_dev *cd = kzalloc(sizeof(*cd), GFP_KERNEL);
	int ret;

	if (!cd)
		return -ENOMEM;
	cd->chan = chan;
	cd->dev_id = device->dev_id;
	cd->device.class = &dma_devclass;
	cd->device.parent = device->dev;
	device_initialize(&cd->device);

	if (name)
		ret = dev_set_name(&cd->device, "%s", name);
	else
		ret = dev_set_name(&cd->device, "dma%dchan%d", device->dev_id,
				   chan->chan_id);
	if (!ret) {
		chan->dev = cd;
		ret = device_add(&cd->device);
	}
	if (ret) {
		chan->dev = NULL;
		put_device(&cd->device);
	}
	return ret;
}

/**
 * dma_chan_dev_remove() - delete the class device of a channel
 * @chan: the channel
 * @held: the channel is still referenced; keep the structure alive (and
 *	@chan->dev valid) until dma_chan_dev_release_orphan()
 *
 * Context: process context; caller holds @chan->res_lock.
 */
void dma_chan_dev_remove(struct dma_chan *chan, bool held)
{
	struct dma_chan_dev *cd = chan->dev;

	lockdep_assert_held(&chan->res_lock);
	if (!cd)
		return;
	WRITE_ONCE(cd->chan, NULL);
	if (held)
		get_device(&cd->device);
	device_unregister(&cd->device);
	if (!held)
		chan->dev = NULL;
}

/**
 * dma_chan_dev_release_orphan() - free what an unregistered channel kept
 * @chan: a channel unregistered while held, now released
 *
 * Context: process context; caller holds @chan->res_lock.
 */
void dma_chan_dev_release_orphan(struct dma_chan *chan)
{
	lockdep_assert_held(&chan->res_lock);
	if (chan->dev) {
		put_device(&chan->dev->device);
		chan->dev = NULL;
	}
	free_percpu(chan->local);
	chan->local = NULL;
}

/**
 * dma_sysfs_init() - register the "dma" class
 *
 * Context: early boot (core init).
 * Return: 0 or a negative error code.
 */
int __init dma_sysfs_init(void)
{
	return class_register(&dma_devclass);
}
