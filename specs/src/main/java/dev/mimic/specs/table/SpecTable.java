package dev.mimic.specs.table;

import dev.mimic.specs.model.Instruction;
import dev.mimic.specs.model.IsaSpec;
import dev.mimic.specs.model.Operand;
import dev.mimic.specs.model.Value;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A spec as a compact binary table, the form machines load at start-up. The build parses each {@code .isa}
 * file once and writes its table beside it ({@code p5.isa} gives {@code p5.isa.table}), so that a run reads
 * a few kilobytes of strings instead of loading a parser generator's runtime and parsing: that was a fifth
 * of a short run's start-up. The table holds every field of the {@link IsaSpec} exactly, down to each
 * instruction's line, so a spec read from it equals the one parsing gives.
 *
 * <p>Layout, all in {@link DataOutputStream} encoding: the magic {@code "MIMICISA"} and {@link #VERSION};
 * the name, title and semantics class; then each instruction's name, group, opcode, encoding, operands,
 * emit, stack, flags read and written, summary, entries and line. An optional value is a presence byte
 * then the value; a list is its length then its elements.
 */
public final class SpecTable {

    /** The suffix a table's resource name adds to its spec's. */
    public static final String SUFFIX = ".table";

    private static final long MAGIC = 0x4d494d4943495341L; // "MIMICISA"
    private static final int VERSION = 1;

    private static final int TEXT = 0;
    private static final int INT = 1;
    private static final int NAME = 2;
    private static final int PAIR = 3;

    private SpecTable() {}

    /** Writes {@code spec} as a table. */
    public static void write(IsaSpec spec, OutputStream target) throws IOException {
        DataOutputStream out = new DataOutputStream(target);
        out.writeLong(MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(spec.name());
        writeOptional(out, spec.title());
        writeOptional(out, spec.semanticsClass());
        out.writeInt(spec.instructions().size());
        for (Instruction insn : spec.instructions()) {
            out.writeUTF(insn.name());
            writeOptional(out, insn.group());
            out.writeBoolean(insn.opcode().isPresent());
            if (insn.opcode().isPresent()) {
                out.writeLong(insn.opcode().getAsLong());
            }
            writeOptional(out, insn.encoding());
            out.writeInt(insn.operands().size());
            for (Operand operand : insn.operands()) {
                out.writeUTF(operand.name());
                out.writeUTF(operand.kind());
            }
            out.writeUTF(insn.emit());
            writeOptional(out, insn.stack());
            writeOptional(out, insn.flagsRead());
            writeOptional(out, insn.flagsWritten());
            writeOptional(out, insn.summary());
            out.writeInt(insn.entries().size());
            for (Map.Entry<String, List<Value>> entry : insn.entries().entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeInt(entry.getValue().size());
                for (Value value : entry.getValue()) {
                    writeValue(out, value);
                }
            }
            out.writeInt(insn.line());
        }
        out.flush();
    }

    /**
     * Reads a table that {@link #write} made; {@code source} names it in the error.
     *
     * @throws IOException if it is not such a table, was made by another version of this class, or is cut short
     */
    public static IsaSpec read(String source, InputStream from) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(from));
        if (in.readLong() != MAGIC) {
            throw new IOException(source + ": not a spec table");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException(source + ": spec table version " + version + ", expected " + VERSION
                    + " (rebuild Mimic)");
        }
        String name = in.readUTF();
        Optional<String> title = readOptional(in);
        Optional<String> semantics = readOptional(in);
        int count = in.readInt();
        List<Instruction> instructions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String insn = in.readUTF();
            Optional<String> group = readOptional(in);
            OptionalLong opcode = in.readBoolean() ? OptionalLong.of(in.readLong()) : OptionalLong.empty();
            Optional<String> encoding = readOptional(in);
            int operandCount = in.readInt();
            List<Operand> operands = new ArrayList<>(operandCount);
            for (int j = 0; j < operandCount; j++) {
                operands.add(new Operand(in.readUTF(), in.readUTF()));
            }
            String emit = in.readUTF();
            Optional<String> stack = readOptional(in);
            Optional<String> flagsRead = readOptional(in);
            Optional<String> flagsWritten = readOptional(in);
            Optional<String> summary = readOptional(in);
            int entryCount = in.readInt();
            Map<String, List<Value>> entries = new LinkedHashMap<>();
            for (int j = 0; j < entryCount; j++) {
                String key = in.readUTF();
                int valueCount = in.readInt();
                List<Value> values = new ArrayList<>(valueCount);
                for (int k = 0; k < valueCount; k++) {
                    values.add(readValue(in, source));
                }
                entries.put(key, List.copyOf(values));
            }
            instructions.add(new Instruction(insn, group, opcode, encoding, operands, emit, stack, flagsRead,
                    flagsWritten, summary, entries, in.readInt()));
        }
        if (in.read() != -1) {
            throw new IOException(source + ": bytes after the last instruction");
        }
        return new IsaSpec(name, title, semantics, instructions);
    }

    private static void writeValue(DataOutputStream out, Value value) throws IOException {
        switch (value) {
            case Value.Text text -> {
                out.writeByte(TEXT);
                out.writeUTF(text.text());
            }
            case Value.Int number -> {
                out.writeByte(INT);
                out.writeLong(number.value());
            }
            case Value.Name name -> {
                out.writeByte(NAME);
                out.writeUTF(name.name());
            }
            case Value.Pair pair -> {
                out.writeByte(PAIR);
                out.writeUTF(pair.name());
                out.writeUTF(pair.kind());
            }
        }
    }

    private static Value readValue(DataInputStream in, String source) throws IOException {
        int tag = in.readByte();
        return switch (tag) {
            case TEXT -> new Value.Text(in.readUTF());
            case INT -> new Value.Int(in.readLong());
            case NAME -> new Value.Name(in.readUTF());
            case PAIR -> new Value.Pair(in.readUTF(), in.readUTF());
            default -> throw new IOException(source + ": unknown value tag " + tag);
        };
    }

    private static void writeOptional(DataOutputStream out, Optional<String> value) throws IOException {
        out.writeBoolean(value.isPresent());
        if (value.isPresent()) {
            out.writeUTF(value.get());
        }
    }

    private static Optional<String> readOptional(DataInputStream in) throws IOException {
        return in.readBoolean() ? Optional.of(in.readUTF()) : Optional.empty();
    }
}
