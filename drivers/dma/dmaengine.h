/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers for DMA engine *providers* (controller drivers) only.
 *
 * Clients must not include this file: it gives access to the cookie
 * bookkeeping, the completion-callback plumbing and the channel statistics
 * of a channel, all of which belong to the driver that owns the channel.
 * It lives at drivers/dma/dmaengine.h and is included by relative path
 * from driver subdirectories and from a few drivers outside drivers/dma.
 */
#ifndef DMAENGINE_PROVIDER_H
#define DMAENGINE_PROVIDER_H

#include <linux/atomic.h>
#include <linux/bug.h>
#include <linux/dmaengine.h>

#ifdef CONFIG_DMA_ENGINE
DECLARE_TRACEPOINT(dmaengine_tx_complete);
DECLARE_TRACEPOINT(dmaengine_tx_result);

void dmaengine_trace_complete(struct dma_async_tx_descriptor *tx);
void dmaengine_trace_result(struct dma_chan *chan,
			    const struct dmaengine_result *res);
#else
static inline void dmaengine_trace_complete(struct dma_async_tx_descriptor *tx)
{
}

static inline void dmaengine_trace_result(struct dma_chan *chan,
					  const struct dmaengine_result *res)
{
}
#endif

/**
 * dmaengine_stats_raise_max() - raise a high-water mark
 * @mark: the mark
 * @val: a value just observed
 *
 * Context: any; lockless.
 */
static inline void dmaengine_stats_raise_max(atomic_t *mark, int val)
{
	int seen = atomic_read(mark);

	while (val > seen) {
		if (atomic_try_cmpxchg(mark, &seen, val))
			break;
	}
}

/**
 * dmaengine_stats_drop_in_flight() - lower a channel's in-flight count
 * @chan: the channel
 * @n: descriptors that left the channel
 *
 * Never goes below zero, so a provider that reports more aborted
 * descriptors than it submitted cannot wrap the counter.
 *
 * Context: any; lockless.
 */
static inline void dmaengine_stats_drop_in_flight(struct dma_chan *chan,
						  unsigned int n)
{
	atomic_t *cnt = &chan->stats.in_flight;
	int seen = atomic_read(cnt);
	int next;

	do {
		next = seen > (int)n ? seen - (int)n : 0;
	} while (!atomic_try_cmpxchg(cnt, &seen, next));
}

/**
 * dmaengine_chan_note_aborted() - account descriptors dropped by terminate
 * @chan: the channel
 * @n: number of submitted descriptors that will never complete
 *
 * Context: any; lockless.
 */
static inline void dmaengine_chan_note_aborted(struct dma_chan *chan,
					       unsigned int n)
{
	if (!n)
		return;
	atomic64_add(n, &chan->stats.aborted);
	dmaengine_stats_drop_in_flight(chan, n);
}

/**
 * dmaengine_chan_note_result() - account the result of a completion
 * @chan: the channel
 * @r: the result handed to the client's callback
 *
 * Counts failures and aborts reported through a result; a successful
 * result changes nothing.  The descriptor itself was already counted as
 * completed by dma_cookie_complete().
 *
 * Context: any; lockless.
 */
static inline void dmaengine_chan_note_result(struct dma_chan *chan,
					      const struct dmaengine_result *r)
{
	if (dmaengine_tp_enabled(dmaengine_tx_result))
		dmaengine_trace_result(chan, r);
	if (r->result == DMA_TRANS_NOERROR)
		return;
	if (r->result == DMA_TRANS_ABORTED)
		atomic64_inc(&chan->stats.aborted);
	else
		atomic64_inc(&chan->stats.errors);
}

/**
 * dmaengine_chan_note_periods() - account cyclic period notifications
 * @chan: the channel
 * @delivered: period callbacks delivered
 * @coalesced: periods that elapsed without a callback of their own
 *
 * Context: any; lockless.
 */
static inline void dmaengine_chan_note_periods(struct dma_chan *chan,
					       unsigned int delivered,
					       unsigned int coalesced)
{
	if (delivered)
		atomic64_add(delivered, &chan->stats.periods);
	if (coalesced)
		atomic64_add(coalesced, &chan->stats.periods_coalesced);
}

/**
 * dma_cookie_init() - reset the cookie counters of a channel
 * @chan: the channel
 *
 * Context: provider setup or channel resource allocation.
 */
static inline void dma_cookie_init(struct dma_chan *chan)
{
	WRITE_ONCE(chan->completed_cookie, DMA_MIN_COOKIE);
	WRITE_ONCE(chan->cookie, DMA_MIN_COOKIE);
}

