// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * lockdep.c - --debug=lockdep, the lock validator: lock classes (by the
 * site that initialised the lock), each task's stack of held locks, the
 * graph of "taken while holding" dependencies between classes, and the
 * per-class interrupt states. The graph and the classes change under one
 * lock of the allocator's kind; each task's held stack is its own. Reports
 * are printed after that lock is dropped, from records that never change
 * once published (classes, edges and saved stacks are never freed).
 */
#include <linux/gfp.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sprintf.h>
#include <linux/string.h>

#include "../core/door.h"
#include "../mm/lock.h"
#include "../mm/private.h"
#include "debug.h"
#include "lockdep.h"

/* Enough for every driver we run; beyond, new locks go unchecked (said once). */
#define LD_MAX_CLASSES 4096
#define LD_CLASS_BUCKETS 1024
#define LD_MAP_BUCKETS 4096
/* Linux's own limit on held locks per task is the same order. */
#define LD_HELD_MAX 48
/* The longest existing chain a report prints in full. */
#define LD_PATH_MAX 8

/* Interrupt states of a class: taken in a hard irq, or with interrupts on. */
enum {
	LD_IN_IRQ,
	LD_IN_IRQ_READ,
	LD_IRQS_ON,
	LD_IRQS_ON_READ,
	LD_NR_STATES,
};

struct ld_edge;

struct ld_class {
	const void *key; /* the init site's lock_class_key, or the lock itself */
	const char *name; /* the init macro's argument; NULL when keyed by address */
	unsigned int kind; /* ULDD_LOCK_SPIN or ULDD_LOCK_SLEEP */
	unsigned int states; /* bit per LD_* state seen */
	bool irq_reported, sleep_reported;
	const struct uldd_stack *init; /* where the first lock of the class was initialised */
	const struct uldd_stack *first; /* its first acquisition */
	const struct uldd_stack *state_stack[LD_NR_STATES];
	struct ld_edge *edges; /* classes taken while this one was held */
	struct ld_class *hnext;
	/* The graph search's: its generation when visited, and the edge it came by. */
	unsigned long visit;
	struct ld_edge *via;
};

/* "to was taken while from was held", first seen with these two stacks. */
struct ld_edge {
	struct ld_edge *next;
	struct ld_class *from, *to;
	const struct uldd_stack *from_stack, *to_stack;
	void *from_ip; /* where from was taken, when its stack was not saved */
};

/* A lock initialised through an init macro, and its class. */
struct ld_map {
	struct ld_map *next;
	const void *lock;
	struct ld_class *cls;
};

struct ld_held {
	const void *lock;
	struct ld_class *cls; /* NULL: beyond the class table */
	/*
	 * Its full stack is saved only when the acquisition taught the
	 * validator something (a new dependency, a new irq state, a new
	 * class): unwinding costs microseconds, and a lock taken the same
	 * way again has its stack in the graph already. ip: where it was
	 * taken, always.
	 */
	const struct uldd_stack *stack;
	void *ip;
	unsigned int flags;
};

struct ld_task {
	unsigned int depth;
	/* Acquisitions beyond LD_HELD_MAX: their releases are not errors. */
	unsigned int lost;
	/* Inside the validator: locks it takes itself (printk's) are not watched. */
	bool busy;
	struct ld_held held[LD_HELD_MAX];
};

static struct uldd_mm_lock ld_lock;
static struct ld_class ld_classes[LD_MAX_CLASSES];
static unsigned long ld_nr_classes, ld_nr_edges, ld_gen;
static struct ld_class *ld_class_hash[LD_CLASS_BUCKETS];
static struct ld_map *ld_map_hash[LD_MAP_BUCKETS];
static struct ld_class *ld_queue[LD_MAX_CLASSES];
static bool ld_full;

static __thread struct ld_task *ld_cur __attribute__((tls_model("initial-exec")));

/* What one acquisition found, printed once ld_lock is dropped. */
struct ld_found {
	/* An inversion: new edge prev -> cls, while cls already reaches prev by path. */
	struct ld_class *cycle;
	struct ld_held prev;
	struct ld_edge *path[LD_PATH_MAX];
	unsigned int npath, pathlen;
	/* An irq-safety conflict of irq_cls between the two states. */
	struct ld_class *irq_cls;
	int irq_state, on_state;
	bool full;
};

