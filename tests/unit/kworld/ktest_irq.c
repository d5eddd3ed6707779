// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_irq.c - K-world bodies for test_irq.c: handlers of several kinds
 * that record the context they run in, and the process-context calls
 * (request, free, disable, a lock held against the handlers) that host
 * threads make through uldd_enter()/uldd_exit(). Counters are atomics.
 */
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/pci.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>

#include "../../../shim/drivers/pci/pci.h"
#include "../../../shim/entry.h"
#include "../../../shim/kernel/irq/irq.h"
#include "../../../shim/mm/arena.h"
#include "uhost.h"
#include "ktest.h"

struct kirq {
	const char *name;
	int kind;
	long count;
	long bad;
	long thread_count;
	unsigned long long last_ns;
};

static struct kirq kirq_slots[2] = { { .name = "ktest-a" }, { .name = "ktest-b" } };
static DEFINE_SPINLOCK(kirq_lock);
static long kirq_counter;
static int kirq_running;
static void (*kirq_ack)(unsigned int vec);

static void kirq_inc(long *p)
{
	__atomic_fetch_add(p, 1, __ATOMIC_SEQ_CST);
}

int KTEST(ktest_irq_setup)(unsigned int nr_vcpus, void (*ack)(unsigned int vec))
{
	int ret = uldd_sched_init(nr_vcpus);

	kirq_ack = ack;
	for (int i = 0; i < 2; i++) {
		kirq_slots[i].count = kirq_slots[i].bad = kirq_slots[i].thread_count = 0;
		kirq_slots[i].last_ns = 0;
	}
	kirq_counter = 0;
	kirq_running = 0;
	if (!ret) {
		uldd_enter("ktest-irq");
		ret = uldd_mm_init();
		uldd_exit();
	}
	return ret;
}

static void busy_ms(int ms)
{
	u64 end = uhost_clock_ns() + (u64)ms * 1000000;

	while (uhost_clock_ns() < end)
		cpu_relax();
}

static irqreturn_t kirq_handler(int irq, void *dev_id)
{
	struct kirq *k = dev_id;
	irqreturn_t ret = IRQ_HANDLED;
	unsigned long flags;

	WRITE_ONCE(k->last_ns, uhost_clock_ns());
	__atomic_fetch_add(&kirq_running, 1, __ATOMIC_SEQ_CST);
	if (!in_irq() || !in_interrupt() || !irqs_disabled() || in_task() || irq < ULDD_IRQ_BASE ||
	    smp_processor_id() < 0 || smp_processor_id() >= (int)nr_cpu_ids)
		kirq_inc(&k->bad);
	/* The primary handler of a threaded one leaves the device to its thread. */
	if (k->kind != KIRQ_NONE && k->kind != KIRQ_THREAD)
		kirq_ack(0);
	switch (k->kind) {
	case KIRQ_SLEEP:
		might_sleep();
		break;
	case KIRQ_BUSY:
		busy_ms(30);
		break;
	case KIRQ_LOCK:
		spin_lock_irqsave(&kirq_lock, flags);
		kirq_counter++;
		spin_unlock_irqrestore(&kirq_lock, flags);
		break;
	case KIRQ_THREAD:
		ret = IRQ_WAKE_THREAD;
		break;
	case KIRQ_NONE:
		ret = IRQ_NONE;
		break;
	}
	kirq_inc(&k->count);
	__atomic_fetch_sub(&kirq_running, 1, __ATOMIC_SEQ_CST);
	return ret;
}

static irqreturn_t kirq_thread(int irq, void *dev_id)
{
	struct kirq *k = dev_id;
	unsigned long bugs = uldd_sched_bugs();

	(void)irq;
	__atomic_fetch_add(&kirq_running, 1, __ATOMIC_SEQ_CST);
	if (in_interrupt() || irqs_disabled() || preempt_count())
		kirq_inc(&k->bad);
	schedule_timeout_uninterruptible(2);
	kirq_ack(0);
	if (uldd_sched_bugs() != bugs)
		kirq_inc(&k->bad);
	kirq_inc(&k->thread_count);
	__atomic_fetch_sub(&kirq_running, 1, __ATOMIC_SEQ_CST);
	return IRQ_HANDLED;
}

int KTEST(ktest_irq_attach)(struct uhost_dev *dev, unsigned int type, unsigned int vec)
{
	int ret;

	uldd_enter("ktest-irq");
	ret = uldd_irq_attach(dev, type, vec);
	uldd_exit();
	return ret;
}

int KTEST(ktest_irq_detach)(unsigned int irq)
{
	int ret;

	uldd_enter("ktest-irq");
	ret = uldd_irq_detach(irq);
	uldd_exit();
	return ret;
}

