// SPDX-License-Identifier: GPL-2.0
/*
 * Driver for the simulated cyclic and interleaved DMA controller.
 */

/**
 * DOC: Driver overview
 *
 * A platform driver for the streaming controller of cydma-regs.h.  It
 * reaches the controller through that register window only (the regmap of
 * its parent device), one interrupt per channel (its IRQ resources) and
 * the descriptors it writes into DMA-coherent memory.  Board wiring comes
 * from device properties: ``dma-channels`` and ``dma-requests``, and one
 * child node per slave route (``cydma,consumer``, ``cydma,dma-name``,
 * ``cydma,request-line``), which together make the &dma_slave_map that
 * dma_request_chan() searches.  A channel obtained through a route is
 * paced by that route's request line.
 *
 * Transfers are built on virt-dma, one descriptor chain each:
 *
 * * slave_sg: one hardware descriptor per scatterlist entry, the last one
 *   flagged EOT, next pointer zero;
 * * cyclic: one descriptor per period, each flagged IRQ, the last one
 *   flagged EOT and pointing back to the first: a ring;
 * * interleaved: a single two-dimensional descriptor (a chunk table when a
 *   frame has several chunks); with DMA_PREP_REPEAT it is flagged IRQ and
 *   EOT and points to itself.
 *
 * A channel runs one transfer at a time.  issue_pending starts the oldest
 * issued transfer on an idle channel.  While a repeated transfer runs, the
 * oldest issued transfer, if flagged DMA_PREP_LOAD_EOT, is written into
 * the next-frame register; the controller switches to it at the end of
 * the running frame, never in the middle, and the interrupt handler then
 * completes the repeated transfer.  A queued transfer without that flag
 * waits behind a repeated or cyclic one until the channel is terminated,
 * as the DMA engine documentation describes.
 *
 * Periods.  The interrupt handler reads the controller's period counter
 * and reports every period elapsed since its last look with
 * vchan_cyclic_callback(), so a late or merged interrupt loses none;
 * virt-dma turns them into callbacks (or counts them as coalesced).  A
 * repeated transfer reports each finished frame the same way, except its
 * last frame, which its completion reports.  terminate_all aborts the
 * channel and parks the running transfers with vchan_terminate_vdesc(),
 * which stops period callbacks of that run; synchronize waits until the
 * controller no longer touches memory, then for the callbacks.
 *
 * Residue is reported in whole bursts, also inside a period, from the
 * controller's position register; for a cyclic transfer it counts down to
 * the end of the ring buffer.
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

#include "../dmaengine.h"
#include "../virt-dma.h"
#include "cydma-regs.h"

#define CYDMA_DRV_NAME		"cydma"
/* Hardware descriptors per transfer: scatterlist entries, periods */
#define CYDMA_MAX_DESCS		1024
/* Failed cookies remembered per channel for tx_status */
#define CYDMA_FAILED_COOKIES	8
#define CYDMA_IDLE_TIMEOUT_US	(1000 * USEC_PER_MSEC)
#define CYDMA_NO_LINE		U32_MAX
/* Widest beat the capability masks can express */
#define CYDMA_MAX_WIDTH		DMA_SLAVE_BUSWIDTH_16_BYTES
#define CYDMA_REPEAT_FLAGS	(DMA_PREP_REPEAT | DMA_PREP_LOAD_EOT)

/**
 * enum cydma_kind - how a transfer runs
 * @CYDMA_ONCE: once, then completes (slave_sg, interleaved)
 * @CYDMA_CYCLIC: a ring of periods until terminated
 * @CYDMA_REPEAT: a repeated interleaved frame until replaced or
 *	terminated
 */
enum cydma_kind {
	CYDMA_ONCE,
	CYDMA_CYCLIC,
	CYDMA_REPEAT,
};

/**
 * struct cydma_slot - one hardware descriptor of a transfer
 * @hw: the descriptor, in coherent memory
 * @phys: its bus address
 * @len: bytes it moves
 * @off: offset of its first byte in the transfer
 */
struct cydma_slot {
	struct cydma_desc *hw;
	dma_addr_t phys;
	u32 len;
	u32 off;
};

/**
 * struct cydma_xfer - one transfer
 * @vd: the virt-dma descriptor
 * @kind: how it runs
 * @dir: its direction
 * @line: request line pacing it, or CYDMA_NO_LINE
 * @len: bytes per run through the chain (the ring, the frame)
 * @table: chunk table of a multi-chunk frame, or NULL
 * @table_phys: its bus address
 * @nr_slots: entries in @slots
 * @slots: the hardware descriptors, in chain order
 */
struct cydma_xfer {
	struct virt_dma_desc vd;
	enum cydma_kind kind;
	enum dma_transfer_direction dir;
	u32 line;
	size_t len;
	struct cydma_chunk *table;
	dma_addr_t table_phys;
	unsigned int nr_slots;
	struct cydma_slot slots[] __counted_by(nr_slots);
};

/**
 * struct cydma_chan - one channel
 * @vc: the virt-dma channel; @vc.lock is the channel lock
 * @cd: the device
 * @id: channel number
 * @irq: its interrupt
 * @active: transfer the controller runs, or NULL
 * @next: transfer armed in the next-frame register, or NULL
 * @cfg: slave configuration
 * @configured: @cfg was set
 * @paused: CH_CTRL_PAUSE is set
 * @removed: the device is gone; the registers must not be touched
 * @req_line: request line given by the slave map, or CYDMA_NO_LINE
 * @periods_seen: CH_PERIODS value already reported
 * @starts: transfers started
 * @periods: periods reported to virt-dma
 * @loads: repeated transfers replaced at a frame end
 * @failures: transfers completed with an error result
 * @failed: the last failed cookies, for tx_status
 * @failed_next: next slot of @failed
 */
struct cydma_chan {
	struct virt_dma_chan vc;
	struct cydma *cd;
	unsigned int id;
	int irq;

	struct cydma_xfer *active;		/* under vc.lock */
	struct cydma_xfer *next;		/* under vc.lock */
	struct dma_slave_config cfg;		/* under vc.lock */
	bool configured;			/* under vc.lock */
	bool paused;				/* under vc.lock */
	bool removed;				/* under vc.lock */
	u32 req_line;				/* under vc.lock */
	u32 periods_seen;			/* under vc.lock */
	unsigned long starts;			/* under vc.lock */
	unsigned long periods;			/* under vc.lock */
	unsigned long loads;			/* under vc.lock */
	unsigned long failures;			/* under vc.lock */
	dma_cookie_t failed[CYDMA_FAILED_COOKIES];	/* under vc.lock */
	unsigned int failed_next;		/* under vc.lock */
};

/**
 * struct cydma_route - what a slave map entry stands for
 * @cd: the device
 * @line: request line of the peripheral
 */
struct cydma_route {
	struct cydma *cd;
	u32 line;
};

/**
 * struct cydma - one controller
 * @dma: the DMA device
 * @dev: the platform device (a reference is held until release)
 * @regs: the register window
 * @desc_pool: hardware descriptors
 * @table_pool: chunk tables, or NULL without CYDMA_FEAT_CHUNKS
 * @features: CYDMA_FEATURES
 * @widths: CYDMA_WIDTHS
 * @max_burst: CYDMA_MAX_BURST
 * @max_chunk: CYDMA_MAX_CHUNK
 * @min_period: CYDMA_MIN_PERIOD
 * @max_frames: CYDMA_MAX_FRAMES
 * @max_gap: CYDMA_MAX_GAP
 * @max_chunks: chunks per frame (1 without CYDMA_FEAT_CHUNKS)
 * @nr_lines: request lines in use
 * @map: slave map, @nr_map entries
 * @routes: parameters of @map
 * @nr_map: entries in @map
 * @nr_chans: entries in @chans
 * @chans: the channels
 */
struct cydma {
	struct dma_device dma;
	struct device *dev;
	struct regmap *regs;
	struct dma_pool *desc_pool;
	struct dma_pool *table_pool;
	u32 features;
	u32 widths;
	u32 max_burst;
	u32 max_chunk;
	u32 min_period;
	u32 max_frames;
	u32 max_gap;
	u32 max_chunks;
	u32 nr_lines;
	struct dma_slave_map *map;
	struct cydma_route *routes;
	unsigned int nr_map;
	unsigned int nr_chans;
	struct cydma_chan chans[] __counted_by(nr_chans);
};

