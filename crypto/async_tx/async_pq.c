// SPDX-License-Identifier: GPL-2.0
/*
 * async_pq: RAID-6 syndrome generation and checking.
 *
 * Block layout, as in md: data blocks 0 .. disks-3, then P, then Q.  A
 * NULL data block reads as zeros; one of P and Q may be NULL when only the
 * other one is wanted.  Q is the sum of g^i * D_i in GF(2^8) with the
 * generator g = 2 of the raid6 library.
 *
 * On a DMA_PQ channel each data block becomes a source with coefficient
 * g^i.  More sources than the channel takes at once are split: every
 * descriptor after the first (and the first too for ASYNC_TX_PQ_XOR_DST)
 * carries DMA_PREP_CONTINUE, adding its sources to the P and Q written
 * before.  On the CPU the raid6 library does the work on whole blocks and
 * a table lookup handles a short tail, so both give the same bytes.
 */

#define pr_fmt(fmt) "async_pq: " fmt

#include <linux/async_tx.h>
#include <linux/dma-mapping.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/raid/pq.h>
#include <linux/slab.h>

#include "async_tx_internal.h"

/*
 * Written by the CPU path in place of a P or Q the caller did not ask
 * for; nobody reads it, so concurrent writers do not matter.
 */
static struct page *async_pq_scratch;

/* One syndrome operation: data blocks from an md block array, P and Q given apart. */
struct async_pq_op {
	struct page **blocks;	/* data blocks 0 .. disks-3 (entries may be NULL) */
	unsigned int *offs;	/* their offsets, or NULL for 0 */
	int disks;
	struct page *p;		/* P destination, or NULL */
	struct page *q;		/* Q destination, or NULL */
	unsigned int p_off;
	unsigned int q_off;
	size_t len;
	unsigned int nsrc;	/* non-NULL data blocks */
	bool accumulate;	/* add to P and Q (ASYNC_TX_PQ_XOR_DST) */
};

struct async_pq_args {
	dma_addr_t pq[2];
	dma_addr_t *src;
	const unsigned char *coef;
	unsigned int cnt;
	size_t len;
	unsigned long flags;
	enum sum_check_flags *result;
};

static unsigned int async_pq_off(const struct async_pq_op *op, int i)
{
	return op->offs ? op->offs[i] : 0;
}

static void async_pq_op_init(struct async_pq_op *op, struct page **blocks,
			     unsigned int *offs, int disks, size_t len,
			     bool accumulate)
{
	int i;

	*op = (struct async_pq_op) {
		.blocks = blocks,
		.offs = offs,
		.disks = disks,
		.p = blocks[disks - 2],
		.q = blocks[disks - 1],
		.len = len,
		.accumulate = accumulate,
	};
	op->p_off = async_pq_off(op, disks - 2);
	op->q_off = async_pq_off(op, disks - 1);
	for (i = 0; i < disks - 2; i++)
		if (blocks[i])
			op->nsrc++;
}

static unsigned long async_pq_disable_flags(const struct async_pq_op *op)
{
	unsigned long flags = 0;

	if (!op->p)
		flags |= DMA_PREP_PQ_DISABLE_P;
	if (!op->q)
		flags |= DMA_PREP_PQ_DISABLE_Q;
	return flags;
}

/* ---- CPU ---------------------------------------------------------- */

/*
 * Add the data blocks, except the first @skip non-NULL ones, to P and Q
 * one block at a time (the table lookup for Q is slow, but this needs
 * no address list and works for highmem pages and any length).
 */
static void async_pq_cpu_add(const struct async_pq_op *op, unsigned int skip)
{
	unsigned int seen = 0;
	u8 *p = NULL, *q = NULL, *d;
	size_t b;
	int i;

	if (op->p)
		p = (u8 *)kmap_local_page(op->p) + op->p_off;
	if (op->q)
		q = (u8 *)kmap_local_page(op->q) + op->q_off;
	for (i = 0; i < op->disks - 2; i++) {
		if (!op->blocks[i] || seen++ < skip)
			continue;
		d = (u8 *)kmap_local_page(op->blocks[i]) + async_pq_off(op, i);
		if (p)
			async_tx_cpu_xor(p, (void **)&d, 1, op->len);
		for (b = 0; q && b < op->len; b++)
			q[b] ^= async_tx_gfmul(raid6_gfexp[i], d[b]);
		kunmap_local(d);
	}
	if (q)
		kunmap_local(q);
	if (p)
		kunmap_local(p);
}

