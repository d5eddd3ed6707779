// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * drivers/base/firmware.c - request_firmware(): the file DIR/name is read
 * through the door (uhost_file_read, the vCPU lent out meanwhile), which
 * keeps it beneath DIR, and copied into vmalloc memory. The directory is
 * set once, before any driver runs (uldd_firmware_dir); everything else is
 * per request.
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
#include "../../core/door.h"

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
static void fw_fail(struct device *device, const char *name, int err)
{
	const char *why =
		err == ENOENT ? "no such file: install the firmware package or pass --firmware DIR"
			      : uhost_errmsg();

	if (device)
		dev_err(device, "firmware %s/%s: %s\n", fw_dir, name, why);
	else
		pr_err("firmware %s/%s: %s\n", fw_dir, name, why);
}

/*
 * A name must stay beneath the firmware directory: not empty, not
 * absolute, no ".." component. The door checks this too; here the driver
 * gets -EINVAL and one line even from the quiet forms, since such a name
 * is a driver bug or an attack, never a firmware file that is missing.
 */
static bool fw_name_ok(const char *name)
{
	const char *p = name;

	if (!name || !*name || *name == '/')
		return false;
	for (;;) {
		const char *slash = strchr(p, '/');
		size_t len = slash ? (size_t)(slash - p) : strlen(p);

		if (len == 2 && p[0] == '.' && p[1] == '.')
			return false;
		if (!slash)
			return true;
		p = slash + 1;
	}
}

static int load(const struct firmware **fwp, const char *name, struct device *device, bool warn)
{
	struct firmware *fw;
	uhost_size size;
	void *data;
	int err;

	*fwp = NULL;
	if (!fw_name_ok(name)) {
		if (device)
			dev_err(device,
				"firmware name '%s' refused: it must be a relative path beneath %s, without '..'\n",
				name ? name : "(null)", fw_dir);
		else
			pr_err("firmware name '%s' refused: it must be a relative path beneath %s, without '..'\n",
			       name ? name : "(null)", fw_dir);
		return -EINVAL;
	}
	err = uldd_door_file_read(fw_dir, name, &data, &size);
	if (err) {
		if (warn)
			fw_fail(device, name, err);
		return -err;
	}
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
