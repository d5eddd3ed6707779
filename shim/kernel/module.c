// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * kernel/module.c - the loaded driver's modules and parameters. Loading
 * runs the driver's constructors, which register here (single-threaded,
 * before any task exists); uldd run then sets parameters, calls the inits
 * in load order and, when it stops, the exits in reverse.
 */
#include <asm/page.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../entry.h"
#include "../debug/lockdep.h"

#define MAX_MODULES 8
#define MAX_DESCS 64

struct uldd_module {
	const char *name;
	initcall_t init;
	exitcall_t exit;
	bool live; /* init ran and succeeded */
};

static struct uldd_module uldd_modules[MAX_MODULES];
static unsigned int uldd_nmodules;
static struct uldd_module_param *uldd_params;
static struct uldd_module_param_cb *uldd_params_cb;
static struct {
	const char *name, *desc;
} uldd_descs[MAX_DESCS];
static unsigned int uldd_ndescs;

void uldd_module_register(initcall_t init, exitcall_t exit, const char *name)
{
	struct uldd_module *m = NULL;

	for (unsigned int i = 0; i < uldd_nmodules; i++)
		if (!strcmp(uldd_modules[i].name, name))
			m = &uldd_modules[i];
	if (!m) {
		if (uldd_nmodules == MAX_MODULES) {
			pr_err("uldd: more than %d modules in one driver\n", MAX_MODULES);
			return;
		}
		m = &uldd_modules[uldd_nmodules++];
		m->name = name;
	}
	if (init)
		m->init = init;
	if (exit)
		m->exit = exit;
}

void uldd_param_register_cb(struct uldd_module_param_cb *param)
{
	param->next = uldd_params_cb;
	uldd_params_cb = param;
}

void uldd_param_register(struct uldd_module_param *param)
{
	param->next = uldd_params;
	uldd_params = param;
}

void uldd_param_describe(const char *name, const char *desc)
{
	if (uldd_ndescs < MAX_DESCS) {
		uldd_descs[uldd_ndescs].name = name;
		uldd_descs[uldd_ndescs++].desc = desc;
	}
}

unsigned int uldd_module_count(void)
{
	return uldd_nmodules;
}

static const char *param_desc(const char *name)
{
	for (unsigned int i = 0; i < uldd_ndescs; i++)
		if (!strcmp(uldd_descs[i].name, name))
			return uldd_descs[i].desc;
	return "";
}

static const char *const type_names[] = {
	[ULDD_PARAM_BOOL] = "bool",   [ULDD_PARAM_INVBOOL] = "bool",  [ULDD_PARAM_BYTE] = "byte",
	[ULDD_PARAM_SHORT] = "short", [ULDD_PARAM_USHORT] = "ushort", [ULDD_PARAM_INT] = "int",
	[ULDD_PARAM_UINT] = "uint",   [ULDD_PARAM_HEXINT] = "hexint", [ULDD_PARAM_LONG] = "long",
	[ULDD_PARAM_ULONG] = "ulong", [ULDD_PARAM_ULLONG] = "ullong", [ULDD_PARAM_CHARP] = "charp",
};

/* One element; the kernel's own parsers, so the driver sees what insmod gives. */
static int param_parse_one(struct uldd_module_param *p, void *dst, const char *val)
{
	bool b;
	int err = 0;

	switch (p->type) {
	case ULDD_PARAM_BOOL:
	case ULDD_PARAM_INVBOOL:
		err = kstrtobool(val, &b);
		if (!err)
			*(bool *)dst = p->type == ULDD_PARAM_BOOL ? b : !b;
		return err;
	case ULDD_PARAM_BYTE:
		return kstrtou8(val, 0, dst);
	case ULDD_PARAM_SHORT:
		return kstrtos16(val, 0, dst);
	case ULDD_PARAM_USHORT:
		return kstrtou16(val, 0, dst);
	case ULDD_PARAM_INT:
		return kstrtoint(val, 0, dst);
	case ULDD_PARAM_UINT:
	case ULDD_PARAM_HEXINT:
		return kstrtouint(val, 0, dst);
	case ULDD_PARAM_LONG:
		return kstrtol(val, 0, dst);
	case ULDD_PARAM_ULONG:
		return kstrtoul(val, 0, dst);
	case ULDD_PARAM_ULLONG:
		return kstrtoull(val, 0, dst);
	case ULDD_PARAM_CHARP: {
		char *copy = kstrdup(val, GFP_KERNEL);

		if (!copy)
			return -ENOMEM;
		*(char **)dst = copy;
		return 0;
	}
	}
	return -EINVAL;
}

/*
 * name=value from the command line. Arrays take comma-separated values.
 * On failure msg (len bytes) says what is wrong, in one line.
 */
