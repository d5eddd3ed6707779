/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/printk.h - printk and the pr_* family. A message starts with an
 * optional level (linux/kern_levels.h); printk formats it with the kernel's
 * vsnprintf (%pM, %pe, ... see lib/vsprintf.c in shim/) and hands each line
 * to the host's log through the door (uhost_log), which filters by level.
 *
 * Emulation notes:
 * - no log buffer and no console: a line goes out when printk is called.
 * - KERN_CONT text is not joined to the line before: each pr_cont() is a
 *   line of its own at the level of the message before it. Joining needs
 *   the per-vCPU state of the enter/exit layer that is not written yet.
 * - a message is cut at 1023 bytes (Linux cuts at about the same length).
 * - pr_debug() prints only where DEBUG is defined (no dynamic debug).
 */
#ifndef _LINUX_PRINTK_H
#define _LINUX_PRINTK_H

#include <linux/cache.h>
#include <linux/compiler_types.h>
#include <linux/kern_levels.h>
#include <linux/stdarg.h>
#include <linux/types.h>

/* The level of a message without one (Linux's default configuration). */
#define MESSAGE_LOGLEVEL_DEFAULT 4

/* For %pV: a format and its arguments, printed inside another format. */
struct va_format {
	const char *fmt;
	va_list *va;
};

/* The level character of a message ('0'-'7', 'c', 'd'), or 0 if none. */
static inline int printk_get_level(const char *buffer)
{
	if (buffer[0] == KERN_SOH_ASCII && buffer[1]) {
		switch (buffer[1]) {
		case '0' ... '7':
		case 'c':
		case 'd':
			return buffer[1];
		}
	}
	return 0;
}

/* The message after its level prefixes. */
static inline const char *printk_skip_level(const char *buffer)
{
	while (printk_get_level(buffer))
		buffer += 2;
	return buffer;
}

/* Returns the number of characters of the message, without its level. */
__printf(1, 0) int vprintk(const char *fmt, va_list args);
__printf(1, 2) __cold int printk(const char *fmt, ...);

/* Each file may define pr_fmt before its first include to prefix messages. */
#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

/* Checks the format and the arguments like printk, prints nothing. */
#define no_printk(fmt, ...)                         \
	({                                          \
		if (0)                              \
			printk(fmt, ##__VA_ARGS__); \
		0;                                  \
	})

#define pr_emerg(fmt, ...) printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...) printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...) printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...) printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...) printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...) printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...) printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
/* No pr_fmt: the text continues a line that already has its prefix. */
#define pr_cont(fmt, ...) printk(KERN_CONT fmt, ##__VA_ARGS__)

#ifdef DEBUG
#define pr_debug(fmt, ...) printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_devel(fmt, ...) printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#else
#define pr_debug(fmt, ...) no_printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_devel(fmt, ...) no_printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#endif

/*
 * The first call prints, later ones do nothing; the value is whether this
 * call printed. A racing second caller may lose the message to the first.
 */
#define printk_once(fmt, ...)                                                                 \
	({                                                                                    \
		static bool __print_once;                                                     \
		bool __printed = !__atomic_exchange_n(&__print_once, true, __ATOMIC_RELAXED); \
		if (__printed)                                                                \
			printk(fmt, ##__VA_ARGS__);                                           \
		__printed;                                                                    \
	})
#define pr_emerg_once(fmt, ...) printk_once(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err_once(fmt, ...) printk_once(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn_once(fmt, ...) printk_once(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice_once(fmt, ...) printk_once(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info_once(fmt, ...) printk_once(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)

/*
 * At most a burst of messages per interval from each call site, as the
 * dev_*_ratelimited forms (shim/core/dev_printk.c keeps the state).
 */
bool uldd_ratelimit(void *state);
#define printk_ratelimited(fmt, ...)                \
	do {                                        \
		static unsigned long __rs[3];       \
		if (uldd_ratelimit(__rs))           \
			printk(fmt, ##__VA_ARGS__); \
	} while (0)
#define pr_err_ratelimited(fmt, ...) printk_ratelimited(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn_ratelimited(fmt, ...) printk_ratelimited(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice_ratelimited(fmt, ...) printk_ratelimited(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info_ratelimited(fmt, ...) printk_ratelimited(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)

/* print_hex_dump(): what each line starts with. */
enum {
	DUMP_PREFIX_NONE,
	DUMP_PREFIX_ADDRESS,
	DUMP_PREFIX_OFFSET,
};

/* Lines of rowsize (16 or 32) bytes in groups of groupsize (1, 2, 4, 8). */
void print_hex_dump(const char *level, const char *prefix_str, int prefix_type, int rowsize,
		    int groupsize, const void *buf, size_t len, bool ascii);

#endif /* _LINUX_PRINTK_H */
