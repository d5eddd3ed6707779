// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_ctl.c - the control socket of 'uldd run' (tools/uldd/ctl.c) served
 * and asked in one process: a fake report stands in for the shim's net
 * layer, a temporary folder for /run/uldd. Also who may ask (SO_PEERCRED),
 * which run dirs are refused, the socket's mode, and clients served at once.
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
#include <sys/wait.h>
#include <unistd.h>

#include "ctl.h"
#include "internal.h"
#include "unitskip.h"

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
	struct tool_ctl *ctl;
	struct stat st;
	char want[128];
	int fds = count_fds();

	(void)state;
	assert_int_equal(tool_ctl_start(dir, fake_report, &ctl), 0);
	assert_int_equal(stat(dir, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	snprintf(want, sizeof(want), "%s/%d.sock", dir, (int)getpid());
	assert_string_equal(tool_ctl_path(ctl), want);

	assert_int_equal(tool_ctl_ask(tool_ctl_path(ctl), "fake0", answer, ULDD_CTL_ANSWER_MAX), 0);
	assert_string_equal(answer, "driver: fake\nrx_packets: 42\n");
	assert_int_equal(tool_ctl_stats(dir, "fake0", answer, ULDD_CTL_ANSWER_MAX), 0);
	assert_string_equal(answer, "driver: fake\nrx_packets: 42\n");

	tool_ctl_stop(ctl);
	assert_int_equal(access(want, F_OK), -1);
	assert_int_equal(count_fds(), fds);
}

static void test_ctl_errors_are_one_line(void **state)
{
	struct tool_ctl *ctl;
	char want[128];

	(void)state;
	assert_int_equal(tool_ctl_start(dir, fake_report, &ctl), 0);
	assert_int_equal(tool_ctl_ask(tool_ctl_path(ctl), "other0", answer, ULDD_CTL_ANSWER_MAX),
			 ENODEV);
	assert_int_equal(tool_ctl_stats(dir, "other0", answer, ULDD_CTL_ANSWER_MAX), ENODEV);
	assert_string_equal(
		uhost_errmsg(),
		"no uldd process serves other0: start it with 'uldd run DRIVER.so --ifname other0'");

	assert_int_equal(tool_ctl_stats(dir, "broken0", answer, ULDD_CTL_ANSWER_MAX), EIO);
	snprintf(want, sizeof(want), "process %d cannot report on broken0: %s", (int)getpid(),
		 strerror(EIO));
	assert_string_equal(uhost_errmsg(), want);
	assert_int_equal(tool_ctl_stats(dir, "no/such", answer, ULDD_CTL_ANSWER_MAX), EINVAL);
	tool_ctl_stop(ctl);
}

static void test_ctl_whole_report_arrives(void **state)
{
	struct tool_ctl *ctl;

	(void)state;
	assert_int_equal(tool_ctl_start(dir, fake_report, &ctl), 0);
	assert_int_equal(tool_ctl_ask(tool_ctl_path(ctl), "big0", answer, ULDD_CTL_ANSWER_MAX), 0);
	assert_int_equal(strlen(answer), ULDD_CTL_REPORT_MAX);
	assert_int_equal(answer[ULDD_CTL_REPORT_MAX - 1], 'a' + (ULDD_CTL_REPORT_MAX - 1) % 26);
	tool_ctl_stop(ctl);
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
	struct tool_ctl *ctl;
	char stale[128];

	(void)state;
	assert_int_equal(tool_ctl_start(dir, fake_report, &ctl), 0);
	snprintf(stale, sizeof(stale), "%s/1.sock", dir);
	make_stale(stale);
	assert_int_equal(tool_ctl_ask(stale, "fake0", answer, ULDD_CTL_ANSWER_MAX), ECONNREFUSED);
	assert_int_equal(tool_ctl_stats(dir, "fake0", answer, ULDD_CTL_ANSWER_MAX), 0);
	assert_string_equal(answer, "driver: fake\nrx_packets: 42\n");
	/* The search stops at the first answer: ask for a name nobody serves,
	 * so every socket is visited whatever the folder's order. */
	assert_int_equal(tool_ctl_stats(dir, "nosuch0", answer, ULDD_CTL_ANSWER_MAX), ENODEV);
	assert_int_equal(access(stale, F_OK), -1);
	tool_ctl_stop(ctl);
	/* Nobody at all: the same message as for an empty folder. */
	make_stale(stale);
	assert_int_equal(tool_ctl_stats(dir, "fake0", answer, ULDD_CTL_ANSWER_MAX), ENODEV);
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
	struct tool_ctl *ctl;
	char buf[256];
	ssize_t n;
	int fd;

	(void)state;
	assert_int_equal(tool_ctl_start(dir, fake_report, &ctl), 0);
	fd = raw_connect(tool_ctl_path(ctl));
	assert_int_equal(write(fd, "frob\n", 5), 5);
	n = read(fd, buf, sizeof(buf) - 1);
	assert_true(n > 0);
	buf[n] = '\0';
	assert_string_equal(buf, "error: unknown request 'frob': ask 'stats IFNAME'\n");
	close(fd);
	tool_ctl_stop(ctl);
}

static void test_ctl_silent_client_does_not_block_stop(void **state)
{
	struct tool_ctl *ctl;
	uhost_u64 t0;
	int fd;

	(void)state;
	assert_int_equal(tool_ctl_start(dir, fake_report, &ctl), 0);
	t0 = uhost_clock_ns();
	fd = raw_connect(tool_ctl_path(ctl));
	/* Let the server take it and wait for a request that never comes. */
	uhost_sleep_ns(50 * MS);
	tool_ctl_stop(ctl);
	/*
	 * The server gives a client until its accept plus the timeout, which
	 * is after t0 plus the timeout: stop returned before it could end
	 * that wait, so it did not wait.
	 */
	assert_true(uhost_clock_ns() - t0 < ULDD_CTL_TIMEOUT_MS * MS);
	close(fd);
}

static void test_ctl_silent_client_does_not_delay_others(void **state)
{
	struct tool_ctl *ctl;
	char buf[8];
	int silent, partial;

	(void)state;
	assert_int_equal(tool_ctl_start(dir, fake_report, &ctl), 0);
	silent = raw_connect(tool_ctl_path(ctl));
	partial = raw_connect(tool_ctl_path(ctl));
	assert_int_equal(write(partial, "stats fa", 8), 8);
	/* Both are taken and wait for the rest of a request. */
	uhost_sleep_ns(50 * MS);
	assert_int_equal(tool_ctl_ask(tool_ctl_path(ctl), "fake0", answer, ULDD_CTL_ANSWER_MAX), 0);
	assert_string_equal(answer, "driver: fake\nrx_packets: 42\n");
	/*
	 * Served before the two were dropped: a server that took one client
	 * at a time would have answered only after closing them.
	 */
	assert_int_equal(recv(silent, buf, sizeof(buf), MSG_DONTWAIT), -1);
	assert_int_equal(errno, EAGAIN);
	assert_int_equal(recv(partial, buf, sizeof(buf), MSG_DONTWAIT), -1);
	assert_int_equal(errno, EAGAIN);
	/* The one that finishes its request gets its answer. */
	assert_int_equal(write(partial, "ke0\n", 4), 4);
	assert_int_equal(read(partial, answer, ULDD_CTL_ANSWER_MAX), 28);
	close(partial);
	close(silent);
	tool_ctl_stop(ctl);
}

static void test_ctl_socket_is_0600_whatever_the_umask(void **state)
{
	static const mode_t masks[] = { 0, 022, 077 };
	struct tool_ctl *ctl;
	struct stat st;

	(void)state;
	for (size_t i = 0; i < sizeof(masks) / sizeof(masks[0]); i++) {
		mode_t old = umask(masks[i]);

		assert_int_equal(tool_ctl_start(dir, fake_report, &ctl), 0);
		umask(old);
		assert_int_equal(stat(tool_ctl_path(ctl), &st), 0);
		assert_true(S_ISSOCK(st.st_mode));
		assert_int_equal(st.st_mode & 07777, 0600);
		tool_ctl_stop(ctl);
	}
}

static void test_ctl_new_run_dir_is_0700_whatever_the_umask(void **state)
{
	char fresh[160];
	struct tool_ctl *ctl;
	struct stat st;
	mode_t old;

	(void)state;
	snprintf(fresh, sizeof(fresh), "%s/fresh", top);
	/* A umask that would take the owner's own bits away. */
	old = umask(0777);
	assert_int_equal(tool_ctl_start(fresh, fake_report, &ctl), 0);
	umask(old);
	assert_int_equal(stat(fresh, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0700);
	tool_ctl_stop(ctl);
}

/* dir exists as made; the server must refuse it and leave no socket there. */
static void assert_refused(const char *where, int err, const char *msg)
{
	struct tool_ctl *ctl = NULL;
	char sock[200];

	assert_int_equal(tool_ctl_start(where, fake_report, &ctl), err);
	assert_null(ctl);
	if (!strstr(uhost_errmsg(), msg))
		fail_msg("'%s' not in '%s'", msg, uhost_errmsg());
	snprintf(sock, sizeof(sock), "%s/%d.sock", where, (int)getpid());
	assert_int_equal(access(sock, F_OK), -1);
}

static void test_ctl_refuses_a_run_dir_others_can_write(void **state)
{
	char bad[160], want[256];

	(void)state;
	snprintf(bad, sizeof(bad), "%s/open", top);
	assert_int_equal(mkdir(bad, 0700), 0);
	assert_int_equal(chmod(bad, 0777), 0);
	snprintf(want, sizeof(want), "run dir %s is writable by others (mode 0777)", bad);
	assert_refused(bad, EPERM, want);
	assert_int_equal(chmod(bad, 0720), 0);
	assert_refused(bad, EPERM, "writable by others (mode 0720)");
	/* Readable by others is fine: only writing lets them plant a socket. */
	assert_int_equal(chmod(bad, 0755), 0);
	{
		struct tool_ctl *ctl;

		assert_int_equal(tool_ctl_start(bad, fake_report, &ctl), 0);
		tool_ctl_stop(ctl);
	}
}

static void test_ctl_refuses_a_symlinked_run_dir(void **state)
{
	char link[160];

	(void)state;
	snprintf(link, sizeof(link), "%s/link", top);
	assert_int_equal(symlink(dir, link), 0);
	assert_refused(link, ENOTDIR, "is not a directory (a symlink?)");
}

static void test_ctl_refuses_a_run_dir_of_another_uid(void **state)
{
	char theirs[160];

	(void)state;
	if (geteuid() != 0)
		unit_skip("needs root to give a folder to another uid");
	snprintf(theirs, sizeof(theirs), "%s/theirs", top);
	assert_int_equal(mkdir(theirs, 0700), 0);
	assert_int_equal(chown(theirs, 65534, 65534), 0);
	assert_refused(theirs, EPERM, "belongs to uid 65534, not to uid 0");
}

static void test_ctl_peer_rule(void **state)
{
	(void)state;
	assert_true(tool_ctl_peer_ok(0, 1000));
	assert_true(tool_ctl_peer_ok(1000, 1000));
	assert_false(tool_ctl_peer_ok(1001, 1000));
	assert_true(tool_ctl_peer_ok(0, 0));
	assert_false(tool_ctl_peer_ok(65534, 0));
}

static void test_ctl_other_uid_is_refused(void **state)
{
	struct tool_ctl *ctl;
	char want[128];
	int status;
	pid_t pid;

	(void)state;
	if (geteuid() != 0)
		unit_skip("needs root to ask as another uid");
	assert_int_equal(tool_ctl_start(dir, fake_report, &ctl), 0);
	/* Open the way on purpose, so only SO_PEERCRED stands between. */
	assert_int_equal(chmod(top, 0711), 0);
	assert_int_equal(chmod(dir, 0711), 0);
	assert_int_equal(chmod(tool_ctl_path(ctl), 0666), 0);
	snprintf(want, sizeof(want), "uid 65534 may not ask process %d: run as root or as uid 0",
		 (int)getpid());
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int err;

		if (setgid(65534) || setuid(65534))
			_exit(2);
		err = tool_ctl_ask(tool_ctl_path(ctl), "fake0", answer, ULDD_CTL_ANSWER_MAX);
		if (err != EIO)
			_exit(3);
		_exit(strcmp(uhost_errmsg(), want) ? 4 : 0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	/* Root still gets its report. */
	assert_int_equal(tool_ctl_ask(tool_ctl_path(ctl), "fake0", answer, ULDD_CTL_ANSWER_MAX), 0);
	tool_ctl_stop(ctl);
	assert_int_equal(chmod(dir, 0700), 0);
	assert_int_equal(chmod(top, 0700), 0);
}

static void test_ctl_path_too_long(void **state)
{
	char longdir[200];
	struct tool_ctl *ctl = NULL;

	(void)state;
	memset(longdir, 'x', sizeof(longdir) - 1);
	longdir[0] = '/';
	longdir[sizeof(longdir) - 1] = '\0';
	assert_int_equal(tool_ctl_start(longdir, fake_report, &ctl), ENAMETOOLONG);
	assert_null(ctl);
	assert_non_null(strstr(uhost_errmsg(), "ULDD_RUN_DIR"));
}

static void test_ctl_ifname_rules(void **state)
{
	(void)state;
	assert_true(tool_ifname_ok("eth0"));
	assert_true(tool_ifname_ok("a-name-of-15-ch"));
	assert_false(tool_ifname_ok(""));
	assert_false(tool_ifname_ok("a-name-of-16-chr"));
	assert_false(tool_ifname_ok("a/b"));
	assert_false(tool_ifname_ok("a b"));
	assert_false(tool_ifname_ok("a\tb"));
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
		cmocka_unit_test(test_ctl_silent_client_does_not_delay_others),
		cmocka_unit_test(test_ctl_socket_is_0600_whatever_the_umask),
		cmocka_unit_test(test_ctl_new_run_dir_is_0700_whatever_the_umask),
		cmocka_unit_test(test_ctl_refuses_a_run_dir_others_can_write),
		cmocka_unit_test(test_ctl_refuses_a_symlinked_run_dir),
		cmocka_unit_test(test_ctl_refuses_a_run_dir_of_another_uid),
		cmocka_unit_test(test_ctl_peer_rule),
		cmocka_unit_test(test_ctl_other_uid_is_refused),
		cmocka_unit_test(test_ctl_path_too_long),
		cmocka_unit_test(test_ctl_ifname_rules),
	};

	return cmocka_run_group_tests_name("ctl", tests, setup, teardown);
}
