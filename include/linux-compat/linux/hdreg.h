/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/hdreg.h - the disk geometry a block driver's getgeo reports
 * (HDIO_GETGEO's structure in Linux's user API).
 */
#ifndef _LINUX_HDREG_H
#define _LINUX_HDREG_H

struct hd_geometry {
	unsigned char heads;
	unsigned char sectors;
	unsigned short cylinders;
	unsigned long start;
};

#define HDIO_GETGEO 0x0301

#endif /* _LINUX_HDREG_H */
