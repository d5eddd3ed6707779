// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* A class whose uevent callback takes a plain struct device *, before 6.2. */
static struct class *widget_class;

static int widget_uevent(const struct device *dev,
			 struct kobj_uevent_env *env)
{
	struct widget *w = container_of(dev, struct widget, dev);

	return add_uevent_var(env, "WIDGET_ID=%d", w->id);
}

static void widget_release(struct device *dev)
{
	kfree(container_of(dev, struct widget, dev));
}

static int __init widget_init(void)
{
	widget_class = class_create(THIS_MODULE, "widget");
	if (IS_ERR(widget_class))
		return PTR_ERR(widget_class);
	widget_class->dev_uevent = widget_uevent;
	return 0;
}
