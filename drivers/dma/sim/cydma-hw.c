// SPDX-License-Identifier: GPL-2.0
/*
 * Hardware model of the simulated cyclic and interleaved DMA controller.
 */

/**
 * DOC: Theory of operation
 *
 * The model plays the silicon of a streaming DMA block, the kind that
 * feeds an audio codec from a ring buffer or a display from a frame
 * buffer; the driver in cydma.c programs it through the registers and
 * descriptors of cydma-regs.h and nothing else.
 *
 * **Register window and interrupts.**  The window is a regmap with its own
 * read and write callbacks, attached to the device passed to
 * cydma_hw_create(); the board makes that device the parent of the
 * driver's platform device.  Each access runs under the channel's
 * spinlock and never calls back into the driver.  Each channel has one
 * line in a linear interrupt domain; interrupts are delivered by the
 * engine with generic_handle_domain_irq_safe() and no model lock held, so
 * the handler runs at once in hard interrupt context.
 *
 * **Engine.**  Each channel has a work item on a bottom-half workqueue.
 * CH_START makes it fetch the descriptor at CH_DESC; it then moves the
 * block piece by piece.  A piece never crosses a chunk; it is one burst
 * when the descriptor is paced, else up to CYDMA_HW_MAX_PIECE bytes.
 * Pieces are moved without the channel lock and committed under it; a
 * channel generation number, bumped by CH_START and ABORT, drops a piece
 * that was in flight across an abort.  At the end of a descriptor the
 * model writes its status word, counts a period and interrupts if the
 * descriptor is flagged IRQ, and goes on: at the end of an EOT descriptor
 * to an armed CH_NEXT (INT_LOADED), otherwise along the next pointer, and
 * at the end of the chain it stops (INT_DONE).  Following the next
 * pointer after an unpaced EOT descriptor waits for the next frame tick
 * (one timer tick, CYDMA_STATE_SYNC), the way a display waits for its
 * vertical sync, so that a repeated memory-to-memory frame does not spin.
 *
 * **Peripherals.**  Each request line has a peripheral with a FIFO whose
 * data register has a bus address that is not memory
 * (cydma_hw_port_addr()).  A sink (an audio codec, a display) takes one
 * unit from its FIFO at its byte rate once started and fed its first
 * unit, and counts an underrun for each unit that was missing; a source (a camera)
 * puts one unit (a line) into its FIFO at its rate once started, and
 * counts an overrun for each unit it had to drop.  Both run on a clock
 * driven by a per-controller timer that fires every tick while a
 * peripheral runs, and every look at a peripheral first brings it up to
 * the current time.  When the simulation itself did not run for longer
 * than CYDMA_HW_MAX_CATCHUP (a stalled host), the excess is recorded as
 * slipped time rather than counted as underruns.  A paced descriptor asks
 * the peripheral on CH_CFG's request line: a sink asks for a burst while
 * its FIFO has room, a source while it holds a burst; otherwise the
 * channel waits (CYDMA_STATE_WAIT) until the peripheral's FIFO level
 * changes.  A sink can record what it consumes into a tap buffer, and a
 * source's data is a documented pattern (cydma_hw_source_unit()), so a
 * test can check every byte that went through.
 *
 * **Position.**  CH_POS gives the bytes of the current descriptor moved so
 * far and latches that descriptor's address, updated after each piece:
 * the driver computes residues at burst granularity from it, inside a
 * period as well.  CH_PERIODS counts IRQ descriptors since CH_START, so
 * interrupts that arrive late or merged never lose a period.
 *
 * **Memory.**  Bus addresses become CPU pointers through dma_to_phys() and
 * phys_to_virt(), exact for dma-direct without bounce buffers.  An
 * address outside RAM, or an unpaced access to a FIFO that cannot serve
 * it, is a bus error that halts the channel (CH_ERR_READ, CH_ERR_WRITE).
 */

#include <linux/bitfield.h>
#include <linux/err.h>
#include <linux/jiffies.h>
#include <linux/kfifo.h>
#include <linux/ktime.h>
#include <linux/log2.h>
#include <linux/math64.h>
#include <linux/minmax.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/seq_file.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

#include "simdma-hw.h"
#include "cydma-hw.h"
#include "cydma-regs.h"

#define CYDMA_HW_VERSION	0x0100
#define CYDMA_HW_ADDR_BITS	64
/* Peripheral data registers: one window per instance, one per line */
#define CYDMA_HW_PORT_WINDOW	0xfc0000000000ULL
#define CYDMA_HW_PORT_SPAN	0x10000ULL
#define CYDMA_HW_PORT_STRIDE	0x100
/* Largest piece of an unpaced chunk moved in one go */
#define CYDMA_HW_MAX_PIECE	SZ_64K
/* Pieces per engine run before other bottom halves get the CPU back */
#define CYDMA_HW_BUDGET		64
/* Longest stretch of time a peripheral clock catches up in one step */
#define CYDMA_HW_MAX_CATCHUP	(3 * TICK_NSEC)
#define CYDMA_HW_MAX_UNIT	SZ_64K

/**
 * enum cydma_hw_port_state - clock state of a peripheral
 * @CYDMA_PORT_STOPPED: neither consumes nor produces
 * @CYDMA_PORT_PREFILL: a started sink waiting for its first unit
 * @CYDMA_PORT_RUNNING: consumes or produces at its rate
 */
enum cydma_hw_port_state {
	CYDMA_PORT_STOPPED,
	CYDMA_PORT_PREFILL,
	CYDMA_PORT_RUNNING,
};

/**
 * struct cydma_hw_port - the peripheral behind one request line
 * @hw: the controller
 * @line: its request line
 * @lock: protects every member below
 * @cfg: what it is; only the rate changes after creation
 * @fifo: its FIFO
 * @unit_buf: one unit, where a source builds what it produces
 * @state: clock state
 * @last: time the clock was last brought up to date
 * @credit: elapsed time times rate not yet turned into units, in
 *	byte-nanoseconds per second
 * @bytes: bytes consumed or produced since started
 * @units: units consumed or produced since started
 * @underruns: units a sink missed since started
 * @overruns: units a source dropped since started
 * @slipped_ns: time skipped because the simulation did not run
 * @next_unit: index of the next unit a source produces
 * @tap: where a sink records what it consumes, or NULL
 * @tap_len: size of @tap
 * @tap_pos: bytes recorded in @tap
 */
struct cydma_hw_port {
	struct cydma_hw *hw;
	unsigned int line;
	spinlock_t lock;		/* protects the members below */
	struct cydma_hw_port_config cfg;
	struct kfifo fifo;
	u8 *unit_buf;
	enum cydma_hw_port_state state;
	ktime_t last;
	u64 credit;
	u64 bytes;
	u64 units;
	u64 underruns;
	u64 overruns;
	u64 slipped_ns;
	u64 next_unit;
	u8 *tap;
	size_t tap_len;
	size_t tap_pos;
};

/**
 * struct cydma_hw_chunk - one decoded chunk of a frame
 * @size: bytes
 * @src_gap: source bytes skipped afterwards
 * @dst_gap: destination bytes skipped afterwards
 */
struct cydma_hw_chunk {
	u32 size;
	u32 src_gap;
	u32 dst_gap;
};

/**
 * struct cydma_hw_run - the fetched descriptor and the progress through it
 * @addr: bus address it was fetched from
 * @ctrl: &cydma_desc.ctrl
 * @frames: &cydma_desc.frames
 * @src: &cydma_desc.src
 * @dst: &cydma_desc.dst
 * @next: &cydma_desc.next
 * @nchunks: chunks per frame
 * @chunks: the chunks of a frame
 * @width: bytes per beat
 * @burst: bytes per request (paced descriptors)
 * @len: bytes the descriptor moves
 * @src_port: the peripheral read from, or NULL for memory
 * @dst_port: the peripheral written to, or NULL for memory
 * @frame: current frame
 * @chunk: current chunk of @frame
 * @off: bytes of @chunk already moved
 * @done: bytes of the descriptor already moved (CH_POS)
 * @sptr: source address of the current chunk
 * @dptr: destination address of the current chunk
 */
struct cydma_hw_run {
	u64 addr;
	u32 ctrl;
	u32 frames;
	u64 src;
	u64 dst;
	u64 next;
	u32 nchunks;
	struct cydma_hw_chunk chunks[CYDMA_MAX_CHUNKS];
	u32 width;
	u32 burst;
	u32 len;
	struct cydma_hw_port *src_port;
	struct cydma_hw_port *dst_port;
	u32 frame;
	u32 chunk;
	u32 off;
	u32 done;
	u64 sptr;
	u64 dptr;
};

/**
 * struct cydma_hw_piece - one piece the engine moves without the lock
 * @gen: channel generation when planned; a mismatch at commit drops it
 * @src: source bus address
 * @dst: destination bus address
 * @len: bytes
 * @err: CYDMA_CH_ERR_* cause when the move failed
 * @err_addr: faulting bus address
 * @starved: a paced peripheral could not serve the piece after all
 */
struct cydma_hw_piece {
	u32 gen;
	u64 src;
	u64 dst;
	u32 len;
	u32 err;
	u64 err_addr;
	bool starved;
};

