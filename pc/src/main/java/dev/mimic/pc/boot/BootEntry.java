package dev.mimic.pc.boot;

/**
 * The CPU state the 32-bit boot protocol enters the kernel with (boot.rst, "32-bit Boot
 * Protocol"): protected mode with paging off and interrupts disabled, the loader's GDT loaded,
 * CS = {@link #CODE_SELECTOR} and DS = ES = SS = {@link #DATA_SELECTOR}, both flat 4 GiB,
 * EIP = the kernel's code32_start, ESI = the boot_params address, and EBP = EDI = EBX = 0.
 *
 * @param eip       where to start
 * @param esi       the physical address of boot_params (the zero page)
 * @param gdtBase   physical address of the GDT the loader wrote
 * @param gdtLimit  its limit, for LGDT
 */
public record BootEntry(long eip, long esi, long gdtBase, int gdtLimit) {
    public static final int CODE_SELECTOR = 0x10;
    public static final int DATA_SELECTOR = 0x18;
}
