/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/firmware.h - loading firmware files for a device
 * (driver-api/firmware/request_firmware.rst): request_firmware() reads
 * the file whole into memory the driver reads as fw->data, until
 * release_firmware().
 *
 * Emulation notes: files are looked up in one directory, /lib/firmware
 * unless `uldd run --firmware DIR` says otherwise; not in its updates/ or
 * kernel-version subfolders, and there is no sysfs fallback nor firmware
 * cache. A missing file is -ENOENT with one line naming the path tried
 * (request_firmware, request_firmware_nowait); firmware_request_nowarn and
 * request_firmware_direct are quiet. request_firmware_nowait() runs cont
 * from a work item on system_wq. All may sleep.
 */
#ifndef _LINUX_FIRMWARE_H
#define _LINUX_FIRMWARE_H

#include <linux/compiler.h>
#include <linux/gfp_types.h>
#include <linux/types.h>

struct device;
struct module;

struct firmware {
	size_t size;
	const u8 *data;
	/* The shim's: never touched by drivers. */
	void *priv;
};

int request_firmware(const struct firmware **fw, const char *name, struct device *device);
int firmware_request_nowarn(const struct firmware **fw, const char *name, struct device *device);
int request_firmware_direct(const struct firmware **fw, const char *name, struct device *device);
/* 0 if cont(fw or NULL, context) will run later, else -errno and it will not. */
int request_firmware_nowait(struct module *module, bool uevent, const char *name,
			    struct device *device, gfp_t gfp, void *context,
			    void (*cont)(const struct firmware *fw, void *context));
void release_firmware(const struct firmware *fw);

#endif /* _LINUX_FIRMWARE_H */
