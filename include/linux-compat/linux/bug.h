/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/bug.h - run-time assertions. WARN_ON(cond) and its family print
 * "WARNING: at file:line func()" and a backtrace when cond is true, then
 * go on; each returns cond (as int), so drivers write
 * "if (WARN_ON(!p)) return -EINVAL;". BUG() and BUG_ON(cond) print the same
 * place and stop the driver process with SIGABRT (the door's uhost_abort).
 *
 * Emulation notes: no taint flags and no "CPU: n PID: n" part in the line;
 * the backtrace is glibc's (symbol+offset per frame). WARN_RATELIMIT allows
 * 10 warnings per 5 seconds per call site, as dev_warn_ratelimited does.
 */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <linux/build_bug.h>
#include <linux/compiler.h>
#include <linux/types.h>

/* The message (fmt NULL: none), the WARNING line, a backtrace. */
__printf(4, 5) __cold
	void __warn_printk(const char *file, int line, const char *func, const char *fmt, ...);
/* The BUG line, then the driver process dies. */
__noreturn __cold void __uldd_bug(const char *file, int line, const char *func);
bool uldd_ratelimit(void *state);

#define BUG() __uldd_bug(__FILE__, __LINE__, __func__)
#define BUG_ON(condition)                \
	do {                             \
		if (unlikely(condition)) \
			BUG();           \
	} while (0)

#define __WARN() __warn_printk(__FILE__, __LINE__, __func__, NULL)
#define __WARN_printf(fmt, ...) __warn_printk(__FILE__, __LINE__, __func__, fmt, ##__VA_ARGS__)

#define WARN_ON(condition)                         \
	({                                         \
		int __ret_warn_on = !!(condition); \
		if (unlikely(__ret_warn_on))       \
			__WARN();                  \
		unlikely(__ret_warn_on);           \
	})

#define WARN(condition, fmt, ...)                          \
	({                                                 \
		int __ret_warn_on = !!(condition);         \
		if (unlikely(__ret_warn_on))               \
			__WARN_printf(fmt, ##__VA_ARGS__); \
		unlikely(__ret_warn_on);                   \
	})

/* Once per call site for the process's life. */
#define __uldd_warn_once(condition, warn)                                    \
	({                                                                   \
		static bool __warned;                                        \
		int __ret_warn_once = !!(condition);                         \
		if (unlikely(__ret_warn_once) &&                             \
		    !__atomic_exchange_n(&__warned, true, __ATOMIC_RELAXED)) \
			warn;                                                \
		unlikely(__ret_warn_once);                                   \
	})
#define WARN_ON_ONCE(condition) __uldd_warn_once(condition, __WARN())
#define WARN_ONCE(condition, fmt, ...) \
	__uldd_warn_once(condition, __WARN_printf(fmt, ##__VA_ARGS__))

#define WARN_RATELIMIT(condition, fmt, ...)                          \
	({                                                           \
		static unsigned long __rs[3];                        \
		int __ret_warn_rl = !!(condition);                   \
		if (unlikely(__ret_warn_rl) && uldd_ratelimit(__rs)) \
			__WARN_printf(fmt, ##__VA_ARGS__);           \
		unlikely(__ret_warn_rl);                             \
	})
#define WARN_ON_RATELIMIT(condition, state) WARN_ON((condition) && uldd_ratelimit(state))

#endif /* _LINUX_BUG_H */
