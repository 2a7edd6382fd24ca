package dev.mimic.pcode.compiler.translate;

import dev.mimic.pcode.compiler.PascalParser;
import dev.mimic.pcode.compiler.codegen.Emitter;
import dev.mimic.pcode.compiler.codegen.Operand;
import dev.mimic.pcode.compiler.codegen.PcodeWriter;
import dev.mimic.pcode.compiler.codegen.TypeCodes;
import dev.mimic.pcode.compiler.semantic.Scope;
import dev.mimic.pcode.compiler.semantic.StandardRoutine;
import dev.mimic.pcode.compiler.semantic.StandardSymbol;
import dev.mimic.pcode.compiler.semantic.VariableSymbol;
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
import dev.mimic.pcode.compiler.types.Target;
import dev.mimic.pcode.compiler.types.Types;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * Compiles the required procedures and functions (ISO 7185 6.6.5, 6.6.6, 6.9) into P5's
 * instructions and standard calls ({@code csp}). Text and binary files take different calls;
 * read and write leave the file's address on the stack for the whole argument list and drop it
 * with {@code dmp} at the end, as P5 does.
 */
final class StandardRoutines {
    private final Context context;
    private final Emitter emitter;
    private final PcodeWriter writer;

    StandardRoutines(Context context) {
        this.context = context;
        this.emitter = context.emitter;
        this.writer = context.writer;
    }

    /** A required procedure called as a statement. */
    void procedure(StandardSymbol symbol, PascalParser.IdentifierContext id, PascalParser.ActualParameterListContext args) {
        List<PascalParser.ActualParameterContext> actuals = args == null ? List.of() : args.actualParameter();
        StandardRoutine routine = symbol.routine();
        if (routine != StandardRoutine.WRITE && routine != StandardRoutine.WRITELN) {
            for (PascalParser.ActualParameterContext actual : actuals) {
                if (actual.width != null) {
                    context.error(actual.width, "field widths are allowed only in write and writeln");
                }
            }
        }
        switch (routine) {
            case READ, READLN -> read(routine == StandardRoutine.READLN, id, actuals);
            case WRITE, WRITELN -> write(routine == StandardRoutine.WRITELN, id, actuals);
            case GET, PUT, RESET, REWRITE -> fileOperation(routine, id, actuals);
            case PAGE -> page(id, actuals);
            case NEW, DISPOSE -> allocation(routine == StandardRoutine.NEW, id, actuals);
            case PACK -> transfer(true, id, actuals);
            case UNPACK -> transfer(false, id, actuals);
            default -> context.error(id, "'" + id.getText() + "' is a function; its result must be used");
        }
    }

    // ---------------------------------------------------------------- files

    /** The file argument opening a read or write, if the first argument is a file variable. */
    private Optional<FileType> leadingFile(List<PascalParser.ActualParameterContext> actuals) {
        if (actuals.isEmpty()) {
            return Optional.empty();
        }
        Optional<PascalParser.VariableAccessContext> access =
                ExpressionTranslator.asVariableAccess(actuals.getFirst().value);
        if (access.isEmpty() || !(peekType(access.get()) instanceof FileType file)) {
            return Optional.empty();
        }
        emitter.loadAddress(context.expressions.variableAccess(access.get(), false));
        return Optional.of(file);
    }

    /**
     * The static type of a variable access, found without compiling it (so that a file
     * argument can be told from a value before any code is written); null if unknown.
     */
    private PascalType peekType(PascalParser.VariableAccessContext access) {
        PascalType type = context.scope.lookup(access.identifier().getText()).map(b -> switch (b) {
            case Scope.WithField f -> f.field().type();
            case Scope.Declared d when d.symbol() instanceof VariableSymbol v -> v.type();
            default -> (PascalType) null;
        }).orElse(null);
        for (PascalParser.SelectorContext selector : access.selector()) {
            type = switch (selector) {
                case PascalParser.IndexSelectorContext i -> elementAfter(type, i.expression().size());
                case PascalParser.FieldSelectorContext f -> type instanceof RecordType r
                        ? r.field(f.identifier().getText()).map(RecordType.Field::type).orElse(null) : null;
                case PascalParser.PointerSelectorContext p -> type instanceof PointerType ptr ? ptr.domain()
                        : type instanceof FileType file ? file.component() : null;
                default -> null;
            };
            if (type == null) {
                return null;
            }
        }
        return type;
    }

