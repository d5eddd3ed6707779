// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * gdb.c - 'uldd gdb': runs 'uldd run' under gdb, with uldd's gdb extension
 * (tools/gdb/uldd.py: pretty-printers, lx-dmesg, lx-ps, uldd-break) loaded
 * and pending breakpoints on, since the driver is dlopen()ed long after gdb
 * starts. With no run arguments it opens gdb on the uldd binary alone, for
 * a core file (-c CORE).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "uldd.h"

/* Beside the binary once installed (bin/ and share/), else the source tree. */
#define GDB_EXT_INSTALLED "/../share/uldd/gdb/uldd.py"
#ifndef ULDD_TOP
#define ULDD_TOP "."
#endif
#define GDB_EXT_TREE ULDD_TOP "/tools/gdb/uldd.py"

static int find_ext(const char *self, char *ext, size_t len)
{
	const char *slash = strrchr(self, '/');
	int n = snprintf(ext, len, "%.*s%s", slash ? (int)(slash - self) : 1, slash ? self : ".",
			 GDB_EXT_INSTALLED);

	if (n > 0 && (size_t)n < len && !access(ext, R_OK))
		return 0;
	n = snprintf(ext, len, "%s", GDB_EXT_TREE);
	if (n > 0 && (size_t)n < len && !access(ext, R_OK))
		return 0;
	tool_err("cannot find uldd's gdb extension (uldd.py) beside %s or in %s: rebuild uldd",
		 self, ULDD_TOP "/tools/gdb");
	return -1;
}

static int gdb_main(int argc, char **argv)
{
	char self[PATH_MAX], ext[PATH_MAX + 64], source[PATH_MAX + 80];
	const char *gdb = getenv("ULDD_GDB");
	int sep = -1, ngdb, nrun, k = 0;
	ssize_t n;
	char **args;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--")) {
			sep = i;
			break;
		}
	}
	/* Without '--' every argument is uldd run's. */
	ngdb = sep < 0 ? 0 : sep - 1;
	nrun = sep < 0 ? argc - 1 : argc - sep - 1;
	if (ngdb == 0 && nrun == 0)
		return tool_usage_err(&tool_cmd_gdb, "give a driver, or gdb's arguments and '--'");

	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n < 0) {
		tool_err("cannot find the uldd binary: /proc/self/exe: %s", strerror(errno));
		return ULDD_EXIT_FAIL;
	}
	self[n] = '\0';
	if (find_ext(self, ext, sizeof(ext)))
		return ULDD_EXIT_FAIL;
	snprintf(source, sizeof(source), "source %s", ext);

	args = calloc((size_t)argc + 16, sizeof(*args));
	if (!args) {
		tool_err("out of memory");
		return ULDD_EXIT_FAIL;
	}
	if (!gdb || !*gdb)
		gdb = "gdb";
	args[k++] = (char *)gdb;
	args[k++] = "-q";
	/* -iex: before the program is read, so its first breakpoint may wait for the driver. */
	args[k++] = "-iex";
	args[k++] = "set breakpoint pending on";
	args[k++] = "-iex";
	args[k++] = source;
	for (int i = 0; i < ngdb; i++)
		args[k++] = argv[1 + i];
	if (nrun) {
		args[k++] = "--args";
		args[k++] = self;
		args[k++] = "run";
		for (int i = 0; i < nrun; i++)
			args[k++] = argv[argc - nrun + i];
	} else {
		args[k++] = self;
	}
	args[k] = NULL;
	execvp(gdb, args);
	tool_err("cannot run %s: %s: install gdb (apt-get install gdb) or name it in ULDD_GDB", gdb,
		 strerror(errno));
	free(args);
	return ULDD_EXIT_FAIL;
}

const struct tool_cmd tool_cmd_gdb = {
	.name = "gdb",
	.args = "[GDB-OPTIONS... --] DRIVER.so [run options]",
	.summary = "run a driver under gdb, with uldd's gdb commands",
	.help = "Starts gdb on 'uldd run DRIVER.so ...' (the arguments after '--', or all of\n"
		"them without one), with pending breakpoints on and uldd's gdb extension\n"
		"loaded: pretty-printers for struct pci_dev, net_device, sk_buff and\n"
		"list_head; lx-dmesg (the driver's and uldd's log lines, at every level);\n"
		"lx-ps (tasks and virtual CPUs); lx-lspci, lx-netdev [NAME], lx-list-walk;\n"
		"$container_of(), $k(\"NAME\"), $lx_netdev(\"NAME\"); uldd-break NAME, which\n"
		"finds a kernel function under its renamed symbol (uldd_k_NAME) and waits for\n"
		"the driver's .so to load. GDB-OPTIONS go to gdb (-batch, -x FILE, -ex CMD).\n"
		"With nothing after '--', gdb opens the uldd binary alone: 'uldd gdb -c CORE --'\n"
		"reads a crashed driver's core file with the same commands. ULDD_GDB names\n"
		"another gdb. Run as root, as 'uldd run'; 'uldd run' keeps the driver\n"
		"dumpable when it drops root, so a crash leaves a core where the system keeps\n"
		"them ('ulimit -c', /proc/sys/kernel/core_pattern: a folder user uldd may\n"
		"write).\n",
	.run = gdb_main,
};
