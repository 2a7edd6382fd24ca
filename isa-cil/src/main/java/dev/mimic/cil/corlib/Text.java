package dev.mimic.cil.corlib;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.ir.ManagedObject;
import dev.mimic.cil.model.RuntimeMethod;
import dev.mimic.cil.model.RuntimeType;
import dev.mimic.cil.runtime.CilRuntime;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Guest values as text the way mono's class library writes them with the invariant culture: numbers
 * by the standard format strings (G, D, F, N, X, E, P), other objects through their own virtual
 * {@code ToString}, and composite format strings ({@code "{0,5:F2}"}).
 */
final class Text {
    private Text() {
    }

    static CilRuntime rt(ExecutionContext ctx) {
        return (CilRuntime) ctx.machine;
    }

    /**
     * A value a Java caller got back from guest code ({@link CilRuntime#invoke}: Integer, Long or
     * Double for primitives) as a guest value of {@code type}: primitives are boxed.
     */
    static Object guestValue(RuntimeType type, Object value) {
        if (!(value instanceof Number n)) {
            return value;
        }
        ManagedObject boxed = type.newValue();
        boxed.primitives[0] = value instanceof Double d ? Double.doubleToRawLongBits(d) : n.longValue();
        return boxed;
    }

    /** {@code value.ToString()} of any guest value, with a format for the formattable primitives. */
    static String of(ExecutionContext ctx, Object value, String format) {
        if (value == null) {
            return "";
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof ManagedObject o) {
            RuntimeType t = rt(ctx).typeOf(o);
            String primitive = t.definition() != null && t.namespace().equals("System") ? t.simpleName() : "";
            switch (primitive) {
                case "Int32", "Int16", "SByte" -> {
                    return integer(o.primitives[0], 32, format);
                }
                case "Int64" -> {
                    return integer(o.primitives[0], 64, format);
                }
                case "UInt32", "UInt16", "Byte", "UInt64" -> {
                    return unsigned(o.primitives[0], primitive, format);
                }
                case "Double" -> {
                    return real(Double.longBitsToDouble(o.primitives[0]), 15, format);
                }
                case "Single" -> {
                    return real(Double.longBitsToDouble(o.primitives[0]), 7, format);
                }
                case "Boolean" -> {
                    return o.primitives[0] != 0 ? "True" : "False";
                }
                case "Char" -> {
                    return String.valueOf((char) o.primitives[0]);
                }
                case "Decimal" -> {
                    return DecimalIntrinsics.text(ctx, o, format);
                }
                default -> {
                }
            }
        }
        RuntimeMethod toString = rt(ctx).types().corlibType("System", "Object").method("ToString", 0);
        return (String) rt(ctx).invokeVirtual(toString, value);
    }

    /** A signed integer of {@code bits} bits; hexadecimal shows its two's complement at that width. */
    static String integer(long value, int bits, String format) {
        if (format == null || format.isEmpty() || format.equalsIgnoreCase("G")) {
            return Long.toString(value);
        }
        return isCustom(format) ? custom(BigDecimal.valueOf(value), format)
                : standard(BigDecimal.valueOf(value), bits == 64 ? value : value & 0xFFFF_FFFFL, format);
    }

    /** A decimal: G keeps its scale (1.10m is "1.10"); the other formats as for integers. */
    static String decimal(BigDecimal value, String format) {
        if (format == null || format.isEmpty() || format.equalsIgnoreCase("G")) {
            return value.toPlainString();
        }
        return isCustom(format) ? custom(value, format) : standard(value, 0, format);
    }

    /** A custom numeric format ({@code 0.00}, {@code #,##0}), as opposed to a letter and a precision. */
    private static boolean isCustom(String format) {
        return !format.matches("[A-Za-z]\\d*");
    }

    /**
     * The custom format placeholders {@code 0} (a digit, always), {@code #} (a digit if significant),
     * {@code .} and {@code ,} (grouping, when in the integer part); rounding is half away from zero.
     */
    private static String custom(BigDecimal value, String format) {
        int dot = format.indexOf('.');
        String integerPart = dot < 0 ? format : format.substring(0, dot);
        String fraction = dot < 0 ? "" : format.substring(dot + 1);
        if (!(integerPart + fraction).matches("[0#,]*")) {
            throw new IllegalArgumentException("format " + format + " is not supported yet");
        }
        int decimals = fraction.length();
        int minDecimals = fraction.lastIndexOf('0') + 1;
        int minInteger = integerPart.replace(",", "").replace("#", "").length();
        BigDecimal r = value.setScale(decimals, RoundingMode.HALF_UP);
        String digits = r.abs().toPlainString();
        String whole = digits.contains(".") ? digits.substring(0, digits.indexOf('.')) : digits;
        String frac = digits.contains(".") ? digits.substring(digits.indexOf('.') + 1) : "";
        while (frac.length() > minDecimals && frac.endsWith("0")) {
            frac = frac.substring(0, frac.length() - 1);
        }
        if (whole.equals("0") && minInteger == 0) {
            whole = "";
        }
        while (whole.length() < minInteger) {
            whole = "0" + whole;
        }
        if (integerPart.contains(",") && !whole.isEmpty()) {
            whole = String.format(java.util.Locale.ROOT, "%,d", new java.math.BigInteger(whole));
        }
        String text = frac.isEmpty() ? whole : whole + "." + frac;
        return r.signum() < 0 ? "-" + text : text;
    }

