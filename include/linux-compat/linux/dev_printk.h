/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/dev_printk.h - printk with the device's name in front, as the
 * kernel's log shows it ("0000:00:03.0: link up").
 *
 * Emulation notes: dev_dbg prints at KERN_DEBUG, which the log shows with
 * `uldd run -v` (there is no dynamic debug). The _ratelimited forms allow
 * 10 messages per 5 seconds per call site, as the kernel's default does.
 */
#ifndef _LINUX_DEV_PRINTK_H
#define _LINUX_DEV_PRINTK_H

#include <linux/compiler.h>
#include <linux/printk.h>
#include <linux/types.h>

struct device;

__printf(3, 4) void _dev_printk(const char *level, const struct device *dev, const char *fmt, ...);
bool uldd_ratelimit(void *state);

#define dev_printk(level, dev, fmt, ...) _dev_printk(level, dev, fmt, ##__VA_ARGS__)
#define dev_emerg(dev, fmt, ...) _dev_printk(KERN_EMERG, dev, fmt, ##__VA_ARGS__)
#define dev_alert(dev, fmt, ...) _dev_printk(KERN_ALERT, dev, fmt, ##__VA_ARGS__)
#define dev_crit(dev, fmt, ...) _dev_printk(KERN_CRIT, dev, fmt, ##__VA_ARGS__)
#define dev_err(dev, fmt, ...) _dev_printk(KERN_ERR, dev, fmt, ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...) _dev_printk(KERN_WARNING, dev, fmt, ##__VA_ARGS__)
#define dev_notice(dev, fmt, ...) _dev_printk(KERN_NOTICE, dev, fmt, ##__VA_ARGS__)
#define dev_info(dev, fmt, ...) _dev_printk(KERN_INFO, dev, fmt, ##__VA_ARGS__)
#define dev_dbg(dev, fmt, ...) _dev_printk(KERN_DEBUG, dev, fmt, ##__VA_ARGS__)
#define dev_vdbg(dev, fmt, ...) no_printk(fmt, ##__VA_ARGS__)

#define __uldd_dev_once(fn, dev, fmt, ...)                                 \
	do {                                                               \
		static bool __done;                                        \
		if (!__atomic_exchange_n(&__done, true, __ATOMIC_RELAXED)) \
			fn(dev, fmt, ##__VA_ARGS__);                       \
	} while (0)
#define dev_err_once(dev, fmt, ...) __uldd_dev_once(dev_err, dev, fmt, ##__VA_ARGS__)
#define dev_warn_once(dev, fmt, ...) __uldd_dev_once(dev_warn, dev, fmt, ##__VA_ARGS__)
#define dev_info_once(dev, fmt, ...) __uldd_dev_once(dev_info, dev, fmt, ##__VA_ARGS__)

#define __uldd_dev_ratelimited(fn, dev, fmt, ...)    \
	do {                                         \
		static unsigned long __rs[3];        \
		if (uldd_ratelimit(__rs))            \
			fn(dev, fmt, ##__VA_ARGS__); \
	} while (0)
#define dev_err_ratelimited(dev, fmt, ...) __uldd_dev_ratelimited(dev_err, dev, fmt, ##__VA_ARGS__)
#define dev_warn_ratelimited(dev, fmt, ...) \
	__uldd_dev_ratelimited(dev_warn, dev, fmt, ##__VA_ARGS__)
#define dev_info_ratelimited(dev, fmt, ...) \
	__uldd_dev_ratelimited(dev_info, dev, fmt, ##__VA_ARGS__)
#define dev_dbg_ratelimited(dev, fmt, ...) __uldd_dev_ratelimited(dev_dbg, dev, fmt, ##__VA_ARGS__)

/* Logs err unless it is -EPROBE_DEFER, and returns it. */
__printf(3, 4) int dev_err_probe(const struct device *dev, int err, const char *fmt, ...);

#endif /* _LINUX_DEV_PRINTK_H */
