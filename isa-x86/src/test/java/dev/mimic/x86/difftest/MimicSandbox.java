package dev.mimic.x86.difftest;

import dev.mimic.backend.exec.DecodeRequest;
import dev.mimic.backend.exec.Engine;
import dev.mimic.backend.exec.EngineKind;
import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.exec.Frontend;
import dev.mimic.backend.exec.GuestFault;
import dev.mimic.backend.exec.StopEvent;
import dev.mimic.backend.interp.InterpretedCode;
import dev.mimic.backend.exec.RegionCompiler;
import dev.mimic.backend.ir.Region;
import dev.mimic.backend.state.GuestState;
import dev.mimic.backend.state.StateLayout;
import dev.mimic.x86.cpu.Flags;
import dev.mimic.x86.cpu.Registers;
import dev.mimic.x86.cpu.X86Platform;
import dev.mimic.x86.fpu.X87;
import dev.mimic.x86.memory.PagedMemory;
import dev.mimic.x86.translate.X86Translator;
import dev.mimic.x86.user.Signal;

/**
 * Mimic's side of the differential tests: runs a case's code on the x86 translator with the same
 * state the native sandbox starts from. The code sits at the end of a page whose successor is not
 * mapped, so the fetch fault just past the last instruction ends the run.
 */
final class MimicSandbox implements Frontend, X86Platform {
    static final long SCRATCH = 0x2000_0000L;
    static final int SCRATCH_SIZE = 1024;
    static final long CODE_PAGE = 0x3000_0000L;

    private final PagedMemory memory = new PagedMemory();
    private final X86Translator translator = new X86Translator();
    private final RegionCompiler compiler;
    private GuestFault fault;

    MimicSandbox(RegionCompiler compiler) {
        this.compiler = compiler;
    }

    /** Runs {@code code} from {@code registers} (EFLAGS first) and {@code scratch}. */
    Outcome run(int[] registers, byte[] scratch, byte[] code, EngineKind kind) {
        memory.unmap(CODE_PAGE, PagedMemory.PAGE_SIZE);
        memory.map(SCRATCH, PagedMemory.PAGE_SIZE, PagedMemory.READ | PagedMemory.WRITE);
        memory.map(CODE_PAGE, PagedMemory.PAGE_SIZE, PagedMemory.READ | PagedMemory.EXEC);
        memory.write(SCRATCH, scratch, 0, scratch.length);
        long start = CODE_PAGE + PagedMemory.PAGE_SIZE - code.length;
        memory.poke(start, code, 0, code.length);
        GuestState state = new GuestState(Registers.LAYOUT);
        for (int i = 0; i < 8; i++) {
            state.set(Registers.gpr(i), registers[1 + i]);
        }
        Registers.setEflags(state, registers[0] | Flags.IF);
        state.setRef(Registers.FPU, new X87());
        state.setPc(start);
        ExecutionContext ctx = new ExecutionContext(state, memory, this);
        Engine engine = new Engine(this, ctx, compiler, kind);
        fault = null;
        StopEvent stop = engine.run(10_000);
        if (stop.kind() != StopEvent.Kind.FAULTED) {
            throw new AssertionError("the case did not end: " + stop);
        }
        int[] after = new int[9];
        after[0] = Registers.eflags(state);
        for (int i = 0; i < 8; i++) {
            after[1 + i] = (int) state.get(Registers.gpr(i));
        }
        byte[] memoryAfter = new byte[scratch.length];
        memory.read(SCRATCH, memoryAfter, 0, scratch.length);
        long end = CODE_PAGE + PagedMemory.PAGE_SIZE;
        boolean ranToEnd = fault.pc() == end;
        return new Outcome(ranToEnd ? 0 : Signal.of(fault).number(), (int) (fault.pc() - start), after, memoryAfter);
    }

    @Override
    public StateLayout layout() {
        return Registers.LAYOUT;
    }

    @Override
    public Region decode(long pc, DecodeRequest request, ExecutionContext ctx) {
        return translator.translate(pc, request, memory);
    }

    @Override
    public StopEvent onFault(GuestFault f, ExecutionContext ctx) {
        fault = f;
        ctx.state.setPc(f.pc());
        return StopEvent.faulted(f.pc(), f.getMessage());
    }

    @Override
    public StopEvent onStop(int code, ExecutionContext ctx) {
        throw new AssertionError("the sandbox's code stopped the machine with code " + code);
    }

    @Override
    public void loadSegment(ExecutionContext ctx, int segment, int selector) {
        throw new AssertionError("the sandbox's code loaded a segment register");
    }

    static RegionCompiler interpreterOnly() {
        return InterpretedCode::new;
    }
}
