// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of virt-dma (drivers/dma/virt-dma.c).
 *
 * Most cases drive a bare virtual channel the way a controller driver
 * does: prepare descriptors, submit and issue them, take the head of the
 * issued list as the running one, complete or terminate it, and then check
 * the lists, the descriptor states, the callbacks and the channel
 * statistics.  The completion tasklet is run on demand with a
 * local_bh_disable()/local_bh_enable() pair, so the order of events is
 * fixed.
 *
 * The race cases add a fake engine that completes descriptors (or signals
 * cyclic periods) from an hrtimer, in hard interrupt context, or from a
 * workqueue while the test thread terminates and synchronizes.  The
 * provider cases register a small memcpy controller with the DMA engine
 * core and use it through the client API.
 *
 * Descriptors of the bare channel are KUnit allocations that desc_free
 * only counts, so a double free or a late access is seen instead of
 * corrupting memory.
 */

#include <kunit/device.h>
#include <kunit/test.h>

#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/dma-direct.h>
#include <linux/dma-mapping.h>
#include <linux/dmaengine.h>
#include <linux/hrtimer.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/workqueue.h>

#include "dmaengine.h"
#include "virt-dma.h"

#define VDT_LOG		64

struct vdt_chan;

/* A descriptor of the bare test channel. */
struct vdt_desc {
	struct virt_dma_desc vd;
	struct vdt_chan *c;
	unsigned int id;
	atomic_t frees;			/* desc_free calls */
	atomic_t calls;			/* callbacks, periods included */
	struct dmaengine_result seen;	/* result of the last callback */
};

/* A bare virtual channel with a DMA device that is never registered. */
struct vdt_chan {
	struct dma_device dd;
	struct virt_dma_chan vc;
	struct kunit *test;
	unsigned int ndesc;
	atomic_t frees;
	atomic_t calls;
	atomic_t bad_context;	/* callbacks outside softirq or under the lock */
	atomic_t late;		/* callbacks while @forbid was set */
	bool forbid;
	atomic_t nlog;
	unsigned int log[VDT_LOG];	/* descriptor ids in callback order */
	struct completion done;
	int want;			/* complete @done at this many calls */
	void (*on_call)(struct vdt_desc *d);	/* per-case hook */
	void *priv;			/* data of the hook */
};

static struct vdt_desc *to_vdt_desc(struct virt_dma_desc *vd)
{
	return container_of(vd, struct vdt_desc, vd);
}

static bool vdt_context_ok(struct vdt_chan *c)
{
	if (!in_serving_softirq() || in_hardirq() || irqs_disabled())
		return false;
#ifdef CONFIG_LOCKDEP
	if (lockdep_is_held(&c->vc.lock))
		return false;
#endif
	return true;
}

static void vdt_note_call(struct vdt_desc *d)
{
	struct vdt_chan *c = d->c;
	unsigned int slot;

	if (!vdt_context_ok(c))
		atomic_inc(&c->bad_context);
	if (READ_ONCE(c->forbid))
		atomic_inc(&c->late);
	slot = atomic_inc_return(&c->nlog) - 1;
	if (slot < VDT_LOG)
		c->log[slot] = d->id;
	atomic_inc(&d->calls);
	if (atomic_inc_return(&c->calls) == READ_ONCE(c->want))
		complete(&c->done);
	if (c->on_call)
		c->on_call(d);
}

static void vdt_done_result(void *param, const struct dmaengine_result *res)
{
	struct vdt_desc *d = param;

	d->seen = *res;
	vdt_note_call(d);
}

static void vdt_done_plain(void *param)
{
	vdt_note_call(param);
}

static void vdt_desc_free(struct virt_dma_desc *vd)
{
	struct vdt_desc *d = to_vdt_desc(vd);

	atomic_inc(&d->frees);
	atomic_inc(&d->c->frees);
}

static void vdt_device_sync(struct dma_chan *chan)
{
	vchan_synchronize(to_virt_chan(chan));
}

static void vdt_chan_teardown(void *data)
{
	struct vdt_chan *c = data;

	c->on_call = NULL;
	tasklet_kill(&c->vc.task);
}

static struct vdt_chan *vdt_chan_new(struct kunit *test, bool can_sync)
{
	struct vdt_chan *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, c);
	c->test = test;
	init_completion(&c->done);
	INIT_LIST_HEAD(&c->dd.channels);
	if (can_sync)
		c->dd.device_synchronize = vdt_device_sync;
	vchan_init(&c->vc, &c->dd);
	c->vc.desc_free = vdt_desc_free;
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, vdt_chan_teardown, c), 0);
	return c;
}

static struct vdt_desc *vdt_prep(struct vdt_chan *c, unsigned long flags)
{
	struct dma_async_tx_descriptor *tx;
	struct vdt_desc *d;

	d = kunit_kzalloc(c->test, sizeof(*d), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(c->test, d);
	d->c = c;
	d->id = c->ndesc++;
	tx = vchan_tx_prep(&c->vc, &d->vd, flags);
	KUNIT_ASSERT_PTR_EQ(c->test, tx, &d->vd.tx);
	tx->callback_result = vdt_done_result;
	tx->callback_param = d;
	return d;
}

static dma_cookie_t vdt_submit(struct vdt_desc *d)
{
	return dmaengine_submit(&d->vd.tx);
}

/* Prepare and submit one descriptor, asserting a valid cookie. */
static struct vdt_desc *vdt_queue(struct vdt_chan *c, unsigned long flags)
{
	struct vdt_desc *d = vdt_prep(c, flags);

	KUNIT_ASSERT_GE(c->test, vdt_submit(d), DMA_MIN_COOKIE);
	return d;
}

static bool vdt_issue(struct vdt_chan *c)
{
	unsigned long flags;
	bool more;

	spin_lock_irqsave(&c->vc.lock, flags);
	more = vchan_issue_pending(&c->vc);
	spin_unlock_irqrestore(&c->vc.lock, flags);
	return more;
}

/* The "hardware" takes the next issued descriptor off the list. */
static struct vdt_desc *vdt_start(struct vdt_chan *c)
{
	struct virt_dma_desc *vd;
	unsigned long flags;

	spin_lock_irqsave(&c->vc.lock, flags);
	vd = vchan_next_desc(&c->vc);
	if (vd)
		list_del(&vd->node);
	spin_unlock_irqrestore(&c->vc.lock, flags);
	return vd ? to_vdt_desc(vd) : NULL;
}

static void vdt_complete(struct vdt_desc *d)
{
	unsigned long flags;

	spin_lock_irqsave(&d->c->vc.lock, flags);
	vchan_cookie_complete(&d->vd);
	spin_unlock_irqrestore(&d->c->vc.lock, flags);
}

static void vdt_period(struct vdt_desc *d, unsigned int n)
{
	unsigned long flags;

	spin_lock_irqsave(&d->c->vc.lock, flags);
	while (n--)
		vchan_cyclic_callback(&d->vd);
	spin_unlock_irqrestore(&d->c->vc.lock, flags);
}

/* terminate_all of a driver that parks its running descriptor */
static void vdt_terminate(struct vdt_chan *c, struct vdt_desc *active)
{
	unsigned long flags;
	LIST_HEAD(head);

	spin_lock_irqsave(&c->vc.lock, flags);
	if (active)
		vchan_terminate_vdesc(&active->vd);
	vchan_get_all_descriptors(&c->vc, &head);
	spin_unlock_irqrestore(&c->vc.lock, flags);

	vchan_dma_desc_free_list(&c->vc, &head);
}

/*
 * Run the completion tasklet now, in this CPU's softirq context, and wait
 * for it if it was queued on another CPU.
 */
static void vdt_run_tasklet(struct vdt_chan *c)
{
	struct tasklet_struct *t = &c->vc.task;
	int i;

	for (i = 0; i < 1000; i++) {
		if (!test_bit(TASKLET_STATE_SCHED, &t->state))
			break;
		local_bh_disable();
		local_bh_enable();
		if (test_bit(TASKLET_STATE_SCHED, &t->state))
			usleep_range(100, 200);
	}
	tasklet_unlock_wait(t);
}

/*
 * Keep the tasklet from running while a case builds a state it inspects;
 * otherwise a timer tick could run it at any moment.  Nothing in between
 * may sleep or use a KUNIT_ASSERT.
 */
static void vdt_hold(void)
{
	local_bh_disable();
}

static void vdt_unhold(struct vdt_chan *c)
{
	local_bh_enable();
	vdt_run_tasklet(c);
}

/* The "hardware" takes the next issued descriptor, which must be @want. */
static void vdt_take(struct vdt_chan *c, struct vdt_desc *want)
{
	KUNIT_EXPECT_PTR_EQ(c->test, vdt_start(c), want);
}

static bool vdt_on(struct list_head *head, struct vdt_desc *d)
{
	struct virt_dma_desc *vd;

	list_for_each_entry(vd, head, node) {
		if (vd == &d->vd)
			return true;
	}
	return false;
}

/* Compare a list with the expected descriptors, in order. */
static void vdt_expect_list(struct kunit *test, struct list_head *head,
			    struct vdt_desc **want, unsigned int n)
{
	struct virt_dma_desc *vd;
	unsigned int i = 0;

