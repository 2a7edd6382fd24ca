package dev.mimic.pcode.compiler.translate;

import dev.mimic.pcode.compiler.PascalParser;
import dev.mimic.pcode.compiler.codegen.Emitter;
import dev.mimic.pcode.compiler.codegen.Operand;
import dev.mimic.pcode.compiler.codegen.PcodeWriter;
import dev.mimic.pcode.compiler.codegen.TypeCodes;
import dev.mimic.pcode.compiler.semantic.Constant;
import dev.mimic.pcode.compiler.semantic.ConstantSymbol;
import dev.mimic.pcode.compiler.semantic.RoutineSymbol;
import dev.mimic.pcode.compiler.semantic.Scope;
import dev.mimic.pcode.compiler.semantic.StandardSymbol;
import dev.mimic.pcode.compiler.semantic.Symbol;
import dev.mimic.pcode.compiler.semantic.VariableSymbol;
import dev.mimic.pcode.compiler.semantic.WithRecord;
import dev.mimic.pcode.compiler.types.ArrayType;
import dev.mimic.pcode.compiler.types.BooleanType;
import dev.mimic.pcode.compiler.types.CharType;
import dev.mimic.pcode.compiler.types.ErrorType;
import dev.mimic.pcode.compiler.types.FileType;
import dev.mimic.pcode.compiler.types.IntegerType;
import dev.mimic.pcode.compiler.types.OrdinalType;
import dev.mimic.pcode.compiler.types.PascalType;
import dev.mimic.pcode.compiler.types.PointerType;
import dev.mimic.pcode.compiler.types.RealType;
import dev.mimic.pcode.compiler.types.RecordType;
import dev.mimic.pcode.compiler.types.SetType;
import dev.mimic.pcode.compiler.types.Target;
import dev.mimic.pcode.compiler.types.Types;
import java.util.BitSet;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * Compiles expressions and variable accesses (ISO 7185 6.5, 6.7) the way pcom does: operands
 * stay unloaded until an operator needs them, integers are floated where a real is expected
 * ({@code flt} for the top of the stack, {@code flo} for the operand under it), constant set
 * members are folded into one {@code ldcs}, and every index and pointer dereference is checked.
 */
final class ExpressionTranslator {
    private final Context context;
    private final Emitter emitter;
    private final PcodeWriter writer;

    ExpressionTranslator(Context context) {
        this.context = context;
        this.emitter = context.emitter;
        this.writer = context.writer;
    }

    /** Compiles an expression; a constant or variable result is left unloaded. */
    Operand expression(PascalParser.ExpressionContext ctx) {
        Operand left = simpleExpression(ctx.simpleExpression(0));
        if (ctx.relationalOperator() == null) {
            return left;
        }
        PascalParser.RelationalOperatorContext op = ctx.relationalOperator();
        emitter.loadValueOrAddress(left);
        if (op.IN() != null) {
            ordinalToInteger(left, ctx.simpleExpression(0));
        }
        Operand right = simpleExpression(ctx.simpleExpression(1));
        emitter.loadValueOrAddress(right);
        Operand result = Operand.value(BooleanType.INSTANCE);
        if (Types.isError(left.type()) || Types.isError(right.type())) {
            return result;
        }
        if (op.IN() != null) {
            membership(left, right, ctx);
        } else {
            comparison(op, left, right, ctx);
        }
        return result;
    }

    /** Compiles an expression and leaves its value (or a structured value's address) on the stack. */
    Operand value(PascalParser.ExpressionContext ctx) {
        Operand operand = expression(ctx);
        emitter.loadValueOrAddress(operand);
        return operand;
    }

    private void membership(Operand left, Operand right, ParserRuleContext at) {
        if (!(right.type() instanceof SetType set)) {
            context.error(at, "the right operand of 'in' must be a set");
        } else if (set.base() != null && !Types.compatible(left.type(), set.base())) {
            context.error(at, "a " + left.type().describe() + " value cannot be a member of " + set.describe());
        } else {
            writer.op("inn");
        }
    }

