package dev.mimic.forth;

import dev.mimic.backend.debug.StateCodec;
import dev.mimic.backend.exec.DecodeRequest;
import dev.mimic.backend.exec.Engine;
import dev.mimic.backend.exec.EngineKind;
import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.exec.Frontend;
import dev.mimic.backend.exec.GuestFault;
import dev.mimic.backend.exec.StopEvent;
import dev.mimic.backend.ir.Region;
import dev.mimic.backend.machine.DebuggerMemory;
import dev.mimic.backend.machine.Disassembly;
import dev.mimic.backend.machine.Machine;
import dev.mimic.backend.machine.MachineException;
import dev.mimic.backend.machine.StackFrame;
import dev.mimic.backend.memory.FlatMemory;
import dev.mimic.backend.state.GuestState;
import dev.mimic.backend.state.Slot;
import dev.mimic.backend.state.StateLayout;
import dev.mimic.forth.boot.BootHost;
import dev.mimic.forth.boot.KernelImage;
import dev.mimic.forth.boot.StartImage;
import dev.mimic.forth.debug.Decompiler;
import dev.mimic.forth.debug.Symbols;
import dev.mimic.forth.decode.CallTargets;
import dev.mimic.forth.decode.ThreadDecoder;
import dev.mimic.forth.exception.ThrowCode;
import dev.mimic.forth.layout.MemoryMap;
import dev.mimic.forth.layout.Registers;
import dev.mimic.forth.runtime.ForthRuntime;
import dev.mimic.forth.runtime.StopCode;
import dev.mimic.forth.runtime.Terminal;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.mimic.forth.layout.MemoryMap.CELL;

/**
 * A Forth-2012 system (Core, Core Extension, Double, Exception, File, Floating-Point, Memory,
 * Search-Order, String and Tools) that runs like gforth: colon definitions are threaded code in a
 * byte-addressed dictionary, decoded into the shared IR and run by the engine (interpreted, or
 * compiled once hot). The outer interpreter and compiler are Forth, in the kernel image every
 * machine starts from.
 *
 * <p>The host drives it in three ways: {@link #run()} processes the command line of its
 * {@link ForthOptions} and then the ok loop, as {@code gforth file.fs -e words} does;
 * {@link #include}, {@link #evaluate} and {@link #runInteractive} are single host calls; and as a
 * {@link Machine} the workbench steps it word by word. A Forth exception never escapes as a Java
 * exception: faults in guest code become THROWs, and an uncaught one is reported on stderr.
 */
public final class ForthMachine implements Machine {
    private static final String BANNER = "Mimic Forth (Forth-2012, 64-bit cells), type `bye' to exit\n";

    private final ForthOptions options;
    private final StartImage image;
    private final FlatMemory memory;
    private final GuestState state;
    private final ForthRuntime runtime;
    private final ThreadDecoder decoder;
    private final CallTargets calls;
    private final Engine engine;
    /** The engine kind the call targets were made for; a switch drops them with every other translation. */
    private EngineKind callsKind;
    private boolean halted;

    private ForthMachine(ForthOptions options, StartImage image) {
        if (options.memorySize() < MemoryMap.MIN_MEMORY) {
            throw new MachineException("a Forth machine needs at least " + (MemoryMap.MIN_MEMORY >> 20) + " MiB of memory");
        }
        this.options = options;
        this.image = image;
        // Code is tracked per cell, so writing a variable next to a compiled word never drops it.
        this.memory = new FlatMemory(options.memorySize(), 3);
        this.state = new GuestState(Registers.LAYOUT);
        LineSource lines = options.lines() != null ? options.lines()
                : LineSource.of(options.stdin(), options.interactive() ? null : new PrintStream(options.stdout(), true, StandardCharsets.UTF_8));
        this.runtime = new ForthRuntime(state, memory, new Terminal(options.stdout(), options.stderr(), lines));
        this.decoder = new ThreadDecoder(memory);
        this.engine = new Engine(new Decoding(), new ExecutionContext(state, memory, runtime), options.compiler(), options.engine());
        engine.setTierThreshold(options.tierThreshold());
        this.calls = new CallTargets(decoder, memory, options.compiler(), engine::kind, options.tierThreshold());
        this.callsKind = engine.kind();
        decoder.setCallTargets(calls);
        // Called regions live outside the engine's cache: writes into their code and breakpoint
        // changes (a breakpoint must stop a call that used to be a JVM call) reach them here.
        memory.setCodeWriteListener((start, end) -> {
            engine.invalidate(start, end);
            calls.invalidate(start, end);
        });
        engine.debugPoints().onBreakpointChange((start, end) -> invalidateAll());
        if (image != null) {
            reset();
        } else {
            runtime.stacks().clear();
        }
    }

