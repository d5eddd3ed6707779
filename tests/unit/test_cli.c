// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_cli.c - runs the built uldd command against a fake sysfs tree
 * (ULDD_SYSFS_ROOT, ULDD_DEV_ROOT) and checks its output and exit codes:
 * 0 done, 1 failed with one line on stderr, 2 usage. 'uldd stats' asks a
 * control socket this process serves with a fake report (ULDD_RUN_DIR).
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "../../include/linux-compat/uldd/abi.h"
#include "ctl.h"
#include "fakesys.h"
#include "internal.h"
#include "runcmd.h"
#include "uldd.h"

/* The ABI these headers give a driver, as "2.0", and the library's soname. */
#define ABI_STR2(x) #x
#define ABI_STR(x) ABI_STR2(x)
#define ABI_NOW ABI_STR(ULDD_ABI_MAJOR) "." ABI_STR(ULDD_ABI_MINOR)
#define LIBULDD_SONAME "libuldd.so." ABI_STR(ULDD_ABI_MAJOR)

#ifndef ULDD_BIN
#define ULDD_BIN "build/bin/uldd"
#endif

static struct fakesys fs;

#define run_uldd(r, root, ...) run_argv(r, root, fs.dev, (const char *const[]){ __VA_ARGS__, NULL })

/* The line of text that contains needle, without its newline. */
static void line_with(const char *text, const char *needle, char *buf, size_t len)
{
	const char *p = strstr(text, needle), *start, *end;

	if (!p)
		fail_msg("no line with '%s' in:\n%s", needle, text);
	for (start = p; start > text && start[-1] != '\n'; start--)
		;
	end = strchr(p, '\n');
	if (!end)
		end = p + strlen(p);
	snprintf(buf, len, "%.*s", (int)(end - start), start);
}

static int setup(void **state)
{
	(void)state;
	if (fakesys_create(&fs) || fakesys_add_driver(&fs, "e1000") ||
	    fakesys_add_driver(&fs, "vfio-pci") ||
	    fakesys_add_device(&fs, "0000:00:03.0", 0x8086, 0x100e, 0x020000, "e1000", 3) ||
	    fakesys_add_device(&fs, "0000:00:04.0", 0x1234, 0x11e8, 0x00ff00, "vfio-pci", 4) ||
	    fakesys_add_device(&fs, "0000:00:02.0", 0x10ec, 0x8139, 0x020000, NULL, -1) ||
	    fakesys_add_device(&fs, "0001:3a:00.1", 0x8086, 0x10d3, 0x020000, "e1000", 12) ||
	    fakesys_add_device(&fs, "0001:3a:00.0", 0x8086, 0x10d3, 0x020000, "vfio-pci", 12))
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	fakesys_destroy(&fs);
	return 0;
}

static void test_cli_list_shows_fake_devices(void **state)
{
	struct run r;
	char line[256];

	(void)state;
	run_uldd(&r, fs.sys, "list");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "");
	assert_int_equal(count_lines(r.out), 6); /* a title and five devices */
	assert_has(r.out, "ADDRESS");
	line_with(r.out, "0000:00:03.0", line, sizeof(line));
	assert_has(line, "8086:100e");
	assert_has(line, " e1000 ");
	assert_has(line, " 3 ");
	line_with(r.out, "0000:00:04.0", line, sizeof(line));
	assert_has(line, "1234:11e8");
	assert_has(line, " vfio-pci ");
	assert_has(line, " 4 ");
	line_with(r.out, "0000:00:02.0", line, sizeof(line));
	assert_has(line, "10ec:8139");
	assert_has(line, " -  "); /* no driver, no group */
	line_with(r.out, "0001:3a:00.1", line, sizeof(line));
	assert_has(line, " 12 ");
}

static void test_cli_list_sorted_and_aligned(void **state)
{
	static const char *const order[] = { "0000:00:02.0", "0000:00:03.0", "0000:00:04.0",
					     "0001:3a:00.0", "0001:3a:00.1" };
	const char *title, *line;
	struct run r;
	long col;

	(void)state;
	run_uldd(&r, fs.sys, "list");
	assert_int_equal(r.status, 0);
	title = r.out;
	col = strstr(title, "DRIVER") - title;
	line = strchr(title, '\n') + 1;
	for (size_t i = 0; i < UH_ARRAY_SIZE(order); i++) {
		assert_true(!strncmp(line, order[i], strlen(order[i])));
		/* Every driver column starts under the title's. */
		assert_true(line[col - 1] == ' ' && line[col] != ' ');
		line = strchr(line, '\n') + 1;
	}
}

