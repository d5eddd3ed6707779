/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * kirq.h - the K-world part of the kirq guest program (k/kirq_edu.c) as
 * the H-world main (kirq.c) calls it; compiled in both worlds, so it
 * includes nothing. KIRQ(name) is the name after the namespace rename.
 */
#ifndef ULDD_TESTS_VM_KIRQ_H
#define ULDD_TESTS_VM_KIRQ_H

#ifdef __KERNEL__
#define KIRQ(name) name
#else
#define KIRQ(name) uldd_k_##name
#endif

struct uhost_dev;

struct kirq_result {
	const char *failed; /* NULL, or the first thing that went wrong */
	int irq;
	unsigned long handled; /* handler calls that found the edu's bit */
	unsigned long bad_context; /* handler calls not in hard irq context */
	unsigned long long sum_ns, best_ns; /* raise to handler */
};

/* request_irq on edu's vector 0 of type, rounds raises, free_irq. */
void KIRQ(kirq_edu_run)(struct uhost_dev *dev, unsigned int type, int rounds,
			struct kirq_result *r);

#endif /* ULDD_TESTS_VM_KIRQ_H */
