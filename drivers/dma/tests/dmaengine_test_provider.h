/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A fake DMA controller for the dmaengine core KUnit suites.
 *
 * The fake moves no data.  It records every call the core makes into it
 * (how many, and a sequence number giving the order), returns whatever
 * error the test asked for, and completes descriptors only when the test
 * says so: synchronously, from a work item or from an hrtimer.
 */
#ifndef _DMAENGINE_TEST_PROVIDER_H
#define _DMAENGINE_TEST_PROVIDER_H

#include <kunit/test.h>
#include <linux/atomic.h>
#include <linux/dmaengine.h>
#include <linux/hrtimer.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

/**
 * enum dtp_op - the provider entry points the fake records
 * @DTP_ALLOC: device_alloc_chan_resources
 * @DTP_FREE: device_free_chan_resources
 * @DTP_ROUTER_CONFIG: device_router_config
 * @DTP_PREP_MEMCPY: device_prep_dma_memcpy
 * @DTP_PREP_XOR: device_prep_dma_xor
 * @DTP_PREP_XOR_VAL: device_prep_dma_xor_val
 * @DTP_PREP_PQ: device_prep_dma_pq
 * @DTP_PREP_PQ_VAL: device_prep_dma_pq_val
 * @DTP_PREP_MEMSET: device_prep_dma_memset
 * @DTP_PREP_MEMSET_SG: device_prep_dma_memset_sg
 * @DTP_PREP_INTERRUPT: device_prep_dma_interrupt
 * @DTP_PREP_DMA_VEC: device_prep_peripheral_dma_vec
 * @DTP_PREP_SLAVE_SG: device_prep_slave_sg
 * @DTP_PREP_CYCLIC: device_prep_dma_cyclic
 * @DTP_PREP_INTERLEAVED: device_prep_interleaved_dma
 * @DTP_PREP_IMM_DATA: device_prep_dma_imm_data
 * @DTP_CAPS: device_caps
 * @DTP_CONFIG: device_config
 * @DTP_PAUSE: device_pause
 * @DTP_RESUME: device_resume
 * @DTP_TERMINATE: device_terminate_all
 * @DTP_SYNCHRONIZE: device_synchronize
 * @DTP_TX_STATUS: device_tx_status
 * @DTP_ISSUE_PENDING: device_issue_pending
 * @DTP_SUBMIT: a descriptor's tx_submit
 * @DTP_DESC_FREE: a descriptor's desc_free
 * @DTP_NR_OPS: number of recorded entry points
 */
enum dtp_op {
	DTP_ALLOC,
	DTP_FREE,
	DTP_ROUTER_CONFIG,
	DTP_PREP_MEMCPY,
	DTP_PREP_XOR,
	DTP_PREP_XOR_VAL,
	DTP_PREP_PQ,
	DTP_PREP_PQ_VAL,
	DTP_PREP_MEMSET,
	DTP_PREP_MEMSET_SG,
	DTP_PREP_INTERRUPT,
	DTP_PREP_DMA_VEC,
	DTP_PREP_SLAVE_SG,
	DTP_PREP_CYCLIC,
	DTP_PREP_INTERLEAVED,
	DTP_PREP_IMM_DATA,
	DTP_CAPS,
	DTP_CONFIG,
	DTP_PAUSE,
	DTP_RESUME,
	DTP_TERMINATE,
	DTP_SYNCHRONIZE,
	DTP_TX_STATUS,
	DTP_ISSUE_PENDING,
	DTP_SUBMIT,
	DTP_DESC_FREE,
	DTP_NR_OPS
};

/**
 * enum dtp_desc_state - where a fake descriptor is in its life
 * @DTP_DESC_PREPARED: returned by a prep call, not submitted
 * @DTP_DESC_PENDING: submitted, waiting for issue_pending
 * @DTP_DESC_ISSUED: issued, waiting for the test to complete it
 * @DTP_DESC_DONE: completed (a reusable one may be submitted again)
 * @DTP_DESC_ABORTED: dropped by device_terminate_all
 */
enum dtp_desc_state {
	DTP_DESC_PREPARED,
	DTP_DESC_PENDING,
	DTP_DESC_ISSUED,
	DTP_DESC_DONE,
	DTP_DESC_ABORTED,
};

/**
 * enum dtp_completion - who completes issued descriptors
 * @DTP_COMPLETE_MANUAL: only dtp_complete() and dtp_complete_later()
 * @DTP_COMPLETE_ON_ISSUE: issue_pending completes them before returning
 * @DTP_COMPLETE_WORK: issue_pending queues a work item that completes them
 * @DTP_COMPLETE_HRTIMER: issue_pending arms an hrtimer that completes them
 */
