// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_sysfs.c - the checks before VFIO is opened, against a fake sysfs
 * tree: each user mistake gets its own error code and a message with the fix.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fakesys.h"
#include "internal.h"

/*
 * 00:03.0 e1000 (group 3), 00:04.0 vfio-pci (group 7), 00:05.0 no driver
 * (group 5), 00:06.0 e1000 without an IOMMU group.
 */
static int setup(void **state)
{
	struct fakesys *fs = calloc(1, sizeof(*fs));

	if (!fs || fakesys_create(fs))
		return -1;
	*state = fs;
	if (fakesys_add_driver(fs, "e1000") || fakesys_add_driver(fs, "vfio-pci") ||
	    fakesys_add_device(fs, "0000:00:03.0", 0x8086, 0x100e, 0x020000, "e1000", 3) ||
	    fakesys_add_device(fs, "0000:00:04.0", 0x1234, 0x11e8, 0x00ff00, "vfio-pci", 7) ||
	    fakesys_add_device(fs, "0000:00:05.0", 0x10ec, 0x8139, 0x020000, NULL, 5) ||
	    fakesys_add_device(fs, "0000:00:06.0", 0x8086, 0x100e, 0x020000, "e1000", -1))
		return -1;
	return 0;
}

static int teardown(void **state)
{
	fakesys_destroy(*state);
	free(*state);
	return 0;
}

static void assert_msg(const char *needle)
{
	if (!strstr(uhost_errmsg(), needle))
		fail_msg("message '%s' lacks '%s'", uhost_errmsg(), needle);
}

static void test_sysfs_check_unknown_address(void **state)
{
	char canon[UH_PCI_ADDR_LEN];
	int group;

	(void)state;
	assert_int_equal(uh_sysfs_check_vfio("99:00.0", canon, &group), ENODEV);
	assert_msg("no PCI device at 0000:99:00.0");
	assert_msg("'uldd list'");
}

static void test_sysfs_check_bad_address(void **state)
{
	char canon[UH_PCI_ADDR_LEN];
	int group;

	(void)state;
	assert_int_equal(uh_sysfs_check_vfio("00:03", canon, &group), EINVAL);
	assert_msg("'00:03' is not a PCI address");
}

static void test_sysfs_check_bound_to_e1000(void **state)
{
	char canon[UH_PCI_ADDR_LEN];
	int group;

	(void)state;
	assert_int_equal(uh_sysfs_check_vfio("00:03.0", canon, &group), EBUSY);
	assert_string_equal(uhost_errmsg(),
			    "0000:00:03.0 is bound to e1000: run 'uldd bind 0000:00:03.0' first");
}

static void test_sysfs_check_bound_to_no_driver(void **state)
{
	char canon[UH_PCI_ADDR_LEN];
	int group;

	(void)state;
	assert_int_equal(uh_sysfs_check_vfio("0000:00:05.0", canon, &group), ENODEV);
	assert_msg("0000:00:05.0 is bound to no driver");
	assert_msg("run 'uldd bind 0000:00:05.0'");
}

static void test_sysfs_check_no_iommu_group(void **state)
{
	char canon[UH_PCI_ADDR_LEN];
	int group;

	(void)state;
	assert_int_equal(uh_sysfs_check_vfio("0000:00:06.0", canon, &group), ENODEV);
	assert_msg("0000:00:06.0 has no IOMMU group");
	assert_msg("intel_iommu=on");
}

static void test_sysfs_check_ok_on_vfio(void **state)
{
	char canon[UH_PCI_ADDR_LEN] = "";
	int group = -1;

	(void)state;
	assert_int_equal(uh_sysfs_check_vfio("00:04.0", canon, &group), 0);
	assert_string_equal(canon, "0000:00:04.0");
	assert_int_equal(group, 7);
}

static void test_sysfs_driver_follows_link(void **state)
{
	char drv[64] = "x";

	(void)state;
	assert_int_equal(uh_sysfs_driver("0000:00:03.0", drv, sizeof(drv)), 0);
	assert_string_equal(drv, "e1000");
	assert_int_equal(uh_sysfs_driver("0000:00:05.0", drv, sizeof(drv)), 0);
	assert_string_equal(drv, "");
}

static void test_sysfs_driver_name_too_long(void **state)
{
	char drv[4];

	(void)state;
	assert_int_equal(uh_sysfs_driver("0000:00:03.0", drv, sizeof(drv)), ENAMETOOLONG);
}

static void test_sysfs_iommu_group_number(void **state)
{
	int group = -1;

	(void)state;
	assert_int_equal(uh_sysfs_iommu_group("0000:00:03.0", &group), 0);
	assert_int_equal(group, 3);
	assert_int_equal(uh_sysfs_iommu_group("0000:00:06.0", &group), ENOENT);
}

static void test_sysfs_read_hex_ids(void **state)
{
	unsigned long val = 0;

	(void)state;
	assert_int_equal(uh_sysfs_read_hex("0000:00:03.0", "vendor", &val), 0);
	assert_int_equal(val, 0x8086);
	assert_int_equal(uh_sysfs_read_hex("0000:00:03.0", "class", &val), 0);
	assert_int_equal(val, 0x020000);
	assert_int_equal(uh_sysfs_read_hex("0000:00:03.0", "nonexistent", &val), ENOENT);
}

