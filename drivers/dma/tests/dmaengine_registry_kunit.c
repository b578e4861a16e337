// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for DMA device registration: validation, channel naming and
 * ids, managed registration, channels added and removed at run time, and
 * the lifetime of a device that is unregistered while a channel is held.
 */

#include <kunit/device.h>
#include <kunit/test.h>
#include <linux/device.h>
#include <linux/dmaengine.h>
#include <linux/string.h>

#include "dmaengine.h"
#include "dmaengine_test_provider.h"

struct cap_case {
	const char *desc;
	enum dma_transaction_type cap;
	void (*remove)(struct dma_device *dd);
};

static void drop_memcpy(struct dma_device *dd)
{
	dd->device_prep_dma_memcpy = NULL;
}

static void drop_xor(struct dma_device *dd)
{
	dd->device_prep_dma_xor = NULL;
}

static void drop_xor_val(struct dma_device *dd)
{
	dd->device_prep_dma_xor_val = NULL;
}

static void drop_pq(struct dma_device *dd)
{
	dd->device_prep_dma_pq = NULL;
}

static void drop_pq_val(struct dma_device *dd)
{
	dd->device_prep_dma_pq_val = NULL;
}

static void drop_memset(struct dma_device *dd)
{
	dd->device_prep_dma_memset = NULL;
}

static void drop_interrupt(struct dma_device *dd)
{
	dd->device_prep_dma_interrupt = NULL;
}

static void drop_cyclic(struct dma_device *dd)
{
	dd->device_prep_dma_cyclic = NULL;
}

static void drop_interleave(struct dma_device *dd)
{
	dd->device_prep_interleaved_dma = NULL;
}

static void drop_memset_sg(struct dma_device *dd)
{
	dd->device_prep_dma_memset_sg = NULL;
}

/* every way of preparing a peripheral (or memcpy) transfer */
static void drop_slave(struct dma_device *dd)
{
	dd->device_prep_slave_sg = NULL;
	dd->device_prep_peripheral_dma_vec = NULL;
	dd->device_prep_dma_cyclic = NULL;
	dd->device_prep_interleaved_dma = NULL;
	dd->device_prep_dma_memcpy = NULL;
}

static const struct cap_case cap_cases[] = {
	{ "DMA_MEMCPY", DMA_MEMCPY, drop_memcpy },
	{ "DMA_XOR", DMA_XOR, drop_xor },
	{ "DMA_XOR_VAL", DMA_XOR_VAL, drop_xor_val },
	{ "DMA_PQ", DMA_PQ, drop_pq },
	{ "DMA_PQ_VAL", DMA_PQ_VAL, drop_pq_val },
	{ "DMA_MEMSET", DMA_MEMSET, drop_memset },
	{ "DMA_INTERRUPT", DMA_INTERRUPT, drop_interrupt },
	{ "DMA_CYCLIC", DMA_CYCLIC, drop_cyclic },
	{ "DMA_INTERLEAVE", DMA_INTERLEAVE, drop_interleave },
	{ "DMA_MEMSET_SG", DMA_MEMSET_SG, drop_memset_sg },
	{ "DMA_REPEAT", DMA_REPEAT, drop_interleave },
	{ "DMA_LOAD_EOT", DMA_LOAD_EOT, drop_interleave },
	{ "DMA_SLAVE", DMA_SLAVE, drop_slave },
};

