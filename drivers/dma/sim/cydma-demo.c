// SPDX-License-Identifier: GPL-2.0
/*
 * In-kernel exercisers of the simulated cyclic and interleaved DMA
 * controller, behind two debugfs files of each board.
 */

/**
 * DOC: Exercisers
 *
 * Two files in a board's debugfs directory run a short transfer through
 * the public DMA engine API, as a client driver would, and keep a text
 * report that reading the file returns:
 *
 * ``demo_cyclic``
 *	Writing N (1 to 4096) plays a ring buffer of eight 1 KiB periods
 *	to the first sink on the board (the audio codec on the default
 *	board) until N period callbacks arrived, then stops it with
 *	dmaengine_terminate_sync().  The report gives the periods the
 *	controller counted, the callbacks and the periods without one, what
 *	the codec consumed, its underruns, and whether every byte it
 *	consumed is the ring's content in order.
 * ``demo_interleave``
 *	Writing anything copies a two-dimensional block (32 frames of three
 *	chunks, with gaps on both sides) memory to memory, and compares the
 *	destination byte for byte with a reference the CPU built, gaps
 *	included.
 *
 * A write returns once the run is over, with an error if it could not be
 * set up; a run that set up but went wrong says so in its report.
 */

#include <linux/debugfs.h>
#include <linux/dma-mapping.h>
#include <linux/dmaengine.h>
#include <linux/fs.h>
#include <linux/jiffies.h>
#include <linux/mutex.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/wait.h>

#include "cydma-board.h"

#define CYDMA_DEMO_PERIOD	1024
#define CYDMA_DEMO_RING_PERIODS	8
#define CYDMA_DEMO_MAX_PERIODS	4096
#define CYDMA_DEMO_REPORT	512
#define CYDMA_DEMO_FRAMES	32
#define CYDMA_DEMO_CHUNKS	3

/* The reports of the last runs; one exerciser runs at a time. */
static DEFINE_MUTEX(cydma_demo_lock);
static char cydma_demo_cyclic_report[CYDMA_DEMO_REPORT];	/* under lock */
static char cydma_demo_xt_report[CYDMA_DEMO_REPORT];		/* under lock */

/**
 * struct cydma_demo_periods - what the period callback counts
 * @calls: callbacks so far
 * @want: callbacks to wait for
 * @wq: woken when @want is reached
 */
struct cydma_demo_periods {
	atomic_t calls;
	unsigned int want;
	wait_queue_head_t wq;
};

static void cydma_demo_period(void *param)
{
	struct cydma_demo_periods *p = param;

	if (atomic_inc_return(&p->calls) == p->want)
		wake_up(&p->wq);
}

/* The first sink of the board, or a negative errno. */
static int cydma_demo_sink(struct cydma_hw *hw)
{
	unsigned int line;

	for (line = 0; line < cydma_hw_request_lines(hw); line++) {
		if (cydma_hw_port_kind(hw, line) == CYDMA_PORT_SINK)
			return line;
	}
	return -ENODEV;
}

/* Whether the consumed stream is the ring's content, in order. */
static bool cydma_demo_stream_ok(const u8 *ring, size_t ring_len,
				 const u8 *tap, size_t tapped)
{
	size_t off;

	for (off = 0; off < tapped; off += ring_len) {
		if (memcmp(tap + off, ring, min(ring_len, tapped - off)))
			return false;
	}
	return true;
}

/**
 * struct cydma_demo_ring - buffers of a cyclic run
 * @chan: the channel
 * @ring: the ring buffer
 * @addr: its bus address
 * @len: its size
 * @tap: what the sink consumed
 * @tap_len: size of @tap
 */
struct cydma_demo_ring {
	struct dma_chan *chan;
	u8 *ring;
	dma_addr_t addr;
	size_t len;
	u8 *tap;
	size_t tap_len;
};

