/*
 * Lock debugging: the graph of lock classes and the checks made on it
 * (linux/lockdep.h says what it is for; docs/locking.md how to read its
 * reports). Compiled in with `make LOCKDEP=1` only.
 *
 * Every lock_acquire() runs, with interrupts off:
 *   1. find the lock's class (cached in the lock after the first time);
 *   2. recursion: does this context already hold a lock of that class?
 *   3. irq state: is the class taken in a hardirq handler, and elsewhere
 *      with interrupts on? Then the handler can interrupt a holder and spin
 *      on the lock forever;
 *   4. order: is the dependency prev -> new (prev: the lock held below it)
 *      new? Then search the graph for a path new -> ... -> prev: with one,
 *      the two orders can deadlock against each other (report); without,
 *      add the edge;
 *   5. push the lock on the task's held_locks stack.
 * The graph only grows, so steps 1-4 read it without a lock and the common
 * case (a known dependency) costs a few loads. Adding a class or an edge
 * takes lockdep_lock: a bare arch_spinlock_t, which lockdep does not track.
 * Tables are static (no allocation in the lock path, and locks taken before
 * the allocator works are checked too); when one fills up, lockdep says so
 * and turns itself off. Each problem is reported once, then the kernel goes
 * on, so a test run collects every report (tests/boot.list rejects them).
 *
 * Linux: kernel/locking/lockdep.c, which also proves irq-safe -> irq-unsafe
 * orders, knows read and recursive-read locks and softirqs, caches whole
 * lock chains by hash and keeps a stack trace per dependency (here an edge
 * remembers the two places the locks were taken).
 */
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <asm/stacktrace.h>

#define MAX_LOCKDEP_KEYS	256	/* lock classes */
#define MAX_LOCKDEP_ENTRIES	1024	/* dependencies: edges of the graph */
#define MAX_CHAIN_PRINT		16	/* the longest chain a report prints */
#define MAX_PRINTED_REPORTS	5	/* per kind, where there is no "once per pair" */
#define LONG_BITS		(8 * sizeof(long))

/* One lock class. Linux: struct lock_class. */
struct lock_class {
	const void *key;		/* the lock_class_key, or a static lock's map */
	unsigned int subclass;
	const char *name;
	int first_dep;			/* its first edge in list_entries; -1: none */
	unsigned int usage;		/* LOCKF_* */
	unsigned long usage_ip[2];	/* where first taken in hardirq, with irqs on */
	bool recursion_reported;
};

#define LOCKF_USED_IN_HARDIRQ	1	/* taken in an interrupt handler */
#define LOCKF_ENABLED_HARDIRQ	2	/* taken with interrupts on */

/* A dependency: `to` was taken while `from` was held. Linux: struct lock_list. */
struct lock_list {
	unsigned short from, to;	/* lock_classes indices */
	int next;			/* the next edge out of `from`; -1: none */
	unsigned long from_ip;		/* where `from` had been taken */
	unsigned long to_ip;		/* where `to` was then taken */
};

static struct lock_class lock_classes[MAX_LOCKDEP_KEYS];
static unsigned int nr_lock_classes;
static struct lock_list list_entries[MAX_LOCKDEP_ENTRIES];
static unsigned int nr_list_entries;
/* Bit b of dep_checked[a]: the order a -> b was seen (an edge, or a report). */
static unsigned long dep_checked[MAX_LOCKDEP_KEYS][MAX_LOCKDEP_KEYS / LONG_BITS];
static arch_spinlock_t lockdep_lock = __ARCH_SPIN_LOCK_UNLOCKED;

bool debug_locks = true;
struct lockdep_stats lockdep_stats;

extern char _data[], _end[];	/* linker.ld: the kernel's data and bss */

/* Give up: a table is full or the state is beyond repair. Linux: debug_locks_off(). */
static void lockdep_off(const char *why)
{
	if (!__atomic_exchange_n(&debug_locks, false, __ATOMIC_RELAXED))
		return;
	pr_err("BUG: %s\nturning off the locking correctness validator.\n", why);
	dump_stack();
}

/* Was the order a -> b seen? Lock-free: a bit once set stays set. */
static bool dep_seen(unsigned int a, unsigned int b)
{
	return __atomic_load_n(&dep_checked[a][b / LONG_BITS], __ATOMIC_ACQUIRE) &
	       (1UL << (b % LONG_BITS));
}

