package dev.mimic.cil.corlib;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.cil.runtime.ManagedPointer;

/**
 * The primitive types' formatting and parsing, culture-invariant (mono's Number class runs on
 * unmanaged buffers). {@code this} of a primitive's method is a pointer or a boxed value.
 */
public final class NumberIntrinsics {
    private NumberIntrinsics() {
    }

    @Intrinsic({"System.Int32::ToString()", "System.Int64::ToString()", "System.Int16::ToString()",
            "System.SByte::ToString()"})
    public static Object integerToString(Object self) {
        return Long.toString(ManagedPointer.primitive(self));
    }

    @Intrinsic("System.Int32::ToString(string)")
    public static Object intFormat(Object self, Object format) {
        return Text.integer(ManagedPointer.primitive(self), 32, (String) format);
    }

    @Intrinsic("System.Int64::ToString(string)")
    public static Object longFormat(Object self, Object format) {
        return Text.integer(ManagedPointer.primitive(self), 64, (String) format);
    }

    @Intrinsic("System.Int32::TryParse(string,int32&)")
    public static int tryParseInt(Object s, Object result) {
        try {
            ((ManagedPointer) result).store(Integer.parseInt(((String) s).strip()));
            return 1;
        } catch (NumberFormatException | NullPointerException e) {
            ((ManagedPointer) result).store(0);
            return 0;
        }
    }

    @Intrinsic("System.Double::TryParse(string,float64&)")
    public static int tryParseDouble(Object s, Object result) {
        try {
            ((ManagedPointer) result).store(Double.doubleToRawLongBits(Double.parseDouble(((String) s).strip())));
            return 1;
        } catch (NumberFormatException | NullPointerException e) {
            ((ManagedPointer) result).store(0);
            return 0;
        }
    }

    @Intrinsic("System.UInt32::ToString()")
    public static Object uintToString(Object self) {
        return Integer.toUnsignedString((int) ManagedPointer.primitive(self));
    }

    @Intrinsic("System.UInt64::ToString()")
    public static Object ulongToString(Object self) {
        return Long.toUnsignedString(ManagedPointer.primitive(self));
    }

    @Intrinsic({"System.Byte::ToString()", "System.UInt16::ToString()"})
    public static Object smallUnsignedToString(Object self) {
        return Long.toString(ManagedPointer.primitive(self));
    }

    @Intrinsic("System.Double::ToString()")
    public static Object doubleToString(Object self) {
        return Text.real(Double.longBitsToDouble(ManagedPointer.primitive(self)), 15, null);
    }

    @Intrinsic("System.Double::ToString(string)")
    public static Object doubleFormat(Object self, Object format) {
        return Text.real(Double.longBitsToDouble(ManagedPointer.primitive(self)), 15, (String) format);
    }

    @Intrinsic("System.Single::ToString()")
    public static Object singleToString(Object self) {
        return Text.real(Double.longBitsToDouble(ManagedPointer.primitive(self)), 7, null);
    }

    @Intrinsic("System.Boolean::ToString()")
    public static Object boolToString(Object self) {
        return ManagedPointer.primitive(self) != 0 ? "True" : "False";
    }

    @Intrinsic("System.Char::ToString()")
    public static Object charToString(Object self) {
        return String.valueOf((char) ManagedPointer.primitive(self));
    }

    @Intrinsic({"System.Int32::GetHashCode()", "System.Char::GetHashCode()", "System.Boolean::GetHashCode()"})
    public static int intHashCode(Object self) {
        return (int) ManagedPointer.primitive(self);
    }

    @Intrinsic("System.Int32::Parse(string)")
    public static int parseInt(ExecutionContext ctx, Object s) {
        if (s == null) {
            throw Text.rt(ctx).exceptions().raise("ArgumentNullException", "Value cannot be null.");
        }
        try {
            return Integer.parseInt(((String) s).strip());
        } catch (NumberFormatException e) {
            throw Text.rt(ctx).exceptions().format("Input string was not in a correct format.");
        }
    }

    @Intrinsic("System.Double::Parse(string)")
    public static double parseDouble(ExecutionContext ctx, Object s) {
        try {
            return Double.parseDouble(((String) s).strip());
        } catch (NumberFormatException e) {
            throw Text.rt(ctx).exceptions().format("Input string was not in a correct format.");
        }
    }

    @Intrinsic({"System.Char::ToUpper(char)", "System.Char::ToUpperInvariant(char)"})
    public static int toUpper(int c) {
        return Character.toUpperCase((char) c);
    }

    @Intrinsic({"System.Char::ToLower(char)", "System.Char::ToLowerInvariant(char)"})
    public static int toLower(int c) {
        return Character.toLowerCase((char) c);
    }
}
