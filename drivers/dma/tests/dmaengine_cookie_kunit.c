// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the cookie and completion helpers that providers use:
 * dma_cookie_*(), dma_async_is_complete(), the tx_state setters and the
 * completion callback plumbing of drivers/dma/dmaengine.h.
 */

#include <kunit/test.h>
#include <linux/dmaengine.h>
#include <linux/limits.h>

#include "dmaengine.h"
#include "dmaengine_test_provider.h"

/* A registered one-channel fake and its channel, held by the test. */
static struct dma_chan *cookie_chan(struct kunit *test)
{
	struct dtp *dtp;

	dtp = dtp_create_registered(test, "cookie", 1,
				    BIT(DMA_MEMCPY) | BIT(DMA_PRIVATE));
	return dtp_request(test, dtp, 0);
}

/* dma_cookie_init() puts both counters of a channel at DMA_MIN_COOKIE. */
static void cookie_init_resets_both_counters(struct kunit *test)
{
	struct dma_chan *chan = kunit_kzalloc(test, sizeof(*chan), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, chan);
	chan->cookie = 4711;
	chan->completed_cookie = -3;
	dma_cookie_init(chan);
	KUNIT_EXPECT_EQ(test, chan->cookie, DMA_MIN_COOKIE);
	KUNIT_EXPECT_EQ(test, chan->completed_cookie, DMA_MIN_COOKIE);
	KUNIT_EXPECT_EQ(test, DMA_MIN_COOKIE, 1);
}

/* Each submission takes the next cookie and records it in the channel. */
static void cookie_assign_counts_up_from_last(struct kunit *test)
{
	struct dma_chan *chan = cookie_chan(test);
	struct dma_async_tx_descriptor *a, *b, *c;

	a = dtp_submit_memcpy(test, chan, 64, 0);
	b = dtp_submit_memcpy(test, chan, 64, 0);
	c = dtp_submit_memcpy(test, chan, 64, 0);
	KUNIT_EXPECT_EQ(test, a->cookie, 2);
	KUNIT_EXPECT_EQ(test, b->cookie, 3);
	KUNIT_EXPECT_EQ(test, c->cookie, 4);
	KUNIT_EXPECT_EQ(test, chan->cookie, 4);
	KUNIT_EXPECT_EQ(test, chan->completed_cookie, DMA_MIN_COOKIE);
}

/* After INT_MAX the next cookie is DMA_MIN_COOKIE, never 0 or negative. */
static void cookie_assign_wraps_after_int_max(struct kunit *test)
{
	struct dma_chan *chan = cookie_chan(test);
	struct dma_async_tx_descriptor *a, *b, *c;

	chan->cookie = INT_MAX - 1;
	chan->completed_cookie = INT_MAX - 1;
	a = dtp_submit_memcpy(test, chan, 64, 0);
	b = dtp_submit_memcpy(test, chan, 64, 0);
	c = dtp_submit_memcpy(test, chan, 64, 0);
	KUNIT_EXPECT_EQ(test, a->cookie, INT_MAX);
	KUNIT_EXPECT_EQ(test, b->cookie, DMA_MIN_COOKIE);
	KUNIT_EXPECT_EQ(test, c->cookie, DMA_MIN_COOKIE + 1);
	KUNIT_EXPECT_EQ(test, chan->cookie, DMA_MIN_COOKIE + 1);

	/* the wrapped window still reads correctly, before and after */
	KUNIT_EXPECT_EQ(test, dma_cookie_status(chan, a->cookie, NULL),
			DMA_IN_PROGRESS);
	KUNIT_EXPECT_EQ(test, dma_cookie_status(chan, c->cookie, NULL),
			DMA_IN_PROGRESS);
	dma_async_issue_pending(chan);
	KUNIT_EXPECT_EQ(test, dtp_complete(chan, 2), 2U);
	KUNIT_EXPECT_EQ(test, chan->completed_cookie, DMA_MIN_COOKIE);
	KUNIT_EXPECT_EQ(test, dma_cookie_status(chan, DMA_MIN_COOKIE, NULL),
			DMA_COMPLETE);
	KUNIT_EXPECT_EQ(test, dma_cookie_status(chan, INT_MAX, NULL),
			DMA_COMPLETE);
	KUNIT_EXPECT_EQ(test, dma_cookie_status(chan, DMA_MIN_COOKIE + 1, NULL),
			DMA_IN_PROGRESS);
}

