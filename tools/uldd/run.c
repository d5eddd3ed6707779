// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * run.c - 'uldd run': loads a driver built against the shim, sets its
 * module parameters, calls its init (which registers with the PCI bus and
 * probes the matching devices), runs until SIGINT, SIGTERM or SIGHUP (one
 * that arrives during init and probe is kept until they return), then calls
 * its exit, so every device is removed and closed before the process ends.
 * The watchdog thread (watchdog.c) takes those signals and ends the process
 * when init, probe or exit outlast the stop deadline, or on a soft lockup
 * or a hung task. While it runs, a control socket (ctl.c) answers 'uldd stats'.
 */
#include <dlfcn.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <valgrind/valgrind.h>

#include "../../shim/entry.h"
#include "abi.h"
#include "confine.h"
#include "ctl.h"
#include "debug.h"
#include "dmafault.h"
#include "host.h"
#include "restart.h"
#include "stopsig.h"
#include "watchdog.h"
#include "supervise.h"
#include "uldd.h"

/*
 * The net layer (shim/net) may not be in this build yet: weak, so uldd
 * links either way, and the functions are NULL while it is missing.
 */
#pragma weak uldd_k_uldd_net_ifname
#pragma weak uldd_k_uldd_net_report
#pragma weak uldd_k_uldd_net_open_failed
/* A driver that needs no device (a RAM disk) runs when it added a disk. */
#pragma weak uldd_k_uldd_blk_disks
#pragma weak uldd_k_uldd_blk_export_failed

#define MAX_PARAMS 64
#define MAX_DEVICES 16

struct run_opts {
	const char *driver;
	char devices[MAX_DEVICES][UH_PCI_ADDR_LEN]; /* canonical: DDDD:BB:DD.F */
	unsigned int ndevices;
	unsigned int vcpus;
	const char *firmware;
	const char *ifname;
	const char *params[MAX_PARAMS];
	unsigned int nparams;
	bool restart; /* --restart: uldd supervise */
	const char *policy_opt; /* a restart policy option seen (supervise's) */
	struct tool_wd_opts wd;
	struct tool_confine confine;
	struct tool_debug debug;
};

/*
 * An option of the restart policy (restart.h), which 'uldd run --restart'
 * hands to the supervisor: true if a is one, with *err set when its value
 * is bad.
 */
static bool is_policy(const char *a, const char *val, int *err)
{
	struct tool_restart scratch;
	char msg[128];
	int rc;

	tool_restart_init(&scratch);
	rc = tool_restart_option(&scratch, a, val, msg, sizeof(msg));
	*err = rc < 0 ? tool_usage_err(&tool_cmd_run, "%s", msg) : 0;
	return rc != 1;
}

/*
 * --device ADDR, as the shim's PCI bus compares it: canonical, so the short
 * form and upper case name the same device. A device given twice counts once.
 */
static int add_device(struct run_opts *o, const char *arg)
{
	struct uh_pci_addr pa;
	char canon[UH_PCI_ADDR_LEN];

	if (uh_pci_addr_parse(arg, &pa)) {
		tool_err(
			"--device '%s' is not a PCI address: give DDDD:BB:DD.F or BB:DD.F in hex, such as 0000:00:03.0 or 00:03.0",
			arg);
		return ULDD_EXIT_USAGE;
	}
	uh_pci_addr_format(&pa, canon);
	for (unsigned int i = 0; i < o->ndevices; i++)
		if (!strcmp(o->devices[i], canon))
			return 0;
	if (o->ndevices == MAX_DEVICES)
		return tool_usage_err(&tool_cmd_run, "at most %d devices", MAX_DEVICES);
	memcpy(o->devices[o->ndevices++], canon, UH_PCI_ADDR_LEN);
	return 0;
}

/*
 * Each --device is checked before anything is loaded or opened, so every
 * mistake gets its own line and nothing is left to undo.
 */
static int check_devices(const struct run_opts *o)
{
	for (unsigned int i = 0; i < o->ndevices; i++) {
		int group;

		if (uh_pci_check_free(o->devices[i], &group)) {
			tool_err("%s", uhost_errmsg());
			return ULDD_EXIT_FAIL;
		}
	}
	return 0;
}

