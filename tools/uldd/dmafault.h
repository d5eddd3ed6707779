/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * dmafault.h - --debug=dma-strict's fault watcher: VFIO does not tell a
 * process of its device's IOMMU faults, but the kernel logs each DMAR
 * fault, so a thread reads the kernel log (/dev/kmsg) and hands every
 * fault of a device to the shim, which names the mapping the address
 * belonged to (shim/debug/dma.c).
 */
#ifndef ULDD_TOOLS_DMAFAULT_H
#define ULDD_TOOLS_DMAFAULT_H

#include <stdint.h>

/*
 * Opens /dev/kmsg at its end: before the privilege drop (reading it needs
 * CAP_SYSLOG or root at open). A failure is a warning: the mappings stay
 * strict, faults go unreported.
 */
void tool_dmafault_open(void);
/* Starts the watcher, once vCPUs exist; nothing without an open log. */
void tool_dmafault_start(void);
/* Reads what the log holds by now, hands it over and stops the watcher. */
void tool_dmafault_stop(void);

/*
 * One kernel log line: 1 and the device ("BB:DD.F"), the address and
 * whether it was a write, when it is a DMAR fault; else 0.
 */
int tool_dmafault_parse(const char *line, char bdf[16], uint64_t *addr, int *write);

#endif /* ULDD_TOOLS_DMAFAULT_H */
