// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suites of the simulated cyclic and interleaved DMA controller.
 *
 * Each test builds a private board (hardware model, peripherals and the
 * platform device the driver binds to), takes a channel through the public
 * DMA engine API and streams real data: to an audio codec that consumes
 * it at its byte rate and records what it consumed, from a camera whose
 * lines follow a known pattern, or memory to memory.  The model's header
 * is used only to act on and watch the peripherals, as a test bench
 * would.  Callbacks only record; every check runs in the test thread.
 */

#include <kunit/device.h>
#include <kunit/test.h>
#include <linux/bottom_half.h>
#include <linux/completion.h>
#include <linux/configfs.h>
#include <linux/delay.h>
#include <linux/dma-mapping.h>
#include <linux/dmaengine.h>
#include <linux/jiffies.h>
#include <linux/random.h>
#include <linux/scatterlist.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>

#include "../cydma-board.h"
#include "../cydma-hw.h"
#include "../cydma-regs.h"
#include "simdma_kunit.h"

#define CYDMA_TEST_TIMEOUT_MS	5000
#define CYDMA_TEST_CODEC	CYDMA_BOARD_CODEC_LINE
#define CYDMA_TEST_CAMERA	CYDMA_BOARD_CAMERA_LINE
#define CYDMA_TEST_LINE_BYTES	CYDMA_BOARD_CAMERA_LINE_BYTES
/* The test codec runs four times faster than the default one. */
#define CYDMA_TEST_CODEC_RATE	(4 * CYDMA_BOARD_CODEC_RATE)
#define CYDMA_TEST_CODEC_FIFO	SZ_32K
#define CYDMA_TEST_PERIOD	SZ_1K
#define CYDMA_TEST_RING		(16 * CYDMA_TEST_PERIOD)
#define CYDMA_TEST_WIDTH	4
#define CYDMA_TEST_BURST	16
#define CYDMA_TEST_BURST_BYTES	(CYDMA_TEST_WIDTH * CYDMA_TEST_BURST)
#define CYDMA_TEST_MAX_CHUNK	SZ_64K
#define CYDMA_TEST_CLIENT	"cydma-kunit-client"
#define CYDMA_TEST_NO_LINE	U32_MAX

static const unsigned long cydma_test_flags = DMA_PREP_INTERRUPT | DMA_CTRL_ACK;

/* ---- fixtures ------------------------------------------------------ */

struct cydma_test {
	struct cydma_board *board;
	struct cydma_hw *hw;
	struct dma_chan *chan;
	struct device *dma_dev;
	unsigned int line;
};

struct cydma_test_map {
	struct device *dev;
	struct dma_chan *chan;
	dma_addr_t addr;
	size_t len;
};

struct cydma_test_tap {
	struct cydma_hw *hw;
	unsigned int line;
};

static void cydma_test_config(struct cydma_board_config *cfg)
{
	cydma_board_default_config(cfg);
	cfg->hw.ports[CYDMA_TEST_CODEC].rate = CYDMA_TEST_CODEC_RATE;
	cfg->hw.ports[CYDMA_TEST_CODEC].fifo_depth = CYDMA_TEST_CODEC_FIFO;
}

static void cydma_test_board_destroy(void *board)
{
	cydma_board_destroy(board);
}

static struct cydma_board *cydma_test_board(struct kunit *test,
					    const struct cydma_board_config *cfg)
{
	struct cydma_board *board = cydma_board_create(cfg);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, board);
	simdma_test_action(test, cydma_test_board_destroy, board);
	return board;
}

/*
 * A board from @cfg (the test default when NULL) and a channel: paced by
 * request line @line through the bench's route, or, for
 * CYDMA_TEST_NO_LINE, an unpaced one for memory-to-memory work.
 */
static void cydma_test_setup(struct kunit *test, struct cydma_test *t,
			     const struct cydma_board_config *cfg,
			     unsigned int line)
{
	struct cydma_board_config def;
	dma_cap_mask_t mask;
	char name[16];

	if (!cfg) {
		cydma_test_config(&def);
		cfg = &def;
	}
	t->board = cydma_test_board(test, cfg);
	t->hw = cydma_board_hw(t->board);
	t->line = line;
	if (line == CYDMA_TEST_NO_LINE) {
		dma_cap_zero(mask);
		dma_cap_set(DMA_INTERLEAVE, mask);
		t->chan = dma_request_channel(mask, simdma_test_filter,
					      cydma_board_dev(t->board));
	} else {
		snprintf(name, sizeof(name), CYDMA_BOARD_BENCH_NAME, line);
		t->chan = dma_request_chan(cydma_board_bench(t->board), name);
	}
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t->chan);
	simdma_test_action(test, simdma_test_release, t->chan);
	t->dma_dev = t->chan->device->dev;
}

/* Stop the channel before its buffer goes: a failed test may leave it running. */
static void cydma_test_unmap(void *data)
{
	struct cydma_test_map *m = data;

	dmaengine_terminate_sync(m->chan);
	dma_unmap_single(m->dev, m->addr, m->len, DMA_BIDIRECTIONAL);
}

static void cydma_test_vfree(void *buf)
{
	vfree(buf);
}

/* A zeroed buffer of @len bytes, freed when the test ends. */
static u8 *cydma_test_alloc(struct kunit *test, size_t len)
{
	u8 *buf = vzalloc(len);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	simdma_test_action(test, cydma_test_vfree, buf);
	return buf;
}

