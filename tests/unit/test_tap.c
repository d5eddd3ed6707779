// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_tap.c - the TAP door against the real host: it creates interfaces,
 * so each case skips, saying why, where the machine lacks /dev/net/tun or
 * CAP_NET_ADMIN. Names carry the test's pid so parallel runs do not meet.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "internal.h"
#include "unitskip.h"

#define MS 1000000ull
/* IEEE's EtherType for local experiments: no host stack answers it. */
#define ETH_TEST 0x88b5
#define EV_ALL (UHOST_TAP_EV_READ | UHOST_TAP_EV_LINK | UHOST_TAP_EV_KICK)

static void tap_name(char *buf, size_t len, char tag)
{
	snprintf(buf, len, "uldt%u%c", (unsigned int)getpid() % 1000000, tag);
}

/* Opens a TAP named by tag, or skips the case where the host cannot. */
static struct uhost_tap *open_or_skip(char tag)
{
	struct uhost_tap *tap = NULL;
	char name[IFNAMSIZ];
	int err;

	tap_name(name, sizeof(name), tag);
	err = uhost_tap_open(name, 1, &tap);
	if (err == EPERM || err == ENOENT)
		unit_skip("%s", uhost_errmsg());
	if (err)
		fail_msg("uhost_tap_open(%s): %s", name, uhost_errmsg());
	return tap;
}

/* What an administrator does: ip link set NAME up/down. */
static void set_up(const char *name, bool up)
{
	int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	struct ifreq ifr = { 0 };

	assert_true(s >= 0);
	strncpy(ifr.ifr_name, name, IFNAMSIZ - 1);
	assert_int_equal(ioctl(s, SIOCGIFFLAGS, &ifr), 0);
	if (up)
		ifr.ifr_flags |= IFF_UP;
	else
		ifr.ifr_flags &= ~IFF_UP;
	assert_int_equal(ioctl(s, SIOCSIFFLAGS, &ifr), 0);
	close(s);
}

/* Takes every pending event, so the next wait sees only new ones. */
static void drain_events(struct uhost_tap *tap)
{
	unsigned int ev;

	do
		assert_int_equal(uhost_tap_wait(tap, EV_ALL, 1 * MS, &ev), 0);
	while (ev);
}

/* Waits up to 2 s for want, ignoring frames and other events meanwhile. */
static void wait_for(struct uhost_tap *tap, unsigned int want)
{
	uhost_u64 end = uhost_clock_ns() + 2000 * MS;
	unsigned int ev;

	do {
		assert_int_equal(uhost_tap_wait(tap, EV_ALL, 100 * MS, &ev), 0);
		if (ev & want)
			return;
	} while (uhost_clock_ns() < end);
	fail_msg("no event %#x within 2 s", want);
}

/* A minimum Ethernet frame, vnet header first, from src to broadcast. */
static size_t make_frame(uhost_u8 *buf, const uhost_u8 src[6], uhost_u8 mark)
{
	memset(buf, 0, 10 + 60);
	memset(buf + 10, 0xff, 6);
	memcpy(buf + 16, src, 6);
	buf[22] = ETH_TEST >> 8;
	buf[23] = ETH_TEST & 0xff;
	buf[24] = mark;
	return 10 + 60;
}

static void test_tap_open_names_the_interface(void **state)
{
	struct uhost_tap *tap = open_or_skip('a');
	char name[IFNAMSIZ];
	int ifindex;

	(void)state;
	tap_name(name, sizeof(name), 'a');
	assert_string_equal(uhost_tap_name(tap), name);
	ifindex = uhost_tap_ifindex(tap);
	assert_true(ifindex > 0);
	assert_int_equal((int)if_nametoindex(name), ifindex);
	uhost_tap_close(tap);
	/* Not persistent: it goes with its fd. */
	assert_int_equal(if_nametoindex(name), 0);
}

