// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * edu.c - drives QEMU's edu teaching device through the host layer alone:
 * ID register through the mapped BAR, MSI through an eventfd, and a DMA
 * round trip through the IOMMU at the IOVA the host layer picks for the
 * device's DMA mask. Usage: edu ADDR MASK_BITS [--expect-fault]
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "../../../samples/edu/edu_hw.h"

/* QEMU 7.2 refuses a 4096-byte transfer that ends at the buffer's end. */
#define XFER 2048

static volatile uint8_t *bar;

static uint32_t rd32(unsigned int off)
{
	return *(volatile uint32_t *)(bar + off);
}

static void wr32(unsigned int off, uint32_t v)
{
	*(volatile uint32_t *)(bar + off) = v;
}

/* The DMA address registers take one 64-bit write; two halves fail. */
static void wr64(unsigned int off, uint64_t v)
{
	*(volatile uint64_t *)(bar + off) = v;
}

static int wait_msi(struct uhost_dev *dev, uint64_t timeout_ns)
{
	uint64_t count;

	return uhost_irq_wait(dev, 0, timeout_ns, &count);
}

static void test_msi(struct uhost_dev *dev)
{
	enum { ROUNDS = 200 };
	uint64_t t0, sum = 0, best = UINT64_MAX;
	unsigned int n;

	MUST(uhost_irq_count(dev, UHOST_IRQ_MSI, &n));
	CHECK(n >= 1, "edu offers %u MSI vector(s)", n);
	MUST(uhost_irq_enable(dev, UHOST_IRQ_MSI, 1));
	CHECK(wait_msi(dev, 1000000) == ETIMEDOUT, "no MSI before one is raised");
	for (int i = 0; i < ROUNDS; i++) {
		uint64_t dt;

		t0 = uhost_clock_ns();
		wr32(EDU_IRQ_RAISE, 0x1u << (i % 8));
		if (wait_msi(dev, 5000000000ull) != 0)
			CHECK(0, "MSI %d arrived through the eventfd", i);
		dt = uhost_clock_ns() - t0;
		sum += dt;
		best = dt < best ? dt : best;
		if (i == 0)
			CHECK(rd32(EDU_IRQ_STATUS) == 0x1, "interrupt status shows the raised bit");
		wr32(EDU_IRQ_ACK, rd32(EDU_IRQ_STATUS));
	}
	CHECK(rd32(EDU_IRQ_STATUS) == 0, "all interrupts acknowledged");
	CHECK(1, "%d MSIs delivered: mean %.1f us, best %.1f us from raise to eventfd", ROUNDS,
	      sum / 1e3 / ROUNDS, best / 1e3);
}

static int dma(struct uhost_dev *dev, uint64_t src, uint64_t dst, uint32_t cmd)
{
	int err;

	wr64(EDU_DMA_SRC, src);
	wr64(EDU_DMA_DST, dst);
	wr64(EDU_DMA_COUNT, XFER);
	wr32(EDU_DMA_CMD, EDU_DMA_START | EDU_DMA_IRQ | cmd);
	err = wait_msi(dev, 5000000000ull);
	if (!err) {
		CHECK(rd32(EDU_IRQ_STATUS) & EDU_DMA_DONE, "DMA completion interrupt");
		wr32(EDU_IRQ_ACK, EDU_DMA_DONE);
	}
	CHECK(!(rd32(EDU_DMA_CMD) & EDU_DMA_START), "DMA engine idle");
	return err;
}

