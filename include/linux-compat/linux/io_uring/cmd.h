/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/io_uring/cmd.h - Linux 6.12's header for passthrough commands
 * (linux/io_uring.h has the command itself and why none ever arrives):
 * the command bytes of the submission entry, the driver's private area,
 * and completing in the submitter's task, which does nothing here.
 */
#ifndef _LINUX_IO_URING_CMD_H
#define _LINUX_IO_URING_CMD_H

#include <linux/io_uring.h>
#include <linux/types.h>

/* Where io_uring's ABI puts the command in a submission entry (byte 48). */
#define __ULDD_IO_URING_SQE_CMD_OFFSET 48

static inline const void *io_uring_sqe_cmd(const struct io_uring_sqe *sqe)
{
	return (const char *)sqe + __ULDD_IO_URING_SQE_CMD_OFFSET;
}

#define io_uring_cmd_to_pdu(cmd, pdu_type) ((pdu_type *)&(cmd)->pdu)

static inline void io_uring_cmd_do_in_task_lazy(struct io_uring_cmd *ioucmd,
						void (*task_work_cb)(struct io_uring_cmd *,
								     unsigned int))
{
	(void)ioucmd;
	(void)task_work_cb;
}

#endif /* _LINUX_IO_URING_CMD_H */
