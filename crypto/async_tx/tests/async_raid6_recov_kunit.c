// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite async_tx_raid6_recov: rebuild every pair of lost blocks of
 * RAID-6 stripes (data+data, data+P, data+Q, P+Q) the way md and
 * raid6test do, on the CPU and chained on the test provider, and compare
 * with the original blocks; P and Q come from an independent reference.
 */

#include <kunit/test.h>
#include <linux/async_tx.h>
#include <linux/mm.h>

#include "async_tx_test.h"

/* A stripe: blocks (NULL: zero data block) and a copy of every block. */
struct rt_stripe {
	struct page *blocks[AT_MAX_DISKS];
	struct page *orig[AT_MAX_DISKS];
	int disks;
	addr_conv_t scribble[AT_MAX_DISKS + 2];
};

/* Build a stripe; data blocks set in @zero_mask are NULL. */
static struct rt_stripe *rt_stripe_new(struct kunit *test, int disks,
				       unsigned long zero_mask)
{
	struct rt_stripe *s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);
	int i;

	KUNIT_ASSERT_NOT_NULL(test, s);
	s->disks = disks;
	for (i = 0; i < disks; i++) {
		if (i < disks - 2 && (zero_mask & BIT(i)))
			continue;
		s->blocks[i] = at_page(test, -1);
	}
	at_ref_pq(s->blocks, NULL, disks, PAGE_SIZE, at_va(s->blocks[disks - 2]),
		  at_va(s->blocks[disks - 1]));
	for (i = 0; i < disks; i++) {
		if (!s->blocks[i])
			continue;
		s->orig[i] = at_page(test, 0);
		memcpy(at_va(s->orig[i]), at_va(s->blocks[i]), PAGE_SIZE);
	}
	return s;
}

static void rt_expect_intact(struct kunit *test, struct rt_stripe *s,
			     int a, int b)
{
	int i;

	for (i = 0; i < s->disks; i++)
		if (s->blocks[i])
			KUNIT_EXPECT_MEMEQ_MSG(test, at_va(s->blocks[i]),
					       at_va(s->orig[i]), PAGE_SIZE,
					       "block %d after losing %d and %d of %d",
					       i, a, b, s->disks);
}

/* data + Q lost: rebuild the data from P, then Q (as raid6test does). */
static struct dma_async_tx_descriptor *
rt_data_q(struct rt_stripe *s, int a, struct at_cb *cb)
{
	struct page *srcs[AT_MAX_DISKS];
	struct dma_async_tx_descriptor *tx;
	struct async_submit_ctl submit;
	int i, n = 0;

	for (i = 0; i < s->disks - 1; i++)
		if (i != a)
			srcs[n++] = s->blocks[i];
	init_async_submit(&submit, ASYNC_TX_FENCE | ASYNC_TX_XOR_ZERO_DST, NULL,
			  NULL, NULL, s->scribble);
	tx = async_xor(s->blocks[a], srcs, 0, n, PAGE_SIZE, &submit);
	init_async_submit(&submit, ASYNC_TX_ACK, tx, at_cb_fn, cb, s->scribble);
	return async_gen_syndrome(s->blocks, NULL, s->disks, PAGE_SIZE, &submit);
}

/* Lose blocks @a < @b, rebuild them with the matching call, compare. */
static void rt_lose_and_rebuild(struct kunit *test, struct rt_stripe *s,
				int a, int b)
{
	int p = s->disks - 2, q = s->disks - 1;
	struct dma_async_tx_descriptor *tx;
	struct async_submit_ctl submit;
	struct at_cb cb;

	memset(at_va(s->blocks[a]), 0xf0, PAGE_SIZE);
	memset(at_va(s->blocks[b]), 0xba, PAGE_SIZE);
	at_cb_init(&cb);
	init_async_submit(&submit, ASYNC_TX_ACK, NULL, at_cb_fn, &cb, s->scribble);
	if (a == p)
		tx = async_gen_syndrome(s->blocks, NULL, s->disks, PAGE_SIZE,
					&submit);
	else if (b == q)
		tx = rt_data_q(s, a, &cb);
	else if (b == p)
		tx = async_raid6_datap_recov(s->disks, PAGE_SIZE, a, s->blocks,
					     NULL, &submit);
	else	/* either order is accepted */
		tx = async_raid6_2data_recov(s->disks, PAGE_SIZE, (a + b) & 1 ? b : a,
					     (a + b) & 1 ? a : b, s->blocks, NULL,
					     &submit);
	at_finish(test, &cb, tx);
	rt_expect_intact(test, s, a, b);
}

