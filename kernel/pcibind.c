// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * pcibind.c - moves a PCI device between its kernel driver and vfio-pci with
 * driver_override, unbind and drivers_probe, the way 'uldd bind' and 'uldd
 * unbind' need it: every step checked, and a failed bind undone, so no device
 * is left half-bound. Here rather than in tools/ so the unit tests reach it.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"

/* How long udev or devtmpfs may take to create /dev/vfio/<group> after a bind. */
#define UH_DEVNODE_WAIT_MS 1000

static const char *uh_devroot;
static uh_sysfs_write_fn uh_bind_write = uh_sysfs_write;

void uh_dev_set_root(const char *root)
{
	uh_devroot = root;
}

const char *uh_dev_root(void)
{
	return uh_root_from_env(&uh_devroot, "ULDD_DEV_ROOT", "/dev");
}

void uh_pci_bind_set_write(uh_sysfs_write_fn fn)
{
	uh_bind_write = fn ? fn : uh_sysfs_write;
}

/* A sysfs attribute as text without its trailing newline. */
static int read_text(const char *path, char *buf, size_t len)
{
	ssize_t n;
	int fd, err;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno;
	n = read(fd, buf, len - 1);
	err = errno;
	close(fd);
	if (n < 0)
		return err;
	buf[n] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	return 0;
}

/* The last component of a symlink's target, or "" when there is no link. */
static int read_link_base(const char *path, char *buf, size_t len)
{
	char target[PATH_MAX];
	ssize_t n = readlink(path, target, sizeof(target) - 1);
	const char *base;

	if (n < 0) {
		buf[0] = '\0';
		return errno == ENOENT ? 0 : errno;
	}
	target[n] = '\0';
	base = strrchr(target, '/');
	base = base ? base + 1 : target;
	if (strlen(base) >= len)
		return ENAMETOOLONG;
	strcpy(buf, base);
	return 0;
}

static bool path_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

/* Writes val to path; the message names the file and, for EACCES, the fix. */
static int write_attr(const char *path, const char *val)
{
	int err = uh_bind_write(path, val);
	int shown = (int)strcspn(val, "\n");

	if (!err)
		return 0;
	if (err == EACCES || err == EPERM)
		return uh_fail(err, "cannot write '%.*s' to %s: %s: run uldd as root", shown, val,
			       path, strerror(err));
	return uh_fail(err, "cannot write '%.*s' to %s: %s", shown, val, path, strerror(err));
}

static int dev_write(const char *addr, const char *leaf, const char *val)
{
	char path[PATH_MAX];
	int err = uh_sysfs_dev_path(path, sizeof(path), addr, leaf);

	return err ? err : write_attr(path, val);
}

/* Asks the bus to find a driver for addr: driver_override first, then IDs. */
static int probe(const char *addr)
{
	char path[PATH_MAX];
	int n = snprintf(path, sizeof(path), "%s/bus/pci/drivers_probe", uh_sysfs_root());

	if (n < 0 || (size_t)n >= sizeof(path))
		return uh_fail(ENAMETOOLONG, "sysfs path for drivers_probe is too long");
	return write_attr(path, addr);
}

static int current_driver(const char *addr, char buf[UH_DRIVER_LEN])
{
	return uh_sysfs_driver(addr, buf, UH_DRIVER_LEN);
}

static bool driver_loaded(const char *driver)
{
	char path[PATH_MAX];
	int n = snprintf(path, sizeof(path), "%s/bus/pci/drivers/%s", uh_sysfs_root(), driver);

	return n > 0 && (size_t)n < sizeof(path) && path_exists(path);
}

