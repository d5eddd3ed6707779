/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * ktest.h - the K-world test bodies (the .c files beside this one) that
 * the H-world harness test_namespace.c runs, as rump kernels run
 * "kernspace" tests. Compiled in both worlds like uhost.h, so it includes
 * nothing.
 *
 * The harness calls each body by the name the K-world link gave it:
 * KTEST(name) is name in K-world and uldd_k_name (KWORLD_PREFIX in
 * shim/shim.mk) in H-world. That needs no entry point on the allow-list,
 * which stays "the door and the toolchain"; the prefix at the call shows
 * that the call crosses into K-world; and one prototype serves both sides,
 * so each compiler checks its side against it.
 */
#ifndef ULDD_KTEST_H
#define ULDD_KTEST_H

#ifdef __KERNEL__
#define KTEST(name) name
#else
#define KTEST(name) uldd_k_##name
#endif

#define KTEST_TEXT_MAX 128

/* One table case: the body fills it, the harness compares. */
struct ktest_case {
	const char *name; /* test_namespace_<table>_<name> */
	const char *want; /* the text expected in got */
	int want_ret; /* the return value expected */
	int ret;
	char got[KTEST_TEXT_MAX]; /* zeroed by the harness before the run */
};

/* Run case i of a table: 0, or nonzero when there is no case i. */
int KTEST(ktest_printf_case)(unsigned int i, struct ktest_case *c);
int KTEST(ktest_string_case)(unsigned int i, struct ktest_case *c);

/* snprintf(buf, size, "%pe", ERR_PTR(err)). */
int KTEST(ktest_errname)(int err, char *buf, __SIZE_TYPE__ size);
/* snprintf of p with "%p|%px|%pK|%pS|%pe". */
int KTEST(ktest_pointers)(const void *p, char *buf, __SIZE_TYPE__ size);
/* A set of printk calls (ktest_printk.c lists them); returns one's value. */
int KTEST(ktest_printk)(void);
/* Where K-world code's memcpy and snprintf calls go. */
void KTEST(ktest_bindings)(void **memcpy_fn, void **snprintf_fn);

/*
 * The kernel headers' checks (ktest_<area>.c, run by test_kheaders.c): case
 * i of an area sets *name and, if run, returns 0 when all its checks pass
 * or the line of the first that fails; -1 when there is no case i.
 */
int KTEST(ktest_kh_bits)(unsigned int i, const char **name, int run);
int KTEST(ktest_kh_math)(unsigned int i, const char **name, int run);
int KTEST(ktest_kh_atomic)(unsigned int i, const char **name, int run);
int KTEST(ktest_kh_list)(unsigned int i, const char **name, int run);
int KTEST(ktest_kh_byteorder)(unsigned int i, const char **name, int run);
int KTEST(ktest_kh_io)(unsigned int i, const char **name, int run);
/* A refcount_t misuse of one kind (0-3, see ktest_atomic.c); 0 or a line. */
int KTEST(ktest_kh_refcount_misuse)(int kind);
/* Shared state for host threads racing in K-world (ktest_atomic.c). */
void KTEST(ktest_kh_race_reset)(void);
void KTEST(ktest_kh_race_inc)(unsigned long n);
long KTEST(ktest_kh_race_count)(void);
/* test_and_set_bit on bits 0..nbits-1: how many this caller set first. */
unsigned long KTEST(ktest_kh_race_claim)(unsigned long nbits);
unsigned long KTEST(ktest_kh_race_weight)(unsigned long nbits);

#ifdef __KERNEL__
/* In a K-world check: return the line of the first condition that fails. */
#define KCHECK(cond)                     \
	do {                             \
		if (!(cond))             \
			return __LINE__; \
	} while (0)

struct ktest_check {
	const char *name;
	int (*run)(void);
};

/* Case i of an area's table, as the ktest_kh_* functions above. */
static inline int ktest_check_case(const struct ktest_check *table, unsigned int n, unsigned int i,
				   const char **name, int run)
{
	if (i >= n)
		return -1;
	*name = table[i].name;
	return run ? table[i].run() : 0;
}
#endif

/* ktest_sched.c: workers for host threads; see test_sched.c. */
int KTEST(ktest_sched_setup)(unsigned int nr_vcpus);
long KTEST(ktest_sched_counter)(void);
int KTEST(ktest_sched_max_inside)(void);
long KTEST(ktest_sched_spin_worker)(int iters);
long KTEST(ktest_sched_mutex_worker)(int iters);
void KTEST(ktest_sched_busy_worker)(int spin_us);
void KTEST(ktest_sched_complete_after)(int ms);
long KTEST(ktest_sched_wait_done)(int timeout_ms);
void KTEST(ktest_sched_set_flag)(int ms);
long KTEST(ktest_sched_wait_flag)(int timeout_ms);
int KTEST(ktest_sched_context)(void);

/*
 * ktest_mm.c: memory. ktest_mm_case is a table like ktest_kh_* above; the
 * rest serve test_mm.c's H-world parts.
 */
int KTEST(ktest_mm_case)(unsigned int i, const char **name, int run);
int KTEST(ktest_mm_init)(void);
void KTEST(ktest_mm_stats)(unsigned long *objects, unsigned long *large, unsigned long *free_pages);
int KTEST(ktest_mm_in_arena)(const void *p);
/* Random kmalloc/kfree with patterns checked; returns the corrupted or failed. */
long KTEST(ktest_mm_churn)(unsigned int seed, unsigned int iterations);
int KTEST(ktest_mm_destroy_leaky_cache)(void);
int KTEST(ktest_mm_fail)(int nowarn);
/* Driver bugs that must stop: kfree of 0 the stack, 1 an object+8, 2 twice; 3 virt_to_page. */
void KTEST(ktest_mm_bug)(int which);

#endif /* ULDD_KTEST_H */
