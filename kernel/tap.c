// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * tap.c - TAP interfaces, the host side of a driver's net_device. Each TAP
 * holds a tun fd a queue (frames), a NETLINK_ROUTE socket in RTMGRP_LINK
 * (the host changing the interface), an eventfd (kicks) and a datagram
 * socket for the SIOC[GS]IF* ioctls. All are opened once, so a frame
 * costs one system call (a read that finds a multi-queue TAP empty, one a
 * queue) and allocates nothing.
 *
 * Multi-queue (Documentation/networking/tuntap.rst): TUNSETIFF with
 * IFF_MULTI_QUEUE and the same name on each of N fds attaches N queues to
 * one interface. The host picks a queue per flow for what it sends and
 * remembers the queue a flow last came in on. The vnet header size, its
 * byte order, offloads and the carrier belong to the interface; the vnet
 * header settings are made on every fd all the same, so no queue depends
 * on that. Queue 0's fd answers the interface-wide ioctls.
 *
 * Under 'uldd supervise' (keep.c) a TAP is persistent (TUNSETPERSIST)
 * while the driver runs: if the process dies, the interface stays with its
 * ifindex, addresses, routes and sockets, carrier off, and the restarted
 * driver attaches to it by name instead of making a new one. A clean close
 * clears the flag first, so the interface goes as it would without.
 *
 * Threads: uhost_tap_wait() and uhost_tap_read() keep state in the TAP
 * (the netlink buffer; the queue to read first) and are for one thread;
 * every other call touches only kernel objects and may run on any thread,
 * at the same time as that one.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/if_tun.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"

#define TAP_MAX_IOV UHOST_TAP_MAX_IOV

/* The host's path; a macro so a message can name it. */
#define TUN_PATH "/dev/net/tun"

struct uhost_tap {
	int fd[UHOST_TAP_MAX_QUEUES]; /* /dev/net/tun, one a queue */
	unsigned int queues;
	unsigned int next; /* the queue uhost_tap_read() tries first */
	int nl_fd; /* NETLINK_ROUTE, RTMGRP_LINK */
	int kick_fd; /* eventfd */
	int ctl_fd; /* AF_INET (or AF_PACKET) datagram socket for ioctls */
	int ifindex;
	bool persist; /* TUNSETPERSIST is on: cleared at close */
	bool adopted; /* attached to a TAP an earlier process left */
	bool ready; /* the supervisor was told the driver set it up */
	char name[IFNAMSIZ]; /* as created; the host may rename it later */
	/* The waiter's receive buffer; link notifications are ~1-2 KiB. */
	union {
		struct nlmsghdr hdr;
		char bytes[8192];
	} nl;
};

_Static_assert(sizeof(struct uhost_vnet_hdr) == 10, "the virtio-net header is 10 bytes");
_Static_assert(IFNAMSIZ == 16, "uhost_tap_name() promises 15 characters");

static void tap_free(struct uhost_tap *tap)
{
	/*
	 * A clean stop removes the interface, as for a TAP that was never
	 * kept. Should this fail, the supervisor removes it (uh_tap_remove).
	 */
	if (tap->persist && ioctl(tap->fd[0], TUNSETPERSIST, 0L))
		tap->persist = false;
	for (unsigned int q = 0; q < UHOST_TAP_MAX_QUEUES; q++)
		if (tap->fd[q] >= 0)
			close(tap->fd[q]);
	if (tap->nl_fd >= 0)
		close(tap->nl_fd);
	if (tap->kick_fd >= 0)
		close(tap->kick_fd);
	if (tap->ctl_fd >= 0)
		close(tap->ctl_fd);
	free(tap);
}

static int open_netlink(struct uhost_tap *tap)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK, .nl_groups = RTMGRP_LINK };

	tap->nl_fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK, NETLINK_ROUTE);
	if (tap->nl_fd < 0)
		return uh_fail(errno, "TAP: netlink socket: %s", strerror(errno));
	if (bind(tap->nl_fd, (struct sockaddr *)&sa, sizeof(sa)))
		return uh_fail(errno, "TAP: cannot join netlink's link group: %s", strerror(errno));
	return 0;
}

