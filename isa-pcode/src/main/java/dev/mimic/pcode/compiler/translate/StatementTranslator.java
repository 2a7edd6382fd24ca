package dev.mimic.pcode.compiler.translate;

import dev.mimic.pcode.compiler.PascalParser;
import dev.mimic.pcode.compiler.codegen.Emitter;
import dev.mimic.pcode.compiler.codegen.Operand;
import dev.mimic.pcode.compiler.codegen.PcodeWriter;
import dev.mimic.pcode.compiler.codegen.TypeCodes;
import dev.mimic.pcode.compiler.semantic.RoutineSymbol;
import dev.mimic.pcode.compiler.semantic.Scope;
import dev.mimic.pcode.compiler.semantic.StandardSymbol;
import dev.mimic.pcode.compiler.semantic.Symbol;
import dev.mimic.pcode.compiler.semantic.VariableSymbol;
import dev.mimic.pcode.compiler.semantic.WithRecord;
import dev.mimic.pcode.compiler.types.FileType;
import dev.mimic.pcode.compiler.types.IntegerType;
import dev.mimic.pcode.compiler.types.OrdinalType;
import dev.mimic.pcode.compiler.types.PascalType;
import dev.mimic.pcode.compiler.types.PointerType;
import dev.mimic.pcode.compiler.types.RealType;
import dev.mimic.pcode.compiler.types.RecordType;
import dev.mimic.pcode.compiler.types.Target;
import dev.mimic.pcode.compiler.types.Types;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Compiles statements (ISO 7185 6.8) into P5 control flow: conditional jumps on Boolean
 * values, case statements through a checked jump table, for loops over two frame cells that
 * hold the initial and final values, and gotos that leave a block by {@code ipj}.
 */
final class StatementTranslator {
    /** The widest span of case constants P5 builds a jump table for (pcom: cixmax). */
    private static final int MAX_CASE_SPAN = 10000;

    private final Context context;
    private final Emitter emitter;
    private final PcodeWriter writer;

    StatementTranslator(Context context) {
        this.context = context;
        this.emitter = context.emitter;
        this.writer = context.writer;
    }

    void sequence(PascalParser.StatementSequenceContext ctx) {
        for (PascalParser.StatementContext statement : ctx.statement()) {
            statement(statement);
        }
    }

    void statement(PascalParser.StatementContext ctx) {
        if (ctx.label() != null) {
            defineLabel(ctx.label());
        }
        PascalParser.UnlabelledStatementContext body = ctx.unlabelledStatement();
        if (!(body instanceof PascalParser.EmptyStatementContext || body instanceof PascalParser.CompoundContext)) {
            writer.markLine(Context.line(body));
        }
        switch (body) {
            case PascalParser.AssignmentStatementContext s -> assignment(s);
            case PascalParser.ProcedureStatementContext s -> procedureCall(s);
            case PascalParser.GotoStatementContext s -> gotoStatement(s);
            case PascalParser.CompoundContext s -> nested(() -> sequence(s.compoundStatement().statementSequence()));
            case PascalParser.IfStatementContext s -> ifStatement(s);
            case PascalParser.CaseStatementContext s -> caseStatement(s);
            case PascalParser.RepeatStatementContext s -> repeatStatement(s);
            case PascalParser.WhileStatementContext s -> whileStatement(s);
            case PascalParser.ForStatementContext s -> forStatement(s);
            case PascalParser.WithStatementContext s -> withStatement(s);
            case PascalParser.EmptyStatementContext s -> {
            }
            default -> throw new IllegalStateException("unknown statement " + body.getClass());
        }
        if (writer.depth() != 0 && !context.diagnostics.hasErrors()) {
            context.error(ctx, "internal compiler error: the expression stack is not empty after this statement");
        }
    }

    /** Compiles a statement nested one level deeper, for the label rules of 6.8.1. */
    private void nested(Runnable statement) {
        context.block.enterStatement();
        statement.run();
        context.block.leaveStatement();
    }

    private void nested(PascalParser.StatementContext statement) {
        nested(() -> statement(statement));
    }

    /** Places a code label and marks the source line again, as code after it may be jumped to. */
    private void place(int label, int line) {
        writer.label(label);
        writer.markLine(line);
    }

    // ---------------------------------------------------------------- simple statements

