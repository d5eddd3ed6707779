/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/pr.h - persistent reservations: a block driver's pr_ops, called
 * for the block ioctls IOC_PR_*; the reservation types are the user-space
 * ABI's numbers (uapi linux/pr.h).
 */
#ifndef _LINUX_PR_H
#define _LINUX_PR_H

#include <linux/types.h>

enum pr_type {
	PR_WRITE_EXCLUSIVE = 1,
	PR_EXCLUSIVE_ACCESS = 2,
	PR_WRITE_EXCLUSIVE_REG_ONLY = 3,
	PR_EXCLUSIVE_ACCESS_REG_ONLY = 4,
	PR_WRITE_EXCLUSIVE_ALL_REGS = 5,
	PR_EXCLUSIVE_ACCESS_ALL_REGS = 6,
};

/* What a reservation command came back with, for the block layer's callers (6.5). */
enum pr_status {
	PR_STS_SUCCESS = 0x0,
	PR_STS_IOERR = 0x2,
	PR_STS_RESERVATION_CONFLICT = 0x18,
	PR_STS_RETRY_PATH_FAILURE = 0xe0000,
	PR_STS_PATH_FAST_FAILED = 0xf0000,
	PR_STS_PATH_FAILED = 0x10000,
};

/* pr_register: replace whatever key is registered. */
#define PR_FL_IGNORE_KEY (1 << 0)

struct block_device;

/* The registered keys, as pr_read_keys fills them in. */
struct pr_keys {
	u32 generation;
	u32 num_keys;
	u64 keys[];
};

struct pr_held_reservation {
	u64 key;
	u32 generation;
	enum pr_type type;
};

struct pr_ops {
	int (*pr_register)(struct block_device *bdev, u64 old_key, u64 new_key, u32 flags);
	int (*pr_reserve)(struct block_device *bdev, u64 key, enum pr_type type, u32 flags);
	int (*pr_release)(struct block_device *bdev, u64 key, enum pr_type type);
	int (*pr_preempt)(struct block_device *bdev, u64 old_key, u64 new_key, enum pr_type type,
			  bool abort);
	int (*pr_clear)(struct block_device *bdev, u64 key);
	int (*pr_read_keys)(struct block_device *bdev, struct pr_keys *keys_info);
	int (*pr_read_reservation)(struct block_device *bdev, struct pr_held_reservation *rsv);
};

#endif /* _LINUX_PR_H */
