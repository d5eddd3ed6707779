// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_supervise.c - 'uldd supervise' without a driver: the restart
 * policy (back-off, its reset, the crash-loop limit; restart.c), the oops
 * (parsing the child's report, naming functions from ELF symbol tables,
 * the printed form; oops.c), the pid file (its name, one supervisor a
 * driver and device: supervise.c with libbsd's pidfile), and the list of
 * TAPs a restarted driver takes back (kernel/keep.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <bsd/libutil.h>
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"
#include "oops.h"
#include "restart.h"
#include "supervise.h"
#include "uldd.h"

#define S ULDD_NSEC
#define MS (ULDD_NSEC / 1000)

static void test_restart_backoff_doubles_to_the_cap(void **state)
{
	static const uint64_t want_ms[] = { 100,  200,	 400,	800,   1600,  3200,
					    6400, 12800, 25600, 30000, 30000, 30000 };
	struct tool_restart r;
	uint64_t now = 1000 * S, delay;

	(void)state;
	tool_restart_init(&r);
	for (size_t i = 0; i < sizeof(want_ms) / sizeof(want_ms[0]); i++) {
		/* Up for a second each time, crashes 61 s apart: never a burst. */
		now += 61 * S;
		assert_true(tool_restart_crashed(&r, now - S, now, &delay));
		assert_int_equal(delay, want_ms[i] * MS);
	}
}

static void test_restart_stable_run_resets_backoff(void **state)
{
	struct tool_restart r;
	uint64_t now = 1000 * S, delay;

	(void)state;
	tool_restart_init(&r);
	for (int i = 0; i < 4; i++) {
		now += 61 * S;
		assert_true(tool_restart_crashed(&r, now - S, now, &delay));
	}
	assert_int_equal(delay, 800 * MS);
	/* 10 s up: a new crash, not the same loop. */
	now += 61 * S;
	assert_true(tool_restart_crashed(&r, now - 10 * S, now, &delay));
	assert_int_equal(delay, 100 * MS);
	now += 61 * S;
	assert_true(tool_restart_crashed(&r, now - 9 * S, now, &delay));
	assert_int_equal(delay, 200 * MS);
}

/* A fresh policy, then four runs a second apart that each crashed in 0.5 s. */
static void four_quick_crashes(struct tool_restart *r, uint64_t t0)
{
	uint64_t delay;

	tool_restart_init(r);
	for (int i = 0; i < 4; i++)
		assert_true(tool_restart_crashed(r, t0 + i * S, t0 + i * S + S / 2, &delay));
}

static void test_restart_burst_gives_up(void **state)
{
	struct tool_restart r;
	uint64_t t0 = 1000 * S, delay;

	(void)state;
	four_quick_crashes(&r, t0);
	assert_int_equal(tool_restart_recent(&r, t0 + 4 * S), 4);
	/* The fifth within 60 s of the first. */
	assert_false(tool_restart_crashed(&r, t0 + 59 * S, t0 + 59 * S + S / 2, &delay));
}

static void test_restart_burst_window_slides(void **state)
{
	struct tool_restart r;
	uint64_t t0 = 1000 * S, delay;

	(void)state;
	four_quick_crashes(&r, t0);
	/* 60.5 s after the first: it no longer counts, four remain. */
	assert_true(tool_restart_crashed(&r, t0 + 60 * S, t0 + 60 * S + S / 2, &delay));
	assert_int_equal(tool_restart_recent(&r, t0 + 60 * S + S / 2), 4);
	/* 61 s: the second (at 1.5 s) still counts, so this is the fifth. */
	assert_false(tool_restart_crashed(&r, t0 + 60 * S + S / 2, t0 + 61 * S, &delay));
}

/* The options, as systemd names its settings; a bad value is refused with the range. */
static void test_restart_options(void **state)
{
	struct tool_restart r;
	char err[128];
	uint64_t delay;

	(void)state;
	tool_restart_init(&r);
	assert_int_equal(tool_restart_option(&r, "--restart-sec", "0.05", err, sizeof(err)), 0);
	assert_int_equal(
		tool_restart_option(&r, "--restart-max-delay-sec", "0.2", err, sizeof(err)), 0);
	assert_int_equal(tool_restart_option(&r, "--start-limit-burst", "3", err, sizeof(err)), 0);
	assert_int_equal(
		tool_restart_option(&r, "--start-limit-interval-sec", "2.5", err, sizeof(err)), 0);
	assert_int_equal(r.delay_min_ns, S / 20);
	assert_int_equal(r.delay_max_ns, S / 5);
	assert_int_equal(r.burst, 3);
	assert_int_equal(r.interval_ns, 5 * S / 2);
	/* 0.05, 0.1, 0.2, then the cap holds. */
	for (uint64_t want = S / 20, t = 1000 * S; want <= S / 5; want *= 2, t += 10 * S) {
		assert_true(tool_restart_crashed(&r, t - S, t, &delay));
		assert_int_equal(delay, want);
	}
	assert_int_equal(tool_restart_option(&r, "--vcpus", "2", err, sizeof(err)), 1);
	assert_int_equal(tool_restart_option(&r, "--restart-sec", "0", err, sizeof(err)), -1);
	assert_string_equal(err, "--restart-sec takes 0.001 to 86400 (seconds)");
	assert_int_equal(tool_restart_option(&r, "--restart-sec", "1s", err, sizeof(err)), -1);
	assert_int_equal(
		tool_restart_option(&r, "--restart-max-delay-sec", "inf", err, sizeof(err)), -1);
	assert_int_equal(tool_restart_option(&r, "--start-limit-burst", "65", err, sizeof(err)),
			 -1);
	assert_string_equal(err, "--start-limit-burst takes 1 to 64 (crashes)");
	assert_int_equal(tool_restart_option(&r, "--start-limit-burst", NULL, err, sizeof(err)),
			 -1);
	assert_int_equal(
		tool_restart_option(&r, "--start-limit-interval-sec", "-1", err, sizeof(err)), -1);
	assert_string_equal(err,
			    "--start-limit-interval-sec takes 0 (no limit) to 86400 (seconds)");
}

/* --start-limit-interval-sec 0: a crash loop never makes it give up. */
static void test_restart_no_limit(void **state)
{
	struct tool_restart r;
	char err[64];
	uint64_t t = 1000 * S, delay;

	(void)state;
	tool_restart_init(&r);
	assert_int_equal(
		tool_restart_option(&r, "--start-limit-interval-sec", "0", err, sizeof(err)), 0);
	for (int i = 0; i < 200; i++, t += S / 10)
		assert_true(tool_restart_crashed(&r, t - S / 20, t, &delay));
	assert_int_equal(delay, 30 * S);
}

static void test_restart_burst_of_one(void **state)
{
	struct tool_restart r;
	uint64_t delay;

	(void)state;
	tool_restart_init(&r);
	r.burst = 1;
	assert_false(tool_restart_crashed(&r, 0, S, &delay));
}

/* Functions to find in this binary's own symbol table. */
static __attribute__((noinline, used)) int oops_static_target(int x)
{
	return x * 3 + 1;
}

__attribute__((noinline)) int uldd_k_fake_napi_poll(int x);
__attribute__((noinline)) int uldd_k_fake_napi_poll(int x)
{
	return x * 5 + 2;
}

static char self[PATH_MAX];

static uintptr_t load_base(void)
{
	Dl_info info;

	assert_true(dladdr((void *)load_base, &info));
	return (uintptr_t)info.dli_fbase;
}

static int oops_setup(void **state)
{
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);

	(void)state;
	if (n <= 0)
		return -1;
	self[n] = '\0';
	return 0;
}

static void test_oops_symbolize_static_function(void **state)
{
	char frame[PATH_MAX + 64], out[512], want[128];
	uintptr_t fn = (uintptr_t)oops_static_target;
	uint64_t addr;

	(void)state;
	/* As glibc prints a function dladdr cannot name: the file and an offset. */
	snprintf(frame, sizeof(frame), "%s(+0x%lx) [0x%lx]", self,
		 (unsigned long)(fn - load_base() + 2), (unsigned long)(fn + 2));
	tool_oops_symbolize(frame, false, out, sizeof(out), &addr);
	assert_int_equal(addr, fn + 2);
	snprintf(want, sizeof(want), "oops_static_target+0x2/0x");
	assert_memory_equal(out, want, strlen(want));
	assert_non_null(strstr(out, " [test_supervise]"));
}

static void test_oops_symbolize_shim_and_dynamic(void **state)
{
	char frame[PATH_MAX + 64], out[512];
	uint64_t addr;

	(void)state;
	snprintf(frame, sizeof(frame), "%s(uldd_k_fake_napi_poll+0x3) [0x1234]", self);
	tool_oops_symbolize(frame, false, out, sizeof(out), &addr);
	assert_int_equal(addr, 0x1234);
	assert_memory_equal(out, "fake_napi_poll+0x3/0x", strlen("fake_napi_poll+0x3/0x"));
	assert_non_null(strstr(out, " [shim]"));
	/* A return address is looked up a byte before, shown as it is. */
	snprintf(frame, sizeof(frame), "%s(uldd_k_fake_napi_poll+0x3) [0x1234]", self);
	tool_oops_symbolize(frame, true, out, sizeof(out), &addr);
	assert_memory_equal(out, "fake_napi_poll+0x3/0x", strlen("fake_napi_poll+0x3/0x"));
	/* Nothing but an address: kept as it is. */
	tool_oops_symbolize("[0x7f0012345678]", false, out, sizeof(out), &addr);
	assert_string_equal(out, "[0x7f0012345678]");
	assert_int_equal(addr, 0x7f0012345678ull);
	/* A file that is no ELF: the module and the offset. */
	tool_oops_symbolize("/dev/null(+0x10) [0x10]", false, out, sizeof(out), &addr);
	assert_string_equal(out, "? null+0x10");
}

static char *print_oops(const struct tool_oops *o)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	tool_oops_print(f, "uldd: ", "e1000", o);
	fclose(f);
	return buf;
}

