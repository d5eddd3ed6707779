// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * valgrind.c - memcheck's client requests for the shim's allocators. To
 * valgrind the DMA arena is one big anonymous mapping, every byte of it
 * addressable and defined, so on its own it sees nothing a driver does
 * wrong with kmalloc. These calls tell it what the allocators know: which
 * blocks are handed out and how big (MALLOCLIKE/FREELIKE, so a report
 * names the allocation's stack), which bytes are free (no access), and
 * which bytes the device wrote (defined once the driver takes a buffer
 * back). Each is a few instructions that do nothing on a real CPU; the
 * callers test uldd_on_valgrind first anyway (debug.h), so the
 * allocators pay one branch when valgrind is not there.
 */
#include <linux/kernel.h>

#include <memcheck.h>

#include "debug.h"

bool uldd_on_valgrind;

void uldd_valgrind_setup(void)
{
	uldd_on_valgrind = RUNNING_ON_VALGRIND != 0;
}

void uldd_vg_alloc(const void *p, size_t size, bool zeroed)
{
	VALGRIND_MALLOCLIKE_BLOCK(p, size, 0, zeroed);
}

void uldd_vg_free(const void *p)
{
	VALGRIND_FREELIKE_BLOCK(p, 0);
}

void uldd_vg_resize(const void *p, size_t old, size_t size)
{
	VALGRIND_RESIZEINPLACE_BLOCK(p, old, size, 0);
}

void uldd_vg_noaccess(const void *p, size_t size)
{
	VALGRIND_MAKE_MEM_NOACCESS(p, size);
}

void uldd_vg_undefined(const void *p, size_t size)
{
	VALGRIND_MAKE_MEM_UNDEFINED(p, size);
}

void uldd_vg_defined(const void *p, size_t size)
{
	VALGRIND_MAKE_MEM_DEFINED(p, size);
}