    /** A machine with the kernel loaded, ready to {@link #run()} its command line or take host calls. */
    public static ForthMachine create(ForthOptions options) {
        return new ForthMachine(options, kernel());
    }

    /**
     * A machine whose memory starts as {@code image} (a firmware image, for one) instead of the
     * bare kernel; {@link #run()} enters the image's boot word.
     */
    public static ForthMachine create(ForthOptions options, StartImage image) {
        return new ForthMachine(options, image);
    }

    /** The process's kernel image (prebuilt, or built by the bootstrap interpreter on first use). */
    public static StartImage kernel() {
        return KernelImage.shared(ForthMachine::bare);
    }

    /**
     * A kernel image built afresh with its dictionary at {@code base} instead of
     * {@link MemoryMap#DICTIONARY}: the firmware builder links the firmware at two bases and takes
     * the cells that differ as its relocations.
     */
    public static StartImage kernelLinkedAt(long base) {
        return KernelImage.build(bare(), base);
    }

    /** A machine on an empty memory, for the bootstrap interpreter to build the kernel image in. */
    static BootHost bare() {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        ForthOptions bare = ForthOptions.defaults().withEngine(EngineKind.INTERP)
                .withOutput(OutputStream.nullOutputStream(), new PrintStream(report, true, StandardCharsets.UTF_8))
                .withLines(prompt -> null);
        return new ForthMachine(bare, null).new Bootstrap(report);
    }

    // ---- host calls ----

    /**
     * Runs the command line from the options (each file included, each text evaluated, in order)
     * and then the ok loop on the terminal, until BYE or the end of input; returns the exit status
     * as gforth would: BYE's status, 0 at the end of input, 1 after an error in the command line.
     */
    public int run() {
        return run(Long.MAX_VALUE);
    }

    /**
     * {@link #run()} with a budget of {@code maxInstructions} guest instructions (threaded-code
     * cells); running out is reported on stderr and ends the run with status 1.
     */
    public int run(long maxInstructions) {
        reset();
        if (options.interactive() && !image.hasOwnBanner()) {
            runtime.terminal().print(BANNER);
        }
        return drive(maxInstructions).exitStatus();
    }

    /** INCLUDED the file {@code file}; an uncaught error is reported on stderr and the stacks emptied. */
    public Outcome include(Path file) {
        return callWithText(file.toString(), "included");
    }

    /**
     * Interprets {@code text} as the contents of a source file called {@code name} (line by line,
     * as INCLUDED would), for sources that live in resources rather than files; an uncaught error
     * is reported on stderr with the file name and line.
     */
    public Outcome load(String name, byte[] text) {
        runtime.sources().pushFile(Path.of(name), text, runtime.files().newId());
        runtime.stacks().push(xt("include-lines"));
        runtime.stacks().push(xt("with-source"));
        return reportCaught(call(xt("catch")));
    }

    /** EVALUATEs {@code text}; an uncaught error is reported on stderr and the stacks emptied. */
    public Outcome evaluate(String text) {
        return callWithText(text, "evaluate");
    }

    /** The ok loop (QUIT) on the terminal until BYE or the end of input; returns the exit status. */
    public int runInteractive() {
        if (options.interactive()) {
            runtime.terminal().print(BANNER);
        }
        return call(xt("quit")).exitStatus();
    }

    /**
     * Sets the machine up to EVALUATE {@code text} when its engine runs, for the debugger: stepping,
     * breakpoints (on words resolved by name) and watchpoints then apply to the evaluation, and the
     * run ends with {@link StopEvent.Kind#EXITED} when it returns, leaving the exception number
     * (0 when none) on the data stack. Load the program first (with {@link #include}), so its words
     * have addresses to break at.
     */
    public void prepare(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        long at = runtime.heap().reserve(bytes.length);
        if (at == 0) {
            throw new MachineException("no room in the Forth heap for " + bytes.length + " bytes");
        }
        memory.write(at, bytes, 0, bytes.length);
        runtime.stacks().push(at);
        runtime.stacks().push(bytes.length);
        runtime.stacks().push(xt("evaluate"));
        runtime.stacks().rpush(MemoryMap.HALT_THREAD);
        state.setPc(xt("catch") | Registers.EXECUTE_TAG);
    }

