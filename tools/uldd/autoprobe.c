// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * autoprobe.c - 'uldd autoprobe [--dry-run] [options] DIR': for each PCI
 * device on vfio-pci, the driver .so of DIR whose ID table matches it best
 * (autoprobe.h), started as 'uldd supervise DRIVER.so --device ADDR' in a
 * child process of its own. One supervisor per device, so that a driver's
 * crash, restart or give-up touches no other device, and each driver gets
 * the pid file, oops and restart policy 'uldd supervise' gives one driver.
 * Stop signals go to every supervisor; autoprobe ends when the last has.
 */
#include <bsd/unistd.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "autoprobe.h"
#include "elf.h"
#include "host.h"
#include "supervise.h"
#include "uldd.h"

bool tool_ap_id_matches(const struct tool_pci_id *id, const struct uhost_pci_info *d)
{
	if (id->override_only)
		return false;
	return (id->vendor == ULDD_PCI_ANY_ID || id->vendor == d->vendor) &&
	       (id->device == ULDD_PCI_ANY_ID || id->device == d->device) &&
	       (id->subvendor == ULDD_PCI_ANY_ID || id->subvendor == d->subvendor) &&
	       (id->subdevice == ULDD_PCI_ANY_ID || id->subdevice == d->subdevice) &&
	       !((id->class ^ d->class) & id->class_mask);
}

unsigned int tool_ap_id_score(const struct tool_pci_id *id)
{
	unsigned int nsub = (id->subvendor != ULDD_PCI_ANY_ID) + (id->subdevice != ULDD_PCI_ANY_ID);
	/* A class is 24 bits: at most 24 mask bits count, which fit in bits 0-4. */
	unsigned int cbits = (unsigned int)__builtin_popcount(id->class_mask & 0xffffff);

	/* Each rank in bits of its own, so that it outweighs all the lower ones together. */
	return (unsigned int)(id->device != ULDD_PCI_ANY_ID) << 8 | nsub << 6 |
	       (unsigned int)(id->vendor != ULDD_PCI_ANY_ID) << 5 | cbits;
}

int tool_ap_driver_score(const struct tool_ap_driver *drv, const struct uhost_pci_info *d)
{
	int best = -1;

	for (size_t i = 0; i < drv->nids; i++)
		if (tool_ap_id_matches(&drv->ids[i], d) &&
		    (int)tool_ap_id_score(&drv->ids[i]) > best)
			best = (int)tool_ap_id_score(&drv->ids[i]);
	return best;
}

/* Whether driver i (score s) ranks before driver j (score sj); j < 0 is none. */
static bool ranks_before(const struct tool_ap_set *set, int i, int s, int j, int sj)
{
	if (j < 0 || s != sj)
		return j < 0 || s > sj;
	return strcmp(set->drv[i].name, set->drv[j].name) < 0;
}

unsigned int tool_ap_rank(const struct tool_ap_set *set, const struct uhost_pci_info *d, int *order,
			  unsigned int max)
{
	unsigned int nmatch = 0, have = 0;

	/* An insertion sort: folders hold tens of drivers, not thousands. */
	for (size_t k = 0; k < set->n; k++) {
		int i = (int)k, s = tool_ap_driver_score(&set->drv[k], d);
		unsigned int pos = have;

		if (s < 0)
			continue;
		nmatch++;
		while (pos > 0 && ranks_before(set, i, s, order[pos - 1],
					       tool_ap_driver_score(&set->drv[order[pos - 1]], d)))
			pos--;
		if (pos >= max)
			continue;
		if (have < max)
			have++;
		memmove(&order[pos + 1], &order[pos], (have - 1 - pos) * sizeof(*order));
		order[pos] = i;
	}
	return nmatch;
}

void tool_ap_pick(const struct tool_ap_set *set, const struct uhost_pci_info *d,
		  struct tool_ap_pick *p)
{
	int order[2];

