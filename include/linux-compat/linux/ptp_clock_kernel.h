/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/ptp_clock_kernel.h - the PTP hardware clock (PHC) a driver
 * describes (struct ptp_clock_info) and registers, as a kernel built
 * without CONFIG_PTP_1588_CLOCK has it, plus the inline helpers every
 * build has (system timestamps around a device read, scaled-ppm math).
 *
 * Emulation notes: a PHC is a /dev/ptpN character device of the host
 * kernel; a user process cannot create one, so ptp_clock_register()
 * returns NULL, which drivers take as "no PHC" and go on without it
 * (ptp_clock_index() is -1). Hardware timestamps on packets do not need
 * the PHC and are left to the driver.
 */
#ifndef _LINUX_PTP_CLOCK_KERNEL_H
#define _LINUX_PTP_CLOCK_KERNEL_H

#include <linux/err.h>
#include <linux/ktime.h>
#include <linux/math64.h>
#include <linux/module.h>
#include <linux/time64.h>
#include <linux/timekeeping.h>
#include <linux/types.h>

struct device;
struct ptp_clock;
struct ptp_clock_request;
struct ptp_pin_desc;
struct system_device_crosststamp;

/* The system clock read just before and just after a device's clock. */
struct ptp_system_timestamp {
	struct timespec64 pre_ts;
	struct timespec64 post_ts;
};

struct ptp_clock_info {
	struct module *owner;
	char name[32];
	s32 max_adj;
	int n_alarm;
	int n_ext_ts;
	int n_per_out;
	int n_pins;
	int pps;
	struct ptp_pin_desc *pin_config;
	int (*adjfine)(struct ptp_clock_info *ptp, long scaled_ppm);
	int (*adjphase)(struct ptp_clock_info *ptp, s32 phase);
	s32 (*getmaxphase)(struct ptp_clock_info *ptp);
	int (*adjtime)(struct ptp_clock_info *ptp, s64 delta);
	int (*gettime64)(struct ptp_clock_info *ptp, struct timespec64 *ts);
	int (*gettimex64)(struct ptp_clock_info *ptp, struct timespec64 *ts,
			  struct ptp_system_timestamp *sts);
	int (*getcrosststamp)(struct ptp_clock_info *ptp, struct system_device_crosststamp *cts);
	int (*settime64)(struct ptp_clock_info *p, const struct timespec64 *ts);
	int (*enable)(struct ptp_clock_info *ptp, struct ptp_clock_request *request, int on);
	int (*verify)(struct ptp_clock_info *ptp, unsigned int pin, int func, unsigned int chan);
	long (*do_aux_work)(struct ptp_clock_info *ptp);
};

static inline struct ptp_clock *ptp_clock_register(struct ptp_clock_info *info,
						   struct device *parent)
{
	(void)info;
	(void)parent;
	return NULL;
}

static inline int ptp_clock_unregister(struct ptp_clock *ptp)
{
	(void)ptp;
	return 0;
}

static inline int ptp_clock_index(struct ptp_clock *ptp)
{
	(void)ptp;
	return -1;
}

static inline void ptp_read_system_prets(struct ptp_system_timestamp *sts)
{
	if (sts)
		ktime_get_real_ts64(&sts->pre_ts);
}

static inline void ptp_read_system_postts(struct ptp_system_timestamp *sts)
{
	if (sts)
		ktime_get_real_ts64(&sts->post_ts);
}

/*
 * scaled_ppm is parts per million with a 16-bit binary fraction; the
 * difference it makes to base is base * |scaled_ppm| / (10^6 << 16).
 * Returns true when the adjustment is negative.
 */
static inline bool diff_by_scaled_ppm(u64 base, long scaled_ppm, u64 *diff)
{
	bool negative = scaled_ppm < 0;
	u64 ppm = negative ? (u64)-scaled_ppm : (u64)scaled_ppm;

	*diff = mul_u64_u64_div_u64(base, ppm, 1000000ULL << 16);
	return negative;
}

static inline u64 adjust_by_scaled_ppm(u64 base, long scaled_ppm)
{
	u64 diff;

	if (diff_by_scaled_ppm(base, scaled_ppm, &diff))
		return base - diff;
	return base + diff;
}

#endif /* _LINUX_PTP_CLOCK_KERNEL_H */
