package dev.mimic.pc.pci;

/**
 * The Intel 82371SB (PIIX3) PCI-to-ISA bridge, function 0 of 00:01, 8086:7000. Its PIRQ route
 * control registers 0x60-0x63 steer the PCI interrupt lines PIRQA#-PIRQD# to ISA IRQs; bit 7
 * disables a route, and IRQ 0, 1, 2, 8 and 13 are reserved.
 */
public final class Piix3IsaBridge extends PciFunction {
    private static final int PIRQ_ROUTE = 0x60;

    public Piix3IsaBridge() {
        super(0x8086, 0x7000, 0x00, 0x060100, 0x80);
        initial(COMMAND, 2, 0x0007);
        initial(STATUS, 2, 0x0200);
        writable(COMMAND, 2, 0x0108);
        writeOneToClear(STATUS, 2, 0xF800);
        for (int i = 0; i < 4; i++) {
            initial(PIRQ_ROUTE + i, 1, 0x80);
            writable(PIRQ_ROUTE + i, 1, 0x8F);
        }
    }

    /** The ISA IRQ PIRQ{@code pirq}# (0 = A ... 3 = D) is routed to, or -1 if disabled or reserved. */
    public int pirqRoute(int pirq) {
        int route = read(PIRQ_ROUTE + pirq, 1);
        int irq = route & 0x0F;
        boolean reserved = irq <= 2 || irq == 8 || irq == 13;
        return (route & 0x80) != 0 || reserved ? -1 : irq;
    }
}
