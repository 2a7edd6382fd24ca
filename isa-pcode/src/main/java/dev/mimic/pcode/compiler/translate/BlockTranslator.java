package dev.mimic.pcode.compiler.translate;

import dev.mimic.pcode.compiler.PascalParser;
import dev.mimic.pcode.compiler.codegen.Emitter;
import dev.mimic.pcode.compiler.codegen.PcodeWriter;
import dev.mimic.pcode.compiler.codegen.TypeCodes;
import dev.mimic.pcode.compiler.semantic.RoutineSymbol;
import dev.mimic.pcode.compiler.semantic.Scope;
import dev.mimic.pcode.compiler.semantic.Symbol;
import dev.mimic.pcode.compiler.semantic.VariableSymbol;
import dev.mimic.pcode.compiler.types.ArrayType;
import dev.mimic.pcode.compiler.types.BooleanType;
import dev.mimic.pcode.compiler.types.CharType;
import dev.mimic.pcode.compiler.types.EnumType;
import dev.mimic.pcode.compiler.types.ErrorType;
import dev.mimic.pcode.compiler.types.FileType;
import dev.mimic.pcode.compiler.types.IntegerType;
import dev.mimic.pcode.compiler.types.PascalType;
import dev.mimic.pcode.compiler.types.PointerType;
import dev.mimic.pcode.compiler.types.RealType;
import dev.mimic.pcode.compiler.types.RecordType;
import dev.mimic.pcode.compiler.types.SetType;
import dev.mimic.pcode.compiler.types.Target;
import dev.mimic.pcode.compiler.types.Types;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles the program and every block in it (ISO 7185 6.2.1, 6.10). A block's code follows
 * the code of the routines declared in it, as pcom writes it: entry label, {@code ents} and
 * {@code ente} with the frame and stack sizes given as label values after the block, the copies
 * of structured value parameters, the statements, and a {@code ret} typed by the function's
 * result. The program ends with the start-up segment P5 loads at address 0.
 *
 * <p>Each block also gets Mimic's debug records, comment lines the loader skips:
 * {@code !@proc entry level name} and one {@code !@var entry name offset size type kind} per
 * parameter and variable. The program gets {@code !@source file} first, and its {@code !@proc}
 * lists the program parameters after the name, in header order: a runtime binds each one that
 * is not input or output to a path, finding its file variable among the program's
 * {@code !@var} records.
 */
final class BlockTranslator {
    private final Context context;
    private final PcodeWriter writer;

    BlockTranslator(Context context) {
        this.context = context;
        this.writer = context.writer;
    }

    void program(PascalParser.ProgramContext ctx, String fileName) {
        writer.comment("@source " + fileName);
        context.programName = Scope.key(ctx.identifier().getText());
        Map<String, PascalParser.IdentifierContext> headerFiles = new LinkedHashMap<>();
        if (ctx.identifierList() != null) {
            for (PascalParser.IdentifierContext id : ctx.identifierList().identifier()) {
                String name = Scope.key(id.getText());
                if (headerFiles.putIfAbsent(name, id) != null) {
                    context.error(id, "program parameter '" + name + "' appears twice");
                }
                context.inputInHeader |= name.equals("input");
                context.outputInHeader |= name.equals("output");
            }
        }
        Block block = new Block(null, 1, null);
        context.block = block;
        context.scope = context.scope.block();
        context.emitter.setLevel(1);
        int entry = writer.newLabel();
        block(ctx.block(), block, entry, headerFiles);
        writer.endSegment();
        writer.markStack(0);
        writer.callUser(0, entry, 0);
        writer.op("stp");
        writer.errorCount(context.diagnostics.count());
        writer.endSegment();
    }

    /** Compiles the block of a routine. */
    void block(PascalParser.BlockContext ctx, Block block) {
        block(ctx, block, block.owner.entryLabel(), Map.of());
    }

    private void block(PascalParser.BlockContext ctx, Block block, int entry,
            Map<String, PascalParser.IdentifierContext> headerFiles) {
        DeclarationTranslator declarations = context.declarations;
        if (ctx.labelDeclarationPart() != null) {
            declarations.labels(ctx.labelDeclarationPart());
        }
        if (ctx.constantDefinitionPart() != null) {
            declarations.constants(ctx.constantDefinitionPart());
        }
        if (ctx.typeDefinitionPart() != null) {
            declarations.types(ctx.typeDefinitionPart());
        }
        if (ctx.variableDeclarationPart() != null) {
            declarations.variables(ctx.variableDeclarationPart());
        }
        for (PascalParser.RoutineDeclarationContext routine : ctx.routineDeclarationPart().routineDeclaration()) {
            declarations.routine(routine);
        }
        block.forwards.forEach((routine, at) ->
                context.error(at, "'" + routine.name() + "' is declared forward but its block never follows"));
        body(ctx.compoundStatement(), block, entry, headerFiles);
    }

