package dev.mimic.pc.board;

import dev.mimic.backend.machine.MachineException;
import dev.mimic.pc.boot.BzImage;
import dev.mimic.pc.boot.FwCfgKernelLoader;
import dev.mimic.pc.boot.FwCfgMultibootLoader;
import dev.mimic.pc.boot.MultibootKernel;
import dev.mimic.pc.config.PcOptions;
import dev.mimic.pc.firmware.FwCfg;
import dev.mimic.pc.ide.AtaDisk;
import dev.mimic.pc.ide.AtapiCdrom;
import dev.mimic.pc.ide.DiskImage;
import dev.mimic.pc.ide.IdeDrive;
import dev.mimic.pc.memory.RamLayout;
import dev.mimic.pc.serial.SerialBackend;
import dev.mimic.pc.serial.SerialSpec;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Turns QEMU-style {@link PcOptions} into what a {@link PcBoard} is built from: opens the serial
 * ports, the disk image (under a copy-on-write overlay with {@code -snapshot}) and the CD-ROM's
 * disc image (read-only) and, for
 * {@code -kernel}, reads the kernel, initrd and QEMU's linuxboot_dma.bin option ROM into fw_cfg.
 * Closing it closes what it opened. Problems are one-line {@link MachineException}s naming the file.
 */
public final class BoardSetup implements Closeable {
    /** Where Debian's qemu-system-data puts the option ROMs that boot a -kernel through the BIOS. */
    public static final Path OPTION_ROMS = Path.of("/usr/share/qemu");
    static final String LINUXBOOT_ROM = "linuxboot_dma.bin";
    static final String MULTIBOOT_ROM = "multiboot_dma.bin";
    private static final int CPUS = 1;

    private final PcOptions options;
    private final List<Closeable> opened;
    private final BoardSettings settings;

    private BoardSetup(PcOptions options, List<Closeable> opened, BoardSettings settings) {
        this.options = options;
        this.opened = opened;
        this.settings = settings;
    }

    /**
     * Opens what {@code options} name.
     *
     * @param host         the terminal, debug console and RTC start
     * @param reset        run on a guest reset
     * @param exit         told isa-debug-exit's status
     */
    public static BoardSetup open(PcOptions options, Host host, Runnable reset, IntConsumer exit) {
        List<Closeable> opened = new ArrayList<>();
        try {
            List<SerialBackend> serial = new ArrayList<>();
            for (SerialSpec spec : options.serial()) {
                SerialBackend backend = openSerial(spec, host);
                opened.add(backend);
                serial.add(backend);
            }
            List<IdeDrive> primary = new ArrayList<>();
            if (options.hda().isPresent()) {
                DiskImage image = openDisk(options.hda().get(), options.snapshot(), false);
                opened.add(image);
                primary.add(new AtaDisk(image));
            }
            List<IdeDrive> secondary = new ArrayList<>();
            if (options.cdrom().isPresent()) {
                DiskImage disc = openDisk(options.cdrom().get(), false, true);
                opened.add(disc);
                secondary.add(new AtapiCdrom(disc));
            }
            BoardSettings settings = new BoardSettings(RamLayout.of(options.memoryBytes()), CPUS, options.bootOrder(),
                    options.nographic(), serial, primary, secondary, host.rtcStart(), host.debugConsole(), reset, exit,
                    options.acpi());
            return new BoardSetup(options, opened, settings);
        } catch (RuntimeException e) {
            closeAll(opened);
            throw e;
        }
    }

    private static SerialBackend openSerial(SerialSpec spec, Host host) {
        try {
            return spec.open(host.terminalIn(), host.terminalOut());
        } catch (UncheckedIOException e) {
            throw new MachineException("-serial: " + e.getMessage(), e);
        }
    }

    private static DiskImage openDisk(Path file, boolean snapshot, boolean readOnly) {
        try {
            return readOnly ? DiskImage.openReadOnly(file) : DiskImage.open(file, snapshot);
        } catch (IOException e) {
            throw new MachineException(file + ": cannot open the disk image: " + e.getMessage(), e);
        }
    }

    public BoardSettings settings() {
        return settings;
    }

    /**
     * For {@code -kernel}: hands the kernel, initrd and command line to the BIOS through
     * {@code fwCfg}, with the option ROM from {@code romDirectory} (normally {@link #OPTION_ROMS})
     * that boots them. As in QEMU, a file with Linux's "HdrS" header is a Linux kernel and one with
     * a multiboot header otherwise a multiboot kernel, whose modules are {@code -initrd}'s
     * comma-separated files, each with optional arguments after a space. Does nothing without
     * {@code -kernel}.
     */
    public void installKernel(FwCfg fwCfg, Path romDirectory) {
        if (options.kernel().isEmpty()) {
            return;
        }
        Path kernelFile = options.kernel().get();
        byte[] bytes = read(kernelFile);
        if (!BzImage.hasLinuxHeader(bytes) && MultibootKernel.headerOffset(bytes) >= 0) {
            List<FwCfgMultibootLoader.Module> modules = new ArrayList<>();
            for (String module : options.initrd().map(p -> p.toString().split(",")).orElse(new String[0])) {
                modules.add(new FwCfgMultibootLoader.Module(module, read(Path.of(module.split(" ", 2)[0]))));
            }
            FwCfgMultibootLoader.install(fwCfg, settings.ram(), MultibootKernel.parse(kernelFile.toString(), bytes),
                    kernelFile.toString(), modules, options.append(), read(romDirectory.resolve(MULTIBOOT_ROM)));
            return;
        }
        BzImage image = BzImage.parse(kernelFile.toString(), bytes);
        byte[] initrd = options.initrd().map(BoardSetup::read).orElse(null);
        String initrdName = options.initrd().map(Path::toString).orElse("");
        FwCfgKernelLoader.install(fwCfg, settings.ram(), image, initrd, initrdName, options.append(),
                read(romDirectory.resolve(LINUXBOOT_ROM)));
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new MachineException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closeAll(opened);
    }

    private static void closeAll(List<Closeable> resources) {
        for (Closeable c : resources) {
            try {
                c.close();
            } catch (IOException e) {
                throw new UncheckedIOException("closing " + c + " failed: " + e.getMessage(), e);
            }
        }
    }
}
