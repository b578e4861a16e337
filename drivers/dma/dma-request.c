// SPDX-License-Identifier: GPL-2.0
/*
 * DMA engine core: exclusive channel requests and channel references.
 *
 * Taking a channel exclusively is a three step affair, so that no core lock
 * is ever held while client or driver code runs:
 *
 *  1. reserve: under the device's core_lock spinlock the channel is marked
 *     CLAIMED and the device private (privatecnt, DMA_PRIVATE);
 *  2. the client's filter function runs with no lock held;
 *  3. the channel reference is taken under the channel's res_lock mutex,
 *     which is what calls the driver's device_alloc_chan_resources().
 *
 * A refused or failed channel is simply unreserved again.  Devices are
 * found under RCU and pinned (dma_device_pin()), which keeps them
 * registered while they are examined without holding any lock.
 *
 * Error codes of the ERR_PTR returning requests:
 *  * -EPROBE_DEFER: the firmware names a controller that is not registered
 *    yet, or nothing at all describes the channel (a board-file provider
 *    may still register);
 *  * -ENODEV: the description exists but can never yield a channel (no
 *    such name in the firmware, the filter accepts no channel of the
 *    matching device, the provider module is going away);
 *  * -EBUSY: a matching device exists but every acceptable channel is in
 *    use;
 *  * the provider's error from device_alloc_chan_resources().
 */

#include <linux/acpi.h>
#include <linux/acpi_dma.h>
#include <linux/device.h>
#include <linux/dmaengine.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/of_dma.h>
#include <linux/slab.h>
#include <linux/sysfs.h>

#include "dmaengine.h"
#include "dmaengine-internal.h"

/* What a candidate search looks for and what it ran into. */
struct dma_search {
	const dma_cap_mask_t *mask;	/* required capabilities, may be NULL */
	dma_filter_fn fn;		/* client filter, may be NULL */
	void *param;			/* filter argument */
	bool saw_any;			/* some device was registered */
	bool saw_device;		/* some device had the capabilities */
	bool saw_busy;			/* a channel or device was in use */
	int err;			/* last error taking a channel */
};

/**
 * dma_chan_get_locked() - take a reference on a channel
 * @chan: a registered channel
 *
 * The first reference pins the provider module and the device and lets the
 * driver allocate the channel's resources.
 *
 * Context: process context; caller holds @chan->res_lock and keeps the
 * device registered (a pin) or holds a reference to it.
 * Return: 0, -ENODEV when the provider is going away, or the driver's
 * error.
 */
int dma_chan_get_locked(struct dma_chan *chan)
{
	struct dma_device *device = chan->device;
	int ret;

	lockdep_assert_held(&chan->res_lock);
	if (chan->client_count) {
		__module_get(device->owner);
		spin_lock(&device->core_lock);
		dma_chan_set_count(chan, chan->client_count + 1);
		spin_unlock(&device->core_lock);
		return 0;
	}

	if (!try_module_get(device->owner))
		return -ENODEV;
	if (!kref_get_unless_zero(&device->ref)) {
		module_put(device->owner);
		return -ENODEV;
	}
	if (device->device_alloc_chan_resources) {
		ret = device->device_alloc_chan_resources(chan);
		if (ret < 0) {
			/* the registration keeps this from being the last put */
			dma_device_put(device);
			module_put(device->owner);
			return ret;
		}
	}
	spin_lock(&device->core_lock);
	dma_chan_set_count(chan, 1);
	spin_unlock(&device->core_lock);
	return 0;
}

/* Last reference gone: quiesce the channel and give its resources back. */
static void dma_chan_quiesce_locked(struct dma_chan *chan)
{
	struct dma_device *device = chan->device;
	struct dma_router *router = chan->router;

	dmaengine_synchronize(chan);
	if (device->device_free_chan_resources)
		device->device_free_chan_resources(chan);
	if (router && router->route_free)
		router->route_free(router->dev, chan->route_data);
	chan->router = NULL;
	chan->route_data = NULL;
}

