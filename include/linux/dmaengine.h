/* SPDX-License-Identifier: GPL-2.0 */
/*
 * DMA engine client and provider interface.
 *
 * A "provider" (a DMA controller driver) describes its hardware with a
 * struct dma_device holding a list of struct dma_chan and registers it with
 * dma_async_device_register().  A "client" obtains a channel (by name, by
 * capability mask or through a filter function), prepares descriptors with
 * the dmaengine_prep_*() helpers, submits them, issues them and learns
 * about completion through callbacks or by polling the cookie.
 *
 * Everything below the "client" helpers that names a provider callback is
 * dispatched directly to the provider; the core only keeps the channel
 * registry, the reference counts and the statistics.
 */
#ifndef LINUX_DMAENGINE_H
#define LINUX_DMAENGINE_H

#include <linux/device.h>
#include <linux/err.h>
#include <linux/uio.h>
#include <linux/bug.h>
#include <linux/scatterlist.h>
#include <linux/bitmap.h>
#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/tracepoint-defs.h>
#include <asm/page.h>

/**
 * typedef dma_cookie_t - identifier of a submitted transaction
 *
 * Positive values name a transaction on its channel, negative values are
 * error codes returned by a failed submit and zero marks a descriptor whose
 * transaction has already completed.
 */
typedef s32 dma_cookie_t;

/* Smallest valid cookie; assignment restarts here after overflow. */
#define DMA_MIN_COOKIE	1

/**
 * dma_submit_error() - tell whether a submit returned an error
 * @cookie: value returned by dmaengine_submit() or tx_submit()
 *
 * Context: any.
 * Return: @cookie when it is a (negative) error code, 0 otherwise.
 */
static inline int dma_submit_error(dma_cookie_t cookie)
{
	if (cookie >= 0)
		return 0;
	return cookie;
}

/**
 * enum dma_status - state of a transaction as seen by its client
 * @DMA_COMPLETE: the transaction finished
 * @DMA_IN_PROGRESS: the transaction is queued or running
 * @DMA_PAUSED: the channel is paused with the transaction unfinished
 * @DMA_ERROR: the transaction failed (or waiting for it timed out)
 * @DMA_OUT_OF_ORDER: the channel completes out of order, so the cookie
 *	alone cannot tell; rely on the completion callback instead
 */
enum dma_status {
	DMA_COMPLETE,
	DMA_IN_PROGRESS,
	DMA_PAUSED,
	DMA_ERROR,
	DMA_OUT_OF_ORDER,
};

/**
 * enum dma_transaction_type - capability bits of a DMA device
 * @DMA_MEMCPY: memory to memory copy
 * @DMA_XOR: xor of several sources into one destination
 * @DMA_PQ: RAID-6 P+Q syndrome generation
 * @DMA_XOR_VAL: check that the xor of several sources is zero
 * @DMA_PQ_VAL: check a RAID-6 P+Q syndrome
 * @DMA_MEMSET: fill memory with a byte value
 * @DMA_MEMSET_SG: fill a scatterlist with a byte value
 * @DMA_INTERRUPT: descriptors that only raise a completion
 * @DMA_PRIVATE: the device's channels are handed out exclusively only
 * @DMA_ASYNC_TX: computed by the core: the device offers every operation
 *	that the configured async_tx library may offload
 * @DMA_SLAVE: transfers between memory and a peripheral
 * @DMA_CYCLIC: cyclic (ring buffer) peripheral transfers
 * @DMA_INTERLEAVE: interleaved (two-dimensional) transfers
 * @DMA_COMPLETION_NO_ORDER: descriptors may complete out of order
 * @DMA_REPEAT: interleaved transfers may repeat until replaced
 * @DMA_LOAD_EOT: a new transfer may replace a repeated one at its end
 * @DMA_TX_TYPE_END: number of capability bits; keep last
 */
enum dma_transaction_type {
	DMA_MEMCPY,
	DMA_XOR,
	DMA_PQ,
	DMA_XOR_VAL,
	DMA_PQ_VAL,
	DMA_MEMSET,
	DMA_MEMSET_SG,
	DMA_INTERRUPT,
	DMA_PRIVATE,
	DMA_ASYNC_TX,
	DMA_SLAVE,
	DMA_CYCLIC,
	DMA_INTERLEAVE,
	DMA_COMPLETION_NO_ORDER,
	DMA_REPEAT,
	DMA_LOAD_EOT,
	DMA_TX_TYPE_END,
};

/**
 * enum dma_transfer_direction - source and destination of a transfer
 * @DMA_MEM_TO_MEM: memory to memory
 * @DMA_MEM_TO_DEV: memory to a peripheral
 * @DMA_DEV_TO_MEM: a peripheral to memory
 * @DMA_DEV_TO_DEV: a peripheral to another peripheral
 * @DMA_TRANS_NONE: no direction (invalid for transfers)
 */
enum dma_transfer_direction {
	DMA_MEM_TO_MEM,
	DMA_MEM_TO_DEV,
	DMA_DEV_TO_MEM,
	DMA_DEV_TO_DEV,
	DMA_TRANS_NONE,
};

/**
 * struct data_chunk - one chunk of an interleaved frame
 * @size: bytes moved for this chunk
 * @icg: gap in bytes after the chunk, used for both sides unless the
 *	side-specific gap below is set
 * @dst_icg: gap after the chunk on the destination side (0: use @icg)
 * @src_icg: gap after the chunk on the source side (0: use @icg)
 */
struct data_chunk {
	size_t size;
	size_t icg;
	size_t dst_icg;
	size_t src_icg;
};

/**
 * struct dma_interleaved_template - description of an interleaved transfer
 * @src_start: bus address of the first source byte
 * @dst_start: bus address of the first destination byte
 * @dir: direction of the transfer
 * @src_inc: the source address advances after each chunk
 * @dst_inc: the destination address advances after each chunk
 * @src_sgl: the source side honours the chunk gaps
 * @dst_sgl: the destination side honours the chunk gaps
 * @numf: number of frames
 * @frame_size: number of chunks per frame (entries in @sgl)
 * @sgl: the chunks of one frame
 */
struct dma_interleaved_template {
	dma_addr_t src_start;
	dma_addr_t dst_start;
	enum dma_transfer_direction dir;
	bool src_inc;
	bool dst_inc;
	bool src_sgl;
	bool dst_sgl;
	size_t numf;
	size_t frame_size;
	struct data_chunk sgl[];
};

/**
 * struct dma_vec - one contiguous bus address range
 * @addr: bus address of the range
 * @len: length of the range in bytes
 */
struct dma_vec {
	dma_addr_t addr;
	size_t len;
};

/**
 * enum dma_ctrl_flags - preparation flags and descriptor state bits
 * @DMA_PREP_INTERRUPT: the client wants a completion callback
 * @DMA_CTRL_ACK: the client is done with the descriptor; the provider may
 *	recycle it once it completed
 * @DMA_PREP_PQ_DISABLE_P: do not compute (or check) P
 * @DMA_PREP_PQ_DISABLE_Q: do not compute (or check) Q
 * @DMA_PREP_CONTINUE: continue a previous P+Q computation, taking the
 *	earlier P and Q as extra sources
 * @DMA_PREP_FENCE: a later operation consumes the result of this one
 * @DMA_CTRL_REUSE: the descriptor may be submitted again after completion
 * @DMA_PREP_CMD: the payload is command data for the controller
 * @DMA_PREP_REPEAT: repeat the (interleaved) transfer until replaced
 * @DMA_PREP_LOAD_EOT: replace the currently repeated transfer at its end
 */
enum dma_ctrl_flags {
	DMA_PREP_INTERRUPT = (1 << 0),
	DMA_CTRL_ACK = (1 << 1),
	DMA_PREP_PQ_DISABLE_P = (1 << 2),
	DMA_PREP_PQ_DISABLE_Q = (1 << 3),
	DMA_PREP_CONTINUE = (1 << 4),
	DMA_PREP_FENCE = (1 << 5),
	DMA_CTRL_REUSE = (1 << 6),
	DMA_PREP_CMD = (1 << 7),
	DMA_PREP_REPEAT = (1 << 8),
	DMA_PREP_LOAD_EOT = (1 << 9),
};

/**
 * enum sum_check_bits - bit numbers of the validation results
 * @SUM_CHECK_P: bit reporting a P (xor) mismatch
 * @SUM_CHECK_Q: bit reporting a Q mismatch
 */
enum sum_check_bits {
	SUM_CHECK_P = 0,
	SUM_CHECK_Q = 1,
};

/**
 * enum sum_check_flags - results written by the xor and P+Q validations
 * @SUM_CHECK_P_RESULT: the P (xor) sum is not zero
 * @SUM_CHECK_Q_RESULT: the Q syndrome does not match
 */
enum sum_check_flags {
	SUM_CHECK_P_RESULT = (1 << SUM_CHECK_P),
	SUM_CHECK_Q_RESULT = (1 << SUM_CHECK_Q),
};

/**
 * typedef dma_cap_mask_t - bitmap of enum dma_transaction_type values
 *
 * Manipulate it with dma_cap_set(), dma_cap_clear(), dma_cap_zero() and
 * dma_has_cap().
 */
typedef
struct { DECLARE_BITMAP(bits, DMA_TX_TYPE_END); } dma_cap_mask_t;

/**
 * enum dma_desc_metadata_mode - how descriptor metadata is exchanged
 * @DESC_METADATA_NONE: no metadata
 * @DESC_METADATA_CLIENT: the client attaches its own buffer with
 *	dmaengine_desc_attach_metadata()
 * @DESC_METADATA_ENGINE: the provider owns the buffer; the client reaches
 *	it with dmaengine_desc_get_metadata_ptr() and reports the payload
 *	length with dmaengine_desc_set_metadata_len()
 */
enum dma_desc_metadata_mode {
	DESC_METADATA_NONE = 0,
	DESC_METADATA_CLIENT = BIT(0),
	DESC_METADATA_ENGINE = BIT(1),
};

/**
 * struct dma_chan_percpu - legacy per-CPU channel counters
 * @memcpy_count: operations counted by the provider
 * @bytes_transferred: bytes counted by the provider
 *
 * Kept for providers that still update them.  The sysfs attributes report
 * the core-kept &struct dma_chan_stats instead.
 */
struct dma_chan_percpu {
	unsigned long memcpy_count;
	unsigned long bytes_transferred;
};

