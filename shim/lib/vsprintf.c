// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * vsprintf.c - the kernel's vsnprintf family (linux/sprintf.h), written from
 * Documentation/core-api/printk-formats.rst and the behaviour Linux's printf
 * self-test states. Reentrant: no state, no locks; only kasprintf allocates.
 *
 * Emulation notes (where this differs from Linux):
 * - plain %p prints the raw address, zero-padded like %px, as Linux does
 *   when booted with no_hash_pointers: a driver process has no kernel layout
 *   to hide from its own log, and the raw address is what gdb understands.
 * - %pS, %ps and %pB print the address as 0x and 16 hex digits, as Linux
 *   without KALLSYMS; %pK prints like %px.
 * - %p extensions not implemented here (%pR, %pU, %pE, %pIS, %pOF, %pb,
 *   ...) print "(%pR?)" and the like, so the gap shows in the log; Linux
 *   prints an unknown extension as a plain pointer.
 * - an invalid conversion (%n, %f, ...) ends the output there, as in Linux,
 *   but without Linux's WARN. The length 'j' (intmax_t) is accepted.
 */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>

/* Width and precision are clamped to this, so parsing cannot overflow. */
#define FMT_NUM_MAX ((1 << 23) - 1)
/* No object lives in the first page; Linux prints "(efault)" for it too. */
#define FMT_LOW_PTR 4096
/* %ph prints at most this many bytes; its width is the byte count. */
#define FMT_HEX_MAX 64
/* Text of one %p extension, before width and precision apply. */
#define FMT_TEXT_MAX 64

enum {
	F_LEFT = 1 << 0, /* '-' */
	F_PLUS = 1 << 1, /* '+' */
	F_SPACE = 1 << 2, /* ' ' */
	F_ZERO = 1 << 3, /* '0' */
	F_ALT = 1 << 4, /* '#' */
};

enum fmt_len { LEN_INT, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_Z, LEN_T, LEN_J };

struct fmt_spec {
	unsigned int flags;
	int width; /* -1: none */
	int prec; /* -1: none */
	unsigned int base; /* 8, 10 or 16 */
	bool upper; /* %X */
	bool is_signed; /* %d, %i */
};

/* Bytes land in buf while they fit; len counts all of them. */
struct fmt_out {
	char *buf;
	size_t size;
	size_t len;
};

/* A small text built before it is padded into the output. */
struct fmt_text {
	char s[FMT_TEXT_MAX];
	int n;
};

#define ERRNAME(e) [e] = #e

/*
 * Indexed by error number. Canonical names only (EWOULDBLOCK prints as
 * EAGAIN, EDEADLOCK as EDEADLK): -Wextra's -Woverride-init rejects an alias.
 */
