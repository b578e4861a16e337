// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite async_tx_core: channel choice, dependencies (on one channel
 * and across channels), async_trigger_callback(), waiting, error and
 * fallback paths, async_memcpy(), and md's RAID-5 call pattern.
 */

#include <kunit/static_stub.h>
#include <kunit/test.h>
#include <linux/async_tx.h>
#include <linux/dma-mapping.h>
#include <linux/dmaengine.h>
#include <linux/mm.h>

#include "async_tx_test.h"

static void at_put_engine(void *unused)
{
	dmaengine_put();
}

/* The dependency's channel is kept when it can do the next operation. */
static void core_find_channel_follows_dependency(struct kunit *test)
{
	struct at_env *env = at_env_offload(test, NULL);
	struct page *a = at_page(test, -1), *b = at_page(test, 0);
	struct dma_async_tx_descriptor *tx;
	struct async_submit_ctl submit;

	init_async_submit(&submit, 0, NULL, NULL, NULL, NULL);
	tx = async_memcpy(b, a, 0, 0, PAGE_SIZE, &submit);
	KUNIT_ASSERT_TRUE(test, atp_owns(env->atp, tx));

	/* the real lookup, not the test's replacement */
	kunit_deactivate_static_stub(test, __async_tx_find_channel);
	init_async_submit(&submit, 0, tx, NULL, NULL, NULL);
	KUNIT_EXPECT_PTR_EQ(test, __async_tx_find_channel(&submit, DMA_XOR),
			    atp_chan(env->atp));
	KUNIT_EXPECT_PTR_EQ(test, __async_tx_find_channel(&submit, DMA_PQ_VAL),
			    atp_chan(env->atp));
	/* a capability the device lacks goes to the per-CPU table */
	KUNIT_EXPECT_PTR_EQ(test, __async_tx_find_channel(&submit, DMA_MEMSET),
			    async_dma_find_channel(DMA_MEMSET));

	KUNIT_EXPECT_EQ(test, async_tx_quiesce_status(&tx), 0);
	KUNIT_EXPECT_MEMEQ(test, at_va(b), at_va(a), PAGE_SIZE);
}

/* Without a dependency the core's per-CPU table picks the channel. */
static void core_table_lookup_reaches_provider(struct kunit *test)
{
	struct page *a = at_page(test, -1), *b = at_page(test, 0);
	struct dma_async_tx_descriptor *tx;
	struct async_submit_ctl submit;
	struct dma_chan *found;
	struct atp *atp;

	if (!IS_ENABLED(CONFIG_ASYNC_TX_DMA))
		kunit_skip(test, "CONFIG_ASYNC_TX_DMA is off: async_tx never offloads");
	dmaengine_get();
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, at_put_engine, NULL), 0);
	atp = atp_create_default(test, "atp-table");

	found = async_dma_find_channel(DMA_MEMCPY);
	if (found != atp_chan(atp))
		kunit_skip(test, "the per-CPU table gives %s, another provider's channel",
			   found ? dma_chan_name(found) : "no channel");

	init_async_submit(&submit, 0, NULL, NULL, NULL, NULL);
	tx = async_memcpy(b, a, 0, 0, PAGE_SIZE, &submit);
	KUNIT_EXPECT_TRUE(test, atp_owns(atp, tx));
	KUNIT_EXPECT_EQ(test, async_tx_quiesce_status(&tx), 0);
	KUNIT_EXPECT_MEMEQ(test, at_va(b), at_va(a), PAGE_SIZE);
}

