# SPDX-License-Identifier: GPL-2.0-only OR MIT
# coccinelle/: semantic patches, one kernel API change each (README.md).
# 'make cocci-check' proves them on their test pairs (check.sh): each turns
# its before.c into its after.c, the whole set changes no after.c further,
# and leaves tests/untouched.c alone. The result counts in 'make check'.

COCCI_PATCHES := $(sort $(wildcard $(TOP)/coccinelle/*.cocci))

.PHONY: cocci-check
cocci-check:
	$(Q)$(TOP)/coccinelle/check.sh $(BUILD)/results/cocci.txt $(BUILD)/cocci
