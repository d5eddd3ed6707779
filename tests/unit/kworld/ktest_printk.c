// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_printk.c - K-world body for test_namespace.c: printk at each level,
 * pr_fmt, pr_cont and multi-line messages, as a driver writes them. The
 * harness fakes the door's uhost_log and checks the lines it receives.
 */
#define pr_fmt(fmt) "ktest: " fmt

#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/printk.h>

#include "ktest.h"

int ktest_printk(void)
{
	static const u8 mac[6] = { 0x02, 0x00, 0x5e, 0x10, 0x00, 0x01 };
	int ret;

	pr_emerg("emerg\n");
	ret = pr_err("err %d\n", -EIO);
	pr_warn("warn\n");
	pr_notice("notice\n");
	pr_info("info %pM\n", mac);
	pr_debug("compiled out: DEBUG is not defined\n");
	printk("no level\n");
	printk(KERN_DEBUG "debug by hand\n");
	pr_info("start ");
	pr_cont("and more\n");
	pr_cont("\n");
	printk(KERN_ERR "two\nlines\n");
	return ret;
}
