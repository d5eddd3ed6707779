// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * futex.c - futex(2) wait and wake for the shim's scheduler: an uncontended
 * hand-off stays in user space, a contended one costs one system call.
 */
#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"

int uhost_futex_wait(uhost_u32 *addr, uhost_u32 val, uhost_u64 deadline_ns)
{
	struct timespec ts, *tsp = NULL;
	long rc;

	/* FUTEX_WAIT_BITSET takes an absolute CLOCK_MONOTONIC deadline. */
	if (deadline_ns) {
		ts.tv_sec = (time_t)(deadline_ns / 1000000000ull);
		ts.tv_nsec = (long)(deadline_ns % 1000000000ull);
		tsp = &ts;
	}
	rc = syscall(SYS_futex, addr, FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG, val, tsp, NULL,
		     FUTEX_BITSET_MATCH_ANY);
	if (rc == 0 || errno == EAGAIN)
		return 0;
	return errno;
}

void uhost_futex_wake(uhost_u32 *addr, int nwake)
{
	syscall(SYS_futex, addr, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, nwake > 0 ? nwake : INT_MAX, NULL,
		NULL, 0);
}
