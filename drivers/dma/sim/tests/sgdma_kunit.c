// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suites of the simulated scatter-gather DMA controller.
 *
 * Every test builds its own private board (a hardware model plus the
 * platform device the driver binds to), takes a channel through the
 * public DMA engine API and moves real, random data, checked against a
 * CPU reference.  The hardware model's header is used only to act as the
 * peripherals and to inject faults, as a test bench would.
 */

#include <kunit/device.h>
#include <kunit/test.h>
#include <linux/async_tx.h>
#include <linux/completion.h>
#include <linux/configfs.h>
#include <linux/delay.h>
#include <linux/dma-mapping.h>
#include <linux/dmaengine.h>
#include <linux/jiffies.h>
#include <linux/log2.h>
#include <linux/random.h>
#include <linux/raid/pq.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../sgdma-board.h"
#include "../sgdma-hw.h"
#include "../sgdma-regs.h"
#include "simdma_kunit.h"

#define SGDMA_TEST_TIMEOUT_MS	5000
#define SGDMA_TEST_MAX_SEG	SZ_16K
#define SGDMA_TEST_SOURCES	16
#define SGDMA_TEST_MEM_BURST	128	/* the driver's 16 beats of 8 bytes */
#define SGDMA_TEST_CLIENT	"sgdma-kunit-client"

/* ---- fixtures ------------------------------------------------------ */

struct sgdma_test_map {
	struct device *dev;
	struct dma_chan *chan;
	dma_addr_t addr;
	size_t len;
};

struct sgdma_test {
	struct sgdma_board *board;
	struct sgdma_hw *hw;
	struct dma_chan *chan;
	struct device *dma_dev;
};

static void sgdma_test_config(struct sgdma_board_config *cfg)
{
	sgdma_board_default_config(cfg);
	cfg->private = true;
	cfg->timeout_ms = 50;
	cfg->hw.max_seg = SGDMA_TEST_MAX_SEG;
	cfg->hw.max_sources = SGDMA_TEST_SOURCES;
}

static void sgdma_test_board_destroy(void *board)
{
	sgdma_board_destroy(board);
}

static struct sgdma_board *sgdma_test_board(struct kunit *test,
					    const struct sgdma_board_config *cfg)
{
	struct sgdma_board *board = sgdma_board_create(cfg);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, board);
	simdma_test_action(test, sgdma_test_board_destroy, board);
	return board;
}

static struct dma_chan *sgdma_test_chan(struct kunit *test,
					struct sgdma_board *board,
					enum dma_transaction_type cap)
{
	struct dma_chan *chan;
	dma_cap_mask_t mask;

	dma_cap_zero(mask);
	dma_cap_set(cap, mask);
	chan = dma_request_channel(mask, simdma_test_filter,
				   sgdma_board_dev(board));
	KUNIT_ASSERT_NOT_NULL(test, chan);
	simdma_test_action(test, simdma_test_release, chan);
	return chan;
}

/* Board from @cfg (default test config if NULL) plus one channel. */
static void sgdma_test_setup(struct kunit *test, struct sgdma_test *t,
			     const struct sgdma_board_config *cfg,
			     enum dma_transaction_type cap)
{
	struct sgdma_board_config def;

	if (!cfg) {
		sgdma_test_config(&def);
		cfg = &def;
	}
	t->board = sgdma_test_board(test, cfg);
	t->hw = sgdma_board_hw(t->board);
	t->chan = sgdma_test_chan(test, t->board, cap);
	t->dma_dev = t->chan->device->dev;
}

/* Stop the channel before the buffer goes: a failed test may leave it busy. */
static void sgdma_test_unmap(void *data)
{
	struct sgdma_test_map *m = data;

	dmaengine_terminate_sync(m->chan);
	dma_unmap_single(m->dev, m->addr, m->len, DMA_BIDIRECTIONAL);
}