    private void assignment(PascalParser.AssignmentStatementContext ctx) {
        Operand target = context.expressions.variableAccess(ctx.variableAccess(), true);
        context.expressions.noteAssignment(ctx.variableAccess());
        PascalType type = target.type();
        if (type instanceof FileType) {
            context.error(ctx, "files cannot be assigned");
            return;
        }
        if (!target.isDirect() || Emitter.isStructured(type)) {
            emitter.loadAddress(target);
        }
        Operand value = context.expressions.value(ctx.expression());
        if (Types.isError(type) || Types.isError(value.type())) {
            return;
        }
        if (Types.isReal(type) && Types.isInteger(value.type())) {
            writer.op("flt");
            value.setType(RealType.INSTANCE);
        }
        if (!Types.compatible(type, value.type())) {
            context.error(ctx.expression(), "cannot assign " + value.type().describe() + " to " + type.describe());
            return;
        }
        if (Types.containsFile(value.type())) {
            context.error(ctx.expression(), "a value containing a file cannot be assigned");
            return;
        }
        if (Emitter.isStructured(type)) {
            writer.withOperand("mov", type.size());
            return;
        }
        if (type instanceof PointerType) {
            writer.typed("chk", 'a', 0, Target.MAX_INT);
        } else {
            emitter.checkBounds(type);
        }
        emitter.store(target);
    }

    private void procedureCall(PascalParser.ProcedureStatementContext ctx) {
        PascalParser.IdentifierContext id = ctx.identifier();
        Optional<Symbol> symbol = context.resolveSymbol(id, id.getText());
        if (symbol.isEmpty()) {
            return;
        }
        switch (symbol.get()) {
            case RoutineSymbol r when !r.isFunction() -> context.calls.call(r, id, ctx.actualParameterList());
            case StandardSymbol s -> context.standard.procedure(s, id, ctx.actualParameterList());
            case RoutineSymbol r -> context.error(id, "'" + id.getText() + "' is a function; its result must be used");
            default -> context.error(id, "'" + id.getText() + "' is not a procedure");
        }
    }

    // ---------------------------------------------------------------- labels and gotos

    private void defineLabel(PascalParser.LabelContext ctx) {
        long value = Long.parseLong(ctx.getText());
        GotoLabel label = context.block.labels.get(value);
        if (label == null) {
            context.error(ctx, "label " + value + " is not declared in this block");
            return;
        }
        if (label.defined) {
            context.error(ctx, "label " + value + " is defined twice");
            return;
        }
        Block block = context.block;
        label.defined = true;
        label.active = true;
        label.statementLevel = block.statementLevel;
        if (label.referencedFromInnerBlock && block.statementLevel > 1) {
            context.error(ctx, "label " + value + " is the target of a goto from a nested routine, so it must"
                    + " label a statement of the block's outermost statement sequence");
        } else if (label.shallowestGoto < block.statementLevel) {
            context.error(ctx, "a goto leads into the statement labelled " + value + " from outside it");
        }
        place(label.codeLabel, Context.line(ctx));
    }

    private void gotoStatement(PascalParser.GotoStatementContext ctx) {
        long value = Long.parseLong(ctx.label().getText());
        Block current = context.block;
        for (Block block = current; block != null; block = block.outer) {
            GotoLabel label = block.labels.get(value);
            if (label == null) {
                continue;
            }
            label.referenced = true;
            if (block == current) {
                if (label.defined && label.statementLevel > current.statementLevel) {
                    context.error(ctx, "goto " + value + " leads into a nested statement");
                } else if (label.defined && label.statementLevel > 1 && !label.active) {
                    context.error(ctx, "goto " + value + " leads into a statement it is not part of");
                }
                label.shallowestGoto = Math.min(label.shallowestGoto, current.statementLevel);
                writer.jump("ujp", label.codeLabel);
            } else {
                if (label.defined && label.statementLevel > 1) {
                    context.error(ctx, "goto " + value + " leads from a nested routine into a nested statement");
                }
                label.referencedFromInnerBlock = true;
                writer.interproceduralJump(current.level - block.level, label.codeLabel);
            }
            return;
        }
        context.error(ctx.label(), "label " + value + " is not declared");
    }

    // ---------------------------------------------------------------- conditional statements

    private void condition(PascalParser.ExpressionContext ctx, int falseLabel) {
        Operand condition = context.expressions.expression(ctx);
        emitter.load(condition);
        if (!Types.isBoolean(condition.type()) && !Types.isError(condition.type())) {
            context.error(ctx, "the condition must be Boolean, not " + condition.type().describe());
        }
        writer.jump("fjp", falseLabel);
    }

