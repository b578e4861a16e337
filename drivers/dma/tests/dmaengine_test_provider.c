// SPDX-License-Identifier: GPL-2.0
/*
 * A fake DMA controller for the dmaengine core KUnit suites.
 *
 * Every entry point bumps a per-channel call counter and stamps a sequence
 * number taken from one per-controller counter, so a test can check both
 * how often and in which order the core called the provider.  Descriptors
 * are plain allocations kept on their channel's list from prep until the
 * channel's resources are freed; they complete only when the test asks.
 */

#include <kunit/device.h>
#include <kunit/resource.h>
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/kernfs.h>
#include <linux/kobject.h>
#include <linux/mount.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <trace/events/dmaengine.h>
#include <trace/events/printk.h>

#include "dmaengine.h"
#include "dmaengine_test_provider.h"

/**
 * to_dtp_chan() - the fake channel behind a core channel
 * @chan: a channel of a fake controller
 *
 * Context: any.
 * Return: the containing &struct dtp_chan.
 */
struct dtp_chan *to_dtp_chan(struct dma_chan *chan)
{
	return container_of(chan, struct dtp_chan, chan);
}

/**
 * to_dtp_desc() - the fake descriptor behind a client descriptor
 * @tx: a descriptor prepared on a fake channel
 *
 * Context: any.
 * Return: the containing &struct dtp_desc.
 */
struct dtp_desc *to_dtp_desc(struct dma_async_tx_descriptor *tx)
{
	return container_of(tx, struct dtp_desc, tx);
}

static void dtp_note(struct dtp_chan *dc, enum dtp_op op)
{
	atomic_inc(&dc->calls[op]);
	atomic_set(&dc->seq[op], atomic_inc_return(&dc->dtp->seq));
}

/* ---- descriptors ---- */

static dma_cookie_t dtp_tx_submit(struct dma_async_tx_descriptor *tx)
{
	struct dtp_chan *dc = to_dtp_chan(tx->chan);
	struct dtp_desc *d = to_dtp_desc(tx);
	unsigned long flags;
	dma_cookie_t cookie;

	dtp_note(dc, DTP_SUBMIT);
	spin_lock_irqsave(&dc->lock, flags);
	cookie = dma_cookie_assign(tx);
	d->state = DTP_DESC_PENDING;
	d->residue = d->len;
	/* keep the list in submission order */
	list_move_tail(&d->node, &dc->descs);
	spin_unlock_irqrestore(&dc->lock, flags);
	return cookie;
}

static int dtp_tx_desc_free(struct dma_async_tx_descriptor *tx)
{
	struct dtp_chan *dc = to_dtp_chan(tx->chan);
	struct dtp_desc *d = to_dtp_desc(tx);
	unsigned long flags;

	dtp_note(dc, DTP_DESC_FREE);
	spin_lock_irqsave(&dc->lock, flags);
	list_del(&d->node);
	spin_unlock_irqrestore(&dc->lock, flags);
	kfree(d);
	return 0;
}

static int dtp_md_attach(struct dma_async_tx_descriptor *tx, void *data,
			 size_t len)
{
	to_dtp_desc(tx)->md_client = data;
	return 0;
}

static void *dtp_md_get_ptr(struct dma_async_tx_descriptor *tx,
			    size_t *payload_len, size_t *max_len)
{
	struct dtp_desc *d = to_dtp_desc(tx);

	*payload_len = d->md_payload;
	*max_len = sizeof(d->md);
	return d->md;
}

static int dtp_md_set_len(struct dma_async_tx_descriptor *tx,
			  size_t payload_len)
{
	struct dtp_desc *d = to_dtp_desc(tx);

	if (payload_len > sizeof(d->md))
		return -EINVAL;
	d->md_payload = payload_len;
	return 0;
}

static struct dma_descriptor_metadata_ops dtp_md_ops = {
	.attach = dtp_md_attach,
	.get_ptr = dtp_md_get_ptr,
	.set_len = dtp_md_set_len,
};

/* The tail of every prep callback: a fresh descriptor, or NULL. */
static struct dma_async_tx_descriptor *
dtp_desc_new(struct dtp_chan *dc, enum dtp_op op, size_t len,
	     unsigned long flags)
{
	struct dtp_desc *d;
	unsigned long irqflags;

	if (dc->dtp->prep_fail)
		return NULL;
	d = kzalloc(sizeof(*d), GFP_NOWAIT);
	if (!d)
		return NULL;
	dma_async_tx_descriptor_init(&d->tx, &dc->chan);
	d->tx.flags = flags;
	d->tx.tx_submit = dtp_tx_submit;
	d->tx.desc_free = dtp_tx_desc_free;
	d->tx.metadata_ops = &dtp_md_ops;
	d->op = op;
	d->len = len;
	d->residue = len;
	d->state = DTP_DESC_PREPARED;
	spin_lock_irqsave(&dc->lock, irqflags);
	list_add_tail(&d->node, &dc->descs);
	spin_unlock_irqrestore(&dc->lock, irqflags);
	return &d->tx;
}

/* Called with dc->lock held. */
static struct dtp_desc *dtp_first(struct dtp_chan *dc,
				  enum dtp_desc_state state)
{
	struct dtp_desc *d;

	lockdep_assert_held(&dc->lock);
	list_for_each_entry(d, &dc->descs, node)
		if (d->state == state)
			return d;
	return NULL;
}

static void dtp_free_descs(struct dtp_chan *dc)
{
	struct dtp_desc *d, *next;
	unsigned long flags;
	LIST_HEAD(dead);

	spin_lock_irqsave(&dc->lock, flags);
	list_splice_init(&dc->descs, &dead);
	spin_unlock_irqrestore(&dc->lock, flags);
	list_for_each_entry_safe(d, next, &dead, node)
		kfree(d);
}

/* Complete the oldest issued descriptor; false if there is none. */
static bool dtp_complete_one(struct dtp_chan *dc)
{
	struct dmaengine_desc_callback cb;
	struct dmaengine_result res;
	struct dtp_desc *d;
	unsigned long flags;

	spin_lock_irqsave(&dc->lock, flags);
	d = dtp_first(dc, DTP_DESC_ISSUED);
	if (!d) {
		spin_unlock_irqrestore(&dc->lock, flags);
		return false;
	}
	d->state = DTP_DESC_DONE;
	res = dc->result;
	d->residue = res.residue;
	dma_cookie_complete(&d->tx);
	dmaengine_desc_get_callback(&d->tx, &cb);
	spin_unlock_irqrestore(&dc->lock, flags);

	dma_descriptor_unmap(&d->tx);
	/* also accounts the result in the channel statistics */
	dmaengine_desc_callback_invoke(&cb, &res);
	return true;
}

