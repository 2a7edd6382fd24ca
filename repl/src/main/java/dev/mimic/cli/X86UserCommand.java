package dev.mimic.cli;

import dev.mimic.x86.user.UserMachine;
import dev.mimic.x86.user.UserModeRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** 32-bit Linux programs in user mode, system calls served by the host, after qemu-i386. */
@Command(name = "x86-user",
        description = "Runs a static 32-bit x86 Linux program in user mode, like qemu-i386.")
final class X86UserCommand extends MachineCommand {
    @Option(names = "-L", paramLabel = "PATH", description = "Prefix for the ELF interpreter and libraries (only static programs run so far).")
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

    @Override
    UserMachine open(InputStream stdin) {
        return UserModeRunner.load(options(stdin));
    }

    @Override
    int run() {
        UserMachine machine = UserModeRunner.load(options(io.in()));
        int status = UserModeRunner.run(machine);
        engine.printStats(machine, io.err());
        return status;
    }

    private UserModeRunner.Options options(InputStream stdin) {
        List<String> env = new ArrayList<>();
        System.getenv().forEach((k, v) -> env.add(k + "=" + v));
        if (environment != null) {
            env.addAll(environment);
        }
        return new UserModeRunner.Options(engine.kind(), engine.compiler(), engine.tierThreshold(), engine.maxSteps(),
                program, arguments == null ? List.of() : arguments, env, stdin, io.out(), io.err(), strace);
    }
}
