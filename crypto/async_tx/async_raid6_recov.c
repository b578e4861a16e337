// SPDX-License-Identifier: GPL-2.0
/*
 * async_raid6_recov: rebuild two lost blocks of a RAID-6 stripe.
 *
 * Notation: D_i are the data blocks, P their xor and Q the sum of
 * g^i * D_i over GF(2^8).  Summing only the surviving data gives P' and Q'.
 *
 * Two data blocks a < b lost:
 *	Pxy = P + P' = D_a + D_b
 *	Qxy = Q + Q' = g^a * D_a + g^b * D_b
 *	D_b = Pxy / (g^(b-a) + 1) + Qxy / (g^a + g^b)
 *	D_a = Pxy + D_b
 * Data block a and P lost:
 *	D_a = (Q + Q') / g^a
 *	P   = P' + D_a
 *
 * Without a DMA_PQ channel (or without scribble space) the raid6 library
 * does the work.  With one, the steps above are chained: P' and Q' go into
 * the lost blocks' pages with async_gen_syndrome(), the additions are
 * async_xor() calls and the multiplications are P+Q descriptors with P
 * disabled and the factors as coefficients.  Only the last step carries
 * the caller's callback and flags.
 */

#include <linux/async_tx.h>
#include <linux/dma-mapping.h>
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/raid/pq.h>

#include "async_tx_internal.h"

/* A multiplication step: dest = sum of coef[k] * src[k], k < cnt (1 or 2). */
struct async_r6_mul {
	struct page *dest;
	unsigned int d_off;
	struct page *src[2];
	unsigned int s_off[2];
	u8 coef[2];
	int cnt;
	size_t len;
};

struct async_r6_mul_args {
	dma_addr_t pq[2];
	dma_addr_t *src;
	const u8 *coef;
	int cnt;
	size_t len;
	unsigned long flags;
};

static unsigned int async_r6_off(unsigned int *offs, int i)
{
	return offs ? offs[i] : 0;
}

/* ---- the multiplication step ------------------------------------- */

static struct dma_async_tx_descriptor *async_r6_mul_prep(struct dma_chan *chan,
							 void *arg)
{
	struct async_r6_mul_args *a = arg;
	struct dma_async_tx_descriptor *tx;

	tx = chan->device->device_prep_dma_pq(chan, a->pq, a->src, a->cnt,
					      a->coef, a->len, a->flags);
	return dmaengine_prep_finish(chan, tx, DMA_PQ, a->flags, a->len);
}

static bool async_r6_mul_fits(struct dma_device *dd,
			      const struct async_r6_mul *m)
{
	int k;

	if (!dd->device_prep_dma_pq ||
	    dma_maxpq(dd, DMA_PREP_PQ_DISABLE_P) < m->cnt ||
	    !is_dma_pq_aligned(dd, m->d_off, 0, m->len))
		return false;
	for (k = 0; k < m->cnt; k++)
		if (!is_dma_pq_aligned(dd, m->s_off[k], 0, m->len))
			return false;
	return true;
}

static struct dma_async_tx_descriptor *
async_r6_mul_offload(struct dma_chan *chan, const struct async_r6_mul *m,
		     struct async_submit_ctl *ctl)
{
	struct async_r6_mul_args a = { .coef = m->coef, .cnt = m->cnt,
				       .len = m->len };
	struct dma_async_tx_descriptor *tx = NULL;
	struct dmaengine_unmap_data *unmap;
	bool mapped = true;
	int k;

	if (!chan || !m->len || !async_r6_mul_fits(chan->device, m))
		return NULL;
	unmap = async_tx_unmap_get(chan, m->cnt + 1);
	if (!unmap)
		return NULL;
	unmap->len = m->len;

	for (k = 0; k < m->cnt && mapped; k++)
		mapped = async_tx_map(unmap, m->src[k], m->s_off[k],
				      DMA_TO_DEVICE, NULL);
	if (mapped && async_tx_map(unmap, m->dest, m->d_off, DMA_BIDIRECTIONAL,
				   &a.pq[1])) {
		a.src = unmap->addr;
		a.flags = DMA_PREP_PQ_DISABLE_P;
		if (ctl->cb_fn)
			a.flags |= DMA_PREP_INTERRUPT;
		if (ctl->flags & ASYNC_TX_FENCE)
			a.flags |= DMA_PREP_FENCE;
		tx = async_tx_prep_retry(chan, ctl, async_r6_mul_prep, &a);
	}
	if (tx) {
		dma_set_unmap(tx, unmap);
		async_tx_submit(chan, tx, ctl);
	}
	dmaengine_unmap_put(unmap);
	return tx;
}

