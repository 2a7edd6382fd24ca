package dev.mimic.pcode.compiler.translate;

import dev.mimic.pcode.compiler.PascalParser;
import dev.mimic.pcode.compiler.semantic.Constant;
import dev.mimic.pcode.compiler.semantic.ConstantSymbol;
import dev.mimic.pcode.compiler.semantic.Scope;
import dev.mimic.pcode.compiler.semantic.Symbol;
import dev.mimic.pcode.compiler.semantic.TypeSymbol;
import dev.mimic.pcode.compiler.types.ArrayType;
import dev.mimic.pcode.compiler.types.EnumType;
import dev.mimic.pcode.compiler.types.ErrorType;
import dev.mimic.pcode.compiler.types.FileType;
import dev.mimic.pcode.compiler.types.IntegerType;
import dev.mimic.pcode.compiler.types.OrdinalType;
import dev.mimic.pcode.compiler.types.PascalType;
import dev.mimic.pcode.compiler.types.PointerType;
import dev.mimic.pcode.compiler.types.RecordType;
import dev.mimic.pcode.compiler.types.SetType;
import dev.mimic.pcode.compiler.types.SubrangeType;
import dev.mimic.pcode.compiler.types.Target;
import dev.mimic.pcode.compiler.types.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds types from type denoters (ISO 7185 6.4) and lays records out the way P5 does: fields
 * of one record section placed from the last identifier to the first, the tag field always
 * given room, each variant starting pointer-aligned after the tag, and no padding at the end.
 */
final class TypeTranslator {
    private final Context context;

    TypeTranslator(Context context) {
        this.context = context;
    }

    PascalType type(PascalParser.TypeDenoterContext ctx) {
        if (ctx.simpleType() != null) {
            return simpleType(ctx.simpleType());
        }
        if (ctx.pointerType() != null) {
            PointerType pointer = new PointerType(Scope.key(ctx.pointerType().identifier().getText()));
            context.pendingPointers.add(new Context.PendingPointer(pointer, ctx.pointerType().identifier()));
            return pointer;
        }
        boolean packed = ctx.PACKED() != null;
        return switch (ctx.structuredType()) {
            case PascalParser.ArrayTypeContext a -> array(a, packed);
            case PascalParser.RecordTypeContext r -> record(r.fieldList(), packed);
            case PascalParser.SetTypeContext s -> set(s, packed);
            case PascalParser.FileTypeContext f -> file(f, packed);
            default -> throw new IllegalStateException("unknown structured type");
        };
    }

    PascalType simpleType(PascalParser.SimpleTypeContext ctx) {
        return switch (ctx) {
            case PascalParser.EnumeratedTypeContext e -> enumeration(e);
            case PascalParser.SubrangeTypeContext s -> subrange(s);
            case PascalParser.NamedTypeContext n -> named(n.identifier());
            default -> throw new IllegalStateException("unknown simple type");
        };
    }

    /** The type a type identifier denotes. */
    PascalType named(PascalParser.IdentifierContext id) {
        Optional<Symbol> symbol = context.resolveSymbol(id, id.getText());
        if (symbol.isEmpty()) {
            return ErrorType.INSTANCE;
        }
        if (symbol.get() instanceof TypeSymbol t) {
            return t.type();
        }
        context.error(id, "'" + id.getText() + "' is not a type");
        return ErrorType.INSTANCE;
    }

    /** Gives each pointer type of the declaration part just finished its domain (6.4.4). */
    void resolvePointers() {
        for (Context.PendingPointer pending : context.pendingPointers) {
            Optional<Scope.Binding> binding = context.scope.lookup(pending.type().domainName());
            if (binding.isPresent() && binding.get() instanceof Scope.Declared d && d.symbol() instanceof TypeSymbol t) {
                pending.type().resolve(t.type());
            } else {
                context.error(pending.at(), "undeclared type '" + pending.at().getText() + "'");
                pending.type().resolve(ErrorType.INSTANCE);
            }
        }
        context.pendingPointers.clear();
    }

    private PascalType enumeration(PascalParser.EnumeratedTypeContext ctx) {
        List<String> names = ctx.identifierList().identifier().stream().map(i -> Scope.key(i.getText())).toList();
        EnumType type = new EnumType(names);
        for (int i = 0; i < names.size(); i++) {
            context.declare(ctx.identifierList().identifier(i),
                    new ConstantSymbol(names.get(i), type, new Constant.Ordinal(i)));
        }
        return type;
    }

    private PascalType subrange(PascalParser.SubrangeTypeContext ctx) {
        ConstantTranslator.Typed low = context.constants.constant(ctx.constant(0));
        ConstantTranslator.Typed high = context.constants.constant(ctx.constant(1));
        if (Types.isError(low.type()) || Types.isError(high.type())) {
            return ErrorType.INSTANCE;
        }
        if (!(low.type() instanceof OrdinalType host)) {
            context.error(ctx, "subrange bounds must be ordinal");
            return ErrorType.INSTANCE;
        }
        if (Types.base(low.type()) != Types.base(high.type())) {
            context.error(ctx.constant(1), "subrange bounds are of different types");
            return ErrorType.INSTANCE;
        }
        if (low.ordinal() > high.ordinal()) {
            context.error(ctx, "subrange low bound exceeds high bound");
            return new SubrangeType(host, high.ordinal(), low.ordinal());
        }
        return new SubrangeType(host, low.ordinal(), high.ordinal());
    }

    /** An ordinal type for an index or a set base; null (reported) if the type is not one. */
    private OrdinalType ordinal(PascalParser.SimpleTypeContext ctx, String what) {
        PascalType type = simpleType(ctx);
        if (Types.isError(type)) {
            return null;
        }
        if (!(type instanceof OrdinalType o)) {
            context.error(ctx, what + " must be an ordinal type");
            return null;
        }
        if (o instanceof IntegerType) {
            context.error(ctx, what + " must not be integer: use a subrange");
            return null;
        }
        return o;
    }

