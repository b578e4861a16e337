// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for channel requests: masks and filters, the context filters
 * run in, DMA_PRIVATE bookkeeping, lookups by mask and by name through a
 * dma_slave_map, the provider-side lookups and managed requests.
 */

#include <kunit/device.h>
#include <kunit/test.h>
#include <linux/device.h>
#include <linux/dmaengine.h>
#include <linux/err.h>
#include <linux/kernfs.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/string.h>

#include "dmaengine.h"
#include "dmaengine_test_provider.h"

#define PRIV_MEMCPY	(BIT(DMA_MEMCPY) | BIT(DMA_PRIVATE))
#define PRIV_SLAVE	(BIT(DMA_SLAVE) | BIT(DMA_CYCLIC) | BIT(DMA_PRIVATE))

static dma_cap_mask_t one_cap(enum dma_transaction_type cap)
{
	return dtp_mask(BIT(cap));
}

/* What a recording filter saw. */
struct filter_log {
	/* if set, channels of other devices are refused and not recorded */
	struct dtp *scope[2];
	struct dma_chan *seen[16];
	unsigned int calls;
	struct dma_chan *accept;	/* NULL: accept any channel in scope */
	int max_lock_depth;
	bool atomic;
	/* for the nested request */
	struct dtp *inner_dtp;
	struct dma_chan *inner;
	/* for the shared mutex */
	struct mutex *shared;
};

static bool in_scope(const struct filter_log *log, struct dma_chan *chan)
{
	unsigned int i;

	if (!log->scope[0])
		return true;
	for (i = 0; i < ARRAY_SIZE(log->scope); i++)
		if (log->scope[i] && chan->device == &log->scope[i]->dd)
			return true;
	return false;
}

static bool recording_filter(struct dma_chan *chan, void *param)
{
	struct filter_log *log = param;

	log->max_lock_depth = max(log->max_lock_depth,
				  lockdep_depth(current));
	log->atomic |= irqs_disabled() ||
		       (IS_ENABLED(CONFIG_PREEMPT_COUNT) && !preemptible());
	/* other controllers of the system are not ours to take */
	if (!in_scope(log, chan))
		return false;
	if (log->calls < ARRAY_SIZE(log->seen))
		log->seen[log->calls] = chan;
	log->calls++;
	return !log->accept || chan == log->accept;
}

/* The channel must be on the device given, have the cap and pass the filter. */
static void request_honours_mask_and_filter(struct kunit *test)
{
	struct dtp *mem = dtp_create_registered(test, "mem", 2, PRIV_MEMCPY);
	struct dtp *slave = dtp_create_registered(test, "slave", 1,
						  PRIV_SLAVE | DTP_RARE_CAPS);
	dma_cap_mask_t mask = one_cap(DMA_MEMCPY);
	struct filter_log log = { .scope = { mem, slave } };
	struct dma_chan *chan;
	unsigned int i;

	/* a filter that only likes the slave channel: the mask rules it out */
	log.accept = dtp_chan(slave, 0);
	KUNIT_EXPECT_NULL(test, dma_request_channel(mask, recording_filter,
						    &log));
	KUNIT_EXPECT_EQ(test, dtp_calls(dtp_chan(slave, 0), DTP_ALLOC), 0U);
	KUNIT_EXPECT_EQ(test, log.calls, 2U);
	for (i = 0; i < min(log.calls, 16U); i++)
		KUNIT_EXPECT_PTR_EQ(test, log.seen[i]->device, &mem->dd);

	/* the filter picks channel 1 of the memcpy device */
	log = (struct filter_log){
		.scope = { mem, slave }, .accept = dtp_chan(mem, 1),
	};
	chan = dma_request_channel(mask, recording_filter, &log);
	KUNIT_ASSERT_PTR_EQ(test, chan, dtp_chan(mem, 1));
	dtp_hold_channel(test, chan);
	KUNIT_EXPECT_EQ(test, chan->client_count, 1);
	KUNIT_EXPECT_EQ(test, dtp_calls(chan, DTP_ALLOC), 1U);

	/* a held channel is never offered to a filter again */
	log = (struct filter_log){ .scope = { mem, slave } };
	chan = dma_request_channel(mask, recording_filter, &log);
	KUNIT_ASSERT_PTR_EQ(test, chan, dtp_chan(mem, 0));
	dtp_hold_channel(test, chan);
	log = (struct filter_log){ .scope = { mem, slave } };
	KUNIT_EXPECT_NULL(test, dma_request_channel(mask, recording_filter,
						    &log));
	KUNIT_EXPECT_EQ(test, log.calls, 0U);

	/* without a filter any free channel with the caps will do */
	mask = dtp_mask(DTP_RARE_CAPS);
	chan = dma_request_channel(mask, NULL, NULL);
	KUNIT_EXPECT_PTR_EQ(test, chan, dtp_chan(slave, 0));
	if (!IS_ERR_OR_NULL(chan))
		dtp_hold_channel(test, chan);
}