static int parse(int argc, char **argv, struct run_opts *o)
{
	int err;

	long n;

	o->vcpus = (unsigned int)sysconf(_SC_NPROCESSORS_ONLN);
	o->confine.arena_max = ULDD_ARENA_MAX_DEFAULT;
	o->wd.lockup_s = ULDD_WD_LOCKUP_S;
	o->wd.hung_s = ULDD_WD_HUNG_S;
	o->wd.stop_s = ULDD_WD_STOP_S;
#ifdef ULDD_SANITIZED
	/* A sanitizer's runtime makes system calls off the list (sanitize.mk). */
	o->confine.no_seccomp = true;
#endif
	/* So does valgrind, which makes the program's calls itself. */
	o->confine.valgrind = RUNNING_ON_VALGRIND;
	if (o->confine.valgrind)
		o->confine.no_seccomp = true;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--device") || !strcmp(a, "-d")) {
			if (++i == argc)
				return tool_usage_err(&tool_cmd_run, "%s needs a PCI address", a);
			err = add_device(o, argv[i]);
			if (err)
				return err;
		} else if (!strcmp(a, "--firmware")) {
			if (++i == argc)
				return tool_usage_err(&tool_cmd_run, "%s needs a directory", a);
			o->firmware = argv[i];
		} else if (!strcmp(a, "--ifname")) {
			if (++i == argc)
				return tool_usage_err(&tool_cmd_run, "%s needs an interface name",
						      a);
			if (!tool_ifname_ok(argv[i]))
				return tool_usage_err(
					&tool_cmd_run,
					"--ifname '%s': give 1 to 15 characters, no '/' or spaces",
					argv[i]);
			o->ifname = argv[i];
		} else if (!strcmp(a, "--vcpus")) {
			if (++i == argc || (n = strtol(argv[i], NULL, 10)) < 1 || n > 64)
				return tool_usage_err(&tool_cmd_run, "--vcpus takes 1 to 64");
			o->vcpus = (unsigned int)n;
		} else if (!strcmp(a, "--debug") || !strncmp(a, "--debug=", 8)) {
			if (!a[7] && ++i == argc)
				return tool_usage_err(&tool_cmd_run, "%s needs checkers", a);
			err = tool_debug_parse(a[7] ? a + 8 : argv[i], &o->debug);
			if (err)
				return err;
		} else if (!strcmp(a, "--restart")) {
			o->restart = true;
		} else if (is_policy(a, i + 1 < argc ? argv[i + 1] : NULL, &err)) {
			if (err)
				return err;
			o->policy_opt = a;
			i++;
		} else if (!strcmp(a, "--watchdog") || !strcmp(a, "--hung-task") ||
			   !strcmp(a, "--stop-timeout")) {
			char *end = NULL;

			n = -1;
			if (++i < argc)
				n = strtol(argv[i], &end, 10);
			if (i == argc || !argv[i][0] || *end || n < 0 || n > 86400)
				return tool_usage_err(&tool_cmd_run,
						      "%s takes 0 to 86400 (seconds)", a);
			if (a[2] == 'w')
				o->wd.lockup_s = (unsigned int)n;
			else if (a[2] == 'h')
				o->wd.hung_s = (unsigned int)n;
			else
				o->wd.stop_s = (unsigned int)n;
		} else if (!strcmp(a, "--user")) {
			if (++i == argc || !argv[i][0])
				return tool_usage_err(&tool_cmd_run, "%s needs a user name", a);
			o->confine.user = argv[i];
		} else if (!strcmp(a, "--blk-export") || !strncmp(a, "--blk-export=", 13)) {
			const char *how = a[12] ? a + 13 : (++i < argc ? argv[i] : "");

			if (strcmp(how, "nbd") && strcmp(how, "ublk"))
				return tool_usage_err(&tool_cmd_run,
						      "--blk-export takes nbd or ublk, not '%s'",
						      how);
			/* The host layer reads it at each disk's export (kernel/ublk.c). */
			if (setenv("ULDD_BLK_EXPORT", how, 1))
				return tool_usage_err(&tool_cmd_run, "--blk-export: %s",
						      strerror(errno));
		} else if (!strcmp(a, "--no-seccomp")) {
			o->confine.no_seccomp = true;
		} else if (!strcmp(a, "--arena-max")) {
			if (++i == argc || (n = strtol(argv[i], NULL, 10)) < 4 || n > (1L << 20))
				return tool_usage_err(&tool_cmd_run,
						      "--arena-max takes 4 to 1048576 (MiB)");
			o->confine.arena_max = (uint64_t)n << 20;
		} else if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
			uhost_log_set_level(UHOST_LOG_DEBUG);
		} else if (a[0] == '-') {
			return tool_usage_err(&tool_cmd_run, "unknown option '%s'", a);
		} else if (!o->driver) {
			o->driver = a;
		} else if (strchr(a, '=')) {
			if (o->nparams == MAX_PARAMS)
				return tool_usage_err(&tool_cmd_run, "at most %d parameters",
						      MAX_PARAMS);
			o->params[o->nparams++] = a;
		} else {
			return tool_usage_err(
				&tool_cmd_run,
				"'%s' is not a parameter: module parameters are name=value", a);
		}
	}
	if (!o->driver)
		return tool_usage_err(&tool_cmd_run, "which driver? give its .so file");
	if (o->policy_opt && !o->restart)
		return tool_usage_err(&tool_cmd_run,
				      "%s sets when a crashed driver restarts: add --restart",
				      o->policy_opt);
	if (o->vcpus < 1 || o->debug.up)
		o->vcpus = 1;
	return 0;
}

