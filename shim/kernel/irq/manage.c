// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * kernel/irq/manage.c - irq descriptors, request/free, disable/enable. Each
 * vector has a host thread that waits on its eventfd outside the kernel and
 * then runs the actions on a virtual CPU in hard interrupt context; a
 * threaded handler has a thread of its own. desc->lock guards a line's state;
 * the action list is read without it and changed under irq_mutex, an action
 * being freed only after synchronize_irq() saw no handler running. A line
 * whose interrupts nobody handles is disabled as the kernel's detector
 * does it (note_interrupt() below), then polled every 100 ms.
 */
#include <linux/completion.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <linux/wait.h>

#include "../../entry.h"
#include "../../mm/private.h"
#include "../softirq.h"
#include "irq.h"
#include "../../core/door.h"
#include "../../debug/leaks.h"
#include "../../debug/lockdep.h"

struct irqaction {
	struct irqaction *next; /* published with a release store */
	irq_handler_t handler;
	irq_handler_t thread_fn;
	unsigned long flags;
	const char *name;
	void *dev_id;
	unsigned int irq;
	struct irq_desc *desc;
	/* The threaded handler's thread: run and stop under desc->lock. */
	struct uhost_thread *thread;
	struct completion thread_exited;
	struct wait_queue_head wq;
	int run;
	int stop;
	char thread_name[TASK_COMM_LEN];
};

/*
 * A slot's lock, wait queue and attached flag live as long as the process:
 * the spurious poll walks every slot from the timer thread, so a slot is
 * never rewritten wholesale, only from @dev on and under its lock.
 */
struct irq_desc {
	raw_spinlock_t lock;
	struct wait_queue_head sync_wq; /* woken when a handler finishes */
	bool attached; /* written under lock, read with READ_ONCE */
	/* Per attachment, from here to the end: */
	struct uhost_dev *dev;
	unsigned int type;
	unsigned int vec;
	unsigned int irq;
	struct irqaction *actions;
	bool routed; /* dev's vectors reach their eventfds; under irq_mutex */
	/* Under lock: */
	unsigned int depth; /* disable_irq nesting */
	unsigned int inprogress; /* hard handlers running (0 or 1) */
	unsigned int threads_active; /* thread runs woken and not finished */
	unsigned int oneshot_active; /* of those, IRQF_ONESHOT ones */
	bool pending; /* an interrupt came that could not be handled yet */
	bool masked; /* INTx: the line fired and nobody unmasked it yet */
	bool warned_resend;
	unsigned long count; /* interrupts taken, ever */
	unsigned long unhandled; /* ever, for uldd_irq_unhandled() */
	/* The spurious-interrupt detector's window (note_interrupt()). */
	unsigned int irq_count;
	unsigned int irqs_unhandled;
	unsigned long last_unhandled; /* jiffies */
	bool spurious_disabled; /* it holds one level of depth */
	/* The vector's thread, under irq_mutex. */
	struct uhost_thread *thread;
	struct completion thread_exited;
	char thread_name[TASK_COMM_LEN];
};

static DEFINE_MUTEX(irq_mutex);
static struct irq_desc irq_descs[ULDD_NR_IRQS];

static struct irq_desc *irq_to_desc(unsigned int irq)
{
	struct irq_desc *desc;

	if (irq < ULDD_IRQ_BASE || irq >= ULDD_IRQ_BASE + ULDD_NR_IRQS)
		return NULL;
	desc = &irq_descs[irq - ULDD_IRQ_BASE];
	return READ_ONCE(desc->attached) ? desc : NULL;
}

/* Under irq_mutex. */
static void irq_descs_init_once(void)
{
	static bool done;

	if (done)
		return;
	for (unsigned int i = 0; i < ULDD_NR_IRQS; i++) {
		raw_spin_lock_init(&irq_descs[i].lock);
		init_waitqueue_head(&irq_descs[i].sync_wq);
	}
	done = true;
}

