# The x86-user program of the start-up training run (StartupTraining). hello-x86 is built from it with
#   as --32 -o hello.o hello-x86.s && ld -m elf_i386 -static -s -o hello-x86 hello.o
.globl _start
_start:
  mov $4, %eax          # write(1, msg, 14)
  mov $1, %ebx
  mov $msg, %ecx
  mov $14, %edx
  int $0x80
  mov $1, %eax          # exit(0)
  xor %ebx, %ebx
  int $0x80
.data
msg: .ascii "Hello, world!\n"
