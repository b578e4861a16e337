// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the Device Tree lookup of DMA channels (drivers/dma/of-dma.c).
 *
 * Every case applies of_dma_kunit.dtso, which describes two controllers
 * ("kunit-dma-a" and "kunit-dma-b"), a disabled one, a request router in
 * front of controller b and a few consumers.  The controllers are small
 * virt-dma providers registered with the DMA engine core on KUnit devices
 * whose firmware node is set to the overlay's controller nodes; each case
 * registers them with of-dma the way it needs.
 */

#include <kunit/device.h>
#include <kunit/of.h>
#include <kunit/test.h>

#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/dmaengine.h>
#include <linux/err.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/of_dma.h>
#include <linux/property.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#include "dmaengine.h"
#include "dmaengine_test_provider.h"
#include "virt-dma.h"

#define ODT_NCHAN	4

/* A DMA controller with ODT_NCHAN virt-dma slave channels. */
struct odt_dev {
	struct dma_device dd;
	struct virt_dma_chan vc[ODT_NCHAN];
	struct device *dev;
	struct device_node *np;
	int router_config_err;		/* device_router_config result */
	atomic_t router_configs;
	atomic_t frees;
	struct completion released;	/* device_release ran */
	int filter_calls;		/* odt_filter() calls for our channels */
	u32 filter_param;		/* the cell it saw last */
};

struct odt_router {
	struct dma_router router;
	atomic_t allocs;
	atomic_t frees;
	int alloc_err;			/* route_allocate fails with this */
	bool broken;			/* route_allocate leaves the node alone */
};

struct odt_route {
	struct odt_router *r;
	u32 line;
};

/* Nodes of the overlay, looked up by odt_init(). */
struct odt_ctx {
	struct device_node *dmac_a;
	struct device_node *dmac_b;
	struct device_node *router;
	struct device_node *consumer;
	struct device_node *duplicate;
	struct device_node *fallback;
	struct device_node *no_names;
	struct device_node *no_dmas;
};

static struct odt_dev *to_odt_dev(struct dma_chan *chan)
{
	return container_of(chan->device, struct odt_dev, dd);
}

static void odt_desc_free(struct virt_dma_desc *vd)
{
	atomic_inc(&to_odt_dev(vd->tx.chan)->frees);
	kfree(vd);
}

static struct dma_async_tx_descriptor *
odt_prep_slave_sg(struct dma_chan *chan, struct scatterlist *sgl,
		  unsigned int sg_len, enum dma_transfer_direction dir,
		  unsigned long flags, void *context)
{
	struct virt_dma_desc *vd = kzalloc(sizeof(*vd), GFP_NOWAIT);

	if (!vd)
		return NULL;
	return vchan_tx_prep(to_virt_chan(chan), vd, flags);
}

/* The "hardware" finishes everything at once. */
static void odt_issue_pending(struct dma_chan *chan)
{
	struct virt_dma_chan *vc = to_virt_chan(chan);
	struct virt_dma_desc *vd;
	unsigned long flags;

	spin_lock_irqsave(&vc->lock, flags);
	if (vchan_issue_pending(vc)) {
		while ((vd = vchan_next_desc(vc))) {
			list_del(&vd->node);
			vchan_cookie_complete(vd);
		}
	}
	spin_unlock_irqrestore(&vc->lock, flags);
}

static enum dma_status odt_tx_status(struct dma_chan *chan, dma_cookie_t cookie,
				     struct dma_tx_state *state)
{
	return dma_cookie_status(chan, cookie, state);
}

/* Nothing ever runs for long here: drop whatever is queued. */
static int odt_terminate_all(struct dma_chan *chan)
{
	struct virt_dma_chan *vc = to_virt_chan(chan);
	LIST_HEAD(dropped);

	scoped_guard(spinlock_irqsave, &vc->lock)
		vchan_get_all_descriptors(vc, &dropped);
	vchan_dma_desc_free_list(vc, &dropped);
	return 0;
}

static void odt_synchronize(struct dma_chan *chan)
{
	vchan_synchronize(to_virt_chan(chan));
}

static void odt_free_chan_resources(struct dma_chan *chan)
{
	vchan_free_chan_resources(to_virt_chan(chan));
}

static int odt_router_config(struct dma_chan *chan)
{
	struct odt_dev *odt = to_odt_dev(chan);

	atomic_inc(&odt->router_configs);
	return odt->router_config_err;
}

static void odt_device_release(struct dma_device *dd)
{
	complete(&container_of(dd, struct odt_dev, dd)->released);
}

/* Unregister and wait until the core is done with the test's memory. */
static void odt_unregister(void *data)
{
	struct odt_dev *odt = data;

	dma_async_device_unregister(&odt->dd);
	WARN_ON(!wait_for_completion_timeout(&odt->released, 5 * HZ));
}

