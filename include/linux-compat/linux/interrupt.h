/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/interrupt.h - device interrupt handlers: request_irq() and its
 * threaded form, free_irq(), and disabling a line (nesting, waiting for
 * running handlers). Each vector has a host thread that takes the interrupt
 * on a free virtual CPU, as another CPU would; a threaded handler runs in
 * a thread of its own action, in process context.
 *
 * Emulation notes: irq numbers are the shim's (from 32 up), given out by
 * the PCI layer for a device's INTx, MSI or MSI-X vectors. INTx stays
 * masked from its firing until the handlers (with IRQF_ONESHOT, the
 * threaded handler too) returned. MSI cannot be masked through VFIO: an
 * MSI arriving while the line is disabled (or its ONESHOT thread runs) is
 * remembered, one at most, and delivered when that ends; enable_irq()
 * delivers it on the calling task as a local interrupt would, unless the
 * caller has interrupts disabled: then it waits for the vector's next
 * interrupt (warned once). Unhandled interrupts are counted and warned
 * about once per line; the line is never disabled for them. The trigger
 * flags, IRQF_NO_SUSPEND and the like are accepted and ignored; affinity
 * hints and wake-up settings are no-ops. devm_request_irq() frees the
 * line at detach (devres, linux/device.h). IRQ autoprobing never finds a
 * line (probe_irq_off() is 0); the _lockdep forms are the plain calls.
 */
#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H

#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/compiler.h>
#include <linux/container_of.h>
#include <linux/cpumask.h>
#include <linux/hardirq.h>
#include <linux/hrtimer.h>
#include <linux/irqreturn.h>
#include <linux/kref.h>
#include <linux/types.h>
#include <linux/workqueue.h>

#define IRQF_TRIGGER_NONE 0x00000000
#define IRQF_TRIGGER_RISING 0x00000001
#define IRQF_TRIGGER_FALLING 0x00000002
#define IRQF_TRIGGER_HIGH 0x00000004
#define IRQF_TRIGGER_LOW 0x00000008
#define IRQF_TRIGGER_MASK \
	(IRQF_TRIGGER_HIGH | IRQF_TRIGGER_LOW | IRQF_TRIGGER_RISING | IRQF_TRIGGER_FALLING)
#define IRQF_TRIGGER_PROBE 0x00000010

#define IRQF_SHARED 0x00000080
#define IRQF_PROBE_SHARED 0x00000100
#define __IRQF_TIMER 0x00000200
#define IRQF_PERCPU 0x00000400
#define IRQF_NOBALANCING 0x00000800
#define IRQF_IRQPOLL 0x00001000
#define IRQF_ONESHOT 0x00002000
#define IRQF_NO_SUSPEND 0x00004000
#define IRQF_FORCE_RESUME 0x00008000
#define IRQF_NO_THREAD 0x00010000
#define IRQF_EARLY_RESUME 0x00020000
#define IRQF_COND_SUSPEND 0x00040000
#define IRQF_NO_AUTOEN 0x00080000
#define IRQF_NO_DEBUG 0x00100000
#define IRQF_TIMER (__IRQF_TIMER | IRQF_NO_SUSPEND | IRQF_NO_THREAD)

typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

struct cpumask;

/*
 * handler runs in hard interrupt context; thread_fn, if given, in its own
 * thread when handler returns IRQ_WAKE_THREAD. handler NULL: only the
 * thread, which then needs IRQF_ONESHOT. May sleep.
 */
int request_threaded_irq(unsigned int irq, irq_handler_t handler, irq_handler_t thread_fn,
			 unsigned long flags, const char *name, void *dev);

static inline int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
			      const char *name, void *dev)
{
	return request_threaded_irq(irq, handler, NULL, flags, name, dev);
}

/* Waits for the action's handlers, stops its thread; returns its name. */
const void *free_irq(unsigned int irq, void *dev_id);

/* Freed with devm_free_irq() or when the device's driver is detached. */
struct device;
int devm_request_threaded_irq(struct device *dev, unsigned int irq, irq_handler_t handler,
			      irq_handler_t thread_fn, unsigned long irqflags, const char *devname,
			      void *dev_id);

static inline int devm_request_irq(struct device *dev, unsigned int irq, irq_handler_t handler,
				   unsigned long irqflags, const char *devname, void *dev_id)
{
	return devm_request_threaded_irq(dev, irq, handler, NULL, irqflags, devname, dev_id);
}

void devm_free_irq(struct device *dev, unsigned int irq, void *dev_id);

/* Nesting; disable_irq() also waits for running handlers (may sleep). */
void disable_irq(unsigned int irq);
void disable_irq_nosync(unsigned int irq);
void enable_irq(unsigned int irq);

/*
 * The _lockdep forms tell the lock validator that the line is off; there
 * is no validator here, so they are the plain calls, as on a kernel built
 * without CONFIG_LOCKDEP (flags are left untouched there too: the caller's
 * own spin_lock_irqsave() is what keeps the local CPU's interrupts out).
 */
static inline void disable_irq_nosync_lockdep(unsigned int irq)
{
	disable_irq_nosync(irq);
}

static inline void disable_irq_nosync_lockdep_irqsave(unsigned int irq, unsigned long *flags)
{
	(void)flags;
	disable_irq_nosync(irq);
}

static inline void disable_irq_lockdep(unsigned int irq)
{
	disable_irq(irq);
}

static inline void enable_irq_lockdep(unsigned int irq)
{
	enable_irq(irq);
}

