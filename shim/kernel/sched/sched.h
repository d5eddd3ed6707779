/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * sched.h - the scheduler's calls for the rest of the shim (not drivers).
 */
#ifndef ULDD_SHIM_KERNEL_SCHED_H
#define ULDD_SHIM_KERNEL_SCHED_H

#include <linux/types.h>

/*
 * Around a door call that may block: gives the virtual CPU up so other
 * tasks run meanwhile, and takes one back. Process context only.
 */
void uldd_host_block_begin(void);
void uldd_host_block_end(void);
/*
 * The same, for code that may also run where there is no vCPU to give (a
 * host thread that never entered, atomic context) and then just makes the
 * call: true when it gave the vCPU up, and uldd_host_block_end() is due.
 */
bool uldd_host_block_try_begin(void);

#endif /* ULDD_SHIM_KERNEL_SCHED_H */
