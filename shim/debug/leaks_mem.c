// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* leaks_mem.c - --debug=leaks for kmalloc, caches and pages (to come). */
#include "debug.h"

void uldd_leaks_alloc(const void *p, size_t size, const char *what)
{
	(void)p;
	(void)size;
	(void)what;
}

void uldd_leaks_free(const void *p)
{
	(void)p;
}

void uldd_leaks_mem_finish(void)
{
}
