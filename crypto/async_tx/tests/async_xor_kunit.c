// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite async_tx_xor: async_xor(), async_xor_offs(), async_xor_val()
 * and async_xor_val_offs() on the CPU and on the test provider (max_xor 4,
 * so longer lists are split), against a byte-wise reference.
 */

#include <kunit/test.h>
#include <linux/async_tx.h>
#include <linux/mm.h>

#include "async_tx_test.h"

#define XT_MAX_SRC	16

/* Descriptors an xor of @n terms needs with 4 sources per descriptor. */
static unsigned int xt_chunks(unsigned int n)
{
	return n <= 4 ? 1 : 1 + DIV_ROUND_UP(n - 4, 3);
}

/* out = (dest ? old dest : 0) ^ every non-NULL source from @first on */
static void xt_ref(u8 *out, const u8 *dest, struct page **srcs,
		   unsigned int *offs, unsigned int off, int first, int cnt,
		   size_t len)
{
	size_t b;
	int i;

	for (b = 0; b < len; b++)
		out[b] = dest ? dest[b] : 0;
	for (i = first; i < cnt; i++) {
		if (!srcs[i])
			continue;
		for (b = 0; b < len; b++)
			out[b] ^= at_va(srcs[i])[(offs ? offs[i] : off) + b];
	}
}

static void xt_pages(struct kunit *test, struct page **pg, int n)
{
	int i;

	for (i = 0; i < n; i++)
		pg[i] = at_page(test, -1);
}

/* ASYNC_TX_XOR_ZERO_DST over 1 .. 16 sources; longer lists are split. */
static void xor_zero_dst_source_counts(struct kunit *test)
{
	static const int counts[] = { 1, 2, 3, 4, 5, 7, 8, 9, 16 };
	struct at_env *env = at_env_from_param(test);
	struct page *srcs[XT_MAX_SRC], *dest = at_page(test, 0);
	u8 *ref = kunit_kmalloc(test, PAGE_SIZE, GFP_KERNEL);
	struct dma_async_tx_descriptor *tx;
	struct async_submit_ctl submit;
	addr_conv_t scribble[XT_MAX_SRC + 2];
	unsigned int runs = 0;
	struct at_cb cb;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, ref);
	xt_pages(test, srcs, XT_MAX_SRC);
	for (i = 0; i < ARRAY_SIZE(counts); i++) {
		memset(at_va(dest), 0xa5, PAGE_SIZE);
		at_cb_init(&cb);
		init_async_submit(&submit, ASYNC_TX_XOR_ZERO_DST, NULL, at_cb_fn,
				  &cb, scribble);
		tx = async_xor(dest, srcs, 0, counts[i], PAGE_SIZE, &submit);
		at_finish(test, &cb, tx);
		xt_ref(ref, NULL, srcs, NULL, 0, 0, counts[i], PAGE_SIZE);
		KUNIT_EXPECT_MEMEQ_MSG(test, at_va(dest), ref, PAGE_SIZE,
				       "%d sources", counts[i]);
		if (env->offload && counts[i] > 1) {
			runs += xt_chunks(counts[i]);
			KUNIT_EXPECT_EQ_MSG(test, atp_runs(env->atp, DMA_XOR), runs,
					    "%d sources", counts[i]);
		}
	}
	if (env->offload) {
		KUNIT_EXPECT_EQ(test, atp_bad_preps(env->atp), 0U);
		KUNIT_EXPECT_EQ(test, atp_max_srcs(env->atp, DMA_XOR), 4U);
	}
}

