// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the client transaction API: the dmaengine_prep_*()
 * wrappers, slave configuration and channel control, the polling waits,
 * descriptor reuse, metadata, slave capabilities and unmap data.
 */

#include <kunit/test.h>
#include <linux/dma-map-ops.h>
#include <linux/dma-mapping.h>
#include <linux/dmaengine.h>
#include <linux/gfp.h>
#include <linux/jiffies.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/workqueue.h>

#include "dmaengine.h"
#include "dmaengine_test_provider.h"

/* Capabilities of the controller most cases use. */
#define TX_CAPS		(DTP_ALL_CAPS | BIT(DMA_PRIVATE))

static struct dtp *tx_dtp(struct kunit *test, unsigned long caps)
{
	return dtp_create_registered(test, "tx", 1, caps);
}

/* ---- the prep wrappers ---- */

struct prep_ctx {
	struct scatterlist sg[3];
	struct dma_vec vec[3];
	struct dma_interleaved_template *xt;
};

static struct prep_ctx *prep_ctx_new(struct kunit *test)
{
	struct prep_ctx *ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);
	struct dma_interleaved_template *xt;
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, ctx);
	sg_init_table(ctx->sg, ARRAY_SIZE(ctx->sg));
	for (i = 0; i < ARRAY_SIZE(ctx->sg); i++) {
		sg_dma_address(&ctx->sg[i]) = 0x40000 + i * 0x1000;
		sg_dma_len(&ctx->sg[i]) = 100 * (i + 1);
		ctx->vec[i].addr = 0x50000 + i * 0x1000;
		ctx->vec[i].len = 64 << i;
	}
	xt = kunit_kzalloc(test, struct_size(xt, sgl, 2), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, xt);
	xt->src_start = 0x60000;
	xt->dst_start = 0x70000;
	xt->dir = DMA_MEM_TO_MEM;
	xt->src_inc = true;
	xt->dst_inc = true;
	xt->numf = 4;
	xt->frame_size = 2;
	xt->sgl[0].size = 16;
	xt->sgl[0].icg = 8;
	xt->sgl[1].size = 48;
	ctx->xt = xt;
	return ctx;
}

struct prep_case {
	const char *desc;
	enum dtp_op op;
	struct dma_async_tx_descriptor *(*call)(struct dma_chan *chan,
						struct prep_ctx *ctx);
	void (*check)(struct kunit *test, const struct dtp_prep_args *a,
		      struct prep_ctx *ctx);
	void (*remove)(struct dma_device *dd);
	size_t xfer_len;
};

static struct dma_async_tx_descriptor *call_memcpy(struct dma_chan *chan,
						   struct prep_ctx *ctx)
{
	return dmaengine_prep_dma_memcpy(chan, 0x1000, 0x8000, 4096,
					 DMA_PREP_INTERRUPT | DMA_CTRL_ACK);
}

static void check_memcpy(struct kunit *test, const struct dtp_prep_args *a,
			 struct prep_ctx *ctx)
{
	KUNIT_EXPECT_EQ(test, a->dst, (dma_addr_t)0x1000);
	KUNIT_EXPECT_EQ(test, a->src, (dma_addr_t)0x8000);
	KUNIT_EXPECT_EQ(test, a->len, (size_t)4096);
	KUNIT_EXPECT_EQ(test, a->flags,
			(unsigned long)(DMA_PREP_INTERRUPT | DMA_CTRL_ACK));
}

static void remove_memcpy(struct dma_device *dd)
{
	dd->device_prep_dma_memcpy = NULL;
}

static struct dma_async_tx_descriptor *call_memset(struct dma_chan *chan,
						   struct prep_ctx *ctx)
{
	return dmaengine_prep_dma_memset(chan, 0x3000, 0x1a5, 1000,
					 DMA_PREP_FENCE);
}

static void check_memset(struct kunit *test, const struct dtp_prep_args *a,
			 struct prep_ctx *ctx)
{
	KUNIT_EXPECT_EQ(test, a->dst, (dma_addr_t)0x3000);
	KUNIT_EXPECT_EQ(test, a->value, 0x1a5);
	KUNIT_EXPECT_EQ(test, a->len, (size_t)1000);
	KUNIT_EXPECT_EQ(test, a->flags, (unsigned long)DMA_PREP_FENCE);
}

static void remove_memset(struct dma_device *dd)
{
	dd->device_prep_dma_memset = NULL;
}

static struct dma_async_tx_descriptor *
call_slave_single(struct dma_chan *chan, struct prep_ctx *ctx)
{
	return dmaengine_prep_slave_single(chan, 0x4000, 640, DMA_MEM_TO_DEV,
					   DMA_CTRL_ACK);
}

static void check_slave_single(struct kunit *test,
			       const struct dtp_prep_args *a,
			       struct prep_ctx *ctx)
{
	KUNIT_EXPECT_EQ(test, a->cnt, 1U);
	KUNIT_EXPECT_EQ(test, a->sg0_addr, (dma_addr_t)0x4000);
	KUNIT_EXPECT_EQ(test, a->sg0_len, 640U);
	KUNIT_EXPECT_EQ(test, a->dir, DMA_MEM_TO_DEV);
	KUNIT_EXPECT_EQ(test, a->flags, (unsigned long)DMA_CTRL_ACK);
	KUNIT_EXPECT_NULL(test, a->context);
}

static void remove_slave_sg(struct dma_device *dd)
{
	dd->device_prep_slave_sg = NULL;
}

/* only the first two of the three entries are handed over */
static struct dma_async_tx_descriptor *call_slave_sg(struct dma_chan *chan,
						     struct prep_ctx *ctx)
{
	return dmaengine_prep_slave_sg(chan, ctx->sg, 2, DMA_DEV_TO_MEM,
				       DMA_PREP_INTERRUPT);
}

static void check_slave_sg(struct kunit *test, const struct dtp_prep_args *a,
			   struct prep_ctx *ctx)
{
	KUNIT_EXPECT_PTR_EQ(test, a->sgl, &ctx->sg[0]);
	KUNIT_EXPECT_EQ(test, a->cnt, 2U);
	KUNIT_EXPECT_EQ(test, a->sg0_addr, (dma_addr_t)0x40000);
	KUNIT_EXPECT_EQ(test, a->dir, DMA_DEV_TO_MEM);
	KUNIT_EXPECT_EQ(test, a->flags, (unsigned long)DMA_PREP_INTERRUPT);
	KUNIT_EXPECT_NULL(test, a->context);
}

static struct dma_async_tx_descriptor *call_dma_vec(struct dma_chan *chan,
						    struct prep_ctx *ctx)
{
	return dmaengine_prep_peripheral_dma_vec(chan, ctx->vec, 3,
						 DMA_MEM_TO_DEV,
						 DMA_PREP_INTERRUPT);
}

static void check_dma_vec(struct kunit *test, const struct dtp_prep_args *a,
			  struct prep_ctx *ctx)
{
	KUNIT_EXPECT_PTR_EQ(test, a->vecs, (const struct dma_vec *)&ctx->vec[0]);
	KUNIT_EXPECT_EQ(test, a->cnt, 3U);
	KUNIT_EXPECT_EQ(test, a->dir, DMA_MEM_TO_DEV);
	KUNIT_EXPECT_EQ(test, a->flags, (unsigned long)DMA_PREP_INTERRUPT);
}

static void remove_dma_vec(struct dma_device *dd)
{
	dd->device_prep_peripheral_dma_vec = NULL;
}

static struct dma_async_tx_descriptor *call_cyclic(struct dma_chan *chan,
						   struct prep_ctx *ctx)
{
	return dmaengine_prep_dma_cyclic(chan, 0x9000, 4096, 1024,
					 DMA_DEV_TO_MEM, DMA_PREP_INTERRUPT);
}