/* dlerror() names a missing kernel function by its renamed symbol. */
static void load_error(const char *driver, bool dropped)
{
	const char *msg = dlerror();
	const char *missing = msg ? strstr(msg, "undefined symbol: uldd_k_") : NULL;

	if (missing)
		tool_err("%s calls %s, which uldd's kernel API does not provide yet", driver,
			 missing + strlen("undefined symbol: uldd_k_"));
	else if (dropped && msg && strstr(msg, "Permission denied"))
		tool_err(
			"cannot load %s: %s: uldd run loads it after dropping root: make it readable by that user, or give --user root",
			driver, msg);
	else
		tool_err("cannot load %s: %s", driver, msg ? msg : "unknown error");
}

static int set_params(const struct run_opts *o)
{
	char msg[512];

	for (unsigned int i = 0; i < o->nparams; i++) {
		char name[128];
		const char *eq = strchr(o->params[i], '=');
		size_t len = (size_t)(eq - o->params[i]);

		if (len == 0 || len >= sizeof(name)) {
			tool_err("bad parameter '%s': use name=value", o->params[i]);
			return -EINVAL;
		}
		memcpy(name, o->params[i], len);
		name[len] = '\0';
		msg[0] = '\0';
		if (uldd_k_uldd_param_set(name, eq + 1, msg, sizeof(msg))) {
			tool_err("%s: %s", o->driver, msg);
			return -EINVAL;
		}
	}
	return 0;
}

/*
 * The defaults a ported driver's manifest names ('params =', linked in by
 * uldd port as one string of name=value words): set before the command
 * line's, which override them, as modprobe.d options and modprobe's own.
 */
static int set_default_params(const char *driver, const char *defaults)
{
	char *copy, *save = NULL, msg[512];
	int err = 0;

	if (!defaults || !*defaults)
		return 0;
	copy = strdup(defaults);
	if (!copy)
		return -ENOMEM;
	for (char *w = strtok_r(copy, " ", &save); w && !err; w = strtok_r(NULL, " ", &save)) {
		char *eq = strchr(w, '=');

		msg[0] = '\0';
		if (!eq || eq == w) {
			tool_err("%s: default parameter '%s' is not name=value: re-run uldd port",
				 driver, w);
			err = -EINVAL;
			break;
		}
		*eq = '\0';
		if (uldd_k_uldd_param_set(w, eq + 1, msg, sizeof(msg))) {
			tool_err("%s: default parameter %s: %s", driver, w, msg);
			err = -EINVAL;
		}
	}
	free(copy);
	return err;
}

/* What 'uldd stats' gets while the net layer is not built in: no interface. */
static long no_net_report(const char *ifname, char *buf, unsigned long len)
{
	(void)ifname;
	(void)buf;
	(void)len;
	return -ENODEV;
}