    private static PascalType elementAfter(PascalType type, int indexes) {
        PascalType t = type;
        for (int i = 0; i < indexes && t instanceof ArrayType a; i++) {
            t = a.element();
        }
        return t == type ? null : t;
    }

    /** Loads the address of input or output for a read or write without a file argument. */
    private void defaultFile(boolean input, ParserRuleContext at) {
        if (input ? !context.inputInHeader : !context.outputInHeader) {
            context.error(at, "'" + (input ? "input" : "output") + "' is not a program parameter");
        }
        writer.withOperand("lao", input ? Target.INPUT_ADDRESS : Target.OUTPUT_ADDRESS);
    }

    private void read(boolean line, PascalParser.IdentifierContext id, List<PascalParser.ActualParameterContext> actuals) {
        Optional<FileType> explicit = leadingFile(actuals);
        FileType file = explicit.orElse(FileType.TEXT);
        boolean fileLoaded = explicit.isPresent();
        if (line && !file.isText()) {
            context.error(id, "readln needs a text file");
        }
        int first = fileLoaded ? 1 : 0;
        if (actuals.size() == first && !line) {
            context.error(id, "read needs a variable to read into");
        }
        for (int i = first; i < actuals.size(); i++) {
            PascalParser.ExpressionContext actual = actuals.get(i).value;
            Optional<PascalParser.VariableAccessContext> access = ExpressionTranslator.asVariableAccess(actual);
            if (access.isEmpty()) {
                context.error(actual, "read needs a variable to read into");
                continue;
            }
            Operand variable = context.expressions.variableAccess(access.get(), false);
            context.expressions.noteAssignment(access.get());
            emitter.loadAddress(variable);
            if (!fileLoaded) {
                defaultFile(true, id);
                writer.withOperand("swp", Target.PTR_SIZE);
                fileLoaded = true;
            }
            if (file.isText()) {
                readText(variable.type(), actual);
            } else {
                if (!Types.compatible(file.component(), variable.type())) {
                    context.error(actual, "cannot read a " + variable.type().describe() + " from a " + file.describe());
                }
                writer.loadInteger(file.component().size());
                writer.callStandard("rbf");
            }
        }
        if (!fileLoaded) {
            defaultFile(true, id);
        }
        if (line) {
            writer.callStandard("rln");
        }
        emitter.discard(Target.PTR_SIZE);
    }

    /**
     * Reads an integer, real or char from a text file into the variable whose address is on
     * the stack, with the variable's bounds checked (6.9.1). P5's integer read stores a whole
     * word, so a variable held in one byte is read through a frame cell instead.
     */
    private void readText(PascalType type, ParserRuleContext at) {
        if (Types.isInteger(type)) {
            OrdinalType bounds = (OrdinalType) type;
            if (type.size() == 1) {
                int cell = context.block.allocate(Target.INT_SIZE, Target.INT_ALIGN);
                writer.withOperand("swp", Target.PTR_SIZE);
                writer.withOperands("lda", 0, cell);
                readInteger(bounds);
                writer.withOperand("swp", Target.PTR_SIZE);
                writer.typed("lod", 'i', 0, cell);
                writer.typed("sto", TypeCodes.of(type));
            } else {
                readInteger(bounds);
            }
        } else if (Types.isReal(type)) {
            writer.callStandard("rdr");
        } else if (Types.isChar(type)) {
            OrdinalType bounds = (OrdinalType) type;
            writer.loadChar((int) bounds.min());
            writer.loadChar((int) bounds.max());
            writer.callStandard("rcb");
        } else if (!Types.isError(type)) {
            context.error(at, "only integers, reals and chars can be read from a text file");
        }
    }

