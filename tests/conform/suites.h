/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * suites.h - every suite of the conformance suite, in the order they run:
 * one CONFORM_SUITE(name, ...) per file, listed here as SUITE(name). No
 * include guard: run.c expands it more than once.
 */
SUITE(jiffies)
SUITE(timer)
SUITE(hrtimer)
SUITE(delay)
SUITE(workqueue)
SUITE(irq)
SUITE(completion)
SUITE(wait)
SUITE(locking)
SUITE(atomic)
SUITE(kthread)
SUITE(rcu)
SUITE(srcu)
SUITE(softirq)
SUITE(slab)
SUITE(page)
SUITE(bvec)
SUITE(dma)
SUITE(devres)
SUITE(printf)
SUITE(string)
SUITE(bits)
SUITE(skb)
SUITE(napi)
SUITE(xarray)
SUITE(mempool)
