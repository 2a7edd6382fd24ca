/* SIGBUS: touching a file mapping past the end of the file (BUS_ADRERR with the address), while
   the rest of the last page of the file reads as zeros; unhandled, it ends the process. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

static sigjmp_buf back;
static char *map;

static void on_bus(int sig, siginfo_t *info, void *p) {
    ucontext_t *uc = p;
    printf("sig %d code %d offset %d trapno %d\n", sig, info->si_code, (int) ((char *) info->si_addr - map),
           (int) uc->uc_mcontext.gregs[REG_TRAPNO]);
    siglongjmp(back, 1);
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    char name[] = "/tmp/mimic-bus-XXXXXX";
    int fd = mkstemp(name);
    char text[100];
    memset(text, 'a', sizeof text);
    write(fd, text, sizeof text);
    map = mmap(NULL, 3 * 4096, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    unlink(name);
    printf("in file '%c', after its end %d\n", map[99], map[4000]);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_bus;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGBUS, &sa, NULL);
    if (!sigsetjmp(back, 1)) {
        printf("%d\n", map[5000]);
    }
    signal(SIGBUS, SIG_DFL);
    printf("%d\n", map[9000]);
    return 0;
}
