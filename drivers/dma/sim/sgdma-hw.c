// SPDX-License-Identifier: GPL-2.0
/*
 * Hardware model of the simulated scatter-gather DMA controller.
 */

/**
 * DOC: Theory of operation
 *
 * The model plays the silicon of a small DMA controller; the driver in
 * sgdma.c programs it as it would program a real one.  Everything the two
 * share is written down in sgdma-regs.h.
 *
 * **Register window.**  The model serves a 32-bit register window through
 * a regmap with its own reg_read and reg_write callbacks, attached to the
 * device handed to sgdma_hw_create().  The board code makes that device
 * the parent of the controller's platform device, so the driver finds the
 * window with dev_get_regmap() on its parent, the way an MFD child finds
 * its parent's registers.  A register access is a function call under a
 * per-channel spinlock, legal from any context, and never calls back into
 * the driver.  The regmap's own locking is disabled.
 *
 * **Interrupts.**  The model owns a linear interrupt domain with one line
 * per channel and hands the mapped Linux interrupt numbers to the board
 * code, which passes them to the platform device as IRQ resources.  An
 * interrupt is delivered with generic_handle_domain_irq_safe() from the
 * engine, with no model lock held, so the driver's handler runs at once
 * with interrupts disabled and may write registers, ring the doorbell of
 * the next transfer, and take its channel lock.  Register accesses never
 * raise an interrupt themselves: unmasking a pending one only makes the
 * engine deliver it.
 *
 * **Engine.**  Each channel has a work item on a bottom-half workqueue, so
 * transfers run in softirq context, off the submitter's context.  That
 * keeps completions asynchronous, costs no thread switch between back to
 * back descriptors, and lets a CPU that busy-polls a cookie still see
 * progress: softirqs run on the timer tick even while a task spins, which
 * a kthread on a non-preemptible uniprocessor kernel never gets.  The
 * doorbell makes the channel fetch the descriptor at CH_LLI.  The engine
 * then alternates fetches and moves.  A fetch reads one struct sgdma_lli
 * (and for XOR and PQ opcodes its source table) from DMA-coherent memory
 * and checks every rule of the datasheet; a broken rule halts the channel
 * with SGDMA_CH_ERR_DESC.  A move runs without the channel lock and moves
 * one chunk: the whole descriptor when no latency is set, so that data
 * moves at memcpy speed, or one burst per request when paced by a request
 * line.  When a descriptor ends the model writes its status word back,
 * follows the next pointer and, if asked, raises CH_INT_DONE.  The end of
 * the chain leaves the channel idle.
 *
 * **Memory.**  Bus addresses are turned into CPU pointers with
 * dma_to_phys() and phys_to_virt(), which is exact for dma-direct without
 * bounce buffering (the UML and x86-64 setups this runs on).  An address
 * outside RAM is a bus error: SGDMA_CH_ERR_READ or SGDMA_CH_ERR_WRITE with
 * the faulting address in CH_ERR_ADDR.  XOR and PQ opcodes read every
 * source block into a scratch buffer before writing, so a destination may
 * also be a source.  Q is computed with the kernel's RAID-6 GF(2^8)
 * multiplication tables, one coefficient per source.
 *
 * **Peripherals.**  Each request line has a peripheral with a byte FIFO
 * whose data register sits at sgdma_hw_fifo_addr(), in a bus window that
 * is not memory.  A descriptor with SGDMA_LLI_CTRL_HANDSHAKE moves one
 * burst each time the peripheral on CH_CFG's request line asks: when its
 * FIFO holds a burst (device to memory) or has room for one (memory to
 * device).  Otherwise the channel waits, SGDMA_STATE_WAIT, until
 * sgdma_hw_fifo_push() or sgdma_hw_fifo_pop() changes the FIFO level.
 * Unpaced accesses to an empty or full FIFO are bus errors.  Each
 * peripheral also carries one sideband record in each direction, moved
 * by descriptors with SGDMA_LLI_CTRL_META: that is what the driver's
 * descriptor metadata maps to.
 *
 * **Residue, pause and abort.**  CH_CUR and CH_REMAIN show the descriptor
 * in progress and its bytes left, updated after every chunk, so a reader
 * sees progress at burst granularity.  With a latency configured each
 * descriptor is cut into up to SGDMA_HW_STEPS chunks (rounded to whole
 * bursts) spread over that time.  CH_CTRL_PAUSE holds the channel at the
 * next chunk edge; CH_CTRL_ABORT drops the chain at once.  A chunk already
 * being moved on another CPU still lands, and CH_STATUS_BUSY stays set
 * until it has, which is what the driver waits for before it frees
 * memory the channel may still touch.
 *
 * **Faults.**  Per controller, and restricted to a mask of channels, the
 * model fails a data read or write, finds a fetched descriptor corrupt,
 * hangs a channel (busy, no progress, until aborted), or drops a
 * completion interrupt.  Each kind fires on every Nth eligible event, or
 * at random through a standard fault_attr.  Every fault, injected or
 * genuine, is counted per channel.
 */

#include <linux/bitfield.h>
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/jiffies.h>
#include <linux/kfifo.h>
#include <linux/log2.h>
#include <linux/math64.h>
#include <linux/minmax.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/raid/pq.h>
#include <linux/seq_file.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/workqueue.h>

#include "simdma-hw.h"
#include "sgdma-hw.h"
#include "sgdma-regs.h"

#define SGDMA_HW_VERSION	0x0100
#define SGDMA_HW_ADDR_BITS	64
/* Peripheral FIFOs: one window per instance, one data register per line */
#define SGDMA_HW_FIFO_WINDOW	0xfd0000000000ULL
#define SGDMA_HW_FIFO_SPAN	0x10000ULL
#define SGDMA_HW_FIFO_STRIDE	0x100
#define SGDMA_HW_META_MAX	64
/* Chunks per descriptor when a latency spreads it over time */
#define SGDMA_HW_STEPS		16
/* Largest chunk moved in one go, to bound the time spent in softirq */
#define SGDMA_HW_MAX_CHUNK	SZ_256K
/* Chunks per engine run before other bottom halves get the CPU back */
#define SGDMA_HW_BUDGET		64
/* XOR and PQ work on blocks of this size (two scratch blocks a channel) */
#define SGDMA_HW_BLOCK		SZ_4K

/**
 * struct sgdma_hw_fifo - the peripheral behind one request line
 * @lock: protects every member below
 * @data: the data FIFO
 * @rx_meta: sideband record the peripheral offers the next transfer from
 *	the device
 * @rx_meta_len: bytes in @rx_meta; 0 when none
 * @tx_meta: sideband record received with the last transfer to the device
 * @tx_meta_len: bytes in @tx_meta
 * @tx_meta_valid: @tx_meta holds a record not yet collected
 */
struct sgdma_hw_fifo {
	spinlock_t lock;		/* protects the members below */
	struct kfifo data;
	u8 rx_meta[SGDMA_HW_META_MAX];
	unsigned int rx_meta_len;
	u8 tx_meta[SGDMA_HW_META_MAX];
	unsigned int tx_meta_len;
	bool tx_meta_valid;
};

/**
 * struct sgdma_hw_src - one decoded XOR or PQ source
 * @addr: bus address
 * @coef: GF(2^8) coefficient
 */
struct sgdma_hw_src {
	u64 addr;
	u8 coef;
};

/**
 * struct sgdma_hw_lli - the fetched descriptor a channel executes
 * @addr: bus address it was fetched from
 * @ctrl: &sgdma_lli.ctrl
 * @len: &sgdma_lli.len
 * @src: &sgdma_lli.src
 * @dst: &sgdma_lli.dst
 * @dst2: &sgdma_lli.dst2
 * @next: &sgdma_lli.next
 * @meta: &sgdma_lli.meta
 * @meta_len: &sgdma_lli.meta_len
 * @op: opcode
 * @nsrc: sources in @srcs
 * @burst: bytes per burst
 * @status: SGDMA_LLI_STATUS_* check results gathered so far
 * @srcs: decoded source table
 */
struct sgdma_hw_lli {
	u64 addr;
	u32 ctrl;
	u32 len;
	u64 src;
	u64 dst;
	u64 dst2;
	u64 next;
	u64 meta;
	u32 meta_len;
	unsigned int op;
	unsigned int nsrc;
	u32 burst;
	u32 status;
	struct sgdma_hw_src srcs[SGDMA_MAX_SOURCES];
};

/**
 * struct sgdma_hw_move - one chunk the engine moves without the lock
 * @gen: channel generation when planned; a mismatch at commit drops it
 * @off: offset of the chunk in the descriptor
 * @len: bytes in the chunk
 * @delay_ns: busy-wait before moving (latencies shorter than a tick)
 * @err: SGDMA_CH_ERR_* cause when the move failed or was made to fail
 * @err_addr: faulting bus address
 * @status: SGDMA_LLI_STATUS_P_BAD and _Q_BAD found by check opcodes
 */
struct sgdma_hw_move {
	u32 gen;
	u32 off;
	u32 len;
	u64 delay_ns;
	u32 err;
	u64 err_addr;
	u32 status;
};

