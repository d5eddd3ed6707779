// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_blk.c - the block layer (shim/block/): tags, submission to
 * completion, requeue, timeouts, freeze, quiesce, scatterlists and the
 * blkram sample through uldd_blk_submit(), the cases of
 * kworld/ktest_blk.c with one virtual CPU and with two. With
 * ULDD_BLK_BENCH=N in the environment it also prints the cost of N
 * 4 KiB reads, on blkram and on a driver that completes in queue_rq (a
 * measurement, not a test).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

#include "ktable.h"
#include "kworld/ktest_blk.h"

static void bench(unsigned int n)
{
	static const unsigned int vcpus[] = { 1, 2 };
	static const char *const drv[] = { "a driver completing in queue_rq", "blkram" };

	for (int on_blkram = 0; on_blkram < 2; on_blkram++) {
		for (unsigned int i = 0; i < 2; i++) {
			long long ns;

			if (KTEST(ktest_blk_setup)(vcpus[i]))
				return;
			ns = KTEST(ktest_blk_bench)(n, on_blkram);
			printf("4 KiB read, uldd_blk_submit to done, %s: %lld ns per I/O, %u vCPU(s), %u reads\n",
			       drv[on_blkram], ns, vcpus[i], n);
		}
	}
}

int main(void)
{
	static const unsigned int vcpus[] = { 1, 2 };
	const struct ktable table = {
		.area = "blk",
		.run_case = KTEST(ktest_blk_case),
		.case_setup = KTEST(ktest_blk_setup),
		.vcpus = vcpus,
		.nvcpus = 2,
	};
	const char *n = getenv("ULDD_BLK_BENCH");
	int failed = ktable_run(&table);

	if (!failed && n && atoi(n) > 0)
		bench((unsigned int)atoi(n));
	return failed ? 1 : 0;
}
