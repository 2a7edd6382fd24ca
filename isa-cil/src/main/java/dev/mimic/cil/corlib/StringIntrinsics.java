package dev.mimic.cil.corlib;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.cil.model.RuntimeMethod;
import dev.mimic.cil.model.RuntimeType;
import dev.mimic.cil.model.TypeSystem;

/**
 * {@code System.String} on {@link java.lang.String}: guest strings are JVM strings (both are
 * immutable UTF-16 sequences), so mscorlib's pointer-based string code is replaced by these.
 */
public final class StringIntrinsics {
    private StringIntrinsics() {
    }

    private static String str(ExecutionContext ctx, Object s) {
        if (s == null) {
            throw Text.rt(ctx).exceptions().nullReference();
        }
        return (String) s;
    }

    private static String orEmpty(Object s) {
        return s == null ? "" : (String) s;
    }

    @Intrinsic("System.String::get_Length()")
    public static int length(ExecutionContext ctx, Object s) {
        return str(ctx, s).length();
    }

    @Intrinsic("System.String::get_Chars(int32)")
    public static int charAt(ExecutionContext ctx, Object s, int index) {
        String v = str(ctx, s);
        if (index < 0 || index >= v.length()) {
            throw Text.rt(ctx).exceptions().indexOutOfRange();
        }
        return v.charAt(index);
    }

    @Intrinsic("System.String::Concat(string,string)")
    public static Object concat2(Object a, Object b) {
        return orEmpty(a) + orEmpty(b);
    }

    @Intrinsic("System.String::Concat(string,string,string)")
    public static Object concat3(Object a, Object b, Object c) {
        return orEmpty(a) + orEmpty(b) + orEmpty(c);
    }

    @Intrinsic("System.String::Concat(string,string,string,string)")
    public static Object concat4(Object a, Object b, Object c, Object d) {
        return orEmpty(a) + orEmpty(b) + orEmpty(c) + orEmpty(d);
    }

    @Intrinsic("System.String::Concat(object)")
    public static Object concatObject(ExecutionContext ctx, Object a) {
        return Text.of(ctx, a, null);
    }

    @Intrinsic("System.String::Concat(object,object)")
    public static Object concatObjects2(ExecutionContext ctx, Object a, Object b) {
        return Text.of(ctx, a, null) + Text.of(ctx, b, null);
    }

    @Intrinsic("System.String::Concat(object,object,object)")
    public static Object concatObjects3(ExecutionContext ctx, Object a, Object b, Object c) {
        return Text.of(ctx, a, null) + Text.of(ctx, b, null) + Text.of(ctx, c, null);
    }

    @Intrinsic({"System.String::Concat(string[])", "System.String::Concat(object[])"})
    public static Object concatArray(ExecutionContext ctx, Object values) {
        StringBuilder s = new StringBuilder();
        for (Object v : (Object[]) values) {
            s.append(Text.of(ctx, v, null));
        }
        return s.toString();
    }

    @Intrinsic({"System.String::op_Equality(string,string)", "System.String::Equals(string,string)"})
    public static int equalsStatic(Object a, Object b) {
        return java.util.Objects.equals(a, b) ? 1 : 0;
    }

    @Intrinsic("System.String::op_Inequality(string,string)")
    public static int notEquals(Object a, Object b) {
        return java.util.Objects.equals(a, b) ? 0 : 1;
    }

    @Intrinsic({"System.String::Equals(string)", "System.String::Equals(object)"})
    public static int equalsInstance(ExecutionContext ctx, Object self, Object other) {
        return str(ctx, self).equals(other) ? 1 : 0;
    }

    @Intrinsic("System.String::GetHashCode()")
    public static int hashCode(ExecutionContext ctx, Object self) {
        return str(ctx, self).hashCode();
    }

    @Intrinsic("System.String::ToString()")
    public static Object toStringOfString(ExecutionContext ctx, Object self) {
        return str(ctx, self);
    }

    @Intrinsic("System.String::IsNullOrEmpty(string)")
    public static int isNullOrEmpty(Object s) {
        return s == null || ((String) s).isEmpty() ? 1 : 0;
    }

