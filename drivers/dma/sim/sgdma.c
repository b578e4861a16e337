// SPDX-License-Identifier: GPL-2.0
/*
 * Driver for the simulated scatter-gather DMA controller.
 */

/**
 * DOC: Driver overview
 *
 * A platform driver for the controller described in sgdma-regs.h.  It
 * knows the controller only through that register window, which it finds
 * as the regmap of its parent device, through one interrupt per channel
 * (its IRQ resources) and through the hardware descriptors it writes into
 * DMA-coherent memory.  Board wiring comes from device properties:
 *
 * * ``dma-channels`` and ``dma-requests``: channels and request lines to
 *   use (default: what the hardware reports);
 * * ``sgdma,private``: keep the channels out of the public pool;
 * * ``sgdma,timeout-ms``: watchdog period of a channel;
 * * one child node per slave route, with ``sgdma,consumer`` (device
 *   name), ``sgdma,dma-name`` (channel name) and ``sgdma,request-line``.
 *   Together they form the &dma_slave_map that dma_request_chan() reads.
 *
 * Transfers are built on virt-dma.  A prep call validates its arguments,
 * cuts the transfer into hardware descriptors of at most SGDMA_MAX_SEG
 * bytes, links them, and marks the last one to interrupt.  Each channel
 * runs one transfer at a time: issue_pending starts the first issued
 * transfer on an idle channel, and the channel's interrupt handler
 * acknowledges the status, completes the transfer and starts the next one
 * before it returns.  Client callbacks run later from the virt-dma
 * tasklet.
 *
 * Completions carry a &dmaengine_result: a bus error reading or writing
 * data maps to DMA_TRANS_READ_FAILED or DMA_TRANS_WRITE_FAILED, a rejected
 * descriptor and a watchdog abort to DMA_TRANS_ABORTED, each with the
 * residue the hardware reports.  tx_status then answers DMA_ERROR for the
 * cookie (for the last SGDMA_FAILED_COOKIES failures of the channel).
 * The per-channel watchdog looks at a busy channel every timeout period:
 * a completion whose interrupt went missing is handled, and a channel that
 * made no progress for a whole period (and is neither paused nor waiting
 * for its peripheral) is aborted.  tx_status also picks up a completion
 * whose interrupt went missing, so polling clients never wait for the
 * watchdog.
 *
 * Descriptors of memory operations stay allocated after their callback as
 * long as the client has not acknowledged them (DMA_CTRL_ACK clear), as
 * async_tx requires for its dependency chains; they are freed at the next
 * prep on the channel once acknowledged, or when the channel is released.
 * Unmap data is released when the hardware completes a descriptor, before
 * its callback, and dependent operations are run once the callback has
 * returned.
 *
 * The device may be unbound while clients hold channels: remove stops the
 * hardware and frees every descriptor, later calls on the channels fail
 * or do nothing, and the driver structure lives until the core's
 * device_release callback.
 *
 * Channel choice: the memory-to-memory capabilities are meant for the
 * public pool that async_tx draws from, so a device is public unless the
 * board says ``sgdma,private`` or the device can only do slave transfers.
 * While dmaengine_get() users (async_tx) hold a public device's channels,
 * none of them can be requested exclusively: exclusive users such as
 * dmatest or slave clients want a private instance.
 */

#include <linux/bitfield.h>
#include <linux/debugfs.h>
#include <linux/dma-mapping.h>
#include <linux/dmaengine.h>
#include <linux/dmapool.h>
#include <linux/interrupt.h>
#include <linux/iopoll.h>
#include <linux/log2.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/regmap.h>
#include <linux/scatterlist.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/timer.h>

#include "../dmaengine.h"
#include "../virt-dma.h"
#include "sgdma-regs.h"

#define SGDMA_DRV_NAME		"sgdma"
/* Hardware descriptors per transfer */
#define SGDMA_MAX_LLIS		1024
/* Beats per burst of memory-to-memory copies */
#define SGDMA_MEM_BURST		16
/* Failed cookies remembered per channel for tx_status */
#define SGDMA_FAILED_COOKIES	16
#define SGDMA_TIMEOUT_MS	1000
#define SGDMA_IDLE_TIMEOUT_US	(1000 * USEC_PER_MSEC)
#define SGDMA_NO_LINE		U32_MAX
/* Widest bus width the capability masks can express */
#define SGDMA_MAX_WIDTH		DMA_SLAVE_BUSWIDTH_16_BYTES

/**
 * struct sgdma_seg - one hardware descriptor of a transfer
 * @lli: the descriptor, in coherent memory
 * @lli_phys: its bus address
 * @srcs: source table (XOR and PQ opcodes), or NULL
 * @srcs_phys: its bus address
 * @len: bytes the descriptor moves
 */
struct sgdma_seg {
	struct sgdma_lli *lli;
	dma_addr_t lli_phys;
	struct sgdma_lli_src *srcs;
	dma_addr_t srcs_phys;
	u32 len;
};

/**
 * struct sgdma_desc - one transfer
 * @vd: the virt-dma descriptor
 * @park: link in &sgdma_chan.parked (under the channel lock)
 * @dir: DMA_MEM_TO_MEM for memory operations, else the slave direction
 * @req_line: request line pacing a slave transfer, or SGDMA_NO_LINE
 * @len: bytes the transfer moves
 * @completed: the hardware finished it (with any result)
 * @check: where xor_val and pq_val report mismatches, or NULL
 * @check_mask: SUM_CHECK_* bits this transfer verifies
 * @meta: sideband metadata buffer (slave transfers), or NULL
 * @meta_phys: its bus address
 * @meta_len: metadata bytes to send, or received
 * @client_meta: client buffer receiving metadata (DESC_METADATA_CLIENT)
 * @client_meta_len: its size
 * @nr_segs: entries in @segs
 * @segs: the hardware descriptors, linked in order
 */
struct sgdma_desc {
	struct virt_dma_desc vd;
	struct list_head park;
	enum dma_transfer_direction dir;
	u32 req_line;
	size_t len;
	bool completed;
	enum sum_check_flags *check;
	enum sum_check_flags check_mask;
	void *meta;
	dma_addr_t meta_phys;
	size_t meta_len;
	void *client_meta;
	size_t client_meta_len;
	unsigned int nr_segs;
	struct sgdma_seg segs[] __counted_by(nr_segs);
};

/**
 * struct sgdma_chan - one channel
 * @vc: the virt-dma channel; @vc.lock is the channel lock
 * @sd: the device
 * @id: channel number
 * @irq: its interrupt
 * @watchdog: stall and lost-interrupt detector, armed while busy
 * @active: transfer the hardware runs, or NULL
 * @cfg: slave configuration
 * @configured: @cfg was set
 * @paused: CH_CTRL_PAUSE is set
 * @aborting: the watchdog aborted @active and waits for the hardware
 * @removed: the device is gone; the registers must not be touched
 * @req_line: request line given by the slave map, or SGDMA_NO_LINE
 * @starts: transfers started
 * @wd_mark: progress seen by the last watchdog run
 * @lost_irqs: completions found without their interrupt
 * @timeouts: transfers aborted by the watchdog
 * @failures: transfers completed with an error result
 * @failed: the last failed cookies, for tx_status
 * @failed_next: next slot of @failed
 * @parked: completed memory transfers not yet acknowledged by the client
 */
struct sgdma_chan {
	struct virt_dma_chan vc;
	struct sgdma *sd;
	unsigned int id;
	int irq;
	struct timer_list watchdog;

	struct sgdma_desc *active;		/* under vc.lock */
	struct dma_slave_config cfg;		/* under vc.lock */
	bool configured;			/* under vc.lock */
	bool paused;				/* under vc.lock */
	bool aborting;				/* under vc.lock */
	bool removed;				/* under vc.lock */
	u32 req_line;				/* under vc.lock */
	unsigned long starts;			/* under vc.lock */
	u64 wd_mark;				/* under vc.lock */
	unsigned long lost_irqs;		/* under vc.lock */
	unsigned long timeouts;			/* under vc.lock */
	unsigned long failures;			/* under vc.lock */
	dma_cookie_t failed[SGDMA_FAILED_COOKIES];	/* under vc.lock */
	unsigned int failed_next;		/* under vc.lock */
	struct list_head parked;		/* under vc.lock */
};

/**
 * struct sgdma_route - what a slave map entry stands for
 * @sd: the device
 * @line: request line of the peripheral
 */
struct sgdma_route {
	struct sgdma *sd;
	u32 line;
};

/**
 * struct sgdma - one controller
 * @dma: the DMA device
 * @dev: the platform device (a reference is held until release)
 * @regs: the register window
 * @lli_pool: hardware descriptors
 * @src_pool: XOR and PQ source tables
 * @meta_pool: slave metadata buffers, or NULL
 * @ops: SGDMA_OPS
 * @widths: SGDMA_WIDTHS
 * @max_burst: SGDMA_MAX_BURST
 * @max_seg: SGDMA_MAX_SEG
 * @max_src: sources per XOR or PQ descriptor
 * @meta_size: SGDMA_META_SIZE
 * @nr_lines: request lines in use
 * @timeout_ms: watchdog period
 * @map: slave map, @nr_map entries
 * @routes: parameters of @map
 * @nr_map: entries in @map
 * @dbg: debugfs file, or NULL
 * @nr_chans: entries in @chans
 * @chans: the channels
 */
