// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * log.c - where printk ends: one line per call on stderr, filtered by level.
 * A single write(2) per line keeps lines whole when threads log at once.
 * Every line, whatever its level, also goes to the log ring, which only a
 * debugger reads (tools/gdb: lx-dmesg), in a live process or a core file.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"

/*
 * -1 until first asked: then ULDD_LOG_LEVEL (one digit, 0-7, printk's
 * levels) or UHOST_LOG_INFO, so a test can see debug lines of any program.
 */
static int uh_log_max = -1;

void uhost_log_set_level(int level)
{
	__atomic_store_n(&uh_log_max, level, __ATOMIC_RELAXED);
}

int uhost_log_level(void)
{
	int level = __atomic_load_n(&uh_log_max, __ATOMIC_RELAXED);
	const char *env;
	int unset = -1;

	if (level >= 0)
		return level;
	env = getenv("ULDD_LOG_LEVEL");
	level = env && env[0] >= '0' && env[0] <= '7' && !env[1] ? env[0] - '0' : UHOST_LOG_INFO;
	/* A concurrent uhost_log_set_level() wins. */
	if (!__atomic_compare_exchange_n(&uh_log_max, &unset, level, false, __ATOMIC_RELAXED,
					 __ATOMIC_RELAXED))
		level = unset;
	return level;
}

/*
 * Global, so the compiler keeps stores that nothing here reads; hidden, so
 * it is no export of libuldd.so.N (the debugger finds it in the symbol table).
 */
__attribute__((visibility("hidden"))) struct uh_log_ring uh_log_ring;

static void log_ring_put(int level, const char *msg, size_t len)
{
	uint64_t n = __atomic_fetch_add(&uh_log_ring.next, 1, __ATOMIC_RELAXED);
	struct uh_log_slot *s = &uh_log_ring.slot[n % UH_LOG_SLOTS];
	struct timespec ts;

	__atomic_store_n(&s->seq, 0, __ATOMIC_RELAXED);
	/*
	 * Only a debugger reads the ring, in a stopped process or a core,
	 * where every store a thread made is there in its program order: a
	 * compiler barrier keeps "seq 0" before the text, no CPU fence is
	 * needed (and TSan has none to model).
	 */
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	/* The vDSO answers; a failure leaves the time 0, not the line out. */
	if (clock_gettime(CLOCK_MONOTONIC, &ts))
		ts.tv_sec = ts.tv_nsec = 0;
	s->ns = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
	if (n == 0)
		__atomic_store_n(&uh_log_ring.t0, s->ns, __ATOMIC_RELAXED);
	s->level = (uint8_t)level;
	s->truncated = len > UH_LOG_TEXT;
	s->len = (uint16_t)(len > UH_LOG_TEXT ? UH_LOG_TEXT : len);
	memcpy(s->text, msg, s->len);
	__atomic_store_n(&s->seq, n + 1, __ATOMIC_RELEASE);
}

void uhost_log(int level, const char *msg, uhost_size len)
{
	char line[1024];
	size_t n;

	if (len && msg[len - 1] == '\n')
		log_ring_put(level, msg, len - 1);
	else
		log_ring_put(level, msg, len);
	if (level > uhost_log_level())
		return;
	if (len > sizeof(line) - 1)
		len = sizeof(line) - 1;
	memcpy(line, msg, len);
	n = len;
	if (n == 0 || line[n - 1] != '\n')
		line[n++] = '\n';
	/* A short write to stderr loses log text only; nothing to recover. */
	if (write(STDERR_FILENO, line, n) < 0)
		return;
}

void uh_log(int level, const char *fmt, ...)
{
	char line[1024];
	va_list ap;
	int n;

	if (level > uhost_log_level())
		return;
	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(line))
		n = sizeof(line) - 1;
	uhost_log(level, line, (size_t)n);
}