static void *sgdma_test_buf(struct kunit *test, struct sgdma_test *t,
			    size_t len, dma_addr_t *addr)
{
	struct sgdma_test_map *m = kunit_kzalloc(test, sizeof(*m), GFP_KERNEL);
	/* whole cache lines of their own, as the DMA API wants */
	size_t size = roundup_pow_of_two(max_t(size_t, len, SMP_CACHE_BYTES));
	void *buf = kunit_kmalloc(test, size, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	get_random_bytes(buf, len);
	m->dev = t->dma_dev;
	m->chan = t->chan;
	m->len = len;
	m->addr = dma_map_single(m->dev, buf, len, DMA_BIDIRECTIONAL);
	KUNIT_ASSERT_FALSE(test, dma_mapping_error(m->dev, m->addr));
	simdma_test_action(test, sgdma_test_unmap, m);
	*addr = m->addr;
	return buf;
}

static void sgdma_test_sync(struct sgdma_test *t, dma_addr_t addr, size_t len)
{
	dma_sync_single_for_cpu(t->dma_dev, addr, len, DMA_BIDIRECTIONAL);
}

/* Submit, issue and wait; return the result the callback got. */
static enum dmaengine_tx_result
sgdma_test_run(struct kunit *test, struct sgdma_test *t,
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

/* Residue of @cookie; waits up to 2 s for the transfer to start moving. */
static u32 sgdma_test_in_flight(struct kunit *test, struct sgdma_test *t,
				dma_cookie_t cookie, size_t len)
{
	unsigned long end = jiffies + msecs_to_jiffies(2000);
	struct dma_tx_state state;
	enum dma_status status;

	do {
		status = dmaengine_tx_status(t->chan, cookie, &state);
		if (status == DMA_IN_PROGRESS && state.residue < len)
			return state.residue;
		msleep(20);
	} while (time_before(jiffies, end));
	KUNIT_FAIL(test, "transfer never seen in flight (status %d)", status);
	return len;
}

static const unsigned long sgdma_test_flags = DMA_PREP_INTERRUPT | DMA_CTRL_ACK;

/* ---- sgdma_ops: every capability moves real bytes ------------------ */

struct sgdma_test_size {
	size_t len;
	size_t offset;
	const char *desc;
};

static const struct sgdma_test_size sgdma_test_sizes[] = {
	{ 1, 0, "one byte" },
	{ 7, 3, "seven bytes, misaligned" },
	{ 64, 0, "one cache line" },
	{ 4096, 0, "one page" },
	{ SGDMA_TEST_MAX_SEG, 0, "exactly one segment" },
	{ 3 * SGDMA_TEST_MAX_SEG + 13, 5, "four segments" },
	{ 300000, 8, "many segments" },
};

KUNIT_ARRAY_PARAM_DESC(sgdma_test_sizes, sgdma_test_sizes, desc);

/* memcpy copies every byte, at any size and alignment, and reports success */
static void sgdma_memcpy_moves_bytes(struct kunit *test)
{
	const struct sgdma_test_size *p = test->param_value;
	size_t total = p->len + p->offset;
	struct dma_async_tx_descriptor *tx;
	struct dma_tx_state state;
	dma_addr_t src, dst;
	struct sgdma_test t;
	dma_cookie_t cookie;
	u8 *s, *d;

	sgdma_test_setup(test, &t, NULL, DMA_MEMCPY);
	s = sgdma_test_buf(test, &t, total, &src);
	d = sgdma_test_buf(test, &t, total, &dst);
	tx = dmaengine_prep_dma_memcpy(t.chan, dst + p->offset, src + p->offset,
				       p->len, sgdma_test_flags);
	KUNIT_EXPECT_EQ(test, sgdma_test_run(test, &t, tx, &cookie),
			DMA_TRANS_NOERROR);
	sgdma_test_sync(&t, dst, total);
	KUNIT_EXPECT_MEMEQ(test, d + p->offset, s + p->offset, p->len);
	KUNIT_EXPECT_EQ(test, dmaengine_tx_status(t.chan, cookie, &state),
			DMA_COMPLETE);
	KUNIT_EXPECT_EQ(test, state.residue, 0);
}

/* memset writes the value's low byte over exactly the requested range */
static void sgdma_memset_fills(struct kunit *test)
{
	struct dma_async_tx_descriptor *tx;
	size_t len = 5000, off = 3;
	struct sgdma_test t;
	dma_addr_t dst;
	u8 *d, *ref;
	int value = 0x1a5;

	sgdma_test_setup(test, &t, NULL, DMA_MEMSET);
	d = sgdma_test_buf(test, &t, len + 2 * off, &dst);
	ref = kunit_kmalloc(test, len + 2 * off, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ref);
	memcpy(ref, d, len + 2 * off);
	memset(ref + off, 0xa5, len);
	tx = t.chan->device->device_prep_dma_memset(t.chan, dst + off, value,
						     len, sgdma_test_flags);
	KUNIT_EXPECT_EQ(test, sgdma_test_run(test, &t, tx, NULL),
			DMA_TRANS_NOERROR);
	sgdma_test_sync(&t, dst, len + 2 * off);
	KUNIT_EXPECT_MEMEQ(test, d, ref, len + 2 * off);
}

/* Sources of @len bytes each, random contents, mapped. */
static u8 **sgdma_test_srcs(struct kunit *test, struct sgdma_test *t,
			    unsigned int n, size_t len, dma_addr_t *addrs)
{
	u8 **srcs = kunit_kcalloc(test, n, sizeof(*srcs), GFP_KERNEL);
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, srcs);
	for (i = 0; i < n; i++)
		srcs[i] = sgdma_test_buf(test, t, len, &addrs[i]);
	return srcs;
}

static void sgdma_test_ref_pq(u8 **srcs, const u8 *coef, unsigned int n,
			      size_t len, u8 *p, u8 *q)
{
	unsigned int i;
	size_t b;

	memset(p, 0, len);
	memset(q, 0, len);
	for (i = 0; i < n; i++) {
		for (b = 0; b < len; b++) {
			p[b] ^= srcs[i][b];
			q[b] ^= raid6_gfmul[coef[i]][srcs[i][b]];
		}
	}
}

/* xor of 1 to max_xor random sources equals the CPU's, even in place */
static void sgdma_xor_matches_cpu(struct kunit *test)
{
	dma_addr_t addrs[SGDMA_TEST_SOURCES], dst;
	struct dma_async_tx_descriptor *tx;
	u8 **srcs, *d, *ref, *q;
	size_t len = 2 * SGDMA_TEST_MAX_SEG + 512;
	unsigned int n, round;
	struct sgdma_test t;
	u8 coef[SGDMA_TEST_SOURCES];

	sgdma_test_setup(test, &t, NULL, DMA_XOR);
	KUNIT_ASSERT_EQ(test, t.chan->device->max_xor, SGDMA_TEST_SOURCES);
	ref = kunit_kmalloc(test, len, GFP_KERNEL);
	q = kunit_kmalloc(test, len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ref);
	KUNIT_ASSERT_NOT_NULL(test, q);
	memset(coef, 1, sizeof(coef));
	for (round = 0; round < 2; round++) {
		n = round ? SGDMA_TEST_SOURCES : 1 + get_random_u32_below(SGDMA_TEST_SOURCES);
		srcs = sgdma_test_srcs(test, &t, n, len, addrs);
		d = sgdma_test_buf(test, &t, len, &dst);
		sgdma_test_ref_pq(srcs, coef, n, len, ref, q);
		tx = t.chan->device->device_prep_dma_xor(t.chan, dst, addrs, n,
							  len, sgdma_test_flags);
		KUNIT_EXPECT_EQ(test, sgdma_test_run(test, &t, tx, NULL),
				DMA_TRANS_NOERROR);
		sgdma_test_sync(&t, dst, len);
		KUNIT_EXPECT_MEMEQ_MSG(test, d, ref, len, "%u sources", n);
	}
	/* the destination may also be a source, as async_xor does */
	addrs[0] = dst;
	srcs[0] = d;
	sgdma_test_ref_pq(srcs, coef, n, len, ref, q);
	tx = t.chan->device->device_prep_dma_xor(t.chan, dst, addrs, n, len,
						  sgdma_test_flags);
	KUNIT_EXPECT_EQ(test, sgdma_test_run(test, &t, tx, NULL),
			DMA_TRANS_NOERROR);
	sgdma_test_sync(&t, dst, len);
	KUNIT_EXPECT_MEMEQ(test, d, ref, len);
}

/* xor_val reports 0 for a zero sum and SUM_CHECK_P_RESULT otherwise */
static void sgdma_xor_val_detects_mismatch(struct kunit *test)
{
	dma_addr_t addrs[4];
	struct dma_async_tx_descriptor *tx;
	enum sum_check_flags result = ~0;
	struct sgdma_test t;
	size_t len = 4096, b;
	u8 **srcs;

	sgdma_test_setup(test, &t, NULL, DMA_XOR_VAL);
	srcs = sgdma_test_srcs(test, &t, 4, len, addrs);
	for (b = 0; b < len; b++)
		srcs[0][b] = srcs[1][b] ^ srcs[2][b] ^ srcs[3][b];
	dma_sync_single_for_device(t.dma_dev, addrs[0], len, DMA_BIDIRECTIONAL);
	tx = t.chan->device->device_prep_dma_xor_val(t.chan, addrs, 4, len,
						      &result, sgdma_test_flags);
	KUNIT_EXPECT_EQ(test, sgdma_test_run(test, &t, tx, NULL),
			DMA_TRANS_NOERROR);
	KUNIT_EXPECT_EQ(test, result, 0);

	srcs[2][len - 1] ^= 0x40;
	dma_sync_single_for_device(t.dma_dev, addrs[2], len, DMA_BIDIRECTIONAL);
	tx = t.chan->device->device_prep_dma_xor_val(t.chan, addrs, 4, len,
						      &result, sgdma_test_flags);
	KUNIT_EXPECT_EQ(test, sgdma_test_run(test, &t, tx, NULL),
			DMA_TRANS_NOERROR);
	KUNIT_EXPECT_EQ(test, result, SUM_CHECK_P_RESULT);
}

/* P and Q with random GF(2^8) coefficients equal the CPU's */
static void sgdma_pq_matches_cpu(struct kunit *test)
{
	dma_addr_t addrs[SGDMA_TEST_SOURCES], pq[2];
	struct dma_async_tx_descriptor *tx;
	u8 coef[SGDMA_TEST_SOURCES], **srcs, *p, *q, *rp, *rq;
	size_t len = SGDMA_TEST_MAX_SEG + 4096;
	struct sgdma_test t;
	unsigned int n = SGDMA_TEST_SOURCES;

	sgdma_test_setup(test, &t, NULL, DMA_PQ);
	KUNIT_ASSERT_EQ(test, dma_maxpq(t.chan->device, 0), SGDMA_TEST_SOURCES);
	get_random_bytes(coef, sizeof(coef));
	srcs = sgdma_test_srcs(test, &t, n, len, addrs);
	p = sgdma_test_buf(test, &t, len, &pq[0]);
	q = sgdma_test_buf(test, &t, len, &pq[1]);
	rp = kunit_kmalloc(test, len, GFP_KERNEL);
	rq = kunit_kmalloc(test, len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, rp);
	KUNIT_ASSERT_NOT_NULL(test, rq);
	sgdma_test_ref_pq(srcs, coef, n, len, rp, rq);
	tx = t.chan->device->device_prep_dma_pq(t.chan, pq, addrs, n, coef, len,
						 sgdma_test_flags);
	KUNIT_EXPECT_EQ(test, sgdma_test_run(test, &t, tx, NULL),
			DMA_TRANS_NOERROR);
	sgdma_test_sync(&t, pq[0], len);
	sgdma_test_sync(&t, pq[1], len);
	KUNIT_EXPECT_MEMEQ(test, p, rp, len);
	KUNIT_EXPECT_MEMEQ(test, q, rq, len);
}

/* DMA_PREP_CONTINUE folds more sources into P+Q; DISABLE_P leaves P alone */
static void sgdma_pq_continue_and_disable(struct kunit *test)
{
	dma_addr_t addrs[8], pq[2];
	struct dma_async_tx_descriptor *tx;
	u8 coef[8], **srcs, *p, *q, *rp, *rq, *p_before;
	struct sgdma_test t;
	size_t len = 4096;

	sgdma_test_setup(test, &t, NULL, DMA_PQ);
	get_random_bytes(coef, sizeof(coef));
	srcs = sgdma_test_srcs(test, &t, 8, len, addrs);
	p = sgdma_test_buf(test, &t, len, &pq[0]);
	q = sgdma_test_buf(test, &t, len, &pq[1]);
	rp = kunit_kmalloc(test, len, GFP_KERNEL);
	rq = kunit_kmalloc(test, len, GFP_KERNEL);
	p_before = kunit_kmalloc(test, len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, rp);
	KUNIT_ASSERT_NOT_NULL(test, rq);
	KUNIT_ASSERT_NOT_NULL(test, p_before);
	sgdma_test_ref_pq(srcs, coef, 8, len, rp, rq);

	tx = t.chan->device->device_prep_dma_pq(t.chan, pq, addrs, 5, coef, len,
						 sgdma_test_flags);
	KUNIT_EXPECT_EQ(test, sgdma_test_run(test, &t, tx, NULL),
			DMA_TRANS_NOERROR);
	tx = t.chan->device->device_prep_dma_pq(t.chan, pq, addrs + 5, 3,
						 coef + 5, len,
						 sgdma_test_flags |
						 DMA_PREP_CONTINUE);
	KUNIT_EXPECT_EQ(test, sgdma_test_run(test, &t, tx, NULL),
			DMA_TRANS_NOERROR);
	sgdma_test_sync(&t, pq[0], len);
	sgdma_test_sync(&t, pq[1], len);
	KUNIT_EXPECT_MEMEQ(test, p, rp, len);
	KUNIT_EXPECT_MEMEQ(test, q, rq, len);

	/* Q only, from two sources: P must not change */
	memcpy(p_before, p, len);
	sgdma_test_ref_pq(srcs, coef, 2, len, rp, rq);
	tx = t.chan->device->device_prep_dma_pq(t.chan, pq, addrs, 2, coef, len,
						 sgdma_test_flags |
						 DMA_PREP_PQ_DISABLE_P);
	KUNIT_EXPECT_EQ(test, sgdma_test_run(test, &t, tx, NULL),
			DMA_TRANS_NOERROR);
	sgdma_test_sync(&t, pq[0], len);
	sgdma_test_sync(&t, pq[1], len);
	KUNIT_EXPECT_MEMEQ(test, p, p_before, len);
	KUNIT_EXPECT_MEMEQ(test, q, rq, len);
}

/* pq_val flags exactly the parity that does not match */
static void sgdma_pq_val_detects_mismatch(struct kunit *test)
{
	dma_addr_t addrs[6], pq[2];
	struct dma_async_tx_descriptor *tx;
	enum sum_check_flags result = ~0;
	u8 coef[6], **srcs, *p, *q;
	struct sgdma_test t;
	size_t len = 8192;

	sgdma_test_setup(test, &t, NULL, DMA_PQ_VAL);
	get_random_bytes(coef, sizeof(coef));
	srcs = sgdma_test_srcs(test, &t, 6, len, addrs);
	p = sgdma_test_buf(test, &t, len, &pq[0]);
	q = sgdma_test_buf(test, &t, len, &pq[1]);
	sgdma_test_ref_pq(srcs, coef, 6, len, p, q);
	dma_sync_single_for_device(t.dma_dev, pq[0], len, DMA_BIDIRECTIONAL);
	dma_sync_single_for_device(t.dma_dev, pq[1], len, DMA_BIDIRECTIONAL);

	tx = t.chan->device->device_prep_dma_pq_val(t.chan, pq, addrs, 6, coef,
						     len, &result,
						     sgdma_test_flags);
	KUNIT_EXPECT_EQ(test, sgdma_test_run(test, &t, tx, NULL),
			DMA_TRANS_NOERROR);
	KUNIT_EXPECT_EQ(test, result, 0);

	q[100] ^= 1;
	dma_sync_single_for_device(t.dma_dev, pq[1], len, DMA_BIDIRECTIONAL);
	tx = t.chan->device->device_prep_dma_pq_val(t.chan, pq, addrs, 6, coef,
						     len, &result,
						     sgdma_test_flags);
	KUNIT_EXPECT_EQ(test, sgdma_test_run(test, &t, tx, NULL),
			DMA_TRANS_NOERROR);
	KUNIT_EXPECT_EQ(test, result, SUM_CHECK_Q_RESULT);

	/* with Q left out of the check, only P counts */
	tx = t.chan->device->device_prep_dma_pq_val(t.chan, pq, addrs, 6, coef,
						     len, &result,
						     sgdma_test_flags |
						     DMA_PREP_PQ_DISABLE_Q);
	KUNIT_EXPECT_EQ(test, sgdma_test_run(test, &t, tx, NULL),
			DMA_TRANS_NOERROR);
	KUNIT_EXPECT_EQ(test, result, 0);
}

/* an interrupt descriptor completes and calls back exactly once */
static void sgdma_interrupt_calls_back(struct kunit *test)
{
	struct dma_async_tx_descriptor *tx;
	struct sgdma_test t;

	sgdma_test_setup(test, &t, NULL, DMA_INTERRUPT);
	tx = t.chan->device->device_prep_dma_interrupt(t.chan,
						       sgdma_test_flags);
	KUNIT_EXPECT_EQ(test, sgdma_test_run(test, &t, tx, NULL),
			DMA_TRANS_NOERROR);
}

#define SGDMA_TEST_QUEUED	200

/* 200 queued copies of random sizes all land, callbacks in cookie order */
static void sgdma_many_descriptors_queued(struct kunit *test)
{
	struct simdma_test_done *done;
	struct dma_async_tx_descriptor *tx;
	size_t len = SGDMA_TEST_QUEUED * 512;
	size_t off[SGDMA_TEST_QUEUED + 1];
	struct sgdma_test t;
	dma_addr_t src, dst;
	unsigned int i;
	u8 *s, *d;

	sgdma_test_setup(test, &t, NULL, DMA_MEMCPY);
	s = sgdma_test_buf(test, &t, len, &src);
	d = sgdma_test_buf(test, &t, len, &dst);
	done = kunit_kcalloc(test, SGDMA_TEST_QUEUED, sizeof(*done), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, done);
	off[0] = 0;
	for (i = 1; i < SGDMA_TEST_QUEUED; i++)
		off[i] = (i - 1) * 512 + 1 + get_random_u32_below(511);
	off[SGDMA_TEST_QUEUED] = len;
	for (i = 0; i < SGDMA_TEST_QUEUED; i++) {
		tx = dmaengine_prep_dma_memcpy(t.chan, dst + off[i], src + off[i],
					       off[i + 1] - off[i],
					       sgdma_test_flags);
		simdma_test_submit(test, tx, &done[i]);
	}
	dma_async_issue_pending(t.chan);
	for (i = 0; i < SGDMA_TEST_QUEUED; i++) {
		simdma_test_wait(test, &done[i]);
		KUNIT_EXPECT_EQ(test, atomic_read(&done[i].calls), 1);
		KUNIT_EXPECT_EQ(test, done[i].result.result, DMA_TRANS_NOERROR);
	}
	sgdma_test_sync(&t, dst, len);
	KUNIT_EXPECT_MEMEQ(test, d, s, len);
	KUNIT_EXPECT_GE(test, atomic64_read(&t.chan->stats.completed),
			SGDMA_TEST_QUEUED);
}

static struct kunit_case sgdma_ops_cases[] = {
	KUNIT_CASE_PARAM(sgdma_memcpy_moves_bytes, sgdma_test_sizes_gen_params),
	KUNIT_CASE(sgdma_memset_fills),
	KUNIT_CASE(sgdma_xor_matches_cpu),
	KUNIT_CASE(sgdma_xor_val_detects_mismatch),
	KUNIT_CASE(sgdma_pq_matches_cpu),
	KUNIT_CASE(sgdma_pq_continue_and_disable),
	KUNIT_CASE(sgdma_pq_val_detects_mismatch),
	KUNIT_CASE(sgdma_interrupt_calls_back),
	KUNIT_CASE(sgdma_many_descriptors_queued),
	{ }
};

static struct kunit_suite sgdma_ops_suite = {
	.name = "sgdma_ops",
	.test_cases = sgdma_ops_cases,
};

/* ---- sgdma_control: residue, pause, terminate ---------------------- */

/* A memcpy that takes @latency_ms to run, with its done record. */
static dma_cookie_t sgdma_test_slow_copy(struct kunit *test,
					 struct sgdma_test *t, u64 latency_ms,
					 size_t len, u8 **s, u8 **d,
					 dma_addr_t *dst,
					 struct simdma_test_done *done)
{
	struct sgdma_board_config cfg;
	struct dma_async_tx_descriptor *tx;
	dma_addr_t src;
	dma_cookie_t cookie;

	sgdma_test_config(&cfg);
	cfg.hw.max_seg = SZ_64K;
	cfg.hw.latency_ns = latency_ms * NSEC_PER_MSEC;
	cfg.timeout_ms = 2000;
	sgdma_test_setup(test, t, &cfg, DMA_MEMCPY);
	*s = sgdma_test_buf(test, t, len, &src);
	*d = sgdma_test_buf(test, t, len, dst);
	tx = dmaengine_prep_dma_memcpy(t->chan, *dst, src, len,
				       sgdma_test_flags);
	cookie = simdma_test_submit(test, tx, done);
	dma_async_issue_pending(t->chan);
	return cookie;
}

/* mid-transfer residue lies strictly inside the transfer, in whole bursts */
static void sgdma_residue_mid_transfer(struct kunit *test)
{
	struct simdma_test_done done;
	size_t len = SZ_64K;
	struct sgdma_test t;
	dma_cookie_t cookie;
	dma_addr_t dst;
	u32 residue;
	u8 *s, *d;

	cookie = sgdma_test_slow_copy(test, &t, 500, len, &s, &d, &dst, &done);
	residue = sgdma_test_in_flight(test, &t, cookie, len);
	KUNIT_EXPECT_GT(test, residue, 0);
	KUNIT_EXPECT_LT(test, residue, len);
	KUNIT_EXPECT_EQ(test, residue % SGDMA_TEST_MEM_BURST, 0);
	KUNIT_EXPECT_EQ(test, t.chan->device->residue_granularity,
			DMA_RESIDUE_GRANULARITY_BURST);
	simdma_test_wait(test, &done);
	KUNIT_EXPECT_EQ(test, done.result.result, DMA_TRANS_NOERROR);
	sgdma_test_sync(&t, dst, len);
	KUNIT_EXPECT_MEMEQ(test, d, s, len);
}

/* a paused transfer stands still, reports DMA_PAUSED, and resumes intact */
static void sgdma_pause_resume_keeps_data(struct kunit *test)
{
	struct simdma_test_done done;
	struct dma_tx_state state;
	size_t len = SZ_64K;
	struct sgdma_test t;
	dma_cookie_t cookie;
	dma_addr_t dst;
	u32 residue;
	u8 *s, *d;

	cookie = sgdma_test_slow_copy(test, &t, 500, len, &s, &d, &dst, &done);
	sgdma_test_in_flight(test, &t, cookie, len);
	KUNIT_ASSERT_EQ(test, dmaengine_pause(t.chan), 0);
	msleep(30);		/* let a chunk already moving land */
	KUNIT_EXPECT_EQ(test, dmaengine_tx_status(t.chan, cookie, &state),
			DMA_PAUSED);
	residue = state.residue;
	KUNIT_EXPECT_GT(test, residue, 0);
	msleep(200);
	KUNIT_EXPECT_EQ(test, dmaengine_tx_status(t.chan, cookie, &state),
			DMA_PAUSED);
	KUNIT_EXPECT_EQ(test, state.residue, residue);
	KUNIT_EXPECT_EQ(test, atomic_read(&done.calls), 0);
	KUNIT_ASSERT_EQ(test, dmaengine_resume(t.chan), 0);
	simdma_test_wait(test, &done);
	KUNIT_EXPECT_EQ(test, done.result.result, DMA_TRANS_NOERROR);
	sgdma_test_sync(&t, dst, len);
	KUNIT_EXPECT_MEMEQ(test, d, s, len);
}

/* terminate stops a transfer without a callback; the channel then works */
static void sgdma_terminate_then_reuse(struct kunit *test)
{
	struct dma_async_tx_descriptor *tx;
	struct simdma_test_done done;
	size_t len = SZ_64K;
	struct sgdma_test t;
	dma_cookie_t cookie;
	dma_addr_t dst, src2, dst2;
	u8 *s, *d, *s2, *d2;

	cookie = sgdma_test_slow_copy(test, &t, 1000, len, &s, &d, &dst, &done);
	sgdma_test_in_flight(test, &t, cookie, len);
	KUNIT_ASSERT_EQ(test, dmaengine_terminate_sync(t.chan), 0);
	msleep(100);
	KUNIT_EXPECT_EQ(test, atomic_read(&done.calls), 0);

	sgdma_hw_set_latency(t.hw, 0);
	s2 = sgdma_test_buf(test, &t, 4096, &src2);
	d2 = sgdma_test_buf(test, &t, 4096, &dst2);
	tx = dmaengine_prep_dma_memcpy(t.chan, dst2, src2, 4096,
				       sgdma_test_flags);
	KUNIT_EXPECT_EQ(test, sgdma_test_run(test, &t, tx, NULL),
			DMA_TRANS_NOERROR);
	sgdma_test_sync(&t, dst2, 4096);
	KUNIT_EXPECT_MEMEQ(test, d2, s2, 4096);
}

static struct kunit_case sgdma_control_cases[] = {
	KUNIT_CASE_SLOW(sgdma_residue_mid_transfer),
	KUNIT_CASE_SLOW(sgdma_pause_resume_keeps_data),
	KUNIT_CASE_SLOW(sgdma_terminate_then_reuse),
	{ }
};

static struct kunit_suite sgdma_control_suite = {
	.name = "sgdma_control",
	.test_cases = sgdma_control_cases,
};

/* ---- sgdma_faults: every fault reaches the client ------------------- */

struct sgdma_test_fault {
	enum sgdma_hw_fault kind;
	enum dmaengine_tx_result result;
	enum dma_status status;
	const char *desc;
};

static const struct sgdma_test_fault sgdma_test_faults[] = {
	{ SGDMA_FAULT_READ, DMA_TRANS_READ_FAILED, DMA_ERROR, "read" },
	{ SGDMA_FAULT_WRITE, DMA_TRANS_WRITE_FAILED, DMA_ERROR, "write" },
	{ SGDMA_FAULT_DESC, DMA_TRANS_ABORTED, DMA_ERROR, "bad descriptor" },
	{ SGDMA_FAULT_STALL, DMA_TRANS_ABORTED, DMA_ERROR, "stall" },
	/* the watchdog finds the completion: data intact, no error */
	{ SGDMA_FAULT_IRQ, DMA_TRANS_NOERROR, DMA_COMPLETE, "lost interrupt" },
};

KUNIT_ARRAY_PARAM_DESC(sgdma_test_faults, sgdma_test_faults, desc);

/* each fault gives its result and status, is counted, and the channel recovers */
static void sgdma_fault_reported(struct kunit *test)
{
	const struct sgdma_test_fault *f = test->param_value;
	struct dma_async_tx_descriptor *tx;
	struct sgdma_hw_chan_stats st;
	struct dma_tx_state state;
	size_t len = 3 * 4096;
	struct sgdma_test t;
	dma_addr_t src, dst;
	dma_cookie_t cookie;
	u8 *s, *d;

	sgdma_test_setup(test, &t, NULL, DMA_MEMCPY);
	s = sgdma_test_buf(test, &t, len, &src);
	d = sgdma_test_buf(test, &t, len, &dst);
	sgdma_hw_inject(t.hw, f->kind, 1, BIT(t.chan->chan_id));
	tx = dmaengine_prep_dma_memcpy(t.chan, dst, src, len, sgdma_test_flags);
	KUNIT_EXPECT_EQ(test, sgdma_test_run(test, &t, tx, &cookie), f->result);
	KUNIT_EXPECT_EQ(test, dmaengine_tx_status(t.chan, cookie, &state),
			f->status);
	sgdma_hw_chan_stats(t.hw, t.chan->chan_id, &st);
	KUNIT_EXPECT_EQ(test, st.faults[f->kind], 1);
	KUNIT_EXPECT_EQ(test, st.injected, 1);
	if (f->result == DMA_TRANS_NOERROR) {
		sgdma_test_sync(&t, dst, len);
		KUNIT_EXPECT_MEMEQ(test, d, s, len);
	} else if (f->result == DMA_TRANS_ABORTED) {
		KUNIT_EXPECT_GE(test, atomic64_read(&t.chan->stats.aborted), 1);
	} else {
		KUNIT_EXPECT_GE(test, atomic64_read(&t.chan->stats.errors), 1);
	}

	/* stop injecting: the same channel moves data again */
	sgdma_hw_inject(t.hw, f->kind, 0, 0);
	get_random_bytes(s, len);
	dma_sync_single_for_device(t.dma_dev, src, len, DMA_BIDIRECTIONAL);
	tx = dmaengine_prep_dma_memcpy(t.chan, dst, src, len, sgdma_test_flags);
	KUNIT_EXPECT_EQ(test, sgdma_test_run(test, &t, tx, &cookie),
			DMA_TRANS_NOERROR);
	KUNIT_EXPECT_EQ(test, dmaengine_tx_status(t.chan, cookie, NULL),
			DMA_COMPLETE);
	sgdma_test_sync(&t, dst, len);
	KUNIT_EXPECT_MEMEQ(test, d, s, len);
}

/* a failed read reports the whole transfer as residue */
static void sgdma_fault_residue(struct kunit *test)
{
	struct simdma_test_done done;
	struct dma_async_tx_descriptor *tx;
	size_t len = 2 * SGDMA_TEST_MAX_SEG;
	struct sgdma_test t;
	dma_addr_t src, dst;

	sgdma_test_setup(test, &t, NULL, DMA_MEMCPY);
	sgdma_test_buf(test, &t, len, &src);
	sgdma_test_buf(test, &t, len, &dst);
	sgdma_hw_inject(t.hw, SGDMA_FAULT_READ, 1, ~0U);
	tx = dmaengine_prep_dma_memcpy(t.chan, dst, src, len, sgdma_test_flags);
	simdma_test_submit(test, tx, &done);
	dma_async_issue_pending(t.chan);
	simdma_test_wait(test, &done);
	KUNIT_EXPECT_EQ(test, done.result.result, DMA_TRANS_READ_FAILED);
	KUNIT_EXPECT_EQ(test, done.result.residue, len);
}

/* a destination outside memory is a genuine bus error: write failed */
static void sgdma_bus_error_reported(struct kunit *test)
{
	struct dma_async_tx_descriptor *tx;
	struct sgdma_hw_chan_stats st;
	struct sgdma_test t;
	dma_addr_t src;

	sgdma_test_setup(test, &t, NULL, DMA_MEMCPY);
	sgdma_test_buf(test, &t, 4096, &src);
	tx = dmaengine_prep_dma_memcpy(t.chan, 0x7e0000000000ULL, src, 4096,
				       sgdma_test_flags);
	KUNIT_EXPECT_EQ(test, sgdma_test_run(test, &t, tx, NULL),
			DMA_TRANS_WRITE_FAILED);
	sgdma_hw_chan_stats(t.hw, t.chan->chan_id, &st);
	KUNIT_EXPECT_EQ(test, st.faults[SGDMA_FAULT_WRITE], 1);
	KUNIT_EXPECT_EQ(test, st.injected, 0);
}

/* every Nth descriptor fails, the others complete */
static void sgdma_fault_every_nth(struct kunit *test)
{
	struct simdma_test_done done[6];
	struct dma_async_tx_descriptor *tx;
	struct sgdma_test t;
	dma_addr_t src, dst;
	unsigned int i;

	sgdma_test_setup(test, &t, NULL, DMA_MEMCPY);
	sgdma_test_buf(test, &t, 4096, &src);
	sgdma_test_buf(test, &t, 4096, &dst);
	sgdma_hw_inject(t.hw, SGDMA_FAULT_WRITE, 3, ~0U);
	for (i = 0; i < ARRAY_SIZE(done); i++) {
		tx = dmaengine_prep_dma_memcpy(t.chan, dst, src, 4096,
					       sgdma_test_flags);
		simdma_test_submit(test, tx, &done[i]);
	}
	dma_async_issue_pending(t.chan);
	for (i = 0; i < ARRAY_SIZE(done); i++) {
		simdma_test_wait(test, &done[i]);
		KUNIT_EXPECT_EQ_MSG(test, done[i].result.result,
				    i % 3 == 2 ? DMA_TRANS_WRITE_FAILED :
						 DMA_TRANS_NOERROR,
				    "descriptor %u", i);
	}
}

#ifdef CONFIG_FAULT_INJECTION
/* the fault_attr knob injects at random: probability 100, once */
static void sgdma_fault_attr_once(struct kunit *test)
{
	struct sgdma_hw_fault_knob *knob;
	struct dma_async_tx_descriptor *tx;
	struct sgdma_test t;
	dma_addr_t src, dst;

	sgdma_test_setup(test, &t, NULL, DMA_MEMCPY);
	sgdma_test_buf(test, &t, 4096, &src);
	sgdma_test_buf(test, &t, 4096, &dst);
	knob = sgdma_hw_fault(t.hw, SGDMA_FAULT_WRITE);
	KUNIT_ASSERT_NOT_NULL(test, knob);
	atomic_set(&knob->attr.times, 1);
	WRITE_ONCE(knob->attr.probability, 100);
	tx = dmaengine_prep_dma_memcpy(t.chan, dst, src, 4096, sgdma_test_flags);
	KUNIT_EXPECT_EQ(test, sgdma_test_run(test, &t, tx, NULL),
			DMA_TRANS_WRITE_FAILED);
	tx = dmaengine_prep_dma_memcpy(t.chan, dst, src, 4096, sgdma_test_flags);
	KUNIT_EXPECT_EQ(test, sgdma_test_run(test, &t, tx, NULL),
			DMA_TRANS_NOERROR);
	WRITE_ONCE(knob->attr.probability, 0);
}
#else
static void sgdma_fault_attr_once(struct kunit *test)
{
	kunit_skip(test, "needs CONFIG_FAULT_INJECTION");
}
#endif

static struct kunit_case sgdma_faults_cases[] = {
	KUNIT_CASE_PARAM(sgdma_fault_reported, sgdma_test_faults_gen_params),
	KUNIT_CASE(sgdma_fault_residue),
	KUNIT_CASE(sgdma_bus_error_reported),
	KUNIT_CASE(sgdma_fault_every_nth),
	KUNIT_CASE(sgdma_fault_attr_once),
	{ }
};

static struct kunit_suite sgdma_faults_suite = {
	.name = "sgdma_faults",
	.test_cases = sgdma_faults_cases,
};

/* ---- sgdma_slave: peripherals, the slave map, metadata -------------- */

#define SGDMA_TEST_TX_LINE	2
#define SGDMA_TEST_RX_LINE	5

struct sgdma_test_slave {
	struct sgdma_test t;
	struct device *client;
};

/* A board with routes, a client device, and its "tx" or "rx" channel. */
static void sgdma_test_slave_setup(struct kunit *test,
				   struct sgdma_test_slave *s, const char *name)
{
	struct sgdma_board_route routes[2];
	struct sgdma_board_config cfg;
	struct dma_chan *chan;

	s->client = kunit_device_register(test, SGDMA_TEST_CLIENT);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, s->client);
	/* the map names the client as the device core knows it */
	routes[0] = (struct sgdma_board_route) {
		dev_name(s->client), "tx", SGDMA_TEST_TX_LINE
	};
	routes[1] = (struct sgdma_board_route) {
		dev_name(s->client), "rx", SGDMA_TEST_RX_LINE
	};
	sgdma_test_config(&cfg);
	cfg.routes = routes;
	cfg.nr_routes = ARRAY_SIZE(routes);
	s->t.board = sgdma_test_board(test, &cfg);
	s->t.hw = sgdma_board_hw(s->t.board);
	chan = dma_request_chan(s->client, name);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, chan);
	simdma_test_action(test, simdma_test_release, chan);
	s->t.chan = chan;
	s->t.dma_dev = chan->device->dev;
	KUNIT_ASSERT_PTR_EQ(test, s->t.dma_dev, sgdma_board_dev(s->t.board));
}

