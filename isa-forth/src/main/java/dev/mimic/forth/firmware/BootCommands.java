package dev.mimic.forth.firmware;

import dev.mimic.forth.ForthOptions;
import dev.mimic.forth.fcode.FCodeFormatException;
import dev.mimic.forth.fcode.PciExpansionRom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
     * class 030000, a VGA-compatible display controller).
     */
    static final Map<String, PciFunction> QEMU_FUNCTIONS = Map.of("QEMU,VGA.bin", new PciFunction(0x1234, 0x1111, 0x030000));

    /** A PCI function's identity in its configuration header. */
    record PciFunction(int vendor, int device, int classCode) {
        String attach(long fcodeOffset) {
            return fcodeOffset + " " + vendor + " " + device + " " + classCode + " attach-pci-fcode";
        }
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
                .map(pci -> new PciFunction(pci.vendor(), pci.device(), pci.classCode()).attach(pci.fcodeOffset()))
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
