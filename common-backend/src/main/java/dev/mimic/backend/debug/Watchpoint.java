package dev.mimic.backend.debug;

/**
 * A watchpoint: stop after a guest instruction that accesses [address, address+length) in the
 * watched way, when the optional condition holds ({@code value} and {@code old} name the accessed
 * value after and before the access).
 */
public record Watchpoint(int id, long address, int length, Access access, String label, Condition condition) {
    /** Which accesses trigger. */
    public enum Access {
        READ, WRITE, ACCESS;

        boolean matches(boolean write) {
            return this == ACCESS || (this == WRITE) == write;
        }
    }

    boolean covers(long start, int width, boolean write) {
        return access.matches(write) && start < address + length && address < start + width;
    }
}
