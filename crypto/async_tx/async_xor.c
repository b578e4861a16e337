// SPDX-License-Identifier: GPL-2.0
/*
 * async_xor: xor a list of page ranges into a destination, and check that
 * a list xors to zero.
 *
 * Both the CPU and a channel compute the same thing.  The list is first
 * reduced to the terms that really take part: NULL entries are left out,
 * ASYNC_TX_XOR_DROP_DST drops the first entry (it is the destination) and,
 * unless ASYNC_TX_XOR_ZERO_DST is given, the destination's old content is
 * a term.  A channel gets the terms in descriptors of at most max_xor
 * sources; every descriptor after the first starts with the destination,
 * which holds the xor of everything before.  If the channel stops giving
 * out descriptors half way, the CPU adds the remaining terms once the
 * submitted part is done.
 */

#include <linux/async_tx.h>
#include <linux/dma-mapping.h>
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/raid/xor.h>

#include "async_tx_internal.h"

/* Most sources one xor descriptor gets (bounds a list on the stack). */
#define ASYNC_XOR_CHUNK		32

/* One xor operation, with its source list reduced as described above. */
struct async_xor_op {
	struct page *dest;
	unsigned int offset;
	struct page **srcs;
	unsigned int *src_offs;
	int first;		/* index of the first entry of @srcs used */
	int src_cnt;		/* entries of @srcs */
	unsigned int nsrc;	/* non-NULL entries from @first on */
	bool dest_term;		/* the destination's old content is a term */
	size_t len;
};

struct async_xor_args {
	dma_addr_t dst;
	dma_addr_t *src;
	unsigned int cnt;
	size_t len;
	unsigned long flags;
	enum sum_check_flags *result;
};

static unsigned int async_xor_src_off(const struct async_xor_op *op, int i)
{
	return op->src_offs ? op->src_offs[i] : op->offset;
}

static void async_xor_op_init(struct async_xor_op *op, struct page *dest,
			      unsigned int offset, struct page **srcs,
			      unsigned int *src_offs, int src_cnt, size_t len,
			      enum async_tx_flags flags)
{
	int i;

	*op = (struct async_xor_op) {
		.dest = dest,
		.offset = offset,
		.srcs = srcs,
		.src_offs = src_offs,
		.first = (flags & ASYNC_TX_XOR_DROP_DST) ? 1 : 0,
		.src_cnt = src_cnt,
		.dest_term = !(flags & ASYNC_TX_XOR_ZERO_DST),
		.len = len,
	};
	for (i = op->first; i < src_cnt; i++)
		if (srcs[i])
			op->nsrc++;
}

/*
 * CPU: add the terms of @op, except the first @skip sources, into the
 * destination.  With @skip zero the destination starts from zero unless
 * its old content is a term.
 */
static void async_xor_cpu(const struct async_xor_op *op, unsigned int skip)
{
	void *batch[MAX_XOR_BLOCKS];
	unsigned int n = 0, seen = 0;
	u8 *dst;
	int i;

	if (!op->len)
		return;
	dst = kmap_local_page(op->dest);
	dst += op->offset;
	if (!skip && !op->dest_term)
		memset(dst, 0, op->len);
	for (i = op->first; i < op->src_cnt; i++) {
		if (!op->srcs[i] || seen++ < skip)
			continue;
		batch[n] = kmap_local_page(op->srcs[i]);
		batch[n] += async_xor_src_off(op, i);
		if (++n < MAX_XOR_BLOCKS)
			continue;
		async_tx_cpu_xor(dst, batch, n, op->len);
		while (n)
			kunmap_local(batch[--n]);
	}
	if (n)
		async_tx_cpu_xor(dst, batch, n, op->len);
	while (n)
		kunmap_local(batch[--n]);
	kunmap_local(dst);
}