/* driver_override reads "(null)" when unset; an unset one is cleared with "\n". */
static int read_override(const char *addr, char buf[UH_DRIVER_LEN])
{
	char path[PATH_MAX];
	int err = uh_sysfs_dev_path(path, sizeof(path), addr, "driver_override");

	if (err)
		return err;
	err = read_text(path, buf, UH_DRIVER_LEN);
	if (err == ENOENT)
		return uh_fail(
			ENOTSUP,
			"%s has no driver_override: the kernel is too old for uldd (3.16 or later needed)",
			addr);
	if (err)
		return uh_fail(err, "cannot read %s: %s", path, strerror(err));
	if (!strcmp(buf, "(null)"))
		buf[0] = '\0';
	return 0;
}

static int write_override(const char *addr, const char *driver)
{
	return dev_write(addr, "driver_override", driver[0] ? driver : "\n");
}

/*
 * vfio-pci takes only normal (type 0) headers: a bridge is refused by its
 * probe (vfio_pci_probe), so say so before anything changes. PCI 3.0, 6.1:
 * the header type is byte 0x0e of config space, bit 7 the multi-function flag.
 */
static int check_header_type(const char *addr)
{
	char path[PATH_MAX];
	unsigned char cfg[16];
	ssize_t n;
	int fd;

	if (uh_sysfs_dev_path(path, sizeof(path), addr, "config"))
		return 0;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0; /* vfio-pci's probe will decide; nothing to say in advance */
	n = read(fd, cfg, sizeof(cfg));
	close(fd);
	if (n < (ssize_t)sizeof(cfg) || (cfg[0x0e] & 0x7f) == 0)
		return 0;
	return uh_fail(
		EINVAL,
		"vfio-pci cannot take %s: it is a bridge (header type %u), not an endpoint; bind the devices behind it instead",
		addr, cfg[0x0e] & 0x7f);
}

static void bind_info_init(struct uh_bind_info *info)
{
	memset(info, 0, sizeof(*info));
	info->group = -1;
}

/* Parses addr and reads what both directions need: the driver and the group. */
static int lookup(const char *addr, struct uh_bind_info *info)
{
	struct uh_pci_addr pa;
	int err;

	bind_info_init(info);
	err = uh_pci_addr_parse(addr, &pa);
	if (err)
		return err;
	uh_pci_addr_format(&pa, info->addr);
	if (!uh_sysfs_dev_exists(info->addr))
		return uh_fail(ENODEV,
			       "no PCI device at %s: 'uldd list' shows the devices there are",
			       info->addr);
	err = current_driver(info->addr, info->before);
	if (err)
		return err;
	err = uh_sysfs_iommu_group(info->addr, &info->group);
	if (err == ENOENT) {
		info->group = -1;
		return 0;
	}
	if (err)
		return uh_fail(err, "cannot read the IOMMU group of %s: %s", info->addr,
			       strerror(err));
	return 0;
}

static int devnode_path(int group, char *buf, size_t len)
{
	int n = snprintf(buf, len, "%s/vfio/%d", uh_dev_root(), group);

	return n < 0 || (size_t)n >= len ? ENAMETOOLONG : 0;
}

/* devtmpfs creates the node during the probe; udev may still be renaming it. */
static bool wait_devnode(const char *path)
{
	const struct timespec step = { .tv_nsec = 10 * 1000 * 1000 };

	for (int waited = 0; waited < UH_DEVNODE_WAIT_MS; waited += 10) {
		if (path_exists(path))
			return true;
		nanosleep(&step, NULL);
	}
	return path_exists(path);
}

/*
 * Undoes a failed bind: the old driver_override back, whatever holds the
 * device now let go, a probe so the old driver takes it again. The result is
 * appended to the failure's message, which the steps here may overwrite.
 */
