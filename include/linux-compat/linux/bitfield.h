/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * linux/bitfield.h - fields of a register given by their mask (one
 * contiguous run of bits, usually GENMASK(h, l)): FIELD_PREP shifts a value
 * into the field, FIELD_GET extracts it, FIELD_FIT tells whether a value
 * fits. The mask must be a non-zero compile-time constant; a constant value
 * too wide for the field, a mask wider than the register's type, or a mask
 * with a hole fail the build, as in Linux.
 */
#ifndef _LINUX_BITFIELD_H
#define _LINUX_BITFIELD_H

#include <linux/build_bug.h>
#include <linux/compiler.h>
#include <linux/types.h>

/* The position of the mask's lowest bit. */
#define __bf_shf(x) (__builtin_ffsll(x) - 1)

/* The bits of m above the width of type t (two half shifts: never by the full width). */
#define __bf_above(m, t) (((u64)(m) >> (sizeof(t) * 4)) >> (sizeof(t) * 4))

#define __BF_FIELD_CHECK(_mask, _reg, _val, _pfx)                                            \
	do {                                                                                 \
		BUILD_BUG_ON_MSG(!__builtin_constant_p(_mask), _pfx "mask is not constant"); \
		BUILD_BUG_ON_MSG((_mask) == 0, _pfx "mask is zero");                         \
		BUILD_BUG_ON_MSG(__builtin_constant_p(_val)                                  \
					 ? ~((u64)(_mask) >> __bf_shf(_mask)) & (u64)(_val)  \
					 : 0,                                                \
				 _pfx "value too large for the field");                      \
		BUILD_BUG_ON_MSG(__bf_above(_mask, _reg) != 0,                               \
				 _pfx "type of reg too small for mask");                     \
		BUILD_BUG_ON_MSG((((u64)(_mask) >> __bf_shf(_mask)) &                        \
				  (((u64)(_mask) >> __bf_shf(_mask)) + 1)) != 0,             \
				 _pfx "mask is not contiguous");                             \
	} while (0)

/* The largest value the field holds. */
#define FIELD_MAX(_mask)                                            \
	({                                                          \
		__BF_FIELD_CHECK(_mask, 0ULL, 0ULL, "FIELD_MAX: "); \
		(typeof(_mask))((_mask) >> __bf_shf(_mask));        \
	})

/* val fits in the field. */
#define FIELD_FIT(_mask, _val)                                              \
	({                                                                  \
		__BF_FIELD_CHECK(_mask, 0ULL, 0ULL, "FIELD_FIT: ");         \
		!((((typeof(_mask))(_val)) << __bf_shf(_mask)) & ~(_mask)); \
	})

/* val shifted into the field (bits of val too wide for it are dropped). */
#define FIELD_PREP(_mask, _val)                                       \
	({                                                            \
		__BF_FIELD_CHECK(_mask, 0ULL, _val, "FIELD_PREP: ");  \
		((typeof(_mask))(_val) << __bf_shf(_mask)) & (_mask); \
	})

/* FIELD_PREP of two constants, as a constant expression (Linux 6.5 and later). */
#define FIELD_PREP_CONST(_mask, _val)                                          \
	(BUILD_BUG_ON_ZERO((_mask) == 0) +                                     \
	 BUILD_BUG_ON_ZERO(~((u64)(_mask) >> __bf_shf(_mask)) & (u64)(_val)) + \
	 (((typeof(_mask))(_val) << __bf_shf(_mask)) & (_mask)))

/* The field's value in reg, shifted down to bit 0, in the mask's type. */
#define FIELD_GET(_mask, _reg)                                          \
	({                                                              \
		__BF_FIELD_CHECK(_mask, _reg, 0U, "FIELD_GET: ");       \
		(typeof(_mask))(((_reg) & (_mask)) >> __bf_shf(_mask)); \
	})

#endif /* _LINUX_BITFIELD_H */