	list_for_each_entry(vd, head, node) {
		KUNIT_ASSERT_LT(test, i, n);
		KUNIT_EXPECT_EQ(test, to_vdt_desc(vd)->id, want[i]->id);
		i++;
	}
	KUNIT_EXPECT_EQ(test, i, n);
}

#define vdt_stat(c, member)	atomic64_read(&(c)->vc.chan.stats.member)

/* ------------------------------------------------------------------ */
/* virt_dma_lists: every list transition                               */
/* ------------------------------------------------------------------ */

/* vchan_init() adds the channel to its device and resets everything. */
static void virt_dma_lists_init(struct kunit *test)
{
	struct vdt_chan *c = vdt_chan_new(test, true);

	KUNIT_EXPECT_PTR_EQ(test, c->vc.chan.device, &c->dd);
	KUNIT_EXPECT_EQ(test, list_count_nodes(&c->dd.channels), 1);
	KUNIT_EXPECT_PTR_EQ(test, list_first_entry(&c->dd.channels,
						   struct dma_chan, device_node),
			    &c->vc.chan);
	KUNIT_EXPECT_PTR_EQ(test, to_virt_chan(&c->vc.chan), &c->vc);
	KUNIT_EXPECT_EQ(test, c->vc.chan.cookie, DMA_MIN_COOKIE);
	KUNIT_EXPECT_EQ(test, c->vc.chan.completed_cookie, DMA_MIN_COOKIE);
	KUNIT_EXPECT_TRUE(test, list_empty(&c->vc.desc_allocated));
	KUNIT_EXPECT_TRUE(test, list_empty(&c->vc.desc_submitted));
	KUNIT_EXPECT_TRUE(test, list_empty(&c->vc.desc_issued));
	KUNIT_EXPECT_TRUE(test, list_empty(&c->vc.desc_completed));
	KUNIT_EXPECT_TRUE(test, list_empty(&c->vc.desc_terminated));
	KUNIT_EXPECT_NULL(test, c->vc.cyclic);
}

/* vchan_tx_prep() fills the tx descriptor and queues it as allocated. */
static void virt_dma_lists_prep(struct kunit *test)
{
	struct vdt_chan *c = vdt_chan_new(test, true);
	unsigned long flags = DMA_PREP_INTERRUPT | DMA_CTRL_ACK;
	struct dma_async_tx_descriptor *tx;
	struct vdt_desc *d;

	d = kunit_kzalloc(test, sizeof(*d), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, d);
	d->c = c;
	d->vd.tx_result.result = DMA_TRANS_ABORTED;
	d->vd.tx_result.residue = 99;
	d->vd.tx.xfer_len = 4096;

	tx = vchan_tx_prep(&c->vc, &d->vd, flags);
	KUNIT_EXPECT_PTR_EQ(test, tx, &d->vd.tx);
	KUNIT_EXPECT_PTR_EQ(test, tx->chan, &c->vc.chan);
	KUNIT_EXPECT_EQ(test, (unsigned long)tx->flags, flags);
	KUNIT_EXPECT_TRUE(test, tx->tx_submit == vchan_tx_submit);
	KUNIT_EXPECT_TRUE(test, tx->desc_free == vchan_tx_desc_free);
	KUNIT_EXPECT_EQ(test, tx->xfer_len, 0);
	KUNIT_EXPECT_EQ(test, d->vd.tx_result.result, DMA_TRANS_NOERROR);
	KUNIT_EXPECT_EQ(test, d->vd.tx_result.residue, 0);
	KUNIT_EXPECT_EQ(test, d->vd.state, VCHAN_DESC_PREPARED);
	KUNIT_EXPECT_TRUE(test, vdt_on(&c->vc.desc_allocated, d));
	KUNIT_EXPECT_EQ(test, vdt_stat(c, submitted), 0);
}

/* Submitting assigns increasing cookies and keeps the submission order. */
static void virt_dma_lists_submit(struct kunit *test)
{
	struct vdt_chan *c = vdt_chan_new(test, true);
	struct vdt_desc *d[3];
	int i;

	for (i = 0; i < 3; i++)
		d[i] = vdt_prep(c, 0);
	for (i = 0; i < 3; i++) {
		KUNIT_EXPECT_EQ(test, vdt_submit(d[i]), DMA_MIN_COOKIE + 1 + i);
		KUNIT_EXPECT_EQ(test, d[i]->vd.state, VCHAN_DESC_SUBMITTED);
	}
	KUNIT_EXPECT_EQ(test, c->vc.chan.cookie, DMA_MIN_COOKIE + 3);
	KUNIT_EXPECT_TRUE(test, list_empty(&c->vc.desc_allocated));
	vdt_expect_list(test, &c->vc.desc_submitted, d, 3);
	KUNIT_EXPECT_EQ(test, dma_cookie_status(&c->vc.chan, d[0]->vd.tx.cookie,
						NULL), DMA_IN_PROGRESS);
	KUNIT_EXPECT_EQ(test, vdt_stat(c, submitted), 3);
	KUNIT_EXPECT_EQ(test, atomic_read(&c->vc.chan.stats.in_flight), 3);
	KUNIT_EXPECT_EQ(test, atomic_read(&c->vc.chan.stats.in_flight_max), 3);
}

/* issue_pending moves every submitted descriptor, in order, to issued. */
static void virt_dma_lists_issue(struct kunit *test)
{
	struct vdt_chan *c = vdt_chan_new(test, true);
	struct vdt_desc *d[2], *idle;

	KUNIT_EXPECT_FALSE(test, vdt_issue(c));

	d[0] = vdt_queue(c, 0);
	d[1] = vdt_queue(c, 0);
	idle = vdt_prep(c, 0);

	KUNIT_EXPECT_TRUE(test, vdt_issue(c));
	KUNIT_EXPECT_TRUE(test, list_empty(&c->vc.desc_submitted));
	vdt_expect_list(test, &c->vc.desc_issued, d, 2);
	KUNIT_EXPECT_EQ(test, d[0]->vd.state, VCHAN_DESC_ISSUED);
	KUNIT_EXPECT_EQ(test, d[1]->vd.state, VCHAN_DESC_ISSUED);
	KUNIT_EXPECT_TRUE(test, vdt_on(&c->vc.desc_allocated, idle));
	KUNIT_EXPECT_EQ(test, idle->vd.state, VCHAN_DESC_PREPARED);

	/* still work for the hardware, nothing new moved */
	KUNIT_EXPECT_TRUE(test, vdt_issue(c));
	KUNIT_EXPECT_EQ(test, list_count_nodes(&c->vc.desc_issued), 2);
}

/* vchan_next_desc() peeks; vchan_find_desc() only searches issued ones. */
static void virt_dma_lists_find(struct kunit *test)
{
	struct vdt_chan *c = vdt_chan_new(test, true);
	struct vdt_desc *d0, *d1, *d2, *run;
	unsigned long flags;

	d0 = vdt_queue(c, 0);
	d1 = vdt_queue(c, 0);
	vdt_issue(c);
	d2 = vdt_queue(c, 0);

	spin_lock_irqsave(&c->vc.lock, flags);
	KUNIT_EXPECT_PTR_EQ(test, vchan_next_desc(&c->vc), &d0->vd);
	KUNIT_EXPECT_PTR_EQ(test, vchan_next_desc(&c->vc), &d0->vd);
	KUNIT_EXPECT_PTR_EQ(test, vchan_find_desc(&c->vc, d0->vd.tx.cookie), &d0->vd);
	KUNIT_EXPECT_PTR_EQ(test, vchan_find_desc(&c->vc, d1->vd.tx.cookie), &d1->vd);
	KUNIT_EXPECT_NULL(test, vchan_find_desc(&c->vc, d2->vd.tx.cookie));
	KUNIT_EXPECT_NULL(test, vchan_find_desc(&c->vc, 12345));
	spin_unlock_irqrestore(&c->vc.lock, flags);

	run = vdt_start(c);
	KUNIT_EXPECT_PTR_EQ(test, run, d0);

	spin_lock_irqsave(&c->vc.lock, flags);
	KUNIT_EXPECT_NULL(test, vchan_find_desc(&c->vc, d0->vd.tx.cookie));
	KUNIT_EXPECT_PTR_EQ(test, vchan_next_desc(&c->vc), &d1->vd);
	spin_unlock_irqrestore(&c->vc.lock, flags);
}

/* Completion queues the descriptor; the tasklet calls back and frees it. */
static void virt_dma_lists_complete(struct kunit *test)
{
	struct vdt_chan *c = vdt_chan_new(test, true);
	struct vdt_desc *d = vdt_queue(c, 0);
	dma_cookie_t cookie = d->vd.tx.cookie;

	d->vd.tx.xfer_len = 256;	/* what the core's prep wrapper sets */
	vdt_issue(c);
	vdt_hold();
	vdt_take(c, d);
	vdt_complete(d);

	KUNIT_EXPECT_TRUE(test, vdt_on(&c->vc.desc_completed, d));
	KUNIT_EXPECT_EQ(test, d->vd.state, VCHAN_DESC_COMPLETED);
	KUNIT_EXPECT_EQ(test, d->vd.tx.cookie, 0);
	KUNIT_EXPECT_EQ(test, c->vc.chan.completed_cookie, cookie);
	KUNIT_EXPECT_EQ(test, dma_cookie_status(&c->vc.chan, cookie, NULL),
			DMA_COMPLETE);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->calls), 0);

	vdt_unhold(c);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->calls), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->frees), 1);
	KUNIT_EXPECT_EQ(test, d->vd.state, VCHAN_DESC_FREED);
	KUNIT_EXPECT_TRUE(test, list_empty(&c->vc.desc_completed));
	KUNIT_EXPECT_EQ(test, vdt_stat(c, completed), 1);
	KUNIT_EXPECT_EQ(test, vdt_stat(c, bytes), 256);
	KUNIT_EXPECT_EQ(test, atomic_read(&c->vc.chan.stats.in_flight), 0);
}

/* vchan_get_all_descriptors() takes every list in the documented order. */
static void virt_dma_lists_get_all(struct kunit *test)
{
	struct vdt_chan *c = vdt_chan_new(test, true);
	struct vdt_desc *a, *b, *cc, *d, *e, *f, *order[6];
	unsigned long flags;
	LIST_HEAD(head);

	a = vdt_prep(c, 0);		/* stays allocated */
	b = vdt_queue(c, 0);
	cc = vdt_queue(c, 0);
	d = vdt_queue(c, 0);
	e = vdt_queue(c, 0);
	vdt_issue(c);
	f = vdt_queue(c, 0);		/* stays submitted */
	vdt_hold();
	vdt_take(c, b);
	vdt_complete(b);		/* completed, callback pending */
	vdt_take(c, cc);

	spin_lock_irqsave(&c->vc.lock, flags);
	vchan_terminate_vdesc(&cc->vd);
	vchan_get_all_descriptors(&c->vc, &head);
	spin_unlock_irqrestore(&c->vc.lock, flags);
	vdt_unhold(c);

	order[0] = a;
	order[1] = f;
	order[2] = d;
	order[3] = e;
	order[4] = b;
	order[5] = cc;
	vdt_expect_list(test, &head, order, 6);
	KUNIT_EXPECT_TRUE(test, list_empty(&c->vc.desc_allocated));
	KUNIT_EXPECT_TRUE(test, list_empty(&c->vc.desc_submitted));
	KUNIT_EXPECT_TRUE(test, list_empty(&c->vc.desc_issued));
	KUNIT_EXPECT_TRUE(test, list_empty(&c->vc.desc_completed));
	KUNIT_EXPECT_TRUE(test, list_empty(&c->vc.desc_terminated));
	KUNIT_EXPECT_EQ(test, a->vd.state, VCHAN_DESC_COLLECTED);
	KUNIT_EXPECT_EQ(test, b->vd.state, VCHAN_DESC_COLLECTED);
	KUNIT_EXPECT_EQ(test, cc->vd.state, VCHAN_DESC_TERMINATED);

	/* 5 submitted = 1 completed + 4 aborted (f, d, e and the parked cc) */
	KUNIT_EXPECT_EQ(test, vdt_stat(c, submitted), 5);
	KUNIT_EXPECT_EQ(test, vdt_stat(c, completed), 1);
	KUNIT_EXPECT_EQ(test, vdt_stat(c, aborted), 4);
	KUNIT_EXPECT_EQ(test, atomic_read(&c->vc.chan.stats.in_flight), 0);

	/* the parked one goes back to wait for synchronize */
	vchan_dma_desc_free_list(&c->vc, &head);
	KUNIT_EXPECT_TRUE(test, list_empty(&head));
	KUNIT_EXPECT_EQ(test, atomic_read(&c->frees), 5);
	KUNIT_EXPECT_EQ(test, atomic_read(&cc->frees), 0);
	KUNIT_EXPECT_TRUE(test, vdt_on(&c->vc.desc_terminated, cc));

	vdt_run_tasklet(c);
	KUNIT_EXPECT_EQ(test, atomic_read(&c->calls), 0);

	vchan_synchronize(&c->vc);
	KUNIT_EXPECT_EQ(test, atomic_read(&cc->frees), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&c->frees), 6);
	KUNIT_EXPECT_EQ(test, vdt_stat(c, aborted), 4);
}

