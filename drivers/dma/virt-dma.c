// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual DMA channels: descriptor lists, cookies and the completion tasklet.
 */

/**
 * DOC: Theory of operation
 *
 * Every descriptor of a virtual channel is on exactly one of the channel's
 * lists, or owned by exactly one party: the driver (the descriptor the
 * hardware runs, or the list vchan_get_all_descriptors() handed out) or
 * the completion tasklet (the one descriptor whose callback it is running).
 * virt_dma_desc.state records which, so misuse is detected instead of
 * corrupting the lists.
 *
 * Client callbacks run only in the tasklet, in softirq context, never with
 * the channel lock held.  The tasklet copies the callback and the result
 * while it holds the lock and calls the copies afterwards.
 *
 * Terminate versus completion.  The classic form of this helper has a
 * window where a terminated descriptor is freed while the tasklet may
 * still use it: the tasklet picks the pending cyclic descriptor under the
 * lock, drops the lock and then passes a pointer into that descriptor to
 * the callback; meanwhile terminate_all parks the descriptor on desc_terminated and, in
 * the same call, vchan_get_all_descriptors() splices desc_terminated onto
 * the list that vchan_dma_desc_free_list() frees.  The parking meant to
 * keep it alive until synchronize is thus undone at once, and the hardware
 * may still be writing to it too.  Here the window is closed three ways:
 *
 * 1. The tasklet dereferences a descriptor only with the lock held, or
 *    while it owns it: a completed descriptor is unlinked under the lock
 *    before its callback runs, so no terminate can reach it.  Period
 *    callbacks use a copy of the callback and result taken under the lock,
 *    so freeing the cyclic descriptor right after cannot affect them.
 * 2. vchan_dma_desc_free_list() never frees a descriptor parked by
 *    vchan_terminate_vdesc() on a device that implements
 *    device_synchronize: it puts it back on desc_terminated.  Only
 *    vchan_synchronize() frees it, after tasklet_kill() has waited for
 *    any running tasklet, and vchan_free_chan_resources() at teardown
 *    (the core synchronizes before calling it).  Devices without
 *    device_synchronize get them freed at once, as they always did.
 *    A client that issues new work without synchronizing (refused with
 *    CONFIG_DMADEVICES_DEBUG) releases the parked descriptors to the next
 *    terminate, so they cannot pile up: the hardware has moved on.
 * 3. Terminating the cyclic descriptor, and vchan_get_all_descriptors(),
 *    clear the pending period state under the lock and bump
 *    cyclic_gen; the tasklet checks cyclic_gen before each period
 *    callback, so no period of the previous run is reported once the
 *    terminate call has returned.  A callback that had already started
 *    may still be running, as dmaengine_terminate_async() allows.
 *
 * Cyclic periods.  vchan_cyclic_callback() counts periods in
 * cyclic_pending (it may run without the lock).  The tasklet takes the
 * count and makes one callback per period, at most VCHAN_PERIOD_BURST
 * per run; every period it does not report (burst exceeded, no callback
 * set, descriptor terminated meanwhile) is counted as coalesced in the
 * channel statistics, so delivered + coalesced always equals signalled.
 */

#include <linux/bitops.h>
#include <linux/device.h>
#include <linux/dmaengine.h>
#include <linux/export.h>
#include <linux/minmax.h>
#include <linux/module.h>
#include <linux/poison.h>
#include <linux/printk.h>
#include <linux/spinlock.h>

#include "virt-dma.h"

/* Completions handled per tasklet run before it reschedules itself. */
#define VCHAN_COMPLETE_BUDGET	64

enum vchan_misuse {
	VCHAN_MISUSE_SUBMIT_TWICE,
	VCHAN_MISUSE_SUBMIT_FREED,
	VCHAN_MISUSE_SUBMIT_UNSYNCED,
	VCHAN_MISUSE_ISSUE_UNSYNCED,
	VCHAN_MISUSE_COMPLETE_UNISSUED,
	VCHAN_MISUSE_COMPLETE_TWICE,
	VCHAN_MISUSE_COMPLETE_STOPPED,
	VCHAN_MISUSE_FREE_TWICE,
	VCHAN_MISUSE_NR
};

