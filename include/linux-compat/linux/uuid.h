/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/uuid.h - 128-bit UUIDs (RFC 4122 byte order, uuid_t) and GUIDs
 * (guid_t), compared and copied as 16 bytes.
 */
#ifndef _LINUX_UUID_H
#define _LINUX_UUID_H

#include <linux/string.h>
#include <linux/types.h>

#define UUID_SIZE 16

typedef struct {
	__u8 b[UUID_SIZE];
} uuid_t;

typedef struct {
	__u8 b[UUID_SIZE];
} guid_t;

static inline bool uuid_equal(const uuid_t *u1, const uuid_t *u2)
{
	return memcmp(u1, u2, sizeof(uuid_t)) == 0;
}

static inline void uuid_copy(uuid_t *dst, const uuid_t *src)
{
	memcpy(dst, src, sizeof(uuid_t));
}

static inline bool uuid_is_null(const uuid_t *uuid)
{
	static const uuid_t zero;

	return uuid_equal(uuid, &zero);
}

static inline bool guid_equal(const guid_t *u1, const guid_t *u2)
{
	return memcmp(u1, u2, sizeof(guid_t)) == 0;
}

static inline void guid_copy(guid_t *dst, const guid_t *src)
{
	memcpy(dst, src, sizeof(guid_t));
}

static inline bool guid_is_null(const guid_t *guid)
{
	static const guid_t zero;

	return guid_equal(guid, &zero);
}

#endif /* _LINUX_UUID_H */
