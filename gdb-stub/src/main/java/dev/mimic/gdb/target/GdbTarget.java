package dev.mimic.gdb.target;

import dev.mimic.backend.machine.Machine;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How gdb sees one architecture: the registers in gdb's numbering (the order of the {@code g}
 * packet), the target description that tells gdb so, and how each register maps onto the Machine
 * SPI. A register the machine does not expose reads as zeros and ignores writes, so gdb still
 * gets the full layout its architecture requires.
 */
public final class GdbTarget {
    private final String architecture;
    private final String feature;
    private final ByteOrder order;
    private final List<FlagsType> flags;
    private final List<GdbRegister> registers;
    private final int size;

    /**
     * @param architecture gdb's name for the architecture ({@code i386})
     * @param feature      the target-description feature holding the registers ({@code org.gnu.gdb.i386.core})
     * @param order        the byte order register values travel in
     */
    public GdbTarget(String architecture, String feature, ByteOrder order, List<FlagsType> flags, List<GdbRegister> registers) {
        this.architecture = architecture;
        this.feature = feature;
        this.order = order;
        this.flags = List.copyOf(flags);
        this.registers = List.copyOf(registers);
        this.size = registers.stream().mapToInt(GdbRegister::bytes).sum();
    }

    public List<GdbRegister> registers() {
        return registers;
    }

    /** The target description gdb reads through {@code qXfer:features:read:target.xml}. */
    public String xml() {
        StringBuilder s = new StringBuilder("""
                <?xml version="1.0"?>
                <!DOCTYPE target SYSTEM "gdb-target.dtd">
                <target version="1.0">
                """);
        s.append("  <architecture>").append(architecture).append("</architecture>\n");
        s.append("  <feature name=\"").append(feature).append("\">\n");
        flags.forEach(f -> s.append(f.xml()));
        for (int i = 0; i < registers.size(); i++) {
            GdbRegister r = registers.get(i);
            s.append("    <reg name=\"").append(r.name()).append("\" bitsize=\"").append(r.bits())
                    .append("\" type=\"").append(r.type()).append("\" regnum=\"").append(i).append('"');
            if (r.group() != null) {
                s.append(" group=\"").append(r.group()).append('"');
            }
            s.append("/>\n");
        }
        return s.append("  </feature>\n</target>\n").toString();
    }

    /** Every register's value, concatenated in gdb's order (the {@code g} reply). */
    public byte[] readAll(Machine machine) {
        Set<String> present = present(machine);
        byte[] all = new byte[size];
        int at = 0;
        for (GdbRegister r : registers) {
            byte[] v = value(machine, present, r);
            System.arraycopy(v, 0, all, at, v.length);
            at += v.length;
        }
        return all;
    }

    /** Sets every register from a {@link #readAll}-shaped block (the {@code G} packet). */
    public void writeAll(Machine machine, byte[] all) {
        if (all.length != size) {
            throw new IllegalArgumentException("expected " + size + " bytes of registers, got " + all.length);
        }
        Set<String> present = present(machine);
        int at = 0;
        for (GdbRegister r : registers) {
            byte[] v = Arrays.copyOfRange(all, at, at + r.bytes());
            setValue(machine, present, r, v);
            at += r.bytes();
        }
    }

    /** Register {@code regnum}'s value, {@code bits/8} bytes in the target's byte order. */
    public byte[] read(Machine machine, int regnum) {
        return value(machine, present(machine), register(regnum));
    }

    public void write(Machine machine, int regnum, byte[] value) {
        GdbRegister r = register(regnum);
        if (value.length != r.bytes()) {
            throw new IllegalArgumentException(r.name() + " takes " + r.bytes() + " bytes, got " + value.length);
        }
        setValue(machine, present(machine), r, value);
    }

    private static Set<String> present(Machine machine) {
        Set<String> names = new HashSet<>(machine.registerNames());
        names.addAll(machine.debuggerRegisterNames());
        return names;
    }

    private GdbRegister register(int regnum) {
        if (regnum < 0 || regnum >= registers.size()) {
            throw new IllegalArgumentException("no register " + regnum + " (" + registers.size() + " registers)");
        }
        return registers.get(regnum);
    }

    private byte[] value(Machine machine, Set<String> present, GdbRegister r) {
        byte[] v = new byte[r.bytes()];
        if (present.contains(r.name())) {
            byte[] x = machine.registerBytes(r.name());
            for (int i = 0; i < Math.min(x.length, v.length); i++) {
                v[position(i, v.length)] = x[i];
            }
        }
        return v;
    }

    private void setValue(Machine machine, Set<String> present, GdbRegister r, byte[] v) {
        if (!present.contains(r.name())) {
            return;
        }
        byte[] x = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            x[i] = v[position(i, v.length)];
        }
        machine.setRegisterBytes(r.name(), x);
    }

    /** Where the byte of significance {@code i} sits in a value of {@code length} bytes. */
    private int position(int i, int length) {
        return order == ByteOrder.LITTLE_ENDIAN ? i : length - 1 - i;
    }
}
