// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * blkram.c - a blk-mq RAM disk written for uldd: no device, one disk
 * ("blkram0") of size_mb MiB over nr_hw_queues hardware queues of
 * queue_depth tags. Reads and writes copy in queue_rq; every request is
 * then completed from a work item of its hardware queue through
 * blk_mq_complete_request(), as an interrupt would, so the completion
 * path is the one a real driver takes. FLUSH succeeds (RAM keeps
 * nothing volatile, but the disk says it has a write cache so that
 * flushes reach it); DISCARD and WRITE_ZEROES zero their range.
 */
#include <linux/blk-mq.h>
#include <linux/blkdev.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <linux/workqueue.h>

static unsigned int size_mb = 4;
module_param(size_mb, uint, 0444);
MODULE_PARM_DESC(size_mb, "disk size in MiB (1-1024)");

static unsigned int nr_hw_queues;
module_param(nr_hw_queues, uint, 0444);
MODULE_PARM_DESC(nr_hw_queues, "hardware queues (0: one per CPU)");

static unsigned int queue_depth = 64;
module_param(queue_depth, uint, 0444);
MODULE_PARM_DESC(queue_depth, "tags per hardware queue (2-1024)");

struct blkram_hwq {
	spinlock_t lock;
	struct list_head done; /* requests served, waiting for their completion */
	struct work_struct work;
};

struct blkram_cmd {
	struct list_head node;
	blk_status_t status;
};

struct blkram {
	u8 *data;
	sector_t sectors;
	struct blk_mq_tag_set set;
	struct blkram_hwq *hwqs;
	struct gendisk *disk;
};

static struct blkram blkram;

static void blkram_complete_work(struct work_struct *work)
{
	struct blkram_hwq *hwq = container_of(work, struct blkram_hwq, work);
	struct blkram_cmd *cmd, *next;
	LIST_HEAD(list);

	spin_lock_irq(&hwq->lock);
	list_splice_init(&hwq->done, &list);
	spin_unlock_irq(&hwq->lock);
	list_for_each_entry_safe(cmd, next, &list, node) {
		list_del_init(&cmd->node);
		blk_mq_complete_request(blk_mq_rq_from_pdu(cmd));
	}
}

static blk_status_t blkram_copy(struct request *rq)
{
	u64 pos = (u64)blk_rq_pos(rq) << SECTOR_SHIFT;
	struct req_iterator iter;
	struct bio_vec bv;

	if (pos + blk_rq_bytes(rq) > (u64)blkram.sectors << SECTOR_SHIFT)
		return BLK_STS_IOERR;
	switch (req_op(rq)) {
	case REQ_OP_FLUSH:
		return BLK_STS_OK;
	case REQ_OP_DISCARD:
	case REQ_OP_WRITE_ZEROES:
		memset(blkram.data + pos, 0, blk_rq_bytes(rq));
		return BLK_STS_OK;
	case REQ_OP_READ:
	case REQ_OP_WRITE:
		break;
	default:
		return BLK_STS_NOTSUPP;
	}
	rq_for_each_segment(bv, rq, iter)
	{
		void *p = bvec_virt(&bv);

		if (req_op(rq) == REQ_OP_READ)
			memcpy(p, blkram.data + pos, bv.bv_len);
		else
			memcpy(blkram.data + pos, p, bv.bv_len);
		pos += bv.bv_len;
	}
	return BLK_STS_OK;
}

static blk_status_t blkram_queue_rq(struct blk_mq_hw_ctx *hctx, const struct blk_mq_queue_data *bd)
{
	struct blkram_hwq *hwq = hctx->driver_data;
	struct request *rq = bd->rq;
	struct blkram_cmd *cmd = blk_mq_rq_to_pdu(rq);
	unsigned long flags;

	blk_mq_start_request(rq);
	cmd->status = blkram_copy(rq);
	spin_lock_irqsave(&hwq->lock, flags);
	list_add_tail(&cmd->node, &hwq->done);
	spin_unlock_irqrestore(&hwq->lock, flags);
	queue_work(system_highpri_wq, &hwq->work);
	return BLK_STS_OK;
}

static void blkram_complete(struct request *rq)
{
	struct blkram_cmd *cmd = blk_mq_rq_to_pdu(rq);

	blk_mq_end_request(rq, cmd->status);
}

