// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * abi.c - the driver ABI check 'uldd run' makes before dlopen(), and the
 * version 'uldd modinfo' shows. Two records say what a driver needs: the
 * note its headers put in it (the version it was compiled against, which
 * also covers the layout of every structure it touches), and the version
 * nodes its symbol references carry (the newest library functions it
 * calls). A driver loads when its major version is the library's and
 * neither record is newer than the library.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "../../include/linux-compat/uldd/abi.h"
#include "abi.h"
#include "uldd.h"

/* The library's soname carries the major version (abi/abi.mk). */
#define ABI_STR_(x) #x
#define ABI_STR(x) ABI_STR_(x)
#define LIBULDD_SONAME "libuldd.so." ABI_STR(ULDD_ABI_MAJOR)

int tool_abi_note(const struct tool_elf *f, unsigned int *major, unsigned int *minor)
{
	const Elf64_Shdr *sh = tool_elf_section_named(f, ULDD_NOTE_SECTION);
	const Elf64_Nhdr *n;
	const uint32_t *v;

	if (!sh || sh->sh_type != SHT_NOTE)
		return ENOENT;
	n = tool_elf_at(f, sh->sh_offset, sizeof(*n));
	if (!n || n->n_type != ULDD_NOTE_ABI || n->n_namesz != sizeof(ULDD_NOTE_NAME) ||
	    n->n_descsz != 2 * sizeof(uint32_t) || sh->sh_size < sizeof(*n) + 8 + 8)
		return ENOENT;
	if (memcmp((const char *)(n + 1), ULDD_NOTE_NAME, sizeof(ULDD_NOTE_NAME)))
		return ENOENT;
	/* The name is padded to 4 bytes: "uldd\0" takes 8. */
	v = tool_elf_at(f, sh->sh_offset + sizeof(*n) + 8, 2 * sizeof(uint32_t));
	if (!v)
		return ENOENT;
	*major = v[0];
	*minor = v[1];
	return 0;
}

static bool too_new(unsigned int major, unsigned int minor)
{
	return major != ULDD_ABI_MAJOR || minor > ULDD_ABI_MINOR;
}

/*
 * The version nodes of this libuldd the driver's references need
 * (.gnu.version_r): 0, or the first it cannot have in *bad.
 */
static int check_nodes(const struct tool_elf *f, const char **bad)
{
	for (unsigned int i = 0; i < f->eh->e_shnum; i++) {
		const Elf64_Shdr *sh = &f->sh[i], *strs;
		uint64_t off = sh->sh_offset;

		if (sh->sh_type != SHT_GNU_verneed)
			continue;
		strs = tool_elf_section(f, sh->sh_link);
		if (!strs)
			return ENOEXEC;
		for (unsigned int n = 0; n < sh->sh_info; n++) {
			const Elf64_Verneed *vn = tool_elf_at(f, off, sizeof(*vn));
			const char *file = vn ? tool_elf_str(f, strs, vn->vn_file) : NULL;
			uint64_t aoff;

			if (!file)
				return ENOEXEC;
			aoff = off + vn->vn_aux;
			for (unsigned int a = 0;
			     strcmp(file, LIBULDD_SONAME) == 0 && a < vn->vn_cnt; a++) {
				const Elf64_Vernaux *va = tool_elf_at(f, aoff, sizeof(*va));
				const char *name = va ? tool_elf_str(f, strs, va->vna_name) : NULL;
				unsigned int major, minor;

				if (!name)
					return ENOEXEC;
				if (sscanf(name, "ULDD_%u.%u", &major, &minor) != 2 ||
				    too_new(major, minor)) {
					*bad = name;
					return EPROTO;
				}
				aoff += va->vna_next;
			}
			if (!vn->vn_next)
				break;
			off += vn->vn_next;
		}
	}
	return 0;
}

int tool_abi_check(const char *path)
{
	struct tool_elf f;
	unsigned int major, minor;
	const char *node = NULL;
	int err = tool_elf_open(path, &f);

	if (err) {
		tool_err("cannot load %s: %s", path,
			 err == ENOEXEC ? "not an ELF64 shared object of this machine"
					: strerror(err));
		return ULDD_EXIT_FAIL;
	}
	if (tool_abi_note(&f, &major, &minor)) {
		tool_err(
			"%s records no uldd ABI version: it was not built against uldd's kernel headers; rebuild it (make -C /usr/lib/uldd/build M=DIR)",
			path);
		err = ULDD_EXIT_FAIL;
	} else if (too_new(major, minor)) {
		tool_err(
			"%s was built for uldd ABI %u.%u, and this %s provides %u.%u: %s", path,
			major, minor, LIBULDD_SONAME, ULDD_ABI_MAJOR, ULDD_ABI_MINOR,
			major > ULDD_ABI_MAJOR ||
					(major == ULDD_ABI_MAJOR && minor > ULDD_ABI_MINOR)
				? "install a uldd that provides it, or rebuild the driver against these headers"
				: "rebuild the driver against these headers");
		err = ULDD_EXIT_FAIL;
	} else if (check_nodes(&f, &node)) {
		if (node)
			tool_err(
				"%s needs %s's %s, which this uldd (ABI %u.%u) does not give drivers: rebuild the driver against these headers",
				path, LIBULDD_SONAME, node, ULDD_ABI_MAJOR, ULDD_ABI_MINOR);
		else
			tool_err("cannot load %s: its version needs (.gnu.version_r) are malformed",
				 path);
		err = ULDD_EXIT_FAIL;
	}
	tool_elf_close(&f);
	return err;
}