static const char * const vchan_misuse_text[VCHAN_MISUSE_NR] = {
	[VCHAN_MISUSE_SUBMIT_TWICE] = "descriptor submitted while already queued",
	[VCHAN_MISUSE_SUBMIT_FREED] = "submit of a freed or unprepared descriptor",
	[VCHAN_MISUSE_SUBMIT_UNSYNCED] = "submit of a terminated descriptor before synchronize",
	[VCHAN_MISUSE_ISSUE_UNSYNCED] = "issue_pending after terminate without synchronize",
	[VCHAN_MISUSE_COMPLETE_UNISSUED] = "completion of a descriptor never issued",
	[VCHAN_MISUSE_COMPLETE_TWICE] = "descriptor completed twice",
	[VCHAN_MISUSE_COMPLETE_STOPPED] = "completion of a terminated or freed descriptor",
	[VCHAN_MISUSE_FREE_TWICE] = "descriptor freed twice",
};

/* One bit per misuse kind: set once its first warning has been printed. */
static unsigned long vchan_misuse_warned;

static struct virt_dma_desc *to_virt_desc(struct dma_async_tx_descriptor *tx)
{
	return container_of(tx, struct virt_dma_desc, tx);
}

static const char *vchan_name(struct virt_dma_chan *vc)
{
	return vc->chan.dev ? dma_chan_name(&vc->chan) : "unregistered channel";
}

/* Warn with a backtrace the first time each kind shows up, quietly later. */
static void vchan_report(struct virt_dma_chan *vc, enum vchan_misuse what)
{
	if (!test_and_set_bit(what, &vchan_misuse_warned))
		WARN(1, "virt-dma: %s: %s\n", vchan_name(vc),
		     vchan_misuse_text[what]);
	else
		pr_debug_ratelimited("virt-dma: %s: %s\n", vchan_name(vc),
				     vchan_misuse_text[what]);
}

/*
 * Lifecycle check: with CONFIG_DMADEVICES_DEBUG a @bad operation is
 * reported and refused (true); without it nothing is checked.
 */
static bool vchan_refuse(struct virt_dma_chan *vc, bool bad,
			 enum vchan_misuse what)
{
	if (!IS_ENABLED(CONFIG_DMADEVICES_DEBUG) || !bad)
		return false;
	vchan_report(vc, what);
	return true;
}

#define VCHAN_NR_LISTS	5

/* The state lists of @vc, in the order a teardown collects them. */
static void vchan_lists(struct virt_dma_chan *vc,
			struct list_head *lists[VCHAN_NR_LISTS])
{
	lists[0] = &vc->desc_allocated;
	lists[1] = &vc->desc_submitted;
	lists[2] = &vc->desc_issued;
	lists[3] = &vc->desc_completed;
	lists[4] = &vc->desc_terminated;
}

/* Whether the device promises a synchronize step after terminate. */
static bool vchan_can_sync(struct virt_dma_chan *vc)
{
	return vc->chan.device && vc->chan.device->device_synchronize;
}

/*
 * Whether @vd->node sits on a list.  Drivers take the descriptor they
 * start off desc_issued with list_del() (poisoned) or list_del_init(),
 * and a few leave it there while it runs; moving it on works for all.
 */
static bool vchan_desc_linked(struct virt_dma_desc *vd)
{
	struct list_head *next = vd->node.next;

	return next && next != LIST_POISON1 && next != &vd->node;
}

static void vchan_desc_unlink(struct virt_dma_desc *vd)
{
	if (vchan_desc_linked(vd))
		list_del(&vd->node);
}

static void vchan_desc_move(struct virt_dma_desc *vd, struct list_head *to)
{
	vchan_desc_unlink(vd);
	list_add_tail(&vd->node, to);
}

/*
 * Whether @vd holds a cookie that neither completed nor was dropped.  A
 * prepared descriptor has one only when the driver has its own tx_submit
 * (vchan_tx_prep() clears the cookie, recycling clears it too).
 */
static bool vchan_desc_outstanding(struct virt_dma_desc *vd)
{
	switch (vd->state) {
	case VCHAN_DESC_PREPARED:
	case VCHAN_DESC_SUBMITTED:
	case VCHAN_DESC_ISSUED:
		return vd->tx.cookie >= DMA_MIN_COOKIE;
	default:
		return false;
	}
}