/* A buffer of random bytes, mapped for the channel. */
static u8 *cydma_test_buf(struct kunit *test, struct cydma_test *t,
			  size_t len, dma_addr_t *addr)
{
	struct cydma_test_map *m = kunit_kzalloc(test, sizeof(*m), GFP_KERNEL);
	u8 *buf = kunit_kmalloc(test, len, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	get_random_bytes(buf, len);
	m->dev = t->dma_dev;
	m->chan = t->chan;
	m->len = len;
	m->addr = dma_map_single(m->dev, buf, len, DMA_BIDIRECTIONAL);
	KUNIT_ASSERT_FALSE(test, dma_mapping_error(m->dev, m->addr));
	simdma_test_action(test, cydma_test_unmap, m);
	*addr = m->addr;
	return buf;
}

static void cydma_test_to_device(struct cydma_test *t, dma_addr_t addr,
				 size_t len)
{
	dma_sync_single_for_device(t->dma_dev, addr, len, DMA_BIDIRECTIONAL);
}

static void cydma_test_to_cpu(struct cydma_test *t, dma_addr_t addr,
			      size_t len)
{
	dma_sync_single_for_cpu(t->dma_dev, addr, len, DMA_BIDIRECTIONAL);
}

static void cydma_test_untap(void *data)
{
	struct cydma_test_tap *tap = data;

	cydma_hw_port_stop(tap->hw, tap->line);
	cydma_hw_port_set_tap(tap->hw, tap->line, NULL, 0);
}

/* Record what the sink on @line consumes into a buffer of @len bytes. */
static u8 *cydma_test_tap(struct kunit *test, struct cydma_test *t,
			  unsigned int line, size_t len)
{
	struct cydma_test_tap *tap = kunit_kzalloc(test, sizeof(*tap),
						   GFP_KERNEL);
	u8 *buf = cydma_test_alloc(test, len);

	KUNIT_ASSERT_NOT_NULL(test, tap);
	tap->hw = t->hw;
	tap->line = line;
	KUNIT_ASSERT_EQ(test, cydma_hw_port_set_tap(t->hw, line, buf, len), 0);
	simdma_test_action(test, cydma_test_untap, tap);
	return buf;
}

static void cydma_test_port(struct cydma_test *t, unsigned int line,
			    struct cydma_hw_port_stats *st)
{
	cydma_hw_port_stats(t->hw, line, st);
}

static int cydma_test_slave_config(struct cydma_test *t,
				   enum dma_transfer_direction dir,
				   u32 width, u32 burst)
{
	struct dma_slave_config cfg = { };
	dma_addr_t port = cydma_hw_port_addr(t->hw, t->line);

	if (dir == DMA_MEM_TO_DEV) {
		cfg.dst_addr = port;
		cfg.dst_addr_width = width;
		cfg.dst_maxburst = burst;
	} else {
		cfg.src_addr = port;
		cfg.src_addr_width = width;
		cfg.src_maxburst = burst;
	}
	return dmaengine_slave_config(t->chan, &cfg);
}

/* Submit, issue and wait for the callback; returns its result. */
static enum dmaengine_tx_result
cydma_test_run(struct kunit *test, struct cydma_test *t,
	       struct dma_async_tx_descriptor *tx, dma_cookie_t *cookie)
{
	struct simdma_test_done done;
	dma_cookie_t c;

	c = simdma_test_submit(test, tx, &done);
	dma_async_issue_pending(t->chan);
	simdma_test_wait(test, &done);
	KUNIT_EXPECT_EQ(test, atomic_read(&done.calls), 1);
	if (cookie)
		*cookie = c;
	return done.result.result;
}

/* Sleep until *@v reaches @n; false after the timeout. */
static bool cydma_test_reach(atomic_t *v, int n)
{
	unsigned long end = jiffies + msecs_to_jiffies(CYDMA_TEST_TIMEOUT_MS);

	while (atomic_read(v) < n) {
		if (time_after(jiffies, end))
			return false;
		usleep_range(5000, 10000);
	}
	return true;
}

/* Wait until the sink on @line consumed everything in its FIFO. */
static void cydma_test_drain(struct kunit *test, struct cydma_test *t,
			     unsigned int line)
{
	unsigned long end = jiffies + msecs_to_jiffies(CYDMA_TEST_TIMEOUT_MS);
	struct cydma_hw_port_stats st;

	do {
		cydma_test_port(t, line, &st);
		if (!st.level)
			return;
		usleep_range(5000, 10000);
	} while (time_before(jiffies, end));
	KUNIT_FAIL(test, "the sink never drained its FIFO (%zu bytes left)",
		   st.level);
}

/* Offset of the first byte of @tap that does not repeat @ring in order. */
static size_t cydma_test_ring_mismatch(const u8 *ring, size_t ring_len,
				       const u8 *tap, size_t tapped)
{
	size_t off, i, n;

	for (off = 0; off < tapped; off += ring_len) {
		n = min(ring_len, tapped - off);
		for (i = 0; i < n; i++) {
			if (tap[off + i] != ring[i])
				return off + i;
		}
	}
	return tapped;
}

/* ---- cydma_cyclic: rings and their periods -------------------------- */

/**
 * struct cydma_test_ring - what the period callback of a ring records
 * @hw: the model
 * @chan: the channel
 * @line: request line of the peripheral
 * @period: period bytes
 * @calls: callbacks so far
 * @stop_at: the callback that calls dmaengine_terminate_async(); 0: none
 * @late: callbacks after that one
 * @stopped: completed by the callback that terminated
 * @early: first callback that came before the controller finished its
 *	period; 0 when none did
 * @ahead: largest lead of the DMA over the peripheral seen, in bytes
 */
struct cydma_test_ring {
	struct cydma_hw *hw;
	struct dma_chan *chan;
	unsigned int line;
	u32 period;
	atomic_t calls;
	unsigned int stop_at;
	atomic_t late;
	struct completion stopped;
	unsigned int early;
	u64 ahead;
};

static void cydma_test_period(void *param)
{
	struct cydma_test_ring *r = param;
	struct cydma_hw_port_stats st;
	struct cydma_hw_position pos;
	unsigned int n = atomic_inc_return(&r->calls);

	if (r->stop_at && n > r->stop_at) {
		atomic_inc(&r->late);
		return;
	}
	cydma_hw_chan_position(r->hw, r->chan->chan_id, &pos);
	cydma_hw_port_stats(r->hw, r->line, &st);
	if (pos.bytes < (u64)n * r->period && !r->early)
		r->early = n;
	if (pos.bytes > st.bytes)
		r->ahead = max(r->ahead, pos.bytes - st.bytes);
	if (n == r->stop_at) {
		dmaengine_terminate_async(r->chan);
		complete(&r->stopped);
	}
}

static void cydma_test_ring_init(struct cydma_test *t,
				 struct cydma_test_ring *r, u32 period)
{
	memset(r, 0, sizeof(*r));
	r->hw = t->hw;
	r->chan = t->chan;
	r->line = t->line;
	r->period = period;
	init_completion(&r->stopped);
}

/* Start a cyclic transfer of the ring at @addr, calling back into @r. */
static dma_cookie_t cydma_test_cyclic(struct kunit *test, struct cydma_test *t,
				      struct cydma_test_ring *r,
				      enum dma_transfer_direction dir,
				      dma_addr_t addr, size_t len)
{
	struct dma_async_tx_descriptor *tx;
	dma_cookie_t cookie;

	KUNIT_ASSERT_EQ(test, cydma_test_slave_config(t, dir, CYDMA_TEST_WIDTH,
						      CYDMA_TEST_BURST), 0);
	tx = dmaengine_prep_dma_cyclic(t->chan, addr, len, r->period, dir,
				       cydma_test_flags);
	KUNIT_ASSERT_NOT_NULL(test, tx);
	tx->callback = cydma_test_period;
	tx->callback_param = r;
	cookie = dmaengine_submit(tx);
	KUNIT_ASSERT_GE(test, cookie, DMA_MIN_COOKIE);
	dma_async_issue_pending(t->chan);
	return cookie;
}

/* Codec test bench: board, channel on the codec, ring, tap, codec started. */
static u8 *cydma_test_playback(struct kunit *test, struct cydma_test *t,
			       dma_addr_t *addr, u8 **tap, size_t tap_len)
{
	u8 *ring;

	cydma_test_setup(test, t, NULL, CYDMA_TEST_CODEC);
	ring = cydma_test_buf(test, t, CYDMA_TEST_RING, addr);
	*tap = cydma_test_tap(test, t, CYDMA_TEST_CODEC, tap_len);
	KUNIT_ASSERT_EQ(test, cydma_hw_port_start(t->hw, CYDMA_TEST_CODEC), 0);
	return ring;
}

#define CYDMA_TEST_MANY		300

/* hundreds of periods: every one reaches the client, in step with the codec */
static void cydma_cyclic_hundreds_of_periods(struct kunit *test)
{
	size_t tap_len = (CYDMA_TEST_MANY + 64) * CYDMA_TEST_PERIOD;
	u64 delivered, coalesced, moved_periods;
	struct cydma_hw_port_stats st;
	struct cydma_hw_position pos;
	struct cydma_test_ring r;
	struct cydma_test t;
	dma_addr_t addr;
	u8 *ring, *tap;

	ring = cydma_test_playback(test, &t, &addr, &tap, tap_len);
	cydma_test_ring_init(&t, &r, CYDMA_TEST_PERIOD);
	delivered = atomic64_read(&t.chan->stats.periods);
	coalesced = atomic64_read(&t.chan->stats.periods_coalesced);
	cydma_test_cyclic(test, &t, &r, DMA_MEM_TO_DEV, addr, CYDMA_TEST_RING);
	KUNIT_ASSERT_TRUE_MSG(test, cydma_test_reach(&r.calls, CYDMA_TEST_MANY),
			      "only %d period callbacks",
			      atomic_read(&r.calls));
	cydma_test_port(&t, CYDMA_TEST_CODEC, &st);
	KUNIT_EXPECT_EQ(test, st.underruns, 0);
	KUNIT_ASSERT_EQ(test, dmaengine_terminate_sync(t.chan), 0);
	cydma_hw_chan_position(t.hw, t.chan->chan_id, &pos);

	/* each period the controller counted was a callback or coalesced */
	delivered = atomic64_read(&t.chan->stats.periods) - delivered;
	coalesced = atomic64_read(&t.chan->stats.periods_coalesced) - coalesced;
	KUNIT_EXPECT_EQ(test, delivered, atomic_read(&r.calls));
	/* a period ending during the terminate itself is owed to nobody */
	KUNIT_EXPECT_LE(test, delivered + coalesced, pos.periods);
	KUNIT_EXPECT_GE(test, delivered + coalesced + 1, pos.periods);
	kunit_info(test, "%u periods: %llu callbacks, %llu coalesced, %llu bytes played\n",
		   pos.periods, delivered, coalesced, st.bytes);
	moved_periods = div_u64(pos.bytes, CYDMA_TEST_PERIOD);
	KUNIT_EXPECT_EQ(test, moved_periods, pos.periods);
	/* no callback before its period, never more than a FIFO ahead */
	KUNIT_EXPECT_EQ(test, r.early, 0);
	KUNIT_EXPECT_LE(test, r.ahead, CYDMA_TEST_CODEC_FIFO);
	/* and what the codec played is the ring, in order, nothing lost */
	KUNIT_EXPECT_GE(test, st.tapped,
			(size_t)CYDMA_TEST_MANY * CYDMA_TEST_PERIOD -
			CYDMA_TEST_CODEC_FIFO);
	KUNIT_EXPECT_EQ(test, cydma_test_ring_mismatch(ring, CYDMA_TEST_RING,
						       tap, st.tapped),
			st.tapped);
}

/* residue sampled inside periods matches the controller's position */
static void cydma_cyclic_residue_inside_periods(struct kunit *test)
{
	struct cydma_hw_position before, after;
	unsigned int i, inside = 0, compared = 0;
	struct cydma_test_ring r;
	struct dma_tx_state state;
	enum dma_status status;
	struct cydma_test t;
	dma_cookie_t cookie;
	dma_addr_t addr;
	u64 off;
	u8 *tap;

	cydma_test_playback(test, &t, &addr, &tap, SZ_4K);
	KUNIT_EXPECT_NOT_NULL(test, tap);
	cydma_test_ring_init(&t, &r, CYDMA_TEST_PERIOD);
	cookie = cydma_test_cyclic(test, &t, &r, DMA_MEM_TO_DEV, addr,
				   CYDMA_TEST_RING);
	KUNIT_ASSERT_TRUE(test, cydma_test_reach(&r.calls, 2));
	for (i = 0; i < 60; i++) {
		usleep_range(1000, 3000);
		/* the engine runs in bottom halves: hold it still */
		local_bh_disable();
		cydma_hw_chan_position(t.hw, t.chan->chan_id, &before);
		status = dmaengine_tx_status(t.chan, cookie, &state);
		cydma_hw_chan_position(t.hw, t.chan->chan_id, &after);
		local_bh_enable();
		KUNIT_EXPECT_EQ(test, status, DMA_IN_PROGRESS);
		if (before.bytes != after.bytes)
			continue;
		compared++;
		off = do_div(before.bytes, CYDMA_TEST_RING);
		KUNIT_EXPECT_EQ_MSG(test, state.residue, CYDMA_TEST_RING - off,
				    "sample %u", i);
		KUNIT_EXPECT_EQ(test, state.residue % CYDMA_TEST_BURST_BYTES, 0);
		if (off % CYDMA_TEST_PERIOD)
			inside++;
	}
	KUNIT_EXPECT_GT(test, compared, 50);
	KUNIT_EXPECT_GT(test, inside, 0);
	KUNIT_EXPECT_EQ(test, t.chan->device->residue_granularity,
			DMA_RESIDUE_GRANULARITY_BURST);
}

/* a paused ring stands still, the codec underruns, and no byte is lost */
static void cydma_cyclic_pause_resume_no_data_lost(struct kunit *test)
{
	size_t tap_len = 1024 * CYDMA_TEST_PERIOD;
	struct cydma_hw_position paused, later;
	struct cydma_hw_port_stats st;
	struct cydma_test_ring r;
	struct dma_tx_state state;
	struct cydma_test t;
	dma_cookie_t cookie;
	dma_addr_t addr;
	u8 *ring, *tap;
	int calls;

	ring = cydma_test_playback(test, &t, &addr, &tap, tap_len);
	cydma_test_ring_init(&t, &r, CYDMA_TEST_PERIOD);
	cookie = cydma_test_cyclic(test, &t, &r, DMA_MEM_TO_DEV, addr,
				   CYDMA_TEST_RING);
	KUNIT_ASSERT_TRUE(test, cydma_test_reach(&r.calls, 20));
	KUNIT_ASSERT_EQ(test, dmaengine_pause(t.chan), 0);
	KUNIT_EXPECT_EQ(test, dmaengine_tx_status(t.chan, cookie, &state),
			DMA_PAUSED);
	msleep(20);		/* a burst already moving lands */
	cydma_hw_chan_position(t.hw, t.chan->chan_id, &paused);
	calls = atomic_read(&r.calls);
	msleep(200);
	cydma_hw_chan_position(t.hw, t.chan->chan_id, &later);
	KUNIT_EXPECT_EQ(test, later.state, CYDMA_STATE_PAUSED);
	KUNIT_EXPECT_EQ(test, later.bytes, paused.bytes);
	KUNIT_EXPECT_EQ(test, atomic_read(&r.calls), calls);
	KUNIT_EXPECT_EQ(test, dmaengine_tx_status(t.chan, cookie, &state),
			DMA_PAUSED);
	/* the codec ran dry meanwhile: the pause really stopped the data */
	cydma_test_port(&t, CYDMA_TEST_CODEC, &st);
	KUNIT_EXPECT_GT(test, st.underruns, 0);

	KUNIT_ASSERT_EQ(test, dmaengine_resume(t.chan), 0);
	KUNIT_EXPECT_TRUE(test, cydma_test_reach(&r.calls, calls + 20));
	cydma_hw_port_stop(t.hw, CYDMA_TEST_CODEC);
	KUNIT_ASSERT_EQ(test, dmaengine_terminate_sync(t.chan), 0);
	cydma_test_port(&t, CYDMA_TEST_CODEC, &st);
	KUNIT_EXPECT_GT(test, st.tapped, (size_t)(calls + 20) * CYDMA_TEST_PERIOD -
			CYDMA_TEST_CODEC_FIFO);
	KUNIT_EXPECT_EQ(test, cydma_test_ring_mismatch(ring, CYDMA_TEST_RING,
						       tap, st.tapped),
			st.tapped);
}

/* terminate_async from the period callback, then synchronize: silence */
static void cydma_cyclic_terminate_from_callback(struct kunit *test)
{
	struct cydma_test_ring r;
	struct cydma_test t;
	dma_addr_t addr;
	unsigned long left;
	u8 *tap;
	int calls;

	cydma_test_playback(test, &t, &addr, &tap, SZ_4K);
	KUNIT_EXPECT_NOT_NULL(test, tap);
	cydma_test_ring_init(&t, &r, CYDMA_TEST_PERIOD);
	r.stop_at = 10;
	cydma_test_cyclic(test, &t, &r, DMA_MEM_TO_DEV, addr, CYDMA_TEST_RING);
	left = wait_for_completion_timeout(&r.stopped,
					   msecs_to_jiffies(CYDMA_TEST_TIMEOUT_MS));
	KUNIT_ASSERT_NE(test, left, 0);
	dmaengine_synchronize(t.chan);
	calls = atomic_read(&r.calls);
	msleep(100);
	KUNIT_EXPECT_EQ(test, calls, 10);
	KUNIT_EXPECT_EQ(test, atomic_read(&r.calls), 10);
	KUNIT_EXPECT_EQ(test, atomic_read(&r.late), 0);
}

#define CYDMA_TEST_ROUNDS	5

/* a stopped and restarted ring never hears from its previous runs */
static void cydma_cyclic_restart_no_stale_callbacks(struct kunit *test)
{
	struct cydma_test_ring *runs;
	int seen[CYDMA_TEST_ROUNDS];
	struct cydma_test t;
	dma_addr_t addr;
	unsigned int i, j;
	u8 *tap;

	runs = kunit_kcalloc(test, CYDMA_TEST_ROUNDS, sizeof(*runs),
			     GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, runs);
	cydma_test_playback(test, &t, &addr, &tap, SZ_4K);
	KUNIT_EXPECT_NOT_NULL(test, tap);
	for (i = 0; i < CYDMA_TEST_ROUNDS; i++) {
		cydma_test_ring_init(&t, &runs[i], CYDMA_TEST_PERIOD);
		cydma_test_cyclic(test, &t, &runs[i], DMA_MEM_TO_DEV, addr,
				  CYDMA_TEST_RING);
		KUNIT_ASSERT_TRUE_MSG(test, cydma_test_reach(&runs[i].calls, 3),
				      "round %u", i);
		/* stop right after a period, while its callback may be due */
		KUNIT_ASSERT_EQ(test, dmaengine_terminate_sync(t.chan), 0);
		seen[i] = atomic_read(&runs[i].calls);
		for (j = 0; j < i; j++)
			KUNIT_EXPECT_EQ_MSG(test, atomic_read(&runs[j].calls),
					    seen[j], "round %u heard after %u", j,
					    i);
	}
	msleep(50);
	for (j = 0; j < CYDMA_TEST_ROUNDS; j++)
		KUNIT_EXPECT_EQ(test, atomic_read(&runs[j].calls), seen[j]);
}

/* Whether @buf holds whole camera lines with consecutive numbers. */
static bool cydma_test_camera_lines(const u8 *buf, size_t len, u64 *first)
{
	u8 line[CYDMA_TEST_LINE_BYTES];
	__le64 tag;
	size_t off;
	u64 n;

	memcpy(&tag, buf, sizeof(tag));
	*first = le64_to_cpu(tag);
	for (off = 0, n = *first; off < len; off += sizeof(line), n++) {
		cydma_hw_source_unit(n, line, sizeof(line));
		if (memcmp(buf + off, line, min(sizeof(line), len - off)))
			return false;
	}
	return true;
}

#define CYDMA_TEST_CAPTURE_LINES	16

/* a capture ring from the camera holds its latest lines, none dropped */
static void cydma_cyclic_capture_from_camera(struct kunit *test)
{
	size_t len = CYDMA_TEST_CAPTURE_LINES * CYDMA_TEST_LINE_BYTES, slot;
	struct cydma_hw_port_stats st;
	struct cydma_hw_position pos;
	struct cydma_test_ring r;
	struct cydma_test t;
	u64 index, last = 0;
	dma_addr_t addr;
	u8 *ring;

	cydma_test_setup(test, &t, NULL, CYDMA_TEST_CAMERA);
	ring = cydma_test_buf(test, &t, len, &addr);
	KUNIT_ASSERT_EQ(test, cydma_hw_port_start(t.hw, CYDMA_TEST_CAMERA), 0);
	cydma_test_ring_init(&t, &r, 2 * CYDMA_TEST_LINE_BYTES);
	cydma_test_cyclic(test, &t, &r, DMA_DEV_TO_MEM, addr, len);
	KUNIT_ASSERT_TRUE(test, cydma_test_reach(&r.calls, 12));
	/* camera off: the ring takes what is left, then waits for more */
	cydma_hw_port_stop(t.hw, CYDMA_TEST_CAMERA);
	msleep(50);
	cydma_test_port(&t, CYDMA_TEST_CAMERA, &st);
	cydma_hw_chan_position(t.hw, t.chan->chan_id, &pos);
	KUNIT_EXPECT_EQ(test, pos.state, CYDMA_STATE_WAIT);
	KUNIT_EXPECT_EQ(test, st.level, 0);
	KUNIT_EXPECT_EQ(test, st.overruns, 0);
	KUNIT_EXPECT_EQ(test, pos.bytes, st.units * CYDMA_TEST_LINE_BYTES);
	KUNIT_ASSERT_EQ(test, dmaengine_terminate_sync(t.chan), 0);
	KUNIT_EXPECT_EQ(test, r.early, 0);
	cydma_test_to_cpu(&t, addr, len);
	/* every slot holds a whole line, the newest that went round there */
	for (slot = 0; slot < CYDMA_TEST_CAPTURE_LINES; slot++) {
		KUNIT_EXPECT_TRUE_MSG(test, cydma_test_camera_lines(ring +
				      slot * CYDMA_TEST_LINE_BYTES,
				      CYDMA_TEST_LINE_BYTES, &index),
				      "slot %zu", slot);
		KUNIT_EXPECT_EQ(test, index % CYDMA_TEST_CAPTURE_LINES, slot);
		KUNIT_EXPECT_LT(test, index, st.units);
		last = max(last, index);
	}
	KUNIT_EXPECT_EQ(test, last + 1, st.units);
}

static struct kunit_case cydma_cyclic_cases[] = {
	KUNIT_CASE_SLOW(cydma_cyclic_hundreds_of_periods),
	KUNIT_CASE_SLOW(cydma_cyclic_residue_inside_periods),
	KUNIT_CASE_SLOW(cydma_cyclic_pause_resume_no_data_lost),
	KUNIT_CASE(cydma_cyclic_terminate_from_callback),
	KUNIT_CASE_SLOW(cydma_cyclic_restart_no_stale_callbacks),
	KUNIT_CASE_SLOW(cydma_cyclic_capture_from_camera),
	{ }
};

static struct kunit_suite cydma_cyclic_suite = {
	.name = "cydma_cyclic",
	.test_cases = cydma_cyclic_cases,
};

/* ---- cydma_interleave: two-dimensional frames ----------------------- */

struct cydma_test_xt {
	const char *desc;
	size_t numf;
	size_t nchunks;
	bool src_inc;
	bool src_sgl;
	bool dst_sgl;
	struct data_chunk sgl[3];
};

static const struct cydma_test_xt cydma_test_xts[] = {
	{ "2-D block: one chunk a frame, destination stride", 16, 1,
	  true, false, true, { { .size = 64, .dst_icg = 64 } } },
	{ "three chunks, their own gaps on both sides", 32, 3, true, true, true,
	  { { .size = 64, .src_icg = 16 }, { .size = 16, .dst_icg = 32 },
	    { .size = 48, .src_icg = 32, .dst_icg = 16 } } },
	{ "one gap for both sides (icg)", 8, 2, true, true, true,
	  { { .size = 32, .icg = 32 }, { .size = 96, .icg = 8 } } },
	{ "source gathers, destination packed", 12, 1, true, true, false,
	  { { .size = 24, .icg = 8 } } },
	{ "fixed source: a pattern fill", 8, 1, false, false, true,
	  { { .size = 64, .dst_icg = 64 } } },
	{ "a thousand frames", 1000, 1, true, false, true,
	  { { .size = 8, .dst_icg = 8 } } },
	{ "odd sizes: byte beats", 7, 2, true, true, true,
	  { { .size = 3, .src_icg = 1, .dst_icg = 5 }, { .size = 5 } } },
};

KUNIT_ARRAY_PARAM_DESC(cydma_test_xts, cydma_test_xts, desc);

/* Template @p on @nchunks chunks, memory to memory. */
static struct dma_interleaved_template *
cydma_test_template(struct kunit *test, size_t nchunks)
{
	struct dma_interleaved_template *xt;

	xt = kunit_kzalloc(test, struct_size(xt, sgl, nchunks), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, xt);
	xt->dir = DMA_MEM_TO_MEM;
	xt->src_inc = true;
	xt->dst_inc = true;
	xt->frame_size = nchunks;
	return xt;
}

/* Bytes the template spans on each side. */
static void cydma_test_xt_spans(struct dma_interleaved_template *xt,
				size_t *src, size_t *dst)
{
	size_t c;

	*src = 0;
	*dst = 0;
	for (c = 0; c < xt->frame_size; c++) {
		*src += xt->sgl[c].size + dmaengine_get_src_icg(xt, &xt->sgl[c]);
		*dst += xt->sgl[c].size + dmaengine_get_dst_icg(xt, &xt->sgl[c]);
	}
	*src *= xt->numf;
	*dst *= xt->numf;
}

/* The beat a memory-to-memory template moves with: the widest that fits. */
static size_t cydma_test_xt_width(struct dma_interleaved_template *xt)
{
	u64 bits = xt->src_start | xt->dst_start;
	size_t c, w;

	for (c = 0; c < xt->frame_size; c++)
		bits |= xt->sgl[c].size | dmaengine_get_src_icg(xt, &xt->sgl[c]) |
			dmaengine_get_dst_icg(xt, &xt->sgl[c]);
	for (w = 8; w > 1 && !IS_ALIGNED(bits, w); w /= 2)
		;
	return w;
}

/* What the contract says the destination holds afterwards. */
static void cydma_test_xt_ref(struct dma_interleaved_template *xt,
			      const u8 *src, u8 *dst, size_t width)
{
	size_t f, c, i, s = 0, d = 0;

	for (f = 0; f < xt->numf; f++) {
		for (c = 0; c < xt->frame_size; c++) {
			for (i = 0; i < xt->sgl[c].size; i++)
				dst[d + i] = xt->src_inc ? src[s + i] :
							   src[i % width];
			s += xt->sgl[c].size +
			     dmaengine_get_src_icg(xt, &xt->sgl[c]);
			d += xt->sgl[c].size +
			     dmaengine_get_dst_icg(xt, &xt->sgl[c]);
		}
	}
}

#define CYDMA_TEST_GUARD	64
#define CYDMA_TEST_CANARY	0x5a

/* memory to memory: the destination equals the CPU's, gaps untouched */
static void cydma_interleave_matches_cpu(struct kunit *test)
{
	const struct cydma_test_xt *p = test->param_value;
	struct dma_interleaved_template *xt;
	struct dma_async_tx_descriptor *tx;
	size_t src_len, dst_len, c;
	struct dma_tx_state state;
	dma_addr_t src, dst;
	struct cydma_test t;
	dma_cookie_t cookie;
	u8 *s, *d, *ref;

	cydma_test_setup(test, &t, NULL, CYDMA_TEST_NO_LINE);
	xt = cydma_test_template(test, p->nchunks);
	xt->numf = p->numf;
	xt->src_inc = p->src_inc;
	xt->src_sgl = p->src_sgl;
	xt->dst_sgl = p->dst_sgl;
	for (c = 0; c < p->nchunks; c++)
		xt->sgl[c] = p->sgl[c];
	cydma_test_xt_spans(xt, &src_len, &dst_len);
	s = cydma_test_buf(test, &t, max_t(size_t, src_len, 8), &src);
	d = cydma_test_buf(test, &t, dst_len + CYDMA_TEST_GUARD, &dst);
	ref = kunit_kmalloc(test, dst_len + CYDMA_TEST_GUARD, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ref);
	memset(d, CYDMA_TEST_CANARY, dst_len + CYDMA_TEST_GUARD);
	memset(ref, CYDMA_TEST_CANARY, dst_len + CYDMA_TEST_GUARD);
	cydma_test_to_device(&t, dst, dst_len + CYDMA_TEST_GUARD);
	xt->src_start = src;
	xt->dst_start = dst;
	cydma_test_xt_ref(xt, s, ref, cydma_test_xt_width(xt));

	tx = dmaengine_prep_interleaved_dma(t.chan, xt, cydma_test_flags);
	KUNIT_EXPECT_EQ(test, cydma_test_run(test, &t, tx, &cookie),
			DMA_TRANS_NOERROR);
	cydma_test_to_cpu(&t, dst, dst_len + CYDMA_TEST_GUARD);
	KUNIT_EXPECT_MEMEQ(test, d, ref, dst_len + CYDMA_TEST_GUARD);
	KUNIT_EXPECT_EQ(test, dmaengine_tx_status(t.chan, cookie, &state),
			DMA_COMPLETE);
	KUNIT_EXPECT_EQ(test, state.residue, 0);
}

/* a frame of sixteen chunks of different sizes, through the chunk table */
static void cydma_interleave_chunk_table(struct kunit *test)
{
	struct dma_interleaved_template *xt;
	struct dma_async_tx_descriptor *tx;
	size_t src_len, dst_len, c;
	dma_addr_t src, dst;
	struct cydma_test t;
	u8 *s, *d, *ref;

	cydma_test_setup(test, &t, NULL, CYDMA_TEST_NO_LINE);
	xt = cydma_test_template(test, 16);
	xt->numf = 5;
	xt->src_sgl = true;
	xt->dst_sgl = true;
	for (c = 0; c < 16; c++) {
		xt->sgl[c].size = 8 * (c + 1);
		xt->sgl[c].src_icg = 8 * (c % 3);
		xt->sgl[c].dst_icg = 8 * (c % 5);
	}
	cydma_test_xt_spans(xt, &src_len, &dst_len);
	s = cydma_test_buf(test, &t, src_len, &src);
	d = cydma_test_buf(test, &t, dst_len + CYDMA_TEST_GUARD, &dst);
	ref = kunit_kmalloc(test, dst_len + CYDMA_TEST_GUARD, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ref);
	memset(d, CYDMA_TEST_CANARY, dst_len + CYDMA_TEST_GUARD);
	memset(ref, CYDMA_TEST_CANARY, dst_len + CYDMA_TEST_GUARD);
	cydma_test_to_device(&t, dst, dst_len + CYDMA_TEST_GUARD);
	xt->src_start = src;
	xt->dst_start = dst;
	cydma_test_xt_ref(xt, s, ref, 8);
	tx = dmaengine_prep_interleaved_dma(t.chan, xt, cydma_test_flags);
	KUNIT_EXPECT_EQ(test, cydma_test_run(test, &t, tx, NULL),
			DMA_TRANS_NOERROR);
	cydma_test_to_cpu(&t, dst, dst_len + CYDMA_TEST_GUARD);
	KUNIT_EXPECT_MEMEQ(test, d, ref, dst_len + CYDMA_TEST_GUARD);
}

/* Lines of @line_len bytes at a stride in memory, packed at the peripheral. */
static struct dma_interleaved_template *
cydma_test_lines(struct kunit *test, enum dma_transfer_direction dir,
		 size_t lines, size_t line_len, size_t gap)
{
	struct dma_interleaved_template *xt = cydma_test_template(test, 1);

	xt->dir = dir;
	xt->numf = lines;
	xt->sgl[0].size = line_len;
	if (dir == DMA_MEM_TO_DEV) {
		xt->dst_inc = false;
		xt->src_sgl = true;
		xt->sgl[0].src_icg = gap;
	} else {
		xt->src_inc = false;
		xt->dst_sgl = true;
		xt->sgl[0].dst_icg = gap;
	}
	return xt;
}

/* a strided frame gathered to the codec arrives there packed, in order */
static void cydma_interleave_to_device(struct kunit *test)
{
	size_t lines = 16, line_len = 128, gap = 64, i;
	struct dma_interleaved_template *xt;
	struct dma_async_tx_descriptor *tx;
	struct cydma_hw_port_stats st;
	struct cydma_test t;
	dma_addr_t src;
	u8 *s, *tap;

	cydma_test_setup(test, &t, NULL, CYDMA_TEST_CODEC);
	s = cydma_test_buf(test, &t, lines * (line_len + gap), &src);
	tap = cydma_test_tap(test, &t, CYDMA_TEST_CODEC, lines * line_len);
	KUNIT_ASSERT_EQ(test, cydma_hw_port_start(t.hw, CYDMA_TEST_CODEC), 0);
	KUNIT_ASSERT_EQ(test, cydma_test_slave_config(&t, DMA_MEM_TO_DEV,
						      CYDMA_TEST_WIDTH,
						      CYDMA_TEST_BURST), 0);
	xt = cydma_test_lines(test, DMA_MEM_TO_DEV, lines, line_len, gap);
	xt->src_start = src;
	tx = dmaengine_prep_interleaved_dma(t.chan, xt, cydma_test_flags);
	KUNIT_EXPECT_EQ(test, cydma_test_run(test, &t, tx, NULL),
			DMA_TRANS_NOERROR);
	cydma_test_drain(test, &t, CYDMA_TEST_CODEC);
	cydma_test_port(&t, CYDMA_TEST_CODEC, &st);
	KUNIT_ASSERT_EQ(test, st.tapped, lines * line_len);
	for (i = 0; i < lines; i++)
		KUNIT_EXPECT_MEMEQ_MSG(test, tap + i * line_len,
				       s + i * (line_len + gap), line_len,
				       "line %zu", i);
}

/* camera lines land at the frame buffer's stride, the gaps untouched */
static void cydma_interleave_from_camera(struct kunit *test)
{
	size_t lines = 20, gap = 64, stride = CYDMA_TEST_LINE_BYTES + gap, i;
	u8 expect[CYDMA_TEST_LINE_BYTES], canary[64];
	struct dma_interleaved_template *xt;
	struct dma_async_tx_descriptor *tx;
	struct cydma_hw_port_stats st;
	struct cydma_test t;
	dma_addr_t dst;
	u8 *d;

	cydma_test_setup(test, &t, NULL, CYDMA_TEST_CAMERA);
	d = cydma_test_buf(test, &t, lines * stride, &dst);
	memset(d, CYDMA_TEST_CANARY, lines * stride);
	memset(canary, CYDMA_TEST_CANARY, sizeof(canary));
	cydma_test_to_device(&t, dst, lines * stride);
	KUNIT_ASSERT_EQ(test, cydma_test_slave_config(&t, DMA_DEV_TO_MEM,
						      CYDMA_TEST_WIDTH,
						      CYDMA_TEST_BURST), 0);
	xt = cydma_test_lines(test, DMA_DEV_TO_MEM, lines,
			      CYDMA_TEST_LINE_BYTES, gap);
	xt->dst_start = dst;
	tx = dmaengine_prep_interleaved_dma(t.chan, xt, cydma_test_flags);
	KUNIT_ASSERT_EQ(test, cydma_hw_port_start(t.hw, CYDMA_TEST_CAMERA), 0);
	KUNIT_EXPECT_EQ(test, cydma_test_run(test, &t, tx, NULL),
			DMA_TRANS_NOERROR);
	cydma_hw_port_stop(t.hw, CYDMA_TEST_CAMERA);
	cydma_test_port(&t, CYDMA_TEST_CAMERA, &st);
	KUNIT_EXPECT_GE(test, st.units, lines);
	cydma_test_to_cpu(&t, dst, lines * stride);
	for (i = 0; i < lines; i++) {
		cydma_hw_source_unit(i, expect, sizeof(expect));
		KUNIT_EXPECT_MEMEQ_MSG(test, d + i * stride, expect,
				       sizeof(expect), "line %zu", i);
		KUNIT_EXPECT_MEMEQ_MSG(test, d + i * stride + sizeof(expect),
				       canary, gap, "gap after line %zu", i);
	}
}

/**
 * struct cydma_test_frame - a repeated frame sent to the codec
 * @xt: its template
 * @buf: the strided frame in memory
 * @addr: its bus address
 * @packed: what the codec receives for one frame
 * @done: callbacks and completion
 * @cookie: its cookie
 */
struct cydma_test_frame {
	struct dma_interleaved_template *xt;
	u8 *buf;
	dma_addr_t addr;
	u8 packed[1024];
	struct simdma_test_done done;
	dma_cookie_t cookie;
};

#define CYDMA_TEST_FRAME_LINES	8
#define CYDMA_TEST_FRAME_LINE	128
#define CYDMA_TEST_FRAME_GAP	64

static void cydma_test_frame_callback(void *param,
				      const struct dmaengine_result *result)
{
	struct simdma_test_done *done = param;

	done->result = *result;
	atomic_inc(&done->calls);
}

/* Prepare, submit and issue a frame for the codec with @flags. */
static void cydma_test_frame_go(struct kunit *test, struct cydma_test *t,
				struct cydma_test_frame *f,
				unsigned long flags)
{
	size_t stride = CYDMA_TEST_FRAME_LINE + CYDMA_TEST_FRAME_GAP, i;
	struct dma_async_tx_descriptor *tx;

	f->buf = cydma_test_buf(test, t, CYDMA_TEST_FRAME_LINES * stride,
				&f->addr);
	for (i = 0; i < CYDMA_TEST_FRAME_LINES; i++)
		memcpy(f->packed + i * CYDMA_TEST_FRAME_LINE,
		       f->buf + i * stride, CYDMA_TEST_FRAME_LINE);
	f->xt = cydma_test_lines(test, DMA_MEM_TO_DEV, CYDMA_TEST_FRAME_LINES,
				 CYDMA_TEST_FRAME_LINE, CYDMA_TEST_FRAME_GAP);
	f->xt->src_start = f->addr;
	tx = dmaengine_prep_interleaved_dma(t->chan, f->xt, flags);
	KUNIT_ASSERT_NOT_NULL(test, tx);
	init_completion(&f->done.done);
	atomic_set(&f->done.calls, 0);
	tx->callback_result = cydma_test_frame_callback;
	tx->callback_param = &f->done;
	f->cookie = dmaengine_submit(tx);
	KUNIT_ASSERT_GE(test, f->cookie, DMA_MIN_COOKIE);
	dma_async_issue_pending(t->chan);
}

/* Whole copies of @f at @tap + *@off; moves *@off past them. */
static unsigned int cydma_test_frames(const struct cydma_test_frame *f,
				      const u8 *tap, size_t tapped, size_t *off)
{
	unsigned int n = 0;

	while (*off + sizeof(f->packed) <= tapped &&
	       !memcmp(tap + *off, f->packed, sizeof(f->packed))) {
		*off += sizeof(f->packed);
		n++;
	}
	return n;
}

/* Board, codec channel and tap for the repeated-frame tests. */
static u8 *cydma_test_display(struct kunit *test, struct cydma_test *t,
			      size_t tap_len)
{
	u8 *tap;

	cydma_test_setup(test, t, NULL, CYDMA_TEST_CODEC);
	tap = cydma_test_tap(test, t, CYDMA_TEST_CODEC, tap_len);
	KUNIT_ASSERT_EQ(test, cydma_hw_port_start(t->hw, CYDMA_TEST_CODEC), 0);
	KUNIT_ASSERT_EQ(test, cydma_test_slave_config(t, DMA_MEM_TO_DEV,
						      CYDMA_TEST_WIDTH,
						      CYDMA_TEST_BURST), 0);
	return tap;
}

/* REPEAT frames are replaced by LOAD_EOT ones at a frame end, never inside */
static void cydma_repeat_replaced_at_frame_end(struct kunit *test)
{
	const unsigned long repeat = cydma_test_flags | DMA_PREP_REPEAT |
				     DMA_PREP_LOAD_EOT;
	size_t tap_len = SZ_1M, off = 0;
	struct cydma_test_frame *f;
	struct cydma_hw_port_stats st;
	struct dma_tx_state state;
	unsigned int n[3], calls;
	struct cydma_test t;
	u64 coalesced;
	u8 *tap;

	f = kunit_kcalloc(test, 3, sizeof(*f), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, f);
	tap = cydma_test_display(test, &t, tap_len);
	coalesced = atomic64_read(&t.chan->stats.periods_coalesced);
	cydma_test_frame_go(test, &t, &f[0], repeat);
	KUNIT_ASSERT_TRUE(test, cydma_test_reach(&f[0].done.calls, 4));
	/* A is somewhere inside a frame now; B takes over at its end */
	cydma_test_frame_go(test, &t, &f[1], repeat);
	KUNIT_ASSERT_TRUE(test, cydma_test_reach(&f[1].done.calls, 4));
	KUNIT_EXPECT_EQ(test, dmaengine_tx_status(t.chan, f[0].cookie, &state),
			DMA_COMPLETE);
	KUNIT_EXPECT_EQ(test, dmaengine_tx_status(t.chan, f[1].cookie, &state),
			DMA_IN_PROGRESS);
	/* C, flagged LOAD_EOT only, replaces B and runs once */
	cydma_test_frame_go(test, &t, &f[2], cydma_test_flags |
			    DMA_PREP_LOAD_EOT);
	KUNIT_ASSERT_TRUE(test, cydma_test_reach(&f[2].done.calls, 1));
	/* the switches left the codec no gap to fall into */
	cydma_test_port(&t, CYDMA_TEST_CODEC, &st);
	KUNIT_EXPECT_EQ(test, st.underruns, 0);
	KUNIT_EXPECT_EQ(test, dmaengine_tx_status(t.chan, f[1].cookie, &state),
			DMA_COMPLETE);
	KUNIT_EXPECT_EQ(test, dmaengine_tx_status(t.chan, f[2].cookie, &state),
			DMA_COMPLETE);
	cydma_test_drain(test, &t, CYDMA_TEST_CODEC);
	cydma_test_port(&t, CYDMA_TEST_CODEC, &st);

	/* the codec got whole frames only: A..A B..B C */
	n[0] = cydma_test_frames(&f[0], tap, st.tapped, &off);
	n[1] = cydma_test_frames(&f[1], tap, st.tapped, &off);
	n[2] = cydma_test_frames(&f[2], tap, st.tapped, &off);
	KUNIT_EXPECT_EQ(test, off, st.tapped);
	KUNIT_EXPECT_GE(test, n[0], 4);
	KUNIT_EXPECT_GE(test, n[1], 4);
	KUNIT_EXPECT_EQ(test, n[2], 1);
	/* each frame reached the client: a callback, or counted coalesced */
	calls = atomic_read(&f[0].done.calls) + atomic_read(&f[1].done.calls) +
		atomic_read(&f[2].done.calls);
	coalesced = atomic64_read(&t.chan->stats.periods_coalesced) - coalesced;
	KUNIT_EXPECT_EQ(test, calls + coalesced, n[0] + n[1] + n[2]);
	KUNIT_EXPECT_EQ(test, atomic_read(&f[2].done.calls), 1);
	KUNIT_EXPECT_EQ(test, f[0].done.result.result, DMA_TRANS_NOERROR);
	KUNIT_EXPECT_EQ(test, f[1].done.result.result, DMA_TRANS_NOERROR);
	KUNIT_EXPECT_EQ(test, f[2].done.result.result, DMA_TRANS_NOERROR);
}

/* a transfer queued without LOAD_EOT waits behind the repeated frame */
static void cydma_repeat_without_load_eot_waits(struct kunit *test)
{
	const unsigned long repeat = cydma_test_flags | DMA_PREP_REPEAT |
				     DMA_PREP_LOAD_EOT;
	struct cydma_test_frame *f;
	struct dma_tx_state state;
	struct cydma_test t;
	int calls;

	f = kunit_kcalloc(test, 2, sizeof(*f), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, f);
	cydma_test_display(test, &t, SZ_64K);
	cydma_test_frame_go(test, &t, &f[0], repeat);
	KUNIT_ASSERT_TRUE(test, cydma_test_reach(&f[0].done.calls, 2));
	cydma_test_frame_go(test, &t, &f[1], cydma_test_flags);
	calls = atomic_read(&f[0].done.calls);
	msleep(60);
	KUNIT_EXPECT_GT(test, atomic_read(&f[0].done.calls), calls);
	KUNIT_EXPECT_EQ(test, atomic_read(&f[1].done.calls), 0);
	KUNIT_EXPECT_EQ(test, dmaengine_tx_status(t.chan, f[1].cookie, &state),
			DMA_IN_PROGRESS);
	KUNIT_EXPECT_EQ(test, state.residue, sizeof(f[1].packed));
	KUNIT_ASSERT_EQ(test, dmaengine_terminate_sync(t.chan), 0);
	msleep(20);
	KUNIT_EXPECT_EQ(test, atomic_read(&f[1].done.calls), 0);
}

/* an unpaced repeated copy runs a frame per tick until replaced */
static void cydma_repeat_memory_to_memory(struct kunit *test)
{
	struct dma_interleaved_template *xt;
	struct dma_async_tx_descriptor *tx;
	struct simdma_test_done a;
	dma_addr_t src[2], dst;
	struct dma_tx_state state;
	struct cydma_test t;
	dma_cookie_t ca;
	u8 *s[2], *d;
	size_t len = 256;

	cydma_test_setup(test, &t, NULL, CYDMA_TEST_NO_LINE);
	s[0] = cydma_test_buf(test, &t, len, &src[0]);
	s[1] = cydma_test_buf(test, &t, len, &src[1]);
	d = cydma_test_buf(test, &t, len, &dst);
	xt = cydma_test_template(test, 1);
	xt->numf = 4;
	xt->sgl[0].size = len / 4;
	xt->src_start = src[0];
	xt->dst_start = dst;
	tx = dmaengine_prep_interleaved_dma(t.chan, xt, cydma_test_flags |
					    DMA_PREP_REPEAT |
					    DMA_PREP_LOAD_EOT);
	ca = simdma_test_submit(test, tx, &a);
	dma_async_issue_pending(t.chan);
	KUNIT_ASSERT_TRUE(test, cydma_test_reach(&a.calls, 3));
	xt->src_start = src[1];
	tx = dmaengine_prep_interleaved_dma(t.chan, xt, cydma_test_flags |
					    DMA_PREP_LOAD_EOT);
	KUNIT_EXPECT_EQ(test, cydma_test_run(test, &t, tx, NULL),
			DMA_TRANS_NOERROR);
	KUNIT_EXPECT_EQ(test, dmaengine_tx_status(t.chan, ca, &state),
			DMA_COMPLETE);
	cydma_test_to_cpu(&t, dst, len);
	KUNIT_EXPECT_MEMEQ(test, d, s[1], len);
}

static struct kunit_case cydma_interleave_cases[] = {
	KUNIT_CASE_PARAM(cydma_interleave_matches_cpu,
			 cydma_test_xts_gen_params),
	KUNIT_CASE(cydma_interleave_chunk_table),
	KUNIT_CASE(cydma_interleave_to_device),
	KUNIT_CASE(cydma_interleave_from_camera),
	KUNIT_CASE(cydma_repeat_replaced_at_frame_end),
	KUNIT_CASE(cydma_repeat_without_load_eot_waits),
	KUNIT_CASE(cydma_repeat_memory_to_memory),
	{ }
};

static struct kunit_suite cydma_interleave_suite = {
	.name = "cydma_interleave",
	.test_cases = cydma_interleave_cases,
};

/* ---- cydma_slave: scatter-gather through the peripherals ------------ */

/* A buffer split into three scatterlist entries, mapped for the channel. */
static u8 *cydma_test_sg(struct kunit *test, struct cydma_test *t,
			 struct scatterlist *sgl, size_t len, dma_addr_t *addr)
{
	size_t a = len / 4, b = len / 2 + 4;
	u8 *buf = cydma_test_buf(test, t, len, addr);

	sg_init_table(sgl, 3);
	sg_dma_address(&sgl[0]) = *addr;
	sg_dma_len(&sgl[0]) = a;
	sg_dma_address(&sgl[1]) = *addr + a;
	sg_dma_len(&sgl[1]) = b - a;
	sg_dma_address(&sgl[2]) = *addr + b;
	sg_dma_len(&sgl[2]) = len - b;
	return buf;
}

/* slave_sg to the codec: it plays every byte, in order */
static void cydma_slave_sg_to_codec(struct kunit *test)
{
	struct dma_async_tx_descriptor *tx;
	struct cydma_hw_port_stats st;
	struct scatterlist sgl[3];
	size_t len = 3 * SZ_4K;
	struct cydma_test t;
	dma_addr_t addr;
	u8 *buf, *tap;

	cydma_test_setup(test, &t, NULL, CYDMA_TEST_CODEC);
	buf = cydma_test_sg(test, &t, sgl, len, &addr);
	tap = cydma_test_tap(test, &t, CYDMA_TEST_CODEC, len);
	KUNIT_ASSERT_EQ(test, cydma_hw_port_start(t.hw, CYDMA_TEST_CODEC), 0);
	KUNIT_ASSERT_EQ(test, cydma_test_slave_config(&t, DMA_MEM_TO_DEV, 4, 8),
			0);
	tx = dmaengine_prep_slave_sg(t.chan, sgl, 3, DMA_MEM_TO_DEV,
				     cydma_test_flags);
	KUNIT_EXPECT_EQ(test, cydma_test_run(test, &t, tx, NULL),
			DMA_TRANS_NOERROR);
	cydma_test_drain(test, &t, CYDMA_TEST_CODEC);
	cydma_test_port(&t, CYDMA_TEST_CODEC, &st);
	KUNIT_EXPECT_EQ(test, st.tapped, len);
	KUNIT_EXPECT_MEMEQ(test, tap, buf, len);
}

/* slave_sg from the camera: its lines, in order, across the entries */
static void cydma_slave_sg_from_camera(struct kunit *test)
{
	struct dma_async_tx_descriptor *tx;
	struct cydma_hw_port_stats st;
	struct scatterlist sgl[3];
	size_t len = 10 * CYDMA_TEST_LINE_BYTES;
	struct cydma_test t;
	dma_addr_t addr;
	u64 first;
	u8 *buf;

	cydma_test_setup(test, &t, NULL, CYDMA_TEST_CAMERA);
	buf = cydma_test_sg(test, &t, sgl, len, &addr);
	KUNIT_ASSERT_EQ(test, cydma_test_slave_config(&t, DMA_DEV_TO_MEM, 4, 16),
			0);
	tx = dmaengine_prep_slave_sg(t.chan, sgl, 3, DMA_DEV_TO_MEM,
				     cydma_test_flags);
	KUNIT_ASSERT_EQ(test, cydma_hw_port_start(t.hw, CYDMA_TEST_CAMERA), 0);
	KUNIT_EXPECT_EQ(test, cydma_test_run(test, &t, tx, NULL),
			DMA_TRANS_NOERROR);
	cydma_hw_port_stop(t.hw, CYDMA_TEST_CAMERA);
	cydma_test_port(&t, CYDMA_TEST_CAMERA, &st);
	KUNIT_EXPECT_GE(test, st.units, 10);
	cydma_test_to_cpu(&t, addr, len);
	/* consecutive lines from the first: none lost on the way */
	KUNIT_EXPECT_TRUE(test, cydma_test_camera_lines(buf, len, &first));
	KUNIT_EXPECT_EQ(test, first, 0);
}

/* a client finds its channels through the board's slave map */
static void cydma_slave_map_request(struct kunit *test)
{
	struct cydma_board_route routes[2] = {
		{ .name = "audio", .line = CYDMA_TEST_CODEC },
		{ .name = "video", .line = CYDMA_TEST_CAMERA },
	};
	struct cydma_board_config cfg;
	struct cydma_test t = { };
	struct dma_chan *audio, *video;
	struct cydma_test_ring r;
	struct device *client;
	dma_addr_t addr;

	client = kunit_device_register(test, CYDMA_TEST_CLIENT);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, client);
	routes[0].consumer = dev_name(client);
	routes[1].consumer = dev_name(client);
	cydma_test_config(&cfg);
	cfg.routes = routes;
	cfg.nr_routes = ARRAY_SIZE(routes);
	t.board = cydma_test_board(test, &cfg);
	t.hw = cydma_board_hw(t.board);
	audio = dma_request_chan(client, "audio");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, audio);
	simdma_test_action(test, simdma_test_release, audio);
	video = dma_request_chan(client, "video");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, video);
	simdma_test_action(test, simdma_test_release, video);
	KUNIT_EXPECT_PTR_NE(test, audio, video);
	KUNIT_EXPECT_PTR_EQ(test, audio->device->dev, cydma_board_dev(t.board));
	KUNIT_EXPECT_TRUE(test, IS_ERR(dma_request_chan(client, "nope")));

	/* the audio channel is paced by the codec's line: a ring plays */
	t.chan = audio;
	t.dma_dev = audio->device->dev;
	t.line = CYDMA_TEST_CODEC;
	cydma_test_buf(test, &t, CYDMA_TEST_RING, &addr);
	cydma_test_tap(test, &t, CYDMA_TEST_CODEC, SZ_4K);
	KUNIT_ASSERT_EQ(test, cydma_hw_port_start(t.hw, CYDMA_TEST_CODEC), 0);
	cydma_test_ring_init(&t, &r, CYDMA_TEST_PERIOD);
	cydma_test_cyclic(test, &t, &r, DMA_MEM_TO_DEV, addr, CYDMA_TEST_RING);
	KUNIT_EXPECT_TRUE(test, cydma_test_reach(&r.calls, 5));
	KUNIT_EXPECT_EQ(test, dmaengine_terminate_sync(audio), 0);
}