/* Byte by byte; every source byte is read before dest is written. */
static void async_r6_mul_cpu(const struct async_r6_mul *m)
{
	u8 *s[2] = { }, *d;
	size_t x;
	u8 v;
	int k;

	d = (u8 *)kmap_local_page(m->dest) + m->d_off;
	for (k = 0; k < m->cnt; k++)
		s[k] = (u8 *)kmap_local_page(m->src[k]) + m->s_off[k];
	for (x = 0; x < m->len; x++) {
		v = 0;
		for (k = 0; k < m->cnt; k++)
			v ^= async_tx_gfmul(m->coef[k], s[k][x]);
		d[x] = v;
	}
	while (k--)
		kunmap_local(s[k]);
	kunmap_local(d);
}

static struct dma_async_tx_descriptor *
async_r6_mul(const struct async_r6_mul *m, struct async_submit_ctl *submit)
{
	struct async_submit_ctl ctl = *submit;
	struct dma_async_tx_descriptor *tx;
	struct page *dest = m->dest;
	struct dma_chan *chan;

	chan = async_tx_find_channel(&ctl, DMA_PQ, &dest, 1,
				     (struct page **)m->src, m->cnt, m->len);
	tx = async_r6_mul_offload(chan, m, &ctl);
	if (tx)
		return tx;
	async_tx_quiesce(&ctl.depend_tx);
	async_r6_mul_cpu(m);
	async_tx_sync_epilog(&ctl);
	return NULL;
}

/* ---- CPU recovery through the raid6 library ---------------------- */

/* Address list of a stripe; NULL data blocks read from the zero page. */
static void **async_r6_ptrs(int disks, struct page **blocks,
			    unsigned int *offs, void *scribble)
{
	void **ptrs = scribble ? scribble : (void **)blocks;
	struct page *page;
	int i;

	for (i = 0; i < disks; i++) {
		page = blocks[i];
		ptrs[i] = page ? async_tx_page_addr(page, async_r6_off(offs, i)) :
			  (void *)raid6_empty_zero_page;
	}
	return ptrs;
}

/* Bytes [@from, @to) of two lost data blocks, by table lookup. */
static void async_r6_2data_bytes(void **ptrs, int disks, int a, int b,
				 size_t from, size_t to)
{
	u8 cp = raid6_gfexi[b - a];
	u8 cq = raid6_gfinv[raid6_gfexp[a] ^ raid6_gfexp[b]];
	u8 *da = ptrs[a], *db = ptrs[b];
	u8 px, qx, d, vb;
	size_t x;
	int i;

	for (x = from; x < to; x++) {
		px = ((u8 *)ptrs[disks - 2])[x];
		qx = ((u8 *)ptrs[disks - 1])[x];
		for (i = 0; i < disks - 2; i++) {
			if (i == a || i == b)
				continue;
			d = ((u8 *)ptrs[i])[x];
			px ^= d;
			qx ^= async_tx_gfmul(raid6_gfexp[i], d);
		}
		vb = async_tx_gfmul(cp, px) ^ async_tx_gfmul(cq, qx);
		db[x] = vb;
		da[x] = vb ^ px;
	}
}

/* Bytes [@from, @to) of a lost data block and P, by table lookup. */
static void async_r6_datap_bytes(void **ptrs, int disks, int a, size_t from,
				 size_t to)
{
	u8 cq = raid6_gfinv[raid6_gfexp[a]];
	u8 *da = ptrs[a], *p = ptrs[disks - 2];
	u8 px, qx, d, va;
	size_t x;
	int i;

	for (x = from; x < to; x++) {
		px = 0;
		qx = ((u8 *)ptrs[disks - 1])[x];
		for (i = 0; i < disks - 2; i++) {
			if (i == a)
				continue;
			d = ((u8 *)ptrs[i])[x];
			px ^= d;
			qx ^= async_tx_gfmul(raid6_gfexp[i], d);
		}
		va = async_tx_gfmul(cq, qx);
		da[x] = va;
		p[x] = px ^ va;
	}
}

static void async_r6_2data_cpu(int disks, size_t bytes, int a, int b,
			       struct page **blocks, unsigned int *offs,
			       void *scribble)
{
	void **ptrs = async_r6_ptrs(disks, blocks, offs, scribble);
	size_t bulk = round_down(bytes, ASYNC_TX_LIB_GRAIN);

	if (bulk)
		raid6_2data_recov(disks, bulk, a, b, ptrs);
	async_r6_2data_bytes(ptrs, disks, a, b, bulk, bytes);
}