/**
 * dma_chan_put_locked() - drop a reference on a channel
 * @chan: the channel
 *
 * The caller must afterwards call dma_chan_finish_put(), after dropping
 * @chan->res_lock, to release the module and device pins.
 *
 * Context: process context; caller holds @chan->res_lock.
 * Return: true when this was the last reference.
 */
bool dma_chan_put_locked(struct dma_chan *chan)
{
	struct dma_device *device = chan->device;
	int count = chan->client_count;

	lockdep_assert_held(&chan->res_lock);
	if (WARN_ONCE(count <= 0, "dmaengine: put of unreferenced channel\n"))
		return false;
	if (count == 1)
		dma_chan_quiesce_locked(chan);

	spin_lock(&device->core_lock);
	dma_chan_set_count(chan, count - 1);
	spin_unlock(&device->core_lock);

	if (count == 1 && test_and_clear_bit(DMA_CHAN_ORPHAN, &chan->core_flags))
		dma_chan_dev_release_orphan(chan);
	return count == 1;
}

/**
 * dma_chan_finish_put() - release the pins of a dropped channel reference
 * @device: the channel's device
 * @owner: the device's module, read before the reference was dropped
 * @last: what dma_chan_put_locked() returned
 *
 * May call the provider's device_release(), which can free the channel.
 *
 * Context: process context, no core lock held.
 */
void dma_chan_finish_put(struct dma_device *device, struct module *owner,
			 bool last)
{
	if (last)
		dma_device_put(device);
	module_put(owner);
}

/**
 * dma_chan_drop_links_locked() - remove the sysfs links to a client
 * @chan: the channel
 *
 * Context: process context; caller holds @chan->res_lock.
 */
void dma_chan_drop_links_locked(struct dma_chan *chan)
{
	lockdep_assert_held(&chan->res_lock);
	if (!test_and_clear_bit(DMA_CHAN_LINKED, &chan->core_flags))
		return;
	sysfs_remove_link(&chan->dev->device.kobj, "slave");
	sysfs_remove_link(&chan->slave->kobj, chan->name);
}

/* Caller holds core_lock.  A public device is shared only if unused. */
static bool dma_device_can_claim_locked(struct dma_device *device)
{
	struct dma_chan *chan;

	lockdep_assert_held(&device->core_lock);
	if (dma_dev_is_private(device))
		return true;
	if (device->public_busy)
		return false;
	list_for_each_entry_rcu(chan, &device->core_channels, core_node,
				dma_chans_walkable(device)) {
		if (chan->client_count || dma_chan_test(chan, DMA_CHAN_CLAIMED))
			return false;
	}
	return true;
}

/* Caller holds core_lock.  Mark a free channel as ours. */
static bool dma_chan_reserve_locked(struct dma_chan *chan)
{
	struct dma_device *device = chan->device;

	lockdep_assert_held(&device->core_lock);
	if (!dma_chan_test(chan, DMA_CHAN_REGISTERED) ||
	    dma_chan_test(chan, DMA_CHAN_CLAIMED) || chan->client_count)
		return false;
	set_bit(DMA_CHAN_CLAIMED, &chan->core_flags);
	device->privatecnt++;
	dma_cap_set(DMA_PRIVATE, device->cap_mask);
	return true;
}

/* Undo a reservation.  Return true when the device became public again. */
static bool dma_chan_unreserve(struct dma_chan *chan)
{
	struct dma_device *device = chan->device;
	bool public = false;

	spin_lock(&device->core_lock);
	if (test_and_clear_bit(DMA_CHAN_CLAIMED, &chan->core_flags) &&
	    !WARN_ON_ONCE(!device->privatecnt) && !--device->privatecnt) {
		dma_cap_clear(DMA_PRIVATE, device->cap_mask);
		public = true;
	}
	spin_unlock(&device->core_lock);
	return public;
}

/* A device that turned public again rejoins the public channel pool. */
static void dma_device_republish(struct dma_device *device)
{
	/* without public users there is nothing to rejoin */
	if (!dma_public_users())
		return;
	dma_public_balance_device(device);
	dma_table_rebuild();
}

