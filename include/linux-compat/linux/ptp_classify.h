/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/ptp_classify.h - IEEE 1588 (PTP) message constants drivers use to
 * recognise PTP traffic: the UDP event port and the message types.
 */
#ifndef _LINUX_PTP_CLASSIFY_H
#define _LINUX_PTP_CLASSIFY_H

#define PTP_EV_PORT 319
#define PTP_GEN_PORT 320

#define PTP_MSGTYPE_SYNC 0x0
#define PTP_MSGTYPE_DELAY_REQ 0x1
#define PTP_MSGTYPE_PDELAY_REQ 0x2
#define PTP_MSGTYPE_PDELAY_RESP 0x3

#endif /* _LINUX_PTP_CLASSIFY_H */