/* async_memcpy() copies exactly the range and calls back once. */
static void core_memcpy_copies_range(struct kunit *test)
{
	struct at_env *env = at_env_from_param(test);
	struct page *src = at_page(test, -1), *dst = at_page(test, 0xee);
	struct dma_async_tx_descriptor *tx;
	struct async_submit_ctl submit;
	struct at_cb cb;

	at_cb_init(&cb);
	init_async_submit(&submit, 0, NULL, at_cb_fn, &cb, NULL);
	tx = async_memcpy(dst, src, 64, 128, 1000, &submit);
	KUNIT_EXPECT_EQ(test, !!tx, env->offload);
	at_finish(test, &cb, tx);

	KUNIT_EXPECT_MEMEQ(test, at_va(dst) + 64, at_va(src) + 128, 1000);
	KUNIT_EXPECT_EQ(test, at_va(dst)[63], 0xee);
	KUNIT_EXPECT_EQ(test, at_va(dst)[1064], 0xee);
	if (env->offload)
		KUNIT_EXPECT_EQ(test, atp_runs(env->atp, DMA_MEMCPY), 1U);
}

/* Offsets the channel cannot take make async_memcpy() use the CPU. */
static void core_memcpy_misaligned_uses_cpu(struct kunit *test)
{
	static const struct atp_options opt = {
		.caps = ATP_ALL_CAPS, .max_xor = 4, .max_pq = 4,
		.align = DMAENGINE_ALIGN_8_BYTES,
	};
	struct at_env *env = at_env_offload(test, atp_create(test, "atp-align", &opt));
	struct page *src = at_page(test, -1), *dst = at_page(test, 0);
	struct dma_async_tx_descriptor *tx;
	struct async_submit_ctl submit;
	struct at_cb cb;

	at_cb_init(&cb);
	init_async_submit(&submit, 0, NULL, at_cb_fn, &cb, NULL);
	tx = async_memcpy(dst, src, 3, 0, 256, &submit);
	KUNIT_EXPECT_NULL(test, tx);
	KUNIT_EXPECT_EQ(test, atomic_read(&cb.calls), 1);
	KUNIT_EXPECT_MEMEQ(test, at_va(dst) + 3, at_va(src), 256);
	KUNIT_EXPECT_EQ(test, atp_preps(env->atp, DMA_MEMCPY), 0U);

	/* an aligned copy still goes to the channel */
	at_cb_init(&cb);
	init_async_submit(&submit, 0, NULL, at_cb_fn, &cb, NULL);
	tx = async_memcpy(dst, src, 8, 16, 256, &submit);
	KUNIT_EXPECT_TRUE(test, atp_owns(env->atp, tx));
	at_finish(test, &cb, tx);
	KUNIT_EXPECT_MEMEQ(test, at_va(dst) + 8, at_va(src) + 16, 256);
}

/* A fenced chain on one channel runs in order. */
static void core_chain_on_one_channel(struct kunit *test)
{
	struct at_env *env = at_env_from_param(test);
	struct page *pg[4];
	struct dma_async_tx_descriptor *tx;
	struct async_submit_ctl submit;
	struct at_cb cb;
	int i;

	pg[0] = at_page(test, -1);
	for (i = 1; i < 4; i++)
		pg[i] = at_page(test, i);

	at_cb_init(&cb);
	tx = NULL;
	for (i = 0; i < 3; i++) {
		init_async_submit(&submit, ASYNC_TX_FENCE, tx,
				  i == 2 ? at_cb_fn : NULL, &cb, NULL);
		tx = async_memcpy(pg[i + 1], pg[i], 0, 0, PAGE_SIZE, &submit);
		if (env->offload)
			KUNIT_EXPECT_TRUE(test, atp_owns(env->atp, tx));
	}
	at_finish(test, &cb, tx);
	KUNIT_EXPECT_MEMEQ(test, at_va(pg[3]), at_va(pg[0]), PAGE_SIZE);
	if (env->offload)
		KUNIT_EXPECT_EQ(test, atp_runs(env->atp, DMA_MEMCPY), 3U);
}

/* Prepare a memcpy by hand on @atp; the mappings go when the test ends. */
static struct dma_async_tx_descriptor *
at_manual_memcpy(struct kunit *test, struct atp *atp, struct page *dst,
		 struct page *src)
{
	struct dma_chan *chan = atp_chan(atp);
	struct dmaengine_unmap_data *unmap;
	struct dma_async_tx_descriptor *tx;
	struct device *dev = chan->device->dev;