int uldd_irq_attach(struct uhost_dev *dev, unsigned int type, unsigned int vec)
{
	struct irq_desc *free = NULL;
	unsigned long flags;
	int ret;

	if (!dev || type > UHOST_IRQ_MSIX)
		return -EINVAL;
	mutex_lock(&irq_mutex);
	irq_descs_init_once();
	for (unsigned int i = 0; i < ULDD_NR_IRQS; i++) {
		struct irq_desc *d = &irq_descs[i];

		if (!d->attached) {
			if (!free)
				free = d;
			continue;
		}
		if (d->dev != dev)
			continue;
		ret = d->type != type ? -EINVAL : d->vec == vec ? -EBUSY : 0;
		if (ret)
			goto out;
	}
	ret = -ENOSPC;
	if (!free)
		goto out;
	raw_spin_lock_irqsave(&free->lock, flags);
	memset(&free->dev, 0, sizeof(*free) - offsetof(struct irq_desc, dev));
	free->dev = dev;
	free->type = type;
	free->vec = vec;
	free->irq = ULDD_IRQ_BASE + (unsigned int)(free - irq_descs);
	WRITE_ONCE(free->attached, true);
	raw_spin_unlock_irqrestore(&free->lock, flags);
	ret = (int)free->irq;
out:
	mutex_unlock(&irq_mutex);
	return ret;
}

static bool irq_dev_routed(struct uhost_dev *dev);
static void irq_dev_unroute(struct uhost_dev *dev);

int uldd_irq_detach(unsigned int irq)
{
	struct irq_desc *desc;
	unsigned long flags;
	int ret = 0;

	mutex_lock(&irq_mutex);
	desc = irq_to_desc(irq);
	if (!desc) {
		ret = -EINVAL;
	} else if (desc->actions || desc->thread) {
		ret = -EBUSY;
	} else {
		raw_spin_lock_irqsave(&desc->lock, flags);
		desc->spurious_disabled = false;
		WRITE_ONCE(desc->attached, false);
		raw_spin_unlock_irqrestore(&desc->lock, flags);
		if (desc->routed && !irq_dev_routed(desc->dev))
			irq_dev_unroute(desc->dev);
		desc->routed = false;
	}
	mutex_unlock(&irq_mutex);
	if (ret == -EBUSY)
		pr_err("irq %u: detached while requested; free_irq first\n", irq);
	return ret;
}

unsigned long uldd_irq_unhandled(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);
	unsigned long flags, n = 0;

	if (desc) {
		raw_spin_lock_irqsave(&desc->lock, flags);
		n = desc->unhandled;
		raw_spin_unlock_irqrestore(&desc->lock, flags);
	}
	return n;
}

static const char *irq_type_name(unsigned int type)
{
	return type == UHOST_IRQ_INTX ? "INTx" : type == UHOST_IRQ_MSI ? "MSI" : "MSI-X";
}

size_t uldd_irq_show(char *buf, size_t len)
{
	size_t used = 0;

	if (!len)
		return 0;
	buf[0] = '\0';
	mutex_lock(&irq_mutex);
	for (unsigned int i = 0; i < ULDD_NR_IRQS; i++) {
		struct irq_desc *d = &irq_descs[i];
		unsigned long flags;

		if (!d->attached || !d->actions)
			continue;
		raw_spin_lock_irqsave(&d->lock, flags);
		used += scnprintf(
			buf + used, len - used,
			"irq %u: %s %u %s: %lu interrupts, %lu unhandled; depth %u%s%s%s%s\n",
			d->irq, irq_type_name(d->type), d->vec, d->actions->name, d->count,
			d->unhandled, d->depth, d->masked ? ", masked" : "",
			d->pending ? ", pending" : "", d->inprogress ? ", in a handler" : "",
			d->threads_active ? ", thread running" : "");
		raw_spin_unlock_irqrestore(&d->lock, flags);
	}
	mutex_unlock(&irq_mutex);
	return used;
}

/*
 * Linux's rules for a line nobody handles (kernel/irq/spurious.c): count
 * interrupts in windows of 100,000; the unhandled ones count on only while
 * they come within 100 ms of each other; a window with more than 99,900
 * unhandled disables the line, which is then polled (spurious_poll()) so
 * that a handler that does work still runs now and then.
 */
#define SPURIOUS_WINDOW 100000
#define SPURIOUS_LIMIT 99900
#define SPURIOUS_POLL (HZ / 10)

static void spurious_poll(struct timer_list *t);
static DEFINE_TIMER(spurious_timer, spurious_poll);
static irqreturn_t irq_run_actions(struct irq_desc *desc);