static void check_cyclic(struct kunit *test, const struct dtp_prep_args *a,
			 struct prep_ctx *ctx)
{
	KUNIT_EXPECT_EQ(test, a->dst, (dma_addr_t)0x9000);
	KUNIT_EXPECT_EQ(test, a->len, (size_t)4096);
	KUNIT_EXPECT_EQ(test, a->period_len, (size_t)1024);
	KUNIT_EXPECT_EQ(test, a->dir, DMA_DEV_TO_MEM);
	KUNIT_EXPECT_EQ(test, a->flags, (unsigned long)DMA_PREP_INTERRUPT);
}

static void remove_cyclic(struct dma_device *dd)
{
	dd->device_prep_dma_cyclic = NULL;
}

static struct dma_async_tx_descriptor *
call_interleaved(struct dma_chan *chan, struct prep_ctx *ctx)
{
	return dmaengine_prep_interleaved_dma(chan, ctx->xt, DMA_CTRL_ACK);
}

static void check_interleaved(struct kunit *test,
			      const struct dtp_prep_args *a,
			      struct prep_ctx *ctx)
{
	KUNIT_EXPECT_PTR_EQ(test, a->xt, ctx->xt);
	KUNIT_EXPECT_EQ(test, a->flags, (unsigned long)DMA_CTRL_ACK);
	KUNIT_EXPECT_EQ(test, a->dir, DMA_MEM_TO_MEM);
}

static void remove_interleaved(struct dma_device *dd)
{
	dd->device_prep_interleaved_dma = NULL;
}

static const struct prep_case prep_cases[] = {
	{ "memcpy", DTP_PREP_MEMCPY, call_memcpy, check_memcpy,
	  remove_memcpy, 4096 },
	{ "memset", DTP_PREP_MEMSET, call_memset, check_memset,
	  remove_memset, 1000 },
	{ "slave_single", DTP_PREP_SLAVE_SG, call_slave_single,
	  check_slave_single, remove_slave_sg, 640 },
	{ "slave_sg", DTP_PREP_SLAVE_SG, call_slave_sg, check_slave_sg,
	  remove_slave_sg, 300 },
	{ "peripheral_dma_vec", DTP_PREP_DMA_VEC, call_dma_vec, check_dma_vec,
	  remove_dma_vec, 64 + 128 + 256 },
	/* the statistics count one period of a cyclic transfer */
	{ "cyclic", DTP_PREP_CYCLIC, call_cyclic, check_cyclic, remove_cyclic,
	  1024 },
	{ "interleaved", DTP_PREP_INTERLEAVED, call_interleaved,
	  check_interleaved, remove_interleaved, 4 * (16 + 48) },
};