enum dtp_completion {
	DTP_COMPLETE_MANUAL,
	DTP_COMPLETE_ON_ISSUE,
	DTP_COMPLETE_WORK,
	DTP_COMPLETE_HRTIMER,
};

/**
 * struct dtp_prep_args - the arguments of the last prep call on a channel
 * @op: which prep callback was called
 * @dst: destination address (memcpy, xor, memset, cyclic buffer, imm_data)
 * @src: source address (memcpy)
 * @dst_list: destination array (pq)
 * @src_list: source array (xor, xor_val, pq, pq_val; P/Q array for pq_val)
 * @cnt: source count, scatterlist entries or vector count
 * @len: length argument (buffer length for cyclic)
 * @period_len: cyclic period length
 * @value: memset value
 * @imm: imm_data payload
 * @flags: the flags argument
 * @dir: transfer direction
 * @sgl: scatterlist argument
 * @sg0_addr: DMA address of the first scatterlist entry, read during the call
 * @sg0_len: DMA length of the first scatterlist entry, read during the call
 * @vecs: dma_vec array
 * @xt: interleaved template
 * @scf: PQ coefficients
 * @result: sum_check_flags result pointer (xor_val, pq_val)
 * @context: device_prep_slave_sg context argument
 */
struct dtp_prep_args {
	enum dtp_op op;
	dma_addr_t dst;
	dma_addr_t src;
	dma_addr_t *dst_list;
	dma_addr_t *src_list;
	unsigned int cnt;
	size_t len;
	size_t period_len;
	int value;
	u64 imm;
	unsigned long flags;
	enum dma_transfer_direction dir;
	struct scatterlist *sgl;
	dma_addr_t sg0_addr;
	unsigned int sg0_len;
	const struct dma_vec *vecs;
	struct dma_interleaved_template *xt;
	const unsigned char *scf;
	enum sum_check_flags *result;
	void *context;
};

struct dtp;

/**
 * struct dtp_desc - a fake descriptor
 * @tx: the descriptor handed to the client
 * @node: link in &dtp_chan.descs, protected by &dtp_chan.lock
 * @op: the prep call that created it
 * @state: life-cycle state, protected by &dtp_chan.lock
 * @len: bytes the prep call described
 * @residue: residue tx_status reports while the descriptor is not complete
 * @md_client: buffer attached in DESC_METADATA_CLIENT mode
 * @md_payload: payload length set in DESC_METADATA_ENGINE mode
 * @md: the engine-owned metadata buffer
 */
struct dtp_desc {
	struct dma_async_tx_descriptor tx;
	struct list_head node;
	enum dtp_op op;
	enum dtp_desc_state state;
	size_t len;
	u32 residue;
	void *md_client;
	size_t md_payload;
	u8 md[16];
};

/**
 * struct dtp_chan - a fake channel
 * @chan: the channel the core sees
 * @dtp: the owning fake controller
 * @index: position in &dtp.chans
 * @lock: protects @descs, the state of each descriptor on it, @paused,
 *	@result, @mode, @delay_ns, @last and @cfg
 * @descs: every descriptor prepared on this channel and not yet freed, in
 *	submission order once submitted
 * @paused: device_pause was called and device_resume was not
 * @result: result handed to the callbacks of the next completions
 * @mode: what issue_pending does with issued descriptors
 * @delay_ns: hrtimer delay for %DTP_COMPLETE_HRTIMER
 * @work: completes every issued descriptor (%DTP_COMPLETE_WORK)
 * @timer: completes every issued descriptor (%DTP_COMPLETE_HRTIMER)
 * @calls: number of calls per &enum dtp_op
 * @seq: sequence number of the last call per &enum dtp_op (0 = never)
 * @last: arguments of the last prep call
 * @cfg: the last slave configuration accepted by device_config
 */
struct dtp_chan {
	struct dma_chan chan;
	struct dtp *dtp;
	unsigned int index;
	/* protects what the kernel-doc above lists */
	spinlock_t lock;
	struct list_head descs;
	bool paused;
	struct dmaengine_result result;
	enum dtp_completion mode;
	u64 delay_ns;
	struct work_struct work;
	struct hrtimer timer;
	atomic_t calls[DTP_NR_OPS];
	atomic_t seq[DTP_NR_OPS];
	struct dtp_prep_args last;
	struct dma_slave_config cfg;
};

