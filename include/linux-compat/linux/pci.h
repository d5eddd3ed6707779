/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/pci.h - PCI drivers and devices. pci_register_driver() binds the
 * driver to every matching device bound to vfio-pci (or to those named
 * with `uldd run --device`), opening each through VFIO and calling probe in
 * process context; pci_unregister_driver() calls remove and closes them.
 *
 * Emulation notes: BAR resources hold process addresses (memory BARs, so
 * ioremap and pci_iomap are the mapping itself) or port windows (I/O BARs,
 * see linux/ioport.h). Config space accesses are VFIO reads and writes
 * (system calls): fine for probe and error paths, not for a hot path, as
 * in Linux. No hot plug, power management, SR-IOV or AER.
 */
#ifndef _LINUX_PCI_H
#define _LINUX_PCI_H

#include <linux/dev_printk.h>
#include <linux/device.h>
#include <linux/device/driver.h>
#include <linux/dmapool.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/list.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/pci_ids.h>
#include <linux/pci_regs.h>
#include <linux/pm.h>
#include <linux/types.h>

#define PCI_STD_NUM_BARS 6
#define PCI_ROM_RESOURCE 6
#define DEVICE_COUNT_RESOURCE 7

#define PCI_DEVFN(slot, func) ((((slot)&0x1f) << 3) | ((func)&0x07))
#define PCI_SLOT(devfn) (((devfn) >> 3) & 0x1f)
#define PCI_FUNC(devfn) ((devfn)&0x07)

/* pci_alloc_irq_vectors flags */
#define PCI_IRQ_INTX (1 << 0)
#define PCI_IRQ_LEGACY PCI_IRQ_INTX
#define PCI_IRQ_MSI (1 << 1)
#define PCI_IRQ_MSIX (1 << 2)
#define PCI_IRQ_AFFINITY (1 << 3)
#define PCI_IRQ_ALL_TYPES (PCI_IRQ_INTX | PCI_IRQ_MSI | PCI_IRQ_MSIX)

/* PCIe link states (ASPM) a driver may ask to keep off. */
#define PCIE_LINK_STATE_L0S BIT(0)
#define PCIE_LINK_STATE_L1 BIT(1)
#define PCIE_LINK_STATE_CLKPM BIT(2)

/* An MSI-X table entry the driver asks for, and the irq it got. */
struct msix_entry {
	u32 vector;
	u16 entry;
};

typedef int pci_power_t;
#define PCI_D0 ((pci_power_t)0)
#define PCI_D1 ((pci_power_t)1)
#define PCI_D2 ((pci_power_t)2)
#define PCI_D3hot ((pci_power_t)3)
#define PCI_D3cold ((pci_power_t)4)

typedef unsigned int pci_channel_state_t;
#define pci_channel_io_normal ((pci_channel_state_t)1)
#define pci_channel_io_frozen ((pci_channel_state_t)2)
#define pci_channel_io_perm_failure ((pci_channel_state_t)3)
typedef unsigned int pci_ers_result_t;
#define PCI_ERS_RESULT_NONE ((pci_ers_result_t)1)
#define PCI_ERS_RESULT_CAN_RECOVER ((pci_ers_result_t)2)
#define PCI_ERS_RESULT_NEED_RESET ((pci_ers_result_t)3)
#define PCI_ERS_RESULT_DISCONNECT ((pci_ers_result_t)4)
#define PCI_ERS_RESULT_RECOVERED ((pci_ers_result_t)5)

/* PCI return codes of the config accessors (positive, as in Linux). */
#define PCIBIOS_SUCCESSFUL 0x00
#define PCIBIOS_DEVICE_NOT_FOUND 0x86
#define PCIBIOS_BAD_REGISTER_NUMBER 0x87

struct pci_bus {
	unsigned char number;
	struct pci_bus *parent;
	struct pci_dev *self; /* the bridge above; NULL here */
};

struct uldd_pci_private;

struct pci_dev {
	struct pci_bus *bus;
	unsigned int devfn;
	unsigned short vendor;
	unsigned short device;
	unsigned short subsystem_vendor;
	unsigned short subsystem_device;
	unsigned int class; /* 0xBBSSPP */
	u8 revision;
	u8 hdr_type;
	u8 pin; /* INTx pin, 0 for none */
	u8 pcie_cap; /* offset of the PCIe capability, 0 for none */
	u8 msi_cap;
	u8 msix_cap;
	u64 dma_mask;
	struct device dev;
	unsigned int irq;
	struct resource resource[DEVICE_COUNT_RESOURCE];
	pci_channel_state_t error_state;
	unsigned int is_busmaster : 1;
	unsigned int msi_enabled : 1;
	unsigned int msix_enabled : 1;
	unsigned int state_saved : 1;
	unsigned int no_msi : 1;
	unsigned int pme_poll : 1; /* recorded only: the host polls PME */
	/* Private to the shim. */
	struct uldd_pci_private *uldd;
};

