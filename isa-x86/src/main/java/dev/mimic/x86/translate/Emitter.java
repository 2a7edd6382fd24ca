package dev.mimic.x86.translate;

import dev.mimic.backend.ir.Effect;
import dev.mimic.backend.ir.Helper;
import dev.mimic.backend.ir.MemoryAccess;
import dev.mimic.backend.ir.Op;
import dev.mimic.backend.ir.RegionBuilder;
import dev.mimic.backend.ir.Temp;
import dev.mimic.backend.ir.Type;
import dev.mimic.x86.cpu.Flags;
import dev.mimic.x86.cpu.Registers;
import dev.mimic.x86.cpu.Vector;
import dev.mimic.x86.cpu.X86Runtime;
import dev.mimic.x86.decode.DecodedInsn;
import dev.mimic.x86.decode.OperandKind;
import dev.mimic.x86.system.SystemInstructions;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

/**
 * What the semantics of one instruction build IR with: its operands read and written by position
 * (registers, memory through the segment, immediates), the stack, the lazy flags, and the ways out of
 * straight-line code. One emitter translates one region, instruction after instruction.
 *
 * <p>Values are I32 temporaries; an 8- or 16-bit value is zero-extended. Semantics keep faults precise
 * by doing every load and store of an instruction before its first register or flag write (SDM vol. 3
 * 6.5: a fault leaves the state as it was before the instruction).
 *
 * <p>Flags: an instruction that writes flags records its operation (see {@link Flags}). The emitter also
 * remembers the temporaries of the last record in this straight line, so that a following Jcc, SETcc
 * or CMOVcc usually tests them directly (after CMP, JL is one signed compare) instead of calling
 * {@link Flags#condition}.
 */
public final class Emitter {
    static final Helper COMPUTE = Helper.of(Flags.class, "compute");
    static final Helper CONDITION = Helper.of(Flags.class, "condition");
    static final Helper RAISE = Helper.of(X86Runtime.class, "raise", Effect.MAY_FAULT);
    static final Helper LOAD_SEGMENT = Helper.of(X86Runtime.class, "loadSegment", Effect.WRITES_STATE, Effect.MAY_FAULT);
    private static final Helper RESUME = Helper.of(SystemInstructions.class, "resume", Effect.READS_STATE);

    /** How far ahead a conditional branch may skip and stay inside the region (an if without else). */
    private static final int FORWARD_BRANCH_BYTES = 128;

    /** The last flags record of the current straight line, known at translation time. */
    private record Pending(int kind, int bytes, Temp result, Temp a, Temp b, boolean plain) {
    }

    final RegionBuilder b;
    private final CodeMode mode;
    /** The mode's number above EIP in every pc this region names (0 in user mode). */
    private final long pcBase;
    private final long entry;
    private DecodedInsn insn;
    private Pending pending;
    private Temp rmAddress;
    private final Temp[] registerOverride = new Temp[8];
    private int exits;
    private boolean ended;
    private boolean modeChanged;
    private boolean interruptWindow;
    private boolean flagsDead;
    private long jumpTarget = -1;
    /** Blocks for forward branch targets the straight line has not reached yet, by EIP. */
    private final Map<Long, Integer> forwardTargets = new HashMap<>();
    /** Which branch targets may be reached inside the region, set by the translator. */
    private LongPredicate inRegionTarget = t -> false;
    /** Whether the region so far may write memory, and whether it did before this instruction. */
    private boolean stored, storedBefore;

    /**
     * @param entry the region's pc (mode number above EIP)
     * @param mode  the mode the code runs in
     */
    Emitter(RegionBuilder b, long entry, CodeMode mode) {
        this.b = b;
        this.entry = entry;
        this.mode = mode;
        this.pcBase = entry & ~0xFFFF_FFFFL;
    }

    /** Starts the next instruction. */
    void begin(DecodedInsn next) {
        this.insn = next;
        this.rmAddress = null;
        this.modeChanged = false;
        this.interruptWindow = false;
        this.flagsDead = false;
        this.storedBefore = stored;
        Arrays.fill(registerOverride, null);
        b.insn(pcBase | next.address());
    }