	p->nmatch = tool_ap_rank(set, d, order, 2);
	p->best = p->nmatch > 0 ? order[0] : -1;
	p->next = p->nmatch > 1 ? order[1] : -1;
	p->tie = p->next >= 0 && tool_ap_driver_score(&set->drv[p->best], d) ==
					 tool_ap_driver_score(&set->drv[p->next], d);
}

int tool_ap_next(int status, unsigned int cur, unsigned int n)
{
	if (!WIFEXITED(status) || WEXITSTATUS(status) != ULDD_EXIT_NODEV || cur + 1 >= n)
		return -1;
	return (int)cur + 1;
}

int tool_ap_add(struct tool_ap_set *set, const char *name, const struct tool_pci_id *ids, size_t n)
{
	struct tool_ap_driver *more = realloc(set->drv, (set->n + 1) * sizeof(*more));
	struct tool_ap_driver *drv;

	if (!more)
		return ENOMEM;
	set->drv = more;
	drv = &set->drv[set->n];
	drv->name = strdup(name);
	drv->ids = calloc(n ? n : 1, sizeof(*ids));
	if (!drv->name || !drv->ids) {
		free(drv->name);
		free(drv->ids);
		return ENOMEM;
	}
	memcpy(drv->ids, ids, n * sizeof(*ids));
	drv->nids = n;
	set->n++;
	return 0;
}

void tool_ap_free(struct tool_ap_set *set)
{
	for (size_t i = 0; i < set->n; i++) {
		free(set->drv[i].name);
		free(set->drv[i].ids);
	}
	free(set->drv);
	set->drv = NULL;
	set->n = 0;
}

/* The entries of one file's tables, as tool_pci_ids() hands them out. */
struct id_list {
	struct tool_pci_id *ids;
	size_t n, cap;
	bool oom;
};

static void collect_id(const struct tool_pci_id *id, void *arg)
{
	struct id_list *l = arg;

	if (l->n == l->cap && !l->oom) {
		size_t cap = l->cap ? 2 * l->cap : 64;
		struct tool_pci_id *more = realloc(l->ids, cap * sizeof(*more));

		if (!more) {
			l->oom = true;
			return;
		}
		l->ids = more;
		l->cap = cap;
	}
	if (!l->oom)
		l->ids[l->n++] = *id;
}

/* "DIR/NAME", without doubling a '/' that DIR ends with. */
static int join(char *buf, size_t len, const char *dir, const char *name)
{
	size_t dlen = strlen(dir);
	int n;

	while (dlen > 1 && dir[dlen - 1] == '/')
		dlen--;
	n = snprintf(buf, len, "%.*s%s%s", (int)dlen, dir, dir[dlen - 1] == '/' ? "" : "/", name);
	return n < 0 || (size_t)n >= len ? ENAMETOOLONG : 0;
}

static bool is_so_name(const char *name)
{
	size_t len = strlen(name);

	return len > 3 && !strcmp(name + len - 3, ".so");
}

/* Reads one file of the folder into set when it is a driver with a PCI table. */
static int load_one(struct tool_ap_set *set, const char *dir, const char *name)
{
	struct id_list l = { 0 };
	char path[PATH_MAX];
	struct tool_elf f;
	struct stat st;
	int err;

	if (join(path, sizeof(path), dir, name) || stat(path, &st) || !S_ISREG(st.st_mode))
		return 0;
	err = tool_driver_open(path, &f);
	if (err) {
		tool_err("warning: %s: %s: left out", path,
			 err == ENOEXEC
				 ? "not a driver .so (an ELF64 shared object) of this machine"
				 : strerror(err));
		return 0;
	}
	tool_pci_ids(&f, collect_id, &l);
	tool_elf_close(&f);
	err = l.oom ? ENOMEM : l.n ? tool_ap_add(set, name, l.ids, l.n) : 0;
	free(l.ids);
	return err;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(((const struct tool_ap_driver *)a)->name,
		      ((const struct tool_ap_driver *)b)->name);
}

