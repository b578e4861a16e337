// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the channel statistics the core keeps, and for how
 * sysfs and debugfs report them.
 */

#include <kunit/device.h>
#include <kunit/test.h>
#include <linux/device.h>
#include <linux/dmaengine.h>
#include <linux/seq_file.h>
#include <linux/sizes.h>
#include <linux/string.h>

#include "dmaengine.h"
#include "dmaengine_test_provider.h"

#define STATS_CAPS	(BIT(DMA_MEMCPY) | BIT(DMA_INTERRUPT) |	\
			 BIT(DMA_SLAVE) | BIT(DMA_PRIVATE))

static s64 st_read64(atomic64_t *v)
{
	return atomic64_read(v);
}

static struct dma_chan *stats_chan(struct kunit *test)
{
	struct dtp *dtp = dtp_create_registered(test, "stats", 1, STATS_CAPS);

	return dtp_request(test, dtp, 0);
}

/* Submissions, completions, bytes and in-flight follow real traffic. */
static void stats_follow_submit_and_complete(struct kunit *test)
{
	struct dma_chan *chan = stats_chan(test);
	struct dma_chan_stats *st = &chan->stats;

	KUNIT_EXPECT_EQ(test, st_read64(&st->submitted), 0);
	dtp_submit_memcpy(test, chan, 100, 0);
	dtp_submit_memcpy(test, chan, 200, 0);
	dtp_submit_memcpy(test, chan, 300, 0);
	KUNIT_EXPECT_EQ(test, st_read64(&st->submitted), 3);
	KUNIT_EXPECT_EQ(test, atomic_read(&st->in_flight), 3);
	KUNIT_EXPECT_EQ(test, atomic_read(&st->in_flight_max), 3);
	KUNIT_EXPECT_EQ(test, st_read64(&st->completed), 0);

	dma_async_issue_pending(chan);
	KUNIT_ASSERT_EQ(test, dtp_complete(chan, 2), 2U);
	KUNIT_EXPECT_EQ(test, st_read64(&st->completed), 2);
	KUNIT_EXPECT_EQ(test, st_read64(&st->bytes), 300);
	KUNIT_EXPECT_EQ(test, atomic_read(&st->in_flight), 1);

	KUNIT_ASSERT_EQ(test, dtp_complete(chan, 1), 1U);
	KUNIT_EXPECT_EQ(test, st_read64(&st->completed), 3);
	KUNIT_EXPECT_EQ(test, st_read64(&st->bytes), 600);
	KUNIT_EXPECT_EQ(test, atomic_read(&st->in_flight), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&st->in_flight_max), 3);
	KUNIT_EXPECT_EQ(test, st_read64(&st->errors), 0);
	KUNIT_EXPECT_EQ(test, st_read64(&st->aborted), 0);
}

/* in_flight_max keeps the highest depth ever reached. */
static void stats_in_flight_max_is_high_water(struct kunit *test)
{
	struct dma_chan *chan = stats_chan(test);
	struct dma_chan_stats *st = &chan->stats;
	unsigned int i;

	for (i = 0; i < 5; i++)
		dtp_submit_memcpy(test, chan, 64, 0);
	dma_async_issue_pending(chan);
	KUNIT_ASSERT_EQ(test, dtp_complete(chan, 5), 5U);
	dtp_submit_memcpy(test, chan, 64, 0);
	dtp_submit_memcpy(test, chan, 64, 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&st->in_flight), 2);
	KUNIT_EXPECT_EQ(test, atomic_read(&st->in_flight_max), 5);
	KUNIT_EXPECT_EQ(test, st_read64(&st->submitted), 7);
	KUNIT_EXPECT_EQ(test, st_read64(&st->bytes), 5 * 64);
}

/* Failure results count as errors, an ABORTED result as aborted. */
static void stats_count_error_and_abort_results(struct kunit *test)
{
	struct dma_chan *chan = stats_chan(test);
	struct dma_chan_stats *st = &chan->stats;

	dtp_submit_memcpy(test, chan, 100, 0);
	dtp_submit_memcpy(test, chan, 100, 0);
	dtp_submit_memcpy(test, chan, 100, 0);
	dtp_submit_memcpy(test, chan, 100, 0);
	dma_async_issue_pending(chan);

	dtp_set_result(chan, DMA_TRANS_READ_FAILED, 100);
	KUNIT_ASSERT_EQ(test, dtp_complete(chan, 1), 1U);
	dtp_set_result(chan, DMA_TRANS_WRITE_FAILED, 40);
	KUNIT_ASSERT_EQ(test, dtp_complete(chan, 1), 1U);
	dtp_set_result(chan, DMA_TRANS_ABORTED, 100);
	KUNIT_ASSERT_EQ(test, dtp_complete(chan, 1), 1U);
	dtp_set_result(chan, DMA_TRANS_NOERROR, 0);
	KUNIT_ASSERT_EQ(test, dtp_complete(chan, 1), 1U);

	KUNIT_EXPECT_EQ(test, st_read64(&st->completed), 4);
	KUNIT_EXPECT_EQ(test, st_read64(&st->errors), 2);
	KUNIT_EXPECT_EQ(test, st_read64(&st->aborted), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&st->in_flight), 0);
}