/* Caller holds lockdep_lock, and has added the edge (or reported it). */
static void set_dep_seen(unsigned int a, unsigned int b)
{
	__atomic_fetch_or(&dep_checked[a][b / LONG_BITS], 1UL << (b % LONG_BITS),
			  __ATOMIC_RELEASE);
}

/* "(name)" or, for a nesting subclass, "(name/1)", as Linux prints them.
 * Reports print whole lines (no KERN_CONT), so CPUs do not interleave them. */
struct class_str {
	char s[64];
};

static struct class_str class_str(const struct lock_class *c)
{
	struct class_str b;

	if (c->subclass)
		snprintf(b.s, sizeof(b.s), "(%s/%u)", c->name, c->subclass);
	else
		snprintf(b.s, sizeof(b.s), "(%s)", c->name);
	return b;
}

/* Say at boot that this kernel checks its locks, and with what room.
 * Linux: lockdep_info(). */
void lockdep_info(void)
{
	pr_info("Lock dependency validator: up to %d classes, %d dependencies, %d locks held per task\n",
		MAX_LOCKDEP_KEYS, MAX_LOCKDEP_ENTRIES, MAX_LOCK_DEPTH);
}

/* Every dependency seen so far, one "(A) -> (B)" line each, each line
 * starting with prefix. Linux: /proc/lockdep. */
void lockdep_print_dependencies(const char *prefix)
{
	unsigned int n = __atomic_load_n(&nr_list_entries, __ATOMIC_ACQUIRE);

	for (unsigned int i = 0; i < n; i++) {
		const struct lock_list *e = &list_entries[i];

		pr_info("%s%s -> %s\n", prefix, class_str(&lock_classes[e->from]).s,
			class_str(&lock_classes[e->to]).s);
	}
}

/* Linux: lockdep_init_map(). Which class the lock's acquisitions count in. */
void lockdep_init_map(struct lockdep_map *lock, const char *name, struct lock_class_key *key)
{
	lock->key = key;
	lock->name = name;
	lock->class_cache = NULL;
}

/* Reset a new task's held locks (dup_task_struct() copied its parent's).
 * Linux: lockdep_init_task(). */
void lockdep_init_task(struct task_struct *p)
{
	p->lockdep_depth = 0;
	p->lockdep_recursion = 0;
}

static bool class_matches(const struct lock_class *c, const void *key, unsigned int subclass)
{
	return c->key == key && c->subclass == subclass;
}

/*
 * The class of `lock` taken as `subclass`, registered on first sight; NULL
 * when lockdep is off. Classes are only ever appended, and nr_lock_classes
 * is published after the class is filled in, so the search runs unlocked.
 * Linux: look_up_lock_class(), register_lock_class().
 */
static struct lock_class *look_up_class(struct lockdep_map *lock, unsigned int subclass)
{
	const void *key = lock->key ? (const void *)lock->key : lock;
	unsigned int i, n = __atomic_load_n(&nr_lock_classes, __ATOMIC_ACQUIRE);
	struct lock_class *c = NULL;

	if (!subclass && lock->class_cache)
		return lock->class_cache;
	for (i = 0; i < n && !c; i++)
		if (class_matches(&lock_classes[i], key, subclass))
			c = &lock_classes[i];
	if (!c) {
		/* A keyless lock is keyed by its own address: fine for a static
		 * one, but one in a heap or stack object would be a new class
		 * each time. Linux: "INFO: trying to register non-static key". */
		if (!lock->key && ((char *)lock < _data || (char *)lock >= _end)) {
			lockdep_off("lock without a class key (spin_lock_init() it, or make it static)");
			return NULL;
		}
		arch_spin_lock(&lockdep_lock);
		for (i = n; i < nr_lock_classes && !c; i++)	/* added meanwhile? */
			if (class_matches(&lock_classes[i], key, subclass))
				c = &lock_classes[i];
		if (!c && nr_lock_classes < MAX_LOCKDEP_KEYS) {
			c = &lock_classes[nr_lock_classes];
			*c = (struct lock_class){ .key = key, .subclass = subclass,
						  .name = lock->name, .first_dep = -1 };
			__atomic_store_n(&nr_lock_classes, nr_lock_classes + 1, __ATOMIC_RELEASE);
			lockdep_stats.classes = nr_lock_classes;
		}
		arch_spin_unlock(&lockdep_lock);
		if (!c) {
			lockdep_off("MAX_LOCKDEP_KEYS too low!");
			return NULL;
		}
	}
	if (!subclass)
		lock->class_cache = c;
	return c;
}