/**
 * struct cydma_slave - the peripheral side of a transfer being prepared
 * @dir: direction
 * @dev_addr: the peripheral's data register
 * @width: log2 of the beat width
 * @burst: log2 of the beats per request
 * @line: request line, or CYDMA_NO_LINE for an unpaced transfer
 */
struct cydma_slave {
	enum dma_transfer_direction dir;
	dma_addr_t dev_addr;
	u32 width;
	u32 burst;
	u32 line;
};

/**
 * struct cydma_block - contents of one hardware descriptor
 * @ctrl: CYDMA_DESC_CTRL_* bits
 * @frames: frames
 * @src: source bus address
 * @dst: destination bus address
 * @size: chunk bytes, single-chunk frames
 * @src_gap: source gap after that chunk
 * @dst_gap: destination gap after that chunk
 * @chunks: chunks per frame
 * @table: chunk table, when @chunks > 1
 * @len: bytes the descriptor moves
 */
struct cydma_block {
	u32 ctrl;
	u32 frames;
	u64 src;
	u64 dst;
	u32 size;
	u32 src_gap;
	u32 dst_gap;
	u32 chunks;
	u64 table;
	u32 len;
};

static struct cydma_chan *to_cydma_chan(struct dma_chan *chan)
{
	return container_of(chan, struct cydma_chan, vc.chan);
}

static struct cydma_xfer *to_cydma_xfer(struct virt_dma_desc *vd)
{
	return container_of(vd, struct cydma_xfer, vd);
}

static struct cydma *to_cydma(struct dma_device *dma)
{
	return container_of(dma, struct cydma, dma);
}

static __printf(2, 3) void cydma_dbg(struct cydma_chan *sc, const char *fmt,
				     ...)
{
	struct va_format vaf;
	va_list args;

	va_start(args, fmt);
	vaf.fmt = fmt;
	vaf.va = &args;
	dev_dbg(sc->cd->dev, "ch%u: %pV", sc->id, &vaf);
	va_end(args);
}

/* ---- register access ---------------------------------------------- */

static u32 cydma_read(struct regmap *regs, unsigned int reg)
{
	unsigned int val;

	return regmap_read(regs, reg, &val) ? 0 : val;
}

static unsigned int cydma_chan_reg(struct cydma_chan *sc, unsigned int reg)
{
	return CYDMA_CH_BASE + sc->id * CYDMA_CH_STRIDE + reg;
}

static u32 cydma_chan_read(struct cydma_chan *sc, unsigned int reg)
{
	return cydma_read(sc->cd->regs, cydma_chan_reg(sc, reg));
}

static u64 cydma_chan_read64(struct cydma_chan *sc, unsigned int lo)
{
	return cydma_chan_read(sc, lo) |
	       (u64)cydma_chan_read(sc, lo + 4) << 32;
}

static void cydma_chan_write(struct cydma_chan *sc, unsigned int reg, u32 val)
{
	regmap_write(sc->cd->regs, cydma_chan_reg(sc, reg), val);
}

/* Write a 64-bit register pair, high half last (it arms CH_NEXT). */
static void cydma_chan_write64(struct cydma_chan *sc, unsigned int lo, u64 val)
{
	cydma_chan_write(sc, lo, lower_32_bits(val));
	cydma_chan_write(sc, lo + 4, upper_32_bits(val));
}

/* ---- transfers ---------------------------------------------------- */

static void cydma_xfer_destroy(struct cydma *cd, struct cydma_xfer *x)
{
	unsigned int i;

	for (i = 0; i < x->nr_slots; i++) {
		if (x->slots[i].hw)
			dma_pool_free(cd->desc_pool, x->slots[i].hw,
				      x->slots[i].phys);
	}
	if (x->table)
		dma_pool_free(cd->table_pool, x->table, x->table_phys);
	kfree(x);
}

/* virt-dma's desc_free hook: the transfer is off every list. */
static void cydma_vdesc_free(struct virt_dma_desc *vd)
{
	struct cydma_chan *sc = to_cydma_chan(vd->tx.chan);

	cydma_xfer_destroy(sc->cd, to_cydma_xfer(vd));
}

/* A transfer of @nr descriptors, chained in order (the last ends it). */
static struct cydma_xfer *cydma_xfer_alloc(struct cydma_chan *sc,
					   unsigned int nr)
{
	struct cydma *cd = sc->cd;
	struct cydma_slot *slot;
	struct cydma_xfer *x;
	unsigned int i;

	x = kzalloc(struct_size(x, slots, nr), GFP_NOWAIT);
	if (!x)
		return NULL;
	x->nr_slots = nr;
	x->line = CYDMA_NO_LINE;
	for (i = 0; i < nr; i++) {
		slot = &x->slots[i];
		slot->hw = dma_pool_zalloc(cd->desc_pool, GFP_NOWAIT,
					   &slot->phys);
		if (!slot->hw)
			goto fail;
		if (i)
			x->slots[i - 1].hw->next = cpu_to_le64(slot->phys);
	}
	return x;

fail:
	cydma_dbg(sc, "out of descriptor memory\n");
	cydma_xfer_destroy(cd, x);
	return NULL;
}

static void cydma_slot_fill(struct cydma_xfer *x, unsigned int i,
			    const struct cydma_block *b)
{
	struct cydma_slot *slot = &x->slots[i];
	struct cydma_desc *hw = slot->hw;

	slot->len = b->len;
	slot->off = i ? x->slots[i - 1].off + x->slots[i - 1].len : 0;
	hw->ctrl = cpu_to_le32(b->ctrl);
	hw->frames = cpu_to_le32(b->frames);
	hw->src = cpu_to_le64(b->src);
	hw->dst = cpu_to_le64(b->dst);
	hw->size = cpu_to_le32(b->size);
	hw->src_gap = cpu_to_le32(b->src_gap);
	hw->dst_gap = cpu_to_le32(b->dst_gap);
	hw->chunks = cpu_to_le32(b->chunks);
	hw->table = cpu_to_le64(b->table);
}

/* Close the chain (EOT; a ring for the looping kinds), hand to virt-dma. */
static struct dma_async_tx_descriptor *
cydma_xfer_prep(struct cydma_chan *sc, struct cydma_xfer *x,
		enum cydma_kind kind, enum dma_transfer_direction dir,
		unsigned long flags)
{
	struct cydma_slot *last = &x->slots[x->nr_slots - 1];

	last->hw->ctrl |= cpu_to_le32(CYDMA_DESC_CTRL_EOT);
	if (kind != CYDMA_ONCE)
		last->hw->next = cpu_to_le64(x->slots[0].phys);
	x->kind = kind;
	x->dir = dir;
	x->len = last->off + last->len;
	return vchan_tx_prep(&sc->vc, &x->vd, flags);
}

/* ---- validation --------------------------------------------------- */

static bool cydma_width_ok(struct cydma *cd, u32 bytes)
{
	return is_power_of_2(bytes) && bytes <= CYDMA_MAX_WIDTH &&
	       cd->widths & BIT(ilog2(bytes));
}

static bool cydma_burst_ok(struct cydma *cd, u32 beats)
{
	return !beats || (is_power_of_2(beats) && beats <= cd->max_burst);
}

static int cydma_config(struct dma_chan *chan, struct dma_slave_config *cfg)
{
	struct cydma_chan *sc = to_cydma_chan(chan);
	struct cydma *cd = sc->cd;
	unsigned long flags;

	if ((cfg->src_addr_width && !cydma_width_ok(cd, cfg->src_addr_width)) ||
	    (cfg->dst_addr_width && !cydma_width_ok(cd, cfg->dst_addr_width))) {
		cydma_dbg(sc, "beat widths %u/%u not supported\n",
			  cfg->src_addr_width, cfg->dst_addr_width);
		return -EINVAL;
	}
	if (!cydma_burst_ok(cd, cfg->src_maxburst) ||
	    !cydma_burst_ok(cd, cfg->dst_maxburst)) {
		cydma_dbg(sc, "bursts %u/%u: powers of 2 up to %u supported\n",
			  cfg->src_maxburst, cfg->dst_maxburst, cd->max_burst);
		return -EINVAL;
	}
	spin_lock_irqsave(&sc->vc.lock, flags);
	sc->cfg = *cfg;
	sc->configured = true;
	spin_unlock_irqrestore(&sc->vc.lock, flags);
	return 0;
}

/* Snapshot the slave configuration and check that it serves @dir. */
static bool cydma_slave_setup(struct cydma_chan *sc,
			      enum dma_transfer_direction dir,
			      struct cydma_slave *s)
{
	struct dma_slave_config cfg;
	unsigned long flags;
	bool configured;
	u32 width, burst;