/**
 * struct dma_router - DMA request router sitting in front of a controller
 * @dev: the router's device
 * @route_free: releases a route set up by the router's allocate hook
 */
struct dma_router {
	struct device *dev;
	void (*route_free)(struct device *dev, void *route_data);
};

/**
 * struct dma_chan_stats - per-channel statistics kept by the core
 * @submitted: cookies assigned
 * @completed: descriptors completed (with any result)
 * @errors: descriptors completed with a failure result
 * @aborted: descriptors terminated before completion, or reported aborted
 * @bytes: bytes moved by completed descriptors whose length is known
 * @periods: cyclic period callbacks delivered
 * @periods_coalesced: cyclic periods that elapsed without their own callback
 * @in_flight: descriptors submitted but not yet completed or aborted
 * @in_flight_max: high-water mark of @in_flight
 *
 * Every member is updated locklessly with atomic operations; readers see a
 * consistent value per member, not a snapshot of the whole structure.
 */
struct dma_chan_stats {
	atomic64_t submitted;
	atomic64_t completed;
	atomic64_t errors;
	atomic64_t aborted;
	atomic64_t bytes;
	atomic64_t periods;
	atomic64_t periods_coalesced;
	atomic_t in_flight;
	atomic_t in_flight_max;
};

/**
 * struct dma_chan - a DMA channel
 * @device: the DMA device owning the channel (set by the provider)
 * @slave: the client device, set when requested with dma_request_chan()
 * @cookie: last cookie assigned on this channel
 * @completed_cookie: last cookie completed on this channel
 * @chan_id: index of the channel in its device, used for its sysfs name
 * @dev: the channel's class device
 * @name: name of the client's sysfs link ("dma:<name>")
 * @dbg_client_name: "<client device>:<name>", shown in debugfs
 * @device_node: link in &struct dma_device.channels
 * @local: legacy per-CPU counters
 * @client_count: number of references held on the channel
 * @table_count: times the channel was placed in the public channel table
 * @router: router that set up the channel's request line, if any
 * @route_data: the router's data for that route
 * @private: for the provider and for legacy filter functions
 * @res_lock: serialises allocation and release of the channel's resources,
 *	that is every transition of @client_count between 0 and 1 and the
 *	driver calls that go with it; never taken inside the device lock
 * @public_refs: references taken for dmaengine_get() users (under @res_lock)
 * @core_node: core-private; link in &dma_device.core_channels while the
 *	channel is registered (an RCU list, changed under the device's
 *	core_lock)
 * @core_flags: core-private state bits, changed with atomic bit
 *	operations; each bit has its own rule (the registration and claim
 *	bits under &dma_device.core_lock, the client link and orphan bits
 *	under @res_lock, the retiring bit by the unregistration only)
 * @stats: statistics kept by the core and the provider helpers
 *
 * Locking: @client_count changes only with both @res_lock and
 * &dma_device.core_lock held; lockless readers use READ_ONCE(), and
 * test_bit() for @core_flags.  The cookie members are
 * serialised by the provider's own channel lock.
 */
struct dma_chan {
	struct dma_device *device;
	struct device *slave;
	dma_cookie_t cookie;
	dma_cookie_t completed_cookie;

	int chan_id;
	struct dma_chan_dev *dev;
	const char *name;
#ifdef CONFIG_DEBUG_FS
	char *dbg_client_name;
#endif

	struct list_head device_node;
	struct dma_chan_percpu __percpu *local;
	int client_count;
	int table_count;

	struct dma_router *router;
	void *route_data;

	void *private;

	/* core-private members */
	struct mutex res_lock;
	unsigned int public_refs;
	unsigned long core_flags;
	struct list_head core_node;

	/* must stay last */
	struct dma_chan_stats stats;
};

/**
 * struct dma_chan_dev - class device of a channel in sysfs
 * @chan: the channel, or NULL once the channel was unregistered
 * @device: the embedded class device ("dma" class)
 * @dev_id: id of the owning DMA device
 * @chan_dma_dev: use @device rather than the controller for DMA mapping
 */
struct dma_chan_dev {
	struct dma_chan *chan;
	struct device device;
	int dev_id;
	bool chan_dma_dev;
};

/**
 * enum dma_slave_buswidth - width of a peripheral register access
 * @DMA_SLAVE_BUSWIDTH_UNDEFINED: not set
 * @DMA_SLAVE_BUSWIDTH_1_BYTE: 1 byte
 * @DMA_SLAVE_BUSWIDTH_2_BYTES: 2 bytes
 * @DMA_SLAVE_BUSWIDTH_3_BYTES: 3 bytes
 * @DMA_SLAVE_BUSWIDTH_4_BYTES: 4 bytes
 * @DMA_SLAVE_BUSWIDTH_8_BYTES: 8 bytes
 * @DMA_SLAVE_BUSWIDTH_16_BYTES: 16 bytes
 * @DMA_SLAVE_BUSWIDTH_32_BYTES: 32 bytes
 * @DMA_SLAVE_BUSWIDTH_64_BYTES: 64 bytes
 * @DMA_SLAVE_BUSWIDTH_128_BYTES: 128 bytes
 *
 * The value is the width in bytes; capability masks use BIT(width).
 */
enum dma_slave_buswidth {
	DMA_SLAVE_BUSWIDTH_UNDEFINED = 0,
	DMA_SLAVE_BUSWIDTH_1_BYTE = 1,
	DMA_SLAVE_BUSWIDTH_2_BYTES = 2,
	DMA_SLAVE_BUSWIDTH_3_BYTES = 3,
	DMA_SLAVE_BUSWIDTH_4_BYTES = 4,
	DMA_SLAVE_BUSWIDTH_8_BYTES = 8,
	DMA_SLAVE_BUSWIDTH_16_BYTES = 16,
	DMA_SLAVE_BUSWIDTH_32_BYTES = 32,
	DMA_SLAVE_BUSWIDTH_64_BYTES = 64,
	DMA_SLAVE_BUSWIDTH_128_BYTES = 128,
};

/**
 * struct dma_slave_config - run-time configuration of a slave channel
 * @direction: deprecated; pass the direction to the prep call instead
 * @src_addr: peripheral address read by DEV_TO_MEM/DEV_TO_DEV transfers
 * @dst_addr: peripheral address written by MEM_TO_DEV/DEV_TO_DEV transfers
 * @src_addr_width: access width at @src_addr
 * @dst_addr_width: access width at @dst_addr
 * @src_maxburst: largest burst read from @src_addr, in units of
 *	@src_addr_width (not bytes)
 * @dst_maxburst: largest burst written to @dst_addr, in units of
 *	@dst_addr_width
 * @src_port_window_size: size of the source register window, in units of
 *	@src_addr_width, for peripherals that expose a FIFO as a range
 * @dst_port_window_size: same for the destination side
 * @device_fc: the peripheral is the flow controller
 * @peripheral_config: controller-specific configuration
 * @peripheral_size: size of @peripheral_config
 */
struct dma_slave_config {
	enum dma_transfer_direction direction;
	phys_addr_t src_addr;
	phys_addr_t dst_addr;
	enum dma_slave_buswidth src_addr_width;
	enum dma_slave_buswidth dst_addr_width;
	u32 src_maxburst;
	u32 dst_maxburst;
	u32 src_port_window_size;
	u32 dst_port_window_size;
	bool device_fc;
	void *peripheral_config;
	size_t peripheral_size;
};

/**
 * enum dma_residue_granularity - precision of reported residues
 * @DMA_RESIDUE_GRANULARITY_DESCRIPTOR: only whole descriptors; the residue
 *	of a running descriptor is not meaningful
 * @DMA_RESIDUE_GRANULARITY_SEGMENT: updated after each finished segment
 *	(scatterlist entry or cyclic period)
 * @DMA_RESIDUE_GRANULARITY_BURST: updated after each burst
 */
enum dma_residue_granularity {
	DMA_RESIDUE_GRANULARITY_DESCRIPTOR = 0,
	DMA_RESIDUE_GRANULARITY_SEGMENT = 1,
	DMA_RESIDUE_GRANULARITY_BURST = 2,
};

/**
 * struct dma_slave_caps - slave capabilities of a channel
 * @src_addr_widths: mask of BIT(enum dma_slave_buswidth) for the source
 * @dst_addr_widths: mask of BIT(enum dma_slave_buswidth) for the destination
 * @directions: mask of BIT(enum dma_transfer_direction)
 * @min_burst: smallest supported burst
 * @max_burst: largest supported burst
 * @max_sg_burst: most scatterlist entries handled in one hardware burst
 *	(0 when unlimited)
 * @cmd_pause: dmaengine_pause() is supported
 * @cmd_resume: dmaengine_resume() is supported
 * @cmd_terminate: termination is supported
 * @residue_granularity: precision of the reported residue
 * @descriptor_reuse: descriptors may be marked reusable
 */
struct dma_slave_caps {
	u32 src_addr_widths;
	u32 dst_addr_widths;
	u32 directions;
	u32 min_burst;
	u32 max_burst;
	u32 max_sg_burst;
	bool cmd_pause;
	bool cmd_resume;
	bool cmd_terminate;
	enum dma_residue_granularity residue_granularity;
	bool descriptor_reuse;
};

/**
 * dma_chan_name() - name of a channel's class device
 * @chan: a registered channel
 *
 * Context: any.
 * Return: the name, "dma<device id>chan<channel id>" unless the provider
 * chose another one when adding the channel.
 */
static inline const char *dma_chan_name(struct dma_chan *chan)
{
	struct dma_chan_dev *cdev = chan->dev;

	return dev_name(&cdev->device);
}

/**
 * typedef dma_filter_fn - client filter for channel requests
 * @chan: a free candidate channel
 * @filter_param: the parameter the client passed with the request
 *
 * It runs with no core lock held.
 *
 * Return: true to accept @chan.
 */
typedef bool (*dma_filter_fn)(struct dma_chan *chan, void *filter_param);

/**
 * typedef dma_async_tx_callback - plain completion callback
 * @dma_async_param: the descriptor's callback_param
 */
typedef void (*dma_async_tx_callback)(void *dma_async_param);

/**
 * enum dmaengine_tx_result - outcome reported to a result callback
 * @DMA_TRANS_NOERROR: the transfer succeeded
 * @DMA_TRANS_READ_FAILED: reading the source failed
 * @DMA_TRANS_WRITE_FAILED: writing the destination failed
 * @DMA_TRANS_ABORTED: the transfer was aborted or never ran
 */
