package dev.mimic.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The PC: an i386 with its devices, booting a BIOS or a Linux kernel, with options after QEMU's. */
@Command(name = "x86", description = "A 32-bit PC (not available yet). Options follow qemu-system-i386.")
final class X86Command extends UnavailableMachine {
    @Option(names = "-m", paramLabel = "MiB", description = "RAM size in MiB.")
    int memory;

    @Option(names = "-bios", paramLabel = "FILE", description = "BIOS image.")
    Path bios;

    @Option(names = "-kernel", paramLabel = "FILE", description = "Linux kernel (bzImage) to boot directly.")
    Path kernel;

    @Option(names = "-append", paramLabel = "CMDLINE", description = "Kernel command line.")
    String append;

    @Option(names = "-initrd", paramLabel = "FILE", description = "Initial ramdisk.")
    Path initrd;

    @Option(names = "-hda", paramLabel = "FILE", description = "First IDE disk image.")
    Path hda;

    @Option(names = "-cdrom", paramLabel = "FILE", description = "CD-ROM image.")
    Path cdrom;

    @Option(names = "-serial", paramLabel = "DEV", description = "Where the first serial port goes: stdio, tcp:HOST:PORT or a file.")
    String serial;

    @Option(names = "-nographic", description = "No display window; the serial port is the console.")
    boolean nographic;

    X86Command(Stdio io) {
        super(io);
    }
}