static int sgdma_test_slave_config(struct sgdma_test_slave *s,
				   enum dma_transfer_direction dir, u32 width,
				   u32 burst)
{
	struct dma_slave_config cfg = { };
	unsigned int line = dir == DMA_MEM_TO_DEV ? SGDMA_TEST_TX_LINE :
						    SGDMA_TEST_RX_LINE;

	if (dir == DMA_MEM_TO_DEV) {
		cfg.dst_addr = sgdma_hw_fifo_addr(s->t.hw, line);
		cfg.dst_addr_width = width;
		cfg.dst_maxburst = burst;
	} else {
		cfg.src_addr = sgdma_hw_fifo_addr(s->t.hw, line);
		cfg.src_addr_width = width;
		cfg.src_maxburst = burst;
	}
	return dmaengine_slave_config(s->t.chan, &cfg);
}

/*
 * Act as the peripheral until the transfer is done: feed @in into the RX
 * FIFO, or drain the TX FIFO into @out, as room and data allow.
 */
static void sgdma_test_pump(struct kunit *test, struct sgdma_test_slave *s,
			    struct simdma_test_done *done, const u8 *in,
			    u8 *out, size_t len)
{
	unsigned long end = jiffies + msecs_to_jiffies(SGDMA_TEST_TIMEOUT_MS);
	size_t moved = 0;

	while (time_before(jiffies, end)) {
		if (in && moved < len)
			moved += sgdma_hw_fifo_push(s->t.hw, SGDMA_TEST_RX_LINE,
						    in + moved,
						    min_t(size_t, len - moved, 1000));
		if (out && moved < len)
			moved += sgdma_hw_fifo_pop(s->t.hw, SGDMA_TEST_TX_LINE,
						   out + moved, len - moved);
		if (moved == len && completion_done(&done->done))
			break;
		usleep_range(100, 200);
	}
	KUNIT_EXPECT_EQ(test, moved, len);
	simdma_test_wait(test, done);
}

