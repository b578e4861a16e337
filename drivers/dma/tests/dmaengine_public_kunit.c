// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for public channels: dmaengine_get()/dmaengine_put(), the
 * per-CPU channel table behind dma_find_channel() and
 * dma_issue_pending_all().
 *
 * Every test starts from zero dmaengine_get() references: the helper hands
 * back the ones other code holds (async_tx takes one at boot) and takes
 * them again when the test ends.
 */

#include <kunit/test.h>
#include <linux/dmaengine.h>
#include <linux/string.h>

#include "dmaengine.h"
#include "dmaengine_test_provider.h"

static void public_put_action(void *unused)
{
	dmaengine_put();
}

/* dmaengine_get() for the rest of the test. */
static void public_get(struct kunit *test)
{
	dmaengine_get();
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test,
							public_put_action,
							NULL), 0);
}

/*
 * Which channel, if any, serves @cap for public users before the test adds
 * its own devices.  Other controllers (a simulated one probes at boot) may
 * be public too; the result is only compared, never used.
 */
static struct dma_chan *served_by_others(enum dma_transaction_type cap)
{
	struct dma_chan *chan;

	dmaengine_get();
	chan = dma_find_channel(cap);
	dmaengine_put();
	return chan;
}

static void skip_if_served(struct kunit *test, enum dma_transaction_type cap)
{
	if (served_by_others(cap))
		kunit_skip(test, "another public controller serves capability %d",
			   cap);
}

/* A table entry must be a registered, held, public channel with @cap. */
static void expect_valid_entry(struct kunit *test, struct dma_chan *chan,
			       enum dma_transaction_type cap)
{
	KUNIT_ASSERT_NOT_NULL(test, chan);
	KUNIT_EXPECT_TRUE(test, dma_has_cap(cap, chan->device->cap_mask));
	KUNIT_EXPECT_FALSE(test, dma_has_cap(DMA_PRIVATE,
					     chan->device->cap_mask));
	KUNIT_EXPECT_GE(test, chan->client_count, 1);
	KUNIT_EXPECT_GE(test, chan->table_count, 1);
}

/* Each get holds every public channel once more; each put lets go. */
static void get_put_hold_public_channels(struct kunit *test)
{
	struct dtp *dtp = dtp_create_registered(test, "pub", 2,
						BIT(DMA_MEMCPY));
	struct dma_chan *c0 = dtp_chan(dtp, 0);
	struct dma_chan *c1 = dtp_chan(dtp, 1);

	KUNIT_EXPECT_EQ(test, c0->client_count, 0);
	dmaengine_get();
	KUNIT_EXPECT_EQ(test, c0->client_count, 1);
	KUNIT_EXPECT_EQ(test, c1->client_count, 1);
	KUNIT_EXPECT_EQ(test, dtp_calls(c0, DTP_ALLOC), 1U);
	dmaengine_get();
	KUNIT_EXPECT_EQ(test, c0->client_count, 2);
	KUNIT_EXPECT_EQ(test, dtp_calls(c0, DTP_ALLOC), 1U);

	dmaengine_put();
	KUNIT_EXPECT_EQ(test, c0->client_count, 1);
	KUNIT_EXPECT_EQ(test, dtp_calls(c0, DTP_FREE), 0U);
	dmaengine_put();
	KUNIT_EXPECT_EQ(test, c0->client_count, 0);
	KUNIT_EXPECT_EQ(test, c1->client_count, 0);
	KUNIT_EXPECT_EQ(test, dtp_calls(c0, DTP_FREE), 1U);
	KUNIT_EXPECT_EQ(test, dtp_calls(c1, DTP_FREE), 1U);
	KUNIT_EXPECT_NULL(test, dma_find_channel(DMA_MEMCPY));
}

/* A device registered while references exist is held at once. */
static void get_covers_devices_registered_later(struct kunit *test)
{
	struct dtp *dtp = dtp_create(test, "late", 1, BIT(DMA_MEMCPY));
	struct dma_chan *chan = dtp_chan(dtp, 0);

	public_get(test);
	public_get(test);
	KUNIT_ASSERT_EQ(test, dtp_register(dtp), 0);
	KUNIT_EXPECT_EQ(test, chan->client_count, 2);
	KUNIT_EXPECT_EQ(test, dtp_calls(chan, DTP_ALLOC), 1U);

	/* and let go when it unregisters */
	dtp_unregister(dtp);
	KUNIT_EXPECT_EQ(test, chan->client_count, 0);
	KUNIT_EXPECT_EQ(test, dtp_calls(chan, DTP_FREE), 1U);
	KUNIT_EXPECT_EQ(test, atomic_read(&dtp->releases), 1);
}