static void test_tap_pattern_is_numbered(void **state)
{
	struct uhost_tap *tap = NULL;
	char pattern[IFNAMSIZ];
	int err;

	(void)state;
	snprintf(pattern, sizeof(pattern), "uldp%u.%%d", (unsigned int)getpid() % 100000);
	err = uhost_tap_open(pattern, 1, &tap);
	if (err == EPERM || err == ENOENT)
		unit_skip("%s", uhost_errmsg());
	assert_int_equal(err, 0);
	assert_null(strchr(uhost_tap_name(tap), '%'));
	assert_int_equal(strncmp(uhost_tap_name(tap), pattern, strlen(pattern) - 2), 0);
	uhost_tap_close(tap);
}

static void test_tap_name_in_use_is_eexist(void **state)
{
	struct uhost_tap *tap = open_or_skip('b'), *other = NULL;

	(void)state;
	assert_int_equal(uhost_tap_open(uhost_tap_name(tap), 1, &other), EEXIST);
	assert_null(other);
	assert_non_null(strstr(uhost_errmsg(), uhost_tap_name(tap)));
	assert_non_null(strstr(uhost_errmsg(), "ip link del"));
	/* Not a TAP at all: refused the same way, never attached to. */
	assert_int_equal(uhost_tap_open("lo", 1, &other), EEXIST);
	assert_non_null(strstr(uhost_errmsg(), "interface lo exists"));
	uhost_tap_close(tap);
}

static void test_tap_bad_names(void **state)
{
	struct uhost_tap *tap = NULL;

	(void)state;
	assert_int_equal(uhost_tap_open("a-name-of-16-chr", 1, &tap), EINVAL);
	assert_non_null(strstr(uhost_errmsg(), "longer than 15"));
	assert_null(tap);
}

static void test_tap_mtu_and_mac_round_trip(void **state)
{
	static const uhost_u8 mac[6] = { 0x02, 0x11, 0x22, 0x33, 0x44, 0x55 };
	static const uhost_u8 mcast[6] = { 0x01, 0x11, 0x22, 0x33, 0x44, 0x55 };
	struct uhost_tap *tap = open_or_skip('c');
	struct uhost_tap_view link;

	(void)state;
	assert_int_equal(uhost_tap_set_mtu(tap, 1400), 0);
	assert_int_equal(uhost_tap_set_mac(tap, mac), 0);
	assert_int_equal(uhost_tap_link(tap, &link), 0);
	assert_int_equal(link.mtu, 1400);
	assert_memory_equal(link.mac, mac, 6);
	assert_int_equal(link.flags & UHOST_TAP_UP, 0);

	assert_int_equal(uhost_tap_set_mtu(tap, 10), EINVAL);
	assert_non_null(strstr(uhost_errmsg(), "68 to 65535"));
	assert_int_equal(uhost_tap_set_mac(tap, mcast), EINVAL);
	assert_non_null(strstr(uhost_errmsg(), uhost_tap_name(tap)));
	uhost_tap_close(tap);
}

static void test_tap_offload_rules(void **state)
{
	struct uhost_tap *tap = open_or_skip('d');

	(void)state;
	assert_int_equal(uhost_tap_set_offload(
				 tap, UHOST_TAP_OFFLOAD_CSUM | UHOST_TAP_OFFLOAD_TSO4 |
					      UHOST_TAP_OFFLOAD_TSO6 | UHOST_TAP_OFFLOAD_TSO_ECN),
			 0);
	assert_int_equal(uhost_tap_set_offload(tap, 0), 0);
	assert_int_equal(uhost_tap_set_offload(tap, UHOST_TAP_OFFLOAD_TSO4), EINVAL);
	assert_non_null(strstr(uhost_errmsg(), "needs checksum offload"));
	assert_int_equal(uhost_tap_set_offload(tap, 1u << 7), EINVAL);
	uhost_tap_close(tap);
}

