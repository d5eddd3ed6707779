// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * fake_irq.c - the door's uhost_irq_* calls over a mutex and a condition
 * variable instead of VFIO and eventfds, so the shim's interrupt threads
 * can be driven by a test. Linked before libuhost.a and defining every
 * symbol of vfio_irq.o, so that member is never pulled from the archive,
 * even when the shim's other door calls pull vfio_device.o.
 */
#include <errno.h>
#include <pthread.h>
#include <time.h>

#include "fake_irq.h"
#include "host.h"

/* vfio_irq.o's hooks for uhost_dev_open/close (kernel/vfio.h). */
int uh_irq_init(struct uhost_dev *dev);
void uh_irq_fini(struct uhost_dev *dev);

struct uhost_dev {
	int type; /* routed type, -1: none */
	unsigned int nvec; /* vectors routed */
	unsigned int avail; /* vectors the device has */
	struct fake_vec {
		uint64_t count; /* fires not yet taken by a wait */
		int masked; /* INTx: fired, not yet unmasked */
		int asserted; /* INTx: the level is up until fake_irq_ack() */
		unsigned long unmasks;
		uint64_t fire_ns;
	} vec[FAKE_IRQ_NVEC];
};

static pthread_mutex_t fake_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t fake_cond = PTHREAD_COND_INITIALIZER;
static struct uhost_dev fake_dev = { .type = -1 };
static void (*fake_unmask_hook)(unsigned int vec);

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

struct uhost_dev *fake_irq_dev(void)
{
	return &fake_dev;
}

void fake_irq_reset(unsigned int nvec)
{
	pthread_mutex_lock(&fake_lock);
	for (unsigned int i = 0; i < FAKE_IRQ_NVEC; i++)
		fake_dev.vec[i] = (struct fake_vec){ 0 };
	fake_dev.avail = nvec;
	fake_unmask_hook = NULL;
	pthread_mutex_unlock(&fake_lock);
}

/* With fake_lock. */
static void deliver(struct fake_vec *v)
{
	v->count++;
	if (fake_dev.type == UHOST_IRQ_INTX)
		v->masked = 1;
	pthread_cond_broadcast(&fake_cond);
}

void fake_irq_fire(unsigned int vec)
{
	struct fake_vec *v = &fake_dev.vec[vec];

	pthread_mutex_lock(&fake_lock);
	v->fire_ns = now_ns();
	if (fake_dev.type == UHOST_IRQ_INTX)
		v->asserted = 1;
	if (fake_dev.type >= 0 && vec < fake_dev.nvec && !v->masked)
		deliver(v);
	pthread_mutex_unlock(&fake_lock);
}

void fake_irq_ack(unsigned int vec)
{
	pthread_mutex_lock(&fake_lock);
	fake_dev.vec[vec].asserted = 0;
	pthread_mutex_unlock(&fake_lock);
}

uint64_t fake_irq_fire_ns(unsigned int vec)
{
	uint64_t t;

	pthread_mutex_lock(&fake_lock);
	t = fake_dev.vec[vec].fire_ns;
	pthread_mutex_unlock(&fake_lock);
	return t;
}

unsigned long fake_irq_unmasks(unsigned int vec)
{
	unsigned long n;

	pthread_mutex_lock(&fake_lock);
	n = fake_dev.vec[vec].unmasks;
	pthread_mutex_unlock(&fake_lock);
	return n;
}

int fake_irq_type(void)
{
	int t;

	pthread_mutex_lock(&fake_lock);
	t = fake_dev.type;
	pthread_mutex_unlock(&fake_lock);
	return t;
}

void fake_irq_set_unmask_hook(void (*hook)(unsigned int vec))
{
	pthread_mutex_lock(&fake_lock);
	fake_unmask_hook = hook;
	pthread_mutex_unlock(&fake_lock);
}

/* No real device opens with the fake's interrupts in place. */
int uh_irq_init(struct uhost_dev *dev)
{
	(void)dev;
	return EOPNOTSUPP;
}

void uh_irq_fini(struct uhost_dev *dev)
{
	(void)dev;
}

int uhost_irq_count(struct uhost_dev *dev, unsigned int type, unsigned int *count)
{
	*count = type <= UHOST_IRQ_MSIX ? dev->avail : 0;
	return 0;
}

int uhost_irq_enable(struct uhost_dev *dev, unsigned int type, unsigned int nvec)
{
	int err = 0;

	pthread_mutex_lock(&fake_lock);
	if (dev->type >= 0)
		err = EBUSY;
	else if (nvec == 0 || nvec > dev->avail || type > UHOST_IRQ_MSIX)
		err = EINVAL;
	if (!err) {
		dev->type = (int)type;
		dev->nvec = nvec;
		for (unsigned int i = 0; i < nvec; i++)
			dev->vec[i].count = dev->vec[i].masked = dev->vec[i].asserted = 0;
	}
	pthread_mutex_unlock(&fake_lock);
	return err;
}

int uhost_irq_disable(struct uhost_dev *dev)
{
	pthread_mutex_lock(&fake_lock);
	dev->type = -1;
	dev->nvec = 0;
	pthread_cond_broadcast(&fake_cond);
	pthread_mutex_unlock(&fake_lock);
	return 0;
}

int uhost_irq_wait(struct uhost_dev *dev, unsigned int vec, uhost_u64 timeout_ns, uhost_u64 *count)
{
	int err = 0;

	(void)timeout_ns;
	if (vec >= FAKE_IRQ_NVEC)
		return EINVAL;
	pthread_mutex_lock(&fake_lock);
	/* As VFIO's stop eventfd: disabled means ECANCELED until the next enable. */
	while (!dev->vec[vec].count && dev->type >= 0)
		pthread_cond_wait(&fake_cond, &fake_lock);
	if (dev->type < 0) {
		err = ECANCELED;
	} else {
		*count = dev->vec[vec].count;
		dev->vec[vec].count = 0;
	}
	pthread_mutex_unlock(&fake_lock);
	return err;
}

int uhost_irq_unmask(struct uhost_dev *dev, unsigned int vec)
{
	struct fake_vec *v = &dev->vec[vec];

	pthread_mutex_lock(&fake_lock);
	if (fake_unmask_hook)
		fake_unmask_hook(vec);
	v->unmasks++;
	v->masked = 0;
	if (v->asserted)
		deliver(v);
	pthread_mutex_unlock(&fake_lock);
	return 0;
}

int uhost_irq_mask(struct uhost_dev *dev, unsigned int vec)
{
	pthread_mutex_lock(&fake_lock);
	dev->vec[vec].masked = 1;
	pthread_mutex_unlock(&fake_lock);
	return 0;
}
