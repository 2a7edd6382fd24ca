package dev.mimic.backend.exec;

import dev.mimic.backend.debug.StateCodec;
import dev.mimic.backend.interp.InterpretedCode;
import dev.mimic.backend.ir.MemoryAccess;
import dev.mimic.backend.ir.Region;
import dev.mimic.backend.ir.RegionBuilder;
import dev.mimic.backend.ir.Temp;
import dev.mimic.backend.ir.Type;
import dev.mimic.backend.machine.Disassembly;
import dev.mimic.backend.machine.Machine;
import dev.mimic.backend.machine.MachineException;
import dev.mimic.backend.memory.FlatMemory;
import dev.mimic.backend.state.GuestState;
import dev.mimic.backend.state.Slot;
import dev.mimic.backend.state.StateLayout;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A test machine with a four-byte instruction set, small enough to reason about in engine tests:
 * {@code op reg imm16}. LI r,imm; ADDI r,imm; ST r,[imm]; LD r,[imm]; BNZ r,target; HALT (exit code
 * r0); JMP target; DIV r,imm. A BNZ back to the region's own entry becomes an in-region loop, so
 * yields at back-edges are exercised.
 */
public final class TinyMachine implements Machine, Frontend {
    public static final int LI = 1, ADDI = 2, ST = 3, LD = 4, BNZ = 5, HALT = 6, JMP = 7, DIV = 8;
    private static final String[] NAMES = {"?", "li", "addi", "st", "ld", "bnz", "halt", "jmp", "div"};

    private final StateLayout layout;
    private final Slot[] regs = new Slot[4];
    private final FlatMemory memory = new FlatMemory(4096, 6);
    private final GuestState state;
    private final Engine engine;

    public TinyMachine(EngineKind kind, RegionCompiler compiler) {
        StateLayout.Builder b = StateLayout.builder("pc");
        b.add("pc", Type.I32);
        for (int i = 0; i < regs.length; i++) {
            regs[i] = b.add("r" + i, Type.I32);
        }
        layout = b.build();
        state = new GuestState(layout);
        engine = new Engine(this, new ExecutionContext(state, memory, this), compiler, kind);
    }

    public TinyMachine(EngineKind kind) {
        this(kind, InterpretedCode::new);
    }

    /** Encodes one instruction. */
    public static int[] insn(int op, int reg, int imm) {
        return new int[] {op, reg, imm};
    }

    /** Loads instructions at address 0 and resets the pc. */
    public TinyMachine load(int[]... program) {
        for (int i = 0; i < program.length; i++) {
            int[] p = program[i];
            memory.store32(i * 4L, p[0] | p[1] << 8 | (p[2] & 0xFFFF) << 16);
        }
        state.setPc(0);
        return this;
    }

    public FlatMemory flatMemory() {
        return memory;
    }

    // ---- Frontend ----

    @Override
    public StateLayout layout() {
        return layout;
    }

    @Override
    public Region decode(long pc, DecodeRequest request, ExecutionContext ctx) {
        RegionBuilder b = new RegionBuilder("tiny@" + pc, pc);
        long at = pc;
        for (int n = 0; ; n++) {
            if (request.mustStopBefore(at, n)) {
                b.exit(b.i32((int) at), 0);
                break;
            }
            int word = memory.load32(at);
            int op = word & 0xFF, r = (word >>> 8) & 3, imm = (short) (word >>> 16);
            if (op < LI || op > DIV) {
                if (n > 0) {
                    b.exit(b.i32((int) at), 0);
                    break;
                }
                throw new GuestFault(GuestFault.Kind.MACHINE, at, op, "invalid instruction " + op);
            }
            b.insn(at);
            b.coverCode(at, at + 4);
            long next = at + 4;
            switch (op) {
                case LI -> b.set(regs[r], b.i32(imm));
                case ADDI -> b.set(regs[r], b.add(b.get(regs[r]), b.i32(imm)));
                case ST -> b.store(MemoryAccess.U32, b.i32(imm), b.get(regs[r]));
                case LD -> b.set(regs[r], b.load(MemoryAccess.S32, Type.I32, b.i32(imm)));
                case DIV -> b.set(regs[r], b.binary(dev.mimic.backend.ir.Op.DIV, b.get(regs[r]), b.i32(imm)));
                case HALT -> {
                    b.stop(b.i32((int) at), 0);
                    return b.build();
                }
                case JMP -> {
                    b.exit(b.i32(imm), 0);
                    return b.build();
                }
                case BNZ -> {
                    Temp taken = b.binary(dev.mimic.backend.ir.Op.NE, b.get(regs[r]), b.i32(0));
                    int out = b.newBlock();
                    if (imm == pc && request.mayLoopTo(pc)) {
                        b.branch(taken, 0, out);
                    } else {
                        int jump = b.newBlock();
                        b.branch(taken, jump, out);
                        b.switchTo(jump).exit(b.i32(imm), 1);
                    }
                    b.switchTo(out).exit(b.i32((int) next), 0);
                    return b.build();
                }
            }
            at = next;
        }
        return b.build();
    }

    @Override
    public StopEvent onFault(GuestFault fault, ExecutionContext ctx) {
        return StopEvent.faulted(fault.pc(), fault.getMessage());
    }

    @Override
    public StopEvent onStop(int code, ExecutionContext ctx) {
        return StopEvent.exited(state.pc(), (int) register("r0"));
    }

    // ---- Machine ----

    @Override
    public String name() {
        return "tiny";
    }

    @Override
    public Engine engine() {
        return engine;
    }

    @Override
    public void reset() {
        state.setPc(0);
    }

    @Override
    public List<String> registerNames() {
        return layout.slots().stream().map(Slot::name).toList();
    }

    @Override
    public long register(String name) {
        return state.get(layout.find(name).orElseThrow(() -> new MachineException("no register " + name)));
    }

    @Override
    public void setRegister(String name, long value) {
        state.set(layout.find(name).orElseThrow(() -> new MachineException("no register " + name)), value);
    }

    @Override
    public String pcRegister() {
        return "pc";
    }

    @Override
    public byte[] readMemory(long address, int length) {
        byte[] b = new byte[length];
        memory.read(address, b, 0, length);
        return b;
    }

    @Override
    public void writeMemory(long address, byte[] bytes) {
        memory.write(address, bytes, 0, bytes.length);
    }

    @Override
    public List<Disassembly> disassemble(long address, int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> {
            long at = address + 4L * i;
            int w = memory.load32(at);
            int op = w & 0xFF;
            String text = (op < NAMES.length ? NAMES[op] : "?") + " r" + ((w >>> 8) & 3) + ", " + (short) (w >>> 16);
            return new Disassembly(at, at + 4, text, null);
        }).toList();
    }

    @Override
    public Optional<Long> resolve(String symbol) {
        return symbol.equals("start") ? Optional.of(0L) : Optional.empty();
    }

    @Override
    public List<String> symbolNames() {
        return List.of("start");
    }

    @Override
    public void saveState(DataOutputStream out) throws IOException {
        StateCodec.writeState(state, out);
        StateCodec.writeMemory(memory, out);
    }

    @Override
    public void restoreState(DataInputStream in) throws IOException {
        StateCodec.readState(state, in);
        StateCodec.readMemory(memory, in);
    }
}
