/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * entry.h - how host threads enter the kernel namespace. Included by both
 * worlds, so it includes nothing: K-world sees the plain names, H-world the
 * names the namespace rename gives them (uldd_k_*), one prototype for both.
 *
 * Every host thread that runs kernel code brackets it with uldd_enter() and
 * uldd_exit(): enter makes the thread a task (current) and takes a virtual
 * CPU, waiting for one if all are busy; exit gives the CPU back. Pairs nest.
 */
#ifndef ULDD_SHIM_ENTRY_H
#define ULDD_SHIM_ENTRY_H

#ifdef __KERNEL__
#define ULDD_ENTRY(name) name
#else
#define ULDD_ENTRY(name) uldd_k_##name
#endif

/* Before any uldd_enter(): the number of virtual CPUs (1..64). */
int ULDD_ENTRY(uldd_sched_init)(unsigned int nr_vcpus);
/* name becomes the task's comm on its first entry (15 characters kept). */
void ULDD_ENTRY(uldd_enter)(const char *name);
void ULDD_ENTRY(uldd_exit)(void);
/* How many "sleeping while atomic" reports the checker has made. */
unsigned long ULDD_ENTRY(uldd_sched_bugs)(void);

/*
 * The watchdog (kernel/sched/core.c), called about once a second from a
 * host thread that never enters, with now on uhost_clock_coarse_ns() (a
 * fake clock in tests). Returns ULDD_WD_LOCKUP when a vCPU has been held
 * by one task without scheduling for lockup_ns or more, ULDD_WD_HUNG when
 * a task has slept uninterruptibly for hung_ns or more (0: that check
 * off), else 0; for a report, the task's comm (16 bytes), pid, vCPU (-1
 * for a hung task), the seconds and the host thread (a pthread_t).
 */
#define ULDD_WD_LOCKUP 1
#define ULDD_WD_HUNG 2
struct uldd_wd_report {
	char comm[16];
	int pid;
	int cpu;
	unsigned long long secs;
	unsigned long long thread;
};
int ULDD_ENTRY(uldd_watchdog_check)(unsigned long long now, unsigned long long lockup_ns,
				    unsigned long long hung_ns, struct uldd_wd_report *r);

/*
 * The loaded driver (kernel/module.c). Call with the task entered. The
 * count is how many modules the driver's constructors registered.
 */
unsigned int ULDD_ENTRY(uldd_module_count)(void);
/* name=value; on failure msg gets one line for the user, and -errno. */
int ULDD_ENTRY(uldd_param_set)(const char *name, const char *value, char *msg, unsigned long len);
/* Every module's init in load order; on a failure, undone, and -errno. */
int ULDD_ENTRY(uldd_modules_init)(void);
void ULDD_ENTRY(uldd_modules_exit)(void);

/* The DMA arena's first chunk, so atomic allocations have memory at once. */
int ULDD_ENTRY(uldd_mm_init)(void);

/*
 * The checkers of 'uldd run --debug=LIST' (shim/debug/): the mask bit of
 * one name (len bytes, not terminated) or -EINVAL; the mask, set before
 * uldd_sched_init(); and, after uldd_modules_exit(), the checkers' closing
 * checks, returning how many reports the run made.
 */
int ULDD_ENTRY(uldd_debug_lookup)(const char *name, unsigned long len, unsigned int *mask);
void ULDD_ENTRY(uldd_debug_setup)(unsigned int mask);
unsigned long ULDD_ENTRY(uldd_debug_finish)(void);
/* dma-strict: device bdf ("BB:DD.F") faulted at addr in the IOMMU, reported (shim/debug/dma.c). */
void ULDD_ENTRY(uldd_dma_strict_fault)(const char *bdf, unsigned long long addr, int write);

/* The PCI bus (drivers/pci): only these devices, if any are named. */
int ULDD_ENTRY(uldd_pci_allow)(const char *addr);
/* How many devices a driver is bound to now; how many probes failed. */
unsigned int ULDD_ENTRY(uldd_pci_bound)(void);
unsigned int ULDD_ENTRY(uldd_pci_failed)(void);

/* Firmware files (drivers/base/firmware.c): DIR/name; default /lib/firmware. */
int ULDD_ENTRY(uldd_firmware_dir)(const char *dir);

/*
 * The net layer (shim/net). uldd_net_ifname: the name of the next
 * net_device's TAP interface (uldd run --ifname), NULL for the driver's own
 * ("eth%d"); called before uldd_modules_init(). uldd_net_report: text for
 * 'uldd stats' about interface ifname (a TAP this process serves): driver
 * information, link settings and the driver's ethtool statistics, one
 * "name: value" a line; its length, or -ENODEV when this process has no
 * such interface. Called from a host thread without a vCPU.
 */
int ULDD_ENTRY(uldd_net_ifname)(const char *name);
/* How many interfaces the host set up and their driver refused to open (vCPU held). */
unsigned int ULDD_ENTRY(uldd_net_open_failed)(void);
/* How many disks a driver has added (shim/block): a driver may need no device. */
unsigned int ULDD_ENTRY(uldd_blk_disks)(void);
/*
 * How many disks the host export refused (nbd.ko missing, ...): each said
 * why in one line already. A driver such as nvme adds its disks from a
 * work item and runs on without them, so 'uldd run''s watchdog asks once
 * a second and stops the process. An atomic read: any thread, no vCPU.
 */
unsigned int ULDD_ENTRY(uldd_blk_export_failed)(void);
long ULDD_ENTRY(uldd_net_report)(const char *ifname, char *buf, unsigned long len);
/*
 * 'uldd stats' about disk name (a gendisk this process added, such as
 * nvme0n1; shim/block/stats.c): per hardware queue, depth, requests by
 * kind, bytes, errors, requeues, timeouts and latency, one "name: value"
 * a line; its length, or -ENODEV. From a host thread without a vCPU.
 */
long ULDD_ENTRY(uldd_blk_report)(const char *name, char *buf, unsigned long len);

#endif /* ULDD_SHIM_ENTRY_H */
