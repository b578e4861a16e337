// SPDX-License-Identifier: GPL-2.0
/*
 * DMA engine core: public channels for opportunistic offload.
 *
 * Clients such as async_tx call dmaengine_get() to say they may use any
 * channel of any device that is not DMA_PRIVATE.  While such users exist,
 * every channel of every public device holds one reference per user
 * ("public references", dma_chan.public_refs), and a per-CPU table names,
 * for each capability, the channel a CPU should use (dma_find_channel()).
 *
 * The reference count is a plain atomic; each change is followed by a
 * balancing pass that moves every public channel to the current count
 * under that channel's res_lock, so concurrent passes converge.  A pass
 * marks the device busy (public_busy, under core_lock) so that an
 * exclusive request cannot grab one of its channels half way.
 *
 * The table is rebuilt from scratch under dma_table_mutex and published
 * with RCU; readers never see a half-written table and never take a lock.
 * It covers every possible CPU, so CPUs coming online later are served.
 */

#include <linux/cpumask.h>
#include <linux/device.h>
#include <linux/dmaengine.h>
#include <linux/module.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/topology.h>

#include "dmaengine.h"
#include "dmaengine-internal.h"

/* dmaengine_get() users; changed locklessly, then balanced. */
static atomic_long_t dmaengine_ref_count = ATOMIC_LONG_INIT(0);

/* Serialises table rebuilds and dma_chan.table_count. */
static DEFINE_MUTEX(dma_table_mutex);

/* slot[type * nr_cpu_ids + cpu]; rows of types without a table stay NULL */
struct dma_chan_table {
	struct rcu_head rcu;
	struct dma_chan *slot[];
};

/* The published table (RCU); NULL while nobody called dmaengine_get(). */
static struct dma_chan_table __rcu *dma_chan_table;

/**
 * dma_public_users() - tell whether dmaengine_get() users exist
 *
 * Context: any; the answer may change right after.
 * Return: true while at least one dmaengine_get() reference is held.
 */
bool dma_public_users(void)
{
	return atomic_long_read(&dmaengine_ref_count) > 0;
}

static bool dma_type_has_table(enum dma_transaction_type type)
{
	return type != DMA_INTERRUPT && type != DMA_PRIVATE &&
	       type != DMA_SLAVE;
}

/* Caller holds res_lock.  How many public references @chan should hold. */
static long dma_public_target(struct dma_chan *chan, bool allowed)
{
	lockdep_assert_held(&chan->res_lock);
	if (!allowed || !dma_chan_test(chan, DMA_CHAN_REGISTERED) ||
	    dma_dev_is_private(chan->device))
		return 0;
	return atomic_long_read(&dmaengine_ref_count);
}

static void dma_public_balance_one(struct dma_chan *chan, bool allowed)
{
	struct dma_device *device = chan->device;
	struct module *owner = device->owner;
	unsigned int puts = 0;
	bool last = false;
	long target;
	int ret;

	mutex_lock(&chan->res_lock);
	target = dma_public_target(chan, allowed);
	while (chan->public_refs < target) {
		ret = dma_chan_get_locked(chan);
		if (ret) {
			dev_dbg(device->dev, "public reference failed: %d\n", ret);
			break;
		}
		WRITE_ONCE(chan->public_refs, chan->public_refs + 1);
	}
	while (chan->public_refs > target) {
		last |= dma_chan_put_locked(chan);
		WRITE_ONCE(chan->public_refs, chan->public_refs - 1);
		puts++;
	}
	mutex_unlock(&chan->res_lock);

	/* the device is still registered, so this put is never the final one */
	if (last)
		dma_device_put(device);
	while (puts--)
		module_put(owner);
}

/* Pin the device as public for a balancing pass; false if it is private. */
static bool dma_public_enter(struct dma_device *device)
{
	bool ok;

	spin_lock(&device->core_lock);
	ok = !dma_dev_is_private(device);
	if (ok)
		device->public_busy++;
	spin_unlock(&device->core_lock);
	return ok;
}

