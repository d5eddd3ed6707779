/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * oops.h - a crashed driver's report. The driver process (uldd run under
 * uldd supervise) catches its own fatal signals and writes, on the pipe to
 * its supervisor, one "oops" line (signal, code, address, pc, pid, thread,
 * sender, thread name) and the crashed thread's backtrace as glibc prints
 * it; the supervisor parses that and prints a kernel-style oops, naming
 * the functions of the driver .so and of the shim from their symbol tables.
 */
#ifndef ULDD_TOOLS_OOPS_H
#define ULDD_TOOLS_OOPS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define ULDD_OOPS_FRAMES 64
#define ULDD_OOPS_LINE 512

/* Child side: handlers for SIGSEGV, SIGBUS, SIGILL, SIGFPE and SIGABRT. */
int tool_oops_install(int fd);

struct tool_oops {
	bool active; /* an oops line came; frames follow */
	int sig, code;
	uint64_t addr, pc;
	long pid, tid, sender;
	char comm[17];
	unsigned int nframes;
	char frames[ULDD_OOPS_FRAMES][ULDD_OOPS_LINE];
};

/*
 * Supervisor side. Takes one line of the pipe (without its newline):
 * true when it belongs to an oops (the header or a frame), false for
 * another kind of line, which the caller handles.
 */
bool tool_oops_line(struct tool_oops *o, const char *line);

/*
 * One frame as glibc's backtrace_symbols_fd printed it ("PATH(SYM+0xOFF)
 * [0xADDR]", "PATH(+0xOFF) [0xADDR]", "[0xADDR]") as "func+0xoff/0xsize
 * [module]": a function with no dynamic symbol is looked up in PATH's
 * symbol table. The shim's renamed functions (uldd_k_NAME in the uldd
 * binary) are shown by their kernel name, module "shim". *addr: the
 * frame's address (0 when unreadable). caller: the frame's address is a
 * return address (every frame but the one that faulted), looked up a byte
 * before, as a call that never returns can end its function.
 */
void tool_oops_symbolize(const char *frame, bool caller, char *out, size_t len, uint64_t *addr);

/*
 * The oops, each line starting with prefix: what happened ("BUG: ..."),
 * who (driver, pid, thread), the faulting function (RIP), the call trace
 * from there down, and the end marker.
 */
void tool_oops_print(FILE *out, const char *prefix, const char *driver, const struct tool_oops *o);

/* "SIGSEGV"; "signal N" for one without a name. */
const char *tool_oops_signame(int sig, char *buf, size_t len);

#endif /* ULDD_TOOLS_OOPS_H */
