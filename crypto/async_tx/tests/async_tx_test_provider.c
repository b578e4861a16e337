// SPDX-License-Identifier: GPL-2.0
/*
 * A software DMA engine provider for the async_tx suites.
 *
 * One public channel built on virt-dma, doing memcpy, xor, xor check, P+Q,
 * P+Q check and interrupt descriptors with the CPU from an ordered
 * workqueue, one descriptor at a time in submission order.  It behaves
 * like a provider async_tx is written for: completed descriptors stay
 * allocated until acknowledged, unmap data is dropped and dependants are
 * run (dma_run_dependencies()) when a descriptor is retired, and the
 * source limits (max_xor, max_pq, P+Q continuation) are enforced so that
 * a split done wrong shows up as a refused prep in the counters.
 *
 * Fault knobs: preps that return NULL, descriptors that complete with
 * DMA_TRANS_WRITE_FAILED (tx_status then says DMA_ERROR), and a hold that
 * keeps issued work waiting.
 *
 * The file also holds what the suites share: the CPU/offload switch (a
 * KUnit static stub on __async_tx_find_channel(), so that a simulated
 * controller registered at boot never gets the work), callback counting
 * and the CPU references.
 */

#include <kunit/device.h>
#include <kunit/static_stub.h>
#include <kunit/test.h>
#include <linux/dma-direct.h>
#include <linux/dma-mapping.h>
#include <linux/module.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

#include "virt-dma.h"
#include "async_tx_test.h"

/* Failed cookies a channel remembers for tx_status. */
#define ATP_FAILED_COOKIES	16

/* How long a test waits for a callback. */
#define AT_WAIT_MS		5000

/**
 * struct atp_desc - one descriptor of the test provider
 * @vd: virt-dma part
 * @park: link in &atp.parked while completed and not acknowledged
 * @type: operation
 * @dst: destination(s): P and Q for P+Q, P and Q read by P+Q checks
 * @src: sources
 * @coef: P+Q coefficients
 * @cnt: number of sources
 * @len: bytes
 * @result: where a check writes its result
 * @completed: ran (set under the channel lock before completion)
 */
struct atp_desc {
	struct virt_dma_desc vd;
	struct list_head park;
	enum dma_transaction_type type;
	dma_addr_t dst[2];
	dma_addr_t src[ATP_MAX_SRC];
	u8 coef[ATP_MAX_SRC];
	unsigned int cnt;
	size_t len;
	enum sum_check_flags *result;
	bool completed;
};

/* "skip" operations pass, then "count" fail (count < 0: all fail). */
struct atp_fault {
	int skip;
	int count;
};

/**
 * struct atp - the test provider
 * @dd: the DMA device
 * @vc: its only channel
 * @dev: the KUnit device the pages are mapped for
 * @wq: ordered workqueue doing the work
 * @work: runs the issued descriptors
 * @released: completed by device_release
 * @registered: dma_async_device_register() succeeded
 * @lock: protects the fault knobs
 * @prep_fault: preps to fail (under @lock)
 * @done_fault: completions to fail (under @lock)
 * @hold: keep issued work waiting (under @vc.lock)
 * @parked: completed, unacknowledged descriptors (under @vc.lock)
 * @failed: recently failed cookies (under @vc.lock)
 * @nfailed: entries written to @failed so far (under @vc.lock)
 * @preps: preps asked for, by type
 * @runs: descriptors run, by type
 * @max_srcs: most sources seen in a prep, by type
 * @bad_preps: preps refused for breaking the device's limits
 * @continue_preps: P+Q preps with DMA_PREP_CONTINUE
 * @failed_preps: preps failed on purpose
 */
struct atp {
	struct dma_device dd;
	struct virt_dma_chan vc;
	struct device *dev;
	struct workqueue_struct *wq;
	struct work_struct work;
	struct completion released;
	bool registered;
	spinlock_t lock;		/* fault knobs */
	struct atp_fault prep_fault;
	struct atp_fault done_fault;
	bool hold;
	struct list_head parked;
	dma_cookie_t failed[ATP_FAILED_COOKIES];
	unsigned int nfailed;
	atomic_t preps[DMA_TX_TYPE_END];
	atomic_t runs[DMA_TX_TYPE_END];
	atomic_t max_srcs[DMA_TX_TYPE_END];
	atomic_t bad_preps;
	atomic_t continue_preps;
	atomic_t failed_preps;
};

