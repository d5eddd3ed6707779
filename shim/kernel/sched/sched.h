/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * sched.h - the scheduler's calls for the rest of the shim (not drivers).
 */
#ifndef ULDD_SHIM_KERNEL_SCHED_H
#define ULDD_SHIM_KERNEL_SCHED_H

/*
 * Around a door call that may block: gives the virtual CPU up so other
 * tasks run meanwhile, and takes one back. Process context only.
 */
void uldd_host_block_begin(void);
void uldd_host_block_end(void);

#endif /* ULDD_SHIM_KERNEL_SCHED_H */
