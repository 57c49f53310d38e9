/*
 * Supplementary group ids: the groups a process belongs to besides its
 * real and effective gid, for file permission checks. Kept sorted in a
 * struct group_info that creds share by reference. Linux: kernel/groups.c.
 */
#include <linux/kernel.h>
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

/* Linux: groups_alloc(). Room for gidsetsize groups, one reference. */
struct group_info *groups_alloc(int gidsetsize)
{
	struct group_info *gi = kmalloc(sizeof(*gi) + sizeof(kgid_t) * gidsetsize, GFP_KERNEL);

	if (!gi)
		return NULL;
	atomic_set(&gi->usage, 1);
	gi->ngroups = gidsetsize;
	return gi;
}

/* Linux: groups_free(). Called by put_group_info() for the last reference. */
void groups_free(struct group_info *group_info)
{
	BUG_ON(group_info == &init_groups);
	kfree(group_info);
}

/* Move gid[i] down the heap of the first n entries until it is below no
 * bigger one. */
static void sift_down(kgid_t *gid, int i, int n)
{
	for (int child; (child = 2 * i + 1) < n; i = child) {
		if (child + 1 < n && gid[child + 1] > gid[child])
			child++;
		if (gid[i] >= gid[child])
			return;
		kgid_t tmp = gid[i];
		gid[i] = gid[child];
		gid[child] = tmp;
	}
}

/* Linux: groups_sort(), which calls lib/sort.c's sort() (a heapsort, as
 * here: no recursion, no extra memory, n log n even for 65536 groups). */
void groups_sort(struct group_info *group_info)
{
	kgid_t *gid = group_info->gid;
	int n = group_info->ngroups;

	for (int i = n / 2 - 1; i >= 0; i--)
		sift_down(gid, i, n);
	for (int end = n - 1; end > 0; end--) {
		kgid_t tmp = gid[0];
		gid[0] = gid[end];
		gid[end] = tmp;
		sift_down(gid, 0, end);
	}
}

/* Linux: groups_search(). Is grp among the (sorted) groups? */
bool groups_search(const struct group_info *group_info, kgid_t grp)
{
	int left = 0, right = group_info->ngroups;

	while (left < right) {
		int mid = (left + right) / 2;

		if (grp > group_info->gid[mid])
			left = mid + 1;
		else if (grp < group_info->gid[mid])
			right = mid;
		else
			return true;
	}
	return false;
}

/* Linux: set_groups(). Give new (from prepare_creds) these sorted groups;
 * new takes its own reference. */
void set_groups(struct cred *new, struct group_info *group_info)
{
	put_group_info(new->group_info);
	new->group_info = get_group_info(group_info);
}

/* Linux: set_current_groups(). The current task's groups become these
 * (copy-on-write, as every cred change). 0 or -ENOMEM. */
int set_current_groups(struct group_info *group_info)
{
	struct cred *new = prepare_creds();

	if (!new)
		return -ENOMEM;
	set_groups(new, group_info);
	return commit_creds(new);
}

/* Linux: in_group_p(). Is grp the current fsgid or a supplementary group? */
bool in_group_p(kgid_t grp)
{
	const struct cred *cred = current_cred();

	return gid_eq(grp, cred->fsgid) || groups_search(cred->group_info, grp);
}

/* Linux: in_egroup_p(). The same, against the effective gid. */
bool in_egroup_p(kgid_t grp)
{
	const struct cred *cred = current_cred();

	return gid_eq(grp, cred->egid) || groups_search(cred->group_info, grp);
}

/*
 * getgroups(size, list): the supplementary groups, into list if size > 0.
 * Returns how many there are; -EINVAL if size is negative or too small.
 */
SYSCALL_DEFINE2(getgroups, int, gidsetsize, gid_t __user *, grouplist)
{
	const struct group_info *gi = current_cred()->group_info;

	if (gidsetsize < 0)
		return -EINVAL;
	if (!gidsetsize)
		return gi->ngroups;
	if (gi->ngroups > gidsetsize)
		return -EINVAL;
	if (copy_to_user(grouplist, gi->gid, sizeof(kgid_t) * gi->ngroups))
		return -EFAULT;
	return gi->ngroups;
}

/*
 * setgroups(size, list): replace the supplementary groups. Needs
 * CAP_SETGID (-EPERM); -EINVAL for more than NGROUPS_MAX or the invalid
 * gid -1 in the list.
 */
SYSCALL_DEFINE2(setgroups, int, gidsetsize, gid_t __user *, grouplist)
{
	struct group_info *group_info;
	int retval;

	if (!capable(CAP_SETGID))
		return -EPERM;
	if ((unsigned int)gidsetsize > NGROUPS_MAX)
		return -EINVAL;
	group_info = groups_alloc(gidsetsize);
	if (!group_info)
		return -ENOMEM;
	retval = 0;
	if (copy_from_user(group_info->gid, grouplist, sizeof(kgid_t) * gidsetsize))
		retval = -EFAULT;
	for (int i = 0; !retval && i < gidsetsize; i++)	/* Linux: groups_from_user() */
		if (!gid_valid(group_info->gid[i]))
			retval = -EINVAL;
	if (!retval) {
		groups_sort(group_info);
		retval = set_current_groups(group_info);
	}
	put_group_info(group_info);
	return retval;
}