/**
 * struct dtp - a fake DMA controller
 * @dd: the dma_device handed to the core
 * @test: the test that owns the fake
 * @dev: the KUnit device the controller is bound to
 * @chans: the channels
 * @nchan: number of entries in @chans
 * @seq: source of the sequence numbers in &dtp_chan.seq
 * @fail: errno returned by the int-returning entry points, per op
 *	(0 = succeed); only written while the op cannot run
 * @prep_fail: every prep call returns NULL
 * @status_error: tx_status reports DMA_ERROR for every cookie that is not
 *	complete
 * @cb_mutex: a driver mutex; taken by alloc_chan_resources when
 *	@alloc_takes_mutex is set (lock-order tests)
 * @alloc_takes_mutex: see @cb_mutex
 * @caps_max_sg_burst: if non-zero, device_caps reports this max_sg_burst
 * @caps_no_pause: device_caps clears cmd_pause
 * @releases: number of device_release calls
 * @release_seq: sequence number of the last device_release call
 * @registered: the device is registered with the core
 * @managed: registered with dmaenginem_async_device_register()
 * @map: dma_slave_map storage for dtp_add_slave_map()
 * @mapcnt: used entries of @map
 */
struct dtp {
	struct dma_device dd;
	struct kunit *test;
	struct device *dev;
	struct dtp_chan *chans;
	unsigned int nchan;
	atomic_t seq;
	int fail[DTP_NR_OPS];
	bool prep_fail;
	bool status_error;
	/* a driver-private mutex for lock-order tests, protects nothing */
	struct mutex cb_mutex;
	bool alloc_takes_mutex;
	u32 caps_max_sg_burst;
	bool caps_no_pause;
	atomic_t releases;
	atomic_t release_seq;
	bool registered;
	bool managed;
	struct dma_slave_map map[4];
	int mapcnt;
};

/* every capability whose prep callback the fake implements */
#define DTP_ALL_CAPS	(BIT(DMA_MEMCPY) | BIT(DMA_XOR) | BIT(DMA_PQ) |	\
			 BIT(DMA_XOR_VAL) | BIT(DMA_PQ_VAL) |		\
			 BIT(DMA_MEMSET) | BIT(DMA_MEMSET_SG) |		\
			 BIT(DMA_INTERRUPT) | BIT(DMA_SLAVE) |		\
			 BIT(DMA_CYCLIC) | BIT(DMA_INTERLEAVE))

/*
 * Other controllers may be registered while the suites run (a simulated
 * controller probes at boot).  Lookups that take no filter use this
 * capability combination, which no real controller advertises, so that
 * only a fake controller can match.
 */
#define DTP_RARE_CAPS	(BIT(DMA_INTERLEAVE) | BIT(DMA_REPEAT) |	\
			 BIT(DMA_LOAD_EOT) | BIT(DMA_COMPLETION_NO_ORDER))

/**
 * dtp_mask() - a capability mask from a bit mask
 * @caps: bit mask of BIT(enum dma_transaction_type)
 *
 * Context: any.
 * Return: the dma_cap_mask_t with the same bits.
 */
static inline dma_cap_mask_t dtp_mask(unsigned long caps)
{
	dma_cap_mask_t mask;
	int bit;

	dma_cap_zero(mask);
	for_each_set_bit(bit, &caps, DMA_TX_TYPE_END)
		dma_cap_set(bit, mask);
	return mask;
}

struct dtp *dtp_create(struct kunit *test, const char *name,
		       unsigned int nchan, unsigned long caps);
int dtp_register(struct dtp *dtp);
int dtp_register_managed(struct dtp *dtp);
void dtp_unregister(struct dtp *dtp);
void dtp_restore_callbacks(struct dtp *dtp);
struct dtp *dtp_create_registered(struct kunit *test, const char *name,
				  unsigned int nchan, unsigned long caps);
void dtp_add_slave_map(struct dtp *dtp, struct device *consumer,
		       const char *name, unsigned int chan_index);

struct dtp_chan *to_dtp_chan(struct dma_chan *chan);
struct dtp_desc *to_dtp_desc(struct dma_async_tx_descriptor *tx);

/**
 * dtp_chan() - a fake channel of a fake controller
 * @dtp: the fake controller
 * @i: channel index
 *
 * Context: any.
 * Return: the core's view of channel @i.
 */
static inline struct dma_chan *dtp_chan(struct dtp *dtp, unsigned int i)
{
	return &dtp->chans[i].chan;
}

