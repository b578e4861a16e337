/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers shared by the async_tx operations; not for use outside
 * crypto/async_tx.
 *
 * Each operation follows the same plan: pick a channel, take unmap data,
 * map the pages (giving up on the first mapping error), prepare the
 * descriptors with a bounded number of retries and submit them; anything
 * that fails before the first descriptor is submitted is done on the CPU
 * instead, after waiting for the dependency.
 */
#ifndef _ASYNC_TX_INTERNAL_H
#define _ASYNC_TX_INTERNAL_H

#include <linux/async_tx.h>
#include <linux/dma-mapping.h>
#include <linux/highmem.h>
#include <linux/minmax.h>
#include <linux/raid/pq.h>
#include <linux/raid/xor.h>
#include <linux/string.h>

/* Largest unmap object the core's pools provide. */
#define ASYNC_TX_UNMAP_MAX	(IS_ENABLED(CONFIG_DMA_ENGINE_RAID) ? 256 : 2)

/*
 * The CPU libraries (xor_blocks() and the raid6 routines) work on whole
 * blocks of up to this many bytes; a shorter tail is done byte by byte.
 */
#define ASYNC_TX_LIB_GRAIN	512

/* Most disks a RAID-6 operation may name (data, P and Q). */
#define ASYNC_TX_MAX_DISKS	255

/*
 * Prepares one hardware descriptor on @chan for the operation described by
 * @arg; returns NULL when the provider has no descriptor to spare.
 */
typedef struct dma_async_tx_descriptor *(*async_tx_prep_fn)(struct dma_chan *chan, void *arg);

struct dma_async_tx_descriptor *
async_tx_prep_retry(struct dma_chan *chan, struct async_submit_ctl *submit,
		    async_tx_prep_fn prep, void *arg);
void async_tx_report_bad_input(struct async_submit_ctl *submit,
			       const char *what);

/**
 * async_tx_unmap_get() - unmap data for @nr mappings on @chan's device
 * @chan: the channel, or NULL
 * @nr: number of mappings
 *
 * Context: any.
 * Return: the unmap data, or NULL without a channel, when @nr is beyond the
 * core's largest pool or when allocation fails.
 */
static inline struct dmaengine_unmap_data *
async_tx_unmap_get(struct dma_chan *chan, int nr)
{
	if (!chan || nr < 1 || nr > ASYNC_TX_UNMAP_MAX)
		return NULL;
	return dmaengine_get_unmap_data(chan->device->dev, nr,
					GFP_NOWAIT | __GFP_NOWARN);
}

/**
 * async_tx_map() - map one page range into the next slot of @unmap
 * @unmap: the unmap data; its slots fill up to-device first, then
 *	from-device, then bidirectional, so calls must come in that order
 * @page: the page
 * @off: offset of the range in @page
 * @dir: DMA_TO_DEVICE, DMA_FROM_DEVICE or DMA_BIDIRECTIONAL
 * @addr: where to store the bus address (may be NULL)
 *
 * The slot is counted only when the mapping worked, so that
 * dmaengine_unmap_put() releases exactly what was mapped.
 *
 * Context: any.
 * Return: true on success, false on a mapping error or a call out of order.
 */
static inline bool async_tx_map(struct dmaengine_unmap_data *unmap,
				struct page *page, unsigned int off,
				enum dma_data_direction dir, dma_addr_t *addr)
{
	unsigned int slot = unmap->to_cnt + unmap->from_cnt + unmap->bidi_cnt;
	dma_addr_t dma;

	if (WARN_ON_ONCE(slot >= unmap->map_cnt))
		return false;
	if (WARN_ON_ONCE((dir == DMA_TO_DEVICE && (unmap->from_cnt || unmap->bidi_cnt)) ||
			 (dir == DMA_FROM_DEVICE && unmap->bidi_cnt)))
		return false;
	dma = dma_map_page(unmap->dev, page, off, unmap->len, dir);
	if (dma_mapping_error(unmap->dev, dma))
		return false;
	unmap->addr[slot] = dma;
	if (dir == DMA_TO_DEVICE)
		unmap->to_cnt++;
	else if (dir == DMA_FROM_DEVICE)
		unmap->from_cnt++;
	else
		unmap->bidi_cnt++;
	if (addr)
		*addr = dma;
	return true;
}

/**
 * async_tx_cpu_xor() - xor @cnt buffers into @dest on the CPU
 * @dest: destination (its old content is one of the terms)
 * @srcs: source buffers
 * @cnt: number of sources
 * @len: bytes
 *
 * Context: any.
 */
static inline void async_tx_cpu_xor(void *dest, void **srcs, unsigned int cnt,
				    size_t len)
{
	size_t bulk = round_down(len, ASYNC_TX_LIB_GRAIN);
	unsigned int done, n;
	size_t i;

	for (done = 0; bulk && done < cnt; done += n) {
		n = min_t(unsigned int, cnt - done, MAX_XOR_BLOCKS);
		xor_blocks(n, bulk, dest, srcs + done);
	}
	for (done = 0; bulk < len && done < cnt; done++) {
		u8 *d = dest, *s = srcs[done];

		for (i = bulk; i < len; i++)
			d[i] ^= s[i];
	}
}

/**
 * async_tx_gfmul() - multiply two elements of the RAID-6 field
 * @c: one factor (usually a coefficient)
 * @x: the other factor
 *
 * Context: any.
 * Return: @c times @x.
 */
static inline u8 async_tx_gfmul(u8 c, u8 x)
{
	return raid6_gfmul[c][x];
}

/**
 * async_tx_page_addr() - kernel address of a range of a lowmem page
 * @page: the page
 * @off: offset in @page
 *
 * The raid6 routines need all blocks mapped at once, so they (like md)
 * use lowmem pages.
 *
 * Context: any.
 * Return: the address.
 */
static inline void *async_tx_page_addr(struct page *page, unsigned int off)
{
	return (u8 *)page_address(page) + off;
}

#endif /* _ASYNC_TX_INTERNAL_H */