static void dtp_work_fn(struct work_struct *work)
{
	struct dtp_chan *dc = container_of(work, struct dtp_chan, work);

	while (dtp_complete_one(dc))
		;
}

static enum hrtimer_restart dtp_timer_fn(struct hrtimer *timer)
{
	struct dtp_chan *dc = container_of(timer, struct dtp_chan, timer);

	while (dtp_complete_one(dc))
		;
	return HRTIMER_NORESTART;
}

static void dtp_stop_async(struct dtp_chan *dc)
{
	cancel_work_sync(&dc->work);
	hrtimer_cancel(&dc->timer);
}

/* ---- struct dma_device callbacks ---- */

static int dtp_alloc_chan_resources(struct dma_chan *chan)
{
	struct dtp_chan *dc = to_dtp_chan(chan);

	dtp_note(dc, DTP_ALLOC);
	if (dc->dtp->alloc_takes_mutex) {
		mutex_lock(&dc->dtp->cb_mutex);
		mutex_unlock(&dc->dtp->cb_mutex);
	}
	return dc->dtp->fail[DTP_ALLOC];
}

static void dtp_free_chan_resources(struct dma_chan *chan)
{
	struct dtp_chan *dc = to_dtp_chan(chan);

	dtp_note(dc, DTP_FREE);
	dtp_stop_async(dc);
	dtp_free_descs(dc);
}

static int dtp_router_config(struct dma_chan *chan)
{
	struct dtp_chan *dc = to_dtp_chan(chan);

	dtp_note(dc, DTP_ROUTER_CONFIG);
	return dc->dtp->fail[DTP_ROUTER_CONFIG];
}

/* Record the arguments of a prep call: fill @a, then store it. */
static void dtp_record(struct dtp_chan *dc, const struct dtp_prep_args *a)
{
	unsigned long flags;

	dtp_note(dc, a->op);
	spin_lock_irqsave(&dc->lock, flags);
	dc->last = *a;
	spin_unlock_irqrestore(&dc->lock, flags);
}

static struct dma_async_tx_descriptor *
dtp_prep_memcpy(struct dma_chan *chan, dma_addr_t dst, dma_addr_t src,
		size_t len, unsigned long flags)
{
	struct dtp_prep_args a = {
		.op = DTP_PREP_MEMCPY, .dst = dst, .src = src, .len = len,
		.flags = flags,
	};

	dtp_record(to_dtp_chan(chan), &a);
	return dtp_desc_new(to_dtp_chan(chan), a.op, len, flags);
}

static struct dma_async_tx_descriptor *
dtp_prep_xor(struct dma_chan *chan, dma_addr_t dst, dma_addr_t *src,
	     unsigned int src_cnt, size_t len, unsigned long flags)
{
	struct dtp_prep_args a = {
		.op = DTP_PREP_XOR, .dst = dst, .src_list = src,
		.cnt = src_cnt, .len = len, .flags = flags,
	};

	dtp_record(to_dtp_chan(chan), &a);
	return dtp_desc_new(to_dtp_chan(chan), a.op, len, flags);
}

static struct dma_async_tx_descriptor *
dtp_prep_xor_val(struct dma_chan *chan, dma_addr_t *src, unsigned int src_cnt,
		 size_t len, enum sum_check_flags *result, unsigned long flags)
{
	struct dtp_prep_args a = {
		.op = DTP_PREP_XOR_VAL, .src_list = src, .cnt = src_cnt,
		.len = len, .result = result, .flags = flags,
	};

	dtp_record(to_dtp_chan(chan), &a);
	return dtp_desc_new(to_dtp_chan(chan), a.op, len, flags);
}

static struct dma_async_tx_descriptor *
dtp_prep_pq(struct dma_chan *chan, dma_addr_t *dst, dma_addr_t *src,
	    unsigned int src_cnt, const unsigned char *scf, size_t len,
	    unsigned long flags)
{
	struct dtp_prep_args a = {
		.op = DTP_PREP_PQ, .dst_list = dst, .src_list = src,
		.cnt = src_cnt, .scf = scf, .len = len, .flags = flags,
	};

	dtp_record(to_dtp_chan(chan), &a);
	return dtp_desc_new(to_dtp_chan(chan), a.op, len, flags);
}

static struct dma_async_tx_descriptor *
dtp_prep_pq_val(struct dma_chan *chan, dma_addr_t *pq, dma_addr_t *src,
		unsigned int src_cnt, const unsigned char *scf, size_t len,
		enum sum_check_flags *pqres, unsigned long flags)
{
	struct dtp_prep_args a = {
		.op = DTP_PREP_PQ_VAL, .dst_list = pq, .src_list = src,
		.cnt = src_cnt, .scf = scf, .len = len, .result = pqres,
		.flags = flags,
	};

	dtp_record(to_dtp_chan(chan), &a);
	return dtp_desc_new(to_dtp_chan(chan), a.op, len, flags);
}

static struct dma_async_tx_descriptor *
dtp_prep_memset(struct dma_chan *chan, dma_addr_t dest, int value, size_t len,
		unsigned long flags)
{
	struct dtp_prep_args a = {
		.op = DTP_PREP_MEMSET, .dst = dest, .value = value, .len = len,
		.flags = flags,
	};

	dtp_record(to_dtp_chan(chan), &a);
	return dtp_desc_new(to_dtp_chan(chan), a.op, len, flags);
}

/* Sum of the DMA lengths of a scatterlist. */
static size_t dtp_sg_bytes(struct scatterlist *sgl, unsigned int nents)
{
	struct scatterlist *sg;
	size_t total = 0;
	unsigned int i;

	for_each_sg(sgl, sg, nents, i)
		total += sg_dma_len(sg);
	return total;
}

static struct dma_async_tx_descriptor *
dtp_prep_memset_sg(struct dma_chan *chan, struct scatterlist *sgl,
		   unsigned int nents, int value, unsigned long flags)
{
	struct dtp_prep_args a = {
		.op = DTP_PREP_MEMSET_SG, .sgl = sgl, .cnt = nents,
		.value = value, .flags = flags,
	};

	a.len = dtp_sg_bytes(sgl, nents);
	dtp_record(to_dtp_chan(chan), &a);
	return dtp_desc_new(to_dtp_chan(chan), a.op, a.len, flags);
}

static struct dma_async_tx_descriptor *
dtp_prep_interrupt(struct dma_chan *chan, unsigned long flags)
{
	struct dtp_prep_args a = { .op = DTP_PREP_INTERRUPT, .flags = flags };

	dtp_record(to_dtp_chan(chan), &a);
	return dtp_desc_new(to_dtp_chan(chan), a.op, 0, flags);
}