/* A buffer split into three scatterlist entries, mapped for the channel. */
static void sgdma_test_sg(struct kunit *test, struct sgdma_test_slave *s,
			  struct scatterlist *sgl, u8 **buf, dma_addr_t *addr,
			  size_t len)
{
	size_t a = len / 4, b = len / 2;

	*buf = sgdma_test_buf(test, &s->t, len, addr);
	sg_init_table(sgl, 3);
	sg_dma_address(&sgl[0]) = *addr;
	sg_dma_len(&sgl[0]) = a;
	sg_dma_address(&sgl[1]) = *addr + a;
	sg_dma_len(&sgl[1]) = b - a;
	sg_dma_address(&sgl[2]) = *addr + b;
	sg_dma_len(&sgl[2]) = len - b;
}

/* slave_sg to a device puts every byte in its FIFO, paced by its requests */
static void sgdma_slave_sg_to_device(struct kunit *test)
{
	struct sgdma_test_slave s;
	struct simdma_test_done done;
	struct dma_async_tx_descriptor *tx;
	struct scatterlist sgl[3];
	size_t len = 3 * 4096;
	dma_addr_t addr;
	u8 *buf, *out;

	sgdma_test_slave_setup(test, &s, "tx");
	out = kunit_kzalloc(test, len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, out);
	sgdma_test_sg(test, &s, sgl, &buf, &addr, len);
	KUNIT_ASSERT_EQ(test, sgdma_test_slave_config(&s, DMA_MEM_TO_DEV, 4, 8), 0);
	tx = dmaengine_prep_slave_sg(s.t.chan, sgl, 3, DMA_MEM_TO_DEV,
				     sgdma_test_flags);
	simdma_test_submit(test, tx, &done);
	dma_async_issue_pending(s.t.chan);
	sgdma_test_pump(test, &s, &done, NULL, out, len);
	KUNIT_EXPECT_EQ(test, done.result.result, DMA_TRANS_NOERROR);
	KUNIT_EXPECT_MEMEQ(test, out, buf, len);
}

