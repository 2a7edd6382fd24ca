package dev.mimic.forth.firmware;

import dev.mimic.backend.memory.FlatMemory;
import dev.mimic.backend.machine.MachineException;
import dev.mimic.forth.ForthMachine;
import dev.mimic.forth.Outcome;

import java.nio.charset.StandardCharsets;

/**
 * The firmware's client interface (IEEE 1275 6.3) as a host-side client program sees it: each
 * call lays out an argument array in guest memory (service name, argument and return counts,
 * arguments, returns; 64-bit cells), enters {@code cif-handler} with its address and reads the
 * returns back. A client program of another machine (a kernel calling the firmware) would hand
 * over the same array; this class is that hand-over for the host and the tests.
 */
public final class ClientInterface {
    /** Bytes of guest memory for the array and the strings it points to. */
    private static final int SCRATCH = 4096;

    private final ForthMachine machine;
    private final FlatMemory memory;
    private final long scratch;

    /** A client of the firmware running in {@code machine}, with its scratch memory on the firmware's heap. */
    public ClientInterface(ForthMachine machine) {
        this.machine = machine;
        this.memory = machine.memory();
        this.scratch = evaluateForCell(SCRATCH + " alloc-mem");
    }

    /**
     * Calls {@code service} with {@code args} (numbers, or strings passed as the address of a
     * NUL-terminated copy) and returns its {@code returns} results.
     *
     * @throws MachineException when the firmware has no such service (cif-handler answered -1)
     */
    public long[] call(String service, int returns, Object... args) {
        long array = scratch;
        long text = scratch + (long) (3 + args.length + returns) * 8;
        memory.store64(array, text);
        text = putString(text, service);
        memory.store64(array + 8, args.length);
        memory.store64(array + 16, returns);
        for (int i = 0; i < args.length; i++) {
            long cell = switch (args[i]) {
                case String s -> {
                    long at = text;
                    text = putString(text, s);
                    yield at;
                }
                case Number n -> n.longValue();
                default -> throw new IllegalArgumentException("client interface arguments are numbers or strings, not " + args[i]);
            };
            memory.store64(array + (3 + i) * 8L, cell);
        }
        if (evaluateForCell(array + " cif-handler") != 0) {
            throw new MachineException("the firmware has no client interface service '" + service + "'");
        }
        long[] results = new long[returns];
        for (int i = 0; i < returns; i++) {
            results[i] = memory.load64(array + (3L + args.length + i) * 8);
        }
        return results;
    }

    /** A NUL-terminated string read from guest memory, as services such as nextprop leave them. */
    public String string(long address) {
        StringBuilder s = new StringBuilder();
        for (long at = address; memory.load8(at) != 0; at++) {
            s.append((char) (memory.load8(at) & 0xff));
        }
        return s.toString();
    }

    /** Guest memory for a service to write into (getprop's buffer), after the array's strings. */
    public long buffer() {
        return scratch + SCRATCH / 2;
    }

    private long putString(long at, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        if (at + bytes.length + 1 > buffer()) {
            throw new IllegalArgumentException("client interface arguments over " + SCRATCH / 2 + " bytes");
        }
        memory.write(at, bytes, 0, bytes.length);
        memory.store8(at + bytes.length, 0);
        return at + bytes.length + 1;
    }

    /** Evaluates {@code text}, which leaves one cell, and returns that cell. */
    private long evaluateForCell(String text) {
        Outcome o = machine.evaluate(text);
        long[] stack = machine.dataStack();
        if (o.kind() != Outcome.Kind.COMPLETED || stack.length == 0) {
            throw new MachineException("the firmware failed to run '" + text + "'");
        }
        machine.evaluate("drop");
        return stack[stack.length - 1];
    }
}
