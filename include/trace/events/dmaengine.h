/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Trace events of the DMA engine core: the life of a descriptor (prep,
 * submit, completion and the result handed to the client), channel
 * control (issue, terminate, synchronize) and channel ownership (request,
 * release).
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM dmaengine

#if !defined(_TRACE_DMAENGINE_H) || defined(TRACE_HEADER_MULTI_READ)
#define _TRACE_DMAENGINE_H

#include <linux/device.h>
#include <linux/dmaengine.h>
#include <linux/tracepoint.h>

#ifndef DMAENGINE_TRACE_HELPERS
#define DMAENGINE_TRACE_HELPERS
/* Name of a channel for the trace buffer; channels may be unregistered. */
static inline const char *dmaengine_trace_name(const struct dma_chan *chan)
{
	if (!chan)
		return "(none)";
	if (!chan->dev)
		return "(unregistered)";
	return dev_name(&chan->dev->device);
}
#endif

TRACE_EVENT(dmaengine_tx_prep,
	    TP_PROTO(struct dma_chan *chan, struct dma_async_tx_descriptor *tx,
		     unsigned int op, unsigned long flags),
	    TP_ARGS(chan, tx, op, flags),
	    TP_STRUCT__entry(__string(chan, dmaengine_trace_name(chan))
			     __field(const void *, tx)
			     __field(unsigned int, op)
			     __field(unsigned long, flags)
			     __field(size_t, len)),
	    TP_fast_assign(__assign_str(chan);
			   __entry->tx = tx;
			   __entry->op = op;
			   __entry->flags = flags;
			   __entry->len = tx ? tx->xfer_len : 0;),
	    TP_printk("%s op=%s tx=%p flags=0x%lx len=%zu%s", __get_str(chan),
		      __print_symbolic(__entry->op,
				       { DMA_MEMCPY, "memcpy" }, { DMA_XOR, "xor" },
				       { DMA_PQ, "pq" }, { DMA_XOR_VAL, "xor_val" },
				       { DMA_PQ_VAL, "pq_val" }, { DMA_MEMSET, "memset" },
				       { DMA_MEMSET_SG, "memset_sg" },
				       { DMA_INTERRUPT, "interrupt" },
				       { DMA_SLAVE, "slave" }, { DMA_CYCLIC, "cyclic" },
				       { DMA_INTERLEAVE, "interleave" }),
		      __entry->tx, __entry->flags, __entry->len,
		      __entry->tx ? "" : " (failed)")
);

DECLARE_EVENT_CLASS(dmaengine_tx_cookie,
		    TP_PROTO(struct dma_async_tx_descriptor *tx, dma_cookie_t cookie),
		    TP_ARGS(tx, cookie),
		    TP_STRUCT__entry(__string(chan, dmaengine_trace_name(tx->chan))
				     __field(const void *, tx)
				     __field(dma_cookie_t, cookie)
				     __field(size_t, len)),
		    TP_fast_assign(__assign_str(chan);
				   __entry->tx = tx;
				   __entry->cookie = cookie;
				   __entry->len = tx->xfer_len;),
		    TP_printk("%s tx=%p cookie=%d len=%zu", __get_str(chan),
			      __entry->tx, __entry->cookie, __entry->len)
);

DEFINE_EVENT(dmaengine_tx_cookie, dmaengine_tx_submit,
	     TP_PROTO(struct dma_async_tx_descriptor *tx, dma_cookie_t cookie),
	     TP_ARGS(tx, cookie));

DEFINE_EVENT(dmaengine_tx_cookie, dmaengine_tx_complete,
	     TP_PROTO(struct dma_async_tx_descriptor *tx, dma_cookie_t cookie),
	     TP_ARGS(tx, cookie));

TRACE_EVENT(dmaengine_tx_result,
	    TP_PROTO(struct dma_chan *chan, const struct dmaengine_result *res),
	    TP_ARGS(chan, res),
	    TP_STRUCT__entry(__string(chan, dmaengine_trace_name(chan))
			     __field(unsigned int, result)
			     __field(u32, residue)),
	    TP_fast_assign(__assign_str(chan);
			   __entry->result = res->result;
			   __entry->residue = res->residue;),
	    TP_printk("%s result=%s residue=%u", __get_str(chan),
		      __print_symbolic(__entry->result,
				       { DMA_TRANS_NOERROR, "ok" },
				       { DMA_TRANS_READ_FAILED, "read_failed" },
				       { DMA_TRANS_WRITE_FAILED, "write_failed" },
				       { DMA_TRANS_ABORTED, "aborted" }),
		      __entry->residue)
);

DECLARE_EVENT_CLASS(dmaengine_chan_event,
		    TP_PROTO(struct dma_chan *chan),
		    TP_ARGS(chan),
		    TP_STRUCT__entry(__string(chan, dmaengine_trace_name(chan))
				     __field(int, clients)),
		    TP_fast_assign(__assign_str(chan);
				   __entry->clients = chan->client_count;),
		    TP_printk("%s clients=%d", __get_str(chan), __entry->clients)
);

DEFINE_EVENT(dmaengine_chan_event, dmaengine_chan_issue,
	     TP_PROTO(struct dma_chan *chan),
	     TP_ARGS(chan));

DEFINE_EVENT(dmaengine_chan_event, dmaengine_chan_synchronize,
	     TP_PROTO(struct dma_chan *chan),
	     TP_ARGS(chan));

DEFINE_EVENT(dmaengine_chan_event, dmaengine_chan_release,
	     TP_PROTO(struct dma_chan *chan),
	     TP_ARGS(chan));

TRACE_EVENT(dmaengine_chan_terminate,
	    TP_PROTO(struct dma_chan *chan, int ret),
	    TP_ARGS(chan, ret),
	    TP_STRUCT__entry(__string(chan, dmaengine_trace_name(chan))
			     __field(int, ret)),
	    TP_fast_assign(__assign_str(chan);
			   __entry->ret = ret;),
	    TP_printk("%s ret=%d", __get_str(chan), __entry->ret)
);

TRACE_EVENT(dmaengine_chan_request,
	    TP_PROTO(struct dma_chan *chan, const char *client),
	    TP_ARGS(chan, client),
	    TP_STRUCT__entry(__string(chan, dmaengine_trace_name(chan))
			     __string(client, client ? client : "(filter)")),
	    TP_fast_assign(__assign_str(chan);
			   __assign_str(client);),
	    TP_printk("%s client=%s", __get_str(chan), __get_str(client))
);

#endif /* _TRACE_DMAENGINE_H */

/* This part must be outside protection */
#include <trace/define_trace.h>