	if (READ_ONCE(sc->removed))
		return false;
	if ((dir != DMA_MEM_TO_DEV && dir != DMA_DEV_TO_MEM) ||
	    !(sc->cd->features & CYDMA_FEAT_PACED)) {
		cydma_dbg(sc, "direction %s not supported\n",
			  dmaengine_get_direction_text(dir));
		return false;
	}
	spin_lock_irqsave(&sc->vc.lock, flags);
	cfg = sc->cfg;
	configured = sc->configured;
	s->line = sc->req_line;
	spin_unlock_irqrestore(&sc->vc.lock, flags);
	if (!configured) {
		cydma_dbg(sc, "slave transfer without dmaengine_slave_config()\n");
		return false;
	}
	s->dir = dir;
	s->dev_addr = dir == DMA_MEM_TO_DEV ? cfg.dst_addr : cfg.src_addr;
	width = dir == DMA_MEM_TO_DEV ? cfg.dst_addr_width : cfg.src_addr_width;
	burst = dir == DMA_MEM_TO_DEV ? cfg.dst_maxburst : cfg.src_maxburst;
	if (!cydma_width_ok(sc->cd, width) || !IS_ALIGNED(s->dev_addr, width)) {
		cydma_dbg(sc, "%s: peripheral width %u at %pad not configured\n",
			  dmaengine_get_direction_text(dir), width, &s->dev_addr);
		return false;
	}
	s->width = ilog2(width);
	s->burst = ilog2(max(burst, 1U));
	return true;
}

/* A piece of memory for the peripheral: whole beats, one chunk at most. */
static bool cydma_slave_span_ok(struct cydma_chan *sc,
				const struct cydma_slave *s, dma_addr_t addr,
				size_t len)
{
	if (!len || len > sc->cd->max_chunk ||
	    !IS_ALIGNED(addr | len, BIT(s->width))) {
		cydma_dbg(sc, "%zu bytes at %pad: not 1 to %u bytes of whole %u-byte beats\n",
			  len, &addr, sc->cd->max_chunk, 1U << s->width);
		return false;
	}
	return true;
}

/* Only interleaved transfers repeat. */
static bool cydma_flags_ok(struct cydma_chan *sc, unsigned long flags)
{
	if (!(flags & CYDMA_REPEAT_FLAGS))
		return true;
	cydma_dbg(sc, "DMA_PREP_REPEAT/LOAD_EOT on a transfer that is not interleaved\n");
	return false;
}

/* The descriptor of @len bytes of memory at @mem and the peripheral. */
static void cydma_slave_block(const struct cydma_slave *s, dma_addr_t mem,
			      u32 len, u32 extra, struct cydma_block *b)
{
	*b = (struct cydma_block) {
		.ctrl = FIELD_PREP(CYDMA_DESC_CTRL_WIDTH, s->width) |
			FIELD_PREP(CYDMA_DESC_CTRL_BURST, s->burst) | extra,
		.frames = 1,
		.chunks = 1,
		.size = len,
		.len = len,
	};
	if (s->line != CYDMA_NO_LINE)
		b->ctrl |= CYDMA_DESC_CTRL_PACED;
	if (s->dir == DMA_MEM_TO_DEV) {
		b->ctrl |= CYDMA_DESC_CTRL_SRC_INC;
		b->src = mem;
		b->dst = s->dev_addr;
	} else {
		b->ctrl |= CYDMA_DESC_CTRL_DST_INC;
		b->src = s->dev_addr;
		b->dst = mem;
	}
}

/* ---- slave_sg and cyclic ------------------------------------------ */

static struct dma_async_tx_descriptor *
cydma_prep_slave_sg(struct dma_chan *chan, struct scatterlist *sgl,
		    unsigned int sg_len, enum dma_transfer_direction dir,
		    unsigned long flags, void *context)
{
	struct cydma_chan *sc = to_cydma_chan(chan);
	struct cydma_block b;
	struct cydma_slave s;
	struct scatterlist *sg;
	struct cydma_xfer *x;
	unsigned int i;

	if (!sgl || !sg_len || sg_len > CYDMA_MAX_DESCS) {
		cydma_dbg(sc, "scatterlist of %u entries, 1 to %u supported\n",
			  sgl ? sg_len : 0, CYDMA_MAX_DESCS);
		return NULL;
	}
	if (!cydma_flags_ok(sc, flags) || !cydma_slave_setup(sc, dir, &s))
		return NULL;
	for_each_sg(sgl, sg, sg_len, i) {
		if (!cydma_slave_span_ok(sc, &s, sg_dma_address(sg),
					 sg_dma_len(sg)))
			return NULL;
	}
	x = cydma_xfer_alloc(sc, sg_len);
	if (!x)
		return NULL;
	for_each_sg(sgl, sg, sg_len, i) {
		cydma_slave_block(&s, sg_dma_address(sg), sg_dma_len(sg), 0,
				  &b);
		cydma_slot_fill(x, i, &b);
	}
	x->line = s.line;
	return cydma_xfer_prep(sc, x, CYDMA_ONCE, dir, flags);
}

/* Ring buffer and period checks; returns the number of periods or 0. */
static unsigned int cydma_cyclic_periods(struct cydma_chan *sc,
					 const struct cydma_slave *s,
					 dma_addr_t buf, size_t buf_len,
					 size_t period_len)
{
	struct cydma *cd = sc->cd;

	if (s->line == CYDMA_NO_LINE) {
		cydma_dbg(sc, "cyclic transfer on a channel without a request line\n");
		return 0;
	}
	if (!period_len || buf_len < period_len) {
		cydma_dbg(sc, "zero periods: buffer %zu, period %zu bytes\n",
			  buf_len, period_len);
		return 0;
	}
	if (buf_len % period_len) {
		cydma_dbg(sc, "buffer of %zu bytes is not a whole number of %zu-byte periods\n",
			  buf_len, period_len);
		return 0;
	}
	if (period_len < cd->min_period || period_len > cd->max_chunk) {
		cydma_dbg(sc, "period of %zu bytes, %u to %u supported\n",
			  period_len, cd->min_period, cd->max_chunk);
		return 0;
	}
	if (buf_len / period_len > CYDMA_MAX_DESCS) {
		cydma_dbg(sc, "%zu periods, at most %u supported\n",
			  buf_len / period_len, CYDMA_MAX_DESCS);
		return 0;
	}
	if (!cydma_slave_span_ok(sc, s, buf, period_len))
		return 0;
	return buf_len / period_len;
}

static struct dma_async_tx_descriptor *
cydma_prep_cyclic(struct dma_chan *chan, dma_addr_t buf, size_t buf_len,
		  size_t period_len, enum dma_transfer_direction dir,
		  unsigned long flags)
{
	struct cydma_chan *sc = to_cydma_chan(chan);
	struct cydma_block b;
	struct cydma_slave s;
	struct cydma_xfer *x;
	unsigned int i, n;

	if (!cydma_flags_ok(sc, flags) || !cydma_slave_setup(sc, dir, &s))
		return NULL;
	n = cydma_cyclic_periods(sc, &s, buf, buf_len, period_len);
	if (!n)
		return NULL;
	x = cydma_xfer_alloc(sc, n);
	if (!x)
		return NULL;
	for (i = 0; i < n; i++) {
		cydma_slave_block(&s, buf + i * period_len, period_len,
				  CYDMA_DESC_CTRL_IRQ, &b);
		cydma_slot_fill(x, i, &b);
	}
	x->line = s.line;
	return cydma_xfer_prep(sc, x, CYDMA_CYCLIC, dir, flags);
}

/* ---- interleaved -------------------------------------------------- */

/**
 * struct cydma_plan - an interleaved template turned into one block
 * @s: the peripheral side (device directions)
 * @block: the descriptor
 * @width: beat width in bytes
 */
struct cydma_plan {
	struct cydma_slave s;
	struct cydma_block block;
	u32 width;
};

/* Whether a repeated transfer is prepared, queued or running. */
static bool cydma_chan_repeats(struct cydma_chan *sc)
{
	struct list_head *lists[] = {
		&sc->vc.desc_allocated, &sc->vc.desc_submitted,
		&sc->vc.desc_issued,
	};
	struct virt_dma_desc *vd;
	unsigned int i;

	lockdep_assert_held(&sc->vc.lock);
	if ((sc->active && sc->active->kind == CYDMA_REPEAT) ||
	    (sc->next && sc->next->kind == CYDMA_REPEAT))
		return true;
	for (i = 0; i < ARRAY_SIZE(lists); i++) {
		list_for_each_entry(vd, lists[i], node) {
			if (to_cydma_xfer(vd)->kind == CYDMA_REPEAT)
				return true;
		}
	}
	return false;
}

