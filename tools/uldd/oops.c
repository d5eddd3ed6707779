// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * oops.c - a crashed driver's report (oops.h): the handler in the driver
 * process that writes it, and the supervisor's side that reads it and
 * prints it as the kernel prints an oops.
 */
#include <elf.h>
#include <errno.h>
#include <execinfo.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <ucontext.h>
#include <unistd.h>

#include "elf.h"
#include "host.h"
#include "oops.h"

#define OOPS_ALTSTACK (64 * 1024)
/* How long the handler may take before SIGALRM ends the process anyway. */
#define OOPS_DEADLINE_S 5

static const int oops_signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT };

static int oops_fd = -1;
static atomic_int oops_taken;
static void *oops_frames[ULDD_OOPS_FRAMES];

static void oops_put(const char *s, size_t n)
{
	while (n) {
		ssize_t w = write(oops_fd, s, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

/* printf is not async-signal-safe: numbers are spelled by hand. */
static char *put_hex(char *p, uint64_t v)
{
	char tmp[16];
	int n = 0;

	do
		tmp[n++] = "0123456789abcdef"[v & 15];
	while ((v >>= 4) && n < 16);
	while (n)
		*p++ = tmp[--n];
	*p++ = ' ';
	return p;
}

static char *put_dec(char *p, long v)
{
	char tmp[24];
	unsigned long u = v < 0 ? 0ul - (unsigned long)v : (unsigned long)v;
	int n = 0;

	if (v < 0)
		*p++ = '-';
	do
		tmp[n++] = (char)('0' + u % 10);
	while ((u /= 10) && n < 24);
	while (n)
		*p++ = tmp[--n];
	*p++ = ' ';
	return p;
}

static uint64_t uc_pc(const void *ucv)
{
	const ucontext_t *uc = ucv;

#if defined(__x86_64__)
	return (uint64_t)uc->uc_mcontext.gregs[REG_RIP];
#elif defined(__aarch64__)
	return (uint64_t)uc->uc_mcontext.pc;
#else
	(void)uc;
	return 0;
#endif
}

/*
 * Why this is safe enough in a handler: it runs on an alternate stack (a
 * thread that overflowed its own still gets here), writes with write(2)
 * only, formats numbers itself, and backtrace() no longer allocates after
 * the first call, which tool_oops_install() made (it loads libgcc_s then).
 * The unwinder and backtrace_symbols_fd's dladdr take the dynamic loader's
 * lock: a crash inside the loader would deadlock here, so an alarm ends
 * the process after OOPS_DEADLINE_S whatever happens. Only the first
 * crashing thread reports; others wait for the process to die. At the end
 * the signal's default action is restored and the signal raised again, so
 * the process ends by it, with a core dump where the system keeps them,
 * and the supervisor sees which signal it was.
 */
static void oops_handler(int sig, siginfo_t *si, void *uc)
{
	struct sigaction dfl = { .sa_handler = SIG_DFL };
	char line[128], comm[17] = { 0 }, *p = line;
	int n;

	if (atomic_exchange(&oops_taken, 1)) {
		for (;;)
			pause();
	}
	alarm(OOPS_DEADLINE_S);
	prctl(PR_GET_NAME, comm, 0, 0, 0);
	memcpy(p, "oops ", 5);
	p += 5;
	p = put_dec(p, sig);
	p = put_dec(p, si->si_code);
	p = put_hex(p, (uint64_t)(uintptr_t)si->si_addr);
	p = put_hex(p, uc_pc(uc));
	p = put_dec(p, (long)getpid());
	p = put_dec(p, (long)gettid());
	p = put_dec(p, si->si_code <= 0 ? (long)si->si_pid : 0);
	for (n = 0; n < 16 && comm[n]; n++)
		*p++ = comm[n] == '\n' ? ' ' : comm[n];
	*p++ = '\n';
	oops_put(line, (size_t)(p - line));
	n = backtrace(oops_frames, ULDD_OOPS_FRAMES);
	/* Frame 0 is this handler. */
	if (n > 1)
		backtrace_symbols_fd(oops_frames + 1, n - 1, oops_fd);
	oops_put("end\n", 4);
	sigaction(sig, &dfl, NULL);
	raise(sig);
}

int tool_oops_install(int fd)
{
	struct sigaction sa = { .sa_sigaction = oops_handler, .sa_flags = SA_SIGINFO | SA_ONSTACK };
	stack_t ss = { .ss_size = OOPS_ALTSTACK };

	oops_fd = fd;
	/* The first backtrace() loads libgcc_s: here, not in the handler. */
	backtrace(oops_frames, 2);
	ss.ss_sp = malloc(OOPS_ALTSTACK);
	if (!ss.ss_sp || sigaltstack(&ss, NULL))
		return errno ? errno : ENOMEM;
	/* The threads the host layer starts get theirs (thread.c). */
	uh_thread_set_altstack(OOPS_ALTSTACK);
	sigfillset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(oops_signals) / sizeof(oops_signals[0]); i++)
		if (sigaction(oops_signals[i], &sa, NULL))
			return errno;
	return 0;
}

const char *tool_oops_signame(int sig, char *buf, size_t len)
{
	const char *abbrev = sigabbrev_np(sig);

	if (abbrev)
		snprintf(buf, len, "SIG%s", abbrev);
	else
		snprintf(buf, len, "signal %d", sig);
	return buf;
}

bool tool_oops_line(struct tool_oops *o, const char *line)
{
	unsigned long long addr, pc;
	int used = 0;

	if (!strncmp(line, "oops ", 5)) {
		memset(o, 0, sizeof(*o));
		if (sscanf(line, "oops %d %d %llx %llx %ld %ld %ld %n", &o->sig, &o->code, &addr,
			   &pc, &o->pid, &o->tid, &o->sender, &used) < 7)
			return true;
		o->addr = addr;
		o->pc = pc;
		snprintf(o->comm, sizeof(o->comm), "%s", line + used);
		o->active = true;
		return true;
	}
	if (!o->active || !strncmp(line, "tap ", 4) || !strncmp(line, "tapok ", 6) ||
	    !strncmp(line, "dev ", 4))
		return false;
	if (!strcmp(line, "end"))
		return true;
	if (o->nframes < ULDD_OOPS_FRAMES)
		snprintf(o->frames[o->nframes++], ULDD_OOPS_LINE, "%s", line);
	return true;
}

/*
 * The function of the ELF file at path that is named want (when want is
 * set) or holds offset off (its load-relative address: shared objects and
 * PIE are linked at 0): the full symbol table first, the dynamic one for a
 * stripped file (elf.h reads it).
 */
static bool elf_func(const char *path, const char *want, uint64_t off, char *name, size_t nlen,
		     uint64_t *value, uint64_t *size)
{
	const uint32_t kinds[] = { SHT_SYMTAB, SHT_DYNSYM };
	bool found = false;
	struct tool_elf f;

	if (tool_elf_open(path, &f))
		return false;
	for (size_t k = 0; k < 2 && !found; k++) {
		for (unsigned int i = 0; i < f.eh->e_shnum && !found; i++) {
			const Elf64_Shdr *str = tool_elf_section(&f, f.sh[i].sh_link);
			const Elf64_Sym *sym;
			size_t nsym;

			if (f.sh[i].sh_type != kinds[k] || !str)
				continue;
			nsym = f.sh[i].sh_size / sizeof(Elf64_Sym);
			sym = tool_elf_at(&f, f.sh[i].sh_offset, nsym * sizeof(Elf64_Sym));
			for (size_t j = 0; sym && j < nsym; j++) {
				const char *s;

				if (ELF64_ST_TYPE(sym[j].st_info) != STT_FUNC ||
				    sym[j].st_shndx == SHN_UNDEF)
					continue;
				s = tool_elf_str(&f, str, sym[j].st_name);
				if (!s)
					continue;
				if (want ? !strcmp(s, want)
					 : off - sym[j].st_value < sym[j].st_size &&
						    off >= sym[j].st_value) {
					snprintf(name, nlen, "%s", s);
					*value = sym[j].st_value;
					*size = sym[j].st_size;
					found = true;
					break;
				}
			}
		}
	}
	tool_elf_close(&f);
	return found;
}

/* "e1000" for ".../e1000.so", "libc" for "libc.so.6", "uldd" for the binary. */
static void module_name(const char *path, char *buf, size_t len)
{
	const char *base = strrchr(path, '/');
	const char *so;

	base = base ? base + 1 : path;
	so = strstr(base, ".so");
	snprintf(buf, len, "%.*s", so ? (int)(so - base) : (int)strlen(base), base);
}

/*
 * glibc names the main program by its argv[0], which setproctitle()
 * overwrote: a path that is no file is the uldd binary, which the child
 * was executed from, the supervisor's own.
 */
static const char *frame_file(const char *path, char *mod, size_t len)
{
	if (access(path, R_OK)) {
		snprintf(mod, len, "uldd");
		return "/proc/self/exe";
	}
	module_name(path, mod, len);
	return path;
}

void tool_oops_symbolize(const char *frame, bool caller, char *out, size_t len, uint64_t *addr)
{
	char path[PATH_MAX] = "", sym[256] = "", mod[64], name[256];
	const char *lb = strrchr(frame, '['), *lp = strchr(frame, '('), *rp, *file;
	uint64_t off = 0, value = 0, size = 0;
	bool has_off = false;

	*addr = lb ? strtoull(lb + 1, NULL, 16) : 0;
	rp = lp ? strchr(lp, ')') : NULL;
	if (lp && rp) {
		const char *plus = memchr(lp, '+', (size_t)(rp - lp));
		const char *end = plus ? plus : rp;

		snprintf(path, sizeof(path), "%.*s", (int)(lp - frame), frame);
		snprintf(sym, sizeof(sym), "%.*s", (int)(end - lp - 1), lp + 1);
		if (plus) {
			off = strtoull(plus + 1, NULL, 16);
			has_off = true;
		}
	} else if (lb && lb > frame) {
		snprintf(path, sizeof(path), "%.*s", (int)(lb - frame), frame);
		path[strcspn(path, " ")] = '\0';
	}
	if (!path[0]) {
		snprintf(out, len, "%s", frame);
		return;
	}
	file = frame_file(path, mod, sizeof(mod));
	/* The offset in the file: dladdr's symbol's own plus the offset into it. */
	if (sym[0] && elf_func(file, sym, 0, name, sizeof(name), &value, &size))
		off += value;
	else if (sym[0])
		has_off = false; /* only glibc's name: keep it as it is */
	/*
	 * A caller's address is where its call returns to, past the call; a
	 * call that never returns (BUG()) may be the function's last
	 * instruction, so the byte before names the function that called.
	 */
	if (has_off && elf_func(file, NULL, caller && off ? off - 1 : off, name, sizeof(name),
				&value, &size)) {
		snprintf(sym, sizeof(sym), "%s", name);
		off -= value;
	} else if (sym[0]) {
		off -= value;
		size = 0;
	}
	if (!sym[0]) {
		snprintf(out, len, "? %s+0x%llx", mod, (unsigned long long)off);
		return;
	}
	/* The shim's functions under their kernel names (shim/kworld.allow). */
	if (!strncmp(sym, "uldd_k_", 7)) {
		memmove(sym, sym + 7, strlen(sym + 7) + 1);
		snprintf(mod, sizeof(mod), "shim");
	}
	if (size)
		snprintf(out, len, "%s+0x%llx/0x%llx [%s]", sym, (unsigned long long)off,
			 (unsigned long long)size, mod);
	else
		snprintf(out, len, "%s+0x%llx [%s]", sym, (unsigned long long)off, mod);
}

static const char *code_text(int sig, int code)
{
	if (code == SI_USER)
		return "sent by kill";
	if (code == SI_TKILL)
		return "raised by the process";
	if (sig == SIGSEGV && code == SEGV_MAPERR)
		return "address not mapped";
	if (sig == SIGSEGV && code == SEGV_ACCERR)
		return "access not permitted";
	if (sig == SIGBUS && code == BUS_ADRERR)
		return "no such physical address";
	if (sig == SIGBUS && code == BUS_ADRALN)
		return "misaligned address";
	if (sig == SIGFPE && code == FPE_INTDIV)
		return "integer divide by zero";
	if (sig == SIGILL)
		return "illegal instruction";
	return "fault";
}

void tool_oops_print(FILE *out, const char *prefix, const char *driver, const struct tool_oops *o)
{
	char signame[32], sym[ULDD_OOPS_LINE + 64];
	unsigned int first = 0;
	uint64_t addr;

	tool_oops_signame(o->sig, signame, sizeof(signame));
	fprintf(out, "%s------------[ cut here ]------------\n", prefix);
	if (o->sig == SIGABRT)
		fprintf(out, "%sBUG: %s: the driver aborted (BUG(), panic or a failed check)\n",
			prefix, signame);
	else if (o->code <= 0)
		fprintf(out, "%sBUG: %s (%s) from pid %ld\n", prefix, signame,
			code_text(o->sig, o->code), o->sender);
	else
		fprintf(out, "%sBUG: %s (%s) at address %016llx\n", prefix, signame,
			code_text(o->sig, o->code), (unsigned long long)o->addr);
	fprintf(out, "%sOops: %s PID: %ld Thread: %ld Comm: %s\n", prefix, driver, o->pid, o->tid,
		o->comm[0] ? o->comm : "?");
	/*
	 * The unwinder passes through the handler's frames and the signal
	 * trampoline first: the trace starts at the frame of the interrupted pc.
	 */
	for (unsigned int i = 0; i < o->nframes; i++) {
		tool_oops_symbolize(o->frames[i], false, sym, sizeof(sym), &addr);
		if (o->pc && addr == o->pc) {
			first = i;
			break;
		}
	}
	if (o->nframes) {
		tool_oops_symbolize(o->frames[first], false, sym, sizeof(sym), &addr);
		fprintf(out, "%sRIP: %s\n", prefix, sym);
	} else {
		fprintf(out,
			"%sRIP: %016llx (no backtrace: the driver was killed before it could write one)\n",
			prefix, (unsigned long long)o->pc);
	}
	fprintf(out, "%sCall Trace:\n", prefix);
	for (unsigned int i = first; i < o->nframes; i++) {
		tool_oops_symbolize(o->frames[i], i > first, sym, sizeof(sym), &addr);
		fprintf(out, "%s %s\n", prefix, sym);
	}
	fprintf(out, "%s---[ end trace ]---\n", prefix);
}