/**
 * struct sgdma_hw_chan - one channel of the model
 * @hw: the controller
 * @idx: channel number
 * @work: the engine; runs on &sgdma_hw.wq
 * @lock: protects the registers, the engine state and @stats; never held
 *	while delivering an interrupt
 * @ctrl: CH_CTRL (the PAUSE level)
 * @cfg: CH_CFG
 * @lli_base: CH_LLI
 * @cur: CH_CUR
 * @remain: CH_REMAIN bytes
 * @remain_valid: CH_REMAIN_VALID
 * @int_status: CH_INT_STATUS
 * @int_mask: CH_INT_MASK
 * @err: CH_ERR
 * @err_addr: CH_ERR_ADDR
 * @lli_count: CH_LLI_COUNT
 * @state: SGDMA_STATE_* value
 * @gen: bumped by every doorbell and abort
 * @engine_active: @work is queued or running
 * @deferred: @work is queued with a delay, waiting for @next_step
 * @in_step: @work moves a chunk right now, without @lock
 * @raise_pending: deliver a pending unmasked interrupt
 * @fetched: @lli holds the descriptor at @cur
 * @done: bytes of @lli completed
 * @chunk: bytes per chunk of @lli
 * @step_ns: latency per chunk
 * @next_step: jiffies before which the next chunk must not move
 * @lli: the descriptor being executed; written only by @work
 * @scratch: two XOR/PQ blocks; used only by @work
 * @stats: counters
 */
struct sgdma_hw_chan {
	struct sgdma_hw *hw;
	unsigned int idx;
	struct delayed_work work;

	spinlock_t lock;		/* see the kernel-doc above */
	u32 ctrl;			/* under lock */
	u32 cfg;			/* under lock */
	u64 lli_base;			/* under lock */
	u64 cur;			/* under lock */
	u32 remain;			/* under lock */
	bool remain_valid;		/* under lock */
	u32 int_status;			/* under lock */
	u32 int_mask;			/* under lock */
	u32 err;			/* under lock */
	u64 err_addr;			/* under lock */
	u32 lli_count;			/* under lock */
	u8 state;			/* under lock */
	u32 gen;			/* under lock */
	bool engine_active;		/* under lock */
	bool deferred;			/* under lock */
	bool in_step;			/* under lock */
	bool raise_pending;		/* under lock */
	bool fetched;			/* under lock */
	u32 done;			/* under lock */
	u32 chunk;			/* under lock */
	u64 step_ns;			/* under lock */
	unsigned long next_step;	/* under lock */
	struct sgdma_hw_lli lli;
	u8 *scratch;
	struct sgdma_hw_chan_stats stats;	/* under lock */
};

/**
 * struct sgdma_hw - one simulated controller
 * @dev: device owning the register window; also used for bus addresses
 * @cfg: what it was built with
 * @win: the register window
 * @irqs: the interrupt lines, one per channel
 * @wq: bottom-half workqueue running the engines
 * @fifo_base: bus address of request line 0's FIFO
 * @fifos: one peripheral per request line
 * @latency_ns: time per descriptor (READ_ONCE; changes apply to the next
 *	descriptor fetched)
 * @dead: being destroyed; the engines stop and registers ignore writes
 * @faults: fault injection knobs
 * @nr_chans: channels in @chans
 * @chans: the channels
 */
struct sgdma_hw {
	struct device *dev;
	struct sgdma_hw_config cfg;
	struct simdma_window win;
	struct simdma_irqs irqs;
	struct workqueue_struct *wq;
	u64 fifo_base;
	struct sgdma_hw_fifo *fifos;
	u64 latency_ns;
	bool dead;
	struct sgdma_hw_fault_knob faults[SGDMA_FAULT_NR];
	unsigned int nr_chans;
	struct sgdma_hw_chan chans[] __counted_by(nr_chans);
};

static DECLARE_FAULT_ATTR(sgdma_hw_fault_template);

static const char * const sgdma_hw_fault_names[SGDMA_FAULT_NR] = {
	[SGDMA_FAULT_READ] = "read",
	[SGDMA_FAULT_WRITE] = "write",
	[SGDMA_FAULT_DESC] = "desc",
	[SGDMA_FAULT_STALL] = "stall",
	[SGDMA_FAULT_IRQ] = "irq",
};

static const char * const sgdma_hw_state_names[] = {
	[SGDMA_STATE_IDLE] = "idle",
	[SGDMA_STATE_RUN] = "run",
	[SGDMA_STATE_WAIT] = "wait",
	[SGDMA_STATE_PAUSED] = "paused",
	[SGDMA_STATE_STALLED] = "stalled",
};

/* ---- bus ---------------------------------------------------------- */

/* CPU address of the RAM at [@addr, @addr + @len), or NULL: bus error */
static void *sgdma_hw_ram(struct sgdma_hw *hw, u64 addr, size_t len)
{
	return simdma_ram(hw->dev, addr, len);
}

/* The peripheral whose FIFO data register is at @addr, or NULL */
static struct sgdma_hw_fifo *sgdma_hw_fifo_at(struct sgdma_hw *hw, u64 addr)
{
	u64 off = addr - hw->fifo_base;

	if (addr < hw->fifo_base || off % SGDMA_HW_FIFO_STRIDE)
		return NULL;
	off /= SGDMA_HW_FIFO_STRIDE;
	if (off >= hw->cfg.request_lines)
		return NULL;
	return &hw->fifos[off];
}

static struct sgdma_hw_fifo *sgdma_hw_line(struct sgdma_hw *hw,
					   unsigned int line)
{
	return line < hw->cfg.request_lines ? &hw->fifos[line] : NULL;
}

/* ---- faults and interrupts ---------------------------------------- */

#ifdef CONFIG_FAULT_INJECTION
static bool sgdma_hw_random_fault(struct sgdma_hw_fault_knob *knob)
{
	return READ_ONCE(knob->attr.probability) && should_fail(&knob->attr, 1);
}

static void sgdma_hw_fault_init(struct sgdma_hw_fault_knob *knob)
{
	knob->attr = sgdma_hw_fault_template;
	knob->attr.verbose = 0;
}
#else
static bool sgdma_hw_random_fault(struct sgdma_hw_fault_knob *knob)
{
	return false;
}

static void sgdma_hw_fault_init(struct sgdma_hw_fault_knob *knob)
{
}
#endif

/* Context: caller holds @ch->lock. */
static bool sgdma_hw_should_fault(struct sgdma_hw_chan *ch,
				  enum sgdma_hw_fault kind)
{
	struct sgdma_hw_fault_knob *knob = &ch->hw->faults[kind];
	u32 every = READ_ONCE(knob->every);
	bool hit = false;

	lockdep_assert_held(&ch->lock);
	if (!(READ_ONCE(knob->channels) & BIT(ch->idx)))
		return false;
	if (every)
		hit = !(atomic_inc_return(&knob->seen) % every);
	if (!hit)
		hit = sgdma_hw_random_fault(knob);
	if (hit)
		ch->stats.injected++;
	return hit;
}

/*
 * Latch interrupt causes.  Returns true when the line must be raised
 * once @ch->lock is dropped.
 * Context: caller holds @ch->lock.
 */
static bool sgdma_hw_set_int(struct sgdma_hw_chan *ch, u32 bits)
{
	lockdep_assert_held(&ch->lock);
	ch->int_status |= bits;
	if (!(bits & ch->int_mask))
		return false;
	if (sgdma_hw_should_fault(ch, SGDMA_FAULT_IRQ)) {
		ch->stats.faults[SGDMA_FAULT_IRQ]++;
		return false;
	}
	ch->stats.irqs++;
	return true;
}

/* Context: engine, without @ch->lock. */
static void sgdma_hw_raise(struct sgdma_hw_chan *ch)
{
	simdma_irqs_raise(&ch->hw->irqs, ch->idx);
}

/* Context: caller holds @ch->lock. */
static void sgdma_hw_kick(struct sgdma_hw_chan *ch)
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
static bool sgdma_hw_halt(struct sgdma_hw_chan *ch, u32 cause, u64 addr)
{
	enum sgdma_hw_fault kind;

	lockdep_assert_held(&ch->lock);
	if (cause & SGDMA_CH_ERR_DESC)
		kind = SGDMA_FAULT_DESC;
	else if (cause & SGDMA_CH_ERR_READ)
		kind = SGDMA_FAULT_READ;
	else
		kind = SGDMA_FAULT_WRITE;
	ch->stats.faults[kind]++;
	ch->err |= cause;
	ch->err_addr = addr;
	ch->state = SGDMA_STATE_IDLE;
	return sgdma_hw_set_int(ch, SGDMA_CH_INT_ERROR);
}

/* ---- descriptor fetch --------------------------------------------- */

static bool sgdma_hw_width_ok(const struct sgdma_hw_config *cfg,
			      unsigned int log2w)
{
	return cfg->widths & BIT(log2w);
}

static void sgdma_hw_decode(struct sgdma_hw_lli *lli, u64 addr,
			    const struct sgdma_lli *raw)
{
	lli->addr = addr;
	lli->ctrl = le32_to_cpu(raw->ctrl);
	lli->len = le32_to_cpu(raw->len);
	lli->src = le64_to_cpu(raw->src);
	lli->dst = le64_to_cpu(raw->dst);
	lli->dst2 = le64_to_cpu(raw->dst2);
	lli->next = le64_to_cpu(raw->next);
	lli->meta = le64_to_cpu(raw->meta);
	lli->meta_len = le32_to_cpu(raw->meta_len);
	lli->op = FIELD_GET(SGDMA_LLI_CTRL_OP, lli->ctrl);
	lli->nsrc = FIELD_GET(SGDMA_LLI_CTRL_NSRC, lli->ctrl);
	lli->status = 0;
	if (raw->reserved)
		lli->ctrl |= SGDMA_LLI_CTRL_RESERVED;
}