static void test_oops_parse_and_print(void **state)
{
	struct tool_oops o = { 0 };
	char line[PATH_MAX + 64];
	uintptr_t fn = (uintptr_t)oops_static_target, off = fn - load_base();
	char *text;

	(void)state;
	assert_false(tool_oops_line(&o, "tap uldd0 uldd0"));
	snprintf(line, sizeof(line), "oops 11 1 10 %lx 321 325 0 uldd0", (unsigned long)(fn + 4));
	assert_true(tool_oops_line(&o, line));
	assert_true(o.active);
	/* Lines of other kinds may come between the frames. */
	assert_false(tool_oops_line(&o, "tapok uldd0"));
	assert_false(tool_oops_line(&o, "dev 0000:01:00.0"));
	/* The handler's trampoline first, then the faulting frame, a caller. */
	assert_true(
		tool_oops_line(&o, "/lib/x86_64-linux-gnu/libc.so.6(+0x3bf90) [0x7f00003bf90]"));
	snprintf(line, sizeof(line), "%s(+0x%lx) [0x%lx]", self, (unsigned long)(off + 4),
		 (unsigned long)(fn + 4));
	assert_true(tool_oops_line(&o, line));
	snprintf(line, sizeof(line), "%s(uldd_k_fake_napi_poll+0x5) [0x99]", self);
	assert_true(tool_oops_line(&o, line));
	assert_true(tool_oops_line(&o, "end"));
	assert_int_equal(o.sig, SIGSEGV);
	assert_int_equal(o.addr, 0x10);
	assert_int_equal(o.pid, 321);
	assert_int_equal(o.tid, 325);
	assert_string_equal(o.comm, "uldd0");
	assert_int_equal(o.nframes, 3);

	text = print_oops(&o);
	assert_non_null(strstr(
		text, "uldd: BUG: SIGSEGV (address not mapped) at address 0000000000000010\n"));
	assert_non_null(strstr(text, "uldd: Oops: e1000 PID: 321 Thread: 325 Comm: uldd0\n"));
	assert_non_null(strstr(text, "uldd: RIP: oops_static_target+0x4/0x"));
	assert_non_null(strstr(text, "uldd:  fake_napi_poll+0x5/0x"));
	/* The trace starts at the faulting pc: the trampoline is left out. */
	assert_null(strstr(text, "libc+0x3bf90"));
	assert_non_null(strstr(text, "uldd: ---[ end trace ]---\n"));
	free(text);
}