    private void readInteger(OrdinalType bounds) {
        writer.loadInteger(bounds.min());
        writer.loadInteger(bounds.max());
        writer.callStandard("rib");
    }

    private void write(boolean line, PascalParser.IdentifierContext id, List<PascalParser.ActualParameterContext> actuals) {
        Optional<FileType> explicit = leadingFile(actuals);
        FileType file = explicit.orElse(FileType.TEXT);
        boolean fileLoaded = explicit.isPresent();
        if (line && !file.isText()) {
            context.error(id, "writeln needs a text file");
        }
        int first = fileLoaded ? 1 : 0;
        if (actuals.size() == first && !line) {
            context.error(id, "write needs a value to write");
        }
        for (int i = first; i < actuals.size(); i++) {
            PascalParser.ActualParameterContext actual = actuals.get(i);
            Operand value = context.expressions.value(actual.value);
            PascalType type = Types.base(value.type());
            if (!fileLoaded) {
                defaultFile(false, id);
                writer.withOperand("swp", Emitter.isStructured(type) ? Target.PTR_SIZE : Emitter.stackSize(type));
                fileLoaded = true;
            }
            if (file.isText()) {
                writeText(type, actual);
            } else {
                if (actual.width != null) {
                    context.error(actual.width, "field widths are allowed only on text files");
                }
                writeBinary(file, type, actual);
            }
        }
        if (!fileLoaded) {
            defaultFile(false, id);
        }
        if (line) {
            writer.callStandard("wln");
        }
        emitter.discard(Target.PTR_SIZE);
    }

    /** Writes a value to a text file with the field widths of 6.9.3 or P5's defaults. */
    private void writeText(PascalType type, PascalParser.ActualParameterContext actual) {
        boolean width = actual.width != null;
        if (width) {
            widthValue(actual.width);
        }
        if (actual.fraction != null) {
            widthValue(actual.fraction);
            if (!Types.isReal(type) && !Types.isError(type)) {
                context.error(actual.fraction, "only a real value can have a fraction length");
            }
        }
        switch (type) {
            case IntegerType t -> standardWrite(width, Target.DEFAULT_INT_WIDTH, "wri");
            case RealType t -> standardWrite(width, Target.DEFAULT_REAL_WIDTH, actual.fraction != null ? "wrf" : "wrr");
            case CharType t -> standardWrite(width, Target.DEFAULT_CHAR_WIDTH, "wrc");
            case BooleanType t -> standardWrite(width, Target.DEFAULT_BOOL_WIDTH, "wrb");
            case ArrayType a when a.isString() -> {
                if (!width) {
                    writer.loadInteger(a.size());
                }
                writer.loadInteger(a.size());
                writer.callStandard("wrs");
            }
            case ErrorType e -> {
            }
            default -> context.error(actual.value, "a value of type " + type.describe() + " cannot be written to a text file");
        }
    }

    private void standardWrite(boolean width, int defaultWidth, String call) {
        if (!width) {
            writer.loadInteger(defaultWidth);
        }
        writer.callStandard(call);
    }

    private void widthValue(PascalParser.ExpressionContext ctx) {
        Operand width = context.expressions.expression(ctx);
        emitter.load(width);
        if (!Types.isInteger(width.type()) && !Types.isError(width.type())) {
            context.error(ctx, "a field width must be an integer");
        }
    }

    private void writeBinary(FileType file, PascalType type, PascalParser.ActualParameterContext actual) {
        PascalType component = file.component();
        if (!Types.assignable(component, type)) {
            context.error(actual.value, "cannot write a " + type.describe() + " to a " + file.describe());
            return;
        }
        boolean byteFile = component instanceof OrdinalType o && o.fitsByte() && component.size() == 1;
        switch (Types.base(component)) {
            case RealType r -> {
                if (Types.isInteger(type)) {
                    writer.op("flt");
                }
                writer.callStandard("wbr");
            }
            case CharType c -> writer.callStandard("wbc");
            case BooleanType b -> writer.callStandard("wbb");
            case OrdinalType o -> writer.callStandard(byteFile ? "wbx" : "wbi");
            default -> {
                writer.loadInteger(component.size());
                writer.callStandard("wbf");
            }
        }
    }

