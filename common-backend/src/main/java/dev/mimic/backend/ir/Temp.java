package dev.mimic.backend.ir;

/**
 * An IR temporary: a typed virtual register local to one {@link Region}. Stack machines keep their
 * operand stack in temporaries within a block, so compiled code sees registers, not a stack.
 */
public record Temp(int index, Type type) {
    @Override
    public String toString() {
        return "t" + index + ":" + type.name().toLowerCase();
    }
}
