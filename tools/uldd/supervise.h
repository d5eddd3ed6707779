/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * supervise.h - 'uldd supervise' (and 'uldd run --restart'): the driver
 * runs as a child 'uldd run'; a crash gets an oops, a device reset and a
 * restart with back-off, the TAPs are kept across it (kernel/keep.c).
 */
#ifndef ULDD_TOOLS_SUPERVISE_H
#define ULDD_TOOLS_SUPERVISE_H

#include <stdbool.h>
#include <stddef.h>

/*
 * The environment of a supervised 'uldd run': its pipe, the TAPs it takes
 * back, the supervisor's nbd broker.
 */
#define ULDD_SUP_FD_ENV "ULDD_SUPERVISOR_FD"
#define ULDD_SUP_TAPS_ENV "ULDD_SUPERVISOR_TAPS"
#define ULDD_SUP_NBD_ENV "ULDD_NBD_BROKER_FD"

/* argv[0] is "supervise", or "run" with a --restart among the rest. */
int tool_supervise(int argc, char **argv);

/*
 * Called by 'uldd run' once its command line is checked: the process title
 * ("uldd run DRIVER DEVICE"), and under a supervisor the crash handler and
 * the kept TAPs. 0, or ULDD_EXIT_FAIL with a message.
 */
int tool_supervised_run(int argc, char **argv);

/*
 * Whether a, an option of 'uldd run' or of the restart policy, takes a
 * value: what a command that hands such options on needs to know.
 */
bool tool_sup_takes_value(const char *a);

/*
 * Whether the driver can make a gendisk (it imports a function that adds
 * one): its disks need the nbd broker, which keeps root.
 */
bool tool_makes_disks(const char *driver);

/* The driver and devices a run's command line names: "e1000 0000:01:00.0". */
void tool_sup_describe(int argc, char **argv, char *driver, size_t dlen, char *devices,
		       size_t vlen);

/* "<dir>/<driver>@<devices, '+' between>.pid" ("all" for none), '/' and blanks made '_'. */
int tool_sup_pidfile_path(char *buf, size_t len, const char *dir, const char *driver,
			  const char *devices);

#endif /* ULDD_TOOLS_SUPERVISE_H */