enum dmaengine_tx_result {
	DMA_TRANS_NOERROR = 0,
	DMA_TRANS_READ_FAILED,
	DMA_TRANS_WRITE_FAILED,
	DMA_TRANS_ABORTED,
};

/**
 * struct dmaengine_result - what a result callback learns
 * @result: the outcome
 * @residue: bytes not transferred
 */
struct dmaengine_result {
	enum dmaengine_tx_result result;
	u32 residue;
};

/**
 * typedef dma_async_tx_callback_result - completion callback with result
 * @dma_async_param: the descriptor's callback_param
 * @result: the outcome of the transaction
 *
 * Preferred over the plain callback when both are set.
 */
typedef void (*dma_async_tx_callback_result)(void *dma_async_param,
				const struct dmaengine_result *result);

/**
 * struct dmaengine_unmap_data - DMA mappings released on completion
 * @map_cnt: number of entries in @addr the object was sized for
 * @to_cnt: leading entries mapped DMA_TO_DEVICE
 * @from_cnt: following entries mapped DMA_FROM_DEVICE
 * @bidi_cnt: following entries mapped DMA_BIDIRECTIONAL
 * @dev: the device the pages were mapped for
 * @kref: reference count; the last dmaengine_unmap_put() unmaps
 * @len: length of every mapping
 * @addr: the bus addresses
 */
struct dmaengine_unmap_data {
#if IS_ENABLED(CONFIG_DMA_ENGINE_RAID)
	u16 map_cnt;
#else
	u8 map_cnt;
#endif
	u8 to_cnt;
	u8 from_cnt;
	u8 bidi_cnt;
	struct device *dev;
	struct kref kref;
	size_t len;
	dma_addr_t addr[];
};

struct dma_async_tx_descriptor;

/**
 * struct dma_descriptor_metadata_ops - provider hooks for metadata
 * @attach: DESC_METADATA_CLIENT: attach the client's buffer (data, len)
 * @get_ptr: DESC_METADATA_ENGINE: return the provider's buffer and store
 *	the current payload length and the buffer size
 * @set_len: DESC_METADATA_ENGINE: record the payload length the client
 *	wrote into the buffer
 */
struct dma_descriptor_metadata_ops {
	int (*attach)(struct dma_async_tx_descriptor *desc, void *data,
		      size_t len);

	void *(*get_ptr)(struct dma_async_tx_descriptor *desc,
			 size_t *payload_len, size_t *max_len);
	int (*set_len)(struct dma_async_tx_descriptor *desc,
		       size_t payload_len);
};

/**
 * struct dma_async_tx_descriptor - a prepared transaction
 * @cookie: the cookie once submitted, 0 once completed, -EBUSY while
 *	parked on a dependency chain
 * @flags: enum dma_ctrl_flags given at prep time, plus state bits
 * @phys: bus address of the hardware descriptor, if any
 * @chan: the channel the descriptor belongs to
 * @tx_submit: provider hook queueing the descriptor and assigning a cookie
 * @desc_free: provider hook freeing a reusable descriptor
 * @callback: plain completion callback (set by the client)
 * @callback_result: completion callback with result (set by the client)
 * @callback_param: argument for either callback
 * @unmap: mappings released when the descriptor completes
 * @desc_metadata_mode: metadata mode chosen by the first metadata call
 * @metadata_ops: the provider's metadata hooks
 * @next: (channel switching) dependent descriptor to submit on completion
 * @parent: (channel switching) descriptor this one waits for
 * @lock: (channel switching) protects @next and @parent
 * @xfer_len: bytes the descriptor moves, set by the prep helpers when it
 *	can be computed (0: unknown); feeds the channel statistics
 */
struct dma_async_tx_descriptor {
	dma_cookie_t cookie;
	enum dma_ctrl_flags flags;
	dma_addr_t phys;
	struct dma_chan *chan;
	dma_cookie_t (*tx_submit)(struct dma_async_tx_descriptor *tx);
	int (*desc_free)(struct dma_async_tx_descriptor *tx);
	dma_async_tx_callback callback;
	dma_async_tx_callback_result callback_result;
	void *callback_param;
	struct dmaengine_unmap_data *unmap;
	enum dma_desc_metadata_mode desc_metadata_mode;
	struct dma_descriptor_metadata_ops *metadata_ops;
#ifdef CONFIG_ASYNC_TX_ENABLE_CHANNEL_SWITCH
	struct dma_async_tx_descriptor *next;
	struct dma_async_tx_descriptor *parent;
	spinlock_t lock;	/* protects next and parent */
#endif
	size_t xfer_len;
};

#ifdef CONFIG_DMA_ENGINE
/**
 * dma_set_unmap() - attach unmap data to a descriptor
 * @tx: the descriptor
 * @unmap: the unmap data; a reference is taken for the descriptor
 *
 * Context: any.
 */
static inline void dma_set_unmap(struct dma_async_tx_descriptor *tx,
				 struct dmaengine_unmap_data *unmap)
{
	kref_get(&unmap->kref);
	tx->unmap = unmap;
}

struct dmaengine_unmap_data *
dmaengine_get_unmap_data(struct device *dev, int nr, gfp_t flags);
void dmaengine_unmap_put(struct dmaengine_unmap_data *unmap);
#else
static inline void dma_set_unmap(struct dma_async_tx_descriptor *tx,
				 struct dmaengine_unmap_data *unmap)
{
}

static inline struct dmaengine_unmap_data *
dmaengine_get_unmap_data(struct device *dev, int nr, gfp_t flags)
{
	return NULL;
}

static inline void dmaengine_unmap_put(struct dmaengine_unmap_data *unmap)
{
}
#endif

/**
 * dma_descriptor_unmap() - drop a descriptor's unmap data
 * @tx: the descriptor
 *
 * Providers call this when @tx completes.  Does nothing without unmap data.
 *
 * Context: any.
 */
static inline void dma_descriptor_unmap(struct dma_async_tx_descriptor *tx)
{
	struct dmaengine_unmap_data *um = tx->unmap;

	if (um) {
		tx->unmap = NULL;
		dmaengine_unmap_put(um);
	}
}

/*
 * Dependency links between descriptors exist only with
 * CONFIG_ASYNC_TX_ENABLE_CHANNEL_SWITCH.  The kernel-doc below describes
 * both configurations; the stubs in the #else branch carry plain comments.
 */
#ifdef CONFIG_ASYNC_TX_ENABLE_CHANNEL_SWITCH
/**
 * txd_lock() - lock a descriptor's dependency links
 * @desc: the descriptor
 *
 * Without channel switching descriptors carry no links and this does
 * nothing.
 *
 * Context: process or softirq; disables bottom halves.
 */
static inline void txd_lock(struct dma_async_tx_descriptor *desc)
{
	spin_lock_bh(&desc->lock);
}

/**
 * txd_unlock() - unlock a descriptor's dependency links
 * @desc: the descriptor
 *
 * Does nothing without channel switching.
 *
 * Context: pairs with txd_lock().
 */
static inline void txd_unlock(struct dma_async_tx_descriptor *desc)
{
	spin_unlock_bh(&desc->lock);
}

/**
 * txd_chain() - make @dep run after @desc completes
 * @desc: the earlier descriptor
 * @dep: the dependent descriptor
 *
 * Without channel switching chaining is an API misuse: it warns once and
 * leaves both descriptors unchanged.
 *
 * Context: caller holds txd_lock(@desc).
 */
static inline void txd_chain(struct dma_async_tx_descriptor *desc,
			     struct dma_async_tx_descriptor *dep)
{
	dep->parent = desc;
	desc->next = dep;
}

/**
 * txd_clear_parent() - forget the descriptor @desc waits for
 * @desc: the descriptor
 *
 * Does nothing without channel switching.
 *
 * Context: caller holds txd_lock(@desc).
 */
static inline void txd_clear_parent(struct dma_async_tx_descriptor *desc)
{
	desc->parent = NULL;
}

/**
 * txd_clear_next() - forget the descriptor depending on @desc
 * @desc: the descriptor
 *
 * Does nothing without channel switching.
 *
 * Context: caller holds txd_lock(@desc).
 */
static inline void txd_clear_next(struct dma_async_tx_descriptor *desc)
{
	desc->next = NULL;
}

/**
 * txd_parent() - descriptor @desc waits for
 * @desc: the descriptor
 *
 * Context: caller holds txd_lock(@desc).
 * Return: the parent, or NULL (always NULL without channel switching).
 */
static inline struct dma_async_tx_descriptor *
txd_parent(struct dma_async_tx_descriptor *desc)
{
	return desc->parent;
}

/**
 * txd_next() - descriptor depending on @desc
 * @desc: the descriptor
 *
 * Context: caller holds txd_lock(@desc).
 * Return: the dependent descriptor, or NULL (always NULL without channel
 * switching).
 */
static inline struct dma_async_tx_descriptor *
txd_next(struct dma_async_tx_descriptor *desc)
{
	return desc->next;
}
#else /* !CONFIG_ASYNC_TX_ENABLE_CHANNEL_SWITCH */
/* No links to protect. */
static inline void txd_lock(struct dma_async_tx_descriptor *desc)
{
}

/* Pairs with the no-op txd_lock(). */
static inline void txd_unlock(struct dma_async_tx_descriptor *desc)
{
}

/* Chaining is not configured: warn once, change nothing. */
static inline void txd_chain(struct dma_async_tx_descriptor *desc,
			     struct dma_async_tx_descriptor *dep)
{
	WARN_ONCE(1, "dmaengine: descriptor chaining is not configured\n");
}

/* There is no parent link to forget. */
static inline void txd_clear_parent(struct dma_async_tx_descriptor *desc)
{
}

/* There is no dependent link to forget. */
static inline void txd_clear_next(struct dma_async_tx_descriptor *desc)
{
}

/* No descriptor ever depends on another here. */
static inline struct dma_async_tx_descriptor *
txd_next(struct dma_async_tx_descriptor *desc)
{
	return NULL;
}

/* A descriptor never waits for a parent here. */
static inline struct dma_async_tx_descriptor *
txd_parent(struct dma_async_tx_descriptor *desc)
{
	return NULL;
}
#endif /* CONFIG_ASYNC_TX_ENABLE_CHANNEL_SWITCH */