/* Devices are tried in registration order, channels in list order. */
static void request_follows_registration_order(struct kunit *test)
{
	struct dtp *first = dtp_create_registered(test, "first", 2,
						  PRIV_MEMCPY | DTP_RARE_CAPS);
	struct dtp *second = dtp_create_registered(test, "second", 2,
						   PRIV_MEMCPY | DTP_RARE_CAPS);
	dma_cap_mask_t mask = one_cap(DMA_MEMCPY);
	struct filter_log log = {
		.scope = { first, second }, .accept = dtp_chan(second, 1),
	};
	struct dma_chan *chan;

	chan = dma_request_channel(mask, recording_filter, &log);
	KUNIT_ASSERT_PTR_EQ(test, chan, dtp_chan(second, 1));
	dtp_hold_channel(test, chan);
	/* every free candidate before it was offered, in order */
	KUNIT_ASSERT_EQ(test, log.calls, 4U);
	KUNIT_EXPECT_PTR_EQ(test, log.seen[0], dtp_chan(first, 0));
	KUNIT_EXPECT_PTR_EQ(test, log.seen[1], dtp_chan(first, 1));
	KUNIT_EXPECT_PTR_EQ(test, log.seen[2], dtp_chan(second, 0));
	KUNIT_EXPECT_PTR_EQ(test, log.seen[3], dtp_chan(second, 1));

	/* with no filter the first free channel of the first device wins */
	mask = dtp_mask(DTP_RARE_CAPS);
	chan = dma_request_channel(mask, NULL, NULL);
	KUNIT_EXPECT_PTR_EQ(test, chan, dtp_chan(first, 0));
	if (!IS_ERR_OR_NULL(chan))
		dtp_hold_channel(test, chan);
}

/* The filter runs in process context without any lock held. */
static void filter_runs_without_core_locks(struct kunit *test)
{
	struct dtp *dtp = dtp_create_registered(test, "locks", 2, PRIV_MEMCPY);
	dma_cap_mask_t mask = one_cap(DMA_MEMCPY);
	struct filter_log log = { .accept = dtp_chan(dtp, 1) };
	struct dma_chan *chan;

	if (!IS_ENABLED(CONFIG_LOCKDEP) || !debug_locks)
		kunit_skip(test, "lock depth needs a working lockdep");

	chan = dma_request_channel(mask, recording_filter, &log);
	KUNIT_ASSERT_PTR_EQ(test, chan, dtp_chan(dtp, 1));
	dtp_hold_channel(test, chan);
	KUNIT_EXPECT_GE(test, log.calls, 2U);
	KUNIT_EXPECT_EQ(test, log.max_lock_depth, 0);
	KUNIT_EXPECT_FALSE(test, log.atomic);
}

static bool nesting_filter(struct dma_chan *chan, void *param)
{
	struct filter_log *log = param;
	dma_cap_mask_t mask = one_cap(DMA_MEMCPY);

	log->calls++;
	log->max_lock_depth = max(log->max_lock_depth,
				  lockdep_depth(current));
	if (!log->inner && !log->max_lock_depth)
		log->inner = dma_request_channel(mask, dtp_filter_chan,
						 dtp_chan(log->inner_dtp, 0));
	return chan == log->accept;
}

