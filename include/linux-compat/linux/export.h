/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/export.h - EXPORT_SYMBOL and its forms. A driver's objects are
 * linked into one .so with the shim's symbols renamed into the kernel
 * namespace, so a library module's functions (8390.o for ne2k-pci) are
 * already visible to the driver that uses them: there is no module symbol
 * table to fill.
 *
 * Emulation notes: an export checks only that the symbol is declared (so
 * a misspelt one still fails to compile, as in Linux); GPL-only and
 * namespaced exports are the same as plain ones.
 */
#ifndef _LINUX_EXPORT_H
#define _LINUX_EXPORT_H

#define EXPORT_SYMBOL(sym) extern typeof(sym) sym
#define EXPORT_SYMBOL_GPL(sym) EXPORT_SYMBOL(sym)
#define EXPORT_SYMBOL_NS(sym, ns) EXPORT_SYMBOL(sym)
#define EXPORT_SYMBOL_NS_GPL(sym, ns) EXPORT_SYMBOL(sym)

#endif /* _LINUX_EXPORT_H */
