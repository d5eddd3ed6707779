/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * abi.h - which driver ABI a driver .so was built for, and whether this
 * uldd can load it (include/linux-compat/uldd/abi.h holds the rules).
 */
#ifndef ULDD_TOOLS_ABI_H
#define ULDD_TOOLS_ABI_H

#include "elf.h"

/* The version in f's uldd note: 0, or ENOENT when it has none. */
int tool_abi_note(const struct tool_elf *f, unsigned int *major, unsigned int *minor);
/*
 * ULDD_EXIT_OK when the driver at path may load into this libuldd;
 * otherwise ULDD_EXIT_FAIL and one line on stderr naming both versions,
 * or why the file is no driver.
 */
int tool_abi_check(const char *path);

#endif /* ULDD_TOOLS_ABI_H */