/* slave_sg from a device waits for data and stores it all in order */
static void sgdma_slave_sg_from_device(struct kunit *test)
{
	struct sgdma_test_slave s;
	struct simdma_test_done done;
	struct dma_async_tx_descriptor *tx;
	struct scatterlist sgl[3];
	size_t len = 3 * 4096;
	dma_addr_t addr;
	u8 *buf, *in;

	sgdma_test_slave_setup(test, &s, "rx");
	in = kunit_kmalloc(test, len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, in);
	get_random_bytes(in, len);
	sgdma_test_sg(test, &s, sgl, &buf, &addr, len);
	KUNIT_ASSERT_EQ(test, sgdma_test_slave_config(&s, DMA_DEV_TO_MEM, 2, 16), 0);
	tx = dmaengine_prep_slave_sg(s.t.chan, sgl, 3, DMA_DEV_TO_MEM,
				     sgdma_test_flags);
	simdma_test_submit(test, tx, &done);
	dma_async_issue_pending(s.t.chan);
	sgdma_test_pump(test, &s, &done, in, NULL, len);
	KUNIT_EXPECT_EQ(test, done.result.result, DMA_TRANS_NOERROR);
	sgdma_test_sync(&s.t, addr, len);
	KUNIT_EXPECT_MEMEQ(test, buf, in, len);
}

/* peripheral_dma_vec moves a vector to the device */
static void sgdma_slave_dma_vec(struct kunit *test)
{
	struct sgdma_test_slave s;
	struct simdma_test_done done;
	struct dma_async_tx_descriptor *tx;
	struct dma_vec vecs[2];
	size_t len = 8192;
	dma_addr_t addr;
	u8 *buf, *out;

	sgdma_test_slave_setup(test, &s, "tx");
	out = kunit_kzalloc(test, len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, out);
	buf = sgdma_test_buf(test, &s.t, len, &addr);
	vecs[0] = (struct dma_vec) { .addr = addr, .len = 3000 };
	vecs[1] = (struct dma_vec) { .addr = addr + 3000, .len = len - 3000 };
	KUNIT_ASSERT_EQ(test, sgdma_test_slave_config(&s, DMA_MEM_TO_DEV, 8, 4), 0);
	tx = dmaengine_prep_peripheral_dma_vec(s.t.chan, vecs, 2,
					       DMA_MEM_TO_DEV, sgdma_test_flags);
	simdma_test_submit(test, tx, &done);
	dma_async_issue_pending(s.t.chan);
	sgdma_test_pump(test, &s, &done, NULL, out, len);
	KUNIT_EXPECT_EQ(test, done.result.result, DMA_TRANS_NOERROR);
	KUNIT_EXPECT_MEMEQ(test, out, buf, len);
}

/* slave channels come from the slave map, one per name, on the right lines */
static void sgdma_slave_map_request(struct kunit *test)
{
	struct sgdma_test_slave s;
	struct dma_chan *rx, *bad;

	sgdma_test_slave_setup(test, &s, "tx");
	rx = dma_request_chan(s.client, "rx");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, rx);
	KUNIT_EXPECT_PTR_EQ(test, rx->device, s.t.chan->device);
	KUNIT_EXPECT_PTR_NE(test, rx, s.t.chan);
	dma_release_channel(rx);
	bad = dma_request_chan(s.client, "nope");
	KUNIT_EXPECT_TRUE(test, IS_ERR(bad));
}

/* metadata in engine mode to the device, client mode from it */
static void sgdma_slave_metadata(struct kunit *test)
{
	static const u8 hdr[] = "header-to-device";
	static const u8 trailer[] = "trailer-from-device";
	struct sgdma_test_slave s;
	struct simdma_test_done done;
	struct dma_async_tx_descriptor *tx;
	size_t payload, max, len = 256;
	u8 got[64], client[64] = { };
	u8 *buf, *ptr, *out;
	dma_addr_t addr;
	int ret;

	sgdma_test_slave_setup(test, &s, "tx");
	KUNIT_EXPECT_EQ(test, s.t.chan->device->desc_metadata_modes,
			DESC_METADATA_CLIENT | DESC_METADATA_ENGINE);
	out = kunit_kzalloc(test, len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, out);
	buf = sgdma_test_buf(test, &s.t, len, &addr);
	KUNIT_ASSERT_EQ(test, sgdma_test_slave_config(&s, DMA_MEM_TO_DEV, 4, 4), 0);
	tx = dmaengine_prep_slave_single(s.t.chan, addr, len, DMA_MEM_TO_DEV,
					 sgdma_test_flags);
	KUNIT_ASSERT_NOT_NULL(test, tx);
	ptr = dmaengine_desc_get_metadata_ptr(tx, &payload, &max);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, ptr);
	KUNIT_EXPECT_EQ(test, payload, 0);
	KUNIT_EXPECT_GE(test, max, sizeof(hdr));
	memcpy(ptr, hdr, sizeof(hdr));
	KUNIT_EXPECT_EQ(test, dmaengine_desc_set_metadata_len(tx, sizeof(hdr)), 0);
	simdma_test_submit(test, tx, &done);
	dma_async_issue_pending(s.t.chan);
	sgdma_test_pump(test, &s, &done, NULL, out, len);
	KUNIT_EXPECT_EQ(test, sgdma_hw_fifo_get_meta(s.t.hw, SGDMA_TEST_TX_LINE,
						     got, sizeof(got)),
			(ssize_t)sizeof(hdr));
	KUNIT_EXPECT_MEMEQ(test, got, hdr, sizeof(hdr));

	/* the "rx" channel, reading, with the client's own buffer */
	s.t.chan = dma_request_chan(s.client, "rx");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, s.t.chan);
	simdma_test_action(test, simdma_test_release, s.t.chan);
	KUNIT_ASSERT_EQ(test, sgdma_hw_fifo_set_meta(s.t.hw, SGDMA_TEST_RX_LINE,
						     trailer, sizeof(trailer)), 0);
	KUNIT_ASSERT_EQ(test, sgdma_test_slave_config(&s, DMA_DEV_TO_MEM, 4, 4), 0);
	tx = dmaengine_prep_slave_single(s.t.chan, addr, len, DMA_DEV_TO_MEM,
					 sgdma_test_flags);
	KUNIT_ASSERT_NOT_NULL(test, tx);
	ret = dmaengine_desc_attach_metadata(tx, client, sizeof(client));
	KUNIT_EXPECT_EQ(test, ret, 0);
	ptr = dmaengine_desc_get_metadata_ptr(tx, &payload, &max);
	KUNIT_EXPECT_TRUE(test, IS_ERR(ptr));
	simdma_test_submit(test, tx, &done);
	dma_async_issue_pending(s.t.chan);
	sgdma_test_pump(test, &s, &done, out, NULL, len);
	KUNIT_EXPECT_MEMEQ(test, client, trailer, sizeof(trailer));
}

