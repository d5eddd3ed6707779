// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* dma.c - --debug=dma and dma-strict (to come). */
#include "debug.h"

void uldd_dma_debug_finish(void)
{
}