    /** The mode this region is translated for. */
    public CodeMode mode() {
        return mode;
    }

    /** True in a system-mode machine (privileged instructions, interrupts through the IDT). */
    public boolean system() {
        return mode.system();
    }

    /**
     * Notes that this instruction may have changed what the region's mode depends on (a segment
     * register, CR0): the translator ends the region after it with a pc computed in the new mode.
     */
    public void modeChanged() {
        modeChanged = true;
    }

    boolean changedMode() {
        return modeChanged;
    }

    /**
     * Notes that interrupts may be taken after the next instruction (STI's one-instruction shadow, SDM
     * vol. 2 STI): the translator ends the region there with an interrupt check.
     */
    public void openInterruptWindow() {
        interruptWindow = true;
    }

    boolean opensInterruptWindow() {
        return interruptWindow;
    }

    /** Ends the region: continue at {@code eip} in the mode the machine is in now. */
    void resumeInNewMode(long eip) {
        b.exit(b.helper(RESUME, i32((int) eip)), exits++);
        ended = true;
    }

    /** True once an instruction has ended the region. */
    boolean ended() {
        return ended;
    }

    /** The instruction being translated. */
    public DecodedInsn insn() {
        return insn;
    }

    // ---- constants and arithmetic shorthands ----

    public Temp i32(int v) {
        return b.i32(v);
    }

    public Temp op(Op op, Temp x, Temp y) {
        return b.binary(op, x, y);
    }

    public Temp op(Op op, Temp x, int y) {
        return b.binary(op, x, b.i32(y));
    }

    /** {@code v} reduced to {@code bytes} bytes. */
    public Temp truncate(Temp v, int bytes) {
        return bytes == 4 ? v : b.zeroExtend(v, 8 * bytes);
    }

    /** {@code v}'s low {@code bytes} bytes sign-extended to 32 bits. */
    public Temp signExtend(Temp v, int bytes) {
        return bytes == 4 ? v : b.signExtend(v, 8 * bytes);
    }

    public Temp eq(Temp x, Temp y) {
        return op(Op.EQ, x, y);
    }

    public Temp isZero(Temp x) {
        return op(Op.EQ, x, 0);
    }

    public Temp select(Temp cond, Temp ifTrue, Temp ifFalse) {
        return b.select(cond, ifTrue, ifFalse);
    }

    /** Calls a helper without effects (or with the ones it declares). */
    public Temp call(Helper helper, Temp... args) {
        stored |= helper.effects().contains(Effect.TOUCHES_MEMORY);
        return b.helper(helper, args);
    }

    /** The low and high 32 bits of an I64. */
    public Temp low(Temp v64) {
        return b.convert(v64, Type.I32);
    }

    public Temp high(Temp v64) {
        return b.convert(b.binary(Op.SHR, v64, b.i64(32)), Type.I32);
    }

    // ---- operands ----

    /** The width of operand {@code i} in bytes. */
    public int width(int i) {
        return insn.operand(i).bytes(insn.operandSize());
    }

    /** The operand size (2 or 4). */
    public int opsize() {
        return insn.operandSize();
    }

    /** Operand {@code i}'s value, zero-extended. Reads memory for memory operands. */
    public Temp read(int i) {
        OperandKind k = insn.operand(i);
        int w = width(i);
        return switch (k.method()) {
            case MODRM, MODRM_REGISTER, MEMORY -> insn.rmIsMemory() ? load(w, address(i)) : register(insn.rm(), w);
            case REG -> register(insn.reg(), w);
            case OPCODE_REG -> register(insn.low(), w);
            case IMMEDIATE -> i32((int) (immediate(i) & mask(w)));
            case RELATIVE -> i32((int) target());
            case OFFSET, SOURCE_STRING, DEST_STRING -> load(w, address(i));
            case FIXED -> switch (k) {
                case c1 -> i32(1);
                case CL -> register(1, 1);
                case DX -> register(2, 2);
                default -> register(0, w);
            };
            case FIXED_SEGMENT -> b.get(Registers.selector(k.segment()));
            case SEGMENT_REG -> b.get(Registers.selector(insn.reg()));
            default -> throw new IllegalStateException(insn.form().name() + ": cannot read operand " + k);
        };
    }

