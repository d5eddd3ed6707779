// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* leaks_res.c - --debug=leaks for IRQs, timers, work items and kthreads (to come). */
#include "debug.h"

void uldd_leaks_res_finish(void)
{
}
