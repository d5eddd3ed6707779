// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * modinfo.c - 'uldd modinfo DRIVER.so': what a driver says of itself, read
 * from its file without loading it (no code of the driver runs), as the
 * kernel's modinfo shows a .ko: the .modinfo strings its MODULE_*() lines
 * and module parameters put there (linux/module.h, linux/moduleparam.h),
 * and a PCI alias for each entry of its MODULE_DEVICE_TABLE, found by the
 * __mod_pci__NAME_device_table symbol in its symbol table.
 *
 * The file is an ELF64 shared object of this machine; every offset read
 * from it is checked against its size before use.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abi.h"
#include "elf.h"
#include "modinfo.h"
#include "uldd.h"

/* One field of an alias: the value, or '*' for "any". */
static void id_field(char *buf, size_t len, const char *tag, uint32_t v, bool any)
{
	if (any)
		snprintf(buf, len, "%s*", tag);
	else
		snprintf(buf, len, "%s%08X", tag, v);
}

/*
 * The kernel's alias form for a PCI ID entry: vendor, device, subsystem
 * vendor and device, then class, subclass and programming interface, each
 * byte shown only when the entry's class mask covers it whole.
 */
static void pci_alias(const struct tool_pci_id *id, char *out, size_t len)
{
	char v[16], d[16], sv[16], sd[16], cls[3][8];
	static const char *const ctag[3] = { "bc", "sc", "i" };

	id_field(v, sizeof(v), "v", id->vendor, id->vendor == ULDD_PCI_ANY_ID);
	id_field(d, sizeof(d), "d", id->device, id->device == ULDD_PCI_ANY_ID);
	id_field(sv, sizeof(sv), "sv", id->subvendor, id->subvendor == ULDD_PCI_ANY_ID);
	id_field(sd, sizeof(sd), "sd", id->subdevice, id->subdevice == ULDD_PCI_ANY_ID);
	for (int b = 0; b < 3; b++) {
		unsigned int shift = 16 - 8 * (unsigned int)b;

		if (((id->class_mask >> shift) & 0xff) == 0xff)
			snprintf(cls[b], sizeof(cls[b]), "%s%02X", ctag[b],
				 (id->class >> shift) & 0xff);
		else
			snprintf(cls[b], sizeof(cls[b]), "%s*", ctag[b]);
	}
	snprintf(out, len, "pci:%s%s%s%s%s%s%s", v, d, sv, sd, cls[0], cls[1], cls[2]);
}

int tool_driver_open(const char *path, struct tool_elf *f)
{
	int err = tool_elf_open(path, f);

	/* A driver is a shared object; an executable or a .o is not one. */
	if (!err && f->eh->e_type != ET_DYN) {
		tool_elf_close(f);
		err = ENOEXEC;
	}
	return err;
}

unsigned int tool_pci_ids(const struct tool_elf *f, tool_pci_id_fn *fn, void *arg)
{
	const Elf64_Shdr *symtab = tool_elf_section_named(f, ".symtab");
	const Elf64_Shdr *strtab = symtab ? tool_elf_section(f, symtab->sh_link) : NULL;
	const Elf64_Sym *syms;
	uint64_t nsyms;
	unsigned int n = 0;

	if (!symtab || !strtab || symtab->sh_entsize != sizeof(Elf64_Sym))
		return 0;
	nsyms = symtab->sh_size / sizeof(Elf64_Sym);
	syms = tool_elf_at(f, symtab->sh_offset, nsyms * sizeof(Elf64_Sym));
	for (uint64_t i = 0; syms && i < nsyms; i++) {
		const char *name = tool_elf_str(f, strtab, syms[i].st_name);
		const Elf64_Shdr *in = tool_elf_section(f, syms[i].st_shndx);
		const struct tool_pci_id *ids;
		size_t nlen;

		if (!name || !in || in->sh_type == SHT_NOBITS || strncmp(name, "__mod_pci__", 11))
			continue;
		nlen = strlen(name);
		if (nlen < 13 || strcmp(name + nlen - 13, "_device_table"))
			continue;
		if (syms[i].st_value < in->sh_addr || syms[i].st_size % sizeof(*ids))
			continue;
		ids = tool_elf_at(f, in->sh_offset + (syms[i].st_value - in->sh_addr),
				  syms[i].st_size);
		for (uint64_t k = 0; ids && k < syms[i].st_size / sizeof(*ids); k++) {
			/*
			 * The table ends with an empty entry, found as the
			 * kernel's pci_match_id() finds it, so that no entry
			 * is shown or matched here that the driver would skip.
			 */
			if (!ids[k].vendor && !ids[k].subvendor && !ids[k].class_mask)
				break;
			fn(&ids[k], arg);
			n++;
		}
	}
	return n;
}

struct show {
	const char *field; /* -F: only this field's values */
	const struct tool_elf *f;
	const char *strs; /* .modinfo */
	uint64_t len;
};

static void show_line(const struct show *s, const char *tag, const char *value)
{
	if (!s->field)
		printf("%s:%*s%s\n", tag, (int)(16 - strlen(tag) - 1), "", value);
	else if (!strcmp(s->field, tag))
		printf("%s\n", value);
}

static void show_alias(const struct tool_pci_id *id, void *arg)
{
	char alias[96];

	pci_alias(id, alias, sizeof(alias));
	show_line(arg, "alias", alias);
}

