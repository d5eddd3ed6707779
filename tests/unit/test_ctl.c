// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_ctl.c - the control socket of 'uldd run' (tools/uldd/ctl.c) served
 * and asked in one process: a fake report stands in for the shim's net
 * layer, a temporary folder for /run/uldd.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "ctl.h"
#include "internal.h"

#define MS 1000000ull

static char top[64];
static char dir[96];
static char *answer;

/* fake0 has a report, broken0 fails, big0 fills the whole buffer. */
static long fake_report(const char *ifname, char *buf, unsigned long len)
{
	if (!strcmp(ifname, "fake0"))
		return snprintf(buf, len, "driver: fake\nrx_packets: 42\n");
	if (!strcmp(ifname, "broken0"))
		return -EIO;
	if (!strcmp(ifname, "big0")) {
		for (unsigned long i = 0; i < len; i++)
			buf[i] = (char)('a' + i % 26);
		return (long)len;
	}
	return -ENODEV;
}

static int count_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	int n = 0;

	while (d && readdir(d))
		n++;
	if (d)
		closedir(d);
	return n;
}

static int setup(void **state)
{
	(void)state;
	snprintf(top, sizeof(top), "/tmp/uldd-ctl-XXXXXX");
	if (!mkdtemp(top))
		return -1;
	/* Not there yet: the server makes it, parents too. */
	snprintf(dir, sizeof(dir), "%s/run/uldd", top);
	answer = malloc(ULDD_CTL_ANSWER_MAX);
	return answer ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	free(answer);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", top);
	return system(cmd) ? -1 : 0;
}

static void test_ctl_serves_a_report(void **state)
{
	struct uldd_ctl *ctl;
	struct stat st;
	char want[128];
	int fds = count_fds();

	(void)state;
	assert_int_equal(uldd_ctl_start(dir, fake_report, &ctl), 0);
	assert_int_equal(stat(dir, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	snprintf(want, sizeof(want), "%s/%d.sock", dir, (int)getpid());
	assert_string_equal(uldd_ctl_path(ctl), want);

	assert_int_equal(uldd_ctl_ask(uldd_ctl_path(ctl), "fake0", answer, ULDD_CTL_ANSWER_MAX), 0);
	assert_string_equal(answer, "driver: fake\nrx_packets: 42\n");
	assert_int_equal(uldd_ctl_stats(dir, "fake0", answer, ULDD_CTL_ANSWER_MAX), 0);
	assert_string_equal(answer, "driver: fake\nrx_packets: 42\n");

	uldd_ctl_stop(ctl);
	assert_int_equal(access(want, F_OK), -1);
	assert_int_equal(count_fds(), fds);
}

static void test_ctl_errors_are_one_line(void **state)
{
	struct uldd_ctl *ctl;
	char want[128];

	(void)state;
	assert_int_equal(uldd_ctl_start(dir, fake_report, &ctl), 0);
	assert_int_equal(uldd_ctl_ask(uldd_ctl_path(ctl), "other0", answer, ULDD_CTL_ANSWER_MAX),
			 ENODEV);
	assert_int_equal(uldd_ctl_stats(dir, "other0", answer, ULDD_CTL_ANSWER_MAX), ENODEV);
	assert_string_equal(
		uhost_errmsg(),
		"no uldd process serves other0: start it with 'uldd run DRIVER.so --ifname other0'");

	assert_int_equal(uldd_ctl_stats(dir, "broken0", answer, ULDD_CTL_ANSWER_MAX), EIO);
	snprintf(want, sizeof(want), "process %d cannot report on broken0: %s", (int)getpid(),
		 strerror(EIO));
	assert_string_equal(uhost_errmsg(), want);
	assert_int_equal(uldd_ctl_stats(dir, "no/such", answer, ULDD_CTL_ANSWER_MAX), EINVAL);
	uldd_ctl_stop(ctl);
}

static void test_ctl_whole_report_arrives(void **state)
{
	struct uldd_ctl *ctl;

	(void)state;
	assert_int_equal(uldd_ctl_start(dir, fake_report, &ctl), 0);
	assert_int_equal(uldd_ctl_ask(uldd_ctl_path(ctl), "big0", answer, ULDD_CTL_ANSWER_MAX), 0);
	assert_int_equal(strlen(answer), ULDD_CTL_REPORT_MAX);
	assert_int_equal(answer[ULDD_CTL_REPORT_MAX - 1], 'a' + (ULDD_CTL_REPORT_MAX - 1) % 26);
	uldd_ctl_stop(ctl);
}

/* A socket nobody listens on any more, as a killed process leaves it. */
static void make_stale(const char *path)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);

	assert_true(fd >= 0);
	strncpy(sa.sun_path, path, sizeof(sa.sun_path) - 1);
	assert_int_equal(bind(fd, (struct sockaddr *)&sa, sizeof(sa)), 0);
	close(fd);
}

