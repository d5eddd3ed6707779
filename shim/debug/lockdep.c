// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* lockdep.c - --debug=lockdep (to come). */
#include "debug.h"

void uldd_lockdep_finish(void)
{
}