static unsigned int ld_hash(const void *p, unsigned int buckets)
{
	return (unsigned int)(((unsigned long)p >> 3) * 0x9e3779b97f4a7c15ULL >> 40) % buckets;
}

/*
 * The task's record, made on its first lock; NULL when there was no
 * memory for it: that task's locks then go unwatched (said once, not
 * retried at every lock).
 */
static __thread bool ld_nomem __attribute__((tls_model("initial-exec")));

static struct ld_task *ld_task(void)
{
	struct ld_task *t = ld_cur;

	if (likely(t) || ld_nomem)
		return t;
	t = uldd_private_alloc(sizeof(*t), GFP_ATOMIC | __GFP_ZERO | __GFP_NOWARN);
	if (!t) {
		ld_nomem = true;
		pr_warn("lockdep: no memory to follow %s's locks: they go unchecked\n",
			current ? current->comm : "a host thread");
	}
	ld_cur = t;
	return t;
}

static struct ld_class *ld_class_get(const void *key, const char *name, unsigned int kind,
				     bool *full)
{
	struct ld_class **bucket = &ld_class_hash[ld_hash(key, LD_CLASS_BUCKETS)], *c;

	for (c = *bucket; c; c = c->hnext)
		if (c->key == key)
			return c;
	if (ld_nr_classes >= LD_MAX_CLASSES) {
		*full = !ld_full;
		ld_full = true;
		return NULL;
	}
	/* Atomic only for the counters' readers outside ld_lock. */
	c = &ld_classes[__atomic_fetch_add(&ld_nr_classes, 1, __ATOMIC_RELAXED)];
	c->key = key;
	c->name = name;
	c->kind = kind;
	c->hnext = *bucket;
	*bucket = c;
	return c;
}

static struct ld_map *ld_map_find(const void *lock)
{
	struct ld_map *m;

	for (m = ld_map_hash[ld_hash(lock, LD_MAP_BUCKETS)]; m; m = m->next)
		if (m->lock == lock)
			return m;
	return NULL;
}

/* The class of a lock: its init site's, else one keyed by its own address. */
static struct ld_class *ld_class_of(const void *lock, unsigned int kind, bool *full)
{
	struct ld_map *m = ld_map_find(lock);

	if (m)
		return m->cls;
	return ld_class_get(lock, NULL, kind, full);
}

static const char *ld_name(const struct ld_class *c, char *buf, size_t len)
{
	if (!c)
		return "(unclassed lock)";
	if (c->name)
		scnprintf(buf, len, "%s", c->name);
	else
		scnprintf(buf, len, "lock@%px", c->key);
	return buf;
}

static void ld_full_warn(bool full)
{
	if (full)
		pr_warn("lockdep: more than %u lock classes: new ones go unchecked\n",
			LD_MAX_CLASSES);
}

void uldd_lockdep_init(const void *lock, struct lock_class_key *key, const char *name,
		       unsigned int kind)
{
	struct ld_task *t = ld_task();
	const struct uldd_stack *stack;
	struct ld_map *m, *new;
	struct ld_class *c;
	bool full = false;

	if (t && t->busy)
		return;
	if (t)
		t->busy = true;
	if (!key)
		key = (struct lock_class_key *)lock;
	/* Allocated outside the lock, as every private allocation here. */
	new = uldd_private_alloc(sizeof(*new), GFP_ATOMIC | __GFP_NOWARN);
	uldd_mm_lock(&ld_lock);
	c = ld_class_get(key, name, kind, &full);
	/* A stack per class, not per lock: an init site may run once per packet. */
	if (c && !c->init) {
		uldd_mm_unlock(&ld_lock);
		stack = uldd_stack_save(1);
		uldd_mm_lock(&ld_lock);
		if (!c->init)
			c->init = stack;
	}
	m = ld_map_find(lock);
	if (m) {
		m->cls = c;
	} else if (new) {
		struct ld_map **bucket = &ld_map_hash[ld_hash(lock, LD_MAP_BUCKETS)];

		new->lock = lock;
		new->cls = c;
		new->next = *bucket;
		*bucket = new;
		new = NULL;
	}
	uldd_mm_unlock(&ld_lock);
	uldd_private_free(new);
	ld_full_warn(full);
	if (t)
		t->busy = false;
}

/*
 * Whether from already reaches to in the graph (breadth first, so the
 * chain reported is a shortest one); its edges into f->path.
 */