/* dma_get_slave_caps reports what the controller has */
static void cydma_slave_caps_honest(struct kunit *test)
{
	struct dma_device *dd;
	struct dma_slave_caps caps;
	struct cydma_test t;

	cydma_test_setup(test, &t, NULL, CYDMA_TEST_CODEC);
	dd = t.chan->device;
	KUNIT_ASSERT_EQ(test, dma_get_slave_caps(t.chan, &caps), 0);
	KUNIT_EXPECT_EQ(test, caps.directions, BIT(DMA_MEM_TO_DEV) |
			BIT(DMA_DEV_TO_MEM) | BIT(DMA_MEM_TO_MEM));
	KUNIT_EXPECT_EQ(test, caps.src_addr_widths,
			BIT(1) | BIT(2) | BIT(4) | BIT(8));
	KUNIT_EXPECT_EQ(test, caps.dst_addr_widths, caps.src_addr_widths);
	KUNIT_EXPECT_EQ(test, caps.min_burst, 1);
	KUNIT_EXPECT_EQ(test, caps.max_burst, 64);
	KUNIT_EXPECT_EQ(test, caps.max_sg_burst, 1024);
	KUNIT_EXPECT_TRUE(test, caps.cmd_pause);
	KUNIT_EXPECT_TRUE(test, caps.cmd_resume);
	KUNIT_EXPECT_TRUE(test, caps.cmd_terminate);
	KUNIT_EXPECT_EQ(test, caps.residue_granularity,
			DMA_RESIDUE_GRANULARITY_BURST);
	KUNIT_EXPECT_TRUE(test, dma_has_cap(DMA_SLAVE, dd->cap_mask));
	KUNIT_EXPECT_TRUE(test, dma_has_cap(DMA_CYCLIC, dd->cap_mask));
	KUNIT_EXPECT_TRUE(test, dma_has_cap(DMA_INTERLEAVE, dd->cap_mask));
	KUNIT_EXPECT_TRUE(test, dma_has_cap(DMA_REPEAT, dd->cap_mask));
	KUNIT_EXPECT_TRUE(test, dma_has_cap(DMA_LOAD_EOT, dd->cap_mask));
	KUNIT_EXPECT_TRUE(test, dma_has_cap(DMA_PRIVATE, dd->cap_mask));
	KUNIT_EXPECT_EQ(test, dma_get_max_seg_size(t.dma_dev),
			CYDMA_TEST_MAX_CHUNK);
}

