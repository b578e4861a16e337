/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Hardware model of the simulated cyclic and interleaved DMA controller:
 * what the board code and the tests use to build a controller and to act
 * on (or watch) the peripherals on its request lines.  The DMA driver never
 * includes this file; it sees the registers of cydma-regs.h and an
 * interrupt per channel, nothing else.
 */
#ifndef _DMA_SIM_CYDMA_HW_H
#define _DMA_SIM_CYDMA_HW_H

#include <linux/types.h>

#include "cydma-regs.h"

struct device;
struct seq_file;
struct cydma_hw;
struct simdma_irqs;

/**
 * enum cydma_hw_port_kind - what sits on a request line
 * @CYDMA_PORT_FIFO: a bare FIFO, filled and drained by hand with
 *	cydma_hw_port_push() and cydma_hw_port_pop()
 * @CYDMA_PORT_SINK: a playback device (audio codec, display): once
 *	started and fed its first unit it takes one unit (an audio frame, a pixel
 *	group) out of its FIFO at the configured byte rate, and counts an
 *	underrun for every unit the FIFO did not hold in time
 * @CYDMA_PORT_SOURCE: a capture device (camera): once started it puts one
 *	unit (a line) into its FIFO at the configured byte rate, and counts
 *	an overrun for every unit dropped because the FIFO was full
 * @CYDMA_PORT_NR: number of kinds
 */
enum cydma_hw_port_kind {
	CYDMA_PORT_FIFO,
	CYDMA_PORT_SINK,
	CYDMA_PORT_SOURCE,
	CYDMA_PORT_NR,
};

/**
 * struct cydma_hw_port_config - a peripheral on a request line
 * @kind: what it is
 * @rate: bytes per second it consumes or produces (sinks and sources)
 * @unit: bytes it consumes or produces at once (4 for a 16-bit stereo
 *	audio frame, the line length for a camera)
 * @fifo_depth: bytes in its FIFO (rounded up to a power of 2); at least
 *	twice @unit
 */
struct cydma_hw_port_config {
	enum cydma_hw_port_kind kind;
	u32 rate;
	u32 unit;
	u32 fifo_depth;
};

/**
 * struct cydma_hw_config - what a simulated controller is built with
 * @id: instance number; names the interrupt domain and places the window
 *	of peripheral data registers
 * @channels: channels, 1 to CYDMA_MAX_CHANNELS
 * @request_lines: request lines (one peripheral each), up to
 *	CYDMA_MAX_REQUESTS
 * @features: CYDMA_FEATURES register value
 * @widths: CYDMA_WIDTHS register value: beats of 2^n bytes, n <= 4
 * @max_burst: beats per request, a power of 2
 * @max_chunk: bytes per chunk
 * @min_period: bytes an IRQ descriptor must move at least
 * @max_frames: frames per descriptor
 * @max_gap: bytes per gap
 * @max_chunks: chunks per frame with CYDMA_FEAT_CHUNKS, up to
 *	CYDMA_MAX_CHUNKS
 * @ports: the peripheral on each request line
 */
struct cydma_hw_config {
	int id;
	unsigned int channels;
	unsigned int request_lines;
	u32 features;
	u32 widths;
	u32 max_burst;
	u32 max_chunk;
	u32 min_period;
	u32 max_frames;
	u32 max_gap;
	unsigned int max_chunks;
	struct cydma_hw_port_config ports[CYDMA_MAX_REQUESTS];
};

/**
 * struct cydma_hw_chan_stats - what one channel of the model has done
 * @descs: descriptors completed
 * @bytes: data bytes moved
 * @periods: IRQ descriptors completed (all runs)
 * @passes: EOT descriptors completed
 * @loads: transfers taken from the next-frame register
 * @irqs: interrupts delivered
 * @errors: halts on an error
 */
struct cydma_hw_chan_stats {
	u64 descs;
	u64 bytes;
	u64 periods;
	u64 passes;
	u64 loads;
	u64 irqs;
	u64 errors;
};