static struct dma_async_tx_descriptor *
dtp_prep_dma_vec(struct dma_chan *chan, const struct dma_vec *vecs,
		 size_t nents, enum dma_transfer_direction dir,
		 unsigned long flags)
{
	struct dtp_prep_args a = {
		.op = DTP_PREP_DMA_VEC, .vecs = vecs, .cnt = nents, .dir = dir,
		.flags = flags,
	};
	size_t i;

	for (i = 0; i < nents; i++)
		a.len += vecs[i].len;
	dtp_record(to_dtp_chan(chan), &a);
	return dtp_desc_new(to_dtp_chan(chan), a.op, a.len, flags);
}

static struct dma_async_tx_descriptor *
dtp_prep_slave_sg(struct dma_chan *chan, struct scatterlist *sgl,
		  unsigned int sg_len, enum dma_transfer_direction dir,
		  unsigned long flags, void *context)
{
	struct dtp_prep_args a = {
		.op = DTP_PREP_SLAVE_SG, .sgl = sgl, .cnt = sg_len, .dir = dir,
		.flags = flags, .context = context,
	};

	if (sg_len) {
		a.sg0_addr = sg_dma_address(sgl);
		a.sg0_len = sg_dma_len(sgl);
	}
	a.len = dtp_sg_bytes(sgl, sg_len);
	dtp_record(to_dtp_chan(chan), &a);
	return dtp_desc_new(to_dtp_chan(chan), a.op, a.len, flags);
}

static struct dma_async_tx_descriptor *
dtp_prep_cyclic(struct dma_chan *chan, dma_addr_t buf, size_t buf_len,
		size_t period_len, enum dma_transfer_direction dir,
		unsigned long flags)
{
	struct dtp_prep_args a = {
		.op = DTP_PREP_CYCLIC, .dst = buf, .len = buf_len,
		.period_len = period_len, .dir = dir, .flags = flags,
	};

	dtp_record(to_dtp_chan(chan), &a);
	return dtp_desc_new(to_dtp_chan(chan), a.op, buf_len, flags);
}

static struct dma_async_tx_descriptor *
dtp_prep_interleaved(struct dma_chan *chan, struct dma_interleaved_template *xt,
		     unsigned long flags)
{
	struct dtp_prep_args a = {
		.op = DTP_PREP_INTERLEAVED, .xt = xt, .dir = xt->dir,
		.flags = flags,
	};
	size_t i;

	for (i = 0; i < xt->frame_size; i++)
		a.len += xt->sgl[i].size;
	a.len *= xt->numf;
	dtp_record(to_dtp_chan(chan), &a);
	return dtp_desc_new(to_dtp_chan(chan), a.op, a.len, flags);
}

static struct dma_async_tx_descriptor *
dtp_prep_imm_data(struct dma_chan *chan, dma_addr_t dst, u64 data,
		  unsigned long flags)
{
	struct dtp_prep_args a = {
		.op = DTP_PREP_IMM_DATA, .dst = dst, .imm = data,
		.len = sizeof(data), .flags = flags,
	};

	dtp_record(to_dtp_chan(chan), &a);
	return dtp_desc_new(to_dtp_chan(chan), a.op, a.len, flags);
}

static void dtp_caps(struct dma_chan *chan, struct dma_slave_caps *caps)
{
	struct dtp_chan *dc = to_dtp_chan(chan);

	dtp_note(dc, DTP_CAPS);
	if (dc->dtp->caps_max_sg_burst)
		caps->max_sg_burst = dc->dtp->caps_max_sg_burst;
	if (dc->dtp->caps_no_pause)
		caps->cmd_pause = false;
}

static int dtp_config(struct dma_chan *chan, struct dma_slave_config *cfg)
{
	struct dtp_chan *dc = to_dtp_chan(chan);
	unsigned long flags;

	dtp_note(dc, DTP_CONFIG);
	if (dc->dtp->fail[DTP_CONFIG])
		return dc->dtp->fail[DTP_CONFIG];
	spin_lock_irqsave(&dc->lock, flags);
	dc->cfg = *cfg;
	spin_unlock_irqrestore(&dc->lock, flags);
	return 0;
}

static int dtp_set_paused(struct dma_chan *chan, enum dtp_op op, bool paused)
{
	struct dtp_chan *dc = to_dtp_chan(chan);
	unsigned long flags;

	dtp_note(dc, op);
	if (dc->dtp->fail[op])
		return dc->dtp->fail[op];
	spin_lock_irqsave(&dc->lock, flags);
	dc->paused = paused;
	spin_unlock_irqrestore(&dc->lock, flags);
	return 0;
}

static int dtp_pause(struct dma_chan *chan)
{
	return dtp_set_paused(chan, DTP_PAUSE, true);
}

static int dtp_resume(struct dma_chan *chan)
{
	return dtp_set_paused(chan, DTP_RESUME, false);
}

static int dtp_terminate_all(struct dma_chan *chan)
{
	struct dtp_chan *dc = to_dtp_chan(chan);
	unsigned int dropped = 0;
	unsigned long flags;
	struct dtp_desc *d;

	dtp_note(dc, DTP_TERMINATE);
	if (dc->dtp->fail[DTP_TERMINATE])
		return dc->dtp->fail[DTP_TERMINATE];
	spin_lock_irqsave(&dc->lock, flags);
	list_for_each_entry(d, &dc->descs, node) {
		if (d->state == DTP_DESC_PENDING ||
		    d->state == DTP_DESC_ISSUED) {
			d->state = DTP_DESC_ABORTED;
			dropped++;
		}
	}
	dc->paused = false;
	spin_unlock_irqrestore(&dc->lock, flags);
	if (dropped)
		dmaengine_chan_note_aborted(chan, dropped);
	return 0;
}

static void dtp_synchronize(struct dma_chan *chan)
{
	struct dtp_chan *dc = to_dtp_chan(chan);

	dtp_note(dc, DTP_SYNCHRONIZE);
	dtp_stop_async(dc);
}

static enum dma_status dtp_tx_status(struct dma_chan *chan,
				     dma_cookie_t cookie,
				     struct dma_tx_state *state)
{
	struct dtp_chan *dc = to_dtp_chan(chan);
	enum dma_status status;
	unsigned long flags;
	struct dtp_desc *d;
	u32 residue = 0;

	dtp_note(dc, DTP_TX_STATUS);
	status = dma_cookie_status(chan, cookie, state);
	if (status == DMA_COMPLETE)
		return status;

	spin_lock_irqsave(&dc->lock, flags);
	list_for_each_entry(d, &dc->descs, node) {
		if (d->tx.cookie == cookie) {
			residue = d->residue;
			break;
		}
	}
	if (dc->paused)
		status = DMA_PAUSED;
	spin_unlock_irqrestore(&dc->lock, flags);
	if (dc->dtp->status_error)
		status = DMA_ERROR;
	dma_set_residue(state, residue);
	return status;
}