static bool ld_reaches(struct ld_class *from, struct ld_class *to, struct ld_found *f)
{
	unsigned int head = 0, tail = 0, n = 0;
	struct ld_edge *e;
	struct ld_class *c;

	ld_gen++;
	from->visit = ld_gen;
	from->via = NULL;
	ld_queue[tail++] = from;
	while (head < tail) {
		c = ld_queue[head++];
		if (c == to)
			break;
		for (e = c->edges; e; e = e->next) {
			if (e->to->visit == ld_gen)
				continue;
			e->to->visit = ld_gen;
			e->to->via = e;
			ld_queue[tail++] = e->to;
		}
	}
	if (to->visit != ld_gen)
		return false;
	/* The chain from 'from' to 'to', in order; only its first LD_PATH_MAX edges kept. */
	for (e = to->via; e; e = e->from->via)
		n++;
	f->pathlen = n;
	f->npath = min_t(unsigned int, n, LD_PATH_MAX);
	for (e = to->via; e; e = e->from->via)
		if (--n < LD_PATH_MAX)
			f->path[n] = e;
	return true;
}

static void ld_add_dep(const struct ld_held *h, struct ld_class *c, const struct uldd_stack *stack,
		       struct ld_found *f)
{
	struct ld_class *p = h->cls;
	struct ld_edge *e;

	/* Locks of one class nested in each other: no subclasses here, so no edge. */
	if (!p || p == c)
		return;
	for (e = p->edges; e; e = e->next)
		if (e->to == c)
			return;
	if (!f->cycle && ld_reaches(c, p, f)) {
		f->cycle = c;
		f->prev = *h;
	}
	/* Private memory's lock is not ours: a GFP_ATOMIC allocation under ld_lock is safe. */
	e = uldd_private_alloc(sizeof(*e), GFP_ATOMIC | __GFP_NOWARN);
	if (!e)
		return;
	e->from = p;
	e->to = c;
	e->from_stack = h->stack;
	e->from_ip = h->ip;
	e->to_stack = stack;
	e->next = p->edges;
	p->edges = e;
	__atomic_fetch_add(&ld_nr_edges, 1, __ATOMIC_RELAXED);
}

/*
 * A spinning lock taken in a hard irq and elsewhere with interrupts on
 * can deadlock when the interrupt comes in while it is held. Readers of
 * an rwlock share with readers, so only a writer on either side counts.
 */
/* The irq state of an acquisition now, or -1 for none (interrupts off in a task). */
static int ld_irq_state(unsigned int flags)
{
	bool read = flags & ULDD_LOCK_READ;

	if (in_hardirq())
		return read ? LD_IN_IRQ_READ : LD_IN_IRQ;
	if (!irqs_disabled())
		return read ? LD_IRQS_ON_READ : LD_IRQS_ON;
	return -1;
}

static void ld_check_irq(struct ld_class *c, unsigned int flags, const struct uldd_stack *stack,
			 struct ld_found *f)
{
	int s = ld_irq_state(flags), irq = -1, on = -1;

	if (s < 0 || (c->states & BIT(s)))
		return;
	c->states |= BIT(s);
	c->state_stack[s] = stack;
	if (c->irq_reported)
		return;
	if ((c->states & BIT(LD_IRQS_ON)) && (c->states & (BIT(LD_IN_IRQ) | BIT(LD_IN_IRQ_READ)))) {
		on = LD_IRQS_ON;
		irq = (c->states & BIT(LD_IN_IRQ)) ? LD_IN_IRQ : LD_IN_IRQ_READ;
	} else if ((c->states & BIT(LD_IN_IRQ)) && (c->states & BIT(LD_IRQS_ON_READ))) {
		on = LD_IRQS_ON_READ;
		irq = LD_IN_IRQ;
	}
	if (irq < 0)
		return;
	c->irq_reported = true;
	f->irq_cls = c;
	f->irq_state = irq;
	f->on_state = on;
}

static const char *ld_comm(void)
{
	return current ? current->comm : "(host thread)";
}

static int ld_pid(void)
{
	return current ? current->pid : 0;
}

/* Where a held lock was taken: its stack, or its one frame when none was saved. */
static void ld_print_where(const struct uldd_stack *stack, void *ip)
{
	if (stack || !ip) {
		uldd_stack_print(stack);
		return;
	}
	uhost_stack_print(&ip, 1);
}