static struct atp *to_atp(struct dma_chan *chan)
{
	return container_of(to_virt_chan(chan), struct atp, vc);
}

static struct atp_desc *to_atp_desc(struct virt_dma_desc *vd)
{
	return container_of(vd, struct atp_desc, vd);
}

static bool atp_fault_take(struct atp *atp, struct atp_fault *f)
{
	bool fail = false;

	spin_lock(&atp->lock);
	if (f->skip > 0) {
		f->skip--;
	} else if (f->count) {
		fail = true;
		if (f->count > 0)
			f->count--;
	}
	spin_unlock(&atp->lock);
	return fail;
}

/* Free parked descriptors that are acknowledged (or all of them). */
static void atp_reap(struct atp *atp, bool all)
{
	struct atp_desc *d, *tmp;
	unsigned long flags;
	LIST_HEAD(done);

	spin_lock_irqsave(&atp->vc.lock, flags);
	list_for_each_entry_safe(d, tmp, &atp->parked, park)
		if (all || async_tx_test_ack(&d->vd.tx))
			list_move_tail(&d->park, &done);
	spin_unlock_irqrestore(&atp->vc.lock, flags);

	list_for_each_entry_safe(d, tmp, &done, park)
		kfree(d);
}

/* virt-dma's desc_free hook, called without the channel lock. */
static void atp_vdesc_free(struct virt_dma_desc *vd)
{
	struct atp *atp = to_atp(vd->tx.chan);
	struct atp_desc *d = to_atp_desc(vd);
	unsigned long flags;

	dma_descriptor_unmap(&vd->tx);
	if (d->completed) {
		dma_run_dependencies(&vd->tx);
		if (!async_tx_test_ack(&vd->tx)) {
			spin_lock_irqsave(&atp->vc.lock, flags);
			list_add_tail(&d->park, &atp->parked);
			spin_unlock_irqrestore(&atp->vc.lock, flags);
			return;
		}
	}
	kfree(d);
}

static void atp_note_max(atomic_t *max, unsigned int cnt)
{
	int old = atomic_read(max);

	while (old < (int)cnt && !atomic_try_cmpxchg(max, &old, cnt))
		;
}

/* Common start of every prep: bookkeeping, faults, allocation. */
static struct atp_desc *atp_desc_new(struct dma_chan *chan,
				     enum dma_transaction_type type,
				     unsigned int cnt, size_t len,
				     unsigned long flags)
{
	struct atp *atp = to_atp(chan);
	struct atp_desc *d;

	atp_reap(atp, false);
	atomic_inc(&atp->preps[type]);
	atp_note_max(&atp->max_srcs[type], cnt);
	if (flags & DMA_PREP_CONTINUE)
		atomic_inc(&atp->continue_preps);
	if (atp_fault_take(atp, &atp->prep_fault)) {
		atomic_inc(&atp->failed_preps);
		return NULL;
	}
	d = kzalloc(sizeof(*d), GFP_NOWAIT);
	if (!d)
		return NULL;
	d->type = type;
	d->cnt = cnt;
	d->len = len;
	return d;
}

static struct dma_async_tx_descriptor *atp_bad(struct dma_chan *chan)
{
	atomic_inc(&to_atp(chan)->bad_preps);
	return NULL;
}

static struct dma_async_tx_descriptor *
atp_finish_prep(struct dma_chan *chan, struct atp_desc *d, dma_addr_t *src,
		const unsigned char *coef, unsigned long flags)
{
	unsigned int i;

	for (i = 0; src && i < d->cnt; i++) {
		d->src[i] = src[i];
		d->coef[i] = coef ? coef[i] : 0;
	}
	return vchan_tx_prep(&to_atp(chan)->vc, &d->vd, flags);
}

static struct dma_async_tx_descriptor *
atp_prep_memcpy(struct dma_chan *chan, dma_addr_t dst, dma_addr_t src,
		size_t len, unsigned long flags)
{
	struct atp_desc *d = atp_desc_new(chan, DMA_MEMCPY, 1, len, flags);

	if (!d)
		return NULL;
	d->dst[0] = dst;
	return atp_finish_prep(chan, d, &src, NULL, flags);
}

