package dev.mimic.cli;

import dev.mimic.backend.exec.StopEvent;
import dev.mimic.backend.machine.MachineException;
import dev.mimic.gdb.GdbServer;
import dev.mimic.gdb.SessionEnd;
import dev.mimic.gdb.target.I386;
import dev.mimic.pc.board.Host;
import dev.mimic.pc.config.PcOptions;
import dev.mimic.pc.config.PcOptionsParser;
import dev.mimic.pc.machine.PcMachine;
import dev.mimic.pc.machine.RunResult;
import dev.mimic.x86.system.X86System;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The PC: an i386 with QEMU's i440FX devices, booting SeaBIOS (and through it a disk or a Linux
 * kernel). Its options are qemu-system-i386's, read by {@link PcOptionsParser}; picocli only
 * takes the engine options every machine shares.
 */
@Command(name = "x86", description = "A 32-bit PC after qemu-system-i386: SeaBIOS, IDE disks and CD-ROM, serial ports, a Linux kernel.",
        footer = {"", "QEMU's options:",
                "  -m SIZE             RAM (default 128M)",
                "  -bios FILE          firmware (default /usr/share/seabios/bios.bin)",
                "  -kernel FILE        Linux bzImage or multiboot kernel, booted through the BIOS; -initrd FILE (multiboot: modules a,b), -append CMDLINE",
                "  -hda FILE, -cdrom FILE, -boot c|d|order=dc, -snapshot",
                "  -serial stdio|file:F|tcp::PORT,server|none   (repeat for COM2-COM4)",
                "  -nographic          no window: COM1 on the terminal (the only mode so far)",
                "  -no-reboot          end instead of rebooting",
                "  -gdb tcp::PORT      wait for gdb on 127.0.0.1:PORT (0: a free port, printed on stderr)",
                "  -s, -S              -gdb tcp::1234; stop before the first instruction",
                "The guest's exit status comes from isa-debug-exit (port 0xF4): (value << 1) | 1."})
final class X86Command extends MachineCommand {
    @Unmatched
    List<String> qemuOptions = new ArrayList<>();

    /** Declared so picocli does not read "-hda" as the cluster "-h -d -a" (help); handed on like the rest. */
    @Option(names = "-hda", paramLabel = "FILE", hidden = true)
    String hda;

    X86Command(Stdio io) {
        super(io);
    }

    @Override
    PcMachine open(InputStream stdin) {
        return create(options(), stdin);
    }

    @Override
    int run() {
        PcOptions options = options();
        try (PcMachine pc = create(options, io.in())) {
            pc.onNotice(message -> io.err().println("mimic x86: " + message));
            if (options.gdbPort().isPresent()) {
                SessionEnd end = underGdb(pc, options.gdbPort().getAsInt());
                if (end.how() != SessionEnd.How.DETACHED) {
                    return ended(end);
                }
            }
            RunResult result = pc.run(engine.maxSteps());
            engine.printStats(pc, io.err());
            if (result.kind() == RunResult.Kind.BUDGET) {
                io.err().println("mimic x86: stopped after " + engine.maxSteps() + " instructions (--max-steps)");
                return 1;
            }
            if (result.kind() == RunResult.Kind.EVENT) {
                io.err().println("mimic x86: " + pc.cpu().lastEvent().message());
                return 1;
            }
            if (!result.message().isEmpty()) {
                io.err().println("mimic x86: " + result.message());
            }
            return result.status();
        }
    }

    /** Without a window yet, a PC always runs as with -nographic; saying so once when that was not asked for. */
    private PcOptions options() {
        List<String> args = new ArrayList<>(qemuOptions);
        if (hda != null) {
            args.addAll(List.of("-hda", hda));
        }
        if (!args.contains("-nographic")) {
            io.err().println("mimic x86: no display window yet; running as with -nographic (COM1 on the terminal)");
            args.add("-nographic");
        }
        return PcOptionsParser.parse(args);
    }

    private PcMachine create(PcOptions options, InputStream stdin) {
        Host host = new Host(stdin, io.out(), OutputStream.nullOutputStream(), LocalDateTime.now());
        return PcMachine.create(options, host, new X86System.Options(engine.kind(), engine.compiler(), engine.tierThreshold()));
    }

    /**
     * Serves one gdb session before the guest runs on its own (QEMU's -s -S; -s alone waits too,
     * as the stub runs on the machine's thread). Under gdb the machine runs with its devices, as
     * without; after gdb detaches it runs on.
     */
    private SessionEnd underGdb(PcMachine pc, int port) {
        try (GdbServer server = GdbServer.listen(pc, I386.target(), port)) {
            io.err().println("mimic x86: waiting for gdb on 127.0.0.1:" + server.port());
            return server.serve();
        } catch (IOException e) {
            throw new MachineException("gdb connection failed: " + e.getMessage(), e);
        }
    }

    /** The status when the guest ended under gdb (its exit, or its death with the reason), or gdb killed it (0, as QEMU). */
    private int ended(SessionEnd end) {
        if (end.how() == SessionEnd.How.KILLED) {
            io.err().println("mimic x86: terminated by gdb");
            return 0;
        }
        StopEvent last = end.last();
        if (last.kind() == StopEvent.Kind.FAULTED || !last.message().startsWith("exited with code")) {
            io.err().println("mimic x86: " + last.message());
        }
        return last.kind() == StopEvent.Kind.EXITED ? last.exitCode() : 1;
    }
}