#define HCLASS(h) class_str(&lock_classes[(h)->class_idx]).s

/* Linux: lockdep_print_held_locks(). Only for current, or a task that is not running. */
void lockdep_print_held_locks(struct task_struct *p)
{
	if (!p->lockdep_depth) {
		pr_warn("no locks held by %s/%d.\n", p->comm, p->pid);
		return;
	}
	pr_warn("%d lock%s held by %s/%d:\n", p->lockdep_depth, p->lockdep_depth > 1 ? "s" : "",
		p->comm, p->pid);
	for (int i = 0; i < p->lockdep_depth; i++) {
		struct held_lock *h = &p->held_locks[i];

		pr_warn(" #%d: %s, at: %pS\n", i, HCLASS(h), (void *)h->acquire_ip);
	}
}

static void print_banner(const char *title, char line)
{
	char rule[64];
	size_t n = min(strlen(title), sizeof(rule) - 1);

	memset(rule, line, n);
	rule[n] = '\0';
	pr_warn("\n%s\n", rule);
	pr_warn("%s\n", title);
	memset(rule, '-', n);
	pr_warn("%s\n", rule);
}

/* The end of every report: what the task holds, and how it got here. */
static void print_report_end(struct task_struct *curr)
{
	pr_warn("\n");
	lockdep_print_held_locks(curr);
	pr_warn("\nstack backtrace:\n");
	dump_stack();
}

/* The first lines of a report on two locks. */
static void print_acquire(struct task_struct *curr, struct held_lock *prev,
			  struct held_lock *next)
{
	pr_warn("%s/%d is trying to acquire lock:\n", curr->comm, curr->pid);
	pr_warn(" %s, at: %pS\n", HCLASS(next), (void *)next->acquire_ip);
	pr_warn("\nbut task is already holding lock:\n");
	pr_warn(" %s, at: %pS\n", HCLASS(prev), (void *)prev->acquire_ip);
}

/* Linux: print_deadlock_bug(). */
static void print_deadlock(struct task_struct *curr, struct held_lock *prev,
			   struct held_lock *next)
{
	struct lock_class *c = &lock_classes[next->class_idx];

	print_banner("WARNING: possible recursive locking detected", '=');
	print_acquire(curr, prev, next);
	pr_warn("\nother info that might help us debug this:\n");
	pr_warn(" Possible unsafe locking scenario:\n\n       CPU0\n       ----\n");
	pr_warn("  lock(%s);\n  lock(%s);\n\n *** DEADLOCK ***\n\n", c->name, c->name);
	if (prev->instance == next->instance)
		pr_warn(" The same lock, taken twice.\n");
	else
		pr_warn(" May be due to missing lock nesting notation (spin_lock_nested())\n");
	print_report_end(curr);
}

/*
 * Is a lock of next's class already held in this context? The same lock
 * deadlocks at once; another lock of the class may be a real AB-BA between
 * two instances, or a nesting the code did not annotate: both are reported.
 * Linux: check_deadlock().
 */
static void check_deadlock(struct task_struct *curr, struct held_lock *next)
{
	for (int i = 0; i < curr->lockdep_depth; i++) {
		struct held_lock *prev = &curr->held_locks[i];
		struct lock_class *c = &lock_classes[next->class_idx];

		if (prev->class_idx != next->class_idx || prev->hardirq != next->hardirq)
			continue;
		__atomic_add_fetch(&lockdep_stats.recursive, 1, __ATOMIC_RELAXED);
		if (!__atomic_exchange_n(&c->recursion_reported, true, __ATOMIC_RELAXED))
			print_deadlock(curr, prev, next);
		return;
	}
}

/* The names for the two usage bits, as in Linux's reports. */
static const char *const usage_str[] = { "IN-HARDIRQ-W", "HARDIRQ-ON-W" };

