// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * privsep.c - what 'uldd run' needs to give up root: the device nodes it
 * opens as root and holds for the shim's later open (VFIO needs them
 * during probe, when the process is no longer root), the user it drops to,
 * the capabilities it keeps, and the drop itself (no_new_privs, the
 * locked-memory limit, the dumpable flag).
 */
#include <dirent.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/capability.h>
#include <pthread.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "internal.h"

#define UH_HELD_MAX 64
#define UH_HELD_PATH 128 /* "/dev/vfio/devices/vfio123" and the like */

/* Device nodes opened as root, each handed out once to the open that asks. */
static struct {
	pthread_mutex_t lock;
	struct {
		int fd; /* 0: a free slot (fd 0 is stdin, never a node of ours) */
		char path[UH_HELD_PATH];
	} node[UH_HELD_MAX];
} uh_held = { .lock = PTHREAD_MUTEX_INITIALIZER };

int uh_node_hold(const char *path, int flags)
{
	int err = 0, free_slot = -1, fd;

	if (strlen(path) >= UH_HELD_PATH)
		return uh_fail(ENAMETOOLONG, "%s: the path is too long to hold open", path);
	pthread_mutex_lock(&uh_held.lock);
	for (int i = 0; i < UH_HELD_MAX; i++) {
		if (uh_held.node[i].fd > 0 && !strcmp(uh_held.node[i].path, path))
			goto out; /* held already: one fd serves */
		if (uh_held.node[i].fd <= 0 && free_slot < 0)
			free_slot = i;
	}
	if (free_slot < 0) {
		err = uh_fail(EMFILE, "more than %d device nodes to open before the drop",
			      UH_HELD_MAX);
		goto out;
	}
	fd = open(path, flags);
	if (fd < 0) {
		err = uh_fail(errno, "cannot open %s: %s", path, strerror(errno));
		goto out;
	}
	uh_held.node[free_slot].fd = fd;
	memcpy(uh_held.node[free_slot].path, path, strlen(path) + 1);
out:
	pthread_mutex_unlock(&uh_held.lock);
	return err;
}

int uh_node_hold_many(const char *path, int flags, unsigned int n)
{
	int err = 0;

	if (strlen(path) >= UH_HELD_PATH)
		return uh_fail(ENAMETOOLONG, "%s: the path is too long to hold open", path);
	pthread_mutex_lock(&uh_held.lock);
	for (int i = 0; i < UH_HELD_MAX && n; i++) {
		int fd;

		if (uh_held.node[i].fd > 0)
			continue;
		fd = open(path, flags);
		if (fd < 0) {
			err = uh_fail(errno, "cannot open %s: %s", path, strerror(errno));
			break;
		}
		uh_held.node[i].fd = fd;
		memcpy(uh_held.node[i].path, path, strlen(path) + 1);
		n--;
	}
	if (!err && n)
		err = uh_fail(EMFILE, "more than %d device nodes to open before the drop",
			      UH_HELD_MAX);
	pthread_mutex_unlock(&uh_held.lock);
	return err;
}

int uh_node_open(const char *path, int flags)
{
	int fd = -1;

	pthread_mutex_lock(&uh_held.lock);
	for (int i = 0; i < UH_HELD_MAX; i++) {
		if (uh_held.node[i].fd > 0 && !strcmp(uh_held.node[i].path, path)) {
			fd = uh_held.node[i].fd;
			uh_held.node[i].fd = 0;
			break;
		}
	}
	pthread_mutex_unlock(&uh_held.lock);
	return fd >= 0 ? fd : open(path, flags);
}

unsigned int uh_node_release_all(void)
{
	unsigned int n = 0;

	pthread_mutex_lock(&uh_held.lock);
	for (int i = 0; i < UH_HELD_MAX; i++) {
		if (uh_held.node[i].fd > 0) {
			close(uh_held.node[i].fd);
			uh_held.node[i].fd = 0;
			n++;
		}
	}
	pthread_mutex_unlock(&uh_held.lock);
	return n;
}

int uh_user_lookup(const char *name, uid_t *uid, gid_t *gid)
{
	struct passwd pw, *res = NULL;
	char buf[4096];
	int err;

	err = getpwnam_r(name, &pw, buf, sizeof(buf), &res);
	if (err)
		return uh_fail(err, "cannot look up user '%s': %s", name, strerror(err));
	if (!res) {
		if (!strcmp(name, UH_DEFAULT_USER))
			return uh_fail(
				ENOENT,
				"user '%s' does not exist: create it with 'useradd --system --no-create-home --shell /usr/sbin/nologin %s' (scripts/install-deps.sh does), or give --user NAME",
				name, name);
		return uh_fail(ENOENT, "--user '%s': no such user: give one that /etc/passwd lists",
			       name);
	}
	*uid = res->pw_uid;
	*gid = res->pw_gid;
	return 0;
}

