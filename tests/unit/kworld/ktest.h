/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * ktest.h - the K-world test bodies (the .c files beside this one) that
 * the H-world harness test_namespace.c runs, as rump kernels run
 * "kernspace" tests. Compiled in both worlds like uhost.h, so it includes
 * nothing.
 *
 * The harness calls each body by the name the K-world link gave it:
 * KTEST(name) is name in K-world and uldd_k_name (KWORLD_PREFIX in
 * shim/shim.mk) in H-world. That needs no entry point on the allow-list,
 * which stays "the door and the toolchain"; the prefix at the call shows
 * that the call crosses into K-world; and one prototype serves both sides,
 * so each compiler checks its side against it.
 */
#ifndef ULDD_KTEST_H
#define ULDD_KTEST_H

#ifdef __KERNEL__
#define KTEST(name) name
#else
#define KTEST(name) uldd_k_##name
#endif

#define KTEST_TEXT_MAX 128

/* One table case: the body fills it, the harness compares. */
struct ktest_case {
	const char *name; /* test_namespace_<table>_<name> */
	const char *want; /* the text expected in got */
	int want_ret; /* the return value expected */
	int ret;
	char got[KTEST_TEXT_MAX]; /* zeroed by the harness before the run */
};

/* Run case i of a table: 0, or nonzero when there is no case i. */
int KTEST(ktest_printf_case)(unsigned int i, struct ktest_case *c);

/* snprintf(buf, size, "%pe", ERR_PTR(err)). */
int KTEST(ktest_errname)(int err, char *buf, __SIZE_TYPE__ size);
/* snprintf of p with "%p|%px|%pK|%pS|%pe". */
int KTEST(ktest_pointers)(const void *p, char *buf, __SIZE_TYPE__ size);
/* A set of printk calls (ktest_printk.c lists them); returns one's value. */
int KTEST(ktest_printk)(void);
/* Where K-world code's memcpy and snprintf calls go. */
void KTEST(ktest_bindings)(void **memcpy_fn, void **snprintf_fn);

/*
 * The kernel headers' checks (ktest_<area>.c, run by test_kheaders.c): case
 * i of an area sets *name and, if run, returns 0 when all its checks pass
 * or the line of the first that fails; -1 when there is no case i.
 */
int KTEST(ktest_kh_bits)(unsigned int i, const char **name, int run);
int KTEST(ktest_kh_math)(unsigned int i, const char **name, int run);
int KTEST(ktest_kh_atomic)(unsigned int i, const char **name, int run);
int KTEST(ktest_kh_io)(unsigned int i, const char **name, int run);
int KTEST(ktest_kh_clock)(unsigned int i, const char **name, int run);
int KTEST(ktest_kh_ethtool)(unsigned int i, const char **name, int run);
/* A refcount_t misuse of one kind (0-3, see ktest_atomic.c); 0 or a line. */
int KTEST(ktest_kh_refcount_misuse)(int kind);
/* Shared state for host threads racing in K-world (ktest_atomic.c). */
void KTEST(ktest_kh_race_reset)(void);
long KTEST(ktest_kh_race_count)(void);
/* A statistic bumped n times with plain accesses; sampled n times with data_race(). */
void KTEST(ktest_kh_race_stat_bump)(unsigned long n);
unsigned long KTEST(ktest_kh_race_stat_peek)(unsigned long n);

#ifdef __KERNEL__
/* In a K-world check: return the line of the first condition that fails. */
#define KCHECK(cond)                     \
	do {                             \
		if (!(cond))             \
			return __LINE__; \
	} while (0)

struct ktest_check {
	const char *name;
	int (*run)(void);
};

/* Case i of an area's table, as the ktest_kh_* functions above. */
static inline int ktest_check_case(const struct ktest_check *table, unsigned int n, unsigned int i,
				   const char **name, int run)
{
	if (i >= n)
		return -1;
	*name = table[i].name;
	return run ? table[i].run() : 0;
}
#endif