static void test_cli_list_without_sysfs_fails(void **state)
{
	struct run r;

	(void)state;
	run_uldd(&r, "/nonexistent-uldd-sys", "list");
	assert_int_equal(r.status, 1);
	assert_int_equal(count_lines(r.err), 1);
	assert_has(r.err, "uldd: cannot read /nonexistent-uldd-sys/bus/pci/devices");
	assert_has(r.err, "is sysfs mounted");
}

static void test_cli_list_takes_no_arguments(void **state)
{
	struct run r;

	(void)state;
	run_uldd(&r, fs.sys, "list", "00:03.0");
	assert_int_equal(r.status, 2);
}

static void test_cli_bind_unknown_device_fails(void **state)
{
	struct run r;

	(void)state;
	run_uldd(&r, fs.sys, "bind", "99:00.0");
	assert_int_equal(r.status, 1);
	assert_string_equal(r.out, "");
	assert_int_equal(count_lines(r.err), 1);
	assert_has(r.err, "uldd: no PCI device at 0000:99:00.0: 'uldd list' shows");
}

static void test_cli_bind_bad_address_fails(void **state)
{
	struct run r;

	(void)state;
	run_uldd(&r, fs.sys, "bind", "0:3.0");
	assert_int_equal(r.status, 1);
	assert_int_equal(count_lines(r.err), 1);
	assert_has(r.err, "'0:3.0' is not a PCI address");
}

static void test_cli_bind_already_bound_succeeds(void **state)
{
	struct run r;

	(void)state;
	run_uldd(&r, fs.sys, "bind", "00:04.0");
	assert_int_equal(r.status, 0);
	assert_has(r.out, "0000:00:04.0 is already bound to vfio-pci (IOMMU group 4)");
}

static void test_cli_bind_warns_about_group_peers(void **state)
{
	struct run r;

	(void)state;
	run_uldd(&r, fs.sys, "bind", "0001:3a:00.0");
	assert_int_equal(r.status, 0);
	assert_has(r.out, "already bound");
	assert_int_equal(count_lines(r.err), 1);
	assert_has(r.err, "uldd: warning: IOMMU group 12 also holds 0001:3a:00.1, bound to e1000");
	assert_has(r.err, "run 'uldd bind 0001:3a:00.1' too");
}

static void test_cli_bind_one_bad_address_fails_all(void **state)
{
	struct run r;

	(void)state;
	run_uldd(&r, fs.sys, "bind", "00:04.0", "99:00.0");
	assert_int_equal(r.status, 1);
	assert_has(r.out, "already bound");
	assert_has(r.err, "0000:99:00.0");
}

static void test_cli_bind_no_iommu_group_fails(void **state)
{
	struct run r;

	(void)state;
	run_uldd(&r, fs.sys, "bind", "00:02.0");
	assert_int_equal(r.status, 1);
	assert_int_equal(count_lines(r.err), 1);
	assert_has(r.err, "0000:00:02.0 has no IOMMU group");
}

static void test_cli_bind_without_address_is_usage(void **state)
{
	struct run r;

	(void)state;
	run_uldd(&r, fs.sys, "bind");
	assert_int_equal(r.status, 2);
	assert_has(r.err, "usage: uldd bind ADDR...");
}

static void test_cli_unbind_not_on_vfio_succeeds(void **state)
{
	struct run r;

	(void)state;
	run_uldd(&r, fs.sys, "unbind", "00:03.0");
	assert_int_equal(r.status, 0);
	assert_has(r.out, "0000:00:03.0 is not bound to vfio-pci (its driver: e1000)");
}

static void test_cli_info_names_the_fix(void **state)
{
	struct run r;

	(void)state;
	run_uldd(&r, fs.sys, "info", "00:03.0");
	assert_int_equal(r.status, 1);
	assert_string_equal(
		r.err,
		"uldd: 0000:00:03.0 is bound to e1000: run 'uldd bind 0000:00:03.0' first\n");
}