/* ASYNC_TX_XOR_DROP_DST: the destination is the first source, counted once. */
static void xor_drop_dst(struct kunit *test)
{
	struct at_env *env = at_env_from_param(test);
	struct page *srcs[9];
	u8 *ref = kunit_kmalloc(test, PAGE_SIZE, GFP_KERNEL);
	struct dma_async_tx_descriptor *tx;
	struct async_submit_ctl submit;
	addr_conv_t scribble[11];
	struct at_cb cb;

	KUNIT_ASSERT_NOT_NULL(test, ref);
	xt_pages(test, srcs, 9);
	xt_ref(ref, at_va(srcs[0]), srcs, NULL, 0, 1, 9, PAGE_SIZE);
	at_cb_init(&cb);
	init_async_submit(&submit, ASYNC_TX_XOR_DROP_DST | ASYNC_TX_FENCE, NULL,
			  at_cb_fn, &cb, scribble);
	tx = async_xor(srcs[0], srcs, 0, 9, PAGE_SIZE, &submit);
	KUNIT_EXPECT_EQ(test, !!tx, env->offload);
	at_finish(test, &cb, tx);
	KUNIT_EXPECT_MEMEQ(test, at_va(srcs[0]), ref, PAGE_SIZE);
	if (env->offload)
		KUNIT_EXPECT_EQ(test, atp_bad_preps(env->atp), 0U);
}

/* Without ZERO_DST or DROP_DST the old destination is one more term. */
static void xor_destination_is_a_term(struct kunit *test)
{
	struct at_env *env = at_env_from_param(test);
	struct page *srcs[6], *dest = at_page(test, -1);
	u8 *ref = kunit_kmalloc(test, PAGE_SIZE, GFP_KERNEL);
	struct dma_async_tx_descriptor *tx;
	struct async_submit_ctl submit;
	struct at_cb cb;

	KUNIT_ASSERT_NOT_NULL(test, ref);
	xt_pages(test, srcs, 6);
	xt_ref(ref, at_va(dest), srcs, NULL, 0, 0, 6, PAGE_SIZE);
	at_cb_init(&cb);
	init_async_submit(&submit, 0, NULL, at_cb_fn, &cb, NULL);
	tx = async_xor(dest, srcs, 0, 6, PAGE_SIZE, &submit);
	at_finish(test, &cb, tx);
	KUNIT_EXPECT_MEMEQ(test, at_va(dest), ref, PAGE_SIZE);
	if (env->offload) {
		/* dest + 6 sources: 4, then dest + 3 */
		KUNIT_EXPECT_EQ(test, atp_runs(env->atp, DMA_XOR), 2U);
		KUNIT_EXPECT_EQ(test, atp_bad_preps(env->atp), 0U);
	}
}

/* NULL entries of the source list are skipped. */
static void xor_skips_null_sources(struct kunit *test)
{
	struct at_env *env = at_env_from_param(test);
	struct page *srcs[7], *dest = at_page(test, 0);
	u8 *ref = kunit_kmalloc(test, PAGE_SIZE, GFP_KERNEL);
	struct dma_async_tx_descriptor *tx;
	struct async_submit_ctl submit;
	struct at_cb cb;

	KUNIT_ASSERT_NOT_NULL(test, ref);
	xt_pages(test, srcs, 7);
	srcs[1] = NULL;
	srcs[4] = NULL;
	xt_ref(ref, NULL, srcs, NULL, 0, 0, 7, PAGE_SIZE);
	at_cb_init(&cb);
	init_async_submit(&submit, ASYNC_TX_XOR_ZERO_DST, NULL, at_cb_fn, &cb,
			  NULL);
	tx = async_xor(dest, srcs, 0, 7, PAGE_SIZE, &submit);
	at_finish(test, &cb, tx);
	KUNIT_EXPECT_MEMEQ(test, at_va(dest), ref, PAGE_SIZE);
	KUNIT_EXPECT_NULL(test, srcs[1]);
	if (env->offload)
		KUNIT_EXPECT_EQ(test, atp_max_srcs(env->atp, DMA_XOR), 4U);
}