/**
 * struct cydma_hw_chan - one channel of the model
 * @hw: the controller
 * @idx: channel number
 * @work: the engine; runs on &cydma_hw.wq
 * @lock: protects the registers, the engine state, @run and @stats;
 *	never held while an interrupt is delivered
 * @ctrl: CH_CTRL (the PAUSE level)
 * @cfg: CH_CFG
 * @desc_base: CH_DESC
 * @next_addr: CH_NEXT
 * @next_armed: CH_NEXT is armed
 * @xfer: CH_XFER
 * @cur: descriptor in progress (or to be fetched)
 * @pos_desc: CH_POS_DESC
 * @periods: CH_PERIODS
 * @load_mark: CH_LOAD_MARK
 * @int_status: CH_INT_STATUS
 * @int_mask: CH_INT_MASK
 * @err: CH_ERR
 * @err_addr: CH_ERR_ADDR
 * @state: CYDMA_STATE_* value
 * @gen: bumped by CH_START and ABORT
 * @engine_active: @work is queued or running
 * @deferred: @work is queued with a delay (frame tick)
 * @in_step: @work moves a piece right now, without @lock
 * @raise_pending: deliver a pending unmasked interrupt
 * @fetched: @run holds the descriptor at @cur
 * @sync_until: jiffies of the next frame tick (CYDMA_STATE_SYNC)
 * @run_bytes: bytes moved since CH_START
 * @run: the descriptor being executed; written under @lock by @work only
 * @stats: counters
 */
struct cydma_hw_chan {
	struct cydma_hw *hw;
	unsigned int idx;
	struct delayed_work work;

	spinlock_t lock;		/* see the kernel-doc above */
	u32 ctrl;			/* under lock */
	u32 cfg;			/* under lock */
	u64 desc_base;			/* under lock */
	u64 next_addr;			/* under lock */
	bool next_armed;		/* under lock */
	u64 xfer;			/* under lock */
	u64 cur;			/* under lock */
	u64 pos_desc;			/* under lock */
	u32 periods;			/* under lock */
	u32 load_mark;			/* under lock */
	u32 int_status;			/* under lock */
	u32 int_mask;			/* under lock */
	u32 err;			/* under lock */
	u64 err_addr;			/* under lock */
	u8 state;			/* under lock */
	u32 gen;			/* under lock */
	bool engine_active;		/* under lock */
	bool deferred;			/* under lock */
	bool in_step;			/* under lock */
	bool raise_pending;		/* under lock */
	bool fetched;			/* under lock */
	unsigned long sync_until;	/* under lock */
	u64 run_bytes;			/* under lock */
	struct cydma_hw_run run;	/* under lock, see above */
	struct cydma_hw_chan_stats stats;	/* under lock */
};

/**
 * struct cydma_hw - one simulated controller
 * @dev: device owning the register window; also used for bus addresses
 * @cfg: what it was built with
 * @win: the register window
 * @irqs: the interrupt lines, one per channel
 * @wq: bottom-half workqueue running the engines
 * @clock: timer driving the peripherals' clocks while one runs
 * @port_base: bus address of request line 0's data register
 * @ports: one peripheral per request line
 * @fail_desc: every descriptor fetch fails (READ_ONCE)
 * @dead: being destroyed; the engines stop and registers ignore writes
 * @nr_chans: channels in @chans
 * @chans: the channels
 */
struct cydma_hw {
	struct device *dev;
	struct cydma_hw_config cfg;
	struct simdma_window win;
	struct simdma_irqs irqs;
	struct workqueue_struct *wq;
	struct timer_list clock;
	u64 port_base;
	struct cydma_hw_port *ports;
	bool fail_desc;
	bool dead;
	unsigned int nr_chans;
	struct cydma_hw_chan chans[] __counted_by(nr_chans);
};

static const char * const cydma_hw_state_names[] = {
	[CYDMA_STATE_IDLE] = "idle",
	[CYDMA_STATE_RUN] = "run",
	[CYDMA_STATE_WAIT] = "wait",
	[CYDMA_STATE_PAUSED] = "paused",
	[CYDMA_STATE_SYNC] = "sync",
};

static const char * const cydma_hw_port_kind_names[CYDMA_PORT_NR] = {
	[CYDMA_PORT_FIFO] = "fifo",
	[CYDMA_PORT_SINK] = "sink",
	[CYDMA_PORT_SOURCE] = "source",
};

static const char * const cydma_hw_port_state_names[] = {
	[CYDMA_PORT_STOPPED] = "stopped",
	[CYDMA_PORT_PREFILL] = "prefill",
	[CYDMA_PORT_RUNNING] = "running",
};

/* ---- bus ---------------------------------------------------------- */

/* CPU address of the RAM at [@addr, @addr + @len), or NULL: bus error */
static void *cydma_hw_ram(struct cydma_hw *hw, u64 addr, size_t len)
{
	return simdma_ram(hw->dev, addr, len);
}

/* The peripheral whose data register is at @addr, or NULL */
static struct cydma_hw_port *cydma_hw_port_at(struct cydma_hw *hw, u64 addr)
{
	u64 off = addr - hw->port_base;

	if (addr < hw->port_base || off % CYDMA_HW_PORT_STRIDE)
		return NULL;
	off /= CYDMA_HW_PORT_STRIDE;
	return off < hw->cfg.request_lines ? &hw->ports[off] : NULL;
}

static struct cydma_hw_port *cydma_hw_port(struct cydma_hw *hw,
					   unsigned int line)
{
	return line < hw->cfg.request_lines ? &hw->ports[line] : NULL;
}

/* ---- peripherals -------------------------------------------------- */

/**
 * cydma_hw_source_unit() - the data a source produces
 * @index: unit number, counted from 0 since the source was started
 * @buf: receives the unit
 * @len: unit size
 *
 * The first eight bytes (fewer for a shorter unit) hold @index in little
 * endian; byte i after them is (@index * 31 + i) modulo 256.  A test
 * rebuilds with this what a camera sent, line by line.
 *
 * Context: any.
 */
void cydma_hw_source_unit(u64 index, u8 *buf, size_t len)
{
	__le64 tag = cpu_to_le64(index);
	size_t i, head = min(len, sizeof(tag));

	memcpy(buf, &tag, head);
	for (i = head; i < len; i++)
		buf[i] = index * 31 + i;
}
EXPORT_SYMBOL_GPL(cydma_hw_source_unit);

/* A sink takes @n units; returns true when the FIFO level changed. */
static bool cydma_hw_sink_take(struct cydma_hw_port *p, u64 n)
{
	u64 have = kfifo_len(&p->fifo) / p->cfg.unit;
	u64 take = min(n, have);
	size_t bytes = take * p->cfg.unit, copy;

	copy = min(bytes, p->tap_len - p->tap_pos);
	if (copy) {
		WARN_ON_ONCE(kfifo_out(&p->fifo, p->tap + p->tap_pos, copy) !=
			     copy);
		p->tap_pos += copy;
	}
	kfifo_skip_count(&p->fifo, bytes - copy);
	p->bytes += bytes;
	p->units += take;
	p->underruns += n - take;
	return take > 0;
}

/* A source puts @n units; returns true when the FIFO level changed. */
static bool cydma_hw_source_put(struct cydma_hw_port *p, u64 n)
{
	u32 unit = p->cfg.unit;
	bool put = false;

	for (; n; n--) {
		if (kfifo_avail(&p->fifo) < unit) {
			/* full: the rest of this stretch is dropped too */
			p->overruns += n;
			p->next_unit += n;
			break;
		}
		cydma_hw_source_unit(p->next_unit++, p->unit_buf, unit);
		WARN_ON_ONCE(kfifo_in(&p->fifo, p->unit_buf, unit) != unit);
		p->bytes += unit;
		p->units++;
		put = true;
	}
	return put;
}

/*
 * Bring a peripheral's clock up to @now.  Returns true when its FIFO
 * level changed.  Context: caller holds @p->lock.
 */
static bool cydma_hw_port_advance(struct cydma_hw_port *p, ktime_t now)
{
	u64 dt, per, n;

	lockdep_assert_held(&p->lock);
	if (p->state == CYDMA_PORT_STOPPED || p->cfg.kind == CYDMA_PORT_FIFO)
		return false;
	if (p->state == CYDMA_PORT_PREFILL) {
		if (kfifo_len(&p->fifo) < p->cfg.unit)
			return false;
		p->state = CYDMA_PORT_RUNNING;
		p->last = now;
		return false;
	}
	if (ktime_before(now, p->last))
		return false;
	dt = ktime_to_ns(ktime_sub(now, p->last));
	p->last = now;
	if (dt > CYDMA_HW_MAX_CATCHUP) {
		p->slipped_ns += dt - CYDMA_HW_MAX_CATCHUP;
		dt = CYDMA_HW_MAX_CATCHUP;
	}
	p->credit += (u64)p->cfg.rate * dt;
	per = (u64)p->cfg.unit * NSEC_PER_SEC;
	n = div64_u64(p->credit, per);
	if (!n)
		return false;
	p->credit -= n * per;
	if (p->cfg.kind == CYDMA_PORT_SINK)
		return cydma_hw_sink_take(p, n);
	return cydma_hw_source_put(p, n);
}

/* Whether a peripheral is on a clock the timer must drive. */
static bool cydma_hw_port_clocked(struct cydma_hw_port *p)
{
	lockdep_assert_held(&p->lock);
	return p->state != CYDMA_PORT_STOPPED &&
	       p->cfg.kind != CYDMA_PORT_FIFO && p->cfg.rate;
}