/* Rules of a COPY: memory to memory, or one side a fixed address. */
static bool sgdma_hw_copy_ok(struct sgdma_hw *hw, struct sgdma_hw_lli *lli)
{
	unsigned int sw = FIELD_GET(SGDMA_LLI_CTRL_SRC_WIDTH, lli->ctrl);
	unsigned int dw = FIELD_GET(SGDMA_LLI_CTRL_DST_WIDTH, lli->ctrl);
	bool sfix = lli->ctrl & SGDMA_LLI_CTRL_SRC_FIXED;
	bool dfix = lli->ctrl & SGDMA_LLI_CTRL_DST_FIXED;
	bool paced = lli->ctrl & SGDMA_LLI_CTRL_HANDSHAKE;
	u32 align = BIT(hw->cfg.copy_align);
	struct sgdma_hw_fifo *fifo;
	unsigned int fw;
	u64 faddr;

	if (!sgdma_hw_width_ok(&hw->cfg, sw) || !sgdma_hw_width_ok(&hw->cfg, dw))
		return false;
	if (!sfix && !dfix) {
		lli->burst = BIT(dw) << FIELD_GET(SGDMA_LLI_CTRL_BURST, lli->ctrl);
		return !paced && !(lli->ctrl & SGDMA_LLI_CTRL_META) &&
		       IS_ALIGNED(lli->src | lli->dst | lli->len, align);
	}
	if (sfix && dfix)
		return false;
	fw = sfix ? sw : dw;
	faddr = sfix ? lli->src : lli->dst;
	lli->burst = BIT(fw) << FIELD_GET(SGDMA_LLI_CTRL_BURST, lli->ctrl);
	if (!IS_ALIGNED(faddr | lli->len, BIT(fw)) ||
	    !IS_ALIGNED(sfix ? lli->dst : lli->src, BIT(sfix ? dw : sw)))
		return false;
	fifo = sgdma_hw_fifo_at(hw, faddr);
	if (lli->ctrl & SGDMA_LLI_CTRL_META && lli->meta_len > SGDMA_HW_META_MAX)
		return false;
	return !paced || (fifo && lli->burst <= kfifo_size(&fifo->data));
}

static bool sgdma_hw_raid_ok(struct sgdma_hw *hw, struct sgdma_hw_lli *lli)
{
	u32 align = BIT(hw->cfg.raid_align);
	bool pq = lli->op == SGDMA_OP_PQ || lli->op == SGDMA_OP_PQ_CHECK;
	bool no_p = lli->ctrl & SGDMA_LLI_CTRL_NO_P;
	bool no_q = lli->ctrl & SGDMA_LLI_CTRL_NO_Q;

	if (!lli->nsrc || lli->nsrc > hw->cfg.max_sources)
		return false;
	if (!IS_ALIGNED(lli->len, align))
		return false;
	if (!pq)
		return !no_p && !no_q && IS_ALIGNED(lli->dst, align);
	if (no_p && no_q)
		return false;
	return (no_p || IS_ALIGNED(lli->dst, align)) &&
	       (no_q || IS_ALIGNED(lli->dst2, align));
}

static bool sgdma_hw_lli_ok(struct sgdma_hw_chan *ch, struct sgdma_hw_lli *lli)
{
	struct sgdma_hw *hw = ch->hw;
	u32 others = SGDMA_LLI_CTRL_SRC_FIXED | SGDMA_LLI_CTRL_DST_FIXED |
		     SGDMA_LLI_CTRL_HANDSHAKE | SGDMA_LLI_CTRL_META;
	u32 need;

	if (lli->ctrl & SGDMA_LLI_CTRL_RESERVED || lli->op > SGDMA_OP_MAX)
		return false;
	need = lli->ctrl & SGDMA_LLI_CTRL_HANDSHAKE ? SGDMA_OPS_HANDSHAKE :
						      SGDMA_OPS_OP(lli->op);
	if (!(hw->cfg.ops & need) || lli->len > hw->cfg.max_seg)
		return false;
	if (lli->op == SGDMA_OP_NOP ? lli->len : !lli->len)
		return false;
	if (FIELD_GET(SGDMA_LLI_CTRL_BURST, lli->ctrl) > ilog2(hw->cfg.max_burst))
		return false;
	lli->burst = 1;
	switch (lli->op) {
	case SGDMA_OP_COPY:
		if (lli->ctrl & SGDMA_LLI_CTRL_HANDSHAKE &&
		    FIELD_GET(SGDMA_CH_CFG_REQ_LINE, ch->cfg) >=
		    hw->cfg.request_lines)
			return false;
		return sgdma_hw_copy_ok(hw, lli);
	case SGDMA_OP_FILL:
		if (lli->ctrl & others)
			return false;
		lli->burst = SZ_64;
		return IS_ALIGNED(lli->dst | lli->len, BIT(hw->cfg.copy_align));
	case SGDMA_OP_NOP:
		return !(lli->ctrl & others);
	default:
		if (lli->ctrl & others)
			return false;
		lli->burst = SZ_64;
		return sgdma_hw_raid_ok(hw, lli);
	}
}

/* Read the source table of an XOR or PQ descriptor. */
static bool sgdma_hw_load_srcs(struct sgdma_hw_chan *ch,
			       struct sgdma_hw_lli *lli)
{
	const struct sgdma_lli_src *tab;
	u32 align = BIT(ch->hw->cfg.raid_align);
	unsigned int i;

	if (lli->op < SGDMA_OP_XOR)
		return true;
	tab = sgdma_hw_ram(ch->hw, lli->src, lli->nsrc * sizeof(*tab));
	if (!tab)
		return false;
	for (i = 0; i < lli->nsrc; i++) {
		lli->srcs[i].addr = le64_to_cpu(tab[i].addr);
		lli->srcs[i].coef = FIELD_GET(SGDMA_LLI_SRC_COEF,
					      le32_to_cpu(tab[i].coef));
		if (!IS_ALIGNED(lli->srcs[i].addr, align))
			return false;
	}
	return true;
}

/* Plan how the fetched descriptor is cut into chunks and spread in time. */
static void sgdma_hw_pace(struct sgdma_hw_chan *ch)
{
	struct sgdma_hw_lli *lli = &ch->lli;
	u64 latency = READ_ONCE(ch->hw->latency_ns);
	u32 steps = 1, chunk;

	if (lli->ctrl & SGDMA_LLI_CTRL_HANDSHAKE) {
		chunk = lli->burst;
	} else {
		if (latency)
			steps = clamp_t(u64, div64_u64(latency, TICK_NSEC), 1,
					SGDMA_HW_STEPS);
		chunk = round_up(DIV_ROUND_UP(lli->len, steps), lli->burst);
		chunk = min_t(u32, chunk, SGDMA_HW_MAX_CHUNK);
	}
	ch->chunk = max_t(u32, chunk, 1);
	steps = max_t(u32, DIV_ROUND_UP(lli->len, ch->chunk), 1);
	ch->step_ns = div_u64(latency, steps);
	ch->next_step = jiffies;
	if (ch->step_ns >= TICK_NSEC)
		ch->next_step += nsecs_to_jiffies(ch->step_ns);
}

/*
 * Fetch the descriptor at CH_CUR.  Returns true when an interrupt must be
 * raised.  Context: engine, caller holds @ch->lock.
 */
static bool sgdma_hw_fetch(struct sgdma_hw_chan *ch)
{
	struct sgdma_hw_lli *lli = &ch->lli;
	const struct sgdma_lli *raw;

	lockdep_assert_held(&ch->lock);
	raw = sgdma_hw_ram(ch->hw, ch->cur, sizeof(*raw));
	if (!raw || !IS_ALIGNED(ch->cur, SGDMA_LLI_ALIGN) ||
	    sgdma_hw_should_fault(ch, SGDMA_FAULT_DESC))
		return sgdma_hw_halt(ch, SGDMA_CH_ERR_DESC, ch->cur);
	sgdma_hw_decode(lli, ch->cur, raw);
	if (!sgdma_hw_lli_ok(ch, lli) || !sgdma_hw_load_srcs(ch, lli))
		return sgdma_hw_halt(ch, SGDMA_CH_ERR_DESC, ch->cur);

	ch->fetched = true;
	ch->done = 0;
	ch->remain = lli->len;
	ch->remain_valid = true;
	if (sgdma_hw_should_fault(ch, SGDMA_FAULT_STALL)) {
		ch->stats.faults[SGDMA_FAULT_STALL]++;
		ch->state = SGDMA_STATE_STALLED;
		return false;
	}
	sgdma_hw_pace(ch);
	return false;
}

/* ---- data movement ------------------------------------------------ */

static void sgdma_hw_fail(struct sgdma_hw_move *mv, u32 cause, u64 addr)
{
	if (!mv->err) {
		mv->err = cause;
		mv->err_addr = addr;
	}
}

