/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * uldd.h - what the subcommands of the uldd command share: the command
 * table entry each file defines, exit codes, and message helpers.
 */
#ifndef ULDD_TOOLS_ULDD_H
#define ULDD_TOOLS_ULDD_H

#define ULDD_EXIT_OK 0
#define ULDD_EXIT_FAIL 1
#define ULDD_EXIT_USAGE 2
/*
 * uldd run: init returned and the driver's probe refused every device it
 * was offered, so it bound none. Apart from 1 because it is no crash and
 * no fault of uldd's: another driver that matches may take the device, as
 * the kernel's driver core tries the next one (uldd autoprobe does).
 */
#define ULDD_EXIT_NODEV 3

struct tool_cmd {
	const char *name;
	const char *args; /* synopsis after the name, "" for none */
	const char *summary; /* one line for 'uldd --help' */
	const char *help; /* the rest of 'uldd help <name>' */
	/* argv[0] is the command's name; returns an ULDD_EXIT_* code. */
	int (*run)(int argc, char **argv);
};

extern const struct tool_cmd tool_cmd_list;
extern const struct tool_cmd tool_cmd_bind;
extern const struct tool_cmd tool_cmd_unbind;
extern const struct tool_cmd tool_cmd_info;
extern const struct tool_cmd tool_cmd_run;
extern const struct tool_cmd tool_cmd_supervise;
extern const struct tool_cmd tool_cmd_autoprobe;
extern const struct tool_cmd tool_cmd_stats;
extern const struct tool_cmd tool_cmd_port;
extern const struct tool_cmd tool_cmd_modinfo;
extern const struct tool_cmd tool_cmd_gdb;

/* "uldd: <message>" on stderr, one line. */
void tool_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A usage error: the message, a pointer to the command's help; returns 2. */
int tool_usage_err(const struct tool_cmd *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif /* ULDD_TOOLS_ULDD_H */