	unmap = dmaengine_get_unmap_data(dev, 2, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, unmap);
	unmap->len = PAGE_SIZE;
	unmap->addr[0] = dma_map_page(dev, src, 0, PAGE_SIZE, DMA_TO_DEVICE);
	KUNIT_ASSERT_FALSE(test, dma_mapping_error(dev, unmap->addr[0]));
	unmap->to_cnt = 1;
	unmap->addr[1] = dma_map_page(dev, dst, 0, PAGE_SIZE, DMA_FROM_DEVICE);
	KUNIT_ASSERT_FALSE(test, dma_mapping_error(dev, unmap->addr[1]));
	unmap->from_cnt = 1;
	tx = dmaengine_prep_dma_memcpy(chan, unmap->addr[1], unmap->addr[0],
				       PAGE_SIZE, DMA_PREP_INTERRUPT);
	KUNIT_ASSERT_NOT_NULL(test, tx);
	dma_set_unmap(tx, unmap);
	dmaengine_unmap_put(unmap);
	return tx;
}

/*
 * A descriptor depending on one of another channel starts only after it:
 * bridged by an interrupt descriptor with channel switching, waited for
 * by the submitter without.
 */
static void core_dependency_on_other_channel(struct kunit *test)
{
	struct atp *x = atp_create_default(test, "atp-x");
	struct atp *y = atp_create_default(test, "atp-y");
	struct page *a = at_page(test, -1), *b = at_page(test, 0);
	struct page *c = at_page(test, 0);
	struct dma_async_tx_descriptor *first, *second;
	struct async_submit_ctl submit;
	dma_cookie_t cookie;
	struct at_cb cb;

	at_env_offload(test, x);
	if (IS_ENABLED(CONFIG_ASYNC_TX_ENABLE_CHANNEL_SWITCH))
		atp_hold(x, true);
	init_async_submit(&submit, 0, NULL, NULL, NULL, NULL);
	first = async_memcpy(b, a, 0, 0, PAGE_SIZE, &submit);
	KUNIT_ASSERT_TRUE(test, atp_owns(x, first));
	cookie = first->cookie;

	second = at_manual_memcpy(test, y, c, b);
	at_cb_init(&cb);
	init_async_submit(&submit, 0, first, at_cb_fn, &cb, NULL);
	async_tx_submit(atp_chan(y), second, &submit);

	if (IS_ENABLED(CONFIG_ASYNC_TX_ENABLE_CHANNEL_SWITCH)) {
		/* parked behind an interrupt descriptor on x */
		KUNIT_EXPECT_EQ(test, second->cookie, -EBUSY);
		KUNIT_EXPECT_EQ(test, atp_preps(x, DMA_INTERRUPT), 1U);
		KUNIT_EXPECT_EQ(test, atp_runs(y, DMA_MEMCPY), 0U);
		atp_hold(x, false);
	} else {
		/* the submitter waited for the first copy */
		KUNIT_EXPECT_EQ(test, dma_async_is_tx_complete(atp_chan(x), cookie,
							       NULL, NULL),
				DMA_COMPLETE);
		async_tx_issue_pending(second);
	}
	at_finish(test, &cb, second);
	KUNIT_EXPECT_MEMEQ(test, at_va(c), at_va(a), PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, atp_runs(x, DMA_MEMCPY), 1U);
	KUNIT_EXPECT_EQ(test, atp_runs(y, DMA_MEMCPY), 1U);
}