    /** get, put, reset and rewrite of one file variable (6.6.5.2). */
    private void fileOperation(StandardRoutine routine, PascalParser.IdentifierContext id,
            List<PascalParser.ActualParameterContext> actuals) {
        Optional<FileType> file = singleFile(id, actuals);
        if (file.isEmpty()) {
            return;
        }
        boolean text = file.get().isText();
        switch (routine) {
            case GET, PUT -> {
                boolean get = routine == StandardRoutine.GET;
                if (text) {
                    writer.callStandard(get ? "get" : "put");
                } else {
                    writer.loadInteger(file.get().component().size());
                    writer.callStandard(get ? "gbf" : "pbf");
                }
            }
            case RESET -> writer.callStandard(text ? "rsf" : "rsb");
            default -> writer.callStandard(text ? "rwf" : "rwb");
        }
    }

    /** Loads the address of the one file variable a file procedure takes. */
    private Optional<FileType> singleFile(PascalParser.IdentifierContext id, List<PascalParser.ActualParameterContext> actuals) {
        if (actuals.size() != 1) {
            context.error(id, "'" + id.getText() + "' takes one file variable");
            return Optional.empty();
        }
        PascalParser.ExpressionContext actual = actuals.getFirst().value;
        Optional<PascalParser.VariableAccessContext> access = ExpressionTranslator.asVariableAccess(actual);
        if (access.isEmpty()) {
            context.error(actual, "'" + id.getText() + "' takes a file variable");
            return Optional.empty();
        }
        Operand variable = context.expressions.variableAccess(access.get(), false);
        if (!(variable.type() instanceof FileType file)) {
            if (!Types.isError(variable.type())) {
                context.error(actual, "'" + id.getText() + "' takes a file variable");
            }
            return Optional.empty();
        }
        emitter.loadAddress(variable);
        return Optional.of(file);
    }

    private void page(PascalParser.IdentifierContext id, List<PascalParser.ActualParameterContext> actuals) {
        if (actuals.isEmpty()) {
            defaultFile(false, id);
        } else {
            Optional<FileType> file = singleFile(id, actuals);
            if (file.isEmpty()) {
                return;
            }
            if (!file.get().isText()) {
                context.error(actuals.getFirst(), "page needs a text file");
            }
        }
        writer.callStandard("pag");
    }

    // ---------------------------------------------------------------- dynamic allocation

    /**
     * new(p) and dispose(p), optionally naming variants by case constants (6.6.5.3): the
     * size allocated is that of the record with the named variants.
     */
    private void allocation(boolean allocate, PascalParser.IdentifierContext id,
            List<PascalParser.ActualParameterContext> actuals) {
        if (actuals.isEmpty()) {
            context.error(id, "'" + id.getText() + "' needs a pointer");
            return;
        }
        PascalParser.ExpressionContext first = actuals.getFirst().value;
        Operand pointer;
        if (allocate) {
            Optional<PascalParser.VariableAccessContext> access = ExpressionTranslator.asVariableAccess(first);
            if (access.isEmpty()) {
                context.error(first, "new needs a pointer variable");
                return;
            }
            pointer = context.expressions.variableAccess(access.get(), false);
            context.expressions.noteAssignment(access.get());
            emitter.loadAddress(pointer);
        } else {
            pointer = context.expressions.value(first);
        }
        if (!(pointer.type() instanceof PointerType p) || p.domain() == null) {
            if (!Types.isError(pointer.type())) {
                context.error(first, "'" + id.getText() + "' needs a pointer");
            }
            return;
        }
        int size = p.domain().size();
        RecordType.VariantPart variants = p.domain() instanceof RecordType r ? r.variantPart() : null;
        for (PascalParser.ActualParameterContext tag : actuals.subList(1, actuals.size())) {
            ConstantTranslator.Typed value = tagConstant(tag.value);
            if (value == null) {
                continue;
            }
            if (variants == null) {
                context.error(tag, "no variant part to select a variant of");
                break;
            }
            if (!Types.compatible(variants.tagType(), value.type())) {
                context.error(tag, "case constant is not of the tag type " + variants.tagType().describe());
                break;
            }
            Optional<RecordType.Variant> variant = variants.select(value.ordinal());
            if (variant.isEmpty()) {
                context.error(tag, "no variant has this case constant");
                break;
            }
            size = variant.get().size();
            variants = variant.get().nested();
        }
        writer.loadInteger(size);
        writer.callStandard(allocate ? "new" : "dsp");
    }

