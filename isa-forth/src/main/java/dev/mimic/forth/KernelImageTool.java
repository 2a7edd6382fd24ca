package dev.mimic.forth;

import dev.mimic.forth.boot.KernelImage;
import dev.mimic.forth.decode.PrimitiveTable;
import dev.mimic.forth.firmware.FirmwareBuilder;
import dev.mimic.forth.firmware.FirmwareImage;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Builds, at build time ({@code mvn process-classes}), what starting a Forth machine would
 * otherwise compute: the kernel image (the bootstrap interpreter's work) and the compact primitive
 * table (the spec parser's), and the Open Firmware image made from the kernel and the firmware
 * sources: {@code KernelImageTool CLASSES-DIRECTORY}.
 */
public final class KernelImageTool {
    private KernelImageTool() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: KernelImageTool CLASSES-DIRECTORY");
            System.exit(2);
        }
        Path classes = Path.of(args[0]);
        PrimitiveTable.writeCache(classes.resolve(PrimitiveTable.CACHE.substring(1)));
        KernelImage.build(ForthMachine.bare()).write(classes.resolve(KernelImage.RESOURCE.substring(1)));
        FirmwareBuilder.build().write(classes.resolve(FirmwareImage.RESOURCE.substring(1)));
    }
}