static void test_oops_killed_without_report(void **state)
{
	struct tool_oops o = { .sig = SIGKILL, .code = SI_USER, .sender = 77, .pid = 5 };
	char *text;

	(void)state;
	text = print_oops(&o);
	assert_non_null(strstr(text, "BUG: SIGKILL (sent by kill) from pid 77\n"));
	assert_non_null(strstr(text, "no backtrace"));
	free(text);
	o.sig = SIGABRT;
	text = print_oops(&o);
	assert_non_null(strstr(text, "BUG: SIGABRT: the driver aborted"));
	free(text);
}

static void test_oops_signame(void **state)
{
	char buf[32];

	(void)state;
	assert_string_equal(tool_oops_signame(SIGBUS, buf, sizeof(buf)), "SIGBUS");
	assert_string_equal(tool_oops_signame(1000, buf, sizeof(buf)), "signal 1000");
}

static void test_pidfile_name(void **state)
{
	char buf[128], drv[64], devs[128];
	char *argv[] = { "supervise", "/x/ported/6.1/e1000.so",
			 "--device",  "01:00.0",
			 "-d",	      "0000:02:00.0",
			 "--ifname",  "a b",
			 "debug=3",   NULL };
	char *bare[] = { "run", "--vcpus", "2", "./crash.so", "fault=null", NULL };

	(void)state;
	tool_sup_describe(9, argv, drv, sizeof(drv), devs, sizeof(devs));
	assert_string_equal(drv, "e1000");
	assert_string_equal(devs, "0000:01:00.0 0000:02:00.0");
	assert_int_equal(tool_sup_pidfile_path(buf, sizeof(buf), "/run/uldd", drv, devs), 0);
	assert_string_equal(buf, "/run/uldd/e1000@0000:01:00.0+0000:02:00.0.pid");
	tool_sup_describe(5, bare, drv, sizeof(drv), devs, sizeof(devs));
	assert_string_equal(drv, "crash");
	assert_string_equal(devs, "any");
	assert_int_equal(tool_sup_pidfile_path(buf, sizeof(buf), "/r", "a/b", "any"), 0);
	assert_string_equal(buf, "/r/a_b@any.pid");
	assert_int_equal(tool_sup_pidfile_path(buf, 10, "/run/uldd", "e1000", "any"), ENAMETOOLONG);
}

