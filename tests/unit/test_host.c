// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_host.c - the door's host services that need no device: the revision
 * handshake of each door header, error messages, threads, event counters, timers, the clock and
 * the arena.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <string.h>

#include "internal.h"

#define MS 1000000ull

static void test_host_init_checks_version(void **state)
{
	(void)state;
	assert_int_equal(uhost_init(UHOST_CORE_REV, UHOST_VFIO_REV, UHOST_TAP_REV, UHOST_BLK_REV),
			 0);
	/* 0: a caller without that device kind. */
	assert_int_equal(uhost_init(UHOST_CORE_REV, 0, 0, 0), 0);
	assert_int_equal(
		uhost_init(UHOST_CORE_REV + 1, UHOST_VFIO_REV, UHOST_TAP_REV, UHOST_BLK_REV),
		EPROTO);
	assert_non_null(strstr(uhost_errmsg(), "uhost.h revision"));
	assert_non_null(strstr(uhost_errmsg(), "rebuild"));
	assert_int_equal(uhost_init(0, UHOST_VFIO_REV, UHOST_TAP_REV, UHOST_BLK_REV), EPROTO);
	assert_int_equal(
		uhost_init(UHOST_CORE_REV, UHOST_VFIO_REV + 1, UHOST_TAP_REV, UHOST_BLK_REV),
		EPROTO);
	assert_non_null(strstr(uhost_errmsg(), "uhost_vfio.h revision"));
	assert_int_equal(
		uhost_init(UHOST_CORE_REV, UHOST_VFIO_REV, UHOST_TAP_REV + 1, UHOST_BLK_REV),
		EPROTO);
	assert_non_null(strstr(uhost_errmsg(), "uhost_tap.h revision"));
	assert_int_equal(
		uhost_init(UHOST_CORE_REV, UHOST_VFIO_REV, UHOST_TAP_REV, UHOST_BLK_REV + 1),
		EPROTO);
	assert_non_null(strstr(uhost_errmsg(), "uhost_blk.h revision"));
}

struct msg_arg {
	char seen[64];
};

static void other_thread_msg(void *p)
{
	struct msg_arg *a = p;

	strncpy(a->seen, uhost_errmsg(), sizeof(a->seen) - 1);
	uh_fail(EIO, "from the other thread");
}

static void test_host_errmsg_is_per_thread(void **state)
{
	struct uhost_thread *t;
	struct msg_arg a = { { 0 } };

	(void)state;
	assert_int_equal(uh_fail(ENOENT, "main %d", 1), ENOENT);
	assert_int_equal(uhost_thread_create(other_thread_msg, &a, "errmsg", &t), 0);
	assert_int_equal(uhost_thread_join(t), 0);
	assert_string_equal(a.seen, "no error");
	assert_string_equal(uhost_errmsg(), "main 1");
	uh_fail_prefix(ENOENT, "ctx");
	assert_string_equal(uhost_errmsg(), "ctx: main 1");
}

struct waiter {
	struct uhost_event *ev;
	uint64_t count;
	int err;
};

static void wait_event(void *p)
{
	struct waiter *w = p;

	w->err = uhost_event_wait(w->ev, 5000 * MS, &w->count);
}

static void test_host_event_wakes_other_thread(void **state)
{
	struct waiter w = { 0 };
	struct uhost_thread *t;

	(void)state;
	assert_int_equal(uhost_event_create(&w.ev), 0);
	assert_int_equal(uhost_thread_create(wait_event, &w, "waiter", &t), 0);
	assert_int_equal(uhost_sleep_ns(20 * MS), 0);
	assert_int_equal(uhost_event_signal(w.ev), 0);
	assert_int_equal(uhost_thread_join(t), 0);
	assert_int_equal(w.err, 0);
	assert_int_equal(w.count, 1);
	uhost_event_destroy(w.ev);
}

static void test_host_event_counts_and_times_out(void **state)
{
	struct uhost_event *ev;
	uint64_t count = 0, t0;

	(void)state;
	assert_int_equal(uhost_event_create(&ev), 0);
	for (int i = 0; i < 3; i++)
		assert_int_equal(uhost_event_signal(ev), 0);
	assert_int_equal(uhost_event_wait(ev, 0, &count), 0);
	assert_int_equal(count, 3);
	t0 = uhost_clock_ns();
	assert_int_equal(uhost_event_wait(ev, 30 * MS, &count), ETIMEDOUT);
	assert_true(uhost_clock_ns() - t0 >= 30 * MS);
	uhost_event_destroy(ev);
}

