/* SA_RESTART: a read of an empty pipe that SIGALRM interrupts is restarted (and gets what the
   handler wrote) with the flag, and fails with EINTR without it; pause always fails with EINTR.
   Then pipes' other ends: EAGAIN when non-blocking, end of file with no writer, EPIPE and SIGPIPE
   with no reader. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

static int fds[2];
static volatile int ticks;

static void tick(int sig) {
    ticks++;
    write(fds[1], "x", 1);
}

static void arm(int flags) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = tick;
    sa.sa_flags = flags;
    sigaction(SIGALRM, &sa, NULL);
    struct itimerval it = {.it_interval = {0, 0}, .it_value = {0, 30000}};
    setitimer(ITIMER_REAL, &it, NULL);
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    char buf[16];
    pipe(fds);
    arm(SA_RESTART);
    ssize_t n = read(fds[0], buf, sizeof buf);
    printf("with SA_RESTART: read %d '%c', ticks %d\n", (int) n, n > 0 ? buf[0] : '-', ticks);
    arm(0);
    n = read(fds[0], buf, sizeof buf);
    printf("without: read %d errno-is-EINTR %d, ticks %d\n", (int) n, n < 0 && errno == EINTR, ticks);
    n = read(fds[0], buf, sizeof buf);
    printf("then read %d '%c'\n", (int) n, buf[0]);
    arm(SA_RESTART);
    int r = pause();
    printf("pause %d errno-is-EINTR %d\n", r, errno == EINTR);
    read(fds[0], buf, sizeof buf);

    int nb[2];
    pipe2(nb, O_NONBLOCK);
    n = read(nb[0], buf, sizeof buf);
    printf("non-blocking empty read %d errno-is-EAGAIN %d\n", (int) n, errno == EAGAIN);
    write(nb[1], "hello", 5);
    close(nb[1]);
    n = read(nb[0], buf, sizeof buf);
    printf("read %d '%.5s', then %d at end of file\n", (int) n, buf, (int) read(nb[0], buf, sizeof buf));

    close(fds[0]);
    signal(SIGPIPE, SIG_IGN);
    n = write(fds[1], "y", 1);
    printf("no reader: write %d errno-is-EPIPE %d\n", (int) n, errno == EPIPE);
    signal(SIGPIPE, SIG_DFL);
    write(fds[1], "y", 1);
    printf("not reached\n");
    return 0;
}