/* a reusable descriptor runs twice and is freed on request */
static void sgdma_slave_descriptor_reuse(struct kunit *test)
{
	struct sgdma_test_slave s;
	struct simdma_test_done done;
	struct dma_async_tx_descriptor *tx;
	size_t len = 2048;
	dma_addr_t addr;
	u8 *buf, *out;
	int round;

	sgdma_test_slave_setup(test, &s, "tx");
	out = kunit_kzalloc(test, len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, out);
	buf = sgdma_test_buf(test, &s.t, len, &addr);
	KUNIT_ASSERT_EQ(test, sgdma_test_slave_config(&s, DMA_MEM_TO_DEV, 4, 8), 0);
	tx = dmaengine_prep_slave_single(s.t.chan, addr, len, DMA_MEM_TO_DEV,
					 sgdma_test_flags);
	KUNIT_ASSERT_NOT_NULL(test, tx);
	KUNIT_ASSERT_EQ(test, dmaengine_desc_set_reuse(tx), 0);
	for (round = 0; round < 2; round++) {
		memset(out, 0, len);
		simdma_test_submit(test, tx, &done);
		dma_async_issue_pending(s.t.chan);
		sgdma_test_pump(test, &s, &done, NULL, out, len);
		KUNIT_EXPECT_EQ(test, done.result.result, DMA_TRANS_NOERROR);
		KUNIT_EXPECT_MEMEQ(test, out, buf, len);
	}
	KUNIT_EXPECT_EQ(test, dmaengine_desc_free(tx), 0);
}

/* capabilities reported through dma_get_slave_caps are the hardware's */
static void sgdma_slave_caps_honest(struct kunit *test)
{
	struct sgdma_test_slave s;
	struct dma_slave_caps caps;

	sgdma_test_slave_setup(test, &s, "rx");
	KUNIT_ASSERT_EQ(test, dma_get_slave_caps(s.t.chan, &caps), 0);
	KUNIT_EXPECT_EQ(test, caps.directions,
			BIT(DMA_MEM_TO_DEV) | BIT(DMA_DEV_TO_MEM));
	KUNIT_EXPECT_EQ(test, caps.src_addr_widths,
			BIT(1) | BIT(2) | BIT(4) | BIT(8));
	KUNIT_EXPECT_EQ(test, caps.max_burst, 256);
	KUNIT_EXPECT_TRUE(test, caps.cmd_pause);
	KUNIT_EXPECT_TRUE(test, caps.cmd_resume);
	KUNIT_EXPECT_TRUE(test, caps.cmd_terminate);
	KUNIT_EXPECT_TRUE(test, caps.descriptor_reuse);
	KUNIT_EXPECT_EQ(test, caps.residue_granularity,
			DMA_RESIDUE_GRANULARITY_BURST);
}

static struct kunit_case sgdma_slave_cases[] = {
	KUNIT_CASE(sgdma_slave_sg_to_device),
	KUNIT_CASE(sgdma_slave_sg_from_device),
	KUNIT_CASE(sgdma_slave_dma_vec),
	KUNIT_CASE(sgdma_slave_map_request),
	KUNIT_CASE(sgdma_slave_metadata),
	KUNIT_CASE(sgdma_slave_descriptor_reuse),
	KUNIT_CASE(sgdma_slave_caps_honest),
	{ }
};

static struct kunit_suite sgdma_slave_suite = {
	.name = "sgdma_slave",
	.test_cases = sgdma_slave_cases,
};

/* ---- sgdma_bad_input: refused, never an oops ----------------------- */

/* zero lengths are refused by every prep */
static void sgdma_bad_zero_length(struct kunit *test)
{
	struct dma_device *dd;
	struct sgdma_test t;
	dma_addr_t a[2], pq[2];
	u8 coef[2] = { 1, 2 };

	sgdma_test_setup(test, &t, NULL, DMA_MEMCPY);
	dd = t.chan->device;
	sgdma_test_buf(test, &t, 64, &a[0]);
	sgdma_test_buf(test, &t, 64, &a[1]);
	pq[0] = a[0];
	pq[1] = a[1];
	KUNIT_EXPECT_NULL(test, dmaengine_prep_dma_memcpy(t.chan, a[0], a[1], 0, 0));
	KUNIT_EXPECT_NULL(test, dd->device_prep_dma_memset(t.chan, a[0], 0, 0, 0));
	KUNIT_EXPECT_NULL(test, dd->device_prep_dma_xor(t.chan, a[0], a, 2, 0, 0));
	KUNIT_EXPECT_NULL(test, dd->device_prep_dma_pq(t.chan, pq, a, 2, coef, 0, 0));
}

/* lengths past the limits: too many segments, or a slave entry too long */
static void sgdma_bad_too_long(struct kunit *test)
{
	struct sgdma_test_slave s;
	struct scatterlist sg;
	dma_addr_t a;
	size_t len;

	sgdma_test_slave_setup(test, &s, "tx");
	sgdma_test_buf(test, &s.t, 64, &a);
	len = 1024 * (size_t)SGDMA_TEST_MAX_SEG + 1;
	KUNIT_EXPECT_NULL(test, dmaengine_prep_dma_memcpy(s.t.chan, a, a, len,
							  0));
	KUNIT_ASSERT_EQ(test, sgdma_test_slave_config(&s, DMA_MEM_TO_DEV, 4, 8), 0);
	sg_init_table(&sg, 1);
	sg_dma_address(&sg) = a;
	sg_dma_len(&sg) = SGDMA_TEST_MAX_SEG + 4;
	KUNIT_EXPECT_NULL(test, dmaengine_prep_slave_sg(s.t.chan, &sg, 1,
							DMA_MEM_TO_DEV, 0));
	/* and a length that is not a whole number of bus words */
	sg_dma_len(&sg) = 6;
	KUNIT_EXPECT_NULL(test, dmaengine_prep_slave_sg(s.t.chan, &sg, 1,
							DMA_MEM_TO_DEV, 0));
}

/* addresses and lengths off the advertised alignment are refused */
static void sgdma_bad_misaligned(struct kunit *test)
{
	struct sgdma_board_config cfg;
	struct dma_device *dd;
	struct sgdma_test t;
	dma_addr_t a[2];
	u8 coef[2] = { 1, 2 };

	sgdma_test_config(&cfg);
	cfg.hw.copy_align = 2;
	sgdma_test_setup(test, &t, &cfg, DMA_MEMCPY);
	dd = t.chan->device;
	KUNIT_EXPECT_EQ(test, dd->copy_align, DMAENGINE_ALIGN_4_BYTES);
	KUNIT_EXPECT_EQ(test, dd->xor_align, DMAENGINE_ALIGN_8_BYTES);
	sgdma_test_buf(test, &t, 256, &a[0]);
	sgdma_test_buf(test, &t, 256, &a[1]);
	KUNIT_EXPECT_NULL(test, dmaengine_prep_dma_memcpy(t.chan, a[0] + 1,
							  a[1], 64, 0));
	KUNIT_EXPECT_NULL(test, dmaengine_prep_dma_memcpy(t.chan, a[0], a[1],
							  63, 0));
	KUNIT_EXPECT_NOT_NULL(test, dmaengine_prep_dma_memcpy(t.chan, a[0] + 4,
							      a[1], 64, 0));
	a[1] += 4;
	KUNIT_EXPECT_NULL(test, dd->device_prep_dma_xor(t.chan, a[0], a, 2, 64,
							0));
	KUNIT_EXPECT_NULL(test, dd->device_prep_dma_pq(t.chan, a, a, 2, coef,
						       64, 0));
}

/* more sources than max_xor / maxpq, or none, are refused */
static void sgdma_bad_too_many_sources(struct kunit *test)
{
	dma_addr_t a[SGDMA_TEST_SOURCES + 1], pq[2];
	u8 coef[SGDMA_TEST_SOURCES + 1] = { };
	enum sum_check_flags res;
	struct dma_device *dd;
	struct sgdma_test t;
	unsigned int i;

	sgdma_test_setup(test, &t, NULL, DMA_XOR);
	dd = t.chan->device;
	sgdma_test_buf(test, &t, 64, &a[0]);
	for (i = 1; i < ARRAY_SIZE(a); i++)
		a[i] = a[0];
	pq[0] = a[0];
	pq[1] = a[0];
	KUNIT_EXPECT_NULL(test, dd->device_prep_dma_xor(t.chan, a[0], a,
							SGDMA_TEST_SOURCES + 1,
							64, 0));
	KUNIT_EXPECT_NULL(test, dd->device_prep_dma_xor(t.chan, a[0], a, 0,
							64, 0));
	KUNIT_EXPECT_NULL(test, dd->device_prep_dma_xor_val(t.chan, a,
							    SGDMA_TEST_SOURCES + 1,
							    64, &res, 0));
	KUNIT_EXPECT_NULL(test, dd->device_prep_dma_pq(t.chan, pq, a,
						       SGDMA_TEST_SOURCES + 1,
						       coef, 64, 0));
	KUNIT_EXPECT_NULL(test, dd->device_prep_dma_pq(t.chan, pq, a, 2, coef,
						       64, DMA_PREP_PQ_DISABLE_P |
						       DMA_PREP_PQ_DISABLE_Q));
}

/* unsupported widths, bursts and directions get an error */
static void sgdma_bad_widths_directions(struct kunit *test)
{
	struct sgdma_test_slave s;
	struct scatterlist sg;
	dma_addr_t a;

	sgdma_test_slave_setup(test, &s, "tx");
	sgdma_test_buf(test, &s.t, 64, &a);
	KUNIT_EXPECT_EQ(test, sgdma_test_slave_config(&s, DMA_MEM_TO_DEV, 3, 1),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, sgdma_test_slave_config(&s, DMA_MEM_TO_DEV, 16, 1),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, sgdma_test_slave_config(&s, DMA_MEM_TO_DEV, 4, 512),
			-EINVAL);
	KUNIT_ASSERT_EQ(test, sgdma_test_slave_config(&s, DMA_MEM_TO_DEV, 4, 8), 0);
	sg_init_table(&sg, 1);
	sg_dma_address(&sg) = a;
	sg_dma_len(&sg) = 64;
	KUNIT_EXPECT_NULL(test, dmaengine_prep_slave_sg(s.t.chan, &sg, 1,
							DMA_MEM_TO_MEM, 0));
	KUNIT_EXPECT_NULL(test, dmaengine_prep_slave_sg(s.t.chan, &sg, 1,
							DMA_DEV_TO_DEV, 0));
	/* configured for the other direction only: no source width */
	KUNIT_EXPECT_NULL(test, dmaengine_prep_slave_sg(s.t.chan, &sg, 1,
							DMA_DEV_TO_MEM, 0));
	KUNIT_EXPECT_NOT_NULL(test, dmaengine_prep_slave_sg(s.t.chan, &sg, 1,
							    DMA_MEM_TO_DEV, 0));
}