/* a controller without rings or peripherals offers neither */
static void cydma_slave_caps_follow_features(struct kunit *test)
{
	struct cydma_board_config cfg;
	struct dma_slave_caps caps;
	struct dma_device *dd;
	struct cydma_test t;

	cydma_test_config(&cfg);
	cfg.hw.features = CYDMA_FEAT_MEM | CYDMA_FEAT_CHUNKS;
	cydma_test_setup(test, &t, &cfg, CYDMA_TEST_NO_LINE);
	dd = t.chan->device;
	KUNIT_EXPECT_FALSE(test, dma_has_cap(DMA_SLAVE, dd->cap_mask));
	KUNIT_EXPECT_FALSE(test, dma_has_cap(DMA_CYCLIC, dd->cap_mask));
	KUNIT_EXPECT_FALSE(test, dma_has_cap(DMA_REPEAT, dd->cap_mask));
	KUNIT_EXPECT_TRUE(test, dma_has_cap(DMA_INTERLEAVE, dd->cap_mask));
	KUNIT_EXPECT_EQ(test, dma_get_slave_caps(t.chan, &caps), -ENXIO);
}

/* a descriptor the controller rejects ends the transfer with an error */
static void cydma_slave_descriptor_error(struct kunit *test)
{
	struct dma_async_tx_descriptor *tx;
	struct cydma_hw_chan_stats hs;
	struct cydma_test t;
	dma_cookie_t cookie;
	dma_addr_t addr;

	cydma_test_setup(test, &t, NULL, CYDMA_TEST_CODEC);
	cydma_test_buf(test, &t, SZ_4K, &addr);
	cydma_test_tap(test, &t, CYDMA_TEST_CODEC, SZ_4K);
	KUNIT_ASSERT_EQ(test, cydma_hw_port_start(t.hw, CYDMA_TEST_CODEC), 0);
	KUNIT_ASSERT_EQ(test, cydma_test_slave_config(&t, DMA_MEM_TO_DEV, 4, 8),
			0);
	cydma_hw_set_fail_desc(t.hw, true);
	tx = dmaengine_prep_slave_single(t.chan, addr, SZ_4K, DMA_MEM_TO_DEV,
					 cydma_test_flags);
	KUNIT_EXPECT_EQ(test, cydma_test_run(test, &t, tx, &cookie),
			DMA_TRANS_ABORTED);
	KUNIT_EXPECT_EQ(test, dmaengine_tx_status(t.chan, cookie, NULL),
			DMA_ERROR);
	cydma_hw_chan_stats(t.hw, t.chan->chan_id, &hs);
	KUNIT_EXPECT_EQ(test, hs.errors, 1);
	/* the fault cleared, the same channel works again */
	cydma_hw_set_fail_desc(t.hw, false);
	tx = dmaengine_prep_slave_single(t.chan, addr, SZ_4K, DMA_MEM_TO_DEV,
					 cydma_test_flags);
	KUNIT_EXPECT_EQ(test, cydma_test_run(test, &t, tx, &cookie),
			DMA_TRANS_NOERROR);
	KUNIT_EXPECT_EQ(test, dmaengine_tx_status(t.chan, cookie, NULL),
			DMA_COMPLETE);
}

