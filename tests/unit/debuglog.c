// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* debuglog.c - the door's log as the --debug checkers' tests read it (debuglog.h). */
#include <stdio.h>
#include <string.h>

#include "../../shim/entry.h"
#include "debuglog.h"
#include "host.h"

char debuglog_text[65536];
char debuglog_titles[4096];
int debuglog_frames, debuglog_rules;

static void append(char *buf, size_t size, const char *msg, size_t n, char end)
{
	size_t have = strlen(buf);

	snprintf(buf + have, size - have, "%.*s%c", (int)n, msg, end);
}

void uhost_log(int level, const char *msg, uhost_size len)
{
	size_t n = len && msg[len - 1] == '\n' ? len - 1 : len;

	(void)level;
	if (n >= 10 && !memcmp(msg, "==========", 10))
		debuglog_rules++;
	else if (n >= 5 && !memcmp(msg, "BUG: ", 5))
		append(debuglog_titles, sizeof(debuglog_titles), msg, n, '|');
	else if (n >= 7 && !memcmp(msg, " frame ", 7))
		debuglog_frames++;
	append(debuglog_text, sizeof(debuglog_text), msg, n, '\n');
}

void debuglog_reset(void)
{
	debuglog_text[0] = debuglog_titles[0] = 0;
	debuglog_frames = debuglog_rules = 0;
}

static void namer(void *pc, char *buf, size_t len)
{
	snprintf(buf, len, "frame %p", pc);
}

unsigned int debuglog_start(const char *names)
{
	unsigned int m, all = 0;
	const char *p = names;

	uh_stack_set_namer(namer);
	while (*p) {
		size_t n = strcspn(p, ",");

		if (uldd_k_uldd_debug_lookup(p, n, &m))
			return 0;
		all |= m;
		p += n + (p[n] == ',');
	}
	return all;
}
