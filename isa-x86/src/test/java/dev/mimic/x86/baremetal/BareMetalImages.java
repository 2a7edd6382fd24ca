package dev.mimic.x86.baremetal;

import dev.mimic.backend.exec.EngineKind;
import dev.mimic.backend.jit.Jit;
import dev.mimic.x86.system.PhysicalMemory;
import dev.mimic.x86.system.X86System;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

/**
 * Builds the bare-metal test images of {@code src/test/nasm} with nasm and runs them on Mimic's
 * {@link TestBoard} and on {@code qemu-system-i386}; both answer with what the image wrote to COM1.
 */
final class BareMetalImages {
    static final Path SOURCES = Paths.get("src/test/nasm");
    /** RAM of both machines. */
    static final int RAM_MIB = 32;
    /** Where the test board puts the (empty) multiboot information structure. */
    private static final int INFO = 0x9000;
    private static final long BUDGET = 200_000_000L;

    private BareMetalImages() {
    }

    static boolean available(String tool) {
        try {
            Process p = new ProcessBuilder("sh", "-c", "command -v " + tool).redirectErrorStream(true).start();
            return p.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Assembles {@code name}.asm into a flat multiboot image. */
    static Path assemble(String name, Path into) throws IOException, InterruptedException {
        Path out = into.resolve(name + ".bin");
        Process p = new ProcessBuilder("nasm", "-f", "bin", "-I", SOURCES + "/", "-o", out.toString(),
                SOURCES.resolve(name + ".asm").toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("nasm " + name + ".asm failed:\n" + log);
        }
        return out;
    }

    /** What the image writes to COM1 under qemu-system-i386, which is given 30 seconds. */
    static String qemu(Path image) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("timeout", "30", "qemu-system-i386", "-no-reboot", "-display", "none",
                "-monitor", "none", "-serial", "stdio", "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
                "-m", String.valueOf(RAM_MIB), "-kernel", image.toString())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(40, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return new String(out, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** What the image writes to COM1 on Mimic, with the machine's stop reason appended when it is not the exit port. */
    static String mimic(Path image, EngineKind engine) throws IOException {
        PhysicalMemory memory = new PhysicalMemory(RAM_MIB << 20);
        TestBoard board = new TestBoard();
        X86System machine = new X86System(memory, board, board, new X86System.Options(engine, new Jit(), 2));
        board.onExit(() -> machine.engine().interrupt());
        board.onNmi(machine::raiseNmi);
        MultibootImage mb = MultibootImage.parse(Files.readAllBytes(image));
        mb.load(memory);
        machine.startProtected(mb.entry(), MultibootImage.BOOTLOADER_MAGIC, INFO, 0);
        long left = BUDGET;
        while (board.exitCode() < 0) {
            long before = machine.engine().context().instructions;
            X86System.Stop stop = machine.run(left);
            left -= machine.engine().context().instructions - before;
            if (board.exitCode() >= 0) {
                break;
            }
            if (stop == X86System.Stop.SHUTDOWN || stop == X86System.Stop.BUDGET || stop == X86System.Stop.EVENT) {
                return board.serial() + "[mimic: " + stop + " " + machine.lastEvent() + "]";
            }
            if (stop == X86System.Stop.HALTED && !board.pending()) {
                return board.serial() + "[mimic: halted]";
            }
        }
        return board.serial();
    }
}