static void dtp_issue_pending(struct dma_chan *chan)
{
	struct dtp_chan *dc = to_dtp_chan(chan);
	enum dtp_completion mode;
	unsigned long flags;
	struct dtp_desc *d;
	u64 delay;

	dtp_note(dc, DTP_ISSUE_PENDING);
	spin_lock_irqsave(&dc->lock, flags);
	list_for_each_entry(d, &dc->descs, node)
		if (d->state == DTP_DESC_PENDING)
			d->state = DTP_DESC_ISSUED;
	mode = dc->mode;
	delay = dc->delay_ns;
	spin_unlock_irqrestore(&dc->lock, flags);

	switch (mode) {
	case DTP_COMPLETE_MANUAL:
		break;
	case DTP_COMPLETE_ON_ISSUE:
		dtp_complete(chan, UINT_MAX);
		break;
	case DTP_COMPLETE_WORK:
	case DTP_COMPLETE_HRTIMER:
		dtp_complete_later(chan, mode, delay);
		break;
	}
}

static void dtp_device_release(struct dma_device *dd)
{
	struct dtp *dtp = container_of(dd, struct dtp, dd);

	atomic_inc(&dtp->releases);
	atomic_set(&dtp->release_seq, atomic_inc_return(&dtp->seq));
}

/* ---- test-facing helpers ---- */

/**
 * dtp_calls() - how often the core called an entry point on a channel
 * @chan: a fake channel
 * @op: the entry point
 *
 * Context: any.
 * Return: the number of calls so far.
 */
unsigned int dtp_calls(struct dma_chan *chan, enum dtp_op op)
{
	return atomic_read(&to_dtp_chan(chan)->calls[op]);
}

/**
 * dtp_seq() - when the core last called an entry point on a channel
 * @chan: a fake channel
 * @op: the entry point
 *
 * Sequence numbers come from one counter per fake controller and start
 * at 1, so comparing two of them tells which call came last.
 *
 * Context: any.
 * Return: the sequence number of the last call, 0 if there was none.
 */
int dtp_seq(struct dma_chan *chan, enum dtp_op op)
{
	return atomic_read(&to_dtp_chan(chan)->seq[op]);
}

/**
 * dtp_count_state() - count a channel's descriptors in one state
 * @chan: a fake channel
 * @state: the state to count
 *
 * Context: any; takes the fake channel lock.
 * Return: the number of live descriptors in @state.
 */
unsigned int dtp_count_state(struct dma_chan *chan, enum dtp_desc_state state)
{
	struct dtp_chan *dc = to_dtp_chan(chan);
	unsigned int n = 0;
	unsigned long flags;
	struct dtp_desc *d;

	spin_lock_irqsave(&dc->lock, flags);
	list_for_each_entry(d, &dc->descs, node)
		n += d->state == state;
	spin_unlock_irqrestore(&dc->lock, flags);
	return n;
}

/**
 * dtp_set_result() - choose the result of the next completions
 * @chan: a fake channel
 * @result: transfer result handed to callback_result
 * @residue: residue handed to callback_result
 *
 * Context: any; takes the fake channel lock.
 */
void dtp_set_result(struct dma_chan *chan, enum dmaengine_tx_result result,
		    u32 residue)
{
	struct dtp_chan *dc = to_dtp_chan(chan);
	unsigned long flags;

	spin_lock_irqsave(&dc->lock, flags);
	dc->result.result = result;
	dc->result.residue = residue;
	spin_unlock_irqrestore(&dc->lock, flags);
}

/**
 * dtp_set_mode() - choose what issue_pending does with issued descriptors
 * @chan: a fake channel
 * @mode: completion mode
 * @delay_ns: hrtimer delay for %DTP_COMPLETE_HRTIMER
 *
 * Context: any; takes the fake channel lock.
 */
void dtp_set_mode(struct dma_chan *chan, enum dtp_completion mode,
		  u64 delay_ns)
{
	struct dtp_chan *dc = to_dtp_chan(chan);
	unsigned long flags;

	spin_lock_irqsave(&dc->lock, flags);
	dc->mode = mode;
	dc->delay_ns = delay_ns;
	spin_unlock_irqrestore(&dc->lock, flags);
}

/**
 * dtp_complete() - complete issued descriptors in the caller's context
 * @chan: a fake channel
 * @n: at most this many, oldest first
 *
 * Each completion records the cookie, reports the result set with
 * dtp_set_result(), releases the descriptor's unmap data and runs its
 * callback with no fake lock held.
 *
 * Context: any context a completion callback of @chan may run in.
 * Return: the number of descriptors completed.
 */
unsigned int dtp_complete(struct dma_chan *chan, unsigned int n)
{
	struct dtp_chan *dc = to_dtp_chan(chan);
	unsigned int done = 0;

	while (done < n && dtp_complete_one(dc))
		done++;
	return done;
}

/**
 * dtp_complete_later() - complete every issued descriptor asynchronously
 * @chan: a fake channel
 * @how: %DTP_COMPLETE_WORK or %DTP_COMPLETE_HRTIMER
 * @delay_ns: delay before the hrtimer fires (ignored for a work item)
 *
 * Context: any.
 */
void dtp_complete_later(struct dma_chan *chan, enum dtp_completion how,
			u64 delay_ns)
{
	struct dtp_chan *dc = to_dtp_chan(chan);

	if (how == DTP_COMPLETE_WORK)
		queue_work(system_unbound_wq, &dc->work);
	else if (how == DTP_COMPLETE_HRTIMER)
		hrtimer_start(&dc->timer, ns_to_ktime(delay_ns),
			      HRTIMER_MODE_REL);
}

/**
 * dtp_flush() - wait until queued asynchronous completions have run
 * @chan: a fake channel
 *
 * Context: process context, may sleep.
 */
void dtp_flush(struct dma_chan *chan)
{
	struct dtp_chan *dc = to_dtp_chan(chan);

	flush_work(&dc->work);
	while (hrtimer_active(&dc->timer))
		usleep_range(100, 200);
}

/* ---- controller set-up and teardown ---- */

/**
 * dtp_restore_callbacks() - set every &struct dma_device callback again
 * @dtp: a fake controller
 *
 * Undoes what a test removed; dtp_create() starts from this state.
 *
 * Context: any, while the core cannot call the controller.
 */
