package dev.mimic.repl;

import dev.mimic.backend.debug.StateCodec;
import dev.mimic.backend.exec.DecodeRequest;
import dev.mimic.backend.exec.Engine;
import dev.mimic.backend.exec.EngineKind;
import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.exec.Frontend;
import dev.mimic.backend.exec.GuestFault;
import dev.mimic.backend.exec.StopEvent;
import dev.mimic.backend.interp.InterpretedCode;
import dev.mimic.backend.ir.Helper;
import dev.mimic.backend.ir.MemoryAccess;
import dev.mimic.backend.ir.Op;
import dev.mimic.backend.ir.Region;
import dev.mimic.backend.ir.RegionBuilder;
import dev.mimic.backend.ir.Temp;
import dev.mimic.backend.ir.Type;
import dev.mimic.backend.machine.DebuggerMemory;
import dev.mimic.backend.machine.Disassembly;
import dev.mimic.backend.machine.Machine;
import dev.mimic.backend.machine.MachineException;
import dev.mimic.backend.machine.StackFrame;
import dev.mimic.backend.memory.FlatMemory;
import dev.mimic.backend.state.GuestState;
import dev.mimic.backend.state.Slot;
import dev.mimic.backend.state.StateLayout;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The workbench's test double: a small machine on the real {@link Engine}, with calls, a stack and
 * symbols, so that every debugger command (next over calls, finish, bt, watchpoints, snapshots) has
 * something to act on before the real machines exist. Instructions are four bytes, {@code op reg
 * imm16}: li, addi, add (imm names the source register), ld, st, bnz, jmp, call, ret, out (prints a register), div (faults on zero), halt
 * (exit code r0). {@code call} pushes the return address at {@code sp}, the only thing ever pushed,
 * so the stack words are the call chain.
 */
public final class ToyMachine implements Machine, Frontend {
    static final List<String> MNEMONICS = List.of("?", "li", "addi", "add", "ld", "st", "bnz", "jmp", "call", "ret", "out", "div", "halt");
    private static final int LI = 1, ADDI = 2, ADD = 3, LD = 4, ST = 5, BNZ = 6, JMP = 7, CALL = 8, RET = 9, OUT = 10, DIV = 11, HALT = 12;
    private static final int MEMORY = 0x1000;
    private static final Helper OUT_HELPER = Helper.of(ToyMachine.class, "out");

    private final ToyAssembler.Program program;
    private final PrintStream stdout;
    private final StateLayout layout;
    private final Slot sp;
    private final Slot[] regs = new Slot[4];
    private final FlatMemory memory = new FlatMemory(MEMORY, 6);
    private final GuestState state;
    private final Engine engine;
    private final TreeMap<Long, String> symbolsByAddress = new TreeMap<>();

    public ToyMachine(ToyAssembler.Program program, EngineKind kind, PrintStream stdout) {
        this.program = program;
        this.stdout = stdout;
        StateLayout.Builder b = StateLayout.builder("pc");
        b.add("pc", Type.I32);
        sp = b.add("sp", Type.I32);
        for (int i = 0; i < regs.length; i++) {
            regs[i] = b.add("r" + i, Type.I32);
        }
        layout = b.build();
        state = new GuestState(layout);
        engine = new Engine(this, new ExecutionContext(state, memory, this), InterpretedCode::new, kind);
        program.symbols().forEach((name, at) -> symbolsByAddress.putIfAbsent(at, name));
        reset();
    }

    /** A machine running {@code source}, interpreted, its output discarded: for unit tests. */
    public static ToyMachine of(String source) {
        return new ToyMachine(ToyAssembler.assemble(source), EngineKind.INTERP, new PrintStream(OutputStream.nullOutputStream()));
    }

    /** The OUT instruction's helper: prints a register on the guest's stdout. */
    public static void out(ExecutionContext ctx, int value) {
        ctx.machine(ToyMachine.class).stdout.println(value);
    }

    // ---- Frontend ----

    @Override
    public StateLayout layout() {
        return layout;
    }

