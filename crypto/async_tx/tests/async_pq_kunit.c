// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite async_tx_pq: async_gen_syndrome() and async_syndrome_val()
 * on the CPU and on the test provider (4 sources per P+Q descriptor, one
 * per continued descriptor), against a shift-and-add GF(2^8) reference.
 */

#include <kunit/test.h>
#include <linux/async_tx.h>
#include <linux/mm.h>

#include "async_tx_test.h"

/* A stripe of @disks random data blocks plus P and Q pages. */
static void pt_stripe(struct kunit *test, struct page **blocks, int disks)
{
	int i;

	for (i = 0; i < disks; i++)
		blocks[i] = at_page(test, i < disks - 2 ? -1 : 0xee);
}

static void pt_expect_pq(struct kunit *test, struct page **blocks,
			 unsigned int *offs, int disks, size_t len,
			 bool want_p, bool want_q)
{
	u8 *p = kunit_kmalloc(test, len, GFP_KERNEL);
	u8 *q = kunit_kmalloc(test, len, GFP_KERNEL);
	unsigned int po = offs ? offs[disks - 2] : 0;
	unsigned int qo = offs ? offs[disks - 1] : 0;

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_ASSERT_NOT_NULL(test, q);
	at_ref_pq(blocks, offs, disks, len, p, q);
	if (want_p)
		KUNIT_EXPECT_MEMEQ_MSG(test, at_va(blocks[disks - 2]) + po, p, len,
				       "P of %d disks", disks);
	if (want_q)
		KUNIT_EXPECT_MEMEQ_MSG(test, at_va(blocks[disks - 1]) + qo, q, len,
				       "Q of %d disks", disks);
}

static struct dma_async_tx_descriptor *
pt_syndrome(struct page **blocks, unsigned int *offs, int disks, size_t len,
	    enum async_tx_flags flags, struct dma_async_tx_descriptor *dep,
	    struct at_cb *cb, addr_conv_t *scribble)
{
	struct async_submit_ctl submit;

	init_async_submit(&submit, flags, dep, cb ? at_cb_fn : NULL, cb,
			  scribble);
	return async_gen_syndrome(blocks, offs, disks, len, &submit);
}

/* P and Q of 4 .. 20 disks; the offload splits with DMA_PREP_CONTINUE. */
static void pq_gen_matches_reference(struct kunit *test)
{
	static const int sizes[] = { 3, 4, 5, 6, 8, 12, 20 };
	struct at_env *env = at_env_from_param(test);
	addr_conv_t scribble[AT_MAX_DISKS + 2];
	struct page *blocks[AT_MAX_DISKS];
	struct dma_async_tx_descriptor *tx;
	struct at_cb cb;
	int i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		pt_stripe(test, blocks, sizes[i]);
		at_cb_init(&cb);
		tx = pt_syndrome(blocks, NULL, sizes[i], PAGE_SIZE, 0, NULL,
				 &cb, scribble);
		KUNIT_EXPECT_EQ(test, !!tx, env->offload);
		at_finish(test, &cb, tx);
		pt_expect_pq(test, blocks, NULL, sizes[i], PAGE_SIZE, true, true);
	}
	if (env->offload) {
		KUNIT_EXPECT_EQ(test, atp_bad_preps(env->atp), 0U);
		KUNIT_EXPECT_GT(test, atp_continue_preps(env->atp), 0U);
		KUNIT_EXPECT_EQ(test, atp_max_srcs(env->atp, DMA_PQ), 4U);
	}
}