    private void comparison(PascalParser.RelationalOperatorContext op, Operand left, Operand right,
            ParserRuleContext at) {
        PascalType l = left.type();
        PascalType r = right.type();
        if (Types.isInteger(l) && Types.isReal(r)) {
            writer.op("flo");
            l = RealType.INSTANCE;
        } else if (Types.isReal(l) && Types.isInteger(r)) {
            writer.op("flt");
            r = RealType.INSTANCE;
        }
        if (!Types.compatible(l, r)) {
            context.error(at, "cannot compare " + l.describe() + " with " + r.describe());
            return;
        }
        boolean ordering = op.LT() != null || op.GT() != null || op.LE() != null || op.GE() != null;
        PascalType type = Types.base(l);
        char code;
        switch (type) {
            case RealType t -> code = 'r';
            case BooleanType t -> code = 'b';
            case CharType t -> code = 'c';
            case OrdinalType t -> code = 'i';
            case PointerType t -> {
                if (ordering) {
                    context.error(at, "pointers can only be compared with = and <>");
                }
                code = 'a';
            }
            case SetType t -> {
                if (op.LT() != null || op.GT() != null) {
                    context.error(at, "sets cannot be compared with < or >");
                }
                code = 's';
            }
            case ArrayType t when Types.isString(t) -> code = 'm';
            default -> {
                context.error(at, "values of type " + type.describe() + " cannot be compared");
                return;
            }
        }
        String mnemonic = op.EQUAL() != null ? "equ" : op.NOT_EQUAL() != null ? "neq"
                : op.LT() != null ? "les" : op.LE() != null ? "leq" : op.GT() != null ? "grt" : "geq";
        writer.compare(mnemonic, code, type.size());
    }

    private Operand simpleExpression(PascalParser.SimpleExpressionContext ctx) {
        Operand left = term(ctx.term(0));
        if (ctx.sign() != null) {
            boolean numeric = Types.isInteger(left.type()) || Types.isReal(left.type());
            if (!numeric && !Types.isError(left.type())) {
                context.error(ctx, "a sign needs an integer or real operand");
                left = Operand.error();
            } else if (ctx.sign().MINUS() != null) {
                emitter.load(left);
                writer.op(Types.isReal(left.type()) ? "ngr" : "ngi");
            }
        }
        for (int i = 0; i < ctx.addingOperator().size(); i++) {
            emitter.load(left);
            Operand right = term(ctx.term(i + 1));
            emitter.load(right);
            PascalParser.AddingOperatorContext op = ctx.addingOperator(i);
            if (op.OR() != null) {
                left = logical("ior", left, right, op);
            } else {
                left = arithmetic(op.PLUS() != null ? "adi" : "sbi", op.PLUS() != null ? "adr" : "sbr",
                        op.PLUS() != null ? "uni" : "dif", left, right, op);
            }
        }
        return left;
    }

    private Operand term(PascalParser.TermContext ctx) {
        Operand left = factor(ctx.factor(0));
        for (int i = 0; i < ctx.multiplyingOperator().size(); i++) {
            emitter.load(left);
            Operand right = factor(ctx.factor(i + 1));
            emitter.load(right);
            PascalParser.MultiplyingOperatorContext op = ctx.multiplyingOperator(i);
            if (op.STAR() != null) {
                left = arithmetic("mpi", "mpr", "int", left, right, op);
            } else if (op.SLASH() != null) {
                left = realDivision(left, right, op);
            } else if (op.AND() != null) {
                left = logical("and", left, right, op);
            } else {
                left = integerOnly(op.DIV() != null ? "dvi" : "mod", left, right, op);
            }
        }
        return left;
    }

    /** +, - and * on integers, reals (floating an integer operand) or sets. */
    private Operand arithmetic(String integerOp, String realOp, String setOp, Operand left, Operand right,
            ParserRuleContext op) {
        PascalType l = left.type();
        PascalType r = right.type();
        if (Types.isError(l) || Types.isError(r)) {
            return Operand.error();
        }
        if (Types.isInteger(l) && Types.isInteger(r)) {
            writer.op(integerOp);
            return Operand.value(IntegerType.INSTANCE);
        }
        if (Types.isInteger(l) && Types.isReal(r)) {
            writer.op("flo");
            l = RealType.INSTANCE;
        } else if (Types.isReal(l) && Types.isInteger(r)) {
            writer.op("flt");
            r = RealType.INSTANCE;
        }
        if (Types.isReal(l) && Types.isReal(r)) {
            writer.op(realOp);
            return Operand.value(RealType.INSTANCE);
        }
        if (l instanceof SetType s && r instanceof SetType t && Types.compatible(s, t)) {
            writer.op(setOp);
            return Operand.value(s.isConstructed() ? t : s);
        }
        context.error(op, "operator '" + op.getText() + "' cannot combine " + l.describe() + " and " + r.describe());
        return Operand.error();
    }

