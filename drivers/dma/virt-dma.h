/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Virtual DMA channels: descriptor bookkeeping shared by controller drivers.
 *
 * A driver embeds a struct virt_dma_chan in each of its channels and a
 * struct virt_dma_desc in each of its descriptors.  virt-dma then keeps the
 * descriptors on per-state lists, assigns cookies at submit time and runs
 * the completion callbacks from a per-channel tasklet, with the channel
 * lock dropped.  The driver only moves descriptors to the hardware and
 * reports what the hardware finished.
 *
 * Locking: virt_dma_chan.lock is the driver's channel lock too.  Helpers
 * documented "caller holds @vc->lock" check it with lockdep; the others
 * take it themselves and must be called without it.
 */
#ifndef _DRIVERS_DMA_VIRT_DMA_H
#define _DRIVERS_DMA_VIRT_DMA_H

#include <linux/atomic.h>
#include <linux/dmaengine.h>
#include <linux/interrupt.h>
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/spinlock.h>

#include "dmaengine.h"

/*
 * Period callbacks the completion tasklet delivers in one run; periods
 * beyond that are counted as coalesced in &dma_chan_stats.
 */
#define VCHAN_PERIOD_BURST	16

/**
 * enum vchan_desc_state - where a virtual descriptor is in its life
 * @VCHAN_DESC_UNUSED: never prepared (zeroed memory)
 * @VCHAN_DESC_PREPARED: on &virt_dma_chan.desc_allocated, not submitted
 *	(a driver with its own tx_submit moves it on without changing this;
 *	its cookie tells then)
 * @VCHAN_DESC_SUBMITTED: has a cookie, on &virt_dma_chan.desc_submitted
 * @VCHAN_DESC_ISSUED: on &virt_dma_chan.desc_issued, or taken off it by the
 *	driver because the hardware runs it
 * @VCHAN_DESC_COMPLETED: completed; on &virt_dma_chan.desc_completed or
 *	owned by the completion tasklet until its callback has run
 * @VCHAN_DESC_TERMINATED: parked on &virt_dma_chan.desc_terminated by
 *	vchan_terminate_vdesc() until the channel is synchronized
 * @VCHAN_DESC_COLLECTED: handed to the driver by
 *	vchan_get_all_descriptors(), on the driver's list
 * @VCHAN_DESC_FREED: given back to &virt_dma_chan.desc_free
 *
 * The state is virt-dma's own record; drivers must not change it.  Each
 * transition happens under &virt_dma_chan.lock.
 */
enum vchan_desc_state {
	VCHAN_DESC_UNUSED,
	VCHAN_DESC_PREPARED,
	VCHAN_DESC_SUBMITTED,
	VCHAN_DESC_ISSUED,
	VCHAN_DESC_COMPLETED,
	VCHAN_DESC_TERMINATED,
	VCHAN_DESC_COLLECTED,
	VCHAN_DESC_FREED,
};

/**
 * struct virt_dma_desc - descriptor part handled by virt-dma
 * @tx: the descriptor handed to clients
 * @tx_result: outcome passed to the client's callback; the driver sets it
 *	before completing the descriptor (virt-dma resets it to success with
 *	no residue in vchan_tx_prep())
 * @node: link in one of the channel's lists (under &virt_dma_chan.lock)
 *
 * Drivers embed this in their own descriptor and use container_of().
 */
struct virt_dma_desc {
	struct dma_async_tx_descriptor tx;
	struct dmaengine_result tx_result;
	struct list_head node;
	/* private: */
	enum vchan_desc_state state;	/* under virt_dma_chan.lock */
};