static inline void enable_irq_lockdep_irqrestore(unsigned int irq, unsigned long *flags)
{
	(void)flags;
	enable_irq(irq);
}

/*
 * IRQ autoprobing finds which unassigned ISA line a card raises. Every
 * line here belongs to a device opened through VFIO, with its number
 * given before probe, so no line is ever a candidate: probe_irq_on()
 * returns an empty mask and probe_irq_off() "no interrupt seen" (0), and
 * a driver that needs autoprobing (an ISA or VLB card) fails its probe
 * in its own words.
 */
static inline unsigned long probe_irq_on(void)
{
	return 0;
}

static inline int probe_irq_off(unsigned long mask)
{
	(void)mask;
	return 0;
}

static inline unsigned int probe_irq_mask(unsigned long mask)
{
	(void)mask;
	return 0;
}

/* No-op: vector threads run on any free virtual CPU. */
static inline int irq_set_affinity_hint(unsigned int irq, const struct cpumask *m)
{
	(void)irq;
	(void)m;
	return 0;
}

/* No-op: there is no system suspend to wake from. */
static inline int enable_irq_wake(unsigned int irq)
{
	(void)irq;
	return 0;
}

static inline int disable_irq_wake(unsigned int irq)
{
	(void)irq;
	return 0;
}

/*
 * Tasklets: deferred functions run by the softirq thread (shim's
 * kernel/softirq.c) in softirq context (in_softirq() true, the vCPU held,
 * no sleeping). Scheduling a pending tasklet again does nothing: it runs
 * once for all the schedules before it starts. A tasklet never runs on two
 * vCPUs at once. tasklet_hi_schedule() queues on the high list, which the
 * thread drains before the normal one.
 *
 * Emulation notes: one softirq thread, started on first use, runs every
 * tasklet; tasklets therefore never run concurrently with one another
 * either. A disabled tasklet stays scheduled and runs after
 * tasklet_enable(). tasklet_disable() and tasklet_kill() sleep while they
 * wait (tasklet_disable() spins instead when called in atomic context).
 */
enum {
	TASKLET_STATE_SCHED, /* pending: on a list of the softirq thread */
	TASKLET_STATE_RUN, /* its function runs now */
};

struct tasklet_struct {
	struct tasklet_struct *next;
	unsigned long state;
	atomic_t count; /* disable nesting: runs only at 0 */
	bool use_callback;
	union {
		void (*func)(unsigned long data);
		void (*callback)(struct tasklet_struct *t);
	};
	unsigned long data;
};

#define DECLARE_TASKLET(name, _callback)                        \
	struct tasklet_struct name = { .count = ATOMIC_INIT(0), \
				       .callback = _callback,   \
				       .use_callback = true }
#define DECLARE_TASKLET_DISABLED(name, _callback)               \
	struct tasklet_struct name = { .count = ATOMIC_INIT(1), \
				       .callback = _callback,   \
				       .use_callback = true }
#define DECLARE_TASKLET_OLD(name, _func) \
	struct tasklet_struct name = { .count = ATOMIC_INIT(0), .func = _func }
#define from_tasklet(var, callback_tasklet, tasklet_fieldname) \
	container_of(callback_tasklet, typeof(*var), tasklet_fieldname)

void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long), unsigned long data);
void tasklet_setup(struct tasklet_struct *t, void (*callback)(struct tasklet_struct *));
/* Queue t (not yet pending) and raise the softirq thread. */
void __tasklet_schedule(struct tasklet_struct *t);
void __tasklet_hi_schedule(struct tasklet_struct *t);

static inline void tasklet_schedule(struct tasklet_struct *t)
{
	if (!test_and_set_bit(TASKLET_STATE_SCHED, &t->state))
		__tasklet_schedule(t);
}

static inline void tasklet_hi_schedule(struct tasklet_struct *t)
{
	if (!test_and_set_bit(TASKLET_STATE_SCHED, &t->state))
		__tasklet_hi_schedule(t);
}

/* Waits until t is neither pending nor running; t must not reschedule itself forever. */
void tasklet_kill(struct tasklet_struct *t);
/* Waits until t's function is not running (spins in atomic context). */
void tasklet_unlock_wait(struct tasklet_struct *t);

static inline void tasklet_disable_nosync(struct tasklet_struct *t)
{
	atomic_inc(&t->count);
	smp_mb__after_atomic();
}

static inline void tasklet_disable_in_atomic(struct tasklet_struct *t)
{
	tasklet_disable_nosync(t);
	tasklet_unlock_wait(t);
}

static inline void tasklet_disable(struct tasklet_struct *t)
{
	tasklet_disable_nosync(t);
	tasklet_unlock_wait(t);
}

/* Lets a still pending t run again. */
void tasklet_enable(struct tasklet_struct *t);

/*
 * How pci_alloc_irq_vectors_affinity() spreads vectors over CPUs: the
 * first pre_vectors and last post_vectors are not spread; calc_sets, if
 * set, is told how many are left and fills nr_sets and set_size (nvme
 * sizes its queue sets there).
 *
 * Emulation notes: the vectors' threads are not pinned to vCPUs; the sets
 * only say how many vectors each kind of queue gets.
 */
#define IRQ_AFFINITY_MAX_SETS 4

struct irq_affinity {
	unsigned int pre_vectors;
	unsigned int post_vectors;
	unsigned int nr_sets;
	unsigned int set_size[IRQ_AFFINITY_MAX_SETS];
	void (*calc_sets)(struct irq_affinity *affd, unsigned int nvecs);
	void *priv;
};

#endif /* _LINUX_INTERRUPT_H */
