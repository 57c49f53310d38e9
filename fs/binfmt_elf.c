/*
 * Loading a static x86-64 ELF executable, fixed-address (ET_EXEC) or
 * position-independent (static-pie, ET_DYN). Linux: fs/binfmt_elf.c
 * load_elf_binary() and create_elf_tables(). Programs that need a dynamic
 * linker (PT_INTERP) are refused with ENOEXEC: the initramfs has none.
 *
 * Each PT_LOAD segment gets anonymous memory, the file's bytes are copied
 * in, and the pages then get the segment's permissions. (Linux maps the
 * file itself, so pages are shared with the page cache; this kernel's files
 * live in memory already, and a copy keeps the loader short.)
 */
#include <linux/kernel.h>
#include <linux/binfmts.h>
#include <linux/elf.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <asm/processor.h>

/* Where a static-pie program is put: Linux's ELF_ET_DYN_BASE, 2/3 of the
 * way up the 47-bit user space. */
#define ELF_ET_DYN_BASE 0x555555554000UL

static int elf_prot(u32 p_flags)
{
	return (p_flags & PF_R ? PROT_READ : 0) | (p_flags & PF_W ? PROT_WRITE : 0) |
	       (p_flags & PF_X ? PROT_EXEC : 0);
}

/* Copy the file's bytes [offset, offset + len) to user address `to`. */
static int copy_segment(struct file *file, u64 offset, unsigned long to, u64 len)
{
	char *bounce = kmalloc(PAGE_SIZE, GFP_KERNEL);
	loff_t pos = offset;
	int ret = 0;

	if (!bounce)
		return -ENOMEM;
	while (len && !ret) {
		size_t chunk = min(len, PAGE_SIZE);
		ssize_t n = kernel_read(file, bounce, chunk, &pos);

		if (n != (ssize_t)chunk)
			ret = n < 0 ? (int)n : -EIO;	/* the file is shorter than its headers say */
		else if (copy_to_user((void __user *)to, bounce, chunk))
			ret = -EFAULT;
		to += chunk;
		len -= chunk;
	}
	kfree(bounce);
	return ret;
}

static bool elf_check_header(const struct elf64_hdr *eh)
{
	return !memcmp(eh->e_ident, ELFMAG, SELFMAG) && eh->e_ident[EI_CLASS] == ELFCLASS64 &&
	       eh->e_ident[EI_DATA] == ELFDATA2LSB &&
	       (eh->e_type == ET_EXEC || eh->e_type == ET_DYN) && eh->e_machine == EM_X86_64 &&
	       eh->e_phentsize == sizeof(struct elf64_phdr) && eh->e_phnum > 0 &&
	       eh->e_phnum <= 65536 / sizeof(struct elf64_phdr);
}

/* Map one PT_LOAD segment and fill it from the file. *mapped_end: where the
 * previous segment's pages end (a page two segments share is mapped once). */
static int load_segment(struct linux_binprm *bprm, const struct elf64_phdr *ph,
			unsigned long load_bias, unsigned long *mapped_end)
{
	unsigned long vaddr = load_bias + ph->p_vaddr;
	unsigned long start = ALIGN_DOWN(vaddr, PAGE_SIZE);
	unsigned long end = PAGE_ALIGN(vaddr + ph->p_memsz);

	if (ph->p_filesz > ph->p_memsz || vaddr + ph->p_memsz < vaddr ||
	    vaddr + ph->p_memsz > TASK_SIZE)
		return -ENOEXEC;
	if (start < *mapped_end)
		start = *mapped_end;
	if (start < end) {
		unsigned long addr = vm_mmap(NULL, start, end - start, PROT_READ | PROT_WRITE,
					     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0);
		if (IS_ERR_VALUE(addr))
			return (int)addr;
		*mapped_end = end;
	}
	/* The bytes past p_filesz (.bss) are fresh anonymous memory: zero. */
	return copy_segment(bprm->file, ph->p_offset, vaddr, ph->p_filesz);
}

