// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_privsep.c - what 'uldd run' does to give up root, without VFIO
 * (kernel/privsep.c, kernel/seccomp.c): the user lookup and its message,
 * the capabilities kept, nodes held for a later open, the drop itself in a
 * child, and the seccomp filter in a child: an allowed call passes, a
 * forbidden one ends it with the SIGSYS line and status 128 + SIGSYS.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <pthread.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include "internal.h"
#include "host.h"
#include "unitskip.h"

static void test_privsep_user_lookup(void **state)
{
	uid_t uid = 1;
	gid_t gid = 1;

	(void)state;
	assert_int_equal(uh_user_lookup("root", &uid, &gid), 0);
	assert_int_equal(uid, 0);
	assert_int_equal(gid, 0);
	assert_int_equal(uh_user_lookup("uldd-test-nobody-here", &uid, &gid), ENOENT);
	assert_non_null(strstr(uhost_errmsg(), "--user 'uldd-test-nobody-here': no such user"));
}

/* The default user's own message names the command that creates it. */
static void test_privsep_default_user(void **state)
{
	uid_t uid;
	gid_t gid;
	int err;

	(void)state;
	err = uh_user_lookup(UH_DEFAULT_USER, &uid, &gid);
	if (!err) {
		assert_int_not_equal(uid, 0);
		return;
	}
	assert_int_equal(err, ENOENT);
	assert_non_null(strstr(uhost_errmsg(), "useradd --system --no-create-home"));
	assert_non_null(strstr(uhost_errmsg(), "install-deps.sh"));
}

