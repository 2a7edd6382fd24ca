package dev.mimic.cil.corlib;

import dev.mimic.backend.exec.ExecutionContext;

/**
 * {@code System.Text.StringBuilder} on {@link java.lang.StringBuilder}: mscorlib's builder writes its
 * chunks through unmanaged pointers, so Mimic backs the type with the JVM's builder, as it backs
 * String with the JVM's string. Numbers append as their {@code ToString()} does.
 */
public final class BuilderIntrinsics {
    private BuilderIntrinsics() {
    }

    private static StringBuilder sb(ExecutionContext ctx, Object self) {
        if (self == null) {
            throw Text.rt(ctx).exceptions().nullReference();
        }
        return (StringBuilder) self;
    }

    @Intrinsic("System.Text.StringBuilder::.ctor()")
    public static Object create() {
        return new StringBuilder();
    }

    @Intrinsic("System.Text.StringBuilder::.ctor(int32)")
    public static Object createWithCapacity(int capacity) {
        return new StringBuilder(Math.max(0, capacity));
    }

    @Intrinsic("System.Text.StringBuilder::.ctor(string)")
    public static Object createFrom(Object text) {
        return new StringBuilder(text == null ? "" : (String) text);
    }

    @Intrinsic({"System.Text.StringBuilder::Append(string)", "System.Text.StringBuilder::Append(object)"})
    public static Object appendObject(ExecutionContext ctx, Object self, Object value) {
        return sb(ctx, self).append(Text.of(ctx, value, null));
    }

    /** Append(char*, count): {@code count} characters from unmanaged memory (how StreamReader hands its buffer over). */
    @Intrinsic("System.Text.StringBuilder::Append(char*,int32)")
    public static Object appendPointer(ExecutionContext ctx, Object self, long chars, int count) {
        StringBuilder b = sb(ctx, self);
        var memory = Text.rt(ctx).memory();
        for (int i = 0; i < count; i++) {
            b.append((char) memory.load(chars + 2L * i, 2));
        }
        return b;
    }

    @Intrinsic("System.Text.StringBuilder::Append(char[],int32,int32)")
    public static Object appendArray(ExecutionContext ctx, Object self, Object chars, int start, int count) {
        StringBuilder b = sb(ctx, self);
        short[] c = (short[]) chars;
        if (c == null || start < 0 || count < 0 || start > c.length - count) {
            throw Text.rt(ctx).exceptions().argumentOutOfRange("Index was out of range. Must be non-negative and less than the size of the collection.\nParameter name: startIndex");
        }
        for (int i = start; i < start + count; i++) {
            b.append((char) c[i]);
        }
        return b;
    }

    @Intrinsic("System.Text.StringBuilder::Append(string,int32,int32)")
    public static Object appendRange(ExecutionContext ctx, Object self, Object s, int start, int count) {
        String v = s == null ? "" : (String) s;
        if (start < 0 || count < 0 || start > v.length() - count) {
            throw Text.rt(ctx).exceptions().argumentOutOfRange("Index was out of range. Must be non-negative and less than the size of the collection.\nParameter name: startIndex");
        }
        return sb(ctx, self).append(v, start, start + count);
    }

    @Intrinsic("System.Text.StringBuilder::Append(char)")
    public static Object appendChar(ExecutionContext ctx, Object self, int value) {
        return sb(ctx, self).append((char) value);
    }

    @Intrinsic("System.Text.StringBuilder::Append(char,int32)")
    public static Object appendChars(ExecutionContext ctx, Object self, int value, int count) {
        return sb(ctx, self).append(String.valueOf((char) value).repeat(Math.max(0, count)));
    }

    @Intrinsic("System.Text.StringBuilder::Append(int32)")
    public static Object appendInt(ExecutionContext ctx, Object self, int value) {
        return sb(ctx, self).append(value);
    }

    @Intrinsic("System.Text.StringBuilder::Append(int64)")
    public static Object appendLong(ExecutionContext ctx, Object self, long value) {
        return sb(ctx, self).append(value);
    }

    @Intrinsic("System.Text.StringBuilder::Append(float64)")
    public static Object appendDouble(ExecutionContext ctx, Object self, double value) {
        return sb(ctx, self).append(Text.real(value, 15, null));
    }