/* ktest_sched.c: workers for host threads; see test_sched.c. */
int KTEST(ktest_sched_setup)(unsigned int nr_vcpus);
int KTEST(ktest_sched_max_inside)(void);
long KTEST(ktest_sched_busy_worker)(int spin_us);
int KTEST(ktest_sched_context)(void);
int KTEST(ktest_sched_door_lends_vcpu)(int join);
long KTEST(ktest_wd_hold)(int *state);
long KTEST(ktest_wd_block)(void);
void KTEST(ktest_wd_release)(void);
void KTEST(ktest_wd_idle_worker)(void);

/*
 * ktest_mm.c: memory. ktest_mm_case is a table like ktest_kh_* above; the
 * rest serve test_mm.c's H-world parts.
 */
int KTEST(ktest_mm_case)(unsigned int i, const char **name, int run);
int KTEST(ktest_mm_init)(void);
void KTEST(ktest_mm_stats)(unsigned long *objects, unsigned long *large, unsigned long *free_pages);
int KTEST(ktest_mm_in_arena)(const void *p);
/* Random kmalloc/kfree with patterns checked; returns the corrupted or failed. */
long KTEST(ktest_mm_churn)(unsigned int seed, unsigned int iterations);
int KTEST(ktest_mm_destroy_leaky_cache)(void);
int KTEST(ktest_mm_fail)(int nowarn);
/* Driver bugs that must stop: kfree of 0 the stack, 1 an object+8, 2 twice; 3 virt_to_page. */
void KTEST(ktest_mm_bug)(int which);

/*
 * ktest_irq.c: interrupts over the fake host (fake_irq.c); see test_irq.c.
 * Handlers are of a kind; each request's dev_id is one of two slots.
 */
enum { KIRQ_COUNT, KIRQ_SLEEP, KIRQ_BUSY, KIRQ_LOCK, KIRQ_THREAD, KIRQ_NONE, KIRQ_ONLY_THREAD };
struct uhost_dev;
/* ack: the host's "service the device" call, made by every handler but IRQ_NONE's. */
int KTEST(ktest_irq_setup)(unsigned int nr_vcpus, void (*ack)(unsigned int vec));
int KTEST(ktest_irq_attach)(struct uhost_dev *dev, unsigned int type, unsigned int vec);
int KTEST(ktest_irq_detach)(unsigned int irq);
/* request_threaded_irq for slot (0 or 1) with a handler of kind. */
int KTEST(ktest_irq_request)(unsigned int irq, int slot, int kind, unsigned long flags);
/* free_irq of slot: 1 if it returned the slot's name, 0 if NULL, -1 else. */
int KTEST(ktest_irq_free)(unsigned int irq, int slot);
/* Hard handler runs, wrong contexts seen, threaded runs, running now. */
long KTEST(ktest_irq_count)(int slot);
long KTEST(ktest_irq_bad)(int slot);
long KTEST(ktest_irq_thread_count)(int slot);
int KTEST(ktest_irq_running)(void);
unsigned long long KTEST(ktest_irq_last_ns)(int slot);
unsigned long KTEST(ktest_irq_unhandled)(unsigned int irq);
unsigned long KTEST(ktest_irq_sched_bugs)(void);
/* disable_irq: returns 0 if no handler ran at its return, else a line. */
int KTEST(ktest_irq_disable)(unsigned int irq);
void KTEST(ktest_irq_enable)(unsigned int irq);
/* Holds the handlers' lock with spin_lock_irqsave for ms: 0 if no handler got in. */
int KTEST(ktest_irq_hold_lock)(int ms);
long KTEST(ktest_irq_lock_counter)(void);
/*
 * pci_enable_msix_range() on a pci_dev over dev, for n entries asking for
 * the table entries want[]; each entry's irq goes to irqs[]. Returns what
 * the call did, or -EPROTO when an entry's irq is not pci_irq_vector's.
 */
int KTEST(ktest_irq_msix_enable)(struct uhost_dev *dev, const unsigned short *want, int n,
				 int minvec, int maxvec, int *irqs);
/* pci_disable_msix(); returns msix_enabled after it (0). */
int KTEST(ktest_irq_msix_disable)(void);

/*
 * ktest_time.c: timers, delays, workqueues, kthreads. setup sets the vCPU
 * count; case i runs as the ktest_kh_* tables do, inside uldd_enter().
 */