    /** Operand {@code i}'s value sign-extended to 32 bits. */
    public Temp readSigned(int i) {
        return signExtend(read(i), width(i));
    }

    /** Writes {@code v} (its low bytes) to operand {@code i}. */
    public void write(int i, Temp v) {
        OperandKind k = insn.operand(i);
        int w = width(i);
        switch (k.method()) {
            case MODRM, MODRM_REGISTER, MEMORY -> {
                if (insn.rmIsMemory()) {
                    store(w, writableAddress(i), v);
                } else {
                    setRegister(insn.rm(), w, v);
                }
            }
            case REG -> setRegister(insn.reg(), w, v);
            case OPCODE_REG -> setRegister(insn.low(), w, v);
            case OFFSET, DEST_STRING -> store(w, writableAddress(i), v);
            case FIXED -> setRegister(k == OperandKind.CL ? 1 : k == OperandKind.DX ? 2 : 0, w, v);
            default -> throw new IllegalStateException(insn.form().name() + ": cannot write operand " + k);
        }
    }

    /** True when operand {@code i} is in memory. */
    public boolean isMemory(int i) {
        return switch (insn.operand(i).method()) {
            case MODRM, MEMORY -> insn.rmIsMemory();
            case OFFSET, SOURCE_STRING, DEST_STRING -> true;
            default -> false;
        };
    }

    /** The first immediate for the first immediate operand, the second for a later one. */
    private long immediate(int i) {
        for (int j = 0; j < i; j++) {
            if (insn.operand(j).method() == OperandKind.Method.IMMEDIATE) {
                return insn.immediate2();
            }
        }
        return insn.immediate();
    }

    /** The target of a relative jump, wrapped to the operand size. */
    public long target() {
        long t = insn.next() + insn.immediate();
        return insn.operandSize() == 2 ? t & 0xFFFF : t & 0xFFFF_FFFFL;
    }

    /** The linear address of memory operand {@code i} (ModRM memory, moffs or a string operand). */
    public Temp address(int i) {
        OperandKind k = insn.operand(i);
        return switch (k.method()) {
            case MODRM, MEMORY, MODRM_REGISTER -> {
                if (rmAddress == null) {
                    rmAddress = checkedLinear(insn.segmentFor(insn.modrmDefaultSegment()), effectiveAddress(), width(i));
                }
                yield rmAddress;
            }
            case OFFSET -> checkedLinear(insn.segmentFor(DecodedInsn.DS), i32(insn.displacement()), width(i));
            case SOURCE_STRING -> checkedLinear(insn.segmentFor(DecodedInsn.DS), register(6, insn.addressSize()), width(i));
            case DEST_STRING -> checkedLinear(DecodedInsn.ES, register(7, insn.addressSize()), width(i));
            default -> throw new IllegalStateException(insn.form().name() + ": operand " + k + " has no address");
        };
    }

    /**
     * The linear address of memory operand {@code i} for a write. In protected mode code segments
     * are not writable (SDM vol. 3 5.4.1), so a write through a CS override raises #GP(0); real and
     * virtual-8086 mode make no such check, and boot loaders (isolinux) store through CS there.
     */
    public Temp writableAddress(int i) {
        int segment = switch (insn.operand(i).method()) {
            case OFFSET -> insn.segmentFor(DecodedInsn.DS);
            case DEST_STRING -> DecodedInsn.ES;
            default -> insn.segmentFor(insn.modrmDefaultSegment());
        };
        if (segment == DecodedInsn.CS && !mode.realAddressing()) {
            raiseIf(i32(1), Vector.GP);
        }
        return address(i);
    }

    /** The ModRM memory operand's offset in its segment (what LEA computes). */
    public Temp effectiveAddress() {
        Temp ea = i32(insn.displacement());
        int size = insn.addressSize();
        if (insn.base() >= 0) {
            ea = op(Op.ADD, register(insn.base(), size), ea);
        }
        if (insn.index() >= 0) {
            ea = op(Op.ADD, ea, op(Op.SHL, register(insn.index(), size), insn.scale()));
        }
        return size == 2 ? truncate(ea, 2) : ea;
    }