/**
 * dma_cookie_outstanding() - tell whether a cookie is still pending
 * @chan: the channel
 * @cookie: the cookie
 *
 * Context: any.
 * Return: true when @cookie lies in the channel's window of assigned but
 * not yet completed cookies.
 */
static inline bool dma_cookie_outstanding(struct dma_chan *chan,
					  dma_cookie_t cookie)
{
	return dma_async_is_complete(cookie, READ_ONCE(chan->completed_cookie),
				     READ_ONCE(chan->cookie)) == DMA_IN_PROGRESS;
}

/**
 * dma_cookie_assign() - give a descriptor the next cookie of its channel
 * @tx: the descriptor being submitted
 *
 * Cookies grow by one and restart at DMA_MIN_COOKIE after S32_MAX.  Also
 * counts the submission in the channel statistics.  With
 * CONFIG_DMADEVICES_DEBUG, resubmitting a descriptor whose previous cookie
 * is still outstanding warns once.
 *
 * Context: caller holds the provider's channel lock, which serialises all
 * cookie updates of the channel.
 * Return: the new cookie.
 */
static inline dma_cookie_t dma_cookie_assign(struct dma_async_tx_descriptor *tx)
{
	struct dma_chan *chan = tx->chan;
	dma_cookie_t next;

	if (IS_ENABLED(CONFIG_DMADEVICES_DEBUG) &&
	    tx->cookie >= DMA_MIN_COOKIE)
		WARN_ONCE(dma_cookie_outstanding(chan, tx->cookie),
			  "dmaengine: descriptor submitted twice (cookie %d)\n",
			  tx->cookie);

	next = chan->cookie < S32_MAX ? chan->cookie + 1 : DMA_MIN_COOKIE;
	tx->cookie = next;
	WRITE_ONCE(chan->cookie, next);

	atomic64_inc(&chan->stats.submitted);
	dmaengine_stats_raise_max(&chan->stats.in_flight_max,
				  atomic_inc_return(&chan->stats.in_flight));
	return next;
}

/**
 * dma_cookie_complete() - record the completion of a descriptor
 * @tx: the completed descriptor
 *
 * Makes @tx's cookie the channel's last completed one, zeroes the
 * descriptor's cookie and counts the completion and its bytes.  Completing
 * a descriptor that holds no cookie (never submitted, or completed before)
 * is a provider bug: it warns once and leaves the channel untouched.  With
 * CONFIG_DMADEVICES_DEBUG a cookie that is not outstanding is refused the
 * same way.
 *
 * Context: caller holds the provider's channel lock.
 */
static inline void dma_cookie_complete(struct dma_async_tx_descriptor *tx)
{
	struct dma_chan *chan = tx->chan;

	if (WARN_ONCE(tx->cookie < DMA_MIN_COOKIE,
		      "dmaengine: completing a descriptor without cookie (%d)\n",
		      tx->cookie))
		return;
	if (IS_ENABLED(CONFIG_DMADEVICES_DEBUG) &&
	    WARN_ONCE(!dma_cookie_outstanding(chan, tx->cookie),
		      "dmaengine: cookie %d is not outstanding on its channel\n",
		      tx->cookie))
		return;

	if (dmaengine_tp_enabled(dmaengine_tx_complete))
		dmaengine_trace_complete(tx);
	WRITE_ONCE(chan->completed_cookie, tx->cookie);
	tx->cookie = 0;

	atomic64_inc(&chan->stats.completed);
	if (tx->xfer_len)
		atomic64_add(tx->xfer_len, &chan->stats.bytes);
	dmaengine_stats_drop_in_flight(chan, 1);
}

/**
 * dma_cookie_status() - state of a cookie from the channel's counters
 * @chan: the channel
 * @cookie: the cookie
 * @state: if not NULL, receives the counters; residue and in-flight bytes
 *	are zeroed for the provider to fill in
 *
 * Reads the completed counter before the assigned one, so the window seen
 * is never inverted by a concurrent submit and completion.
 *
 * Context: any; lockless.
 * Return: DMA_COMPLETE or DMA_IN_PROGRESS.
 */
static inline enum dma_status
dma_cookie_status(struct dma_chan *chan, dma_cookie_t cookie,
		  struct dma_tx_state *state)
{
	dma_cookie_t done, last;

	done = READ_ONCE(chan->completed_cookie);
	/* pairs with the cookie updates made under the provider's lock */
	smp_rmb();
	last = READ_ONCE(chan->cookie);
	if (state) {
		state->last = done;
		state->used = last;
		state->residue = 0;
		state->in_flight_bytes = 0;
	}
	return dma_async_is_complete(cookie, done, last);
}

