// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* Test fixture for tests/port/run.sh: only with CONFIG_ACME_EXTRA=y. */
int acme_extra;
