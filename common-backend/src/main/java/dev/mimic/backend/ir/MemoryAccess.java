package dev.mimic.backend.ir;

/**
 * The width and signedness of a guest memory {@link Op#LOAD} or {@link Op#STORE}.
 *
 * @param bytes  1, 2, 4 or 8
 * @param signed whether a narrow load sign-extends (ignored by stores and full-width loads)
 */
public record MemoryAccess(int bytes, boolean signed) {
    public static final MemoryAccess U8 = new MemoryAccess(1, false);
    public static final MemoryAccess S8 = new MemoryAccess(1, true);
    public static final MemoryAccess U16 = new MemoryAccess(2, false);
    public static final MemoryAccess S16 = new MemoryAccess(2, true);
    public static final MemoryAccess U32 = new MemoryAccess(4, false);
    public static final MemoryAccess S32 = new MemoryAccess(4, true);
    public static final MemoryAccess W64 = new MemoryAccess(8, false);

    public MemoryAccess {
        if (bytes != 1 && bytes != 2 && bytes != 4 && bytes != 8) {
            throw new IllegalArgumentException("memory access width must be 1, 2, 4 or 8 bytes: " + bytes);
        }
    }

    @Override
    public String toString() {
        return (signed && bytes < 8 ? "s" : "u") + bytes * 8;
    }
}
