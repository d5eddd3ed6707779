// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * vfio_irq.c - device interrupts as eventfds (VFIO_DEVICE_SET_IRQS). One
 * thread waits per vector; teardown makes a shared "stop" eventfd readable,
 * which wakes every waiter at once without closing the fds under them.
 */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "vfio.h"

static const char *const uh_irq_names[] = { "INTx", "MSI", "MSI-X" };

int uh_irq_init(struct uhost_dev *dev)
{
	dev->stop_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	if (dev->stop_fd < 0)
		return uh_fail(errno, "eventfd: %s", strerror(errno));
	return 0;
}

void uh_irq_fini(struct uhost_dev *dev)
{
	if (dev->irq_type >= 0)
		uhost_irq_disable(dev);
	for (unsigned int i = 0; i < dev->nvectors; i++)
		close(dev->vectors[i].fd);
	free(dev->vectors);
	dev->vectors = NULL;
	dev->nvectors = 0;
	if (dev->stop_fd >= 0)
		close(dev->stop_fd);
	dev->stop_fd = -1;
}

static void drain(int fd)
{
	uint64_t v;

	while (read(fd, &v, sizeof(v)) == sizeof(v))
		;
}

int uhost_irq_count(struct uhost_dev *dev, unsigned int type, unsigned int *count)
{
	struct vfio_irq_info info = { .argsz = sizeof(info), .index = type };

	if (type > UHOST_IRQ_MSIX)
		return uh_fail(EINVAL, "%s: unknown interrupt type %u", dev->name, type);
	*count = 0;
	if (type >= dev->num_irqs)
		return 0;
	if (ioctl(dev->fd, VFIO_DEVICE_GET_IRQ_INFO, &info))
		return uh_fail(errno, "%s: VFIO_DEVICE_GET_IRQ_INFO(%s): %s", dev->name,
			       uh_irq_names[type], strerror(errno));
	*count = info.count;
	return 0;
}

/* Vectors get their eventfds on first use and keep them until close. */
static int vectors_grow(struct uhost_dev *dev, unsigned int nvec)
{
	struct uh_vector *v;

	if (nvec <= dev->nvectors)
		return 0;
	v = realloc(dev->vectors, nvec * sizeof(*v));
	if (!v)
		return uh_fail(ENOMEM, "out of memory");
	dev->vectors = v;
	while (dev->nvectors < nvec) {
		int fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);

		if (fd < 0)
			return uh_fail(errno, "eventfd: %s", strerror(errno));
		dev->vectors[dev->nvectors++].fd = fd;
	}
	return 0;
}

static int set_irqs(struct uhost_dev *dev, unsigned int type, uint32_t flags, unsigned int start,
		    unsigned int count, const int *fds)
{
	size_t size = sizeof(struct vfio_irq_set) + (fds ? count * sizeof(int) : 0);
	struct vfio_irq_set *set = calloc(1, size);
	int err = 0;

	if (!set)
		return ENOMEM;
	set->argsz = (uint32_t)size;
	set->flags = flags;
	set->index = type;
	set->start = start;
	set->count = count;
	if (fds)
		memcpy(set->data, fds, count * sizeof(int));
	if (ioctl(dev->fd, VFIO_DEVICE_SET_IRQS, set))
		err = errno;
	free(set);
	return err;
}

int uhost_irq_enable(struct uhost_dev *dev, unsigned int type, unsigned int nvec)
{
	unsigned int avail;
	int *fds = NULL;
	int err;

	err = uhost_irq_count(dev, type, &avail);
	if (err)
		return err;
	if (nvec == 0 || nvec > avail)
		return uh_fail(EINVAL, "%s: asked for %u %s vectors, the device has %u", dev->name,
			       nvec, uh_irq_names[type], avail);
	pthread_mutex_lock(&dev->lock);
	if (dev->irq_type >= 0) {
		err = uh_fail(EBUSY, "%s: %s interrupts are already enabled", dev->name,
			      uh_irq_names[dev->irq_type]);
		goto out;
	}
	err = vectors_grow(dev, nvec);
	if (err)
		goto out;
	fds = calloc(nvec, sizeof(*fds));
	if (!fds) {
		err = uh_fail(ENOMEM, "out of memory");
		goto out;
	}
	for (unsigned int i = 0; i < nvec; i++) {
		drain(dev->vectors[i].fd);
		fds[i] = dev->vectors[i].fd;
	}
	drain(dev->stop_fd);
	err = set_irqs(dev, type, VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER, 0, nvec,
		       fds);
	if (err) {
		uh_fail(err, "%s: cannot route %u %s vectors to eventfds: %s", dev->name, nvec,
			uh_irq_names[type], strerror(err));
		goto out;
	}
	dev->irq_type = (int)type;
	dev->irq_nvec = nvec;
out:
	pthread_mutex_unlock(&dev->lock);
	free(fds);
	return err;
}