static void test_cli_unknown_command_exits_2(void **state)
{
	struct run r;

	(void)state;
	run_uldd(&r, fs.sys, "frob");
	assert_int_equal(r.status, 2);
	assert_string_equal(r.out, "");
	assert_string_equal(r.err,
			    "uldd: unknown command 'frob': 'uldd --help' lists the commands\n");
}

static void test_cli_no_command_exits_2(void **state)
{
	struct run r;

	(void)state;
	run_argv(&r, fs.sys, fs.dev, (const char *const[]){ NULL });
	assert_int_equal(r.status, 2);
	assert_has(r.err, "usage: uldd");
}

static void test_cli_unknown_option_exits_2(void **state)
{
	struct run r;

	(void)state;
	run_uldd(&r, fs.sys, "--frob");
	assert_int_equal(r.status, 2);
	assert_has(r.err, "unknown option '--frob'");
	run_uldd(&r, fs.sys, "list", "-x");
	assert_int_equal(r.status, 2);
	assert_has(r.err, "usage: uldd list");
}

static void test_cli_run_firmware_needs_a_directory(void **state)
{
	struct run r;

	(void)state;
	run_uldd(&r, fs.sys, "run", "drv.so", "--firmware");
	assert_int_equal(r.status, 2);
	assert_has(r.err, "--firmware needs a directory");
	assert_has(r.err, "[--firmware DIR]");
}

static void test_cli_run_ifname_is_checked(void **state)
{
	struct run r;

	(void)state;
	run_uldd(&r, fs.sys, "run", "drv.so", "--ifname", "a name");
	assert_int_equal(r.status, 2);
	assert_has(r.err, "--ifname 'a name': give 1 to 15 characters, no '/' or spaces");
	assert_has(r.err, "[--ifname NAME]");
	run_uldd(&r, fs.sys, "run", "drv.so", "--ifname", "eth0/1");
	assert_int_equal(r.status, 2);
	run_uldd(&r, fs.sys, "run", "drv.so", "--ifname");
	assert_int_equal(r.status, 2);
	assert_has(r.err, "--ifname needs an interface name");
}

/*
 * The restart policy's options belong to the supervisor: refused without
 * --restart, their values checked by 'uldd run --restart' and 'uldd
 * supervise' before anything starts.
 */
static void test_cli_restart_policy_options(void **state)
{
	struct run r;

	(void)state;
	run_uldd(&r, fs.sys, "run", "drv.so", "--start-limit-burst", "10");
	assert_int_equal(r.status, 2);
	assert_has(r.err, "--start-limit-burst sets when a crashed driver restarts: add --restart");
	run_uldd(&r, fs.sys, "run", "drv.so", "--restart", "--restart-sec", "0");
	assert_int_equal(r.status, 2);
	assert_has(r.err, "--restart-sec takes 0.001 to 86400 (seconds)");
	run_uldd(&r, fs.sys, "supervise", "drv.so", "--start-limit-interval-sec", "soon");
	assert_int_equal(r.status, 2);
	assert_has(r.err, "--start-limit-interval-sec takes 0 (no limit) to 86400 (seconds)");
	assert_has(r.err, "usage: uldd supervise");
}

/*
 * 'uldd modinfo' reads samples/edu.so without running it: its license,
 * the alias of its one PCI ID (QEMU's edu, 1234:11e8), its parameters
 * with description and type; -F picks one field. A file that is no
 * driver gets one line.
 */
static void test_cli_modinfo(void **state)
{
	struct run r;

	(void)state;
	run_uldd(&r, fs.sys, "modinfo", ULDD_SAMPLES "/edu.so");
	assert_int_equal(r.status, 0);
	assert_has(r.out, "filename:       " ULDD_SAMPLES "/edu.so\n");
	assert_has(r.out, "license:        GPL\n");
	assert_has(r.out, "alias:          pci:v00001234d000011E8sv*sd*bc*sc*i*\n");
	assert_has(r.out, "parm:           rounds:interrupts to raise and time (int)\n");
	assert_has(r.out, "abi:            uldd " ABI_NOW "\n");
	run_uldd(&r, fs.sys, "modinfo", "-F", "alias", ULDD_SAMPLES "/edu.so");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "pci:v00001234d000011E8sv*sd*bc*sc*i*\n");
	run_uldd(&r, fs.sys, "modinfo", ULDD_SAMPLES "/../.sanitize");
	assert_int_equal(r.status, 1);
	assert_has(r.err, "not a driver .so (an ELF64 shared object) of this machine");
	run_uldd(&r, fs.sys, "modinfo", ULDD_BIN);
	assert_int_equal(r.status, 1);
	assert_has(r.err, "no .modinfo section");
	run_uldd(&r, fs.sys, "modinfo");
	assert_int_equal(r.status, 2);
}