/* A filter may itself request a channel of another device. */
static void filter_may_request_another_channel(struct kunit *test)
{
	struct dtp *outer = dtp_create_registered(test, "outer", 1,
						  PRIV_MEMCPY);
	struct dtp *inner = dtp_create_registered(test, "inner", 1,
						  PRIV_MEMCPY);
	dma_cap_mask_t mask = one_cap(DMA_MEMCPY);
	struct filter_log log = {
		.accept = dtp_chan(outer, 0),
		.inner_dtp = inner,
	};
	bool locks_ok = debug_locks;
	struct dma_chan *chan;

	chan = dma_request_channel(mask, nesting_filter, &log);
	if (!IS_ERR_OR_NULL(log.inner))
		dtp_hold_channel(test, log.inner);
	KUNIT_ASSERT_PTR_EQ(test, chan, dtp_chan(outer, 0));
	dtp_hold_channel(test, chan);
	KUNIT_EXPECT_EQ(test, log.max_lock_depth, 0);
	KUNIT_EXPECT_PTR_EQ(test, log.inner, dtp_chan(inner, 0));
	KUNIT_EXPECT_EQ(test, dtp_chan(inner, 0)->client_count, 1);
	KUNIT_EXPECT_EQ(test, (bool)debug_locks, locks_ok);
}

static bool mutex_filter(struct dma_chan *chan, void *param)
{
	struct filter_log *log = param;

	mutex_lock(log->shared);
	log->calls++;
	mutex_unlock(log->shared);
	return chan == log->accept;
}

/* A filter and alloc_chan_resources may take the same driver mutex. */
static void filter_and_alloc_share_a_mutex(struct kunit *test)
{
	struct dtp *dtp = dtp_create_registered(test, "mutex", 2, PRIV_MEMCPY);
	dma_cap_mask_t mask = one_cap(DMA_MEMCPY);
	struct filter_log log = {
		.accept = dtp_chan(dtp, 1),
		.shared = &dtp->cb_mutex,
	};
	bool locks_ok = debug_locks;
	struct dma_chan *chan;

	dtp->alloc_takes_mutex = true;
	chan = dma_request_channel(mask, mutex_filter, &log);
	KUNIT_ASSERT_PTR_EQ(test, chan, dtp_chan(dtp, 1));
	dtp_hold_channel(test, chan);
	KUNIT_EXPECT_GE(test, log.calls, 2U);
	KUNIT_EXPECT_EQ(test, dtp_calls(chan, DTP_ALLOC), 1U);
	KUNIT_EXPECT_EQ(test, (bool)debug_locks, locks_ok);
}

/* A device registered private keeps DMA_PRIVATE and one extra privatecnt. */
static void private_device_stays_private(struct kunit *test)
{
	struct dtp *dtp = dtp_create_registered(test, "priv", 2, PRIV_MEMCPY);
	struct dma_chan *chan;

	KUNIT_EXPECT_EQ(test, dtp->dd.privatecnt, 1U);
	chan = dtp_request(test, dtp, 0);
	KUNIT_EXPECT_EQ(test, dtp->dd.privatecnt, 2U);
	dtp_request(test, dtp, 1);
	KUNIT_EXPECT_EQ(test, dtp->dd.privatecnt, 3U);
	dtp_release(test, chan);
	dtp_release(test, dtp_chan(dtp, 1));
	KUNIT_EXPECT_EQ(test, dtp->dd.privatecnt, 1U);
	KUNIT_EXPECT_TRUE(test, dma_has_cap(DMA_PRIVATE, dtp->dd.cap_mask));
}

