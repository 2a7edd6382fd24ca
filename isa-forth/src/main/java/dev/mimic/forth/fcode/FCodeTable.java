package dev.mimic.forth.fcode;

import dev.mimic.forth.fcode.FCodeFunction.Defines;
import dev.mimic.forth.fcode.FCodeFunction.Flow;
import dev.mimic.forth.fcode.FCodeFunction.Nest;
import dev.mimic.specs.model.Instruction;
import dev.mimic.specs.model.IsaSpec;
import dev.mimic.specs.model.Value;
import dev.mimic.specs.parse.IsaSpecs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The standard FCode numbers, read once from {@code fcode.isa} and indexed by number. Every reader of
 * FCode (the image reader, the detokenizer, the evaluator) asks this table what a number means, so a
 * number the table lacks is unknown everywhere alike.
 */
public final class FCodeTable {

    /** FCode numbers are 12 bits: one byte, or a prefix 0x01-0x0f and a second byte. */
    public static final int NUMBERS = 0x1000;

    private static final FCodeTable STANDARD = new FCodeTable(IsaSpecs.load("fcode"));

    private final IsaSpec spec;
    private final FCodeFunction[] byNumber = new FCodeFunction[NUMBERS];
    private final List<FCodeFunction> functions;

    private FCodeTable(IsaSpec spec) {
        this.spec = spec;
        List<FCodeFunction> functions = new ArrayList<>();
        for (Instruction i : spec.instructions()) {
            if (i.opcode().isEmpty()) {
                throw bad(i, "has no opcode");
            }
            int number = (int) i.opcode().getAsLong();
            if (number >= NUMBERS) {
                throw bad(i, "has opcode 0x" + Integer.toHexString(number) + ", beyond the 12-bit FCode numbers");
            }
            FCodeFunction f = new FCodeFunction(i, number,
                    text(i, "word").orElseThrow(() -> bad(i, "has no word")),
                    i.operands().stream().map(o -> OperandKind.parse(o.kind())).toList(),
                    text(i, "flow").map(s -> Flow.valueOf(s.toUpperCase(Locale.ROOT))).orElse(Flow.NEXT),
                    text(i, "nest").map(s -> Nest.valueOf(s.toUpperCase(Locale.ROOT))).orElse(Nest.NONE),
                    text(i, "defines").map(s -> Defines.valueOf(s.toUpperCase(Locale.ROOT))),
                    integer(i, "spread"), integer(i, "offsets"));
            byNumber[number] = f;
            functions.add(f);
        }
        this.functions = List.copyOf(functions);
    }

    /** The IEEE 1275 table of this process (immutable, shared by every machine). */
    public static FCodeTable standard() {
        return STANDARD;
    }

    /** The spec the table was read from, for stack effects, summaries and the coverage report. */
    public IsaSpec spec() {
        return spec;
    }

    /** The standard function numbered {@code number}, or empty for an unassigned number. */
    public Optional<FCodeFunction> byNumber(int number) {
        return number >= 0 && number < NUMBERS ? Optional.ofNullable(byNumber[number]) : Optional.empty();
    }

    /** Every function in table order. */
    public List<FCodeFunction> functions() {
        return functions;
    }

    private static Optional<String> text(Instruction i, String key) {
        return i.entry(key).stream().findFirst().map(v -> switch (v) {
            case Value.Text t -> t.text();
            case Value.Name n -> n.name();
            default -> throw bad(i, "'" + key + "' must be a name or a string");
        });
    }

    private static OptionalInt integer(Instruction i, String key) {
        return i.entry(key).stream().findFirst().map(v -> switch (v) {
            case Value.Int n -> OptionalInt.of((int) n.value());
            default -> throw bad(i, "'" + key + "' must be an integer");
        }).orElse(OptionalInt.empty());
    }

    private static IllegalStateException bad(Instruction i, String what) {
        return new IllegalStateException("fcode.isa:" + i.line() + ": " + i.name() + " " + what);
    }
}
