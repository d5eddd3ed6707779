// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * rtl8139.c - I/O-port BAR access through the host layer. QEMU's RTL8139
 * decodes the same registers in its I/O BAR 0 and its memory BAR 1, so what
 * one path writes the other must read. Usage: rtl8139 ADDR MAC
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>

#include "check.h"

/* RTL8139 datasheet, register table */
#define RTL_IDR0 0x00 /* the MAC address, 6 bytes */
#define RTL_MAR0 0x08 /* multicast filter, 8 bytes, read/write */

int main(int argc, char **argv)
{
	unsigned int mac[6];
	struct uhost_region io, mem;
	struct uhost_dev *dev;
	volatile uint8_t *bar1;
	uint32_t v32;
	uint16_t v16;
	void *va;

	if (argc != 3 || sscanf(argv[2], "%x:%x:%x:%x:%x:%x", &mac[0], &mac[1], &mac[2], &mac[3],
				&mac[4], &mac[5]) != 6) {
		fprintf(stderr, "usage: rtl8139 ADDR MAC\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	MUST(uhost_init(UHOST_CORE_REV, UHOST_VFIO_REV, UHOST_TAP_REV, UHOST_BLK_REV));
	MUST(uhost_dev_open(argv[1], &dev));
	MUST(uhost_dev_region(dev, 0, &io));
	MUST(uhost_dev_region(dev, 1, &mem));
	CHECK((io.flags & UHOST_REGION_IO) && !(io.flags & UHOST_REGION_MMAP),
	      "BAR0 is an I/O-port BAR of %llu bytes", (unsigned long long)io.size);
	CHECK(!(mem.flags & UHOST_REGION_IO) && (mem.flags & UHOST_REGION_MMAP),
	      "BAR1 is a memory BAR of %llu bytes", (unsigned long long)mem.size);
	CHECK(uhost_dev_region_map(dev, 0, &va) == ENOTSUP, "mapping the port BAR is refused: %s",
	      uhost_errmsg());
	MUST(uhost_dev_region_map(dev, 1, &va));
	bar1 = va;

	for (int i = 0; i < 6; i++) {
		uint8_t b;

		MUST(uhost_dev_region_read(dev, 0, RTL_IDR0 + i, &b, 1));
		if (b != mac[i])
			CHECK(0, "MAC byte %d through port reads is %#x, not %#x", i, b, mac[i]);
	}
	CHECK(1, "the MAC address %s reads back through 1-byte port reads", argv[2]);

	v32 = 0xa5c3e1f0;
	MUST(uhost_dev_region_write(dev, 0, RTL_MAR0, &v32, 4));
	CHECK(*(volatile uint32_t *)(bar1 + RTL_MAR0) == v32,
	      "a 4-byte port write reads back through the memory BAR");
	*(volatile uint16_t *)(bar1 + RTL_MAR0 + 4) = 0x1234;
	MUST(uhost_dev_region_read(dev, 0, RTL_MAR0 + 4, &v16, 2));
	CHECK(v16 == 0x1234, "a memory write reads back through a 2-byte port read: %#x", v16);
	CHECK(uhost_dev_region_read(dev, 0, io.size - 2, &v32, 4) == ERANGE,
	      "an access past the port BAR is refused: %s", uhost_errmsg());
	uhost_dev_close(dev);
	printf("rtl8139: all checks passed\n");
	return 0;
}
