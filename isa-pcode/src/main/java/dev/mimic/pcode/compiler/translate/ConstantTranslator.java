package dev.mimic.pcode.compiler.translate;

import dev.mimic.pcode.compiler.PascalParser;
import dev.mimic.pcode.compiler.semantic.Constant;
import dev.mimic.pcode.compiler.semantic.ConstantSymbol;
import dev.mimic.pcode.compiler.semantic.Symbol;
import dev.mimic.pcode.compiler.types.ArrayType;
import dev.mimic.pcode.compiler.types.CharType;
import dev.mimic.pcode.compiler.types.ErrorType;
import dev.mimic.pcode.compiler.types.IntegerType;
import dev.mimic.pcode.compiler.types.PascalType;
import dev.mimic.pcode.compiler.types.RealType;
import dev.mimic.pcode.compiler.types.Target;
import dev.mimic.pcode.compiler.types.Types;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** Evaluates constants (ISO 7185 6.3): literals, constant identifiers and their signed forms. */
final class ConstantTranslator {

    /** A constant's type and value. */
    record Typed(PascalType type, Constant value) {
        static Typed error() {
            return new Typed(ErrorType.INSTANCE, new Constant.Ordinal(0));
        }

        /** The ordinal value; zero for a constant that has none (already reported). */
        long ordinal() {
            return value instanceof Constant.Ordinal o ? o.value() : 0;
        }
    }

    private final Context context;

    ConstantTranslator(Context context) {
        this.context = context;
    }

    Typed constant(PascalParser.ConstantContext ctx) {
        return switch (ctx) {
            case PascalParser.NumberConstantContext n -> signed(n.sign(), number(n.unsignedNumber()), n);
            case PascalParser.NamedConstantContext n -> named(n);
            case PascalParser.StringConstantContext s -> string(s.STRING().getSymbol(), s);
            default -> throw new IllegalStateException("unknown constant form " + ctx.getClass());
        };
    }

    /** An unsigned number literal. */
    Typed number(PascalParser.UnsignedNumberContext ctx) {
        String text = ctx.getText().toLowerCase(Locale.ROOT);
        if (ctx.UNSIGNED_REAL() != null) {
            return new Typed(RealType.INSTANCE, new Constant.Real(text));
        }
        BigInteger value = new BigInteger(text);
        if (value.compareTo(BigInteger.valueOf(Target.MAX_INT)) > 0) {
            context.error(ctx, "integer constant " + text + " exceeds maxint");
            return new Typed(IntegerType.INSTANCE, new Constant.Ordinal(0));
        }
        return new Typed(IntegerType.INSTANCE, new Constant.Ordinal(value.longValue()));
    }

    /**
     * A character string (6.1.7): one character is a char constant, more a string constant of
     * type packed array[1..n] of char; an empty string is not allowed.
     */
    Typed string(Token token, ParserRuleContext at) {
        String raw = token.getText();
        String value = raw.substring(1, raw.length() - 1).replace("''", "'");
        if (value.isEmpty()) {
            context.error(at, "empty string");
            return new Typed(CharType.INSTANCE, new Constant.Ordinal(' '));
        }
        if (value.length() == 1) {
            return new Typed(CharType.INSTANCE, new Constant.Ordinal(value.charAt(0)));
        }
        return new Typed(ArrayType.string(value.length()), new Constant.Text(value));
    }

    private Typed named(PascalParser.NamedConstantContext n) {
        String name = n.identifier().getText();
        Optional<Symbol> symbol = context.resolveSymbol(n.identifier(), name);
        if (symbol.isEmpty()) {
            return Typed.error();
        }
        if (!(symbol.get() instanceof ConstantSymbol c)) {
            context.error(n.identifier(), "'" + name + "' is not a constant");
            return Typed.error();
        }
        return signed(n.sign(), new Typed(c.type(), c.value()), n);
    }

    private Typed signed(PascalParser.SignContext sign, Typed value, ParserRuleContext at) {
        if (sign == null || Types.isError(value.type())) {
            return value;
        }
        boolean minus = sign.MINUS() != null;
        if (Types.isInteger(value.type())) {
            return minus ? new Typed(value.type(), new Constant.Ordinal(-value.ordinal())) : value;
        }
        if (value.value() instanceof Constant.Real r) {
            return minus ? new Typed(value.type(), r.negate()) : value;
        }
        context.error(at, "a sign is allowed only before an integer or real constant");
        return Typed.error();
    }
}
