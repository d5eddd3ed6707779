# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# uldd.py - gdb helpers for a driver running under uldd, in a live process
# or a core file: pretty-printers for struct pci_dev, net_device, sk_buff
# and list_head, list walks, lx-dmesg (the log ring, kernel/log.c), lx-ps
# (tasks and virtual CPUs), lx-lspci and lx-netdev, and uldd-break, which
# maps a kernel function's name to its symbol (the shim and drivers rename
# NAME to uldd_k_NAME; debug info and struct tags keep the kernel's names).
# Written against gdb's documented Python API; 'uldd gdb' sources it.

import struct

import gdb
import gdb.printing

PREFIX = "uldd_k_"
# A list longer than this is reported as such, not walked to its end: a
# corrupt list in a core file may well be a loop that never meets its head.
LIST_MAX = 10000


# ---------------------------------------------------------------- lookups


def lookup_var(name):
    """The value of a kernel variable: its debug-info name first (static or
    global, in the shim, the host layer or a driver), then the renamed ELF
    symbol, which is all a library without debug info has."""
    for find in (gdb.lookup_global_symbol, gdb.lookup_static_symbol):
        try:
            sym = find(name)
        except gdb.error:
            sym = None
        if sym is not None and sym.is_variable:
            return sym.value()
    for expr in (name, PREFIX + name):
        try:
            return gdb.parse_and_eval(expr)
        except gdb.error:
            pass
    raise gdb.GdbError("no variable '%s' (is libuldd.so.N loaded, with its symbols?)" % name)


def struct_type(tag):
    try:
        return gdb.lookup_type("struct " + tag)
    except gdb.error:
        raise gdb.GdbError("no type 'struct %s' in the debug info" % tag)


def field_offset(typ, name):
    for f in typ.strip_typedefs().fields():
        if f.name == name:
            return f.bitpos // 8
    raise gdb.GdbError("struct %s has no member '%s'" % (typ.tag, name))


def container_of(ptr, typ, member):
    """The address of the struct typ whose member is at ptr, as typ *."""
    addr = int(ptr.cast(gdb.lookup_type("unsigned long")))
    return gdb.Value(addr - field_offset(typ, member)).cast(typ.pointer())


def c_string(val, limit=64):
    """A char array or char * as text, up to its NUL or limit bytes; '?'
    where memory is unreadable."""
    try:
        t = val.type.strip_typedefs()
        if t.code == gdb.TYPE_CODE_ARRAY:
            raw = inferior_bytes(val.address, min(t.sizeof, limit))
        elif int(val) == 0:
            return "(null)"
        else:
            raw = b""
            addr = int(val)
            # A byte at a time past a page end: the string may end just
            # before memory that cannot be read.
            while len(raw) < limit and b"\0" not in raw:
                step = min(limit - len(raw), 4096 - (addr + len(raw)) % 4096)
                raw += inferior_bytes(addr + len(raw), step)
        return raw.split(b"\0", 1)[0].decode("utf-8", "replace")
    except (gdb.error, gdb.MemoryError):
        return "?"


def inferior_bytes(addr, size):
    return bytes(gdb.selected_inferior().read_memory(int(addr), size))


# ------------------------------------------------------------------ lists


def list_for_each(head):
    """Yields each struct list_head * on the list at head (a list_head or a
    pointer to one), not the head itself; stops with an error at a NULL
    link, a loop that never returns to the head, or LIST_MAX entries."""
    if head.type.strip_typedefs().code == gdb.TYPE_CODE_PTR:
        head = head.dereference()
    first = head.address
    node = head["next"]
    seen = 0
    while int(node) != int(first):
        if int(node) == 0:
            raise gdb.GdbError("list at %#x: a NULL next pointer" % int(first))
        if seen == LIST_MAX:
            raise gdb.GdbError("list at %#x: more than %d entries (a loop?)" % (int(first), LIST_MAX))
        yield node
        seen += 1
        node = node["next"]


