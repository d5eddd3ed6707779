#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# samples/oldstyle, a NIC driver written in the 2.6.28 API, ported by
# coccinelle/ and the old-API headers ('uldd port', ported/edunet/manifest),
# runs on QEMU's edu with a 32-bit DMA mask: probe prints its MAC with
# print_mac; raw frames sent through its TAP come back byte for byte
# (edu's DMA engine copies each into the device and out again), and the
# counters say so; 'uldd stats' shows its legacy get_settings; frames
# on a VLAN come back on that VLAN, their tag taken apart by the driver
# and handed over as vlan_hwaccel_receive_skb did (0016-vlan-group); a
# multicast group reaches the driver's mc_list walks, the one that
# counts filling one exact slot per group (0018); SIGTERM removes it
# cleanly and the device is given back.
# vm-devices: -device edu,dma_mask=0xffffffff,addr=0x10
# vm-timeout: 300
set -euo pipefail
. "$ULDD_TOP/tests/vm/lib.sh"
. "$ULDD_TOP/tests/vm/netlib.sh"

SO=$ULDD_BUILD/ported/oldstyle/edunet.so
dev=0000:00:10.0
# Locally administered 02:ed:75, then PCI domain, bus and devfn (0x10 << 3).
mac=02:ed:75:00:00:80
B=$NET_NS_B IF=edunet0
FRAMES=6

[ -e "$SO" ] || fail "no $SO: 'make ported' builds it with uldd port"

net_setup
trap net_teardown EXIT
net_uldd_start "$SO" $dev "$B" $IF
for _ in $(seq 100); do
	grep -q "MAC" "$NET_ULDD_LOG" && break
	sleep 0.1
done
sed -n 's/^/    /; /edunet\|edu /p' "$NET_ULDD_LOG"
grep -q "edu 1\.0 at $dev, MAC $mac, MSI" "$NET_ULDD_LOG" ||
	fail "probe did not print 'edu 1.0 at $dev, MAC $mac, MSI': $(cat "$NET_ULDD_LOG")"
ip -n "$B" link show dev $IF | grep -q "link/ether $mac" || fail "$IF does not carry $mac"
ok "ported edunet.so probed edu at $dev; print_mac and the TAP agree on $mac"

# get_settings, wrapped as get_link_ksettings by 0014-ethtool-ksettings.
"$ULDD" stats $IF >"$NET_TMP/stats" || fail "uldd stats $IF failed"
for want in "driver: edunet" "bus-info: $dev" "speed: 10Mb/s" "duplex: full" "autoneg: off"; do
	grep -q "^$want" "$NET_TMP/stats" || fail "uldd stats has no '$want': $(cat "$NET_TMP/stats")"
done
ok "uldd stats: the driver's get_drvinfo and its legacy get_settings, through the wrapper"

# Nothing but the test's own frames: no IPv6 chatter, no address.
ip netns exec "$B" sysctl -qw net.ipv6.conf.$IF.disable_ipv6=1 || true
ip -n "$B" link set dev $IF up
net_wait_carrier "$B" $IF
read -r _ rx0 <<<"$(net_rx_stats "$B" $IF)"

# A raw socket on the test's own EtherType (IEEE's local experimental
# 0x88b5) sends each frame and waits for it to come back as received.
cat >"$NET_TMP/rawloop.py" <<'PY'
import os, socket, sys, time
ifname, count = sys.argv[1], int(sys.argv[2])
proto = 0x88b5
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(proto))
s.bind((ifname, proto))
own = s.getsockname()[4]
s.settimeout(10)
for n in range(count):
    # Sizes from the minimum to a full 1500-byte payload.
    size = [46, 100, 600, 1000, 1400, 1500][n % 6]
    payload = (b"edunet %d " % n + os.urandom(size))[:size]
    frame = b"\xff" * 6 + own + proto.to_bytes(2, "big") + payload
    t0 = time.monotonic()
    s.send(frame)
    while True:
        data, addr = s.recvfrom(4096)
        if addr[2] != socket.PACKET_OUTGOING:
            break
    if data != frame:
        sys.exit("frame %d (%d bytes) came back as %d different bytes" % (n, len(frame), len(data)))
    print("frame %d: %d bytes back intact after %.0f ms" % (n, len(frame), (time.monotonic() - t0) * 1000))
