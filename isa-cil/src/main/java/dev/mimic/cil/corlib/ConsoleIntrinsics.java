package dev.mimic.cil.corlib;

import dev.mimic.backend.exec.ExecutionContext;

/**
 * {@code System.Console}'s writing methods. mono's Console builds a TextWriter over a FileStream
 * whose encoder runs on unmanaged pointers; Mimic writes the same text to the program's output.
 */
public final class ConsoleIntrinsics {
    private ConsoleIntrinsics() {
    }

    private static void write(ExecutionContext ctx, String s, boolean line) {
        var out = Text.rt(ctx).out();
        out.print(s);
        if (line) {
            out.print('\n');
        }
    }

    @Intrinsic("System.Console::WriteLine()")
    public static void writeLine(ExecutionContext ctx) {
        write(ctx, "", true);
    }

    @Intrinsic({"System.Console::WriteLine(string)", "System.Console::WriteLine(object)"})
    public static void writeLineObject(ExecutionContext ctx, Object value) {
        write(ctx, Text.of(ctx, value, null), true);
    }

    @Intrinsic({"System.Console::Write(string)", "System.Console::Write(object)"})
    public static void writeObject(ExecutionContext ctx, Object value) {
        write(ctx, Text.of(ctx, value, null), false);
    }

    @Intrinsic("System.Console::WriteLine(int32)")
    public static void writeLineInt(ExecutionContext ctx, int value) {
        write(ctx, Integer.toString(value), true);
    }

    @Intrinsic("System.Console::Write(int32)")
    public static void writeInt(ExecutionContext ctx, int value) {
        write(ctx, Integer.toString(value), false);
    }

    @Intrinsic("System.Console::WriteLine(uint32)")
    public static void writeLineUInt(ExecutionContext ctx, int value) {
        write(ctx, Integer.toUnsignedString(value), true);
    }

    @Intrinsic("System.Console::WriteLine(int64)")
    public static void writeLineLong(ExecutionContext ctx, long value) {
        write(ctx, Long.toString(value), true);
    }

    @Intrinsic("System.Console::Write(int64)")
    public static void writeLong(ExecutionContext ctx, long value) {
        write(ctx, Long.toString(value), false);
    }

    @Intrinsic("System.Console::WriteLine(uint64)")
    public static void writeLineULong(ExecutionContext ctx, long value) {
        write(ctx, Long.toUnsignedString(value), true);
    }

    @Intrinsic("System.Console::WriteLine(float64)")
    public static void writeLineDouble(ExecutionContext ctx, double value) {
        write(ctx, Text.real(value, 15, null), true);
    }

    @Intrinsic("System.Console::Write(float64)")
    public static void writeDouble(ExecutionContext ctx, double value) {
        write(ctx, Text.real(value, 15, null), false);
    }

    @Intrinsic("System.Console::WriteLine(float32)")
    public static void writeLineFloat(ExecutionContext ctx, double value) {
        write(ctx, Text.real(value, 7, null), true);
    }

    @Intrinsic("System.Console::WriteLine(bool)")
    public static void writeLineBool(ExecutionContext ctx, int value) {
        write(ctx, value != 0 ? "True" : "False", true);
    }

    @Intrinsic("System.Console::WriteLine(char)")
    public static void writeLineChar(ExecutionContext ctx, int value) {
        write(ctx, String.valueOf((char) value), true);
    }

    @Intrinsic("System.Console::Write(char)")
    public static void writeChar(ExecutionContext ctx, int value) {
        write(ctx, String.valueOf((char) value), false);
    }

    @Intrinsic("System.Console::WriteLine(string,object)")
    public static void writeLineFormat1(ExecutionContext ctx, Object format, Object a) {
        write(ctx, Text.format(ctx, (String) format, new Object[] {a}), true);
    }

    @Intrinsic("System.Console::WriteLine(string,object,object)")
    public static void writeLineFormat2(ExecutionContext ctx, Object format, Object a, Object b) {
        write(ctx, Text.format(ctx, (String) format, new Object[] {a, b}), true);
    }

    @Intrinsic("System.Console::WriteLine(string,object,object,object)")
    public static void writeLineFormat3(ExecutionContext ctx, Object format, Object a, Object b, Object c) {
        write(ctx, Text.format(ctx, (String) format, new Object[] {a, b, c}), true);
    }

    @Intrinsic("System.Console::WriteLine(string,object[])")
    public static void writeLineFormatN(ExecutionContext ctx, Object format, Object args) {
        write(ctx, Text.format(ctx, (String) format, (Object[]) args), true);
    }

    @Intrinsic("System.Console::Write(string,object)")
    public static void writeFormat1(ExecutionContext ctx, Object format, Object a) {
        write(ctx, Text.format(ctx, (String) format, new Object[] {a}), false);
    }

    @Intrinsic("System.Console::Write(string,object,object)")
    public static void writeFormat2(ExecutionContext ctx, Object format, Object a, Object b) {
        write(ctx, Text.format(ctx, (String) format, new Object[] {a, b}), false);
    }

    /** Console.ReadLine: a line without its terminator, or null at the end of input. */
    @Intrinsic("System.Console::ReadLine()")
    public static Object readLine(ExecutionContext ctx) {
        Text.rt(ctx).out().flush();
        try {
            return Text.rt(ctx).in().readLine();
        } catch (java.io.IOException e) {
            throw Text.rt(ctx).exceptions().raise("IOException", e.getMessage());
        }
    }

    /** Console.Read: the next character, or -1 at the end of input. */
    @Intrinsic("System.Console::Read()")
    public static int read(ExecutionContext ctx) {
        Text.rt(ctx).out().flush();
        try {
            return Text.rt(ctx).in().read();
        } catch (java.io.IOException e) {
            throw Text.rt(ctx).exceptions().raise("IOException", e.getMessage());
        }
    }
}
