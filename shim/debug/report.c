// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * report.c - one report at a time, each counted. The lock is the
 * allocator's kind (any context, no door call while waiting), taken with
 * interrupts of this task masked, so an interrupt handler on this vCPU
 * that trips a checker waits for no report it interrupted. A report
 * started by the task that holds the lock (a checker tripping inside a
 * report) nests in it instead of deadlocking.
 */
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sprintf.h>

#include "../mm/lock.h"
#include "debug.h"

#define REPORT_RULE "=================================================================="

static struct uldd_mm_lock report_lock;
static struct task_struct *report_owner;
static unsigned long report_flags;
static unsigned int report_depth;
static unsigned long report_counts[ULDD_CHK_NR];

void uldd_report_start(enum uldd_checker c, const char *fmt, ...)
{
	unsigned long flags;
	char title[256];
	va_list args;

	va_start(args, fmt);
	vscnprintf(title, sizeof(title), fmt, args);
	va_end(args);
	__atomic_fetch_add(&report_counts[c], 1, __ATOMIC_RELAXED);
	/* current is NULL on a host thread outside the kernel: never an owner. */
	if (current && READ_ONCE(report_owner) == current) {
		report_depth++;
		pr_err("BUG: %s (inside the report above)\n", title);
		return;
	}
	local_irq_save(flags);
	uldd_mm_lock(&report_lock);
	report_flags = flags;
	report_depth = 1;
	WRITE_ONCE(report_owner, current);
	pr_err("%s\n", REPORT_RULE);
	pr_err("BUG: %s\n", title);
}

void uldd_report_end(void)
{
	unsigned long flags = report_flags;

	if (--report_depth)
		return;
	pr_err("%s\n", REPORT_RULE);
	WRITE_ONCE(report_owner, NULL);
	uldd_mm_unlock(&report_lock);
	local_irq_restore(flags);
}

unsigned long uldd_report_count(enum uldd_checker c)
{
	return __atomic_load_n(&report_counts[c], __ATOMIC_RELAXED);
}
