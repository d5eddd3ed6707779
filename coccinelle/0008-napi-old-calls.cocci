// SPDX-License-Identifier: GPL-2.0-only OR MIT
// Change: the NAPI entry points of 2.6.24 to 2.6.28 took the net_device
// beside the napi_struct: netif_rx_schedule(dev, napi),
// __netif_rx_schedule, netif_rx_schedule_prep, netif_rx_complete and
// __netif_rx_complete. 2.6.29 replaced them with napi_schedule(napi),
// __napi_schedule, napi_schedule_prep and napi_complete.
// Why a patch: the new calls are the same operations without the device
// argument; a rename is what a semantic patch is for, and compat macros
// under the old names would let new code use them.
// What it does: drops the device argument and renames. __netif_rx_complete
// (called with interrupts off) becomes napi_complete, which is safe there.

@@
expression dev, napi;
@@
(
- netif_rx_schedule(dev, napi)
+ napi_schedule(napi)
|
- __netif_rx_schedule(dev, napi)
+ __napi_schedule(napi)
|
- netif_rx_schedule_prep(dev, napi)
+ napi_schedule_prep(napi)
|
- netif_rx_complete(dev, napi)
+ napi_complete(napi)
|
- __netif_rx_complete(dev, napi)
+ napi_complete(napi)
)
