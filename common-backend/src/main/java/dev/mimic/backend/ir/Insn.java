package dev.mimic.backend.ir;

import java.util.Arrays;

/**
 * One IR instruction. Operand fields are temporary indices ({@code -1} when unused); see {@link Op}
 * for what each operation reads. Immutable once built by a {@link RegionBuilder}.
 */
public final class Insn {
    public final Op op;
    /** The operand type (for comparisons: of the compared values; for others: of the result). */
    public final Type type;
    public final int dst;
    public final int a;
    public final int b;
    public final int c;
    public final long imm;
    public final Object aux;
    /** Argument temporaries of HELPER and CALL. */
    private final int[] args;

    Insn(Op op, Type type, int dst, int a, int b, int c, long imm, Object aux, int[] args) {
        this.op = op;
        this.type = type;
        this.dst = dst;
        this.a = a;
        this.b = b;
        this.c = c;
        this.imm = imm;
        this.aux = aux;
        this.args = args;
    }

    public int argCount() {
        return args.length;
    }

    public int arg(int i) {
        return args[i];
    }

    public int[] args() {
        return args.clone();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (dst >= 0) {
            s.append('t').append(dst).append(" = ");
        }
        s.append(op.name().toLowerCase());
        if (type != null) {
            s.append('.').append(type.name().toLowerCase());
        }
        for (int t : new int[] {a, b, c}) {
            if (t >= 0) {
                s.append(" t").append(t);
            }
        }
        if (imm != 0 || op == Op.CONST || op == Op.GET || op == Op.SET || op == Op.JUMP || op == Op.INSN) {
            s.append(op == Op.INSN ? " @0x" + Long.toHexString(imm) : " #" + imm);
        }
        if (aux != null) {
            s.append(" [").append(aux).append(']');
        }
        if (args.length > 0) {
            s.append(" (").append(String.join(", ", Arrays.stream(args).mapToObj(t -> "t" + t).toList())).append(')');
        }
        return s.toString();
    }
}