static int bind_undo(struct uh_bind_info *info, const char *override, int err)
{
	char msg[512], fix[256], now[UH_DRIVER_LEN];
	const char *addr = info->addr, *root = uh_sysfs_root();

	snprintf(msg, sizeof(msg), "%s", uhost_errmsg());
	write_override(addr, override);
	if (!current_driver(addr, now) && now[0] && strcmp(now, info->before))
		dev_write(addr, "driver/unbind", addr);
	if (info->before[0])
		probe(addr);
	if (current_driver(addr, info->after))
		return uh_fail(err, "%s; %s may be left half-bound: check 'uldd list'", msg, addr);
	if (!strcmp(info->after, info->before))
		return uh_fail(err, "%s; %s is back on %s", msg, addr,
			       info->before[0] ? info->before : "no driver");
	if (!strcmp(info->after, UH_VFIO_DRIVER))
		snprintf(fix, sizeof(fix), "run 'uldd unbind %s'", addr);
	else if (info->before[0])
		snprintf(fix, sizeof(fix), "'echo %s > %s/bus/pci/drivers/%s/bind' gives it back",
			 addr, root, info->before);
	else
		snprintf(fix, sizeof(fix),
			 "'echo %s > %s/bus/pci/devices/%s/driver/unbind' frees it", addr, root,
			 addr);
	return uh_fail(err, "%s; %s is on %s now, not on %s as before: %s", msg, addr,
		       info->after[0] ? info->after : "no driver",
		       info->before[0] ? info->before : "no driver", fix);
}

int uh_pci_bind_vfio(const char *addr, struct uh_bind_info *info)
{
	char override[UH_DRIVER_LEN], node[PATH_MAX];
	int err;

	err = lookup(addr, info);
	if (err)
		return err;
	addr = info->addr;
	if (!strcmp(info->before, UH_VFIO_DRIVER)) {
		strcpy(info->after, info->before);
		return 0;
	}
	if (info->group < 0)
		return uh_fail(
			ENODEV,
			"%s has no IOMMU group: enable the IOMMU (intel_iommu=on or amd_iommu=on on the kernel command line, VT-d/AMD-Vi in the firmware)",
			addr);
	if (!driver_loaded(UH_VFIO_DRIVER))
		return uh_fail(
			ENODEV,
			"vfio-pci is not loaded, so %s cannot be bound to it: run 'modprobe vfio-pci'",
			addr);
	err = check_header_type(addr);
	if (err)
		return err;
	err = read_override(addr, override);
	if (err)
		return err;
	err = devnode_path(info->group, node, sizeof(node));
	if (err)
		return uh_fail(err, "path of /dev/vfio/%d is too long", info->group);

	/* A refused driver_override changed nothing; later failures must put the device back. */
	err = write_override(addr, UH_VFIO_DRIVER);
	if (err)
		return err;
	if (info->before[0]) {
		err = dev_write(addr, "driver/unbind", addr);
		if (err)
			return bind_undo(info, override, err);
	}
	err = probe(addr);
	if (!err)
		err = current_driver(addr, info->after);
	if (err)
		return bind_undo(info, override, err);
	if (strcmp(info->after, UH_VFIO_DRIVER)) {
		if (info->after[0] && !strcmp(info->after, info->before))
			err = uh_fail(EBUSY, "%s did not let go of %s: 'dmesg | tail' may say why",
				      info->after, addr);
		else if (info->after[0])
			err = uh_fail(
				EBUSY,
				"%s went to %s instead of vfio-pci: the kernel ignored driver_override",
				addr, info->after);
		else
			err = uh_fail(ENODEV, "vfio-pci refused %s: 'dmesg | grep vfio' shows why",
				      addr);
		return bind_undo(info, override, err);
	}
	if (!wait_devnode(node)) {
		err = uh_fail(ENOENT,
			      "%s is on vfio-pci but %s did not appear: is devtmpfs mounted on %s?",
			      addr, node, uh_dev_root());
		return bind_undo(info, override, err);
	}
	info->changed = true;
	return 0;
}

