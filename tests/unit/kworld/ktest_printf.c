// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_printf.c - K-world bodies for test_namespace.c: the kernel's
 * snprintf family, called as a driver calls it. One CASE line per test:
 * its name, the text expected, the return value expected, the call.
 */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sprintf.h>
#include <linux/string.h>

#include "ktest.h"

static const u8 mac[6] = { 0x00, 0x1b, 0x21, 0x0a, 0xbc, 0xde };
static const u8 ip4[4] = { 192, 168, 1, 10 };
/* The same address as a little-endian and as a host-order number. */
static const u8 ip4_le[4] = { 10, 1, 168, 192 };
static const u32 ip4_host = 0xc0a8010a;
static const u8 ip6_doc[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 };
static const u8 ip6_zero[16];
static const u8 ip6_loopback[16] = { [15] = 1 };
static const u8 ip6_one_zero[16] = { 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1 };
static const u8 ip6_two_runs[16] = { 0x20, 0x01, [7] = 1, [15] = 1 };
static const u8 ip6_equal_runs[16] = { 0x20, 0x01, 0x0d, 0xb8, [9] = 1, [15] = 1 };
static const u8 ip6_mapped[16] = { [10] = 0xff, [11] = 0xff, [12] = 10, [15] = 1 };
static const u8 bytes[4] = { 0xde, 0xad, 0xbe, 0xef };
static const phys_addr_t phys = 0xfee00000;
static const dma_addr_t dma = 0x1234abcd;
/* Read with READ_ONCE, so gcc cannot see the NULL and warn about it. */
static const char *null_string;

static __printf(3, 4) int va_format_print(char *buf, size_t size, const char *fmt, ...)
{
	struct va_format vaf;
	va_list args;
	int n;

	va_start(args, fmt);
	vaf.fmt = fmt;
	vaf.va = &args;
	n = snprintf(buf, size, "<%pV>", &vaf);
	va_end(args);
	return n;
}

static int done(struct ktest_case *c, const char *name, const char *want, int want_ret, int ret)
{
	c->name = name;
	c->want = want;
	c->want_ret = want_ret;
	c->ret = ret;
	return 0;
}

/* Case i is the i-th CASE line: its name, the text left in got, the value of expr. */
#define CASE(name, want, want_ret, expr)                              \
	do {                                                          \
		if (i == n++)                                         \
			return done(c, name, want, want_ret, (expr)); \
	} while (0)

