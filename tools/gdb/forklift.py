# Forklift's GDB helpers: commands that show the kernel's state from a
# stopped QEMU, as Linux's scripts/gdb does for Linux (lx-ps, lx-dmesg, ...).
# Loaded by tools/gdb/gdbinit; `help user-defined` lists them, `help lx-ps`
# explains one. docs/debugging.md walks through them.
#
# Everything is read through GDB values (gdb.Value, read_memory), i.e.
# through the gdbstub of a stopped QEMU: nothing here runs kernel code.
# Addresses are virtual and translated by the page tables loaded on the
# selected CPU; every kernel page table maps the same kernel half, so kernel
# addresses always work.
#
# The constants below mirror the kernel's #defines (GDB sees types, enums
# and variables, not macros). Keep them in step with the headers named.

import os

import gdb
import gdb.unwinder
from gdb.FrameDecorator import FrameDecorator

# arch/x86_64/include/asm/page.h
PAGE_SHIFT = 12
PAGE_SIZE = 1 << PAGE_SHIFT
PAGE_OFFSET = 0xFFFF888000000000  # the direct map: physical 0 is here
KERNEL_VMA = 0xFFFFFFFF80000000  # the kernel image (__START_KERNEL_map)

# arch/x86_64/include/asm/pgtable_types.h: entry bits, in Intel's names.
PTE_FLAGS = [
    (0, "P"),  # present
    (1, "W"),  # writable
    (2, "U"),  # user
    (3, "PWT"),  # write-through
    (4, "PCD"),  # cache disabled
    (5, "A"),  # accessed
    (6, "D"),  # dirty
    (7, "PS"),  # page size: a 1 GiB (pud) or 2 MiB (pmd) leaf
    (8, "G"),  # global
    (63, "NX"),  # no execute
]
PTE_BIT = {name: bit for bit, name in PTE_FLAGS}
PTE_PFN_MASK = 0x000FFFFFFFFFF000
# The levels of a walk: Linux's name, Intel's, the shift of the address bits
# that index it, and the size a leaf at that level maps.
LEVELS = [
    ("pgd", "PML4", 39, None),
    ("pud", "PDPT", 30, 1 << 30),
    ("pmd", "PD", 21, 1 << 21),
    ("pte", "PT", 12, 1 << 12),
]

# include/linux/sched.h
TASK_STATES = [  # (bit, letter, name), as Linux's task_state_to_char()
    (0x0001, "S", "sleeping"),
    (0x0002, "D", "disk sleep"),
    (0x0004, "T", "stopped"),
    (0x0080, "X", "dead"),
    (0x0800, "N", "new"),  # TASK_NEW: inside copy_process, not yet runnable
]
EXIT_ZOMBIE, EXIT_DEAD = 0x0010, 0x0020
PF_FLAGS = [(0x00000002, "PF_IDLE"), (0x00000004, "PF_EXITING"), (0x00000040, "PF_FORKNOEXEC"),
            (0x00200000, "PF_KTHREAD")]
STACK_END_MAGIC = 0x57AC6E9D

# include/linux/mm.h (Linux's VM_* values, as /proc/PID/maps shows them)
VM_READ, VM_WRITE, VM_EXEC, VM_SHARED = 0x1, 0x2, 0x4, 0x8
VM_GROWSDOWN = 0x100
# arch/x86_64/include/asm/pgtable_types.h: user addresses are below this.
TASK_SIZE = 0x00007FFFFFFFF000


# --- Reading kernel data --------------------------------------------------


def ulong(value):
    """A GDB value (pointer, integer, enum) as a Python int, unsigned."""
    return int(value.cast(gdb.lookup_type("unsigned long")))


def read_ulong(addr):
    """The 8-byte word at a kernel virtual address."""
    ptr = gdb.Value(addr).cast(gdb.lookup_type("unsigned long").pointer())
    return int(ptr.dereference())


def symbol_value(name):
    """A global of the kernel, or a GdbError that says which one is missing."""
    sym = gdb.lookup_global_symbol(name) or gdb.lookup_static_symbol(name)
    if sym is None:
        raise gdb.GdbError("no symbol '%s' in the kernel: is build/kernel.elf loaded?" % name)
    return sym.value()


def has_field(value_or_type, name):
    t = value_or_type.type if isinstance(value_or_type, gdb.Value) else value_or_type
    t = t.strip_typedefs()
    if t.code == gdb.TYPE_CODE_PTR:
        t = t.target().strip_typedefs()
    if t.code not in (gdb.TYPE_CODE_STRUCT, gdb.TYPE_CODE_UNION):
        return False
    return any(f.name == name for f in t.fields())


