package dev.mimic.backend.interp;

import dev.mimic.backend.exec.CallTarget;
import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.exec.Frame;
import dev.mimic.backend.exec.GuestFault;
import dev.mimic.backend.exec.GuestThrow;
import dev.mimic.backend.exec.RegionCode;
import dev.mimic.backend.exec.UnwindObserver;
import dev.mimic.backend.ir.ArrayKind;
import dev.mimic.backend.ir.FieldRef;
import dev.mimic.backend.ir.Helper;
import dev.mimic.backend.ir.ManagedArrays;
import dev.mimic.backend.ir.ManagedObject;
import dev.mimic.backend.ir.ManagedType;
import dev.mimic.backend.ir.Region;
import dev.mimic.backend.ir.Type;
import dev.mimic.backend.memory.GuestMemory;
import dev.mimic.backend.state.GuestState;

import static dev.mimic.backend.interp.Translated.*;

/**
 * The IR interpreter: runs one region over a {@link Frame}. It is the reference semantics of every
 * IR op (the JIT is tested against it) and the engine for stepping and cold code.
 */
public final class InterpretedCode implements RegionCode {
    private final Translated t;

    public InterpretedCode(Region region) {
        this.t = new Translated(region);
    }

    public Region region() {
        return t.region;
    }

    @Override
    public boolean compiled() {
        return false;
    }

