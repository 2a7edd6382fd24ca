package dev.mimic.pcode.compiler.translate;

import dev.mimic.pcode.compiler.PascalParser;
import dev.mimic.pcode.compiler.codegen.Emitter;
import dev.mimic.pcode.compiler.semantic.ConstantSymbol;
import dev.mimic.pcode.compiler.semantic.RoutineSymbol;
import dev.mimic.pcode.compiler.semantic.Scope;
import dev.mimic.pcode.compiler.semantic.Symbol;
import dev.mimic.pcode.compiler.semantic.TypeSymbol;
import dev.mimic.pcode.compiler.semantic.VariableSymbol;
import dev.mimic.pcode.compiler.types.EnumType;
import dev.mimic.pcode.compiler.types.ErrorType;
import dev.mimic.pcode.compiler.types.OrdinalType;
import dev.mimic.pcode.compiler.types.PascalType;
import dev.mimic.pcode.compiler.types.PointerType;
import dev.mimic.pcode.compiler.types.RealType;
import dev.mimic.pcode.compiler.types.Target;
import dev.mimic.pcode.compiler.types.Types;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * Compiles the declaration parts of a block (ISO 7185 6.2.1): labels, constants, types,
 * variables and routines. Storage is placed as pcom places it: globals upwards from the four
 * predeclared files, locals downwards below the mark stack, the identifiers of one declaration
 * from the last to the first, parameters in order below the mark with copies of structured
 * value parameters below them.
 */
final class DeclarationTranslator {
    private final Context context;

    DeclarationTranslator(Context context) {
        this.context = context;
    }

    void labels(PascalParser.LabelDeclarationPartContext ctx) {
        for (PascalParser.LabelContext label : ctx.label()) {
            long value = Long.parseLong(label.getText());
            if (value > 9999) {
                context.error(label, "label " + value + " exceeds 9999");
            } else if (context.block.labels.containsKey(value)) {
                context.error(label, "label " + value + " is declared twice");
            } else {
                context.block.labels.put(value,
                        new GotoLabel(value, context.writer.newLabel(), context.block.level, label.getStart()));
            }
        }
    }

    void constants(PascalParser.ConstantDefinitionPartContext ctx) {
        for (PascalParser.ConstantDefinitionContext definition : ctx.constantDefinition()) {
            ConstantTranslator.Typed value = context.constants.constant(definition.constant());
            context.declare(definition.identifier(),
                    new ConstantSymbol(Scope.key(definition.identifier().getText()), value.type(), value.value()));
        }
    }

    void types(PascalParser.TypeDefinitionPartContext ctx) {
        for (PascalParser.TypeDefinitionContext definition : ctx.typeDefinition()) {
            String name = Scope.key(definition.identifier().getText());
            PascalType type = context.types.type(definition.typeDenoter());
            if (type instanceof EnumType e && !e.isNamed()) {
                e.nameOnce(name);
                context.writer.comment("@enum " + name + " " + String.join(" ", e.constants()));
            }
            context.declare(definition.identifier(), new TypeSymbol(name, type));
        }
        context.types.resolvePointers();
    }

    void variables(PascalParser.VariableDeclarationPartContext ctx) {
        Block block = context.block;
        for (PascalParser.VariableDeclarationContext declaration : ctx.variableDeclaration()) {
            PascalType type = context.types.type(declaration.typeDenoter());
            List<PascalParser.IdentifierContext> ids = declaration.identifierList().identifier();
            int[] offsets = new int[ids.size()];
            for (int i = ids.size() - 1; i >= 0; i--) {
                offsets[i] = block.level <= 1
                        ? context.allocateGlobal(type.size(), type.alignment())
                        : block.allocate(type.size(), type.alignment());
            }
            for (int i = 0; i < ids.size(); i++) {
                VariableSymbol variable = new VariableSymbol(Scope.key(ids.get(i).getText()), type, block.level, offsets[i]);
                context.declare(ids.get(i), variable);
                block.locals.add(variable);
            }
        }
        context.types.resolvePointers();
    }

    // ---------------------------------------------------------------- routines

