// SPDX-License-Identifier: GPL-2.0-only OR MIT
// Change: a class's dev_uevent callback gets the device as a pointer to
// const, int (*)(const struct device *, struct kobj_uevent_env *).
// Introduced in 6.2 (struct class's callbacks were made const-correct).
// Why a patch: the driver defines the callback and assigns it to the
// member; its parameter type no longer matches and no header can change
// a function the driver defines.
// What it does: the function assigned to some class's dev_uevent (the
// older drivers assign it after class_create()) takes const struct device *.

@r@
expression cls;
identifier cb;
@@
cls->dev_uevent = cb;

// Already const (a second pass, or a newer driver): nothing to do.
@c depends on r@
identifier r.cb, dev, env;
@@
  int cb(const struct device *dev, struct kobj_uevent_env *env) {...}

@depends on r && !c@
identifier r.cb, dev, env;
@@
  int cb(
-	struct device *dev
+	const struct device *dev
  , struct kobj_uevent_env *env) {...}
