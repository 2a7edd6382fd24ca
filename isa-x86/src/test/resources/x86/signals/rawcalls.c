/* The calls glibc does not use, made directly: the old sigaction, sigprocmask, sigpending and
   sigsuspend, and handlers installed without SA_RESTORER, which return through the kernel's own
   trampoline (the vDSO natively, the frame's retcode in Mimic). SIGKILL ends the process. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

struct old_action {
    void (*handler)(int);
    unsigned long mask;
    unsigned long flags;
    void (*restorer)(void);
};

struct kernel_action {
    void (*handler)(int);
    unsigned long flags;
    void (*restorer)(void);
    unsigned long long mask;
};

static volatile int hits;

static void handler(int sig) {
    unsigned long now = 0;
    syscall(SYS_sigprocmask, SIG_BLOCK, NULL, &now);
    printf("handler %d, blocked 0x%lx\n", sig, now);
    hits++;
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    struct old_action act = {handler, 1UL << (SIGUSR2 - 1), 0, NULL}, old;
    printf("old sigaction %ld\n", syscall(SYS_sigaction, SIGUSR1, &act, NULL));
    syscall(SYS_sigaction, SIGUSR1, NULL, &old);
    printf("read back: same handler %d mask 0x%lx\n", old.handler == handler, old.mask);
    kill(getpid(), SIGUSR1);

    unsigned long set = 1UL << (SIGUSR1 - 1), pending = 0;
    syscall(SYS_sigprocmask, SIG_BLOCK, &set, NULL);
    kill(getpid(), SIGUSR1);
    syscall(SYS_sigpending, &pending);
    printf("pending 0x%lx hits %d\n", pending, hits);
    alarm(1);
    struct kernel_action alrm = {handler, 0, NULL, 0};
    syscall(SYS_rt_sigaction, SIGALRM, &alrm, NULL, 8);
    long r = syscall(SYS_sigsuspend, 0, 0, 0UL);
    printf("sigsuspend %ld hits %d\n", r, hits);
    syscall(SYS_sigprocmask, SIG_BLOCK, NULL, &set);
    printf("mask back 0x%lx\n", set);

    struct kernel_action rt = {handler, SA_SIGINFO, NULL, 0};
    syscall(SYS_rt_sigaction, SIGUSR2, &rt, NULL, 8);
    kill(getpid(), SIGUSR2);
    printf("back from a handler without a restorer, hits %d\n", hits);
    kill(getpid(), SIGKILL);
    printf("not reached\n");
    return 0;
}