static struct kunit_case cydma_slave_cases[] = {
	KUNIT_CASE(cydma_slave_sg_to_codec),
	KUNIT_CASE(cydma_slave_sg_from_camera),
	KUNIT_CASE(cydma_slave_map_request),
	KUNIT_CASE(cydma_slave_caps_honest),
	KUNIT_CASE(cydma_slave_caps_follow_features),
	KUNIT_CASE(cydma_slave_descriptor_error),
	{ }
};

static struct kunit_suite cydma_slave_suite = {
	.name = "cydma_slave",
	.test_cases = cydma_slave_cases,
};

/* ---- cydma_bad_input: refused with NULL or an error, never an oops -- */

struct cydma_test_bad_cyclic {
	const char *desc;
	size_t buf_len;
	size_t period;
	enum dma_transfer_direction dir;
	unsigned long flags;
};

static const struct cydma_test_bad_cyclic cydma_test_bad_cyclics[] = {
	{ "buffer not a whole number of periods", 3000, 1024, DMA_MEM_TO_DEV },
	{ "period below the minimum", 1024, 32, DMA_MEM_TO_DEV },
	{ "period above the largest chunk", 2 * SZ_128K, SZ_128K,
	  DMA_MEM_TO_DEV },
	{ "zero-length period", 4096, 0, DMA_MEM_TO_DEV },
	{ "zero-length buffer: zero periods", 0, 1024, DMA_MEM_TO_DEV },
	{ "buffer shorter than a period", 512, 1024, DMA_MEM_TO_DEV },
	{ "more periods than descriptors", 2048 * 64, 64, DMA_MEM_TO_DEV },
	{ "period not whole beats", 10 * 66, 66, DMA_MEM_TO_DEV },
	{ "memory to memory", 4096, 1024, DMA_MEM_TO_MEM },
	{ "device to device", 4096, 1024, DMA_DEV_TO_DEV },
	{ "direction the configuration does not cover", 4096, 1024,
	  DMA_DEV_TO_MEM },
	{ "repeat flag on a ring", 4096, 1024, DMA_MEM_TO_DEV,
	  DMA_PREP_REPEAT },
};