    /** {@code offset} in {@code segment} as a linear address. */
    public Temp linear(int segment, Temp offset) {
        if (mode.flat() && segment < DecodedInsn.FS) {
            return offset;
        }
        return op(Op.ADD, b.get(Registers.base(segment)), offset);
    }

    /**
     * {@code offset} in {@code segment} as a linear address for a {@code bytes}-wide access, checked
     * against the segment limit in protected mode where the mode does not prove the segments flat
     * (SDM vol. 3 5.3): #SS(0) for the stack segment, #GP(0) otherwise. The slots hold the lowest valid
     * offset and the span above it, which covers expand-down segments too.
     */
    public Temp checkedLinear(int segment, Temp offset, int bytes) {
        if (mode.system() && mode.protectedMode() && !mode.v86() && !(mode.flat() && segment < DecodedInsn.FS)) {
            Temp first = op(Op.SUB, offset, b.get(Registers.lower(segment)));
            Temp last = op(Op.ADD, first, Math.max(bytes, 1) - 1);
            Temp beyond = op(Op.OR, op(Op.LTU, b.get(Registers.limit(segment)), last), op(Op.LTU, last, first));
            raiseIf(beyond, segment == DecodedInsn.SS ? Vector.SS : Vector.GP);
        }
        return linear(segment, offset);
    }

    // ---- registers and memory ----

    /** General register {@code n}'s low {@code bytes} bytes (AH..BH for bytes 1 and n 4..7). */
    public Temp register(int n, int bytes) {
        if (bytes == 1 && n >= 4) {
            return truncate(op(Op.SHR, full(n - 4), 8), 1);
        }
        return truncate(full(n), bytes);
    }

    private Temp full(int n) {
        return registerOverride[n] != null ? registerOverride[n] : b.get(Registers.gpr(n));
    }

    /** Writes the low {@code bytes} bytes of general register {@code n}, keeping the rest. */
    public void setRegister(int n, int bytes, Temp v) {
        if (bytes == 4) {
            b.set(Registers.gpr(n), v);
            return;
        }
        int slot = bytes == 1 && n >= 4 ? n - 4 : n;
        int shift = bytes == 1 && n >= 4 ? 8 : 0;
        int field = (int) mask(bytes) << shift;
        Temp old = b.get(Registers.gpr(slot));
        Temp placed = shift == 0 ? truncate(v, bytes) : op(Op.SHL, truncate(v, bytes), shift);
        b.set(Registers.gpr(slot), op(Op.OR, op(Op.AND, old, ~field), placed));
    }

    /** Makes address computations of this instruction see {@code value} in register {@code n} (POP to [ESP+d]). */
    public void overrideRegister(int n, Temp value) {
        registerOverride[n] = value;
    }

    /** The x87 FPU object, for its helpers. */
    public Temp fpu() {
        return b.get(Registers.FPU);
    }

    /** Eight bytes as an I64. */
    public Temp load64(Temp linear) {
        return b.load(MemoryAccess.W64, Type.I64, linear);
    }

    public void store64(Temp linear, Temp v) {
        stored = true;
        b.store(MemoryAccess.W64, linear, v);
    }

    public Temp load(int bytes, Temp linear) {
        return b.load(access(bytes), Type.I32, linear);
    }

    public void store(int bytes, Temp linear, Temp v) {
        stored = true;
        b.store(access(bytes), linear, v);
    }

    private static MemoryAccess access(int bytes) {
        return switch (bytes) {
            case 1 -> MemoryAccess.U8;
            case 2 -> MemoryAccess.U16;
            default -> MemoryAccess.U32;
        };
    }

    // ---- stack (ESP, or SP where the stack segment is 16-bit) ----

    /** The address a push of {@code bytes} bytes writes to, and the new ESP: store there, then {@link #setStack}. */
    public Temp stackBelow(int bytes) {
        return op(Op.SUB, full(4), bytes);
    }

