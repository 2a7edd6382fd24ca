package dev.mimic.pcode.compiler.translate;

import dev.mimic.pcode.compiler.PascalParser;
import dev.mimic.pcode.compiler.codegen.Emitter;
import dev.mimic.pcode.compiler.codegen.Operand;
import dev.mimic.pcode.compiler.codegen.PcodeWriter;
import dev.mimic.pcode.compiler.semantic.RoutineSymbol;
import dev.mimic.pcode.compiler.semantic.StandardSymbol;
import dev.mimic.pcode.compiler.semantic.Symbol;
import dev.mimic.pcode.compiler.semantic.VariableSymbol;
import dev.mimic.pcode.compiler.types.ErrorType;
import dev.mimic.pcode.compiler.types.PascalType;
import dev.mimic.pcode.compiler.types.RealType;
import dev.mimic.pcode.compiler.types.Target;
import dev.mimic.pcode.compiler.types.Types;
import java.util.List;
import java.util.Optional;

/**
 * Compiles calls of declared procedures and functions and of procedural and functional
 * parameters (ISO 7185 6.6.3, 6.7.3, 6.8.2.3) with P5's calling sequence: {@code mst} marks the
 * frame and sets the static link, the arguments are pushed in order (values, addresses for var
 * parameters and structured values, two-word descriptors for routines), then {@code cup} enters
 * the routine, or {@code cip} enters one known only by its descriptor.
 */
final class CallTranslator {
    private final Context context;
    private final Emitter emitter;
    private final PcodeWriter writer;

    CallTranslator(Context context) {
        this.context = context;
        this.emitter = context.emitter;
        this.writer = context.writer;
    }

    /**
     * Calls {@code routine}; a function's result is left on the stack.
     *
     * @param args the actual parameters, or null for a call without any
     */
    Operand call(RoutineSymbol routine, PascalParser.IdentifierContext id, PascalParser.ActualParameterListContext args) {
        int levelDifference = emitter.level() - routine.level();
        writer.markStack(levelDifference);
        List<PascalParser.ActualParameterContext> actuals = args == null ? List.of() : args.actualParameter();
        List<Symbol> formals = routine.parameters();
        if (actuals.size() != formals.size()) {
            context.error(args == null ? id : args, "'" + routine.name() + "' takes " + formals.size()
                    + " argument" + (formals.size() == 1 ? "" : "s") + ", not " + actuals.size());
        }
        int bytes = 0;
        for (int i = 0; i < Math.min(actuals.size(), formals.size()); i++) {
            PascalParser.ActualParameterContext actual = actuals.get(i);
            if (actual.width != null) {
                context.error(actual.width, "field widths are allowed only in write and writeln");
            }
            bytes += switch (formals.get(i)) {
                case RoutineSymbol formal -> routineArgument(formal, actual.value);
                case VariableSymbol formal when formal.variableKind() == VariableSymbol.Kind.VARIABLE_PARAMETER ->
                        variableArgument(formal, actual.value);
                case VariableSymbol formal -> valueArgument(formal, actual.value);
                default -> throw new IllegalStateException("unknown parameter kind");
            };
        }
        PascalType result = routine.isFunction() ? resultType(routine) : null;
        int resultBytes = result == null ? 0 : Emitter.stackSize(result);
        if (routine.isFormal()) {
            writer.withOperands("lda", levelDifference, routine.offset());
            writer.callIndirect(bytes, resultBytes);
        } else {
            writer.callUser(bytes, routine.entryLabel(), resultBytes);
        }
        return result == null ? null : Operand.value(result);
    }

    private static PascalType resultType(RoutineSymbol function) {
        return function.result() == null ? ErrorType.INSTANCE : Types.base(function.result());
    }