struct sgdma {
	struct dma_device dma;
	struct device *dev;
	struct regmap *regs;
	struct dma_pool *lli_pool;
	struct dma_pool *src_pool;
	struct dma_pool *meta_pool;
	u32 ops;
	u32 widths;
	u32 max_burst;
	u32 max_seg;
	u32 max_src;
	u32 meta_size;
	u32 nr_lines;
	u32 timeout_ms;
	struct dma_slave_map *map;
	struct sgdma_route *routes;
	unsigned int nr_map;
	struct dentry *dbg;
	unsigned int nr_chans;
	struct sgdma_chan chans[] __counted_by(nr_chans);
};

/**
 * struct sgdma_raid - arguments of an XOR or PQ operation
 * @op: SGDMA_OP_* opcode
 * @ctrl: extra SGDMA_LLI_CTRL_* bits
 * @p: destination, or P
 * @q: Q
 * @src: sources
 * @coef: GF(2^8) coefficients, or NULL for XOR
 * @cnt: number of sources
 * @len: bytes per source
 * @check: mismatch report of the check opcodes
 * @check_mask: SUM_CHECK_* bits reported in @check
 */
struct sgdma_raid {
	unsigned int op;
	u32 ctrl;
	dma_addr_t p;
	dma_addr_t q;
	const dma_addr_t *src;
	const u8 *coef;
	unsigned int cnt;
	size_t len;
	enum sum_check_flags *check;
	enum sum_check_flags check_mask;
};

/**
 * struct sgdma_slave_xfer - a slave transfer being prepared
 * @dir: direction
 * @dev_addr: peripheral address
 * @width: log2 of the peripheral bus width
 * @burst: log2 of the beats per burst
 * @line: request line, or SGDMA_NO_LINE for an unpaced transfer
 */
struct sgdma_slave_xfer {
	enum dma_transfer_direction dir;
	dma_addr_t dev_addr;
	u32 width;
	u32 burst;
	u32 line;
};

static struct sgdma_chan *to_sgdma_chan(struct dma_chan *chan)
{
	return container_of(chan, struct sgdma_chan, vc.chan);
}

static struct sgdma_desc *to_sgdma_desc(struct virt_dma_desc *vd)
{
	return container_of(vd, struct sgdma_desc, vd);
}

static struct sgdma_desc *tx_to_sgdma_desc(struct dma_async_tx_descriptor *tx)
{
	return to_sgdma_desc(container_of(tx, struct virt_dma_desc, tx));
}

static struct sgdma *to_sgdma(struct dma_device *dma)
{
	return container_of(dma, struct sgdma, dma);
}

static __printf(2, 3) void sgdma_dbg(struct sgdma_chan *sc, const char *fmt,
				     ...)
{
	struct va_format vaf;
	va_list args;

	va_start(args, fmt);
	vaf.fmt = fmt;
	vaf.va = &args;
	dev_dbg(sc->sd->dev, "ch%u: %pV", sc->id, &vaf);
	va_end(args);
}

/* ---- register access ---------------------------------------------- */

static u32 sgdma_read(struct regmap *regs, unsigned int reg)
{
	unsigned int val;

	return regmap_read(regs, reg, &val) ? 0 : val;
}

static unsigned int sgdma_chan_reg(struct sgdma_chan *sc, unsigned int reg)
{
	return SGDMA_CH_BASE + sc->id * SGDMA_CH_STRIDE + reg;
}

static u32 sgdma_chan_read(struct sgdma_chan *sc, unsigned int reg)
{
	return sgdma_read(sc->sd->regs, sgdma_chan_reg(sc, reg));
}

static u64 sgdma_chan_read64(struct sgdma_chan *sc, unsigned int lo)
{
	return sgdma_chan_read(sc, lo) |
	       (u64)sgdma_chan_read(sc, lo + 4) << 32;
}

static void sgdma_chan_write(struct sgdma_chan *sc, unsigned int reg, u32 val)
{
	regmap_write(sc->sd->regs, sgdma_chan_reg(sc, reg), val);
}

/* ---- descriptors -------------------------------------------------- */

static void sgdma_desc_destroy(struct sgdma *sd, struct sgdma_desc *d)
{
	struct sgdma_seg *seg;
	unsigned int i;

	for (i = 0; i < d->nr_segs; i++) {
		seg = &d->segs[i];
		if (seg->lli)
			dma_pool_free(sd->lli_pool, seg->lli, seg->lli_phys);
		if (seg->srcs)
			dma_pool_free(sd->src_pool, seg->srcs, seg->srcs_phys);
	}
	if (d->meta)
		dma_pool_free(sd->meta_pool, d->meta, d->meta_phys);
	kfree(d);
}

/* Free the parked transfers the client has acknowledged (or all of them). */
static void sgdma_reap(struct sgdma_chan *sc, bool all)
{
	struct sgdma_desc *d, *tmp;
	unsigned long flags;
	LIST_HEAD(done);

	spin_lock_irqsave(&sc->vc.lock, flags);
	list_for_each_entry_safe(d, tmp, &sc->parked, park) {
		if (all || async_tx_test_ack(&d->vd.tx))
			list_move_tail(&d->park, &done);
	}
	spin_unlock_irqrestore(&sc->vc.lock, flags);

	list_for_each_entry_safe(d, tmp, &done, park)
		sgdma_desc_destroy(sc->sd, d);
}

/* virt-dma's desc_free hook: the transfer is off every list. */
static void sgdma_vdesc_free(struct virt_dma_desc *vd)
{
	struct sgdma_chan *sc = to_sgdma_chan(vd->tx.chan);
	struct sgdma_desc *d = to_sgdma_desc(vd);
	unsigned long flags;

	dma_descriptor_unmap(&vd->tx);
	if (d->completed)
		dma_run_dependencies(&vd->tx);
	if (d->completed && d->dir == DMA_MEM_TO_MEM &&
	    !async_tx_test_ack(&vd->tx)) {
		/* async_tx may still look at it: keep it until acked */
		spin_lock_irqsave(&sc->vc.lock, flags);
		list_add_tail(&d->park, &sc->parked);
		spin_unlock_irqrestore(&sc->vc.lock, flags);
		return;
	}
	sgdma_desc_destroy(sc->sd, d);
}

static struct sgdma_desc *sgdma_desc_alloc(struct sgdma_chan *sc,
					   unsigned int nr, bool tables)
{
	struct sgdma *sd = sc->sd;
	struct sgdma_seg *seg;
	struct sgdma_desc *d;
	unsigned int i;

	sgdma_reap(sc, false);
	d = kzalloc(struct_size(d, segs, nr), GFP_NOWAIT);
	if (!d)
		return NULL;
	d->nr_segs = nr;
	d->req_line = SGDMA_NO_LINE;
	for (i = 0; i < nr; i++) {
		seg = &d->segs[i];
		seg->lli = dma_pool_zalloc(sd->lli_pool, GFP_NOWAIT,
					   &seg->lli_phys);
		if (!seg->lli)
			goto fail;
		if (tables) {
			seg->srcs = dma_pool_zalloc(sd->src_pool, GFP_NOWAIT,
						    &seg->srcs_phys);
			if (!seg->srcs)
				goto fail;
		}
		if (i)
			d->segs[i - 1].lli->next = cpu_to_le64(seg->lli_phys);
	}
	return d;

fail:
	sgdma_dbg(sc, "out of descriptor memory\n");
	sgdma_desc_destroy(sd, d);
	return NULL;
}

static void sgdma_seg_fill(struct sgdma_seg *seg, u32 ctrl, u32 len, u64 src,
			   u64 dst, u64 dst2)
{
	seg->len = len;
	seg->lli->ctrl = cpu_to_le32(ctrl);
	seg->lli->len = cpu_to_le32(len);
	seg->lli->src = cpu_to_le64(src);
	seg->lli->dst = cpu_to_le64(dst);
	seg->lli->dst2 = cpu_to_le64(dst2);
}

/* Hand a filled transfer to virt-dma; the last descriptor interrupts. */
static struct dma_async_tx_descriptor *
sgdma_desc_prep(struct sgdma_chan *sc, struct sgdma_desc *d,
		enum dma_transfer_direction dir, size_t len, unsigned long flags)
{
	struct sgdma_lli *last = d->segs[d->nr_segs - 1].lli;

	last->ctrl |= cpu_to_le32(SGDMA_LLI_CTRL_IRQ);
	d->dir = dir;
	d->len = len;
	return vchan_tx_prep(&sc->vc, &d->vd, flags);
}

/* ---- validation --------------------------------------------------- */

/* Whether @len bytes fit one transfer; @nr receives the descriptor count. */
static bool sgdma_check_len(struct sgdma_chan *sc, size_t len,
			    unsigned int *nr)
{
	if (READ_ONCE(sc->removed))
		return false;
	if (!len) {
		sgdma_dbg(sc, "zero-length transfer\n");
		return false;
	}
	if (DIV_ROUND_UP(len, sc->sd->max_seg) > SGDMA_MAX_LLIS) {
		sgdma_dbg(sc, "%zu bytes need more than %u descriptors\n", len,
			  SGDMA_MAX_LLIS);
		return false;
	}
	*nr = DIV_ROUND_UP(len, sc->sd->max_seg);
	return true;
}

static bool sgdma_check_align(struct sgdma_chan *sc,
			      enum dmaengine_alignment align, dma_addr_t addr,
			      size_t len)
{
	if (dmaengine_check_align(align, addr, 0, len))
		return true;
	sgdma_dbg(sc, "address %pad or length %zu not %u-byte aligned\n",
		  &addr, len, 1U << align);
	return false;
}

