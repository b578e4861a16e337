/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Device Tree binding of DMA channels: controllers register a translation
 * hook for their node, consumers ask for a channel by "dma-names" entry.
 */
#ifndef _LINUX_OF_DMA_H
#define _LINUX_OF_DMA_H

#include <linux/completion.h>
#include <linux/dmaengine.h>
#include <linux/list.h>
#include <linux/of.h>
#include <linux/refcount.h>

struct device_node;

/**
 * struct of_dma - a DMA controller (or request router) registered for a node
 * @of_dma_controllers: link in the global list of registered controllers
 * @of_node: the controller's device tree node
 * @of_dma_xlate: turns a consumer's "dmas" specifier into a channel;
 *	returns NULL when it has none to give, or an ERR_PTR() that ends
 *	the lookup with that error
 * @of_dma_route_allocate: routers only: rewrites the specifier so that it
 *	names the real controller and returns the route's data (or an
 *	ERR_PTR())
 * @dma_router: routers only: the router, whose route_free releases a route
 * @of_dma_data: the controller's data for @of_dma_xlate
 *
 * Allocated and owned by of-dma; controllers only see it in their hooks.
 */
struct of_dma {
	struct list_head of_dma_controllers;
	struct device_node *of_node;
	struct dma_chan *(*of_dma_xlate)(struct of_phandle_args *dma_spec,
					 struct of_dma *ofdma);
	void *(*of_dma_route_allocate)(struct of_phandle_args *dma_spec,
				       struct of_dma *ofdma);
	struct dma_router *dma_router;
	void *of_dma_data;
	/* private: */
	/*
	 * One reference for the registration, one per lookup running a hook;
	 * freeing waits on @unused until the lookups are gone.
	 */
	refcount_t users;
	struct completion unused;
};

/**
 * struct of_dma_filter_info - data of_dma_simple_xlate() works with
 * @dma_cap: capabilities the channel must have
 * @filter_fn: filter called with a pointer to the specifier's only cell
 */
struct of_dma_filter_info {
	dma_cap_mask_t dma_cap;
	dma_filter_fn filter_fn;
};

#ifdef CONFIG_DMA_OF
int of_dma_controller_register(struct device_node *np,
			       struct dma_chan *(*of_dma_xlate)(struct of_phandle_args *spec,
								struct of_dma *ofdma),
			       void *data);
void of_dma_controller_free(struct device_node *np);

int of_dma_router_register(struct device_node *np,
			   void *(*of_dma_route_allocate)(struct of_phandle_args *spec,
							  struct of_dma *ofdma),
			   struct dma_router *dma_router);
#define of_dma_router_free of_dma_controller_free

struct dma_chan *of_dma_request_slave_channel(struct device_node *np,
					      const char *name);
struct dma_chan *of_dma_simple_xlate(struct of_phandle_args *dma_spec,
				     struct of_dma *ofdma);
struct dma_chan *of_dma_xlate_by_chan_id(struct of_phandle_args *dma_spec,
					 struct of_dma *ofdma);

#else /* !CONFIG_DMA_OF */

/**
 * of_dma_controller_register() - register a controller (stub)
 * @np: the controller's node
 * @of_dma_xlate: its translation hook
 * @data: data for the hook
 *
 * Context: any.
 * Return: -ENODEV; DMA_OF is not configured.
 */
static inline int
of_dma_controller_register(struct device_node *np,
			   struct dma_chan *(*of_dma_xlate)(struct of_phandle_args *spec,
							    struct of_dma *ofdma),
			   void *data)
{
	return -ENODEV;
}

/**
 * of_dma_controller_free() - unregister a controller (stub)
 * @np: the controller's node
 *
 * Context: any.
 */
static inline void of_dma_controller_free(struct device_node *np)
{
}

/**
 * of_dma_router_register() - register a request router (stub)
 * @np: the router's node
 * @of_dma_route_allocate: its route allocation hook
 * @dma_router: the router
 *
 * Context: any.
 * Return: -ENODEV; DMA_OF is not configured.
 */
static inline int
of_dma_router_register(struct device_node *np,
		       void *(*of_dma_route_allocate)(struct of_phandle_args *spec,
						      struct of_dma *ofdma),
		       struct dma_router *dma_router)
{
	return -ENODEV;
}

#define of_dma_router_free of_dma_controller_free

/**
 * of_dma_request_slave_channel() - look up a channel in the DT (stub)
 * @np: the consumer's node
 * @name: the "dma-names" entry
 *
 * Context: any.
 * Return: ERR_PTR(-ENODEV); DMA_OF is not configured.
 */
static inline struct dma_chan *of_dma_request_slave_channel(struct device_node *np,
							    const char *name)
{
	return ERR_PTR(-ENODEV);
}

/**
 * of_dma_simple_xlate() - filter based translation (stub)
 * @dma_spec: the specifier
 * @ofdma: the controller
 *
 * Context: any.
 * Return: NULL; DMA_OF is not configured.
 */
static inline struct dma_chan *of_dma_simple_xlate(struct of_phandle_args *dma_spec,
						   struct of_dma *ofdma)
{
	return NULL;
}

#define of_dma_xlate_by_chan_id NULL

#endif /* CONFIG_DMA_OF */

#endif /* _LINUX_OF_DMA_H */