static struct dma_async_tx_descriptor *
atp_prep_xor(struct dma_chan *chan, dma_addr_t dst, dma_addr_t *src,
	     unsigned int src_cnt, size_t len, unsigned long flags)
{
	struct atp_desc *d;

	if (!src_cnt || src_cnt > chan->device->max_xor || src_cnt > ATP_MAX_SRC)
		return atp_bad(chan);
	d = atp_desc_new(chan, DMA_XOR, src_cnt, len, flags);
	if (!d)
		return NULL;
	d->dst[0] = dst;
	return atp_finish_prep(chan, d, src, NULL, flags);
}

static struct dma_async_tx_descriptor *
atp_prep_xor_val(struct dma_chan *chan, dma_addr_t *src, unsigned int src_cnt,
		 size_t len, enum sum_check_flags *result, unsigned long flags)
{
	struct atp_desc *d;

	if (!src_cnt || src_cnt > chan->device->max_xor || src_cnt > ATP_MAX_SRC)
		return atp_bad(chan);
	d = atp_desc_new(chan, DMA_XOR_VAL, src_cnt, len, flags);
	if (!d)
		return NULL;
	d->result = result;
	return atp_finish_prep(chan, d, src, NULL, flags);
}

static bool atp_pq_ok(struct dma_chan *chan, unsigned int src_cnt,
		      unsigned long flags)
{
	unsigned long both = DMA_PREP_PQ_DISABLE_P | DMA_PREP_PQ_DISABLE_Q;

	return src_cnt && src_cnt <= ATP_MAX_SRC && (flags & both) != both &&
	       (int)src_cnt <= dma_maxpq(chan->device, flags);
}

static struct dma_async_tx_descriptor *
atp_prep_pq(struct dma_chan *chan, dma_addr_t *dst, dma_addr_t *src,
	    unsigned int src_cnt, const unsigned char *scf, size_t len,
	    unsigned long flags)
{
	struct atp_desc *d;

	if (!atp_pq_ok(chan, src_cnt, flags))
		return atp_bad(chan);
	d = atp_desc_new(chan, DMA_PQ, src_cnt, len, flags);
	if (!d)
		return NULL;
	d->dst[0] = dst[0];
	d->dst[1] = dst[1];
	return atp_finish_prep(chan, d, src, scf, flags);
}

static struct dma_async_tx_descriptor *
atp_prep_pq_val(struct dma_chan *chan, dma_addr_t *pq, dma_addr_t *src,
		unsigned int src_cnt, const unsigned char *scf, size_t len,
		enum sum_check_flags *pqres, unsigned long flags)
{
	struct atp_desc *d;

	if (!atp_pq_ok(chan, src_cnt, flags) || (flags & DMA_PREP_CONTINUE))
		return atp_bad(chan);
	d = atp_desc_new(chan, DMA_PQ_VAL, src_cnt, len, flags);
	if (!d)
		return NULL;
	d->dst[0] = pq[0];
	d->dst[1] = pq[1];
	d->result = pqres;
	return atp_finish_prep(chan, d, src, scf, flags);
}

static struct dma_async_tx_descriptor *
atp_prep_interrupt(struct dma_chan *chan, unsigned long flags)
{
	struct atp_desc *d = atp_desc_new(chan, DMA_INTERRUPT, 0, 0, flags);

	if (!d)
		return NULL;
	return atp_finish_prep(chan, d, NULL, NULL, flags);
}

/* ---- the "hardware" ---------------------------------------------- */

static u8 *atp_va(struct atp *atp, dma_addr_t addr)
{
	return phys_to_virt(dma_to_phys(atp->dev, addr));
}

/* P and Q (either may be skipped) of the sources into @p and @q. */
static void atp_compute_pq(struct atp *atp, const struct atp_desc *d,
			   u8 *p, u8 *q)
{
	unsigned int k;
	size_t b;
	u8 *s;

	for (k = 0; k < d->cnt; k++) {
		s = atp_va(atp, d->src[k]);
		for (b = 0; b < d->len; b++) {
			p[b] ^= s[b];
			q[b] ^= at_gf_mul(d->coef[k], s[b]);
		}
	}
}