    private ConstantTranslator.Typed tagConstant(PascalParser.ExpressionContext ctx) {
        if (!context.expressions.isConstantFactor(ctx)) {
            context.error(ctx, "a variant is selected by a constant");
            return null;
        }
        Operand constant = context.expressions.expression(ctx);
        return new ConstantTranslator.Typed(constant.type(), constant.constant());
    }

    /**
     * pack(a, i, z) and unpack(z, a, i) (6.6.5.4): the addresses of a and z and the byte offset
     * of a[i] go on the stack in source order, then {@code pck}/{@code upk} copy as many bytes
     * as z holds, checking that they lie within a.
     */
    private void transfer(boolean pack, PascalParser.IdentifierContext id, List<PascalParser.ActualParameterContext> actuals) {
        if (actuals.size() != 3) {
            context.error(id, "'" + id.getText() + "' takes three arguments");
            return;
        }
        ArrayType unpacked;
        ArrayType packed;
        if (pack) {
            unpacked = arrayArgument(actuals.get(0).value, id);
            offset(unpacked, actuals.get(1).value);
            packed = arrayArgument(actuals.get(2).value, id);
        } else {
            packed = arrayArgument(actuals.get(0).value, id);
            unpacked = arrayArgument(actuals.get(1).value, id);
            offset(unpacked, actuals.get(2).value);
        }
        if (unpacked == null || packed == null) {
            return;
        }
        if (unpacked.element() != packed.element()) {
            context.error(id, "the arrays of '" + id.getText() + "' must have the same component type");
            return;
        }
        writer.withOperands(pack ? "pck" : "upk", packed.size(), unpacked.size());
    }

    /** The byte offset of element {@code index} in the unpacked array. */
    private void offset(ArrayType unpacked, PascalParser.ExpressionContext indexArg) {
        Operand index = context.expressions.expression(indexArg);
        emitter.load(index);
        if (unpacked == null || Types.isError(index.type())) {
            return;
        }
        if (!Types.compatible(unpacked.index(), index.type())) {
            context.error(indexArg, "the index does not fit the unpacked array");
            return;
        }
        emitter.checkBounds(unpacked.index());
        writer.loadInteger(unpacked.index().min());
        writer.op("sbi");
        writer.loadInteger(unpacked.element().size());
        writer.op("mpi");
    }

    private ArrayType arrayArgument(PascalParser.ExpressionContext ctx, PascalParser.IdentifierContext id) {
        Optional<PascalParser.VariableAccessContext> access = ExpressionTranslator.asVariableAccess(ctx);
        if (access.isEmpty()) {
            context.error(ctx, "'" + id.getText() + "' needs array variables");
            return null;
        }
        Operand array = context.expressions.variableAccess(access.get(), false);
        emitter.loadAddress(array);
        if (!(array.type() instanceof ArrayType a)) {
            if (!Types.isError(array.type())) {
                context.error(ctx, "'" + id.getText() + "' needs array variables");
            }
            return null;
        }
        return a;
    }

    // ---------------------------------------------------------------- functions

