#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only OR MIT
"""layout-check.py BASELINE CURRENT GROWABLE - compares two tables from
abi/layout.sh. Silent and 0 when they are the same. Otherwise one line per
change, each said to be compatible or not, and 1:

- a structure or member gone, or a member whose offset, size or declaration
  changed, breaks every driver built against the baseline;
- a structure that grew breaks drivers that embed or allocate it, unless
  GROWABLE names it (the library allocates it and drivers only point to
  it), and then its new members must lie past the old end;
- a member whose declaration says 'reserved' may give its bytes to new
  members, which must lie inside it;
- a new structure is compatible.

Compatible changes still fail until recorded, so that the headers' minor
version moves with them: a driver using the new member must not load into
an older library."""
import sys


def read(path):
    structs, cur = {}, None
    with open(path) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            if line.startswith("\t"):
                pos, size, decl = line.strip().split(" ", 2)
                cur["members"].append((pos, int(size), decl))
            else:
                name, size = line.rsplit(" ", 1)
                cur = structs[name] = {"size": int(size), "members": []}
    return structs


def offset(pos):
    return int(pos.split(":")[0])


def main():
    if len(sys.argv) != 4:
        print(__doc__.split("\n")[0], file=sys.stderr)
        return 2
    old, new = read(sys.argv[1]), read(sys.argv[2])
    with open(sys.argv[3]) as f:
        growable = {l.split("#")[0].strip() for l in f} - {""}
    breaks, compatible = [], []
    for name, o in old.items():
        n = new.get(name)
        if n is None:
            breaks.append(f"{name} is gone")
            continue
        members = set(n["members"])
        spare = []
        for m in o["members"]:
            if m in members:
                continue
            if "reserved" in m[2]:
                spare.append((offset(m[0]), offset(m[0]) + m[1]))
            else:
                breaks.append(f"{name}: member '{m[2]}' at {m[0]} ({m[1]} bytes) moved or changed")
        added = []
        for m in n["members"]:
            if m in set(o["members"]):
                continue
            if any(lo <= offset(m[0]) and offset(m[0]) + m[1] <= hi for lo, hi in spare):
                compatible.append(f"{name}: '{m[2]}' takes reserved space at {m[0]}")
            else:
                added.append(m)
        if n["size"] != o["size"]:
            if n["size"] < o["size"] or name not in growable:
                breaks.append(f"{name}: size {o['size']} -> {n['size']}"
                              + ("" if n["size"] < o["size"] else
                                 " (drivers embed or allocate it; abi/layout-growable lists those they do not)"))
            for m in added:
                if offset(m[0]) < o["size"]:
                    breaks.append(f"{name}: new member '{m[2]}' at {m[0]} lies inside the old layout")
            if name in growable and n["size"] > o["size"]:
                compatible.append(f"{name} grew from {o['size']} to {n['size']} bytes at its end")
        elif added:
            breaks.append(f"{name}: new members ({', '.join(m[2] for m in added)}) inside the old layout")
    for name in new.keys() - old.keys():
        compatible.append(f"{name} is new")
    for b in breaks:
        print(f"abi-check: incompatible: {b}")
    for c in compatible:
        print(f"abi-check: compatible: {c}")
    return 1 if breaks or compatible else 0


if __name__ == "__main__":
    sys.exit(main())
