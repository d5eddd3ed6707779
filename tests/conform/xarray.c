// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * xarray.c - the XArray (Documentation/core-api/xarray.rst): every index
 * starts NULL; xa_store() returns what was there and storing NULL erases;
 * xa_erase() returns the entry it removed; xa_insert() refuses an occupied
 * index with -EBUSY; xa_find() and xa_find_after() and xa_for_each() visit
 * present entries in index order, from 0 to ULONG_MAX; value entries keep
 * their integer; marks belong to a present entry and filter the search;
 * xa_destroy() leaves it empty. Also ida (linux/idr.h): the lowest free ID
 * of the range, -ENOSPC when it is full, a freed ID given out again.
 */
#include <linux/errno.h>
#include <linux/idr.h>
#include <linux/kernel.h>
#include <linux/limits.h>
#include <linux/xarray.h>

#include "conform.h"

static DEFINE_XARRAY(xa);
static int things[4];

static int store_load_erase(struct conform_dev *dev)
{
	CHECK(xa_empty(&xa));
	CHECK(xa_load(&xa, 5) == NULL);
	CHECK(xa_store(&xa, 5, &things[0], GFP_KERNEL) == NULL);
	CHECK(!xa_empty(&xa));
	CHECK(xa_load(&xa, 5) == &things[0]);
	CHECK(xa_load(&xa, 4) == NULL);
	CHECK(xa_load(&xa, 6) == NULL);
	CHECK(xa_store(&xa, 5, &things[1], GFP_KERNEL) == &things[0]);
	CHECK(xa_load(&xa, 5) == &things[1]);
	CHECK(xa_erase(&xa, 5) == &things[1]);
	CHECK(xa_load(&xa, 5) == NULL);
	CHECK(xa_erase(&xa, 5) == NULL);
	CHECK(xa_empty(&xa));
	return 0;
}

static int store_null_erases(struct conform_dev *dev)
{
	CHECK(xa_store(&xa, ULONG_MAX, &things[2], GFP_KERNEL) == NULL);
	CHECK(xa_load(&xa, ULONG_MAX) == &things[2]);
	CHECK(xa_store(&xa, ULONG_MAX, NULL, GFP_KERNEL) == &things[2]);
	CHECK(xa_load(&xa, ULONG_MAX) == NULL);
	CHECK(xa_empty(&xa));
	return 0;
}

static int insert_refuses_occupied(struct conform_dev *dev)
{
	int err;

	CHECK_CMP(xa_insert(&xa, 9, &things[0], GFP_KERNEL), ==, 0);
	err = xa_insert(&xa, 9, &things[1], GFP_KERNEL);
	CHECK(xa_load(&xa, 9) == &things[0]);
	xa_erase(&xa, 9);
	CHECK_CMP(err, ==, -EBUSY);
	return 0;
}

static int err_of_a_result(struct conform_dev *dev)
{
	void *old = xa_store(&xa, 77, &things[3], GFP_KERNEL);

	CHECK(!xa_is_err(old));
	CHECK_CMP(xa_err(old), ==, 0);
	CHECK_CMP(xa_err(xa_store(&xa, 77, NULL, GFP_KERNEL)), ==, 0);
	CHECK(xa_empty(&xa));
	return 0;
}

static int values_keep_their_integer(struct conform_dev *dev)
{
	unsigned long index, seen = 0;
	void *entry;

	for (unsigned long i = 0; i < 64; i++)
		CHECK(!xa_is_err(xa_store(&xa, i * 3, xa_mk_value(i * 1000 + 7), GFP_KERNEL)));
	xa_for_each(&xa, index, entry) {
		if (!xa_is_value(entry) || xa_to_value(entry) != index / 3 * 1000 + 7)
			break;
		seen++;
	}
	xa_destroy(&xa);
	CHECK_CMP(seen, ==, 64);
	CHECK(xa_empty(&xa));
	return 0;
}

static int search_in_index_order(struct conform_dev *dev)
{
	static const unsigned long at[] = { 1000, 3, ULONG_MAX, 42, 0 };
	static const unsigned long order[] = { 0, 3, 42, 1000, ULONG_MAX };
	unsigned long index, n = 0, bad = 0, i;
	void *entry, *found_43, *after_1000, *below_3;

	for (i = 0; i < ARRAY_SIZE(at); i++)
		CHECK(!xa_is_err(xa_store(&xa, at[i], (void *)&things[i % 4], GFP_KERNEL)));
	xa_for_each(&xa, index, entry) {
		if (n >= ARRAY_SIZE(order) || index != order[n] || entry != xa_load(&xa, index))
			bad++;
		n++;
	}
	index = 43;
	found_43 = xa_find(&xa, &index, ULONG_MAX, XA_PRESENT);
	i = index;
	index = 1000;
	after_1000 = xa_find_after(&xa, &index, ULONG_MAX, XA_PRESENT);
	n += 100 * (index != ULONG_MAX);
	index = 1;
	below_3 = xa_find(&xa, &index, 2, XA_PRESENT);
	xa_destroy(&xa);
	CHECK_CMP(n, ==, ARRAY_SIZE(order));
	CHECK_CMP(bad, ==, 0);
	CHECK(found_43 != NULL);
	CHECK_CMP(i, ==, 1000);
	CHECK(after_1000 != NULL);
	CHECK(below_3 == NULL);
	return 0;
}