/* Terminated descriptors count as aborted and leave the in-flight count. */
static void stats_count_terminated_as_aborted(struct kunit *test)
{
	struct dma_chan *chan = stats_chan(test);
	struct dma_chan_stats *st = &chan->stats;

	dtp_submit_memcpy(test, chan, 100, 0);
	dtp_submit_memcpy(test, chan, 100, 0);
	dma_async_issue_pending(chan);
	dtp_submit_memcpy(test, chan, 100, 0);
	KUNIT_ASSERT_EQ(test, dtp_complete(chan, 1), 1U);
	KUNIT_EXPECT_EQ(test, atomic_read(&st->in_flight), 2);

	KUNIT_ASSERT_EQ(test, dmaengine_terminate_sync(chan), 0);
	KUNIT_EXPECT_EQ(test, st_read64(&st->aborted), 2);
	KUNIT_EXPECT_EQ(test, atomic_read(&st->in_flight), 0);
	KUNIT_EXPECT_EQ(test, st_read64(&st->completed), 1);
	KUNIT_EXPECT_EQ(test, st_read64(&st->bytes), 100);
	KUNIT_EXPECT_EQ(test, atomic_read(&st->in_flight_max), 3);

	/* a provider over-reporting aborts cannot drive in_flight negative */
	dmaengine_chan_note_aborted(chan, 5);
	KUNIT_EXPECT_EQ(test, atomic_read(&st->in_flight), 0);
	KUNIT_EXPECT_EQ(test, st_read64(&st->aborted), 7);
}

/* Descriptors of unknown length count, but add no bytes. */
static void stats_bytes_only_for_known_lengths(struct kunit *test)
{
	struct dma_chan *chan = stats_chan(test);
	struct dma_chan_stats *st = &chan->stats;
	struct dma_async_tx_descriptor *tx;

	/* the raw provider call bypasses the wrapper that records the length */
	tx = chan->device->device_prep_dma_interrupt(chan, DMA_PREP_INTERRUPT);
	KUNIT_ASSERT_NOT_NULL(test, tx);
	KUNIT_EXPECT_EQ(test, tx->xfer_len, (size_t)0);
	KUNIT_ASSERT_GE(test, dmaengine_submit(tx), DMA_MIN_COOKIE);
	tx = chan->device->device_prep_dma_memcpy(chan, 0, 0, 4096, 0);
	KUNIT_ASSERT_NOT_NULL(test, tx);
	KUNIT_ASSERT_GE(test, dmaengine_submit(tx), DMA_MIN_COOKIE);
	dtp_submit_memcpy(test, chan, 512, 0);

	dma_async_issue_pending(chan);
	KUNIT_ASSERT_EQ(test, dtp_complete(chan, 3), 3U);
	KUNIT_EXPECT_EQ(test, st_read64(&st->completed), 3);
	KUNIT_EXPECT_EQ(test, st_read64(&st->bytes), 512);
}

/* Cyclic period notifications are counted, coalesced ones separately. */
static void stats_count_periods(struct kunit *test)
{
	struct dma_chan *chan = stats_chan(test);
	struct dma_chan_stats *st = &chan->stats;

	dmaengine_chan_note_periods(chan, 3, 0);
	dmaengine_chan_note_periods(chan, 1, 2);
	dmaengine_chan_note_periods(chan, 0, 0);
	KUNIT_EXPECT_EQ(test, st_read64(&st->periods), 4);
	KUNIT_EXPECT_EQ(test, st_read64(&st->periods_coalesced), 2);
}

