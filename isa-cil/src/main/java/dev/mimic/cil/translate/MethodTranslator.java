package dev.mimic.cil.translate;

import dev.mimic.backend.ir.Region;
import dev.mimic.backend.ir.RegionBuilder;
import dev.mimic.backend.ir.Temp;
import dev.mimic.backend.ir.Type;
import dev.mimic.cil.decode.CilDecoder;
import dev.mimic.cil.decode.CilInstruction;
import dev.mimic.cil.decode.OpcodeTable;
import dev.mimic.cil.model.RuntimeMethod;
import dev.mimic.cil.model.RuntimeType;
import dev.mimic.cil.runtime.CilRuntime;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates one CIL method (one instantiation) into one called region (ECMA-335 method = IR
 * region, as DESIGN.md asks): {@code this} and the parameters are the region's parameters, locals
 * are temporaries zeroed in the entry block, each IL basic block is an IR block, and every
 * instruction starts with an {@code INSN} marker whose pc is the method token in the high 32 bits
 * and the IL offset in the low. Each instruction's IR comes from the {@link CilSemantics} method
 * named by its {@code emit} in cil.isa.
 */
public final class MethodTranslator {
    private static final Map<String, Method> SEMANTICS = semantics();

    private final CilDecoder decoder;
    private final CilRuntime runtime;

    public MethodTranslator(OpcodeTable table, CilRuntime runtime) {
        this.decoder = new CilDecoder(table);
        this.runtime = runtime;
    }

    /** The pc of the instruction at {@code offset} of MethodDef {@code row} of the program. */
    public static long pc(int row, int offset) {
        return pc(0, row, offset);
    }

    /**
     * The pc of the instruction at {@code offset} of MethodDef {@code row} of the assembly the runtime
     * numbers {@code assembly} (0 for the program): its MethodDef token, the table byte raised by the
     * assembly's number, in the high word and the IL offset in the low one.
     */
    public static long pc(int assembly, int row, int offset) {
        return (long) ((0x06 + assembly) << 24 | row) << 32 | offset;
    }

    /** A translated method: its region, and whether its IL loops (branches backwards). */
    public record Result(Region region, boolean loops) {
    }

