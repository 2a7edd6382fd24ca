package dev.mimic.pc.serial;

import dev.mimic.pc.bus.IoBus;
import dev.mimic.pc.bus.IrqLine;
import dev.mimic.pc.bus.PortDevice;
import dev.mimic.pc.clock.ClockEvent;
import dev.mimic.pc.clock.VirtualClock;
import dev.mimic.pc.snapshot.Snapshottable;
import dev.mimic.pc.snapshot.StateArrays;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;

/**
 * A National Semiconductor 16550A UART (PC16550D datasheet): eight registers with the divisor
 * latch behind LCR.DLAB, 16-byte FIFOs with a receive trigger level, the four interrupt sources in
 * their fixed priority (line status, received data or character timeout, transmitter empty,
 * modem status), and loopback. Transmission is instantaneous: a byte written to THR goes to the
 * backend at once and THR is empty again. On the PC the interrupt reaches the PIC only while
 * MCR.OUT2 is set.
 */
public final class Uart16550 implements PortDevice, Snapshottable {
    /** The PC's four serial ports and their interrupts: COM1/COM3 on IRQ 4, COM2/COM4 on IRQ 3. */
    public static final int[] COM_PORTS = {0x3F8, 0x2F8, 0x3E8, 0x2E8};
    public static final int[] COM_IRQS = {4, 3, 4, 3};

    private static final long INPUT_POLL_NANOS = 1_000_000;
    private static final int CLOCK_HZ = 115_200;
    private static final int FIFO_SIZE = 16;

    private static final int IER_RDA = 0x01;
    private static final int IER_THRE = 0x02;
    private static final int IER_RLS = 0x04;
    private static final int IER_MS = 0x08;
    private static final int LCR_DLAB = 0x80;
    private static final int MCR_DTR = 0x01;
    private static final int MCR_RTS = 0x02;
    private static final int MCR_OUT1 = 0x04;
    private static final int MCR_OUT2 = 0x08;
    private static final int MCR_LOOP = 0x10;
    private static final int LSR_DR = 0x01;
    private static final int LSR_OE = 0x02;
    private static final int LSR_ERRORS = 0x1E;
    private static final int LSR_THRE = 0x20;
    private static final int LSR_TEMT = 0x40;
    /** CTS, DSR and DCD asserted: a backend is a connected modem. */
    private static final int MSR_CONNECTED = 0xB0;
    private static final int[] TRIGGER_LEVELS = {1, 4, 8, 14};

    private final VirtualClock clock;
    private final IrqLine irq;
    private final SerialBackend backend;
    private final ArrayDeque<Integer> receiveFifo = new ArrayDeque<>();
    private final ClockEvent timeout;
    private final ClockEvent inputPoll;
    private int base;
    private int divisor = 12;
    private int ier;
    private int lcr;
    private int mcr;
    private int lsrErrors;
    private int msr = MSR_CONNECTED;
    private int scratch;
    private boolean fifoEnabled;
    private int triggerLevel = 1;
    private boolean timeoutPending;
    private boolean thrEmptyPending;

    public Uart16550(VirtualClock clock, IrqLine irq, SerialBackend backend) {
        this.clock = clock;
        this.irq = irq;
        this.backend = backend;
        this.timeout = clock.newEvent(this::characterTimeout);
        this.inputPoll = clock.newEvent(this::pollInput);
        if (backend.readable()) {
            inputPoll.schedule(clock.nanos() + INPUT_POLL_NANOS);
        }
    }

    /** Claims the eight registers at {@code base} (one of {@link #COM_PORTS}). */
    public void attach(IoBus bus, int ioBase) {
        this.base = ioBase;
        bus.map(ioBase, 8, this);
    }

    /** A byte arriving on the receive line; it is lost, with LSR.OE, if the FIFO is full. */
    public void receive(int b) {
        if (receiveFifo.size() >= (fifoEnabled ? FIFO_SIZE : 1)) {
            lsrErrors |= LSR_OE;
        } else {
            receiveFifo.add(b & 0xFF);
        }
        restartTimeout();
        update();
    }

    @Override
    public int read(int port, int size) {
        boolean dlab = (lcr & LCR_DLAB) != 0;
        return switch (port - base) {
            case 0 -> dlab ? divisor & 0xFF : readReceiver();
            case 1 -> dlab ? divisor >>> 8 : ier;
            case 2 -> readInterruptIdentification();
            case 3 -> lcr;
            case 4 -> mcr;
            case 5 -> readLineStatus();
            case 6 -> readModemStatus();
            default -> scratch;
        };
    }

    @Override
    public void write(int port, int size, int value) {
        boolean dlab = (lcr & LCR_DLAB) != 0;
        switch (port - base) {
            case 0 -> {
                if (dlab) {
                    divisor = divisor & 0xFF00 | value;
                } else {
                    transmit(value);
                }
            }
            case 1 -> {
                if (dlab) {
                    divisor = divisor & 0xFF | value << 8;
                } else {
                    writeInterruptEnable(value & 0x0F);
                }
            }
            case 2 -> writeFifoControl(value);
            case 3 -> lcr = value;
            case 4 -> writeModemControl(value & 0x1F);
            case 5, 6 -> { }
            default -> scratch = value;
        }
        update();
    }

    private int readReceiver() {
        Integer b = receiveFifo.poll();
        timeoutPending = false;
        restartTimeout();
        pollInput();
        update();
        return b == null ? 0 : b;
    }

    private void transmit(int b) {
        if ((mcr & MCR_LOOP) != 0) {
            receive(b);
        } else {
            backend.write(b);
        }
        thrEmptyPending = true;
    }

