// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * options.c - the sanitizer runtimes' defaults for every program of a
 * SANITIZE build (sanitize.mk links it in): a report stops the program with
 * a failing status, so a test that provokes one fails instead of printing a
 * line among passing cases. ASAN_OPTIONS and friends still override these.
 * A runtime calls its function while it starts, before main and before it
 * can check anything: hence no instrumentation here.
 */

#define SAN_DEFAULTS __attribute__((no_sanitize("address", "thread", "undefined"), used))

const char *__asan_default_options(void);
const char *__ubsan_default_options(void);
const char *__tsan_default_options(void);
const char *__lsan_default_suppressions(void);

/*
 * detect_stack_use_after_return: a pointer to a returned function's frame
 * (a driver handing out a stack buffer) is an error too, not only overflows.
 * verify_asan_link_order=0: tests/unit/run.sh starts tests under stdbuf,
 * whose preloaded library comes before libasan and intercepts nothing of it.
 * print_suppressions=0: a program's stderr stays its own (tests compare it).
 */
SAN_DEFAULTS const char *__asan_default_options(void)
{
	return "halt_on_error=1:detect_stack_use_after_return=1:detect_leaks=1:"
	       "verify_asan_link_order=0:print_suppressions=0";
}

/* -fno-sanitize-recover makes most checks fatal already; this makes all. */
SAN_DEFAULTS const char *__ubsan_default_options(void)
{
	return "halt_on_error=1:print_stacktrace=1";
}

/* second_deadlock_stack: a lock-order report shows where both orders began. */
SAN_DEFAULTS const char *__tsan_default_options(void)
{
	return "halt_on_error=1:second_deadlock_stack=1";
}

/*
 * Leaks of other people's libraries only, each named by the function that
 * allocates. udev_new: libpci 3.9 (uldd list's names) opens a udev context
 * for every name it looks up while the system has no hwdb.bin, and frees
 * only the last one.
 */
SAN_DEFAULTS const char *__lsan_default_suppressions(void)
{
	return "leak:udev_new\n";
}
