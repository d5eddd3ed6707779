/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* Test fixture for tests/port/run.sh: what acme's files share. */
#include <linux/types.h>

int acme_hw_reset(void __iomem *regs);