/* Private devices are never held for public users. */
static void get_skips_private_devices(struct kunit *test)
{
	struct dtp *priv;

	skip_if_served(test, DMA_MEMSET_SG);
	priv = dtp_create_registered(test, "priv", 1,
				     BIT(DMA_MEMSET_SG) | BIT(DMA_PRIVATE));
	public_get(test);
	KUNIT_EXPECT_EQ(test, dtp_chan(priv, 0)->client_count, 0);
	KUNIT_EXPECT_EQ(test, dtp_calls(dtp_chan(priv, 0), DTP_ALLOC), 0U);
	KUNIT_EXPECT_NULL(test, dma_find_channel(DMA_MEMSET_SG));
}

/* An unbalanced put warns and leaves the reference count alone. */
static void unbalanced_put_changes_nothing(struct kunit *test)
{
	struct dtp *dtp = dtp_create_registered(test, "pub", 1,
						BIT(DMA_MEMCPY));

	/* no reference is held here (expect a WARN) */
	dmaengine_put();
	KUNIT_EXPECT_EQ(test, dtp_chan(dtp, 0)->client_count, 0);
	public_get(test);
	KUNIT_EXPECT_EQ(test, dtp_chan(dtp, 0)->client_count, 1);
}

static const enum dma_transaction_type table_caps[] = {
	DMA_MEMCPY, DMA_XOR, DMA_PQ, DMA_XOR_VAL, DMA_PQ_VAL, DMA_MEMSET,
	DMA_MEMSET_SG, DMA_CYCLIC, DMA_INTERLEAVE,
};