int tool_ap_load(const char *dir, struct tool_ap_set *set)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int err = 0;

	set->drv = NULL;
	set->n = 0;
	if (!d)
		return errno;
	while (!err && (de = readdir(d)))
		if (is_so_name(de->d_name))
			err = load_one(set, dir, de->d_name);
	closedir(d);
	if (err) {
		tool_ap_free(set);
		return err;
	}
	if (set->n)
		qsort(set->drv, set->n, sizeof(*set->drv), cmp_name);
	return 0;
}

#define AP_MAX_OPTS 64

/* One device's supervisor. */
struct ap_child {
	char addr[sizeof(((struct uhost_pci_info *)0)->addr)]; /* canonical: DDDD:BB:DD.F */
	uint16_t vendor, device;
	char path[PATH_MAX]; /* DIR/DRIVER.so, of order[cur] */
	int *order; /* the drivers that match it, in the order tried (tool_ap_rank()) */
	unsigned int norder, cur;
	pid_t pid;
	int status; /* its wait status once it ended */
	bool running;
};

struct ap {
	bool dry_run;
	const char *dir;
	const char *ifname;
	const char *opts[AP_MAX_OPTS]; /* handed on to each 'uldd supervise' */
	int nopts;
	struct tool_ap_set set;
	struct ap_child *kids;
	unsigned int nkids;
	char exe[PATH_MAX]; /* this binary, which each supervisor runs */
	unsigned int running;
	int stop_sig; /* the stop signal forwarded, 0: none */
};

static bool is_flag(const char *a)
{
	return !strcmp(a, "--no-seccomp") || !strcmp(a, "-v") || !strcmp(a, "--verbose");
}

static int parse(int argc, char **argv, struct ap *ap)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--dry-run") || !strcmp(a, "-n")) {
			ap->dry_run = true;
		} else if (!strcmp(a, "--device") || !strcmp(a, "-d")) {
			return tool_usage_err(
				&tool_cmd_autoprobe,
				"%s: autoprobe takes every device on vfio-pci; for one device, run 'uldd supervise DRIVER.so --device ADDR'",
				a);
		} else if (tool_sup_takes_value(a) || is_flag(a)) {
			bool value = !is_flag(a);

			if (value && i + 1 == argc)
				return tool_usage_err(&tool_cmd_autoprobe, "%s needs a value", a);
			if (ap->nopts + 2 > AP_MAX_OPTS)
				return tool_usage_err(&tool_cmd_autoprobe, "at most %d options",
						      AP_MAX_OPTS);
			ap->opts[ap->nopts++] = a;
			if (value) {
				if (!strcmp(a, "--ifname"))
					ap->ifname = argv[i + 1];
				ap->opts[ap->nopts++] = argv[++i];
			}
		} else if (a[0] == '-') {
			return tool_usage_err(&tool_cmd_autoprobe, "unknown option '%s'", a);
		} else if (strchr(a, '=')) {
			/* One driver's parameter may be another's error. */
			return tool_usage_err(
				&tool_cmd_autoprobe,
				"'%s': module parameters differ from driver to driver: give them to 'uldd supervise DRIVER.so --device ADDR %s'",
				a, a);
		} else if (ap->dir) {
			return tool_usage_err(&tool_cmd_autoprobe,
					      "'%s': one folder of drivers at a time", a);
		} else {
			ap->dir = a;
		}
	}
	if (!ap->dir)
		return tool_usage_err(
			&tool_cmd_autoprobe,
			"which drivers? give the folder of their .so files, such as build/ported/6.1");
	return 0;
}

