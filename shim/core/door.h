/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * door.h - how K-world goes through the door: the host's door headers, and
 * one wrapper per call that may block, which lends the virtual CPU to other
 * tasks while the host sleeps (door.c). Past this header the blocking
 * calls' own names are poisoned, so a shim file cannot make one bare and
 * keep a vCPU idle across it; scripts/door-census.sh checks the files that
 * do not include it. Calls that never block (clocks, log, TAP read and
 * write, config space) stay direct: the wrapper would only cost them time.
 */
#ifndef ULDD_SHIM_CORE_DOOR_H
#define ULDD_SHIM_CORE_DOOR_H

#include <uhost.h>
#include <uhost_blk.h>
#include <uhost_tap.h>
#include <uhost_vfio.h>

/*
 * The revision handshake with the host layer (uhost_init): 0, or -EPROTO
 * after uhost_init() logged which door header differs. Called by
 * uldd_sched_init() and uldd_mm_init(), the shim's first calls.
 */
int uldd_door_init(void);

/*
 * The blocking calls, as the door declares them. Each gives up the caller's
 * vCPU, if it holds one, around the host call and takes a vCPU back after.
 * A caller without one (a host thread outside the kernel) just makes the
 * call. In atomic context (preemption or interrupts off: a spinlock held)
 * the vCPU is kept, since a task spinning on that lock could take it and
 * never let it go, and the call is reported as a sleep while atomic.
 */
int uldd_door_sleep_ns(uhost_u64 ns);
int uldd_door_arena_alloc(uhost_size size, void **va, uhost_size *page_size);
int uldd_door_arena_free(void *va, uhost_size size);
int uldd_door_file_read(const char *dir, const char *name, void **data, uhost_size *size);
int uldd_door_futex_wait(uhost_u32 *addr, uhost_u32 val, uhost_u64 deadline_ns);
int uldd_door_thread_join(struct uhost_thread *thread);

int uldd_door_pci_scan(struct uhost_pci_info *info, unsigned int max, unsigned int *n);
int uldd_door_dev_open(const char *addr, struct uhost_dev **devp);
void uldd_door_dev_close(struct uhost_dev *dev);
int uldd_door_dev_reset(struct uhost_dev *dev);
int uldd_door_irq_wait(struct uhost_dev *dev, unsigned int vec, uhost_u64 timeout_ns,
		       uhost_u64 *count);
int uldd_door_dma_map(struct uhost_dev *dev, void *va, uhost_size len, uhost_u64 dma_mask,
		      uhost_u64 *iova);
int uldd_door_dma_unmap(struct uhost_dev *dev, uhost_u64 iova, uhost_size len);

int uldd_door_tap_open(const char *name, unsigned int queues, struct uhost_tap **tapp);
void uldd_door_tap_close(struct uhost_tap *tap);
int uldd_door_tap_set_carrier(struct uhost_tap *tap, int on);
int uldd_door_tap_set_mtu(struct uhost_tap *tap, unsigned int mtu);
int uldd_door_tap_set_mac(struct uhost_tap *tap, const uhost_u8 mac[6]);
int uldd_door_tap_set_offload(struct uhost_tap *tap, unsigned int offloads);
int uldd_door_tap_link(struct uhost_tap *tap, struct uhost_tap_view *link);
int uldd_door_tap_mc_list(struct uhost_tap *tap, uhost_u8 (*mac)[6], unsigned int max,
			  unsigned int *n);
int uldd_door_tap_wait(struct uhost_tap *tap, unsigned int want, uhost_u64 timeout_ns,
		       unsigned int *events);

int uldd_door_blk_open(const struct uhost_blk_geom *geom, struct uhost_blk **blkp);
void uldd_door_blk_disconnect(struct uhost_blk *blk);
int uldd_door_blk_recv(struct uhost_blk *blk, unsigned int conn, struct uhost_blk_req *req);
int uldd_door_blk_recv_data(struct uhost_blk *blk, unsigned int conn, void *buf, uhost_size len);
int uldd_door_blk_send(struct uhost_blk *blk, unsigned int conn, const struct uhost_blk_reply *r,
		       unsigned int n);

/*
 * door.c makes the bare calls; so does kernel/sched/core.c, which does not
 * include this header: its futex waits are how a vCPU is waited for, with
 * none held. scripts/door-census.sh reads this list.
 */
#ifndef ULDD_DOOR_BARE
#pragma GCC poison uhost_sleep_ns uhost_arena_alloc uhost_arena_free uhost_file_read
#pragma GCC poison uhost_futex_wait uhost_thread_join
#pragma GCC poison uhost_pci_scan uhost_dev_open uhost_dev_close uhost_dev_reset uhost_irq_wait
#pragma GCC poison uhost_dma_map uhost_dma_unmap
#pragma GCC poison uhost_tap_open uhost_tap_close uhost_tap_set_carrier uhost_tap_set_mtu
#pragma GCC poison uhost_tap_set_mac uhost_tap_set_offload uhost_tap_link uhost_tap_mc_list
#pragma GCC poison uhost_tap_wait
#pragma GCC poison uhost_blk_open uhost_blk_disconnect uhost_blk_recv uhost_blk_recv_data
#pragma GCC poison uhost_blk_send
#endif

#endif /* ULDD_SHIM_CORE_DOOR_H */
