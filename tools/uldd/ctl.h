/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * ctl.h - the control socket of 'uldd run' and its client, 'uldd stats'.
 * One unix stream socket per process, <run dir>/<pid>.sock; a client sends
 * one line, "stats IFNAME\n", and reads the answer until the server closes:
 * the report's text, or one line "error: MESSAGE\n". The server takes its
 * report as a callback, so it can be tested without the shim.
 */
#ifndef ULDD_TOOLS_CTL_H
#define ULDD_TOOLS_CTL_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* The largest answer: the report buffer, and room for an error line. */
#define ULDD_CTL_REPORT_MAX (64 * 1024)
#define ULDD_CTL_ANSWER_MAX (ULDD_CTL_REPORT_MAX + 256)
/* How long either side waits for the other before giving up (per client). */
#define ULDD_CTL_TIMEOUT_MS 5000

/* ULDD_RUN_DIR (tests), else /run/uldd. */
const char *tool_run_dir(void);

/*
 * Creates dir (0700, parents too) or checks an existing one as
 * tool_ctl_start() does: 0 or an errno value, with uhost_errmsg() set.
 */
int tool_run_dir_make(const char *dir);

/* What the kernel takes as an interface name: 1-15 characters, no '/' or space. */
bool tool_ifname_ok(const char *name);

/*
 * The report on interface ifname into buf: its length, or -ENODEV when
 * this process has no such interface, or another -errno. Called from the
 * server's thread, which is a host thread without a vCPU.
 */
typedef long (*tool_ctl_report_fn)(const char *ifname, char *buf, unsigned long len);

/* Who may ask: root, and the uid the serving process runs as (its euid). */
bool tool_ctl_peer_ok(uid_t peer, uid_t self);

struct tool_ctl;

/*
 * Creates dir (mode 0700, parents too) or checks that an existing one is a
 * directory of this euid that neither group nor others can write (EPERM,
 * ENOTDIR otherwise), then <dir>/<pid>.sock, mode 0600, replacing a socket
 * a dead process of the same pid left, and starts the thread that serves
 * it: up to 8 clients at once, each with its own deadline; a client that is
 * neither root nor of this euid gets an error line. 0 or an errno value,
 * with uhost_errmsg() set.
 */
int tool_ctl_start(const char *dir, tool_ctl_report_fn report, struct tool_ctl **ctlp);
/*
 * tool_ctl_start() in two steps: open makes the socket (as root, before
 * 'uldd run' drops it), serve starts the thread (once the driver runs).
 * tool_ctl_stop() takes either.
 */
int tool_ctl_open(const char *dir, tool_ctl_report_fn report, struct tool_ctl **ctlp);
int tool_ctl_serve(struct tool_ctl *ctl);
/* Stops and joins the thread, closes and removes the socket. NULL: nothing. */
void tool_ctl_stop(struct tool_ctl *ctl);
const char *tool_ctl_path(const struct tool_ctl *ctl);

/*
 * Asks the server at path about ifname; buf (at least ULDD_CTL_ANSWER_MAX
 * for a whole report) gets the answer, NUL-terminated. ENODEV when that
 * process has no such interface; ECONNREFUSED or ENOENT when no process
 * listens there (a stale socket); EIO with the server's message for its
 * other errors; others for what went wrong on the way.
 */
int tool_ctl_ask(const char *path, const char *ifname, char *buf, size_t len);

/*
 * Asks every server in dir until one has ifname, unlinking stale sockets
 * on the way. ENODEV (with the message that says how to start one) when
 * none has it; a failure to reach one comes first if nobody answers.
 */
int tool_ctl_stats(const char *dir, const char *ifname, char *buf, size_t len);

#endif /* ULDD_TOOLS_CTL_H */