void dtp_restore_callbacks(struct dtp *dtp)
{
	struct dma_device *dd = &dtp->dd;

	dd->device_alloc_chan_resources = dtp_alloc_chan_resources;
	dd->device_free_chan_resources = dtp_free_chan_resources;
	dd->device_router_config = dtp_router_config;
	dd->device_prep_dma_memcpy = dtp_prep_memcpy;
	dd->device_prep_dma_xor = dtp_prep_xor;
	dd->device_prep_dma_xor_val = dtp_prep_xor_val;
	dd->device_prep_dma_pq = dtp_prep_pq;
	dd->device_prep_dma_pq_val = dtp_prep_pq_val;
	dd->device_prep_dma_memset = dtp_prep_memset;
	dd->device_prep_dma_memset_sg = dtp_prep_memset_sg;
	dd->device_prep_dma_interrupt = dtp_prep_interrupt;
	dd->device_prep_peripheral_dma_vec = dtp_prep_dma_vec;
	dd->device_prep_slave_sg = dtp_prep_slave_sg;
	dd->device_prep_dma_cyclic = dtp_prep_cyclic;
	dd->device_prep_interleaved_dma = dtp_prep_interleaved;
	dd->device_prep_dma_imm_data = dtp_prep_imm_data;
	dd->device_caps = dtp_caps;
	dd->device_config = dtp_config;
	dd->device_pause = dtp_pause;
	dd->device_resume = dtp_resume;
	dd->device_terminate_all = dtp_terminate_all;
	dd->device_synchronize = dtp_synchronize;
	dd->device_tx_status = dtp_tx_status;
	dd->device_issue_pending = dtp_issue_pending;
	dd->device_release = dtp_device_release;
}

static void dtp_set_slave_caps(struct dma_device *dd)
{
	u32 widths = BIT(DMA_SLAVE_BUSWIDTH_1_BYTE) |
		     BIT(DMA_SLAVE_BUSWIDTH_2_BYTES) |
		     BIT(DMA_SLAVE_BUSWIDTH_4_BYTES);

	dd->src_addr_widths = widths;
	dd->dst_addr_widths = widths | BIT(DMA_SLAVE_BUSWIDTH_8_BYTES);
	dd->directions = BIT(DMA_MEM_TO_DEV) | BIT(DMA_DEV_TO_MEM);
	dd->min_burst = 1;
	dd->max_burst = 16;
	dd->max_sg_burst = 8;
	dd->residue_granularity = DMA_RESIDUE_GRANULARITY_BURST;
	dd->max_xor = 8;
	dma_set_maxpq(dd, 8, 0);
}

static void dtp_chan_init(struct dtp *dtp, unsigned int i)
{
	struct dtp_chan *dc = &dtp->chans[i];

	dc->dtp = dtp;
	dc->index = i;
	spin_lock_init(&dc->lock);
	INIT_LIST_HEAD(&dc->descs);
	INIT_WORK(&dc->work, dtp_work_fn);
	hrtimer_init(&dc->timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	dc->timer.function = dtp_timer_fn;
	dc->chan.device = &dtp->dd;
	dma_cookie_init(&dc->chan);
	list_add_tail(&dc->chan.device_node, &dtp->dd.channels);
}

static void dtp_teardown(void *data)
{
	struct dtp *dtp = data;
	unsigned int i;

	if (dtp->registered && !dtp->managed) {
		dma_async_device_unregister(&dtp->dd);
		dtp->registered = false;
	}
	for (i = 0; i < dtp->nchan; i++) {
		dtp_stop_async(&dtp->chans[i]);
		dtp_free_descs(&dtp->chans[i]);
	}
}

/*
 * While any dmaengine_get() reference exists (async_tx takes one at boot
 * when it is built in) the core holds every channel of every public
 * device.  Tests that register public controllers give those references
 * back for their duration, so the core starts from zero, and take them
 * again at the very end, after their controllers are gone.
 */
struct dtp_isolation {
	struct kunit_resource res;
	int refs;
};

static void dtp_isolation_end(struct kunit_resource *res)
{
	struct dtp_isolation *iso = container_of(res, struct dtp_isolation, res);
	int i;

	for (i = 0; i < iso->refs; i++)
		dmaengine_get();
}

static const char dtp_isolation_name[] = "dtp-public-isolation";

/**
 * dtp_isolate_public() - give back the dmaengine_get() references for a test
 * @test: the test
 *
 * Measures the references with a public probe controller, drops them and
 * takes them again when the test ends.  Later calls in the same test do
 * nothing.  dtp_create() calls this for every public controller.
 *
 * Context: process context, may sleep.
 */
void dtp_isolate_public(struct kunit *test)
{
	struct kunit_resource *found;
	struct dtp_isolation *iso;
	struct dtp *probe;
	int i;

	found = kunit_find_named_resource(test, dtp_isolation_name);
	if (found) {
		kunit_put_resource(found);
		return;
	}
	iso = kunit_kzalloc(test, sizeof(*iso), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, iso);

	/* a public one-channel probe shows how many references are held */
	probe = dtp_create(test, "isolation-probe", 1,
			   BIT(DMA_MEMCPY) | BIT(DMA_PRIVATE));
	dma_cap_clear(DMA_PRIVATE, probe->dd.cap_mask);
	KUNIT_ASSERT_EQ(test, dtp_register(probe), 0);
	iso->refs = dtp_chan(probe, 0)->client_count;
	for (i = 0; i < iso->refs; i++)
		dmaengine_put();
	KUNIT_EXPECT_EQ(test, dtp_chan(probe, 0)->client_count, 0);
	dtp_unregister(probe);

	KUNIT_ASSERT_EQ(test, kunit_add_named_resource(test, NULL,
						       dtp_isolation_end,
						       &iso->res,
						       dtp_isolation_name,
						       NULL), 0);
}

/**
 * dtp_create() - build an unregistered fake controller
 * @test: the owning test
 * @name: name of the controller's KUnit device (unique within the test)
 * @nchan: number of channels
 * @caps: capabilities, as a bit mask of BIT(enum dma_transaction_type)
 *
 * Every callback of &struct dma_device is set; a test removes what it does
 * not want before dtp_register().  Unless @caps contains DMA_PRIVATE the
 * test's dmaengine_get() references are handed back first (see
 * dtp_isolate_public()).  Failures abort the test.
 *
 * Context: process context, may sleep.
 * Return: the new fake controller, freed when the test ends.
 */
struct dtp *dtp_create(struct kunit *test, const char *name,
		       unsigned int nchan, unsigned long caps)
{
	struct dtp *dtp;
	unsigned int i;

	if (!(caps & BIT(DMA_PRIVATE)))
		dtp_isolate_public(test);

	dtp = kunit_kzalloc(test, sizeof(*dtp), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, dtp);
	dtp->chans = kunit_kcalloc(test, nchan, sizeof(*dtp->chans),
				   GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, dtp->chans);
	dtp->dev = kunit_device_register(test, name);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, dtp->dev);
	KUNIT_ASSERT_NOT_NULL(test, dtp->dev->driver);

	dtp->test = test;
	dtp->nchan = nchan;
	mutex_init(&dtp->cb_mutex);
	dtp->dd.dev = dtp->dev;
	INIT_LIST_HEAD(&dtp->dd.channels);
	dtp->dd.cap_mask = dtp_mask(caps);
	dtp_restore_callbacks(dtp);
	dtp_set_slave_caps(&dtp->dd);
	for (i = 0; i < nchan; i++)
		dtp_chan_init(dtp, i);

	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, dtp_teardown,
							dtp), 0);
	return dtp;
}

