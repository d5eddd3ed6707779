// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * printf.c - the kernel's snprintf family (Documentation/core-api/
 * printk-formats.rst): snprintf returns the length the whole output would
 * have, scnprintf what it wrote, both NUL-terminate within size and write
 * nothing past it; the integer, width and precision rules; and the %p
 * extensions drivers print with (%pM, %pm, %pI4, %pI6, %pI6c, %ph, %pe,
 * %pa, %pad, %pV, %px). Plain %p is not compared: Linux prints a hash.
 *
 * Where the kernel differs from C, the kernel is what counts: "%.0d" of 0
 * prints "0", a negative precision from '*' is 0 and a '.' without digits
 * no precision at all, "%#x" of 0 is "0x0". Those calls go through
 * vsnprintf: in the kernel's build, gcc replaces the value of an
 * snprintf() whose arguments it can see with the length C's rules give
 * (-fprintf-return-value), and the module got 0 for "%.0d" of 0 while
 * the kernel had written "0".
 */
#include <asm/byteorder.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "conform.h"

static char buf[256];

/*
 * call (which writes into buf) returned want_ret and left want there. buf
 * is cleared first, so a call that wrote nothing leaves "".
 */
#define FMT(want, want_ret, call)                   \
	do {                                        \
		int __fr;                           \
		memset(buf, 0, sizeof(buf));        \
		__fr = (call);                      \
		CHECK_STR(buf, want);               \
		CHECK_CMP(__fr, ==, (int)want_ret); \
	} while (0)

#define SZ sizeof(buf)

static const u8 mac[6] = { 0x00, 0x1b, 0x21, 0x0a, 0xbc, 0xde };
static const u8 ip4[4] = { 192, 168, 1, 10 };
/* The same address stored little-endian, and as a number in host order. */
static const u8 ip4_le[4] = { 10, 1, 168, 192 };
static const u32 ip4_host = 0xc0a8010a;
static const __be32 ip4_net = cpu_to_be32(0xc0a8010a);
static const u8 ip6_doc[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 };
static const u8 ip6_zero[16];
static const u8 ip6_loopback[16] = { [15] = 1 };
static const u8 ip6_one_zero[16] = { 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1 };
static const u8 ip6_two_runs[16] = { 0x20, 0x01, [7] = 1, [15] = 1 };
static const u8 ip6_equal_runs[16] = { 0x20, 0x01, 0x0d, 0xb8, [9] = 1, [15] = 1 };
static const u8 ip6_trailing_run[16] = { 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 1 };
static const u8 ip6_mapped[16] = { [10] = 0xff, [11] = 0xff, [12] = 10, [15] = 1 };
static const u8 ip6_isatap[16] = { 0xfe, 0x80, [10] = 0x5e, [11] = 0xfe, 192, 0, 2, 1 };
static const u8 bytes[70] = { 0xde, 0xad, 0xbe, 0xef, [69] = 0x45 };
static const phys_addr_t phys = 0xfee00000;
static const dma_addr_t dma = 0x1234abcd;
/* Through READ_ONCE, so the compiler does not see the NULL it is given. */
static const char *null_string;

static __printf(3, 4) int vsn(char *b, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(b, size, fmt, args);
	va_end(args);
	return n;
}

static __printf(3, 4) int vscn(char *b, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vscnprintf(b, size, fmt, args);
	va_end(args);
	return n;
}