/* vchan_vdesc_fini() frees a plain descriptor, even one still linked. */
static void virt_dma_lists_fini(struct kunit *test)
{
	struct vdt_chan *c = vdt_chan_new(test, true);
	struct vdt_desc *d0 = vdt_queue(c, 0);
	struct vdt_desc *d1 = vdt_queue(c, 0);

	/* a driver dropping a queued descriptor by hand */
	vchan_vdesc_fini(&d0->vd);
	KUNIT_EXPECT_EQ(test, atomic_read(&d0->frees), 1);
	KUNIT_EXPECT_EQ(test, d0->vd.state, VCHAN_DESC_FREED);
	KUNIT_EXPECT_EQ(test, list_count_nodes(&c->vc.desc_submitted), 1);
	KUNIT_EXPECT_TRUE(test, vdt_on(&c->vc.desc_submitted, d1));
	KUNIT_EXPECT_EQ(test, vdt_stat(c, aborted), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&c->vc.chan.stats.in_flight), 1);
}

/* Like a driver whose own tx_submit queues straight onto desc_issued. */
static void vdt_own_submit(struct vdt_desc *d)
{
	struct virt_dma_chan *vc = &d->c->vc;
	unsigned long flags;

	spin_lock_irqsave(&vc->lock, flags);
	dma_cookie_assign(&d->vd.tx);
	list_move_tail(&d->vd.node, &vc->desc_issued);
	spin_unlock_irqrestore(&vc->lock, flags);
}

/* Descriptors queued by a driver's own tx_submit complete and abort normally. */
static void virt_dma_lists_own_submit(struct kunit *test)
{
	struct vdt_chan *c = vdt_chan_new(test, true);
	struct vdt_desc *d0 = vdt_prep(c, 0);
	struct vdt_desc *d1 = vdt_prep(c, 0);

	vdt_own_submit(d0);
	vdt_own_submit(d1);
	KUNIT_EXPECT_EQ(test, d0->vd.tx.cookie, DMA_MIN_COOKIE + 1);
	KUNIT_EXPECT_EQ(test, d1->vd.tx.cookie, DMA_MIN_COOKIE + 2);

	KUNIT_ASSERT_PTR_EQ(test, vdt_start(c), d0);
	vdt_complete(d0);
	vdt_run_tasklet(c);
	KUNIT_EXPECT_EQ(test, atomic_read(&d0->calls), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&d0->frees), 1);
	KUNIT_EXPECT_EQ(test, vdt_stat(c, completed), 1);

	vdt_terminate(c, NULL);
	KUNIT_EXPECT_EQ(test, atomic_read(&d1->frees), 1);
	KUNIT_EXPECT_EQ(test, vdt_stat(c, aborted), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&c->vc.chan.stats.in_flight), 0);
}

static struct kunit_case virt_dma_lists_cases[] = {
	KUNIT_CASE(virt_dma_lists_init),
	KUNIT_CASE(virt_dma_lists_prep),
	KUNIT_CASE(virt_dma_lists_submit),
	KUNIT_CASE(virt_dma_lists_issue),
	KUNIT_CASE(virt_dma_lists_find),
	KUNIT_CASE(virt_dma_lists_complete),
	KUNIT_CASE(virt_dma_lists_get_all),
	KUNIT_CASE(virt_dma_lists_fini),
	KUNIT_CASE(virt_dma_lists_own_submit),
	{}
};

static struct kunit_suite virt_dma_lists_suite = {
	.name = "virt_dma_lists",
	.test_cases = virt_dma_lists_cases,
};

/* ------------------------------------------------------------------ */
/* virt_dma_callbacks: context, results, order                         */
/* ------------------------------------------------------------------ */

struct vdt_irq {
	struct hrtimer timer;
	struct vdt_desc *d;
	unsigned int periods;	/* 0: complete @d, else signal periods */
	bool in_hardirq;
};

static enum hrtimer_restart vdt_irq_fire(struct hrtimer *t)
{
	struct vdt_irq *irq = container_of(t, struct vdt_irq, timer);
	unsigned int i;

	irq->in_hardirq = in_hardirq();
	if (!irq->periods) {
		vdt_complete(irq->d);
		return HRTIMER_NORESTART;
	}
	/* like a half-transfer interrupt: no channel lock */
	for (i = 0; i < irq->periods; i++)
		vchan_cyclic_callback(&irq->d->vd);
	return HRTIMER_NORESTART;
}

static void vdt_irq_cancel(void *data)
{
	struct vdt_irq *irq = data;

	hrtimer_cancel(&irq->timer);
}

/* Raise a fake interrupt from an hrtimer and wait for @want callbacks. */
static void vdt_irq_raise(struct kunit *test, struct vdt_desc *d,
			  unsigned int periods, int want)
{
	struct vdt_chan *c = d->c;
	struct vdt_irq *irq;

	irq = kunit_kzalloc(test, sizeof(*irq), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, irq);
	irq->d = d;
	irq->periods = periods;
	reinit_completion(&c->done);
	WRITE_ONCE(c->want, want);
	hrtimer_init(&irq->timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL_HARD);
	irq->timer.function = vdt_irq_fire;
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, vdt_irq_cancel, irq), 0);
	hrtimer_start(&irq->timer, ns_to_ktime(100 * NSEC_PER_USEC), HRTIMER_MODE_REL_HARD);

	KUNIT_ASSERT_GT(test, wait_for_completion_timeout(&c->done, 2 * HZ), 0);
	KUNIT_EXPECT_TRUE(test, irq->in_hardirq);
}

/* Callbacks run in softirq context without the lock, even for hardirq completions. */
static void virt_dma_cb_softirq_context(struct kunit *test)
{
	struct vdt_chan *c = vdt_chan_new(test, true);
	struct vdt_desc *d0 = vdt_queue(c, 0);
	struct vdt_desc *d1 = vdt_queue(c, 0);

	vdt_issue(c);
	KUNIT_ASSERT_PTR_EQ(test, vdt_start(c), d0);
	vdt_complete(d0);
	vdt_run_tasklet(c);
	KUNIT_EXPECT_EQ(test, atomic_read(&d0->calls), 1);

	KUNIT_ASSERT_PTR_EQ(test, vdt_start(c), d1);
	vdt_irq_raise(test, d1, 0, 2);
	KUNIT_EXPECT_EQ(test, atomic_read(&d1->calls), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&c->bad_context), 0);
}

/* callback_result gets tx_result; failures and aborts are counted. */
static void virt_dma_cb_result(struct kunit *test)
{
	struct vdt_chan *c = vdt_chan_new(test, true);
	struct vdt_desc *d[4];
	int i;

	for (i = 0; i < 4; i++)
		d[i] = vdt_queue(c, 0);
	d[3]->vd.tx.callback_result = NULL;
	d[3]->vd.tx.callback = vdt_done_plain;
	vdt_issue(c);

	for (i = 0; i < 4; i++)
		KUNIT_ASSERT_PTR_EQ(test, vdt_start(c), d[i]);
	d[0]->vd.tx_result.result = DMA_TRANS_READ_FAILED;
	d[0]->vd.tx_result.residue = 24;
	d[1]->vd.tx_result.result = DMA_TRANS_ABORTED;
	d[1]->vd.tx_result.residue = 512;
	d[2]->vd.tx_result.residue = 3;
	for (i = 0; i < 4; i++)
		vdt_complete(d[i]);
	vdt_run_tasklet(c);

	KUNIT_EXPECT_EQ(test, d[0]->seen.result, DMA_TRANS_READ_FAILED);
	KUNIT_EXPECT_EQ(test, d[0]->seen.residue, 24);
	KUNIT_EXPECT_EQ(test, d[1]->seen.result, DMA_TRANS_ABORTED);
	KUNIT_EXPECT_EQ(test, d[1]->seen.residue, 512);
	KUNIT_EXPECT_EQ(test, d[2]->seen.result, DMA_TRANS_NOERROR);
	KUNIT_EXPECT_EQ(test, d[2]->seen.residue, 3);
	KUNIT_EXPECT_EQ(test, atomic_read(&d[3]->calls), 1);
	KUNIT_EXPECT_EQ(test, vdt_stat(c, completed), 4);
	KUNIT_EXPECT_EQ(test, vdt_stat(c, errors), 1);
	KUNIT_EXPECT_EQ(test, vdt_stat(c, aborted), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&c->frees), 4);
}

/* Many completions are all called back, in completion order. */
static void virt_dma_cb_order(struct kunit *test)
{
	const int n = 150;
	struct vdt_chan *c = vdt_chan_new(test, true);
	struct virt_dma_desc *vd;
	unsigned long flags;
	int i;

	for (i = 0; i < n; i++)
		vdt_queue(c, 0);
	vdt_issue(c);

	spin_lock_irqsave(&c->vc.lock, flags);
	while ((vd = vchan_next_desc(&c->vc))) {
		list_del(&vd->node);
		vchan_cookie_complete(vd);
	}
	spin_unlock_irqrestore(&c->vc.lock, flags);

	vdt_run_tasklet(c);
	KUNIT_EXPECT_EQ(test, atomic_read(&c->calls), n);
	KUNIT_EXPECT_EQ(test, atomic_read(&c->frees), n);
	for (i = 0; i < VDT_LOG; i++)
		KUNIT_EXPECT_EQ(test, c->log[i], i);
	KUNIT_EXPECT_EQ(test, c->vc.chan.completed_cookie, DMA_MIN_COOKIE + n);
}

static void vdt_resubmit_next(struct vdt_desc *d)
{
	struct vdt_desc *next = d->c->priv;

	if (d->id != 0)
		return;
	KUNIT_EXPECT_GE(d->c->test, vdt_submit(next), DMA_MIN_COOKIE);
	KUNIT_EXPECT_TRUE(d->c->test, vdt_issue(d->c));
}

/* A callback may submit and issue more work on its channel. */
static void virt_dma_cb_submit_from_callback(struct kunit *test)
{
	struct vdt_chan *c = vdt_chan_new(test, true);
	struct vdt_desc *d0 = vdt_queue(c, 0);
	struct vdt_desc *d1 = vdt_prep(c, 0);

	c->priv = d1;
	c->on_call = vdt_resubmit_next;
	vdt_issue(c);
	KUNIT_ASSERT_PTR_EQ(test, vdt_start(c), d0);
	vdt_complete(d0);
	vdt_run_tasklet(c);

	KUNIT_EXPECT_EQ(test, atomic_read(&d0->calls), 1);
	KUNIT_EXPECT_EQ(test, d1->vd.state, VCHAN_DESC_ISSUED);
	KUNIT_EXPECT_TRUE(test, vdt_on(&c->vc.desc_issued, d1));

	KUNIT_ASSERT_PTR_EQ(test, vdt_start(c), d1);
	vdt_complete(d1);
	vdt_run_tasklet(c);
	KUNIT_EXPECT_EQ(test, atomic_read(&d1->calls), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&c->frees), 2);
}