    private Operand realDivision(Operand left, Operand right, ParserRuleContext op) {
        PascalType l = left.type();
        PascalType r = right.type();
        if (Types.isError(l) || Types.isError(r)) {
            return Operand.error();
        }
        if (Types.isInteger(r)) {
            writer.op("flt");
            r = RealType.INSTANCE;
        }
        if (Types.isInteger(l)) {
            writer.op("flo");
            l = RealType.INSTANCE;
        }
        if (!Types.isReal(l) || !Types.isReal(r)) {
            context.error(op, "operator '/' needs integer or real operands");
            return Operand.error();
        }
        writer.op("dvr");
        return Operand.value(RealType.INSTANCE);
    }

    private Operand integerOnly(String mnemonic, Operand left, Operand right, ParserRuleContext op) {
        if (Types.isError(left.type()) || Types.isError(right.type())) {
            return Operand.error();
        }
        if (!Types.isInteger(left.type()) || !Types.isInteger(right.type())) {
            context.error(op, "operator '" + op.getText().toLowerCase() + "' needs integer operands");
            return Operand.error();
        }
        writer.op(mnemonic);
        return Operand.value(IntegerType.INSTANCE);
    }

    private Operand logical(String mnemonic, Operand left, Operand right, ParserRuleContext op) {
        if (Types.isError(left.type()) || Types.isError(right.type())) {
            return Operand.error();
        }
        if (!Types.isBoolean(left.type()) || !Types.isBoolean(right.type())) {
            context.error(op, "operator '" + op.getText().toLowerCase() + "' needs Boolean operands");
            return Operand.error();
        }
        writer.op(mnemonic);
        return Operand.value(BooleanType.INSTANCE);
    }

    // ---------------------------------------------------------------- factors

    private Operand factor(PascalParser.FactorContext ctx) {
        return switch (ctx) {
            case PascalParser.FunctionCallFactorContext f -> functionCall(f.identifier(), f.actualParameterList());
            case PascalParser.AccessFactorContext a -> access(a.variableAccess());
            case PascalParser.NumberFactorContext n -> constant(context.constants.number(n.unsignedNumber()));
            case PascalParser.StringFactorContext s -> constant(context.constants.string(s.STRING().getSymbol(), s));
            case PascalParser.NilFactorContext n -> Operand.constant(PointerType.NIL, new Constant.Ordinal(Target.NIL_VALUE));
            case PascalParser.SetFactorContext s -> setConstructor(s);
            case PascalParser.ParenthesizedFactorContext p -> expression(p.expression());
            case PascalParser.NotFactorContext n -> negation(n);
            default -> throw new IllegalStateException("unknown factor " + ctx.getClass());
        };
    }

    private static Operand constant(ConstantTranslator.Typed typed) {
        return Operand.constant(typed.type(), typed.value());
    }

    private Operand negation(PascalParser.NotFactorContext ctx) {
        Operand operand = factor(ctx.factor());
        emitter.load(operand);
        if (Types.isError(operand.type())) {
            return operand;
        }
        if (!Types.isBoolean(operand.type())) {
            context.error(ctx, "'not' needs a Boolean operand");
            return Operand.error();
        }
        writer.op("not");
        return Operand.value(BooleanType.INSTANCE);
    }

    /** A call with arguments in an expression: a function. */
    private Operand functionCall(PascalParser.IdentifierContext id, PascalParser.ActualParameterListContext args) {
        Optional<Symbol> symbol = context.resolveSymbol(id, id.getText());
        if (symbol.isEmpty()) {
            return Operand.error();
        }
        return switch (symbol.get()) {
            case RoutineSymbol r when r.isFunction() -> context.calls.call(r, id, args);
            case StandardSymbol s when s.routine().isFunction() -> context.standard.function(s, id, args);
            default -> {
                context.error(id, "'" + id.getText() + "' is not a function");
                yield Operand.error();
            }
        };
    }