/* Register a controller with the core, on a KUnit device bound to @np. */
static struct odt_dev *odt_dev_create(struct kunit *test, const char *name,
				      struct device_node *np)
{
	struct dma_device *dd;
	struct odt_dev *odt;
	int i;

	odt = kunit_kzalloc(test, sizeof(*odt), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, odt);
	odt->np = np;
	init_completion(&odt->released);
	odt->dev = kunit_device_register(test, name);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, odt->dev);
	device_set_node(odt->dev, of_fwnode_handle(np));

	dd = &odt->dd;
	dd->dev = odt->dev;
	INIT_LIST_HEAD(&dd->channels);
	dma_cap_zero(dd->cap_mask);
	dma_cap_set(DMA_SLAVE, dd->cap_mask);
	dma_cap_set(DMA_PRIVATE, dd->cap_mask);
	dd->directions = BIT(DMA_DEV_TO_MEM) | BIT(DMA_MEM_TO_DEV);
	dd->src_addr_widths = BIT(DMA_SLAVE_BUSWIDTH_4_BYTES);
	dd->dst_addr_widths = BIT(DMA_SLAVE_BUSWIDTH_4_BYTES);
	dd->device_free_chan_resources = odt_free_chan_resources;
	dd->device_prep_slave_sg = odt_prep_slave_sg;
	dd->device_issue_pending = odt_issue_pending;
	dd->device_tx_status = odt_tx_status;
	dd->device_terminate_all = odt_terminate_all;
	dd->device_synchronize = odt_synchronize;
	dd->device_router_config = odt_router_config;
	dd->device_release = odt_device_release;

	for (i = 0; i < ODT_NCHAN; i++) {
		vchan_init(&odt->vc[i], dd);
		odt->vc[i].desc_free = odt_desc_free;
	}

	KUNIT_ASSERT_EQ(test, dma_async_device_register(dd), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, odt_unregister, odt), 0);
	return odt;
}

static void odt_controller_free(void *np)
{
	of_dma_controller_free(np);
}

/* Register @np with of-dma; freed (if still there) when the case ends. */
static void odt_register(struct kunit *test, struct device_node *np,
			 struct dma_chan *(*xlate)(struct of_phandle_args *,
						   struct of_dma *),
			 void *data)
{
	KUNIT_ASSERT_EQ(test, of_dma_controller_register(np, xlate, data), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, odt_controller_free, np), 0);
}

/* A controller device, registered with of-dma by channel id. */
static struct odt_dev *odt_controller(struct kunit *test, const char *name,
				      struct device_node *np)
{
	struct odt_dev *odt = odt_dev_create(test, name, np);

	odt_register(test, np, of_dma_xlate_by_chan_id, &odt->dd);
	return odt;
}

static void odt_release(void *chan)
{
	dma_release_channel(chan);
}

/* Request @name of @np; on success the channel is released at the end. */
static struct dma_chan *odt_request(struct kunit *test, struct device_node *np,
				    const char *name)
{
	struct dma_chan *chan = of_dma_request_slave_channel(np, name);

	KUNIT_ASSERT_NOT_NULL(test, chan);
	if (!IS_ERR(chan))
		KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, odt_release, chan), 0);
	return chan;
}

static struct device_node *odt_node(struct kunit *test, const char *path)
{
	struct device_node *np = of_find_node_by_path(path);

	KUNIT_ASSERT_NOT_NULL_MSG(test, np, "%s missing from the overlay", path);
	of_node_put_kunit(test, np);
	return np;
}

static int odt_init(struct kunit *test)
{
	struct odt_ctx *ctx;

	KUNIT_ASSERT_EQ(test, of_overlay_apply_kunit(test, of_dma_kunit), 0);

	ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ctx);
	ctx->dmac_a = odt_node(test, "/kunit-dma-a");
	ctx->dmac_b = odt_node(test, "/kunit-dma-b");
	ctx->router = odt_node(test, "/kunit-dma-router");
	ctx->consumer = odt_node(test, "/kunit-dma-consumer");
	ctx->duplicate = odt_node(test, "/kunit-dma-duplicate");
	ctx->fallback = odt_node(test, "/kunit-dma-fallback");
	ctx->no_names = odt_node(test, "/kunit-dma-no-names");
	ctx->no_dmas = odt_node(test, "/kunit-dma-no-dmas");
	test->priv = ctx;
	return 0;
}

/* ------------------------------------------------------------------ */
/* of_dma_controller: registration, removal, pinning                   */
/* ------------------------------------------------------------------ */

static void *odt_never_allocate(struct of_phandle_args *spec, struct of_dma *ofdma)
{
	return NULL;
}

