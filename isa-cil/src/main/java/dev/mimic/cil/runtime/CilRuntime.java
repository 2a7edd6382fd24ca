package dev.mimic.cil.runtime;

import dev.mimic.backend.exec.CallTarget;
import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.exec.Frame;
import dev.mimic.backend.exec.GuestThrow;
import dev.mimic.backend.exec.RegionCode;
import dev.mimic.backend.interp.InterpretedCode;
import dev.mimic.backend.ir.Helper;
import dev.mimic.backend.ir.ManagedObject;
import dev.mimic.backend.ir.Region;
import dev.mimic.backend.ir.Type;
import dev.mimic.backend.state.GuestState;
import dev.mimic.backend.state.StateLayout;
import dev.mimic.cil.assembly.Assembly;
import dev.mimic.cil.assembly.AssemblyResolver;
import dev.mimic.cil.assembly.MethodDefinition;
import dev.mimic.cil.corlib.Intrinsics;
import dev.mimic.cil.decode.OpcodeTable;
import dev.mimic.cil.files.GuestFiles;
import dev.mimic.cil.model.RuntimeMethod;
import dev.mimic.cil.model.RuntimeType;
import dev.mimic.cil.model.TypeSystem;
import dev.mimic.cil.translate.MethodTranslator;
import dev.mimic.cil.translate.UnsupportedInstructionException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs one program on the class library: each method becomes a {@link CallTarget} translated on its
 * first call, intrinsics and internal calls are Java methods ({@link Intrinsics}), and a translated
 * method runs as its {@link Engine} says. One runtime per program; nothing is shared between runtimes.
 */
public final class CilRuntime implements dev.mimic.backend.exec.UnwindObserver {
    /** The only machine state outside managed objects: the pc of the current instruction (method token, IL offset). */
    public static final StateLayout LAYOUT = layout();

    private final Assembly program;
    private final TypeSystem types;
    private final Engine engine;
    private final MethodTranslator translator;
    private final Intrinsics intrinsics;
    private final GuestExceptions exceptions;
    private final NativeMemory memory;
    private final Traces traces = new Traces(this);
    private final List<Assembly> numbered = new ArrayList<>();
    private final Map<RuntimeMethod, CallTarget> virtualTargets = new HashMap<>();
    private final Map<String, CallTarget> indirectTargets = new HashMap<>();
    private final List<RuntimeMethod> functions = new ArrayList<>();
    private final Map<RuntimeMethod, Long> functionIds = new HashMap<>();
    private final ExecutionContext context;
    private final PrintStream out;
    private final java.io.BufferedReader in;
    private final GuestFiles files;
    private final GcHandles handles = new GcHandles();
    private Stepper stepper;
    private boolean stepLimited;
    private int translated;
    private int compiledAtOnce;

    /**
     * How translated methods run: always interpreted, always compiled, or interpreted until called
     * {@code threshold} times and then compiled ({@code compiler} null means interpreted only).
     */
    public record Engine(Function<Region, RegionCode> compiler, int threshold) {
        public static final Engine INTERPRETER = new Engine(null, 0);

        /** Compiles every method before its first run. */
        public static Engine compiled(Function<Region, RegionCode> compiler) {
            return new Engine(compiler, 0);
        }
    }

    /** A runtime whose program reaches the host's files relative to the process's current directory. */
    public CilRuntime(Assembly program, AssemblyResolver resolver, Engine engine, java.io.InputStream in,
            PrintStream out) throws IOException {
        this(program, resolver, engine, in, out, new GuestFiles(java.nio.file.Path.of(""), null));
    }

