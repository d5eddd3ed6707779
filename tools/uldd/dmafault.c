// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * dmafault.c - the watcher of dmafault.h. The kernel log is opened
 * non-blocking and polled, so stopping never waits for a record that
 * may not come; a record is one read(). Seccomp allows what the thread
 * does after the drop: poll, read, the shim's entry.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../shim/entry.h"
#include "dmafault.h"

/* A kernel log record is at most about 1 KiB of text. */
#define KMSG_RECORD 2048
#define KMSG_POLL_MS 100

static struct {
	int fd;
	bool running;
	bool stop; /* guarded by the atomics below, read by the thread */
	pthread_t thread;
} dmafault = { .fd = -1 };

int tool_dmafault_parse(const char *line, char bdf[16], uint64_t *addr, int *write)
{
	const char *p = strstr(line, "DMAR: [DMA ");
	const char *dev, *end, *fa;
	char *stop;

	if (!p)
		return 0;
	p += strlen("DMAR: [DMA ");
	if (!strncmp(p, "Write", 5))
		*write = 1;
	else if (!strncmp(p, "Read", 4))
		*write = 0;
	else
		return 0;
	dev = strstr(p, "Request device [");
	if (!dev)
		return 0;
	dev += strlen("Request device [");
	end = strchr(dev, ']');
	if (!end || end == dev || end - dev >= 16)
		return 0;
	fa = strstr(end, "fault addr ");
	if (!fa)
		return 0;
	errno = 0;
	*addr = strtoull(fa + strlen("fault addr "), &stop, 16);
	if (errno || stop == fa + strlen("fault addr "))
		return 0;
	memcpy(bdf, dev, (size_t)(end - dev));
	bdf[end - dev] = '\0';
	return 1;
}

/* Every record readable now; false once the log is gone. */
static bool dmafault_drain(void)
{
	char rec[KMSG_RECORD + 1];

	for (;;) {
		ssize_t n = read(dmafault.fd, rec, KMSG_RECORD);
		const char *text;
		uint64_t addr;
		char bdf[16];
		int write;

		if (n < 0 && errno == EPIPE)
			continue; /* records overwritten before we read them: go on */
		if (n < 0)
			return errno == EAGAIN || errno == EINTR;
		if (n == 0)
			return false;
		rec[n] = '\0';
		/* "prio,seq,usec,flags;text": the text follows the first ';'. */
		text = strchr(rec, ';');
		if (!text || !tool_dmafault_parse(text + 1, bdf, &addr, &write))
			continue;
		uldd_k_uldd_enter("dma-strict");
		uldd_k_uldd_dma_strict_fault(bdf, addr, write);
		uldd_k_uldd_exit();
	}
}

static void *dmafault_thread(void *arg)
{
	struct pollfd pfd = { .fd = dmafault.fd, .events = POLLIN };

	(void)arg;
	while (!__atomic_load_n(&dmafault.stop, __ATOMIC_ACQUIRE)) {
		if (poll(&pfd, 1, KMSG_POLL_MS) > 0 && !dmafault_drain())
			break;
	}
	return NULL;
}

void tool_dmafault_open(void)
{
	dmafault.fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (dmafault.fd < 0) {
		fprintf(stderr,
			"uldd: --debug=dma-strict: cannot read the kernel log (/dev/kmsg: %s): IOMMU faults will not be reported\n",
			strerror(errno));
		return;
	}
	/* Only faults from now on are this run's. */
	lseek(dmafault.fd, 0, SEEK_END);
}

void tool_dmafault_start(void)
{
	if (dmafault.fd < 0)
		return;
	if (pthread_create(&dmafault.thread, NULL, dmafault_thread, NULL)) {
		fprintf(stderr, "uldd: --debug=dma-strict: cannot start the fault watcher\n");
		return;
	}
	dmafault.running = true;
}

void tool_dmafault_stop(void)
{
	if (!dmafault.running)
		return;
	__atomic_store_n(&dmafault.stop, true, __ATOMIC_RELEASE);
	pthread_join(dmafault.thread, NULL);
	dmafault.running = false;
	/* A fault the guest logged as the driver stopped. */
	dmafault_drain();
	close(dmafault.fd);
	dmafault.fd = -1;
}
