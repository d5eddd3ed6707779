/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * debuglog.h - the door's log faked for the tests of the --debug checkers
 * (test_debug, test_kasan, test_lockdep, test_leaks, test_dmadebug): it
 * defines uhost_log(), so a test that links it must not link log.o.
 */
#ifndef ULDD_TESTS_DEBUGLOG_H
#define ULDD_TESTS_DEBUGLOG_H

/* Every line logged since the last reset, each without its own newline and followed by one. */
extern char debuglog_text[];
/* The reports' "BUG: ..." lines, each followed by '|'. */
extern char debuglog_titles[];
/* Frames the stacks printed (named "frame 0x..." here), and the reports' rules. */
extern int debuglog_frames, debuglog_rules;

void debuglog_reset(void);

/*
 * The mask of the checkers named in names (comma-separated, as --debug
 * takes them), 0 for an unknown name; frames of stacks from now on print
 * as " frame 0x...".
 */
unsigned int debuglog_start(const char *names);

#endif /* ULDD_TESTS_DEBUGLOG_H */