static void prep_case_desc(const struct prep_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(prep, prep_cases, prep_case_desc);

/* Each wrapper hands its arguments unchanged to the provider. */
static void prep_forwards_arguments(struct kunit *test)
{
	const struct prep_case *c = test->param_value;
	struct prep_ctx *ctx = prep_ctx_new(test);
	struct dtp *dtp = tx_dtp(test, TX_CAPS);
	struct dma_chan *chan = dtp_request(test, dtp, 0);
	struct dma_async_tx_descriptor *tx;

	tx = c->call(chan, ctx);
	KUNIT_ASSERT_NOT_NULL(test, tx);
	KUNIT_EXPECT_EQ(test, dtp_calls(chan, c->op), 1U);
	KUNIT_EXPECT_EQ(test, to_dtp_chan(chan)->last.op, c->op);
	KUNIT_EXPECT_EQ(test, to_dtp_desc(tx)->op, c->op);
	KUNIT_EXPECT_PTR_EQ(test, tx->chan, chan);
	c->check(test, &to_dtp_chan(chan)->last, ctx);
}

/* Each wrapper records the bytes the descriptor moves in xfer_len. */
static void prep_sets_xfer_len(struct kunit *test)
{
	const struct prep_case *c = test->param_value;
	struct prep_ctx *ctx = prep_ctx_new(test);
	struct dtp *dtp = tx_dtp(test, TX_CAPS);
	struct dma_chan *chan = dtp_request(test, dtp, 0);
	struct dma_async_tx_descriptor *tx;

	tx = c->call(chan, ctx);
	KUNIT_ASSERT_NOT_NULL(test, tx);
	KUNIT_EXPECT_EQ(test, tx->xfer_len, c->xfer_len);
}

/* Without the provider callback a wrapper returns NULL and calls nothing. */
static void prep_without_callback_returns_null(struct kunit *test)
{
	const struct prep_case *c = test->param_value;
	struct prep_ctx *ctx = prep_ctx_new(test);
	struct dtp *dtp = tx_dtp(test, TX_CAPS);
	struct dma_chan *chan = dtp_request(test, dtp, 0);
	unsigned int op;

	c->remove(&dtp->dd);
	KUNIT_EXPECT_NULL(test, c->call(chan, ctx));
	for (op = DTP_PREP_MEMCPY; op <= DTP_PREP_IMM_DATA; op++)
		KUNIT_EXPECT_EQ(test, dtp_calls(chan, op), 0U);
}

/* A NULL channel, or one without a device, gets NULL from every wrapper. */
static void prep_without_channel_returns_null(struct kunit *test)
{
	const struct prep_case *c = test->param_value;
	struct prep_ctx *ctx = prep_ctx_new(test);
	struct dma_chan *orphan = kunit_kzalloc(test, sizeof(*orphan),
						GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, orphan);
	KUNIT_EXPECT_NULL(test, c->call(NULL, ctx));
	KUNIT_EXPECT_NULL(test, c->call(orphan, ctx));
}

/* A provider that fails leaves the wrapper returning NULL. */
static void prep_failure_returns_null(struct kunit *test)
{
	const struct prep_case *c = test->param_value;
	struct prep_ctx *ctx = prep_ctx_new(test);
	struct dtp *dtp = tx_dtp(test, TX_CAPS);
	struct dma_chan *chan = dtp_request(test, dtp, 0);

	dtp->prep_fail = true;
	KUNIT_EXPECT_NULL(test, c->call(chan, ctx));
	KUNIT_EXPECT_EQ(test, dtp_calls(chan, c->op), 1U);
}

/* DMA_PREP_REPEAT needs the DMA_REPEAT capability; the provider is not asked. */
static void interleaved_repeat_needs_capability(struct kunit *test)
{
	struct prep_ctx *ctx = prep_ctx_new(test);
	struct dtp *plain = dtp_create_registered(test, "plain", 1, TX_CAPS);
	struct dtp *rep = dtp_create_registered(test, "repeat", 1,
						TX_CAPS | BIT(DMA_REPEAT));
	struct dma_chan *c0 = dtp_request(test, plain, 0);
	struct dma_chan *c1 = dtp_request(test, rep, 0);
	struct dma_async_tx_descriptor *tx;

	KUNIT_EXPECT_NULL(test, dmaengine_prep_interleaved_dma(c0, ctx->xt,
							       DMA_PREP_REPEAT));
	KUNIT_EXPECT_EQ(test, dtp_calls(c0, DTP_PREP_INTERLEAVED), 0U);

	tx = dmaengine_prep_interleaved_dma(c1, ctx->xt, DMA_PREP_REPEAT);
	KUNIT_ASSERT_NOT_NULL(test, tx);
	KUNIT_EXPECT_EQ(test, dtp_calls(c1, DTP_PREP_INTERLEAVED), 1U);
	KUNIT_EXPECT_EQ(test, to_dtp_chan(c1)->last.flags,
			(unsigned long)DMA_PREP_REPEAT);
}

/* DMA_PREP_LOAD_EOT is the provider's to check: the wrapper forwards it. */
static void interleaved_load_eot_left_to_provider(struct kunit *test)
{
	struct prep_ctx *ctx = prep_ctx_new(test);
	struct dtp *rep = dtp_create_registered(test, "repeat", 1,
						TX_CAPS | BIT(DMA_REPEAT));
	struct dma_chan *chan = dtp_request(test, rep, 0);
	unsigned long flags = DMA_PREP_REPEAT | DMA_PREP_LOAD_EOT;

	KUNIT_EXPECT_FALSE(test, dma_has_cap(DMA_LOAD_EOT, rep->dd.cap_mask));
	KUNIT_EXPECT_NOT_NULL(test, dmaengine_prep_interleaved_dma(chan,
								   ctx->xt,
								   flags));
	KUNIT_EXPECT_EQ(test, dtp_calls(chan, DTP_PREP_INTERLEAVED), 1U);
	KUNIT_EXPECT_EQ(test, to_dtp_chan(chan)->last.flags, flags);

	/* and a provider that refuses it makes the wrapper return NULL */
	rep->prep_fail = true;
	KUNIT_EXPECT_NULL(test, dmaengine_prep_interleaved_dma(chan, ctx->xt,
							       DMA_PREP_LOAD_EOT));
	KUNIT_EXPECT_EQ(test, dtp_calls(chan, DTP_PREP_INTERLEAVED), 2U);
}

/* ---- slave config and channel control ---- */

static void count_cb(void *param)
{
	atomic_inc(param);
}

/*
 * The control wrappers answer a missing provider callback with the errno
 * the contract fixes for it.  That exact value is pinned by the API
 * conformance suite; here it only has to be an error, the same from every
 * wrapper, and none of the codes a provider or the core use otherwise.
 */
static void expect_no_callback_errno(struct kunit *test, int ret)
{
	KUNIT_EXPECT_LT(test, ret, 0);
	KUNIT_EXPECT_NE(test, ret, -EINVAL);
	KUNIT_EXPECT_NE(test, ret, -EOPNOTSUPP);
	KUNIT_EXPECT_NE(test, ret, -ENODEV);
	KUNIT_EXPECT_NE(test, ret, -EBUSY);
	KUNIT_EXPECT_NE(test, ret, -EIO);
}

/* dmaengine_slave_config() passes the config through or has no callback. */
static void slave_config_forwards_or_enosys(struct kunit *test)
{
	struct dtp *dtp = tx_dtp(test, TX_CAPS);
	struct dma_chan *chan = dtp_request(test, dtp, 0);
	struct dma_slave_config cfg;

	/* whole-struct comparison below: no stray padding bytes */
	memset(&cfg, 0, sizeof(cfg));
	cfg.direction = DMA_MEM_TO_DEV;
	cfg.dst_addr = 0xfe001000;
	cfg.dst_addr_width = DMA_SLAVE_BUSWIDTH_4_BYTES;
	cfg.dst_maxburst = 8;
	cfg.src_port_window_size = 3;
	cfg.device_fc = true;
	cfg.peripheral_size = 12;

	KUNIT_EXPECT_EQ(test, dmaengine_slave_config(chan, &cfg), 0);
	KUNIT_EXPECT_EQ(test, dtp_calls(chan, DTP_CONFIG), 1U);
	KUNIT_EXPECT_MEMEQ(test, &to_dtp_chan(chan)->cfg, &cfg, sizeof(cfg));

	dtp->fail[DTP_CONFIG] = -EINVAL;
	KUNIT_EXPECT_EQ(test, dmaengine_slave_config(chan, &cfg), -EINVAL);
	KUNIT_EXPECT_EQ(test, dtp_calls(chan, DTP_CONFIG), 2U);

	dtp->dd.device_config = NULL;
	expect_no_callback_errno(test, dmaengine_slave_config(chan, &cfg));
	KUNIT_EXPECT_EQ(test, dtp_calls(chan, DTP_CONFIG), 2U);
}

/* Pause and resume reach the provider, report its errors, or lack it. */
static void pause_resume_forward_or_enosys(struct kunit *test)
{
	struct dtp *dtp = tx_dtp(test, TX_CAPS);
	struct dma_chan *chan = dtp_request(test, dtp, 0);
	struct dma_async_tx_descriptor *tx;

	tx = dtp_submit_memcpy(test, chan, 256, 0);
	dma_async_issue_pending(chan);
	KUNIT_EXPECT_EQ(test, dmaengine_pause(chan), 0);
	KUNIT_EXPECT_EQ(test, dmaengine_tx_status(chan, tx->cookie, NULL),
			DMA_PAUSED);
	KUNIT_EXPECT_EQ(test, dmaengine_resume(chan), 0);
	KUNIT_EXPECT_EQ(test, dmaengine_tx_status(chan, tx->cookie, NULL),
			DMA_IN_PROGRESS);
	KUNIT_EXPECT_EQ(test, dtp_calls(chan, DTP_PAUSE), 1U);
	KUNIT_EXPECT_EQ(test, dtp_calls(chan, DTP_RESUME), 1U);

	dtp->fail[DTP_PAUSE] = -EBUSY;
	dtp->fail[DTP_RESUME] = -EIO;
	KUNIT_EXPECT_EQ(test, dmaengine_pause(chan), -EBUSY);
	KUNIT_EXPECT_EQ(test, dmaengine_resume(chan), -EIO);

	dtp->dd.device_pause = NULL;
	dtp->dd.device_resume = NULL;
	dtp->dd.device_config = NULL;
	expect_no_callback_errno(test, dmaengine_pause(chan));
	KUNIT_EXPECT_EQ(test, dmaengine_pause(chan),
			dmaengine_slave_config(chan, &(struct dma_slave_config){}));
	KUNIT_EXPECT_EQ(test, dmaengine_resume(chan), dmaengine_pause(chan));
	KUNIT_EXPECT_EQ(test, dtp_calls(chan, DTP_PAUSE), 2U);
	KUNIT_EXPECT_EQ(test, dtp_calls(chan, DTP_RESUME), 2U);
}

/* Without device_terminate_all: no-callback errno, -EINVAL, no synchronize. */
static void terminate_without_callback_codes(struct kunit *test)
{
	struct dtp *dtp = tx_dtp(test, TX_CAPS);
	struct dma_chan *chan = dtp_request(test, dtp, 0);

	dtp->dd.device_terminate_all = NULL;
	dtp->dd.device_pause = NULL;
	expect_no_callback_errno(test, dmaengine_terminate_all(chan));
	KUNIT_EXPECT_EQ(test, dmaengine_terminate_all(chan),
			dmaengine_pause(chan));
	KUNIT_EXPECT_EQ(test, dmaengine_terminate_async(chan), -EINVAL);
	KUNIT_EXPECT_EQ(test, dmaengine_terminate_sync(chan), -EINVAL);
	KUNIT_EXPECT_EQ(test, dtp_calls(chan, DTP_SYNCHRONIZE), 0U);

	/* synchronize alone is fine without a provider callback */
	dtp->dd.device_synchronize = NULL;
	dmaengine_synchronize(chan);
	KUNIT_EXPECT_EQ(test, dtp_calls(chan, DTP_SYNCHRONIZE), 0U);
}

/* terminate_all/async forward the provider's result and abort descriptors. */
static void terminate_async_aborts_without_callbacks(struct kunit *test)
{
	struct dtp *dtp = tx_dtp(test, TX_CAPS);
	struct dma_chan *chan = dtp_request(test, dtp, 0);
	struct dma_async_tx_descriptor *a, *b;
	atomic_t calls = ATOMIC_INIT(0);

	a = dtp_submit_memcpy(test, chan, 256, DMA_PREP_INTERRUPT);
	b = dtp_submit_memcpy(test, chan, 256, DMA_PREP_INTERRUPT);
	a->callback = count_cb;
	a->callback_param = &calls;
	b->callback = count_cb;
	b->callback_param = &calls;
	dma_async_issue_pending(chan);

	KUNIT_EXPECT_EQ(test, dmaengine_terminate_async(chan), 0);
	KUNIT_EXPECT_EQ(test, dtp_calls(chan, DTP_TERMINATE), 1U);
	KUNIT_EXPECT_EQ(test, dtp_calls(chan, DTP_SYNCHRONIZE), 0U);
	KUNIT_EXPECT_EQ(test, dtp_count_state(chan, DTP_DESC_ABORTED), 2U);
	KUNIT_EXPECT_EQ(test, dtp_complete(chan, 2), 0U);
	KUNIT_EXPECT_EQ(test, atomic_read(&calls), 0);

	dtp->fail[DTP_TERMINATE] = -EBUSY;
	KUNIT_EXPECT_EQ(test, dmaengine_terminate_all(chan), -EBUSY);
	KUNIT_EXPECT_EQ(test, dmaengine_terminate_async(chan), -EBUSY);
	KUNIT_EXPECT_EQ(test, dtp_calls(chan, DTP_TERMINATE), 3U);
}

/* terminate_sync terminates first, then synchronizes, and returns 0. */
static void terminate_sync_orders_calls(struct kunit *test)
{
	struct dtp *dtp = tx_dtp(test, TX_CAPS);
	struct dma_chan *chan = dtp_request(test, dtp, 0);

	dtp_submit_memcpy(test, chan, 256, 0);
	dma_async_issue_pending(chan);
	KUNIT_EXPECT_EQ(test, dmaengine_terminate_sync(chan), 0);
	KUNIT_EXPECT_EQ(test, dtp_calls(chan, DTP_TERMINATE), 1U);
	KUNIT_EXPECT_EQ(test, dtp_calls(chan, DTP_SYNCHRONIZE), 1U);
	KUNIT_EXPECT_GT(test, dtp_seq(chan, DTP_TERMINATE), 0);
	KUNIT_EXPECT_LT(test, dtp_seq(chan, DTP_TERMINATE),
			dtp_seq(chan, DTP_SYNCHRONIZE));
	KUNIT_EXPECT_EQ(test, dtp_count_state(chan, DTP_DESC_ABORTED), 1U);
}

/* A failing terminate makes terminate_sync return it without synchronizing. */
static void terminate_sync_stops_on_error(struct kunit *test)
{
	struct dtp *dtp = tx_dtp(test, TX_CAPS);
	struct dma_chan *chan = dtp_request(test, dtp, 0);

	dtp->fail[DTP_TERMINATE] = -EAGAIN;
	KUNIT_EXPECT_EQ(test, dmaengine_terminate_sync(chan), -EAGAIN);
	KUNIT_EXPECT_EQ(test, dtp_calls(chan, DTP_TERMINATE), 1U);
	KUNIT_EXPECT_EQ(test, dtp_calls(chan, DTP_SYNCHRONIZE), 0U);
}

/* ---- polling waits ---- */

/* dma_sync_wait() issues the work and returns COMPLETE once a work item ends it. */
static void sync_wait_completes_from_work(struct kunit *test)
{
	struct dtp *dtp = tx_dtp(test, TX_CAPS);
	struct dma_chan *chan = dtp_request(test, dtp, 0);
	struct dma_async_tx_descriptor *tx;
	atomic_t done = ATOMIC_INIT(0);
	dma_cookie_t cookie;

	dtp_set_mode(chan, DTP_COMPLETE_WORK, 0);
	tx = dtp_submit_memcpy(test, chan, 512, DMA_PREP_INTERRUPT);
	tx->callback = count_cb;
	tx->callback_param = &done;
	cookie = tx->cookie;
	/* nothing was issued yet: dma_sync_wait() must issue it */
	KUNIT_EXPECT_EQ(test, dtp_calls(chan, DTP_ISSUE_PENDING), 0U);
	KUNIT_EXPECT_EQ(test, dma_sync_wait(chan, cookie), DMA_COMPLETE);
	KUNIT_EXPECT_GE(test, dtp_calls(chan, DTP_ISSUE_PENDING), 1U);
	KUNIT_EXPECT_EQ(test, chan->completed_cookie, cookie);
	dtp_flush(chan);
	KUNIT_EXPECT_EQ(test, atomic_read(&done), 1);
}

/* dma_sync_wait() also sees a completion delivered from an hrtimer. */
static void sync_wait_completes_from_hrtimer(struct kunit *test)
{
	struct dtp *dtp = tx_dtp(test, TX_CAPS);
	struct dma_chan *chan = dtp_request(test, dtp, 0);
	struct dma_async_tx_descriptor *tx;

	dtp_set_mode(chan, DTP_COMPLETE_HRTIMER, 2 * NSEC_PER_MSEC);
	tx = dtp_submit_memcpy(test, chan, 512, 0);
	KUNIT_EXPECT_EQ(test, dma_sync_wait(chan, tx->cookie), DMA_COMPLETE);
	KUNIT_EXPECT_EQ(test, dtp_count_state(chan, DTP_DESC_DONE), 1U);
}

/* dma_sync_wait() returns at once for complete, error and paused cookies. */
static void sync_wait_returns_final_status(struct kunit *test)
{
	struct dtp *dtp = tx_dtp(test, TX_CAPS);
	struct dma_chan *chan = dtp_request(test, dtp, 0);
	struct dma_async_tx_descriptor *tx;
	dma_cookie_t cookie;

	tx = dtp_submit_memcpy(test, chan, 512, 0);
	cookie = tx->cookie;
	dma_async_issue_pending(chan);
	KUNIT_ASSERT_EQ(test, dtp_complete(chan, 1), 1U);
	KUNIT_EXPECT_EQ(test, dma_sync_wait(chan, cookie), DMA_COMPLETE);

	tx = dtp_submit_memcpy(test, chan, 512, 0);
	dtp->status_error = true;
	KUNIT_EXPECT_EQ(test, dma_sync_wait(chan, tx->cookie), DMA_ERROR);
	dtp->status_error = false;

	/* a paused channel is not "in progress" either */
	KUNIT_ASSERT_EQ(test, dmaengine_pause(chan), 0);
	KUNIT_EXPECT_EQ(test, dma_sync_wait(chan, tx->cookie), DMA_PAUSED);
}

/* dma_wait_for_async_tx(): NULL is complete; a real one waits for the end. */
static void wait_for_async_tx_waits(struct kunit *test)
{
	struct dtp *dtp = tx_dtp(test, TX_CAPS);
	struct dma_chan *chan = dtp_request(test, dtp, 0);
	struct dma_async_tx_descriptor *tx;
	dma_cookie_t cookie;

	KUNIT_EXPECT_EQ(test, dma_wait_for_async_tx(NULL), DMA_COMPLETE);

	dtp_set_mode(chan, DTP_COMPLETE_HRTIMER, NSEC_PER_MSEC);
	tx = dtp_submit_memcpy(test, chan, 64, 0);
	cookie = tx->cookie;
	KUNIT_EXPECT_EQ(test, dma_wait_for_async_tx(tx), DMA_COMPLETE);
	KUNIT_EXPECT_EQ(test, chan->completed_cookie, cookie);
}

/* A cookie that never completes: DMA_ERROR after five seconds, and a message. */
static void sync_wait_times_out(struct kunit *test)
{
	struct dtp *dtp = tx_dtp(test, TX_CAPS);
	struct dma_chan *chan = dtp_request(test, dtp, 0);
	struct dtp_log *log = dtp_log_capture(test);
	struct dma_async_tx_descriptor *tx;
	unsigned long start;
	char want[64];

	tx = dtp_submit_memcpy(test, chan, 64, 0);
	start = jiffies;
	KUNIT_EXPECT_EQ(test, dma_sync_wait(chan, tx->cookie), DMA_ERROR);
	KUNIT_EXPECT_GE(test, jiffies_to_msecs(jiffies - start), 5000U);
	/* still only issued: nobody completed it */
	KUNIT_EXPECT_EQ(test, dtp_count_state(chan, DTP_DESC_ISSUED), 1U);
	snprintf(want, sizeof(want), "%s: cookie %d timed out",
		 dma_chan_name(chan), tx->cookie);
	KUNIT_EXPECT_TRUE_MSG(test, dtp_log_has(log, want), "no \"%s\"", want);
}

/* Submits a parked descriptor from a work item, as a parent's completion would. */
struct parked_submit {
	struct delayed_work work;
	struct dma_async_tx_descriptor *tx;
	dma_cookie_t cookie;
};

static void parked_submit_fn(struct work_struct *work)
{
	struct parked_submit *ps = container_of(to_delayed_work(work),
						struct parked_submit, work);

	ps->cookie = dmaengine_submit(ps->tx);
}

static void parked_submit_cancel(void *data)
{
	struct parked_submit *ps = data;

	cancel_delayed_work_sync(&ps->work);
}

/* dma_wait_for_async_tx() waits while the descriptor is parked, then for it. */
static void wait_for_async_tx_waits_for_parked(struct kunit *test)
{
	struct dtp *dtp = tx_dtp(test, TX_CAPS);
	struct dma_chan *chan = dtp_request(test, dtp, 0);
	struct parked_submit *ps = kunit_kzalloc(test, sizeof(*ps), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, ps);
	dtp_set_mode(chan, DTP_COMPLETE_ON_ISSUE, 0);
	ps->tx = dmaengine_prep_dma_memcpy(chan, 0x1000, 0x2000, 256, 0);
	KUNIT_ASSERT_NOT_NULL(test, ps->tx);
	/* parked on a dependency chain until the work item submits it */
	ps->tx->cookie = -EBUSY;
	INIT_DELAYED_WORK(&ps->work, parked_submit_fn);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test,
							parked_submit_cancel,
							ps), 0);
	schedule_delayed_work(&ps->work, msecs_to_jiffies(20));

	KUNIT_EXPECT_EQ(test, dma_wait_for_async_tx(ps->tx), DMA_COMPLETE);
	KUNIT_EXPECT_GE(test, ps->cookie, DMA_MIN_COOKIE);
	KUNIT_EXPECT_EQ(test, chan->completed_cookie, ps->cookie);
	KUNIT_EXPECT_EQ(test, dtp_calls(chan, DTP_SUBMIT), 1U);
	KUNIT_EXPECT_EQ(test, dtp_count_state(chan, DTP_DESC_DONE), 1U);
}

