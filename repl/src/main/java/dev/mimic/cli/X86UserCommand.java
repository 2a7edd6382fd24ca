package dev.mimic.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;

/** 32-bit Linux programs in user mode, system calls served by the host, after qemu-i386. */
@Command(name = "x86-user",
        description = "Runs a 32-bit x86 Linux program in user mode (not available yet). Options follow qemu-i386.")
final class X86UserCommand extends UnavailableMachine {
    @Option(names = "-L", paramLabel = "PATH", description = "Prefix for the ELF interpreter and libraries.")
    Path prefix;

    @Option(names = "-E", paramLabel = "VAR=VALUE", description = "Sets a variable in the guest's environment.")
    List<String> environment;

    @Option(names = "-strace", description = "Logs the guest's system calls.")
    boolean strace;

    @Parameters(index = "0", paramLabel = "PROGRAM", description = "The ELF executable.")
    Path program;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "The program's arguments.")
    List<String> arguments;

    X86UserCommand(Stdio io) {
        super(io);
    }
}
