package dev.mimic.pcode.compiler.codegen;

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
import dev.mimic.pcode.compiler.types.SubrangeType;

/**
 * The type letter P5 appends to typed instructions (pcom: gentypindicator): {@code i}nteger,
 * {@code r}eal, {@code b}oolean, {@code c}har, {@code x} for any ordinal held in one byte,
 * {@code a}ddress (pointers and files), {@code s}et, {@code m}emory block (arrays, records).
 */
public final class TypeCodes {
    private TypeCodes() {
    }

    public static char of(PascalType type) {
        return switch (type) {
            case IntegerType i -> 'i';
            case BooleanType b -> 'b';
            case CharType c -> 'c';
            case EnumType e -> e.size() == 1 ? 'x' : 'i';
            case SubrangeType s -> s.size() == 1 ? 'x' : of(s.host());
            case RealType r -> 'r';
            case PointerType p -> 'a';
            case FileType f -> 'a';
            case SetType s -> 's';
            case ArrayType a -> 'm';
            case RecordType r -> 'm';
            case ErrorType e -> 'i';
        };
    }
}