/* An exclusive request makes a public device private until the last release. */
static void public_device_private_while_held(struct kunit *test)
{
	struct dtp *dtp = dtp_create_registered(test, "pub", 2,
						BIT(DMA_MEMCPY));
	struct dma_chan *c0, *c1;

	KUNIT_EXPECT_EQ(test, dtp->dd.privatecnt, 0U);
	KUNIT_EXPECT_FALSE(test, dma_has_cap(DMA_PRIVATE, dtp->dd.cap_mask));
	c0 = dtp_request(test, dtp, 0);
	KUNIT_EXPECT_TRUE(test, dma_has_cap(DMA_PRIVATE, dtp->dd.cap_mask));
	KUNIT_EXPECT_EQ(test, dtp->dd.privatecnt, 1U);
	c1 = dtp_request(test, dtp, 1);
	KUNIT_EXPECT_EQ(test, dtp->dd.privatecnt, 2U);

	dtp_release(test, c0);
	KUNIT_EXPECT_EQ(test, dtp->dd.privatecnt, 1U);
	KUNIT_EXPECT_TRUE(test, dma_has_cap(DMA_PRIVATE, dtp->dd.cap_mask));
	dtp_release(test, c1);
	KUNIT_EXPECT_EQ(test, dtp->dd.privatecnt, 0U);
	KUNIT_EXPECT_FALSE(test, dma_has_cap(DMA_PRIVATE, dtp->dd.cap_mask));
}

static void put_public_action(void *unused)
{
	dmaengine_put();
}

/* Channels held for dmaengine_get() users cannot be taken exclusively. */
static void public_refs_block_exclusive_requests(struct kunit *test)
{
	struct dtp *dtp = dtp_create_registered(test, "pub", 2,
						BIT(DMA_MEMCPY));
	dma_cap_mask_t mask = one_cap(DMA_MEMCPY);
	struct dma_chan *chan;

	dmaengine_get();
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test,
							put_public_action,
							NULL), 0);
	KUNIT_EXPECT_EQ(test, dtp_chan(dtp, 0)->client_count, 1);
	KUNIT_EXPECT_EQ(test, dtp_chan(dtp, 1)->client_count, 1);
	KUNIT_EXPECT_NULL(test, dma_request_channel(mask, dtp_filter_chan,
						    dtp_chan(dtp, 1)));
	KUNIT_EXPECT_NULL(test, dma_get_slave_channel(dtp_chan(dtp, 0)));
	KUNIT_EXPECT_EQ(test, dtp->dd.privatecnt, 0U);

	kunit_release_action(test, put_public_action, NULL);
	KUNIT_EXPECT_EQ(test, dtp_chan(dtp, 1)->client_count, 0);
	chan = dma_request_channel(mask, dtp_filter_chan, dtp_chan(dtp, 1));
	KUNIT_EXPECT_PTR_EQ(test, chan, dtp_chan(dtp, 1));
	if (!IS_ERR_OR_NULL(chan))
		dtp_hold_channel(test, chan);
}

/* With no DMA device registered at all, a request by mask defers. */
static void request_by_mask_defers_without_devices(struct kunit *test)
{
	dma_cap_mask_t mask = one_cap(DMA_MEMCPY);
	int others = dtp_count_devices(test);

	if (others)
		kunit_skip(test, "needs an empty system, %d DMA device(s) registered",
			   others);
	KUNIT_EXPECT_EQ(test, PTR_ERR(dma_request_chan_by_mask(&mask)),
			-EPROBE_DEFER);
	/* once any device exists, a mismatch is final */
	dtp_create_registered(test, "xor", 1, BIT(DMA_XOR) | BIT(DMA_PRIVATE));
	KUNIT_EXPECT_EQ(test, PTR_ERR(dma_request_chan_by_mask(&mask)),
			-ENODEV);
}

/* By mask: -ENODEV without a capable device or mask, a channel, -EBUSY. */
static void request_by_mask_errors(struct kunit *test)
{
	dma_cap_mask_t rare = dtp_mask(DTP_RARE_CAPS);
	struct dma_chan *chan;
	struct dtp *dtp;

	dtp_create_registered(test, "plain", 1, PRIV_MEMCPY);
	KUNIT_EXPECT_EQ(test, PTR_ERR(dma_request_chan_by_mask(NULL)),
			-ENODEV);
	KUNIT_EXPECT_EQ(test, PTR_ERR(dma_request_chan_by_mask(&rare)),
			-ENODEV);

	dtp = dtp_create_registered(test, "bymask", 1,
				    PRIV_MEMCPY | DTP_RARE_CAPS);
	chan = dma_request_chan_by_mask(&rare);
	KUNIT_ASSERT_PTR_EQ(test, chan, dtp_chan(dtp, 0));
	dtp_hold_channel(test, chan);
	KUNIT_EXPECT_EQ(test, chan->client_count, 1);
	/* busy is not "no device": -EBUSY, never EPROBE_DEFER or NULL */
	chan = dma_request_chan_by_mask(&rare);
	KUNIT_EXPECT_EQ(test, PTR_ERR(chan), -EBUSY);
}

