/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * reboot.h - the machine's shutdown events. A uldd process never sees the
 * host reboot; a driver's pci_driver.shutdown runs when uldd stops.
 */
#ifndef _LINUX_REBOOT_H
#define _LINUX_REBOOT_H

#define SYS_DOWN 0x0001
#define SYS_RESTART SYS_DOWN
#define SYS_HALT 0x0002
#define SYS_POWER_OFF 0x0003

#endif /* _LINUX_REBOOT_H */
