/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * sched.h - the scheduler's calls for the rest of the shim (not drivers).
 */
#ifndef ULDD_SHIM_KERNEL_SCHED_H
#define ULDD_SHIM_KERNEL_SCHED_H

#include <linux/types.h>

/*
 * Around a door call that may block, for core/door.c alone: gives the
 * virtual CPU up so other tasks run meanwhile, if the caller holds one
 * and is not atomic; true when it did, and uldd_host_block_end() (which
 * takes a vCPU back) is due.
 */
bool uldd_host_block_try_begin(void);
void uldd_host_block_end(void);

#endif /* ULDD_SHIM_KERNEL_SCHED_H */
