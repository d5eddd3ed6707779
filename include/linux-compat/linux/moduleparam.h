/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/moduleparam.h - module parameters. Each module_param*() registers
 * a descriptor from a constructor when the driver is loaded; `uldd run`
 * sets them from its name=value arguments before the module's init runs.
 *
 * Emulation notes: parameters are set once, before init; there is no sysfs
 * to change them later, so the permission argument is only checked for
 * type. Names have no "module." prefix on the uldd command line.
 */
#ifndef _LINUX_MODULEPARAM_H
#define _LINUX_MODULEPARAM_H

#include <linux/build_bug.h>
#include <linux/compiler.h>
#include <linux/init.h>
#include <linux/stringify.h>
#include <linux/types.h>

enum uldd_param_type {
	ULDD_PARAM_BOOL,
	ULDD_PARAM_INVBOOL,
	ULDD_PARAM_BYTE,
	ULDD_PARAM_SHORT,
	ULDD_PARAM_USHORT,
	ULDD_PARAM_INT,
	ULDD_PARAM_UINT,
	ULDD_PARAM_HEXINT,
	ULDD_PARAM_LONG,
	ULDD_PARAM_ULONG,
	ULDD_PARAM_ULLONG,
	ULDD_PARAM_CHARP,
};

struct uldd_module_param {
	const char *name;
	void *value; /* the variable, or the array's first element */
	enum uldd_param_type type;
	unsigned int size; /* of one element */
	unsigned int max; /* array length; 0 for a scalar */
	unsigned int *num; /* where an array's count goes; may be NULL */
	struct uldd_module_param *next;
};

void uldd_param_register(struct uldd_module_param *param);
/* MODULE_PARM_DESC: kept apart, since constructors run in no set order. */
void uldd_param_describe(const char *name, const char *desc);

/* The C type each parameter type takes, checked at compile time. */
#define __uldd_param_type_bool bool
#define __uldd_param_type_invbool bool
#define __uldd_param_type_byte unsigned char
#define __uldd_param_type_short short
#define __uldd_param_type_ushort unsigned short
#define __uldd_param_type_int int
#define __uldd_param_type_uint unsigned int
#define __uldd_param_type_hexint unsigned int
#define __uldd_param_type_long long
#define __uldd_param_type_ulong unsigned long
#define __uldd_param_type_ullong unsigned long long
#define __uldd_param_type_charp char *

/*
 * The same width with the other signedness: Kbuild's type check is a
 * pointer assignment, which such a mismatch passes with a -Wpointer-sign
 * warning (off in Kbuild's flags), so drivers declare an unsigned
 * variable as an int parameter and build; they do here too.
 */
#define __uldd_param_alt_bool bool
#define __uldd_param_alt_invbool bool
#define __uldd_param_alt_byte signed char
#define __uldd_param_alt_short unsigned short
#define __uldd_param_alt_ushort short
#define __uldd_param_alt_int unsigned int
#define __uldd_param_alt_uint int
#define __uldd_param_alt_hexint int
#define __uldd_param_alt_long unsigned long
#define __uldd_param_alt_ulong long
#define __uldd_param_alt_ullong long long
#define __uldd_param_alt_charp char *

#define __uldd_param_enum_bool ULDD_PARAM_BOOL
#define __uldd_param_enum_invbool ULDD_PARAM_INVBOOL
#define __uldd_param_enum_byte ULDD_PARAM_BYTE
#define __uldd_param_enum_short ULDD_PARAM_SHORT
#define __uldd_param_enum_ushort ULDD_PARAM_USHORT
#define __uldd_param_enum_int ULDD_PARAM_INT
#define __uldd_param_enum_uint ULDD_PARAM_UINT
#define __uldd_param_enum_hexint ULDD_PARAM_HEXINT
#define __uldd_param_enum_long ULDD_PARAM_LONG
#define __uldd_param_enum_ulong ULDD_PARAM_ULONG
#define __uldd_param_enum_ullong ULDD_PARAM_ULLONG
#define __uldd_param_enum_charp ULDD_PARAM_CHARP

/*
 * What 'uldd modinfo' shows of a parameter without running the driver:
 * "parmtype=NAME:TYPE" and "parm=NAME:DESCRIPTION" in the .modinfo section,
 * beside MODULE_LICENSE's and the others' (linux/module.h).
 */
