// SPDX-License-Identifier: GPL-2.0
/*
 * DMA engine core: helpers around individual transactions.
 *
 * Bounded waits for a cookie or a parked descriptor, the dependency runner
 * used by async_tx capable providers, descriptor initialisation, the two
 * descriptor metadata modes and the slave capability query.
 */

#include <linux/dmaengine.h>
#include <linux/sched.h>
#include <linux/delay.h>
#include <linux/preempt.h>
#include <linux/jiffies.h>
#include <linux/module.h>

#include "dmaengine.h"
#include "dmaengine-internal.h"

/* How long the polling helpers wait before giving up. */
#define DMA_WAIT_TIMEOUT_MS	5000
/* Polls spent busy-waiting before a waiter that may sleep starts sleeping. */
#define DMA_WAIT_SPIN_ROUNDS	1000

/*
 * One round of a bounded wait.  Short completions are caught by spinning;
 * after that a caller that may sleep does so, which also lets softirqs and
 * other tasks (the provider's completion work, for instance) run.  Whether
 * sleeping is allowed is only known with CONFIG_PREEMPT_COUNT; without it
 * the wait keeps spinning.
 */
static void dma_wait_round(unsigned int round)
{
	if (round < DMA_WAIT_SPIN_ROUNDS || !preemptible()) {
		cpu_relax();
		return;
	}
	usleep_range(20, 100);
}

static const char *dma_wait_chan_name(struct dma_chan *chan)
{
	return chan->dev ? dma_chan_name(chan) : "channel";
}

/**
 * dma_sync_wait() - issue pending work and wait for a cookie
 * @chan: the channel
 * @cookie: the transaction
 *
 * Polls the provider's status.  The wait sleeps between polls when the
 * caller is preemptible and spins otherwise; it gives up after five
 * seconds.
 *
 * Context: any; sleeps only when preemptible.
 * Return: the first status other than DMA_IN_PROGRESS, or DMA_ERROR on
 * timeout.
 */
enum dma_status dma_sync_wait(struct dma_chan *chan, dma_cookie_t cookie)
{
	unsigned long deadline = jiffies + msecs_to_jiffies(DMA_WAIT_TIMEOUT_MS);
	enum dma_status status;
	unsigned int round = 0;

	dma_async_issue_pending(chan);
	for (;;) {
		status = dma_async_is_tx_complete(chan, cookie, NULL, NULL);
		if (status != DMA_IN_PROGRESS)
			return status;
		if (time_after(jiffies, deadline))
			break;
		dma_wait_round(round++);
	}
	dev_err(chan->device->dev, "%s: cookie %d timed out\n",
		dma_wait_chan_name(chan), cookie);
	return DMA_ERROR;
}
EXPORT_SYMBOL(dma_sync_wait);

/**
 * dma_wait_for_async_tx() - wait for a descriptor to be submitted and done
 * @tx: the descriptor, or NULL
 *
 * A descriptor parked on a dependency chain carries the cookie -EBUSY
 * until its parent completes; that phase is waited for first.
 *
 * Context: any; sleeps only when preemptible.
 * Return: DMA_COMPLETE for NULL, DMA_ERROR when the descriptor stays
 * parked for five seconds, otherwise the result of dma_sync_wait().
 */
enum dma_status dma_wait_for_async_tx(struct dma_async_tx_descriptor *tx)
{
	unsigned long deadline = jiffies + msecs_to_jiffies(DMA_WAIT_TIMEOUT_MS);
	unsigned int round = 0;

	if (!tx)
		return DMA_COMPLETE;
	while (READ_ONCE(tx->cookie) == -EBUSY) {
		if (time_after(jiffies, deadline)) {
			dev_err(tx->chan->device->dev,
				"%s: descriptor never left its dependency chain\n",
				dma_wait_chan_name(tx->chan));
			return DMA_ERROR;
		}
		dma_wait_round(round++);
	}
	return dma_sync_wait(tx->chan, READ_ONCE(tx->cookie));
}
EXPORT_SYMBOL_GPL(dma_wait_for_async_tx);