/* A provider continuing natively gets full descriptors each time. */
static void pq_gen_native_continuation(struct kunit *test)
{
	static const struct atp_options opt = {
		.caps = ATP_ALL_CAPS, .max_xor = 4, .max_pq = 4,
		.pq_continue = true,
	};
	struct at_env *env = at_env_offload(test, atp_create(test, "atp-cont", &opt));
	struct page *blocks[14];
	struct dma_async_tx_descriptor *tx;
	struct at_cb cb;

	pt_stripe(test, blocks, 14);
	at_cb_init(&cb);
	tx = pt_syndrome(blocks, NULL, 14, PAGE_SIZE, 0, NULL, &cb, NULL);
	at_finish(test, &cb, tx);
	pt_expect_pq(test, blocks, NULL, 14, PAGE_SIZE, true, true);
	/* 12 sources, 4 at a time */
	KUNIT_EXPECT_EQ(test, atp_runs(env->atp, DMA_PQ), 3U);
	KUNIT_EXPECT_EQ(test, atp_continue_preps(env->atp), 2U);
	KUNIT_EXPECT_EQ(test, atp_bad_preps(env->atp), 0U);
}

/* NULL data blocks read as zeros; P or Q alone can be asked for. */
static void pq_gen_null_blocks_and_single_dest(struct kunit *test)
{
	struct at_env *env = at_env_from_param(test);
	struct page *blocks[9], *p, *q;
	addr_conv_t scribble[11];
	struct dma_async_tx_descriptor *tx;
	struct at_cb cb;
	int which;

	pt_stripe(test, blocks, 9);
	blocks[0] = NULL;
	blocks[4] = NULL;
	p = blocks[7];
	q = blocks[8];
	for (which = 0; which < 3; which++) {
		memset(at_va(p), 0xee, PAGE_SIZE);
		memset(at_va(q), 0xee, PAGE_SIZE);
		blocks[7] = which == 2 ? NULL : p;
		blocks[8] = which == 1 ? NULL : q;
		at_cb_init(&cb);
		tx = pt_syndrome(blocks, NULL, 9, PAGE_SIZE, 0, NULL, &cb, scribble);
		at_finish(test, &cb, tx);
		/* the caller's array is left as it was */
		KUNIT_EXPECT_PTR_EQ(test, blocks[7], which == 2 ? NULL : p);
		blocks[7] = p;
		blocks[8] = q;
		pt_expect_pq(test, blocks, NULL, 9, PAGE_SIZE, which != 2,
			     which != 1);
		if (which == 1)
			KUNIT_EXPECT_NULL(test, memchr_inv(at_va(q), 0xee, PAGE_SIZE));
		if (which == 2)
			KUNIT_EXPECT_NULL(test, memchr_inv(at_va(p), 0xee, PAGE_SIZE));
	}
	if (env->offload)
		KUNIT_EXPECT_EQ(test, atp_bad_preps(env->atp), 0U);
}

/* Per-block offsets, and a length the CPU libraries do in part only. */
static void pq_gen_offsets_and_odd_length(struct kunit *test)
{
	static const size_t lens[] = { 1024, 1000, 64 };
	struct at_env *env = at_env_from_param(test);
	unsigned int offs[8] = { 0, 1024, 2048, 512, 3072, 0, 1024, 2048 };
	struct page *blocks[8];
	addr_conv_t scribble[10];
	struct dma_async_tx_descriptor *tx;
	struct at_cb cb;
	int i;

	pt_stripe(test, blocks, 8);
	for (i = 0; i < ARRAY_SIZE(lens); i++) {
		memset(at_va(blocks[6]), 0xee, PAGE_SIZE);
		memset(at_va(blocks[7]), 0xee, PAGE_SIZE);
		at_cb_init(&cb);
		tx = pt_syndrome(blocks, offs, 8, lens[i], 0, NULL, &cb, scribble);
		at_finish(test, &cb, tx);
		pt_expect_pq(test, blocks, offs, 8, lens[i], true, true);
		/* nothing beyond the range */
		KUNIT_EXPECT_EQ(test, at_va(blocks[6])[1024 + lens[i]], 0xee);
	}
	if (env->offload)
		KUNIT_EXPECT_EQ(test, atp_bad_preps(env->atp), 0U);
}

/*
 * md's RAID-6 read-modify-write: take an old block out of P and Q with
 * ASYNC_TX_PQ_XOR_DST, drain the new data, add it back; fenced chain
 * ending with ASYNC_TX_ACK and the callback.
 */
