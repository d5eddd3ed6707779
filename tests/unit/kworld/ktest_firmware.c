// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ktest_firmware.c - request_firmware() and its forms on files that
 * test_firmware.c writes into a temporary directory.
 */
#include <linux/completion.h>
#include <linux/errno.h>
#include <linux/firmware.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/string.h>

#include "../../../shim/entry.h"
#include "ktest.h"

int KTEST(ktest_fw_setup)(const char *dir)
{
	int err = uldd_mm_init();

	if (!err)
		err = uldd_sched_init(2);
	return err ? err : uldd_firmware_dir(dir);
}

/* Loads name with form; copies up to len bytes into buf. Returns 0/-errno. */
int KTEST(ktest_fw_load)(int form, const char *name, char *buf, unsigned long len,
			 unsigned long *size)
{
	const struct firmware *fw = (void *)1;
	int err = -EINVAL;

	uldd_enter("ktest_fw");
	switch (form) {
	case KFW_REQUEST:
		err = request_firmware(&fw, name, NULL);
		break;
	case KFW_NOWARN:
		err = firmware_request_nowarn(&fw, name, NULL);
		break;
	case KFW_DIRECT:
		err = request_firmware_direct(&fw, name, NULL);
		break;
	}
	if (err) {
		/* *fw is NULL after a failure, as in Linux. */
		if (fw)
			err = -EFAULT;
	} else {
		*size = fw->size;
		memcpy(buf, fw->data, min_t(size_t, len, fw->size));
		release_firmware(fw);
	}
	uldd_exit();
	return err;
}

struct nowait_ctx {
	struct completion done;
	long size; /* -1: called with NULL */
	char first;
};

static void nowait_cont(const struct firmware *fw, void *context)
{
	struct nowait_ctx *ctx = context;

	ctx->size = fw ? (long)fw->size : -1;
	ctx->first = fw && fw->size ? (char)fw->data[0] : 0;
	release_firmware(fw);
	complete(&ctx->done);
}

/* request_firmware_nowait, then waits for its callback: the size it got, -1 for none. */
long KTEST(ktest_fw_nowait)(const char *name, char *first)
{
	struct nowait_ctx ctx = { .size = -2 };
	int err;

	uldd_enter("ktest_fw");
	init_completion(&ctx.done);
	err = request_firmware_nowait(THIS_MODULE, true, name, NULL, GFP_KERNEL, &ctx, nowait_cont);
	if (!err && !wait_for_completion_timeout(&ctx.done, 5 * HZ))
		err = -ETIMEDOUT;
	uldd_exit();
	*first = ctx.first;
	return err ? err : ctx.size;
}