static bool cydma_xt_flags_ok(struct cydma_chan *sc, unsigned long flags)
{
	unsigned long irqflags;
	bool repeats;

	if (flags & CYDMA_REPEAT_FLAGS &&
	    !dma_has_cap(DMA_REPEAT, sc->cd->dma.cap_mask)) {
		cydma_dbg(sc, "repeated transfers not supported\n");
		return false;
	}
	if ((flags & CYDMA_REPEAT_FLAGS) != DMA_PREP_LOAD_EOT)
		return true;
	spin_lock_irqsave(&sc->vc.lock, irqflags);
	repeats = cydma_chan_repeats(sc);
	spin_unlock_irqrestore(&sc->vc.lock, irqflags);
	if (!repeats)
		cydma_dbg(sc, "DMA_PREP_LOAD_EOT with no repeated transfer to replace\n");
	return repeats;
}

/* Direction and peripheral side of a template; fills @p->s and width. */
static bool cydma_xt_side_ok(struct cydma_chan *sc,
			     const struct dma_interleaved_template *xt,
			     struct cydma_plan *p)
{
	bool mem_inc = xt->dir == DMA_MEM_TO_DEV ? xt->src_inc : xt->dst_inc;
	bool dev_inc = xt->dir == DMA_MEM_TO_DEV ? xt->dst_inc : xt->src_inc;

	if (xt->dir == DMA_MEM_TO_MEM) {
		if (sc->cd->features & CYDMA_FEAT_MEM)
			return true;
		cydma_dbg(sc, "memory-to-memory transfers not supported\n");
		return false;
	}
	if (!cydma_slave_setup(sc, xt->dir, &p->s))
		return false;
	if (dev_inc || !mem_inc) {
		cydma_dbg(sc, "%s: the peripheral side must stay, memory advance\n",
			  dmaengine_get_direction_text(xt->dir));
		return false;
	}
	p->width = BIT(p->s.width);
	return true;
}

/* OR of every size and effective gap of a frame, and its byte count. */
static u64 cydma_xt_bits(struct dma_interleaved_template *xt, size_t *frame)
{
	u64 bits = 0;
	size_t i;

	*frame = 0;
	for (i = 0; i < xt->frame_size; i++) {
		bits |= xt->sgl[i].size | dmaengine_get_src_icg(xt, &xt->sgl[i]) |
			dmaengine_get_dst_icg(xt, &xt->sgl[i]);
		*frame += xt->sgl[i].size;
	}
	return bits;
}

/* Widest supported beat that every address, size and gap is made of. */
static u32 cydma_mem_width(struct cydma *cd, u64 bits)
{
	int w;

	for (w = ilog2(CYDMA_MAX_WIDTH); w >= 0; w--) {
		if (cd->widths & BIT(w) && IS_ALIGNED(bits, BIT(w)))
			return BIT(w);
	}
	return 0;
}

/* Every chunk within the limits and whole beats. */
static bool cydma_xt_chunks_ok(struct cydma_chan *sc,
			       struct dma_interleaved_template *xt, u32 width)
{
	struct cydma *cd = sc->cd;
	size_t i, sg, dg;

	for (i = 0; i < xt->frame_size; i++) {
		sg = dmaengine_get_src_icg(xt, &xt->sgl[i]);
		dg = dmaengine_get_dst_icg(xt, &xt->sgl[i]);
		if (!xt->sgl[i].size || xt->sgl[i].size > cd->max_chunk) {
			cydma_dbg(sc, "chunk %zu of %zu bytes, 1 to %u supported\n",
				  i, xt->sgl[i].size, cd->max_chunk);
			return false;
		}
		if (sg > cd->max_gap || dg > cd->max_gap) {
			cydma_dbg(sc, "chunk %zu: gaps %zu/%zu, at most %u supported\n",
				  i, sg, dg, cd->max_gap);
			return false;
		}
		if (!IS_ALIGNED(xt->sgl[i].size | sg | dg, width)) {
			cydma_dbg(sc, "chunk %zu: size %zu or gaps %zu/%zu not whole %u-byte beats\n",
				  i, xt->sgl[i].size, sg, dg, width);
			return false;
		}
	}
	return true;
}

/* Template shape: frames and chunks in range, length representable. */
static bool cydma_xt_shape_ok(struct cydma_chan *sc,
			      struct dma_interleaved_template *xt)
{
	struct cydma *cd = sc->cd;

	if (!xt->numf || xt->numf > cd->max_frames) {
		cydma_dbg(sc, "%zu frames, 1 to %u supported\n", xt->numf,
			  cd->max_frames);
		return false;
	}
	if (!xt->frame_size || xt->frame_size > cd->max_chunks) {
		cydma_dbg(sc, "%zu chunks per frame, 1 to %u supported\n",
			  xt->frame_size, cd->max_chunks);
		return false;
	}
	return true;
}

static bool cydma_xt_plan(struct cydma_chan *sc,
			  struct dma_interleaved_template *xt,
			  unsigned long flags, struct cydma_plan *p)
{
	struct cydma_block *b = &p->block;
	dma_addr_t mem;
	size_t frame;
	u64 bits;

	memset(p, 0, sizeof(*p));
	if (!xt || !cydma_xt_shape_ok(sc, xt) || !cydma_xt_flags_ok(sc, flags) ||
	    !cydma_xt_side_ok(sc, xt, p))
		return false;
	bits = cydma_xt_bits(xt, &frame);
	if (xt->dir == DMA_MEM_TO_MEM) {
		p->width = cydma_mem_width(sc->cd, bits | xt->src_start |
					   xt->dst_start);
		mem = xt->src_start | xt->dst_start;
	} else {
		mem = xt->dir == DMA_MEM_TO_DEV ? xt->src_start : xt->dst_start;
	}
	if (!p->width || !IS_ALIGNED(mem, p->width)) {
		cydma_dbg(sc, "addresses, sizes and gaps fit no supported beat width\n");
		return false;
	}
	if (!cydma_xt_chunks_ok(sc, xt, p->width))
		return false;
	if ((u64)frame * xt->numf > CYDMA_DESC_MAX_BYTES) {
		cydma_dbg(sc, "%zu frames of %zu bytes is too long\n", xt->numf,
			  frame);
		return false;
	}
	b->len = frame * xt->numf;
	if (flags & DMA_PREP_REPEAT && b->len < sc->cd->min_period) {
		cydma_dbg(sc, "repeated frame of %u bytes, at least %u needed\n",
			  b->len, sc->cd->min_period);
		return false;
	}
	return true;
}

/* Fill the block of a planned template. */
static void cydma_xt_block(struct dma_interleaved_template *xt,
			   unsigned long flags, struct cydma_plan *p)
{
	struct cydma_block *b = &p->block;
	u32 len = b->len;

	if (xt->dir == DMA_MEM_TO_MEM) {
		/* unpaced: the burst field does not matter */
		b->ctrl = FIELD_PREP(CYDMA_DESC_CTRL_WIDTH, ilog2(p->width));
		if (xt->src_inc)
			b->ctrl |= CYDMA_DESC_CTRL_SRC_INC;
		if (xt->dst_inc)
			b->ctrl |= CYDMA_DESC_CTRL_DST_INC;
		b->src = xt->src_start;
		b->dst = xt->dst_start;
	} else {
		cydma_slave_block(&p->s, xt->dir == DMA_MEM_TO_DEV ?
				  xt->src_start : xt->dst_start, 0, 0, b);
	}
	b->len = len;
	b->frames = xt->numf;
	b->chunks = xt->frame_size;
	if (flags & DMA_PREP_REPEAT)
		b->ctrl |= CYDMA_DESC_CTRL_IRQ;
	if (xt->frame_size > 1) {
		b->size = 0;
		return;
	}
	b->size = xt->sgl[0].size;
	b->src_gap = dmaengine_get_src_icg(xt, &xt->sgl[0]);
	b->dst_gap = dmaengine_get_dst_icg(xt, &xt->sgl[0]);
}

