package dev.mimic.cli;

import dev.mimic.backend.machine.MachineException;
import dev.mimic.pc.machine.PcMachine;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * A few commands of QEMU's human monitor for the PC, reached with Ctrl-A c under -nographic:
 * {@code screendump FILE.png}, {@code info registers}, {@code system_reset}, {@code nmi}, {@code quit}.
 * They run on the machine's thread between slices, so they see a consistent machine.
 */
final class PcMonitor {
    static final String PROMPT = "(mimic) ";
    private static final String HELP = """
            screendump FILE.png   write the screen as a PNG image
            info registers        show the processor's registers
            system_reset          reset the whole board (CPU, devices, RAM, firmware)
            nmi                   send an NMI (through the local APIC's LINT1)
            quit                  end the emulator
            Ctrl-A c goes back to the guest's console, Ctrl-A x quits.""";

    private final PcMachine pc;
    private final PrintStream out;

    PcMonitor(PcMachine pc, PrintStream out) {
        this.pc = pc;
        this.out = out;
    }

    /** Runs one command line; false when it asks to quit. Problems are printed, not thrown. */
    boolean execute(String line) {
        String[] words = line.strip().split("\\s+", 2);
        try {
            switch (words[0]) {
                case "" -> { }
                case "quit", "q" -> {
                    return false;
                }
                case "screendump" -> out.println(screendump(pc, words.length > 1 ? words[1] : ""));
                case "info" -> info(words.length > 1 ? words[1] : "");
                case "system_reset" -> pc.reset();
                case "nmi" -> pc.nmi();
                case "help", "?" -> out.println(HELP);
                default -> out.println("unknown command: '" + words[0] + "' (try help)");
            }
        } catch (MachineException e) {
            out.println(e.getMessage());
        }
        return true;
    }

    private void info(String topic) {
        if (!topic.equals("registers")) {
            out.println("info: only 'info registers' is known");
            return;
        }
        StringBuilder text = new StringBuilder();
        for (String name : pc.registerNames()) {
            text.append(String.format("%s=%08x%n", name.toUpperCase(), pc.register(name)));
        }
        out.print(text);
    }

    /** Writes the PC's screen to {@code file} as PNG and says what it wrote; for the monitor and the workbench. */
    static String screendump(PcMachine pc, String file) {
        if (file.isBlank()) {
            throw new MachineException("screendump: give a file name, such as screen.png");
        }
        Path path = Path.of(file.strip());
        BufferedImage image;
        try {
            image = pc.board().vga().writePng(path);
        } catch (IOException e) {
            throw new MachineException(path + ": cannot write the screen: " + e.getMessage(), e);
        }
        return "Wrote " + path + " (" + image.getWidth() + "x" + image.getHeight() + ")";
    }
}
