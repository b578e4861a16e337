/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Hardware model of the simulated scatter-gather DMA controller: what the
 * board code and the tests use to build a controller, wire it up and act
 * as the peripherals on its request lines.  The DMA driver never includes
 * this file; it only sees the registers of sgdma-regs.h and an interrupt.
 */
#ifndef _DMA_SIM_SGDMA_HW_H
#define _DMA_SIM_SGDMA_HW_H

#include <linux/atomic.h>
#include <linux/fault-inject.h>
#include <linux/types.h>

struct device;
struct seq_file;
struct sgdma_hw;
struct simdma_irqs;

/**
 * enum sgdma_hw_fault - failures the model can be told to produce
 * @SGDMA_FAULT_READ: a data read fails (bus error, SGDMA_CH_ERR_READ)
 * @SGDMA_FAULT_WRITE: a data write fails (SGDMA_CH_ERR_WRITE)
 * @SGDMA_FAULT_DESC: a fetched descriptor is corrupt (SGDMA_CH_ERR_DESC)
 * @SGDMA_FAULT_STALL: the channel hangs on a descriptor until aborted
 * @SGDMA_FAULT_IRQ: a completion interrupt is not delivered (the status
 *	bit is still set)
 * @SGDMA_FAULT_NR: number of fault kinds
 */
enum sgdma_hw_fault {
	SGDMA_FAULT_READ,
	SGDMA_FAULT_WRITE,
	SGDMA_FAULT_DESC,
	SGDMA_FAULT_STALL,
	SGDMA_FAULT_IRQ,
	SGDMA_FAULT_NR,
};

/**
 * struct sgdma_hw_config - what a simulated controller is built with
 * @id: instance number; names the interrupt domain and places the
 *	peripheral FIFO window
 * @channels: channels, 1 to SGDMA_MAX_CHANNELS
 * @request_lines: request lines, each with a peripheral FIFO, up to
 *	SGDMA_MAX_REQUESTS
 * @ops: SGDMA_OPS register value: executed opcodes, request-line pacing
 * @widths: SGDMA_WIDTHS register value: bus widths of 2^n bytes, n <= 7
 * @max_burst: beats per burst, a power of 2
 * @max_seg: bytes per descriptor, at most SGDMA_CH_REMAIN_BYTES
 * @max_sources: sources per XOR or PQ descriptor, at most 63
 * @copy_align: log2 of the address and length alignment of COPY and FILL
 * @raid_align: log2 of the alignment of the XOR and PQ opcodes
 * @fifo_depth: bytes in each peripheral FIFO (rounded up to a power of 2)
 * @latency_ns: time each descriptor takes; 0 runs at memcpy speed
 */
struct sgdma_hw_config {
	int id;
	unsigned int channels;
	unsigned int request_lines;
	u32 ops;
	u32 widths;
	u32 max_burst;
	u32 max_seg;
	unsigned int max_sources;
	unsigned int copy_align;
	unsigned int raid_align;
	unsigned int fifo_depth;
	u64 latency_ns;
};

/**
 * struct sgdma_hw_fault_knob - when the model injects one kind of fault
 * @every: inject on every @every-th eligible event; 0 never, 1 always
 * @channels: mask of the channels the knob applies to
 * @seen: eligible events counted so far
 * @attr: random injection (probability, interval, times), driven through
 *	a fault_attr debugfs directory; consulted only while its
 *	probability is not zero
 *
 * The fields may be changed at any time, also while transfers run.
 */
struct sgdma_hw_fault_knob {
	u32 every;
	u32 channels;
	atomic_t seen;
	struct fault_attr attr;
};

/**
 * struct sgdma_hw_chan_stats - what one channel of the model has done
 * @llis: descriptors completed
 * @bytes: data bytes moved or checked
 * @irqs: interrupts delivered
 * @faults: failures per &enum sgdma_hw_fault, injected or genuine (a
 *	bus error on a bad address counts as a read or write fault)
 * @injected: failures that were injected
 * @doorbells_ignored: doorbells rung while the channel was busy
 */
struct sgdma_hw_chan_stats {
	u64 llis;
	u64 bytes;
	u64 irqs;
	u64 faults[SGDMA_FAULT_NR];
	u64 injected;
	u64 doorbells_ignored;
};

struct sgdma_hw *sgdma_hw_create(struct device *dev,
				 const struct sgdma_hw_config *cfg);
void sgdma_hw_destroy(struct sgdma_hw *hw);
unsigned int sgdma_hw_channels(const struct sgdma_hw *hw);
unsigned int sgdma_hw_request_lines(const struct sgdma_hw *hw);
int sgdma_hw_irq(const struct sgdma_hw *hw, unsigned int chan);
const struct simdma_irqs *sgdma_hw_irq_lines(const struct sgdma_hw *hw);

dma_addr_t sgdma_hw_fifo_addr(const struct sgdma_hw *hw, unsigned int line);
size_t sgdma_hw_fifo_push(struct sgdma_hw *hw, unsigned int line,
			  const void *buf, size_t len);
size_t sgdma_hw_fifo_pop(struct sgdma_hw *hw, unsigned int line,
			 void *buf, size_t len);
size_t sgdma_hw_fifo_level(struct sgdma_hw *hw, unsigned int line);
int sgdma_hw_fifo_set_meta(struct sgdma_hw *hw, unsigned int line,
			   const void *buf, size_t len);
ssize_t sgdma_hw_fifo_get_meta(struct sgdma_hw *hw, unsigned int line,
			       void *buf, size_t len);

void sgdma_hw_set_latency(struct sgdma_hw *hw, u64 ns);
u64 sgdma_hw_latency(const struct sgdma_hw *hw);
struct sgdma_hw_fault_knob *sgdma_hw_fault(struct sgdma_hw *hw,
					   enum sgdma_hw_fault kind);
const char *sgdma_hw_fault_name(enum sgdma_hw_fault kind);
void sgdma_hw_inject(struct sgdma_hw *hw, enum sgdma_hw_fault kind,
		     u32 every, u32 channels);
void sgdma_hw_chan_stats(struct sgdma_hw *hw, unsigned int chan,
			 struct sgdma_hw_chan_stats *stats);
void sgdma_hw_show(struct sgdma_hw *hw, struct seq_file *m);

#endif /* _DMA_SIM_SGDMA_HW_H */