    /** The data stack, bottom first (for tests and tools). */
    public long[] dataStack() {
        int depth = Math.max(0, runtime.stacks().depth());
        long[] cells = new long[depth];
        for (int i = 0; i < depth; i++) {
            cells[i] = runtime.stacks().peek(depth - 1 - i);
        }
        return cells;
    }

    /** The return stack, bottom first (return addresses, loop parameters, &gt;R values). */
    public long[] returnStack() {
        long rp = state.get(Registers.RP);
        int depth = (int) Math.max(0, Math.min((MemoryMap.R0 - rp) / CELL, 100_000));
        long[] cells = new long[depth];
        for (int i = 0; i < depth; i++) {
            cells[i] = memory.load64(rp + (long) (depth - 1 - i) * CELL);
        }
        return cells;
    }

    /** The float stack, bottom first. */
    public double[] floatStack() {
        int depth = Math.max(0, runtime.stacks().fdepth());
        double[] values = new double[depth];
        long fp = state.get(Registers.FP);
        for (int i = 0; i < depth; i++) {
            values[i] = Double.longBitsToDouble(memory.load64(fp + (long) (depth - 1 - i) * CELL));
        }
        return values;
    }

    /** Copies {@code text} to the heap and runs {@code xt CATCH} on it, reporting an uncaught error. */
    private Outcome callWithText(String text, String word) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        long at = runtime.heap().reserve(bytes.length);
        if (at == 0) {
            throw new MachineException("no room in the Forth heap for " + bytes.length + " bytes");
        }
        memory.write(at, bytes, 0, bytes.length);
        runtime.stacks().push(at);
        runtime.stacks().push(bytes.length);
        runtime.stacks().push(xt(word));
        Outcome o = call(xt("catch"));
        runtime.heap().release(at);
        return reportCaught(o);
    }

    /** The outcome of a CATCH the host called: an exception it caught is reported and cleared. */
    private Outcome reportCaught(Outcome o) {
        if (o.kind() != Outcome.Kind.COMPLETED) {
            return o;
        }
        int exception = (int) runtime.stacks().pop();
        if (exception == 0) {
            return o;
        }
        runtime.terminal().error(runtime.errors().format(exception));
        runtime.errors().clear();
        runtime.stacks().clear();
        runtime.sources().reset();
        memory.store64(MemoryMap.STATE, 0);
        return Outcome.failed(exception);
    }

    /** Runs the word xt with the stacks as they are, returning to the host when it ends. */
    private Outcome call(long xt) {
        runtime.stacks().rpush(MemoryMap.HALT_THREAD);
        state.setPc(xt | Registers.EXECUTE_TAG);
        return drive();
    }

    private Outcome drive() {
        return drive(Long.MAX_VALUE);
    }

    /**
     * Runs until the host call returns or the guest leaves, at most {@code budget} instructions;
     * Ctrl-C (an interrupt) throws -28 in the guest, which goes on, as in gforth.
     */
    private Outcome drive(long budget) {
        long end = budget == Long.MAX_VALUE ? Long.MAX_VALUE : engine.context().instructions + budget;
        for (;;) {
            halted = false;
            long left = end == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, end - engine.context().instructions);
            StopEvent e = engine.run(left);
            runtime.terminal().flush();
            switch (e.kind()) {
                case EXITED -> {
                    return halted ? Outcome.completed() : Outcome.exited(e.exitCode());
                }
                case INTERRUPTED -> deliverThrow(ThrowCode.USER_INTERRUPT);
                case LIMIT -> {
                    runtime.terminal().error("instruction limit reached at " + symbolize(e.pc()).orElse("0x" + Long.toHexString(e.pc())) + "\n");
                    return Outcome.exited(1);
                }
                case FAULTED -> {
                    runtime.terminal().error(e.message() + "\n");
                    runtime.stacks().clear();
                    return Outcome.failed(ThrowCode.INVALID_MEMORY);
                }
                default -> throw new MachineException("the Forth machine stopped: " + e.message());
            }
        }
    }

    /** The execution token of the word {@code name}, or empty when the dictionary has none. */
    public Optional<Long> find(String name) {
        return new Symbols(memory).find(name);
    }

    /** The machine's guest memory, for the host tools that build and patch images. */
    public FlatMemory memory() {
        return memory;
    }

    private long xt(String name) {
        return new Symbols(memory).find(name).orElseThrow(() -> new IllegalStateException("the kernel has no " + name));
    }

    /**
     * Makes the guest THROW {@code code}: the code is pushed and execution continues at the thread
     * cell that runs THROW. Stack pointers outside their stacks are reset first (THROW restores them
     * from the CATCH frame), and a CATCH frame outside the return stack is dropped, so a broken
     * frame cannot fault forever.
     */
    private void deliverThrow(int code) {
        fix(Registers.SP, MemoryMap.DATA_STACK_LIMIT, MemoryMap.S0);
        fix(Registers.RP, MemoryMap.RETURN_STACK_LIMIT, MemoryMap.R0);
        fix(Registers.FP, MemoryMap.FLOAT_STACK_LIMIT, MemoryMap.F0);
        long handler = memory.load64(MemoryMap.HANDLER);
        if (handler != 0 && (handler < MemoryMap.RETURN_STACK_LIMIT || handler > MemoryMap.R0)) {
            memory.store64(MemoryMap.HANDLER, 0);
        }
        runtime.stacks().push(code);
        state.setPc(MemoryMap.THROW_THREAD);
    }

    private void fix(Slot pointer, long limit, long base) {
        long p = state.get(pointer);
        if (p < limit || p > base) {
            state.set(pointer, base);
        }
    }

    /** The engine's view of the machine: decoding, and faults and stops becoming Forth events. */
    private final class Decoding implements Frontend {
        @Override
        public StateLayout layout() {
            return Registers.LAYOUT;
        }

        /** Calls are JVM calls except when stepping one instruction or breakpoints are set. */
        @Override
        public Region decode(long pc, DecodeRequest request, ExecutionContext ctx) {
            if (engine.kind() != callsKind) {
                calls.clear();
                callsKind = engine.kind();
            }
            boolean jvmCalls = request.maxInstructions() > 1 && engine.debugPoints().breakpoints().isEmpty();
            return decoder.decode(pc, request, jvmCalls);
        }

        /**
         * Every fault becomes a THROW (-9 for memory, -10 for division, a helper's own code). The
         * pc is precise; the stacks are as of the last block boundary (their tops may have been in
         * temporaries), which is all THROW needs: it restores them from the CATCH frame.
         */
        @Override
        public StopEvent onFault(GuestFault fault, ExecutionContext ctx) {
            if (fault.pc() == MemoryMap.THROW_THREAD) {
                return StopEvent.faulted(fault.pc(), "THROW itself faulted: " + fault.getMessage());
            }
            deliverThrow(switch (fault.kind()) {
                case DIVIDE_BY_ZERO -> ThrowCode.DIVISION_BY_ZERO;
                case MACHINE -> fault.code();
                default -> ThrowCode.INVALID_MEMORY;
            });
            return null;
        }

        @Override
        public StopEvent onStop(int code, ExecutionContext ctx) {
            runtime.terminal().flush();
            if (code == StopCode.HALT) {
                halted = true;
                return StopEvent.of(StopEvent.Kind.EXITED, state.pc(), "returned to the host");
            }
            return StopEvent.exited(state.pc(), (int) runtime.stacks().pop());
        }
    }

    /** The machine as the bootstrap interpreter drives it while the kernel image is built. */
    private final class Bootstrap implements BootHost {
        private final ByteArrayOutputStream report;

        Bootstrap(ByteArrayOutputStream report) {
            this.report = report;
        }

        @Override
        public ForthRuntime runtime() {
            return runtime;
        }

        @Override
        public void execute(long xt) {
            Outcome o = call(xt);
            if (o.kind() != Outcome.Kind.COMPLETED) {
                throw new IllegalStateException("kernel: " + report.toString(StandardCharsets.UTF_8).strip());
            }
        }
    }

    // ---- Machine ----

    @Override
    public String name() {
        return "forth";
    }

    @Override
    public Engine engine() {
        return engine;
    }

    /** Back to the freshly loaded kernel, about to process the command line (then the ok loop). */
    @Override
    public void reset() {
        invalidateAll();
        image.loadInto(memory);
        memory.store64(MemoryMap.DICTIONARY_LIMIT, MemoryMap.heapStart(memory.size()));
        runtime.reset();
        runtime.setArguments(options.arguments().stream()
                .map(a -> new ForthRuntime.Argument(a.isFile(), a.text())).toList());
        runtime.stacks().clear();
        state.setPc(MemoryMap.BOOT_THREAD);
    }

    /** Drops every translation: the engine's regions and the called regions. */
    private void invalidateAll() {
        engine.invalidateAll();
        calls.clear();
    }

    @Override
    public List<String> registerNames() {
        return List.of("pc", "sp", "rp", "fp");
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
        return Registers.LAYOUT.find(name).orElseThrow(() -> new MachineException("no register '" + name + "' (pc, sp, rp, fp)"));
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

    /** Decompiles the thread at {@code address}: one thread cell (with its operands) per line. */
    @Override
    public List<Disassembly> disassemble(long address, int count) {
        Symbols symbols = new Symbols(memory);
        List<Disassembly> out = new ArrayList<>();
        for (Disassembly d : new Decompiler(memory).disassemble(address, count)) {
            String label = symbols.containing(d.address()).filter(xt -> symbols.codeStart(xt) == d.address())
                    .map(symbols::name).orElse(null);
            out.add(new Disassembly(d.address(), d.next(), d.text(), label));
        }
        return out;
    }

    /**
     * The return stack as a call chain: the word at pc first, with the data, return and float
     * stacks as its variables, then one frame per return address on the return stack (other cells there, such
     * as loop parameters and &gt;R values, are skipped).
     */
    @Override
    public List<StackFrame> callStack() {
        Symbols symbols = new Symbols(memory);
        List<StackFrame> frames = new ArrayList<>();
        List<Long> returns = new ArrayList<>();
        long rp = state.get(Registers.RP);
        for (long at = rp; at >= MemoryMap.RETURN_STACK_LIMIT && at < MemoryMap.R0 && returns.size() < 1000; at += CELL) {
            long cell = memory.load64(at);
            if (symbols.isReturnAddress(cell)) {
                returns.add(cell);
            }
        }
        long pc = state.pc();
        List<StackFrame.Variable> stacks = List.of(
                new StackFrame.Variable("stack", format(dataStack())),
                new StackFrame.Variable("rstack", returnStackText(symbols)),
                new StackFrame.Variable("fstack", format(floatStack())));
        frames.add(new StackFrame(procedure(symbols, pc), pc, returns.isEmpty() ? -1 : returns.get(0), stacks));
        for (int i = 0; i < returns.size(); i++) {
            long at = returns.get(i);
            frames.add(new StackFrame(procedure(symbols, at), at, i + 1 < returns.size() ? returns.get(i + 1) : -1, List.of()));
        }
        return frames;
    }

    private static String procedure(Symbols symbols, long pc) {
        long address = pc & ~Registers.EXECUTE_TAG;
        return symbols.containing(address).map(symbols::name).orElse("0x" + Long.toHexString(pc));
    }

    /** The return stack with return addresses shown as {@code word+offset}. */
    private String returnStackText(Symbols symbols) {
        long[] cells = returnStack();
        StringBuilder s = new StringBuilder("<" + cells.length + ">");
        for (long c : cells) {
            s.append(' ').append(symbols.isReturnAddress(c) ? symbols.symbolize(c).orElse(Long.toString(c)) : Long.toString(c));
        }
        return s.toString();
    }

    private static String format(long[] cells) {
        StringBuilder s = new StringBuilder("<" + cells.length + ">");
        for (long c : cells) {
            s.append(' ').append(c);
        }
        return s.toString();
    }

    private static String format(double[] values) {
        StringBuilder s = new StringBuilder("<" + values.length + ">");
        for (double v : values) {
            s.append(' ').append(v);
        }
        return s.toString();
    }

    /** A word's code: its first thread cell for colon and DOES&gt; words (where a breakpoint stops), else its xt. */
    @Override
    public Optional<Long> resolve(String symbol) {
        Symbols symbols = new Symbols(memory);
        return symbols.find(symbol).map(xt -> {
            long start = symbols.codeStart(xt);
            return start >= 0 ? start : xt;
        });
    }

    @Override
    public Optional<String> symbolize(long address) {
        return new Symbols(memory).symbolize(address);
    }

    @Override
    public List<String> symbolNames() {
        return new Symbols(memory).names();
    }

    @Override
    public void saveState(DataOutputStream out) throws IOException {
        StateCodec.writeState(state, out);
        StateCodec.writeMemory(memory, out);
        runtime.heap().save(out);
    }

    @Override
    public void restoreState(DataInputStream in) throws IOException {
        invalidateAll();
        StateCodec.readState(state, in);
        StateCodec.readMemory(memory, in);
        runtime.heap().restore(in);
    }
}