static void pq_gen_md_rmw_pattern(struct kunit *test)
{
	struct at_env *env = at_env_from_param(test);
	struct page *blocks[10], *rmw[10] = { }, *newd = at_page(test, -1);
	addr_conv_t scribble[12];
	struct dma_async_tx_descriptor *tx;
	struct async_submit_ctl submit;
	struct at_cb cb;

	pt_stripe(test, blocks, 10);
	at_cb_init(&cb);
	tx = pt_syndrome(blocks, NULL, 10, PAGE_SIZE, 0, NULL, &cb, scribble);
	at_finish(test, &cb, tx);

	rmw[3] = blocks[3];
	rmw[5] = blocks[5];
	rmw[8] = blocks[8];
	rmw[9] = blocks[9];
	tx = pt_syndrome(rmw, NULL, 10, PAGE_SIZE,
			 ASYNC_TX_FENCE | ASYNC_TX_PQ_XOR_DST, NULL, NULL,
			 scribble);
	init_async_submit(&submit, ASYNC_TX_FENCE, tx, NULL, NULL, scribble);
	tx = async_memcpy(blocks[5], newd, 0, 0, PAGE_SIZE, &submit);
	rmw[3] = blocks[3];
	rmw[5] = blocks[5];
	rmw[8] = blocks[8];
	rmw[9] = blocks[9];
	at_cb_init(&cb);
	tx = pt_syndrome(rmw, NULL, 10, PAGE_SIZE,
			 ASYNC_TX_ACK | ASYNC_TX_PQ_XOR_DST, tx, &cb, scribble);
	at_finish(test, &cb, tx);

	KUNIT_EXPECT_MEMEQ(test, at_va(blocks[5]), at_va(newd), PAGE_SIZE);
	pt_expect_pq(test, blocks, NULL, 10, PAGE_SIZE, true, true);
	if (env->offload) {
		KUNIT_EXPECT_EQ(test, atp_bad_preps(env->atp), 0U);
		/* every RMW descriptor continues from the old P and Q */
		KUNIT_EXPECT_GE(test, atp_continue_preps(env->atp), 4U);
	}
}

/* The channel stops giving descriptors half way: the CPU adds the rest. */
static void pq_gen_split_finished_on_cpu(struct kunit *test)
{
	struct at_env *env = at_env_offload(test, NULL);
	struct page *blocks[12];
	struct dma_async_tx_descriptor *tx;
	struct at_cb cb;

	pt_stripe(test, blocks, 12);
	atp_fail_preps(env->atp, 2, -1);
	at_cb_init(&cb);
	tx = pt_syndrome(blocks, NULL, 12, PAGE_SIZE, 0, NULL, &cb, NULL);
	KUNIT_EXPECT_NULL(test, tx);
	KUNIT_EXPECT_EQ(test, atomic_read(&cb.calls), 1);
	KUNIT_EXPECT_EQ(test, atp_runs(env->atp, DMA_PQ), 2U);
	pt_expect_pq(test, blocks, NULL, 12, PAGE_SIZE, true, true);
}

/* async_gen_syndrome() without scribble space (the CPU may use @blocks). */
static void pq_gen_without_scribble(struct kunit *test)
{
	struct page *blocks[7], *copy[7];
	struct dma_async_tx_descriptor *tx;
	struct at_cb cb;

	at_env_from_param(test);
	pt_stripe(test, blocks, 7);
	memcpy(copy, blocks, sizeof(copy));
	at_cb_init(&cb);
	tx = pt_syndrome(blocks, NULL, 7, PAGE_SIZE, 0, NULL, &cb, NULL);
	at_finish(test, &cb, tx);
	pt_expect_pq(test, copy, NULL, 7, PAGE_SIZE, true, true);
}

/* A corruption of P and Q (byte index, -1: none), and which one is absent. */
struct pt_val_case {
	int bad_p;
	int bad_q;
	bool no_p;
	bool no_q;
};

