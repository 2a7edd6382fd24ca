package dev.mimic.gdb;

import dev.mimic.backend.exec.GuestFault;
import dev.mimic.backend.exec.StopEvent;
import dev.mimic.backend.machine.Machine;
import dev.mimic.backend.machine.MachineException;
import dev.mimic.gdb.target.GdbTarget;
import dev.mimic.gdb.wire.Binary;
import dev.mimic.gdb.wire.Hex;
import dev.mimic.gdb.wire.Incoming;
import dev.mimic.gdb.wire.MalformedPacketException;
import dev.mimic.gdb.wire.PacketConnection;
import dev.mimic.gdb.wire.PacketFields;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * One gdb connection to one machine, in all-stop mode with a single thread: reads packets,
 * answers each (an empty reply for anything not offered, {@code E01} for a malformed one,
 * {@code E14} for memory that is not there, whether the machine says so with a
 * {@link MachineException} or lets its memory's {@link GuestFault} through) and runs the guest
 * when told to. The packet set is
 * that of GDB's "Remote Protocol" appendix that a debugger needs for one process.
 */
final class GdbSession {
    /** The one thread gdb sees. */
    static final String THREAD = "1";
    private static final String OK = "OK", MALFORMED = "E01", NO_MEMORY = "E14";

    private final Machine machine;
    private final GdbTarget target;
    private final PacketConnection connection;
    private final DebugPointTable points;
    private final Resumer resumer;
    private boolean swbreak, hwbreak;
    private StopEvent last;
    private String stopReply = StopReply.initial();
    private SessionEnd end;

    GdbSession(Machine machine, GdbTarget target, PacketConnection connection) {
        this.machine = machine;
        this.target = target;
        this.connection = connection;
        this.points = new DebugPointTable(machine.engine().debugPoints());
        this.resumer = new Resumer(machine, connection);
    }

    /**
     * Serves packets until gdb kills, detaches or goes away (the connection closed or failed);
     * gdb's points are gone afterwards.
     */
    SessionEnd serve() {
        try {
            while (end == null) {
                if (connection.read() instanceof Incoming.Packet p) {
                    String reply = answer(p.payload());
                    if (reply != null) {
                        connection.send(reply);
                    }
                }
            }
        } catch (IOException gone) {
            end = detached();
        } finally {
            points.removeAll();
        }
        return end;
    }

    /** How the session ends when gdb lets go of the guest: it ended already, or it may run on. */
    private SessionEnd detached() {
        return new SessionEnd(guestEnded() ? SessionEnd.How.GUEST_ENDED : SessionEnd.How.DETACHED, last);
    }

    private boolean guestEnded() {
        return last != null && last.terminal();
    }

    /**
     * The reply to one packet; null for the packets that have none ({@code k}) and for
     * {@code QStartNoAckMode}, whose reply must go out before acknowledgements stop.
     */
    String answer(String packet) throws IOException {
        try {
            return dispatch(packet);
        } catch (MalformedPacketException | IllegalArgumentException | MachineException bad) {
            return MALFORMED;
        }
    }

    private String dispatch(String packet) throws IOException {
        if (packet.isEmpty()) {
            return "";
        }
        return switch (packet.charAt(0)) {
            case '?' -> stopReply;
            case 'g' -> Hex.encode(target.readAll(machine));
            case 'G' -> {
                target.writeAll(machine, Hex.decode(packet.substring(1)));
                yield OK;
            }
            case 'p' -> Hex.encode(target.read(machine, register(new PacketFields(packet, 1).hexToEnd())));
            case 'P' -> {
                PacketFields f = new PacketFields(packet, 1);
                target.write(machine, register(f.hexUntil('=')), Hex.decode(f.rest()));
                yield OK;
            }
            case 'm' -> readMemory(new PacketFields(packet, 1));
            case 'M' -> {
                PacketFields f = new PacketFields(packet, 1);
                yield writeMemory(f.hexUntil(','), f.lengthUntil(':'), Hex.decode(f.rest()));
            }
            case 'X' -> {
                PacketFields f = new PacketFields(packet, 1);
                yield writeMemory(f.hexUntil(','), f.lengthUntil(':'), Binary.unescape(f.rest()));
            }
            case 'c', 's' -> resume(packet.charAt(0) == 's', new PacketFields(packet, 1));
            case 'C', 'S' -> resumeWithSignal(packet.charAt(0) == 'S', new PacketFields(packet, 1));
            case 'v' -> verbose(packet);
            case 'Z', 'z' -> debugPoint(packet.charAt(0) == 'Z', new PacketFields(packet, 1));
            case 'H', 'T' -> OK;
            case 'k' -> {
                end = new SessionEnd(SessionEnd.How.KILLED, last);
                yield null;
            }
            case 'D' -> {
                end = detached();
                yield OK;
            }
            case 'q', 'Q' -> query(packet);
            default -> "";
        };
    }

    private static int register(long regnum) {
        if (regnum > Integer.MAX_VALUE) {
            throw new MalformedPacketException("register number out of range");
        }
        return (int) regnum;
    }

    /** {@code m addr,length}: as many bytes as are readable from addr, {@code E14} if none is. */
    private String readMemory(PacketFields f) {
        long address = f.hexUntil(',');
        int length = Math.min(f.lengthToEnd(), PacketConnection.MAX_PACKET / 2);
        try {
            return Hex.encode(machine.readMemory(address, length));
        } catch (MachineException | GuestFault partly) {
            int readable = 0;
            while (readable < length && readable(address + readable)) {
                readable++;
            }
            return readable == 0 ? NO_MEMORY : Hex.encode(machine.readMemory(address, readable));
        }
    }

    private boolean readable(long address) {
        try {
            machine.readMemory(address, 1);
            return true;
        } catch (MachineException | GuestFault unmapped) {
            return false;
        }
    }

    private String writeMemory(long address, int length, byte[] data) {
        if (data.length != length) {
            throw new MalformedPacketException("length " + length + " but " + data.length + " bytes of data");
        }
        try {
            machine.writeMemory(address, data);
            return OK;
        } catch (MachineException | GuestFault unmapped) {
            return NO_MEMORY;
        }
    }

    /** {@code c [addr]} and {@code s [addr]}. */
    private String resume(boolean step, PacketFields f) throws IOException {
        if (!f.atEnd()) {
            machine.setRegister(machine.pcRegister(), f.hexToEnd());
        }
        return run(step);
    }

    /** {@code C sig[;addr]} and {@code S sig[;addr]}: the signal is not delivered (the guest has no handlers for it). */
    private String resumeWithSignal(boolean step, PacketFields f) throws IOException {
        String rest = f.rest();
        int semicolon = rest.indexOf(';');
        Hex.parse(semicolon < 0 ? rest : rest.substring(0, semicolon)); // the signal: checked, not used
        if (semicolon >= 0) {
            machine.setRegister(machine.pcRegister(), Hex.parse(rest.substring(semicolon + 1)));
        }
        return run(step);
    }

    private String run(boolean step) throws IOException {
        if (guestEnded()) {
            stopReply = StopReply.ended(last);
            return stopReply;
        }
        last = step ? resumer.step() : resumer.resume();
        stopReply = StopReply.of(last, points, swbreak, hwbreak);
        return stopReply;
    }

    /** {@code vCont?}, {@code vCont;action[:thread]...} (the first action is for our one thread) and {@code vKill}. */
    private String verbose(String packet) throws IOException {
        if (packet.equals("vCont?")) {
            return "vCont;c;C;s;S";
        }
        if (packet.startsWith("vCont;")) {
            String action = packet.substring("vCont;".length()).split("[;:]", 2)[0];
            if (action.equals("c") || action.startsWith("C")) {
                return run(false);
            }
            if (action.equals("s") || action.startsWith("S")) {
                return run(true);
            }
            return MALFORMED;
        }
        if (packet.startsWith("vKill")) {
            end = new SessionEnd(SessionEnd.How.KILLED, last);
            return OK;
        }
        return "";
    }

    /** {@code Z type,addr,kind} and {@code z type,addr,kind}. */
    private String debugPoint(boolean insert, PacketFields f) {
        int type = (int) Math.min(f.hexUntil(','), Integer.MAX_VALUE);
        long address = f.hexUntil(',');
        String kindField = f.rest();
        int semicolon = kindField.indexOf(';');
        int kind = (int) Math.min(Hex.parse(semicolon < 0 ? kindField : kindField.substring(0, semicolon)), Integer.MAX_VALUE);
        if (kind < 1 && type > DebugPointTable.HARDWARE) {
            throw new MalformedPacketException("watchpoint length must be at least 1");
        }
        boolean done = insert ? points.insert(type, address, kind) : points.remove(type, address, kind);
        return done ? OK : "";
    }

    private String query(String packet) throws IOException {
        if (packet.startsWith("qSupported")) {
            String features = packet.startsWith("qSupported:") ? ";" + packet.substring("qSupported:".length()) + ";" : "";
            swbreak = features.contains(";swbreak+;");
            hwbreak = features.contains(";hwbreak+;");
            return "PacketSize=" + Integer.toHexString(PacketConnection.MAX_PACKET)
                    + ";qXfer:features:read+;swbreak+;hwbreak+;QStartNoAckMode+";
        }
        if (packet.equals("QStartNoAckMode")) {
            connection.send(OK);
            connection.stopAcks();
            return null;
        }
        if (packet.startsWith("qXfer:features:read:")) {
            return features(new PacketFields(packet, "qXfer:features:read:".length()));
        }
        return switch (packet) {
            case "qAttached" -> "1";
            case "qC" -> "QC" + THREAD;
            case "qfThreadInfo" -> "m" + THREAD;
            case "qsThreadInfo" -> "l";
            default -> "";
        };
    }

    /** {@code qXfer:features:read:annex:offset,length}: a window of the target description. */
    private String features(PacketFields f) {
        String rest = f.rest();
        int colon = rest.indexOf(':');
        if (colon < 0) {
            throw new MalformedPacketException("missing offset");
        }
        if (!rest.substring(0, colon).equals("target.xml")) {
            return "E00";
        }
        PacketFields window = new PacketFields(rest, colon + 1);
        long offset = window.hexUntil(',');
        int length = Math.min(window.lengthToEnd(), PacketConnection.MAX_PACKET / 2);
        return Binary.xferWindow(target.xml().getBytes(StandardCharsets.UTF_8), offset, length);
    }
}
