// SPDX-License-Identifier: GPL-2.0-only OR MIT
// Change: netif_napi_add() lost its weight argument in 6.1; a driver that
// needs a weight other than NAPI_POLL_WEIGHT calls netif_napi_add_weight()
// (added in 5.19).
// Why a patch: one function name with two argument counts; a header can
// only keep one (uldd's is the 3-argument one, as Linux 6.1's).
// What it does: a 4-argument netif_napi_add() with NAPI_POLL_WEIGHT or 64
// loses the argument; any other weight is kept with netif_napi_add_weight().

@@
expression dev, napi, poll, weight;
@@
(
- netif_napi_add(dev, napi, poll, NAPI_POLL_WEIGHT)
+ netif_napi_add(dev, napi, poll)
|
- netif_napi_add(dev, napi, poll, 64)
+ netif_napi_add(dev, napi, poll)
|
- netif_napi_add(dev, napi, poll, weight)
+ netif_napi_add_weight(dev, napi, poll, weight)
)
