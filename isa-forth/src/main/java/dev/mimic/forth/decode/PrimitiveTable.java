package dev.mimic.forth.decode;

import dev.mimic.backend.memory.GuestMemory;
import dev.mimic.specs.model.Instruction;
import dev.mimic.specs.model.IsaSpec;
import dev.mimic.specs.model.Operand;
import dev.mimic.specs.model.Value;
import dev.mimic.specs.parse.IsaSpecs;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static dev.mimic.forth.layout.MemoryMap.CELL;

/**
 * The Forth machine's instruction set as {@code forth.isa} describes it: every code field kind and
 * primitive by opcode, with its inline operands, how it leaves straight-line code, and the
 * {@link Primitives} method that emits its IR. The decoder, the decompiler and the bootstrap (which
 * creates a dictionary word for each primitive) all read this one table.
 *
 * <p>Parsing the spec takes a cold JVM about 0.2 s (the ANTLR parser loading), so the build also
 * writes the table in a compact form ({@value #CACHE}, by {@link #writeCache}), with a digest of
 * the spec it came from; a process uses it when the spec on its class path still has that digest.
 */
public final class PrimitiveTable {
    /** How an instruction leaves straight-line code (the spec's {@code flow} key). */
    public enum Flow {
        STRAIGHT, JUMP, BRANCH, LOOP, RETURN, CALL, DYNAMIC, STOP
    }

    /** The kinds of inline operand a thread cell may be followed by. */
    public enum OperandKind {
        CELL, FLOAT, ADDR, STRING, COUNTED
    }

    /** One row of the table. */
    public record Primitive(int opcode, String name, Optional<String> forthName, List<OperandKind> operands,
                            Flow flow, boolean compileOnly, String stack, String emitter) {
        /** True for code field kinds (colon definitions, variables, ...), which have no word of their own. */
        public boolean isKind() {
            return forthName.isEmpty();
        }

        /** The bytes this instruction occupies in a thread starting at {@code at} (its cell and operands). */
        public long size(GuestMemory memory, long at) {
            long size = CELL;
            for (OperandKind k : operands) {
                long operand = at + size;
                size += switch (k) {
                    case CELL, FLOAT, ADDR -> CELL;
                    case STRING -> CELL + align(memory.load64(operand));
                    case COUNTED -> align(1 + memory.load8(operand));
                };
            }
            return size;
        }

        /** The name shown by the decompiler. */
        public String displayName() {
            return forthName.orElse(name);
        }
    }

    /** The compact table's resource name. */
    public static final String CACHE = "/dev/mimic/forth/primitives.bin";
    private static final String SPEC = "/dev/mimic/specs/forth.isa";
    private static final PrimitiveTable INSTANCE = load();

    private final Primitive[] byOpcode;
    private final List<Primitive> all;

    private PrimitiveTable(Primitive[] byOpcode, List<Primitive> all) {
        this.byOpcode = byOpcode;
        this.all = all;
    }

    /** The table of {@code forth.isa}, loaded once per process (it is immutable). */
    public static PrimitiveTable get() {
        return INSTANCE;
    }

    /** The instruction with code field value {@code opcode}, or null when there is none. */
    public Primitive byOpcode(long opcode) {
        return opcode > 0 && opcode < byOpcode.length ? byOpcode[(int) opcode] : null;
    }

    /** Every instruction in spec order. */
    public List<Primitive> all() {
        return all;
    }