static void dma_chan_unreserve_republish(struct dma_chan *chan)
{
	if (dma_chan_unreserve(chan))
		dma_device_republish(chan->device);
}

/* Try to reserve @chan; notes in @s why it was not possible. */
static bool dma_chan_try_reserve(struct dma_chan *chan, struct dma_search *s)
{
	struct dma_device *device = chan->device;
	bool ok = false;

	spin_lock(&device->core_lock);
	if (!dma_device_can_claim_locked(device))
		s->saw_busy = true;
	else if (dma_chan_reserve_locked(chan))
		ok = true;
	else if (dma_chan_test(chan, DMA_CHAN_REGISTERED))
		s->saw_busy = true;
	spin_unlock(&device->core_lock);
	return ok;
}

static int dma_chan_get(struct dma_chan *chan)
{
	int ret;

	mutex_lock(&chan->res_lock);
	ret = dma_chan_get_locked(chan);
	mutex_unlock(&chan->res_lock);
	return ret;
}

/* Take the first acceptable channel of @device, which the caller pinned. */
static struct dma_chan *dma_device_take(struct dma_device *device,
					struct dma_search *s)
{
	struct dma_chan *chan;
	int ret;

	if (s->mask && !bitmap_subset(s->mask->bits, device->cap_mask.bits,
				      DMA_TX_TYPE_END))
		return NULL;
	s->saw_device = true;

	list_for_each_entry_rcu(chan, &device->core_channels, core_node,
				dma_chans_walkable(device)) {
		if (!dma_chan_try_reserve(chan, s))
			continue;
		if (s->fn && !s->fn(chan, s->param)) {
			dma_chan_unreserve_republish(chan);
			continue;
		}
		ret = dma_chan_get(chan);
		if (!ret)
			return chan;
		dma_chan_unreserve_republish(chan);
		s->err = ret;
		dev_dbg(device->dev, "cannot take %s: %d\n",
			dma_chan_name(chan), ret);
		if (ret == -ENODEV)
			break;
	}
	return NULL;
}

/* Walk all devices (optionally only those of @np) for a channel. */
static struct dma_chan *dma_search_all(struct dma_search *s,
				       struct device_node *np)
{
	struct dma_device *device;
	struct dma_chan *chan = NULL;
	u64 cursor = 0;

	while (!chan && (device = dma_device_next(&cursor))) {
		struct device_node *own = device->dev->of_node;

		s->saw_any = true;
		if (!np || !own || own == np)
			chan = dma_device_take(device, s);
		dma_device_unpin(device);
	}
	return chan;
}

/**
 * __dma_request_channel() - take a free channel exclusively
 * @mask: capabilities the channel's device must have (NULL: any)
 * @fn: filter function deciding about each free candidate (NULL: any)
 * @fn_param: argument for @fn
 * @np: if not NULL, only devices with this OF node (or none) qualify
 *
 * Devices are tried in registration order, channels in registration
 * order.  The channel's device becomes private until the channel is
 * released.
 *
 * A request restricted to @np is what a controller's translation hook
 * (such as of_dma_simple_xlate()) makes for dma_request_chan(); like
 * dma_get_slave_channel() it logs no dmaengine_chan_request event of its
 * own, because dma_request_chan() logs the request with the client's
 * name.
 *
 * Context: process context; may sleep.  @fn runs without core locks.
 * Return: the channel, or NULL when none could be taken.
 */
struct dma_chan *__dma_request_channel(const dma_cap_mask_t *mask,
				       dma_filter_fn fn, void *fn_param,
				       struct device_node *np)
{
	struct dma_search s = { .mask = mask, .fn = fn, .param = fn_param };
	struct dma_chan *chan;

	might_sleep();
	chan = dma_search_all(&s, np);
	if (chan && !np)
		dma_trace_chan_request(chan, NULL);
	return chan;
}
EXPORT_SYMBOL_GPL(__dma_request_channel);

