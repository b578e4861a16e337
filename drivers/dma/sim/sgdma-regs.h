/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Programming model of the simulated scatter-gather DMA controller.
 *
 * This header is the controller's datasheet: the register window and the
 * in-memory hardware descriptor format.  The driver (sgdma.c) and the
 * hardware model (sgdma-hw.c) both build on it and on nothing else of each
 * other.  All registers are 32 bits wide and little-endian; descriptors
 * live in DMA-coherent memory, also little-endian.
 *
 * The window starts with global identification and capability registers,
 * followed at SGDMA_CH_BASE by one block of SGDMA_CH_STRIDE bytes per
 * channel.  Each channel has its own interrupt line.
 */
#ifndef _DMA_SIM_SGDMA_REGS_H
#define _DMA_SIM_SGDMA_REGS_H

#include <linux/bits.h>
#include <linux/build_bug.h>
#include <linux/types.h>

/* Global registers (read-only) */
#define SGDMA_ID			0x000
#define  SGDMA_ID_MAGIC			0x53474d41	/* "SGMA" */
#define SGDMA_VERSION			0x004
#define  SGDMA_VERSION_MAJOR		GENMASK(15, 8)
#define  SGDMA_VERSION_MINOR		GENMASK(7, 0)
#define SGDMA_HWCFG			0x008
#define  SGDMA_HWCFG_CHANNELS		GENMASK(7, 0)
#define  SGDMA_HWCFG_REQUESTS		GENMASK(15, 8)
#define  SGDMA_HWCFG_MAX_SRC		GENMASK(23, 16)
#define  SGDMA_HWCFG_ADDR_BITS		GENMASK(31, 24)
#define SGDMA_OPS			0x00c
#define  SGDMA_OPS_OP(op)		BIT(op)		/* opcode @op is executed */
#define  SGDMA_OPS_HANDSHAKE		BIT(16)		/* request-line pacing */
#define SGDMA_ALIGN			0x010
#define  SGDMA_ALIGN_COPY		GENMASK(3, 0)	/* log2, COPY and FILL */
#define  SGDMA_ALIGN_RAID		GENMASK(7, 4)	/* log2, XOR and PQ ops */
#define SGDMA_WIDTHS			0x014	/* bit n: bus width of 2^n bytes */
#define SGDMA_MAX_BURST			0x018	/* beats per burst, power of 2 */
#define SGDMA_MAX_SEG			0x01c	/* bytes per descriptor */
#define SGDMA_INT_SUMMARY		0x020	/* bit n: channel n interrupting */
#define SGDMA_META_SIZE			0x024	/* sideband bytes per descriptor */

/* Channel registers, at SGDMA_CH_BASE + n * SGDMA_CH_STRIDE */
#define SGDMA_CH_BASE			0x100
#define SGDMA_CH_STRIDE			0x040
#define SGDMA_MAX_CHANNELS		32
#define SGDMA_MAX_REQUESTS		255
#define SGDMA_REG_MAX			(SGDMA_CH_BASE + \
					 SGDMA_MAX_CHANNELS * SGDMA_CH_STRIDE - 4)

#define SGDMA_CH_CTRL			0x00	/* RW */
#define  SGDMA_CH_CTRL_PAUSE		BIT(0)	/* level: hold at a burst edge */
#define  SGDMA_CH_CTRL_ABORT		BIT(1)	/* write 1: drop the chain */
#define SGDMA_CH_STATUS			0x04	/* RO */
#define  SGDMA_CH_STATUS_STATE		GENMASK(2, 0)
#define  SGDMA_CH_STATUS_BUSY		BIT(4)	/* may still touch memory */
#define SGDMA_CH_DOORBELL		0x08	/* WO: any write starts CH_LLI */
#define SGDMA_CH_CFG			0x0c	/* RW */
#define  SGDMA_CH_CFG_REQ_LINE		GENMASK(7, 0)
#define SGDMA_CH_LLI_LO			0x10	/* RW: first descriptor */
#define SGDMA_CH_LLI_HI			0x14
#define SGDMA_CH_CUR_LO			0x18	/* RO: descriptor in progress */
#define SGDMA_CH_CUR_HI			0x1c
#define SGDMA_CH_REMAIN			0x20	/* RO */
#define  SGDMA_CH_REMAIN_BYTES		GENMASK(30, 0)
#define  SGDMA_CH_REMAIN_VALID		BIT(31)	/* CH_CUR has been fetched */
#define SGDMA_CH_INT_STATUS		0x24	/* RO, raw */
#define SGDMA_CH_INT_MASK		0x28	/* RW, 1 = enabled */
#define SGDMA_CH_INT_CLEAR		0x2c	/* WO, write 1 to clear */
#define  SGDMA_CH_INT_DONE		BIT(0)
#define  SGDMA_CH_INT_ERROR		BIT(1)
#define  SGDMA_CH_INT_ALL		(SGDMA_CH_INT_DONE | SGDMA_CH_INT_ERROR)
#define SGDMA_CH_ERR			0x30	/* RW1C: cause of CH_INT_ERROR */
#define  SGDMA_CH_ERR_READ		BIT(0)	/* bus error reading data */
#define  SGDMA_CH_ERR_WRITE		BIT(1)	/* bus error writing data */
#define  SGDMA_CH_ERR_DESC		BIT(2)	/* unreadable or bad descriptor */
#define  SGDMA_CH_ERR_ALL		GENMASK(2, 0)
#define SGDMA_CH_ERR_ADDR_LO		0x34	/* RO: faulting bus address */
#define SGDMA_CH_ERR_ADDR_HI		0x38
#define SGDMA_CH_LLI_COUNT		0x3c	/* RO: descriptors completed */