/* Registration refuses missing arguments with -EINVAL. */
static void of_dma_controller_bad_args(struct kunit *test)
{
	struct odt_ctx *ctx = test->priv;
	struct dma_router router = { };

	KUNIT_EXPECT_EQ(test, of_dma_controller_register(NULL, of_dma_xlate_by_chan_id,
							 NULL), -EINVAL);
	KUNIT_EXPECT_EQ(test, of_dma_controller_register(ctx->dmac_a, NULL, NULL),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, of_dma_router_register(NULL, odt_never_allocate, &router),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, of_dma_router_register(ctx->router, NULL, &router),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, of_dma_router_register(ctx->router, odt_never_allocate,
						     NULL), -EINVAL);
	/* nothing got registered */
	KUNIT_EXPECT_EQ(test, PTR_ERR(of_dma_request_slave_channel(ctx->consumer, "rx")),
			-EPROBE_DEFER);
}

/* A registered controller serves requests until it is freed. */
static void of_dma_controller_register_free(struct kunit *test)
{
	struct odt_ctx *ctx = test->priv;
	struct odt_dev *a = odt_dev_create(test, "of-dma-kunit-a", ctx->dmac_a);
	struct dma_chan *chan;

	KUNIT_EXPECT_EQ(test, PTR_ERR(of_dma_request_slave_channel(ctx->consumer, "rx")),
			-EPROBE_DEFER);

	odt_register(test, ctx->dmac_a, of_dma_xlate_by_chan_id, &a->dd);
	chan = of_dma_request_slave_channel(ctx->consumer, "rx");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, chan);
	KUNIT_EXPECT_PTR_EQ(test, chan, &a->vc[1].chan);
	KUNIT_EXPECT_EQ(test, chan->client_count, 1);
	dma_release_channel(chan);

	of_dma_controller_free(ctx->dmac_a);
	KUNIT_EXPECT_EQ(test, PTR_ERR(of_dma_request_slave_channel(ctx->consumer, "rx")),
			-EPROBE_DEFER);
	/* freeing a node without a registration is harmless */
	of_dma_controller_free(ctx->dmac_a);
	of_dma_controller_free(ctx->dmac_b);
}

struct odt_gate {
	struct completion entered;
	struct completion release;
};

static struct dma_chan *odt_xlate_gated(struct of_phandle_args *spec,
					struct of_dma *ofdma)
{
	struct odt_gate *gate = ofdma->of_dma_data;

	complete(&gate->entered);
	wait_for_completion(&gate->release);
	return NULL;
}

struct odt_call {
	struct completion done;
	struct device_node *np;
	const char *name;	/* NULL: of_dma_controller_free(np) */
	struct dma_chan *chan;
};

static int odt_call_thread(void *data)
{
	struct odt_call *call = data;

	if (call->name)
		call->chan = of_dma_request_slave_channel(call->np, call->name);
	else
		of_dma_controller_free(call->np);
	complete(&call->done);
	return 0;
}

static struct odt_call *odt_call_start(struct kunit *test, struct device_node *np,
				       const char *name)
{
	struct odt_call *call = kunit_kzalloc(test, sizeof(*call), GFP_KERNEL);
	struct task_struct *task;

	KUNIT_ASSERT_NOT_NULL(test, call);
	init_completion(&call->done);
	call->np = np;
	call->name = name;
	task = kthread_run(odt_call_thread, call, "of-dma-kunit");
	KUNIT_ASSERT_FALSE(test, IS_ERR(task));
	return call;
}

/*
 * A slow xlate neither blocks lookups of other controllers nor lets its
 * controller be freed under it: the free waits until the xlate returned.
 */
static void of_dma_controller_pinned_during_xlate(struct kunit *test)
{
	struct odt_ctx *ctx = test->priv;
	struct odt_call *lookup, *removal;
	struct odt_gate *gate;
	struct dma_chan *chan;
	bool entered;

	gate = kunit_kzalloc(test, sizeof(*gate), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, gate);
	init_completion(&gate->entered);
	init_completion(&gate->release);
	odt_controller(test, "of-dma-kunit-b", ctx->dmac_b);
	odt_register(test, ctx->dmac_a, odt_xlate_gated, gate);

	lookup = odt_call_start(test, ctx->consumer, "rx");
	entered = wait_for_completion_timeout(&gate->entered, 2 * HZ);
	KUNIT_EXPECT_TRUE(test, entered);

	/* no global lock is held across the blocked xlate */
	chan = of_dma_request_slave_channel(ctx->consumer, "both");
	KUNIT_EXPECT_FALSE(test, IS_ERR_OR_NULL(chan));
	if (!IS_ERR_OR_NULL(chan))
		dma_release_channel(chan);

	removal = odt_call_start(test, ctx->dmac_a, NULL);
	msleep(50);
	KUNIT_EXPECT_FALSE(test, completion_done(&removal->done));
	KUNIT_EXPECT_FALSE(test, completion_done(&lookup->done));

	complete(&gate->release);
	wait_for_completion(&lookup->done);
	wait_for_completion(&removal->done);
	KUNIT_EXPECT_EQ(test, PTR_ERR(lookup->chan), -ENODEV);
	KUNIT_EXPECT_EQ(test, PTR_ERR(of_dma_request_slave_channel(ctx->consumer, "rx")),
			-EPROBE_DEFER);
}

