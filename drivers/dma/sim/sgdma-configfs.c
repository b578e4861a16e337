// SPDX-License-Identifier: GPL-2.0
/*
 * configfs interface of the simulated scatter-gather DMA controller.
 */

/**
 * DOC: Instances in configfs
 *
 * Simulated controllers are made and removed at run time under
 * ``/config/sgdma-sim/`` (wherever configfs is mounted).  In tree order:
 *
 * ``sgdma-sim/``
 *	The subsystem.  ``mkdir sgdma-sim/<device>`` makes a device that is
 *	not live yet; ``rmdir`` removes it, live or not, once its routes are
 *	gone.
 *
 * ``sgdma-sim/<device>/``
 *	The controller's configuration, one attribute each:
 *	``channels`` (1-32), ``request_lines`` (0-255), ``capabilities``
 *	(words among memcpy memset xor xor_val pq pq_val interrupt slave),
 *	``max_seg_size`` (bytes per hardware descriptor), ``widths`` (bus
 *	widths in bytes), ``max_burst`` (a power of 2), ``max_sources``
 *	(0-63), ``copy_align`` and ``raid_align`` (log2 of bytes),
 *	``fifo_depth`` (bytes per peripheral FIFO), ``latency_ns`` (time per
 *	descriptor), ``timeout_ms`` (driver watchdog, 0 for its default),
 *	``private`` (0 or 1: keep the channels out of the public pool),
 *	``fault_read``, ``fault_write``, ``fault_desc``, ``fault_stall`` and
 *	``fault_irq`` (fail every Nth eligible event, 0 never) and
 *	``fault_channels`` (mask of the channels faults apply to, 0 all).
 *	Writing 1 to ``live`` builds the board and waits for the driver to
 *	bind; the write fails with the probe's error.  Writing 0 tears it
 *	down.  ``dev_name`` reads the DMA device name (``sgdma.N``) while
 *	live and ``none`` otherwise.  The DMA device itself then shows up
 *	as usual, with its channels under /sys/class/dma.
 *
 * ``sgdma-sim/<device>/<route>/``
 *	One slave map entry each: ``consumer`` (device name of the client),
 *	``name`` (the channel name the client asks dma_request_chan() for)
 *	and ``request_line``.
 *
 * Values are parsed before the device's lock is taken; bad ones fail with
 * -EINVAL.  While a device is live every attribute but ``live`` refuses
 * writes with -EBUSY, routes cannot be made, and the existing ones are
 * pinned.  Run-time fault injection lives in debugfs (sgdma-debugfs.c).
 */

#include <kunit/visibility.h>
#include <linux/cleanup.h>
#include <linux/configfs.h>
#include <linux/list.h>
#include <linux/log2.h>
#include <linux/mutex.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "simdma-configfs.h"
#include "sgdma-board.h"
#include "sgdma-regs.h"

#define SGDMA_CONFIG_NAME_MAX	64

/**
 * struct sgdma_config_device - a device directory
 * @group: the configfs group
 * @lock: protects @cfg, @board, @routes and the routes' fields
 * @cfg: what the board is built with
 * @board: the board while live, else NULL
 * @routes: the route items, in creation order
 */
struct sgdma_config_device {
	struct config_group group;
	struct mutex lock;			/* protects the members below */
	struct sgdma_board_config cfg;		/* under lock */
	struct sgdma_board *board;		/* under lock */
	struct list_head routes;		/* under lock */
};

/**
 * struct sgdma_config_route - a route directory
 * @item: the configfs item
 * @dev: the device it belongs to
 * @node: link in &sgdma_config_device.routes
 * @consumer: device name of the client, or NULL
 * @name: channel name, or NULL
 * @line: request line
 *
 * All fields but @item and @dev are under &sgdma_config_device.lock.
 */
struct sgdma_config_route {
	struct config_item item;
	struct sgdma_config_device *dev;
	struct list_head node;
	char *consumer;
	char *name;
	u32 line;
};

static struct configfs_subsystem sgdma_config_subsys;

static struct sgdma_config_device *to_sgdma_config_device(struct config_item *item)
{
	return container_of(to_config_group(item), struct sgdma_config_device,
			    group);
}