static struct kunit_case virt_dma_callbacks_cases[] = {
	KUNIT_CASE(virt_dma_cb_softirq_context),
	KUNIT_CASE(virt_dma_cb_result),
	KUNIT_CASE(virt_dma_cb_order),
	KUNIT_CASE(virt_dma_cb_submit_from_callback),
	{}
};

static struct kunit_suite virt_dma_callbacks_suite = {
	.name = "virt_dma_callbacks",
	.test_cases = virt_dma_callbacks_cases,
};

/* ------------------------------------------------------------------ */
/* virt_dma_cyclic: period accounting                                  */
/* ------------------------------------------------------------------ */

static struct vdt_desc *vdt_start_cyclic(struct vdt_chan *c)
{
	struct vdt_desc *d = vdt_queue(c, DMA_PREP_INTERRUPT);

	vdt_issue(c);
	KUNIT_ASSERT_PTR_EQ(c->test, vdt_start(c), d);
	return d;
}

/* Every period gets its own callback, even when several elapsed at once. */
static void virt_dma_cyclic_each_period(struct kunit *test)
{
	struct vdt_chan *c = vdt_chan_new(test, true);
	struct vdt_desc *d = vdt_start_cyclic(c);

	d->vd.tx_result.residue = 128;
	vdt_hold();
	vdt_period(d, 5);
	KUNIT_EXPECT_PTR_EQ(test, c->vc.cyclic, &d->vd);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->calls), 0);
	vdt_unhold(c);

	KUNIT_EXPECT_EQ(test, atomic_read(&d->calls), 5);
	KUNIT_EXPECT_EQ(test, d->seen.residue, 128);
	KUNIT_EXPECT_EQ(test, vdt_stat(c, periods), 5);
	KUNIT_EXPECT_EQ(test, vdt_stat(c, periods_coalesced), 0);
	KUNIT_EXPECT_EQ(test, d->vd.state, VCHAN_DESC_ISSUED);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->frees), 0);

	vdt_period(d, 1);
	vdt_run_tasklet(c);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->calls), 6);
	KUNIT_EXPECT_EQ(test, vdt_stat(c, periods), 6);
	KUNIT_EXPECT_EQ(test, atomic_read(&c->bad_context), 0);
}

/* A burst beyond VCHAN_PERIOD_BURST is delivered up to it, the rest coalesced. */
static void virt_dma_cyclic_burst_coalesced(struct kunit *test)
{
	struct vdt_chan *c = vdt_chan_new(test, true);
	struct vdt_desc *d = vdt_start_cyclic(c);

	vdt_period(d, VCHAN_PERIOD_BURST + 7);
	vdt_run_tasklet(c);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->calls), VCHAN_PERIOD_BURST);
	KUNIT_EXPECT_EQ(test, vdt_stat(c, periods), VCHAN_PERIOD_BURST);
	KUNIT_EXPECT_EQ(test, vdt_stat(c, periods_coalesced), 7);
}

/* A period without any callback set counts as coalesced. */
static void virt_dma_cyclic_no_callback(struct kunit *test)
{
	struct vdt_chan *c = vdt_chan_new(test, true);
	struct vdt_desc *d = vdt_start_cyclic(c);

	d->vd.tx.callback_result = NULL;
	vdt_period(d, 2);
	vdt_run_tasklet(c);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->calls), 0);
	KUNIT_EXPECT_EQ(test, vdt_stat(c, periods), 0);
	KUNIT_EXPECT_EQ(test, vdt_stat(c, periods_coalesced), 2);
}

/* Periods signalled from hard interrupt without the lock are all reported. */
static void virt_dma_cyclic_lockless_irq(struct kunit *test)
{
	struct vdt_chan *c = vdt_chan_new(test, true);
	struct vdt_desc *d = vdt_start_cyclic(c);

	vdt_irq_raise(test, d, 3, 3);
	vdt_run_tasklet(c);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->calls), 3);
	KUNIT_EXPECT_EQ(test, vdt_stat(c, periods) + vdt_stat(c, periods_coalesced), 3);
	KUNIT_EXPECT_EQ(test, atomic_read(&c->bad_context), 0);
}

/* Terminating the cyclic descriptor drops its pending periods. */
static void virt_dma_cyclic_terminate_drops_pending(struct kunit *test)
{
	struct vdt_chan *c = vdt_chan_new(test, true);
	struct vdt_desc *d = vdt_start_cyclic(c);

	vdt_hold();
	vdt_period(d, 4);
	vdt_terminate(c, d);
	KUNIT_EXPECT_NULL(test, c->vc.cyclic);
	vdt_unhold(c);

	KUNIT_EXPECT_EQ(test, atomic_read(&d->calls), 0);
	KUNIT_EXPECT_EQ(test, vdt_stat(c, periods), 0);
	KUNIT_EXPECT_EQ(test, vdt_stat(c, periods_coalesced), 4);
	KUNIT_EXPECT_EQ(test, vdt_stat(c, aborted), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->frees), 0);

	vchan_synchronize(&c->vc);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->frees), 1);
}

static void vdt_terminate_on_second(struct vdt_desc *d)
{
	if (atomic_read(&d->calls) == 2)
		vdt_terminate(d->c, d);
}

/* A terminate from a period callback stops the rest of the burst. */
static void virt_dma_cyclic_terminate_in_callback(struct kunit *test)
{
	struct vdt_chan *c = vdt_chan_new(test, true);
	struct vdt_desc *d = vdt_start_cyclic(c);

	c->on_call = vdt_terminate_on_second;
	vdt_period(d, 6);
	vdt_run_tasklet(c);

	KUNIT_EXPECT_EQ(test, atomic_read(&d->calls), 2);
	KUNIT_EXPECT_EQ(test, vdt_stat(c, periods), 2);
	KUNIT_EXPECT_EQ(test, vdt_stat(c, periods_coalesced), 4);
	KUNIT_EXPECT_EQ(test, d->vd.state, VCHAN_DESC_TERMINATED);
	vchan_synchronize(&c->vc);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->frees), 1);
}

/* After terminate, synchronize and a restart only new periods are reported. */
static void virt_dma_cyclic_restart(struct kunit *test)
{
	struct vdt_chan *c = vdt_chan_new(test, true);
	struct vdt_desc *d1 = vdt_start_cyclic(c);
	struct vdt_desc *d2;

	vdt_hold();
	vdt_period(d1, 3);
	vdt_terminate(c, d1);
	vdt_unhold(c);
	vchan_synchronize(&c->vc);

	d2 = vdt_start_cyclic(c);
	vdt_period(d2, 2);
	vdt_run_tasklet(c);

	KUNIT_EXPECT_EQ(test, atomic_read(&d1->calls), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&d2->calls), 2);
	KUNIT_EXPECT_EQ(test, vdt_stat(c, periods), 2);
	KUNIT_EXPECT_EQ(test, vdt_stat(c, periods_coalesced), 3);
	KUNIT_EXPECT_EQ(test, atomic_read(&d1->frees), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&d2->frees), 0);
}

static struct kunit_case virt_dma_cyclic_cases[] = {
	KUNIT_CASE(virt_dma_cyclic_each_period),
	KUNIT_CASE(virt_dma_cyclic_burst_coalesced),
	KUNIT_CASE(virt_dma_cyclic_no_callback),
	KUNIT_CASE(virt_dma_cyclic_lockless_irq),
	KUNIT_CASE(virt_dma_cyclic_terminate_drops_pending),
	KUNIT_CASE(virt_dma_cyclic_terminate_in_callback),
	KUNIT_CASE(virt_dma_cyclic_restart),
	{}
};

static struct kunit_suite virt_dma_cyclic_suite = {
	.name = "virt_dma_cyclic",
	.test_cases = virt_dma_cyclic_cases,
};

/* ------------------------------------------------------------------ */
/* virt_dma_terminate: parking, synchronize, races                     */
/* ------------------------------------------------------------------ */

/* The running descriptor stays parked until synchronize frees it once. */
static void virt_dma_term_parked_until_sync(struct kunit *test)
{
	struct vdt_chan *c = vdt_chan_new(test, true);
	struct vdt_desc *d0 = vdt_queue(c, 0);
	struct vdt_desc *d1 = vdt_queue(c, 0);

	vdt_issue(c);
	KUNIT_ASSERT_PTR_EQ(test, vdt_start(c), d0);
	vdt_terminate(c, d0);

	KUNIT_EXPECT_TRUE(test, vdt_on(&c->vc.desc_terminated, d0));
	KUNIT_EXPECT_EQ(test, d0->vd.state, VCHAN_DESC_TERMINATED);
	KUNIT_EXPECT_EQ(test, atomic_read(&d0->frees), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&d1->frees), 1);
	KUNIT_EXPECT_EQ(test, vdt_stat(c, aborted), 2);
	KUNIT_EXPECT_EQ(test, atomic_read(&c->vc.chan.stats.in_flight), 0);

	/* a second terminate does not free it either */
	vdt_terminate(c, NULL);
	KUNIT_EXPECT_EQ(test, atomic_read(&d0->frees), 0);
	KUNIT_EXPECT_EQ(test, vdt_stat(c, aborted), 2);

	vchan_synchronize(&c->vc);
	KUNIT_EXPECT_EQ(test, atomic_read(&d0->frees), 1);
	KUNIT_EXPECT_EQ(test, d0->vd.state, VCHAN_DESC_FREED);
	KUNIT_EXPECT_TRUE(test, list_empty(&c->vc.desc_terminated));
	KUNIT_EXPECT_EQ(test, atomic_read(&c->calls), 0);

	vchan_synchronize(&c->vc);
	KUNIT_EXPECT_EQ(test, atomic_read(&c->frees), 2);
}

/* Without device_synchronize the terminate call frees the parked one. */
static void virt_dma_term_no_sync_frees_at_once(struct kunit *test)
{
	struct vdt_chan *c = vdt_chan_new(test, false);
	struct vdt_desc *d = vdt_queue(c, 0);

	vdt_issue(c);
	KUNIT_ASSERT_PTR_EQ(test, vdt_start(c), d);
	vdt_terminate(c, d);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->frees), 1);
	KUNIT_EXPECT_TRUE(test, list_empty(&c->vc.desc_terminated));
	KUNIT_EXPECT_EQ(test, vdt_stat(c, aborted), 1);

	/* and issuing right away is fine */
	d = vdt_queue(c, 0);
	KUNIT_EXPECT_TRUE(test, vdt_issue(c));
}