/* A second supervisor of the same driver and device finds the first's pid. */
static void test_pidfile_one_supervisor(void **state)
{
	char dir[] = "/tmp/uldd-pidfile-XXXXXX", path[128], buf[32];
	struct pidfh *a, *b;
	pid_t other = 0;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	assert_int_equal(tool_sup_pidfile_path(path, sizeof(path), dir, "e1000", "0000:01:00.0"),
			 0);
	a = pidfile_open(path, 0600, &other);
	assert_non_null(a);
	assert_int_equal(pidfile_write(a), 0);
	b = pidfile_open(path, 0600, &other);
	assert_null(b);
	assert_int_equal(errno, EEXIST);
	assert_int_equal(other, getpid());
	f = fopen(path, "r");
	assert_non_null(f);
	assert_non_null(fgets(buf, sizeof(buf), f));
	fclose(f);
	assert_int_equal(atoi(buf), getpid());
	assert_int_equal(pidfile_remove(a), 0);
	assert_int_equal(access(path, F_OK), -1);
	assert_int_equal(rmdir(dir), 0);
}

/* kernel/keep.c: the TAPs a restarted driver takes back, each once. */
static void test_keep_adopt_list(void **state)
{
	(void)state;
	assert_int_equal(uh_keep_setup(-1, "uldd0/uldd0 eth%d/eth0 eth%d/eth1 /tap3"), 0);
	assert_false(uh_keep_on());
	assert_string_equal(uh_keep_adopt("eth%d"), "eth0");
	assert_string_equal(uh_keep_adopt("eth%d"), "eth1");
	assert_null(uh_keep_adopt("eth%d"));
	assert_string_equal(uh_keep_adopt("uldd0"), "uldd0");
	assert_null(uh_keep_adopt("uldd0"));
	assert_string_equal(uh_keep_adopt(""), "tap3");
	assert_null(uh_keep_adopt("other"));
	assert_int_equal(uh_keep_setup(-1, "noslash"), EINVAL);
	assert_int_equal(uh_keep_setup(-1, "a/0123456789abcdef"), EINVAL);
	assert_int_equal(uh_keep_setup(-1, NULL), 0);
	assert_null(uh_keep_adopt("uldd0"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_restart_backoff_doubles_to_the_cap),
		cmocka_unit_test(test_restart_stable_run_resets_backoff),
		cmocka_unit_test(test_restart_burst_gives_up),
		cmocka_unit_test(test_restart_burst_window_slides),
		cmocka_unit_test(test_restart_burst_of_one),
		cmocka_unit_test(test_restart_options),
		cmocka_unit_test(test_restart_no_limit),
		cmocka_unit_test(test_oops_symbolize_static_function),
		cmocka_unit_test(test_oops_symbolize_shim_and_dynamic),
		cmocka_unit_test(test_oops_parse_and_print),
		cmocka_unit_test(test_oops_killed_without_report),
		cmocka_unit_test(test_oops_signame),
		cmocka_unit_test(test_pidfile_name),
		cmocka_unit_test(test_pidfile_one_supervisor),
		cmocka_unit_test(test_keep_adopt_list),
	};

	return cmocka_run_group_tests(tests, oops_setup, NULL);
}
