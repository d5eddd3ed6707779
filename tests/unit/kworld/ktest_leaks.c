// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_leaks.c - what test_leaks.c leaves behind: memory and a timer,
 * taken inside a driver callback (the shim's hooks around one, called
 * here by hand) or outside, then the leaks checker's closing checks.
 */
#include <linux/gfp.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/timer.h>

#include "../../../shim/debug/debug.h"
#include "../../../shim/debug/lockdep.h"
#include "../../../shim/entry.h"
#include "ktest_leaks.h"

static noinline void *leaky_site(void)
{
	return kmalloc(100, GFP_KERNEL);
}

static void leaky_callback(void)
{
}

long KTEST(ktest_leaks_mem)(int give_back)
{
	unsigned long before = uldd_report_count(ULDD_CHK_LEAKS);
	void *kept[2], *freed, *outside;
	struct page *page;
	unsigned int held;
	/* Not a constant: an unrolled loop would allocate from two call sites. */
	volatile int rounds = 2;
	int i;

	uldd_enter("ktest-leaks");
	outside = kmalloc(64, GFP_KERNEL);
	held = uldd_lockdep_cb_enter();
	for (i = 0; i < rounds; i++)
		kept[i] = leaky_site();
	freed = kmalloc(32, GFP_KERNEL);
	kfree(freed);
	page = alloc_pages(GFP_KERNEL, 0);
	uldd_lockdep_cb_exit(held, "probe", leaky_callback);
	if (give_back) {
		kfree(kept[0]);
		kfree(kept[1]);
		__free_pages(page, 0);
	}
	uldd_leaks_mem_finish();
	if (!give_back) {
		kfree(kept[0]);
		kfree(kept[1]);
		__free_pages(page, 0);
	}
	kfree(outside);
	uldd_exit();
	return (long)(uldd_report_count(ULDD_CHK_LEAKS) - before);
}

static void leaky_timer_fn(struct timer_list *t)
{
	(void)t;
}

long KTEST(ktest_leaks_timer)(int give_back)
{
	unsigned long before = uldd_report_count(ULDD_CHK_LEAKS);
	static struct timer_list inside, outside;
	unsigned int held;

	uldd_enter("ktest-leaks");
	timer_setup(&inside, leaky_timer_fn, 0);
	timer_setup(&outside, leaky_timer_fn, 0);
	mod_timer(&outside, jiffies + 3600 * HZ);
	held = uldd_lockdep_cb_enter();
	mod_timer(&inside, jiffies + 3600 * HZ);
	uldd_lockdep_cb_exit(held, "probe", leaky_callback);
	if (give_back)
		timer_delete_sync(&inside);
	uldd_leaks_res_finish();
	timer_delete_sync(&inside);
	timer_delete_sync(&outside);
	uldd_exit();
	return (long)(uldd_report_count(ULDD_CHK_LEAKS) - before);
}