/* Every PCI function sysfs lists, in address order. */
static int scan(struct uhost_pci_info **infop, unsigned int *np)
{
	struct uhost_pci_info *info = NULL;
	unsigned int n = 0, want = 0;

	/* Once to count, once to copy, once more if a hot-plug grew the list meanwhile. */
	for (int tries = 0; tries < 3; tries++) {
		int err = uhost_pci_scan(info, want, &n);

		if (err) {
			free(info);
			tool_err("%s", uhost_errmsg());
			return ULDD_EXIT_FAIL;
		}
		if (n <= want)
			break;
		free(info);
		want = n + 8;
		info = calloc(want, sizeof(*info));
		if (!info) {
			tool_err("out of memory listing %u PCI devices", n);
			return ULDD_EXIT_FAIL;
		}
	}
	*infop = info;
	*np = n < want ? n : want;
	return 0;
}

/* Says which driver won when several match d; stderr, as it is no plan line. */
static void say_choice(const struct ap *ap, const struct uhost_pci_info *d,
		       const struct tool_ap_pick *p)
{
	const char *best = ap->set.drv[p->best].name, *next = ap->set.drv[p->next].name;
	char more[32] = "";

	if (p->nmatch > 2)
		snprintf(more, sizeof(more), " (%u drivers match)", p->nmatch);
	if (p->tie)
		fprintf(stderr,
			"uldd: %s %04x:%04x: %s and %s match it equally%s: taking %s, the first by name\n",
			d->addr, d->vendor, d->device, best, next, more, best);
	else
		fprintf(stderr,
			"uldd: %s %04x:%04x: %s matches it more specifically than %s%s: taking %s\n",
			d->addr, d->vendor, d->device, best, next, more, best);
}

/* k->path: the folder's k->order[k->cur]. 0, or ENAMETOOLONG with a line. */
static int set_path(const struct ap *ap, struct ap_child *k)
{
	const char *name = ap->set.drv[k->order[k->cur]].name;

	if (!join(k->path, sizeof(k->path), ap->dir, name))
		return 0;
	tool_err("%s/%s: the path is too long: give a shorter folder name", ap->dir, name);
	return ENAMETOOLONG;
}

/* The devices on vfio-pci and their drivers: ap->kids. */
static int plan(struct ap *ap)
{
	struct uhost_pci_info *info = NULL;
	unsigned int n = 0, nvfio = 0;
	int err = scan(&info, &n);

	if (err)
		return err;
	ap->kids = calloc(n ? n : 1, sizeof(*ap->kids));
	if (!ap->kids) {
		free(info);
		tool_err("out of memory planning %u devices", n);
		return ULDD_EXIT_FAIL;
	}
	for (unsigned int i = 0; i < n; i++) {
		const struct uhost_pci_info *d = &info[i];
		struct ap_child *k = &ap->kids[ap->nkids];
		struct tool_ap_pick p;
		int group;

		if (!d->vfio)
			continue;
		nvfio++;
		tool_ap_pick(&ap->set, d, &p);
		if (p.best < 0) {
			tool_err(
				"%s %04x:%04x (class %06x): no driver in %s matches it: port one with 'uldd port', or give the device back with 'uldd unbind %s'",
				d->addr, d->vendor, d->device, d->class, ap->dir, d->addr);
			continue;
		}
		if (p.nmatch > 1)
			say_choice(ap, d, &p);
		/* Held by a running driver, perhaps one started by hand: leave it be. */
		if (uh_pci_check_free(d->addr, &group)) {
			tool_err("%s", uhost_errmsg());
			continue;
		}
		snprintf(k->addr, sizeof(k->addr), "%s", d->addr);
		k->vendor = d->vendor;
		k->device = d->device;
		k->order = calloc(p.nmatch, sizeof(*k->order));
		if (!k->order) {
			tool_err("out of memory planning %s", d->addr);
			continue;
		}
		k->norder = tool_ap_rank(&ap->set, d, k->order, p.nmatch);
		k->cur = 0;
		if (set_path(ap, k)) {
			free(k->order);
			k->order = NULL;
			continue;
		}
		ap->nkids++;
	}
	free(info);
	if (!nvfio) {
		tool_err(
			"no PCI device is bound to vfio-pci: hand one over with 'uldd bind ADDR' ('uldd list' shows them)");
		return ULDD_EXIT_FAIL;
	}
	/* Each device that cannot start said why in its own line above. */
	return ap->nkids ? 0 : ULDD_EXIT_FAIL;
}