KUNIT_ARRAY_PARAM_DESC(cydma_test_bad_cyclics, cydma_test_bad_cyclics, desc);

/* each bad cyclic request is refused; a good one on the same channel works */
static void cydma_bad_cyclic(struct kunit *test)
{
	const struct cydma_test_bad_cyclic *p = test->param_value;
	struct dma_async_tx_descriptor *tx;
	struct cydma_test t;
	dma_addr_t addr;

	cydma_test_setup(test, &t, NULL, CYDMA_TEST_CODEC);
	cydma_test_buf(test, &t, SZ_4K, &addr);
	KUNIT_ASSERT_EQ(test, cydma_test_slave_config(&t, DMA_MEM_TO_DEV, 4, 8),
			0);
	tx = dmaengine_prep_dma_cyclic(t.chan, addr, p->buf_len, p->period,
				       p->dir, p->flags);
	KUNIT_EXPECT_NULL(test, tx);
	/* freed with the channel, unsubmitted */
	tx = dmaengine_prep_dma_cyclic(t.chan, addr, SZ_4K, SZ_1K,
				       DMA_MEM_TO_DEV, 0);
	KUNIT_EXPECT_NOT_NULL(test, tx);
}

/* a ring on a channel with no request line, or not configured, is refused */
static void cydma_bad_cyclic_unpaced_or_unconfigured(struct kunit *test)
{
	struct dma_slave_config cfg = {
		.dst_addr_width = 4,
		.dst_maxburst = 8,
	};
	struct cydma_test t, u;
	dma_addr_t addr;

	cydma_test_setup(test, &t, NULL, CYDMA_TEST_NO_LINE);
	cydma_test_buf(test, &t, SZ_4K, &addr);
	cfg.dst_addr = cydma_hw_port_addr(t.hw, CYDMA_TEST_CODEC);
	KUNIT_ASSERT_EQ(test, dmaengine_slave_config(t.chan, &cfg), 0);
	KUNIT_EXPECT_NULL(test, dmaengine_prep_dma_cyclic(t.chan, addr, SZ_4K,
							  SZ_1K, DMA_MEM_TO_DEV,
							  0));
	cydma_test_setup(test, &u, NULL, CYDMA_TEST_CODEC);
	KUNIT_EXPECT_NULL(test, dmaengine_prep_dma_cyclic(u.chan, addr, SZ_4K,
							  SZ_1K, DMA_MEM_TO_DEV,
							  0));
}

