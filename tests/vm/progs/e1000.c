// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * e1000.c - INTx and reset through the host layer on QEMU's e1000: the
 * interrupt cause set register fires the line, VFIO masks it, the eventfd
 * wakes us, and nothing more arrives until we unmask; then reset.
 * Usage: e1000 ADDR [--need-reset]
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "check.h"

/* Intel 8254x Software Developer's Manual, section 13 */
#define E1000_ICR 0x00c0 /* interrupt cause read, clears on read */
#define E1000_ICS 0x00c8 /* interrupt cause set */
#define E1000_IMS 0x00d0 /* interrupt mask set */
#define E1000_IMC 0x00d8 /* interrupt mask clear */
#define E1000_RDBAL 0x2800 /* receive descriptor base, low */
#define E1000_ICR_TXQE 0x2 /* a cause nobody else triggers while idle */

static volatile uint8_t *bar;

static uint32_t rd32(unsigned int off)
{
	return *(volatile uint32_t *)(bar + off);
}

static void wr32(unsigned int off, uint32_t v)
{
	*(volatile uint32_t *)(bar + off) = v;
}

static int wait_intx(struct uhost_dev *dev, uint64_t timeout_ns)
{
	uint64_t count;

	return uhost_irq_wait(dev, 0, timeout_ns, &count);
}

static void test_intx(struct uhost_dev *dev)
{
	enum { ROUNDS = 100 };
	uint64_t sum = 0;
	unsigned int n;

	MUST(uhost_irq_count(dev, UHOST_IRQ_INTX, &n));
	CHECK(n == 1, "e1000 has one INTx line");
	wr32(E1000_IMC, ~0u);
	(void)rd32(E1000_ICR);
	MUST(uhost_irq_enable(dev, UHOST_IRQ_INTX, 1));
	wr32(E1000_IMS, E1000_ICR_TXQE);

	for (int i = 0; i < ROUNDS; i++) {
		uint64_t t0 = uhost_clock_ns();

		wr32(E1000_ICS, E1000_ICR_TXQE);
		if (wait_intx(dev, 5000000000ull))
			CHECK(0, "INTx %d arrived through the eventfd", i);
		sum += uhost_clock_ns() - t0;
		/* Reading ICR clears the cause and deasserts the line. */
		if (i == 0)
			CHECK(rd32(E1000_ICR) & E1000_ICR_TXQE, "ICR shows the cause");
		else
			(void)rd32(E1000_ICR);
		MUST(uhost_irq_unmask(dev, 0));
	}
	CHECK(1, "%d INTx round trips, mean %.1f us from cause set to eventfd", ROUNDS,
	      sum / 1e3 / ROUNDS);

	/* Fired and not unmasked: VFIO holds the line masked. */
	wr32(E1000_ICS, E1000_ICR_TXQE);
	MUST(wait_intx(dev, 5000000000ull));
	(void)rd32(E1000_ICR);
	wr32(E1000_ICS, E1000_ICR_TXQE);
	CHECK(wait_intx(dev, 300000000ull) == ETIMEDOUT,
	      "a second interrupt stays masked until unmask");
	MUST(uhost_irq_unmask(dev, 0));
	CHECK(wait_intx(dev, 5000000000ull) == 0, "unmask delivers the pending interrupt");
	(void)rd32(E1000_ICR);
	MUST(uhost_irq_unmask(dev, 0));
	wr32(E1000_IMC, ~0u);
	MUST(uhost_irq_disable(dev));
	CHECK(wait_intx(dev, 5000000000ull) == ECANCELED,
	      "disable wakes the waiter with ECANCELED");
}

static void test_reset(struct uhost_dev *dev, int need_reset)
{
	int err;

	wr32(E1000_RDBAL, 0x12345000);
	CHECK(rd32(E1000_RDBAL) == 0x12345000, "RDBAL holds a written value");
	err = uhost_dev_reset(dev);
	if (err == ENOTTY && !need_reset) {
		printf("info %s\n", uhost_errmsg());
		return;
	}
	MUST(err);
	CHECK(rd32(E1000_RDBAL) == 0, "VFIO_DEVICE_RESET cleared RDBAL");
}

int main(int argc, char **argv)
{
	struct uhost_region r;
	struct uhost_dev *dev;
	void *va;

	if (argc < 2 || (argc == 3 && strcmp(argv[2], "--need-reset")) || argc > 3) {
		fprintf(stderr, "usage: e1000 ADDR [--need-reset]\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	MUST(uhost_init(UHOST_CORE_REV, UHOST_VFIO_REV, UHOST_TAP_REV, UHOST_BLK_REV));
	MUST(uhost_dev_open(argv[1], &dev));
	MUST(uhost_dev_region(dev, UHOST_REGION_BAR0, &r));
	CHECK(r.size >= 128 << 10 && (r.flags & UHOST_REGION_MMAP), "BAR0 is %llu KiB, mappable",
	      (unsigned long long)r.size >> 10);
	MUST(uhost_dev_region(dev, 1, &r));
	CHECK(r.size == 64 && (r.flags & UHOST_REGION_IO) && !(r.flags & UHOST_REGION_MMAP),
	      "BAR1 is an I/O-port BAR of %llu bytes", (unsigned long long)r.size);
	CHECK(uhost_dev_region_map(dev, 1, &va) == ENOTSUP, "mapping it is refused: %s",
	      uhost_errmsg());
	MUST(uhost_dev_region_map(dev, UHOST_REGION_BAR0, &va));
	bar = va;
	set_bus_master(dev);
	test_intx(dev);
	test_reset(dev, argc == 3);
	uhost_dev_close(dev);
	printf("e1000: all checks passed\n");
	return 0;
}
