// SPDX-License-Identifier: GPL-2.0
/*
 * DMA engine core: debugfs.  Built only with CONFIG_DEBUG_FS.
 *
 *   dmaengine/summary                  one block per registered device:
 *                                      its header line, then one user
 *                                      line per channel in use (both in
 *                                      the long-standing format, unless
 *                                      the provider prints its own), and
 *                                      one statistics line for every
 *                                      registered channel, named after
 *                                      the channel
 *   dmaengine/<device>/                the device's dbg_dev_root, where
 *                                      providers add their own files
 *   dmaengine/<device>/<channel>/stats the channel's statistics
 *
 * A summary block looks like this:
 *
 *   dma0 (ctrl): number of channels: 2
 *    dma0chan0    | client:rx
 *      dma0chan0 stats: submitted=3 completed=3 ...
 *      dma0chan1 stats: submitted=0 completed=0 ...
 *
 * Readers use the lockless statistics; the only lock taken is a channel's
 * res_lock, briefly, to read its client name.  Channels are found on the
 * core's list of registered channels while the device is pinned, so
 * channels added or removed meanwhile are either listed completely or not
 * at all.
 */

#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/seq_file.h>
/* the public and provider views of channels */
#include <linux/dmaengine.h>
#include <linux/init.h>
/* THIS_MODULE for the file operations */
#include <linux/module.h>

#include "dmaengine.h"
#include "dmaengine-internal.h"

/* dmaengine/, created once at core init (NULL if debugfs refused). */
static struct dentry *dma_debugfs_root;

static void dma_debugfs_stats_line(struct seq_file *s, struct dma_chan *chan)
{
	const struct dma_chan_stats *st = &chan->stats;

	seq_printf(s, "   %s stats: submitted=%lld completed=%lld errors=%lld aborted=%lld bytes=%lld in_flight=%d/%d periods=%lld/%lld\n",
		   dma_chan_name(chan),
		   (long long)atomic64_read(&st->submitted),
		   (long long)atomic64_read(&st->completed),
		   (long long)atomic64_read(&st->errors),
		   (long long)atomic64_read(&st->aborted),
		   (long long)atomic64_read(&st->bytes),
		   atomic_read(&st->in_flight), atomic_read(&st->in_flight_max),
		   (long long)atomic64_read(&st->periods),
		   (long long)atomic64_read(&st->periods_coalesced));
}

/* " <channel>   | <client>[ (via router: <router>)]" for a used channel. */
static void dma_debugfs_user_line(struct seq_file *s, struct dma_chan *chan)
{
	struct dma_router *router;
	const char *who;

	mutex_lock(&chan->res_lock);
	who = chan->dbg_client_name ? chan->dbg_client_name : "in-use";
	router = chan->router;
	seq_printf(s, " %-13s| %s", dma_chan_name(chan), who);
	if (router)
		seq_printf(s, " (via router: %s)", dev_name(router->dev));
	seq_putc(s, '\n');
	mutex_unlock(&chan->res_lock);
}

/* Caller pinned @device. */
static void dma_debugfs_summary_device(struct seq_file *s,
				       struct dma_device *device)
{
	struct dma_chan *chan;

	seq_printf(s, "dma%d (%s): number of channels: %u\n", device->dev_id,
		   dev_name(device->dev), READ_ONCE(device->chancnt));
	if (device->dbg_summary_show)
		device->dbg_summary_show(s, device);

	list_for_each_entry_rcu(chan, &device->core_channels, core_node,
				dma_chans_walkable(device)) {
		if (!dma_chan_test(chan, DMA_CHAN_REGISTERED))
			continue;
		if (!device->dbg_summary_show && READ_ONCE(chan->client_count))
			dma_debugfs_user_line(s, chan);
		dma_debugfs_stats_line(s, chan);
	}
}

static int dma_summary_show(struct seq_file *s, void *unused)
{
	struct dma_device *device;
	bool first = true;
	u64 cursor = 0;

	while ((device = dma_device_next(&cursor))) {
		if (!first)
			seq_putc(s, '\n');
		first = false;
		dma_debugfs_summary_device(s, device);
		dma_device_unpin(device);
	}
	return 0;
}

static int dma_summary_open(struct inode *inode, struct file *file)
{
	return single_open(file, dma_summary_show, inode->i_private);
}

/* read_iter (not read) so that kernel_read() works on the file too */
static const struct file_operations dma_summary_fops = {
	.owner = THIS_MODULE,
	.open = dma_summary_open,
	.read_iter = seq_read_iter,
	.llseek = seq_lseek,
	.release = single_release,
};

