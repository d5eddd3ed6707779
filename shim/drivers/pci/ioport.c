// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * drivers/pci/ioport.c - port I/O for I/O BARs. Each I/O BAR gets a window
 * of port numbers; inb()/outb() find the window and access the BAR. The
 * port numbers are also the cookies pci_iomap() gives for I/O BARs.
 *
 * Two paths reach the BAR:
 * - direct (x86-64): the window knows the BAR's real ports on the host bus
 *   (uhost_dev_region_ports) and an access is an in/out instruction on
 *   them, no system call. ioperm(2) bits are per thread and a thread
 *   inherits them only when created after the grant, while driver code runs
 *   on vCPU, irq, kthread and workqueue threads that may predate probe; so
 *   each thread grants itself on its first access to a window: one ioperm
 *   call per thread per window, then none. Only [start, start + size) of
 *   the BAR is granted: the IOMMU does not guard port I/O, so the process
 *   reaches its own device and nothing else.
 * - VFIO: a pread/pwrite on the device fd per access, when the grant fails
 *   (no CAP_SYS_RAWIO, not x86, ports unknown), or when ULDD_PORTIO=vfio
 *   asks for it (to compare both on one boot). Probe decides per window,
 *   with one info line when it falls back; a thread whose own grant fails
 *   later uses VFIO on that window.
 * A privilege drop (capabilities, seccomp) must keep CAP_SYS_RAWIO and the
 * ioperm system call, since threads grant themselves lazily.
 *
 * Windows are added at probe and removed at remove; lookups read a table
 * whose entries are published with release stores. Each fill of a window
 * takes a new generation, and a thread's grant is recorded against it, so a
 * window reused by another device is granted again: a thread never reaches
 * a BAR through the record of an earlier one. Remove unpublishes the window
 * before the device closes and drops the remover's own grant; other
 * threads keep their bits until they exit (no call reaches another thread's
 * bitmap), but no in/out is issued outside a live window, and the driver's
 * remove has quiesced its accesses by then, as for the VFIO path.
 */
#include <linux/io.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/unaligned.h>

#include "pci.h"
#include "../../core/door.h"

#define PORT_BASE 0x10000UL
#define WINDOW_SIZE 0x100UL /* a PCI I/O BAR is at most 256 bytes */
#define MAX_WINDOWS 64
/* Every port must read as a cookie to ioread*() (asm/io.h). */
static_assert(PORT_BASE + MAX_WINDOWS * WINDOW_SIZE <= ULDD_PIO_LIMIT);

/* A window being filled: taken, not yet visible. */
#define WINDOW_BUSY ((struct uhost_dev *)1)
/* A thread's record of a window: its generation, this bit if refused. */
#define GRANT_DENIED 0x80000000U

#if defined(__x86_64__)
#define DIRECT_PIO 1
#else
#define DIRECT_PIO 0
#endif

struct port_window {
	struct uhost_dev *udev; /* NULL: free; published last, with release */
	unsigned int bar;
	unsigned int size; /* of the BAR, up to WINDOW_SIZE */
	unsigned int gen; /* of this fill; never 0, never has GRANT_DENIED */
	unsigned int hport; /* the BAR's first host port; 0: through VFIO */
};

static struct port_window uldd_ports[MAX_WINDOWS];
static unsigned int uldd_port_gen;
/* Per thread: the generation of each window this thread has ioperm for. */
static __thread unsigned int granted[MAX_WINDOWS] __attribute__((tls_model("initial-exec")));

/* The probe thread asks first: a refusal makes the whole window use VFIO. */
static unsigned int window_ports(struct uhost_dev *udev, unsigned int bar, unsigned int size)
{
	u32 hport;

	if (!DIRECT_PIO)
		return 0;
	if (uhost_dev_region_ports(udev, bar, &hport) || !hport || uhost_ioperm(hport, size, 1)) {
		pr_info("uldd: %s BAR %u: port I/O through VFIO (%s)\n", uhost_dev_name(udev), bar,
			uhost_errmsg());
		return 0;
	}
	printk(KERN_DEBUG "uldd: %s BAR %u: ports %#x-%#x, direct in/out\n", uhost_dev_name(udev),
	       bar, hport, hport + size - 1);
	return hport;
}

