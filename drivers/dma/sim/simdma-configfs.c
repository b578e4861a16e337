// SPDX-License-Identifier: GPL-2.0
/*
 * Plumbing shared by the configfs interfaces of the simulated DMA
 * controllers.
 *
 * While a device directory is live, the items below it describe hardware
 * that exists, so they are pinned against rmdir.  The KUnit suites build
 * the same items without a mounted file system and go through the
 * attributes' own show and store methods, looked up by name.
 */

#include <kunit/visibility.h>
#include <linux/bug.h>
#include <linux/configfs.h>
#include <linux/mutex.h>
#include <linux/string.h>

#include "simdma-configfs.h"

/**
 * simdma_configfs_register() - register a controller's configfs subsystem
 * @subsys: the subsystem, statically initialised with its name and type
 *
 * Context: module init.
 * Return: 0 or the error of configfs_register_subsystem().
 */
int simdma_configfs_register(struct configfs_subsystem *subsys)
{
	config_group_init(&subsys->su_group);
	mutex_init(&subsys->su_mutex);
	return configfs_register_subsystem(subsys);
}
EXPORT_SYMBOL_GPL(simdma_configfs_register);

/**
 * simdma_configfs_unregister() - undo simdma_configfs_register()
 * @subsys: the subsystem
 *
 * Context: module exit.
 */
void simdma_configfs_unregister(struct configfs_subsystem *subsys)
{
	configfs_unregister_subsystem(subsys);
	mutex_destroy(&subsys->su_mutex);
}
EXPORT_SYMBOL_GPL(simdma_configfs_unregister);

/**
 * simdma_config_pin() - pin or unpin an item below a live device
 * @subsys: the subsystem the item belongs to
 * @item: the item
 * @pin: true to pin it against removal, false to release a pin
 *
 * Items made outside the file system (from KUnit) have no parent group
 * and are left alone.
 *
 * Context: process context, from a configfs callback of another item.
 */
void simdma_config_pin(struct configfs_subsystem *subsys,
		       struct config_item *item, bool pin)
{
	if (!item->ci_group)
		return;
	if (pin)
		WARN_ON(configfs_depend_item_unlocked(subsys, item));
	else
		configfs_undepend_item_unlocked(item);
}
EXPORT_SYMBOL_GPL(simdma_config_pin);

#if IS_ENABLED(CONFIG_KUNIT)
static struct configfs_attribute *simdma_config_find(struct config_item *item,
						     const char *attr)
{
	struct configfs_attribute **pos;

	for (pos = item->ci_type->ct_attrs; *pos; pos++) {
		if (!strcmp((*pos)->ca_name, attr))
			return *pos;
	}
	return NULL;
}

/**
 * simdma_config_write() - write an attribute, as write(2) would
 * @item: the item
 * @attr: attribute name
 * @buf: the text written
 *
 * Context: process context.
 * Return: bytes consumed or a negative errno; -ENOENT for a bad @attr.
 */
VISIBLE_IF_KUNIT ssize_t simdma_config_write(struct config_item *item,
					     const char *attr, const char *buf)
{
	struct configfs_attribute *a = simdma_config_find(item, attr);

	if (!a || !a->store)
		return -ENOENT;
	return a->store(item, buf, strlen(buf));
}
EXPORT_SYMBOL_IF_KUNIT(simdma_config_write);

/**
 * simdma_config_read() - read an attribute, as read(2) would
 * @item: the item
 * @attr: attribute name
 * @page: a PAGE_SIZE buffer
 *
 * Context: process context.
 * Return: bytes produced or a negative errno; -ENOENT for a bad @attr.
 */
VISIBLE_IF_KUNIT ssize_t simdma_config_read(struct config_item *item,
					    const char *attr, char *page)
{
	struct configfs_attribute *a = simdma_config_find(item, attr);

	if (!a || !a->show)
		return -ENOENT;
	return a->show(item, page);
}
EXPORT_SYMBOL_IF_KUNIT(simdma_config_read);
#endif