/* The chunk table of a multi-chunk frame. */
static bool cydma_xt_table(struct cydma_chan *sc, struct cydma_xfer *x,
			   struct dma_interleaved_template *xt,
			   struct cydma_block *b)
{
	size_t i;

	if (xt->frame_size == 1)
		return true;
	x->table = dma_pool_zalloc(sc->cd->table_pool, GFP_NOWAIT,
				   &x->table_phys);
	if (!x->table) {
		cydma_dbg(sc, "out of chunk table memory\n");
		return false;
	}
	for (i = 0; i < xt->frame_size; i++) {
		x->table[i].size = cpu_to_le32(xt->sgl[i].size);
		x->table[i].src_gap =
			cpu_to_le32(dmaengine_get_src_icg(xt, &xt->sgl[i]));
		x->table[i].dst_gap =
			cpu_to_le32(dmaengine_get_dst_icg(xt, &xt->sgl[i]));
	}
	b->table = x->table_phys;
	return true;
}

static struct dma_async_tx_descriptor *
cydma_prep_interleaved(struct dma_chan *chan,
		       struct dma_interleaved_template *xt,
		       unsigned long flags)
{
	struct cydma_chan *sc = to_cydma_chan(chan);
	struct cydma_plan p;
	struct cydma_xfer *x;

	if (READ_ONCE(sc->removed))
		return NULL;
	if (!xt) {
		cydma_dbg(sc, "interleaved transfer without a template\n");
		return NULL;
	}
	if (!cydma_xt_plan(sc, xt, flags, &p))
		return NULL;
	cydma_xt_block(xt, flags, &p);
	x = cydma_xfer_alloc(sc, 1);
	if (!x)
		return NULL;
	if (!cydma_xt_table(sc, x, xt, &p.block)) {
		cydma_xfer_destroy(sc->cd, x);
		return NULL;
	}
	cydma_slot_fill(x, 0, &p.block);
	if (xt->dir != DMA_MEM_TO_MEM)
		x->line = p.s.line;
	return cydma_xfer_prep(sc, x, flags & DMA_PREP_REPEAT ? CYDMA_REPEAT :
				CYDMA_ONCE, xt->dir, flags);
}

/* ---- running transfers -------------------------------------------- */

static void cydma_chan_launch(struct cydma_chan *sc, struct cydma_xfer *x)
{
	lockdep_assert_held(&sc->vc.lock);
	sc->active = x;
	sc->periods_seen = 0;
	sc->starts++;
	if (x->line != CYDMA_NO_LINE)
		cydma_chan_write(sc, CYDMA_CH_CFG,
				 FIELD_PREP(CYDMA_CH_CFG_REQ_LINE, x->line));
	cydma_chan_write64(sc, CYDMA_CH_DESC_LO, x->slots[0].phys);
	cydma_chan_write(sc, CYDMA_CH_START, 1);
}

/* Put @x in the next-frame register; false if the channel stopped. */
static bool cydma_chan_arm(struct cydma_chan *sc, struct cydma_xfer *x)
{
	lockdep_assert_held(&sc->vc.lock);
	if (x->line != CYDMA_NO_LINE)
		cydma_chan_write(sc, CYDMA_CH_CFG,
				 FIELD_PREP(CYDMA_CH_CFG_REQ_LINE, x->line));
	cydma_chan_write64(sc, CYDMA_CH_NEXT_LO, x->slots[0].phys);
	if (!(cydma_chan_read(sc, CYDMA_CH_STATUS) & CYDMA_CH_STATUS_NEXT))
		return false;
	sc->next = x;
	return true;
}

/*
 * Feed the controller from the issued list: start the oldest transfer on
 * an idle channel; while a repeated transfer runs, arm the oldest one to
 * replace it if it is flagged DMA_PREP_LOAD_EOT.
 * Context: caller holds @sc->vc.lock.
 */
static void cydma_chan_feed(struct cydma_chan *sc)
{
	struct virt_dma_desc *vd;

	lockdep_assert_held(&sc->vc.lock);
	if (sc->removed)
		return;
	if (!sc->active) {
		vd = vchan_next_desc(&sc->vc);
		if (!vd)
			return;
		list_del(&vd->node);
		cydma_chan_launch(sc, to_cydma_xfer(vd));
	}
	if (sc->next || sc->active->kind != CYDMA_REPEAT)
		return;
	vd = vchan_next_desc(&sc->vc);
	if (vd && vd->tx.flags & DMA_PREP_LOAD_EOT &&
	    cydma_chan_arm(sc, to_cydma_xfer(vd)))
		list_del(&vd->node);
}

/* Bytes of the running transfer @x not moved yet in the current run. */
static u32 cydma_hw_residue(struct cydma_chan *sc, struct cydma_xfer *x)
{
	unsigned int i;
	u64 desc;
	u32 pos;

	lockdep_assert_held(&sc->vc.lock);
	pos = cydma_chan_read(sc, CYDMA_CH_POS);
	desc = cydma_chan_read64(sc, CYDMA_CH_POS_DESC_LO);
	for (i = 0; i < x->nr_slots; i++) {
		if (x->slots[i].phys == desc)
			return x->len - x->slots[i].off - min(pos, x->slots[i].len);
	}
	/* already on the transfer that replaces it: its last frame is done */
	if (sc->next && sc->next->slots[0].phys == desc)
		return 0;
	return x->len;
}

static void cydma_note_failed(struct cydma_chan *sc, dma_cookie_t cookie)
{
	lockdep_assert_held(&sc->vc.lock);
	sc->failures++;
	WRITE_ONCE(sc->failed[sc->failed_next], cookie);
	sc->failed_next = (sc->failed_next + 1) % CYDMA_FAILED_COOKIES;
}

static bool cydma_cookie_failed(struct cydma_chan *sc, dma_cookie_t cookie)
{
	unsigned int i;

	if (cookie < DMA_MIN_COOKIE)
		return false;
	for (i = 0; i < CYDMA_FAILED_COOKIES; i++) {
		if (READ_ONCE(sc->failed[i]) == cookie)
			return true;
	}
	return false;
}

/* Complete @x with @result; the caller has unhooked it from @sc. */
static void cydma_xfer_complete(struct cydma_chan *sc, struct cydma_xfer *x,
				enum dmaengine_tx_result result, u32 residue)
{
	lockdep_assert_held(&sc->vc.lock);
	x->vd.tx_result.result = result;
	x->vd.tx_result.residue = residue;
	if (result != DMA_TRANS_NOERROR)
		cydma_note_failed(sc, x->vd.tx.cookie);
	vchan_cookie_complete(&x->vd);
}

/* Report @n elapsed periods (or frames) of the running transfer. */
static void cydma_chan_note_periods(struct cydma_chan *sc, u32 n)
{
	lockdep_assert_held(&sc->vc.lock);
	if (!sc->active || sc->active->kind == CYDMA_ONCE)
		return;
	sc->periods += n;
	while (n--)
		vchan_cyclic_callback(&sc->active->vd);
}

/*
 * The controller switched to the armed transfer at a frame end.  Frames of
 * the old one up to the switch are reported, its last one by completing
 * it.  Context: caller holds @sc->vc.lock.
 */
static void cydma_chan_loaded(struct cydma_chan *sc)
{
	struct cydma_xfer *old = sc->active;
	u32 mark, frames;

	lockdep_assert_held(&sc->vc.lock);
	if (!sc->next || !old)
		return;
	mark = cydma_chan_read(sc, CYDMA_CH_LOAD_MARK);
	frames = mark - sc->periods_seen;
	if (frames)
		cydma_chan_note_periods(sc, frames - 1);
	sc->periods_seen = mark;
	sc->active = sc->next;
	sc->next = NULL;
	sc->loads++;
	cydma_xfer_complete(sc, old, DMA_TRANS_NOERROR, 0);
	cydma_chan_feed(sc);
}

static void cydma_chan_periods(struct cydma_chan *sc, bool loaded)
{
	u32 now;

	lockdep_assert_held(&sc->vc.lock);
	if (loaded)
		cydma_chan_loaded(sc);
	now = cydma_chan_read(sc, CYDMA_CH_PERIODS);
	cydma_chan_note_periods(sc, now - sc->periods_seen);
	sc->periods_seen = now;
}

/* The chain ended: complete the transfer and start the next one. */
static void cydma_chan_done(struct cydma_chan *sc)
{
	struct cydma_xfer *x = sc->active;

	lockdep_assert_held(&sc->vc.lock);
	if (!x)
		return;
	sc->active = NULL;
	cydma_xfer_complete(sc, x, DMA_TRANS_NOERROR, 0);
	cydma_chan_feed(sc);
}