    /**
     * A procedure or function declaration (6.6.1, 6.6.2): a heading with a block, with the
     * directive forward, or completing an earlier forward declaration without repeating the
     * parameters (6.6.1, 6.6.2: the routine identification).
     */
    void routine(PascalParser.RoutineDeclarationContext ctx) {
        boolean function = ctx instanceof PascalParser.FunctionDeclarationContext;
        PascalParser.IdentifierContext nameCtx;
        PascalParser.FormalParameterListContext parameterList;
        PascalParser.IdentifierContext resultCtx = null;
        PascalParser.IdentifierContext directive;
        PascalParser.BlockContext body;
        if (ctx instanceof PascalParser.FunctionDeclarationContext f) {
            nameCtx = f.functionHeading().name;
            parameterList = f.functionHeading().formalParameterList();
            resultCtx = f.functionHeading().resultType;
            directive = f.directive;
            body = f.block();
        } else {
            PascalParser.ProcedureDeclarationContext p = (PascalParser.ProcedureDeclarationContext) ctx;
            nameCtx = p.procedureHeading().name;
            parameterList = p.procedureHeading().formalParameterList();
            directive = p.directive;
            body = p.block();
        }
        String name = Scope.key(nameCtx.getText());
        Block outer = context.block;
        RoutineSymbol routine = forwardDeclared(name, function);
        boolean completing = routine != null;
        if (!completing) {
            routine = RoutineSymbol.declared(name, function, outer.level, context.writer.newLabel());
            context.declare(nameCtx, routine);
        }
        Block block = new Block(outer, outer.level + 1, routine);
        Scope savedScope = context.scope;
        context.block = block;
        context.scope = savedScope.block();
        if (completing) {
            if (parameterList != null) {
                context.error(parameterList, "the parameters of forward-declared '" + name + "' must not be repeated");
            }
            if (resultCtx != null) {
                context.error(resultCtx, "the result type of forward-declared '" + name + "' must not be repeated");
            }
            redeclareParameters(routine, block, nameCtx);
        } else {
            List<Symbol> parameters = parameters(parameterList, block, true);
            routine.setParameters(parameters);
            if (function) {
                routine.setResult(resultType(resultCtx, nameCtx));
            }
        }
        block.parameters.addAll(routine.parameters());
        if (directive != null) {
            if (!directive.getText().equalsIgnoreCase("forward")) {
                context.error(directive, "unknown directive '" + directive.getText() + "'");
            } else if (completing) {
                context.error(directive, "'" + name + "' is already declared forward");
            } else {
                routine.setForward(true);
                outer.forwards.put(routine, nameCtx);
            }
        } else {
            routine.setForward(false);
            outer.forwards.remove(routine);
            context.blocks.block(body, block);
            if (function && !routine.isResultAssigned()) {
                context.error(nameCtx, "function '" + name + "' never assigns its result");
            }
        }
        context.scope = savedScope;
        context.block = outer;
    }

    private RoutineSymbol forwardDeclared(String name, boolean function) {
        return context.scope.local(name)
                .filter(s -> s instanceof RoutineSymbol r && r.isForward() && r.isFunction() == function)
                .map(RoutineSymbol.class::cast)
                .orElse(null);
    }

    private void redeclareParameters(RoutineSymbol routine, Block block, ParserRuleContext at) {
        for (Symbol parameter : routine.parameters()) {
            context.declare(at, parameter);
            int offset = parameter instanceof VariableSymbol v ? v.offset() : ((RoutineSymbol) parameter).offset();
            block.nextOffset = Math.min(block.nextOffset, offset);
        }
        block.lowestOffset = block.nextOffset;
    }

    /** A function's result type: ordinal, real or pointer (6.6.2). */
    private PascalType resultType(PascalParser.IdentifierContext resultCtx, PascalParser.IdentifierContext nameCtx) {
        if (resultCtx == null) {
            context.error(nameCtx, "function '" + nameCtx.getText() + "' needs a result type");
            return ErrorType.INSTANCE;
        }
        PascalType type = context.types.named(resultCtx);
        if (!(type instanceof OrdinalType || type instanceof RealType || type instanceof PointerType
                || Types.isError(type))) {
            context.error(resultCtx, "a function result must be of an ordinal, real or pointer type");
            return ErrorType.INSTANCE;
        }
        return type;
    }

    /** A formal parameter being placed; a variable's argument cell (its slot) is known first. */
    private sealed interface Placed {
        PascalParser.IdentifierContext id();
    }