int KTEST(ktest_irq_request)(unsigned int irq, int slot, int kind, unsigned long flags)
{
	struct kirq *k = &kirq_slots[slot];
	int ret;

	k->kind = kind == KIRQ_ONLY_THREAD ? KIRQ_THREAD : kind;
	uldd_enter("ktest-irq");
	if (kind == KIRQ_ONLY_THREAD)
		ret = request_threaded_irq(irq, NULL, kirq_thread, flags, k->name, k);
	else if (kind == KIRQ_THREAD)
		ret = request_threaded_irq(irq, kirq_handler, kirq_thread, flags, k->name, k);
	else
		ret = request_irq(irq, kirq_handler, flags, k->name, k);
	uldd_exit();
	return ret;
}

int KTEST(ktest_irq_free)(unsigned int irq, int slot)
{
	const void *name;

	uldd_enter("ktest-irq");
	name = free_irq(irq, &kirq_slots[slot]);
	uldd_exit();
	return name == kirq_slots[slot].name ? 1 : name ? -1 : 0;
}

long KTEST(ktest_irq_count)(int slot)
{
	return __atomic_load_n(&kirq_slots[slot].count, __ATOMIC_SEQ_CST);
}

long KTEST(ktest_irq_bad)(int slot)
{
	return __atomic_load_n(&kirq_slots[slot].bad, __ATOMIC_SEQ_CST);
}

long KTEST(ktest_irq_thread_count)(int slot)
{
	return __atomic_load_n(&kirq_slots[slot].thread_count, __ATOMIC_SEQ_CST);
}

int KTEST(ktest_irq_running)(void)
{
	return __atomic_load_n(&kirq_running, __ATOMIC_SEQ_CST);
}

unsigned long long KTEST(ktest_irq_last_ns)(int slot)
{
	return READ_ONCE(kirq_slots[slot].last_ns);
}

unsigned long KTEST(ktest_irq_unhandled)(unsigned int irq)
{
	return uldd_irq_unhandled(irq);
}

unsigned long KTEST(ktest_irq_sched_bugs)(void)
{
	return uldd_sched_bugs();
}

int KTEST(ktest_irq_disable)(unsigned int irq)
{
	int ret = 0;

	uldd_enter("ktest-irq");
	disable_irq(irq);
	if (KTEST(ktest_irq_running)())
		ret = __LINE__;
	uldd_exit();
	return ret;
}

void KTEST(ktest_irq_enable)(unsigned int irq)
{
	uldd_enter("ktest-irq");
	enable_irq(irq);
	uldd_exit();
}

int KTEST(ktest_irq_hold_lock)(int ms)
{
	unsigned long flags;
	long before, after;

	uldd_enter("ktest-irq");
	spin_lock_irqsave(&kirq_lock, flags);
	before = READ_ONCE(kirq_counter);
	busy_ms(ms);
	after = READ_ONCE(kirq_counter);
	spin_unlock_irqrestore(&kirq_lock, flags);
	uldd_exit();
	return before == after ? 0 : __LINE__;
}

long KTEST(ktest_irq_lock_counter)(void)
{
	unsigned long flags;
	long n;

	uldd_enter("ktest-irq");
	spin_lock_irqsave(&kirq_lock, flags);
	n = kirq_counter;
	spin_unlock_irqrestore(&kirq_lock, flags);
	uldd_exit();
	return n;
}

/* A PCI function over the fake host device, as the PCI layer makes one. */
static struct pci_dev msix_pdev;
static struct uldd_pci_private msix_priv;

int KTEST(ktest_irq_msix_enable)(struct uhost_dev *dev, const unsigned short *want, int n,
				 int minvec, int maxvec, int *irqs)
{
	struct msix_entry entries[8] = { 0 };
	int ret;

	if (n > (int)ARRAY_SIZE(entries))
		return -E2BIG;
	if (!msix_pdev.uldd) {
		msix_priv.udev = dev;
		msix_priv.pdev = &msix_pdev;
		msix_priv.irq_type = -1;
		msix_pdev.uldd = &msix_priv;
	}
	for (int i = 0; i < n; i++)
		entries[i].entry = want[i];
	uldd_enter("ktest-irq");
	ret = pci_enable_msix_range(&msix_pdev, entries, minvec, maxvec);
	for (int i = 0; i < n; i++) {
		irqs[i] = (int)entries[i].vector;
		/* pci_irq_vector(i) must answer the same irq as the entry's. */
		if (ret > i && pci_irq_vector(&msix_pdev, (unsigned int)i) != irqs[i])
			ret = -EPROTO;
	}
	if (ret > 0 && !msix_pdev.msix_enabled)
		ret = -EPROTO;
	uldd_exit();
	return ret;
}

int KTEST(ktest_irq_msix_disable)(void)
{
	int enabled;

	uldd_enter("ktest-irq");
	pci_disable_msix(&msix_pdev);
	enabled = msix_pdev.msix_enabled;
	uldd_exit();
	return enabled;
}
