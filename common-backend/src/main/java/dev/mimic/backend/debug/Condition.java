package dev.mimic.backend.debug;

import java.util.function.ToLongFunction;

/**
 * A debugger condition such as {@code sp > 0x100 && value == 7}: integers (decimal, {@code 0x} hex),
 * names (registers, symbols, and {@code value}/{@code old} for watchpoints), {@code + - * / % &}
 * and {@code | ^}, comparisons {@code == != < <= > >=}, {@code && || !} and parentheses. True is
 * non-zero. Names are resolved when the condition is evaluated.
 */
public final class Condition {
    /** Looks up a name; throws {@link IllegalArgumentException} for unknown names. */
    @FunctionalInterface
    public interface Names {
        long valueOf(String name);
    }

    private final String text;
    private final ToLongFunction<Names> eval;

    private Condition(String text, ToLongFunction<Names> eval) {
        this.text = text;
        this.eval = eval;
    }

    /** Parses {@code text}; throws {@link IllegalArgumentException} with the column of a syntax error. */
    public static Condition parse(String text) {
        Parser p = new Parser(text);
        ToLongFunction<Names> e = p.or();
        p.skip();
        if (p.pos < text.length()) {
            throw p.error("unexpected '" + text.charAt(p.pos) + "'");
        }
        return new Condition(text.trim(), e);
    }

    /** Evaluates the condition; true when non-zero. */
    public boolean test(Names names) {
        return eval.applyAsLong(names) != 0;
    }

    /** Evaluates to a number (the debugger uses the same syntax for addresses). */
    public long value(Names names) {
        return eval.applyAsLong(names);
    }

    @Override
    public String toString() {
        return text;
    }

    private static final class Parser {
        final String s;
        int pos;

        Parser(String s) {
            this.s = s;
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("bad expression '" + s.trim() + "' at column " + (pos + 1) + ": " + what);
        }

        void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        boolean eat(String token) {
            skip();
            if (s.startsWith(token, pos)) {
                // '&' must not eat the first half of '&&', nor '<' of '<='.
                if ((token.equals("&") || token.equals("|")) && s.startsWith(token + token, pos)) {
                    return false;
                }
                if ((token.equals("<") || token.equals(">") || token.equals("!")) && s.startsWith("=", pos + 1)) {
                    return false;
                }
                pos += token.length();
                return true;
            }
            return false;
        }

        ToLongFunction<Names> or() {
            ToLongFunction<Names> l = and();
            while (eat("||")) {
                ToLongFunction<Names> a = l, b = and();
                l = n -> a.applyAsLong(n) != 0 || b.applyAsLong(n) != 0 ? 1 : 0;
            }
            return l;
        }

        ToLongFunction<Names> and() {
            ToLongFunction<Names> l = compare();
            while (eat("&&")) {
                ToLongFunction<Names> a = l, b = compare();
                l = n -> a.applyAsLong(n) != 0 && b.applyAsLong(n) != 0 ? 1 : 0;
            }
            return l;
        }

        ToLongFunction<Names> compare() {
            ToLongFunction<Names> a = bits();
            for (String op : new String[] {"==", "!=", "<=", ">=", "<", ">"}) {
                if (eat(op)) {
                    ToLongFunction<Names> b = bits();
                    return switch (op) {
                        case "==" -> n -> a.applyAsLong(n) == b.applyAsLong(n) ? 1 : 0;
                        case "!=" -> n -> a.applyAsLong(n) != b.applyAsLong(n) ? 1 : 0;
                        case "<=" -> n -> a.applyAsLong(n) <= b.applyAsLong(n) ? 1 : 0;
                        case ">=" -> n -> a.applyAsLong(n) >= b.applyAsLong(n) ? 1 : 0;
                        case "<" -> n -> a.applyAsLong(n) < b.applyAsLong(n) ? 1 : 0;
                        default -> n -> a.applyAsLong(n) > b.applyAsLong(n) ? 1 : 0;
                    };
                }
            }
            return a;
        }

        ToLongFunction<Names> bits() {
            ToLongFunction<Names> l = sum();
            for (;;) {
                ToLongFunction<Names> a = l;
                if (eat("&")) {
                    ToLongFunction<Names> b = sum();
                    l = n -> a.applyAsLong(n) & b.applyAsLong(n);
                } else if (eat("|")) {
                    ToLongFunction<Names> b = sum();
                    l = n -> a.applyAsLong(n) | b.applyAsLong(n);
                } else if (eat("^")) {
                    ToLongFunction<Names> b = sum();
                    l = n -> a.applyAsLong(n) ^ b.applyAsLong(n);
                } else {
                    return l;
                }
            }
        }

        ToLongFunction<Names> sum() {
            ToLongFunction<Names> l = product();
            for (;;) {
                ToLongFunction<Names> a = l;
                if (eat("+")) {
                    ToLongFunction<Names> b = product();
                    l = n -> a.applyAsLong(n) + b.applyAsLong(n);
                } else if (eat("-")) {
                    ToLongFunction<Names> b = product();
                    l = n -> a.applyAsLong(n) - b.applyAsLong(n);
                } else {
                    return l;
                }
            }
        }

        ToLongFunction<Names> product() {
            ToLongFunction<Names> l = unary();
            for (;;) {
                ToLongFunction<Names> a = l;
                if (eat("*")) {
                    ToLongFunction<Names> b = unary();
                    l = n -> a.applyAsLong(n) * b.applyAsLong(n);
                } else if (eat("/") || eat("%")) {
                    boolean div = s.charAt(pos - 1) == '/';
                    ToLongFunction<Names> b = unary();
                    l = n -> {
                        long d = b.applyAsLong(n);
                        if (d == 0) {
                            throw new IllegalArgumentException("division by zero in '" + s.trim() + "'");
                        }
                        return div ? a.applyAsLong(n) / d : a.applyAsLong(n) % d;
                    };
                } else {
                    return l;
                }
            }
        }

        ToLongFunction<Names> unary() {
            if (eat("-")) {
                ToLongFunction<Names> a = unary();
                return n -> -a.applyAsLong(n);
            }
            if (eat("!")) {
                ToLongFunction<Names> a = unary();
                return n -> a.applyAsLong(n) == 0 ? 1 : 0;
            }
            if (eat("(")) {
                ToLongFunction<Names> e = or();
                if (!eat(")")) {
                    throw error("missing ')'");
                }
                return e;
            }
            skip();
            int start = pos;
            while (pos < s.length() && isNameChar(s.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                throw error(pos < s.length() ? "unexpected '" + s.charAt(pos) + "'" : "missing operand");
            }
            String word = s.substring(start, pos);
            if (Character.isDigit(word.charAt(0))) {
                long v = parseNumber(word);
                return n -> v;
            }
            return n -> n.valueOf(word);
        }

        long parseNumber(String word) {
            try {
                return word.startsWith("0x") || word.startsWith("0X")
                        ? Long.parseUnsignedLong(word.substring(2), 16) : Long.parseLong(word);
            } catch (NumberFormatException e) {
                pos -= word.length();
                throw error("bad number '" + word + "'");
            }
        }

        static boolean isNameChar(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '$' || c == ':';
        }
    }
}