/* 1 when dropping @vd now loses an outstanding cookie, else 0. */
static unsigned int vchan_desc_dropped(struct virt_dma_desc *vd)
{
	return vchan_desc_outstanding(vd) ? 1 : 0;
}

/*
 * Drop the pending period notifications: periods that elapsed without a
 * callback count as coalesced, and the tasklet stops reporting periods of
 * the old run when it sees cyclic_gen move.
 */
static void vchan_cyclic_reset(struct virt_dma_chan *vc)
{
	unsigned int lost;

	lockdep_assert_held(&vc->lock);

	WRITE_ONCE(vc->cyclic, NULL);
	WRITE_ONCE(vc->cyclic_gen, vc->cyclic_gen + 1);
	lost = atomic_xchg(&vc->cyclic_pending, 0);
	dmaengine_chan_note_periods(&vc->chan, 0, lost);
}

/*
 * Be done with @vd: a reusable descriptor goes back to the head of
 * desc_allocated, any other is marked freed.  Returns true when the caller
 * must hand @vd to desc_free once the lock is dropped.
 */
static bool vchan_retire(struct virt_dma_chan *vc, struct virt_dma_desc *vd)
{
	lockdep_assert_held(&vc->lock);

	vchan_desc_unlink(vd);
	dmaengine_chan_note_aborted(&vc->chan, vchan_desc_dropped(vd));
	if (vd == READ_ONCE(vc->cyclic))
		vchan_cyclic_reset(vc);

	if (dmaengine_desc_test_reuse(&vd->tx)) {
		/* an aborted cookie is dead; the next submit assigns one */
		vd->tx.cookie = 0;
		list_add(&vd->node, &vc->desc_allocated);
		vd->state = VCHAN_DESC_PREPARED;
		return false;
	}
	vd->state = VCHAN_DESC_FREED;
	return true;
}

/* Free descriptors retired under the lock; called without it. */
static void vchan_free_retired(struct virt_dma_chan *vc, struct list_head *head)
{
	struct virt_dma_desc *vd, *tmp;

	list_for_each_entry_safe(vd, tmp, head, node) {
		list_del(&vd->node);
		vc->desc_free(vd);
	}
}

/* A cyclic descriptor whose periods may still be reported. */
static bool vchan_desc_live(struct virt_dma_desc *vd)
{
	return vchan_desc_outstanding(vd) ||
	       vd->state == VCHAN_DESC_ISSUED ||
	       vd->state == VCHAN_DESC_COMPLETED;
}

/* Tasklet part one: the period callbacks of the cyclic descriptor. */
static void vchan_deliver_periods(struct virt_dma_chan *vc)
{
	struct dmaengine_desc_callback cb;
	struct dmaengine_result res;
	struct virt_dma_desc *vd;
	unsigned int pending, budget, gen, sent = 0;

	if (!atomic_read(&vc->cyclic_pending))
		return;

	spin_lock_irq(&vc->lock);
	pending = atomic_xchg(&vc->cyclic_pending, 0);
	vd = READ_ONCE(vc->cyclic);
	if (vd && !vchan_desc_live(vd)) {
		/* signalled without the lock while being terminated */
		WRITE_ONCE(vc->cyclic, NULL);
		vd = NULL;
	}
	if (vd) {
		dmaengine_desc_get_callback(&vd->tx, &cb);
		res = vd->tx_result;
	}
	gen = vc->cyclic_gen;
	spin_unlock_irq(&vc->lock);

	if (vd && dmaengine_desc_callback_valid(&cb)) {
		budget = min_t(unsigned int, pending, VCHAN_PERIOD_BURST);
		while (sent < budget && READ_ONCE(vc->cyclic_gen) == gen) {
			dmaengine_desc_callback_invoke(&cb, &res);
			sent++;
		}
	}
	dmaengine_chan_note_periods(&vc->chan, sent, pending - sent);
}