    private void ifStatement(PascalParser.IfStatementContext ctx) {
        int elseLabel = writer.newLabel();
        condition(ctx.expression(), elseLabel);
        nested(ctx.statement(0));
        if (ctx.ELSE() == null) {
            place(elseLabel, Context.line(ctx.statement(0)));
            return;
        }
        int endLabel = writer.newLabel();
        writer.jump("ujp", endLabel);
        place(elseLabel, Context.line(ctx.statement(1)));
        nested(ctx.statement(1));
        place(endLabel, Context.line(ctx.statement(1)));
    }

    /**
     * A case statement (6.8.3.5): the selector is evaluated, the code jumps to a table after
     * the branches, which checks the selector against the constants' span ({@code chk}) and
     * indexes a row of jumps; a value between the constants that no branch names hits
     * {@code ujc}, pint's "case - error".
     */
    private void caseStatement(PascalParser.CaseStatementContext ctx) {
        Operand selector = context.expressions.expression(ctx.expression());
        emitter.load(selector);
        PascalType type = selector.type();
        boolean ordinal = type instanceof OrdinalType;
        if (!ordinal && !Types.isError(type)) {
            context.error(ctx.expression(), "a case selector must be ordinal");
        }
        if (ordinal && !(type instanceof IntegerType)) {
            writer.typed("ord", TypeCodes.of(type));
        }
        int tableLabel = writer.newLabel();
        int endLabel = writer.newLabel();
        writer.jump("ujp", tableLabel);
        writer.adjust(-Target.STACK_ELEMENT);
        TreeMap<Long, Integer> targets = new TreeMap<>();
        for (PascalParser.CaseElementContext element : ctx.caseElement()) {
            int branch = writer.newLabel();
            for (PascalParser.ConstantContext constant : element.constant()) {
                ConstantTranslator.Typed value = context.constants.constant(constant);
                if (!ordinal || Types.isError(value.type())) {
                    continue;
                }
                if (!Types.compatible(type, value.type())) {
                    context.error(constant, "case constant of type " + value.type().describe()
                            + " does not fit a " + type.describe() + " selector");
                } else if (targets.putIfAbsent(value.ordinal(), branch) != null) {
                    context.error(constant, "case constant " + constant.getText() + " appears twice");
                }
            }
            place(branch, Context.line(element.statement()));
            nested(element.statement());
            writer.jump("ujp", endLabel);
        }
        writer.label(tableLabel);
        writer.adjust(Target.STACK_ELEMENT);
        if (!targets.isEmpty()) {
            long min = targets.firstKey();
            long max = targets.lastKey();
            if (max - min >= MAX_CASE_SPAN) {
                context.error(ctx, "the case constants span more than " + MAX_CASE_SPAN + " values");
                return;
            }
            writer.typed("chk", 'i', (int) min, (int) max);
            writer.loadInteger(min);
            writer.op("sbi");
            int jumps = writer.newLabel();
            writer.jump("xjp", jumps);
            writer.label(jumps);
            for (long v = min; v <= max; v++) {
                Integer target = targets.get(v);
                if (target == null) {
                    writer.caseError();
                } else {
                    writer.jump("ujp", target);
                }
            }
        } else {
            writer.withOperand("dmp", Target.STACK_ELEMENT);
        }
        place(endLabel, ctx.END().getSymbol().getLine());
    }

    // ---------------------------------------------------------------- loops

    private void repeatStatement(PascalParser.RepeatStatementContext ctx) {
        int top = writer.newLabel();
        place(top, Context.line(ctx));
        nested(() -> {
            sequence(ctx.statementSequence());
            writer.markLine(ctx.UNTIL().getSymbol().getLine());
            condition(ctx.expression(), top);
        });
    }

    private void whileStatement(PascalParser.WhileStatementContext ctx) {
        int top = writer.newLabel();
        int exit = writer.newLabel();
        place(top, Context.line(ctx));
        condition(ctx.expression(), exit);
        nested(ctx.statement());
        writer.jump("ujp", top);
        place(exit, Context.line(ctx.statement()));
    }

