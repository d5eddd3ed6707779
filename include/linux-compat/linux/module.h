/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/module.h - a driver's entry points and metadata. module_init and
 * module_exit register the functions from a constructor when `uldd run`
 * loads the driver; it calls every init in load order, and the exits in
 * reverse when it stops. MODULE_* strings go to a .modinfo section, as in
 * a .ko, where tools can read them.
 *
 * Emulation notes: no module reference counting (try_module_get always
 * succeeds); THIS_MODULE is NULL.
 */
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H

#include <linux/compiler.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/moduleparam.h>
#include <linux/stringify.h>
#include <uldd/abi.h>

struct module;

/*
 * The ABI version these headers describe, as an ELF note in every object
 * that includes this file: vermagic, checked by 'uldd run' before it loads
 * the driver. The section is a COMDAT group, so the linker keeps one copy
 * however many of the driver's files include this header.
 */
/* Kept by hand: clang-format splits the strings at each __stringify. */
/* clang-format off */
#define __ULDD_ABI_NOTE                                                          \
	".pushsection " ULDD_NOTE_SECTION ",\"aG\",@note," ULDD_NOTE_SECTION         \
		",comdat\n"                                                      \
	".balign 4\n"                                                            \
	".long 5, 8, " __stringify(ULDD_NOTE_ABI) "\n"                          \
	".asciz \"" ULDD_NOTE_NAME "\"\n"                                        \
	".balign 4\n"                                                            \
	".long " __stringify(ULDD_ABI_MAJOR) ", " __stringify(ULDD_ABI_MINOR) "\n" \
	".popsection"
/* clang-format on */
__asm__(__ULDD_ABI_NOTE);

#define THIS_MODULE ((struct module *)0)
#ifndef KBUILD_MODNAME
#define KBUILD_MODNAME "driver"
#endif

void uldd_module_register(initcall_t init, exitcall_t exit, const char *name);

#define module_init(fn)                                                       \
	static void __attribute__((constructor)) __uldd_module_init_reg(void) \
	{                                                                     \
		initcall_t check = fn;                                        \
		uldd_module_register(check, NULL, KBUILD_MODNAME);            \
	}
#define module_exit(fn)                                                       \
	static void __attribute__((constructor)) __uldd_module_exit_reg(void) \
	{                                                                     \
		exitcall_t check = fn;                                        \
		uldd_module_register(NULL, check, KBUILD_MODNAME);            \
	}

#define __MODULE_INFO(tag, info)                 \
	static const char __UNIQUE_ID(modinfo)[] \
		__attribute__((used, section(".modinfo"), aligned(1))) = #tag "=" info
#define MODULE_INFO(tag, info) __MODULE_INFO(tag, info)
#define MODULE_LICENSE(x) __MODULE_INFO(license, x)
#define MODULE_AUTHOR(x) __MODULE_INFO(author, x)
#define MODULE_DESCRIPTION(x) __MODULE_INFO(description, x)
#define MODULE_VERSION(x) __MODULE_INFO(version, x)
#define MODULE_FIRMWARE(x) __MODULE_INFO(firmware, x)
#define MODULE_ALIAS(x) __MODULE_INFO(alias, x)
#define MODULE_SOFTDEP(x) __MODULE_INFO(softdep, x)
#define MODULE_IMPORT_NS(x) __MODULE_INFO(import_ns, __stringify(x))
/*
 * The bus's register call matches devices against the table; this names it
 * for 'uldd modinfo', which reads the aliases from the driver's symbol
 * table without running it: a local alias of the table, so nothing is
 * exported.
 */
#define MODULE_DEVICE_TABLE(type, name)                                  \
	static typeof(name) __mod_##type##__##name##_device_table __used \
		__attribute__((alias(__stringify(name))))

static inline bool try_module_get(struct module *module)
{
	(void)module;
	return true;
}

static inline void module_put(struct module *module)
{
	(void)module;
}

#define __module_get(m) ((void)(m))

#endif /* _LINUX_MODULE_H */
