// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the dmaengine trace events: one event per step of a
 * descriptor's life and of a channel's ownership, with the values the
 * step had, and none for refused operations.
 */

#include <kunit/device.h>
#include <kunit/test.h>
#include <linux/device.h>
#include <linux/dmaengine.h>
#include <linux/err.h>

#include "dmaengine.h"
#include "dmaengine_test_provider.h"

#define TRACE_CAPS	(BIT(DMA_MEMCPY) | BIT(DMA_SLAVE) | BIT(DMA_PRIVATE))

/* Each step of a descriptor's life fires its event once, with its values. */
static void trace_follows_descriptor_life(struct kunit *test)
{
	struct dtp *dtp = dtp_create_registered(test, "trace", 1, TRACE_CAPS);
	struct dtp_trace *t = dtp_trace_start(test, &dtp->dd);
	struct dma_async_tx_descriptor *tx;
	struct dma_chan *chan;
	dma_cookie_t cookie;

	chan = dtp_request(test, dtp, 0);
	KUNIT_EXPECT_EQ(test, dtp_trace_count(t, DTP_EV_REQUEST), 1U);
	/* a filter request has no client name */
	KUNIT_EXPECT_STREQ(test, t->client, "");

	tx = dmaengine_prep_dma_memcpy(chan, 0x1000, 0x2000, 512, 0);
	KUNIT_ASSERT_NOT_NULL(test, tx);
	KUNIT_EXPECT_EQ(test, dtp_trace_count(t, DTP_EV_PREP), 1U);
	KUNIT_EXPECT_EQ(test, t->prep_type, (unsigned int)DMA_MEMCPY);
	KUNIT_EXPECT_PTR_EQ(test, t->prep_tx, tx);

	cookie = dmaengine_submit(tx);
	KUNIT_EXPECT_EQ(test, dtp_trace_count(t, DTP_EV_SUBMIT), 1U);
	KUNIT_EXPECT_EQ(test, t->cookie, cookie);

	dma_async_issue_pending(chan);
	KUNIT_EXPECT_EQ(test, dtp_trace_count(t, DTP_EV_ISSUE), 1U);
	KUNIT_EXPECT_EQ(test, dtp_trace_count(t, DTP_EV_COMPLETE), 0U);

	dtp_set_result(chan, DMA_TRANS_READ_FAILED, 64);
	KUNIT_ASSERT_EQ(test, dtp_complete(chan, 1), 1U);
	KUNIT_EXPECT_EQ(test, dtp_trace_count(t, DTP_EV_COMPLETE), 1U);
	/* the completion event carries the cookie the descriptor had */
	KUNIT_EXPECT_EQ(test, t->cookie, cookie);
	KUNIT_EXPECT_EQ(test, dtp_trace_count(t, DTP_EV_RESULT), 1U);
	KUNIT_EXPECT_EQ(test, t->result, DMA_TRANS_READ_FAILED);

	KUNIT_EXPECT_EQ(test, dmaengine_terminate_sync(chan), 0);
	KUNIT_EXPECT_EQ(test, dtp_trace_count(t, DTP_EV_TERMINATE), 1U);
	KUNIT_EXPECT_EQ(test, t->terminate_ret, 0);
	KUNIT_EXPECT_EQ(test, dtp_trace_count(t, DTP_EV_SYNCHRONIZE), 1U);

	dtp_release(test, chan);
	KUNIT_EXPECT_EQ(test, dtp_trace_count(t, DTP_EV_RELEASE), 1U);
	/* logged while the client still held the channel */
	KUNIT_EXPECT_EQ(test, t->clients, 1);
	KUNIT_EXPECT_EQ(test, dtp_trace_count(t, DTP_EV_REQUEST), 1U);
}

/* A refused prep and a refused terminate are logged with their outcome. */
static void trace_logs_failures(struct kunit *test)
{
	struct dtp *dtp = dtp_create_registered(test, "tracefail", 1,
						TRACE_CAPS);
	struct dtp_trace *t = dtp_trace_start(test, &dtp->dd);
	struct dma_chan *chan = dtp_request(test, dtp, 0);

	dtp->prep_fail = true;
	KUNIT_EXPECT_NULL(test, dmaengine_prep_dma_memcpy(chan, 0, 0, 64, 0));
	KUNIT_EXPECT_EQ(test, dtp_trace_count(t, DTP_EV_PREP), 1U);
	KUNIT_EXPECT_NULL(test, t->prep_tx);
	dtp->prep_fail = false;

	dtp->fail[DTP_TERMINATE] = -EBUSY;
	KUNIT_EXPECT_EQ(test, dmaengine_terminate_async(chan), -EBUSY);
	KUNIT_EXPECT_EQ(test, dtp_trace_count(t, DTP_EV_TERMINATE), 1U);
	KUNIT_EXPECT_EQ(test, t->terminate_ret, -EBUSY);
	dtp->fail[DTP_TERMINATE] = 0;
}

