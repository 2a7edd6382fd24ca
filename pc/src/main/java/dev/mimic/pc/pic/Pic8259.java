package dev.mimic.pc.pic;

import dev.mimic.pc.snapshot.Snapshottable;
import dev.mimic.pc.snapshot.StateArrays;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * One Intel 8259A programmable interrupt controller: eight request inputs, the interrupt request,
 * in-service and mask registers, the ICW1-ICW4 initialisation sequence and OCW1-OCW3 (8259A
 * datasheet, "Programming the 8259A"). The {@link PicPair} cascades two of them as a PC does.
 *
 * <p>Priorities rotate: {@code lowestPriority} is the input that currently has the lowest
 * priority, so input {@code (lowestPriority + 1) & 7} has the highest. Edge-triggered inputs latch a
 * request on a rising edge; level-triggered ones (ELCR or ICW1.LTIM) request while high. Either
 * way the input must stay high until acknowledged: a request that drops before INTA is gone, and
 * the acknowledge cycle then answers the spurious IRQ 7 (datasheet, "Edge and level triggered").
 */
final class Pic8259 implements Snapshottable {
    private final int elcrWritable;
    private int irr;
    private int isr;
    private int imr;
    /** Input levels as last seen, for edge detection. */
    private int levels;
    private int elcr;
    private boolean levelTriggeredAll;
    private int lowestPriority = 7;
    private int vectorBase;
    private int initStep;
    private boolean icw4Expected;
    private boolean single;
    private boolean autoEoi;
    private boolean rotateOnAutoEoi;
    private boolean specialFullyNested;
    private boolean specialMask;
    private boolean readIsr;
    private boolean poll;

    /** @param elcrWritable the ELCR bits this chip's inputs may set (edge-only inputs stay clear) */
    Pic8259(int elcrWritable) {
        this.elcrWritable = elcrWritable;
    }

    void setInput(int irq, boolean high) {
        int bit = 1 << irq;
        if (!high) {
            irr &= ~bit;
        } else if (levelTriggered(bit) || (levels & bit) == 0) {
            irr |= bit;
        }
        levels = high ? levels | bit : levels & ~bit;
    }

    private boolean levelTriggered(int bit) {
        return levelTriggeredAll || (elcr & bit) != 0;
    }

    /** The position in the rotated priority order of the highest-priority bit set in {@code bits}; 8 if none. */
    private int priorityOf(int bits) {
        if (bits == 0) {
            return 8;
        }
        int p = 0;
        while ((bits & (1 << ((p + lowestPriority + 1) & 7))) == 0) {
            p++;
        }
        return p;
    }

    /**
     * The input this chip would present to the CPU now, or -1: the highest-priority unmasked request
     * that outranks everything in service. In special fully nested mode (the master of a cascade)
     * the cascade input in service does not block further requests from the slave; in special
     * mask mode masked in-service inputs do not block lower ones.
     */
    int highestRequest(int cascadeInput) {
        int request = priorityOf(irr & ~imr);
        if (request == 8) {
            return -1;
        }
        int inService = isr;
        if (specialMask) {
            inService &= ~imr;
        }
        if (specialFullyNested && cascadeInput >= 0) {
            inService &= ~(1 << cascadeInput);
        }
        return request < priorityOf(inService) ? (request + lowestPriority + 1) & 7 : -1;
    }

    /** The INTA cycle for {@code irq}: moves it from IRR to ISR (or not, in auto-EOI). */
    void acknowledge(int irq) {
        int bit = 1 << irq;
        if (!levelTriggered(bit)) {
            irr &= ~bit;
        }
        if (autoEoi) {
            if (rotateOnAutoEoi) {
                lowestPriority = irq;
            }
        } else {
            isr |= bit;
        }
    }

    int vector(int irq) {
        return vectorBase + irq;
    }

    void writeCommand(int value) {
        if ((value & 0x10) != 0) {
            initialise(value);
        } else if ((value & 0x08) != 0) {
            operationCommand3(value);
        } else {
            operationCommand2(value);
        }
    }