/* Parking twice, or a descriptor still on the issued list, is harmless. */
static void virt_dma_term_tolerant(struct kunit *test)
{
	struct vdt_chan *c = vdt_chan_new(test, true);
	struct vdt_desc *d0 = vdt_queue(c, 0);
	struct vdt_desc *d1 = vdt_queue(c, 0);
	unsigned long flags;

	vdt_issue(c);
	spin_lock_irqsave(&c->vc.lock, flags);
	/* the driver runs d0 but left it on desc_issued */
	vchan_terminate_vdesc(vchan_next_desc(&c->vc));
	vchan_terminate_vdesc(&d0->vd);
	spin_unlock_irqrestore(&c->vc.lock, flags);

	KUNIT_EXPECT_EQ(test, list_count_nodes(&c->vc.desc_issued), 1);
	KUNIT_EXPECT_TRUE(test, vdt_on(&c->vc.desc_issued, d1));
	KUNIT_EXPECT_EQ(test, list_count_nodes(&c->vc.desc_terminated), 1);
	KUNIT_EXPECT_TRUE(test, vdt_on(&c->vc.desc_terminated, d0));
	KUNIT_EXPECT_EQ(test, vdt_stat(c, aborted), 1);

	vdt_terminate(c, NULL);
	vchan_synchronize(&c->vc);
	KUNIT_EXPECT_EQ(test, atomic_read(&d0->frees), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&d1->frees), 1);
	KUNIT_EXPECT_EQ(test, vdt_stat(c, aborted), 2);
}

/* A completion whose callback had not run yet is dropped by terminate. */
static void virt_dma_term_drops_completed(struct kunit *test)
{
	struct vdt_chan *c = vdt_chan_new(test, true);
	struct vdt_desc *d = vdt_queue(c, 0);

	vdt_issue(c);
	vdt_hold();
	vdt_take(c, d);
	vdt_complete(d);
	vdt_terminate(c, NULL);
	vdt_unhold(c);

	KUNIT_EXPECT_EQ(test, atomic_read(&d->calls), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->frees), 1);
	KUNIT_EXPECT_EQ(test, vdt_stat(c, completed), 1);
	KUNIT_EXPECT_EQ(test, vdt_stat(c, aborted), 0);
}

/* synchronize lets a pending callback finish; none runs after it returns. */
static void virt_dma_term_sync_waits_for_callback(struct kunit *test)
{
	struct vdt_chan *c = vdt_chan_new(test, true);
	struct vdt_desc *d = vdt_queue(c, 0);

	vdt_issue(c);
	KUNIT_ASSERT_PTR_EQ(test, vdt_start(c), d);
	vdt_complete(d);
	vchan_synchronize(&c->vc);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->calls), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->frees), 1);

	WRITE_ONCE(c->forbid, true);
	vdt_run_tasklet(c);
	msleep(20);
	KUNIT_EXPECT_EQ(test, atomic_read(&c->late), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&c->calls), 1);
}

/* The fake engine of the race cases. */
enum vdt_engine_kind {
	VDT_ENGINE_HRTIMER,
	VDT_ENGINE_WORK,
};

struct vdt_engine {
	struct vdt_chan *c;
	enum vdt_engine_kind kind;
	bool cyclic;
	struct hrtimer timer;
	struct delayed_work work;
	struct virt_dma_desc *active;	/* under c->vc.lock */
	bool running;			/* under c->vc.lock */
	unsigned int signalled;		/* periods, under c->vc.lock */
};

/* One engine step: finish (or tick) the running descriptor, start the next. */
static void vdt_engine_step(struct vdt_engine *e)
{
	struct virt_dma_chan *vc = &e->c->vc;
	struct virt_dma_desc *vd;
	unsigned long flags;

	spin_lock_irqsave(&vc->lock, flags);
	if (e->running && e->active) {
		if (e->cyclic) {
			vchan_cyclic_callback(e->active);
			e->signalled++;
		} else {
			vchan_cookie_complete(e->active);
			e->active = NULL;
		}
	}
	if (e->running && !e->active) {
		vd = vchan_next_desc(vc);
		if (vd) {
			list_del(&vd->node);
			e->active = vd;
		}
	}
	spin_unlock_irqrestore(&vc->lock, flags);
}

static enum hrtimer_restart vdt_engine_timer(struct hrtimer *t)
{
	struct vdt_engine *e = container_of(t, struct vdt_engine, timer);

	vdt_engine_step(e);
	if (!READ_ONCE(e->running))
		return HRTIMER_NORESTART;
	hrtimer_forward_now(t, ns_to_ktime(500 * NSEC_PER_USEC));
	return HRTIMER_RESTART;
}

static void vdt_engine_work(struct work_struct *w)
{
	struct vdt_engine *e = container_of(to_delayed_work(w),
					    struct vdt_engine, work);

	vdt_engine_step(e);
	if (READ_ONCE(e->running))
		schedule_delayed_work(&e->work, 1);
}

static void vdt_engine_start(struct vdt_engine *e)
{
	unsigned long flags;

	spin_lock_irqsave(&e->c->vc.lock, flags);
	e->running = true;
	spin_unlock_irqrestore(&e->c->vc.lock, flags);

	if (e->kind == VDT_ENGINE_HRTIMER)
		hrtimer_start(&e->timer, ns_to_ktime(500 * NSEC_PER_USEC), HRTIMER_MODE_REL_HARD);
	else
		schedule_delayed_work(&e->work, 0);
}

/* The driver's synchronize part: wait until the engine is really idle. */
static void vdt_engine_quiesce(void *data)
{
	struct vdt_engine *e = data;

	WRITE_ONCE(e->running, false);
	if (e->kind == VDT_ENGINE_HRTIMER)
		hrtimer_cancel(&e->timer);
	else
		cancel_delayed_work_sync(&e->work);
}

static struct vdt_engine *vdt_engine_new(struct kunit *test, struct vdt_chan *c,
					 enum vdt_engine_kind kind, bool cyclic)
{
	struct vdt_engine *e = kunit_kzalloc(test, sizeof(*e), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, e);
	e->c = c;
	e->kind = kind;
	e->cyclic = cyclic;
	hrtimer_init(&e->timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL_HARD);
	e->timer.function = vdt_engine_timer;
	INIT_DELAYED_WORK(&e->work, vdt_engine_work);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, vdt_engine_quiesce, e), 0);
	return e;
}

/* terminate_all of the engine's driver: stop it and park what it ran. */
static void vdt_engine_terminate(struct vdt_engine *e)
{
	struct virt_dma_chan *vc = &e->c->vc;
	unsigned long flags;
	LIST_HEAD(head);

	spin_lock_irqsave(&vc->lock, flags);
	e->running = false;
	if (e->active)
		vchan_terminate_vdesc(e->active);
	e->active = NULL;
	vchan_get_all_descriptors(vc, &head);
	spin_unlock_irqrestore(&vc->lock, flags);

	vchan_dma_desc_free_list(vc, &head);
}

struct vdt_race_case {
	const char *name;
	enum vdt_engine_kind kind;
	bool cyclic;
};

static const struct vdt_race_case vdt_race_cases[] = {
	{ "hrtimer completions", VDT_ENGINE_HRTIMER, false },
	{ "workqueue completions", VDT_ENGINE_WORK, false },
	{ "hrtimer periods", VDT_ENGINE_HRTIMER, true },
	{ "workqueue periods", VDT_ENGINE_WORK, true },
};

static void vdt_race_desc(const struct vdt_race_case *p, char *desc)
{
	strscpy(desc, p->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(vdt_race, vdt_race_cases, vdt_race_desc);

#define VDT_RACE_ROUNDS		12
#define VDT_RACE_DESCS		4

/* Let the engine run for a varying time: busy (irqs on) or sleeping. */
static void vdt_race_pause(unsigned int round)
{
	switch (round % 4) {
	case 0:
		break;
	case 1:
		mdelay(3);
		break;
	case 2:
		usleep_range(5000, 6000);
		break;
	default:
		msleep(25);
		break;
	}
}

/* Terminate racing completions or periods: nothing freed twice, nothing late. */
static void virt_dma_term_race(struct kunit *test)
{
	const struct vdt_race_case *p = test->param_value;
	struct vdt_chan *c = vdt_chan_new(test, true);
	struct vdt_engine *e = vdt_engine_new(test, c, p->kind, p->cyclic);
	struct vdt_desc *d[VDT_RACE_ROUNDS][VDT_RACE_DESCS];
	unsigned int ndesc = p->cyclic ? 1 : VDT_RACE_DESCS;
	unsigned int r, i, done = 0, dropped = 0, calls;

	for (r = 0; r < VDT_RACE_ROUNDS; r++) {
		for (i = 0; i < ndesc; i++)
			d[r][i] = vdt_queue(c, DMA_PREP_INTERRUPT);
		vdt_issue(c);
		vdt_engine_start(e);
		vdt_race_pause(r);

		vdt_engine_terminate(e);
		/* on UP no period callback may start once terminate returned */
		if (!IS_ENABLED(CONFIG_SMP) && p->cyclic)
			WRITE_ONCE(c->forbid, true);
		vdt_engine_quiesce(e);
		vchan_synchronize(&c->vc);

		WRITE_ONCE(c->forbid, true);
		calls = atomic_read(&c->calls);
		vdt_run_tasklet(c);
		usleep_range(2000, 3000);
		KUNIT_EXPECT_EQ(test, atomic_read(&c->calls), calls);
		WRITE_ONCE(c->forbid, false);

		for (i = 0; i < ndesc; i++) {
			struct vdt_desc *x = d[r][i];

			KUNIT_EXPECT_EQ(test, atomic_read(&x->frees), 1);
			if (p->cyclic)
				continue;
			KUNIT_EXPECT_LE(test, atomic_read(&x->calls), 1);
			if (x->vd.tx.cookie == 0)
				done++;
			else
				dropped++;
			/* a callback only for a completed descriptor */
			if (atomic_read(&x->calls))
				KUNIT_EXPECT_EQ(test, x->vd.tx.cookie, 0);
		}
	}

	KUNIT_EXPECT_EQ(test, atomic_read(&c->late), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&c->bad_context), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&c->vc.chan.stats.in_flight), 0);
	KUNIT_EXPECT_EQ(test, vdt_stat(c, submitted), VDT_RACE_ROUNDS * ndesc);
	if (p->cyclic) {
		KUNIT_EXPECT_EQ(test, vdt_stat(c, periods) +
				vdt_stat(c, periods_coalesced), e->signalled);
		KUNIT_EXPECT_EQ(test, vdt_stat(c, periods), atomic_read(&c->calls));
		KUNIT_EXPECT_EQ(test, vdt_stat(c, aborted), VDT_RACE_ROUNDS);
		KUNIT_EXPECT_GT(test, e->signalled, 0);
	} else {
		KUNIT_EXPECT_EQ(test, vdt_stat(c, completed), done);
		KUNIT_EXPECT_EQ(test, vdt_stat(c, aborted), dropped);
		KUNIT_EXPECT_LE(test, atomic_read(&c->calls), done);
		KUNIT_EXPECT_GT(test, done, 0);
		KUNIT_EXPECT_GT(test, dropped, 0);
	}
}

static struct kunit_case virt_dma_terminate_cases[] = {
	KUNIT_CASE(virt_dma_term_parked_until_sync),
	KUNIT_CASE(virt_dma_term_no_sync_frees_at_once),
	KUNIT_CASE(virt_dma_term_tolerant),
	KUNIT_CASE(virt_dma_term_drops_completed),
	KUNIT_CASE(virt_dma_term_sync_waits_for_callback),
	KUNIT_CASE_PARAM(virt_dma_term_race, vdt_race_gen_params),
	{}
};