static void cydma_hw_kick(struct cydma_hw_chan *ch);

/* The FIFO level of @line changed: wake the channels waiting on it. */
static void cydma_hw_line_kick(struct cydma_hw *hw, unsigned int line)
{
	struct cydma_hw_chan *ch;
	unsigned long flags;
	unsigned int i;

	for (i = 0; i < hw->nr_chans; i++) {
		ch = &hw->chans[i];
		spin_lock_irqsave(&ch->lock, flags);
		if (ch->state == CYDMA_STATE_WAIT &&
		    FIELD_GET(CYDMA_CH_CFG_REQ_LINE, ch->cfg) == line) {
			ch->state = CYDMA_STATE_RUN;
			cydma_hw_kick(ch);
		}
		spin_unlock_irqrestore(&ch->lock, flags);
	}
}

static void cydma_hw_clock_tick(struct timer_list *t)
{
	struct cydma_hw *hw = from_timer(hw, t, clock);
	struct cydma_hw_port *p;
	bool changed, live = false;
	unsigned long flags;
	unsigned int i;

	for (i = 0; i < hw->cfg.request_lines; i++) {
		p = &hw->ports[i];
		spin_lock_irqsave(&p->lock, flags);
		changed = cydma_hw_port_advance(p, ktime_get());
		live |= cydma_hw_port_clocked(p);
		spin_unlock_irqrestore(&p->lock, flags);
		if (changed)
			cydma_hw_line_kick(hw, i);
	}
	if (live && !READ_ONCE(hw->dead))
		mod_timer(&hw->clock, jiffies + 1);
}

/*
 * Whether the peripheral asks for a piece of @len bytes: room for it
 * (@to_port) or that much data.  Context: caller holds the channel lock.
 */
static bool cydma_hw_port_ready(struct cydma_hw_port *p, bool to_port,
				u32 len)
{
	unsigned long flags;
	bool ready;

	spin_lock_irqsave(&p->lock, flags);
	cydma_hw_port_advance(p, ktime_get());
	if (to_port)
		ready = kfifo_avail(&p->fifo) >= len;
	else
		ready = kfifo_len(&p->fifo) >= len;
	spin_unlock_irqrestore(&p->lock, flags);
	return ready;
}

/* ---- interrupts --------------------------------------------------- */

/*
 * Latch interrupt causes.  Returns true when the line must be raised once
 * @ch->lock is dropped.  Context: caller holds @ch->lock.
 */
static bool cydma_hw_set_int(struct cydma_hw_chan *ch, u32 bits)
{
	lockdep_assert_held(&ch->lock);
	ch->int_status |= bits;
	if (!(bits & ch->int_mask))
		return false;
	ch->stats.irqs++;
	return true;
}

/* Context: engine, without @ch->lock. */
static void cydma_hw_raise(struct cydma_hw_chan *ch)
{
	simdma_irqs_raise(&ch->hw->irqs, ch->idx);
}

/* Context: caller holds @ch->lock. */
static void cydma_hw_kick(struct cydma_hw_chan *ch)
{
	lockdep_assert_held(&ch->lock);
	if (READ_ONCE(ch->hw->dead))
		return;
	if (ch->engine_active && !ch->deferred)
		return;
	ch->engine_active = true;
	ch->deferred = false;
	mod_delayed_work(ch->hw->wq, &ch->work, 0);
}

/* Stop the channel on an error.  Context: caller holds @ch->lock. */
static bool cydma_hw_halt(struct cydma_hw_chan *ch, u32 cause, u64 addr)
{
	lockdep_assert_held(&ch->lock);
	ch->stats.errors++;
	ch->err |= cause;
	ch->err_addr = addr;
	ch->state = CYDMA_STATE_IDLE;
	return cydma_hw_set_int(ch, CYDMA_CH_INT_ERROR);
}

/* ---- descriptor fetch --------------------------------------------- */

/* Read the chunks of a frame: inline, or from the chunk table. */
static bool cydma_hw_load_chunks(struct cydma_hw_chan *ch,
				 const struct cydma_desc *raw)
{
	struct cydma_hw_run *run = &ch->run;
	const struct cydma_chunk *tab;
	u64 table = le64_to_cpu(raw->table);
	unsigned int i;

	run->nchunks = le32_to_cpu(raw->chunks);
	if (run->nchunks == 1) {
		run->chunks[0].size = le32_to_cpu(raw->size);
		run->chunks[0].src_gap = le32_to_cpu(raw->src_gap);
		run->chunks[0].dst_gap = le32_to_cpu(raw->dst_gap);
		return true;
	}
	if (!run->nchunks || run->nchunks > ch->hw->cfg.max_chunks ||
	    !(ch->hw->cfg.features & CYDMA_FEAT_CHUNKS) ||
	    raw->size || raw->src_gap || raw->dst_gap ||
	    !IS_ALIGNED(table, CYDMA_CHUNK_ALIGN))
		return false;
	tab = cydma_hw_ram(ch->hw, table, run->nchunks * sizeof(*tab));
	if (!tab)
		return false;
	for (i = 0; i < run->nchunks; i++) {
		if (tab[i].reserved)
			return false;
		run->chunks[i].size = le32_to_cpu(tab[i].size);
		run->chunks[i].src_gap = le32_to_cpu(tab[i].src_gap);
		run->chunks[i].dst_gap = le32_to_cpu(tab[i].dst_gap);
	}
	return true;
}

/* Sizes and gaps: in range and whole beats; sets the total length. */
static bool cydma_hw_chunks_ok(struct cydma_hw *hw, struct cydma_hw_run *run)
{
	const struct cydma_hw_config *cfg = &hw->cfg;
	u64 frame = 0;
	unsigned int i;

	for (i = 0; i < run->nchunks; i++) {
		const struct cydma_hw_chunk *c = &run->chunks[i];

		if (!c->size || c->size > cfg->max_chunk ||
		    c->src_gap > cfg->max_gap || c->dst_gap > cfg->max_gap)
			return false;
		if (!IS_ALIGNED(c->size | c->src_gap | c->dst_gap, run->width))
			return false;
		frame += c->size;
	}
	if (!run->frames || run->frames > cfg->max_frames ||
	    frame * run->frames > CYDMA_DESC_MAX_BYTES)
		return false;
	run->len = frame * run->frames;
	return true;
}

/* Which side is a peripheral, and whether the sides fit together. */
static bool cydma_hw_sides_ok(struct cydma_hw_chan *ch,
			      struct cydma_hw_run *run)
{
	const struct cydma_hw_config *cfg = &ch->hw->cfg;
	bool sinc = run->ctrl & CYDMA_DESC_CTRL_SRC_INC;
	bool dinc = run->ctrl & CYDMA_DESC_CTRL_DST_INC;
	bool paced = run->ctrl & CYDMA_DESC_CTRL_PACED;
	struct cydma_hw_port *port;

	run->src_port = cydma_hw_port_at(ch->hw, run->src);
	run->dst_port = cydma_hw_port_at(ch->hw, run->dst);
	port = run->src_port ?: run->dst_port;
	if (!port) {
		if (paced || !(cfg->features & CYDMA_FEAT_MEM))
			return false;
		return IS_ALIGNED(run->src | run->dst, run->width);
	}
	/* a peripheral never increments; the memory side always does */
	if (run->src_port && run->dst_port)
		return false;
	if (run->src_port ? sinc || !dinc : dinc || !sinc)
		return false;
	if (!IS_ALIGNED(run->src_port ? run->dst : run->src, run->width))
		return false;
	if (!paced)
		return true;
	return cfg->features & CYDMA_FEAT_PACED &&
	       FIELD_GET(CYDMA_CH_CFG_REQ_LINE, ch->cfg) == port->line &&
	       run->burst <= kfifo_size(&port->fifo) / 2;
}

static bool cydma_hw_desc_ok(struct cydma_hw_chan *ch,
			     const struct cydma_desc *raw)
{
	const struct cydma_hw_config *cfg = &ch->hw->cfg;
	struct cydma_hw_run *run = &ch->run;
	u32 wlog, blog;

	if (run->ctrl & CYDMA_DESC_CTRL_RESERVED || raw->reserved)
		return false;
	if (run->ctrl & CYDMA_DESC_CTRL_IRQ && !(cfg->features & CYDMA_FEAT_RING))
		return false;
	wlog = FIELD_GET(CYDMA_DESC_CTRL_WIDTH, run->ctrl);
	blog = FIELD_GET(CYDMA_DESC_CTRL_BURST, run->ctrl);
	if (!(cfg->widths & BIT(wlog)) || BIT(blog) > cfg->max_burst)
		return false;
	run->width = BIT(wlog);
	run->burst = run->width << blog;
	if (!cydma_hw_load_chunks(ch, raw) || !cydma_hw_chunks_ok(ch->hw, run))
		return false;
	if (run->ctrl & CYDMA_DESC_CTRL_IRQ && run->len < cfg->min_period)
		return false;
	return cydma_hw_sides_ok(ch, run);
}

/*
 * Fetch the descriptor at @ch->cur.  Returns true when an interrupt must
 * be raised.  Context: engine, caller holds @ch->lock.
 */