    static String unsigned(long value, String type, String format) {
        long v = switch (type) {
            case "UInt32" -> value & 0xFFFF_FFFFL;
            case "UInt16" -> value & 0xFFFF;
            case "Byte" -> value & 0xFF;
            default -> value;
        };
        BigDecimal d = new BigDecimal(Long.toUnsignedString(v));
        if (format == null || format.isEmpty()) {
            return d.toPlainString();
        }
        return standard(d, v, format);
    }

    /** A double or float: {@code G15} or {@code G7} by default, mono's round-trippable-enough form. */
    static String real(double value, int precision, String format) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (format == null || format.isEmpty() || format.equals("R") || format.equals("r")) {
            return general(value, precision, 'E');
        }
        char kind = format.charAt(0);
        if (kind == 'G' || kind == 'g') {
            int p = format.length() > 1 ? Integer.parseInt(format.substring(1)) : precision;
            return general(value, p == 0 ? precision : p, kind == 'G' ? 'E' : 'e');
        }
        // mono formats from the value rounded to the type's precision, then rounds half away from zero.
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(precision, RoundingMode.HALF_EVEN));
        return isCustom(format) ? custom(rounded, format) : standard(rounded, 0, format);
    }

    /** The general format (G): fixed notation unless the exponent is below -5 or at least the precision. */
    private static String general(double value, int precision, char e) {
        if (value == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(value).round(new MathContext(precision, RoundingMode.HALF_EVEN));
        int exponent = d.precision() - d.scale() - 1;
        if (exponent >= -5 && exponent < precision) {
            return strip(d.toPlainString());
        }
        BigDecimal mantissa = d.movePointLeft(exponent);
        return strip(mantissa.toPlainString()) + e + (exponent < 0 ? "-" : "+")
                + String.format("%02d", Math.abs(exponent));
    }

    private static String strip(String plain) {
        if (!plain.contains(".")) {
            return plain;
        }
        String s = plain.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** The standard numeric formats other than G (invariant culture). */
    private static String standard(BigDecimal value, long bits, String format) {
        char kind = Character.toUpperCase(format.charAt(0));
        int digits = format.length() > 1 ? Integer.parseInt(format.substring(1)) : -1;
        return switch (kind) {
            case 'D' -> {
                String s = value.abs().toBigInteger().toString();
                while (s.length() < digits) {
                    s = "0" + s;
                }
                yield value.signum() < 0 ? "-" + s : s;
            }
            case 'F' -> value.setScale(digits < 0 ? 2 : digits, RoundingMode.HALF_UP).toPlainString();
            case 'N' -> {
                BigDecimal r = value.setScale(digits < 0 ? 2 : digits, RoundingMode.HALF_UP);
                yield String.format(java.util.Locale.ROOT, "%,." + r.scale() + "f", r);
            }
            case 'C' -> {
                // The invariant culture's currency sign and patterns: ¤n, and (¤n) when negative.
                String n = standard(value.abs(), bits, "N" + (digits < 0 ? 2 : digits));
                yield value.signum() < 0 ? "(\u00a4" + n + ")" : "\u00a4" + n;
            }
            case 'P' -> value.movePointRight(2).setScale(digits < 0 ? 2 : digits, RoundingMode.HALF_UP)
                    .toPlainString() + " %";
            case 'X' -> {
                String s = Long.toHexString(bits);
                if (format.charAt(0) == 'X') {
                    s = s.toUpperCase(java.util.Locale.ROOT);
                }
                while (s.length() < digits) {
                    s = "0" + s;
                }
                yield s;
            }
            case 'E' -> {
                int d = digits < 0 ? 6 : digits;
                String s = String.format(java.util.Locale.ROOT, "%." + d + "e", value);
                int at = s.indexOf('e');
                String exp = s.substring(at + 2);
                while (exp.length() < 3) {
                    exp = "0" + exp;
                }
                yield s.substring(0, at) + (format.charAt(0) == 'E' ? "E" : "e") + s.charAt(at + 1) + exp;
            }
            default -> throw new IllegalArgumentException("format " + format + " is not supported yet");
        };
    }

    /** A composite format string (String.Format): items {@code {index[,alignment][:format]}}, braces doubled to escape. */
    static String format(ExecutionContext ctx, String format, Object[] args) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c == '{' && i + 1 < format.length() && format.charAt(i + 1) == '{') {
                out.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < format.length() && format.charAt(i + 1) == '}') {
                out.append('}');
                i += 2;
            } else if (c == '{') {
                int end = format.indexOf('}', i);
                if (end < 0) {
                    throw rt(ctx).exceptions().format("Input string was not in a correct format.");
                }
                String item = format.substring(i + 1, end);
                String spec = null;
                int colon = item.indexOf(':');
                if (colon >= 0) {
                    spec = item.substring(colon + 1);
                    item = item.substring(0, colon);
                }
                int width = 0;
                int comma = item.indexOf(',');
                if (comma >= 0) {
                    width = Integer.parseInt(item.substring(comma + 1).trim());
                    item = item.substring(0, comma);
                }
                int index = Integer.parseInt(item.trim());
                if (index >= args.length) {
                    throw rt(ctx).exceptions().format("Index (zero based) must be greater than or equal to zero "
                            + "and less than the size of the argument list.");
                }
                String s = of(ctx, args[index], spec);
                if (width > 0) {
                    out.append(" ".repeat(Math.max(0, width - s.length()))).append(s);
                } else {
                    out.append(s).append(" ".repeat(Math.max(0, -width - s.length())));
                }
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
