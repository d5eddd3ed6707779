// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * keep.c - what a driver process run by 'uldd supervise' tells its
 * supervisor (one line a fact, on an inherited pipe: "tap WANTED NAME" for
 * a TAP it made persistent, "dev ADDR" for a device it opened), and the
 * TAPs a restarted process takes back instead of making new ones. Off (no
 * pipe, nothing kept) in a plain 'uldd run'.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

#define KEEP_MAX 16 /* TAPs one process takes back */

static int report_fd = -1;
static struct {
	char wanted[UH_IFNAMSIZ]; /* what uhost_tap_open() was asked for */
	char name[UH_IFNAMSIZ]; /* what the host made of it */
	bool taken;
} keep[KEEP_MAX];
static unsigned int nkeep;

bool uh_keep_on(void)
{
	return report_fd >= 0;
}

/* "WANTED/NAME WANTED/NAME ...": '/' and blanks are in no interface name. */
int uh_keep_setup(int fd, const char *adopt)
{
	const char *p = adopt ? adopt : "";

	report_fd = fd;
	nkeep = 0;
	while (*p) {
		size_t len = strcspn(p, " ");
		const char *slash = memchr(p, '/', len);
		size_t wlen = slash ? (size_t)(slash - p) : 0, nlen = slash ? len - wlen - 1 : 0;

		if (slash && wlen < UH_IFNAMSIZ && nlen && nlen < UH_IFNAMSIZ && nkeep < KEEP_MAX) {
			memcpy(keep[nkeep].wanted, p, wlen);
			keep[nkeep].wanted[wlen] = '\0';
			memcpy(keep[nkeep].name, slash + 1, nlen);
			keep[nkeep].name[nlen] = '\0';
			keep[nkeep].taken = false;
			nkeep++;
		} else if (len) {
			return uh_fail(EINVAL, "ULDD_SUPERVISOR_TAPS: '%.*s' is not WANTED/NAME",
				       (int)len, p);
		}
		p += len;
		p += strspn(p, " ");
	}
	return 0;
}

const char *uh_keep_adopt(const char *wanted)
{
	for (unsigned int i = 0; i < nkeep; i++) {
		if (!keep[i].taken && !strcmp(keep[i].wanted, wanted)) {
			keep[i].taken = true;
			return keep[i].name;
		}
	}
	return NULL;
}

void uh_keep_report(const char *fmt, ...)
{
	char line[256];
	va_list ap;
	int n;

	if (report_fd < 0)
		return;
	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line) - 1, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(line) - 1)
		return;
	line[n++] = '\n';
	/* One write under PIPE_BUF: lines from several threads never mix. */
	if (write(report_fd, line, (size_t)n) < 0)
		return;
}