    /** A runtime whose program reaches the host's files only through {@code files}. */
    public CilRuntime(Assembly program, AssemblyResolver resolver, Engine engine, java.io.InputStream in,
            PrintStream out, GuestFiles files) throws IOException {
        this.program = program;
        this.files = files;
        this.types = new TypeSystem(resolver, program);
        this.engine = engine;
        this.out = out;
        this.in = new java.io.BufferedReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        this.intrinsics = new Intrinsics();
        this.exceptions = new GuestExceptions(types);
        this.memory = new NativeMemory(exceptions, this::typeOf);
        this.translator = new MethodTranslator(OpcodeTable.standard(), this);
        this.context = new ExecutionContext(new GuestState(LAYOUT), null, this);
    }

    private static StateLayout layout() {
        StateLayout.Builder b = StateLayout.builder("pc");
        b.add("pc", Type.I64);
        return b.build();
    }

    /** The program's own assembly. */
    public Assembly program() {
        return program;
    }

    public TypeSystem types() {
        return types;
    }

    public Intrinsics intrinsics() {
        return intrinsics;
    }

    public GuestExceptions exceptions() {
        return exceptions;
    }

    /** The stack traces of exceptions, which the engines feed while one unwinds. */
    public Traces traces() {
        return traces;
    }

    @Override
    public void unwinding(Object exception, long insnPc) {
        traces.unwinding(exception, insnPc);
    }

    /** The number of an assembly in this runtime's pcs (see {@link MethodTranslator#pc(int, int, int)}); the program is 0. */
    public int assemblyNumber(Assembly assembly) {
        if (numbered.isEmpty()) {
            numbered.add(program);
        }
        int n = numbered.indexOf(assembly);
        if (n < 0) {
            numbered.add(assembly);
            n = numbered.size() - 1;
        }
        return n;
    }

    /** Where unmanaged pointers point: local and global blocks and pinned managed data. */
    public NativeMemory memory() {
        return memory;
    }

    /** The debugger's hold on the program; null when it runs undebugged. */
    public Stepper stepper() {
        return stepper;
    }

    /** Attaches a debugger; methods translated from now on that it {@link Stepper#steps steps} stop before each instruction. */
    public void setStepper(Stepper stepper) {
        this.stepper = stepper;
    }

    /** The guest's standard output. */
    public PrintStream out() {
        return out;
    }

    /** The guest's standard input. */
    public java.io.BufferedReader in() {
        return in;
    }

    /** The objects GCHandles hold. */
    public GcHandles handles() {
        return handles;
    }

    /** The host's files as the program sees them (its current directory, the sandbox, open handles). */
    public GuestFiles files() {
        return files;
    }

    public ExecutionContext context() {
        return context;
    }

    /**
     * Bounds the run to about {@code steps} guest instructions ({@code --max-steps}): methods
     * translated from now on leave at their entry and back-edges once the count is reached, and
     * the run ends in {@link StepLimitReached}. Set before the program starts.
     */
    public void limitSteps(long steps) {
        stepLimited = true;
        context.instructionLimit = steps;
    }

    /** True when {@link #limitSteps} bounded the run. */
    public boolean stepLimited() {
        return stepLimited;
    }

    /** Guest instructions executed so far. */
    public long instructions() {
        return context.instructions;
    }

    /**
     * What ran: methods translated, methods compiled before their first run (tiered mode compiles
     * the others when hot) and guest instructions executed, as {@code --stats} prints them.
     */
    public String statistics() {
        return String.format("methods translated:   %,d%nmethods compiled:     %,d before their first run%n"
                + "guest instructions:   %,d%n", translated, compiledAtOnce, context.instructions);
    }

    /** The method a MethodDef of the program defines, in its non-generic owner. */
    public RuntimeMethod method(MethodDefinition definition) {
        RuntimeType owner = types.type(program, definition.declaringType(), List.of());
        return types.method(owner, definition, List.of());
    }

    /** The number of IR parameters of a method: {@code this} and its declared parameters. */
    public int parameterCount(RuntimeMethod m) {
        return m.signature().parameters().size() + (m.signature().hasThis() ? 1 : 0) + (m.signature().isVararg() ? 1 : 0);
    }