#ifdef CONFIG_ASYNC_TX_ENABLE_CHANNEL_SWITCH
/* Unlink @dep from its chain; return its successor if it stays on @chan. */
static struct dma_async_tx_descriptor *
dma_dep_detach(struct dma_async_tx_descriptor *dep, struct dma_chan *chan)
{
	struct dma_async_tx_descriptor *succ;

	txd_lock(dep);
	txd_clear_parent(dep);
	succ = txd_next(dep);
	if (succ && succ->chan == chan)
		txd_clear_next(dep);
	else
		succ = NULL;
	txd_unlock(dep);
	return succ;
}

/**
 * dma_run_dependencies() - submit the descriptors waiting for @tx
 * @tx: a descriptor that just completed
 *
 * Submits the descriptors depending on @tx as long as they stay on one
 * channel, then issues that channel.  A dependent descriptor on yet another
 * channel stays linked and is run when its own parent completes.  Without
 * CONFIG_ASYNC_TX_ENABLE_CHANNEL_SWITCH descriptors carry no dependency
 * links, and this does nothing.
 *
 * Context: the provider's completion context.
 */
void dma_run_dependencies(struct dma_async_tx_descriptor *tx)
{
	struct dma_async_tx_descriptor *dep = txd_next(tx);
	struct dma_chan *chan;

	if (!dep)
		return;
	txd_clear_next(tx);
	chan = dep->chan;
	while (dep) {
		struct dma_async_tx_descriptor *succ = dma_dep_detach(dep, chan);

		dep->tx_submit(dep);
		dep = succ;
	}
	chan->device->device_issue_pending(chan);
}
#else
/* No dependency links without channel switching: nothing to run. */
void dma_run_dependencies(struct dma_async_tx_descriptor *tx)
{
}
#endif /* CONFIG_ASYNC_TX_ENABLE_CHANNEL_SWITCH */
EXPORT_SYMBOL_GPL(dma_run_dependencies);

/**
 * dma_async_tx_descriptor_init() - bind a descriptor to its channel
 * @tx: the descriptor
 * @chan: the channel
 *
 * Also forgets the transfer length of a previous use.
 *
 * Context: any.
 */
void dma_async_tx_descriptor_init(struct dma_async_tx_descriptor *tx,
				  struct dma_chan *chan)
{
	tx->chan = chan;
	tx->xfer_len = 0;
#ifdef CONFIG_ASYNC_TX_ENABLE_CHANNEL_SWITCH
	spin_lock_init(&tx->lock);
#endif
}
EXPORT_SYMBOL(dma_async_tx_descriptor_init);

/* The first metadata call fixes the mode of the descriptor. */
static int dma_desc_use_mode(struct dma_async_tx_descriptor *desc,
			     enum dma_desc_metadata_mode mode)
{
	if (desc->desc_metadata_mode == mode)
		return 0;
	if (desc->desc_metadata_mode != DESC_METADATA_NONE)
		return -EINVAL;
	if (!dmaengine_is_metadata_mode_supported(desc->chan, mode))
		return -ENOTSUPP;
	desc->desc_metadata_mode = mode;
	return 0;
}

/**
 * dmaengine_desc_attach_metadata() - attach a client metadata buffer
 * @desc: the descriptor
 * @data: the client's buffer
 * @len: its length
 *
 * Context: any.
 * Return: the provider's result, or -EINVAL for a NULL @desc or one in
 * engine mode, -ENOTSUPP when client mode is not supported.
 */
int dmaengine_desc_attach_metadata(struct dma_async_tx_descriptor *desc,
				   void *data, size_t len)
{
	struct dma_descriptor_metadata_ops *ops;
	int ret;

	if (!desc)
		return -EINVAL;
	ret = dma_desc_use_mode(desc, DESC_METADATA_CLIENT);
	if (ret)
		return ret;
	ops = desc->metadata_ops;
	if (!ops || !ops->attach)
		return -ENOTSUPP;
	return ops->attach(desc, data, len);
}
EXPORT_SYMBOL_GPL(dmaengine_desc_attach_metadata);