/* Peripheral to memory: the FIFO must hold the whole chunk. */
static void sgdma_hw_from_fifo(struct sgdma_hw_chan *ch,
			       struct sgdma_hw_fifo *fifo, u64 dst,
			       struct sgdma_hw_move *mv)
{
	void *to = sgdma_hw_ram(ch->hw, dst, mv->len);
	unsigned long flags;

	if (!to)
		return sgdma_hw_fail(mv, SGDMA_CH_ERR_WRITE, dst);
	spin_lock_irqsave(&fifo->lock, flags);
	if (kfifo_len(&fifo->data) < mv->len)
		sgdma_hw_fail(mv, SGDMA_CH_ERR_READ, ch->lli.src);
	else
		WARN_ON_ONCE(kfifo_out(&fifo->data, to, mv->len) != mv->len);
	spin_unlock_irqrestore(&fifo->lock, flags);
}

/* Memory to peripheral: the FIFO must have room for the whole chunk. */
static void sgdma_hw_to_fifo(struct sgdma_hw_chan *ch,
			     struct sgdma_hw_fifo *fifo, u64 src,
			     struct sgdma_hw_move *mv)
{
	const void *from = sgdma_hw_ram(ch->hw, src, mv->len);
	unsigned long flags;

	if (!from)
		return sgdma_hw_fail(mv, SGDMA_CH_ERR_READ, src);
	spin_lock_irqsave(&fifo->lock, flags);
	if (kfifo_avail(&fifo->data) < mv->len)
		sgdma_hw_fail(mv, SGDMA_CH_ERR_WRITE, ch->lli.dst);
	else
		WARN_ON_ONCE(kfifo_in(&fifo->data, from, mv->len) != mv->len);
	spin_unlock_irqrestore(&fifo->lock, flags);
}

static void sgdma_hw_copy(struct sgdma_hw_chan *ch, struct sgdma_hw_move *mv)
{
	const struct sgdma_hw_lli *lli = &ch->lli;
	bool sfix = lli->ctrl & SGDMA_LLI_CTRL_SRC_FIXED;
	bool dfix = lli->ctrl & SGDMA_LLI_CTRL_DST_FIXED;
	u64 src = lli->src + (sfix ? 0 : mv->off);
	u64 dst = lli->dst + (dfix ? 0 : mv->off);
	u32 beat, i;
	const u8 *from;
	u8 *to;

	if (sfix && sgdma_hw_fifo_at(ch->hw, src))
		return sgdma_hw_from_fifo(ch, sgdma_hw_fifo_at(ch->hw, src),
					  dst, mv);
	if (dfix && sgdma_hw_fifo_at(ch->hw, dst))
		return sgdma_hw_to_fifo(ch, sgdma_hw_fifo_at(ch->hw, dst),
					src, mv);
	if (sfix)
		beat = BIT(FIELD_GET(SGDMA_LLI_CTRL_SRC_WIDTH, lli->ctrl));
	else
		beat = BIT(FIELD_GET(SGDMA_LLI_CTRL_DST_WIDTH, lli->ctrl));
	from = sgdma_hw_ram(ch->hw, src, sfix ? beat : mv->len);
	if (!from)
		return sgdma_hw_fail(mv, SGDMA_CH_ERR_READ, src);
	to = sgdma_hw_ram(ch->hw, dst, dfix ? beat : mv->len);
	if (!to)
		return sgdma_hw_fail(mv, SGDMA_CH_ERR_WRITE, dst);
	if (!sfix && !dfix) {
		memcpy(to, from, mv->len);
		return;
	}
	/* A fixed side sees every beat at the same address. */
	for (i = 0; i < mv->len; i += beat)
		memcpy(to + (dfix ? 0 : i), from + (sfix ? 0 : i), beat);
}

static void sgdma_hw_fill(struct sgdma_hw_chan *ch, struct sgdma_hw_move *mv)
{
	u64 pattern = ch->lli.src;
	u64 dst = ch->lli.dst + mv->off;
	u8 *to = sgdma_hw_ram(ch->hw, dst, mv->len);
	u32 i;

	if (!to)
		return sgdma_hw_fail(mv, SGDMA_CH_ERR_WRITE, dst);
	if (pattern == (u8)pattern * 0x0101010101010101ULL) {
		memset(to, (u8)pattern, mv->len);
		return;
	}
	for (i = 0; i < mv->len; i++)
		to[i] = pattern >> (8 * ((mv->off + i) % 8));
}

static void sgdma_hw_xor_into(u8 *acc, const u8 *src, size_t len)
{
	size_t i = 0;

	if (IS_ALIGNED((unsigned long)src, sizeof(u64))) {
		for (; i + sizeof(u64) <= len; i += sizeof(u64))
			*(u64 *)(acc + i) ^= *(const u64 *)(src + i);
	}
	for (; i < len; i++)
		acc[i] ^= src[i];
}

/* acc += coef * src over GF(2^8) */
static void sgdma_hw_gf_mac(u8 *acc, const u8 *src, u8 coef, size_t len)
{
	const u8 *mul = raid6_gfmul[coef];
	size_t i;

	if (coef == 1)
		return sgdma_hw_xor_into(acc, src, len);
	if (!coef)
		return;
	for (i = 0; i < len; i++)
		acc[i] ^= mul[src[i]];
}

/* Load one block of an old result (ACCUM) or clear it. */
static void sgdma_hw_raid_seed(struct sgdma_hw_chan *ch, u8 *acc, bool want,
			       u64 addr, size_t len, struct sgdma_hw_move *mv)
{
	const u8 *old;

	memset(acc, 0, len);
	if (!want || !(ch->lli.ctrl & SGDMA_LLI_CTRL_ACCUM))
		return;
	old = sgdma_hw_ram(ch->hw, addr, len);
	if (!old)
		return sgdma_hw_fail(mv, SGDMA_CH_ERR_READ, addr);
	memcpy(acc, old, len);
}

/* Write one result block, or compare it for the check opcodes. */
static void sgdma_hw_raid_out(struct sgdma_hw_chan *ch, const u8 *acc,
			      u64 addr, size_t len, u32 bad,
			      struct sgdma_hw_move *mv)
{
	bool check = ch->lli.op == SGDMA_OP_XOR_CHECK ||
		     ch->lli.op == SGDMA_OP_PQ_CHECK;
	u8 *mem;

	if (ch->lli.op == SGDMA_OP_XOR_CHECK) {
		if (memchr_inv(acc, 0, len))
			mv->status |= bad;
		return;
	}
	mem = sgdma_hw_ram(ch->hw, addr, len);
	if (!mem)
		return sgdma_hw_fail(mv, check ? SGDMA_CH_ERR_READ :
					  SGDMA_CH_ERR_WRITE, addr);
	if (!check)
		memcpy(mem, acc, len);
	else if (memcmp(mem, acc, len))
		mv->status |= bad;
}

static void sgdma_hw_raid_block(struct sgdma_hw_chan *ch, u32 off,
				size_t len, struct sgdma_hw_move *mv)
{
	const struct sgdma_hw_lli *lli = &ch->lli;
	bool pq = lli->op == SGDMA_OP_PQ || lli->op == SGDMA_OP_PQ_CHECK;
	bool want_p = !pq || !(lli->ctrl & SGDMA_LLI_CTRL_NO_P);
	bool want_q = pq && !(lli->ctrl & SGDMA_LLI_CTRL_NO_Q);
	u8 *p = ch->scratch, *q = ch->scratch + SGDMA_HW_BLOCK;
	unsigned int i;
	const u8 *s;

	sgdma_hw_raid_seed(ch, p, want_p, lli->dst + off, len, mv);
	sgdma_hw_raid_seed(ch, q, want_q, lli->dst2 + off, len, mv);
	for (i = 0; i < lli->nsrc && !mv->err; i++) {
		s = sgdma_hw_ram(ch->hw, lli->srcs[i].addr + off, len);
		if (!s)
			return sgdma_hw_fail(mv, SGDMA_CH_ERR_READ,
					     lli->srcs[i].addr + off);
		if (want_p)
			sgdma_hw_xor_into(p, s, len);
		if (want_q)
			sgdma_hw_gf_mac(q, s, lli->srcs[i].coef, len);
	}
	if (want_p && !mv->err)
		sgdma_hw_raid_out(ch, p, lli->dst + off, len,
				  SGDMA_LLI_STATUS_P_BAD, mv);
	if (want_q && !mv->err)
		sgdma_hw_raid_out(ch, q, lli->dst2 + off, len,
				  SGDMA_LLI_STATUS_Q_BAD, mv);
}

static void sgdma_hw_raid(struct sgdma_hw_chan *ch, struct sgdma_hw_move *mv)
{
	u32 done, len;

	for (done = 0; done < mv->len && !mv->err; done += len) {
		len = min_t(u32, mv->len - done, SGDMA_HW_BLOCK);
		sgdma_hw_raid_block(ch, mv->off + done, len, mv);
	}
}

/* Move one chunk.  Context: engine, without @ch->lock, @ch->in_step set. */
static void sgdma_hw_move(struct sgdma_hw_chan *ch, struct sgdma_hw_move *mv)
{
	if (mv->delay_ns)
		ndelay(mv->delay_ns);
	switch (ch->lli.op) {
	case SGDMA_OP_NOP:
		break;
	case SGDMA_OP_COPY:
		sgdma_hw_copy(ch, mv);
		break;
	case SGDMA_OP_FILL:
		sgdma_hw_fill(ch, mv);
		break;
	default:
		sgdma_hw_raid(ch, mv);
		break;
	}
}