    /** Enabling the THRE interrupt while THR is already empty raises it at once (datasheet, IER). */
    private void writeInterruptEnable(int value) {
        if ((value & IER_THRE) != 0 && (ier & IER_THRE) == 0) {
            thrEmptyPending = true;
        }
        ier = value;
    }

    private void writeFifoControl(int value) {
        boolean enable = (value & 0x01) != 0;
        if (enable != fifoEnabled) {
            receiveFifo.clear();
        }
        fifoEnabled = enable;
        if ((value & 0x02) != 0) {
            receiveFifo.clear();
            timeoutPending = false;
        }
        triggerLevel = TRIGGER_LEVELS[value >>> 6];
        restartTimeout();
    }

    /** In loopback the modem inputs follow MCR: CTS=RTS, DSR=DTR, RI=OUT1, DCD=OUT2. */
    private void writeModemControl(int value) {
        mcr = value;
        int inputs = (value & MCR_LOOP) == 0 ? MSR_CONNECTED
                : ((value & MCR_RTS) != 0 ? 0x10 : 0) | ((value & MCR_DTR) != 0 ? 0x20 : 0)
                | ((value & MCR_OUT1) != 0 ? 0x40 : 0) | ((value & MCR_OUT2) != 0 ? 0x80 : 0);
        int old = msr & 0xF0;
        int changed = old ^ inputs;
        int deltas = (changed & 0x10) != 0 ? 0x01 : 0;
        deltas |= (changed & 0x20) != 0 ? 0x02 : 0;
        deltas |= (old & 0x40) != 0 && (inputs & 0x40) == 0 ? 0x04 : 0;
        deltas |= (changed & 0x80) != 0 ? 0x08 : 0;
        msr = inputs | (msr & 0x0F) | deltas;
    }

    private int readLineStatus() {
        int value = (receiveFifo.isEmpty() ? 0 : LSR_DR) | lsrErrors | LSR_THRE | LSR_TEMT;
        lsrErrors = 0;
        update();
        return value;
    }

    private int readModemStatus() {
        int value = msr;
        msr &= 0xF0;
        update();
        return value;
    }

    private int readInterruptIdentification() {
        int id = pendingInterrupt();
        if (id == 0x02) {
            thrEmptyPending = false;
            update();
        }
        return id | (fifoEnabled ? 0xC0 : 0);
    }

    /** IIR bits 3-0 for the highest-priority pending source, 0x01 when none (datasheet table 4). */
    private int pendingInterrupt() {
        if ((ier & IER_RLS) != 0 && (lsrErrors & LSR_ERRORS) != 0) {
            return 0x06;
        }
        if ((ier & IER_RDA) != 0 && receiveFifo.size() >= (fifoEnabled ? triggerLevel : 1)) {
            return 0x04;
        }
        if ((ier & IER_RDA) != 0 && timeoutPending) {
            return 0x0C;
        }
        if ((ier & IER_THRE) != 0 && thrEmptyPending) {
            return 0x02;
        }
        if ((ier & IER_MS) != 0 && (msr & 0x0F) != 0) {
            return 0x00;
        }
        return 0x01;
    }

    private void update() {
        boolean gated = (mcr & MCR_OUT2) != 0 && (mcr & MCR_LOOP) == 0;
        irq.set(gated && pendingInterrupt() != 0x01);
    }

    /** Four character times of quiet with data below the trigger level signal a timeout (FIFO mode). */
    private void restartTimeout() {
        if (fifoEnabled && !receiveFifo.isEmpty()) {
            timeout.schedule(clock.nanos() + 4 * characterNanos());
        } else {
            timeout.cancel();
        }
    }

    /** One start, eight data and one stop bit at the programmed rate. */
    private long characterNanos() {
        return 10L * Math.max(divisor, 1) * 1_000_000_000L / CLOCK_HZ;
    }

    private void characterTimeout() {
        timeoutPending = !receiveFifo.isEmpty();
        update();
    }

    /** Moves waiting host input into the receive FIFO while it has room (not in loopback). */
    private void pollInput() {
        if (!backend.readable()) {
            return;
        }
        int room = (fifoEnabled ? FIFO_SIZE : 1) - receiveFifo.size();
        for (; room > 0 && (mcr & MCR_LOOP) == 0; room--) {
            int b = backend.read();
            if (b < 0) {
                break;
            }
            receive(b);
        }
        inputPoll.schedule(clock.nanos() + INPUT_POLL_NANOS);
    }

    @Override
    public void saveState(DataOutputStream out) throws IOException {
        for (int v : new int[] {divisor, ier, lcr, mcr, lsrErrors, msr, scratch, triggerLevel}) {
            out.writeInt(v);
        }
        out.writeBoolean(fifoEnabled);
        out.writeBoolean(timeoutPending);
        out.writeBoolean(thrEmptyPending);
        StateArrays.writeQueue(out, receiveFifo);
        timeout.saveState(out);
        inputPoll.saveState(out);
    }

    @Override
    public void restoreState(DataInputStream in) throws IOException {
        divisor = in.readInt();
        ier = in.readInt();
        lcr = in.readInt();
        mcr = in.readInt();
        lsrErrors = in.readInt();
        msr = in.readInt();
        scratch = in.readInt();
        triggerLevel = in.readInt();
        fifoEnabled = in.readBoolean();
        timeoutPending = in.readBoolean();
        thrEmptyPending = in.readBoolean();
        StateArrays.readQueue(in, receiveFifo, FIFO_SIZE);
        timeout.restoreState(in);
        inputPoll.restoreState(in);
    }
}