/* With desc->lock, after one interrupt's handlers: true if it disabled the line. */
static bool note_interrupt(struct irq_desc *desc, irqreturn_t ret)
{
	unsigned long now = jiffies;

	desc->count++;
	if (ret == IRQ_NONE) {
		desc->unhandled++;
		if (time_after(now, desc->last_unhandled + HZ / 10))
			desc->irqs_unhandled = 1;
		else
			desc->irqs_unhandled++;
		desc->last_unhandled = now;
	}
	if (++desc->irq_count < SPURIOUS_WINDOW)
		return false;
	desc->irq_count = 0;
	if (desc->irqs_unhandled <= SPURIOUS_LIMIT) {
		desc->irqs_unhandled = 0;
		return false;
	}
	desc->irqs_unhandled = 0;
	desc->spurious_disabled = true;
	desc->depth++;
	pr_emerg(
		"irq %u (%s vector %u of %s): nobody cared: more than %u of the last %u interrupts went unhandled; disabling it (handler %s)\n",
		desc->irq, irq_type_name(desc->type), desc->vec, uhost_dev_name(desc->dev),
		SPURIOUS_LIMIT, SPURIOUS_WINDOW, desc->actions ? desc->actions->name : "none");
	return true;
}

/*
 * Every 100 ms while a line is disabled as spurious: its handlers run once,
 * with interrupts off, as Linux's poll does, so that a device sharing a
 * broken line still limps along.
 */
static void spurious_poll(struct timer_list *t)
{
	bool again = false;

	(void)t;
	for (unsigned int i = 0; i < ULDD_NR_IRQS; i++) {
		struct irq_desc *desc = &irq_descs[i];
		unsigned long flags;
		bool polled, run;

		if (!READ_ONCE(desc->attached))
			continue;
		raw_spin_lock_irqsave(&desc->lock, flags);
		polled = desc->attached && desc->spurious_disabled && desc->actions;
		run = polled && !desc->inprogress;
		if (run)
			desc->inprogress = 1;
		again |= polled;
		raw_spin_unlock(&desc->lock);
		if (run) {
			irq_run_actions(desc);
			raw_spin_lock(&desc->lock);
			desc->inprogress = 0;
			raw_spin_unlock(&desc->lock);
			wake_up_all(&desc->sync_wq);
		}
		local_irq_restore(flags);
	}
	if (again)
		mod_timer(&spurious_timer, jiffies + SPURIOUS_POLL);
}

/* With desc->lock: may the hard handlers run now? */
static bool irq_may_run(struct irq_desc *desc)
{
	return desc->actions && !desc->depth && !desc->oneshot_active && !desc->inprogress;
}

static void irq_wake_thread(struct irq_desc *desc, struct irqaction *action)
{
	unsigned long flags;
	bool wake = false;

	raw_spin_lock_irqsave(&desc->lock, flags);
	if (!action->run && !action->stop) {
		WRITE_ONCE(action->run, 1);
		desc->threads_active++;
		if (action->flags & IRQF_ONESHOT)
			desc->oneshot_active++;
		wake = true;
	}
	raw_spin_unlock_irqrestore(&desc->lock, flags);
	if (wake)
		wake_up(&action->wq);
}

/* Every action's hard handler, in hard interrupt context. */
static irqreturn_t irq_run_actions(struct irq_desc *desc)
{
	irqreturn_t ret = IRQ_NONE;
	struct irqaction *a;

	for (a = __atomic_load_n(&desc->actions, __ATOMIC_ACQUIRE); a;
	     a = __atomic_load_n(&a->next, __ATOMIC_ACQUIRE)) {
		unsigned int held = uldd_lockdep_cb_enter();
		irqreturn_t r = a->handler((int)desc->irq, a->dev_id);

		uldd_lockdep_cb_exit(held, "interrupt handler", a->handler);

		if (r & IRQ_WAKE_THREAD) {
			if (a->thread_fn)
				irq_wake_thread(desc, a);
			else
				pr_err("irq %u: %s returned IRQ_WAKE_THREAD without a thread\n",
				       desc->irq, a->name);
			r = IRQ_HANDLED;
		}
		ret |= r;
	}
	return ret;
}

/*
 * Takes one interrupt of desc on the current task, as a CPU would: the hard
 * handlers run with HARDIRQ_OFFSET and interrupts disabled. If the line is
 * disabled, has no action, or another CPU handles it, the interrupt stays
 * pending (that CPU runs the handlers again). only_pending: deliver only a
 * pending interrupt. Returns true when the caller must unmask INTx.
 */
