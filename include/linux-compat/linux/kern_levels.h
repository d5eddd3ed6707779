/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/kern_levels.h - printk's log levels. A level is a prefix of the
 * message text: the ASCII SOH character (0x01) and one more character, a
 * digit for a level, 'c' for a continuation, 'd' for the default level.
 */
#ifndef _LINUX_KERN_LEVELS_H
#define _LINUX_KERN_LEVELS_H

#define KERN_SOH "\001"
#define KERN_SOH_ASCII '\001'

#define KERN_EMERG KERN_SOH "0" /* the system is unusable */
#define KERN_ALERT KERN_SOH "1" /* act now */
#define KERN_CRIT KERN_SOH "2" /* critical condition */
#define KERN_ERR KERN_SOH "3" /* error */
#define KERN_WARNING KERN_SOH "4" /* warning */
#define KERN_NOTICE KERN_SOH "5" /* normal but significant */
#define KERN_INFO KERN_SOH "6" /* informational */
#define KERN_DEBUG KERN_SOH "7" /* debugging */

/* The level a message without one gets (MESSAGE_LOGLEVEL_DEFAULT). */
#define KERN_DEFAULT ""
/* Appends to the line before; only at the start of a message. */
#define KERN_CONT KERN_SOH "c"

/* The same levels as numbers, for code that computes one. */
#define LOGLEVEL_SCHED -2
#define LOGLEVEL_DEFAULT -1
#define LOGLEVEL_EMERG 0
#define LOGLEVEL_ALERT 1
#define LOGLEVEL_CRIT 2
#define LOGLEVEL_ERR 3
#define LOGLEVEL_WARNING 4
#define LOGLEVEL_NOTICE 5
#define LOGLEVEL_INFO 6
#define LOGLEVEL_DEBUG 7

#endif /* _LINUX_KERN_LEVELS_H */
