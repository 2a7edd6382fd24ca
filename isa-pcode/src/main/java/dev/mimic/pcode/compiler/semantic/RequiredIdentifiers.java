package dev.mimic.pcode.compiler.semantic;

import dev.mimic.pcode.compiler.types.BooleanType;
import dev.mimic.pcode.compiler.types.CharType;
import dev.mimic.pcode.compiler.types.FileType;
import dev.mimic.pcode.compiler.types.IntegerType;
import dev.mimic.pcode.compiler.types.RealType;
import dev.mimic.pcode.compiler.types.Target;
import java.util.Locale;

/**
 * The identifiers every program starts with (ISO 7185 6.2.2.10): the required types, constants
 * and routines, the files input and output, and P5's two extra text files prd and prr, all four
 * at the global addresses P5's interpreter recognises them by.
 */
public final class RequiredIdentifiers {
    private RequiredIdentifiers() {
    }

    /** A fresh scope holding the required identifiers, to enclose a program. */
    public static Scope scope() {
        Scope scope = Scope.required();
        scope.declare(new TypeSymbol("integer", IntegerType.INSTANCE));
        scope.declare(new TypeSymbol("real", RealType.INSTANCE));
        scope.declare(new TypeSymbol("char", CharType.INSTANCE));
        scope.declare(new TypeSymbol("boolean", BooleanType.INSTANCE));
        scope.declare(new TypeSymbol("text", FileType.TEXT));
        scope.declare(new ConstantSymbol("false", BooleanType.INSTANCE, new Constant.Ordinal(0)));
        scope.declare(new ConstantSymbol("true", BooleanType.INSTANCE, new Constant.Ordinal(1)));
        scope.declare(new ConstantSymbol("maxint", IntegerType.INSTANCE, new Constant.Ordinal(Target.MAX_INT)));
        scope.declare(new VariableSymbol("input", FileType.TEXT, 1, Target.INPUT_ADDRESS));
        scope.declare(new VariableSymbol("output", FileType.TEXT, 1, Target.OUTPUT_ADDRESS));
        scope.declare(new VariableSymbol("prd", FileType.TEXT, 1, Target.PRD_ADDRESS));
        scope.declare(new VariableSymbol("prr", FileType.TEXT, 1, Target.PRR_ADDRESS));
        for (StandardRoutine routine : StandardRoutine.values()) {
            String name = routine.name().toLowerCase(Locale.ROOT);
            scope.declare(new StandardSymbol(name, routine));
        }
        return scope;
    }
}
