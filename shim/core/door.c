// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * core/door.c - the one place K-world makes a door call that may block:
 * the caller's vCPU is lent to other tasks for the call's length
 * (kernel/sched's try-begin/end pair), so a task waiting on the host never
 * stalls a CPU other tasks could use, and no call site can forget to. No
 * system call is added: giving and taking a free vCPU is a compare-and-swap.
 */
#define ULDD_DOOR_BARE

#include <linux/types.h>

#include "door.h"
#include "../kernel/sched/sched.h"

/* The call, with the vCPU given up around it where the caller holds one. */
#define DOOR_BLOCKING(call)                                \
	({                                                 \
		bool __gave = uldd_host_block_try_begin(); \
		__auto_type __ret = (call);                \
		if (__gave)                                \
			uldd_host_block_end();             \
		__ret;                                     \
	})

#define DOOR_BLOCKING_VOID(call)                           \
	do {                                               \
		bool __gave = uldd_host_block_try_begin(); \
		call;                                      \
		if (__gave)                                \
			uldd_host_block_end();             \
	} while (0)

int uldd_door_init(void)
{
	return -uhost_init(UHOST_CORE_REV, UHOST_VFIO_REV, UHOST_TAP_REV, UHOST_BLK_REV);
}

int uldd_door_sleep_ns(uhost_u64 ns)
{
	return DOOR_BLOCKING(uhost_sleep_ns(ns));
}

int uldd_door_arena_alloc(uhost_size size, void **va, uhost_size *page_size)
{
	return DOOR_BLOCKING(uhost_arena_alloc(size, va, page_size));
}

int uldd_door_arena_free(void *va, uhost_size size)
{
	return DOOR_BLOCKING(uhost_arena_free(va, size));
}

int uldd_door_file_read(const char *dir, const char *name, void **data, uhost_size *size)
{
	return DOOR_BLOCKING(uhost_file_read(dir, name, data, size));
}

int uldd_door_futex_wait(uhost_u32 *addr, uhost_u32 val, uhost_u64 deadline_ns)
{
	return DOOR_BLOCKING(uhost_futex_wait(addr, val, deadline_ns));
}

int uldd_door_thread_join(struct uhost_thread *thread)
{
	return DOOR_BLOCKING(uhost_thread_join(thread));
}

int uldd_door_pci_scan(struct uhost_pci_info *info, unsigned int max, unsigned int *n)
{
	return DOOR_BLOCKING(uhost_pci_scan(info, max, n));
}

int uldd_door_dev_open(const char *addr, struct uhost_dev **devp)
{
	return DOOR_BLOCKING(uhost_dev_open(addr, devp));
}

void uldd_door_dev_close(struct uhost_dev *dev)
{
	DOOR_BLOCKING_VOID(uhost_dev_close(dev));
}

int uldd_door_dev_reset(struct uhost_dev *dev)
{
	return DOOR_BLOCKING(uhost_dev_reset(dev));
}

int uldd_door_irq_wait(struct uhost_dev *dev, unsigned int vec, uhost_u64 timeout_ns,
		       uhost_u64 *count)
{
	return DOOR_BLOCKING(uhost_irq_wait(dev, vec, timeout_ns, count));
}

int uldd_door_dma_map(struct uhost_dev *dev, void *va, uhost_size len, uhost_u64 dma_mask,
		      uhost_u64 *iova)
{
	return DOOR_BLOCKING(uhost_dma_map(dev, va, len, dma_mask, iova));
}

int uldd_door_dma_unmap(struct uhost_dev *dev, uhost_u64 iova, uhost_size len)
{
	return DOOR_BLOCKING(uhost_dma_unmap(dev, iova, len));
}

int uldd_door_tap_open(const char *name, unsigned int queues, struct uhost_tap **tapp)
{
	return DOOR_BLOCKING(uhost_tap_open(name, queues, tapp));
}

void uldd_door_tap_close(struct uhost_tap *tap)
{
	DOOR_BLOCKING_VOID(uhost_tap_close(tap));
}

int uldd_door_tap_set_carrier(struct uhost_tap *tap, int on)
{
	return DOOR_BLOCKING(uhost_tap_set_carrier(tap, on));
}

int uldd_door_tap_set_mtu(struct uhost_tap *tap, unsigned int mtu)
{
	return DOOR_BLOCKING(uhost_tap_set_mtu(tap, mtu));
}

int uldd_door_tap_set_mac(struct uhost_tap *tap, const uhost_u8 mac[6])
{
	return DOOR_BLOCKING(uhost_tap_set_mac(tap, mac));
}

int uldd_door_tap_set_offload(struct uhost_tap *tap, unsigned int offloads)
{
	return DOOR_BLOCKING(uhost_tap_set_offload(tap, offloads));
}

int uldd_door_tap_link(struct uhost_tap *tap, struct uhost_tap_view *link)
{
	return DOOR_BLOCKING(uhost_tap_link(tap, link));
}

int uldd_door_tap_mc_list(struct uhost_tap *tap, uhost_u8 (*mac)[6], unsigned int max,
			  unsigned int *n)
{
	return DOOR_BLOCKING(uhost_tap_mc_list(tap, mac, max, n));
}

int uldd_door_tap_wait(struct uhost_tap *tap, unsigned int want, uhost_u64 timeout_ns,
		       unsigned int *events)
{
	return DOOR_BLOCKING(uhost_tap_wait(tap, want, timeout_ns, events));
}

int uldd_door_blk_open(const struct uhost_blk_geom *geom, struct uhost_blk **blkp)
{
	return DOOR_BLOCKING(uhost_blk_open(geom, blkp));
}

void uldd_door_blk_disconnect(struct uhost_blk *blk)
{
	DOOR_BLOCKING_VOID(uhost_blk_disconnect(blk));
}

int uldd_door_blk_recv(struct uhost_blk *blk, unsigned int conn, struct uhost_blk_req *req)
{
	return DOOR_BLOCKING(uhost_blk_recv(blk, conn, req));
}

int uldd_door_blk_recv_data(struct uhost_blk *blk, unsigned int conn, void *buf, uhost_size len)
{
	return DOOR_BLOCKING(uhost_blk_recv_data(blk, conn, buf, len));
}

int uldd_door_blk_send(struct uhost_blk *blk, unsigned int conn, const struct uhost_blk_reply *r,
		       unsigned int n)
{
	return DOOR_BLOCKING(uhost_blk_send(blk, conn, r, n));
}
