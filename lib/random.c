/* See include/linux/random.h. */
#include <linux/random.h>
#include <linux/spinlock.h>
#include <asm/cpufeature.h>
#include <asm/tsc.h>

static u64 state;
static DEFINE_SPINLOCK(random_lock);

static bool rdrand(u64 *v)
{
	unsigned char ok;

	__asm__ __volatile__("rdrand %0; setc %1" : "=r"(*v), "=qm"(ok));
	return ok;
}

u64 get_random_u64(void)
{
	unsigned long flags;
	u64 z;

	if (boot_cpu_has(X86_FEATURE_RDRAND) && rdrand(&z))
		return z;
	spin_lock_irqsave(&random_lock, flags);
	state += 0x9e3779b97f4a7c15ULL ^ rdtsc();
	z = state;
	spin_unlock_irqrestore(&random_lock, flags);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}
