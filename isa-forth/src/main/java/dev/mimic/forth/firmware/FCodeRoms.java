package dev.mimic.forth.firmware;

import dev.mimic.forth.ForthOptions;
import dev.mimic.forth.fcode.FCodeFormatException;
import dev.mimic.forth.fcode.PciExpansionRom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Attaching FCode ROM files to the firmware: each becomes a boot-time command for the firmware's
 * {@code attach-fcode}, which loads the file and queues the program for {@code probe-all}. The
 * host finds where the program starts and, in a PCI expansion ROM, the card's vendor, device and
 * class (given to {@code attach-pci-fcode}, which names the node as the PCI binding does), since
 * those are properties of the file, not of the device the firmware probes it for.
 */
public final class FCodeRoms {
    private FCodeRoms() {
    }

    /**
     * The boot command attaching {@code rom}.
     *
     * @throws IOException when the file cannot be read
     * @throws FCodeFormatException when it is a PCI expansion ROM whose structures are broken
     */
    public static ForthOptions.Argument attachment(Path rom) throws IOException {
        String name = rom.toString();
        if (name.indexOf('"') >= 0 || name.indexOf('\n') >= 0) {
            throw new IOException(name + ": FCode ROM file names may not contain quotes or newlines");
        }
        byte[] bytes = Files.readAllBytes(rom);
        String file = "s\" " + name + "\" ";
        return ForthOptions.Argument.evaluate(PciExpansionRom.find(name, bytes)
                .map(pci -> file + pci.fcodeOffset() + " " + pci.vendor() + " " + pci.device() + " " + pci.classCode() + " attach-pci-fcode")
                .orElse(file + "0 attach-fcode"));
    }
}