/* NULL and empty scatterlists and vectors are refused */
static void sgdma_bad_empty_lists(struct kunit *test)
{
	struct dma_async_tx_descriptor *tx;
	struct sgdma_test_slave s;
	struct scatterlist sg;
	struct dma_vec vec = { };
	dma_addr_t a;

	sgdma_test_slave_setup(test, &s, "tx");
	sgdma_test_buf(test, &s.t, 64, &a);
	KUNIT_ASSERT_EQ(test, sgdma_test_slave_config(&s, DMA_MEM_TO_DEV, 4, 8), 0);
	sg_init_table(&sg, 1);
	sg_dma_address(&sg) = a;
	sg_dma_len(&sg) = 64;
	KUNIT_EXPECT_NULL(test, dmaengine_prep_slave_sg(s.t.chan, NULL, 1,
							DMA_MEM_TO_DEV, 0));
	KUNIT_EXPECT_NULL(test, dmaengine_prep_slave_sg(s.t.chan, &sg, 0,
							DMA_MEM_TO_DEV, 0));
	tx = dmaengine_prep_peripheral_dma_vec(s.t.chan, NULL, 1,
					       DMA_MEM_TO_DEV, 0);
	KUNIT_EXPECT_NULL(test, tx);
	tx = dmaengine_prep_peripheral_dma_vec(s.t.chan, &vec, 0,
					       DMA_MEM_TO_DEV, 0);
	KUNIT_EXPECT_NULL(test, tx);
	/* a zero-length entry */
	tx = dmaengine_prep_peripheral_dma_vec(s.t.chan, &vec, 1,
					       DMA_MEM_TO_DEV, 0);
	KUNIT_EXPECT_NULL(test, tx);
}

/* a slave prep before dmaengine_slave_config() is refused */
static void sgdma_bad_slave_without_config(struct kunit *test)
{
	struct sgdma_test_slave s;
	dma_addr_t a;

	sgdma_test_slave_setup(test, &s, "rx");
	sgdma_test_buf(test, &s.t, 64, &a);
	KUNIT_EXPECT_NULL(test, dmaengine_prep_slave_single(s.t.chan, a, 64,
							    DMA_DEV_TO_MEM, 0));
}

/* pause and resume on an idle channel fail and change nothing */
static void sgdma_bad_pause_idle(struct kunit *test)
{
	struct dma_async_tx_descriptor *tx;
	struct sgdma_test t;
	dma_addr_t a, b;
	u8 *s, *d;

	sgdma_test_setup(test, &t, NULL, DMA_MEMCPY);
	KUNIT_EXPECT_EQ(test, dmaengine_pause(t.chan), -EINVAL);
	KUNIT_EXPECT_EQ(test, dmaengine_resume(t.chan), -EINVAL);
	s = sgdma_test_buf(test, &t, 512, &a);
	d = sgdma_test_buf(test, &t, 512, &b);
	tx = dmaengine_prep_dma_memcpy(t.chan, b, a, 512, sgdma_test_flags);
	KUNIT_EXPECT_EQ(test, sgdma_test_run(test, &t, tx, NULL),
			DMA_TRANS_NOERROR);
	sgdma_test_sync(&t, b, 512);
	KUNIT_EXPECT_MEMEQ(test, d, s, 512);
}

/* a board with impossible parameters is refused, with no leftovers */
static void sgdma_bad_board(struct kunit *test)
{
	struct sgdma_board_config cfg;

	sgdma_test_config(&cfg);
	cfg.hw.channels = 0;
	KUNIT_EXPECT_EQ(test, PTR_ERR(sgdma_board_create(&cfg)), -EINVAL);
	sgdma_test_config(&cfg);
	cfg.hw.max_burst = 3;
	KUNIT_EXPECT_EQ(test, PTR_ERR(sgdma_board_create(&cfg)), -EINVAL);
}

/* a channel held across the controller's removal fails cleanly */
static void sgdma_bad_unbind_while_held(struct kunit *test)
{
	struct sgdma_board_config cfg;
	struct sgdma_board *board;
	struct dma_chan *chan;
	dma_cap_mask_t mask;

	sgdma_test_config(&cfg);
	board = sgdma_board_create(&cfg);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, board);
	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	chan = dma_request_channel(mask, simdma_test_filter,
				   sgdma_board_dev(board));
	if (!chan) {
		sgdma_board_destroy(board);
		KUNIT_FAIL(test, "no channel");
		return;
	}
	sgdma_board_destroy(board);
	KUNIT_EXPECT_NULL(test, dmaengine_prep_dma_memcpy(chan, 0x1000, 0x2000,
							  64, 0));
	KUNIT_EXPECT_EQ(test, dmaengine_terminate_sync(chan), 0);
	dma_release_channel(chan);
}

static struct kunit_case sgdma_bad_input_cases[] = {
	KUNIT_CASE(sgdma_bad_zero_length),
	KUNIT_CASE(sgdma_bad_too_long),
	KUNIT_CASE(sgdma_bad_misaligned),
	KUNIT_CASE(sgdma_bad_too_many_sources),
	KUNIT_CASE(sgdma_bad_widths_directions),
	KUNIT_CASE(sgdma_bad_empty_lists),
	KUNIT_CASE(sgdma_bad_slave_without_config),
	KUNIT_CASE(sgdma_bad_pause_idle),
	KUNIT_CASE(sgdma_bad_board),
	KUNIT_CASE(sgdma_bad_unbind_while_held),
	{ }
};

static struct kunit_suite sgdma_bad_input_suite = {
	.name = "sgdma_bad_input",
	.test_cases = sgdma_bad_input_cases,
};

/* ---- sgdma_configfs: instances made at run time -------------------- */

static struct config_item *sgdma_test_cfs_device(struct kunit *test)
{
	struct config_item *dev = sgdma_config_new_device("kunit");

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, dev);
	simdma_test_action(test, simdma_test_put_item, dev);
	return dev;
}

struct sgdma_test_write {
	const char *attr;
	const char *val;
	int err;
	const char *desc;
};

static const struct sgdma_test_write sgdma_test_writes[] = {
	{ "channels", "0", -EINVAL, "no channels" },
	{ "channels", "33", -EINVAL, "too many channels" },
	{ "channels", "four", -EINVAL, "not a number" },
	{ "request_lines", "256", -EINVAL, "too many request lines" },
	{ "capabilities", "memcpy teleport", -EINVAL, "unknown capability" },
	{ "capabilities", "", -EINVAL, "no capability" },
	{ "widths", "3", -EINVAL, "width not a power of 2" },
	{ "widths", "256", -EINVAL, "width too large" },
	{ "max_burst", "24", -EINVAL, "burst not a power of 2" },
	{ "max_burst", "65536", -EINVAL, "burst too large" },
	{ "max_sources", "64", -EINVAL, "too many sources" },
	{ "max_seg_size", "0", -EINVAL, "empty segments" },
	{ "copy_align", "13", -EINVAL, "alignment too large" },
	{ "fifo_depth", "8", -EINVAL, "FIFO too small" },
	{ "latency_ns", "-1", -EINVAL, "negative latency" },
	{ "private", "maybe", -EINVAL, "not a boolean" },
	{ "dev_name", "sgdma.9", -ENOENT, "read-only attribute" },
	{ "channels", "8", 1, "eight channels" },
	{ "capabilities", "memcpy,slave", 12, "two capabilities" },
	{ "widths", "1 4", 3, "two widths" },
};

KUNIT_ARRAY_PARAM_DESC(sgdma_test_writes, sgdma_test_writes, desc);

/* configfs writes are range-checked before anything changes */
static void sgdma_configfs_write_checked(struct kunit *test)
{
	const struct sgdma_test_write *w = test->param_value;
	struct config_item *dev = sgdma_test_cfs_device(test);
	char *page = kunit_kzalloc(test, PAGE_SIZE, GFP_KERNEL);
	ssize_t before;

	KUNIT_ASSERT_NOT_NULL(test, page);
	before = sgdma_config_read(dev, w->attr, page);
	KUNIT_EXPECT_EQ(test, sgdma_config_write(dev, w->attr, w->val),
			(ssize_t)w->err);
	if (w->err < 0 && before > 0) {
		char *after = kunit_kzalloc(test, PAGE_SIZE, GFP_KERNEL);

		KUNIT_ASSERT_NOT_NULL(test, after);
		KUNIT_EXPECT_EQ(test, sgdma_config_read(dev, w->attr, after),
				before);
		KUNIT_EXPECT_STREQ(test, after, page);
	}
}

/* live builds a working controller and freezes the configuration */
static void sgdma_configfs_live_cycle(struct kunit *test)
{
	struct config_item *dev = sgdma_test_cfs_device(test);
	char *page = kunit_kzalloc(test, PAGE_SIZE, GFP_KERNEL);
	struct config_item *route;
	char name[32];

	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_EQ(test, sgdma_config_write(dev, "channels", "2"), 1);
	KUNIT_EXPECT_EQ(test, sgdma_config_write(dev, "private", "1"), 1);
	KUNIT_EXPECT_GT(test, sgdma_config_read(dev, "dev_name", page), 0);
	KUNIT_EXPECT_STREQ(test, page, "none\n");
	KUNIT_ASSERT_EQ(test, sgdma_config_write(dev, "live", "1"), 1);
	KUNIT_EXPECT_GT(test, sgdma_config_read(dev, "dev_name", page), 0);
	KUNIT_EXPECT_EQ(test, strncmp(page, "sgdma.", 6), 0);
	strscpy(name, page, sizeof(name));
	KUNIT_EXPECT_EQ(test, sgdma_config_write(dev, "channels", "3"), -EBUSY);
	KUNIT_EXPECT_EQ(test, sgdma_config_write(dev, "latency_ns", "10"),
			-EBUSY);
	route = sgdma_config_new_route(dev, "r0");
	KUNIT_EXPECT_TRUE(test, IS_ERR(route));
	KUNIT_EXPECT_EQ(test, PTR_ERR(route), -EBUSY);
	KUNIT_EXPECT_EQ(test, sgdma_config_write(dev, "live", "0"), 1);
	KUNIT_EXPECT_GT(test, sgdma_config_read(dev, "dev_name", page), 0);
	KUNIT_EXPECT_STREQ(test, page, "none\n");
	KUNIT_EXPECT_EQ(test, sgdma_config_write(dev, "channels", "3"), 1);
}

