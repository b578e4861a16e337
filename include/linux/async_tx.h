/* SPDX-License-Identifier: GPL-2.0 */
/*
 * async_tx: memory copies, xor and RAID-6 syndrome work for md, run on a
 * DMA engine channel when one can do it and on the CPU otherwise.
 *
 * Every operation takes a struct async_submit_ctl saying what it depends
 * on, what to do once it is done and which flags apply.  An operation that
 * was handed to a channel returns its descriptor, which the caller may
 * name as the dependency of the next operation; one done on the CPU
 * returns NULL after waiting for its dependency and running the callback.
 */
#ifndef _LINUX_ASYNC_TX_H
#define _LINUX_ASYNC_TX_H

#include <linux/dmaengine.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>

/*
 * __async_inline - inline marker for helpers that only matter with DMA.
 *
 * Without HAS_DMA the offload branches of such helpers are dead code, and
 * forcing them inline lets the compiler drop them.
 */
#ifdef CONFIG_HAS_DMA
#define __async_inline
#else
#define __async_inline __always_inline
#endif

/**
 * struct dma_chan_ref - a channel in a client's pool (legacy)
 * @chan: the channel
 * @node: link in the client's list of channels
 * @rcu: deferred freeing of the entry
 * @count: how many capabilities of the channel the pool counts
 *
 * Nothing in the kernel uses this any more; it is kept so that old code
 * still compiles.
 */
struct dma_chan_ref {
	struct dma_chan *chan;
	struct list_head node;
	struct rcu_head rcu;
	atomic_t count;
};

/**
 * enum async_tx_flags - modifiers of an async_tx operation
 * @ASYNC_TX_XOR_ZERO_DST: the xor destination is not one of the sources;
 *	its old content does not take part in the result
 * @ASYNC_TX_XOR_DROP_DST: the xor destination is also the first entry of
 *	the source list (with the same offset); it takes part in the result
 *	once
 * @ASYNC_TX_ACK: acknowledge the returned descriptor at once: nothing may
 *	depend on it later (waiting for it with async_tx_quiesce() is still
 *	allowed)
 * @ASYNC_TX_FENCE: the next operation of the chain reads what this one
 *	writes
 * @ASYNC_TX_PQ_XOR_DST: async_gen_syndrome() adds the contribution of the
 *	given data blocks to the existing P and Q instead of overwriting them
 *	(read-modify-write of a stripe)
 *
 * Without ASYNC_TX_XOR_ZERO_DST and ASYNC_TX_XOR_DROP_DST the old content of
 * an xor destination is one more source, on the CPU and on a channel.
 */
enum async_tx_flags {
	ASYNC_TX_XOR_ZERO_DST	= BIT(0),
	ASYNC_TX_XOR_DROP_DST	= BIT(1),
	ASYNC_TX_ACK		= BIT(2),
	ASYNC_TX_FENCE		= BIT(3),
	ASYNC_TX_PQ_XOR_DST	= BIT(4),
};

/**
 * struct async_submit_ctl - how to submit and complete an operation
 * @flags: enum async_tx_flags
 * @depend_tx: descriptor the operation must wait for, or NULL
 * @cb_fn: called once when the operation is done, or NULL
 * @cb_param: argument of @cb_fn
 * @scribble: caller's scratch space for address lists: an array of
 *	addr_conv_t with one entry per block of the operation (md sizes it
 *	for its disks plus two), or NULL
 *
 * The library does not change the caller's structure.
 */
struct async_submit_ctl {
	enum async_tx_flags flags;
	struct dma_async_tx_descriptor *depend_tx;
	dma_async_tx_callback cb_fn;
	void *cb_param;
	void *scribble;
};

/**
 * typedef addr_conv_t - one slot of the scribble space
 *
 * Large enough for a bus address, a kernel address or a page pointer.
 */
typedef
union {
	/* private: the three views of one slot */
	unsigned long addr;
	struct page *page;
	dma_addr_t dma;
} addr_conv_t;

#ifdef CONFIG_DMA_ENGINE
/* async_tx_issue_pending_all() - start every public channel's queued work */
#define async_tx_issue_pending_all dma_issue_pending_all

/**
 * async_tx_issue_pending() - start the queued work of a descriptor's channel
 * @tx: a descriptor returned by an async_* call, or NULL
 *
 * Context: any.
 */
static inline void async_tx_issue_pending(struct dma_async_tx_descriptor *tx)
{
	struct dma_chan *chan = tx ? tx->chan : NULL;

	if (chan)
		chan->device->device_issue_pending(chan);
}

struct dma_chan *__async_tx_find_channel(struct async_submit_ctl *submit,
					 enum dma_transaction_type tx_type);

#ifdef CONFIG_ARCH_HAS_ASYNC_TX_FIND_CHANNEL
#include <asm/async_tx.h>
#else
/**
 * async_tx_find_channel() - channel for an operation
 * @submit: the submission (its dependency's channel is preferred)
 * @type: the operation
 * @dst: destination pages (for platforms that choose by address)
 * @dst_cnt: number of destination pages
 * @src: source pages
 * @src_cnt: number of source pages
 * @len: bytes per page
 *
 * The generic version only looks at the dependency and the operation type;
 * see __async_tx_find_channel().
 *
 * Context: any.
 * Return: the channel, or NULL to use the CPU.
 */
