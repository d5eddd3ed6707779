// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * block/blk-core.c - the block layer's tables: each blk_status_t's errno
 * and name, each operation's name; the compat ioctl that only forwards.
 * Stateless.
 */
#include <linux/blkdev.h>
#include <linux/errno.h>

static const struct {
	int errno;
	const char *name;
} statuses[] = {
	[(__force int)BLK_STS_OK] = { 0, "" },
	[(__force int) BLK_STS_NOTSUPP] = { -EOPNOTSUPP, "operation not supported" },
	[(__force int) BLK_STS_TIMEOUT] = { -ETIMEDOUT, "timeout" },
	[(__force int) BLK_STS_NOSPC] = { -ENOSPC, "critical space allocation" },
	[(__force int) BLK_STS_TRANSPORT] = { -ENOLINK, "recoverable transport" },
	[(__force int) BLK_STS_TARGET] = { -EREMOTEIO, "critical target" },
	[(__force int) BLK_STS_RESV_CONFLICT] = { -EBADE, "reservation conflict" },
	[(__force int) BLK_STS_MEDIUM] = { -ENODATA, "critical medium" },
	[(__force int) BLK_STS_PROTECTION] = { -EILSEQ, "protection" },
	[(__force int) BLK_STS_RESOURCE] = { -ENOMEM, "kernel resource" },
	[(__force int) BLK_STS_IOERR] = { -EIO, "I/O" },
	[(__force int) BLK_STS_DM_REQUEUE] = { -EREMCHG, "dm internal retry" },
	[(__force int) BLK_STS_AGAIN] = { -EAGAIN, "nonblocking retry" },
	[(__force int) BLK_STS_DEV_RESOURCE] = { -EBUSY, "device resource" },
	[(__force int) BLK_STS_ZONE_RESOURCE] = { -EBUSY, "zone resource" },
	[(__force int) BLK_STS_ZONE_OPEN_RESOURCE] = { -ETOOMANYREFS, "open zones exceeded" },
	[(__force int) BLK_STS_ZONE_ACTIVE_RESOURCE] = { -EOVERFLOW, "active zones exceeded" },
	[(__force int) BLK_STS_OFFLINE] = { -ENODEV, "device offline" },
	[(__force int) BLK_STS_DURATION_LIMIT] = { -ETIME, "duration limit exceeded" },
	[(__force int) BLK_STS_INVAL] = { -EINVAL, "invalid" },
};

int blk_status_to_errno(blk_status_t status)
{
	unsigned int i = (__force unsigned int)status;

	if (i >= ARRAY_SIZE(statuses) || (i && !statuses[i].errno))
		return -EIO;
	return statuses[i].errno;
}

blk_status_t errno_to_blk_status(int errno)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(statuses); i++)
		if (statuses[i].errno == errno)
			return (__force blk_status_t)i;
	return BLK_STS_IOERR;
}

const char *blk_op_str(enum req_op op)
{
	switch (op) {
	case REQ_OP_READ:
		return "READ";
	case REQ_OP_WRITE:
		return "WRITE";
	case REQ_OP_FLUSH:
		return "FLUSH";
	case REQ_OP_DISCARD:
		return "DISCARD";
	case REQ_OP_SECURE_ERASE:
		return "SECURE_ERASE";
	case REQ_OP_ZONE_APPEND:
		return "ZONE_APPEND";
	case REQ_OP_WRITE_ZEROES:
		return "WRITE_ZEROES";
	case REQ_OP_ZONE_OPEN:
		return "ZONE_OPEN";
	case REQ_OP_ZONE_CLOSE:
		return "ZONE_CLOSE";
	case REQ_OP_ZONE_FINISH:
		return "ZONE_FINISH";
	case REQ_OP_ZONE_RESET:
		return "ZONE_RESET";
	case REQ_OP_ZONE_RESET_ALL:
		return "ZONE_RESET_ALL";
	case REQ_OP_DRV_IN:
		return "DRV_IN";
	case REQ_OP_DRV_OUT:
		return "DRV_OUT";
	default:
		return "UNKNOWN";
	}
}

/* A 64-bit process's pointers are the native ones: the driver's ioctl takes them. */
int blkdev_compat_ptr_ioctl(struct block_device *bdev, blk_mode_t mode, unsigned int cmd,
			    unsigned long arg)
{
	struct gendisk *disk = bdev->bd_disk;

	if (disk->fops->ioctl)
		return disk->fops->ioctl(bdev, mode, cmd, arg);
	return -ENOIOCTLCMD;
}