    private int valueArgument(VariableSymbol formal, PascalParser.ExpressionContext actual) {
        Operand value = context.expressions.expression(actual);
        PascalType type = formal.type();
        if (Emitter.isStructured(type)) {
            emitter.loadAddress(value);
        } else {
            emitter.load(value);
            emitter.checkBounds(type);
            if (Types.isReal(type) && Types.isInteger(value.type())) {
                writer.op("flt");
                value.setType(RealType.INSTANCE);
            }
        }
        if (!Types.compatible(type, value.type())) {
            context.error(actual, "argument of type " + value.type().describe() + " does not fit parameter '"
                    + formal.name() + "' of type " + type.describe());
        }
        return Emitter.isStructured(type) ? Target.PTR_SIZE : Emitter.stackSize(type);
    }

    private int variableArgument(VariableSymbol formal, PascalParser.ExpressionContext actual) {
        Optional<PascalParser.VariableAccessContext> access = ExpressionTranslator.asVariableAccess(actual);
        if (access.isEmpty()) {
            context.error(actual, "the argument for var parameter '" + formal.name() + "' must be a variable");
            context.expressions.value(actual);
            return Target.PTR_SIZE;
        }
        Operand variable = context.expressions.variableAccess(access.get(), false);
        context.expressions.noteAssignment(access.get());
        if (variable.isPackedComponent()) {
            context.error(actual, "a component of a packed variable cannot be a var argument");
        } else if (variable.isTagField()) {
            context.error(actual, "a variant tag field cannot be a var argument");
        }
        emitter.loadAddress(variable);
        if (variable.type() != formal.type() && !Types.isError(variable.type()) && !Types.isError(formal.type())) {
            context.error(actual, "the argument for var parameter '" + formal.name() + "' must be of type "
                    + formal.type().describe() + ", not " + variable.type().describe());
        }
        return Target.PTR_SIZE;
    }

    /** Passes a procedure or function as the descriptor of its entry and static link (6.6.3.4). */
    private int routineArgument(RoutineSymbol formal, PascalParser.ExpressionContext actual) {
        Optional<PascalParser.VariableAccessContext> access = ExpressionTranslator.asVariableAccess(actual);
        String expected = formal.isFunction() ? "function" : "procedure";
        if (access.isEmpty() || !access.get().selector().isEmpty()) {
            context.error(actual, "the argument for " + expected + " parameter '" + formal.name()
                    + "' must be a " + expected + " name");
            return 2 * Target.PTR_SIZE;
        }
        PascalParser.IdentifierContext id = access.get().identifier();
        Optional<Symbol> symbol = context.resolveSymbol(id, id.getText());
        if (symbol.isEmpty()) {
            return 2 * Target.PTR_SIZE;
        }
        if (symbol.get() instanceof StandardSymbol) {
            context.error(actual, "required procedures and functions cannot be passed as arguments");
        } else if (!(symbol.get() instanceof RoutineSymbol routine) || routine.isFunction() != formal.isFunction()) {
            context.error(actual, "'" + id.getText() + "' is not a " + expected);
        } else {
            if (formal.isFunction() && routine.result() != formal.result()) {
                context.error(actual, "the result type of '" + id.getText() + "' differs from that of parameter '"
                        + formal.name() + "'");
            } else if (!congruous(formal.parameters(), routine.parameters())) {
                context.error(actual, "the parameters of '" + id.getText() + "' differ from those of parameter '"
                        + formal.name() + "'");
            }
            int levelDifference = emitter.level() - routine.level();
            if (routine.isFormal()) {
                writer.withOperands("lip", levelDifference, routine.offset());
            } else {
                writer.loadProcedureAddress(levelDifference, routine.entryLabel());
            }
        }
        return 2 * Target.PTR_SIZE;
    }

    /** Congruity of two formal parameter lists (6.6.3.6). */
    private static boolean congruous(List<Symbol> a, List<Symbol> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Symbol other = b.get(i);
            boolean same = switch (a.get(i)) {
                case RoutineSymbol r when other instanceof RoutineSymbol s ->
                        r.isFunction() == s.isFunction() && r.result() == s.result()
                                && congruous(r.parameters(), s.parameters());
                case VariableSymbol v when other instanceof VariableSymbol w ->
                        v.variableKind() == w.variableKind() && v.type() == w.type();
                default -> false;
            };
            if (!same) {
                return false;
            }
        }
        return true;
    }
}