static const struct pt_val_case pt_val_cases[] = {
	{ -1, -1, false, false }, { 17, -1, false, false },
	{ -1, 4000, false, false }, { 0, 4095, false, false },
	{ -1, 9, true, false }, { 9, -1, false, true },
};

static enum sum_check_flags pt_val_expected(const struct pt_val_case *c)
{
	enum sum_check_flags want = 0;

	if (c->bad_p >= 0 && !c->no_p)
		want |= SUM_CHECK_P_RESULT;
	if (c->bad_q >= 0 && !c->no_q)
		want |= SUM_CHECK_Q_RESULT;
	return want;
}

/* Check a stripe with P, Q or both corrupted, and with P or Q absent. */
static void pq_val_reports_mismatch(struct kunit *test)
{
	const struct pt_val_case *c;
	struct at_env *env = at_env_from_param(test);
	struct page *blocks[6], *spare = at_page(test, 0), *p, *q;
	addr_conv_t scribble[8];
	struct dma_async_tx_descriptor *tx;
	struct async_submit_ctl submit;
	enum sum_check_flags res, want;
	struct at_cb cb;
	int i;

	pt_stripe(test, blocks, 6);
	at_cb_init(&cb);
	tx = pt_syndrome(blocks, NULL, 6, PAGE_SIZE, 0, NULL, &cb, scribble);
	at_finish(test, &cb, tx);
	p = blocks[4];
	q = blocks[5];
	for (i = 0; i < ARRAY_SIZE(pt_val_cases); i++) {
		c = &pt_val_cases[i];
		if (c->bad_p >= 0)
			at_va(p)[c->bad_p] ^= 0x42;
		if (c->bad_q >= 0)
			at_va(q)[c->bad_q] ^= 0x81;
		blocks[4] = c->no_p ? NULL : p;
		blocks[5] = c->no_q ? NULL : q;
		want = pt_val_expected(c);
		res = ~want;
		at_cb_init(&cb);
		init_async_submit(&submit, ASYNC_TX_ACK, NULL, at_cb_fn, &cb, scribble);
		tx = async_syndrome_val(blocks, NULL, 6, PAGE_SIZE, &res, spare, 0,
					&submit);
		KUNIT_EXPECT_EQ(test, !!tx, env->offload);
		at_finish(test, &cb, tx);
		KUNIT_EXPECT_EQ_MSG(test, (int)res, (int)want, "case %d", i);
		/* the stripe and the array are untouched */
		KUNIT_EXPECT_PTR_EQ(test, blocks[4], c->no_p ? NULL : p);
		blocks[4] = p;
		blocks[5] = q;
		if (c->bad_p >= 0)
			at_va(p)[c->bad_p] ^= 0x42;
		if (c->bad_q >= 0)
			at_va(q)[c->bad_q] ^= 0x81;
		pt_expect_pq(test, blocks, NULL, 6, PAGE_SIZE, true, true);
	}
	if (env->offload)
		KUNIT_EXPECT_EQ(test, atp_runs(env->atp, DMA_PQ_VAL),
				ARRAY_SIZE(pt_val_cases));
}

/*
 * More sources than one P+Q check takes, or offsets: recomputed into the
 * spare page (on P+Q descriptors when offloading), without scribble too.
 */
static void pq_val_recomputes_into_spare(struct kunit *test)
{
	unsigned int offs[10] = { 0, 512, 1024, 0, 512, 1024, 0, 512, 1024, 2048 };
	struct at_env *env = at_env_from_param(test);
	struct page *blocks[10], *spare = at_page(test, 0);
	struct dma_async_tx_descriptor *tx;
	struct async_submit_ctl submit;
	addr_conv_t scribble[12];
	enum sum_check_flags res;
	struct at_cb cb;
	int flip;

	pt_stripe(test, blocks, 10);
	at_cb_init(&cb);
	tx = pt_syndrome(blocks, offs, 10, 512, 0, NULL, &cb, scribble);
	at_finish(test, &cb, tx);
	for (flip = 0; flip < 2; flip++) {
		at_va(blocks[9])[2048 + 100] ^= flip;
		res = flip ? 0 : ~0;
		at_cb_init(&cb);
		init_async_submit(&submit, 0, NULL, at_cb_fn, &cb, NULL);
		tx = async_syndrome_val(blocks, offs, 10, 512, &res, spare, 1024,
					&submit);
		KUNIT_EXPECT_NULL(test, tx);
		at_finish(test, &cb, tx);
		KUNIT_EXPECT_EQ(test, (int)res, flip ? (int)SUM_CHECK_Q_RESULT : 0);
	}
	if (env->offload) {
		KUNIT_EXPECT_EQ(test, atp_runs(env->atp, DMA_PQ_VAL), 0U);
		KUNIT_EXPECT_EQ(test, atp_bad_preps(env->atp), 0U);
	}
}

