// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * drivers/pci/ioport.c - port I/O for I/O BARs. Each I/O BAR gets a window
 * of port numbers; inb()/outb() find the window and access the BAR through
 * VFIO, one system call each, as a port access is a bus cycle anyway. The
 * port numbers are also the cookies pci_iomap() gives for I/O BARs.
 * Windows are added at probe and removed at remove; lookups read a table
 * whose entries are published with release stores.
 */
#include <linux/io.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include "pci.h"
#include "uhost.h"

#define PORT_BASE 0x10000UL
#define WINDOW_SIZE 0x100UL /* a PCI I/O BAR is at most 256 bytes */
#define MAX_WINDOWS 64
/* Every port must read as a cookie to ioread*() (asm/io.h). */
static_assert(PORT_BASE + MAX_WINDOWS * WINDOW_SIZE <= ULDD_PIO_LIMIT);

static struct {
	struct uhost_dev *udev;
	unsigned int bar;
} uldd_ports[MAX_WINDOWS];

unsigned long uldd_ioport_add(struct uhost_dev *udev, unsigned int bar, unsigned long size)
{
	if (size > WINDOW_SIZE)
		pr_warn("uldd: I/O BAR %u of %lu bytes is cut to %lu\n", bar, size, WINDOW_SIZE);
	for (unsigned int i = 0; i < MAX_WINDOWS; i++) {
		struct uhost_dev *none = NULL;

		uldd_ports[i].bar = bar;
		if (__atomic_compare_exchange_n(&uldd_ports[i].udev, &none, udev, 0,
						__ATOMIC_RELEASE, __ATOMIC_RELAXED))
			return PORT_BASE + i * WINDOW_SIZE;
	}
	pr_err("uldd: more than %d I/O BARs\n", MAX_WINDOWS);
	return 0;
}

void uldd_ioport_remove(struct uhost_dev *udev)
{
	for (unsigned int i = 0; i < MAX_WINDOWS; i++)
		if (__atomic_load_n(&uldd_ports[i].udev, __ATOMIC_RELAXED) == udev)
			__atomic_store_n(&uldd_ports[i].udev, NULL, __ATOMIC_RELEASE);
}

static struct uhost_dev *port_window(unsigned long port, unsigned int *bar, unsigned long *off)
{
	unsigned long i = (port - PORT_BASE) / WINDOW_SIZE;
	struct uhost_dev *udev;

	if (port < PORT_BASE || i >= MAX_WINDOWS)
		return NULL;
	udev = __atomic_load_n(&uldd_ports[i].udev, __ATOMIC_ACQUIRE);
	*bar = uldd_ports[i].bar;
	*off = (port - PORT_BASE) % WINDOW_SIZE;
	return udev;
}

/* A port nobody decodes reads as all ones, as on a real bus. */
static void port_read(unsigned long port, void *val, unsigned int len)
{
	unsigned long off;
	unsigned int bar;
	struct uhost_dev *udev = port_window(port, &bar, &off);

	if (!udev || uhost_dev_region_read(udev, bar, off, val, len))
		memset(val, 0xff, len);
}

static void port_write(unsigned long port, const void *val, unsigned int len)
{
	unsigned long off;
	unsigned int bar;
	struct uhost_dev *udev = port_window(port, &bar, &off);

	if (udev)
		uhost_dev_region_write(udev, bar, off, val, len);
}

u8 inb(unsigned long port)
{
	u8 v;

	port_read(port, &v, 1);
	return v;
}

u16 inw(unsigned long port)
{
	u16 v;

	port_read(port, &v, 2);
	return v;
}

u32 inl(unsigned long port)
{
	u32 v;

	port_read(port, &v, 4);
	return v;
}

void outb(u8 value, unsigned long port)
{
	port_write(port, &value, 1);
}

void outw(u16 value, unsigned long port)
{
	port_write(port, &value, 2);
}

void outl(u32 value, unsigned long port)
{
	port_write(port, &value, 4);
}

void insb(unsigned long port, void *buffer, unsigned long count)
{
	for (u8 *p = buffer; count--; p++)
		*p = inb(port);
}

void insw(unsigned long port, void *buffer, unsigned long count)
{
	for (u16 *p = buffer; count--; p++)
		*p = inw(port);
}

void insl(unsigned long port, void *buffer, unsigned long count)
{
	for (u32 *p = buffer; count--; p++)
		*p = inl(port);
}

void outsb(unsigned long port, const void *buffer, unsigned long count)
{
	for (const u8 *p = buffer; count--; p++)
		outb(*p, port);
}

void outsw(unsigned long port, const void *buffer, unsigned long count)
{
	for (const u16 *p = buffer; count--; p++)
		outw(*p, port);
}

void outsl(unsigned long port, const void *buffer, unsigned long count)
{
	for (const u32 *p = buffer; count--; p++)
		outl(*p, port);
}