/* Largest bus width (log2) supported, at most @max, that @addr fits. */
static u32 sgdma_mem_width(struct sgdma *sd, u64 addr, u32 max)
{
	u32 w;

	for (w = ilog2(max); w > 0; w--) {
		if (sd->widths & BIT(w) && IS_ALIGNED(addr, BIT(w)))
			return w;
	}
	return sd->widths & BIT(0) ? 0 : __ffs(sd->widths);
}

static u32 sgdma_mem_ctrl(struct sgdma *sd, unsigned int op, u64 src, u64 dst,
			  size_t len)
{
	u32 width = sgdma_mem_width(sd, src | dst | len, 8);
	u32 burst = min(SGDMA_MEM_BURST, sd->max_burst);

	return FIELD_PREP(SGDMA_LLI_CTRL_OP, op) |
	       FIELD_PREP(SGDMA_LLI_CTRL_SRC_WIDTH, width) |
	       FIELD_PREP(SGDMA_LLI_CTRL_DST_WIDTH, width) |
	       FIELD_PREP(SGDMA_LLI_CTRL_BURST, ilog2(burst));
}

/* ---- memory operations -------------------------------------------- */

static struct dma_async_tx_descriptor *
sgdma_prep_memcpy(struct dma_chan *chan, dma_addr_t dst, dma_addr_t src,
		  size_t len, unsigned long flags)
{
	struct sgdma_chan *sc = to_sgdma_chan(chan);
	struct sgdma *sd = sc->sd;
	struct sgdma_desc *d;
	unsigned int i, nr;
	size_t off = 0;
	u32 ctrl, n;

	if (!sgdma_check_len(sc, len, &nr) ||
	    !sgdma_check_align(sc, sd->dma.copy_align, src | dst, len))
		return NULL;
	d = sgdma_desc_alloc(sc, nr, false);
	if (!d)
		return NULL;
	ctrl = sgdma_mem_ctrl(sd, SGDMA_OP_COPY, src, dst, len);
	for (i = 0; i < nr; i++, off += n) {
		n = min_t(size_t, len - off, sd->max_seg);
		sgdma_seg_fill(&d->segs[i], ctrl, n, src + off, dst + off, 0);
	}
	return sgdma_desc_prep(sc, d, DMA_MEM_TO_MEM, len, flags);
}

static struct dma_async_tx_descriptor *
sgdma_prep_memset(struct dma_chan *chan, dma_addr_t dst, int value,
		  size_t len, unsigned long flags)
{
	struct sgdma_chan *sc = to_sgdma_chan(chan);
	u64 pattern = (u8)value * 0x0101010101010101ULL;
	struct sgdma *sd = sc->sd;
	struct sgdma_desc *d;
	unsigned int i, nr;
	size_t off = 0;
	u32 ctrl, n;

	if (!sgdma_check_len(sc, len, &nr) ||
	    !sgdma_check_align(sc, sd->dma.fill_align, dst, len))
		return NULL;
	d = sgdma_desc_alloc(sc, nr, false);
	if (!d)
		return NULL;
	ctrl = FIELD_PREP(SGDMA_LLI_CTRL_OP, SGDMA_OP_FILL);
	for (i = 0; i < nr; i++, off += n) {
		n = min_t(size_t, len - off, sd->max_seg);
		sgdma_seg_fill(&d->segs[i], ctrl, n, pattern, dst + off, 0);
	}
	return sgdma_desc_prep(sc, d, DMA_MEM_TO_MEM, len, flags);
}

static struct dma_async_tx_descriptor *
sgdma_prep_interrupt(struct dma_chan *chan, unsigned long flags)
{
	struct sgdma_chan *sc = to_sgdma_chan(chan);
	struct sgdma_desc *d;

	if (READ_ONCE(sc->removed))
		return NULL;
	d = sgdma_desc_alloc(sc, 1, false);
	if (!d)
		return NULL;
	sgdma_seg_fill(&d->segs[0], FIELD_PREP(SGDMA_LLI_CTRL_OP, SGDMA_OP_NOP),
		       0, 0, 0, 0);
	return sgdma_desc_prep(sc, d, DMA_MEM_TO_MEM, 0, flags);
}

/* Which of P (or the XOR destination) and Q an operation writes or reads. */
static bool sgdma_raid_has_p(const struct sgdma_raid *r)
{
	if (r->op == SGDMA_OP_XOR)
		return true;
	return r->op != SGDMA_OP_XOR_CHECK && !(r->ctrl & SGDMA_LLI_CTRL_NO_P);
}

static bool sgdma_raid_has_q(const struct sgdma_raid *r)
{
	return (r->op == SGDMA_OP_PQ || r->op == SGDMA_OP_PQ_CHECK) &&
	       !(r->ctrl & SGDMA_LLI_CTRL_NO_Q);
}

static bool sgdma_raid_ok(struct sgdma_chan *sc, const struct sgdma_raid *r,
			  unsigned int *nr)
{
	enum dmaengine_alignment align = sc->sd->dma.xor_align;
	u64 addrs = 0;
	unsigned int i;

	if (!sgdma_check_len(sc, r->len, nr))
		return false;
	if (!r->src || !r->cnt || r->cnt > sc->sd->max_src) {
		sgdma_dbg(sc, "%u sources, 1 to %u supported\n", r->cnt,
			  sc->sd->max_src);
		return false;
	}
	if (r->coef)
		align = sc->sd->dma.pq_align;
	for (i = 0; i < r->cnt; i++)
		addrs |= r->src[i];
	if (sgdma_raid_has_p(r))
		addrs |= r->p;
	if (sgdma_raid_has_q(r))
		addrs |= r->q;
	return sgdma_check_align(sc, align, addrs, r->len);
}

static void sgdma_seg_srcs(struct sgdma_seg *seg, const struct sgdma_raid *r,
			   size_t off)
{
	unsigned int i;

	for (i = 0; i < r->cnt; i++) {
		seg->srcs[i].addr = cpu_to_le64(r->src[i] + off);
		seg->srcs[i].coef = cpu_to_le32(r->coef ? r->coef[i] : 0);
	}
}

static struct dma_async_tx_descriptor *
sgdma_prep_raid(struct sgdma_chan *sc, const struct sgdma_raid *r,
		unsigned long flags)
{
	u64 p = sgdma_raid_has_p(r) ? r->p : 0;
	u64 q = sgdma_raid_has_q(r) ? r->q : 0;
	struct sgdma *sd = sc->sd;
	struct sgdma_desc *d;
	unsigned int i, nr;
	size_t off = 0;
	u32 ctrl, n;

	if (!sgdma_raid_ok(sc, r, &nr))
		return NULL;
	d = sgdma_desc_alloc(sc, nr, true);
	if (!d)
		return NULL;
	ctrl = FIELD_PREP(SGDMA_LLI_CTRL_OP, r->op) |
	       FIELD_PREP(SGDMA_LLI_CTRL_NSRC, r->cnt) | r->ctrl;
	for (i = 0; i < nr; i++, off += n) {
		n = min_t(size_t, r->len - off, sd->max_seg);
		sgdma_seg_srcs(&d->segs[i], r, off);
		sgdma_seg_fill(&d->segs[i], ctrl, n, d->segs[i].srcs_phys,
			       p ? p + off : 0, q ? q + off : 0);
	}
	d->check = r->check;
	d->check_mask = r->check_mask;
	return sgdma_desc_prep(sc, d, DMA_MEM_TO_MEM, r->len, flags);
}

static struct dma_async_tx_descriptor *
sgdma_prep_xor(struct dma_chan *chan, dma_addr_t dst, dma_addr_t *src,
	       unsigned int src_cnt, size_t len, unsigned long flags)
{
	struct sgdma_raid r = {
		.op = SGDMA_OP_XOR,
		.p = dst,
		.src = src,
		.cnt = src_cnt,
		.len = len,
	};

	return sgdma_prep_raid(to_sgdma_chan(chan), &r, flags);
}

static struct dma_async_tx_descriptor *
sgdma_prep_xor_val(struct dma_chan *chan, dma_addr_t *src,
		   unsigned int src_cnt, size_t len,
		   enum sum_check_flags *result, unsigned long flags)
{
	struct sgdma_raid r = {
		.op = SGDMA_OP_XOR_CHECK,
		.src = src,
		.cnt = src_cnt,
		.len = len,
		.check = result,
		.check_mask = SUM_CHECK_P_RESULT,
	};

	return sgdma_prep_raid(to_sgdma_chan(chan), &r, flags);
}

/* SGDMA_LLI_CTRL_* bits for the P/Q flags of a PQ prep call. */
static u32 sgdma_pq_ctrl(unsigned long flags)
{
	u32 ctrl = 0;

	if (flags & DMA_PREP_PQ_DISABLE_P)
		ctrl |= SGDMA_LLI_CTRL_NO_P;
	if (flags & DMA_PREP_PQ_DISABLE_Q)
		ctrl |= SGDMA_LLI_CTRL_NO_Q;
	return ctrl;
}

