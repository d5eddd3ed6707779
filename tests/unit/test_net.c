// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * test_net.c - shim/net's parts that need no TAP (kworld/ktest_net.c):
 * socket buffers, page fragments, checksums, Ethernet classification,
 * byte queue limits and NAPI, with one virtual CPU and with two; and the
 * virtio-net headers of frames from the host (kworld/ktest_vnet.c). The TAP
 * side runs end to end in the guest (tests/vm/t-e1000.sh).
 */
#include "ktable.h"
#include "kworld/ktest.h"

int main(void)
{
	static const unsigned int vcpus[] = { 1, 2 };
	const struct ktable table = {
		.area = "net",
		.run_case = KTEST(ktest_net_case),
		.case_setup = KTEST(ktest_net_setup),
		.vcpus = vcpus,
		.nvcpus = 2,
	};

	const struct ktable vnet = {
		.area = "vnet",
		.run_case = KTEST(ktest_vnet_case),
		.case_setup = KTEST(ktest_vnet_setup),
	};
	int failed = ktable_run(&table);

	failed += ktable_run(&vnet);
	return failed ? 1 : 0;
}
