package dev.mimic.pcode.decode;

import dev.mimic.backend.ir.Helper;
import dev.mimic.backend.ir.MemoryAccess;
import dev.mimic.backend.ir.Op;
import dev.mimic.backend.ir.RegionBuilder;
import dev.mimic.backend.ir.Temp;
import dev.mimic.backend.ir.Type;
import dev.mimic.backend.memory.GuestMemory;
import dev.mimic.pcode.load.Mpb;
import dev.mimic.pcode.load.P5Instruction;
import dev.mimic.pcode.load.P5Isa;
import dev.mimic.pcode.load.PcodeProgram;
import dev.mimic.pcode.runtime.BinaryFiles;
import dev.mimic.pcode.runtime.Blocks;
import dev.mimic.pcode.runtime.Checks;
import dev.mimic.pcode.runtime.Heap;
import dev.mimic.pcode.runtime.Maths;
import dev.mimic.pcode.runtime.P5Error;
import dev.mimic.pcode.runtime.Registers;
import dev.mimic.pcode.runtime.TextFiles;
import dev.mimic.specs.model.Instruction;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The IR of every P5 instruction and standard procedure: one method per {@code emit} name of
 * {@code p5.isa}, built from a few generators (typed loads and stores, comparisons, checked
 * arithmetic, runtime checks). Semantics follow pint: the expression stack in the store grows
 * down, chars and booleans take a word on it, and errors are those of pint's {@code errori}.
 *
 * <p>One instance emits one straight-line stretch of code; the {@link StackModel} keeps the
 * stack in temporaries meanwhile.
 */
public final class P5Semantics {
    private static final Map<String, MethodHandle> EMITTERS = emitters();
    private static final int SET_WORDS = 4;
    /**
     * The instructions that change the store only through {@link #storeTo}, so what
     * {@link KnownStore} holds stays true across them; any other instruction forgets it.
     */
    private static final Set<String> KEEPS_KNOWN_STORE = Set.of("lod", "ldo", "ind", "str", "sro", "sto", "lda",
            "lao", "ldci", "ldcr", "ldcn", "ldcb", "ldcc", "ldcs", "lca", "ixa", "inc", "dec", "ord", "chr", "adi",
            "sbi", "mpi", "dvi", "mod", "ngi", "sqi", "abi", "odd", "adr", "sbr", "mpr", "dvr", "ngr", "sqr", "abr",
            "flt", "flo", "trc", "rnd", "not", "and", "ior", "sgs", "rgs", "uni", "int_", "dif", "inn", "equ", "neq",
            "geq", "grt", "leq", "les", "chk", "chks", "chka", "cks", "ckv", "cke", "ivt", "inv", "dup", "dmp",
            "swp", "ujp", "fjp", "tjp", "xjp");

    private final RegionBuilder b;
    private final StackModel stack;
    private final KnownStore known;
    private final Flow flow;
    private final PcodeProgram program;
    private final GuestMemory memory;
    private final CodeCover cover;
    private Temp mp;
    private P5Instruction insn;
    /** The stack before the current instruction, which an error it raises restores. */
    private StackModel.Snapshot before;

    /** Tells the decoder which store bytes a region's code depends on. */
    interface CodeCover {
        void cover(long start, long end);
    }

    P5Semantics(RegionBuilder b, Flow flow, PcodeProgram program, GuestMemory memory, CodeCover cover) {
        this.b = b;
        this.known = new KnownStore(b);
        this.stack = new StackModel(b, known::forget);
        this.flow = flow;
        this.program = program;
        this.memory = memory;
        this.cover = cover;
    }

    /** Emits the IR of {@code instruction}. */
    void emit(P5Instruction instruction) {
        this.insn = instruction;
        this.before = stack.snapshot();
        boolean keeps = KEEPS_KNOWN_STORE.contains(instruction.op().spec().emit());
        if (!keeps) {
            known.forget();
        }
        invoke(instruction.op().spec(), instruction);
        if (!keeps) {
            known.forget();
        }
    }

    /** Synchronises the stack with the store, as a block that falls through into another must. */
    void finish() {
        stack.sync();
    }

    /** The instructions whose semantics are missing, for the table-completeness test. */
    static List<String> missing(List<Instruction> table) {
        return table.stream().filter(i -> !EMITTERS.containsKey(i.emit())).map(Instruction::name).toList();
    }