static struct dma_async_tx_descriptor *
sgdma_prep_pq(struct dma_chan *chan, dma_addr_t *dst, dma_addr_t *src,
	      unsigned int src_cnt, const unsigned char *scf, size_t len,
	      unsigned long flags)
{
	struct sgdma_chan *sc = to_sgdma_chan(chan);
	struct sgdma_raid r = {
		.op = SGDMA_OP_PQ,
		.src = src,
		.coef = scf,
		.cnt = src_cnt,
		.len = len,
		.ctrl = sgdma_pq_ctrl(flags),
	};

	if (!dst || !scf || r.ctrl == (SGDMA_LLI_CTRL_NO_P | SGDMA_LLI_CTRL_NO_Q)) {
		sgdma_dbg(sc, "P+Q without destination or coefficients\n");
		return NULL;
	}
	r.p = dst[0];
	r.q = dst[1];
	if (flags & DMA_PREP_CONTINUE)
		r.ctrl |= SGDMA_LLI_CTRL_ACCUM;
	return sgdma_prep_raid(sc, &r, flags);
}

static struct dma_async_tx_descriptor *
sgdma_prep_pq_val(struct dma_chan *chan, dma_addr_t *pq, dma_addr_t *src,
		  unsigned int src_cnt, const unsigned char *scf, size_t len,
		  enum sum_check_flags *pqres, unsigned long flags)
{
	struct sgdma_chan *sc = to_sgdma_chan(chan);
	struct sgdma_raid r = {
		.op = SGDMA_OP_PQ_CHECK,
		.src = src,
		.coef = scf,
		.cnt = src_cnt,
		.len = len,
		.ctrl = sgdma_pq_ctrl(flags),
		.check = pqres,
	};

	if (!pq || !scf || r.ctrl == (SGDMA_LLI_CTRL_NO_P | SGDMA_LLI_CTRL_NO_Q)) {
		sgdma_dbg(sc, "P+Q check without P, Q or coefficients\n");
		return NULL;
	}
	r.p = pq[0];
	r.q = pq[1];
	if (!(r.ctrl & SGDMA_LLI_CTRL_NO_P))
		r.check_mask |= SUM_CHECK_P_RESULT;
	if (!(r.ctrl & SGDMA_LLI_CTRL_NO_Q))
		r.check_mask |= SUM_CHECK_Q_RESULT;
	return sgdma_prep_raid(sc, &r, flags);
}

/* ---- slave transfers ---------------------------------------------- */

static bool sgdma_width_ok(struct sgdma *sd, u32 bytes)
{
	return is_power_of_2(bytes) && bytes <= SGDMA_MAX_WIDTH &&
	       sd->widths & BIT(ilog2(bytes));
}

static int sgdma_config(struct dma_chan *chan, struct dma_slave_config *cfg)
{
	struct sgdma_chan *sc = to_sgdma_chan(chan);
	struct sgdma *sd = sc->sd;
	unsigned long flags;

	if ((cfg->src_addr_width && !sgdma_width_ok(sd, cfg->src_addr_width)) ||
	    (cfg->dst_addr_width && !sgdma_width_ok(sd, cfg->dst_addr_width))) {
		sgdma_dbg(sc, "bus widths %u/%u not supported\n",
			  cfg->src_addr_width, cfg->dst_addr_width);
		return -EINVAL;
	}
	if (cfg->src_maxburst > sd->max_burst ||
	    cfg->dst_maxburst > sd->max_burst) {
		sgdma_dbg(sc, "bursts %u/%u exceed %u\n", cfg->src_maxburst,
			  cfg->dst_maxburst, sd->max_burst);
		return -EINVAL;
	}
	spin_lock_irqsave(&sc->vc.lock, flags);
	sc->cfg = *cfg;
	sc->configured = true;
	spin_unlock_irqrestore(&sc->vc.lock, flags);
	return 0;
}

/* Snapshot the slave configuration and check it fits @dir. */
static bool sgdma_slave_setup(struct sgdma_chan *sc,
			      enum dma_transfer_direction dir,
			      struct sgdma_slave_xfer *x)
{
	struct dma_slave_config cfg;
	unsigned long flags;
	bool configured;
	u32 width, burst;

	if (READ_ONCE(sc->removed))
		return false;
	if (dir != DMA_MEM_TO_DEV && dir != DMA_DEV_TO_MEM) {
		sgdma_dbg(sc, "direction %s not supported\n",
			  dmaengine_get_direction_text(dir));
		return false;
	}
	spin_lock_irqsave(&sc->vc.lock, flags);
	cfg = sc->cfg;
	configured = sc->configured;
	x->line = sc->req_line;
	spin_unlock_irqrestore(&sc->vc.lock, flags);
	if (!configured) {
		sgdma_dbg(sc, "slave transfer without dmaengine_slave_config()\n");
		return false;
	}
	x->dir = dir;
	x->dev_addr = dir == DMA_MEM_TO_DEV ? cfg.dst_addr : cfg.src_addr;
	width = dir == DMA_MEM_TO_DEV ? cfg.dst_addr_width : cfg.src_addr_width;
	burst = dir == DMA_MEM_TO_DEV ? cfg.dst_maxburst : cfg.src_maxburst;
	if (!sgdma_width_ok(sc->sd, width) || !IS_ALIGNED(x->dev_addr, width)) {
		sgdma_dbg(sc, "peripheral width %u at %pad not usable\n", width,
			  &x->dev_addr);
		return false;
	}
	x->width = ilog2(width);
	x->burst = ilog2(max(burst, 1U));
	return true;
}

static bool sgdma_slave_seg_ok(struct sgdma_chan *sc,
			       const struct sgdma_slave_xfer *x, size_t len)
{
	if (!len || len > sc->sd->max_seg || !IS_ALIGNED(len, BIT(x->width))) {
		sgdma_dbg(sc, "segment of %zu bytes: not 1 to %u bytes in %u-byte units\n",
			  len, sc->sd->max_seg, 1U << x->width);
		return false;
	}
	return true;
}

static void sgdma_slave_seg(struct sgdma *sd, const struct sgdma_slave_xfer *x,
			    struct sgdma_seg *seg, dma_addr_t buf, u32 len)
{
	u32 mw = sgdma_mem_width(sd, buf | len, BIT(x->width));
	u32 ctrl = FIELD_PREP(SGDMA_LLI_CTRL_OP, SGDMA_OP_COPY) |
		   FIELD_PREP(SGDMA_LLI_CTRL_BURST, x->burst);

	if (x->line != SGDMA_NO_LINE)
		ctrl |= SGDMA_LLI_CTRL_HANDSHAKE;
	if (x->dir == DMA_MEM_TO_DEV) {
		ctrl |= SGDMA_LLI_CTRL_DST_FIXED |
			FIELD_PREP(SGDMA_LLI_CTRL_DST_WIDTH, x->width) |
			FIELD_PREP(SGDMA_LLI_CTRL_SRC_WIDTH, mw);
		sgdma_seg_fill(seg, ctrl, len, buf, x->dev_addr, 0);
	} else {
		ctrl |= SGDMA_LLI_CTRL_SRC_FIXED |
			FIELD_PREP(SGDMA_LLI_CTRL_SRC_WIDTH, x->width) |
			FIELD_PREP(SGDMA_LLI_CTRL_DST_WIDTH, mw);
		sgdma_seg_fill(seg, ctrl, len, x->dev_addr, buf, 0);
	}
}

static struct dma_descriptor_metadata_ops sgdma_metadata_ops;

/* Attach the metadata buffer and hand the slave transfer to virt-dma. */
static struct dma_async_tx_descriptor *
sgdma_slave_prep(struct sgdma_chan *sc, struct sgdma_desc *d,
		 const struct sgdma_slave_xfer *x, size_t len,
		 unsigned long flags)
{
	struct sgdma *sd = sc->sd;
	struct sgdma_lli *last = d->segs[d->nr_segs - 1].lli;

	d->req_line = x->line;
	if (sd->meta_pool) {
		d->meta = dma_pool_zalloc(sd->meta_pool, GFP_NOWAIT,
					  &d->meta_phys);
		if (!d->meta) {
			sgdma_desc_destroy(sd, d);
			return NULL;
		}
		last->meta = cpu_to_le64(d->meta_phys);
		if (x->dir == DMA_DEV_TO_MEM) {
			last->meta_len = cpu_to_le32(sd->meta_size);
			last->ctrl |= cpu_to_le32(SGDMA_LLI_CTRL_META);
		}
		d->vd.tx.metadata_ops = &sgdma_metadata_ops;
	}
	return sgdma_desc_prep(sc, d, x->dir, len, flags);
}

static struct dma_async_tx_descriptor *
sgdma_prep_slave_sg(struct dma_chan *chan, struct scatterlist *sgl,
		    unsigned int sg_len, enum dma_transfer_direction dir,
		    unsigned long flags, void *context)
{
	struct sgdma_chan *sc = to_sgdma_chan(chan);
	struct sgdma_slave_xfer x;
	struct scatterlist *sg;
	struct sgdma_desc *d;
	size_t len = 0;
	unsigned int i;

	if (!sgl || !sg_len || sg_len > SGDMA_MAX_LLIS) {
		sgdma_dbg(sc, "scatterlist of %u entries\n", sgl ? sg_len : 0);
		return NULL;
	}
	if (!sgdma_slave_setup(sc, dir, &x))
		return NULL;
	for_each_sg(sgl, sg, sg_len, i) {
		if (!sgdma_slave_seg_ok(sc, &x, sg_dma_len(sg)))
			return NULL;
		len += sg_dma_len(sg);
	}
	d = sgdma_desc_alloc(sc, sg_len, false);
	if (!d)
		return NULL;
	for_each_sg(sgl, sg, sg_len, i)
		sgdma_slave_seg(sc->sd, &x, &d->segs[i], sg_dma_address(sg),
				sg_dma_len(sg));
	return sgdma_slave_prep(sc, d, &x, len, flags);
}