/* Completion makes the cookie the channel's last completed one and zeroes it. */
static void cookie_complete_records_and_clears(struct kunit *test)
{
	struct dma_chan *chan = cookie_chan(test);
	struct dma_async_tx_descriptor *a, *b;
	dma_cookie_t ca, cb;

	a = dtp_submit_memcpy(test, chan, 64, 0);
	b = dtp_submit_memcpy(test, chan, 64, 0);
	ca = a->cookie;
	cb = b->cookie;
	dma_async_issue_pending(chan);
	KUNIT_ASSERT_EQ(test, dtp_complete(chan, 1), 1U);
	KUNIT_EXPECT_EQ(test, a->cookie, 0);
	KUNIT_EXPECT_EQ(test, chan->completed_cookie, ca);
	KUNIT_EXPECT_EQ(test, dma_cookie_status(chan, ca, NULL), DMA_COMPLETE);
	KUNIT_EXPECT_EQ(test, dma_cookie_status(chan, cb, NULL),
			DMA_IN_PROGRESS);
	KUNIT_ASSERT_EQ(test, dtp_complete(chan, 1), 1U);
	KUNIT_EXPECT_EQ(test, b->cookie, 0);
	KUNIT_EXPECT_EQ(test, chan->completed_cookie, cb);
	KUNIT_EXPECT_EQ(test, dma_cookie_status(chan, cb, NULL), DMA_COMPLETE);
}

/* dma_cookie_status() reports the counters and zeroes residue and in-flight. */
static void cookie_status_fills_state(struct kunit *test)
{
	struct dma_chan *chan = cookie_chan(test);
	struct dma_async_tx_descriptor *a, *b;
	struct dma_tx_state st = {
		.last = -1, .used = -1, .residue = 77, .in_flight_bytes = 99,
	};

	a = dtp_submit_memcpy(test, chan, 64, 0);
	b = dtp_submit_memcpy(test, chan, 64, 0);
	dma_async_issue_pending(chan);
	KUNIT_ASSERT_EQ(test, dtp_complete(chan, 1), 1U);

	KUNIT_EXPECT_EQ(test, dma_cookie_status(chan, b->cookie, &st),
			DMA_IN_PROGRESS);
	KUNIT_EXPECT_EQ(test, st.last, 2);
	KUNIT_EXPECT_EQ(test, st.used, 3);
	KUNIT_EXPECT_EQ(test, st.residue, 0U);
	KUNIT_EXPECT_EQ(test, st.in_flight_bytes, 0U);
	/* a cookie never handed out lies outside the window: complete */
	KUNIT_EXPECT_EQ(test, dma_cookie_status(chan, 4, NULL), DMA_COMPLETE);
	KUNIT_EXPECT_EQ(test, a->cookie, 0);
}

struct is_complete_case {
	const char *desc;
	dma_cookie_t cookie;
	dma_cookie_t last_complete;
	dma_cookie_t last_used;
	enum dma_status want;
};

static const struct is_complete_case is_complete_cases[] = {
	{ "plain, below the window", 3, 5, 9, DMA_COMPLETE },
	{ "plain, the completed cookie", 5, 5, 9, DMA_COMPLETE },
	{ "plain, first pending", 6, 5, 9, DMA_IN_PROGRESS },
	{ "plain, last used", 9, 5, 9, DMA_IN_PROGRESS },
	{ "plain, above the window (never issued)", 10, 5, 9, DMA_COMPLETE },
	{ "plain, empty window", 5, 5, 5, DMA_COMPLETE },
	{ "wrapped, just after the completed one", INT_MAX - 1, INT_MAX - 2,
	  3, DMA_IN_PROGRESS },
	{ "wrapped, INT_MAX", INT_MAX, INT_MAX - 2, 3, DMA_IN_PROGRESS },
	{ "wrapped, first after the wrap", DMA_MIN_COOKIE, INT_MAX - 2, 3,
	  DMA_IN_PROGRESS },
	{ "wrapped, last used", 3, INT_MAX - 2, 3, DMA_IN_PROGRESS },
	{ "wrapped, between used and completed", 4, INT_MAX - 2, 3,
	  DMA_COMPLETE },
	{ "wrapped, the completed cookie", INT_MAX - 2, INT_MAX - 2, 3,
	  DMA_COMPLETE },
	{ "wrapped, old cookie before the completed one", 1000, INT_MAX - 2,
	  3, DMA_COMPLETE },
	{ "completed at INT_MAX, used wrapped to 1", DMA_MIN_COOKIE, INT_MAX,
	  DMA_MIN_COOKIE, DMA_IN_PROGRESS },
	{ "completed at INT_MAX, INT_MAX itself", INT_MAX, INT_MAX,
	  DMA_MIN_COOKIE, DMA_COMPLETE },
};

