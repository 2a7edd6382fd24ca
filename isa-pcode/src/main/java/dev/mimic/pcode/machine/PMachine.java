package dev.mimic.pcode.machine;

import dev.mimic.backend.debug.StateCodec;
import dev.mimic.backend.exec.CalledRegions;
import dev.mimic.backend.exec.Engine;
import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.exec.StopEvent;
import dev.mimic.backend.ir.Type;
import dev.mimic.backend.machine.Disassembly;
import dev.mimic.backend.machine.Machine;
import dev.mimic.backend.machine.MachineException;
import dev.mimic.backend.machine.SourcePosition;
import dev.mimic.backend.machine.StackFrame;
import dev.mimic.backend.memory.FlatMemory;
import dev.mimic.backend.memory.GuestMemory;
import dev.mimic.backend.state.GuestState;
import dev.mimic.backend.state.Slot;
import dev.mimic.pcode.decode.P5Frontend;
import dev.mimic.pcode.load.DebugInfo;
import dev.mimic.pcode.load.Mpb;
import dev.mimic.pcode.load.PcodeProgram;
import dev.mimic.pcode.runtime.P5Runtime;
import dev.mimic.pcode.runtime.Registers;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The Pascal-P5 p-machine: pint's store (code, globals, heap, stack, constants in one 16 MiB byte
 * array), its five registers, and the runtime's files, run by the shared engine. Besides
 * {@link #runToCompletion()} for the command line, it offers the {@link Machine} view for the
 * debugger: registers, store, disassembly, the call chain with procedure names and variables from
 * the compiler's debug records, source lines, and snapshots.
 */
public final class PMachine implements Machine {
    /** pint starts ep here; it only matters for the mark the startup code pushes. */
    private static final int INITIAL_EP = 5;
    private final PcodeProgram program;
    private final PMachineOptions options;
    private final FlatMemory memory = new FlatMemory(Mpb.STORE_SIZE, Mpb.PAGE_SHIFT);
    private final GuestState state = new GuestState(Registers.LAYOUT);
    private final P5Runtime runtime;
    private final ExecutionContext ctx;
    private final Engine engine;
    private final P5Frontend frontend;
    /** The procedures' called regions, outside the engine's cache. */
    private final CalledRegions calls;
    private final Symbols symbols;
    private final Disassembler disassembler;

    /**
     * @throws MachineException when the files given do not match the program's file parameters
     */
    public PMachine(PcodeProgram program, PMachineOptions options) {
        this.program = program;
        this.options = options;
        this.symbols = new Symbols(program);
        ExecutionContext[] context = new ExecutionContext[1];
        this.runtime = new P5Runtime(program, options.stdin(), options.stdout(), bindings(),
                () -> context[0].interruptRequested);
        this.ctx = new ExecutionContext(state, memory, runtime);
        context[0] = ctx;
        this.frontend = new P5Frontend(program);
        this.engine = new Engine(frontend, ctx, options.compiler(), options.engine());
        engine.setTierThreshold(options.tierThreshold());
        engine.setAfterRun(runtime::flushConsole);
        this.calls = new CalledRegions(frontend::decodeCalled, Type.I32, options.compiler(), engine::kind, options.tierThreshold());
        frontend.callThrough(calls, () -> engine.debugPoints().breakpoints().isEmpty());
        // A breakpoint must stop a call that used to be a JVM call: everything is decoded again.
        engine.debugPoints().onBreakpointChange((start, end) -> invalidateAll());
        this.disassembler = new Disassembler(memory, symbols, program.codeEnd());
        load();
    }

    public PcodeProgram program() {
        return program;
    }

    /**
     * Runs the program to its end within the options' step budget. Returns the exit status: 0 when
     * the program ended, 1 after a runtime error or when the step budget ran out (one line on
     * stderr says which), 130 when interrupted.
     */
    public int runToCompletion() {
        long budget = options.maxSteps() > 0 ? options.maxSteps() : Long.MAX_VALUE;
        for (;;) {
            long left = budget == Long.MAX_VALUE ? Long.MAX_VALUE : budget - ctx.instructions;
            StopEvent e = left > 0 ? engine.run(left) : StopEvent.of(StopEvent.Kind.LIMIT, state.pc(), "limit");
            switch (e.kind()) {
                case EXITED:
                    return e.exitCode();
                case FAULTED:
                    options.stderr().println(e.message());
                    return 1;
                case LIMIT:
                    runtime.finish();
                    options.stderr().println(frontend.where(e.pc()) + ": stopped after " + options.maxSteps()
                            + " steps (--max-steps)");
                    return 1;
                case INTERRUPTED:
                    runtime.finish();
                    options.stderr().println(frontend.where(e.pc()) + ": interrupted");
                    return 130;
                default:
                    break;
            }
        }
    }

    /** The Pascal source line of the code at {@code pc}, from the line markers. */
    public OptionalInt sourceLine(long pc) {
        return program.sourceLine(pc);
    }

    @Override
    public Optional<SourcePosition> sourcePosition(long address) {
        OptionalInt line = program.sourceLine(address);
        return line.isPresent()
                ? Optional.of(new SourcePosition(program.pascalSource().orElse(program.sourceName()), line.getAsInt()))
                : Optional.empty();
    }

    // ---------------------------------------------------------------- Machine

    @Override
    public String name() {
        return "pcode";
    }

    @Override
    public Engine engine() {
        return engine;
    }

    @Override
    public void reset() {
        byte[] zeros = new byte[1 << 16];
        for (int at = 0; at < Mpb.STORE_SIZE; at += zeros.length) {
            memory.write(at, zeros, 0, zeros.length);
        }
        runtime.reset();
        load();
    }

    private void load() {
        invalidateAll();
        program.writeTo(memory);
        state.set(Registers.PC, 0);
        state.set(Registers.SP, program.stackTop());
        state.set(Registers.MP, program.stackTop());
        state.set(Registers.NP, program.heapBase());
        state.set(Registers.EP, INITIAL_EP);
        ctx.instructions = 0;
        runtime.heapChanged();
    }

    @Override
    public List<String> registerNames() {
        return Registers.NAMES;
    }

    @Override
    public long register(String name) {
        return state.get(slot(name));
    }

    @Override
    public void setRegister(String name, long value) {
        state.set(slot(name), value);
        runtime.heapChanged();
    }

    private Slot slot(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return Registers.LAYOUT.find(n).filter(s -> Registers.NAMES.contains(n)).orElseThrow(() ->
                new MachineException("unknown register '" + name + "' (the p-machine has " + String.join(", ", Registers.NAMES) + ")"));
    }

    @Override
    public String pcRegister() {
        return "pc";
    }

    @Override
    public byte[] readMemory(long address, int length) {
        checkRange(address, length);
        byte[] bytes = new byte[length];
        memory.read(address, bytes, 0, length);
        return bytes;
    }

    @Override
    public void writeMemory(long address, byte[] bytes) {
        checkRange(address, bytes.length);
        memory.write(address, bytes, 0, bytes.length);
        engine.invalidate(address, address + bytes.length);
        calls.invalidate(address, address + bytes.length);
        runtime.heapChanged();
    }

    private static void checkRange(long address, int length) {
        if (address < 0 || length < 0 || address + length > Mpb.STORE_SIZE) {
            throw new MachineException("store range " + address + ".." + (address + length) + " is outside the store (0.."
                    + Mpb.STORE_SIZE + ")");
        }
    }

    @Override
    public List<Disassembly> disassemble(long address, int count) {
        if (address < 0 || address >= program.codeEnd()) {
            throw new MachineException("address " + address + " is not in the code (0.." + program.codeEnd() + ")");
        }
        return disassembler.disassemble(address, count);
    }

    /**
     * The chain of frames from the current one out, following the dynamic links: each frame's
     * procedure (from the debug records), where it is, where it returns to, and its variables.
     */
    @Override
    public List<StackFrame> callStack() {
        List<StackFrame> frames = new ArrayList<>();
        long pc = state.pc();
        int mp = (int) state.get(Registers.MP);
        if (pc < Mpb.BEGIN_CODE) {
            return List.of(new StackFrame("(startup)", pc, -1, List.of()));
        }
        for (int depth = 0; depth < 100_000 && mp <= program.stackTop() && mp > program.heapBase(); depth++) {
            long ra = memory.load32(mp + Mpb.MARK_RA);
            Optional<DebugInfo.Procedure> proc = symbols.procedureAt(pc);
            String name = proc.map(DebugInfo.Procedure::name).orElse(symbols.symbolize(pc).orElse("pc " + pc));
            int frame = mp;
            List<StackFrame.Variable> vars = proc.map(p -> variables(p.entry(), frame)).orElse(List.of());
            frames.add(new StackFrame(name, pc, ra, vars));
            if (ra < Mpb.BEGIN_CODE) {
                break;
            }
            pc = ra;
            mp = memory.load32(mp + Mpb.MARK_DL);
        }
        return frames;
    }

    private List<StackFrame.Variable> variables(int block, int frame) {
        int base = block == program.programEntry() ? program.globalsBase() : frame;
        List<StackFrame.Variable> out = new ArrayList<>();
        for (DebugInfo.Variable v : symbols.variables(block)) {
            out.add(new StackFrame.Variable(v.name(), Values.format(memory, v, base)));
        }
        return out;
    }

    /**
     * A procedure name, {@code file:line} or {@code line:N} (the first code of a source line),
     * or {@code lN} (the value of label N).
     */
    @Override
    public Optional<Long> resolve(String symbol) {
        Optional<DebugInfo.Procedure> proc = symbols.procedure(symbol);
        if (proc.isPresent()) {
            return Optional.of((long) proc.get().entry());
        }
        int colon = symbol.lastIndexOf(':');
        if (colon > 0) {
            String file = symbol.substring(0, colon);
            OptionalInt line = number(symbol.substring(colon + 1));
            if (line.isPresent() && (file.equals("line") || matchesSource(file))) {
                OptionalInt pc = program.firstPc(line.getAsInt());
                return pc.isPresent() ? Optional.of((long) pc.getAsInt()) : Optional.empty();
            }
        }
        if (symbol.length() > 1 && symbol.charAt(0) == 'l') {
            OptionalInt label = number(symbol.substring(1));
            if (label.isPresent() && program.label(label.getAsInt()).isPresent()) {
                return Optional.of((long) program.label(label.getAsInt()).getAsInt());
            }
        }
        return Optional.empty();
    }

    private boolean matchesSource(String file) {
        return program.pascalSource().map(s -> s.equals(file) || Path.of(s).getFileName().toString().equals(file)).orElse(false)
                || Path.of(program.sourceName()).getFileName().toString().equals(file);
    }

    private static OptionalInt number(String s) {
        try {
            return OptionalInt.of(Integer.parseInt(s.trim()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    @Override
    public Optional<String> symbolize(long address) {
        return symbols.symbolize(address);
    }

    @Override
    public List<String> symbolNames() {
        return symbols.names();
    }

    @Override
    public void saveState(DataOutputStream out) throws IOException {
        StateCodec.writeState(state, out);
        out.writeLong(ctx.instructions);
        StateCodec.writeMemory(memory, out);
        runtime.save(out);
    }

    @Override
    public void restoreState(DataInputStream in) throws IOException {
        StateCodec.readState(state, in);
        ctx.instructions = in.readLong();
        StateCodec.readMemory(memory, in);
        runtime.restore(in);
        runtime.heapChanged();
        invalidateAll();
    }

    /** Drops every translation: the engine's regions and the procedures' called regions. */
    private void invalidateAll() {
        engine.invalidateAll();
        calls.clear();
    }

    // ---------------------------------------------------------------- file parameters

    /**
     * External files by the address of the file variable they are bound to: the files given, in
     * order, to the program parameters other than input and output. The program's debug record
     * may list its parameters after its name; otherwise they are P5's prd and prr.
     */
    private Map<Integer, Path> bindings() {
        List<String> parameters = symbols.programBlock().map(DebugInfo.Procedure::parameters)
                .filter(p -> !p.isEmpty()).orElse(List.of("prd", "prr")).stream()
                .filter(p -> !p.equalsIgnoreCase("input") && !p.equalsIgnoreCase("output")).toList();
        List<Path> files = options.files();
        if (files.size() > parameters.size()) {
            throw new MachineException(files.size() + " files given, but the program has " + parameters.size()
                    + " file parameter" + (parameters.size() == 1 ? "" : "s")
                    + (parameters.isEmpty() ? "" : " (" + String.join(", ", parameters) + ")"));
        }
        Map<Integer, Path> bound = new HashMap<>();
        for (int k = 0; k < files.size(); k++) {
            bound.put(fileVariable(parameters.get(k)), files.get(k));
        }
        return bound;
    }

    private int fileVariable(String parameter) {
        Optional<DebugInfo.Variable> declared = symbols.variables(program.programEntry()).stream()
                .filter(v -> v.name().equalsIgnoreCase(parameter)).findFirst();
        if (declared.isPresent()) {
            return program.globalsBase() + declared.get().offset();
        }
        return switch (parameter.toLowerCase(Locale.ROOT)) {
            case "prd" -> program.globalsBase() + Mpb.PRD_OFFSET;
            case "prr" -> program.globalsBase() + Mpb.PRR_OFFSET;
            default -> throw new MachineException("program parameter '" + parameter + "' is not a file variable the debug records know");
        };
    }

    /** The guest store, for tests and tools. */
    GuestMemory memory() {
        return memory;
    }
}