static bool cydma_hw_fetch(struct cydma_hw_chan *ch)
{
	struct cydma_hw_run *run = &ch->run;
	const struct cydma_desc *raw;

	lockdep_assert_held(&ch->lock);
	raw = cydma_hw_ram(ch->hw, ch->cur, sizeof(*raw));
	if (!raw || !IS_ALIGNED(ch->cur, CYDMA_DESC_ALIGN) ||
	    READ_ONCE(ch->hw->fail_desc))
		return cydma_hw_halt(ch, CYDMA_CH_ERR_DESC, ch->cur);
	run->addr = ch->cur;
	run->ctrl = le32_to_cpu(raw->ctrl);
	run->frames = le32_to_cpu(raw->frames);
	run->src = le64_to_cpu(raw->src);
	run->dst = le64_to_cpu(raw->dst);
	run->next = le64_to_cpu(raw->next);
	if (!cydma_hw_desc_ok(ch, raw))
		return cydma_hw_halt(ch, CYDMA_CH_ERR_DESC, ch->cur);
	run->frame = 0;
	run->chunk = 0;
	run->off = 0;
	run->done = 0;
	run->sptr = run->src;
	run->dptr = run->dst;
	ch->fetched = true;
	return false;
}

/* ---- data movement ------------------------------------------------ */

static void cydma_hw_fail(struct cydma_hw_piece *pc, u32 cause, u64 addr)
{
	if (!pc->err) {
		pc->err = cause;
		pc->err_addr = addr;
	}
}

/* Peripheral to memory. */
static void cydma_hw_from_port(struct cydma_hw_chan *ch,
			       struct cydma_hw_port *p, bool paced,
			       struct cydma_hw_piece *pc)
{
	void *to = cydma_hw_ram(ch->hw, pc->dst, pc->len);
	unsigned long flags;

	if (!to)
		return cydma_hw_fail(pc, CYDMA_CH_ERR_WRITE, pc->dst);
	spin_lock_irqsave(&p->lock, flags);
	if (kfifo_len(&p->fifo) < pc->len) {
		if (paced)
			pc->starved = true;
		else
			cydma_hw_fail(pc, CYDMA_CH_ERR_READ, pc->src);
	} else {
		WARN_ON_ONCE(kfifo_out(&p->fifo, to, pc->len) != pc->len);
	}
	spin_unlock_irqrestore(&p->lock, flags);
}

/* Memory to peripheral. */
static void cydma_hw_to_port(struct cydma_hw_chan *ch, struct cydma_hw_port *p,
			     bool paced, struct cydma_hw_piece *pc)
{
	const void *from = cydma_hw_ram(ch->hw, pc->src, pc->len);
	unsigned long flags;

	if (!from)
		return cydma_hw_fail(pc, CYDMA_CH_ERR_READ, pc->src);
	spin_lock_irqsave(&p->lock, flags);
	if (kfifo_avail(&p->fifo) < pc->len) {
		if (paced)
			pc->starved = true;
		else
			cydma_hw_fail(pc, CYDMA_CH_ERR_WRITE, pc->dst);
	} else {
		WARN_ON_ONCE(kfifo_in(&p->fifo, from, pc->len) != pc->len);
	}
	spin_unlock_irqrestore(&p->lock, flags);
}

/* Memory to memory; a non-incrementing side sees every beat in place. */
static void cydma_hw_mem(struct cydma_hw_chan *ch, const struct cydma_hw_run *run,
			 struct cydma_hw_piece *pc)
{
	bool sinc = run->ctrl & CYDMA_DESC_CTRL_SRC_INC;
	bool dinc = run->ctrl & CYDMA_DESC_CTRL_DST_INC;
	u32 beat = run->width, i;
	const u8 *from;
	u8 *to;

	from = cydma_hw_ram(ch->hw, pc->src, sinc ? pc->len : beat);
	if (!from)
		return cydma_hw_fail(pc, CYDMA_CH_ERR_READ, pc->src);
	to = cydma_hw_ram(ch->hw, pc->dst, dinc ? pc->len : beat);
	if (!to)
		return cydma_hw_fail(pc, CYDMA_CH_ERR_WRITE, pc->dst);
	if (sinc && dinc) {
		memmove(to, from, pc->len);
		return;
	}
	for (i = 0; i < pc->len; i += beat)
		memmove(to + (dinc ? i : 0), from + (sinc ? i : 0), beat);
}

/* Move one piece.  Context: engine, without @ch->lock, @ch->in_step set. */
static void cydma_hw_move(struct cydma_hw_chan *ch, struct cydma_hw_piece *pc)
{
	const struct cydma_hw_run *run = &ch->run;
	bool paced = run->ctrl & CYDMA_DESC_CTRL_PACED;

	if (run->src_port)
		cydma_hw_from_port(ch, run->src_port, paced, pc);
	else if (run->dst_port)
		cydma_hw_to_port(ch, run->dst_port, paced, pc);
	else
		cydma_hw_mem(ch, run, pc);
}

/*
 * Plan the next piece of the fetched descriptor, or park the channel until
 * its peripheral asks.  Context: caller holds @ch->lock.
 */
static bool cydma_hw_plan(struct cydma_hw_chan *ch, struct cydma_hw_piece *pc)
{
	struct cydma_hw_run *run = &ch->run;
	const struct cydma_hw_chunk *c = &run->chunks[run->chunk];
	bool paced = run->ctrl & CYDMA_DESC_CTRL_PACED;
	u32 cap = paced ? run->burst : CYDMA_HW_MAX_PIECE;

	lockdep_assert_held(&ch->lock);
	*pc = (struct cydma_hw_piece) {
		.gen = ch->gen,
		.len = min(c->size - run->off, cap),
		.src = run->sptr,
		.dst = run->dptr,
	};
	if (run->ctrl & CYDMA_DESC_CTRL_SRC_INC)
		pc->src += run->off;
	if (run->ctrl & CYDMA_DESC_CTRL_DST_INC)
		pc->dst += run->off;
	if (paced && !cydma_hw_port_ready(run->src_port ?: run->dst_port,
					  run->dst_port, pc->len)) {
		ch->state = CYDMA_STATE_WAIT;
		return false;
	}
	return true;
}

/* Take the armed next-frame register.  Context: caller holds @ch->lock. */
static bool cydma_hw_load_next(struct cydma_hw_chan *ch)
{
	lockdep_assert_held(&ch->lock);
	ch->cur = ch->next_addr;
	ch->xfer = ch->next_addr;
	ch->next_armed = false;
	ch->load_mark = ch->periods;
	ch->stats.loads++;
	ch->fetched = false;
	return cydma_hw_set_int(ch, CYDMA_CH_INT_LOADED);
}

/* Descriptor done: status, period, then where to go.  Under @ch->lock. */
static bool cydma_hw_retire(struct cydma_hw_chan *ch)
{
	struct cydma_hw_run *run = &ch->run;
	bool eot = run->ctrl & CYDMA_DESC_CTRL_EOT;
	struct cydma_desc *raw;
	bool raise = false;

	lockdep_assert_held(&ch->lock);
	raw = cydma_hw_ram(ch->hw, run->addr, sizeof(*raw));
	if (raw)
		WRITE_ONCE(raw->status, cpu_to_le32(CYDMA_DESC_STATUS_DONE));
	ch->stats.descs++;
	if (run->ctrl & CYDMA_DESC_CTRL_IRQ) {
		ch->periods++;
		ch->stats.periods++;
		raise = cydma_hw_set_int(ch, CYDMA_CH_INT_PERIOD);
	}
	if (eot)
		ch->stats.passes++;
	if (eot && ch->next_armed)
		return cydma_hw_load_next(ch) || raise;
	if (!run->next) {
		/* CH_POS keeps reading the whole descriptor as done */
		ch->state = CYDMA_STATE_IDLE;
		return cydma_hw_set_int(ch, CYDMA_CH_INT_DONE) || raise;
	}
	ch->cur = run->next;
	ch->fetched = false;
	if (eot && !(run->ctrl & CYDMA_DESC_CTRL_PACED)) {
		ch->state = CYDMA_STATE_SYNC;
		ch->sync_until = jiffies + 1;
	}
	return raise;
}

/* Account a moved piece.  Context: caller holds @ch->lock. */
static bool cydma_hw_commit(struct cydma_hw_chan *ch,
			    const struct cydma_hw_piece *pc)
{
	struct cydma_hw_run *run = &ch->run;
	const struct cydma_hw_chunk *c = &run->chunks[run->chunk];

	lockdep_assert_held(&ch->lock);
	if (pc->gen != ch->gen)
		return false;		/* aborted or restarted meanwhile */
	if (pc->err)
		return cydma_hw_halt(ch, pc->err, pc->err_addr);
	if (pc->starved)
		return false;		/* planned again, may wait then */
	run->off += pc->len;
	run->done += pc->len;
	ch->run_bytes += pc->len;
	ch->stats.bytes += pc->len;
	if (run->off < c->size)
		return false;
	if (run->ctrl & CYDMA_DESC_CTRL_SRC_INC)
		run->sptr += c->size + c->src_gap;
	if (run->ctrl & CYDMA_DESC_CTRL_DST_INC)
		run->dptr += c->size + c->dst_gap;
	run->off = 0;
	if (++run->chunk < run->nchunks)
		return false;
	run->chunk = 0;
	if (++run->frame < run->frames)
		return false;
	return cydma_hw_retire(ch);
}