static void test_host_timer_oneshot_and_periodic(void **state)
{
	struct uhost_timer *tm;
	uint64_t count, t0;

	(void)state;
	assert_int_equal(uhost_timer_create(&tm), 0);
	t0 = uhost_clock_ns();
	assert_int_equal(uhost_timer_arm(tm, t0 + 20 * MS, 0), 0);
	assert_int_equal(uhost_timer_wait(tm, &count), 0);
	assert_int_equal(count, 1);
	assert_true(uhost_clock_ns() - t0 >= 20 * MS);

	/* Periodic: after sleeping through several periods, the count says so. */
	t0 = uhost_clock_ns();
	assert_int_equal(uhost_timer_arm(tm, t0 + 5 * MS, 5 * MS), 0);
	assert_int_equal(uhost_sleep_ns(32 * MS), 0);
	assert_int_equal(uhost_timer_wait(tm, &count), 0);
	assert_true(count >= 5);
	assert_int_equal(uhost_timer_arm(tm, 0, 0), 0);
	uhost_timer_destroy(tm);
}

static void test_host_sleep_and_clock(void **state)
{
	uint64_t t0 = uhost_clock_ns();

	(void)state;
	assert_int_equal(uhost_sleep_ns(10 * MS), 0);
	assert_true(uhost_clock_ns() - t0 >= 10 * MS);
}

static void test_host_arena_is_aligned_and_writable(void **state)
{
	size_t page;
	uint8_t *p;

	(void)state;
	assert_int_equal(uhost_arena_alloc(3u << 20, (void **)&p, &page), 0);
	assert_true(page == 4096 || page == (2u << 20));
	assert_int_equal((uintptr_t)p % (2u << 20), 0);
	memset(p, 0x5a, 4u << 20); /* rounded up to whole 2 MiB pages */
	assert_int_equal(p[(4u << 20) - 1], 0x5a);
	assert_int_equal(uhost_arena_free(p, 3u << 20), 0);
	assert_int_equal(uhost_arena_alloc(0, (void **)&p, &page), EINVAL);
}

/* The line the ring holds as number n, or NULL when its slot has another. */
static const struct uh_log_slot *ring_line(uint64_t n)
{
	const struct uh_log_slot *s = &uh_log_ring.slot[n % UH_LOG_SLOTS];

	return s->seq == n + 1 ? s : NULL;
}

/*
 * lx-dmesg's source: every line at every level, the console's filter
 * notwithstanding, a trailing newline dropped, a long line cut and marked,
 * and the oldest overwritten once the ring is full.
 */
static void test_host_log_ring_keeps_lines(void **state)
{
	char longline[UH_LOG_TEXT + 50];
	const struct uh_log_slot *s;
	uint64_t first = uh_log_ring.next;

	(void)state;
	/* Debug lines: below the default console level, so the ring only. */
	uhost_log(UHOST_LOG_DEBUG, "ring: one\n", 10);
	memset(longline, 'x', sizeof(longline));
	uhost_log(UHOST_LOG_DEBUG, longline, sizeof(longline));
	assert_int_equal(uh_log_ring.next, first + 2);
	s = ring_line(first);
	assert_non_null(s);
	assert_int_equal(s->level, UHOST_LOG_DEBUG);
	assert_int_equal(s->len, 9);
	assert_memory_equal(s->text, "ring: one", 9);
	assert_int_equal(s->truncated, 0);
	assert_true(s->ns >= uh_log_ring.t0);
	s = ring_line(first + 1);
	assert_non_null(s);
	assert_int_equal(s->len, UH_LOG_TEXT);
	assert_int_equal(s->truncated, 1);

	for (unsigned int i = 0; i < UH_LOG_SLOTS; i++)
		uhost_log(UHOST_LOG_DEBUG, "ring: fill", 10);
	assert_int_equal(uh_log_ring.next, first + 2 + UH_LOG_SLOTS);
	assert_null(ring_line(first));
	assert_null(ring_line(first + 1));
	s = ring_line(first + 1 + UH_LOG_SLOTS);
	assert_non_null(s);
	assert_memory_equal(s->text, "ring: fill", 10);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_host_init_checks_version),
		cmocka_unit_test(test_host_errmsg_is_per_thread),
		cmocka_unit_test(test_host_event_wakes_other_thread),
		cmocka_unit_test(test_host_event_counts_and_times_out),
		cmocka_unit_test(test_host_timer_oneshot_and_periodic),
		cmocka_unit_test(test_host_sleep_and_clock),
		cmocka_unit_test(test_host_arena_is_aligned_and_writable),
		cmocka_unit_test(test_host_log_ring_keeps_lines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