static struct sgdma_config_route *to_sgdma_config_route(struct config_item *item)
{
	return container_of(item, struct sgdma_config_route, item);
}

/* ---- numbers ------------------------------------------------------ */

static ssize_t sgdma_device_show_u32(struct config_item *item, char *page,
				     u32 *(*field)(struct sgdma_config_device *))
{
	struct sgdma_config_device *dev = to_sgdma_config_device(item);

	guard(mutex)(&dev->lock);
	return sprintf(page, "%u\n", *field(dev));
}

static ssize_t sgdma_device_store_u32(struct config_item *item,
				      const char *page, size_t count,
				      u32 *(*field)(struct sgdma_config_device *),
				      u32 min, u32 max)
{
	struct sgdma_config_device *dev = to_sgdma_config_device(item);
	u32 val;
	int ret;

	ret = kstrtou32(page, 0, &val);
	if (ret)
		return ret;
	if (val < min || val > max)
		return -EINVAL;

	guard(mutex)(&dev->lock);
	if (dev->board)
		return -EBUSY;
	*field(dev) = val;
	return count;
}

/* An attribute for a u32 member of struct sgdma_board_config. */
#define SGDMA_DEVICE_CONFIG_U32(_name, _field, _min, _max)		\
static u32 *sgdma_device_##_name(struct sgdma_config_device *dev)	\
{									\
	return &dev->cfg._field;					\
}									\
static ssize_t sgdma_device_config_##_name##_show(struct config_item *item, \
						   char *page)		\
{									\
	return sgdma_device_show_u32(item, page, sgdma_device_##_name);	\
}									\
static ssize_t sgdma_device_config_##_name##_store(struct config_item *item, \
						    const char *page,	\
						    size_t count)	\
{									\
	return sgdma_device_store_u32(item, page, count,		\
				      sgdma_device_##_name, _min, _max); \
}									\
CONFIGFS_ATTR(sgdma_device_config_, _name)

SGDMA_DEVICE_CONFIG_U32(channels, hw.channels, 1, SGDMA_MAX_CHANNELS);
SGDMA_DEVICE_CONFIG_U32(request_lines, hw.request_lines, 0,
			SGDMA_MAX_REQUESTS);
SGDMA_DEVICE_CONFIG_U32(max_seg_size, hw.max_seg, 1, SGDMA_CH_REMAIN_BYTES);
SGDMA_DEVICE_CONFIG_U32(max_sources, hw.max_sources, 0, SGDMA_MAX_SOURCES);
SGDMA_DEVICE_CONFIG_U32(copy_align, hw.copy_align, 0, 12);
SGDMA_DEVICE_CONFIG_U32(raid_align, hw.raid_align, 0, 12);
SGDMA_DEVICE_CONFIG_U32(fifo_depth, hw.fifo_depth, 16, SZ_1M);
SGDMA_DEVICE_CONFIG_U32(timeout_ms, timeout_ms, 0, 60 * MSEC_PER_SEC);
SGDMA_DEVICE_CONFIG_U32(fault_read, fault_every[SGDMA_FAULT_READ], 0,
			U32_MAX);
SGDMA_DEVICE_CONFIG_U32(fault_write, fault_every[SGDMA_FAULT_WRITE], 0,
			U32_MAX);
SGDMA_DEVICE_CONFIG_U32(fault_desc, fault_every[SGDMA_FAULT_DESC], 0,
			U32_MAX);
SGDMA_DEVICE_CONFIG_U32(fault_stall, fault_every[SGDMA_FAULT_STALL], 0,
			U32_MAX);
SGDMA_DEVICE_CONFIG_U32(fault_irq, fault_every[SGDMA_FAULT_IRQ], 0,
			U32_MAX);
SGDMA_DEVICE_CONFIG_U32(fault_channels, fault_channels, 0, U32_MAX);

static u32 *sgdma_device_max_burst(struct sgdma_config_device *dev)
{
	return &dev->cfg.hw.max_burst;
}

static ssize_t sgdma_device_config_max_burst_show(struct config_item *item,
						  char *page)
{
	return sgdma_device_show_u32(item, page, sgdma_device_max_burst);
}

static ssize_t sgdma_device_config_max_burst_store(struct config_item *item,
						   const char *page,
						   size_t count)
{
	u32 val;

	if (kstrtou32(page, 0, &val) || !is_power_of_2(val))
		return -EINVAL;
	return sgdma_device_store_u32(item, page, count,
				      sgdma_device_max_burst, 1,
				      BIT(SGDMA_MAX_BURST_LOG2));
}

CONFIGFS_ATTR(sgdma_device_config_, max_burst);

static ssize_t sgdma_device_config_latency_ns_show(struct config_item *item,
						   char *page)
{
	struct sgdma_config_device *dev = to_sgdma_config_device(item);

	guard(mutex)(&dev->lock);
	return sprintf(page, "%llu\n", dev->cfg.hw.latency_ns);
}

static ssize_t sgdma_device_config_latency_ns_store(struct config_item *item,
						    const char *page,
						    size_t count)
{
	struct sgdma_config_device *dev = to_sgdma_config_device(item);
	u64 val;
	int ret;

	ret = kstrtou64(page, 0, &val);
	if (ret)
		return ret;
	if (val > 60 * NSEC_PER_SEC)
		return -EINVAL;

	guard(mutex)(&dev->lock);
	if (dev->board)
		return -EBUSY;
	dev->cfg.hw.latency_ns = val;
	return count;
}

CONFIGFS_ATTR(sgdma_device_config_, latency_ns);

static ssize_t sgdma_device_config_private_show(struct config_item *item,
						char *page)
{
	struct sgdma_config_device *dev = to_sgdma_config_device(item);

	guard(mutex)(&dev->lock);
	return sprintf(page, "%d\n", dev->cfg.private);
}

static ssize_t sgdma_device_config_private_store(struct config_item *item,
						 const char *page, size_t count)
{
	struct sgdma_config_device *dev = to_sgdma_config_device(item);
	bool val;
	int ret;

	ret = kstrtobool(page, &val);
	if (ret)
		return ret;

	guard(mutex)(&dev->lock);
	if (dev->board)
		return -EBUSY;
	dev->cfg.private = val;
	return count;
}

CONFIGFS_ATTR(sgdma_device_config_, private);

/* ---- lists -------------------------------------------------------- */

static ssize_t sgdma_device_config_capabilities_show(struct config_item *item,
						     char *page)
{
	struct sgdma_config_device *dev = to_sgdma_config_device(item);

	guard(mutex)(&dev->lock);
	return sgdma_board_format_caps(dev->cfg.hw.ops, page, PAGE_SIZE);
}

static ssize_t sgdma_device_config_capabilities_store(struct config_item *item,
						      const char *page,
						      size_t count)
{
	struct sgdma_config_device *dev = to_sgdma_config_device(item);
	u32 ops;
	int ret;

	ret = sgdma_board_parse_caps(page, &ops);
	if (ret)
		return ret;
	if (!ops)
		return -EINVAL;

	guard(mutex)(&dev->lock);
	if (dev->board)
		return -EBUSY;
	dev->cfg.hw.ops = ops;
	return count;
}

CONFIGFS_ATTR(sgdma_device_config_, capabilities);

static ssize_t sgdma_device_config_widths_show(struct config_item *item,
					       char *page)
{
	struct sgdma_config_device *dev = to_sgdma_config_device(item);

	guard(mutex)(&dev->lock);
	return sgdma_board_format_widths(dev->cfg.hw.widths, page, PAGE_SIZE);
}

static ssize_t sgdma_device_config_widths_store(struct config_item *item,
						const char *page, size_t count)
{
	struct sgdma_config_device *dev = to_sgdma_config_device(item);
	u32 widths;
	int ret;

	ret = sgdma_board_parse_widths(page, &widths);
	if (ret)
		return ret;
	if (!widths)
		return -EINVAL;

	guard(mutex)(&dev->lock);
	if (dev->board)
		return -EBUSY;
	dev->cfg.hw.widths = widths;
	return count;
}

CONFIGFS_ATTR(sgdma_device_config_, widths);

/* ---- live --------------------------------------------------------- */

/* Pin the routes while live, so that they cannot be removed. */
static void sgdma_device_pin_routes(struct sgdma_config_device *dev, bool pin)
{
	struct sgdma_config_route *route;

	lockdep_assert_held(&dev->lock);
	list_for_each_entry(route, &dev->routes, node)
		simdma_config_pin(&sgdma_config_subsys, &route->item, pin);
}

static int sgdma_device_activate(struct sgdma_config_device *dev)
{
	struct sgdma_board_route *routes, *r;
	struct sgdma_config_route *route;
	struct sgdma_board *board;

	lockdep_assert_held(&dev->lock);
	routes = kcalloc(list_count_nodes(&dev->routes), sizeof(*routes),
			 GFP_KERNEL);
	if (!routes)
		return -ENOMEM;
	r = routes;
	list_for_each_entry(route, &dev->routes, node) {
		if (!route->consumer || !route->name) {
			kfree(routes);
			return -EINVAL;
		}
		*r++ = (struct sgdma_board_route) {
			.consumer = route->consumer,
			.name = route->name,
			.line = route->line,
		};
	}
	dev->cfg.routes = routes;
	dev->cfg.nr_routes = r - routes;
	board = sgdma_board_create(&dev->cfg);
	dev->cfg.routes = NULL;
	dev->cfg.nr_routes = 0;
	kfree(routes);
	if (IS_ERR(board))
		return PTR_ERR(board);
	dev->board = board;
	sgdma_device_pin_routes(dev, true);
	return 0;
}

static void sgdma_device_deactivate(struct sgdma_config_device *dev)
{
	lockdep_assert_held(&dev->lock);
	sgdma_device_pin_routes(dev, false);
	sgdma_board_destroy(dev->board);
	dev->board = NULL;
}

static ssize_t sgdma_device_config_live_show(struct config_item *item,
					     char *page)
{
	struct sgdma_config_device *dev = to_sgdma_config_device(item);

	guard(mutex)(&dev->lock);
	return sprintf(page, "%d\n", !!dev->board);
}

static ssize_t sgdma_device_config_live_store(struct config_item *item,
					      const char *page, size_t count)
{
	struct sgdma_config_device *dev = to_sgdma_config_device(item);
	bool live;
	int ret;

	ret = kstrtobool(page, &live);
	if (ret)
		return ret;

	guard(mutex)(&dev->lock);
	if (live == !!dev->board)
		return count;
	if (live) {
		ret = sgdma_device_activate(dev);
		if (ret)
			return ret;
	} else {
		sgdma_device_deactivate(dev);
	}
	return count;
}

CONFIGFS_ATTR(sgdma_device_config_, live);

static ssize_t sgdma_device_config_dev_name_show(struct config_item *item,
						 char *page)
{
	struct sgdma_config_device *dev = to_sgdma_config_device(item);

	guard(mutex)(&dev->lock);
	return sprintf(page, "%s\n",
		       dev->board ? sgdma_board_name(dev->board) : "none");
}

CONFIGFS_ATTR_RO(sgdma_device_config_, dev_name);

static struct configfs_attribute *sgdma_device_config_attrs[] = {
	&sgdma_device_config_attr_channels,
	&sgdma_device_config_attr_request_lines,
	&sgdma_device_config_attr_capabilities,
	&sgdma_device_config_attr_max_seg_size,
	&sgdma_device_config_attr_widths,
	&sgdma_device_config_attr_max_burst,
	&sgdma_device_config_attr_max_sources,
	&sgdma_device_config_attr_copy_align,
	&sgdma_device_config_attr_raid_align,
	&sgdma_device_config_attr_fifo_depth,
	&sgdma_device_config_attr_latency_ns,
	&sgdma_device_config_attr_timeout_ms,
	&sgdma_device_config_attr_private,
	&sgdma_device_config_attr_fault_read,
	&sgdma_device_config_attr_fault_write,
	&sgdma_device_config_attr_fault_desc,
	&sgdma_device_config_attr_fault_stall,
	&sgdma_device_config_attr_fault_irq,
	&sgdma_device_config_attr_fault_channels,
	&sgdma_device_config_attr_live,
	&sgdma_device_config_attr_dev_name,
	NULL
};

/* ---- routes ------------------------------------------------------- */

static ssize_t sgdma_route_show_str(struct sgdma_config_route *route,
				    char *const *field, char *page)
{
	guard(mutex)(&route->dev->lock);
	return sprintf(page, "%s\n", *field ?: "");
}

static ssize_t sgdma_route_store_str(struct sgdma_config_route *route,
				     char **field, const char *page,
				     size_t count)
{
	char *val = kstrndup(page, SGDMA_CONFIG_NAME_MAX + 1, GFP_KERNEL);

	if (!val)
		return -ENOMEM;
	strim(val);
	if (!*val || strlen(val) > SGDMA_CONFIG_NAME_MAX) {
		kfree(val);
		return -EINVAL;
	}

	guard(mutex)(&route->dev->lock);
	if (route->dev->board) {
		kfree(val);
		return -EBUSY;
	}
	kfree(*field);
	*field = val;
	return count;
}

static ssize_t sgdma_route_config_consumer_show(struct config_item *item,
						char *page)
{
	struct sgdma_config_route *route = to_sgdma_config_route(item);

	return sgdma_route_show_str(route, &route->consumer, page);
}

static ssize_t sgdma_route_config_consumer_store(struct config_item *item,
						 const char *page, size_t count)
{
	struct sgdma_config_route *route = to_sgdma_config_route(item);

	return sgdma_route_store_str(route, &route->consumer, page, count);
}

CONFIGFS_ATTR(sgdma_route_config_, consumer);

static ssize_t sgdma_route_config_name_show(struct config_item *item,
					    char *page)
{
	struct sgdma_config_route *route = to_sgdma_config_route(item);

	return sgdma_route_show_str(route, &route->name, page);
}

static ssize_t sgdma_route_config_name_store(struct config_item *item,
					     const char *page, size_t count)
{
	struct sgdma_config_route *route = to_sgdma_config_route(item);

	return sgdma_route_store_str(route, &route->name, page, count);
}

CONFIGFS_ATTR(sgdma_route_config_, name);

static ssize_t sgdma_route_config_request_line_show(struct config_item *item,
						    char *page)
{
	struct sgdma_config_route *route = to_sgdma_config_route(item);

	guard(mutex)(&route->dev->lock);
	return sprintf(page, "%u\n", route->line);
}

static ssize_t sgdma_route_config_request_line_store(struct config_item *item,
						     const char *page,
						     size_t count)
{
	struct sgdma_config_route *route = to_sgdma_config_route(item);
	u32 line;
	int ret;

	ret = kstrtou32(page, 0, &line);
	if (ret)
		return ret;
	if (line >= SGDMA_MAX_REQUESTS)
		return -EINVAL;

	guard(mutex)(&route->dev->lock);
	if (route->dev->board)
		return -EBUSY;
	route->line = line;
	return count;
}

CONFIGFS_ATTR(sgdma_route_config_, request_line);

static struct configfs_attribute *sgdma_route_config_attrs[] = {
	&sgdma_route_config_attr_consumer,
	&sgdma_route_config_attr_name,
	&sgdma_route_config_attr_request_line,
	NULL
};

static void sgdma_route_config_release(struct config_item *item)
{
	struct sgdma_config_route *route = to_sgdma_config_route(item);

	scoped_guard(mutex, &route->dev->lock)
		list_del(&route->node);
	kfree(route->consumer);
	kfree(route->name);
	kfree(route);
}

static struct configfs_item_operations sgdma_route_config_item_ops = {
	.release = sgdma_route_config_release,
};

static const struct config_item_type sgdma_route_config_type = {
	.ct_item_ops = &sgdma_route_config_item_ops,
	.ct_attrs = sgdma_route_config_attrs,
	.ct_owner = THIS_MODULE,
};

static struct config_item *
sgdma_device_config_make_route(struct config_group *group, const char *name)
{
	struct sgdma_config_device *dev = to_sgdma_config_device(&group->cg_item);
	struct sgdma_config_route *route;

	guard(mutex)(&dev->lock);
	if (dev->board)
		return ERR_PTR(-EBUSY);
	route = kzalloc(sizeof(*route), GFP_KERNEL);
	if (!route)
		return ERR_PTR(-ENOMEM);
	config_item_init_type_name(&route->item, name,
				   &sgdma_route_config_type);
	route->dev = dev;
	list_add_tail(&route->node, &dev->routes);
	return &route->item;
}

/* ---- devices ------------------------------------------------------ */

static void sgdma_device_config_release(struct config_item *item)
{
	struct sgdma_config_device *dev = to_sgdma_config_device(item);

	scoped_guard(mutex, &dev->lock) {
		if (dev->board)
			sgdma_device_deactivate(dev);
	}
	mutex_destroy(&dev->lock);
	kfree(dev);
}

static struct configfs_item_operations sgdma_device_config_item_ops = {
	.release = sgdma_device_config_release,
};

static struct configfs_group_operations sgdma_device_config_group_ops = {
	.make_item = sgdma_device_config_make_route,
};

static const struct config_item_type sgdma_device_config_type = {
	.ct_item_ops = &sgdma_device_config_item_ops,
	.ct_group_ops = &sgdma_device_config_group_ops,
	.ct_attrs = sgdma_device_config_attrs,
	.ct_owner = THIS_MODULE,
};

static struct config_group *
sgdma_config_make_device(struct config_group *group, const char *name)
{
	struct sgdma_config_device *dev;

	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	if (!dev)
		return ERR_PTR(-ENOMEM);
	config_group_init_type_name(&dev->group, name,
				    &sgdma_device_config_type);
	mutex_init(&dev->lock);
	INIT_LIST_HEAD(&dev->routes);
	sgdma_board_default_config(&dev->cfg);
	return &dev->group;
}

static struct configfs_group_operations sgdma_config_subsys_group_ops = {
	.make_group = sgdma_config_make_device,
};

static const struct config_item_type sgdma_config_subsys_type = {
	.ct_group_ops = &sgdma_config_subsys_group_ops,
	.ct_owner = THIS_MODULE,
};

static struct configfs_subsystem sgdma_config_subsys = {
	.su_group = {
		.cg_item = {
			.ci_namebuf = "sgdma-sim",
			.ci_type = &sgdma_config_subsys_type,
		},
	},
};

/**
 * sgdma_configfs_init() - register the configfs subsystem
 *
 * Context: module init.
 * Return: 0 or the error of configfs_register_subsystem().
 */
int sgdma_configfs_init(void)
{
	return simdma_configfs_register(&sgdma_config_subsys);
}

/**
 * sgdma_configfs_exit() - unregister the configfs subsystem
 *
 * Context: module exit.
 */
void sgdma_configfs_exit(void)
{
	simdma_configfs_unregister(&sgdma_config_subsys);
}

/* ---- KUnit access without a mounted configfs ---------------------- */

#if IS_ENABLED(CONFIG_KUNIT)
/**
 * sgdma_config_new_device() - make a device directory, as mkdir would
 * @name: its name
 *
 * Context: process context.
 * Return: the device's item (drop it with config_item_put()), or an
 * ERR_PTR().
 */
VISIBLE_IF_KUNIT struct config_item *sgdma_config_new_device(const char *name)
{
	struct config_group *group;

	group = sgdma_config_make_device(&sgdma_config_subsys.su_group, name);
	return IS_ERR(group) ? ERR_CAST(group) : &group->cg_item;
}
EXPORT_SYMBOL_IF_KUNIT(sgdma_config_new_device);

/**
 * sgdma_config_new_route() - make a route directory, as mkdir would
 * @dev: the device's item
 * @name: its name
 *
 * Context: process context.
 * Return: the route's item (drop it with config_item_put() before the
 * device's), or an ERR_PTR().
 */
VISIBLE_IF_KUNIT struct config_item *
sgdma_config_new_route(struct config_item *dev, const char *name)
{
	return sgdma_device_config_make_route(to_config_group(dev), name);
}
EXPORT_SYMBOL_IF_KUNIT(sgdma_config_new_route);
#endif