static void dma_public_leave(struct dma_device *device)
{
	spin_lock(&device->core_lock);
	device->public_busy--;
	spin_unlock(&device->core_lock);
}

/**
 * dma_public_balance_chan() - bring one channel to the public count
 * @chan: the channel
 *
 * A private device's or an unregistered channel's public references all
 * go away.
 *
 * Context: process context; @chan->device stays registered meanwhile.
 */
void dma_public_balance_chan(struct dma_chan *chan)
{
	bool allowed = dma_public_enter(chan->device);

	dma_public_balance_one(chan, allowed);
	if (allowed)
		dma_public_leave(chan->device);
}

/**
 * dma_public_balance_device() - bring every channel of a device in line
 * @device: the device
 *
 * Does nothing once @device is unregistered: the unregistration drops the
 * public references itself.
 *
 * Context: process context.
 */
void dma_public_balance_device(struct dma_device *device)
{
	struct dma_chan *chan;
	bool allowed;

	if (!dma_device_pin(device))
		return;
	allowed = dma_public_enter(device);
	list_for_each_entry_rcu(chan, &device->core_channels, core_node,
				dma_chans_walkable(device))
		dma_public_balance_one(chan, allowed);
	if (allowed)
		dma_public_leave(device);
	dma_device_unpin(device);
}

static void dma_public_balance_all(void)
{
	struct dma_device *device;
	u64 cursor = 0;

	while ((device = dma_device_next(&cursor))) {
		dma_public_balance_device(device);
		dma_device_unpin(device);
	}
}

static bool dma_chan_is_local(struct dma_chan *chan, int cpu)
{
	int node = dev_to_node(chan->device->dev);

	return node == NUMA_NO_NODE || node == cpu_to_node(cpu);
}

/* Caller is in an RCU read section.  Least used channel for @type/@cpu. */
static struct dma_chan *dma_table_pick(enum dma_transaction_type type, int cpu)
{
	struct dma_chan *chan, *best = NULL;
	struct dma_device *device;
	bool best_local = false;

	list_for_each_entry_rcu(device, &dma_device_list, global_node) {
		if (dma_dev_is_private(device) ||
		    !dma_has_cap(type, device->cap_mask))
			continue;
		list_for_each_entry_rcu(chan, &device->core_channels, core_node) {
			bool local = dma_chan_is_local(chan, cpu);

			if (!READ_ONCE(chan->public_refs) ||
			    !dma_chan_test(chan, DMA_CHAN_REGISTERED))
				continue;
			if (best && (best_local > local ||
				     (best_local == local &&
				      best->table_count <= chan->table_count)))
				continue;
			best = chan;
			best_local = local;
		}
	}
	return best;
}

static void dma_table_reset_counts(void)
{
	struct dma_device *device;
	struct dma_chan *chan;

	list_for_each_entry_rcu(device, &dma_device_list, global_node)
		list_for_each_entry_rcu(chan, &device->core_channels, core_node)
			chan->table_count = 0;
}

/* Caller holds dma_table_mutex. */
static struct dma_chan_table *dma_table_build(void)
{
	struct dma_chan_table *tbl;
	struct dma_chan *chan;
	unsigned int type;
	int cpu;

	lockdep_assert_held(&dma_table_mutex);
	tbl = kzalloc(struct_size(tbl, slot, DMA_TX_TYPE_END * nr_cpu_ids),
		      GFP_KERNEL);
	if (!tbl)
		return NULL;

	rcu_read_lock();
	dma_table_reset_counts();
	for (type = 0; type < DMA_TX_TYPE_END; type++) {
		if (!dma_type_has_table(type))
			continue;
		for_each_possible_cpu(cpu) {
			chan = dma_table_pick(type, cpu);
			if (!chan)
				continue;
			chan->table_count++;
			tbl->slot[type * nr_cpu_ids + cpu] = chan;
		}
	}
	rcu_read_unlock();
	return tbl;
}

