// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_bind.c - 'uldd bind' and 'uldd unbind' logic (kernel/pcibind.c) on a
 * fake sysfs tree. A write hook logs every sysfs write and plays the kernel:
 * unbind drops the driver link, drivers_probe links driver_override's driver
 * (or the device's own kernel driver) and creates /dev/vfio/<group>.
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
#include <unistd.h>

#include <cmocka.h>

#include "fakesys.h"
#include "internal.h"

#define E1000 "0000:00:03.0" /* on e1000, group 3; e1000 takes it back */
#define BARE "0000:00:05.0" /* on no driver, group 5; no kernel driver wants it */
#define ONVFIO "0000:00:04.0" /* on vfio-pci, group 4; its kernel driver is e1000 */
#define NOGROUP "0000:00:06.0" /* on e1000, no IOMMU group */
#define BRIDGE "0000:00:1e.0" /* a PCI bridge on pcieport, group 9 */

struct sim {
	struct fakesys fs;
	char log[16][160]; /* "<path relative to the sysfs root>=<value>" */
	int nlog;
	const char *fail_suffix; /* a write to a path ending so fails ... */
	int fail_err; /* ... with this errno */
	int vfio_refuses; /* vfio-pci's probe fails */
	int no_devnode; /* the bind makes no /dev/vfio/<group> */
	int unbind_ignored; /* unbind succeeds but the driver keeps the device */
};

static struct sim *sim;

static bool ends_with(const char *s, const char *suffix)
{
	size_t ls = strlen(s), lx = strlen(suffix);

	return ls >= lx && !strcmp(s + ls - lx, suffix);
}

/* The driver a device gets from the kernel's ID tables when nothing overrides it. */
static const char *native_driver(const char *addr)
{
	if (!strcmp(addr, E1000) || !strcmp(addr, ONVFIO) || !strcmp(addr, NOGROUP))
		return "e1000";
	return NULL;
}

static void sim_probe(const char *addr)
{
	char rel[128], override[64], drv[64];
	const char *take;
	int group;

	assert_int_equal(uh_sysfs_driver(addr, drv, sizeof(drv)), 0);
	if (drv[0])
		return; /* the kernel probes only unbound devices */
	snprintf(rel, sizeof(rel), "bus/pci/devices/%s/driver_override", addr);
	assert_int_equal(fakesys_read(&sim->fs, rel, override, sizeof(override)), 0);
	take = strcmp(override, "(null)") ? override : native_driver(addr);
	if (!take || (!strcmp(take, "vfio-pci") && sim->vfio_refuses))
		return;
	assert_int_equal(fakesys_set_driver(&sim->fs, addr, take), 0);
	if (!strcmp(take, "vfio-pci") && !sim->no_devnode && !uh_sysfs_iommu_group(addr, &group))
		assert_int_equal(fakesys_add_devnode(&sim->fs, group), 0);
}

static int sim_write(const char *path, const char *val)
{
	const char *rel = path + strlen(sim->fs.sys) + 1;
	char text[64];
	int err;

	assert_true(!strncmp(path, sim->fs.sys, strlen(sim->fs.sys)));
	assert_true(sim->nlog < (int)UH_ARRAY_SIZE(sim->log));
	snprintf(sim->log[sim->nlog++], sizeof(sim->log[0]), "%s=%s", rel, val);
	if (sim->fail_suffix && ends_with(path, sim->fail_suffix))
		return sim->fail_err;
	err = uh_sysfs_write(path, val);
	if (err)
		return err;
	if (ends_with(path, "/driver_override")) {
		/* The kernel stores the name without its newline; "\n" clears it. */
		snprintf(text, sizeof(text), "%s\n", strcmp(val, "\n") ? val : "(null)");
		return fakesys_write(&sim->fs, rel, text);
	}
	if (ends_with(path, "/driver/unbind"))
		return sim->unbind_ignored ? 0 : fakesys_set_driver(&sim->fs, val, NULL);
	if (ends_with(path, "/drivers_probe"))
		sim_probe(val);
	return 0;
}

static int setup(void **state)
{
	sim = calloc(1, sizeof(*sim));
	if (!sim || fakesys_create(&sim->fs))
		return -1;
	*state = sim;
	if (fakesys_add_driver(&sim->fs, "e1000") || fakesys_add_driver(&sim->fs, "vfio-pci") ||
	    fakesys_add_driver(&sim->fs, "pcieport") ||
	    fakesys_add_device(&sim->fs, E1000, 0x8086, 0x100e, 0x020000, "e1000", 3) ||
	    fakesys_add_device(&sim->fs, ONVFIO, 0x8086, 0x100e, 0x020000, "vfio-pci", 4) ||
	    fakesys_add_device(&sim->fs, BARE, 0x1234, 0x11e8, 0x00ff00, NULL, 5) ||
	    fakesys_add_device(&sim->fs, NOGROUP, 0x8086, 0x100e, 0x020000, "e1000", -1) ||
	    fakesys_add_device(&sim->fs, BRIDGE, 0x8086, 0x244e, 0x060400, "pcieport", 9) ||
	    fakesys_set_header_type(&sim->fs, BRIDGE, 1) ||
	    fakesys_write(&sim->fs, "bus/pci/devices/" ONVFIO "/driver_override", "vfio-pci\n") ||
	    fakesys_add_devnode(&sim->fs, 4))
		return -1;
	uh_pci_bind_set_write(sim_write);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	uh_pci_bind_set_write(NULL);
	fakesys_destroy(&sim->fs);
	free(sim);
	sim = NULL;
	return 0;
}

static void assert_log(const char *const *want, int n)
{
	for (int i = 0; i < n && i < sim->nlog; i++)
		assert_string_equal(sim->log[i], want[i]);
	assert_int_equal(sim->nlog, n);
}

static void assert_msg(const char *needle)
{
	if (!strstr(uhost_errmsg(), needle))
		fail_msg("message '%s' lacks '%s'", uhost_errmsg(), needle);
}

static void assert_driver(const char *addr, const char *want)
{
	char drv[64];

	assert_int_equal(uh_sysfs_driver(addr, drv, sizeof(drv)), 0);
	assert_string_equal(drv, want);
}

static void assert_file(const char *rel, const char *want)
{
	char text[128];

	assert_int_equal(fakesys_read(&sim->fs, rel, text, sizeof(text)), 0);
	assert_string_equal(text, want);
}

static void test_bind_moves_device_to_vfio(void **state)
{
	static const char *const want[] = {
		"bus/pci/devices/" E1000 "/driver_override=vfio-pci",
		"bus/pci/devices/" E1000 "/driver/unbind=" E1000,
		"bus/pci/drivers_probe=" E1000,
	};
	struct uh_bind_info info;

	(void)state;
	assert_int_equal(uh_pci_bind_vfio("00:03.0", &info), 0);
	assert_log(want, 3);
	assert_string_equal(info.addr, E1000);
	assert_string_equal(info.before, "e1000");
	assert_string_equal(info.after, "vfio-pci");
	assert_int_equal(info.group, 3);
	assert_true(info.changed);
	assert_driver(E1000, "vfio-pci");
	/* The unbind went through the driver link to e1000's own file. */
	assert_file("bus/pci/drivers/e1000/unbind", E1000);
	assert_file("bus/pci/devices/" E1000 "/driver_override", "vfio-pci");
}

static void test_bind_unbound_device_skips_unbind(void **state)
{
	static const char *const want[] = {
		"bus/pci/devices/" BARE "/driver_override=vfio-pci",
		"bus/pci/drivers_probe=" BARE,
	};
	struct uh_bind_info info;

	(void)state;
	assert_int_equal(uh_pci_bind_vfio(BARE, &info), 0);
	assert_log(want, 2);
	assert_string_equal(info.before, "");
	assert_driver(BARE, "vfio-pci");
}

static void test_bind_already_on_vfio_writes_nothing(void **state)
{
	struct uh_bind_info info;

	(void)state;
	assert_int_equal(uh_pci_bind_vfio(ONVFIO, &info), 0);
	assert_false(info.changed);
	assert_string_equal(info.after, "vfio-pci");
	assert_int_equal(info.group, 4);
	assert_log(NULL, 0);
}

static void test_bind_bad_address_writes_nothing(void **state)
{
	struct uh_bind_info info;

	(void)state;
	assert_int_equal(uh_pci_bind_vfio("00:03", &info), EINVAL);
	assert_msg("'00:03' is not a PCI address");
	assert_log(NULL, 0);
}

static void test_bind_no_such_device(void **state)
{
	struct uh_bind_info info;

	(void)state;
	assert_int_equal(uh_pci_bind_vfio("99:00.0", &info), ENODEV);
	assert_msg("no PCI device at 0000:99:00.0");
	assert_log(NULL, 0);
}

static void test_bind_vfio_pci_not_loaded(void **state)
{
	struct uh_bind_info info;
	char path[PATH_MAX], moved[PATH_MAX + 8];

	(void)state;
	assert_int_equal(fakesys_path(&sim->fs, path, sizeof(path), "bus/pci/drivers/vfio-pci"), 0);
	snprintf(moved, sizeof(moved), "%s.gone", path);
	assert_int_equal(rename(path, moved), 0);
	assert_int_equal(uh_pci_bind_vfio(E1000, &info), ENODEV);
	assert_msg("run 'modprobe vfio-pci'");
	assert_log(NULL, 0);
	assert_driver(E1000, "e1000");
}

static void test_bind_no_iommu_group(void **state)
{
	struct uh_bind_info info;

	(void)state;
	assert_int_equal(uh_pci_bind_vfio(NOGROUP, &info), ENODEV);
	assert_msg(NOGROUP " has no IOMMU group");
	assert_msg("intel_iommu=on");
	assert_log(NULL, 0);
}

static void test_bind_refuses_bridge(void **state)
{
	struct uh_bind_info info;

	(void)state;
	assert_int_equal(uh_pci_bind_vfio(BRIDGE, &info), EINVAL);
	assert_msg("is a bridge (header type 1)");
	assert_log(NULL, 0);
	assert_driver(BRIDGE, "pcieport");
}

static void test_bind_refused_override_changes_nothing(void **state)
{
	struct uh_bind_info info;

	(void)state;
	sim->fail_suffix = "/driver_override";
	sim->fail_err = EACCES;
	assert_int_equal(uh_pci_bind_vfio(E1000, &info), EACCES);
	assert_msg("driver_override: Permission denied: run uldd as root");
	assert_int_equal(sim->nlog, 1);
	assert_driver(E1000, "e1000");
}

static void test_bind_restores_when_probe_does_not_bind(void **state)
{
	static const char *const want[] = {
		"bus/pci/devices/" E1000 "/driver_override=vfio-pci",
		"bus/pci/devices/" E1000 "/driver/unbind=" E1000,
		"bus/pci/drivers_probe=" E1000,
		"bus/pci/devices/" E1000 "/driver_override=\n",
		"bus/pci/drivers_probe=" E1000,
	};
	struct uh_bind_info info;

	(void)state;
	sim->vfio_refuses = 1;
	assert_int_equal(uh_pci_bind_vfio(E1000, &info), ENODEV);
	assert_msg("vfio-pci refused " E1000);
	assert_msg("is back on e1000");
	assert_log(want, 5);
	assert_driver(E1000, "e1000");
	assert_file("bus/pci/devices/" E1000 "/driver_override", "(null)");
}

static void test_bind_restores_when_unbind_fails(void **state)
{
	static const char *const want[] = {
		"bus/pci/devices/" E1000 "/driver_override=vfio-pci",
		"bus/pci/devices/" E1000 "/driver/unbind=" E1000,
		"bus/pci/devices/" E1000 "/driver_override=\n",
		"bus/pci/drivers_probe=" E1000,
	};
	struct uh_bind_info info;

	(void)state;
	sim->fail_suffix = "/driver/unbind";
	sim->fail_err = EIO;
	assert_int_equal(uh_pci_bind_vfio(E1000, &info), EIO);
	assert_msg("cannot write '" E1000 "' to ");
	assert_msg("is back on e1000");
	assert_log(want, 4);
	assert_driver(E1000, "e1000");
	assert_file("bus/pci/devices/" E1000 "/driver_override", "(null)");
}

static void test_bind_restores_when_devnode_missing(void **state)
{
	static const char *const want[] = {
		"bus/pci/devices/" E1000 "/driver_override=vfio-pci",
		"bus/pci/devices/" E1000 "/driver/unbind=" E1000,
		"bus/pci/drivers_probe=" E1000,
		"bus/pci/devices/" E1000 "/driver_override=\n",
		"bus/pci/devices/" E1000 "/driver/unbind=" E1000,
		"bus/pci/drivers_probe=" E1000,
	};
	struct uh_bind_info info;

	(void)state;
	sim->no_devnode = 1;
	assert_int_equal(uh_pci_bind_vfio(E1000, &info), ENOENT);
	assert_msg("/vfio/3 did not appear");
	assert_msg("is back on e1000");
	assert_log(want, 6);
	/* The undo's unbind reached vfio-pci, which held the device then. */
	assert_file("bus/pci/drivers/vfio-pci/unbind", E1000);
	assert_driver(E1000, "e1000");
}

static void test_bind_old_driver_keeps_device(void **state)
{
	struct uh_bind_info info;

	(void)state;
	sim->unbind_ignored = 1;
	assert_int_equal(uh_pci_bind_vfio(E1000, &info), EBUSY);
	assert_msg("e1000 did not let go of " E1000);
	assert_msg("is back on e1000");
	assert_file("bus/pci/devices/" E1000 "/driver_override", "(null)");
	assert_driver(E1000, "e1000");
}

static void test_bind_restores_old_override(void **state)
{
	struct uh_bind_info info;

	(void)state;
	assert_int_equal(
		fakesys_write(&sim->fs, "bus/pci/devices/" E1000 "/driver_override", "e1000\n"), 0);
	sim->vfio_refuses = 1;
	assert_int_equal(uh_pci_bind_vfio(E1000, &info), ENODEV);
	assert_string_equal(sim->log[3], "bus/pci/devices/" E1000 "/driver_override=e1000");
	assert_file("bus/pci/devices/" E1000 "/driver_override", "e1000");
	assert_driver(E1000, "e1000");
}

static void test_bind_reports_unrestorable_device(void **state)
{
	struct uh_bind_info info;

	(void)state;
	/* Every probe fails: e1000 is gone and cannot come back, which the message must say. */
	sim->fail_suffix = "/drivers_probe";
	sim->fail_err = ENODEV;
	assert_int_equal(uh_pci_bind_vfio(E1000, &info), ENODEV);
	assert_msg("cannot write '" E1000 "' to ");
	assert_msg(E1000 " is on no driver now, not on e1000 as before");
	assert_msg("/bus/pci/drivers/e1000/bind' gives it back");
	assert_file("bus/pci/devices/" E1000 "/driver_override", "(null)");
	assert_driver(E1000, "");
}

static void test_unbind_returns_device_to_kernel_driver(void **state)
{
	static const char *const want[] = {
		"bus/pci/devices/" ONVFIO "/driver_override=\n",
		"bus/pci/devices/" ONVFIO "/driver/unbind=" ONVFIO,
		"bus/pci/drivers_probe=" ONVFIO,
	};
	struct uh_bind_info info;

	(void)state;
	assert_int_equal(uh_pci_unbind_vfio("00:04.0", &info), 0);
	assert_log(want, 3);
	assert_true(info.changed);
	assert_string_equal(info.before, "vfio-pci");
	assert_string_equal(info.after, "e1000");
	assert_driver(ONVFIO, "e1000");
	assert_file("bus/pci/drivers/vfio-pci/unbind", ONVFIO);
	assert_file("bus/pci/devices/" ONVFIO "/driver_override", "(null)");
}

static void test_unbind_without_kernel_driver_leaves_none(void **state)
{
	struct uh_bind_info info;

	(void)state;
	assert_int_equal(uh_pci_bind_vfio(BARE, &info), 0);
	assert_int_equal(uh_pci_unbind_vfio(BARE, &info), 0);
	assert_true(info.changed);
	assert_string_equal(info.after, "");
	assert_driver(BARE, "");
}

static void test_unbind_not_on_vfio_writes_nothing(void **state)
{
	struct uh_bind_info info;

	(void)state;
	assert_int_equal(uh_pci_unbind_vfio(E1000, &info), 0);
	assert_false(info.changed);
	assert_string_equal(info.after, "e1000");
	assert_log(NULL, 0);
}

static void test_unbind_clears_stale_override(void **state)
{
	static const char *const want[] = {
		"bus/pci/devices/" BARE "/driver_override=\n",
		"bus/pci/drivers_probe=" BARE,
	};
	struct uh_bind_info info;

	(void)state;
	/* A bind that died midway: the override is set but nothing holds the device. */
	assert_int_equal(
		fakesys_write(&sim->fs, "bus/pci/devices/" BARE "/driver_override", "vfio-pci\n"),
		0);
	assert_int_equal(uh_pci_unbind_vfio(BARE, &info), 0);
	assert_log(want, 2);
	assert_true(info.changed);
}

static void test_unbind_refuses_while_node_open(void **state)
{
	struct uh_bind_info info;
	char path[PATH_MAX], pid[16];
	int fd;

	(void)state;
	snprintf(path, sizeof(path), "%s/vfio/4", sim->fs.dev);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	assert_true(fd >= 0);
	assert_int_equal(uh_pci_unbind_vfio(ONVFIO, &info), EBUSY);
	close(fd);
	snprintf(pid, sizeof(pid), "%d", (int)getpid());
	assert_msg(ONVFIO " is in use by process ");
	assert_msg(pid);
	assert_log(NULL, 0);
	assert_driver(ONVFIO, "vfio-pci");
}

static void test_unbind_restores_override_when_unbind_fails(void **state)
{
	struct uh_bind_info info;

	(void)state;
	sim->fail_suffix = "/driver/unbind";
	sim->fail_err = EIO;
	assert_int_equal(uh_pci_unbind_vfio(ONVFIO, &info), EIO);
	assert_msg("stays on vfio-pci");
	assert_int_equal(sim->nlog, 3);
	assert_string_equal(sim->log[2], "bus/pci/devices/" ONVFIO "/driver_override=vfio-pci");
	assert_file("bus/pci/devices/" ONVFIO "/driver_override", "vfio-pci");
	assert_driver(ONVFIO, "vfio-pci");
}

static void test_unbind_vfio_keeps_device(void **state)
{
	struct uh_bind_info info;

	(void)state;
	sim->unbind_ignored = 1;
	assert_int_equal(uh_pci_unbind_vfio(ONVFIO, &info), EBUSY);
	assert_msg("vfio-pci did not let go of " ONVFIO);
	/* Still on vfio-pci, so the override stays as the bind left it. */
	assert_file("bus/pci/devices/" ONVFIO "/driver_override", "vfio-pci");
	assert_driver(ONVFIO, "vfio-pci");
}

static void test_unbind_no_such_device(void **state)
{
	struct uh_bind_info info;

	(void)state;
	assert_int_equal(uh_pci_unbind_vfio("0000:00:1f.7", &info), ENODEV);
	assert_msg("no PCI device at 0000:00:1f.7");
}

static void test_group_blockers_lists_kernel_drivers(void **state)
{
	struct uh_group_peer peers[4];
	size_t n = 99;

	(void)state;
	/* Group 4 gains a peer on e1000, one on pcieport and one with no driver. */
	assert_int_equal(
		fakesys_add_device(&sim->fs, "0000:00:04.1", 0x8086, 0x100e, 0x020000, "e1000", 4),
		0);
	assert_int_equal(fakesys_add_device(&sim->fs, "0000:00:04.2", 0x8086, 0x244e, 0x060400,
					    "pcieport", 4),
			 0);
	assert_int_equal(
		fakesys_add_device(&sim->fs, "0000:00:04.3", 0x1234, 0x11e8, 0x00ff00, NULL, 4), 0);
	assert_int_equal(uh_pci_group_blockers(4, ONVFIO, peers, UH_ARRAY_SIZE(peers), &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(peers[0].addr, "0000:00:04.1");
	assert_string_equal(peers[0].driver, "e1000");
	assert_int_equal(uh_pci_group_blockers(3, E1000, peers, UH_ARRAY_SIZE(peers), &n), 0);
	assert_int_equal(n, 0);
}

static void test_group_blockers_unknown_group(void **state)
{
	struct uh_group_peer peers[1];
	size_t n;

	(void)state;
	assert_int_equal(uh_pci_group_blockers(42, E1000, peers, 1, &n), ENOENT);
	assert_msg("iommu_groups/42/devices");
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_bind_moves_device_to_vfio),
		T(test_bind_unbound_device_skips_unbind),
		T(test_bind_already_on_vfio_writes_nothing),
		T(test_bind_bad_address_writes_nothing),
		T(test_bind_no_such_device),
		T(test_bind_vfio_pci_not_loaded),
		T(test_bind_no_iommu_group),
		T(test_bind_refuses_bridge),
		T(test_bind_refused_override_changes_nothing),
		T(test_bind_restores_when_probe_does_not_bind),
		T(test_bind_restores_when_unbind_fails),
		T(test_bind_restores_when_devnode_missing),
		T(test_bind_old_driver_keeps_device),
		T(test_bind_restores_old_override),
		T(test_bind_reports_unrestorable_device),
		T(test_unbind_returns_device_to_kernel_driver),
		T(test_unbind_without_kernel_driver_leaves_none),
		T(test_unbind_not_on_vfio_writes_nothing),
		T(test_unbind_clears_stale_override),
		T(test_unbind_refuses_while_node_open),
		T(test_unbind_restores_override_when_unbind_fails),
		T(test_unbind_vfio_keeps_device),
		T(test_unbind_no_such_device),
		T(test_group_blockers_lists_kernel_drivers),
		T(test_group_blockers_unknown_group),
	};

	return cmocka_run_group_tests_name("bind", tests, NULL, NULL);
}