static void test_sysfs_read_hex_rejects_text(void **state)
{
	struct fakesys *fs = *state;
	unsigned long val;

	assert_int_equal(fakesys_write(fs, "bus/pci/devices/0000:00:05.0/revision", "zz\n"), 0);
	assert_int_equal(uh_sysfs_read_hex("0000:00:05.0", "revision", &val), EINVAL);
}

/* The "resource" file: BAR 0 ports, BAR 1 memory, BAR 2 unassigned. */
static void test_sysfs_bar_ports(void **state)
{
	struct fakesys *fs = *state;
	unsigned long start = 0, len = 0;

	assert_int_equal(
		fakesys_write(fs, "bus/pci/devices/0000:00:05.0/resource",
			      "0x000000000000c000 0x000000000000c0ff 0x0000000000040101\n"
			      "0x00000000febf1000 0x00000000febf10ff 0x0000000000040200\n"
			      "0x0000000000000000 0x0000000000000000 0x0000000000000000\n"),
		0);
	assert_int_equal(uh_sysfs_bar_ports("0000:00:05.0", 0, &start, &len), 0);
	assert_int_equal(start, 0xc000);
	assert_int_equal(len, 0x100);
	assert_int_equal(uh_sysfs_bar_ports("0000:00:05.0", 1, &start, &len), ENOENT);
	assert_int_equal(uh_sysfs_bar_ports("0000:00:05.0", 2, &start, &len), ENOENT);
	assert_int_equal(uh_sysfs_bar_ports("0000:00:05.0", 5, &start, &len), ENOENT);
	assert_int_equal(uh_sysfs_bar_ports("0000:00:03.0", 0, &start, &len), ENOENT);
}

static void test_sysfs_dev_exists(void **state)
{
	(void)state;
	assert_true(uh_sysfs_dev_exists("0000:00:03.0"));
	assert_false(uh_sysfs_dev_exists("0000:00:07.0"));
}

static void test_sysfs_dev_path_too_long(void **state)
{
	char buf[32];

	(void)state;
	assert_int_equal(uh_sysfs_dev_path(buf, sizeof(buf), "0000:00:03.0", "driver_override"),
			 ENAMETOOLONG);
	assert_msg("too long");
}

static void test_sysfs_write_stores_value(void **state)
{
	struct fakesys *fs = *state;
	char path[PATH_MAX], text[64];

	assert_int_equal(fakesys_path(fs, path, sizeof(path), "bus/pci/drivers_probe"), 0);
	assert_int_equal(uh_sysfs_write(path, "0000:00:03.0"), 0);
	assert_int_equal(fakesys_read(fs, "bus/pci/drivers_probe", text, sizeof(text)), 0);
	assert_string_equal(text, "0000:00:03.0");
	assert_int_equal(fakesys_path(fs, path, sizeof(path), "bus/pci/nonexistent/x"), 0);
	assert_int_equal(uh_sysfs_write(path, "1"), ENOENT);
}

static void test_sysfs_root_from_environment(void **state)
{
	struct fakesys *fs = *state;

	uh_sysfs_set_root(NULL);
	setenv("ULDD_SYSFS_ROOT", "/nonexistent/sys", 1);
	assert_string_equal(uh_sysfs_root(), "/nonexistent/sys");
	assert_false(uh_sysfs_dev_exists("0000:00:03.0"));
	unsetenv("ULDD_SYSFS_ROOT");
	uh_sysfs_set_root(NULL);
	assert_string_equal(uh_sysfs_root(), "/sys");
	uh_sysfs_set_root(fs->sys);
	assert_true(uh_sysfs_dev_exists("0000:00:03.0"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sysfs_check_unknown_address),
		cmocka_unit_test(test_sysfs_check_bad_address),
		cmocka_unit_test(test_sysfs_check_bound_to_e1000),
		cmocka_unit_test(test_sysfs_check_bound_to_no_driver),
		cmocka_unit_test(test_sysfs_check_no_iommu_group),
		cmocka_unit_test(test_sysfs_check_ok_on_vfio),
		cmocka_unit_test(test_sysfs_driver_follows_link),
		cmocka_unit_test(test_sysfs_driver_name_too_long),
		cmocka_unit_test(test_sysfs_iommu_group_number),
		cmocka_unit_test(test_sysfs_read_hex_ids),
		cmocka_unit_test(test_sysfs_read_hex_rejects_text),
		cmocka_unit_test(test_sysfs_bar_ports),
		cmocka_unit_test(test_sysfs_dev_exists),
		cmocka_unit_test(test_sysfs_dev_path_too_long),
		cmocka_unit_test(test_sysfs_write_stores_value),
		cmocka_unit_test(test_sysfs_root_from_environment),
	};

	return cmocka_run_group_tests_name("sysfs", tests, setup, teardown);
}
