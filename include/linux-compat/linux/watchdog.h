/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/watchdog.h - the watchdog driver API's types (struct watchdog_device,
 * its ops and status bits, and the WDIOF_* abilities of the user ABI's
 * struct watchdog_info), and the inline helpers that only set status bits.
 *
 * Emulation notes: uldd has no watchdog core yet. watchdog_init_timeout and
 * watchdog_(un)register_device are declared, not defined, so 'uldd port'
 * names them as missing and 'uldd port --stubs' can try a watchdog driver
 * on its device up to the first of them (tests/vm/t-port-stubs.sh).
 */
#ifndef _LINUX_WATCHDOG_H
#define _LINUX_WATCHDOG_H

#include <linux/bitops.h>
#include <linux/device.h>
#include <linux/types.h>

/* What a watchdog can do and report (struct watchdog_info.options). */
#define WDIOF_OVERHEAT 0x0001
#define WDIOF_FANFAULT 0x0002
#define WDIOF_EXTERN1 0x0004
#define WDIOF_EXTERN2 0x0008
#define WDIOF_POWERUNDER 0x0010
#define WDIOF_CARDRESET 0x0020
#define WDIOF_POWEROVER 0x0040
#define WDIOF_SETTIMEOUT 0x0080
#define WDIOF_MAGICCLOSE 0x0100
#define WDIOF_PRETIMEOUT 0x0200
#define WDIOF_ALARMONLY 0x0400
#define WDIOF_KEEPALIVEPING 0x8000

struct watchdog_info {
	u32 options;
	u32 firmware_version;
	u8 identity[32];
};

/* Bits of struct watchdog_device.status. */
#define WDOG_ACTIVE 0
#define WDOG_NO_WAY_OUT 1
#define WDOG_STOP_ON_REBOOT 2
#define WDOG_HW_RUNNING 3
#define WDOG_STOP_ON_UNREGISTER 4
#define WDOG_NO_PING_ON_SUSPEND 5

/* CONFIG_WATCHDOG_NOWAYOUT is off: a watchdog may be stopped. */
#define WATCHDOG_NOWAYOUT 0

struct module;
struct watchdog_device;

struct watchdog_ops {
	struct module *owner;
	int (*start)(struct watchdog_device *wdd);
	int (*stop)(struct watchdog_device *wdd);
	int (*ping)(struct watchdog_device *wdd);
	unsigned int (*status)(struct watchdog_device *wdd);
	int (*set_timeout)(struct watchdog_device *wdd, unsigned int timeout);
	int (*set_pretimeout)(struct watchdog_device *wdd, unsigned int timeout);
	unsigned int (*get_timeleft)(struct watchdog_device *wdd);
	int (*restart)(struct watchdog_device *wdd, unsigned long action, void *data);
	long (*ioctl)(struct watchdog_device *wdd, unsigned int cmd, unsigned long arg);
};

/* Timeouts in seconds, hardware heartbeats in milliseconds. */
struct watchdog_device {
	int id;
	struct device *parent;
	const struct watchdog_info *info;
	const struct watchdog_ops *ops;
	unsigned int bootstatus;
	unsigned int timeout;
	unsigned int pretimeout;
	unsigned int min_timeout;
	unsigned int max_timeout;
	unsigned int min_hw_heartbeat_ms;
	unsigned int max_hw_heartbeat_ms;
	void *driver_data;
	unsigned long status;
};

static inline void watchdog_set_nowayout(struct watchdog_device *wdd, bool nowayout)
{
	if (nowayout)
		set_bit(WDOG_NO_WAY_OUT, &wdd->status);
}

static inline void watchdog_stop_on_reboot(struct watchdog_device *wdd)
{
	set_bit(WDOG_STOP_ON_REBOOT, &wdd->status);
}

static inline void watchdog_stop_on_unregister(struct watchdog_device *wdd)
{
	set_bit(WDOG_STOP_ON_UNREGISTER, &wdd->status);
}

static inline void watchdog_set_drvdata(struct watchdog_device *wdd, void *data)
{
	wdd->driver_data = data;
}

static inline void *watchdog_get_drvdata(struct watchdog_device *wdd)
{
	return wdd->driver_data;
}

/* The watchdog core: not in uldd yet (see the notes above). */
int watchdog_init_timeout(struct watchdog_device *wdd, unsigned int timeout_parm,
			  struct device *dev);
int watchdog_register_device(struct watchdog_device *wdd);
void watchdog_unregister_device(struct watchdog_device *wdd);
int devm_watchdog_register_device(struct device *dev, struct watchdog_device *wdd);

#endif /* _LINUX_WATCHDOG_H */
