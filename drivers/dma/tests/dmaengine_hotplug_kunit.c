// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for channels added and removed at run time while other
 * contexts walk the channels: dma_issue_pending_all() and the debugfs
 * summary run from a work item while the test adds and removes a channel
 * of the same device, editing the provider's channel list the way a
 * provider does.
 */

#include <kunit/test.h>
#include <linux/atomic.h>
#include <linux/dmaengine.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/sizes.h>
#include <linux/string.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

#include "dmaengine.h"
#include "dmaengine_test_provider.h"

#define HP_CAPS		BIT(DMA_MEMCPY)
#define HP_CYCLES	12
#define HP_HOT_NAME	"hotplug-extra"
#define HP_SUMMARY_SIZE	SZ_64K

/**
 * struct hp_walker - the work item walking the channels
 * @work: runs hp_walk()
 * @wq: woken after every round
 * @dtp: the controller whose channels are watched
 * @stable_name: name of the channel that stays registered
 * @header: the summary header line prefix of the controller
 * @buf: summary text of the current round
 * @stop: set by the test to end the walk
 * @rounds: dma_issue_pending_all() calls made so far
 * @summaries: summaries read and checked so far
 * @with_hot: summaries that listed the hot channel
 * @bad: summary blocks that were not consistent
 * @read_errors: summary reads that failed
 */
struct hp_walker {
	struct work_struct work;
	wait_queue_head_t wq;
	struct dtp *dtp;
	char stable_name[32];
	char header[96];
	char *buf;
	atomic_t stop;
	atomic_t rounds;
	atomic_t summaries;
	atomic_t with_hot;
	atomic_t bad;
	atomic_t read_errors;
};

/*
 * Check the controller's block of one summary: a header, then one stats
 * line per registered channel, each naming a channel of the controller
 * exactly once.  Returns the number of stats lines, or -1 if the block is
 * malformed.
 */
static int hp_check_block(struct hp_walker *w, bool *saw_hot)
{
	const char *p = strstr(w->buf, w->header);
	int stable = 0, hot = 0;
	const char *end;

	if (!p)
		return -1;
	end = strstr(p, "\n\n");
	if (!end)
		end = p + strlen(p);
	for (p = strchr(p, '\n'); p && p < end; p = strchr(p + 1, '\n')) {
		const char *line = p + 1;
		const char *stats = strstr(line, " stats: ");
		size_t len;

		if (strncmp(line, "   ", 3) || !stats || stats > end)
			continue;
		line += 3;
		len = stats - line;
		if (len == strlen(w->stable_name) &&
		    !strncmp(line, w->stable_name, len))
			stable++;
		else if (len == strlen(HP_HOT_NAME) &&
			 !strncmp(line, HP_HOT_NAME, len))
			hot++;
		else
			return -1;
	}
	if (stable != 1 || hot > 1)
		return -1;
	*saw_hot = hot;
	return stable + hot;
}

static void hp_read_summary(struct hp_walker *w)
{
	bool saw_hot = false;

	if (dtp_read_debugfs("dmaengine/summary", w->buf, HP_SUMMARY_SIZE) < 0) {
		atomic_inc(&w->read_errors);
		return;
	}
	if (hp_check_block(w, &saw_hot) < 0)
		atomic_inc(&w->bad);
	if (saw_hot)
		atomic_inc(&w->with_hot);
	atomic_inc(&w->summaries);
}

static void hp_walk(struct work_struct *work)
{
	struct hp_walker *w = container_of(work, struct hp_walker, work);

	while (!atomic_read(&w->stop)) {
		dma_issue_pending_all();
		atomic_inc(&w->rounds);
		if (IS_ENABLED(CONFIG_DEBUG_FS))
			hp_read_summary(w);
		wake_up_all(&w->wq);
		cond_resched();
	}
}

static void hp_walker_stop(void *data)
{
	struct hp_walker *w = data;

	atomic_set(&w->stop, 1);
	flush_work(&w->work);
}

static void hp_put_action(void *unused)
{
	dmaengine_put();
}

/* Let the walker finish at least one more round; false on timeout. */
static bool hp_wait_round(struct hp_walker *w)
{
	int seen = atomic_read(&w->rounds);

	return wait_event_timeout(w->wq, atomic_read(&w->rounds) > seen + 1,
				  10 * HZ) > 0;
}

static struct hp_walker *hp_start(struct kunit *test, struct dtp *dtp)
{
	struct hp_walker *w = kunit_kzalloc(test, sizeof(*w), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, w);
	w->buf = kunit_kzalloc(test, HP_SUMMARY_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, w->buf);
	w->dtp = dtp;
	strscpy(w->stable_name, dma_chan_name(dtp_chan(dtp, 0)),
		sizeof(w->stable_name));
	snprintf(w->header, sizeof(w->header), "dma%d (%s): number of channels: ",
		 dtp->dd.dev_id, dev_name(dtp->dev));
	init_waitqueue_head(&w->wq);
	INIT_WORK(&w->work, hp_walk);
	/* stopped before the buffers and the controller go away */
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, hp_walker_stop,
							w), 0);
	queue_work(system_unbound_wq, &w->work);
	return w;
}

/*
 * A channel added and removed over and over while a work item keeps
 * calling dma_issue_pending_all() and reading the debugfs summary: the
 * walker issues the stable channel once per round, reaches the hot
 * channel only while it is registered, and every summary lists exactly
 * the registered channels.
 */
