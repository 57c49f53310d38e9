/*
 * execve: replace the calling process's program with a new one.
 * Linux: fs/exec.c (do_execveat_common, bprm_execve, begin_new_exec).
 *
 * In order: open the file and read its first bytes; copy argv and envp into
 * the kernel (the old address space, where they live, is about to go);
 * let the ELF loader check the file. Only then comes the point of no return
 * (begin_new_exec): the new address space replaces the old one, and an
 * error after that can only kill the process. The loader then maps the
 * program, and the new stack gets the strings and pointers the program's
 * start-up code expects.
 */
#include <linux/kernel.h>
#include <linux/binfmts.h>
#include <linux/elf.h>
#include <linux/mman.h>
#include <linux/random.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/mm.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/trace.h>
#include <linux/uaccess.h>
#include <asm/fpu.h>
#include <asm/processor.h>
#include <asm/msr.h>

/*
 * Append the strings of a NULL-terminated pointer array (user or kernel
 * memory) to bprm->strings. NULL itself counts as an empty array, as Linux
 * allows (with a warning). Linux: copy_strings() / copy_strings_kernel().
 */
static int copy_strings(struct linux_binprm *bprm, const char *const *argv, bool from_user,
			int *count)
{
	for (*count = 0; argv; (*count)++) {
		const char *str;
		long len;

		if (from_user) {
			if (get_user(str, (const char *__user *)argv + *count))
				return -EFAULT;
		} else {
			str = argv[*count];
		}
		if (!str)
			return 0;
		if (*count >= MAX_ARG_STRINGS)
			return -E2BIG;
		size_t room = ARG_MAX - bprm->strings_len;
		char *dst = bprm->strings + bprm->strings_len;
		if (from_user) {
			len = strncpy_from_user(dst, (const char __user *)str, min(room, MAX_ARG_STRLEN));
			if (len < 0)
				return -EFAULT;
		} else {
			len = strnlen(str, min(room, MAX_ARG_STRLEN));
			memcpy(dst, str, len);
			dst[len < (long)room ? len : 0] = '\0';
		}
		if (len >= (long)min(room, MAX_ARG_STRLEN))
			return -E2BIG;	/* no NUL within the limit */
		bprm->strings_len += len + 1;
	}
	return 0;
}

/* Linux: open_exec(). A regular file with execute permission. */
static struct file *open_exec(const char *name)
{
	struct file *file = filp_open(name, O_RDONLY, 0);

	if (IS_ERR(file))
		return file;
	umode_t mode = file_inode(file)->i_mode;
	if (!S_ISREG(mode) || !(mode & 0111)) {
		fput(file);
		return ERR_PTR(-EACCES);
	}
	return file;
}

/* The last path component, for the task's comm. Linux: kbasename(). */
static const char *kbasename(const char *path)
{
	const char *tail = path;

	for (const char *p = path; *p; p++)
		if (*p == '/' && p[1])
			tail = p + 1;
	return tail;
}

/*
 * Sleep until the other threads have gone (notify_count reaches 0, or,
 * with until_leader, the leader has exited: notify_count -1 is then the
 * sign for exit_notify() to wake us). Returns with tasklist_lock held, or
 * -EAGAIN without it if we are killed meanwhile.
 */
static int wait_for_other_threads(struct task_struct *tsk, bool until_leader,
				  unsigned long *flags)
{
	struct signal_struct *sig = tsk->signal;

	for (;;) {
		spin_lock_irqsave(&tasklist_lock, *flags);
		if (until_leader) {
			sig->notify_count = -1;
			if (tsk->group_leader->exit_state)
				return 0;
		} else if (!sig->notify_count) {
			return 0;
		}
		set_current_state(TASK_INTERRUPTIBLE);	/* Linux: TASK_KILLABLE */
		spin_unlock_irqrestore(&tasklist_lock, *flags);
		schedule();
		if (fatal_signal_pending(tsk))
			return -EAGAIN;
	}
}

/*
 * Linux: de_thread(). Make the caller the only thread of its process: an
 * exec replaces the program of every thread, and the others would run on in
 * an address space that is about to go. They get SIGKILL
 * (zap_other_threads) and we sleep until each is released. A caller that
 * is not the leader then takes the leader's place: the two swap pids, so
 * the process keeps its process id across the exec (POSIX), and the old
 * leader, a zombie by now, is released under the caller's old tid.
 * Returns 0, or -EAGAIN when an exit_group or another exec came first, or
 * we were killed: the process is dying then anyway.
 */