/**
 * struct dma_tx_state - transfer state returned by tx_status
 * @last: last completed cookie
 * @used: last assigned cookie
 * @residue: bytes left in the queried transaction
 * @in_flight_bytes: bytes already read from memory but not yet written
 *	to the peripheral (or the reverse)
 */
struct dma_tx_state {
	dma_cookie_t last;
	dma_cookie_t used;
	u32 residue;
	u32 in_flight_bytes;
};

/**
 * enum dmaengine_alignment - required alignment, as log2 of bytes
 * @DMAENGINE_ALIGN_1_BYTE: no constraint
 * @DMAENGINE_ALIGN_2_BYTES: 2 bytes
 * @DMAENGINE_ALIGN_4_BYTES: 4 bytes
 * @DMAENGINE_ALIGN_8_BYTES: 8 bytes
 * @DMAENGINE_ALIGN_16_BYTES: 16 bytes
 * @DMAENGINE_ALIGN_32_BYTES: 32 bytes
 * @DMAENGINE_ALIGN_64_BYTES: 64 bytes
 * @DMAENGINE_ALIGN_128_BYTES: 128 bytes
 * @DMAENGINE_ALIGN_256_BYTES: 256 bytes
 */
enum dmaengine_alignment {
	DMAENGINE_ALIGN_1_BYTE = 0,
	DMAENGINE_ALIGN_2_BYTES = 1,
	DMAENGINE_ALIGN_4_BYTES = 2,
	DMAENGINE_ALIGN_8_BYTES = 3,
	DMAENGINE_ALIGN_16_BYTES = 4,
	DMAENGINE_ALIGN_32_BYTES = 5,
	DMAENGINE_ALIGN_64_BYTES = 6,
	DMAENGINE_ALIGN_128_BYTES = 7,
	DMAENGINE_ALIGN_256_BYTES = 8,
};

/**
 * struct dma_slave_map - board-level channel lookup entry
 * @devname: dev_name() of the client device
 * @slave: channel name the client asks for
 * @param: parameter handed to the device's filter function
 */
struct dma_slave_map {
	const char *devname;
	const char *slave;
	void *param;
};

/**
 * struct dma_filter - a provider's board-level lookup table
 * @fn: filter function called with each candidate channel and map param
 * @mapcnt: number of entries in @map
 * @map: the entries
 */
struct dma_filter {
	dma_filter_fn fn;
	int mapcnt;
	const struct dma_slave_map *map;
};

/**
 * struct dma_device - a DMA controller
 * @ref: lifetime of the registration; the last put calls @device_release
 * @chancnt: number of registered channels
 * @privatecnt: number of exclusive allocations keeping DMA_PRIVATE set
 * @channels: the channels (&struct dma_chan.device_node); the provider
 *	fills it before registering and edits it with plain list operations
 *	around dma_async_device_channel_register() and
 *	dma_async_device_channel_unregister(); the core only reads it while
 *	registering and unregistering the device
 * @global_node: link in the core's device list (RCU)
 * @filter: board-level lookup table
 * @cap_mask: capabilities (enum dma_transaction_type)
 * @desc_metadata_modes: supported metadata modes
 * @max_xor: most xor sources per descriptor
 * @max_pq: most P+Q sources per descriptor, DMA_HAS_PQ_CONTINUE flag
 * @copy_align: alignment of memcpy operations
 * @xor_align: alignment of xor operations
 * @pq_align: alignment of P+Q operations
 * @fill_align: alignment of memset operations
 * @dev_id: device index assigned by the core ("dma%d")
 * @dev: the controller's device; mandatory
 * @owner: module owning @dev's driver, pinned while channels are held
 * @chan_ida: allocator of channel ids
 * @src_addr_widths: supported source access widths (BIT(width))
 * @dst_addr_widths: supported destination access widths (BIT(width))
 * @directions: supported directions (BIT(direction))
 * @min_burst: smallest supported burst
 * @max_burst: largest supported burst
 * @max_sg_burst: most scatterlist entries per hardware burst
 * @descriptor_reuse: descriptors may be marked reusable
 * @residue_granularity: precision of reported residues
 * @device_alloc_chan_resources: prepare a channel for its first client
 * @device_router_config: configure the channel after a router set it up
 * @device_free_chan_resources: release a channel after its last client
 * @device_prep_dma_memcpy: prepare a memcpy
 * @device_prep_dma_xor: prepare an xor
 * @device_prep_dma_xor_val: prepare an xor validation
 * @device_prep_dma_pq: prepare a P+Q generation
 * @device_prep_dma_pq_val: prepare a P+Q validation
 * @device_prep_dma_memset: prepare a memset
 * @device_prep_dma_memset_sg: prepare a memset of a scatterlist
 * @device_prep_dma_interrupt: prepare an interrupt-only descriptor
 * @device_prep_peripheral_dma_vec: prepare a slave transfer from vectors
 * @device_prep_slave_sg: prepare a slave transfer from a scatterlist
 * @device_prep_dma_cyclic: prepare a cyclic slave transfer
 * @device_prep_interleaved_dma: prepare an interleaved transfer
 * @device_prep_dma_imm_data: prepare a write of an immediate value
 * @device_caps: refine the slave capabilities per channel
 * @device_config: apply a slave configuration
 * @device_pause: pause the channel's running transfer
 * @device_resume: resume a paused channel
 * @device_terminate_all: abort every descriptor of the channel; may
 *	return before hardware and callbacks stopped
 * @device_synchronize: wait until terminated work is really over
 * @device_tx_status: report the state of a cookie (mandatory)
 * @device_issue_pending: start submitted descriptors (mandatory)
 * @device_release: free the provider's structures once the last
 *	reference to the unregistered device is gone
 * @dbg_summary_show: replaces the per-channel lines of the debugfs summary
 * @dbg_dev_root: the device's debugfs directory
 * @core_lock: core-private; protects @privatecnt, the DMA_PRIVATE bit of
 *	@cap_mask, @public_busy, @chancnt, the core's list of registered
 *	channels, and every channel's client_count and the registration and
 *	claim bits of its core_flags; a spinlock held only for short
 *	bookkeeping, never across a driver or client call
 * @public_busy: core-private; public balancing passes in progress
 *	(under @core_lock)
 * @reg_seq: core-private; registration sequence number, 0 while not
 *	registered (written under the core's device-list mutex)
 * @core_pins: core-private; short-lived pins of core walkers (requests,
 *	public balancing, debugfs); unregistering waits until they are gone
 * @core_channels: core-private; the registered channels
 *	(&struct dma_chan.core_node), an RCU list changed under @core_lock.
 *	Every core walker that may run while channels come and go uses it
 *	instead of @channels
 */
struct dma_device {
	struct kref ref;
	unsigned int chancnt;
	unsigned int privatecnt;
	struct list_head channels;
	struct list_head global_node;
	struct dma_filter filter;
	dma_cap_mask_t cap_mask;
	enum dma_desc_metadata_mode desc_metadata_modes;
	unsigned short max_xor;
	unsigned short max_pq;
	enum dmaengine_alignment copy_align;
	enum dmaengine_alignment xor_align;
	enum dmaengine_alignment pq_align;
	enum dmaengine_alignment fill_align;
/* bit of @max_pq: the engine continues P+Q natively */
#define DMA_HAS_PQ_CONTINUE BIT(15)

	int dev_id;
	struct device *dev;
	struct module *owner;
	struct ida chan_ida;

	u32 src_addr_widths;
	u32 dst_addr_widths;
	u32 directions;
	u32 min_burst;
	u32 max_burst;
	u32 max_sg_burst;
	bool descriptor_reuse;
	enum dma_residue_granularity residue_granularity;

	int (*device_alloc_chan_resources)(struct dma_chan *chan);
	int (*device_router_config)(struct dma_chan *chan);
	void (*device_free_chan_resources)(struct dma_chan *chan);

	struct dma_async_tx_descriptor *
	(*device_prep_dma_memcpy)(struct dma_chan *chan, dma_addr_t dst,
				  dma_addr_t src, size_t len,
				  unsigned long flags);
	struct dma_async_tx_descriptor *
	(*device_prep_dma_xor)(struct dma_chan *chan, dma_addr_t dst,
			       dma_addr_t *src, unsigned int src_cnt,
			       size_t len, unsigned long flags);
	struct dma_async_tx_descriptor *
	(*device_prep_dma_xor_val)(struct dma_chan *chan, dma_addr_t *src,
				   unsigned int src_cnt, size_t len,
				   enum sum_check_flags *result,
				   unsigned long flags);
	struct dma_async_tx_descriptor *
	(*device_prep_dma_pq)(struct dma_chan *chan, dma_addr_t *dst,
			      dma_addr_t *src, unsigned int src_cnt,
			      const unsigned char *scf, size_t len,
			      unsigned long flags);
	struct dma_async_tx_descriptor *
	(*device_prep_dma_pq_val)(struct dma_chan *chan, dma_addr_t *pq,
				  dma_addr_t *src, unsigned int src_cnt,
				  const unsigned char *scf, size_t len,
				  enum sum_check_flags *pqres,
				  unsigned long flags);
	struct dma_async_tx_descriptor *
	(*device_prep_dma_memset)(struct dma_chan *chan, dma_addr_t dest,
				  int value, size_t len, unsigned long flags);
	struct dma_async_tx_descriptor *
	(*device_prep_dma_memset_sg)(struct dma_chan *chan,
				     struct scatterlist *sg, unsigned int nents,
				     int value, unsigned long flags);
	struct dma_async_tx_descriptor *
	(*device_prep_dma_interrupt)(struct dma_chan *chan,
				     unsigned long flags);

	struct dma_async_tx_descriptor *
	(*device_prep_peripheral_dma_vec)(struct dma_chan *chan,
					  const struct dma_vec *vecs,
					  size_t nents,
					  enum dma_transfer_direction direction,
					  unsigned long flags);
	struct dma_async_tx_descriptor *
	(*device_prep_slave_sg)(struct dma_chan *chan, struct scatterlist *sgl,
				unsigned int sg_len,
				enum dma_transfer_direction direction,
				unsigned long flags, void *context);
	struct dma_async_tx_descriptor *
	(*device_prep_dma_cyclic)(struct dma_chan *chan, dma_addr_t buf_addr,
				  size_t buf_len, size_t period_len,
				  enum dma_transfer_direction direction,
				  unsigned long flags);
	struct dma_async_tx_descriptor *
	(*device_prep_interleaved_dma)(struct dma_chan *chan,
				       struct dma_interleaved_template *xt,
				       unsigned long flags);
	struct dma_async_tx_descriptor *
	(*device_prep_dma_imm_data)(struct dma_chan *chan, dma_addr_t dst,
				    u64 data, unsigned long flags);

