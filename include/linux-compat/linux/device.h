/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/device.h - struct device, as far as DMA and devres need it for
 * now: the parent, the driver's data, the DMA masks, the shim's private
 * state and the managed resources. No locking of its own but devres's: the
 * fields are set at probe, before concurrency.
 *
 * Emulation notes: the layout is uldd's and only grows at the end (the
 * device model comes later). The shim's state (the
 * host device handle, the DMA domain) sits behind the one private member
 * p, set by the PCI layer at probe (uldd_dma_attach).
 *
 * The device model (driver-api/driver-model/): a device a driver creates
 * itself (a controller's character device) is device_initialize()d, named
 * with dev_set_name() and counted: put_device() of the last reference
 * calls its release (the device's, else its type's, else its class's),
 * then frees the name. device_add() and device_del() make it appear in and
 * leave sysfs and /dev, which a process has not got: they take and drop
 * the parent's reference and otherwise do nothing. A device the shim made
 * (a pci_dev) is not initialised that way: get_device() and put_device()
 * leave it alone, as the shim owns its lifetime. dev_name() is init_name,
 * else the name dev_set_name() gave. device_release_driver() stops the
 * driver (a process drives one device; the supervisor's restart is its
 * unbind).
 *
 * devres (managed resources, driver-api/driver-model/devres.rst): each
 * device keeps a list of release actions, run in reverse order when the
 * driver is detached and when probe fails. The list head is zero until the
 * first devres call initialises it, so a kzalloc'ed device needs no set-up;
 * one lock in the shim guards every device's list. Groups mark a stretch
 * of the list that can be released (newest first) or forgotten as one.
 */
#ifndef _LINUX_DEVICE_H
#define _LINUX_DEVICE_H

#include <linux/atomic.h>
#include <linux/compiler.h>
#include <linux/container_of.h>
#include <linux/dev_printk.h>
#include <linux/gfp_types.h>
#include <linux/ioport.h>
#include <linux/kobject.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/numa.h>
#include <linux/overflow.h>
#include <linux/pm.h>
#include <linux/sysfs.h>
#include <linux/types.h>

struct uldd_device_private;
struct class;
struct device_type;

/* Limits a device puts on scatter-gather segments (dma_set_max_seg_size). */
struct device_dma_parameters {
	unsigned int max_segment_size;
	unsigned int min_align_mask;
	unsigned long segment_boundary_mask;
};

struct device {
	struct device *parent;
	const char *init_name;
	/* The bound driver, set before its probe runs. */
	struct device_driver *driver;
	void *driver_data;
	/* Streaming DMA: points at the bus device's own mask (pci_dev). */
	u64 *dma_mask;
	/* dma_alloc_coherent() and dma_pool memory. */
	u64 coherent_dma_mask;
	struct device_dma_parameters *dma_parms;
	/* The shim's: never touched by drivers. */
	struct uldd_device_private *p;
	/* devres: release actions, newest last (see the notes above). */
	struct list_head devres_head;
	/* The device model (see the notes above): name and reference count. */
	struct kobject kobj;
	const struct device_type *type;
	const struct class *class;
	dev_t devt;
	/* Attributes for sysfs, which is not there: kept, never shown. */
	const struct attribute_group **groups;
	void (*release)(struct device *dev);
	struct dev_pm_info power;
};

struct device_type {
	const char *name;
	const struct attribute_group **groups;
	int (*uevent)(const struct device *dev, struct kobj_uevent_env *env);
	void (*release)(struct device *dev);
	const struct dev_pm_ops *pm;
};

/* A sysfs file of a device: show() and store() get the device. */
struct device_attribute {
	struct attribute attr;
	ssize_t (*show)(struct device *dev, struct device_attribute *attr, char *buf);
	ssize_t (*store)(struct device *dev, struct device_attribute *attr, const char *buf,
			 size_t count);
};

#define DEVICE_ATTR(_name, _mode, _show, _store) \
	struct device_attribute dev_attr_##_name = __ATTR(_name, _mode, _show, _store)
#define DEVICE_ATTR_RW(_name) struct device_attribute dev_attr_##_name = __ATTR_RW(_name)
#define DEVICE_ATTR_ADMIN_RW(_name) \
	struct device_attribute dev_attr_##_name = __ATTR_RW_MODE(_name, 0600)
#define DEVICE_ATTR_RO(_name) struct device_attribute dev_attr_##_name = __ATTR_RO(_name)
#define DEVICE_ATTR_ADMIN_RO(_name) \
	struct device_attribute dev_attr_##_name = __ATTR_RO_MODE(_name, 0400)
#define DEVICE_ATTR_WO(_name) struct device_attribute dev_attr_##_name = __ATTR_WO(_name)

static inline struct device *kobj_to_dev(struct kobject *kobj)
{
	return container_of(kobj, struct device, kobj);
}

/* Sets up the reference count (1) and the lists; may not fail. */
void device_initialize(struct device *dev);
/* Names it: 0 or -ENOMEM. */
__printf(2, 3) int dev_set_name(struct device *dev, const char *name, ...);
/* See the notes above: 0, or -EINVAL for a device with no name. */
int device_add(struct device *dev);
void device_del(struct device *dev);
int device_register(struct device *dev);
void device_unregister(struct device *dev);
/* Another reference (NULL passes through); any context. */
struct device *get_device(struct device *dev);
/* Drops one; the last calls the release. NULL is fine. May sleep in release. */
void put_device(struct device *dev);
/* Never returns (see the notes above). */
void device_release_driver(struct device *dev);
/* sysfs files: nothing to create (linux/sysfs.h); 0. */
int device_create_file(struct device *dev, const struct device_attribute *attr);
void device_remove_file(struct device *dev, const struct device_attribute *attr);
/* False: there is no file for a store() to remove itself from. */
bool device_remove_file_self(struct device *dev, const struct device_attribute *attr);
int device_add_groups(struct device *dev, const struct attribute_group **groups);
void device_remove_groups(struct device *dev, const struct attribute_group **groups);

/* One NUMA node: no device prefers one. */
static inline int dev_to_node(const struct device *dev)
{
	(void)dev;
	return NUMA_NO_NODE;
}

static inline const char *dev_name(const struct device *dev)
{
	if (dev->init_name)
		return dev->init_name;
	return dev->kobj.name ? dev->kobj.name : "(unnamed device)";
}

/* The bound driver's name, or "" (messages start with it). */
const char *dev_driver_string(const struct device *dev);

static inline void *dev_get_drvdata(const struct device *dev)
{
	return dev->driver_data;
}

static inline void dev_set_drvdata(struct device *dev, void *data)
{
	dev->driver_data = data;
}

/* devres: data that a release function gets when the device lets go of it. */
typedef void (*dr_release_t)(struct device *dev, void *res);
typedef int (*dr_match_t)(struct device *dev, void *res, void *match_data);

/* A zeroed resource of size bytes for devres_add(); not on any list yet. */
void *__devres_alloc_node(dr_release_t release, size_t size, gfp_t gfp, int nid, const char *name)
	__attribute__((__malloc__));
#define devres_alloc(release, size, gfp) __devres_alloc_node(release, size, gfp, -1, #release)
#define devres_alloc_node(release, size, gfp, nid) \
	__devres_alloc_node(release, size, gfp, nid, #release)
void devres_free(void *res);
void devres_add(struct device *dev, void *res);
/* The newest resource with this release that match accepts (match NULL: any). */
void *devres_find(struct device *dev, dr_release_t release, dr_match_t match, void *match_data);
/* Taken off the list, not released: the caller owns it. */
void *devres_remove(struct device *dev, dr_release_t release, dr_match_t match, void *match_data);
/* Removed and freed without release (-ENOENT if none); release: released too. */
int devres_destroy(struct device *dev, dr_release_t release, dr_match_t match, void *match_data);
int devres_release(struct device *dev, dr_release_t release, dr_match_t match, void *match_data);

/*
 * Groups: resources added after devres_open_group() (until its close) are
 * the group's, nested groups included. id NULL: the group's own id (the
 * return value) on open, the newest open group elsewhere. Open returns
 * NULL on failure; release returns how many resources it released.
 */
void *devres_open_group(struct device *dev, void *id, gfp_t gfp);
void devres_close_group(struct device *dev, void *id);
/* The markers go; the group's resources stay, the device's now. */
void devres_remove_group(struct device *dev, void *id);
int devres_release_group(struct device *dev, void *id);

/* action(data) at detach. The _or_reset form runs it at once if adding fails. */
int devm_add_action(struct device *dev, void (*action)(void *), void *data);
int devm_add_action_or_reset(struct device *dev, void (*action)(void *), void *data);
/* Forgets the action without running it; devm_release_action runs it now. */
void devm_remove_action(struct device *dev, void (*action)(void *), void *data);
void devm_release_action(struct device *dev, void (*action)(void *), void *data);

/* Memory freed at detach, or earlier with devm_kfree(). */
void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp) __attribute__((__malloc__));
void devm_kfree(struct device *dev, const void *p);
char *devm_kstrdup(struct device *dev, const char *s, gfp_t gfp) __attribute__((__malloc__));
void *devm_kmemdup(struct device *dev, const void *src, size_t len, gfp_t gfp);

static inline void *devm_kzalloc(struct device *dev, size_t size, gfp_t gfp)
{
	return devm_kmalloc(dev, size, gfp | __GFP_ZERO);
}

static inline void *devm_kmalloc_array(struct device *dev, size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return devm_kmalloc(dev, bytes, flags);
}

static inline void *devm_kcalloc(struct device *dev, size_t n, size_t size, gfp_t flags)
{
	return devm_kmalloc_array(dev, n, size, flags | __GFP_ZERO);
}

#include <linux/device/class.h>

#endif /* _LINUX_DEVICE_H */