/**
 * dma_request_chan_by_mask() - take any free channel with capabilities
 * @mask: required capabilities
 *
 * Context: process context; may sleep.
 * Return:
 * * the channel on success;
 * * ERR_PTR(-ENODEV) for a NULL @mask, or when no device offers the
 *   capabilities;
 * * ERR_PTR(-EPROBE_DEFER) while no DMA device is registered at all;
 * * ERR_PTR(-EBUSY) when capable devices exist but all their channels are
 *   in use;
 * * the provider's error from device_alloc_chan_resources(), as an ERR_PTR.
 */
struct dma_chan *dma_request_chan_by_mask(const dma_cap_mask_t *mask)
{
	struct dma_search s = { .mask = mask };
	struct dma_chan *chan;

	if (!mask)
		return ERR_PTR(-ENODEV);
	might_sleep();
	chan = dma_search_all(&s, NULL);
	if (chan) {
		dma_trace_chan_request(chan, NULL);
		return chan;
	}

	if (!s.saw_any)
		return ERR_PTR(-EPROBE_DEFER);
	if (s.saw_busy)
		return ERR_PTR(-EBUSY);
	return ERR_PTR(s.err ? s.err : -ENODEV);
}
EXPORT_SYMBOL_GPL(dma_request_chan_by_mask);

/**
 * dma_get_slave_channel() - take a given channel exclusively
 * @chan: the channel, usually picked by a provider's translation hook
 *
 * Context: process context; may sleep.
 * Return: @chan, or NULL when it is in use or cannot be taken.
 */
struct dma_chan *dma_get_slave_channel(struct dma_chan *chan)
{
	struct dma_search s = { };
	struct dma_device *device;

	if (!chan)
		return NULL;
	device = chan->device;
	if (!dma_device_pin(device))
		return NULL;
	if (!dma_chan_try_reserve(chan, &s)) {
		chan = NULL;
	} else if (dma_chan_get(chan)) {
		dma_chan_unreserve_republish(chan);
		chan = NULL;
	}
	dma_device_unpin(device);
	return chan;
}
EXPORT_SYMBOL_GPL(dma_get_slave_channel);

/**
 * dma_get_slave_channel_by_id() - take the channel with a given id
 * @device: the device
 * @chan_id: the &dma_chan.chan_id wanted
 *
 * Looks the id up among the registered channels, so it is safe against
 * channels being added or removed meanwhile.
 *
 * Context: process context; may sleep.
 * Return: the channel, or NULL when @device is not registered, has no
 * such channel or the channel is in use.
 */
struct dma_chan *dma_get_slave_channel_by_id(struct dma_device *device,
					     int chan_id)
{
	struct dma_chan *chan, *found = NULL;

	if (!device || !dma_device_pin(device))
		return NULL;
	list_for_each_entry_rcu(chan, &device->core_channels, core_node,
				dma_chans_walkable(device)) {
		if (chan->chan_id == chan_id) {
			found = dma_get_slave_channel(chan);
			break;
		}
	}
	dma_device_unpin(device);
	return found;
}

/**
 * dma_get_any_slave_channel() - take the first free slave channel of a device
 * @device: the device
 *
 * Context: process context; may sleep.
 * Return: the channel, or NULL.
 */
struct dma_chan *dma_get_any_slave_channel(struct dma_device *device)
{
	struct dma_search s = { };
	struct dma_chan *chan;
	dma_cap_mask_t mask;

	if (!device)
		return NULL;
	__dma_cap_zero(&mask);
	__dma_cap_set(DMA_SLAVE, &mask);
	s.mask = &mask;
	if (!dma_device_pin(device))
		return NULL;
	chan = dma_device_take(device, &s);
	dma_device_unpin(device);
	return chan;
}
EXPORT_SYMBOL_GPL(dma_get_any_slave_channel);