static bool irq_deliver(struct irq_desc *desc, bool only_pending)
{
	unsigned long flags;
	irqreturn_t ret;
	bool unmask = false, poll = false;

	preempt_count_add(HARDIRQ_OFFSET);
	raw_spin_lock_irqsave(&desc->lock, flags);
	if (only_pending && !desc->pending)
		goto out;
	if (!irq_may_run(desc)) {
		desc->pending = true;
		if (desc->type == UHOST_IRQ_INTX && !desc->inprogress)
			desc->masked = true;
		goto out;
	}
	desc->inprogress = 1;
	do {
		desc->pending = false;
		raw_spin_unlock(&desc->lock);
		ret = irq_run_actions(desc);
		raw_spin_lock(&desc->lock);
		if (note_interrupt(desc, ret))
			poll = true;
	} while (desc->pending && !desc->depth && !desc->oneshot_active && desc->actions);
	desc->inprogress = 0;
	if (desc->type == UHOST_IRQ_INTX) {
		if (!desc->depth && !desc->oneshot_active)
			unmask = true;
		else
			desc->masked = true;
		/* This run answered the level: nothing is pending beside the mask. */
		desc->pending = false;
	}
	raw_spin_unlock_irqrestore(&desc->lock, flags);
	wake_up_all(&desc->sync_wq);
	if (poll)
		mod_timer(&spurious_timer, jiffies + SPURIOUS_POLL);
	preempt_count_sub(HARDIRQ_OFFSET);
	return unmask;
out:
	raw_spin_unlock_irqrestore(&desc->lock, flags);
	preempt_count_sub(HARDIRQ_OFFSET);
	return false;
}

/*
 * Each interrupt thread asks the host for a strong weight (kernel/thread.c
 * says why); where it may not have one, the log says so once.
 */
static void irq_thread_boost(const char *name)
{
	static int warned;
	int err = uhost_thread_boost();

	if (err && !xchg(&warned, 1)) {
		uldd_enter(name);
		pr_info("interrupt threads run at the default weight (nice %d refused: %s): a preempted handler may lose time\n",
			UHOST_IRQ_NICE,
			err == EACCES || err == EPERM ? "no CAP_SYS_NICE" : "error");
		uldd_exit();
	}
}

/* The vector's thread: waits outside the kernel, handles on a vCPU. */
static void irq_vector_thread(void *arg)
{
	struct irq_desc *desc = arg;
	uhost_u64 count;
	bool unmask;
	int err;

	irq_thread_boost(desc->thread_name);
	for (;;) {
		err = uldd_door_irq_wait(desc->dev, desc->vec, 0, &count);
		if (err == ECANCELED)
			break;
		if (err == EINTR || err == ETIMEDOUT)
			continue;
		if (err) {
			uldd_enter(desc->thread_name);
			pr_err("irq %u: waiting for vector %u failed: %s\n", desc->irq, desc->vec,
			       uhost_errmsg());
			uldd_exit();
			break;
		}
		uldd_enter(desc->thread_name);
		unmask = irq_deliver(desc, false);
		if (unmask)
			uhost_irq_unmask(desc->dev, desc->vec);
		/* The NAPI poll the handler scheduled runs here, now. */
		uldd_softirq_irq_exit();
		uldd_exit();
	}
	uldd_enter(desc->thread_name);
	complete(&desc->thread_exited);
	uldd_exit();
}

/* A threaded handler finished: let the ONESHOT line go. Process context. */
static void irq_thread_done(struct irq_desc *desc, struct irqaction *action)
{
	bool unmask = false, deliver = false;
	unsigned long flags;

	raw_spin_lock_irqsave(&desc->lock, flags);
	desc->threads_active--;
	if ((action->flags & IRQF_ONESHOT) && !--desc->oneshot_active && !desc->depth) {
		if (desc->masked && !desc->inprogress) {
			desc->masked = false;
			unmask = true;
		}
		deliver = desc->pending && desc->type != UHOST_IRQ_INTX;
	}
	raw_spin_unlock_irqrestore(&desc->lock, flags);
	wake_up_all(&desc->sync_wq);
	if (unmask)
		uhost_irq_unmask(desc->dev, desc->vec);
	if (deliver) {
		irq_deliver(desc, true);
		uldd_softirq_kick();
	}
}