    @Intrinsic("System.String::Substring(int32)")
    public static Object substring1(ExecutionContext ctx, Object self, int start) {
        String s = str(ctx, self);
        if (start < 0 || start > s.length()) {
            throw Text.rt(ctx).exceptions().argumentOutOfRange("startIndex");
        }
        return s.substring(start);
    }

    @Intrinsic("System.String::Substring(int32,int32)")
    public static Object substring2(ExecutionContext ctx, Object self, int start, int length) {
        String s = str(ctx, self);
        if (start < 0 || length < 0 || start > s.length() - length) {
            throw Text.rt(ctx).exceptions().argumentOutOfRange("startIndex");
        }
        return s.substring(start, start + length);
    }

    @Intrinsic("System.String::IndexOf(char)")
    public static int indexOfChar(ExecutionContext ctx, Object self, int c) {
        return str(ctx, self).indexOf((char) c);
    }

    @Intrinsic("System.String::IndexOf(string)")
    public static int indexOfString(ExecutionContext ctx, Object self, Object s) {
        return str(ctx, self).indexOf(str(ctx, s));
    }

    @Intrinsic("System.String::Contains(string)")
    public static int contains(ExecutionContext ctx, Object self, Object s) {
        return str(ctx, self).contains(str(ctx, s)) ? 1 : 0;
    }

    @Intrinsic("System.String::StartsWith(string)")
    public static int startsWith(ExecutionContext ctx, Object self, Object s) {
        return str(ctx, self).startsWith(str(ctx, s)) ? 1 : 0;
    }

    @Intrinsic("System.String::EndsWith(string)")
    public static int endsWith(ExecutionContext ctx, Object self, Object s) {
        return str(ctx, self).endsWith(str(ctx, s)) ? 1 : 0;
    }

    @Intrinsic({"System.String::ToUpper()", "System.String::ToUpperInvariant()"})
    public static Object toUpper(ExecutionContext ctx, Object self) {
        return str(ctx, self).toUpperCase(java.util.Locale.ROOT);
    }

    @Intrinsic({"System.String::ToLower()", "System.String::ToLowerInvariant()"})
    public static Object toLower(ExecutionContext ctx, Object self) {
        return str(ctx, self).toLowerCase(java.util.Locale.ROOT);
    }

    @Intrinsic("System.String::Trim()")
    public static Object trim(ExecutionContext ctx, Object self) {
        return str(ctx, self).strip();
    }

    @Intrinsic("System.String::Replace(string,string)")
    public static Object replace(ExecutionContext ctx, Object self, Object from, Object to) {
        return str(ctx, self).replace(str(ctx, from), orEmpty(to));
    }

    @Intrinsic("System.String::PadLeft(int32)")
    public static Object padLeft(ExecutionContext ctx, Object self, int width) {
        String s = str(ctx, self);
        return " ".repeat(Math.max(0, width - s.length())) + s;
    }