static void ld_report_cycle(const struct ld_found *f, const struct uldd_stack *stack)
{
	char a[64], b[64], x[64], y[64];
	unsigned int i;

	ld_name(f->cycle, a, sizeof(a));
	ld_name(f->prev.cls, b, sizeof(b));
	uldd_report_start(ULDD_CHK_LOCKDEP,
			  "lockdep: possible circular locking dependency detected");
	pr_err("%s/%d is trying to acquire lock %s at:\n", ld_comm(), ld_pid(), a);
	uldd_stack_print(stack);
	pr_err("but it already holds lock %s, taken at:\n", b);
	ld_print_where(f->prev.stack, f->prev.ip);
	pr_err("and %s was taken before %s already, by this chain (%u dependenc%s):\n", a, b,
	       f->pathlen, f->pathlen == 1 ? "y" : "ies");
	for (i = 0; i < f->npath; i++) {
		const struct ld_edge *e = f->path[i];

		ld_name(e->from, x, sizeof(x));
		ld_name(e->to, y, sizeof(y));
		pr_err("-> #%u: %s taken while holding %s\n", i, y, x);
		pr_err("   %s was taken at:\n", x);
		ld_print_where(e->from_stack, e->from_ip);
		pr_err("   then %s at:\n", y);
		uldd_stack_print(e->to_stack);
	}
	if (f->pathlen > f->npath)
		pr_err("-> ... %u more dependencies\n", f->pathlen - f->npath);
	pr_err("Possible deadlock: one task holds %s and waits for %s, another holds %s and waits for %s\n",
	       b, a, a, b);
	uldd_report_end();
}

static const char *const ld_state_names[LD_NR_STATES] = {
	[LD_IN_IRQ] = "in a hard interrupt handler",
	[LD_IN_IRQ_READ] = "for reading in a hard interrupt handler",
	[LD_IRQS_ON] = "with interrupts enabled",
	[LD_IRQS_ON_READ] = "for reading with interrupts enabled",
};

static void ld_report_irq(const struct ld_found *f)
{
	const struct ld_class *c = f->irq_cls;
	char a[64];

	ld_name(c, a, sizeof(a));
	uldd_report_start(ULDD_CHK_LOCKDEP,
			  "lockdep: inconsistent lock state: %s is irq-safe and irq-unsafe", a);
	pr_err("%s/%d: lock %s is taken %s and %s\n", ld_comm(), ld_pid(), a,
	       ld_state_names[f->irq_state], ld_state_names[f->on_state]);
	pr_err("first taken %s at:\n", ld_state_names[f->irq_state]);
	uldd_stack_print(c->state_stack[f->irq_state]);
	pr_err("first taken %s at:\n", ld_state_names[f->on_state]);
	uldd_stack_print(c->state_stack[f->on_state]);
	pr_err("Possible deadlock: the interrupt comes while %s is held with interrupts on, and its handler spins on %s\n",
	       a, a);
	uldd_report_end();
}

static void ld_report_recursion(const struct ld_held *h, const struct uldd_stack *stack)
{
	char a[64];

	ld_name(h->cls, a, sizeof(a));
	uldd_report_start(ULDD_CHK_LOCKDEP, "lockdep: possible recursive locking detected");
	pr_err("%s/%d is trying to acquire lock %s (at 0x%px) again at:\n", ld_comm(), ld_pid(), a,
	       h->lock);
	uldd_stack_print(stack);
	pr_err("but it already holds it, taken at:\n");
	ld_print_where(h->stack, h->ip);
	uldd_report_end();
}

/*
 * With ld_lock: whether this acquisition teaches the graph anything (a
 * first acquisition, a new irq state, a new dependency), so its stack is
 * worth saving.
 */
static bool ld_news(const struct ld_task *t, struct ld_class *c, unsigned int flags)
{
	const struct ld_edge *e;
	unsigned int i;
	int s;

	if (!c || !c->first)
		return true;
	s = (flags & ULDD_LOCK_SLEEP) ? -1 : ld_irq_state(flags);
	if (s >= 0 && !(c->states & BIT(s)))
		return true;
	if (flags & ULDD_LOCK_TRY)
		return false;
	for (i = 0; i < t->depth; i++) {
		const struct ld_class *p = t->held[i].cls;

		if (!p || p == c)
			continue;
		for (e = p->edges; e && e->to != c; e = e->next)
			;
		if (!e)
			return true;
	}
	return false;
}

void uldd_lock_acquire(const void *lock, unsigned int flags)
{
	uldd_lock_acquire_ip(lock, flags, __builtin_return_address(0));
}