/* Without channel switching a descriptor has no dependants to run. */
static void run_dependencies_without_switch_is_noop(struct kunit *test)
{
	struct dtp *dtp = tx_dtp(test, TX_CAPS);
	struct dma_chan *chan = dtp_request(test, dtp, 0);
	struct dma_async_tx_descriptor *tx, *next;

	if (IS_ENABLED(CONFIG_ASYNC_TX_ENABLE_CHANNEL_SWITCH))
		kunit_skip(test, "channel switching is configured");

	tx = dtp_submit_memcpy(test, chan, 64, 0);
	next = dmaengine_prep_dma_memcpy(chan, 0, 0, 64, 0);
	KUNIT_ASSERT_NOT_NULL(test, next);
	KUNIT_EXPECT_NULL(test, txd_next(tx));
	KUNIT_EXPECT_NULL(test, txd_parent(next));
	dma_async_issue_pending(chan);
	KUNIT_ASSERT_EQ(test, dtp_complete(chan, 1), 1U);
	dma_run_dependencies(tx);
	KUNIT_EXPECT_EQ(test, dtp_calls(chan, DTP_SUBMIT), 1U);
	KUNIT_EXPECT_EQ(test, dtp_calls(chan, DTP_ISSUE_PENDING), 1U);
	KUNIT_EXPECT_EQ(test, dtp_count_state(chan, DTP_DESC_PREPARED), 1U);
}

