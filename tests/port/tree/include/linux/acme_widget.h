/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* Test fixture for tests/port/run.sh: the tree's header that declares what
 * the shim lacks, so the report can group by it. */
struct widget_state;
#define WIDGET_POWER_FULL 3
int widget_power_on(struct widget_state *ws, int level);
void acme_frobnicate(int times);
