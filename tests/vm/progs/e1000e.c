// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * e1000e.c - MSI-X through the host layer on QEMU's 82574L: five vectors,
 * each interrupt cause routed to its own vector by the IVAR register, and
 * each must arrive on its vector's eventfd and no other. Usage: e1000e ADDR
 */
#include <errno.h>
#include <stdint.h>

#include "check.h"

/* Intel 82574 datasheet, sections 10.2.4 (interrupt registers) and 7.4 */
#define E1000_ICR 0x00c0
#define E1000_ICS 0x00c8
#define E1000_IMS 0x00d0
#define E1000_IMC 0x00d8
#define E1000_IVAR 0x00e4
#define E1000_ICR_RXQ0 (1u << 20)
#define E1000_ICR_TXQ0 (1u << 22)
#define IVAR_VALID 0x8u
#define IVAR_RXQ0(vec) ((IVAR_VALID | (vec)) << 0)
#define IVAR_TXQ0(vec) ((IVAR_VALID | (vec)) << 8)
#define NVEC 5

static volatile uint8_t *bar;

static uint32_t rd32(unsigned int off)
{
	return *(volatile uint32_t *)(bar + off);
}

static void wr32(unsigned int off, uint32_t v)
{
	*(volatile uint32_t *)(bar + off) = v;
}

/* The cause must arrive on vector want and on no other. */
static void expect_vector(struct uhost_dev *dev, uint32_t cause, unsigned int want)
{
	uint64_t count;

	/* Unmask the cause each time: the chip may auto-mask it on delivery. */
	wr32(E1000_IMS, cause);
	wr32(E1000_ICS, cause);
	CHECK(uhost_irq_wait(dev, want, 5000000000ull, &count) == 0,
	      "cause %#x arrived on MSI-X vector %u", cause, want);
	for (unsigned int v = 0; v < NVEC; v++)
		if (v != want && uhost_irq_wait(dev, v, 1000000, &count) != ETIMEDOUT)
			CHECK(0, "cause %#x also fired vector %u", cause, v);
	/* With MSI-X and IMS set, reading ICR does not clear it: write 1s. */
	wr32(E1000_ICR, cause);
}

int main(int argc, char **argv)
{
	struct uhost_dev *dev;
	unsigned int n;
	void *va;

	if (argc != 2) {
		fprintf(stderr, "usage: e1000e ADDR\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	MUST(uhost_init(UHOST_CORE_REV, UHOST_VFIO_REV, UHOST_TAP_REV, UHOST_BLK_REV));
	MUST(uhost_dev_open(argv[1], &dev));
	MUST(uhost_dev_region_map(dev, UHOST_REGION_BAR0, &va));
	bar = va;
	set_bus_master(dev);
	MUST(uhost_irq_count(dev, UHOST_IRQ_MSIX, &n));
	CHECK(n == NVEC, "the 82574L offers %u MSI-X vectors", n);
	CHECK(uhost_irq_enable(dev, UHOST_IRQ_MSIX, n + 1) == EINVAL,
	      "more vectors are refused: %s", uhost_errmsg());
	MUST(uhost_irq_enable(dev, UHOST_IRQ_MSIX, NVEC));
	CHECK(uhost_irq_enable(dev, UHOST_IRQ_MSI, 1) == EBUSY, "a second type is refused: %s",
	      uhost_errmsg());

	wr32(E1000_IMC, ~0u);
	(void)rd32(E1000_ICR);
	wr32(E1000_IVAR, IVAR_RXQ0(1) | IVAR_TXQ0(3));
	wr32(E1000_IMS, E1000_ICR_RXQ0 | E1000_ICR_TXQ0);
	expect_vector(dev, E1000_ICR_RXQ0, 1);
	expect_vector(dev, E1000_ICR_TXQ0, 3);
	/* Re-routing takes effect at once. */
	wr32(E1000_IVAR, IVAR_RXQ0(4) | IVAR_TXQ0(0));
	expect_vector(dev, E1000_ICR_RXQ0, 4);
	expect_vector(dev, E1000_ICR_TXQ0, 0);

	wr32(E1000_IMC, ~0u);
	MUST(uhost_irq_disable(dev));
	uhost_dev_close(dev);
	printf("e1000e: all checks passed\n");
	return 0;
}
