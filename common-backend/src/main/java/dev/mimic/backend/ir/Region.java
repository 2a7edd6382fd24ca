package dev.mimic.backend.ir;

import java.util.List;

/**
 * The unit of execution and compilation: a control-flow graph of {@link Block}s with one entry
 * (block 0). A region either is entered by the dispatcher at a guest address and leaves through
 * {@link Op#EXIT}/{@link Op#STOP}, or is called with typed parameters (temporaries
 * {@code 0..paramCount-1}) and leaves through {@link Op#RETURN}. Guest loops inside a region become
 * host loops in compiled code.
 */
public final class Region {
    private final String name;
    private final long entryPc;
    private final List<Type> tempTypes;
    private final int paramCount;
    private final Type returnType;
    private final boolean dispatchable;
    private final boolean yields;
    private final List<Block> blocks;
    private final List<CodeRange> code;
    private final int guestInstructions;

    Region(String name, long entryPc, List<Type> tempTypes, int paramCount, Type returnType, boolean dispatchable,
           boolean yields, List<Block> blocks, List<CodeRange> code, int guestInstructions) {
        this.name = name;
        this.entryPc = entryPc;
        this.tempTypes = List.copyOf(tempTypes);
        this.paramCount = paramCount;
        this.returnType = returnType;
        this.dispatchable = dispatchable;
        this.yields = yields;
        this.blocks = List.copyOf(blocks);
        this.code = List.copyOf(code);
        this.guestInstructions = guestInstructions;
    }

    public String name() {
        return name;
    }

    public long entryPc() {
        return entryPc;
    }

    public int tempCount() {
        return tempTypes.size();
    }

    public Type tempType(int index) {
        return tempTypes.get(index);
    }

    public int paramCount() {
        return paramCount;
    }

    /** The type RETURN yields, or null for regions that return nothing or are never called. */
    public Type returnType() {
        return returnType;
    }

    public List<Block> blocks() {
        return blocks;
    }

    public Block block(int index) {
        return blocks.get(index);
    }

    /** The guest address ranges this region was decoded from; a write to them invalidates it. */
    public List<CodeRange> code() {
        return code;
    }

    /** Number of guest instruction markers in the region (a static count, not a path length). */
    public int guestInstructions() {
        return guestInstructions;
    }

    /**
     * True for regions the dispatcher enters at a guest address (no parameters, no return value,
     * not declared {@link RegionBuilder#called()}).
     */
    public boolean dispatchable() {
        return dispatchable;
    }

    /**
     * True when the region may yield to the dispatcher at back-edges: dispatchable regions, and
     * called regions built {@link RegionBuilder#yielding()}, which also check on entry. Other
     * called regions run to their return.
     */
    public boolean yields() {
        return yields;
    }

    /** True when any guest code range of this region overlaps [start, end). */
    public boolean overlaps(long start, long end) {
        for (CodeRange r : code) {
            if (r.overlaps(start, end)) {
                return true;
            }
        }
        return false;
    }

    /** A readable listing, one instruction a line, for debugging and tests. */
    public String listing() {
        StringBuilder s = new StringBuilder("region ").append(name).append(" @0x").append(Long.toHexString(entryPc)).append('\n');
        for (Block b : blocks) {
            s.append("b").append(b.index());
            if (b.resumePc() != Block.NOT_RESUMABLE) {
                s.append(" resume@0x").append(Long.toHexString(b.resumePc()));
            }
            if (b.handler() >= 0) {
                s.append(" handler=b").append(b.handler());
            }
            s.append(":\n");
            for (Insn i : b.insns()) {
                s.append("  ").append(i).append('\n');
            }
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return "region " + name;
    }
}
