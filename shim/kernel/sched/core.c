// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * kernel/sched/core.c - tasks on virtual CPUs (the rump-kernel model). A
 * vCPU is a busy flag; a task takes one on entry and gives it back when it
 * sleeps or leaves, so at most nr_cpu_ids tasks run kernel code at once.
 * Hand-offs are lock-free; a task waits for a vCPU, or for its wake-up, on
 * a futex word through the door, so an uncontended path makes no syscall.
 */
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/time64.h> /* NSEC_PER_SEC */
#include <linux/timer.h> /* uldd_jiffies_to_clock_ns() */

#include "../../entry.h"
#include "sched.h"
#include "../../debug/lockdep.h"
#include "../rcu/rcu.h" /* RCU: uldd_vcpu_rcu_snap() */
/*
 * Bare door calls: the futex waits here are how a task waits for a vCPU,
 * and for a wake-up with its vCPU given back already.
 */
#define ULDD_DOOR_BARE
#include "../../core/door.h"

#define TLS_IE __attribute__((tls_model("initial-exec")))

struct uldd_vcpu {
	u32 busy;
	u32 gives; /* RCU (kernel/rcu/): bumped by every vcpu_give, a quiescent state */
	/*
	 * The watchdog's: the holder (NULL while free) and a count its holder
	 * bumps at each take and cond_resched. Plain stores by the holder; the
	 * watchdog thread keeps its own clock for how long they stay still.
	 */
	struct task_struct *task;
	u32 scheds;
} __attribute__((aligned(64)));

/* The watchdog's view of vCPU i at its last look: what it saw and since when. */
struct uldd_wd_seen {
	struct task_struct *task;
	u32 gives, scheds;
	u64 since;
};
static struct uldd_wd_seen uldd_wd_seen[NR_CPUS];

/*
 * Tasks in an uninterruptible sleep, for the hung-task check: a sleeper
 * takes a free slot, and gives it back when it wakes. One beyond the last
 * slot is not watched.
 */
#define ULDD_WD_SLEEPERS 128
static struct task_struct *uldd_wd_sleepers[ULDD_WD_SLEEPERS];

static struct uldd_vcpu uldd_vcpus[NR_CPUS];
unsigned int nr_cpu_ids = 1;
/* Bumped when a vCPU is freed while tasks wait: the futex they sleep on. */
static u32 uldd_vcpu_seq;
static u32 uldd_vcpu_waiters;
static int uldd_next_pid = 1;
static unsigned long uldd_bug_count;

__thread struct task_struct *uldd_current TLS_IE;
__thread int uldd_preempt_count TLS_IE;
__thread int uldd_irqs_off TLS_IE;
__thread int uldd_cpu TLS_IE;
/* The task of this host thread: it lives exactly as long as the thread. */
static __thread struct task_struct uldd_task TLS_IE;

int uldd_sched_init(unsigned int nr_vcpus)
{
	if (nr_vcpus < 1 || nr_vcpus > NR_CPUS)
		return -EINVAL;
	/*
	 * Marked: a program sets it before its first uldd_enter(), but the unit
	 * tests change it between cases while the shim's threads from earlier
	 * cases (softirq, workers) still take vCPUs; vcpu_try_take reads it once.
	 */
	WRITE_ONCE(nr_cpu_ids, nr_vcpus);
	/* The shim's first call: the host layer must speak its door revisions. */
	return uldd_door_init();
}

unsigned int num_online_cpus(void)
{
	return nr_cpu_ids;
}

unsigned long uldd_sched_bugs(void)
{
	return __atomic_load_n(&uldd_bug_count, __ATOMIC_RELAXED);
}

/* Prefers the vCPU this task ran on last, for cache warmth. */
static int vcpu_try_take(int prefer)
{
	unsigned int n = READ_ONCE(nr_cpu_ids);

	for (unsigned int k = 0; k < n; k++) {
		unsigned int i = ((unsigned int)prefer + k) % n;
		u32 free = 0;

		if (!__atomic_load_n(&uldd_vcpus[i].busy, __ATOMIC_RELAXED) &&
		    __atomic_compare_exchange_n(&uldd_vcpus[i].busy, &free, 1, 0, __ATOMIC_ACQUIRE,
						__ATOMIC_RELAXED))
			return (int)i;
	}
	return -1;
}

