// SPDX-License-Identifier: GPL-2.0
/*
 * configfs interface of the simulated cyclic and interleaved DMA controller.
 */

/**
 * DOC: Instances in configfs
 *
 * Controllers are made and removed at run time under ``/config/cydma-sim/``
 * (wherever configfs is mounted).  In tree order:
 *
 * ``cydma-sim/``
 *	The subsystem.  ``mkdir cydma-sim/<device>`` makes a device that is
 *	not live yet, with the default board's configuration; ``rmdir``
 *	removes it, live or not, once its peripherals are gone.
 *
 * ``cydma-sim/<device>/``
 *	The controller: ``channels`` (1-16), ``request_lines`` (0-32),
 *	``features`` (words among mem slave cyclic chunks repeat),
 *	``widths`` (beat widths in bytes), ``max_burst`` (beats, a power of
 *	2), ``max_chunk`` (bytes per chunk), ``min_period`` (bytes per
 *	period at least), ``max_frames``, ``max_gap`` (bytes) and
 *	``max_chunks`` (chunks per frame, 1-64).  Writing 1 to ``live``
 *	builds the board and waits for the driver to bind; the write fails
 *	with the probe's error.  Writing 0 tears it down.  ``dev_name``
 *	reads the DMA device name (``cydma.N``) while live, ``none``
 *	otherwise.
 *
 * ``cydma-sim/<device>/<peripheral>/``
 *	One peripheral, replacing the default one on its request line:
 *	``request_line``, ``kind`` (fifo, sink or source), ``rate`` (bytes
 *	per second), ``unit`` (bytes consumed or produced at once),
 *	``fifo_depth`` (bytes), and optionally a slave map entry for it:
 *	``consumer`` (device name of the client) and ``dma_name`` (the
 *	channel name the client asks dma_request_chan() for).  Two
 *	peripherals on one line, a line beyond ``request_lines`` or half a
 *	slave map entry make ``live`` fail with -EINVAL.
 *
 * Values are parsed before the device's lock is taken; bad ones fail with
 * -EINVAL.  While a device is live every attribute but ``live`` refuses
 * writes with -EBUSY, peripherals cannot be made, and the existing ones
 * are pinned.  The peripherals' run-time state is in debugfs
 * (cydma-debugfs.c).
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
#include "cydma-board.h"
#include "cydma-regs.h"

#define CYDMA_CONFIG_NAME_MAX	64

/**
 * struct cydma_config_device - a device directory
 * @group: the configfs group
 * @lock: protects @cfg, @board, @ports and the ports' fields
 * @cfg: what the board is built with
 * @board: the board while live, else NULL
 * @ports: the peripheral items, in creation order
 */
struct cydma_config_device {
	struct config_group group;
	struct mutex lock;			/* protects the members below */
	struct cydma_board_config cfg;		/* under lock */
	struct cydma_board *board;		/* under lock */
	struct list_head ports;			/* under lock */
};

/**
 * struct cydma_config_port - a peripheral directory
 * @item: the configfs item
 * @dev: the device it belongs to
 * @node: link in &cydma_config_device.ports
 * @cfg: the numbers
 * @cfg.line: request line
 * @cfg.hw: the peripheral
 * @consumer: device name of the client, or NULL
 * @dma_name: channel name, or NULL
 *
 * All fields but @item and @dev are under &cydma_config_device.lock.
 */
struct cydma_config_port {
	struct config_item item;
	struct cydma_config_device *dev;
	struct list_head node;
	struct {
		u32 line;
		struct cydma_hw_port_config hw;
	} cfg;
	char *consumer;
	char *dma_name;
};

static struct configfs_subsystem cydma_config_subsys;

static struct cydma_config_device *
to_cydma_config_device(struct config_item *item)
{
	return container_of(to_config_group(item), struct cydma_config_device,
			    group);
}

static struct cydma_config_port *to_cydma_config_port(struct config_item *item)
{
	return container_of(item, struct cydma_config_port, item);
}

