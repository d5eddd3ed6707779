// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * srcu.c - sleepable RCU (Documentation/RCU/whatisRCU.rst, "SRCU"): a
 * reader of an srcu_struct may sleep inside srcu_read_lock(), and
 * synchronize_srcu() returns only after every reader that was inside at
 * its call has left; with no reader inside it returns; readers of one
 * srcu_struct do not hold up another's synchronize_srcu().
 */
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/srcu.h>

#include "conform.h"

static struct srcu_struct ss, other;
static struct completion sreader_in;
static bool sreader_done;

/* Sleeps in its read-side section, as only an SRCU reader may. */
static int sreader_fn(void *data)
{
	int idx = srcu_read_lock(&ss);

	complete(&sreader_in);
	msleep(30);
	WRITE_ONCE(sreader_done, true);
	srcu_read_unlock(&ss, idx);
	conform_idle_until_stopped();
	return 0;
}

static int synchronize_waits_for_sleeping_reader(struct conform_dev *dev)
{
	struct task_struct *k;
	bool in, done;

	CHECK_CMP(init_srcu_struct(&ss), ==, 0);
	init_completion(&sreader_in);
	WRITE_ONCE(sreader_done, false);
	k = kthread_run(sreader_fn, NULL, "conform-srcurd");
	if (IS_ERR(k)) {
		cleanup_srcu_struct(&ss);
		CHECK(!IS_ERR(k));
	}
	in = wait_for_completion_timeout(&sreader_in, CONFORM_HANG_GUARD);
	synchronize_srcu(&ss);
	done = READ_ONCE(sreader_done);
	kthread_stop(k);
	cleanup_srcu_struct(&ss);
	CHECK(in);
	CHECK(done);
	return 0;
}

static int synchronize_without_readers(struct conform_dev *dev)
{
	int idx;

	CHECK_CMP(init_srcu_struct(&ss), ==, 0);
	CHECK_CMP(init_srcu_struct(&other), ==, 0);
	synchronize_srcu(&ss);
	/* A reader of another srcu_struct is no reader of this one. */
	idx = srcu_read_lock(&other);
	synchronize_srcu(&ss);
	srcu_read_unlock(&other, idx);
	idx = srcu_read_lock(&ss);
	srcu_read_unlock(&ss, idx);
	synchronize_srcu(&ss);
	cleanup_srcu_struct(&other);
	cleanup_srcu_struct(&ss);
	return 0;
}

static const struct conform_case srcu_cases[] = {
	{ "synchronize_waits_for_sleeping_reader", synchronize_waits_for_sleeping_reader },
	{ "synchronize_without_readers", synchronize_without_readers },
};
CONFORM_SUITE(srcu, srcu_cases);