int uldd_param_set(const char *name, const char *value, char *msg, unsigned long len)
{
	struct uldd_module_param *p;
	char elem[64];
	unsigned int n = 0;
	int err;

	for (struct uldd_module_param_cb *c = uldd_params_cb; c; c = c->next) {
		if (strcmp(c->kp.name, name))
			continue;
		err = c->kp.ops->set(value, &c->kp);
		if (err)
			scnprintf(msg, len, "parameter '%s' refuses '%s' (%pe)%s%s", name, value,
				  ERR_PTR(err), *param_desc(name) ? ": " : "", param_desc(name));
		return err;
	}
	for (p = uldd_params; p; p = p->next)
		if (!strcmp(p->name, name))
			break;
	if (!p) {
		int off = scnprintf(msg, len, "the driver has no parameter '%s'", name);
		bool any = false;

		for (struct uldd_module_param *q = uldd_params; q; q = q->next, any = true)
			off += scnprintf(msg + off, len - off, "%s%s",
					 any ? ", " : " (it has: ", q->name);
		for (struct uldd_module_param_cb *c = uldd_params_cb; c; c = c->next, any = true)
			off += scnprintf(msg + off, len - off, "%s%s",
					 any ? ", " : " (it has: ", c->kp.name);
		if (any)
			scnprintf(msg + off, len - off, ")");
		return -ENOENT;
	}
	if (!p->max) {
		err = param_parse_one(p, p->value, value);
		goto out;
	}
	for (const char *s = value;; n++) {
		const char *comma = strchr(s, ',');
		size_t l = comma ? (size_t)(comma - s) : strlen(s);

		if (n == p->max) {
			scnprintf(msg, len, "parameter '%s' takes at most %u values", name, p->max);
			return -EINVAL;
		}
		if (l >= sizeof(elem)) {
			err = -EINVAL;
			goto out;
		}
		memcpy(elem, s, l);
		elem[l] = '\0';
		err = param_parse_one(p, (char *)p->value + (size_t)n * p->size, elem);
		if (err)
			goto out;
		if (!comma)
			break;
		s = comma + 1;
	}
	if (p->num)
		*p->num = n + 1;
out:
	if (err)
		scnprintf(msg, len, "parameter '%s' takes %s%s values, not '%s'%s%s", name,
			  p->max ? "comma-separated " : "", type_names[p->type], value,
			  *param_desc(name) ? ": " : "", param_desc(name));
	return err;
}

int uldd_modules_init(void)
{
	int err;

	for (unsigned int i = 0; i < uldd_nmodules; i++) {
		struct uldd_module *m = &uldd_modules[i];
		unsigned int held = uldd_lockdep_cb_enter();

		err = m->init ? m->init() : 0;
		uldd_lockdep_cb_exit(held, "module init", m->init);
		if (err) {
			/* A disk the host refused said why already, in one line. */
			if (!uldd_blk_export_failed())
				pr_err("uldd: module %s: init failed: %pe\n", m->name,
				       ERR_PTR(err));
			uldd_modules_exit();
			return err;
		}
		m->live = true;
	}
	return 0;
}

void uldd_modules_exit(void)
{
	for (unsigned int i = uldd_nmodules; i-- > 0;) {
		struct uldd_module *m = &uldd_modules[i];

		if (m->live && m->exit) {
			unsigned int held = uldd_lockdep_cb_enter();

			m->exit();
			uldd_lockdep_cb_exit(held, "module exit", m->exit);
		}
		m->live = false;
	}
}

/* The standard kernel_param_ops parsers (linux/moduleparam.h). */
int param_set_int(const char *val, const struct kernel_param *kp)
{
	return kstrtoint(val, 0, kp->arg);
}

int param_get_int(char *buffer, const struct kernel_param *kp)
{
	return scnprintf(buffer, PAGE_SIZE, "%d\n", *(int *)kp->arg);
}

int param_set_uint(const char *val, const struct kernel_param *kp)
{
	return kstrtouint(val, 0, kp->arg);
}

int param_get_uint(char *buffer, const struct kernel_param *kp)
{
	return scnprintf(buffer, PAGE_SIZE, "%u\n", *(unsigned int *)kp->arg);
}

int param_set_ulong(const char *val, const struct kernel_param *kp)
{
	return kstrtoul(val, 0, kp->arg);
}

int param_get_ulong(char *buffer, const struct kernel_param *kp)
{
	return scnprintf(buffer, PAGE_SIZE, "%lu\n", *(unsigned long *)kp->arg);
}

int param_set_bool(const char *val, const struct kernel_param *kp)
{
	/* A bare flag (no value) means true, as on the kernel's command line. */
	if (!val || !*val)
		val = "1";
	return kstrtobool(val, kp->arg);
}

int param_get_bool(char *buffer, const struct kernel_param *kp)
{
	return scnprintf(buffer, PAGE_SIZE, "%c\n", *(bool *)kp->arg ? 'Y' : 'N');
}

int param_set_uint_minmax(const char *val, const struct kernel_param *kp, unsigned int min,
			  unsigned int max)
{
	unsigned int v;
	int err = kstrtouint(val, 0, &v);

	if (err)
		return err;
	if (v < min || v > max)
		return -EINVAL;
	*(unsigned int *)kp->arg = v;
	return 0;
}
