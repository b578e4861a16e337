/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fixtures shared by the KUnit suites of the simulated DMA controllers:
 * cleanup actions, channel requests by device, and a descriptor
 * completion that records what the callback got.
 */
#ifndef _DMA_SIM_TESTS_SIMDMA_KUNIT_H
#define _DMA_SIM_TESTS_SIMDMA_KUNIT_H

#include <kunit/resource.h>
#include <kunit/test.h>
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/configfs.h>
#include <linux/dmaengine.h>
#include <linux/jiffies.h>

/* How long a transfer may take before a test gives up on it */
#define SIMDMA_TEST_TIMEOUT_MS	5000

/**
 * struct simdma_test_done - what a descriptor's completion callback saw
 * @done: completed by each callback
 * @result: what the last callback got
 * @calls: callbacks so far
 */
struct simdma_test_done {
	struct completion done;
	struct dmaengine_result result;
	atomic_t calls;
};

/* Defer @fn(@data) to the end of @test; on failure run it at once. */
static inline void simdma_test_action(struct kunit *test, kunit_action_t *fn,
				      void *data)
{
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, fn, data), 0);
}

/* A cleanup action: give back a channel, stopping it first. */
static inline void simdma_test_release(void *chan)
{
	dmaengine_terminate_sync(chan);
	dma_release_channel(chan);
}

/* dma_request_channel() filter: a channel of the DMA device @param. */
static inline bool simdma_test_filter(struct dma_chan *chan, void *param)
{
	return chan->device->dev == param;
}

/* A cleanup action: drop a configfs item made by the test. */
static inline void simdma_test_put_item(void *item)
{
	config_item_put(item);
}

static inline void simdma_test_callback(void *param,
					const struct dmaengine_result *result)
{
	struct simdma_test_done *done = param;

	done->result = *result;
	atomic_inc(&done->calls);
	complete(&done->done);
}

/* Submit @tx with a callback recording into @done; returns its cookie. */
static inline dma_cookie_t simdma_test_submit(struct kunit *test,
					      struct dma_async_tx_descriptor *tx,
					      struct simdma_test_done *done)
{
	dma_cookie_t cookie;

	KUNIT_ASSERT_NOT_NULL(test, tx);
	init_completion(&done->done);
	atomic_set(&done->calls, 0);
	done->result.result = -1;
	tx->callback_result = simdma_test_callback;
	tx->callback_param = done;
	cookie = dmaengine_submit(tx);
	KUNIT_ASSERT_GE(test, cookie, DMA_MIN_COOKIE);
	return cookie;
}

/* Wait for the next callback into @done; fails the test on a timeout. */
static inline void simdma_test_wait(struct kunit *test,
				    struct simdma_test_done *done)
{
	unsigned long left;

	left = wait_for_completion_timeout(&done->done,
					   msecs_to_jiffies(SIMDMA_TEST_TIMEOUT_MS));
	KUNIT_ASSERT_NE_MSG(test, left, 0, "no completion callback");
}

#endif /* _DMA_SIM_TESTS_SIMDMA_KUNIT_H */