/* Play the ring until @want period callbacks; report into @out. */
static void cydma_demo_play(struct cydma_hw *hw, unsigned int line,
			    struct cydma_demo_ring *r, unsigned int want,
			    char *out)
{
	struct dma_slave_config cfg = {
		.dst_addr = cydma_hw_port_addr(hw, line),
		.dst_addr_width = DMA_SLAVE_BUSWIDTH_4_BYTES,
		.dst_maxburst = 16,
	};
	struct dma_async_tx_descriptor *tx;
	struct cydma_demo_periods p = { .want = want };
	struct cydma_hw_port_stats st;
	struct cydma_hw_position pos;
	unsigned int calls;
	long left;

	init_waitqueue_head(&p.wq);
	if (dmaengine_slave_config(r->chan, &cfg)) {
		snprintf(out, CYDMA_DEMO_REPORT, "cyclic: slave config refused\n");
		return;
	}
	cydma_hw_port_set_tap(hw, line, r->tap, r->tap_len);
	cydma_hw_port_start(hw, line);
	tx = dmaengine_prep_dma_cyclic(r->chan, r->addr, r->len,
				       CYDMA_DEMO_PERIOD, DMA_MEM_TO_DEV,
				       DMA_PREP_INTERRUPT);
	if (!tx) {
		snprintf(out, CYDMA_DEMO_REPORT, "cyclic: prep refused\n");
		goto out;
	}
	tx->callback = cydma_demo_period;
	tx->callback_param = &p;
	dmaengine_submit(tx);
	dma_async_issue_pending(r->chan);
	left = wait_event_timeout(p.wq, atomic_read(&p.calls) >= want,
				  msecs_to_jiffies(5000 + want * 10));
	cydma_hw_port_stats(hw, line, &st);
	cydma_hw_port_stop(hw, line);
	dmaengine_terminate_sync(r->chan);
	cydma_hw_chan_position(hw, r->chan->chan_id, &pos);
	/*
	 * Only the public API and the model are used here, so the demo also
	 * runs on upstream's core: periods the controller counted beyond the
	 * callbacks were coalesced by virt-dma or cut short by the stop.
	 */
	calls = atomic_read(&p.calls);
	snprintf(out, CYDMA_DEMO_REPORT,
		 "cyclic: %s, line %u, %u periods of %u bytes in the ring%s\n"
		 "cyclic: periods counted by the controller %u, callbacks %u, without a callback %u\n"
		 "cyclic: sink consumed %llu bytes, underruns %llu\n"
		 "cyclic: consumed stream is the ring in order: %s\n",
		 dma_chan_name(r->chan), line, CYDMA_DEMO_RING_PERIODS,
		 CYDMA_DEMO_PERIOD, left ? "" : " (timed out)", pos.periods,
		 calls, pos.periods > calls ? pos.periods - calls : 0,
		 st.bytes, st.underruns,
		 cydma_demo_stream_ok(r->ring, r->len, r->tap, st.tapped) &&
		 st.tapped ? "yes" : "NO");
out:
	cydma_hw_port_set_tap(hw, line, NULL, 0);
}

static int cydma_demo_cyclic(struct cydma_board *board, unsigned int want,
			     char *out)
{
	struct cydma_hw *hw = cydma_board_hw(board);
	struct cydma_demo_ring r = { };
	struct device *dma_dev;
	char name[16];
	int line, ret = -ENOMEM;

	line = cydma_demo_sink(hw);
	if (line < 0)
		return line;
	snprintf(name, sizeof(name), CYDMA_BOARD_BENCH_NAME, line);
	r.chan = dma_request_chan(cydma_board_bench(board), name);
	if (IS_ERR(r.chan))
		return PTR_ERR(r.chan);
	dma_dev = r.chan->device->dev;
	r.len = CYDMA_DEMO_PERIOD * CYDMA_DEMO_RING_PERIODS;
	r.tap_len = (size_t)want * CYDMA_DEMO_PERIOD;
	r.ring = kmalloc(r.len, GFP_KERNEL);
	r.tap = kvzalloc(r.tap_len, GFP_KERNEL);
	if (!r.ring || !r.tap)
		goto out;
	get_random_bytes(r.ring, r.len);
	r.addr = dma_map_single(dma_dev, r.ring, r.len, DMA_TO_DEVICE);
	ret = dma_mapping_error(dma_dev, r.addr);
	if (ret)
		goto out;
	cydma_demo_play(hw, line, &r, want, out);
	dma_unmap_single(dma_dev, r.addr, r.len, DMA_TO_DEVICE);
out:
	kvfree(r.tap);
	kfree(r.ring);
	dma_release_channel(r.chan);
	return ret;
}

/**
 * struct cydma_demo_frame - a two-dimensional block and its buffers
 * @xt: the template
 * @chunks: room for its chunks (must follow @xt)
 * @src: source buffer
 * @dst: destination buffer
 * @ref: what the destination must look like afterwards
 * @src_len: size of @src
 * @dst_len: size of @dst and @ref
 */
