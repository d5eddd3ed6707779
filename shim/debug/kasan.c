// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* kasan.c - --debug=kasan (to come). */
#include "debug.h"

void uldd_kasan_finish(void)
{
}
