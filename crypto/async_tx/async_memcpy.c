// SPDX-License-Identifier: GPL-2.0
/*
 * async_memcpy: copy a range of one page into another, on a DMA_MEMCPY
 * channel when one is available and the offsets suit it, else on the CPU.
 */

#include <linux/module.h>

#include "async_tx_internal.h"

struct async_memcpy_args {
	dma_addr_t dst;
	dma_addr_t src;
	size_t len;
	unsigned long flags;
};

static struct dma_async_tx_descriptor *async_memcpy_prep(struct dma_chan *chan,
							 void *arg)
{
	struct async_memcpy_args *a = arg;

	return dmaengine_prep_dma_memcpy(chan, a->dst, a->src, a->len, a->flags);
}

static struct dma_async_tx_descriptor *
async_memcpy_offload(struct dma_chan *chan, struct page *dest,
		     struct page *src, unsigned int dest_off,
		     unsigned int src_off, size_t len,
		     struct async_submit_ctl *ctl)
{
	struct async_memcpy_args a = { .len = len };
	struct dma_async_tx_descriptor *tx = NULL;
	struct dmaengine_unmap_data *unmap;

	if (!chan || !len ||
	    !is_dma_copy_aligned(chan->device, src_off, dest_off, len))
		return NULL;
	unmap = async_tx_unmap_get(chan, 2);
	if (!unmap)
		return NULL;
	unmap->len = len;

	if (async_tx_map(unmap, src, src_off, DMA_TO_DEVICE, &a.src) &&
	    async_tx_map(unmap, dest, dest_off, DMA_FROM_DEVICE, &a.dst)) {
		if (ctl->cb_fn)
			a.flags |= DMA_PREP_INTERRUPT;
		if (ctl->flags & ASYNC_TX_FENCE)
			a.flags |= DMA_PREP_FENCE;
		tx = async_tx_prep_retry(chan, ctl, async_memcpy_prep, &a);
	}
	if (tx) {
		dma_set_unmap(tx, unmap);
		async_tx_submit(chan, tx, ctl);
	}
	dmaengine_unmap_put(unmap);
	return tx;
}

/**
 * async_memcpy() - copy @len bytes from one page to another
 * @dest: destination page
 * @src: source page
 * @dest_offset: offset in @dest
 * @src_offset: offset in @src
 * @len: bytes to copy
 * @submit: dependency, callback and flags (ASYNC_TX_ACK, ASYNC_TX_FENCE)
 *
 * The copy is handed to a DMA_MEMCPY channel when the channel's alignment
 * allows it; otherwise (or when mapping or preparing fails) the dependency
 * is waited for and the CPU copies.  A missing page warns once; the
 * callback still runs once and nothing is copied.
 *
 * Context: any; see async_tx_submit().
 * Return: the descriptor, or NULL when the copy is done already.
 */
struct dma_async_tx_descriptor *async_memcpy(struct page *dest,
					     struct page *src,
					     unsigned int dest_offset,
					     unsigned int src_offset,
					     size_t len,
					     struct async_submit_ctl *submit)
{
	struct async_submit_ctl ctl = *submit;
	struct dma_async_tx_descriptor *tx;
	struct dma_chan *chan;
	u8 *d, *s;

	if (!dest || !src) {
		async_tx_report_bad_input(submit, "copy without a page");
		return NULL;
	}

	chan = async_tx_find_channel(&ctl, DMA_MEMCPY, &dest, 1, &src, 1, len);
	tx = async_memcpy_offload(chan, dest, src, dest_offset, src_offset,
				  len, &ctl);
	if (tx)
		return tx;

	async_tx_quiesce(&ctl.depend_tx);
	if (len) {
		s = kmap_local_page(src);
		d = kmap_local_page(dest);
		memcpy(d + dest_offset, s + src_offset, len);
		kunmap_local(d);
		kunmap_local(s);
	}
	async_tx_sync_epilog(&ctl);
	return NULL;
}
EXPORT_SYMBOL_GPL(async_memcpy);

MODULE_AUTHOR("DMA engine maintainers");
MODULE_DESCRIPTION("async_tx: memory copy offload");
MODULE_LICENSE("GPL");