static struct dma_async_tx_descriptor *async_xor_prep(struct dma_chan *chan,
						      void *arg)
{
	struct async_xor_args *a = arg;
	struct dma_async_tx_descriptor *tx;

	tx = chan->device->device_prep_dma_xor(chan, a->dst, a->src, a->cnt,
					       a->len, a->flags);
	return dmaengine_prep_finish(chan, tx, DMA_XOR, a->flags, a->len);
}

static bool async_xor_aligned(struct dma_device *dd,
			      const struct async_xor_op *op)
{
	int i;

	if (!is_dma_xor_aligned(dd, op->offset, 0, op->len))
		return false;
	for (i = op->first; i < op->src_cnt; i++)
		if (op->srcs[i] &&
		    !is_dma_xor_aligned(dd, async_xor_src_off(op, i), 0, op->len))
			return false;
	return true;
}

/* Map the non-NULL sources for the device to read. */
static bool async_xor_map_srcs(struct dmaengine_unmap_data *unmap,
			       const struct async_xor_op *op)
{
	int i;

	for (i = op->first; i < op->src_cnt; i++)
		if (op->srcs[i] &&
		    !async_tx_map(unmap, op->srcs[i], async_xor_src_off(op, i),
				  DMA_TO_DEVICE, NULL))
			return false;
	return true;
}

/*
 * Submit the descriptors of @op; the sources are the to-device slots of
 * @unmap, in order.  *@done counts the sources the submitted descriptors
 * cover.  Return the last descriptor, or NULL when the channel stopped
 * giving out descriptors; ctl->depend_tx is then what the CPU waits for.
 */
static struct dma_async_tx_descriptor *
async_xor_submit_chunks(struct dma_chan *chan, const struct async_xor_op *op,
			struct dmaengine_unmap_data *unmap, dma_addr_t dst,
			struct async_submit_ctl *ctl, unsigned int *done)
{
	unsigned int per = min_t(unsigned int, chan->device->max_xor,
				 ASYNC_XOR_CHUNK);
	struct async_xor_args a = { .dst = dst, .len = op->len };
	struct dma_async_tx_descriptor *tx = NULL;
	dma_addr_t list[ASYNC_XOR_CHUNK];
	struct async_submit_ctl c;
	unsigned int take;

	a.src = list;
	for (*done = 0; *done < op->nsrc; *done += take) {
		/* after the first descriptor the destination is the sum so far */
		a.cnt = 0;
		if (*done || op->dest_term)
			list[a.cnt++] = dst;
		take = min(per - a.cnt, op->nsrc - *done);
		memcpy(&list[a.cnt], &unmap->addr[*done], take * sizeof(*list));
		a.cnt += take;

		c = *ctl;
		if (*done + take < op->nsrc) {
			c.flags = (c.flags & ~ASYNC_TX_ACK) | ASYNC_TX_FENCE;
			c.cb_fn = NULL;
			c.cb_param = NULL;
		}
		a.flags = c.cb_fn ? DMA_PREP_INTERRUPT : 0;
		if (c.flags & ASYNC_TX_FENCE)
			a.flags |= DMA_PREP_FENCE;

		tx = async_tx_prep_retry(chan, &c, async_xor_prep, &a);
		ctl->depend_tx = c.depend_tx;
		if (!tx)
			return NULL;
		dma_set_unmap(tx, unmap);
		async_tx_submit(chan, tx, &c);
		ctl->depend_tx = tx;
	}
	return tx;
}

/* The channel gave up half way: add the remaining sources on the CPU. */
static void async_xor_finish_cpu(struct device *dev,
				 const struct async_xor_op *op, dma_addr_t dst,
				 struct async_submit_ctl *ctl, unsigned int done)
{
	async_tx_quiesce(&ctl->depend_tx);
	dma_sync_single_for_cpu(dev, dst, op->len, DMA_BIDIRECTIONAL);
	async_xor_cpu(op, done);
	dma_sync_single_for_device(dev, dst, op->len, DMA_BIDIRECTIONAL);
}