static int many_entries(struct conform_dev *dev)
{
	unsigned long index, n = 0, odd = 0;
	void *entry;

	for (unsigned long i = 0; i < 1000; i++)
		CHECK(!xa_is_err(xa_store(&xa, i * 7, xa_mk_value(i), GFP_KERNEL)));
	for (unsigned long i = 1; i < 1000; i += 2)
		xa_erase(&xa, i * 7);
	xa_for_each(&xa, index, entry) {
		n++;
		odd += xa_to_value(entry) & 1;
	}
	xa_destroy(&xa);
	CHECK_CMP(n, ==, 500);
	CHECK_CMP(odd, ==, 0);
	CHECK(xa_empty(&xa));
	return 0;
}

static int marks_filter(struct conform_dev *dev)
{
	unsigned long index, n = 0, sum = 0;
	bool on_empty, on_10, on_11, after_erase;
	void *entry;

	for (unsigned long i = 10; i < 20; i++)
		xa_store(&xa, i, xa_mk_value(i), GFP_KERNEL);
	xa_set_mark(&xa, 12, XA_MARK_1);
	xa_set_mark(&xa, 17, XA_MARK_1);
	xa_set_mark(&xa, 10, XA_MARK_0);
	xa_set_mark(&xa, 30, XA_MARK_1);
	on_empty = xa_get_mark(&xa, 30, XA_MARK_1);
	on_10 = xa_get_mark(&xa, 10, XA_MARK_0);
	on_11 = xa_get_mark(&xa, 11, XA_MARK_0);
	xa_for_each_marked(&xa, index, entry, XA_MARK_1) {
		n++;
		sum += index;
	}
	xa_erase(&xa, 10);
	xa_store(&xa, 10, xa_mk_value(10), GFP_KERNEL);
	after_erase = xa_get_mark(&xa, 10, XA_MARK_0);
	xa_destroy(&xa);
	CHECK(!on_empty);
	CHECK(on_10);
	CHECK(!on_11);
	CHECK_CMP(n, ==, 2);
	CHECK_CMP(sum, ==, 29);
	CHECK(!after_erase);
	return 0;
}

static DEFINE_IDA(ida);

static int ida_lowest_free(struct conform_dev *dev)
{
	int a = ida_alloc(&ida, GFP_KERNEL);
	int b = ida_alloc(&ida, GFP_KERNEL);
	int c = ida_alloc(&ida, GFP_KERNEL);
	int again, min10, next;

	ida_free(&ida, b);
	again = ida_alloc(&ida, GFP_KERNEL);
	min10 = ida_alloc_min(&ida, 10, GFP_KERNEL);
	next = ida_alloc(&ida, GFP_KERNEL);
	ida_destroy(&ida);
	CHECK_CMP(a, ==, 0);
	CHECK_CMP(b, ==, 1);
	CHECK_CMP(c, ==, 2);
	CHECK_CMP(again, ==, 1);
	CHECK_CMP(min10, ==, 10);
	CHECK_CMP(next, ==, 3);
	CHECK(ida_is_empty(&ida));
	return 0;
}

static int ida_range_fills(struct conform_dev *dev)
{
	int a = ida_alloc_range(&ida, 5, 6, GFP_KERNEL);
	int b = ida_alloc_range(&ida, 5, 6, GFP_KERNEL);
	int full = ida_alloc_range(&ida, 5, 6, GFP_KERNEL);
	int max = ida_alloc_max(&ida, 4, GFP_KERNEL);

	ida_free(&ida, a);
	a = ida_alloc_range(&ida, 5, 6, GFP_KERNEL);
	ida_destroy(&ida);
	CHECK_CMP(b, ==, 6);
	CHECK_CMP(full, ==, -ENOSPC);
	CHECK_CMP(max, ==, 0);
	CHECK_CMP(a, ==, 5);
	return 0;
}

static const struct conform_case xarray_cases[] = {
	{ "store_load_erase", store_load_erase },
	{ "store_null_erases", store_null_erases },
	{ "insert_refuses_occupied", insert_refuses_occupied },
	{ "err_of_a_result", err_of_a_result },
	{ "values_keep_their_integer", values_keep_their_integer },
	{ "search_in_index_order", search_in_index_order },
	{ "many_entries", many_entries },
	{ "marks_filter", marks_filter },
	{ "ida_lowest_free", ida_lowest_free },
	{ "ida_range_fills", ida_range_fills },
};
CONFORM_SUITE(xarray, xarray_cases);