static bool sgdma_hw_reads(unsigned int op)
{
	return op != SGDMA_OP_NOP && op != SGDMA_OP_FILL;
}

static bool sgdma_hw_writes(unsigned int op)
{
	return op != SGDMA_OP_NOP && op != SGDMA_OP_XOR_CHECK &&
	       op != SGDMA_OP_PQ_CHECK;
}

static u64 sgdma_hw_first_src(const struct sgdma_hw_lli *lli)
{
	return lli->op >= SGDMA_OP_XOR ? lli->srcs[0].addr : lli->src;
}

/* Whether the peripheral on the request line asks for @len bytes. */
static bool sgdma_hw_line_ready(struct sgdma_hw_chan *ch, u32 len)
{
	struct sgdma_hw_fifo *fifo;
	unsigned long flags;
	bool ready;

	fifo = sgdma_hw_line(ch->hw, FIELD_GET(SGDMA_CH_CFG_REQ_LINE, ch->cfg));
	if (!fifo)
		return false;
	spin_lock_irqsave(&fifo->lock, flags);
	if (ch->lli.ctrl & SGDMA_LLI_CTRL_SRC_FIXED)
		ready = kfifo_len(&fifo->data) >= len;
	else
		ready = kfifo_avail(&fifo->data) >= len;
	spin_unlock_irqrestore(&fifo->lock, flags);
	return ready;
}

/*
 * Plan the next chunk of the fetched descriptor, or park the channel
 * until its request line asks.  Context: caller holds @ch->lock.
 */
static bool sgdma_hw_plan(struct sgdma_hw_chan *ch, struct sgdma_hw_move *mv)
{
	struct sgdma_hw_lli *lli = &ch->lli;

	lockdep_assert_held(&ch->lock);
	*mv = (struct sgdma_hw_move) {
		.gen = ch->gen,
		.off = ch->done,
		.len = min(lli->len - ch->done, ch->chunk),
		.delay_ns = ch->step_ns < TICK_NSEC ? ch->step_ns : 0,
	};
	if (lli->ctrl & SGDMA_LLI_CTRL_HANDSHAKE &&
	    !sgdma_hw_line_ready(ch, mv->len)) {
		ch->state = SGDMA_STATE_WAIT;
		return false;
	}
	if (ch->done)
		return true;
	if (sgdma_hw_reads(lli->op) &&
	    sgdma_hw_should_fault(ch, SGDMA_FAULT_READ))
		sgdma_hw_fail(mv, SGDMA_CH_ERR_READ, sgdma_hw_first_src(lli));
	else if (sgdma_hw_writes(lli->op) &&
		 sgdma_hw_should_fault(ch, SGDMA_FAULT_WRITE))
		sgdma_hw_fail(mv, SGDMA_CH_ERR_WRITE, lli->dst);
	return true;
}

/* Move sideband metadata at the end of a descriptor; returns its length. */
static u32 sgdma_hw_meta(struct sgdma_hw_chan *ch)
{
	struct sgdma_hw_lli *lli = &ch->lli;
	bool from_dev = lli->ctrl & SGDMA_LLI_CTRL_SRC_FIXED;
	struct sgdma_hw_fifo *fifo;
	unsigned long flags;
	u32 len = 0;
	u8 *buf;

	fifo = sgdma_hw_fifo_at(ch->hw, from_dev ? lli->src : lli->dst);
	if (!(lli->ctrl & SGDMA_LLI_CTRL_META) || !fifo)
		return 0;
	spin_lock_irqsave(&fifo->lock, flags);
	if (from_dev) {
		len = min(fifo->rx_meta_len, lli->meta_len);
		buf = sgdma_hw_ram(ch->hw, lli->meta, len);
		if (buf)
			memcpy(buf, fifo->rx_meta, len);
		else
			len = 0;
		fifo->rx_meta_len = 0;
	} else {
		len = lli->meta_len;
		buf = sgdma_hw_ram(ch->hw, lli->meta, len);
		if (!buf)
			len = 0;
		else
			memcpy(fifo->tx_meta, buf, len);
		fifo->tx_meta_len = len;
		fifo->tx_meta_valid = true;
	}
	spin_unlock_irqrestore(&fifo->lock, flags);
	return len;
}

/* Descriptor done: write its status back, follow the chain. */
static bool sgdma_hw_retire(struct sgdma_hw_chan *ch)
{
	struct sgdma_hw_lli *lli = &ch->lli;
	struct sgdma_lli *raw;
	u32 status;

	lockdep_assert_held(&ch->lock);
	status = SGDMA_LLI_STATUS_DONE | lli->status |
		 FIELD_PREP(SGDMA_LLI_STATUS_META_LEN, sgdma_hw_meta(ch));
	raw = sgdma_hw_ram(ch->hw, lli->addr, sizeof(*raw));
	if (raw)
		WRITE_ONCE(raw->status, cpu_to_le32(status));
	ch->stats.llis++;
	ch->lli_count++;
	if (lli->next) {
		ch->cur = lli->next;
		ch->fetched = false;
		ch->remain = 0;
		ch->remain_valid = false;
	} else {
		ch->state = SGDMA_STATE_IDLE;
	}
	if (!(lli->ctrl & SGDMA_LLI_CTRL_IRQ))
		return false;
	return sgdma_hw_set_int(ch, SGDMA_CH_INT_DONE);
}

/* Account a moved chunk.  Context: caller holds @ch->lock. */
static bool sgdma_hw_commit(struct sgdma_hw_chan *ch,
			    const struct sgdma_hw_move *mv)
{
	lockdep_assert_held(&ch->lock);
	if (mv->gen != ch->gen)
		return false;		/* aborted or restarted meanwhile */
	if (mv->err)
		return sgdma_hw_halt(ch, mv->err, mv->err_addr);
	ch->lli.status |= mv->status;
	ch->done += mv->len;
	ch->remain = ch->lli.len - ch->done;
	ch->stats.bytes += mv->len;
	if (ch->done == ch->lli.len)
		return sgdma_hw_retire(ch);
	if (ch->step_ns >= TICK_NSEC)
		ch->next_step = jiffies + nsecs_to_jiffies(ch->step_ns);
	return false;
}

/* ---- engine ------------------------------------------------------- */

enum sgdma_hw_go {
	SGDMA_HW_STOP,		/* nothing to do until a register or FIFO kick */
	SGDMA_HW_DEFER,		/* requeued for later */
	SGDMA_HW_GO,
};

static enum sgdma_hw_go sgdma_hw_ready(struct sgdma_hw_chan *ch)
{
	lockdep_assert_held(&ch->lock);
	if (ch->state == SGDMA_STATE_RUN && ch->ctrl & SGDMA_CH_CTRL_PAUSE)
		ch->state = SGDMA_STATE_PAUSED;
	if (ch->state != SGDMA_STATE_RUN || READ_ONCE(ch->hw->dead))
		return SGDMA_HW_STOP;
	if (ch->fetched && time_before(jiffies, ch->next_step)) {
		ch->deferred = true;
		queue_delayed_work(ch->hw->wq, &ch->work,
				   ch->next_step - jiffies);
		return SGDMA_HW_DEFER;
	}
	return SGDMA_HW_GO;
}

/* One fetch or one chunk.  Returns false when the engine should stop. */
static bool sgdma_hw_step(struct sgdma_hw_chan *ch)
{
	struct sgdma_hw_move mv;
	unsigned long flags;
	bool raise = false, more = true;

	spin_lock_irqsave(&ch->lock, flags);
	ch->deferred = false;
	if (ch->raise_pending) {
		ch->raise_pending = false;
		raise = ch->int_status & ch->int_mask;
	}
	switch (sgdma_hw_ready(ch)) {
	case SGDMA_HW_STOP:
		ch->engine_active = false;
		fallthrough;
	case SGDMA_HW_DEFER:
		more = false;
		break;
	case SGDMA_HW_GO:
		if (!ch->fetched) {
			raise |= sgdma_hw_fetch(ch);
			break;
		}
		if (!sgdma_hw_plan(ch, &mv)) {
			ch->engine_active = false;
			more = false;
			break;
		}
		ch->in_step = true;
		spin_unlock_irqrestore(&ch->lock, flags);
		if (!mv.err)
			sgdma_hw_move(ch, &mv);
		spin_lock_irqsave(&ch->lock, flags);
		ch->in_step = false;
		raise |= sgdma_hw_commit(ch, &mv);
		break;
	}
	spin_unlock_irqrestore(&ch->lock, flags);
	if (raise)
		sgdma_hw_raise(ch);
	return more;
}

static void sgdma_hw_work(struct work_struct *work)
{
	struct sgdma_hw_chan *ch = container_of(to_delayed_work(work),
						struct sgdma_hw_chan, work);
	unsigned int budget;

	for (budget = SGDMA_HW_BUDGET; budget; budget--) {
		if (!sgdma_hw_step(ch))
			return;
	}
	/* Still busy: give other bottom halves a turn, then go on. */
	queue_delayed_work(ch->hw->wq, &ch->work, 0);
}