/*
 * Hand @op to @chan.  Return its last descriptor, or NULL: either nothing
 * was submitted (*@finished false) or the CPU completed what the channel
 * started (*@finished true).
 */
static struct dma_async_tx_descriptor *
async_xor_offload(struct dma_chan *chan, const struct async_xor_op *op,
		  struct async_submit_ctl *ctl, bool *finished)
{
	struct dma_async_tx_descriptor *tx = NULL;
	struct dmaengine_unmap_data *unmap;
	unsigned int done = 0;
	struct dma_device *dd;
	dma_addr_t dst = 0;

	*finished = false;
	if (!chan || !op->len || op->nsrc + op->dest_term < 2)
		return NULL;
	dd = chan->device;
	if (!dd->device_prep_dma_xor || dd->max_xor < 2 ||
	    !async_xor_aligned(dd, op))
		return NULL;
	unmap = async_tx_unmap_get(chan, op->nsrc + 1);
	if (!unmap)
		return NULL;
	unmap->len = op->len;

	if (async_xor_map_srcs(unmap, op) &&
	    async_tx_map(unmap, op->dest, op->offset, DMA_BIDIRECTIONAL, &dst))
		tx = async_xor_submit_chunks(chan, op, unmap, dst, ctl, &done);
	if (!tx && done) {
		async_xor_finish_cpu(dd->dev, op, dst, ctl, done);
		*finished = true;
	}
	dmaengine_unmap_put(unmap);
	return tx;
}

static struct dma_async_tx_descriptor *
async_xor_run(const struct async_xor_op *op, struct async_submit_ctl *submit)
{
	struct async_submit_ctl ctl = *submit;
	struct dma_async_tx_descriptor *tx;
	struct page *dest = op->dest;
	struct dma_chan *chan;
	bool finished;

	chan = async_tx_find_channel(&ctl, DMA_XOR, &dest, 1, op->srcs,
				     op->src_cnt, op->len);
	tx = async_xor_offload(chan, op, &ctl, &finished);
	if (tx)
		return tx;
	if (!finished) {
		async_tx_quiesce(&ctl.depend_tx);
		async_xor_cpu(op, 0);
	}
	async_tx_sync_epilog(&ctl);
	return NULL;
}

/**
 * async_xor_offs() - xor page ranges, each at its own offset
 * @dest: destination page
 * @offset: offset in @dest
 * @src_list: source pages; NULL entries are skipped
 * @src_offs: offset of each source, or NULL to use @offset for all
 * @src_cnt: entries in @src_list (at least 1)
 * @len: bytes per range
 * @submit: dependency, callback, scribble and flags: ASYNC_TX_ACK,
 *	ASYNC_TX_FENCE, ASYNC_TX_XOR_ZERO_DST, ASYNC_TX_XOR_DROP_DST
 *
 * Computes the xor of the sources into @dest.  With ASYNC_TX_XOR_DROP_DST,
 * @src_list[0] is @dest and counts once; with ASYNC_TX_XOR_ZERO_DST the old
 * content of @dest is not used; with neither it is one more term.  The
 * work goes to a DMA_XOR channel when one is found and everything maps,
 * in descriptors of at most the channel's max_xor sources; otherwise the
 * CPU does it (xor_blocks()) after waiting for the dependency.  @src_list
 * is not modified and @submit->scribble is not needed.  A missing
 * destination or source list warns once; the callback still runs once
 * and @dest is left alone.
 *
 * Context: any; see async_tx_submit().
 * Return: the last descriptor, or NULL when the work is done already.
 */