static void async_pq_cpu_clear(struct page *page, unsigned int off, size_t len)
{
	u8 *va;

	if (!page)
		return;
	va = kmap_local_page(page);
	memset(va + off, 0, len);
	kunmap_local(va);
}

/* Bytes [@from, @to) of P and Q by table lookup, over an address list. */
static void async_pq_cpu_bytes(void **ptrs, int disks, size_t from, size_t to,
			       bool accumulate)
{
	u8 *p = ptrs[disks - 2], *q = ptrs[disks - 1];
	size_t b;
	u8 ps, qs;
	int i;

	for (b = from; b < to; b++) {
		ps = 0;
		qs = 0;
		for (i = 0; i < disks - 2; i++) {
			u8 d = ((u8 *)ptrs[i])[b];

			ps ^= d;
			qs ^= async_tx_gfmul(raid6_gfexp[i], d);
		}
		p[b] = accumulate ? p[b] ^ ps : ps;
		q[b] = accumulate ? q[b] ^ qs : qs;
	}
}

/* Can the raid6 library (all blocks addressed at once) do @op? */
static bool async_pq_lib_ok(const struct async_pq_op *op)
{
	int i;

	if (!op->q)
		return false;
	if (op->len > PAGE_SIZE && (op->nsrc < op->disks - 2 || !op->p))
		return false;	/* the zero and scratch pages are one page */
	if (!IS_ENABLED(CONFIG_HIGHMEM))
		return true;
	if (PageHighMem(op->q) || (op->p && PageHighMem(op->p)))
		return false;
	for (i = 0; i < op->disks - 2; i++)
		if (op->blocks[i] && PageHighMem(op->blocks[i]))
			return false;
	return true;
}

/* The raid6 library over an address list (which may be op->blocks). */
static void async_pq_cpu_lib(const struct async_pq_op *op, void **ptrs)
{
	size_t bulk = round_down(op->len, ASYNC_TX_LIB_GRAIN);
	int ndata = op->disks - 2, start = -1, stop = -1, i;

	for (i = 0; i < ndata; i++) {
		struct page *page = op->blocks[i];

		if (page) {
			if (start < 0)
				start = i;
			stop = i;
			ptrs[i] = async_tx_page_addr(page, async_pq_off(op, i));
		} else {
			ptrs[i] = (void *)raid6_empty_zero_page;
		}
	}
	ptrs[ndata] = op->p ? async_tx_page_addr(op->p, op->p_off) :
		      page_address(async_pq_scratch);
	ptrs[ndata + 1] = async_tx_page_addr(op->q, op->q_off);

	if (op->accumulate) {
		if (start < 0)
			return;		/* nothing to add */
		if (bulk && raid6_call.xor_syndrome)
			raid6_call.xor_syndrome(op->disks, start, stop, bulk, ptrs);
		else
			bulk = 0;
	} else if (bulk) {
		raid6_call.gen_syndrome(op->disks, bulk, ptrs);
	}
	async_pq_cpu_bytes(ptrs, op->disks, bulk, op->len, op->accumulate);
}

/*
 * Compute @op on the CPU.  The address list lives in @scribble, else in
 * op->blocks when @in_place (the documented side effect of
 * async_gen_syndrome() without scribble), else in a temporary allocation;
 * without any, the slow block-at-a-time path is used.
 */
static void async_pq_cpu(const struct async_pq_op *op, void *scribble,
			 bool in_place)
{
	void **ptrs = NULL, **mem = NULL;

	if (!op->len)
		return;
	if (async_pq_lib_ok(op)) {
		ptrs = scribble ? scribble : in_place ? (void **)op->blocks : NULL;
		if (!ptrs) {
			mem = kmalloc_array(op->disks, sizeof(*ptrs),
					    GFP_NOWAIT | __GFP_NOWARN);
			ptrs = mem;
		}
	}
	if (ptrs) {
		async_pq_cpu_lib(op, ptrs);
	} else {
		if (!op->accumulate) {
			async_pq_cpu_clear(op->p, op->p_off, op->len);
			async_pq_cpu_clear(op->q, op->q_off, op->len);
		}
		async_pq_cpu_add(op, 0);
	}
	kfree(mem);
}

/* ---- channel ------------------------------------------------------ */