/**
 * dtp_register() - register a fake controller with the core
 * @dtp: the fake controller
 *
 * The controller is unregistered when the test ends.
 *
 * Context: process context, may sleep.
 * Return: what dma_async_device_register() returned.
 */
int dtp_register(struct dtp *dtp)
{
	int ret = dma_async_device_register(&dtp->dd);

	if (!ret)
		dtp->registered = true;
	return ret;
}

/**
 * dtp_register_managed() - register a fake controller through devres
 * @dtp: the fake controller
 *
 * The controller is unregistered when its KUnit device goes away.
 *
 * Context: process context, may sleep.
 * Return: what dmaenginem_async_device_register() returned.
 */
int dtp_register_managed(struct dtp *dtp)
{
	int ret = dmaenginem_async_device_register(&dtp->dd);

	if (!ret) {
		dtp->registered = true;
		dtp->managed = true;
	}
	return ret;
}

/**
 * dtp_unregister() - unregister a fake controller before the test ends
 * @dtp: a fake controller registered with dtp_register()
 *
 * Context: process context, may sleep.
 */
void dtp_unregister(struct dtp *dtp)
{
	if (!dtp->registered || dtp->managed)
		return;
	dma_async_device_unregister(&dtp->dd);
	dtp->registered = false;
}

/**
 * dtp_create_registered() - build and register a fake controller
 * @test: the owning test
 * @name: name of the controller's KUnit device
 * @nchan: number of channels
 * @caps: capabilities, as a bit mask of BIT(enum dma_transaction_type)
 *
 * Context: process context, may sleep.
 * Return: the registered controller; a registration failure aborts the test.
 */
struct dtp *dtp_create_registered(struct kunit *test, const char *name,
				  unsigned int nchan, unsigned long caps)
{
	struct dtp *dtp = dtp_create(test, name, nchan, caps);

	KUNIT_ASSERT_EQ(test, dtp_register(dtp), 0);
	return dtp;
}

/**
 * dtp_add_slave_map() - add a dma_slave_map entry naming a fake channel
 * @dtp: an unregistered fake controller
 * @consumer: the consumer device the entry is for
 * @name: the channel name the consumer asks for
 * @chan_index: the channel the entry's filter accepts
 *
 * Context: process context, may sleep.
 */
void dtp_add_slave_map(struct dtp *dtp, struct device *consumer,
		       const char *name, unsigned int chan_index)
{
	struct kunit *test = dtp->test;
	struct dma_slave_map *m;

	KUNIT_ASSERT_LT(test, dtp->mapcnt, (int)ARRAY_SIZE(dtp->map));
	m = &dtp->map[dtp->mapcnt++];
	/* the map outlives the consumer's name when the consumer goes first */
	m->devname = kunit_kstrdup(test, dev_name(consumer), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, m->devname);
	m->slave = name;
	m->param = dtp_chan(dtp, chan_index);
	dtp->dd.filter.map = dtp->map;
	dtp->dd.filter.mapcnt = dtp->mapcnt;
	dtp->dd.filter.fn = dtp_filter_chan;
}

/**
 * dtp_filter_chan() - filter accepting exactly one channel
 * @chan: candidate channel
 * @param: the channel to accept
 *
 * Context: whatever the core's filter context is.
 * Return: true if @chan is @param.
 */
bool dtp_filter_chan(struct dma_chan *chan, void *param)
{
	return chan == param;
}

KUNIT_DEFINE_ACTION_WRAPPER(dtp_release_action, dma_release_channel,
			    struct dma_chan *);

/**
 * dtp_hold_channel() - release a channel when the test ends
 * @test: the owning test
 * @chan: an exclusively held channel
 *
 * dtp_release() gives it back earlier.
 *
 * Context: process context, may sleep.
 */
void dtp_hold_channel(struct kunit *test, struct dma_chan *chan)
{
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test,
							dtp_release_action,
							chan), 0);
}

/**
 * dtp_release() - release a channel taken with dtp_request() or
 *	dtp_hold_channel() now
 * @test: the owning test
 * @chan: the channel
 *
 * Context: process context, may sleep.
 */
void dtp_release(struct kunit *test, struct dma_chan *chan)
{
	kunit_release_action(test, dtp_release_action, chan);
}

/**
 * dtp_request() - take one fake channel exclusively
 * @test: the owning test
 * @dtp: a registered fake controller
 * @chan_index: the channel to take
 *
 * Requests the channel with dma_request_channel(), using the controller's
 * own capabilities as the mask, and releases it when the test ends.
 *
 * Context: process context, may sleep.
 * Return: the channel; failure aborts the test.
 */
struct dma_chan *dtp_request(struct kunit *test, struct dtp *dtp,
			     unsigned int chan_index)
{
	struct dma_chan *want = dtp_chan(dtp, chan_index);
	struct dma_chan *chan;
	dma_cap_mask_t mask;

	mask = dtp->dd.cap_mask;
	dma_cap_clear(DMA_PRIVATE, mask);
	dma_cap_clear(DMA_ASYNC_TX, mask);
	chan = dma_request_channel(mask, dtp_filter_chan, want);
	KUNIT_ASSERT_PTR_EQ(test, chan, want);
	dtp_hold_channel(test, chan);
	return chan;
}

/**
 * dtp_submit_memcpy() - prepare and submit a memcpy on a fake channel
 * @test: the owning test
 * @chan: a fake channel
 * @len: bytes the descriptor describes
 * @flags: prep flags
 *
 * The addresses are made up: the fake moves no data.
 *
 * Context: process context.
 * Return: the submitted descriptor; a failure aborts the test.
 */
struct dma_async_tx_descriptor *dtp_submit_memcpy(struct kunit *test,
						  struct dma_chan *chan,
						  size_t len,
						  unsigned long flags)
{
	struct dma_async_tx_descriptor *tx;
	dma_cookie_t cookie;

	tx = dmaengine_prep_dma_memcpy(chan, 0x10000, 0x20000, len, flags);
	KUNIT_ASSERT_NOT_NULL(test, tx);
	cookie = dmaengine_submit(tx);
	KUNIT_ASSERT_GE(test, cookie, DMA_MIN_COOKIE);
	return tx;
}

/**
 * struct dtp_attr - a sysfs attribute of a channel, kept across unregister
 * @kobj: the channel's class device kobject
 * @kn: the attribute's kernfs node, referenced
 */
struct dtp_attr {
	struct kobject *kobj;
	struct kernfs_node *kn;
};

static void dtp_attr_put(void *data)
{
	struct dtp_attr *attr = data;

	kernfs_put(attr->kn);
}