static int de_thread(struct task_struct *tsk)
{
	struct signal_struct *sig = tsk->signal;
	unsigned long flags;

	if (thread_group_empty(tsk))
		goto no_thread_group;
	spin_lock_irqsave(&tasklist_lock, flags);
	if (signal_group_exit(sig) || sig->group_exec_task) {
		spin_unlock_irqrestore(&tasklist_lock, flags);
		return -EAGAIN;
	}
	sig->group_exec_task = tsk;
	sig->notify_count = zap_other_threads(tsk);
	if (!thread_group_leader(tsk))
		sig->notify_count--;	/* the leader is not released until we take its place */
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (wait_for_other_threads(tsk, false, &flags))
		goto killed;
	spin_unlock_irqrestore(&tasklist_lock, flags);

	if (!thread_group_leader(tsk)) {
		struct task_struct *leader = tsk->group_leader;

		if (wait_for_other_threads(tsk, true, &flags))
			goto killed;
		trace_exit("%s[%d] de_thread: takes the leader's pid %d; the old leader goes\n",
			   tsk->comm, tsk->pid, leader->pid);
		exchange_tids(tsk, leader);
		list_replace_init(&leader->tasks, &tsk->tasks);	/* the process list */
		tsk->group_leader = tsk;
		leader->group_leader = tsk;
		tsk->exit_signal = SIGCHLD;
		leader->exit_signal = -1;	/* a plain thread now: released without a wait */
		leader->exit_state = EXIT_DEAD;
		spin_unlock_irqrestore(&tasklist_lock, flags);
		release_task(leader);
	}
	sig->group_exec_task = NULL;
	sig->notify_count = 0;
no_thread_group:
	tsk->exit_signal = SIGCHLD;	/* Linux: "we have changed execution domain" */
	return 0;

killed:
	spin_lock_irqsave(&tasklist_lock, flags);
	sig->group_exec_task = NULL;
	sig->notify_count = 0;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return -EAGAIN;
}

/*
 * Linux: begin_new_exec(). The point of no return: install the new address
 * space and drop what must not survive an exec. Called by the loader once
 * it has checked the file.
 */
int begin_new_exec(struct linux_binprm *bprm)
{
	struct task_struct *me = current;
	int err;

	/* First the other threads go, then the address space they share. */
	err = de_thread(me);
	if (err)
		return err;
	/* Leaving the old address space: a vfork parent, waiting for exactly
	 * this, may go on now. Linux: exec_mm_release(). */
	if (me->mm)
		mm_release(me);
	err = exec_mmap(bprm->mm);
	if (err)
		return err;
	bprm->mm = NULL;	/* it is current->mm now */
	me->flags &= ~PF_FORKNOEXEC;
	flush_signal_handlers(me, 0);	/* caught -> default; ignored stay ignored */
	me->sas_ss_sp = me->sas_ss_size = me->sas_ss_flags = 0;	/* Linux: setup_new_exec() */
	do_close_on_exec(me->files);
	set_task_comm(me, kbasename(bprm->filename));

	/* A fresh register state: FPU as at start-up, no TLS yet. */
	me->thread.fpu = init_fpstate;
	fpu_restore(&me->thread.fpu);
	me->thread.fsbase = me->thread.gsbase = 0;
	wrmsr(MSR_FS_BASE, 0);
	wrmsr(MSR_KERNEL_GS_BASE, 0);
	return 0;
}

/* Linux: do_execveat_common() -> bprm_execve(). */
static int do_execve_common(const char *filename, const char *const *argv,
			    const char *const *envp, bool from_user)
{
	struct linux_binprm bprm = { .filename = filename };
	loff_t pos = 0;
	int ret;

	bprm.file = open_exec(filename);
	if (IS_ERR(bprm.file))
		return (int)PTR_ERR(bprm.file);
	ret = -ENOMEM;
	bprm.strings = kmalloc(ARG_MAX, GFP_KERNEL);
	if (!bprm.strings)
		goto out_file;
	ret = copy_strings(&bprm, argv, from_user, &bprm.argc);
	if (ret)
		goto out_strings;
	ret = copy_strings(&bprm, envp, from_user, &bprm.envc);
	if (ret)
		goto out_strings;
	ret = -ENOMEM;
	bprm.mm = mm_alloc();
	if (!bprm.mm)
		goto out_strings;

	memset(bprm.buf, 0, sizeof(bprm.buf));
	ret = kernel_read(bprm.file, bprm.buf, sizeof(bprm.buf), &pos);
	if (ret >= 0)
		ret = load_elf_binary(&bprm);
	if (bprm.mm)	/* not installed: the old program goes on */
		mmput(bprm.mm);
	else if (ret < 0)	/* failed past the point of no return: nothing to go back to */
		force_sig_fault(SIGSEGV, 0, NULL);
out_strings:
	kfree(bprm.strings);
out_file:
	fput(bprm.file);
	return ret;
}

