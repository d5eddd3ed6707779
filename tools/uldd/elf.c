// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* elf.c - see elf.h. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "elf.h"

const void *tool_elf_at(const struct tool_elf *f, uint64_t off, uint64_t len)
{
	if (off > f->size || len > f->size - off)
		return NULL;
	return f->p + off;
}

const Elf64_Shdr *tool_elf_section(const struct tool_elf *f, unsigned int i)
{
	return i < f->eh->e_shnum ? &f->sh[i] : NULL;
}

const char *tool_elf_str(const struct tool_elf *f, const Elf64_Shdr *strtab, uint64_t off)
{
	const char *s;

	if (!strtab || off >= strtab->sh_size)
		return NULL;
	s = tool_elf_at(f, strtab->sh_offset + off, strtab->sh_size - off);
	return s && memchr(s, 0, strtab->sh_size - off) ? s : NULL;
}

const Elf64_Shdr *tool_elf_section_named(const struct tool_elf *f, const char *name)
{
	const Elf64_Shdr *names = tool_elf_section(f, f->eh->e_shstrndx);

	for (unsigned int i = 0; i < f->eh->e_shnum; i++) {
		const char *n = tool_elf_str(f, names, f->sh[i].sh_name);

		if (n && !strcmp(n, name))
			return &f->sh[i];
	}
	return NULL;
}

int tool_elf_open(const char *path, struct tool_elf *f)
{
	struct stat st;
	void *p;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return errno;
	if (fstat(fd, &st) || !S_ISREG(st.st_mode) || st.st_size < (off_t)sizeof(Elf64_Ehdr)) {
		close(fd);
		return ENOEXEC;
	}
	p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (p == MAP_FAILED)
		return errno;
	f->p = p;
	f->size = (size_t)st.st_size;
	f->eh = p;
	if (memcmp(f->eh->e_ident, ELFMAG, SELFMAG) || f->eh->e_ident[EI_CLASS] != ELFCLASS64 ||
	    f->eh->e_ident[EI_DATA] != ELFDATA2LSB || f->eh->e_shentsize != sizeof(Elf64_Shdr) ||
	    !(f->sh = tool_elf_at(f, f->eh->e_shoff,
				  (uint64_t)f->eh->e_shnum * sizeof(Elf64_Shdr)))) {
		munmap(p, f->size);
		return ENOEXEC;
	}
	return 0;
}

void tool_elf_close(struct tool_elf *f)
{
	munmap((void *)f->p, f->size);
}