#ifdef CONFIG_ASYNC_TX_ENABLE_CHANNEL_SWITCH
/* Dependants on the same channel are submitted; the first foreign one waits. */
static void run_dependencies_submits_chain(struct kunit *test)
{
	struct dtp *dtp = dtp_create_registered(test, "dep", 2, TX_CAPS);
	struct dma_chan *c0 = dtp_request(test, dtp, 0);
	struct dma_chan *c1 = dtp_request(test, dtp, 1);
	struct dma_async_tx_descriptor *head, *d1, *d2, *far;

	head = dtp_submit_memcpy(test, c0, 64, 0);
	d1 = dmaengine_prep_dma_memcpy(c0, 0, 0, 64, 0);
	d2 = dmaengine_prep_dma_memcpy(c0, 0, 0, 64, 0);
	far = dmaengine_prep_dma_memcpy(c1, 0, 0, 64, 0);
	KUNIT_ASSERT_NOT_NULL(test, d1);
	KUNIT_ASSERT_NOT_NULL(test, d2);
	KUNIT_ASSERT_NOT_NULL(test, far);
	d1->cookie = -EBUSY;
	d2->cookie = -EBUSY;
	far->cookie = -EBUSY;
	txd_chain(head, d1);
	txd_chain(d1, d2);
	txd_chain(d2, far);

	dma_async_issue_pending(c0);
	KUNIT_ASSERT_EQ(test, dtp_complete(c0, 1), 1U);
	dma_run_dependencies(head);
	KUNIT_EXPECT_NULL(test, txd_next(head));
	KUNIT_EXPECT_GE(test, d1->cookie, DMA_MIN_COOKIE);
	KUNIT_EXPECT_GE(test, d2->cookie, DMA_MIN_COOKIE);
	KUNIT_EXPECT_EQ(test, far->cookie, -EBUSY);
	KUNIT_EXPECT_PTR_EQ(test, txd_next(d2), far);
	KUNIT_EXPECT_EQ(test, dtp_calls(c0, DTP_SUBMIT), 3U);
	KUNIT_EXPECT_EQ(test, dtp_calls(c0, DTP_ISSUE_PENDING), 2U);
	KUNIT_EXPECT_EQ(test, dtp_calls(c1, DTP_SUBMIT), 0U);
}
#else
/* Dependants on the same channel are submitted; the first foreign one waits. */
static void run_dependencies_submits_chain(struct kunit *test)
{
	kunit_skip(test, "needs CONFIG_ASYNC_TX_ENABLE_CHANNEL_SWITCH");
}
#endif

/* ---- descriptor reuse ---- */

/* set_reuse needs slave caps with descriptor_reuse; free needs REUSE set. */
static void desc_reuse_needs_capability(struct kunit *test)
{
	struct dtp *plain = dtp_create_registered(test, "plain", 1, TX_CAPS);
	struct dtp *memonly = dtp_create_registered(test, "memonly", 1,
						    BIT(DMA_MEMCPY) |
						    BIT(DMA_PRIVATE));
	struct dma_chan *c0 = dtp_request(test, plain, 0);
	struct dma_chan *c1 = dtp_request(test, memonly, 0);
	struct dma_async_tx_descriptor *tx;

	tx = dmaengine_prep_slave_single(c0, 0x1000, 64, DMA_MEM_TO_DEV, 0);
	KUNIT_ASSERT_NOT_NULL(test, tx);
	KUNIT_EXPECT_EQ(test, dmaengine_desc_set_reuse(tx), -EPERM);
	KUNIT_EXPECT_FALSE(test, dmaengine_desc_test_reuse(tx));
	KUNIT_EXPECT_EQ(test, dmaengine_desc_free(tx), -EPERM);
	KUNIT_EXPECT_EQ(test, dtp_calls(c0, DTP_DESC_FREE), 0U);

	/* no slave capability at all: the caps error comes through */
	tx = dmaengine_prep_dma_memcpy(c1, 0, 0, 64, 0);
	KUNIT_ASSERT_NOT_NULL(test, tx);
	KUNIT_EXPECT_EQ(test, dmaengine_desc_set_reuse(tx), -ENXIO);
	KUNIT_EXPECT_FALSE(test, dmaengine_desc_test_reuse(tx));
}