static int set_ifname(const struct run_opts *o)
{
	int err;

	if (!o->ifname)
		return 0;
	if (!uldd_k_uldd_net_ifname) {
		tool_err("--ifname: this uldd is built without its network layer (shim/net)");
		return -ENOSYS;
	}
	err = uldd_k_uldd_net_ifname(o->ifname);
	if (err)
		tool_err("--ifname '%s': %s", o->ifname, strerror(-err));
	return err;
}

/*
 * Without a control socket the driver still runs; only 'uldd stats' cannot
 * reach it, and the warning says so. Bound as root, in root's run dir,
 * before the privilege drop; served once the driver runs.
 */
static struct tool_ctl *open_ctl(void)
{
	tool_ctl_report_fn report = uldd_k_uldd_net_report ? uldd_k_uldd_net_report : no_net_report;
	struct tool_ctl *ctl = NULL;

	if (tool_ctl_open(tool_run_dir(), report, &ctl))
		tool_err("warning: %s: 'uldd stats' cannot reach this process", uhost_errmsg());
	return ctl;
}

static struct tool_ctl *serve_ctl(struct tool_ctl *ctl)
{
	if (ctl && tool_ctl_serve(ctl)) {
		tool_err("warning: %s: 'uldd stats' cannot reach this process", uhost_errmsg());
		tool_ctl_stop(ctl);
		return NULL;
	}
	return ctl;
}

/*
 * Disks the host's export refused (nbd.ko missing ...), each said why in
 * one line; the watchdog stops the process at the first (watchdog.c).
 */
static bool blk_refused(void)
{
	return uldd_k_uldd_blk_export_failed && uldd_k_uldd_blk_export_failed();
}

