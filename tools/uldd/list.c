// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * list.c - 'uldd list': every PCI device with its IDs, class, name, driver
 * and IOMMU group, so a user can pick what to bind. libpci enumerates and
 * names; the driver and group come from sysfs, as the bind code sees them.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <pci/pci.h>

#include "host.h"
#include "uldd.h"

struct row {
	unsigned long key; /* domain, bus, device, function: the sort order */
	char addr[16];
	char id[10];
	char cls[64];
	char driver[UH_DRIVER_LEN];
	char group[12];
	char name[128];
};

/* libpci's error hook must not return; this is a program, so exit is fine. */
static void __attribute__((noreturn)) pci_die(char *msg, ...)
{
	va_list ap;

	fputs("uldd: libpci: ", stderr);
	va_start(ap, msg);
	vfprintf(stderr, msg, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(ULDD_EXIT_FAIL);
}

static void pci_warn(char *msg, ...)
{
	va_list ap;

	fputs("uldd: warning: libpci: ", stderr);
	va_start(ap, msg);
	vfprintf(stderr, msg, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void pci_quiet(char *msg, ...)
{
	(void)msg;
}

static void fill_row(struct pci_access *pacc, struct pci_dev *d, struct row *r)
{
	int group;

	pci_fill_info(d, PCI_FILL_IDENT | PCI_FILL_CLASS);
	r->key = (unsigned long)(unsigned int)d->domain << 16 | d->bus << 8 | d->dev << 3 | d->func;
	/* Not uh_pci_addr_format: VMD domains (10000 and up) do not fit its 16 bits. */
	snprintf(r->addr, sizeof(r->addr), "%04x:%02x:%02x.%x", (unsigned int)d->domain, d->bus,
		 d->dev, d->func);
	snprintf(r->id, sizeof(r->id), "%04x:%04x", d->vendor_id, d->device_id);
	pci_lookup_name(pacc, r->cls, sizeof(r->cls), PCI_LOOKUP_CLASS, d->device_class);
	pci_lookup_name(pacc, r->name, sizeof(r->name), PCI_LOOKUP_VENDOR | PCI_LOOKUP_DEVICE,
			d->vendor_id, d->device_id);
	if (uh_sysfs_driver(r->addr, r->driver, sizeof(r->driver)) || !r->driver[0])
		snprintf(r->driver, sizeof(r->driver), "-");
	if (uh_sysfs_iommu_group(r->addr, &group))
		snprintf(r->group, sizeof(r->group), "-");
	else
		snprintf(r->group, sizeof(r->group), "%d", group);
}

static int row_cmp(const void *a, const void *b)
{
	const struct row *x = a, *y = b;

	return x->key < y->key ? -1 : x->key > y->key;
}

static int max_len(int w, const char *s)
{
	int len = (int)strlen(s);

	return len > w ? len : w;
}

static void print_rows(const struct row *rows, size_t n)
{
	int wc = 5, wd = 6, wg = 5; /* the titles' lengths */

	for (size_t i = 0; i < n; i++) {
		wc = max_len(wc, rows[i].cls);
		wd = max_len(wd, rows[i].driver);
		wg = max_len(wg, rows[i].group);
	}
	printf("%-12s  %-9s  %-*s  %-*s  %-*s  %s\n", "ADDRESS", "ID", wc, "CLASS", wd, "DRIVER",
	       wg, "GROUP", "NAME");
	for (size_t i = 0; i < n; i++)
		printf("%-12s  %-9s  %-*s  %-*s  %-*s  %s\n", rows[i].addr, rows[i].id, wc,
		       rows[i].cls, wd, rows[i].driver, wg, rows[i].group, rows[i].name);
}

static int list_run(int argc, char **argv)
{
	char path[PATH_MAX];
	struct pci_access *pacc;
	struct pci_dev *d;
	struct row *rows;
	size_t n = 0, cap = 0;

	if (argc > 1)
		return tool_usage_err(&tool_cmd_list, "'%s': list takes no arguments", argv[1]);
	/* libpci would only say "Cannot open"; name the fix first. */
	snprintf(path, sizeof(path), "%s/bus/pci/devices", uh_sysfs_root());
	if (access(path, R_OK)) {
		tool_err("cannot read %s: %s: is sysfs mounted on %s?", path, strerror(errno),
			 uh_sysfs_root());
		return ULDD_EXIT_FAIL;
	}

	pacc = pci_alloc();
	pacc->error = pci_die;
	pacc->warning = pci_warn;
	pacc->debug = pci_quiet;
	/* The sysfs method only, so a fake tree (ULDD_SYSFS_ROOT) is all it reads. */
	pacc->method = PCI_ACCESS_SYS_BUS_PCI;
	snprintf(path, sizeof(path), "%s/bus/pci", uh_sysfs_root());
	pci_set_param(pacc, "sysfs.path", path);
	pci_init(pacc);
	pci_scan_bus(pacc);

	for (d = pacc->devices; d; d = d->next)
		cap++;
	rows = calloc(cap ? cap : 1, sizeof(*rows));
	if (!rows) {
		pci_cleanup(pacc);
		tool_err("out of memory listing %zu PCI devices", cap);
		return ULDD_EXIT_FAIL;
	}
	for (d = pacc->devices; d; d = d->next)
		fill_row(pacc, d, &rows[n++]);
	qsort(rows, n, sizeof(*rows), row_cmp);
	print_rows(rows, n);
	free(rows);
	pci_cleanup(pacc);
	return ULDD_EXIT_OK;
}

const struct tool_cmd tool_cmd_list = {
	.name = "list",
	.args = "",
	.summary = "PCI devices with their driver and IOMMU group",
	.help = "One device a line: its address, vendor:device ID, class, bound driver ('-' for\n"
		"none), IOMMU group ('-' when the IOMMU is off) and name. A device that uldd\n"
		"drivers can use is on vfio-pci; 'uldd bind ADDR' puts it there.\n",
	.run = list_run,
};
