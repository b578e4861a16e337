// SPDX-License-Identifier: GPL-2.0
/*
 * Device Tree lookup of DMA channels.
 */

/**
 * DOC: Theory of operation
 *
 * A consumer node names its channels with two parallel properties:
 * "dmas" (phandle of a controller plus #dma-cells cells) and "dma-names".
 * Controllers register a translation hook for their node; a request walks
 * the consumer's entries with the wanted name and asks the hook of the
 * controller each one points at for a channel.
 *
 * A request router (a DMA request crossbar in front of a controller) is
 * registered like a controller with an internal hook: it lets the router
 * rewrite the specifier into one for the real controller, translates that,
 * and records the route in the channel so that the core can free it when
 * the channel is released.
 *
 * Locking: of_dma_mutex protects only of_dma_list.  A lookup takes a
 * reference on the controller entry (of_dma.users) under the mutex and
 * calls its hook after dropping it, so a slow or sleeping xlate does not
 * serialise every other DT lookup, and a router's hook can look up its
 * target controller without recursing on the mutex.  of_dma_controller_free()
 * unlinks the entry and waits for the running hooks to drop their
 * references before freeing it.
 *
 * Errors: -EPROBE_DEFER means "a controller the consumer refers to is not
 * registered yet but may come": the phandle target exists and is enabled.
 * A target that is disabled in the DT will never register, so it gives
 * -ENODEV instead of deferring the consumer forever.  Errors of a router's
 * route allocation are returned as they are, not turned into -ENODEV.
 */

#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/device.h>
#include <linux/dmaengine.h>
#include <linux/err.h>
#include <linux/export.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/of.h>
#include <linux/of_dma.h>
#include <linux/printk.h>
#include <linux/refcount.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "dmaengine.h"
#include "dmaengine-internal.h"

/* Registered controllers and routers, in registration order. */
static LIST_HEAD(of_dma_list);
/* Protects of_dma_list, not the entries' hooks (see the DOC above). */
static DEFINE_MUTEX(of_dma_mutex);
/* Spreads requests over several "dma-names" entries with the same name. */
static atomic_t of_dma_rotor = ATOMIC_INIT(0);

/* Pin the entry registered for @np; NULL if there is none. */
static struct of_dma *of_dma_get(struct device_node *np)
{
	struct of_dma *ofdma, *found = NULL;

	mutex_lock(&of_dma_mutex);
	list_for_each_entry(ofdma, &of_dma_list, of_dma_controllers) {
		if (ofdma->of_node == np) {
			refcount_inc(&ofdma->users);
			found = ofdma;
			break;
		}
	}
	mutex_unlock(&of_dma_mutex);

	return found;
}

static void of_dma_put(struct of_dma *ofdma)
{
	if (refcount_dec_and_test(&ofdma->users))
		complete(&ofdma->unused);
}

/* Error for a specifier whose controller @np has no registered entry. */
static int of_dma_missing(struct device_node *np)
{
	return of_device_is_available(np) ? -EPROBE_DEFER : -ENODEV;
}

/* A new entry for @np, not yet visible to lookups. */
static struct of_dma *of_dma_alloc(struct device_node *np, void *data)
{
	struct of_dma *entry = kzalloc(sizeof(*entry), GFP_KERNEL);

	if (!entry)
		return NULL;
	entry->of_node = np;
	entry->of_dma_data = data;
	refcount_set(&entry->users, 1);
	init_completion(&entry->unused);
	return entry;
}

/* Make a fully set up entry visible to lookups. */
static void of_dma_publish(struct of_dma *entry)
{
	mutex_lock(&of_dma_mutex);
	list_add_tail(&entry->of_dma_controllers, &of_dma_list);
	mutex_unlock(&of_dma_mutex);
}

/**
 * of_dma_controller_register() - register a DMA controller for DT lookups
 * @np: the controller's device tree node
 * @of_dma_xlate: hook turning a "dmas" specifier into a channel
 * @data: controller data, available to the hook as &of_dma.of_dma_data
 *
 * Context: process context.
 * Return: 0, -EINVAL when @np or @of_dma_xlate is missing, or -ENOMEM.
 */
int of_dma_controller_register(struct device_node *np,
			       struct dma_chan *(*of_dma_xlate)(struct of_phandle_args *spec,
								struct of_dma *ofdma),
			       void *data)
{
	struct of_dma *entry;

	if (!np || !of_dma_xlate) {
		pr_err("%s: a node and an xlate hook are required\n", __func__);
		return -EINVAL;
	}

	entry = of_dma_alloc(np, data);
	if (!entry)
		return -ENOMEM;
	entry->of_dma_xlate = of_dma_xlate;
	of_dma_publish(entry);
	return 0;
}
EXPORT_SYMBOL_GPL(of_dma_controller_register);

