/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * uhost.h - the one door between the kernel namespace (shim/, drivers) and
 * the host (libc, VFIO, eventfd, threads). Compiled in both worlds, so it
 * includes nothing and uses only compiler-provided types.
 *
 * Conventions:
 * - every call returns 0 or a positive Linux errno value; results come back
 *   through out-parameters. K-world errno values equal the host's (both are
 *   Linux), so the shim negates them and needs no table.
 * - after a failure, uhost_errmsg() returns one line for the user that names
 *   the object, the cause and the fix ("0000:00:03.0 is bound to e1000: run
 *   'uldd bind 0000:00:03.0' first").
 * - "may block": the call can sleep; the shim must give up its virtual CPU
 *   around it. "irq thread: yes": safe to call from an interrupt thread.
 */
#ifndef ULDD_UHOST_H
#define ULDD_UHOST_H

/* Bumped whenever a declaration below changes; uhost_init() checks it. */
#define UHOST_VERSION 12

typedef __UINT8_TYPE__ uhost_u8;
typedef __UINT16_TYPE__ uhost_u16;
typedef __UINT32_TYPE__ uhost_u32;
typedef __UINT64_TYPE__ uhost_u64;
typedef __SIZE_TYPE__ uhost_size;

struct uhost_dev;
struct uhost_thread;
struct uhost_event;
struct uhost_timer;

/* Library set-up. EPROTO when the caller was built for another version. */
int uhost_init(unsigned int version);
void uhost_fini(void);

/* The message of the last failed call on this thread; never NULL. */
const char *uhost_errmsg(void);

/* Logging; levels are printk's (3 error ... 7 debug). irq thread: yes. */
#define UHOST_LOG_ERR 3
#define UHOST_LOG_WARNING 4
#define UHOST_LOG_NOTICE 5
#define UHOST_LOG_INFO 6
#define UHOST_LOG_DEBUG 7
void uhost_log(int level, const char *msg, uhost_size len);
void uhost_log_set_level(int level);
int uhost_log_level(void);

/*
 * Crashes. uhost_backtrace() writes the calling thread's stack to stderr,
 * one frame a line (symbols from the dynamic symbol table: K-world's
 * uldd_k_* names, since uldd is linked -rdynamic). uhost_abort() writes
 * msg (if not NULL; the shim may have logged it already), the backtrace, then calls abort(): SIGABRT, so the supervisor
 * sees a crash and a core dump can be taken. Neither blocks; irq thread: yes.
 */
void uhost_backtrace(void);
__attribute__((__noreturn__)) void uhost_abort(const char *msg);

/* Time. CLOCK_MONOTONIC in nanoseconds. irq thread: yes. */
uhost_u64 uhost_clock_ns(void);
/* The wall clock, CLOCK_REALTIME, in nanoseconds since 1970. irq thread: yes. */
uhost_u64 uhost_clock_real_ns(void);
/*
 * The same clock as of the host's last tick (CLOCK_MONOTONIC_COARSE): never
 * ahead of uhost_clock_ns(), behind by about a host tick, more when a tick
 * runs late, and read from the vDSO's data page alone, where the precise
 * clock may have to read a slow clocksource (HPET in an emulated machine).
 * For jiffies. irq thread: yes. uhost_clock_coarse_res_ns(): the host's
 * tick, which is not a bound on the lag (5.1 ms was seen against 4 ms).
 */
uhost_u64 uhost_clock_coarse_ns(void);
uhost_u64 uhost_clock_coarse_res_ns(void);
/* Sleeps at least ns nanoseconds. May block. */
int uhost_sleep_ns(uhost_u64 ns);

/*
 * Memory arena: anonymous memory, 2 MiB huge pages when the host has them
 * reserved, else 4 KiB pages with transparent huge pages advised. The pages
 * are populated, so the IOMMU can pin them at once. May block.
 */
int uhost_arena_alloc(uhost_size size, void **va, uhost_size *page_size);
int uhost_arena_free(void *va, uhost_size size);

/*
 * Files (firmware). uhost_file_read() reads the whole regular file name,
 * found beneath the directory dir, into a buffer it allocates; *size is its
 * length (0 for an empty file, with *data still non-NULL). Give the buffer
 * back with uhost_file_free(); the shim copies what it keeps into arena
 * memory first. The file stays confined to dir:
 * - EINVAL: name is empty, absolute, or has a ".." component;
 * - EACCES: name resolves outside dir (a symlink that leads out; symlinks
 *   that stay inside are followed);
 * - EISDIR, EINVAL: a directory, or not a regular file (a FIFO or device
 *   is opened non-blocking and refused, so it cannot hang the caller);
 * - EFBIG: larger than UHOST_FILE_MAX;
 * - ENOENT, ... as open(2). uhost_errmsg() names the path and the cause.
 * read: may block. free: never blocks; irq thread: yes.
 */
#define UHOST_FILE_MAX (64ull << 20) /* 64 MiB: more than any firmware image */
int uhost_file_read(const char *dir, const char *name, void **data, uhost_size *size);
void uhost_file_free(void *data);

/* A PCI function as sysfs describes it, for matching a driver's ID table. */
struct uhost_pci_info {
	char addr[16]; /* "DDDD:BB:DD.F" */
	uhost_u16 vendor, device, subvendor, subdevice;
	uhost_u32 class; /* base class, subclass, prog-if: 0xBBSSPP */
	uhost_u8 revision;
	uhost_u8 vfio; /* bound to vfio-pci */
	uhost_u8 reserved[2];
};

/*
 * Lists the PCI functions, up to max of them, in address order; *n counts
 * them all. May block.
 */
int uhost_pci_scan(struct uhost_pci_info *info, unsigned int max, unsigned int *n);

/*
 * PCI devices through VFIO. addr is "DDDD:BB:DD.F" or "BB:DD.F"; the device
 * must be bound to vfio-pci. May block.
 */
int uhost_dev_open(const char *addr, struct uhost_dev **devp);
/* All interrupt waiters must have returned; DMA mappings are removed. */
void uhost_dev_close(struct uhost_dev *dev);
/* The canonical "DDDD:BB:DD.F" name. */
const char *uhost_dev_name(const struct uhost_dev *dev);

/* Region indices are VFIO's: BARs 0-5, then the ROM and config space. */
#define UHOST_REGION_BAR0 0
#define UHOST_REGION_ROM 6
#define UHOST_REGION_CONFIG 7
#define UHOST_REGION_READ (1u << 0)
#define UHOST_REGION_WRITE (1u << 1)
#define UHOST_REGION_MMAP (1u << 2) /* uhost_dev_region_map() works */
#define UHOST_REGION_IO (1u << 3) /* an I/O-port BAR */
#define UHOST_REGION_64 (1u << 4) /* a 64-bit memory BAR */

struct uhost_region {
	uhost_u64 size; /* 0: the region is not implemented */
	uhost_u32 flags;
	uhost_u32 reserved;
};

int uhost_dev_region(struct uhost_dev *dev, unsigned int idx, struct uhost_region *info);

/*
 * Accesses of exactly len bytes (1, 2, 4 or 8) at off, as one device
 * access; for I/O-port BARs and regions that cannot be mapped. Each is a
 * system call. irq thread: yes.
 */
int uhost_dev_region_read(struct uhost_dev *dev, unsigned int idx, uhost_u64 off, void *buf,
			  uhost_size len);
int uhost_dev_region_write(struct uhost_dev *dev, unsigned int idx, uhost_u64 off, const void *buf,
			   uhost_size len);
/*
 * Direct port I/O for I/O-port BARs, without a system call per access.
 * uhost_dev_region_ports(): the host port number where BAR idx starts
 * (VFIO does not say; the device's sysfs "resource" file does); the BAR
 * spans the region's size from there. ENOENT when idx is not an assigned
 * I/O BAR below port 65536.
 * uhost_ioperm(): ioperm(2), lets the CALLING THREAD run in/out on ports
 * [base, base + len) (on != 0), or takes that back. The bits are per thread,
 * inherited only by threads created later, so each thread asks for itself;
 * they survive fork and execve, so a child uldd runs must drop them first.
 * EPERM without CAP_SYS_RAWIO; ENOTSUP off x86, or when ULDD_PORTIO=vfio
 * keeps port I/O on VFIO's path. The IOMMU does not guard port I/O: grant
 * only a BAR of the process's own device. 'uldd run' grants its devices'
 * ports on the main thread before it drops root and before any thread
 * starts; a call for those ports then succeeds without a system call, and
 * off leaves them granted. irq thread: yes.
 */
int uhost_dev_region_ports(struct uhost_dev *dev, unsigned int idx, uhost_u32 *base);
int uhost_ioperm(uhost_u32 base, uhost_u32 len, int on);
/* Config space; len up to the 4 KiB of PCIe config space. irq thread: yes. */
int uhost_dev_cfg_read(struct uhost_dev *dev, uhost_u32 off, void *buf, uhost_size len);
int uhost_dev_cfg_write(struct uhost_dev *dev, uhost_u32 off, const void *buf, uhost_size len);

/*
 * Maps a whole memory BAR once; later calls return the same address. Parts
 * that VFIO does not let a process map (an MSI-X table) stay inaccessible.
 */
int uhost_dev_region_map(struct uhost_dev *dev, unsigned int idx, void **va);

/* VFIO_DEVICE_RESET: a function-level or similar reset. May block. */
int uhost_dev_reset(struct uhost_dev *dev);

/*
 * Interrupts as eventfds. Types are VFIO's indices. A vector's eventfd stays
 * open for the device's life, so a waiter never races its closing.
 */
#define UHOST_IRQ_INTX 0
#define UHOST_IRQ_MSI 1
#define UHOST_IRQ_MSIX 2

int uhost_irq_count(struct uhost_dev *dev, unsigned int type, unsigned int *count);
/* Routes vectors 0..nvec-1 of type to eventfds; one type at a time. */
int uhost_irq_enable(struct uhost_dev *dev, unsigned int type, unsigned int nvec);
/* Detaches the eventfds and wakes every waiter with ECANCELED. */
int uhost_irq_disable(struct uhost_dev *dev);
/*
 * Waits for vector vec to fire; count is the number of interrupts since the
 * last wait. With timeout_ns 0 it waits forever, else ETIMEDOUT. May block;
 * made for the one thread that serves this vector.
 */
int uhost_irq_wait(struct uhost_dev *dev, unsigned int vec, uhost_u64 timeout_ns, uhost_u64 *count);
/* INTx is masked by VFIO when it fires; unmask once the handler ran. */
int uhost_irq_unmask(struct uhost_dev *dev, unsigned int vec);
int uhost_irq_mask(struct uhost_dev *dev, unsigned int vec);

/*
 * DMA through the IOMMU. The IOVA equals va when that fits under dma_mask
 * and inside the IOMMU's aperture; else an IOVA below dma_mask is taken from
 * the process's IOVA allocator. Mappings are shared by every device of the
 * process (one VFIO container or iommufd IOAS). May block: the kernel pins
 * the pages.
 */
int uhost_dma_map(struct uhost_dev *dev, void *va, uhost_size len, uhost_u64 dma_mask,
		  uhost_u64 *iova);
int uhost_dma_unmap(struct uhost_dev *dev, uhost_u64 iova, uhost_size len);

/*
 * Futex: the one blocking primitive the shim's scheduler builds on (vCPU
 * hand-off, task parking). wait sleeps while *addr == val, until a wake, a
 * spurious wake-up, or deadline_ns (absolute, uhost_clock_ns(); 0: none):
 * 0 when woken or *addr differed, ETIMEDOUT, or EINTR. Process-private.
 * wait may block; wake: irq thread: yes, and never blocks.
 */
int uhost_futex_wait(uhost_u32 *addr, uhost_u32 val, uhost_u64 deadline_ns);
void uhost_futex_wake(uhost_u32 *addr, int nwake);

/* Host threads. The name shows in ps and gdb (15 characters). */
int uhost_thread_create(void (*fn)(void *), void *arg, const char *name,
			struct uhost_thread **threadp);
/* May block. */
int uhost_thread_join(struct uhost_thread *thread);
/*
 * The calling thread's pthread_t, so the watchdog ('uldd run') can ask a
 * stuck thread for its backtrace. No system call; irq thread: yes.
 */
uhost_u64 uhost_thread_self(void);
/*
 * Gives the calling thread an interrupt thread's weight: nice
 * UHOST_IRQ_NICE, as far as the host allows (root, CAP_SYS_NICE or
 * RLIMIT_NICE). 0, or the errno; the thread runs on either way.
 */
#define UHOST_IRQ_NICE (-10)
int uhost_thread_boost(void);

/* Event counters (eventfd). signal and destroy: irq thread: yes. */
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

/*
 * TAP interfaces: the host side of a driver's net_device. A TAP is created
 * IFF_TAP | IFF_NO_PI | IFF_VNET_HDR and down; it disappears when closed.
 * Every frame read or written starts with a struct uhost_vnet_hdr (the
 * virtio-net header, 10 bytes, little-endian fields), which carries
 * checksum offload and GSO between the host stack and the driver.
 *
 * A TAP of more than one queue (IFF_MULTI_QUEUE) has one tun fd a queue:
 * the host spreads the flows it sends over them and answers a flow on the
 * queue it last came in on, so a multi-queue driver maps its own queues
 * onto them one to one (modulo the count).
 */
struct uhost_tap;

struct uhost_vnet_hdr {
	uhost_u8 flags; /* UHOST_VNET_F_* */
	uhost_u8 gso_type; /* UHOST_VNET_GSO_* */
	uhost_u16 hdr_len; /* bytes of headers in a GSO frame */
	uhost_u16 gso_size; /* payload bytes per segment */
	uhost_u16 csum_start; /* checksum from here to the end ... */
	uhost_u16 csum_offset; /* ... stored at csum_start + csum_offset */
};

#define UHOST_VNET_F_NEEDS_CSUM 1
#define UHOST_VNET_F_DATA_VALID 2
#define UHOST_VNET_GSO_NONE 0
#define UHOST_VNET_GSO_TCPV4 1
#define UHOST_VNET_GSO_UDP 3
#define UHOST_VNET_GSO_TCPV6 4
#define UHOST_VNET_GSO_ECN 0x80

/* What the driver side can take from the host (TUNSETOFFLOAD). */
#define UHOST_TAP_OFFLOAD_CSUM (1u << 0)
#define UHOST_TAP_OFFLOAD_TSO4 (1u << 1)
#define UHOST_TAP_OFFLOAD_TSO6 (1u << 2)
#define UHOST_TAP_OFFLOAD_TSO_ECN (1u << 3)

/* The host's view of the interface (netlink). */
#define UHOST_TAP_UP (1u << 0) /* IFF_UP: the host wants the device open */
#define UHOST_TAP_PROMISC (1u << 1)
#define UHOST_TAP_ALLMULTI (1u << 2)

struct uhost_tap_link {
	uhost_u32 flags; /* UHOST_TAP_UP ... */
	uhost_u32 mtu;
	uhost_u8 mac[6];
	uhost_u8 reserved[2];
};

/*
 * name: the interface name, or a pattern such as "eth%d" that the host
 * numbers (NULL or "": "tap%d"); uhost_tap_name() gives the result, up to
 * 15 characters. queues: 1 (a plain TAP) to UHOST_TAP_MAX_QUEUES (a
 * multi-queue one). EPERM without CAP_NET_ADMIN, ENOENT without
 * /dev/net/tun, EEXIST when an interface of that name exists (never
 * attached to), EINVAL for a name the host refuses or a bad queue count.
 * The carrier starts off. May block.
 */
#define UHOST_TAP_MAX_QUEUES 16
int uhost_tap_open(const char *name, unsigned int queues, struct uhost_tap **tapp);
/* Removes the interface; no uhost_tap_wait() may be running. May block. */
void uhost_tap_close(struct uhost_tap *tap);
const char *uhost_tap_name(const struct uhost_tap *tap);
/*
 * 1 when uhost_tap_open() attached to the interface an earlier process of
 * this driver left (uldd supervise restarted it): the host's MTU, MAC and
 * flags on it are the ones to take, not to overwrite. Never blocks.
 */
int uhost_tap_adopted(const struct uhost_tap *tap);
int uhost_tap_ifindex(const struct uhost_tap *tap);
/* The queue count uhost_tap_open() was given. */
unsigned int uhost_tap_queues(const struct uhost_tap *tap);

/*
 * Mirror the driver's state to the host. set_mtu: tun takes 68 to 65535.
 * set_offload: TSO needs CSUM, TSO_ECN needs TSO4 or TSO6. May block.
 */
int uhost_tap_set_carrier(struct uhost_tap *tap, int on);
int uhost_tap_set_mtu(struct uhost_tap *tap, unsigned int mtu);
int uhost_tap_set_mac(struct uhost_tap *tap, const uhost_u8 mac[6]);
int uhost_tap_set_offload(struct uhost_tap *tap, unsigned int offloads);

/* The host's current view. May block. */
int uhost_tap_link(struct uhost_tap *tap, struct uhost_tap_link *link);
/*
 * The link-layer multicast addresses the host joined on the interface,
 * 6 bytes each, up to max of them; *n counts them all. The host sends no
 * notification when this list changes: ask again now and then. May block.
 */
int uhost_tap_mc_list(struct uhost_tap *tap, uhost_u8 (*mac)[6], unsigned int max, unsigned int *n);

/*
 * Waits until one of the events in want happens: a frame can be read, the
 * host changed the link (flags, MTU, MAC: netlink; the driver's own set_*
 * calls count too), uhost_tap_kick() was called; or until timeout_ns
 * passed (0: no timeout). *events says which (several may be set; none on
 * a timeout, which returns 0). Leaving UHOST_TAP_EV_READ out of want lets
 * a waiter whose transmit queue is stopped sleep while frames are queued.
 * ENODEV once the host removed the interface. For the one thread that
 * serves the TAP. May block.
 */
#define UHOST_TAP_EV_READ (1u << 0)
#define UHOST_TAP_EV_LINK (1u << 1)
#define UHOST_TAP_EV_KICK (1u << 2)
int uhost_tap_wait(struct uhost_tap *tap, unsigned int want, uhost_u64 timeout_ns,
		   unsigned int *events);
/* Wakes the waiter with UHOST_TAP_EV_KICK. Never blocks; irq thread: yes. */
void uhost_tap_kick(struct uhost_tap *tap);

/*
 * One frame (vnet header first) from the host into buf: EAGAIN when none
 * is queued on any queue (no message set: it is no failure), EMSGSIZE
 * (frame dropped) when it does not fit, EINVAL when len cannot hold the
 * vnet header. *queue (unless NULL): the queue the frame came from; the
 * queues take turns. Never blocks. For the thread that serves the TAP,
 * which may run while another thread writes.
 */
int uhost_tap_read(struct uhost_tap *tap, void *buf, uhost_size len, uhost_size *got,
		   unsigned int *queue);
/*
 * One frame to the host on queue (modulo the queue count), gathered from n
 * pieces (vnet header first); up to UHOST_TAP_MAX_IOV pieces. EIO while the host has the interface down. Never
 * blocks; irq thread: yes; from any thread, also while another reads.
 */
#define UHOST_TAP_MAX_IOV 64
struct uhost_iovec {
	const void *base;
	uhost_size len;
};
int uhost_tap_write(struct uhost_tap *tap, unsigned int queue, const struct uhost_iovec *iov,
		    unsigned int n);

#endif /* ULDD_UHOST_H */
