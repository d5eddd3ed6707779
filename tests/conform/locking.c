// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * locking.c - locks and the context they put their holder in
 * (Documentation/locking/, include/linux/preempt.h): a spinlock excludes
 * other CPUs and disables preemption (counted in preempt_count()); the
 * _irqsave form also masks interrupts on this CPU, so a hard interrupt
 * handler taking the same lock never overlaps the section, and none runs
 * on this CPU meanwhile; the _bh forms and local_bh_disable() count in the
 * softirq bits: in_softirq() and in_interrupt(), not in_serving_softirq(),
 * and still in_task(); a mutex is held across sleeps, not atomic, and
 * excludes; an rw_semaphore lets readers share and a writer exclude until
 * it downgrades, and a waiting writer keeps trylocking readers out; a
 * semaphore admits as many holders as its count, up() may come from
 * interrupt context and gives the unit to the first waiter; each sleeping
 * lock sleeps in the state its form names. Not read_lock()/write_lock():
 * nothing in them is checkable without spinning on one CPU for another.
 */
#include <linux/atomic.h>
#include <linux/bottom_half.h>
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/hrtimer.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/preempt.h>
#include <linux/rwsem.h>
#include <linux/sched.h>
#include <linux/semaphore.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/timer.h>

#include "conform.h"

#define NWORKERS 3

static struct task_struct *workers[NWORKERS];
static atomic_t inside, max_inside, violations, finished;
static long counter;

static void reset(void)
{
	atomic_set(&inside, 0);
	atomic_set(&max_inside, 0);
	atomic_set(&violations, 0);
	atomic_set(&finished, 0);
	counter = 0;
}

/* A plain read-modify-write: only mutual exclusion keeps the count exact. */
static void bump(void)
{
	long v = READ_ONCE(counter);

	barrier();
	WRITE_ONCE(counter, v + 1);
}

static void enter(void)
{
	int now = atomic_inc_return(&inside), max;

	while (now > (max = atomic_read(&max_inside)) &&
	       atomic_cmpxchg(&max_inside, max, now) != max)
		;
}

static void leave(void)
{
	atomic_dec(&inside);
}

static int start_workers(int (*fn)(void *), const char *what)
{
	for (int i = 0; i < NWORKERS; i++) {
		workers[i] = kthread_run(fn, NULL, "conform-%s%d", what, i);
		if (IS_ERR(workers[i]))
			return __LINE__;
	}
	return 0;
}

static void stop_workers(void)
{
	for (int i = 0; i < NWORKERS; i++) {
		if (!IS_ERR_OR_NULL(workers[i]))
			kthread_stop(workers[i]);
		workers[i] = NULL;
	}
}

/* Runs fn on NWORKERS kthreads until each has finished; 0 or a line. */
static int run_workers(int (*fn)(void *), const char *what)
{
	int ret = start_workers(fn, what);

	if (!ret && !conform_wait_until(atomic_read(&finished) == NWORKERS))
		ret = __LINE__;
	stop_workers();
	return ret;
}

static DEFINE_SPINLOCK(lock);

#define SPIN_ITERS 20000

static int spin_worker_fn(void *data)
{
	for (int i = 0; i < SPIN_ITERS; i++) {
		spin_lock(&lock);
		enter();
		if (!in_atomic())
			atomic_inc(&violations);
		bump();
		leave();
		spin_unlock(&lock);
		if (i % 512 == 0)
			cond_resched();
	}
	atomic_inc(&finished);
	conform_idle_until_stopped();
	return 0;
}

static int spinlock_excludes(struct conform_dev *dev)
{
	reset();
	CHECK_RUN(run_workers(spin_worker_fn, "spin"));
	CHECK_CMP(counter, ==, NWORKERS * SPIN_ITERS);
	CHECK_CMP(atomic_read(&max_inside), ==, 1);
	CHECK_CMP(atomic_read(&violations), ==, 0);
	return 0;
}

/*
 * The context as seen at each step, kept for checking once everything is
 * undone: a failed check must not leave this task holding a lock or with
 * interrupts or bottom halves off.
 */
struct step {
	int line;
	int preempt, softirq;
	bool atomic, task, interrupt, in_softirq, serving, hardirq, irqs_off, locked;
};