    @Override
    public int run(ExecutionContext ctx, Frame frame) {
        final long[] v = frame.values;
        final Object[] r = frame.refs;
        final GuestState state = ctx.state;
        final Translated tr = t;
        if (tr.yieldsOnEntry && ctx.shouldYield()) {
            return yieldAt(state, tr.resumePcs[0]);
        }
        long insnPc = -1;
        int block = 0;
        Object caught = null;
        dispatch:
        for (;;) {
            final X[] code = tr.blocks[block];
            try {
                for (int k = 0; ; k++) {
                    final X x = code[k];
                    switch (x.code) {
                        case CONST_P -> v[x.dst] = x.imm;
                        case CONST_R -> r[x.dst] = x.aux;
                        case MOV_P -> v[x.dst] = v[x.a];
                        case MOV_R -> r[x.dst] = r[x.a];
                        case ADD_I32 -> v[x.dst] = (int) (v[x.a] + v[x.b]);
                        case ADD_I64 -> v[x.dst] = v[x.a] + v[x.b];
                        case ADD_F64 -> v[x.dst] = bits(dbl(v[x.a]) + dbl(v[x.b]));
                        case SUB_I32 -> v[x.dst] = (int) (v[x.a] - v[x.b]);
                        case SUB_I64 -> v[x.dst] = v[x.a] - v[x.b];
                        case SUB_F64 -> v[x.dst] = bits(dbl(v[x.a]) - dbl(v[x.b]));
                        case MUL_I32 -> v[x.dst] = (int) v[x.a] * (int) v[x.b];
                        case MUL_I64 -> v[x.dst] = v[x.a] * v[x.b];
                        case MUL_F64 -> v[x.dst] = bits(dbl(v[x.a]) * dbl(v[x.b]));
                        case DIV_I32 -> v[x.dst] = (int) v[x.a] / divisor32(v[x.b]);
                        case DIV_I64 -> v[x.dst] = v[x.a] / divisor64(v[x.b]);
                        case DIV_F64 -> v[x.dst] = bits(dbl(v[x.a]) / dbl(v[x.b]));
                        case DIVU_I32 -> v[x.dst] = Integer.divideUnsigned((int) v[x.a], divisor32(v[x.b]));
                        case DIVU_I64 -> v[x.dst] = Long.divideUnsigned(v[x.a], divisor64(v[x.b]));
                        case REM_I32 -> v[x.dst] = (int) v[x.a] % divisor32(v[x.b]);
                        case REM_I64 -> v[x.dst] = v[x.a] % divisor64(v[x.b]);
                        case REM_F64 -> v[x.dst] = bits(dbl(v[x.a]) % dbl(v[x.b]));
                        case REMU_I32 -> v[x.dst] = Integer.remainderUnsigned((int) v[x.a], divisor32(v[x.b]));
                        case REMU_I64 -> v[x.dst] = Long.remainderUnsigned(v[x.a], divisor64(v[x.b]));
                        case AND -> v[x.dst] = v[x.a] & v[x.b];
                        case OR -> v[x.dst] = v[x.a] | v[x.b];
                        case XOR -> v[x.dst] = v[x.a] ^ v[x.b];
                        case SHL_I32 -> v[x.dst] = (int) v[x.a] << (int) v[x.b];
                        case SHL_I64 -> v[x.dst] = v[x.a] << v[x.b];
                        case SHR_I32 -> v[x.dst] = (int) v[x.a] >>> (int) v[x.b];
                        case SHR_I64 -> v[x.dst] = v[x.a] >>> v[x.b];
                        case SAR_I32 -> v[x.dst] = (int) v[x.a] >> (int) v[x.b];
                        case SAR_I64 -> v[x.dst] = v[x.a] >> v[x.b];
                        case NEG_I32 -> v[x.dst] = -(int) v[x.a];
                        case NEG_I64 -> v[x.dst] = -v[x.a];
                        case NEG_F64 -> v[x.dst] = bits(-dbl(v[x.a]));
                        case NOT -> v[x.dst] = ~v[x.a];
                        case EQ_I -> v[x.dst] = v[x.a] == v[x.b] ? 1 : 0;
                        case EQ_F -> v[x.dst] = dbl(v[x.a]) == dbl(v[x.b]) ? 1 : 0;
                        case EQ_R -> v[x.dst] = r[x.a] == r[x.b] ? 1 : 0;
                        case NE_I -> v[x.dst] = v[x.a] != v[x.b] ? 1 : 0;
                        case NE_F -> v[x.dst] = dbl(v[x.a]) != dbl(v[x.b]) ? 1 : 0;
                        case NE_R -> v[x.dst] = r[x.a] != r[x.b] ? 1 : 0;
                        case LT_I -> v[x.dst] = v[x.a] < v[x.b] ? 1 : 0;
                        case LT_F -> v[x.dst] = dbl(v[x.a]) < dbl(v[x.b]) ? 1 : 0;
                        case LE_I -> v[x.dst] = v[x.a] <= v[x.b] ? 1 : 0;
                        case LE_F -> v[x.dst] = dbl(v[x.a]) <= dbl(v[x.b]) ? 1 : 0;
                        case LTU -> v[x.dst] = Long.compareUnsigned(v[x.a], v[x.b]) < 0 ? 1 : 0;
                        case LEU -> v[x.dst] = Long.compareUnsigned(v[x.a], v[x.b]) <= 0 ? 1 : 0;
                        case SELECT_P -> v[x.dst] = v[x.c] != 0 ? v[x.a] : v[x.b];
                        case SELECT_R -> r[x.dst] = v[x.c] != 0 ? r[x.a] : r[x.b];
                        case SEXT -> v[x.dst] = v[x.a] << (64 - x.imm) >> (64 - x.imm);
                        case ZEXT -> v[x.dst] = v[x.a] & ((1L << x.imm) - 1);
                        case I64_TO_I32 -> v[x.dst] = (int) v[x.a];
                        case U32_TO_I64 -> v[x.dst] = v[x.a] & 0xFFFF_FFFFL;
                        case INT_TO_F64 -> v[x.dst] = bits((double) v[x.a]);
                        case F64_TO_I32 -> v[x.dst] = (int) dbl(v[x.a]);
                        case F64_TO_I64 -> v[x.dst] = (long) dbl(v[x.a]);
                        case LOAD_U8 -> v[x.dst] = ctx.memory.load8(v[x.a] & x.imm);
                        case LOAD_S8 -> v[x.dst] = (byte) ctx.memory.load8(v[x.a] & x.imm);
                        case LOAD_U16 -> v[x.dst] = ctx.memory.load16(v[x.a] & x.imm);
                        case LOAD_S16 -> v[x.dst] = (short) ctx.memory.load16(v[x.a] & x.imm);
                        case LOAD_S32 -> v[x.dst] = ctx.memory.load32(v[x.a] & x.imm);
                        case LOAD_U32 -> v[x.dst] = ctx.memory.load32(v[x.a] & x.imm) & 0xFFFF_FFFFL;
                        case LOAD_64 -> v[x.dst] = ctx.memory.load64(v[x.a] & x.imm);
                        case STORE_8 -> ctx.memory.store8(v[x.a] & x.imm, (int) v[x.b]);
                        case STORE_16 -> ctx.memory.store16(v[x.a] & x.imm, (int) v[x.b]);
                        case STORE_32 -> ctx.memory.store32(v[x.a] & x.imm, (int) v[x.b]);
                        case STORE_64 -> ctx.memory.store64(v[x.a] & x.imm, v[x.b]);
                        case GET_W -> v[x.dst] = state.words[(int) x.imm];
                        case GET_F -> v[x.dst] = bits(state.floats[(int) x.imm]);
                        case GET_R -> r[x.dst] = state.refs[(int) x.imm];
                        case SET_W -> state.words[(int) x.imm] = v[x.a];
                        case SET_F -> state.floats[(int) x.imm] = dbl(v[x.a]);
                        case SET_R -> state.refs[(int) x.imm] = r[x.a];
                        case HELPER -> helper(ctx, x, v, r);
                        case INSN -> {
                            insnPc = x.imm;
                            ctx.instructions++;
                        }
                        case NEW -> r[x.dst] = new ManagedObject((ManagedType) x.aux);
                        case GETFIELD_P -> v[x.dst] = object(r[x.a]).primitives[((FieldRef) x.aux).index()];
                        case GETFIELD_R -> r[x.dst] = object(r[x.a]).references[((FieldRef) x.aux).index()];
                        case PUTFIELD_P -> object(r[x.a]).primitives[((FieldRef) x.aux).index()] = v[x.b];
                        case PUTFIELD_R -> object(r[x.a]).references[((FieldRef) x.aux).index()] = r[x.b];
                        case NEWARRAY -> r[x.dst] = ManagedArrays.create((ArrayKind) x.aux, (int) v[x.a]);
                        case ALOAD -> {
                            if (x.aux == ArrayKind.REF) {
                                r[x.dst] = ManagedArrays.loadRef(r[x.a], (int) v[x.b]);
                            } else {
                                v[x.dst] = ManagedArrays.load((ArrayKind) x.aux, r[x.a], (int) v[x.b]);
                            }
                        }
                        case ASTORE -> {
                            if (x.aux == ArrayKind.REF) {
                                ManagedArrays.storeRef(r[x.a], (int) v[x.b], r[x.c]);
                            } else {
                                ManagedArrays.store((ArrayKind) x.aux, r[x.a], (int) v[x.b], v[x.c]);
                            }
                        }
                        case ALENGTH -> v[x.dst] = ManagedArrays.length(r[x.a]);
                        case INSTANCEOF -> v[x.dst] = ((ManagedType) x.aux).isInstance(r[x.a]) ? 1 : 0;
                        case THROW -> throw new GuestThrow(r[x.a]);
                        case CAUGHT -> r[x.dst] = caught;
                        case CALL -> {
                            int status = call(ctx, x, v, r);
                            if (status != RETURNED) {
                                return status;
                            }
                        }
                        case JUMP -> {
                            int to = (int) x.imm;
                            if (x.backTaken && tr.yields && ctx.shouldYield()) {
                                return yieldAt(state, tr.resumePcs[to]);
                            }
                            block = to;
                            continue dispatch;
                        }
                        case BRANCH -> {
                            boolean taken = v[x.a] != 0;
                            int to = taken ? (int) x.imm : x.c;
                            if ((taken ? x.backTaken : x.backOther) && tr.yields && ctx.shouldYield()) {
                                return yieldAt(state, tr.resumePcs[to]);
                            }
                            block = to;
                            continue dispatch;
                        }
                        case EXIT -> {
                            state.setPc(v[x.a]);
                            return (int) x.imm;
                        }
                        case STOP -> {
                            state.setPc(v[x.a]);
                            ctx.stopCode = (int) x.imm;
                            return STOPPED;
                        }
                        case RETURN -> {
                            if (x.a >= 0) {
                                frame.result = v[x.a];
                                frame.resultRef = r[x.a];
                            }
                            return RETURNED;
                        }
                        default -> throw new IllegalStateException("unknown interpreter code " + x.code);
                    }
                }
            } catch (GuestThrow thrown) {
                UnwindObserver.report(ctx, thrown, insnPc);
                int handler = tr.handlers[block];
                if (handler < 0) {
                    throw thrown;
                }
                caught = thrown.exception();
                block = handler;
            } catch (GuestFault fault) {
                if (fault.pc() < 0) {
                    // Raised here, not in a callee: the instruction did not complete.
                    if (insnPc >= 0) {
                        ctx.instructions--;
                    }
                    fault.setPc(insnPc >= 0 ? insnPc : tr.region.entryPc());
                }
                throw fault;
            }
        }
    }

