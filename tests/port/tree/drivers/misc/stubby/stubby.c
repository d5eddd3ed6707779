// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Test fixture for tests/port/run.sh: everything compiles, but two
 * functions and a constant exist in no shim. With --stubs the .so links
 * (the constant taken from the tree's header) and its init
 * stops at the first one it calls, which names itself.
 */
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/acme_widget.h>

static int __init stubby_init(void)
{
	pr_info("stubby: before the first missing function\n");
	acme_frobnicate(1);
	pr_info("stubby: after it (never printed)\n");
	return widget_power_on(NULL, WIDGET_POWER_FULL);
}
module_init(stubby_init);
MODULE_LICENSE("GPL");
