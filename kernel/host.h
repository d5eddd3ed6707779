/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * host.h - the host layer's own API, for tools/ and tests: what they call
 * that no K-world code does, so it stays out of the door. H-world only;
 * it brings the door headers with it. kernel/'s files share more among
 * themselves in internal.h.
 */
#ifndef ULDD_KERNEL_HOST_H
#define ULDD_KERNEL_HOST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "uhost.h"
#include "uhost_blk.h"
#include "uhost_tap.h"
#include "uhost_vfio.h"

/* Undoes uhost_init(); nothing to undo yet, so programs may skip it. */
void uhost_fini(void);

/* log.c: the level up to which uhost_log() writes (printk's numbers). */
void uhost_log_set_level(int level);
int uhost_log_level(void);

/* vfio_irq.c: masks an INTx vector by hand (the shim's INTx needs only unmask). */
int uhost_irq_mask(struct uhost_dev *dev, unsigned int vec);

/*
 * nbd.c: uh_blk_broker_start() forks, as root and before any thread, the
 * process that connects and disconnects nbd devices for this one once it
 * has dropped root, and ends after disconnecting what it connected when
 * this process ends. uh_blk_broker_start_kept() forks one for a
 * supervisor: *fd is the channel each driver process it starts gets
 * (uh_blk_broker_use()); the devices outlive a driver that dies, for its
 * restarted self to take back, and are disconnected when the last copy
 * of *fd closes; *pid is the broker's, to wait for. uh_blk_broker_ready()
 * says whether this process has a broker. uh_blk_attach() makes an
 * exported disk of n stream sockets already connected to an NBD client
 * (tests); it owns them.
 */
int uh_blk_broker_start(void);
int uh_blk_broker_start_kept(int *fd, pid_t *pid);
int uh_blk_broker_use(int fd);
bool uh_blk_broker_ready(void);
int uh_blk_attach(const int *fds, unsigned int n, struct uhost_blk **blkp);

/* tap.c: the host's interface index of the TAP. Never blocks. */
int uhost_tap_ifindex(const struct uhost_tap *tap);

/*
 * thread.c: event counters (eventfd) and timers (timerfd). The shim waits
 * on futexes (uhost_futex_wait) and keeps its own timer list, so only the
 * host layer's tests call these.
 */
struct uhost_event;
struct uhost_timer;

/* signal and destroy: irq thread: yes. */
int uhost_event_create(struct uhost_event **eventp);
void uhost_event_destroy(struct uhost_event *event);
int uhost_event_signal(struct uhost_event *event);
/* timeout_ns 0 waits forever, else ETIMEDOUT. May block. */
int uhost_event_wait(struct uhost_event *event, uhost_u64 timeout_ns, uhost_u64 *count);

/* One-shot or periodic timers on CLOCK_MONOTONIC (timerfd). */
int uhost_timer_create(struct uhost_timer **timerp);
void uhost_timer_destroy(struct uhost_timer *timer);
/* expires_ns is absolute (uhost_clock_ns()); 0 disarms. period_ns 0: once. */
int uhost_timer_arm(struct uhost_timer *timer, uhost_u64 expires_ns, uhost_u64 period_ns);
/* Waits for expiry; count is the expirations since the last wait. May block. */
int uhost_timer_wait(struct uhost_timer *timer, uhost_u64 *count);

#define UH_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/*
 * error.c: records the user-facing message of a failure for uhost_errmsg()
 * and returns err, so a failure path is one line: return uh_fail(ENOENT, ...).
 */
