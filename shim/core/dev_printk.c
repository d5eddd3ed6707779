// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * core/dev_printk.c - device-prefixed printk and a simple rate limit. The
 * rate-limit state is three words per call site, updated with atomics, so
 * any context may log.
 */
#include <linux/dev_printk.h>
#include <linux/device.h>
#include <linux/device/driver.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/printk.h>

#define RATELIMIT_INTERVAL (5 * HZ)
#define RATELIMIT_BURST 10

const char *dev_driver_string(const struct device *dev)
{
	const struct device_driver *drv = READ_ONCE(dev->driver);

	return drv && drv->name ? drv->name : "";
}

/* "e1000 0000:00:03.0: msg", or without the driver before a probe. */
void _dev_printk(const char *level, const struct device *dev, const char *fmt, ...)
{
	const char *drv = dev ? dev_driver_string(dev) : "";
	struct va_format vaf;
	va_list args;

	va_start(args, fmt);
	vaf.fmt = fmt;
	vaf.va = &args;
	printk("%s%s%s%s: %pV", level, drv, *drv ? " " : "", dev ? dev_name(dev) : "(NULL device)",
	       &vaf);
	va_end(args);
}

int dev_err_probe(const struct device *dev, int err, const char *fmt, ...)
{
	struct va_format vaf;
	va_list args;

	va_start(args, fmt);
	vaf.fmt = fmt;
	vaf.va = &args;
	if (err != -EPROBE_DEFER)
		printk(KERN_ERR "%s: error %pe: %pV", dev_name(dev), ERR_PTR(err), &vaf);
	va_end(args);
	return err;
}

/*
 * state[0]: start of the interval (jiffies), state[1]: messages in it,
 * state[2]: messages suppressed. Racing callers may let a message or two
 * more through; a rate limit need not be exact.
 */
bool uldd_ratelimit(void *state)
{
	unsigned long *rs = state, now = jiffies;
	unsigned long start = __atomic_load_n(&rs[0], __ATOMIC_RELAXED);

	if (!start || time_after(now, start + RATELIMIT_INTERVAL)) {
		unsigned long missed = __atomic_exchange_n(&rs[2], 0, __ATOMIC_RELAXED);

		__atomic_store_n(&rs[0], now ? now : 1, __ATOMIC_RELAXED);
		__atomic_store_n(&rs[1], 0, __ATOMIC_RELAXED);
		if (missed)
			printk(KERN_WARNING "%lu messages suppressed\n", missed);
	}
	if (__atomic_add_fetch(&rs[1], 1, __ATOMIC_RELAXED) <= RATELIMIT_BURST)
		return true;
	__atomic_add_fetch(&rs[2], 1, __ATOMIC_RELAXED);
	return false;
}