int ktest_printf_case(unsigned int i, struct ktest_case *c)
{
	char *got = c->got;
	size_t size = sizeof(c->got);
	unsigned int n = 0;
	int dummy;

	/* Integers: flags, width, precision, lengths. */
	CASE("int_negative", "-42", 3, snprintf(got, size, "%d", -42));
	CASE("int_zero_pad_negative", "-0042", 5, snprintf(got, size, "%05d", -42));
	CASE("int_plus_space", "+7| 7|-7", 8, snprintf(got, size, "%+d|% d|%+d", 7, 7, -7));
	CASE("int_left", "[31    ]", 8, snprintf(got, size, "[%-6d]", 31));
	CASE("int_precision", "0009|  -009", 11, snprintf(got, size, "%.4d|%6.3d", 9, -9));
	CASE("int_zero_precision_zero", "0", 1, snprintf(got, size, "%.0d", 0));
	CASE("hex_octal_alt", "0xff|0XFF|010|10", 16,
	     snprintf(got, size, "%#x|%#X|%#o|%o", 255, 255, 8, 8));
	CASE("hex_alt_zero_pad", "0x0000beef", 10, snprintf(got, size, "%#010x", 0xbeef));
	CASE("llx_max", "ffffffffffffffff", 16, snprintf(got, size, "%llx", ~0ULL));
	CASE("llu_max", "18446744073709551615", 20, snprintf(got, size, "%llu", ~0ULL));
	CASE("lld_min", "-9223372036854775808", 20,
	     snprintf(got, size, "%lld", -9223372036854775807LL - 1));
	CASE("long", "-1|9223372036854775808", 22, snprintf(got, size, "%ld|%lu", -1L, 1UL << 63));
	CASE("short_char_wrap", "-56|44|-25536|4464", 18,
	     snprintf(got, size, "%hhd|%hhu|%hd|%hu", 200, 300, 40000, 70000));
	CASE("size_ptrdiff", "18446744073709551615|-1|1000|-5", 31,
	     snprintf(got, size, "%zu|%zd|%zx|%td", (size_t)-1, (ssize_t)-1, (size_t)4096,
		      (ptrdiff_t)-5));
	CASE("char", "[a|  b|c  ]", 11, snprintf(got, size, "[%c|%3c|%-3c]", 'a', 'b', 'c'));
	CASE("percent", "100%", 4, snprintf(got, size, "100%%"));

	/* Strings. */
	CASE("string_left", "[left      ]", 12, snprintf(got, size, "[%-10s]", "left"));
	CASE("string_right", "[     right]", 12, snprintf(got, size, "[%10s]", "right"));
	CASE("string_precision", "abc", 3, snprintf(got, size, "%.3s", "abcdef"));
	CASE("star_width_precision", "[   ab|cd   |ef]", 16,
	     snprintf(got, size, "[%*s|%-*s|%.*s]", 5, "ab", 5, "cd", 2, "efgh"));
	CASE("star_negative_width", "[7   ]", 6, snprintf(got, size, "[%*d]", -4, 7));
	/* As in Linux, unlike C: negative precision is 0, "%.s" has none. */
	CASE("star_negative_precision", "[]", 2, snprintf(got, size, "[%.*s]", -1, "abc"));
	CASE("dot_without_digits", "abc", 3, snprintf(got, size, "%.s", "abc"));
	CASE("string_null", "(null)", 6, snprintf(got, size, "%s", READ_ONCE(null_string)));
	CASE("sprintf", "eth-0", 5, sprintf(got, "%s-%u", "eth", 0u));

	/* Return values: snprintf the would-be length, scnprintf what it wrote. */
	CASE("snprintf_truncates", "hello w", 11, snprintf(got, 8, "%s", "hello world"));
	CASE("scnprintf_truncates", "hello w", 7, scnprintf(got, 8, "%s", "hello world"));
	CASE("snprintf_size_zero", "", 5, snprintf(got, 0, "%d", 12345));
	CASE("scnprintf_size_zero", "", 0, scnprintf(got, 0, "%d", 12345));
	CASE("snprintf_exact_fit", "hello", 5, snprintf(got, 6, "%s", "hello"));
	CASE("scnprintf_one_short", "hell", 4, scnprintf(got, 5, "%s", "hello"));
	CASE("invalid_conversion_stops", "ab", 2, snprintf(got, size, "ab%ncd", &dummy));

	/* MAC addresses. */
	CASE("mac", "00:1b:21:0a:bc:de", 17, snprintf(got, size, "%pM", mac));
	CASE("mac_reversed", "de:bc:0a:21:1b:00", 17, snprintf(got, size, "%pMR", mac));
	CASE("mac_dashes", "00-1b-21-0a-bc-de", 17, snprintf(got, size, "%pMF", mac));
	CASE("mac_plain", "001b210abcde|debc0a211b00", 25,
	     snprintf(got, size, "%pm|%pmR", mac, mac));
	CASE("mac_width", "[   00:1b:21:0a:bc:de]", 22, snprintf(got, size, "[%20pM]", mac));
	CASE("extension_letters_consumed", "[001b210abcde]", 14,
	     snprintf(got, size, "[%pmQ]", mac));

	/* IPv4 and IPv6 addresses. */
	CASE("ip4", "192.168.1.10", 12, snprintf(got, size, "%pI4", ip4));
	CASE("ip4_leading_zeros", "192.168.001.010", 15, snprintf(got, size, "%pi4", ip4));
	CASE("ip4_byte_orders", "192.168.1.10|192.168.1.10", 25,
	     snprintf(got, size, "%pI4l|%pI4h", ip4_le, &ip4_host));
	CASE("ip6", "2001:0db8:0000:0000:0000:0000:0000:0001", 39,
	     snprintf(got, size, "%pI6", ip6_doc));
	CASE("ip6_no_colons", "20010db8000000000000000000000001", 32,
	     snprintf(got, size, "%pi6", ip6_doc));
	CASE("ip6_compressed", "2001:db8::1", 11, snprintf(got, size, "%pI6c", ip6_doc));
	CASE("ip6_compressed_zero_loopback", "::|::1", 6,
	     snprintf(got, size, "%pI6c|%pI6c", ip6_zero, ip6_loopback));
	CASE("ip6_compressed_one_zero_group", "2001:db8:0:1:1:1:1:1", 20,
	     snprintf(got, size, "%pI6c", ip6_one_zero));
	CASE("ip6_compressed_longest_run", "2001:0:0:1::1", 13,
	     snprintf(got, size, "%pI6c", ip6_two_runs));
	CASE("ip6_compressed_first_equal_run", "2001:db8::1:0:0:1", 17,
	     snprintf(got, size, "%pI6c", ip6_equal_runs));
	CASE("ip6_compressed_v4_mapped", "::ffff:10.0.0.1", 15,
	     snprintf(got, size, "%pI6c", ip6_mapped));

	/* Error pointers. */
	CASE("errptr", "-ENOMEM", 7, snprintf(got, size, "%pe", ERR_PTR(-ENOMEM)));
	CASE("errptr_probe_defer", "-EPROBE_DEFER=-517", 18,
	     snprintf(got, size, "%pe=%d", ERR_PTR(-EPROBE_DEFER), -EPROBE_DEFER));
	CASE("errptr_alias", "-EAGAIN", 7, snprintf(got, size, "%pe", ERR_PTR(-EWOULDBLOCK)));
	CASE("errptr_unnamed", "-4000", 5, snprintf(got, size, "%pe", ERR_PTR(-4000)));
	CASE("errptr_width", "[-EIO      |      -EIO]", 23,
	     snprintf(got, size, "[%-10pe|%10pe]", ERR_PTR(-EIO), ERR_PTR(-EIO)));

	/* Buffers and addresses passed by reference. */
	CASE("hex", "de ad be ef|de:ad:be:ef|de-ad-be-ef|deadbeef", 44,
	     snprintf(got, size, "%4ph|%*phC|%*phD|%*phN", bytes, 4, bytes, 4, bytes, 4, bytes));
	CASE("hex_without_width", "de", 2, snprintf(got, size, "%ph", bytes));
	CASE("phys_dma", "0x00000000fee00000|0x000000001234abcd", 37,
	     snprintf(got, size, "%pa|%pad", &phys, &dma));
	CASE("va_format", "<dev 3: -ENODEV>", 16,
	     va_format_print(got, size, "dev %d: %pe", 3, ERR_PTR(-ENODEV)));
	CASE("null_reference", "(null)|(null)", 13, snprintf(got, size, "%pM|%pI4", NULL, NULL));
	CASE("bad_reference", "(efault)|(efault)", 17,
	     snprintf(got, size, "%pM|%ph", ERR_PTR(-EINVAL), (void *)16));
	CASE("unsupported_extension", "(%pU?)", 6, snprintf(got, size, "%pUb", mac));
	return -ENOENT;
}

int ktest_errname(int err, char *buf, size_t size)
{
	return snprintf(buf, size, "%pe", ERR_PTR(err));
}

int ktest_pointers(const void *p, char *buf, size_t size)
{
	return snprintf(buf, size, "%p|%px|%pK|%pS|%pe", p, p, p, p, p);
}