static int run(int argc, char **argv)
{
	struct run_opts o = { 0 };
	struct tool_ctl *ctl = NULL;
	sigset_t stop;
	void *handle;
	unsigned int refused = 0;
	unsigned long reports;
	int err, sig, fail = ULDD_EXIT_FAIL;
	unsigned int strict = 0;

	err = parse(argc, argv, &o);
	/* A driver this library cannot run would fail the same way every restart. */
	if (!err && o.restart) {
		err = tool_abi_check(o.driver);
		return err ? err : tool_supervise(argc, argv);
	}
	if (!err)
		err = check_devices(&o);
	if (!err)
		err = tool_abi_check(o.driver);
	if (!err)
		err = tool_supervised_run(argc, argv);
	if (err)
		return err;
	if (uhost_init(UHOST_CORE_REV, UHOST_VFIO_REV, UHOST_TAP_REV, UHOST_BLK_REV)) {
		tool_err("%s", uhost_errmsg());
		return ULDD_EXIT_FAIL;
	}
	/* Before any thread: capabilities and ioperm bits are per thread. */
	ctl = open_ctl();
	o.confine.driver = o.driver;
	o.confine.devices = o.devices;
	o.confine.ndevices = o.ndevices;
	o.confine.firmware = o.firmware;
	if (!uldd_k_uldd_debug_lookup("dma-strict", 10, &strict) && (o.debug.mask & strict))
		tool_dmafault_open();
	err = tool_confine_drop(&o.confine);
	if (err) {
		tool_ctl_stop(ctl);
		return err;
	}
	/*
	 * Every thread the shim starts inherits this: the signals come here,
	 * and one that arrives during init and probe waits until they return.
	 */
	tool_stop_block(&stop);
	tool_debug_check_driver(&o.debug, o.driver);
	tool_debug_start(&o.debug);
	uldd_k_uldd_sched_init(o.vcpus);
	tool_dmafault_start();
	/* From here the watchdog thread takes the stop signals. */
	err = tool_wd_start(o.driver, &o.wd, &stop);
	if (err) {
		tool_err("cannot start the watchdog: %s", strerror(err));
		goto err_ctl;
	}

	if (uldd_k_uldd_mm_init()) {
		tool_err("cannot set up the DMA arena: %s", uhost_errmsg());
		goto err_ctl;
	}
	handle = dlopen(o.driver, RTLD_NOW | RTLD_LOCAL);
	if (!handle) {
		load_error(o.driver, o.confine.dropped);
		goto err_ctl;
	}
	if (!uldd_k_uldd_module_count()) {
		tool_err("%s has no module_init(): is it a driver built for uldd?", o.driver);
		goto err_ctl;
	}
	for (unsigned int i = 0; i < o.ndevices; i++)
		uldd_k_uldd_pci_allow(o.devices[i]);
	if (o.firmware && uldd_k_uldd_firmware_dir(o.firmware)) {
		tool_err("--firmware '%s': give a directory of 1 to 255 characters", o.firmware);
		goto err_ctl;
	}

	uldd_k_uldd_enter("uldd-run");
	err = set_ifname(&o);
	if (!err)
		err = set_default_params(o.driver, dlsym(handle, "uldd_k_uldd_default_params"));
	if (!err)
		err = set_params(&o);
	if (!err) {
		err = uldd_k_uldd_modules_init();
		/* A disk the host refused said why, in the one line it takes. */
		if (err && !blk_refused())
			tool_err("%s: init failed: %s", o.driver, strerror(-err));
	}
	if (!err && !uldd_k_uldd_pci_bound() &&
	    !(uldd_k_uldd_blk_disks && uldd_k_uldd_blk_disks())) {
		if (uldd_k_uldd_pci_failed()) {
			tool_err("%s: probe failed on %u device(s): the messages above say why",
				 o.driver, uldd_k_uldd_pci_failed());
			fail = ULDD_EXIT_NODEV;
		} else if (o.ndevices) {
			tool_err(
				"%s drives none of the --device devices: its ID table does not match them ('uldd info ADDR' shows their IDs)",
				o.driver);
		} else {
			tool_err(
				"%s bound no device: bind one with 'uldd bind ADDR' ('uldd list' shows them)",
				o.driver);
		}
		uldd_k_uldd_modules_exit();
		tool_debug_finish(&o.debug);
		err = -ENODEV;
	}
	uldd_k_uldd_exit();
	if (!err && tool_confine_lock(&o.confine, o.driver)) {
		uldd_k_uldd_enter("uldd-run");
		uldd_k_uldd_modules_exit();
		uldd_k_uldd_exit();
		err = -EPERM;
	}
	if (err) {
		tool_ctl_stop(ctl);
		return fail;
	}

	/*
	 * A stop asked for during init and probe is honoured now, before the
	 * driver is announced; one that never returns ends at the watchdog's
	 * stop deadline.
	 */
	tool_wd_phase(ULDD_WD_RUN);
	sig = tool_wd_stopped();
	if (sig) {
		if (sig != ULDD_WD_STOP_SELF)
			fprintf(stderr, "uldd: %s during %s's init and probe, stopping it\n",
				strsignal(sig), o.driver);
		tool_ctl_stop(ctl);
	} else {
		ctl = serve_ctl(ctl);
		tool_confine_report(&o.confine, o.driver);
		fprintf(stderr,
			"uldd: %s runs on %u device(s) with %u vCPUs; SIGINT, SIGTERM or SIGHUP stops it\n",
			o.driver, uldd_k_uldd_pci_bound(), o.vcpus);
		sig = tool_wd_wait();
		if (sig != ULDD_WD_STOP_SELF)
			fprintf(stderr, "uldd: %s, stopping %s\n", strsignal(sig), o.driver);
		/* Before the driver's exit: no report may race its teardown. */
		tool_ctl_stop(ctl);
	}

	tool_wd_phase(ULDD_WD_EXIT);
	tool_dmafault_stop();
	uldd_k_uldd_enter("uldd-run");
	if (uldd_k_uldd_net_open_failed)
		refused = uldd_k_uldd_net_open_failed();
	uldd_k_uldd_modules_exit();
	reports = tool_debug_finish(&o.debug);
	uldd_k_uldd_exit();
	if (reports) {
		tool_err("--debug: %lu report(s) on %s: the lines above describe each", reports,
			 o.driver);
		return ULDD_EXIT_FAIL;
	}
	if (refused) {
		tool_err(
			"%s refused to open %u interface(s) the host set up: the driver's messages above say why",
			o.driver, refused);
		return ULDD_EXIT_FAIL;
	}
	return blk_refused() ? ULDD_EXIT_FAIL : ULDD_EXIT_OK;

err_ctl:
	tool_ctl_stop(ctl);
	return ULDD_EXIT_FAIL;
}