static void atp_run_pq(struct atp *atp, struct atp_desc *d, u8 *p, u8 *q)
{
	unsigned long flags = d->vd.tx.flags;
	bool use_p = !(flags & DMA_PREP_PQ_DISABLE_P);
	bool use_q = !(flags & DMA_PREP_PQ_DISABLE_Q);
	enum sum_check_flags res = 0;

	if (d->type == DMA_PQ && (flags & DMA_PREP_CONTINUE)) {
		if (use_p)
			memcpy(p, atp_va(atp, d->dst[0]), d->len);
		if (use_q)
			memcpy(q, atp_va(atp, d->dst[1]), d->len);
	}
	atp_compute_pq(atp, d, p, q);
	if (d->type == DMA_PQ) {
		if (use_p)
			memcpy(atp_va(atp, d->dst[0]), p, d->len);
		if (use_q)
			memcpy(atp_va(atp, d->dst[1]), q, d->len);
		return;
	}
	if (use_p && memcmp(p, atp_va(atp, d->dst[0]), d->len))
		res |= SUM_CHECK_P_RESULT;
	if (use_q && memcmp(q, atp_va(atp, d->dst[1]), d->len))
		res |= SUM_CHECK_Q_RESULT;
	*d->result = res;
}

/* Carry out one descriptor; results go through buffers (dest may be a source). */
static bool atp_run(struct atp *atp, struct atp_desc *d)
{
	u8 *buf = NULL;
	unsigned int k;
	size_t b;

	if (d->len) {
		buf = kzalloc(2 * d->len, GFP_KERNEL);
		if (!buf)
			return false;
	}
	switch (d->type) {
	case DMA_MEMCPY:
		memmove(atp_va(atp, d->dst[0]), atp_va(atp, d->src[0]), d->len);
		break;
	case DMA_XOR:
	case DMA_XOR_VAL:
		for (k = 0; k < d->cnt; k++)
			for (b = 0; b < d->len; b++)
				buf[b] ^= atp_va(atp, d->src[k])[b];
		if (d->type == DMA_XOR)
			memcpy(atp_va(atp, d->dst[0]), buf, d->len);
		else
			*d->result = memchr_inv(buf, 0, d->len) ? SUM_CHECK_P_RESULT : 0;
		break;
	case DMA_PQ:
	case DMA_PQ_VAL:
		atp_run_pq(atp, d, buf, buf + d->len);
		break;
	default:
		break;
	}
	kfree(buf);
	atomic_inc(&atp->runs[d->type]);
	return true;
}

static void atp_complete(struct atp *atp, struct virt_dma_desc *vd, bool ok)
{
	unsigned long flags;

	local_bh_disable();	/* the completion tasklet runs on enable */
	spin_lock_irqsave(&atp->vc.lock, flags);
	vd->tx_result.result = ok ? DMA_TRANS_NOERROR : DMA_TRANS_WRITE_FAILED;
	if (!ok)
		atp->failed[atp->nfailed++ % ATP_FAILED_COOKIES] = vd->tx.cookie;
	to_atp_desc(vd)->completed = true;
	vchan_cookie_complete(vd);
	spin_unlock_irqrestore(&atp->vc.lock, flags);
	local_bh_enable();
}

static void atp_work(struct work_struct *work)
{
	struct atp *atp = container_of(work, struct atp, work);
	struct virt_dma_desc *vd;
	unsigned long flags;
	bool ok;

	for (;;) {
		spin_lock_irqsave(&atp->vc.lock, flags);
		vd = atp->hold ? NULL : vchan_next_desc(&atp->vc);
		if (vd)
			list_del(&vd->node);
		spin_unlock_irqrestore(&atp->vc.lock, flags);
		if (!vd)
			return;

		ok = !atp_fault_take(atp, &atp->done_fault) &&
		     atp_run(atp, to_atp_desc(vd));
		atp_complete(atp, vd, ok);
	}
}

static void atp_issue_pending(struct dma_chan *chan)
{
	struct atp *atp = to_atp(chan);
	unsigned long flags;

	spin_lock_irqsave(&atp->vc.lock, flags);
	if (vchan_issue_pending(&atp->vc) && !atp->hold)
		queue_work(atp->wq, &atp->work);
	spin_unlock_irqrestore(&atp->vc.lock, flags);
}

