/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * unitskip.h - a skipped case says why. run.sh pairs the "SKIP: reason"
 * line with the case CMocka was running and reports "SKIP test_x (reason)";
 * a case that skips without such a line counts as failed.
 */
#ifndef ULDD_TESTS_UNITSKIP_H
#define ULDD_TESTS_UNITSKIP_H

/* Needs <cmocka.h> first. The format must be a string literal. */
#define unit_skip(...)                               \
	do {                                         \
		print_message("SKIP: " __VA_ARGS__); \
		print_message("\n");                 \
		skip();                              \
	} while (0)

#endif /* ULDD_TESTS_UNITSKIP_H */
