/*
 * The host side of isa-x86's differential tests: runs x86 code natively from a given register, flag
 * and memory state and prints the state after it, or after the instruction that raised a signal.
 * Built with gcc -m32 at test time (DifferentialProperties); one case per line:
 *
 *   in:  EFLAGS EAX ECX EDX EBX ESP EBP ESI EDI SCRATCH-HEX CODE-HEX
 *   out: ok|SIGNO:OFFSET EFLAGS EAX ECX EDX EBX ESP EBP ESI EDI SCRATCH-HEX
 *
 * Numbers are hex. SCRATCH is mapped at a fixed address so memory operands can name it; OFFSET is
 * where in CODE the faulting instruction starts. The code runs with the guest's ESP on the scratch
 * page, so signals are taken on an alternate stack.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>

#define SCRATCH 0x20000000u
#define SCRATCH_SIZE 1024
#define CODE 0x30000000u
#define CODE_SIZE 4096

uint32_t in_state[9];   /* eflags eax ecx edx ebx esp ebp esi edi */
uint32_t out_state[9];
uint32_t host_esp;
uint32_t code_entry = CODE;
uint32_t trailer_target;
static sigjmp_buf recover;
static int signal_number;
static uint32_t signal_eip;

void run_case(void);
void trailer(void);
__asm__(
    ".text\n"
    ".globl run_case\n"
    "run_case:\n"
    "  pushal\n"
    "  mov %esp, host_esp\n"
    "  mov in_state, %eax\n"
    "  push %eax\n"
    "  popfl\n"
    "  mov in_state+4, %eax\n"
    "  mov in_state+8, %ecx\n"
    "  mov in_state+12, %edx\n"
    "  mov in_state+16, %ebx\n"
    "  mov in_state+24, %ebp\n"
    "  mov in_state+28, %esi\n"
    "  mov in_state+32, %edi\n"
    "  mov in_state+20, %esp\n"
    "  jmp *code_entry\n"
    ".globl trailer\n"
    "trailer:\n"
    "  mov %eax, out_state+4\n"
    "  mov %ecx, out_state+8\n"
    "  mov %edx, out_state+12\n"
    "  mov %ebx, out_state+16\n"
    "  mov %esp, out_state+20\n"
    "  mov %ebp, out_state+24\n"
    "  mov %esi, out_state+28\n"
    "  mov %edi, out_state+32\n"
    "  mov host_esp, %esp\n"
    "  pushfl\n"
    "  pop %eax\n"
    "  mov %eax, out_state\n"
    "  cld\n"
    "  popal\n"
    "  ret\n");

static void on_signal(int sig, siginfo_t *info, void *context) {
    (void) info;
    ucontext_t *uc = context;
    greg_t *g = uc->uc_mcontext.gregs;
    out_state[0] = g[REG_EFL];
    out_state[1] = g[REG_EAX];
    out_state[2] = g[REG_ECX];
    out_state[3] = g[REG_EDX];
    out_state[4] = g[REG_EBX];
    out_state[5] = g[REG_ESP];
    out_state[6] = g[REG_EBP];
    out_state[7] = g[REG_ESI];
    out_state[8] = g[REG_EDI];
    signal_number = sig;
    signal_eip = g[REG_EIP];
    siglongjmp(recover, 1);
}

static int hex(int c) {
    return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

static size_t unhex(const char *text, uint8_t *into, size_t max) {
    size_t n = 0;
    while (text[0] && text[1] && text[0] != ' ' && text[0] != '\n' && n < max) {
        into[n++] = hex(text[0]) << 4 | hex(text[1]);
        text += 2;
    }
    return n;
}

int main(void) {
    if (mmap((void *) SCRATCH, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED
        || mmap((void *) CODE, CODE_SIZE, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED) {
        perror("sandbox: mmap");
        return 1;
    }
    static uint8_t alternate[65536];
    stack_t ss = {.ss_sp = alternate, .ss_size = sizeof alternate};
    sigaltstack(&ss, NULL);
    struct sigaction sa = {0};
    sa.sa_sigaction = on_signal;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    int signals[] = {SIGSEGV, SIGFPE, SIGILL, SIGBUS, SIGTRAP};
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        sigaction(signals[i], &sa, NULL);
    }
    trailer_target = (uint32_t) trailer;
    static char line[65536];
    while (fgets(line, sizeof line, stdin)) {
        char *p = line;
        for (int i = 0; i < 9; i++) {
            in_state[i] = strtoul(p, &p, 16);
        }
        while (*p == ' ') p++;
        size_t scratch = unhex(p, (uint8_t *) SCRATCH, SCRATCH_SIZE);
        p += 2 * scratch;
        while (*p == ' ') p++;
        size_t length = unhex(p, (uint8_t *) CODE, CODE_SIZE - 8);
        uint8_t *end = (uint8_t *) CODE + length;
        end[0] = 0xFF; /* jmp *trailer_target */
        end[1] = 0x25;
        uint32_t slot = (uint32_t) &trailer_target;
        memcpy(end + 2, &slot, 4);
        __builtin___clear_cache((char *) CODE, (char *) end + 6);
        signal_number = 0;
        if (sigsetjmp(recover, 1) == 0) {
            run_case();
        }
        if (signal_number) {
            printf("%d:%x", signal_number, signal_eip - CODE);
        } else {
            printf("ok");
        }
        for (int i = 0; i < 9; i++) {
            printf(" %x", out_state[i]);
        }
        putchar(' ');
        for (size_t i = 0; i < scratch; i++) {
            printf("%02x", ((uint8_t *) SCRATCH)[i]);
        }
        putchar('\n');
        fflush(stdout);
    }
    return 0;
}
