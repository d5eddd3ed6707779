// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * drivers/base/firmware.c - request_firmware(): the file DIR/name is read
 * through the door (uhost_file_read, the vCPU lent out meanwhile) and
 * copied into vmalloc memory. The directory is set once, before any
 * driver runs (uldd_firmware_dir); everything else is per request.
 */
#include <linux/device.h>
#include <linux/dev_printk.h>
#include <linux/errno.h>
#include <linux/firmware.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <linux/workqueue.h>

#include "../../entry.h"
#include "../pci/pci.h"
#include "uhost.h"

#define FW_PATH_MAX 256

static char fw_dir[FW_PATH_MAX] = "/lib/firmware";

int uldd_firmware_dir(const char *dir)
{
	size_t len = strlen(dir);

	if (!len || len >= sizeof(fw_dir))
		return -ENAMETOOLONG;
	strscpy(fw_dir, dir, sizeof(fw_dir));
	/* "DIR/" and "DIR" both give DIR/name. */
	while (len > 1 && fw_dir[len - 1] == '/')
		fw_dir[--len] = 0;
	return 0;
}

/* One line for the user: the path tried, the cause, the fix. */
static void fw_fail(struct device *device, const char *path, int err)
{
	const char *why =
		err == ENOENT ? "no such file: install the firmware package or pass --firmware DIR"
			      : uhost_errmsg();

	if (device)
		dev_err(device, "firmware %s: %s\n", path, why);
	else
		pr_err("firmware %s: %s\n", path, why);
}

static int load(const struct firmware **fwp, const char *name, struct device *device, bool warn)
{
	struct firmware *fw;
	uhost_size size;
	size_t plen;
	char *path;
	void *data;
	int err;

	*fwp = NULL;
	if (!name || !name[0])
		return -EINVAL;
	plen = strlen(fw_dir) + 1 + strlen(name) + 1;
	path = kmalloc(plen, GFP_KERNEL);
	if (!path)
		return -ENOMEM;
	snprintf(path, plen, "%s/%s", fw_dir, name);
	uldd_host_block_begin();
	err = uhost_file_read(path, &data, &size);
	uldd_host_block_end();
	if (err) {
		if (warn)
			fw_fail(device, path, err);
		kfree(path);
		return -err;
	}
	kfree(path);
	fw = kzalloc(sizeof(*fw), GFP_KERNEL);
	fw->priv = fw ? vmalloc(size ? size : 1) : NULL;
	if (!fw || !fw->priv) {
		kfree(fw);
		uhost_file_free(data);
		return -ENOMEM;
	}
	memcpy(fw->priv, data, size);
	uhost_file_free(data);
	fw->data = fw->priv;
	fw->size = size;
	*fwp = fw;
	return 0;
}

int request_firmware(const struct firmware **fw, const char *name, struct device *device)
{
	return load(fw, name, device, true);
}

int firmware_request_nowarn(const struct firmware **fw, const char *name, struct device *device)
{
	return load(fw, name, device, false);
}

int request_firmware_direct(const struct firmware **fw, const char *name, struct device *device)
{
	return load(fw, name, device, false);
}

void release_firmware(const struct firmware *fw)
{
	if (!fw)
		return;
	vfree(fw->priv);
	kfree(fw);
}

struct fw_work {
	struct work_struct work;
	const char *name;
	struct device *device;
	void *context;
	void (*cont)(const struct firmware *fw, void *context);
};

static void fw_work_fn(struct work_struct *work)
{
	struct fw_work *w = container_of(work, struct fw_work, work);
	const struct firmware *fw;

	load(&fw, w->name, w->device, true);
	w->cont(fw, w->context);
	kfree_const(w->name);
	kfree(w);
}

int request_firmware_nowait(struct module *module, bool uevent, const char *name,
			    struct device *device, gfp_t gfp, void *context,
			    void (*cont)(const struct firmware *fw, void *context))
{
	struct fw_work *w;

	(void)module;
	(void)uevent;
	w = kzalloc(sizeof(*w), gfp);
	if (!w)
		return -ENOMEM;
	w->name = kstrdup_const(name, gfp);
	if (!w->name) {
		kfree(w);
		return -ENOMEM;
	}
	w->device = device;
	w->context = context;
	w->cont = cont;
	INIT_WORK(&w->work, fw_work_fn);
	schedule_work(&w->work);
	return 0;
}