static void vcpu_take(void)
{
	int prefer = uldd_cpu >= 0 ? uldd_cpu : 0;

	for (;;) {
		u32 seq = __atomic_load_n(&uldd_vcpu_seq, __ATOMIC_ACQUIRE);
		int i = vcpu_try_take(prefer);

		if (i < 0) {
			/*
			 * Announce the wait, then look again: a vCPU freed
			 * after that look sees us waiting and bumps the seq.
			 */
			__atomic_fetch_add(&uldd_vcpu_waiters, 1, __ATOMIC_SEQ_CST);
			i = vcpu_try_take(prefer);
			if (i < 0)
				uhost_futex_wait(&uldd_vcpu_seq, seq, 0);
			__atomic_fetch_sub(&uldd_vcpu_waiters, 1, __ATOMIC_SEQ_CST);
		}
		if (i >= 0) {
			uldd_cpu = i;
			WRITE_ONCE(uldd_vcpus[i].task, uldd_current);
			WRITE_ONCE(uldd_vcpus[i].scheds, uldd_vcpus[i].scheds + 1);
			return;
		}
	}
}

static void vcpu_give(void)
{
	/* RCU (kernel/rcu/): only the holder writes it; its accesses come first. */
	WRITE_ONCE(uldd_vcpus[uldd_cpu].task, NULL);
	__atomic_store_n(&uldd_vcpus[uldd_cpu].gives, uldd_vcpus[uldd_cpu].gives + 1,
			 __ATOMIC_RELEASE);
	__atomic_store_n(&uldd_vcpus[uldd_cpu].busy, 0, __ATOMIC_RELEASE);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	if (__atomic_load_n(&uldd_vcpu_waiters, __ATOMIC_RELAXED)) {
		__atomic_fetch_add(&uldd_vcpu_seq, 1, __ATOMIC_RELEASE);
		uhost_futex_wake(&uldd_vcpu_seq, 1);
	}
}

/* RCU (kernel/rcu/rcu.h): vCPU i's give count times two, plus 1 if it is busy. */
u64 uldd_vcpu_rcu_snap(unsigned int i)
{
	u64 gives = __atomic_load_n(&uldd_vcpus[i].gives, __ATOMIC_ACQUIRE);

	return gives << 1 | __atomic_load_n(&uldd_vcpus[i].busy, __ATOMIC_ACQUIRE);
}

void uldd_enter(const char *name)
{
	struct task_struct *t = uldd_current;

	if (!t) {
		t = &uldd_task;
		memset(t, 0, sizeof(*t));
		t->pid = __atomic_fetch_add(&uldd_next_pid, 1, __ATOMIC_RELAXED);
		t->uldd_usage = 1;
		strscpy(t->comm, name ? name : "host", sizeof(t->comm));
		t->uldd_host_thread = uhost_thread_self();
		uldd_cpu = -1;
		uldd_current = t;
	}
	if (t->uldd_enter_depth++ == 0)
		vcpu_take();
}

void uldd_exit(void)
{
	struct task_struct *t = uldd_current;

	if (!t || t->uldd_enter_depth <= 0) {
		pr_err("BUG: uldd_exit() without uldd_enter()\n");
		return;
	}
	if (--t->uldd_enter_depth)
		return;
	if (preempt_count() || irqs_disabled()) {
		pr_err("BUG: %s/%d leaves the kernel with preempt_count %#x%s\n", t->comm, t->pid,
		       preempt_count(), irqs_disabled() ? ", interrupts disabled" : "");
		__atomic_fetch_add(&uldd_bug_count, 1, __ATOMIC_RELAXED);
		uldd_preempt_count = 0;
		uldd_irqs_off = 0;
	}
	vcpu_give();
}

static void sleep_check(const char *what, const char *file, int line)
{
	struct task_struct *t = current;

	if (likely(!preempt_count() && !irqs_disabled()))
		return;
	pr_err("BUG: %s while atomic: %s/%d, preempt_count %#x%s%s%s:%d\n", what, t->comm, t->pid,
	       preempt_count(), irqs_disabled() ? ", interrupts disabled" : "", file ? " at " : "",
	       file ? file : "", file ? line : 0);
	__atomic_fetch_add(&uldd_bug_count, 1, __ATOMIC_RELAXED);
}

void __might_sleep(const char *file, int line)
{
	sleep_check("sleeping function called", file, line);
}

/*
 * Sleeps until a wake-up makes the task TASK_RUNNING or the deadline (0:
 * none) passes. The wake sequence is read before the state, and a waker
 * changes the state before it bumps the sequence, so no wake-up is lost.
 */
static int sleeper_add(struct task_struct *t)
{
	unsigned int state = READ_ONCE(t->__state);

	/* TASK_IDLE does not count, as it adds no load in Linux. */
	if (!(state & TASK_UNINTERRUPTIBLE) || (state & TASK_NOLOAD))
		return -1;
	t->uldd_blocked_since = uhost_clock_coarse_ns();
	for (int i = 0; i < ULDD_WD_SLEEPERS; i++) {
		struct task_struct *none = NULL;

		if (!__atomic_load_n(&uldd_wd_sleepers[i], __ATOMIC_RELAXED) &&
		    __atomic_compare_exchange_n(&uldd_wd_sleepers[i], &none, t, 0, __ATOMIC_RELEASE,
						__ATOMIC_RELAXED))
			return i;
	}
	return -1;
}

