/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * uhost_vfio.h - the door for PCI devices: the host's PCI scan, VFIO
 * devices (regions, config space, port I/O, reset), their interrupts as
 * eventfds and DMA through the IOMMU. The core's conventions hold
 * (uhost.h): 0 or an errno, "may block" calls made by K-world only through
 * its wrapper layer. Every function here has a K-world caller.
 */
#ifndef ULDD_UHOST_VFIO_H
#define ULDD_UHOST_VFIO_H

#include "uhost.h"

/* Bumped whenever a declaration below changes; uhost_init() checks it. */
#define UHOST_VFIO_REV 2

struct uhost_dev;

/* A PCI function as sysfs describes it, for matching a driver's ID table. */
struct uhost_pci_info {
	char addr[16]; /* "DDDD:BB:DD.F" */
	uhost_u16 vendor, device, subvendor, subdevice;
	uhost_u32 class; /* base class, subclass, prog-if: 0xBBSSPP */
	uhost_u8 revision;
	uhost_u8 vfio; /* bound to vfio-pci */
	uhost_u8 reserved[2];
};

/*
 * Lists the PCI functions, up to max of them, in address order; *n counts
 * them all. May block.
 */
int uhost_pci_scan(struct uhost_pci_info *info, unsigned int max, unsigned int *n);

/*
 * PCI devices through VFIO. addr is "DDDD:BB:DD.F" or "BB:DD.F"; the device
 * must be bound to vfio-pci. May block.
 */
int uhost_dev_open(const char *addr, struct uhost_dev **devp);
/* All interrupt waiters must have returned; DMA mappings are removed. May block. */
void uhost_dev_close(struct uhost_dev *dev);
/* The canonical "DDDD:BB:DD.F" name. */
const char *uhost_dev_name(const struct uhost_dev *dev);

/* Region indices are VFIO's: BARs 0-5, then the ROM and config space. */
#define UHOST_REGION_BAR0 0
#define UHOST_REGION_ROM 6
#define UHOST_REGION_CONFIG 7
#define UHOST_REGION_READ (1u << 0)
#define UHOST_REGION_WRITE (1u << 1)
#define UHOST_REGION_MMAP (1u << 2) /* uhost_dev_region_map() works */
#define UHOST_REGION_IO (1u << 3) /* an I/O-port BAR */
#define UHOST_REGION_64 (1u << 4) /* a 64-bit memory BAR */

struct uhost_region {
	uhost_u64 size; /* 0: the region is not implemented */
	uhost_u32 flags;
	uhost_u32 reserved;
};

int uhost_dev_region(struct uhost_dev *dev, unsigned int idx, struct uhost_region *info);

/*
 * Accesses of exactly len bytes (1, 2, 4 or 8) at off, as one device
 * access; for I/O-port BARs and regions that cannot be mapped. Each is a
 * system call. irq thread: yes.
 */
int uhost_dev_region_read(struct uhost_dev *dev, unsigned int idx, uhost_u64 off, void *buf,
			  uhost_size len);
int uhost_dev_region_write(struct uhost_dev *dev, unsigned int idx, uhost_u64 off, const void *buf,
			   uhost_size len);
/*
 * Direct port I/O for I/O-port BARs, without a system call per access.
 * uhost_dev_region_ports(): the host port number where BAR idx starts
 * (VFIO does not say; the device's sysfs "resource" file does); the BAR
 * spans the region's size from there. ENOENT when idx is not an assigned
 * I/O BAR below port 65536.
 * uhost_ioperm(): ioperm(2), lets the CALLING THREAD run in/out on ports
 * [base, base + len) (on != 0), or takes that back. The bits are per thread,
 * inherited only by threads created later, so each thread asks for itself;
 * they survive fork and execve, so a child uldd runs must drop them first.
 * EPERM without CAP_SYS_RAWIO; ENOTSUP off x86, or when ULDD_PORTIO=vfio
 * keeps port I/O on VFIO's path. The IOMMU does not guard port I/O: grant
 * only a BAR of the process's own device. 'uldd run' grants its devices'
 * ports on the main thread before it drops root and before any thread
 * starts; a call for those ports then succeeds without a system call, and
 * off leaves them granted. irq thread: yes.
 */