    /** ICW1: clears the mask, the in-service bits and the edge detectors; IRR reads next (datasheet "ICW1"). */
    private void initialise(int icw1) {
        icw4Expected = (icw1 & 0x01) != 0;
        single = (icw1 & 0x02) != 0;
        levelTriggeredAll = (icw1 & 0x08) != 0;
        imr = 0;
        isr = 0;
        irr &= levelTriggeredAll ? levels : 0;
        lowestPriority = 7;
        specialMask = false;
        readIsr = false;
        poll = false;
        autoEoi = false;
        rotateOnAutoEoi = false;
        specialFullyNested = false;
        initStep = 2;
    }

    private void operationCommand3(int ocw3) {
        poll = (ocw3 & 0x04) != 0;
        if ((ocw3 & 0x02) != 0) {
            readIsr = (ocw3 & 0x01) != 0;
        }
        if ((ocw3 & 0x40) != 0) {
            specialMask = (ocw3 & 0x20) != 0;
        }
    }

    /** OCW2: R, SL, EOI in bits 7-5 select the end-of-interrupt and rotation commands. */
    private void operationCommand2(int ocw2) {
        int level = ocw2 & 7;
        switch (ocw2 >>> 5) {
            case 0 -> rotateOnAutoEoi = false;
            case 4 -> rotateOnAutoEoi = true;
            case 1, 5 -> {
                int p = priorityOf(isr);
                if (p != 8) {
                    int irq = (p + lowestPriority + 1) & 7;
                    isr &= ~(1 << irq);
                    if (ocw2 >>> 5 == 5) {
                        lowestPriority = irq;
                    }
                }
            }
            case 3 -> isr &= ~(1 << level);
            case 7 -> {
                isr &= ~(1 << level);
                lowestPriority = level;
            }
            case 6 -> lowestPriority = level;
            default -> { }
        }
    }

    void writeData(int value) {
        switch (initStep) {
            case 2 -> {
                vectorBase = value & 0xF8;
                initStep = single ? (icw4Expected ? 4 : 0) : 3;
            }
            case 3 -> initStep = icw4Expected ? 4 : 0; // ICW3: the PC's cascade wiring is fixed
            case 4 -> {
                autoEoi = (value & 0x02) != 0;
                specialFullyNested = (value & 0x10) != 0;
                initStep = 0;
            }
            default -> imr = value;
        }
    }

    boolean polling() {
        return poll;
    }

    /** A read of the command port outside poll mode: IRR or ISR, as OCW3 last chose. */
    int readCommand() {
        return readIsr ? isr : irr;
    }

    /** Ends poll mode after the poll read (the datasheet's poll command lasts one read). */
    void endPoll() {
        poll = false;
    }

    int readData() {
        return imr;
    }

    int elcr() {
        return elcr;
    }

    void writeElcr(int value) {
        elcr = value & elcrWritable;
    }

    int irr() {
        return irr;
    }

    int isr() {
        return isr;
    }

    int imr() {
        return imr;
    }

    @Override
    public void saveState(DataOutputStream out) throws IOException {
        StateArrays.writeInts(out, new int[] {irr, isr, imr, levels, elcr, lowestPriority, vectorBase, initStep});
        for (boolean flag : new boolean[] {levelTriggeredAll, icw4Expected, single, autoEoi, rotateOnAutoEoi,
            specialFullyNested, specialMask, readIsr, poll}) {
            out.writeBoolean(flag);
        }
    }

    @Override
    public void restoreState(DataInputStream in) throws IOException {
        int[] registers = new int[8];
        StateArrays.readInts(in, registers);
        irr = registers[0];
        isr = registers[1];
        imr = registers[2];
        levels = registers[3];
        elcr = registers[4];
        lowestPriority = registers[5];
        vectorBase = registers[6];
        initStep = registers[7];
        levelTriggeredAll = in.readBoolean();
        icw4Expected = in.readBoolean();
        single = in.readBoolean();
        autoEoi = in.readBoolean();
        rotateOnAutoEoi = in.readBoolean();
        specialFullyNested = in.readBoolean();
        specialMask = in.readBoolean();
        readIsr = in.readBoolean();
        poll = in.readBoolean();
    }
}