/*
 * Start a program from the kernel: how pid 1 becomes init. Returns only on
 * failure; on success the task returns to user mode in the new program when
 * its kernel function returns. Linux: kernel_execve().
 */
int kernel_execve(const char *filename, const char *const *argv, const char *const *envp)
{
	return do_execve_common(filename, argv, envp, false);
}

SYSCALL_DEFINE3(execve, const char __user *, filename, const char __user *const __user *, argv,
		const char __user *const __user *, envp)
{
	char *name = kmalloc(PATH_MAX, GFP_KERNEL);
	long ret;

	if (!name)
		return -ENOMEM;
	ret = strncpy_from_user(name, filename, PATH_MAX);
	if (ret >= 0 && ret == PATH_MAX)
		ret = -ENAMETOOLONG;
	if (ret >= 0)
		ret = do_execve_common(name, (const char *const *)argv, (const char *const *)envp, true);
	kfree(name);
	return ret;
}

/*
 * Build the new program's stack, the System V x86-64 ABI's initial process
 * stack (section 3.4.1), from the top down:
 *
 *	the argument and environment strings, the program's path (AT_EXECFN),
 *	"x86_64" (AT_PLATFORM), 16 random bytes (AT_RANDOM), padding,
 *	then at the 16-byte-aligned stack pointer: argc, argv[0..argc-1],
 *	NULL, envp[...], NULL, the auxv pairs (type, value), AT_NULL.
 *
 * auxv holds the loader's pairs; the ones about the stack are added here.
 * Linux: fs/exec.c setup_arg_pages() and fs/binfmt_elf.c create_elf_tables().
 */
int create_user_stack(struct linux_binprm *bprm, const unsigned long *auxv, int auxc)
{
	static const char platform[] = "x86_64";
	struct mm_struct *mm = current->mm;
	unsigned long p = STACK_TOP, addr;
	u64 random[2] = { get_random_u64(), get_random_u64() };
	size_t name_len = strlen(bprm->filename) + 1;

	addr = vm_mmap(NULL, STACK_TOP - USER_STACK_INIT, USER_STACK_INIT, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_GROWSDOWN, 0);
	if (IS_ERR_VALUE(addr))
		return (int)addr;

	p -= name_len;
	unsigned long execfn = p;
	p -= bprm->strings_len;
	unsigned long strings = p;
	p -= sizeof(platform);
	unsigned long plat = p;
	p = ALIGN_DOWN(p - sizeof(random), 16);
	unsigned long rand = p;
	if (copy_to_user((void __user *)execfn, bprm->filename, name_len) ||
	    copy_to_user((void __user *)strings, bprm->strings, bprm->strings_len) ||
	    copy_to_user((void __user *)plat, platform, sizeof(platform)) ||
	    copy_to_user((void __user *)rand, random, sizeof(random)))
		return -EFAULT;

	/* The pointer block: argc, argv, NULL, envp, NULL, auxv, AT_NULL. */
	size_t words = 1 + bprm->argc + 1 + bprm->envc + 1 + 2 * (auxc + 5);
	unsigned long *v = kmalloc(words * sizeof(*v), GFP_KERNEL), *w = v;
	if (!v)
		return -ENOMEM;
	unsigned long s = strings;	/* walks the strings as copied to the stack */
	*w++ = bprm->argc;
	mm->arg_start = s;
	for (int i = 0; i < bprm->argc; i++, s += strlen(bprm->strings + (s - strings)) + 1)
		*w++ = s;
	*w++ = 0;
	mm->arg_end = mm->env_start = s;
	for (int i = 0; i < bprm->envc; i++, s += strlen(bprm->strings + (s - strings)) + 1)
		*w++ = s;
	*w++ = 0;
	mm->env_end = s;
	memcpy(w, auxv, 2 * auxc * sizeof(*w));
	w += 2 * auxc;
	*w++ = AT_RANDOM, *w++ = rand;
	*w++ = AT_EXECFN, *w++ = execfn;
	*w++ = AT_PLATFORM, *w++ = plat;
	*w++ = AT_HWCAP, *w++ = elf_hwcap();
	*w++ = AT_NULL, *w++ = 0;

	p = ALIGN_DOWN(p - words * sizeof(*v), 16);
	int ret = copy_to_user((void __user *)p, v, words * sizeof(*v)) ? -EFAULT : 0;
	kfree(v);
	bprm->p = mm->start_stack = p;
	return ret;
}