static void is_complete_case_desc(const struct is_complete_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(is_complete, is_complete_cases, is_complete_case_desc);

/* dma_async_is_complete() treats the (completed, used] window wrap-aware. */
static void is_complete_handles_wrapped_window(struct kunit *test)
{
	const struct is_complete_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, dma_async_is_complete(c->cookie,
						    c->last_complete,
						    c->last_used), c->want);
}

/* A second completion of one descriptor warns and changes nothing. */
static void cookie_double_complete_keeps_state(struct kunit *test)
{
	struct dma_chan *chan = cookie_chan(test);
	struct dma_async_tx_descriptor *a, *b;
	dma_cookie_t done;
	s64 completed;
	int in_flight;

	a = dtp_submit_memcpy(test, chan, 64, 0);
	b = dtp_submit_memcpy(test, chan, 64, 0);
	dma_async_issue_pending(chan);
	KUNIT_ASSERT_EQ(test, dtp_complete(chan, 1), 1U);
	done = chan->completed_cookie;
	completed = atomic64_read(&chan->stats.completed);
	in_flight = atomic_read(&chan->stats.in_flight);
	KUNIT_ASSERT_EQ(test, in_flight, 1);

	/* the provider bug under test: a is completed again (expect a WARN) */
	dma_cookie_complete(a);
	KUNIT_EXPECT_EQ(test, a->cookie, 0);
	KUNIT_EXPECT_EQ(test, chan->completed_cookie, done);
	KUNIT_EXPECT_EQ(test, atomic64_read(&chan->stats.completed), completed);
	KUNIT_EXPECT_EQ(test, atomic_read(&chan->stats.in_flight), in_flight);

	/* and the channel keeps working */
	KUNIT_EXPECT_EQ(test, dtp_complete(chan, 1), 1U);
	KUNIT_EXPECT_EQ(test, chan->completed_cookie, chan->cookie);
	KUNIT_EXPECT_EQ(test, b->cookie, 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&chan->stats.in_flight), 0);
}

/* Completing a cookie outside the outstanding window is refused (debug). */
static void cookie_complete_rejects_stale_cookie(struct kunit *test)
{
	struct dma_chan *chan = cookie_chan(test);
	struct dma_async_tx_descriptor *a;
	dma_cookie_t done;

	if (!IS_ENABLED(CONFIG_DMADEVICES_DEBUG))
		kunit_skip(test, "the window check needs CONFIG_DMADEVICES_DEBUG");

	a = dtp_submit_memcpy(test, chan, 64, 0);
	dma_async_issue_pending(chan);
	KUNIT_ASSERT_EQ(test, dtp_complete(chan, 1), 1U);
	done = chan->completed_cookie;

	/* a cookie far from the window (expect a WARN) */
	a->cookie = done + 100;
	dma_cookie_complete(a);
	KUNIT_EXPECT_EQ(test, chan->completed_cookie, done);
	KUNIT_EXPECT_EQ(test, a->cookie, done + 100);
	a->cookie = 0;
}

