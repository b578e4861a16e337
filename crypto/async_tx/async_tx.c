// SPDX-License-Identifier: GPL-2.0
/*
 * async_tx core: channel choice, dependencies between descriptors, waiting.
 *
 * Channel choice.  An operation stays on the channel of its dependency
 * when that channel can do it, so that a chain of md operations runs on
 * one channel in submission order.  Otherwise the per-CPU table of the
 * DMA engine core is asked: for devices able to do every async_tx
 * operation (DMA_ASYNC_TX), or, with channel switching configured, for
 * the operation type alone.  No channel means the CPU.
 *
 * Dependencies.  A descriptor on the dependency's channel is submitted
 * behind it and the channel keeps the order.  A dependency on another
 * channel is bridged, with channel switching, by an interrupt descriptor
 * queued behind the dependency on its own channel: the provider's
 * dma_run_dependencies() on its completion submits the new descriptor.
 * Without channel switching, or without an interrupt descriptor, the
 * submitter waits for the dependency and then submits.
 *
 * Errors.  A wait that ends with a status other than DMA_COMPLETE (an
 * error reported by the provider, or the core's timeout) is logged and
 * returned where the interface allows it (async_tx_quiesce_status()); the
 * library never stops the machine over it.
 */

#define pr_fmt(fmt) "async_tx: " fmt

#include <kunit/static_stub.h>
#include <linux/async_tx.h>
#include <linux/delay.h>
#include <linux/dmaengine.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/module.h>

#include "async_tx_internal.h"

/* How often a failing prep is tried before the CPU takes over. */
#define ASYNC_TX_PREP_TRIES	8

/* Pause between two tries when the caller cannot sleep. */
#define ASYNC_TX_SPIN_US	20

/* How long a descriptor may take to leave dma_run_dependencies(). */
#define ASYNC_TX_HANDOVER_MS	1000

/* Submissions remembered for reporting errors after completion. */
#define ASYNC_TX_RECENT		64

/*
 * The core zeroes a descriptor's cookie when it completes, so a wait that
 * starts late cannot ask the provider how it ended.  The cookies of recent
 * submissions are kept here, by descriptor, for that question.  A provider
 * reusing the memory for a descriptor that async_tx submits again updates
 * the entry; the answer is best effort otherwise.
 */
struct async_tx_recent {
	struct dma_async_tx_descriptor *tx;
	struct dma_chan *chan;
	dma_cookie_t cookie;
};

static DEFINE_SPINLOCK(async_tx_recent_lock);
/* both under async_tx_recent_lock */
static struct async_tx_recent async_tx_recent[ASYNC_TX_RECENT];
static unsigned int async_tx_recent_next;

static int __init async_tx_init(void)
{
	async_dmaengine_get();
	return 0;
}

static void __exit async_tx_exit(void)
{
	async_dmaengine_put();
}

static const char *async_tx_chan_name(struct dma_chan *chan)
{
	return chan && chan->dev ? dma_chan_name(chan) : "dma channel";
}

/* Remember the cookie @tx got from its submission. */
static void async_tx_note(struct dma_async_tx_descriptor *tx,
			  dma_cookie_t cookie)
{
	struct async_tx_recent *slot = NULL;
	unsigned long flags;
	unsigned int i;

	if (cookie < DMA_MIN_COOKIE)
		return;
	spin_lock_irqsave(&async_tx_recent_lock, flags);
	for (i = 0; i < ASYNC_TX_RECENT && !slot; i++)
		if (async_tx_recent[i].tx == tx)
			slot = &async_tx_recent[i];
	if (!slot)
		slot = &async_tx_recent[async_tx_recent_next++ % ASYNC_TX_RECENT];
	*slot = (struct async_tx_recent){ tx, tx->chan, cookie };
	spin_unlock_irqrestore(&async_tx_recent_lock, flags);
}

/* The cookie @tx was submitted with on @chan, or 0 when unknown. */
static dma_cookie_t async_tx_recall(struct dma_async_tx_descriptor *tx,
				    struct dma_chan *chan)
{
	dma_cookie_t cookie = 0;
	unsigned long flags;
	unsigned int i;

	spin_lock_irqsave(&async_tx_recent_lock, flags);
	for (i = 0; i < ASYNC_TX_RECENT; i++)
		if (async_tx_recent[i].tx == tx && async_tx_recent[i].chan == chan)
			cookie = async_tx_recent[i].cookie;
	spin_unlock_irqrestore(&async_tx_recent_lock, flags);
	return cookie;
}

