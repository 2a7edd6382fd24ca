package dev.mimic.forth.boot;

import dev.mimic.backend.memory.GuestMemory;

/**
 * What a Forth machine's memory starts as when it is created or reset: the bare kernel, or a
 * firmware image built on it. Implementations are immutable, so one serves every machine.
 */
public interface StartImage {
    /** Copies the image into {@code memory}: the system area (with its boot thread) and the dictionary. */
    void loadInto(GuestMemory memory);

    /** Whether the image greets the user itself, so the host prints no banner of its own. */
    default boolean hasOwnBanner() {
        return false;
    }
}