/* async_xor_offs(): every source at its own offset, odd lengths too. */
static void xor_offs_per_source(struct kunit *test)
{
	static const size_t lens[] = { 512, 100, 1536 };
	struct at_env *env = at_env_from_param(test);
	struct page *srcs[5], *dest = at_page(test, 0);
	unsigned int offs[5] = { 0, 512, 1024, 2048, 2560 };
	u8 *ref = kunit_kmalloc(test, PAGE_SIZE, GFP_KERNEL);
	struct dma_async_tx_descriptor *tx;
	struct async_submit_ctl submit;
	struct at_cb cb;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, ref);
	xt_pages(test, srcs, 5);
	for (i = 0; i < ARRAY_SIZE(lens); i++) {
		memset(at_va(dest), 0x3c, PAGE_SIZE);
		xt_ref(ref, NULL, srcs, offs, 0, 0, 5, lens[i]);
		at_cb_init(&cb);
		init_async_submit(&submit, ASYNC_TX_XOR_ZERO_DST, NULL, at_cb_fn,
				  &cb, NULL);
		tx = async_xor_offs(dest, 1024, srcs, offs, 5, lens[i], &submit);
		at_finish(test, &cb, tx);
		KUNIT_EXPECT_MEMEQ_MSG(test, at_va(dest) + 1024, ref, lens[i],
				       "len %zu", lens[i]);
		KUNIT_EXPECT_EQ(test, at_va(dest)[1023], 0x3c);
		KUNIT_EXPECT_EQ(test, at_va(dest)[1024 + lens[i]], 0x3c);
	}
	if (env->offload)
		KUNIT_EXPECT_EQ(test, atp_bad_preps(env->atp), 0U);
}

/* The channel stops giving descriptors half way: the CPU adds the rest. */
static void xor_split_finished_on_cpu(struct kunit *test)
{
	struct at_env *env = at_env_offload(test, NULL);
	struct page *srcs[10], *dest = at_page(test, 0);
	u8 *ref = kunit_kmalloc(test, PAGE_SIZE, GFP_KERNEL);
	struct dma_async_tx_descriptor *tx;
	struct async_submit_ctl submit;
	struct at_cb cb;

	KUNIT_ASSERT_NOT_NULL(test, ref);
	xt_pages(test, srcs, 10);
	xt_ref(ref, NULL, srcs, NULL, 0, 0, 10, PAGE_SIZE);
	atp_fail_preps(env->atp, 1, -1);
	at_cb_init(&cb);
	init_async_submit(&submit, ASYNC_TX_XOR_ZERO_DST, NULL, at_cb_fn, &cb,
			  NULL);
	tx = async_xor(dest, srcs, 0, 10, PAGE_SIZE, &submit);
	KUNIT_EXPECT_NULL(test, tx);
	KUNIT_EXPECT_EQ(test, atomic_read(&cb.calls), 1);
	KUNIT_EXPECT_EQ(test, atp_runs(env->atp, DMA_XOR), 1U);
	KUNIT_EXPECT_MEMEQ(test, at_va(dest), ref, PAGE_SIZE);
}

/* async_xor_val(): zero sum, then one flipped bit; one callback each. */
static void xor_val_reports_mismatch(struct kunit *test)
{
	struct at_env *env = at_env_from_param(test);
	struct page *list[4];
	enum sum_check_flags res;
	struct dma_async_tx_descriptor *tx;
	struct async_submit_ctl submit;
	addr_conv_t scribble[6];
	struct at_cb cb;
	int flip;

	xt_pages(test, list, 4);
	for (flip = 0; flip < 2; flip++) {
		xt_ref(at_va(list[0]), NULL, list, NULL, 0, 1, 4, PAGE_SIZE);
		if (flip)
			at_va(list[0])[777] ^= 0x10;
		res = flip ? 0 : ~0;
		at_cb_init(&cb);
		init_async_submit(&submit, 0, NULL, at_cb_fn, &cb, scribble);
		tx = async_xor_val(list[0], list, 0, 4, PAGE_SIZE, &res, &submit);
		KUNIT_EXPECT_EQ(test, !!tx, env->offload);
		at_finish(test, &cb, tx);
		KUNIT_EXPECT_EQ(test, (int)res, flip ? (int)SUM_CHECK_P_RESULT : 0);
	}
	if (env->offload)
		KUNIT_EXPECT_EQ(test, atp_runs(env->atp, DMA_XOR_VAL), 2U);
}