const struct tool_cmd tool_cmd_run = {
	.name = "run",
	.args = "DRIVER.so [--device ADDR]... [--vcpus N] [--firmware DIR] [--ifname NAME] [-v]\n"
		"       [--user NAME] [--no-seccomp] [--arena-max MIB] [--restart] [--debug LIST]\n"
		"       [--watchdog SECS] [--hung-task SECS] [--stop-timeout SECS]\n"
		"       [--blk-export=nbd|ublk] [name=value]...",
	.summary = "run a driver on the devices bound to vfio-pci",
	.help = "Loads DRIVER.so (a Linux driver built for uldd), sets its module parameters\n"
		"(name=value, as modprobe takes them), and calls its init, which probes every\n"
		"matching device bound to vfio-pci, or only those given with --device. Runs\n"
		"until SIGINT, SIGTERM or SIGHUP, then removes the devices and calls the driver's\n"
		"exit; a signal during init and probe stops it as soon as they return. When\n"
		"init and probe, or the exit, do not finish within --stop-timeout SECS of the\n"
		"signal (default 10; 0 waits for ever), one line says which hung and it exits\n"
		"1. ADDR: DDDD:BB:DD.F or BB:DD.F, hex in either case.\n"
		"A watchdog, as the kernel's: a vCPU held by one task without scheduling for\n"
		"--watchdog SECS (default 20; 0 off) is a soft lockup, a task in uninterruptible\n"
		"sleep for --hung-task SECS (default 120; 0 off) a hung task. Either is reported\n"
		"with the stuck thread's backtrace, and, unlike the kernel, which only warns of\n"
		"a hung task, both end the process with SIGABRT, so --restart restarts it.\n"
		"--vcpus N sets the virtual CPUs (default: one per host core; 1 makes races\n"
		"reproducible). --firmware DIR: where request_firmware() looks (default\n"
		"/lib/firmware; no name or symlink may lead out of it, only regular files up\n"
		"to 64 MiB). --ifname NAME names the driver's network interface (a TAP;\n"
		"default: the driver's own, such as eth0). -v shows the driver's debug messages.\n"
		"--blk-export=nbd|ublk: how each disk the driver adds reaches the host (default\n"
		"nbd, or the environment's ULDD_BLK_EXPORT): an nbd device (/dev/nbdN, nbd.ko),\n"
		"or a ublk one (/dev/ublkbN, ublk_drv.ko, Linux 6.0 or later), which for now\n"
		"needs --user root.\n"
		"Run as root, it opens the devices' VFIO nodes, I/O ports, the firmware\n"
		"directory and its control socket, then drops to --user NAME (default: the\n"
		"system user uldd; 'root' keeps root, for debugging) with no capability but\n"
		"CAP_NET_ADMIN for a network driver's TAP, no_new_privs, and a locked-memory\n"
		"limit equal to the DMA arena's (--arena-max, default 1024 MiB). Once init\n"
		"and probe returned, a seccomp filter allows only the system calls uldd makes;\n"
		"another kills the process with one line naming it (--no-seccomp turns the\n"
		"filter off, for gdb or strace; under valgrind it is off by itself).\n"
		"While it runs, 'uldd stats IFNAME' asks it for its report. Exits 3 when the\n"
		"driver's probe refused every device it was offered (another driver may take\n"
		"them: 'uldd autoprobe' tries the next match), 1 when no device was bound\n"
		"otherwise, or when the host set up an interface whose driver refused to open\n"
		"it (its firmware missing, for one); the driver's messages say why.\n"
		"--debug LIST switches on the kernel's checkers, each off (and free) by default:\n"
		"kasan (redzones and a quarantine around kmalloc and pages, for a driver built\n"
		"with KASAN=1), lockdep (lock order and irq safety), dma (the DMA API's rules),\n"
		"leaks (what the driver left at its exit), dma-strict (an IOMMU mapping per\n"
		"dma_map_*, gone at its unmap), up (one vCPU); all for every one. Each report\n"
		"names the bug and the call stacks involved; any report makes the exit status 1.\n"
		"--restart: run it under 'uldd supervise', which takes the restart policy\n"
		"options too (see 'uldd help supervise').\n",
	.run = run,
};