/* ---- registers ---------------------------------------------------- */

static void sgdma_hw_doorbell(struct sgdma_hw_chan *ch)
{
	lockdep_assert_held(&ch->lock);
	if (ch->state != SGDMA_STATE_IDLE) {
		ch->stats.doorbells_ignored++;
		return;
	}
	ch->gen++;
	ch->cur = ch->lli_base;
	ch->fetched = false;
	ch->remain = 0;
	ch->remain_valid = false;
	ch->err = 0;
	if (ch->ctrl & SGDMA_CH_CTRL_PAUSE) {
		ch->state = SGDMA_STATE_PAUSED;
		return;
	}
	ch->state = SGDMA_STATE_RUN;
	sgdma_hw_kick(ch);
}

static void sgdma_hw_write_ctrl(struct sgdma_hw_chan *ch, u32 val)
{
	lockdep_assert_held(&ch->lock);
	ch->ctrl = val & SGDMA_CH_CTRL_PAUSE;
	if (val & SGDMA_CH_CTRL_ABORT) {
		ch->gen++;
		ch->state = SGDMA_STATE_IDLE;
		ch->fetched = false;
		return;
	}
	if (ch->ctrl & SGDMA_CH_CTRL_PAUSE) {
		if ((ch->state == SGDMA_STATE_RUN && !ch->in_step) ||
		    ch->state == SGDMA_STATE_WAIT)
			ch->state = SGDMA_STATE_PAUSED;
	} else if (ch->state == SGDMA_STATE_PAUSED) {
		ch->state = SGDMA_STATE_RUN;
		sgdma_hw_kick(ch);
	}
}

/* &simdma_window_ops.chan_write; ignored once the model is dying */
static void sgdma_hw_chan_write(void *chan, unsigned int reg, u32 val)
{
	struct sgdma_hw_chan *ch = chan;
	unsigned long flags;

	if (READ_ONCE(ch->hw->dead))
		return;
	spin_lock_irqsave(&ch->lock, flags);
	switch (reg) {
	case SGDMA_CH_CTRL:
		sgdma_hw_write_ctrl(ch, val);
		break;
	case SGDMA_CH_DOORBELL:
		sgdma_hw_doorbell(ch);
		break;
	case SGDMA_CH_CFG:
		ch->cfg = val & SGDMA_CH_CFG_REQ_LINE;
		break;
	case SGDMA_CH_LLI_LO:
		ch->lli_base = (ch->lli_base & GENMASK_ULL(63, 32)) | val;
		break;
	case SGDMA_CH_LLI_HI:
		ch->lli_base = (ch->lli_base & GENMASK_ULL(31, 0)) |
			       (u64)val << 32;
		break;
	case SGDMA_CH_INT_MASK:
		ch->int_mask = val & SGDMA_CH_INT_ALL;
		if (ch->int_status & ch->int_mask) {
			ch->raise_pending = true;
			sgdma_hw_kick(ch);
		}
		break;
	case SGDMA_CH_INT_CLEAR:
		ch->int_status &= ~val;
		break;
	case SGDMA_CH_ERR:
		ch->err &= ~val;
		break;
	default:		/* read-only */
		break;
	}
	spin_unlock_irqrestore(&ch->lock, flags);
}

static u32 sgdma_hw_chan_read(void *chan, unsigned int reg)
{
	struct sgdma_hw_chan *ch = chan;
	unsigned long flags;
	u32 val = 0;

	spin_lock_irqsave(&ch->lock, flags);
	switch (reg) {
	case SGDMA_CH_CTRL:
		val = ch->ctrl;
		break;
	case SGDMA_CH_STATUS:
		val = FIELD_PREP(SGDMA_CH_STATUS_STATE, ch->state);
		if (ch->state != SGDMA_STATE_IDLE || ch->in_step)
			val |= SGDMA_CH_STATUS_BUSY;
		break;
	case SGDMA_CH_CFG:
		val = ch->cfg;
		break;
	case SGDMA_CH_LLI_LO:
		val = lower_32_bits(ch->lli_base);
		break;
	case SGDMA_CH_LLI_HI:
		val = upper_32_bits(ch->lli_base);
		break;
	case SGDMA_CH_CUR_LO:
		val = lower_32_bits(ch->cur);
		break;
	case SGDMA_CH_CUR_HI:
		val = upper_32_bits(ch->cur);
		break;
	case SGDMA_CH_REMAIN:
		val = FIELD_PREP(SGDMA_CH_REMAIN_BYTES, ch->remain);
		if (ch->remain_valid)
			val |= SGDMA_CH_REMAIN_VALID;
		break;
	case SGDMA_CH_INT_STATUS:
		val = ch->int_status;
		break;
	case SGDMA_CH_INT_MASK:
		val = ch->int_mask;
		break;
	case SGDMA_CH_ERR:
		val = ch->err;
		break;
	case SGDMA_CH_ERR_ADDR_LO:
		val = lower_32_bits(ch->err_addr);
		break;
	case SGDMA_CH_ERR_ADDR_HI:
		val = upper_32_bits(ch->err_addr);
		break;
	case SGDMA_CH_LLI_COUNT:
		val = ch->lli_count;
		break;
	default:		/* write-only */
		break;
	}
	spin_unlock_irqrestore(&ch->lock, flags);
	return val;
}

static u32 sgdma_hw_int_summary(struct sgdma_hw *hw)
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

static u32 sgdma_hw_global_read(void *ctx, unsigned int reg)
{
	struct sgdma_hw *hw = ctx;
	const struct sgdma_hw_config *cfg = &hw->cfg;

	switch (reg) {
	case SGDMA_ID:
		return SGDMA_ID_MAGIC;
	case SGDMA_VERSION:
		return SGDMA_HW_VERSION;
	case SGDMA_HWCFG:
		return FIELD_PREP(SGDMA_HWCFG_CHANNELS, cfg->channels) |
		       FIELD_PREP(SGDMA_HWCFG_REQUESTS, cfg->request_lines) |
		       FIELD_PREP(SGDMA_HWCFG_MAX_SRC, cfg->max_sources) |
		       FIELD_PREP(SGDMA_HWCFG_ADDR_BITS, SGDMA_HW_ADDR_BITS);
	case SGDMA_OPS:
		return cfg->ops;
	case SGDMA_ALIGN:
		return FIELD_PREP(SGDMA_ALIGN_COPY, cfg->copy_align) |
		       FIELD_PREP(SGDMA_ALIGN_RAID, cfg->raid_align);
	case SGDMA_WIDTHS:
		return cfg->widths;
	case SGDMA_MAX_BURST:
		return cfg->max_burst;
	case SGDMA_MAX_SEG:
		return cfg->max_seg;
	case SGDMA_INT_SUMMARY:
		return sgdma_hw_int_summary(hw);
	case SGDMA_META_SIZE:
		return SGDMA_HW_META_MAX;
	default:
		return 0;
	}
}

/* The window spans every possible channel; absent ones answer -EIO. */
static const struct simdma_window_ops sgdma_hw_win_ops = {
	.global_read = sgdma_hw_global_read,
	.chan_read = sgdma_hw_chan_read,
	.chan_write = sgdma_hw_chan_write,
};

/* ---- construction ------------------------------------------------- */

static int sgdma_hw_check_config(const struct sgdma_hw_config *cfg)
{
	if (cfg->id < 0 || !cfg->channels ||
	    cfg->channels > SGDMA_MAX_CHANNELS ||
	    cfg->request_lines > SGDMA_MAX_REQUESTS)
		return -EINVAL;
	if (cfg->ops & ~(GENMASK(SGDMA_OP_MAX, 0) | SGDMA_OPS_HANDSHAKE))
		return -EINVAL;
	if (!cfg->max_seg || cfg->max_seg > SGDMA_CH_REMAIN_BYTES ||
	    cfg->max_sources > SGDMA_MAX_SOURCES)
		return -EINVAL;
	if (!cfg->widths || cfg->widths > GENMASK(7, 0) ||
	    !is_power_of_2(cfg->max_burst) ||
	    cfg->max_burst > BIT(SGDMA_MAX_BURST_LOG2))
		return -EINVAL;
	if (cfg->copy_align > 12 || cfg->raid_align > 12)
		return -EINVAL;
	if (cfg->request_lines && cfg->fifo_depth < 16)
		return -EINVAL;
	return 0;
}

static void sgdma_hw_free_parts(struct sgdma_hw *hw)
{
	unsigned int i;

	for (i = 0; hw->fifos && i < hw->cfg.request_lines; i++)
		kfifo_free(&hw->fifos[i].data);
	for (i = 0; i < hw->nr_chans; i++)
		kfree(hw->chans[i].scratch);
	kfree(hw->fifos);
	kfree(hw);
}

static int sgdma_hw_alloc_parts(struct sgdma_hw *hw)
{
	unsigned int i;
	int ret;

	hw->fifos = kcalloc(hw->cfg.request_lines, sizeof(*hw->fifos),
			    GFP_KERNEL);
	if ((hw->cfg.request_lines && !hw->fifos))
		return -ENOMEM;
	for (i = 0; i < hw->cfg.request_lines; i++) {
		spin_lock_init(&hw->fifos[i].lock);
		ret = kfifo_alloc(&hw->fifos[i].data, hw->cfg.fifo_depth,
				  GFP_KERNEL);
		if (ret)
			return ret;
	}
	for (i = 0; i < hw->nr_chans; i++) {
		hw->chans[i].scratch = kmalloc(2 * SGDMA_HW_BLOCK, GFP_KERNEL);
		if (!hw->chans[i].scratch)
			return -ENOMEM;
	}
	return 0;
}

