package dev.mimic.backend.interp;

import dev.mimic.backend.ir.Block;
import dev.mimic.backend.ir.Helper;
import dev.mimic.backend.ir.Insn;
import dev.mimic.backend.ir.MemoryAccess;
import dev.mimic.backend.ir.Op;
import dev.mimic.backend.ir.Region;
import dev.mimic.backend.ir.Type;
import dev.mimic.backend.state.Slot;

/**
 * A region rewritten for fast interpretation: each instruction gets a code specialised by type and
 * width (so the interpreter's dispatch is one switch, with no second switch on the operand type),
 * and each branch knows whether it is a loop back-edge.
 */
final class Translated {
    static final int CONST_P = 0, CONST_R = 1, MOV_P = 2, MOV_R = 3;
    static final int ADD_I32 = 4, ADD_I64 = 5, ADD_F64 = 6, SUB_I32 = 7, SUB_I64 = 8, SUB_F64 = 9;
    static final int MUL_I32 = 10, MUL_I64 = 11, MUL_F64 = 12, DIV_I32 = 13, DIV_I64 = 14, DIV_F64 = 15;
    static final int DIVU_I32 = 16, DIVU_I64 = 17, REM_I32 = 18, REM_I64 = 19, REM_F64 = 20;
    static final int REMU_I32 = 21, REMU_I64 = 22, AND = 23, OR = 24, XOR = 25;
    static final int SHL_I32 = 26, SHL_I64 = 27, SHR_I32 = 28, SHR_I64 = 29, SAR_I32 = 30, SAR_I64 = 31;
    static final int NEG_I32 = 32, NEG_I64 = 33, NEG_F64 = 34, NOT = 35;
    static final int EQ_I = 36, EQ_F = 37, EQ_R = 38, NE_I = 39, NE_F = 40, NE_R = 41;
    static final int LT_I = 42, LT_F = 43, LE_I = 44, LE_F = 45, LTU = 46, LEU = 47;
    static final int SELECT_P = 48, SELECT_R = 49, SEXT = 50, ZEXT = 51;
    static final int I64_TO_I32 = 52, U32_TO_I64 = 53, INT_TO_F64 = 54, F64_TO_I32 = 55, F64_TO_I64 = 56;
    static final int LOAD_U8 = 57, LOAD_S8 = 58, LOAD_U16 = 59, LOAD_S16 = 60, LOAD_S32 = 61, LOAD_U32 = 62, LOAD_64 = 63;
    static final int STORE_8 = 64, STORE_16 = 65, STORE_32 = 66, STORE_64 = 67;
    static final int GET_W = 68, GET_F = 69, GET_R = 70, SET_W = 71, SET_F = 72, SET_R = 73;
    static final int HELPER = 74, INSN = 75, NEW = 76, GETFIELD_P = 77, GETFIELD_R = 78, PUTFIELD_P = 79, PUTFIELD_R = 80;
    static final int NEWARRAY = 81, ALOAD = 82, ASTORE = 83, ALENGTH = 84, INSTANCEOF = 85, THROW = 86, CAUGHT = 87;
    static final int CALL = 88, JUMP = 89, BRANCH = 90, EXIT = 91, STOP = 92, RETURN = 93;

    /** One specialised instruction. */
    static final class X {
        final int code;
        final int dst, a, b, c;
        /** Immediate; for memory ops the address mask; for slots the cell. */
        final long imm;
        final Object aux;
        final int[] args;
        /** For JUMP/BRANCH: whether the taken (imm) and fall-through (c) targets are back-edges. */
        final boolean backTaken, backOther;

        X(int code, Insn in, long imm, boolean backTaken, boolean backOther) {
            this.code = code;
            this.dst = in.dst;
            this.a = in.a;
            this.b = in.b;
            this.c = in.c;
            this.imm = imm;
            this.aux = in.aux;
            this.args = in.args();
            this.backTaken = backTaken;
            this.backOther = backOther;
        }
    }

    final Region region;
    final X[][] blocks;
    final int[] handlers;
    final long[] resumePcs;
    /** Whether back-edges may yield (see {@link Region#yields()}). */
    final boolean yields;
    /** Whether the region checks for a yield on entry: a called region built yielding. */
    final boolean yieldsOnEntry;

    Translated(Region region) {
        this.region = region;
        int n = region.blocks().size();
        this.blocks = new X[n][];
        this.handlers = new int[n];
        this.resumePcs = new long[n];
        this.yields = region.yields();
        this.yieldsOnEntry = region.yields() && !region.dispatchable();
        for (Block b : region.blocks()) {
            handlers[b.index()] = b.handler();
            resumePcs[b.index()] = b.resumePc();
            blocks[b.index()] = b.insns().stream().map(i -> translate(region, b.index(), i)).toArray(X[]::new);
        }
    }

