package dev.mimic.cil.runtime;

import dev.mimic.backend.exec.GuestThrow;
import dev.mimic.backend.ir.ManagedObject;
import dev.mimic.cil.model.FieldSlot;
import dev.mimic.cil.model.RuntimeType;
import dev.mimic.cil.model.TypeSystem;

/**
 * The exceptions the execution engine itself raises (III.1.5 and each instruction's "Exceptions"
 * section), as instances of the class library's exception types carrying mono's messages, ready
 * to be thrown into guest code.
 */
public final class GuestExceptions {
    private final TypeSystem types;

    GuestExceptions(TypeSystem types) {
        this.types = types;
    }

    public GuestThrow nullReference() {
        return raise("NullReferenceException", "Object reference not set to an instance of an object");
    }

    public GuestThrow divideByZero() {
        return raise("DivideByZeroException", "Attempted to divide by zero.");
    }

    public GuestThrow overflow() {
        return raise("OverflowException", "Arithmetic operation resulted in an overflow.");
    }

    public GuestThrow indexOutOfRange() {
        return raise("IndexOutOfRangeException", "Index was outside the bounds of the array.");
    }

    public GuestThrow invalidCast() {
        return raise("InvalidCastException", "Specified cast is not valid.");
    }

    public GuestThrow argumentOutOfRange(String message) {
        return raise("ArgumentOutOfRangeException", message);
    }

    public GuestThrow format(String message) {
        return raise("FormatException", message);
    }

    /** TypeInitializationException for {@code type}, with the static constructor's exception inside. */
    public GuestThrow typeInitialization(RuntimeType type, Object inner) {
        GuestThrow t = raise("TypeInitializationException", "The type initializer for '" + type.name()
                + "' threw an exception.");
        ManagedObject e = (ManagedObject) t.exception();
        RuntimeType exception = types.corlibType("System", "Exception");
        e.references[exception.field("_innerException").cell().index()] = inner;
        e.references[types.corlibType("System", "TypeInitializationException").field("_typeName").cell().index()]
                = type.name();
        return t;
    }

    /** A {@code System.<type>} with {@code message}, its constructor not run (mono fills these in natively too). */
    public GuestThrow raise(String type, String message) {
        RuntimeType t = types.corlibType("System", type);
        ManagedObject e = t.newValue();
        FieldSlot field = types.corlibType("System", "Exception").field("_message");
        e.references[field.cell().index()] = message;
        return new GuestThrow(e);
    }
}