static inline struct dma_chan *
async_tx_find_channel(struct async_submit_ctl *submit,
		      enum dma_transaction_type type, struct page **dst,
		      int dst_cnt, struct page **src, int src_cnt, size_t len)
{
	return __async_tx_find_channel(submit, type);
}
#endif
#else /* !CONFIG_DMA_ENGINE */
/**
 * async_tx_issue_pending_all() - start every public channel's work (no-op)
 *
 * Context: any.
 */
static inline void async_tx_issue_pending_all(void)
{
}

/* Without a DMA engine there are no descriptors and nothing to start. */
static inline void async_tx_issue_pending(struct dma_async_tx_descriptor *tx)
{
}

/* Without a DMA engine every operation runs on the CPU. */
static inline struct dma_chan *
async_tx_find_channel(struct async_submit_ctl *submit,
		      enum dma_transaction_type type, struct page **dst,
		      int dst_cnt, struct page **src, int src_cnt, size_t len)
{
	return NULL;
}
#endif /* CONFIG_DMA_ENGINE */

/**
 * async_tx_sync_epilog() - complete an operation done on the CPU
 * @submit: the submission
 *
 * Runs the submission's callback, if any.
 *
 * Context: the submitter's.
 */
static inline void async_tx_sync_epilog(struct async_submit_ctl *submit)
{
	if (submit->cb_fn)
		submit->cb_fn(submit->cb_param);
}

/**
 * init_async_submit() - fill in a struct async_submit_ctl
 * @args: the structure
 * @flags: enum async_tx_flags
 * @tx: dependency, or NULL
 * @cb_fn: completion callback, or NULL
 * @cb_param: argument of @cb_fn
 * @scribble: scratch space (see &struct async_submit_ctl), or NULL
 *
 * Context: any.
 */
static inline void init_async_submit(struct async_submit_ctl *args,
				     enum async_tx_flags flags,
				     struct dma_async_tx_descriptor *tx,
				     dma_async_tx_callback cb_fn,
				     void *cb_param, addr_conv_t *scribble)
{
	*args = (struct async_submit_ctl) {
		.flags = flags,
		.depend_tx = tx,
		.cb_fn = cb_fn,
		.cb_param = cb_param,
		.scribble = scribble,
	};
}

void async_tx_submit(struct dma_chan *chan, struct dma_async_tx_descriptor *tx,
		     struct async_submit_ctl *submit);

struct dma_async_tx_descriptor *
async_xor(struct page *dest, struct page **src_list, unsigned int offset,
	  int src_cnt, size_t len, struct async_submit_ctl *submit);

struct dma_async_tx_descriptor *
async_xor_offs(struct page *dest, unsigned int offset,
	       struct page **src_list, unsigned int *src_offs, int src_cnt,
	       size_t len, struct async_submit_ctl *submit);

struct dma_async_tx_descriptor *
async_xor_val(struct page *dest, struct page **src_list, unsigned int offset,
	      int src_cnt, size_t len, enum sum_check_flags *result,
	      struct async_submit_ctl *submit);

struct dma_async_tx_descriptor *
async_xor_val_offs(struct page *dest, unsigned int offset,
		   struct page **src_list, unsigned int *src_offs, int src_cnt,
		   size_t len, enum sum_check_flags *result,
		   struct async_submit_ctl *submit);

struct dma_async_tx_descriptor *
async_memcpy(struct page *dest, struct page *src, unsigned int dest_offset,
	     unsigned int src_offset, size_t len,
	     struct async_submit_ctl *submit);

struct dma_async_tx_descriptor *
async_trigger_callback(struct async_submit_ctl *submit);

struct dma_async_tx_descriptor *
async_gen_syndrome(struct page **blocks, unsigned int *offsets, int src_cnt,
		   size_t len, struct async_submit_ctl *submit);

struct dma_async_tx_descriptor *
async_syndrome_val(struct page **blocks, unsigned int *offsets, int src_cnt,
		   size_t len, enum sum_check_flags *pqres, struct page *spare,
		   unsigned int s_off, struct async_submit_ctl *submit);

struct dma_async_tx_descriptor *
async_raid6_2data_recov(int src_num, size_t bytes, int faila, int failb,
			struct page **ptrs, unsigned int *offs,
			struct async_submit_ctl *submit);

struct dma_async_tx_descriptor *
async_raid6_datap_recov(int src_num, size_t bytes, int faila,
			struct page **ptrs, unsigned int *offs,
			struct async_submit_ctl *submit);

void async_tx_quiesce(struct dma_async_tx_descriptor **tx);
int async_tx_quiesce_status(struct dma_async_tx_descriptor **tx);

#endif /* _LINUX_ASYNC_TX_H */
