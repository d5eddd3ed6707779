// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * crash.c - a driver that crashes on request, for 'uldd supervise' tests:
 * fault=null writes through a NULL pointer in its init (the main thread),
 * fault=work does so in a work item (a shim worker thread), fault=bug
 * calls BUG(), fault=panic calls panic(). For the watchdog: fault=spin
 * takes a spinlock it holds (a soft lockup), fault=hang waits for a
 * completion nobody completes (a hung task, and a stop during init). Each
 * from a function of its own, so an oops can be checked for the name.
 * fault=cycle picks null, bug, panic or hang at random, and says which,
 * so one supervisor can be put through every kind of death in turn.
 * fault=none (the default) loads and binds nothing. firmware=NAME asks
 * for that file in init, as a driver asks for its firmware, and prints
 * what came back: its size, or the error (the confinement tests).
 */
#include <linux/bug.h>
#include <linux/completion.h>
#include <linux/firmware.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/random.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/workqueue.h>

static char *fault = "none";
module_param(fault, charp, 0444);
MODULE_PARM_DESC(
	fault,
	"none, null (NULL write in init), work (in a work item), bug (BUG()), panic, spin, hang, cycle (one of null, bug, panic, hang)");

static char *firmware;
module_param(firmware, charp, 0444);
MODULE_PARM_DESC(firmware, "a firmware file to ask for in init (its size or error is printed)");

/* The address written: a parameter, so the compiler cannot see it is NULL. */
static unsigned long fault_addr;
module_param(fault_addr, ulong, 0444);
MODULE_PARM_DESC(fault_addr, "the address the null and work faults write to (default 0)");

static noinline void crash_write_null(void)
{
	*(volatile int *)fault_addr = 0x0bad;
}

static noinline void crash_bug(void)
{
	BUG();
}

static const char *kind; /* fault, or what fault=cycle picked */

static noinline void crash_panic(void)
{
	panic("crash: fault=%s", kind);
}

static DEFINE_SPINLOCK(crash_lock);

/* The second spin_lock() spins for ever on the vCPU, preemption off. */
static noinline void crash_spin(void)
{
	spin_lock(&crash_lock);
	spin_lock(&crash_lock);
	spin_unlock(&crash_lock);
	spin_unlock(&crash_lock);
}

static DECLARE_COMPLETION(crash_never);

/* Sleeps uninterruptibly for ever: the completion is never completed. */
static noinline void crash_hang(void)
{
	wait_for_completion(&crash_never);
	/* Never printed; keeps the call from becoming a jump, for the trace. */
	pr_err("crash: fault=hang woke up\n");
}

static void crash_work_fn(struct work_struct *work)
{
	crash_write_null();
}

static DECLARE_WORK(crash_work, crash_work_fn);

static int __init crash_init(void)
{
	static const char *const cycle[] = { "null", "bug", "panic", "hang" };

	if (firmware) {
		const struct firmware *fw;
		int err = request_firmware(&fw, firmware, NULL);

		if (err) {
			pr_info("crash: firmware %s: error %d\n", firmware, err);
		} else {
			pr_info("crash: firmware %s: %zu bytes\n", firmware, fw->size);
			release_firmware(fw);
		}
	}
	kind = fault;
	if (!strcmp(kind, "cycle")) {
		kind = cycle[get_random_u32() % ARRAY_SIZE(cycle)];
		pr_info("crash: fault=cycle picked %s\n", kind);
	}
	pr_info("crash: fault=%s\n", kind);
	if (!strcmp(kind, "null"))
		crash_write_null();
	else if (!strcmp(kind, "bug"))
		crash_bug();
	else if (!strcmp(kind, "panic"))
		crash_panic();
	else if (!strcmp(kind, "spin"))
		crash_spin();
	else if (!strcmp(kind, "hang"))
		crash_hang();
	else if (!strcmp(kind, "work")) {
		schedule_work(&crash_work);
		flush_work(&crash_work);
	}
	return 0;
}

static void __exit crash_exit(void)
{
}

module_init(crash_init);
module_exit(crash_exit);
MODULE_LICENSE("Dual MIT/GPL");
MODULE_DESCRIPTION("crashes on request, for uldd supervise tests");
