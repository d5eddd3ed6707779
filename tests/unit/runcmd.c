// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * runcmd.c - running the uldd command from a test (runcmd.h). Its output
 * goes to unlinked temporary files, not pipes, so a command that writes
 * more than a pipe holds cannot block against a test that waits first.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "runcmd.h"

static void read_all(int fd, char *buf, size_t len)
{
	size_t n = 0;
	ssize_t r;

	lseek(fd, 0, SEEK_SET);
	while (n < len - 1 && (r = read(fd, buf + n, len - 1 - n)) > 0)
		n += (size_t)r;
	buf[n] = '\0';
	close(fd);
}

void run_argv(struct run *r, const char *sysroot, const char *devroot, const char *const *args)
{
	const char *bin = getenv("ULDD_BIN") ? getenv("ULDD_BIN") : ULDD_BIN;
	char *argv[16] = { (char *)"uldd" };
	char outname[] = "/tmp/uldd-out-XXXXXX", errname[] = "/tmp/uldd-err-XXXXXX";
	int argc = 1, out, err, status;
	pid_t pid;

	while (argc < 15 && args[argc - 1]) {
		argv[argc] = (char *)args[argc - 1];
		argc++;
	}
	assert_null(args[argc - 1]);
	argv[argc] = NULL;
	out = mkstemp(outname);
	err = mkstemp(errname);
	assert_true(out >= 0 && err >= 0);
	unlink(outname);
	unlink(errname);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		dup2(out, STDOUT_FILENO);
		dup2(err, STDERR_FILENO);
		setenv("ULDD_SYSFS_ROOT", sysroot, 1);
		setenv("ULDD_DEV_ROOT", devroot, 1);
		execv(bin, argv);
		dprintf(err, "exec %s: %s\n", bin, strerror(errno));
		_exit(127);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	r->status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	read_all(out, r->out, sizeof(r->out));
	read_all(err, r->err, sizeof(r->err));
}

int count_lines(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

void assert_has(const char *text, const char *needle)
{
	if (!strstr(text, needle))
		fail_msg("'%s' not in:\n%s", needle, text);
}