static void sleep_until(struct task_struct *t, u64 deadline_ns)
{
	int slot;

	uldd_lockdep_sleep("scheduling");
	slot = sleeper_add(t);
	vcpu_give();
	for (;;) {
		u32 seq = __atomic_load_n(&t->uldd_wake_seq, __ATOMIC_ACQUIRE);

		if (__atomic_load_n(&t->__state, __ATOMIC_SEQ_CST) == TASK_RUNNING)
			break;
		if (uhost_futex_wait(&t->uldd_wake_seq, seq, deadline_ns) == ETIMEDOUT)
			break;
	}
	__set_current_state(TASK_RUNNING);
	if (slot >= 0)
		__atomic_store_n(&uldd_wd_sleepers[slot], NULL, __ATOMIC_RELEASE);
	vcpu_take();
}

void schedule(void)
{
	struct task_struct *t = current;

	sleep_check("scheduling", NULL, 0);
	if (READ_ONCE(t->__state) == TASK_RUNNING) {
		_cond_resched();
		return;
	}
	sleep_until(t, 0);
}

long schedule_timeout(long timeout)
{
	struct task_struct *t = current;
	unsigned long target;
	unsigned int state;
	u64 deadline, late;
	long left;

	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return timeout;
	}
	if (timeout < 0) {
		pr_err("schedule_timeout: wrong timeout value %lx\n", (unsigned long)timeout);
		__set_current_state(TASK_RUNNING);
		return 0;
	}
	sleep_check("scheduling", NULL, 0);
	state = READ_ONCE(t->__state);
	if (state == TASK_RUNNING)
		return timeout;
	target = jiffies + (unsigned long)timeout;
	deadline = uldd_jiffies_to_clock_ns(target);
	for (;;) {
		sleep_until(t, deadline);
		if (uhost_clock_ns() < deadline)
			break; /* woken */
		/*
		 * The deadline came before jiffies did (the coarse clock lagged
		 * more than ever seen): sleep on, as a timer would wait. A wake-up
		 * in this short window waits for the end of it.
		 */
		late = uldd_jiffies_wait_ns(target);
		if (!late)
			break;
		deadline = uhost_clock_ns() + late;
		__set_current_state(state);
	}
	left = (long)(target - jiffies);
	return left > 0 ? left : 0;
}

long schedule_timeout_interruptible(long timeout)
{
	__set_current_state(TASK_INTERRUPTIBLE);
	return schedule_timeout(timeout);
}

long schedule_timeout_uninterruptible(long timeout)
{
	__set_current_state(TASK_UNINTERRUPTIBLE);
	return schedule_timeout(timeout);
}

long schedule_timeout_idle(long timeout)
{
	__set_current_state(TASK_IDLE);
	return schedule_timeout(timeout);
}

int wake_up_state(struct task_struct *p, unsigned int state)
{
	unsigned int s;

	/*
	 * The waker's store of the condition must be visible before it reads
	 * the sleeper's state, as try_to_wake_up's barrier makes it in Linux:
	 * the sleeper stores its state, then (set_current_state's fence) reads
	 * the condition. Without this fence x86's store buffer lets both miss:
	 * the waker sees TASK_RUNNING and does nothing, the sleeper sees no
	 * condition and sleeps for ever.
	 */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	s = __atomic_load_n(&p->__state, __ATOMIC_RELAXED);

	do {
		if (!(s & state))
			return 0;
	} while (!__atomic_compare_exchange_n(&p->__state, &s, TASK_RUNNING, 0, __ATOMIC_SEQ_CST,
					      __ATOMIC_RELAXED));
	__atomic_fetch_add(&p->uldd_wake_seq, 1, __ATOMIC_RELEASE);
	uhost_futex_wake(&p->uldd_wake_seq, 1);
	return 1;
}

int wake_up_process(struct task_struct *p)
{
	return wake_up_state(p, TASK_NORMAL);
}

int _cond_resched(void)
{
	if (preempt_count() || irqs_disabled())
		return 0;
	/* A point where Linux would schedule: not a soft lockup. */
	WRITE_ONCE(uldd_vcpus[uldd_cpu].scheds, uldd_vcpus[uldd_cpu].scheds + 1);
	if (!__atomic_load_n(&uldd_vcpu_waiters, __ATOMIC_RELAXED))
		return 0;
	vcpu_give();
	vcpu_take();
	return 1;
}

void yield(void)
{
	_cond_resched();
}

