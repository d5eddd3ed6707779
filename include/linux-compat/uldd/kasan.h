/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * uldd/kasan.h - what a driver built for --debug=kasan calls ('make
 * kasan', shim/debug/kasan.mk): GCC's -fsanitize=kernel-address emits a
 * call before each load and store (__asan_load4_noabort ...), which the
 * kasan link renames to these. Each returns at once unless 'uldd run
 * --debug=kasan' is on and a is kmalloc, kmem_cache or page memory; then
 * it checks the shadow and reports a bad access. No driver calls them by
 * name.
 */
#ifndef _ULDD_KASAN_H
#define _ULDD_KASAN_H

#include <linux/types.h>

void uldd_kasan_load1(unsigned long a);
void uldd_kasan_load2(unsigned long a);
void uldd_kasan_load4(unsigned long a);
void uldd_kasan_load8(unsigned long a);
void uldd_kasan_load16(unsigned long a);
void uldd_kasan_loadN(unsigned long a, size_t size);
void uldd_kasan_store1(unsigned long a);
void uldd_kasan_store2(unsigned long a);
void uldd_kasan_store4(unsigned long a);
void uldd_kasan_store8(unsigned long a);
void uldd_kasan_store16(unsigned long a);
void uldd_kasan_storeN(unsigned long a, size_t size);
/* Before a call that does not return; nothing to do without stack checks. */
void uldd_kasan_no_return(void);

#endif /* _ULDD_KASAN_H */