/**
 * struct cydma_hw_position - a coherent snapshot of a channel's progress
 * @xfer: first descriptor of the transfer being run (CH_XFER)
 * @desc: descriptor in progress
 * @pos: bytes of @desc already moved (CH_POS)
 * @bytes: bytes moved since the last CH_START
 * @periods: CH_PERIODS
 * @state: CYDMA_STATE_* value
 */
struct cydma_hw_position {
	u64 xfer;
	u64 desc;
	u32 pos;
	u64 bytes;
	u32 periods;
	u8 state;
};

/**
 * struct cydma_hw_port_stats - what one peripheral has done
 * @started: the peripheral's clock is on (it may still be prefilling)
 * @running: it consumes or produces at its rate (a started sink is
 *	not running until its first unit arrived)
 * @level: bytes in its FIFO
 * @bytes: bytes consumed (sink) or produced (source) since started
 * @units: units consumed or produced, dropped ones excluded
 * @underruns: units a sink needed that its FIFO did not hold
 * @overruns: units a source dropped because its FIFO was full
 * @slipped_ns: time the clock skipped because the simulation itself did
 *	not run (the host stalled): not counted as underruns or overruns
 * @tapped: bytes recorded in the tap buffer so far
 * @rate: bytes per second
 */
struct cydma_hw_port_stats {
	bool started;
	bool running;
	size_t level;
	u64 bytes;
	u64 units;
	u64 underruns;
	u64 overruns;
	u64 slipped_ns;
	size_t tapped;
	u32 rate;
};

struct cydma_hw *cydma_hw_create(struct device *dev,
				 const struct cydma_hw_config *cfg);
void cydma_hw_destroy(struct cydma_hw *hw);
unsigned int cydma_hw_channels(const struct cydma_hw *hw);
unsigned int cydma_hw_request_lines(const struct cydma_hw *hw);
int cydma_hw_irq(const struct cydma_hw *hw, unsigned int chan);
const struct simdma_irqs *cydma_hw_irq_lines(const struct cydma_hw *hw);

dma_addr_t cydma_hw_port_addr(const struct cydma_hw *hw, unsigned int line);
int cydma_hw_port_start(struct cydma_hw *hw, unsigned int line);
void cydma_hw_port_stop(struct cydma_hw *hw, unsigned int line);
int cydma_hw_port_set_rate(struct cydma_hw *hw, unsigned int line, u32 rate);
int cydma_hw_port_set_tap(struct cydma_hw *hw, unsigned int line, void *buf,
			  size_t len);
void cydma_hw_port_stats(struct cydma_hw *hw, unsigned int line,
			 struct cydma_hw_port_stats *st);
size_t cydma_hw_port_push(struct cydma_hw *hw, unsigned int line,
			  const void *buf, size_t len);
size_t cydma_hw_port_pop(struct cydma_hw *hw, unsigned int line, void *buf,
			 size_t len);
enum cydma_hw_port_kind cydma_hw_port_kind(const struct cydma_hw *hw,
					   unsigned int line);
const char *cydma_hw_port_kind_name(enum cydma_hw_port_kind kind);
void cydma_hw_source_unit(u64 index, u8 *buf, size_t len);

void cydma_hw_chan_stats(struct cydma_hw *hw, unsigned int chan,
			 struct cydma_hw_chan_stats *st);
void cydma_hw_chan_position(struct cydma_hw *hw, unsigned int chan,
			    struct cydma_hw_position *pos);
void cydma_hw_set_fail_desc(struct cydma_hw *hw, bool fail);
bool cydma_hw_fail_desc(const struct cydma_hw *hw);
void cydma_hw_show(struct cydma_hw *hw, struct seq_file *m);
void cydma_hw_show_ports(struct cydma_hw *hw, struct seq_file *m);

#endif /* _DMA_SIM_CYDMA_HW_H */