/**
 * dma_table_rebuild() - recompute and publish the per-CPU channel table
 *
 * Called whenever the set of public channels may have changed.  Without
 * dmaengine_get() users the table is simply withdrawn.
 *
 * Context: process context; may sleep.  No driver code runs.
 */
void dma_table_rebuild(void)
{
	struct dma_chan_table *fresh = NULL, *old;

	mutex_lock(&dma_table_mutex);
	if (atomic_long_read(&dmaengine_ref_count) > 0) {
		fresh = dma_table_build();
		if (!fresh)
			pr_warn_ratelimited("dmaengine: no memory for the channel table\n");
	}
	old = rcu_replace_pointer(dma_chan_table, fresh,
				  lockdep_is_held(&dma_table_mutex));
	mutex_unlock(&dma_table_mutex);
	if (old)
		kfree_rcu(old, rcu);
}

/**
 * dma_find_channel() - channel this CPU should use for an operation
 * @tx_type: the operation
 *
 * The answer is a hint for the calling CPU; the channel stays valid while
 * the caller's dmaengine_get() reference exists.
 *
 * Context: any.
 * Return: the channel, or NULL when there is none, when nobody called
 * dmaengine_get(), or for DMA_INTERRUPT, DMA_PRIVATE and DMA_SLAVE, which
 * have no table.
 */
struct dma_chan *dma_find_channel(enum dma_transaction_type tx_type)
{
	struct dma_chan_table *tbl;
	struct dma_chan *chan = NULL;

	if ((unsigned int)tx_type >= DMA_TX_TYPE_END ||
	    !dma_type_has_table(tx_type))
		return NULL;

	rcu_read_lock();
	tbl = rcu_dereference(dma_chan_table);
	if (tbl)
		chan = tbl->slot[tx_type * nr_cpu_ids + raw_smp_processor_id()];
	rcu_read_unlock();
	return chan;
}
EXPORT_SYMBOL(dma_find_channel);

/**
 * dmaengine_get() - register interest in public channels
 *
 * Every channel of every public device gains a reference (allocating its
 * resources on first use) and the per-CPU channel table is built.
 *
 * Context: process context; may sleep.
 */
void dmaengine_get(void)
{
	might_sleep();
	atomic_long_inc(&dmaengine_ref_count);
	dma_public_balance_all();
	dma_table_rebuild();
}
EXPORT_SYMBOL(dmaengine_get);

/**
 * dmaengine_put() - drop interest in public channels
 *
 * An unbalanced call warns once and changes nothing.
 *
 * Context: process context; may sleep.
 */
void dmaengine_put(void)
{
	might_sleep();
	if (WARN_ONCE(atomic_long_dec_if_positive(&dmaengine_ref_count) < 0,
		      "dmaengine: unbalanced %s()\n", __func__))
		return;
	dma_table_rebuild();
	synchronize_rcu();
	dma_public_balance_all();
}
EXPORT_SYMBOL(dmaengine_put);

/**
 * dma_issue_pending_all() - start pending work on every public channel
 *
 * Context: any; runs under RCU and never sleeps.
 */
void dma_issue_pending_all(void)
{
	struct dma_device *device;
	struct dma_chan *chan;

	rcu_read_lock();
	list_for_each_entry_rcu(device, &dma_device_list, global_node) {
		if (dma_dev_is_private(device))
			continue;
		list_for_each_entry_rcu(chan, &device->core_channels, core_node) {
			if (READ_ONCE(chan->client_count) &&
			    dma_chan_test(chan, DMA_CHAN_REGISTERED))
				device->device_issue_pending(chan);
		}
	}
	rcu_read_unlock();
}
EXPORT_SYMBOL(dma_issue_pending_all);
