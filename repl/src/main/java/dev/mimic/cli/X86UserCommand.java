package dev.mimic.cli;

import dev.mimic.backend.machine.MachineException;
import dev.mimic.gdb.GdbServer;
import dev.mimic.gdb.SessionEnd;
import dev.mimic.gdb.target.I386;
import dev.mimic.x86.user.UserMachine;
import dev.mimic.x86.user.UserModeRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
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

    @Option(names = "-g", paramLabel = "PORT",
            description = "Waits for gdb on 127.0.0.1:PORT before the first instruction (0: any free port, printed on stderr).")
    Integer gdbPort;

    @Parameters(index = "0", paramLabel = "PROGRAM", description = "The ELF executable.")
    Path program;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "The program's arguments.")
    List<String> arguments;

    /** The status of a process gdb killed: 128 + SIGKILL, as a shell reports it. */
    static final int KILLED_STATUS = 128 + 9;

    X86UserCommand(Stdio io) {
        super(io);
    }

    @Override
    UserMachine open(InputStream stdin) {
        if (gdbPort != null) {
            throw new MachineException("-g hands the program to gdb, not to the workbench: run mimic x86-user -g PORT");
        }
        return UserModeRunner.load(options(stdin));
    }

    @Override
    int run() {
        UserMachine machine = UserModeRunner.load(options(io.in()));
        int status = gdbPort == null ? UserModeRunner.run(machine) : underGdb(machine);
        engine.printStats(machine, io.err());
        return status;
    }

    /**
     * Serves one gdb session, then ends as the guest did under it; when gdb detaches or goes away
     * the guest runs on to its end, and when gdb kills it the status is that of SIGKILL.
     */
    private int underGdb(UserMachine machine) {
        SessionEnd end;
        try (GdbServer server = GdbServer.listen(machine, I386.target(), gdbPort)) {
            io.err().println("x86-user: waiting for gdb on 127.0.0.1:" + server.port());
            end = server.serve();
        } catch (IOException e) {
            throw new MachineException("gdb connection failed: " + e.getMessage(), e);
        }
        return switch (end.how()) {
            case GUEST_ENDED -> {
                if (machine.terminatingSignal() != null) {
                    io.err().println(machine.terminatingSignal().description());
                }
                yield end.last().exitCode();
            }
            case KILLED -> KILLED_STATUS;
            case DETACHED -> UserModeRunner.run(machine);
        };
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
