/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * runcmd.h - the built uldd command, run as a user would in a test: its
 * exit status and what it wrote, on a fake /sys and /dev (fakesys.h) so a
 * command that binds never touches the real ones.
 */
#ifndef ULDD_TESTS_RUNCMD_H
#define ULDD_TESTS_RUNCMD_H

struct run {
	int status; /* exit code; 128 + signal when killed */
	char out[8192];
	char err[4096];
};

/* Runs $ULDD_BIN (else the build's) with args, NULL-terminated, at most 15. */
void run_argv(struct run *r, const char *sysroot, const char *devroot, const char *const *args);
int count_lines(const char *s);
/* Fails the test, showing text, when needle is not in it. */
void assert_has(const char *text, const char *needle);

#endif /* ULDD_TESTS_RUNCMD_H */
