// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * export.c - PLACEHOLDER for the host export of disks (NBD), which the nbd
 * helper's branch replaces with the real file: until then an added disk is
 * not exported, and add_disk() says so once per disk.
 */
#include <linux/blkdev.h>
#include <linux/printk.h>

#include "block.h"

int uldd_blk_export_add(struct gendisk *disk)
{
	pr_info("%s: no host export\n", disk->disk_name);
	return 0;
}

void uldd_blk_export_del(struct gendisk *disk)
{
	(void)disk;
}
