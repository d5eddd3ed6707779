// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * fake_ioport.c - an I/O BAR for unit tests: uhost_dev_region_read/write
 * over 256 bytes of registers per BAR index, overriding fake_vfio.c's weak
 * stand-ins, so the shim's port windows, inb()/outb() and ioread*() on a
 * port cookie reach something that remembers. Accesses are counted, so a
 * test can tell a port access (a door call) from an MMIO one (none).
 */
#include <errno.h>
#include <string.h>

#include "uhost.h"

#define FAKE_IOPORT_BARS 6
#define FAKE_IOPORT_SIZE 256

static unsigned char fake_regs[FAKE_IOPORT_BARS][FAKE_IOPORT_SIZE];
static unsigned long fake_calls;

unsigned long fake_ioport_calls(void);

unsigned long fake_ioport_calls(void)
{
	return __atomic_load_n(&fake_calls, __ATOMIC_RELAXED);
}

static int fake_range(unsigned int idx, uhost_u64 off, uhost_size len)
{
	if (idx >= FAKE_IOPORT_BARS || off > FAKE_IOPORT_SIZE || len > FAKE_IOPORT_SIZE - off)
		return EINVAL;
	__atomic_fetch_add(&fake_calls, 1, __ATOMIC_RELAXED);
	return 0;
}

int uhost_dev_region_read(struct uhost_dev *dev, unsigned int idx, uhost_u64 off, void *buf,
			  uhost_size len)
{
	int err = fake_range(idx, off, len);

	(void)dev;
	if (!err)
		memcpy(buf, &fake_regs[idx][off], len);
	return err;
}

int uhost_dev_region_write(struct uhost_dev *dev, unsigned int idx, uhost_u64 off, const void *buf,
			   uhost_size len)
{
	int err = fake_range(idx, off, len);

	(void)dev;
	if (!err)
		memcpy(&fake_regs[idx][off], buf, len);
	return err;
}
