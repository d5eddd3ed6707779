/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * elf.h - reading an ELF64 file of this machine through a private read-only
 * mapping, every offset checked against the file's size: the driver .so
 * whose metadata 'uldd modinfo' shows, the files whose symbols name an
 * oops's frames (oops.c).
 */
#ifndef ULDD_TOOLS_ELF_H
#define ULDD_TOOLS_ELF_H

#include <elf.h>
#include <stddef.h>
#include <stdint.h>

struct tool_elf {
	const uint8_t *p;
	size_t size;
	const Elf64_Ehdr *eh;
	const Elf64_Shdr *sh; /* eh->e_shnum of them */
};

/* 0, or errno: ENOEXEC when path is no little-endian ELF64 with a section table. */
int tool_elf_open(const char *path, struct tool_elf *f);
void tool_elf_close(struct tool_elf *f);
/* The bytes [off, off + len) of the file, or NULL if they are not all in it. */
const void *tool_elf_at(const struct tool_elf *f, uint64_t off, uint64_t len);
/* Section i, or NULL. */
const Elf64_Shdr *tool_elf_section(const struct tool_elf *f, unsigned int i);
/* The NUL-terminated string at off in section strtab, or NULL. */
const char *tool_elf_str(const struct tool_elf *f, const Elf64_Shdr *strtab, uint64_t off);
const Elf64_Shdr *tool_elf_section_named(const struct tool_elf *f, const char *name);

#endif /* ULDD_TOOLS_ELF_H */