/* Tasklet part two: completed descriptors, one callback each. */
static void vchan_deliver_completions(struct virt_dma_chan *vc)
{
	struct dmaengine_desc_callback cb;
	struct dmaengine_result res;
	unsigned int budget = VCHAN_COMPLETE_BUDGET;
	struct virt_dma_desc *vd;
	LIST_HEAD(retired);

	spin_lock_irq(&vc->lock);
	while (budget--) {
		vd = list_first_entry_or_null(&vc->desc_completed,
					      struct virt_dma_desc, node);
		if (!vd)
			break;
		/* from here on only this tasklet can reach the descriptor */
		list_del(&vd->node);
		dmaengine_desc_get_callback(&vd->tx, &cb);
		res = vd->tx_result;
		spin_unlock_irq(&vc->lock);

		dmaengine_desc_callback_invoke(&cb, &res);

		spin_lock_irq(&vc->lock);
		/*
		 * The callback may have resubmitted a reusable descriptor; it
		 * may even have completed again and be queued for a new run
		 * of this loop.
		 */
		if (vd->state == VCHAN_DESC_COMPLETED && !vchan_desc_linked(vd) &&
		    vchan_retire(vc, vd))
			list_add_tail(&vd->node, &retired);
	}
	if (!list_empty(&vc->desc_completed))
		tasklet_schedule(&vc->task);
	spin_unlock_irq(&vc->lock);

	vchan_free_retired(vc, &retired);
}

static void vchan_complete(struct tasklet_struct *t)
{
	struct virt_dma_chan *vc = from_tasklet(vc, t, task);

	vchan_deliver_periods(vc);
	vchan_deliver_completions(vc);
}

/**
 * vchan_init() - set up a virtual channel and add it to its device
 * @vc: the virtual channel, embedded in the driver's channel
 * @dmadev: the DMA device the channel belongs to
 *
 * Initialises the cookies, the lock, the lists and the completion tasklet,
 * and appends the channel to @dmadev->channels.  The driver must set
 * @vc->desc_free before the first descriptor is prepared.
 *
 * Context: process context, before the device is registered (or before
 * the channel is added with dma_async_device_channel_register()).
 */
void vchan_init(struct virt_dma_chan *vc, struct dma_device *dmadev)
{
	struct list_head *lists[VCHAN_NR_LISTS];
	unsigned int i;

	dma_cookie_init(&vc->chan);

	spin_lock_init(&vc->lock);
	vchan_lists(vc, lists);
	for (i = 0; i < VCHAN_NR_LISTS; i++)
		INIT_LIST_HEAD(lists[i]);
	vc->cyclic = NULL;
	atomic_set(&vc->cyclic_pending, 0);
	vc->cyclic_gen = 0;
	vc->sync_pending = false;

	tasklet_setup(&vc->task, vchan_complete);

	vc->chan.device = dmadev;
	list_add_tail(&vc->chan.device_node, &dmadev->channels);
}
EXPORT_SYMBOL_GPL(vchan_init);

/**
 * vchan_tx_prep() - finish preparing a descriptor and queue it as allocated
 * @vc: the virtual channel the descriptor belongs to
 * @vd: the descriptor
 * @tx_flags: the flags the client passed to the prep call
 *
 * Binds the embedded tx descriptor to the channel, installs the virt-dma
 * submit and free hooks, clears its cookie, resets @vd->tx_result to
 * success with no residue and puts @vd on &virt_dma_chan.desc_allocated.
 *
 * Context: any; takes @vc->lock, so the caller must not hold it.
 * Return: &vd->tx, for the prep callback to return.
 */
struct dma_async_tx_descriptor *vchan_tx_prep(struct virt_dma_chan *vc,
					      struct virt_dma_desc *vd,
					      unsigned long tx_flags)
{
	struct dma_async_tx_descriptor *tx = &vd->tx;
	unsigned long flags;

	dma_async_tx_descriptor_init(tx, &vc->chan);
	tx->flags = tx_flags;
	tx->tx_submit = vchan_tx_submit;
	tx->desc_free = vchan_tx_desc_free;
	tx->cookie = 0;
	tx->xfer_len = 0;
	vd->tx_result.result = DMA_TRANS_NOERROR;
	vd->tx_result.residue = 0;

	spin_lock_irqsave(&vc->lock, flags);
	list_add_tail(&vd->node, &vc->desc_allocated);
	vd->state = VCHAN_DESC_PREPARED;
	spin_unlock_irqrestore(&vc->lock, flags);

	return tx;
}
EXPORT_SYMBOL_GPL(vchan_tx_prep);