static void rt_every_pair(struct kunit *test, struct rt_stripe *s)
{
	int a, b;

	for (a = 0; a < s->disks - 1; a++)
		for (b = a + 1; b < s->disks; b++)
			if (s->blocks[a] && s->blocks[b])
				rt_lose_and_rebuild(test, s, a, b);
}

/* Every pair of lost blocks of 4, 5, 7 and 11 disk stripes. */
static void recov_every_pair(struct kunit *test)
{
	static const int sizes[] = { 4, 5, 7, 11 };
	struct at_env *env = at_env_from_param(test);
	int i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++)
		rt_every_pair(test, rt_stripe_new(test, sizes[i], 0));
	if (env->offload) {
		KUNIT_EXPECT_EQ(test, atp_bad_preps(env->atp), 0U);
		KUNIT_EXPECT_GT(test, atp_runs(env->atp, DMA_PQ), 0U);
	}
}

/* Stripes with zero (NULL) data blocks, down to a lone survivor or none. */
static void recov_with_zero_blocks(struct kunit *test)
{
	struct at_env *env = at_env_from_param(test);

	rt_every_pair(test, rt_stripe_new(test, 8, BIT(2) | BIT(5)));
	rt_every_pair(test, rt_stripe_new(test, 6, BIT(0) | BIT(1) | BIT(2)));
	rt_every_pair(test, rt_stripe_new(test, 4, BIT(1)));
	if (env->offload)
		KUNIT_EXPECT_EQ(test, atp_bad_preps(env->atp), 0U);
}

/* raid6test's pattern: recover, then check P and Q depending on it. */
static void recov_then_validate(struct kunit *test)
{
	struct rt_stripe *s;
	struct page *spare = at_page(test, 0);
	struct dma_async_tx_descriptor *tx;
	struct async_submit_ctl submit;
	enum sum_check_flags res = ~0;
	struct at_cb cb;

	at_env_from_param(test);
	s = rt_stripe_new(test, 6, 0);
	memset(at_va(s->blocks[1]), 0, PAGE_SIZE);
	memset(at_va(s->blocks[3]), 0, PAGE_SIZE);
	init_async_submit(&submit, 0, NULL, NULL, NULL, s->scribble);
	tx = async_raid6_2data_recov(6, PAGE_SIZE, 1, 3, s->blocks, NULL, &submit);
	at_cb_init(&cb);
	init_async_submit(&submit, ASYNC_TX_ACK, tx, at_cb_fn, &cb, s->scribble);
	tx = async_syndrome_val(s->blocks, NULL, 6, PAGE_SIZE, &res, spare, 0,
				&submit);
	at_finish(test, &cb, tx);
	KUNIT_EXPECT_EQ(test, (int)res, 0);
	rt_expect_intact(test, s, 1, 3);
}

/* The provider stops giving descriptors during the chain: still right. */
static void recov_chain_falls_back_midway(struct kunit *test)
{
	struct at_env *env = at_env_offload(test, NULL);
	struct rt_stripe *s = rt_stripe_new(test, 9, 0);
	int skip;

	for (skip = 1; skip < 6; skip += 2) {
		atp_fail_preps(env->atp, skip, -1);
		rt_lose_and_rebuild(test, s, 2, 5);
		atp_fail_preps(env->atp, skip, -1);
		rt_lose_and_rebuild(test, s, 4, s->disks - 2);
	}
	atp_fail_preps(env->atp, 0, 0);
	KUNIT_EXPECT_GT(test, atp_failed_preps(env->atp), 0U);
	KUNIT_EXPECT_EQ(test, atp_bad_preps(env->atp), 0U);
}

