package dev.mimic.pcode.compiler.codegen;

import dev.mimic.pcode.compiler.types.Target;

/**
 * How many bytes each P5 instruction pushes (positive) or pops (negative), from pint's
 * semantics: integers, Booleans, chars and byte-sized ordinals take a stack element, reals
 * eight bytes, sets thirty-two, addresses one pointer.
 */
final class StackEffects {
    private static final int INT = Target.STACK_ELEMENT;
    private static final int REAL = Target.REAL_SIZE;
    private static final int SET = Target.SET_SIZE;
    private static final int ADR = Target.PTR_SIZE;

    private StackEffects() {
    }

    /** The bytes a value of type indicator {@code type} takes on the stack. */
    static int valueSize(char type) {
        return switch (type) {
            case 'r' -> REAL;
            case 's' -> SET;
            case 'a', 'm' -> ADR;
            default -> INT;
        };
    }

    /** The effect of a typed instruction, {@code mnemonic} including its type letter. */
    static int of(String mnemonic, char type) {
        int value = valueSize(type);
        return switch (mnemonic.substring(0, 3)) {
            case "lod", "ldo", "ldc", "dup" -> value;
            case "str", "sro" -> -value;
            case "sto" -> -value - ADR;
            case "ind" -> value - ADR;
            case "equ", "neq", "geq", "grt", "leq", "les" -> type == 'm' ? INT - 2 * ADR : INT - 2 * value;
            default -> 0;
        };
    }

    /** The effect of an untyped instruction with operand {@code operand}. */
    static int of(String mnemonic, int operand) {
        return switch (mnemonic) {
            case "lao", "lda", "lca" -> ADR;
            case "lip" -> 2 * ADR;
            case "adi", "sbi", "mpi", "dvi", "mod", "and", "ior" -> -INT;
            case "adr", "sbr", "mpr", "dvr" -> -REAL;
            case "uni", "int", "dif" -> -SET;
            case "flt", "flo" -> REAL - INT;
            case "trc", "rnd" -> INT - REAL;
            case "sgs" -> SET - INT;
            case "rgs" -> SET - 2 * INT;
            case "inn" -> -SET;
            case "ixa", "fjp", "tjp", "xjp", "inv" -> -INT;
            case "mov" -> -2 * ADR;
            case "pck", "upk" -> -3 * ADR;
            case "dmp" -> -operand;
            default -> 0;
        };
    }

    /** The effect of a required routine called with csp (pcom's pdx table). */
    static int ofStandard(String name) {
        return switch (name) {
            case "get", "put", "rdi", "rdr", "rdc", "pag", "rsf", "rwf", "rsb", "rwb",
                 "wbi", "wbc", "wbb", "wbx", "fvb" -> -INT;
            case "wri", "wrc", "wrb", "new", "dsp", "wbf", "wbr", "rbf", "gbf", "pbf" -> -2 * INT;
            case "wrr", "wrs", "rib", "rcb" -> -3 * INT;
            case "wrf" -> -4 * INT;
            default -> 0;
        };
    }
}
