/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * door.h - how K-world goes through the door: the host's door headers, the
 * core and one per device kind, and the revision handshake.
 */
#ifndef ULDD_SHIM_CORE_DOOR_H
#define ULDD_SHIM_CORE_DOOR_H

#include <uhost.h>
#include <uhost_tap.h>
#include <uhost_vfio.h>

/*
 * The revision handshake with the host layer (uhost_init): 0, or -EPROTO
 * after uhost_init() logged which door header differs. Called by
 * uldd_sched_init() and uldd_mm_init(), the shim's first calls.
 */
int uldd_door_init(void);

#endif /* ULDD_SHIM_CORE_DOOR_H */
