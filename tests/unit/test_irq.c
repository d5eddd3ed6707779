// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_irq.c - device interrupts in the kernel namespace over a fake host
 * (fake_irq.c): handlers in hard interrupt context on a vCPU, the vector
 * thread's life, shared lines, INTx unmasking, spinlocks against handlers,
 * disable_irq/enable_irq, threaded handlers, and request/free errors.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "../../shim/entry.h"
#include "fake_irq.h"
#include "kworld/ktest.h"
#include "host.h"

#define IRQF_SHARED 0x00000080
#define IRQF_ONESHOT 0x00002000

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void sleep_ms(int ms)
{
	struct timespec ts = { .tv_sec = ms / 1000, .tv_nsec = (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

/* Waits up to 2 s for f(slot) to reach n; returns the last value. */
static long wait_for(long (*f)(int), int slot, long n)
{
	double end = now_ms() + 2000;
	long v;

	while ((v = f(slot)) < n && now_ms() < end)
		sleep_ms(1);
	return v;
}

static int count_threads(void)
{
	DIR *d = opendir("/proc/self/task");
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)))
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

/*
 * The host threads of this process once the count settles at want (up to
 * 10 s, a hang guard): a joined thread leaves /proc a little after
 * pthread_join returns, later still on a loaded host.
 */
static int nthreads(int want)
{
	double end = now_ms() + 10000;
	int n;

	while ((n = count_threads()) != want && now_ms() < end)
		sleep_ms(1);
	return n;
}

static int attach(unsigned int type, unsigned int vec)
{
	int irq = KTEST(ktest_irq_attach)(fake_irq_dev(), type, vec);

	assert_true(irq >= 32);
	return irq;
}

static int setup(void **state)
{
	(void)state;
	fake_irq_reset(FAKE_IRQ_NVEC);
	return KTEST(ktest_irq_setup)(2, fake_irq_ack);
}

static void test_irq_handler_runs_in_hardirq(void **state)
{
	int irq = attach(UHOST_IRQ_INTX, 0);
	unsigned long bugs;

	(void)state;
	assert_int_equal(KTEST(ktest_irq_request)(irq, 0, KIRQ_SLEEP, 0), 0);
	assert_int_equal(fake_irq_type(), UHOST_IRQ_INTX);
	bugs = KTEST(ktest_irq_sched_bugs)();
	fake_irq_fire(0);
	assert_int_equal(wait_for(KTEST(ktest_irq_count), 0, 1), 1);
	assert_int_equal(KTEST(ktest_irq_bad)(0), 0);
	/* might_sleep() in the handler is reported. */
	assert_int_equal(KTEST(ktest_irq_sched_bugs)(), bugs + 1);
	assert_int_equal(KTEST(ktest_irq_free)(irq, 0), 1);
	assert_int_equal(fake_irq_unmasks(0), 1);
	assert_int_equal(KTEST(ktest_irq_detach)(irq), 0);
}

static void test_irq_latency(void **state)
{
	int irq = attach(UHOST_IRQ_MSI, 0);
	enum { N = 200 };
	double sum = 0, max = 0;

	(void)state;
	assert_int_equal(KTEST(ktest_irq_request)(irq, 0, KIRQ_COUNT, 0), 0);
	for (int i = 1; i <= N; i++) {
		double us;

		fake_irq_fire(0);
		assert_int_equal(wait_for(KTEST(ktest_irq_count), 0, i), i);
		us = (double)(KTEST(ktest_irq_last_ns)(0) - fake_irq_fire_ns(0)) / 1e3;
		sum += us;
		max = us > max ? us : max;
	}
	print_message("irq latency, fake fire to handler: mean %.1f us, max %.1f us (%d)\n",
		      sum / N, max, N);
	assert_int_equal(KTEST(ktest_irq_bad)(0), 0);
	assert_int_equal(KTEST(ktest_irq_free)(irq, 0), 1);
	assert_int_equal(KTEST(ktest_irq_detach)(irq), 0);
}

static void test_irq_free_joins_threads(void **state)
{
	int irq = attach(UHOST_IRQ_MSIX, 1);
	int n0 = count_threads();

	(void)state;
	attach(UHOST_IRQ_MSIX, 0);
	assert_int_equal(KTEST(ktest_irq_request)(irq, 0, KIRQ_COUNT, 0), 0);
	assert_int_equal(nthreads(n0 + 1), n0 + 1);
	assert_int_equal(KTEST(ktest_irq_request)(irq, 1, KIRQ_THREAD, IRQF_SHARED), -16);
	assert_int_equal(KTEST(ktest_irq_free)(irq, 0), 1);
	assert_int_equal(nthreads(n0), n0);
	assert_int_equal(fake_irq_type(), -1);
	/* A threaded handler has a thread of its own; both go at free. */
	assert_int_equal(KTEST(ktest_irq_request)(irq, 1, KIRQ_THREAD, IRQF_ONESHOT), 0);
	assert_int_equal(nthreads(n0 + 2), n0 + 2);
	assert_int_equal(KTEST(ktest_irq_detach)(irq), -16);
	assert_int_equal(KTEST(ktest_irq_free)(irq, 1), 1);
	assert_int_equal(nthreads(n0), n0);
	assert_int_equal(KTEST(ktest_irq_detach)(irq), 0);
	assert_int_equal(KTEST(ktest_irq_detach)(irq + 1), 0);
}

/* Checks, at each unmask, that no handler runs. */
static long unmask_while_running;

static void unmask_hook(unsigned int vec)
{
	(void)vec;
	if (KTEST(ktest_irq_running)())
		unmask_while_running++;
}

static void test_irq_shared_unmasks_once_after_handlers(void **state)
{
	int irq = attach(UHOST_IRQ_INTX, 0);
	enum { N = 20 };

	(void)state;
	unmask_while_running = 0;
	fake_irq_set_unmask_hook(unmask_hook);
	assert_int_equal(KTEST(ktest_irq_request)(irq, 0, KIRQ_COUNT, IRQF_SHARED), 0);
	assert_int_equal(KTEST(ktest_irq_request)(irq, 1, KIRQ_BUSY, IRQF_SHARED), 0);
	for (int i = 1; i <= N; i++) {
		fake_irq_fire(0);
		assert_int_equal(wait_for(KTEST(ktest_irq_count), 1, i), i);
		assert_int_equal(KTEST(ktest_irq_count)(0), i);
		/* The unmask follows the handlers' return. */
		while (fake_irq_unmasks(0) < (unsigned long)i)
			sleep_ms(1);
	}
	sleep_ms(20);
	assert_int_equal(fake_irq_unmasks(0), N);
	assert_int_equal(unmask_while_running, 0);
	assert_int_equal(KTEST(ktest_irq_bad)(0) + KTEST(ktest_irq_bad)(1), 0);
	assert_int_equal(KTEST(ktest_irq_free)(irq, 1), 1);
	assert_int_equal(KTEST(ktest_irq_free)(irq, 0), 1);
	assert_int_equal(KTEST(ktest_irq_detach)(irq), 0);
}

static int firing; /* __atomic: the fire thread polls it */

static void *fire_loop(void *arg)
{
	(void)arg;
	while (__atomic_load_n(&firing, __ATOMIC_RELAXED)) {
		fake_irq_fire(0);
		sleep_ms(1);
	}
	return NULL;
}

static void test_irq_spin_lock_irqsave_excludes_handler(void **state)
{
	int irq = attach(UHOST_IRQ_MSI, 0);
	pthread_t tid;
	long before;

	(void)state;
	assert_int_equal(KTEST(ktest_irq_request)(irq, 0, KIRQ_LOCK, 0), 0);
	__atomic_store_n(&firing, 1, __ATOMIC_RELAXED);
	assert_int_equal(pthread_create(&tid, NULL, fire_loop, NULL), 0);
	for (int i = 0; i < 5; i++) {
		before = KTEST(ktest_irq_lock_counter)();
		assert_int_equal(KTEST(ktest_irq_hold_lock)(20), 0);
		/* The handlers that waited for the lock got in afterwards. */
		assert_true(wait_for(KTEST(ktest_irq_count), 0, before + 3) > before);
	}
	__atomic_store_n(&firing, 0, __ATOMIC_RELAXED);
	pthread_join(tid, NULL);
	assert_int_equal(KTEST(ktest_irq_bad)(0), 0);
	assert_int_equal(KTEST(ktest_irq_free)(irq, 0), 1);
	assert_int_equal(KTEST(ktest_irq_detach)(irq), 0);
}

static void disable_waits(unsigned int type)
{
	int irq = attach(type, 0);

	assert_int_equal(KTEST(ktest_irq_request)(irq, 0, KIRQ_BUSY, 0), 0);
	fake_irq_fire(0);
	/*
	 * Running, or done: a loaded host may keep this thread asleep past
	 * the handler's 30 ms, and waiting for "running" alone then hangs.
	 */
	while (!KTEST(ktest_irq_running)() && !KTEST(ktest_irq_count)(0))
		sleep_ms(1);
	/* No handler runs when it returns (checked in K-world). */
	assert_int_equal(KTEST(ktest_irq_disable)(irq), 0);
	assert_int_equal(KTEST(ktest_irq_count)(0), 1);
	/* Disabled: held back, for INTx behind the mask. */
	fake_irq_fire(0);
	sleep_ms(60);
	assert_int_equal(KTEST(ktest_irq_count)(0), 1);
	/* Nesting: one enable is not enough. */
	assert_int_equal(KTEST(ktest_irq_disable)(irq), 0);
	KTEST(ktest_irq_enable)(irq);
	sleep_ms(20);
	assert_int_equal(KTEST(ktest_irq_count)(0), 1);
	KTEST(ktest_irq_enable)(irq);
	assert_int_equal(wait_for(KTEST(ktest_irq_count), 0, 2), 2);
	sleep_ms(20);
	assert_int_equal(KTEST(ktest_irq_count)(0), 2);
	/*
	 * One unmask after the held interrupt's handler, one at enable_irq;
	 * a third if the first handler ended before disable_irq came.
	 */
	if (type == UHOST_IRQ_INTX)
		assert_in_range(fake_irq_unmasks(0), 2, 3);
	assert_int_equal(KTEST(ktest_irq_bad)(0), 0);
	assert_int_equal(KTEST(ktest_irq_free)(irq, 0), 1);
	assert_int_equal(KTEST(ktest_irq_detach)(irq), 0);
}

static void test_irq_disable_waits_and_holds_intx(void **state)
{
	(void)state;
	disable_waits(UHOST_IRQ_INTX);
}

static void test_irq_disable_waits_and_holds_msi(void **state)
{
	(void)state;
	disable_waits(UHOST_IRQ_MSI);
}

static void test_irq_threaded_handler_sleeps_oneshot(void **state)
{
	int irq = attach(UHOST_IRQ_INTX, 0);
	enum { N = 5 };

	(void)state;
	unmask_while_running = 0;
	fake_irq_set_unmask_hook(unmask_hook);
	/* handler NULL needs IRQF_ONESHOT. */
	assert_int_equal(KTEST(ktest_irq_request)(irq, 0, KIRQ_ONLY_THREAD, 0), -22);
	assert_int_equal(KTEST(ktest_irq_request)(irq, 0, KIRQ_THREAD, IRQF_ONESHOT), 0);
	for (int i = 1; i <= N; i++) {
		fake_irq_fire(0);
		assert_int_equal(wait_for(KTEST(ktest_irq_thread_count), 0, i), i);
		while (fake_irq_unmasks(0) < (unsigned long)i)
			sleep_ms(1);
	}
	assert_int_equal(KTEST(ktest_irq_count)(0), N);
	assert_int_equal(fake_irq_unmasks(0), N);
	/* ONESHOT: the line stayed masked until the thread returned. */
	assert_int_equal(unmask_while_running, 0);
	assert_int_equal(KTEST(ktest_irq_bad)(0), 0);
	assert_int_equal(KTEST(ktest_irq_free)(irq, 0), 1);
	/* The thread alone, on MSI. */
	fake_irq_set_unmask_hook(NULL);
	assert_int_equal(KTEST(ktest_irq_detach)(irq), 0);
	irq = attach(UHOST_IRQ_MSI, 0);
	assert_int_equal(KTEST(ktest_irq_request)(irq, 1, KIRQ_ONLY_THREAD, IRQF_ONESHOT), 0);
	fake_irq_fire(0);
	assert_int_equal(wait_for(KTEST(ktest_irq_thread_count), 1, 1), 1);
	assert_int_equal(KTEST(ktest_irq_bad)(1), 0);
	assert_int_equal(KTEST(ktest_irq_free)(irq, 1), 1);
	assert_int_equal(KTEST(ktest_irq_detach)(irq), 0);
}

/*
 * The nice of each thread whose name starts with "irq/", up to max of
 * them, once there are want (the threads name themselves after starting).
 */
static int irq_thread_nices(int *nice, int max, int want)
{
	double end = now_ms() + 2000;
	int n;

	do {
		DIR *d = opendir("/proc/self/task");
		struct dirent *e;

		assert_non_null(d);
		n = 0;
		while ((e = readdir(d)) && n < max) {
			char path[300], line[512], *p;
			FILE *f;

			if (e->d_name[0] == '.')
				continue;
			snprintf(path, sizeof(path), "/proc/self/task/%s/stat", e->d_name);
			f = fopen(path, "r");
			if (!f)
				continue;
			p = fgets(line, sizeof(line), f) ? strchr(line, '(') : NULL;
			fclose(f);
			if (!p || strncmp(p + 1, "irq/", 4) || !(p = strrchr(line, ')')))
				continue;
			/* After the name: state, then fields 4..19; nice is field 19. */
			for (int field = 2; p && field < 19; field++)
				p = strchr(p + 1, ' ');
			if (p)
				nice[n++] = atoi(p + 1);
		}
		closedir(d);
		if (n < want)
			sleep_ms(1);
	} while (n < want && now_ms() < end);
	return n;
}

/* Both an irq's vector thread and its handler thread ask for nice -10. */
static void test_irq_threads_boosted(void **state)
{
	int irq = attach(UHOST_IRQ_MSI, 0), nice[4], n;

	(void)state;
	if (setpriority(PRIO_PROCESS, 0, getpriority(PRIO_PROCESS, 0) - 1) && errno == EACCES) {
		skip(); /* no CAP_SYS_NICE here: the threads run on at nice 0 */
		return;
	}
	setpriority(PRIO_PROCESS, 0, 0);
	assert_int_equal(KTEST(ktest_irq_request)(irq, 1, KIRQ_THREAD, IRQF_ONESHOT), 0);
	n = irq_thread_nices(nice, 4, 2);
	assert_int_equal(n, 2);
	assert_int_equal(nice[0], UHOST_IRQ_NICE);
	assert_int_equal(nice[1], UHOST_IRQ_NICE);
	assert_int_equal(KTEST(ktest_irq_free)(irq, 1), 1);
	assert_int_equal(KTEST(ktest_irq_detach)(irq), 0);
}

static void test_irq_request_free_errors(void **state)
{
	int irq = attach(UHOST_IRQ_MSI, 0);

	(void)state;
	assert_int_equal(KTEST(ktest_irq_attach)(fake_irq_dev(), UHOST_IRQ_MSI, 0), -16);
	assert_int_equal(KTEST(ktest_irq_attach)(fake_irq_dev(), UHOST_IRQ_INTX, 1), -22);
	assert_int_equal(KTEST(ktest_irq_request)(5, 0, KIRQ_COUNT, 0), -22);
	assert_int_equal(KTEST(ktest_irq_request)(irq + 100, 0, KIRQ_COUNT, 0), -22);
	assert_int_equal(KTEST(ktest_irq_free)(irq, 0), 0);
	assert_int_equal(KTEST(ktest_irq_request)(irq, 0, KIRQ_NONE, 0), 0);
	assert_int_equal(KTEST(ktest_irq_request)(irq, 1, KIRQ_COUNT, 0), -16);
	for (int i = 1; i <= 3; i++) {
		fake_irq_fire(0);
		assert_int_equal(wait_for(KTEST(ktest_irq_count), 0, i), i);
	}
	sleep_ms(5);
	assert_int_equal(KTEST(ktest_irq_unhandled)(irq), 3);
	assert_int_equal(KTEST(ktest_irq_free)(irq, 0), 1);
	assert_int_equal(KTEST(ktest_irq_free)(irq, 0), 0);
	assert_int_equal(KTEST(ktest_irq_detach)(irq), 0);
	assert_int_equal(KTEST(ktest_irq_detach)(irq), -22);
}

/* Handler runs over one interval of ms: at most the 100 ms poll's share. */
static int quiet_for(int ms)
{
	long c = KTEST(ktest_irq_count)(0);
	double t = now_ms();

	sleep_ms(ms);
	return KTEST(ktest_irq_count)(0) - c <= (long)((now_ms() - t) / 100) + 2;
}

/*
 * A level line nobody acknowledges storms until the detector disables it:
 * not before 100,000 interrupts, and then only the poll calls the handler
 * (tests/conform/irq.c proves the same against the guest's kernel).
 */
static void test_irq_stuck_line_disabled(void **state)
{
	int irq = attach(UHOST_IRQ_INTX, 0), quiet = 0;
	double end;
	unsigned long unmasks;

	(void)state;
	assert_int_equal(KTEST(ktest_irq_request)(irq, 0, KIRQ_NONE, 0), 0);
	fake_irq_fire(0);
	/* Only guards against a hang: the storm's speed is the machine's. */
	end = now_ms() + 200000;
	while (KTEST(ktest_irq_count)(0) < 100000 && now_ms() < end)
		sleep_ms(10);
	assert_true(KTEST(ktest_irq_count)(0) >= 100000);
	while (quiet < 2 && now_ms() < end)
		quiet = quiet_for(250) ? quiet + 1 : 0;
	assert_int_equal(quiet, 2);
	assert_true(KTEST(ktest_irq_unhandled)(irq) >= 100000);
	/* Disabled: the line stays masked however long the level stays up. */
	unmasks = fake_irq_unmasks(0);
	sleep_ms(50);
	assert_int_equal(fake_irq_unmasks(0), unmasks);
	fake_irq_ack(0);
	assert_int_equal(KTEST(ktest_irq_free)(irq, 0), 1);
	assert_int_equal(KTEST(ktest_irq_detach)(irq), 0);
}

/*
 * A driver's MSI-X table entries (e1000e asks for 0, 1, 2): each gets its
 * own irq, and firing a table entry runs the handler requested on the irq
 * of that entry. Duplicates and entries past the table are refused, and a
 * range is cut to the vectors the device has.
 */
static void test_irq_msix_entries(void **state)
{
	static const unsigned short dup[] = { 1, 1 }, past[] = { 0, 3 }, order[] = { 2, 0, 1 };
	static const unsigned short four[] = { 0, 1, 2, 3 };
	int irqs[4];

	(void)state;
	fake_irq_reset(3);
	assert_int_equal(KTEST(ktest_irq_msix_enable)(fake_irq_dev(), dup, 2, 2, 2, irqs), -EINVAL);
	assert_int_equal(KTEST(ktest_irq_msix_enable)(fake_irq_dev(), past, 2, 2, 2, irqs),
			 -EINVAL);
	assert_int_equal(KTEST(ktest_irq_msix_enable)(fake_irq_dev(), four, 4, 4, 4, irqs),
			 -ENOSPC);
	assert_int_equal(KTEST(ktest_irq_msix_enable)(fake_irq_dev(), four, 4, 2, 4, irqs), 3);
	assert_int_equal(KTEST(ktest_irq_msix_disable)(), 0);

	assert_int_equal(KTEST(ktest_irq_msix_enable)(fake_irq_dev(), order, 3, 3, 3, irqs), 3);
	assert_true(irqs[0] >= 32 && irqs[1] >= 32 && irqs[2] >= 32);
	assert_true(irqs[0] != irqs[1] && irqs[1] != irqs[2] && irqs[0] != irqs[2]);
	/* Slot 0 on the irq of table entry 2, slot 1 on that of entry 0. */
	assert_int_equal(KTEST(ktest_irq_request)(irqs[0], 0, KIRQ_COUNT, 0), 0);
	assert_int_equal(KTEST(ktest_irq_request)(irqs[1], 1, KIRQ_COUNT, 0), 0);
	assert_int_equal(fake_irq_type(), UHOST_IRQ_MSIX);
	fake_irq_fire(2);
	assert_int_equal(wait_for(KTEST(ktest_irq_count), 0, 1), 1);
	fake_irq_fire(0);
	assert_int_equal(wait_for(KTEST(ktest_irq_count), 1, 1), 1);
	fake_irq_fire(1); /* no handler on entry 1's irq */
	sleep_ms(20);
	assert_int_equal(KTEST(ktest_irq_count)(0), 1);
	assert_int_equal(KTEST(ktest_irq_count)(1), 1);
	assert_int_equal(KTEST(ktest_irq_bad)(0) + KTEST(ktest_irq_bad)(1), 0);
	assert_int_equal(KTEST(ktest_irq_free)(irqs[0], 0), 1);
	assert_int_equal(KTEST(ktest_irq_free)(irqs[1], 1), 1);
	assert_int_equal(KTEST(ktest_irq_msix_disable)(), 0);
	assert_int_equal(fake_irq_type(), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_irq_handler_runs_in_hardirq, setup),
		cmocka_unit_test_setup(test_irq_latency, setup),
		cmocka_unit_test_setup(test_irq_free_joins_threads, setup),
		cmocka_unit_test_setup(test_irq_shared_unmasks_once_after_handlers, setup),
		cmocka_unit_test_setup(test_irq_spin_lock_irqsave_excludes_handler, setup),
		cmocka_unit_test_setup(test_irq_disable_waits_and_holds_intx, setup),
		cmocka_unit_test_setup(test_irq_disable_waits_and_holds_msi, setup),
		cmocka_unit_test_setup(test_irq_threaded_handler_sleeps_oneshot, setup),
		cmocka_unit_test_setup(test_irq_threads_boosted, setup),
		cmocka_unit_test_setup(test_irq_request_free_errors, setup),
		cmocka_unit_test_setup(test_irq_stuck_line_disabled, setup),
		cmocka_unit_test_setup(test_irq_msix_entries, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
