// SPDX-License-Identifier: GPL-2.0
/*
 * DMA engine core: the registry of DMA devices and of their channels.
 *
 * A provider registers a struct dma_device whose channels are already on
 * its ->channels list.  Registration validates the device (advertised
 * capabilities must come with their prep callbacks), gives it the
 * lowest free "dma%d" id, gives every channel the next id of the device's
 * own allocator and a class device named "dma%dchan%d", and appends the
 * device to dma_device_list.
 *
 * Readers find devices under RCU and pin the one they work on
 * (dma_device_pin()) so they can sleep without holding any lock; writers
 * hold dma_list_mutex only for the list edit itself.  Unregistering takes
 * the device off the list, waits for an RCU grace period and for the pins
 * to drain, tears the channels down and drops the registration reference;
 * the provider's device_release() runs when the last reference (a channel
 * still held by a client) is gone.
 *
 * The other parts of the core live next to this file: channel requests in
 * dma-request.c, public channels in dma-public.c, transaction helpers in
 * dma-tx.c, unmap pools in dma-unmap.c, sysfs in dma-sysfs.c, debugfs in
 * dma-debugfs.c and the tracepoints in dma-trace.c.
 */

#define pr_fmt(fmt) "dmaengine: " fmt

#include <linux/dmaengine.h>
#include <linux/device.h>
#include <linux/idr.h>
/* id allocators and the RCU device list */
#include <linux/rculist.h>
#include <linux/wait.h>
#include <linux/init.h>
#include <linux/module.h>
/* per-CPU legacy counters of each channel */
#include <linux/percpu.h>
#include <linux/slab.h>

#include "dmaengine.h"
#include "dmaengine-internal.h"

/* Registered devices, in registration order (RCU; writers: dma_list_mutex). */
LIST_HEAD(dma_device_list);
/* Protects dma_device_list edits, dma_reg_seq and dma_device.reg_seq. */
DEFINE_MUTEX(dma_list_mutex);
/* Device ids ("dma%d"); the lowest free id is handed out. */
static DEFINE_IDA(dma_ida);
/* Last registration sequence number used (under dma_list_mutex). */
static u64 dma_reg_seq;
/* Woken when the last pin of a device goes away. */
static DECLARE_WAIT_QUEUE_HEAD(dma_unpin_wq);

/* Wait until no walker can still see a device or channel just retired. */
static void dma_wait_for_readers(struct dma_device *device)
{
	synchronize_rcu();
	wait_event(dma_unpin_wq, !atomic_read(&device->core_pins));
}

/* A capability and the prep callback it requires. */
struct dma_op_rule {
	enum dma_transaction_type cap;
	size_t offset;
	const char *op;
};