    private void invoke(Instruction spec, P5Instruction instruction) {
        MethodHandle h = EMITTERS.get(spec.emit());
        if (h == null) {
            throw new IllegalStateException("p5.isa names emit method " + spec.emit() + " for " + spec.name()
                    + ", which P5Semantics lacks");
        }
        try {
            h.invokeExact(this, instruction);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, MethodHandle> emitters() {
        Map<String, MethodHandle> m = new HashMap<>();
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        MethodType type = MethodType.methodType(void.class, P5Instruction.class);
        for (Instruction i : P5Isa.get().spec().instructions()) {
            try {
                m.putIfAbsent(i.emit(), lookup.findVirtual(P5Semantics.class, i.emit(), type)
                        .asType(MethodType.methodType(void.class, P5Semantics.class, P5Instruction.class)));
            } catch (NoSuchMethodException e) {
                // Reported by missing() and, when decoded, by invoke().
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return m;
    }

    // ================================================================ loads and stores

    void lod(P5Instruction i) {
        pushFrom(i.type(), base(i.p()), i.q());
    }

    void ldo(P5Instruction i) {
        pushFrom(i.type(), null, program.globalsBase() + i.q());
    }

    void ind(P5Instruction i) {
        pushFrom(i.type(), stack.popWord(), i.q());
    }

    void str(P5Instruction i) {
        StackModel.Entry v = pop(i.type());
        storeTo(i.type(), base(i.p()), i.q(), v);
    }

    void sro(P5Instruction i) {
        StackModel.Entry v = pop(i.type());
        storeTo(i.type(), null, program.globalsBase() + i.q(), v);
    }

    void sto(P5Instruction i) {
        StackModel.Entry v = pop(i.type());
        storeTo(i.type(), stack.popWord(), 0, v);
    }

    void lda(P5Instruction i) {
        stack.pushWord(plus(base(i.p()), i.q()));
    }

    void lao(P5Instruction i) {
        stack.pushWord(c(program.globalsBase() + i.q()));
    }

    /** A procedure parameter is two words: entry at the address, static link above it. */
    void lip(P5Instruction i) {
        Temp at = plus(base(i.p()), i.q());
        stack.pushWord(load32(plus(at, Mpb.ADR_SIZE)));
        stack.pushWord(load32(at));
    }

    // ================================================================ constants

    void ldci(P5Instruction i) {
        stack.pushConstant(i.q());
    }

    void ldcr(P5Instruction i) {
        stack.pushReal(b.f64(Double.longBitsToDouble(constant64(i.q()))));
    }

    void ldcn(P5Instruction i) {
        stack.pushConstant(Mpb.NIL);
    }

    void ldcb(P5Instruction i) {
        stack.pushConstant(i.q());
    }

    void ldcc(P5Instruction i) {
        stack.pushConstant(i.q());
    }

    void ldcs(P5Instruction i) {
        Temp[] words = new Temp[SET_WORDS];
        for (int k = 0; k < SET_WORDS; k++) {
            words[k] = b.i64(constant64(i.q() + 8 * k));
        }
        stack.pushSet(words);
    }

    void lca(P5Instruction i) {
        stack.pushWord(c(i.q()));
    }

    // ================================================================ address and ordinal arithmetic

    void ixa(P5Instruction i) {
        Temp index = stack.popWord();
        Temp address = stack.popWord();
        stack.pushWord(b.add(address, i.q() == 1 ? index : b.mul(index, c(i.q()))));
    }

    void inc(P5Instruction i) {
        Temp x = stack.popWord();
        stack.pushWord(i.type() == 'a' ? plus(x, i.q()) : addConstant(x, i.q()));
    }

    void dec(P5Instruction i) {
        Temp x = stack.popWord();
        stack.pushWord(subtractConstant(x, i.q()));
    }

    /** ord of an ordinal is its value: no code. */
    void ord(P5Instruction i) {
    }

    /** chr of an ordinal is its value: no code. */
    void chr(P5Instruction i) {
    }

    // ================================================================ integer arithmetic

    void adi(P5Instruction i) {
        OptionalInt k = stack.topConstant();
        Temp y = stack.popWord();
        Temp x = stack.popWord();
        stack.pushWord(k.isPresent() ? addConstant(x, k.getAsInt()) : checkedAdd(x, y));
    }

    void sbi(P5Instruction i) {
        OptionalInt k = stack.topConstant();
        Temp y = stack.popWord();
        Temp x = stack.popWord();
        stack.pushWord(k.isPresent() ? subtractConstant(x, k.getAsInt()) : checkedSubtract(x, y));
    }

    void mpi(P5Instruction i) {
        Temp y = stack.popWord();
        Temp x = stack.popWord();
        stack.pushWord(checkedMultiply(x, y));
    }

    void dvi(P5Instruction i) {
        OptionalInt k = stack.topConstant();
        Temp y = stack.popWord();
        Temp x = stack.popWord();
        if (k.isEmpty() || k.getAsInt() == 0) {
            check(b.binary(Op.NE, y, c(0)), P5Error.ZERO_DIVIDE);
        }
        stack.pushWord(b.binary(Op.DIV, x, y));
    }

    /** ISO mod: the divisor must be positive and the result is never negative. */
    void mod(P5Instruction i) {
        OptionalInt k = stack.topConstant();
        Temp y = stack.popWord();
        Temp x = stack.popWord();
        if (k.isEmpty() || k.getAsInt() <= 0) {
            check(b.binary(Op.LT, c(0), y), P5Error.MOD_DIVISOR);
        }
        Temp r = b.binary(Op.REM, x, y);
        stack.pushWord(b.select(b.binary(Op.LT, r, c(0)), b.add(r, y), r));
    }

    void ngi(P5Instruction i) {
        stack.pushWord(b.unary(Op.NEG, stack.popWord()));
    }

    void sqi(P5Instruction i) {
        Temp x = stack.popWord();
        stack.pushWord(checkedMultiply(x, x));
    }

    void abi(P5Instruction i) {
        Temp x = stack.popWord();
        stack.pushWord(b.select(b.binary(Op.LT, x, c(0)), b.unary(Op.NEG, x), x));
    }

    void odd(P5Instruction i) {
        stack.pushWord(b.and(stack.popWord(), c(1)));
    }

    // ================================================================ real arithmetic

    void adr(P5Instruction i) {
        realBinary(Op.ADD);
    }

    void sbr(P5Instruction i) {
        realBinary(Op.SUB);
    }

    void mpr(P5Instruction i) {
        realBinary(Op.MUL);
    }

    void dvr(P5Instruction i) {
        Temp y = stack.popReal();
        Temp x = stack.popReal();
        check(b.binary(Op.NE, y, b.f64(0)), P5Error.ZERO_DIVIDE);
        stack.pushReal(b.binary(Op.DIV, x, y));
    }

    void ngr(P5Instruction i) {
        stack.pushReal(b.unary(Op.NEG, stack.popReal()));
    }

    void sqr(P5Instruction i) {
        Temp x = stack.popReal();
        stack.pushReal(b.mul(x, x));
    }

    void abr(P5Instruction i) {
        Temp x = stack.popReal();
        stack.pushReal(b.select(b.binary(Op.LT, x, b.f64(0)), b.unary(Op.NEG, x), x));
    }

    void flt(P5Instruction i) {
        stack.pushReal(b.convert(stack.popWord(), Type.F64));
    }

    void flo(P5Instruction i) {
        Temp top = stack.popReal();
        stack.pushReal(b.convert(stack.popWord(), Type.F64));
        stack.pushReal(top);
    }

    void trc(P5Instruction i) {
        Temp x = stack.popReal();
        check(b.and(b.binary(Op.LE, b.f64(-Mpb.MAX_INT), x), b.binary(Op.LE, x, b.f64(Mpb.MAX_INT))), P5Error.REAL_TOO_LARGE);
        stack.pushWord(b.convert(x, Type.I32));
    }

    /** Rounds half away from zero (ISO 6.6.6.3). */
    void rnd(P5Instruction i) {
        Temp x = stack.popReal();
        double limit = Mpb.MAX_INT + 0.5;
        check(b.and(b.binary(Op.LT, b.f64(-limit), x), b.binary(Op.LT, x, b.f64(limit))), P5Error.REAL_TOO_LARGE);
        Temp up = b.convert(b.add(x, b.f64(0.5)), Type.I32);
        Temp down = b.convert(b.sub(x, b.f64(0.5)), Type.I32);
        stack.pushWord(b.select(b.binary(Op.LE, b.f64(0), x), up, down));
    }

    // ================================================================ booleans

    void not(P5Instruction i) {
        stack.pushWord(b.binary(Op.EQ, stack.popWord(), c(0)));
    }

    void and(P5Instruction i) {
        Temp y = truth(stack.popWord());
        stack.pushWord(b.and(truth(stack.popWord()), y));
    }

    void ior(P5Instruction i) {
        Temp y = truth(stack.popWord());
        stack.pushWord(b.binary(Op.OR, truth(stack.popWord()), y));
    }

    // ================================================================ sets

    void sgs(P5Instruction i) {
        Temp e = stack.popWord();
        check(inSetRange(e), P5Error.SET_ELEMENT_OUT_OF_RANGE);
        Temp bit = b.binary(Op.SHL, b.i64(1), b.convert(b.and(e, c(63)), Type.I64));
        Temp word = b.binary(Op.SHR, e, c(6));
        Temp[] set = new Temp[SET_WORDS];
        for (int k = 0; k < SET_WORDS; k++) {
            set[k] = b.select(b.binary(Op.EQ, word, c(k)), bit, b.i64(0));
        }
        stack.pushSet(set);
    }

    void rgs(P5Instruction i) {
        Temp high = stack.popWord();
        Temp low = stack.popWord();
        check(b.and(inSetRange(low), inSetRange(high)), P5Error.SET_ELEMENT_OUT_OF_RANGE);
        Temp[] set = new Temp[SET_WORDS];
        for (int k = 0; k < SET_WORDS; k++) {
            set[k] = b.helper(Blocks.RANGE_WORD, low, high, c(k));
        }
        stack.pushSet(set);
    }

    void uni(P5Instruction i) {
        setBinary(Op.OR, false);
    }

    /** Emit name of {@code int} (a Java keyword). */
    void int_(P5Instruction i) {
        setBinary(Op.AND, false);
    }

    void dif(P5Instruction i) {
        setBinary(Op.AND, true);
    }

    void inn(P5Instruction i) {
        Temp[] set = stack.popSet();
        Temp e = stack.popWord();
        Temp w = b.binary(Op.SHR, b.and(e, c(Mpb.SET_HIGH)), c(6));
        Temp word = b.select(b.binary(Op.EQ, w, c(0)), set[0],
                b.select(b.binary(Op.EQ, w, c(1)), set[1], b.select(b.binary(Op.EQ, w, c(2)), set[2], set[3])));
        Temp bit = b.and(b.binary(Op.SHR, word, b.convert(b.and(e, c(63)), Type.I64)), b.i64(1));
        stack.pushWord(b.and(inSetRange(e), b.convert(bit, Type.I32)));
    }

    // ================================================================ comparisons

    void equ(P5Instruction i) {
        compare(i, Op.EQ, false);
    }

    void neq(P5Instruction i) {
        compare(i, Op.NE, false);
    }

    void geq(P5Instruction i) {
        compare(i, Op.LE, true);
    }

    void grt(P5Instruction i) {
        compare(i, Op.LT, true);
    }

    void leq(P5Instruction i) {
        compare(i, Op.LE, false);
    }

    void les(P5Instruction i) {
        compare(i, Op.LT, false);
    }

    // ================================================================ checks

    /** Range check; a constant pushed in this stretch is checked now, so {@code ldcb 1; chkb 0 1} costs nothing. */
    void chk(P5Instruction i) {
        int low = constant32(i.q());
        int high = constant32(i.q() + Mpb.INT_SIZE);
        OptionalInt k = stack.topConstant();
        if (k.isPresent() && low <= k.getAsInt() && k.getAsInt() <= high) {
            return;
        }
        Temp v = stack.peekWord();
        check(low > high ? c(0) : b.binary(Op.LEU, b.sub(v, c(low)), c(high - low)), P5Error.VALUE_OUT_OF_RANGE);
    }

    void chks(P5Instruction i) {
        int low = constant32(i.q());
        int high = constant32(i.q() + Mpb.INT_SIZE);
        StackModel.Entry s = stack.pop(StackModel.Kind.SET);
        stack.push(s);
        Temp outside = null;
        for (int k = 0; k < SET_WORDS; k++) {
            long allowed = Blocks.rangeWord(low, high, k);
            Temp bits = b.and(s.temps()[k], b.i64(~allowed));
            outside = outside == null ? bits : b.binary(Op.OR, outside, bits);
        }
        check(b.binary(Op.EQ, outside, b.i64(0)), P5Error.SET_ELEMENT_OUT_OF_RANGE);
    }

    /**
     * Pointer check: q is 0 when nil may be assigned, else the pointer is dereferenced. One
     * branch tests everything; the cold path works out which error it is, so a region full of
     * pointer accesses keeps one error block per check.
     */
    void chka(P5Instruction i) {
        Temp p = stack.peekWord();
        int heap = program.heapBase();
        Temp inHeap = b.binary(Op.LTU, b.sub(p, c(heap)), b.sub(b.get(Registers.NP), c(heap)));
        Temp nil = b.binary(Op.EQ, p, c(Mpb.NIL));
        Temp allowed = i.q() != 0 ? b.and(b.binary(Op.NE, p, c(Mpb.NIL)), inHeap) : b.binary(Op.OR, inHeap, nil);
        check(b.and(b.binary(Op.NE, p, c(0)), allowed), () -> b.select(b.binary(Op.EQ, p, c(0)),
                c(P5Error.UNINITIALIZED_POINTER.ordinal()),
                i.q() != 0 ? b.select(nil, c(P5Error.NIL_DEREFERENCE.ordinal()), c(P5Error.BAD_POINTER.ordinal()))
                        : c(P5Error.BAD_POINTER.ordinal())));
    }

    // ================================================================ variant records and VAR blocks

    void cks(P5Instruction i) {
        stack.pushConstant(0);
    }

    void ckv(P5Instruction i) {
        Temp matched = stack.popWord();
        Temp tag = stack.popWord();
        stack.pushWord(tag);
        stack.pushWord(b.binary(Op.OR, b.binary(Op.EQ, tag, c(i.q())), b.binary(Op.NE, matched, c(0))));
    }

    void cke(P5Instruction i) {
        Temp matched = stack.popWord();
        stack.popWord();
        check(b.binary(Op.NE, matched, c(0)), P5Error.VARIANT_NOT_ACTIVE);
    }

    void ivt(P5Instruction i) {
        check(b.binary(Op.LTU, stack.peekWord(), c(constant32(i.q2()))), P5Error.VALUE_OUT_OF_RANGE);
    }

    void cvb(P5Instruction i) {
        Temp tag = stack.popWord();
        Temp address = stack.peekWord();
        stack.pushWord(tag);
        b.helper(Checks.CHANGE_VARIANT, address, tag, c(i.q()), c(i.q1()), c(i.q2()), c(i.type() == 'i' ? 1 : 0));
    }

    void cta(P5Instruction i) {
        Temp tag = stack.popWord();
        Temp address = stack.peekWord();
        stack.pushWord(tag);
        b.helper(Checks.CHANGE_TAG, address, tag, c(i.q()), c(i.q1()), c(i.q2()));
    }

    void ctp(P5Instruction i) {
        b.helper(Checks.TAGGED_ACCESS, stack.peekWord());
    }

    void vbs(P5Instruction i) {
        b.helper(Checks.ENTER_VAR, stack.popWord(), c(i.q()));
    }

    void vbe(P5Instruction i) {
        b.helper(Checks.EXIT_VAR);
    }

    /** Marks storage undefined; this machine does not track definedness. */
    void inv(P5Instruction i) {
        stack.popWord();
    }

    // ================================================================ stack

    void dup(P5Instruction i) {
        StackModel.Entry e = pop(i.type());
        stack.push(e);
        stack.push(e);
    }

    void dmp(P5Instruction i) {
        stack.drop(i.q());
    }

    /** Swaps the address on top with the q bytes under it. */
    void swp(P5Instruction i) {
        Temp address = stack.popWord();
        List<StackModel.Entry> under = stack.popBytes(i.q());
        stack.pushWord(address);
        for (int k = under.size() - 1; k >= 0; k--) {
            stack.push(under.get(k));
        }
    }

    // ================================================================ blocks of storage

    void mov(P5Instruction i) {
        Temp source = stack.popWord();
        Temp target = stack.popWord();
        int length = i.q();
        if (length > 64) {
            b.helper(Blocks.MOVE, target, source, c(length));
            return;
        }
        for (int at = 0; at < length; ) {
            int n = length - at >= 8 ? 8 : length - at >= 4 ? 4 : length - at >= 2 ? 2 : 1;
            MemoryAccess access = new MemoryAccess(n, false);
            Type type = n == 8 ? Type.I64 : Type.I32;
            b.store(access, plus(target, at), b.load(access, type, plus(source, at)));
            at += n;
        }
    }

    void pck(P5Instruction i) {
        Temp target = stack.popWord();
        Temp start = stack.popWord();
        Temp source = stack.popWord();
        b.helper(Blocks.PACK, source, start, target, c(i.q()), c(i.q1()));
    }

    void upk(P5Instruction i) {
        Temp start = stack.popWord();
        Temp target = stack.popWord();
        Temp source = stack.popWord();
        b.helper(Blocks.UNPACK, source, target, start, c(i.q()), c(i.q1()));
    }

    // ================================================================ jumps

    void ujp(P5Instruction i) {
        stack.sync();
        flow.jump(i.q());
    }

    void fjp(P5Instruction i) {
        Temp condition = stack.popWord();
        stack.sync();
        flow.branch(condition, i.next(), i.q());
    }

    void tjp(P5Instruction i) {
        Temp condition = stack.popWord();
        stack.sync();
        flow.branch(condition, i.q(), i.next());
    }

    void xjp(P5Instruction i) {
        Temp index = stack.popWord();
        stack.sync();
        flow.select(index, i.q());
    }

    void ujc(P5Instruction i) {
        raise(c(P5Error.CASE_NO_LABEL.ordinal()));
    }

    // ================================================================ procedures

    /**
     * Pushes a frame mark: function result, static link, dynamic link, ep, then words set by ents,
     * ente and cup. The mark goes to the store at once (only the callee reads it), so the error
     * paths of the arguments' checks need not write it again, which keeps regions short.
     */
    void mst(P5Instruction i) {
        Temp staticLink = base(i.p());
        Temp zero = c(0);
        stack.pushWord(zero);
        stack.pushWord(zero);
        stack.pushWord(staticLink);
        stack.pushWord(mp());
        stack.pushWord(b.get(Registers.EP));
        stack.pushWord(zero);
        stack.pushWord(zero);
        stack.pushWord(zero);
        stack.spill();
    }

    void cup(P5Instruction i) {
        enterFrame(i.p(), i);
        flow.call(i.q(), i.next());
    }

    void cip(P5Instruction i) {
        Temp descriptor = stack.popWord();
        Temp frame = enterFrame(i.p(), i);
        b.store(MemoryAccess.S32, plus(frame, Mpb.MARK_SL), load32(plus(descriptor, Mpb.ADR_SIZE)));
        flow.exit(load32(descriptor));
    }

    void lpa(P5Instruction i) {
        stack.pushWord(base(i.p()));
        stack.pushWord(c(i.q()));
    }

    /** A goto out of the current procedure: unwinds to the frame p levels out. */
    void ipj(P5Instruction i) {
        Temp frame = base(i.p());
        Temp sp = load32(plus(frame, Mpb.MARK_SB));
        Temp ep = load32(plus(frame, Mpb.MARK_ET));
        stack.discard();
        b.set(Registers.SP, sp);
        b.set(Registers.EP, ep);
        b.set(Registers.MP, frame);
        flow.exit(i.q());
    }

    /** Allocates the locals (q is minus their size) and clears them. */
    void ents(P5Instruction i) {
        stack.sync();
        Temp frame = mp();
        Temp bottom = plus(frame, i.q());
        check(b.binary(Op.LT, b.get(Registers.NP), bottom), P5Error.STORE_OVERFLOW);
        Temp sp = stack.sp();
        Temp newSp = b.select(b.binary(Op.LT, bottom, sp), bottom, sp);
        b.helper(Blocks.CLEAR, newSp, sp);
        stack.moveTo(newSp);
        b.store(MemoryAccess.S32, plus(frame, Mpb.MARK_SB), newSp);
    }

    /** Sets the lowest address the frame's expression stack reaches (q below sp). */
    void ente(P5Instruction i) {
        Temp ep = plus(stack.sp(), i.q());
        check(b.binary(Op.LT, b.get(Registers.NP), ep), P5Error.STORE_OVERFLOW);
        b.set(Registers.EP, ep);
        b.store(MemoryAccess.S32, plus(mp(), Mpb.MARK_ET), ep);
    }

    /** Returns, leaving a function's result on the stack (chars and booleans cleaned to a word). */
    void ret(P5Instruction i) {
        stack.sync();
        Temp frame = mp();
        check(b.binary(Op.EQ, stack.sp(), load32(plus(frame, Mpb.MARK_SB))), P5Error.STACK_BALANCE);
        int result = switch (i.type()) {
            case 'p' -> 0;
            case 'r' -> Mpb.MARK_FV;
            default -> Mpb.MARK_FV_INT;
        };
        if (i.type() == 'c' || i.type() == 'b') {
            Temp cell = plus(frame, Mpb.MARK_FV_INT);
            Temp v = b.load(MemoryAccess.U8, Type.I32, cell);
            b.store(MemoryAccess.S32, cell, i.type() == 'b' ? truth(v) : v);
        }
        Temp ra = load32(plus(frame, Mpb.MARK_RA));
        Temp ep = load32(plus(frame, Mpb.MARK_EP));
        Temp dl = load32(plus(frame, Mpb.MARK_DL));
        b.set(Registers.SP, plus(frame, result));
        b.set(Registers.EP, ep);
        b.set(Registers.MP, dl);
        flow.ret(ra);
    }

    void csp(P5Instruction i) {
        invoke(i.procedure().spec(), i);
    }

    void stp(P5Instruction i) {
        stack.sync();
        flow.stop(i.pc());
    }

    // ================================================================ standard procedures: text files

    void csp_get(P5Instruction i) {
        restartable();
        b.helper(TextFiles.GET, stack.popWord());
    }

    void csp_put(P5Instruction i) {
        call(TextFiles.PUT, stack.popWord());
    }

    void csp_rln(P5Instruction i) {
        restartable();
        b.helper(TextFiles.READLN, stack.peekWord());
    }

    void csp_wln(P5Instruction i) {
        call(TextFiles.WRITELN, stack.peekWord());
    }

    void csp_wrs(P5Instruction i) {
        Temp length = stack.popWord();
        Temp width = stack.popWord();
        Temp string = stack.popWord();
        call(TextFiles.WRITE_STRING, stack.peekWord(), string, width, length);
    }

    void csp_eln(P5Instruction i) {
        restartable();
        stack.pushWord(b.helper(TextFiles.EOLN, stack.popWord()));
    }

    void csp_wri(P5Instruction i) {
        Temp width = stack.popWord();
        Temp value = stack.popWord();
        call(TextFiles.WRITE_INTEGER, stack.peekWord(), value, width);
    }

    void csp_wrr(P5Instruction i) {
        Temp width = stack.popWord();
        Temp value = stack.popReal();
        call(TextFiles.WRITE_REAL, stack.peekWord(), value, width);
    }

    void csp_wrc(P5Instruction i) {
        Temp width = stack.popWord();
        Temp value = stack.popWord();
        call(TextFiles.WRITE_CHAR, stack.peekWord(), value, width);
    }

    void csp_wrb(P5Instruction i) {
        Temp width = stack.popWord();
        Temp value = stack.popWord();
        call(TextFiles.WRITE_BOOLEAN, stack.peekWord(), value, width);
    }

    void csp_wrf(P5Instruction i) {
        Temp fraction = stack.popWord();
        Temp width = stack.popWord();
        Temp value = stack.popReal();
        call(TextFiles.WRITE_FIXED, stack.peekWord(), value, width, fraction);
    }

    void csp_rdi(P5Instruction i) {
        restartable();
        Temp target = stack.popWord();
        b.helper(TextFiles.READ_INTEGER, stack.peekWord(), target);
    }

    void csp_rdr(P5Instruction i) {
        restartable();
        Temp target = stack.popWord();
        b.helper(TextFiles.READ_REAL, stack.peekWord(), target);
    }

    void csp_rdc(P5Instruction i) {
        restartable();
        Temp target = stack.popWord();
        b.helper(TextFiles.READ_CHAR, stack.peekWord(), target);
    }

    void csp_rib(P5Instruction i) {
        restartable();
        Temp high = stack.popWord();
        Temp low = stack.popWord();
        Temp target = stack.popWord();
        b.helper(TextFiles.READ_INTEGER_CHECKED, stack.peekWord(), target, low, high);
    }

    void csp_rcb(P5Instruction i) {
        restartable();
        Temp high = stack.popWord();
        Temp low = stack.popWord();
        Temp target = stack.popWord();
        b.helper(TextFiles.READ_CHAR_CHECKED, stack.peekWord(), target, low, high);
    }

    void csp_pag(P5Instruction i) {
        call(TextFiles.PAGE, stack.popWord());
    }

    void csp_rsf(P5Instruction i) {
        call(TextFiles.RESET, stack.popWord());
    }

    void csp_rwf(P5Instruction i) {
        call(TextFiles.REWRITE, stack.popWord());
    }

    void csp_eof(P5Instruction i) {
        restartable();
        stack.pushWord(b.helper(TextFiles.EOF, stack.popWord()));
    }

    void csp_fbv(P5Instruction i) {
        restartable();
        b.helper(TextFiles.BUFFER, stack.peekWord());
    }

    // ================================================================ standard procedures: binary files

    void csp_wbf(P5Instruction i) {
        Temp length = stack.popWord();
        Temp source = stack.popWord();
        call(BinaryFiles.WRITE_BYTES, stack.peekWord(), source, length);
    }

    void csp_wbi(P5Instruction i) {
        Temp value = stack.popWord();
        call(BinaryFiles.WRITE_INTEGER, stack.peekWord(), value);
    }

    void csp_wbr(P5Instruction i) {
        Temp value = stack.popReal();
        call(BinaryFiles.WRITE_REAL, stack.peekWord(), value);
    }

    void csp_wbc(P5Instruction i) {
        writeByte();
    }

    void csp_wbb(P5Instruction i) {
        writeByte();
    }

    void csp_wbx(P5Instruction i) {
        writeByte();
    }

    void csp_rbf(P5Instruction i) {
        Temp length = stack.popWord();
        Temp target = stack.popWord();
        call(BinaryFiles.READ_BYTES, stack.peekWord(), target, length);
    }

    void csp_rsb(P5Instruction i) {
        call(BinaryFiles.RESET, stack.popWord());
    }

    void csp_rwb(P5Instruction i) {
        call(BinaryFiles.REWRITE, stack.popWord());
    }

    void csp_gbf(P5Instruction i) {
        Temp size = stack.popWord();
        call(BinaryFiles.GET, stack.popWord(), size);
    }

    void csp_pbf(P5Instruction i) {
        Temp size = stack.popWord();
        call(BinaryFiles.PUT, stack.popWord(), size);
    }

    void csp_efb(P5Instruction i) {
        stack.pushWord(call(BinaryFiles.EOF, stack.popWord()));
    }

    void csp_fvb(P5Instruction i) {
        Temp size = stack.popWord();
        call(BinaryFiles.BUFFER, stack.peekWord(), size);
    }

    // ================================================================ standard procedures: heap

    void csp_new(P5Instruction i) {
        Temp size = stack.popWord();
        call(Heap.NEW, stack.popWord(), size);
    }

    void csp_dsp(P5Instruction i) {
        Temp size = stack.popWord();
        call(Heap.DISPOSE, stack.popWord(), size);
    }

    void csp_nwl(P5Instruction i) {
        stackCall(Heap.NEW_TAGGED);
    }

    void csp_dsl(P5Instruction i) {
        stackCall(Heap.DISPOSE_TAGGED);
    }

    void csp_sav(P5Instruction i) {
        call(Heap.MARK, stack.popWord());
    }

    void csp_rst(P5Instruction i) {
        call(Heap.RELEASE, stack.popWord());
    }

    // ================================================================ standard procedures: arithmetic functions

    void csp_sin(P5Instruction i) {
        realFunction(Maths.SIN);
    }

    void csp_cos(P5Instruction i) {
        realFunction(Maths.COS);
    }

    void csp_exp(P5Instruction i) {
        realFunction(Maths.EXP);
    }

    void csp_log(P5Instruction i) {
        realFunction(Maths.LN);
    }

    void csp_sqt(P5Instruction i) {
        realFunction(Maths.SQRT);
    }

    void csp_atn(P5Instruction i) {
        realFunction(Maths.ARCTAN);
    }

    // ================================================================ generators

    private Temp c(int value) {
        return b.i32(value);
    }

    private Temp plus(Temp a, int k) {
        return k == 0 ? a : b.add(a, c(k));
    }

    private Temp load32(Temp at) {
        return b.load(MemoryAccess.S32, Type.I32, at);
    }

    /** 1 when {@code v} is non-zero, else 0. */
    private Temp truth(Temp v) {
        return b.binary(Op.NE, v, c(0));
    }

    private Temp inSetRange(Temp e) {
        return b.binary(Op.LTU, e, c(Mpb.SET_HIGH + 1));
    }

    private Temp mp() {
        if (mp == null) {
            mp = b.get(Registers.MP);
        }
        return mp;
    }

    /** The frame {@code level} static links out (pint's base). */
    private Temp base(int level) {
        Temp frame = mp();
        for (int k = 0; k < level; k++) {
            frame = known.load(MemoryAccess.S32, Type.I32, frame, Mpb.MARK_SL);
        }
        return frame;
    }

    private int constant32(int address) {
        cover.cover(address, address + 4L);
        return memory.load32(address);
    }

    private long constant64(int address) {
        cover.cover(address, address + 8L);
        return memory.load64(address);
    }

    private StackModel.Entry pop(char type) {
        return stack.pop(kind(type));
    }

    private static StackModel.Kind kind(char type) {
        return switch (type) {
            case 'r' -> StackModel.Kind.REAL;
            case 's' -> StackModel.Kind.SET;
            default -> StackModel.Kind.WORD;
        };
    }

    /**
     * Loads a value of {@code type} from {@code base + displacement} (the address displacement
     * when base is null) and pushes it (booleans normalised to 0 or 1).
     */
    private void pushFrom(char type, Temp base, int displacement) {
        switch (type) {
            case 'r' -> stack.pushReal(known.load(MemoryAccess.W64, Type.F64, base, displacement));
            case 's' -> {
                Temp[] set = new Temp[SET_WORDS];
                for (int k = 0; k < SET_WORDS; k++) {
                    set[k] = known.load(MemoryAccess.W64, Type.I64, base, displacement + 8 * k);
                }
                stack.pushSet(set);
            }
            case 'b' -> stack.pushWord(truth(known.load(MemoryAccess.U8, Type.I32, base, displacement)));
            case 'c', 'x' -> stack.pushWord(known.load(MemoryAccess.U8, Type.I32, base, displacement));
            default -> stack.pushWord(known.load(MemoryAccess.S32, Type.I32, base, displacement));
        }
    }

    /** Stores {@code v} as a value of {@code type} at {@code base + displacement} (see {@link #pushFrom}). */
    private void storeTo(char type, Temp base, int displacement, StackModel.Entry v) {
        switch (type) {
            case 'r' -> known.store(MemoryAccess.W64, base, displacement, v.word());
            case 's' -> {
                for (int k = 0; k < SET_WORDS; k++) {
                    known.store(MemoryAccess.W64, base, displacement + 8 * k, v.temps()[k]);
                }
            }
            case 'b' -> known.store(MemoryAccess.U8, base, displacement, truth(v.word()));
            case 'c', 'x' -> known.store(MemoryAccess.U8, base, displacement, v.word());
            default -> known.store(MemoryAccess.S32, base, displacement, v.word());
        }
    }

    /** Integer addition; an overflow past ±maxint is an error (pint's check: -maxint-1 overflows too). */
    private Temp checkedAdd(Temp x, Temp y) {
        Temp r = b.add(x, y);
        if (program.overflowChecks()) {
            Temp signs = b.and(b.binary(Op.XOR, x, r), b.binary(Op.XOR, y, r));
            check(b.and(b.binary(Op.LE, c(0), signs), b.binary(Op.NE, r, c(Integer.MIN_VALUE))), P5Error.ARITHMETIC_OVERFLOW);
        }
        return r;
    }

    private Temp checkedSubtract(Temp x, Temp y) {
        Temp r = b.sub(x, y);
        if (program.overflowChecks()) {
            Temp signs = b.and(b.binary(Op.XOR, x, y), b.binary(Op.XOR, x, r));
            check(b.and(b.binary(Op.LE, c(0), signs), b.binary(Op.NE, r, c(Integer.MIN_VALUE))), P5Error.ARITHMETIC_OVERFLOW);
        }
        return r;
    }

    /** x + k for a constant k: one comparison decides overflow. */
    private Temp addConstant(Temp x, int k) {
        if (program.overflowChecks() && k != 0) {
            Temp ok = k > 0 ? b.binary(Op.LE, x, c(Mpb.MAX_INT - k)) : b.binary(Op.LE, c(-Mpb.MAX_INT - k), x);
            check(k == Integer.MIN_VALUE ? c(0) : ok, P5Error.ARITHMETIC_OVERFLOW);
        }
        return plus(x, k);
    }

    private Temp subtractConstant(Temp x, int k) {
        if (k == Integer.MIN_VALUE) {
            return checkedSubtract(x, c(k));
        }
        return addConstant(x, -k);
    }

    private Temp checkedMultiply(Temp x, Temp y) {
        if (!program.overflowChecks()) {
            return b.mul(x, y);
        }
        Temp r = b.mul(b.convert(x, Type.I64), b.convert(y, Type.I64));
        check(b.binary(Op.LEU, b.add(r, b.i64(Mpb.MAX_INT)), b.i64(2L * Mpb.MAX_INT)), P5Error.ARITHMETIC_OVERFLOW);
        return b.convert(r, Type.I32);
    }

    private void realBinary(Op op) {
        Temp y = stack.popReal();
        Temp x = stack.popReal();
        stack.pushReal(b.binary(op, x, y));
    }

    /** Union, intersection or (with {@code complement}) difference. */
    private void setBinary(Op op, boolean complement) {
        Temp[] y = stack.popSet();
        Temp[] x = stack.popSet();
        Temp[] r = new Temp[SET_WORDS];
        for (int k = 0; k < SET_WORDS; k++) {
            r[k] = b.binary(op, x[k], complement ? b.unary(Op.NOT, y[k]) : y[k]);
        }
        stack.pushSet(r);
    }

    /**
     * Pushes x op y (or y op x when {@code swap}) for the instruction's type: words, reals, sets
     * (equality and inclusion; strict inclusion is an error) or blocks of q bytes compared
     * as unsigned bytes.
     */
    private void compare(P5Instruction i, Op op, boolean swap) {
        switch (i.type()) {
            case 's' -> {
                Temp[] y = stack.popSet();
                Temp[] x = stack.popSet();
                Temp r = switch (op) {
                    case EQ, NE -> b.binary(op, differing(x, y, false), b.i64(0));
                    case LE -> b.binary(Op.EQ, swap ? differing(y, x, true) : differing(x, y, true), b.i64(0));
                    default -> {
                        check(c(0), P5Error.SET_INCLUSION);
                        yield c(0);
                    }
                };
                stack.pushWord(r);
            }
            case 'm' -> {
                Temp y = stack.popWord();
                Temp x = stack.popWord();
                Temp order = b.helper(Blocks.COMPARE, x, y, c(i.q()));
                stack.pushWord(swap ? b.binary(op, c(0), order) : b.binary(op, order, c(0)));
            }
            case 'r' -> {
                Temp y = stack.popReal();
                Temp x = stack.popReal();
                stack.pushWord(swap ? b.binary(op, y, x) : b.binary(op, x, y));
            }
            default -> {
                Temp y = stack.popWord();
                Temp x = stack.popWord();
                stack.pushWord(swap ? b.binary(op, y, x) : b.binary(op, x, y));
            }
        }
    }

    /** OR over the words of x ^ y, or (for {@code inclusion}) of x & ~y: zero when equal, or when x is a subset of y. */
    private Temp differing(Temp[] x, Temp[] y, boolean inclusion) {
        Temp r = null;
        for (int k = 0; k < SET_WORDS; k++) {
            Temp w = inclusion ? b.and(x[k], b.unary(Op.NOT, y[k])) : b.binary(Op.XOR, x[k], y[k]);
            r = r == null ? w : b.binary(Op.OR, r, w);
        }
        return r;
    }

    /** Synchronises the stack, points a new frame just above the mark and parameters, and stores the return address. */
    private Temp enterFrame(int parameterBytes, P5Instruction i) {
        stack.sync();
        Temp frame = plus(stack.sp(), parameterBytes + Mpb.MARK_SIZE);
        b.store(MemoryAccess.S32, plus(frame, Mpb.MARK_RA), c((int) i.next()));
        b.set(Registers.MP, frame);
        return frame;
    }

    /** Branches to an error block unless {@code ok} is non-zero. */
    private void check(Temp ok, P5Error error) {
        check(ok, () -> c(error.ordinal()));
    }

    /** Branches to an error block unless {@code ok} is non-zero; {@code error} computes the error's ordinal there. */
    private void check(Temp ok, Supplier<Temp> error) {
        int pass = b.newBlock();
        int fail = b.newBlock();
        b.branch(ok, pass, fail);
        b.switchTo(fail);
        raise(error.get());
        b.switchTo(pass);
    }

    /**
     * Ends the current block in runtime error {@code error} (an ordinal), with the store and sp as
     * they were before the instruction, so the error is as precise as a fault in
     * one-instruction regions.
     */
    private void raise(Temp error) {
        stack.materialize(before);
        Temp pc = c((int) insn.pc());
        b.helper(P5Error.RAISE, error, pc);
        b.exit(pc, 0);
    }

    /** Calls a standard procedure with the store and sp register up to date (it may look at either). */
    private Temp call(Helper h, Temp... args) {
        stack.sync();
        return b.helper(h, args);
    }

    /**
     * Prepares a procedure that may wait for input: the stack is synchronised before anything is
     * popped, so an interrupted read leaves the machine exactly before the instruction.
     */
    private void restartable() {
        stack.sync();
    }

    /** Calls a procedure that pops a variable number of words from the store itself. */
    private void stackCall(Helper h) {
        stack.sync();
        b.helper(h);
        stack.reset();
    }

    private void writeByte() {
        Temp value = stack.popWord();
        call(BinaryFiles.WRITE_BYTE, stack.peekWord(), value);
    }

    private void realFunction(Helper h) {
        stack.pushReal(b.helper(h, stack.popReal()));
    }
}