	void (*device_caps)(struct dma_chan *chan, struct dma_slave_caps *caps);
	int (*device_config)(struct dma_chan *chan,
			     struct dma_slave_config *config);
	int (*device_pause)(struct dma_chan *chan);
	int (*device_resume)(struct dma_chan *chan);
	int (*device_terminate_all)(struct dma_chan *chan);
	void (*device_synchronize)(struct dma_chan *chan);

	enum dma_status (*device_tx_status)(struct dma_chan *chan,
					    dma_cookie_t cookie,
					    struct dma_tx_state *txstate);
	void (*device_issue_pending)(struct dma_chan *chan);
	void (*device_release)(struct dma_device *dev);
	void (*dbg_summary_show)(struct seq_file *s, struct dma_device *dev);
	struct dentry *dbg_dev_root;

	/* core-private members */
	spinlock_t core_lock;
	unsigned int public_busy;
	u64 reg_seq;
	atomic_t core_pins;
	struct list_head core_channels;
};

/*
 * Tracing hooks used by the inline helpers below.  The tracepoints live in
 * include/trace/events/dmaengine.h; the helpers test the static key inline
 * and only call out of line when the event is enabled.
 */
#ifdef CONFIG_DMA_ENGINE
DECLARE_TRACEPOINT(dmaengine_tx_prep);
DECLARE_TRACEPOINT(dmaengine_tx_submit);
DECLARE_TRACEPOINT(dmaengine_chan_issue);
DECLARE_TRACEPOINT(dmaengine_chan_terminate);
DECLARE_TRACEPOINT(dmaengine_chan_synchronize);

void dmaengine_trace_prep(struct dma_chan *chan,
			  struct dma_async_tx_descriptor *tx,
			  enum dma_transaction_type type,
			  unsigned long flags);
void dmaengine_trace_submit(struct dma_async_tx_descriptor *tx,
			    dma_cookie_t cookie);
void dmaengine_trace_issue(struct dma_chan *chan);
void dmaengine_trace_terminate(struct dma_chan *chan, int ret);
void dmaengine_trace_synchronize(struct dma_chan *chan);

#define dmaengine_tp_enabled(tp)	tracepoint_enabled(tp)
#else
static inline void dmaengine_trace_prep(struct dma_chan *chan,
					struct dma_async_tx_descriptor *tx,
					enum dma_transaction_type type,
					unsigned long flags)
{
}

static inline void dmaengine_trace_submit(struct dma_async_tx_descriptor *tx,
					  dma_cookie_t cookie)
{
}

static inline void dmaengine_trace_issue(struct dma_chan *chan)
{
}

static inline void dmaengine_trace_terminate(struct dma_chan *chan, int ret)
{
}

static inline void dmaengine_trace_synchronize(struct dma_chan *chan)
{
}

/* never true; the argument only names the event */
#define dmaengine_tp_enabled(tp)	(sizeof(#tp) == 0)
#endif /* CONFIG_DMA_ENGINE */

/**
 * dmaengine_prep_finish() - common tail of the dmaengine_prep_*() helpers
 * @chan: the channel the descriptor was prepared on
 * @tx: what the provider returned (may be NULL)
 * @type: the kind of operation, for tracing
 * @flags: the prep flags, for tracing
 * @bytes: bytes the descriptor moves, 0 when unknown
 *
 * Records the transfer length in @tx for the channel statistics and emits
 * the prep trace event.
 *
 * Context: any.
 * Return: @tx.
 */
static inline struct dma_async_tx_descriptor *
dmaengine_prep_finish(struct dma_chan *chan, struct dma_async_tx_descriptor *tx,
		      enum dma_transaction_type type, unsigned long flags,
		      size_t bytes)
{
	if (tx)
		tx->xfer_len = bytes;
	if (dmaengine_tp_enabled(dmaengine_tx_prep))
		dmaengine_trace_prep(chan, tx, type, flags);
	return tx;
}

/**
 * dmaengine_slave_config() - apply a slave configuration to a channel
 * @chan: the channel
 * @config: the configuration
 *
 * Context: process context usually; see the provider.
 * Return: 0 on success, -ENOSYS when the provider has no device_config,
 * or the provider's error.
 */
static inline int dmaengine_slave_config(struct dma_chan *chan,
					 struct dma_slave_config *config)
{
	struct dma_device *dd = chan->device;

	if (!dd->device_config)
		return -ENOSYS;
	return dd->device_config(chan, config);
}

/**
 * is_slave_direction() - tell whether a direction involves a peripheral
 * @direction: the direction
 *
 * Context: any.
 * Return: true for MEM_TO_DEV, DEV_TO_MEM and DEV_TO_DEV.
 */
static inline bool is_slave_direction(enum dma_transfer_direction direction)
{
	return direction == DMA_MEM_TO_DEV || direction == DMA_DEV_TO_MEM ||
	       direction == DMA_DEV_TO_DEV;
}

/**
 * dmaengine_sg_bytes() - total DMA length of a scatterlist
 * @sgl: the mapped scatterlist
 * @nents: number of mapped entries
 *
 * Context: any.
 * Return: the sum of sg_dma_len() over the entries.
 */
static inline size_t dmaengine_sg_bytes(struct scatterlist *sgl,
					unsigned int nents)
{
	struct scatterlist *ent;
	size_t total = 0;
	unsigned int n;

	for_each_sg(sgl, ent, nents, n)
		total += sg_dma_len(ent);
	return total;
}

/**
 * dmaengine_prep_slave_single() - prepare a slave transfer of one buffer
 * @chan: the channel
 * @buf: bus address of the buffer
 * @len: length of the buffer
 * @dir: direction of the transfer
 * @flags: enum dma_ctrl_flags
 *
 * Context: any; the provider allocates without sleeping.
 * Return: the descriptor, or NULL on failure or without provider support.
 */
static inline struct dma_async_tx_descriptor *
dmaengine_prep_slave_single(struct dma_chan *chan, dma_addr_t buf, size_t len,
			    enum dma_transfer_direction dir,
			    unsigned long flags)
{
	struct dma_async_tx_descriptor *tx;
	struct scatterlist one;

	if (!chan || !chan->device || !chan->device->device_prep_slave_sg)
		return NULL;

	sg_init_table(&one, 1);
	sg_dma_len(&one) = len;
	sg_dma_address(&one) = buf;
	tx = chan->device->device_prep_slave_sg(chan, &one, 1, dir, flags,
						NULL);
	return dmaengine_prep_finish(chan, tx, DMA_SLAVE, flags, len);
}

/**
 * dmaengine_prep_peripheral_dma_vec() - prepare a slave transfer of vectors
 * @chan: the channel
 * @vecs: the bus address ranges
 * @nents: number of entries in @vecs
 * @dir: direction of the transfer
 * @flags: enum dma_ctrl_flags
 *
 * Context: any; the provider allocates without sleeping.
 * Return: the descriptor, or NULL on failure or without provider support.
 */
static inline struct dma_async_tx_descriptor *
dmaengine_prep_peripheral_dma_vec(struct dma_chan *chan,
				  const struct dma_vec *vecs, size_t nents,
				  enum dma_transfer_direction dir,
				  unsigned long flags)
{
	struct dma_async_tx_descriptor *tx;
	size_t total = 0, n;

	if (!chan || !chan->device ||
	    !chan->device->device_prep_peripheral_dma_vec)
		return NULL;

	tx = chan->device->device_prep_peripheral_dma_vec(chan, vecs, nents,
							   dir, flags);
	for (n = 0; tx && n < nents; n++)
		total += vecs[n].len;
	return dmaengine_prep_finish(chan, tx, DMA_SLAVE, flags, total);
}

/**
 * dmaengine_prep_slave_sg() - prepare a slave transfer of a scatterlist
 * @chan: the channel
 * @sgl: the mapped scatterlist
 * @sg_len: number of mapped entries
 * @dir: direction of the transfer
 * @flags: enum dma_ctrl_flags
 *
 * Context: any; the provider allocates without sleeping.
 * Return: the descriptor, or NULL on failure or without provider support.
 */
static inline struct dma_async_tx_descriptor *
dmaengine_prep_slave_sg(struct dma_chan *chan, struct scatterlist *sgl,
			unsigned int sg_len, enum dma_transfer_direction dir,
			unsigned long flags)
{
	struct dma_async_tx_descriptor *tx;

	if (!chan || !chan->device || !chan->device->device_prep_slave_sg)
		return NULL;

	tx = chan->device->device_prep_slave_sg(chan, sgl, sg_len, dir, flags,
						NULL);
	return dmaengine_prep_finish(chan, tx, DMA_SLAVE, flags,
				     tx ? dmaengine_sg_bytes(sgl, sg_len) : 0);
}

#ifdef CONFIG_RAPIDIO_DMA_ENGINE
struct rio_dma_ext;

/**
 * dmaengine_prep_rio_sg() - prepare a RapidIO transfer of a scatterlist
 * @chan: the channel
 * @sgl: the mapped scatterlist
 * @sg_len: number of mapped entries
 * @dir: direction of the transfer
 * @flags: enum dma_ctrl_flags
 * @rio_ext: RapidIO addressing, handed to the provider as context
 *
 * Context: any; the provider allocates without sleeping.
 * Return: the descriptor, or NULL on failure or without provider support.
 */
static inline struct dma_async_tx_descriptor *
dmaengine_prep_rio_sg(struct dma_chan *chan, struct scatterlist *sgl,
		      unsigned int sg_len, enum dma_transfer_direction dir,
		      unsigned long flags, struct rio_dma_ext *rio_ext)
{
	struct dma_async_tx_descriptor *tx;

	if (!chan || !chan->device || !chan->device->device_prep_slave_sg)
		return NULL;

	tx = chan->device->device_prep_slave_sg(chan, sgl, sg_len, dir, flags,
						rio_ext);
	return dmaengine_prep_finish(chan, tx, DMA_SLAVE, flags,
				     tx ? dmaengine_sg_bytes(sgl, sg_len) : 0);
}
#endif