static struct kunit_case of_dma_controller_cases[] = {
	KUNIT_CASE(of_dma_controller_bad_args),
	KUNIT_CASE(of_dma_controller_register_free),
	KUNIT_CASE(of_dma_controller_pinned_during_xlate),
	{}
};

static struct kunit_suite of_dma_controller_suite = {
	.name = "of_dma_controller",
	.init = odt_init,
	.test_cases = of_dma_controller_cases,
};

/* ------------------------------------------------------------------ */
/* of_dma_xlate: the generic translators and xlate results             */
/* ------------------------------------------------------------------ */

/* of_dma_xlate_by_chan_id() hands out the channel with the cell's id. */
static void of_dma_xlate_by_chan_id_picks_channel(struct kunit *test)
{
	struct odt_ctx *ctx = test->priv;
	struct odt_dev *a = odt_controller(test, "of-dma-kunit-a", ctx->dmac_a);
	struct dma_chan *rx, *tx;

	rx = odt_request(test, ctx->consumer, "rx");
	tx = odt_request(test, ctx->consumer, "tx");
	KUNIT_ASSERT_FALSE(test, IS_ERR(rx));
	KUNIT_ASSERT_FALSE(test, IS_ERR(tx));
	KUNIT_EXPECT_PTR_EQ(test, rx, &a->vc[1].chan);
	KUNIT_EXPECT_EQ(test, rx->chan_id, 1);
	KUNIT_EXPECT_PTR_EQ(test, tx, &a->vc[2].chan);
	KUNIT_EXPECT_EQ(test, tx->chan_id, 2);

	/* taken already, or no channel 7 */
	KUNIT_EXPECT_EQ(test, PTR_ERR(of_dma_request_slave_channel(ctx->consumer, "rx")),
			-ENODEV);
	KUNIT_EXPECT_EQ(test, PTR_ERR(of_dma_request_slave_channel(ctx->consumer, "bad")),
			-ENODEV);
}

/* Accepts the channel of ours whose id is the cell. */
static bool odt_filter(struct dma_chan *chan, void *param)
{
	struct odt_dev *odt;

	if (chan->device->device_router_config != odt_router_config)
		return false;
	odt = to_odt_dev(chan);
	odt->filter_calls++;
	odt->filter_param = *(u32 *)param;
	return chan->chan_id == *(u32 *)param;
}

/* of_dma_simple_xlate() filters with a pointer to the single cell. */
static void of_dma_xlate_simple_filter(struct kunit *test)
{
	struct odt_ctx *ctx = test->priv;
	struct odt_dev *a = odt_dev_create(test, "of-dma-kunit-a", ctx->dmac_a);
	struct of_dma_filter_info *info;
	struct dma_chan *chan;

	info = kunit_kzalloc(test, sizeof(*info), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, info);
	dma_cap_zero(info->dma_cap);
	dma_cap_set(DMA_SLAVE, info->dma_cap);
	info->filter_fn = odt_filter;
	odt_register(test, ctx->dmac_a, of_dma_simple_xlate, info);

	chan = odt_request(test, ctx->consumer, "tx");
	KUNIT_ASSERT_FALSE(test, IS_ERR(chan));
	KUNIT_EXPECT_PTR_EQ(test, chan, &a->vc[2].chan);
	KUNIT_EXPECT_EQ(test, a->filter_param, 2);
	KUNIT_EXPECT_EQ(test, a->filter_calls, 3);	/* channels 0, 1 and 2 */

	/* without a filter the translator gives nothing */
	info->filter_fn = NULL;
	KUNIT_EXPECT_EQ(test, PTR_ERR(of_dma_request_slave_channel(ctx->consumer, "rx")),
			-ENODEV);
}

static struct dma_chan *odt_xlate_busy(struct of_phandle_args *spec,
				       struct of_dma *ofdma)
{
	return ERR_PTR(-EBUSY);
}

/* An xlate error ends the lookup with that error. */
static void of_dma_xlate_error_ends_search(struct kunit *test)
{
	struct odt_ctx *ctx = test->priv;

	odt_register(test, ctx->dmac_a, odt_xlate_busy, NULL);
	KUNIT_EXPECT_EQ(test, PTR_ERR(of_dma_request_slave_channel(ctx->consumer, "rx")),
			-EBUSY);
	KUNIT_EXPECT_EQ(test, PTR_ERR(of_dma_request_slave_channel(ctx->duplicate, "rx")),
			-EBUSY);
}

static struct dma_chan *odt_xlate_only_3(struct of_phandle_args *spec,
					 struct of_dma *ofdma)
{
	struct odt_dev *a = ofdma->of_dma_data;

	if (spec->args[0] != 3)
		return NULL;
	return dma_get_slave_channel(&a->vc[3].chan);
}