static int spawn(struct ap *ap, struct ap_child *k)
{
	const char *argv[AP_MAX_OPTS + 8] = { "uldd", "supervise", k->path, "--device", k->addr };
	pid_t parent = getpid();
	int j = 5;

	for (int i = 0; i < ap->nopts; i++)
		argv[j++] = ap->opts[i];
	argv[j] = NULL;
	fflush(NULL);
	k->pid = fork();
	if (k->pid < 0)
		return errno;
	if (k->pid == 0) {
		sigset_t none;

		/*
		 * A supervisor must not outlive autoprobe, even one killed by
		 * SIGKILL: it would keep its device with nobody to stop it.
		 * SIGTERM is the clean stop it forwards to its driver.
		 */
		if (prctl(PR_SET_PDEATHSIG, SIGTERM) || getppid() != parent)
			_exit(127);
		closefrom(STDERR_FILENO + 1);
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		execv(ap->exe, (char *const *)argv);
		fprintf(stderr, "uldd: cannot run %s: %s\n", ap->exe, strerror(errno));
		_exit(127);
	}
	k->running = true;
	ap->running++;
	fprintf(stderr, "uldd: starting %s on %s under uldd supervise (pid %d)\n", k->path, k->addr,
		(int)k->pid);
	return 0;
}

static void describe_status(int status, char *buf, size_t len)
{
	if (WIFEXITED(status))
		snprintf(buf, len, "exit %d", WEXITSTATUS(status));
	else
		snprintf(buf, len, "killed by %s", strsignal(WTERMSIG(status)));
}

/* k's driver, by its file name in the folder. */
static const char *drv_name(const struct ap *ap, const struct ap_child *k, unsigned int i)
{
	return ap->set.drv[k->order[i]].name;
}

/* Starts k's driver at position next of its order, after a refusal. */
static void start_next(struct ap *ap, struct ap_child *k, unsigned int next)
{
	int err;

	tool_err("%s %04x:%04x: %s refused it (probe failed); trying %s", k->addr, k->vendor,
		 k->device, drv_name(ap, k, k->cur), drv_name(ap, k, next));
	k->cur = next;
	err = set_path(ap, k);
	if (!err) {
		err = spawn(ap, k);
		if (err)
			tool_err("cannot start %s on %s: %s", k->path, k->addr, strerror(err));
	}
	if (err)
		k->status = ULDD_EXIT_FAIL << 8; /* as a wait status: exit 1 */
}

/*
 * Collects every supervisor that ended; one line for each that ended on
 * its own. A driver whose probe refused its device makes way for the
 * next that matches it, as the kernel's driver core does.
 */
static void reap(struct ap *ap)
{
	int status;
	pid_t pid;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		for (unsigned int i = 0; i < ap->nkids; i++) {
			struct ap_child *k = &ap->kids[i];
			char how[64];
			int next;

			if (!k->running || k->pid != pid)
				continue;
			k->running = false;
			k->status = status;
			ap->running--;
			if (ap->stop_sig)
				break;
			next = tool_ap_next(status, k->cur, k->norder);
			if (next >= 0) {
				start_next(ap, k, (unsigned int)next);
				break;
			}
			if (WIFEXITED(status) && WEXITSTATUS(status) == ULDD_EXIT_NODEV) {
				if (k->norder == 1)
					tool_err(
						"%s %04x:%04x: %s refused it (probe failed), and no other driver in %s matches it: the lines above say why; %u other driver(s) still run",
						k->addr, k->vendor, k->device, drv_name(ap, k, 0),
						ap->dir, ap->running);
				else
					tool_err(
						"%s %04x:%04x: no driver took it: all %u in %s that match it refused it (probe failed): the lines above say why; %u other driver(s) still run",
						k->addr, k->vendor, k->device, k->norder, ap->dir,
						ap->running);
				break;
			}
			describe_status(status, how, sizeof(how));
			tool_err("%s on %s ended (%s)%s; %u other driver(s) still run", k->path,
				 k->addr, how,
				 WIFEXITED(status) && !WEXITSTATUS(status)
					 ? ""
					 : ": the lines above say why",
				 ap->running);
			break;
		}
	}
}