static void test_ctl_stale_sockets_are_removed(void **state)
{
	struct uldd_ctl *ctl;
	char stale[128];

	(void)state;
	assert_int_equal(uldd_ctl_start(dir, fake_report, &ctl), 0);
	snprintf(stale, sizeof(stale), "%s/1.sock", dir);
	make_stale(stale);
	assert_int_equal(uldd_ctl_ask(stale, "fake0", answer, ULDD_CTL_ANSWER_MAX), ECONNREFUSED);
	assert_int_equal(uldd_ctl_stats(dir, "fake0", answer, ULDD_CTL_ANSWER_MAX), 0);
	assert_string_equal(answer, "driver: fake\nrx_packets: 42\n");
	/* The search stops at the first answer: ask for a name nobody serves,
	 * so every socket is visited whatever the folder's order. */
	assert_int_equal(uldd_ctl_stats(dir, "nosuch0", answer, ULDD_CTL_ANSWER_MAX), ENODEV);
	assert_int_equal(access(stale, F_OK), -1);
	uldd_ctl_stop(ctl);
	/* Nobody at all: the same message as for an empty folder. */
	make_stale(stale);
	assert_int_equal(uldd_ctl_stats(dir, "fake0", answer, ULDD_CTL_ANSWER_MAX), ENODEV);
	assert_non_null(strstr(uhost_errmsg(), "no uldd process serves fake0"));
}

static int raw_connect(const char *path)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);

	assert_true(fd >= 0);
	strncpy(sa.sun_path, path, sizeof(sa.sun_path) - 1);
	assert_int_equal(connect(fd, (struct sockaddr *)&sa, sizeof(sa)), 0);
	return fd;
}

static void test_ctl_bad_request(void **state)
{
	struct uldd_ctl *ctl;
	char buf[256];
	ssize_t n;
	int fd;

	(void)state;
	assert_int_equal(uldd_ctl_start(dir, fake_report, &ctl), 0);
	fd = raw_connect(uldd_ctl_path(ctl));
	assert_int_equal(write(fd, "frob\n", 5), 5);
	n = read(fd, buf, sizeof(buf) - 1);
	assert_true(n > 0);
	buf[n] = '\0';
	assert_string_equal(buf, "error: unknown request 'frob': ask 'stats IFNAME'\n");
	close(fd);
	uldd_ctl_stop(ctl);
}

static void test_ctl_silent_client_does_not_block_stop(void **state)
{
	struct uldd_ctl *ctl;
	uhost_u64 t0;
	int fd;

	(void)state;
	assert_int_equal(uldd_ctl_start(dir, fake_report, &ctl), 0);
	t0 = uhost_clock_ns();
	fd = raw_connect(uldd_ctl_path(ctl));
	/* Let the server take it and wait for a request that never comes. */
	uhost_sleep_ns(50 * MS);
	uldd_ctl_stop(ctl);
	/*
	 * The server gives a client until its accept plus the timeout, which
	 * is after t0 plus the timeout: stop returned before it could end
	 * that wait, so it did not wait.
	 */
	assert_true(uhost_clock_ns() - t0 < ULDD_CTL_TIMEOUT_MS * MS);
	close(fd);
}

static void test_ctl_path_too_long(void **state)
{
	char longdir[200];
	struct uldd_ctl *ctl = NULL;

	(void)state;
	memset(longdir, 'x', sizeof(longdir) - 1);
	longdir[0] = '/';
	longdir[sizeof(longdir) - 1] = '\0';
	assert_int_equal(uldd_ctl_start(longdir, fake_report, &ctl), ENAMETOOLONG);
	assert_null(ctl);
	assert_non_null(strstr(uhost_errmsg(), "ULDD_RUN_DIR"));
}

static void test_ctl_ifname_rules(void **state)
{
	(void)state;
	assert_true(uldd_ifname_ok("eth0"));
	assert_true(uldd_ifname_ok("a-name-of-15-ch"));
	assert_false(uldd_ifname_ok(""));
	assert_false(uldd_ifname_ok("a-name-of-16-chr"));
	assert_false(uldd_ifname_ok("a/b"));
	assert_false(uldd_ifname_ok("a b"));
	assert_false(uldd_ifname_ok("a\tb"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ctl_serves_a_report),
		cmocka_unit_test(test_ctl_errors_are_one_line),
		cmocka_unit_test(test_ctl_whole_report_arrives),
		cmocka_unit_test(test_ctl_stale_sockets_are_removed),
		cmocka_unit_test(test_ctl_bad_request),
		cmocka_unit_test(test_ctl_silent_client_does_not_block_stop),
		cmocka_unit_test(test_ctl_path_too_long),
		cmocka_unit_test(test_ctl_ifname_rules),
	};

	return cmocka_run_group_tests_name("ctl", tests, setup, teardown);
}