static dma_cookie_t async_tx_do_submit(struct dma_async_tx_descriptor *tx)
{
	dma_cookie_t cookie = tx->tx_submit(tx);

	async_tx_note(tx, cookie);
	return cookie;
}

/*
 * Wait for @dep, then acknowledge it.  Return 0, or -EIO when the wait
 * ended with anything else than DMA_COMPLETE or the provider says the
 * descriptor failed.
 */
static int async_tx_wait(struct dma_async_tx_descriptor *dep)
{
	struct dma_chan *chan = dep->chan;
	dma_cookie_t cookie = READ_ONCE(dep->cookie);
	enum dma_status status = dma_wait_for_async_tx(dep);
	dma_cookie_t known;

	if (status == DMA_COMPLETE) {
		/* it may have completed before the wait could see its cookie */
		known = async_tx_recall(dep, chan);
		if (known) {
			cookie = known;
			status = dma_async_is_tx_complete(chan, known, NULL, NULL);
		}
	}
	async_tx_ack(dep);
	if (status == DMA_COMPLETE)
		return 0;
	pr_err_ratelimited("%s: descriptor %d ended with status %d\n",
			   async_tx_chan_name(chan), cookie, status);
	return -EIO;
}

#ifdef CONFIG_DMA_ENGINE
/**
 * __async_tx_find_channel() - channel for an async_tx operation
 * @submit: the submission; its dependency's channel is preferred
 * @tx_type: the operation
 *
 * Context: any.
 * Return: the dependency's channel when its device can do @tx_type,
 * otherwise the channel the core's per-CPU table gives for async_tx, or
 * NULL when the operation has to run on the CPU.
 */
struct dma_chan *__async_tx_find_channel(struct async_submit_ctl *submit,
					 enum dma_transaction_type tx_type)
{
	struct dma_async_tx_descriptor *dep = submit->depend_tx;

	KUNIT_STATIC_STUB_REDIRECT(__async_tx_find_channel, submit, tx_type);

	if (dep && dep->chan && dma_has_cap(tx_type, dep->chan->device->cap_mask))
		return dep->chan;
	return async_dma_find_channel(tx_type);
}
EXPORT_SYMBOL_GPL(__async_tx_find_channel);
#endif

#ifdef CONFIG_ASYNC_TX_ENABLE_CHANNEL_SWITCH
/*
 * Link @tx behind @dep if @dep still waits on a chain of its own; the
 * provider then submits @tx from dma_run_dependencies().  Return false
 * when @dep is (being) submitted already, or already has a follower.
 */
static bool async_tx_park(struct dma_async_tx_descriptor *dep,
			  struct dma_async_tx_descriptor *tx)
{
	bool parked = false;

	txd_lock(dep);
	if (txd_parent(dep) && !txd_next(dep)) {
		/* waiters recognise a parked descriptor by this cookie */
		tx->cookie = -EBUSY;
		txd_chain(dep, tx);
		parked = true;
	}
	txd_unlock(dep);
	return parked;
}

/*
 * dma_run_dependencies() unlinks a parked descriptor before it submits it;
 * wait for that submission so that nothing overtakes @dep.
 */
static void async_tx_wait_handover(struct dma_async_tx_descriptor *dep)
{
	unsigned long end = jiffies + msecs_to_jiffies(ASYNC_TX_HANDOVER_MS);

	while (READ_ONCE(dep->cookie) == -EBUSY) {
		if (time_after(jiffies, end)) {
			pr_err_ratelimited("%s: dependency never submitted\n",
					   async_tx_chan_name(dep->chan));
			return;
		}
		cpu_relax();
	}
}

/*
 * Bridge a dependency on another channel with an interrupt descriptor on
 * the dependency's channel.  Return false when there is none to be had.
 */
static bool async_tx_switch(struct dma_async_tx_descriptor *dep,
			    struct dma_async_tx_descriptor *tx)
{
	struct dma_chan *dchan = dep->chan;
	struct dma_device *dd = dchan->device;
	struct dma_async_tx_descriptor *intr;

	if (!dma_has_cap(DMA_INTERRUPT, dd->cap_mask) ||
	    !dd->device_prep_dma_interrupt)
		return false;
	intr = dd->device_prep_dma_interrupt(dchan, 0);
	if (!intr)
		return false;
	intr->callback = NULL;
	intr->callback_result = NULL;

	txd_lock(intr);
	tx->cookie = -EBUSY;
	txd_chain(intr, tx);
	txd_unlock(intr);