unsigned long uldd_ioport_add(struct uhost_dev *udev, unsigned int bar, unsigned long size)
{
	if (size > WINDOW_SIZE) {
		pr_warn("uldd: I/O BAR %u of %lu bytes is cut to %lu\n", bar, size, WINDOW_SIZE);
		size = WINDOW_SIZE;
	}
	for (unsigned int i = 0; i < MAX_WINDOWS; i++) {
		struct port_window *w = &uldd_ports[i];
		struct uhost_dev *none = NULL;
		unsigned int gen, hport;

		if (!__atomic_compare_exchange_n(&w->udev, &none, WINDOW_BUSY, 0, __ATOMIC_ACQUIRE,
						 __ATOMIC_RELAXED))
			continue;
		hport = window_ports(udev, bar, size);
		do
			gen = __atomic_add_fetch(&uldd_port_gen, 1, __ATOMIC_RELAXED) &
			      ~GRANT_DENIED;
		while (!gen);
		__atomic_store_n(&w->bar, bar, __ATOMIC_RELAXED);
		__atomic_store_n(&w->size, (unsigned int)size, __ATOMIC_RELAXED);
		__atomic_store_n(&w->gen, gen, __ATOMIC_RELAXED);
		__atomic_store_n(&w->hport, hport, __ATOMIC_RELAXED);
		if (hport)
			granted[i] = gen; /* window_ports() granted this thread */
		__atomic_store_n(&w->udev, udev, __ATOMIC_RELEASE);
		return PORT_BASE + i * WINDOW_SIZE;
	}
	pr_err("uldd: more than %d I/O BARs\n", MAX_WINDOWS);
	return 0;
}

void uldd_ioport_remove(struct uhost_dev *udev)
{
	for (unsigned int i = 0; i < MAX_WINDOWS; i++) {
		struct port_window *w = &uldd_ports[i];
		unsigned int hport;

		if (__atomic_load_n(&w->udev, __ATOMIC_RELAXED) != udev)
			continue;
		hport = __atomic_load_n(&w->hport, __ATOMIC_RELAXED);
		__atomic_store_n(&w->udev, NULL, __ATOMIC_RELEASE);
		if (hport && granted[i] == __atomic_load_n(&w->gen, __ATOMIC_RELAXED))
			uhost_ioperm(hport, __atomic_load_n(&w->size, __ATOMIC_RELAXED), 0);
		granted[i] = 0;
	}
}

/* Where a port access lands: a window's BAR at off, len bytes inside it. */
struct port_target {
	struct uhost_dev *udev;
	unsigned int bar;
	unsigned long off;
	unsigned int hport; /* 0: go through VFIO */
};

/* This thread's ioperm for window i of generation gen, asked once. */
static bool __maybe_unused window_granted(unsigned long i, const struct port_window *w,
					  unsigned int gen, unsigned int hport)
{
	unsigned int mine = granted[i];

	if (likely(mine == gen))
		return true;
	if (mine == (gen | GRANT_DENIED))
		return false;
	if (uhost_ioperm(hport, __atomic_load_n(&w->size, __ATOMIC_RELAXED), 1)) {
		pr_info_once("uldd: a thread's ioperm failed, its port I/O goes through VFIO: %s\n",
			     uhost_errmsg());
		granted[i] = gen | GRANT_DENIED;
		return false;
	}
	granted[i] = gen;
	return true;
}

static bool port_window(unsigned long port, unsigned int len, struct port_target *t)
{
	unsigned long i = (port - PORT_BASE) / WINDOW_SIZE;
	const struct port_window *w;
	unsigned int gen;

	if (port < PORT_BASE || i >= MAX_WINDOWS)
		return false;
	w = &uldd_ports[i];
	t->udev = __atomic_load_n(&w->udev, __ATOMIC_ACQUIRE);
	if (!t->udev || t->udev == WINDOW_BUSY)
		return false;
	t->bar = __atomic_load_n(&w->bar, __ATOMIC_RELAXED);
	t->off = (port - PORT_BASE) % WINDOW_SIZE;
	t->hport = __atomic_load_n(&w->hport, __ATOMIC_RELAXED);
	if (!t->hport)
		return true;
	/* Never an in/out past the granted ports: that would fault. */
	if (t->off + len > __atomic_load_n(&w->size, __ATOMIC_RELAXED))
		return false;
	gen = __atomic_load_n(&w->gen, __ATOMIC_RELAXED);
	if (!window_granted(i, w, gen, t->hport))
		t->hport = 0;
	return true;
}

#if DIRECT_PIO
/* The x86 IN and OUT instructions with the port in DX; "memory" keeps them in program order. */
static inline u32 pio_in(unsigned int port, unsigned int len)
{
	u32 v = 0;

	if (len == 1)
		asm volatile("inb %%dx, %%al" : "+a"(v) : "d"((u16)port) : "memory");
	else if (len == 2)
		asm volatile("inw %%dx, %%ax" : "+a"(v) : "d"((u16)port) : "memory");
	else
		asm volatile("inl %%dx, %%eax" : "+a"(v) : "d"((u16)port) : "memory");
	return v;
}

static inline void pio_out(unsigned int port, u32 v, unsigned int len)
{
	if (len == 1)
		asm volatile("outb %%al, %%dx" : : "a"(v), "d"((u16)port) : "memory");
	else if (len == 2)
		asm volatile("outw %%ax, %%dx" : : "a"(v), "d"((u16)port) : "memory");
	else
		asm volatile("outl %%eax, %%dx" : : "a"(v), "d"((u16)port) : "memory");
}

