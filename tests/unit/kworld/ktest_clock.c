// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_clock.c - K-world checks of the clock arithmetic drivers do with a
 * device's free-running counter (linux/timecounter.h, linux/time64.h, the
 * wall clock), run by test_kheaders.c. A fake counter is stepped by hand.
 */
#include <linux/kernel.h>
#include <linux/math64.h>
#include <linux/ptp_clock_kernel.h>
#include <linux/time64.h>
#include <linux/timecounter.h>
#include <linux/timekeeping.h>

#include "ktest.h"

static u64 fake_cycles;

static u64 fake_read(const struct cyclecounter *cc)
{
	(void)cc;
	return fake_cycles;
}

/* A 16-bit counter at 3 ns a cycle, with a quarter-nanosecond remainder. */
static const struct cyclecounter cc16 = {
	.read = fake_read,
	.mask = CYCLECOUNTER_MASK(16),
	.mult = 13, /* 3.25 ns per cycle with shift 2 */
	.shift = 2,
};

/* A read sums the cycles since the last one, across the counter's wrap. */
static int timecounter_reads_across_wrap(void)
{
	struct timecounter tc;

	fake_cycles = 0xfff0;
	timecounter_init(&tc, &cc16, 1000);
	KCHECK(tc.nsec == 1000 && tc.cycle_last == 0xfff0 && tc.mask == 3);
	fake_cycles = 0x0010; /* 0x20 cycles later, after the wrap */
	KCHECK(timecounter_read(&tc) == 1000 + 0x20 * 13 / 4);
	KCHECK(tc.cycle_last == 0x10);
	return 0;
}

/* The sub-nanosecond remainder is kept: four reads of 1 cycle are 13 ns. */
static int timecounter_keeps_fraction(void)
{
	struct timecounter tc;

	fake_cycles = 0;
	timecounter_init(&tc, &cc16, 0);
	for (int i = 1; i <= 4; i++) {
		fake_cycles = (u64)i;
		timecounter_read(&tc);
	}
	KCHECK(tc.nsec == 13 && tc.frac == 0);
	return 0;
}

/*
 * cyc2time: a latched value ahead of the last read converts forward, one
 * behind it (up to half a wrap) backward, without moving the timecounter.
 */
static int timecounter_cyc2time_both_ways(void)
{
	struct timecounter tc;

	fake_cycles = 100;
	timecounter_init(&tc, &cc16, 1000000);
	KCHECK(timecounter_cyc2time(&tc, 104) == 1000000 + 13);
	KCHECK(timecounter_cyc2time(&tc, 96) == 1000000 - 13);
	KCHECK(timecounter_cyc2time(&tc, (u64)(100 - 8) & 0xffff) == 1000000 - 26);
	KCHECK(tc.nsec == 1000000 && tc.cycle_last == 100);
	timecounter_adjtime(&tc, -500);
	KCHECK(timecounter_cyc2time(&tc, 100) == 999500);
	return 0;
}

/* timespec64 <-> ns, with the nanoseconds field never negative. */
static int timespec64_conversions(void)
{
	struct timespec64 ts = ns_to_timespec64(1500000001LL);

	KCHECK(ts.tv_sec == 1 && ts.tv_nsec == 500000001);
	ts = ns_to_timespec64(-1);
	KCHECK(ts.tv_sec == -1 && ts.tv_nsec == 999999999);
	KCHECK(timespec64_to_ns(&ts) == -1);
	ts.tv_sec = KTIME_SEC_MAX + 1;
	KCHECK(timespec64_to_ns(&ts) == KTIME_MAX);
	return 0;
}

/* The wall clock is after 2020 and moves forward with the monotonic one. */
static int wall_clock_reads(void)
{
	struct timespec64 ts;
	ktime_t a = ktime_get_real();

	ktime_get_real_ts64(&ts);
	KCHECK(a > 1577836800LL * NSEC_PER_SEC);
	KCHECK(timespec64_to_ns(&ts) >= a);
	return 0;
}

/*
 * a * b / c through a 128-bit product, with the operands in variables the
 * compiler may place anywhere (rdx included), as e1000e's adjfine has them.
 */
static int mul_div_128(void)
{
	volatile u64 a = 25000000, b = 0, c = 1000000ULL << 16;

	KCHECK(mul_u64_u64_div_u64(a, b, c) == 0);
	b = 6553600; /* 100 ppm, scaled */
	KCHECK(mul_u64_u64_div_u64(a, b, c) == 2500);
	/* The product needs 66 bits; the quotient fits in 64. */
	a = 1ULL << 63;
	b = 6;
	c = 4;
	KCHECK(mul_u64_u64_div_u64(a, b, c) == 3ULL << 62);
	KCHECK(adjust_by_scaled_ppm(25000000, 6553600) == 25002500);
	KCHECK(adjust_by_scaled_ppm(25000000, -6553600) == 24997500);
	return 0;
}

static const struct ktest_check checks[] = {
	{ "mul_div_128", mul_div_128 },
	{ "timecounter_reads_across_wrap", timecounter_reads_across_wrap },
	{ "timecounter_keeps_fraction", timecounter_keeps_fraction },
	{ "timecounter_cyc2time_both_ways", timecounter_cyc2time_both_ways },
	{ "timespec64_conversions", timespec64_conversions },
	{ "wall_clock_reads", wall_clock_reads },
};

int ktest_kh_clock(unsigned int i, const char **name, int run)
{
	return ktest_check_case(checks, ARRAY_SIZE(checks), i, name, run);
}
