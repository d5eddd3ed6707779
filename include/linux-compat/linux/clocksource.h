/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/clocksource.h - what drivers take from the clocksource API: the
 * counter width mask. uldd registers no clocksources; time is the host's.
 */
#ifndef _LINUX_CLOCKSOURCE_H
#define _LINUX_CLOCKSOURCE_H

#include <linux/bits.h>
#include <linux/timecounter.h>
#include <linux/types.h>

#define CLOCKSOURCE_MASK(bits) GENMASK_ULL((bits)-1, 0)

#endif /* _LINUX_CLOCKSOURCE_H */