    /** An identifier with selectors in an expression: a constant, a function call or a variable. */
    private Operand access(PascalParser.VariableAccessContext ctx) {
        PascalParser.IdentifierContext id = ctx.identifier();
        if (ctx.selector().isEmpty()) {
            Optional<Scope.Binding> binding = context.scope.lookup(id.getText());
            if (binding.isPresent() && binding.get() instanceof Scope.Declared d) {
                switch (d.symbol()) {
                    case ConstantSymbol c -> {
                        return Operand.constant(c.type(), c.value());
                    }
                    case RoutineSymbol r when r.isFunction() -> {
                        return context.calls.call(r, id, null);
                    }
                    case StandardSymbol s when s.routine().isFunction() -> {
                        return context.standard.function(s, id, null);
                    }
                    default -> {
                    }
                }
            }
        }
        return variableAccess(ctx, false);
    }

    // ---------------------------------------------------------------- variable accesses

    /**
     * Compiles a variable access (6.5) and leaves it unloaded. An assignment target may also
     * be the name of a function whose block encloses the statement: its result cell.
     */
    Operand variableAccess(PascalParser.VariableAccessContext ctx, boolean assignmentTarget) {
        PascalParser.IdentifierContext id = ctx.identifier();
        Optional<Scope.Binding> binding = context.resolve(id, id.getText());
        if (binding.isEmpty()) {
            return Operand.error();
        }
        Operand operand = switch (binding.get()) {
            case Scope.WithField f -> withField(f.record(), f.field());
            case Scope.Declared d when d.symbol() instanceof VariableSymbol v -> variable(v);
            case Scope.Declared d when assignmentTarget && d.symbol() instanceof RoutineSymbol r
                    && r.isFunction() && !r.isFormal() -> functionResult(r, id);
            case Scope.Declared d -> {
                context.error(id, "'" + id.getText() + "' is not a variable");
                yield Operand.error();
            }
        };
        for (PascalParser.SelectorContext selector : ctx.selector()) {
            if (Types.isError(operand.type())) {
                return operand;
            }
            operand = switch (selector) {
                case PascalParser.IndexSelectorContext index -> index(operand, index);
                case PascalParser.FieldSelectorContext field -> field(operand, field);
                case PascalParser.PointerSelectorContext pointer -> dereference(operand, pointer);
                default -> throw new IllegalStateException("unknown selector");
            };
        }
        return operand;
    }

    /**
     * Notes an assignment to the variable an access starts from: a for statement's control
     * variable may not be assigned in the loop, and one assigned by a nested routine may not
     * control a loop at all (6.8.3.9).
     */
    void noteAssignment(PascalParser.VariableAccessContext ctx) {
        Optional<Scope.Binding> binding = context.scope.lookup(ctx.identifier().getText());
        if (binding.isPresent() && binding.get() instanceof Scope.Declared d && d.symbol() instanceof VariableSymbol v) {
            if (v.level() < context.block.level) {
                v.threaten();
            }
            if (v.isControllingLoop() && ctx.selector().isEmpty()) {
                context.error(ctx, "the for control variable '" + v.name() + "' must not be assigned in the loop");
            }
        }
    }

    private Operand variable(VariableSymbol v) {
        if (v.variableKind() == VariableSymbol.Kind.VARIABLE_PARAMETER) {
            writer.typed("lod", 'a', emitter.level() - v.level(), v.offset());
            return Operand.indirect(v.type(), 0).whole();
        }
        return Operand.direct(v.type(), v.level(), v.offset()).whole();
    }

    private Operand withField(WithRecord record, RecordType.Field field) {
        Operand operand;
        if (record.direct()) {
            operand = Operand.direct(field.type(), record.level(), record.offset() + field.offset());
        } else {
            writer.typed("lod", 'a', emitter.level() - record.level(), record.offset());
            operand = Operand.indirect(field.type(), field.offset());
        }
        operand.componentOf(record.packed());
        operand.setTagField(field.tag());
        return operand;
    }