static struct kunit_suite virt_dma_terminate_suite = {
	.name = "virt_dma_terminate",
	.test_cases = virt_dma_terminate_cases,
};

/* ------------------------------------------------------------------ */
/* virt_dma_reuse: DMA_CTRL_REUSE descriptors                          */
/* ------------------------------------------------------------------ */

/* Run one issued descriptor to its callback. */
static void vdt_run_one(struct vdt_chan *c, struct vdt_desc *d)
{
	vdt_issue(c);
	KUNIT_ASSERT_PTR_EQ(c->test, vdt_start(c), d);
	vdt_complete(d);
	vdt_run_tasklet(c);
}

/* A reusable descriptor returns to the allocated list and runs again. */
static void virt_dma_reuse_resubmit(struct kunit *test)
{
	struct vdt_chan *c = vdt_chan_new(test, true);
	struct vdt_desc *d = vdt_prep(c, DMA_CTRL_REUSE);
	dma_cookie_t c1, c2;

	c1 = vdt_submit(d);
	vdt_run_one(c, d);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->calls), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->frees), 0);
	KUNIT_EXPECT_EQ(test, d->vd.state, VCHAN_DESC_PREPARED);
	KUNIT_EXPECT_PTR_EQ(test, list_first_entry(&c->vc.desc_allocated,
						   struct virt_dma_desc, node), &d->vd);

	c2 = vdt_submit(d);
	KUNIT_EXPECT_EQ(test, c2, c1 + 1);
	vdt_run_one(c, d);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->calls), 2);
	KUNIT_EXPECT_EQ(test, dma_cookie_status(&c->vc.chan, c2, NULL), DMA_COMPLETE);

	KUNIT_EXPECT_EQ(test, dmaengine_desc_free(&d->vd.tx), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->frees), 1);
	KUNIT_EXPECT_EQ(test, d->vd.state, VCHAN_DESC_FREED);
	KUNIT_EXPECT_TRUE(test, list_empty(&c->vc.desc_allocated));
	KUNIT_EXPECT_EQ(test, vdt_stat(c, submitted), 2);
	KUNIT_EXPECT_EQ(test, vdt_stat(c, completed), 2);
}

/* Terminated reusable descriptors come back at synchronize, not freed. */
static void virt_dma_reuse_terminated(struct kunit *test)
{
	struct vdt_chan *c = vdt_chan_new(test, true);
	struct vdt_desc *run = vdt_prep(c, DMA_CTRL_REUSE);
	struct vdt_desc *queued = vdt_prep(c, DMA_CTRL_REUSE);

	vdt_submit(run);
	vdt_submit(queued);
	vdt_issue(c);
	KUNIT_ASSERT_PTR_EQ(test, vdt_start(c), run);
	vdt_terminate(c, run);

	KUNIT_EXPECT_EQ(test, queued->vd.state, VCHAN_DESC_PREPARED);
	KUNIT_EXPECT_TRUE(test, vdt_on(&c->vc.desc_allocated, queued));
	KUNIT_EXPECT_TRUE(test, vdt_on(&c->vc.desc_terminated, run));

	vchan_synchronize(&c->vc);
	KUNIT_EXPECT_EQ(test, run->vd.state, VCHAN_DESC_PREPARED);
	KUNIT_EXPECT_EQ(test, run->vd.tx.cookie, 0);
	KUNIT_EXPECT_TRUE(test, vdt_on(&c->vc.desc_allocated, run));
	KUNIT_EXPECT_EQ(test, atomic_read(&c->frees), 0);
	KUNIT_EXPECT_EQ(test, vdt_stat(c, aborted), 2);

	/* still usable */
	KUNIT_EXPECT_GE(test, vdt_submit(run), DMA_MIN_COOKIE);
	vdt_run_one(c, run);
	KUNIT_EXPECT_EQ(test, atomic_read(&run->calls), 1);
}

/* vchan_free_chan_resources() clears REUSE and frees everything. */
static void virt_dma_reuse_free_chan_resources(struct kunit *test)
{
	struct vdt_chan *c = vdt_chan_new(test, true);
	struct vdt_desc *d[5];
	int i;

	for (i = 0; i < 5; i++)
		d[i] = vdt_prep(c, DMA_CTRL_REUSE);
	for (i = 1; i < 5; i++)
		vdt_submit(d[i]);
	vdt_issue(c);
	vdt_hold();
	vdt_take(c, d[1]);
	vdt_complete(d[1]);		/* callback still pending */
	vdt_take(c, d[2]);
	vdt_terminate(c, d[2]);
	vdt_submit(d[3]);		/* recycled by terminate, queued again */

	vchan_free_chan_resources(&c->vc);
	vdt_unhold(c);
	for (i = 0; i < 5; i++) {
		KUNIT_EXPECT_EQ(test, atomic_read(&d[i]->frees), 1);
		KUNIT_EXPECT_FALSE(test, dmaengine_desc_test_reuse(&d[i]->vd.tx));
		KUNIT_EXPECT_EQ(test, d[i]->vd.state, VCHAN_DESC_FREED);
	}
	KUNIT_EXPECT_TRUE(test, list_empty(&c->vc.desc_allocated));
	KUNIT_EXPECT_TRUE(test, list_empty(&c->vc.desc_submitted));
	KUNIT_EXPECT_TRUE(test, list_empty(&c->vc.desc_terminated));
	/* d2, d3, d4 by terminate, d3 again at teardown */
	KUNIT_EXPECT_EQ(test, vdt_stat(c, aborted), 4);
	KUNIT_EXPECT_EQ(test, atomic_read(&c->vc.chan.stats.in_flight), 0);

	vdt_run_tasklet(c);
	KUNIT_EXPECT_EQ(test, atomic_read(&c->calls), 0);
}

static void vdt_resubmit_self(struct vdt_desc *d)
{
	if (atomic_read(&d->calls) != 1)
		return;
	KUNIT_EXPECT_GE(d->c->test, vdt_submit(d), DMA_MIN_COOKIE);
	vdt_issue(d->c);
}

/* A reusable descriptor may be resubmitted from its own callback. */
static void virt_dma_reuse_resubmit_from_callback(struct kunit *test)
{
	struct vdt_chan *c = vdt_chan_new(test, true);
	struct vdt_desc *d = vdt_prep(c, DMA_CTRL_REUSE);

	c->on_call = vdt_resubmit_self;
	vdt_submit(d);
	vdt_run_one(c, d);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->calls), 1);
	KUNIT_EXPECT_EQ(test, d->vd.state, VCHAN_DESC_ISSUED);
	KUNIT_EXPECT_TRUE(test, vdt_on(&c->vc.desc_issued, d));
	KUNIT_EXPECT_TRUE(test, list_empty(&c->vc.desc_allocated));

	KUNIT_ASSERT_PTR_EQ(test, vdt_start(c), d);
	vdt_complete(d);
	vdt_run_tasklet(c);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->calls), 2);
	KUNIT_EXPECT_EQ(test, d->vd.state, VCHAN_DESC_PREPARED);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->frees), 0);
}

static void vdt_rerun_self(struct vdt_desc *d)
{
	struct vdt_chan *c = d->c;

	if (atomic_read(&d->calls) != 1)
		return;
	KUNIT_EXPECT_GE(c->test, vdt_submit(d), DMA_MIN_COOKIE);
	vdt_issue(c);
	vdt_take(c, d);
	vdt_complete(d);	/* an engine that finishes at once */
}

/* A resubmit that completes within the callback gets its own callback. */
static void virt_dma_reuse_complete_within_callback(struct kunit *test)
{
	struct vdt_chan *c = vdt_chan_new(test, true);
	struct vdt_desc *d = vdt_prep(c, DMA_CTRL_REUSE);

	c->on_call = vdt_rerun_self;
	vdt_submit(d);
	vdt_run_one(c, d);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->calls), 2);
	KUNIT_EXPECT_EQ(test, d->vd.state, VCHAN_DESC_PREPARED);
	KUNIT_EXPECT_TRUE(test, vdt_on(&c->vc.desc_allocated, d));
	KUNIT_EXPECT_EQ(test, atomic_read(&d->frees), 0);
	KUNIT_EXPECT_EQ(test, vdt_stat(c, completed), 2);
}

static void vdt_free_self(struct vdt_desc *d)
{
	KUNIT_EXPECT_EQ(d->c->test, dmaengine_desc_free(&d->vd.tx), 0);
	/* not yet: the tasklet still holds it */
	KUNIT_EXPECT_EQ(d->c->test, atomic_read(&d->frees), 0);
}

/* dmaengine_desc_free() from its own callback frees it once, afterwards. */
static void virt_dma_reuse_free_from_callback(struct kunit *test)
{
	struct vdt_chan *c = vdt_chan_new(test, true);
	struct vdt_desc *d = vdt_prep(c, DMA_CTRL_REUSE);

	c->on_call = vdt_free_self;
	vdt_submit(d);
	vdt_run_one(c, d);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->calls), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->frees), 1);
	KUNIT_EXPECT_EQ(test, d->vd.state, VCHAN_DESC_FREED);
	KUNIT_EXPECT_TRUE(test, list_empty(&c->vc.desc_allocated));
}

static struct kunit_case virt_dma_reuse_cases[] = {
	KUNIT_CASE(virt_dma_reuse_resubmit),
	KUNIT_CASE(virt_dma_reuse_terminated),
	KUNIT_CASE(virt_dma_reuse_free_chan_resources),
	KUNIT_CASE(virt_dma_reuse_resubmit_from_callback),
	KUNIT_CASE(virt_dma_reuse_complete_within_callback),
	KUNIT_CASE(virt_dma_reuse_free_from_callback),
	{}
};

static struct kunit_suite virt_dma_reuse_suite = {
	.name = "virt_dma_reuse",
	.test_cases = virt_dma_reuse_cases,
};

/* ------------------------------------------------------------------ */
/* virt_dma_lifecycle: misuse detection                                */
/* ------------------------------------------------------------------ */

static void vdt_need_debug(struct kunit *test)
{
	if (!IS_ENABLED(CONFIG_DMADEVICES_DEBUG))
		kunit_skip(test, "needs CONFIG_DMADEVICES_DEBUG");
}

/* A second submit of a queued descriptor is refused with -EINVAL. */
static void virt_dma_life_double_submit(struct kunit *test)
{
	struct vdt_chan *c;
	struct vdt_desc *d;
	dma_cookie_t first;

	vdt_need_debug(test);
	c = vdt_chan_new(test, true);
	d = vdt_prep(c, 0);
	first = vdt_submit(d);
	KUNIT_ASSERT_GE(test, first, DMA_MIN_COOKIE);

	KUNIT_EXPECT_EQ(test, vdt_submit(d), -EINVAL);
	KUNIT_EXPECT_EQ(test, d->vd.tx.cookie, first);
	KUNIT_EXPECT_EQ(test, c->vc.chan.cookie, first);
	KUNIT_EXPECT_EQ(test, list_count_nodes(&c->vc.desc_submitted), 1);

	vdt_issue(c);
	KUNIT_EXPECT_EQ(test, vdt_submit(d), -EINVAL);
	KUNIT_EXPECT_EQ(test, d->vd.state, VCHAN_DESC_ISSUED);
	KUNIT_EXPECT_EQ(test, vdt_stat(c, submitted), 1);
}

