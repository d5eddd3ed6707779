// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_pciaddr.c - PCI addresses as users type them: the forms lspci prints
 * are accepted, near misses are refused with a message naming the input.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "internal.h"

static void expect_addr(const char *s, unsigned int domain, unsigned int bus, unsigned int dev,
			unsigned int fn)
{
	struct uh_pci_addr a;

	memset(&a, 0xa5, sizeof(a));
	assert_int_equal(uh_pci_addr_parse(s, &a), 0);
	assert_int_equal(a.domain, domain);
	assert_int_equal(a.bus, bus);
	assert_int_equal(a.dev, dev);
	assert_int_equal(a.fn, fn);
}

static void expect_bad(const char *s)
{
	struct uh_pci_addr a;

	assert_int_equal(uh_pci_addr_parse(s, &a), EINVAL);
}

static void test_pciaddr_full_form(void **state)
{
	(void)state;
	expect_addr("0000:00:03.0", 0, 0, 3, 0);
	expect_addr("0001:02:1f.7", 1, 2, 31, 7);
	expect_addr("ffff:ff:1f.7", 0xffff, 0xff, 31, 7);
}

static void test_pciaddr_without_domain(void **state)
{
	(void)state;
	expect_addr("00:03.0", 0, 0, 3, 0);
	expect_addr("3a:00.1", 0, 0x3a, 0, 1);
}

static void test_pciaddr_any_hex_case(void **state)
{
	(void)state;
	expect_addr("ABCD:EF:1F.7", 0xabcd, 0xef, 31, 7);
	expect_addr("aBcD:eF:1f.6", 0xabcd, 0xef, 31, 6);
	expect_addr("0A:1B.2", 0, 0x0a, 0x1b, 2);
}

static void test_pciaddr_short_fields_refused(void **state)
{
	(void)state;
	expect_bad("0:3.0");
	expect_bad("00:3.0");
	expect_bad("000:00:03.0");
	expect_bad("0:00:03.0");
}

static void test_pciaddr_out_of_range_refused(void **state)
{
	(void)state;
	expect_bad("00:20.0"); /* device 32: only 0..31 exist */
	expect_bad("00:03.8"); /* function 8: only 0..7 exist */
	expect_bad("0000:00:ff.0");
}

static void test_pciaddr_junk_refused(void **state)
{
	(void)state;
	expect_bad("00:03.0 ");
	expect_bad("00:03.0x");
	expect_bad("0000:00:03.00");
	expect_bad("0000:00:03:0");
	expect_bad("0000.00:03.0");
	expect_bad("g0:03.0");
	expect_bad("00:03.");
	expect_bad(" 00:03.0");
}

static void test_pciaddr_empty_refused(void **state)
{
	(void)state;
	expect_bad("");
	expect_bad(":");
}

static void test_pciaddr_null_refused(void **state)
{
	(void)state;
	expect_bad(NULL);
	assert_non_null(strstr(uhost_errmsg(), "no PCI address given"));
}

static void test_pciaddr_message_names_input(void **state)
{
	struct uh_pci_addr a;

	(void)state;
	assert_int_equal(uh_pci_addr_parse("00:20.0", &a), EINVAL);
	assert_non_null(strstr(uhost_errmsg(), "'00:20.0'"));
	assert_non_null(strstr(uhost_errmsg(), "DDDD:BB:DD.F"));
	assert_int_equal(uh_pci_addr_parse("eth0", &a), EINVAL);
	assert_non_null(strstr(uhost_errmsg(), "'eth0' is not a PCI address"));
}

static void test_pciaddr_format_canonical(void **state)
{
	struct uh_pci_addr a = { .domain = 0xabcd, .bus = 0xe, .dev = 0x1f, .fn = 7 };
	char buf[UH_PCI_ADDR_LEN];

	(void)state;
	uh_pci_addr_format(&a, buf);
	assert_string_equal(buf, "abcd:0e:1f.7");
	a = (struct uh_pci_addr){ 0 };
	uh_pci_addr_format(&a, buf);
	assert_string_equal(buf, "0000:00:00.0");
}

static void test_pciaddr_round_trip(void **state)
{
	static const char *const in[] = { "00:03.0", "0000:00:03.0", "FF:1F.7", "0a0B:0C:0d.3" };
	static const char *const out[] = { "0000:00:03.0", "0000:00:03.0", "0000:ff:1f.7",
					   "0a0b:0c:0d.3" };
	char buf[UH_PCI_ADDR_LEN];
	struct uh_pci_addr a;

	(void)state;
	for (size_t i = 0; i < UH_ARRAY_SIZE(in); i++) {
		assert_int_equal(uh_pci_addr_parse(in[i], &a), 0);
		uh_pci_addr_format(&a, buf);
		assert_string_equal(buf, out[i]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pciaddr_full_form),
		cmocka_unit_test(test_pciaddr_without_domain),
		cmocka_unit_test(test_pciaddr_any_hex_case),
		cmocka_unit_test(test_pciaddr_short_fields_refused),
		cmocka_unit_test(test_pciaddr_out_of_range_refused),
		cmocka_unit_test(test_pciaddr_junk_refused),
		cmocka_unit_test(test_pciaddr_empty_refused),
		cmocka_unit_test(test_pciaddr_null_refused),
		cmocka_unit_test(test_pciaddr_message_names_input),
		cmocka_unit_test(test_pciaddr_format_canonical),
		cmocka_unit_test(test_pciaddr_round_trip),
	};

	return cmocka_run_group_tests_name("pciaddr", tests, NULL, NULL);
}
