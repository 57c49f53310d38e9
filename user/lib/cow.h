/*
 * cow.h: the copy-on-write check shared by cow_stack, cow_heap and
 * cow_globals. After fork, a write by either side must stay private to it,
 * in both directions. Two pipes force the order, so the result never
 * depends on scheduling:
 *
 *   1. before fork: the memory holds the "before" pattern;
 *   2. parent writes its pattern, then tells the child;
 *   3. child still sees "before", writes its own pattern, tells the parent;
 *   4. parent still sees its own pattern; child exits 0 if all was well;
 *   5. after reaping, the parent's memory is still its own.
 */
#ifndef USER_COW_H
#define USER_COW_H

#include "proc.h"

enum { BEFORE = 1, PARENT = 2, CHILD = 3 };

/* The byte at offset i under a pattern: differs per pattern and per byte. */
static inline unsigned char cow_byte(int pattern, size_t i)
{
	return (unsigned char)(pattern * 37 + i * 13 + (i >> 12));
}

/* Write a pattern over len bytes at p. */
static inline void cow_fill(volatile unsigned char *p, size_t len, int pattern)
{
	for (size_t i = 0; i < len; i++)
		p[i] = cow_byte(pattern, i);
}

/* The len bytes at p hold the pattern. */
static inline int cow_holds(volatile unsigned char *p, size_t len, int pattern)
{
	for (size_t i = 0; i < len; i++)
		if (p[i] != cow_byte(pattern, i))
			return 0;
	return 1;
}

/* Run steps 1-5 on len bytes at p; what names the memory in the output. */
static inline void cow_both_ways(volatile unsigned char *p, size_t len, const char *what)
{
	int to_child[2], to_parent[2];
	char line[160];
	pid_t pid;

	cow_fill(p, len, BEFORE);
	xpipe(to_child);
	xpipe(to_parent);
	pid = xfork();
	if (pid == 0) {
		recv_byte(to_child[0]);
		snprintf(line, sizeof(line), "child: %s still holds the pre-fork data after the parent wrote", what);
		PROP(cow_holds(p, len, BEFORE), line);
		cow_fill(p, len, CHILD);
		snprintf(line, sizeof(line), "child: %s holds the child's own write", what);
		PROP(cow_holds(p, len, CHILD), line);
		send_byte(to_parent[1], 'w');
		exit(0);
	}
	cow_fill(p, len, PARENT);
	send_byte(to_child[1], 'w');
	recv_byte(to_parent[0]);
	snprintf(line, sizeof(line), "parent: %s holds the parent's write, not the child's", what);
	PROP(cow_holds(p, len, PARENT), line);
	EXPECT_EXIT(pid, 0, "child");
	snprintf(line, sizeof(line), "parent: %s unchanged after the child exited", what);
	PROP(cow_holds(p, len, PARENT), line);
	close(to_child[0]), close(to_child[1]), close(to_parent[0]), close(to_parent[1]);
}

#endif /* USER_COW_H */
