package dev.mimic.cil.translate;

import dev.mimic.backend.exec.CallTarget;
import dev.mimic.backend.ir.Region;
import dev.mimic.backend.ir.RegionBuilder;
import dev.mimic.backend.ir.Temp;
import dev.mimic.backend.ir.Type;
import dev.mimic.cil.assembly.Assembly;
import dev.mimic.cil.assembly.MethodDefinition;
import dev.mimic.cil.decode.CilDecoder;
import dev.mimic.cil.decode.CilInstruction;
import dev.mimic.cil.decode.OpcodeTable;
import dev.mimic.cil.signature.MethodSig;
import dev.mimic.cil.signature.TypeSig;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Translates one CIL method into one called region (ECMA-335 method = IR region, as DESIGN.md asks):
 * parameters are the region's parameters, locals are temporaries zeroed in the entry block, each IL
 * basic block is an IR block, and every instruction starts with an {@code INSN} marker whose pc is
 * the method token in the high 32 bits and the IL offset in the low. Each instruction's IR comes from
 * the {@link CilSemantics} method named by its {@code emit} in cil.isa.
 */
public final class MethodTranslator {
    private static final Map<String, Method> SEMANTICS = semantics();

    private final CilDecoder decoder;

    public MethodTranslator(OpcodeTable table) {
        this.decoder = new CilDecoder(table);
    }

    /** The pc of the instruction at {@code offset} of MethodDef {@code row}. */
    public static long pc(int row, int offset) {
        return (long) (0x06000000 | row) << 32 | offset;
    }

    /**
     * The region of {@code method}; calls to other methods go through {@code targets}, which maps a
     * MethodDef row to its (possibly not yet linked) call target.
     */
    public Region translate(Assembly assembly, MethodDefinition method, IntFunction<CallTarget> targets) {
        String name = assembly.fullName(assembly.type(method.declaringType())) + "::" + method.name();
        if (method.body() == null) {
            throw new UnsupportedInstructionException(name + " has no IL body (internal call or abstract)");
        }
        MethodSig sig = method.signature();
        if (sig.hasThis() || !method.body().clauses().isEmpty()) {
            throw new UnsupportedInstructionException(name + ": instance methods and exception handlers are not "
                    + "translated yet");
        }
        if (sig.parameters().isEmpty() && sig.returnType() == TypeSig.Primitive.VOID) {
            // RegionBuilder takes a region without parameters or result for a dispatchable one.
            throw new UnsupportedInstructionException(name + ": methods without parameters or result are not "
                    + "translated yet");
        }
        List<CilInstruction> code = decoder.decode(assembly, method);
        RegionBuilder b = new RegionBuilder(name, pc(method.row(), 0));
        TypeSig[] argTypes = sig.parameters().toArray(TypeSig[]::new);
        TypeSig[] localTypes = assembly.locals(method.body()).toArray(TypeSig[]::new);
        Temp[] args = new Temp[argTypes.length];
        Temp[] locals = new Temp[localTypes.length];
        Translation t = new Translation(b, assembly, method, args, argTypes, locals, localTypes, targets);
        if (sig.returnType() != TypeSig.Primitive.VOID) {
            b.returns(Types.ir(t, sig.returnType()));
        }
        for (int n = 0; n < args.length; n++) {
            args[n] = b.param(Types.ir(t, argTypes[n]));
        }
        for (int n = 0; n < locals.length; n++) {
            locals[n] = b.temp(Types.ir(t, localTypes[n]));
            b.assign(locals[n], zero(b, locals[n].type()));
        }
        Map<Integer, Integer> index = new HashMap<>();
        Set<Integer> targetsInCode = new HashSet<>();
        for (int i = 0; i < code.size(); i++) {
            CilInstruction insn = code.get(i);
            index.put(insn.offset(), i);
            switch (insn.opcode().operand()) {
                case BRTARGET8, BRTARGET32 -> targetsInCode.add(insn.branchTarget());
                case SWITCH -> {
                    for (int target : insn.targets()) {
                        targetsInCode.add(target);
                    }
                }
                default -> { }
            }
        }
        t.jumpTo(0);
        for (int start = t.nextPending(); start >= 0; start = t.nextPending()) {
            t.enter(start);
            for (int i = index.get(start); ; i++) {
                if (i == code.size()) {
                    throw t.invalid("control falls off the end of the method");
                }
                CilInstruction insn = code.get(i);
                if (i > index.get(start) && targetsInCode.contains(insn.offset())) {
                    t.jumpTo(insn.offset());
                    break;
                }
                t.at(insn.offset());
                b.insn(pc(method.row(), insn.offset()));
                emit(t, insn);
                if (b.blockClosed()) {
                    break;
                }
            }
        }
        return b.build();
    }

    private static Temp zero(RegionBuilder b, Type type) {
        return switch (type) {
            case I32 -> b.i32(0);
            case I64 -> b.i64(0);
            case F64 -> b.f64(0);
            case REF -> b.constantRef(null);
        };
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
