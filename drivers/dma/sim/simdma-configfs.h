/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Plumbing shared by the configfs interfaces of the simulated DMA
 * controllers: registering a subsystem, pinning the child items of a
 * live device, and reaching attributes by name from KUnit without a
 * mounted configfs.
 */
#ifndef _DMA_SIM_SIMDMA_CONFIGFS_H
#define _DMA_SIM_SIMDMA_CONFIGFS_H

#include <linux/types.h>

struct config_item;
struct configfs_subsystem;

int simdma_configfs_register(struct configfs_subsystem *subsys);
void simdma_configfs_unregister(struct configfs_subsystem *subsys);
void simdma_config_pin(struct configfs_subsystem *subsys,
		       struct config_item *item, bool pin);

#if IS_ENABLED(CONFIG_KUNIT)
ssize_t simdma_config_write(struct config_item *item, const char *attr,
			    const char *buf);
ssize_t simdma_config_read(struct config_item *item, const char *attr,
			   char *page);
#endif

#endif /* _DMA_SIM_SIMDMA_CONFIGFS_H */