/**
 * dtp_chan_attr() - look up one sysfs attribute of a channel
 * @test: the owning test
 * @chan: a registered channel
 * @name: attribute file name
 *
 * The handle stays usable after the channel is unregistered, for as long
 * as the core keeps the class device itself alive.
 *
 * Context: process context, may sleep.
 * Return: the handle, released when the test ends; a missing attribute
 * aborts the test.
 */
struct dtp_attr *dtp_chan_attr(struct kunit *test, struct dma_chan *chan,
			       const char *name)
{
	struct dtp_attr *attr = kunit_kzalloc(test, sizeof(*attr), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, attr);
	KUNIT_ASSERT_NOT_NULL(test, chan->dev);
	attr->kobj = &chan->dev->device.kobj;
	attr->kn = kernfs_find_and_get(attr->kobj->sd, name);
	KUNIT_ASSERT_NOT_NULL_MSG(test, attr->kn, "no sysfs attribute %s",
				  name);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, dtp_attr_put,
							attr), 0);
	return attr;
}

/**
 * dtp_attr_show() - run an attribute's show method
 * @attr: a handle from dtp_chan_attr()
 * @buf: a page-sized, page-aligned buffer
 *
 * Runs the show method the way a read of the sysfs file does, without
 * needing a mounted sysfs.
 *
 * Context: process context, may sleep.
 * Return: what the show method returned.
 */
ssize_t dtp_attr_show(struct dtp_attr *attr, char *buf)
{
	memset(buf, 0, PAGE_SIZE);
	return attr->kobj->ktype->sysfs_ops->show(attr->kobj, attr->kn->priv,
						  buf);
}

/**
 * dtp_read_chan_attr() - read one sysfs attribute of a channel
 * @test: the owning test
 * @chan: a registered channel
 * @name: attribute file name
 * @buf: a page-sized, page-aligned buffer
 *
 * Context: process context, may sleep.
 * Return: what the show method returned; a missing attribute aborts the
 * test.
 */
ssize_t dtp_read_chan_attr(struct kunit *test, struct dma_chan *chan,
			   const char *name, char *buf)
{
	struct dtp_attr *attr = dtp_chan_attr(test, chan, name);
	ssize_t ret = dtp_attr_show(attr, buf);

	kunit_release_action(test, dtp_attr_put, attr);
	kunit_kfree(test, attr);
	return ret;
}

/**
 * dtp_read_debugfs() - read a debugfs file
 * @path: path below the debugfs root, e.g. "dmaengine/summary"
 * @buf: receives the contents, NUL-terminated
 * @size: size of @buf
 *
 * Mounts a private instance of debugfs (the file system has a single
 * superblock, so it shows the same tree) and reads the file through the
 * VFS, the way a user would, without needing a mounted /sys/kernel/debug.
 *
 * Context: process context, may sleep.
 * Return: bytes read, or a negative errno (-ENOENT for a missing file).
 */
ssize_t dtp_read_debugfs(const char *path, char *buf, size_t size)
{
	struct file_system_type *type;
	struct vfsmount *mnt;
	ssize_t got = 0, n = 0;
	struct file *f;
	loff_t pos = 0;

	if (size < 2)
		return -EINVAL;
	type = get_fs_type("debugfs");
	if (!type)
		return -ENODEV;
	mnt = vfs_kern_mount(type, SB_KERNMOUNT, "debugfs", NULL);
	put_filesystem(type);
	if (IS_ERR(mnt))
		return PTR_ERR(mnt);
	f = file_open_root_mnt(mnt, path, O_RDONLY, 0);
	if (IS_ERR(f)) {
		mntput(mnt);
		return PTR_ERR(f);
	}
	while (got < size - 1) {
		n = kernel_read(f, buf + got, size - 1 - got, &pos);
		if (n <= 0)
			break;
		got += n;
	}
	buf[got] = '\0';
	fput(f);
	mntput(mnt);
	return n < 0 ? n : got;
}

/**
 * dtp_count_devices() - count the registered DMA devices
 * @test: the test
 *
 * Counts the device headers of the core's debugfs summary, one per
 * registered device.  Without debugfs the test is skipped.
 *
 * Context: process context, may sleep.
 * Return: the number of registered devices.
 */
int dtp_count_devices(struct kunit *test)
{
	const size_t size = 65536;
	char *buf = kunit_kzalloc(test, size, GFP_KERNEL);
	const char *p;
	ssize_t len;
	int n = 0;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	if (!IS_ENABLED(CONFIG_DEBUG_FS))
		kunit_skip(test, "counting devices needs CONFIG_DEBUG_FS");
	len = dtp_read_debugfs("dmaengine/summary", buf, size);
	KUNIT_ASSERT_GE(test, len, (ssize_t)0);
	/* every device header line: "dma<id> (<name>): number of channels: <n>" */
	for (p = strstr(buf, "): number of channels: "); p;
	     p = strstr(p + 1, "): number of channels: "))
		n++;
	kunit_kfree(test, buf);
	return n;
}

/* ---- kernel log capture ---- */

/**
 * struct dtp_log - kernel messages printed while a test runs
 * @test: the owning test
 * @used: bytes reserved in @buf so far (lockless writers)
 * @size: size of @buf; the last byte always stays NUL
 * @buf: the messages, concatenated, NUL-terminated
 */
struct dtp_log {
	struct kunit *test;
	atomic_t used;
	int size;
	char *buf;
};

/* Probe on the printk "console" tracepoint; may run in any context. */
static void dtp_log_probe(void *data, const char *text, size_t len)
{
	struct dtp_log *log = data;
	int end, start;

	if (len >= (size_t)log->size)
		return;
	/* one line per message: the text plus a newline */
	end = atomic_add_return(len + 1, &log->used);
	start = end - len - 1;
	if (end < log->size) {
		memcpy(log->buf + start, text, len);
		log->buf[start + len] = '\n';
	}
}

static void dtp_log_stop(void *data)
{
	struct dtp_log *log = data;

	unregister_trace_console(dtp_log_probe, log);
	tracepoint_synchronize_unregister();
}

/**
 * dtp_log_capture() - start recording kernel messages for a test
 * @test: the test
 *
 * Recording stops when the test ends.  Without tracepoints the test is
 * skipped.
 *
 * Context: process context, may sleep.
 * Return: the recorder, for dtp_log_has().
 */
struct dtp_log *dtp_log_capture(struct kunit *test)
{
	struct dtp_log *log;
	int ret;

	log = kunit_kzalloc(test, sizeof(*log), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, log);
	log->test = test;
	log->size = 16384;
	log->buf = kunit_kzalloc(test, log->size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, log->buf);
	if (!IS_ENABLED(CONFIG_TRACEPOINTS))
		kunit_skip(test, "message capture needs CONFIG_TRACEPOINTS");
	ret = register_trace_console(dtp_log_probe, log);
	KUNIT_ASSERT_EQ(test, ret, 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, dtp_log_stop,
							log), 0);
	return log;
}