/*
 * For hrtimer-precision sleeps (usleep_range, schedule_hrtimeout): sleeps
 * in the state the caller set until a wake-up or the absolute deadline on
 * uhost_clock_ns(), whichever comes first, without rounding to jiffies.
 * Returns 0 when the deadline passed, -EINTR when woken before it.
 */
int uldd_schedule_until(u64 deadline_ns)
{
	struct task_struct *t = current;

	sleep_check("scheduling", NULL, 0);
	if (READ_ONCE(t->__state) == TASK_RUNNING)
		return uhost_clock_ns() >= deadline_ns ? 0 : -EINTR;
	sleep_until(t, deadline_ns);
	return uhost_clock_ns() >= deadline_ns ? 0 : -EINTR;
}

/*
 * For kthreads: enter with a task the caller owns (heap memory that
 * outlives the host thread, so kthread_stop() may still use it) instead
 * of this thread's own. The task must have been set up by uldd_task_init().
 */
void uldd_task_init(struct task_struct *t, const char *name)
{
	memset(t, 0, sizeof(*t));
	t->pid = __atomic_fetch_add(&uldd_next_pid, 1, __ATOMIC_RELAXED);
	t->uldd_usage = 1;
	strscpy(t->comm, name ? name : "kthread", sizeof(t->comm));
}

void uldd_enter_task(struct task_struct *t)
{
	if (!uldd_current) {
		uldd_cpu = -1;
		t->uldd_host_thread = uhost_thread_self();
		uldd_current = t;
	}
	uldd_enter(NULL);
}

/*
 * Around a door call that may block (core/door.c, its one caller): the
 * task keeps its state but lends its vCPU to others meanwhile. Nothing to
 * lend for a host thread outside the kernel. In atomic context the vCPU
 * stays: a task that took it could spin on the caller's spinlock and never
 * give it back; the call is a bug there, reported as any sleep is.
 */
bool uldd_host_block_try_begin(void)
{
	struct task_struct *t = uldd_current;

	if (!t || t->uldd_enter_depth <= 0 || uldd_cpu < 0)
		return false;
	if (preempt_count() || irqs_disabled()) {
		sleep_check("blocking host call", NULL, 0);
		return false;
	}
	vcpu_give();
	return true;
}

void uldd_host_block_end(void)
{
	vcpu_take();
}

static void wd_report(struct uldd_wd_report *r, struct task_struct *t, int cpu, u64 ns)
{
	memcpy(r->comm, t->comm, sizeof(r->comm));
	r->comm[sizeof(r->comm) - 1] = '\0';
	r->pid = t->pid;
	r->cpu = cpu;
	r->secs = ns / NSEC_PER_SEC;
	r->thread = t->uldd_host_thread;
}

/*
 * The soft-lockup and hung-task checks (entry.h). Only the watchdog thread
 * calls it, so uldd_wd_seen needs no lock. A vCPU is stuck when it stays
 * busy with the same holder, give and sched counts from one look to the
 * next for lockup_ns.
 */
int uldd_watchdog_check(unsigned long long now, unsigned long long lockup_ns,
			unsigned long long hung_ns, struct uldd_wd_report *r)
{
	unsigned int n = READ_ONCE(nr_cpu_ids);

	for (unsigned int i = 0; lockup_ns && i < n; i++) {
		struct uldd_vcpu *v = &uldd_vcpus[i];
		struct uldd_wd_seen *s = &uldd_wd_seen[i];
		struct task_struct *t = READ_ONCE(v->task);
		u32 gives = __atomic_load_n(&v->gives, __ATOMIC_ACQUIRE);
		u32 scheds = READ_ONCE(v->scheds);

		if (!t || !__atomic_load_n(&v->busy, __ATOMIC_ACQUIRE) || t != s->task ||
		    gives != s->gives || scheds != s->scheds) {
			s->task = t;
			s->gives = gives;
			s->scheds = scheds;
			s->since = now;
			continue;
		}
		if (now - s->since >= lockup_ns) {
			wd_report(r, t, (int)i, now - s->since);
			return ULDD_WD_LOCKUP;
		}
	}
	for (int i = 0; hung_ns && i < ULDD_WD_SLEEPERS; i++) {
		struct task_struct *t = __atomic_load_n(&uldd_wd_sleepers[i], __ATOMIC_ACQUIRE);
		u64 since;

		if (!t)
			continue;
		since = READ_ONCE(t->uldd_blocked_since);
		if (now > since && now - since >= hung_ns &&
		    __atomic_load_n(&uldd_wd_sleepers[i], __ATOMIC_ACQUIRE) == t) {
			wd_report(r, t, -1, now - since);
			return ULDD_WD_HUNG;
		}
	}
	return 0;
}