    /** The call target of a method, its code translated on first call. */
    public CallTarget target(RuntimeMethod m) {
        if (m.code() instanceof CallTarget t) {
            return t;
        }
        CallTarget t = new CallTarget(m.key());
        Region shape = CallShape.of(m.key(), parameterTypes(m), resultType(m));
        Helper intrinsic = intrinsics.find(m);
        RegionCode code = intrinsic != null ? new HelperCode(intrinsic, intrinsics.takesMethod(intrinsic) ? m : null)
                : m.owner().isDelegate() && m.name().equals("Invoke") ? new Delegates.Invoke(this, m)
                : new LazyCode(this, m, t);
        t.link(shape, code);
        m.setCode(t);
        return t;
    }

    /** The method pointer {@code ldftn} pushes for {@code m}: its index in this runtime's table. */
    public long functionPointer(RuntimeMethod m) {
        return functionIds.computeIfAbsent(m, k -> {
            functions.add(k);
            return (long) functions.size() - 1;
        });
    }

    /** The method a pointer from {@link #functionPointer} stands for. */
    public RuntimeMethod function(long pointer) {
        if (pointer < 0 || pointer >= functions.size()) {
            throw new IllegalStateException("not a method pointer: " + pointer);
        }
        return functions.get((int) pointer);
    }

    /** How many methods {@link #functionPointer} has numbered. */
    int functionCount() {
        return functions.size();
    }

    /**
     * The target a {@code calli} with these parameter and result types calls: the function pointer
     * is its last parameter (I64), after the callee's.
     */
    public CallTarget indirectTarget(List<Type> parameters, Type result) {
        String key = "calli " + parameters + " " + result;
        return indirectTargets.computeIfAbsent(key, k -> {
            List<Type> withPointer = new ArrayList<>(parameters);
            withPointer.add(Type.I64);
            CallTarget t = new CallTarget(key);
            t.link(CallShape.of(key, withPointer, result), new IndirectCall(this, parameters.size()));
            return t;
        });
    }

    /** The target a {@code callvirt} of {@code declared} calls: a dispatch on the receiver's type. */
    public CallTarget virtualTarget(RuntimeMethod declared) {
        return virtualTargets.computeIfAbsent(declared, m -> {
            CallTarget t = new CallTarget(m.key() + " (virtual)");
            t.link(CallShape.of(m.key(), parameterTypes(m), resultType(m)), new VirtualCall(this, m));
            return t;
        });
    }

    private List<Type> parameterTypes(RuntimeMethod m) {
        List<Type> out = new ArrayList<>();
        if (m.signature().hasThis()) {
            out.add(Type.REF);
        }
        for (RuntimeType p : m.parameterTypes()) {
            out.add(p.stackType());
        }
        if (m.signature().isVararg()) {
            out.add(Type.REF); // the argument list handle (arglist, III.3.4)
        }
        return out;
    }

    private static Type resultType(RuntimeMethod m) {
        RuntimeType r = m.returnType();
        return r == null ? null : r.stackType();
    }

    /** Translates a method and links its code into its target (called by the target's first run). */
    void link(RuntimeMethod m, CallTarget target) {
        if (m.definition().body() == null) {
            throw new UnsupportedInstructionException(m.key() + " is " + (m.definition().isInternalCall()
                    ? "an internal call Mimic does not implement yet" : "abstract or has no IL body"));
        }
        MethodTranslator.Result result = translator.translate(m);
        Region region = result.region();
        translated++;
        // A stepped method is not tiered: tiering relinks the target with code that would not tell
        // the stepper of calls.
        boolean stepped = stepper != null && stepper.steps(m);
        RegionCode code;
        if (engine.compiler() == null) {
            code = new InterpretedCode(region);
        } else if (engine.threshold() > 0 && !result.loops() && !stepped) {
            code = new TieredCode(region, target, engine.compiler(), engine.threshold());
        } else {
            // A method with a loop is compiled at once in tiered mode too: it may be called only
            // once (Main) and spend the whole run in its loop, where calls cannot be counted.
            try {
                code = engine.compiler().apply(region);
                compiledAtOnce++;
            } catch (IllegalArgumentException e) {
                code = new InterpretedCode(region);
            }
        }
        target.link(region, stepped ? new SteppedCode(code, m, stepper) : code);
    }