	if (!async_tx_park(dep, intr)) {
		async_tx_wait_handover(dep);
		async_tx_do_submit(intr);
	}
	async_tx_ack(intr);
	dma_async_issue_pending(dchan);
	return true;
}

static void async_tx_submit_after(struct dma_async_tx_descriptor *dep,
				  struct dma_async_tx_descriptor *tx)
{
	if (dep->chan == tx->chan) {
		if (async_tx_park(dep, tx))
			return;
		async_tx_wait_handover(dep);
		async_tx_do_submit(tx);
		return;
	}
	if (async_tx_switch(dep, tx))
		return;
	async_tx_wait(dep);
	async_tx_do_submit(tx);
}

static void async_tx_submit_alone(struct dma_async_tx_descriptor *tx)
{
	txd_lock(tx);
	txd_clear_parent(tx);
	txd_unlock(tx);
	async_tx_do_submit(tx);
}

static bool async_tx_has_follower(struct dma_async_tx_descriptor *dep)
{
	bool busy;

	txd_lock(dep);
	busy = !!txd_next(dep);
	txd_unlock(dep);
	return busy;
}
#else /* !CONFIG_ASYNC_TX_ENABLE_CHANNEL_SWITCH */
static void async_tx_submit_after(struct dma_async_tx_descriptor *dep,
				  struct dma_async_tx_descriptor *tx)
{
	/* a channel runs its descriptors in order; another one is waited for */
	if (dep->chan != tx->chan)
		async_tx_wait(dep);
	async_tx_do_submit(tx);
}

static void async_tx_submit_alone(struct dma_async_tx_descriptor *tx)
{
	async_tx_do_submit(tx);
}

static bool async_tx_has_follower(struct dma_async_tx_descriptor *dep)
{
	return false;
}
#endif /* CONFIG_ASYNC_TX_ENABLE_CHANNEL_SWITCH */

/**
 * async_tx_submit() - submit a prepared descriptor after its dependency
 * @chan: the channel @tx was prepared on
 * @tx: the descriptor
 * @submit: callback, flags and dependency
 *
 * Sets @tx's callback from @submit and submits @tx so that it runs after
 * @submit->depend_tx (see the top of this file).  The dependency is
 * acknowledged, as it can no longer take another follower; @tx too when
 * @submit asks for ASYNC_TX_ACK.  Misuse (a dependency that was already
 * acknowledged or already has a follower) warns once and is handled by
 * waiting for the dependency.
 *
 * Context: any; waits (without sleeping when atomic) only when the
 * dependency is on another channel that cannot be bridged.
 */
void async_tx_submit(struct dma_chan *chan, struct dma_async_tx_descriptor *tx,
		     struct async_submit_ctl *submit)
{
	struct dma_async_tx_descriptor *dep = submit->depend_tx;

	tx->callback = submit->cb_fn;
	tx->callback_param = submit->cb_param;

	if (!dep || dep == tx) {
		async_tx_submit_alone(tx);
	} else if (WARN_ONCE(async_tx_test_ack(dep) || async_tx_has_follower(dep),
			     "async_tx: dependency already acknowledged or followed\n")) {
		async_tx_wait(dep);
		async_tx_submit_alone(tx);
	} else {
		async_tx_submit_after(dep, tx);
	}

	if (submit->flags & ASYNC_TX_ACK)
		async_tx_ack(tx);
	if (dep)
		async_tx_ack(dep);
}
EXPORT_SYMBOL_GPL(async_tx_submit);

/**
 * async_trigger_callback() - run a callback once a dependency is done
 * @submit: the dependency, the callback and its flags
 *
 * With a dependency on a channel that can do DMA_INTERRUPT, an interrupt
 * descriptor carrying the callback is queued behind it.  Otherwise the
 * dependency (if any) is waited for and the callback runs at once.
 *
 * Context: any; see async_tx_submit() and async_tx_quiesce().
 * Return: the interrupt descriptor, or NULL when the callback has run.
 */
struct dma_async_tx_descriptor *
async_trigger_callback(struct async_submit_ctl *submit)
{
	struct dma_async_tx_descriptor *dep = submit->depend_tx;
	struct dma_async_tx_descriptor *tx = NULL;
	struct dma_chan *chan = dep ? dep->chan : NULL;
	struct dma_device *dd = chan ? chan->device : NULL;

	if (dd && dma_has_cap(DMA_INTERRUPT, dd->cap_mask) &&
	    dd->device_prep_dma_interrupt)
		tx = dd->device_prep_dma_interrupt(chan, submit->cb_fn ?
						   DMA_PREP_INTERRUPT : 0);
	if (tx) {
		async_tx_submit(chan, tx, submit);
		return tx;
	}

	if (dep)
		async_tx_wait(dep);
	async_tx_sync_epilog(submit);
	return NULL;
}
EXPORT_SYMBOL_GPL(async_trigger_callback);