/* Without a spare page the CPU cannot check: both sums reported bad. */
static void pq_val_without_spare(struct kunit *test)
{
	struct page *blocks[6];
	struct async_submit_ctl submit;
	enum sum_check_flags res = 0;
	struct at_cb cb;

	at_env_cpu(test);
	pt_stripe(test, blocks, 6);
	at_cb_init(&cb);
	init_async_submit(&submit, 0, NULL, at_cb_fn, &cb, NULL);
	KUNIT_EXPECT_NULL(test, async_syndrome_val(blocks, NULL, 6, PAGE_SIZE,
						   &res, NULL, 0, &submit));
	KUNIT_EXPECT_EQ(test, atomic_read(&cb.calls), 1);
	KUNIT_EXPECT_EQ(test, (int)res,
			(int)(SUM_CHECK_P_RESULT | SUM_CHECK_Q_RESULT));
}

/* Bad geometry warns, writes nothing and still calls back once. */
static void pq_bad_input_calls_back_once(struct kunit *test)
{
	struct page *blocks[4];
	struct async_submit_ctl submit;
	struct at_cb cb;

	at_env_cpu(test);
	pt_stripe(test, blocks, 4);
	at_cb_init(&cb);
	init_async_submit(&submit, 0, NULL, at_cb_fn, &cb, NULL);
	KUNIT_EXPECT_NULL(test, async_gen_syndrome(blocks, NULL, 2, PAGE_SIZE,
						   &submit));
	KUNIT_EXPECT_EQ(test, atomic_read(&cb.calls), 1);

	blocks[2] = NULL;
	blocks[3] = NULL;
	at_cb_init(&cb);
	init_async_submit(&submit, 0, NULL, at_cb_fn, &cb, NULL);
	KUNIT_EXPECT_NULL(test, async_gen_syndrome(blocks, NULL, 4, PAGE_SIZE,
						   &submit));
	KUNIT_EXPECT_EQ(test, atomic_read(&cb.calls), 1);
}

static struct kunit_case async_tx_pq_cases[] = {
	KUNIT_CASE_PARAM(pq_gen_matches_reference, at_mode_gen_params),
	KUNIT_CASE(pq_gen_native_continuation),
	KUNIT_CASE_PARAM(pq_gen_null_blocks_and_single_dest, at_mode_gen_params),
	KUNIT_CASE_PARAM(pq_gen_offsets_and_odd_length, at_mode_gen_params),
	KUNIT_CASE_PARAM(pq_gen_md_rmw_pattern, at_mode_gen_params),
	KUNIT_CASE(pq_gen_split_finished_on_cpu),
	KUNIT_CASE_PARAM(pq_gen_without_scribble, at_mode_gen_params),
	KUNIT_CASE_PARAM(pq_val_reports_mismatch, at_mode_gen_params),
	KUNIT_CASE_PARAM(pq_val_recomputes_into_spare, at_mode_gen_params),
	KUNIT_CASE(pq_val_without_spare),
	KUNIT_CASE(pq_bad_input_calls_back_once),
	{}
};

static struct kunit_suite async_tx_pq_suite = {
	.name = "async_tx_pq",
	.test_cases = async_tx_pq_cases,
};

kunit_test_suite(async_tx_pq_suite);