/* Is nodes[i] what /proc/<pid>/fd/<fd> points to? */
static bool fd_dir_holds(const char *fddir, char nodes[][PATH_MAX], size_t nnodes)
{
	char path[PATH_MAX * 2], target[PATH_MAX];
	struct dirent *de;
	bool found = false;
	DIR *dir = opendir(fddir);

	if (!dir)
		return false; /* gone, or not ours to read */
	while (!found && (de = readdir(dir))) {
		ssize_t n;

		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", fddir, de->d_name);
		n = readlink(path, target, sizeof(target) - 1);
		if (n < 0)
			continue;
		target[n] = '\0';
		for (size_t i = 0; i < nnodes && !found; i++)
			found = !strcmp(target, nodes[i]);
	}
	closedir(dir);
	return found;
}

/*
 * The nodes through which a process can hold the device: the group node
 * and, on kernels with VFIO's device cdev (6.6+), /dev/vfio/devices/vfioN.
 */
static size_t user_nodes(const char *addr, int group, char nodes[2][PATH_MAX])
{
	char path[PATH_MAX], name[PATH_MAX], *real;
	size_t n = 0;
	struct dirent *de;
	DIR *dir;

	if (group >= 0 && !devnode_path(group, path, sizeof(path)) &&
	    (real = realpath(path, NULL))) {
		snprintf(nodes[n++], PATH_MAX, "%s", real);
		free(real);
	}
	if (uh_sysfs_dev_path(path, sizeof(path), addr, "vfio-dev"))
		return n;
	dir = opendir(path);
	if (!dir)
		return n;
	while ((de = readdir(dir))) {
		if (strncmp(de->d_name, "vfio", 4))
			continue;
		snprintf(name, sizeof(name), "%s/vfio/devices/%s", uh_dev_root(), de->d_name);
		real = realpath(name, NULL);
		if (real) {
			snprintf(nodes[n++], PATH_MAX, "%s", real);
			free(real);
		}
		break;
	}
	closedir(dir);
	return n;
}

int uh_pci_vfio_user(const char *addr, int group, int *pid, char *comm, size_t len)
{
	char nodes[2][PATH_MAX], path[64];
	size_t nnodes = user_nodes(addr, group, nodes);
	struct dirent *de;
	DIR *proc;

	*pid = 0;
	if (len)
		comm[0] = '\0';
	if (!nnodes)
		return 0;
	proc = opendir("/proc");
	if (!proc)
		return uh_fail(errno, "cannot read /proc: %s: is procfs mounted?", strerror(errno));
	while ((de = readdir(proc))) {
		char *end;
		long p = strtol(de->d_name, &end, 10);

		if (*end || p <= 0)
			continue;
		snprintf(path, sizeof(path), "/proc/%ld/fd", p);
		if (!fd_dir_holds(path, nodes, nnodes))
			continue;
		*pid = (int)p;
		snprintf(path, sizeof(path), "/proc/%ld/comm", p);
		if (len && read_text(path, comm, len))
			snprintf(comm, len, "?");
		break;
	}
	closedir(proc);
	return 0;
}

int uh_pci_check_free(const char *canon, int *group)
{
	char driver[UH_DRIVER_LEN], comm[32];
	int err, pid;

	if (!uh_sysfs_dev_exists(canon))
		return uh_fail(ENODEV,
			       "no PCI device at %s: 'lspci -D' lists the addresses there are",
			       canon);
	err = current_driver(canon, driver);
	if (err)
		return err;
	if (strcmp(driver, UH_VFIO_DRIVER))
		return uh_fail(ENODEV, "%s is bound to %s, not vfio-pci: run 'uldd bind %s' first",
			       canon, driver[0] ? driver : "no driver", canon);
	err = uh_sysfs_iommu_group(canon, group);
	if (err == ENOENT)
		return uh_fail(
			ENODEV,
			"%s has no IOMMU group: enable the IOMMU (intel_iommu=on or amd_iommu=on on the kernel command line)",
			canon);
	if (err)
		return uh_fail(err, "cannot read the IOMMU group of %s: %s", canon, strerror(err));
	err = uh_pci_vfio_user(canon, *group, &pid, comm, sizeof(comm));
	if (err)
		return err;
	if (pid)
		return uh_fail(
			EBUSY,
			"%s is in use by process %d (%s), which holds its VFIO group: stop that process first",
			canon, pid, comm);
	return 0;
}