/**
 * dmaengine_prep_dma_cyclic() - prepare a cyclic slave transfer
 * @chan: the channel
 * @buf_addr: bus address of the ring buffer
 * @buf_len: length of the ring buffer
 * @period_len: bytes between two period callbacks
 * @dir: direction of the transfer
 * @flags: enum dma_ctrl_flags
 *
 * The statistics count a cyclic descriptor's length as one period.
 *
 * Context: any; the provider allocates without sleeping.
 * Return: the descriptor, or NULL on failure or without provider support.
 */
static inline struct dma_async_tx_descriptor *
dmaengine_prep_dma_cyclic(struct dma_chan *chan, dma_addr_t buf_addr,
			  size_t buf_len, size_t period_len,
			  enum dma_transfer_direction dir,
			  unsigned long flags)
{
	struct dma_async_tx_descriptor *tx;

	if (!chan || !chan->device || !chan->device->device_prep_dma_cyclic)
		return NULL;

	tx = chan->device->device_prep_dma_cyclic(chan, buf_addr, buf_len,
						  period_len, dir, flags);
	return dmaengine_prep_finish(chan, tx, DMA_CYCLIC, flags, period_len);
}

/**
 * dmaengine_interleaved_bytes() - bytes moved by an interleaved template
 * @xt: the template
 *
 * Context: any.
 * Return: @xt->numf times the sum of the chunk sizes of one frame.
 */
static inline size_t
dmaengine_interleaved_bytes(const struct dma_interleaved_template *xt)
{
	size_t frame = 0, c;

	for (c = 0; c < xt->frame_size; c++)
		frame += xt->sgl[c].size;
	return frame * xt->numf;
}

/**
 * dmaengine_prep_interleaved_dma() - prepare an interleaved transfer
 * @chan: the channel
 * @xt: the template
 * @flags: enum dma_ctrl_flags; DMA_PREP_REPEAT needs the DMA_REPEAT
 *	capability (DMA_PREP_LOAD_EOT is left to the provider to check)
 *
 * Context: any; the provider allocates without sleeping.
 * Return: the descriptor, or NULL on failure, without provider support or
 * when DMA_PREP_REPEAT is requested from a device without DMA_REPEAT.
 */
static inline struct dma_async_tx_descriptor *
dmaengine_prep_interleaved_dma(struct dma_chan *chan,
			       struct dma_interleaved_template *xt,
			       unsigned long flags)
{
	struct dma_async_tx_descriptor *tx;
	struct dma_device *dd;

	if (!chan || !chan->device ||
	    !chan->device->device_prep_interleaved_dma)
		return NULL;

	dd = chan->device;
	if ((flags & DMA_PREP_REPEAT) &&
	    !test_bit(DMA_REPEAT, dd->cap_mask.bits))
		return NULL;

	tx = dd->device_prep_interleaved_dma(chan, xt, flags);
	return dmaengine_prep_finish(chan, tx, DMA_INTERLEAVE, flags,
				     tx ? dmaengine_interleaved_bytes(xt) : 0);
}

/**
 * dmaengine_prep_dma_memset() - prepare a memset
 * @chan: the channel
 * @dest: bus address of the destination
 * @value: fill value; only its low byte is used
 * @len: bytes to fill
 * @flags: enum dma_ctrl_flags
 *
 * Context: any; the provider allocates without sleeping.
 * Return: the descriptor, or NULL on failure or without provider support.
 */
static inline struct dma_async_tx_descriptor *
dmaengine_prep_dma_memset(struct dma_chan *chan, dma_addr_t dest, int value,
			  size_t len, unsigned long flags)
{
	struct dma_async_tx_descriptor *tx;

	if (!chan || !chan->device || !chan->device->device_prep_dma_memset)
		return NULL;

	tx = chan->device->device_prep_dma_memset(chan, dest, value, len,
						  flags);
	return dmaengine_prep_finish(chan, tx, DMA_MEMSET, flags, len);
}

/**
 * dmaengine_prep_dma_memcpy() - prepare a memory to memory copy
 * @chan: the channel
 * @dest: bus address of the destination
 * @src: bus address of the source
 * @len: bytes to copy
 * @flags: enum dma_ctrl_flags
 *
 * Context: any; the provider allocates without sleeping.
 * Return: the descriptor, or NULL on failure or without provider support.
 */
static inline struct dma_async_tx_descriptor *
dmaengine_prep_dma_memcpy(struct dma_chan *chan, dma_addr_t dest,
			  dma_addr_t src, size_t len, unsigned long flags)
{
	struct dma_async_tx_descriptor *tx;

	if (!chan || !chan->device || !chan->device->device_prep_dma_memcpy)
		return NULL;

	tx = chan->device->device_prep_dma_memcpy(chan, dest, src, len, flags);
	return dmaengine_prep_finish(chan, tx, DMA_MEMCPY, flags, len);
}

/**
 * dmaengine_is_metadata_mode_supported() - test a channel's metadata mode
 * @chan: the channel (may be NULL)
 * @mode: the mode to test
 *
 * Context: any.
 * Return: true when the channel's device supports @mode.
 */
static inline bool
dmaengine_is_metadata_mode_supported(struct dma_chan *chan,
				     enum dma_desc_metadata_mode mode)
{
	if (!chan)
		return false;
	return (chan->device->desc_metadata_modes & mode) != 0;
}

#ifdef CONFIG_DMA_ENGINE
int dmaengine_desc_attach_metadata(struct dma_async_tx_descriptor *desc,
				   void *data, size_t len);
void *dmaengine_desc_get_metadata_ptr(struct dma_async_tx_descriptor *desc,
				      size_t *payload_len, size_t *max_len);
int dmaengine_desc_set_metadata_len(struct dma_async_tx_descriptor *desc,
				    size_t payload_len);
#else
static inline int
dmaengine_desc_attach_metadata(struct dma_async_tx_descriptor *desc,
			       void *data, size_t len)
{
	return -EINVAL;
}

static inline void *
dmaengine_desc_get_metadata_ptr(struct dma_async_tx_descriptor *desc,
				size_t *payload_len, size_t *max_len)
{
	return NULL;
}

static inline int
dmaengine_desc_set_metadata_len(struct dma_async_tx_descriptor *desc,
				size_t payload_len)
{
	return -EINVAL;
}
#endif

/**
 * dmaengine_terminate_all() - abort all transfers (deprecated)
 * @chan: the channel
 *
 * Use dmaengine_terminate_sync() or dmaengine_terminate_async() instead.
 *
 * Context: any.
 * Return: 0, -ENOSYS when the provider has no device_terminate_all, or
 * the provider's error.
 */
static inline int dmaengine_terminate_all(struct dma_chan *chan)
{
	int ret;

	if (!chan->device->device_terminate_all)
		return -ENOSYS;
	ret = chan->device->device_terminate_all(chan);
	if (dmaengine_tp_enabled(dmaengine_chan_terminate))
		dmaengine_trace_terminate(chan, ret);
	return ret;
}

/**
 * dmaengine_terminate_async() - abort all transfers without waiting
 * @chan: the channel
 *
 * Aborted descriptors get no completion callback.  The hardware may still
 * be running and a callback may still be executing when this returns;
 * call dmaengine_synchronize() before freeing memory the transfers used.
 * Issuing new work before that is not allowed.
 *
 * Context: any, including a completion callback of the same channel.
 * Return: 0, -EINVAL without provider support, or the provider's error.
 */
static inline int dmaengine_terminate_async(struct dma_chan *chan)
{
	int ret;

	if (!chan->device->device_terminate_all)
		return -EINVAL;
	ret = chan->device->device_terminate_all(chan);
	if (dmaengine_tp_enabled(dmaengine_chan_terminate))
		dmaengine_trace_terminate(chan, ret);
	return ret;
}

/**
 * dmaengine_synchronize() - wait until terminated transfers are over
 * @chan: the channel
 *
 * On return the hardware no longer accesses memory of any terminated
 * descriptor and no completion callback of the channel is running or
 * pending.
 *
 * Context: process context; may sleep.  Not from a completion callback.
 */
static inline void dmaengine_synchronize(struct dma_chan *chan)
{
	might_sleep();

	if (dmaengine_tp_enabled(dmaengine_chan_synchronize))
		dmaengine_trace_synchronize(chan);
	if (chan->device->device_synchronize)
		chan->device->device_synchronize(chan);
}

/**
 * dmaengine_terminate_sync() - abort all transfers and wait for the end
 * @chan: the channel
 *
 * Combines dmaengine_terminate_async() and dmaengine_synchronize(); when
 * the termination fails nothing is waited for.
 *
 * Context: process context; may sleep.  Not from a completion callback.
 * Return: 0 or the error of dmaengine_terminate_async().
 */
static inline int dmaengine_terminate_sync(struct dma_chan *chan)
{
	int err = dmaengine_terminate_async(chan);

	if (!err)
		dmaengine_synchronize(chan);
	return err;
}

/**
 * dmaengine_pause() - pause the running transfer of a channel
 * @chan: the channel
 *
 * Context: any.
 * Return: 0, -ENOSYS when the provider has no device_pause, or the
 * provider's error.
 */
static inline int dmaengine_pause(struct dma_chan *chan)
{
	struct dma_device *dd = chan->device;

	if (!dd->device_pause)
		return -ENOSYS;
	return dd->device_pause(chan);
}

/**
 * dmaengine_resume() - resume a paused channel
 * @chan: the channel
 *
 * Context: any.
 * Return: 0, -ENOSYS when the provider has no device_resume, or the
 * provider's error.
 */
static inline int dmaengine_resume(struct dma_chan *chan)
{
	struct dma_device *dd = chan->device;

	if (!dd->device_resume)
		return -ENOSYS;
	return dd->device_resume(chan);
}

/**
 * dmaengine_tx_status() - query the state of a transaction
 * @chan: the channel
 * @cookie: the transaction
 * @state: filled with cookies and residue (may be NULL)
 *
 * Context: any.
 * Return: the provider's enum dma_status for @cookie.
 */
static inline enum dma_status dmaengine_tx_status(struct dma_chan *chan,
						  dma_cookie_t cookie,
						  struct dma_tx_state *state)
{
	return chan->device->device_tx_status(chan, cookie, state);
}

/**
 * dmaengine_submit() - queue a prepared descriptor on its channel
 * @desc: the descriptor
 *
 * Submitting does not start the hardware; see dma_async_issue_pending().
 *
 * Context: any.
 * Return: the cookie, or a negative error code.
 */
