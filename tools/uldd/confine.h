/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * confine.h - how 'uldd run' gives up root: before any thread starts it
 * opens, as root, what the driver will need and drops to an unprivileged
 * user; once init and probe returned it closes what nobody took and
 * installs the seccomp allow-list. The mechanisms are kernel/privsep.c's
 * and kernel/seccomp.c's.
 */
#ifndef ULDD_TOOLS_CONFINE_H
#define ULDD_TOOLS_CONFINE_H

#include <stdbool.h>
#include <stdint.h>

#include "host.h"

#define ULDD_ARENA_MAX_DEFAULT (1024ull << 20)

struct tool_confine {
	const char *driver; /* the .so: does it register net_devices? */
	const char *user; /* NULL: UH_DEFAULT_USER */
	bool no_seccomp;
	bool valgrind; /* under valgrind, whose own system calls no list can know */
	uint64_t arena_max; /* bytes; also RLIMIT_MEMLOCK */
	const char *firmware; /* NULL: /lib/firmware */
	const char (*devices)[UH_PCI_ADDR_LEN]; /* none: every device on vfio-pci */
	unsigned int ndevices;

	/* Filled by tool_confine_drop(). */
	bool dropped; /* false: still root (--user root, or not root to start with) */
	uint64_t caps; /* the capabilities kept */
};

/*
 * As root, before any thread: holds the devices' VFIO nodes, grants their
 * I/O ports, holds the firmware directory, sets the arena's limit and
 * RLIMIT_MEMLOCK, then drops to the user. An ULDD_EXIT_* code; 0 on success.
 */
int tool_confine_drop(struct tool_confine *c);

/*
 * After init and probe: closes the nodes no device took, and installs the
 * seccomp filter naming driver in its message (unless no_seccomp).
 */
int tool_confine_lock(const struct tool_confine *c, const char *driver);

/* One line saying what the process runs as, on stderr. */
void tool_confine_report(const struct tool_confine *c, const char *driver);

#endif /* ULDD_TOOLS_CONFINE_H */
