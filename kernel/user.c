/*
 * struct user_struct: one per user id with credentials alive, holding the
 * count of that user's processes, which fork checks against RLIMIT_NPROC.
 * Found by uid through a small hash table. Linux: kernel/user.c (whose
 * counts moved to kernel/ucount.c in 5.14; here they stay in user_struct).
 *
 * Locking: uidhash_lock protects the hash chains, and a reference count
 * reaching zero, so a lookup never hands out a user_struct being freed.
 * The process count is atomic and needs no lock.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#define UIDHASH_BITS 7
#define UIDHASH_SZ (1 << UIDHASH_BITS)
#define UIDHASH_MASK (UIDHASH_SZ - 1)
#define __uidhashfn(uid) ((((uid) >> UIDHASH_BITS) + (uid)) & UIDHASH_MASK)
#define uidhashentry(uid) (uidhash_table + __uidhashfn(uid))

static struct list_head uidhash_table[UIDHASH_SZ];
static DEFINE_SPINLOCK(uidhash_lock);
static struct kmem_cache *uid_cachep;

/* root's, there from boot: init_cred points to it and is never freed. */
struct user_struct root_user = {
	.__count = ATOMIC_INIT(1),	/* init_cred's reference */
	.processes = ATOMIC_INIT(1),	/* init_task, which is never released */
	.uidhash_node = LIST_HEAD_INIT(root_user.uidhash_node),
	.uid = GLOBAL_ROOT_UID,
};

/* Linux: uid_hash_find(). The user_struct for uid, with a reference more,
 * or NULL. Caller holds uidhash_lock. */
static struct user_struct *uid_hash_find(kuid_t uid, struct list_head *hashent)
{
	struct user_struct *user;

	list_for_each_entry(user, hashent, uidhash_node) {
		if (uid_eq(user->uid, uid))
			return get_uid(user);
	}
	return NULL;
}

/* Linux: find_user(). The user_struct for uid if one exists (with a
 * reference the caller drops with free_uid), else NULL. */
struct user_struct *find_user(kuid_t uid)
{
	struct user_struct *ret;
	unsigned long flags;

	spin_lock_irqsave(&uidhash_lock, flags);
	ret = uid_hash_find(uid, uidhashentry(uid));
	spin_unlock_irqrestore(&uidhash_lock, flags);
	return ret;
}

/* Linux: free_uid(). Drop a reference; the last one unhashes and frees. */
void free_uid(struct user_struct *up)
{
	unsigned long flags;
	bool last;

	if (!up)
		return;
	spin_lock_irqsave(&uidhash_lock, flags);
	last = atomic_dec_and_test(&up->__count);
	if (last)
		list_del(&up->uidhash_node);
	spin_unlock_irqrestore(&uidhash_lock, flags);
	if (last) {
		WARN_ON(up == &root_user);
		WARN_ON(atomic_read(&up->processes) != 0);
		kmem_cache_free(uid_cachep, up);
	}
}

/*
 * Linux: alloc_uid(). The user_struct for uid, found or made, with a
 * reference for the caller; NULL if memory ran out. May sleep.
 */
struct user_struct *alloc_uid(kuid_t uid)
{
	struct list_head *hashent = uidhashentry(uid);
	struct user_struct *up, *new;
	unsigned long flags;

	up = find_user(uid);
	if (up)
		return up;
	new = kmem_cache_alloc(uid_cachep, GFP_KERNEL);
	if (!new)
		return NULL;
	new->uid = uid;
	atomic_set(&new->__count, 1);
	atomic_set(&new->processes, 0);

	/* Someone may have added the same uid while we allocated. */
	spin_lock_irqsave(&uidhash_lock, flags);
	up = uid_hash_find(uid, hashent);
	if (!up) {
		list_add(&new->uidhash_node, hashent);
		up = new;
		new = NULL;
	}
	spin_unlock_irqrestore(&uidhash_lock, flags);
	if (new)
		kmem_cache_free(uid_cachep, new);
	return up;
}

/* Linux: uid_cache_init() (a subsys_initcall there; called by cred_init()). */
void uid_cache_init(void)
{
	uid_cachep = kmem_cache_create("uid_cache", sizeof(struct user_struct), 0, SLAB_PANIC,
				       NULL);
	for (int n = 0; n < UIDHASH_SZ; ++n)
		INIT_LIST_HEAD(uidhash_table + n);
	list_add(&root_user.uidhash_node, uidhashentry(GLOBAL_ROOT_UID));
}
