/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * uhost.h - the core of the door between the kernel namespace (shim/,
 * drivers) and the host (libc, VFIO, eventfd, threads): threads, futex,
 * clocks, memory, log, abort, files. Each device kind has a door header of
 * its own with its own revision (uhost_vfio.h, uhost_tap.h), as rump
 * kernels keep rumpuser.h small. Compiled in both worlds, so it includes
 * nothing and uses only compiler-provided types. Every function here has
 * a K-world caller; what only tools and tests use is in host.h.
 *
 * Conventions:
 * - every call returns 0 or a positive Linux errno value; results come back
 *   through out-parameters. K-world errno values equal the host's (both are
 *   Linux), so the shim negates them and needs no table.
 * - after a failure, uhost_errmsg() returns one line for the user that names
 *   the object, the cause and the fix ("0000:00:03.0 is bound to e1000: run
 *   'uldd bind 0000:00:03.0' first").
 * - "may block": the call can sleep; K-world makes it only through its
 *   wrapper layer (shim/core/door.h), which gives the virtual CPU up around
 *   it. "irq thread: yes": safe to call from an interrupt thread.
 */
#ifndef ULDD_UHOST_H
#define ULDD_UHOST_H

/*
 * Bumped whenever a declaration below changes; uhost_init() checks it. The
 * core's history goes on from the single header's UHOST_VERSION 12.
 */
#define UHOST_CORE_REV 16

typedef __UINT8_TYPE__ uhost_u8;
typedef __UINT16_TYPE__ uhost_u16;
typedef __UINT32_TYPE__ uhost_u32;
typedef __UINT64_TYPE__ uhost_u64;
typedef __SIZE_TYPE__ uhost_size;

struct uhost_thread;

/*
 * Library set-up: the revisions of the door headers the caller was built
 * with, UHOST_CORE_REV, UHOST_VFIO_REV, UHOST_TAP_REV and UHOST_BLK_REV
 * (0 for a device kind it does not use). EPROTO, with a log line and uhost_errmsg() naming
 * the header and both revisions, when one differs from this host layer's.
 * A new device kind's header adds a parameter, which bumps the core.
 * Never blocks; may be called more than once.
 */
int uhost_init(unsigned int core_rev, unsigned int vfio_rev, unsigned int tap_rev,
	       unsigned int blk_rev);

/* The message of the last failed call on this thread; never NULL. */
const char *uhost_errmsg(void);

/* Logging; levels are printk's (3 error ... 7 debug). irq thread: yes. */
#define UHOST_LOG_ERR 3
#define UHOST_LOG_WARNING 4
#define UHOST_LOG_NOTICE 5
#define UHOST_LOG_INFO 6
#define UHOST_LOG_DEBUG 7
void uhost_log(int level, const char *msg, uhost_size len);

/*
 * Crashes. uhost_backtrace() writes the calling thread's stack to stderr,
 * one frame a line (symbols from the dynamic symbol table: K-world's
 * uldd_k_* names, since uldd is linked -rdynamic). uhost_abort() writes
 * msg (if not NULL; the shim may have logged it already), the backtrace, then calls abort(): SIGABRT, so the supervisor
 * sees a crash and a core dump can be taken. Neither blocks; irq thread: yes.
 */
void uhost_backtrace(void);
__attribute__((__noreturn__)) void uhost_abort(const char *msg);

/*
 * Call stacks kept for later (the debug checkers' stack depot):
 * uhost_stack_save() stores at most max return addresses of the calling
 * thread's stack in frames, innermost first, leaving out skip frames
 * above its caller, and returns how many it stored. uhost_stack_print()
 * writes saved frames to the log a line each, named as the oops names
 * functions (func+off/size [module]) once the tool has said how
 * (kernel/host.h). irq thread: yes; neither blocks.
 */
unsigned int uhost_stack_save(void **frames, unsigned int max, unsigned int skip);
void uhost_stack_print(void *const *frames, unsigned int n);
/*
 * The name uhost_stack_print() would give the frame pc, without the
 * leading space, in buf (len bytes, always NUL-terminated): for a report's
 * title ("... in func+off/size [module]"). irq thread: yes; never blocks.
 */
void uhost_stack_name(void *pc, char *buf, uhost_size len);

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

/*
 * Futex: the one blocking primitive the shim's scheduler builds on (vCPU
 * hand-off, task parking). wait sleeps while *addr == val, until a wake, a
 * spurious wake-up, or deadline_ns (absolute, uhost_clock_ns(); 0: none):
 * 0 when woken or *addr differed, ETIMEDOUT, or EINTR. Process-private.
 * wait may block; wake: irq thread: yes, and never blocks.
 */
int uhost_futex_wait(uhost_u32 *addr, uhost_u32 val, uhost_u64 deadline_ns);
void uhost_futex_wake(uhost_u32 *addr, int nwake);

/*
 * Host threads. The name shows in ps and gdb (15 characters). create does
 * not wait for the thread to run; join may block.
 */
int uhost_thread_create(void (*fn)(void *), void *arg, const char *name,
			struct uhost_thread **threadp);
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

#endif /* ULDD_UHOST_H */