/* Counters are per channel. */
static void stats_are_per_channel(struct kunit *test)
{
	struct dtp *dtp = dtp_create_registered(test, "two", 2, STATS_CAPS);
	struct dma_chan *c0 = dtp_request(test, dtp, 0);
	struct dma_chan *c1 = dtp_request(test, dtp, 1);

	dtp_submit_memcpy(test, c0, 10, 0);
	dtp_submit_memcpy(test, c1, 20, 0);
	dtp_submit_memcpy(test, c1, 30, 0);
	dma_async_issue_pending(c1);
	KUNIT_ASSERT_EQ(test, dtp_complete(c1, 2), 2U);
	KUNIT_EXPECT_EQ(test, st_read64(&c0->stats.submitted), 1);
	KUNIT_EXPECT_EQ(test, st_read64(&c0->stats.completed), 0);
	KUNIT_EXPECT_EQ(test, st_read64(&c1->stats.submitted), 2);
	KUNIT_EXPECT_EQ(test, st_read64(&c1->stats.bytes), 50);
	KUNIT_EXPECT_EQ(test, atomic_read(&c0->stats.in_flight), 1);
}

/* sysfs in_use, memcpy_count and bytes_transferred read the live values. */
static void sysfs_attributes_report_stats(struct kunit *test)
{
	struct dtp *dtp = dtp_create_registered(test, "sysfs", 1, STATS_CAPS);
	struct dma_chan *chan = dtp_chan(dtp, 0);
	char *buf = kunit_kzalloc(test, PAGE_SIZE, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_EXPECT_EQ(test, dtp_read_chan_attr(test, chan, "in_use", buf),
			(ssize_t)2);
	KUNIT_EXPECT_STREQ(test, buf, "0\n");

	dtp_request(test, dtp, 0);
	dtp_read_chan_attr(test, chan, "in_use", buf);
	KUNIT_EXPECT_STREQ(test, buf, "1\n");

	dtp_submit_memcpy(test, chan, 1000, 0);
	dtp_submit_memcpy(test, chan, 24, 0);
	dtp_submit_memcpy(test, chan, 7, 0);
	dma_async_issue_pending(chan);
	KUNIT_ASSERT_EQ(test, dtp_complete(chan, 2), 2U);

	dtp_read_chan_attr(test, chan, "memcpy_count", buf);
	KUNIT_EXPECT_STREQ(test, buf, "2\n");
	dtp_read_chan_attr(test, chan, "bytes_transferred", buf);
	KUNIT_EXPECT_STREQ(test, buf, "1024\n");

	KUNIT_ASSERT_EQ(test, dtp_complete(chan, 1), 1U);
	dtp_read_chan_attr(test, chan, "memcpy_count", buf);
	KUNIT_EXPECT_STREQ(test, buf, "3\n");
	dtp_read_chan_attr(test, chan, "bytes_transferred", buf);
	KUNIT_EXPECT_STREQ(test, buf, "1031\n");
}

/* in_use counts every reference, including those of public users. */
static void sysfs_in_use_counts_public_refs(struct kunit *test)
{
	struct dtp *dtp = dtp_create_registered(test, "pub", 1,
						BIT(DMA_MEMCPY));
	struct dma_chan *chan = dtp_chan(dtp, 0);
	char *buf = kunit_kzalloc(test, PAGE_SIZE, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	dmaengine_get();
	dmaengine_get();
	dtp_read_chan_attr(test, chan, "in_use", buf);
	dmaengine_put();
	dmaengine_put();
	KUNIT_EXPECT_STREQ(test, buf, "2\n");
	dtp_read_chan_attr(test, chan, "in_use", buf);
	KUNIT_EXPECT_STREQ(test, buf, "0\n");
}

/* A held channel's attributes answer -ENODEV once it is unregistered. */
static void sysfs_attributes_enodev_after_unregister(struct kunit *test)
{
	struct dtp *dtp = dtp_create_registered(test, "gone", 1, STATS_CAPS);
	struct dma_chan *chan = dtp_request(test, dtp, 0);
	char *buf = kunit_kzalloc(test, PAGE_SIZE, GFP_KERNEL);
	struct dtp_attr *in_use, *count, *bytes;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	in_use = dtp_chan_attr(test, chan, "in_use");
	count = dtp_chan_attr(test, chan, "memcpy_count");
	bytes = dtp_chan_attr(test, chan, "bytes_transferred");
	KUNIT_EXPECT_EQ(test, dtp_attr_show(in_use, buf), (ssize_t)2);
	KUNIT_EXPECT_STREQ(test, buf, "1\n");

	dtp_unregister(dtp);
	KUNIT_EXPECT_EQ(test, dtp_attr_show(in_use, buf), (ssize_t)-ENODEV);
	KUNIT_EXPECT_EQ(test, dtp_attr_show(count, buf), (ssize_t)-ENODEV);
	KUNIT_EXPECT_EQ(test, dtp_attr_show(bytes, buf), (ssize_t)-ENODEV);
	/* the holder can still release the channel afterwards */
	dtp_release(test, chan);
	KUNIT_EXPECT_EQ(test, atomic_read(&dtp->releases), 1);
}

static char *read_debugfs(struct kunit *test, const char *path)
{
	char *buf = kunit_kzalloc(test, SZ_64K, GFP_KERNEL);
	ssize_t len;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	len = dtp_read_debugfs(path, buf, SZ_64K);
	KUNIT_ASSERT_GE_MSG(test, len, (ssize_t)0, "reading %s", path);
	return buf;
}

static void expect_contains(struct kunit *test, const char *text,
			    const char *want)
{
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(text, want),
				  "missing \"%s\" in:\n%s", want, text);
}

/* The debugfs summary lists the device, its user and its statistics. */
static void debugfs_summary_lists_users_and_stats(struct kunit *test)
{
	struct device *consumer = kunit_device_register(test, "consumer");
	struct dtp *dtp = dtp_create(test, "summary", 2, STATS_CAPS);
	struct dma_chan *chan;
	char want[160];
	char *text;

	if (!IS_ENABLED(CONFIG_DEBUG_FS))
		kunit_skip(test, "needs CONFIG_DEBUG_FS");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, consumer);
	dtp_add_slave_map(dtp, consumer, "rx", 1);
	KUNIT_ASSERT_EQ(test, dtp_register(dtp), 0);
	chan = dma_request_chan(consumer, "rx");
	KUNIT_ASSERT_PTR_EQ(test, chan, dtp_chan(dtp, 1));
	dtp_hold_channel(test, chan);

	dtp_submit_memcpy(test, chan, 300, 0);
	dtp_submit_memcpy(test, chan, 200, 0);
	dtp_submit_memcpy(test, chan, 100, 0);
	dma_async_issue_pending(chan);
	KUNIT_ASSERT_EQ(test, dtp_complete(chan, 2), 2U);

	text = read_debugfs(test, "dmaengine/summary");
	snprintf(want, sizeof(want), "dma%d (%s): number of channels: 2\n",
		 dtp->dd.dev_id, dev_name(dtp->dev));
	expect_contains(test, text, want);
	snprintf(want, sizeof(want), " %-13s| %s:rx\n", dma_chan_name(chan),
		 dev_name(consumer));
	expect_contains(test, text, want);
	snprintf(want, sizeof(want),
		 "   %s stats: submitted=3 completed=2 errors=0 aborted=0 bytes=500 in_flight=1/3 periods=0/0\n",
		 dma_chan_name(chan));
	expect_contains(test, text, want);
	/* the idle channel has no user line, but a stats line of its own */
	snprintf(want, sizeof(want), " %-13s|",
		 dma_chan_name(dtp_chan(dtp, 0)));
	KUNIT_EXPECT_NULL(test, strstr(text, want));
	snprintf(want, sizeof(want),
		 "   %s stats: submitted=0 completed=0 errors=0 aborted=0 bytes=0 in_flight=0/0 periods=0/0\n",
		 dma_chan_name(dtp_chan(dtp, 0)));
	expect_contains(test, text, want);
}