/* async_xor_val_offs() at offsets, with more sources than max_xor. */
static void xor_val_offs_long_list(struct kunit *test)
{
	struct at_env *env = at_env_from_param(test);
	unsigned int offs[7] = { 256, 0, 512, 768, 1024, 1280, 1536 };
	struct page *list[7];
	enum sum_check_flags res;
	struct dma_async_tx_descriptor *tx;
	struct async_submit_ctl submit;
	addr_conv_t scribble[9];
	struct at_cb cb;
	int flip;

	xt_pages(test, list, 7);
	for (flip = 0; flip < 2; flip++) {
		xt_ref(at_va(list[0]) + 256, NULL, list, offs, 0, 1, 7, 512);
		if (flip)
			at_va(list[0])[256 + 511] ^= 1;
		res = flip ? 0 : ~0;
		at_cb_init(&cb);
		init_async_submit(&submit, 0, NULL, at_cb_fn, &cb, scribble);
		tx = async_xor_val_offs(list[0], 256, list, offs, 7, 512, &res,
					&submit);
		/* 7 terms exceed max_xor: checked through xor descriptors */
		KUNIT_EXPECT_NULL(test, tx);
		at_finish(test, &cb, tx);
		KUNIT_EXPECT_EQ(test, (int)res, flip ? (int)SUM_CHECK_P_RESULT : 0);
	}
	if (env->offload) {
		KUNIT_EXPECT_EQ(test, atp_runs(env->atp, DMA_XOR_VAL), 0U);
		KUNIT_EXPECT_EQ(test, atp_runs(env->atp, DMA_XOR), 4U);
		KUNIT_EXPECT_EQ(test, atp_bad_preps(env->atp), 0U);
	}
}

/* Bad arguments warn, write nothing and still call back once. */
static void xor_bad_input_calls_back_once(struct kunit *test)
{
	struct page *dest = at_page(test, 0x77), *srcs[2];
	enum sum_check_flags res = 0;
	struct async_submit_ctl submit;
	struct at_cb cb;

	at_env_cpu(test);
	xt_pages(test, srcs, 2);
	at_cb_init(&cb);
	init_async_submit(&submit, 0, NULL, at_cb_fn, &cb, NULL);
	KUNIT_EXPECT_NULL(test, async_xor(dest, srcs, 0, 0, PAGE_SIZE, &submit));
	KUNIT_EXPECT_EQ(test, atomic_read(&cb.calls), 1);
	KUNIT_EXPECT_NULL(test, memchr_inv(at_va(dest), 0x77, PAGE_SIZE));

	at_cb_init(&cb);
	init_async_submit(&submit, 0, NULL, at_cb_fn, &cb, NULL);
	KUNIT_EXPECT_NULL(test, async_xor_val(dest, NULL, 0, 2, PAGE_SIZE, &res,
					      &submit));
	KUNIT_EXPECT_EQ(test, atomic_read(&cb.calls), 1);
	KUNIT_EXPECT_EQ(test, (int)res, (int)SUM_CHECK_P_RESULT);
}

static struct kunit_case async_tx_xor_cases[] = {
	KUNIT_CASE_PARAM(xor_zero_dst_source_counts, at_mode_gen_params),
	KUNIT_CASE_PARAM(xor_drop_dst, at_mode_gen_params),
	KUNIT_CASE_PARAM(xor_destination_is_a_term, at_mode_gen_params),
	KUNIT_CASE_PARAM(xor_skips_null_sources, at_mode_gen_params),
	KUNIT_CASE_PARAM(xor_offs_per_source, at_mode_gen_params),
	KUNIT_CASE(xor_split_finished_on_cpu),
	KUNIT_CASE_PARAM(xor_val_reports_mismatch, at_mode_gen_params),
	KUNIT_CASE_PARAM(xor_val_offs_long_list, at_mode_gen_params),
	KUNIT_CASE(xor_bad_input_calls_back_once),
	{}
};

static struct kunit_suite async_tx_xor_suite = {
	.name = "async_tx_xor",
	.test_cases = async_tx_xor_cases,
};

kunit_test_suite(async_tx_xor_suite);
