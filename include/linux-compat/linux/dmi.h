/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/dmi.h - the machine's SMBIOS (DMI) strings, which drivers match
 * to apply quirks for particular boards and laptops.
 *
 * Emulation notes: no DMI table is read: dmi_match() is false and
 * dmi_get_system_info() NULL, as on a machine without SMBIOS, so quirks
 * keyed on the machine's name are not applied.
 */
#ifndef _LINUX_DMI_H
#define _LINUX_DMI_H

#include <linux/types.h>

enum dmi_field {
	DMI_NONE,
	DMI_BIOS_VENDOR,
	DMI_BIOS_VERSION,
	DMI_BIOS_DATE,
	DMI_BIOS_RELEASE,
	DMI_EC_FIRMWARE_RELEASE,
	DMI_SYS_VENDOR,
	DMI_PRODUCT_NAME,
	DMI_PRODUCT_VERSION,
	DMI_PRODUCT_SERIAL,
	DMI_PRODUCT_UUID,
	DMI_PRODUCT_SKU,
	DMI_PRODUCT_FAMILY,
	DMI_BOARD_VENDOR,
	DMI_BOARD_NAME,
	DMI_BOARD_VERSION,
	DMI_BOARD_SERIAL,
	DMI_BOARD_ASSET_TAG,
	DMI_CHASSIS_VENDOR,
	DMI_CHASSIS_TYPE,
	DMI_CHASSIS_VERSION,
	DMI_CHASSIS_SERIAL,
	DMI_CHASSIS_ASSET_TAG,
	DMI_STRING_MAX,
	DMI_OEM_STRING,
};

static inline bool dmi_match(enum dmi_field f, const char *str)
{
	(void)f;
	(void)str;
	return false;
}

static inline const char *dmi_get_system_info(int field)
{
	(void)field;
	return NULL;
}

#endif /* _LINUX_DMI_H */