static bool has_sysfs_entry(struct kobject *kobj, const char *name)
{
	struct kernfs_node *kn = kernfs_find_and_get(kobj->sd, name);
	bool found = kn;

	kernfs_put(kn);
	return found;
}

/* dma_request_chan() finds a channel through the provider's dma_slave_map. */
static void request_chan_through_slave_map(struct kunit *test)
{
	struct device *consumer = kunit_device_register(test, "consumer");
	struct dtp *dtp = dtp_create(test, "mapped", 2, PRIV_SLAVE);
	struct kobject *chan_kobj;
	struct dma_chan *chan;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, consumer);
	dtp_add_slave_map(dtp, consumer, "tx", 0);
	dtp_add_slave_map(dtp, consumer, "rx", 1);
	KUNIT_ASSERT_EQ(test, dtp_register(dtp), 0);

	chan = dma_request_chan(consumer, "rx");
	KUNIT_ASSERT_PTR_EQ(test, chan, dtp_chan(dtp, 1));
	dtp_hold_channel(test, chan);
	KUNIT_EXPECT_PTR_EQ(test, chan->slave, consumer);
	KUNIT_EXPECT_STREQ(test, chan->name, "dma:rx");
	KUNIT_EXPECT_EQ(test, chan->client_count, 1);
#ifdef CONFIG_DEBUG_FS
	{
		char want[80];

		snprintf(want, sizeof(want), "%s:rx", dev_name(consumer));
		KUNIT_EXPECT_STREQ(test, chan->dbg_client_name, want);
	}
#endif
	chan_kobj = &chan->dev->device.kobj;
	KUNIT_EXPECT_TRUE(test, has_sysfs_entry(chan_kobj, "slave"));
	KUNIT_EXPECT_TRUE(test, has_sysfs_entry(&consumer->kobj, "dma:rx"));

	dtp_release(test, chan);
	KUNIT_EXPECT_NULL(test, chan->slave);
	KUNIT_EXPECT_NULL(test, chan->name);
	KUNIT_EXPECT_FALSE(test, has_sysfs_entry(chan_kobj, "slave"));
	KUNIT_EXPECT_FALSE(test, has_sysfs_entry(&consumer->kobj, "dma:rx"));
	KUNIT_EXPECT_EQ(test, dtp_calls(chan, DTP_FREE), 1U);
}

/* Unregistering the controller drops the client links of a held channel. */
static void request_chan_links_dropped_on_unregister(struct kunit *test)
{
	struct device *consumer = kunit_device_register(test, "consumer");
	struct dtp *dtp = dtp_create(test, "mapped", 1, PRIV_SLAVE);
	struct dma_chan *chan;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, consumer);
	dtp_add_slave_map(dtp, consumer, "rx", 0);
	KUNIT_ASSERT_EQ(test, dtp_register(dtp), 0);
	chan = dma_request_chan(consumer, "rx");
	KUNIT_ASSERT_PTR_EQ(test, chan, dtp_chan(dtp, 0));
	dtp_hold_channel(test, chan);
	KUNIT_EXPECT_TRUE(test, has_sysfs_entry(&consumer->kobj, "dma:rx"));

	dtp_unregister(dtp);
	KUNIT_EXPECT_FALSE(test, has_sysfs_entry(&consumer->kobj, "dma:rx"));
	KUNIT_EXPECT_EQ(test, atomic_read(&dtp->releases), 0);

	dtp_release(test, chan);
	KUNIT_EXPECT_NULL(test, chan->slave);
	KUNIT_EXPECT_NULL(test, chan->name);
	KUNIT_EXPECT_EQ(test, atomic_read(&dtp->releases), 1);
	/* the name is free again for a new provider */
	KUNIT_EXPECT_EQ(test, PTR_ERR(dma_request_chan(consumer, "rx")),
			-EPROBE_DEFER);
}