/* ---- engine ------------------------------------------------------- */

enum cydma_hw_go {
	CYDMA_HW_STOP,		/* nothing to do until a register or port kick */
	CYDMA_HW_DEFER,		/* requeued for the frame tick */
	CYDMA_HW_GO,
};

static enum cydma_hw_go cydma_hw_ready(struct cydma_hw_chan *ch)
{
	lockdep_assert_held(&ch->lock);
	if (ch->ctrl & CYDMA_CH_CTRL_PAUSE &&
	    (ch->state == CYDMA_STATE_RUN || ch->state == CYDMA_STATE_SYNC))
		ch->state = CYDMA_STATE_PAUSED;
	if (READ_ONCE(ch->hw->dead))
		return CYDMA_HW_STOP;
	if (ch->state == CYDMA_STATE_SYNC) {
		if (time_before(jiffies, ch->sync_until)) {
			ch->deferred = true;
			queue_delayed_work(ch->hw->wq, &ch->work,
					   ch->sync_until - jiffies);
			return CYDMA_HW_DEFER;
		}
		ch->state = CYDMA_STATE_RUN;
	}
	return ch->state == CYDMA_STATE_RUN ? CYDMA_HW_GO : CYDMA_HW_STOP;
}

/* Move the fetched descriptor on by one piece.  Under @ch->lock. */
static bool cydma_hw_advance(struct cydma_hw_chan *ch, unsigned long *flags,
			     bool *more)
{
	struct cydma_hw_piece pc;
	bool raise;

	if (!cydma_hw_plan(ch, &pc)) {
		ch->engine_active = false;
		*more = false;
		return false;
	}
	ch->in_step = true;
	spin_unlock_irqrestore(&ch->lock, *flags);
	cydma_hw_move(ch, &pc);
	spin_lock_irqsave(&ch->lock, *flags);
	ch->in_step = false;
	raise = cydma_hw_commit(ch, &pc);
	if (ch->ctrl & CYDMA_CH_CTRL_PAUSE && ch->state == CYDMA_STATE_RUN)
		ch->state = CYDMA_STATE_PAUSED;
	return raise;
}

/* One fetch or one piece.  Returns false when the engine should stop. */
static bool cydma_hw_step(struct cydma_hw_chan *ch)
{
	unsigned long flags;
	bool raise = false, more = true;

	spin_lock_irqsave(&ch->lock, flags);
	ch->deferred = false;
	if (ch->raise_pending) {
		ch->raise_pending = false;
		raise = ch->int_status & ch->int_mask;
	}
	switch (cydma_hw_ready(ch)) {
	case CYDMA_HW_STOP:
		ch->engine_active = false;
		fallthrough;
	case CYDMA_HW_DEFER:
		more = false;
		break;
	case CYDMA_HW_GO:
		if (!ch->fetched)
			raise |= cydma_hw_fetch(ch);
		else
			raise |= cydma_hw_advance(ch, &flags, &more);
		break;
	}
	spin_unlock_irqrestore(&ch->lock, flags);
	if (raise)
		cydma_hw_raise(ch);
	return more;
}

static void cydma_hw_work(struct work_struct *work)
{
	struct cydma_hw_chan *ch = container_of(to_delayed_work(work),
						struct cydma_hw_chan, work);
	unsigned int budget;

	for (budget = CYDMA_HW_BUDGET; budget; budget--) {
		if (!cydma_hw_step(ch))
			return;
	}
	/* still busy: let other bottom halves run, then go on */
	queue_delayed_work(ch->hw->wq, &ch->work, 0);
}

/* ---- registers ---------------------------------------------------- */

static void cydma_hw_start(struct cydma_hw_chan *ch)
{
	lockdep_assert_held(&ch->lock);
	if (ch->state != CYDMA_STATE_IDLE)
		return;
	ch->gen++;
	ch->cur = ch->desc_base;
	ch->xfer = ch->desc_base;
	ch->pos_desc = ch->desc_base;
	ch->fetched = false;
	ch->next_armed = false;
	ch->periods = 0;
	ch->load_mark = 0;
	ch->run_bytes = 0;
	ch->err = 0;
	if (ch->ctrl & CYDMA_CH_CTRL_PAUSE) {
		ch->state = CYDMA_STATE_PAUSED;
		return;
	}
	ch->state = CYDMA_STATE_RUN;
	cydma_hw_kick(ch);
}

static void cydma_hw_write_ctrl(struct cydma_hw_chan *ch, u32 val)
{
	lockdep_assert_held(&ch->lock);
	ch->ctrl = val & CYDMA_CH_CTRL_PAUSE;
	if (val & CYDMA_CH_CTRL_ABORT) {
		ch->gen++;
		ch->state = CYDMA_STATE_IDLE;
		ch->fetched = false;
		ch->next_armed = false;
		return;
	}
	if (ch->ctrl & CYDMA_CH_CTRL_PAUSE) {
		if ((ch->state == CYDMA_STATE_RUN && !ch->in_step) ||
		    ch->state == CYDMA_STATE_WAIT ||
		    ch->state == CYDMA_STATE_SYNC)
			ch->state = CYDMA_STATE_PAUSED;
	} else if (ch->state == CYDMA_STATE_PAUSED) {
		ch->state = CYDMA_STATE_RUN;
		cydma_hw_kick(ch);
	}
}

static u64 cydma_hw_set_lo(u64 reg, u32 val)
{
	return (reg & GENMASK_ULL(63, 32)) | val;
}

static u64 cydma_hw_set_hi(u64 reg, u32 val)
{
	return (reg & GENMASK_ULL(31, 0)) | (u64)val << 32;
}

/* &simdma_window_ops.chan_write; ignored once the model is dying */
static void cydma_hw_chan_write(void *chan, unsigned int reg, u32 val)
{
	struct cydma_hw_chan *ch = chan;
	unsigned long flags;

	if (READ_ONCE(ch->hw->dead))
		return;
	spin_lock_irqsave(&ch->lock, flags);
	switch (reg) {
	case CYDMA_CH_CTRL:
		cydma_hw_write_ctrl(ch, val);
		break;
	case CYDMA_CH_START:
		cydma_hw_start(ch);
		break;
	case CYDMA_CH_CFG:
		ch->cfg = val & CYDMA_CH_CFG_REQ_LINE;
		break;
	case CYDMA_CH_DESC_LO:
		ch->desc_base = cydma_hw_set_lo(ch->desc_base, val);
		break;
	case CYDMA_CH_DESC_HI:
		ch->desc_base = cydma_hw_set_hi(ch->desc_base, val);
		break;
	case CYDMA_CH_NEXT_LO:
		ch->next_addr = cydma_hw_set_lo(ch->next_addr, val);
		break;
	case CYDMA_CH_NEXT_HI:
		ch->next_addr = cydma_hw_set_hi(ch->next_addr, val);
		ch->next_armed = ch->hw->cfg.features & CYDMA_FEAT_NEXT &&
				 ch->state != CYDMA_STATE_IDLE;
		break;
	case CYDMA_CH_INT_MASK:
		ch->int_mask = val & CYDMA_CH_INT_ALL;
		if (ch->int_status & ch->int_mask) {
			ch->raise_pending = true;
			cydma_hw_kick(ch);
		}
		break;
	case CYDMA_CH_INT_CLEAR:
		ch->int_status &= ~val;
		break;
	case CYDMA_CH_ERR:
		ch->err &= ~val;
		break;
	default:		/* read-only */
		break;
	}
	spin_unlock_irqrestore(&ch->lock, flags);
}

static u32 cydma_hw_status(struct cydma_hw_chan *ch)
{
	u32 val = FIELD_PREP(CYDMA_CH_STATUS_STATE, ch->state);

	lockdep_assert_held(&ch->lock);
	if (ch->state != CYDMA_STATE_IDLE || ch->in_step)
		val |= CYDMA_CH_STATUS_BUSY;
	if (ch->next_armed)
		val |= CYDMA_CH_STATUS_NEXT;
	return val;
}

/* CH_POS: bytes done in the current descriptor; latches its address. */
static u32 cydma_hw_pos(struct cydma_hw_chan *ch)
{
	lockdep_assert_held(&ch->lock);
	ch->pos_desc = ch->cur;
	return ch->fetched ? ch->run.done : 0;
}