/* Submit-time lifecycle checks (only refuse with DMADEVICES_DEBUG). */
static bool vchan_submit_refused(struct virt_dma_chan *vc,
				 struct virt_dma_desc *vd)
{
	switch (vd->state) {
	case VCHAN_DESC_PREPARED:
		return false;
	case VCHAN_DESC_SUBMITTED:
	case VCHAN_DESC_ISSUED:
		return vchan_refuse(vc, true, VCHAN_MISUSE_SUBMIT_TWICE);
	case VCHAN_DESC_COMPLETED:
		/*
		 * Only a reusable descriptor whose callback is running (it is
		 * off every list then) may go again before it is recycled.
		 */
		return vchan_refuse(vc, !dmaengine_desc_test_reuse(&vd->tx) ||
					vchan_desc_linked(vd),
				    VCHAN_MISUSE_SUBMIT_TWICE);
	case VCHAN_DESC_TERMINATED:
		return vchan_refuse(vc, true, VCHAN_MISUSE_SUBMIT_UNSYNCED);
	default:
		return vchan_refuse(vc, true, VCHAN_MISUSE_SUBMIT_FREED);
	}
}

/**
 * vchan_tx_submit() - &dma_async_tx_descriptor.tx_submit of virt-dma
 * @tx: the descriptor, prepared with vchan_tx_prep()
 *
 * Assigns the next cookie of the channel and moves the descriptor to
 * &virt_dma_chan.desc_submitted, where it waits for issue_pending.
 *
 * With CONFIG_DMADEVICES_DEBUG, submitting a descriptor that is already
 * queued, was freed or was terminated and not yet synchronized warns once
 * and is refused.
 *
 * Context: any; takes the channel lock.
 * Return: the cookie, or -EINVAL when the submit was refused.
 */
dma_cookie_t vchan_tx_submit(struct dma_async_tx_descriptor *tx)
{
	struct virt_dma_chan *vc = to_virt_chan(tx->chan);
	struct virt_dma_desc *vd = to_virt_desc(tx);
	dma_cookie_t cookie = -EINVAL;
	unsigned long flags;

	spin_lock_irqsave(&vc->lock, flags);
	if (!vchan_submit_refused(vc, vd)) {
		cookie = dma_cookie_assign(tx);
		vchan_desc_move(vd, &vc->desc_submitted);
		vd->state = VCHAN_DESC_SUBMITTED;
	}
	spin_unlock_irqrestore(&vc->lock, flags);

	return cookie;
}
EXPORT_SYMBOL_GPL(vchan_tx_submit);

/**
 * vchan_tx_desc_free() - &dma_async_tx_descriptor.desc_free of virt-dma
 * @tx: a reusable descriptor the client gives up
 *
 * Unlinks the descriptor and hands it to &virt_dma_chan.desc_free.  When
 * called from the descriptor's own completion callback, the tasklet frees
 * it once the callback has returned.
 *
 * Context: any; takes the channel lock.
 * Return: 0, or -EINVAL when the descriptor was already freed (only
 * detected with CONFIG_DMADEVICES_DEBUG).
 */
int vchan_tx_desc_free(struct dma_async_tx_descriptor *tx)
{
	struct virt_dma_chan *vc = to_virt_chan(tx->chan);
	struct virt_dma_desc *vd = to_virt_desc(tx);
	unsigned long flags;
	bool free = false;

	spin_lock_irqsave(&vc->lock, flags);
	if (vchan_refuse(vc, vd->state == VCHAN_DESC_FREED,
			 VCHAN_MISUSE_FREE_TWICE)) {
		spin_unlock_irqrestore(&vc->lock, flags);
		return -EINVAL;
	}
	dmaengine_desc_clear_reuse(tx);
	/* a completed descriptor off every list is in its callback */
	if (vd->state != VCHAN_DESC_COMPLETED || vchan_desc_linked(vd))
		free = vchan_retire(vc, vd);
	spin_unlock_irqrestore(&vc->lock, flags);

	if (free)
		vc->desc_free(vd);
	return 0;
}
EXPORT_SYMBOL_GPL(vchan_tx_desc_free);

/**
 * vchan_find_desc() - look up an issued descriptor by cookie
 * @vc: the virtual channel
 * @cookie: the cookie to look for
 *
 * Only &virt_dma_chan.desc_issued is searched: descriptors the driver
 * already took off it (the running one) and submitted ones are not found.
 *
 * Context: caller holds @vc->lock.
 * Return: the descriptor, or NULL.
 */