/* A reusable descriptor is resubmitted after completion and freed on demand. */
static void desc_reuse_resubmit_and_free(struct kunit *test)
{
	struct dtp *dtp = dtp_create(test, "reuse", 1, TX_CAPS);
	struct dma_async_tx_descriptor *tx;
	struct dma_chan *chan;
	dma_cookie_t first;

	dtp->dd.descriptor_reuse = true;
	KUNIT_ASSERT_EQ(test, dtp_register(dtp), 0);
	chan = dtp_request(test, dtp, 0);

	tx = dmaengine_prep_slave_single(chan, 0x1000, 64, DMA_MEM_TO_DEV,
					 DMA_CTRL_ACK);
	KUNIT_ASSERT_NOT_NULL(test, tx);
	KUNIT_ASSERT_EQ(test, dmaengine_desc_set_reuse(tx), 0);
	KUNIT_EXPECT_TRUE(test, dmaengine_desc_test_reuse(tx));
	KUNIT_EXPECT_TRUE(test, tx->flags & DMA_CTRL_ACK);

	first = dmaengine_submit(tx);
	dma_async_issue_pending(chan);
	KUNIT_ASSERT_EQ(test, dtp_complete(chan, 1), 1U);
	KUNIT_EXPECT_EQ(test, dmaengine_submit(tx), first + 1);
	dma_async_issue_pending(chan);
	KUNIT_ASSERT_EQ(test, dtp_complete(chan, 1), 1U);

	dmaengine_desc_clear_reuse(tx);
	KUNIT_EXPECT_EQ(test, dmaengine_desc_free(tx), -EPERM);
	KUNIT_ASSERT_EQ(test, dmaengine_desc_set_reuse(tx), 0);
	KUNIT_EXPECT_EQ(test, dmaengine_desc_free(tx), 0);
	KUNIT_EXPECT_EQ(test, dtp_calls(chan, DTP_DESC_FREE), 1U);
	KUNIT_EXPECT_EQ(test, dtp_count_state(chan, DTP_DESC_DONE), 0U);
}

/* ---- metadata ---- */

/* Client mode: attach works, then engine-mode calls are refused. */
static void metadata_client_mode_excludes_engine(struct kunit *test)
{
	struct dtp *dtp = dtp_create(test, "md", 1, TX_CAPS);
	struct dma_async_tx_descriptor *tx;
	size_t payload = 99, max = 99;
	struct dma_chan *chan;
	u8 buf[8];
	void *p;

	dtp->dd.desc_metadata_modes = DESC_METADATA_CLIENT |
				      DESC_METADATA_ENGINE;
	KUNIT_ASSERT_EQ(test, dtp_register(dtp), 0);
	chan = dtp_request(test, dtp, 0);
	KUNIT_EXPECT_TRUE(test,
			  dmaengine_is_metadata_mode_supported(chan,
							       DESC_METADATA_CLIENT));
	KUNIT_EXPECT_FALSE(test,
			   dmaengine_is_metadata_mode_supported(NULL,
								DESC_METADATA_CLIENT));

	tx = dmaengine_prep_dma_memcpy(chan, 0, 0, 64, 0);
	KUNIT_ASSERT_NOT_NULL(test, tx);
	KUNIT_EXPECT_EQ(test, dmaengine_desc_attach_metadata(tx, buf,
							     sizeof(buf)), 0);
	KUNIT_EXPECT_EQ(test, tx->desc_metadata_mode, DESC_METADATA_CLIENT);
	KUNIT_EXPECT_PTR_EQ(test, to_dtp_desc(tx)->md_client, (void *)buf);

	p = dmaengine_desc_get_metadata_ptr(tx, &payload, &max);
	KUNIT_EXPECT_TRUE(test, IS_ERR(p));
	KUNIT_EXPECT_EQ(test, PTR_ERR(p), -EINVAL);
	KUNIT_EXPECT_EQ(test, dmaengine_desc_set_metadata_len(tx, 4), -EINVAL);
	KUNIT_EXPECT_EQ(test, to_dtp_desc(tx)->md_payload, (size_t)0);
	KUNIT_EXPECT_EQ(test, tx->desc_metadata_mode, DESC_METADATA_CLIENT);
}

/* Engine mode: pointer and length go through; attach is then refused. */
static void metadata_engine_mode_excludes_client(struct kunit *test)
{
	struct dtp *dtp = dtp_create(test, "md", 1, TX_CAPS);
	struct dma_async_tx_descriptor *tx;
	size_t payload = 99, max = 0;
	struct dma_chan *chan;
	u8 buf[8];
	void *p;

	dtp->dd.desc_metadata_modes = DESC_METADATA_CLIENT |
				      DESC_METADATA_ENGINE;
	KUNIT_ASSERT_EQ(test, dtp_register(dtp), 0);
	chan = dtp_request(test, dtp, 0);

	tx = dmaengine_prep_dma_memcpy(chan, 0, 0, 64, 0);
	KUNIT_ASSERT_NOT_NULL(test, tx);
	p = dmaengine_desc_get_metadata_ptr(tx, &payload, &max);
	KUNIT_ASSERT_FALSE(test, IS_ERR_OR_NULL(p));
	KUNIT_EXPECT_PTR_EQ(test, p, (void *)to_dtp_desc(tx)->md);
	KUNIT_EXPECT_EQ(test, payload, (size_t)0);
	KUNIT_EXPECT_EQ(test, max, sizeof(to_dtp_desc(tx)->md));
	KUNIT_EXPECT_EQ(test, tx->desc_metadata_mode, DESC_METADATA_ENGINE);

	KUNIT_EXPECT_EQ(test, dmaengine_desc_set_metadata_len(tx, 12), 0);
	KUNIT_EXPECT_EQ(test, to_dtp_desc(tx)->md_payload, (size_t)12);
	KUNIT_EXPECT_EQ(test, dmaengine_desc_set_metadata_len(tx, 17), -EINVAL);
	KUNIT_EXPECT_EQ(test, dmaengine_desc_attach_metadata(tx, buf,
							     sizeof(buf)),
			-EINVAL);
	KUNIT_EXPECT_NULL(test, to_dtp_desc(tx)->md_client);
}

/* Unsupported modes and missing ops give -ENOTSUPP; a NULL desc -EINVAL. */
static void metadata_unsupported_or_missing(struct kunit *test)
{
	struct dtp *dtp = dtp_create(test, "md", 1, TX_CAPS);
	struct dma_async_tx_descriptor *tx;
	size_t payload, max;
	struct dma_chan *chan;
	u8 buf[8];
	void *p;

	dtp->dd.desc_metadata_modes = DESC_METADATA_CLIENT;
	KUNIT_ASSERT_EQ(test, dtp_register(dtp), 0);
	chan = dtp_request(test, dtp, 0);

	KUNIT_EXPECT_EQ(test, dmaengine_desc_attach_metadata(NULL, buf, 8),
			-EINVAL);
	p = dmaengine_desc_get_metadata_ptr(NULL, &payload, &max);
	KUNIT_EXPECT_EQ(test, PTR_ERR(p), -EINVAL);
	KUNIT_EXPECT_EQ(test, dmaengine_desc_set_metadata_len(NULL, 1), -EINVAL);

	/* engine mode is not supported by this device */
	tx = dmaengine_prep_dma_memcpy(chan, 0, 0, 64, 0);
	KUNIT_ASSERT_NOT_NULL(test, tx);
	p = dmaengine_desc_get_metadata_ptr(tx, &payload, &max);
	KUNIT_EXPECT_TRUE(test, IS_ERR(p));
	KUNIT_EXPECT_EQ(test, PTR_ERR(p), -ENOTSUPP);
	KUNIT_EXPECT_EQ(test, dmaengine_desc_set_metadata_len(tx, 1),
			-ENOTSUPP);

	/* client mode is, but the descriptor has no attach op */
	tx = dmaengine_prep_dma_memcpy(chan, 0, 0, 64, 0);
	KUNIT_ASSERT_NOT_NULL(test, tx);
	tx->metadata_ops = NULL;
	KUNIT_EXPECT_EQ(test, dmaengine_desc_attach_metadata(tx, buf,
							     sizeof(buf)),
			-ENOTSUPP);

	/* no mode at all */
	dtp->dd.desc_metadata_modes = DESC_METADATA_NONE;
	tx = dmaengine_prep_dma_memcpy(chan, 0, 0, 64, 0);
	KUNIT_ASSERT_NOT_NULL(test, tx);
	KUNIT_EXPECT_EQ(test, dmaengine_desc_attach_metadata(tx, buf,
							     sizeof(buf)),
			-ENOTSUPP);
	KUNIT_EXPECT_NULL(test, to_dtp_desc(tx)->md_client);
}