/* SGDMA_CH_STATUS_STATE values */
#define SGDMA_STATE_IDLE		0
#define SGDMA_STATE_RUN			1
#define SGDMA_STATE_WAIT		2	/* waiting for the request line */
#define SGDMA_STATE_PAUSED		3
#define SGDMA_STATE_STALLED		4	/* hung; only ABORT recovers */

/* Descriptor opcodes (SGDMA_LLI_CTRL_OP) */
#define SGDMA_OP_NOP			0	/* no data; interrupt only */
#define SGDMA_OP_COPY			1
#define SGDMA_OP_FILL			2
#define SGDMA_OP_XOR			3
#define SGDMA_OP_XOR_CHECK		4
#define SGDMA_OP_PQ			5
#define SGDMA_OP_PQ_CHECK		6
#define SGDMA_OP_MAX			SGDMA_OP_PQ_CHECK

/* struct sgdma_lli.ctrl */
#define SGDMA_LLI_CTRL_OP		GENMASK(3, 0)
#define SGDMA_LLI_CTRL_IRQ		BIT(4)	/* raise CH_INT_DONE when done */
#define SGDMA_LLI_CTRL_SRC_FIXED	BIT(5)	/* source does not increment */
#define SGDMA_LLI_CTRL_DST_FIXED	BIT(6)	/* destination does not either */
#define SGDMA_LLI_CTRL_META		BIT(7)	/* move sideband metadata */
#define SGDMA_LLI_CTRL_SRC_WIDTH	GENMASK(10, 8)	/* log2 bytes */
#define SGDMA_LLI_CTRL_DST_WIDTH	GENMASK(13, 11)	/* log2 bytes */
#define SGDMA_LLI_CTRL_BURST		GENMASK(17, 14)	/* log2 beats */
#define  SGDMA_MAX_BURST_LOG2		15
#define SGDMA_LLI_CTRL_NSRC		GENMASK(23, 18)	/* XOR and PQ ops */
#define  SGDMA_MAX_SOURCES		63
#define SGDMA_LLI_CTRL_NO_P		BIT(24)	/* PQ ops: leave P alone */
#define SGDMA_LLI_CTRL_NO_Q		BIT(25)	/* PQ ops: leave Q alone */
#define SGDMA_LLI_CTRL_ACCUM		BIT(26)	/* XOR, PQ: add to old result */
#define SGDMA_LLI_CTRL_HANDSHAKE	BIT(27)	/* pace on CH_CFG_REQ_LINE */
#define SGDMA_LLI_CTRL_RESERVED		GENMASK(31, 28)

/* struct sgdma_lli.status, written back by the controller */
#define SGDMA_LLI_STATUS_DONE		BIT(0)
#define SGDMA_LLI_STATUS_P_BAD		BIT(1)	/* XOR sum or P differs */
#define SGDMA_LLI_STATUS_Q_BAD		BIT(2)	/* Q differs */
#define SGDMA_LLI_STATUS_META_LEN	GENMASK(15, 8)	/* sideband received */

/**
 * struct sgdma_lli - hardware descriptor (linked-list item)
 * @ctrl: SGDMA_LLI_CTRL_* fields
 * @len: bytes to move or check; zero only for SGDMA_OP_NOP
 * @src: source address (COPY); fill pattern, repeated from the first
 *	destination byte on (FILL); address of a table of @ctrl NSRC
 *	struct sgdma_lli_src (XOR, XOR_CHECK, PQ, PQ_CHECK)
 * @dst: destination (COPY, FILL, XOR); P (PQ, PQ_CHECK)
 * @dst2: Q (PQ, PQ_CHECK); zero otherwise
 * @next: bus address of the next descriptor; zero ends the chain
 * @meta: bus address of the sideband buffer (SGDMA_LLI_CTRL_META)
 * @meta_len: toward a device, sideband bytes to send; from a device, size
 *	of the @meta buffer
 * @status: SGDMA_LLI_STATUS_* written by the controller when the
 *	descriptor completes
 * @reserved: must be zero
 *
 * Descriptors are 64 bytes long and 64-byte aligned.  Addresses must be
 * aligned to the widths and to the SGDMA_ALIGN constraint of the opcode;
 * a descriptor breaking a rule stops the channel with SGDMA_CH_ERR_DESC.
 */
struct sgdma_lli {
	__le32 ctrl;
	__le32 len;
	__le64 src;
	__le64 dst;
	__le64 dst2;
	__le64 next;
	__le64 meta;
	__le32 meta_len;
	__le32 status;
	__le64 reserved;
};

static_assert(sizeof(struct sgdma_lli) == 64);

#define SGDMA_LLI_ALIGN			64

/**
 * struct sgdma_lli_src - one source of an XOR or PQ descriptor
 * @addr: bus address of the source block
 * @coef: GF(2^8) coefficient in bits 7:0 (PQ ops; ignored by XOR ops)
 * @reserved: must be zero
 */
struct sgdma_lli_src {
	__le64 addr;
	__le32 coef;
	__le32 reserved;
};

static_assert(sizeof(struct sgdma_lli_src) == 16);

#define SGDMA_LLI_SRC_COEF		GENMASK(7, 0)

#endif /* _DMA_SIM_SGDMA_REGS_H */