/* REP INS/OUTS: count accesses of one port to or from memory, any alignment. */
static inline void pio_ins(unsigned int port, void *buf, unsigned long count, unsigned int len)
{
	if (len == 1)
		asm volatile("rep insb" : "+D"(buf), "+c"(count) : "d"((u16)port) : "memory");
	else if (len == 2)
		asm volatile("rep insw" : "+D"(buf), "+c"(count) : "d"((u16)port) : "memory");
	else
		asm volatile("rep insl" : "+D"(buf), "+c"(count) : "d"((u16)port) : "memory");
}

static inline void pio_outs(unsigned int port, const void *buf, unsigned long count,
			    unsigned int len)
{
	if (len == 1)
		asm volatile("rep outsb" : "+S"(buf), "+c"(count) : "d"((u16)port) : "memory");
	else if (len == 2)
		asm volatile("rep outsw" : "+S"(buf), "+c"(count) : "d"((u16)port) : "memory");
	else
		asm volatile("rep outsl" : "+S"(buf), "+c"(count) : "d"((u16)port) : "memory");
}
#else
static inline u32 pio_in(unsigned int port, unsigned int len)
{
	return ~0U;
}

static inline void pio_out(unsigned int port, u32 v, unsigned int len)
{
}

static inline void pio_ins(unsigned int port, void *buf, unsigned long count, unsigned int len)
{
}

static inline void pio_outs(unsigned int port, const void *buf, unsigned long count,
			    unsigned int len)
{
}
#endif

/* A port nobody decodes reads as all ones, as on a real bus. */
static u32 port_read(unsigned long port, unsigned int len)
{
	struct port_target t;
	u32 v = 0;

	if (!port_window(port, len, &t))
		return ~0U;
	if (t.hport)
		return pio_in(t.hport + t.off, len);
	if (uhost_dev_region_read(t.udev, t.bar, t.off, &v, len))
		return ~0U;
	return v;
}

static void port_write(unsigned long port, u32 v, unsigned int len)
{
	struct port_target t;

	if (!port_window(port, len, &t))
		return;
	if (t.hport)
		pio_out(t.hport + t.off, v, len);
	else
		uhost_dev_region_write(t.udev, t.bar, t.off, &v, len);
}

u8 inb(unsigned long port)
{
	return (u8)port_read(port, 1);
}

u16 inw(unsigned long port)
{
	return (u16)port_read(port, 2);
}

u32 inl(unsigned long port)
{
	return port_read(port, 4);
}

void outb(u8 value, unsigned long port)
{
	port_write(port, value, 1);
}

void outw(u16 value, unsigned long port)
{
	port_write(port, value, 2);
}

void outl(u32 value, unsigned long port)
{
	port_write(port, value, 4);
}

/* A FIFO register read count times: one REP INS on the direct path. */
static void port_read_rep(unsigned long port, void *buffer, unsigned long count, unsigned int len)
{
	struct port_target t;
	u8 *p = buffer;

	if (count && port_window(port, len, &t) && t.hport) {
		pio_ins(t.hport + t.off, buffer, count, len);
		return;
	}
	for (; count--; p += len) {
		u32 v = port_read(port, len);

		if (len == 1)
			*p = (u8)v;
		else if (len == 2)
			put_unaligned((u16)v, (u16 *)p);
		else
			put_unaligned(v, (u32 *)p);
	}
}

static void port_write_rep(unsigned long port, const void *buffer, unsigned long count,
			   unsigned int len)
{
	struct port_target t;
	const u8 *p = buffer;

	if (count && port_window(port, len, &t) && t.hport) {
		pio_outs(t.hport + t.off, buffer, count, len);
		return;
	}
	for (; count--; p += len) {
		u32 v;

		if (len == 1)
			v = *p;
		else if (len == 2)
			v = get_unaligned((const u16 *)p);
		else
			v = get_unaligned((const u32 *)p);
		port_write(port, v, len);
	}
}

void insb(unsigned long port, void *buffer, unsigned long count)
{
	port_read_rep(port, buffer, count, 1);
}

void insw(unsigned long port, void *buffer, unsigned long count)
{
	port_read_rep(port, buffer, count, 2);
}

void insl(unsigned long port, void *buffer, unsigned long count)
{
	port_read_rep(port, buffer, count, 4);
}

void outsb(unsigned long port, const void *buffer, unsigned long count)
{
	port_write_rep(port, buffer, count, 1);
}

void outsw(unsigned long port, const void *buffer, unsigned long count)
{
	port_write_rep(port, buffer, count, 2);
}

void outsl(unsigned long port, const void *buffer, unsigned long count)
{
	port_write_rep(port, buffer, count, 4);
}