static void test_privsep_caps(void **state)
{
	char buf[64];

	(void)state;
	assert_true(uh_privsep_caps(false) == 0);
	assert_true(uh_privsep_caps(true) == 1ull << CAP_NET_ADMIN);
	assert_int_equal(uh_caps_name(uh_privsep_caps(true), buf, sizeof(buf)), 0);
	assert_string_equal(buf, "cap_net_admin");
	assert_int_equal(uh_caps_name(0, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "none");
	assert_int_equal(
		uh_caps_name((1ull << CAP_NET_ADMIN) | (1ull << CAP_SYS_RAWIO), buf, sizeof(buf)),
		0);
	assert_string_equal(buf, "cap_net_admin,cap_sys_rawio");
	/* One it cannot name is an error, never a silent gap in the message. */
	assert_int_equal(uh_caps_name(1ull << CAP_SYS_ADMIN, buf, sizeof(buf)), EINVAL);
	assert_int_equal(uh_caps_name(1ull << CAP_NET_ADMIN, buf, 4), ENAMETOOLONG);
}

/* What 'uldd run' reads from a driver before it loads it: its imports. */
static void test_privsep_elf_imports(void **state)
{
	const char *const cmocka[] = { "nothing_by_this_name", "_cmocka_run_group_tests", NULL };
	const char *const net[] = { "uldd_k_register_netdev", NULL };
	const char *const own[] = { "main", NULL };
	bool found = true;

	(void)state;
	/* This test binary imports CMocka's runner, and defines main. */
	assert_int_equal(uh_elf_imports("/proc/self/exe", cmocka, &found), 0);
	assert_true(found);
	assert_int_equal(uh_elf_imports("/proc/self/exe", net, &found), 0);
	assert_false(found);
	assert_int_equal(uh_elf_imports("/proc/self/exe", own, &found), 0);
	assert_false(found);
	/* Not ELF: no import, no error; missing: the open's error. */
	assert_int_equal(uh_elf_imports("/proc/self/status", net, &found), EINVAL);
	assert_int_equal(uh_elf_imports("/etc/passwd", net, &found), 0);
	assert_false(found);
	assert_int_equal(uh_elf_imports("/nonexistent.so", net, &found), ENOENT);
}

/* A held node is handed out once, then open(2) takes over. */
static void test_privsep_node_hold(void **state)
{
	int fd, fd2;

	(void)state;
	assert_int_equal(uh_node_hold("/dev/null", O_RDWR | O_CLOEXEC), 0);
	/* Held already: the same fd serves, nothing more opened. */
	assert_int_equal(uh_node_hold("/dev/null", O_RDWR | O_CLOEXEC), 0);
	assert_int_equal(uh_node_hold("/dev/zero", O_RDONLY | O_CLOEXEC), 0);
	assert_int_equal(uh_node_hold("/nonexistent/node", O_RDWR), ENOENT);
	fd = uh_node_open("/dev/null", O_RDWR | O_CLOEXEC);
	assert_true(fd > 0);
	fd2 = uh_node_open("/dev/null", O_RDWR | O_CLOEXEC);
	assert_true(fd2 > 0 && fd2 != fd);
	close(fd);
	close(fd2);
	/* /dev/zero was never taken. */
	assert_int_equal(uh_node_release_all(), 1);
	assert_int_equal(uh_node_release_all(), 0);
}

/* The child's /proc/self/status line "name:\tvalue" as a number in base. */
static unsigned long long status_field(const char *name, int base)
{
	char line[256];
	unsigned long long v = ~0ull;
	size_t len = strlen(name);
	FILE *f = fopen("/proc/self/status", "re");

	while (f && fgets(line, sizeof(line), f))
		if (!strncmp(line, name, len) && line[len] == ':')
			v = strtoull(line + len + 1, NULL, base);
	if (f)
		fclose(f);
	return v;
}

/* Exit codes of the child, one per check, so a failure says which. */
static int drop_child(uid_t uid, gid_t gid)
{
	uint64_t keep = uh_privsep_caps(true);

	int err = uh_privsep_drop(uid, gid, keep);

	/* A container's root may lack CAP_SETUID or CAP_SETPCAP. */
	if (err == EPERM)
		return 77;
	if (err)
		return 10;
	if (getuid() != uid || geteuid() != uid || getgid() != gid)
		return 11;
	if (status_field("CapEff", 16) != keep || status_field("CapPrm", 16) != keep)
		return 12;
	if (status_field("CapBnd", 16) & ~keep)
		return 13;
	if (status_field("CapInh", 16) || status_field("CapAmb", 16))
		return 14;
	if (status_field("NoNewPrivs", 10) != 1)
		return 15;
	/* Root again is out of reach. */
	if (setuid(0) == 0)
		return 16;
	return 0;
}

/*
 * Runs child(uid, gid) of user nobody in a forked process and returns its
 * exit status; skips (with the reason) where this process cannot drop.
 */
static int in_forked_child(int (*child)(uid_t uid, gid_t gid))
{
	struct passwd *pw = getpwnam("nobody");
	int status;
	pid_t pid;

	if (geteuid() != 0)
		unit_skip("not root: there is nothing to drop");
	if (!pw)
		unit_skip("no user 'nobody' to drop to");
#ifdef __SANITIZE_THREAD__
	unit_skip(
		"TSan's runtime runs a thread of its own, and the drop refuses a threaded process");
#endif
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		_exit(child(pw->pw_uid, pw->pw_gid));
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	if (WEXITSTATUS(status) == 77)
		unit_skip("root here may not change uid or capabilities (EPERM)");
	return WEXITSTATUS(status);
}

static void test_privsep_drop(void **state)
{
	(void)state;
	assert_int_equal(in_forked_child(drop_child), 0);
}

/*
 * From a nice limit of 0, the drop still leaves room for an interrupt
 * thread's nice: uh_nice_limit_set() before it, setpriority() after it.
 */
static int nice_child(uid_t uid, gid_t gid)
{
	struct rlimit none = { 0, 0 };
	int err;

	if (setrlimit(RLIMIT_NICE, &none))
		return 20;
	uh_nice_limit_set();
	/* Raising a hard limit takes CAP_SYS_RESOURCE, which some roots lack. */
	if (getrlimit(RLIMIT_NICE, &none) || none.rlim_cur < (rlim_t)(20 - UHOST_IRQ_NICE))
		return 78;
	err = uh_privsep_drop(uid, gid, 0);
	if (err == EPERM)
		return 77;
	if (err)
		return 21;
	if (setpriority(PRIO_PROCESS, 0, UHOST_IRQ_NICE))
		return 22;
	/* Not a whit further than asked. */
	if (!setpriority(PRIO_PROCESS, 0, UHOST_IRQ_NICE - 1))
		return 23;
	return 0;
}

static void test_privsep_nice_limit(void **state)
{
	int status;

	(void)state;
	status = in_forked_child(nice_child);
	if (status == 78)
		unit_skip("root here may not raise RLIMIT_NICE (no CAP_SYS_RESOURCE)");
	assert_int_equal(status, 0);
}

/* With threads running the drop would leave them root: refused. */
static void *idle(void *arg)
{
	int *fd = arg;
	char c;

	while (read(*fd, &c, 1) < 0)
		;
	return NULL;
}

static void test_privsep_drop_refuses_threads(void **state)
{
	int p[2];
	pthread_t t;

	(void)state;
	assert_int_equal(pipe(p), 0);
	assert_int_equal(pthread_create(&t, NULL, idle, &p[0]), 0);
	assert_int_equal(uh_privsep_drop(65534, 65534, 0), EBUSY);
	assert_non_null(strstr(uhost_errmsg(), "threads"));
	assert_int_equal(write(p[1], "x", 1), 1);
	assert_int_equal(pthread_join(t, NULL), 0);
	close(p[0]);
	close(p[1]);
}

static void test_seccomp_table(void **state)
{
	(void)state;
	assert_true(uh_seccomp_count() > 20);
	/* What every thread and the VFIO calls need. */
	assert_true(uh_seccomp_allowed(SYS_futex));
	assert_true(uh_seccomp_allowed(SYS_ioctl));
	assert_true(uh_seccomp_allowed(SYS_exit_group));
	/* What no driver needs. */
	assert_false(uh_seccomp_allowed(SYS_execve));
	assert_false(uh_seccomp_allowed(SYS_ptrace));
	assert_false(uh_seccomp_allowed(SYS_uname));
	assert_false(uh_seccomp_allowed(SYS_setuid));
}

/*
 * A child installs the filter, makes an allowed call, reports it on out,
 * then a forbidden one (uname), which must not return.
 */
static void seccomp_child(int out, int err_fd)
{
	struct utsname u;

	dup2(err_fd, STDERR_FILENO);
	if (uh_seccomp_install("test.so"))
		_exit(2);
	if (getpid() > 0 && write(out, "alive\n", 6) != 6)
		_exit(3);
	uname(&u);
	_exit(4);
}

/*
 * The forbidden call from a host thread, which blocks most signals. The
 * thread starts before the filter goes in, as a driver's do (a sanitizer's
 * pthread_create makes calls the list leaves out), then waits for a byte.
 */
static void forbidden_in_thread(void *arg)
{
	int *fd = arg; /* read end of go, write end of ready */
	struct utsname u;
	char c;

	if (write(fd[1], "r", 1) == 1 && read(fd[0], &c, 1) == 1)
		uname(&u);
}

static void seccomp_thread_child(int out, int err_fd)
{
	struct uhost_thread *t;
	int go[2], ready[2], fd[2];
	char c;

	dup2(err_fd, STDERR_FILENO);
	if (pipe(go) || pipe(ready))
		_exit(6);
	fd[0] = go[0];
	fd[1] = ready[1];
	if (uhost_thread_create(forbidden_in_thread, fd, "forbidden", &t))
		_exit(5);
	/* The thread runs (its start-up calls are made) before the filter. */
	if (read(ready[0], &c, 1) != 1 || uh_seccomp_install("test.so"))
		_exit(2);
	if (write(out, "alive\n", 6) != 6 || write(go[1], "x", 1) != 1)
		_exit(3);
	uhost_thread_join(t);
	_exit(4);
}

static void check_seccomp_kill(void (*child)(int out, int err_fd))
{
	int out[2], err[2], status;
	char buf[512] = "", alive[16] = "";
	ssize_t n;
	pid_t pid;

	assert_int_equal(pipe(out), 0);
	assert_int_equal(pipe(err), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(out[0]);
		close(err[0]);
		child(out[1], err[1]);
	}
	close(out[1]);
	close(err[1]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 2) {
		close(out[0]);
		close(err[0]);
		unit_skip("no seccomp filter can be installed here");
	}
	n = read(out[0], alive, sizeof(alive) - 1);
	assert_true(n == 6);
	assert_string_equal(alive, "alive\n");
	n = read(err[0], buf, sizeof(buf) - 1);
	assert_true(n > 0);
	buf[n] = '\0';
	print_message("child said: %s", buf);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), UH_SECCOMP_EXIT);
	assert_non_null(strstr(buf, "uldd: test.so made system call uname ("));
	assert_non_null(strstr(buf, "seccomp allow-list forbids"));
	/* One line. */
	assert_non_null(strchr(buf, '\n'));
	assert_null(strchr(buf, '\n') + 1 < buf + n ? strchr(strchr(buf, '\n') + 1, '\n') : NULL);
	close(out[0]);
	close(err[0]);
}