/* An xlate returning NULL lets the lookup go on with the next entry. */
static void of_dma_xlate_null_tries_next(struct kunit *test)
{
	struct odt_ctx *ctx = test->priv;
	struct odt_dev *a = odt_dev_create(test, "of-dma-kunit-a", ctx->dmac_a);
	struct dma_chan *chan;
	int i;

	odt_register(test, ctx->dmac_a, odt_xlate_only_3, a);
	/* whichever duplicate the rotation starts with */
	for (i = 0; i < 2; i++) {
		chan = of_dma_request_slave_channel(ctx->duplicate, "rx");
		KUNIT_ASSERT_FALSE(test, IS_ERR_OR_NULL(chan));
		KUNIT_EXPECT_PTR_EQ(test, chan, &a->vc[3].chan);
		dma_release_channel(chan);
	}
}

/* Entries with the same name are used in turn. */
static void of_dma_xlate_duplicates_rotate(struct kunit *test)
{
	struct odt_ctx *ctx = test->priv;
	struct odt_dev *a = odt_controller(test, "of-dma-kunit-a", ctx->dmac_a);
	struct dma_chan *first, *second, *both[2];

	first = of_dma_request_slave_channel(ctx->duplicate, "rx");
	KUNIT_ASSERT_FALSE(test, IS_ERR_OR_NULL(first));
	dma_release_channel(first);
	second = of_dma_request_slave_channel(ctx->duplicate, "rx");
	KUNIT_ASSERT_FALSE(test, IS_ERR_OR_NULL(second));
	dma_release_channel(second);
	KUNIT_EXPECT_PTR_NE(test, first, second);
	KUNIT_EXPECT_TRUE(test, first == &a->vc[0].chan || first == &a->vc[3].chan);
	KUNIT_EXPECT_TRUE(test, second == &a->vc[0].chan || second == &a->vc[3].chan);

	/* both at once: the second request takes the other one */
	both[0] = odt_request(test, ctx->duplicate, "rx");
	both[1] = odt_request(test, ctx->duplicate, "rx");
	KUNIT_ASSERT_FALSE(test, IS_ERR(both[0]));
	KUNIT_ASSERT_FALSE(test, IS_ERR(both[1]));
	KUNIT_EXPECT_PTR_NE(test, both[0], both[1]);
	KUNIT_EXPECT_EQ(test, PTR_ERR(of_dma_request_slave_channel(ctx->duplicate, "rx")),
			-ENODEV);
}

static struct kunit_case of_dma_xlate_cases[] = {
	KUNIT_CASE(of_dma_xlate_by_chan_id_picks_channel),
	KUNIT_CASE(of_dma_xlate_simple_filter),
	KUNIT_CASE(of_dma_xlate_error_ends_search),
	KUNIT_CASE(of_dma_xlate_null_tries_next),
	KUNIT_CASE(of_dma_xlate_duplicates_rotate),
	{}
};

static struct kunit_suite of_dma_xlate_suite = {
	.name = "of_dma_xlate",
	.init = odt_init,
	.test_cases = of_dma_xlate_cases,
};

/* ------------------------------------------------------------------ */
/* of_dma_request: error results and dma_request_chan()                */
/* ------------------------------------------------------------------ */

/* Bad arguments and missing properties give -ENODEV. */
static void of_dma_request_enodev(struct kunit *test)
{
	struct odt_ctx *ctx = test->priv;

	odt_controller(test, "of-dma-kunit-a", ctx->dmac_a);
	KUNIT_EXPECT_EQ(test, PTR_ERR(of_dma_request_slave_channel(NULL, "rx")),
			-ENODEV);
	KUNIT_EXPECT_EQ(test, PTR_ERR(of_dma_request_slave_channel(ctx->consumer, NULL)),
			-ENODEV);
	KUNIT_EXPECT_EQ(test, PTR_ERR(of_dma_request_slave_channel(ctx->no_dmas, "rx")),
			-ENODEV);
	KUNIT_EXPECT_EQ(test, PTR_ERR(of_dma_request_slave_channel(ctx->no_names, "rx")),
			-ENODEV);
	KUNIT_EXPECT_EQ(test, PTR_ERR(of_dma_request_slave_channel(ctx->consumer, "none")),
			-ENODEV);
}

/* Only an enabled but unregistered controller defers the consumer. */
static void of_dma_request_defer_vs_enodev(struct kunit *test)
{
	struct odt_ctx *ctx = test->priv;

	odt_controller(test, "of-dma-kunit-a", ctx->dmac_a);
	KUNIT_EXPECT_EQ(test, PTR_ERR(of_dma_request_slave_channel(ctx->consumer, "both")),
			-EPROBE_DEFER);
	/* kunit-dma-off is disabled: it will never register */
	KUNIT_EXPECT_EQ(test, PTR_ERR(of_dma_request_slave_channel(ctx->consumer, "off")),
			-ENODEV);
}