static void test_tap_up_is_a_link_event(void **state)
{
	struct uhost_tap *tap = open_or_skip('e');
	struct uhost_tap_view link;

	(void)state;
	drain_events(tap);
	set_up(uhost_tap_name(tap), true);
	wait_for(tap, UHOST_TAP_EV_LINK);
	assert_int_equal(uhost_tap_link(tap, &link), 0);
	assert_true(link.flags & UHOST_TAP_UP);
	drain_events(tap);
	set_up(uhost_tap_name(tap), false);
	wait_for(tap, UHOST_TAP_EV_LINK);
	assert_int_equal(uhost_tap_link(tap, &link), 0);
	assert_false(link.flags & UHOST_TAP_UP);
	uhost_tap_close(tap);
}

static void test_tap_kick_and_timeout(void **state)
{
	struct uhost_tap *tap = open_or_skip('f');
	unsigned int ev;
	uhost_u64 t0;

	(void)state;
	drain_events(tap);
	t0 = uhost_clock_ns();
	assert_int_equal(uhost_tap_wait(tap, EV_ALL, 30 * MS, &ev), 0);
	assert_int_equal(ev, 0);
	assert_true(uhost_clock_ns() - t0 >= 30 * MS);

	/* Two kicks before the wait fold into one event. */
	uhost_tap_kick(tap);
	uhost_tap_kick(tap);
	assert_int_equal(uhost_tap_wait(tap, EV_ALL, 1000 * MS, &ev), 0);
	assert_int_equal(ev, UHOST_TAP_EV_KICK);
	assert_int_equal(uhost_tap_wait(tap, EV_ALL, 1 * MS, &ev), 0);
	assert_int_equal(ev, 0);
	uhost_tap_close(tap);
}

static void test_tap_write_needs_up(void **state)
{
	static const uhost_u8 src[6] = { 0x02, 0, 0, 0, 0, 1 };
	struct uhost_tap *tap = open_or_skip('g');
	uhost_u8 frame[70];
	/* One more piece than a write takes, all of them valid memory. */
	struct uhost_iovec iov[UHOST_TAP_MAX_IOV + 1];

	(void)state;
	make_frame(frame, src, 1);
	/* Gathered: the vnet header and the Ethernet frame apart. */
	iov[0] = (struct uhost_iovec){ frame, 10 };
	iov[1] = (struct uhost_iovec){ frame + 10, 60 };
	assert_int_equal(uhost_tap_write(tap, 0, iov, 2), EIO);
	assert_non_null(strstr(uhost_errmsg(), "is down"));
	set_up(uhost_tap_name(tap), true);
	assert_int_equal(uhost_tap_write(tap, 0, iov, 2), 0);
	/* Shorter than an Ethernet header: tun refuses it. */
	iov[1].len = 5;
	assert_int_equal(uhost_tap_write(tap, 0, iov, 2), EINVAL);
	assert_non_null(strstr(uhost_errmsg(), "refused a 15-byte frame"));
	assert_int_equal(uhost_tap_write(tap, 0, iov, 0), EINVAL);
	for (unsigned int i = 2; i < UHOST_TAP_MAX_IOV + 1; i++)
		iov[i] = (struct uhost_iovec){ frame + 10, 0 };
	assert_int_equal(uhost_tap_write(tap, 0, iov, UHOST_TAP_MAX_IOV + 1), EINVAL);
	assert_non_null(strstr(uhost_errmsg(), "pieces, not"));
	uhost_tap_close(tap);
}

/* Sends frame (no vnet header) into the interface as the host stack would. */
static void host_send(int ifindex, const uhost_u8 *frame, size_t len)
{
	struct sockaddr_ll sll = { .sll_family = AF_PACKET,
				   .sll_protocol = htons(ETH_TEST),
				   .sll_ifindex = ifindex,
				   .sll_halen = 6 };
	int s = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, htons(ETH_TEST));

	assert_true(s >= 0);
	memset(sll.sll_addr, 0xff, 6);
	assert_int_equal(sendto(s, frame, len, 0, (struct sockaddr *)&sll, sizeof(sll)),
			 (ssize_t)len);
	close(s);
}

