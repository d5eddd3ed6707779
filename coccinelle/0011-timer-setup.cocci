// SPDX-License-Identifier: GPL-2.0-only OR MIT
// Change: a timer callback takes the struct timer_list * that fired and
// finds its owner with from_timer() (container_of); timer_list lost its
// "data" member and init_timer()/setup_timer() gave way to timer_setup().
// timer_setup() came in 4.14; .data and the unsigned long callbacks were
// removed in 4.15.
// Why a patch: the driver stores into a member that no longer exists and
// defines callbacks of the old type; no header can change either.
// What it does: for a timer embedded in a structure the driver points to,
// set up in one function with init_timer(&p->t), p->t.function = fn and
// p->t.data = (unsigned long)p, the three become
// timer_setup(&p->t, fn, 0); and fn's "unsigned long arg" parameter whose
// first statement casts it back, "struct s *x = (struct s *)arg;", becomes
// "struct timer_list *t" with x = from_timer(x, t, t-field). A callback
// that uses arg otherwise is left alone and fails to compile.

@r exists@
expression p;
identifier member, fn;
@@
init_timer(&p->member);
...
p->member.function = fn;

@depends on r@
expression r.p;
identifier r.member, r.fn;
@@
- init_timer(&p->member);
+ timer_setup(&p->member, fn, 0);

@depends on r@
expression r.p;
identifier r.member, r.fn;
@@
- p->member.function = fn;

@depends on r@
expression r.p, d;
identifier r.member;
@@
- p->member.data = d;

// setup_timer(&p->t, fn, data) in one call, the 2.6.15 to 4.14 shorthand.
@s@
expression p, d;
identifier member, fn;
@@
- setup_timer(&p->member, fn, d);
+ timer_setup(&p->member, fn, 0);

@cb_r depends on r@
identifier r.fn, r.member;
identifier arg, x;
type T;
@@
  void fn(
- unsigned long arg
+ struct timer_list *t
  )
  {
- T x = (T)arg;
+ T x = from_timer(x, t, member);
  ...
  }

@depends on cb_r@
identifier r.fn;
@@
  void fn(
- unsigned long
+ struct timer_list *
  );

@cb_s depends on s@
identifier s.fn, s.member;
identifier arg, x;
type T;
@@
  void fn(
- unsigned long arg
+ struct timer_list *t
  )
  {
- T x = (T)arg;
+ T x = from_timer(x, t, member);
  ...
  }

@depends on cb_s@
identifier s.fn;
@@
  void fn(
- unsigned long
+ struct timer_list *
  );