static struct dma_async_tx_descriptor *
sgdma_prep_dma_vec(struct dma_chan *chan, const struct dma_vec *vecs,
		   size_t nents, enum dma_transfer_direction dir,
		   unsigned long flags)
{
	struct sgdma_chan *sc = to_sgdma_chan(chan);
	struct sgdma_slave_xfer x;
	struct sgdma_desc *d;
	size_t len = 0, i;

	if (!vecs || !nents || nents > SGDMA_MAX_LLIS) {
		sgdma_dbg(sc, "vector of %zu entries\n", vecs ? nents : 0);
		return NULL;
	}
	if (!sgdma_slave_setup(sc, dir, &x))
		return NULL;
	for (i = 0; i < nents; i++) {
		if (!sgdma_slave_seg_ok(sc, &x, vecs[i].len))
			return NULL;
		len += vecs[i].len;
	}
	d = sgdma_desc_alloc(sc, nents, false);
	if (!d)
		return NULL;
	for (i = 0; i < nents; i++)
		sgdma_slave_seg(sc->sd, &x, &d->segs[i], vecs[i].addr,
				vecs[i].len);
	return sgdma_slave_prep(sc, d, &x, len, flags);
}

/* ---- metadata ----------------------------------------------------- */

static void sgdma_meta_set_tx_len(struct sgdma_desc *d, size_t len)
{
	struct sgdma_lli *last = d->segs[d->nr_segs - 1].lli;
	u32 ctrl = le32_to_cpu(last->ctrl) & ~SGDMA_LLI_CTRL_META;

	d->meta_len = len;
	last->meta_len = cpu_to_le32(len);
	last->ctrl = cpu_to_le32(len ? ctrl | SGDMA_LLI_CTRL_META : ctrl);
}

static int sgdma_meta_attach(struct dma_async_tx_descriptor *tx, void *data,
			     size_t len)
{
	struct sgdma_desc *d = tx_to_sgdma_desc(tx);
	struct sgdma *sd = to_sgdma_chan(tx->chan)->sd;

	if (!d->meta || !data)
		return -EINVAL;
	if (d->dir == DMA_DEV_TO_MEM) {
		d->client_meta = data;
		d->client_meta_len = len;
		return 0;
	}
	if (len > sd->meta_size)
		return -EINVAL;
	memcpy(d->meta, data, len);
	sgdma_meta_set_tx_len(d, len);
	return 0;
}

static void *sgdma_meta_get_ptr(struct dma_async_tx_descriptor *tx,
				size_t *payload_len, size_t *max_len)
{
	struct sgdma_desc *d = tx_to_sgdma_desc(tx);

	if (!d->meta)
		return ERR_PTR(-EINVAL);
	*payload_len = d->meta_len;
	*max_len = to_sgdma_chan(tx->chan)->sd->meta_size;
	return d->meta;
}

static int sgdma_meta_set_len(struct dma_async_tx_descriptor *tx,
			      size_t payload_len)
{
	struct sgdma_desc *d = tx_to_sgdma_desc(tx);

	if (!d->meta || d->dir != DMA_MEM_TO_DEV ||
	    payload_len > to_sgdma_chan(tx->chan)->sd->meta_size)
		return -EINVAL;
	sgdma_meta_set_tx_len(d, payload_len);
	return 0;
}

static struct dma_descriptor_metadata_ops sgdma_metadata_ops = {
	.attach = sgdma_meta_attach,
	.get_ptr = sgdma_meta_get_ptr,
	.set_len = sgdma_meta_set_len,
};

/* ---- running transfers -------------------------------------------- */

/* Start the next issued transfer on an idle channel. */
static void sgdma_chan_start(struct sgdma_chan *sc)
{
	struct virt_dma_desc *vd;
	struct sgdma_desc *d;

	lockdep_assert_held(&sc->vc.lock);
	if (sc->active || sc->removed || sc->aborting)
		return;
	vd = vchan_next_desc(&sc->vc);
	if (!vd)
		return;
	list_del(&vd->node);
	d = to_sgdma_desc(vd);
	d->completed = false;
	sc->active = d;
	sc->starts++;
	if (d->req_line != SGDMA_NO_LINE)
		sgdma_chan_write(sc, SGDMA_CH_CFG,
				 FIELD_PREP(SGDMA_CH_CFG_REQ_LINE, d->req_line));
	sgdma_chan_write(sc, SGDMA_CH_LLI_LO, lower_32_bits(d->segs[0].lli_phys));
	sgdma_chan_write(sc, SGDMA_CH_LLI_HI, upper_32_bits(d->segs[0].lli_phys));
	sgdma_chan_write(sc, SGDMA_CH_DOORBELL, 1);
	if (!timer_pending(&sc->watchdog))
		mod_timer(&sc->watchdog,
			  jiffies + msecs_to_jiffies(sc->sd->timeout_ms));
}

/* Bytes of the running transfer @d not moved yet, read from the hardware. */
static u32 sgdma_hw_residue(struct sgdma_chan *sc, struct sgdma_desc *d)
{
	unsigned int i, tries = 3;
	u64 cur, again;
	u32 remain, residue;

	lockdep_assert_held(&sc->vc.lock);
	do {
		cur = sgdma_chan_read64(sc, SGDMA_CH_CUR_LO);
		remain = sgdma_chan_read(sc, SGDMA_CH_REMAIN);
		again = sgdma_chan_read64(sc, SGDMA_CH_CUR_LO);
	} while (cur != again && --tries);

	for (i = 0; i < d->nr_segs; i++) {
		if (d->segs[i].lli_phys == cur)
			break;
	}
	if (i == d->nr_segs)
		return d->len;
	residue = remain & SGDMA_CH_REMAIN_VALID ?
		  FIELD_GET(SGDMA_CH_REMAIN_BYTES, remain) : d->segs[i].len;
	for (i++; i < d->nr_segs; i++)
		residue += d->segs[i].len;
	return residue;
}

/* Copy what the hardware wrote back into the transfer's outputs. */
static void sgdma_desc_collect(struct sgdma_desc *d,
			       enum dmaengine_tx_result result)
{
	struct sgdma_lli *last = d->segs[d->nr_segs - 1].lli;
	u32 status = 0;
	unsigned int i;

	dma_rmb();
	if (d->check) {
		for (i = 0; i < d->nr_segs; i++)
			status |= le32_to_cpu(READ_ONCE(d->segs[i].lli->status));
		*d->check = 0;
		if (status & SGDMA_LLI_STATUS_P_BAD || result != DMA_TRANS_NOERROR)
			*d->check |= d->check_mask & SUM_CHECK_P_RESULT;
		if (status & SGDMA_LLI_STATUS_Q_BAD || result != DMA_TRANS_NOERROR)
			*d->check |= d->check_mask & SUM_CHECK_Q_RESULT;
	}
	if (d->meta && d->dir == DMA_DEV_TO_MEM) {
		status = le32_to_cpu(READ_ONCE(last->status));
		d->meta_len = result == DMA_TRANS_NOERROR ?
			      FIELD_GET(SGDMA_LLI_STATUS_META_LEN, status) : 0;
		if (d->client_meta)
			memcpy(d->client_meta, d->meta,
			       min(d->meta_len, d->client_meta_len));
	}
}

static void sgdma_note_failed(struct sgdma_chan *sc, dma_cookie_t cookie)
{
	lockdep_assert_held(&sc->vc.lock);
	sc->failures++;
	WRITE_ONCE(sc->failed[sc->failed_next], cookie);
	sc->failed_next = (sc->failed_next + 1) % SGDMA_FAILED_COOKIES;
}

static bool sgdma_cookie_failed(struct sgdma_chan *sc, dma_cookie_t cookie)
{
	unsigned int i;

	if (cookie < DMA_MIN_COOKIE)
		return false;
	for (i = 0; i < SGDMA_FAILED_COOKIES; i++) {
		if (READ_ONCE(sc->failed[i]) == cookie)
			return true;
	}
	return false;
}

/* Complete the running transfer with @result and start the next one. */
static void sgdma_chan_finish(struct sgdma_chan *sc,
			      enum dmaengine_tx_result result)
{
	struct sgdma_desc *d = sc->active;

	lockdep_assert_held(&sc->vc.lock);
	if (!d)
		return;
	sc->active = NULL;
	d->vd.tx_result.result = result;
	d->vd.tx_result.residue = result == DMA_TRANS_NOERROR ? 0 :
				  sgdma_hw_residue(sc, d);
	sgdma_desc_collect(d, result);
	if (result != DMA_TRANS_NOERROR)
		sgdma_note_failed(sc, d->vd.tx.cookie);
	d->completed = true;
	/* the client may look at the data in its callback: unmap first */
	dma_descriptor_unmap(&d->vd.tx);
	vchan_cookie_complete(&d->vd);
	sgdma_chan_start(sc);
}

static void sgdma_chan_error(struct sgdma_chan *sc)
{
	u32 err = sgdma_chan_read(sc, SGDMA_CH_ERR);
	u64 addr = sgdma_chan_read64(sc, SGDMA_CH_ERR_ADDR_LO);
	enum dmaengine_tx_result result = DMA_TRANS_ABORTED;

	sgdma_chan_write(sc, SGDMA_CH_ERR, err);
	if (err & SGDMA_CH_ERR_READ)
		result = DMA_TRANS_READ_FAILED;
	else if (err & SGDMA_CH_ERR_WRITE)
		result = DMA_TRANS_WRITE_FAILED;
	dev_warn_ratelimited(sc->sd->dev, "ch%u: %s error at %#llx\n", sc->id,
			     err & SGDMA_CH_ERR_DESC ? "descriptor" :
			     err & SGDMA_CH_ERR_READ ? "read" : "write", addr);
	sgdma_chan_finish(sc, result);
}