struct pci_error_handlers {
	pci_ers_result_t (*error_detected)(struct pci_dev *dev, pci_channel_state_t error);
	pci_ers_result_t (*mmio_enabled)(struct pci_dev *dev);
	pci_ers_result_t (*slot_reset)(struct pci_dev *dev);
	void (*reset_prepare)(struct pci_dev *dev);
	void (*reset_done)(struct pci_dev *dev);
	void (*resume)(struct pci_dev *dev);
};

struct pci_driver {
	const char *name;
	const struct pci_device_id *id_table;
	int (*probe)(struct pci_dev *dev, const struct pci_device_id *id);
	void (*remove)(struct pci_dev *dev);
	int (*suspend)(struct pci_dev *dev, pm_message_t state); /* legacy; never called */
	int (*resume)(struct pci_dev *dev);
	void (*shutdown)(struct pci_dev *dev);
	int (*sriov_configure)(struct pci_dev *dev, int num_vfs);
	const struct pci_error_handlers *err_handler;
	struct device_driver driver;
	struct list_head node; /* the shim's list of registered drivers */
};

#define to_pci_dev(d) container_of(d, struct pci_dev, dev)
#define to_pci_driver(d) container_of(d, struct pci_driver, driver)

/* Table entries. */
#define PCI_DEVICE(vend, dev) \
	.vendor = (vend), .device = (dev), .subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID
#define PCI_DEVICE_SUB(vend, dev, subvend, subdev) \
	.vendor = (vend), .device = (dev), .subvendor = (subvend), .subdevice = (subdev)
#define PCI_DEVICE_CLASS(dev_class, dev_class_mask)                                 \
	.class = (dev_class), .class_mask = (dev_class_mask), .vendor = PCI_ANY_ID, \
	.device = PCI_ANY_ID, .subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID
#define PCI_VDEVICE(vend, dev)                                                    \
	.vendor = PCI_VENDOR_ID_##vend, .device = (dev), .subvendor = PCI_ANY_ID, \
	.subdevice = PCI_ANY_ID, 0, 0
#define PCI_DEVICE_DATA(vend, dev, data)                                        \
	.vendor = PCI_VENDOR_ID_##vend, .device = PCI_DEVICE_ID_##vend##_##dev, \
	.subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID, 0, 0,                 \
	.driver_data = (kernel_ulong_t)(data)

int __pci_register_driver(struct pci_driver *drv, struct module *owner, const char *mod_name);
#define pci_register_driver(drv) __pci_register_driver(drv, THIS_MODULE, KBUILD_MODNAME)
void pci_unregister_driver(struct pci_driver *drv);
#define module_pci_driver(__pci_driver)                      \
	static int __init __uldd_pci_driver_init(void)       \
	{                                                    \
		return pci_register_driver(&(__pci_driver)); \
	}                                                    \
	module_init(__uldd_pci_driver_init);                 \
	static void __exit __uldd_pci_driver_exit(void)      \
	{                                                    \
		pci_unregister_driver(&(__pci_driver));      \
	}                                                    \
	module_exit(__uldd_pci_driver_exit)
const struct pci_device_id *pci_match_id(const struct pci_device_id *ids, struct pci_dev *dev);
/* 1 when a function on the host's PCI buses matches ids (a sysfs scan; may sleep). */
int pci_dev_present(const struct pci_device_id *ids);

int __must_check pci_enable_device(struct pci_dev *dev);
int __must_check pci_enable_device_mem(struct pci_dev *dev);
void pci_disable_device(struct pci_dev *dev);
bool pci_is_enabled(struct pci_dev *pdev);
void pci_set_master(struct pci_dev *dev);
void pci_clear_master(struct pci_dev *dev);
static inline bool pci_channel_offline(const struct pci_dev *pdev)
{
	return pdev->error_state != pci_channel_io_normal;
}

/* PCI-X maximum memory read byte count; -EINVAL without the capability. */
int pcix_get_mmrbc(struct pci_dev *dev);
int pcix_set_mmrbc(struct pci_dev *dev, int mmrbc);

int pci_set_mwi(struct pci_dev *dev);
int pci_try_set_mwi(struct pci_dev *dev);
void pci_clear_mwi(struct pci_dev *dev);
void pci_intx(struct pci_dev *dev, int enable);

