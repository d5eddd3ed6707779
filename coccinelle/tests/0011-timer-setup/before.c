// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Two timers of the unsigned-long era: init_timer and setup_timer. */
struct ring_priv {
	struct timer_list watchdog;
	struct timer_list stats_timer;
	unsigned long ticks;
};

static void ring_watchdog(unsigned long data);

static void ring_watchdog(unsigned long data)
{
	struct ring_priv *rp = (struct ring_priv *)data;

	rp->ticks++;
	mod_timer(&rp->watchdog, jiffies + HZ);
}

static void ring_stats_tick(unsigned long arg)
{
	struct ring_priv *rp = (struct ring_priv *)arg;

	ring_update_stats(rp);
}

static void ring_start_timers(struct ring_priv *rp)
{
	init_timer(&rp->watchdog);
	rp->watchdog.data = (unsigned long)rp;
	rp->watchdog.function = ring_watchdog;
	rp->watchdog.expires = jiffies + HZ;
	add_timer(&rp->watchdog);
	setup_timer(&rp->stats_timer, ring_stats_tick, (unsigned long)rp);
	mod_timer(&rp->stats_timer, jiffies + 10 * HZ);
}