    @Intrinsic("System.Text.StringBuilder::Append(bool)")
    public static Object appendBool(ExecutionContext ctx, Object self, int value) {
        return sb(ctx, self).append(value != 0 ? "True" : "False");
    }

    @Intrinsic("System.Text.StringBuilder::AppendLine()")
    public static Object appendLine(ExecutionContext ctx, Object self) {
        return sb(ctx, self).append('\n');
    }

    @Intrinsic("System.Text.StringBuilder::AppendLine(string)")
    public static Object appendLineText(ExecutionContext ctx, Object self, Object text) {
        return sb(ctx, self).append(text == null ? "" : (String) text).append('\n');
    }

    @Intrinsic("System.Text.StringBuilder::AppendFormat(string,object)")
    public static Object appendFormat1(ExecutionContext ctx, Object self, Object format, Object a) {
        return sb(ctx, self).append(Text.format(ctx, (String) format, new Object[] {a}));
    }

    @Intrinsic("System.Text.StringBuilder::AppendFormat(string,object,object)")
    public static Object appendFormat2(ExecutionContext ctx, Object self, Object format, Object a, Object b) {
        return sb(ctx, self).append(Text.format(ctx, (String) format, new Object[] {a, b}));
    }

    @Intrinsic("System.Text.StringBuilder::Insert(int32,string)")
    public static Object insert(ExecutionContext ctx, Object self, int index, Object text) {
        StringBuilder b = sb(ctx, self);
        if (index < 0 || index > b.length()) {
            throw Text.rt(ctx).exceptions().argumentOutOfRange("index");
        }
        return b.insert(index, text == null ? "" : (String) text);
    }

    @Intrinsic("System.Text.StringBuilder::Remove(int32,int32)")
    public static Object remove(ExecutionContext ctx, Object self, int start, int length) {
        StringBuilder b = sb(ctx, self);
        if (start < 0 || length < 0 || start > b.length() - length) {
            throw Text.rt(ctx).exceptions().argumentOutOfRange("length");
        }
        return b.delete(start, start + length);
    }

    @Intrinsic("System.Text.StringBuilder::Replace(string,string)")
    public static Object replace(ExecutionContext ctx, Object self, Object from, Object to) {
        StringBuilder b = sb(ctx, self);
        String replaced = b.toString().replace((String) from, to == null ? "" : (String) to);
        b.setLength(0);
        return b.append(replaced);
    }

    @Intrinsic("System.Text.StringBuilder::Clear()")
    public static Object clear(ExecutionContext ctx, Object self) {
        sb(ctx, self).setLength(0);
        return self;
    }

    @Intrinsic("System.Text.StringBuilder::ToString()")
    public static Object text(ExecutionContext ctx, Object self) {
        return sb(ctx, self).toString();
    }

    @Intrinsic("System.Text.StringBuilder::get_Length()")
    public static int length(ExecutionContext ctx, Object self) {
        return sb(ctx, self).length();
    }

    @Intrinsic("System.Text.StringBuilder::set_Length(int32)")
    public static void setLength(ExecutionContext ctx, Object self, int length) {
        if (length < 0) {
            throw Text.rt(ctx).exceptions().argumentOutOfRange("value");
        }
        sb(ctx, self).setLength(length);
    }

    @Intrinsic("System.Text.StringBuilder::get_Chars(int32)")
    public static int charAt(ExecutionContext ctx, Object self, int index) {
        StringBuilder b = sb(ctx, self);
        if (index < 0 || index >= b.length()) {
            throw Text.rt(ctx).exceptions().raise("IndexOutOfRangeException", "Index was outside the bounds of the array.");
        }
        return b.charAt(index);
    }

    @Intrinsic("System.Text.StringBuilder::set_Chars(int32,char)")
    public static void setCharAt(ExecutionContext ctx, Object self, int index, int c) {
        StringBuilder b = sb(ctx, self);
        if (index < 0 || index >= b.length()) {
            throw Text.rt(ctx).exceptions().argumentOutOfRange("index");
        }
        b.setCharAt(index, (char) c);
    }

    /**
     * TextWriter.FormatProvider: null, which the formatting intrinsics read as the invariant
     * culture, the only one Mimic formats with (mono asks the current thread's culture).
     */
    @Intrinsic("System.IO.TextWriter::get_FormatProvider()")
    public static Object formatProvider(Object self) {
        return null;
    }
}