/* writing live returns the driver's probe error */
static void sgdma_configfs_live_probe_error(struct kunit *test)
{
	struct config_item *dev = sgdma_test_cfs_device(test);
	struct config_item *route;

	KUNIT_EXPECT_EQ(test, sgdma_config_write(dev, "private", "1"), 1);
	KUNIT_EXPECT_EQ(test, sgdma_config_write(dev, "request_lines", "4"), 1);
	route = sgdma_config_new_route(dev, "uart");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, route);
	KUNIT_EXPECT_EQ(test, sgdma_config_write(route, "consumer", "uart0"), 5);
	/* a route without a name cannot go live */
	KUNIT_EXPECT_EQ(test, sgdma_config_write(dev, "live", "1"), -EINVAL);
	KUNIT_EXPECT_EQ(test, sgdma_config_write(route, "name", "rx\n"), 3);
	/* line 9 does not exist: the driver's probe refuses the route */
	KUNIT_EXPECT_EQ(test, sgdma_config_write(route, "request_line", "9"), 1);
	KUNIT_EXPECT_EQ(test, sgdma_config_write(dev, "live", "1"), -EINVAL);
	KUNIT_EXPECT_EQ(test, sgdma_config_write(route, "request_line", "3"), 1);
	KUNIT_EXPECT_EQ(test, sgdma_config_write(dev, "live", "1"), 1);
	KUNIT_EXPECT_EQ(test, sgdma_config_write(route, "name", "tx"), -EBUSY);
	KUNIT_EXPECT_EQ(test, sgdma_config_write(dev, "live", "0"), 1);
	config_item_put(route);
}

static bool sgdma_test_filter_name(struct dma_chan *chan, void *param)
{
	return !strcmp(dev_name(chan->device->dev), param);
}

/* fault knobs written in configfs reach the hardware of the instance */
static void sgdma_configfs_faults_wired(struct kunit *test)
{
	struct config_item *dev = sgdma_test_cfs_device(test);
	char *page = kunit_kzalloc(test, PAGE_SIZE, GFP_KERNEL);
	struct dma_async_tx_descriptor *tx;
	struct sgdma_test t = { };
	dma_cap_mask_t mask;

	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_EQ(test, sgdma_config_write(dev, "private", "1"), 1);
	KUNIT_EXPECT_EQ(test, sgdma_config_write(dev, "fault_desc", "1"), 1);
	KUNIT_ASSERT_EQ(test, sgdma_config_write(dev, "live", "1"), 1);
	KUNIT_ASSERT_GT(test, sgdma_config_read(dev, "dev_name", page), 0);
	strim(page);
	dma_cap_zero(mask);
	dma_cap_set(DMA_INTERRUPT, mask);
	t.chan = dma_request_channel(mask, sgdma_test_filter_name, page);
	KUNIT_ASSERT_NOT_NULL(test, t.chan);
	tx = t.chan->device->device_prep_dma_interrupt(t.chan,
						       sgdma_test_flags);
	KUNIT_EXPECT_EQ(test, sgdma_test_run(test, &t, tx, NULL),
			DMA_TRANS_ABORTED);
	dmaengine_terminate_sync(t.chan);
	dma_release_channel(t.chan);
	KUNIT_EXPECT_EQ(test, sgdma_config_write(dev, "live", "0"), 1);
}

static struct kunit_case sgdma_configfs_cases[] = {
	KUNIT_CASE_PARAM(sgdma_configfs_write_checked,
			 sgdma_test_writes_gen_params),
	KUNIT_CASE(sgdma_configfs_live_cycle),
	KUNIT_CASE(sgdma_configfs_live_probe_error),
	KUNIT_CASE(sgdma_configfs_faults_wired),
	{ }
};

static struct kunit_suite sgdma_configfs_suite = {
	.name = "sgdma_configfs",
	.test_cases = sgdma_configfs_cases,
};

/* ---- sgdma_async_tx: the public pool, as md uses it ---------------- */

#if IS_REACHABLE(CONFIG_ASYNC_RAID6_RECOV) && IS_ENABLED(CONFIG_ASYNC_TX_DMA)
#define SGDMA_TEST_DISKS	8

static void sgdma_test_free_page(void *page)
{
	__free_page(page);
}

static void sgdma_test_async_done(void *param)
{
	complete(param);
}

static void sgdma_test_async_wait(struct kunit *test,
				  struct dma_async_tx_descriptor *tx,
				  struct completion *done)
{
	unsigned long left, timeout = msecs_to_jiffies(SGDMA_TEST_TIMEOUT_MS);

	async_tx_issue_pending(tx);
	left = wait_for_completion_timeout(done, timeout);
	KUNIT_ASSERT_NE_MSG(test, left, 0, "async_tx never called back");
}

/*
 * async_tx offloads RAID-6 syndrome generation, validation and two-disk
 * recovery to a public board, with dependent descriptors on one channel
 */
static void sgdma_async_tx_raid6(struct kunit *test)
{
	struct page *pages[SGDMA_TEST_DISKS], *spare, *lost[2];
	unsigned int offs[SGDMA_TEST_DISKS] = { };
	addr_conv_t scribble[2 * SGDMA_TEST_DISKS];
	u8 coef[SGDMA_TEST_DISKS], *data[SGDMA_TEST_DISKS], *rp, *rq;
	struct async_submit_ctl submit;
	struct sgdma_board_config cfg;
	struct dma_async_tx_descriptor *tx;
	enum sum_check_flags result = ~0;
	struct sgdma_board *board;
	struct completion done;
	struct dma_chan *chan;
	unsigned int i;
	u64 before;

	sgdma_test_config(&cfg);
	cfg.private = false;
	board = sgdma_test_board(test, &cfg);
	chan = dma_find_channel(DMA_PQ);
	if (!chan || chan->device->dev != sgdma_board_dev(board))
		kunit_skip(test, "async_tx uses another P+Q engine");
	before = atomic64_read(&chan->stats.completed);

	for (i = 0; i < SGDMA_TEST_DISKS + 1; i++) {
		spare = alloc_page(GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, spare);
		simdma_test_action(test, sgdma_test_free_page, spare);
		if (i == SGDMA_TEST_DISKS)
			break;
		pages[i] = spare;
		data[i] = page_address(spare);
		get_random_bytes(data[i], PAGE_SIZE);
		coef[i] = raid6_gfexp[i];
	}
	rp = kunit_kmalloc(test, PAGE_SIZE, GFP_KERNEL);
	rq = kunit_kmalloc(test, PAGE_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, rp);
	KUNIT_ASSERT_NOT_NULL(test, rq);
	sgdma_test_ref_pq(data, coef, SGDMA_TEST_DISKS - 2, PAGE_SIZE, rp, rq);

	init_completion(&done);
	init_async_submit(&submit, ASYNC_TX_ACK, NULL, sgdma_test_async_done,
			  &done, scribble);
	tx = async_gen_syndrome(pages, offs, SGDMA_TEST_DISKS, PAGE_SIZE,
				&submit);
	sgdma_test_async_wait(test, tx, &done);
	KUNIT_EXPECT_MEMEQ(test, data[SGDMA_TEST_DISKS - 2], rp, PAGE_SIZE);
	KUNIT_EXPECT_MEMEQ(test, data[SGDMA_TEST_DISKS - 1], rq, PAGE_SIZE);

	reinit_completion(&done);
	init_async_submit(&submit, ASYNC_TX_ACK, NULL, sgdma_test_async_done,
			  &done, scribble);
	tx = async_syndrome_val(pages, offs, SGDMA_TEST_DISKS, PAGE_SIZE,
				&result, spare, 0, &submit);
	sgdma_test_async_wait(test, tx, &done);
	KUNIT_EXPECT_EQ(test, result, 0);

	/* lose two data disks and rebuild them */
	lost[0] = pages[1];
	lost[1] = pages[4];
	memcpy(rp, data[1], PAGE_SIZE);
	memcpy(rq, data[4], PAGE_SIZE);
	memset(data[1], 0, PAGE_SIZE);
	memset(data[4], 0xff, PAGE_SIZE);
	reinit_completion(&done);
	init_async_submit(&submit, ASYNC_TX_ACK, NULL, sgdma_test_async_done,
			  &done, scribble);
	tx = async_raid6_2data_recov(SGDMA_TEST_DISKS, PAGE_SIZE, 1, 4, pages,
				     offs, &submit);
	sgdma_test_async_wait(test, tx, &done);
	KUNIT_EXPECT_PTR_EQ(test, pages[1], lost[0]);
	KUNIT_EXPECT_PTR_EQ(test, pages[4], lost[1]);
	KUNIT_EXPECT_MEMEQ(test, data[1], rp, PAGE_SIZE);
	KUNIT_EXPECT_MEMEQ(test, data[4], rq, PAGE_SIZE);

	KUNIT_EXPECT_GE(test, atomic64_read(&chan->stats.completed) - before, 3);
}
#else
static void sgdma_async_tx_raid6(struct kunit *test)
{
	kunit_skip(test, "needs ASYNC_TX_DMA and the RAID-6 recovery library");
}
#endif

static struct kunit_case sgdma_async_tx_cases[] = {
	KUNIT_CASE(sgdma_async_tx_raid6),
	{ }
};

static struct kunit_suite sgdma_async_tx_suite = {
	.name = "sgdma_async_tx",
	.test_cases = sgdma_async_tx_cases,
};

kunit_test_suites(&sgdma_ops_suite, &sgdma_control_suite, &sgdma_faults_suite,
		  &sgdma_slave_suite, &sgdma_bad_input_suite,
		  &sgdma_async_tx_suite, &sgdma_configfs_suite);

MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
MODULE_DESCRIPTION("KUnit suites of the simulated scatter-gather DMA controller");
MODULE_LICENSE("GPL");