    private Operand functionResult(RoutineSymbol function, PascalParser.IdentifierContext id) {
        boolean inside = false;
        for (Block b = context.block; b != null; b = b.outer) {
            inside |= b.owner == function;
        }
        if (!inside) {
            context.error(id, "the result of '" + id.getText() + "' can only be assigned inside its block");
            return Operand.error();
        }
        function.markResultAssigned();
        PascalType result = function.result() == null ? ErrorType.INSTANCE : function.result();
        int offset = Target.MARK_FUNCTION_VALUE
                + (Types.base(result).size() < Target.MAX_RESULT ? Target.MAX_RESULT / 2 : 0);
        return Operand.direct(result, function.level() + 1, offset).whole();
    }

    private Operand index(Operand array, PascalParser.IndexSelectorContext ctx) {
        Operand operand = array;
        for (PascalParser.ExpressionContext expression : ctx.expression()) {
            if (!(operand.type() instanceof ArrayType type)) {
                if (!Types.isError(operand.type())) {
                    context.error(expression, "indexed variable is not an array");
                }
                return Operand.error();
            }
            boolean outerPacked = operand.isPacked();
            emitter.loadAddress(operand);
            Operand index = expression(expression);
            emitter.load(index);
            if (!(index.type() instanceof OrdinalType)) {
                if (!Types.isError(index.type())) {
                    context.error(expression, "an array index must be ordinal");
                }
            } else if (!Types.compatible(type.index(), index.type())) {
                context.error(expression, "index of type " + index.type().describe() + " does not fit "
                        + type.index().describe());
            } else {
                ordinalToInteger(index, expression);
                long min = type.index().min();
                writer.typed("chk", 'i', (int) min, (int) type.index().max());
                if (min > 0) {
                    writer.typed("dec", 'i', (int) min);
                } else if (min < 0) {
                    writer.typed("inc", 'i', (int) -min);
                }
            }
            writer.withOperand("ixa", type.element().size());
            operand = Operand.indirect(type.element(), 0);
            operand.componentOf(outerPacked);
        }
        return operand;
    }

    private Operand field(Operand record, PascalParser.FieldSelectorContext ctx) {
        if (!(record.type() instanceof RecordType type) || !record.isVariable()) {
            context.error(ctx, "selected variable is not a record");
            return Operand.error();
        }
        String name = ctx.identifier().getText();
        Optional<RecordType.Field> field = type.field(name);
        if (field.isEmpty()) {
            context.error(ctx.identifier(), "no field '" + name + "' in this record");
            return Operand.error();
        }
        boolean outerPacked = record.isPacked();
        record.displace(field.get().offset());
        record.setType(field.get().type());
        record.componentOf(outerPacked);
        record.setTagField(field.get().tag());
        return record;
    }

    private Operand dereference(Operand operand, PascalParser.PointerSelectorContext ctx) {
        switch (operand.type()) {
            case PointerType p -> {
                emitter.load(operand);
                writer.typed("chk", 'a', 1, Target.MAX_INT);
                PascalType domain = p.domain() == null ? ErrorType.INSTANCE : p.domain();
                return Operand.indirect(domain, 0).whole();
            }
            case FileType f -> {
                emitter.loadAddress(operand);
                if (f.isText()) {
                    writer.callStandard("fbv");
                } else {
                    writer.loadInteger(f.component().size());
                    writer.callStandard("fvb");
                }
                writer.typed("inc", 'a', Target.FILE_ID_SIZE);
                return Operand.indirect(f.component(), 0).whole();
            }
            default -> {
                context.error(ctx, "only pointers and files can be dereferenced with '^'");
                return Operand.error();
            }
        }
    }

    /** Converts a loaded ordinal to its ordinal number, where its type is not integer already. */
    void ordinalToInteger(Operand loaded, ParserRuleContext at) {
        if (loaded.type() instanceof OrdinalType o && !(o instanceof IntegerType)) {
            writer.typed("ord", TypeCodes.of(o));
        } else if (!(loaded.type() instanceof OrdinalType) && !Types.isError(loaded.type())) {
            context.error(at, "an ordinal value is required here");
        }
    }

    // ---------------------------------------------------------------- set constructors