def list_for_each_entry(head, typ, member):
    """Each entry (typ *) of the list at head, linked by typ's member."""
    for node in list_for_each(head):
        yield container_of(node, typ, member)


def list_count(head):
    n = 0
    for _ in list_for_each(head):
        n += 1
    return n


class ContainerOf(gdb.Function):
    """$container_of(PTR, "TYPE", "MEMBER"): the TYPE * whose MEMBER PTR
    points to, as the kernel's container_of(); TYPE as "struct pci_dev"."""

    def __init__(self):
        super().__init__("container_of")

    def invoke(self, ptr, typename, member):
        return container_of(ptr, gdb.lookup_type(typename.string()), member.string())


class KernelSymbol(gdb.Function):
    """$k("NAME"): the kernel variable NAME, found by its own name or as
    the renamed uldd_k_NAME, e.g. p $k("nr_cpu_ids")."""

    def __init__(self):
        super().__init__("k")

    def invoke(self, name):
        return lookup_var(name.string())


class ListWalk(gdb.Command):
    """Walk a kernel list: lx-list-walk HEAD TYPE MEMBER [-p]
HEAD is an expression for a struct list_head (or a pointer to one), TYPE
the entries' type (e.g. "struct uldd_netdev"), MEMBER the list_head member
in it that links them. Prints each entry's address; -p prints each entry
(with its pretty-printer, where there is one)."""

    def __init__(self):
        super().__init__("lx-list-walk", gdb.COMMAND_DATA, gdb.COMPLETE_EXPRESSION)

    def invoke(self, arg, from_tty):
        # Parsed from the right: HEAD is an expression that may hold quotes
        # and blanks ($k("uldd_net_devices")), which string_to_argv mangles.
        words = arg.split()
        full = "-p" in words
        words = [w for w in words if w != "-p"]
        text = " ".join(words)
        usage = "usage: lx-list-walk HEAD TYPE MEMBER [-p]"
        if len(words) < 3:
            raise gdb.GdbError(usage)
        member = words[-1]
        rest = text[: -len(member)].rstrip()
        if rest.endswith('"'):
            start = rest.rfind('"', 0, len(rest) - 1)
            typename, rest = rest[start + 1 : -1], rest[:start]
        elif len(words) >= 4 and words[-3] in ("struct", "union"):
            typename = words[-3] + " " + words[-2]
            rest = rest[: rest.rfind(words[-3])]
        else:
            typename = words[-2]
            rest = rest[: rest.rfind(words[-2])]
        if not rest.strip():
            raise gdb.GdbError(usage)
        argv = [rest.strip(), typename, member]
        head = gdb.parse_and_eval(argv[0])
        typ = gdb.lookup_type(argv[1])
        n = 0
        for entry in list_for_each_entry(head, typ, argv[2]):
            if full:
                gdb.write("[%d] (%s *) %#x = %s\n" % (n, typ, int(entry), entry.dereference()))
            else:
                gdb.write("[%d] (%s *) %#x\n" % (n, typ, int(entry)))
            n += 1
        gdb.write("%d entr%s\n" % (n, "y" if n == 1 else "ies"))


# --------------------------------------------------------- pretty-printers


class ListHeadPrinter:
    """struct list_head: its links and how many entries hang on it."""

    def __init__(self, val):
        self.val = val

    def to_string(self):
        v = self.val
        nxt, prev = int(v["next"]), int(v["prev"])
        if nxt == 0 or prev == 0:
            what = "uninitialised"
        else:
            try:
                n = list_count(v)
                what = "empty" if n == 0 else "%d entr%s" % (n, "y" if n == 1 else "ies")
            except (gdb.GdbError, gdb.MemoryError) as e:
                what = str(e)
            except TypeError:
                what = "a copy, not in memory"  # no address to compare links to
        return "list_head {next = %#x, prev = %#x} (%s)" % (nxt, prev, what)


def device_name(dev):
    """A struct device's name, as dev_name()."""
    return c_string(dev["init_name"]) if int(dev["init_name"]) else "(unnamed device)"


