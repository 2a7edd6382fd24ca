/* Handlers with and without SA_SIGINFO, siginfo for kill and raise, masks, pending signals,
   SA_RESETHAND, SA_NODEFER and sa_mask, and FPU state surviving a handler. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#ifndef SA_RESTORER
#define SA_RESTORER 0x04000000 /* the kernel's flag, which glibc sets and reports back */
#endif

static volatile int count;

static int blocked(int sig) {
    sigset_t now;
    sigprocmask(SIG_BLOCK, NULL, &now);
    return sigismember(&now, sig);
}

static void info_handler(int sig, siginfo_t *info, void *uc) {
    printf("info: sig %d signo %d code %d from-self %d uc %d self-blocked %d usr2-blocked %d\n", sig, info->si_signo,
           info->si_code, info->si_pid == getpid(), uc != NULL, blocked(sig), blocked(SIGUSR2));
    count++;
}

static void plain_handler(int sig) {
    volatile double x = 1.0;
    for (int i = 0; i < 10; i++) {
        x = x * 3.0 + 0.5;
    }
    printf("plain: sig %d self-blocked %d x %.1f\n", sig, blocked(sig), x);
    count++;
}

static void install(int sig, void (*h)(int, siginfo_t *, void *), void (*p)(int), int flags, int masked) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    if (masked) {
        sigaddset(&sa.sa_mask, masked);
    }
    if (h) {
        sa.sa_sigaction = h;
        flags |= SA_SIGINFO;
    } else {
        sa.sa_handler = p;
    }
    sa.sa_flags = flags;
    sigaction(sig, &sa, NULL);
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    install(SIGUSR1, info_handler, NULL, 0, SIGUSR2);
    raise(SIGUSR1);
    kill(getpid(), SIGUSR1);
    install(SIGUSR1, info_handler, NULL, SA_NODEFER, 0);
    raise(SIGUSR1);

    volatile double y = 2.0;
    install(SIGUSR2, NULL, plain_handler, 0, 0);
    y = y / 3.0;
    raise(SIGUSR2);
    y = y * 3.0;
    printf("fpu after handler %.17g\n", y);

    sigset_t set, pending;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    sigprocmask(SIG_BLOCK, &set, NULL);
    raise(SIGUSR2);
    sigpending(&pending);
    printf("pending usr2 %d usr1 %d count %d\n", sigismember(&pending, SIGUSR2), sigismember(&pending, SIGUSR1), count);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    sigpending(&pending);
    printf("after unblock pending %d count %d\n", sigismember(&pending, SIGUSR2), count);

    install(SIGUSR2, NULL, plain_handler, SA_RESETHAND, 0);
    raise(SIGUSR2);
    struct sigaction old;
    sigaction(SIGUSR2, NULL, &old);
    printf("reset to default %d\n", old.sa_handler == SIG_DFL);

    signal(SIGHUP, SIG_IGN);
    raise(SIGHUP);
    raise(SIGCHLD);
    raise(SIGWINCH);
    printf("ignored ones passed; count %d\n", count);
    sigaction(SIGUSR1, NULL, &old);
    printf("old flags siginfo %d nodefer %d restorer %d\n", !!(old.sa_flags & SA_SIGINFO), !!(old.sa_flags & SA_NODEFER),
           !!(old.sa_flags & SA_RESTORER));
    if (sigaction(SIGKILL, &old, NULL) == 0) {
        printf("SIGKILL accepted a handler\n");
    }
    raise(SIGTERM);
    printf("not reached\n");
    return 0;
}