/**
 * dmaengine_desc_get_metadata_ptr() - reach the engine's metadata buffer
 * @desc: the descriptor
 * @payload_len: receives the current payload length
 * @max_len: receives the buffer size
 *
 * Context: any.
 * Return: the buffer, or ERR_PTR(-EINVAL) for a NULL @desc or one in
 * client mode, ERR_PTR(-ENOTSUPP) when engine mode is not supported.
 */
void *dmaengine_desc_get_metadata_ptr(struct dma_async_tx_descriptor *desc,
				      size_t *payload_len, size_t *max_len)
{
	struct dma_descriptor_metadata_ops *ops;
	int ret;

	if (!desc)
		return ERR_PTR(-EINVAL);
	ret = dma_desc_use_mode(desc, DESC_METADATA_ENGINE);
	if (ret)
		return ERR_PTR(ret);
	ops = desc->metadata_ops;
	if (!ops || !ops->get_ptr)
		return ERR_PTR(-ENOTSUPP);
	return ops->get_ptr(desc, payload_len, max_len);
}
EXPORT_SYMBOL_GPL(dmaengine_desc_get_metadata_ptr);

/**
 * dmaengine_desc_set_metadata_len() - report the metadata payload length
 * @desc: the descriptor
 * @payload_len: bytes the client wrote into the engine's buffer
 *
 * Context: any.
 * Return: the provider's result, or -EINVAL for a NULL @desc or one in
 * client mode, -ENOTSUPP when engine mode is not supported.
 */
int dmaengine_desc_set_metadata_len(struct dma_async_tx_descriptor *desc,
				    size_t payload_len)
{
	struct dma_descriptor_metadata_ops *ops;
	int ret;

	if (!desc)
		return -EINVAL;
	ret = dma_desc_use_mode(desc, DESC_METADATA_ENGINE);
	if (ret)
		return ret;
	ops = desc->metadata_ops;
	if (!ops || !ops->set_len)
		return -ENOTSUPP;
	return ops->set_len(desc, payload_len);
}
EXPORT_SYMBOL_GPL(dmaengine_desc_set_metadata_len);

/**
 * dma_get_slave_caps() - slave capabilities of a channel
 * @chan: the channel
 * @caps: receives the capabilities
 *
 * The device-wide values are refined by the provider's device_caps().
 *
 * Context: any context the provider's device_caps() allows.
 * Return: 0, -EINVAL for NULL arguments, or -ENXIO when the device has
 * neither DMA_SLAVE nor DMA_CYCLIC or reports no directions.
 */
int dma_get_slave_caps(struct dma_chan *chan, struct dma_slave_caps *caps)
{
	struct dma_device *device;

	if (!chan || !caps)
		return -EINVAL;
	device = chan->device;
	if (!dma_has_cap(DMA_SLAVE, device->cap_mask) &&
	    !dma_has_cap(DMA_CYCLIC, device->cap_mask))
		return -ENXIO;
	if (!device->directions)
		return -ENXIO;

	*caps = (struct dma_slave_caps) {
		.src_addr_widths = device->src_addr_widths,
		.dst_addr_widths = device->dst_addr_widths,
		.directions = device->directions,
		.min_burst = device->min_burst,
		.max_burst = device->max_burst,
		.max_sg_burst = device->max_sg_burst,
		.residue_granularity = device->residue_granularity,
		.descriptor_reuse = device->descriptor_reuse,
		.cmd_pause = !!device->device_pause,
		.cmd_resume = !!device->device_resume,
		.cmd_terminate = !!device->device_terminate_all,
	};
	if (device->device_caps)
		device->device_caps(chan, caps);
	return 0;
}
EXPORT_SYMBOL_GPL(dma_get_slave_caps);
