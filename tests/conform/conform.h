/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * conform.h - the conformance suite: case bodies that state what the kernel
 * documents about its driver API, compiled unchanged two ways: as a Linux
 * module (Kbuild, Debian's headers for the guest's kernel) and as uldd
 * K-world code against include/linux-compat. A case counts only when it
 * passes on the real kernel; then it must pass on the shim. So a body uses
 * the kernel API alone: nothing of uldd, nothing of one kernel release.
 *
 * A body returns 0 when every check held, or the line of the first that
 * failed (CHECK* record what they saw, conform_failure() reads it back), or
 * CONFORM_SKIP after conform_skip() said why. Cases run one at a time, from
 * a task that may sleep; a body leaves nothing armed or queued behind it.
 */
#ifndef ULDD_CONFORM_H
#define ULDD_CONFORM_H

#include <linux/compiler.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/types.h>

struct pci_dev;

/* What a device case gets: QEMU's edu, probed by the suite's PCI driver. */
struct conform_dev {
	struct pci_dev *pdev;
	void __iomem *regs; /* BAR 0 */
};

struct conform_case {
	const char *name;
	int (*run)(struct conform_dev *dev); /* dev is NULL unless CONFORM_DEVICE */
	unsigned int flags;
};

#define CONFORM_DEVICE 0x1 /* needs QEMU's edu (docs/specs/edu.rst in QEMU) */

struct conform_suite {
	const char *subsys;
	const struct conform_case *cases;
	unsigned int n;
};

/* One suite per file: CONFORM_SUITE(timer, timer_cases) defines conform_suite_timer. */
#define CONFORM_SUITE(sub, table)                          \
	const struct conform_suite conform_suite_##sub = { \
		.subsys = #sub,                            \
		.cases = table,                            \
		.n = ARRAY_SIZE(table),                    \
	}

#define CONFORM_SKIP (-1)

/* Records a failed check; the runner prints it beside the case's name. */
void conform_fail(int line, const char *expr);
void conform_fail_cmp(int line, const char *expr, long long a, long long b);
void conform_fail_str(int line, const char *expr, const char *got, const char *want);
/* Records why a case cannot run here (no device, ...); returns CONFORM_SKIP. */
int conform_skip(const char *why);

#define CHECK(cond)                                    \
	do {                                           \
		if (!(cond)) {                         \
			conform_fail(__LINE__, #cond); \
			return __LINE__;               \
		}                                      \
	} while (0)

/* a op b on signed 64-bit values; a failure shows both. */
#define CHECK_CMP(a, op, b)                                                        \
	do {                                                                       \
		long long __ca = (long long)(a), __cb = (long long)(b);            \
		if (!(__ca op __cb)) {                                             \
			conform_fail_cmp(__LINE__, #a " " #op " " #b, __ca, __cb); \
			return __LINE__;                                           \
		}                                                                  \
	} while (0)

/* Two NUL-terminated strings equal; a failure shows what was there and what was wanted. */
#define CHECK_STR(got, want)                                          \
	do {                                                          \
		const char *__cg = (got), *__cw = (want);             \
		if (strcmp(__cg, __cw)) {                             \
			conform_fail_str(__LINE__, #got, __cg, __cw); \
			return __LINE__;                              \
		}                                                     \
	} while (0)

/* A body's own helper that returns 0 or a line: pass its failure on. */
#define CHECK_RUN(call)              \
	do {                         \
		int __cr = (call);   \
		if (__cr)            \
			return __cr; \
	} while (0)

/* Only turns a hang into a failure: never a bound on how long anything takes. */
#define CONFORM_HANG_GUARD msecs_to_jiffies(10000)

/*
 * Looks at cond, sleeping a little between looks (so whatever makes it
 * true can run, even on this CPU), until it holds or CONFORM_HANG_GUARD
 * has passed; evaluates to whether it held.
 */
#define conform_wait_until(cond)                                              \
	({                                                                    \
		unsigned long __guard = jiffies + CONFORM_HANG_GUARD;         \
		bool __held;                                                  \
		while (!(__held = !!(cond)) && time_before(jiffies, __guard)) \
			usleep_range(200, 400);                               \
		__held;                                                       \
	})

/*
 * kthread.c: for a kthread whose work is done: sleeps until kthread_stop(),
 * as a kthread that someone will stop must not return before (its
 * task_struct would be gone when kthread_stop() looks at it).
 */
void conform_idle_until_stopped(void);

/* jiffies.c: how unevenly this machine is seen to tick, in ns (measured now). */
u64 conform_jiffies_jitter_ns(void);

/* The whole suite, in a fixed order (run.c). */
unsigned int conform_count(void);
/* Case i's suite name and case; NULL past the end. */
const struct conform_case *conform_case_at(unsigned int i, const char **subsys);
/*
 * Runs case i with dev and prints its line ("conform: PASS timer.name",
 * "FAIL ... (file line: what)", "SKIP ... (why)"). Returns what the body
 * returned.
 */
int conform_run(unsigned int i, struct conform_dev *dev);
/* Prints case i as skipped, with why: a device case without a device. */
void conform_report_skip(unsigned int i, const char *why);
/* The last failure or skip reason, for a harness that prints its own. */
const char *conform_failure(void);

#endif /* ULDD_CONFORM_H */