static enum dma_status atp_tx_status(struct dma_chan *chan, dma_cookie_t cookie,
				     struct dma_tx_state *state)
{
	enum dma_status status = dma_cookie_status(chan, cookie, state);
	struct atp *atp = to_atp(chan);
	unsigned long flags;
	unsigned int i;

	if (status != DMA_COMPLETE)
		return status;
	spin_lock_irqsave(&atp->vc.lock, flags);
	for (i = 0; i < min(atp->nfailed, ATP_FAILED_COOKIES); i++)
		if (atp->failed[i] == cookie)
			status = DMA_ERROR;
	spin_unlock_irqrestore(&atp->vc.lock, flags);
	return status;
}

static int atp_alloc_chan_resources(struct dma_chan *chan)
{
	return 0;
}

static void atp_free_chan_resources(struct dma_chan *chan)
{
	struct atp *atp = to_atp(chan);

	flush_work(&atp->work);
	vchan_free_chan_resources(&atp->vc);
	atp_reap(atp, true);
}

static int atp_terminate_all(struct dma_chan *chan)
{
	struct atp *atp = to_atp(chan);
	unsigned long flags;
	LIST_HEAD(head);

	spin_lock_irqsave(&atp->vc.lock, flags);
	vchan_get_all_descriptors(&atp->vc, &head);
	spin_unlock_irqrestore(&atp->vc.lock, flags);
	vchan_dma_desc_free_list(&atp->vc, &head);
	return 0;
}

static void atp_synchronize(struct dma_chan *chan)
{
	struct atp *atp = to_atp(chan);

	flush_work(&atp->work);
	vchan_synchronize(&atp->vc);
}

static void atp_release(struct dma_device *dd)
{
	complete(&container_of(dd, struct atp, dd)->released);
}

static void atp_teardown(void *data)
{
	struct atp *atp = data;
	bool released = true;

	if (atp->registered) {
		dma_async_device_unregister(&atp->dd);
		released = wait_for_completion_timeout(&atp->released,
						       msecs_to_jiffies(AT_WAIT_MS));
	}
	if (atp->wq)
		destroy_workqueue(atp->wq);
	atp_reap(atp, true);
	/* a device still referenced somewhere must not be freed */
	if (!WARN_ON(!released))
		kfree(atp);
}

static void atp_setup_device(struct atp *atp, const struct atp_options *opt)
{
	struct dma_device *dd = &atp->dd;
	int bit;

	dd->dev = atp->dev;
	INIT_LIST_HEAD(&dd->channels);
	dma_cap_zero(dd->cap_mask);
	for_each_set_bit(bit, &opt->caps, DMA_TX_TYPE_END)
		dma_cap_set(bit, dd->cap_mask);
	dd->max_xor = opt->max_xor;
	dma_set_maxpq(dd, opt->max_pq, opt->pq_continue);
	dd->copy_align = opt->align;
	dd->xor_align = opt->align;
	dd->pq_align = opt->align;

	dd->device_prep_dma_memcpy = atp_prep_memcpy;
	dd->device_prep_dma_xor = atp_prep_xor;
	dd->device_prep_dma_xor_val = atp_prep_xor_val;
	dd->device_prep_dma_pq = atp_prep_pq;
	dd->device_prep_dma_pq_val = atp_prep_pq_val;
	dd->device_prep_dma_interrupt = atp_prep_interrupt;
	dd->device_alloc_chan_resources = atp_alloc_chan_resources;
	dd->device_free_chan_resources = atp_free_chan_resources;
	dd->device_terminate_all = atp_terminate_all;
	dd->device_synchronize = atp_synchronize;
	dd->device_tx_status = atp_tx_status;
	dd->device_issue_pending = atp_issue_pending;
	dd->device_release = atp_release;

	atp->vc.desc_free = atp_vdesc_free;
	vchan_init(&atp->vc, dd);
}

/**
 * atp_create() - register a public test provider for one test
 * @test: the test; the provider is unregistered when it ends
 * @name: name of its KUnit device (unique within the test)
 * @opt: its shape
 *
 * Context: process context.
 * Return: the provider; failures abort the test.
 */
