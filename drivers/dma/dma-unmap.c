// SPDX-License-Identifier: GPL-2.0
/*
 * DMA engine core: reference counted unmap data.
 *
 * Clients that map pages for a descriptor (async_tx, dmatest, ntb) hand
 * the mappings to the descriptor in a struct dmaengine_unmap_data; the
 * provider drops it on completion and the last reference unmaps.  Objects
 * come from mempools sized for 2 addresses, and with DMA_ENGINE_RAID also
 * 16, 128 and 256, so that GFP_NOWAIT users make progress under pressure.
 *
 * A pool that cannot be created at boot is left out: requests of its size
 * get no unmap data (and a warning), which clients such as async_tx
 * already handle by falling back to the CPU.  The rest of the core keeps
 * working.
 */

#define pr_fmt(fmt) "dmaengine: " fmt

#include <linux/dma-mapping.h>
#include <linux/dmaengine.h>
#include <linux/init.h>
#include <linux/kref.h>
#include <linux/mempool.h>
#include <linux/slab.h>

#include "dmaengine-internal.h"

struct dma_unmap_pool {
	unsigned int nr;		/* addresses per object */
	const char *name;		/* slab cache name */
	struct kmem_cache *cache;
	mempool_t *pool;
};

/* Smallest first; written once at init. */
static struct dma_unmap_pool dma_unmap_pools[] = {
	{ .nr = 2, .name = "dmaengine-unmap-2" },
#if IS_ENABLED(CONFIG_DMA_ENGINE_RAID)
	{ .nr = 16, .name = "dmaengine-unmap-16" },
	{ .nr = 128, .name = "dmaengine-unmap-128" },
	{ .nr = 256, .name = "dmaengine-unmap-256" },
#endif
};

static struct dma_unmap_pool *dma_unmap_pool_for(int nr)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(dma_unmap_pools); i++) {
		if (nr <= (int)dma_unmap_pools[i].nr)
			return &dma_unmap_pools[i];
	}
	return NULL;
}

static void dma_unmap_range(struct dmaengine_unmap_data *unmap,
			    unsigned int first, unsigned int count,
			    enum dma_data_direction dir)
{
	unsigned int i;

	for (i = first; i < first + count; i++) {
		if (dir == DMA_BIDIRECTIONAL && !unmap->addr[i])
			continue;
		dma_unmap_page(unmap->dev, unmap->addr[i], unmap->len, dir);
	}
}

static void dma_unmap_release(struct kref *ref)
{
	struct dmaengine_unmap_data *unmap =
		container_of(ref, struct dmaengine_unmap_data, kref);
	unsigned int from = unmap->to_cnt;
	unsigned int bidi = from + unmap->from_cnt;
	struct dma_unmap_pool *p = dma_unmap_pool_for(unmap->map_cnt);

	dma_unmap_range(unmap, 0, unmap->to_cnt, DMA_TO_DEVICE);
	dma_unmap_range(unmap, from, unmap->from_cnt, DMA_FROM_DEVICE);
	dma_unmap_range(unmap, bidi, unmap->bidi_cnt, DMA_BIDIRECTIONAL);
	mempool_free(unmap, p->pool);
}

/**
 * dmaengine_unmap_put() - drop a reference to unmap data
 * @unmap: the unmap data, or NULL
 *
 * The last reference unmaps the to-device, from-device and bidirectional
 * groups in that order (zero bidirectional addresses are skipped) and
 * frees the object.
 *
 * Context: any.
 */
void dmaengine_unmap_put(struct dmaengine_unmap_data *unmap)
{
	if (unmap)
		kref_put(&unmap->kref, dma_unmap_release);
}
EXPORT_SYMBOL_GPL(dmaengine_unmap_put);

/**
 * dmaengine_get_unmap_data() - allocate unmap data
 * @dev: the device the addresses are mapped for
 * @nr: number of addresses needed
 * @flags: allocation flags
 *
 * The header is zeroed, the reference count is one and map_cnt is @nr;
 * the addresses are left for the caller to fill in.
 *
 * Context: any context @flags allows.
 * Return: the object, or NULL when allocation fails or when no pool serves
 * @nr addresses (it exceeds the largest pool, or that pool could not be
 * created at boot), which also warns once.
 */
struct dmaengine_unmap_data *
dmaengine_get_unmap_data(struct device *dev, int nr, gfp_t flags)
{
	struct dma_unmap_pool *p = dma_unmap_pool_for(nr);
	struct dmaengine_unmap_data *unmap;

	if (WARN_ONCE(!p || !p->pool,
		      "dmaengine: no unmap pool for %d addresses\n", nr))
		return NULL;
	unmap = mempool_alloc(p->pool, flags);
	if (!unmap)
		return NULL;

	/* the header is zeroed, the addresses are the caller's business */
	*unmap = (struct dmaengine_unmap_data){ .map_cnt = nr, .dev = dev };
	kref_init(&unmap->kref);
	return unmap;
}
EXPORT_SYMBOL(dmaengine_get_unmap_data);

/* Create the cache and mempool of @p; on failure @p stays empty. */
static int __init dma_unmap_pool_create(struct dma_unmap_pool *p)
{
	size_t size = struct_size_t(struct dmaengine_unmap_data, addr, p->nr);

	p->cache = kmem_cache_create(p->name, size, 0, SLAB_HWCACHE_ALIGN, NULL);
	p->pool = p->cache ? mempool_create_slab_pool(1, p->cache) : NULL;
	if (p->pool)
		return 0;
	kmem_cache_destroy(p->cache);
	p->cache = NULL;
	return -ENOMEM;
}

/**
 * dma_unmap_pools_init() - create the unmap data pools
 *
 * A pool that cannot be created is reported and left out.
 *
 * Context: early boot (core init).
 */
void __init dma_unmap_pools_init(void)
{
	struct dma_unmap_pool *p;

	for (p = dma_unmap_pools; p < dma_unmap_pools + ARRAY_SIZE(dma_unmap_pools);
	     p++) {
		if (dma_unmap_pool_create(p))
			pr_err("no unmap pool for %u addresses\n", p->nr);
	}
}