static void dma_chan_stats_print(struct seq_file *s, struct dma_chan *chan)
{
	const struct dma_chan_stats *st = &chan->stats;

	seq_printf(s, "submitted: %lld\n", (long long)atomic64_read(&st->submitted));
	seq_printf(s, "completed: %lld\n", (long long)atomic64_read(&st->completed));
	seq_printf(s, "errors: %lld\n", (long long)atomic64_read(&st->errors));
	seq_printf(s, "aborted: %lld\n", (long long)atomic64_read(&st->aborted));
	seq_printf(s, "bytes: %lld\n", (long long)atomic64_read(&st->bytes));
	seq_printf(s, "periods: %lld\n", (long long)atomic64_read(&st->periods));
	seq_printf(s, "periods_coalesced: %lld\n",
		   (long long)atomic64_read(&st->periods_coalesced));
	seq_printf(s, "in_flight: %d\n", atomic_read(&st->in_flight));
	seq_printf(s, "in_flight_max: %d\n", atomic_read(&st->in_flight_max));
	seq_printf(s, "clients: %d\n", READ_ONCE(chan->client_count));
}

/*
 * The file is created "unsafe" (so that its own read_iter is used), hence
 * the explicit debugfs_file_get(): removal of the channel's directory waits
 * for readers inside it.
 */
static int dma_chan_stats_show(struct seq_file *s, void *unused)
{
	struct dentry *dentry = s->file->f_path.dentry;
	int ret = debugfs_file_get(dentry);

	if (ret)
		return ret;
	dma_chan_stats_print(s, s->private);
	debugfs_file_put(dentry);
	return 0;
}

static int dma_chan_stats_open(struct inode *inode, struct file *file)
{
	return single_open(file, dma_chan_stats_show, inode->i_private);
}

static const struct file_operations dma_chan_stats_fops = {
	.owner = THIS_MODULE,
	.open = dma_chan_stats_open,
	.read_iter = seq_read_iter,
	.llseek = seq_lseek,
	.release = single_release,
};

/**
 * dma_debugfs_add_chan() - create a channel's debugfs directory
 * @device: the channel's device
 * @chan: the registered channel
 *
 * Context: process context.
 */
void dma_debugfs_add_chan(struct dma_device *device, struct dma_chan *chan)
{
	struct dentry *dir;

	if (!device->dbg_dev_root)
		return;
	dir = debugfs_create_dir(dma_chan_name(chan), device->dbg_dev_root);
	debugfs_create_file_unsafe("stats", 0444, dir, chan,
				   &dma_chan_stats_fops);
}

/**
 * dma_debugfs_remove_chan() - remove a channel's debugfs directory
 * @device: the channel's device
 * @chan: the channel, still named
 *
 * Waits for readers of the channel's files.
 *
 * Context: process context.
 */
void dma_debugfs_remove_chan(struct dma_device *device, struct dma_chan *chan)
{
	if (device->dbg_dev_root && chan->dev)
		debugfs_lookup_and_remove(dma_chan_name(chan),
					  device->dbg_dev_root);
}

/**
 * dma_debugfs_add_device() - create a device's debugfs directory
 * @device: the registered device
 *
 * A failure (a name clash, debugfs disabled) leaves dbg_dev_root NULL.
 *
 * Context: process context.
 */
void dma_debugfs_add_device(struct dma_device *device)
{
	struct dentry *dir;
	struct dma_chan *chan;

	device->dbg_dev_root = NULL;
	if (!dma_debugfs_root || !dma_device_pin(device))
		return;
	dir = debugfs_create_dir(dev_name(device->dev), dma_debugfs_root);
	if (!IS_ERR(dir)) {
		device->dbg_dev_root = dir;
		list_for_each_entry_rcu(chan, &device->core_channels, core_node,
					dma_chans_walkable(device)) {
			if (dma_chan_test(chan, DMA_CHAN_REGISTERED))
				dma_debugfs_add_chan(device, chan);
		}
	}
	dma_device_unpin(device);
}

/**
 * dma_debugfs_remove_device() - remove a device's debugfs directory
 * @device: the device
 *
 * Removes the provider's files below dbg_dev_root as well.
 *
 * Context: process context.
 */
void dma_debugfs_remove_device(struct dma_device *device)
{
	debugfs_remove_recursive(device->dbg_dev_root);
	device->dbg_dev_root = NULL;
}

/**
 * dma_debugfs_init() - create dmaengine/ and its summary file
 *
 * Context: early boot (core init).
 */
void __init dma_debugfs_init(void)
{
	struct dentry *root = debugfs_create_dir("dmaengine", NULL);

	if (IS_ERR(root))
		return;
	dma_debugfs_root = root;
	debugfs_create_file_unsafe("summary", 0444, root, NULL,
				   &dma_summary_fops);
}