/* Linux: print_usage_bug(). `bit` is the usage just seen, the other the old one. */
static void print_usage_bug(struct task_struct *curr, struct held_lock *h, int bit)
{
	struct lock_class *c = &lock_classes[h->class_idx];
	int old = !bit;

	print_banner("WARNING: inconsistent lock state", '=');
	pr_warn("inconsistent {%s} -> {%s} usage.\n", usage_str[old], usage_str[bit]);
	pr_warn("%s/%d [HC%d] takes:\n", curr->comm, curr->pid, h->hardirq);
	pr_warn(" %s, at: %pS\n", HCLASS(h), (void *)h->acquire_ip);
	pr_warn("{%s} state was registered at:\n  %pS\n", usage_str[old],
		(void *)c->usage_ip[old]);
	pr_warn("\nother info that might help us debug this:\n");
	pr_warn(" Possible unsafe locking scenario:\n\n       CPU0\n       ----\n");
	pr_warn("  lock(%s);\n  <Interrupt>\n    lock(%s);\n\n *** DEADLOCK ***\n",
		c->name, c->name);
	pr_warn("(use spin_lock_irqsave() where interrupts may be on)\n");
	print_report_end(curr);
}

/*
 * Record how the class is used: in a hardirq handler, or with interrupts
 * on. Both at once is a deadlock waiting for the interrupt to come at the
 * wrong moment. (Linux also marks held locks when interrupts are turned on
 * later, and checks the usage of every lock ordered before or after; this
 * checks the lock itself, when it is taken.) Linux: mark_lock(), valid_state().
 */
static void mark_usage(struct task_struct *curr, struct held_lock *h, bool irqs_off)
{
	struct lock_class *c = &lock_classes[h->class_idx];
	int bit = h->hardirq ? 0 : 1;	/* an index into usage_ip and usage_str */
	bool conflict;

	if (!h->hardirq && irqs_off)
		return;	/* no interrupt can come while it is held: safe either way */
	if (READ_ONCE(c->usage) & (1u << bit))
		return;
	arch_spin_lock(&lockdep_lock);
	c->usage_ip[bit] = h->acquire_ip;
	c->usage |= 1u << bit;
	conflict = c->usage == (LOCKF_USED_IN_HARDIRQ | LOCKF_ENABLED_HARDIRQ);
	arch_spin_unlock(&lockdep_lock);
	if (conflict) {
		__atomic_add_fetch(&lockdep_stats.inconsistent, 1, __ATOMIC_RELAXED);
		print_usage_bug(curr, h, bit);
	}
}

/*
 * Breadth-first search for a path of edges from class `from` to class `to`.
 * Fills path[] with the edges in order (at most MAX_CHAIN_PRINT: a longer
 * chain is cut short) and returns how many, or 0 if there is no path.
 * Caller holds lockdep_lock (the search's own arrays are static).
 * Linux: check_noncircular() -> __bfs_forwards().
 */
static int find_path(unsigned int from, unsigned int to, int path[MAX_CHAIN_PRINT])
{
	static int via[MAX_LOCKDEP_KEYS];	/* the edge that reached each class; -1: not yet */
	static unsigned short queue[MAX_LOCKDEP_KEYS];
	unsigned int head = 0, tail = 0, n = 0;

	for (unsigned int i = 0; i < nr_lock_classes; i++)
		via[i] = -1;
	queue[tail++] = from;
	while (head < tail) {
		unsigned int c = queue[head++];

		for (int e = lock_classes[c].first_dep; e >= 0; e = list_entries[e].next) {
			unsigned int t = list_entries[e].to;

			if (t == from || via[t] >= 0)
				continue;
			via[t] = e;
			if (t == to)
				goto found;
			queue[tail++] = t;
		}
	}
	return 0;
found:
	/* Walk back from `to`, then reverse. */
	for (unsigned int c = to; c != from && n < MAX_CHAIN_PRINT; c = list_entries[via[c]].from)
		path[n++] = via[c];
	for (unsigned int i = 0; i < n / 2; i++) {
		int t = path[i];

		path[i] = path[n - 1 - i];
		path[n - 1 - i] = t;
	}
	return n;
}

/* Linux: print_circular_bug(). path[]: the existing chain next -> ... -> prev. */
static void print_circular(struct task_struct *curr, struct held_lock *prev,
			   struct held_lock *next, const int *path, int n)
{
	const char *target = lock_classes[prev->class_idx].name;
	const char *source = lock_classes[next->class_idx].name;
	const char *parent = lock_classes[list_entries[path[n - 1]].from].name;

