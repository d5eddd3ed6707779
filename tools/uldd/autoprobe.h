/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * autoprobe.h - which driver .so of a folder 'uldd autoprobe' starts for a
 * device on vfio-pci. The matching lives apart from the processes so that
 * unit tests check it without a device (tests/unit/test_autoprobe.c).
 */
#ifndef ULDD_TOOLS_AUTOPROBE_H
#define ULDD_TOOLS_AUTOPROBE_H

#include <stdbool.h>
#include <stddef.h>

#include "modinfo.h"
#include "uhost_vfio.h"

/* A driver .so of the folder, with the entries of its PCI ID tables. */
struct tool_ap_driver {
	char *name; /* the file's name in the folder */
	struct tool_pci_id *ids;
	size_t nids;
};

struct tool_ap_set {
	struct tool_ap_driver *drv; /* sorted by name after tool_ap_load() */
	size_t n;
};

/*
 * An entry matches a device as in the kernel's pci_match_id(): each ID
 * equal or PCI_ANY_ID, the class equal under the entry's mask. Entries
 * marked override_only never match: the kernel binds those drivers only
 * when driver_override names them.
 */
bool tool_ap_id_matches(const struct tool_pci_id *id, const struct uhost_pci_info *d);

/*
 * How specifically an entry names a device, higher is more specific,
 * ordered by: a device ID named, then the subsystem IDs named (0 to 2),
 * then the vendor named, then the bits of its class mask.
 */
unsigned int tool_ap_id_score(const struct tool_pci_id *id);

/* The best score of drv's entries that match d; -1 when none does. */
int tool_ap_driver_score(const struct tool_ap_driver *drv, const struct uhost_pci_info *d);

/* Which drivers of a set match a device, the chosen one first. */
struct tool_ap_pick {
	int best; /* index in the set; -1: no driver matches */
	int next; /* the runner-up; -1: none */
	bool tie; /* next is as specific as best, which won by its name */
	unsigned int nmatch; /* how many drivers match */
};

/*
 * The most specific match wins (tool_ap_driver_score()); between equally
 * specific ones, the first name in strcmp() order, so the choice never
 * depends on the order of the folder's entries.
 */
void tool_ap_pick(const struct tool_ap_set *set, const struct uhost_pci_info *d,
		  struct tool_ap_pick *p);

/*
 * The drivers of set that match d, in the order autoprobe tries them:
 * tool_ap_pick()'s choice first, then the others by the same rule. Up to
 * max indices into the set in order[]; returns how many drivers match,
 * which may be more than max.
 */
unsigned int tool_ap_rank(const struct tool_ap_set *set, const struct uhost_pci_info *d, int *order,
			  unsigned int max);

/*
 * Which of a device's n ranked drivers autoprobe starts once the one at
 * position cur ended with wait status status: cur + 1 when it exited
 * ULDD_EXIT_NODEV (its probe refused the device; the kernel's driver core
 * then tries the next match too) and one is left; -1 for anything else:
 * a stop, a failure or its supervisor's give-up ends that device's part.
 */
int tool_ap_next(int status, unsigned int cur, unsigned int n);

/* Adds a driver named name with a copy of ids[n]. 0 or ENOMEM. */
int tool_ap_add(struct tool_ap_set *set, const char *name, const struct tool_pci_id *ids, size_t n);

/*
 * Reads the regular files named *.so in dir (symlinks followed, no
 * subfolders) and keeps those with a PCI ID table, sorted by name. A .so
 * that is no driver gets a warning line and is left out; one with no PCI
 * table is left out quietly (nothing could match it). 0, or the errno of
 * reading dir.
 */
int tool_ap_load(const char *dir, struct tool_ap_set *set);
void tool_ap_free(struct tool_ap_set *set);

#endif /* ULDD_TOOLS_AUTOPROBE_H */