    private void body(PascalParser.CompoundStatementContext ctx, Block block, int entry,
            Map<String, PascalParser.IdentifierContext> headerFiles) {
        Emitter emitter = context.emitter;
        emitter.setLevel(block.level);
        writer.beginBlock();
        checkHeaderFiles(headerFiles);
        debugRecords(block, entry, headerFiles.keySet());
        writer.label(entry);
        writer.markLine(Context.line(ctx));
        int frameLabel = writer.newLabel();
        int stackLabel = writer.newLabel();
        writer.enter(frameLabel, stackLabel);
        for (Symbol parameter : block.parameters) {
            if (parameter instanceof VariableSymbol v && v.variableKind() == VariableSymbol.Kind.VALUE_PARAMETER
                    && Emitter.isStructured(v.type())) {
                writer.withOperands("lda", 0, v.offset());
                writer.typed("lod", 'a', 0, v.slot());
                writer.withOperand("mov", v.type().size());
            }
        }
        block.enterStatement();
        context.statements.sequence(ctx.statementSequence());
        block.leaveStatement();
        for (GotoLabel label : block.labels.values()) {
            if (!label.defined) {
                context.diagnostics.error(label.declaration, "label " + label.value + " is declared but never defined");
            }
        }
        writer.markLine(ctx.END().getSymbol().getLine());
        RoutineSymbol owner = block.owner;
        if (owner != null && owner.isFunction()) {
            PascalType result = owner.result() == null ? ErrorType.INSTANCE : Types.base(owner.result());
            writer.typed("ret", TypeCodes.of(result));
        } else {
            writer.typed("ret", 'p');
        }
        writer.labelValue(frameLabel, Target.alignDown(block.lowestOffset, Target.PARAM_ALIGN));
        writer.labelValue(stackLabel, -writer.blockStackDepth());
        writer.globalSize(context.nextGlobal);
    }

    /**
     * Checks that each program parameter other than the predeclared files is a file variable
     * of the program (6.10).
     */
    private void checkHeaderFiles(Map<String, PascalParser.IdentifierContext> headerFiles) {
        headerFiles.forEach((name, at) -> {
            Optional<Symbol> symbol = context.scope.local(name);
            boolean predeclared = name.equals("input") || name.equals("output") || name.equals("prd") || name.equals("prr");
            if (!predeclared && (symbol.isEmpty() || !(symbol.get() instanceof VariableSymbol v)
                    || !(v.type() instanceof FileType))) {
                context.error(at, "program parameter '" + name + "' must be declared as a file variable of the program");
            }
        });
    }

    private void debugRecords(Block block, int entry, Collection<String> programParameters) {
        String name = block.owner == null ? context.programName : block.owner.name();
        StringBuilder record = new StringBuilder("@proc " + entry + " " + block.level + " " + name);
        programParameters.forEach(p -> record.append(' ').append(p));
        writer.comment(record.toString());
        for (Symbol parameter : block.parameters) {
            if (parameter instanceof VariableSymbol v) {
                String kind = v.variableKind() == VariableSymbol.Kind.VARIABLE_PARAMETER ? "var" : "val";
                variableRecord(entry, v, kind);
            }
        }
        for (VariableSymbol local : block.locals) {
            variableRecord(entry, local, "local");
        }
    }

    private void variableRecord(int entry, VariableSymbol v, String kind) {
        writer.comment("@var " + entry + " " + v.name() + " " + v.offset() + " " + v.type().size() + " "
                + category(v.type()) + " " + kind);
    }

    /** The type of a variable as the debugger groups it. */
    static String category(PascalType type) {
        return switch (Types.base(type)) {
            case IntegerType t -> "integer";
            case RealType t -> "real";
            case BooleanType t -> "boolean";
            case CharType t -> "char";
            case EnumType e -> e.name();
            case PointerType p -> "pointer";
            case SetType s -> "set";
            case FileType f -> "file";
            case ArrayType a -> "array";
            case RecordType r -> "record";
            default -> "integer";
        };
    }
}