    /**
     * A set constructor (6.7.1): constant members are gathered into one constant set, the
     * others built with {@code sgs}/{@code rgs} and joined with {@code uni}.
     */
    private Operand setConstructor(PascalParser.SetFactorContext ctx) {
        BitSet constants = new BitSet();
        boolean variablePart = false;
        OrdinalType elementType = null;
        for (PascalParser.MemberDesignatorContext member : ctx.memberDesignator()) {
            boolean range = member.DOTDOT() != null;
            Operand low = expression(member.expression(0));
            if (!checkMember(low, elementType, member.expression(0))) {
                continue;
            }
            OrdinalType memberType = (OrdinalType) Types.base(low.type());
            boolean constant = low.isConstant() && (!range || isConstantFactor(member.expression(1)));
            if (constant) {
                long from = ((Constant.Ordinal) low.constant()).value();
                long to = from;
                if (range) {
                    Operand high = expression(member.expression(1));
                    if (!checkMember(high, memberType, member.expression(1))) {
                        continue;
                    }
                    to = ((Constant.Ordinal) high.constant()).value();
                }
                if (from < Target.SET_LOW || to > Target.SET_HIGH) {
                    context.error(member, "set member out of range " + Target.SET_LOW + ".." + Target.SET_HIGH);
                    continue;
                }
                if (from <= to) {
                    constants.set((int) from, (int) to + 1);
                }
            } else {
                emitter.load(low);
                ordinalToInteger(low, member);
                if (range) {
                    Operand high = expression(member.expression(1));
                    emitter.load(high);
                    if (!checkMember(high, memberType, member.expression(1))) {
                        continue;
                    }
                    ordinalToInteger(high, member);
                    writer.op("rgs");
                } else {
                    writer.op("sgs");
                }
                if (variablePart) {
                    writer.op("uni");
                }
                variablePart = true;
            }
            elementType = memberType;
        }
        SetType type = SetType.constructed(elementType);
        if (!variablePart) {
            return Operand.constant(type, new Constant.SetValue(constants));
        }
        if (!constants.isEmpty()) {
            writer.loadSet(constants);
            writer.op("uni");
        }
        return Operand.value(type);
    }

    private boolean checkMember(Operand member, OrdinalType elementType, ParserRuleContext at) {
        if (Types.isError(member.type())) {
            return false;
        }
        if (!(member.type() instanceof OrdinalType)) {
            context.error(at, "a set member must be ordinal");
            return false;
        }
        if (elementType != null && !Types.compatible(elementType, member.type())) {
            context.error(at, "set members of types " + elementType.describe() + " and "
                    + member.type().describe() + " cannot be mixed");
            return false;
        }
        return true;
    }

    /**
     * Whether an expression is a single constant factor (a literal or constant identifier),
     * which compiles to no code until it is loaded.
     */
    boolean isConstantFactor(PascalParser.ExpressionContext ctx) {
        if (ctx.relationalOperator() != null || ctx.simpleExpression(0).sign() != null
                || ctx.simpleExpression(0).term().size() != 1
                || ctx.simpleExpression(0).term(0).factor().size() != 1) {
            return false;
        }
        return switch (ctx.simpleExpression(0).term(0).factor(0)) {
            case PascalParser.NumberFactorContext n -> true;
            case PascalParser.StringFactorContext s -> true;
            case PascalParser.AccessFactorContext a -> a.variableAccess().selector().isEmpty()
                    && context.scope.lookup(a.variableAccess().identifier().getText())
                            .filter(b -> b instanceof Scope.Declared d && d.symbol() instanceof ConstantSymbol)
                            .isPresent();
            default -> false;
        };
    }

    /**
     * The variable access an argument consists of, if it is nothing but one (a var argument,
     * or the file of read and write).
     */
    static Optional<PascalParser.VariableAccessContext> asVariableAccess(PascalParser.ExpressionContext ctx) {
        if (ctx.relationalOperator() != null || ctx.simpleExpression(0).sign() != null
                || ctx.simpleExpression(0).term().size() != 1
                || ctx.simpleExpression(0).term(0).factor().size() != 1
                || !(ctx.simpleExpression(0).term(0).factor(0) instanceof PascalParser.AccessFactorContext a)) {
            return Optional.empty();
        }
        return Optional.of(a.variableAccess());
    }
}