static void forward(struct ap *ap, int sig)
{
	if (!ap->stop_sig)
		fprintf(stderr, "uldd: %s, stopping %u driver(s)\n", strsignal(sig), ap->running);
	ap->stop_sig = sig;
	for (unsigned int i = 0; i < ap->nkids; i++)
		if (ap->kids[i].running)
			kill(ap->kids[i].pid, sig);
}

/* 0 when every supervisor exited 0; 2 when one found its options wrong; else 1. */
static int outcome(const struct ap *ap)
{
	int rc = ULDD_EXIT_OK;

	for (unsigned int i = 0; i < ap->nkids; i++) {
		int st = ap->kids[i].status;

		if (WIFEXITED(st) && WEXITSTATUS(st) == ULDD_EXIT_USAGE)
			return ULDD_EXIT_USAGE;
		if (!WIFEXITED(st) || WEXITSTATUS(st))
			rc = ULDD_EXIT_FAIL;
	}
	return rc;
}

static int start_all(struct ap *ap)
{
	sigset_t set, old;
	ssize_t n;
	int sfd;

	n = readlink("/proc/self/exe", ap->exe, sizeof(ap->exe) - 1);
	if (n <= 0 || (size_t)n >= sizeof(ap->exe) - 1)
		snprintf(ap->exe, sizeof(ap->exe), "/proc/self/exe");
	else
		ap->exe[n] = '\0';
	/* Blocked before the first fork: no child's end or stop signal is missed. */
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	sigprocmask(SIG_BLOCK, &set, &old);
	sfd = signalfd(-1, &set, SFD_CLOEXEC);
	if (sfd < 0) {
		tool_err("signalfd: %s", strerror(errno));
		sigprocmask(SIG_SETMASK, &old, NULL);
		return ULDD_EXIT_FAIL;
	}
	setproctitle("-uldd autoprobe %s", ap->dir);
	for (unsigned int i = 0; i < ap->nkids && !ap->stop_sig; i++) {
		int err = spawn(ap, &ap->kids[i]);

		if (err) {
			tool_err("cannot start %s on %s: %s", ap->kids[i].path, ap->kids[i].addr,
				 strerror(err));
			ap->kids[i].status = ULDD_EXIT_FAIL << 8; /* as a wait status: exit 1 */
		}
	}
	while (ap->running) {
		struct signalfd_siginfo si;

		if (read(sfd, &si, sizeof(si)) != sizeof(si))
			continue; /* EINTR */
		if (si.ssi_signo == SIGCHLD)
			reap(ap);
		else
			forward(ap, (int)si.ssi_signo);
	}
	close(sfd);
	sigprocmask(SIG_SETMASK, &old, NULL);
	return outcome(ap);
}

/*
 * One plan line: "ADDR VVVV:DDDD -> DIR/FIRST.so", and when others match,
 * the order they are tried in should it refuse: " (then B.so, C.so)".
 */
static void print_plan(const struct ap *ap, const struct ap_child *k)
{
	printf("%s %04x:%04x -> %s", k->addr, k->vendor, k->device, k->path);
	for (unsigned int i = 1; i < k->norder; i++)
		printf("%s%s", i == 1 ? " (then " : ", ", drv_name(ap, k, i));
	printf("%s\n", k->norder > 1 ? ")" : "");
}

