// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_firmware.c - request_firmware() (shim/drivers/base/firmware.c,
 * kernel/file.c) on files in a temporary directory: contents and size,
 * empty files, a missing file's -ENOENT and its one line naming the path
 * and the fix, the quiet forms, and request_firmware_nowait's callback.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "uhost.h"
#include "kworld/ktest.h"

static char dir[64];
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

	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/uldd-fw-XXXXXX");
	if (!mkdtemp(dir))
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
	static const char *const made[] = { "vendor/dev.bin", "empty.bin", "async.bin", "vendor" };
	char path[128];

	(void)state;
	for (size_t i = 0; i < sizeof(made) / sizeof(made[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, made[i]);
		remove(path);
	}
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_firmware_request_reads_file),
		cmocka_unit_test(test_firmware_empty_file),
		cmocka_unit_test(test_firmware_missing_is_enoent_with_one_line),
		cmocka_unit_test(test_firmware_quiet_forms),
		cmocka_unit_test(test_firmware_nowait_calls_back),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