/**
 * dtp_log_has() - tell whether a recorded message contains a string
 * @log: the recorder
 * @needle: the string
 *
 * Context: any.
 * Return: true if @needle appears in what was recorded so far.
 */
bool dtp_log_has(struct dtp_log *log, const char *needle)
{
	return !!strstr(log->buf, needle);
}

/**
 * dtp_log_count() - count the occurrences of a string in recorded messages
 * @log: the recorder
 * @needle: the string
 *
 * Context: any.
 * Return: how often @needle appears in what was recorded so far.
 */
unsigned int dtp_log_count(struct dtp_log *log, const char *needle)
{
	unsigned int n = 0;
	const char *p;

	for (p = strstr(log->buf, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

/**
 * dtp_log_reset() - forget what was recorded so far
 * @log: the recorder
 *
 * Context: process context, while the test itself prints nothing.
 */
void dtp_log_reset(struct dtp_log *log)
{
	memset(log->buf, 0, log->size);
	atomic_set(&log->used, 0);
}

/* ---- dmaengine trace event recording ---- */

static bool dtp_trace_wants(struct dtp_trace *t, struct dma_chan *chan)
{
	return chan && chan->device == t->dd;
}

static void dtp_tp_prep(void *data, struct dma_chan *chan,
			struct dma_async_tx_descriptor *tx, unsigned int op,
			unsigned long flags)
{
	struct dtp_trace *t = data;

	if (!dtp_trace_wants(t, chan))
		return;
	t->prep_type = op;
	t->prep_tx = tx;
	atomic_inc(&t->count[DTP_EV_PREP]);
}

static void dtp_tp_submit(void *data, struct dma_async_tx_descriptor *tx,
			  dma_cookie_t cookie)
{
	struct dtp_trace *t = data;

	if (!dtp_trace_wants(t, tx->chan))
		return;
	t->cookie = cookie;
	atomic_inc(&t->count[DTP_EV_SUBMIT]);
}

static void dtp_tp_complete(void *data, struct dma_async_tx_descriptor *tx,
			    dma_cookie_t cookie)
{
	struct dtp_trace *t = data;

	if (!dtp_trace_wants(t, tx->chan))
		return;
	t->cookie = cookie;
	atomic_inc(&t->count[DTP_EV_COMPLETE]);
}

static void dtp_tp_result(void *data, struct dma_chan *chan,
			  const struct dmaengine_result *res)
{
	struct dtp_trace *t = data;

	if (!dtp_trace_wants(t, chan))
		return;
	t->result = res->result;
	atomic_inc(&t->count[DTP_EV_RESULT]);
}

static void dtp_tp_issue(void *data, struct dma_chan *chan)
{
	struct dtp_trace *t = data;

	if (dtp_trace_wants(t, chan))
		atomic_inc(&t->count[DTP_EV_ISSUE]);
}

static void dtp_tp_terminate(void *data, struct dma_chan *chan, int ret)
{
	struct dtp_trace *t = data;

	if (!dtp_trace_wants(t, chan))
		return;
	t->terminate_ret = ret;
	atomic_inc(&t->count[DTP_EV_TERMINATE]);
}

static void dtp_tp_synchronize(void *data, struct dma_chan *chan)
{
	struct dtp_trace *t = data;

	if (dtp_trace_wants(t, chan))
		atomic_inc(&t->count[DTP_EV_SYNCHRONIZE]);
}

static void dtp_tp_request(void *data, struct dma_chan *chan,
			   const char *client)
{
	struct dtp_trace *t = data;

	if (!dtp_trace_wants(t, chan))
		return;
	strscpy(t->client, client ? client : "", sizeof(t->client));
	atomic_inc(&t->count[DTP_EV_REQUEST]);
}

static void dtp_tp_release(void *data, struct dma_chan *chan)
{
	struct dtp_trace *t = data;

	if (!dtp_trace_wants(t, chan))
		return;
	t->clients = chan->client_count;
	atomic_inc(&t->count[DTP_EV_RELEASE]);
}

static void dtp_trace_stop(void *data)
{
	struct dtp_trace *t = data;

	unregister_trace_dmaengine_tx_prep(dtp_tp_prep, t);
	unregister_trace_dmaengine_tx_submit(dtp_tp_submit, t);
	unregister_trace_dmaengine_tx_complete(dtp_tp_complete, t);
	unregister_trace_dmaengine_tx_result(dtp_tp_result, t);
	unregister_trace_dmaengine_chan_issue(dtp_tp_issue, t);
	unregister_trace_dmaengine_chan_terminate(dtp_tp_terminate, t);
	unregister_trace_dmaengine_chan_synchronize(dtp_tp_synchronize, t);
	unregister_trace_dmaengine_chan_request(dtp_tp_request, t);
	unregister_trace_dmaengine_chan_release(dtp_tp_release, t);
	tracepoint_synchronize_unregister();
}

/**
 * dtp_trace_start() - record the dmaengine trace events of a device
 * @test: the test
 * @dd: the device whose channels' events are recorded
 *
 * Attaches a probe to every dmaengine trace event, which also switches on
 * the out-of-line trace helpers of the core.  Recording stops when the
 * test ends.  Without tracepoints the test is skipped.
 *
 * Context: process context, may sleep.
 * Return: the recorder.
 */
struct dtp_trace *dtp_trace_start(struct kunit *test, struct dma_device *dd)
{
	struct dtp_trace *t;
	int ret = 0;

	if (!IS_ENABLED(CONFIG_TRACEPOINTS))
		kunit_skip(test, "trace recording needs CONFIG_TRACEPOINTS");
	t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, t);
	t->dd = dd;
	/* registered as a whole, so that the stop action undoes every one */
	ret |= register_trace_dmaengine_tx_prep(dtp_tp_prep, t);
	ret |= register_trace_dmaengine_tx_submit(dtp_tp_submit, t);
	ret |= register_trace_dmaengine_tx_complete(dtp_tp_complete, t);
	ret |= register_trace_dmaengine_tx_result(dtp_tp_result, t);
	ret |= register_trace_dmaengine_chan_issue(dtp_tp_issue, t);
	ret |= register_trace_dmaengine_chan_terminate(dtp_tp_terminate, t);
	ret |= register_trace_dmaengine_chan_synchronize(dtp_tp_synchronize, t);
	ret |= register_trace_dmaengine_chan_request(dtp_tp_request, t);
	ret |= register_trace_dmaengine_chan_release(dtp_tp_release, t);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, dtp_trace_stop, t),
			0);
	KUNIT_ASSERT_EQ(test, ret, 0);
	return t;
}