static void assert_untouched(const char *addr, const char *driver);

/*
 * A copy of samples/edu.so at path with the first occurrence of from
 * (len bytes, as found in the file) replaced by to.
 */
static void patched_sample(const char *path, const void *from, const void *to, size_t len)
{
	static char buf[4 << 20];
	FILE *in = fopen(ULDD_SAMPLES "/edu.so", "rb"), *out;
	size_t n;
	char *at = NULL;

	assert_non_null(in);
	n = fread(buf, 1, sizeof(buf), in);
	fclose(in);
	assert_true(n > 0 && n < sizeof(buf));
	for (size_t i = 0; i + len <= n && !at; i++)
		if (!memcmp(buf + i, from, len))
			at = buf + i;
	assert_non_null(at);
	memcpy(at, to, len);
	out = fopen(path, "wb");
	assert_non_null(out);
	assert_int_equal(fwrite(buf, 1, n, out), n);
	assert_int_equal(fclose(out), 0);
}

/* The note's name and description: owner "uldd", an ABI version (x86-64). */
static void abi_note(char n[16], unsigned char major, unsigned char minor)
{
	memset(n, 0, 16);
	memcpy(n, "uldd", 4);
	n[8] = (char)major;
	n[12] = (char)minor;
}

/*
 * 'uldd run' loads a driver only when what it was built for is what this
 * library provides: the note its headers left (vermagic) and the
 * version nodes of the functions it calls. Otherwise one line names both
 * versions and the fix, before anything is opened; the device stays bound.
 */
static void test_cli_run_refuses_another_abi(void **state)
{
	char now[16], next[16], prev[16], later[16];
	char path[PATH_MAX], want[256], node[16], node7[16];
	struct run r;

	(void)state;
	abi_note(now, ULDD_ABI_MAJOR, ULDD_ABI_MINOR);
	abi_note(next, ULDD_ABI_MAJOR + 1, 0);
	abi_note(prev, ULDD_ABI_MAJOR - 1, 0);
	abi_note(later, ULDD_ABI_MAJOR, 13);
	/* A later major version: a newer uldd would run it. */
	snprintf(path, sizeof(path), "%s/abi-next.so", fs.top);
	patched_sample(path, now, next, sizeof(now));
	run_uldd(&r, fs.sys, "run", path, "--device", "00:04.0");
	assert_int_equal(r.status, 1);
	assert_int_equal(count_lines(r.err), 1);
	snprintf(want, sizeof(want),
		 "abi-next.so was built for uldd ABI %d.0, and this " LIBULDD_SONAME
		 " provides " ABI_NOW ": install a uldd",
		 ULDD_ABI_MAJOR + 1);
	assert_has(r.err, want);
	assert_untouched("0000:00:04.0", "vfio-pci");
	run_uldd(&r, fs.sys, "modinfo", "-F", "abi", path);
	snprintf(want, sizeof(want), "uldd %d.0\n", ULDD_ABI_MAJOR + 1);
	assert_string_equal(r.out, want);

	/* The major version before: built for the old library, never run here. */
	snprintf(path, sizeof(path), "%s/abi-prev.so", fs.top);
	patched_sample(path, now, prev, sizeof(now));
	run_uldd(&r, fs.sys, "run", path, "--device", "00:04.0");
	assert_int_equal(r.status, 1);
	assert_int_equal(count_lines(r.err), 1);
	snprintf(want, sizeof(want),
		 "abi-prev.so was built for uldd ABI %d.0, and this " LIBULDD_SONAME
		 " provides " ABI_NOW ": rebuild the driver against these headers\n",
		 ULDD_ABI_MAJOR - 1);
	assert_has(r.err, want);
	assert_untouched("0000:00:04.0", "vfio-pci");

	snprintf(path, sizeof(path), "%s/abi-later.so", fs.top);
	patched_sample(path, now, later, sizeof(now));
	run_uldd(&r, fs.sys, "run", path, "--device", "00:04.0", "--restart");
	assert_int_equal(r.status, 1);
	snprintf(want, sizeof(want),
		 "built for uldd ABI %d.13, and this " LIBULDD_SONAME " provides " ABI_NOW
		 ": install a uldd",
		 ULDD_ABI_MAJOR);
	assert_has(r.err, want);

	/* Its calls need a node this library does not have. */
	snprintf(node, sizeof(node), "ULDD_%d.0", ULDD_ABI_MAJOR);
	snprintf(node7, sizeof(node7), "ULDD_%d.7", ULDD_ABI_MAJOR);
	snprintf(path, sizeof(path), "%s/abi-node.so", fs.top);
	patched_sample(path, node, node7, strlen(node));
	run_uldd(&r, fs.sys, "run", path, "--device", "00:04.0");
	assert_int_equal(r.status, 1);
	snprintf(want, sizeof(want),
		 "abi-node.so needs " LIBULDD_SONAME "'s %s, which this uldd (ABI " ABI_NOW ")",
		 node7);
	assert_has(r.err, want);

	/* No note at all: not built against these headers. */
	snprintf(path, sizeof(path), "%s/abi-none.so", fs.top);
	patched_sample(path, ".note.uldd.abi", ".note.xxxx.abi", 14);
	run_uldd(&r, fs.sys, "run", path, "--device", "00:04.0");
	assert_int_equal(r.status, 1);
	assert_has(r.err, "abi-none.so records no uldd ABI version");
	run_uldd(&r, fs.sys, "modinfo", "-F", "abi", path);
	assert_string_equal(r.out, "");
}