    /** The region of {@code method}, which must have an IL body. */
    public Result translate(RuntimeMethod method) {
        var def = method.definition();
        var assembly = method.owner().assembly();
        List<CilInstruction> code = decoder.decode(assembly, def);
        int tag = runtime.assemblyNumber(assembly);
        RegionBuilder b = new RegionBuilder(method.key(), pc(tag, def.row(), 0)).called();
        if (runtime.stepLimited()) {
            b.yielding();
        }
        List<RuntimeType> params = method.parameterTypes();
        boolean hasThis = method.signature().hasThis();
        int argCount = params.size() + (hasThis ? 1 : 0);
        RuntimeType[] argTypes = new RuntimeType[argCount];
        if (hasThis) {
            RuntimeType owner = method.owner();
            argTypes[0] = owner.isValueType() ? runtime.types().byRef(owner) : owner;
        }
        for (int i = 0; i < params.size(); i++) {
            argTypes[i + (hasThis ? 1 : 0)] = params.get(i);
        }
        List<dev.mimic.cil.signature.TypeSig> localSigs = assembly.locals(def.body());
        RuntimeType[] localTypes = new RuntimeType[localSigs.size()];
        boolean[] pinned = new boolean[localTypes.length];
        for (int n = 0; n < localTypes.length; n++) {
            localTypes[n] = runtime.types().resolve(assembly, localSigs.get(n), method.context());
            pinned[n] = localSigs.get(n) instanceof dev.mimic.cil.signature.TypeSig.Pinned;
            if (pinned[n] && localTypes[n].kind() == RuntimeType.Kind.BYREF) {
                // A pinned managed pointer is used as an unmanaged one (fixed): it holds the address.
                localTypes[n] = runtime.types().corlibType("System", "IntPtr");
            }
        }
        boolean[] argCells = new boolean[argCount];
        boolean[] localCells = new boolean[localTypes.length];
        for (CilInstruction insn : code) {
            String emit = insn.opcode().spec().emit();
            if (emit.equals("ldarga") || emit.equals("ldloca")) {
                int n = Translation.operandOf(insn);
                boolean local = emit.equals("ldloca");
                RuntimeType[] typesOf = local ? localTypes : argTypes;
                if (n >= 0 && n < typesOf.length && !typesOf[n].isObjectStruct()) {
                    (local ? localCells : argCells)[n] = true;
                }
            }
        }
        RuntimeType returnType = method.returnType();
        if (returnType != null) {
            b.returns(returnType.stackType());
        }
        Temp[] args = new Temp[argCount];
        for (int n = 0; n < argCount; n++) {
            args[n] = b.param(argTypes[n].stackType());
        }
        Temp argumentList = method.signature().isVararg() ? b.param(Type.REF) : null;
        Temp[] locals = new Temp[localTypes.length];
        Protection protection = new Protection(def.body().clauses());
        Translation t = new Translation(b, runtime, method, args, argTypes, argCells, locals, localTypes, localCells,
                pinned, protection);
        t.argumentList = argumentList;
        for (int n = 0; n < argCount; n++) {
            if (argCells[n]) {
                Temp cell = Cells.create(t, argTypes[n]);
                Cells.store(t, cell, argTypes[n], args[n]);
                args[n] = cell;
            }
        }
        for (int n = 0; n < locals.length; n++) {
            if (localCells[n]) {
                locals[n] = Cells.create(t, localTypes[n]);
            } else {
                locals[n] = b.temp(localTypes[n].stackType());
                b.assign(locals[n], Values.zero(t, localTypes[n]));
            }
        }
        for (Protection.Try range : protection.tries) {
            for (Protection.Clause c : range.clauses) {
                c.exception = b.temp(Type.REF);
                b.assign(c.exception, b.constantRef(null));
                b.assign(t.continuation(c), b.i32(0));
            }
        }
        if (code.stream().anyMatch(insn -> insn.opcode().name().equals("localloc"))) {
            t.localMark = b.temp(Type.I32);
            b.assign(t.localMark, t.op("localMark"));
        }
        Map<Integer, Integer> index = new HashMap<>();
        Set<Integer> starts = new HashSet<>(protection.boundaries());
        boolean loops = false;
        boolean stepped = runtime.stepper() != null && runtime.stepper().steps(method);
        for (int i = 0; i < code.size(); i++) {
            CilInstruction insn = code.get(i);
            index.put(insn.offset(), i);
            switch (insn.opcode().operand()) {
                case BRTARGET8, BRTARGET32 -> {
                    starts.add(insn.branchTarget());
                    loops |= insn.branchTarget() <= insn.offset();
                }
                case SWITCH -> {
                    for (int target : insn.targets()) {
                        starts.add(target);
                        loops |= target <= insn.offset();
                    }
                }
                default -> { }
            }
        }
        java.util.TreeSet<Integer> statements = new java.util.TreeSet<>();
        t.jumpTo(0);
        for (int start = t.nextPending(); start >= 0; start = t.nextPending()) {
            t.enter(start);
            Integer first = index.get(start);
            if (first == null) {
                throw t.invalid("IL_%04x is not the start of an instruction".formatted(start));
            }
            for (int i = first; ; i++) {
                if (i == code.size()) {
                    throw t.invalid("control falls off the end of the method");
                }
                CilInstruction insn = code.get(i);
                if (i > first && starts.contains(insn.offset())) {
                    t.jumpTo(insn.offset());
                    break;
                }
                t.at(insn.offset());
                if (t.stackFromBottom().isEmpty() || i > first && isCall(code.get(i - 1))) {
                    statements.add(insn.offset());
                }
                b.insn(pc(tag, def.row(), insn.offset()));
                if (stepped) {
                    StopPoints.emit(t, pc(tag, def.row(), insn.offset()));
                }
                emit(t, insn);
                if (b.blockClosed()) {
                    break;
                }
            }
        }
        t.finishHandlers();
        if (runtime.stepLimited()) {
            // A yield ends the run (--max-steps) and is never resumed: every block names the method.
            for (int n = 0; n < b.blockCount(); n++) {
                b.switchTo(n).resumeAt(pc(tag, def.row(), 0));
            }
        }
        runtime.traces().translated(pc(tag, def.row(), 0), method, statements.stream().mapToInt(Integer::intValue).toArray());
        return new Result(b.build(), loops);
    }

    /**
     * Calls end a statement for mono's stack traces as an empty stack does: mono maps a frame to
     * the IL offset of the last such point (its sequence points), which the statements record.
     */
    private static boolean isCall(CilInstruction insn) {
        String name = insn.opcode().name();
        return name.equals("call") || name.equals("callvirt");
    }

    private static void emit(Translation t, CilInstruction insn) {
        Method semantics = SEMANTICS.get(insn.opcode().spec().emit());
        if (semantics == null) {
            throw t.unsupported(insn.opcode().name() + " has no IR semantics yet");
        }
        try {
            semantics.invoke(null, t, insn);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw (Error) e.getCause();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("CilSemantics methods are public", e);
        }
    }

    /** The semantic methods by name: public static, taking (Translation, CilInstruction). */
    private static Map<String, Method> semantics() {
        Map<String, Method> out = new HashMap<>();
        for (Method m : CilSemantics.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())
                    && List.of(m.getParameterTypes()).equals(List.of(Translation.class, CilInstruction.class))) {
                out.put(m.getName(), m);
            }
        }
        return Map.copyOf(out);
    }
}