/* The tx_state setters ignore a NULL state and fill only their fields. */
static void tx_state_setters_fill_fields(struct kunit *test)
{
	struct dma_tx_state st = {
		.last = 1, .used = 2, .residue = 3, .in_flight_bytes = 4,
	};

	dma_set_residue(NULL, 10);
	dma_set_in_flight_bytes(NULL, 10);
	dma_set_tx_state(NULL, 1, 2, 3);

	dma_set_residue(&st, 4096);
	KUNIT_EXPECT_EQ(test, st.residue, 4096U);
	KUNIT_EXPECT_EQ(test, st.in_flight_bytes, 4U);
	dma_set_in_flight_bytes(&st, 512);
	KUNIT_EXPECT_EQ(test, st.in_flight_bytes, 512U);
	KUNIT_EXPECT_EQ(test, st.residue, 4096U);

	dma_set_tx_state(&st, 40, 45, 128);
	KUNIT_EXPECT_EQ(test, st.last, 40);
	KUNIT_EXPECT_EQ(test, st.used, 45);
	KUNIT_EXPECT_EQ(test, st.residue, 128U);
	KUNIT_EXPECT_EQ(test, st.in_flight_bytes, 512U);
}

/* tx_status reports a pending descriptor's residue and none once complete. */
static void tx_status_reports_residue_until_complete(struct kunit *test)
{
	struct dma_chan *chan = cookie_chan(test);
	struct dma_async_tx_descriptor *tx;
	struct dma_tx_state st;
	dma_cookie_t cookie, last = 0, used = 0;

	tx = dtp_submit_memcpy(test, chan, 3000, 0);
	cookie = tx->cookie;
	KUNIT_EXPECT_EQ(test, dmaengine_tx_status(chan, cookie, &st),
			DMA_IN_PROGRESS);
	KUNIT_EXPECT_EQ(test, st.residue, 3000U);
	KUNIT_EXPECT_EQ(test, st.used, cookie);
	KUNIT_EXPECT_EQ(test, dma_async_is_tx_complete(chan, cookie, &last,
						       &used),
			DMA_IN_PROGRESS);
	KUNIT_EXPECT_EQ(test, last, DMA_MIN_COOKIE);
	KUNIT_EXPECT_EQ(test, used, cookie);

	dma_async_issue_pending(chan);
	KUNIT_ASSERT_EQ(test, dtp_complete(chan, 1), 1U);
	KUNIT_EXPECT_EQ(test, dmaengine_tx_status(chan, cookie, &st),
			DMA_COMPLETE);
	KUNIT_EXPECT_EQ(test, st.residue, 0U);
	KUNIT_EXPECT_EQ(test, st.last, cookie);
	KUNIT_EXPECT_EQ(test, dma_async_is_tx_complete(chan, cookie, NULL,
						       NULL), DMA_COMPLETE);
}

struct cb_record {
	unsigned int plain;
	unsigned int with_result;
	void *param;
	struct dmaengine_result seen;
};

static void cb_plain(void *param)
{
	struct cb_record *r = param;

	r->plain++;
	r->param = param;
}

static void cb_result(void *param, const struct dmaengine_result *res)
{
	struct cb_record *r = param;

	r->with_result++;
	r->param = param;
	r->seen = *res;
}

/* callback_result wins over callback; a NULL result reads as success. */
static void callback_result_preferred_over_plain(struct kunit *test)
{
	struct dma_chan *chan = cookie_chan(test);
	struct dma_async_tx_descriptor *tx;
	struct dmaengine_result res = {
		.result = DMA_TRANS_WRITE_FAILED, .residue = 123,
	};
	struct cb_record r = {};

	tx = dtp_submit_memcpy(test, chan, 64, 0);
	tx->callback = cb_plain;
	tx->callback_result = cb_result;
	tx->callback_param = &r;

	dmaengine_desc_get_callback_invoke(tx, &res);
	KUNIT_EXPECT_EQ(test, r.with_result, 1U);
	KUNIT_EXPECT_EQ(test, r.plain, 0U);
	KUNIT_EXPECT_PTR_EQ(test, r.param, (void *)&r);
	KUNIT_EXPECT_EQ(test, r.seen.result, DMA_TRANS_WRITE_FAILED);
	KUNIT_EXPECT_EQ(test, r.seen.residue, 123U);

	r.seen.result = DMA_TRANS_ABORTED;
	r.seen.residue = 5;
	dmaengine_desc_get_callback_invoke(tx, NULL);
	KUNIT_EXPECT_EQ(test, r.with_result, 2U);
	KUNIT_EXPECT_EQ(test, r.plain, 0U);
	KUNIT_EXPECT_EQ(test, r.seen.result, DMA_TRANS_NOERROR);
	KUNIT_EXPECT_EQ(test, r.seen.residue, 0U);
}