/* Without scribble space the CPU rebuilds too (it may use the array). */
static void recov_without_scribble(struct kunit *test)
{
	struct rt_stripe *s;
	struct async_submit_ctl submit;
	struct dma_async_tx_descriptor *tx;
	struct page *arr[7];
	struct at_cb cb;
	int i;

	at_env_from_param(test);
	s = rt_stripe_new(test, 7, 0);
	for (i = 0; i < 7; i++)
		arr[i] = s->blocks[i];
	memset(at_va(s->blocks[0]), 0, PAGE_SIZE);
	memset(at_va(s->blocks[4]), 0, PAGE_SIZE);
	at_cb_init(&cb);
	init_async_submit(&submit, 0, NULL, at_cb_fn, &cb, NULL);
	tx = async_raid6_2data_recov(7, PAGE_SIZE, 4, 0, arr, NULL, &submit);
	at_finish(test, &cb, tx);
	rt_expect_intact(test, s, 0, 4);

	for (i = 0; i < 7; i++)
		arr[i] = s->blocks[i];
	memset(at_va(s->blocks[2]), 0, PAGE_SIZE);
	memset(at_va(s->blocks[5]), 0, PAGE_SIZE);
	at_cb_init(&cb);
	init_async_submit(&submit, 0, NULL, at_cb_fn, &cb, NULL);
	tx = async_raid6_datap_recov(7, PAGE_SIZE, 2, arr, NULL, &submit);
	at_finish(test, &cb, tx);
	rt_expect_intact(test, s, 2, 5);
}

/* Impossible requests warn, write nothing and still call back once. */
static void recov_bad_input_calls_back_once(struct kunit *test)
{
	struct rt_stripe *s;
	struct async_submit_ctl submit;
	struct at_cb cb;

	at_env_cpu(test);
	s = rt_stripe_new(test, 6, 0);
	at_cb_init(&cb);
	init_async_submit(&submit, 0, NULL, at_cb_fn, &cb, s->scribble);
	KUNIT_EXPECT_NULL(test, async_raid6_2data_recov(6, PAGE_SIZE, 2, 2,
							s->blocks, NULL, &submit));
	KUNIT_EXPECT_EQ(test, atomic_read(&cb.calls), 1);

	at_cb_init(&cb);
	init_async_submit(&submit, 0, NULL, at_cb_fn, &cb, s->scribble);
	KUNIT_EXPECT_NULL(test, async_raid6_2data_recov(6, PAGE_SIZE, 1, 4,
							s->blocks, NULL, &submit));
	KUNIT_EXPECT_EQ(test, atomic_read(&cb.calls), 1);

	at_cb_init(&cb);
	init_async_submit(&submit, 0, NULL, at_cb_fn, &cb, s->scribble);
	KUNIT_EXPECT_NULL(test, async_raid6_datap_recov(6, 2 * PAGE_SIZE, 1,
							s->blocks, NULL, &submit));
	KUNIT_EXPECT_EQ(test, atomic_read(&cb.calls), 1);
	rt_expect_intact(test, s, -1, -1);
}

static struct kunit_case async_tx_raid6_recov_cases[] = {
	KUNIT_CASE_PARAM(recov_every_pair, at_mode_gen_params),
	KUNIT_CASE_PARAM(recov_with_zero_blocks, at_mode_gen_params),
	KUNIT_CASE_PARAM(recov_then_validate, at_mode_gen_params),
	KUNIT_CASE(recov_chain_falls_back_midway),
	KUNIT_CASE_PARAM(recov_without_scribble, at_mode_gen_params),
	KUNIT_CASE(recov_bad_input_calls_back_once),
	{}
};

static struct kunit_suite async_tx_raid6_recov_suite = {
	.name = "async_tx_raid6_recov",
	.test_cases = async_tx_raid6_recov_cases,
};

kunit_test_suite(async_tx_raid6_recov_suite);