static void irq_action_thread(void *arg)
{
	struct irqaction *action = arg;
	struct irq_desc *desc = action->desc;
	unsigned long flags;
	unsigned int held;

	irq_thread_boost(action->thread_name);
	uldd_enter(action->thread_name);
	for (;;) {
		wait_event(action->wq, READ_ONCE(action->run) || READ_ONCE(action->stop));
		raw_spin_lock_irqsave(&desc->lock, flags);
		if (!action->run) {
			raw_spin_unlock_irqrestore(&desc->lock, flags);
			break;
		}
		WRITE_ONCE(action->run, 0);
		raw_spin_unlock_irqrestore(&desc->lock, flags);
		held = uldd_lockdep_cb_enter();
		action->thread_fn((int)action->irq, action->dev_id);
		uldd_lockdep_cb_exit(held, "threaded interrupt handler", action->thread_fn);
		irq_thread_done(desc, action);
	}
	complete(&action->thread_exited);
	uldd_exit();
}

/* The primary handler of a request with handler NULL. */
static irqreturn_t irq_default_primary_handler(int irq, void *dev_id)
{
	(void)irq;
	(void)dev_id;
	return IRQ_WAKE_THREAD;
}

/* With irq_mutex: are dev's vectors routed (some vector has a thread)? */
static bool irq_dev_requested(struct uhost_dev *dev)
{
	for (unsigned int i = 0; i < ULDD_NR_IRQS; i++)
		if (irq_descs[i].attached && irq_descs[i].dev == dev && irq_descs[i].thread)
			return true;
	return false;
}

/* With irq_mutex: has any vector of dev an action? */
static bool irq_dev_has_actions(struct uhost_dev *dev)
{
	for (unsigned int i = 0; i < ULDD_NR_IRQS; i++)
		if (irq_descs[i].attached && irq_descs[i].dev == dev && irq_descs[i].actions)
			return true;
	return false;
}

/* With irq_mutex: do dev's vectors reach their eventfds? */
static bool irq_dev_routed(struct uhost_dev *dev)
{
	for (unsigned int i = 0; i < ULDD_NR_IRQS; i++)
		if (irq_descs[i].attached && irq_descs[i].dev == dev && irq_descs[i].routed)
			return true;
	return false;
}

static void irq_dev_set_routed(struct uhost_dev *dev, bool routed)
{
	for (unsigned int i = 0; i < ULDD_NR_IRQS; i++)
		if (irq_descs[i].attached && irq_descs[i].dev == dev)
			irq_descs[i].routed = routed;
}

/* Routes every attached vector of dev to its eventfd. With irq_mutex. */
static int irq_dev_enable(struct irq_desc *desc)
{
	unsigned int nvec = 0;
	int err;

	for (unsigned int i = 0; i < ULDD_NR_IRQS; i++)
		if (irq_descs[i].attached && irq_descs[i].dev == desc->dev)
			nvec = max(nvec, irq_descs[i].vec + 1);
	err = uhost_irq_enable(desc->dev, desc->type, nvec);
	if (err)
		pr_err("irq %u: %s\n", desc->irq, uhost_errmsg());
	else
		irq_dev_set_routed(desc->dev, true);
	return -err;
}

/* With irq_mutex, and no vector thread of dev left. */
static void irq_dev_unroute(struct uhost_dev *dev)
{
	if (uhost_irq_disable(dev))
		pr_err("irq: %s\n", uhost_errmsg());
	irq_dev_set_routed(dev, false);
}

/*
 * Linux turns MSI and MSI-X on in the device when the vectors are
 * allocated, before any request_irq(), and devices depend on it: QEMU's
 * nvme binds a completion queue to its vector only if MSI-X is on when the
 * queue is created, which nvme does between the two. So the PCI layer
 * routes the vectors as soon as it attached them all.
 */
int uldd_irq_route(unsigned int irq)
{
	struct irq_desc *desc;
	int ret = -EINVAL;

	mutex_lock(&irq_mutex);
	desc = irq_to_desc(irq);
	if (desc)
		ret = irq_dev_routed(desc->dev) ? 0 : irq_dev_enable(desc);
	mutex_unlock(&irq_mutex);
	return ret;
}

/*
 * Stops the threads of every vector of dev (the last action went). With
 * irq_mutex; sleeps until each thread left the kernel, then joins it.
 */