struct atp *atp_create(struct kunit *test, const char *name,
		       const struct atp_options *opt)
{
	struct device *dev = kunit_device_register(test, name);
	struct atp *atp;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, dev);
	KUNIT_ASSERT_EQ(test, dma_set_mask_and_coherent(dev, DMA_BIT_MASK(64)), 0);

	atp = kzalloc(sizeof(*atp), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, atp);
	atp->dev = dev;
	init_completion(&atp->released);
	spin_lock_init(&atp->lock);
	INIT_LIST_HEAD(&atp->parked);
	INIT_WORK(&atp->work, atp_work);
	atp_setup_device(atp, opt);
	/* from here on the teardown frees the provider */
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, atp_teardown, atp), 0);

	atp->wq = alloc_ordered_workqueue("atp-%s", 0, name);
	KUNIT_ASSERT_NOT_NULL(test, atp->wq);
	KUNIT_ASSERT_EQ(test, dma_async_device_register(&atp->dd), 0);
	atp->registered = true;
	return atp;
}

/**
 * atp_create_default() - a provider with every capability and small limits
 * @test: the test
 * @name: name of its KUnit device
 *
 * max_xor and max_pq are 4 (without native continuation, so a continued
 * P+Q descriptor takes one source), which makes async_tx split.
 *
 * Context: process context.
 * Return: the provider.
 */
struct atp *atp_create_default(struct kunit *test, const char *name)
{
	static const struct atp_options opt = {
		.caps = ATP_ALL_CAPS,
		.max_xor = 4,
		.max_pq = 4,
	};

	return atp_create(test, name, &opt);
}

/**
 * atp_chan() - the provider's channel
 * @atp: the provider
 *
 * Return: the channel.
 */
struct dma_chan *atp_chan(struct atp *atp)
{
	return &atp->vc.chan;
}

/**
 * atp_fail_preps() - make preps return NULL
 * @atp: the provider
 * @skip: preps that still succeed first
 * @count: preps that fail after those (negative: all)
 */
void atp_fail_preps(struct atp *atp, int skip, int count)
{
	spin_lock(&atp->lock);
	atp->prep_fault = (struct atp_fault){ .skip = skip, .count = count };
	spin_unlock(&atp->lock);
}

/**
 * atp_fail_completions() - make descriptors fail
 * @atp: the provider
 * @skip: descriptors that still succeed first
 * @count: descriptors that complete with DMA_TRANS_WRITE_FAILED (and
 *	write nothing) after those (negative: all)
 */
void atp_fail_completions(struct atp *atp, int skip, int count)
{
	spin_lock(&atp->lock);
	atp->done_fault = (struct atp_fault){ .skip = skip, .count = count };
	spin_unlock(&atp->lock);
}

/**
 * atp_hold() - keep issued work waiting, or let it run
 * @atp: the provider
 * @hold: true to hold
 */
void atp_hold(struct atp *atp, bool hold)
{
	unsigned long flags;

	spin_lock_irqsave(&atp->vc.lock, flags);
	atp->hold = hold;
	if (!hold)
		queue_work(atp->wq, &atp->work);
	spin_unlock_irqrestore(&atp->vc.lock, flags);
}

/**
 * atp_preps() - preps asked for
 * @atp: the provider
 * @type: operation
 *
 * Return: the count, refused and failed preps included.
 */
unsigned int atp_preps(struct atp *atp, enum dma_transaction_type type)
{
	return atomic_read(&atp->preps[type]);
}

/**
 * atp_runs() - descriptors carried out
 * @atp: the provider
 * @type: operation
 *
 * Return: the count.
 */
unsigned int atp_runs(struct atp *atp, enum dma_transaction_type type)
{
	return atomic_read(&atp->runs[type]);
}

/**
 * atp_bad_preps() - preps that broke the device's limits
 * @atp: the provider
 *
 * Return: the count (0 when async_tx split correctly).
 */
unsigned int atp_bad_preps(struct atp *atp)
{
	return atomic_read(&atp->bad_preps);
}

/**
 * atp_max_srcs() - most sources of one prep
 * @atp: the provider
 * @type: operation
 *
 * Return: the count.
 */