struct virt_dma_desc *vchan_find_desc(struct virt_dma_chan *vc,
				      dma_cookie_t cookie)
{
	struct virt_dma_desc *vd;

	lockdep_assert_held(&vc->lock);

	list_for_each_entry(vd, &vc->desc_issued, node) {
		if (vd->tx.cookie == cookie)
			return vd;
	}
	return NULL;
}
EXPORT_SYMBOL_GPL(vchan_find_desc);

/* Descriptors parked by an earlier terminate may go with the next one. */
static void vchan_release_parked(struct virt_dma_chan *vc)
{
	struct virt_dma_desc *vd;

	list_for_each_entry(vd, &vc->desc_terminated, node) {
		if (vd->state == VCHAN_DESC_TERMINATED)
			vd->state = VCHAN_DESC_COLLECTED;
	}
	vc->sync_pending = false;
}

/**
 * vchan_issue_pending() - move all submitted descriptors to the issued list
 * @vc: the virtual channel
 *
 * The driver then starts the head of &virt_dma_chan.desc_issued if its
 * hardware is idle.
 *
 * Issuing after a terminate that parked a descriptor, before
 * vchan_synchronize(), is not allowed: with CONFIG_DMADEVICES_DEBUG it
 * warns once and is refused (nothing moves).  Without it the parked
 * descriptors are released to the next terminate, since the hardware
 * has moved on to new work.
 *
 * Context: caller holds @vc->lock.
 * Return: true when there are issued descriptors for the hardware.
 */
bool vchan_issue_pending(struct virt_dma_chan *vc)
{
	struct virt_dma_desc *vd;

	lockdep_assert_held(&vc->lock);

	if (vc->sync_pending) {
		if (vchan_refuse(vc, true, VCHAN_MISUSE_ISSUE_UNSYNCED))
			return false;
		vchan_release_parked(vc);
	}

	list_for_each_entry(vd, &vc->desc_submitted, node)
		vd->state = VCHAN_DESC_ISSUED;
	list_splice_tail_init(&vc->desc_submitted, &vc->desc_issued);

	return !list_empty(&vc->desc_issued);
}
EXPORT_SYMBOL_GPL(vchan_issue_pending);

/**
 * vchan_cookie_complete() - report a finished descriptor
 * @vd: the descriptor, already taken off &virt_dma_chan.desc_issued
 *
 * Completes the descriptor's cookie, queues it on
 * &virt_dma_chan.desc_completed and schedules the tasklet, which runs the
 * client's callback with @vd->tx_result.
 *
 * A second completion of the same descriptor always warns once and is
 * ignored, as is (silently, or with a warning under
 * CONFIG_DMADEVICES_DEBUG) the completion of a terminated or freed
 * descriptor.  With CONFIG_DMADEVICES_DEBUG, completing a descriptor that
 * was never issued warns once and is ignored too.
 *
 * Context: caller holds the channel lock; typically the interrupt handler.
 */
void vchan_cookie_complete(struct virt_dma_desc *vd)
{
	struct virt_dma_chan *vc = to_virt_chan(vd->tx.chan);

	lockdep_assert_held(&vc->lock);

	switch (vd->state) {
	case VCHAN_DESC_ISSUED:
		break;
	case VCHAN_DESC_PREPARED:
		/* queued by a driver's own tx_submit */
		if (vd->tx.cookie >= DMA_MIN_COOKIE)
			break;
		fallthrough;
	case VCHAN_DESC_UNUSED:
	case VCHAN_DESC_SUBMITTED:
		if (vchan_refuse(vc, true, VCHAN_MISUSE_COMPLETE_UNISSUED))
			return;
		break;
	case VCHAN_DESC_COMPLETED:
		vchan_report(vc, VCHAN_MISUSE_COMPLETE_TWICE);
		return;
	default:
		vchan_refuse(vc, true, VCHAN_MISUSE_COMPLETE_STOPPED);
		return;
	}

	dma_cookie_complete(&vd->tx);
	vchan_desc_move(vd, &vc->desc_completed);
	vd->state = VCHAN_DESC_COMPLETED;
	tasklet_schedule(&vc->task);
}
EXPORT_SYMBOL_GPL(vchan_cookie_complete);