    /** The opcode of the instruction named {@code name} in the spec (such as {@code docol}). */
    public int opcode(String name) {
        return all.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("forth.isa has no instruction " + name)).opcode();
    }

    private static long align(long bytes) {
        return (bytes + CELL - 1) & -CELL;
    }

    private static PrimitiveTable load() {
        byte[] spec = resource(SPEC);
        PrimitiveTable cached = cached(spec);
        return cached != null ? cached : fromSpec();
    }

    private static PrimitiveTable fromSpec() {
        IsaSpec spec = IsaSpecs.load("forth");
        List<Row> rows = new ArrayList<>();
        for (Instruction i : spec.instructions()) {
            rows.add(new Row((int) i.opcode().orElseThrow(), i.name(), text(i, "forth").orElse(""),
                    i.operands().stream().map(PrimitiveTable::operandKind).toList(), flow(i),
                    i.entry("flags").contains(new Value.Name("compile-only")), i.stack().orElse(""), i.emit(), i.line()));
        }
        return of(rows);
    }

    /** One instruction as the spec gives it, before its emitter is looked up. */
    private record Row(int opcode, String name, String forth, List<OperandKind> operands, Flow flow,
                       boolean compileOnly, String stack, String emit, int line) {
    }

    private static PrimitiveTable of(List<Row> rows) {
        int max = rows.stream().mapToInt(Row::opcode).max().orElse(0);
        Primitive[] byOpcode = new Primitive[max + 1];
        List<Primitive> all = new ArrayList<>();
        for (Row r : rows) {
            try {
                Primitives.class.getDeclaredMethod(r.emit(), Emitter.class);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("forth.isa:" + r.line() + ": Primitives has no method " + r.emit() + "(Emitter)", e);
            }
            Primitive p = new Primitive(r.opcode(), r.name(), r.forth().isEmpty() ? Optional.empty() : Optional.of(r.forth()),
                    r.operands(), r.flow(), r.compileOnly(), r.stack(), r.emit());
            byOpcode[p.opcode()] = p;
            all.add(p);
        }
        return new PrimitiveTable(byOpcode, List.copyOf(all));
    }

    /** Writes the table in its compact form, with the digest of the spec it was read from. */
    public static void writeCache(Path file) throws IOException {
        PrimitiveTable table = fromSpec();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(buffer);
        out.write(digest(resource(SPEC)));
        out.writeInt(table.all.size());
        IsaSpec spec = IsaSpecs.load("forth");
        for (Primitive p : table.all) {
            Instruction i = spec.instruction(p.name()).orElseThrow();
            out.writeInt(p.opcode());
            out.writeUTF(p.name());
            out.writeUTF(p.forthName().orElse(""));
            out.writeInt(p.operands().size());
            for (OperandKind k : p.operands()) {
                out.writeByte(k.ordinal());
            }
            out.writeByte(p.flow().ordinal());
            out.writeBoolean(p.compileOnly());
            out.writeUTF(p.stack());
            out.writeUTF(i.emit());
            out.writeInt(i.line());
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, buffer.toByteArray());
    }

    /** The compact table, when there is one made from exactly {@code spec}. */
    private static PrimitiveTable cached(byte[] spec) {
        try (InputStream in = PrimitiveTable.class.getResourceAsStream(CACHE)) {
            if (in == null) {
                return null;
            }
            DataInputStream data = new DataInputStream(in);
            byte[] digest = digest(spec);
            byte[] stored = new byte[digest.length];
            data.readFully(stored);
            if (!Arrays.equals(stored, digest)) {
                return null;
            }
            int n = data.readInt();
            List<Row> rows = new ArrayList<>(n);
            for (int r = 0; r < n; r++) {
                int opcode = data.readInt();
                String name = data.readUTF();
                String forth = data.readUTF();
                List<OperandKind> operands = new ArrayList<>();
                for (int k = data.readInt(); k > 0; k--) {
                    operands.add(OperandKind.values()[data.readByte()]);
                }
                Flow flow = Flow.values()[data.readByte()];
                boolean compileOnly = data.readBoolean();
                rows.add(new Row(opcode, name, forth, List.copyOf(operands), flow, compileOnly, data.readUTF(), data.readUTF(), data.readInt()));
            }
            return of(rows);
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = PrimitiveTable.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> text(Instruction i, String key) {
        return i.entry(key).stream().findFirst().map(v -> ((Value.Text) v).text());
    }

    private static Flow flow(Instruction i) {
        return i.entry("flow").stream().findFirst().map(v -> Flow.valueOf(((Value.Name) v).name().toUpperCase()))
                .orElse(Flow.STRAIGHT);
    }

    private static OperandKind operandKind(Operand o) {
        return OperandKind.valueOf(o.kind().toUpperCase());
    }
}