unsigned int atp_max_srcs(struct atp *atp, enum dma_transaction_type type)
{
	return atomic_read(&atp->max_srcs[type]);
}

/**
 * atp_continue_preps() - P+Q preps asking for continuation
 * @atp: the provider
 *
 * Return: the count.
 */
unsigned int atp_continue_preps(struct atp *atp)
{
	return atomic_read(&atp->continue_preps);
}

/**
 * atp_failed_preps() - preps failed by atp_fail_preps()
 * @atp: the provider
 *
 * Return: the count.
 */
unsigned int atp_failed_preps(struct atp *atp)
{
	return atomic_read(&atp->failed_preps);
}

/**
 * atp_owns() - was a descriptor made by this provider?
 * @atp: the provider
 * @tx: the descriptor, or NULL
 *
 * Return: true when @tx belongs to @atp's channel.
 */
bool atp_owns(struct atp *atp, struct dma_async_tx_descriptor *tx)
{
	return tx && tx->chan == atp_chan(atp);
}

/* ---- CPU / offload mode ------------------------------------------- */

/*
 * Replaces __async_tx_find_channel() in the test's thread: the dependency's
 * channel when it can do the work (as the library does), else the test's
 * provider in offload mode, else nothing.
 */
static struct dma_chan *at_find_channel(struct async_submit_ctl *submit,
					enum dma_transaction_type type)
{
	struct kunit *test = kunit_get_current_test();
	struct at_env *env = test ? test->priv : NULL;
	struct dma_async_tx_descriptor *dep = submit->depend_tx;
	struct dma_chan *chan;

	if (dep && dep->chan && dma_has_cap(type, dep->chan->device->cap_mask))
		return dep->chan;
	if (!env || !env->offload)
		return NULL;
	chan = atp_chan(env->atp);
	return dma_has_cap(type, chan->device->cap_mask) ? chan : NULL;
}

static struct at_env *at_env_new(struct kunit *test, struct atp *atp)
{
	struct at_env *env = kunit_kzalloc(test, sizeof(*env), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, env);
	env->test = test;
	env->atp = atp;
	env->offload = !!atp;
	test->priv = env;
	kunit_activate_static_stub(test, __async_tx_find_channel, at_find_channel);
	return env;
}

/**
 * at_env_cpu() - run the test's async_tx calls on the CPU
 * @test: the test
 *
 * Return: the environment (also in @test->priv).
 */
struct at_env *at_env_cpu(struct kunit *test)
{
	return at_env_new(test, NULL);
}

/**
 * at_env_offload() - hand the test's async_tx calls to a provider
 * @test: the test
 * @atp: the provider, or NULL for a default one
 *
 * Return: the environment (also in @test->priv).
 */
struct at_env *at_env_offload(struct kunit *test, struct atp *atp)
{
	return at_env_new(test, atp ? atp : atp_create_default(test, "atp"));
}

/**
 * at_env_set_offload() - switch a test between its provider and the CPU
 * @env: the environment
 * @atp: the provider to use, or NULL for the CPU
 */
void at_env_set_offload(struct at_env *env, struct atp *atp)
{
	env->atp = atp;
	env->offload = !!atp;
}

static const char * const at_mode_names[] = { "cpu", "offload" };

/**
 * at_mode_gen_params() - KUnit parameter generator: CPU, then offload
 * @prev: the previous parameter, or NULL
 * @desc: where to write the description
 *
 * Return: the next parameter, or NULL.
 */
const void *at_mode_gen_params(const void *prev, char *desc)
{
	const char * const *next = prev ? (const char * const *)prev + 1 :
				   at_mode_names;

	if (next >= at_mode_names + ARRAY_SIZE(at_mode_names))
		return NULL;
	strscpy(desc, *next, KUNIT_PARAM_DESC_SIZE);
	return next;
}

/**
 * at_env_from_param() - the environment a parameterised test asks for
 * @test: the test (its parameter comes from at_mode_gen_params())
 *
 * Return: the environment; offload mode gets a default provider.
 */
struct at_env *at_env_from_param(struct kunit *test)
{
	const char * const *mode = test->param_value;