struct dma_async_tx_descriptor *
async_xor_offs(struct page *dest, unsigned int offset,
	       struct page **src_list, unsigned int *src_offs, int src_cnt,
	       size_t len, struct async_submit_ctl *submit)
{
	struct async_xor_op op;

	if (!dest || !src_list || src_cnt < 1) {
		async_tx_report_bad_input(submit, "xor without destination or sources");
		return NULL;
	}
	async_xor_op_init(&op, dest, offset, src_list, src_offs, src_cnt, len,
			  submit->flags);
	return async_xor_run(&op, submit);
}
EXPORT_SYMBOL_GPL(async_xor_offs);

/**
 * async_xor() - xor page ranges at a common offset
 * @dest: destination page
 * @src_list: source pages; NULL entries are skipped
 * @offset: offset in @dest and in every source
 * @src_cnt: entries in @src_list (at least 1)
 * @len: bytes per range
 * @submit: see async_xor_offs()
 *
 * Context: any; see async_tx_submit().
 * Return: the last descriptor, or NULL when the work is done already.
 */
struct dma_async_tx_descriptor *
async_xor(struct page *dest, struct page **src_list, unsigned int offset,
	  int src_cnt, size_t len, struct async_submit_ctl *submit)
{
	return async_xor_offs(dest, offset, src_list, NULL, src_cnt, len,
			      submit);
}
EXPORT_SYMBOL_GPL(async_xor);

static struct dma_async_tx_descriptor *async_xor_val_prep(struct dma_chan *chan,
							  void *arg)
{
	struct async_xor_args *a = arg;
	struct dma_async_tx_descriptor *tx;

	tx = chan->device->device_prep_dma_xor_val(chan, a->src, a->cnt, a->len,
						   a->result, a->flags);
	return dmaengine_prep_finish(chan, tx, DMA_XOR_VAL, a->flags, a->len);
}

/* @op has @dest as its first term; check on a DMA_XOR_VAL channel. */
static struct dma_async_tx_descriptor *
async_xor_val_offload(struct dma_chan *chan, const struct async_xor_op *op,
		      enum sum_check_flags *result,
		      struct async_submit_ctl *ctl)
{
	struct async_xor_args a = { .cnt = op->nsrc + 1, .len = op->len,
				    .result = result };
	struct dma_async_tx_descriptor *tx = NULL;
	struct dmaengine_unmap_data *unmap;
	struct dma_device *dd;

	if (!chan || !op->len || a.cnt < 2)
		return NULL;
	dd = chan->device;
	if (!dd->device_prep_dma_xor_val || a.cnt > dd->max_xor ||
	    !async_xor_aligned(dd, op))
		return NULL;
	unmap = async_tx_unmap_get(chan, a.cnt);
	if (!unmap)
		return NULL;
	unmap->len = op->len;

	if (async_tx_map(unmap, op->dest, op->offset, DMA_TO_DEVICE, NULL) &&
	    async_xor_map_srcs(unmap, op)) {
		a.src = unmap->addr;
		a.flags = ctl->cb_fn ? DMA_PREP_INTERRUPT : 0;
		if (ctl->flags & ASYNC_TX_FENCE)
			a.flags |= DMA_PREP_FENCE;
		*result = 0;
		tx = async_tx_prep_retry(chan, ctl, async_xor_val_prep, &a);
	}
	if (tx) {
		dma_set_unmap(tx, unmap);
		async_tx_submit(chan, tx, ctl);
	}
	dmaengine_unmap_put(unmap);
	return tx;
}

/* CPU check: xor everything into @dest (as md expects) and test for zero. */
static void async_xor_val_cpu(const struct async_xor_op *op,
			      enum sum_check_flags *result,
			      struct async_submit_ctl *ctl)
{
	struct async_submit_ctl inner = *ctl;
	struct dma_async_tx_descriptor *tx;
	u8 *dst;

	inner.flags &= ~(ASYNC_TX_ACK | ASYNC_TX_XOR_ZERO_DST);
	inner.flags |= ASYNC_TX_XOR_DROP_DST;
	inner.cb_fn = NULL;
	inner.cb_param = NULL;
	tx = async_xor_run(op, &inner);
	async_tx_quiesce(&tx);