static int integers(struct conform_dev *dev)
{
	FMT("-42", 3, snprintf(buf, SZ, "%d", -42));
	FMT("-0042", 5, snprintf(buf, SZ, "%05d", -42));
	FMT("+7| 7|-7", 8, snprintf(buf, SZ, "%+d|% d|%+d", 7, 7, -7));
	FMT("[31    ]", 8, snprintf(buf, SZ, "[%-6d]", 31));
	FMT("0009|  -009", 11, snprintf(buf, SZ, "%.4d|%6.3d", 9, -9));
	FMT("0", 1, vsn(buf, SZ, "%.0d", 0));
	FMT("0xff|0XFF|010|10", 16, snprintf(buf, SZ, "%#x|%#X|%#o|%o", 255, 255, 8, 8));
	FMT("0x0|0", 5, vsn(buf, SZ, "%#x|%#o", 0, 0));
	FMT("0x0000beef", 10, snprintf(buf, SZ, "%#010x", 0xbeef));
	FMT("ffffffffffffffff", 16, snprintf(buf, SZ, "%llx", ~0ULL));
	FMT("18446744073709551615", 20, snprintf(buf, SZ, "%llu", ~0ULL));
	FMT("-9223372036854775808", 20, snprintf(buf, SZ, "%lld", -9223372036854775807LL - 1));
	FMT("-1|9223372036854775808", 22, snprintf(buf, SZ, "%ld|%lu", -1L, 1UL << 63));
	/* The h and hh lengths narrow the int they are given; cppcheck takes that for a mistake. */
	/* cppcheck-suppress [invalidPrintfArgType_sint, invalidPrintfArgType_uint] */
	FMT("-56|44|-25536|4464", 18,
	    snprintf(buf, SZ, "%hhd|%hhu|%hd|%hu", 200, 300, 40000, 70000));
	FMT("18446744073709551615|-1|1000|-5", 31,
	    snprintf(buf, SZ, "%zu|%zd|%zx|%td", (size_t)-1, (ssize_t)-1, (size_t)4096,
		     (ptrdiff_t)-5));
	FMT("+42  | 0042|+0042|  -42", 23,
	    snprintf(buf, SZ, "%-+5d|% 05d|%+05d|%5d", 42, 42, 42, -42));
	/* cppcheck-suppress [invalidPrintfArgType_sint, invalidPrintfArgType_uint] */
	FMT("ff|377|-1|4294967295", 20, snprintf(buf, SZ, "%hhx|%hho|%hhd|%u", -1, -1, -1, -1));
	FMT("    0", 5, vsn(buf, SZ, "%5.0d", 0));
	FMT("[7   ]", 6, snprintf(buf, SZ, "[%*d]", -4, 7));
	FMT("[  -3]", 6, snprintf(buf, SZ, "[%*d]", 4, -3));
	return 0;
}

static int strings_and_chars(struct conform_dev *dev)
{
	FMT("[left      ]", 12, snprintf(buf, SZ, "[%-10s]", "left"));
	FMT("[     right]", 12, snprintf(buf, SZ, "[%10s]", "right"));
	FMT("abc", 3, snprintf(buf, SZ, "%.3s", "abcdef"));
	FMT("[   ab|cd   |ef]", 16,
	    snprintf(buf, SZ, "[%*s|%-*s|%.*s]", 5, "ab", 5, "cd", 2, "efgh"));
	/* A negative precision from '*' is 0; a '.' without digits is none. */
	FMT("[]", 2, vsn(buf, SZ, "[%.*s]", -1, "abc"));
	FMT("abc", 3, vsn(buf, SZ, "%.s", "abc"));
	FMT("(null)", 6, snprintf(buf, SZ, "%s", READ_ONCE(null_string)));
	FMT("[a|  b|c  ]", 11, snprintf(buf, SZ, "[%c|%3c|%-3c]", 'a', 'b', 'c'));
	FMT("100%", 4, snprintf(buf, SZ, "100%%"));
	FMT("eth-0", 5, sprintf(buf, "%s-%u", "eth", 0u));
	return 0;
}

static int return_values(struct conform_dev *dev)
{
	size_t used = 0;

	FMT("hello w", 11, snprintf(buf, 8, "%s", "hello world"));
	FMT("hello w", 7, scnprintf(buf, 8, "%s", "hello world"));
	FMT("hello w", 11, vsn(buf, 8, "%s", "hello world"));
	FMT("hello w", 7, vscn(buf, 8, "%s", "hello world"));
	FMT("hello", 5, snprintf(buf, 6, "%s", "hello"));
	FMT("hell", 4, scnprintf(buf, 5, "%s", "hello"));
	FMT("", 5, snprintf(buf, 0, "%d", 12345));
	FMT("", 0, scnprintf(buf, 0, "%d", 12345));
	/* The measuring call drivers make before allocating. */
	CHECK_CMP(snprintf(NULL, 0, "%s:%d", "eth", 10), ==, 6);

	/* Nothing is written past size. */
	memset(buf, 'x', 16);
	CHECK_CMP(snprintf(buf, 4, "%d", 123456), ==, 6);
	CHECK(!memcmp(buf, "123\0xxxxxxxxxxxx", 16));
	memset(buf, 'x', 16);
	CHECK_CMP(snprintf(buf, 0, "%d", 1), ==, 1);
	CHECK_CMP(buf[0], ==, 'x');

	/* Appending with scnprintf never runs past the end. */
	memset(buf, 0, sizeof(buf));
	for (int i = 0; i < 10; i++)
		used += scnprintf(buf + used, 16 - used, "%d,", i);
	CHECK_CMP(used, ==, 15);
	CHECK_STR(buf, "0,1,2,3,4,5,6,7");
	return 0;
}