/*
 * Acknowledge and handle the channel's pending interrupt causes.
 * Context: caller holds @sc->vc.lock.
 * Return: true when there was something to handle.
 */
static bool sgdma_chan_service(struct sgdma_chan *sc)
{
	u32 status;

	lockdep_assert_held(&sc->vc.lock);
	if (sc->removed)
		return false;
	status = sgdma_chan_read(sc, SGDMA_CH_INT_STATUS);
	if (!status)
		return false;
	sgdma_chan_write(sc, SGDMA_CH_INT_CLEAR, status);
	if (status & SGDMA_CH_INT_ERROR)
		sgdma_chan_error(sc);
	else if (status & SGDMA_CH_INT_DONE)
		sgdma_chan_finish(sc, DMA_TRANS_NOERROR);
	return true;
}

static irqreturn_t sgdma_irq(int irq, void *data)
{
	struct sgdma_chan *sc = data;
	bool handled;

	spin_lock(&sc->vc.lock);
	handled = sgdma_chan_service(sc);
	spin_unlock(&sc->vc.lock);
	return IRQ_RETVAL(handled);
}

static bool sgdma_chan_busy(struct sgdma_chan *sc)
{
	return sgdma_chan_read(sc, SGDMA_CH_STATUS) & SGDMA_CH_STATUS_BUSY;
}

/* Abort the hardware and forget its pending interrupt causes. */
static void sgdma_chan_abort(struct sgdma_chan *sc)
{
	lockdep_assert_held(&sc->vc.lock);
	sgdma_chan_write(sc, SGDMA_CH_CTRL, SGDMA_CH_CTRL_ABORT);
	sgdma_chan_write(sc, SGDMA_CH_INT_CLEAR, SGDMA_CH_INT_ALL);
	sgdma_chan_write(sc, SGDMA_CH_ERR, SGDMA_CH_ERR_ALL);
	sc->paused = false;
}

/* The hardware made no progress for a whole watchdog period. */
static void sgdma_chan_timeout(struct sgdma_chan *sc)
{
	lockdep_assert_held(&sc->vc.lock);
	if (!sc->aborting) {
		dev_err(sc->sd->dev, "ch%u: transfer stalled, aborting it\n",
			sc->id);
		sc->timeouts++;
		sgdma_chan_abort(sc);
		sc->aborting = true;
	}
	/* a chunk still in flight may land in the buffers: wait for it */
	if (sgdma_chan_busy(sc))
		return;
	sc->aborting = false;
	sgdma_chan_finish(sc, DMA_TRANS_ABORTED);
}

/* A value that changes whenever the channel makes progress. */
static u64 sgdma_chan_progress(struct sgdma_chan *sc)
{
	u32 state = FIELD_GET(SGDMA_CH_STATUS_STATE,
			      sgdma_chan_read(sc, SGDMA_CH_STATUS));

	if (state == SGDMA_STATE_WAIT || state == SGDMA_STATE_PAUSED)
		return 0;		/* waiting for someone else: not stuck */
	return (u64)sc->starts << 48 ^
	       (u64)sgdma_chan_read(sc, SGDMA_CH_LLI_COUNT) << 32 ^
	       sgdma_chan_read(sc, SGDMA_CH_REMAIN) ^
	       sgdma_chan_read(sc, SGDMA_CH_CUR_LO);
}

static void sgdma_watchdog(struct timer_list *t)
{
	struct sgdma_chan *sc = from_timer(sc, t, watchdog);
	unsigned long flags;
	u64 mark;

	spin_lock_irqsave(&sc->vc.lock, flags);
	if (!sc->active || sc->removed)
		goto out;
	if (sgdma_chan_service(sc)) {
		sc->lost_irqs++;
		dev_warn_ratelimited(sc->sd->dev,
				     "ch%u: completion without interrupt\n",
				     sc->id);
	} else if (sc->aborting) {
		sgdma_chan_timeout(sc);
	} else if (!sc->paused) {
		mark = sgdma_chan_progress(sc);
		if (mark && mark == sc->wd_mark)
			sgdma_chan_timeout(sc);
		sc->wd_mark = mark;
	}
	if (sc->active)
		mod_timer(&sc->watchdog,
			  jiffies + msecs_to_jiffies(sc->sd->timeout_ms));
out:
	spin_unlock_irqrestore(&sc->vc.lock, flags);
}

/* ---- channel operations ------------------------------------------- */

static void sgdma_issue_pending(struct dma_chan *chan)
{
	struct sgdma_chan *sc = to_sgdma_chan(chan);
	unsigned long flags;

	spin_lock_irqsave(&sc->vc.lock, flags);
	if (vchan_issue_pending(&sc->vc))
		sgdma_chan_start(sc);
	spin_unlock_irqrestore(&sc->vc.lock, flags);
}

static enum dma_status sgdma_tx_status(struct dma_chan *chan,
				       dma_cookie_t cookie,
				       struct dma_tx_state *state)
{
	struct sgdma_chan *sc = to_sgdma_chan(chan);
	struct virt_dma_desc *queued;
	enum dma_status status;
	unsigned long flags;
	u32 left = 0;

	status = dma_cookie_status(chan, cookie, state);
	if (status == DMA_COMPLETE)
		return sgdma_cookie_failed(sc, cookie) ? DMA_ERROR : status;

	spin_lock_irqsave(&sc->vc.lock, flags);
	/* a poller must not wait for a completion whose interrupt got lost */
	if (sgdma_chan_service(sc))
		status = dma_cookie_status(chan, cookie, state);
	if (status != DMA_COMPLETE) {
		if (sc->active && sc->active->vd.tx.cookie == cookie) {
			if (!sc->removed)
				left = sgdma_hw_residue(sc, sc->active);
			if (sc->paused)
				status = DMA_PAUSED;
		} else {
			queued = vchan_find_desc(&sc->vc, cookie);
			if (queued)
				left = to_sgdma_desc(queued)->len;
		}
	}
	spin_unlock_irqrestore(&sc->vc.lock, flags);

	if (status == DMA_COMPLETE)
		return sgdma_cookie_failed(sc, cookie) ? DMA_ERROR : status;
	dma_set_residue(state, left);
	return status;
}

static int sgdma_pause(struct dma_chan *chan)
{
	struct sgdma_chan *sc = to_sgdma_chan(chan);
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&sc->vc.lock, flags);
	if (!sc->active || sc->removed) {
		sgdma_dbg(sc, "pause: no transfer running\n");
		ret = -EINVAL;
	} else if (!sc->paused) {
		sgdma_chan_write(sc, SGDMA_CH_CTRL, SGDMA_CH_CTRL_PAUSE);
		sc->paused = true;
	}
	spin_unlock_irqrestore(&sc->vc.lock, flags);
	return ret;
}

static int sgdma_resume(struct dma_chan *chan)
{
	struct sgdma_chan *sc = to_sgdma_chan(chan);
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&sc->vc.lock, flags);
	if (!sc->paused || sc->removed) {
		sgdma_dbg(sc, "resume: channel not paused\n");
		ret = -EINVAL;
	} else {
		sgdma_chan_write(sc, SGDMA_CH_CTRL, 0);
		sc->paused = false;
	}
	spin_unlock_irqrestore(&sc->vc.lock, flags);
	return ret;
}

static int sgdma_terminate_all(struct dma_chan *chan)
{
	struct sgdma_chan *sc = to_sgdma_chan(chan);
	unsigned long flags;
	LIST_HEAD(head);

	spin_lock_irqsave(&sc->vc.lock, flags);
	if (!sc->removed)
		sgdma_chan_abort(sc);
	sc->aborting = false;
	if (sc->active) {
		vchan_terminate_vdesc(&sc->active->vd);
		sc->active = NULL;
	}
	vchan_get_all_descriptors(&sc->vc, &head);
	spin_unlock_irqrestore(&sc->vc.lock, flags);

	vchan_dma_desc_free_list(&sc->vc, &head);
	return 0;
}

static bool sgdma_chan_quiet(struct sgdma_chan *sc)
{
	unsigned long flags;
	bool quiet;

	spin_lock_irqsave(&sc->vc.lock, flags);
	quiet = sc->removed || !sgdma_chan_busy(sc);
	spin_unlock_irqrestore(&sc->vc.lock, flags);
	return quiet;
}

static void sgdma_synchronize(struct dma_chan *chan)
{
	struct sgdma_chan *sc = to_sgdma_chan(chan);
	bool quiet;

	/* an aborted chunk in flight may still land: wait for it */
	if (read_poll_timeout(sgdma_chan_quiet, quiet, quiet, 100,
			      SGDMA_IDLE_TIMEOUT_US, false, sc))
		dev_err(sc->sd->dev, "ch%u: still busy after abort\n", sc->id);
	vchan_synchronize(&sc->vc);
}

static int sgdma_alloc_chan_resources(struct dma_chan *chan)
{
	struct sgdma_chan *sc = to_sgdma_chan(chan);
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&sc->vc.lock, flags);
	if (sc->removed)
		ret = -ENODEV;
	memset(sc->failed, 0, sizeof(sc->failed));
	spin_unlock_irqrestore(&sc->vc.lock, flags);
	return ret;
}