struct cydma_test_bad_xt {
	const char *desc;
	enum dma_transfer_direction dir;
	size_t numf;
	size_t nchunks;
	size_t size;
	size_t src_icg;
	size_t dst_icg;
	bool mem_fixed;
	bool dev_inc;
	unsigned long flags;
};

static const struct cydma_test_bad_xt cydma_test_bad_xts[] = {
	{ "zero frames", DMA_MEM_TO_MEM, 0, 1, 64 },
	{ "zero chunks", DMA_MEM_TO_MEM, 4, 0, 64 },
	{ "more chunks than a frame holds", DMA_MEM_TO_MEM, 1, 17, 8 },
	{ "empty chunk", DMA_MEM_TO_MEM, 4, 1, 0 },
	{ "chunk above the largest", DMA_MEM_TO_MEM, 1, 1, SZ_128K },
	{ "gap above the largest", DMA_MEM_TO_MEM, 2, 1, 64, 0, SZ_2M },
	{ "more frames than the controller counts", DMA_MEM_TO_MEM, 70000, 1,
	  8 },
	{ "peripheral beats: memory gap of 2 bytes", DMA_MEM_TO_DEV, 4, 1, 64,
	  2 },
	{ "peripheral beats: chunk of 6 bytes", DMA_MEM_TO_DEV, 4, 1, 6 },
	{ "peripheral side advancing", DMA_MEM_TO_DEV, 4, 1, 64, 0, 0, false,
	  true },
	{ "memory side fixed", DMA_MEM_TO_DEV, 4, 1, 64, 0, 0, true },
	{ "device to device", DMA_DEV_TO_DEV, 4, 1, 64 },
	{ "direction the configuration does not cover", DMA_DEV_TO_MEM, 4, 1,
	  64 },
	{ "load at end with nothing repeating", DMA_MEM_TO_MEM, 4, 1, 64, 0, 0,
	  false, false, DMA_PREP_LOAD_EOT },
	{ "repeated frame below the minimum period", DMA_MEM_TO_MEM, 1, 1, 32,
	  0, 0, false, false, DMA_PREP_REPEAT },
};

KUNIT_ARRAY_PARAM_DESC(cydma_test_bad_xts, cydma_test_bad_xts, desc);

/* each bad interleaved template is refused */
static void cydma_bad_interleave(struct kunit *test)
{
	const struct cydma_test_bad_xt *p = test->param_value;
	struct dma_interleaved_template *xt;
	struct cydma_test t;
	dma_addr_t addr;
	size_t c;

	cydma_test_setup(test, &t, NULL, CYDMA_TEST_CODEC);
	cydma_test_buf(test, &t, SZ_4K, &addr);
	KUNIT_ASSERT_EQ(test, cydma_test_slave_config(&t, DMA_MEM_TO_DEV, 4, 8),
			0);
	xt = cydma_test_template(test, max_t(size_t, p->nchunks, 1));
	xt->dir = p->dir;
	xt->numf = p->numf;
	xt->frame_size = p->nchunks;
	xt->src_start = addr;
	xt->dst_start = addr;
	xt->src_sgl = true;
	xt->dst_sgl = true;
	for (c = 0; c < p->nchunks; c++) {
		xt->sgl[c].size = p->size;
		xt->sgl[c].src_icg = p->src_icg;
		xt->sgl[c].dst_icg = p->dst_icg;
	}
	if (p->dir == DMA_MEM_TO_DEV) {
		xt->src_inc = !p->mem_fixed;
		xt->dst_inc = p->dev_inc;
	}
	KUNIT_EXPECT_NULL(test, dmaengine_prep_interleaved_dma(t.chan, xt,
							       p->flags));
}

/* no template, and LOAD_EOT is accepted once something repeats */
static void cydma_bad_interleave_no_template(struct kunit *test)
{
	struct dma_interleaved_template *xt;
	struct dma_device *dd;
	struct dma_async_tx_descriptor *tx;
	struct cydma_test t;
	dma_addr_t addr;

	cydma_test_setup(test, &t, NULL, CYDMA_TEST_NO_LINE);
	cydma_test_buf(test, &t, SZ_4K, &addr);
	dd = t.chan->device;
	KUNIT_EXPECT_NULL(test, dd->device_prep_interleaved_dma(t.chan, NULL,
								0));
	xt = cydma_test_template(test, 1);
	xt->numf = 4;
	xt->sgl[0].size = 256;
	xt->src_start = addr;
	xt->dst_start = addr + 2048;
	KUNIT_EXPECT_NULL(test, dmaengine_prep_interleaved_dma(t.chan, xt,
							       DMA_PREP_LOAD_EOT));
	tx = dmaengine_prep_interleaved_dma(t.chan, xt, DMA_PREP_REPEAT |
					    DMA_PREP_LOAD_EOT);
	KUNIT_ASSERT_NOT_NULL(test, tx);
	/* a repeated transfer is prepared now: there is something to replace */
	KUNIT_EXPECT_NOT_NULL(test, dmaengine_prep_interleaved_dma(t.chan, xt,
								   DMA_PREP_LOAD_EOT));
}

/* a memory gap that no supported beat width divides is refused */
static void cydma_bad_interleave_no_width(struct kunit *test)
{
	struct dma_interleaved_template *xt;
	struct cydma_board_config cfg;
	struct cydma_test t;
	dma_addr_t addr;

	cydma_test_config(&cfg);
	cfg.hw.widths = BIT(2) | BIT(3);
	cydma_test_setup(test, &t, &cfg, CYDMA_TEST_NO_LINE);
	cydma_test_buf(test, &t, SZ_4K, &addr);
	xt = cydma_test_template(test, 1);
	xt->numf = 4;
	xt->dst_sgl = true;
	xt->sgl[0].size = 64;
	xt->sgl[0].dst_icg = 2;
	xt->src_start = addr;
	xt->dst_start = addr + 2048;
	KUNIT_EXPECT_NULL(test, dmaengine_prep_interleaved_dma(t.chan, xt, 0));
	xt->sgl[0].dst_icg = 4;
	KUNIT_EXPECT_NOT_NULL(test, dmaengine_prep_interleaved_dma(t.chan, xt,
								   0));
}

/* unsupported widths and bursts are refused by slave config */
static void cydma_bad_slave_config(struct kunit *test)
{
	struct cydma_test t;

	cydma_test_setup(test, &t, NULL, CYDMA_TEST_CODEC);
	KUNIT_EXPECT_EQ(test, cydma_test_slave_config(&t, DMA_MEM_TO_DEV, 3, 8),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, cydma_test_slave_config(&t, DMA_MEM_TO_DEV, 16,
						      8), -EINVAL);
	KUNIT_EXPECT_EQ(test, cydma_test_slave_config(&t, DMA_MEM_TO_DEV, 4,
						      128), -EINVAL);
	KUNIT_EXPECT_EQ(test, cydma_test_slave_config(&t, DMA_MEM_TO_DEV, 4, 3),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, cydma_test_slave_config(&t, DMA_MEM_TO_DEV, 4,
						      64), 0);
}