def driver_name(dev):
    drv = dev["driver"]
    return c_string(drv["name"]) if int(drv) else "(none)"


class PciDevPrinter:
    """struct pci_dev: address, IDs, class, interrupt, driver, then its
    BARs and interrupt modes as children."""

    def __init__(self, val):
        self.val = val

    def to_string(self):
        v = self.val
        return "pci_dev %s [%04x:%04x] subsystem [%04x:%04x] class %06x rev %02x irq %d driver %s" % (
            device_name(v["dev"]),
            int(v["vendor"]),
            int(v["device"]),
            int(v["subsystem_vendor"]),
            int(v["subsystem_device"]),
            int(v["class"]),
            int(v["revision"]),
            int(v["irq"]),
            driver_name(v["dev"]),
        )

    def children(self):
        v = self.val
        res = v["resource"]
        lo, hi = res.type.strip_typedefs().range()
        for i in range(lo, hi + 1):
            r = res[i]
            start, end = int(r["start"]), int(r["end"])
            if start == 0 and end == 0:
                continue
            yield "BAR%d" % i, "[%#x-%#x] flags %#x" % (start, end, int(r["flags"]))
        yield "dma_mask", "%#x" % int(v["dma_mask"])
        yield "busmaster", int(v["is_busmaster"])
        yield "msi", int(v["msi_enabled"])
        yield "msix", int(v["msix_enabled"])
        yield "driver_data", v["dev"]["driver_data"]


IFF_NAMES = [
    "UP", "BROADCAST", "DEBUG", "LOOPBACK", "POINTOPOINT", "NOTRAILERS", "RUNNING", "NOARP",
    "PROMISC", "ALLMULTI", "MASTER", "SLAVE", "MULTICAST",
]


def bit_names(value, names):
    out = [n for i, n in enumerate(names) if value & (1 << i)]
    rest = value & ~((1 << len(names)) - 1)
    if rest:
        out.append("%#x" % rest)
    return "|".join(out) if out else "0"


def enum_value(name, default):
    try:
        return int(gdb.parse_and_eval(name))
    except gdb.error:
        return default


class NetDevicePrinter:
    """struct net_device: name, MTU, MAC, flags, carrier, registration,
    queues and the bus device, then the counters as children."""

    def __init__(self, val):
        self.val = val

    def mac(self):
        v = self.val
        n = int(v["addr_len"]) or 6
        if int(v["dev_addr"]) == 0:
            return "(none)"
        try:
            return ":".join("%02x" % b for b in inferior_bytes(v["dev_addr"], n))
        except gdb.MemoryError:
            return "?"

    def to_string(self):
        v = self.val
        state = int(v["state"])
        running = state & (1 << enum_value("__LINK_STATE_START", 0))
        nocarrier = state & (1 << enum_value("__LINK_STATE_NOCARRIER", 2))
        parent = v["dev"]["parent"]
        return "net_device %s: mtu %d (%d-%d) mac %s flags %s %s carrier %s %s txq %d/%d rxq %d/%d parent %s" % (
            c_string(v["name"]),
            int(v["mtu"]),
            int(v["min_mtu"]),
            int(v["max_mtu"]),
            self.mac(),
            bit_names(int(v["flags"]), IFF_NAMES),
            "running" if running else "down",
            "off" if nocarrier else "on",
            str(v["reg_state"]),
            int(v["real_num_tx_queues"]),
            int(v["num_tx_queues"]),
            int(v["real_num_rx_queues"]),
            int(v["num_rx_queues"]),
            device_name(parent.dereference()) if int(parent) else "(none)",
        )

    def children(self):
        v = self.val
        yield "netdev_ops", v["netdev_ops"]
        yield "ethtool_ops", v["ethtool_ops"]
        yield "features", "%#x" % int(v["features"])
        yield "irq", int(v["irq"])
        yield "watchdog_timeo", int(v["watchdog_timeo"])
        yield "stats", v["stats"]
        yield "priv", "%#x" % (int(v.address) + netdev_priv_offset()) if v.address else "?"