static void irq_dev_disable(struct uhost_dev *dev)
{
	int err = uhost_irq_disable(dev);

	if (err)
		pr_err("irq: %s\n", uhost_errmsg());
	irq_dev_set_routed(dev, false);
	for (unsigned int i = 0; i < ULDD_NR_IRQS; i++) {
		struct irq_desc *d = &irq_descs[i];

		if (!d->attached || d->dev != dev || !d->thread)
			continue;
		wait_for_completion(&d->thread_exited);
		uldd_door_thread_join(d->thread);
		d->thread = NULL;
		d->masked = false;
		d->pending = false;
	}
}

static int irq_start_thread(void (*fn)(void *), void *arg, char *name, unsigned int irq,
			    const char *devname, struct uhost_thread **threadp)
{
	int err;

	snprintf(name, TASK_COMM_LEN, "irq/%u-%s", irq, devname);
	err = uhost_thread_create(fn, arg, name, threadp);
	if (err)
		pr_err("irq %u: %s\n", irq, uhost_errmsg());
	return -err;
}

static void irq_stop_action_thread(struct irq_desc *desc, struct irqaction *action)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&desc->lock, flags);
	WRITE_ONCE(action->stop, 1);
	raw_spin_unlock_irqrestore(&desc->lock, flags);
	wake_up(&action->wq);
	wait_for_completion(&action->thread_exited);
	uldd_door_thread_join(action->thread);
}

int request_threaded_irq(unsigned int irq, irq_handler_t handler, irq_handler_t thread_fn,
			 unsigned long flags, const char *name, void *dev)
{
	struct irq_desc *desc = irq_to_desc(irq);
	struct irqaction *action, **tail;
	bool unmask = false, routed_here = false;
	unsigned long lflags;
	int ret;

	might_sleep();
	if (!desc || (!handler && !thread_fn) || ((flags & IRQF_SHARED) && !dev))
		return -EINVAL;
	if (!handler) {
		if (!(flags & IRQF_ONESHOT)) {
			pr_err("irq %u: threaded irq requested with handler NULL and without IRQF_ONESHOT\n",
			       irq);
			return -EINVAL;
		}
		handler = irq_default_primary_handler;
	}
	action = uldd_private_alloc(sizeof(*action), GFP_KERNEL | __GFP_ZERO);
	if (!action)
		return -ENOMEM;
	action->handler = handler;
	action->thread_fn = thread_fn;
	action->flags = flags;
	action->name = name;
	action->dev_id = dev;
	action->irq = irq;
	action->desc = desc;
	init_waitqueue_head(&action->wq);
	init_completion(&action->thread_exited);

	mutex_lock(&irq_mutex);
	ret = -EINVAL;
	if (!READ_ONCE(desc->attached))
		goto err_unlock;
	if (desc->actions) {
		ret = -EBUSY;
		if (!(desc->actions->flags & flags & IRQF_SHARED) ||
		    ((desc->actions->flags ^ flags) & IRQF_ONESHOT)) {
			pr_err("irq %u: %s cannot share it with %s\n", irq, name,
			       desc->actions->name);
			goto err_unlock;
		}
	}
	if (thread_fn) {
		ret = irq_start_thread(irq_action_thread, action, action->thread_name, irq, name,
				       &action->thread);
		if (ret)
			goto err_unlock;
	}
	if (!desc->thread) {
		if (!irq_dev_routed(desc->dev)) {
			ret = irq_dev_enable(desc);
			if (ret)
				goto err_thread;
			routed_here = true;
		}
		init_completion(&desc->thread_exited);
		ret = irq_start_thread(irq_vector_thread, desc, desc->thread_name, irq, name,
				       &desc->thread);
		if (ret) {
			if (routed_here && !irq_dev_requested(desc->dev))
				irq_dev_unroute(desc->dev);
			goto err_thread;
		}
	}

	raw_spin_lock_irqsave(&desc->lock, lflags);
	if (!desc->actions) {
		/* A new handler starts the detector afresh, as in Linux. */
		desc->depth = (flags & IRQF_NO_AUTOEN) ? 1 : 0;
		desc->spurious_disabled = false;
		desc->irq_count = 0;
		desc->irqs_unhandled = 0;
		desc->pending = false;
		if (desc->masked && !desc->depth) {
			desc->masked = false;
			unmask = true;
		}
	} else if (desc->spurious_disabled) {
		/* A new sharer may be the handler the line lacked: try again. */
		desc->spurious_disabled = false;
		if (!--desc->depth && desc->masked && !desc->inprogress) {
			desc->masked = false;
			unmask = true;
		}
	}
	for (tail = &desc->actions; *tail; tail = &(*tail)->next)
		;
	__atomic_store_n(tail, action, __ATOMIC_RELEASE);
	raw_spin_unlock_irqrestore(&desc->lock, lflags);
	mutex_unlock(&irq_mutex);
	if (unmask)
		uhost_irq_unmask(desc->dev, desc->vec);
	uldd_leaks_res_add(ULDD_RES_IRQ, action, irq,
			   handler == irq_default_primary_handler ? (void *)thread_fn
								  : (void *)handler);
	return 0;

err_thread:
	if (thread_fn)
		irq_stop_action_thread(desc, action);
err_unlock:
	mutex_unlock(&irq_mutex);
	uldd_private_free(action);
	return ret;
}

