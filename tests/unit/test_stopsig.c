// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_stopsig.c - the signals that stop 'uldd run' (tools/uldd/stopsig.c):
 * SIGHUP stops it as SIGINT and SIGTERM do, and a stop signal sent while
 * threads started after the block run (the shim's, during init and probe)
 * stays pending until it is asked for, instead of killing the process.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

#include "stopsig.h"

static sigset_t stop;

static int setup(void **state)
{
	(void)state;
	return tool_stop_block(&stop);
}

static void test_stopsig_set(void **state)
{
	(void)state;
	assert_true(sigismember(&stop, SIGINT));
	assert_true(sigismember(&stop, SIGTERM));
	assert_true(sigismember(&stop, SIGHUP));
	/* Crashes and SIGKILL keep their own meaning. */
	assert_false(sigismember(&stop, SIGSEGV));
	assert_false(sigismember(&stop, SIGQUIT));
	assert_int_equal(tool_stop_pending(&stop), 0);
}

/* Unblocked, SIGHUP's default action would end this test binary here. */
static void test_stopsig_hup_is_kept(void **state)
{
	(void)state;
	assert_int_equal(kill(getpid(), SIGHUP), 0);
	assert_int_equal(tool_stop_pending(&stop), SIGHUP);
	assert_int_equal(tool_stop_pending(&stop), 0);
}

static int pipefd[2];

/* A thread such as the shim starts during init: it inherits the mask. */
static void *idle_thread(void *arg)
{
	char c;

	(void)arg;
	while (read(pipefd[0], &c, 1) < 0)
		;
	return NULL;
}

static void test_stopsig_kept_while_other_threads_run(void **state)
{
	const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	pthread_t t;

	(void)state;
	assert_int_equal(pipe(pipefd), 0);
	assert_int_equal(pthread_create(&t, NULL, idle_thread, NULL), 0);
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		/* Sent to the process, as kill(1) does: any thread could take it. */
		assert_int_equal(kill(getpid(), sigs[i]), 0);
		assert_int_equal(tool_stop_pending(&stop), sigs[i]);
	}
	assert_int_equal(write(pipefd[1], "x", 1), 1);
	assert_int_equal(pthread_join(t, NULL), 0);
	close(pipefd[0]);
	close(pipefd[1]);
}

static void *send_later(void *arg)
{
	const struct timespec ms = { .tv_nsec = 20 * 1000 * 1000 };

	nanosleep(&ms, NULL);
	kill(getpid(), (int)(intptr_t)arg);
	return NULL;
}

static void test_stopsig_wait_returns_the_signal(void **state)
{
	pthread_t t;

	(void)state;
	assert_int_equal(pthread_create(&t, NULL, send_later, (void *)(intptr_t)SIGHUP), 0);
	assert_int_equal(tool_stop_wait(&stop), SIGHUP);
	assert_int_equal(pthread_join(t, NULL), 0);
	assert_int_equal(pthread_create(&t, NULL, send_later, (void *)(intptr_t)SIGTERM), 0);
	assert_int_equal(tool_stop_wait(&stop), SIGTERM);
	assert_int_equal(pthread_join(t, NULL), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stopsig_set),
		cmocka_unit_test(test_stopsig_hup_is_kept),
		cmocka_unit_test(test_stopsig_kept_while_other_threads_run),
		cmocka_unit_test(test_stopsig_wait_returns_the_signal),
	};

	return cmocka_run_group_tests_name("stopsig", tests, setup, NULL);
}