	print_banner("WARNING: possible circular locking dependency detected", '=');
	print_acquire(curr, prev, next);
	pr_warn("\nwhich lock already depends on the new lock.\n\n");
	pr_warn("the existing dependency chain (in reverse order) is:\n");
	for (int i = n - 1; i >= 0; i--) {
		const struct lock_list *e = &list_entries[path[i]];

		pr_warn("\n-> #%d %s:\n", i + 1, class_str(&lock_classes[e->to]).s);
		pr_warn("       taken at %pS\n", (void *)e->to_ip);
		pr_warn("       while holding %s, taken at %pS\n",
			class_str(&lock_classes[e->from]).s, (void *)e->from_ip);
	}
	pr_warn("\n-> #0 %s:\n", HCLASS(next));
	pr_warn("       taken now at %pS\n", (void *)next->acquire_ip);
	pr_warn("\nother info that might help us debug this:\n\n");
	if (n > 1)
		pr_warn("Chain exists of:\n  %s --> %s --> %s\n\n", source, parent, target);
	pr_warn(" Possible unsafe locking scenario:\n\n");
	pr_warn("       CPU0                    CPU1\n       ----                    ----\n");
	pr_warn("  lock(%s);\n", target);
	pr_warn("                               lock(%s);\n", parent);
	pr_warn("                               lock(%s);\n", target);
	pr_warn("  lock(%s);\n\n *** DEADLOCK ***\n", source);
	print_report_end(curr);
}

/*
 * The dependency prev -> next: known already (the common case, no lock
 * taken), or new: then it must not close a cycle. The pair is marked seen
 * either way, so each inversion is reported once.
 * Linux: check_prev_add().
 */
static void check_prev_add(struct task_struct *curr, struct held_lock *prev,
			   struct held_lock *next)
{
	unsigned int a = prev->class_idx, b = next->class_idx;
	int path[MAX_CHAIN_PRINT], n;

	if (a == b || dep_seen(a, b))	/* same class: check_deadlock()'s business */
		return;
	arch_spin_lock(&lockdep_lock);
	if (dep_seen(a, b)) {
		arch_spin_unlock(&lockdep_lock);
		return;
	}
	n = find_path(b, a, path);
	if (!n && nr_list_entries < MAX_LOCKDEP_ENTRIES) {
		struct lock_list *e = &list_entries[nr_list_entries];

		*e = (struct lock_list){ .from = a, .to = b, .next = lock_classes[a].first_dep,
					 .from_ip = prev->acquire_ip, .to_ip = next->acquire_ip };
		lock_classes[a].first_dep = nr_list_entries++;
		lockdep_stats.dependencies = nr_list_entries;
	}
	set_dep_seen(a, b);
	arch_spin_unlock(&lockdep_lock);	/* reports print without it */
	if (n) {
		__atomic_add_fetch(&lockdep_stats.circular, 1, __ATOMIC_RELAXED);
		print_circular(curr, prev, next, path, n);
	} else if (nr_list_entries >= MAX_LOCKDEP_ENTRIES) {
		lockdep_off("MAX_LOCKDEP_ENTRIES too low!");
	}
}

/*
 * Add the dependencies of next on the locks held: on the one just below
 * it, and below that while those were trylocks (a trylock never waits, so
 * it adds no order of its own; the lock under it still does). Locks of the
 * interrupted context are not dependencies of a handler's locks: the
 * interrupt may come anywhere. Linux: check_prevs_add().
 */
static void check_prevs_add(struct task_struct *curr, struct held_lock *next)
{
	for (int i = curr->lockdep_depth - 1; i >= 0; i--) {
		struct held_lock *prev = &curr->held_locks[i];

		if (prev->hardirq != next->hardirq)
			break;
		check_prev_add(curr, prev, next);
		if (!prev->trylock)
			break;
	}
}

/* Linux: __lock_acquire(). Interrupts are off; irqs_off: they were already. */
static void __lock_acquire(struct task_struct *curr, struct lockdep_map *lock,
			   unsigned int subclass, int trylock, unsigned long ip, bool irqs_off)
{
	struct lock_class *class;
	struct held_lock *h;

	if (subclass >= MAX_LOCKDEP_SUBCLASSES) {
		lockdep_off("subclass too large (MAX_LOCKDEP_SUBCLASSES)");
		return;
	}
	class = look_up_class(lock, subclass);
	if (!class)
		return;
	if (curr->lockdep_depth >= MAX_LOCK_DEPTH) {
		lockdep_off("MAX_LOCK_DEPTH too low!");
		return;
	}
	h = &curr->held_locks[curr->lockdep_depth];
	*h = (struct held_lock){ .acquire_ip = ip, .instance = lock,
				 .class_idx = class - lock_classes, .trylock = trylock,
				 .hardirq = in_hardirq() != 0 };
	if (h->hardirq)
		__atomic_add_fetch(&lockdep_stats.hardirq_acquires, 1, __ATOMIC_RELAXED);
	if (!trylock)	/* a trylock cannot deadlock: it never waits */
		check_deadlock(curr, h);
	mark_usage(curr, h, irqs_off);
	if (!trylock)
		check_prevs_add(curr, h);
	curr->lockdep_depth++;
}

