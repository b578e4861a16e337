/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Programming model of the simulated cyclic and interleaved DMA controller.
 *
 * This header is the controller's datasheet: its register window and its
 * in-memory descriptor formats.  The driver (cydma.c) and the hardware
 * model (cydma-hw.c) share nothing else.  Registers are 32 bits wide,
 * descriptors live in DMA-coherent memory; everything is little-endian.
 *
 * The controller is built for streams: audio rings and video frames.  A
 * descriptor moves a two-dimensional block: FRAMES frames, each made of
 * CHUNKS chunks, each chunk followed by a gap on the source and on the
 * destination side.  Descriptors are chained through their next pointer;
 * a chain whose last descriptor points back to the first is a ring that
 * runs until it is aborted.  A descriptor flagged IRQ counts a period and
 * interrupts when it ends.  The last descriptor of a transfer is flagged
 * EOT ("end of transfer"); when the engine reaches the end of an EOT
 * descriptor while the next-frame register CH_NEXT is armed, it continues
 * at CH_NEXT instead of the next pointer: a running (repeated) frame is
 * replaced at its end, never in the middle.
 *
 * The global registers come first; each channel has a block of
 * CYDMA_CH_STRIDE bytes at CYDMA_CH_BASE and its own interrupt line.
 */
#ifndef _DMA_SIM_CYDMA_REGS_H
#define _DMA_SIM_CYDMA_REGS_H

#include <linux/bits.h>
#include <linux/build_bug.h>
#include <linux/types.h>

/* Global registers (read-only) */
#define CYDMA_ID			0x000
#define  CYDMA_ID_MAGIC			0x4359444d	/* "CYDM" */
#define CYDMA_VERSION			0x004
#define CYDMA_HWCFG			0x008
#define  CYDMA_HWCFG_CHANNELS		GENMASK(7, 0)
#define  CYDMA_HWCFG_REQUESTS		GENMASK(15, 8)
#define  CYDMA_HWCFG_MAX_CHUNKS		GENMASK(23, 16)	/* chunks per frame */
#define  CYDMA_HWCFG_ADDR_BITS		GENMASK(31, 24)
#define CYDMA_FEATURES			0x00c
#define  CYDMA_FEAT_MEM			BIT(0)	/* memory on both sides */
#define  CYDMA_FEAT_PACED		BIT(1)	/* peripherals, request lines */
#define  CYDMA_FEAT_RING		BIT(2)	/* period interrupts (CTRL_IRQ) */
#define  CYDMA_FEAT_CHUNKS		BIT(3)	/* chunk tables (CHUNKS > 1) */
#define  CYDMA_FEAT_NEXT		BIT(4)	/* the next-frame register */
#define  CYDMA_FEAT_ALL			GENMASK(4, 0)
#define CYDMA_WIDTHS			0x010	/* bit n: beats of 2^n bytes */
#define CYDMA_MAX_BURST			0x014	/* beats per request, power of 2 */
#define CYDMA_MAX_CHUNK			0x018	/* bytes per chunk */
#define CYDMA_MIN_PERIOD		0x01c	/* bytes per IRQ descriptor */
#define CYDMA_MAX_FRAMES		0x020	/* frames per descriptor */
#define CYDMA_MAX_GAP			0x024	/* bytes per gap */
#define CYDMA_INT_SUMMARY		0x028	/* bit n: channel n interrupting */

/* Channel registers, at CYDMA_CH_BASE + n * CYDMA_CH_STRIDE */
#define CYDMA_CH_BASE			0x100
#define CYDMA_CH_STRIDE			0x080
#define CYDMA_MAX_CHANNELS		16
#define CYDMA_MAX_REQUESTS		32
#define CYDMA_REG_MAX			(CYDMA_CH_BASE + \
					 CYDMA_MAX_CHANNELS * CYDMA_CH_STRIDE - 4)

#define CYDMA_CH_CTRL			0x00	/* RW */
#define  CYDMA_CH_CTRL_PAUSE		BIT(0)	/* level: hold at a burst edge */
#define  CYDMA_CH_CTRL_ABORT		BIT(1)	/* write 1: stop, disarm NEXT */
#define CYDMA_CH_STATUS			0x04	/* RO */
#define  CYDMA_CH_STATUS_STATE		GENMASK(2, 0)
#define  CYDMA_CH_STATUS_BUSY		BIT(4)	/* may still touch memory */
#define  CYDMA_CH_STATUS_NEXT		BIT(5)	/* CH_NEXT is armed */
#define CYDMA_CH_START			0x08	/* WO: run from CH_DESC */
#define CYDMA_CH_CFG			0x0c	/* RW */
#define  CYDMA_CH_CFG_REQ_LINE		GENMASK(7, 0)
#define CYDMA_CH_DESC_LO		0x10	/* RW: first descriptor */
#define CYDMA_CH_DESC_HI		0x14
#define CYDMA_CH_NEXT_LO		0x18	/* RW: next-frame register */
#define CYDMA_CH_NEXT_HI		0x1c	/* writing it arms CH_NEXT */
#define CYDMA_CH_XFER_LO		0x20	/* RO: first descriptor of the */
#define CYDMA_CH_XFER_HI		0x24	/* transfer being run */
#define CYDMA_CH_POS			0x28	/* RO: see below */
#define CYDMA_CH_POS_DESC_LO		0x2c	/* RO: latched by CH_POS */
#define CYDMA_CH_POS_DESC_HI		0x30
#define CYDMA_CH_PERIODS		0x34	/* RO: IRQ descriptors done */
#define CYDMA_CH_LOAD_MARK		0x38	/* RO: CH_PERIODS at last load */
#define CYDMA_CH_INT_STATUS		0x3c	/* RO, raw */
#define CYDMA_CH_INT_MASK		0x40	/* RW, 1 = enabled */
#define CYDMA_CH_INT_CLEAR		0x44	/* WO, write 1 to clear */
#define  CYDMA_CH_INT_PERIOD		BIT(0)	/* an IRQ descriptor ended */
#define  CYDMA_CH_INT_DONE		BIT(1)	/* the chain ended, idle */
#define  CYDMA_CH_INT_LOADED		BIT(2)	/* CH_NEXT was taken */
#define  CYDMA_CH_INT_ERROR		BIT(3)	/* halted, see CH_ERR */
#define  CYDMA_CH_INT_ALL		GENMASK(3, 0)
#define CYDMA_CH_ERR			0x48	/* RW1C: cause of INT_ERROR */
#define  CYDMA_CH_ERR_READ		BIT(0)	/* bus error reading data */
#define  CYDMA_CH_ERR_WRITE		BIT(1)	/* bus error writing data */
#define  CYDMA_CH_ERR_DESC		BIT(2)	/* bad or unreadable descriptor */
#define  CYDMA_CH_ERR_ALL		GENMASK(2, 0)
#define CYDMA_CH_ERR_ADDR_LO		0x4c	/* RO: faulting bus address */
#define CYDMA_CH_ERR_ADDR_HI		0x50