void uldd_lock_acquire_ip(const void *lock, unsigned int flags, void *ip)
{
	const struct uldd_stack *stack = NULL;
	struct ld_found f = { 0 };
	struct ld_held *again = NULL;
	struct ld_task *t = ld_task();
	struct ld_class *c;
	unsigned int i;
	bool news;

	if (!t || t->busy)
		return;
	t->busy = true;
	uldd_mm_lock(&ld_lock);
	c = ld_class_of(lock, flags & ULDD_LOCK_SLEEP, &f.full);
	news = ld_news(t, c, flags);
	uldd_mm_unlock(&ld_lock);
	/* Saved outside the lock: the depot may allocate. What changed meanwhile is redone. */
	if (news)
		stack = uldd_stack_save(1);
	uldd_mm_lock(&ld_lock);
	if (c) {
		if (!c->first)
			c->first = stack;
		if (!(flags & ULDD_LOCK_SLEEP))
			ld_check_irq(c, flags, stack, &f);
		/* A trylock cannot wait, so it cannot close a deadlock: held, no edge. */
		if (!(flags & ULDD_LOCK_TRY))
			for (i = 0; i < t->depth; i++)
				ld_add_dep(&t->held[i], c, stack, &f);
	}
	uldd_mm_unlock(&ld_lock);
	for (i = 0; i < t->depth && !(flags & ULDD_LOCK_TRY); i++) {
		struct ld_held *h = &t->held[i];

		/* rwlock readers nest in each other; every other second acquisition waits forever. */
		if (h->lock == lock &&
		    !((flags & h->flags & ULDD_LOCK_READ) && !(flags & ULDD_LOCK_SLEEP)))
			again = h;
	}
	ld_full_warn(f.full);
	if (again && !stack)
		stack = uldd_stack_save(1);
	if (again)
		ld_report_recursion(again, stack);
	if (f.cycle)
		ld_report_cycle(&f, stack);
	if (f.irq_cls)
		ld_report_irq(&f);
	if (t->depth < LD_HELD_MAX) {
		t->held[t->depth].lock = lock;
		t->held[t->depth].cls = c;
		t->held[t->depth].stack = stack;
		t->held[t->depth].ip = ip;
		t->held[t->depth].flags = flags;
		t->depth++;
	} else {
		t->lost++;
	}
	t->busy = false;
}

static int ld_find(const struct ld_task *t, const void *lock)
{
	int i;

	for (i = (int)t->depth - 1; i >= 0; i--)
		if (t->held[i].lock == lock)
			return i;
	return -1;
}

void uldd_lock_release(const void *lock)
{
	struct ld_task *t = ld_cur;
	int i;

	if (!t || t->busy)
		return;
	i = ld_find(t, lock);
	if (i >= 0) {
		t->depth--;
		memmove(&t->held[i], &t->held[i + 1],
			(t->depth - (unsigned int)i) * sizeof(t->held[0]));
		return;
	}
	if (t->lost) {
		t->lost--;
		return;
	}
	t->busy = true;
	uldd_report_start(ULDD_CHK_LOCKDEP, "lockdep: bad unlock balance detected");
	pr_err("%s/%d releases the lock at 0x%px, which it does not hold, at:\n", ld_comm(),
	       ld_pid(), lock);
	uldd_stack_print(uldd_stack_save(1));
	uldd_report_end();
	t->busy = false;
}

void uldd_lockdep_assert(const void *lock, bool held)
{
	struct ld_task *t = ld_task();
	struct ld_class *c;
	char a[64];
	int i;

	if (!t || t->busy)
		return;
	i = ld_find(t, lock);
	if ((i >= 0) == held)
		return;
	t->busy = true;
	uldd_mm_lock(&ld_lock);
	c = i >= 0 ? t->held[i].cls : ld_map_find(lock) ? ld_map_find(lock)->cls : NULL;
	uldd_mm_unlock(&ld_lock);
	if (c)
		ld_name(c, a, sizeof(a));
	else
		scnprintf(a, sizeof(a), "lock@%px", lock);
	uldd_report_start(ULDD_CHK_LOCKDEP, "lockdep: %s failed: %s is %sheld",
			  held ? "lockdep_assert_held" : "lockdep_assert_not_held", a,
			  held ? "not " : "");
	pr_err("%s/%d asserts that it %s %s, at:\n", ld_comm(), ld_pid(),
	       held ? "holds" : "does not hold", a);
	uldd_stack_print(uldd_stack_save(1));
	if (i >= 0) {
		pr_err("but it took it at:\n");
		ld_print_where(t->held[i].stack, t->held[i].ip);
	}
	uldd_report_end();
	t->busy = false;
}