int uhost_dev_region_ports(struct uhost_dev *dev, unsigned int idx, uhost_u32 *base);
int uhost_ioperm(uhost_u32 base, uhost_u32 len, int on);
/* Config space; len up to the 4 KiB of PCIe config space. irq thread: yes. */
int uhost_dev_cfg_read(struct uhost_dev *dev, uhost_u32 off, void *buf, uhost_size len);
int uhost_dev_cfg_write(struct uhost_dev *dev, uhost_u32 off, const void *buf, uhost_size len);

/*
 * Maps a whole memory BAR once; later calls return the same address. Parts
 * that VFIO does not let a process map (an MSI-X table) stay inaccessible.
 */
int uhost_dev_region_map(struct uhost_dev *dev, unsigned int idx, void **va);

/* VFIO_DEVICE_RESET: a function-level or similar reset. May block. */
int uhost_dev_reset(struct uhost_dev *dev);

/*
 * Interrupts as eventfds. Types are VFIO's indices. A vector's eventfd stays
 * open for the device's life, so a waiter never races its closing.
 */
#define UHOST_IRQ_INTX 0
#define UHOST_IRQ_MSI 1
#define UHOST_IRQ_MSIX 2

int uhost_irq_count(struct uhost_dev *dev, unsigned int type, unsigned int *count);
/* Routes vectors 0..nvec-1 of type to eventfds; one type at a time. */
int uhost_irq_enable(struct uhost_dev *dev, unsigned int type, unsigned int nvec);
/* Detaches the eventfds and wakes every waiter with ECANCELED. */
int uhost_irq_disable(struct uhost_dev *dev);
/*
 * Waits for vector vec to fire; count is the number of interrupts since the
 * last wait. With timeout_ns 0 it waits forever, else ETIMEDOUT. May block;
 * made for the one thread that serves this vector.
 */
int uhost_irq_wait(struct uhost_dev *dev, unsigned int vec, uhost_u64 timeout_ns, uhost_u64 *count);
/* INTx is masked by VFIO when it fires; unmask once the handler ran. */
int uhost_irq_unmask(struct uhost_dev *dev, unsigned int vec);

/*
 * DMA through the IOMMU. The IOVA equals va when that fits under dma_mask
 * and inside the IOMMU's aperture; else an IOVA below dma_mask is taken from
 * the process's IOVA allocator. Mappings are shared by every device of the
 * process (one VFIO container or iommufd IOAS). May block: the kernel pins
 * the pages.
 */
int uhost_dma_map(struct uhost_dev *dev, void *va, uhost_size len, uhost_u64 dma_mask,
		  uhost_u64 *iova);
/* May block: the kernel unpins the pages. */
int uhost_dma_unmap(struct uhost_dev *dev, uhost_u64 iova, uhost_size len);

/*
 * --debug=dma-strict: a mapping of the pages holding [va, va + len) of its
 * own, at an IOVA below dma_mask taken from the IOVA allocator, never va:
 * a page mapped twice gets two IOVAs, and a device reaches nothing but
 * what is mapped. *iova keeps va's offset in its page; the span's IOVA is
 * aligned to its size rounded up to a power of two (1 GiB at most), as
 * coherent memory must be. Unmapping removes the IOMMU entry at once but
 * keeps the IOVA from reuse for a while, so a device's late access to it
 * faults rather than reaching a newer mapping. A system call each, pinning
 * or unpinning a few pages; not "may block": callable in atomic context,
 * and a caller that may sleep lends its vCPU out around it itself.
 */
int uhost_dma_map_iova(struct uhost_dev *dev, void *va, uhost_size len, uhost_u64 dma_mask,
		       uhost_u64 *iova);
int uhost_dma_unmap_iova(struct uhost_dev *dev, uhost_u64 iova, uhost_size len);

#endif /* ULDD_UHOST_VFIO_H */