/* Submitting a freed descriptor is refused. */
static void virt_dma_life_submit_after_free(struct kunit *test)
{
	struct vdt_chan *c;
	struct vdt_desc *d;

	vdt_need_debug(test);
	c = vdt_chan_new(test, true);
	d = vdt_queue(c, 0);
	vdt_run_one(c, d);
	KUNIT_ASSERT_EQ(test, atomic_read(&d->frees), 1);

	KUNIT_EXPECT_EQ(test, vdt_submit(d), -EINVAL);
	KUNIT_EXPECT_EQ(test, d->vd.state, VCHAN_DESC_FREED);
	KUNIT_EXPECT_TRUE(test, list_empty(&c->vc.desc_submitted));
	KUNIT_EXPECT_EQ(test, vdt_stat(c, submitted), 1);
}

/* issue_pending between terminate and synchronize is refused until then. */
static void virt_dma_life_issue_before_sync(struct kunit *test)
{
	struct vdt_chan *c;
	struct vdt_desc *d0, *d1;

	vdt_need_debug(test);
	c = vdt_chan_new(test, true);
	d0 = vdt_queue(c, 0);
	vdt_issue(c);
	KUNIT_ASSERT_PTR_EQ(test, vdt_start(c), d0);
	vdt_terminate(c, d0);

	d1 = vdt_queue(c, 0);
	KUNIT_EXPECT_FALSE(test, vdt_issue(c));
	KUNIT_EXPECT_EQ(test, d1->vd.state, VCHAN_DESC_SUBMITTED);
	KUNIT_EXPECT_TRUE(test, list_empty(&c->vc.desc_issued));

	vchan_synchronize(&c->vc);
	KUNIT_EXPECT_EQ(test, atomic_read(&d0->frees), 1);
	KUNIT_EXPECT_TRUE(test, vdt_issue(c));
	KUNIT_EXPECT_EQ(test, d1->vd.state, VCHAN_DESC_ISSUED);
}

/* Completing a descriptor that was never issued is ignored. */
static void virt_dma_life_complete_unissued(struct kunit *test)
{
	struct vdt_chan *c;
	struct vdt_desc *d;
	dma_cookie_t cookie;

	vdt_need_debug(test);
	c = vdt_chan_new(test, true);
	d = vdt_queue(c, 0);
	cookie = d->vd.tx.cookie;

	vdt_complete(d);
	KUNIT_EXPECT_EQ(test, d->vd.state, VCHAN_DESC_SUBMITTED);
	KUNIT_EXPECT_TRUE(test, vdt_on(&c->vc.desc_submitted, d));
	KUNIT_EXPECT_EQ(test, d->vd.tx.cookie, cookie);
	KUNIT_EXPECT_EQ(test, dma_cookie_status(&c->vc.chan, cookie, NULL),
			DMA_IN_PROGRESS);
	vdt_run_tasklet(c);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->calls), 0);
	KUNIT_EXPECT_EQ(test, vdt_stat(c, completed), 0);
}

/* A second completion is ignored, with or without the debug option. */
static void virt_dma_life_complete_twice(struct kunit *test)
{
	struct vdt_chan *c = vdt_chan_new(test, true);
	struct vdt_desc *d = vdt_queue(c, 0);

	vdt_issue(c);
	vdt_hold();
	vdt_take(c, d);
	vdt_complete(d);
	vdt_complete(d);
	KUNIT_EXPECT_EQ(test, list_count_nodes(&c->vc.desc_completed), 1);
	vdt_unhold(c);

	KUNIT_EXPECT_EQ(test, atomic_read(&d->calls), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->frees), 1);
	KUNIT_EXPECT_EQ(test, vdt_stat(c, completed), 1);
}

/* A completion arriving after the descriptor was parked is dropped. */
static void virt_dma_life_complete_after_terminate(struct kunit *test)
{
	struct vdt_chan *c = vdt_chan_new(test, true);
	struct vdt_desc *d = vdt_queue(c, 0);
	unsigned long flags;

	vdt_issue(c);
	KUNIT_ASSERT_PTR_EQ(test, vdt_start(c), d);
	spin_lock_irqsave(&c->vc.lock, flags);
	vchan_terminate_vdesc(&d->vd);
	vchan_cookie_complete(&d->vd);
	spin_unlock_irqrestore(&c->vc.lock, flags);

	KUNIT_EXPECT_EQ(test, d->vd.state, VCHAN_DESC_TERMINATED);
	KUNIT_EXPECT_TRUE(test, list_empty(&c->vc.desc_completed));
	vdt_run_tasklet(c);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->calls), 0);
	KUNIT_EXPECT_EQ(test, vdt_stat(c, completed), 0);
	KUNIT_EXPECT_EQ(test, vdt_stat(c, aborted), 1);

	vchan_synchronize(&c->vc);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->frees), 1);
}

/* Freeing a descriptor twice is refused. */
static void virt_dma_life_free_twice(struct kunit *test)
{
	struct vdt_chan *c;
	struct vdt_desc *d;

	vdt_need_debug(test);
	c = vdt_chan_new(test, true);
	d = vdt_prep(c, DMA_CTRL_REUSE);
	KUNIT_EXPECT_EQ(test, dmaengine_desc_free(&d->vd.tx), 0);
	d->vd.tx.flags |= DMA_CTRL_REUSE;
	KUNIT_EXPECT_EQ(test, dmaengine_desc_free(&d->vd.tx), -EINVAL);
	KUNIT_EXPECT_EQ(test, atomic_read(&d->frees), 1);
}

static struct kunit_case virt_dma_lifecycle_cases[] = {
	KUNIT_CASE(virt_dma_life_double_submit),
	KUNIT_CASE(virt_dma_life_submit_after_free),
	KUNIT_CASE(virt_dma_life_issue_before_sync),
	KUNIT_CASE(virt_dma_life_complete_unissued),
	KUNIT_CASE(virt_dma_life_complete_twice),
	KUNIT_CASE(virt_dma_life_complete_after_terminate),
	KUNIT_CASE(virt_dma_life_free_twice),
	{}
};

static struct kunit_suite virt_dma_lifecycle_suite = {
	.name = "virt_dma_lifecycle",
	.test_cases = virt_dma_lifecycle_cases,
};

/* ------------------------------------------------------------------ */
/* virt_dma_provider: a memcpy controller registered with the core     */
/* ------------------------------------------------------------------ */

struct vdp;

struct vdp_desc {
	struct virt_dma_desc vd;
	dma_addr_t src;
	dma_addr_t dst;
	size_t len;
};

struct vdp_chan {
	struct virt_dma_chan vc;
	struct vdp *p;
	struct vdp_desc *active;	/* held by the "hardware", under vc.lock */
};

struct vdp {
	struct dma_device dd;
	struct vdp_chan ch;
	struct device *dev;
	bool hold;		/* keep issued work instead of running it */
	atomic_t allocs;
	atomic_t frees;
	atomic_t calls;
	atomic_t bad_context;
	struct completion done;
	struct completion released;	/* device_release ran */
};

static struct vdp_chan *to_vdp_chan(struct dma_chan *chan)
{
	return container_of(to_virt_chan(chan), struct vdp_chan, vc);
}

static void vdp_desc_free(struct virt_dma_desc *vd)
{
	struct vdp *p = to_vdp_chan(vd->tx.chan)->p;

	kfree(container_of(vd, struct vdp_desc, vd));
	atomic_inc(&p->frees);
}

static struct dma_async_tx_descriptor *
vdp_prep_memcpy(struct dma_chan *chan, dma_addr_t dst, dma_addr_t src,
		size_t len, unsigned long flags)
{
	struct vdp_chan *pc = to_vdp_chan(chan);
	struct vdp_desc *d = kzalloc(sizeof(*d), GFP_NOWAIT);

	if (!d)
		return NULL;
	d->src = src;
	d->dst = dst;
	d->len = len;
	atomic_inc(&pc->p->allocs);
	return vchan_tx_prep(&pc->vc, &d->vd, flags);
}

static void *vdp_cpu_addr(struct vdp *p, dma_addr_t addr)
{
	return phys_to_virt(dma_to_phys(p->dev, addr));
}

/* Run all issued work with the CPU; called with vc.lock held. */
static void vdp_run(struct vdp_chan *pc)
{
	struct virt_dma_desc *vd;
	struct vdp_desc *d;

	while (!pc->active && (vd = vchan_next_desc(&pc->vc))) {
		list_del(&vd->node);
		d = container_of(vd, struct vdp_desc, vd);
		if (pc->p->hold) {
			pc->active = d;
			break;
		}
		memcpy(vdp_cpu_addr(pc->p, d->dst), vdp_cpu_addr(pc->p, d->src),
		       d->len);
		vchan_cookie_complete(vd);
	}
}

static void vdp_issue_pending(struct dma_chan *chan)
{
	struct vdp_chan *pc = to_vdp_chan(chan);
	unsigned long flags;

	spin_lock_irqsave(&pc->vc.lock, flags);
	if (vchan_issue_pending(&pc->vc))
		vdp_run(pc);
	spin_unlock_irqrestore(&pc->vc.lock, flags);
}

static enum dma_status vdp_tx_status(struct dma_chan *chan, dma_cookie_t cookie,
				     struct dma_tx_state *state)
{
	struct vdp_chan *pc = to_vdp_chan(chan);
	enum dma_status st = dma_cookie_status(chan, cookie, state);
	struct virt_dma_desc *vd;
	unsigned long flags;
	u32 left = 0;

	if (st == DMA_COMPLETE)
		return st;

	spin_lock_irqsave(&pc->vc.lock, flags);
	vd = vchan_find_desc(&pc->vc, cookie);
	if (vd)
		left = container_of(vd, struct vdp_desc, vd)->len;
	else if (pc->active && pc->active->vd.tx.cookie == cookie)
		left = pc->active->len;
	spin_unlock_irqrestore(&pc->vc.lock, flags);

	dma_set_residue(state, left);
	return st;
}

static int vdp_terminate_all(struct dma_chan *chan)
{
	struct vdp_chan *pc = to_vdp_chan(chan);
	unsigned long flags;
	LIST_HEAD(head);

	spin_lock_irqsave(&pc->vc.lock, flags);
	if (pc->active)
		vchan_terminate_vdesc(&pc->active->vd);
	pc->active = NULL;
	vchan_get_all_descriptors(&pc->vc, &head);
	spin_unlock_irqrestore(&pc->vc.lock, flags);

	vchan_dma_desc_free_list(&pc->vc, &head);
	return 0;
}

static void vdp_synchronize(struct dma_chan *chan)
{
	vchan_synchronize(to_virt_chan(chan));
}

static int vdp_alloc_chan_resources(struct dma_chan *chan)
{
	return 0;
}