int uh_pci_unbind_vfio(const char *addr, struct uh_bind_info *info)
{
	char override[UH_DRIVER_LEN], comm[32];
	bool on_vfio;
	int err, pid;

	err = lookup(addr, info);
	if (err)
		return err;
	addr = info->addr;
	err = read_override(addr, override);
	if (err)
		return err;
	on_vfio = !strcmp(info->before, UH_VFIO_DRIVER);
	if (!on_vfio && strcmp(override, UH_VFIO_DRIVER)) {
		strcpy(info->after, info->before);
		return 0;
	}
	/* vfio-pci's remove waits for the user to close the device: refuse, do not hang. */
	if (on_vfio) {
		err = uh_pci_vfio_user(addr, info->group, &pid, comm, sizeof(comm));
		if (err)
			return err;
		if (pid)
			return uh_fail(
				EBUSY,
				"%s is in use by process %d (%s): stop it, then run 'uldd unbind %s'",
				addr, pid, comm, addr);
	}
	err = write_override(addr, "");
	if (err)
		return err;
	if (on_vfio) {
		err = dev_write(addr, "driver/unbind", addr);
		if (err) {
			char msg[512];

			snprintf(msg, sizeof(msg), "%s", uhost_errmsg());
			write_override(addr, override);
			return uh_fail(err, "%s; %s stays on vfio-pci", msg, addr);
		}
	}
	err = probe(addr);
	if (!err)
		err = current_driver(addr, info->after);
	if (err)
		return uh_fail_prefix(err, "%s is off vfio-pci, but no driver took it", addr);
	if (on_vfio && !strcmp(info->after, UH_VFIO_DRIVER)) {
		write_override(addr, override);
		return uh_fail(EBUSY, "vfio-pci did not let go of %s: 'dmesg | tail' may say why",
			       addr);
	}
	info->changed = true;
	return 0;
}

/* These do not touch the group's DMA, so VFIO accepts them beside vfio-pci. */
static bool group_friendly(const char *driver)
{
	static const char *const ok[] = { "", UH_VFIO_DRIVER, "pci-stub", "pcieport" };

	for (size_t i = 0; i < UH_ARRAY_SIZE(ok); i++)
		if (!strcmp(driver, ok[i]))
			return true;
	return false;
}

int uh_pci_group_blockers(int group, const char *self, struct uh_group_peer *peers, size_t max,
			  size_t *n)
{
	char dirpath[PATH_MAX], path[PATH_MAX * 2];
	struct dirent *de;
	DIR *dir;
	int err = 0;

	*n = 0;
	snprintf(dirpath, sizeof(dirpath), "%s/kernel/iommu_groups/%d/devices", uh_sysfs_root(),
		 group);
	dir = opendir(dirpath);
	if (!dir)
		return uh_fail(errno, "cannot read %s: %s", dirpath, strerror(errno));
	while ((de = readdir(dir))) {
		struct uh_group_peer peer;

		if (de->d_name[0] == '.' || !strcmp(de->d_name, self))
			continue;
		snprintf(path, sizeof(path), "%s/%s/driver", dirpath, de->d_name);
		err = read_link_base(path, peer.driver, sizeof(peer.driver));
		if (err) {
			err = uh_fail(err, "cannot read %s: %s", path, strerror(err));
			break;
		}
		if (group_friendly(peer.driver))
			continue;
		snprintf(peer.addr, sizeof(peer.addr), "%.*s", (int)sizeof(peer.addr) - 1,
			 de->d_name);
		if (*n < max)
			peers[*n] = peer;
		(*n)++;
	}
	closedir(dir);
	return err;
}