    /** The type of any guest value: managed objects, strings, arrays and the runtime's own objects. */
    public RuntimeType typeOf(Object value) {
        return switch (value) {
            case ManagedObject o -> types.typeOf(o.type());
            case String s -> types.corlibType("System", "String");
            case StringBuilder b -> types.corlibType("System.Text", "StringBuilder");
            case RuntimeType t -> types.corlibType("System", "RuntimeType");
            case MdArray a -> a.type();
            case Object[] a -> types.arrayOf(types.corlibType("System", "Object"), 1);
            case int[] a -> types.arrayOf(types.corlibType("System", "Int32"), 1);
            case long[] a -> types.arrayOf(types.corlibType("System", "Int64"), 1);
            case double[] a -> types.arrayOf(types.corlibType("System", "Double"), 1);
            case short[] a -> types.arrayOf(types.corlibType("System", "Char"), 1);
            case byte[] a -> types.arrayOf(types.corlibType("System", "Byte"), 1);
            default -> throw new IllegalStateException("not a guest value: " + value.getClass().getName());
        };
    }

    /** The type of a managed object. */
    public RuntimeType typeOf(ManagedObject o) {
        return types.typeOf(o.type());
    }

    /** Runs a type's static constructor (II.10.5.3.1) now, unless it has started already. */
    public void initialize(RuntimeType type) {
        if (type.initializationFailure() != null) {
            throw new GuestThrow(type.initializationFailure());
        }
        if (type.startInitialization()) {
            RuntimeMethod cctor = type.typeInitializer();
            if (cctor != null) {
                try {
                    invoke(cctor);
                } catch (GuestThrow thrown) {
                    // II.10.5.3.3: the exception reaches the trigger wrapped, and so does every later trigger.
                    GuestThrow failure = exceptions.typeInitialization(type, thrown.exception());
                    type.failInitialization(failure.exception());
                    throw failure;
                }
            }
        }
    }

    /**
     * Calls {@code m} from Java with arguments as guest values (Integer, Long, Double or references)
     * and returns its result the same way (null for void).
     */
    public Object invoke(RuntimeMethod m, Object... arguments) {
        CallTarget target = target(m);
        List<Type> params = parameterTypes(m);
        Frame frame = new Frame(Math.max(target.region().tempCount(), params.size()));
        for (int i = 0; i < arguments.length; i++) {
            switch (params.get(i)) {
                case I32 -> frame.values[i] = (Integer) arguments[i];
                case I64 -> frame.values[i] = (Long) arguments[i];
                case F64 -> frame.values[i] = Double.doubleToRawLongBits((Double) arguments[i]);
                case REF -> frame.refs[i] = arguments[i];
            }
        }
        if (target.code().run(context, frame) == RegionCode.YIELDED) {
            RuntimeMethod at = traces.methodAt(context.state.pc());
            throw new StepLimitReached(at == null ? m : at, context.instructionLimit);
        }
        Type r = resultType(m);
        return r == null ? null : switch (r) {
            case I32 -> (int) frame.result;
            case I64 -> frame.result;
            case F64 -> Double.longBitsToDouble(frame.result);
            case REF -> frame.resultRef;
        };
    }

    /** Calls the implementation of virtual method {@code declared} for {@code receiver}. */
    public Object invokeVirtual(RuntimeMethod declared, Object receiver, Object... arguments) {
        Object[] all = new Object[arguments.length + 1];
        all[0] = receiver;
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return invoke(typeOf(receiver).implementation(declared), all);
    }
}