static void sgdma_hw_init_chans(struct sgdma_hw *hw)
{
	struct sgdma_hw_chan *ch;
	unsigned int i;

	for (i = 0; i < hw->nr_chans; i++) {
		ch = &hw->chans[i];
		ch->hw = hw;
		ch->idx = i;
		spin_lock_init(&ch->lock);
		INIT_DELAYED_WORK(&ch->work, sgdma_hw_work);
	}
	for (i = 0; i < SGDMA_FAULT_NR; i++) {
		sgdma_hw_fault_init(&hw->faults[i]);
		hw->faults[i].channels = GENMASK(hw->nr_chans - 1, 0);
	}
}

/**
 * sgdma_hw_create() - build a simulated controller
 * @dev: device that owns the register window; the controller's platform
 *	device must be its child.  Also used to translate bus addresses.
 * @cfg: what to build
 *
 * The register window is attached to @dev as its regmap and the channel
 * interrupts are mapped; nothing runs until a driver rings a doorbell.
 *
 * Context: process context; may sleep.
 * Return: the controller, or an ERR_PTR():
 * * -EINVAL - @cfg is out of range
 * * -ENOMEM, -ENOSPC - out of memory or interrupt numbers
 * * other - the regmap could not be created
 */
struct sgdma_hw *sgdma_hw_create(struct device *dev,
				 const struct sgdma_hw_config *cfg)
{
	struct sgdma_hw *hw;
	int ret;

	ret = sgdma_hw_check_config(cfg);
	if (ret)
		return ERR_PTR(ret);
	hw = kzalloc(struct_size(hw, chans, cfg->channels), GFP_KERNEL);
	if (!hw)
		return ERR_PTR(-ENOMEM);
	hw->nr_chans = cfg->channels;
	hw->dev = dev;
	hw->cfg = *cfg;
	hw->latency_ns = cfg->latency_ns;
	hw->fifo_base = SGDMA_HW_FIFO_WINDOW + cfg->id * SGDMA_HW_FIFO_SPAN;
	sgdma_hw_init_chans(hw);
	ret = sgdma_hw_alloc_parts(hw);
	if (ret)
		goto err_free;

	hw->wq = alloc_workqueue("sgdma-hw%d", WQ_BH, 0, cfg->id);
	if (!hw->wq) {
		ret = -ENOMEM;
		goto err_free;
	}
	ret = simdma_irqs_add(&hw->irqs, "sgdma-hw", cfg->id, hw->nr_chans);
	if (ret)
		goto err_wq;
	hw->win.ops = &sgdma_hw_win_ops;
	hw->win.ctx = hw;
	hw->win.chans = hw->chans;
	hw->win.chan_size = sizeof(hw->chans[0]);
	hw->win.ch_base = SGDMA_CH_BASE;
	hw->win.ch_stride = SGDMA_CH_STRIDE;
	hw->win.nr_chans = hw->nr_chans;
	ret = simdma_window_init(&hw->win, dev, SGDMA_REG_MAX);
	if (ret)
		goto err_irqs;
	return hw;

err_irqs:
	simdma_irqs_remove(&hw->irqs);
err_wq:
	destroy_workqueue(hw->wq);
err_free:
	sgdma_hw_free_parts(hw);
	return ERR_PTR(ret);
}
EXPORT_SYMBOL_GPL(sgdma_hw_create);

/**
 * sgdma_hw_destroy() - tear a simulated controller down
 * @hw: the controller, or NULL or an ERR_PTR() (ignored)
 *
 * Stops every channel and frees the controller.  The driver must already
 * be unbound: its interrupts freed and its register window no longer in
 * use.
 *
 * Context: process context; may sleep.
 */
void sgdma_hw_destroy(struct sgdma_hw *hw)
{
	unsigned long flags;
	unsigned int i;

	if (IS_ERR_OR_NULL(hw))
		return;
	WRITE_ONCE(hw->dead, true);
	for (i = 0; i < hw->nr_chans; i++) {
		spin_lock_irqsave(&hw->chans[i].lock, flags);
		hw->chans[i].state = SGDMA_STATE_IDLE;
		hw->chans[i].gen++;
		spin_unlock_irqrestore(&hw->chans[i].lock, flags);
		cancel_delayed_work_sync(&hw->chans[i].work);
	}
	simdma_window_exit(&hw->win);
	simdma_irqs_remove(&hw->irqs);
	destroy_workqueue(hw->wq);
	sgdma_hw_free_parts(hw);
}
EXPORT_SYMBOL_GPL(sgdma_hw_destroy);

/**
 * sgdma_hw_channels() - number of channels of a controller
 * @hw: the controller
 *
 * Context: any.
 * Return: the channel count.
 */
unsigned int sgdma_hw_channels(const struct sgdma_hw *hw)
{
	return hw->nr_chans;
}
EXPORT_SYMBOL_GPL(sgdma_hw_channels);

/**
 * sgdma_hw_request_lines() - number of request lines of a controller
 * @hw: the controller
 *
 * Context: any.
 * Return: the request line count (and peripheral FIFO count).
 */
unsigned int sgdma_hw_request_lines(const struct sgdma_hw *hw)
{
	return hw->cfg.request_lines;
}
EXPORT_SYMBOL_GPL(sgdma_hw_request_lines);

/**
 * sgdma_hw_irq_lines() - the interrupt lines of a controller
 * @hw: the controller
 *
 * Context: any.
 * Return: the lines, one per channel, for the board to hand to the driver.
 */
const struct simdma_irqs *sgdma_hw_irq_lines(const struct sgdma_hw *hw)
{
	return &hw->irqs;
}
EXPORT_SYMBOL_GPL(sgdma_hw_irq_lines);

/**
 * sgdma_hw_irq() - Linux interrupt number of a channel
 * @hw: the controller
 * @chan: channel number
 *
 * Context: any.
 * Return: the interrupt number, or -EINVAL for a channel that does not
 * exist.
 */
int sgdma_hw_irq(const struct sgdma_hw *hw, unsigned int chan)
{
	return simdma_irqs_virq(&hw->irqs, chan);
}
EXPORT_SYMBOL_GPL(sgdma_hw_irq);

/* ---- peripherals -------------------------------------------------- */

/* The request line's FIFO level changed: wake channels waiting on it. */
static void sgdma_hw_line_kick(struct sgdma_hw *hw, unsigned int line)
{
	struct sgdma_hw_chan *ch;
	unsigned long flags;
	unsigned int i;

	for (i = 0; i < hw->nr_chans; i++) {
		ch = &hw->chans[i];
		spin_lock_irqsave(&ch->lock, flags);
		if (ch->state == SGDMA_STATE_WAIT &&
		    FIELD_GET(SGDMA_CH_CFG_REQ_LINE, ch->cfg) == line) {
			ch->state = SGDMA_STATE_RUN;
			sgdma_hw_kick(ch);
		}
		spin_unlock_irqrestore(&ch->lock, flags);
	}
}

/**
 * sgdma_hw_fifo_addr() - bus address of a peripheral's FIFO
 * @hw: the controller
 * @line: request line
 *
 * This is the address a client puts in &dma_slave_config.src_addr or
 * &dma_slave_config.dst_addr to reach the peripheral on @line.
 *
 * Context: any.
 * Return: the bus address (not memory; it never needs mapping).
 */
dma_addr_t sgdma_hw_fifo_addr(const struct sgdma_hw *hw, unsigned int line)
{
	return hw->fifo_base + (u64)line * SGDMA_HW_FIFO_STRIDE;
}
EXPORT_SYMBOL_GPL(sgdma_hw_fifo_addr);

/**
 * sgdma_hw_fifo_push() - a peripheral produces data for the DMA to read
 * @hw: the controller
 * @line: request line of the peripheral
 * @buf: the data
 * @len: bytes in @buf
 *
 * Context: any.
 * Return: bytes queued, less than @len when the FIFO is full, 0 for a
 * line that does not exist.
 */
size_t sgdma_hw_fifo_push(struct sgdma_hw *hw, unsigned int line,
			  const void *buf, size_t len)
{
	struct sgdma_hw_fifo *fifo = sgdma_hw_line(hw, line);
	unsigned long flags;
	size_t done;

	if (!fifo)
		return 0;
	spin_lock_irqsave(&fifo->lock, flags);
	done = kfifo_in(&fifo->data, buf, len);
	spin_unlock_irqrestore(&fifo->lock, flags);
	if (done)
		sgdma_hw_line_kick(hw, line);
	return done;
}
EXPORT_SYMBOL_GPL(sgdma_hw_fifo_push);

/**
 * sgdma_hw_fifo_pop() - a peripheral consumes data the DMA wrote
 * @hw: the controller
 * @line: request line of the peripheral
 * @buf: receives the data
 * @len: room in @buf
 *
 * Context: any.
 * Return: bytes taken from the FIFO.
 */