/**
 * struct virt_dma_chan - channel part handled by virt-dma
 * @chan: the channel registered with the DMA engine core
 * @task: completion tasklet; runs every client callback of the channel
 * @desc_free: driver hook freeing one driver descriptor; mandatory
 * @lock: protects the lists, @cyclic and the descriptors' state; drivers
 *	use it as their channel lock as well
 * @desc_allocated: prepared, not yet submitted descriptors (and reusable
 *	ones waiting for a resubmit)
 * @desc_submitted: submitted, waiting for issue_pending
 * @desc_issued: issued; the driver takes them off from the head
 * @desc_completed: completed, waiting for the tasklet
 * @desc_terminated: stopped by vchan_terminate_vdesc(), freed by
 *	vchan_synchronize()
 * @cyclic: the cyclic descriptor whose period notifications are pending,
 *	or NULL; set by vchan_cyclic_callback(), cleared under @lock when the
 *	descriptor is terminated or finalised
 *
 * All lists are protected by @lock.
 */
struct virt_dma_chan {
	struct dma_chan chan;
	struct tasklet_struct task;
	void (*desc_free)(struct virt_dma_desc *vd);

	spinlock_t lock;	/* lists, cyclic, descriptor states */

	struct list_head desc_allocated;	/* under lock */
	struct list_head desc_submitted;	/* under lock */
	struct list_head desc_issued;		/* under lock */
	struct list_head desc_completed;	/* under lock */
	struct list_head desc_terminated;	/* under lock */

	struct virt_dma_desc *cyclic;	/* cleared under lock, see above */
	/* private: */
	/*
	 * Periods signalled by vchan_cyclic_callback() and not yet handled
	 * by the tasklet.  Incremented without the lock (some drivers signal
	 * periods outside it), taken and reset with atomic_xchg().
	 */
	atomic_t cyclic_pending;
	/*
	 * Bumped under lock each time the pending cyclic state is dropped
	 * (terminate, teardown); the tasklet rereads it between two period
	 * callbacks and stops delivering when it changed.
	 */
	unsigned int cyclic_gen;
	/* under lock: descriptors were parked for vchan_synchronize() */
	bool sync_pending;
};

/**
 * to_virt_chan() - the virtual channel embedding a DMA channel
 * @chan: a channel initialised with vchan_init()
 *
 * Context: any.
 * Return: the enclosing &struct virt_dma_chan.
 */
static inline struct virt_dma_chan *to_virt_chan(struct dma_chan *chan)
{
	return container_of(chan, struct virt_dma_chan, chan);
}

/**
 * vchan_next_desc() - first issued descriptor of a channel
 * @vc: the virtual channel
 *
 * The descriptor stays on &virt_dma_chan.desc_issued; a driver that starts
 * it on the hardware usually unlinks it with list_del().
 *
 * Context: caller holds @vc->lock.
 * Return: the oldest issued descriptor, or NULL when none is issued.
 */
static inline struct virt_dma_desc *vchan_next_desc(struct virt_dma_chan *vc)
{
	lockdep_assert_held(&vc->lock);

	return list_first_entry_or_null(&vc->desc_issued,
					struct virt_dma_desc, node);
}

void vchan_init(struct virt_dma_chan *vc, struct dma_device *dmadev);
struct dma_async_tx_descriptor *vchan_tx_prep(struct virt_dma_chan *vc,
					      struct virt_dma_desc *vd,
					      unsigned long tx_flags);
dma_cookie_t vchan_tx_submit(struct dma_async_tx_descriptor *tx);
int vchan_tx_desc_free(struct dma_async_tx_descriptor *tx);
struct virt_dma_desc *vchan_find_desc(struct virt_dma_chan *vc,
				      dma_cookie_t cookie);
bool vchan_issue_pending(struct virt_dma_chan *vc);
void vchan_cookie_complete(struct virt_dma_desc *vd);
void vchan_vdesc_fini(struct virt_dma_desc *vd);
void vchan_cyclic_callback(struct virt_dma_desc *vd);
void vchan_terminate_vdesc(struct virt_dma_desc *vd);
void vchan_get_all_descriptors(struct virt_dma_chan *vc,
			       struct list_head *head);
void vchan_dma_desc_free_list(struct virt_dma_chan *vc,
			      struct list_head *head);
void vchan_free_chan_resources(struct virt_dma_chan *vc);
void vchan_synchronize(struct virt_dma_chan *vc);

#endif /* _DRIVERS_DMA_VIRT_DMA_H */