unsigned int dtp_calls(struct dma_chan *chan, enum dtp_op op);
int dtp_seq(struct dma_chan *chan, enum dtp_op op);
unsigned int dtp_count_state(struct dma_chan *chan, enum dtp_desc_state state);
void dtp_set_result(struct dma_chan *chan, enum dmaengine_tx_result result,
		    u32 residue);
void dtp_set_mode(struct dma_chan *chan, enum dtp_completion mode,
		  u64 delay_ns);
unsigned int dtp_complete(struct dma_chan *chan, unsigned int n);
void dtp_complete_later(struct dma_chan *chan, enum dtp_completion how,
			u64 delay_ns);
void dtp_flush(struct dma_chan *chan);
struct dma_chan *dtp_request(struct kunit *test, struct dtp *dtp,
			     unsigned int chan_index);
void dtp_hold_channel(struct kunit *test, struct dma_chan *chan);
bool dtp_filter_chan(struct dma_chan *chan, void *param);
void dtp_release(struct kunit *test, struct dma_chan *chan);
void dtp_isolate_public(struct kunit *test);
struct dma_async_tx_descriptor *dtp_submit_memcpy(struct kunit *test,
						  struct dma_chan *chan,
						  size_t len,
						  unsigned long flags);
struct dtp_attr;
struct dtp_attr *dtp_chan_attr(struct kunit *test, struct dma_chan *chan,
			       const char *name);
ssize_t dtp_attr_show(struct dtp_attr *attr, char *buf);
ssize_t dtp_read_chan_attr(struct kunit *test, struct dma_chan *chan,
			   const char *name, char *buf);
ssize_t dtp_read_debugfs(const char *path, char *buf, size_t size);
int dtp_count_devices(struct kunit *test);

struct dtp_log;
struct dtp_log *dtp_log_capture(struct kunit *test);
bool dtp_log_has(struct dtp_log *log, const char *needle);
unsigned int dtp_log_count(struct dtp_log *log, const char *needle);
void dtp_log_reset(struct dtp_log *log);

/**
 * enum dtp_event - the dmaengine trace events a &struct dtp_trace counts
 * @DTP_EV_PREP: dmaengine_tx_prep
 * @DTP_EV_SUBMIT: dmaengine_tx_submit
 * @DTP_EV_COMPLETE: dmaengine_tx_complete
 * @DTP_EV_RESULT: dmaengine_tx_result
 * @DTP_EV_ISSUE: dmaengine_chan_issue
 * @DTP_EV_TERMINATE: dmaengine_chan_terminate
 * @DTP_EV_SYNCHRONIZE: dmaengine_chan_synchronize
 * @DTP_EV_REQUEST: dmaengine_chan_request
 * @DTP_EV_RELEASE: dmaengine_chan_release
 * @DTP_EV_NR: number of events
 */
enum dtp_event {
	DTP_EV_PREP,
	DTP_EV_SUBMIT,
	DTP_EV_COMPLETE,
	DTP_EV_RESULT,
	DTP_EV_ISSUE,
	DTP_EV_TERMINATE,
	DTP_EV_SYNCHRONIZE,
	DTP_EV_REQUEST,
	DTP_EV_RELEASE,
	DTP_EV_NR
};

/**
 * struct dtp_trace - probes on every dmaengine trace event
 * @dd: only events on channels of this device are recorded
 * @count: events seen, per &enum dtp_event
 * @client: client name of the last request event ("" for none)
 * @prep_type: operation of the last prep event
 * @prep_tx: descriptor of the last prep event (NULL when it failed)
 * @cookie: cookie of the last submit or complete event
 * @result: result code of the last result event
 * @terminate_ret: return value of the last terminate event
 * @clients: client_count of the channel at the last release event
 *
 * Probes may run in any context; the last-value members are only
 * meaningful when the test knows no other event of the kind is running.
 */
struct dtp_trace {
	struct dma_device *dd;
	atomic_t count[DTP_EV_NR];
	char client[64];
	unsigned int prep_type;
	struct dma_async_tx_descriptor *prep_tx;
	dma_cookie_t cookie;
	enum dmaengine_tx_result result;
	int terminate_ret;
	int clients;
};

struct dtp_trace *dtp_trace_start(struct kunit *test, struct dma_device *dd);

/**
 * dtp_trace_count() - how often a trace event fired
 * @t: the recorder
 * @ev: the event
 *
 * Context: any.
 * Return: the number of @ev events on the recorder's device so far.
 */
static inline unsigned int dtp_trace_count(struct dtp_trace *t,
					   enum dtp_event ev)
{
	return atomic_read(&t->count[ev]);
}

#endif /* _DMAENGINE_TEST_PROVIDER_H */
