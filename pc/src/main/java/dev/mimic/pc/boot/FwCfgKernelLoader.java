package dev.mimic.pc.boot;

import dev.mimic.pc.firmware.FwCfg;
import dev.mimic.pc.memory.RamLayout;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Hands a kernel to the BIOS, as QEMU's {@code -kernel} does when firmware runs: the patched
 * real-mode setup, the protected-mode kernel, the initrd and the command line become fw_cfg
 * items with the addresses they belong at, and an option ROM (QEMU's linuxboot_dma.bin, listed
 * as genroms/linuxboot_dma.bin) copies them there and jumps to the setup code once the BIOS
 * has initialised the machine.
 */
public final class FwCfgKernelLoader {
    static final int KERNEL_ADDR = 0x07;
    static final int KERNEL_SIZE = 0x08;
    static final int INITRD_ADDR = 0x0A;
    static final int INITRD_SIZE = 0x0B;
    static final int KERNEL_DATA = 0x11;
    static final int INITRD_DATA = 0x12;
    static final int CMDLINE_ADDR = 0x13;
    static final int CMDLINE_SIZE = 0x14;
    static final int CMDLINE_DATA = 0x15;
    static final int SETUP_ADDR = 0x16;
    static final int SETUP_SIZE = 0x17;
    static final int SETUP_DATA = 0x18;

    /** Where the option ROM puts the real-mode setup: its heap then reaches up to the command line. */
    static final long SETUP_ADDRESS = 0x10000;
    /** QEMU's boot loader ID in type_of_loader. */
    static final int LOADER_QEMU = 0xB0;

    private FwCfgKernelLoader() {
    }

    /**
     * Publishes the kernel in {@code cfg}.
     *
     * @param initrd      the initial RAM disk, or null
     * @param initrdName  its file name for error messages
     * @param optionRom   the ROM that boots it (linuxboot_dma.bin), or null if the firmware has its own way
     */
    public static void install(FwCfg cfg, RamLayout ram, BzImage image, byte[] initrd, String initrdName, String cmdline, byte[] optionRom) {
        KernelPlacement placement = KernelPlacement.plan(image, ram, initrdName, initrd == null ? 0 : initrd.length, cmdline);
        byte[] setup = image.setup();
        ByteBuffer header = ByteBuffer.wrap(setup).order(ByteOrder.LITTLE_ENDIAN);
        placement.patchHeader(header, LOADER_QEMU);
        header.put(BzImage.LOADFLAGS, (byte) (setup[BzImage.LOADFLAGS] | BzImage.CAN_USE_HEAP));
        header.putShort(BzImage.HEAP_END_PTR, (short) (KernelPlacement.CMDLINE_ADDRESS - SETUP_ADDRESS - 0x200));
        byte[] kernel = image.kernel();
        cfg.putU32(SETUP_ADDR, (int) SETUP_ADDRESS);
        cfg.putU32(SETUP_SIZE, setup.length);
        cfg.put(SETUP_DATA, setup);
        cfg.putU32(KERNEL_ADDR, (int) KernelPlacement.KERNEL_ADDRESS);
        cfg.putU32(KERNEL_SIZE, kernel.length);
        cfg.put(KERNEL_DATA, kernel);
        cfg.putU32(CMDLINE_ADDR, (int) KernelPlacement.CMDLINE_ADDRESS);
        cfg.putU32(CMDLINE_SIZE, placement.cmdline().length);
        cfg.put(CMDLINE_DATA, placement.cmdline());
        cfg.putU32(INITRD_ADDR, (int) placement.initrdAddress());
        cfg.putU32(INITRD_SIZE, placement.initrdSize());
        cfg.put(INITRD_DATA, initrd == null ? new byte[0] : initrd);
        if (optionRom != null) {
            cfg.putFile("genroms/linuxboot_dma.bin", optionRom);
        }
    }
}