static void cap_case_desc(const struct cap_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(cap, cap_cases, cap_case_desc);

/* A capability without its prep callback is refused, with an error message. */
static void register_rejects_cap_without_prep(struct kunit *test)
{
	const struct cap_case *c = test->param_value;
	struct dtp *dtp = dtp_create(test, "cap", 2,
				     BIT(c->cap) | BIT(DMA_PRIVATE));
	struct dtp_log *log = dtp_log_capture(test);

	c->remove(&dtp->dd);
	KUNIT_EXPECT_EQ(test, dtp_register(dtp), -EIO);
	KUNIT_EXPECT_TRUE_MSG(test, dtp_log_has(log, dev_name(dtp->dev)),
			      "no message names the device");
	/* nothing of the failed attempt is left behind */
	KUNIT_EXPECT_EQ(test, dtp->dd.chancnt, 0U);
	KUNIT_EXPECT_NULL(test, dtp_chan(dtp, 0)->dev);
	KUNIT_EXPECT_EQ(test, dtp_calls(dtp_chan(dtp, 0), DTP_ALLOC), 0U);

	/* the same device registers once the callback is back */
	dtp_restore_callbacks(dtp);
	KUNIT_EXPECT_EQ(test, dtp_register(dtp), 0);
	KUNIT_EXPECT_EQ(test, dtp->dd.chancnt, 2U);
}

/* Every capability with its prep callback registers. */
static void register_accepts_cap_with_prep(struct kunit *test)
{
	const struct cap_case *c = test->param_value;
	struct dtp *dtp = dtp_create(test, "cap", 1,
				     BIT(c->cap) | BIT(DMA_PRIVATE));

	KUNIT_EXPECT_EQ(test, dtp_register(dtp), 0);
	KUNIT_EXPECT_TRUE(test, dma_has_cap(c->cap, dtp->dd.cap_mask));
}

/* Any one of the four slave prep callbacks satisfies DMA_SLAVE. */
static void register_slave_needs_one_slave_prep(struct kunit *test)
{
	static const char * const names[] = {
		"slave-sg", "slave-vec", "slave-cyclic", "slave-xt",
	};
	unsigned int keep;

	for (keep = 0; keep < ARRAY_SIZE(names); keep++) {
		struct dtp *dtp = dtp_create(test, names[keep], 1,
					     BIT(DMA_SLAVE) | BIT(DMA_PRIVATE));
		struct dma_device *dd = &dtp->dd;

		if (keep != 0)
			dd->device_prep_slave_sg = NULL;
		if (keep != 1)
			dd->device_prep_peripheral_dma_vec = NULL;
		if (keep != 2)
			dd->device_prep_dma_cyclic = NULL;
		if (keep != 3)
			dd->device_prep_interleaved_dma = NULL;
		dd->device_prep_dma_memcpy = NULL;
		KUNIT_EXPECT_EQ_MSG(test, dtp_register(dtp), 0, "%s", names[keep]);
	}
}

/* DMA_SLAVE with none of them names all four in its error message. */
static void register_slave_error_names_all_preps(struct kunit *test)
{
	struct dtp *dtp = dtp_create(test, "slave-none", 1,
				     BIT(DMA_SLAVE) | BIT(DMA_PRIVATE));
	struct dtp_log *log = dtp_log_capture(test);

	drop_slave(&dtp->dd);
	KUNIT_EXPECT_EQ(test, dtp_register(dtp), -EIO);
	KUNIT_EXPECT_TRUE(test, dtp_log_has(log, "device_prep_slave_sg"));
	KUNIT_EXPECT_TRUE(test, dtp_log_has(log, "device_prep_peripheral_dma_vec"));
	KUNIT_EXPECT_TRUE(test, dtp_log_has(log, "device_prep_dma_cyclic"));
	KUNIT_EXPECT_TRUE(test, dtp_log_has(log, "device_prep_interleaved_dma"));
	KUNIT_EXPECT_EQ(test, dtp->dd.chancnt, 0U);
}

/* A memcpy-only DMA_SLAVE device (legacy) registers with a warning. */
static void register_slave_memcpy_only_warns(struct kunit *test)
{
	struct dtp *dtp = dtp_create(test, "slave-memcpy", 2,
				     BIT(DMA_SLAVE) | BIT(DMA_MEMCPY) |
				     BIT(DMA_PRIVATE));
	struct dtp_log *log = dtp_log_capture(test);

	dtp->dd.device_prep_slave_sg = NULL;
	dtp->dd.device_prep_peripheral_dma_vec = NULL;
	dtp->dd.device_prep_dma_cyclic = NULL;
	dtp->dd.device_prep_interleaved_dma = NULL;
	KUNIT_EXPECT_EQ(test, dtp_register(dtp), 0);
	KUNIT_EXPECT_TRUE(test, dtp_log_has(log, "accepted for memcpy use only"));
	KUNIT_EXPECT_TRUE(test, dtp_log_has(log, dev_name(dtp->dev)));
	KUNIT_EXPECT_EQ(test, dtp->dd.chancnt, 2U);
}

/* A NULL device is -ENODEV, a device without a struct device is refused. */
static void register_rejects_missing_device(struct kunit *test)
{
	struct dtp *dtp = dtp_create(test, "nodev", 1,
				     BIT(DMA_MEMCPY) | BIT(DMA_PRIVATE));

	KUNIT_EXPECT_EQ(test, dma_async_device_register(NULL), -ENODEV);
	KUNIT_EXPECT_EQ(test, dmaenginem_async_device_register(NULL), -ENODEV);

	dtp->dd.dev = NULL;
	KUNIT_EXPECT_EQ(test, dtp_register(dtp), -EIO);
	KUNIT_EXPECT_NULL(test, dtp_chan(dtp, 0)->dev);
	dtp->dd.dev = dtp->dev;
	KUNIT_EXPECT_EQ(test, dtp_register(dtp), 0);
}

/* device_tx_status and device_issue_pending are mandatory. */
static void register_requires_status_and_issue(struct kunit *test)
{
	struct dtp *dtp = dtp_create(test, "mandatory", 1,
				     BIT(DMA_MEMCPY) | BIT(DMA_PRIVATE));
	struct dtp_log *log = dtp_log_capture(test);

	dtp->dd.device_tx_status = NULL;
	KUNIT_EXPECT_EQ(test, dtp_register(dtp), -EIO);
	KUNIT_EXPECT_TRUE(test, dtp_log_has(log, dev_name(dtp->dev)));
	dtp_restore_callbacks(dtp);

	dtp->dd.device_issue_pending = NULL;
	KUNIT_EXPECT_EQ(test, dtp_register(dtp), -EIO);
	dtp_restore_callbacks(dtp);

	KUNIT_EXPECT_EQ(test, dtp_register(dtp), 0);
}

/* A channel that does not point back to the device undoes the whole attempt. */
static void register_rolls_back_on_channel_error(struct kunit *test)
{
	struct dtp *dtp = dtp_create(test, "rollback", 3,
				     BIT(DMA_MEMCPY) | BIT(DMA_PRIVATE));
	struct dtp *other = dtp_create(test, "other", 1,
				       BIT(DMA_MEMCPY) | BIT(DMA_PRIVATE));
	int first_id;

	dtp_chan(dtp, 2)->device = &other->dd;
	KUNIT_EXPECT_EQ(test, dtp_register(dtp), -EINVAL);
	KUNIT_EXPECT_EQ(test, dtp->dd.chancnt, 0U);
	first_id = dtp->dd.dev_id;

	dtp_chan(dtp, 2)->device = &dtp->dd;
	KUNIT_ASSERT_EQ(test, dtp_register(dtp), 0);
	/* neither the device id nor the channel ids leaked */
	KUNIT_EXPECT_EQ(test, dtp->dd.dev_id, first_id);
	KUNIT_EXPECT_EQ(test, dtp_chan(dtp, 0)->chan_id, 0);
	KUNIT_EXPECT_EQ(test, dtp_chan(dtp, 2)->chan_id, 2);
	KUNIT_EXPECT_EQ(test, dtp->dd.chancnt, 3U);
}

/* Registering a registered device again is refused and changes nothing. */
static void register_twice_is_refused(struct kunit *test)
{
	struct dtp *dtp = dtp_create_registered(test, "twice", 2,
						BIT(DMA_MEMCPY) |
						BIT(DMA_PRIVATE));
	int id = dtp->dd.dev_id;

	KUNIT_EXPECT_EQ(test, dma_async_device_register(&dtp->dd), -EBUSY);
	KUNIT_EXPECT_EQ(test, dtp->dd.dev_id, id);
	KUNIT_EXPECT_EQ(test, dtp->dd.chancnt, 2U);
	KUNIT_EXPECT_EQ(test, dtp_chan(dtp, 1)->chan_id, 1);
	/* still fully usable */
	dtp_request(test, dtp, 1);
	KUNIT_EXPECT_EQ(test, dtp_chan(dtp, 1)->client_count, 1);
}

/* Channels are named dma<dev_id>chan<chan_id> with ids in list order. */
static void register_names_channels_in_order(struct kunit *test)
{
	struct dtp *dtp = dtp_create_registered(test, "names", 3,
						BIT(DMA_MEMCPY) |
						BIT(DMA_PRIVATE));
	char want[32];
	unsigned int i;

	KUNIT_EXPECT_GE(test, dtp->dd.dev_id, 0);
	KUNIT_EXPECT_EQ(test, dtp->dd.chancnt, 3U);
	for (i = 0; i < 3; i++) {
		struct dma_chan *chan = dtp_chan(dtp, i);

		KUNIT_EXPECT_EQ(test, chan->chan_id, (int)i);
		KUNIT_ASSERT_NOT_NULL(test, chan->dev);
		KUNIT_EXPECT_PTR_EQ(test, chan->dev->chan, chan);
		KUNIT_EXPECT_EQ(test, chan->dev->dev_id, dtp->dd.dev_id);
		snprintf(want, sizeof(want), "dma%dchan%u", dtp->dd.dev_id, i);
		KUNIT_EXPECT_STREQ(test, dma_chan_name(chan), want);
		KUNIT_EXPECT_EQ(test, chan->client_count, 0);
		/* the class device hangs below the controller */
		KUNIT_EXPECT_PTR_EQ(test, chan->dev->device.parent, dtp->dev);
	}
}

/* Registration resets client_count and records the owner of the driver. */
static void register_resets_channel_state(struct kunit *test)
{
	struct dtp *dtp = dtp_create(test, "state", 2,
				     BIT(DMA_MEMCPY) | BIT(DMA_PRIVATE));

	dtp_chan(dtp, 0)->client_count = 5;
	dtp_chan(dtp, 1)->client_count = -2;
	KUNIT_ASSERT_EQ(test, dtp_register(dtp), 0);
	KUNIT_EXPECT_EQ(test, dtp_chan(dtp, 0)->client_count, 0);
	KUNIT_EXPECT_EQ(test, dtp_chan(dtp, 1)->client_count, 0);
	KUNIT_EXPECT_PTR_EQ(test, dtp->dd.owner, dtp->dev->driver->owner);
	KUNIT_EXPECT_EQ(test, dtp_calls(dtp_chan(dtp, 0), DTP_ALLOC), 0U);
}

/* A freed device id is the next one handed out (lowest free first). */
static void register_reuses_lowest_free_id(struct kunit *test)
{
	struct dtp *a = dtp_create_registered(test, "a", 1,
					      BIT(DMA_MEMCPY) |
					      BIT(DMA_PRIVATE));
	struct dtp *b = dtp_create_registered(test, "b", 1,
					      BIT(DMA_MEMCPY) |
					      BIT(DMA_PRIVATE));
	struct dtp *c = dtp_create_registered(test, "c", 1,
					      BIT(DMA_MEMCPY) |
					      BIT(DMA_PRIVATE));
	struct dtp *d = dtp_create(test, "d", 1,
				   BIT(DMA_MEMCPY) | BIT(DMA_PRIVATE));
	int b_id = b->dd.dev_id;
	char want[32];

	KUNIT_EXPECT_LT(test, a->dd.dev_id, b_id);
	KUNIT_EXPECT_LT(test, b_id, c->dd.dev_id);
	dtp_unregister(b);
	KUNIT_ASSERT_EQ(test, dtp_register(d), 0);
	KUNIT_EXPECT_EQ(test, d->dd.dev_id, b_id);
	snprintf(want, sizeof(want), "dma%dchan0", b_id);
	KUNIT_EXPECT_STREQ(test, dma_chan_name(dtp_chan(d, 0)), want);
}

/* Channels added later get the lowest free id or the name given. */
static void channel_hot_add_and_remove(struct kunit *test)
{
	struct dtp *dtp = dtp_create(test, "hot", 3,
				     BIT(DMA_MEMCPY) | BIT(DMA_PRIVATE));
	struct dma_chan *c0 = dtp_chan(dtp, 0);
	struct dma_chan *c1 = dtp_chan(dtp, 1);
	struct dma_chan *c2 = dtp_chan(dtp, 2);
	char want[32];

	/* only channel 0 is there at registration */
	list_del(&c1->device_node);
	list_del(&c2->device_node);
	KUNIT_ASSERT_EQ(test, dtp_register(dtp), 0);
	KUNIT_EXPECT_EQ(test, dtp->dd.chancnt, 1U);

	list_add_tail(&c1->device_node, &dtp->dd.channels);
	KUNIT_ASSERT_EQ(test, dma_async_device_channel_register(&dtp->dd, c1,
								"hot-extra"),
			0);
	KUNIT_EXPECT_EQ(test, dtp->dd.chancnt, 2U);
	KUNIT_EXPECT_EQ(test, c1->chan_id, 1);
	KUNIT_EXPECT_STREQ(test, dma_chan_name(c1), "hot-extra");
	KUNIT_EXPECT_EQ(test, c1->client_count, 0);

	list_add_tail(&c2->device_node, &dtp->dd.channels);
	KUNIT_ASSERT_EQ(test, dma_async_device_channel_register(&dtp->dd, c2,
								NULL), 0);
	KUNIT_EXPECT_EQ(test, dtp->dd.chancnt, 3U);
	KUNIT_EXPECT_EQ(test, c2->chan_id, 2);
	snprintf(want, sizeof(want), "dma%dchan2", dtp->dd.dev_id);
	KUNIT_EXPECT_STREQ(test, dma_chan_name(c2), want);

	/* a hot-added channel can be requested and released */
	dtp_release(test, dtp_request(test, dtp, 1));
	KUNIT_EXPECT_EQ(test, dtp_calls(c1, DTP_ALLOC), 1U);
	KUNIT_EXPECT_EQ(test, dtp_calls(c1, DTP_FREE), 1U);

	/* remove channel 1; its id is the first one reused */
	dma_async_device_channel_unregister(&dtp->dd, c1);
	list_del(&c1->device_node);
	KUNIT_EXPECT_EQ(test, dtp->dd.chancnt, 2U);

	list_add_tail(&c1->device_node, &dtp->dd.channels);
	KUNIT_ASSERT_EQ(test, dma_async_device_channel_register(&dtp->dd, c1,
								NULL), 0);
	KUNIT_EXPECT_EQ(test, c1->chan_id, 1);
	KUNIT_EXPECT_EQ(test, dtp->dd.chancnt, 3U);
	KUNIT_EXPECT_EQ(test, c0->chan_id, 0);
}

/* A hot-removed channel is no longer a candidate for requests. */
static void channel_hot_remove_hides_channel(struct kunit *test)
{
	struct dtp *dtp = dtp_create_registered(test, "hot", 2,
						BIT(DMA_MEMCPY) |
						BIT(DMA_PRIVATE));
	struct dma_chan *c1 = dtp_chan(dtp, 1);
	dma_cap_mask_t mask;

	dma_async_device_channel_unregister(&dtp->dd, c1);
	list_del(&c1->device_node);
	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	KUNIT_EXPECT_NULL(test, dma_request_channel(mask, dtp_filter_chan, c1));
	KUNIT_EXPECT_EQ(test, dtp_calls(c1, DTP_ALLOC), 0U);
	KUNIT_EXPECT_EQ(test, dtp->dd.chancnt, 1U);
}

/* A channel removed while held stays usable until its holder lets go. */
static void channel_hot_remove_while_held(struct kunit *test)
{
	struct dtp *dtp = dtp_create_registered(test, "hotheld", 2,
						BIT(DMA_MEMCPY) |
						BIT(DMA_PRIVATE));
	struct dma_chan *c1 = dtp_request(test, dtp, 1);

	dma_async_device_channel_unregister(&dtp->dd, c1);
	list_del(&c1->device_node);
	KUNIT_EXPECT_EQ(test, dtp->dd.chancnt, 1U);
	KUNIT_EXPECT_EQ(test, c1->client_count, 1);
	KUNIT_EXPECT_EQ(test, dtp_calls(c1, DTP_FREE), 0U);

	/* the holder finishes its work and releases the channel */
	dtp_submit_memcpy(test, c1, 64, 0);
	dma_async_issue_pending(c1);
	KUNIT_EXPECT_EQ(test, dtp_complete(c1, 1), 1U);
	dtp_release(test, c1);
	KUNIT_EXPECT_EQ(test, c1->client_count, 0);
	KUNIT_EXPECT_EQ(test, dtp_calls(c1, DTP_FREE), 1U);

	/* the device itself is unaffected */
	KUNIT_EXPECT_EQ(test, atomic_read(&dtp->releases), 0);
	dtp_request(test, dtp, 0);
	KUNIT_EXPECT_EQ(test, dtp_chan(dtp, 0)->client_count, 1);
}

/* A name clash when adding a channel undoes the addition completely. */
static void channel_register_name_clash_rolls_back(struct kunit *test)
{
	struct dtp *dtp = dtp_create(test, "clash", 3,
				     BIT(DMA_MEMCPY) | BIT(DMA_PRIVATE));
	struct dma_chan *c1 = dtp_chan(dtp, 1);
	struct dma_chan *c2 = dtp_chan(dtp, 2);
	char want[32];

	list_del(&c1->device_node);
	list_del(&c2->device_node);
	KUNIT_ASSERT_EQ(test, dtp_register(dtp), 0);

	list_add_tail(&c1->device_node, &dtp->dd.channels);
	KUNIT_ASSERT_EQ(test, dma_async_device_channel_register(&dtp->dd, c1,
								"clash-chan"),
			0);
	list_add_tail(&c2->device_node, &dtp->dd.channels);
	KUNIT_EXPECT_LT(test, dma_async_device_channel_register(&dtp->dd, c2,
								"clash-chan"),
			0);
	KUNIT_EXPECT_EQ(test, dtp->dd.chancnt, 2U);
	KUNIT_EXPECT_NULL(test, c2->dev);

	/* the failed attempt left no id behind */
	KUNIT_ASSERT_EQ(test, dma_async_device_channel_register(&dtp->dd, c2,
								NULL), 0);
	KUNIT_EXPECT_EQ(test, c2->chan_id, 2);
	snprintf(want, sizeof(want), "dma%dchan2", dtp->dd.dev_id);
	KUNIT_EXPECT_STREQ(test, dma_chan_name(c2), want);
	KUNIT_EXPECT_EQ(test, dtp->dd.chancnt, 3U);
}

/* A channel cannot be added to a device that is not registered. */
static void channel_register_needs_registered_device(struct kunit *test)
{
	struct dtp *dtp = dtp_create(test, "unreg", 1,
				     BIT(DMA_MEMCPY) | BIT(DMA_PRIVATE));

	KUNIT_EXPECT_EQ(test, dma_async_device_channel_register(&dtp->dd,
								dtp_chan(dtp, 0),
								NULL), -ENODEV);
	KUNIT_EXPECT_EQ(test, dma_async_device_channel_register(NULL,
								dtp_chan(dtp, 0),
								NULL), -EINVAL);
	KUNIT_EXPECT_EQ(test, dma_async_device_channel_register(&dtp->dd, NULL,
								NULL), -EINVAL);
	KUNIT_EXPECT_EQ(test, dtp->dd.chancnt, 0U);
	KUNIT_EXPECT_NULL(test, dtp_chan(dtp, 0)->dev);
}

/* A managed registration ends when the controller's device goes away. */
static void managed_register_unregisters_on_detach(struct kunit *test)
{
	struct dtp *dtp = dtp_create(test, "managed", 1,
				     BIT(DMA_MEMCPY) | BIT(DMA_PRIVATE));
	struct dma_chan *chan;
	dma_cap_mask_t mask;

	KUNIT_ASSERT_EQ(test, dtp_register_managed(dtp), 0);
	KUNIT_EXPECT_EQ(test, dtp->dd.chancnt, 1U);
	chan = dtp_request(test, dtp, 0);
	dtp_release(test, chan);
	KUNIT_EXPECT_EQ(test, atomic_read(&dtp->releases), 0);

	kunit_device_unregister(test, dtp->dev);
	KUNIT_EXPECT_EQ(test, atomic_read(&dtp->releases), 1);
	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	KUNIT_EXPECT_NULL(test, dma_request_channel(mask, dtp_filter_chan,
						    chan));
}

/* Unregistering a device nobody holds releases it at once. */
static void unregister_idle_device_releases(struct kunit *test)
{
	struct dtp *dtp = dtp_create_registered(test, "idle", 2,
						BIT(DMA_MEMCPY) |
						BIT(DMA_PRIVATE));

	dtp_release(test, dtp_request(test, dtp, 1));
	dtp_unregister(dtp);
	KUNIT_EXPECT_EQ(test, atomic_read(&dtp->releases), 1);
	KUNIT_EXPECT_EQ(test, dtp_calls(dtp_chan(dtp, 1), DTP_FREE), 1U);
}

/* A second unregister warns and changes nothing. */
static void unregister_twice_changes_nothing(struct kunit *test)
{
	struct dtp *dtp = dtp_create_registered(test, "twice", 1,
						BIT(DMA_MEMCPY) |
						BIT(DMA_PRIVATE));
	struct dtp *other = dtp_create_registered(test, "other", 1,
						  BIT(DMA_MEMCPY) |
						  BIT(DMA_PRIVATE));
	int other_id = other->dd.dev_id;

	dtp_unregister(dtp);
	KUNIT_EXPECT_EQ(test, atomic_read(&dtp->releases), 1);
	/* the misuse under test (expect a WARN) */
	dma_async_device_unregister(&dtp->dd);
	KUNIT_EXPECT_EQ(test, atomic_read(&dtp->releases), 1);
	/* the other device, and its id, are untouched */
	KUNIT_EXPECT_EQ(test, other->dd.dev_id, other_id);
	dtp_request(test, other, 0);
	KUNIT_EXPECT_EQ(test, dtp_chan(other, 0)->client_count, 1);
}

/* With a channel held, device_release waits for the channel's release. */
static void unregister_while_held_defers_release(struct kunit *test)
{
	struct dtp *dtp = dtp_create_registered(test, "held", 2,
						BIT(DMA_MEMCPY) |
						BIT(DMA_PRIVATE));
	struct dma_chan *chan = dtp_request(test, dtp, 0);
	dma_cap_mask_t mask;

	dtp_unregister(dtp);
	KUNIT_EXPECT_EQ(test, atomic_read(&dtp->releases), 0);
	KUNIT_EXPECT_EQ(test, dtp_calls(chan, DTP_FREE), 0U);
	KUNIT_EXPECT_EQ(test, chan->client_count, 1);

	/* the other channel cannot be requested any more */
	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	KUNIT_EXPECT_NULL(test, dma_request_channel(mask, dtp_filter_chan,
						    dtp_chan(dtp, 1)));

	/* the holder may still use and then release the channel */
	dtp_submit_memcpy(test, chan, 64, 0);
	dmaengine_terminate_sync(chan);
	dtp_release(test, chan);
	KUNIT_EXPECT_EQ(test, dtp_calls(chan, DTP_FREE), 1U);
	KUNIT_EXPECT_EQ(test, atomic_read(&dtp->releases), 1);
	KUNIT_EXPECT_LT(test, dtp_seq(chan, DTP_FREE),
			atomic_read(&dtp->release_seq));
}

/* Each request and release moves client_count and the provider calls. */
static void refcounts_follow_request_and_release(struct kunit *test)
{
	struct dtp *dtp = dtp_create_registered(test, "ref", 2,
						BIT(DMA_MEMCPY) |
						BIT(DMA_PRIVATE));
	struct dma_chan *c0 = dtp_chan(dtp, 0);
	struct dma_chan *c1 = dtp_chan(dtp, 1);

	dtp_request(test, dtp, 0);
	KUNIT_EXPECT_EQ(test, c0->client_count, 1);
	KUNIT_EXPECT_EQ(test, c1->client_count, 0);
	KUNIT_EXPECT_EQ(test, dtp_calls(c0, DTP_ALLOC), 1U);

	dtp_request(test, dtp, 1);
	KUNIT_EXPECT_EQ(test, c1->client_count, 1);
	dtp_release(test, c0);
	KUNIT_EXPECT_EQ(test, c0->client_count, 0);
	KUNIT_EXPECT_EQ(test, dtp_calls(c0, DTP_FREE), 1U);
	/* the core synchronizes before freeing the resources */
	KUNIT_EXPECT_GT(test, dtp_seq(c0, DTP_SYNCHRONIZE), 0);
	KUNIT_EXPECT_LT(test, dtp_seq(c0, DTP_SYNCHRONIZE),
			dtp_seq(c0, DTP_FREE));

	dtp_request(test, dtp, 0);
	KUNIT_EXPECT_EQ(test, dtp_calls(c0, DTP_ALLOC), 2U);
	KUNIT_EXPECT_EQ(test, c0->client_count, 1);

	dtp_unregister(dtp);
	KUNIT_EXPECT_EQ(test, atomic_read(&dtp->releases), 0);
	dtp_release(test, c0);
	KUNIT_EXPECT_EQ(test, atomic_read(&dtp->releases), 0);
	dtp_release(test, c1);
	KUNIT_EXPECT_EQ(test, atomic_read(&dtp->releases), 1);
	KUNIT_EXPECT_EQ(test, dtp_calls(c1, DTP_FREE), 1U);
	KUNIT_EXPECT_EQ(test, dtp_calls(c0, DTP_FREE), 2U);
}

static struct kunit_case dmaengine_registry_cases[] = {
	KUNIT_CASE_PARAM(register_rejects_cap_without_prep, cap_gen_params),
	KUNIT_CASE_PARAM(register_accepts_cap_with_prep, cap_gen_params),
	KUNIT_CASE(register_slave_needs_one_slave_prep),
	KUNIT_CASE(register_slave_error_names_all_preps),
	KUNIT_CASE(register_slave_memcpy_only_warns),
	KUNIT_CASE(register_rejects_missing_device),
	KUNIT_CASE(register_requires_status_and_issue),
	KUNIT_CASE(register_rolls_back_on_channel_error),
	KUNIT_CASE(register_twice_is_refused),
	KUNIT_CASE(register_names_channels_in_order),
	KUNIT_CASE(register_resets_channel_state),
	KUNIT_CASE(register_reuses_lowest_free_id),
	KUNIT_CASE(channel_hot_add_and_remove),
	KUNIT_CASE(channel_hot_remove_hides_channel),
	KUNIT_CASE(channel_hot_remove_while_held),
	KUNIT_CASE(channel_register_name_clash_rolls_back),
	KUNIT_CASE(channel_register_needs_registered_device),
	KUNIT_CASE(managed_register_unregisters_on_detach),
	KUNIT_CASE(unregister_idle_device_releases),
	KUNIT_CASE(unregister_twice_changes_nothing),
	KUNIT_CASE(unregister_while_held_defers_release),
	KUNIT_CASE(refcounts_follow_request_and_release),
	{}
};

static struct kunit_suite dmaengine_registry_suite = {
	.name = "dmaengine_registry",
	.test_cases = dmaengine_registry_cases,
};

kunit_test_suite(dmaengine_registry_suite);