    /** Stores {@code v} at {@code esp} in the stack segment. */
    public void storeStack(int bytes, Temp esp, Temp v) {
        boolean before = stored;
        store(bytes, stackAddress(esp, bytes), v);
        stored = before;
    }

    /** Loads from {@code offset} bytes above ESP in the stack segment. */
    public Temp loadStack(int bytes, int offset) {
        return load(bytes, stackAddress(offset == 0 ? full(4) : op(Op.ADD, full(4), offset), bytes));
    }

    /** The linear address of stack offset {@code esp} (its low 16 bits on a 16-bit stack). */
    public Temp stackAddress(Temp esp, int bytes) {
        return checkedLinear(DecodedInsn.SS, mode.stack32() ? esp : truncate(esp, 2), bytes);
    }

    public Temp stackPointer() {
        return full(4);
    }

    /** Sets ESP, or only SP on a 16-bit stack. */
    public void setStack(Temp esp) {
        if (mode.stack32()) {
            b.set(Registers.gpr(4), esp);
        } else {
            setRegister(4, 2, esp);
        }
    }

    // ---- flags ----

    /**
     * Notes that nothing can observe the flags this instruction writes ({@link FlagsLiveness}): its flag
     * records are left out, and the translator's knowledge of the last record stays as it was.
     */
    void flagsDead() {
        flagsDead = true;
    }

    /** True when this instruction's flag writes are left out, so its semantics need not compute them. */
    public boolean flagsUnobserved() {
        return flagsDead;
    }

    /** Records the flags of operation {@code kind} ({@link Flags}) on {@code bytes}-wide operands. */
    public void setFlags(int kind, int bytes, Temp result, Temp a, Temp bOperand) {
        setFlags(kind, bytes, result, a, bOperand, true);
    }

    /** As {@link #setFlags(int, int, Temp, Temp, Temp)}; {@code plain} is false for ADC and SBB (carry in). */
    public void setFlags(int kind, int bytes, Temp result, Temp a, Temp bOperand, boolean plain) {
        if (flagsDead) {
            return;
        }
        Temp r = truncate(result, bytes);
        b.set(Registers.CC_OP, i32(Flags.op(kind, bytes)));
        b.set(Registers.CC_RESULT, r);
        b.set(Registers.CC_A, a);
        b.set(Registers.CC_B, bOperand);
        pending = new Pending(kind, bytes, r, a, bOperand, plain);
    }

    /** Sets the arithmetic flags to {@code flags} (EFLAGS positions). */
    public void setFlagsValue(Temp flags) {
        Temp zero = i32(0);
        setFlags(Flags.EFLAGS, 4, zero, flags, zero);
    }

    /** Forgets what the translator knew about the flags (after a join of two paths). */
    void forgetFlags() {
        pending = null;
    }

    /** The arithmetic flags (EFLAGS positions). */
    public Temp flags() {
        if (pending != null) {
            if (pending.kind == Flags.EFLAGS) {
                return pending.a;
            }
            return call(COMPUTE, i32(Flags.op(pending.kind, pending.bytes)), pending.result, pending.a, pending.b);
        }
        return call(COMPUTE, b.get(Registers.CC_OP), b.get(Registers.CC_RESULT), b.get(Registers.CC_A), b.get(Registers.CC_B));
    }

    /** CF as 0 or 1. */
    public Temp carry() {
        if (pending != null && pending.plain) {
            switch (pending.kind) {
                case Flags.SUB -> { return op(Op.LTU, pending.a, pending.b); }
                case Flags.ADD -> { return op(Op.LTU, pending.result, pending.a); }
                case Flags.LOGIC -> { return i32(0); }
                case Flags.INC, Flags.DEC -> { return pending.b; }
                default -> { }
            }
        }
        return op(Op.AND, flags(), Flags.CF);
    }

    /** The whole EFLAGS register. */
    public Temp eflags() {
        Temp system = op(Op.AND, b.get(Registers.EFLAGS), ~Flags.ARITHMETIC);
        return op(Op.OR, op(Op.OR, system, flags()), Flags.FIXED_ONE);
    }