    private static X translate(Region r, int block, Insn in) {
        long imm = in.imm;
        boolean backTaken = false, backOther = false;
        int code = switch (in.op) {
            case CONST -> in.type == Type.REF ? CONST_R : CONST_P;
            case MOV -> in.type == Type.REF ? MOV_R : MOV_P;
            case ADD -> pick(in.type, ADD_I32, ADD_I64, ADD_F64);
            case SUB -> pick(in.type, SUB_I32, SUB_I64, SUB_F64);
            case MUL -> pick(in.type, MUL_I32, MUL_I64, MUL_F64);
            case DIV -> pick(in.type, DIV_I32, DIV_I64, DIV_F64);
            case DIVU -> pick(in.type, DIVU_I32, DIVU_I64, -1);
            case REM -> pick(in.type, REM_I32, REM_I64, REM_F64);
            case REMU -> pick(in.type, REMU_I32, REMU_I64, -1);
            case AND -> AND;
            case OR -> OR;
            case XOR -> XOR;
            case SHL -> pick(in.type, SHL_I32, SHL_I64, -1);
            case SHR -> pick(in.type, SHR_I32, SHR_I64, -1);
            case SAR -> pick(in.type, SAR_I32, SAR_I64, -1);
            case NEG -> pick(in.type, NEG_I32, NEG_I64, NEG_F64);
            case NOT -> NOT;
            case EQ -> in.type == Type.REF ? EQ_R : in.type == Type.F64 ? EQ_F : EQ_I;
            case NE -> in.type == Type.REF ? NE_R : in.type == Type.F64 ? NE_F : NE_I;
            case LT -> in.type == Type.F64 ? LT_F : LT_I;
            case LE -> in.type == Type.F64 ? LE_F : LE_I;
            case LTU -> LTU;
            case LEU -> LEU;
            case SELECT -> in.type == Type.REF ? SELECT_R : SELECT_P;
            case SEXT -> SEXT;
            case ZEXT -> ZEXT;
            case CONVERT -> convert((Type) in.aux, in.type, in.imm);
            case BITCAST -> MOV_P;
            case LOAD -> {
                imm = r.tempType(in.a) == Type.I32 ? 0xFFFF_FFFFL : -1L;
                MemoryAccess m = (MemoryAccess) in.aux;
                yield switch (m.bytes()) {
                    case 1 -> m.signed() ? LOAD_S8 : LOAD_U8;
                    case 2 -> m.signed() ? LOAD_S16 : LOAD_U16;
                    case 4 -> m.signed() || in.type == Type.I32 ? LOAD_S32 : LOAD_U32;
                    default -> LOAD_64;
                };
            }
            case STORE -> {
                imm = r.tempType(in.a) == Type.I32 ? 0xFFFF_FFFFL : -1L;
                yield switch (((MemoryAccess) in.aux).bytes()) {
                    case 1 -> STORE_8;
                    case 2 -> STORE_16;
                    case 4 -> STORE_32;
                    default -> STORE_64;
                };
            }
            case GET -> {
                imm = ((Slot) in.aux).cell();
                yield in.type == Type.REF ? GET_R : in.type == Type.F64 ? GET_F : GET_W;
            }
            case SET -> {
                imm = ((Slot) in.aux).cell();
                yield in.type == Type.REF ? SET_R : in.type == Type.F64 ? SET_F : SET_W;
            }
            case HELPER -> HELPER;
            case INSN -> INSN;
            case NEW -> NEW;
            case GETFIELD -> in.type == Type.REF ? GETFIELD_R : GETFIELD_P;
            case PUTFIELD -> in.type == Type.REF ? PUTFIELD_R : PUTFIELD_P;
            case NEWARRAY -> NEWARRAY;
            case ALOAD -> ALOAD;
            case ASTORE -> ASTORE;
            case ALENGTH -> ALENGTH;
            case INSTANCEOF -> INSTANCEOF;
            case THROW -> THROW;
            case CAUGHT -> CAUGHT;
            case CALL -> CALL;
            case JUMP -> {
                backTaken = in.imm <= block;
                yield JUMP;
            }
            case BRANCH -> {
                backTaken = in.imm <= block;
                backOther = in.c <= block;
                yield BRANCH;
            }
            case EXIT -> EXIT;
            case STOP -> STOP;
            case RETURN -> RETURN;
        };
        if (code < 0) {
            throw new IllegalArgumentException("no " + in.op + " on " + in.type);
        }
        return new X(code, in, imm, backTaken, backOther);
    }

    private static int pick(Type t, int i32, int i64, int f64) {
        return switch (t) {
            case I32 -> i32;
            case I64 -> i64;
            case F64 -> f64;
            case REF -> -1;
        };
    }

    private static int convert(Type from, Type to, long unsigned) {
        if (to == Type.F64) {
            return INT_TO_F64;
        }
        if (from == Type.F64) {
            return to == Type.I32 ? F64_TO_I32 : F64_TO_I64;
        }
        if (to == Type.I32) {
            return I64_TO_I32;
        }
        return unsigned != 0 ? U32_TO_I64 : MOV_P;
    }

    /** Boxes helper arguments per the helper's parameter types. */
    static Object box(Type t, long v, Object r) {
        return switch (t) {
            case I32 -> (int) v;
            case I64 -> v;
            case F64 -> Double.longBitsToDouble(v);
            case REF -> r;
        };
    }

    /** Unboxes a helper result into a primitive cell. */
    static long unbox(Helper h, Object v) {
        return switch (h.returnType()) {
            case I32 -> (Integer) v;
            case I64 -> (Long) v;
            case F64 -> Double.doubleToRawLongBits((Double) v);
            case REF -> 0;
        };
    }
}