/* Nothing a refused 'uldd run' could have touched has changed. */
static void assert_untouched(const char *addr, const char *driver)
{
	char rel[128], buf[64];

	snprintf(rel, sizeof(rel), "bus/pci/devices/%s/driver_override", addr);
	assert_int_equal(fakesys_read(&fs, rel, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "(null)");
	assert_int_equal(uh_sysfs_driver(addr, buf, sizeof(buf)), 0);
	assert_string_equal(buf, driver);
}

static void test_cli_run_device_malformed_is_usage(void **state)
{
	static const char *const bad[] = { "zz",      "0:3.0",	 "00:03",
					   "00:20.0", "00:03.8", "0000:00:03.0x" };
	struct run r;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char want[128];

		run_uldd(&r, fs.sys, "run", "drv.so", "--device", bad[i]);
		assert_int_equal(r.status, 2);
		assert_int_equal(count_lines(r.err), 1);
		snprintf(want, sizeof(want), "uldd: --device '%s' is not a PCI address: ", bad[i]);
		assert_has(r.err, want);
		assert_has(r.err, "DDDD:BB:DD.F or BB:DD.F in hex");
	}
}

static void test_cli_run_device_missing_points_at_lspci(void **state)
{
	struct run r;

	(void)state;
	run_uldd(&r, fs.sys, "run", "drv.so", "--device", "00:1E.0");
	assert_int_equal(r.status, 1);
	assert_string_equal(
		r.err,
		"uldd: no PCI device at 0000:00:1e.0: 'lspci -D' lists the addresses there are\n");
}

static void test_cli_run_device_not_on_vfio_names_its_driver(void **state)
{
	struct run r;

	(void)state;
	/* The short form and upper case name the same device as 'uldd list' does. */
	run_uldd(&r, fs.sys, "run", "drv.so", "--device", "0001:3A:00.1");
	assert_int_equal(r.status, 1);
	assert_string_equal(
		r.err,
		"uldd: 0001:3a:00.1 is bound to e1000, not vfio-pci: run 'uldd bind 0001:3a:00.1' first\n");
	assert_untouched("0001:3a:00.1", "e1000");
	run_uldd(&r, fs.sys, "run", "drv.so", "--device", "00:02.0");
	assert_int_equal(r.status, 1);
	assert_string_equal(
		r.err,
		"uldd: 0000:00:02.0 is bound to no driver, not vfio-pci: run 'uldd bind 0000:00:02.0' first\n");
	assert_untouched("0000:00:02.0", "");
	/* Every device is checked, not only the first. */
	run_uldd(&r, fs.sys, "run", "drv.so", "--device", "00:04.0", "--device", "00:03.0");
	assert_int_equal(r.status, 1);
	assert_has(r.err, "0000:00:03.0 is bound to e1000, not vfio-pci");
}

