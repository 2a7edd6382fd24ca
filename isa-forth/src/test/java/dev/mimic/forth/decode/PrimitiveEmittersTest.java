package dev.mimic.forth.decode;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every instruction of forth.isa reaches its emitter through {@link Primitives#emit}'s switch. */
class PrimitiveEmittersTest {
    @Test
    void everyInstructionsEmitterIsInTheSwitch() {
        for (PrimitiveTable.Primitive p : PrimitiveTable.get().all()) {
            // without an emitter to work on, a method that is reached fails on it (or, emitting
            // nothing, returns); one missing from the switch makes emit answer false
            try {
                assertTrue(Primitives.emit(p.emitter(), null), p.name());
            } catch (NullPointerException reached) {
                // the switch called the method
            }
        }
        assertFalse(Primitives.emit("no-such-emitter", null));
    }
}