/* A missing controller does not hide a later entry that works. */
static void of_dma_request_falls_back(struct kunit *test)
{
	struct odt_ctx *ctx = test->priv;
	struct odt_dev *a = odt_controller(test, "of-dma-kunit-a", ctx->dmac_a);
	struct dma_chan *chan;
	int i;

	for (i = 0; i < 2; i++) {
		chan = of_dma_request_slave_channel(ctx->fallback, "rx");
		KUNIT_ASSERT_FALSE(test, IS_ERR_OR_NULL(chan));
		KUNIT_EXPECT_PTR_EQ(test, chan, &a->vc[1].chan);
		dma_release_channel(chan);
	}
	/* with its channel taken, the missing controller b decides */
	chan = odt_request(test, ctx->consumer, "rx");
	KUNIT_ASSERT_FALSE(test, IS_ERR(chan));
	KUNIT_EXPECT_EQ(test, PTR_ERR(of_dma_request_slave_channel(ctx->fallback, "rx")),
			-EPROBE_DEFER);
}

static void odt_done(void *param)
{
	struct completion *done = param;

	complete(done);
}

/* dma_request_chan() finds channels through the consumer's DT node. */
static void of_dma_request_chan_through_dt(struct kunit *test)
{
	struct odt_ctx *ctx = test->priv;
	struct odt_dev *a = odt_controller(test, "of-dma-kunit-a", ctx->dmac_a);
	struct dma_async_tx_descriptor *desc;
	struct completion *finished;
	struct dma_chan *chan;
	struct device *dev;
	struct scatterlist sg;
	dma_cookie_t ck;
	void *buf;

	dev = kunit_device_register(test, "of-dma-kunit-consumer");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, dev);
	device_set_node(dev, of_fwnode_handle(ctx->consumer));

	chan = dma_request_chan(dev, "tx");
	KUNIT_ASSERT_FALSE(test, IS_ERR(chan));
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, odt_release, chan), 0);
	KUNIT_EXPECT_PTR_EQ(test, chan, &a->vc[2].chan);

	KUNIT_EXPECT_EQ(test, PTR_ERR(dma_request_chan(dev, "both")), -EPROBE_DEFER);
	KUNIT_EXPECT_EQ(test, PTR_ERR(dma_request_chan(dev, "off")), -ENODEV);
	KUNIT_EXPECT_EQ(test, PTR_ERR(dma_request_chan(dev, "none")), -ENODEV);

	/* and the channel works */
	finished = kunit_kzalloc(test, sizeof(*finished), GFP_KERNEL);
	buf = kunit_kzalloc(test, 64, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, finished);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	init_completion(finished);
	sg_init_one(&sg, buf, 64);
	desc = dmaengine_prep_slave_sg(chan, &sg, 1, DMA_MEM_TO_DEV, DMA_PREP_INTERRUPT);
	KUNIT_ASSERT_NOT_NULL(test, desc);
	desc->callback = odt_done;
	desc->callback_param = finished;
	ck = dmaengine_submit(desc);
	KUNIT_ASSERT_GE(test, ck, DMA_MIN_COOKIE);
	dma_async_issue_pending(chan);
	KUNIT_EXPECT_GT(test, wait_for_completion_timeout(finished, 2 * HZ), 0);
	KUNIT_EXPECT_EQ(test, dma_async_is_tx_complete(chan, ck, NULL, NULL),
			DMA_COMPLETE);
	dmaengine_synchronize(chan);
	KUNIT_EXPECT_EQ(test, atomic_read(&a->frees), 1);
}

/* A consumer device bound to the overlay's consumer node. */
static struct device *odt_consumer(struct kunit *test)
{
	struct odt_ctx *ctx = test->priv;
	struct device *dev = kunit_device_register(test, "of-dma-kunit-consumer");

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, dev);
	device_set_node(dev, of_fwnode_handle(ctx->consumer));
	return dev;
}

/*
 * A dma_request_chan() answered through of_dma_simple_xlate() logs one
 * request event, with the client's name, and one release event.
 */
static void of_dma_request_simple_xlate_traced_once(struct kunit *test)
{
	struct odt_ctx *ctx = test->priv;
	struct odt_dev *a = odt_dev_create(test, "of-dma-kunit-a", ctx->dmac_a);
	struct device *dev = odt_consumer(test);
	struct of_dma_filter_info *info;
	struct dtp_trace *t;
	struct dma_chan *chan;

	info = kunit_kzalloc(test, sizeof(*info), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, info);
	dma_cap_zero(info->dma_cap);
	dma_cap_set(DMA_SLAVE, info->dma_cap);
	info->filter_fn = odt_filter;
	odt_register(test, ctx->dmac_a, of_dma_simple_xlate, info);
	t = dtp_trace_start(test, &a->dd);

	chan = dma_request_chan(dev, "tx");
	KUNIT_ASSERT_FALSE(test, IS_ERR(chan));
	KUNIT_EXPECT_PTR_EQ(test, chan, &a->vc[2].chan);
	KUNIT_EXPECT_EQ(test, dtp_trace_count(t, DTP_EV_REQUEST), 1U);
	KUNIT_EXPECT_STREQ(test, t->client, dev_name(dev));

	dma_release_channel(chan);
	KUNIT_EXPECT_EQ(test, dtp_trace_count(t, DTP_EV_RELEASE), 1U);
	KUNIT_EXPECT_EQ(test, dtp_trace_count(t, DTP_EV_REQUEST), 1U);
}