    private PascalType array(PascalParser.ArrayTypeContext ctx, boolean packed) {
        List<OrdinalType> indexes = new ArrayList<>();
        for (PascalParser.SimpleTypeContext index : ctx.simpleType()) {
            indexes.add(ordinal(index, "an array index type"));
        }
        PascalType element = type(ctx.typeDenoter());
        for (int i = indexes.size() - 1; i >= 0; i--) {
            if (indexes.get(i) == null || Types.isError(element)) {
                return ErrorType.INSTANCE;
            }
            element = new ArrayType(indexes.get(i), element, packed);
        }
        return element;
    }

    private PascalType set(PascalParser.SetTypeContext ctx, boolean packed) {
        OrdinalType base = ordinal(ctx.simpleType(), "a set base type");
        if (base == null) {
            return ErrorType.INSTANCE;
        }
        if (base.min() < Target.SET_LOW || base.max() > Target.SET_HIGH) {
            context.error(ctx.simpleType(), "set base type exceeds " + Target.SET_LOW + ".." + Target.SET_HIGH);
            return ErrorType.INSTANCE;
        }
        return SetType.declared(base, packed);
    }

    private PascalType file(PascalParser.FileTypeContext ctx, boolean packed) {
        PascalType component = type(ctx.typeDenoter());
        if (Types.containsFile(component)) {
            context.error(ctx.typeDenoter(), "a file component must not be or contain a file");
            return ErrorType.INSTANCE;
        }
        return Types.isError(component) ? component : new FileType(component, packed);
    }

    // ---------------------------------------------------------------- records

    /** The state of laying out one record: its fields so far and the next free offset. */
    private static final class Layout {
        final List<RecordType.Field> fields = new ArrayList<>();
        final Set<String> names = new HashSet<>();
        int offset;
    }

    private PascalType record(PascalParser.FieldListContext ctx, boolean packed) {
        Layout layout = new Layout();
        RecordType.VariantPart variants = fieldList(ctx, layout);
        return new RecordType(layout.fields, variants, layout.offset, packed);
    }

    private RecordType.VariantPart fieldList(PascalParser.FieldListContext ctx, Layout layout) {
        if (ctx.fixedPart() != null) {
            for (PascalParser.RecordSectionContext section : ctx.fixedPart().recordSection()) {
                PascalType type = type(section.typeDenoter());
                List<PascalParser.IdentifierContext> ids = section.identifierList().identifier();
                int[] offsets = new int[ids.size()];
                for (int i = ids.size() - 1; i >= 0; i--) {
                    layout.offset = Target.alignUp(layout.offset, type.alignment());
                    offsets[i] = layout.offset;
                    layout.offset += type.size();
                }
                for (int i = 0; i < ids.size(); i++) {
                    addField(layout, ids.get(i), type, offsets[i], false);
                }
            }
        }
        return ctx.variantPart() == null ? null : variantPart(ctx.variantPart(), layout);
    }

    private void addField(Layout layout, PascalParser.IdentifierContext id, PascalType type, int offset, boolean tag) {
        String name = Scope.key(id.getText());
        if (!layout.names.add(name)) {
            context.error(id, "field '" + name + "' is already declared in this record");
            return;
        }
        layout.fields.add(new RecordType.Field(name, type, offset, tag));
    }

    private RecordType.VariantPart variantPart(PascalParser.VariantPartContext ctx, Layout layout) {
        PascalParser.VariantSelectorContext selector = ctx.variantSelector();
        PascalType tagType = named(selector.tagType);
        if (!(tagType instanceof OrdinalType ordinalTag)) {
            if (!Types.isError(tagType)) {
                context.error(selector.tagType, "a tag type must be ordinal");
            }
            return null;
        }
        layout.offset = Target.alignUp(layout.offset, tagType.alignment());
        int tagOffset = layout.offset;
        layout.offset += tagType.size();
        if (selector.tagField != null) {
            addField(layout, selector.tagField, tagType, tagOffset, true);
        }
        int fixedEnd = layout.offset;
        int largest = layout.offset;
        Set<Long> seen = new HashSet<>();
        List<RecordType.Variant> variants = new ArrayList<>();
        for (PascalParser.VariantContext variant : ctx.variant()) {
            List<Long> labels = new ArrayList<>();
            for (PascalParser.ConstantContext c : variant.constant()) {
                ConstantTranslator.Typed label = context.constants.constant(c);
                if (!Types.compatible(tagType, label.type())) {
                    context.error(c, "case constant is not of the tag type " + tagType.describe());
                } else if (label.ordinal() < ordinalTag.min() || label.ordinal() > ordinalTag.max()) {
                    context.error(c, "case constant is outside the tag type " + tagType.describe());
                } else if (!seen.add(label.ordinal())) {
                    context.error(c, "case constant appears in two variants");
                } else {
                    labels.add(label.ordinal());
                }
            }
            layout.offset = Target.alignUp(layout.offset, Target.ADR_ALIGN);
            RecordType.VariantPart nested = fieldList(variant.fieldList(), layout);
            largest = Math.max(largest, layout.offset);
            variants.add(new RecordType.Variant(labels, nested, layout.offset));
            layout.offset = fixedEnd;
        }
        layout.offset = largest;
        long values = ordinalTag.max() - ordinalTag.min() + 1;
        if (seen.size() != values) {
            context.error(ctx, "the variants must cover every value of the tag type " + tagType.describe());
        }
        return new RecordType.VariantPart(ordinalTag, variants);
    }
}