    /** 1 when condition {@code cc} (tttn) holds, else 0. */
    public Temp condition(int cc) {
        Temp even = evenCondition(cc & ~1);
        return (cc & 1) == 0 ? even : op(Op.XOR, even, 1);
    }

    private Temp evenCondition(int cc) {
        Pending p = pending;
        if (p != null && p.plain) {
            switch (p.kind) {
                case Flags.SUB -> {
                    switch (cc) {
                        case 2: return op(Op.LTU, p.a, p.b);
                        case 4: return eq(p.a, p.b);
                        case 6: return op(Op.LEU, p.a, p.b);
                        case 8: return sign(p.result, p.bytes);
                        case 12: return op(Op.LT, signExtend(p.a, p.bytes), signExtend(p.b, p.bytes));
                        case 14: return op(Op.LE, signExtend(p.a, p.bytes), signExtend(p.b, p.bytes));
                        default: break;
                    }
                }
                case Flags.LOGIC -> {
                    switch (cc) {
                        case 0, 2: return i32(0);
                        case 4, 6: return isZero(p.result);
                        case 8, 12: return sign(p.result, p.bytes);
                        case 14: return op(Op.LE, signExtend(p.result, p.bytes), i32(0));
                        default: break;
                    }
                }
                case Flags.ADD, Flags.INC, Flags.DEC -> {
                    if (cc == 4) {
                        return isZero(p.result);
                    }
                    if (cc == 8) {
                        return sign(p.result, p.bytes);
                    }
                }
                default -> { }
            }
        }
        if (p != null) {
            return call(CONDITION, i32(cc), i32(Flags.op(p.kind, p.bytes)), p.result, p.a, p.b);
        }
        return call(CONDITION, i32(cc), b.get(Registers.CC_OP), b.get(Registers.CC_RESULT), b.get(Registers.CC_A), b.get(Registers.CC_B));
    }

    private Temp sign(Temp v, int bytes) {
        return op(Op.AND, op(Op.SHR, v, 8 * bytes - 1), 1);
    }

    /** The direction flag's step for {@code bytes}-wide string elements: +bytes, or -bytes when DF is set. */
    public Temp stringStep(int bytes) {
        Temp df = op(Op.AND, b.get(Registers.EFLAGS), Flags.DF);
        return select(df, i32(-bytes), i32(bytes));
    }

    // ---- leaving straight-line code ----

    /** Ends the region: continue at {@code target} (an I32 address, zero-extended). */
    public void jump(Temp target) {
        Temp pc = b.convertUnsigned(target);
        b.exit(pcBase == 0 ? pc : b.binary(Op.OR, pc, b.i64(pcBase)), exits++);
        ended = true;
    }

    /** Ends the region: continue at the constant {@code target}; a jump to the region's entry becomes a loop. */
    public void jump(long target) {
        if ((pcBase | target) == entry) {
            b.jump(0);
        } else {
            b.exit(b.i64(pcBase | target), exits++);
        }
        ended = true;
    }

    /**
     * Goes on at the constant {@code target} of an unconditional jump or call. The translator either
     * continues the region there (so a call to a small function, or a jump over a block, does not cost a
     * trip through the dispatcher) or ends it with {@link #jump(long)}.
     */
    public void goTo(long target) {
        jumpTarget = target;
    }

    /**
     * True when the region may have written memory before this instruction, pushes aside. A store may
     * patch code the region would follow; a jump after it must go through the dispatcher, which
     * translates the new code (self-modifying code patches, then jumps or calls). Code is not written
     * by pushing it, so pushes (a function's prologue, the return address of a call) do not count.
     */
    boolean storedBefore() {
        return storedBefore;
    }

    /** The target {@link #goTo} named in this instruction, or -1; asking forgets it. */
    long takeJumpTarget() {
        long t = jumpTarget;
        jumpTarget = -1;
        return t;
    }

    /** Ends the region at the pc a helper has set (a far transfer, an interrupt, a mode change). */
    public void exitToStatePc() {
        b.exit(b.get(Registers.EIP), exits++);
        ended = true;
    }