static void test_dma(struct uhost_dev *dev, int mask_bits, int expect_fault)
{
	uint64_t mask = mask_bits >= 64 ? ~0ull : (1ull << mask_bits) - 1;
	uint64_t iova_out, iova_in;
	size_t page_size, size = 2u << 20;
	uint8_t *mem, *out, *in;

	MUST(uhost_arena_alloc(size, (void **)&mem, &page_size));
	printf("info arena of 2 MiB at %p with %zu KiB pages\n", (void *)mem, page_size >> 10);
	out = mem;
	in = mem + size / 2;
	for (int i = 0; i < XFER; i++)
		out[i] = (uint8_t)(i * 7 + 3);
	memset(in, 0xee, XFER);

	/* --expect-fault maps at IOVA = VA although the device cannot reach it. */
	MUST(uhost_dma_map(dev, out, XFER, expect_fault ? ~0ull : mask, &iova_out));
	MUST(uhost_dma_map(dev, in, XFER, expect_fault ? ~0ull : mask, &iova_in));
	printf("info buffers at VA %p/%p mapped at IOVA %#llx/%#llx for a %d-bit mask\n",
	       (void *)out, (void *)in, (unsigned long long)iova_out, (unsigned long long)iova_in,
	       mask_bits);
	if (expect_fault) {
		CHECK(iova_out == (uintptr_t)out, "IOVA equals VA");
		CHECK(iova_out > mask, "the IOVA is beyond the device's %d-bit mask", mask_bits);
	} else {
		CHECK(iova_out + XFER - 1 <= mask && iova_in + XFER - 1 <= mask,
		      "IOVAs fit the device's %d-bit DMA mask", mask_bits);
		if ((uintptr_t)out + XFER - 1 <= mask)
			CHECK(iova_out == (uintptr_t)out, "IOVA equals VA where the mask allows");
		else
			CHECK(iova_out != (uintptr_t)out, "IOVA differs from VA above the mask");
	}

	dma(dev, iova_out, EDU_BUF, 0);
	dma(dev, EDU_BUF, iova_in, EDU_DMA_TO_RAM);
	if (expect_fault) {
		CHECK(memcmp(out, in, XFER) != 0,
		      "no data came back: the IOMMU blocked the clamped address");
	} else {
		CHECK(memcmp(out, in, XFER) == 0, "%d bytes went to the device and back intact",
		      XFER);
	}
	MUST(uhost_dma_unmap(dev, iova_out, XFER));
	MUST(uhost_dma_unmap(dev, iova_in, XFER));
	CHECK(uhost_dma_unmap(dev, iova_in, XFER) == ENOENT, "a second unmap is refused");
	MUST(uhost_arena_free(mem, size));
}

int main(int argc, char **argv)
{
	struct uhost_region r;
	struct uhost_dev *dev;
	int mask_bits, expect_fault;
	void *va;

	if (argc < 3) {
		fprintf(stderr, "usage: edu ADDR MASK_BITS [--expect-fault]\n");
		return 2;
	}
	mask_bits = atoi(argv[2]);
	expect_fault = argc > 3 && !strcmp(argv[3], "--expect-fault");
	setvbuf(stdout, NULL, _IOLBF, 0);
	MUST(uhost_init(UHOST_CORE_REV, UHOST_VFIO_REV, UHOST_TAP_REV, UHOST_BLK_REV));
	MUST(uhost_dev_open(argv[1], &dev));
	MUST(uhost_dev_region(dev, UHOST_REGION_BAR0, &r));
	CHECK(r.size == 1u << 20 && (r.flags & UHOST_REGION_MMAP), "BAR0 is 1 MiB and mappable");
	MUST(uhost_dev_region_map(dev, UHOST_REGION_BAR0, &va));
	bar = va;
	set_bus_master(dev);
	CHECK((rd32(EDU_ID) & 0xff) == 0xed, "ID register reads %#x through the mapped BAR",
	      rd32(EDU_ID));
	wr32(EDU_LIVENESS, 0x12345678);
	CHECK(rd32(EDU_LIVENESS) == ~0x12345678u, "liveness register inverts what was written");

	test_msi(dev);
	test_dma(dev, mask_bits, expect_fault);
	MUST(uhost_irq_disable(dev));
	uhost_dev_close(dev);
	uhost_fini();
	printf("edu: all checks passed\n");
	return 0;
}