/**
 * vchan_vdesc_fini() - recycle or free a descriptor nobody uses any more
 * @vd: the descriptor, off every list (a still linked one is unlinked)
 *
 * A reusable descriptor (DMA_CTRL_REUSE) goes back to the head of
 * &virt_dma_chan.desc_allocated; any other one is passed to
 * &virt_dma_chan.desc_free.  A descriptor that still held an outstanding
 * cookie is counted as aborted.
 *
 * Context: any; takes the channel lock, so the caller must not hold it.
 */
void vchan_vdesc_fini(struct virt_dma_desc *vd)
{
	struct virt_dma_chan *vc = to_virt_chan(vd->tx.chan);
	unsigned long flags;
	bool free;

	spin_lock_irqsave(&vc->lock, flags);
	free = vchan_retire(vc, vd);
	spin_unlock_irqrestore(&vc->lock, flags);

	if (free)
		vc->desc_free(vd);
}
EXPORT_SYMBOL_GPL(vchan_vdesc_fini);

/**
 * vchan_cyclic_callback() - report one elapsed period of a cyclic transfer
 * @vd: the running cyclic descriptor
 *
 * Counts the period and schedules the tasklet, which calls the client's
 * callback once per period (a burst beyond VCHAN_PERIOD_BURST in one run
 * is counted as coalesced in the channel statistics).
 *
 * Context: any, including hard interrupt; the channel lock may or may not
 * be held.
 */
void vchan_cyclic_callback(struct virt_dma_desc *vd)
{
	struct virt_dma_chan *vc = to_virt_chan(vd->tx.chan);

	WRITE_ONCE(vc->cyclic, vd);
	/* the tasklet reads the count first, then the descriptor */
	smp_mb__before_atomic();
	atomic_inc(&vc->cyclic_pending);
	tasklet_schedule(&vc->task);
}
EXPORT_SYMBOL_GPL(vchan_cyclic_callback);

/**
 * vchan_terminate_vdesc() - park the running descriptor after a terminate
 * @vd: the descriptor the hardware was running
 *
 * Moves @vd to &virt_dma_chan.desc_terminated, where it stays until
 * vchan_synchronize() (the hardware may still access it until then),
 * counts it as aborted, and drops the channel's pending period callbacks
 * when @vd is the cyclic descriptor.  Parking a descriptor twice is
 * harmless.
 *
 * Context: caller holds the channel lock.
 */
void vchan_terminate_vdesc(struct virt_dma_desc *vd)
{
	struct virt_dma_chan *vc = to_virt_chan(vd->tx.chan);

	lockdep_assert_held(&vc->lock);

	if (vd->state == VCHAN_DESC_TERMINATED)
		return;

	dmaengine_chan_note_aborted(&vc->chan, vchan_desc_dropped(vd));
	vchan_desc_move(vd, &vc->desc_terminated);
	vd->state = VCHAN_DESC_TERMINATED;
	if (vd == READ_ONCE(vc->cyclic))
		vchan_cyclic_reset(vc);
	if (vchan_can_sync(vc))
		vc->sync_pending = true;
}
EXPORT_SYMBOL_GPL(vchan_terminate_vdesc);

/**
 * vchan_get_all_descriptors() - take every descriptor off the channel
 * @vc: the virtual channel
 * @head: list receiving them, in the order allocated, submitted, issued,
 *	completed, terminated
 *
 * Used by terminate_all and at teardown; pass @head to
 * vchan_dma_desc_free_list() once the lock is dropped.  Descriptors that
 * held an outstanding cookie are counted as aborted, and pending period
 * callbacks are dropped.  Completed descriptors whose callback has not run
 * yet never get it.
 *
 * Context: caller holds @vc->lock.
 */
void vchan_get_all_descriptors(struct virt_dma_chan *vc,
			       struct list_head *head)
{
	struct list_head *lists[VCHAN_NR_LISTS];
	unsigned int i, dropped = 0;
	struct virt_dma_desc *vd;

	lockdep_assert_held(&vc->lock);

	vchan_lists(vc, lists);
	for (i = 0; i < VCHAN_NR_LISTS; i++) {
		list_for_each_entry(vd, lists[i], node) {
			dropped += vchan_desc_dropped(vd);
			/* parked ones keep their state: see the free list */
			if (vd->state != VCHAN_DESC_TERMINATED)
				vd->state = VCHAN_DESC_COLLECTED;
		}
		list_splice_tail_init(lists[i], head);
	}
	dmaengine_chan_note_aborted(&vc->chan, dropped);
	vchan_cyclic_reset(vc);
}
EXPORT_SYMBOL_GPL(vchan_get_all_descriptors);

