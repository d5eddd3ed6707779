// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Test fixture for tests/port/run.sh: 2.6-era markers and DMA calls, with
 * no #include <asm/system.h>, which uldd port adds by itself.
 */
#include <linux/module.h>
#include <linux/pci.h>

static int __devinit oldie_init(void)
{
	return DMA_32BIT_MASK == 0xffffffffULL ? 0 : -EINVAL;
}
module_init(oldie_init);
MODULE_LICENSE("GPL");
