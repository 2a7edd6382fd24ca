/* sigaltstack with SA_ONSTACK: a handler runs on the alternate stack, even for a stack overflow,
   and sigaltstack reports SS_ONSTACK inside it; without SA_ONSTACK it runs on the normal stack. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *alt;
#define ALT_SIZE 65536

static void handler(int sig) {
    char here;
    stack_t now;
    sigaltstack(NULL, &now);
    printf("sig %d on-alt %d ss_onstack %d\n", sig, &here >= alt && &here < alt + ALT_SIZE, !!(now.ss_flags & SS_ONSTACK));
    if (sig == SIGSEGV) {
        _exit(3);
    }
}

static int deep(int n) {
    volatile char pad[4096];
    pad[0] = (char) n;
    return deep(n + 1) + pad[0];
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    alt = malloc(ALT_SIZE);
    stack_t ss = {.ss_sp = alt, .ss_size = ALT_SIZE, .ss_flags = 0};
    stack_t small = {.ss_sp = alt, .ss_size = 100, .ss_flags = 0};
    printf("too small %d\n", sigaltstack(&small, NULL));
    printf("set %d\n", sigaltstack(&ss, NULL));
    stack_t got;
    sigaltstack(NULL, &got);
    printf("size %d flags %d same %d\n", (int) got.ss_size, got.ss_flags, got.ss_sp == alt);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sigaction(SIGUSR1, &sa, NULL);
    raise(SIGUSR1);
    sa.sa_flags = SA_ONSTACK;
    sigaction(SIGUSR2, &sa, NULL);
    raise(SIGUSR2);
    sigaction(SIGSEGV, &sa, NULL);
    return deep(0);
}