int uh_fail(int err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* log.c: printf-style front end to uhost_log(). */
void uh_log(int level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* pciaddr.c: "DDDD:BB:DD.F" or "BB:DD.F", all hex, as lspci prints them. */
struct uh_pci_addr {
	uint16_t domain;
	uint8_t bus;
	uint8_t dev; /* 0..31 */
	uint8_t fn; /* 0..7 */
};
#define UH_PCI_ADDR_LEN 13 /* "0000:00:00.0" and the NUL */

int uh_pci_addr_parse(const char *s, struct uh_pci_addr *addr);
void uh_pci_addr_format(const struct uh_pci_addr *addr, char buf[UH_PCI_ADDR_LEN]);

/*
 * sysfs.c: what /sys/bus/pci says about a device. The root is "/sys" unless
 * ULDD_SYSFS_ROOT names a fake tree (unit tests) or uh_sysfs_set_root() did.
 */
/* *cache, else the environment variable env if set, else dflt (remembered). */
const char *uh_root_from_env(const char **cache, const char *env, const char *dflt);
void uh_sysfs_set_root(const char *root);
const char *uh_sysfs_root(void);
/* Builds "<root>/bus/pci/devices/<addr>/<leaf>". ENAMETOOLONG if it cannot. */
int uh_sysfs_dev_path(char *buf, size_t len, const char *addr, const char *leaf);
bool uh_sysfs_dev_exists(const char *addr);
/* The bound driver's name, or "" when none. */
int uh_sysfs_driver(const char *addr, char *buf, size_t len);
/* ENOENT when the device has no IOMMU group. */
int uh_sysfs_iommu_group(const char *addr, int *group);
/* Reads a sysfs attribute such as "vendor" as a number. */
int uh_sysfs_read_hex(const char *addr, const char *attr, unsigned long *val);
/*
 * The host port range [*start, *start + *len) of I/O BAR bar, from the
 * device's "resource" file (one line per resource: start, end, flags).
 * ENOENT when the BAR is not an assigned I/O range below 65536.
 */
#define UH_PORT_LIMIT 0x10000ul /* x86's I/O space: 64 Ki ports */
int uh_sysfs_bar_ports(const char *addr, unsigned int bar, unsigned long *start,
		       unsigned long *len);
int uh_sysfs_write(const char *path, const char *val);

/*
 * The checks before VFIO is touched, each failure with its fix: the address
 * parses, the device exists, it is bound to vfio-pci, it has an IOMMU group.
 * canon receives the canonical address.
 */
int uh_sysfs_check_vfio(const char *addr, char canon[UH_PCI_ADDR_LEN], int *group);

/*
 * pcibind.c: moving a device between its kernel driver and vfio-pci, for
 * 'uldd bind' and 'uldd unbind'. /dev is "/dev" unless ULDD_DEV_ROOT or
 * uh_dev_set_root() names a fake one (unit tests), like the sysfs root.
 */
#define UH_VFIO_DRIVER "vfio-pci"
#define UH_DRIVER_LEN 64

void uh_dev_set_root(const char *root);
const char *uh_dev_root(void);

/* What a bind or unbind found and did, filled as far as it got. */
struct uh_bind_info {
	char addr[UH_PCI_ADDR_LEN]; /* canonical */
	char before[UH_DRIVER_LEN]; /* the driver before the call; "" for none */
	char after[UH_DRIVER_LEN]; /* the driver after it */
	int group; /* IOMMU group; -1 for none */
	bool changed; /* false: the device was already where it should be */
};

/*
 * driver_override = vfio-pci, unbind, drivers_probe, then checks that
 * vfio-pci holds it and /dev/vfio/<group> exists. Already on vfio-pci is
 * success with changed false. A failure after the first write restores the
 * old override and driver; the message says where the device ended up.
 */
int uh_pci_bind_vfio(const char *addr, struct uh_bind_info *info);
/*
 * Clears driver_override, unbinds vfio-pci and probes so the kernel's own
 * driver takes the device back (after is "" if none does). EBUSY, without
 * touching anything, while a process holds the device's VFIO node open.
 */
int uh_pci_unbind_vfio(const char *addr, struct uh_bind_info *info);

/* The first process with the device's /dev/vfio node open, or *pid = 0. */
int uh_pci_vfio_user(const char *addr, int group, int *pid, char *comm, size_t len);

/*
 * What 'uldd run --device' checks before it loads a driver, for a canonical
 * address: the device exists, is on vfio-pci, has an IOMMU group, and no
 * process holds its VFIO node open (EBUSY, naming the process). Each failure
 * is one line with its fix; *group receives the IOMMU group.
 */
int uh_pci_check_free(const char *canon, int *group);

/*
 * The devices of an IOMMU group other than self whose drivers keep VFIO from
 * using the group (any but vfio-pci, pci-stub, pcieport, or none). Stores up
 * to max of them; *n counts them all.
 */
struct uh_group_peer {
	char addr[64];
	char driver[UH_DRIVER_LEN];
};
int uh_pci_group_blockers(int group, const char *self, struct uh_group_peer *peers, size_t max,
			  size_t *n);

/* Unit tests: the hook that every sysfs write of pcibind.c goes through. */
typedef int (*uh_sysfs_write_fn)(const char *path, const char *val);
/* NULL restores uh_sysfs_write. */
void uh_pci_bind_set_write(uh_sysfs_write_fn fn);

/*
 * keep.c: a driver process under 'uldd supervise'. uh_keep_setup: fd is
 * the pipe to the supervisor (-1: none, nothing kept), adopt the TAPs of
 * the process before it, "WANTED/NAME ...", to take back. uh_keep_adopt:
 * the kept TAP to attach to for the name uhost_tap_open() was asked for,
 * each once; NULL: make a new one. uh_keep_report: one line to the
 * supervisor (nothing without one).
 */
#define UH_IFNAMSIZ 16
int uh_keep_setup(int fd, const char *adopt);
bool uh_keep_on(void);
const char *uh_keep_adopt(const char *wanted);
void uh_keep_report(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* tap.c: removes a TAP a supervisor kept for a driver that is gone. */
int uh_tap_remove(const char *name);

/*
 * abort.c: how uhost_stack_print() names a frame. fn writes one line for
 * the return address pc into buf (at most len bytes, no newline); until
 * it is set, frames are printed as glibc's backtrace_symbols_fd() prints
 * them. The tool gives the oops's symbolizer (tools/uldd/oops.h).
 */
typedef void (*uh_frame_namer)(void *pc, char *buf, size_t len);
void uh_stack_set_namer(uh_frame_namer fn);

/*
 * thread.c: every thread the host layer starts from now on gets its own
 * alternate signal stack of size bytes (0: none), so a crash handler runs
 * even when the thread overflowed its stack.
 */
void uh_thread_set_altstack(size_t size);

/*
 * privsep.c: giving up root in 'uldd run' (see tools/uldd/run.c).
 * uh_node_hold() opens a device node as root and keeps it; the next
 * uh_node_open() of the same path takes that fd (once), else it is open(2).
 * uh_node_release_all() closes those nobody took; returns their count.
 */
#include <sys/types.h>

#define UH_DEFAULT_USER "uldd"
#define UH_TUN_PATH "/dev/net/tun"
int uh_node_hold(const char *path, int flags);
/* n fds of path, each handed out once: a node whose every open counts (tun). */
int uh_node_hold_many(const char *path, int flags, unsigned int n);
int uh_node_open(const char *path, int flags);
unsigned int uh_node_release_all(void);
/* ENOENT, with the fix in uhost_errmsg(), when there is no such user. */
int uh_user_lookup(const char *name, uid_t *uid, gid_t *gid);
/*
 * *found: the ELF64 file at path imports (has an undefined dynamic symbol)
 * one of names (NULL-terminated). Not an ELF64 file: false, no error.
 */
int uh_elf_imports(const char *path, const char *const *names, bool *found);
/* The capabilities a running driver keeps: net is true for a network driver. */
uint64_t uh_privsep_caps(bool net);
/* "cap_net_admin,..." or "none"; EINVAL for a capability it cannot name. */
int uh_caps_name(uint64_t caps, char *buf, size_t len);
/*
 * RLIMIT_MEMLOCK, soft and hard: what VFIO may pin without CAP_IPC_LOCK.
 * Where the hard limit cannot be raised, both become it: *got says which.
 */
int uh_memlock_set(uint64_t bytes, uint64_t *got);
/* RLIMIT_NICE that lets a thread take UHOST_IRQ_NICE unprivileged. */
void uh_nice_limit_set(void);
/*
 * Before any thread starts: to uid/gid with only caps (effective and
 * permitted; the bounding set cut to them), no_new_privs, dumpable as it
 * was. EBUSY when threads run already.
 */
int uh_privsep_drop(uid_t uid, gid_t gid, uint64_t caps);

/*
 * vfio_dma.c: opens and holds (uh_node_hold) the nodes the VFIO backend
 * will open for the device at addr, so its open works after the drop.
 */
int uh_vfio_preopen(const char *addr);
/*
 * vfio_device.c: ioperm(2) on the calling thread for every I/O BAR of the
 * device at addr, recorded so that uhost_ioperm() on those ports later needs
 * no system call (threads created afterwards inherit the bits) and never
 * takes them back. *nports counts the ports granted.
 */
int uh_ports_pregrant(const char *addr, unsigned int *nports);

/*
 * file.c: opens dir (as root) and keeps it, so uhost_file_read(dir, ...)
 * finds its files beneath that fd after the drop.
 */
int uh_file_hold_dir(const char *dir);

/*
 * arena.c: the most uhost_arena_alloc() hands out in all (0: no limit),
 * so the arena fails with its own message before VFIO's pin limit does.
 */
void uh_arena_set_limit(uint64_t bytes);
uint64_t uh_arena_limit(void);

/*
 * seccomp.c: the allow-list of a running driver's system calls. install:
 * on every thread (TSYNC); a call off the list prints one line naming it
 * and who (the driver), then _exit(UH_SECCOMP_EXIT). Unit tests ask count
 * and allowed.
 */
#define UH_SECCOMP_EXIT 159 /* 128 + SIGSYS, as a shell reports that death */
int uh_seccomp_install(const char *who);
size_t uh_seccomp_count(void);
bool uh_seccomp_allowed(int nr);

/*
 * The watchdog's backtrace of another thread (abort.c): uh_dump_prepare()
 * installs the handler of UH_DUMP_SIGNAL (every uhost thread leaves it
 * unblocked) and loads the unwinder, before seccomp; uh_dump_thread()
 * signals the thread, whose handler writes its stack to stderr, and waits
 * up to timeout_ms for it. True when the backtrace was written.
 */
#define UH_DUMP_SIGNAL (SIGRTMIN + 1)
int uh_dump_prepare(void);
bool uh_dump_thread(uint64_t thread, int timeout_ms);

#endif /* ULDD_KERNEL_HOST_H */
