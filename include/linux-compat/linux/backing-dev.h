/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/backing-dev.h - writeback state of a disk's page cache. uldd has
 * no page cache (the host's is in front of the exported disk): the header
 * exists because drivers include it; it only brings in linux/blkdev.h.
 */
#ifndef _LINUX_BACKING_DEV_H
#define _LINUX_BACKING_DEV_H

#include <linux/blkdev.h>

#endif /* _LINUX_BACKING_DEV_H */
