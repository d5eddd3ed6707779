/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/nvme-auth.h - the NVMe in-band authentication library
 * (DH-HMAC-CHAP, drivers/nvme/common), which nvme-core includes whether or
 * not it authenticates. uldd builds nvme-core without it (CONFIG_NVME_AUTH
 * off: authentication is for fabrics), and its nvme.h then has stubs of
 * its own for every call: this header has nothing to give.
 */
#ifndef _LINUX_NVME_AUTH_H
#define _LINUX_NVME_AUTH_H

#endif /* _LINUX_NVME_AUTH_H */
