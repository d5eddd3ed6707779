/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * ktest_kasan.h - the K-world side of test_kasan.c: --debug=kasan's
 * shadow, redzones, quarantine and reports (shim/debug/kasan.c,
 * shim/mm/slab.c).
 */
#ifndef ULDD_KTEST_KASAN_H
#define ULDD_KTEST_KASAN_H

#include "ktest.h"

/* kasan on, the arena and a vCPU, as 'uldd run --debug=kasan'; 0 on success. */
int KTEST(ktest_kasan_setup)(void);
/* The shadow after kmalloc of sizes 1 to 40: 0 when right, else the failing line. */
int KTEST(ktest_kasan_shadow)(void);
/* Accesses through the entry points around a kmalloc(32): the reports made. */
unsigned long KTEST(ktest_kasan_redzone)(void);
/* A read after kfree through the entry points: the reports made. */
unsigned long KTEST(ktest_kasan_uaf)(void);
/* kfree after kmalloc, then kmalloc of the same size: 0 when it was not reused. */
int KTEST(ktest_kasan_quarantine)(void);
/* kfree of one object twice, and of a pointer inside one: the reports made. */
unsigned long KTEST(ktest_kasan_bad_free)(void);
/* Every kmalloc size class and a kmem_cache keep their alignment: 0 or the line. */
int KTEST(ktest_kasan_align)(void);
/*
 * ksize() makes the whole object addressable, krealloc() to less shrinks
 * it again: the reports accesses past the object and the new size made.
 */
unsigned long KTEST(ktest_kasan_ksize)(void);
/* memset past a kmalloc (the shim's string functions check): the reports made. */
unsigned long KTEST(ktest_kasan_memset)(void);
/* With the mask cleared, an access to a redzone: the reports made (none, or it failed). */
unsigned long KTEST(ktest_kasan_off)(void);
/* Blocks of pages across arena growth: addressable while allocated, poisoned after. */
int KTEST(ktest_kasan_pages)(void);

#endif /* ULDD_KTEST_KASAN_H */
