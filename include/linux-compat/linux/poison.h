/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/poison.h - values written into freed or unlinked objects so that a
 * later use faults or is recognised. The list poisons are non-canonical
 * addresses on x86-64: dereferencing one raises SIGSEGV (a general
 * protection fault) in the driver process.
 */
#ifndef _LINUX_POISON_H
#define _LINUX_POISON_H

/* Linux x86-64's CONFIG_ILLEGAL_POINTER_VALUE: makes small poisons non-canonical. */
#define POISON_POINTER_DELTA 0xdead000000000000UL

/* What list_del (hlist_del) leaves in an entry's next and prev (pprev). */
#define LIST_POISON1 ((void *)(0x100 + POISON_POINTER_DELTA))
#define LIST_POISON2 ((void *)(0x122 + POISON_POINTER_DELTA))

#endif /* _LINUX_POISON_H */