static struct dma_async_tx_descriptor *async_pq_prep(struct dma_chan *chan,
						     void *arg)
{
	struct async_pq_args *a = arg;
	struct dma_async_tx_descriptor *tx;

	tx = chan->device->device_prep_dma_pq(chan, a->pq, a->src, a->cnt,
					      a->coef, a->len, a->flags);
	return dmaengine_prep_finish(chan, tx, DMA_PQ, a->flags, a->len);
}

static struct dma_async_tx_descriptor *async_pq_val_prep(struct dma_chan *chan,
							 void *arg)
{
	struct async_pq_args *a = arg;
	struct dma_async_tx_descriptor *tx;

	tx = chan->device->device_prep_dma_pq_val(chan, a->pq, a->src, a->cnt,
						  a->coef, a->len, a->result,
						  a->flags);
	return dmaengine_prep_finish(chan, tx, DMA_PQ_VAL, a->flags, a->len);
}

static bool async_pq_aligned(struct dma_device *dd, const struct async_pq_op *op)
{
	int i;

	if ((op->p && !is_dma_pq_aligned(dd, op->p_off, 0, op->len)) ||
	    (op->q && !is_dma_pq_aligned(dd, op->q_off, 0, op->len)))
		return false;
	for (i = 0; i < op->disks - 2; i++)
		if (op->blocks[i] &&
		    !is_dma_pq_aligned(dd, async_pq_off(op, i), 0, op->len))
			return false;
	return true;
}

/* Map the data blocks for reading and note their coefficients. */
static bool async_pq_map_srcs(struct dmaengine_unmap_data *unmap,
			      const struct async_pq_op *op, u8 *coefs)
{
	unsigned int n = 0;
	int i;

	for (i = 0; i < op->disks - 2; i++) {
		if (!op->blocks[i])
			continue;
		if (!async_tx_map(unmap, op->blocks[i], async_pq_off(op, i),
				  DMA_TO_DEVICE, NULL))
			return false;
		coefs[n++] = raid6_gfexp[i];
	}
	return true;
}

/* Map P and Q (those present); a missing one gets bus address 0. */
static bool async_pq_map_dests(struct dmaengine_unmap_data *unmap,
			       const struct async_pq_op *op,
			       enum dma_data_direction dir, dma_addr_t *pq)
{
	pq[0] = 0;
	pq[1] = 0;
	if (op->p && !async_tx_map(unmap, op->p, op->p_off, dir, &pq[0]))
		return false;
	return !op->q || async_tx_map(unmap, op->q, op->q_off, dir, &pq[1]);
}

/* Can @dd take @op, splitting it with DMA_PREP_CONTINUE if needed? */
static bool async_pq_fits(struct dma_device *dd, const struct async_pq_op *op,
			  unsigned long base)
{
	int first = dma_maxpq(dd, base | (op->accumulate ? DMA_PREP_CONTINUE : 0));

	if (first < 1)
		return false;
	return (int)op->nsrc <= first || dma_maxpq(dd, base | DMA_PREP_CONTINUE) >= 1;
}

/*
 * Submit @op in descriptors the channel can take; the sources are the
 * to-device slots of @unmap.  *@done counts the sources covered.  Return
 * the last descriptor, or NULL when the channel stopped giving out
 * descriptors (ctl->depend_tx is then what the CPU waits for).
 */
static struct dma_async_tx_descriptor *
async_pq_submit_chunks(struct dma_chan *chan, const struct async_pq_op *op,
		       struct dmaengine_unmap_data *unmap,
		       struct async_pq_args *a, unsigned long base,
		       struct async_submit_ctl *ctl, unsigned int *done)
{
	struct dma_async_tx_descriptor *tx = NULL;
	const unsigned char *coefs = a->coef;
	struct async_submit_ctl c;
	unsigned long flags;

	for (*done = 0; *done < op->nsrc; *done += a->cnt) {
		flags = base;
		if (*done || op->accumulate)
			flags |= DMA_PREP_CONTINUE;
		a->cnt = min_t(unsigned int, dma_maxpq(chan->device, flags),
			       op->nsrc - *done);
		a->src = &unmap->addr[*done];
		a->coef = &coefs[*done];

		c = *ctl;
		if (*done + a->cnt < op->nsrc) {
			/* the next descriptor continues from this P and Q */
			c.flags = (c.flags & ~ASYNC_TX_ACK) | ASYNC_TX_FENCE;
			c.cb_fn = NULL;
			c.cb_param = NULL;
		}
		if (c.cb_fn)
			flags |= DMA_PREP_INTERRUPT;
		if (c.flags & ASYNC_TX_FENCE)
			flags |= DMA_PREP_FENCE;
		a->flags = flags;

		tx = async_tx_prep_retry(chan, &c, async_pq_prep, a);
		ctl->depend_tx = c.depend_tx;
		if (!tx)
			return NULL;
		dma_set_unmap(tx, unmap);
		async_tx_submit(chan, tx, &c);
		ctl->depend_tx = tx;
	}
	return tx;
}