static u32 cydma_hw_chan_read(void *chan, unsigned int reg)
{
	struct cydma_hw_chan *ch = chan;
	unsigned long flags;
	u32 val;

	spin_lock_irqsave(&ch->lock, flags);
	switch (reg) {
	case CYDMA_CH_CTRL:
		val = ch->ctrl;
		break;
	case CYDMA_CH_STATUS:
		val = cydma_hw_status(ch);
		break;
	case CYDMA_CH_CFG:
		val = ch->cfg;
		break;
	case CYDMA_CH_DESC_LO:
		val = lower_32_bits(ch->desc_base);
		break;
	case CYDMA_CH_DESC_HI:
		val = upper_32_bits(ch->desc_base);
		break;
	case CYDMA_CH_NEXT_LO:
		val = lower_32_bits(ch->next_addr);
		break;
	case CYDMA_CH_NEXT_HI:
		val = upper_32_bits(ch->next_addr);
		break;
	case CYDMA_CH_XFER_LO:
		val = lower_32_bits(ch->xfer);
		break;
	case CYDMA_CH_XFER_HI:
		val = upper_32_bits(ch->xfer);
		break;
	case CYDMA_CH_POS:
		val = cydma_hw_pos(ch);
		break;
	case CYDMA_CH_POS_DESC_LO:
		val = lower_32_bits(ch->pos_desc);
		break;
	case CYDMA_CH_POS_DESC_HI:
		val = upper_32_bits(ch->pos_desc);
		break;
	case CYDMA_CH_PERIODS:
		val = ch->periods;
		break;
	case CYDMA_CH_LOAD_MARK:
		val = ch->load_mark;
		break;
	case CYDMA_CH_INT_STATUS:
		val = ch->int_status;
		break;
	case CYDMA_CH_INT_MASK:
		val = ch->int_mask;
		break;
	case CYDMA_CH_ERR:
		val = ch->err;
		break;
	case CYDMA_CH_ERR_ADDR_LO:
		val = lower_32_bits(ch->err_addr);
		break;
	case CYDMA_CH_ERR_ADDR_HI:
		val = upper_32_bits(ch->err_addr);
		break;
	default:		/* write-only */
		val = 0;
		break;
	}
	spin_unlock_irqrestore(&ch->lock, flags);
	return val;
}

static u32 cydma_hw_int_summary(struct cydma_hw *hw)
{
	unsigned long flags;
	unsigned int i;
	u32 val = 0;

	for (i = 0; i < hw->nr_chans; i++) {
		spin_lock_irqsave(&hw->chans[i].lock, flags);
		if (hw->chans[i].int_status & hw->chans[i].int_mask)
			val |= BIT(i);
		spin_unlock_irqrestore(&hw->chans[i].lock, flags);
	}
	return val;
}

static u32 cydma_hw_global_read(void *ctx, unsigned int reg)
{
	struct cydma_hw *hw = ctx;
	const struct cydma_hw_config *cfg = &hw->cfg;

	switch (reg) {
	case CYDMA_ID:
		return CYDMA_ID_MAGIC;
	case CYDMA_VERSION:
		return CYDMA_HW_VERSION;
	case CYDMA_HWCFG:
		return FIELD_PREP(CYDMA_HWCFG_CHANNELS, cfg->channels) |
		       FIELD_PREP(CYDMA_HWCFG_REQUESTS, cfg->request_lines) |
		       FIELD_PREP(CYDMA_HWCFG_MAX_CHUNKS, cfg->max_chunks) |
		       FIELD_PREP(CYDMA_HWCFG_ADDR_BITS, CYDMA_HW_ADDR_BITS);
	case CYDMA_FEATURES:
		return cfg->features;
	case CYDMA_WIDTHS:
		return cfg->widths;
	case CYDMA_MAX_BURST:
		return cfg->max_burst;
	case CYDMA_MAX_CHUNK:
		return cfg->max_chunk;
	case CYDMA_MIN_PERIOD:
		return cfg->min_period;
	case CYDMA_MAX_FRAMES:
		return cfg->max_frames;
	case CYDMA_MAX_GAP:
		return cfg->max_gap;
	case CYDMA_INT_SUMMARY:
		return cydma_hw_int_summary(hw);
	default:
		return 0;
	}
}

/* The window spans every possible channel; absent ones answer -EIO. */
static const struct simdma_window_ops cydma_hw_win_ops = {
	.global_read = cydma_hw_global_read,
	.chan_read = cydma_hw_chan_read,
	.chan_write = cydma_hw_chan_write,
};

/* ---- construction ------------------------------------------------- */

static int cydma_hw_check_port(const struct cydma_hw_port_config *pc)
{
	if (pc->kind >= CYDMA_PORT_NR || pc->fifo_depth < 16 ||
	    pc->fifo_depth > SZ_1M)
		return -EINVAL;
	if (pc->kind == CYDMA_PORT_FIFO)
		return 0;
	if (!pc->unit || pc->unit > CYDMA_HW_MAX_UNIT ||
	    pc->unit > roundup_pow_of_two(pc->fifo_depth) / 2 ||
	    pc->rate > 1000 * SZ_1M)
		return -EINVAL;
	return 0;
}

static int cydma_hw_check_config(const struct cydma_hw_config *cfg)
{
	unsigned int i;

	if (cfg->id < 0 || !cfg->channels ||
	    cfg->channels > CYDMA_MAX_CHANNELS ||
	    cfg->request_lines > CYDMA_MAX_REQUESTS)
		return -EINVAL;
	if (!cfg->features || cfg->features & ~CYDMA_FEAT_ALL)
		return -EINVAL;
	if (!cfg->widths || cfg->widths > GENMASK(4, 0) ||
	    !is_power_of_2(cfg->max_burst) ||
	    cfg->max_burst > BIT(CYDMA_MAX_BURST_LOG2))
		return -EINVAL;
	if (!cfg->max_chunk || cfg->max_chunk > CYDMA_DESC_MAX_BYTES ||
	    cfg->min_period > cfg->max_chunk || !cfg->max_frames ||
	    cfg->max_gap > CYDMA_DESC_MAX_BYTES)
		return -EINVAL;
	if (!cfg->max_chunks || cfg->max_chunks > CYDMA_MAX_CHUNKS)
		return -EINVAL;
	for (i = 0; i < cfg->request_lines; i++) {
		if (cydma_hw_check_port(&cfg->ports[i]))
			return -EINVAL;
	}
	return 0;
}

static void cydma_hw_free_parts(struct cydma_hw *hw)
{
	unsigned int i;

	for (i = 0; hw->ports && i < hw->cfg.request_lines; i++) {
		kfifo_free(&hw->ports[i].fifo);
		kfree(hw->ports[i].unit_buf);
	}
	kfree(hw->ports);
	kfree(hw);
}

static int cydma_hw_alloc_parts(struct cydma_hw *hw)
{
	struct cydma_hw_port *p;
	unsigned int i;
	int ret;

	hw->ports = kcalloc(hw->cfg.request_lines, sizeof(*hw->ports),
			    GFP_KERNEL);
	if ((hw->cfg.request_lines && !hw->ports))
		return -ENOMEM;
	for (i = 0; i < hw->cfg.request_lines; i++) {
		p = &hw->ports[i];
		p->hw = hw;
		p->line = i;
		p->cfg = hw->cfg.ports[i];
		spin_lock_init(&p->lock);
		ret = kfifo_alloc(&p->fifo, p->cfg.fifo_depth, GFP_KERNEL);
		if (ret)
			return ret;
		if (p->cfg.kind != CYDMA_PORT_SOURCE)
			continue;
		p->unit_buf = kmalloc(p->cfg.unit, GFP_KERNEL);
		if (!p->unit_buf)
			return -ENOMEM;
	}
	return 0;
}

static void cydma_hw_init_chans(struct cydma_hw *hw)
{
	struct cydma_hw_chan *ch;
	unsigned int i;

	for (i = 0; i < hw->nr_chans; i++) {
		ch = &hw->chans[i];
		ch->hw = hw;
		ch->idx = i;
		spin_lock_init(&ch->lock);
		INIT_DELAYED_WORK(&ch->work, cydma_hw_work);
	}
}

/**
 * cydma_hw_create() - build a simulated controller
 * @dev: device that owns the register window; the controller's platform
 *	device must be its child.  Also used to translate bus addresses.
 * @cfg: what to build
 *
 * The register window is attached to @dev as its regmap and the channel
 * interrupts are mapped; nothing runs until a driver starts a channel or
 * a peripheral is started.
 *
 * Context: process context; may sleep.
 * Return: the controller, or an ERR_PTR():
 * * -EINVAL - @cfg is out of range
 * * -ENOMEM, -ENOSPC - out of memory or interrupt numbers
 * * other - the regmap could not be created
 */
struct cydma_hw *cydma_hw_create(struct device *dev,
				 const struct cydma_hw_config *cfg)
{
	struct cydma_hw *hw;
	int ret;

	ret = cydma_hw_check_config(cfg);
	if (ret)
		return ERR_PTR(ret);
	hw = kzalloc(struct_size(hw, chans, cfg->channels), GFP_KERNEL);
	if (!hw)
		return ERR_PTR(-ENOMEM);
	hw->nr_chans = cfg->channels;
	hw->dev = dev;
	hw->cfg = *cfg;
	hw->port_base = CYDMA_HW_PORT_WINDOW + cfg->id * CYDMA_HW_PORT_SPAN;
	timer_setup(&hw->clock, cydma_hw_clock_tick, 0);
	cydma_hw_init_chans(hw);
	ret = cydma_hw_alloc_parts(hw);
	if (ret)
		goto err_free;

	hw->wq = alloc_workqueue("cydma-hw%d", WQ_BH, 0, cfg->id);
	if (!hw->wq) {
		ret = -ENOMEM;
		goto err_free;
	}
	ret = simdma_irqs_add(&hw->irqs, "cydma-hw", cfg->id, hw->nr_chans);
	if (ret)
		goto err_wq;
	hw->win.ops = &cydma_hw_win_ops;
	hw->win.ctx = hw;
	hw->win.chans = hw->chans;
	hw->win.chan_size = sizeof(hw->chans[0]);
	hw->win.ch_base = CYDMA_CH_BASE;
	hw->win.ch_stride = CYDMA_CH_STRIDE;
	hw->win.nr_chans = hw->nr_chans;
	ret = simdma_window_init(&hw->win, dev, CYDMA_REG_MAX);
	if (ret)
		goto err_irqs;
	return hw;

err_irqs:
	simdma_irqs_remove(&hw->irqs);
err_wq:
	destroy_workqueue(hw->wq);
err_free:
	cydma_hw_free_parts(hw);
	return ERR_PTR(ret);
}
EXPORT_SYMBOL_GPL(cydma_hw_create);