static inline dma_cookie_t dmaengine_submit(struct dma_async_tx_descriptor *desc)
{
	dma_cookie_t cookie = desc->tx_submit(desc);

	if (dmaengine_tp_enabled(dmaengine_tx_submit))
		dmaengine_trace_submit(desc, cookie);
	return cookie;
}

/**
 * dmaengine_check_align() - test offsets and length against an alignment
 * @align: required alignment (log2 of bytes)
 * @off1: first offset
 * @off2: second offset
 * @len: length
 *
 * Context: any.
 * Return: true when @off1, @off2 and @len are all aligned.
 */
static inline bool dmaengine_check_align(enum dmaengine_alignment align,
					 size_t off1, size_t off2, size_t len)
{
	size_t low_bits = ((size_t)1 << align) - 1;

	return ((off1 | off2 | len) & low_bits) == 0;
}

/**
 * is_dma_copy_aligned() - test alignment for a memcpy
 * @dev: the DMA device
 * @off1: first offset
 * @off2: second offset
 * @len: length
 *
 * Context: any.
 * Return: true when the device's copy alignment is met.
 */
static inline bool is_dma_copy_aligned(struct dma_device *dev, size_t off1,
				       size_t off2, size_t len)
{
	return dmaengine_check_align(dev->copy_align, off1, off2, len);
}

/**
 * is_dma_xor_aligned() - test alignment for an xor
 * @dev: the DMA device
 * @off1: first offset
 * @off2: second offset
 * @len: length
 *
 * Context: any.
 * Return: true when the device's xor alignment is met.
 */
static inline bool is_dma_xor_aligned(struct dma_device *dev, size_t off1,
				      size_t off2, size_t len)
{
	return dmaengine_check_align(dev->xor_align, off1, off2, len);
}

/**
 * is_dma_pq_aligned() - test alignment for a P+Q operation
 * @dev: the DMA device
 * @off1: first offset
 * @off2: second offset
 * @len: length
 *
 * Context: any.
 * Return: true when the device's P+Q alignment is met.
 */
static inline bool is_dma_pq_aligned(struct dma_device *dev, size_t off1,
				     size_t off2, size_t len)
{
	return dmaengine_check_align(dev->pq_align, off1, off2, len);
}

/**
 * is_dma_fill_aligned() - test alignment for a memset
 * @dev: the DMA device
 * @off1: first offset
 * @off2: second offset
 * @len: length
 *
 * Context: any.
 * Return: true when the device's fill alignment is met.
 */
static inline bool is_dma_fill_aligned(struct dma_device *dev, size_t off1,
				       size_t off2, size_t len)
{
	return dmaengine_check_align(dev->fill_align, off1, off2, len);
}

/**
 * dma_set_maxpq() - set a device's P+Q source limit
 * @dma: the DMA device
 * @maxpq: most sources per P+Q descriptor
 * @has_pq_continue: the engine continues P+Q computations natively
 *
 * Context: provider setup, before registration.
 */
static inline void
dma_set_maxpq(struct dma_device *dma, int maxpq, int has_pq_continue)
{
	unsigned short val = maxpq;

	if (has_pq_continue)
		val |= DMA_HAS_PQ_CONTINUE;
	dma->max_pq = val;
}

/**
 * dmaf_continue() - test for DMA_PREP_CONTINUE
 * @flags: prep flags
 *
 * Context: any.
 * Return: true when the flag is set.
 */
static inline bool dmaf_continue(enum dma_ctrl_flags flags)
{
	return (flags & DMA_PREP_CONTINUE) != 0;
}

/**
 * dmaf_p_disabled_continue() - test for a continuation without P
 * @flags: prep flags
 *
 * Context: any.
 * Return: true when both DMA_PREP_CONTINUE and DMA_PREP_PQ_DISABLE_P are set.
 */
static inline bool dmaf_p_disabled_continue(enum dma_ctrl_flags flags)
{
	const unsigned int both = DMA_PREP_CONTINUE | DMA_PREP_PQ_DISABLE_P;

	return (flags & both) == both;
}

/**
 * dma_dev_has_pq_continue() - test for native P+Q continuation
 * @dma: the DMA device
 *
 * Context: any.
 * Return: true when the device continues P+Q natively.
 */
static inline bool dma_dev_has_pq_continue(struct dma_device *dma)
{
	return (dma->max_pq & DMA_HAS_PQ_CONTINUE) != 0;
}

/**
 * dma_dev_to_maxpq() - P+Q source limit without the flag bit
 * @dma: the DMA device
 *
 * Context: any.
 * Return: the limit.
 */
static inline unsigned short dma_dev_to_maxpq(struct dma_device *dma)
{
	return dma->max_pq & (DMA_HAS_PQ_CONTINUE - 1);
}

/**
 * dma_maxpq() - usable P+Q sources for a descriptor with these flags
 * @dma: the DMA device
 * @flags: the prep flags
 *
 * An engine without native continuation re-reads P and Q as sources when
 * continuing: three slots are lost (P, Q, and Q again as P-with-Q), or one
 * when P is disabled.
 *
 * Context: any.
 * Return: the number of sources that fit in one descriptor.
 */
static inline int dma_maxpq(struct dma_device *dma, enum dma_ctrl_flags flags)
{
	int limit = dma_dev_to_maxpq(dma);

	if (dma_dev_has_pq_continue(dma) || !dmaf_continue(flags))
		return limit;
	if (dmaf_p_disabled_continue(flags))
		return limit - 1;
	return limit - 3;
}

/**
 * dmaengine_get_icg() - effective gap after an interleaved chunk
 * @inc: the address advances
 * @sgl: the side honours chunk gaps
 * @icg: the chunk's common gap
 * @dir_icg: the chunk's side-specific gap
 *
 * Context: any.
 * Return: 0 for a fixed address, else @dir_icg when set, else @icg when the
 * side honours gaps, else 0.
 */
static inline size_t dmaengine_get_icg(bool inc, bool sgl, size_t icg,
				       size_t dir_icg)
{
	if (!inc)
		return 0;
	if (dir_icg)
		return dir_icg;
	return sgl ? icg : 0;
}

/**
 * dmaengine_get_dst_icg() - destination gap after a chunk
 * @xt: the template
 * @chunk: the chunk
 *
 * Context: any.
 * Return: the gap in bytes.
 */
static inline size_t dmaengine_get_dst_icg(struct dma_interleaved_template *xt,
					   struct data_chunk *chunk)
{
	return dmaengine_get_icg(xt->dst_inc, xt->dst_sgl, chunk->icg,
				 chunk->dst_icg);
}

/**
 * dmaengine_get_src_icg() - source gap after a chunk
 * @xt: the template
 * @chunk: the chunk
 *
 * Context: any.
 * Return: the gap in bytes.
 */
static inline size_t dmaengine_get_src_icg(struct dma_interleaved_template *xt,
					   struct data_chunk *chunk)
{
	return dmaengine_get_icg(xt->src_inc, xt->src_sgl, chunk->icg,
				 chunk->src_icg);
}

#ifdef CONFIG_DMA_ENGINE
void dmaengine_get(void);
void dmaengine_put(void);
#else
static inline void dmaengine_get(void)
{
}

static inline void dmaengine_put(void)
{
}
#endif

#ifdef CONFIG_ASYNC_TX_DMA
#define async_dmaengine_get()	dmaengine_get()
#define async_dmaengine_put()	dmaengine_put()
#ifdef CONFIG_ASYNC_TX_ENABLE_CHANNEL_SWITCH
#define async_dma_find_channel(type) dma_find_channel(type)
#else
#define async_dma_find_channel(type) dma_find_channel(DMA_ASYNC_TX)
#endif
#else
/**
 * async_dmaengine_get() - async_tx interest in public channels (no-op)
 *
 * Without CONFIG_ASYNC_TX_DMA async_tx never uses DMA hardware.
 *
 * Context: any.
 */
static inline void async_dmaengine_get(void)
{
}

/**
 * async_dmaengine_put() - drop async_tx interest in channels (no-op)
 *
 * Context: any.
 */
static inline void async_dmaengine_put(void)
{
}

/**
 * async_dma_find_channel() - channel for an async_tx operation (none)
 * @type: the operation
 *
 * Context: any.
 * Return: NULL; async_tx falls back to the CPU.
 */
static inline struct dma_chan *
async_dma_find_channel(enum dma_transaction_type type)
{
	return NULL;
}
#endif /* CONFIG_ASYNC_TX_DMA */

void dma_async_tx_descriptor_init(struct dma_async_tx_descriptor *tx,
				  struct dma_chan *chan);

/**
 * async_tx_ack() - mark a descriptor as acknowledged
 * @tx: the descriptor
 *
 * Context: any.
 */
static inline void async_tx_ack(struct dma_async_tx_descriptor *tx)
{
	tx->flags |= DMA_CTRL_ACK;
}

/**
 * async_tx_clear_ack() - clear a descriptor's acknowledgment
 * @tx: the descriptor
 *
 * Context: any.
 */
static inline void async_tx_clear_ack(struct dma_async_tx_descriptor *tx)
{
	tx->flags &= ~DMA_CTRL_ACK;
}

/**
 * async_tx_test_ack() - test a descriptor's acknowledgment
 * @tx: the descriptor
 *
 * Context: any.
 * Return: true when DMA_CTRL_ACK is set.
 */
static inline bool async_tx_test_ack(struct dma_async_tx_descriptor *tx)
{
	return (tx->flags & DMA_CTRL_ACK) != 0;
}

/**
 * __dma_cap_set() - set a capability bit
 * @tx_type: the capability
 * @dstp: the mask
 *
 * Context: any; the update is atomic.
 */
static inline void
__dma_cap_set(enum dma_transaction_type tx_type, dma_cap_mask_t *dstp)
{
	set_bit(tx_type, dstp->bits);
}

#define dma_cap_set(tx, mask) __dma_cap_set((tx), &(mask))

/**
 * __dma_cap_clear() - clear a capability bit
 * @tx_type: the capability
 * @dstp: the mask
 *
 * Context: any; the update is atomic.
 */
static inline void
__dma_cap_clear(enum dma_transaction_type tx_type, dma_cap_mask_t *dstp)
{
	clear_bit(tx_type, dstp->bits);
}

#define dma_cap_clear(tx, mask) __dma_cap_clear((tx), &(mask))

/**
 * __dma_cap_zero() - clear every capability bit
 * @dstp: the mask
 *
 * Context: any.
 */
static inline void __dma_cap_zero(dma_cap_mask_t *dstp)
{
	bitmap_zero(dstp->bits, DMA_TX_TYPE_END);
}