static int mac_addresses(struct conform_dev *dev)
{
	FMT("00:1b:21:0a:bc:de", 17, snprintf(buf, SZ, "%pM", mac));
	FMT("de:bc:0a:21:1b:00", 17, snprintf(buf, SZ, "%pMR", mac));
	FMT("00-1b-21-0a-bc-de", 17, snprintf(buf, SZ, "%pMF", mac));
	FMT("001b210abcde|debc0a211b00", 25, snprintf(buf, SZ, "%pm|%pmR", mac, mac));
	FMT("[   00:1b:21:0a:bc:de]", 22, snprintf(buf, SZ, "[%20pM]", mac));
	FMT("[00:1b:21:0a:bc:de   ]", 22, snprintf(buf, SZ, "[%-20pM]", mac));
	/* Every letter after %p belongs to the extension, known or not. */
	FMT("[001b210abcde]", 14, snprintf(buf, SZ, "[%pmQ]", mac));
	return 0;
}

static int ipv4_addresses(struct conform_dev *dev)
{
	FMT("192.168.1.10", 12, snprintf(buf, SZ, "%pI4", ip4));
	FMT("192.168.001.010", 15, snprintf(buf, SZ, "%pi4", ip4));
	FMT("192.168.1.10|192.168.1.10", 25, snprintf(buf, SZ, "%pI4l|%pI4h", ip4_le, &ip4_host));
	FMT("192.168.1.10|192.168.1.10", 25, snprintf(buf, SZ, "%pI4n|%pI4", &ip4_net, &ip4_net));
	FMT("[  192.168.1.10]", 16, snprintf(buf, SZ, "[%14pI4]", ip4));
	return 0;
}

static int ipv6_addresses(struct conform_dev *dev)
{
	FMT("2001:0db8:0000:0000:0000:0000:0000:0001", 39, snprintf(buf, SZ, "%pI6", ip6_doc));
	FMT("20010db8000000000000000000000001", 32, snprintf(buf, SZ, "%pi6", ip6_doc));
	FMT("2001:db8::1", 11, snprintf(buf, SZ, "%pI6c", ip6_doc));
	FMT("::|::1", 6, snprintf(buf, SZ, "%pI6c|%pI6c", ip6_zero, ip6_loopback));
	/* A single zero group is not compressed. */
	FMT("2001:db8:0:1:1:1:1:1", 20, snprintf(buf, SZ, "%pI6c", ip6_one_zero));
	/* The longest run of zero groups; of equal runs, the first. */
	FMT("2001:0:0:1::1", 13, snprintf(buf, SZ, "%pI6c", ip6_two_runs));
	FMT("2001:db8::1:0:0:1", 17, snprintf(buf, SZ, "%pI6c", ip6_equal_runs));
	FMT("2001:db8:0:1::", 14, snprintf(buf, SZ, "%pI6c", ip6_trailing_run));
	/* IPv4-mapped and ISATAP addresses end in a dotted quad. */
	FMT("::ffff:10.0.0.1", 15, snprintf(buf, SZ, "%pI6c", ip6_mapped));
	FMT("fe80::5efe:192.0.2.1", 20, snprintf(buf, SZ, "%pI6c", ip6_isatap));
	return 0;
}

static int error_pointers(struct conform_dev *dev)
{
	FMT("-ENOMEM", 7, snprintf(buf, SZ, "%pe", ERR_PTR(-ENOMEM)));
	FMT("-EPROBE_DEFER=-517", 18,
	    snprintf(buf, SZ, "%pe=%d", ERR_PTR(-EPROBE_DEFER), -EPROBE_DEFER));
	FMT("-ETIMEDOUT|-EOPNOTSUPP|-ENOTSUPP", 32,
	    snprintf(buf, SZ, "%pe|%pe|%pe", ERR_PTR(-ETIMEDOUT), ERR_PTR(-EOPNOTSUPP),
		     ERR_PTR(-ENOTSUPP)));
	/* Two names for one number print as the first. */
	FMT("-EAGAIN", 7, snprintf(buf, SZ, "%pe", ERR_PTR(-EWOULDBLOCK)));
	/* An error without a name prints as its number. */
	FMT("-4000", 5, snprintf(buf, SZ, "%pe", ERR_PTR(-4000)));
	FMT("[-EIO      |      -EIO]", 23,
	    snprintf(buf, SZ, "[%-10pe|%10pe]", ERR_PTR(-EIO), ERR_PTR(-EIO)));
	return 0;
}

static int hex_buffers(struct conform_dev *dev)
{
	FMT("de ad be ef|de:ad:be:ef|de-ad-be-ef|deadbeef", 44,
	    snprintf(buf, SZ, "%4ph|%*phC|%*phD|%*phN", bytes, 4, bytes, 4, bytes, 4, bytes));
	FMT("de", 2, snprintf(buf, SZ, "%ph", bytes));
	FMT("[]", 2, snprintf(buf, SZ, "[%*ph]", 0, bytes));
	/* At most 64 bytes: the 70th is not printed. */
	memset(buf, 0, sizeof(buf));
	CHECK_CMP(snprintf(buf, SZ, "%*phN", 70, bytes), ==, 128);
	CHECK_STR(buf + 120, "00000000");
	return 0;
}

