// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * confine.c - 'uldd run' without root (confine.h). What the driver needs
 * from root is opened first: the VFIO nodes of its devices (/dev/vfio/N and
 * the container, or /dev/iommu and the device's cdev), its I/O ports
 * (ioperm on the main thread, inherited by every thread started later),
 * the firmware directory; the control socket is bound by run.c before this.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "confine.h"
#include "supervise.h"
#include "uldd.h"

#define MAX_SCAN 256

static bool wanted(const struct tool_confine *c, const char *addr)
{
	if (!c->ndevices)
		return true;
	for (unsigned int i = 0; i < c->ndevices; i++)
		if (!strcmp(c->devices[i], addr))
			return true;
	return false;
}

/* The devices the driver may probe: those given, else all on vfio-pci. */
static int hold_devices(const struct tool_confine *c)
{
	struct uhost_pci_info *info = calloc(MAX_SCAN, sizeof(*info));
	unsigned int n = 0, ports;
	int err;

	if (!info)
		return ULDD_EXIT_FAIL;
	err = uhost_pci_scan(info, MAX_SCAN, &n);
	if (err) {
		tool_err("%s", uhost_errmsg());
		free(info);
		return ULDD_EXIT_FAIL;
	}
	for (unsigned int i = 0; i < n && i < MAX_SCAN; i++) {
		if (!info[i].vfio || !wanted(c, info[i].addr))
			continue;
		err = uh_vfio_preopen(info[i].addr);
		if (!err)
			err = uh_ports_pregrant(info[i].addr, &ports);
		if (err && c->ndevices) {
			tool_err("%s", uhost_errmsg());
			free(info);
			return ULDD_EXIT_FAIL;
		}
		/* Not asked for by name: the driver's probe says what it makes of it. */
		if (err) {
			uh_log(UHOST_LOG_WARNING, "uldd: %s is not opened for the driver: %s",
			       info[i].addr, uhost_errmsg());
			continue;
		}
	}
	free(info);
	return 0;
}

/* The shim's functions that create a TAP, as a driver imports them. */
static const char *const net_imports[] = { "uldd_k_register_netdev", "uldd_k_register_netdevice",
					   NULL };

/*
 * A block driver's disks appear after probe, or later, when the driver has
 * long dropped root: a broker that keeps it connects them (kernel/nbd.c).
 * Forked here, before any descriptor the driver alone should hold is open;
 * a supervised driver has its supervisor's already.
 */
static int start_blk_broker(const struct tool_confine *c)
{
	if (uh_blk_broker_ready() || !tool_makes_disks(c->driver))
		return 0;
	if (uh_blk_broker_start()) {
		tool_err("%s", uhost_errmsg());
		return ULDD_EXIT_FAIL;
	}
	return 0;
}

int tool_confine_drop(struct tool_confine *c)
{
	const char *user = c->user ? c->user : UH_DEFAULT_USER;
	const char *fw = c->firmware ? c->firmware : "/lib/firmware";
	uint64_t memlock;
	uid_t uid;
	gid_t gid;
	bool net;
	int err;

	c->dropped = false;
	c->caps = 0;
	uh_arena_set_limit(c->arena_max);
	if (geteuid() != 0)
		return 0; /* nothing to drop; VFIO's nodes say whether it works */
	if (!strcmp(user, "root")) {
		tool_err(
			"warning: --user root: the driver runs as root with every capability; for debugging only");
		return 0;
	}
	if (uh_user_lookup(user, &uid, &gid)) {
		tool_err("%s", uhost_errmsg());
		return ULDD_EXIT_FAIL;
	}
	/*
	 * Only a driver that registers a net_device gets a TAP, the one thing
	 * that takes a capability (uh_privsep_caps()). Read from its dynamic
	 * symbol table: the driver's code does not run before the drop.
	 */
	if (uh_elf_imports(c->driver, net_imports, &net))
		net = false; /* unreadable: dlopen will say why */
	err = start_blk_broker(c);
	if (!err)
		err = hold_devices(c);
	if (err)
		return err;
	/* No such directory is no failure here: the driver's request says so. */
	if (uh_file_hold_dir(fw))
		uh_log(UHOST_LOG_DEBUG, "uldd: %s", uhost_errmsg());
	/*
	 * Every TAP queue is an open of /dev/net/tun, which may be root's
	 * alone (devtmpfs makes it 0600 where no udev rule opens it up).
	 * Missing, it is tap.c's to say so when the driver asks for one.
	 */
	if (net &&
	    uh_node_hold_many(UH_TUN_PATH, O_RDWR | O_CLOEXEC | O_NONBLOCK, UHOST_TAP_MAX_QUEUES))
		uh_log(UHOST_LOG_DEBUG, "uldd: %s", uhost_errmsg());
	c->caps = uh_privsep_caps(net);
	uh_nice_limit_set();
	if (uh_memlock_set(c->arena_max, &memlock) || uh_privsep_drop(uid, gid, c->caps)) {
		tool_err("%s", uhost_errmsg());
		return ULDD_EXIT_FAIL;
	}
	if (memlock < c->arena_max) {
		tool_err(
			"warning: the locked-memory hard limit (%llu MiB) is below --arena-max; the DMA arena stops there",
			(unsigned long long)memlock >> 20);
		uh_arena_set_limit(memlock);
	}
	c->dropped = true;
	return 0;
}

int tool_confine_lock(const struct tool_confine *c, const char *driver)
{
	const char *base = strrchr(driver, '/');
	unsigned int unused = uh_node_release_all();

	if (unused)
		uh_log(UHOST_LOG_DEBUG, "uldd: closed %u VFIO node(s) no device took", unused);
	if (c->no_seccomp)
		return 0;
	if (uh_seccomp_install(base ? base + 1 : driver)) {
		tool_err("%s", uhost_errmsg());
		return ULDD_EXIT_FAIL;
	}
	return 0;
}

/* Why the filter is off: the option, or a sanitizer build (run.c). */
#ifdef ULDD_SANITIZED
#define SECCOMP_OFF "off (a sanitizer build)"
#else
#define SECCOMP_OFF "off (--no-seccomp)"
#endif

void tool_confine_report(const struct tool_confine *c, const char *driver)
{
	const char *kept = geteuid() ? "unchanged" : "all of root's";
	char caps[128];

	if (c->dropped) {
		if (uh_caps_name(c->caps, caps, sizeof(caps)))
			snprintf(caps, sizeof(caps), "%#llx", (unsigned long long)c->caps);
		kept = caps;
	}
	fprintf(stderr, "uldd: %s runs as uid %u, capabilities: %s, seccomp %s\n", driver,
		(unsigned int)geteuid(), kept,
		c->valgrind	? "off (under valgrind)"
		: c->no_seccomp ? SECCOMP_OFF
				: "on");
}