static int blkram_init_hctx(struct blk_mq_hw_ctx *hctx, void *data, unsigned int idx)
{
	struct blkram *ram = data;

	hctx->driver_data = &ram->hwqs[idx];
	return 0;
}

static int blkram_init_request(struct blk_mq_tag_set *set, struct request *rq,
			       unsigned int hctx_idx, unsigned int numa_node)
{
	struct blkram_cmd *cmd = blk_mq_rq_to_pdu(rq);

	INIT_LIST_HEAD(&cmd->node);
	return 0;
}

static const struct blk_mq_ops blkram_mq_ops = {
	.queue_rq = blkram_queue_rq,
	.complete = blkram_complete,
	.init_hctx = blkram_init_hctx,
	.init_request = blkram_init_request,
};

static const struct block_device_operations blkram_fops = {
	.owner = THIS_MODULE,
};

static int __init blkram_init(void)
{
	struct queue_limits lim = {
		.logical_block_size = 512,
		.physical_block_size = 4096,
		.max_hw_sectors = 1024,
		.max_segments = 128,
		.features = BLK_FEAT_WRITE_CACHE | BLK_FEAT_FUA,
	};
	unsigned int nr = nr_hw_queues ? nr_hw_queues : num_online_cpus();
	struct gendisk *disk;
	int err = -ENOMEM;

	if (!size_mb || size_mb > 1024 || queue_depth < 2 || queue_depth > 1024 || nr > 64) {
		pr_err("blkram: size_mb must be 1-1024, queue_depth 2-1024, nr_hw_queues 0-64\n");
		return -EINVAL;
	}
	blkram.sectors = (sector_t)size_mb << (20 - SECTOR_SHIFT);
	blkram.data = vzalloc((size_t)size_mb << 20);
	blkram.hwqs = kcalloc(nr, sizeof(*blkram.hwqs), GFP_KERNEL);
	if (!blkram.data || !blkram.hwqs)
		goto err_free;
	for (unsigned int i = 0; i < nr; i++) {
		spin_lock_init(&blkram.hwqs[i].lock);
		INIT_LIST_HEAD(&blkram.hwqs[i].done);
		INIT_WORK(&blkram.hwqs[i].work, blkram_complete_work);
	}

	blkram.set.ops = &blkram_mq_ops;
	blkram.set.nr_hw_queues = nr;
	blkram.set.queue_depth = queue_depth;
	blkram.set.numa_node = NUMA_NO_NODE;
	blkram.set.cmd_size = sizeof(struct blkram_cmd);
	blkram.set.driver_data = &blkram;
	err = blk_mq_alloc_tag_set(&blkram.set);
	if (err)
		goto err_free;

	lim.max_hw_discard_sectors = blkram.sectors;
	lim.max_write_zeroes_sectors = blkram.sectors;
	lim.discard_granularity = 4096;
	disk = blk_mq_alloc_disk(&blkram.set, &lim, &blkram);
	if (IS_ERR(disk)) {
		err = PTR_ERR(disk);
		goto err_set;
	}
	blkram.disk = disk;
	strscpy(disk->disk_name, "blkram0", sizeof(disk->disk_name));
	disk->fops = &blkram_fops;
	disk->private_data = &blkram;
	set_capacity(disk, blkram.sectors);
	err = add_disk(disk);
	if (err)
		goto err_disk;
	pr_info("blkram: %s, %u MiB, %u hardware queue(s) of %u tags\n", disk->disk_name, size_mb,
		blkram.set.nr_hw_queues, queue_depth);
	return 0;

err_disk:
	put_disk(disk);
err_set:
	blk_mq_free_tag_set(&blkram.set);
err_free:
	kfree(blkram.hwqs);
	vfree(blkram.data);
	return err;
}

static void __exit blkram_exit(void)
{
	del_gendisk(blkram.disk);
	for (unsigned int i = 0; i < blkram.set.nr_hw_queues; i++)
		cancel_work_sync(&blkram.hwqs[i].work);
	put_disk(blkram.disk);
	blk_mq_free_tag_set(&blkram.set);
	kfree(blkram.hwqs);
	vfree(blkram.data);
}

module_init(blkram_init);
module_exit(blkram_exit);
MODULE_DESCRIPTION("blk-mq RAM disk for uldd (no device)");
MODULE_LICENSE("GPL");