/* Without callback_result the plain callback runs; with neither, nothing. */
static void callback_plain_and_none(struct kunit *test)
{
	struct dma_chan *chan = cookie_chan(test);
	struct dma_async_tx_descriptor *tx;
	struct dmaengine_desc_callback cb;
	struct cb_record r = {};

	tx = dtp_submit_memcpy(test, chan, 64, 0);
	tx->callback = cb_plain;
	tx->callback_param = &r;
	dmaengine_desc_get_callback(tx, &cb);
	KUNIT_EXPECT_TRUE(test, dmaengine_desc_callback_valid(&cb));
	KUNIT_EXPECT_PTR_EQ(test, cb.callback_param, (void *)&r);

	/* the snapshot is what runs, not the descriptor's later state */
	tx->callback = NULL;
	dmaengine_desc_callback_invoke(&cb, NULL);
	KUNIT_EXPECT_EQ(test, r.plain, 1U);
	KUNIT_EXPECT_EQ(test, r.with_result, 0U);

	dmaengine_desc_get_callback(tx, &cb);
	KUNIT_EXPECT_FALSE(test, dmaengine_desc_callback_valid(&cb));
	dmaengine_desc_callback_invoke(&cb, NULL);
	dmaengine_desc_get_callback_invoke(tx, NULL);
	KUNIT_EXPECT_EQ(test, r.plain, 1U);
	KUNIT_EXPECT_EQ(test, r.with_result, 0U);
}

/* A completion runs the callback once, after the cookie is recorded. */
static void completion_runs_callback_after_cookie(struct kunit *test)
{
	struct dma_chan *chan = cookie_chan(test);
	struct dma_async_tx_descriptor *tx;
	struct cb_record r = {};
	dma_cookie_t cookie;

	tx = dtp_submit_memcpy(test, chan, 64, DMA_PREP_INTERRUPT);
	tx->callback_result = cb_result;
	tx->callback_param = &r;
	cookie = tx->cookie;
	dtp_set_result(chan, DMA_TRANS_READ_FAILED, 48);
	dma_async_issue_pending(chan);
	KUNIT_EXPECT_EQ(test, r.with_result, 0U);
	KUNIT_ASSERT_EQ(test, dtp_complete(chan, 1), 1U);
	KUNIT_EXPECT_EQ(test, r.with_result, 1U);
	KUNIT_EXPECT_EQ(test, r.seen.result, DMA_TRANS_READ_FAILED);
	KUNIT_EXPECT_EQ(test, r.seen.residue, 48U);
	KUNIT_EXPECT_EQ(test, chan->completed_cookie, cookie);
	KUNIT_EXPECT_EQ(test, dtp_complete(chan, 1), 0U);
	KUNIT_EXPECT_EQ(test, r.with_result, 1U);
}

static struct kunit_case dmaengine_cookie_cases[] = {
	KUNIT_CASE(cookie_init_resets_both_counters),
	KUNIT_CASE(cookie_assign_counts_up_from_last),
	KUNIT_CASE(cookie_assign_wraps_after_int_max),
	KUNIT_CASE(cookie_complete_records_and_clears),
	KUNIT_CASE(cookie_status_fills_state),
	KUNIT_CASE_PARAM(is_complete_handles_wrapped_window,
			 is_complete_gen_params),
	KUNIT_CASE(cookie_double_complete_keeps_state),
	KUNIT_CASE(cookie_complete_rejects_stale_cookie),
	KUNIT_CASE(tx_state_setters_fill_fields),
	KUNIT_CASE(tx_status_reports_residue_until_complete),
	KUNIT_CASE(callback_result_preferred_over_plain),
	KUNIT_CASE(callback_plain_and_none),
	KUNIT_CASE(completion_runs_callback_after_cookie),
	{}
};

static struct kunit_suite dmaengine_cookie_suite = {
	.name = "dmaengine_cookie",
	.test_cases = dmaengine_cookie_cases,
};

kunit_test_suite(dmaengine_cookie_suite);