PY
out=$(ip netns exec "$B" timeout 120 python3 "$NET_TMP/rawloop.py" $IF $FRAMES 2>&1) ||
	fail "loopback: $out"
echo "$out" | sed 's/^/    /'
ok "$FRAMES raw frames of 60 to 1514 bytes came back through edu's DMA, byte for byte"
read -r _ rx1 <<<"$(net_rx_stats "$B" $IF)"
[ $((rx1 - rx0)) -ge $FRAMES ] || fail "$IF received $((rx1 - rx0)) frames, not $FRAMES or more"
ok "$IF counted $((rx1 - rx0)) frames received (the $FRAMES looped ones among them)"

# VLAN 5 on top: the guest tags what it sends on $IF.5; the driver strips
# the looped tag and hands it beside the frame, the shim puts it back on
# the TAP, and the guest delivers the frame to $IF.5 again.
# The initramfs has no 8021q; the unpacked kernel package has it.
tagged=0
if [ -z "$ULDD_MODROOT" ]; then
	skip_part "VLAN loopback: the guest kernel's modules are not in the build share"
else
	modprobe -d "$ULDD_MODROOT" 8021q || fail "modprobe 8021q from $ULDD_MODROOT"
	ip -n "$B" link add link $IF name $IF.5 type vlan id 5
	ip netns exec "$B" sysctl -qw net.ipv6.conf.$IF/5.disable_ipv6=1 || true
	ip -n "$B" link set dev $IF.5 up
	out=$(ip netns exec "$B" timeout 60 python3 "$NET_TMP/rawloop.py" $IF.5 2 2>&1) ||
		fail "VLAN loopback: $out"
	echo "$out" | sed 's/^/    /'
	ok "2 frames sent on VLAN 5 came back on $IF.5, byte for byte"
	ip -n "$B" link del dev $IF.5
	tagged=1
fi

ip -n "$B" maddr add 01:00:5e:01:02:03 dev $IF
for _ in $(seq 50); do
	grep -q "$IF: [1-9][0-9]* multicast groups" "$NET_ULDD_LOG" && break
	sleep 0.1
done
grep -q "$IF: [1-9][0-9]* multicast groups" "$NET_ULDD_LOG" ||
	fail "the driver's mc_list walk never saw a group: $(cat "$NET_ULDD_LOG")"
mc=$(grep -o "[0-9]* multicast groups, filter [0-9a-f]*, [0-9]* in exact slots" "$NET_ULDD_LOG" | tail -1)
# The slots come from the walk that counts (0018): one per group, up to 4.
read -r groups _ _ _ _ slots _ <<<"$mc"
[ "$slots" = $((groups < 4 ? groups : 4)) ] || fail "$groups groups filled $slots exact slots, not min($groups, 4)"
ok "the multicast group reached the ported mc_list walks: $mc"

net_uldd_stop
# The tagged frames came back through vlan_hwaccel_receive_skb's port.
n='[0-9]*'
[ $tagged = 0 ] || n='[1-9][0-9]*'
done_re="removed, [0-9]* frames looped ($n with their VLAN tag apart), 0 stalls"
grep -q "$done_re" "$NET_ULDD_LOG" ||
	fail "remove did not report its frames and tagged ones: $(cat "$NET_ULDD_LOG")"
ok "SIGTERM: $(grep -o "$done_re" "$NET_ULDD_LOG")"

# The guest has no edu driver: net_teardown's check (back to e1000) is not
# for this device, so it is given back here.
"$ULDD" unbind $dev >/dev/null
NET_ULDD_BOUND=()
[ "$(driver_of $dev)" != vfio-pci ] || fail "$dev is still bound to vfio-pci"
ok "$dev given back"
