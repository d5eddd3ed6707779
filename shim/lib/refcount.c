// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * refcount.c - refcount_warn_saturate (linux/refcount.h): pins a counter
 * that went wrong at REFCOUNT_SATURATED and says so, once per kind of
 * event. Callable from any context, concurrently: the once-flags are
 * atomic bits, and the saturating store is the plain atomic_set Linux does.
 */
#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/refcount.h>

/* Bit t is set once the event of kind t has been reported. */
static unsigned long refcount_warned;

static const char *const refcount_events[] = {
	[REFCOUNT_ADD_NOT_ZERO_OVF] = "increment past the maximum; saturated, the object leaks",
	[REFCOUNT_ADD_OVF] = "increment past the maximum; saturated, the object leaks",
	[REFCOUNT_ADD_UAF] = "increment of 0; use after free",
	[REFCOUNT_SUB_UAF] = "decrement below 0; use after free",
	[REFCOUNT_DEC_LEAK] = "decrement to 0 that frees nothing; the object leaks",
};

void refcount_warn_saturate(refcount_t *r, enum refcount_saturation_type t)
{
	refcount_set(r, REFCOUNT_SATURATED);
	if ((unsigned int)t >= ARRAY_SIZE(refcount_events)) {
		pr_warn("refcount_t: %p: unknown event %d; saturated\n", r, (int)t);
		return;
	}
	if (!test_and_set_bit(t, &refcount_warned))
		pr_warn("refcount_t: %p: %s\n", r, refcount_events[t]);
}
