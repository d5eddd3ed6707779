// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * file.c - whole files read into a malloc'd buffer, for the shim's
 * request_firmware(): open, fstat for the size, read until it is all there.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

static int read_all(int fd, const char *path, char *buf, size_t size)
{
	size_t done = 0;

	while (done < size) {
		ssize_t n = read(fd, buf + done, size - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return uh_fail(errno, "%s: cannot read: %s", path, strerror(errno));
		if (n == 0)
			return uh_fail(EIO, "%s: shrank while being read: try again", path);
		done += (size_t)n;
	}
	return 0;
}

int uhost_file_read(const char *path, void **data, uhost_size *size)
{
	struct stat st;
	char *buf;
	int fd, err;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return uh_fail(errno, "%s: cannot open: %s", path, strerror(errno));
	if (fstat(fd, &st) < 0) {
		err = uh_fail(errno, "%s: cannot stat: %s", path, strerror(errno));
		goto err_close;
	}
	if (!S_ISREG(st.st_mode)) {
		err = uh_fail(S_ISDIR(st.st_mode) ? EISDIR : EINVAL, "%s: not a regular file",
			      path);
		goto err_close;
	}
	/* One byte at least, so an empty file still gives a buffer to free. */
	buf = malloc(st.st_size ? (size_t)st.st_size : 1);
	if (!buf) {
		err = uh_fail(ENOMEM, "%s: no memory for its %lld bytes", path,
			      (long long)st.st_size);
		goto err_close;
	}
	err = read_all(fd, path, buf, (size_t)st.st_size);
	if (err) {
		free(buf);
		goto err_close;
	}
	close(fd);
	*data = buf;
	*size = (uhost_size)st.st_size;
	return 0;

err_close:
	close(fd);
	return err;
}

void uhost_file_free(void *data)
{
	free(data);
}