/* Devices appear in registration order, their blocks separated by a blank line. */
static void debugfs_summary_separates_devices(struct kunit *test)
{
	struct dtp *first = dtp_create_registered(test, "sum-first", 1,
						  STATS_CAPS);
	struct dtp *second = dtp_create_registered(test, "sum-second", 2,
						   STATS_CAPS);
	char want[320];
	char *text;

	if (!IS_ENABLED(CONFIG_DEBUG_FS))
		kunit_skip(test, "needs CONFIG_DEBUG_FS");
	text = read_debugfs(test, "dmaengine/summary");
	snprintf(want, sizeof(want),
		 "   %s stats: submitted=0 completed=0 errors=0 aborted=0 bytes=0 in_flight=0/0 periods=0/0\n"
		 "\n"
		 "dma%d (%s): number of channels: 2\n",
		 dma_chan_name(dtp_chan(first, 0)), second->dd.dev_id,
		 dev_name(second->dev));
	expect_contains(test, text, want);
	/* the summary does not end with a separator */
	KUNIT_EXPECT_NE(test, text[strlen(text) - 2], '\n');
}

static void custom_summary(struct seq_file *s, struct dma_device *dd)
{
	seq_printf(s, "custom summary of %u channels\n", dd->chancnt);
}

/* A provider's dbg_summary_show replaces the per-channel user lines. */
static void debugfs_summary_uses_provider_hook(struct kunit *test)
{
	struct dtp *dtp = dtp_create(test, "hook", 3, STATS_CAPS);
	struct dma_chan *chan;
	char want[64];
	char *text;

	if (!IS_ENABLED(CONFIG_DEBUG_FS))
		kunit_skip(test, "needs CONFIG_DEBUG_FS");
	dtp->dd.dbg_summary_show = custom_summary;
	KUNIT_ASSERT_EQ(test, dtp_register(dtp), 0);
	chan = dtp_request(test, dtp, 0);

	text = read_debugfs(test, "dmaengine/summary");
	expect_contains(test, text, "custom summary of 3 channels\n");
	snprintf(want, sizeof(want), " %-13s| in-use", dma_chan_name(chan));
	KUNIT_EXPECT_NULL(test, strstr(text, want));
}

