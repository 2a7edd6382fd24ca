package dev.mimic.cli;

import dev.mimic.backend.exec.StopEvent;
import dev.mimic.backend.machine.Machine;
import dev.mimic.backend.machine.MachineException;
import dev.mimic.gdb.GdbServer;
import dev.mimic.gdb.SessionEnd;
import dev.mimic.gdb.target.I386;
import dev.mimic.pc.board.Host;
import dev.mimic.pc.config.PcOptions;
import dev.mimic.pc.config.PcOptionsException;
import dev.mimic.pc.display.GuestInput;
import dev.mimic.pc.display.ScreenRefresh;
import dev.mimic.pc.display.ScreenWindow;
import dev.mimic.pc.config.PcOptionsParser;
import dev.mimic.pc.machine.PcMachine;
import dev.mimic.pc.machine.RunResult;
import dev.mimic.x86.system.X86System;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

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
                "  -nographic          no window: COM1 on the terminal",
                "  -display none       no window either (also when Java has no display)",
                "In the window, Ctrl+Alt+G (or a click) grabs the mouse and Ctrl+Alt+G lets it go.",
                "On the terminal, Ctrl-A c switches to the monitor (screendump FILE.png, info registers,",
                "system_reset, nmi, quit) and back; Ctrl-A x quits.",
                "  -no-reboot          end instead of rebooting",
                "  -machine acpi=off   no ACPI (by default the guest can power the PC off, ending with status 0)",
                "  -gdb tcp::PORT      wait for gdb on 127.0.0.1:PORT (0: a free port, printed on stderr)",
                "  -s, -S              -gdb tcp::1234; stop before the first instruction",
                "The guest's exit status comes from isa-debug-exit (port 0xF4): (value << 1) | 1."})
final class X86Command extends MachineCommand {
    /** Instructions between looks at the window and the monitor: a few milliseconds of host time. */
    private static final long SLICE = 500_000;

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
        return create(options(false), stdin);
    }

    @Override
    int run() {
        boolean window = wantsWindow();
        PcOptions options = options(window);
        ConsoleMux console = new ConsoleMux(io.in());
        try (PcMachine pc = create(options, console)) {
            pc.onNotice(message -> io.err().println("mimic x86: " + message));
            if (options.gdbPort().isPresent()) {
                SessionEnd end = underGdb(pc, options.gdbPort().getAsInt());
                if (end.how() != SessionEnd.How.DETACHED) {
                    return ended(end);
                }
            }
            RunResult result = window ? runInWindow(pc, console) : runSliced(pc, console, null, () -> false);
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

    /** The workbench's {@code screendump FILE.png}. */
    @Override
    List<dev.mimic.repl.Command> machineCommands(Machine machine) {
        PcMachine pc = (PcMachine) machine;
        return List.of(new dev.mimic.repl.Command("screendump", List.of(), "screendump FILE.png",
                "write the PC's screen (any VGA mode) as a PNG image", dev.mimic.repl.Command.Arguments.FILE, false, (workbench, invocation) -> workbench.out().println(PcMonitor.screendump(pc, invocation.args()))));
    }

    /**
     * Whether the PC gets a window: not with -nographic or -display none, nor where Java has no
     * display (saying so once, since the user did not ask for that).
     */
    private boolean wantsWindow() {
        int display = qemuOptions.indexOf("-display");
        boolean none = display >= 0 && display + 1 < qemuOptions.size() && qemuOptions.get(display + 1).equals("none");
        if (qemuOptions.contains("-nographic") || none) {
            return false;
        }
        if (GraphicsEnvironment.isHeadless()) {
            io.err().println("mimic x86: no display here; running as with -nographic (COM1 on the terminal)");
            return false;
        }
        return true;
    }

    /** QEMU's options as the PC reads them: without a window, always -nographic; -display is the command's own. */
    private PcOptions options(boolean window) {
        List<String> args = new ArrayList<>(qemuOptions);
        int display = args.indexOf("-display");
        if (display >= 0) {
            if (display + 1 >= args.size()) {
                throw new PcOptionsException("-display needs a value (none, or anything else for the window)");
            }
            args.subList(display, display + 2).clear();
        }
        if (hda != null) {
            args.addAll(List.of("-hda", hda));
        }
        if (!window && !args.contains("-nographic")) {
            args.add("-nographic");
        }
        return PcOptionsParser.parse(args);
    }

    /** Runs the PC with its screen in a window; closing the window ends the run. */
    private RunResult runInWindow(PcMachine pc, ConsoleMux console) {
        GuestInput input = new GuestInput();
        try (ScreenWindow window = ScreenWindow.open("Mimic x86", input)) {
            ScreenRefresh refresh = new ScreenRefresh(pc.board().vga(), pc.board().keyboardController(), input, window);
            return runSliced(pc, console, refresh, window::closed);
        }
    }

    /**
     * Runs the PC in slices, between which the monitor runs what was typed to it (Ctrl-A c) and
     * the window, if any, gets the screen (about 30 times a second) and gives its keys and mouse.
     * A monitor quit or {@code closed} ends the run as a clean exit.
     */
    private RunResult runSliced(PcMachine pc, ConsoleMux console, ScreenRefresh refresh, BooleanSupplier closed) {
        PcMonitor monitor = new PcMonitor(pc, io.out());
        long start = pc.cpu().instructions();
        long end = start + Math.min(engine.maxSteps(), Long.MAX_VALUE - start);
        while (true) {
            RunResult result = pc.run(Math.min(SLICE, end - pc.cpu().instructions()));
            if (refresh != null) {
                refresh.poll(System.nanoTime());
            }
            for (String line = console.nextMonitorLine(); line != null; line = console.nextMonitorLine()) {
                if (!monitor.execute(line) || line.equals(ConsoleMux.QUIT)) {
                    return new RunResult(RunResult.Kind.EXITED, 0, "");
                }
                if (console.inMonitor()) {
                    io.out().print(PcMonitor.PROMPT);
                    io.out().flush();
                }
            }
            if (closed.getAsBoolean()) {
                return new RunResult(RunResult.Kind.EXITED, 0, "");
            }
            if (result.kind() != RunResult.Kind.BUDGET || pc.cpu().instructions() >= end) {
                return result;
            }
        }
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