def container_of(ptr, typename, member):
    """Linux's container_of(): the struct that holds the member ptr points at."""
    t = gdb.lookup_type(typename)
    offset = next(f.bitpos // 8 for f in t.fields() if f.name == member)
    return gdb.Value(ulong(ptr) - offset).cast(t.pointer())


def list_for_each_entry(head, typename, member):
    """Linux's list_for_each_entry(): the structs on a struct list_head."""
    head_addr = ulong(head.address)
    node = head["next"]
    seen = 0
    while ulong(node) != head_addr:
        if ulong(node) == 0 or seen > 100000:
            raise gdb.GdbError("broken list at %#x (NULL or a loop)" % head_addr)
        yield container_of(node, typename, member)
        node = node["next"]
        seen += 1


def thread_size():
    """THREAD_SIZE: the boot stack (boot/head.S init_stack) is one kernel stack."""
    try:
        return ulong(symbol_value("init_stack_top").address) - ulong(symbol_value("init_stack").address)
    except gdb.GdbError:
        return 16384


def nr_cpus():
    """NR_CPUS, from the size of the runqueues[] array."""
    lo, hi = symbol_value("runqueues").type.range()
    return hi - lo + 1


def online_cpus():
    """CPUs that are up: their runqueue has an idle task (sched_init, SMP start-up)."""
    rqs = symbol_value("runqueues")
    return [cpu for cpu in range(nr_cpus()) if ulong(rqs[cpu]["idle"]) != 0] or [0]


def selected_cpu():
    """The CPU of GDB's selected thread: QEMU's gdbstub makes CPU n thread n + 1."""
    thread = gdb.selected_thread()
    return thread.num - 1 if thread is not None else 0


def cpu_curr(cpu):
    """The task running on cpu: pcpu_hot[cpu].current_task, what `current` reads through GS."""
    return symbol_value("pcpu_hot")[cpu]["current_task"]


def for_each_task():
    """Every task, as Linux's for_each_process_thread(): init_task (pid 0),
    then each process on init_task.tasks (the group leaders) followed by
    its other threads (signal->thread_head)."""
    init = symbol_value("init_task")
    yield init.address
    for leader in list_for_each_entry(init["tasks"], "struct task_struct", "tasks"):
        yield leader
        for t in list_for_each_entry(leader["signal"]["thread_head"], "struct task_struct",
                                     "thread_node"):
            if ulong(t) != ulong(leader):
                yield t


def find_task(pid):
    """The task with this pid: an int, or a string holding a number or a GDB
    expression (p->pid, $lx_current()->pid, $child)."""
    if isinstance(pid, str):
        pid = parse_pid(pid)
    for task in for_each_task():
        if int(task["pid"]) == pid:
            return task
    raise gdb.GdbError("no task with pid %d (lx-ps lists them)" % pid)


def parse_pid(arg):
    """A pid typed by the user: a number, else a GDB expression's value."""
    arg = arg.strip()
    try:
        return int(arg, 0)
    except ValueError:
        pass
    try:
        return int(gdb.parse_and_eval(arg))
    except gdb.error as e:
        raise gdb.GdbError("'%s' is not a pid: %s" % (arg, e))


def comm(task):
    return task["comm"].string(length=16).split("\0")[0]


def ppid(task):
    parent = task["real_parent"]
    return int(parent["tgid"]) if ulong(parent) != 0 else 0


def task_state(task):
    """(letter, name) for a task, as ps shows it."""
    exit_state = int(task["exit_state"])
    if exit_state & EXIT_ZOMBIE:
        return "Z", "zombie"
    if exit_state & EXIT_DEAD:
        return "X", "dead"
    state = int(task["__state"])
    for bit, letter, name in TASK_STATES:
        if state & bit:
            return letter, name
    return "R", "running" if int(task["on_cpu"]) else "runnable"


def lock_state(lock):
    """A ticket spinlock (include/linux/spinlock.h): free when owner has caught up with next."""
    raw = lock["raw"]  # the arch_spinlock_t; beside it, lockdep's map in a LOCKDEP=1 kernel
    nxt, owner = int(raw["next"]), int(raw["owner"])
    return "%s (next %d, owner %d)" % ("free" if nxt == owner else "HELD", nxt, owner)


def describe(task):
    """'pid 1 (kernel_init)', for one-line mentions of a task."""
    if ulong(task) == 0:
        return "(none)"
    return "pid %d (%s)" % (int(task["pid"]), comm(task))


def parse_address(arg):
    """A number, a symbol or an expression (start_kernel, &log_buf, $rsp) as an int."""
    value = gdb.parse_and_eval(arg)
    code = value.type.strip_typedefs().code
    if code in (gdb.TYPE_CODE_FUNC, gdb.TYPE_CODE_ARRAY, gdb.TYPE_CODE_STRUCT):
        value = value.address
    return ulong(value)


def warn_if_not_connected():
    if gdb.selected_inferior().pid == 0:
        print("(not connected to QEMU: these are the values in the ELF file, not the kernel's)")


# --- Memory: mm_struct, VMAs, page tables --------------------------------


def task_pgd(task):
    """The pgd a walk for this task uses, and a sentence saying why.

    A task's own mm when it has one (user tasks); a kernel thread's
    active_mm (the mm it borrows); otherwise the kernel's swapper_pg_dir,
    whose kernel half every other pgd shares."""
    for field, why in (("mm", "its mm"), ("active_mm", "its active_mm (it has no mm of its own)")):
        mm = task[field]
        if ulong(mm) != 0 and has_field(mm, "pgd"):
            return ulong(mm["pgd"]), "%s: %s->pgd" % (why, field)
    return ulong(symbol_value("swapper_pg_dir").address), (
        "swapper_pg_dir (%s has no mm and no active_mm: a kernel thread)" % describe(task))


def mm_vmas(mm):
    """The VMAs of an mm, once vm_area_struct exists; None if there is no
    known way to walk them (Linux <= 6.0 chains them on mm->mmap/vm_next; a
    struct list_head of them works too)."""
    try:
        vma_type = gdb.lookup_type("struct vm_area_struct")
    except gdb.error:
        return None
    for f in mm.dereference().type.strip_typedefs().fields():
        ftype = f.type.strip_typedefs()
        if ftype.code == gdb.TYPE_CODE_PTR and ftype.target().strip_typedefs() == vma_type:
            return walk_vm_next(mm[f.name])
        if ftype.tag == "list_head" and ("mmap" in f.name or "vma" in f.name):
            member = next((g.name for g in vma_type.fields() if g.type.strip_typedefs().tag == "list_head"), None)
            if member:
                return list(list_for_each_entry(mm[f.name], "struct vm_area_struct", member))
    return None


def walk_vm_next(vma):
    vmas = []
    while ulong(vma) != 0 and len(vmas) < 100000:
        vmas.append(vma)
        vma = vma["vm_next"]
    return vmas


def vma_flags(vma):
    return int(vma["vm_flags"]) if has_field(vma, "vm_flags") else 0


def vma_line(vma):
    """One area as /proc/PID/maps shows it: range, rwxp, offset, what backs it."""
    flags = vma_flags(vma)
    perms = "".join(c if flags & bit else "-" for bit, c in ((VM_READ, "r"), (VM_WRITE, "w"), (VM_EXEC, "x")))
    perms += "s" if flags & VM_SHARED else "p"
    line = "%016x-%016x %s" % (ulong(vma["vm_start"]), ulong(vma["vm_end"]), perms)
    if has_field(vma, "vm_pgoff"):
        line += " pgoff %#x" % ulong(vma["vm_pgoff"])
    if has_field(vma, "vm_file"):
        line += " file" if ulong(vma["vm_file"]) else " anon"
    elif has_field(vma, "vm_shmem"):
        line += " shmem" if ulong(vma["vm_shmem"]) else " anon"
    mm = vma["vm_mm"] if has_field(vma, "vm_mm") else None
    if flags & VM_GROWSDOWN:
        line += " [stack]"
    elif mm is not None and ulong(mm) and has_field(mm, "start_brk") and \
            ulong(vma["vm_start"]) <= ulong(mm["start_brk"]) < ulong(vma["vm_end"]):
        line += " [heap]"
    return line


def find_vma(mm, addr):
    """The VMA of mm holding addr, as Linux's find_vma() + a vm_start check;
    None if there is none (or no known way to walk the VMAs)."""
    for vma in mm_vmas(mm) or []:
        if ulong(vma["vm_start"]) <= addr < ulong(vma["vm_end"]):
            return vma
    return None


def print_mm(task, field):
    mm = task[field]
    if ulong(mm) == 0:
        print("  %-9s NULL" % field)
        return
    if field == "active_mm" and ulong(mm) == ulong(task["mm"]):
        print("  %-9s %s (the same: its own mm)" % (field, mm))
        return
    print("  %-9s %s" % (field, mm))
    if not has_field(mm, "pgd"):
        return
    print("    pgd %#x (physical %#x)" % (ulong(mm["pgd"]), virt_to_phys(ulong(mm["pgd"]))))
    for name in ("mm_users", "mm_count", "map_count", "start_code", "end_code",
                 "start_brk", "brk", "start_stack", "total_vm"):
        if has_field(mm, name):
            v = mm[name]
            if has_field(v.type, "counter"):
                v = v["counter"]
            print("    %-11s %s" % (name, hex(ulong(v)) if "start" in name or "end" in name or "brk" in name else int(v)))


def symbolic(addr):
    """'0xffffffff80138850 <kernel_init>', or the bare number without a symbol."""
    if hasattr(gdb, "format_address"):  # GDB 13
        return gdb.format_address(addr)
    where = gdb.execute("info symbol %#x" % addr, to_string=True).strip().splitlines()
    where = [w for w in where if not w.startswith("+")]  # set trace-commands on
    if not where or where[-1].startswith("No symbol"):
        return "%#x" % addr
    return "%#x <%s>" % (addr, where[-1].split(" in section")[0])


def virt_to_phys(va):
    """__pa(): kernel image and direct-map addresses only."""
    return va - KERNEL_VMA if va >= KERNEL_VMA else va - PAGE_OFFSET


def bit_set(entry, name):
    return entry >> PTE_BIT[name] & 1


def decode_entry(entry):
    """'P W - --- --- A D -- G NX': every bit named, or dashes when it is clear."""
    return " ".join(name if entry >> bit & 1 else "-" * len(name) for bit, name in PTE_FLAGS)


def page_flag_names(flags):
    try:
        enum = gdb.lookup_type("enum pageflags")
    except gdb.error:
        return ""
    return " ".join(f.name for f in enum.fields() if flags >> f.enumval & 1)


def print_page(phys):
    """Print the struct page of the frame holding phys, with its reference
    count; return that count (None when the frame has no struct page)."""
    pfn = phys >> PAGE_SHIFT
    max_pfn = ulong(symbol_value("max_pfn"))
    if pfn >= max_pfn:
        print("  page  pfn %#x is above max_pfn %#x: no struct page (not RAM the allocator knows)" % (pfn, max_pfn))
        return None
    page = (symbol_value("mem_map") + pfn).dereference()
    refcount = int(page["_refcount"]["counter"])
    flags = ulong(page["flags"])
    print(("  page  mem_map[%#x] at %#x: _refcount %d, flags %#x %s" % (
        pfn, ulong(page.address), refcount, flags, page_flag_names(flags))).rstrip())
    return refcount


def pagewalk(pgd_virt, addr):
    """Walk the four levels for addr from the pgd at pgd_virt, printing each
    entry. Returns (phys, [entries]) or (None, entries) if it stops early."""
    if not (addr < 1 << 47 or addr >= 0xFFFF800000000000):
        raise gdb.GdbError("%#x is not canonical (bits 63..47 must all equal bit 47)" % addr)
    table_virt, entries = pgd_virt, []
    for name, intel, shift, leaf_size in LEVELS:
        index = addr >> shift & 511
        slot = table_virt + 8 * index
        try:
            entry = read_ulong(slot)
        except gdb.MemoryError as e:
            raise gdb.GdbError("cannot read the %s entry at %#x: %s" % (name, slot, e))
        entries.append(entry)
        head = "  %-3s %-4s [%3d] at %#x = %#018x  %s" % (name, intel, index, slot, entry, decode_entry(entry))
        if not bit_set(entry, "P"):
            print(head + "  -> not present: an access faults here")
            return None, entries
        next_phys = entry & PTE_PFN_MASK
        if name == "pte" or (leaf_size and leaf_size > PAGE_SIZE and bit_set(entry, "PS")):
            base = next_phys & ~(leaf_size - 1)
            print(head + "  -> %s page at %#x" % (size_name(leaf_size), base))
            return base + (addr & (leaf_size - 1)), entries
        print(head + "  -> table at %#x" % next_phys)
        table_virt = PAGE_OFFSET + next_phys
    return None, entries


def cow_state(vma, pte, refcount):
    """What a private writable area's pte means for a write, as mm/memory.c
    handles it (handle_pte_fault -> do_wp_page); None for other areas."""
    flags = vma_flags(vma)
    if flags & VM_SHARED or not flags & VM_WRITE or refcount is None:
        return None
    if bit_set(pte, "W"):
        return "private, writable: this mm's own page (a write does not fault)"
    if refcount > 1:
        return ("copy-on-write: read-only in a writable area, _refcount %d: shared (fork); "
                "a write faults, do_wp_page copies it" % refcount)
    return ("copy-on-write, but _refcount 1: the other side let go; "
            "a write faults, do_wp_page makes it writable in place")


def size_name(size):
    return {1 << 30: "1 GiB", 1 << 21: "2 MiB", 1 << 12: "4 KiB"}[size]


def access_summary(entries):
    """What the walk allows, every level combined (a bit must allow it at
    every level: W and U are ANDed, NX is ORed), as the CPU checks it."""
    w = all(bit_set(e, "W") for e in entries)
    u = all(bit_set(e, "U") for e in entries)
    nx = any(bit_set(e, "NX") for e in entries)
    return "present, %s, %s, %s" % ("user" if u else "kernel-only",
                                     "writable" if w else "read-only",
                                     "no-execute" if nx else "executable")


# --- Backtraces through the entry code --------------------------------------
#
# The entry stubs of arch/x86_64/entry_64.S (entry_SYSCALL_64, asm_exc_*,
# asm_common_interrupt) save the interrupted registers as a struct pt_regs
# and call C with RBP = &pt_regs + 1: an "encoded" frame pointer, as
# Linux's ENCODE_FRAME_POINTER, which tells the kernel's own unwinder
# (arch/x86_64/stacktrace.c) that below this frame is not a caller but a
# pt_regs. GDB does not know that: it reads on from the odd RBP and prints
# noise (__switch_to_asm, stray user addresses). The unwinder below does
# what stacktrace.c does: the frame before the stub is the interrupted
# code, at pt_regs->ip with pt_regs->sp and ->bp. When that is user space,
# the filter ends the backtrace there (GDB knows nothing of the program
# unless you add-symbol-file it); `bt -no-filters` shows the rest anyway.

def in_entry_code(pc):
    """Whether pc (a return address) is in arch/x86_64/entry_64.S."""
    sal = gdb.find_pc_line(pc)
    return sal.symtab is not None and sal.symtab.filename.endswith("entry_64.S")


class EntryFrameId:
    """A frame's identity for GDB: its stack address and its function."""

    def __init__(self, sp, pc):
        ptr = gdb.lookup_type("void").pointer()
        self.sp, self.pc = gdb.Value(sp).cast(ptr), gdb.Value(pc).cast(ptr)


class ForkliftEntryUnwinder(gdb.unwinder.Unwinder):
    """The frame of an entry stub: its caller is whatever its pt_regs saved."""

    def __init__(self):
        super().__init__("forklift-entry")

    def __call__(self, pending_frame):
        try:
            pc = ulong(pending_frame.read_register("rip"))
            rbp = ulong(pending_frame.read_register("rbp"))
            if pc < KERNEL_VMA or not rbp & 1 or not in_entry_code(pc):
                return None
            regs_type = gdb.lookup_type("struct pt_regs")
            regs = gdb.Value(rbp - 1).cast(regs_type.pointer()).dereference()
            if ulong(regs["cs"]) & ~3 == 0:  # not a segment selector: not a pt_regs
                return None
        except (gdb.error, gdb.MemoryError):
            return None
        info = pending_frame.create_unwind_info(EntryFrameId(rbp - 1 + regs_type.sizeof, pc))
        for reg, field in (("rip", "ip"), ("rsp", "sp"), ("rbp", "bp"), ("rbx", "bx"),
                           ("r12", "r12"), ("r13", "r13"), ("r14", "r14"), ("r15", "r15"),
                           ("rax", "ax"), ("rcx", "cx"), ("rdx", "dx"), ("rsi", "si"),
                           ("rdi", "di"), ("r8", "r8"), ("r9", "r9"), ("r10", "r10"),
                           ("r11", "r11"), ("eflags", "flags")):
            value = regs[field]
            if reg == "eflags":
                value = value.cast(pending_frame.read_register("eflags").type)
            info.add_saved_register(reg, value)
        return info


class UserFrame(FrameDecorator):
    """A user-space frame GDB has no symbol for."""

    def function(self):
        return "[user space]"


class ForkliftEntryFilter:
    """End `bt` at the first user-space frame, and leave out "frames" whose
    pc is not kernel code (see the comment above)."""

    def __init__(self):
        self.name = "forklift-user-space"
        self.priority = 100
        self.enabled = True
        gdb.current_progspace().frame_filters[self.name] = self

    def filter(self, frame_iter):
        try:
            text = (ulong(symbol_value("_text").address), ulong(symbol_value("_etext").address))
        except gdb.error:
            text = (KERNEL_VMA, 1 << 64)
        for decorator in frame_iter:
            frame = decorator.inferior_frame()
            pc = frame.pc()
            if pc == 0:  # boot/head.S and ret_from_fork_asm end the chain with RBP = 0
                return
            if pc >= TASK_SIZE:
                if text[0] <= pc < text[1]:
                    yield decorator
                # else: a return address GDB read from a wrong place
                continue
            if frame.name() is not None:  # the program's symbols are loaded
                yield decorator
                continue
            yield UserFrame(decorator)
            return


# --- Commands --------------------------------------------------------------


class LxCommand(gdb.Command):
    """The helpers' common part: a memory error becomes one clear line."""

    def __init__(self, name):
        super().__init__(name, gdb.COMMAND_DATA)
        self.name = name

    def invoke(self, arg, from_tty):
        try:
            self.run(arg)
        except gdb.MemoryError as e:
            raise gdb.GdbError("%s: cannot read kernel memory (%s): is QEMU attached, "
                               "and the kernel past its early boot?" % (self.name, e))


class LxPs(LxCommand):
    """List every task: pid, tgid, ppid, state, cpu, on_rq, comm.

Usage: lx-ps

The tasks are init_task (pid 0, swapper/0: CPU 0's idle task), then each
process on its tasks list in creation order, each followed by its other
threads, as Linux's for_each_process_thread(). A task is listed once
copy_process() has linked it in, near its end.

  >N   in the first column: the task running on CPU N (pcpu_hot[N].current_task)
  ST   R running/runnable, S sleeping, D uninterruptible, T stopped,
       N new (in copy_process, not yet woken), Z zombie, X dead
  CPU  the CPU whose runqueue it belongs to; ON_RQ 1 when runnable"""

    def __init__(self):
        super().__init__("lx-ps")

    def run(self, arg):
        warn_if_not_connected()
        running = {ulong(cpu_curr(cpu)): cpu for cpu in online_cpus()}
        print("CUR   PID  TGID  PPID ST CPU ON_RQ TASK               COMM")
        for task in for_each_task():
            cpu = running.get(ulong(task))
            mark = ">%d" % cpu if cpu is not None else ""
            print("%-3s %5d %5d %5d %-2s %3d %5d %#018x %s" % (
                mark, int(task["pid"]), int(task["tgid"]), ppid(task), task_state(task)[0],
                int(task["cpu"]), int(task["on_rq"]), ulong(task), comm(task)))


class LxCurrent(LxCommand):
    """Show the task running on a CPU (`current`).

Usage: lx-current [CPU]

Without CPU, the CPU of GDB's selected thread (QEMU: thread N is CPU N-1;
`info threads`, `thread N` to change). The kernel finds it through the GS
base: pcpu_hot[cpu].current_task. $lx_current() gives the same task as a
value: p $lx_current()->comm"""

    def __init__(self):
        super().__init__("lx-current")

    def run(self, arg):
        cpu = int(arg) if arg.strip() else selected_cpu()
        task = cpu_curr(cpu)
        print("CPU %d: current = (struct task_struct *) %#x  %s" % (cpu, ulong(task), describe(task)))


class LxCurrentFunc(gdb.Function):
    """$lx_current([CPU]): the task_struct pointer running on CPU (default: the selected one)."""

    def __init__(self):
        super().__init__("lx_current")

    def invoke(self, cpu=None):
        return cpu_curr(int(cpu) if cpu is not None else selected_cpu())


class LxTask(LxCommand):
    """Show one task: identity, family, scheduling, kernel stack, mm and VMAs.

Usage: lx-task [PID]      (default: the current task of the selected CPU)

The kernel stack is [stack, stack + THREAD_SIZE); its lowest word must hold
STACK_END_MAGIC. A task that is switched out saved its stack pointer in
thread.sp. mm is the task's own address space (NULL for kernel threads);
active_mm is the one loaded while it runs. When there is an mm, its VMAs
are listed as /proc/PID/maps does."""

    def __init__(self):
        super().__init__("lx-task")

    def run(self, arg):
        warn_if_not_connected()
        task = find_task(arg) if arg.strip() else cpu_curr(selected_cpu())
        letter, state = task_state(task)
        flags = int(task["flags"])
        print("task %#x: pid %d, tgid %d, comm \"%s\"" % (ulong(task), int(task["pid"]), int(task["tgid"]), comm(task)))
        print("  state     %s (%s), __state %#x, exit_state %#x" % (letter, state, int(task["__state"]), int(task["exit_state"])))
        print("  flags     %#x %s" % (flags, " ".join(n for bit, n in PF_FLAGS if flags & bit) or "(none)"))
        print("  parent    %s, real_parent %s" % (describe(task["parent"]), describe(task["real_parent"])))
        children = [describe(c) for c in list_for_each_entry(task["children"], "struct task_struct", "sibling")]
        print("  children  %s" % (", ".join(children) or "none"))
        print("  sched     cpu %d, on_cpu %d, on_rq %d, time_slice %d, nr_switches %d, usage %d" % (
            int(task["cpu"]), int(task["on_cpu"]), int(task["on_rq"]), int(task["time_slice"]),
            int(task["nr_switches"]), int(task["usage"])))
        self.print_stack(task)
        print_mm(task, "mm")
        print_mm(task, "active_mm")
        self.print_vmas(task)

    @staticmethod
    def print_stack(task):
        base, size = ulong(task["stack"]), thread_size()
        if base == 0:
            print("  stack     none")
            return
        magic = read_ulong(base)
        print("  stack     %#x-%#x (%d KiB), end magic %s" % (
            base, base + size, size // 1024,
            "ok" if magic == STACK_END_MAGIC else "OVERWRITTEN (%#x): the stack overflowed" % magic))
        sp = ulong(task["thread"]["sp"])
        if ulong(task) in [ulong(cpu_curr(c)) for c in online_cpus()]:
            print("  thread.sp running now: its stack pointer is in the CPU's rsp")
        elif base <= sp < base + size:
            print("  thread.sp %#x (%d bytes of stack in use while switched out)" % (sp, base + size - sp))
        else:
            print("  thread.sp %#x (not in the stack: never switched in yet?)" % sp)

    @staticmethod
    def print_vmas(task):
        mm = task["mm"]
        if ulong(mm) == 0:
            print("  VMAs      no user address space (mm is NULL: a kernel thread, or user space not built yet)")
            return
        vmas = mm_vmas(mm)
        if vmas is None:
            print("  VMAs      (lx-task does not know how to walk this kernel's VMAs: see mm_vmas() in tools/gdb/forklift.py)")
            return
        print("  VMAs      %d" % len(vmas))
        for vma in vmas:
            print("    " + vma_line(vma))


class LxPagewalk(LxCommand):
    """Walk the four page-table levels for a virtual address.

Usage: lx-pagewalk ADDR [PID]

ADDR is a number or an expression (0xffffffff80100000, start_kernel,
&log_buf, $rsp). The walk uses PID's mm->pgd; for a task without an mm (a
kernel thread) its active_mm, else the kernel's swapper_pg_dir; without PID,
the current task of the selected CPU. Each level prints its index, the
entry's address and raw value, and its bits:

  P present  W writable  U user  PWT write-through  PCD cache disabled
  A accessed  D dirty  PS large page (a pud/pmd leaf)  G global  NX no-execute

then the physical address, the struct page of the frame (mem_map[pfn]) with
its _refcount (2 for a copy-on-write page shared by parent and child after
fork), and what the CPU allows, all levels combined.

PID may be an expression too: `lx-pagewalk ADDR p->pid` in wake_up_new_task,
`lx-pagewalk ADDR $lx_current()->real_parent->pid`. For a user address the
walk also shows the VMA holding it (or says there is none: an access is a
SIGSEGV) and, in a private writable area, whether a write would fault for
copy-on-write ("cow" line)."""

    def __init__(self):
        super().__init__("lx-pagewalk")

    def run(self, arg):
        argv = gdb.string_to_argv(arg)
        if len(argv) not in (1, 2):
            raise gdb.GdbError("usage: lx-pagewalk ADDR [PID]")
        warn_if_not_connected()
        addr = parse_address(argv[0])
        task = find_task(argv[1]) if len(argv) == 2 else cpu_curr(selected_cpu())
        pgd, why = task_pgd(task)
        print("lx-pagewalk %s for %s" % (symbolic(addr), describe(task)))
        print("  pgd at %#x: %s" % (pgd, why))
        vma = None
        if addr < TASK_SIZE and ulong(task["mm"]) != 0:
            vma = find_vma(task["mm"], addr)
            print("  vma   %s" % (vma_line(vma) if vma is not None else
                                  "none: no area of this mm holds the address (a user access: SIGSEGV)"))
        phys, entries = pagewalk(pgd, addr)
        if phys is None:
            print("  not mapped")
            return
        print("  phys  %#x (pfn %#x)" % (phys, phys >> PAGE_SHIFT))
        refcount = print_page(phys)
        print("  access: %s" % access_summary(entries))
        cow = cow_state(vma, entries[-1], refcount) if vma is not None else None
        if cow:
            print("  cow:  %s" % cow)


class LxRunqueues(LxCommand):
    """Show each CPU's runqueue: curr, idle, nr_running, nr_switches, the queue.

Usage: lx-runqueues

runqueues[cpu] (kernel/sched/sched.h struct rq). The queue lists runnable
tasks waiting for the CPU, first to run first; curr is not on it, nor is
idle, which runs when the queue is empty. nr_running counts curr too (not
idle). The lock value is shown so a stuck spinlock is visible."""

    def __init__(self):
        super().__init__("lx-runqueues")

    def run(self, arg):
        warn_if_not_connected()
        rqs = symbol_value("runqueues")
        for cpu in online_cpus():
            rq = rqs[cpu]
            print("CPU %d: runqueues[%d] at %#x, lock %s" % (cpu, cpu, ulong(rq.address), lock_state(rq["lock"])))
            print("  curr %s, idle %s" % (describe(rq["curr"]), describe(rq["idle"])))
            print("  nr_running %d, nr_switches %d" % (int(rq["nr_running"]), int(rq["nr_switches"])))
            queued = [describe(t) for t in list_for_each_entry(rq["queue"], "struct task_struct", "run_list")]
            print("  queue: %s" % (" -> ".join(queued) if queued else "empty"))


class LxDmesg(LxCommand):
    """Print the kernel log buffer (what printk wrote), oldest line first.

Usage: lx-dmesg

log_buf (kernel/printk.c) is a ring of text; log_next counts every byte
written since boot, so log_buf[log_next % sizeof(log_buf)] is the next byte
to write. Once more than the buffer's size was written, the oldest text is
gone: the output then starts at the first whole line still there. Lines
below the console log level (KERN_DEBUG) are in the buffer too."""

    def __init__(self):
        super().__init__("lx-dmesg")

    def run(self, arg):
        warn_if_not_connected()
        buf = symbol_value("log_buf")
        size = buf.type.sizeof
        written = ulong(symbol_value("log_next"))
        mem = gdb.selected_inferior().read_memory(ulong(buf.address), size).tobytes()
        if written <= size:
            text = mem[:written]
        else:
            start = written % size
            text = mem[start:] + mem[:start]
            text = text[text.find(b"\n") + 1:]  # the first line lost its head
            print("(log wrapped: %d bytes written, the oldest %d are gone)" % (written, written - size))
        gdb.write(text.decode("utf-8", "replace"))
        if text and not text.endswith(b"\n"):
            gdb.write("\n")


class LxConnect(gdb.Command):
    """Connect to QEMU's gdbstub, run to start_kernel, break on copy_process.

Usage: lx-connect [TARGET]

TARGET is HOST:PORT or a Unix socket path; the default is
$FORKLIFT_GDB_TARGET, else localhost:(1234 + uid % 1000), the port
`make debug` and `make debug-qemu` use. If the CPU has not reached the
kernel yet, a hardware breakpoint stops it at start_kernel (see the comment
in tools/gdb/gdbinit for why); then a breakpoint on copy_process is set and
a banner says how to stop at a fork from user space."""

    def __init__(self):
        super().__init__("lx-connect", gdb.COMMAND_RUNNING)

    def invoke(self, arg, from_tty):
        target = arg.strip() or os.environ.get("FORKLIFT_GDB_TARGET") or \
            "localhost:%d" % (1234 + os.getuid() % 1000)
        # Set before connecting: QEMU's x86-64 gdbstub always sends the 64-bit
        # register set, which only i386:x86-64 expects (gdbinit explains).
        gdb.execute("set architecture i386:x86-64")
        gdb.execute("target remote %s" % target)
        pc = ulong(gdb.parse_and_eval("$pc"))
        if pc < KERNEL_VMA:
            gdb.execute("thbreak start_kernel")
            gdb.execute("continue")
        bp = next((b for b in gdb.breakpoints() if b.location == "copy_process"), None)
        if bp is None:
            bp = gdb.Breakpoint("copy_process")
        print(BANNER.format(n=bp.number))


BANNER = """
  Forklift is stopped in start_kernel: long mode, the kernel's symbols work.
  Breakpoint {n} is on copy_process, where every new task is made.
    continue      the first hit: rest_init() creating pid 1 (kernel_init)
    bt            the call chain: rest_init -> user_mode_thread -> kernel_clone
  Then fork from user space: at the shell prompt on the serial console, run
  a program that forks, e.g. gdb_fork. To stop only for that one:
    condition {n} $_streq($lx_current()->comm, "gdb_fork")
    continue      (then type gdb_fork at the shell prompt)
  (or: condition {n} $lx_current()->mm   stops at every fork from user space)
    lx-ps, lx-task PID, lx-pagewalk ADDR [PID], lx-runqueues, lx-dmesg, lx-current
                  the kernel's state ("help lx-ps" for each; docs/debugging.md)
  Quit: "quit" (under make debug, QEMU stops with GDB).
"""

gdb.unwinder.register_unwinder(None, ForkliftEntryUnwinder(), replace=True)
ForkliftEntryFilter()

for cls in (LxPs, LxCurrent, LxCurrentFunc, LxTask, LxPagewalk, LxRunqueues, LxDmesg, LxConnect):
    cls()