static void table_cap_desc(const enum dma_transaction_type *cap, char *desc)
{
	static const char * const names[] = {
		[DMA_MEMCPY] = "memcpy", [DMA_XOR] = "xor", [DMA_PQ] = "pq",
		[DMA_XOR_VAL] = "xor_val", [DMA_PQ_VAL] = "pq_val",
		[DMA_MEMSET] = "memset", [DMA_MEMSET_SG] = "memset_sg",
		[DMA_CYCLIC] = "cyclic", [DMA_INTERLEAVE] = "interleave",
	};

	strscpy(desc, names[*cap], KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(table_cap, table_caps, table_cap_desc);

/* dma_find_channel() names a public channel for each capability it has. */
static void find_channel_per_capability(struct kunit *test)
{
	enum dma_transaction_type cap =
		*(const enum dma_transaction_type *)test->param_value;
	struct dma_chan *foreign = served_by_others(cap);
	struct dtp *other = dtp_create_registered(test, "other", 1,
						  BIT(DMA_INTERRUPT));
	struct dtp *dtp = dtp_create_registered(test, "pub", 1, BIT(cap));

	KUNIT_EXPECT_NULL(test, dma_find_channel(cap));
	public_get(test);
	KUNIT_EXPECT_EQ(test, dtp_chan(dtp, 0)->client_count, 1);
	KUNIT_EXPECT_EQ(test, dtp_chan(other, 0)->client_count, 1);
	KUNIT_EXPECT_EQ(test, dtp_chan(other, 0)->table_count, 0);
	if (foreign) {
		/* the table may pick either controller; it must pick a fit one */
		expect_valid_entry(test, dma_find_channel(cap), cap);
		return;
	}
	KUNIT_EXPECT_PTR_EQ(test, dma_find_channel(cap), dtp_chan(dtp, 0));
	expect_valid_entry(test, dtp_chan(dtp, 0), cap);
}

/* DMA_SLAVE, DMA_INTERRUPT and DMA_PRIVATE have no table: NULL, no crash. */
static void find_channel_null_for_untabled_types(struct kunit *test)
{
	dtp_create_registered(test, "pub", 1,
			      BIT(DMA_SLAVE) | BIT(DMA_INTERRUPT) |
			      BIT(DMA_MEMCPY));
	public_get(test);
	KUNIT_EXPECT_NOT_NULL(test, dma_find_channel(DMA_MEMCPY));
	KUNIT_EXPECT_NULL(test, dma_find_channel(DMA_SLAVE));
	KUNIT_EXPECT_NULL(test, dma_find_channel(DMA_INTERRUPT));
	KUNIT_EXPECT_NULL(test, dma_find_channel(DMA_PRIVATE));
	KUNIT_EXPECT_NULL(test, dma_find_channel(DMA_TX_TYPE_END));
}

/* The table follows devices that register and unregister under a reference. */
static void table_follows_registration(struct kunit *test)
{
	struct dtp *a, *b;

	skip_if_served(test, DMA_MEMSET_SG);
	skip_if_served(test, DMA_INTERLEAVE);
	a = dtp_create(test, "a", 1, BIT(DMA_MEMSET_SG));
	b = dtp_create(test, "b", 1, BIT(DMA_MEMSET_SG) | BIT(DMA_INTERLEAVE));

	public_get(test);
	KUNIT_EXPECT_NULL(test, dma_find_channel(DMA_MEMSET_SG));
	KUNIT_ASSERT_EQ(test, dtp_register(a), 0);
	KUNIT_EXPECT_PTR_EQ(test, dma_find_channel(DMA_MEMSET_SG),
			    dtp_chan(a, 0));
	KUNIT_EXPECT_NULL(test, dma_find_channel(DMA_INTERLEAVE));

	KUNIT_ASSERT_EQ(test, dtp_register(b), 0);
	KUNIT_EXPECT_PTR_EQ(test, dma_find_channel(DMA_INTERLEAVE),
			    dtp_chan(b, 0));
	KUNIT_EXPECT_NOT_NULL(test, dma_find_channel(DMA_MEMSET_SG));

	dtp_unregister(a);
	KUNIT_EXPECT_PTR_EQ(test, dma_find_channel(DMA_MEMSET_SG),
			    dtp_chan(b, 0));
	dtp_unregister(b);
	KUNIT_EXPECT_NULL(test, dma_find_channel(DMA_MEMSET_SG));
	KUNIT_EXPECT_NULL(test, dma_find_channel(DMA_INTERLEAVE));
}

/* The table follows channels added and removed at run time. */
static void table_follows_channel_hotplug(struct kunit *test)
{
	struct dma_chan *c0, *c1;
	struct dtp *dtp;

	skip_if_served(test, DMA_CYCLIC);
	dtp = dtp_create(test, "hot", 2, BIT(DMA_CYCLIC));
	c0 = dtp_chan(dtp, 0);
	c1 = dtp_chan(dtp, 1);
	list_del(&c1->device_node);
	KUNIT_ASSERT_EQ(test, dtp_register(dtp), 0);
	public_get(test);
	KUNIT_EXPECT_PTR_EQ(test, dma_find_channel(DMA_CYCLIC), c0);

	dma_async_device_channel_unregister(&dtp->dd, c0);
	list_del(&c0->device_node);
	KUNIT_EXPECT_NULL(test, dma_find_channel(DMA_CYCLIC));
	KUNIT_EXPECT_EQ(test, c0->client_count, 0);
	KUNIT_EXPECT_EQ(test, dtp_calls(c0, DTP_FREE), 1U);

	list_add_tail(&c1->device_node, &dtp->dd.channels);
	KUNIT_ASSERT_EQ(test, dma_async_device_channel_register(&dtp->dd, c1,
								NULL), 0);
	KUNIT_EXPECT_EQ(test, c1->client_count, 1);
	KUNIT_EXPECT_PTR_EQ(test, dma_find_channel(DMA_CYCLIC), c1);
}

/* A public device taken exclusively leaves the table until released. */
static void exclusive_use_leaves_table(struct kunit *test)
{
	struct dma_chan *chan;
	struct dtp *dtp;

	skip_if_served(test, DMA_MEMSET_SG);
	dtp = dtp_create_registered(test, "pub", 1, BIT(DMA_MEMSET_SG));
	chan = dtp_request(test, dtp, 0);
	public_get(test);
	KUNIT_EXPECT_NULL(test, dma_find_channel(DMA_MEMSET_SG));
	KUNIT_EXPECT_EQ(test, chan->client_count, 1);
	dtp_release(test, chan);
	KUNIT_EXPECT_PTR_EQ(test, dma_find_channel(DMA_MEMSET_SG), chan);
	KUNIT_EXPECT_EQ(test, chan->client_count, 1);
}

/* A device able to run every async_tx operation gets DMA_ASYNC_TX. */
static void async_tx_capable_device_is_tabled(struct kunit *test)
{
	struct dma_chan *foreign = served_by_others(DMA_ASYNC_TX);
	struct dtp *all, *mem;

	if (!IS_ENABLED(CONFIG_ASYNC_TX_DMA))
		kunit_skip(test, "DMA_ASYNC_TX needs CONFIG_ASYNC_TX_DMA");
	all = dtp_create_registered(test, "all", 1, DTP_ALL_CAPS);
	mem = dtp_create_registered(test, "mem", 1, BIT(DMA_MEMCPY));

	KUNIT_EXPECT_TRUE(test, dma_has_cap(DMA_ASYNC_TX, all->dd.cap_mask));
	KUNIT_EXPECT_FALSE(test, dma_has_cap(DMA_ASYNC_TX, mem->dd.cap_mask));
	public_get(test);
	if (foreign) {
		expect_valid_entry(test, dma_find_channel(DMA_ASYNC_TX),
				   DMA_ASYNC_TX);
		return;
	}
	KUNIT_EXPECT_PTR_EQ(test, dma_find_channel(DMA_ASYNC_TX),
			    dtp_chan(all, 0));
}

/* dma_issue_pending_all() reaches held public channels and nothing else. */
static void issue_pending_all_reaches_public_held(struct kunit *test)
{
	struct dtp *pub = dtp_create_registered(test, "pub", 2,
						BIT(DMA_MEMCPY));
	struct dtp *priv = dtp_create_registered(test, "priv", 1,
						 BIT(DMA_MEMCPY) |
						 BIT(DMA_PRIVATE));
	struct dtp *taken = dtp_create_registered(test, "taken", 1,
						  BIT(DMA_MEMCPY));
	struct dma_chan *pc = dtp_request(test, priv, 0);
	struct dma_chan *tc = dtp_request(test, taken, 0);

	/* nobody holds the public channels yet */
	dma_issue_pending_all();
	KUNIT_EXPECT_EQ(test, dtp_calls(dtp_chan(pub, 0), DTP_ISSUE_PENDING),
			0U);

	public_get(test);
	dma_issue_pending_all();
	KUNIT_EXPECT_EQ(test, dtp_calls(dtp_chan(pub, 0), DTP_ISSUE_PENDING),
			1U);
	KUNIT_EXPECT_EQ(test, dtp_calls(dtp_chan(pub, 1), DTP_ISSUE_PENDING),
			1U);
	KUNIT_EXPECT_EQ(test, dtp_calls(pc, DTP_ISSUE_PENDING), 0U);
	KUNIT_EXPECT_EQ(test, dtp_calls(tc, DTP_ISSUE_PENDING), 0U);

	/* pending work on a public channel gets started (and here, done) */
	dtp_set_mode(dtp_chan(pub, 1), DTP_COMPLETE_ON_ISSUE, 0);
	dtp_submit_memcpy(test, dtp_chan(pub, 1), 64, 0);
	KUNIT_EXPECT_EQ(test, dtp_count_state(dtp_chan(pub, 1),
					      DTP_DESC_PENDING), 1U);
	dma_issue_pending_all();
	KUNIT_EXPECT_EQ(test, dtp_count_state(dtp_chan(pub, 1),
					      DTP_DESC_DONE), 1U);
	KUNIT_EXPECT_EQ(test,
			atomic64_read(&dtp_chan(pub, 1)->stats.completed), 1);
}

static struct kunit_case dmaengine_public_cases[] = {
	KUNIT_CASE(get_put_hold_public_channels),
	KUNIT_CASE(get_covers_devices_registered_later),
	KUNIT_CASE(get_skips_private_devices),
	KUNIT_CASE(unbalanced_put_changes_nothing),
	KUNIT_CASE_PARAM(find_channel_per_capability, table_cap_gen_params),
	KUNIT_CASE(find_channel_null_for_untabled_types),
	KUNIT_CASE(table_follows_registration),
	KUNIT_CASE(table_follows_channel_hotplug),
	KUNIT_CASE(exclusive_use_leaves_table),
	KUNIT_CASE(async_tx_capable_device_is_tabled),
	KUNIT_CASE(issue_pending_all_reaches_public_held),
	{}
};

static int dmaengine_public_init(struct kunit *test)
{
	dtp_isolate_public(test);
	return 0;
}

static struct kunit_suite dmaengine_public_suite = {
	.name = "dmaengine_public",
	.init = dmaengine_public_init,
	.test_cases = dmaengine_public_cases,
};

kunit_test_suite(dmaengine_public_suite);
