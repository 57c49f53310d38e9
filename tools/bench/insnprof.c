/*
 * insnprof: a QEMU TCG plugin that counts the guest instructions executed
 * per translation block, keyed by the block's first address; at exit it
 * writes "ADDRESS COUNT" lines (hex, decimal) to $INSNPROF_OUT. Under
 * -icount shift=0 these counts are exactly what user/bench's ns measure,
 * so tools/bench/profile.sh can say which kernel function they go to.
 *
 * Debian ships no qemu-plugin.h, so the few declarations used are written
 * out here, from QEMU's plugin API version 1 (QEMU 7.2, Debian 12). One
 * CPU only (no locking): the benchmark boots use -smp 1.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

typedef uint64_t qemu_plugin_id_t;
struct qemu_plugin_tb;
enum qemu_plugin_cb_flags { QEMU_PLUGIN_CB_NO_REGS };
void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id,
	void (*cb)(qemu_plugin_id_t id, struct qemu_plugin_tb *tb));
void qemu_plugin_register_vcpu_tb_exec_cb(struct qemu_plugin_tb *tb,
	void (*cb)(unsigned int vcpu, void *udata), enum qemu_plugin_cb_flags flags, void *udata);
void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id,
	void (*cb)(qemu_plugin_id_t id, void *udata), void *udata);
size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
uint64_t qemu_plugin_tb_vaddr(const struct qemu_plugin_tb *tb);

__attribute__((visibility("default"))) int qemu_plugin_version = 1;

/* One entry per (address, length) of block: an open-addressing table. */
#define SLOTS (1u << 20)
struct block {
	uint64_t pc, insns;
	uint32_t n;
};
static struct block *table;
static FILE *out;

static struct block *lookup(uint64_t pc, uint32_t n)
{
	for (uint64_t h = (pc * 0x9E3779B97F4A7C15ull) >> 44;; h++) {
		struct block *b = &table[h & (SLOTS - 1)];

		if (b->pc == pc && b->n == n)
			return b;
		if (!b->pc) {
			b->pc = pc;
			b->n = n;
			return b;
		}
	}
}

static void on_exec(unsigned int vcpu, void *udata)
{
	struct block *b = udata;

	(void)vcpu;
	b->insns += b->n;
}

static void on_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
	struct block *b = lookup(qemu_plugin_tb_vaddr(tb), qemu_plugin_tb_n_insns(tb));

	(void)id;
	qemu_plugin_register_vcpu_tb_exec_cb(tb, on_exec, QEMU_PLUGIN_CB_NO_REGS, b);
}

static void at_exit(qemu_plugin_id_t id, void *udata)
{
	(void)id, (void)udata;
	for (uint32_t i = 0; i < SLOTS; i++)
		if (table[i].insns)
			fprintf(out, "%016llx %llu\n", (unsigned long long)table[i].pc,
				(unsigned long long)table[i].insns);
	fclose(out);
}

__attribute__((visibility("default")))
int qemu_plugin_install(qemu_plugin_id_t id, const void *info, int argc, char **argv)
{
	const char *path = getenv("INSNPROF_OUT");

	(void)info, (void)argc, (void)argv;
	table = calloc(SLOTS, sizeof(*table));
	out = fopen(path ? path : "insnprof.txt", "w");
	if (!table || !out)
		return -1;
	qemu_plugin_register_vcpu_tb_trans_cb(id, on_translate);
	qemu_plugin_register_atexit_cb(id, at_exit, NULL);
	return 0;
}