size_t sgdma_hw_fifo_pop(struct sgdma_hw *hw, unsigned int line, void *buf,
			 size_t len)
{
	struct sgdma_hw_fifo *fifo = sgdma_hw_line(hw, line);
	unsigned long flags;
	size_t done;

	if (!fifo)
		return 0;
	spin_lock_irqsave(&fifo->lock, flags);
	done = kfifo_out(&fifo->data, buf, len);
	spin_unlock_irqrestore(&fifo->lock, flags);
	if (done)
		sgdma_hw_line_kick(hw, line);
	return done;
}
EXPORT_SYMBOL_GPL(sgdma_hw_fifo_pop);

/**
 * sgdma_hw_fifo_level() - bytes waiting in a peripheral's FIFO
 * @hw: the controller
 * @line: request line of the peripheral
 *
 * Context: any.
 * Return: the FIFO level; 0 for a line that does not exist.
 */
size_t sgdma_hw_fifo_level(struct sgdma_hw *hw, unsigned int line)
{
	struct sgdma_hw_fifo *fifo = sgdma_hw_line(hw, line);
	unsigned long flags;
	size_t level;

	if (!fifo)
		return 0;
	spin_lock_irqsave(&fifo->lock, flags);
	level = kfifo_len(&fifo->data);
	spin_unlock_irqrestore(&fifo->lock, flags);
	return level;
}
EXPORT_SYMBOL_GPL(sgdma_hw_fifo_level);

/**
 * sgdma_hw_fifo_set_meta() - sideband record for the next device read
 * @hw: the controller
 * @line: request line of the peripheral
 * @buf: the record
 * @len: its length, at most 64 bytes
 *
 * The next descriptor reading from this peripheral with
 * SGDMA_LLI_CTRL_META stores the record in its metadata buffer.
 *
 * Context: any.
 * Return: 0, or -EINVAL for a bad line or length.
 */
int sgdma_hw_fifo_set_meta(struct sgdma_hw *hw, unsigned int line,
			   const void *buf, size_t len)
{
	struct sgdma_hw_fifo *fifo = sgdma_hw_line(hw, line);
	unsigned long flags;

	if (!fifo || len > SGDMA_HW_META_MAX)
		return -EINVAL;
	spin_lock_irqsave(&fifo->lock, flags);
	memcpy(fifo->rx_meta, buf, len);
	fifo->rx_meta_len = len;
	spin_unlock_irqrestore(&fifo->lock, flags);
	return 0;
}
EXPORT_SYMBOL_GPL(sgdma_hw_fifo_set_meta);

/**
 * sgdma_hw_fifo_get_meta() - collect the sideband record last sent
 * @hw: the controller
 * @line: request line of the peripheral
 * @buf: receives the record
 * @len: room in @buf
 *
 * Context: any.
 * Return: bytes copied, -ENODATA when no record arrived since the last
 * call, -EINVAL for a bad line.
 */
ssize_t sgdma_hw_fifo_get_meta(struct sgdma_hw *hw, unsigned int line,
			       void *buf, size_t len)
{
	struct sgdma_hw_fifo *fifo = sgdma_hw_line(hw, line);
	unsigned long flags;
	ssize_t ret = -ENODATA;

	if (!fifo)
		return -EINVAL;
	spin_lock_irqsave(&fifo->lock, flags);
	if (fifo->tx_meta_valid) {
		ret = min_t(size_t, len, fifo->tx_meta_len);
		memcpy(buf, fifo->tx_meta, ret);
		fifo->tx_meta_valid = false;
	}
	spin_unlock_irqrestore(&fifo->lock, flags);
	return ret;
}
EXPORT_SYMBOL_GPL(sgdma_hw_fifo_get_meta);

/* ---- knobs and state ---------------------------------------------- */

/**
 * sgdma_hw_set_latency() - set the time each descriptor takes
 * @hw: the controller
 * @ns: nanoseconds; 0 moves data as fast as the CPU copies it
 *
 * Applies from the next descriptor fetched.  Latencies shorter than a
 * timer tick per chunk are busy-waited.
 *
 * Context: any.
 */
void sgdma_hw_set_latency(struct sgdma_hw *hw, u64 ns)
{
	WRITE_ONCE(hw->latency_ns, ns);
}
EXPORT_SYMBOL_GPL(sgdma_hw_set_latency);

/**
 * sgdma_hw_latency() - the time each descriptor takes
 * @hw: the controller
 *
 * Context: any.
 * Return: the latency in nanoseconds.
 */
u64 sgdma_hw_latency(const struct sgdma_hw *hw)
{
	return READ_ONCE(hw->latency_ns);
}
EXPORT_SYMBOL_GPL(sgdma_hw_latency);

/**
 * sgdma_hw_fault() - the knob of one fault kind
 * @hw: the controller
 * @kind: the fault
 *
 * Context: any.
 * Return: the knob, or NULL for an unknown @kind.
 */
struct sgdma_hw_fault_knob *sgdma_hw_fault(struct sgdma_hw *hw,
					   enum sgdma_hw_fault kind)
{
	return kind < SGDMA_FAULT_NR ? &hw->faults[kind] : NULL;
}
EXPORT_SYMBOL_GPL(sgdma_hw_fault);

/**
 * sgdma_hw_fault_name() - short name of a fault kind
 * @kind: the fault
 *
 * Context: any.
 * Return: "read", "write", "desc", "stall" or "irq"; "?" otherwise.
 */
const char *sgdma_hw_fault_name(enum sgdma_hw_fault kind)
{
	return kind < SGDMA_FAULT_NR ? sgdma_hw_fault_names[kind] : "?";
}
EXPORT_SYMBOL_GPL(sgdma_hw_fault_name);

/**
 * sgdma_hw_inject() - make the model fail on every Nth eligible event
 * @hw: the controller
 * @kind: the fault
 * @every: 0 stops injecting, 1 fails every time, N every Nth time
 * @channels: mask of the channels concerned
 *
 * Eligible events: descriptor fetches (desc, stall), the first chunk of
 * descriptors that read or write data (read, write), interrupts (irq).
 * The event count restarts.
 *
 * Context: any.
 */
void sgdma_hw_inject(struct sgdma_hw *hw, enum sgdma_hw_fault kind, u32 every,
		     u32 channels)
{
	struct sgdma_hw_fault_knob *knob = sgdma_hw_fault(hw, kind);

	if (!knob)
		return;
	atomic_set(&knob->seen, 0);
	WRITE_ONCE(knob->channels, channels);
	WRITE_ONCE(knob->every, every);
}
EXPORT_SYMBOL_GPL(sgdma_hw_inject);

/**
 * sgdma_hw_chan_stats() - snapshot the counters of a channel
 * @hw: the controller
 * @chan: channel number
 * @stats: receives the counters (zeroed for a bad @chan)
 *
 * Context: any.
 */
void sgdma_hw_chan_stats(struct sgdma_hw *hw, unsigned int chan,
			 struct sgdma_hw_chan_stats *stats)
{
	unsigned long flags;

	memset(stats, 0, sizeof(*stats));
	if (chan >= hw->nr_chans)
		return;
	spin_lock_irqsave(&hw->chans[chan].lock, flags);
	*stats = hw->chans[chan].stats;
	spin_unlock_irqrestore(&hw->chans[chan].lock, flags);
}
EXPORT_SYMBOL_GPL(sgdma_hw_chan_stats);

static void sgdma_hw_show_chan(struct sgdma_hw_chan *ch, struct seq_file *m)
{
	unsigned long flags;

	spin_lock_irqsave(&ch->lock, flags);
	seq_printf(m, "ch%u: %s%s cur %#llx remain %u%s int %#x/%#x err %#x at %#llx llis %u\n",
		   ch->idx, sgdma_hw_state_names[ch->state],
		   ch->ctrl & SGDMA_CH_CTRL_PAUSE ? " (pause)" : "",
		   ch->cur, ch->remain, ch->remain_valid ? "" : " (unfetched)",
		   ch->int_status, ch->int_mask, ch->err, ch->err_addr,
		   ch->lli_count);
	spin_unlock_irqrestore(&ch->lock, flags);
}

/**
 * sgdma_hw_show() - print the state of a controller
 * @hw: the controller
 * @m: where to print
 *
 * Context: process context.
 */
void sgdma_hw_show(struct sgdma_hw *hw, struct seq_file *m)
{
	unsigned int i;

	seq_printf(m, "channels %u request_lines %u ops %#x widths %#x max_burst %u max_seg %u max_sources %u\n",
		   hw->nr_chans, hw->cfg.request_lines, hw->cfg.ops,
		   hw->cfg.widths, hw->cfg.max_burst, hw->cfg.max_seg,
		   hw->cfg.max_sources);
	seq_printf(m, "latency_ns %llu fifo_base %#llx fifo_depth %u\n",
		   sgdma_hw_latency(hw), hw->fifo_base, hw->cfg.fifo_depth);
	for (i = 0; i < hw->nr_chans; i++)
		sgdma_hw_show_chan(&hw->chans[i], m);
	for (i = 0; i < hw->cfg.request_lines; i++)
		seq_printf(m, "line%u: fifo %zu/%u\n", i,
			   sgdma_hw_fifo_level(hw, i),
			   kfifo_size(&hw->fifos[i].data));
}
EXPORT_SYMBOL_GPL(sgdma_hw_show);