int uhost_irq_disable(struct uhost_dev *dev)
{
	uint64_t one = 1;
	int err = 0;

	pthread_mutex_lock(&dev->lock);
	if (dev->irq_type >= 0) {
		err = set_irqs(dev, (unsigned int)dev->irq_type,
			       VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_TRIGGER, 0, 0, NULL);
		if (err)
			uh_fail(err, "%s: cannot disable %s: %s", dev->name,
				uh_irq_names[dev->irq_type], strerror(err));
		dev->irq_type = -1;
		dev->irq_nvec = 0;
	}
	/* Readable until the next enable drains it: every waiter sees it. */
	if (write(dev->stop_fd, &one, sizeof(one)) != sizeof(one) && !err)
		err = uh_fail(errno, "%s: cannot wake interrupt waiters: %s", dev->name,
			      strerror(errno));
	pthread_mutex_unlock(&dev->lock);
	return err;
}

int uhost_irq_wait(struct uhost_dev *dev, unsigned int vec, uhost_u64 timeout_ns, uhost_u64 *count)
{
	struct pollfd pfd[2];
	int timeout_ms, n;

	if (vec >= dev->nvectors)
		return uh_fail(EINVAL, "%s: interrupt vector %u is not enabled", dev->name, vec);
	timeout_ms = timeout_ns ? (int)((timeout_ns + 999999) / 1000000) : -1;
	pfd[0].fd = dev->vectors[vec].fd;
	pfd[0].events = POLLIN;
	pfd[1].fd = dev->stop_fd;
	pfd[1].events = POLLIN;
	for (;;) {
		n = poll(pfd, 2, timeout_ms);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return uh_fail(errno, "%s: poll: %s", dev->name, strerror(errno));
		if (n == 0)
			return ETIMEDOUT;
		if (pfd[1].revents & POLLIN)
			return ECANCELED;
		if (read(pfd[0].fd, count, sizeof(*count)) == sizeof(*count))
			return 0;
		/* Another reader took it (EAGAIN): wait again. */
	}
}

static int intx_only(struct uhost_dev *dev, unsigned int vec, uint32_t action)
{
	int err;

	if (vec != 0)
		return uh_fail(EINVAL, "%s: INTx has one vector", dev->name);
	err = set_irqs(dev, VFIO_PCI_INTX_IRQ_INDEX, VFIO_IRQ_SET_DATA_NONE | action, 0, 1, NULL);
	if (err)
		return uh_fail(err, "%s: INTx %s: %s", dev->name,
			       action == VFIO_IRQ_SET_ACTION_UNMASK ? "unmask" : "mask",
			       strerror(err));
	return 0;
}

/*
 * VFIO masks INTx when it fires (level-triggered, possibly shared). MSI and
 * MSI-X are edge messages VFIO does not mask; callers mask in software.
 */
int uhost_irq_unmask(struct uhost_dev *dev, unsigned int vec)
{
	if (dev->irq_type != UHOST_IRQ_INTX)
		return 0;
	return intx_only(dev, vec, VFIO_IRQ_SET_ACTION_UNMASK);
}

int uhost_irq_mask(struct uhost_dev *dev, unsigned int vec)
{
	if (dev->irq_type != UHOST_IRQ_INTX)
		return uh_fail(ENOTSUP, "%s: only INTx can be masked through VFIO", dev->name);
	return intx_only(dev, vec, VFIO_IRQ_SET_ACTION_MASK);
}