static int autoprobe(int argc, char **argv)
{
	struct ap ap = { 0 };
	int rc = parse(argc, argv, &ap), err;

	if (rc)
		return rc;
	err = tool_ap_load(ap.dir, &ap.set);
	if (err) {
		tool_err(
			"cannot read %s: %s: give the folder of driver .so files, such as build/ported/6.1",
			ap.dir, strerror(err));
		return ULDD_EXIT_FAIL;
	}
	if (!ap.set.n) {
		tool_err(
			"%s has no driver .so with a PCI device table: 'uldd port DRIVER' builds one (in build/ported/SERIES)",
			ap.dir);
		rc = ULDD_EXIT_FAIL;
	}
	if (!rc)
		rc = plan(&ap);
	if (!rc && ap.ifname && ap.nkids > 1)
		rc = tool_usage_err(
			&tool_cmd_autoprobe,
			"--ifname %s names one interface, and autoprobe starts %u drivers: leave it out, each driver names its own",
			ap.ifname, ap.nkids);
	if (!rc && ap.dry_run)
		for (unsigned int i = 0; i < ap.nkids; i++)
			print_plan(&ap, &ap.kids[i]);
	else if (!rc)
		rc = start_all(&ap);
	for (unsigned int i = 0; i < ap.nkids; i++)
		free(ap.kids[i].order);
	free(ap.kids);
	tool_ap_free(&ap.set);
	return rc;
}

const struct tool_cmd tool_cmd_autoprobe = {
	.name = "autoprobe",
	.args = "[--dry-run] [options] DIR",
	.summary = "start the driver of DIR that matches each device on vfio-pci",
	.help = "For each PCI device bound to vfio-pci, picks the driver .so in DIR whose PCI\n"
		"ID table (its MODULE_DEVICE_TABLE, the aliases 'uldd modinfo' shows) matches\n"
		"the device as the kernel's pci_match_id() does: vendor, device and subsystem\n"
		"IDs equal or PCI_ANY_ID, the class equal under the entry's class mask. When\n"
		"several drivers match, the most specific entry wins (a device ID over none,\n"
		"then subsystem IDs, then a vendor, then more class bits), and between equals\n"
		"the first file name; a line on stderr says which won. DIR is read once, its\n"
		"*.so files only, not its subfolders.\n"
		"Each device gets a child 'uldd supervise DRIVER.so --device ADDR' of its own,\n"
		"with the run and restart options given here (see 'uldd help run' and 'uldd\n"
		"help supervise'), so one driver's crash restarts that driver only. --ifname\n"
		"is taken only when one device is started; module parameters (name=value)\n"
		"are not, as one driver's parameter may be another's error: give those to\n"
		"'uldd supervise'. SIGINT, SIGTERM and SIGHUP go to every supervisor, and\n"
		"autoprobe exits when all have stopped: 0 when each exited 0, else 1. The\n"
		"supervisors get SIGTERM when autoprobe itself dies.\n"
		"A device that no driver matches, or that another process holds, gets one\n"
		"line and is left alone; the others start. Exits 1 when no device is on\n"
		"vfio-pci, or none can start. --dry-run (-n) prints the plan, one line per\n"
		"device ('0000:00:03.0 8086:100e -> DIR/e1000.so'), and starts nothing.\n"
		"A driver whose probe refuses the device (its supervisor exits 3, see 'uldd\n"
		"help run') makes way for the next that matches, as in the kernel: one line\n"
		"names the driver that refused and the one tried next; when each refused,\n"
		"one line says so and autoprobe's exit status will be 1. --dry-run shows\n"
		"that order after the first choice: '-> DIR/8139cp.so (then 8139too.so)'.\n",
	.run = autoprobe,
};
