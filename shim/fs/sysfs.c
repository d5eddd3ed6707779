// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * fs/sysfs.c - sysfs and uevents (linux/sysfs.h, linux/kobject.h) without
 * a sysfs: files, groups and links are not made; sysfs_emit() and
 * add_uevent_var() format for real. No shared state, so any context.
 */
#include <asm/page.h>
#include <linux/mm.h>
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/sprintf.h>
#include <linux/sysfs.h>

int sysfs_emit(char *buf, const char *fmt, ...)
{
	va_list ap;
	int len;

	if (WARN(!buf || offset_in_page(buf), "sysfs_emit: %p is not a page\n", buf))
		return 0;
	va_start(ap, fmt);
	len = vscnprintf(buf, PAGE_SIZE, fmt, ap);
	va_end(ap);
	return len;
}

int sysfs_emit_at(char *buf, int at, const char *fmt, ...)
{
	va_list ap;
	int len;

	if (WARN(!buf || offset_in_page(buf) || at < 0 || at >= (int)PAGE_SIZE,
		 "sysfs_emit_at: %p + %d is not in a page\n", buf, at))
		return 0;
	va_start(ap, fmt);
	len = vscnprintf(buf + at, PAGE_SIZE - at, fmt, ap);
	va_end(ap);
	return len;
}

int sysfs_create_link(struct kobject *kobj, struct kobject *target, const char *name)
{
	(void)kobj;
	(void)target;
	(void)name;
	return 0;
}

void sysfs_remove_link(struct kobject *kobj, const char *name)
{
	(void)kobj;
	(void)name;
}

int sysfs_create_group(struct kobject *kobj, const struct attribute_group *grp)
{
	(void)kobj;
	(void)grp;
	return 0;
}

int sysfs_update_group(struct kobject *kobj, const struct attribute_group *grp)
{
	(void)kobj;
	(void)grp;
	return 0;
}

void sysfs_remove_group(struct kobject *kobj, const struct attribute_group *grp)
{
	(void)kobj;
	(void)grp;
}

int sysfs_create_groups(struct kobject *kobj, const struct attribute_group **groups)
{
	(void)kobj;
	(void)groups;
	return 0;
}

void sysfs_remove_groups(struct kobject *kobj, const struct attribute_group **groups)
{
	(void)kobj;
	(void)groups;
}

int add_uevent_var(struct kobj_uevent_env *env, const char *format, ...)
{
	int room = (int)sizeof(env->buf) - env->buflen;
	va_list ap;
	int len;

	if (env->envp_idx >= (int)ARRAY_SIZE(env->envp))
		return -ENOMEM;
	va_start(ap, format);
	len = vsnprintf(&env->buf[env->buflen], room, format, ap);
	va_end(ap);
	if (len >= room)
		return -ENOMEM;
	env->envp[env->envp_idx++] = &env->buf[env->buflen];
	env->buflen += len + 1;
	return 0;
}

int kobject_uevent_env(struct kobject *kobj, enum kobject_action action, char *envp[])
{
	(void)kobj;
	(void)action;
	(void)envp;
	return 0;
}

int kobject_uevent(struct kobject *kobj, enum kobject_action action)
{
	return kobject_uevent_env(kobj, action, NULL);
}
