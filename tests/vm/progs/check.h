/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * check.h - assertions for the guest test programs: each check prints one
 * "ok"/"FAIL" line, and a failure ends the program with status 1.
 */
#ifndef ULDD_TESTS_VM_CHECK_H
#define ULDD_TESTS_VM_CHECK_H

#include <stdio.h>
#include <stdlib.h>

#include "host.h"

#define CHECK(cond, ...)                                                     \
	do {                                                                 \
		if (cond) {                                                  \
			printf("ok   ");                                     \
			printf(__VA_ARGS__);                                 \
			printf("\n");                                        \
		} else {                                                     \
			printf("FAIL ");                                     \
			printf(__VA_ARGS__);                                 \
			printf(" (%s:%d: %s)\n", __FILE__, __LINE__, #cond); \
			exit(1);                                             \
		}                                                            \
		fflush(stdout);                                              \
	} while (0)

/* A door call that must succeed; on failure its message says why. */
#define MUST(call)                                                                            \
	do {                                                                                  \
		int must_err_ = (call);                                                       \
		if (must_err_) {                                                              \
			printf("FAIL %s: %s (errno %d)\n", #call, uhost_errmsg(), must_err_); \
			exit(1);                                                              \
		}                                                                             \
	} while (0)

/* PCI_COMMAND's bus-master bit: MSI and DMA are device writes and need it. */
static inline void set_bus_master(struct uhost_dev *dev)
{
	uhost_u16 cmd;

	MUST(uhost_dev_cfg_read(dev, 0x04, &cmd, sizeof(cmd)));
	cmd |= 0x4;
	MUST(uhost_dev_cfg_write(dev, 0x04, &cmd, sizeof(cmd)));
}

#endif /* ULDD_TESTS_VM_CHECK_H */
