package dev.mimic.forth.fcode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * One token of an FCode program as the reader decoded it: where it is, which function it names and
 * the operands it took from the stream. The evaluator executes these; the detokenizer prints them.
 *
 * @param offset     the token's position in the FCode byte stream, counted from the start token
 *                   (detok's offsets)
 * @param fileOffset the token's position in the file or buffer, for messages
 * @param function   the function the token number names
 * @param standard   the standard function, unless the number names a function the program defined
 * @param operands   the in-line operands, in the order {@code standard} lists their kinds
 */
public record FCodeToken(int offset, long fileOffset, FunctionRef function, Optional<FCodeFunction> standard,
                         List<Operand> operands) {

    public FCodeToken {
        operands = List.copyOf(operands);
    }

    /**
     * A token number with the name it has at that point of the program: a standard word, the name a
     * named-token or external-token gave it, or none for a new-token (headerless) function.
     */
    public record FunctionRef(int number, Optional<String> name) {
        /** The name, or detok's {@code (unnamed-fcode) [0x800]} for a headerless function. */
        @Override
        public String toString() {
            return name.orElseGet(() -> String.format("(unnamed-fcode) [0x%03x]", number));
        }
    }

    /** One in-line operand. */
    public sealed interface Operand {}

    /** A number: FCode-num32 (unsigned here; b(lit) pushes it sign-extended), the checksum, the format. */
    public record Number(OperandKind kind, long value) implements Operand {}

    /**
     * An FCode-offset.
     *
     * @param distance the signed offset as stored
     * @param bits     8 or 16, the width it was read with
     * @param target   the stream offset it leads to: the offset's first byte plus {@code distance}
     */
    public record Branch(int distance, int bits, int target) implements Operand {}

    /** An FCode#: the function a b(') or b(to) names, or the number a defining token assigns. */
    public record Function(FunctionRef ref) implements Operand {}

    /**
     * An FCode-string. The bytes are kept as ISO 8859-1 characters, one per byte, so the record
     * is immutable and compares by value; {@link #bytes()} gives them back.
     */
    public record Text(String latin1) implements Operand {
        public byte[] bytes() {
            return latin1.getBytes(StandardCharsets.ISO_8859_1);
        }
    }
}