/**
 * of_dma_controller_free() - remove a controller (or router) registration
 * @np: the node it was registered for
 *
 * Removes the first entry registered for @np, waits until no lookup runs
 * its hooks any more and frees it.  Nothing happens if there is none.
 *
 * Context: process context; may sleep.  Not from the entry's own hooks.
 */
void of_dma_controller_free(struct device_node *np)
{
	struct of_dma *ofdma, *found = NULL;

	mutex_lock(&of_dma_mutex);
	list_for_each_entry(ofdma, &of_dma_list, of_dma_controllers) {
		if (ofdma->of_node == np) {
			list_del(&ofdma->of_dma_controllers);
			found = ofdma;
			break;
		}
	}
	mutex_unlock(&of_dma_mutex);

	if (!found)
		return;
	of_dma_put(found);
	wait_for_completion(&found->unused);
	kfree(found);
}
EXPORT_SYMBOL_GPL(of_dma_controller_free);

/*
 * xlate hook of every router: let the router rewrite the specifier, then
 * translate it with the controller it now names.
 */
static struct dma_chan *of_dma_router_xlate(struct of_phandle_args *dma_spec,
					    struct of_dma *ofdma)
{
	struct dma_router *router = ofdma->dma_router;
	struct of_phandle_args target_spec = *dma_spec;
	struct of_dma *target;
	struct dma_chan *chan;
	void *route;
	int err;

	route = ofdma->of_dma_route_allocate(&target_spec, ofdma);
	if (IS_ERR(route))
		return ERR_CAST(route);
	if (!route)
		return NULL;
	if (target_spec.np == dma_spec->np) {
		/* it must name another node; following itself would recurse */
		pr_err("%pOF: route does not lead to another controller\n",
		       dma_spec->np);
		router->route_free(router->dev, route);
		return ERR_PTR(-EINVAL);
	}

	/* route_allocate took a reference on the target node for us */
	target = of_dma_get(target_spec.np);
	if (!target) {
		chan = ERR_PTR(of_dma_missing(target_spec.np));
		goto free_route;
	}
	chan = target->of_dma_xlate(&target_spec, target);
	of_dma_put(target);
	if (IS_ERR_OR_NULL(chan))
		goto free_route;

	chan->router = router;
	chan->route_data = route;
	if (chan->device->device_router_config) {
		err = chan->device->device_router_config(chan);
		if (err) {
			/* releasing the channel frees the route too */
			dma_release_channel(chan);
			chan = ERR_PTR(err);
		}
	}
	goto put_node;

free_route:
	router->route_free(router->dev, route);
put_node:
	of_node_put(target_spec.np);
	return chan;
}

/**
 * of_dma_router_register() - register a DMA request router for DT lookups
 * @np: the router's device tree node
 * @of_dma_route_allocate: hook that sets up a route for a specifier and
 *	rewrites the specifier to name the controller behind the router
 * @dma_router: the router; its route_free releases a route
 *
 * Remove the registration with of_dma_router_free().
 *
 * Context: process context.
 * Return: 0, -EINVAL when an argument is missing, or -ENOMEM.
 */
int of_dma_router_register(struct device_node *np,
			   void *(*of_dma_route_allocate)(struct of_phandle_args *spec,
							  struct of_dma *ofdma),
			   struct dma_router *dma_router)
{
	struct of_dma *entry;

	if (!np || !of_dma_route_allocate || !dma_router) {
		pr_err("%s: a node, an allocate hook and a router are required\n",
		       __func__);
		return -EINVAL;
	}

	entry = of_dma_alloc(np, NULL);
	if (!entry)
		return -ENOMEM;
	entry->of_dma_xlate = of_dma_router_xlate;
	entry->of_dma_route_allocate = of_dma_route_allocate;
	entry->dma_router = dma_router;
	of_dma_publish(entry);
	return 0;
}
EXPORT_SYMBOL_GPL(of_dma_router_register);

/*
 * Parse entry @index of @np's "dmas" if its "dma-names" entry is @name.
 * On success the caller owns a reference on @spec->np.
 */
static bool of_dma_entry_matches(struct device_node *np, const char *name,
				 int index, struct of_phandle_args *spec)
{
	const char *entry;

	if (of_property_read_string_index(np, "dma-names", index, &entry))
		return false;
	if (strcmp(entry, name))
		return false;
	return !of_parse_phandle_with_args(np, "dmas", "#dma-cells", index,
					   spec);
}