static void sgdma_free_chan_resources(struct dma_chan *chan)
{
	struct sgdma_chan *sc = to_sgdma_chan(chan);
	unsigned long flags;

	vchan_free_chan_resources(&sc->vc);
	sgdma_reap(sc, true);
	spin_lock_irqsave(&sc->vc.lock, flags);
	memset(&sc->cfg, 0, sizeof(sc->cfg));
	sc->configured = false;
	sc->req_line = SGDMA_NO_LINE;
	spin_unlock_irqrestore(&sc->vc.lock, flags);
}

/* &dma_slave_map.fn: accept a channel of the right device for a route. */
static bool sgdma_filter(struct dma_chan *chan, void *param)
{
	struct sgdma_route *route = param;
	struct sgdma_chan *sc;
	unsigned long flags;

	if (!route || chan->device != &route->sd->dma)
		return false;
	sc = to_sgdma_chan(chan);
	spin_lock_irqsave(&sc->vc.lock, flags);
	sc->req_line = route->line;
	spin_unlock_irqrestore(&sc->vc.lock, flags);
	return true;
}

/* ---- device ------------------------------------------------------- */

#ifdef CONFIG_DEBUG_FS
static int sgdma_debugfs_show(struct seq_file *m, void *unused)
{
	struct sgdma *sd = m->private;
	struct sgdma_chan *sc;
	unsigned long flags;
	unsigned int i;

	for (i = 0; i < sd->nr_chans; i++) {
		sc = &sd->chans[i];
		spin_lock_irqsave(&sc->vc.lock, flags);
		seq_printf(m, "ch%u: %s started %lu failed %lu timeouts %lu lost_irqs %lu parked %zu\n",
			   i, sc->active ? (sc->paused ? "paused" : "busy") : "idle",
			   sc->starts, sc->failures, sc->timeouts, sc->lost_irqs,
			   list_count_nodes(&sc->parked));
		spin_unlock_irqrestore(&sc->vc.lock, flags);
	}
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(sgdma_debugfs);

static void sgdma_debugfs_add(struct sgdma *sd)
{
	if (sd->dma.dbg_dev_root)
		debugfs_create_file("sgdma", 0444, sd->dma.dbg_dev_root, sd,
				    &sgdma_debugfs_fops);
}
#else
static void sgdma_debugfs_add(struct sgdma *sd)
{
}
#endif

static void sgdma_free(struct sgdma *sd)
{
	unsigned int i;

	for (i = 0; i < sd->nr_map; i++) {
		kfree(sd->map[i].devname);
		kfree(sd->map[i].slave);
	}
	kfree(sd->map);
	kfree(sd->routes);
	put_device(sd->dev);
	kfree(sd);
}

/* &dma_device.device_release: the last channel reference is gone. */
static void sgdma_release(struct dma_device *dma)
{
	sgdma_free(to_sgdma(dma));
}

/* Stop every channel for good and free all descriptors. */
static void sgdma_quiesce(struct sgdma *sd, unsigned int nr_irqs)
{
	struct sgdma_chan *sc;
	unsigned long flags;
	unsigned int i;

	for (i = 0; i < sd->nr_chans; i++) {
		sc = &sd->chans[i];
		spin_lock_irqsave(&sc->vc.lock, flags);
		sgdma_chan_abort(sc);
		sgdma_chan_write(sc, SGDMA_CH_INT_MASK, 0);
		WRITE_ONCE(sc->removed, true);
		if (sc->active) {
			vchan_terminate_vdesc(&sc->active->vd);
			sc->active = NULL;
		}
		spin_unlock_irqrestore(&sc->vc.lock, flags);
		if (i < nr_irqs)
			free_irq(sc->irq, sc);
		timer_delete_sync(&sc->watchdog);
		tasklet_kill(&sc->vc.task);
		vchan_free_chan_resources(&sc->vc);
		sgdma_reap(sc, true);
	}
}

static int sgdma_read_hw(struct sgdma *sd)
{
	struct device *dev = sd->dev;
	u32 hwcfg, align, chans, lines;

	if (sgdma_read(sd->regs, SGDMA_ID) != SGDMA_ID_MAGIC)
		return dev_err_probe(dev, -ENODEV, "no controller behind the register window\n");
	hwcfg = sgdma_read(sd->regs, SGDMA_HWCFG);
	align = sgdma_read(sd->regs, SGDMA_ALIGN);
	chans = FIELD_GET(SGDMA_HWCFG_CHANNELS, hwcfg);
	lines = FIELD_GET(SGDMA_HWCFG_REQUESTS, hwcfg);
	sd->ops = sgdma_read(sd->regs, SGDMA_OPS);
	sd->widths = sgdma_read(sd->regs, SGDMA_WIDTHS);
	sd->max_burst = sgdma_read(sd->regs, SGDMA_MAX_BURST);
	sd->max_seg = sgdma_read(sd->regs, SGDMA_MAX_SEG);
	sd->meta_size = sgdma_read(sd->regs, SGDMA_META_SIZE);
	sd->max_src = min_t(u32, FIELD_GET(SGDMA_HWCFG_MAX_SRC, hwcfg),
			    SGDMA_MAX_SOURCES);
	sd->dma.copy_align = FIELD_GET(SGDMA_ALIGN_COPY, align);
	sd->dma.fill_align = sd->dma.copy_align;
	sd->dma.xor_align = FIELD_GET(SGDMA_ALIGN_RAID, align);
	sd->dma.pq_align = sd->dma.xor_align;
	if (sd->nr_chans > chans || !sd->max_seg || !sd->widths ||
	    !is_power_of_2(sd->max_burst))
		return dev_err_probe(dev, -EINVAL, "%u channels asked, hardware has %u\n",
				     sd->nr_chans, chans);
	if (device_property_read_u32(dev, "dma-requests", &sd->nr_lines))
		sd->nr_lines = lines;
	if (sd->nr_lines > lines)
		return dev_err_probe(dev, -EINVAL, "%u request lines asked, hardware has %u\n",
				     sd->nr_lines, lines);
	if (device_property_read_u32(dev, "sgdma,timeout-ms", &sd->timeout_ms) ||
	    !sd->timeout_ms)
		sd->timeout_ms = SGDMA_TIMEOUT_MS;
	return dma_set_mask_and_coherent(dev,
			DMA_BIT_MASK(FIELD_GET(SGDMA_HWCFG_ADDR_BITS, hwcfg)));
}

static int sgdma_parse_route(struct sgdma *sd, struct fwnode_handle *node,
			     unsigned int i)
{
	const char *consumer, *name;
	u32 line;

	if (fwnode_property_read_string(node, "sgdma,consumer", &consumer) ||
	    fwnode_property_read_string(node, "sgdma,dma-name", &name) ||
	    fwnode_property_read_u32(node, "sgdma,request-line", &line) ||
	    line >= sd->nr_lines)
		return dev_err_probe(sd->dev, -EINVAL, "bad slave route %pfwP\n",
				     node);
	sd->routes[i].sd = sd;
	sd->routes[i].line = line;
	sd->map[i].param = &sd->routes[i];
	sd->map[i].devname = kstrdup(consumer, GFP_KERNEL);
	sd->map[i].slave = kstrdup(name, GFP_KERNEL);
	if (!sd->map[i].devname || !sd->map[i].slave)
		return -ENOMEM;
	return 0;
}

/* The slave map, from one child node per route. */
static int sgdma_parse_routes(struct sgdma *sd)
{
	unsigned int n = device_get_child_node_count(sd->dev), i = 0;
	int ret;

	if (!n)
		return 0;
	sd->map = kcalloc(n, sizeof(*sd->map), GFP_KERNEL);
	sd->routes = kcalloc(n, sizeof(*sd->routes), GFP_KERNEL);
	if (!sd->map || !sd->routes)
		return -ENOMEM;
	device_for_each_child_node_scoped(sd->dev, node) {
		if (i == n)
			break;
		sd->nr_map = i + 1;
		ret = sgdma_parse_route(sd, node, i++);
		if (ret)
			return ret;
	}
	sd->dma.filter.map = sd->map;
	sd->dma.filter.mapcnt = sd->nr_map;
	sd->dma.filter.fn = sgdma_filter;
	return 0;
}

static int sgdma_create_pools(struct sgdma *sd)
{
	struct device *dev = sd->dev;
	size_t size;

	sd->lli_pool = dmam_pool_create("sgdma-lli", dev,
					sizeof(struct sgdma_lli),
					SGDMA_LLI_ALIGN, 0);
	if (!sd->lli_pool)
		return -ENOMEM;
	if (sd->ops & (SGDMA_OPS_OP(SGDMA_OP_XOR) |
		       SGDMA_OPS_OP(SGDMA_OP_XOR_CHECK) |
		       SGDMA_OPS_OP(SGDMA_OP_PQ) |
		       SGDMA_OPS_OP(SGDMA_OP_PQ_CHECK))) {
		size = sd->max_src * sizeof(struct sgdma_lli_src);
		sd->src_pool = dmam_pool_create("sgdma-src", dev, size,
						sizeof(struct sgdma_lli_src), 0);
		if (!sd->src_pool)
			return -ENOMEM;
	}
	if (sd->ops & SGDMA_OPS_HANDSHAKE && sd->meta_size) {
		sd->meta_pool = dmam_pool_create("sgdma-meta", dev,
						 sd->meta_size, 8, 0);
		if (!sd->meta_pool)
			return -ENOMEM;
	}
	return 0;
}

static void sgdma_set_raid_caps(struct sgdma *sd)
{
	struct dma_device *dma = &sd->dma;

	if (!sd->max_src)
		return;
	if (sd->ops & SGDMA_OPS_OP(SGDMA_OP_XOR)) {
		dma_cap_set(DMA_XOR, dma->cap_mask);
		dma->device_prep_dma_xor = sgdma_prep_xor;
		dma->max_xor = sd->max_src;
	}
	if (sd->ops & SGDMA_OPS_OP(SGDMA_OP_XOR_CHECK)) {
		dma_cap_set(DMA_XOR_VAL, dma->cap_mask);
		dma->device_prep_dma_xor_val = sgdma_prep_xor_val;
		dma->max_xor = sd->max_src;
	}
	/* SGDMA_LLI_CTRL_ACCUM continues P+Q natively */
	if (sd->ops & SGDMA_OPS_OP(SGDMA_OP_PQ)) {
		dma_cap_set(DMA_PQ, dma->cap_mask);
		dma->device_prep_dma_pq = sgdma_prep_pq;
		dma_set_maxpq(dma, sd->max_src, true);
	}
	if (sd->ops & SGDMA_OPS_OP(SGDMA_OP_PQ_CHECK)) {
		dma_cap_set(DMA_PQ_VAL, dma->cap_mask);
		dma->device_prep_dma_pq_val = sgdma_prep_pq_val;
		dma_set_maxpq(dma, sd->max_src, true);
	}
}

static void sgdma_set_slave_caps(struct sgdma *sd)
{
	struct dma_device *dma = &sd->dma;
	u32 widths = 0, w;

	if (!(sd->ops & SGDMA_OPS_HANDSHAKE))
		return;
	dma_cap_set(DMA_SLAVE, dma->cap_mask);
	dma->device_prep_slave_sg = sgdma_prep_slave_sg;
	dma->device_prep_peripheral_dma_vec = sgdma_prep_dma_vec;
	dma->device_config = sgdma_config;
	dma->directions = BIT(DMA_MEM_TO_DEV) | BIT(DMA_DEV_TO_MEM);
	for (w = 0; BIT(w) <= SGDMA_MAX_WIDTH; w++) {
		if (sd->widths & BIT(w))
			widths |= BIT(1U << w);
	}
	dma->src_addr_widths = widths;
	dma->dst_addr_widths = widths;
	dma->min_burst = 1;
	dma->max_burst = sd->max_burst;
	dma->max_sg_burst = SGDMA_MAX_LLIS;
	dma->descriptor_reuse = true;
	if (sd->meta_pool)
		dma->desc_metadata_modes = DESC_METADATA_CLIENT |
					   DESC_METADATA_ENGINE;
}

static void sgdma_set_caps(struct sgdma *sd)
{
	struct dma_device *dma = &sd->dma;

	dma_cap_zero(dma->cap_mask);
	if (sd->ops & SGDMA_OPS_OP(SGDMA_OP_COPY)) {
		dma_cap_set(DMA_MEMCPY, dma->cap_mask);
		dma->device_prep_dma_memcpy = sgdma_prep_memcpy;
	}
	if (sd->ops & SGDMA_OPS_OP(SGDMA_OP_FILL)) {
		dma_cap_set(DMA_MEMSET, dma->cap_mask);
		dma->device_prep_dma_memset = sgdma_prep_memset;
	}
	if (sd->ops & SGDMA_OPS_OP(SGDMA_OP_NOP)) {
		dma_cap_set(DMA_INTERRUPT, dma->cap_mask);
		dma->device_prep_dma_interrupt = sgdma_prep_interrupt;
	}
	sgdma_set_raid_caps(sd);
	sgdma_set_slave_caps(sd);
	/* slave-only devices have nothing for the public pool */
	if (device_property_read_bool(sd->dev, "sgdma,private") ||
	    !(sd->ops & GENMASK(SGDMA_OP_MAX, 0)))
		dma_cap_set(DMA_PRIVATE, dma->cap_mask);
}

static void sgdma_set_ops(struct sgdma *sd)
{
	struct dma_device *dma = &sd->dma;

	dma->dev = sd->dev;
	dma->device_alloc_chan_resources = sgdma_alloc_chan_resources;
	dma->device_free_chan_resources = sgdma_free_chan_resources;
	dma->device_tx_status = sgdma_tx_status;
	dma->device_issue_pending = sgdma_issue_pending;
	dma->device_pause = sgdma_pause;
	dma->device_resume = sgdma_resume;
	dma->device_terminate_all = sgdma_terminate_all;
	dma->device_synchronize = sgdma_synchronize;
	dma->device_release = sgdma_release;
	dma->residue_granularity = DMA_RESIDUE_GRANULARITY_BURST;
	INIT_LIST_HEAD(&dma->channels);
}

/* Set up the channels and request their interrupts; returns how many. */
static int sgdma_init_chans(struct sgdma *sd, struct platform_device *pdev,
			    unsigned int *nr_irqs)
{
	struct sgdma_chan *sc;
	unsigned int i;
	int ret;

	for (i = 0; i < sd->nr_chans; i++) {
		sc = &sd->chans[i];
		sc->sd = sd;
		sc->id = i;
		sc->req_line = SGDMA_NO_LINE;
		INIT_LIST_HEAD(&sc->parked);
		timer_setup(&sc->watchdog, sgdma_watchdog, 0);
		sc->vc.desc_free = sgdma_vdesc_free;
		vchan_init(&sc->vc, &sd->dma);
		spin_lock_irq(&sc->vc.lock);
		sgdma_chan_abort(sc);
		sgdma_chan_write(sc, SGDMA_CH_INT_MASK, SGDMA_CH_INT_ALL);
		spin_unlock_irq(&sc->vc.lock);
	}
	for (*nr_irqs = 0; *nr_irqs < sd->nr_chans; (*nr_irqs)++) {
		sc = &sd->chans[*nr_irqs];
		ret = platform_get_irq(pdev, sc->id);
		if (ret < 0)
			return ret;
		sc->irq = ret;
		ret = request_irq(sc->irq, sgdma_irq, 0, dev_name(sd->dev), sc);
		if (ret)
			return dev_err_probe(sd->dev, ret, "ch%u: no interrupt\n",
					     sc->id);
	}
	return 0;
}

static int sgdma_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	unsigned int nr_irqs = 0;
	struct regmap *regs;
	struct sgdma *sd;
	u32 nr_chans;
	int ret;

	regs = dev->parent ? dev_get_regmap(dev->parent, NULL) : NULL;
	if (!regs)
		return dev_err_probe(dev, -ENODEV, "no register window on the parent device\n");
	if (device_property_read_u32(dev, "dma-channels", &nr_chans))
		nr_chans = FIELD_GET(SGDMA_HWCFG_CHANNELS,
				     sgdma_read(regs, SGDMA_HWCFG));
	if (!nr_chans || nr_chans > SGDMA_MAX_CHANNELS)
		return dev_err_probe(dev, -EINVAL, "%u channels\n", nr_chans);

	sd = kzalloc(struct_size(sd, chans, nr_chans), GFP_KERNEL);
	if (!sd)
		return -ENOMEM;
	sd->nr_chans = nr_chans;
	sd->dev = get_device(dev);
	sd->regs = regs;
	ret = sgdma_read_hw(sd);
	if (ret)
		goto err_free;
	ret = sgdma_create_pools(sd);
	if (ret)
		goto err_free;
	ret = sgdma_parse_routes(sd);
	if (ret)
		goto err_free;
	dma_set_max_seg_size(dev, sd->max_seg);
	sgdma_set_ops(sd);
	sgdma_set_caps(sd);
	ret = sgdma_init_chans(sd, pdev, &nr_irqs);
	if (ret)
		goto err_chans;

	platform_set_drvdata(pdev, sd);
	ret = dma_async_device_register(&sd->dma);
	if (ret) {
		dev_err_probe(dev, ret, "cannot register the DMA device\n");
		goto err_chans;
	}
	sgdma_debugfs_add(sd);
	dev_dbg(dev, "%u channels, %u request lines, ops %#x\n", sd->nr_chans,
		sd->nr_lines, sd->ops);
	return 0;

err_chans:
	sgdma_quiesce(sd, nr_irqs);
err_free:
	sgdma_free(sd);
	return ret;
}

/*
 * The reverse of probe, with one twist: unregistering may free @sd (the
 * core calls sgdma_release() when no client holds a channel), so the
 * hardware is stopped and the interrupts are freed first.
 */
static void sgdma_remove(struct platform_device *pdev)
{
	struct sgdma *sd = platform_get_drvdata(pdev);

	sgdma_quiesce(sd, sd->nr_chans);
	dma_async_device_unregister(&sd->dma);
}

static const struct platform_device_id sgdma_ids[] = {
	{ .name = SGDMA_DRV_NAME },
	{ }
};
MODULE_DEVICE_TABLE(platform, sgdma_ids);

static struct platform_driver sgdma_driver = {
	.driver = {
		.name = SGDMA_DRV_NAME,
	},
	.id_table = sgdma_ids,
	.probe = sgdma_probe,
	.remove = sgdma_remove,
};
module_platform_driver(sgdma_driver);

MODULE_DESCRIPTION("Simulated scatter-gather DMA controller driver");
MODULE_LICENSE("GPL");
