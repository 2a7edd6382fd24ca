/* alarm and setitimer(ITIMER_REAL): SIGALRM interrupts a busy loop, wakes pause and sigsuspend,
   and an unhandled one ends the process; alarm reports what the previous alarm had left. */
#include <errno.h>
#include <signal.h>
#include <time.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

static volatile int ticks;

static void tick(int sig) {
    ticks++;
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = tick;
    sigaction(SIGALRM, &sa, NULL);

    alarm(5);
    printf("previous alarm left %u\n", alarm(0));

    struct itimerval it = {.it_interval = {0, 20000}, .it_value = {0, 20000}};
    setitimer(ITIMER_REAL, &it, NULL);
    volatile unsigned long spins = 0;
    while (ticks < 3) {
        spins++;
    }
    printf("busy loop saw %d ticks\n", ticks);
    int r = pause();
    printf("pause returned %d, ticks >= 4: %d\n", r, ticks >= 4);
    struct itimerval now;
    getitimer(ITIMER_REAL, &now);
    printf("interval %ld\n", (long) now.it_interval.tv_usec);
    memset(&it, 0, sizeof it);
    setitimer(ITIMER_REAL, &it, NULL);
    getitimer(ITIMER_REAL, &now);
    printf("disarmed %d\n", now.it_value.tv_sec == 0 && now.it_value.tv_usec == 0);

    sigset_t block, wait;
    sigemptyset(&block);
    sigaddset(&block, SIGALRM);
    sigprocmask(SIG_BLOCK, &block, NULL);
    int before = ticks;
    alarm(1);
    sigemptyset(&wait);
    r = sigsuspend(&wait);
    sigset_t after;
    sigprocmask(SIG_BLOCK, NULL, &after);
    printf("sigsuspend returned %d, one tick %d, alrm blocked again %d\n", r, ticks == before + 1, sigismember(&after, SIGALRM));

    sigprocmask(SIG_UNBLOCK, &block, NULL);
    struct timespec req = {0, 20000000}, rem;
    printf("short nanosleep %d\n", nanosleep(&req, NULL));
    struct itimerval once = {.it_interval = {0, 0}, .it_value = {0, 50000}};
    setitimer(ITIMER_REAL, &once, NULL);
    req.tv_sec = 5;
    r = nanosleep(&req, &rem);
    printf("interrupted nanosleep %d EINTR %d more than 3 s left %d\n", r, errno == EINTR, rem.tv_sec >= 3);

    signal(SIGALRM, SIG_DFL);
    alarm(1);
    for (;;) {
    }
}