/**
 * of_dma_request_slave_channel() - get a DMA channel from the device tree
 * @np: the consumer's device tree node
 * @name: the channel's entry in the consumer's "dma-names"
 *
 * Tries every "dmas" entry called @name, starting at a rotating position
 * so that requests spread over duplicate names, and returns the first
 * channel a controller hands out.  A controller hook returning an error
 * ends the search with that error.
 *
 * Context: process context; may sleep.
 * Return:
 * * the channel on success;
 * * ERR_PTR(-ENODEV) for bad arguments, no "dmas" or "dma-names", no
 *   entry @name, or when no controller had a channel;
 * * ERR_PTR(-EPROBE_DEFER) when an entry's controller is not registered
 *   yet (and its node is enabled) and no other entry gave a channel;
 * * any error a controller's or router's hook returned.
 */
struct dma_chan *of_dma_request_slave_channel(struct device_node *np,
					      const char *name)
{
	unsigned int count, start, i;
	struct of_phandle_args spec;
	struct dma_chan *chan;
	struct of_dma *ofdma;
	int names, err = -ENODEV;

	if (!np || !name) {
		pr_err("%s: a node and a name are required\n", __func__);
		return ERR_PTR(-ENODEV);
	}
	if (!of_property_present(np, "dmas"))
		return ERR_PTR(-ENODEV);

	names = of_property_count_strings(np, "dma-names");
	if (names <= 0) {
		pr_err("%pOF: \"dma-names\" is missing or empty\n", np);
		return ERR_PTR(-ENODEV);
	}

	count = names;
	start = (unsigned int)atomic_inc_return(&of_dma_rotor);
	for (i = 0; i < count; i++) {
		if (!of_dma_entry_matches(np, name, (start + i) % count, &spec))
			continue;

		ofdma = of_dma_get(spec.np);
		if (!ofdma) {
			if (of_dma_missing(spec.np) == -EPROBE_DEFER)
				err = -EPROBE_DEFER;
			of_node_put(spec.np);
			continue;
		}
		chan = ofdma->of_dma_xlate(&spec, ofdma);
		of_dma_put(ofdma);
		of_node_put(spec.np);
		if (chan)
			return chan;
	}

	return ERR_PTR(err);
}
EXPORT_SYMBOL_GPL(of_dma_request_slave_channel);

/**
 * of_dma_simple_xlate() - translate a one-cell specifier through a filter
 * @dma_spec: the specifier; its only cell is the filter's parameter
 * @ofdma: the controller; &of_dma.of_dma_data is a &struct
 *	of_dma_filter_info
 *
 * Requests a channel with the filter info's capabilities among the DMA
 * devices of @dma_spec->np, passing a pointer to the cell to the filter.
 * The request is logged once, by dma_request_chan(), with the client's
 * name; this translation step logs no event of its own.
 *
 * Context: process context; may sleep.
 * Return: the channel, or NULL (no filter info, not exactly one cell, or
 * no channel accepted by the filter).
 */
struct dma_chan *of_dma_simple_xlate(struct of_phandle_args *dma_spec,
				     struct of_dma *ofdma)
{
	struct of_dma_filter_info *info = ofdma->of_dma_data;

	if (!info || !info->filter_fn || dma_spec->args_count != 1)
		return NULL;

	return __dma_request_channel(&info->dma_cap, info->filter_fn,
				     &dma_spec->args[0], dma_spec->np);
}
EXPORT_SYMBOL_GPL(of_dma_simple_xlate);

/**
 * of_dma_xlate_by_chan_id() - translate a one-cell specifier as a channel id
 * @dma_spec: the specifier; its only cell is a &dma_chan.chan_id
 * @ofdma: the controller; &of_dma.of_dma_data is its &struct dma_device
 *
 * Context: process context; may sleep.
 * Return: the channel with that id, taken for exclusive use, or NULL when
 * there is no such channel, it is busy, or the specifier is not one cell.
 */
struct dma_chan *of_dma_xlate_by_chan_id(struct of_phandle_args *dma_spec,
					 struct of_dma *ofdma)
{
	struct dma_device *dev = ofdma->of_dma_data;

	if (!dev || dma_spec->args_count != 1 || dma_spec->args[0] > INT_MAX)
		return NULL;

	return dma_get_slave_channel_by_id(dev, dma_spec->args[0]);
}
EXPORT_SYMBOL_GPL(of_dma_xlate_by_chan_id);