static const struct dma_slave_map *dma_map_lookup(struct dma_device *device,
						  const char *devname,
						  const char *name)
{
	const struct dma_slave_map *map = device->filter.map;
	int i;

	for (i = 0; map && i < device->filter.mapcnt; i++) {
		if (!strcmp(map[i].devname, devname) &&
		    !strcmp(map[i].slave, name))
			return &map[i];
	}
	return NULL;
}

/*
 * Board-file lookup.  *@err stays 0 when no map entry names the client;
 * otherwise it tells why the matching devices gave no channel.
 */
static struct dma_chan *dma_request_by_map(struct device *dev,
					   const char *name, int *err)
{
	const struct dma_slave_map *map;
	struct dma_device *device;
	struct dma_chan *chan = NULL;
	dma_cap_mask_t mask;
	u64 cursor = 0;

	dma_cap_zero(mask);
	dma_cap_set(DMA_SLAVE, mask);
	while (!chan && (device = dma_device_next(&cursor))) {
		struct dma_search s = { .mask = &mask, .fn = device->filter.fn };

		map = dma_map_lookup(device, dev_name(dev), name);
		if (map) {
			s.param = map->param;
			chan = dma_device_take(device, &s);
			if (!chan)
				*err = s.err ? s.err : s.saw_busy ? -EBUSY : -ENODEV;
		}
		dma_device_unpin(device);
	}
	return chan;
}

/* OF first, then ACPI when OF gave nothing; NULL when neither applies. */
static struct dma_chan *dma_request_by_firmware(struct device *dev,
						const char *name)
{
	struct dma_chan *chan = NULL;

	if (dev->of_node)
		chan = of_dma_request_slave_channel(dev->of_node, name);
	if (!chan && has_acpi_companion(dev))
		chan = acpi_dma_request_slave_chan_by_name(dev, name);
	return chan;
}

/* Record the client of a channel taken by name and link the two in sysfs. */
static int dma_chan_attach_client(struct dma_chan *chan, struct device *dev,
				  const char *name)
{
	struct device *cdev = &chan->dev->device;
	int ret = 0;

	mutex_lock(&chan->res_lock);
	chan->name = kasprintf(GFP_KERNEL, "dma:%s", name);
#ifdef CONFIG_DEBUG_FS
	chan->dbg_client_name = kasprintf(GFP_KERNEL, "%s:%s", dev_name(dev),
					  name);
	if (!chan->dbg_client_name)
		ret = -ENOMEM;
#endif
	if (!chan->name)
		ret = -ENOMEM;
	if (ret)
		goto unlock;

	chan->slave = dev;
	if (sysfs_create_link(&cdev->kobj, &dev->kobj, "slave"))
		dev_warn(dev, "cannot link %s to its client\n", dev_name(cdev));
	if (sysfs_create_link(&dev->kobj, &cdev->kobj, chan->name))
		dev_warn(dev, "cannot create link %s\n", chan->name);
	set_bit(DMA_CHAN_LINKED, &chan->core_flags);
unlock:
	mutex_unlock(&chan->res_lock);
	return ret;
}

/* Caller holds res_lock.  Forget the client recorded by the request. */
static void dma_chan_detach_client_locked(struct dma_chan *chan)
{
	const char *link = chan->name;

	lockdep_assert_held(&chan->res_lock);
	dma_chan_drop_links_locked(chan);
	chan->slave = NULL;
	chan->name = NULL;
	kfree(link);
#ifdef CONFIG_DEBUG_FS
	kfree(chan->dbg_client_name);
	chan->dbg_client_name = NULL;
#endif
}

/**
 * dma_request_chan() - take a slave channel for a client by name
 * @dev: the client device
 * @name: the channel name in the client's description (dma-names, ACPI,
 *	or a provider's dma_slave_map)
 *
 * The device tree is asked first, then ACPI, then the registered
 * providers' slave maps.  On success the channel records @dev as its
 * client and both are linked in sysfs.
 *
 * Context: process context; may sleep.
 * Return:
 * * the channel on success (never NULL);
 * * ERR_PTR(-ENODEV) for missing arguments, when the firmware has no such
 *   channel and no slave map names it, or when a map entry matches but its
 *   device's filter accepts no channel;
 * * ERR_PTR(-EPROBE_DEFER) when the firmware names an unregistered
 *   controller, or when nothing describes the channel yet;
 * * ERR_PTR(-EBUSY) when a map entry matches but its channels are all in
 *   use;
 * * ERR_PTR(-ENOMEM), or the provider's error as an ERR_PTR.
 */