/* Abort the controller and forget its pending interrupt causes. */
static void cydma_chan_abort(struct cydma_chan *sc)
{
	lockdep_assert_held(&sc->vc.lock);
	cydma_chan_write(sc, CYDMA_CH_CTRL, CYDMA_CH_CTRL_ABORT);
	cydma_chan_write(sc, CYDMA_CH_INT_CLEAR, CYDMA_CH_INT_ALL);
	cydma_chan_write(sc, CYDMA_CH_ERR, CYDMA_CH_ERR_ALL);
	sc->paused = false;
}

/* The controller halted: fail the running transfer, go on with the rest. */
static void cydma_chan_error(struct cydma_chan *sc)
{
	u32 err = cydma_chan_read(sc, CYDMA_CH_ERR);
	u64 addr = cydma_chan_read64(sc, CYDMA_CH_ERR_ADDR_LO);
	enum dmaengine_tx_result result = DMA_TRANS_ABORTED;
	struct cydma_xfer *x = sc->active;
	u32 residue;

	lockdep_assert_held(&sc->vc.lock);
	if (err & CYDMA_CH_ERR_READ)
		result = DMA_TRANS_READ_FAILED;
	else if (err & CYDMA_CH_ERR_WRITE)
		result = DMA_TRANS_WRITE_FAILED;
	dev_warn_ratelimited(sc->cd->dev, "ch%u: %s error at %#llx\n", sc->id,
			     err & CYDMA_CH_ERR_DESC ? "descriptor" :
			     err & CYDMA_CH_ERR_READ ? "read" : "write", addr);
	residue = x ? cydma_hw_residue(sc, x) : 0;
	cydma_chan_abort(sc);
	if (sc->next) {
		/* never ran: back to the head of the queue */
		list_add(&sc->next->vd.node, &sc->vc.desc_issued);
		sc->next = NULL;
	}
	if (!x)
		return;
	sc->active = NULL;
	cydma_xfer_complete(sc, x, result, residue);
	cydma_chan_feed(sc);
}

/*
 * Acknowledge and handle the channel's pending interrupt causes.
 * Context: caller holds @sc->vc.lock.
 * Return: true when there was something to handle.
 */
static bool cydma_chan_service(struct cydma_chan *sc)
{
	u32 status;

	lockdep_assert_held(&sc->vc.lock);
	if (sc->removed)
		return false;
	status = cydma_chan_read(sc, CYDMA_CH_INT_STATUS);
	if (!status)
		return false;
	cydma_chan_write(sc, CYDMA_CH_INT_CLEAR, status);
	if (status & (CYDMA_CH_INT_PERIOD | CYDMA_CH_INT_LOADED))
		cydma_chan_periods(sc, status & CYDMA_CH_INT_LOADED);
	if (status & CYDMA_CH_INT_ERROR)
		cydma_chan_error(sc);
	else if (status & CYDMA_CH_INT_DONE)
		cydma_chan_done(sc);
	return true;
}

static irqreturn_t cydma_irq(int irq, void *data)
{
	struct cydma_chan *sc = data;
	bool handled;

	spin_lock(&sc->vc.lock);
	handled = cydma_chan_service(sc);
	spin_unlock(&sc->vc.lock);
	return IRQ_RETVAL(handled);
}

/* ---- channel operations ------------------------------------------- */

static void cydma_issue_pending(struct dma_chan *chan)
{
	struct cydma_chan *sc = to_cydma_chan(chan);
	unsigned long flags;

	spin_lock_irqsave(&sc->vc.lock, flags);
	if (vchan_issue_pending(&sc->vc))
		cydma_chan_feed(sc);
	spin_unlock_irqrestore(&sc->vc.lock, flags);
}

/* A submitted or issued transfer, by cookie.  Under the lock. */
static struct cydma_xfer *cydma_find_queued(struct cydma_chan *sc,
					    dma_cookie_t cookie)
{
	struct virt_dma_desc *vd;

	lockdep_assert_held(&sc->vc.lock);
	vd = vchan_find_desc(&sc->vc, cookie);
	if (vd)
		return to_cydma_xfer(vd);
	list_for_each_entry(vd, &sc->vc.desc_submitted, node) {
		if (vd->tx.cookie == cookie)
			return to_cydma_xfer(vd);
	}
	return NULL;
}

/* Residue and status of a cookie that is not complete.  Under the lock. */
static u32 cydma_pending_residue(struct cydma_chan *sc, dma_cookie_t cookie,
				 enum dma_status *status)
{
	struct cydma_xfer *x;

	lockdep_assert_held(&sc->vc.lock);
	if (sc->active && sc->active->vd.tx.cookie == cookie) {
		if (sc->paused)
			*status = DMA_PAUSED;
		return sc->removed ? 0 : cydma_hw_residue(sc, sc->active);
	}
	if (sc->next && sc->next->vd.tx.cookie == cookie)
		return sc->next->len;
	x = cydma_find_queued(sc, cookie);
	return x ? x->len : 0;
}

static enum dma_status cydma_tx_status(struct dma_chan *chan,
				       dma_cookie_t cookie,
				       struct dma_tx_state *state)
{
	struct cydma_chan *sc = to_cydma_chan(chan);
	enum dma_status status;
	unsigned long flags;
	u32 residue = 0;

	status = dma_cookie_status(chan, cookie, state);
	if (status == DMA_COMPLETE)
		return cydma_cookie_failed(sc, cookie) ? DMA_ERROR : status;

	spin_lock_irqsave(&sc->vc.lock, flags);
	residue = cydma_pending_residue(sc, cookie, &status);
	spin_unlock_irqrestore(&sc->vc.lock, flags);

	dma_set_residue(state, residue);
	return status;
}

static int cydma_pause(struct dma_chan *chan)
{
	struct cydma_chan *sc = to_cydma_chan(chan);
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&sc->vc.lock, flags);
	if (!sc->active || sc->removed) {
		cydma_dbg(sc, "pause: no transfer running\n");
		ret = -EINVAL;
	} else if (!sc->paused) {
		cydma_chan_write(sc, CYDMA_CH_CTRL, CYDMA_CH_CTRL_PAUSE);
		sc->paused = true;
	}
	spin_unlock_irqrestore(&sc->vc.lock, flags);
	return ret;
}

static int cydma_resume(struct dma_chan *chan)
{
	struct cydma_chan *sc = to_cydma_chan(chan);
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&sc->vc.lock, flags);
	if (!sc->paused || sc->removed) {
		cydma_dbg(sc, "resume: channel not paused\n");
		ret = -EINVAL;
	} else {
		cydma_chan_write(sc, CYDMA_CH_CTRL, 0);
		sc->paused = false;
	}
	spin_unlock_irqrestore(&sc->vc.lock, flags);
	return ret;
}

static int cydma_terminate_all(struct dma_chan *chan)
{
	struct cydma_chan *sc = to_cydma_chan(chan);
	unsigned long flags;
	LIST_HEAD(head);

	spin_lock_irqsave(&sc->vc.lock, flags);
	if (!sc->removed)
		cydma_chan_abort(sc);
	sc->paused = false;
	if (sc->active) {
		vchan_terminate_vdesc(&sc->active->vd);
		sc->active = NULL;
	}
	if (sc->next) {
		vchan_terminate_vdesc(&sc->next->vd);
		sc->next = NULL;
	}
	vchan_get_all_descriptors(&sc->vc, &head);
	spin_unlock_irqrestore(&sc->vc.lock, flags);

	vchan_dma_desc_free_list(&sc->vc, &head);
	return 0;
}

static bool cydma_chan_quiet(struct cydma_chan *sc)
{
	unsigned long flags;
	bool quiet;

	spin_lock_irqsave(&sc->vc.lock, flags);
	quiet = sc->removed ||
		!(cydma_chan_read(sc, CYDMA_CH_STATUS) & CYDMA_CH_STATUS_BUSY);
	spin_unlock_irqrestore(&sc->vc.lock, flags);
	return quiet;
}

static void cydma_synchronize(struct dma_chan *chan)
{
	struct cydma_chan *sc = to_cydma_chan(chan);
	bool quiet;

	/* a piece in flight across the abort may still land: wait for it */
	if (read_poll_timeout(cydma_chan_quiet, quiet, quiet, 100,
			      CYDMA_IDLE_TIMEOUT_US, false, sc))
		dev_err(sc->cd->dev, "ch%u: still busy after abort\n", sc->id);
	vchan_synchronize(&sc->vc);
}