static void hot_add_remove_while_walking(struct kunit *test)
{
	struct dtp *dtp = dtp_create(test, "hotplug", 2, HP_CAPS);
	struct dma_chan *stable = dtp_chan(dtp, 0);
	struct dma_chan *hot = dtp_chan(dtp, 1);
	unsigned int cycle, calls;
	struct hp_walker *w;

	/* only the stable channel exists at registration */
	list_del(&hot->device_node);
	KUNIT_ASSERT_EQ(test, dtp_register(dtp), 0);
	dmaengine_get();
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, hp_put_action,
							NULL), 0);
	KUNIT_ASSERT_EQ(test, stable->client_count, 1);

	w = hp_start(test, dtp);
	for (cycle = 0; cycle < HP_CYCLES; cycle++) {
		list_add_tail(&hot->device_node, &dtp->dd.channels);
		KUNIT_ASSERT_EQ(test,
				dma_async_device_channel_register(&dtp->dd, hot,
								  HP_HOT_NAME),
				0);
		/* the public user holds the new channel at once */
		KUNIT_EXPECT_EQ(test, hot->client_count, 1);
		calls = dtp_calls(hot, DTP_ISSUE_PENDING);
		KUNIT_ASSERT_TRUE(test, hp_wait_round(w));
		KUNIT_EXPECT_GT(test, dtp_calls(hot, DTP_ISSUE_PENDING), calls);

		dma_async_device_channel_unregister(&dtp->dd, hot);
		list_del(&hot->device_node);
		KUNIT_EXPECT_EQ(test, hot->client_count, 0);
		KUNIT_EXPECT_EQ(test, dtp_calls(hot, DTP_FREE), cycle + 1);
		/* once unregistered, no walker reaches the channel */
		calls = dtp_calls(hot, DTP_ISSUE_PENDING);
		KUNIT_ASSERT_TRUE(test, hp_wait_round(w));
		KUNIT_EXPECT_EQ(test, dtp_calls(hot, DTP_ISSUE_PENDING), calls);
		KUNIT_EXPECT_EQ(test, dtp->dd.chancnt, 1U);
	}
	hp_walker_stop(w);
	kunit_info(test, "%d walker rounds, %d summaries listed the hot channel\n",
		   atomic_read(&w->rounds), atomic_read(&w->with_hot));

	KUNIT_EXPECT_GE(test, atomic_read(&w->rounds), 2 * HP_CYCLES);
	/* one issue_pending per round on the channel that never left */
	KUNIT_EXPECT_EQ(test, dtp_calls(stable, DTP_ISSUE_PENDING),
			(unsigned int)atomic_read(&w->rounds));
	KUNIT_EXPECT_EQ(test, dtp_calls(hot, DTP_ALLOC), HP_CYCLES);
	if (IS_ENABLED(CONFIG_DEBUG_FS)) {
		KUNIT_EXPECT_EQ(test, atomic_read(&w->read_errors), 0);
		KUNIT_EXPECT_EQ(test, atomic_read(&w->summaries),
				atomic_read(&w->rounds));
		KUNIT_EXPECT_EQ(test, atomic_read(&w->bad), 0);
		/* the walker saw the hot channel in at least one round per cycle */
		KUNIT_EXPECT_GE(test, atomic_read(&w->with_hot), HP_CYCLES);
		KUNIT_EXPECT_LT(test, atomic_read(&w->with_hot),
				atomic_read(&w->summaries));
	}
}

/*
 * The same walk over a private device: dma_issue_pending_all() skips it
 * however its channels come and go, and the summary still lists exactly
 * the registered channels.
 */
static void hot_add_remove_private_not_issued(struct kunit *test)
{
	struct dtp *dtp = dtp_create(test, "hotpriv", 2,
				     HP_CAPS | BIT(DMA_PRIVATE));
	struct dma_chan *stable = dtp_chan(dtp, 0);
	struct dma_chan *hot = dtp_chan(dtp, 1);
	struct hp_walker *w;
	unsigned int cycle;

	list_del(&hot->device_node);
	KUNIT_ASSERT_EQ(test, dtp_register(dtp), 0);
	dtp_request(test, dtp, 0);

	w = hp_start(test, dtp);
	for (cycle = 0; cycle < HP_CYCLES / 2; cycle++) {
		list_add_tail(&hot->device_node, &dtp->dd.channels);
		KUNIT_ASSERT_EQ(test,
				dma_async_device_channel_register(&dtp->dd, hot,
								  HP_HOT_NAME),
				0);
		KUNIT_ASSERT_TRUE(test, hp_wait_round(w));
		dma_async_device_channel_unregister(&dtp->dd, hot);
		list_del(&hot->device_node);
		KUNIT_ASSERT_TRUE(test, hp_wait_round(w));
	}
	hp_walker_stop(w);

	KUNIT_EXPECT_EQ(test, dtp_calls(stable, DTP_ISSUE_PENDING), 0U);
	KUNIT_EXPECT_EQ(test, dtp_calls(hot, DTP_ISSUE_PENDING), 0U);
	KUNIT_EXPECT_EQ(test, dtp_calls(hot, DTP_ALLOC), 0U);
	if (IS_ENABLED(CONFIG_DEBUG_FS)) {
		KUNIT_EXPECT_EQ(test, atomic_read(&w->bad), 0);
		KUNIT_EXPECT_GE(test, atomic_read(&w->with_hot), HP_CYCLES / 2);
	}
}

static struct kunit_case dmaengine_hotplug_cases[] = {
	KUNIT_CASE(hot_add_remove_while_walking),
	KUNIT_CASE(hot_add_remove_private_not_issued),
	{}
};

static struct kunit_suite dmaengine_hotplug_suite = {
	.name = "dmaengine_hotplug",
	.test_cases = dmaengine_hotplug_cases,
};

kunit_test_suite(dmaengine_hotplug_suite);