static void test_cli_run_device_busy_names_the_holder(void **state)
{
	char path[PATH_MAX], want[160];
	struct run r;
	int fd;

	(void)state;
	/* This process holds the group as another 'uldd run' would. */
	assert_int_equal(fakesys_add_devnode(&fs, 4), 0);
	snprintf(path, sizeof(path), "%s/vfio/4", fs.dev);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	assert_true(fd >= 0);
	run_uldd(&r, fs.sys, "run", "drv.so", "--device", "00:04.0");
	close(fd);
	assert_int_equal(r.status, 1);
	assert_int_equal(count_lines(r.err), 1);
	snprintf(want, sizeof(want), "uldd: 0000:00:04.0 is in use by process %d (", (int)getpid());
	assert_has(r.err, want);
	assert_has(r.err, "stop that process first");
	assert_untouched("0000:00:04.0", "vfio-pci");

	/* Let go: the checks pass and uldd goes on to load the driver. */
	run_uldd(&r, fs.sys, "run", "no-such-drv.so", "--device", "00:04.0");
	assert_int_equal(r.status, 1);
	assert_has(r.err, "cannot load no-such-drv.so");
	assert_null(strstr(r.err, "0000:00:04.0"));
	unlink(path);
}

/* ULDD_RUN_DIR for the commands run from here on: <top>/<name>. */
static void set_run_dir(char *buf, size_t len, const char *name)
{
	snprintf(buf, len, "%s/%s", fs.top, name);
	setenv("ULDD_RUN_DIR", buf, 1);
}

static void test_cli_stats_without_a_server_fails(void **state)
{
	char dir[300];
	struct run r;

	(void)state;
	set_run_dir(dir, sizeof(dir), "run-empty");
	assert_int_equal(mkdir(dir, 0700), 0);
	run_uldd(&r, fs.sys, "stats", "nosuch");
	assert_int_equal(r.status, 1);
	assert_string_equal(r.out, "");
	assert_string_equal(
		r.err,
		"uldd: no uldd process serves nosuch: start it with 'uldd run DRIVER.so --ifname nosuch'\n");
	/* No folder at all: nobody ever ran; the same line. */
	set_run_dir(dir, sizeof(dir), "run-none");
	run_uldd(&r, fs.sys, "stats", "nosuch");
	assert_int_equal(r.status, 1);
	assert_int_equal(count_lines(r.err), 1);
	assert_has(r.err, "no uldd process serves nosuch");
	unsetenv("ULDD_RUN_DIR");
}

static long fake_report(const char *ifname, char *buf, unsigned long len)
{
	if (strcmp(ifname, "fake0"))
		return -ENODEV;
	return snprintf(buf, len, "driver: fake\nlink: up\n");
}

static void test_cli_stats_asks_the_server(void **state)
{
	struct tool_ctl *ctl;
	char dir[300];
	struct run r;

	(void)state;
	set_run_dir(dir, sizeof(dir), "run");
	assert_int_equal(tool_ctl_start(dir, fake_report, &ctl), 0);
	run_uldd(&r, fs.sys, "stats", "fake0");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "");
	assert_string_equal(r.out, "driver: fake\nlink: up\n");
	run_uldd(&r, fs.sys, "stats", "other0");
	assert_int_equal(r.status, 1);
	assert_has(r.err, "no uldd process serves other0");
	tool_ctl_stop(ctl);
	unsetenv("ULDD_RUN_DIR");
}

static void test_cli_stats_usage(void **state)
{
	struct run r;

	(void)state;
	run_uldd(&r, fs.sys, "stats");
	assert_int_equal(r.status, 2);
	assert_has(r.err, "usage: uldd stats IFNAME");
	run_uldd(&r, fs.sys, "stats", "a/b");
	assert_int_equal(r.status, 2);
	assert_has(r.err, "'a/b' is not an interface name");
	run_uldd(&r, fs.sys, "stats", "eth0", "eth1");
	assert_int_equal(r.status, 2);
}

static void test_cli_help_lists_commands(void **state)
{
	static const char *const cmds[] = { "list",	 "bind ADDR...", "unbind ADDR...",
					    "info ADDR", "stats IFNAME", "help [COMMAND]" };
	struct run r;

	(void)state;
	run_uldd(&r, fs.sys, "--help");
	assert_int_equal(r.status, 0);
	for (size_t i = 0; i < UH_ARRAY_SIZE(cmds); i++)
		assert_has(r.out, cmds[i]);
	assert_has(r.out,
		   "Exit status: 0 success, 1 failure, 2 wrong usage, 3 every probe refused");
}

