package dev.mimic.forth.fcode;

import dev.mimic.specs.model.Instruction;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One standard FCode function as {@code fcode.isa} describes it: its number, its Forth word, the
 * operands it takes from the byte stream and how it changes the way the rest of the stream is read.
 * The reader, the detokenizer and the evaluator all dispatch on these records, so the spec file stays
 * the one place that knows what a token number means.
 *
 * @param spec       the instruction entry, for stack effect, summary and the semantics method
 * @param number     the FCode number, 0x00-0xfff
 * @param word       the Forth name ({@code b(lit)}, {@code encode+})
 * @param operands   the in-line operands in stream order
 * @param flow       how the token leaves straight-line code
 * @param nest       how a listing indents around the token
 * @param defines    for new-token, named-token and external-token: what kind of function they define
 * @param spread     for the program starts: the distance between FCode bytes from here on
 * @param offsetBits for the program starts and {@code offset16}: the FCode-offset width from here on
 */
public record FCodeFunction(Instruction spec, int number, String word, List<OperandKind> operands, Flow flow,
                            Nest nest, Optional<Defines> defines, OptionalInt spread, OptionalInt offsetBits) {

    public FCodeFunction {
        operands = List.copyOf(operands);
    }

    /** How a token leaves straight-line code (the spec's {@code flow} key). */
    public enum Flow {
        /** Falls through to the next token. */
        NEXT,
        /** Always continues at its offset's target. */
        JUMP,
        /** Continues at its offset's target or falls through. */
        BRANCH,
        /** Ends the FCode program ({@code end0}, {@code end1}). */
        END
    }

    /** How a listing indents around a token (the spec's {@code nest} key), after detok's layout. */
    public enum Nest {
        NONE,
        /** One level deeper after the token ({@code b(:)}, {@code b(do)}). */
        IN,
        /** One level shallower from the token on ({@code b(;)}, {@code b(loop)}). */
        OUT,
        /** In after a forward offset, out after a backward one ({@code bbranch}). */
        BRANCH
    }

    /** The kind of function a defining token creates (the spec's {@code defines} key). */
    public enum Defines {
        /** {@code new-token}: headerless. */
        NEW,
        /** {@code named-token}: the name is kept only while fcode-debug? is true. */
        NAMED,
        /** {@code external-token}: the name is always kept, as a method of the package. */
        EXTERNAL
    }
}