/* ---- device numbers ----------------------------------------------- */

/**
 * struct cydma_config_u32 - a numeric device attribute
 * @min: smallest value accepted
 * @max: largest value accepted
 * @pow2: the value must be a power of 2
 * @field: where it lives in the device's configuration
 */
struct cydma_config_u32 {
	u32 min;
	u32 max;
	bool pow2;
	u32 *(*field)(struct cydma_config_device *dev);
};

static ssize_t cydma_device_show_u32(struct config_item *item, char *page,
				     const struct cydma_config_u32 *desc)
{
	struct cydma_config_device *dev = to_cydma_config_device(item);

	guard(mutex)(&dev->lock);
	return sprintf(page, "%u\n", *desc->field(dev));
}

static ssize_t cydma_device_store_u32(struct config_item *item,
				      const char *page, size_t count,
				      const struct cydma_config_u32 *desc)
{
	struct cydma_config_device *dev = to_cydma_config_device(item);
	u32 val;
	int ret;

	ret = kstrtou32(page, 0, &val);
	if (ret)
		return ret;
	if (val < desc->min || val > desc->max ||
	    (desc->pow2 && !is_power_of_2(val)))
		return -EINVAL;

	guard(mutex)(&dev->lock);
	if (dev->board)
		return -EBUSY;
	*desc->field(dev) = val;
	return count;
}