static const char *const errnames[] = {
	ERRNAME(EPERM),
	ERRNAME(ENOENT),
	ERRNAME(ESRCH),
	ERRNAME(EINTR),
	ERRNAME(EIO),
	ERRNAME(ENXIO),
	ERRNAME(E2BIG),
	ERRNAME(ENOEXEC),
	ERRNAME(EBADF),
	ERRNAME(ECHILD),
	ERRNAME(EAGAIN),
	ERRNAME(ENOMEM),
	ERRNAME(EACCES),
	ERRNAME(EFAULT),
	ERRNAME(ENOTBLK),
	ERRNAME(EBUSY),
	ERRNAME(EEXIST),
	ERRNAME(EXDEV),
	ERRNAME(ENODEV),
	ERRNAME(ENOTDIR),
	ERRNAME(EISDIR),
	ERRNAME(EINVAL),
	ERRNAME(ENFILE),
	ERRNAME(EMFILE),
	ERRNAME(ENOTTY),
	ERRNAME(ETXTBSY),
	ERRNAME(EFBIG),
	ERRNAME(ENOSPC),
	ERRNAME(ESPIPE),
	ERRNAME(EROFS),
	ERRNAME(EMLINK),
	ERRNAME(EPIPE),
	ERRNAME(EDOM),
	ERRNAME(ERANGE),
	ERRNAME(EDEADLK),
	ERRNAME(ENAMETOOLONG),
	ERRNAME(ENOLCK),
	ERRNAME(ENOSYS),
	ERRNAME(ENOTEMPTY),
	ERRNAME(ELOOP),
	ERRNAME(ENOMSG),
	ERRNAME(EIDRM),
	ERRNAME(ECHRNG),
	ERRNAME(EL2NSYNC),
	ERRNAME(EL3HLT),
	ERRNAME(EL3RST),
	ERRNAME(ELNRNG),
	ERRNAME(EUNATCH),
	ERRNAME(ENOCSI),
	ERRNAME(EL2HLT),
	ERRNAME(EBADE),
	ERRNAME(EBADR),
	ERRNAME(EXFULL),
	ERRNAME(ENOANO),
	ERRNAME(EBADRQC),
	ERRNAME(EBADSLT),
	ERRNAME(EBFONT),
	ERRNAME(ENOSTR),
	ERRNAME(ENODATA),
	ERRNAME(ETIME),
	ERRNAME(ENOSR),
	ERRNAME(ENONET),
	ERRNAME(ENOPKG),
	ERRNAME(EREMOTE),
	ERRNAME(ENOLINK),
	ERRNAME(EADV),
	ERRNAME(ESRMNT),
	ERRNAME(ECOMM),
	ERRNAME(EPROTO),
	ERRNAME(EMULTIHOP),
	ERRNAME(EDOTDOT),
	ERRNAME(EBADMSG),
	ERRNAME(EOVERFLOW),
	ERRNAME(ENOTUNIQ),
	ERRNAME(EBADFD),
	ERRNAME(EREMCHG),
	ERRNAME(ELIBACC),
	ERRNAME(ELIBBAD),
	ERRNAME(ELIBSCN),
	ERRNAME(ELIBMAX),
	ERRNAME(ELIBEXEC),
	ERRNAME(EILSEQ),
	ERRNAME(ERESTART),
	ERRNAME(ESTRPIPE),
	ERRNAME(EUSERS),
	ERRNAME(ENOTSOCK),
	ERRNAME(EDESTADDRREQ),
	ERRNAME(EMSGSIZE),
	ERRNAME(EPROTOTYPE),
	ERRNAME(ENOPROTOOPT),
	ERRNAME(EPROTONOSUPPORT),
	ERRNAME(ESOCKTNOSUPPORT),
	ERRNAME(EOPNOTSUPP),
	ERRNAME(EPFNOSUPPORT),
	ERRNAME(EAFNOSUPPORT),
	ERRNAME(EADDRINUSE),
	ERRNAME(EADDRNOTAVAIL),
	ERRNAME(ENETDOWN),
	ERRNAME(ENETUNREACH),
	ERRNAME(ENETRESET),
	ERRNAME(ECONNABORTED),
	ERRNAME(ECONNRESET),
	ERRNAME(ENOBUFS),
	ERRNAME(EISCONN),
	ERRNAME(ENOTCONN),
	ERRNAME(ESHUTDOWN),
	ERRNAME(ETOOMANYREFS),
	ERRNAME(ETIMEDOUT),
	ERRNAME(ECONNREFUSED),
	ERRNAME(EHOSTDOWN),
	ERRNAME(EHOSTUNREACH),
	ERRNAME(EALREADY),
	ERRNAME(EINPROGRESS),
	ERRNAME(ESTALE),
	ERRNAME(EUCLEAN),
	ERRNAME(ENOTNAM),
	ERRNAME(ENAVAIL),
	ERRNAME(EISNAM),
	ERRNAME(EREMOTEIO),
	ERRNAME(EDQUOT),
	ERRNAME(ENOMEDIUM),
	ERRNAME(EMEDIUMTYPE),
	ERRNAME(ECANCELED),
	ERRNAME(ENOKEY),
	ERRNAME(EKEYEXPIRED),
	ERRNAME(EKEYREVOKED),
	ERRNAME(EKEYREJECTED),
	ERRNAME(EOWNERDEAD),
	ERRNAME(ENOTRECOVERABLE),
	ERRNAME(ERFKILL),
	ERRNAME(EHWPOISON),
	ERRNAME(ERESTARTSYS),
	ERRNAME(ERESTARTNOINTR),
	ERRNAME(ERESTARTNOHAND),
	ERRNAME(ENOIOCTLCMD),
	ERRNAME(ERESTART_RESTARTBLOCK),
	ERRNAME(EPROBE_DEFER),
	ERRNAME(EOPENSTALE),
	ERRNAME(ENOPARAM),
	ERRNAME(EBADHANDLE),
	ERRNAME(ENOTSYNC),
	ERRNAME(EBADCOOKIE),
	ERRNAME(ENOTSUPP),
	ERRNAME(ETOOSMALL),
	ERRNAME(ESERVERFAULT),
	ERRNAME(EBADTYPE),
	ERRNAME(EJUKEBOX),
	ERRNAME(EIOCBQUEUED),
	ERRNAME(ERECALLCONFLICT),
	ERRNAME(ENOGRACE),
};