/* The same through of_dma_xlate_by_chan_id(). */
static void of_dma_request_by_chan_id_traced_once(struct kunit *test)
{
	struct odt_ctx *ctx = test->priv;
	struct odt_dev *a = odt_controller(test, "of-dma-kunit-a", ctx->dmac_a);
	struct device *dev = odt_consumer(test);
	struct dtp_trace *t = dtp_trace_start(test, &a->dd);
	struct dma_chan *chan;

	chan = dma_request_chan(dev, "rx");
	KUNIT_ASSERT_FALSE(test, IS_ERR(chan));
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, odt_release, chan), 0);
	KUNIT_EXPECT_PTR_EQ(test, chan, &a->vc[1].chan);
	KUNIT_EXPECT_EQ(test, dtp_trace_count(t, DTP_EV_REQUEST), 1U);
	KUNIT_EXPECT_STREQ(test, t->client, dev_name(dev));
}

static struct kunit_case of_dma_request_cases[] = {
	KUNIT_CASE(of_dma_request_simple_xlate_traced_once),
	KUNIT_CASE(of_dma_request_by_chan_id_traced_once),
	KUNIT_CASE(of_dma_request_enodev),
	KUNIT_CASE(of_dma_request_defer_vs_enodev),
	KUNIT_CASE(of_dma_request_falls_back),
	KUNIT_CASE(of_dma_request_chan_through_dt),
	{}
};

static struct kunit_suite of_dma_request_suite = {
	.name = "of_dma_request",
	.init = odt_init,
	.test_cases = of_dma_request_cases,
};

/* ------------------------------------------------------------------ */
/* of_dma_router: request routers                                      */
/* ------------------------------------------------------------------ */

/* Request line N of the router is channel N - 10 of controller b. */
static void *odt_route_allocate(struct of_phandle_args *spec, struct of_dma *ofdma)
{
	struct odt_router *r = container_of(ofdma->dma_router, struct odt_router,
					    router);
	struct device_node *target;
	struct odt_route *route;

	if (r->alloc_err)
		return ERR_PTR(r->alloc_err);
	if (spec->args_count != 1 || spec->args[0] < 10)
		return ERR_PTR(-EINVAL);

	target = r->broken ? NULL : of_parse_phandle(ofdma->of_node, "dma-masters", 0);
	if (!target && !r->broken)
		return ERR_PTR(-ENODEV);
	route = kzalloc(sizeof(*route), GFP_KERNEL);
	if (!route) {
		of_node_put(target);
		return ERR_PTR(-ENOMEM);
	}
	route->r = r;
	route->line = spec->args[0];
	if (target)
		spec->np = target;
	spec->args[0] -= 10;
	atomic_inc(&r->allocs);
	return route;
}

static void odt_route_free(struct device *dev, void *data)
{
	struct odt_route *route = data;

	atomic_inc(&route->r->frees);
	kfree(route);
}

static struct odt_router *odt_router_create(struct kunit *test,
					    struct device_node *np)
{
	struct odt_router *r = kunit_kzalloc(test, sizeof(*r), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, r);
	r->router.dev = kunit_device_register(test, "of-dma-kunit-router");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, r->router.dev);
	r->router.route_free = odt_route_free;
	KUNIT_ASSERT_EQ(test, of_dma_router_register(np, odt_route_allocate,
						     &r->router), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, odt_controller_free, np), 0);
	return r;
}

/* A routed request lands on the target controller and records the route. */
static void of_dma_router_routes_to_target(struct kunit *test)
{
	struct odt_ctx *ctx = test->priv;
	struct odt_dev *b = odt_controller(test, "of-dma-kunit-b", ctx->dmac_b);
	struct odt_router *r = odt_router_create(test, ctx->router);
	struct odt_route *route;
	struct dma_chan *chan;

	chan = of_dma_request_slave_channel(ctx->consumer, "routed");
	KUNIT_ASSERT_FALSE(test, IS_ERR_OR_NULL(chan));
	KUNIT_EXPECT_PTR_EQ(test, chan, &b->vc[2].chan);
	KUNIT_EXPECT_PTR_EQ(test, chan->router, &r->router);
	KUNIT_ASSERT_NOT_NULL(test, chan->route_data);
	route = chan->route_data;
	KUNIT_EXPECT_EQ(test, route->line, 12);
	KUNIT_EXPECT_EQ(test, atomic_read(&b->router_configs), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&r->allocs), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&r->frees), 0);

	/* releasing the channel frees the route */
	dma_release_channel(chan);
	KUNIT_EXPECT_EQ(test, atomic_read(&r->frees), 1);
	KUNIT_EXPECT_NULL(test, chan->router);
	KUNIT_EXPECT_NULL(test, chan->route_data);
}