static void vdp_free_chan_resources(struct dma_chan *chan)
{
	vchan_free_chan_resources(to_virt_chan(chan));
}

static void vdp_device_release(struct dma_device *dd)
{
	complete(&container_of(dd, struct vdp, dd)->released);
}

/* Unregister and wait until the core is done with the test's memory. */
static void vdp_unregister(void *data)
{
	struct vdp *p = data;

	dma_async_device_unregister(&p->dd);
	WARN_ON(!wait_for_completion_timeout(&p->released, 5 * HZ));
}

static struct vdp *vdp_create(struct kunit *test)
{
	struct dma_device *dd;
	struct vdp *p;

	p = kunit_kzalloc(test, sizeof(*p), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	init_completion(&p->done);
	init_completion(&p->released);
	p->dev = kunit_device_register(test, "virt-dma-kunit");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, p->dev);
	KUNIT_ASSERT_EQ(test, dma_set_mask_and_coherent(p->dev, DMA_BIT_MASK(32)), 0);

	dd = &p->dd;
	dd->dev = p->dev;
	INIT_LIST_HEAD(&dd->channels);
	dma_cap_zero(dd->cap_mask);
	dma_cap_set(DMA_MEMCPY, dd->cap_mask);
	dma_cap_set(DMA_PRIVATE, dd->cap_mask);
	dd->device_alloc_chan_resources = vdp_alloc_chan_resources;
	dd->device_free_chan_resources = vdp_free_chan_resources;
	dd->device_prep_dma_memcpy = vdp_prep_memcpy;
	dd->device_issue_pending = vdp_issue_pending;
	dd->device_tx_status = vdp_tx_status;
	dd->device_terminate_all = vdp_terminate_all;
	dd->device_synchronize = vdp_synchronize;
	dd->device_release = vdp_device_release;

	p->ch.p = p;
	vchan_init(&p->ch.vc, dd);
	p->ch.vc.desc_free = vdp_desc_free;

	KUNIT_ASSERT_EQ(test, dma_async_device_register(dd), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, vdp_unregister, p), 0);
	return p;
}

static bool vdp_filter(struct dma_chan *chan, void *param)
{
	return chan->device == param;
}

static void vdp_release(void *data)
{
	dma_release_channel(data);
}

static struct dma_chan *vdp_request(struct kunit *test, struct vdp *p)
{
	struct dma_chan *chan;
	dma_cap_mask_t mask;

	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	chan = dma_request_channel(mask, vdp_filter, &p->dd);
	KUNIT_ASSERT_NOT_NULL(test, chan);
	KUNIT_ASSERT_PTR_EQ(test, chan, &p->ch.vc.chan);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, vdp_release, chan), 0);
	return chan;
}

static void vdp_callback(void *param, const struct dmaengine_result *res)
{
	struct vdp *p = param;

	if (!in_serving_softirq() || irqs_disabled())
		atomic_inc(&p->bad_context);
	if (res->result != DMA_TRANS_NOERROR)
		atomic_inc(&p->bad_context);
	atomic_inc(&p->calls);
	complete(&p->done);
}

static dma_addr_t vdp_map(struct kunit *test, struct vdp *p, void *buf,
			  size_t len, enum dma_data_direction dir)
{
	dma_addr_t addr = dma_map_single(p->dev, buf, len, dir);

	KUNIT_ASSERT_FALSE(test, dma_mapping_error(p->dev, addr));
	return addr;
}

/* A memcpy through the client API: bytes, cookie, context and statistics. */
static void virt_dma_provider_memcpy(struct kunit *test)
{
	const size_t len = 1024;
	struct vdp *p = vdp_create(test);
	struct dma_chan *chan = vdp_request(test, p);
	struct dma_async_tx_descriptor *tx;
	dma_addr_t dsrc, ddst;
	dma_cookie_t cookie;
	u8 *src, *dst;
	size_t i;

	src = kunit_kmalloc(test, len, GFP_KERNEL);
	dst = kunit_kzalloc(test, len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, src);
	KUNIT_ASSERT_NOT_NULL(test, dst);
	for (i = 0; i < len; i++)
		src[i] = (u8)(i * 7 + 3);
	dsrc = vdp_map(test, p, src, len, DMA_TO_DEVICE);
	ddst = vdp_map(test, p, dst, len, DMA_FROM_DEVICE);

	tx = dmaengine_prep_dma_memcpy(chan, ddst, dsrc, len,
				       DMA_PREP_INTERRUPT | DMA_CTRL_ACK);
	KUNIT_ASSERT_NOT_NULL(test, tx);
	tx->callback_result = vdp_callback;
	tx->callback_param = p;
	cookie = dmaengine_submit(tx);
	KUNIT_ASSERT_GE(test, cookie, DMA_MIN_COOKIE);
	dma_async_issue_pending(chan);
	KUNIT_ASSERT_GT(test, wait_for_completion_timeout(&p->done, 2 * HZ), 0);

	dma_unmap_single(p->dev, dsrc, len, DMA_TO_DEVICE);
	dma_unmap_single(p->dev, ddst, len, DMA_FROM_DEVICE);
	KUNIT_EXPECT_MEMEQ(test, dst, src, len);
	KUNIT_EXPECT_EQ(test, dma_async_is_tx_complete(chan, cookie, NULL, NULL),
			DMA_COMPLETE);
	KUNIT_EXPECT_EQ(test, atomic_read(&p->calls), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&p->bad_context), 0);

	dmaengine_synchronize(chan);
	KUNIT_EXPECT_EQ(test, atomic_read(&p->frees), 1);
	KUNIT_EXPECT_EQ(test, atomic64_read(&chan->stats.submitted), 1);
	KUNIT_EXPECT_EQ(test, atomic64_read(&chan->stats.completed), 1);
	KUNIT_EXPECT_EQ(test, atomic64_read(&chan->stats.bytes), len);
	KUNIT_EXPECT_EQ(test, atomic_read(&chan->stats.in_flight), 0);
}

/* terminate_sync aborts queued work: no callback, all freed and counted. */
static void virt_dma_provider_terminate_sync(struct kunit *test)
{
	const size_t len = 256;
	struct vdp *p = vdp_create(test);
	struct dma_chan *chan = vdp_request(test, p);
	struct dma_async_tx_descriptor *tx;
	dma_cookie_t cookie[3];
	struct dma_tx_state st;
	dma_addr_t dsrc, ddst;
	u8 *src, *dst;
	int i;

	src = kunit_kzalloc(test, len, GFP_KERNEL);
	dst = kunit_kzalloc(test, len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, src);
	KUNIT_ASSERT_NOT_NULL(test, dst);
	memset(src, 0x5a, len);
	dsrc = vdp_map(test, p, src, len, DMA_TO_DEVICE);
	ddst = vdp_map(test, p, dst, len, DMA_FROM_DEVICE);

	p->hold = true;
	for (i = 0; i < 3; i++) {
		tx = dmaengine_prep_dma_memcpy(chan, ddst, dsrc, len,
					       DMA_PREP_INTERRUPT | DMA_CTRL_ACK);
		KUNIT_ASSERT_NOT_NULL(test, tx);
		tx->callback_result = vdp_callback;
		tx->callback_param = p;
		cookie[i] = dmaengine_submit(tx);
		KUNIT_ASSERT_GE(test, cookie[i], DMA_MIN_COOKIE);
	}
	dma_async_issue_pending(chan);
	KUNIT_EXPECT_EQ(test, dmaengine_tx_status(chan, cookie[0], &st), DMA_IN_PROGRESS);
	KUNIT_EXPECT_EQ(test, st.residue, len);
	KUNIT_EXPECT_EQ(test, dmaengine_tx_status(chan, cookie[2], &st), DMA_IN_PROGRESS);
	KUNIT_EXPECT_EQ(test, st.residue, len);

	KUNIT_EXPECT_EQ(test, dmaengine_terminate_sync(chan), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&p->frees), 3);
	KUNIT_EXPECT_EQ(test, atomic_read(&p->calls), 0);
	KUNIT_EXPECT_EQ(test, atomic64_read(&chan->stats.aborted), 3);
	KUNIT_EXPECT_EQ(test, atomic_read(&chan->stats.in_flight), 0);

	/* the channel works again after synchronize */
	p->hold = false;
	tx = dmaengine_prep_dma_memcpy(chan, ddst, dsrc, len, DMA_PREP_INTERRUPT);
	KUNIT_ASSERT_NOT_NULL(test, tx);
	tx->callback_result = vdp_callback;
	tx->callback_param = p;
	KUNIT_ASSERT_GE(test, dmaengine_submit(tx), DMA_MIN_COOKIE);
	dma_async_issue_pending(chan);
	KUNIT_ASSERT_GT(test, wait_for_completion_timeout(&p->done, 2 * HZ), 0);
	dma_unmap_single(p->dev, dsrc, len, DMA_TO_DEVICE);
	dma_unmap_single(p->dev, ddst, len, DMA_FROM_DEVICE);
	KUNIT_EXPECT_NULL(test, memchr_inv(dst, 0x5a, len));
	KUNIT_EXPECT_EQ(test, atomic_read(&p->calls), 1);
}

/* Releasing the channel frees every descriptor through free_chan_resources. */
static void virt_dma_provider_release_frees_all(struct kunit *test)
{
	struct vdp *p = vdp_create(test);
	struct dma_chan *chan;
	dma_cap_mask_t mask;
	int i;

	dma_cap_zero(mask);
	dma_cap_set(DMA_MEMCPY, mask);
	chan = dma_request_channel(mask, vdp_filter, &p->dd);
	KUNIT_ASSERT_NOT_NULL(test, chan);

	/* prepared but never submitted: only teardown frees these */
	for (i = 0; i < 4; i++)
		KUNIT_ASSERT_NOT_NULL(test, dmaengine_prep_dma_memcpy(chan, 0, 0, 8, 0));
	KUNIT_EXPECT_EQ(test, atomic_read(&p->allocs), 4);
	KUNIT_EXPECT_EQ(test, atomic_read(&p->frees), 0);

	dma_release_channel(chan);
	KUNIT_EXPECT_EQ(test, atomic_read(&p->frees), 4);
	KUNIT_EXPECT_TRUE(test, list_empty(&p->ch.vc.desc_allocated));
}

static struct kunit_case virt_dma_provider_cases[] = {
	KUNIT_CASE(virt_dma_provider_memcpy),
	KUNIT_CASE(virt_dma_provider_terminate_sync),
	KUNIT_CASE(virt_dma_provider_release_frees_all),
	{}
};

static struct kunit_suite virt_dma_provider_suite = {
	.name = "virt_dma_provider",
	.test_cases = virt_dma_provider_cases,
};

kunit_test_suites(&virt_dma_lists_suite, &virt_dma_callbacks_suite,
		  &virt_dma_cyclic_suite, &virt_dma_terminate_suite,
		  &virt_dma_reuse_suite, &virt_dma_lifecycle_suite,
		  &virt_dma_provider_suite);

MODULE_DESCRIPTION("KUnit tests for virt-dma");
MODULE_LICENSE("GPL");