static int cydma_alloc_chan_resources(struct dma_chan *chan)
{
	struct cydma_chan *sc = to_cydma_chan(chan);
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&sc->vc.lock, flags);
	if (sc->removed)
		ret = -ENODEV;
	memset(sc->failed, 0, sizeof(sc->failed));
	spin_unlock_irqrestore(&sc->vc.lock, flags);
	return ret;
}

static void cydma_free_chan_resources(struct dma_chan *chan)
{
	struct cydma_chan *sc = to_cydma_chan(chan);
	unsigned long flags;

	vchan_free_chan_resources(&sc->vc);
	spin_lock_irqsave(&sc->vc.lock, flags);
	memset(&sc->cfg, 0, sizeof(sc->cfg));
	sc->configured = false;
	sc->req_line = CYDMA_NO_LINE;
	spin_unlock_irqrestore(&sc->vc.lock, flags);
}

/* &dma_slave_map.fn: accept a channel of the right device for a route. */
static bool cydma_filter(struct dma_chan *chan, void *param)
{
	struct cydma_route *route = param;
	struct cydma_chan *sc;
	unsigned long flags;

	if (!route || chan->device != &route->cd->dma)
		return false;
	sc = to_cydma_chan(chan);
	spin_lock_irqsave(&sc->vc.lock, flags);
	sc->req_line = route->line;
	spin_unlock_irqrestore(&sc->vc.lock, flags);
	return true;
}

/* ---- device ------------------------------------------------------- */

#ifdef CONFIG_DEBUG_FS
static const char *cydma_chan_state(struct cydma_chan *sc)
{
	if (!sc->active)
		return "idle";
	if (sc->paused)
		return "paused";
	return sc->active->kind == CYDMA_CYCLIC ? "cyclic" :
	       sc->active->kind == CYDMA_REPEAT ? "repeat" : "busy";
}