/* Releasing a channel nobody holds warns and changes nothing. */
static void release_of_free_channel_changes_nothing(struct kunit *test)
{
	struct dtp *dtp = dtp_create_registered(test, "free", 2, PRIV_MEMCPY);
	struct dma_chan *c0 = dtp_chan(dtp, 0);

	dtp_request(test, dtp, 1);
	KUNIT_EXPECT_EQ(test, dtp->dd.privatecnt, 2U);
	/* the misuse under test (expect a WARN) */
	dma_release_channel(c0);
	KUNIT_EXPECT_EQ(test, c0->client_count, 0);
	KUNIT_EXPECT_EQ(test, dtp->dd.privatecnt, 2U);
	KUNIT_EXPECT_EQ(test, dtp_calls(c0, DTP_FREE), 0U);
	KUNIT_EXPECT_EQ(test, dtp_calls(c0, DTP_SYNCHRONIZE), 0U);
	/* and the channel can still be taken normally */
	KUNIT_EXPECT_PTR_EQ(test, dtp_request(test, dtp, 0), c0);
	KUNIT_EXPECT_EQ(test, c0->client_count, 1);
}

/* dma_request_chan() never returns NULL: busy, unknown, bad arguments. */
static void request_chan_failures_are_errors(struct kunit *test)
{
	struct device *consumer = kunit_device_register(test, "consumer");
	struct device *stranger = kunit_device_register(test, "stranger");
	struct dtp *dtp = dtp_create(test, "mapped", 2, PRIV_SLAVE);
	struct dma_chan *chan, *again;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, consumer);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, stranger);
	dtp_add_slave_map(dtp, consumer, "rx", 1);
	KUNIT_ASSERT_EQ(test, dtp_register(dtp), 0);

	chan = dma_request_chan(consumer, "rx");
	KUNIT_ASSERT_PTR_EQ(test, chan, dtp_chan(dtp, 1));
	dtp_hold_channel(test, chan);

	/* the mapped channel is busy */
	again = dma_request_chan(consumer, "rx");
	KUNIT_EXPECT_EQ(test, PTR_ERR(again), -EBUSY);
	/*
	 * Nothing describes these yet: the core's documented answer is to
	 * defer, since a board-file provider may still register.
	 */
	KUNIT_EXPECT_EQ(test, PTR_ERR(dma_request_chan(consumer, "nope")),
			-EPROBE_DEFER);
	KUNIT_EXPECT_EQ(test, PTR_ERR(dma_request_chan(stranger, "rx")),
			-EPROBE_DEFER);
	/* missing arguments can never match */
	KUNIT_EXPECT_EQ(test, PTR_ERR(dma_request_chan(NULL, "rx")), -ENODEV);
	KUNIT_EXPECT_EQ(test, PTR_ERR(dma_request_chan(consumer, NULL)),
			-ENODEV);
	KUNIT_EXPECT_EQ(test, dtp_calls(dtp_chan(dtp, 0), DTP_ALLOC), 0U);
	KUNIT_EXPECT_EQ(test, dtp_chan(dtp, 0)->client_count, 0);
}

/* A map entry whose filter accepts nothing fails without touching channels. */
static void request_chan_filter_rejects(struct kunit *test)
{
	struct device *consumer = kunit_device_register(test, "consumer");
	struct dtp *dtp = dtp_create(test, "mapped", 1, PRIV_SLAVE);
	struct dtp *elsewhere = dtp_create(test, "elsewhere", 1, PRIV_SLAVE);
	struct dma_chan *chan;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, consumer);
	/* the entry's parameter names a channel of an unregistered device */
	dtp_add_slave_map(dtp, consumer, "rx", 0);
	dtp->map[0].param = dtp_chan(elsewhere, 0);
	KUNIT_ASSERT_EQ(test, dtp_register(dtp), 0);

	/* a description that can never yield a channel: not a deferral */
	chan = dma_request_chan(consumer, "rx");
	KUNIT_EXPECT_EQ(test, PTR_ERR(chan), -ENODEV);
	KUNIT_EXPECT_EQ(test, dtp_calls(dtp_chan(dtp, 0), DTP_ALLOC), 0U);
	KUNIT_EXPECT_EQ(test, dtp->dd.privatecnt, 1U);
}