/* A device attribute for the u32 member @_field of struct cydma_hw_config. */
#define CYDMA_DEVICE_U32(_name, _field, _min, _max, _pow2)		\
static u32 *cydma_device_field_##_name(struct cydma_config_device *dev)	\
{									\
	return &dev->cfg.hw._field;					\
}									\
static const struct cydma_config_u32 cydma_device_u32_##_name = {	\
	.min = _min, .max = _max, .pow2 = _pow2,			\
	.field = cydma_device_field_##_name,				\
};									\
static ssize_t cydma_device_config_##_name##_show(struct config_item *item, \
						   char *page)		\
{									\
	return cydma_device_show_u32(item, page,			\
				     &cydma_device_u32_##_name);	\
}									\
static ssize_t cydma_device_config_##_name##_store(struct config_item *item, \
						    const char *page,	\
						    size_t count)	\
{									\
	return cydma_device_store_u32(item, page, count,		\
				      &cydma_device_u32_##_name);	\
}									\
CONFIGFS_ATTR(cydma_device_config_, _name)

CYDMA_DEVICE_U32(channels, channels, 1, CYDMA_MAX_CHANNELS, false);
CYDMA_DEVICE_U32(request_lines, request_lines, 0, CYDMA_MAX_REQUESTS, false);
CYDMA_DEVICE_U32(max_burst, max_burst, 1, BIT(CYDMA_MAX_BURST_LOG2), true);
CYDMA_DEVICE_U32(max_chunk, max_chunk, 1, CYDMA_DESC_MAX_BYTES, false);
CYDMA_DEVICE_U32(min_period, min_period, 0, CYDMA_DESC_MAX_BYTES, false);
CYDMA_DEVICE_U32(max_frames, max_frames, 1, U32_MAX, false);
CYDMA_DEVICE_U32(max_gap, max_gap, 0, CYDMA_DESC_MAX_BYTES, false);
CYDMA_DEVICE_U32(max_chunks, max_chunks, 1, CYDMA_MAX_CHUNKS, false);

/* ---- device lists ------------------------------------------------- */

static ssize_t cydma_device_config_features_show(struct config_item *item,
						 char *page)
{
	struct cydma_config_device *dev = to_cydma_config_device(item);

	guard(mutex)(&dev->lock);
	return cydma_board_format_features(dev->cfg.hw.features, page,
					   PAGE_SIZE);
}

static ssize_t cydma_device_config_features_store(struct config_item *item,
						  const char *page,
						  size_t count)
{
	struct cydma_config_device *dev = to_cydma_config_device(item);
	u32 features;
	int ret;

	ret = cydma_board_parse_features(page, &features);
	if (ret)
		return ret;
	if (!features)
		return -EINVAL;

	guard(mutex)(&dev->lock);
	if (dev->board)
		return -EBUSY;
	dev->cfg.hw.features = features;
	return count;
}

CONFIGFS_ATTR(cydma_device_config_, features);

static ssize_t cydma_device_config_widths_show(struct config_item *item,
					       char *page)
{
	struct cydma_config_device *dev = to_cydma_config_device(item);

	guard(mutex)(&dev->lock);
	return cydma_board_format_widths(dev->cfg.hw.widths, page, PAGE_SIZE);
}

static ssize_t cydma_device_config_widths_store(struct config_item *item,
						const char *page, size_t count)
{
	struct cydma_config_device *dev = to_cydma_config_device(item);
	u32 widths;
	int ret;

	ret = cydma_board_parse_widths(page, &widths);
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

CONFIGFS_ATTR(cydma_device_config_, widths);

/* ---- live --------------------------------------------------------- */

/* Pin the peripherals while live, so that they cannot be removed. */
static void cydma_device_pin_ports(struct cydma_config_device *dev, bool pin)
{
	struct cydma_config_port *port;

	lockdep_assert_held(&dev->lock);
	list_for_each_entry(port, &dev->ports, node)
		simdma_config_pin(&cydma_config_subsys, &port->item, pin);
}

/*
 * Lay the peripherals over @cfg and collect their slave map entries into
 * @routes (one per peripheral at most).  Returns the entry count.
 */
static int cydma_device_apply_ports(struct cydma_config_device *dev,
				    struct cydma_board_config *cfg,
				    struct cydma_board_route *routes)
{
	struct cydma_config_port *port;
	unsigned long used = 0;
	int n = 0;

	lockdep_assert_held(&dev->lock);
	list_for_each_entry(port, &dev->ports, node) {
		if (port->cfg.line >= cfg->hw.request_lines ||
		    __test_and_set_bit(port->cfg.line, &used) ||
		    !port->consumer != !port->dma_name)
			return -EINVAL;
		cfg->hw.ports[port->cfg.line] = port->cfg.hw;
		if (!port->consumer)
			continue;
		routes[n++] = (struct cydma_board_route) {
			.consumer = port->consumer,
			.name = port->dma_name,
			.line = port->cfg.line,
		};
	}
	return n;
}

static int cydma_device_activate(struct cydma_config_device *dev)
{
	struct cydma_board_config cfg = dev->cfg;
	struct cydma_board_route *routes;
	struct cydma_board *board;
	int n;

	lockdep_assert_held(&dev->lock);
	routes = kcalloc(list_count_nodes(&dev->ports) + 1, sizeof(*routes),
			 GFP_KERNEL);
	if (!routes)
		return -ENOMEM;
	n = cydma_device_apply_ports(dev, &cfg, routes);
	if (n < 0) {
		kfree(routes);
		return n;
	}
	cfg.routes = routes;
	cfg.nr_routes = n;
	board = cydma_board_create(&cfg);
	kfree(routes);
	if (IS_ERR(board))
		return PTR_ERR(board);
	dev->board = board;
	cydma_device_pin_ports(dev, true);
	return 0;
}

static void cydma_device_deactivate(struct cydma_config_device *dev)
{
	lockdep_assert_held(&dev->lock);
	cydma_device_pin_ports(dev, false);
	cydma_board_destroy(dev->board);
	dev->board = NULL;
}

static ssize_t cydma_device_config_live_show(struct config_item *item,
					     char *page)
{
	struct cydma_config_device *dev = to_cydma_config_device(item);

	guard(mutex)(&dev->lock);
	return sprintf(page, "%d\n", !!dev->board);
}

static ssize_t cydma_device_config_live_store(struct config_item *item,
					      const char *page, size_t count)
{
	struct cydma_config_device *dev = to_cydma_config_device(item);
	bool live;
	int ret;

	ret = kstrtobool(page, &live);
	if (ret)
		return ret;

	guard(mutex)(&dev->lock);
	if (live == !!dev->board)
		return count;
	if (!live) {
		cydma_device_deactivate(dev);
		return count;
	}
	ret = cydma_device_activate(dev);
	return ret ?: count;
}

CONFIGFS_ATTR(cydma_device_config_, live);

static ssize_t cydma_device_config_dev_name_show(struct config_item *item,
						 char *page)
{
	struct cydma_config_device *dev = to_cydma_config_device(item);

	guard(mutex)(&dev->lock);
	return sprintf(page, "%s\n",
		       dev->board ? cydma_board_name(dev->board) : "none");
}

CONFIGFS_ATTR_RO(cydma_device_config_, dev_name);

static struct configfs_attribute *cydma_device_config_attrs[] = {
	&cydma_device_config_attr_channels,
	&cydma_device_config_attr_request_lines,
	&cydma_device_config_attr_features,
	&cydma_device_config_attr_widths,
	&cydma_device_config_attr_max_burst,
	&cydma_device_config_attr_max_chunk,
	&cydma_device_config_attr_min_period,
	&cydma_device_config_attr_max_frames,
	&cydma_device_config_attr_max_gap,
	&cydma_device_config_attr_max_chunks,
	&cydma_device_config_attr_live,
	&cydma_device_config_attr_dev_name,
	NULL
};

/* ---- peripherals -------------------------------------------------- */

/* Parse @page as a u32 in [@min, @max] and store it under the lock. */
static ssize_t cydma_port_store_u32(struct cydma_config_port *port,
				    u32 *field, const char *page, size_t count,
				    u32 min, u32 max)
{
	u32 val;
	int ret;

	ret = kstrtou32(page, 0, &val);
	if (ret)
		return ret;
	if (val < min || val > max)
		return -EINVAL;

	guard(mutex)(&port->dev->lock);
	if (port->dev->board)
		return -EBUSY;
	*field = val;
	return count;
}

static ssize_t cydma_port_show_u32(struct cydma_config_port *port,
				   const u32 *field, char *page)
{
	guard(mutex)(&port->dev->lock);
	return sprintf(page, "%u\n", *field);
}

/* A peripheral attribute for the u32 member @_field, in [_min, _max]. */
#define CYDMA_PORT_U32(_name, _field, _min, _max)			\
static u32 *cydma_port_field_##_name(struct cydma_config_port *port)	\
{									\
	return &port->cfg._field;					\
}									\
static ssize_t cydma_port_config_##_name##_show(struct config_item *item, \
						 char *page)		\
{									\
	struct cydma_config_port *port = to_cydma_config_port(item);	\
									\
	return cydma_port_show_u32(port, cydma_port_field_##_name(port), \
				   page);				\
}									\
static ssize_t cydma_port_config_##_name##_store(struct config_item *item, \
						  const char *page,	\
						  size_t count)		\
{									\
	struct cydma_config_port *port = to_cydma_config_port(item);	\
									\
	return cydma_port_store_u32(port, cydma_port_field_##_name(port), \
				    page, count, _min, _max);		\
}									\
CONFIGFS_ATTR(cydma_port_config_, _name)

