package dev.mimic.pc.pci;

/**
 * The Intel 82441FX PCI and memory controller (the 440FX host bridge) at 00:00.0, 8086:1237: the
 * registers a BIOS touches are the programmable attribute map PAM0-PAM6 (0x59-0x5F), which
 * decides whether the BIOS area reads DRAM or ROM, and the SMRAM control register (0x72).
 */
public final class I440fxHostBridge extends PciFunction {
    private static final int PAM0 = 0x59;
    private static final int SMRAM = 0x72;
    private static final int D_OPEN = 0x40;
    private static final int D_CLS = 0x20;
    private static final int D_LCK = 0x10;
    private static final int G_SMRAME = 0x08;

    private Runnable mapChanged = () -> { };

    public I440fxHostBridge() {
        super(0x8086, 0x1237, 0x02, 0x060000, 0x00);
        initial(COMMAND, 2, 0x0006);
        initial(STATUS, 2, 0x0280);
        writable(COMMAND, 2, 0x0140);
        writeOneToClear(STATUS, 2, 0xF900);
        writable(0x0D, 1, 0xF8);
        // PAM0 holds only the 0xF0000 segment's bits (5:4); PAM1-PAM6 two segments each.
        writable(PAM0, 1, 0x30);
        for (int r = PAM0 + 1; r <= PAM0 + 6; r++) {
            writable(r, 1, 0x33);
        }
        initial(SMRAM, 1, 0x02);
        writable(SMRAM, 1, D_OPEN | D_CLS | D_LCK | G_SMRAME);
    }

    /** Called after any PAM or SMRAM change, so the machine can remap the BIOS area. */
    public void onMapChange(Runnable listener) {
        this.mapChanged = listener;
    }

    /**
     * How {@code address} (0xC0000-0xFFFFF) is decoded: 0xF0000-0xFFFFF by PAM0's high nibble,
     * then 16 KiB segments from 0xC0000 by PAM1's low nibble, PAM1's high nibble, PAM2's low ...
     */
    public PamMode pam(long address) {
        if (address < 0xC0000 || address > 0xFFFFF) {
            throw new IllegalArgumentException("0x" + Long.toHexString(address) + " is outside the PAM area");
        }
        if (address >= 0xF0000) {
            return PamMode.of(read(PAM0, 1) >>> 4);
        }
        int segment = (int) ((address - 0xC0000) >>> 14);
        int register = read(PAM0 + 1 + segment / 2, 1);
        return PamMode.of(segment % 2 == 0 ? register : register >>> 4);
    }

    /** Whether SMRAM at 0xA0000 is visible outside SMM (D_OPEN with SMRAM enabled). */
    public boolean smramOpen() {
        int smram = read(SMRAM, 1);
        return (smram & G_SMRAME) != 0 && (smram & D_OPEN) != 0;
    }

    /** D_LCK clears D_OPEN and freezes D_LCK, D_OPEN and G_SMRAME until reset (82441FX, SMRAM). */
    @Override
    protected void configWritten(int offset, int size) {
        if (touches(offset, size, SMRAM, 1) && (read(SMRAM, 1) & D_LCK) != 0) {
            initial(SMRAM, 1, read(SMRAM, 1) & ~D_OPEN);
            writable(SMRAM, 1, D_CLS);
        }
        if (touches(offset, size, PAM0, 7) || touches(offset, size, SMRAM, 1)) {
            mapChanged.run();
        }
    }
}