/**
 * cydma_hw_destroy() - tear a simulated controller down
 * @hw: the controller, or NULL or an ERR_PTR() (ignored)
 *
 * Stops every channel and peripheral and frees the controller.  The
 * driver must already be unbound: its interrupts freed and its register
 * window no longer in use.
 *
 * Context: process context; may sleep.
 */
void cydma_hw_destroy(struct cydma_hw *hw)
{
	unsigned long flags;
	unsigned int i;

	if (IS_ERR_OR_NULL(hw))
		return;
	WRITE_ONCE(hw->dead, true);
	timer_shutdown_sync(&hw->clock);
	for (i = 0; i < hw->nr_chans; i++) {
		spin_lock_irqsave(&hw->chans[i].lock, flags);
		hw->chans[i].state = CYDMA_STATE_IDLE;
		hw->chans[i].gen++;
		spin_unlock_irqrestore(&hw->chans[i].lock, flags);
		cancel_delayed_work_sync(&hw->chans[i].work);
	}
	simdma_window_exit(&hw->win);
	simdma_irqs_remove(&hw->irqs);
	destroy_workqueue(hw->wq);
	cydma_hw_free_parts(hw);
}
EXPORT_SYMBOL_GPL(cydma_hw_destroy);

/**
 * cydma_hw_channels() - number of channels of a controller
 * @hw: the controller
 *
 * Context: any.
 * Return: the channel count.
 */
unsigned int cydma_hw_channels(const struct cydma_hw *hw)
{
	return hw->nr_chans;
}
EXPORT_SYMBOL_GPL(cydma_hw_channels);

/**
 * cydma_hw_request_lines() - number of request lines of a controller
 * @hw: the controller
 *
 * Context: any.
 * Return: the request line count (one peripheral each).
 */
unsigned int cydma_hw_request_lines(const struct cydma_hw *hw)
{
	return hw->cfg.request_lines;
}
EXPORT_SYMBOL_GPL(cydma_hw_request_lines);

/**
 * cydma_hw_irq_lines() - the interrupt lines of a controller
 * @hw: the controller
 *
 * Context: any.
 * Return: the lines, one per channel, for the board to hand to the driver.
 */
const struct simdma_irqs *cydma_hw_irq_lines(const struct cydma_hw *hw)
{
	return &hw->irqs;
}
EXPORT_SYMBOL_GPL(cydma_hw_irq_lines);

/**
 * cydma_hw_irq() - Linux interrupt number of a channel
 * @hw: the controller
 * @chan: channel number
 *
 * Context: any.
 * Return: the interrupt number, or -EINVAL for a channel that does not
 * exist.
 */
int cydma_hw_irq(const struct cydma_hw *hw, unsigned int chan)
{
	return simdma_irqs_virq(&hw->irqs, chan);
}
EXPORT_SYMBOL_GPL(cydma_hw_irq);

/* ---- peripheral interface ----------------------------------------- */

/**
 * cydma_hw_port_addr() - bus address of a peripheral's data register
 * @hw: the controller
 * @line: request line of the peripheral
 *
 * This is what a client puts in &dma_slave_config.src_addr or
 * &dma_slave_config.dst_addr to reach the peripheral.
 *
 * Context: any.
 * Return: the bus address (not memory; it never needs mapping).
 */
dma_addr_t cydma_hw_port_addr(const struct cydma_hw *hw, unsigned int line)
{
	return hw->port_base + (u64)line * CYDMA_HW_PORT_STRIDE;
}
EXPORT_SYMBOL_GPL(cydma_hw_port_addr);

/**
 * cydma_hw_port_start() - start a peripheral's stream
 * @hw: the controller
 * @line: request line of the peripheral
 *
 * Empties the FIFO and clears the counters.  A sink then waits for the
 * DMA to bring its first unit before its clock runs; a source produces at
 * once.  A bare FIFO only gets emptied.
 *
 * Context: any.
 * Return: 0, or -EINVAL for a line that does not exist.
 */
int cydma_hw_port_start(struct cydma_hw *hw, unsigned int line)
{
	struct cydma_hw_port *p = cydma_hw_port(hw, line);
	unsigned long flags;
	bool clocked;

	if (!p)
		return -EINVAL;
	spin_lock_irqsave(&p->lock, flags);
	kfifo_reset(&p->fifo);
	p->state = p->cfg.kind == CYDMA_PORT_SINK ? CYDMA_PORT_PREFILL :
						   CYDMA_PORT_RUNNING;
	p->last = ktime_get();
	p->credit = 0;
	p->bytes = 0;
	p->units = 0;
	p->underruns = 0;
	p->overruns = 0;
	p->slipped_ns = 0;
	p->next_unit = 0;
	clocked = cydma_hw_port_clocked(p);
	spin_unlock_irqrestore(&p->lock, flags);
	if (clocked && !READ_ONCE(hw->dead) && !timer_pending(&hw->clock))
		mod_timer(&hw->clock, jiffies + 1);
	cydma_hw_line_kick(hw, line);
	return 0;
}
EXPORT_SYMBOL_GPL(cydma_hw_port_start);

/**
 * cydma_hw_port_stop() - stop a peripheral's clock
 * @hw: the controller
 * @line: request line of the peripheral
 *
 * The FIFO keeps its contents and the counters their values.
 *
 * Context: any.
 */
void cydma_hw_port_stop(struct cydma_hw *hw, unsigned int line)
{
	struct cydma_hw_port *p = cydma_hw_port(hw, line);
	unsigned long flags;

	if (!p)
		return;
	spin_lock_irqsave(&p->lock, flags);
	cydma_hw_port_advance(p, ktime_get());
	p->state = CYDMA_PORT_STOPPED;
	spin_unlock_irqrestore(&p->lock, flags);
}
EXPORT_SYMBOL_GPL(cydma_hw_port_stop);

/**
 * cydma_hw_port_set_rate() - change a peripheral's byte rate
 * @hw: the controller
 * @line: request line of the peripheral
 * @rate: bytes per second; 0 stops the clock without stopping the stream
 *
 * Context: any.
 * Return: 0, or -EINVAL for a bad line or rate.
 */
int cydma_hw_port_set_rate(struct cydma_hw *hw, unsigned int line, u32 rate)
{
	struct cydma_hw_port *p = cydma_hw_port(hw, line);
	unsigned long flags;
	bool clocked;

	if (!p || rate > 1000 * SZ_1M)
		return -EINVAL;
	spin_lock_irqsave(&p->lock, flags);
	cydma_hw_port_advance(p, ktime_get());
	p->cfg.rate = rate;
	clocked = cydma_hw_port_clocked(p);
	spin_unlock_irqrestore(&p->lock, flags);
	if (clocked && !READ_ONCE(hw->dead) && !timer_pending(&hw->clock))
		mod_timer(&hw->clock, jiffies + 1);
	return 0;
}
EXPORT_SYMBOL_GPL(cydma_hw_port_set_rate);

/**
 * cydma_hw_port_set_tap() - record what a sink consumes
 * @hw: the controller
 * @line: request line of the sink
 * @buf: buffer receiving the consumed bytes in order, or NULL to stop
 * @len: its size; recording stops when it is full
 *
 * Only data actually taken from the FIFO is recorded; underruns leave no
 * trace in the tap (they are counted instead).  @buf must stay valid until
 * the tap is removed or the controller destroyed.
 *
 * Context: any.
 * Return: 0, or -EINVAL for a line that does not exist.
 */
int cydma_hw_port_set_tap(struct cydma_hw *hw, unsigned int line, void *buf,
			  size_t len)
{
	struct cydma_hw_port *p = cydma_hw_port(hw, line);
	unsigned long flags;

	if (!p)
		return -EINVAL;
	spin_lock_irqsave(&p->lock, flags);
	p->tap = buf;
	p->tap_len = buf ? len : 0;
	p->tap_pos = 0;
	spin_unlock_irqrestore(&p->lock, flags);
	return 0;
}
EXPORT_SYMBOL_GPL(cydma_hw_port_set_tap);

/**
 * cydma_hw_port_stats() - snapshot a peripheral's counters
 * @hw: the controller
 * @line: request line of the peripheral
 * @st: receives them (zeroed for a bad @line)
 *
 * The peripheral's clock is brought up to date first.
 *
 * Context: any.
 */
void cydma_hw_port_stats(struct cydma_hw *hw, unsigned int line,
			 struct cydma_hw_port_stats *st)
{
	struct cydma_hw_port *p = cydma_hw_port(hw, line);
	unsigned long flags;
	bool changed;

