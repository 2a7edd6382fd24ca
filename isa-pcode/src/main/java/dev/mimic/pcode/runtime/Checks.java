package dev.mimic.pcode.runtime;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.ir.Effect;
import dev.mimic.backend.ir.Helper;
import dev.mimic.backend.memory.GuestMemory;
import dev.mimic.pcode.load.Mpb;

/**
 * The checks P5 adds around variant records and VAR parameters: a variant that a VAR parameter
 * refers to must not change, a tag fixed by {@code new(p, t)} must not change, and a record
 * allocated with tags must not be used as a whole. The active VAR parameters are kept in the
 * runtime as blocks of storage.
 */
public final class Checks {
    public static final Helper ENTER_VAR = Helper.of(Checks.class, "enterVar");
    public static final Helper EXIT_VAR = Helper.of(Checks.class, "exitVar", Effect.MAY_FAULT);
    public static final Helper CHANGE_VARIANT = Helper.of(Checks.class, "changeVariant", Effect.TOUCHES_MEMORY, Effect.MAY_FAULT);
    public static final Helper CHANGE_TAG = Helper.of(Checks.class, "changeTag", Effect.TOUCHES_MEMORY, Effect.MAY_FAULT);
    public static final Helper TAGGED_ACCESS = Helper.of(Checks.class, "taggedAccess", Effect.TOUCHES_MEMORY, Effect.MAY_FAULT);

    private static final int WORD = Mpb.INT_SIZE;

    private Checks() {
    }

    /** A VAR parameter now refers to the {@code size} bytes at {@code address}. */
    public static void enterVar(ExecutionContext ctx, int address, int size) {
        TextFiles.runtime(ctx).enterVarBlock(address, address + size - 1);
    }

    public static void exitVar(ExecutionContext ctx) {
        TextFiles.runtime(ctx).exitVarBlock();
    }

    /**
     * Assigning {@code tag} to the tag field at {@code address}: when it selects another variant
     * (by the logical variant table at {@code table}), the variant part ({@code size} bytes at
     * {@code offset} from the tag) must not be referenced by a VAR parameter.
     */
    public static void changeVariant(ExecutionContext ctx, int address, int tag, int offset, int size, int table, int wide) {
        GuestMemory m = ctx.memory;
        int count = m.load32(table);
        if (tag < 0 || tag >= count) {
            throw P5Error.VALUE_OUT_OF_RANGE.fault();
        }
        int current = wide != 0 ? m.load32(address) : m.load8(address);
        boolean other = current < 0 || current >= count
                || m.load32(table + (tag + 1) * WORD) != m.load32(table + (current + 1) * WORD);
        if (other && TextFiles.runtime(ctx).varOverlaps(address + offset, address + offset + size - 1)) {
            throw P5Error.CHANGE_TO_VAR_VARIANT.fault();
        }
    }

    /**
     * Assigning {@code tag} to the tag field at {@code address}, {@code offset} bytes into a record
     * allocated with tag values: the tag of level {@code level}, if one was given to new, must
     * select the same logical variant (table at {@code table}).
     */
    public static void changeTag(ExecutionContext ctx, int address, int tag, int offset, int level, int table) {
        GuestMemory m = ctx.memory;
        int below = address - offset - WORD;
        int given = tagCount(m, below);
        int first = below - given * WORD;
        if (given >= level) {
            if (tag < 0 || tag >= m.load32(table)) {
                throw P5Error.VALUE_OUT_OF_RANGE.fault();
            }
            if (m.load32(first + (level - 1) * WORD) != m.load32(table + (tag + 1) * WORD)) {
                throw P5Error.CHANGE_TO_ALLOCATED_TAG.fault();
            }
        }
    }

    /** A record at {@code address} used as a whole must not have been allocated with tag values. */
    public static void taggedAccess(ExecutionContext ctx, int address) {
        if (tagCount(ctx.memory, address - WORD) != 0) {
            throw P5Error.TAGGED_RECORD_ACCESS.fault();
        }
    }

    /** The number of tags recorded by new in the word at {@code at}. */
    private static int tagCount(GuestMemory m, int at) {
        int recorded = m.load32(at);
        if (recorded < WORD) {
            throw P5Error.SYSTEM_ERROR.fault();
        }
        return recorded - Mpb.ADR_SIZE - 1;
    }
}