static const char hex_lower[] = "0123456789abcdef";
static const char hex_upper[] = "0123456789ABCDEF";

static void format(struct fmt_out *o, const char *fmt, va_list *ap);

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_alnum(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static void put_char(struct fmt_out *o, char c)
{
	if (o->len < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void put_repeat(struct fmt_out *o, char c, int n)
{
	while (n-- > 0)
		put_char(o, c);
}

/* n bytes of s, cut to the precision, padded with spaces to the width. */
static void put_field(struct fmt_out *o, const char *s, size_t n, const struct fmt_spec *sp)
{
	int pad = 0;
	size_t i;

	if (sp->prec >= 0 && n > (size_t)sp->prec)
		n = sp->prec;
	if (sp->width > 0 && (size_t)sp->width > n)
		pad = sp->width - (int)n;
	if (!(sp->flags & F_LEFT))
		put_repeat(o, ' ', pad);
	for (i = 0; i < n; i++)
		put_char(o, s[i]);
	if (sp->flags & F_LEFT)
		put_repeat(o, ' ', pad);
}

static void put_number(struct fmt_out *o, unsigned long long v, bool neg, const struct fmt_spec *sp)
{
	const char *set = sp->upper ? hex_upper : hex_lower;
	char digits[24]; /* 64 bits in octal are 22 digits */
	const char *prefix = "";
	int n = 0, zeros, len, pad;
	char sign = 0;

	do {
		digits[n++] = set[v % sp->base];
		v /= sp->base;
	} while (v);
	if (neg)
		sign = '-';
	else if (sp->is_signed && (sp->flags & F_PLUS))
		sign = '+';
	else if (sp->is_signed && (sp->flags & F_SPACE))
		sign = ' ';
	/* Linux writes 0x before a zero too; an octal zero gets no extra 0. */
	if ((sp->flags & F_ALT) && sp->base == 16)
		prefix = sp->upper ? "0X" : "0x";
	else if ((sp->flags & F_ALT) && sp->base == 8 && digits[n - 1] != '0')
		prefix = "0";
	zeros = sp->prec > n ? sp->prec - n : 0;
	len = (sign ? 1 : 0) + (int)strlen(prefix) + zeros + n;
	pad = sp->width > len ? sp->width - len : 0;
	if ((sp->flags & F_ZERO) && !(sp->flags & F_LEFT) && sp->prec < 0) {
		zeros += pad;
		pad = 0;
	}
	if (!(sp->flags & F_LEFT))
		put_repeat(o, ' ', pad);
	if (sign)
		put_char(o, sign);
	for (; *prefix; prefix++)
		put_char(o, *prefix);
	put_repeat(o, '0', zeros);
	while (n)
		put_char(o, digits[--n]);
	if (sp->flags & F_LEFT)
		put_repeat(o, ' ', pad);
}

/*
 * An address in hex: 16 digits, zero-padded unless the format gave a width
 * (%p, %px), or with 0x in front (%pS, %pa).
 */
static void put_address(struct fmt_out *o, unsigned long long addr, int digits, bool prefix,
			const struct fmt_spec *fsp)
{
	struct fmt_spec sp = *fsp;

	sp.base = 16;
	sp.upper = false;
	sp.is_signed = false;
	sp.flags &= ~F_ALT;
	if (prefix)
		sp.flags |= F_ALT;
	if (sp.width < 0) {
		sp.width = digits + (prefix ? 2 : 0);
		sp.flags |= F_ZERO;
	}
	put_number(o, addr, false, &sp);
}

static void put_string(struct fmt_out *o, const char *s, const struct fmt_spec *sp)
{
	if (!s)
		s = "(null)";
	else if ((uintptr_t)s < FMT_LOW_PTR || IS_ERR(s))
		s = "(efault)";
	put_field(o, s, strnlen(s, sp->prec >= 0 ? (size_t)sp->prec : (size_t)-1), sp);
}

static void text_char(struct fmt_text *t, char c)
{
	if (t->n < FMT_TEXT_MAX)
		t->s[t->n++] = c;
}

static void text_str(struct fmt_text *t, const char *s)
{
	while (*s)
		text_char(t, *s++);
}

/* v in base 10 or 16, at least min_digits long. */
static void text_num(struct fmt_text *t, unsigned long v, unsigned int base, int min_digits)
{
	char digits[24];
	int n = 0;

	do {
		digits[n++] = hex_lower[v % base];
		v /= base;
	} while (v);
	while (n < min_digits)
		digits[n++] = '0';
	while (n)
		text_char(t, digits[--n]);
}

/* Whether the letters after a %p extension's first one include c. */
static bool ext_has(const char *ext, char c)
{
	for (ext++; is_alnum(*ext); ext++) {
		if (*ext == c)
			return true;
	}
	return false;
}

/* %pM %pMR %pMF %pm %pmR: 6 bytes in hex. */
static void text_mac(struct fmt_text *t, const u8 *addr, const char *ext)
{
	char sep = ext_has(ext, 'F') ? '-' : ':';
	bool reverse = ext_has(ext, 'R');
	int i;

	for (i = 0; i < 6; i++) {
		if (i && ext[0] == 'M')
			text_char(t, sep);
		text_num(t, addr[reverse ? 5 - i : i], 16, 2);
	}
}

static void text_ip4(struct fmt_text *t, const u8 *addr, bool leading_zeros, bool reverse)
{
	int i;

	for (i = 0; i < 4; i++) {
		if (i)
			text_char(t, '.');
		text_num(t, addr[reverse ? 3 - i : i], 10, leading_zeros ? 3 : 1);
	}
}

/*
 * %pI6c, RFC 5952: groups without leading zeros, the longest run of two or
 * more zero groups (the first of equal runs) written "::", and an IPv4-
 * mapped address (::ffff:0:0/96) or an ISATAP one (RFC 5214: an interface
 * ID of 0000:5efe or 0200:5efe, then the IPv4 address) ending in a dotted
 * quad.
 */
static void text_ip6_compressed(struct fmt_text *t, const u16 *g, const u8 *addr)
{
	bool mapped = !g[0] && !g[1] && !g[2] && !g[3] && !g[4] && g[5] == 0xffff;
	bool isatap = (g[4] | 0x0200) == 0x0200 && g[5] == 0x5efe;
	int groups = mapped || isatap ? 6 : 8;
	int best = -1, best_len = 1;
	int i, j;

	for (i = 0; i < groups; i = j + 1) {
		for (j = i; j < groups && !g[j]; j++)
			;
		if (j - i > best_len) {
			best = i;
			best_len = j - i;
		}
	}
	for (i = 0; i < groups; i++) {
		if (i == best) {
			text_str(t, "::");
			i += best_len - 1;
			continue;
		}
		if (i && i != best + best_len)
			text_char(t, ':');
		text_num(t, g[i], 16, 1);
	}
	if (mapped || isatap) {
		text_char(t, ':');
		text_ip4(t, addr + 12, false, false);
	}
}

/* %pI6 (colons), %pi6 (none), %pI6c (compressed): 16 bytes. */
static void text_ip6(struct fmt_text *t, const u8 *addr, const char *ext)
{
	u16 g[8];
	int i;

	for (i = 0; i < 8; i++)
		g[i] = (u16)(addr[2 * i] << 8 | addr[2 * i + 1]);
	if (ext[0] == 'I' && ext_has(ext, 'c')) {
		text_ip6_compressed(t, g, addr);
		return;
	}
	for (i = 0; i < 8; i++) {
		if (i && ext[0] == 'I')
			text_char(t, ':');
		text_num(t, g[i], 16, 4);
	}
}

static const char *errname(long err)
{
	if (err > 0 && err < (long)(sizeof(errnames) / sizeof(errnames[0])))
		return errnames[err];
	return NULL;
}

/* %ph %phC %phD %phN: width bytes (1 without one, at most 64) in hex. */
static void put_hex(struct fmt_out *o, const u8 *p, const char *ext, const struct fmt_spec *sp)
{
	char sep = ext_has(ext, 'C') ? ':' : ext_has(ext, 'D') ? '-' : ' ';
	int n = sp->width < 0 ? 1 : sp->width;
	int i;

	if (ext_has(ext, 'N'))
		sep = 0;
	if (n > FMT_HEX_MAX)
		n = FMT_HEX_MAX;
	for (i = 0; i < n; i++) {
		if (i && sep)
			put_char(o, sep);
		put_char(o, hex_lower[p[i] >> 4]);
		put_char(o, hex_lower[p[i] & 15]);
	}
}

/* Extensions that read through the pointer say so when they cannot. */
static bool put_bad_ptr(struct fmt_out *o, const void *p, const struct fmt_spec *sp)
{
	const char *why;

	if (!p)
		why = "(null)";
	else if ((uintptr_t)p < FMT_LOW_PTR || IS_ERR(p))
		why = "(efault)";
	else
		return false;
	put_field(o, why, strlen(why), sp);
	return true;
}

/* An extension Linux has and uldd has not yet: "(%pR?)". */
static void put_unsupported(struct fmt_out *o, char c)
{
	put_char(o, '(');
	put_char(o, '%');
	put_char(o, 'p');
	put_char(o, c);
	put_char(o, '?');
	put_char(o, ')');
}

/* %p and its extensions; ext points after the 'p'. */
static void put_pointer(struct fmt_out *o, const char *ext, const void *p,
			const struct fmt_spec *sp)
{
	struct fmt_text t = { .n = 0 };
	struct fmt_spec num = *sp;
	unsigned long long v;

	if (!is_alnum(ext[0]) || ext[0] == 'x' || ext[0] == 'K') {
		put_address(o, (uintptr_t)p, 2 * sizeof(p), false, sp);
		return;
	}
	switch (ext[0]) {
	case 'S':
	case 's':
	case 'B':
		put_address(o, (uintptr_t)p, 2 * sizeof(p), true, sp);
		return;
	case 'e':
		if (!IS_ERR(p)) {
			put_address(o, (uintptr_t)p, 2 * sizeof(p), false, sp);
			return;
		}
		if (errname(-PTR_ERR(p))) {
			text_char(&t, '-');
			text_str(&t, errname(-PTR_ERR(p)));
			break;
		}
		num.base = 10;
		num.is_signed = true;
		num.flags &= ~F_ALT;
		put_number(o, -PTR_ERR(p), true, &num);
		return;
	case 'M':
	case 'm':
	case 'I':
	case 'i':
	case 'h':
	case 'a':
	case 'V':
		if (put_bad_ptr(o, p, sp))
			return;
		break;
	default:
		put_unsupported(o, ext[0]);
		return;
	}

	switch (ext[0]) {
	case 'M':
	case 'm':
		text_mac(&t, p, ext);
		break;
	case 'I':
	case 'i':
		if (ext[1] == '4') {
			/* 'l' little-endian, 'h' host order; else network order. */
			bool reverse =
				ext_has(ext, 'l') ||
				(ext_has(ext, 'h') && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__);

			text_ip4(&t, p, ext[0] == 'i', reverse);
		} else if (ext[1] == '6') {
			text_ip6(&t, p, ext);
		} else {
			put_unsupported(o, ext[0]);
			return;
		}
		break;
	case 'h':
		put_hex(o, p, ext, sp);
		return;
	case 'a':
		/* %pa, %pap: phys_addr_t; %pad: dma_addr_t; both by reference. */
		if (ext_has(ext, 'd'))
			v = *(const dma_addr_t *)p;
		else
			v = *(const phys_addr_t *)p;
		put_address(o, v, 2 * sizeof(v), true, sp);
		return;
	case 'V': {
		const struct va_format *vaf = p;
		va_list va;

		va_copy(va, *vaf->va);
		format(o, vaf->fmt, &va);
		va_end(va);
		return;
	}
	}
	put_field(o, t.s, t.n, sp);
}

static int parse_num(const char **fmtp)
{
	const char *fmt = *fmtp;
	int v = 0;

	for (; is_digit(*fmt); fmt++) {
		if (v <= FMT_NUM_MAX)
			v = v * 10 + (*fmt - '0');
	}
	*fmtp = fmt;
	return v > FMT_NUM_MAX ? FMT_NUM_MAX : v;
}

/* Flags, width, precision and length of one conversion, after its '%'. */
static const char *parse_spec(const char *fmt, struct fmt_spec *sp, enum fmt_len *len, va_list *ap)
{
	for (;; fmt++) {
		if (*fmt == '-')
			sp->flags |= F_LEFT;
		else if (*fmt == '+')
			sp->flags |= F_PLUS;
		else if (*fmt == ' ')
			sp->flags |= F_SPACE;
		else if (*fmt == '0')
			sp->flags |= F_ZERO;
		else if (*fmt == '#')
			sp->flags |= F_ALT;
		else
			break;
	}

	if (*fmt == '*') {
		int w = va_arg(*ap, int);

		fmt++;
		if (w < 0) {
			sp->flags |= F_LEFT;
			w = w < -FMT_NUM_MAX ? FMT_NUM_MAX : -w;
		}
		sp->width = w > FMT_NUM_MAX ? FMT_NUM_MAX : w;
	} else if (is_digit(*fmt)) {
		sp->width = parse_num(&fmt);
	}

	/*
	 * As in Linux and unlike C: a negative precision counts as 0, and a
	 * '.' without digits ("%.s") as no precision at all.
	 */
	if (*fmt == '.') {
		fmt++;
		if (*fmt == '*') {
			int p = va_arg(*ap, int);

			fmt++;
			sp->prec = p < 0 ? 0 : p > FMT_NUM_MAX ? FMT_NUM_MAX : p;
		} else if (is_digit(*fmt)) {
			sp->prec = parse_num(&fmt);
		}
	}

	*len = LEN_INT;
	switch (*fmt) {
	case 'h':
		*len = fmt[1] == 'h' ? LEN_HH : LEN_H;
		fmt += *len == LEN_HH ? 2 : 1;
		break;
	case 'l':
		*len = fmt[1] == 'l' ? LEN_LL : LEN_L;
		fmt += *len == LEN_LL ? 2 : 1;
		break;
	case 'L':
		*len = LEN_LL;
		fmt++;
		break;
	case 'z':
	case 'Z':
		*len = LEN_Z;
		fmt++;
		break;
	case 't':
		*len = LEN_T;
		fmt++;
		break;
	case 'j':
		*len = LEN_J;
		fmt++;
		break;
	}
	return fmt;
}

/* The next integer argument, as its magnitude and sign. */
static unsigned long long get_integer(va_list *ap, enum fmt_len len, bool is_signed, bool *neg)
{
	long long s;

	*neg = false;
	if (!is_signed) {
		switch (len) {
		case LEN_HH:
			return (unsigned char)va_arg(*ap, unsigned int);
		case LEN_H:
			return (unsigned short)va_arg(*ap, unsigned int);
		case LEN_L:
			return va_arg(*ap, unsigned long);
		case LEN_LL:
			return va_arg(*ap, unsigned long long);
		case LEN_Z:
			return va_arg(*ap, size_t);
		case LEN_T:
			return (size_t)va_arg(*ap, ptrdiff_t);
		case LEN_J:
			return va_arg(*ap, __UINTMAX_TYPE__);
		default:
			return va_arg(*ap, unsigned int);
		}
	}
	switch (len) {
	case LEN_HH:
		s = (signed char)va_arg(*ap, int);
		break;
	case LEN_H:
		s = (short)va_arg(*ap, int);
		break;
	case LEN_L:
		s = va_arg(*ap, long);
		break;
	case LEN_LL:
		s = va_arg(*ap, long long);
		break;
	case LEN_Z:
		s = va_arg(*ap, ssize_t);
		break;
	case LEN_T:
		s = va_arg(*ap, ptrdiff_t);
		break;
	case LEN_J:
		s = va_arg(*ap, __INTMAX_TYPE__);
		break;
	default:
		s = va_arg(*ap, int);
		break;
	}
	*neg = s < 0;
	/* Negating in unsigned arithmetic is right for LLONG_MIN too. */
	return *neg ? 0ULL - (unsigned long long)s : (unsigned long long)s;
}

static void format(struct fmt_out *o, const char *fmt, va_list *ap)
{
	while (*fmt) {
		struct fmt_spec sp = { .width = -1, .prec = -1, .base = 10 };
		unsigned long long v;
		enum fmt_len len;
		bool neg;
		char c;

		if (*fmt != '%') {
			put_char(o, *fmt++);
			continue;
		}
		fmt = parse_spec(fmt + 1, &sp, &len, ap);
		switch (*fmt++) {
		case '%':
			put_char(o, '%');
			continue;
		case 'c':
			c = (char)va_arg(*ap, int);
			sp.prec = -1;
			put_field(o, &c, 1, &sp);
			continue;
		case 's':
			put_string(o, va_arg(*ap, const char *), &sp);
			continue;
		case 'p':
			put_pointer(o, fmt, va_arg(*ap, const void *), &sp);
			/* Letters after %p belong to the extension, known or not. */
			while (is_alnum(*fmt))
				fmt++;
			continue;
		case 'd':
		case 'i':
			sp.is_signed = true;
			break;
		case 'u':
			break;
		case 'x':
			sp.base = 16;
			break;
		case 'X':
			sp.base = 16;
			sp.upper = true;
			break;
		case 'o':
			sp.base = 8;
			break;
		default:
			/* %n, floating point, or not a conversion: the arguments
			 * cannot be followed any further. */
			return;
		}
		v = get_integer(ap, len, sp.is_signed, &neg);
		put_number(o, v, neg, &sp);
	}
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct fmt_out o = { .buf = buf, .size = size, .len = 0 };
	va_list ap;

	/* A negative length converted to size_t: refused, as Linux does. */
	if (unlikely(size > __INT_MAX__))
		return 0;
	va_copy(ap, args);
	format(&o, fmt, &ap);
	va_end(ap);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return o.len > __INT_MAX__ ? __INT_MAX__ : (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}

int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int n = vsnprintf(buf, size, fmt, args);

	if ((size_t)n < size)
		return n;
	return size ? (int)size - 1 : 0;
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}

int vsprintf(char *buf, const char *fmt, va_list args)
{
	return vsnprintf(buf, __INT_MAX__, fmt, args);
}

int sprintf(char *buf, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, __INT_MAX__, fmt, args);
	va_end(args);
	return n;
}

char *kvasprintf(gfp_t gfp, const char *fmt, va_list args)
{
	va_list measure;
	char *p;
	int len;

	va_copy(measure, args);
	len = vsnprintf(NULL, 0, fmt, measure);
	va_end(measure);
	p = kmalloc(len + 1, gfp);
	if (p)
		vsnprintf(p, len + 1, fmt, args);
	return p;
}

char *kasprintf(gfp_t gfp, const char *fmt, ...)
{
	va_list args;
	char *p;

	va_start(args, fmt);
	p = kvasprintf(gfp, fmt, args);
	va_end(args);
	return p;
}
