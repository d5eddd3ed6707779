// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * stats.c - 'uldd stats NAME': the report of the 'uldd run' process that
 * serves interface or disk NAME, asked through its control socket (ctl.c),
 * since the driver's state lives in that process alone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctl.h"
#include "host.h"
#include "uldd.h"

static int stats_run(int argc, char **argv)
{
	char *buf;
	int err;

	if (argc != 2)
		return tool_usage_err(&tool_cmd_stats, "give one interface or disk name");
	if (!tool_ifname_ok(argv[1]))
		return tool_usage_err(
			&tool_cmd_stats,
			"'%s' is not an interface name: 1 to 15 characters, no '/' or spaces",
			argv[1]);
	buf = malloc(ULDD_CTL_ANSWER_MAX);
	if (!buf) {
		tool_err("out of memory");
		return ULDD_EXIT_FAIL;
	}
	err = tool_ctl_stats(tool_run_dir(), argv[1], buf, ULDD_CTL_ANSWER_MAX);
	if (err)
		tool_err("%s", uhost_errmsg());
	else
		fputs(buf, stdout);
	free(buf);
	return err ? ULDD_EXIT_FAIL : ULDD_EXIT_OK;
}

const struct tool_cmd tool_cmd_stats = {
	.name = "stats",
	.args = "IFNAME|DISK",
	.summary = "a running driver's report on its interface or disk",
	.help = "Asks the 'uldd run' process that serves network interface IFNAME (see its\n"
		"--ifname) for its report: driver information, link settings and the driver's\n"
		"statistics, one \"name: value\" a line. For DISK, the name the driver gave its\n"
		"disk (nvme0n1, blkram0: the line \"DISK is the host's /dev/nbdN\" of 'uldd run'\n"
		"pairs it with the host's device), the block layer's counts per hardware queue\n"
		"(hwqN_) and in all (total_): requests in flight now (tags in use, shared by the\n"
		"disks of one tag set) and at most, requests ended and their bytes by kind (read,\n"
		"write, flush, discard, write_zeroes, other), errors, requeues, timeouts, and the\n"
		"mean and largest latency in ns from the driver's start of a request to its end.\n"
		"The processes listen on /run/uldd/PID.sock (ULDD_RUN_DIR overrides the\n"
		"folder); sockets that dead processes left are removed on the way. Only root\n"
		"and the user that runs the driver may ask.\n",
	.run = stats_run,
};