static void test_tap_read_frames(void **state)
{
	static const uhost_u8 src[6] = { 0x02, 0, 0, 0, 0, 2 };
	struct uhost_tap *tap = open_or_skip('h');
	uhost_u8 frame[70], buf[2048];
	uhost_size got = 0;
	unsigned int ev;
	int err;

	(void)state;
	assert_int_equal(uhost_tap_read(tap, buf, sizeof(buf), &got, NULL), EAGAIN);
	assert_int_equal(uhost_tap_read(tap, buf, 4, &got, NULL), EINVAL);

	/* Without carrier the host queues nothing for the driver. */
	assert_int_equal(uhost_tap_set_carrier(tap, 1), 0);
	set_up(uhost_tap_name(tap), true);
	make_frame(frame, src, 0x5a);
	host_send(uhost_tap_ifindex(tap), frame + 10, 60);
	wait_for(tap, UHOST_TAP_EV_READ);
	/* The host may have sent its own frames first (IPv6 neighbour discovery). */
	for (;;) {
		err = uhost_tap_read(tap, buf, sizeof(buf), &got, NULL);
		if (err == EAGAIN) {
			wait_for(tap, UHOST_TAP_EV_READ);
			continue;
		}
		assert_int_equal(err, 0);
		if (got >= 24 && buf[22] == (ETH_TEST >> 8) && buf[23] == (ETH_TEST & 0xff))
			break;
	}
	assert_int_equal(got, 70);
	assert_int_equal(buf[0], 0); /* vnet flags: no checksum to finish */
	assert_int_equal(buf[1], UHOST_VNET_GSO_NONE);
	assert_int_equal(buf[24], 0x5a);

	/* A buffer the frame does not fit drops it. */
	host_send(uhost_tap_ifindex(tap), frame + 10, 60);
	wait_for(tap, UHOST_TAP_EV_READ);
	/* Frames queued, but not wanted (a stopped queue): the wait sleeps. */
	assert_int_equal(uhost_tap_wait(tap, UHOST_TAP_EV_KICK, 30 * MS, &ev), 0);
	assert_int_equal(ev, 0);
	assert_int_equal(uhost_tap_wait(tap, EV_ALL, 1000 * MS, &ev), 0);
	assert_true(ev & UHOST_TAP_EV_READ);
	assert_int_equal(uhost_tap_read(tap, buf, 69, &got, NULL), EMSGSIZE);
	assert_non_null(strstr(uhost_errmsg(), "69-byte buffer"));
	uhost_tap_close(tap);
}

/*
 * A multi-queue TAP: every queue attached to one interface, the vnet
 * header on each (a frame written on either queue arrives whole), a bad
 * queue count refused.
 */
static void test_tap_multi_queue(void **state)
{
	static const uhost_u8 src[6] = { 0x02, 0, 0, 0, 0, 3 };
	struct uhost_tap *tap = NULL;
	struct uhost_iovec iov[2];
	char name[IFNAMSIZ], path[64];
	uhost_u8 frame[70];
	int err;

	(void)state;
	assert_int_equal(uhost_tap_open("x", 0, &tap), EINVAL);
	assert_int_equal(uhost_tap_open("x", UHOST_TAP_MAX_QUEUES + 1, &tap), EINVAL);
	assert_non_null(strstr(uhost_errmsg(), "queues"));
	tap_name(name, sizeof(name), 'q');
	err = uhost_tap_open(name, 2, &tap);
	if (err == EPERM || err == ENOENT)
		unit_skip("%s", uhost_errmsg());
	if (err)
		fail_msg("uhost_tap_open(%s, 2): %s", name, uhost_errmsg());
	assert_int_equal(uhost_tap_queues(tap), 2);
	snprintf(path, sizeof(path), "/sys/class/net/%s/queues/tx-1", name);
	assert_int_equal(access(path, F_OK), 0);
	assert_int_equal(uhost_tap_set_offload(tap, UHOST_TAP_OFFLOAD_CSUM), 0);
	assert_int_equal(uhost_tap_set_carrier(tap, 1), 0);
	set_up(name, true);
	make_frame(frame, src, 7);
	iov[0] = (struct uhost_iovec){ frame, 10 };
	iov[1] = (struct uhost_iovec){ frame + 10, 60 };
	for (unsigned int q = 0; q < 4; q++)
		assert_int_equal(uhost_tap_write(tap, q, iov, 2), 0);
	uhost_tap_close(tap);
}

