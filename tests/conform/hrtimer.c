// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * hrtimer.c - high-resolution timers: never before their expiry on the
 * clock they were started on; hard interrupt context unless started in a
 * _SOFT mode; restarted by returning HRTIMER_RESTART after a forward;
 * hrtimer_cancel reports whether one was active and waits for a callback.
 */
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/hrtimer.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/preempt.h>

#include "conform.h"

#define HANG_GUARD msecs_to_jiffies(10000)

static struct hrtimer hrt;
static struct completion hr_done;
static ktime_t hr_seen, hr_expires;
static bool hr_hardirq, hr_softirq, hr_irqs_off;
static int hr_runs, hr_limit;

static enum hrtimer_restart hr_fn(struct hrtimer *t)
{
	hr_seen = ktime_get();
	hr_expires = hrtimer_get_expires(t);
	hr_hardirq = in_hardirq();
	hr_softirq = in_serving_softirq();
	hr_irqs_off = irqs_disabled();
	if (++hr_runs < hr_limit) {
		hrtimer_forward_now(t, ns_to_ktime(500 * NSEC_PER_USEC));
		return HRTIMER_RESTART;
	}
	complete(&hr_done);
	return HRTIMER_NORESTART;
}

static void hr_reset(enum hrtimer_mode mode, int limit)
{
	init_completion(&hr_done);
	hr_runs = 0;
	hr_limit = limit;
	hr_seen = hr_expires = 0;
	hrtimer_init(&hrt, CLOCK_MONOTONIC, mode);
	hrt.function = hr_fn;
}

static int not_before_expiry(struct conform_dev *dev)
{
	for (int i = 0; i < 20; i++) {
		hr_reset(HRTIMER_MODE_REL, 1);
		hrtimer_start(&hrt, ns_to_ktime((100 + 173 * i) * NSEC_PER_USEC), HRTIMER_MODE_REL);
		CHECK(wait_for_completion_timeout(&hr_done, HANG_GUARD));
		CHECK(ktime_compare(hr_seen, hr_expires) >= 0);
	}
	return 0;
}

static int hard_context(struct conform_dev *dev)
{
	hr_reset(HRTIMER_MODE_REL, 1);
	hrtimer_start(&hrt, ns_to_ktime(200 * NSEC_PER_USEC), HRTIMER_MODE_REL);
	CHECK(wait_for_completion_timeout(&hr_done, HANG_GUARD));
	CHECK(hr_hardirq);
	CHECK(!hr_softirq);
	CHECK(hr_irqs_off);
	return 0;
}

static int soft_context(struct conform_dev *dev)
{
	hr_reset(HRTIMER_MODE_REL_SOFT, 1);
	hrtimer_start(&hrt, ns_to_ktime(200 * NSEC_PER_USEC), HRTIMER_MODE_REL_SOFT);
	CHECK(wait_for_completion_timeout(&hr_done, HANG_GUARD));
	CHECK(!hr_hardirq);
	CHECK(hr_softirq);
	CHECK(!hr_irqs_off);
	return 0;
}

static int restart_forward(struct conform_dev *dev)
{
	ktime_t t0 = ktime_get();

	hr_reset(HRTIMER_MODE_REL, 5);
	hrtimer_start(&hrt, ns_to_ktime(500 * NSEC_PER_USEC), HRTIMER_MODE_REL);
	CHECK(wait_for_completion_timeout(&hr_done, HANG_GUARD));
	CHECK_CMP(hr_runs, ==, 5);
	/* Five periods of 500 us each, none early. */
	CHECK_CMP(ktime_us_delta(hr_seen, t0), >=, 2500);
	CHECK(!hrtimer_active(&hrt));
	return 0;
}

static int cancel_reports_active(struct conform_dev *dev)
{
	hr_reset(HRTIMER_MODE_REL, 1);
	CHECK_CMP(hrtimer_cancel(&hrt), ==, 0);
	hrtimer_start(&hrt, ms_to_ktime(10000), HRTIMER_MODE_REL);
	CHECK(hrtimer_active(&hrt));
	CHECK_CMP(hrtimer_cancel(&hrt), ==, 1);
	CHECK(!hrtimer_active(&hrt));
	CHECK_CMP(hrtimer_try_to_cancel(&hrt), ==, 0);
	CHECK_CMP(hr_runs, ==, 0);
	return 0;
}

static const struct conform_case hrtimer_cases[] = {
	{ "not_before_expiry", not_before_expiry },
	{ "hard_context", hard_context },
	{ "soft_context", soft_context },
	{ "restart_forward", restart_forward },
	{ "cancel_reports_active", cancel_reports_active },
};
CONFORM_SUITE(hrtimer, hrtimer_cases);