static int md_attach_only(struct dma_async_tx_descriptor *tx, void *data,
			  size_t len)
{
	return -EIO;
}

static struct dma_descriptor_metadata_ops md_attach_only_ops = {
	.attach = md_attach_only,
};

/* Engine mode with ops lacking get_ptr/set_len: -ENOTSUPP, mode kept. */
static void metadata_engine_ops_missing(struct kunit *test)
{
	struct dtp *dtp = dtp_create(test, "md", 1, TX_CAPS);
	struct dma_async_tx_descriptor *tx;
	size_t payload = 7, max = 7;
	struct dma_chan *chan;
	void *p;

	dtp->dd.desc_metadata_modes = DESC_METADATA_ENGINE;
	KUNIT_ASSERT_EQ(test, dtp_register(dtp), 0);
	chan = dtp_request(test, dtp, 0);

	tx = dmaengine_prep_dma_memcpy(chan, 0, 0, 64, 0);
	KUNIT_ASSERT_NOT_NULL(test, tx);
	tx->metadata_ops = &md_attach_only_ops;
	p = dmaengine_desc_get_metadata_ptr(tx, &payload, &max);
	KUNIT_EXPECT_EQ(test, PTR_ERR(p), -ENOTSUPP);
	KUNIT_EXPECT_EQ(test, dmaengine_desc_set_metadata_len(tx, 4),
			-ENOTSUPP);
	/* nothing was written back */
	KUNIT_EXPECT_EQ(test, payload, (size_t)7);
	KUNIT_EXPECT_EQ(test, max, (size_t)7);
	/* the first call fixed the mode, so client mode stays refused */
	KUNIT_EXPECT_EQ(test, tx->desc_metadata_mode, DESC_METADATA_ENGINE);
	KUNIT_EXPECT_EQ(test, dmaengine_desc_attach_metadata(tx, &payload, 1),
			-EINVAL);
}

/* ---- slave capabilities ---- */

/* dma_get_slave_caps(): -EINVAL for NULLs, -ENXIO without slave support. */
static void slave_caps_rejects_bad_input(struct kunit *test)
{
	struct dtp *slave = dtp_create(test, "slave", 1, TX_CAPS);
	struct dtp *mem = dtp_create_registered(test, "mem", 1,
						BIT(DMA_MEMCPY) |
						BIT(DMA_PRIVATE));
	struct dma_slave_caps caps;
	struct dma_chan *chan;

	KUNIT_ASSERT_EQ(test, dtp_register(slave), 0);
	chan = dtp_request(test, slave, 0);
	KUNIT_EXPECT_EQ(test, dma_get_slave_caps(NULL, &caps), -EINVAL);
	KUNIT_EXPECT_EQ(test, dma_get_slave_caps(chan, NULL), -EINVAL);

	KUNIT_EXPECT_EQ(test, dma_get_slave_caps(dtp_request(test, mem, 0),
						 &caps), -ENXIO);

	slave->dd.directions = 0;
	KUNIT_EXPECT_EQ(test, dma_get_slave_caps(chan, &caps), -ENXIO);
}

/* dma_get_slave_caps() copies the device's caps and derives the commands. */
static void slave_caps_reports_device_values(struct kunit *test)
{
	struct dtp *dtp = dtp_create(test, "slave", 1, TX_CAPS);
	struct dma_slave_caps caps;
	struct dma_chan *chan;

	dtp->dd.descriptor_reuse = true;
	dtp->dd.device_caps = NULL;
	KUNIT_ASSERT_EQ(test, dtp_register(dtp), 0);
	chan = dtp_request(test, dtp, 0);

	memset(&caps, 0xff, sizeof(caps));
	KUNIT_ASSERT_EQ(test, dma_get_slave_caps(chan, &caps), 0);
	KUNIT_EXPECT_EQ(test, caps.src_addr_widths, dtp->dd.src_addr_widths);
	KUNIT_EXPECT_EQ(test, caps.dst_addr_widths, dtp->dd.dst_addr_widths);
	KUNIT_EXPECT_EQ(test, caps.directions,
			(u32)(BIT(DMA_MEM_TO_DEV) | BIT(DMA_DEV_TO_MEM)));
	KUNIT_EXPECT_EQ(test, caps.min_burst, 1U);
	KUNIT_EXPECT_EQ(test, caps.max_burst, 16U);
	KUNIT_EXPECT_EQ(test, caps.max_sg_burst, 8U);
	KUNIT_EXPECT_EQ(test, caps.residue_granularity,
			DMA_RESIDUE_GRANULARITY_BURST);
	KUNIT_EXPECT_TRUE(test, caps.descriptor_reuse);
	KUNIT_EXPECT_TRUE(test, caps.cmd_pause);
	KUNIT_EXPECT_TRUE(test, caps.cmd_resume);
	KUNIT_EXPECT_TRUE(test, caps.cmd_terminate);

	dtp->dd.device_pause = NULL;
	dtp->dd.device_terminate_all = NULL;
	KUNIT_ASSERT_EQ(test, dma_get_slave_caps(chan, &caps), 0);
	KUNIT_EXPECT_FALSE(test, caps.cmd_pause);
	KUNIT_EXPECT_TRUE(test, caps.cmd_resume);
	KUNIT_EXPECT_FALSE(test, caps.cmd_terminate);

	/* a cyclic-only device also has slave caps */
	dma_cap_clear(DMA_SLAVE, dtp->dd.cap_mask);
	KUNIT_EXPECT_EQ(test, dma_get_slave_caps(chan, &caps), 0);
}

/* device_caps refines the device-wide values for the channel. */
static void slave_caps_device_caps_overrides(struct kunit *test)
{
	struct dtp *dtp = dtp_create_registered(test, "slave", 1, TX_CAPS);
	struct dma_chan *chan = dtp_request(test, dtp, 0);
	struct dma_slave_caps caps;

	dtp->caps_max_sg_burst = 3;
	dtp->caps_no_pause = true;
	KUNIT_ASSERT_EQ(test, dma_get_slave_caps(chan, &caps), 0);
	KUNIT_EXPECT_EQ(test, dtp_calls(chan, DTP_CAPS), 1U);
	KUNIT_EXPECT_EQ(test, caps.max_sg_burst, 3U);
	KUNIT_EXPECT_FALSE(test, caps.cmd_pause);
	KUNIT_EXPECT_TRUE(test, caps.cmd_resume);
	KUNIT_EXPECT_EQ(test, caps.max_burst, 16U);
}

/* ---- unmap data ---- */

static const int unmap_sizes[] = { 1, 2, 3, 16, 17, 128, 129, 256 };

static void unmap_size_desc(const int *nr, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%d entries", *nr);
}

KUNIT_ARRAY_PARAM(unmap_size, unmap_sizes, unmap_size_desc);