/* The callback of async_trigger_callback() runs once, after its dependency. */
static void core_trigger_callback_after_dependency(struct kunit *test)
{
	struct at_env *env = at_env_from_param(test);
	struct page *a = at_page(test, -1), *b = at_page(test, 0);
	struct dma_async_tx_descriptor *tx;
	struct async_submit_ctl submit;
	struct at_cb cb;

	init_async_submit(&submit, ASYNC_TX_FENCE, NULL, NULL, NULL, NULL);
	tx = async_memcpy(b, a, 0, 0, PAGE_SIZE, &submit);
	at_cb_init(&cb);
	init_async_submit(&submit, ASYNC_TX_ACK, tx, at_cb_fn, &cb, NULL);
	tx = async_trigger_callback(&submit);
	if (env->offload) {
		KUNIT_ASSERT_TRUE(test, atp_owns(env->atp, tx));
		KUNIT_EXPECT_TRUE(test, async_tx_test_ack(tx));
		KUNIT_EXPECT_EQ(test, atp_preps(env->atp, DMA_INTERRUPT), 1U);
	} else {
		KUNIT_EXPECT_NULL(test, tx);
		KUNIT_EXPECT_EQ(test, atomic_read(&cb.calls), 1);
	}
	at_finish(test, &cb, tx);
	KUNIT_EXPECT_MEMEQ(test, at_va(b), at_va(a), PAGE_SIZE);
}

/* Without DMA_INTERRUPT the dependency is waited for and the callback runs. */
static void core_trigger_callback_without_interrupt_cap(struct kunit *test)
{
	static const struct atp_options opt = {
		.caps = ATP_ALL_CAPS & ~BIT(DMA_INTERRUPT),
		.max_xor = 4, .max_pq = 4,
	};
	struct at_env *env = at_env_offload(test, atp_create(test, "atp-noint", &opt));
	struct page *a = at_page(test, -1), *b = at_page(test, 0);
	struct dma_async_tx_descriptor *tx;
	struct async_submit_ctl submit;
	struct at_cb cb;

	init_async_submit(&submit, 0, NULL, NULL, NULL, NULL);
	tx = async_memcpy(b, a, 0, 0, PAGE_SIZE, &submit);
	KUNIT_ASSERT_TRUE(test, atp_owns(env->atp, tx));
	at_cb_init(&cb);
	init_async_submit(&submit, ASYNC_TX_ACK, tx, at_cb_fn, &cb, NULL);
	KUNIT_EXPECT_NULL(test, async_trigger_callback(&submit));
	KUNIT_EXPECT_EQ(test, atomic_read(&cb.calls), 1);
	KUNIT_EXPECT_MEMEQ(test, at_va(b), at_va(a), PAGE_SIZE);
}

/* md's PPL pattern: ASYNC_TX_ACK, then async_tx_quiesce() on the result. */
static void core_quiesce_acked_descriptor(struct kunit *test)
{
	struct at_env *env = at_env_from_param(test);
	struct page *srcs[3], *ref = at_page(test, 0);
	struct dma_async_tx_descriptor *tx;
	struct async_submit_ctl submit;
	addr_conv_t scribble[4];
	int i;

	for (i = 0; i < 3; i++)
		srcs[i] = at_page(test, -1);
	for (i = 0; i < PAGE_SIZE; i++)
		at_va(ref)[i] = at_va(srcs[0])[i] ^ at_va(srcs[1])[i] ^ at_va(srcs[2])[i];

	init_async_submit(&submit, ASYNC_TX_ACK | ASYNC_TX_XOR_DROP_DST, NULL,
			  NULL, NULL, scribble);
	tx = async_xor(srcs[0], srcs, 0, 3, PAGE_SIZE, &submit);
	KUNIT_EXPECT_EQ(test, !!tx, env->offload);
	if (tx)
		KUNIT_EXPECT_TRUE(test, async_tx_test_ack(tx));
	async_tx_quiesce(&tx);
	KUNIT_EXPECT_NULL(test, tx);
	KUNIT_EXPECT_MEMEQ(test, at_va(srcs[0]), at_va(ref), PAGE_SIZE);
}

