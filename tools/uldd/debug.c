// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * debug.c - 'uldd run --debug=LIST' on the tool's side: names to the
 * shim's mask, and the symbolizer the oops uses for the frames of every
 * report, so a report names static functions of the driver too.
 */
#include <execinfo.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../kernel/host.h"
#include "../../shim/entry.h"
#include "debug.h"
#include "elf.h"
#include "oops.h"
#include "uldd.h"

static const char debug_known[] = "kasan, lockdep, dma, leaks, dma-strict, up or all";

int tool_debug_parse(const char *list, struct tool_debug *d)
{
	const char *p = list, *end;

	if (!*list)
		return tool_usage_err(&tool_cmd_run, "--debug needs checkers: %s", debug_known);
	for (; *p; p = *end ? end + 1 : end) {
		size_t len;
		unsigned int mask;

		end = strchr(p, ',');
		if (!end)
			end = p + strlen(p);
		len = (size_t)(end - p);
		if (len == 2 && !strncmp(p, "up", 2)) {
			d->up = true;
		} else if (len == 3 && !strncmp(p, "all", 3)) {
			d->mask = ~0U;
			d->up = true;
		} else if (uldd_k_uldd_debug_lookup(p, len, &mask) == 0) {
			d->mask |= mask;
		} else {
			return tool_usage_err(&tool_cmd_run, "--debug: no checker '%.*s': give %s",
					      (int)len, p, debug_known);
		}
	}
	return 0;
}

/* As glibc's backtrace_symbols() writes the frame, then as the oops names it. */
static void name_frame(void *pc, char *buf, size_t len)
{
	char **sym = backtrace_symbols(&pc, 1);
	uint64_t addr;

	if (!sym) {
		snprintf(buf, len, "[%p]", pc);
		return;
	}
	tool_oops_symbolize(sym[0], true, buf, len, &addr);
	free(sym);
}

/* Whether driver calls the kasan checks: built by 'make kasan' (shim/debug/kasan.mk). */
static bool driver_instrumented(const char *driver)
{
	const char *want = "uldd_k_uldd_kasan_";
	bool found = false;
	struct tool_elf f;

	if (tool_elf_open(driver, &f))
		return true; /* loading it will say what is wrong */
	for (unsigned int i = 0; i < f.eh->e_shnum && !found; i++) {
		const Elf64_Shdr *str = tool_elf_section(&f, f.sh[i].sh_link);
		const Elf64_Sym *sym;
		size_t nsym;

		if (f.sh[i].sh_type != SHT_DYNSYM || !str)
			continue;
		nsym = f.sh[i].sh_size / sizeof(Elf64_Sym);
		sym = tool_elf_at(&f, f.sh[i].sh_offset, nsym * sizeof(Elf64_Sym));
		for (size_t j = 0; sym && j < nsym && !found; j++) {
			const char *s = tool_elf_str(&f, str, sym[j].st_name);

			found = sym[j].st_shndx == SHN_UNDEF && s &&
				!strncmp(s, want, strlen(want));
		}
	}
	tool_elf_close(&f);
	return found;
}

void tool_debug_check_driver(const struct tool_debug *d, const char *driver)
{
	unsigned int kasan = 0;

	/* The shim's name for the bit: uldd/debug.h is K-world's. */
	uldd_k_uldd_debug_lookup("kasan", 5, &kasan);
	if ((d->mask & kasan) && !driver_instrumented(driver))
		fprintf(stderr,
			"uldd: --debug=kasan: %s is not built for kasan: only the shim's own checks "
			"(allocations, frees, string functions) apply; 'make kasan' builds "
			"instrumented drivers into build/kasan/\n",
			driver);
}

void tool_debug_start(const struct tool_debug *d)
{
	uldd_k_uldd_debug_setup(d->mask);
	if (d->mask)
		uh_stack_set_namer(name_frame);
}

unsigned long tool_debug_finish(const struct tool_debug *d)
{
	return d->mask ? uldd_k_uldd_debug_finish() : 0;
}
