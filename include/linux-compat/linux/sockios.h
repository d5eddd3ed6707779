/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* sockios.h - the MII ioctls drivers answer in ndo_eth_ioctl. */
#ifndef _LINUX_SOCKIOS_H
#define _LINUX_SOCKIOS_H

#define SIOCGMIIPHY 0x8947
#define SIOCGMIIREG 0x8948
#define SIOCSMIIREG 0x8949
#define SIOCDEVPRIVATE 0x89F0
#define SIOCSHWTSTAMP 0x89b0
#define SIOCGHWTSTAMP 0x89b1

#endif /* _LINUX_SOCKIOS_H */