int KTEST(ktest_time_setup)(unsigned int nr_vcpus);
int KTEST(ktest_time_case)(unsigned int i, const char **name, int run);
/* Host threads racing on shared timers and work items (ktest_time.c). */
int KTEST(ktest_time_race_setup)(unsigned int nr_vcpus);
void KTEST(ktest_time_race)(unsigned int seed, unsigned int iters);
int KTEST(ktest_time_race_finish)(long *calls);

/*
 * ktest_dma.c: the DMA API on up to 4 devices (index i) attached to the
 * fake door; test_dma.c plays the device between calls. which: 0 the
 * streaming mask, 1 the coherent one, 2 both. dir: enum dma_data_direction.
 */
struct uhost_dev;
int KTEST(ktest_dma_init)(void);
int KTEST(ktest_dma_attach)(unsigned int i, struct uhost_dev *udev);
void KTEST(ktest_dma_detach)(unsigned int i);
int KTEST(ktest_dma_set_mask)(unsigned int i, unsigned int bits, int which);
unsigned long long KTEST(ktest_dma_get_mask)(unsigned int i);
void *KTEST(ktest_dma_kmalloc)(unsigned long size);
void KTEST(ktest_dma_kfree)(void *p);
unsigned long long KTEST(ktest_dma_map)(unsigned int i, void *va, unsigned long size, int dir);
void KTEST(ktest_dma_unmap)(unsigned int i, unsigned long long addr, unsigned long size, int dir);
void KTEST(ktest_dma_sync)(unsigned int i, unsigned long long addr, unsigned long size, int dir,
			   int for_device);
int KTEST(ktest_dma_mapping_error)(unsigned int i, unsigned long long addr);
void *KTEST(ktest_dma_alloc_coherent)(unsigned int i, unsigned long size,
				      unsigned long long *handle);
void KTEST(ktest_dma_free_coherent)(unsigned int i, unsigned long size, void *va,
				    unsigned long long handle);
unsigned long KTEST(ktest_dma_chunks)(void);
/* kmallocs until one lands in a new arena chunk: that one, or NULL. */
void *KTEST(ktest_dma_grow)(void);
void KTEST(ktest_dma_grow_release)(void);
/* The table, on device 0 with 64-bit masks, as the ktest_kh_* functions. */
int KTEST(ktest_dma_case)(unsigned int i, const char **name, int run);
/*
 * What must be confined (issue #11): objects of both kinds, made as a
 * driver on device i makes them and kept until ktest_dma_confine_release.
 * shim: 1 for the shim's own structures, which no mapping may cover; 0 for
 * memory a driver may hand to a device, which device i reaches at its VA.
 * in_arena/private: where the shim's allocators say the object is.
 * Returns how many were filled (at most max), or -1 when one could not be made.
 */
struct ktest_dma_obj {
	const char *what;
	const void *va;
	unsigned long len;
	int shim;
	int in_arena;
	int private;
};
int KTEST(ktest_dma_confine)(unsigned int i, struct ktest_dma_obj *objs, unsigned int max);
void KTEST(ktest_dma_confine_release)(void);
/*
 * Entered on a vCPU, grows the private heap (the door call made with the
 * vCPU given up): the bytes it added, 0 when it did not grow, -1 on failure.
 */
long KTEST(ktest_dma_private_grow)(void);
/* The private heap's regions, at most max; how many it has. */
unsigned int KTEST(ktest_dma_private_regions)(const void **base, unsigned long *len,
					      unsigned int max);

/*
 * ktest_locking.c: rw_semaphores, semaphores and RCU where the conformance
 * suite leaves off; a table as the ktest_kh_* functions.
 */
int KTEST(ktest_lock_setup)(unsigned int nr_vcpus);
int KTEST(ktest_lock_case)(unsigned int i, const char **name, int run);

/*
 * ktest_ioport.c: port I/O on fake_ioport.c's BAR, a table as the
 * ktest_kh_* functions; read32 does n ioread32 of addr, base is the
 * window's first port.
 */
