package dev.mimic.pc.boot;

import dev.mimic.pc.firmware.FwCfg;
import dev.mimic.pc.memory.RamLayout;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Hands a {@link MultibootKernel} to the BIOS the way qemu-system-i386 does, for QEMU's
 * multiboot_dma.bin option ROM to boot: one block at the kernel's load address holding the kernel
 * (page-aligned), the module list, the command lines and the boot loader's name, then each module
 * on its own page; and the 88-byte multiboot information structure at {@link #INFO_ADDRESS}. The
 * ROM, running after the BIOS, completes the information from the BIOS (mem_lower from INT 12h,
 * the memory map at {@link #MEMORY_MAP_ADDRESS} from INT 15h E820, mem_upper from that map),
 * copies the block in place and enters the kernel in flat protected mode with EAX = 0x2BADB002 and
 * EBX = the information's address (Multiboot Specification 0.6.96, section 3.2 and 3.3).
 */
public final class FwCfgMultibootLoader {
    static final int KERNEL_ENTRY = 0x10;
    /** The memory map below the information structure, both inside real mode's reach. */
    static final int MEMORY_MAP_ADDRESS = 0x9000;
    static final int INFO_ADDRESS = MEMORY_MAP_ADDRESS + 0x500;
    static final int INFO_SIZE = 88;
    private static final int PAGE = 4096;
    private static final int MODULE_ENTRY = 16;
    /** Flags of the fields given: memory, boot device, command line, modules, memory map, boot loader name. */
    static final int INFO_FLAGS = 1 | 1 << 1 | 1 << 2 | 1 << 3 | 1 << 6 | 1 << 9;
    /** BIOS drive 0x80, no partition: the first hard disk, as QEMU says. */
    private static final int BOOT_DEVICE = 0x8000_FFFF;
    private static final String LOADER_NAME = "mimic";

    /** A boot module: its bytes, and its string ({@code -initrd "file args"}), which the kernel gets as the module's command line. */
    public record Module(String string, byte[] bytes) {
    }

    private FwCfgMultibootLoader() {
    }

    /**
     * Publishes {@code kernel} in {@code cfg}.
     *
     * @param name      the kernel's file name, which starts its command line
     * @param optionRom QEMU's multiboot_dma.bin
     */
    public static void install(FwCfg cfg, RamLayout ram, MultibootKernel kernel, String name, List<Module> modules, String append,
                               byte[] optionRom) {
        long base = kernel.loadAddress();
        int kernelEnd = align(kernel.image().length);
        int moduleList = kernelEnd;
        ByteArrayOutputStream strings = new ByteArrayOutputStream();
        int stringsStart = moduleList + MODULE_ENTRY * modules.size();
        int[] moduleStrings = new int[modules.size()];
        for (int i = 0; i < modules.size(); i++) {
            moduleStrings[i] = stringsStart + cString(strings, modules.get(i).string());
        }
        int commandLine = stringsStart + cString(strings, append.isEmpty() ? name : name + " " + append);
        int loaderName = stringsStart + cString(strings, LOADER_NAME);
        long size = align(stringsStart + strings.size());
        long[] moduleStarts = new long[modules.size()];
        for (int i = 0; i < modules.size(); i++) {
            moduleStarts[i] = size;
            size = align(size + modules.get(i).bytes().length);
        }
        if (base + size > ram.below4g()) {
            throw new BootImageException(name, String.format("the kernel and its modules need RAM up to 0x%x; give the machine more (-m)",
                    base + size));
        }
        ByteBuffer block = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        block.put(0, kernel.image());
        for (int i = 0; i < modules.size(); i++) {
            byte[] bytes = modules.get(i).bytes();
            block.put((int) moduleStarts[i], bytes);
            int entry = moduleList + MODULE_ENTRY * i;
            block.putInt(entry, (int) (base + moduleStarts[i]));
            block.putInt(entry + 4, (int) (base + moduleStarts[i] + bytes.length));
            block.putInt(entry + 8, (int) (base + moduleStrings[i]));
        }
        block.put(stringsStart, strings.toByteArray());

        ByteBuffer info = ByteBuffer.allocate(INFO_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        info.putInt(0, INFO_FLAGS);
        info.putInt(12, BOOT_DEVICE);
        info.putInt(16, (int) (base + commandLine));
        info.putInt(20, modules.size());
        info.putInt(24, (int) (base + moduleList));
        info.putInt(48, MEMORY_MAP_ADDRESS);
        info.putInt(64, (int) (base + loaderName));

        cfg.putU32(KERNEL_ENTRY, (int) kernel.entry());
        cfg.putU32(FwCfgKernelLoader.KERNEL_ADDR, (int) base);
        cfg.putU32(FwCfgKernelLoader.KERNEL_SIZE, (int) size);
        cfg.put(FwCfgKernelLoader.KERNEL_DATA, block.array());
        cfg.putU32(FwCfgKernelLoader.INITRD_ADDR, INFO_ADDRESS);
        cfg.putU32(FwCfgKernelLoader.INITRD_SIZE, INFO_SIZE);
        cfg.put(FwCfgKernelLoader.INITRD_DATA, info.array());
        cfg.putFile("genroms/multiboot_dma.bin", optionRom);
    }

    /** Appends {@code s} NUL-terminated; returns where it starts in {@code out}. */
    private static int cString(ByteArrayOutputStream out, String s) {
        int at = out.size();
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        out.write(0);
        return at;
    }

    private static int align(long n) {
        return Math.toIntExact((n + PAGE - 1) & -PAGE);
    }
}
