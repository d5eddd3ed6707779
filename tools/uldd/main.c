// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * main.c - the uldd command: options, help, and dispatch to one file per
 * subcommand. Exit codes: 0 done, 1 failed, 2 the command line was wrong.
 */
#include <bsd/unistd.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "host.h"
#include "uldd.h"

/* tools.mk passes the release; checkers that compile this file alone do not. */
#ifndef ULDD_VERSION
#define ULDD_VERSION "unknown"
#endif

static const struct tool_cmd *const cmds[] = {
	&tool_cmd_list, &tool_cmd_bind,	     &tool_cmd_unbind,	  &tool_cmd_info,
	&tool_cmd_run,	&tool_cmd_supervise, &tool_cmd_autoprobe, &tool_cmd_stats,
	&tool_cmd_port, &tool_cmd_modinfo,   &tool_cmd_gdb,
};

void tool_err(const char *fmt, ...)
{
	va_list ap;

	fputs("uldd: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int tool_usage_err(const struct tool_cmd *cmd, const char *fmt, ...)
{
	va_list ap;

	fputs("uldd: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nusage: uldd %s %s\n", cmd->name, cmd->args);
	return ULDD_EXIT_USAGE;
}

static void usage(FILE *out)
{
	fputs("usage: uldd [--help | --version] COMMAND [ARGS]\n"
	      "Runs Linux PCI drivers as user processes over VFIO.\n\n"
	      "Commands:\n",
	      out);
	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		char synopsis[64];

		snprintf(synopsis, sizeof(synopsis), "%s %s", cmds[i]->name, cmds[i]->args);
		fprintf(out, "  %-18s %s\n", synopsis, cmds[i]->summary);
	}
	fputs("  help [COMMAND]     this text, or one command's\n\n"
	      "ADDR is a PCI address as 'uldd list' prints it: DDDD:BB:DD.F or BB:DD.F.\n"
	      "Exit status: 0 success, 1 failure, 2 wrong usage, 3 every probe refused its\n"
	      "device (run, supervise).\n"
	      "ULDD_SYSFS_ROOT and ULDD_DEV_ROOT stand in for /sys and /dev (for tests),\n"
	      "ULDD_RUN_DIR for /run/uldd, where running drivers listen for 'uldd stats'.\n",
	      out);
}

static const struct tool_cmd *find_cmd(const char *name)
{
	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (!strcmp(cmds[i]->name, name))
			return cmds[i];
	return NULL;
}

static void cmd_help(const struct tool_cmd *cmd)
{
	printf("usage: uldd %s %s\n%s\n\n%s", cmd->name, cmd->args, cmd->summary, cmd->help);
}

static int help(int argc, char **argv)
{
	const struct tool_cmd *cmd;

	if (argc < 2) {
		usage(stdout);
		return ULDD_EXIT_OK;
	}
	if (argc > 2 || !(cmd = find_cmd(argv[1]))) {
		tool_err("no command '%s': 'uldd --help' lists them", argv[1]);
		return ULDD_EXIT_USAGE;
	}
	cmd_help(cmd);
	return ULDD_EXIT_OK;
}

int main(int argc, char **argv)
{
	const struct tool_cmd *cmd;

	/* ps shows each process's driver and device (run.c, supervise.c). */
	setproctitle_init(argc, argv, environ);
	if (argc < 2) {
		usage(stderr);
		return ULDD_EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))
		return help(1, argv + 1);
	if (!strcmp(argv[1], "--version")) {
		printf("uldd %s (host interface version %d, vfio %d, tap %d, blk %d)\n",
		       ULDD_VERSION, UHOST_CORE_REV, UHOST_VFIO_REV, UHOST_TAP_REV, UHOST_BLK_REV);
		return ULDD_EXIT_OK;
	}
	if (!strcmp(argv[1], "help"))
		return help(argc - 1, argv + 1);
	cmd = find_cmd(argv[1]);
	if (!cmd) {
		/* One line, as for every other mistake; --help has the rest. */
		tool_err("unknown %s '%s': 'uldd --help' lists the commands",
			 argv[1][0] == '-' ? "option" : "command", argv[1]);
		return ULDD_EXIT_USAGE;
	}
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			cmd_help(cmd);
			return ULDD_EXIT_OK;
		}
		/* What follows 'uldd gdb' is gdb's and uldd run's, --help too. */
		if (cmd == &tool_cmd_gdb)
			break;
		/*
		 * Only run, supervise, autoprobe, port and modinfo take options;
		 * an address never starts with '-'.
		 */
		if (argv[i][0] == '-' && cmd != &tool_cmd_run && cmd != &tool_cmd_supervise &&
		    cmd != &tool_cmd_autoprobe && cmd != &tool_cmd_port && cmd != &tool_cmd_modinfo)
			return tool_usage_err(cmd, "unknown option '%s'", argv[i]);
	}
	return cmd->run(argc - 1, argv + 1);
}