    @Override
    public Region decode(long pc, DecodeRequest request, ExecutionContext ctx) {
        RegionBuilder b = new RegionBuilder("toy@" + pc, pc);
        for (long at = pc; ; at += 4) {
            int n = (int) (at - pc) / 4;
            if (request.mustStopBefore(at, n)) {
                b.exit(b.i32((int) at), 0);
                return b.build();
            }
            int word = memory.load32(at);
            int op = word & 0xFF, r = (word >>> 8) & 3, imm = word >>> 16;
            if (op < LI || op > HALT) {
                if (n > 0) {
                    b.exit(b.i32((int) at), 0);
                    return b.build();
                }
                throw new GuestFault(GuestFault.Kind.MACHINE, at, op, "invalid instruction 0x" + Integer.toHexString(word));
            }
            b.insn(at);
            b.coverCode(at, at + 4);
            int next = (int) at + 4;
            switch (op) {
                case LI -> b.set(regs[r], b.i32((short) imm));
                case ADDI -> b.set(regs[r], b.add(b.get(regs[r]), b.i32((short) imm)));
                case ADD -> b.set(regs[r], b.add(b.get(regs[r]), b.get(regs[imm & 3])));
                case LD -> b.set(regs[r], b.load(MemoryAccess.S32, Type.I32, b.i32(imm)));
                case ST -> b.store(MemoryAccess.U32, b.i32(imm), b.get(regs[r]));
                case OUT -> b.helper(OUT_HELPER, b.get(regs[r]));
                case DIV -> b.set(regs[r], b.binary(Op.DIV, b.get(regs[r]), b.i32((short) imm)));
                case HALT -> {
                    b.stop(b.i32((int) at), 0);
                    return b.build();
                }
                case JMP -> {
                    b.exit(b.i32(imm), 0);
                    return b.build();
                }
                case CALL -> {
                    Temp top = b.sub(b.get(sp), b.i32(4));
                    b.store(MemoryAccess.U32, top, b.i32(next));
                    b.set(sp, top);
                    b.exit(b.i32(imm), 0);
                    return b.build();
                }
                case RET -> {
                    Temp top = b.get(sp);
                    Temp target = b.load(MemoryAccess.S32, Type.I32, top);
                    b.set(sp, b.add(top, b.i32(4)));
                    b.exit(target, 0);
                    return b.build();
                }
                case BNZ -> {
                    Temp taken = b.binary(Op.NE, b.get(regs[r]), b.i32(0));
                    int jump = b.newBlock(), fall = b.newBlock();
                    b.branch(taken, jump, fall);
                    b.switchTo(jump).exit(b.i32(imm), 1);
                    b.switchTo(fall).exit(b.i32(next), 0);
                    return b.build();
                }
                default -> throw new AssertionError(op);
            }
        }
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
        return "toy";
    }

    @Override
    public Engine engine() {
        return engine;
    }

    @Override
    public void reset() {
        byte[] image = new byte[MEMORY];
        System.arraycopy(program.image(), 0, image, 0, program.image().length);
        memory.write(0, image, 0, image.length);
        for (Slot s : layout.slots()) {
            state.set(s, 0);
        }
        state.set(sp, MEMORY);
        state.setPc(program.symbols().getOrDefault("main", 0L));
    }

    @Override
    public List<String> registerNames() {
        return layout.slots().stream().map(Slot::name).toList();
    }

    @Override
    public long register(String name) {
        return state.get(slot(name));
    }

    @Override
    public void setRegister(String name, long value) {
        state.set(slot(name), value);
    }

    private Slot slot(String name) {
        return layout.find(name).orElseThrow(() -> new MachineException("no register '" + name + "'"));
    }

    @Override
    public String pcRegister() {
        return "pc";
    }

    @Override
    public byte[] readMemory(long address, int length) {
        return DebuggerMemory.read(memory, address, length, "outside memory");
    }

    @Override
    public void writeMemory(long address, byte[] bytes) {
        DebuggerMemory.write(memory, address, bytes, "outside memory");
    }

    @Override
    public List<Disassembly> disassemble(long address, int count) {
        List<Disassembly> out = new ArrayList<>();
        for (long at = address; out.size() < count && at + 4 <= MEMORY; at += 4) {
            int word = memory.load32(at);
            int op = word & 0xFF, r = (word >>> 8) & 3, imm = word >>> 16;
            String text = switch (op) {
                case LI, ADDI, DIV -> MNEMONICS.get(op) + " r" + r + ", " + (short) imm;
                case LD, ST, BNZ -> MNEMONICS.get(op) + " r" + r + ", " + target(imm);
                case JMP, CALL -> MNEMONICS.get(op) + " " + target(imm);
                case ADD -> "add r" + r + ", r" + (imm & 3);
                case OUT -> "out r" + r;
                case RET, HALT -> MNEMONICS.get(op);
                default -> ".word 0x" + Integer.toHexString(word);
            };
            out.add(new Disassembly(at, at + 4, text, symbolsByAddress.get(at)));
        }
        return out;
    }

    private String target(int address) {
        return "0x" + Integer.toHexString(address) + symbolize(address).map(s -> " <" + s + ">").orElse("");
    }

    @Override
    public List<StackFrame> callStack() {
        List<StackFrame> frames = new ArrayList<>();
        long pc = state.pc();
        for (long slot = state.get(sp); ; slot += 4) {
            long returnAddress = slot + 4 <= MEMORY ? memory.load32(slot) : -1;
            frames.add(new StackFrame(procedure(pc), pc, returnAddress, List.of()));
            if (returnAddress < 0) {
                return frames;
            }
            pc = returnAddress;
        }
    }

    private String procedure(long pc) {
        Map.Entry<Long, String> e = symbolsByAddress.floorEntry(pc);
        return e == null ? "??" : e.getValue();
    }

    @Override
    public Optional<Long> resolve(String symbol) {
        return Optional.ofNullable(program.symbols().get(symbol));
    }

    @Override
    public Optional<String> symbolize(long address) {
        Map.Entry<Long, String> e = symbolsByAddress.floorEntry(address);
        if (e == null || address >= program.image().length) {
            return Optional.empty();
        }
        long offset = address - e.getKey();
        return Optional.of(offset == 0 ? e.getValue() : e.getValue() + "+" + offset);
    }

    @Override
    public List<String> symbolNames() {
        return List.copyOf(program.symbols().keySet());
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