/*
 * CH_POS: bytes of the current descriptor already moved, in whole bursts
 * (whole chunk pieces when unpaced).  Reading it latches the bus address
 * of that descriptor into CH_POS_DESC, so the pair is always coherent.
 * CH_PERIODS counts the IRQ descriptors completed since the last
 * CH_START; CH_LOAD_MARK holds its value when CH_NEXT was last taken, so
 * periods before and after a load can be told apart.
 */

/* CYDMA_CH_STATUS_STATE values */
#define CYDMA_STATE_IDLE		0
#define CYDMA_STATE_RUN			1
#define CYDMA_STATE_WAIT		2	/* for the request line */
#define CYDMA_STATE_PAUSED		3
#define CYDMA_STATE_SYNC		4	/* unpaced ring: next frame tick */

/* struct cydma_desc.ctrl */
#define CYDMA_DESC_CTRL_IRQ		BIT(0)	/* a period: count, interrupt */
#define CYDMA_DESC_CTRL_EOT		BIT(1)	/* last one of a transfer */
#define CYDMA_DESC_CTRL_SRC_INC		BIT(2)	/* source address advances */
#define CYDMA_DESC_CTRL_DST_INC		BIT(3)	/* destination advances */
#define CYDMA_DESC_CTRL_PACED		BIT(4)	/* one burst per request */
#define CYDMA_DESC_CTRL_WIDTH		GENMASK(7, 5)	/* log2 bytes per beat */
#define CYDMA_DESC_CTRL_BURST		GENMASK(11, 8)	/* log2 beats */
#define  CYDMA_MAX_BURST_LOG2		15
#define CYDMA_DESC_CTRL_RESERVED	GENMASK(31, 12)

/* struct cydma_desc.status, written back by the controller */
#define CYDMA_DESC_STATUS_DONE		BIT(0)

/* Largest number of bytes one descriptor may move (CH_POS range) */
#define CYDMA_DESC_MAX_BYTES		GENMASK(30, 0)
/* Largest number of chunks per frame the CHUNKS field can describe */
#define CYDMA_MAX_CHUNKS		64

/**
 * struct cydma_desc - hardware descriptor: one two-dimensional block
 * @ctrl: CYDMA_DESC_CTRL_* fields
 * @frames: number of frames, 1 to CYDMA_MAX_FRAMES
 * @src: bus address of the first source byte
 * @dst: bus address of the first destination byte
 * @size: bytes of the only chunk of a frame (when @chunks is 1)
 * @src_gap: bytes skipped on the source after that chunk
 * @dst_gap: bytes skipped on the destination after that chunk
 * @chunks: chunks per frame; above 1 they are read from @table and
 *	@size, @src_gap and @dst_gap must be zero
 * @table: bus address of @chunks struct cydma_chunk entries
 * @next: bus address of the next descriptor; zero ends the chain
 * @status: CYDMA_DESC_STATUS_* written by the controller
 * @reserved: must be zero
 *
 * The engine moves chunk after chunk, frame after frame; after each chunk
 * an incrementing side skips that chunk's gap, a non-incrementing side
 * stays at its address.  Every address, size and gap must be a multiple
 * of the beat width.  One side may be the data register of a peripheral
 * (which never increments); with CTRL_PACED the request line of CH_CFG
 * then releases one burst at a time.  Descriptors are 64 bytes long and
 * 64-byte aligned; one that breaks a rule halts the channel with
 * CYDMA_CH_ERR_DESC.
 */
struct cydma_desc {
	__le32 ctrl;
	__le32 frames;
	__le64 src;
	__le64 dst;
	__le32 size;
	__le32 src_gap;
	__le32 dst_gap;
	__le32 chunks;
	__le64 table;
	__le64 next;
	__le32 status;
	__le32 reserved;
};

static_assert(sizeof(struct cydma_desc) == 64);

#define CYDMA_DESC_ALIGN		64

/**
 * struct cydma_chunk - one chunk of a frame, in a chunk table
 * @size: bytes moved, at least one beat
 * @src_gap: bytes skipped on the source side afterwards
 * @dst_gap: bytes skipped on the destination side afterwards
 * @reserved: must be zero
 *
 * Tables are 16-byte aligned.
 */
struct cydma_chunk {
	__le32 size;
	__le32 src_gap;
	__le32 dst_gap;
	__le32 reserved;
};

static_assert(sizeof(struct cydma_chunk) == 16);

#define CYDMA_CHUNK_ALIGN		16

#endif /* _DMA_SIM_CYDMA_REGS_H */
