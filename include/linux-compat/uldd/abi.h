/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * uldd/abi.h - the version of the driver ABI these headers describe: the
 * functions libuldd.so.<major> exports (abi/libuldd.sym) and the layout of
 * every structure a driver may touch (abi/layout.txt). A driver records the
 * version it was compiled against in an ELF note (linux/module.h), and
 * 'uldd run' loads it only into a library of the same major version and
 * the same or a later minor one.
 *
 * Bump the minor version when the ABI grows compatibly (a new function, a
 * field appended to a structure a driver never allocates itself); bump the
 * major version, and the library's soname, when anything a built driver
 * relies on changes. 'make abi-check' says which, and how.
 *
 * Plain macros only: host code includes this file by its path, too.
 */
#ifndef _ULDD_ABI_H
#define _ULDD_ABI_H

#define ULDD_ABI_MAJOR 2
#define ULDD_ABI_MINOR 0

/* The note: owner "uldd", type ULDD_NOTE_ABI, two 32-bit words (major, minor). */
#define ULDD_NOTE_NAME "uldd"
#define ULDD_NOTE_SECTION ".note.uldd.abi"
#define ULDD_NOTE_ABI 1

#endif /* _ULDD_ABI_H */