CYDMA_PORT_U32(request_line, line, 0, CYDMA_MAX_REQUESTS - 1);
CYDMA_PORT_U32(rate, hw.rate, 0, 1000 * SZ_1M);
CYDMA_PORT_U32(unit, hw.unit, 1, SZ_64K);
CYDMA_PORT_U32(fifo_depth, hw.fifo_depth, 16, SZ_1M);

static ssize_t cydma_port_config_kind_show(struct config_item *item,
					   char *page)
{
	struct cydma_config_port *port = to_cydma_config_port(item);

	guard(mutex)(&port->dev->lock);
	return sprintf(page, "%s\n", cydma_hw_port_kind_name(port->cfg.hw.kind));
}

static ssize_t cydma_port_config_kind_store(struct config_item *item,
					    const char *page, size_t count)
{
	struct cydma_config_port *port = to_cydma_config_port(item);
	enum cydma_hw_port_kind kind;
	char word[16];

	strscpy(word, page, sizeof(word));
	strim(word);
	for (kind = 0; kind < CYDMA_PORT_NR; kind++) {
		if (!strcmp(word, cydma_hw_port_kind_name(kind)))
			break;
	}
	if (kind == CYDMA_PORT_NR)
		return -EINVAL;

	guard(mutex)(&port->dev->lock);
	if (port->dev->board)
		return -EBUSY;
	port->cfg.hw.kind = kind;
	return count;
}

