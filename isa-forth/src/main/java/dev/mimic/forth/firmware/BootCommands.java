package dev.mimic.forth.firmware;

import dev.mimic.forth.ForthOptions;
import dev.mimic.forth.fcode.FCodeFormatException;
import dev.mimic.forth.fcode.PciExpansionRom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The commands the host gives the firmware at boot, before it probes: attaching FCode ROM files
 * ({@code attach-fcode}, which loads the file and queues the program for {@code probe-all}) and
 * backing NVRAM with a file ({@code use-nvram-file}). For a ROM the host finds where the program
 * starts and, in a PCI expansion ROM, the card's vendor, device and class (given to
 * {@code attach-pci-fcode}, which names the node as the PCI binding does), since those are
 * properties of the file, not of the device the firmware probes it for. A ROM QEMU gives its
 * firmware for a PCI function without a PCI header ({@link #QEMU_FUNCTIONS}) gets that function's
 * identity the same way.
 */
public final class BootCommands {
    /**
     * QEMU's FCode ROMs that carry no PCI expansion ROM header, by file name, with the PCI function
     * OpenBIOS runs them for: {@code QEMU,VGA.bin} drives the std-VGA (vendor 1234, device 1111,
     * class 030000, a VGA-compatible display controller) with its frame buffer behind BAR 0
     * (prefetchable memory; 1 MiB, as {@code -device VGA,vgamem_mb=1} gives, enough for 1024x768 at
     * 8 bits) and its VGA and Bochs display registers behind BAR 2 (4 KiB of memory).
     */
    static final Map<String, PciFunction> QEMU_FUNCTIONS = Map.of("QEMU,VGA.bin", new PciFunction(0x1234, 0x1111, 0x030000,
            List.of(new Bar(0, 1 << 20, Bar.PREFETCHABLE), new Bar(2, 4096, Bar.MEMORY))));

    /** A PCI function's identity in its configuration header, and the base address registers it implements. */
    record PciFunction(int vendor, int device, int classCode, List<Bar> bars) {
        String attach(long fcodeOffset) {
            StringBuilder command = new StringBuilder(fcodeOffset + " " + vendor + " " + device + " " + classCode + " attach-pci-fcode");
            for (Bar bar : bars) {
                command.append(' ').append(bar.index).append(' ').append(bar.size).append(' ').append(bar.type).append(" attach-bar");
            }
            return command.toString();
        }
    }

    /** Base address register {@code index} (0-5) decoding {@code size} bytes; {@code type} is its low bits. */
    record Bar(int index, long size, int type) {
        static final int MEMORY = 0;
        static final int PREFETCHABLE = 8;
    }

    private BootCommands() {
    }

    /**
     * The boot command attaching the FCode ROM {@code rom}.
     *
     * @throws IOException when the file cannot be read or its name cannot be passed
     * @throws FCodeFormatException when it is a PCI expansion ROM whose structures are broken
     */
    public static ForthOptions.Argument attachment(Path rom) throws IOException {
        String file = quoted(rom);
        byte[] bytes = Files.readAllBytes(rom);
        PciFunction known = QEMU_FUNCTIONS.get(String.valueOf(rom.getFileName()));
        return ForthOptions.Argument.evaluate(file + PciExpansionRom.find(rom.toString(), bytes)
                .map(pci -> new PciFunction(pci.vendor(), pci.device(), pci.classCode(), List.of()).attach(pci.fcodeOffset()))
                .orElse(known != null ? known.attach(0) : "0 attach-fcode"));
    }

    /** The boot command keeping NVRAM in {@code file} (read now if it exists, written on every change). */
    public static ForthOptions.Argument nvram(Path file) throws IOException {
        return ForthOptions.Argument.evaluate(quoted(file) + "use-nvram-file");
    }

    /** {@code s" FILE" } for the firmware to parse. */
    private static String quoted(Path file) throws IOException {
        String name = file.toString();
        if (name.indexOf('"') >= 0 || name.indexOf('\n') >= 0) {
            throw new IOException(name + ": file names given to the firmware may not contain quotes or newlines");
        }
        return "s\" " + name + "\" ";
    }
}