/* A descriptor the provider fails is reported by async_tx_quiesce_status(). */
static void core_dma_error_reaches_submitter(struct kunit *test)
{
	struct at_env *env = at_env_offload(test, NULL);
	struct page *a = at_page(test, -1), *b = at_page(test, 0);
	struct dma_async_tx_descriptor *tx, *again;
	struct async_submit_ctl submit;
	struct at_cb cb;

	atp_fail_completions(env->atp, 0, 1);
	at_cb_init(&cb);
	init_async_submit(&submit, 0, NULL, at_cb_fn, &cb, NULL);
	tx = async_memcpy(b, a, 0, 0, PAGE_SIZE, &submit);
	KUNIT_ASSERT_TRUE(test, atp_owns(env->atp, tx));
	async_tx_issue_pending(tx);
	KUNIT_ASSERT_GT(test, wait_for_completion_timeout(&cb.done, 5 * HZ), 0UL);
	KUNIT_EXPECT_EQ(test, async_tx_quiesce_status(&tx), -EIO);
	KUNIT_EXPECT_NULL(test, tx);
	KUNIT_EXPECT_EQ(test, atomic_read(&cb.calls), 1);

	/* the channel keeps working, and async_tx_quiesce() just logs */
	init_async_submit(&submit, 0, NULL, NULL, NULL, NULL);
	again = async_memcpy(b, a, 0, 0, PAGE_SIZE, &submit);
	KUNIT_EXPECT_TRUE(test, atp_owns(env->atp, again));
	async_tx_quiesce(&again);
	KUNIT_EXPECT_MEMEQ(test, at_va(b), at_va(a), PAGE_SIZE);
}

/* A failed dependency does not stop a CPU follower; it is logged. */
static void core_failed_dependency_then_cpu(struct kunit *test)
{
	static const struct atp_options opt = {
		.caps = ATP_ALL_CAPS, .max_xor = 4, .max_pq = 4,
		.align = DMAENGINE_ALIGN_8_BYTES,
	};
	struct at_env *env = at_env_offload(test, atp_create(test, "atp-fail", &opt));
	struct page *a = at_page(test, -1), *b = at_page(test, 0);
	struct page *c = at_page(test, 0);
	struct dma_async_tx_descriptor *tx;
	struct async_submit_ctl submit;
	struct at_cb cb;

	atp_fail_completions(env->atp, 0, 1);
	init_async_submit(&submit, ASYNC_TX_FENCE, NULL, NULL, NULL, NULL);
	tx = async_memcpy(b, a, 0, 0, PAGE_SIZE, &submit);
	KUNIT_ASSERT_TRUE(test, atp_owns(env->atp, tx));

	/* misaligned: done on the CPU after waiting for the failed copy */
	at_cb_init(&cb);
	init_async_submit(&submit, 0, tx, at_cb_fn, &cb, NULL);
	KUNIT_EXPECT_NULL(test, async_memcpy(c, a, 1, 1, 512, &submit));
	KUNIT_EXPECT_EQ(test, atomic_read(&cb.calls), 1);
	KUNIT_EXPECT_MEMEQ(test, at_va(c) + 1, at_va(a) + 1, 512);
	/* the failed copy wrote nothing */
	KUNIT_EXPECT_NULL(test, memchr_inv(at_va(b), 0, PAGE_SIZE));
}

/* A prep that keeps failing ends in the CPU path after a few tries. */
static void core_prep_failure_falls_back_to_cpu(struct kunit *test)
{
	struct at_env *env = at_env_offload(test, NULL);
	struct page *a = at_page(test, -1), *b = at_page(test, 0);
	struct dma_async_tx_descriptor *tx;
	struct async_submit_ctl submit;
	struct at_cb cb;

	atp_fail_preps(env->atp, 0, -1);
	at_cb_init(&cb);
	init_async_submit(&submit, 0, NULL, at_cb_fn, &cb, NULL);
	tx = async_memcpy(b, a, 0, 0, PAGE_SIZE, &submit);
	KUNIT_EXPECT_NULL(test, tx);
	KUNIT_EXPECT_EQ(test, atomic_read(&cb.calls), 1);
	KUNIT_EXPECT_MEMEQ(test, at_va(b), at_va(a), PAGE_SIZE);
	KUNIT_EXPECT_GE(test, atp_failed_preps(env->atp), 2U);
	KUNIT_EXPECT_LE(test, atp_failed_preps(env->atp), 16U);
}