    /**
     * A for statement (6.8.3.9) as pcom compiles it: the initial and final values go to two
     * frame cells, the control variable is assigned and tested before each pass, and tested
     * against the final value before it is stepped, so it never steps past its type's range.
     * The control variable is undefined afterwards ({@code inv}).
     */
    private void forStatement(PascalParser.ForStatementContext ctx) {
        Block block = context.block;
        int savedOffset = block.nextOffset;
        VariableSymbol control = controlVariable(ctx.identifier());
        PascalType type = control == null ? null : control.type();
        int start = block.allocate(Target.INT_SIZE, Target.INT_ALIGN);
        int limit = block.allocate(Target.INT_SIZE, Target.INT_ALIGN);
        forBound(ctx.expression(0), type, start);
        forBound(ctx.expression(1), type, limit);
        boolean up = ctx.TO() != null;
        int top = writer.newLabel();
        int exit = writer.newLabel();
        char code = type == null ? 'i' : Types.isBoolean(type) ? 'b' : Types.isChar(type) ? 'c' : 'i';
        Operand variable = control == null ? null : Operand.direct(type, control.level(), control.offset());
        if (variable != null) {
            writer.typed("lod", 'i', 0, start);
            emitter.checkBounds(type);
            emitter.store(variable);
        }
        place(top, Context.line(ctx));
        loadControl(control);
        writer.typed("lod", 'i', 0, limit);
        writer.compare(up ? "leq" : "geq", code, 1);
        writer.jump("fjp", exit);
        if (control != null) {
            control.enterLoop();
        }
        nested(ctx.statement());
        if (control != null) {
            control.leaveLoop();
            loadControl(control);
            writer.typed("lod", 'i', 0, limit);
            writer.compare("equ", code, 1);
            writer.jump("tjp", exit);
            Operand current = Operand.direct(type, control.level(), control.offset());
            emitter.load(current);
            writer.typed(up ? "inc" : "dec", TypeCodes.of(current.type()), 1);
            emitter.checkBounds(type);
            emitter.store(variable);
            writer.jump("ujp", top);
        }
        place(exit, Context.line(ctx.statement()));
        if (variable != null) {
            emitter.loadAddress(Operand.direct(type, control.level(), control.offset()));
            writer.op("inv");
        }
        block.nextOffset = savedOffset;
    }

    /** The control variable: an ordinal variable of this very block, not threatened (6.8.3.9). */
    private VariableSymbol controlVariable(PascalParser.IdentifierContext id) {
        Optional<Scope.Binding> binding = context.resolve(id, id.getText());
        if (binding.isEmpty()) {
            return null;
        }
        if (!(binding.get() instanceof Scope.Declared d) || !(d.symbol() instanceof VariableSymbol v)
                || v.variableKind() != VariableSymbol.Kind.LOCAL || v.level() != context.block.level) {
            context.error(id, "the for control variable '" + id.getText()
                    + "' must be a variable declared in this block");
            return null;
        }
        if (!(v.type() instanceof OrdinalType)) {
            if (!Types.isError(v.type())) {
                context.error(id, "the for control variable '" + id.getText() + "' must be ordinal");
            }
            return null;
        }
        if (v.isThreatened() || v.isControllingLoop()) {
            context.error(id, "the for control variable '" + id.getText()
                    + "' is assigned elsewhere (a nested routine or an enclosing loop)");
        }
        return v;
    }

    private void forBound(PascalParser.ExpressionContext ctx, PascalType type, int cell) {
        Operand bound = context.expressions.expression(ctx);
        emitter.load(bound);
        if (type != null && !Types.compatible(type, bound.type())) {
            context.error(ctx, "a for bound of type " + bound.type().describe() + " does not fit the control variable");
        }
        writer.typed("str", 'i', 0, cell);
    }

    private void loadControl(VariableSymbol control) {
        if (control == null) {
            writer.loadInteger(0);
            return;
        }
        Operand value = Operand.direct(control.type(), control.level(), control.offset());
        emitter.load(value);
        if (!(value.type() instanceof IntegerType)) {
            writer.typed("ord", TypeCodes.of(value.type()));
        }
    }

    // ---------------------------------------------------------------- with

    /**
     * A with statement (6.8.3.10): a whole record variable is reached at its own place; any
     * other record variable's address is computed once and kept in a frame cell.
     */
    private void withStatement(PascalParser.WithStatementContext ctx) {
        Block block = context.block;
        int savedOffset = block.nextOffset;
        Scope savedScope = context.scope;
        for (PascalParser.VariableAccessContext access : ctx.variableAccess()) {
            Operand record = context.expressions.variableAccess(access, false);
            if (!(record.type() instanceof RecordType type)) {
                if (!Types.isError(record.type())) {
                    context.error(access, "a with statement needs a record variable");
                }
                continue;
            }
            boolean packed = record.isPacked();
            WithRecord with;
            if (record.isDirect()) {
                with = new WithRecord(type, true, record.level(), record.offset(), packed);
            } else {
                emitter.loadAddress(record);
                int cell = block.allocate(Target.PTR_SIZE, Target.ADR_ALIGN);
                writer.typed("str", 'a', 0, cell);
                with = new WithRecord(type, false, block.level, cell, packed);
            }
            context.scope = context.scope.with(with);
        }
        nested(ctx.statement());
        context.scope = savedScope;
        block.nextOffset = savedOffset;
    }
}
