// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * fake_tap.c - the door's uhost_tap_* calls without /dev/net/tun, for tests
 * that must see what the shim writes to the host (fake_tap.h). Defines
 * every call of tap.o, which a test linking this one leaves out. Its one
 * interface has as many queues as the last uhost_tap_open() asked for.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "fake_tap.h"
#include "internal.h"

struct uhost_tap {
	const char *name;
	unsigned int queues;
};

static struct uhost_tap fake_tap_dev = { "fake0", 1 };
static pthread_mutex_t fake_tap_lock = PTHREAD_MUTEX_INITIALIZER;
static struct {
	unsigned char *data;
	size_t len;
	unsigned int queue;
} fake_frames[FAKE_TAP_FRAMES];
static unsigned int fake_count;

void fake_tap_reset(void)
{
	pthread_mutex_lock(&fake_tap_lock);
	for (unsigned int i = 0; i < fake_count; i++)
		free(fake_frames[i].data);
	fake_count = 0;
	pthread_mutex_unlock(&fake_tap_lock);
}

unsigned int fake_tap_count(void)
{
	unsigned int n;

	pthread_mutex_lock(&fake_tap_lock);
	n = fake_count;
	pthread_mutex_unlock(&fake_tap_lock);
	return n;
}

const unsigned char *fake_tap_frame(unsigned int i, size_t *len)
{
	const unsigned char *p = NULL;

	pthread_mutex_lock(&fake_tap_lock);
	if (i < fake_count) {
		p = fake_frames[i].data;
		*len = fake_frames[i].len;
	}
	pthread_mutex_unlock(&fake_tap_lock);
	return p;
}

unsigned int fake_tap_queue(unsigned int i)
{
	unsigned int q = ~0u;

	pthread_mutex_lock(&fake_tap_lock);
	if (i < fake_count)
		q = fake_frames[i].queue;
	pthread_mutex_unlock(&fake_tap_lock);
	return q;
}

int uhost_tap_write(struct uhost_tap *tap, unsigned int queue, const struct uhost_iovec *iov,
		    unsigned int n)
{
	unsigned char *p;
	size_t len = 0;

	if (n == 0 || n > UHOST_TAP_MAX_IOV)
		return uh_fail(EINVAL, "fake TAP: a frame takes 1 to %d pieces, not %u",
			       UHOST_TAP_MAX_IOV, n);
	for (unsigned int i = 0; i < n; i++)
		len += iov[i].len;
	p = malloc(len ? len : 1);
	if (!p)
		return uh_fail(ENOMEM, "fake TAP: no memory for a %zu-byte frame", len);
	len = 0;
	for (unsigned int i = 0; i < n; i++) {
		memcpy(p + len, iov[i].base, iov[i].len);
		len += iov[i].len;
	}
	pthread_mutex_lock(&fake_tap_lock);
	if (fake_count == FAKE_TAP_FRAMES) {
		pthread_mutex_unlock(&fake_tap_lock);
		free(p);
		return uh_fail(ENOBUFS, "fake TAP: more than %d frames written", FAKE_TAP_FRAMES);
	}
	fake_frames[fake_count].data = p;
	fake_frames[fake_count].queue = queue % tap->queues;
	fake_frames[fake_count++].len = len;
	pthread_mutex_unlock(&fake_tap_lock);
	return 0;
}

int uhost_tap_open(const char *name, unsigned int queues, struct uhost_tap **tapp)
{
	(void)name;
	if (queues == 0 || queues > UHOST_TAP_MAX_QUEUES)
		return uh_fail(EINVAL, "fake TAP: 1 to %d queues, not %u", UHOST_TAP_MAX_QUEUES,
			       queues);
	fake_tap_dev.queues = queues;
	*tapp = &fake_tap_dev;
	return 0;
}

void uhost_tap_close(struct uhost_tap *tap)
{
	(void)tap;
}

const char *uhost_tap_name(const struct uhost_tap *tap)
{
	return tap->name;
}

/* The fake never outlives a test: nothing is adopted. */
int uhost_tap_adopted(const struct uhost_tap *tap)
{
	(void)tap;
	return 0;
}

int uhost_tap_ifindex(const struct uhost_tap *tap)
{
	(void)tap;
	return 1;
}

unsigned int uhost_tap_queues(const struct uhost_tap *tap)
{
	return tap->queues;
}

int uhost_tap_set_carrier(struct uhost_tap *tap, int on)
{
	(void)tap, (void)on;
	return 0;
}

int uhost_tap_set_mtu(struct uhost_tap *tap, unsigned int mtu)
{
	(void)tap, (void)mtu;
	return 0;
}

int uhost_tap_set_mac(struct uhost_tap *tap, const uhost_u8 mac[6])
{
	(void)tap, (void)mac;
	return 0;
}

int uhost_tap_set_offload(struct uhost_tap *tap, unsigned int offloads)
{
	(void)tap, (void)offloads;
	return 0;
}

/* A host that never changes the interface: nothing to report. */
int uhost_tap_link(struct uhost_tap *tap, struct uhost_tap_view *link)
{
	(void)tap, (void)link;
	return uh_fail(ENODEV, "fake TAP: no host view");
}

int uhost_tap_mc_list(struct uhost_tap *tap, uhost_u8 (*mac)[6], unsigned int max, unsigned int *n)
{
	(void)tap, (void)mac, (void)max;
	*n = 0;
	return 0;
}

int uhost_tap_wait(struct uhost_tap *tap, unsigned int want, uhost_u64 timeout_ns,
		   unsigned int *events)
{
	(void)tap, (void)want, (void)timeout_ns;
	*events = 0;
	return uh_fail(ENODEV, "fake TAP: no frames or events from a host");
}

void uhost_tap_kick(struct uhost_tap *tap)
{
	(void)tap;
}

int uhost_tap_read(struct uhost_tap *tap, void *buf, uhost_size len, uhost_size *got,
		   unsigned int *queue)
{
	(void)queue;
	(void)tap, (void)buf, (void)len;
	*got = 0;
	return EAGAIN;
}