/* A prep that fails a few times is retried and the work still offloaded. */
static void core_prep_failure_is_retried(struct kunit *test)
{
	struct at_env *env = at_env_offload(test, NULL);
	struct page *a = at_page(test, -1), *b = at_page(test, 0);
	struct dma_async_tx_descriptor *tx;
	struct async_submit_ctl submit;
	struct at_cb cb;

	atp_fail_preps(env->atp, 0, 2);
	at_cb_init(&cb);
	init_async_submit(&submit, 0, NULL, at_cb_fn, &cb, NULL);
	tx = async_memcpy(b, a, 0, 0, PAGE_SIZE, &submit);
	KUNIT_EXPECT_TRUE(test, atp_owns(env->atp, tx));
	KUNIT_EXPECT_EQ(test, atp_failed_preps(env->atp), 2U);
	at_finish(test, &cb, tx);
	KUNIT_EXPECT_MEMEQ(test, at_va(b), at_va(a), PAGE_SIZE);
}

/* A page the device cannot reach is copied by the CPU. */
static void core_mapping_error_falls_back_to_cpu(struct kunit *test)
{
	struct at_env *env = at_env_offload(test, NULL);
	struct page *a = at_page(test, -1), *b = at_page(test, 0);
	struct device *dev = atp_chan(env->atp)->device->dev;
	struct dma_async_tx_descriptor *tx;
	struct async_submit_ctl submit;
	u64 saved = dev->coherent_dma_mask;
	struct at_cb cb;

	KUNIT_ASSERT_PTR_EQ(test, dev->dma_mask, &dev->coherent_dma_mask);
	if (page_to_phys(a) < SZ_4K || page_to_phys(b) < SZ_4K)
		kunit_skip(test, "pages below the fake limit");
	/* no memory is addressable below 4 KiB: every mapping fails */
	dev->coherent_dma_mask = DMA_BIT_MASK(12);
	at_cb_init(&cb);
	init_async_submit(&submit, 0, NULL, at_cb_fn, &cb, NULL);
	tx = async_memcpy(b, a, 0, 0, PAGE_SIZE, &submit);
	dev->coherent_dma_mask = saved;
	if (tx) {
		async_tx_quiesce(&tx);
		kunit_skip(test, "the platform bounces unreachable pages");
	}
	KUNIT_EXPECT_EQ(test, atomic_read(&cb.calls), 1);
	KUNIT_EXPECT_MEMEQ(test, at_va(b), at_va(a), PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, atp_preps(env->atp, DMA_MEMCPY), 0U);
}

/* A missing page warns, writes nothing and still calls back once. */
static void core_bad_input_calls_back_once(struct kunit *test)
{
	struct page *a = at_page(test, 0x5a);
	struct async_submit_ctl submit;
	struct at_cb cb;

	at_env_cpu(test);
	at_cb_init(&cb);
	init_async_submit(&submit, 0, NULL, at_cb_fn, &cb, NULL);
	KUNIT_EXPECT_NULL(test, async_memcpy(NULL, a, 0, 0, 64, &submit));
	KUNIT_EXPECT_EQ(test, atomic_read(&cb.calls), 1);
	KUNIT_EXPECT_NULL(test, memchr_inv(at_va(a), 0x5a, PAGE_SIZE));
}

/*
 * md's RAID-5 read-modify-write: prexor (ASYNC_TX_XOR_DROP_DST), drain
 * (async_memcpy), reconstruct (ASYNC_TX_ACK and the callback), then a
 * parity check followed by async_trigger_callback().
 */
