/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * fake_tap.h - a fake of the door's TAP calls (uhost_tap_*) for unit tests:
 * one interface that is never up to anything but keeps, in order, a copy
 * of each frame the shim writes to it (vnet header first), for the test
 * to look at. Thread-safe (one mutex).
 */
#ifndef ULDD_TESTS_FAKE_TAP_H
#define ULDD_TESTS_FAKE_TAP_H

#include <stddef.h>

#define FAKE_TAP_FRAMES 16 /* kept; later writes fail with ENOBUFS */

/* Forgets the frames written so far. */
void fake_tap_reset(void);
unsigned int fake_tap_count(void);
/* Frame i as written (vnet header first), or NULL; *len its bytes. */
const unsigned char *fake_tap_frame(unsigned int i, size_t *len);
/* The queue frame i was written to (modulo the queue count), or ~0u. */
unsigned int fake_tap_queue(unsigned int i);

#endif /* ULDD_TESTS_FAKE_TAP_H */
