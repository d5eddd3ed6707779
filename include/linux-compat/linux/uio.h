/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/uio.h - I/O vectors: user (iovec) and kernel (kvec) buffers, and
 * the iterator over them that the block layer maps into a request.
 *
 * Emulation notes: the shim makes no iterator of its own (io_uring's fixed
 * buffers, which would, are not there: linux/io_uring.h); drivers only
 * name the type.
 */
#ifndef _LINUX_UIO_H
#define _LINUX_UIO_H

#include <linux/compiler.h>
#include <linux/types.h>

struct bio_vec;

struct iovec {
	void __user *iov_base;
	size_t iov_len;
};

struct kvec {
	void *iov_base;
	size_t iov_len;
};

struct iov_iter {
	u8 iter_type;
	bool nofault;
	bool data_source;
	size_t iov_offset;
	size_t count;
	union {
		const struct iovec *iov;
		const struct kvec *kvec;
		const struct bio_vec *bvec;
	};
	unsigned long nr_segs;
};

static inline size_t iov_iter_count(const struct iov_iter *i)
{
	return i->count;
}

#endif /* _LINUX_UIO_H */