/**
 * async_tx_quiesce_status() - wait for a descriptor and report how it ended
 * @tx: the descriptor (may point to NULL); set to NULL on return
 *
 * Waits until the descriptor has completed, acknowledges it and forgets
 * it.  A descriptor returned with ASYNC_TX_ACK may be waited for too, as
 * md's PPL code does, as long as nothing prepared new work on its channel
 * in between (providers recycle acknowledged descriptors only then).
 *
 * Context: any; sleeps between polls only when preemptible.
 * Return: 0, or -EIO when the provider reported an error for the
 * descriptor or the wait timed out (both also logged).
 */
int async_tx_quiesce_status(struct dma_async_tx_descriptor **tx)
{
	struct dma_async_tx_descriptor *t = *tx;

	if (!t)
		return 0;
	*tx = NULL;
	return async_tx_wait(t);
}
EXPORT_SYMBOL_GPL(async_tx_quiesce_status);

/**
 * async_tx_quiesce() - wait for a descriptor and forget it
 * @tx: the descriptor (may point to NULL); set to NULL on return
 *
 * See async_tx_quiesce_status(); an error is logged, not returned.
 *
 * Context: any; sleeps between polls only when preemptible.
 */
void async_tx_quiesce(struct dma_async_tx_descriptor **tx)
{
	async_tx_quiesce_status(tx);
}
EXPORT_SYMBOL_GPL(async_tx_quiesce);

static void async_tx_backoff(unsigned int attempt)
{
	unsigned long us = 50UL << attempt;

	if (preemptible())
		usleep_range(us, 2 * us);
	else
		udelay(ASYNC_TX_SPIN_US);
}

/**
 * async_tx_prep_retry() - prepare a descriptor, retrying for a while
 * @chan: the channel
 * @submit: the operation's submission (a copy owned by the operation)
 * @prep: calls the provider's prep routine
 * @arg: argument of @prep
 *
 * A provider returns NULL when its descriptors are all in use.  After the
 * first failure the dependency is waited for (and dropped from @submit),
 * then the channel is kicked and the prep retried a few times with short
 * pauses in between.
 *
 * Context: any; sleeps between tries only when preemptible.
 * Return: the descriptor, or NULL when the operation should be done on
 * the CPU.
 */
struct dma_async_tx_descriptor *
async_tx_prep_retry(struct dma_chan *chan, struct async_submit_ctl *submit,
		    async_tx_prep_fn prep, void *arg)
{
	struct dma_async_tx_descriptor *tx;
	unsigned int attempt;

	for (attempt = 0; attempt < ASYNC_TX_PREP_TRIES; attempt++) {
		tx = prep(chan, arg);
		if (tx)
			return tx;
		if (!attempt)
			async_tx_quiesce(&submit->depend_tx);
		dma_async_issue_pending(chan);
		async_tx_backoff(attempt);
	}
	pr_warn_ratelimited("%s: no descriptor after %u tries, using the CPU\n",
			    async_tx_chan_name(chan), ASYNC_TX_PREP_TRIES);
	return NULL;
}
EXPORT_SYMBOL_GPL(async_tx_prep_retry);

/**
 * async_tx_report_bad_input() - finish an operation refused for bad input
 * @submit: the operation's submission
 * @what: what was wrong
 *
 * Warns once, waits for the dependency and runs the callback once, so
 * that a caller waiting for it is not left hanging; the operation's
 * output is not written.
 *
 * Context: the submitter's.
 */
void async_tx_report_bad_input(struct async_submit_ctl *submit,
			       const char *what)
{
	struct dma_async_tx_descriptor *dep = submit->depend_tx;

	WARN_ONCE(1, "async_tx: %s\n", what);
	async_tx_quiesce(&dep);
	async_tx_sync_epilog(submit);
}
EXPORT_SYMBOL_GPL(async_tx_report_bad_input);

module_init(async_tx_init);
module_exit(async_tx_exit);

MODULE_AUTHOR("DMA engine maintainers");
MODULE_DESCRIPTION("async_tx: offload of memcpy, xor and RAID-6 work to DMA engines");
MODULE_LICENSE("GPL");
