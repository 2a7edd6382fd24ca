package dev.mimic.cil.debug;

import dev.mimic.cil.assembly.Assembly;
import dev.mimic.cil.assembly.MethodDefinition;
import dev.mimic.cil.assembly.TypeDefinition;
import dev.mimic.cil.translate.MethodTranslator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The program's methods by {@code Namespace.Type::Method} name, and the pcs of their instructions
 * ({@code 0x06000000 | MethodDef row} in the high word, the IL offset in the low one). An
 * overloaded name stands for its first definition.
 */
final class Symbols {
    private final Assembly assembly;
    private final Map<String, MethodDefinition> byName = new LinkedHashMap<>();

    Symbols(Assembly assembly) {
        this.assembly = assembly;
        for (TypeDefinition type : assembly.types()) {
            for (MethodDefinition m : type.methods()) {
                byName.putIfAbsent(name(m), m);
            }
        }
    }

    static long pc(int row, int offset) {
        return MethodTranslator.pc(row, offset);
    }

    /** The method a pc lies in, if it is one of the program's. */
    Optional<MethodDefinition> method(long pc) {
        long row = (pc >>> 32) - 0x06000000L;
        return row >= 1 && row <= assembly.methodCount() ? Optional.of(assembly.method((int) row)) : Optional.empty();
    }

    /** {@code Namespace.Type::Method}. */
    String name(MethodDefinition m) {
        return assembly.fullName(assembly.type(m.declaringType())) + "::" + m.name();
    }

    Optional<Long> resolve(String symbol) {
        return Optional.ofNullable(byName.get(symbol)).map(m -> pc(m.row(), 0));
    }

    Optional<String> symbolize(long pc) {
        int offset = (int) pc;
        return method(pc).map(m -> name(m) + (offset == 0 ? "" : "+" + offset));
    }

    List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
