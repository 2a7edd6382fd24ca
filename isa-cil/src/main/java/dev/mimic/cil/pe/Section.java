package dev.mimic.cil.pe;

/**
 * One PE section header (ECMA-335 II.25.3): where a range of relative virtual addresses lives in the
 * file. Only the raw data is backed by file bytes; the loader never reads the zero-filled tail.
 */
public record Section(String name, int virtualAddress, int virtualSize, int rawSize, int rawOffset) {

    /** Whether {@code rva} falls inside this section's file-backed bytes. */
    public boolean holds(long rva) {
        return rva >= (virtualAddress & 0xFFFFFFFFL) && rva < (virtualAddress & 0xFFFFFFFFL) + rawSize;
    }
}