def netdev_priv_offset():
    """netdev_priv(): the private area after the struct, NETDEV_ALIGN (32)
    aligned, as linux/netdevice.h places it."""
    size = struct_type("net_device").sizeof
    return (size + 31) & ~31


class SkBuffPrinter:
    """struct sk_buff: lengths, where data and tail sit in the buffer,
    protocol, device, then headers and the first bytes of data."""

    def __init__(self, val):
        self.val = val

    def to_string(self):
        v = self.val
        head = int(v["head"])
        dev = v["dev"]
        proto = int(v["protocol"])
        proto = ((proto & 0xFF) << 8) | (proto >> 8)  # __be16 as the wire has it
        return "sk_buff len %d data_len %d headroom %d tailroom %d truesize %d protocol %#06x dev %s users %d%s" % (
            int(v["len"]),
            int(v["data_len"]),
            int(v["data"]) - head,
            int(v["end"]) - int(v["tail"]),
            int(v["truesize"]),
            proto,
            c_string(dev["name"]) if int(dev) else "(none)",
            int(v["users"]["refs"]["counter"]),
            " cloned" if int(v["cloned"]) else "",
        )

    def children(self):
        v = self.val
        yield "head", v["head"]
        for h in ("mac_header", "network_header", "transport_header"):
            off = int(v[h])
            yield h, "unset" if off == 0xFFFF else "+%d" % off
        yield "ip_summed", int(v["ip_summed"])
        linear = int(v["len"]) - int(v["data_len"])
        n = max(0, min(linear, 64))
        try:
            data = inferior_bytes(v["data"], n) if n else b""
            yield "data", " ".join("%02x" % b for b in data) + (" ..." if linear > n else "")
        except gdb.MemoryError:
            yield "data", "unreadable at %#x" % int(v["data"])


def build_printers():
    pp = gdb.printing.RegexpCollectionPrettyPrinter("uldd")
    pp.add_printer("list_head", "^list_head$", ListHeadPrinter)
    pp.add_printer("pci_dev", "^pci_dev$", PciDevPrinter)
    pp.add_printer("net_device", "^net_device$", NetDevicePrinter)
    pp.add_printer("sk_buff", "^sk_buff$", SkBuffPrinter)
    return pp


# ----------------------------------------------------------------- dmesg


