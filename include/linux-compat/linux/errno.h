/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/errno.h - the error numbers, plus the kernel-internal ones (512 and
 * up) that never reach user space in Linux: a driver returns them to the
 * kernel, which retries (EPROBE_DEFER) or converts them.
 *
 * Emulation notes: in uldd the internal numbers stay inside the driver
 * process; the shim handles EPROBE_DEFER itself and never passes 512+ to
 * the door (uhost.h speaks host errno values only).
 */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

#include <asm-generic/errno.h>

#define ERESTARTSYS 512
#define ERESTARTNOINTR 513
#define ERESTARTNOHAND 514
#define ENOIOCTLCMD 515
#define ERESTART_RESTARTBLOCK 516
#define EPROBE_DEFER 517
#define EOPENSTALE 518
#define ENOPARAM 519

/* NFS protocol errors, also used by some drivers. */
#define EBADHANDLE 521
#define ENOTSYNC 522
#define EBADCOOKIE 523
#define ENOTSUPP 524
#define ETOOSMALL 525
#define ESERVERFAULT 526
#define EBADTYPE 527
#define EJUKEBOX 528
#define EIOCBQUEUED 529
#define ERECALLCONFLICT 530
#define ENOGRACE 531

#endif /* _LINUX_ERRNO_H */