int __must_check pci_request_regions(struct pci_dev *dev, const char *name);
void pci_release_regions(struct pci_dev *dev);
int __must_check pci_request_selected_regions(struct pci_dev *dev, int bars, const char *name);
/* The same here: a device opened through VFIO is this process's alone. */
int __must_check pci_request_selected_regions_exclusive(struct pci_dev *dev, int bars,
							const char *name);
void pci_release_selected_regions(struct pci_dev *dev, int bars);
int pci_request_region(struct pci_dev *dev, int bar, const char *name);
void pci_release_region(struct pci_dev *dev, int bar);
int pci_select_bars(struct pci_dev *dev, unsigned long flags);

void __iomem *pci_iomap(struct pci_dev *dev, int bar, unsigned long maxlen);
void __iomem *pci_iomap_range(struct pci_dev *dev, int bar, unsigned long offset,
			      unsigned long maxlen);
void pci_iounmap(struct pci_dev *dev, void __iomem *addr);

/*
 * Managed PCI (devres): pcim_enable_device() disables the device at detach;
 * pcim_iomap() records the mapping in the table pcim_iomap_table() returns;
 * pcim_iomap_regions() requests and maps the BARs in mask, released at detach.
 */
int __must_check pcim_enable_device(struct pci_dev *pdev);
void __iomem *pcim_iomap(struct pci_dev *pdev, int bar, unsigned long maxlen);
void __iomem *const *pcim_iomap_table(struct pci_dev *pdev);
int pcim_iomap_regions(struct pci_dev *pdev, int mask, const char *name);
void __iomem *pci_ioremap_bar(struct pci_dev *pdev, int bar);

int pci_read_config_byte(const struct pci_dev *dev, int where, u8 *val);
int pci_read_config_word(const struct pci_dev *dev, int where, u16 *val);
int pci_read_config_dword(const struct pci_dev *dev, int where, u32 *val);
int pci_write_config_byte(const struct pci_dev *dev, int where, u8 val);
int pci_write_config_word(const struct pci_dev *dev, int where, u16 val);
int pci_write_config_dword(const struct pci_dev *dev, int where, u32 val);
u8 pci_find_capability(struct pci_dev *dev, int cap);
u16 pci_find_ext_capability(struct pci_dev *dev, int cap);
int pcie_capability_read_word(struct pci_dev *dev, int pos, u16 *val);
int pcie_capability_read_dword(struct pci_dev *dev, int pos, u32 *val);
int pcie_capability_write_word(struct pci_dev *dev, int pos, u16 val);
int pcie_capability_clear_and_set_word(struct pci_dev *dev, int pos, u16 clear, u16 set);

static inline int pcie_capability_set_word(struct pci_dev *dev, int pos, u16 set)
{
	return pcie_capability_clear_and_set_word(dev, pos, 0, set);
}

static inline int pcie_capability_clear_word(struct pci_dev *dev, int pos, u16 clear)
{
	return pcie_capability_clear_and_set_word(dev, pos, clear, 0);
}
int pci_save_state(struct pci_dev *dev);
void pci_restore_state(struct pci_dev *dev);
int pci_reset_function(struct pci_dev *dev);
/* A function level reset (probe: only whether one can be tried: 0). The caller restores state. */
int pcie_reset_flr(struct pci_dev *dev, bool probe);
int pci_set_power_state(struct pci_dev *dev, pci_power_t state);
int pci_wake_from_d3(struct pci_dev *dev, bool enable);
int pci_enable_wake(struct pci_dev *dev, pci_power_t state, bool enable);
int pci_prepare_to_sleep(struct pci_dev *dev);
/* PME_En set or cleared, a pending PME_Status acknowledged; see pci.c. */
void pci_pme_active(struct pci_dev *dev, bool enable);

/* The state a legacy .suspend(pdev, msg) hook puts its device in. */
static inline pci_power_t pci_choose_state(struct pci_dev *dev, pm_message_t msg)
{
	(void)dev;
	return msg.event == PM_EVENT_ON ? PCI_D0 : PCI_D3hot;
}

/*
 * Whether the device can signal wake-up (PME) from runtime suspend. Never
 * here: runtime PM is off (linux/pm_runtime.h), the host owns PME.
 */
static inline bool pci_dev_run_wake(struct pci_dev *dev)
{
	(void)dev;
	return false;
}

int pci_alloc_irq_vectors(struct pci_dev *dev, unsigned int min_vecs, unsigned int max_vecs,
			  unsigned int flags);
