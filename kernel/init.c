// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * init.c - the door's handshake: a shim built against another uhost.h
 * version is refused before it can misread a structure.
 */
#include <errno.h>

#include "internal.h"

int uhost_init(unsigned int version)
{
	if (version != UHOST_VERSION)
		return uh_fail(
			EPROTO,
			"the shim speaks host interface version %u, this host layer %u: rebuild it",
			version, UHOST_VERSION);
	return 0;
}

void uhost_fini(void)
{
}