/* bad scatterlists are refused */
static void cydma_bad_slave_sg(struct kunit *test)
{
	struct scatterlist sg;
	struct cydma_test t;
	dma_addr_t addr;

	cydma_test_setup(test, &t, NULL, CYDMA_TEST_CODEC);
	cydma_test_buf(test, &t, SZ_4K, &addr);
	sg_init_table(&sg, 1);
	sg_dma_address(&sg) = addr;
	sg_dma_len(&sg) = 256;
	/* not configured yet */
	KUNIT_EXPECT_NULL(test, dmaengine_prep_slave_sg(t.chan, &sg, 1,
							DMA_MEM_TO_DEV, 0));
	KUNIT_ASSERT_EQ(test, cydma_test_slave_config(&t, DMA_MEM_TO_DEV, 4, 8),
			0);
	KUNIT_EXPECT_NULL(test, dmaengine_prep_slave_sg(t.chan, NULL, 1,
							DMA_MEM_TO_DEV, 0));
	KUNIT_EXPECT_NULL(test, dmaengine_prep_slave_sg(t.chan, &sg, 0,
							DMA_MEM_TO_DEV, 0));
	KUNIT_EXPECT_NULL(test, dmaengine_prep_slave_sg(t.chan, &sg, 1,
							DMA_MEM_TO_DEV,
							DMA_PREP_REPEAT));
	sg_dma_len(&sg) = 6;
	KUNIT_EXPECT_NULL(test, dmaengine_prep_slave_sg(t.chan, &sg, 1,
							DMA_MEM_TO_DEV, 0));
	sg_dma_len(&sg) = CYDMA_TEST_MAX_CHUNK + 4;
	KUNIT_EXPECT_NULL(test, dmaengine_prep_slave_sg(t.chan, &sg, 1,
							DMA_MEM_TO_DEV, 0));
	sg_dma_len(&sg) = 256;
	KUNIT_EXPECT_NULL(test, dmaengine_prep_slave_sg(t.chan, &sg, 1,
							DMA_DEV_TO_MEM, 0));
	KUNIT_EXPECT_NOT_NULL(test, dmaengine_prep_slave_sg(t.chan, &sg, 1,
							    DMA_MEM_TO_DEV, 0));
}

/* pause and resume with nothing running fail and change nothing */
static void cydma_bad_pause_idle(struct kunit *test)
{
	struct dma_async_tx_descriptor *tx;
	struct cydma_test t;
	dma_addr_t addr;

	cydma_test_setup(test, &t, NULL, CYDMA_TEST_CODEC);
	KUNIT_EXPECT_EQ(test, dmaengine_pause(t.chan), -EINVAL);
	KUNIT_EXPECT_EQ(test, dmaengine_resume(t.chan), -EINVAL);
	cydma_test_buf(test, &t, SZ_1K, &addr);
	cydma_test_tap(test, &t, CYDMA_TEST_CODEC, SZ_1K);
	KUNIT_ASSERT_EQ(test, cydma_hw_port_start(t.hw, CYDMA_TEST_CODEC), 0);
	KUNIT_ASSERT_EQ(test, cydma_test_slave_config(&t, DMA_MEM_TO_DEV, 4, 8),
			0);
	tx = dmaengine_prep_slave_single(t.chan, addr, SZ_1K, DMA_MEM_TO_DEV,
					 cydma_test_flags);
	KUNIT_EXPECT_EQ(test, cydma_test_run(test, &t, tx, NULL),
			DMA_TRANS_NOERROR);
}

/* impossible boards are refused, with nothing left behind */
static void cydma_bad_board(struct kunit *test)
{
	struct cydma_board_config cfg;

	cydma_test_config(&cfg);
	cfg.hw.channels = 0;
	KUNIT_EXPECT_EQ(test, PTR_ERR(cydma_board_create(&cfg)), -EINVAL);
	cydma_test_config(&cfg);
	/* a line as long as the whole FIFO */
	cfg.hw.ports[CYDMA_TEST_CAMERA].unit =
		cfg.hw.ports[CYDMA_TEST_CAMERA].fifo_depth;
	KUNIT_EXPECT_EQ(test, PTR_ERR(cydma_board_create(&cfg)), -EINVAL);
	cydma_test_config(&cfg);
	cfg.hw.max_burst = 3;
	KUNIT_EXPECT_EQ(test, PTR_ERR(cydma_board_create(&cfg)), -EINVAL);
}

static struct kunit_case cydma_bad_input_cases[] = {
	KUNIT_CASE_PARAM(cydma_bad_cyclic, cydma_test_bad_cyclics_gen_params),
	KUNIT_CASE(cydma_bad_cyclic_unpaced_or_unconfigured),
	KUNIT_CASE_PARAM(cydma_bad_interleave, cydma_test_bad_xts_gen_params),
	KUNIT_CASE(cydma_bad_interleave_no_template),
	KUNIT_CASE(cydma_bad_interleave_no_width),
	KUNIT_CASE(cydma_bad_slave_config),
	KUNIT_CASE(cydma_bad_slave_sg),
	KUNIT_CASE(cydma_bad_pause_idle),
	KUNIT_CASE(cydma_bad_board),
	{ }
};

static struct kunit_suite cydma_bad_input_suite = {
	.name = "cydma_bad_input",
	.test_cases = cydma_bad_input_cases,
};

/* ---- cydma_configfs: controllers made at run time ------------------- */

static struct config_item *cydma_test_cfs_device(struct kunit *test)
{
	struct config_item *dev = cydma_config_new_device("kunit");

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, dev);
	simdma_test_action(test, simdma_test_put_item, dev);
	return dev;
}

struct cydma_test_write {
	const char *attr;
	const char *val;
	int err;
	const char *desc;
};

static const struct cydma_test_write cydma_test_writes[] = {
	{ "channels", "0", -EINVAL, "no channels" },
	{ "channels", "17", -EINVAL, "too many channels" },
	{ "request_lines", "33", -EINVAL, "too many request lines" },
	{ "features", "mem teleport", -EINVAL, "unknown feature" },
	{ "features", "", -EINVAL, "no feature" },
	{ "widths", "3", -EINVAL, "width not a power of 2" },
	{ "widths", "32", -EINVAL, "width too large" },
	{ "max_burst", "24", -EINVAL, "burst not a power of 2" },
	{ "max_chunks", "65", -EINVAL, "too many chunks per frame" },
	{ "max_chunk", "0", -EINVAL, "empty chunks" },
	{ "dev_name", "cydma.9", -ENOENT, "read-only attribute" },
	{ "channels", "8", 1, "eight channels" },
	{ "features", "slave,cyclic", 12, "two features" },
	{ "widths", "2 4", 3, "two widths" },
};

KUNIT_ARRAY_PARAM_DESC(cydma_test_writes, cydma_test_writes, desc);

/* configfs writes are checked before anything changes */
static void cydma_configfs_write_checked(struct kunit *test)
{
	const struct cydma_test_write *w = test->param_value;
	struct config_item *dev = cydma_test_cfs_device(test);
	char *page = kunit_kzalloc(test, PAGE_SIZE, GFP_KERNEL);
	char *after = kunit_kzalloc(test, PAGE_SIZE, GFP_KERNEL);
	ssize_t before;

	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_ASSERT_NOT_NULL(test, after);
	before = cydma_config_read(dev, w->attr, page);
	KUNIT_EXPECT_EQ(test, cydma_config_write(dev, w->attr, w->val),
			(ssize_t)w->err);
	if (w->err < 0 && before > 0) {
		KUNIT_EXPECT_EQ(test, cydma_config_read(dev, w->attr, after),
				before);
		KUNIT_EXPECT_STREQ(test, after, page);
	}
}

/* a peripheral directory becomes a working, routed peripheral when live */
static void cydma_configfs_live_cycle(struct kunit *test)
{
	struct config_item *dev = cydma_test_cfs_device(test);
	char *page = kunit_kzalloc(test, PAGE_SIZE, GFP_KERNEL);
	struct config_item *port;
	struct device *client;
	struct dma_chan *chan;

	KUNIT_ASSERT_NOT_NULL(test, page);
	client = kunit_device_register(test, CYDMA_TEST_CLIENT);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, client);
	KUNIT_EXPECT_EQ(test, cydma_config_write(dev, "channels", "2"), 1);
	port = cydma_config_new_port(dev, "mic");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, port);
	KUNIT_EXPECT_EQ(test, cydma_config_write(port, "request_line", "3"), 1);
	KUNIT_EXPECT_EQ(test, cydma_config_write(port, "kind", "source\n"), 7);
	KUNIT_EXPECT_EQ(test, cydma_config_write(port, "kind", "speaker"),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, cydma_config_write(port, "rate", "192000"), 6);
	KUNIT_EXPECT_EQ(test, cydma_config_write(port, "consumer",
						 dev_name(client)),
			(ssize_t)strlen(dev_name(client)));
	/* half a slave map entry cannot go live */
	KUNIT_EXPECT_EQ(test, cydma_config_write(dev, "live", "1"), -EINVAL);
	KUNIT_EXPECT_EQ(test, cydma_config_write(port, "dma_name", "mic"), 3);
	KUNIT_ASSERT_EQ(test, cydma_config_write(dev, "live", "1"), 1);
	KUNIT_EXPECT_GT(test, cydma_config_read(dev, "dev_name", page), 0);
	KUNIT_EXPECT_EQ(test, strncmp(page, "cydma.", 6), 0);
	KUNIT_EXPECT_EQ(test, cydma_config_write(dev, "channels", "3"), -EBUSY);
	KUNIT_EXPECT_EQ(test, cydma_config_write(port, "rate", "1"), -EBUSY);
	KUNIT_EXPECT_TRUE(test, IS_ERR(cydma_config_new_port(dev, "more")));
	chan = dma_request_chan(client, "mic");
	KUNIT_EXPECT_FALSE(test, IS_ERR(chan));
	if (!IS_ERR(chan))
		dma_release_channel(chan);
	KUNIT_EXPECT_EQ(test, cydma_config_write(dev, "live", "0"), 1);
	KUNIT_EXPECT_GT(test, cydma_config_read(dev, "dev_name", page), 0);
	KUNIT_EXPECT_STREQ(test, page, "none\n");
	/* a line beyond request_lines cannot go live either */
	KUNIT_EXPECT_EQ(test, cydma_config_write(dev, "request_lines", "2"), 1);
	KUNIT_EXPECT_EQ(test, cydma_config_write(dev, "live", "1"), -EINVAL);
	config_item_put(port);
}

static struct kunit_case cydma_configfs_cases[] = {
	KUNIT_CASE_PARAM(cydma_configfs_write_checked,
			 cydma_test_writes_gen_params),
	KUNIT_CASE(cydma_configfs_live_cycle),
	{ }
};

static struct kunit_suite cydma_configfs_suite = {
	.name = "cydma_configfs",
	.test_cases = cydma_configfs_cases,
};

kunit_test_suites(&cydma_cyclic_suite, &cydma_interleave_suite,
		  &cydma_slave_suite, &cydma_bad_input_suite,
		  &cydma_configfs_suite);

MODULE_DESCRIPTION("KUnit suites of the simulated cyclic DMA controller");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