struct cydma_demo_frame {
	struct dma_interleaved_template xt;
	struct data_chunk chunks[CYDMA_DEMO_CHUNKS];
	u8 *src;
	u8 *dst;
	u8 *ref;
	size_t src_len;
	size_t dst_len;
};

static const struct data_chunk cydma_demo_chunks[CYDMA_DEMO_CHUNKS] = {
	{ .size = 64, .src_icg = 16, .dst_icg = 0 },
	{ .size = 16, .src_icg = 0, .dst_icg = 32 },
	{ .size = 48, .src_icg = 32, .dst_icg = 16 },
};

/* Lay out the block and build the CPU's reference of the destination. */
static void cydma_demo_frame_init(struct cydma_demo_frame *f)
{
	size_t so = 0, d = 0, frame, c;

	for (frame = 0; frame < CYDMA_DEMO_FRAMES; frame++) {
		for (c = 0; c < CYDMA_DEMO_CHUNKS; c++) {
			memcpy(f->ref + d, f->src + so, f->chunks[c].size);
			so += f->chunks[c].size + f->chunks[c].src_icg;
			d += f->chunks[c].size + f->chunks[c].dst_icg;
		}
	}
}

static void cydma_demo_done(void *param)
{
	complete(param);
}

/* Copy the block; report into @out. */
static void cydma_demo_copy(struct dma_chan *chan, struct cydma_demo_frame *f,
			    dma_addr_t src, dma_addr_t dst, char *out)
{
	struct dma_async_tx_descriptor *tx;
	DECLARE_COMPLETION_ONSTACK(done);
	size_t moved = 0, c;
	bool ok;

	f->xt.src_start = src;
	f->xt.dst_start = dst;
	tx = dmaengine_prep_interleaved_dma(chan, &f->xt, DMA_PREP_INTERRUPT);
	if (!tx) {
		snprintf(out, CYDMA_DEMO_REPORT, "interleave: prep refused\n");
		return;
	}
	tx->callback = cydma_demo_done;
	tx->callback_param = &done;
	dmaengine_submit(tx);
	dma_async_issue_pending(chan);
	ok = wait_for_completion_timeout(&done, msecs_to_jiffies(5000));
	dmaengine_terminate_sync(chan);
	dma_sync_single_for_cpu(chan->device->dev, dst, f->dst_len,
				DMA_BIDIRECTIONAL);
	for (c = 0; c < CYDMA_DEMO_CHUNKS; c++)
		moved += f->chunks[c].size * CYDMA_DEMO_FRAMES;
	snprintf(out, CYDMA_DEMO_REPORT,
		 "interleave: %s, %u frames of %u chunks, %zu bytes memory to memory%s\n"
		 "interleave: destination equals the CPU reference, gaps untouched: %s\n",
		 dma_chan_name(chan), CYDMA_DEMO_FRAMES, CYDMA_DEMO_CHUNKS,
		 moved, ok ? "" : " (timed out)",
		 ok && !memcmp(f->dst, f->ref, f->dst_len) ? "yes" : "NO");
}

static bool cydma_demo_filter(struct dma_chan *chan, void *param)
{
	return chan->device->dev == param;
}

/* Allocate and fill the buffers of @f. */
static int cydma_demo_frame_alloc(struct cydma_demo_frame *f)
{
	size_t c;

	f->xt.dir = DMA_MEM_TO_MEM;
	f->xt.src_inc = true;
	f->xt.dst_inc = true;
	f->xt.src_sgl = true;
	f->xt.dst_sgl = true;
	f->xt.numf = CYDMA_DEMO_FRAMES;
	f->xt.frame_size = CYDMA_DEMO_CHUNKS;
	for (c = 0; c < CYDMA_DEMO_CHUNKS; c++) {
		f->chunks[c] = cydma_demo_chunks[c];
		f->src_len += f->chunks[c].size + f->chunks[c].src_icg;
		f->dst_len += f->chunks[c].size + f->chunks[c].dst_icg;
	}
	f->src_len *= CYDMA_DEMO_FRAMES;
	f->dst_len *= CYDMA_DEMO_FRAMES;
	f->src = kmalloc(f->src_len, GFP_KERNEL);
	f->dst = kmalloc(f->dst_len, GFP_KERNEL);
	f->ref = kmalloc(f->dst_len, GFP_KERNEL);
	if (!f->src || !f->dst || !f->ref)
		return -ENOMEM;
	get_random_bytes(f->src, f->src_len);
	memset(f->dst, 0xa5, f->dst_len);
	memset(f->ref, 0xa5, f->dst_len);
	cydma_demo_frame_init(f);
	return 0;
}