/* Calls fn for each "tag=value" string of .modinfo. */
static void for_each_info(const struct show *s, void (*fn)(const struct show *s, const char *tag,
							   size_t taglen, const char *value))
{
	for (uint64_t off = 0; off < s->len;) {
		const char *str = s->strs + off;
		size_t n = strnlen(str, s->len - off);
		const char *eq = memchr(str, '=', n);

		if (n && eq)
			fn(s, str, (size_t)(eq - str), eq + 1);
		off += n + 1;
	}
}

static void show_plain(const struct show *s, const char *tag, size_t taglen, const char *value)
{
	char name[32];

	if (taglen >= sizeof(name) || !strncmp(tag, "parm", 4))
		return;
	memcpy(name, tag, taglen);
	name[taglen] = '\0';
	show_line(s, name, value);
}

/* The type of parameter name (from its parmtype entry), or NULL. */
static const char *parm_type(const struct show *s, const char *name, size_t nlen)
{
	for (uint64_t off = 0; off < s->len;) {
		const char *str = s->strs + off;
		size_t n = strnlen(str, s->len - off);

		if (n > 9 + nlen && !strncmp(str, "parmtype=", 9) &&
		    !strncmp(str + 9, name, nlen) && str[9 + nlen] == ':')
			return str + 10 + nlen;
		off += n + 1;
	}
	return NULL;
}

/* "parm: NAME:DESCRIPTION (TYPE)", as modinfo merges the two entries. */
static void show_parm(const struct show *s, const char *tag, size_t taglen, const char *value)
{
	const char *colon = strchr(value, ':');
	const char *type;
	char line[1024];

	if (!colon)
		return;
	type = parm_type(s, value, (size_t)(colon - value));
	if (taglen == 4 && !strncmp(tag, "parm", 4)) {
		snprintf(line, sizeof(line), "%s (%s)", value, type ? type : "unknown");
		show_line(s, "parm", line);
	} else if (taglen == 8 && !strncmp(tag, "parmtype", 8)) {
		/* A parameter without a description still gets its line. */
		for (uint64_t off = 0; off < s->len;) {
			const char *str = s->strs + off;
			size_t n = strnlen(str, s->len - off);

			if (!strncmp(str, "parm=", 5) &&
			    !strncmp(str + 5, value, (size_t)(colon - value) + 1))
				return;
			off += n + 1;
		}
		snprintf(line, sizeof(line), "%.*s: (%s)", (int)(colon - value), value, colon + 1);
		show_line(s, "parm", line);
	}
}

/* The ABI the driver was built for, where modinfo(8) shows vermagic. */
static void show_abi(const struct show *s)
{
	unsigned int major, minor;
	char v[32];

	if (tool_abi_note(s->f, &major, &minor))
		return;
	snprintf(v, sizeof(v), "uldd %u.%u", major, minor);
	show_line(s, "abi", v);
}

static int modinfo(int argc, char **argv)
{
	struct tool_elf f;
	struct show s = { 0 };
	const Elf64_Shdr *mi;
	const char *path = NULL;
	int err;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-F") || !strcmp(argv[i], "--field")) {
			if (++i == argc)
				return tool_usage_err(&tool_cmd_modinfo, "%s needs a field name",
						      argv[i - 1]);
			s.field = argv[i];
		} else if (argv[i][0] == '-') {
			return tool_usage_err(&tool_cmd_modinfo, "unknown option '%s'", argv[i]);
		} else if (!path) {
			path = argv[i];
		} else {
			return tool_usage_err(&tool_cmd_modinfo, "one driver at a time");
		}
	}
	if (!path)
		return tool_usage_err(&tool_cmd_modinfo, "which driver? give its .so file");
	err = tool_driver_open(path, &f);
	if (err) {
		tool_err("%s: %s", path,
			 err == ENOEXEC
				 ? "not a driver .so (an ELF64 shared object) of this machine"
				 : strerror(err));
		return ULDD_EXIT_FAIL;
	}
	mi = tool_elf_section_named(&f, ".modinfo");
	s.f = &f;
	s.strs = mi ? tool_elf_at(&f, mi->sh_offset, mi->sh_size) : NULL;
	s.len = s.strs ? mi->sh_size : 0;
	if (!s.strs) {
		tool_err("%s: no .modinfo section: not built against uldd's kernel headers", path);
		tool_elf_close(&f);
		return ULDD_EXIT_FAIL;
	}
	show_line(&s, "filename", path);
	for_each_info(&s, show_plain);
	show_abi(&s);
	tool_pci_ids(&f, show_alias, &s);
	for_each_info(&s, show_parm);
	tool_elf_close(&f);
	return ULDD_EXIT_OK;
}

const struct tool_cmd tool_cmd_modinfo = {
	.name = "modinfo",
	.args = "[-F FIELD] DRIVER.so",
	.summary = "what a driver says of itself: license, aliases, parameters",
	.help = "Prints what DRIVER.so declares, read from the file without running it, as\n"
		"modinfo(8) shows a kernel module: filename, license, description, author,\n"
		"version, firmware (each MODULE_*() line), an alias for each entry of its\n"
		"PCI MODULE_DEVICE_TABLE (pci:vVVVVVVVVdDDDDDDDDsv*sd*bc*sc*i*, '*' for any),\n"
		"and each module parameter with its description and type, and the uldd\n"
		"driver ABI it was built for (abi:, where modinfo(8) shows vermagic; 'uldd\n"
		"run' loads a driver only into a library of that major version and the\n"
		"same or a later minor one). -F FIELD prints only that field's values, one\n"
		"per line.\n",
	.run = modinfo,
};