static void async_r6_datap_cpu(int disks, size_t bytes, int a,
			       struct page **blocks, unsigned int *offs,
			       void *scribble)
{
	void **ptrs = async_r6_ptrs(disks, blocks, offs, scribble);
	size_t bulk = round_down(bytes, ASYNC_TX_LIB_GRAIN);

	if (bulk)
		raid6_datap_recov(disks, bulk, a, ptrs);
	async_r6_datap_bytes(ptrs, disks, a, bulk, bytes);
}

/* ---- chained recovery on a channel -------------------------------- */

/* One recovery in progress: the stripe and the step being chained. */
struct async_r6_chain {
	struct page **blocks;
	unsigned int *offs;
	int disks;
	size_t len;
	struct async_submit_ctl *submit;	/* the caller's */
	struct dma_async_tx_descriptor *tx;	/* last step */
};

static unsigned int async_r6_chain_off(const struct async_r6_chain *r, int i)
{
	return async_r6_off(r->offs, i);
}

/* Submission for an intermediate step (fenced, no callback). */
static void async_r6_step_ctl(struct async_r6_chain *r,
			      struct async_submit_ctl *c,
			      enum async_tx_flags flags)
{
	init_async_submit(c, flags | ASYNC_TX_FENCE, r->tx, NULL, NULL,
			  r->submit->scribble);
}

/* Submission for the last step: the caller's callback and flags. */
static void async_r6_last_ctl(struct async_r6_chain *r,
			      struct async_submit_ctl *c,
			      enum async_tx_flags flags)
{
	enum async_tx_flags keep = r->submit->flags &
				   ~(ASYNC_TX_XOR_ZERO_DST | ASYNC_TX_XOR_DROP_DST |
				     ASYNC_TX_PQ_XOR_DST);

	init_async_submit(c, keep | flags, r->tx, r->submit->cb_fn,
			  r->submit->cb_param, r->submit->scribble);
}

/* dest (block @d) = dest + block @s, with the given submission. */
static void async_r6_add(struct async_r6_chain *r, int d, int s,
			 struct async_submit_ctl *c)
{
	struct page *srcs[2] = { r->blocks[d], r->blocks[s] };
	unsigned int offs[2] = { async_r6_chain_off(r, d),
				 async_r6_chain_off(r, s) };

	c->flags |= ASYNC_TX_XOR_DROP_DST;
	r->tx = async_xor_offs(srcs[0], offs[0], srcs, offs, 2, r->len, c);
}

/*
 * Gen-syndrome over the surviving data with the pages of blocks @pd and
 * @qd as P and Q destinations; the @nlost data blocks in @lost read as
 * zeros.  The caller's arrays are changed for the call and then restored.
 */
static void async_r6_partial_syndrome(struct async_r6_chain *r, int pd, int qd,
				      const int *lost, int nlost)
{
	int p = r->disks - 2, q = r->disks - 1, i;
	struct page *old_p = r->blocks[p], *old_q = r->blocks[q];
	struct page *new_p = r->blocks[pd], *new_q = r->blocks[qd];
	unsigned int old_po = async_r6_chain_off(r, p);
	unsigned int old_qo = async_r6_chain_off(r, q);
	struct page *old_lost[2];
	struct async_submit_ctl c;

	if (r->offs) {
		r->offs[p] = async_r6_chain_off(r, pd);
		r->offs[q] = async_r6_chain_off(r, qd);
	}
	for (i = 0; i < nlost; i++) {
		old_lost[i] = r->blocks[lost[i]];
		r->blocks[lost[i]] = NULL;
	}
	r->blocks[p] = new_p;
	r->blocks[q] = new_q;

	async_r6_step_ctl(r, &c, 0);
	r->tx = async_gen_syndrome(r->blocks, r->offs, r->disks, r->len, &c);

	r->blocks[p] = old_p;
	r->blocks[q] = old_q;
	for (i = 0; i < nlost; i++)
		r->blocks[lost[i]] = old_lost[i];
	if (r->offs) {
		r->offs[p] = old_po;
		r->offs[q] = old_qo;
	}
}

static void async_r6_multiply(struct async_r6_chain *r, int dest,
			      const int *src, const u8 *coef, int cnt,
			      struct async_submit_ctl *c)
{
	struct async_r6_mul m = {
		.dest = r->blocks[dest],
		.d_off = async_r6_chain_off(r, dest),
		.cnt = cnt,
		.len = r->len,
	};
	int k;

