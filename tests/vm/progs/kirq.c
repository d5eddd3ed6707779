// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * kirq.c - guest program: a kernel-namespace interrupt handler on QEMU's
 * edu, first on MSI, then on INTx, through request_irq and the shim's
 * vector threads (k/kirq_edu.c). Usage: kirq DDDD:BB:DD.F
 */
#include <stdio.h>

#include "../../../shim/entry.h"
#include "check.h"
#include "kirq.h"

static void run(struct uhost_dev *dev, unsigned int type, const char *what)
{
	enum { ROUNDS = 100 };
	struct kirq_result r = { 0 };

	KIRQ(kirq_edu_run)(dev, type, ROUNDS, &r);
	CHECK(!r.failed, "%s: request_irq on irq %d and %d raises (%s)", what, r.irq, ROUNDS,
	      r.failed ? r.failed : "no error");
	CHECK(r.handled == ROUNDS, "%s: the handler acknowledged %lu of %d", what, r.handled,
	      ROUNDS);
	CHECK(!r.bad_context, "%s: every handler call ran in hard irq context", what);
	CHECK(1, "%s: raise to handler: mean %.1f us, best %.1f us", what, r.sum_ns / 1e3 / ROUNDS,
	      r.best_ns / 1e3);
}

int main(int argc, char **argv)
{
	struct uhost_dev *dev;

	if (argc != 2) {
		fprintf(stderr, "usage: %s DDDD:BB:DD.F\n", argv[0]);
		return 2;
	}
	MUST(uhost_init(UHOST_CORE_REV, UHOST_VFIO_REV, UHOST_TAP_REV, UHOST_BLK_REV));
	CHECK(ULDD_ENTRY(uldd_sched_init)(2) == 0, "two virtual CPUs");
	MUST(uhost_dev_open(argv[1], &dev));
	set_bus_master(dev);
	run(dev, UHOST_IRQ_MSI, "MSI");
	run(dev, UHOST_IRQ_INTX, "INTx");
	uhost_dev_close(dev);
	uhost_fini();
	return 0;
}