void pci_free_irq_vectors(struct pci_dev *dev);
struct irq_affinity;
/* pci_alloc_irq_vectors(), then affd's sets for the vectors past pre_vectors and post_vectors. */
int pci_alloc_irq_vectors_affinity(struct pci_dev *dev, unsigned int min_vecs,
				   unsigned int max_vecs, unsigned int flags,
				   struct irq_affinity *affd);
/*
 * request_threaded_irq() of vector nr, named by the format (shared when
 * there is a hard handler, oneshot when there is only a thread).
 */
__printf(6, 7) int pci_request_irq(struct pci_dev *dev, unsigned int nr, irq_handler_t handler,
				   irq_handler_t thread_fn, void *dev_id, const char *fmt, ...);
void pci_free_irq(struct pci_dev *dev, unsigned int nr, void *dev_id);
/* The vendor ID still reads back (not all ones): the device did not go away. */
bool pci_device_is_present(struct pci_dev *pdev);
static inline bool pci_dev_is_disconnected(const struct pci_dev *dev)
{
	(void)dev;
	return false;
}
/* A state saved by pci_store_saved_state(), which the shim never hands out: only NULL. */
struct pci_saved_state;
int pci_load_saved_state(struct pci_dev *dev, struct pci_saved_state *state);
/* The BAR as the device sees it (its bus address), read from config space. */
u64 pci_bus_address(struct pci_dev *pdev, int bar);
/*
 * ASPM belongs to the host kernel, which a process cannot ask: a driver
 * that saves power only when it knows ASPM is on does not.
 */
static inline bool pcie_aspm_enabled(struct pci_dev *pdev)
{
	(void)pdev;
	return false;
}
/* No virtual functions: sysfs's sriov_numvfs is not there to call it. -ENODEV. */
int pci_sriov_configure_simple(struct pci_dev *dev, int nr_virtfn);
int pci_irq_vector(struct pci_dev *dev, unsigned int nr);
int pci_enable_msi(struct pci_dev *dev);
void pci_disable_msi(struct pci_dev *dev);
/*
 * Vectors for the MSI-X table entries in entries[] (or, without entries,
 * the first ones), as many as the device has between minvec and maxvec;
 * each entry's vector is filled in. Returns how many, or -errno.
 */
int pci_enable_msix_range(struct pci_dev *dev, struct msix_entry *entries, int minvec, int maxvec);

static inline int pci_enable_msix_exact(struct pci_dev *dev, struct msix_entry *entries, int nvec)
{
	int rc = pci_enable_msix_range(dev, entries, nvec, nvec);

	return rc < 0 ? rc : 0;
}

/* MSI is always there: VFIO reports per device what it has. */
static inline int pci_msi_enabled(void)
{
	return 1;
}
void pci_disable_msix(struct pci_dev *dev);
int pci_msix_vec_count(struct pci_dev *dev);

static inline resource_size_t pci_resource_start(const struct pci_dev *dev, int bar)
{
	return dev->resource[bar].start;
}

static inline resource_size_t pci_resource_end(const struct pci_dev *dev, int bar)
{
	return dev->resource[bar].end;
}

static inline unsigned long pci_resource_flags(const struct pci_dev *dev, int bar)
{
	return dev->resource[bar].flags;
}

static inline resource_size_t pci_resource_len(const struct pci_dev *dev, int bar)
{
	return dev->resource[bar].start || dev->resource[bar].end
		       ? resource_size(&dev->resource[bar])
		       : 0;
}

static inline int pci_request_mem_regions(struct pci_dev *pdev, const char *name)
{
	return pci_request_selected_regions(pdev, pci_select_bars(pdev, IORESOURCE_MEM), name);
}

static inline void pci_release_mem_regions(struct pci_dev *pdev)
{
	pci_release_selected_regions(pdev, pci_select_bars(pdev, IORESOURCE_MEM));
}

static inline void *pci_get_drvdata(struct pci_dev *pdev)
{
	return dev_get_drvdata(&pdev->dev);
}

static inline void pci_set_drvdata(struct pci_dev *pdev, void *data)
{
	dev_set_drvdata(&pdev->dev, data);
}

static inline const char *pci_name(const struct pci_dev *pdev)
{
	return dev_name(&pdev->dev);
}

static inline bool pci_is_pcie(struct pci_dev *dev)
{
	return dev->pcie_cap != 0;
}

static inline int pci_domain_nr(struct pci_bus *bus)
{
	(void)bus;
	return 0;
}

static inline int pci_pcie_cap(struct pci_dev *dev)
{
	return dev->pcie_cap;
}

#endif /* _LINUX_PCI_H */