    @Intrinsic("System.String::PadRight(int32)")
    public static Object padRight(ExecutionContext ctx, Object self, int width) {
        String s = str(ctx, self);
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    @Intrinsic("System.String::CompareOrdinal(string,string)")
    public static int compareOrdinal(Object a, Object b) {
        return a == null ? (b == null ? 0 : -1) : b == null ? 1 : Integer.signum(((String) a).compareTo((String) b));
    }

    @Intrinsic("System.String::Format(string,object)")
    public static Object format1(ExecutionContext ctx, Object format, Object a) {
        return Text.format(ctx, str(ctx, format), new Object[] {a});
    }

    @Intrinsic("System.String::Format(string,object,object)")
    public static Object format2(ExecutionContext ctx, Object format, Object a, Object b) {
        return Text.format(ctx, str(ctx, format), new Object[] {a, b});
    }

    @Intrinsic("System.String::Format(string,object,object,object)")
    public static Object format3(ExecutionContext ctx, Object format, Object a, Object b, Object c) {
        return Text.format(ctx, str(ctx, format), new Object[] {a, b, c});
    }

    @Intrinsic("System.String::Format(string,object[])")
    public static Object formatN(ExecutionContext ctx, Object format, Object args) {
        return Text.format(ctx, str(ctx, format), (Object[]) args);
    }

    /** The overloads with a format provider: the formatting is culture-invariant whatever the provider. */
    @Intrinsic("System.String::Format(System.IFormatProvider,string,object)")
    public static Object providedFormat1(ExecutionContext ctx, Object provider, Object format, Object a) {
        return format1(ctx, format, a);
    }

    @Intrinsic("System.String::Format(System.IFormatProvider,string,object,object)")
    public static Object providedFormat2(ExecutionContext ctx, Object provider, Object format, Object a, Object b) {
        return format2(ctx, format, a, b);
    }

    @Intrinsic("System.String::Format(System.IFormatProvider,string,object,object,object)")
    public static Object providedFormat3(ExecutionContext ctx, Object provider, Object format, Object a, Object b, Object c) {
        return format3(ctx, format, a, b, c);
    }

    @Intrinsic("System.String::Format(System.IFormatProvider,string,object[])")
    public static Object providedFormatN(ExecutionContext ctx, Object provider, Object format, Object args) {
        return formatN(ctx, format, args);
    }

    @Intrinsic("System.String::Join(string,string[])")
    public static Object join(ExecutionContext ctx, Object separator, Object values) {
        StringBuilder s = new StringBuilder();
        Object[] parts = (Object[]) values;
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                s.append(orEmpty(separator));
            }
            s.append(orEmpty(parts[i]));
        }
        return s.toString();
    }

    @Intrinsic("System.String::ToCharArray()")
    public static Object toCharArray(ExecutionContext ctx, Object self) {
        String s = str(ctx, self);
        short[] out = new short[s.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (short) s.charAt(i);
        }
        return out;
    }

    @Intrinsic("System.String::.ctor(char[])")
    public static Object fromChars(Object chars) {
        short[] c = (short[]) chars;
        StringBuilder s = new StringBuilder(c.length);
        for (short x : c) {
            s.append((char) x);
        }
        return s.toString();
    }

    @Intrinsic("System.String::.ctor(char,int32)")
    public static Object repeated(int c, int count) {
        return String.valueOf((char) c).repeat(count);
    }

    @Intrinsic("System.String::Split(char,System.StringSplitOptions)")
    public static Object splitChar(ExecutionContext ctx, Object self, int separator, int options) {
        return split(str(ctx, self), new char[] {(char) separator}, options);
    }

    @Intrinsic("System.String::Split(char[])")
    public static Object splitChars(ExecutionContext ctx, Object self, Object separators) {
        return splitCharsWith(ctx, self, separators, 0);
    }

    @Intrinsic("System.String::Split(char[],System.StringSplitOptions)")
    public static Object splitCharsWith(ExecutionContext ctx, Object self, Object separators, int options) {
        short[] s = separators == null ? new short[0] : (short[]) separators;
        char[] c = new char[s.length];
        for (int i = 0; i < s.length; i++) {
            c[i] = (char) s[i];
        }
        return split(str(ctx, self), c, options);
    }

    /** String.Split: no separators means white space; option 1 (RemoveEmptyEntries) drops empty parts. */
    private static Object split(String s, char[] separators, int options) {
        java.util.List<Object> parts = new java.util.ArrayList<>();
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || isSeparator(s.charAt(i), separators)) {
                String part = s.substring(start, i);
                if (!(part.isEmpty() && (options & 1) != 0)) {
                    parts.add(part);
                }
                start = i + 1;
            }
        }
        return parts.toArray();
    }

    private static boolean isSeparator(char c, char[] separators) {
        if (separators.length == 0) {
            return Character.isWhitespace(c);
        }
        for (char s : separators) {
            if (s == c) {
                return true;
            }
        }
        return false;
    }

    /**
     * The culture-aware comparison (String.Compare, CompareTo) approximated for the invariant culture:
     * letters in alphabetical order whatever their case, lower case before upper case on a tie.
     */
    @Intrinsic({"System.String::Compare(string,string)"})
    public static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == b ? 0 : a == null ? -1 : 1;
        }
        String x = (String) a, y = (String) b;
        int c = x.compareToIgnoreCase(y);
        return Integer.signum(c != 0 ? c : y.compareTo(x));
    }

    @Intrinsic({"System.String::CompareTo(string)", "System.String::CompareTo(object)"})
    public static int compareTo(ExecutionContext ctx, Object self, Object other) {
        return compare(str(ctx, self), other);
    }

    /** String.Join over any IEnumerable<T>: enumerated through the guest's own enumerator. */
    @Intrinsic(value = "System.String::Join(string,System.Collections.Generic.IEnumerable`1<!!0>)", instantiated = true)
    public static Object joinEnumerable(ExecutionContext ctx, Object method, Object separator, Object values) {
        RuntimeType element = ((RuntimeMethod) method).methodArguments().get(0);
        return join(ctx, separator, values, element);
    }

    @Intrinsic("System.String::Join(string,System.Collections.Generic.IEnumerable`1<string>)")
    public static Object joinStrings(ExecutionContext ctx, Object separator, Object values) {
        return join(ctx, separator, values, Text.rt(ctx).types().corlibType("System", "String"));
    }

    @Intrinsic("System.String::Join(string,object[])")
    public static Object joinObjects(ExecutionContext ctx, Object separator, Object values) {
        StringBuilder s = new StringBuilder();
        Object[] parts = (Object[]) values;
        for (int i = 0; i < parts.length; i++) {
            s.append(i > 0 ? orEmpty(separator) : "").append(Text.of(ctx, parts[i], null));
        }
        return s.toString();
    }

    private static Object join(ExecutionContext ctx, Object separator, Object values, RuntimeType element) {
        var rt = Text.rt(ctx);
        var types = rt.types();
        RuntimeType enumerable = generic(types, "IEnumerable`1", element);
        RuntimeType enumerator = generic(types, "IEnumerator`1", element);
        RuntimeType plain = types.corlibType("System.Collections", "IEnumerator");
        Object e = rt.invokeVirtual(enumerable.method("GetEnumerator", 0), checkedValues(ctx, values));
        StringBuilder s = new StringBuilder();
        boolean first = true;
        while ((Integer) rt.invokeVirtual(plain.method("MoveNext", 0), e) != 0) {
            Object current = rt.invokeVirtual(enumerator.method("get_Current", 0), e);
            s.append(first ? "" : orEmpty(separator)).append(Text.of(ctx, Text.guestValue(element, current), null));
            first = false;
        }
        return s.toString();
    }

    private static Object checkedValues(ExecutionContext ctx, Object values) {
        if (values == null) {
            throw Text.rt(ctx).exceptions().raise("ArgumentNullException", "Value cannot be null.");
        }
        return values;
    }

    private static RuntimeType generic(TypeSystem types, String name, RuntimeType argument) {
        var def = types.corlib().findType("System.Collections.Generic", name).orElseThrow();
        return types.type(types.corlib(), def.row(), java.util.List.of(argument));
    }

    /** {@code startIndex}/{@code count} within a string of {@code length}, else mono's ArgumentOutOfRangeException. */
    private static void checkRange(ExecutionContext ctx, int length, int start, int count) {
        if (start < 0 || start > length) {
            throw Text.rt(ctx).exceptions().argumentOutOfRange("Index was out of range. Must be non-negative and less than the size of the collection.\nParameter name: startIndex");
        }
        if (count < 0 || count > length - start) {
            throw Text.rt(ctx).exceptions().argumentOutOfRange("Count must be positive and count must refer to a location within the string/array/collection.\nParameter name: count");
        }
    }

    @Intrinsic("System.String::IndexOf(char,int32,int32)")
    public static int indexOfCharIn(ExecutionContext ctx, Object self, int c, int start, int count) {
        String s = str(ctx, self);
        checkRange(ctx, s.length(), start, count);
        int at = s.indexOf((char) c, start);
        return at >= 0 && at < start + count ? at : -1;
    }

    /** The private worker of IndexOfAny, its arguments checked by the public overloads. */
    @Intrinsic("System.String::IndexOfCharArray(char[],int32,int32)")
    public static int indexOfAny(Object self, Object anyOf, int start, int count) {
        String s = (String) self;
        short[] set = (short[]) anyOf;
        for (int i = start; i < start + count; i++) {
            if (contains(set, s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    @Intrinsic("System.String::LastIndexOfCharArray(char[],int32,int32)")
    public static int lastIndexOfAny(Object self, Object anyOf, int start, int count) {
        String s = (String) self;
        short[] set = (short[]) anyOf;
        for (int i = start; i > start - count; i--) {
            if (contains(set, s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean contains(short[] set, char c) {
        for (short x : set) {
            if ((char) x == c) {
                return true;
            }
        }
        return false;
    }

    @Intrinsic("System.String::LastIndexOf(char)")
    public static int lastIndexOfChar(ExecutionContext ctx, Object self, int c) {
        return str(ctx, self).lastIndexOf((char) c);
    }

    @Intrinsic("System.String::LastIndexOf(char,int32,int32)")
    public static int lastIndexOfCharIn(ExecutionContext ctx, Object self, int c, int start, int count) {
        String s = str(ctx, self);
        if (s.isEmpty()) {
            return -1;
        }
        if (start < 0 || start >= s.length() || count < 0 || count - 1 > start) {
            throw Text.rt(ctx).exceptions().argumentOutOfRange("Index was out of range. Must be non-negative and less than the size of the collection.\nParameter name: startIndex");
        }
        int at = s.lastIndexOf((char) c, start);
        return at > start - count ? at : -1;
    }

    /** Ordinal search of a checked range, the worker of IndexOf(string, ..., StringComparison.Ordinal). */
    @Intrinsic("System.String::IndexOfUnchecked(string,int32,int32)")
    public static int indexOfUnchecked(Object self, Object value, int start, int count) {
        String s = (String) self;
        int at = s.indexOf((String) value, start);
        return at >= 0 && at + ((String) value).length() <= start + count ? at : -1;
    }

    @Intrinsic("System.String::LastIndexOfUnchecked(string,int32,int32)")
    public static int lastIndexOfUnchecked(Object self, Object value, int start, int count) {
        String s = (String) self;
        String v = (String) value;
        int at = s.lastIndexOf(v, start - v.length() + 1);
        return at >= 0 && at > start - count ? at : -1;
    }

    @Intrinsic("System.String::InternalSubString(int32,int32)")
    public static Object internalSubstring(Object self, int start, int length) {
        return ((String) self).substring(start, start + length);
    }

    @Intrinsic("System.String::Replace(char,char)")
    public static Object replaceChar(ExecutionContext ctx, Object self, int from, int to) {
        return str(ctx, self).replace((char) from, (char) to);
    }

    @Intrinsic("System.String::Insert(int32,string)")
    public static Object insert(ExecutionContext ctx, Object self, int start, Object value) {
        String s = str(ctx, self);
        String v = str(ctx, value);
        checkRange(ctx, s.length(), start, 0);
        return s.substring(0, start) + v + s.substring(start);
    }

    @Intrinsic("System.String::Remove(int32,int32)")
    public static Object remove(ExecutionContext ctx, Object self, int start, int count) {
        String s = str(ctx, self);
        checkRange(ctx, s.length(), start, count);
        return s.substring(0, start) + s.substring(start + count);
    }

    @Intrinsic("System.String::PadLeft(int32,char)")
    public static Object padLeftWith(ExecutionContext ctx, Object self, int width, int c) {
        String s = str(ctx, self);
        return s.length() >= width ? s : String.valueOf((char) c).repeat(width - s.length()) + s;
    }

    @Intrinsic("System.String::PadRight(int32,char)")
    public static Object padRightWith(ExecutionContext ctx, Object self, int width, int c) {
        String s = str(ctx, self);
        return s.length() >= width ? s : s + String.valueOf((char) c).repeat(width - s.length());
    }

    @Intrinsic("System.String::Copy(string)")
    public static Object copy(ExecutionContext ctx, Object s) {
        return new String(str(ctx, s));
    }

    @Intrinsic("System.String::CompareOrdinalHelper(string,string)")
    public static int compareOrdinalHelper(Object a, Object b) {
        return ((String) a).compareTo((String) b);
    }

    @Intrinsic("System.String::CopyTo(int32,char[],int32,int32)")
    public static void copyTo(ExecutionContext ctx, Object self, int start, Object destination, int at, int count) {
        String s = str(ctx, self);
        short[] d = (short[]) destination;
        checkRange(ctx, s.length(), start, count);
        if (at < 0 || at > d.length - count) {
            throw Text.rt(ctx).exceptions().argumentOutOfRange("Index was out of range. Must be non-negative and less than the size of the collection.\nParameter name: destinationIndex");
        }
        for (int i = 0; i < count; i++) {
            d[at + i] = (short) s.charAt(start + i);
        }
    }

    @Intrinsic("System.String::ToCharArray(int32,int32)")
    public static Object toCharArrayRange(ExecutionContext ctx, Object self, int start, int length) {
        String s = str(ctx, self);
        checkRange(ctx, s.length(), start, length);
        return toCharArray(ctx, s.substring(start, start + length));
    }

    @Intrinsic({"System.String::Ctor(char[],int32,int32)", "System.String::.ctor(char[],int32,int32)"})
    public static Object fromCharRange(ExecutionContext ctx, Object chars, int start, int length) {
        short[] c = (short[]) chars;
        checkRange(ctx, c.length, start, length);
        StringBuilder s = new StringBuilder(length);
        for (int i = start; i < start + length; i++) {
            s.append((char) c[i]);
        }
        return s.toString();
    }

    /**
     * {@code ref string.GetRawStringData()}, where spans over a string start: the address of its
     * pinned characters, since a {@code java.lang.String} has no cell to point into.
     */
    @Intrinsic("System.String::GetRawStringData()")
    public static Object rawStringData(ExecutionContext ctx, Object self) {
        var memory = Text.rt(ctx).memory();
        return new dev.mimic.cil.runtime.ManagedPointer.Native(memory,
                memory.addressOf(str(ctx, self)) + dev.mimic.cil.runtime.NativeMemory.STRING_DATA_OFFSET);
    }

    @Intrinsic("System.String::Join(string,string[],int32,int32)")
    public static Object joinRange(ExecutionContext ctx, Object separator, Object values, int start, int count) {
        if (values == null) {
            throw Text.rt(ctx).exceptions().raise("ArgumentNullException", "Value cannot be null.\nParameter name: value");
        }
        Object[] v = (Object[]) values;
        checkRange(ctx, v.length, start, count);
        StringBuilder s = new StringBuilder();
        for (int i = start; i < start + count; i++) {
            if (i > start) {
                s.append(orEmpty(separator));
            }
            s.append(orEmpty(v[i]));
        }
        return s.toString();
    }

    @Intrinsic({"System.String::Ctor(char*,int32,int32)", "System.String::.ctor(char*,int32,int32)"})
    public static Object fromPointer(ExecutionContext ctx, long chars, int start, int length) {
        if (start < 0 || length < 0) {
            throw Text.rt(ctx).exceptions().argumentOutOfRange("Index was out of range. Must be non-negative and less than the size of the collection.\nParameter name: startIndex");
        }
        return chars(ctx, chars + 2L * start, length);
    }

    private static String chars(ExecutionContext ctx, long address, int length) {
        var memory = Text.rt(ctx).memory();
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) memory.load(address + 2L * i, 2));
        }
        return out.toString();
    }

    /** {@code new string(ReadOnlySpan<char>)}: the characters at the span's address (see {@link MemoryIntrinsics#byReference}). */
    @Intrinsic({"System.String::Ctor(System.ReadOnlySpan`1<char>)", "System.String::.ctor(System.ReadOnlySpan`1<char>)"})
    public static Object fromSpan(ExecutionContext ctx, Object span) {
        var rt = Text.rt(ctx);
        dev.mimic.backend.ir.ManagedObject s = (dev.mimic.backend.ir.ManagedObject) span;
        RuntimeType type = rt.typeOf(s);
        int length = (int) s.primitives[type.field("_length").cell().index()];
        var reference = (dev.mimic.backend.ir.ManagedObject) s.references[type.field("_pointer").cell().index()];
        return chars(ctx, reference.primitives[rt.typeOf(reference).field("_value").cell().index()], length);
    }
}
