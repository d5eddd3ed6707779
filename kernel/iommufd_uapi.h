/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * iommufd_uapi.h - the few iommufd (Linux 6.2+) and VFIO device cdev (Linux
 * 6.6+) ioctls that vfio_iommufd.c uses, declared here from the documented
 * UAPI (Documentation/userspace-api/iommufd.rst, driver-api/vfio.rst) for
 * build hosts whose headers predate them. Newer system headers win. H-world.
 */
#ifndef ULDD_KERNEL_IOMMUFD_UAPI_H
#define ULDD_KERNEL_IOMMUFD_UAPI_H

#include <assert.h>
#include <stddef.h>
#include <linux/ioctl.h>
#include <linux/types.h>
#include <linux/vfio.h>

/* The system's header where it has one (GCC 5+ and clang know __has_include). */
#ifdef __has_include
/* cppcheck-suppress preprocessorErrorDirective ; it cannot evaluate __has_include */
#if __has_include(<linux/iommufd.h>)
#include <linux/iommufd.h>
#endif
#endif

/*
 * linux/iommufd.h. Every command is _IO(';', 0x80 + n) and takes a struct
 * whose first u32 is its size, so the kernel can tell old callers from new
 * ones; space the kernel does not know must be zero.
 */
#ifndef IOMMU_IOAS_ALLOC
#define IOMMUFD_TYPE (';')
#define IOMMUFD_CMD_IOAS_ALLOC 0x81
#define IOMMUFD_CMD_IOAS_IOVA_RANGES 0x84
#define IOMMUFD_CMD_IOAS_MAP 0x85
#define IOMMUFD_CMD_IOAS_UNMAP 0x86

/* An I/O address space: IOVA -> process memory, shared by attached devices. */
struct iommu_ioas_alloc {
	__u32 size;
	__u32 flags; /* 0 */
	__u32 out_ioas_id;
};
#define IOMMU_IOAS_ALLOC _IO(IOMMUFD_TYPE, IOMMUFD_CMD_IOAS_ALLOC)

struct iommu_iova_range {
	__aligned_u64 start;
	__aligned_u64 last; /* inclusive */
};

/*
 * The IOVAs a mapping may use, narrowed by every attached device's IOMMU
 * aperture and reserved regions. num_iovas is the array's length in and the
 * count out; EMSGSIZE (with the count) when the array is too short.
 */
struct iommu_ioas_iova_ranges {
	__u32 size;
	__u32 ioas_id;
	__u32 num_iovas;
	__u32 __reserved;
	__aligned_u64 allowed_iovas; /* user pointer to struct iommu_iova_range[] */
	__aligned_u64 out_iova_alignment; /* at most PAGE_SIZE */
};
#define IOMMU_IOAS_IOVA_RANGES _IO(IOMMUFD_TYPE, IOMMUFD_CMD_IOAS_IOVA_RANGES)

enum iommufd_ioas_map_flags {
	IOMMU_IOAS_MAP_FIXED_IOVA = 1 << 0, /* map at iova, else the kernel picks */
	IOMMU_IOAS_MAP_WRITEABLE = 1 << 1, /* the device may write */
	IOMMU_IOAS_MAP_READABLE = 1 << 2, /* the device may read */
};

/* Pins [user_va, user_va + length) and maps it at iova (in or out). */
struct iommu_ioas_map {
	__u32 size;
	__u32 flags;
	__u32 ioas_id;
	__u32 __reserved;
	__aligned_u64 user_va;
	__aligned_u64 length;
	__aligned_u64 iova;
};
#define IOMMU_IOAS_MAP _IO(IOMMUFD_TYPE, IOMMUFD_CMD_IOAS_MAP)

/* Unmaps whole earlier mappings inside [iova, iova + length); length: out, bytes. */
struct iommu_ioas_unmap {
	__u32 size;
	__u32 ioas_id;
	__aligned_u64 iova;
	__aligned_u64 length;
};
#define IOMMU_IOAS_UNMAP _IO(IOMMUFD_TYPE, IOMMUFD_CMD_IOAS_UNMAP)

static_assert(sizeof(struct iommu_ioas_alloc) == 12, "iommufd UAPI layout");
static_assert(sizeof(struct iommu_iova_range) == 16, "iommufd UAPI layout");
static_assert(sizeof(struct iommu_ioas_iova_ranges) == 32, "iommufd UAPI layout");
static_assert(sizeof(struct iommu_ioas_map) == 40, "iommufd UAPI layout");
static_assert(sizeof(struct iommu_ioas_unmap) == 24, "iommufd UAPI layout");
#endif /* IOMMU_IOAS_ALLOC */

/*
 * linux/vfio.h, device cdev part: /dev/vfio/devices/vfioN gives nothing but
 * these two ioctls until it is bound to an iommufd, which claims DMA
 * ownership of the device's IOMMU group. Closing the fd unbinds and detaches.
 */
#ifndef VFIO_DEVICE_BIND_IOMMUFD
struct vfio_device_bind_iommufd {
	__u32 argsz;
	__u32 flags; /* 0 */
	__s32 iommufd;
	__u32 out_devid; /* the device's ID inside that iommufd */
};
#define VFIO_DEVICE_BIND_IOMMUFD _IO(VFIO_TYPE, VFIO_BASE + 18)

/* pt_id: an IOAS (or a HWPT); on return, the page table actually attached. */
struct vfio_device_attach_iommufd_pt {
	__u32 argsz;
	__u32 flags; /* 0 */
	__u32 pt_id;
};
#define VFIO_DEVICE_ATTACH_IOMMUFD_PT _IO(VFIO_TYPE, VFIO_BASE + 19)

static_assert(sizeof(struct vfio_device_bind_iommufd) == 16, "VFIO cdev UAPI layout");
static_assert(sizeof(struct vfio_device_attach_iommufd_pt) == 12, "VFIO cdev UAPI layout");
#endif /* VFIO_DEVICE_BIND_IOMMUFD */

/*
 * Whichever header declared them, these are the offsets the kernel reads;
 * newer kernels only append fields, which stay zero here.
 */
static_assert(offsetof(struct iommu_ioas_iova_ranges, allowed_iovas) == 16, "iommufd UAPI");
static_assert(offsetof(struct iommu_ioas_map, iova) == 32, "iommufd UAPI layout");
static_assert(offsetof(struct iommu_ioas_unmap, length) == 16, "iommufd UAPI layout");
static_assert(offsetof(struct vfio_device_bind_iommufd, out_devid) == 12, "VFIO cdev UAPI");
static_assert(offsetof(struct vfio_device_attach_iommufd_pt, pt_id) == 8, "VFIO cdev UAPI");

#endif /* ULDD_KERNEL_IOMMUFD_UAPI_H */