/**
 * dma_set_residue() - store a residue in a transfer state
 * @state: the state (may be NULL)
 * @residue: bytes left
 *
 * Context: any.
 */
static inline void dma_set_residue(struct dma_tx_state *state, u32 residue)
{
	if (state)
		state->residue = residue;
}

/**
 * dma_set_in_flight_bytes() - store in-flight bytes in a transfer state
 * @state: the state (may be NULL)
 * @in_flight_bytes: bytes read but not yet written
 *
 * Context: any.
 */
static inline void dma_set_in_flight_bytes(struct dma_tx_state *state,
					   u32 in_flight_bytes)
{
	if (state)
		state->in_flight_bytes = in_flight_bytes;
}

/**
 * struct dmaengine_desc_callback - snapshot of a descriptor's callback
 * @callback: plain callback
 * @callback_result: callback with result
 * @callback_param: argument of either
 * @chan: channel the snapshot was taken on, for the statistics
 */
struct dmaengine_desc_callback {
	dma_async_tx_callback callback;
	dma_async_tx_callback_result callback_result;
	void *callback_param;
	struct dma_chan *chan;
};

/**
 * dmaengine_desc_get_callback() - snapshot a descriptor's callback
 * @tx: the descriptor
 * @cb: receives the snapshot
 *
 * Take the snapshot before the descriptor may be freed or reused, then
 * invoke it without holding the channel lock.
 *
 * Context: any.
 */
static inline void
dmaengine_desc_get_callback(struct dma_async_tx_descriptor *tx,
			    struct dmaengine_desc_callback *cb)
{
	cb->chan = tx->chan;
	cb->callback_param = tx->callback_param;
	cb->callback_result = tx->callback_result;
	cb->callback = tx->callback;
}

/**
 * dmaengine_desc_callback_invoke() - run a snapshot callback
 * @cb: the snapshot
 * @result: the outcome; NULL means success with nothing left
 *
 * Prefers the result flavour.  Also accounts the result in the channel
 * statistics.
 *
 * Context: the provider's completion context, without its channel lock.
 */
static inline void
dmaengine_desc_callback_invoke(struct dmaengine_desc_callback *cb,
			       const struct dmaengine_result *result)
{
	const struct dmaengine_result success = {
		.result = DMA_TRANS_NOERROR,
		.residue = 0,
	};
	const struct dmaengine_result *res = result ? result : &success;

	if (cb->chan)
		dmaengine_chan_note_result(cb->chan, res);
	if (cb->callback_result)
		cb->callback_result(cb->callback_param, res);
	else if (cb->callback)
		cb->callback(cb->callback_param);
}

/**
 * dmaengine_desc_get_callback_invoke() - snapshot and run a callback
 * @tx: the descriptor
 * @result: the outcome; NULL means success with nothing left
 *
 * Context: the provider's completion context, without its channel lock.
 */
static inline void
dmaengine_desc_get_callback_invoke(struct dma_async_tx_descriptor *tx,
				   const struct dmaengine_result *result)
{
	struct dmaengine_desc_callback cb;

	dmaengine_desc_get_callback(tx, &cb);
	dmaengine_desc_callback_invoke(&cb, result);
}

/**
 * dmaengine_desc_callback_valid() - tell whether a snapshot has a callback
 * @cb: the snapshot
 *
 * Context: any.
 * Return: true when either callback is set.
 */
static inline bool
dmaengine_desc_callback_valid(struct dmaengine_desc_callback *cb)
{
	return cb->callback || cb->callback_result;
}

struct dma_chan *dma_get_slave_channel(struct dma_chan *chan);
struct dma_chan *dma_get_any_slave_channel(struct dma_device *device);

#ifdef CONFIG_DEBUG_FS
#include <linux/debugfs.h>

/**
 * dmaengine_get_debugfs_root() - the device's debugfs directory
 * @dma_dev: the registered DMA device
 *
 * Providers create their own debugfs files below it.
 *
 * Context: any.
 * Return: the directory, or NULL when it could not be created or when
 * debugfs is not configured.
 */
static inline struct dentry *
dmaengine_get_debugfs_root(struct dma_device *dma_dev)
{
	return dma_dev->dbg_dev_root;
}
#else
struct dentry;

/* Without debugfs there is no directory. */
static inline struct dentry *
dmaengine_get_debugfs_root(struct dma_device *dma_dev)
{
	return NULL;
}
#endif /* CONFIG_DEBUG_FS */

#endif /* DMAENGINE_PROVIDER_H */