CONFIGFS_ATTR(cydma_port_config_, kind);

static ssize_t cydma_port_show_str(struct cydma_config_port *port,
				   char *const *field, char *page)
{
	guard(mutex)(&port->dev->lock);
	return sprintf(page, "%s\n", *field ?: "");
}

static ssize_t cydma_port_store_str(struct cydma_config_port *port,
				    char **field, const char *page,
				    size_t count)
{
	char *val = kstrndup(page, CYDMA_CONFIG_NAME_MAX + 1, GFP_KERNEL);

	if (!val)
		return -ENOMEM;
	strim(val);
	if (!*val || strlen(val) > CYDMA_CONFIG_NAME_MAX) {
		kfree(val);
		return -EINVAL;
	}

	guard(mutex)(&port->dev->lock);
	if (port->dev->board) {
		kfree(val);
		return -EBUSY;
	}
	kfree(*field);
	*field = val;
	return count;
}

static ssize_t cydma_port_config_consumer_show(struct config_item *item,
					       char *page)
{
	struct cydma_config_port *port = to_cydma_config_port(item);

	return cydma_port_show_str(port, &port->consumer, page);
}

static ssize_t cydma_port_config_consumer_store(struct config_item *item,
						const char *page, size_t count)
{
	struct cydma_config_port *port = to_cydma_config_port(item);

	return cydma_port_store_str(port, &port->consumer, page, count);
}

CONFIGFS_ATTR(cydma_port_config_, consumer);

static ssize_t cydma_port_config_dma_name_show(struct config_item *item,
					       char *page)
{
	struct cydma_config_port *port = to_cydma_config_port(item);

	return cydma_port_show_str(port, &port->dma_name, page);
}

static ssize_t cydma_port_config_dma_name_store(struct config_item *item,
						const char *page, size_t count)
{
	struct cydma_config_port *port = to_cydma_config_port(item);

	return cydma_port_store_str(port, &port->dma_name, page, count);
}

CONFIGFS_ATTR(cydma_port_config_, dma_name);

static struct configfs_attribute *cydma_port_config_attrs[] = {
	&cydma_port_config_attr_request_line,
	&cydma_port_config_attr_kind,
	&cydma_port_config_attr_rate,
	&cydma_port_config_attr_unit,
	&cydma_port_config_attr_fifo_depth,
	&cydma_port_config_attr_consumer,
	&cydma_port_config_attr_dma_name,
	NULL
};

static void cydma_port_config_release(struct config_item *item)
{
	struct cydma_config_port *port = to_cydma_config_port(item);

	scoped_guard(mutex, &port->dev->lock)
		list_del(&port->node);
	kfree(port->consumer);
	kfree(port->dma_name);
	kfree(port);
}

static struct configfs_item_operations cydma_port_config_item_ops = {
	.release = cydma_port_config_release,
};

static const struct config_item_type cydma_port_config_type = {
	.ct_item_ops = &cydma_port_config_item_ops,
	.ct_attrs = cydma_port_config_attrs,
	.ct_owner = THIS_MODULE,
};

static struct config_item *
cydma_device_config_make_port(struct config_group *group, const char *name)
{
	struct cydma_config_device *dev = to_cydma_config_device(&group->cg_item);
	struct cydma_config_port *port;

	guard(mutex)(&dev->lock);
	if (dev->board)
		return ERR_PTR(-EBUSY);
	port = kzalloc(sizeof(*port), GFP_KERNEL);
	if (!port)
		return ERR_PTR(-ENOMEM);
	config_item_init_type_name(&port->item, name, &cydma_port_config_type);
	port->dev = dev;
	/* a bare FIFO until told otherwise */
	port->cfg.hw.fifo_depth = SZ_4K;
	port->cfg.hw.unit = 4;
	list_add_tail(&port->node, &dev->ports);
	return &port->item;
}