/**
 * vchan_dma_desc_free_list() - free (or recycle) a list of descriptors
 * @vc: the virtual channel
 * @head: descriptors, usually from vchan_get_all_descriptors()
 *
 * Each descriptor is recycled (DMA_CTRL_REUSE) or freed like
 * vchan_vdesc_fini() does, except descriptors parked by
 * vchan_terminate_vdesc() on a device that has device_synchronize: they
 * go back to &virt_dma_chan.desc_terminated for vchan_synchronize() to
 * free, because the hardware may still be using them.  @head is left
 * empty.
 *
 * Context: any; takes the channel lock, so the caller must not hold it.
 */
void vchan_dma_desc_free_list(struct virt_dma_chan *vc, struct list_head *head)
{
	bool park = vchan_can_sync(vc);
	struct virt_dma_desc *vd, *tmp;
	unsigned long flags;
	LIST_HEAD(retired);

	spin_lock_irqsave(&vc->lock, flags);
	list_for_each_entry_safe(vd, tmp, head, node) {
		list_del(&vd->node);
		if (park && vd->state == VCHAN_DESC_TERMINATED)
			list_add_tail(&vd->node, &vc->desc_terminated);
		else if (vchan_retire(vc, vd))
			list_add_tail(&vd->node, &retired);
	}
	spin_unlock_irqrestore(&vc->lock, flags);

	vchan_free_retired(vc, &retired);
}
EXPORT_SYMBOL_GPL(vchan_dma_desc_free_list);

/**
 * vchan_free_chan_resources() - free every descriptor of a channel
 * @vc: the virtual channel
 *
 * For device_free_chan_resources: clears DMA_CTRL_REUSE on every
 * descriptor and frees them all, parked ones included.  The core has
 * synchronized the channel before calling the driver.
 *
 * Context: any; takes the channel lock, so the caller must not hold it.
 */
void vchan_free_chan_resources(struct virt_dma_chan *vc)
{
	struct virt_dma_desc *vd, *tmp;
	unsigned long flags;
	LIST_HEAD(head);
	LIST_HEAD(retired);

	spin_lock_irqsave(&vc->lock, flags);
	vchan_get_all_descriptors(vc, &head);
	list_for_each_entry_safe(vd, tmp, &head, node) {
		list_del(&vd->node);
		dmaengine_desc_clear_reuse(&vd->tx);
		if (vchan_retire(vc, vd))
			list_add_tail(&vd->node, &retired);
	}
	vc->sync_pending = false;
	spin_unlock_irqrestore(&vc->lock, flags);

	vchan_free_retired(vc, &retired);
}
EXPORT_SYMBOL_GPL(vchan_free_chan_resources);

/**
 * vchan_synchronize() - wait for the tasklet and free terminated descriptors
 * @vc: the virtual channel
 *
 * Waits until a running or scheduled completion tasklet has finished, then
 * frees (or recycles, if reusable) the descriptors parked by
 * vchan_terminate_vdesc().  The driver must have stopped the hardware and
 * its interrupt before, so that nothing schedules the tasklet again.
 *
 * Context: process context; may sleep.  Not from a completion callback of
 * the same channel.
 */
void vchan_synchronize(struct virt_dma_chan *vc)
{
	struct virt_dma_desc *vd, *tmp;
	unsigned long flags;
	LIST_HEAD(retired);

	might_sleep();
	tasklet_kill(&vc->task);

	spin_lock_irqsave(&vc->lock, flags);
	list_for_each_entry_safe(vd, tmp, &vc->desc_terminated, node) {
		list_del(&vd->node);
		if (vchan_retire(vc, vd))
			list_add_tail(&vd->node, &retired);
	}
	vc->sync_pending = false;
	spin_unlock_irqrestore(&vc->lock, flags);

	vchan_free_retired(vc, &retired);
}
EXPORT_SYMBOL_GPL(vchan_synchronize);

MODULE_DESCRIPTION("Virtual DMA channel support");
MODULE_LICENSE("GPL");