    private static int yieldAt(GuestState state, long pc) {
        state.setPc(pc);
        return YIELDED;
    }

    private static void helper(ExecutionContext ctx, X x, long[] v, Object[] r) {
        Helper h = (Helper) x.aux;
        int base = h.takesContext() ? 1 : 0;
        Object[] args = new Object[x.args.length + base];
        if (base == 1) {
            args[0] = ctx;
        }
        for (int i = 0; i < x.args.length; i++) {
            args[base + i] = box(h.parameterType(i), v[x.args[i]], r[x.args[i]]);
        }
        Object result;
        try {
            result = h.invoke(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("helper " + h + " failed", e);
        }
        if (x.dst >= 0) {
            if (h.returnType() == Type.REF) {
                r[x.dst] = result;
            } else {
                v[x.dst] = unbox(h, result);
            }
        }
    }

    private static int call(ExecutionContext ctx, X x, long[] v, Object[] r) {
        CallTarget target = (CallTarget) x.aux;
        Region callee = target.region();
        Frame f = new Frame(callee.tempCount());
        for (int i = 0; i < x.args.length; i++) {
            f.values[i] = v[x.args[i]];
            f.refs[i] = r[x.args[i]];
        }
        int status = target.code().run(ctx, f);
        if (status == RETURNED && x.dst >= 0) {
            v[x.dst] = f.result;
            r[x.dst] = f.resultRef;
        }
        return status;
    }

    private static ManagedObject object(Object o) {
        if (o == null) {
            throw new GuestFault(GuestFault.Kind.NULL_REFERENCE, 0, 0, "null reference");
        }
        return (ManagedObject) o;
    }

    private static int divisor32(long d) {
        if ((int) d == 0) {
            throw new GuestFault(GuestFault.Kind.DIVIDE_BY_ZERO, 0, 0, "integer division by zero");
        }
        return (int) d;
    }

    private static long divisor64(long d) {
        if (d == 0) {
            throw new GuestFault(GuestFault.Kind.DIVIDE_BY_ZERO, 0, 0, "integer division by zero");
        }
        return d;
    }

    private static double dbl(long bits) {
        return Double.longBitsToDouble(bits);
    }

    private static long bits(double d) {
        return Double.doubleToRawLongBits(d);
    }
}