static int cydma_demo_interleave(struct cydma_board *board, char *out)
{
	struct cydma_demo_frame *f;
	struct device *dma_dev;
	struct dma_chan *chan;
	dma_addr_t src, dst;
	dma_cap_mask_t mask;
	int ret = -ENOMEM;

	dma_cap_zero(mask);
	dma_cap_set(DMA_INTERLEAVE, mask);
	chan = dma_request_channel(mask, cydma_demo_filter,
				   cydma_board_dev(board));
	if (!chan)
		return -EBUSY;
	dma_dev = chan->device->dev;
	f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f || cydma_demo_frame_alloc(f))
		goto out;
	src = dma_map_single(dma_dev, f->src, f->src_len, DMA_TO_DEVICE);
	ret = dma_mapping_error(dma_dev, src);
	if (ret)
		goto out;
	dst = dma_map_single(dma_dev, f->dst, f->dst_len, DMA_BIDIRECTIONAL);
	ret = dma_mapping_error(dma_dev, dst);
	if (!ret) {
		cydma_demo_copy(chan, f, src, dst, out);
		dma_unmap_single(dma_dev, dst, f->dst_len, DMA_BIDIRECTIONAL);
	}
	dma_unmap_single(dma_dev, src, f->src_len, DMA_TO_DEVICE);
out:
	if (f) {
		kfree(f->src);
		kfree(f->dst);
		kfree(f->ref);
	}
	kfree(f);
	dma_release_channel(chan);
	return ret;
}

static ssize_t cydma_demo_cyclic_write(struct file *file,
				       const char __user *ubuf, size_t count,
				       loff_t *ppos)
{
	struct cydma_board *board = file->private_data;
	unsigned int want;
	int ret;

	ret = kstrtouint_from_user(ubuf, count, 0, &want);
	if (ret)
		return ret;
	if (!want || want > CYDMA_DEMO_MAX_PERIODS)
		return -EINVAL;
	guard(mutex)(&cydma_demo_lock);
	ret = cydma_demo_cyclic(board, want, cydma_demo_cyclic_report);
	return ret ?: count;
}

static ssize_t cydma_demo_cyclic_read(struct file *file, char __user *ubuf,
				      size_t count, loff_t *ppos)
{
	guard(mutex)(&cydma_demo_lock);
	return simple_read_from_buffer(ubuf, count, ppos,
				       cydma_demo_cyclic_report,
				       strlen(cydma_demo_cyclic_report));
}

static const struct file_operations cydma_demo_cyclic_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.read = cydma_demo_cyclic_read,
	.write = cydma_demo_cyclic_write,
	.llseek = default_llseek,
};

static ssize_t cydma_demo_xt_write(struct file *file, const char __user *ubuf,
				   size_t count, loff_t *ppos)
{
	struct cydma_board *board = file->private_data;
	int ret;

	guard(mutex)(&cydma_demo_lock);
	ret = cydma_demo_interleave(board, cydma_demo_xt_report);
	return ret ?: count;
}

static ssize_t cydma_demo_xt_read(struct file *file, char __user *ubuf,
				  size_t count, loff_t *ppos)
{
	guard(mutex)(&cydma_demo_lock);
	return simple_read_from_buffer(ubuf, count, ppos, cydma_demo_xt_report,
				       strlen(cydma_demo_xt_report));
}

static const struct file_operations cydma_demo_xt_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.read = cydma_demo_xt_read,
	.write = cydma_demo_xt_write,
	.llseek = default_llseek,
};

/**
 * cydma_demo_add() - add the exerciser files to a board's directory
 * @dir: the board's debugfs directory
 * @board: the board
 *
 * Context: process context.
 */
void cydma_demo_add(struct dentry *dir, struct cydma_board *board)
{
	debugfs_create_file("demo_cyclic", 0644, dir, board,
			    &cydma_demo_cyclic_fops);
	debugfs_create_file("demo_interleave", 0644, dir, board,
			    &cydma_demo_xt_fops);
}
