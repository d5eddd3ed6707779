// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * core/door.c - K-world's side of the door: the revision handshake.
 */
#include "door.h"

int uldd_door_init(void)
{
	return -uhost_init(UHOST_CORE_REV, UHOST_VFIO_REV, UHOST_TAP_REV);
}