#define NSTEPS 16
static struct step steps[NSTEPS];
static int nsteps;

#define NOTE()                                                             \
	do {                                                               \
		if (nsteps < NSTEPS)                                       \
			steps[nsteps++] = (struct step){                   \
				.line = __LINE__,                          \
				.preempt = preempt_count() & PREEMPT_MASK, \
				.softirq = softirq_count(),                \
				.atomic = in_atomic(),                     \
				.task = in_task(),                         \
				.interrupt = in_interrupt(),               \
				.in_softirq = in_softirq(),                \
				.serving = in_serving_softirq(),           \
				.hardirq = in_hardirq(),                   \
				.irqs_off = irqs_disabled(),               \
				.locked = spin_is_locked(&lock),           \
			};                                                 \
	} while (0)

/* A check of what was noted at a step, reported at the step's line. */
#define CHECK_STEP(s, cond)                             \
	do {                                            \
		if (!(cond)) {                          \
			conform_fail((s)->line, #cond); \
			return (s)->line;               \
		}                                       \
	} while (0)

/* Step i as expected: preemption depth, softirq count, irqs off, locked. */
static int expect(int i, int preempt, int softirq, bool irqs_off, bool locked)
{
	const struct step *s = &steps[i];

	CHECK_CMP(i, <, nsteps);
	CHECK_STEP(s, s->preempt == preempt);
	CHECK_STEP(s, s->softirq == softirq);
	CHECK_STEP(s, s->irqs_off == irqs_off);
	CHECK_STEP(s, s->locked == locked);
	/* The tests built on the counts, as include/linux/preempt.h has them. */
	CHECK_STEP(s, s->atomic == (preempt || softirq));
	CHECK_STEP(s, s->in_softirq == !!softirq);
	CHECK_STEP(s, s->interrupt == !!softirq);
	CHECK_STEP(s, !s->serving);
	CHECK_STEP(s, !s->hardirq);
	CHECK_STEP(s, s->task);
	return 0;
}

static int spinlock_state(struct conform_dev *dev)
{
	unsigned long f1, f2, f3 = 0, f4 = 1;
	bool took, retook, f1_off, f2_off;

	nsteps = 0;
	spin_lock_init(&lock);
	NOTE(); /* 0: a case runs in process context */
	took = spin_trylock(&lock);
	NOTE(); /* 1 */
	retook = spin_trylock(&lock);
	NOTE(); /* 2: a failed trylock takes nothing */
	if (took)
		spin_unlock(&lock);
	if (retook)
		spin_unlock(&lock);
	NOTE(); /* 3 */
	spin_lock_irqsave(&lock, f1);
	NOTE(); /* 4 */
	local_irq_save(f2);
	local_irq_restore(f2);
	NOTE(); /* 5: still off, as when saved */
	spin_unlock_irqrestore(&lock, f1);
	NOTE(); /* 6 */
	spin_lock_irq(&lock);
	NOTE(); /* 7 */
	spin_unlock_irq(&lock);
	NOTE(); /* 8 */
	preempt_disable();
	NOTE(); /* 9 */
	preempt_enable();
	local_irq_disable();
	local_save_flags(f3);
	local_irq_enable();
	local_save_flags(f4);
	f1_off = irqs_disabled_flags(f1);
	f2_off = irqs_disabled_flags(f2);
	CHECK(took);
	CHECK(!retook);
	CHECK_RUN(expect(0, 0, 0, false, false));
	CHECK_RUN(expect(1, 1, 0, false, true));
	CHECK_RUN(expect(2, 1, 0, false, true));
	CHECK_RUN(expect(3, 0, 0, false, false));
	CHECK_RUN(expect(4, 1, 0, true, true));
	CHECK_RUN(expect(5, 1, 0, true, true));
	CHECK_RUN(expect(6, 0, 0, false, false));
	CHECK_RUN(expect(7, 1, 0, true, true));
	CHECK_RUN(expect(8, 0, 0, false, false));
	CHECK_RUN(expect(9, 1, 0, false, false));
	CHECK(!f1_off);
	CHECK(f2_off);
	CHECK(irqs_disabled_flags(f3));
	CHECK(!irqs_disabled_flags(f4));
	return 0;
}

/* Bottom halves off: in_softirq() and in_interrupt(), yet still in_task(). */
static int bh_state(struct conform_dev *dev)
{
	nsteps = 0;
	spin_lock_init(&lock);
	local_bh_disable();
	NOTE(); /* 0 */
	local_bh_disable(); /* nests */
	NOTE(); /* 1 */
	local_bh_enable();
	NOTE(); /* 2 */
	local_bh_enable();
	NOTE(); /* 3 */
	spin_lock_bh(&lock);
	NOTE(); /* 4 */
	spin_unlock_bh(&lock);
	NOTE(); /* 5 */
	CHECK_RUN(expect(0, 0, SOFTIRQ_DISABLE_OFFSET, false, false));
	CHECK_RUN(expect(1, 0, 2 * SOFTIRQ_DISABLE_OFFSET, false, false));
	CHECK_RUN(expect(2, 0, SOFTIRQ_DISABLE_OFFSET, false, false));
	CHECK_RUN(expect(3, 0, 0, false, false));
	CHECK_RUN(expect(4, 1, SOFTIRQ_DISABLE_OFFSET, false, true));
	CHECK_RUN(expect(5, 0, 0, false, false));
	return 0;
}

/*
 * A hard interrupt handler (an hrtimer's) taking the lock this CPU holds
 * with interrupts off: it never runs inside the section, and never on
 * this CPU while the section has interrupts off.
 */
static struct hrtimer irq_timer;
static int section_cpu = -1;
static bool in_section, irq_ran, irq_saw_section, irq_on_section_cpu;

static enum hrtimer_restart lock_irq_fn(struct hrtimer *t)
{
	if (READ_ONCE(section_cpu) == smp_processor_id())
		irq_on_section_cpu = true;
	spin_lock(&lock);
	if (READ_ONCE(in_section))
		irq_saw_section = true;
	spin_unlock(&lock);
	WRITE_ONCE(irq_ran, true);
	return HRTIMER_NORESTART;
}

static int irqsave_keeps_hard_irq_out(struct conform_dev *dev)
{
	unsigned long flags;

	WRITE_ONCE(irq_ran, false);
	irq_saw_section = irq_on_section_cpu = false;
	hrtimer_init(&irq_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	irq_timer.function = lock_irq_fn;
	for (int round = 0; round < 5; round++) {
		WRITE_ONCE(irq_ran, false);
		spin_lock_irqsave(&lock, flags);
		WRITE_ONCE(section_cpu, smp_processor_id());
		WRITE_ONCE(in_section, true);
		hrtimer_start(&irq_timer, ns_to_ktime(200 * NSEC_PER_USEC), HRTIMER_MODE_REL);
		mdelay(3); /* the handler is due meanwhile */
		WRITE_ONCE(in_section, false);
		WRITE_ONCE(section_cpu, -1);
		spin_unlock_irqrestore(&lock, flags);
		if (!conform_wait_until(READ_ONCE(irq_ran)))
			break;
	}
	hrtimer_cancel(&irq_timer);
	CHECK(READ_ONCE(irq_ran));
	CHECK(!irq_saw_section);
	CHECK(!irq_on_section_cpu);
	return 0;
}

static DEFINE_MUTEX(mtx);

static int mutex_basics(struct conform_dev *dev)
{
	mutex_init(&mtx);
	CHECK(!mutex_is_locked(&mtx));
	CHECK(mutex_trylock(&mtx));
	CHECK(mutex_is_locked(&mtx));
	CHECK(!mutex_trylock(&mtx));
	CHECK(!in_atomic()); /* a mutex holder may sleep */
	msleep(1);
	CHECK(mutex_is_locked(&mtx));
	mutex_unlock(&mtx);
	CHECK(!mutex_is_locked(&mtx));
	CHECK_CMP(mutex_lock_interruptible(&mtx), ==, 0);
	mutex_unlock(&mtx);
	CHECK_CMP(mutex_lock_killable(&mtx), ==, 0);
	mutex_unlock(&mtx);
	mutex_lock(&mtx);
	mutex_unlock(&mtx);
	CHECK(!mutex_is_locked(&mtx));
	return 0;
}

#define MUTEX_ITERS 30

static int mutex_worker_fn(void *data)
{
	for (int i = 0; i < MUTEX_ITERS; i++) {
		mutex_lock(&mtx);
		enter();
		bump();
		if (i % 5 == 0)
			msleep(1); /* others queue on it meanwhile */
		leave();
		mutex_unlock(&mtx);
	}
	atomic_inc(&finished);
	conform_idle_until_stopped();
	return 0;
}

static int mutex_excludes_across_sleep(struct conform_dev *dev)
{
	reset();
	mutex_init(&mtx);
	CHECK_RUN(run_workers(mutex_worker_fn, "mutex"));
	CHECK_CMP(counter, ==, NWORKERS * MUTEX_ITERS);
	CHECK_CMP(atomic_read(&max_inside), ==, 1);
	CHECK(!mutex_is_locked(&mtx));
	return 0;
}

static DECLARE_RWSEM(rwsem);
static bool other_in, other_done;
static int other_trylock;

static int rwsem_trylocks(struct conform_dev *dev)
{
	init_rwsem(&rwsem);
	CHECK(!rwsem_is_locked(&rwsem));
	down_write(&rwsem);
	CHECK(rwsem_is_locked(&rwsem));
	CHECK(!down_read_trylock(&rwsem));
	CHECK(!down_write_trylock(&rwsem));
	downgrade_write(&rwsem); /* now a reader, with nobody let in between */
	CHECK(rwsem_is_locked(&rwsem));
	CHECK(!down_write_trylock(&rwsem));
	CHECK(down_read_trylock(&rwsem));
	up_read(&rwsem);
	up_read(&rwsem);
	CHECK(!rwsem_is_locked(&rwsem));
	down_read(&rwsem);
	CHECK(down_read_trylock(&rwsem)); /* readers share */
	CHECK(!down_write_trylock(&rwsem));
	up_read(&rwsem);
	up_read(&rwsem);
	CHECK(down_write_trylock(&rwsem));
	up_write(&rwsem);
	CHECK_CMP(down_read_killable(&rwsem), ==, 0);
	up_read(&rwsem);
	CHECK_CMP(down_write_killable(&rwsem), ==, 0);
	up_write(&rwsem);
	CHECK(!rwsem_is_locked(&rwsem));
	return 0;
}

static int reader_fn(void *data)
{
	int got = down_read_trylock(&rwsem);

	WRITE_ONCE(other_trylock, got);
	if (got)
		up_read(&rwsem);
	down_read(&rwsem);
	WRITE_ONCE(other_in, true);
	up_read(&rwsem);
	WRITE_ONCE(other_done, true);
	conform_idle_until_stopped();
	return 0;
}

/* Another task reads along with a reader, and waits out a writer until it downgrades. */
static int rwsem_readers_share_writer_excludes(struct conform_dev *dev)
{
	struct task_struct *k;
	bool shared, early, along;
	int tried_shared, tried_excluded;

	init_rwsem(&rwsem);
	WRITE_ONCE(other_in, false);
	WRITE_ONCE(other_done, false);
	down_read(&rwsem);
	k = kthread_run(reader_fn, NULL, "conform-rd");
	if (IS_ERR(k))
		up_read(&rwsem);
	CHECK(!IS_ERR(k));
	shared = conform_wait_until(READ_ONCE(other_done));
	tried_shared = READ_ONCE(other_trylock);
	up_read(&rwsem);
	kthread_stop(k);
	CHECK(shared);
	CHECK_CMP(tried_shared, ==, 1);

	WRITE_ONCE(other_in, false);
	WRITE_ONCE(other_done, false);
	WRITE_ONCE(other_trylock, -1);
	down_write(&rwsem);
	k = kthread_run(reader_fn, NULL, "conform-rd");
	if (IS_ERR(k))
		up_write(&rwsem);
	CHECK(!IS_ERR(k));
	conform_wait_until(READ_ONCE(other_trylock) >= 0);
	msleep(20);
	early = READ_ONCE(other_in);
	tried_excluded = READ_ONCE(other_trylock);
	/* Turned into a reader, the writer lets the waiting reader in with it. */
	downgrade_write(&rwsem);
	along = conform_wait_until(READ_ONCE(other_done));
	up_read(&rwsem);
	conform_wait_until(READ_ONCE(other_done));
	kthread_stop(k);
	CHECK_CMP(tried_excluded, ==, 0);
	CHECK(!early);
	CHECK(along);
	return 0;
}

static int writer_fn(void *data)
{
	down_write(&rwsem);
	WRITE_ONCE(other_in, true);
	up_write(&rwsem);
	WRITE_ONCE(other_done, true);
	conform_idle_until_stopped();
	return 7;
}

/* Once a writer waits, new readers are refused; the writer gets in next. */
static int rwsem_waiting_writer_blocks_readers(struct conform_dev *dev)
{
	struct task_struct *k;
	bool contended, early;
	int refused;

	init_rwsem(&rwsem);
	WRITE_ONCE(other_in, false);
	WRITE_ONCE(other_done, false);
	down_read(&rwsem);
	k = kthread_run(writer_fn, NULL, "conform-wr");
	if (IS_ERR(k))
		up_read(&rwsem);
	CHECK(!IS_ERR(k));
	contended = conform_wait_until(rwsem_is_contended(&rwsem));
	refused = !down_read_trylock(&rwsem);
	if (!refused)
		up_read(&rwsem);
	early = READ_ONCE(other_in);
	up_read(&rwsem);
	conform_wait_until(READ_ONCE(other_done));
	CHECK_CMP(kthread_stop(k), ==, 7);
	CHECK(contended);
	CHECK(refused);
	CHECK(!early);
	CHECK(!rwsem_is_locked(&rwsem));
	return 0;
}

static struct semaphore sem;

static int semaphore_counts(struct conform_dev *dev)
{
	unsigned long j0;

	sema_init(&sem, 3);
	for (int i = 0; i < 3; i++)
		CHECK_CMP(down_trylock(&sem), ==, 0);
	CHECK(down_trylock(&sem)); /* none left: non-zero, the opposite of mutex_trylock */
	up(&sem);
	CHECK_CMP(down_trylock(&sem), ==, 0);
	j0 = jiffies;
	CHECK_CMP(down_timeout(&sem, 3), ==, -ETIME);
	CHECK(time_after_eq(jiffies, j0 + 3));
	CHECK_CMP(down_timeout(&sem, 0), ==, -ETIME);
	up(&sem);
	CHECK_CMP(down_timeout(&sem, 10 * HZ), ==, 0);
	up(&sem);
	CHECK_CMP(down_interruptible(&sem), ==, 0);
	up(&sem);
	CHECK_CMP(down_killable(&sem), ==, 0);
	up(&sem);
	down(&sem);
	for (int i = 0; i < 3; i++)
		up(&sem);
	return 0;
}

#define SEM_ITERS 20

static int sem_worker_fn(void *data)
{
	for (int i = 0; i < SEM_ITERS; i++) {
		down(&sem);
		enter();
		usleep_range(50, 100);
		leave();
		up(&sem);
	}
	atomic_inc(&finished);
	conform_idle_until_stopped();
	return 0;
}

/* Holders that sleep: never more of them at once than the count. */
static int semaphore_admits_count(struct conform_dev *dev)
{
	reset();
	sema_init(&sem, 2);
	CHECK_RUN(run_workers(sem_worker_fn, "sem"));
	CHECK_CMP(atomic_read(&max_inside), <=, 2);
	CHECK_CMP(atomic_read(&max_inside), >=, 1);
	return 0;
}

static struct timer_list upper;
static struct hrtimer hard_upper;

static void up_fn(struct timer_list *t)
{
	up(&sem);
}

static enum hrtimer_restart hard_up_fn(struct hrtimer *t)
{
	up(&sem);
	return HRTIMER_NORESTART;
}

/* Released from a timer (softirq), then from an hrtimer (hard irq). */
static int semaphore_up_from_interrupt(struct conform_dev *dev)
{
	int ret;

	sema_init(&sem, 0);
	timer_setup(&upper, up_fn, 0);
	mod_timer(&upper, jiffies + 2);
	ret = down_timeout(&sem, 10 * HZ);
	del_timer_sync(&upper);
	CHECK_CMP(ret, ==, 0);
	hrtimer_init(&hard_upper, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	hard_upper.function = hard_up_fn;
	hrtimer_start(&hard_upper, ns_to_ktime(2 * NSEC_PER_MSEC), HRTIMER_MODE_REL);
	ret = down_timeout(&sem, 10 * HZ);
	hrtimer_cancel(&hard_upper);
	CHECK_CMP(ret, ==, 0);
	CHECK(down_trylock(&sem));
	return 0;
}

/*
 * Up() with tasks waiting gives the unit to the first of them: the count
 * stays 0 ("if it's zero, there may be tasks waiting", kernel/locking/
 * semaphore.c), so a down_trylock() right after fails, and the waiters get
 * their units in the order they came.
 */
#define NSEMWAITERS 3
static struct task_struct *sem_waiters[NSEMWAITERS];
static int sem_order[NSEMWAITERS];
static atomic_t sem_got;

static int sem_waiter_fn(void *data)
{
	down(&sem);
	sem_order[atomic_inc_return(&sem_got) - 1] = (int)(long)data;
	conform_idle_until_stopped();
	return 0;
}

static bool blocked(struct task_struct *k)
{
	return READ_ONCE(k->__state) == TASK_UNINTERRUPTIBLE;
}

static int semaphore_up_hands_off(struct conform_dev *dev)
{
	int stolen = 0, passed = 0, ret = 0;

	sema_init(&sem, 0);
	atomic_set(&sem_got, 0);
	for (int i = 0; i < NSEMWAITERS && !ret; i++) {
		sem_waiters[i] = kthread_run(sem_waiter_fn, (void *)(long)i, "conform-sw%d", i);
		if (IS_ERR(sem_waiters[i]) || !conform_wait_until(blocked(sem_waiters[i])))
			ret = __LINE__;
	}
	for (int n = 1; !ret && n <= NSEMWAITERS; n++) {
		up(&sem);
		if (!down_trylock(&sem)) {
			stolen++;
			up(&sem);
		}
		if (!conform_wait_until(atomic_read(&sem_got) >= n))
			ret = __LINE__;
		passed = atomic_read(&sem_got);
	}
	for (int i = 0; i < NSEMWAITERS; i++)
		up(&sem); /* whoever still waits after a failure */
	for (int i = 0; i < NSEMWAITERS; i++) {
		if (!IS_ERR_OR_NULL(sem_waiters[i]))
			kthread_stop(sem_waiters[i]);
		sem_waiters[i] = NULL;
	}
	if (ret)
		return ret;
	CHECK_CMP(stolen, ==, 0);
	CHECK_CMP(passed, ==, NSEMWAITERS);
	for (int i = 0; i < NSEMWAITERS; i++)
		CHECK_CMP(sem_order[i], ==, i);
	return 0;
}

/* Each sleeping lock sleeps in the state its form names. */
enum lock_form {
	MUTEX,
	MUTEX_INTERRUPTIBLE,
	MUTEX_KILLABLE,
	SEM,
	SEM_INTERRUPTIBLE,
	SEM_KILLABLE,
	SEM_TIMEOUT,
	RWSEM_READ,
	RWSEM_READ_INTERRUPTIBLE,
	RWSEM_READ_KILLABLE,
	RWSEM_WRITE,
	RWSEM_WRITE_KILLABLE,
	NLOCKFORMS
};

static const unsigned int lock_form_state[NLOCKFORMS] = {
	[MUTEX] = TASK_UNINTERRUPTIBLE,
	[MUTEX_INTERRUPTIBLE] = TASK_INTERRUPTIBLE,
	[MUTEX_KILLABLE] = TASK_KILLABLE,
	[SEM] = TASK_UNINTERRUPTIBLE,
	[SEM_INTERRUPTIBLE] = TASK_INTERRUPTIBLE,
	[SEM_KILLABLE] = TASK_KILLABLE,
	[SEM_TIMEOUT] = TASK_UNINTERRUPTIBLE,
	[RWSEM_READ] = TASK_UNINTERRUPTIBLE,
	[RWSEM_READ_INTERRUPTIBLE] = TASK_INTERRUPTIBLE,
	[RWSEM_READ_KILLABLE] = TASK_KILLABLE,
	[RWSEM_WRITE] = TASK_UNINTERRUPTIBLE,
	[RWSEM_WRITE_KILLABLE] = TASK_KILLABLE,
};

static bool form_started;

static int lock_form_fn(void *data)
{
	enum lock_form f = (enum lock_form)(long)data;
	int err = 0;

	WRITE_ONCE(form_started, true);
	switch (f) {
	case MUTEX:
		mutex_lock(&mtx);
		break;
	case MUTEX_INTERRUPTIBLE:
		err = mutex_lock_interruptible(&mtx);
		break;
	case MUTEX_KILLABLE:
		err = mutex_lock_killable(&mtx);
		break;
	case SEM:
		down(&sem);
		break;
	case SEM_INTERRUPTIBLE:
		err = down_interruptible(&sem);
		break;
	case SEM_KILLABLE:
		err = down_killable(&sem);
		break;
	case SEM_TIMEOUT:
		err = down_timeout(&sem, 100 * HZ);
		break;
	case RWSEM_READ:
		down_read(&rwsem);
		break;
	case RWSEM_READ_INTERRUPTIBLE:
		err = down_read_interruptible(&rwsem);
		break;
	case RWSEM_READ_KILLABLE:
		err = down_read_killable(&rwsem);
		break;
	case RWSEM_WRITE:
		down_write(&rwsem);
		break;
	default:
		err = down_write_killable(&rwsem);
		break;
	}
	if (!err) {
		if (f <= MUTEX_KILLABLE)
			mutex_unlock(&mtx);
		else if (f <= SEM_TIMEOUT)
			up(&sem);
		else if (f <= RWSEM_READ_KILLABLE)
			up_read(&rwsem);
		else
			up_write(&rwsem);
	}
	conform_idle_until_stopped();
	return err;
}

static bool form_asleep(struct task_struct *k)
{
	return READ_ONCE(form_started) && READ_ONCE(k->__state) != TASK_RUNNING;
}

static int sleepers_in_their_state(struct conform_dev *dev)
{
	unsigned int state[NLOCKFORMS];
	int err[NLOCKFORMS];

	mutex_init(&mtx);
	sema_init(&sem, 0);
	init_rwsem(&rwsem);
	for (int f = 0; f < NLOCKFORMS; f++) {
		struct task_struct *k;

		if (f <= MUTEX_KILLABLE)
			mutex_lock(&mtx);
		else if (f > SEM_TIMEOUT)
			down_write(&rwsem);
		WRITE_ONCE(form_started, false);
		k = kthread_run(lock_form_fn, (void *)(long)f, "conform-ls%d", f);
		if (!IS_ERR(k))
			conform_wait_until(form_asleep(k));
		state[f] = IS_ERR(k) ? TASK_RUNNING : READ_ONCE(k->__state);
		if (f <= MUTEX_KILLABLE)
			mutex_unlock(&mtx);
		else if (f <= SEM_TIMEOUT)
			up(&sem);
		else
			up_write(&rwsem);
		err[f] = IS_ERR(k) ? (int)PTR_ERR(k) : kthread_stop(k);
		if (f <= SEM_TIMEOUT && f > MUTEX_KILLABLE)
			down(&sem); /* the unit the thread gave back */
	}
	for (int f = 0; f < NLOCKFORMS; f++) {
		CHECK_CMP(err[f], ==, 0);
		CHECK_CMP(state[f], ==, lock_form_state[f]);
	}
	return 0;
}

static const struct conform_case locking_cases[] = {
	{ "spinlock_excludes", spinlock_excludes },
	{ "spinlock_state", spinlock_state },
	{ "bh_state", bh_state },
	{ "irqsave_keeps_hard_irq_out", irqsave_keeps_hard_irq_out },
	{ "mutex_basics", mutex_basics },
	{ "mutex_excludes_across_sleep", mutex_excludes_across_sleep },
	{ "rwsem_trylocks", rwsem_trylocks },
	{ "rwsem_readers_share_writer_excludes", rwsem_readers_share_writer_excludes },
	{ "rwsem_waiting_writer_blocks_readers", rwsem_waiting_writer_blocks_readers },
	{ "semaphore_counts", semaphore_counts },
	{ "semaphore_admits_count", semaphore_admits_count },
	{ "semaphore_up_from_interrupt", semaphore_up_from_interrupt },
	{ "semaphore_up_hands_off", semaphore_up_hands_off },
	{ "sleepers_in_their_state", sleepers_in_their_state },
};
CONFORM_SUITE(locking, locking_cases);
