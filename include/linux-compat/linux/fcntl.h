/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/fcntl.h - open() flags. Old network drivers include it out of
 * habit (the 8390 library does) and use none of it; the flags a driver
 * might test in a file's f_flags are here with their x86-64 values.
 */
#ifndef _LINUX_FCNTL_H
#define _LINUX_FCNTL_H

#define O_ACCMODE 00000003
#define O_RDONLY 00000000
#define O_WRONLY 00000001
#define O_RDWR 00000002
#define O_CREAT 00000100
#define O_EXCL 00000200
#define O_NOCTTY 00000400
#define O_TRUNC 00001000
#define O_APPEND 00002000
#define O_NONBLOCK 00004000

#endif /* _LINUX_FCNTL_H */