	if (mode && *mode == at_mode_names[1])
		return at_env_offload(test, NULL);
	return at_env_cpu(test);
}

/* ---- callbacks ---------------------------------------------------- */

/**
 * at_cb_init() - prepare a callback counter
 * @cb: the counter
 */
void at_cb_init(struct at_cb *cb)
{
	init_completion(&cb->done);
	atomic_set(&cb->calls, 0);
}

/**
 * at_cb_fn() - async_tx callback counting into a struct at_cb
 * @param: the struct at_cb
 */
void at_cb_fn(void *param)
{
	struct at_cb *cb = param;

	atomic_inc(&cb->calls);
	complete(&cb->done);
}

/**
 * at_finish() - wait for an operation's callback, then for its descriptor
 * @test: the test
 * @cb: the operation's callback counter
 * @tx: what the operation returned
 *
 * Expects the callback to run exactly once and the descriptor (if any) to
 * complete without error.
 */
void at_finish(struct kunit *test, struct at_cb *cb,
	       struct dma_async_tx_descriptor *tx)
{
	async_tx_issue_pending(tx);
	KUNIT_ASSERT_GT_MSG(test, wait_for_completion_timeout(&cb->done,
							      msecs_to_jiffies(AT_WAIT_MS)),
			    0UL, "callback never ran");
	KUNIT_EXPECT_EQ(test, async_tx_quiesce_status(&tx), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&cb->calls), 1);
}

/* ---- memory and references ---------------------------------------- */

static void at_free_page(void *page)
{
	__free_page(page);
}

/**
 * at_page() - a page freed when the test ends
 * @test: the test
 * @fill: byte to fill it with, or -1 for random content
 *
 * Return: the page.
 */
struct page *at_page(struct kunit *test, int fill)
{
	struct page *page = alloc_page(GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, at_free_page, page), 0);
	if (fill < 0)
		at_fill_random(page);
	else
		memset(page_address(page), fill, PAGE_SIZE);
	return page;
}

/**
 * at_va() - kernel address of a test page
 * @page: the page
 *
 * Return: its address.
 */
u8 *at_va(struct page *page)
{
	return page_address(page);
}

/**
 * at_fill_random() - fill a page with random bytes
 * @page: the page
 */
void at_fill_random(struct page *page)
{
	get_random_bytes(page_address(page), PAGE_SIZE);
}

/**
 * at_gf_mul() - product in GF(2^8) with the RAID-6 polynomial 0x11d
 * @a: a factor
 * @b: the other factor
 *
 * Shift and add, independent of the raid6 library's tables.
 *
 * Return: @a times @b.
 */
u8 at_gf_mul(u8 a, u8 b)
{
	u8 r = 0;

	while (b) {
		if (b & 1)
			r ^= a;
		a = (a << 1) ^ ((a & 0x80) ? 0x1d : 0);
		b >>= 1;
	}
	return r;
}

/**
 * at_gf_pow2() - power of the RAID-6 generator
 * @e: the exponent
 *
 * Return: 2 to the @e in GF(2^8).
 */
u8 at_gf_pow2(int e)
{
	u8 r = 1;

	while (e-- > 0)
		r = at_gf_mul(r, 2);
	return r;
}

/**
 * at_ref_pq() - reference P and Q of a stripe
 * @blocks: data blocks (NULL is zeros); only the first @disks - 2 are read
 * @offs: their offsets, or NULL
 * @disks: blocks in the stripe, P and Q included
 * @len: bytes per block
 * @p: where P goes
 * @q: where Q goes
 */
void at_ref_pq(struct page **blocks, unsigned int *offs, int disks,
	       size_t len, u8 *p, u8 *q)
{
	u8 c, d;
	size_t b;
	int i;

	memset(p, 0, len);
	memset(q, 0, len);
	for (i = 0; i < disks - 2; i++) {
		if (!blocks[i])
			continue;
		c = at_gf_pow2(i);
		for (b = 0; b < len; b++) {
			d = at_va(blocks[i])[(offs ? offs[i] : 0) + b];
			p[b] ^= d;
			q[b] ^= at_gf_mul(c, d);
		}
	}
}

MODULE_DESCRIPTION("KUnit suites for async_tx");
MODULE_LICENSE("GPL");
