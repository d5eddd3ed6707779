// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * fake_lagclock.c - a coarse clock that lags more than its resolution says,
 * as on a host whose tick runs late: ticks are due every 4 ms, each runs
 * 0 to 1.3 ms late (a fixed pseudo-random pattern), and the coarse clock
 * reads the time the last tick ran. So it lags by up to 5.3 ms while
 * clock_getres() says 4 ms. Bound in
 * place of the door's coarse clock with ld --wrap (test_conform_lag), so
 * the shim's timers and jiffies meet a worst case deterministically.
 */
#include "host.h"

#define TICK_NS 4000000ull
#define LATE_NS 1300000ull

uhost_u64 __wrap_uhost_clock_coarse_ns(void);
uhost_u64 __wrap_uhost_clock_coarse_res_ns(void);
extern const char test_conform_variant[];

/* Names test_conform_lag's cases apart from test_conform's. */
const char test_conform_variant[] = "lag";

static uhost_u64 tick_ran(uhost_u64 k)
{
	/* Late by 0 to 13 tenths of LATE_NS / 13: varies from tick to tick. */
	return k * TICK_NS + (k * 5 % 14) * (LATE_NS / 13);
}

uhost_u64 __wrap_uhost_clock_coarse_ns(void)
{
	uhost_u64 now = uhost_clock_ns();
	uhost_u64 k = now / TICK_NS;

	if (tick_ran(k) > now)
		k--;
	return tick_ran(k);
}

uhost_u64 __wrap_uhost_clock_coarse_res_ns(void)
{
	return TICK_NS;
}