#define dma_cap_zero(mask) __dma_cap_zero(&(mask))

/**
 * __dma_has_cap() - test a capability bit
 * @tx_type: the capability
 * @srcp: the mask
 *
 * Context: any.
 * Return: non-zero when the bit is set.
 */
static inline int
__dma_has_cap(enum dma_transaction_type tx_type, dma_cap_mask_t *srcp)
{
	return test_bit(tx_type, srcp->bits);
}

#define dma_has_cap(tx, mask) __dma_has_cap((tx), &(mask))

#define for_each_dma_cap_mask(cap, mask) \
	for_each_set_bit(cap, mask.bits, DMA_TX_TYPE_END)

/**
 * dma_async_issue_pending() - start the submitted descriptors of a channel
 * @chan: the channel
 *
 * Context: any, including hard interrupt context.
 */
static inline void dma_async_issue_pending(struct dma_chan *chan)
{
	if (dmaengine_tp_enabled(dmaengine_chan_issue))
		dmaengine_trace_issue(chan);
	chan->device->device_issue_pending(chan);
}

/**
 * dma_async_is_tx_complete() - poll a transaction
 * @chan: the channel
 * @cookie: the transaction
 * @last: if not NULL, receives the last completed cookie
 * @used: if not NULL, receives the last assigned cookie
 *
 * Context: any.
 * Return: the provider's enum dma_status for @cookie.
 */
static inline enum dma_status
dma_async_is_tx_complete(struct dma_chan *chan, dma_cookie_t cookie,
			 dma_cookie_t *last, dma_cookie_t *used)
{
	struct dma_tx_state st;
	enum dma_status ret;

	ret = chan->device->device_tx_status(chan, cookie, &st);
	if (used)
		*used = st.used;
	if (last)
		*last = st.last;
	return ret;
}

/**
 * dma_async_is_complete() - wrap-aware cookie completion test
 * @cookie: the transaction
 * @last_complete: last completed cookie of the channel
 * @last_used: last assigned cookie of the channel
 *
 * Cookies outside the window (@last_complete, @last_used] are complete,
 * including ones that were never assigned.  The window may wrap around.
 *
 * Context: any.
 * Return: DMA_COMPLETE or DMA_IN_PROGRESS.
 */
static inline enum dma_status
dma_async_is_complete(dma_cookie_t cookie, dma_cookie_t last_complete,
		      dma_cookie_t last_used)
{
	bool pending;

	if (last_complete <= last_used)
		pending = cookie > last_complete && cookie <= last_used;
	else
		pending = cookie > last_complete || cookie <= last_used;
	return pending ? DMA_IN_PROGRESS : DMA_COMPLETE;
}

/**
 * dma_set_tx_state() - fill a transfer state
 * @st: the state (may be NULL)
 * @last: last completed cookie
 * @used: last assigned cookie
 * @residue: bytes left
 *
 * Context: any.
 */
static inline void
dma_set_tx_state(struct dma_tx_state *st, dma_cookie_t last,
		 dma_cookie_t used, u32 residue)
{
	if (!st)
		return;
	st->residue = residue;
	st->used = used;
	st->last = last;
}

#ifdef CONFIG_DMA_ENGINE
struct dma_chan *dma_find_channel(enum dma_transaction_type tx_type);
enum dma_status dma_sync_wait(struct dma_chan *chan, dma_cookie_t cookie);
enum dma_status dma_wait_for_async_tx(struct dma_async_tx_descriptor *tx);
void dma_issue_pending_all(void);
struct dma_chan *__dma_request_channel(const dma_cap_mask_t *mask,
				       dma_filter_fn fn, void *fn_param,
				       struct device_node *np);
struct dma_chan *dma_request_chan(struct device *dev, const char *name);
struct dma_chan *dma_request_chan_by_mask(const dma_cap_mask_t *mask);
struct dma_chan *devm_dma_request_chan(struct device *dev, const char *name);
void dma_release_channel(struct dma_chan *chan);
int dma_get_slave_caps(struct dma_chan *chan, struct dma_slave_caps *caps);
#else
static inline struct dma_chan *dma_find_channel(enum dma_transaction_type tx_type)
{
	return NULL;
}

static inline enum dma_status dma_sync_wait(struct dma_chan *chan,
					    dma_cookie_t cookie)
{
	return DMA_COMPLETE;
}

static inline enum dma_status
dma_wait_for_async_tx(struct dma_async_tx_descriptor *tx)
{
	return DMA_COMPLETE;
}

static inline void dma_issue_pending_all(void)
{
}

static inline struct dma_chan *
__dma_request_channel(const dma_cap_mask_t *mask, dma_filter_fn fn,
		      void *fn_param, struct device_node *np)
{
	return NULL;
}

static inline struct dma_chan *dma_request_chan(struct device *dev,
						const char *name)
{
	return ERR_PTR(-ENODEV);
}

static inline struct dma_chan *
dma_request_chan_by_mask(const dma_cap_mask_t *mask)
{
	return ERR_PTR(-ENODEV);
}

static inline struct dma_chan *devm_dma_request_chan(struct device *dev,
						     const char *name)
{
	return ERR_PTR(-ENODEV);
}

static inline void dma_release_channel(struct dma_chan *chan)
{
}

static inline int dma_get_slave_caps(struct dma_chan *chan,
				     struct dma_slave_caps *caps)
{
	return -ENXIO;
}
#endif /* CONFIG_DMA_ENGINE */

/**
 * dmaengine_desc_set_reuse() - allow a descriptor to be resubmitted
 * @tx: the descriptor
 *
 * Context: any.
 * Return: 0, the error of dma_get_slave_caps(), or -EPERM when the channel
 * does not support descriptor reuse.
 */
static inline int dmaengine_desc_set_reuse(struct dma_async_tx_descriptor *tx)
{
	struct dma_slave_caps caps;
	int err;

	err = dma_get_slave_caps(tx->chan, &caps);
	if (err)
		return err;
	if (!caps.descriptor_reuse)
		return -EPERM;
	tx->flags |= DMA_CTRL_REUSE;
	return 0;
}

/**
 * dmaengine_desc_clear_reuse() - forbid resubmission of a descriptor
 * @tx: the descriptor
 *
 * Context: any.
 */
static inline void dmaengine_desc_clear_reuse(struct dma_async_tx_descriptor *tx)
{
	tx->flags &= ~DMA_CTRL_REUSE;
}

/**
 * dmaengine_desc_test_reuse() - test whether a descriptor is reusable
 * @tx: the descriptor
 *
 * Context: any.
 * Return: true when DMA_CTRL_REUSE is set.
 */
static inline bool dmaengine_desc_test_reuse(struct dma_async_tx_descriptor *tx)
{
	return (tx->flags & DMA_CTRL_REUSE) != 0;
}

/**
 * dmaengine_desc_free() - free a reusable descriptor
 * @desc: the descriptor
 *
 * Context: any.
 * Return: the provider's result, or -EPERM when @desc is not reusable (the
 * provider frees other descriptors on its own).
 */
static inline int dmaengine_desc_free(struct dma_async_tx_descriptor *desc)
{
	if (!dmaengine_desc_test_reuse(desc))
		return -EPERM;
	return desc->desc_free(desc);
}

/* --- provider registration (always declared, no stubs) --- */

int dma_async_device_register(struct dma_device *device);
int dmaenginem_async_device_register(struct dma_device *device);
void dma_async_device_unregister(struct dma_device *device);
int dma_async_device_channel_register(struct dma_device *device,
				      struct dma_chan *chan,
				      const char *name);
void dma_async_device_channel_unregister(struct dma_device *device,
					 struct dma_chan *chan);
void dma_run_dependencies(struct dma_async_tx_descriptor *tx);

#define dma_request_channel(mask, x, y) \
	__dma_request_channel(&(mask), x, y, NULL)

/**
 * dma_request_slave_channel() - request a slave channel by name (deprecated)
 * @dev: the client device
 * @name: the channel name
 *
 * Use dma_request_chan(), which reports why a request failed.
 *
 * Context: process context; may sleep.
 * Return: the channel or NULL.
 */
static inline struct dma_chan * __deprecated
dma_request_slave_channel(struct device *dev, const char *name)
{
	struct dma_chan *chan = dma_request_chan(dev, name);

	return IS_ERR(chan) ? NULL : chan;
}

/**
 * dma_request_slave_channel_compat() - request by name, else by filter
 * @mask: capabilities for the filter fallback (passed by value)
 * @fn: filter function for the fallback
 * @fn_param: filter parameter for the fallback
 * @dev: the client device
 * @name: the channel name
 *
 * The fallback is tried only when both @fn and @fn_param are given.
 *
 * Context: process context; may sleep.
 * Return: the channel or NULL.
 */
static inline struct dma_chan
*dma_request_slave_channel_compat(const dma_cap_mask_t mask,
				  dma_filter_fn fn, void *fn_param,
				  struct device *dev, const char *name)
{
	struct dma_chan *chan = dma_request_chan(dev, name);

	if (!IS_ERR(chan))
		return chan;
	if (!fn || !fn_param)
		return NULL;
	return __dma_request_channel(&mask, fn, fn_param, NULL);
}

/**
 * dmaengine_get_direction_text() - printable name of a direction
 * @dir: the direction
 *
 * Context: any.
 * Return: a constant string, "invalid" for unknown values.
 */
static inline char *
dmaengine_get_direction_text(enum dma_transfer_direction dir)
{
	if (dir == DMA_DEV_TO_MEM)
		return "DEV_TO_MEM";
	if (dir == DMA_MEM_TO_DEV)
		return "MEM_TO_DEV";
	if (dir == DMA_MEM_TO_MEM)
		return "MEM_TO_MEM";
	if (dir == DMA_DEV_TO_DEV)
		return "DEV_TO_DEV";
	return "invalid";
}

/**
 * dmaengine_get_dma_device() - device to use for mapping channel buffers
 * @chan: the channel
 *
 * Context: any.
 * Return: the channel's own class device when the provider marked it as
 * the mapping device, otherwise the controller device.
 */
static inline struct device *dmaengine_get_dma_device(struct dma_chan *chan)
{
	struct dma_chan_dev *cdev = chan->dev;

	if (cdev && cdev->chan_dma_dev)
		return &cdev->device;
	return chan->device->dev;
}

#endif /* LINUX_DMAENGINE_H */