/* The channel gave up half way: add the remaining blocks on the CPU. */
static void async_pq_finish_cpu(struct device *dev, const struct async_pq_op *op,
				const dma_addr_t *pq,
				struct async_submit_ctl *ctl, unsigned int done)
{
	int i;

	async_tx_quiesce(&ctl->depend_tx);
	for (i = 0; i < 2; i++)
		if (pq[i])
			dma_sync_single_for_cpu(dev, pq[i], op->len,
						DMA_BIDIRECTIONAL);
	async_pq_cpu_add(op, done);
	for (i = 0; i < 2; i++)
		if (pq[i])
			dma_sync_single_for_device(dev, pq[i], op->len,
						   DMA_BIDIRECTIONAL);
}

/*
 * Hand @op to @chan.  Return its last descriptor, or NULL: either nothing
 * was submitted (*@finished false) or the CPU completed what the channel
 * started (*@finished true).
 */
static struct dma_async_tx_descriptor *
async_pq_offload(struct dma_chan *chan, const struct async_pq_op *op,
		 struct async_submit_ctl *ctl, bool *finished)
{
	unsigned long base = async_pq_disable_flags(op);
	struct dma_async_tx_descriptor *tx = NULL;
	struct async_pq_args a = { .len = op->len };
	struct dmaengine_unmap_data *unmap;
	u8 coefs[ASYNC_TX_MAX_DISKS];
	unsigned int done = 0;
	struct dma_device *dd;

	*finished = false;
	if (!chan || !op->len || !op->nsrc)
		return NULL;
	dd = chan->device;
	if (!dd->device_prep_dma_pq || !async_pq_fits(dd, op, base) ||
	    !async_pq_aligned(dd, op))
		return NULL;
	unmap = async_tx_unmap_get(chan, op->nsrc + 2);
	if (!unmap)
		return NULL;
	unmap->len = op->len;

	a.coef = coefs;
	if (async_pq_map_srcs(unmap, op, coefs) &&
	    async_pq_map_dests(unmap, op, DMA_BIDIRECTIONAL, a.pq))
		tx = async_pq_submit_chunks(chan, op, unmap, &a, base, ctl, &done);
	if (!tx && done) {
		async_pq_finish_cpu(dd->dev, op, a.pq, ctl, done);
		*finished = true;
	}
	dmaengine_unmap_put(unmap);
	return tx;
}

static struct dma_async_tx_descriptor *
async_pq_run(const struct async_pq_op *op, struct async_submit_ctl *submit,
	     bool in_place)
{
	struct async_submit_ctl ctl = *submit;
	struct page *dst[2] = { op->p, op->q };
	struct dma_async_tx_descriptor *tx;
	struct dma_chan *chan;
	bool finished;

	chan = async_tx_find_channel(&ctl, DMA_PQ, dst, 2, op->blocks,
				     op->disks - 2, op->len);
	tx = async_pq_offload(chan, op, &ctl, &finished);
	if (tx)
		return tx;
	if (!finished) {
		async_tx_quiesce(&ctl.depend_tx);
		async_pq_cpu(op, ctl.scribble, in_place);
	}
	async_tx_sync_epilog(&ctl);
	return NULL;
}

static bool async_pq_bad_geometry(struct page **blocks, int disks)
{
	return !blocks || disks < 3 || disks > ASYNC_TX_MAX_DISKS;
}