struct dma_chan *dma_request_chan(struct device *dev, const char *name)
{
	struct dma_chan *chan;
	int fw_err = 0, map_err = 0, ret;

	might_sleep();
	if (!dev || !name)
		return ERR_PTR(-ENODEV);

	chan = dma_request_by_firmware(dev, name);
	if (PTR_ERR_OR_ZERO(chan) == -EPROBE_DEFER)
		return chan;
	if (IS_ERR_OR_NULL(chan)) {
		fw_err = PTR_ERR_OR_ZERO(chan);
		chan = dma_request_by_map(dev, name, &map_err);
	}
	if (!chan) {
		if (map_err)
			return ERR_PTR(map_err);
		return ERR_PTR(fw_err ? fw_err : -EPROBE_DEFER);
	}

	ret = dma_chan_attach_client(chan, dev, name);
	if (ret) {
		dma_release_channel(chan);
		return ERR_PTR(ret);
	}
	dma_trace_chan_request(chan, dev_name(dev));
	return chan;
}
EXPORT_SYMBOL_GPL(dma_request_chan);

static void dmaenginem_release_channel(void *chan)
{
	dma_release_channel(chan);
}

/**
 * devm_dma_request_chan() - managed dma_request_chan()
 * @dev: the client device
 * @name: the channel name
 *
 * The channel is released when the driver of @dev detaches.
 *
 * Context: process context; may sleep.
 * Return: as dma_request_chan(), or an ERR_PTR from devres.
 */
struct dma_chan *devm_dma_request_chan(struct device *dev, const char *name)
{
	struct dma_chan *chan = dma_request_chan(dev, name);
	int ret;

	if (IS_ERR(chan))
		return chan;
	ret = devm_add_action_or_reset(dev, dmaenginem_release_channel, chan);
	return ret ? ERR_PTR(ret) : chan;
}
EXPORT_SYMBOL_GPL(devm_dma_request_chan);

/**
 * dma_release_channel() - give back an exclusively taken channel
 * @chan: the channel
 *
 * The last reference synchronizes the channel, lets the driver free its
 * resources and releases a router's route.  Releasing a channel that is
 * not held exclusively (twice, or one shared through dmaengine_get()) is
 * an API misuse: it warns once and changes nothing.  When this was the device's
 * last exclusive channel and the device was public before, it rejoins
 * the public pool.
 *
 * Context: process context; may sleep.  Not from a channel callback.
 */
void dma_release_channel(struct dma_chan *chan)
{
	struct dma_device *device;
	struct module *owner;
	bool last, public;

	might_sleep();
	if (WARN_ON_ONCE(!chan))
		return;
	device = chan->device;
	owner = device->owner;

	mutex_lock(&chan->res_lock);
	if (WARN_ONCE(!dma_chan_test(chan, DMA_CHAN_CLAIMED) ||
		      chan->client_count != 1,
		      "dmaengine: releasing a channel not held exclusively (%d references)\n",
		      chan->client_count)) {
		mutex_unlock(&chan->res_lock);
		return;
	}
	/* before the client is forgotten, and only for a real release */
	dma_trace_chan_release(chan);
	dma_chan_detach_client_locked(chan);
	last = dma_chan_put_locked(chan);
	public = dma_chan_unreserve(chan);
	mutex_unlock(&chan->res_lock);

	/* our reference still pins the device while it is republished */
	if (public)
		dma_device_republish(device);
	dma_chan_finish_put(device, owner, last);
}
EXPORT_SYMBOL_GPL(dma_release_channel);