/* dma_get_slave_channel() takes that channel if free, NULL otherwise. */
static void get_slave_channel_takes_exactly_one(struct kunit *test)
{
	struct dtp *dtp = dtp_create_registered(test, "getslave", 2,
						BIT(DMA_SLAVE));
	struct dma_chan *c1 = dtp_chan(dtp, 1);
	struct dma_chan *chan;

	KUNIT_EXPECT_NULL(test, dma_get_slave_channel(NULL));
	KUNIT_EXPECT_NULL(test, dma_get_any_slave_channel(NULL));
	chan = dma_get_slave_channel(c1);
	KUNIT_ASSERT_PTR_EQ(test, chan, c1);
	dtp_hold_channel(test, chan);
	KUNIT_EXPECT_EQ(test, c1->client_count, 1);
	KUNIT_EXPECT_EQ(test, dtp_calls(c1, DTP_ALLOC), 1U);
	KUNIT_EXPECT_TRUE(test, dma_has_cap(DMA_PRIVATE, dtp->dd.cap_mask));
	KUNIT_EXPECT_EQ(test, dtp->dd.privatecnt, 1U);
	KUNIT_EXPECT_EQ(test, dtp_chan(dtp, 0)->client_count, 0);

	KUNIT_EXPECT_NULL(test, dma_get_slave_channel(c1));
	KUNIT_EXPECT_EQ(test, c1->client_count, 1);
	KUNIT_EXPECT_EQ(test, dtp_calls(c1, DTP_ALLOC), 1U);

	dtp_release(test, c1);
	KUNIT_EXPECT_EQ(test, dtp->dd.privatecnt, 0U);
	KUNIT_EXPECT_FALSE(test, dma_has_cap(DMA_PRIVATE, dtp->dd.cap_mask));
}

/* dma_get_any_slave_channel() takes the first free slave channel. */
static void get_any_slave_channel_first_free(struct kunit *test)
{
	struct dtp *dtp = dtp_create_registered(test, "anyslave", 2,
						PRIV_SLAVE);
	struct dtp *mem = dtp_create_registered(test, "mem", 1, PRIV_MEMCPY);
	struct dma_chan *chan;

	KUNIT_EXPECT_NULL(test, dma_get_any_slave_channel(&mem->dd));
	KUNIT_EXPECT_EQ(test, dtp_calls(dtp_chan(mem, 0), DTP_ALLOC), 0U);

	chan = dma_get_any_slave_channel(&dtp->dd);
	KUNIT_ASSERT_PTR_EQ(test, chan, dtp_chan(dtp, 0));
	dtp_hold_channel(test, chan);
	chan = dma_get_any_slave_channel(&dtp->dd);
	KUNIT_ASSERT_PTR_EQ(test, chan, dtp_chan(dtp, 1));
	dtp_hold_channel(test, chan);
	KUNIT_EXPECT_NULL(test, dma_get_any_slave_channel(&dtp->dd));
	KUNIT_EXPECT_EQ(test, dtp->dd.privatecnt, 3U);
}