/* A route allocation error reaches the consumer unchanged. */
static void of_dma_router_allocate_error_kept(struct kunit *test)
{
	struct odt_ctx *ctx = test->priv;
	struct odt_router *r;

	odt_controller(test, "of-dma-kunit-b", ctx->dmac_b);
	r = odt_router_create(test, ctx->router);
	r->alloc_err = -EBUSY;
	KUNIT_EXPECT_EQ(test, PTR_ERR(of_dma_request_slave_channel(ctx->consumer, "routed")),
			-EBUSY);
	r->alloc_err = -EPROBE_DEFER;
	KUNIT_EXPECT_EQ(test, PTR_ERR(of_dma_request_slave_channel(ctx->consumer, "routed")),
			-EPROBE_DEFER);
	KUNIT_EXPECT_EQ(test, atomic_read(&r->allocs), 0);
}

/* An unregistered target defers and the route is given back. */
static void of_dma_router_target_missing(struct kunit *test)
{
	struct odt_ctx *ctx = test->priv;
	struct odt_router *r = odt_router_create(test, ctx->router);

	KUNIT_EXPECT_EQ(test, PTR_ERR(of_dma_request_slave_channel(ctx->consumer, "routed")),
			-EPROBE_DEFER);
	KUNIT_EXPECT_EQ(test, atomic_read(&r->allocs), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&r->frees), 1);
}

/* No channel behind the route: -ENODEV and the route is given back. */
static void of_dma_router_no_channel(struct kunit *test)
{
	struct odt_ctx *ctx = test->priv;
	struct odt_router *r;

	odt_controller(test, "of-dma-kunit-b", ctx->dmac_b);
	r = odt_router_create(test, ctx->router);
	KUNIT_EXPECT_EQ(test, PTR_ERR(of_dma_request_slave_channel(ctx->consumer, "nowhere")),
			-ENODEV);
	KUNIT_EXPECT_EQ(test, atomic_read(&r->allocs), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&r->frees), 1);
}

/* A failing device_router_config releases the channel and the route. */
static void of_dma_router_config_failure(struct kunit *test)
{
	struct odt_ctx *ctx = test->priv;
	struct odt_dev *b = odt_controller(test, "of-dma-kunit-b", ctx->dmac_b);
	struct odt_router *r = odt_router_create(test, ctx->router);
	struct dma_chan *chan;

	b->router_config_err = -EIO;
	KUNIT_EXPECT_EQ(test, PTR_ERR(of_dma_request_slave_channel(ctx->consumer, "routed")),
			-EIO);
	KUNIT_EXPECT_EQ(test, atomic_read(&b->router_configs), 1);
	KUNIT_EXPECT_EQ(test, b->vc[2].chan.client_count, 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&r->allocs), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&r->frees), 1);

	/* the channel is free again */
	b->router_config_err = 0;
	chan = odt_request(test, ctx->consumer, "routed");
	KUNIT_ASSERT_FALSE(test, IS_ERR(chan));
	KUNIT_EXPECT_PTR_EQ(test, chan, &b->vc[2].chan);
}

/* A route that leads back to the router is refused, not followed. */
static void of_dma_router_loop_refused(struct kunit *test)
{
	struct odt_ctx *ctx = test->priv;
	struct odt_router *r = odt_router_create(test, ctx->router);

	r->broken = true;
	KUNIT_EXPECT_EQ(test, PTR_ERR(of_dma_request_slave_channel(ctx->consumer, "routed")),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, atomic_read(&r->allocs), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&r->frees), 1);
}

static struct kunit_case of_dma_router_cases[] = {
	KUNIT_CASE(of_dma_router_routes_to_target),
	KUNIT_CASE(of_dma_router_allocate_error_kept),
	KUNIT_CASE(of_dma_router_target_missing),
	KUNIT_CASE(of_dma_router_no_channel),
	KUNIT_CASE(of_dma_router_config_failure),
	KUNIT_CASE(of_dma_router_loop_refused),
	{}
};

static struct kunit_suite of_dma_router_suite = {
	.name = "of_dma_router",
	.init = odt_init,
	.test_cases = of_dma_router_cases,
};

kunit_test_suites(&of_dma_controller_suite, &of_dma_xlate_suite,
		  &of_dma_request_suite, &of_dma_router_suite);

MODULE_DESCRIPTION("KUnit tests for the DMA engine Device Tree lookup");
MODULE_LICENSE("GPL");
