// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * file.c - whole files read into a malloc'd buffer, for the shim's
 * request_firmware(), confined to one directory: the name is checked, the
 * file opened beneath the directory so no symlink leads out, non-blocking
 * so a FIFO cannot hang the driver, and only a regular file of at most
 * UHOST_FILE_MAX bytes is read.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/openat2.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "internal.h"

#define UH_FILE_FLAGS (O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)

static bool uh_file_no_openat2;

void uh_file_set_fallback(bool on)
{
	uh_file_no_openat2 = on;
}

bool uh_file_name_ok(const char *name)
{
	const char *p = name;

	if (!name || !*name || *name == '/')
		return false;
	/* Each component: the text up to the next '/' or the end. */
	while (*p) {
		size_t len = strcspn(p, "/");

		if (len == 2 && p[0] == '.' && p[1] == '.')
			return false;
		p += len;
		p += *p == '/';
	}
	return true;
}

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

/* The kernel resolves name beneath dfd and refuses (EXDEV) any step out. */
static int open_beneath(int dfd, const char *name)
{
	struct open_how how = {
		.flags = UH_FILE_FLAGS,
		.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS,
	};

	if (uh_file_no_openat2) {
		errno = ENOSYS;
		return -1;
	}
	return (int)syscall(SYS_openat2, dfd, name, &how, sizeof(how));
}

/*
 * Without openat2 (Linux before 5.6, or a seccomp filter that hides it),
 * and for absolute symlinks, which RESOLVE_BENEATH refuses even when they
 * point inside: resolve the path, check it lies beneath the directory's own
 * resolved path, and open that symlink-free path with O_NOFOLLOW. Only
 * someone who can write inside the directory could swap a component
 * between the check and the open.
 */
static int open_resolved(const char *dir, const char *path)
{
	char *realdir = realpath(dir, NULL), *real = NULL;
	size_t len;
	int fd = -1, err = ENOMEM;

	if (!realdir) {
		err = errno;
		goto out;
	}
	real = realpath(path, NULL);
	if (!real) {
		err = errno;
		goto out;
	}
	len = strlen(realdir);
	/* "/lib/fw" must not match "/lib/fwx"; the directory itself is EISDIR later. */
	if (strncmp(real, realdir, len) || (len > 1 && real[len] && real[len] != '/')) {
		err = EXDEV;
		goto out;
	}
	fd = open(real, UH_FILE_FLAGS | O_NOFOLLOW);
	err = fd < 0 ? errno : 0;
out:
	free(realdir);
	free(real);
	errno = err;
	return fd;
}

/* The directory 'uldd run' opened as root before it dropped to its user. */
static struct {
	int fd; /* -1: none */
	char path[PATH_MAX];
} uh_held_dir = { -1, "" };

int uh_file_hold_dir(const char *dir)
{
	int fd;

	if (strlen(dir) >= sizeof(uh_held_dir.path))
		return uh_fail(ENAMETOOLONG, "%s: the path is too long", dir);
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return uh_fail(errno, "cannot open the directory %s: %s", dir, strerror(errno));
	if (uh_held_dir.fd >= 0)
		close(uh_held_dir.fd);
	uh_held_dir.fd = fd;
	memcpy(uh_held_dir.path, dir, strlen(dir) + 1);
	return 0;
}

static int open_confined(const char *dir, const char *name, const char *path)
{
	bool held = uh_held_dir.fd >= 0 && !strcmp(dir, uh_held_dir.path);
	int dfd, fd, err;

	dfd = held ? uh_held_dir.fd : open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		return -errno;
	fd = open_beneath(dfd, name);
	err = errno;
	if (!held)
		close(dfd);
	/* EPERM: what older container seccomp profiles answer for a newer call. */
	if (fd < 0 && (err == ENOSYS || err == EPERM || err == EXDEV)) {
		fd = open_resolved(dir, path);
		err = errno;
	}
	return fd < 0 ? -err : fd;
}

static const char *file_kind(mode_t mode)
{
	if (S_ISFIFO(mode))
		return "a FIFO";
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return "a device";
	if (S_ISSOCK(mode))
		return "a socket";
	return "not a regular file";
}

int uhost_file_read(const char *dir, const char *name, void **data, uhost_size *size)
{
	char path[PATH_MAX];
	struct stat st;
	char *buf;
	int fd, err, n;

	if (!uh_file_name_ok(name))
		return uh_fail(
			EINVAL,
			"file name '%s' is refused: give a relative path without '..' beneath %s",
			name ? name : "(null)", dir);
	n = snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (n < 0 || (size_t)n >= sizeof(path))
		return uh_fail(ENAMETOOLONG, "%s/%s: the path is too long", dir, name);
	fd = open_confined(dir, name, path);
	if (fd == -EXDEV)
		return uh_fail(EACCES, "%s leads outside %s (a symlink out of it): refused", path,
			       dir);
	if (fd < 0)
		return uh_fail(-fd, "%s: cannot open: %s", path, strerror(-fd));
	if (fstat(fd, &st) < 0) {
		err = uh_fail(errno, "%s: cannot stat: %s", path, strerror(errno));
		goto err_close;
	}
	if (!S_ISREG(st.st_mode)) {
		err = S_ISDIR(st.st_mode) ? uh_fail(EISDIR, "%s: a directory, not a file", path)
					  : uh_fail(EINVAL, "%s: %s, not a regular file: refused",
						    path, file_kind(st.st_mode));
		goto err_close;
	}
	if ((unsigned long long)st.st_size > UHOST_FILE_MAX) {
		err = uh_fail(EFBIG, "%s: %lld bytes, more than the %llu MiB a file may have", path,
			      (long long)st.st_size, UHOST_FILE_MAX >> 20);
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