/* A failing alloc_chan_resources leaves the channel free and unchanged. */
static void alloc_failure_leaves_channel_free(struct kunit *test)
{
	struct device *consumer = kunit_device_register(test, "consumer");
	struct dtp *dtp = dtp_create(test, "allocfail", 1,
				     BIT(DMA_SLAVE) | BIT(DMA_MEMCPY) |
				     DTP_RARE_CAPS);
	dma_cap_mask_t mask = dtp_mask(DTP_RARE_CAPS);
	struct dma_chan *c0 = dtp_chan(dtp, 0);
	struct dma_chan *chan;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, consumer);
	dtp_add_slave_map(dtp, consumer, "rx", 0);
	KUNIT_ASSERT_EQ(test, dtp_register(dtp), 0);
	dtp->fail[DTP_ALLOC] = -ENOMEM;

	KUNIT_EXPECT_NULL(test, dma_request_channel(mask, dtp_filter_chan, c0));
	KUNIT_EXPECT_NULL(test, dma_get_slave_channel(c0));
	KUNIT_EXPECT_NULL(test, dma_get_any_slave_channel(&dtp->dd));
	chan = dma_request_chan(consumer, "rx");
	KUNIT_EXPECT_EQ(test, PTR_ERR(chan), -ENOMEM);
	KUNIT_EXPECT_EQ(test, PTR_ERR(dma_request_chan_by_mask(&mask)),
			-ENOMEM);

	KUNIT_EXPECT_EQ(test, dtp_calls(c0, DTP_ALLOC), 5U);
	KUNIT_EXPECT_EQ(test, dtp_calls(c0, DTP_FREE), 0U);
	KUNIT_EXPECT_EQ(test, c0->client_count, 0);
	KUNIT_EXPECT_NULL(test, c0->slave);
	KUNIT_EXPECT_EQ(test, dtp->dd.privatecnt, 0U);
	KUNIT_EXPECT_FALSE(test, dma_has_cap(DMA_PRIVATE, dtp->dd.cap_mask));

	/* once the provider recovers the channel can be taken; drivers may
	 * return a positive descriptor count from alloc_chan_resources
	 */
	dtp->fail[DTP_ALLOC] = 16;
	chan = dma_request_channel(mask, NULL, NULL);
	KUNIT_EXPECT_PTR_EQ(test, chan, c0);
	if (!IS_ERR_OR_NULL(chan))
		dtp_hold_channel(test, chan);
}

/* A managed request is released when the consumer device goes away. */
static void devm_request_released_on_detach(struct kunit *test)
{
	struct device *consumer = kunit_device_register(test, "consumer");
	struct dtp *dtp = dtp_create(test, "devm", 1, PRIV_SLAVE);
	struct dma_chan *chan;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, consumer);
	dtp_add_slave_map(dtp, consumer, "rx", 0);
	KUNIT_ASSERT_EQ(test, dtp_register(dtp), 0);

	chan = devm_dma_request_chan(consumer, "rx");
	KUNIT_ASSERT_PTR_EQ(test, chan, dtp_chan(dtp, 0));
	KUNIT_EXPECT_EQ(test, chan->client_count, 1);
	KUNIT_EXPECT_EQ(test, PTR_ERR(devm_dma_request_chan(consumer, "nope")),
			PTR_ERR(dma_request_chan(consumer, "nope")));

	kunit_device_unregister(test, consumer);
	KUNIT_EXPECT_EQ(test, chan->client_count, 0);
	KUNIT_EXPECT_NULL(test, chan->slave);
	KUNIT_EXPECT_EQ(test, dtp_calls(chan, DTP_FREE), 1U);
	KUNIT_EXPECT_EQ(test, dtp->dd.privatecnt, 1U);
}

static struct kunit_case dmaengine_request_cases[] = {
	KUNIT_CASE(request_honours_mask_and_filter),
	KUNIT_CASE(request_follows_registration_order),
	KUNIT_CASE(filter_runs_without_core_locks),
	KUNIT_CASE(filter_may_request_another_channel),
	KUNIT_CASE(filter_and_alloc_share_a_mutex),
	KUNIT_CASE(private_device_stays_private),
	KUNIT_CASE(public_device_private_while_held),
	KUNIT_CASE(public_refs_block_exclusive_requests),
	KUNIT_CASE(request_by_mask_defers_without_devices),
	KUNIT_CASE(request_by_mask_errors),
	KUNIT_CASE(request_chan_through_slave_map),
	KUNIT_CASE(request_chan_links_dropped_on_unregister),
	KUNIT_CASE(release_of_free_channel_changes_nothing),
	KUNIT_CASE(request_chan_failures_are_errors),
	KUNIT_CASE(request_chan_filter_rejects),
	KUNIT_CASE(get_slave_channel_takes_exactly_one),
	KUNIT_CASE(get_any_slave_channel_first_free),
	KUNIT_CASE(alloc_failure_leaves_channel_free),
	KUNIT_CASE(devm_request_released_on_detach),
	{}
};

static struct kunit_suite dmaengine_request_suite = {
	.name = "dmaengine_request",
	.test_cases = dmaengine_request_cases,
};

kunit_test_suite(dmaengine_request_suite);
