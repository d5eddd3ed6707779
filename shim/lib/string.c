// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * string.c - the kernel's memory and string functions (linux/string.h).
 * gcc emits calls to memcpy, memmove, memset and memcmp even in freestanding
 * code, so K-world must define them; shim.mk builds this file with
 * -fno-tree-loop-distribute-patterns so these loops do not become calls to
 * themselves. Reentrant, no state.
 *
 * With --debug=kasan the copying ones check their ranges first, as the
 * kernel's KASAN checks its uninstrumented string functions: a driver's
 * memset past its kmalloc is caught here even when the driver was not
 * built for kasan.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <uldd/debug.h>

#include "../debug/kasan.h"

/* A range the caller (the function's caller: KASAN_RET_IP) reads or writes. */
#define kasan_range(p, n, write)                                           \
	do {                                                               \
		if (uldd_debug_on(ULDD_DEBUG_KASAN))                       \
			uldd_kasan_check((p), (n), (write), KASAN_RET_IP); \
	} while (0)

/*
 * Eight bytes a move: __builtin_memcpy of a constant size is one load or
 * store (x86 allows them unaligned), never a call, even under -fno-builtin.
 * Packet paths copy and clear hundreds of bytes per frame.
 */
static __always_inline void *copy_forward(void *dest, const void *src, size_t n)
{
	unsigned char *d = dest;
	const unsigned char *s = src;
	u64 a, b;

	for (; n >= 16; n -= 16, d += 16, s += 16) {
		__builtin_memcpy(&a, s, 8);
		__builtin_memcpy(&b, s + 8, 8);
		__builtin_memcpy(d, &a, 8);
		__builtin_memcpy(d + 8, &b, 8);
	}
	if (n >= 8) {
		__builtin_memcpy(&a, s, 8);
		__builtin_memcpy(d, &a, 8);
		n -= 8;
		d += 8;
		s += 8;
	}
	while (n--)
		*d++ = *s++;
	return dest;
}

void *memcpy(void *dest, const void *src, size_t n)
{
	kasan_range(src, n, false);
	kasan_range(dest, n, true);
	return copy_forward(dest, src, n);
}

void *memmove(void *dest, const void *src, size_t n)
{
	unsigned char *d = dest;
	const unsigned char *s = src;

	kasan_range(src, n, false);
	kasan_range(dest, n, true);
	/* Forwards is safe unless dest starts inside src; else backwards. */
	if ((uintptr_t)d - (uintptr_t)s >= n)
		return copy_forward(dest, src, n);
	while (n--)
		d[n] = s[n];
	return dest;
}

void *memset(void *s, int c, size_t n)
{
	unsigned char *p = s;
	u64 v = 0x0101010101010101ULL * (unsigned char)c;

	kasan_range(s, n, true);
	for (; n >= 16; n -= 16, p += 16) {
		__builtin_memcpy(p, &v, 8);
		__builtin_memcpy(p + 8, &v, 8);
	}
	if (n >= 8) {
		__builtin_memcpy(p, &v, 8);
		n -= 8;
		p += 8;
	}
	while (n--)
		*p++ = (unsigned char)c;
	return s;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (; n; n--, x++, y++) {
		if (*x != *y)
			return *x - *y;
	}
	return 0;
}

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

size_t strnlen(const char *s, size_t maxlen)
{
	size_t n = 0;

	while (n < maxlen && s[n])
		n++;
	return n;
}

int strcmp(const char *a, const char *b)
{
	return strncmp(a, b, (size_t)-1);
}

int strncmp(const char *a, const char *b, size_t n)
{
	const unsigned char *x = (const unsigned char *)a;
	const unsigned char *y = (const unsigned char *)b;

	for (; n; n--, x++, y++) {
		if (*x != *y)
			return *x < *y ? -1 : 1;
		if (!*x)
			break;
	}
	return 0;
}

char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}

char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (!*s)
			return (char *)last;
	}
}

char *strcpy(char *dest, const char *src)
{
	char *d = dest;

	if (uldd_debug_on(ULDD_DEBUG_KASAN)) {
		size_t n = strlen(src) + 1;

		uldd_kasan_check(src, n, false, KASAN_RET_IP);
		uldd_kasan_check(dest, n, true, KASAN_RET_IP);
	}
	while ((*d++ = *src++))
		;
	return dest;
}

/* Pads with NULs to count and, unlike strscpy, may leave dest unterminated. */
char *strncpy(char *dest, const char *src, size_t count)
{
	size_t n = 0;

	kasan_range(dest, count, true);
	for (; n < count && src[n]; n++)
		dest[n] = src[n];
	for (; n < count; n++)
		dest[n] = '\0';
	return dest;
}

size_t strlcpy(char *dest, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = len < size - 1 ? len : size - 1;

		kasan_range(dest, n + 1, true);
		copy_forward(dest, src, n);
		dest[n] = '\0';
	}
	return len;
}

char *strcat(char *dest, const char *src)
{
	strcpy(dest + strlen(dest), src);
	return dest;
}

ssize_t sized_strscpy(char *dest, const char *src, size_t count)
{
	size_t n;

	if (count == 0)
		return -E2BIG;
	kasan_range(dest, strnlen(src, count - 1) + 1, true);
	for (n = 0; n < count - 1 && src[n]; n++)
		dest[n] = src[n];
	dest[n] = '\0';
	return src[n] ? -E2BIG : (ssize_t)n;
}

/* Compares a word at a time; the bytes of the word that differed are searched after. */
void *memchr_inv(const void *start, int c, size_t bytes)
{
	const unsigned char *p = start;
	unsigned char v = (unsigned char)c;
	u64 pattern = 0x0101010101010101ULL * v, w;

	for (; bytes >= 8; bytes -= 8, p += 8) {
		__builtin_memcpy(&w, p, 8);
		if (w != pattern)
			break;
	}
	for (; bytes; bytes--, p++) {
		if (*p != v)
			return (void *)p;
	}
	return NULL;
}

/* The kernel's isspace(): Latin-1, so the no-break space (0xa0) counts too. */
static bool is_space(char ch)
{
	unsigned char c = (unsigned char)ch;

	return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xa0;
}

char *skip_spaces(const char *str)
{
	while (is_space(*str))
		str++;
	return (char *)str;
}

char *strim(char *s)
{
	size_t size = strlen(s);
	char *end;

	if (!size)
		return s;
	end = s + size - 1;
	while (end >= s && is_space(*end))
		end--;
	end[1] = '\0';
	return skip_spaces(s);
}

bool sysfs_streq(const char *s1, const char *s2)
{
	while (*s1 && *s1 == *s2) {
		s1++;
		s2++;
	}
	if (*s1 == *s2)
		return true;
	/* What is left of one side is a lone newline. */
	return (!*s1 && s2[0] == '\n' && !s2[1]) || (!*s2 && s1[0] == '\n' && !s1[1]);
}

int match_string(const char *const *array, size_t n, const char *string)
{
	for (size_t i = 0; i < n && array[i]; i++) {
		if (!strcmp(array[i], string))
			return (int)i;
	}
	return -EINVAL;
}

int __sysfs_match_string(const char *const *array, size_t n, const char *str)
{
	for (size_t i = 0; i < n && array[i]; i++) {
		if (sysfs_streq(array[i], str))
			return (int)i;
	}
	return -EINVAL;
}
