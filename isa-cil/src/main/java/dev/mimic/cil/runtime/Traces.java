package dev.mimic.cil.runtime;

import dev.mimic.backend.ir.ManagedObject;
import dev.mimic.cil.assembly.Assembly;
import dev.mimic.cil.metadata.Table;
import dev.mimic.cil.model.RuntimeMethod;
import dev.mimic.cil.model.RuntimeType;
import dev.mimic.cil.signature.TypeSig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Managed stack traces, as mono prints them for an unhandled exception. While an exception unwinds,
 * the engines report each activation it passes with the pc of the instruction running there
 * ({@link CilRuntime#unwinding}); the pcs are kept in a cell of the exception itself. A frame is
 * printed as {@code at Type.Method (ParamType name) [0x0000b] in <mvid>:0}: the IL offset is where
 * the statement holding that instruction starts (the last instruction at or before it with an empty
 * evaluation stack), which is what mono's JIT maps a native address back to without symbols.
 */
public final class Traces {
    private final CilRuntime runtime;
    private final Map<Long, Translated> methods = new HashMap<>();

    Traces(CilRuntime runtime) {
        this.runtime = runtime;
    }

    /** A translated method: the instruction offsets where its evaluation stack is empty, ascending. */
    private record Translated(RuntimeMethod method, int[] statements) {
    }

    /** The pcs an exception passed, innermost first. */
    private static final class Trace {
        long[] pcs = new long[8];
        int size;
        /** Set when the exception is thrown again from a handler of the activation recorded last. */
        boolean resumed;
    }

    /** Notes a translated method, whose entry pc is {@code entryPc}. */
    public void translated(long entryPc, RuntimeMethod method, int[] statements) {
        methods.putIfAbsent(entryPc, new Translated(method, statements));
    }

    /** The translated method whose code {@code pc} is in, or null. */
    public RuntimeMethod methodAt(long pc) {
        Translated m = methods.get(pc & 0xFFFF_FFFF_0000_0000L);
        return m == null ? null : m.method();
    }

    void restart(Object exception) {
        if (exception instanceof ManagedObject e) {
            e.references[runtime.typeOf(e).traceCell()] = null;
        }
    }

    void resume(Object exception) {
        Trace t = trace(exception);
        if (t != null) {
            t.resumed = true;
        }
    }

    /** A {@code rethrow}: the activation recorded last is recorded again where the rethrow is. */
    void rethrow(Object exception) {
        Trace t = trace(exception);
        if (t != null && t.size > 0) {
            t.size--;
            t.resumed = false;
        }
    }

    void unwinding(Object exception, long pc) {
        Trace t = trace(exception);
        if (t == null) {
            return;
        }
        if (t.resumed) {
            t.resumed = false;
            return;
        }
        if (t.size == t.pcs.length) {
            t.pcs = Arrays.copyOf(t.pcs, t.size * 2);
        }
        t.pcs[t.size++] = pc;
    }

    /** The exception's trace, made on first use; null for what is not a managed exception. */
    private Trace trace(Object exception) {
        if (!(exception instanceof ManagedObject e) || !isException(e)) {
            return null;
        }
        int cell = runtime.typeOf(e).traceCell();
        if (e.references[cell] == null) {
            e.references[cell] = new Trace();
        }
        return (Trace) e.references[cell];
    }

    private boolean isException(ManagedObject e) {
        for (RuntimeType t = runtime.typeOf(e); t != null; t = t.base()) {
            if (t.is("Exception")) {
                return true;
            }
        }
        return false;
    }

    /** The lines {@code   at ...} of the exception's trace, innermost first. */
    public List<String> lines(Object exception) {
        List<String> out = new ArrayList<>();
        Trace t = trace(exception);
        for (int i = 0; t != null && i < t.size; i++) {
            long pc = t.pcs[i];
            Translated m = methods.get(pc & 0xFFFF_FFFF_0000_0000L);
            if (m != null) {
                out.add(line(m, (int) pc));
            }
        }
        return out;
    }

    private String line(Translated m, int offset) {
        int statement = 0;
        for (int s : m.statements()) {
            if (s <= offset) {
                statement = s;
            }
        }
        RuntimeMethod method = m.method();
        Assembly assembly = method.owner().assembly();
        List<String> names = parameterNames(assembly, method.definition().row(), method.parameterTypes().size());
        List<String> typeParameters = genericParameters(assembly, Table.TYPE_DEF, method.owner().definition().row());
        List<String> methodParameters = genericParameters(assembly, Table.METHOD_DEF, method.definition().row());
        StringBuilder params = new StringBuilder();
        List<RuntimeType> types = method.parameterTypes();
        for (int i = 0; i < types.size(); i++) {
            // A generic parameter shows as its name, as in the definition (mono prints TKey, not System.String).
            String type = method.definition().signature().parameters().get(i) instanceof TypeSig.GenericParam g
                    ? (g.ofMethod() ? methodParameters : typeParameters).get(g.number()) : types.get(i).name();
            params.append(i > 0 ? ", " : "").append(type).append(' ').append(names.get(i));
        }
        String owner = method.owner().name();
        int arity = owner.lastIndexOf('`');
        int arguments = arity < 0 ? -1 : owner.indexOf('[', arity);
        if (arguments >= 0 && !typeParameters.isEmpty()) {
            owner = owner.substring(0, arguments) + "[" + String.join(",", typeParameters) + "]";
        }
        var md = assembly.metadata();
        String mvid = md.guids().get(md.cell(Table.MODULE, 1, 2)).toString().replace("-", "");
        return "  at %s.%s (%s) [0x%05x] in <%s>:0 ".formatted(owner, method.name(), params, statement, mvid);
    }

    /** The names of the generic parameters of a TypeDef or MethodDef row (II.22.20), by number. */
    private static List<String> genericParameters(Assembly assembly, Table ownerTable, int ownerRow) {
        var md = assembly.metadata();
        List<String> names = new ArrayList<>();
        for (int row = 1; row <= md.rowCount(Table.GENERIC_PARAM); row++) {
            var owner = md.token(Table.GENERIC_PARAM, row, 2);
            if (owner.table() == ownerTable && owner.row() == ownerRow) {
                int number = md.cell(Table.GENERIC_PARAM, row, 0);
                while (names.size() <= number) {
                    names.add("");
                }
                names.set(number, md.string(Table.GENERIC_PARAM, row, 3));
            }
        }
        return names;
    }

    /** The names of a method's parameters from its Param rows (II.22.33); sequence 0 is the return value. */
    private static List<String> parameterNames(Assembly assembly, int methodRow, int count) {
        var md = assembly.metadata();
        int first = md.cell(Table.METHOD_DEF, methodRow, 5);
        int end = methodRow < md.rowCount(Table.METHOD_DEF) ? md.cell(Table.METHOD_DEF, methodRow + 1, 5)
                : md.rowCount(Table.PARAM) + 1;
        String[] names = new String[count];
        for (int row = first; row < end; row++) {
            int sequence = md.cell(Table.PARAM, row, 1);
            if (sequence >= 1 && sequence <= count) {
                names[sequence - 1] = md.string(Table.PARAM, row, 2);
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(names[i] == null ? "" : names[i]);
        }
        return out;
    }
}