static int phys_dma_addresses(struct conform_dev *dev)
{
	FMT("0x00000000fee00000|0x000000001234abcd|0x00000000fee00000", 56,
	    snprintf(buf, SZ, "%pa|%pad|%pap", &phys, &dma, &phys));
	return 0;
}

/*
 * %px is the raw value, in hex with no prefix, zero-padded to a pointer's
 * width. So is plain %p of NULL or of an error value (not addresses, so
 * not hashed), and %pe of what is not an error.
 */
static int raw_pointers(struct conform_dev *dev)
{
	char want[32];
	const void *p = &buf[3];

	snprintf(want, sizeof(want), "%016lx", (unsigned long)p);
	FMT(want, 16, snprintf(buf, SZ, "%px", p));
	FMT("0000000000000000", 16, snprintf(buf, SZ, "%px", NULL));
	FMT("0000000000000000|fffffffffffffff4|0000000000000000", 50,
	    snprintf(buf, SZ, "%p|%p|%pe", NULL, ERR_PTR(-ENOMEM), NULL));
	return 0;
}

static __printf(3, 4) int pv(char *b, size_t size, const char *fmt, ...)
{
	struct va_format vaf;
	va_list args;
	int n;

	va_start(args, fmt);
	vaf.fmt = fmt;
	vaf.va = &args;
	n = snprintf(b, size, "<%pV>", &vaf);
	va_end(args);
	return n;
}

static __printf(3, 4) int pv_nested(char *b, size_t size, const char *fmt, ...)
{
	struct va_format vaf;
	va_list args;
	int n;

	va_start(args, fmt);
	vaf.fmt = fmt;
	vaf.va = &args;
	n = pv(b, size, "%s %pV!", "in", &vaf);
	va_end(args);
	return n;
}

static int pointer_va_format(struct conform_dev *dev)
{
	FMT("<dev 3: -ENODEV>", 16, pv(buf, SZ, "dev %d: %pe", 3, ERR_PTR(-ENODEV)));
	FMT("<in 00:1b:21:0a:bc:de 7!>", 25, pv_nested(buf, SZ, "%pM %u", mac, 7u));
	FMT("<ab", 6, pv(buf, 4, "%s", "abcd"));
	return 0;
}

/* Extensions that read through the pointer name what they could not read. */
static int bad_pointers(struct conform_dev *dev)
{
	FMT("(null)|(null)|(null)", 20, snprintf(buf, SZ, "%pM|%pI4|%ph", NULL, NULL, NULL));
	FMT("(efault)|(efault)", 17, snprintf(buf, SZ, "%pM|%ph", ERR_PTR(-EINVAL), (void *)16));
	FMT("(efault)|(efault)", 17,
	    snprintf(buf, SZ, "%s|%s", (char *)ERR_PTR(-EINVAL), (char *)16));
	return 0;
}

static __printf(2, 3) char *kvas(gfp_t gfp, const char *fmt, ...)
{
	va_list args;
	char *p;

	va_start(args, fmt);
	p = kvasprintf(gfp, fmt, args);
	va_end(args);
	return p;
}

/* The whole output in memory of its own, however long: kfree it. */
static int kasprintf_whole(struct conform_dev *dev)
{
	char *a = kasprintf(GFP_KERNEL, "%s-%d:%pM", "eth", 12, mac);
	char *b = kvas(GFP_KERNEL, "%0300d|%pe", 7, ERR_PTR(-EBUSY));
	char *c = kasprintf(GFP_KERNEL, "%s", "");
	bool a_ok = a && !strcmp(a, "eth-12:00:1b:21:0a:bc:de");
	bool b_ok = b && strlen(b) == 307 && b[298] == '0' && !strcmp(b + 299, "7|-EBUSY");
	bool c_ok = c && !*c;

	kfree(a);
	kfree(b);
	kfree(c);
	CHECK(a_ok);
	CHECK(b_ok);
	CHECK(c_ok);
	return 0;
}

static const struct conform_case printf_cases[] = {
	{ "integers", integers },
	{ "strings_and_chars", strings_and_chars },
	{ "return_values", return_values },
	{ "mac_addresses", mac_addresses },
	{ "ipv4_addresses", ipv4_addresses },
	{ "ipv6_addresses", ipv6_addresses },
	{ "error_pointers", error_pointers },
	{ "hex_buffers", hex_buffers },
	{ "phys_dma_addresses", phys_dma_addresses },
	{ "raw_pointers", raw_pointers },
	{ "va_format", pointer_va_format },
	{ "bad_pointers", bad_pointers },
	{ "kasprintf_whole", kasprintf_whole },
};
CONFORM_SUITE(printf, printf_cases);