static void test_cli_help_command(void **state)
{
	struct run r;

	(void)state;
	run_uldd(&r, fs.sys, "help", "bind");
	assert_int_equal(r.status, 0);
	assert_has(r.out, "usage: uldd bind ADDR...");
	assert_has(r.out, "driver_override");
	run_uldd(&r, fs.sys, "unbind", "--help");
	assert_int_equal(r.status, 0);
	assert_has(r.out, "usage: uldd unbind ADDR...");
	run_uldd(&r, fs.sys, "help", "frob");
	assert_int_equal(r.status, 2);
	assert_has(r.err, "no command 'frob'");
}

/*
 * A probe that refused every device is exit 3, apart from 1: run and
 * supervise say so, and autoprobe that it then tries the next driver.
 * (A real refusal needs a device: tests/vm/t-autoprobe.sh.)
 */
static void test_cli_help_exit_nodev(void **state)
{
	struct run r;

	(void)state;
	assert_int_equal(ULDD_EXIT_NODEV, 3);
	run_uldd(&r, fs.sys, "help", "run");
	assert_int_equal(r.status, 0);
	assert_has(r.out, "Exits 3 when the\ndriver's probe refused every device it was offered");
	run_uldd(&r, fs.sys, "help", "supervise");
	assert_int_equal(r.status, 0);
	assert_has(r.out, "3) is not restarted: it would refuse again; the supervisor exits 3 too");
	run_uldd(&r, fs.sys, "help", "autoprobe");
	assert_int_equal(r.status, 0);
	assert_has(r.out, "makes way for the next that matches");
}

static void test_cli_version(void **state)
{
	struct run r;

	(void)state;
	run_uldd(&r, fs.sys, "--version");
	assert_int_equal(r.status, 0);
	assert_true(!strncmp(r.out, "uldd ", 5));
	assert_has(r.out, "host interface version");
	assert_int_equal(count_lines(r.out), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cli_list_shows_fake_devices),
		cmocka_unit_test(test_cli_list_sorted_and_aligned),
		cmocka_unit_test(test_cli_list_without_sysfs_fails),
		cmocka_unit_test(test_cli_list_takes_no_arguments),
		cmocka_unit_test(test_cli_bind_unknown_device_fails),
		cmocka_unit_test(test_cli_bind_bad_address_fails),
		cmocka_unit_test(test_cli_bind_already_bound_succeeds),
		cmocka_unit_test(test_cli_bind_warns_about_group_peers),
		cmocka_unit_test(test_cli_bind_one_bad_address_fails_all),
		cmocka_unit_test(test_cli_bind_no_iommu_group_fails),
		cmocka_unit_test(test_cli_bind_without_address_is_usage),
		cmocka_unit_test(test_cli_unbind_not_on_vfio_succeeds),
		cmocka_unit_test(test_cli_info_names_the_fix),
		cmocka_unit_test(test_cli_unknown_command_exits_2),
		cmocka_unit_test(test_cli_no_command_exits_2),
		cmocka_unit_test(test_cli_unknown_option_exits_2),
		cmocka_unit_test(test_cli_run_firmware_needs_a_directory),
		cmocka_unit_test(test_cli_run_ifname_is_checked),
		cmocka_unit_test(test_cli_restart_policy_options),
		cmocka_unit_test(test_cli_modinfo),
		cmocka_unit_test(test_cli_run_refuses_another_abi),
		cmocka_unit_test(test_cli_run_device_malformed_is_usage),
		cmocka_unit_test(test_cli_run_device_missing_points_at_lspci),
		cmocka_unit_test(test_cli_run_device_not_on_vfio_names_its_driver),
		cmocka_unit_test(test_cli_run_device_busy_names_the_holder),
		cmocka_unit_test(test_cli_stats_without_a_server_fails),
		cmocka_unit_test(test_cli_stats_asks_the_server),
		cmocka_unit_test(test_cli_stats_usage),
		cmocka_unit_test(test_cli_help_lists_commands),
		cmocka_unit_test(test_cli_help_command),
		cmocka_unit_test(test_cli_help_exit_nodev),
		cmocka_unit_test(test_cli_version),
	};

	return cmocka_run_group_tests_name("cli", tests, setup, teardown);
}
