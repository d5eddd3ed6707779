// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Test fixture for tests/port/run.sh: a .c file that Kbuild never names
 * but acme_hw.c includes, as 8390.c includes lib8390.c; its hash must be
 * recorded like a private header's.
 */
static inline u32 acme_lib_rings(void)
{
	return ACME_RINGS;
}