	for (k = 0; k < cnt; k++) {
		m.src[k] = r->blocks[src[k]];
		m.s_off[k] = async_r6_chain_off(r, src[k]);
		m.coef[k] = coef[k];
	}
	r->tx = async_r6_mul(&m, c);
}

static int async_r6_survivors(struct page **blocks, int disks, int a, int b)
{
	int i, n = 0;

	for (i = 0; i < disks - 2; i++)
		if (i != a && i != b && blocks[i])
			n++;
	return n;
}

static struct dma_async_tx_descriptor *
async_r6_2data_chain(struct async_r6_chain *r, int a, int b)
{
	int p = r->disks - 2, q = r->disks - 1, lost[2] = { a, b };
	u8 coef[2] = { raid6_gfexi[b - a],
		       raid6_gfinv[raid6_gfexp[a] ^ raid6_gfexp[b]] };
	struct async_submit_ctl c;
	int src[2];

	if (async_r6_survivors(r->blocks, r->disks, a, b)) {
		/* D_a := P', D_b := Q'; then D_a := Pxy, D_b := Qxy */
		async_r6_partial_syndrome(r, a, b, lost, 2);
		async_r6_step_ctl(r, &c, 0);
		async_r6_add(r, a, p, &c);
		async_r6_step_ctl(r, &c, 0);
		async_r6_add(r, b, q, &c);
		src[0] = a;
		src[1] = b;
	} else {
		/* nothing survives: Pxy = P and Qxy = Q */
		src[0] = p;
		src[1] = q;
	}
	/* D_b := Pxy / (g^(b-a) + 1) + Qxy / (g^a + g^b) */
	async_r6_step_ctl(r, &c, 0);
	async_r6_multiply(r, b, src, coef, 2, &c);
	/* D_a := Pxy + D_b */
	if (src[0] == a) {
		async_r6_last_ctl(r, &c, 0);
		async_r6_add(r, a, b, &c);
	} else {
		struct page *srcs[2] = { r->blocks[p], r->blocks[b] };
		unsigned int offs[2] = { async_r6_chain_off(r, p),
					 async_r6_chain_off(r, b) };

		async_r6_last_ctl(r, &c, ASYNC_TX_XOR_ZERO_DST);
		r->tx = async_xor_offs(r->blocks[a], async_r6_chain_off(r, a),
				       srcs, offs, 2, r->len, &c);
	}
	return r->tx;
}

static struct dma_async_tx_descriptor *
async_r6_datap_chain(struct async_r6_chain *r, int a)
{
	int p = r->disks - 2, q = r->disks - 1;
	u8 coef = raid6_gfinv[raid6_gfexp[a]];
	struct async_submit_ctl c;

	if (async_r6_survivors(r->blocks, r->disks, a, a)) {
		/* P := P', D_a := Q'; D_a := (Q + Q') / g^a; P := P' + D_a */
		async_r6_partial_syndrome(r, p, a, &a, 1);
		async_r6_step_ctl(r, &c, 0);
		async_r6_add(r, a, q, &c);
		async_r6_step_ctl(r, &c, 0);
		async_r6_multiply(r, a, &a, &coef, 1, &c);
		async_r6_last_ctl(r, &c, 0);
		async_r6_add(r, p, a, &c);
		return r->tx;
	}
	/* nothing survives: D_a := Q / g^a and P := D_a */
	async_r6_step_ctl(r, &c, 0);
	async_r6_multiply(r, a, &q, &coef, 1, &c);
	async_r6_last_ctl(r, &c, 0);
	r->tx = async_memcpy(r->blocks[p], r->blocks[a],
			     async_r6_chain_off(r, p), async_r6_chain_off(r, a),
			     r->len, &c);
	return r->tx;
}

/* Is the stripe unusable for a recovery? */
static bool async_r6_bad_stripe(int disks, size_t bytes, struct page **blocks)
{
	return !blocks || disks < 4 || disks > ASYNC_TX_MAX_DISKS ||
	       bytes > PAGE_SIZE || !blocks[disks - 2] || !blocks[disks - 1];
}

/* Is @fail not a data block whose page can take the result? */
static bool async_r6_bad_lost(int disks, int fail, struct page **blocks)
{
	return fail < 0 || fail >= disks - 2 || !blocks[fail];
}

/* Channel for the chained recovery, or NULL to use the raid6 library. */
static struct dma_chan *async_r6_chan(struct async_submit_ctl *submit,
				      struct page **blocks, int disks,
				      size_t bytes)
{
	struct async_submit_ctl probe = *submit;

	/* the chained steps need the scribble space for their CPU fallbacks */
	if (!submit->scribble)
		return NULL;
	return async_tx_find_channel(&probe, DMA_PQ, NULL, 0, blocks, disks,
				     bytes);
}