static bool mc_has(struct uhost_tap *tap, const uhost_u8 want[6])
{
	uhost_u8 list[32][6];
	unsigned int n = 0;

	assert_int_equal(uhost_tap_mc_list(tap, list, 32, &n), 0);
	for (unsigned int i = 0; i < n && i < 32; i++)
		if (!memcmp(list[i], want, 6))
			return true;
	return false;
}

static void test_tap_mc_list_and_promisc(void **state)
{
	static const uhost_u8 group[6] = { 0x01, 0x00, 0x5e, 0x01, 0x02, 0x03 };
	struct uhost_tap *tap = open_or_skip('i');
	struct packet_mreq mr = { .mr_ifindex = uhost_tap_ifindex(tap) };
	struct uhost_tap_view link;
	struct ifreq ifr = { 0 };
	unsigned int n = 99;
	int s = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, 0);

	(void)state;
	assert_true(s >= 0);
	assert_false(mc_has(tap, group));
	strncpy(ifr.ifr_name, uhost_tap_name(tap), IFNAMSIZ - 1);
	ifr.ifr_hwaddr.sa_family = AF_UNSPEC;
	memcpy(ifr.ifr_hwaddr.sa_data, group, 6);
	assert_int_equal(ioctl(s, SIOCADDMULTI, &ifr), 0);
	assert_true(mc_has(tap, group));
	assert_int_equal(uhost_tap_mc_list(tap, NULL, 0, &n), 0);
	assert_true(n >= 1);

	/* tcpdump's way: a counter SIOCGIFFLAGS alone does not show. */
	assert_int_equal(uhost_tap_link(tap, &link), 0);
	assert_false(link.flags & UHOST_TAP_PROMISC);
	mr.mr_type = PACKET_MR_PROMISC;
	assert_int_equal(setsockopt(s, SOL_PACKET, PACKET_ADD_MEMBERSHIP, &mr, sizeof(mr)), 0);
	assert_int_equal(uhost_tap_link(tap, &link), 0);
	assert_true(link.flags & UHOST_TAP_PROMISC);
	close(s);
	assert_int_equal(uhost_tap_link(tap, &link), 0);
	assert_false(link.flags & UHOST_TAP_PROMISC);
	uhost_tap_close(tap);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tap_open_names_the_interface),
		cmocka_unit_test(test_tap_pattern_is_numbered),
		cmocka_unit_test(test_tap_name_in_use_is_eexist),
		cmocka_unit_test(test_tap_bad_names),
		cmocka_unit_test(test_tap_mtu_and_mac_round_trip),
		cmocka_unit_test(test_tap_offload_rules),
		cmocka_unit_test(test_tap_up_is_a_link_event),
		cmocka_unit_test(test_tap_kick_and_timeout),
		cmocka_unit_test(test_tap_write_needs_up),
		cmocka_unit_test(test_tap_read_frames),
		cmocka_unit_test(test_tap_multi_queue),
		cmocka_unit_test(test_tap_mc_list_and_promisc),
	};

	return cmocka_run_group_tests_name("tap", tests, NULL, NULL);
}