static int cydma_debugfs_show(struct seq_file *m, void *unused)
{
	struct cydma *cd = m->private;
	struct cydma_chan *sc;
	unsigned long flags;
	unsigned int i;

	for (i = 0; i < cd->nr_chans; i++) {
		sc = &cd->chans[i];
		spin_lock_irqsave(&sc->vc.lock, flags);
		seq_printf(m, "ch%u: %s line %d started %lu periods %lu loads %lu failed %lu%s\n",
			   i, cydma_chan_state(sc),
			   sc->req_line == CYDMA_NO_LINE ? -1 : (int)sc->req_line,
			   sc->starts, sc->periods, sc->loads, sc->failures,
			   sc->next ? " next-armed" : "");
		spin_unlock_irqrestore(&sc->vc.lock, flags);
	}
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(cydma_debugfs);

static void cydma_debugfs_add(struct cydma *cd)
{
	if (cd->dma.dbg_dev_root)
		debugfs_create_file("cydma", 0444, cd->dma.dbg_dev_root, cd,
				    &cydma_debugfs_fops);
}
#else
static void cydma_debugfs_add(struct cydma *cd)
{
}
#endif

static void cydma_free(struct cydma *cd)
{
	unsigned int i;

	for (i = 0; i < cd->nr_map; i++) {
		kfree(cd->map[i].devname);
		kfree(cd->map[i].slave);
	}
	kfree(cd->map);
	kfree(cd->routes);
	put_device(cd->dev);
	kfree(cd);
}

/* &dma_device.device_release: the last channel reference is gone. */
static void cydma_release(struct dma_device *dma)
{
	cydma_free(to_cydma(dma));
}

/* Stop every channel for good and free all transfers. */
static void cydma_quiesce(struct cydma *cd, unsigned int nr_irqs)
{
	struct cydma_chan *sc;
	unsigned long flags;
	unsigned int i;

	for (i = 0; i < cd->nr_chans; i++) {
		sc = &cd->chans[i];
		spin_lock_irqsave(&sc->vc.lock, flags);
		cydma_chan_abort(sc);
		cydma_chan_write(sc, CYDMA_CH_INT_MASK, 0);
		WRITE_ONCE(sc->removed, true);
		if (sc->active) {
			vchan_terminate_vdesc(&sc->active->vd);
			sc->active = NULL;
		}
		if (sc->next) {
			vchan_terminate_vdesc(&sc->next->vd);
			sc->next = NULL;
		}
		spin_unlock_irqrestore(&sc->vc.lock, flags);
		if (i < nr_irqs)
			free_irq(sc->irq, sc);
		tasklet_kill(&sc->vc.task);
		vchan_free_chan_resources(&sc->vc);
	}
}

static int cydma_read_hw(struct cydma *cd)
{
	struct device *dev = cd->dev;
	u32 hwcfg, chans, lines;

	if (cydma_read(cd->regs, CYDMA_ID) != CYDMA_ID_MAGIC)
		return dev_err_probe(dev, -ENODEV, "no controller behind the register window\n");
	hwcfg = cydma_read(cd->regs, CYDMA_HWCFG);
	chans = FIELD_GET(CYDMA_HWCFG_CHANNELS, hwcfg);
	lines = FIELD_GET(CYDMA_HWCFG_REQUESTS, hwcfg);
	cd->features = cydma_read(cd->regs, CYDMA_FEATURES);
	cd->widths = cydma_read(cd->regs, CYDMA_WIDTHS) &
		     GENMASK(ilog2(CYDMA_MAX_WIDTH), 0);
	cd->max_burst = cydma_read(cd->regs, CYDMA_MAX_BURST);
	cd->max_chunk = cydma_read(cd->regs, CYDMA_MAX_CHUNK);
	cd->min_period = max(cydma_read(cd->regs, CYDMA_MIN_PERIOD), 1U);
	cd->max_frames = cydma_read(cd->regs, CYDMA_MAX_FRAMES);
	cd->max_gap = cydma_read(cd->regs, CYDMA_MAX_GAP);
	cd->max_chunks = 1;
	if (cd->features & CYDMA_FEAT_CHUNKS)
		cd->max_chunks = clamp_t(u32, FIELD_GET(CYDMA_HWCFG_MAX_CHUNKS,
							hwcfg),
					 1, CYDMA_MAX_CHUNKS);
	if (cd->nr_chans > chans || !cd->max_chunk || !cd->widths ||
	    !cd->max_frames || !is_power_of_2(cd->max_burst))
		return dev_err_probe(dev, -EINVAL, "%u channels asked, hardware has %u\n",
				     cd->nr_chans, chans);
	if (device_property_read_u32(dev, "dma-requests", &cd->nr_lines))
		cd->nr_lines = lines;
	if (cd->nr_lines > lines)
		return dev_err_probe(dev, -EINVAL, "%u request lines asked, hardware has %u\n",
				     cd->nr_lines, lines);
	return dma_set_mask_and_coherent(dev,
			DMA_BIT_MASK(FIELD_GET(CYDMA_HWCFG_ADDR_BITS, hwcfg)));
}

static int cydma_parse_route(struct cydma *cd, struct fwnode_handle *node,
			     unsigned int i)
{
	const char *consumer, *name;
	u32 line;

	if (fwnode_property_read_string(node, "cydma,consumer", &consumer) ||
	    fwnode_property_read_string(node, "cydma,dma-name", &name) ||
	    fwnode_property_read_u32(node, "cydma,request-line", &line) ||
	    line >= cd->nr_lines)
		return dev_err_probe(cd->dev, -EINVAL, "bad slave route %pfwP\n",
				     node);
	cd->routes[i].cd = cd;
	cd->routes[i].line = line;
	cd->map[i].param = &cd->routes[i];
	cd->map[i].devname = kstrdup(consumer, GFP_KERNEL);
	cd->map[i].slave = kstrdup(name, GFP_KERNEL);
	if (!cd->map[i].devname || !cd->map[i].slave)
		return -ENOMEM;
	return 0;
}

/* The slave map, from one child node per route. */
static int cydma_parse_routes(struct cydma *cd)
{
	unsigned int n = device_get_child_node_count(cd->dev), i = 0;
	int ret;

	if (!n)
		return 0;
	cd->map = kcalloc(n, sizeof(*cd->map), GFP_KERNEL);
	cd->routes = kcalloc(n, sizeof(*cd->routes), GFP_KERNEL);
	if (!cd->map || !cd->routes)
		return -ENOMEM;
	device_for_each_child_node_scoped(cd->dev, node) {
		if (i == n)
			break;
		cd->nr_map = i + 1;
		ret = cydma_parse_route(cd, node, i++);
		if (ret)
			return ret;
	}
	cd->dma.filter.map = cd->map;
	cd->dma.filter.mapcnt = cd->nr_map;
	cd->dma.filter.fn = cydma_filter;
	return 0;
}

static int cydma_create_pools(struct cydma *cd)
{
	cd->desc_pool = dmam_pool_create("cydma-desc", cd->dev,
					 sizeof(struct cydma_desc),
					 CYDMA_DESC_ALIGN, 0);
	if (!cd->desc_pool)
		return -ENOMEM;
	if (cd->max_chunks < 2)
		return 0;
	cd->table_pool = dmam_pool_create("cydma-chunks", cd->dev,
					  cd->max_chunks *
					  sizeof(struct cydma_chunk),
					  CYDMA_CHUNK_ALIGN, 0);
	return cd->table_pool ? 0 : -ENOMEM;
}

/* The capability mask, from what the hardware reports. */
static void cydma_set_caps(struct cydma *cd)
{
	struct dma_device *dma = &cd->dma;
	u32 f = cd->features;

	dma_cap_zero(dma->cap_mask);
	/* stream channels are handed out exclusively, never pooled */
	dma_cap_set(DMA_PRIVATE, dma->cap_mask);
	if (f & CYDMA_FEAT_PACED) {
		dma_cap_set(DMA_SLAVE, dma->cap_mask);
		dma->device_prep_slave_sg = cydma_prep_slave_sg;
		dma->directions |= BIT(DMA_MEM_TO_DEV) | BIT(DMA_DEV_TO_MEM);
	}
	if (f & CYDMA_FEAT_PACED && f & CYDMA_FEAT_RING) {
		dma_cap_set(DMA_CYCLIC, dma->cap_mask);
		dma->device_prep_dma_cyclic = cydma_prep_cyclic;
	}
	if (f & (CYDMA_FEAT_PACED | CYDMA_FEAT_MEM)) {
		dma_cap_set(DMA_INTERLEAVE, dma->cap_mask);
		dma->device_prep_interleaved_dma = cydma_prep_interleaved;
	}
	if (f & CYDMA_FEAT_MEM)
		dma->directions |= BIT(DMA_MEM_TO_MEM);
	if (f & CYDMA_FEAT_NEXT && f & CYDMA_FEAT_RING) {
		dma_cap_set(DMA_REPEAT, dma->cap_mask);
		dma_cap_set(DMA_LOAD_EOT, dma->cap_mask);
	}
}

static void cydma_set_slave_caps(struct cydma *cd)
{
	struct dma_device *dma = &cd->dma;
	u32 widths = 0, w;

	for (w = 0; BIT(w) <= CYDMA_MAX_WIDTH; w++) {
		if (cd->widths & BIT(w))
			widths |= BIT(1U << w);
	}
	dma->src_addr_widths = widths;
	dma->dst_addr_widths = widths;
	dma->min_burst = 1;
	dma->max_burst = cd->max_burst;
	dma->max_sg_burst = CYDMA_MAX_DESCS;
	dma->descriptor_reuse = true;
	dma->residue_granularity = DMA_RESIDUE_GRANULARITY_BURST;
}

static void cydma_set_ops(struct cydma *cd)
{
	struct dma_device *dma = &cd->dma;

	dma->dev = cd->dev;
	dma->device_alloc_chan_resources = cydma_alloc_chan_resources;
	dma->device_free_chan_resources = cydma_free_chan_resources;
	dma->device_config = cydma_config;
	dma->device_tx_status = cydma_tx_status;
	dma->device_issue_pending = cydma_issue_pending;
	dma->device_pause = cydma_pause;
	dma->device_resume = cydma_resume;
	dma->device_terminate_all = cydma_terminate_all;
	dma->device_synchronize = cydma_synchronize;
	dma->device_release = cydma_release;
	INIT_LIST_HEAD(&dma->channels);
}

/* Set up the channels and request their interrupts. */
static int cydma_init_chans(struct cydma *cd, struct platform_device *pdev,
			    unsigned int *nr_irqs)
{
	struct cydma_chan *sc;
	unsigned int i;
	int ret;

	for (i = 0; i < cd->nr_chans; i++) {
		sc = &cd->chans[i];
		sc->cd = cd;
		sc->id = i;
		sc->req_line = CYDMA_NO_LINE;
		sc->vc.desc_free = cydma_vdesc_free;
		vchan_init(&sc->vc, &cd->dma);
		cydma_chan_write(sc, CYDMA_CH_CTRL, CYDMA_CH_CTRL_ABORT);
		cydma_chan_write(sc, CYDMA_CH_INT_CLEAR, CYDMA_CH_INT_ALL);
		cydma_chan_write(sc, CYDMA_CH_INT_MASK, CYDMA_CH_INT_ALL);
	}
	for (*nr_irqs = 0; *nr_irqs < cd->nr_chans; (*nr_irqs)++) {
		sc = &cd->chans[*nr_irqs];
		ret = platform_get_irq(pdev, sc->id);
		if (ret < 0)
			return ret;
		sc->irq = ret;
		ret = request_irq(sc->irq, cydma_irq, 0, dev_name(cd->dev), sc);
		if (ret)
			return dev_err_probe(cd->dev, ret, "ch%u: no interrupt\n",
					     sc->id);
	}
	return 0;
}

static int cydma_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	unsigned int nr_irqs = 0;
	struct regmap *regs;
	struct cydma *cd;
	u32 nr_chans;
	int ret;

	regs = dev->parent ? dev_get_regmap(dev->parent, NULL) : NULL;
	if (!regs)
		return dev_err_probe(dev, -ENODEV, "no register window on the parent device\n");
	if (device_property_read_u32(dev, "dma-channels", &nr_chans))
		nr_chans = FIELD_GET(CYDMA_HWCFG_CHANNELS,
				     cydma_read(regs, CYDMA_HWCFG));
	if (!nr_chans || nr_chans > CYDMA_MAX_CHANNELS)
		return dev_err_probe(dev, -EINVAL, "%u channels\n", nr_chans);

	cd = kzalloc(struct_size(cd, chans, nr_chans), GFP_KERNEL);
	if (!cd)
		return -ENOMEM;
	cd->nr_chans = nr_chans;
	cd->dev = get_device(dev);
	cd->regs = regs;
	ret = cydma_read_hw(cd);
	if (ret)
		goto err_free;
	ret = cydma_create_pools(cd);
	if (ret)
		goto err_free;
	ret = cydma_parse_routes(cd);
	if (ret)
		goto err_free;
	dma_set_max_seg_size(dev, cd->max_chunk);
	cydma_set_ops(cd);
	cydma_set_caps(cd);
	cydma_set_slave_caps(cd);
	ret = cydma_init_chans(cd, pdev, &nr_irqs);
	if (ret)
		goto err_chans;

	platform_set_drvdata(pdev, cd);
	ret = dma_async_device_register(&cd->dma);
	if (ret) {
		dev_err_probe(dev, ret, "cannot register the DMA device\n");
		goto err_chans;
	}
	cydma_debugfs_add(cd);
	dev_info(dev, "%u channels, %u request lines, features %#x\n",
		 cd->nr_chans, cd->nr_lines, cd->features);
	return 0;

err_chans:
	cydma_quiesce(cd, nr_irqs);
err_free:
	cydma_free(cd);
	return ret;
}

/*
 * The reverse of probe.  Unregistering may free @cd (the core calls
 * cydma_release() once no client holds a channel), so the hardware is
 * stopped and the interrupts freed first.
 */
static void cydma_remove(struct platform_device *pdev)
{
	struct cydma *cd = platform_get_drvdata(pdev);

	cydma_quiesce(cd, cd->nr_chans);
	dma_async_device_unregister(&cd->dma);
}

static const struct platform_device_id cydma_ids[] = {
	{ .name = CYDMA_DRV_NAME },
	{ }
};
MODULE_DEVICE_TABLE(platform, cydma_ids);

static struct platform_driver cydma_driver = {
	.driver = {
		.name = CYDMA_DRV_NAME,
	},
	.id_table = cydma_ids,
	.probe = cydma_probe,
	.remove = cydma_remove,
};
module_platform_driver(cydma_driver);

MODULE_DESCRIPTION("Simulated cyclic and interleaved DMA controller driver");
MODULE_LICENSE("GPL");