class Dmesg(gdb.Command):
    """Print the log ring: every line the driver, the shim and the host
    layer logged, at any level, as dmesg prints the kernel's (the last 1024;
    kernel/log.c). lx-dmesg -l adds each line's level."""

    def __init__(self):
        super().__init__("lx-dmesg", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        levels = arg.strip() == "-l"
        ring = lookup_var("uh_log_ring")
        rtype = ring.type.strip_typedefs()
        slots = ring["slot"]
        nslots = slots.type.strip_typedefs().range()[1] + 1
        stype = slots[0].type.strip_typedefs()
        ssize = stype.sizeof
        off = {f.name: f.bitpos // 8 for f in stype.fields()}
        tlen = stype["text"].type.sizeof
        # One read of the whole ring: a field at a time is slow over a
        # remote or core target.
        raw = inferior_bytes(ring.address, rtype.sizeof)
        base = field_offset(rtype, "slot")
        nxt = int(ring["next"])
        t0 = int(ring["t0"])
        out = []
        for n in range(max(0, nxt - nslots), nxt):
            s = base + (n % nslots) * ssize
            seq = struct.unpack_from("<Q", raw, s + off["seq"])[0]
            ns = struct.unpack_from("<Q", raw, s + off["ns"])[0]
            if seq != n + 1:
                out.append("[  ?.??????] (line %d being written or overwritten)\n" % n)
                continue
            length = struct.unpack_from("<H", raw, s + off["len"])[0]
            level = raw[s + off["level"]]
            cut = raw[s + off["truncated"]]
            text = raw[s + off["text"] : s + off["text"] + min(length, tlen)].decode("utf-8", "replace")
            rel = max(0, ns - t0) if t0 else ns
            out.append(
                "[%5d.%06d] %s%s%s\n"
                % (rel // 1000000000, rel % 1000000000 // 1000, "<%d>" % level if levels else "", text, " [...]" if cut else "")
            )
        if nxt == 0:
            gdb.write("(nothing logged yet)\n")
        if nxt > nslots:
            gdb.write("(%d earlier lines overwritten)\n" % (nxt - nslots))
        gdb.write("".join(out))


# -------------------------------------------------------------------- ps


def task_state(state):
    if state == 0:
        return "R"
    if state & 0x2:
        return "D"
    if state & 0x1:
        return "S"
    return "%#x" % state


class Ps(gdb.Command):
    """List the kernel tasks (every host thread that entered the kernel, and
    kthreads) with their state and vCPU, then the virtual CPUs. A task is a
    host thread's uldd_current (thread-local), so gdb must read TLS: a live
    process or a core file with libthread_db at hand."""

    def __init__(self):
        super().__init__("lx-ps", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        inferior = gdb.selected_inferior()
        selected = gdb.selected_thread()
        vcpus = lookup_var("uldd_vcpus")
        ncpu = int(lookup_var("nr_cpu_ids"))
        holder = {}
        for i in range(ncpu):
            t = int(vcpus[i]["task"])
            if int(vcpus[i]["busy"]) and t:
                holder[t] = i
        gdb.write("%-4s %-8s %-6s %-16s %-5s %-4s %-6s %s\n" % ("GDB", "LWP", "PID", "COMM", "STATE", "CPU", "DEPTH", "PREEMPT"))
        rows = 0
        try:
            for th in sorted(inferior.threads(), key=lambda t: t.num):
                th.switch()
                lwp = th.ptid[1]
                try:
                    cur = gdb.parse_and_eval("uldd_current")
                    preempt = int(gdb.parse_and_eval("uldd_preempt_count"))
                except gdb.error as e:
                    gdb.write("%-4d %-8d (no TLS: %s)\n" % (th.num, lwp, e))
                    continue
                if int(cur) == 0:
                    # Never entered the kernel: the main thread before init,
                    # the watchdog, a thread of a host library.
                    what = "(host: %s)" % th.name if th.name else "(host thread)"
                    gdb.write("%-4d %-8d %-6s %s\n" % (th.num, lwp, "-", what))
                    continue
                t = cur.dereference()
                cpu = holder.get(int(cur))
                gdb.write(
                    "%-4d %-8d %-6d %-16s %-5s %-4s %-6d %#x\n"
                    % (
                        th.num,
                        lwp,
                        int(t["pid"]),
                        c_string(t["comm"]),
                        task_state(int(t["__state"])),
                        "-" if cpu is None else str(cpu),
                        int(t["uldd_enter_depth"]),
                        preempt,
                    )
                )
                rows += 1
        finally:
            if selected is not None and selected.is_valid():
                selected.switch()
        gdb.write("%d tasks; %d vCPUs:\n" % (rows, ncpu))
        for i in range(ncpu):
            t = vcpus[i]["task"]
            if int(vcpus[i]["busy"]):
                who = "%s/%d" % (c_string(t["comm"]), int(t["pid"])) if int(t) else "busy"
            else:
                who = "free"
            gdb.write("  CPU%d: %s (schedules %d)\n" % (i, who, int(vcpus[i]["scheds"])))


# ----------------------------------------------------- devices, netdevs


class Lspci(gdb.Command):
    """List the PCI devices the shim opened (drivers/pci: uldd_pci_devices),
    each as its pci_dev's pretty-printer shows it, with its address."""

    def __init__(self):
        super().__init__("lx-lspci", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        typ = struct_type("uldd_pci_private")
        n = 0
        for priv in list_for_each_entry(lookup_var("uldd_pci_devices"), typ, "node"):
            pdev = priv["pdev"]
            gdb.write("(struct pci_dev *) %#x: %s\n" % (int(pdev), PciDevPrinter(pdev.dereference()).to_string()))
            n += 1
        if not n:
            gdb.write("(none: a device is listed once its driver's probe returned 0)\n")


class Netdev(gdb.Command):
    """List the registered net_devices (net/dev.c: uldd_net_devices), each
    as its pretty-printer shows it; lx-netdev NAME prints that one whole."""

    def __init__(self):
        super().__init__("lx-netdev", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        name = arg.strip()
        typ = struct_type("uldd_netdev")
        for nd in list_for_each_entry(lookup_var("uldd_net_devices"), typ, "node"):
            dev = nd["dev"]
            if not name:
                gdb.write("(struct net_device *) %#x: %s\n" % (int(dev), NetDevicePrinter(dev.dereference()).to_string()))
            elif c_string(dev["name"]) == name:
                gdb.write("(struct net_device *) %#x = %s\n" % (int(dev), dev.dereference()))
                return
        if name:
            raise gdb.GdbError("no registered net_device '%s'" % name)


class NetdevFn(gdb.Function):
    """$lx_netdev("NAME"): the registered struct net_device * called NAME."""

    def __init__(self):
        super().__init__("lx_netdev")

    def invoke(self, name):
        typ = struct_type("uldd_netdev")
        for nd in list_for_each_entry(lookup_var("uldd_net_devices"), typ, "node"):
            if c_string(nd["dev"]["name"]) == name.string():
                return nd["dev"]
        raise gdb.GdbError("no registered net_device '%s'" % name.string())


# ------------------------------------------------------------ breakpoints


def _symbol_exists(name):
    """True if a loaded object has name, in its debug info or its ELF
    symbol table (a library without debug info has only the latter)."""
    try:
        return "No symbol" not in gdb.execute("info address %s" % name, to_string=True)
    except gdb.error:
        return False


def _resolve(name):
    """The symbol a kernel function NAME has in a loaded object: uldd_k_NAME
    for a global one, NAME for a static one; None while neither is loaded."""
    if name.startswith(PREFIX) or name.startswith("*"):
        return name
    if _symbol_exists(PREFIX + name):
        return PREFIX + name
    if _symbol_exists(name):
        return name
    return None


class Break(gdb.Command):
    """Break on a kernel function by its kernel name: uldd-break NAME [if COND]
The shim and drivers rename each global function NAME to uldd_k_NAME (a
static one keeps its name); this finds which one a loaded object has and
breaks there, which needs no debug info. While no loaded object has either
(a driver's .so before 'uldd run' dlopens it), the breakpoint is pending on
NAME, which the debug info of the shim and of drivers (built with -g) keeps
for global and static functions alike."""

    def __init__(self):
        super().__init__("uldd-break", gdb.COMMAND_BREAKPOINTS, gdb.COMPLETE_SYMBOL)

    def invoke(self, arg, from_tty):
        argv = arg.split(None, 1)
        if not argv:
            raise gdb.GdbError("usage: uldd-break NAME [if COND]")
        name, cond = argv[0], (" " + argv[1]) if len(argv) > 1 else ""
        target = _resolve(name)
        if target:
            gdb.execute("break -qualified %s%s" % (target, cond), from_tty)
            return
        # gdb.execute() from a new_objfile handler, which could pick the
        # symbol when the .so loads, aborts 'run' in gdb 13: the debug
        # info's name is the one that works pending.
        gdb.execute("break -qualified %s%s" % (name, cond), from_tty)


# --------------------------------------------------------------- register


def register():
    gdb.printing.register_pretty_printer(None, build_printers(), replace=True)
    ContainerOf()
    KernelSymbol()
    NetdevFn()
    ListWalk()
    Dmesg()
    Ps()
    Lspci()
    Netdev()
    Break()


register()