/*
 * The hook every lock calls before it may wait (or, for a trylock, once it
 * has the lock). Interrupts are off meanwhile, so an interrupt handler's
 * locks do not interleave with the task's half-updated stack; the task's
 * lockdep_recursion keeps lockdep's own printk from being checked.
 * Linux: lock_acquire().
 */
void lock_acquire(struct lockdep_map *lock, unsigned int subclass, int trylock,
		  unsigned long ip)
{
	struct task_struct *curr = current;
	bool irqs_off = irqs_disabled();
	unsigned long flags;

	if (!READ_ONCE(debug_locks) || curr->lockdep_recursion)
		return;
	local_irq_save(flags);
	curr->lockdep_recursion++;
	__lock_acquire(curr, lock, subclass, trylock, ip, irqs_off);
	curr->lockdep_recursion--;
	local_irq_restore(flags);
}

/* Linux: print_unlock_imbalance_bug(). */
static void print_unlock_imbalance(struct task_struct *curr, struct lockdep_map *lock,
				   unsigned long ip)
{
	if (__atomic_add_fetch(&lockdep_stats.bad_unlock, 1, __ATOMIC_RELAXED) > MAX_PRINTED_REPORTS)
		return;
	print_banner("WARNING: bad unlock balance detected!", '=');
	pr_warn("%s/%d is trying to release lock (%s) at:\n", curr->comm, curr->pid, lock->name);
	pr_warn("%pS\n", (void *)ip);
	pr_warn("but there are no more locks to release!\n");
	print_report_end(curr);
}

/* Take the lock off the task's stack, wherever it is (locks need not be
 * released in the order they were taken). Linux: lock_release(). */
void lock_release(struct lockdep_map *lock, unsigned long ip)
{
	struct task_struct *curr = current;
	unsigned long flags;
	int i;

	if (!READ_ONCE(debug_locks) || curr->lockdep_recursion)
		return;
	local_irq_save(flags);
	curr->lockdep_recursion++;
	for (i = curr->lockdep_depth - 1; i >= 0; i--)
		if (curr->held_locks[i].instance == lock)
			break;
	if (i < 0) {
		print_unlock_imbalance(curr, lock, ip);
	} else {
		curr->lockdep_depth--;
		memmove(&curr->held_locks[i], &curr->held_locks[i + 1],
			(curr->lockdep_depth - i) * sizeof(struct held_lock));
	}
	curr->lockdep_recursion--;
	local_irq_restore(flags);
}

/* Does the current task hold this lock? For lockdep_assert_held(). */
bool lock_is_held(const struct lockdep_map *lock)
{
	struct task_struct *curr = current;

	for (int i = 0; i < curr->lockdep_depth; i++)
		if (curr->held_locks[i].instance == lock)
			return true;
	return false;
}

/*
 * might_sleep(): the caller is about to sleep, which it must not do with
 * a spinlock held (preempt_count() > 0) or interrupts off: the CPU would
 * switch away from a task that others spin on, or never take the timer
 * interrupt again. Linux: kernel/sched/core.c __might_sleep().
 */
void __might_sleep(const char *file, int line)
{
	struct task_struct *curr = current;

	if (likely(!preempt_count() && !irqs_disabled()) || oops_in_progress)
		return;
	if (__atomic_add_fetch(&lockdep_stats.sleep_atomic, 1, __ATOMIC_RELAXED) > MAX_PRINTED_REPORTS)
		return;
	pr_warn("BUG: sleeping function called from invalid context at %s:%d\n", file, line);
	pr_warn("in_atomic(): %d, irqs_disabled(): %d, pid: %d, name: %s\n",
	       preempt_count() != 0, irqs_disabled(), curr->pid, curr->comm);
	curr->lockdep_recursion++;
	print_report_end(curr);
	curr->lockdep_recursion--;
}
