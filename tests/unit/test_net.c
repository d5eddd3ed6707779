// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_net.c - shim/net's parts that need no real TAP and that the
 * conformance suite does not state (kworld/ktest_net.c): page fragment
 * blocks, napi_build_skb, byte queue limits and napi_schedule's answers,
 * with one virtual CPU and with two; the virtio-net headers of frames from
 * the host (kworld/ktest_vnet.c); and receive coalescing, seen through the
 * frames it writes to a fake TAP (fake_tap.c). The real TAP side runs end
 * to end in the guest (tests/vm/t-matrix.sh).
 */
#include <stdbool.h>
#include <string.h>

#include "fake_tap.h"
#include "ktable.h"
#include "kworld/ktest.h"

#define VNET_LEN 10
#define SEG_PAYLOAD 1000
#define SEG_LEN (14 + 20 + 20 + SEG_PAYLOAD)

/* The Internet checksum's folded sum of len bytes, added to sum. */
static uint16_t fold(const uint8_t *p, size_t len, uint32_t sum)
{
	for (size_t i = 0; i + 1 < len; i += 2)
		sum += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (len & 1)
		sum += (uint32_t)p[len - 1] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)sum;
}

static void put16(uint8_t *p, unsigned int v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

/*
 * Segment i of one TCP/IPv4 stream into the test device (ktest_net.c's
 * MAC), SEG_PAYLOAD bytes each, with good checksums.
 */
static void seg_frame(uint8_t *f, unsigned int i)
{
	static const uint8_t head[] = {
		0x52, 0x54, 0x00, 0x12, 0x34, 0x56, 0x52, 0x54, 0x00, 0x00, 0x00, 0x09, 0x08, 0x00,
		/* IPv4: tot_len, id and checksum filled in below; DF, TTL 64, TCP */
		0x45, 0x00, 0, 0, 0, 0, 0x40, 0x00, 0x40, 0x06, 0, 0, 10, 9, 0, 2, 10, 9, 0, 1,
		/* TCP: ports, seq below, ack, doff 5, ACK, window */
		0x9c, 0x40, 0x14, 0x51, 0, 0, 0, 0, 0, 0, 0x30, 0x39, 0x50, 0x10, 0x02, 0x00, 0, 0,
		0, 0
	};
	uint32_t seq = 1000 + i * SEG_PAYLOAD, sum;
	uint8_t *ip = f + 14, *th = f + 34;

	memcpy(f, head, sizeof(head));
	put16(ip + 2, SEG_LEN - 14);
	put16(ip + 4, 100 + i);
	put16(ip + 10, (uint16_t)~fold(ip, 20, 0));
	put16(th + 4, seq >> 16);
	put16(th + 6, seq & 0xffff);
	for (unsigned int k = 0; k < SEG_PAYLOAD; k++)
		th[20 + k] = (uint8_t)(seq + k);
	/* The pseudo-header: addresses, protocol, TCP length. */
	sum = fold(ip + 12, 8, 0) + 6 + (SEG_LEN - 34);
	put16(th + 16, (uint16_t)~fold(th, SEG_LEN - 34, sum));
}

static void receive(const uint8_t *f, size_t len)
{
	assert_int_equal(KTEST(ktest_gro_receive)(f, len, 0), 0);
}

/* Frame i as the host got it: a plain frame equal to want, vnet header aside. */
static void assert_plain(unsigned int i, const uint8_t *want, size_t len)
{
	const uint8_t *p;
	size_t got = 0;

	p = fake_tap_frame(i, &got);
	assert_non_null(p);
	assert_int_equal(got, VNET_LEN + len);
	assert_int_equal(p[1], 0); /* no GSO */
	assert_memory_equal(p + VNET_LEN, want, len);
}

/* Frame i as the host got it: segments first..last of the stream as one GSO frame. */
static void assert_merged(unsigned int i, unsigned int first, unsigned int last)
{
	unsigned int n = last - first + 1;
	uint8_t seg[SEG_LEN];
	const uint8_t *p;
	size_t got = 0;

	p = fake_tap_frame(i, &got);
	assert_non_null(p);
	assert_int_equal(got, VNET_LEN + 54 + n * SEG_PAYLOAD);
	assert_int_equal(p[1], 1); /* TCPv4 */
	assert_int_equal(p[4] | p[5] << 8, SEG_PAYLOAD);
	p += VNET_LEN;
	seg_frame(seg, first);
	/* The first segment's headers with the whole length, checksummed afresh. */
	assert_memory_equal(p, seg, 14 + 2);
	assert_int_equal(p[16] << 8 | p[17], 40 + n * SEG_PAYLOAD);
	assert_int_equal(fold(p + 14, 20, 0), 0xffff);
	/* CHECKSUM_PARTIAL: the TCP checksum holds the pseudo-header sum. */
	assert_int_equal(p[50] << 8 | p[51], fold(p + 26, 8, 6 + 20 + n * SEG_PAYLOAD));
	for (unsigned int s = first; s <= last; s++) {
		seg_frame(seg, s);
		assert_memory_equal(p + 54 + (s - first) * SEG_PAYLOAD, seg + 54, SEG_PAYLOAD);
	}
}

static int gro_group_setup(void **state)
{
	(void)state;
	if (KTEST(ktest_vnet_setup)(1))
		return -1;
	return KTEST(ktest_gro_setup)();
}

static int gro_group_teardown(void **state)
{
	(void)state;
	KTEST(ktest_gro_teardown)();
	return 0;
}

static int gro_reset(void **state)
{
	(void)state;
	KTEST(ktest_gro_flush)();
	fake_tap_reset();
	return 0;
}

static void test_gro_merges_a_stream(void **state)
{
	uint8_t f[SEG_LEN];

	(void)state;
	for (unsigned int i = 0; i < 4; i++) {
		seg_frame(f, i);
		receive(f, sizeof(f));
	}
	KTEST(ktest_gro_flush)();
	assert_int_equal(fake_tap_count(), 1);
	assert_merged(0, 0, 3);
}

/*
 * netif_receive_skb() inside a poll merges too (the kernel would not, but
 * there a frame costs no system call); outside any poll each frame goes up
 * as it came, at once.
 */
static void test_gro_receive_skb(void **state)
{
	uint8_t f[4][SEG_LEN];

	(void)state;
	for (unsigned int i = 0; i < 4; i++)
		seg_frame(f[i], i);
	assert_int_equal(KTEST(ktest_receive_skb)(f, SEG_LEN, 4, 1), 0);
	assert_int_equal(fake_tap_count(), 1);
	assert_merged(0, 0, 3);
	assert_int_equal(KTEST(ktest_receive_skb)(f, SEG_LEN, 2, 0), 0);
	assert_int_equal(fake_tap_count(), 3);
	assert_plain(1, f[0], SEG_LEN);
	assert_plain(2, f[1], SEG_LEN);
}

/*
 * A segment with a corrupt IPv4 header goes up alone as it came, for the
 * host's IP to drop it; merged, it would have had a fresh checksum.
 */
static void test_gro_corrupt_header_first(void **state)
{
	uint8_t f[SEG_LEN], bad[SEG_LEN];

	(void)state;
	seg_frame(bad, 0);
	bad[14 + 4] ^= 0x80; /* the identification, which merging ignores */
	receive(bad, sizeof(bad));
	for (unsigned int i = 1; i < 4; i++) {
		seg_frame(f, i);
		receive(f, sizeof(f));
	}
	KTEST(ktest_gro_flush)();
	assert_int_equal(fake_tap_count(), 2);
	assert_plain(0, bad, sizeof(bad));
	assert_merged(1, 1, 3);
}

static void test_gro_corrupt_header_within(void **state)
{
	uint8_t f[SEG_LEN], bad[SEG_LEN];

	(void)state;
	seg_frame(bad, 1);
	bad[14 + 10] ^= 0x01; /* the checksum itself */
	for (unsigned int i = 0; i < 4; i++) {
		seg_frame(f, i);
		receive(i == 1 ? bad : f, sizeof(f));
	}
	KTEST(ktest_gro_flush)();
	assert_int_equal(fake_tap_count(), 3);
	seg_frame(f, 0);
	assert_plain(0, f, sizeof(f));
	assert_plain(1, bad, sizeof(bad));
	assert_merged(2, 2, 3);
}

/* A total length beyond the frame, under a good header checksum. */
static void test_gro_tot_len_beyond_frame(void **state)
{
	uint8_t f[SEG_LEN], bad[SEG_LEN];

	(void)state;
	seg_frame(bad, 1);
	put16(bad + 14 + 2, SEG_LEN - 14 + 4);
	put16(bad + 14 + 10, 0);
	put16(bad + 14 + 10, (uint16_t)~fold(bad + 14, 20, 0));
	for (unsigned int i = 0; i < 3; i++) {
		seg_frame(f, i);
		receive(i == 1 ? bad : f, sizeof(f));
	}
	KTEST(ktest_gro_flush)();
	assert_int_equal(fake_tap_count(), 3);
	assert_plain(1, bad, sizeof(bad));
}

/*
 * A frame the device coalesced (vmxnet3's LRO) goes up alone, as a GSO
 * frame of its segment size: the host's TCP would take a plain frame
 * beyond the MTU for a broken receive offload.
 */
static void test_gro_lro_frame_keeps_gso(void **state)
{
	uint8_t f[SEG_LEN], lro[14 + 20 + 20 + 3 * SEG_PAYLOAD];
	const uint8_t *p;
	size_t got = 0;

	(void)state;
	seg_frame(f, 0);
	receive(f, sizeof(f));
	memcpy(lro, f, 54);
	put16(lro + 14 + 2, sizeof(lro) - 14);
	put16(lro + 14 + 10, 0);
	put16(lro + 14 + 10, (uint16_t)~fold(lro + 14, 20, 0));
	for (unsigned int k = 0; k < 3 * SEG_PAYLOAD; k++)
		lro[54 + k] = (uint8_t)k;
	assert_int_equal(KTEST(ktest_gro_receive_lro)(lro, sizeof(lro), SEG_PAYLOAD), 0);
	KTEST(ktest_gro_flush)();
	/* The held segment first, alone (nothing followed it), then the LRO frame. */
	assert_int_equal(fake_tap_count(), 2);
	assert_plain(0, f, sizeof(f));
	p = fake_tap_frame(1, &got);
	assert_non_null(p);
	assert_int_equal(got, VNET_LEN + sizeof(lro));
	assert_int_equal(p[0], 2); /* DATA_VALID: the device checked it */
	assert_int_equal(p[1], 1); /* TCPv4 */
	assert_int_equal(p[4] | p[5] << 8, SEG_PAYLOAD);
	assert_memory_equal(p + VNET_LEN, lro, sizeof(lro));
}

/*
 * A multi-queue driver's receive queue r is written to TAP queue r modulo
 * the TAP's queue count; a frame with no receive queue to queue 0; and a
 * one-queue TAP takes everything on its one queue.
 */
static void test_tap_queue_mapping(void **state)
{
	(void)state;
	fake_tap_reset();
	assert_int_equal(KTEST(ktest_tap_queues)(2, 1), 0);
	assert_int_equal(KTEST(ktest_tap_queues)(2, 3), 0);
	assert_int_equal(KTEST(ktest_tap_queues)(2, -1), 0);
	assert_int_equal(KTEST(ktest_tap_queues)(4, 2), 0);
	assert_int_equal(KTEST(ktest_tap_queues)(1, 1), 0);
	assert_int_equal(fake_tap_count(), 5);
	assert_int_equal(fake_tap_queue(0), 1);
	assert_int_equal(fake_tap_queue(1), 1);
	assert_int_equal(fake_tap_queue(2), 0);
	assert_int_equal(fake_tap_queue(3), 2);
	assert_int_equal(fake_tap_queue(4), 0);
	/* The fake is one interface: the gro cases' device had one queue. */
	assert_int_equal(KTEST(ktest_tap_queues)(1, -1), 0);
}

/* The 0x88b5 frame numbered i that ktest_netif_rx_in_irq made, vnet header first. */
static void assert_numbered(unsigned int i)
{
	const uint8_t *p;
	size_t got = 0;

	p = fake_tap_frame(i, &got);
	assert_non_null(p);
	assert_int_equal(got, VNET_LEN + 60);
	assert_int_equal(p[VNET_LEN + 12] << 8 | p[VNET_LEN + 13], 0x88b5);
	assert_int_equal(p[VNET_LEN + 14] << 8 | p[VNET_LEN + 15], i);
}

/*
 * netif_rx() in a hard interrupt writes nothing there (the kernel's queues
 * to the backlog): an 8390 handler empties the chip's ring without a TAP
 * write per frame. The frames go up in order when the interrupt returns.
 */
static void test_netif_rx_waits_for_irq_return(void **state)
{
	(void)state;
	assert_int_equal(KTEST(ktest_netif_rx_in_irq)(5), 5);
	assert_int_equal(fake_tap_count(), 0);
	KTEST(ktest_irq_return)();
	assert_int_equal(fake_tap_count(), 5);
	for (unsigned int i = 0; i < 5; i++)
		assert_numbered(i);
	assert_int_equal(KTEST(ktest_netif_rx_flush)(), 0);
}

/* The kernel's netdev_max_backlog: frames beyond 1000 are dropped and counted. */
static void test_netif_rx_backlog_limit(void **state)
{
	(void)state;
	assert_int_equal(KTEST(ktest_netif_rx_in_irq)(1003), 1000);
	KTEST(ktest_irq_return)();
	assert_int_equal(KTEST(ktest_netif_rx_flush)(), 3);
	assert_true(fake_tap_count() > 0);
	assert_numbered(0);
}

/* A device that goes takes its queued frames with it: none reach the TAP. */
static void test_netif_rx_flush_drops(void **state)
{
	(void)state;
	assert_int_equal(KTEST(ktest_netif_rx_in_irq)(3), 3);
	assert_int_equal(KTEST(ktest_netif_rx_flush)(), 0);
	KTEST(ktest_irq_return)();
	assert_int_equal(fake_tap_count(), 0);
}

int main(void)
{
	static const unsigned int vcpus[] = { 1, 2 };
	const struct ktable table = {
		.area = "net",
		.run_case = KTEST(ktest_net_case),
		.case_setup = KTEST(ktest_net_setup),
		.vcpus = vcpus,
		.nvcpus = 2,
	};
	const struct ktable vnet = {
		.area = "vnet",
		.run_case = KTEST(ktest_vnet_case),
		.case_setup = KTEST(ktest_vnet_setup),
	};
	const struct ktable oldapi = {
		.area = "oldapi",
		.run_case = KTEST(ktest_oldapi_case),
		.case_setup = KTEST(ktest_oldapi_setup),
	};
	/* One pass: printk_once's case holds for a process's first run only. */
	const struct ktable mii = {
		.area = "mii",
		.run_case = KTEST(ktest_mii_case),
		.case_setup = KTEST(ktest_net_setup),
		.vcpus = vcpus,
		.nvcpus = 1,
	};
	const struct CMUnitTest gro[] = {
		cmocka_unit_test_teardown(test_gro_merges_a_stream, gro_reset),
		cmocka_unit_test_teardown(test_gro_receive_skb, gro_reset),
		cmocka_unit_test_teardown(test_gro_corrupt_header_first, gro_reset),
		cmocka_unit_test_teardown(test_gro_corrupt_header_within, gro_reset),
		cmocka_unit_test_teardown(test_gro_tot_len_beyond_frame, gro_reset),
		cmocka_unit_test_teardown(test_gro_lro_frame_keeps_gso, gro_reset),
		cmocka_unit_test_teardown(test_tap_queue_mapping, gro_reset),
		cmocka_unit_test_teardown(test_netif_rx_waits_for_irq_return, gro_reset),
		cmocka_unit_test_teardown(test_netif_rx_backlog_limit, gro_reset),
		cmocka_unit_test_teardown(test_netif_rx_flush_drops, gro_reset),
	};
	int failed = ktable_run(&table);

	failed += ktable_run(&vnet);
	failed += ktable_run(&oldapi);
	failed += ktable_run(&mii);
	failed += cmocka_run_group_tests_name("gro", gro, gro_group_setup, gro_group_teardown);
	return failed ? 1 : 0;
}