/* AF_PACKET serves a host built without IPv4; both reach the same ioctls. */
static int open_ctl(struct uhost_tap *tap)
{
	tap->ctl_fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (tap->ctl_fd < 0)
		tap->ctl_fd = socket(AF_PACKET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (tap->ctl_fd < 0)
		return uh_fail(errno, "TAP: no socket for interface ioctls: %s", strerror(errno));
	return 0;
}

static int open_fail(int err, const char *name)
{
	switch (err) {
	case ENOENT:
	case ENODEV:
	case ENXIO:
		return uh_fail(err,
			       "cannot create TAP %s: no %s: load the tun module: modprobe tun",
			       name, TUN_PATH);
	case EPERM:
	case EACCES:
		return uh_fail(EPERM, "creating TAP %s needs CAP_NET_ADMIN: run as root", name);
	case EBUSY:
	case EEXIST:
		/* IFF_TUN_EXCL turns "the name is taken" into EBUSY. */
		return uh_fail(
			EEXIST,
			"interface %s exists: pick another name or remove it: ip link del %s", name,
			name);
	case EINVAL:
		return uh_fail(
			EINVAL,
			"'%s' is not a valid interface name: up to 15 characters, no '/', ':' or spaces",
			name);
	default:
		return uh_fail(err, "cannot create TAP %s: %s", name, strerror(err));
	}
}

/* Attaches queue q's fd; queue 0 creates the interface, named as asked. */
static int attach_queue(struct uhost_tap *tap, unsigned int q, const char *name)
{
	struct ifreq ifr = { 0 };
	int hdr = sizeof(struct uhost_vnet_hdr), on = 1;

	/* One of those 'uldd run' opened before it dropped root, if it did. */
	tap->fd[q] = uh_node_open(TUN_PATH, O_RDWR | O_CLOEXEC | O_NONBLOCK);
	if (tap->fd[q] < 0)
		return open_fail(errno, name);
	ifr.ifr_flags = IFF_TAP | IFF_NO_PI | IFF_VNET_HDR;
	if (tap->queues > 1)
		ifr.ifr_flags |= IFF_MULTI_QUEUE;
	/*
	 * IFF_TUN_EXCL: never attach to a persistent TAP someone left behind,
	 * but for the one our supervisor kept for this driver (keep.c). The
	 * later queues attach to the interface queue 0 made, by its name.
	 */
	if (q == 0) {
		const char *kept = uh_keep_adopt(name);

		if (kept) {
			tap->adopted = if_nametoindex(kept) != 0;
			name = kept;
		} else {
			ifr.ifr_flags |= IFF_TUN_EXCL;
		}
		memcpy(ifr.ifr_name, name, strlen(name));
	} else {
		memcpy(ifr.ifr_name, tap->name, IFNAMSIZ);
	}
	if (ioctl(tap->fd[q], TUNSETIFF, &ifr)) {
		if (q == 0)
			return open_fail(errno, name);
		return uh_fail(errno, "TAP %s: cannot attach queue %u of %u: %s", tap->name, q,
			       tap->queues, strerror(errno));
	}
	if (q == 0) {
		memcpy(tap->name, ifr.ifr_name, IFNAMSIZ);
		tap->name[IFNAMSIZ - 1] = '\0';
	}
	/* Little-endian even on a big-endian host, as uhost_vnet_hdr promises. */
	if (ioctl(tap->fd[q], TUNSETVNETHDRSZ, &hdr) || ioctl(tap->fd[q], TUNSETVNETLE, &on))
		return uh_fail(errno, "TAP %s: cannot set up the virtio-net header: %s", tap->name,
			       strerror(errno));
	return 0;
}

static int create_tap(struct uhost_tap *tap, const char *name)
{
	struct ifreq ifr = { 0 };
	int off = 0, err = 0;

	for (unsigned int q = 0; q < tap->queues && !err; q++)
		err = attach_queue(tap, q, name);
	if (err)
		return err;
	if (uh_keep_on()) {
		if (ioctl(tap->fd[0], TUNSETPERSIST, 1L))
			return uh_fail(errno, "TAP %s: TUNSETPERSIST: %s", tap->name,
				       strerror(errno));
		tap->persist = true;
		uh_keep_report("tap %s %s", *name ? name : "-", tap->name);
		/*
		 * A new TAP has a random MAC until the driver sets its own: one
		 * kept before that (the driver died in between) is no state of
		 * the host's to take back, and the supervisor removes it. The
		 * driver's first carrier call, after its MTU and MAC, says so.
		 */
		if (tap->adopted) {
			uh_keep_report("tapok %s", tap->name);
			tap->ready = true;
		}
	}
	/* Down until the driver reports a link, as a NIC comes up. */
	if (ioctl(tap->fd[0], TUNSETCARRIER, &off))
		return uh_fail(errno, "TAP %s: TUNSETCARRIER: %s (needs Linux 5.0 or later)",
			       tap->name, strerror(errno));
	memcpy(ifr.ifr_name, tap->name, IFNAMSIZ);
	if (ioctl(tap->ctl_fd, SIOCGIFINDEX, &ifr))
		return uh_fail(errno, "TAP %s: SIOCGIFINDEX: %s", tap->name, strerror(errno));
	tap->ifindex = ifr.ifr_ifindex;
	return 0;
}

int uhost_tap_open(const char *name, unsigned int queues, struct uhost_tap **tapp)
{
	struct uhost_tap *tap;
	int err;

	if (queues == 0 || queues > UHOST_TAP_MAX_QUEUES)
		return uh_fail(EINVAL, "a TAP has 1 to %d queues, not %u", UHOST_TAP_MAX_QUEUES,
			       queues);

	/* The host numbers an empty name as "tap%d". */
	if (!name)
		name = "";
	if (strlen(name) >= IFNAMSIZ)
		return uh_fail(EINVAL, "interface name '%s' is longer than %d characters", name,
			       IFNAMSIZ - 1);
	tap = calloc(1, sizeof(*tap));
	if (!tap)
		return uh_fail(ENOMEM, "out of memory");
	for (unsigned int q = 0; q < UHOST_TAP_MAX_QUEUES; q++)
		tap->fd[q] = -1;
	tap->queues = queues;
	tap->nl_fd = tap->ctl_fd = -1;
	tap->kick_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	if (tap->kick_fd < 0)
		err = uh_fail(errno, "eventfd: %s", strerror(errno));
	else
		err = open_netlink(tap);
	if (!err)
		err = open_ctl(tap);
	if (!err)
		err = create_tap(tap, name);
	if (err) {
		tap_free(tap);
		return err;
	}
	*tapp = tap;
	return 0;
}

void uhost_tap_close(struct uhost_tap *tap)
{
	if (tap)
		tap_free(tap);
}

int uh_tap_remove(const char *name)
{
	struct ifreq ifr = { 0 };
	int fd, err = 0;

	if (strlen(name) >= IFNAMSIZ)
		return uh_fail(EINVAL, "interface name '%s' is too long", name);
	if (!if_nametoindex(name))
		return 0;
	fd = open(TUN_PATH, O_RDWR | O_CLOEXEC);
	if (fd < 0)
		return uh_fail(errno, "cannot remove TAP %s: %s: %s", name, TUN_PATH,
			       strerror(errno));
	memcpy(ifr.ifr_name, name, strlen(name));
	ifr.ifr_flags = IFF_TAP | IFF_NO_PI | IFF_VNET_HDR;
	err = ioctl(fd, TUNSETIFF, &ifr) ? errno : 0;
	/* tun refuses a single-queue attach to a multi-queue TAP with EINVAL. */
	if (err == EINVAL) {
		ifr.ifr_flags |= IFF_MULTI_QUEUE;
		err = ioctl(fd, TUNSETIFF, &ifr) ? errno : 0;
	}
	if (err)
		err = uh_fail(err, "cannot remove TAP %s: TUNSETIFF: %s", name, strerror(err));
	else if (ioctl(fd, TUNSETPERSIST, 0L))
		err = uh_fail(errno, "cannot remove TAP %s: TUNSETPERSIST: %s", name,
			      strerror(errno));
	close(fd);
	return err;
}

int uhost_tap_adopted(const struct uhost_tap *tap)
{
	return tap->adopted;
}

const char *uhost_tap_name(const struct uhost_tap *tap)
{
	return tap->name;
}

int uhost_tap_ifindex(const struct uhost_tap *tap)
{
	return tap->ifindex;
}

unsigned int uhost_tap_queues(const struct uhost_tap *tap)
{
	return tap->queues;
}

/*
 * An ifreq naming the interface as it is called now: the host may have
 * renamed it since it was created (ip link set NAME name NEW). TUNGETIFF
 * asks our own tun fd (queue 0's), so the answer is always this interface.
 */
static int tap_ifreq(struct uhost_tap *tap, struct ifreq *ifr)
{
	memset(ifr, 0, sizeof(*ifr));
	if (ioctl(tap->fd[0], TUNGETIFF, ifr))
		return uh_fail(errno, "TAP %s: TUNGETIFF: %s", tap->name, strerror(errno));
	memset(&ifr->ifr_ifru, 0, sizeof(ifr->ifr_ifru));
	return 0;
}

int uhost_tap_set_carrier(struct uhost_tap *tap, int on)
{
	int val = !!on;

	if (ioctl(tap->fd[0], TUNSETCARRIER, &val))
		return uh_fail(errno, "TAP %s: cannot set the carrier %s: %s", tap->name,
			       val ? "on" : "off", strerror(errno));
	if (tap->persist && !tap->ready) {
		uh_keep_report("tapok %s", tap->name);
		tap->ready = true;
	}
	return 0;
}

int uhost_tap_set_mtu(struct uhost_tap *tap, unsigned int mtu)
{
	struct ifreq ifr;
	int err = tap_ifreq(tap, &ifr);

	if (err)
		return err;
	ifr.ifr_mtu = (int)mtu;
	if (mtu > 0x7fffffff || ioctl(tap->ctl_fd, SIOCSIFMTU, &ifr)) {
		err = mtu > 0x7fffffff ? EINVAL : errno;
		/* tun's own limits (its MIN_MTU and MAX_MTU). */
		if (err == EINVAL)
			return uh_fail(err, "TAP %s: the host refuses MTU %u: give 68 to 65535",
				       tap->name, mtu);
		return uh_fail(err, "TAP %s: cannot set MTU %u: %s", tap->name, mtu, strerror(err));
	}
	return 0;
}

int uhost_tap_set_mac(struct uhost_tap *tap, const uhost_u8 mac[6])
{
	static const uhost_u8 zero[6];
	struct ifreq ifr;
	int err;

	/* The host would say EADDRNOTAVAIL; this says why. */
	if ((mac[0] & 1) || !memcmp(mac, zero, sizeof(zero)))
		return uh_fail(
			EINVAL,
			"TAP %s: %02x:%02x:%02x:%02x:%02x:%02x is not a unicast address: give one with an even first byte",
			tap->name, mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
	err = tap_ifreq(tap, &ifr);
	if (err)
		return err;
	ifr.ifr_hwaddr.sa_family = ARPHRD_ETHER;
	memcpy(ifr.ifr_hwaddr.sa_data, mac, 6);
	if (ioctl(tap->ctl_fd, SIOCSIFHWADDR, &ifr))
		return uh_fail(errno, "TAP %s: cannot set MAC %02x:%02x:%02x:%02x:%02x:%02x: %s",
			       tap->name, mac[0], mac[1], mac[2], mac[3], mac[4], mac[5],
			       strerror(errno));
	return 0;
}

int uhost_tap_set_offload(struct uhost_tap *tap, unsigned int offloads)
{
	const unsigned int tso = UHOST_TAP_OFFLOAD_TSO4 | UHOST_TAP_OFFLOAD_TSO6;
	const unsigned int all = UHOST_TAP_OFFLOAD_CSUM | tso | UHOST_TAP_OFFLOAD_TSO_ECN;
	unsigned long flags = 0;

	/* tun refuses these combinations with a bare EINVAL; say which rule. */
	if (offloads & ~all)
		return uh_fail(EINVAL, "TAP %s: unknown offload bits %#x", tap->name,
			       offloads & ~all);
	if ((offloads & tso) && !(offloads & UHOST_TAP_OFFLOAD_CSUM))
		return uh_fail(EINVAL, "TAP %s: TSO needs checksum offload too", tap->name);
	if ((offloads & UHOST_TAP_OFFLOAD_TSO_ECN) && !(offloads & tso))
		return uh_fail(EINVAL, "TAP %s: TSO with ECN needs TSO4 or TSO6", tap->name);
	if (offloads & UHOST_TAP_OFFLOAD_CSUM)
		flags |= TUN_F_CSUM;
	if (offloads & UHOST_TAP_OFFLOAD_TSO4)
		flags |= TUN_F_TSO4;
	if (offloads & UHOST_TAP_OFFLOAD_TSO6)
		flags |= TUN_F_TSO6;
	if (offloads & UHOST_TAP_OFFLOAD_TSO_ECN)
		flags |= TUN_F_TSO_ECN;
	if (ioctl(tap->fd[0], TUNSETOFFLOAD, flags))
		return uh_fail(errno, "TAP %s: TUNSETOFFLOAD %#lx: %s", tap->name, flags,
			       strerror(errno));
	return 0;
}

/*
 * SIOCGIFFLAGS reports promiscuous and all-multicast mode only when asked
 * for with SIOCSIFFLAGS; a bridge port or tcpdump raises the interface's
 * counters instead, which only dev->flags shows, and sysfs prints those.
 * A NIC must honour both, so the sysfs flags are added when readable.
 */
static unsigned int sysfs_flags(const char *name)
{
	char path[64], buf[32];
	unsigned long val;
	FILE *f;

	snprintf(path, sizeof(path), "/sys/class/net/%s/flags", name);
	f = fopen(path, "re");
	if (!f)
		return 0;
	val = fgets(buf, sizeof(buf), f) ? strtoul(buf, NULL, 16) : 0;
	fclose(f);
	return (unsigned int)val;
}

int uhost_tap_link(struct uhost_tap *tap, struct uhost_tap_view *link)
{
	struct ifreq ifr;
	unsigned int flags;
	int err = tap_ifreq(tap, &ifr);

	if (err)
		return err;
	memset(link, 0, sizeof(*link));
	if (ioctl(tap->ctl_fd, SIOCGIFFLAGS, &ifr))
		return uh_fail(errno, "TAP %s: SIOCGIFFLAGS: %s", tap->name, strerror(errno));
	flags = (unsigned short)ifr.ifr_flags | sysfs_flags(ifr.ifr_name);
	if (flags & IFF_UP)
		link->flags |= UHOST_TAP_UP;
	if (flags & IFF_PROMISC)
		link->flags |= UHOST_TAP_PROMISC;
	if (flags & IFF_ALLMULTI)
		link->flags |= UHOST_TAP_ALLMULTI;
	if (ioctl(tap->ctl_fd, SIOCGIFMTU, &ifr))
		return uh_fail(errno, "TAP %s: SIOCGIFMTU: %s", tap->name, strerror(errno));
	link->mtu = (uhost_u32)ifr.ifr_mtu;
	if (ioctl(tap->ctl_fd, SIOCGIFHWADDR, &ifr))
		return uh_fail(errno, "TAP %s: SIOCGIFHWADDR: %s", tap->name, strerror(errno));
	memcpy(link->mac, ifr.ifr_hwaddr.sa_data, sizeof(link->mac));
	return 0;
}

/* The 12 hex digits /proc/net/dev_mcast prints for an Ethernet address. */
static bool parse_mac(const char *hex, uhost_u8 mac[6])
{
	if (strlen(hex) != 12)
		return false;
	for (int i = 0; i < 6; i++) {
		int hi = uh_hexval(hex[2 * i]), lo = uh_hexval(hex[2 * i + 1]);

		if (hi < 0 || lo < 0)
			return false;
		mac[i] = (uhost_u8)(hi << 4 | lo);
	}
	return true;
}

int uhost_tap_mc_list(struct uhost_tap *tap, uhost_u8 (*mac)[6], unsigned int max, unsigned int *n)
{
	char line[256], hex[64];
	unsigned int count = 0;
	FILE *f;
	int idx;

	/* One line an address: ifindex, name, users, global users, hex address. */
	f = fopen("/proc/net/dev_mcast", "re");
	if (!f)
		return uh_fail(errno,
			       "TAP %s: cannot read /proc/net/dev_mcast: %s (is /proc mounted?)",
			       tap->name, strerror(errno));
	while (fgets(line, sizeof(line), f)) {
		uhost_u8 addr[6];

		if (sscanf(line, "%d %*s %*d %*d %63s", &idx, hex) != 2 || idx != tap->ifindex ||
		    !parse_mac(hex, addr))
			continue;
		if (count < max)
			memcpy(mac[count], addr, sizeof(addr));
		count++;
	}
	fclose(f);
	*n = count;
	return 0;
}

/*
 * Whether the datagram in buf says something about this interface. A
 * notification is one message a datagram; one larger than the buffer comes
 * truncated, but its header and ifinfomsg, all this looks at, are whole.
 */
static bool nl_concerns(const struct uhost_tap *tap, const char *buf, size_t len)
{
	while (len >= NLMSG_HDRLEN + sizeof(struct ifinfomsg)) {
		const struct nlmsghdr *h = (const struct nlmsghdr *)buf;
		const struct ifinfomsg *ifi = NLMSG_DATA(h);
		size_t step = NLMSG_ALIGN(h->nlmsg_len);

		if ((h->nlmsg_type == RTM_NEWLINK || h->nlmsg_type == RTM_DELLINK) &&
		    ifi->ifi_index == tap->ifindex)
			return true;
		if (h->nlmsg_len < NLMSG_HDRLEN || step >= len)
			break;
		buf += step;
		len -= step;
	}
	return false;
}

/* Reads every queued notification; true if one concerned this TAP. */
static bool nl_drain(struct uhost_tap *tap)
{
	bool link = false;

	for (;;) {
		struct sockaddr_nl from;
		socklen_t fromlen = sizeof(from);
		ssize_t r = recvfrom(tap->nl_fd, tap->nl.bytes, sizeof(tap->nl.bytes), 0,
				     (struct sockaddr *)&from, &fromlen);

		if (r < 0) {
			/* ENOBUFS: notifications were lost, ours perhaps. */
			if (errno == ENOBUFS)
				link = true;
			if (errno == EINTR || errno == ENOBUFS)
				continue;
			return link;
		}
		/* Only the kernel (port 0) speaks for the host. */
		if (from.nl_pid == 0 && nl_concerns(tap, tap->nl.bytes, (size_t)r))
			link = true;
	}
}

int uhost_tap_wait(struct uhost_tap *tap, unsigned int want, uhost_u64 timeout_ns,
		   unsigned int *events)
{
	/*
	 * The tun fds are polled even when frames are not wanted: POLLERR,
	 * which says the interface is gone, comes whatever events asks for.
	 * Netlink not wanted queues up; an overrun later reads as a link event.
	 */
	struct pollfd pfd[2 + UHOST_TAP_MAX_QUEUES] = {
		{ .fd = want & UHOST_TAP_EV_LINK ? tap->nl_fd : -1, .events = POLLIN },
		{ .fd = want & UHOST_TAP_EV_KICK ? tap->kick_fd : -1, .events = POLLIN },
	};
	const nfds_t nfds = 2 + tap->queues;
	/* The coarse clock: no clocksource read for a wait's bookkeeping. */
	uhost_u64 now = uhost_clock_coarse_ns();
	/* 0: forever; so is a timeout too long to add to the clock. */
	uhost_u64 deadline = timeout_ns && timeout_ns < ~0ull - now ? now + timeout_ns : 0;

	for (unsigned int q = 0; q < tap->queues; q++)
		pfd[2 + q] = (struct pollfd){ .fd = tap->fd[q],
					      .events = want & UHOST_TAP_EV_READ ? POLLIN : 0 };
	*events = 0;
	for (;;) {
		struct timespec ts, *tsp = NULL;
		unsigned int ev = 0;
		uint64_t count;
		int n;

		if (deadline) {
			now = uhost_clock_coarse_ns();
			if (now >= deadline)
				return 0;
			ts.tv_sec = (time_t)((deadline - now) / 1000000000ull);
			ts.tv_nsec = (long)((deadline - now) % 1000000000ull);
			tsp = &ts;
		}
		n = ppoll(pfd, nfds, tsp, NULL);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return uh_fail(errno, "TAP %s: ppoll: %s", tap->name, strerror(errno));
		if (n == 0)
			return 0;
		for (nfds_t i = 2; i < nfds; i++) {
			/* tun's poll says only this once the interface is unregistered. */
			if (pfd[i].revents & (POLLERR | POLLHUP | POLLNVAL))
				return uh_fail(ENODEV,
					       "TAP %s was removed by the host (ip link del?)",
					       tap->name);
			if (pfd[i].revents & POLLIN)
				ev |= UHOST_TAP_EV_READ;
		}
		if (pfd[0].revents && nl_drain(tap))
			ev |= UHOST_TAP_EV_LINK;
		/* Reading resets the counter: kicks before it fold into this one. */
		if ((pfd[1].revents & POLLIN) && read(tap->kick_fd, &count, sizeof(count)) > 0)
			ev |= UHOST_TAP_EV_KICK;
		/* Only other interfaces' notifications: wait on. */
		if (ev) {
			*events = ev;
			return 0;
		}
	}
}

void uhost_tap_kick(struct uhost_tap *tap)
{
	uint64_t one = 1;

	/* Fails only if the counter is near 2^64: the waiter is woken anyway. */
	if (write(tap->kick_fd, &one, sizeof(one)) < 0)
		return;
}

/* One frame from queue q's fd; the rules of uhost_tap_read(). */
static int read_queue(struct uhost_tap *tap, unsigned int q, void *buf, uhost_size len,
		      uhost_size *got)
{
	char spill;
	/*
	 * tun copies what fits and returns that, so a frame of exactly len
	 * bytes and a longer one would look alike. One byte more behind buf
	 * tells them apart without a second call.
	 */
	struct iovec iov[2] = { { buf, len }, { &spill, 1 } };
	ssize_t r = readv(tap->fd[q], iov, 2);

	if (r < 0) {
		if (errno == EAGAIN)
			return EAGAIN;
		return uh_fail(errno, "TAP %s: read: %s", tap->name, strerror(errno));
	}
	if ((size_t)r > len)
		return uh_fail(EMSGSIZE, "TAP %s: dropped a frame longer than the %zu-byte buffer",
			       tap->name, (size_t)len);
	*got = (uhost_size)r;
	return 0;
}

int uhost_tap_read(struct uhost_tap *tap, void *buf, uhost_size len, uhost_size *got,
		   unsigned int *queue)
{
	if (len < sizeof(struct uhost_vnet_hdr))
		return uh_fail(EINVAL, "TAP %s: a %zu-byte buffer cannot hold the vnet header",
			       tap->name, (size_t)len);
	/*
	 * Round robin: each call starts at the queue after the one the last
	 * frame came from, so a busy queue cannot starve the others.
	 */
	for (unsigned int i = 0; i < tap->queues; i++) {
		unsigned int q = (tap->next + i) % tap->queues;
		int err = read_queue(tap, q, buf, len, got);

		if (err == EAGAIN)
			continue;
		tap->next = (q + 1) % tap->queues;
		if (queue)
			*queue = q;
		return err;
	}
	return EAGAIN;
}

int uhost_tap_write(struct uhost_tap *tap, unsigned int queue, const struct uhost_iovec *iov,
		    unsigned int n)
{
	struct iovec v[TAP_MAX_IOV];

	if (n == 0 || n > TAP_MAX_IOV)
		return uh_fail(EINVAL, "TAP %s: a frame takes 1 to %d pieces, not %u", tap->name,
			       TAP_MAX_IOV, n);
	for (unsigned int i = 0; i < n; i++) {
		v[i].iov_base = (void *)iov[i].base;
		v[i].iov_len = iov[i].len;
	}
	/* tun takes a frame whole or not at all: no short writes to finish. */
	if (writev(tap->fd[queue % tap->queues], v, (int)n) >= 0)
		return 0;
	if (errno == EIO)
		return uh_fail(EIO, "TAP %s is down: the host has not brought it up", tap->name);
	if (errno == EINVAL) {
		size_t len = 0;

		for (unsigned int i = 0; i < n; i++)
			len += iov[i].len;
		return uh_fail(
			EINVAL,
			"TAP %s: the host refused a %zu-byte frame: too short, or its vnet header does not fit it",
			tap->name, len);
	}
	return uh_fail(errno, "TAP %s: write: %s", tap->name, strerror(errno));
}