	memset(st, 0, sizeof(*st));
	if (!p)
		return;
	spin_lock_irqsave(&p->lock, flags);
	changed = cydma_hw_port_advance(p, ktime_get());
	st->started = p->state != CYDMA_PORT_STOPPED;
	st->running = p->state == CYDMA_PORT_RUNNING;
	st->level = kfifo_len(&p->fifo);
	st->bytes = p->bytes;
	st->units = p->units;
	st->underruns = p->underruns;
	st->overruns = p->overruns;
	st->slipped_ns = p->slipped_ns;
	st->tapped = p->tap_pos;
	st->rate = p->cfg.rate;
	spin_unlock_irqrestore(&p->lock, flags);
	if (changed)
		cydma_hw_line_kick(hw, line);
}
EXPORT_SYMBOL_GPL(cydma_hw_port_stats);

/**
 * cydma_hw_port_push() - put data into a peripheral's FIFO by hand
 * @hw: the controller
 * @line: request line of the peripheral
 * @buf: the data
 * @len: bytes in @buf
 *
 * Context: any.
 * Return: bytes queued, less than @len when the FIFO is full, 0 for a
 * line that does not exist.
 */
size_t cydma_hw_port_push(struct cydma_hw *hw, unsigned int line,
			  const void *buf, size_t len)
{
	struct cydma_hw_port *p = cydma_hw_port(hw, line);
	unsigned long flags;
	size_t done;

	if (!p)
		return 0;
	spin_lock_irqsave(&p->lock, flags);
	done = kfifo_in(&p->fifo, buf, len);
	spin_unlock_irqrestore(&p->lock, flags);
	if (done)
		cydma_hw_line_kick(hw, line);
	return done;
}
EXPORT_SYMBOL_GPL(cydma_hw_port_push);

/**
 * cydma_hw_port_pop() - take data out of a peripheral's FIFO by hand
 * @hw: the controller
 * @line: request line of the peripheral
 * @buf: receives the data
 * @len: room in @buf
 *
 * Context: any.
 * Return: bytes taken.
 */
size_t cydma_hw_port_pop(struct cydma_hw *hw, unsigned int line, void *buf,
			 size_t len)
{
	struct cydma_hw_port *p = cydma_hw_port(hw, line);
	unsigned long flags;
	size_t done;

	if (!p)
		return 0;
	spin_lock_irqsave(&p->lock, flags);
	done = kfifo_out(&p->fifo, buf, len);
	spin_unlock_irqrestore(&p->lock, flags);
	if (done)
		cydma_hw_line_kick(hw, line);
	return done;
}
EXPORT_SYMBOL_GPL(cydma_hw_port_pop);

/**
 * cydma_hw_port_kind() - what sits on a request line
 * @hw: the controller
 * @line: request line
 *
 * Context: any.
 * Return: the peripheral's kind; CYDMA_PORT_NR for a line that does not
 * exist.
 */
enum cydma_hw_port_kind cydma_hw_port_kind(const struct cydma_hw *hw,
					   unsigned int line)
{
	return line < hw->cfg.request_lines ? hw->ports[line].cfg.kind :
					      CYDMA_PORT_NR;
}
EXPORT_SYMBOL_GPL(cydma_hw_port_kind);

/**
 * cydma_hw_port_kind_name() - short name of a peripheral kind
 * @kind: the kind
 *
 * Context: any.
 * Return: "fifo", "sink" or "source"; "?" otherwise.
 */
const char *cydma_hw_port_kind_name(enum cydma_hw_port_kind kind)
{
	return kind < CYDMA_PORT_NR ? cydma_hw_port_kind_names[kind] : "?";
}
EXPORT_SYMBOL_GPL(cydma_hw_port_kind_name);

/* ---- channel interface -------------------------------------------- */

/**
 * cydma_hw_chan_stats() - snapshot the counters of a channel
 * @hw: the controller
 * @chan: channel number
 * @st: receives the counters (zeroed for a bad @chan)
 *
 * Context: any.
 */
void cydma_hw_chan_stats(struct cydma_hw *hw, unsigned int chan,
			 struct cydma_hw_chan_stats *st)
{
	unsigned long flags;

	memset(st, 0, sizeof(*st));
	if (chan >= hw->nr_chans)
		return;
	spin_lock_irqsave(&hw->chans[chan].lock, flags);
	*st = hw->chans[chan].stats;
	spin_unlock_irqrestore(&hw->chans[chan].lock, flags);
}
EXPORT_SYMBOL_GPL(cydma_hw_chan_stats);

/**
 * cydma_hw_chan_position() - snapshot where a channel is
 * @hw: the controller
 * @chan: channel number
 * @pos: receives the position (zeroed for a bad @chan)
 *
 * Unlike the registers, this does not disturb CH_POS_DESC.
 *
 * Context: any.
 */
void cydma_hw_chan_position(struct cydma_hw *hw, unsigned int chan,
			    struct cydma_hw_position *pos)
{
	struct cydma_hw_chan *ch;
	unsigned long flags;

	memset(pos, 0, sizeof(*pos));
	if (chan >= hw->nr_chans)
		return;
	ch = &hw->chans[chan];
	spin_lock_irqsave(&ch->lock, flags);
	pos->xfer = ch->xfer;
	pos->desc = ch->cur;
	pos->pos = ch->fetched ? ch->run.done : 0;
	pos->bytes = ch->run_bytes;
	pos->periods = ch->periods;
	pos->state = ch->state;
	spin_unlock_irqrestore(&ch->lock, flags);
}
EXPORT_SYMBOL_GPL(cydma_hw_chan_position);

/**
 * cydma_hw_set_fail_desc() - make every descriptor fetch fail
 * @hw: the controller
 * @fail: true: each fetched descriptor is found corrupt (CH_ERR_DESC)
 *
 * A sticky fault: it stays until cleared.
 *
 * Context: any.
 */
void cydma_hw_set_fail_desc(struct cydma_hw *hw, bool fail)
{
	WRITE_ONCE(hw->fail_desc, fail);
}
EXPORT_SYMBOL_GPL(cydma_hw_set_fail_desc);

/**
 * cydma_hw_fail_desc() - whether descriptor fetches are made to fail
 * @hw: the controller
 *
 * Context: any.
 * Return: the sticky fault's state.
 */
bool cydma_hw_fail_desc(const struct cydma_hw *hw)
{
	return READ_ONCE(hw->fail_desc);
}
EXPORT_SYMBOL_GPL(cydma_hw_fail_desc);

static void cydma_hw_show_chan(struct cydma_hw_chan *ch, struct seq_file *m)
{
	unsigned long flags;

	spin_lock_irqsave(&ch->lock, flags);
	seq_printf(m, "ch%u: %s%s xfer %#llx cur %#llx pos %u periods %u next %s int %#x/%#x err %#x at %#llx\n",
		   ch->idx, cydma_hw_state_names[ch->state],
		   ch->ctrl & CYDMA_CH_CTRL_PAUSE ? " (pause)" : "",
		   ch->xfer, ch->cur, ch->fetched ? ch->run.done : 0,
		   ch->periods, ch->next_armed ? "armed" : "-",
		   ch->int_status, ch->int_mask, ch->err, ch->err_addr);
	spin_unlock_irqrestore(&ch->lock, flags);
}

/**
 * cydma_hw_show() - print the configuration and channels of a controller
 * @hw: the controller
 * @m: where to print
 *
 * Context: process context.
 */
void cydma_hw_show(struct cydma_hw *hw, struct seq_file *m)
{
	const struct cydma_hw_config *cfg = &hw->cfg;
	unsigned int i;

	seq_printf(m, "channels %u request_lines %u features %#x widths %#x max_burst %u\n",
		   hw->nr_chans, cfg->request_lines, cfg->features, cfg->widths,
		   cfg->max_burst);
	seq_printf(m, "max_chunk %u min_period %u max_frames %u max_gap %u max_chunks %u fail_desc %d\n",
		   cfg->max_chunk, cfg->min_period, cfg->max_frames,
		   cfg->max_gap, cfg->max_chunks, cydma_hw_fail_desc(hw));
	for (i = 0; i < hw->nr_chans; i++)
		cydma_hw_show_chan(&hw->chans[i], m);
}
EXPORT_SYMBOL_GPL(cydma_hw_show);

/**
 * cydma_hw_show_ports() - print the peripherals of a controller
 * @hw: the controller
 * @m: where to print
 *
 * Context: process context.
 */
void cydma_hw_show_ports(struct cydma_hw *hw, struct seq_file *m)
{
	struct cydma_hw_port_stats st;
	struct cydma_hw_port *p;
	unsigned long flags;
	unsigned int i;
	u8 state;

	for (i = 0; i < hw->cfg.request_lines; i++) {
		p = &hw->ports[i];
		cydma_hw_port_stats(hw, i, &st);
		spin_lock_irqsave(&p->lock, flags);
		state = p->state;
		spin_unlock_irqrestore(&p->lock, flags);
		seq_printf(m, "line%u: %s %s addr %#llx rate %u unit %u fifo %zu/%u bytes %llu units %llu underruns %llu overruns %llu slipped_ns %llu\n",
			   i, cydma_hw_port_kind_name(p->cfg.kind),
			   cydma_hw_port_state_names[state],
			   (u64)cydma_hw_port_addr(hw, i), st.rate, p->cfg.unit,
			   st.level, kfifo_size(&p->fifo), st.bytes, st.units,
			   st.underruns, st.overruns, st.slipped_ns);
	}
}
EXPORT_SYMBOL_GPL(cydma_hw_show_ports);