/**
 * async_raid6_2data_recov() - rebuild two lost data blocks of a stripe
 * @src_num: number of blocks in the stripe, P and Q included (4 .. 255)
 * @bytes: bytes per block (at most PAGE_SIZE)
 * @faila: one lost data block
 * @failb: the other (in any order)
 * @ptrs: the blocks: data (NULL reads as zeros), P, Q; the pages of the
 *	lost blocks receive the result
 * @offs: offset of each block, or NULL for 0
 * @submit: dependency, callback, scribble and flags (ASYNC_TX_ACK,
 *	ASYNC_TX_FENCE)
 *
 * With a DMA_PQ channel and scribble space the recovery is a chain of
 * syndrome, xor and multiplication steps on channels (each step falls back
 * to the CPU on its own if it must); otherwise the dependency is waited
 * for and the raid6 library rebuilds the blocks, replacing the entries of
 * @ptrs by kernel addresses when there is no scribble space.  Bad
 * arguments warn once; the callback still runs once and nothing is
 * written.
 *
 * Context: any; see async_tx_submit().
 * Return: the last descriptor, or NULL when the blocks are rebuilt already.
 */
struct dma_async_tx_descriptor *
async_raid6_2data_recov(int src_num, size_t bytes, int faila, int failb,
			struct page **ptrs, unsigned int *offs,
			struct async_submit_ctl *submit)
{
	struct async_r6_chain r = {
		.blocks = ptrs, .offs = offs, .disks = src_num, .len = bytes,
		.submit = submit, .tx = submit->depend_tx,
	};
	struct dma_async_tx_descriptor *dep = submit->depend_tx;

	if (async_r6_bad_stripe(src_num, bytes, ptrs) || faila == failb ||
	    async_r6_bad_lost(src_num, faila, ptrs) ||
	    async_r6_bad_lost(src_num, failb, ptrs)) {
		async_tx_report_bad_input(submit, "two-block data recovery with bad arguments");
		return NULL;
	}
	if (faila > failb)
		swap(faila, failb);

	if (async_r6_chan(submit, ptrs, src_num, bytes))
		return async_r6_2data_chain(&r, faila, failb);

	async_tx_quiesce(&dep);
	async_r6_2data_cpu(src_num, bytes, faila, failb, ptrs, offs,
			   submit->scribble);
	async_tx_sync_epilog(submit);
	return NULL;
}
EXPORT_SYMBOL_GPL(async_raid6_2data_recov);

/**
 * async_raid6_datap_recov() - rebuild a lost data block and P
 * @src_num: number of blocks in the stripe, P and Q included (4 .. 255)
 * @bytes: bytes per block (at most PAGE_SIZE)
 * @faila: the lost data block
 * @ptrs: the blocks: data (NULL reads as zeros), P, Q; the pages of the
 *	lost data block and of P receive the result
 * @offs: offset of each block, or NULL for 0
 * @submit: dependency, callback, scribble and flags (ASYNC_TX_ACK,
 *	ASYNC_TX_FENCE)
 *
 * Works like async_raid6_2data_recov(), with data block @faila and P lost.
 *
 * Context: any; see async_tx_submit().
 * Return: the last descriptor, or NULL when the blocks are rebuilt already.
 */
struct dma_async_tx_descriptor *
async_raid6_datap_recov(int src_num, size_t bytes, int faila,
			struct page **ptrs, unsigned int *offs,
			struct async_submit_ctl *submit)
{
	struct async_r6_chain r = {
		.blocks = ptrs, .offs = offs, .disks = src_num, .len = bytes,
		.submit = submit, .tx = submit->depend_tx,
	};
	struct dma_async_tx_descriptor *dep = submit->depend_tx;

	if (async_r6_bad_stripe(src_num, bytes, ptrs) ||
	    async_r6_bad_lost(src_num, faila, ptrs)) {
		async_tx_report_bad_input(submit, "data and P recovery with bad arguments");
		return NULL;
	}

	if (async_r6_chan(submit, ptrs, src_num, bytes))
		return async_r6_datap_chain(&r, faila);

	async_tx_quiesce(&dep);
	async_r6_datap_cpu(src_num, bytes, faila, ptrs, offs, submit->scribble);
	async_tx_sync_epilog(submit);
	return NULL;
}
EXPORT_SYMBOL_GPL(async_raid6_datap_recov);

MODULE_AUTHOR("DMA engine maintainers");
MODULE_DESCRIPTION("async_tx: RAID-6 recovery offload");
MODULE_LICENSE("GPL");
