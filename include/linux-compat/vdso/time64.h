/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * vdso/time64.h - the unit ratios of time: milli-, micro- and nanoseconds
 * per second and per each other.
 */
#ifndef __VDSO_TIME64_H
#define __VDSO_TIME64_H

#define MSEC_PER_SEC 1000L
#define USEC_PER_MSEC 1000L
#define NSEC_PER_USEC 1000L
#define NSEC_PER_MSEC 1000000L
#define USEC_PER_SEC 1000000L
#define NSEC_PER_SEC 1000000000L

#endif /* __VDSO_TIME64_H */