static void core_md_raid5_rmw_pattern(struct kunit *test)
{
	struct at_env *env = at_env_from_param(test);
	struct page *d[4], *p = at_page(test, 0), *newd = at_page(test, -1);
	struct page *ref = at_page(test, 0), *list[5];
	struct dma_async_tx_descriptor *tx;
	struct async_submit_ctl submit;
	enum sum_check_flags res = ~0;
	addr_conv_t scribble[8];
	struct at_cb cb;
	int i, k;

	for (i = 0; i < 4; i++)
		d[i] = at_page(test, -1);
	/* parity of the old data */
	init_async_submit(&submit, ASYNC_TX_FENCE | ASYNC_TX_XOR_ZERO_DST, NULL,
			  NULL, NULL, scribble);
	tx = async_xor(p, d, 0, 4, PAGE_SIZE, &submit);
	/* prexor: take the old block 1 out of the parity */
	list[0] = p;
	list[1] = d[1];
	init_async_submit(&submit, ASYNC_TX_FENCE | ASYNC_TX_XOR_DROP_DST, tx,
			  NULL, NULL, scribble);
	tx = async_xor(p, list, 0, 2, PAGE_SIZE, &submit);
	/* drain the new data into block 1 */
	init_async_submit(&submit, ASYNC_TX_FENCE, tx, NULL, NULL, scribble);
	tx = async_memcpy(d[1], newd, 0, 0, PAGE_SIZE, &submit);
	/* reconstruct: put the new block 1 into the parity */
	at_cb_init(&cb);
	init_async_submit(&submit, ASYNC_TX_ACK | ASYNC_TX_XOR_DROP_DST, tx,
			  at_cb_fn, &cb, scribble);
	tx = async_xor(p, list, 0, 2, PAGE_SIZE, &submit);
	if (env->offload)
		KUNIT_EXPECT_TRUE(test, atp_owns(env->atp, tx));
	/* raid5d ends its work this way */
	async_tx_issue_pending_all();
	at_finish(test, &cb, tx);

	for (i = 0; i < PAGE_SIZE; i++)
		for (k = 0; k < 4; k++)
			at_va(ref)[i] ^= k == 1 ? at_va(newd)[i] : at_va(d[k])[i];
	KUNIT_EXPECT_MEMEQ(test, at_va(p), at_va(ref), PAGE_SIZE);

	/* check: the parity plus the data xor to zero */
	list[0] = p;
	for (k = 0; k < 4; k++)
		list[k + 1] = d[k];
	init_async_submit(&submit, 0, NULL, NULL, NULL, scribble);
	tx = async_xor_val(p, list, 0, 5, PAGE_SIZE, &res, &submit);
	at_cb_init(&cb);
	init_async_submit(&submit, ASYNC_TX_ACK, tx, at_cb_fn, &cb, scribble);
	tx = async_trigger_callback(&submit);
	at_finish(test, &cb, tx);
	KUNIT_EXPECT_EQ(test, (int)res, 0);
	if (env->offload)
		KUNIT_EXPECT_EQ(test, atp_bad_preps(env->atp), 0U);
}

static struct kunit_case async_tx_core_cases[] = {
	KUNIT_CASE(core_find_channel_follows_dependency),
	KUNIT_CASE(core_table_lookup_reaches_provider),
	KUNIT_CASE_PARAM(core_memcpy_copies_range, at_mode_gen_params),
	KUNIT_CASE(core_memcpy_misaligned_uses_cpu),
	KUNIT_CASE_PARAM(core_chain_on_one_channel, at_mode_gen_params),
	KUNIT_CASE(core_dependency_on_other_channel),
	KUNIT_CASE_PARAM(core_trigger_callback_after_dependency, at_mode_gen_params),
	KUNIT_CASE(core_trigger_callback_without_interrupt_cap),
	KUNIT_CASE_PARAM(core_quiesce_acked_descriptor, at_mode_gen_params),
	KUNIT_CASE(core_dma_error_reaches_submitter),
	KUNIT_CASE(core_failed_dependency_then_cpu),
	KUNIT_CASE(core_prep_failure_falls_back_to_cpu),
	KUNIT_CASE(core_prep_failure_is_retried),
	KUNIT_CASE(core_mapping_error_falls_back_to_cpu),
	KUNIT_CASE(core_bad_input_calls_back_once),
	KUNIT_CASE_PARAM(core_md_raid5_rmw_pattern, at_mode_gen_params),
	{}
};

static struct kunit_suite async_tx_core_suite = {
	.name = "async_tx_core",
	.test_cases = async_tx_core_cases,
};

kunit_test_suite(async_tx_core_suite);
