/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared state of the DMA engine core files (dmaengine.c, dma-request.c,
 * dma-public.c, dma-tx.c, dma-unmap.c, dma-sysfs.c, dma-debugfs.c and
 * dma-trace.c) and of of-dma.c.  Nothing else includes this file.
 *
 * Lock order, outermost first:
 *
 *   dma_list_mutex            global; only list edits and id allocation,
 *                             never held across a driver or client call
 *   dma_table_mutex           global; rebuilding the public channel table,
 *                             no driver calls inside
 *   dma_chan.res_lock         per channel; held across the driver's
 *                             alloc/free/synchronize calls for that channel
 *   dma_device.core_lock      per device spinlock; short bookkeeping only
 *
 * Walkers that may sleep (requests, public balancing, debugfs) find
 * devices under RCU and pin each one (dma_device.core_pins) before leaving
 * the read section, so no lock is held while they call filters or drivers;
 * walkers that cannot sleep (dma_issue_pending_all(), the channel table)
 * stay under RCU.  Unregistering unlinks the device, waits for an RCU grace
 * period and then for the pins to drain before tearing anything down.
 * Only channel references keep a device beyond that, through
 * dma_device.ref.
 *
 * Channels are walked the same way, on the core's own list of registered
 * channels (dma_device.core_channels), never on the provider's ->channels,
 * which the provider edits without any core lock when it adds or removes
 * a channel at run time.  A channel joins the core list when it is
 * registered and leaves it when it is retired, both under core_lock; its
 * teardown waits for an RCU grace period and for the device's pins, so a
 * walker under RCU or holding a pin never reaches a channel whose
 * provider has already been told it may free it.
 */
#ifndef DMAENGINE_INTERNAL_H
#define DMAENGINE_INTERNAL_H

#include <linux/dmaengine.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/rculist.h>

/*
 * Bits of dma_chan.core_flags (atomic bit operations).  REGISTERED and
 * CLAIMED change under dma_device.core_lock, LINKED and ORPHAN under
 * dma_chan.res_lock, RETIRING only in the unregister path.
 */
enum dma_chan_core_bit {
	DMA_CHAN_REGISTERED,	/* has an id and a class device */
	DMA_CHAN_CLAIMED,	/* owned (or being taken) exclusively */
	DMA_CHAN_LINKED,	/* sysfs links to a client exist */
	DMA_CHAN_ORPHAN,	/* class device deleted while still held */
	DMA_CHAN_RETIRING,	/* retired, teardown still to do */
};

extern struct list_head dma_device_list;
extern struct mutex dma_list_mutex;

/* dmaengine.c: device registry */
struct dma_device *dma_device_next(u64 *cursor);
bool dma_device_pin(struct dma_device *device);
void dma_device_unpin(struct dma_device *device);
void dma_device_put(struct dma_device *device);
const char *dma_cap_name(enum dma_transaction_type cap);

/* dma-request.c: channel references */
int dma_chan_get_locked(struct dma_chan *chan);
bool dma_chan_put_locked(struct dma_chan *chan);
void dma_chan_finish_put(struct dma_device *device, struct module *owner,
			 bool last);
void dma_chan_drop_links_locked(struct dma_chan *chan);
struct dma_chan *dma_get_slave_channel_by_id(struct dma_device *device,
					     int chan_id);

/* dma-public.c: public channels and the per-CPU table */
bool dma_public_users(void);
void dma_public_balance_device(struct dma_device *device);
void dma_public_balance_chan(struct dma_chan *chan);
void dma_table_rebuild(void);

/* dma-sysfs.c */
int dma_sysfs_init(void);
int dma_chan_dev_add(struct dma_device *device, struct dma_chan *chan,
		     const char *name);
void dma_chan_dev_remove(struct dma_chan *chan, bool held);
void dma_chan_dev_release_orphan(struct dma_chan *chan);

/* dma-unmap.c */
void dma_unmap_pools_init(void);

/* dma-debugfs.c (stubs without CONFIG_DEBUG_FS) */
#ifdef CONFIG_DEBUG_FS
void dma_debugfs_init(void);
void dma_debugfs_add_device(struct dma_device *device);
void dma_debugfs_remove_device(struct dma_device *device);
void dma_debugfs_add_chan(struct dma_device *device, struct dma_chan *chan);
void dma_debugfs_remove_chan(struct dma_device *device, struct dma_chan *chan);
#else
static inline void dma_debugfs_init(void)
{
}

static inline void dma_debugfs_add_device(struct dma_device *device)
{
}

static inline void dma_debugfs_remove_device(struct dma_device *device)
{
}

static inline void dma_debugfs_add_chan(struct dma_device *device,
					struct dma_chan *chan)
{
}

static inline void dma_debugfs_remove_chan(struct dma_device *device,
					   struct dma_chan *chan)
{
}
#endif

/* dma-trace.c: events fired from core code */
void dma_trace_chan_request(struct dma_chan *chan, const char *client);
void dma_trace_chan_release(struct dma_chan *chan);

/**
 * dma_chan_test() - test a core state bit of a channel
 * @chan: the channel
 * @bit: enum dma_chan_core_bit
 *
 * Context: any; lockless readers get a snapshot.
 * Return: true when the bit is set.
 */
static inline bool dma_chan_test(struct dma_chan *chan,
				 enum dma_chan_core_bit bit)
{
	return test_bit(bit, &chan->core_flags);
}

/**
 * dma_chans_walkable() - tell whether the core channel list may be walked
 * @device: the device
 *
 * The lockdep condition of walks over @device->core_channels outside an
 * RCU read section: the caller holds a pin on @device (and may sleep in
 * the walk) or holds @device->core_lock.  A channel retired during a walk
 * may still be visited; test DMA_CHAN_REGISTERED where that matters.
 *
 * Context: any.
 * Return: true when a walk is allowed.
 */
static inline bool dma_chans_walkable(struct dma_device *device)
{
	return atomic_read(&device->core_pins) > 0 ||
	       lockdep_is_held(&device->core_lock);
}

/**
 * dma_dev_is_private() - test whether a device hands out channels exclusively
 * @device: the device
 *
 * Context: any; callers needing a stable answer hold @device->core_lock.
 * Return: true when DMA_PRIVATE is set.
 */
static inline bool dma_dev_is_private(struct dma_device *device)
{
	return dma_has_cap(DMA_PRIVATE, device->cap_mask);
}

/**
 * dma_chan_set_count() - publish a new client count
 * @chan: the channel
 * @count: the new count
 *
 * Context: caller holds @chan->device->core_lock.
 */
static inline void dma_chan_set_count(struct dma_chan *chan, int count)
{
	lockdep_assert_held(&chan->device->core_lock);
	WRITE_ONCE(chan->client_count, count);
}

#endif /* DMAENGINE_INTERNAL_H */