    /** A required function; its result is left on the stack. */
    Operand function(StandardSymbol symbol, PascalParser.IdentifierContext at, PascalParser.ActualParameterListContext args) {
        List<PascalParser.ActualParameterContext> actuals = args == null ? List.of() : args.actualParameter();
        StandardRoutine routine = symbol.routine();
        if (routine == StandardRoutine.EOF || routine == StandardRoutine.EOLN) {
            return fileStatus(routine == StandardRoutine.EOF, at, actuals);
        }
        if (actuals.size() != 1) {
            context.error(at, "'" + symbol.name() + "' takes one argument");
            return Operand.error();
        }
        PascalParser.ActualParameterContext actual = actuals.getFirst();
        if (actual.width != null) {
            context.error(actual.width, "field widths are allowed only in write and writeln");
        }
        Operand argument = context.expressions.expression(actual.value);
        emitter.load(argument);
        PascalType type = argument.type();
        if (Types.isError(type)) {
            return Operand.error();
        }
        Operand result = switch (routine) {
            case ABS, SQR -> numeric(routine == StandardRoutine.ABS ? "ab" : "sq", type);
            case SIN, COS, EXP, LN, SQRT, ARCTAN -> transcendental(routine, type);
            case TRUNC, ROUND -> realToInteger(routine == StandardRoutine.TRUNC ? "trc" : "rnd", type);
            case ODD -> Types.isInteger(type) ? op("odd", BooleanType.INSTANCE) : null;
            case ORD -> ord(type);
            case CHR -> Types.isInteger(type) ? op("chr", CharType.INSTANCE) : null;
            case PRED, SUCC -> step(routine == StandardRoutine.SUCC, type);
            default -> throw new IllegalStateException("not a function: " + routine);
        };
        if (result == null) {
            context.error(actual, "'" + symbol.name() + "' cannot take a " + type.describe());
            return Operand.error();
        }
        return result;
    }

    private Operand op(String mnemonic, PascalType result) {
        writer.op(mnemonic);
        return Operand.value(result);
    }

    private Operand numeric(String prefix, PascalType type) {
        if (Types.isInteger(type)) {
            return op(prefix + "i", IntegerType.INSTANCE);
        }
        return Types.isReal(type) ? op(prefix + "r", RealType.INSTANCE) : null;
    }

    /** sin, cos, exp, ln, sqrt and arctan: P5 calls them directly, without a frame. */
    private Operand transcendental(StandardRoutine routine, PascalType type) {
        if (Types.isInteger(type)) {
            writer.op("flt");
        } else if (!Types.isReal(type)) {
            return null;
        }
        writer.callStandard(switch (routine) {
            case SIN -> "sin";
            case COS -> "cos";
            case EXP -> "exp";
            case LN -> "log";
            case SQRT -> "sqt";
            default -> "atn";
        });
        return Operand.value(RealType.INSTANCE);
    }

    private Operand realToInteger(String mnemonic, PascalType type) {
        return Types.isReal(type) ? op(mnemonic, IntegerType.INSTANCE) : null;
    }

    private Operand ord(PascalType type) {
        if (!(type instanceof OrdinalType)) {
            return null;
        }
        writer.typed("ord", TypeCodes.of(type));
        return Operand.value(IntegerType.INSTANCE);
    }

    /** succ and pred: one step, checked against the type's bounds (6.6.6.4). */
    private Operand step(boolean successor, PascalType type) {
        if (!(type instanceof OrdinalType)) {
            return null;
        }
        writer.typed(successor ? "inc" : "dec", TypeCodes.of(type), 1);
        emitter.checkBounds(type);
        return Operand.value(type);
    }

    private Operand fileStatus(boolean endOfFile, PascalParser.IdentifierContext at,
            List<PascalParser.ActualParameterContext> actuals) {
        FileType file;
        if (actuals.isEmpty()) {
            defaultFile(true, at);
            file = FileType.TEXT;
        } else {
            Optional<FileType> f = singleFile(at, actuals);
            if (f.isEmpty()) {
                return Operand.value(BooleanType.INSTANCE);
            }
            file = f.get();
        }
        if (endOfFile) {
            writer.callStandard(file.isText() ? "eof" : "efb");
        } else {
            if (!file.isText()) {
                context.error(at, "eoln needs a text file");
            }
            writer.callStandard("eln");
        }
        return Operand.value(BooleanType.INSTANCE);
    }
}