/* Each channel has a debugfs stats file with every counter. */
static void debugfs_channel_stats_file(struct kunit *test)
{
	struct dtp *dtp = dtp_create_registered(test, "chanstats", 1,
						STATS_CAPS);
	struct dma_chan *chan = dtp_request(test, dtp, 0);
	char path[160];
	char *text;

	if (!IS_ENABLED(CONFIG_DEBUG_FS))
		kunit_skip(test, "needs CONFIG_DEBUG_FS");
	KUNIT_ASSERT_NOT_NULL(test, dmaengine_get_debugfs_root(&dtp->dd));

	dtp_submit_memcpy(test, chan, 4096, 0);
	dtp_submit_memcpy(test, chan, 4096, 0);
	dma_async_issue_pending(chan);
	dtp_set_result(chan, DMA_TRANS_WRITE_FAILED, 0);
	KUNIT_ASSERT_EQ(test, dtp_complete(chan, 1), 1U);
	dmaengine_terminate_sync(chan);
	dmaengine_chan_note_periods(chan, 2, 1);

	snprintf(path, sizeof(path), "dmaengine/%s/%s/stats",
		 dev_name(dtp->dev), dma_chan_name(chan));
	text = read_debugfs(test, path);
	KUNIT_EXPECT_STREQ(test, text,
			   "submitted: 2\n"
			   "completed: 1\n"
			   "errors: 1\n"
			   "aborted: 1\n"
			   "bytes: 4096\n"
			   "periods: 2\n"
			   "periods_coalesced: 1\n"
			   "in_flight: 0\n"
			   "in_flight_max: 2\n"
			   "clients: 1\n");
}

/* Unregistering removes the device's debugfs directory. */
static void debugfs_directory_follows_device(struct kunit *test)
{
	struct dtp *dtp = dtp_create_registered(test, "dir", 1, STATS_CAPS);
	char path[160];
	char *text;

	if (!IS_ENABLED(CONFIG_DEBUG_FS))
		kunit_skip(test, "needs CONFIG_DEBUG_FS");
	snprintf(path, sizeof(path), "dmaengine/%s/%s/stats",
		 dev_name(dtp->dev), dma_chan_name(dtp_chan(dtp, 0)));
	text = read_debugfs(test, path);
	expect_contains(test, text, "clients: 0\n");

	dtp_unregister(dtp);
	KUNIT_EXPECT_EQ(test, dtp_read_debugfs(path, text, SZ_64K),
			(ssize_t)-ENOENT);
	KUNIT_EXPECT_NULL(test, dmaengine_get_debugfs_root(&dtp->dd));
	text = read_debugfs(test, "dmaengine/summary");
	KUNIT_EXPECT_NULL(test, strstr(text, dev_name(dtp->dev)));
}

static struct kunit_case dmaengine_stats_cases[] = {
	KUNIT_CASE(stats_follow_submit_and_complete),
	KUNIT_CASE(stats_in_flight_max_is_high_water),
	KUNIT_CASE(stats_count_error_and_abort_results),
	KUNIT_CASE(stats_count_terminated_as_aborted),
	KUNIT_CASE(stats_bytes_only_for_known_lengths),
	KUNIT_CASE(stats_count_periods),
	KUNIT_CASE(stats_are_per_channel),
	KUNIT_CASE(sysfs_attributes_report_stats),
	KUNIT_CASE(sysfs_in_use_counts_public_refs),
	KUNIT_CASE(sysfs_attributes_enodev_after_unregister),
	KUNIT_CASE(debugfs_summary_lists_users_and_stats),
	KUNIT_CASE(debugfs_summary_separates_devices),
	KUNIT_CASE(debugfs_summary_uses_provider_hook),
	KUNIT_CASE(debugfs_channel_stats_file),
	KUNIT_CASE(debugfs_directory_follows_device),
	{}
};

static struct kunit_suite dmaengine_stats_suite = {
	.name = "dmaengine_stats",
	.test_cases = dmaengine_stats_cases,
};

kunit_test_suite(dmaengine_stats_suite);