#define __uldd_param_info(tag, info)                    \
	static const char __UNIQUE_ID(modinfo)[] __used \
		__attribute__((section(".modinfo"), aligned(1))) = #tag "=" info

#define __uldd_param_define(pname, elem, ptype, pmax, pnum)                                   \
	static_assert(                                                                        \
		__builtin_types_compatible_p(typeof(elem), __uldd_param_type_##ptype) ||      \
			__builtin_types_compatible_p(typeof(elem), __uldd_param_alt_##ptype), \
		"module parameter " #pname " is not of type " #ptype);                        \
	static struct uldd_module_param __uldd_param_##pname = {                              \
		.name = #pname,                                                               \
		.value = (void *)&(elem),                                                     \
		.type = __uldd_param_enum_##ptype,                                            \
		.size = sizeof(elem),                                                         \
		.max = (pmax),                                                                \
		.num = (pnum),                                                                \
	};                                                                                    \
	static void __attribute__((constructor)) __uldd_param_reg_##pname(void)               \
	{                                                                                     \
		uldd_param_register(&__uldd_param_##pname);                                   \
	}

#define module_param_named(name, value, type, perm)      \
	__uldd_param_define(name, value, type, 0, NULL); \
	__uldd_param_info(parmtype, #name ":" #type)
#define module_param(name, type, perm) module_param_named(name, name, type, perm)
#define module_param_unsafe(name, type, perm) module_param(name, type, perm)
#define module_param_array_named(name, array, type, nump, perm)               \
	__uldd_param_define(name, (array)[0], type, ARRAY_SIZE(array), nump); \
	__uldd_param_info(parmtype, #name ":array of " #type)
#define module_param_array(name, type, nump, perm) \
	module_param_array_named(name, name, type, nump, perm)

#define MODULE_PARM_DESC(name, text)                                            \
	static void __attribute__((constructor)) __uldd_param_desc_##name(void) \
	{                                                                       \
		uldd_param_describe(#name, text);                               \
	}                                                                       \
	__uldd_param_info(parm, #name ":" text)

/*
 * Parameters with their own parser (module_param_cb): ops->set gets the
 * command line's string, kp->arg is the driver's variable. They register
 * on a list of their own, so struct uldd_module_param keeps its layout.
 */
struct kernel_param;
struct module;

struct kernel_param_ops {
	unsigned int flags;
	int (*set)(const char *val, const struct kernel_param *kp);
	int (*get)(char *buffer, const struct kernel_param *kp);
	void (*free)(void *arg);
};

struct kernel_param {
	const char *name;
	struct module *mod;
	const struct kernel_param_ops *ops;
	const u16 perm;
	s8 level;
	u8 flags;
	void *arg;
};

struct uldd_module_param_cb {
	struct kernel_param kp;
	struct uldd_module_param_cb *next;
};

void uldd_param_register_cb(struct uldd_module_param_cb *param);

#define module_param_cb(pname, pops, parg, pperm)                                        \
	static struct uldd_module_param_cb __uldd_param_cb_##pname = {                   \
		.kp = { .name = #pname, .ops = (pops), .perm = (pperm), .arg = (parg) }, \
	};                                                                               \
	static void __attribute__((constructor)) __uldd_param_cb_reg_##pname(void)       \
	{                                                                                \
		uldd_param_register_cb(&__uldd_param_cb_##pname);                        \
	}                                                                                \
	__uldd_param_info(parmtype, #pname ":custom")

/* The standard parsers and printers, for a kernel_param_ops of a driver. */
int param_set_int(const char *val, const struct kernel_param *kp);
int param_get_int(char *buffer, const struct kernel_param *kp);
int param_set_uint(const char *val, const struct kernel_param *kp);
int param_get_uint(char *buffer, const struct kernel_param *kp);
int param_set_ulong(const char *val, const struct kernel_param *kp);
int param_get_ulong(char *buffer, const struct kernel_param *kp);
int param_set_bool(const char *val, const struct kernel_param *kp);
int param_get_bool(char *buffer, const struct kernel_param *kp);
/* param_set_uint, and -EINVAL outside [min, max]. */
int param_set_uint_minmax(const char *val, const struct kernel_param *kp, unsigned int min,
			  unsigned int max);

/* A number as a string, for parameter descriptions ("default " __MODULE_STRING(x)). */
#define __MODULE_STRING(x) __stringify(x)

#endif /* _LINUX_MODULEPARAM_H */
