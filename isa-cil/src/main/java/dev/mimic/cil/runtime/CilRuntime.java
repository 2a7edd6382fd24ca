package dev.mimic.cil.runtime;

import dev.mimic.backend.exec.CallTarget;
import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.exec.Frame;
import dev.mimic.backend.exec.RegionCode;
import dev.mimic.backend.ir.Region;
import dev.mimic.backend.ir.Type;
import dev.mimic.backend.state.GuestState;
import dev.mimic.backend.state.StateLayout;
import dev.mimic.cil.assembly.Assembly;
import dev.mimic.cil.assembly.MethodDefinition;
import dev.mimic.cil.decode.OpcodeTable;
import dev.mimic.cil.translate.MethodTranslator;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs the methods of one assembly: each method becomes a {@link CallTarget} whose region is
 * translated the first time a call reaches it (with every method it calls, so targets are linked
 * before the region runs), and whose code is what {@code codeFor} makes of the region, the
 * interpreter ({@code InterpretedCode::new}) or the JIT ({@code new Jit()::compile}). One runtime
 * per machine; nothing is shared between runtimes.
 */
public final class CilRuntime {
    /** The only machine state outside managed objects: the pc of the current instruction (method token, IL offset). */
    private static final StateLayout LAYOUT = layout();

    private final Assembly assembly;
    private final Function<Region, RegionCode> codeFor;
    private final MethodTranslator translator = new MethodTranslator(OpcodeTable.standard());
    private final Map<Integer, CallTarget> targets = new HashMap<>();
    private final Deque<Integer> untranslated = new ArrayDeque<>();
    private final ExecutionContext context;

    public CilRuntime(Assembly assembly, Function<Region, RegionCode> codeFor) {
        this.assembly = assembly;
        this.codeFor = codeFor;
        this.context = new ExecutionContext(new GuestState(LAYOUT), null, this);
    }

    /**
     * Calls static method {@code method} with integer arguments (I32 and I64 parameters, as raw
     * longs) and returns its integer result (0 for void).
     */
    public long invoke(MethodDefinition method, long... arguments) {
        CallTarget target = target(method.row());
        linkPending();
        Frame frame = new Frame(target.region().tempCount());
        System.arraycopy(arguments, 0, frame.values, 0, arguments.length);
        target.code().run(context, frame);
        return frame.result;
    }

    /** Guest instructions executed so far. */
    public long instructions() {
        return context.instructions;
    }

    private static StateLayout layout() {
        StateLayout.Builder b = StateLayout.builder("pc");
        b.add("pc", Type.I64);
        return b.build();
    }

    private CallTarget target(int row) {
        return targets.computeIfAbsent(row, r -> {
            untranslated.add(r);
            MethodDefinition m = assembly.method(r);
            return new CallTarget(assembly.fullName(assembly.type(m.declaringType())) + "::" + m.name());
        });
    }

    private void linkPending() {
        while (!untranslated.isEmpty()) {
            int row = untranslated.poll();
            Region region = translator.translate(assembly, assembly.method(row), this::target);
            targets.get(row).link(region, codeFor.apply(region));
        }
    }
}