/**
 * async_gen_syndrome() - compute the RAID-6 P and Q of a stripe
 * @blocks: data blocks 0 .. @src_cnt - 3 (NULL reads as zeros), then P,
 *	then Q; one of P and Q may be NULL when it is not wanted
 * @offsets: offset of each block, or NULL for 0
 * @src_cnt: number of entries in @blocks (3 .. 255)
 * @len: bytes per block
 * @submit: dependency, callback, scribble and flags: ASYNC_TX_ACK,
 *	ASYNC_TX_FENCE, ASYNC_TX_PQ_XOR_DST (add to the old P and Q)
 *
 * A DMA_PQ channel gets the work when one is found and everything maps
 * (split with DMA_PREP_CONTINUE when the channel takes fewer sources);
 * otherwise the dependency is waited for and the raid6 library computes
 * it.  Without @submit->scribble the CPU path may replace the entries of
 * @blocks by kernel addresses.  Bad geometry, or neither P nor Q, warns
 * once; the callback still runs once and nothing is written.
 *
 * Context: any; see async_tx_submit().
 * Return: the last descriptor, or NULL when the work is done already.
 */
struct dma_async_tx_descriptor *
async_gen_syndrome(struct page **blocks, unsigned int *offsets, int src_cnt,
		   size_t len, struct async_submit_ctl *submit)
{
	struct async_pq_op op;

	if (async_pq_bad_geometry(blocks, src_cnt) ||
	    (!blocks[src_cnt - 2] && !blocks[src_cnt - 1])) {
		async_tx_report_bad_input(submit, "P+Q generation with bad geometry");
		return NULL;
	}
	async_pq_op_init(&op, blocks, offsets, src_cnt, len,
			 submit->flags & ASYNC_TX_PQ_XOR_DST);
	return async_pq_run(&op, submit, true);
}
EXPORT_SYMBOL_GPL(async_gen_syndrome);

/* Check on a DMA_PQ_VAL channel; P and Q are only read. */
static struct dma_async_tx_descriptor *
async_pq_val_offload(struct dma_chan *chan, const struct async_pq_op *op,
		     enum sum_check_flags *pqres, struct async_submit_ctl *ctl)
{
	unsigned long base = async_pq_disable_flags(op);
	struct async_pq_args a = { .cnt = op->nsrc, .len = op->len,
				   .result = pqres };
	struct dma_async_tx_descriptor *tx = NULL;
	struct dmaengine_unmap_data *unmap;
	u8 coefs[ASYNC_TX_MAX_DISKS];
	struct dma_device *dd;

	if (!chan || !op->len || !op->nsrc || (!op->p && !op->q))
		return NULL;
	dd = chan->device;
	if (!dd->device_prep_dma_pq_val || dma_maxpq(dd, base) < (int)op->nsrc ||
	    !async_pq_aligned(dd, op))
		return NULL;
	unmap = async_tx_unmap_get(chan, op->nsrc + 2);
	if (!unmap)
		return NULL;
	unmap->len = op->len;

	if (async_pq_map_srcs(unmap, op, coefs) &&
	    async_pq_map_dests(unmap, op, DMA_TO_DEVICE, a.pq)) {
		a.src = unmap->addr;
		a.coef = coefs;
		a.flags = base;
		if (ctl->cb_fn)
			a.flags |= DMA_PREP_INTERRUPT;
		if (ctl->flags & ASYNC_TX_FENCE)
			a.flags |= DMA_PREP_FENCE;
		*pqres = 0;
		tx = async_tx_prep_retry(chan, ctl, async_pq_val_prep, &a);
	}
	if (tx) {
		dma_set_unmap(tx, unmap);
		async_tx_submit(chan, tx, ctl);
	}
	dmaengine_unmap_put(unmap);
	return tx;
}

static bool async_pq_differs(struct page *a, unsigned int a_off,
			     struct page *b, unsigned int b_off, size_t len)
{
	u8 *va = kmap_local_page(a), *vb = kmap_local_page(b);
	bool differ = memcmp(va + a_off, vb + b_off, len) != 0;

	kunmap_local(vb);
	kunmap_local(va);
	return differ;
}

/*
 * Recompute @which (P or Q) into @spare with the operation's data and
 * compare; the caller's arrays are not touched.
 */
static bool async_pq_recheck(const struct async_pq_op *op, bool want_q,
			     struct page *spare, unsigned int s_off,
			     struct async_submit_ctl *inner)
{
	struct async_pq_op gen = *op;
	struct dma_async_tx_descriptor *tx;

	gen.accumulate = false;
	gen.p = want_q ? NULL : spare;
	gen.q = want_q ? spare : NULL;
	gen.p_off = s_off;
	gen.q_off = s_off;
	tx = async_pq_run(&gen, inner, false);
	async_tx_quiesce(&tx);
	inner->depend_tx = NULL;
	return want_q ? async_pq_differs(op->q, op->q_off, spare, s_off, op->len) :
			async_pq_differs(op->p, op->p_off, spare, s_off, op->len);
}