int KTEST(ktest_ioport_setup)(void);
int KTEST(ktest_ioport_case)(unsigned int i, const char **name, int run);
unsigned int KTEST(ktest_ioport_read32)(unsigned long addr, unsigned int n);
unsigned long KTEST(ktest_ioport_base)(void);

/* ktest_devres.c: managed resources, a table as the ktest_kh_* functions. */
int KTEST(ktest_devres_setup)(void);
int KTEST(ktest_devres_case)(unsigned int i, const char **name, int run);

/*
 * ktest_bug.c: the WARN family of kind with cond; returns the macro's value
 * and sets *line to the macro's line. ktest_bug_on: BUG_ON(cond).
 */
enum { KBUG_WARN_ON, KBUG_WARN_ON_ONCE, KBUG_WARN, KBUG_WARN_ONCE, KBUG_WARN_RATELIMIT };
int KTEST(ktest_bug_setup)(void);
int KTEST(ktest_bug_warn)(int kind, int cond, int *line);
void KTEST(ktest_bug_on)(int cond);

/* ktest_firmware.c: firmware from dir, in one of the forms below. */
enum { KFW_REQUEST, KFW_NOWARN, KFW_DIRECT };
int KTEST(ktest_fw_setup)(const char *dir);
int KTEST(ktest_fw_load)(int form, const char *name, char *buf, unsigned long len,
			 unsigned long *size);
long KTEST(ktest_fw_nowait)(const char *name, char *first);

/* ktest_net.c: shim/net without a TAP; see test_net.c. */
int KTEST(ktest_net_setup)(unsigned int nr_vcpus);
int KTEST(ktest_net_case)(unsigned int i, const char **name, int run);
/* Receive coalescing on a device whose TAP is tests/unit/fake_tap.c. */
/* netif_rx() from a hard interrupt, the interrupt's return, the device's flush. */
int KTEST(ktest_netif_rx_in_irq)(unsigned int n);
void KTEST(ktest_irq_return)(void);
int KTEST(ktest_receive_skb)(const void *frames, unsigned long len, unsigned int n, int in_poll);
long KTEST(ktest_netif_rx_flush)(void);
int KTEST(ktest_gro_setup)(void);
int KTEST(ktest_gro_receive)(const void *frame, unsigned long len, int csum_ok);
/* The same for a frame the device coalesced (LRO): TCPv4 GSO, gso_size, checksum checked. */
int KTEST(ktest_gro_receive_lro)(const void *frame, unsigned long len, unsigned int gso_size);
void KTEST(ktest_gro_flush)(void);
void KTEST(ktest_gro_teardown)(void);
/* One frame through a TAP of nq queues, received on rxq (< 0: none); see ktest_net.c. */
int KTEST(ktest_tap_queues)(unsigned int nq, int rxq);
/* ktest_mii.c: the MII library and the Realtek drivers' helpers; a table as ktest_net_case. */
int KTEST(ktest_mii_case)(unsigned int i, const char **name, int run);

/* ktest_vnet.c: the host's virtio-net headers; a table as ktest_net_case. */
int KTEST(ktest_vnet_setup)(unsigned int nr_vcpus);
int KTEST(ktest_vnet_case)(unsigned int i, const char **name, int run);
/* ktest_oldapi.c: asm/system.h's old driver API; a table as ktest_net_case. */
int KTEST(ktest_oldapi_setup)(unsigned int nr_vcpus);
int KTEST(ktest_oldapi_case)(unsigned int i, const char **name, int run);

/*
 * tests/conform/uldd/harness.c: the conformance suite's cases (conform.h)
 * under the shim. conform_name: "subsys_name" into buf; 1 if the case needs
 * the device, 0 if not, -1 past the end. conform_case_run: 0 passed,
 * CONFORM_SKIP (-1) skipped, else the line of the failed check; why gets
 * the failure or the skip's reason.
 */
int KTEST(conform_setup)(unsigned int nr_vcpus);
unsigned int KTEST(conform_cases)(void);
int KTEST(conform_name)(unsigned int i, char *buf, unsigned long len);
int KTEST(conform_case_run)(unsigned int i, char *why, unsigned long len);

#endif /* ULDD_KTEST_H */
