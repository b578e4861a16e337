// SPDX-License-Identifier: GPL-2.0
/*
 * DMA engine core: tracepoint definitions and the out-of-line helpers the
 * inline API calls when an event is enabled.
 *
 * The inline helpers of <linux/dmaengine.h> and drivers/dma/dmaengine.h
 * test the tracepoint's static key themselves (tracepoint_enabled()) and
 * only then call one of the functions below, so a disabled event costs a
 * patched-out branch.  The keys and helpers are exported without a GPL
 * restriction because every client inlines those helpers.
 */

#include <linux/dmaengine.h>

#include "dmaengine.h"
#include "dmaengine-internal.h"

#define CREATE_TRACE_POINTS
#include <trace/events/dmaengine.h>

EXPORT_TRACEPOINT_SYMBOL(dmaengine_tx_prep);
EXPORT_TRACEPOINT_SYMBOL(dmaengine_tx_submit);
EXPORT_TRACEPOINT_SYMBOL(dmaengine_tx_complete);
EXPORT_TRACEPOINT_SYMBOL(dmaengine_tx_result);
EXPORT_TRACEPOINT_SYMBOL(dmaengine_chan_issue);
EXPORT_TRACEPOINT_SYMBOL(dmaengine_chan_terminate);
EXPORT_TRACEPOINT_SYMBOL(dmaengine_chan_synchronize);

/**
 * dmaengine_trace_prep() - emit the prep event
 * @chan: the channel
 * @tx: the prepared descriptor, NULL when the provider refused
 * @type: the operation
 * @flags: the prep flags
 *
 * Context: any.
 */
void dmaengine_trace_prep(struct dma_chan *chan,
			  struct dma_async_tx_descriptor *tx,
			  enum dma_transaction_type type, unsigned long flags)
{
	trace_dmaengine_tx_prep(chan, tx, type, flags);
}
EXPORT_SYMBOL(dmaengine_trace_prep);

/**
 * dmaengine_trace_submit() - emit the submit event
 * @tx: the descriptor
 * @cookie: what tx_submit returned
 *
 * Context: any.
 */
void dmaengine_trace_submit(struct dma_async_tx_descriptor *tx,
			    dma_cookie_t cookie)
{
	trace_dmaengine_tx_submit(tx, cookie);
}
EXPORT_SYMBOL(dmaengine_trace_submit);

/**
 * dmaengine_trace_issue() - emit the issue event
 * @chan: the channel
 *
 * Context: any.
 */
void dmaengine_trace_issue(struct dma_chan *chan)
{
	trace_dmaengine_chan_issue(chan);
}
EXPORT_SYMBOL(dmaengine_trace_issue);

/**
 * dmaengine_trace_terminate() - emit the terminate event
 * @chan: the channel
 * @ret: what device_terminate_all returned
 *
 * Context: any.
 */
void dmaengine_trace_terminate(struct dma_chan *chan, int ret)
{
	trace_dmaengine_chan_terminate(chan, ret);
}
EXPORT_SYMBOL(dmaengine_trace_terminate);

/**
 * dmaengine_trace_synchronize() - emit the synchronize event
 * @chan: the channel
 *
 * Context: process context.
 */
void dmaengine_trace_synchronize(struct dma_chan *chan)
{
	trace_dmaengine_chan_synchronize(chan);
}
EXPORT_SYMBOL(dmaengine_trace_synchronize);

/**
 * dmaengine_trace_complete() - emit the completion event
 * @tx: the descriptor, before its cookie is cleared
 *
 * Context: any.
 */
void dmaengine_trace_complete(struct dma_async_tx_descriptor *tx)
{
	trace_dmaengine_tx_complete(tx, tx->cookie);
}
EXPORT_SYMBOL(dmaengine_trace_complete);

/**
 * dmaengine_trace_result() - emit the result event
 * @chan: the channel
 * @res: the result handed to the client
 *
 * Context: any.
 */
void dmaengine_trace_result(struct dma_chan *chan,
			    const struct dmaengine_result *res)
{
	trace_dmaengine_tx_result(chan, res);
}
EXPORT_SYMBOL(dmaengine_trace_result);

/**
 * dma_trace_chan_request() - emit the channel request event
 * @chan: the channel taken
 * @client: the client's device name, NULL for filter or mask requests
 *
 * Context: process context.
 */
void dma_trace_chan_request(struct dma_chan *chan, const char *client)
{
	trace_dmaengine_chan_request(chan, client);
}

/**
 * dma_trace_chan_release() - emit the channel release event
 * @chan: the channel being released
 *
 * Context: process context.
 */
void dma_trace_chan_release(struct dma_chan *chan)
{
	trace_dmaengine_chan_release(chan);
}