    /** Ends the region with machine stop {@code code}, continuing at the pc a helper has set. */
    public void stopAtStatePc(int code) {
        b.stop(b.get(Registers.EIP), code);
        ended = true;
    }

    /**
     * Leaves for {@code target} when {@code cond} is not zero, else goes on with the next instruction. A
     * target a little further along the straight line stays inside the region: the branch goes to a
     * block the translator opens when it gets there ({@link #arriveAt}).
     */
    public void branch(Temp cond, long target) {
        int next = b.newBlock();
        if (target > insn.address() && target - insn.address() <= FORWARD_BRANCH_BYTES && inRegionTarget.test(target)) {
            b.branch(cond, forwardTargets.computeIfAbsent(target, t -> b.newBlock()), next);
        } else {
            int taken = b.newBlock();
            b.branch(cond, taken, next);
            b.switchTo(taken);
            jump(target);
            ended = false;
        }
        b.switchTo(next);
    }

    /** Lets {@link #branch} keep forward branches to the EIPs {@code inRegion} accepts inside the region. */
    void keepForwardBranches(LongPredicate inRegion) {
        this.inRegionTarget = inRegion;
    }

    /**
     * The straight line reached {@code eip}: forward branches to it join here. The join can be re-entered
     * at {@code eip} (a branch from a block built later counts as a back-edge), and what the translator
     * knew about the flags no longer holds.
     */
    void arriveAt(long eip) {
        Integer join = forwardTargets.remove(eip);
        if (join != null) {
            b.jump(join);
            b.switchTo(join).resumeAt(pcBase | eip);
            forgetFlags();
        }
    }

    /** Ends the forward branches whose target the region did not reach with exits to it. */
    void leaveUnreachedTargets() {
        for (Map.Entry<Long, Integer> t : forwardTargets.entrySet()) {
            b.switchTo(t.getValue()).resumeAt(pcBase | t.getKey());
            jump(t.getKey());
        }
        forwardTargets.clear();
    }

    /** Raises exception {@code vector} with {@code errorCode} (the region ends). */
    public void raise(int vector, int errorCode) {
        b.helper(RAISE, i32(vector | errorCode << 8));
        b.exit(b.i64(pcBase | insn.address()), exits++);
        ended = true;
    }

    /** Raises exception {@code vector} when {@code cond} is not zero, else goes on. */
    public void raiseIf(Temp cond, int vector) {
        int fault = b.newBlock();
        int next = b.newBlock();
        b.branch(cond, fault, next);
        b.switchTo(fault);
        raise(vector, 0);
        ended = false;
        b.switchTo(next);
    }

    /** Ends the region with a machine stop {@code code} ({@link X86Frontend} stop codes), continuing at {@code pc}. */
    public void stop(int code, long pc) {
        b.stop(b.i64(pcBase | pc), code);
        ended = true;
    }

    /**
     * Emits {@code body} as a loop that runs while eCX (or CX) is not zero, for REP-prefixed string
     * instructions; {@code body} returns the condition to go on besides the count (null: none). The loop
     * head can be resumed at this instruction, so a long REP yields and restarts like the hardware.
     */
    public void repeat(Supplier<Temp> body) {
        int head = b.newBlock();
        int loop = b.newBlock();
        int after = b.newBlock();
        b.jump(head);
        b.switchTo(head).resumeAt(pcBase | insn.address());
        int asize = insn.addressSize();
        b.branch(isZero(register(1, asize)), after, loop);
        b.switchTo(loop);
        Temp more = body.get();
        Temp count = op(Op.SUB, register(1, asize), 1);
        setRegister(1, asize, count);
        Temp again = more == null ? op(Op.NE, truncate(count, asize), i32(0))
                : op(Op.AND, op(Op.NE, truncate(count, asize), i32(0)), more);
        b.branch(again, head, after);
        // The body may have added blocks (limit checks), which makes this forward edge look like a
        // back-edge; resuming after the loop is the next instruction.
        b.switchTo(after).resumeAt(pcBase | insn.next());
        forgetFlags();
    }

    static long mask(int bytes) {
        return bytes == 4 ? 0xFFFF_FFFFL : (1L << 8 * bytes) - 1;
    }
}