const void *free_irq(unsigned int irq, void *dev_id)
{
	struct irq_desc *desc = irq_to_desc(irq);
	struct irqaction *action, **prev;
	const char *name;
	unsigned long flags;
	bool last;

	might_sleep();
	if (!desc) {
		pr_err("Trying to free IRQ %u, which does not exist\n", irq);
		return NULL;
	}
	mutex_lock(&irq_mutex);
	raw_spin_lock_irqsave(&desc->lock, flags);
	for (prev = &desc->actions; (action = *prev); prev = &action->next)
		if (action->dev_id == dev_id)
			break;
	if (!action) {
		raw_spin_unlock_irqrestore(&desc->lock, flags);
		mutex_unlock(&irq_mutex);
		pr_err("Trying to free already-free IRQ %u\n", irq);
		return NULL;
	}
	/* Readers that hold action go on to action->next, which stays valid. */
	__atomic_store_n(prev, action->next, __ATOMIC_RELEASE);
	last = !desc->actions;
	raw_spin_unlock_irqrestore(&desc->lock, flags);

	synchronize_irq(irq);
	if (action->thread)
		irq_stop_action_thread(desc, action);
	if (last && !irq_dev_has_actions(desc->dev))
		irq_dev_disable(desc->dev);
	mutex_unlock(&irq_mutex);
	name = action->name;
	uldd_leaks_res_del(ULDD_RES_IRQ, action);
	uldd_private_free(action);
	return name;
}

static bool irq_idle(struct irq_desc *desc)
{
	unsigned long flags;
	bool idle;

	raw_spin_lock_irqsave(&desc->lock, flags);
	idle = !desc->inprogress && !desc->threads_active;
	raw_spin_unlock_irqrestore(&desc->lock, flags);
	return idle;
}

void synchronize_irq(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);

	if (desc)
		wait_event(desc->sync_wq, irq_idle(desc));
}

void disable_irq_nosync(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);
	unsigned long flags;

	if (!desc)
		return;
	raw_spin_lock_irqsave(&desc->lock, flags);
	desc->depth++;
	raw_spin_unlock_irqrestore(&desc->lock, flags);
}

void disable_irq(unsigned int irq)
{
	disable_irq_nosync(irq);
	synchronize_irq(irq);
}

void enable_irq(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);
	bool unmask = false, deliver = false;
	unsigned long flags;

	if (!desc)
		return;
	raw_spin_lock_irqsave(&desc->lock, flags);
	if (!desc->depth) {
		raw_spin_unlock_irqrestore(&desc->lock, flags);
		pr_warn("Unbalanced enable for IRQ %u\n", irq);
		return;
	}
	if (!--desc->depth)
		desc->spurious_disabled = false;
	if (!desc->depth && !desc->oneshot_active && desc->actions) {
		if (desc->masked && !desc->inprogress) {
			desc->masked = false;
			unmask = true;
		}
		deliver = desc->pending && desc->type != UHOST_IRQ_INTX;
		if (deliver && irqs_disabled_flags(flags)) {
			deliver = false;
			if (!desc->warned_resend) {
				desc->warned_resend = true;
				pr_warn("irq %u: enabled with interrupts disabled; its pending interrupt waits for the next one\n",
					irq);
			}
		}
	}
	raw_spin_unlock_irqrestore(&desc->lock, flags);
	if (unmask)
		uhost_irq_unmask(desc->dev, desc->vec);
	if (deliver) {
		irq_deliver(desc, true);
		uldd_softirq_kick();
	}
}