    private record Slot(PascalParser.IdentifierContext id, PascalType type, VariableSymbol.Kind kind, int slot)
            implements Placed {
    }

    private record Descriptor(PascalParser.IdentifierContext id, RoutineSymbol routine) implements Placed {
    }

    /**
     * Places the formal parameters of a block at {@code block}'s level (6.6.3) and, if
     * {@code declare}, declares them in the current scope.
     */
    private List<Symbol> parameters(PascalParser.FormalParameterListContext ctx, Block block, boolean declare) {
        if (ctx == null) {
            return List.of();
        }
        List<Placed> placed = new ArrayList<>();
        for (PascalParser.FormalParameterSectionContext section : ctx.formalParameterSection()) {
            switch (section) {
                case PascalParser.ValueParametersContext v ->
                        placed.addAll(variableParameters(v.identifierList(), v.typeName, VariableSymbol.Kind.VALUE_PARAMETER, block));
                case PascalParser.VariableParametersContext v ->
                        placed.addAll(variableParameters(v.identifierList(), v.typeName, VariableSymbol.Kind.VARIABLE_PARAMETER, block));
                case PascalParser.ProcedureParameterContext p -> placed.add(routineParameter(
                        p.procedureHeading().name, p.procedureHeading().formalParameterList(), false, null, block));
                case PascalParser.FunctionParameterContext f -> placed.add(routineParameter(
                        f.functionHeading().name, f.functionHeading().formalParameterList(), true,
                        f.functionHeading().resultType, block));
                default -> throw new IllegalStateException("unknown parameter section");
            }
        }
        Symbol[] symbols = new Symbol[placed.size()];
        for (int i = placed.size() - 1; i >= 0; i--) {
            symbols[i] = switch (placed.get(i)) {
                case Slot s -> {
                    int offset = s.slot();
                    if (s.kind() == VariableSymbol.Kind.VALUE_PARAMETER && Emitter.isStructured(s.type())) {
                        offset = block.allocate(s.type().size(), s.type().alignment());
                    }
                    yield new VariableSymbol(Scope.key(s.id().getText()), s.type(), block.level, offset, s.slot(), s.kind());
                }
                case Descriptor d -> d.routine();
            };
        }
        if (declare) {
            for (int i = 0; i < symbols.length; i++) {
                context.declare(placed.get(i).id(), symbols[i]);
            }
        }
        return List.of(symbols);
    }

    private List<Slot> variableParameters(PascalParser.IdentifierListContext ids, PascalParser.IdentifierContext typeName,
            VariableSymbol.Kind kind, Block block) {
        PascalType type = context.types.named(typeName);
        boolean byAddress = kind == VariableSymbol.Kind.VARIABLE_PARAMETER || Emitter.isStructured(type);
        if (kind == VariableSymbol.Kind.VALUE_PARAMETER && Types.containsFile(type)) {
            context.error(typeName, "a file cannot be passed by value: use a var parameter");
        }
        int size = Target.alignUp(byAddress ? Target.PTR_SIZE : type.size(), Target.PARAM_ALIGN);
        int count = ids.identifier().size();
        block.nextOffset = Target.alignDown(block.nextOffset - count * size, Target.PARAM_ALIGN);
        block.lowestOffset = Math.min(block.lowestOffset, block.nextOffset);
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            slots.add(new Slot(ids.identifier(i), type, kind, block.nextOffset + (count - 1 - i) * size));
        }
        return slots;
    }

    /** A procedural or functional parameter: a two-word descriptor (entry, static link). */
    private Descriptor routineParameter(PascalParser.IdentifierContext id, PascalParser.FormalParameterListContext list,
            boolean function, PascalParser.IdentifierContext resultCtx, Block block) {
        block.nextOffset = Target.alignDown(block.nextOffset - 2 * Target.PTR_SIZE, Target.PARAM_ALIGN);
        block.lowestOffset = Math.min(block.lowestOffset, block.nextOffset);
        RoutineSymbol routine = RoutineSymbol.formal(Scope.key(id.getText()), function, block.level, block.nextOffset);
        Scope saved = context.scope;
        context.scope = saved.block();
        routine.setParameters(parameters(list, new Block(block, block.level + 1, null), true));
        context.scope = saved;
        if (function) {
            routine.setResult(resultType(resultCtx, id));
        }
        return new Descriptor(id, routine);
    }
}