/* A release refused as misuse logs no release event. */
static void trace_no_release_event_for_misuse(struct kunit *test)
{
	struct dtp *dtp = dtp_create_registered(test, "tracemisuse", 1,
						TRACE_CAPS);
	struct dtp_trace *t = dtp_trace_start(test, &dtp->dd);
	struct dma_chan *chan = dtp_request(test, dtp, 0);

	dtp_release(test, chan);
	KUNIT_EXPECT_EQ(test, dtp_trace_count(t, DTP_EV_RELEASE), 1U);
	KUNIT_EXPECT_EQ(test, chan->client_count, 0);

	/* released twice: refused, nothing changes, nothing is logged */
	dma_release_channel(chan);
	KUNIT_EXPECT_EQ(test, dtp_trace_count(t, DTP_EV_RELEASE), 1U);
	KUNIT_EXPECT_EQ(test, chan->client_count, 0);
	KUNIT_EXPECT_EQ(test, dtp_calls(chan, DTP_FREE), 1U);
}

/* A named request logs one request event, with the client's name. */
static void trace_named_request_once(struct kunit *test)
{
	struct device *consumer = kunit_device_register(test, "trace-consumer");
	struct dtp *dtp = dtp_create(test, "tracemap", 2, TRACE_CAPS);
	struct dtp_trace *t;
	struct dma_chan *chan;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, consumer);
	dtp_add_slave_map(dtp, consumer, "tx", 1);
	KUNIT_ASSERT_EQ(test, dtp_register(dtp), 0);
	t = dtp_trace_start(test, &dtp->dd);

	chan = dma_request_chan(consumer, "tx");
	KUNIT_ASSERT_PTR_EQ(test, chan, dtp_chan(dtp, 1));
	dtp_hold_channel(test, chan);
	KUNIT_EXPECT_EQ(test, dtp_trace_count(t, DTP_EV_REQUEST), 1U);
	KUNIT_EXPECT_STREQ(test, t->client, dev_name(consumer));

	/* a failed request logs nothing */
	KUNIT_EXPECT_TRUE(test, IS_ERR(dma_request_chan(consumer, "tx")));
	KUNIT_EXPECT_EQ(test, dtp_trace_count(t, DTP_EV_REQUEST), 1U);
}

/* Requests by mask log one event; provider-side takes log none. */
static void trace_mask_and_provider_requests(struct kunit *test)
{
	struct dtp *dtp = dtp_create_registered(test, "tracemask", 2,
						TRACE_CAPS | BIT(DMA_REPEAT) |
						BIT(DMA_INTERLEAVE) |
						BIT(DMA_LOAD_EOT) |
						BIT(DMA_COMPLETION_NO_ORDER));
	struct dtp_trace *t = dtp_trace_start(test, &dtp->dd);
	dma_cap_mask_t mask = dtp_mask(DTP_RARE_CAPS);
	struct dma_chan *chan;

	chan = dma_request_chan_by_mask(&mask);
	KUNIT_ASSERT_FALSE(test, IS_ERR(chan));
	dtp_hold_channel(test, chan);
	KUNIT_EXPECT_PTR_EQ(test, chan, dtp_chan(dtp, 0));
	KUNIT_EXPECT_EQ(test, dtp_trace_count(t, DTP_EV_REQUEST), 1U);

	/* a provider's own translation step is logged by its caller */
	chan = dma_get_slave_channel(dtp_chan(dtp, 1));
	KUNIT_ASSERT_PTR_EQ(test, chan, dtp_chan(dtp, 1));
	dtp_hold_channel(test, chan);
	KUNIT_EXPECT_EQ(test, dtp_trace_count(t, DTP_EV_REQUEST), 1U);
}

static struct kunit_case dmaengine_trace_cases[] = {
	KUNIT_CASE(trace_follows_descriptor_life),
	KUNIT_CASE(trace_logs_failures),
	KUNIT_CASE(trace_no_release_event_for_misuse),
	KUNIT_CASE(trace_named_request_once),
	KUNIT_CASE(trace_mask_and_provider_requests),
	{}
};

static struct kunit_suite dmaengine_trace_suite = {
	.name = "dmaengine_trace",
	.test_cases = dmaengine_trace_cases,
};

kunit_test_suite(dmaengine_trace_suite);
