/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/string.h - memory and string functions, in the kernel namespace:
 * the K-world link renames them (uldd_k_memcpy ...), so driver code and the
 * calls gcc itself emits for structure copies never reach libc's.
 *
 * Emulation notes:
 * - strscpy takes two arguments or three, as in Linux 6.8 and later, so
 *   drivers of either era compile unchanged; both forms call
 *   sized_strscpy, the name the function has in those kernels.
 * - these are plain byte loops; fast paths come with a measured need.
 * - kstrdup_const() always copies (Linux returns a string in .rodata
 *   itself); kfree_const() frees what is kmalloc memory and ignores the
 *   rest, so the pair behaves as in Linux.
 */
#ifndef _LINUX_STRING_H
#define _LINUX_STRING_H

#include <linux/array_size.h>
#include <linux/compiler.h>
#include <linux/compiler_types.h>
#include <linux/types.h>

void *memcpy(void *dest, const void *src, size_t n);
void *memmove(void *dest, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);

size_t strlen(const char *s);
size_t strnlen(const char *s, size_t maxlen);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
/*
 * Copies src into dest of count bytes, always NUL-terminated (count > 0).
 * Returns the length copied, or -E2BIG when src did not fit (or count is 0).
 */
ssize_t sized_strscpy(char *dest, const char *src, size_t count);

/*
 * strscpy(dest, src, count), or strscpy(dest, src) where dest is an array
 * and its size is the count: the number of arguments picks the form, so a
 * driver written before the two-argument form and one written after both
 * build. A pointer dest in the short form is a build error, not a copy of
 * sizeof(pointer) bytes.
 */
#define __strscpy_3(dest, src, count) sized_strscpy(dest, src, count)
#define __strscpy_2(dest, src) sized_strscpy(dest, src, sizeof(dest) + __must_be_array(dest))
#define __strscpy_pick(_1, _2, _3, form, ...) form
#define strscpy(...) __strscpy_pick(__VA_ARGS__, __strscpy_3, __strscpy_2, )(__VA_ARGS__)
char *strcpy(char *dest, const char *src);
char *strncpy(char *dest, const char *src, size_t count);
size_t strlcpy(char *dest, const char *src, size_t size);
char *strcat(char *dest, const char *src);

/* The first byte in s that is not c, or NULL when all n are. */
void *memchr_inv(const void *s, int c, size_t n);
/* Past the leading white space. */
char *__must_check skip_spaces(const char *str);
/* Cuts trailing white space in place; returns s past its leading white space. */
char *strim(char *s);
static inline char *__must_check strstrip(char *str)
{
	return strim(str);
}

/* Equal strings, but for one trailing newline on either: sysfs input. */
bool sysfs_streq(const char *s1, const char *s2);
/* The index of string in array (n entries, or up to a NULL), or -EINVAL. */
int match_string(const char *const *array, size_t n, const char *string);
/* The same with sysfs_streq(). */
int __sysfs_match_string(const char *const *array, size_t n, const char *s);
#define sysfs_match_string(a, s) __sysfs_match_string(a, ARRAY_SIZE(a), s)

/* Copies in kmalloc memory (shim/mm/util.c), for kfree(); NULL src gives NULL. */
char *kstrdup(const char *s, gfp_t gfp) __attribute__((__malloc__));
/* At most max characters, NUL-terminated. */
char *kstrndup(const char *s, size_t max, gfp_t gfp) __attribute__((__malloc__));
void *kmemdup(const void *src, size_t len, gfp_t gfp) __attribute__((__malloc__));
/* len bytes of s and a NUL after them. */
char *kmemdup_nul(const char *s, size_t len, gfp_t gfp) __attribute__((__malloc__));
const char *kstrdup_const(const char *s, gfp_t gfp);
void kfree_const(const void *x);

#endif /* _LINUX_STRING_H */
