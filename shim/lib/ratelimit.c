// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * lib/ratelimit.c - ___ratelimit() (linux/ratelimit_types.h): a window of
 * rs->interval jiffies from the first event lets rs->burst events through;
 * the next window starts with the first event after it, saying how many
 * were held back (unless RATELIMIT_MSG_ON_RELEASE leaves that to the
 * owner). Any context: the state's raw spinlock, irqsave.
 */
#include <linux/jiffies.h>
#include <linux/printk.h>
#include <linux/ratelimit.h>
#include <linux/spinlock.h>

int ___ratelimit(struct ratelimit_state *rs, const char *func)
{
	unsigned long flags;
	int pass;

	if (!rs->interval)
		return 1;
	raw_spin_lock_irqsave(&rs->lock, flags);
	if (!rs->begin)
		rs->begin = jiffies;
	if (time_after(jiffies, rs->begin + rs->interval)) {
		if (rs->missed && !(rs->flags & RATELIMIT_MSG_ON_RELEASE))
			printk(KERN_WARNING "%s: %d callbacks suppressed\n", func, rs->missed);
		rs->begin = jiffies;
		rs->printed = 0;
		rs->missed = 0;
	}
	pass = rs->burst && rs->burst > rs->printed;
	if (pass)
		rs->printed++;
	else
		rs->missed++;
	raw_spin_unlock_irqrestore(&rs->lock, flags);
	return pass;
}
