package dev.mimic.forth.fcode;

import dev.mimic.forth.fcode.FCodeFunction.Flow;
import dev.mimic.forth.fcode.FCodeToken.Branch;
import dev.mimic.forth.fcode.FCodeToken.Function;
import dev.mimic.forth.fcode.FCodeToken.FunctionRef;
import dev.mimic.forth.fcode.FCodeToken.Number;
import dev.mimic.forth.fcode.FCodeToken.Operand;
import dev.mimic.forth.fcode.FCodeToken.Text;
import dev.mimic.specs.coverage.DecodeRecorder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Reads an FCode program token by token, keeping the state that decides how the bytes that follow
 * are read (IEEE 1275 5.2.2, 5.3.3): the spread the start token chose, the FCode-offset width
 * (8 bits after version1, 16 after a start token or offset16), and the functions the program has
 * defined with new-token, named-token and external-token, which shadow standard numbers from then on.
 * It stops after end0 or end1.
 *
 * <p>Every byte read is bounded by the program's length (or, before the header is known, by the
 * file), and operands hold at most 255 bytes, so a corrupt image cannot make it read far or
 * allocate much: it fails with an {@link FCodeFormatException} naming the offending token.
 *
 * <p>A program on a byte-wide port (start0, spread 0) returns every byte from one address; in a
 * file those bytes lie one after another, so spread 0 reads the file like spread 1.
 */
public final class FCodeReader {

    private final String source;
    private final byte[] bytes;
    private final FCodeTable table;
    private final int limit;
    private final String end;
    private final Map<Integer, FunctionRef> defined = new HashMap<>();

    private final long start;
    /** The file offset of the last byte read; the next is {@link #step} further on. */
    private long last;
    private int index;
    private int step = 1;
    private int offsetBits = 8;
    private boolean ended;

    /** What the reader is in the middle of, for the message when the bytes run out. */
    private String reading;
    private long tokenFileOffset;

    /**
     * @param start  the file offset of the program's start token
     * @param limit  how many FCode bytes the program has (the header's length), or
     *               {@link Integer#MAX_VALUE} to read up to the end of the file
     */
    FCodeReader(String source, byte[] bytes, FCodeTable table, long start, int limit) {
        this.source = source;
        this.bytes = bytes;
        this.table = table;
        this.limit = limit;
        this.end = limit == Integer.MAX_VALUE ? "the file" : "the program (length 0x" + Integer.toHexString(limit) + ")";
        this.start = start;
    }

    /** False once end0 or end1 has been read. */
    public boolean hasNext() {
        return !ended;
    }

    /**
     * Reads the next token and its operands.
     *
     * @throws FCodeFormatException  if the token is unknown, an operand is out of range, or the
     *                               program runs out before end0
     * @throws NoSuchElementException after end0 or end1
     */
    public FCodeToken next() {
        if (ended) {
            throw new NoSuchElementException("the FCode program has ended");
        }
        int offset = index;
        tokenFileOffset = nextPosition();
        if (index >= limit || tokenFileOffset >= bytes.length) {
            // Just past the program's last byte, which a spread leaves short of the next position.
            throw new FCodeFormatException(source, last + 1, end + " ends without end0");
        }
        reading = "a two-byte token";
        int number = readNumber();
        FunctionRef ref = resolve(number).orElseThrow(() -> new FCodeFormatException(source, tokenFileOffset,
                String.format("unknown FCode 0x%03x (neither standard nor defined by the program)", number)));
        Optional<FCodeFunction> standard = defined.containsKey(number) ? Optional.empty() : table.byNumber(number);
        reading = ref.toString();
        List<Operand> operands = new ArrayList<>();
        standard.ifPresent(f -> {
            DecodeRecorder.record("fcode", f.spec().name());
            f.spread().ifPresent(spread -> step = Math.max(spread, 1));
            f.offsetBits().ifPresent(bits -> offsetBits = bits);
            readOperands(f, operands);
            ended = f.flow() == Flow.END;
        });
        return new FCodeToken(offset, tokenFileOffset, ref, standard, operands);
    }

    private void readOperands(FCodeFunction f, List<Operand> operands) {
        Optional<String> name = Optional.empty();
        for (OperandKind kind : f.operands()) {
            switch (kind) {
                case NUM32 -> operands.add(new Number(kind, readUnsigned(4)));
                case NUM16 -> operands.add(new Number(kind, readUnsigned(2)));
                case BYTE -> operands.add(new Number(kind, readUnsigned(1)));
                case OFFSET -> operands.add(readBranch(f));
                case STRING -> {
                    String text = readString();
                    name = Optional.of(text);
                    operands.add(new Text(text));
                }
                case FCODE -> {
                    int number = readNumber();
                    if (f.defines().isPresent()) {
                        FunctionRef ref = new FunctionRef(number, name);
                        defined.put(number, ref);
                        operands.add(new Function(ref));
                    } else {
                        operands.add(new Function(resolve(number).orElseThrow(() -> new FCodeFormatException(source, tokenFileOffset,
                                String.format("%s names unknown FCode 0x%03x", f.word(), number)))));
                    }
                }
            }
        }
    }

    private Branch readBranch(FCodeFunction f) {
        int at = index;
        int bits = offsetBits;
        int distance = (int) readUnsigned(bits / 8);
        distance = bits == 8 ? (byte) distance : (short) distance;
        int target = at + distance;
        if (distance == 0) {
            throw new FCodeFormatException(source, tokenFileOffset, f.word() + " has offset 0 (unresolved)");
        }
        if (target <= 0 || target >= limit) {
            throw new FCodeFormatException(source, tokenFileOffset, String.format("%s offset %d leads to %d, outside %s",
                    f.word(), distance, target, end));
        }
        return new Branch(distance, bits, target);
    }

    private String readString() {
        int length = readByte();
        reading = reading + " string of " + length + " bytes";
        char[] text = new char[length];
        for (int i = 0; i < length; i++) {
            text[i] = (char) readByte();
        }
        return new String(text);
    }

    /** An FCode#: one byte, or a prefix 0x01-0x0f and a second byte (0x00 is end0). */
    private int readNumber() {
        int first = readByte();
        return first >= 0x01 && first <= 0x0f ? first << 8 | readByte() : first;
    }

    private long readUnsigned(int size) {
        long value = 0;
        for (int i = 0; i < size; i++) {
            value = value << 8 | readByte();
        }
        return value;
    }

    private int readByte() {
        long at = nextPosition();
        if (index >= limit || at >= bytes.length) {
            throw new FCodeFormatException(source, tokenFileOffset, reading + " runs past the end of " + end);
        }
        last = at;
        index++;
        return bytes[(int) at] & 0xff;
    }

    /**
     * Where the next FCode byte is: the start token at the start, every later byte one spread after
     * the one before, with the spread in force when it is read (so start2's header is at +2, +4, ...).
     */
    private long nextPosition() {
        return index == 0 ? start : last + step;
    }

    private Optional<FunctionRef> resolve(int number) {
        FunctionRef user = defined.get(number);
        return user != null ? Optional.of(user)
                : table.byNumber(number).map(f -> new FunctionRef(number, Optional.of(f.word())));
    }
}
