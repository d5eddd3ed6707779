/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * fake_irq.h - a fake of the door's interrupt calls (uhost_irq_*) for unit
 * tests: one device whose vectors fire when the test says so. INTx behaves
 * as a level line that VFIO masks on firing: the level stays up until the
 * handler acknowledges it (fake_irq_ack, the device's register write), and
 * an unmask with the level up fires again. Thread-safe (one mutex).
 */
#ifndef ULDD_TESTS_FAKE_IRQ_H
#define ULDD_TESTS_FAKE_IRQ_H

#include <stdint.h>

#define FAKE_IRQ_NVEC 4

struct uhost_dev;

/* The fake device; reset it to have nvec vectors of each type. */
struct uhost_dev *fake_irq_dev(void);
void fake_irq_reset(unsigned int nvec);
/* Raises vector vec; records the time (CLOCK_MONOTONIC ns). */
void fake_irq_fire(unsigned int vec);
uint64_t fake_irq_fire_ns(unsigned int vec);
/* The handler serviced the device: an INTx level goes down. */
void fake_irq_ack(unsigned int vec);
unsigned long fake_irq_unmasks(unsigned int vec);
/* The routed type (UHOST_IRQ_*), or -1 when interrupts are disabled. */
int fake_irq_type(void);
/* Called inside every uhost_irq_unmask, before it unmasks. */
void fake_irq_set_unmask_hook(void (*hook)(unsigned int vec));

#endif /* ULDD_TESTS_FAKE_IRQ_H */
