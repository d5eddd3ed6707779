/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * softirq.h - the shim's softirq thread, for the parts of the shim that
 * defer work to softirq context (tasklets, NAPI polling). An
 * action is a function the thread calls, on a virtual CPU and with
 * SOFTIRQ_OFFSET in the preemption counter, after somebody raised it;
 * raising an action that is already raised does nothing more, so an action
 * drains its own queue. Raising may be done from any context.
 */
#ifndef ULDD_SHIM_KERNEL_SOFTIRQ_H
#define ULDD_SHIM_KERNEL_SOFTIRQ_H

/* Run in this order whenever several are raised. */
enum uldd_softirq {
	ULDD_SOFTIRQ_HI, /* tasklet_hi_schedule() */
	ULDD_SOFTIRQ_NET_RX, /* NAPI polling (shim/net/napi.c) */
	ULDD_SOFTIRQ_TASKLET, /* tasklet_schedule() */
	ULDD_NR_SOFTIRQ,
};

/*
 * Sets the action of nr (before its first raise) and starts the softirq
 * thread; process context. The tasklet actions are set statically, NAPI
 * (shim/net/napi.c) sets NET_RX's.
 */
void uldd_softirq_open(enum uldd_softirq nr, void (*action)(void));
/*
 * Marks nr raised and wakes the softirq thread, starting it on first use;
 * in hardirq context it only marks it: whoever ends the hard interrupt
 * must call one of the two below, with the preemption counter back at 0.
 */
void uldd_softirq_raise(enum uldd_softirq nr);
/* Runs what is raised here, on this vCPU (an interrupt thread's exit). */
void uldd_softirq_irq_exit(void);
/* Wakes the softirq thread for what is raised (other hardirq ends). */
void uldd_softirq_kick(void);

#endif /* ULDD_SHIM_KERNEL_SOFTIRQ_H */
