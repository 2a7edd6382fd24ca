package dev.mimic.pc.boot;

import dev.mimic.backend.machine.MachineException;
import dev.mimic.pc.memory.RamLayout;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Where a kernel, its initrd and its command line go in guest memory, decided once for both ways
 * of booting (straight into the kernel, or through the BIOS with fw_cfg): the protected-mode
 * kernel at 1 MiB, the command line at 0x20000, the initrd page-aligned as high as the kernel's
 * {@code initrd_addr_max} and the RAM allow, below the 128 KiB at the top of low RAM that the
 * BIOS keeps for ACPI tables (as QEMU does).
 *
 * @param initrdAddress where the initrd starts (0 without one)
 * @param initrdSize    its length in bytes
 * @param cmdline       the command line, zero-terminated
 */
record KernelPlacement(long initrdAddress, int initrdSize, byte[] cmdline) {
    static final long KERNEL_ADDRESS = 0x100000;
    static final long CMDLINE_ADDRESS = 0x20000;
    private static final long ACPI_RESERVE = 0x20000;
    private static final int INIT_SIZE = 0x260;

    static KernelPlacement plan(BzImage image, RamLayout ram, String initrdName, int initrdSize, String cmdline) {
        long kernelEnd = KERNEL_ADDRESS + Math.max(image.kernelSize(), image.version() >= 0x020A ? image.u32(INIT_SIZE) : 0);
        if (kernelEnd > ram.below4g()) {
            throw new BootImageException(image.name(), String.format("the kernel needs RAM up to 0x%x but there is only 0x%x", kernelEnd, ram.below4g()));
        }
        byte[] text = cmdline.getBytes(StandardCharsets.UTF_8);
        if (text.length > image.cmdlineSize()) {
            throw new MachineException("the kernel command line is " + text.length + " bytes; " + image.name() + " takes at most " + image.cmdlineSize());
        }
        byte[] terminated = new byte[text.length + 1];
        System.arraycopy(text, 0, terminated, 0, text.length);
        if (initrdSize == 0) {
            return new KernelPlacement(0, 0, terminated);
        }
        long highest = Math.min(image.initrdAddrMax(), ram.below4g() - ACPI_RESERVE - 1);
        long address = (highest + 1 - initrdSize) & ~0xFFFL;
        if (address < kernelEnd) {
            throw new BootImageException(initrdName, String.format("%d bytes do not fit between the kernel's end 0x%x and 0x%x", initrdSize, kernelEnd, highest + 1));
        }
        return new KernelPlacement(address, initrdSize, terminated);
    }

    /**
     * Fills the loader's fields of a setup header held in {@code header} at the image's offsets
     * (the setup code itself, or boot_params, which has the header at the same place).
     */
    void patchHeader(ByteBuffer header, int typeOfLoader) {
        header.put(BzImage.TYPE_OF_LOADER, (byte) typeOfLoader);
        header.putInt(BzImage.CMD_LINE_PTR, (int) CMDLINE_ADDRESS);
        header.putInt(BzImage.RAMDISK_IMAGE, (int) initrdAddress);
        header.putInt(BzImage.RAMDISK_SIZE, initrdSize);
    }
}