/**
 * async_syndrome_val() - check the RAID-6 P and Q of a stripe
 * @blocks: data blocks (NULL reads as zeros), then P, then Q; a NULL P or
 *	Q is not checked
 * @offsets: offset of each block, or NULL for 0
 * @src_cnt: number of entries in @blocks (3 .. 255)
 * @len: bytes per block
 * @pqres: set to 0, plus SUM_CHECK_P_RESULT / SUM_CHECK_Q_RESULT for a P /
 *	Q that does not match; a channel writes it when the returned
 *	descriptor completes
 * @spare: a page the CPU path computes into (needed without a DMA_PQ_VAL
 *	channel)
 * @s_off: offset in @spare
 * @submit: dependency, callback, scribble and flags (ASYNC_TX_ACK,
 *	ASYNC_TX_FENCE)
 *
 * A DMA_PQ_VAL channel (unless CONFIG_ASYNC_TX_DISABLE_PQ_VAL_DMA) checks
 * without writing anything.  Otherwise P and Q are recomputed into @spare
 * (on a DMA_PQ channel or the CPU) and compared; @blocks and @offsets are
 * left as they were, @pqres is final on return and the callback has run
 * once.  Bad geometry or a missing @spare warns once; the callback still
 * runs once and @pqres reports a mismatch for P and Q.
 *
 * Context: any; see async_tx_submit().
 * Return: the descriptor, or NULL when @pqres is final.
 */
struct dma_async_tx_descriptor *
async_syndrome_val(struct page **blocks, unsigned int *offsets, int src_cnt,
		   size_t len, enum sum_check_flags *pqres, struct page *spare,
		   unsigned int s_off, struct async_submit_ctl *submit)
{
	struct async_submit_ctl ctl = *submit;
	struct dma_async_tx_descriptor *tx;
	struct dma_chan *chan = NULL;
	struct async_pq_op op;

	if (async_pq_bad_geometry(blocks, src_cnt) || !pqres) {
		if (pqres)
			*pqres = SUM_CHECK_P_RESULT | SUM_CHECK_Q_RESULT;
		async_tx_report_bad_input(submit, "P+Q check with bad geometry");
		return NULL;
	}
	async_pq_op_init(&op, blocks, offsets, src_cnt, len, false);

	if (!IS_ENABLED(CONFIG_ASYNC_TX_DISABLE_PQ_VAL_DMA))
		chan = async_tx_find_channel(&ctl, DMA_PQ_VAL, NULL, 0, blocks,
					     src_cnt, len);
	tx = async_pq_val_offload(chan, &op, pqres, &ctl);
	if (tx)
		return tx;

	if ((op.p || op.q) && !spare) {
		*pqres = (op.p ? SUM_CHECK_P_RESULT : 0) |
			 (op.q ? SUM_CHECK_Q_RESULT : 0);
		async_tx_report_bad_input(&ctl, "P+Q check without a spare page");
		return NULL;
	}

	/* the sub-steps run without the caller's callback and flags */
	ctl.flags &= ~(ASYNC_TX_ACK | ASYNC_TX_PQ_XOR_DST);
	ctl.cb_fn = NULL;
	ctl.cb_param = NULL;
	*pqres = 0;
	if (op.p && async_pq_recheck(&op, false, spare, s_off, &ctl))
		*pqres |= SUM_CHECK_P_RESULT;
	if (op.q && async_pq_recheck(&op, true, spare, s_off, &ctl))
		*pqres |= SUM_CHECK_Q_RESULT;
	async_tx_quiesce(&ctl.depend_tx);
	async_tx_sync_epilog(submit);
	return NULL;
}
EXPORT_SYMBOL_GPL(async_syndrome_val);

static int __init async_pq_init(void)
{
	async_pq_scratch = alloc_page(GFP_KERNEL);
	return async_pq_scratch ? 0 : -ENOMEM;
}

static void __exit async_pq_exit(void)
{
	__free_page(async_pq_scratch);
}

module_init(async_pq_init);
module_exit(async_pq_exit);

MODULE_AUTHOR("DMA engine maintainers");
MODULE_DESCRIPTION("async_tx: RAID-6 P+Q offload");
MODULE_LICENSE("GPL");