/* Linux: load_elf_binary(). */
int load_elf_binary(struct linux_binprm *bprm)
{
	const struct elf64_hdr *eh = (const void *)bprm->buf;
	struct elf64_phdr *phdrs;
	unsigned long load_bias = 0, phdr_addr = 0, mapped_end = 0, brk = 0;
	unsigned long start_code = -1UL, end_code = 0, start_data = -1UL, end_data = 0;
	loff_t pos;
	int ret;

	if (!elf_check_header(eh))
		return -ENOEXEC;
	size_t size = eh->e_phnum * sizeof(*phdrs);
	phdrs = kmalloc(size, GFP_KERNEL);
	if (!phdrs)
		return -ENOMEM;
	pos = eh->e_phoff;
	ret = kernel_read(bprm->file, phdrs, size, &pos) == (ssize_t)size ? 0 : -ENOEXEC;
	for (int i = 0; !ret && i < eh->e_phnum; i++) {
		if (phdrs[i].p_type == PT_INTERP) {
			pr_notice_once("execve: %s needs a dynamic linker; only static programs run here\n",
				       bprm->filename);
			ret = -ENOEXEC;
		}
	}
	if (ret)
		goto out;
	if (eh->e_type == ET_DYN)
		load_bias = ELF_ET_DYN_BASE;

	ret = begin_new_exec(bprm);	/* from here on, failure kills the process */
	if (ret)
		goto out;

	for (int i = 0; i < eh->e_phnum; i++) {
		const struct elf64_phdr *ph = &phdrs[i];

		if (ph->p_type != PT_LOAD)
			continue;
		ret = load_segment(bprm, ph, load_bias, &mapped_end);
		if (ret)
			goto out;
		if (eh->e_phoff >= ph->p_offset && eh->e_phoff < ph->p_offset + ph->p_filesz)
			phdr_addr = load_bias + ph->p_vaddr + (eh->e_phoff - ph->p_offset);
		brk = max(brk, load_bias + ph->p_vaddr + ph->p_memsz);
		/* What /proc/PID/stat and the debugger call code and data. */
		if (ph->p_flags & PF_X) {
			start_code = min(start_code, load_bias + ph->p_vaddr);
			end_code = max(end_code, load_bias + ph->p_vaddr + ph->p_filesz);
		} else if (ph->p_flags & PF_W) {
			start_data = min(start_data, load_bias + ph->p_vaddr);
			end_data = max(end_data, load_bias + ph->p_vaddr + ph->p_filesz);
		}
	}
	/*
	 * Now give each segment its permissions. PT_LOAD entries come in
	 * ascending address order (the ELF spec says so), so only neighbours
	 * can share a page; a shared page gets both segments' permissions.
	 */
	unsigned long prev_last_page = -1UL;
	int prev_prot = 0;
	for (int i = 0; i < eh->e_phnum; i++) {
		const struct elf64_phdr *ph = &phdrs[i];
		unsigned long start = ALIGN_DOWN(load_bias + ph->p_vaddr, PAGE_SIZE);
		unsigned long end = PAGE_ALIGN(load_bias + ph->p_vaddr + ph->p_memsz);
		int prot = elf_prot(ph->p_flags);

		if (ph->p_type != PT_LOAD || start == end)
			continue;
		if (start == prev_last_page) {
			ret = do_mprotect(start, PAGE_SIZE, prot | prev_prot);
			start += PAGE_SIZE;
		}
		if (!ret && start < end)
			ret = do_mprotect(start, end - start, prot);
		if (ret)
			goto out;
		prev_last_page = end - PAGE_SIZE;
		prev_prot = prot;
	}

	current->mm->start_brk = current->mm->brk = PAGE_ALIGN(brk);
	current->mm->start_code = start_code == -1UL ? 0 : start_code;
	current->mm->end_code = end_code;
	current->mm->start_data = start_data == -1UL ? 0 : start_data;
	current->mm->end_data = end_data;

	unsigned long auxv[] = {
		AT_PHDR, phdr_addr,
		AT_PHENT, sizeof(struct elf64_phdr),
		AT_PHNUM, eh->e_phnum,
		AT_PAGESZ, PAGE_SIZE,
		AT_BASE, 0,
		AT_FLAGS, 0,
		AT_ENTRY, load_bias + eh->e_entry,
		AT_UID, 0, AT_EUID, 0, AT_GID, 0, AT_EGID, 0,
		AT_SECURE, 0,
		AT_CLKTCK, 100,
	};
	ret = create_user_stack(bprm, auxv, ARRAY_SIZE(auxv) / 2);
	if (ret)
		goto out;
	start_thread(current_pt_regs(), load_bias + eh->e_entry, bprm->p);
out:
	kfree(phdrs);
	return ret;
}
