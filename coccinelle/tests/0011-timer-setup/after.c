// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Two timers of the unsigned-long era: init_timer and setup_timer. */
struct ring_priv {
	struct timer_list watchdog;
	struct timer_list stats_timer;
	unsigned long ticks;
};

static void ring_watchdog(struct timer_list *t);

static void ring_watchdog(struct timer_list *t)
{
	struct ring_priv *rp = from_timer(rp, t, watchdog);

	rp->ticks++;
	mod_timer(&rp->watchdog, jiffies + HZ);
}

static void ring_stats_tick(struct timer_list *t)
{
	struct ring_priv *rp = from_timer(rp, t, stats_timer);

	ring_update_stats(rp);
}

static void ring_start_timers(struct ring_priv *rp)
{
	timer_setup(&rp->watchdog, ring_watchdog, 0);
	rp->watchdog.expires = jiffies + HZ;
	add_timer(&rp->watchdog);
	timer_setup(&rp->stats_timer, ring_stats_tick, 0);
	mod_timer(&rp->stats_timer, jiffies + 10 * HZ);
}
