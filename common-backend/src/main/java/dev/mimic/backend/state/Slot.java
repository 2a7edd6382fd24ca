package dev.mimic.backend.state;

import dev.mimic.backend.ir.Type;

/**
 * A named piece of guest state (a register, a flag group, a stack pointer) with its IR type and its
 * cell index in {@link GuestState}'s array for that type.
 */
public record Slot(int id, String name, Type type, int cell) {
    @Override
    public String toString() {
        return name;
    }
}
