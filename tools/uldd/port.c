// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * port.c - 'uldd port': hands over to tools/port/uldd-port, which reads a
 * driver's Kbuild files, applies coccinelle/, compiles and reports. It is
 * a script because it drives other programs (spatch, gcc, nm) and parses
 * their output; this entry point only finds it and the build's flags.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "uldd.h"

/* tools.mk passes where the tree and its build are. */
#ifndef ULDD_TOP
#define ULDD_TOP "."
#endif
#ifndef ULDD_BUILD
#define ULDD_BUILD "build"
#endif

static int port_run(int argc, char **argv)
{
	const char *tool = ULDD_TOP "/tools/port/uldd-port";
	const char *config = getenv("ULDD_PORT_CONFIG");
	char **args = calloc((size_t)argc + 4, sizeof(*args));
	int n = 0;

	if (!args) {
		tool_err("out of memory");
		return ULDD_EXIT_FAIL;
	}
	args[n++] = (char *)tool;
	args[n++] = "--config";
	args[n++] = (char *)(config ? config : ULDD_BUILD "/port/config.json");
	for (int i = 1; i < argc; i++)
		args[n++] = argv[i];
	args[n] = NULL;
	execv(tool, args);
	tool_err("cannot run %s: %s: 'make' builds uldd with its tools", tool, strerror(errno));
	free(args);
	return ULDD_EXIT_FAIL;
}

const struct tool_cmd tool_cmd_port = {
	.name = "port",
	.args = "[--ksrc TREE] [--series 6.1|6.12] [--stubs] [--record] DRIVER",
	.summary = "build a Linux driver from its kernel tree, report what the shim lacks",
	.help = "DRIVER is a Kbuild object (8139cp), a folder of the tree, or a ported/ name.\n"
		"Reads the driver's Kbuild Makefile for its files, checks their SHA-256\n"
		"against ported/NAME/upstream-SERIES.sha256 (--record writes them), copies\n"
		"them under build/port/, applies coccinelle/*.cocci, compiles them against\n"
		"include/linux-compat and links build/ported/SERIES/NAME.so (--out DIR).\n"
		"The report (NAME.port.txt and .json beside the .so) names every missing\n"
		"header, function, macro, type, struct field and Kconfig symbol with the\n"
		"driver lines that use it. --stubs links a stub for each missing function\n"
		"that stops the driver naming it. Exit status 0 only when the .so links\n"
		"with nothing missing.\n",
	.run = port_run,
};