#define DMA_OP_RULE(c, member) \
	{ .cap = (c), .offset = offsetof(struct dma_device, member), .op = #member }

static const struct dma_op_rule dma_op_rules[] = {
	DMA_OP_RULE(DMA_MEMCPY, device_prep_dma_memcpy),
	DMA_OP_RULE(DMA_XOR, device_prep_dma_xor),
	DMA_OP_RULE(DMA_XOR_VAL, device_prep_dma_xor_val),
	DMA_OP_RULE(DMA_PQ, device_prep_dma_pq),
	DMA_OP_RULE(DMA_PQ_VAL, device_prep_dma_pq_val),
	DMA_OP_RULE(DMA_MEMSET, device_prep_dma_memset),
	DMA_OP_RULE(DMA_MEMSET_SG, device_prep_dma_memset_sg),
	DMA_OP_RULE(DMA_INTERRUPT, device_prep_dma_interrupt),
	DMA_OP_RULE(DMA_CYCLIC, device_prep_dma_cyclic),
	DMA_OP_RULE(DMA_INTERLEAVE, device_prep_interleaved_dma),
	DMA_OP_RULE(DMA_REPEAT, device_prep_interleaved_dma),
	DMA_OP_RULE(DMA_LOAD_EOT, device_prep_interleaved_dma),
};

static const char * const dma_cap_names[DMA_TX_TYPE_END] = {
	[DMA_MEMCPY] = "DMA_MEMCPY",
	[DMA_XOR] = "DMA_XOR",
	[DMA_PQ] = "DMA_PQ",
	[DMA_XOR_VAL] = "DMA_XOR_VAL",
	[DMA_PQ_VAL] = "DMA_PQ_VAL",
	[DMA_MEMSET] = "DMA_MEMSET",
	[DMA_MEMSET_SG] = "DMA_MEMSET_SG",
	[DMA_INTERRUPT] = "DMA_INTERRUPT",
	[DMA_PRIVATE] = "DMA_PRIVATE",
	[DMA_ASYNC_TX] = "DMA_ASYNC_TX",
	[DMA_SLAVE] = "DMA_SLAVE",
	[DMA_CYCLIC] = "DMA_CYCLIC",
	[DMA_INTERLEAVE] = "DMA_INTERLEAVE",
	[DMA_COMPLETION_NO_ORDER] = "DMA_COMPLETION_NO_ORDER",
	[DMA_REPEAT] = "DMA_REPEAT",
	[DMA_LOAD_EOT] = "DMA_LOAD_EOT",
};

/**
 * dma_cap_name() - printable name of a capability
 * @cap: the capability
 *
 * Context: any.
 * Return: the enumerator's name, or "?" for an unknown value.
 */
const char *dma_cap_name(enum dma_transaction_type cap)
{
	if ((unsigned int)cap >= DMA_TX_TYPE_END || !dma_cap_names[cap])
		return "?";
	return dma_cap_names[cap];
}

static bool dma_dev_has_op(const struct dma_device *device, size_t offset)
{
	const void * const *slot = (const void *)device + offset;

	return !!*slot;
}

/*
 * Slave devices need a way to prepare peripheral transfers: one of the
 * slave_sg, peripheral_dma_vec, cyclic or interleaved prep callbacks.  A
 * few legacy drivers advertise DMA_SLAVE for memcpy channels that are only
 * meant to be allocated exclusively; they are accepted with a warning.
 */
static int dma_check_slave_ops(struct dma_device *device)
{
	if (!dma_has_cap(DMA_SLAVE, device->cap_mask))
		return 0;
	if (device->device_prep_slave_sg ||
	    device->device_prep_peripheral_dma_vec ||
	    device->device_prep_dma_cyclic ||
	    device->device_prep_interleaved_dma)
		return 0;
	if (device->device_prep_dma_memcpy) {
		dev_warn(device->dev,
			 "DMA_SLAVE without a slave prep callback, accepted for memcpy use only\n");
		return 0;
	}
	dev_err(device->dev,
		"DMA_SLAVE set but device_prep_slave_sg, device_prep_peripheral_dma_vec, device_prep_dma_cyclic and device_prep_interleaved_dma are all missing\n");
	return -EIO;
}

static int dma_check_ops(struct dma_device *device)
{
	const struct dma_op_rule *rule;

	for (rule = dma_op_rules; rule < dma_op_rules + ARRAY_SIZE(dma_op_rules);
	     rule++) {
		if (!dma_has_cap(rule->cap, device->cap_mask) ||
		    dma_dev_has_op(device, rule->offset))
			continue;
		dev_err(device->dev, "%s set but %s is missing\n",
			dma_cap_name(rule->cap), rule->op);
		return -EIO;
	}
	if (dma_check_slave_ops(device))
		return -EIO;
	if (!device->device_tx_status) {
		dev_err(device->dev, "device_tx_status is missing\n");
		return -EIO;
	}
	if (!device->device_issue_pending) {
		dev_err(device->dev, "device_issue_pending is missing\n");
		return -EIO;
	}
	return 0;
}

/*
 * DMA_ASYNC_TX marks devices able to run every operation the configured
 * async_tx library may offload, so that a dependency chain never has to
 * switch channels.
 */
static bool dma_device_serves_async_tx(struct dma_device *device)
{
	dma_cap_mask_t need;

	dma_cap_zero(need);
	if (IS_ENABLED(CONFIG_ASYNC_TX_DMA))
		dma_cap_set(DMA_INTERRUPT, need);
	if (IS_ENABLED(CONFIG_ASYNC_MEMCPY))
		dma_cap_set(DMA_MEMCPY, need);
	if (IS_ENABLED(CONFIG_ASYNC_XOR)) {
		dma_cap_set(DMA_XOR, need);
		if (!IS_ENABLED(CONFIG_ASYNC_TX_DISABLE_XOR_VAL_DMA))
			dma_cap_set(DMA_XOR_VAL, need);
	}
	if (IS_ENABLED(CONFIG_ASYNC_PQ)) {
		dma_cap_set(DMA_PQ, need);
		if (!IS_ENABLED(CONFIG_ASYNC_TX_DISABLE_PQ_VAL_DMA))
			dma_cap_set(DMA_PQ_VAL, need);
	}
	return bitmap_subset(need.bits, device->cap_mask.bits, DMA_TX_TYPE_END);
}

static void dma_device_prepare(struct dma_device *device)
{
	struct device_driver *drv = device->dev->driver;

	device->owner = drv ? drv->owner : NULL;
	kref_init(&device->ref);
	spin_lock_init(&device->core_lock);
	device->public_busy = 0;
	atomic_set(&device->core_pins, 0);
	INIT_LIST_HEAD(&device->core_channels);
	device->chancnt = 0;
	device->dbg_dev_root = NULL;
	/* a device registered private stays private for good */
	device->privatecnt = dma_dev_is_private(device) ? 1 : 0;
	ida_init(&device->chan_ida);

	if (dma_device_serves_async_tx(device))
		dma_cap_set(DMA_ASYNC_TX, device->cap_mask);
	else
		dma_cap_clear(DMA_ASYNC_TX, device->cap_mask);

	if (!device->device_release)
		dev_notice(device->dev,
			   "no device_release: unbinding while channels are held is unsafe\n");
}

static void dma_chan_reset_core(struct dma_chan *chan)
{
	mutex_init(&chan->res_lock);
	chan->public_refs = 0;
	chan->core_flags = 0;
	chan->client_count = 0;
	memset(&chan->stats, 0, sizeof(chan->stats));
}

static int dma_chan_register(struct dma_device *device, struct dma_chan *chan,
			     const char *name)
{
	int ret;

	if (chan->device != device) {
		dev_err(device->dev, "channel does not point back to its device\n");
		return -EINVAL;
	}
	dma_chan_reset_core(chan);

	chan->local = alloc_percpu(struct dma_chan_percpu);
	if (!chan->local)
		return -ENOMEM;
	ret = ida_alloc(&device->chan_ida, GFP_KERNEL);
	if (ret < 0)
		goto err_local;
	chan->chan_id = ret;

	ret = dma_chan_dev_add(device, chan, name);
	if (ret)
		goto err_id;

	spin_lock(&device->core_lock);
	set_bit(DMA_CHAN_REGISTERED, &chan->core_flags);
	list_add_tail_rcu(&chan->core_node, &device->core_channels);
	WRITE_ONCE(device->chancnt, device->chancnt + 1);
	spin_unlock(&device->core_lock);
	dma_debugfs_add_chan(device, chan);
	return 0;

err_id:
	ida_free(&device->chan_ida, chan->chan_id);
err_local:
	free_percpu(chan->local);
	chan->local = NULL;
	return ret;
}

/*
 * First half of a channel's removal: no new user can find it.  Walkers
 * already on the core list may still see it until dma_wait_for_readers().
 */
static bool dma_chan_retire(struct dma_device *device, struct dma_chan *chan)
{
	bool was;

	spin_lock(&device->core_lock);
	was = test_and_clear_bit(DMA_CHAN_REGISTERED, &chan->core_flags);
	if (was) {
		set_bit(DMA_CHAN_RETIRING, &chan->core_flags);
		list_del_rcu(&chan->core_node);
		WRITE_ONCE(device->chancnt, device->chancnt - 1);
	}
	spin_unlock(&device->core_lock);
	return was;
}

/* Second half: drop public references, links, class device and id. */
static void dma_chan_teardown(struct dma_device *device, struct dma_chan *chan)
{
	bool held;

	if (!test_and_clear_bit(DMA_CHAN_RETIRING, &chan->core_flags))
		return;

	dma_public_balance_chan(chan);
	dma_debugfs_remove_chan(device, chan);

	mutex_lock(&chan->res_lock);
	held = chan->client_count > 0;
	dma_chan_drop_links_locked(chan);
	if (held)
		set_bit(DMA_CHAN_ORPHAN, &chan->core_flags);
	ida_free(&device->chan_ida, chan->chan_id);
	dma_chan_dev_remove(chan, held);
	if (!held) {
		free_percpu(chan->local);
		chan->local = NULL;
	}
	mutex_unlock(&chan->res_lock);

	if (held && !device->device_release)
		dev_warn(device->dev,
			 "channel %d unregistered while in use and no device_release\n",
			 chan->chan_id);
}

static int dma_register_channels(struct dma_device *device)
{
	struct dma_chan *chan;
	int ret;

	list_for_each_entry(chan, &device->channels, device_node) {
		ret = dma_chan_register(device, chan, NULL);
		if (ret)
			goto undo;
	}
	return 0;

undo:
	list_for_each_entry_continue_reverse(chan, &device->channels,
					     device_node) {
		if (dma_chan_retire(device, chan))
			dma_chan_teardown(device, chan);
	}
	return ret;
}

static void dma_device_publish(struct dma_device *device)
{
	mutex_lock(&dma_list_mutex);
	device->reg_seq = ++dma_reg_seq;
	list_add_tail_rcu(&device->global_node, &dma_device_list);
	mutex_unlock(&dma_list_mutex);
}

static bool dma_device_unpublish(struct dma_device *device)
{
	bool listed;

	mutex_lock(&dma_list_mutex);
	listed = device->reg_seq != 0;
	if (listed) {
		list_del_rcu(&device->global_node);
		WRITE_ONCE(device->reg_seq, 0);
	}
	mutex_unlock(&dma_list_mutex);
	return listed;
}

static int dma_device_validate(struct dma_device *device)
{
	if (!device) {
		pr_err("registering a NULL DMA device\n");
		return -ENODEV;
	}
	if (!device->dev) {
		pr_err("registering a DMA device without ->dev\n");
		return -EIO;
	}
	if (READ_ONCE(device->reg_seq)) {
		dev_err(device->dev, "DMA device registered twice\n");
		return -EBUSY;
	}
	return dma_check_ops(device);
}

/**
 * dma_async_device_register() - register a DMA device with the core
 * @device: the device, with ->dev, the capabilities, the callbacks and the
 *	channel list filled in
 *
 * Each operation capability must come with its prep callback (DMA_REPEAT
 * and DMA_LOAD_EOT with device_prep_interleaved_dma).  DMA_SLAVE needs one
 * of device_prep_slave_sg, device_prep_peripheral_dma_vec,
 * device_prep_dma_cyclic or device_prep_interleaved_dma; a DMA_SLAVE
 * device with none of them but with device_prep_dma_memcpy is accepted
 * with a warning, for legacy memcpy-only slave channels.  device_tx_status
 * and device_issue_pending are mandatory.  A violation is reported with
 * dev_err() naming the missing callback.  The module owning the driver of
 * @device->dev (none when the device is not bound) is pinned while
 * channels are in use.
 *
 * Context: process context; may sleep.
 * Return:
 * * 0 on success;
 * * -ENODEV when @device is NULL;
 * * -EIO when ->dev is missing or a required callback is missing;
 * * -EBUSY when @device is already registered;
 * * -EINVAL when a channel's ->device is not @device;
 * * -ENOMEM or another error from id or class device allocation.
 */
int dma_async_device_register(struct dma_device *device)
{
	int ret;

	ret = dma_device_validate(device);
	if (ret)
		return ret;

	dma_device_prepare(device);
	ret = ida_alloc(&dma_ida, GFP_KERNEL);
	if (ret < 0)
		return ret;
	device->dev_id = ret;

	ret = dma_register_channels(device);
	if (ret) {
		ida_free(&dma_ida, device->dev_id);
		ida_destroy(&device->chan_ida);
		return ret;
	}

	dma_device_publish(device);
	dma_public_balance_device(device);
	dma_table_rebuild();
	dma_debugfs_add_device(device);
	return 0;
}
EXPORT_SYMBOL(dma_async_device_register);

/**
 * dma_async_device_unregister() - remove a DMA device from the core
 * @device: a registered device
 *
 * The device leaves the device list at once, so no new request can find
 * it; its channels lose their class devices (their sysfs attributes then
 * read -ENODEV), public references are dropped and the id is recycled.
 * Channels still held by clients stay usable until released; the
 * provider's device_release() is called once the last of them is.
 *
 * Context: process context; may sleep.  Not from a channel callback, nor
 * from a filter function or driver callback running for a request on the
 * same device (the unregistration waits for such requests to finish).
 */
void dma_async_device_unregister(struct dma_device *device)
{
	struct dma_chan *chan;

	might_sleep();
	if (!device)
		return;
	if (!dma_device_unpublish(device)) {
		WARN_ONCE(1, "dmaengine: unregistering an unregistered device\n");
		return;
	}
	dma_debugfs_remove_device(device);

	spin_lock(&device->core_lock);
	dma_cap_set(DMA_PRIVATE, device->cap_mask);
	device->privatecnt++;
	spin_unlock(&device->core_lock);

	list_for_each_entry(chan, &device->channels, device_node)
		dma_chan_retire(device, chan);
	dma_table_rebuild();
	dma_wait_for_readers(device);
	list_for_each_entry(chan, &device->channels, device_node)
		dma_chan_teardown(device, chan);

	ida_free(&dma_ida, device->dev_id);
	dma_device_put(device);
}
EXPORT_SYMBOL(dma_async_device_unregister);

static void dmaenginem_unregister(void *device)
{
	dma_async_device_unregister(device);
}

/**
 * dmaenginem_async_device_register() - managed dma_async_device_register()
 * @device: the device
 *
 * The device is unregistered automatically when the driver of
 * @device->dev detaches.
 *
 * Context: process context; may sleep.
 * Return: 0, or an error from dma_async_device_register() or devres.
 */
int dmaenginem_async_device_register(struct dma_device *device)
{
	int ret;

	ret = dma_async_device_register(device);
	if (ret)
		return ret;
	return devm_add_action_or_reset(device->dev, dmaenginem_unregister,
					device);
}
EXPORT_SYMBOL(dmaenginem_async_device_register);

/**
 * dma_async_device_channel_register() - add a channel to a live device
 * @device: a registered device
 * @chan: the new channel; the caller already linked it into
 *	@device->channels and set @chan->device
 * @name: class device name, or NULL for "dma%dchan%d"
 *
 * Context: process context; may sleep.
 * Return:
 * * 0 on success;
 * * -EINVAL for a NULL argument or a channel whose ->device is not @device;
 * * -ENODEV when @device is not registered;
 * * -ENOMEM or another error from id or class device allocation.
 */
int dma_async_device_channel_register(struct dma_device *device,
				      struct dma_chan *chan, const char *name)
{
	int ret;

	if (!device || !chan)
		return -EINVAL;
	if (!READ_ONCE(device->reg_seq))
		return -ENODEV;

	ret = dma_chan_register(device, chan, name);
	if (ret)
		return ret;
	dma_public_balance_chan(chan);
	dma_table_rebuild();
	return 0;
}
EXPORT_SYMBOL_GPL(dma_async_device_channel_register);

/**
 * dma_async_device_channel_unregister() - remove a channel from a device
 * @device: the device
 * @chan: a channel added with dma_async_device_channel_register() or at
 *	registration; the caller unlinks it from @device->channels afterwards
 *
 * The channel leaves the core's list of registered channels at once; its
 * teardown waits until no core walker (dma_issue_pending_all(), a request,
 * the debugfs summary) can still reach it.  A channel still held by a
 * client stays usable until released, as with
 * dma_async_device_unregister().
 *
 * Context: process context; may sleep.  Not from a filter function or
 * driver callback running for a request on the same device.
 */
void dma_async_device_channel_unregister(struct dma_device *device,
					 struct dma_chan *chan)
{
	if (!device || !chan || !dma_chan_retire(device, chan))
		return;
	dma_table_rebuild();
	dma_wait_for_readers(device);
	dma_chan_teardown(device, chan);
}
EXPORT_SYMBOL_GPL(dma_async_device_channel_unregister);

/**
 * dma_device_pin() - keep a device registered while working on it
 * @device: the device
 *
 * Context: any; the pin is dropped with dma_device_unpin().
 * Return: false when @device is not (or no longer) registered.
 */
bool dma_device_pin(struct dma_device *device)
{
	bool listed;

	rcu_read_lock();
	listed = READ_ONCE(device->reg_seq) != 0;
	if (listed)
		atomic_inc(&device->core_pins);
	rcu_read_unlock();
	return listed;
}

/**
 * dma_device_unpin() - drop a pin taken by dma_device_pin()
 * @device: the device
 *
 * Context: any.
 */
void dma_device_unpin(struct dma_device *device)
{
	if (atomic_dec_and_test(&device->core_pins))
		wake_up_all(&dma_unpin_wq);
}

/**
 * dma_device_next() - pin the next registered device after a cursor
 * @cursor: registration sequence number of the previous device, 0 to start
 *
 * Walking by sequence number stays correct when the previous device was
 * unregistered in the meantime.  The caller unpins the returned device.
 *
 * Context: any.
 * Return: the pinned device, or NULL at the end of the list.
 */
struct dma_device *dma_device_next(u64 *cursor)
{
	struct dma_device *device, *found = NULL;
	u64 seq;

	rcu_read_lock();
	list_for_each_entry_rcu(device, &dma_device_list, global_node) {
		seq = READ_ONCE(device->reg_seq);
		if (seq <= *cursor)
			continue;
		atomic_inc(&device->core_pins);
		*cursor = seq;
		found = device;
		break;
	}
	rcu_read_unlock();
	return found;
}

static void dma_device_release(struct kref *ref)
{
	struct dma_device *device = container_of(ref, struct dma_device, ref);

	ida_destroy(&device->chan_ida);
	if (device->device_release)
		device->device_release(device);
}

/**
 * dma_device_put() - drop a reference to a device
 * @device: the device
 *
 * The last reference calls the provider's device_release().
 *
 * Context: process context, no core lock held.
 */
void dma_device_put(struct dma_device *device)
{
	kref_put(&device->ref, dma_device_release);
}

static int __init dma_core_init(void)
{
	int ret;

	dma_unmap_pools_init();
	ret = dma_sysfs_init();
	if (ret)
		return ret;
	dma_debugfs_init();
	return 0;
}
arch_initcall(dma_core_init);