/*
 * CAP_NET_ADMIN is the one capability a running driver may need, and only
 * one that registers a net_device (net: it imports register_netdev): the shim
 * creates its TAP at register_netdev() during probe (TUNSETIFF makes a new
 * interface only for CAP_NET_ADMIN), and later mirrors the driver's MTU
 * and MAC to it (SIOCSIFMTU, SIOCSIFHWADDR, which need it too). Direct
 * port I/O needs no CAP_SYS_RAWIO: the ports are granted before the drop
 * (uh_ports_pregrant). VFIO, the IOMMU and interrupts need none once the
 * nodes are open.
 */
uint64_t uh_privsep_caps(bool net)
{
	return net ? 1ull << CAP_NET_ADMIN : 0;
}

int uh_caps_name(uint64_t caps, char *buf, size_t len)
{
	static const struct {
		int cap;
		const char *name;
	} names[] = {
		{ CAP_NET_ADMIN, "cap_net_admin" },
		{ CAP_SYS_RAWIO, "cap_sys_rawio" },
		{ CAP_IPC_LOCK, "cap_ipc_lock" },
	};
	size_t used = 0;

	if (!len)
		return EINVAL;
	buf[0] = '\0';
	for (size_t i = 0; i < UH_ARRAY_SIZE(names); i++) {
		int n;

		if (!(caps & (1ull << names[i].cap)))
			continue;
		caps &= ~(1ull << names[i].cap);
		n = snprintf(buf + used, len - used, "%s%s", used ? "," : "", names[i].name);
		if (n < 0 || (size_t)n >= len - used)
			return ENAMETOOLONG;
		used += (size_t)n;
	}
	if (caps)
		return EINVAL; /* one this table cannot name */
	if (!used && snprintf(buf, len, "none") >= (int)len)
		return ENAMETOOLONG;
	return 0;
}

/* Whether the section table entry i lies inside the file. */
static const Elf64_Shdr *elf_section(const unsigned char *p, size_t size, const Elf64_Ehdr *eh,
				     unsigned int i)
{
	uint64_t off = eh->e_shoff + (uint64_t)i * eh->e_shentsize;

	if (i >= eh->e_shnum || eh->e_shentsize < sizeof(Elf64_Shdr) || off > size ||
	    size - off < sizeof(Elf64_Shdr))
		return NULL;
	return (const Elf64_Shdr *)(p + off);
}

static bool elf_scan(const unsigned char *p, size_t size, const char *const *names)
{
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)p;

	if (size < sizeof(*eh) || memcmp(eh->e_ident, ELFMAG, SELFMAG) ||
	    eh->e_ident[EI_CLASS] != ELFCLASS64)
		return false;
	for (unsigned int i = 0; i < eh->e_shnum; i++) {
		const Elf64_Shdr *sh = elf_section(p, size, eh, i), *str;

		if (!sh || sh->sh_type != SHT_DYNSYM || sh->sh_entsize < sizeof(Elf64_Sym))
			continue;
		str = elf_section(p, size, eh, sh->sh_link);
		if (!str || sh->sh_offset > size || sh->sh_size > size - sh->sh_offset ||
		    str->sh_offset > size || str->sh_size > size - str->sh_offset)
			return false;
		for (uint64_t off = 0; off + sh->sh_entsize <= sh->sh_size; off += sh->sh_entsize) {
			const Elf64_Sym *sym = (const Elf64_Sym *)(p + sh->sh_offset + off);
			const char *name;

			if (sym->st_shndx != SHN_UNDEF || sym->st_name >= str->sh_size)
				continue;
			name = (const char *)p + str->sh_offset + sym->st_name;
			/* The string table must hold the whole name. */
			if (!memchr(name, '\0', str->sh_size - sym->st_name))
				continue;
			for (const char *const *n = names; *n; n++)
				if (!strcmp(name, *n))
					return true;
		}
	}
	return false;
}

int uh_elf_imports(const char *path, const char *const *names, bool *found)
{
	struct stat st;
	void *p;
	int fd;

	*found = false;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return uh_fail(errno, "cannot open %s: %s", path, strerror(errno));
	if (fstat(fd, &st) || !S_ISREG(st.st_mode) || st.st_size <= 0) {
		close(fd);
		return uh_fail(EINVAL, "%s is not a regular file with contents", path);
	}
	p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (p == MAP_FAILED)
		return uh_fail(errno, "cannot map %s: %s", path, strerror(errno));
	*found = elf_scan(p, (size_t)st.st_size, names);
	munmap(p, (size_t)st.st_size);
	return 0;
}

