/* Synchronous signals from faults: the siginfo, the trap number and error code in the sigcontext,
   and resuming by editing the saved EIP (a handler that returns) or by siglongjmp. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

static sigjmp_buf back;
static char *page;
extern char ud2_at[], int3_after[];

static void on_fault(int sig, siginfo_t *info, void *p) {
    ucontext_t *uc = p;
    greg_t *r = uc->uc_mcontext.gregs;
    printf("sig %d code %d trapno %d err %d", sig, info->si_code, (int) r[REG_TRAPNO], (int) r[REG_ERR]);
    if (sig == SIGSEGV) {
        char *a = info->si_addr;
        if (page && a >= page && a < page + 4096) {
            printf(" addr page+%d", (int) (a - page));
        } else {
            printf(" addr 0x%lx", (unsigned long) a);
        }
    }
    if (sig == SIGILL) {
        printf(" at-ud2 %d eip-at-ud2 %d", info->si_addr == ud2_at, (char *) r[REG_EIP] == ud2_at);
        r[REG_EIP] += 2;
        r[REG_EAX] = 1234;
        printf("\n");
        return;
    }
    if (sig == SIGTRAP) {
        printf(" eip-after-int3 %d\n", (char *) r[REG_EIP] == int3_after);
        return;
    }
    if (sig == SIGFPE) {
        printf(" eip-ok %d", (void *) r[REG_EIP] == info->si_addr);
    }
    printf("\n");
    siglongjmp(back, 1);
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGILL, &sa, NULL);
    sigaction(SIGFPE, &sa, NULL);
    sigaction(SIGTRAP, &sa, NULL);

    if (!sigsetjmp(back, 1)) {
        *(volatile int *) 0x10 = 1;
    }
    if (!sigsetjmp(back, 1)) {
        printf("read %d\n", *(volatile int *) 0x2000);
    }
    page = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    printf("page reads %d\n", page[100]); /* present now, so the write below is a protection fault */
    if (!sigsetjmp(back, 1)) {
        page[100] = 1;
    }
    volatile int zero = 0;
    if (!sigsetjmp(back, 1)) {
        printf("%d\n", 7 / zero);
    }
    int eax;
    __asm__ volatile("mov $1, %%eax\n.globl ud2_at\nud2_at: ud2\n" : "=a"(eax));
    printf("after ud2 eax %d\n", eax);
    __asm__ volatile("int3\n.globl int3_after\nint3_after: nop\n");
    printf("after int3\n");

    sigset_t now;
    sigprocmask(SIG_BLOCK, NULL, &now);
    printf("segv blocked after longjmp %d\n", sigismember(&now, SIGSEGV));
    signal(SIGSEGV, SIG_DFL);
    *(volatile int *) 0x10 = 2;
    printf("not reached\n");
    return 0;
}