/* ---- devices ------------------------------------------------------ */

static void cydma_device_config_release(struct config_item *item)
{
	struct cydma_config_device *dev = to_cydma_config_device(item);

	scoped_guard(mutex, &dev->lock) {
		if (dev->board)
			cydma_device_deactivate(dev);
	}
	mutex_destroy(&dev->lock);
	kfree(dev);
}

static struct configfs_item_operations cydma_device_config_item_ops = {
	.release = cydma_device_config_release,
};

static struct configfs_group_operations cydma_device_config_group_ops = {
	.make_item = cydma_device_config_make_port,
};

static const struct config_item_type cydma_device_config_type = {
	.ct_item_ops = &cydma_device_config_item_ops,
	.ct_group_ops = &cydma_device_config_group_ops,
	.ct_attrs = cydma_device_config_attrs,
	.ct_owner = THIS_MODULE,
};

static struct config_group *
cydma_config_make_device(struct config_group *group, const char *name)
{
	struct cydma_config_device *dev;

	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	if (!dev)
		return ERR_PTR(-ENOMEM);
	config_group_init_type_name(&dev->group, name,
				    &cydma_device_config_type);
	mutex_init(&dev->lock);
	INIT_LIST_HEAD(&dev->ports);
	cydma_board_default_config(&dev->cfg);
	return &dev->group;
}

static struct configfs_group_operations cydma_config_subsys_group_ops = {
	.make_group = cydma_config_make_device,
};

static const struct config_item_type cydma_config_subsys_type = {
	.ct_group_ops = &cydma_config_subsys_group_ops,
	.ct_owner = THIS_MODULE,
};

static struct configfs_subsystem cydma_config_subsys = {
	.su_group = {
		.cg_item = {
			.ci_namebuf = "cydma-sim",
			.ci_type = &cydma_config_subsys_type,
		},
	},
};

/**
 * cydma_configfs_init() - register the configfs subsystem
 *
 * Context: module init.
 * Return: 0 or the error of configfs_register_subsystem().
 */
int cydma_configfs_init(void)
{
	return simdma_configfs_register(&cydma_config_subsys);
}

/**
 * cydma_configfs_exit() - unregister the configfs subsystem
 *
 * Context: module exit.
 */
void cydma_configfs_exit(void)
{
	simdma_configfs_unregister(&cydma_config_subsys);
}

/* ---- KUnit access without a mounted configfs ---------------------- */

#if IS_ENABLED(CONFIG_KUNIT)
/**
 * cydma_config_new_device() - make a device directory, as mkdir would
 * @name: its name
 *
 * Context: process context.
 * Return: the device's item (drop it with config_item_put()), or an
 * ERR_PTR().
 */
VISIBLE_IF_KUNIT struct config_item *cydma_config_new_device(const char *name)
{
	struct config_group *group;

	group = cydma_config_make_device(&cydma_config_subsys.su_group, name);
	return IS_ERR(group) ? ERR_CAST(group) : &group->cg_item;
}
EXPORT_SYMBOL_IF_KUNIT(cydma_config_new_device);

/**
 * cydma_config_new_port() - make a peripheral directory, as mkdir would
 * @dev: the device's item
 * @name: its name
 *
 * Context: process context.
 * Return: the peripheral's item (drop it with config_item_put() before the
 * device's), or an ERR_PTR().
 */
VISIBLE_IF_KUNIT struct config_item *
cydma_config_new_port(struct config_item *dev, const char *name)
{
	return cydma_device_config_make_port(to_config_group(dev), name);
}
EXPORT_SYMBOL_IF_KUNIT(cydma_config_new_port);
#endif
