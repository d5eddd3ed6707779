// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_autoprobe.c - 'uldd autoprobe' without a device: how an ID table
 * entry matches a device (exact IDs, PCI_ANY_ID, class masks,
 * override_only) and ranks against another, which driver of a set wins,
 * reading a folder of driver .so files (idtable.c's, built by unit.mk),
 * and the command itself on a fake sysfs tree: the --dry-run plan and
 * every failure's one line and exit code. Then the fallback to the next
 * driver when a probe refuses the device: autoprobe and supervise run in
 * a child of this process, and the processes they start run this binary
 * again as a fake 'uldd supervise' or 'uldd run' (fake_child()).
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
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

#include "autoprobe.h"
#include "fakesys.h"
#include "runcmd.h"
#include "internal.h"
#include "uldd.h"

#ifndef ULDD_BIN
#define ULDD_BIN "build/bin/uldd"
#endif
#ifndef ULDD_UNIT_BUILD
#define ULDD_UNIT_BUILD "build/tests/unit"
#endif
#ifndef ULDD_SAMPLES
#define ULDD_SAMPLES "build/samples"
#endif
#define IDTABLES ULDD_UNIT_BUILD "/idtables"

#define ANY ULDD_PCI_ANY_ID

/* QEMU's 82540EM as sysfs shows it: what e1000 drives. */
static const struct uhost_pci_info e1000_dev = {
	.addr = "0000:00:03.0",
	.vendor = 0x8086,
	.device = 0x100e,
	.subvendor = 0x1af4,
	.subdevice = 0x1100,
	.class = 0x020000,
	.vfio = 1,
};

static struct tool_pci_id id(uint32_t vendor, uint32_t device, uint32_t subvendor,
			     uint32_t subdevice, uint32_t class, uint32_t class_mask)
{
	return (struct tool_pci_id){ .vendor = vendor,
				     .device = device,
				     .subvendor = subvendor,
				     .subdevice = subdevice,
				     .class = class,
				     .class_mask = class_mask };
}

static void test_autoprobe_match_exact(void **state)
{
	struct tool_pci_id e = id(0x8086, 0x100e, ANY, ANY, 0, 0);
	struct uhost_pci_info d = e1000_dev;

	(void)state;
	assert_true(tool_ap_id_matches(&e, &d));
	d.device = 0x100f;
	assert_false(tool_ap_id_matches(&e, &d));
	d = e1000_dev;
	d.vendor = 0x10ec;
	assert_false(tool_ap_id_matches(&e, &d));
	/* Subsystem IDs named must be equal too. */
	e = id(0x8086, 0x100e, 0x1af4, 0x1100, 0, 0);
	assert_true(tool_ap_id_matches(&e, &e1000_dev));
	e.subdevice = 0x1101;
	assert_false(tool_ap_id_matches(&e, &e1000_dev));
}

static void test_autoprobe_match_any_id(void **state)
{
	struct tool_pci_id all = id(ANY, ANY, ANY, ANY, 0, 0);
	struct tool_pci_id vendor = id(0x8086, ANY, ANY, ANY, 0, 0);
	struct tool_pci_id board = id(ANY, ANY, 0x1af4, ANY, 0, 0);
	struct uhost_pci_info d = e1000_dev;

	(void)state;
	/* PCI_ANY_ID everywhere and no class mask: any device at all. */
	assert_true(tool_ap_id_matches(&all, &d));
	assert_true(tool_ap_id_matches(&vendor, &d));
	assert_true(tool_ap_id_matches(&board, &d));
	d.vendor = 0x10ec;
	d.subvendor = 0x10ec;
	d.class = 0x010802;
	assert_true(tool_ap_id_matches(&all, &d));
	assert_false(tool_ap_id_matches(&vendor, &d));
	assert_false(tool_ap_id_matches(&board, &d));
}

static void test_autoprobe_match_class_mask(void **state)
{
	struct tool_pci_id ethernet = id(ANY, ANY, ANY, ANY, 0x020000, 0xffff00);
	struct tool_pci_id network = id(ANY, ANY, ANY, ANY, 0x020000, 0xff0000);
	struct tool_pci_id nvme = id(ANY, ANY, ANY, ANY, 0x010802, 0xffffff);
	struct uhost_pci_info d = e1000_dev;

	(void)state;
	assert_true(tool_ap_id_matches(&ethernet, &d));
	assert_true(tool_ap_id_matches(&network, &d));
	assert_false(tool_ap_id_matches(&nvme, &d));
	/* The programming interface is outside the Ethernet entry's mask. */
	d.class = 0x020001;
	assert_true(tool_ap_id_matches(&ethernet, &d));
	/* Another subclass (0x80, "other network controller"): base class only. */
	d.class = 0x028000;
	assert_false(tool_ap_id_matches(&ethernet, &d));
	assert_true(tool_ap_id_matches(&network, &d));
	d.class = 0x010802;
	assert_true(tool_ap_id_matches(&nvme, &d));
	assert_false(tool_ap_id_matches(&network, &d));
	/* The class counts with the IDs, not instead of them. */
	nvme.vendor = 0x8086;
	d.vendor = 0x144d;
	assert_false(tool_ap_id_matches(&nvme, &d));
}

static void test_autoprobe_match_override_only(void **state)
{
	struct tool_pci_id e = id(0x8086, 0x100e, ANY, ANY, 0, 0);

	(void)state;
	e.override_only = 1;
	assert_false(tool_ap_id_matches(&e, &e1000_dev));
}

/* Each rank outweighs every lower one: device, subsystem, vendor, class bits. */
static void test_autoprobe_score_order(void **state)
{
	struct tool_pci_id board = id(0x8086, 0x100e, 0x1af4, 0x1100, 0, 0);
	struct tool_pci_id chip = id(0x8086, 0x100e, ANY, ANY, 0, 0);
	struct tool_pci_id chip_class = id(0x8086, 0x100e, ANY, ANY, 0x020000, 0xffffff);
	struct tool_pci_id subsys = id(ANY, ANY, 0x1af4, 0x1100, 0x020000, 0xffffff);
	struct tool_pci_id one_sub = id(ANY, ANY, 0x1af4, ANY, 0, 0);
	struct tool_pci_id vendor_class = id(0x8086, ANY, ANY, ANY, 0x020000, 0xffffff);
	struct tool_pci_id vendor = id(0x8086, ANY, ANY, ANY, 0, 0);
	struct tool_pci_id ethernet = id(ANY, ANY, ANY, ANY, 0x020000, 0xffff00);
	struct tool_pci_id network = id(ANY, ANY, ANY, ANY, 0x020000, 0xff0000);
	struct tool_pci_id all = id(ANY, ANY, ANY, ANY, 0, 0);

	(void)state;
	assert_true(tool_ap_id_score(&board) > tool_ap_id_score(&chip_class));
	assert_true(tool_ap_id_score(&chip_class) > tool_ap_id_score(&chip));
	assert_true(tool_ap_id_score(&chip) > tool_ap_id_score(&subsys));
	assert_true(tool_ap_id_score(&subsys) > tool_ap_id_score(&one_sub));
	assert_true(tool_ap_id_score(&one_sub) > tool_ap_id_score(&vendor_class));
	assert_true(tool_ap_id_score(&vendor_class) > tool_ap_id_score(&vendor));
	assert_true(tool_ap_id_score(&vendor) > tool_ap_id_score(&ethernet));
	assert_true(tool_ap_id_score(&ethernet) > tool_ap_id_score(&network));
	assert_true(tool_ap_id_score(&network) > tool_ap_id_score(&all));
	assert_int_equal(tool_ap_id_score(&all), 0);
}

static void add(struct tool_ap_set *set, const char *name, struct tool_pci_id e)
{
	assert_int_equal(tool_ap_add(set, name, &e, 1), 0);
}

static void test_autoprobe_pick_most_specific(void **state)
{
	struct tool_ap_set set = { 0 };
	struct uhost_pci_info d = e1000_dev;
	struct tool_pci_id two[2] = { id(0x8086, 0x10d3, ANY, ANY, 0, 0),
				      id(0x8086, 0x100e, ANY, ANY, 0, 0) };
	struct tool_ap_pick p;

	(void)state;
	/* Added out of name order: the score decides, not the position. */
	add(&set, "anynet.so", id(ANY, ANY, ANY, ANY, 0x020000, 0xff0000));
	add(&set, "board.so", id(0x8086, 0x100e, 0x1af4, 0x1100, 0, 0));
	add(&set, "intel.so", id(0x8086, ANY, ANY, ANY, 0, 0));
	assert_int_equal(tool_ap_add(&set, "chip.so", two, 2), 0);
	add(&set, "nvme.so", id(ANY, ANY, ANY, ANY, 0x010802, 0xffffff));

	tool_ap_pick(&set, &d, &p);
	assert_string_equal(set.drv[p.best].name, "board.so");
	assert_string_equal(set.drv[p.next].name, "chip.so");
	assert_false(p.tie);
	assert_int_equal(p.nmatch, 4);

	/* Another board: the chip's own driver, by its second entry. */
	d.subdevice = 0x0001;
	tool_ap_pick(&set, &d, &p);
	assert_string_equal(set.drv[p.best].name, "chip.so");
	assert_string_equal(set.drv[p.next].name, "intel.so");
	assert_int_equal(p.nmatch, 3);

	/* Another Intel chip: the vendor's driver before the class's. */
	d.device = 0x1234;
	tool_ap_pick(&set, &d, &p);
	assert_string_equal(set.drv[p.best].name, "intel.so");
	assert_string_equal(set.drv[p.next].name, "anynet.so");

	/* Another vendor's NIC: only the class entry is left. */
	d.vendor = 0x10ec;
	tool_ap_pick(&set, &d, &p);
	assert_string_equal(set.drv[p.best].name, "anynet.so");
	assert_int_equal(p.next, -1);
	assert_int_equal(p.nmatch, 1);
	tool_ap_free(&set);
}

static void test_autoprobe_pick_tie_by_name(void **state)
{
	struct tool_ap_set set = { 0 };
	struct tool_ap_pick p;

	(void)state;
	/* Copies of one driver under three names, in reverse order. */
	add(&set, "e1000-old.so", id(0x8086, 0x100e, ANY, ANY, 0, 0));
	add(&set, "e1000.so", id(0x8086, 0x100e, ANY, ANY, 0, 0));
	add(&set, "e1000-1.so", id(0x8086, 0x100e, ANY, ANY, 0, 0));
	tool_ap_pick(&set, &e1000_dev, &p);
	/* strcmp() order: '-' (0x2d) before '.' (0x2e). */
	assert_string_equal(set.drv[p.best].name, "e1000-1.so");
	assert_string_equal(set.drv[p.next].name, "e1000-old.so");
	assert_true(p.tie);
	assert_int_equal(p.nmatch, 3);
	tool_ap_free(&set);
}

static void test_autoprobe_pick_none(void **state)
{
	struct tool_ap_set set = { 0 };
	struct uhost_pci_info edu = { .addr = "0000:00:04.0",
				      .vendor = 0x1234,
				      .device = 0x11e8,
				      .subvendor = 0x1af4,
				      .subdevice = 0x1100,
				      .class = 0x00ff00 };
	struct tool_ap_pick p;

	(void)state;
	tool_ap_pick(&set, &edu, &p);
	assert_int_equal(p.best, -1);
	add(&set, "e1000.so", id(0x8086, 0x100e, ANY, ANY, 0, 0));
	add(&set, "anynet.so", id(ANY, ANY, ANY, ANY, 0x020000, 0xff0000));
	tool_ap_pick(&set, &edu, &p);
	assert_int_equal(p.best, -1);
	assert_int_equal(p.next, -1);
	assert_int_equal(p.nmatch, 0);
	assert_false(p.tie);
	tool_ap_free(&set);
}

/* Every match in the order autoprobe tries them; tool_ap_pick() agrees. */
static void test_autoprobe_rank_order(void **state)
{
	struct tool_ap_set set = { 0 };
	struct uhost_pci_info d = e1000_dev;
	struct tool_ap_pick p;
	int order[8];

	(void)state;
	add(&set, "anynet.so", id(ANY, ANY, ANY, ANY, 0x020000, 0xff0000));
	add(&set, "intel.so", id(0x8086, ANY, ANY, ANY, 0, 0));
	add(&set, "z-chip.so", id(0x8086, 0x100e, ANY, ANY, 0, 0));
	add(&set, "board.so", id(0x8086, 0x100e, 0x1af4, 0x1100, 0, 0));
	add(&set, "nvme.so", id(ANY, ANY, ANY, ANY, 0x010802, 0xffffff));
	add(&set, "a-chip.so", id(0x8086, 0x100e, ANY, ANY, 0, 0));

	/* By score, and between the two chip drivers by name. */
	assert_int_equal(tool_ap_rank(&set, &d, order, 8), 5);
	assert_string_equal(set.drv[order[0]].name, "board.so");
	assert_string_equal(set.drv[order[1]].name, "a-chip.so");
	assert_string_equal(set.drv[order[2]].name, "z-chip.so");
	assert_string_equal(set.drv[order[3]].name, "intel.so");
	assert_string_equal(set.drv[order[4]].name, "anynet.so");
	tool_ap_pick(&set, &d, &p);
	assert_int_equal(p.best, order[0]);
	assert_int_equal(p.next, order[1]);
	assert_int_equal(p.nmatch, 5);

	/* Room for three: the first three, and the count of all. */
	memset(order, -1, sizeof(order));
	assert_int_equal(tool_ap_rank(&set, &d, order, 3), 5);
	assert_string_equal(set.drv[order[0]].name, "board.so");
	assert_string_equal(set.drv[order[1]].name, "a-chip.so");
	assert_string_equal(set.drv[order[2]].name, "z-chip.so");
	assert_int_equal(order[3], -1);
	assert_int_equal(tool_ap_rank(&set, &d, NULL, 0), 5);

	/* The tie of the two chip drivers, once the board is another. */
	d.subdevice = 0x0001;
	assert_int_equal(tool_ap_rank(&set, &d, order, 8), 4);
	assert_string_equal(set.drv[order[0]].name, "a-chip.so");
	assert_string_equal(set.drv[order[1]].name, "z-chip.so");
	tool_ap_pick(&set, &d, &p);
	assert_true(p.tie);
	d.vendor = 0x1234;
	assert_int_equal(tool_ap_rank(&set, &d, order, 8), 1);
	assert_string_equal(set.drv[order[0]].name, "anynet.so");
	tool_ap_free(&set);
}

/* A wait status as a real child leaves it: exit code, or a signal. */
static int child_status(int code, int sig)
{
	int status;
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (pid == 0) {
		if (sig) {
			signal(sig, SIG_DFL);
			raise(sig);
		}
		_exit(code);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return status;
}

/* Only a probe's refusal makes way for the next driver, and only while one is left. */
static void test_autoprobe_next_on_refusal(void **state)
{
	int nodev = child_status(ULDD_EXIT_NODEV, 0);

	(void)state;
	assert_int_equal(tool_ap_next(nodev, 0, 3), 1);
	assert_int_equal(tool_ap_next(nodev, 1, 3), 2);
	assert_int_equal(tool_ap_next(nodev, 2, 3), -1);
	assert_int_equal(tool_ap_next(nodev, 0, 1), -1);
	/* A clean stop, a failure (a supervisor's give-up), a usage error, a crash. */
	assert_int_equal(tool_ap_next(child_status(ULDD_EXIT_OK, 0), 0, 3), -1);
	assert_int_equal(tool_ap_next(child_status(ULDD_EXIT_FAIL, 0), 0, 3), -1);
	assert_int_equal(tool_ap_next(child_status(ULDD_EXIT_USAGE, 0), 0, 3), -1);
	assert_int_equal(tool_ap_next(child_status(0, SIGTERM), 0, 3), -1);
	/* SIGQUIT, whose number is 3, is no exit 3. */
	assert_int_equal(tool_ap_next(child_status(0, SIGQUIT), 0, 3), -1);
}

/* A temporary folder for driver files; removed by rm_dir(). */
static void make_dir(char *dir, size_t len)
{
	const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";

	snprintf(dir, len, "%s/uldd-autoprobe-XXXXXX", tmp);
	assert_non_null(mkdtemp(dir));
}

static void link_in(const char *dir, const char *target, const char *name)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (access(target, R_OK))
		fail_msg("%s is not built: run 'make unit-check'", target);
	assert_int_equal(symlink(target, path), 0);
}

static void put_file(const char *dir, const char *name, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void rm_dir(const char *dir)
{
	char cmd[600];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

/*
 * A folder as users have them: drivers, symlinks to drivers, a .so with no
 * PCI table (crash.so), files that are no driver, a subfolder.
 */
static void test_autoprobe_load_reads_tables(void **state)
{
	struct tool_ap_set set;
	char dir[256], sub[300];

	(void)state;
	make_dir(dir, sizeof(dir));
	link_in(dir, IDTABLES "/vendor.so", "vendor.so");
	link_in(dir, IDTABLES "/exact.so", "exact.so");
	link_in(dir, IDTABLES "/ethernet.so", "ethernet.so");
	link_in(dir, ULDD_SAMPLES "/crash.so", "crash.so");
	link_in(dir, ULDD_SAMPLES "/edu.so", "edu.so");
	link_in(dir, IDTABLES "/exact.so", "exact.so.txt");
	snprintf(sub, sizeof(sub), "%s/dangling.so", dir);
	assert_int_equal(symlink(IDTABLES "/nothere.so", sub), 0);
	put_file(dir, "notes.so", "not an ELF file\n");
	snprintf(sub, sizeof(sub), "%s/sub.so", dir);
	assert_int_equal(mkdir(sub, 0755), 0);

	assert_int_equal(tool_ap_load(dir, &set), 0);
	assert_int_equal(set.n, 4);
	assert_string_equal(set.drv[0].name, "edu.so");
	assert_string_equal(set.drv[1].name, "ethernet.so");
	assert_string_equal(set.drv[2].name, "exact.so");
	assert_string_equal(set.drv[3].name, "vendor.so");
	/* edu.so, built against uldd's headers: QEMU's edu, 1234:11e8. */
	assert_int_equal(set.drv[0].nids, 1);
	assert_int_equal(set.drv[0].ids[0].vendor, 0x1234);
	assert_int_equal(set.drv[0].ids[0].device, 0x11e8);
	assert_int_equal(set.drv[1].ids[0].class_mask, 0xffff00);
	/* The entry after vendor.so's terminator is not one. */
	assert_int_equal(set.drv[3].nids, 1);
	assert_int_equal(set.drv[3].ids[0].device, ANY);
	tool_ap_free(&set);

	assert_int_equal(tool_ap_load(sub, &set), 0);
	assert_int_equal(set.n, 0);
	rm_dir(dir);
	assert_int_equal(tool_ap_load(dir, &set), ENOENT);
}

/* The command, run as a user would, on the fake tree below. */

static struct fakesys fs;
static char drivers[300]; /* the idtables as one folder, with a tie */

#define run_uldd(r, ...) run_argv(r, fs.sys, fs.dev, (const char *const[]){ __VA_ARGS__, NULL })

/* A failure: exit status want, and one line on stderr that says needle. */
static void assert_one_line(const struct run *r, int want, const char *needle)
{
	if (r->status != want)
		fail_msg("exit %d, not %d; stderr:\n%s", r->status, want, r->err);
	assert_has(r->err, needle);
	/* A usage error adds the usage line. */
	assert_int_equal(count_lines(r->err), want == ULDD_EXIT_USAGE ? 2 : 1);
	assert_string_equal(r->out, "");
}

/* A device as sysfs shows it, with the subsystem IDs the scan reads. */
static int add_dev(const char *addr, uint16_t vendor, uint16_t device, uint32_t class_code,
		   const char *drv, int group)
{
	char rel[128];
	int err = fakesys_add_device(&fs, addr, vendor, device, class_code, drv, group);

	snprintf(rel, sizeof(rel), "devices/pci0000:00/%s/subsystem_vendor", addr);
	if (!err)
		err = fakesys_write(&fs, rel, "0x1af4\n");
	snprintf(rel, sizeof(rel), "devices/pci0000:00/%s/subsystem_device", addr);
	if (!err)
		err = fakesys_write(&fs, rel, "0x1100\n");
	return err;
}

/*
 * On vfio-pci: 00:03.0, an 82540EM (e1000) on QEMU's board; 00:04.0, an
 * 82574L (e1000e), which only the vendor and class tables match; 00:05.0,
 * QEMU's edu, which none matches. On its kernel driver: 00:06.0, another
 * 82540EM, which autoprobe must leave alone.
 */
static int setup_cli(void **state)
{
	static const char *const tables[] = { "exact",	  "subsys",  "vendor",
					      "ethernet", "network", "override" };
	char target[512], path[512];

	(void)state;
	if (fakesys_create(&fs) || fakesys_add_driver(&fs, "e1000") ||
	    fakesys_add_driver(&fs, "vfio-pci") ||
	    add_dev("0000:00:03.0", 0x8086, 0x100e, 0x020000, "vfio-pci", 3) ||
	    add_dev("0000:00:04.0", 0x8086, 0x10d3, 0x020000, "vfio-pci", 4) ||
	    add_dev("0000:00:05.0", 0x1234, 0x11e8, 0x00ff00, "vfio-pci", 5) ||
	    add_dev("0000:00:06.0", 0x8086, 0x100e, 0x020000, "e1000", 6))
		return -1;
	snprintf(drivers, sizeof(drivers), "%s/drivers", fs.top);
	if (mkdir(drivers, 0755))
		return -1;
	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
		snprintf(target, sizeof(target), "%s/%s.so", IDTABLES, tables[i]);
		snprintf(path, sizeof(path), "%s/%s.so", drivers, tables[i]);
		if (symlink(target, path))
			return -1;
	}
	return 0;
}

static int teardown_cli(void **state)
{
	(void)state;
	fakesys_destroy(&fs);
	return 0;
}

static void test_autoprobe_dry_run_plan(void **state)
{
	char want[1024];
	struct run r;

	(void)state;
	run_uldd(&r, "autoprobe", "--dry-run", drivers);
	if (r.status)
		fail_msg("exit %d; stderr:\n%s", r.status, r.err);
	snprintf(
		want, sizeof(want),
		"0000:00:03.0 8086:100e -> %s/subsys.so (then exact.so, vendor.so, ethernet.so, network.so)\n"
		"0000:00:04.0 8086:10d3 -> %s/vendor.so (then ethernet.so, network.so)\n",
		drivers, drivers);
	assert_string_equal(r.out, want);
	/* Which won where several matched; the device nobody drives, with the fix. */
	assert_has(
		r.err,
		"uldd: 0000:00:03.0 8086:100e: subsys.so matches it more specifically than exact.so (5 drivers match): taking subsys.so\n");
	assert_has(
		r.err,
		"uldd: 0000:00:04.0 8086:10d3: vendor.so matches it more specifically than ethernet.so (3 drivers match): taking vendor.so\n");
	snprintf(
		want, sizeof(want),
		"uldd: 0000:00:05.0 1234:11e8 (class 00ff00): no driver in %s matches it: port one with 'uldd port', or give the device back with 'uldd unbind 0000:00:05.0'\n",
		drivers);
	assert_has(r.err, want);
	assert_int_equal(count_lines(r.err), 3);

	/* A trailing '/' is not doubled; -n is --dry-run. */
	snprintf(want, sizeof(want), "%s/", drivers);
	run_uldd(&r, "autoprobe", "-n", want);
	assert_int_equal(r.status, 0);
	assert_has(r.out, "/drivers/subsys.so (then exact.so,");
	assert_true(strstr(r.out, "//") == NULL);
}

/* Copies of one driver: the first name wins, whatever the folder's order. */
static void test_autoprobe_dry_run_tie(void **state)
{
	char dir[256], want[1024];
	struct run r;

	(void)state;
	make_dir(dir, sizeof(dir));
	link_in(dir, IDTABLES "/exact.so", "e1000.so");
	link_in(dir, IDTABLES "/exact.so", "e1000-copy.so");
	link_in(dir, IDTABLES "/exact.so", "z-e1000.so");
	run_uldd(&r, "autoprobe", "--dry-run", dir);
	assert_int_equal(r.status, 0);
	snprintf(want, sizeof(want),
		 "0000:00:03.0 8086:100e -> %s/e1000-copy.so (then e1000.so, z-e1000.so)\n", dir);
	assert_string_equal(r.out, want);
	assert_has(
		r.err,
		"uldd: 0000:00:03.0 8086:100e: e1000-copy.so and e1000.so match it equally (3 drivers match): taking e1000-copy.so, the first by name\n");
	/* The same answer every time. */
	run_uldd(&r, "autoprobe", "--dry-run", dir);
	assert_string_equal(r.out, want);
	rm_dir(dir);
}

/* A device another process holds (its VFIO node open) is left alone. */
static void test_autoprobe_dry_run_busy(void **state)
{
	char node[512], want[256];
	struct run r;
	int fd;

	(void)state;
	assert_int_equal(fakesys_add_devnode(&fs, 3), 0);
	snprintf(node, sizeof(node), "%s/vfio/3", fs.dev);
	fd = open(node, O_RDONLY | O_CLOEXEC);
	assert_true(fd >= 0);
	run_uldd(&r, "autoprobe", "--dry-run", drivers);
	close(fd);
	unlink(node);
	assert_int_equal(r.status, 0);
	assert_true(strstr(r.out, "0000:00:03.0") == NULL);
	assert_has(r.out, "0000:00:04.0 8086:10d3 -> ");
	snprintf(want, sizeof(want), "0000:00:03.0 is in use by process %d", (int)getpid());
	assert_has(r.err, want);
}

static void test_autoprobe_errors(void **state)
{
	char dir[300], want[512];
	struct run r;

	(void)state;
	run_uldd(&r, "autoprobe");
	assert_one_line(&r, ULDD_EXIT_USAGE, "which drivers? give the folder of their .so files");
	run_uldd(&r, "autoprobe", "--dry-run", drivers, drivers);
	assert_one_line(&r, ULDD_EXIT_USAGE, "one folder of drivers at a time");
	run_uldd(&r, "autoprobe", "--frobnicate", drivers);
	assert_one_line(&r, ULDD_EXIT_USAGE, "unknown option '--frobnicate'");
	run_uldd(&r, "autoprobe", "--device", "00:03.0", drivers);
	assert_one_line(&r, ULDD_EXIT_USAGE, "run 'uldd supervise DRIVER.so --device ADDR'");
	run_uldd(&r, "autoprobe", drivers, "debug=16");
	assert_one_line(&r, ULDD_EXIT_USAGE, "'debug=16': module parameters differ");
	run_uldd(&r, "autoprobe", drivers, "--vcpus");
	assert_one_line(&r, ULDD_EXIT_USAGE, "--vcpus needs a value");
	/* Two devices would start: one --ifname cannot name both interfaces. */
	run_uldd(&r, "autoprobe", "-n", "--ifname", "uldd0", drivers);
	assert_int_equal(r.status, ULDD_EXIT_USAGE);
	assert_has(r.err,
		   "uldd: --ifname uldd0 names one interface, and autoprobe starts 2 drivers");
	assert_string_equal(r.out, "");

	make_dir(dir, sizeof(dir));
	run_uldd(&r, "autoprobe", "-n", dir);
	snprintf(want, sizeof(want), "uldd: %s has no driver .so with a PCI device table", dir);
	assert_one_line(&r, ULDD_EXIT_FAIL, want);
	/* Drivers, but none for the devices there are: each says so, exit 1. */
	link_in(dir, ULDD_SAMPLES "/edu.so", "edu.so");
	assert_int_equal(fakesys_set_driver(&fs, "0000:00:05.0", "e1000"), 0);
	run_uldd(&r, "autoprobe", "-n", dir);
	assert_int_equal(r.status, ULDD_EXIT_FAIL);
	assert_int_equal(count_lines(r.err), 2);
	assert_has(r.err, "0000:00:03.0 8086:100e (class 020000): no driver in");
	assert_has(r.err, "0000:00:04.0 8086:10d3 (class 020000): no driver in");
	assert_string_equal(r.out, "");
	/* One device on vfio-pci: --ifname is fine. */
	assert_int_equal(fakesys_set_driver(&fs, "0000:00:05.0", "vfio-pci"), 0);
	run_uldd(&r, "autoprobe", "-n", "--ifname", "uldd0", "--restart-sec", "1", dir);
	assert_int_equal(r.status, 0);
	snprintf(want, sizeof(want), "0000:00:05.0 1234:11e8 -> %s/edu.so\n", dir);
	assert_string_equal(r.out, want);
	rm_dir(dir);

	snprintf(dir, sizeof(dir), "%s/nothere", fs.top);
	run_uldd(&r, "autoprobe", "-n", dir);
	snprintf(want, sizeof(want), "uldd: cannot read %s: No such file or directory", dir);
	assert_one_line(&r, ULDD_EXIT_FAIL, want);

	/* Nothing on vfio-pci at all. */
	for (int i = 3; i <= 5; i++) {
		snprintf(want, sizeof(want), "0000:00:%02d.0", i);
		assert_int_equal(fakesys_set_driver(&fs, want, i == 5 ? NULL : "e1000"), 0);
	}
	run_uldd(&r, "autoprobe", drivers);
	assert_one_line(
		&r, ULDD_EXIT_FAIL,
		"uldd: no PCI device is bound to vfio-pci: hand one over with 'uldd bind ADDR'");
	for (int i = 3; i <= 5; i++) {
		snprintf(want, sizeof(want), "0000:00:%02d.0", i);
		assert_int_equal(fakesys_set_driver(&fs, want, "vfio-pci"), 0);
	}
}

/*
 * The fake children: this binary run as 'uldd supervise DRIVER.so ...' by
 * autoprobe, or as 'uldd run DRIVER.so ...' by supervise, with FAKE_ENV
 * set. A driver named refuses-* exits ULDD_EXIT_NODEV, as uldd run does
 * when every probe refused; fails-* exits 1; any other exits 0. Each start
 * adds a line to the file FAKE_COUNT names, when it is set.
 */
#define FAKE_ENV "ULDD_TEST_FAKE_CHILD"
#define FAKE_COUNT "ULDD_TEST_FAKE_COUNT"

static int fake_child(char **argv)
{
	const char *base = strrchr(argv[2], '/') ? strrchr(argv[2], '/') + 1 : argv[2];
	const char *count = getenv(FAKE_COUNT);

	if (count) {
		FILE *f = fopen(count, "a");

		if (f) {
			fprintf(f, "%s %s\n", argv[1], base);
			fclose(f);
		}
	}
	if (!strncmp(base, "refuses-", 8)) {
		fprintf(stderr, "fake %s: %s refuses the device\n", argv[1], base);
		return ULDD_EXIT_NODEV;
	}
	return strncmp(base, "fails-", 6) ? ULDD_EXIT_OK : ULDD_EXIT_FAIL;
}

/*
 * cmd (autoprobe or supervise) in a child of this process on the fake
 * tree, so that its children are this binary: its exit code and output.
 */
static void run_inproc(struct run *r, const struct tool_cmd *cmd, const char *const *args)
{
	char outname[] = "/tmp/uldd-ap-out-XXXXXX", errname[] = "/tmp/uldd-ap-err-XXXXXX";
	char *argv[16] = { (char *)cmd->name };
	int argc = 1, out = mkstemp(outname), err = mkstemp(errname), status;
	pid_t pid;
	ssize_t n;

	assert_true(out >= 0 && err >= 0);
	unlink(outname);
	unlink(errname);
	while (args[argc - 1] && argc < 15) {
		argv[argc] = (char *)args[argc - 1];
		argc++;
	}
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		setenv("ULDD_SYSFS_ROOT", fs.sys, 1);
		setenv("ULDD_DEV_ROOT", fs.dev, 1);
		setenv(FAKE_ENV, "1", 1);
		dup2(out, STDOUT_FILENO);
		dup2(err, STDERR_FILENO);
		fflush(NULL);
		_exit(cmd->run(argc, argv));
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	r->status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	n = pread(out, r->out, sizeof(r->out) - 1, 0);
	r->out[n > 0 ? n : 0] = '\0';
	n = pread(err, r->err, sizeof(r->err) - 1, 0);
	r->err[n > 0 ? n : 0] = '\0';
	close(out);
	close(err);
}

#define run_ap(r, ...) \
	run_inproc(r, &tool_cmd_autoprobe, (const char *const[]){ __VA_ARGS__, NULL })
#define run_sup(r, ...) \
	run_inproc(r, &tool_cmd_supervise, (const char *const[]){ __VA_ARGS__, NULL })

/*
 * 00:03.0 (8086:100e) matches refuses-exact.so, refuses-vendor.so and
 * takes-ethernet.so, in that order; 00:04.0 (8086:10d3) the last two. Each
 * refusal starts the next, with one line; both devices end on the third.
 */
static void test_autoprobe_falls_back_on_refusal(void **state)
{
	char dir[256], want[1024];
	struct run r;

	(void)state;
	make_dir(dir, sizeof(dir));
	link_in(dir, IDTABLES "/exact.so", "refuses-exact.so");
	link_in(dir, IDTABLES "/vendor.so", "refuses-vendor.so");
	link_in(dir, IDTABLES "/ethernet.so", "takes-ethernet.so");
	run_uldd(&r, "autoprobe", "--dry-run", dir);
	assert_int_equal(r.status, 0);
	snprintf(
		want, sizeof(want),
		"0000:00:03.0 8086:100e -> %s/refuses-exact.so (then refuses-vendor.so, takes-ethernet.so)\n"
		"0000:00:04.0 8086:10d3 -> %s/refuses-vendor.so (then takes-ethernet.so)\n",
		dir, dir);
	assert_string_equal(r.out, want);

	run_ap(&r, dir);
	if (r.status)
		fail_msg("exit %d; stderr:\n%s", r.status, r.err);
	assert_has(
		r.err,
		"uldd: 0000:00:03.0 8086:100e: refuses-exact.so refused it (probe failed); trying refuses-vendor.so\n");
	assert_has(
		r.err,
		"uldd: 0000:00:03.0 8086:100e: refuses-vendor.so refused it (probe failed); trying takes-ethernet.so\n");
	assert_has(
		r.err,
		"uldd: 0000:00:04.0 8086:10d3: refuses-vendor.so refused it (probe failed); trying takes-ethernet.so\n");
	snprintf(want, sizeof(want), "uldd: starting %s/takes-ethernet.so on 0000:00:03.0", dir);
	assert_has(r.err, want);
	snprintf(want, sizeof(want), "uldd: starting %s/takes-ethernet.so on 0000:00:04.0", dir);
	assert_has(r.err, want);
	/* Each refusal's own words, then autoprobe's line; nothing says "ended" for them. */
	assert_has(r.err, "fake supervise: refuses-exact.so refuses the device\n");
	assert_true(strstr(r.err, "ended (exit 3)") == NULL);
	rm_dir(dir);
}

/* When every match refused: one line each, and exit 1. */
static void test_autoprobe_none_takes_it(void **state)
{
	char dir[256], want[1024];
	struct run r;

	(void)state;
	make_dir(dir, sizeof(dir));
	link_in(dir, IDTABLES "/exact.so", "refuses-exact.so");
	link_in(dir, IDTABLES "/vendor.so", "refuses-vendor.so");
	run_ap(&r, dir);
	assert_int_equal(r.status, ULDD_EXIT_FAIL);
	assert_has(
		r.err,
		"uldd: 0000:00:03.0 8086:100e: refuses-exact.so refused it (probe failed); trying refuses-vendor.so\n");
	snprintf(
		want, sizeof(want),
		"uldd: 0000:00:03.0 8086:100e: no driver took it: all 2 in %s that match it refused it (probe failed): the lines above say why;",
		dir);
	assert_has(r.err, want);
	snprintf(
		want, sizeof(want),
		"uldd: 0000:00:04.0 8086:10d3: refuses-vendor.so refused it (probe failed), and no other driver in %s matches it: the lines above say why;",
		dir);
	assert_has(r.err, want);
	assert_true(strstr(r.err, "trying takes") == NULL);

	/* A failure that is no refusal ends that device's part: no next driver. */
	link_in(dir, IDTABLES "/exact.so", "fails-exact.so");
	run_ap(&r, dir);
	assert_int_equal(r.status, ULDD_EXIT_FAIL);
	snprintf(want, sizeof(want), "uldd: %s/fails-exact.so on 0000:00:03.0 ended (exit 1)", dir);
	assert_has(r.err, want);
	assert_true(strstr(r.err, "fails-exact.so refused") == NULL);
	assert_true(strstr(r.err, "trying refuses-exact.so") == NULL);
	rm_dir(dir);
}

/* The number of lines of a file, 0 when there is none. */
static int file_lines(const char *path)
{
	char buf[1024];
	FILE *f = fopen(path, "r");
	int n = 0;

	if (!f)
		return 0;
	while (fgets(buf, sizeof(buf), f))
		n++;
	fclose(f);
	return n;
}

/*
 * uldd supervise: a refusal at the first start is passed on, not
 * restarted; a failure (exit 1) is restarted until the limit, as before.
 */
static void test_autoprobe_supervise_passes_refusal(void **state)
{
	char dir[256], count[300], rundir[300], drv[300];
	struct run r;

	(void)state;
	make_dir(dir, sizeof(dir));
	snprintf(count, sizeof(count), "%s/starts", dir);
	snprintf(rundir, sizeof(rundir), "%s/run", dir);
	setenv(FAKE_COUNT, count, 1);
	setenv("ULDD_RUN_DIR", rundir, 1);

	snprintf(drv, sizeof(drv), "%s/refuses-exact.so", dir);
	run_sup(&r, drv, "--device", "00:03.0");
	if (r.status != ULDD_EXIT_NODEV)
		fail_msg("exit %d, not %d; stderr:\n%s", r.status, ULDD_EXIT_NODEV, r.err);
	assert_int_equal(file_lines(count), 1);
	assert_true(strstr(r.err, "restarting") == NULL);
	unlink(count);

	snprintf(drv, sizeof(drv), "%s/fails-exact.so", dir);
	run_sup(&r, drv, "--device", "00:03.0", "--start-limit-burst", "2", "--restart-sec",
		"0.01");
	assert_int_equal(r.status, ULDD_EXIT_FAIL);
	assert_int_equal(file_lines(count), 2);
	assert_has(r.err, "uldd: restarting fails-exact in ");
	unlink(count);

	snprintf(drv, sizeof(drv), "%s/takes-exact.so", dir);
	run_sup(&r, drv, "--device", "00:03.0");
	assert_int_equal(r.status, ULDD_EXIT_OK);
	assert_int_equal(file_lines(count), 1);

	unsetenv(FAKE_COUNT);
	unsetenv("ULDD_RUN_DIR");
	rm_dir(dir);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest match[] = {
		cmocka_unit_test(test_autoprobe_match_exact),
		cmocka_unit_test(test_autoprobe_match_any_id),
		cmocka_unit_test(test_autoprobe_match_class_mask),
		cmocka_unit_test(test_autoprobe_match_override_only),
		cmocka_unit_test(test_autoprobe_score_order),
		cmocka_unit_test(test_autoprobe_pick_most_specific),
		cmocka_unit_test(test_autoprobe_pick_tie_by_name),
		cmocka_unit_test(test_autoprobe_pick_none),
		cmocka_unit_test(test_autoprobe_rank_order),
		cmocka_unit_test(test_autoprobe_next_on_refusal),
		cmocka_unit_test(test_autoprobe_load_reads_tables),
	};
	const struct CMUnitTest cli[] = {
		cmocka_unit_test(test_autoprobe_dry_run_plan),
		cmocka_unit_test(test_autoprobe_dry_run_tie),
		cmocka_unit_test(test_autoprobe_dry_run_busy),
		cmocka_unit_test(test_autoprobe_errors),
		cmocka_unit_test(test_autoprobe_falls_back_on_refusal),
		cmocka_unit_test(test_autoprobe_none_takes_it),
		cmocka_unit_test(test_autoprobe_supervise_passes_refusal),
	};
	int failed;

	if (getenv(FAKE_ENV) && argc > 2)
		return fake_child(argv);
	failed = cmocka_run_group_tests_name("autoprobe_match", match, NULL, NULL);

	return failed | cmocka_run_group_tests_name("autoprobe_cli", cli, setup_cli, teardown_cli);
}
