/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/stddef.h - NULL, false/true and offsetof. The compiler's own
 * <stddef.h> may be included too: NULL and offsetof are redefined here the
 * same way, so the order does not matter.
 */
#ifndef _LINUX_STDDEF_H
#define _LINUX_STDDEF_H

#undef NULL
#define NULL ((void *)0)

/* The kernel's bool constants are enumerators, not macros. */
enum {
	false = 0,
	true = 1,
};

#undef offsetof
#define offsetof(type, member) __builtin_offsetof(type, member)

/* The size of a member, and the offset of the byte just after it. */
#define sizeof_field(type, member) sizeof((((type *)0)->member))
#define offsetofend(type, member) (offsetof(type, member) + sizeof_field(type, member))

/*
 * Members that can be reached one by one and also as one struct named
 * NAME (to copy or clear them together), in the same bytes.
 */
#define __struct_group(TAG, NAME, ATTRS, MEMBERS...) \
	union {                                      \
		struct {                             \
			MEMBERS                      \
		} ATTRS;                             \
		struct TAG {                         \
			MEMBERS                      \
		} ATTRS NAME;                        \
	}
#define struct_group(NAME, MEMBERS...) __struct_group(/* no tag */, NAME, /* no attrs */, MEMBERS)
#define struct_group_attr(NAME, ATTRS, MEMBERS...) \
	__struct_group(/* no tag */, NAME, ATTRS, MEMBERS)
#define struct_group_tagged(TAG, NAME, MEMBERS...) \
	__struct_group(TAG, NAME, /* no attrs */, MEMBERS)

#endif /* _LINUX_STDDEF_H */
