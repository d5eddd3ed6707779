// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * init.c - the door's handshake: a shim built against another revision of
 * a door header is refused before it can misread a structure. Each header
 * has its own revision, so a TAP change does not make a PCI-only caller
 * rebuild.
 */
#include <errno.h>
#include <stdbool.h>
#include <string.h>

#include "internal.h"

/*
 * One door header: its name, this layer's revision and the caller's; 0
 * when the caller does not use that device kind (never for the core).
 */
static int door_check(const char *header, unsigned int have, unsigned int want, bool optional)
{
	const char *msg;

	if (want == have || (optional && !want))
		return 0;
	uh_fail(EPROTO, "the shim was built with %s revision %u, this host layer has %u: %s",
		header, want, have, "rebuild the shim and its drivers");
	/*
	 * Logged as well as kept for uhost_errmsg(): the shim starts from
	 * calls that return only an errno, and this line says what to do.
	 */
	msg = uhost_errmsg();
	uhost_log(UHOST_LOG_ERR, msg, strlen(msg));
	return EPROTO;
}

int uhost_init(unsigned int core_rev, unsigned int vfio_rev, unsigned int tap_rev,
	       unsigned int blk_rev)
{
	int err;

	err = door_check("uhost.h", UHOST_CORE_REV, core_rev, false);
	if (!err)
		err = door_check("uhost_vfio.h", UHOST_VFIO_REV, vfio_rev, true);
	if (!err)
		err = door_check("uhost_tap.h", UHOST_TAP_REV, tap_rev, true);
	if (!err)
		err = door_check("uhost_blk.h", UHOST_BLK_REV, blk_rev, true);
	return err;
}

void uhost_fini(void)
{
}
