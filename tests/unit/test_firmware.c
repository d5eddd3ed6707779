// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_firmware.c - request_firmware() (shim/drivers/base/firmware.c,
 * kernel/file.c) on files in a temporary directory: contents and size,
 * empty files, a missing file's -ENOENT and its one line naming the path
 * and the fix, the quiet forms, and request_firmware_nowait's callback;
 * and confinement: names with '..', absolute or empty names, symlinks out
 * of the directory, FIFOs and files over the size limit are refused, with
 * and without openat2 (uh_file_set_fallback).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"
#include "host.h"
#include "kworld/ktest.h"

static char dir[64];
/* Beside dir, outside it: what a symlink out would reach. */
static char outside[64];
static int nlines;
static char last_line[512];

/* The door's log, faked: printk's lines land here. */
void uhost_log(int level, const char *msg, uhost_size len)
{
	(void)level;
	nlines++;
	snprintf(last_line, sizeof(last_line), "%.*s", (int)len, msg);
}

static void write_file(const char *name, const void *data, size_t len)
{
	char path[128];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

static int setup(void **state)
{
	char sub[96];
	FILE *f;

	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/uldd-fw-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(outside, sizeof(outside), "/tmp/uldd-fwout-XXXXXX");
	if (!mkdtemp(outside))
		return -1;
	snprintf(sub, sizeof(sub), "%s/secret", outside);
	f = fopen(sub, "w");
	if (!f || fputs("secret\n", f) < 0 || fclose(f))
		return -1;
	snprintf(sub, sizeof(sub), "%s/vendor", dir);
	if (mkdir(sub, 0700))
		return -1;
	/* A trailing slash must not matter. */
	snprintf(sub, sizeof(sub), "%s/", dir);
	return KTEST(ktest_fw_setup)(sub);
}

static int teardown(void **state)
{
	static const char *const made[] = { "vendor/dev.bin", "empty.bin",     "async.bin",
					    "in-rel.bin",     "in-abs.bin",    "out-rel.bin",
					    "out-abs.bin",    "vendor/up.bin", "fifo.bin",
					    "huge.bin",	      "vendor" };
	char path[128];

	(void)state;
	for (size_t i = 0; i < sizeof(made) / sizeof(made[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, made[i]);
		remove(path);
	}
	snprintf(path, sizeof(path), "%s/secret", outside);
	remove(path);
	rmdir(outside);
	return rmdir(dir);
}

static void test_firmware_request_reads_file(void **state)
{
	static const char blob[] = "\x7f"
				   "FWIMAGE\0with\0nul bytes";
	char buf[64] = { 0 };
	unsigned long size = 0;

	(void)state;
	write_file("vendor/dev.bin", blob, sizeof(blob));
	assert_int_equal(
		KTEST(ktest_fw_load)(KFW_REQUEST, "vendor/dev.bin", buf, sizeof(buf), &size), 0);
	assert_int_equal(size, sizeof(blob));
	assert_memory_equal(buf, blob, sizeof(blob));
}

static void test_firmware_empty_file(void **state)
{
	char buf[4];
	unsigned long size = 99;

	(void)state;
	write_file("empty.bin", "", 0);
	assert_int_equal(KTEST(ktest_fw_load)(KFW_DIRECT, "empty.bin", buf, sizeof(buf), &size), 0);
	assert_int_equal(size, 0);
}

static void test_firmware_missing_is_enoent_with_one_line(void **state)
{
	char buf[4], want[160];
	unsigned long size;

	(void)state;
	nlines = 0;
	assert_int_equal(KTEST(ktest_fw_load)(KFW_REQUEST, "none.bin", buf, sizeof(buf), &size),
			 -ENOENT);
	assert_int_equal(nlines, 1);
	snprintf(want, sizeof(want), "%s/none.bin", dir);
	assert_non_null(strstr(last_line, want));
	assert_non_null(strstr(last_line, "install the firmware package or pass --firmware DIR"));
}

static void test_firmware_quiet_forms(void **state)
{
	char buf[4];
	unsigned long size;

	(void)state;
	nlines = 0;
	assert_int_equal(KTEST(ktest_fw_load)(KFW_NOWARN, "none.bin", buf, sizeof(buf), &size),
			 -ENOENT);
	assert_int_equal(KTEST(ktest_fw_load)(KFW_DIRECT, "none.bin", buf, sizeof(buf), &size),
			 -ENOENT);
	assert_int_equal(nlines, 0);
	/* A directory is not a firmware file. */
	assert_int_equal(KTEST(ktest_fw_load)(KFW_NOWARN, "vendor", buf, sizeof(buf), &size),
			 -EISDIR);
}

static void test_firmware_nowait_calls_back(void **state)
{
	char first = 0;

	(void)state;
	write_file("async.bin", "ABCDE", 5);
	assert_int_equal(KTEST(ktest_fw_nowait)("async.bin", &first), 5);
	assert_int_equal(first, 'A');
	nlines = 0;
	assert_int_equal(KTEST(ktest_fw_nowait)("none.bin", &first), -1);
	assert_int_equal(nlines, 1);
}

static void test_firmware_bad_names_are_einval_with_one_line(void **state)
{
	static const char *const bad[] = {
		"",   "/etc/hostname", "../../etc/hostname", "vendor/../../x",
		"..", "a/..",	       "a/../dev.bin"
	};
	char buf[4];
	unsigned long size;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		nlines = 0;
		assert_int_equal(KTEST(ktest_fw_load)(KFW_REQUEST, bad[i], buf, sizeof(buf), &size),
				 -EINVAL);
		assert_int_equal(nlines, 1);
		assert_non_null(strstr(last_line, "refused"));
		/* The quiet forms refuse too, and say so: no firmware is missing here. */
		nlines = 0;
		assert_int_equal(KTEST(ktest_fw_load)(KFW_NOWARN, bad[i], buf, sizeof(buf), &size),
				 -EINVAL);
		assert_int_equal(nlines, 1);
	}
	/* The door refuses them on its own as well. */
	assert_false(uh_file_name_ok("../x"));
	assert_false(uh_file_name_ok("/x"));
	assert_false(uh_file_name_ok(""));
	assert_true(uh_file_name_ok("a..b/..c/d.."));
	assert_true(uh_file_name_ok("vendor//dev.bin"));
}

static void make_link(const char *target, const char *name)
{
	char path[128];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	remove(path);
	assert_int_equal(symlink(target, path), 0);
}

/* Both ways the door opens a file: openat2 beneath the directory, and realpath. */
static void check_symlinks(bool fallback)
{
	char buf[64] = { 0 }, target[160];
	unsigned long size = 0;

	uh_file_set_fallback(fallback);
	write_file("vendor/dev.bin", "DEV", 3);
	/* Debian's /lib/firmware has both kinds of link inside it. */
	make_link("vendor/dev.bin", "in-rel.bin");
	snprintf(target, sizeof(target), "%s/vendor/dev.bin", dir);
	make_link(target, "in-abs.bin");
	assert_int_equal(KTEST(ktest_fw_load)(KFW_REQUEST, "in-rel.bin", buf, sizeof(buf), &size),
			 0);
	assert_int_equal(size, 3);
	assert_int_equal(KTEST(ktest_fw_load)(KFW_REQUEST, "in-abs.bin", buf, sizeof(buf), &size),
			 0);
	assert_memory_equal(buf, "DEV", 3);

	/* Out by an absolute link, by a relative one, from a subdirectory. */
	snprintf(target, sizeof(target), "%s/secret", outside);
	make_link(target, "out-abs.bin");
	snprintf(target, sizeof(target), "..%s/secret", outside + strlen("/tmp"));
	make_link(target, "out-rel.bin");
	snprintf(target, sizeof(target), "../..%s/secret", outside + strlen("/tmp"));
	make_link(target, "vendor/up.bin");
	static const char *const out[] = { "out-abs.bin", "out-rel.bin", "vendor/up.bin" };
	for (size_t i = 0; i < sizeof(out) / sizeof(out[0]); i++) {
		nlines = 0;
		memset(buf, 0, sizeof(buf));
		assert_int_equal(KTEST(ktest_fw_load)(KFW_REQUEST, out[i], buf, sizeof(buf), &size),
				 -EACCES);
		assert_int_equal(nlines, 1);
		assert_non_null(strstr(last_line, "leads outside"));
		assert_null(strstr(buf, "secret"));
	}
	uh_file_set_fallback(false);
}

static void test_firmware_symlinks_stay_inside(void **state)
{
	(void)state;
	check_symlinks(false);
}

static void test_firmware_symlinks_stay_inside_without_openat2(void **state)
{
	(void)state;
	check_symlinks(true);
}

static void test_firmware_fifo_is_refused_not_waited_on(void **state)
{
	char path[128], buf[4];
	unsigned long size;

	(void)state;
	snprintf(path, sizeof(path), "%s/fifo.bin", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	/* Without O_NONBLOCK the open would wait for a writer forever. */
	nlines = 0;
	assert_int_equal(KTEST(ktest_fw_load)(KFW_REQUEST, "fifo.bin", buf, sizeof(buf), &size),
			 -EINVAL);
	assert_int_equal(nlines, 1);
	assert_non_null(strstr(last_line, "a FIFO, not a regular file"));
	uh_file_set_fallback(true);
	assert_int_equal(KTEST(ktest_fw_load)(KFW_NOWARN, "fifo.bin", buf, sizeof(buf), &size),
			 -EINVAL);
	uh_file_set_fallback(false);
}

static void test_firmware_size_limit(void **state)
{
	char path[128], buf[4];
	unsigned long size;
	int fd;

	(void)state;
	snprintf(path, sizeof(path), "%s/huge.bin", dir);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	/* Sparse: no disk and no memory spent on the refusal. */
	assert_int_equal(ftruncate(fd, (off_t)UHOST_FILE_MAX + 1), 0);
	close(fd);
	nlines = 0;
	assert_int_equal(KTEST(ktest_fw_load)(KFW_REQUEST, "huge.bin", buf, sizeof(buf), &size),
			 -EFBIG);
	assert_int_equal(nlines, 1);
	assert_non_null(strstr(last_line, "more than the 64 MiB"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_firmware_request_reads_file),
		cmocka_unit_test(test_firmware_empty_file),
		cmocka_unit_test(test_firmware_missing_is_enoent_with_one_line),
		cmocka_unit_test(test_firmware_quiet_forms),
		cmocka_unit_test(test_firmware_nowait_calls_back),
		cmocka_unit_test(test_firmware_bad_names_are_einval_with_one_line),
		cmocka_unit_test(test_firmware_symlinks_stay_inside),
		cmocka_unit_test(test_firmware_symlinks_stay_inside_without_openat2),
		cmocka_unit_test(test_firmware_fifo_is_refused_not_waited_on),
		cmocka_unit_test(test_firmware_size_limit),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