int uh_memlock_set(uint64_t bytes, uint64_t *got)
{
	struct rlimit rl = { .rlim_cur = bytes, .rlim_max = bytes };

	*got = bytes;
	if (!setrlimit(RLIMIT_MEMLOCK, &rl))
		return 0;
	/* Without CAP_SYS_RESOURCE (a container's root) the hard limit stays. */
	if (errno == EPERM && !getrlimit(RLIMIT_MEMLOCK, &rl) && rl.rlim_max < bytes) {
		rl.rlim_cur = rl.rlim_max;
		if (!setrlimit(RLIMIT_MEMLOCK, &rl)) {
			*got = rl.rlim_max;
			return 0;
		}
	}
	return uh_fail(errno, "cannot set the locked-memory limit to %llu MiB: %s",
		       (unsigned long long)bytes >> 20, strerror(errno));
}

/*
 * RLIMIT_NICE, so the interrupt threads may still take UHOST_IRQ_NICE
 * after the drop without CAP_SYS_NICE: the limit allows nice down to
 * 20 - limit. Best effort: without it they run at the default weight, and
 * the shim says so.
 */
void uh_nice_limit_set(void)
{
	const rlim_t want = 20 - UHOST_IRQ_NICE;
	struct rlimit rl;

	if (getrlimit(RLIMIT_NICE, &rl))
		rl.rlim_cur = rl.rlim_max = 0;
	if (rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur >= want)
		return;
	rl.rlim_cur = want;
	if (rl.rlim_max != RLIM_INFINITY && rl.rlim_max < want)
		rl.rlim_max = want;
	(void)setrlimit(RLIMIT_NICE, &rl);
}

/* Threads of this process: capset(2) changes the calling thread only. */
static int thread_count(void)
{
	struct dirent *de;
	DIR *d = opendir("/proc/self/task");
	int n = 0;

	if (!d)
		return -1;
	while ((de = readdir(d)))
		n += de->d_name[0] != '.';
	closedir(d);
	return n;
}

static int cap_last(void)
{
	FILE *f = fopen("/proc/sys/kernel/cap_last_cap", "re");
	int last = CAP_LAST_CAP;

	if (f) {
		if (fscanf(f, "%d", &last) != 1)
			last = CAP_LAST_CAP;
		fclose(f);
	}
	return last;
}

static int set_caps(uint64_t caps)
{
	struct __user_cap_header_struct hdr = { .version = _LINUX_CAPABILITY_VERSION_3 };
	struct __user_cap_data_struct data[2] = { 0 };

	for (int i = 0; i < 2; i++) {
		data[i].effective = (uint32_t)(caps >> (32 * i));
		data[i].permitted = (uint32_t)(caps >> (32 * i));
	}
	return syscall(SYS_capset, &hdr, data) ? errno : 0;
}

int uh_privsep_drop(uid_t uid, gid_t gid, uint64_t caps)
{
	int dumpable = prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);
	int last = cap_last(), err;

	if (thread_count() != 1)
		return uh_fail(
			EBUSY,
			"dropping root: the process has threads already, which would keep it");
	/* The bounding set first: dropping from it takes CAP_SETPCAP. */
	for (int cap = 0; cap <= last && cap < 64; cap++)
		if (!(caps & (1ull << cap)) && prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) &&
		    errno != EINVAL)
			return uh_fail(errno, "cannot drop capability %d from the bounding set: %s",
				       cap, strerror(errno));
	/* Keep the permitted set across the uid change, then cut it to caps. */
	if (prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0))
		return uh_fail(errno, "PR_SET_KEEPCAPS: %s", strerror(errno));
	if (setgroups(1, &gid) || setresgid(gid, gid, gid))
		return uh_fail(errno, "cannot change to group %u: %s", (unsigned int)gid,
			       strerror(errno));
	if (setresuid(uid, uid, uid))
		return uh_fail(errno, "cannot change to user %u: %s", (unsigned int)uid,
			       strerror(errno));
	err = set_caps(caps);
	if (err)
		return uh_fail(err, "capset: %s", strerror(err));
	if (prctl(PR_SET_KEEPCAPS, 0, 0, 0, 0) ||
	    prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0))
		return uh_fail(errno, "clearing PR_SET_KEEPCAPS and ambient capabilities: %s",
			       strerror(errno));
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0))
		return uh_fail(errno, "PR_SET_NO_NEW_PRIVS: %s", strerror(errno));
	/*
	 * The uid change made the process non-dumpable. A process that was
	 * dumpable (gdb could attach, a crash left a core) stays so, for
	 * debugging; one the administrator made non-dumpable stays not.
	 */
	if (dumpable == 1 && prctl(PR_SET_DUMPABLE, 1, 0, 0, 0))
		return uh_fail(errno, "PR_SET_DUMPABLE: %s", strerror(errno));
	return 0;
}
