/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/io_uring.h - io_uring passthrough commands (IORING_OP_URING_CMD),
 * which io_uring hands to a character device's file_operations.uring_cmd.
 *
 * Emulation notes: as a kernel built without CONFIG_IO_URING: no io_uring
 * reaches a driver process (its character devices are never opened,
 * linux/cdev.h), so no io_uring_cmd exists to complete. Importing a fixed
 * buffer fails with -EOPNOTSUPP; completing does nothing.
 */
#ifndef _LINUX_IO_URING_H
#define _LINUX_IO_URING_H

#include <linux/errno.h>
#include <linux/limits.h>
#include <linux/sched.h>
#include <linux/types.h>
#include <linux/uio.h>
#include <linux/xarray.h>

struct file;
struct iov_iter;

/* The command's buffer is a registered (fixed) one: io_uring's ABI. */
#define IORING_URING_CMD_FIXED (1U << 0)

enum io_uring_cmd_flags {
	IO_URING_F_COMPLETE_DEFER = 1,
	IO_URING_F_UNLOCKED = 2,
	IO_URING_F_MULTISHOT = 4,
	IO_URING_F_IOWQ = 8,
	IO_URING_F_NONBLOCK = INT_MIN,
	IO_URING_F_SQE128 = 256,
	IO_URING_F_CQE32 = 512,
	IO_URING_F_IOPOLL = 1024,
};

struct io_uring_sqe;

/*
 * Linux 6.1's (cmd, cookie) and 6.12's (sqe, task_work_cb) names of the
 * same words, so both trees' drivers compile.
 */
struct io_uring_cmd {
	struct file *file;
	union {
		const void *cmd;
		const struct io_uring_sqe *sqe;
	};
	union {
		void *cookie;
		void (*task_work_cb)(struct io_uring_cmd *cmd, unsigned int issue_flags);
	};
	u32 cmd_op;
	u32 flags;
	u8 pdu[32];
};

static inline int io_uring_cmd_import_fixed(u64 ubuf, unsigned long len, int rw,
					    struct iov_iter *iter, void *ioucmd)
{
	(void)ubuf;
	(void)len;
	(void)rw;
	(void)iter;
	(void)ioucmd;
	return -EOPNOTSUPP;
}

/* Linux 6.1's three arguments and 6.12's four (issue_flags) both compile. */
static inline void __uldd_io_uring_cmd_done(struct io_uring_cmd *cmd, ssize_t ret, u64 res2,
					    unsigned int issue_flags)
{
	(void)cmd;
	(void)ret;
	(void)res2;
	(void)issue_flags;
}

static inline void __uldd_io_uring_cmd_done3(struct io_uring_cmd *cmd, ssize_t ret, u64 res2)
{
	__uldd_io_uring_cmd_done(cmd, ret, res2, 0);
}

#define __uldd_io_uring_cmd_done_pick(_1, _2, _3, _4, fn, ...) fn
#define io_uring_cmd_done(...)                                               \
	__uldd_io_uring_cmd_done_pick(__VA_ARGS__, __uldd_io_uring_cmd_done, \
				      __uldd_io_uring_cmd_done3)(__VA_ARGS__)

static inline void io_uring_cmd_complete_in_task(struct io_uring_cmd *ioucmd,
						 void (*task_work_cb)(struct io_uring_cmd *,
								      unsigned int))
{
	(void)ioucmd;
	(void)task_work_cb;
}

#endif /* _LINUX_IO_URING_H */
