/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * uhost_tap.h - the door for network devices: a net_device's TAP interface
 * on the host, its frames (virtio-net header first), link state and
 * multicast list. The core's conventions hold (uhost.h): 0 or an errno,
 * "may block" calls made by K-world only through its wrapper layer. Every
 * function here has a K-world caller.
 */
#ifndef ULDD_UHOST_TAP_H
#define ULDD_UHOST_TAP_H

#include "uhost.h"

/* Bumped whenever a declaration below changes; uhost_init() checks it. */
#define UHOST_TAP_REV 1

/*
 * TAP interfaces: the host side of a driver's net_device. A TAP is created
 * IFF_TAP | IFF_NO_PI | IFF_VNET_HDR and down; it disappears when closed.
 * Every frame read or written starts with a struct uhost_vnet_hdr (the
 * virtio-net header, 10 bytes, little-endian fields), which carries
 * checksum offload and GSO between the host stack and the driver.
 *
 * A TAP of more than one queue (IFF_MULTI_QUEUE) has one tun fd a queue:
 * the host spreads the flows it sends over them and answers a flow on the
 * queue it last came in on, so a multi-queue driver maps its own queues
 * onto them one to one (modulo the count).
 */
struct uhost_tap;

struct uhost_vnet_hdr {
	uhost_u8 flags; /* UHOST_VNET_F_* */
	uhost_u8 gso_type; /* UHOST_VNET_GSO_* */
	uhost_u16 hdr_len; /* bytes of headers in a GSO frame */
	uhost_u16 gso_size; /* payload bytes per segment */
	uhost_u16 csum_start; /* checksum from here to the end ... */
	uhost_u16 csum_offset; /* ... stored at csum_start + csum_offset */
};

#define UHOST_VNET_F_NEEDS_CSUM 1
#define UHOST_VNET_F_DATA_VALID 2
#define UHOST_VNET_GSO_NONE 0
#define UHOST_VNET_GSO_TCPV4 1
#define UHOST_VNET_GSO_UDP 3
#define UHOST_VNET_GSO_TCPV6 4
#define UHOST_VNET_GSO_ECN 0x80

/* What the driver side can take from the host (TUNSETOFFLOAD). */
#define UHOST_TAP_OFFLOAD_CSUM (1u << 0)
#define UHOST_TAP_OFFLOAD_TSO4 (1u << 1)
#define UHOST_TAP_OFFLOAD_TSO6 (1u << 2)
#define UHOST_TAP_OFFLOAD_TSO_ECN (1u << 3)

/* The host's view of the interface (netlink). */
#define UHOST_TAP_UP (1u << 0) /* IFF_UP: the host wants the device open */
#define UHOST_TAP_PROMISC (1u << 1)
#define UHOST_TAP_ALLMULTI (1u << 2)

struct uhost_tap_view {
	uhost_u32 flags; /* UHOST_TAP_UP ... */
	uhost_u32 mtu;
	uhost_u8 mac[6];
	uhost_u8 reserved[2];
};

/*
 * name: the interface name, or a pattern such as "eth%d" that the host
 * numbers (NULL or "": "tap%d"); uhost_tap_name() gives the result, up to
 * 15 characters. queues: 1 (a plain TAP) to UHOST_TAP_MAX_QUEUES (a
 * multi-queue one). EPERM without CAP_NET_ADMIN, ENOENT without
 * /dev/net/tun, EEXIST when an interface of that name exists (never
 * attached to), EINVAL for a name the host refuses or a bad queue count.
 * The carrier starts off. May block.
 */
#define UHOST_TAP_MAX_QUEUES 16
int uhost_tap_open(const char *name, unsigned int queues, struct uhost_tap **tapp);
/* Removes the interface; no uhost_tap_wait() may be running. May block. */
void uhost_tap_close(struct uhost_tap *tap);
const char *uhost_tap_name(const struct uhost_tap *tap);
/*
 * 1 when uhost_tap_open() attached to the interface an earlier process of
 * this driver left (uldd supervise restarted it): the host's MTU, MAC and
 * flags on it are the ones to take, not to overwrite. Never blocks.
 */
int uhost_tap_adopted(const struct uhost_tap *tap);
/* The queue count uhost_tap_open() was given. */
unsigned int uhost_tap_queues(const struct uhost_tap *tap);

/*
 * Mirror the driver's state to the host. set_mtu: tun takes 68 to 65535.
 * set_offload: TSO needs CSUM, TSO_ECN needs TSO4 or TSO6. May block.
 */
int uhost_tap_set_carrier(struct uhost_tap *tap, int on);
int uhost_tap_set_mtu(struct uhost_tap *tap, unsigned int mtu);
int uhost_tap_set_mac(struct uhost_tap *tap, const uhost_u8 mac[6]);
int uhost_tap_set_offload(struct uhost_tap *tap, unsigned int offloads);

/* The host's current view. May block. */
int uhost_tap_link(struct uhost_tap *tap, struct uhost_tap_view *link);
/*
 * The link-layer multicast addresses the host joined on the interface,
 * 6 bytes each, up to max of them; *n counts them all. The host sends no
 * notification when this list changes: ask again now and then. May block.
 */
int uhost_tap_mc_list(struct uhost_tap *tap, uhost_u8 (*mac)[6], unsigned int max, unsigned int *n);

/*
 * Waits until one of the events in want happens: a frame can be read, the
 * host changed the link (flags, MTU, MAC: netlink; the driver's own set_*
 * calls count too), uhost_tap_kick() was called; or until timeout_ns
 * passed (0: no timeout). *events says which (several may be set; none on
 * a timeout, which returns 0). Leaving UHOST_TAP_EV_READ out of want lets
 * a waiter whose transmit queue is stopped sleep while frames are queued.
 * ENODEV once the host removed the interface. For the one thread that
 * serves the TAP. May block.
 */
#define UHOST_TAP_EV_READ (1u << 0)
#define UHOST_TAP_EV_LINK (1u << 1)
#define UHOST_TAP_EV_KICK (1u << 2)
int uhost_tap_wait(struct uhost_tap *tap, unsigned int want, uhost_u64 timeout_ns,
		   unsigned int *events);
/* Wakes the waiter with UHOST_TAP_EV_KICK. Never blocks; irq thread: yes. */
void uhost_tap_kick(struct uhost_tap *tap);

/*
 * One frame (vnet header first) from the host into buf: EAGAIN when none
 * is queued on any queue (no message set: it is no failure), EMSGSIZE
 * (frame dropped) when it does not fit, EINVAL when len cannot hold the
 * vnet header. *queue (unless NULL): the queue the frame came from; the
 * queues take turns. Never blocks. For the thread that serves the TAP,
 * which may run while another thread writes.
 */
int uhost_tap_read(struct uhost_tap *tap, void *buf, uhost_size len, uhost_size *got,
		   unsigned int *queue);
/*
 * One frame to the host on queue (modulo the queue count), gathered from n
 * pieces (vnet header first); up to UHOST_TAP_MAX_IOV pieces. EIO while the host has the interface down. Never
 * blocks; irq thread: yes; from any thread, also while another reads.
 */
#define UHOST_TAP_MAX_IOV 64
struct uhost_iovec {
	const void *base;
	uhost_size len;
};
int uhost_tap_write(struct uhost_tap *tap, unsigned int queue, const struct uhost_iovec *iov,
		    unsigned int n);

#endif /* ULDD_UHOST_TAP_H */