/* Unmap data of every supported size starts with one reference, zeroed. */
static void unmap_data_sizes(struct kunit *test)
{
	const int nr = *(const int *)test->param_value;
	struct dtp *dtp = tx_dtp(test, TX_CAPS);
	struct dmaengine_unmap_data *um;

	if (!IS_ENABLED(CONFIG_DMA_ENGINE_RAID) && nr > 2)
		kunit_skip(test, "only 2 entries without CONFIG_DMA_ENGINE_RAID");

	um = dmaengine_get_unmap_data(dtp->dev, nr, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, um);
	KUNIT_EXPECT_EQ(test, (int)um->map_cnt, nr);
	KUNIT_EXPECT_EQ(test, kref_read(&um->kref), 1U);
	KUNIT_EXPECT_PTR_EQ(test, um->dev, dtp->dev);
	KUNIT_EXPECT_EQ(test, um->to_cnt, 0);
	KUNIT_EXPECT_EQ(test, um->from_cnt, 0);
	KUNIT_EXPECT_EQ(test, um->bidi_cnt, 0);
	KUNIT_EXPECT_EQ(test, um->len, (size_t)0);
	/* every entry is usable */
	um->addr[nr - 1] = 0;
	dmaengine_unmap_put(um);
}

/* Too many entries gives NULL instead of crashing. */
static void unmap_data_too_large_is_null(struct kunit *test)
{
	struct dtp *dtp = tx_dtp(test, TX_CAPS);
	int too_many = IS_ENABLED(CONFIG_DMA_ENGINE_RAID) ? 257 : 3;

	KUNIT_EXPECT_NULL(test, dmaengine_get_unmap_data(dtp->dev, too_many,
							 GFP_KERNEL));
	KUNIT_EXPECT_NULL(test, dmaengine_get_unmap_data(dtp->dev, 4096,
							 GFP_NOWAIT));
	dmaengine_unmap_put(NULL);
}

/* The descriptor holds a reference that its completion drops. */
static void unmap_data_descriptor_reference(struct kunit *test)
{
	struct dtp *dtp = tx_dtp(test, TX_CAPS);
	struct dma_chan *chan = dtp_request(test, dtp, 0);
	struct dmaengine_unmap_data *um;
	struct dma_async_tx_descriptor *tx;

	um = dmaengine_get_unmap_data(dtp->dev, 2, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, um);
	tx = dmaengine_prep_dma_memcpy(chan, 0, 0, 64, 0);
	KUNIT_ASSERT_NOT_NULL(test, tx);
	dma_set_unmap(tx, um);
	KUNIT_EXPECT_PTR_EQ(test, tx->unmap, um);
	KUNIT_EXPECT_EQ(test, kref_read(&um->kref), 2U);
	dmaengine_unmap_put(um);
	KUNIT_EXPECT_EQ(test, kref_read(&um->kref), 1U);

	/* the provider's completion drops the last reference */
	KUNIT_ASSERT_GE(test, dmaengine_submit(tx), DMA_MIN_COOKIE);
	dma_async_issue_pending(chan);
	KUNIT_ASSERT_EQ(test, dtp_complete(chan, 1), 1U);
	KUNIT_EXPECT_NULL(test, tx->unmap);

	/* and one without unmap data is left alone */
	dma_descriptor_unmap(tx);
	KUNIT_EXPECT_NULL(test, tx->unmap);
}

KUNIT_DEFINE_ACTION_WRAPPER(free_page_action, __free_page, struct page *);

/* Count the DMA-API debug entries of @dev, as dumped to the log. */
static int live_mappings(struct dtp_log *log, struct device *dev)
{
	dtp_log_reset(log);
	debug_dma_dump_mappings(dev);
	return dtp_log_count(log, " idx ");
}

/* The last put unmaps every address: to-device, from-device and bidi. */
static void unmap_data_last_put_unmaps(struct kunit *test)
{
	struct dtp *dtp = tx_dtp(test, TX_CAPS);
	struct dtp_log *log = dtp_log_capture(test);
	struct dmaengine_unmap_data *um;
	struct page *pages[3];
	unsigned int i;

	if (!IS_ENABLED(CONFIG_DMA_API_DEBUG))
		kunit_skip(test, "mappings are observable only with CONFIG_DMA_API_DEBUG");

	for (i = 0; i < ARRAY_SIZE(pages); i++) {
		pages[i] = alloc_page(GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, pages[i]);
		KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test,
								free_page_action,
								pages[i]), 0);
	}
	KUNIT_ASSERT_EQ(test, live_mappings(log, dtp->dev), 0);

	um = dmaengine_get_unmap_data(dtp->dev, 4, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, um);
	um->len = PAGE_SIZE;
	um->addr[0] = dma_map_page(dtp->dev, pages[0], 0, PAGE_SIZE,
				   DMA_TO_DEVICE);
	um->to_cnt = 1;
	um->addr[1] = dma_map_page(dtp->dev, pages[1], 0, PAGE_SIZE,
				   DMA_FROM_DEVICE);
	um->from_cnt = 1;
	um->addr[2] = dma_map_page(dtp->dev, pages[2], 0, PAGE_SIZE,
				   DMA_BIDIRECTIONAL);
	um->addr[3] = 0;	/* an unused bidi slot is skipped */
	um->bidi_cnt = 2;
	for (i = 0; i < 3; i++)
		KUNIT_ASSERT_FALSE(test, dma_mapping_error(dtp->dev,
							   um->addr[i]));
	KUNIT_EXPECT_EQ(test, live_mappings(log, dtp->dev), 3);

	kref_get(&um->kref);
	dmaengine_unmap_put(um);
	KUNIT_EXPECT_EQ(test, live_mappings(log, dtp->dev), 3);
	dmaengine_unmap_put(um);
	KUNIT_EXPECT_EQ(test, live_mappings(log, dtp->dev), 0);
}

static struct kunit_case dmaengine_tx_cases[] = {
	KUNIT_CASE_PARAM(prep_forwards_arguments, prep_gen_params),
	KUNIT_CASE_PARAM(prep_sets_xfer_len, prep_gen_params),
	KUNIT_CASE_PARAM(prep_without_callback_returns_null, prep_gen_params),
	KUNIT_CASE_PARAM(prep_without_channel_returns_null, prep_gen_params),
	KUNIT_CASE_PARAM(prep_failure_returns_null, prep_gen_params),
	KUNIT_CASE(interleaved_repeat_needs_capability),
	KUNIT_CASE(interleaved_load_eot_left_to_provider),
	KUNIT_CASE(slave_config_forwards_or_enosys),
	KUNIT_CASE(pause_resume_forward_or_enosys),
	KUNIT_CASE(terminate_without_callback_codes),
	KUNIT_CASE(terminate_async_aborts_without_callbacks),
	KUNIT_CASE(terminate_sync_orders_calls),
	KUNIT_CASE(terminate_sync_stops_on_error),
	KUNIT_CASE(sync_wait_completes_from_work),
	KUNIT_CASE(sync_wait_completes_from_hrtimer),
	KUNIT_CASE(sync_wait_returns_final_status),
	KUNIT_CASE(wait_for_async_tx_waits),
	KUNIT_CASE(wait_for_async_tx_waits_for_parked),
	KUNIT_CASE_SLOW(sync_wait_times_out),
	KUNIT_CASE(run_dependencies_without_switch_is_noop),
	KUNIT_CASE(run_dependencies_submits_chain),
	KUNIT_CASE(desc_reuse_needs_capability),
	KUNIT_CASE(desc_reuse_resubmit_and_free),
	KUNIT_CASE(metadata_client_mode_excludes_engine),
	KUNIT_CASE(metadata_engine_mode_excludes_client),
	KUNIT_CASE(metadata_unsupported_or_missing),
	KUNIT_CASE(metadata_engine_ops_missing),
	KUNIT_CASE(slave_caps_rejects_bad_input),
	KUNIT_CASE(slave_caps_reports_device_values),
	KUNIT_CASE(slave_caps_device_caps_overrides),
	KUNIT_CASE_PARAM(unmap_data_sizes, unmap_size_gen_params),
	KUNIT_CASE(unmap_data_too_large_is_null),
	KUNIT_CASE(unmap_data_descriptor_reference),
	KUNIT_CASE(unmap_data_last_put_unmaps),
	{}
};

static struct kunit_suite dmaengine_tx_suite = {
	.name = "dmaengine_tx",
	.test_cases = dmaengine_tx_cases,
};

kunit_test_suite(dmaengine_tx_suite);
