package dev.mimic.cil.debug;

import dev.mimic.backend.exec.Engine;
import dev.mimic.backend.exec.EngineKind;
import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.exec.GuestFault;
import dev.mimic.backend.exec.StopEvent;
import dev.mimic.backend.machine.Disassembly;
import dev.mimic.backend.machine.Machine;
import dev.mimic.backend.machine.MachineException;
import dev.mimic.backend.machine.StackFrame;
import dev.mimic.backend.memory.FlatMemory;
import dev.mimic.backend.state.GuestState;
import dev.mimic.cil.assembly.Assembly;
import dev.mimic.cil.assembly.MethodDefinition;
import dev.mimic.cil.decode.CilDecoder;
import dev.mimic.cil.decode.CilInstruction;
import dev.mimic.cil.decode.OpcodeTable;
import dev.mimic.cil.disasm.Disassembler;
import dev.mimic.cil.runtime.CilProgram;
import dev.mimic.cil.runtime.CilRuntime;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CIL program in the workbench: it stops before every instruction of the program's own methods
 * (the class library runs through). The registers are {@code pc} and, at the current stop,
 * {@code argN}, {@code locN} and {@code stackN} (the bottom of the evaluation stack is
 * {@code stack0}); a number is its value (a double its bits), a reference 0 for null or a handle
 * numbered in the order the debugger first saw it. The call stack holds the program's methods as
 * {@code Namespace.Type::Method} with their arguments and locals.
 */
public final class CilMachine implements Machine {
    private final CilRuntime runtime;
    private final Assembly assembly;
    private final Debuggee debuggee;
    private final Symbols symbols;
    private final Disassembler disassembler;
    private final CilDecoder decoder = new CilDecoder(OpcodeTable.standard());
    private final Engine engine;
    private final Map<Object, Long> handles = new IdentityHashMap<>();
    private Debuggee.Event last;

    /** Starts the program and lets it run to the first instruction of its own code. */
    public CilMachine(CilProgram program, List<String> arguments, PrintStream err) {
        this.runtime = program.runtime();
        this.assembly = runtime.program();
        this.debuggee = new Debuggee(program, assembly, arguments, err);
        this.symbols = new Symbols(assembly);
        this.disassembler = new Disassembler(assembly);
        ExecutionContext ctx = new ExecutionContext(new GuestState(CilRuntime.LAYOUT), new FlatMemory(4096), this);
        this.engine = new Engine(new StepFrontend(), ctx, null, EngineKind.INTERP);
        engine.setAfterRun(runtime.out()::flush);
        if (debuggee.advance() instanceof Debuggee.Stop first) {
            last = first;
            ctx.state.setPc(first.pc());
        }
    }

    /** Lets the program run to its next stop; its end is a fault {@link #ended} turns into the stop event. */
    long advance() {
        last = debuggee.advance();
        if (last instanceof Debuggee.Stop stop) {
            return stop.pc();
        }
        throw GuestFault.machine(0, "the program ended");
    }

    /** The stop event for a fault of a step region: the program's end, or a failure of the debugger. */
    StopEvent ended(GuestFault fault) {
        if (last instanceof Debuggee.Finished end) {
            return end.failure() == null ? StopEvent.exited(fault.pc(), end.status()) : StopEvent.faulted(fault.pc(), end.failure());
        }
        return StopEvent.faulted(fault.pc(), fault.getMessage());
    }

    @Override
    public String name() {
        return "cil";
    }

    @Override
    public Engine engine() {
        return engine;
    }

    @Override
    public void reset() {
        throw new MachineException("a CIL program cannot be restarted in the workbench; start 'mimic debug cil' again");
    }

    @Override
    public List<String> registerNames() {
        List<String> names = new ArrayList<>(List.of(pcRegister()));
        current().ifPresent(top -> names.addAll(top.shape().names()));
        return names;
    }

    @Override
    public long register(String name) {
        if (name.equals(pcRegister())) {
            return engine.context().state.pc();
        }
        Debuggee.Activation top = current().orElseThrow(() -> new MachineException("the program is not stopped in a method"));
        int i = top.shape().names().indexOf(name);
        if (i < 0) {
            throw new MachineException("no register '" + name + "'");
        }
        return switch (top.shape().types().get(i)) {
            case REF -> top.refs()[i] == null ? 0 : handles.computeIfAbsent(top.refs()[i], r -> handles.size() + 1L);
            default -> top.values()[i];
        };
    }

    @Override
    public void setRegister(String name, long value) {
        throw new MachineException("the values of a CIL program are read-only in the workbench");
    }

    @Override
    public String pcRegister() {
        return "pc";
    }

    @Override
    public byte[] readMemory(long address, int length) {
        throw noMemory();
    }

    @Override
    public void writeMemory(long address, byte[] bytes) {
        throw noMemory();
    }

    private static MachineException noMemory() {
        return new MachineException("a CIL program has no addressable memory; see its values with 'regs' and 'bt'");
    }

    @Override
    public List<Disassembly> disassemble(long address, int count) {
        MethodDefinition m = symbols.method(address).orElseThrow(() -> new MachineException(
                "0x" + Long.toHexString(address) + " is not in a method of the program"));
        if (m.body() == null) {
            return List.of();
        }
        List<CilInstruction> code = decoder.decode(assembly, m);
        List<String> lines = disassembler.instructions(m);
        List<Disassembly> out = new ArrayList<>();
        for (int i = 0; i < code.size() && out.size() < count; i++) {
            CilInstruction insn = code.get(i);
            if (insn.offset() >= (int) address) {
                long pc = Symbols.pc(m.row(), insn.offset());
                out.add(new Disassembly(pc, Symbols.pc(m.row(), insn.next()), lines.get(i).replaceFirst("^IL_[0-9a-f]+:\\s+", ""),
                        insn.offset() == 0 ? symbols.name(m) : null));
            }
        }
        return out;
    }

    @Override
    public List<StackFrame> callStack() {
        List<Debuggee.Activation> frames = last instanceof Debuggee.Stop stop ? stop.frames() : List.of();
        List<StackFrame> out = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            Debuggee.Activation a = frames.get(i);
            long caller = i + 1 < frames.size() ? frames.get(i + 1).pc() : 0;
            out.add(new StackFrame(symbols.name(a.method().definition()), a.pc(), caller, variables(a)));
        }
        return out;
    }

    /** The arguments and locals of an activation (its evaluation stack shows through the registers). */
    private List<StackFrame.Variable> variables(Debuggee.Activation a) {
        List<StackFrame.Variable> out = new ArrayList<>();
        if (a.shape() == null) {
            return out;
        }
        for (int i = 0; i < a.shape().names().size(); i++) {
            String name = a.shape().names().get(i);
            if (!name.startsWith("stack")) {
                out.add(new StackFrame.Variable(name, ValueText.of(runtime, a.shape().types().get(i), a.values()[i], a.refs()[i])));
            }
        }
        return out;
    }

    private Optional<Debuggee.Activation> current() {
        return last instanceof Debuggee.Stop stop && !stop.frames().isEmpty() ? Optional.of(stop.frames().getFirst()) : Optional.empty();
    }

    @Override
    public Optional<Long> resolve(String symbol) {
        return symbols.resolve(symbol);
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
    public void saveState(DataOutputStream out) {
        throw new MachineException("snapshots of a CIL program are not supported");
    }

    @Override
    public void restoreState(DataInputStream in) {
        throw new MachineException("snapshots of a CIL program are not supported");
    }
}