	dst = kmap_local_page(op->dest);
	*result = op->len && memchr_inv(dst + op->offset, 0, op->len) ?
		  SUM_CHECK_P_RESULT : 0;
	kunmap_local(dst);
}

/**
 * async_xor_val_offs() - check that page ranges xor to zero
 * @dest: the parity page, which is also the first entry of @src_list
 * @offset: offset in @dest
 * @src_list: @dest followed by the data pages; NULL entries are skipped
 * @src_offs: offset of each entry, or NULL to use @offset for all
 * @src_cnt: entries in @src_list (at least 1)
 * @len: bytes per range
 * @result: set to 0 when everything xors to zero, else SUM_CHECK_P_RESULT;
 *	a channel writes it when the returned descriptor completes
 * @submit: dependency, callback and flags (ASYNC_TX_ACK, ASYNC_TX_FENCE)
 *
 * A DMA_XOR_VAL channel (unless CONFIG_ASYNC_TX_DISABLE_XOR_VAL_DMA) checks
 * without writing anything.  Otherwise the xor is computed into @dest (by
 * an xor channel or the CPU), which md knows to leave it changed; @result
 * is then ready on return and the callback has run exactly once.  Bad
 * input warns once; the callback still runs once and @result reports a
 * mismatch when it can be written.
 *
 * Context: any; see async_tx_submit().
 * Return: the descriptor, or NULL when @result is final.
 */
struct dma_async_tx_descriptor *
async_xor_val_offs(struct page *dest, unsigned int offset,
		   struct page **src_list, unsigned int *src_offs, int src_cnt,
		   size_t len, enum sum_check_flags *result,
		   struct async_submit_ctl *submit)
{
	struct async_submit_ctl ctl = *submit;
	struct dma_async_tx_descriptor *tx;
	struct dma_chan *chan = NULL;
	struct async_xor_op op;

	if (!dest || !src_list || src_cnt < 1 || !result) {
		if (result)
			*result = SUM_CHECK_P_RESULT;
		async_tx_report_bad_input(submit, "xor check with bad arguments");
		return NULL;
	}
	async_xor_op_init(&op, dest, offset, src_list, src_offs, src_cnt, len,
			  ASYNC_TX_XOR_DROP_DST);

	if (!IS_ENABLED(CONFIG_ASYNC_TX_DISABLE_XOR_VAL_DMA))
		chan = async_tx_find_channel(&ctl, DMA_XOR_VAL, &dest, 1,
					     src_list, src_cnt, len);
	tx = async_xor_val_offload(chan, &op, result, &ctl);
	if (tx)
		return tx;

	async_xor_val_cpu(&op, result, &ctl);
	async_tx_sync_epilog(&ctl);
	return NULL;
}
EXPORT_SYMBOL_GPL(async_xor_val_offs);

/**
 * async_xor_val() - check that page ranges at one offset xor to zero
 * @dest: the parity page, which is also the first entry of @src_list
 * @src_list: @dest followed by the data pages
 * @offset: offset in every page
 * @src_cnt: entries in @src_list
 * @len: bytes per range
 * @result: see async_xor_val_offs()
 * @submit: see async_xor_val_offs()
 *
 * Context: any; see async_tx_submit().
 * Return: the descriptor, or NULL when @result is final.
 */
struct dma_async_tx_descriptor *async_xor_val(struct page *dest,
					      struct page **src_list,
					      unsigned int offset, int src_cnt,
					      size_t len,
					      enum sum_check_flags *result,
					      struct async_submit_ctl *submit)
{
	return async_xor_val_offs(dest, offset, src_list, NULL, src_cnt, len,
				  result, submit);
}
EXPORT_SYMBOL_GPL(async_xor_val);

MODULE_AUTHOR("DMA engine maintainers");
MODULE_DESCRIPTION("async_tx: xor offload");
MODULE_LICENSE("GPL");