static void test_seccomp_kills_forbidden_call(void **state)
{
	(void)state;
#ifdef __SANITIZE_THREAD__
	/*
	 * TSan's handler wrapper may hold even this synchronous SIGSYS: the
	 * trapped uname then returns, and the child's _exit(4) wins the race
	 * with the line (about 1 run in 40 on a loaded host).
	 */
	unit_skip(
		"TSan may defer the SIGSYS that carries the line ('uldd run' has the filter off here)");
#endif
	check_seccomp_kill(seccomp_child);
}

/* A blocked SIGSYS would kill without the line: thread.c leaves it open. */
static void test_seccomp_kills_forbidden_call_in_thread(void **state)
{
	(void)state;
#ifdef __SANITIZE_THREAD__
	/* TSan holds a signal until its runtime sees a safe point. */
	unit_skip(
		"TSan defers the SIGSYS that carries the line ('uldd run' has the filter off here)");
#endif
	check_seccomp_kill(seccomp_thread_child);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_privsep_user_lookup),
		cmocka_unit_test(test_privsep_default_user),
		cmocka_unit_test(test_privsep_caps),
		cmocka_unit_test(test_privsep_elf_imports),
		cmocka_unit_test(test_privsep_node_hold),
		cmocka_unit_test(test_privsep_drop),
		cmocka_unit_test(test_privsep_nice_limit),
		cmocka_unit_test(test_privsep_drop_refuses_threads),
		cmocka_unit_test(test_seccomp_table),
		cmocka_unit_test(test_seccomp_kills_forbidden_call),
		cmocka_unit_test(test_seccomp_kills_forbidden_call_in_thread),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