unsigned int __uldd_lockdep_cb_enter(void)
{
	struct ld_task *t;

	if (uldd_debug_on(ULDD_DEBUG_LEAKS))
		uldd_leaks_driver_enter();
	if (!uldd_debug_on(ULDD_DEBUG_LOCKDEP))
		return 0;
	t = ld_task();
	return t ? t->depth : 0;
}

/*
 * One frame's name, as the oops names it, for the callback that returned.
 * The namer takes return addresses and looks one byte back: give it one
 * past the entry, or it names whatever precedes the function.
 */
static void ld_print_fn(const void *fn)
{
	void *frames[1] = { (char *)fn + 1 };

	uhost_stack_print(frames, 1);
}

void __uldd_lockdep_cb_exit(unsigned int depth, const char *what, const void *fn)
{
	struct ld_task *t = ld_cur;
	unsigned int i;
	char a[64];

	if (uldd_debug_on(ULDD_DEBUG_LEAKS))
		uldd_leaks_driver_exit();
	if (!uldd_debug_on(ULDD_DEBUG_LOCKDEP) || !t || t->busy || t->depth <= depth)
		return;
	t->busy = true;
	uldd_report_start(ULDD_CHK_LOCKDEP, "lockdep: lock held when returning to the shim");
	pr_err("%s/%d: %s returned with %u lock(s) held:\n", ld_comm(), ld_pid(), what,
	       t->depth - depth);
	ld_print_fn(fn);
	for (i = depth; i < t->depth; i++) {
		const struct ld_held *h = &t->held[i];

		pr_err("#%u: %s (lock at 0x%px), taken at:\n", i - depth,
		       ld_name(h->cls, a, sizeof(a)), h->lock);
		ld_print_where(h->stack, h->ip);
		if (h->cls && h->cls->init) {
			pr_err("   its class initialised at:\n");
			uldd_stack_print(h->cls->init);
		}
	}
	uldd_report_end();
	/* Forgotten: the shim goes on, and every later check would trip on them again. */
	t->depth = depth;
	t->busy = false;
}

void __uldd_lockdep_sleep(const char *what)
{
	struct ld_task *t = ld_cur;
	struct ld_held *h = NULL;
	unsigned int i;
	bool first;
	char a[64];

	if (!t || t->busy)
		return;
	for (i = 0; i < t->depth && !h; i++)
		if (t->held[i].cls && t->held[i].cls->kind == ULDD_LOCK_SPIN)
			h = &t->held[i];
	if (!h)
		return;
	/* Once a class: a loop that sleeps under a spinlock would flood the log. */
	uldd_mm_lock(&ld_lock);
	first = !h->cls->sleep_reported;
	h->cls->sleep_reported = true;
	uldd_mm_unlock(&ld_lock);
	if (!first)
		return;
	t->busy = true;
	uldd_report_start(ULDD_CHK_LOCKDEP, "lockdep: %s while holding spinning lock %s", what,
			  ld_name(h->cls, a, sizeof(a)));
	pr_err("%s/%d: %s at:\n", ld_comm(), ld_pid(), what);
	uldd_stack_print(uldd_stack_save(2));
	pr_err("while holding %s (lock at 0x%px), taken at:\n", a, h->lock);
	ld_print_where(h->stack, h->ip);
	uldd_report_end();
	t->busy = false;
}

void __uldd_lockdep_task_exit(void)
{
	struct ld_task *t = ld_cur;

	ld_cur = NULL;
	uldd_private_free(t);
}

unsigned long uldd_lockdep_nr_edges(void)
{
	return __atomic_load_n(&ld_nr_edges, __ATOMIC_RELAXED);
}

unsigned long uldd_lockdep_nr_classes(void)
{
	return __atomic_load_n(&ld_nr_classes, __ATOMIC_RELAXED);
}

void uldd_lockdep_finish(void)
{
	if (!uldd_debug_on(ULDD_DEBUG_LOCKDEP))
		return;
	pr_info("lockdep: %lu lock classes, %lu dependencies checked\n", uldd_lockdep_nr_classes(),
		uldd_lockdep_nr_edges());
}
