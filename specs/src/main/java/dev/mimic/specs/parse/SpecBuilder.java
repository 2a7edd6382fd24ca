package dev.mimic.specs.parse;

import dev.mimic.specs.model.Instruction;
import dev.mimic.specs.model.IsaSpec;
import dev.mimic.specs.model.Operand;
import dev.mimic.specs.model.Value;
import dev.mimic.specs.parse.IsaParser.DeclarationContext;
import dev.mimic.specs.parse.IsaParser.EntryContext;
import dev.mimic.specs.parse.IsaParser.InstructionContext;
import dev.mimic.specs.parse.IsaParser.ValueContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import javax.lang.model.SourceVersion;
import org.antlr.v4.runtime.Token;

/**
 * Turns a parse tree into an {@link IsaSpec}, checking what the grammar leaves open: which keys exist,
 * what values they take, and that names and opcodes are unique. Every check reports the position of the
 * offending token. One builder reads one file.
 */
final class SpecBuilder {

    private final String source;
    private final Map<String, EntryContext> header = new HashMap<>();
    private final List<Instruction> instructions = new ArrayList<>();
    private final Map<String, Instruction> byName = new HashMap<>();
    private final Map<Long, Instruction> byOpcode = new HashMap<>();

    SpecBuilder(String source) {
        this.source = source;
    }

    IsaSpec build(IsaParser.SpecContext spec, Optional<String> expectedName) {
        for (DeclarationContext declaration : spec.declaration()) {
            if (declaration.group() != null) {
                Optional<String> group = Optional.of(text(declaration.group().STRING().getSymbol()));
                declaration.group().instruction().forEach(insn -> add(insn, group));
            } else if (declaration.instruction() != null) {
                add(declaration.instruction(), Optional.empty());
            } else {
                declare(declaration.entry());
            }
        }
        EntryContext isa = header.get("isa");
        if (isa == null) {
            throw new IsaFormatException(source, 1, 1, "missing declaration 'isa NAME;'");
        }
        String name = one(isa, Value.Name.class, "a name").name();
        if (expectedName.isPresent() && !expectedName.get().equals(name)) {
            throw error(isa.value(0).start, "isa '" + name + "' is in the file for '" + expectedName.get()
                    + "'; the isa name must match the file name");
        }
        return new IsaSpec(name, typed(header, "title", Value.Text.class, "a string").map(Value.Text::text),
                typed(header, "semantics", Value.Name.class, "a class name").map(Value.Name::name), instructions);
    }

    private void declare(EntryContext entry) {
        String key = entry.NAME().getText();
        if (!List.of("isa", "title", "semantics").contains(key)) {
            throw error(entry.start, "unknown top-level keyword '" + key
                    + "' (expected isa, title, semantics, group or instruction)");
        }
        if (header.putIfAbsent(key, entry) != null) {
            throw error(entry.start, "duplicate '" + key + "' declaration");
        }
    }

    private void add(InstructionContext ctx, Optional<String> group) {
        Token nameToken = ctx.NAME().getSymbol();
        String name = nameToken.getText();
        Instruction previous = byName.get(name);
        if (previous != null) {
            throw error(nameToken, "duplicate instruction '" + name + "' (first defined at line " + previous.line() + ")");
        }
        Map<String, EntryContext> entries = new LinkedHashMap<>();
        for (EntryContext entry : ctx.entry()) {
            if (entries.putIfAbsent(entry.NAME().getText(), entry) != null) {
                throw error(entry.start, "duplicate entry '" + entry.NAME().getText() + "' in instruction '" + name + "'");
            }
        }
        Function<String, Optional<String>> string = key -> typed(entries, key, Value.Text.class, "a string").map(Value.Text::text);
        OptionalLong opcode = typed(entries, "opcode", Value.Int.class, "an integer")
                .map(v -> OptionalLong.of(v.value())).orElse(OptionalLong.empty());
        Instruction owner = opcode.isPresent() ? byOpcode.get(opcode.getAsLong()) : null;
        if (owner != null) {
            throw error(entries.get("opcode").value(0).start, "duplicate opcode " + opcode.getAsLong()
                    + " (already used by '" + owner.name() + "' at line " + owner.line() + ")");
        }
        Instruction insn = new Instruction(name, group, opcode, string.apply("encoding"), operands(entries.get("operands")),
                emit(entries.get("emit"), name), string.apply("stack"), string.apply("flags-read"),
                string.apply("flags-written"), string.apply("summary"), values(entries), nameToken.getLine());
        opcode.ifPresent(op -> byOpcode.put(op, insn));
        byName.put(name, insn);
        instructions.add(insn);
    }

    private List<Operand> operands(EntryContext entry) {
        if (entry == null) {
            return List.of();
        }
        List<Operand> operands = new ArrayList<>();
        for (ValueContext ctx : entry.value()) {
            operands.add(switch (value(ctx)) {
                case Value.Pair pair -> new Operand(pair.name(), pair.kind());
                case Value.Name bare -> new Operand(bare.name(), bare.name());
                default -> throw error(ctx.start, "'operands' takes name:kind pairs or names, not " + ctx.getText());
            });
        }
        return operands;
    }

    private String emit(EntryContext entry, String instruction) {
        if (entry == null) {
            return javaName(instruction);
        }
        String method = one(entry, Value.Name.class, "a method name").name();
        if (!SourceVersion.isIdentifier(method) || SourceVersion.isKeyword(method)) {
            throw error(entry.value(0).start, "'emit' takes a Java method name, not '" + method + "'");
        }
        return method;
    }

    /**
     * The default semantic method name: characters Java does not allow in identifiers become {@code _}, a
     * leading digit gets a {@code _} prefix ({@code 0branch} becomes {@code _0branch}, staying distinct from
     * {@code branch}) and a Java keyword gets a {@code _} suffix (CIL's {@code throw} becomes {@code throw_}).
     */
    static String javaName(String name) {
        StringBuilder id = new StringBuilder(name.length() + 1);
        if (!Character.isJavaIdentifierStart(name.charAt(0))) {
            id.append('_');
        }
        name.chars().forEach(c -> id.append(Character.isJavaIdentifierPart(c) ? (char) c : '_'));
        return SourceVersion.isKeyword(id) ? id + "_" : id.toString();
    }

    private <V extends Value> Optional<V> typed(Map<String, EntryContext> entries, String key, Class<V> type, String expected) {
        return Optional.ofNullable(entries.get(key)).map(entry -> one(entry, type, expected));
    }

    /** The single value of {@code entry}, which must be a {@code type}; a second value is usually a missing ';'. */
    private <V extends Value> V one(EntryContext entry, Class<V> type, String expected) {
        String key = entry.NAME().getText();
        if (entry.value().size() > 1) {
            throw error(entry.value(1).start, "'" + key + "' takes one value (missing ';' before '"
                    + entry.value(1).getText() + "'?)");
        }
        Value value = value(entry.value(0));
        if (!type.isInstance(value)) {
            throw error(entry.value(0).start, "'" + key + "' takes " + expected + ", not " + entry.value(0).getText());
        }
        return type.cast(value);
    }

    private Map<String, List<Value>> values(Map<String, EntryContext> entries) {
        Map<String, List<Value>> values = new LinkedHashMap<>();
        entries.forEach((key, entry) -> values.put(key, entry.value().stream().map(this::value).toList()));
        return values;
    }

    private Value value(ValueContext ctx) {
        return ctx.accept(valueReader);
    }

    private final IsaVisitor<Value> valueReader = new IsaBaseVisitor<>() {
        @Override
        public Value visitText(IsaParser.TextContext ctx) {
            return new Value.Text(text(ctx.STRING().getSymbol()));
        }

        @Override
        public Value visitInteger(IsaParser.IntegerContext ctx) {
            return new Value.Int(integer(ctx.INTEGER().getSymbol()));
        }

        @Override
        public Value visitPair(IsaParser.PairContext ctx) {
            return new Value.Pair(ctx.NAME(0).getText(), ctx.NAME(1).getText());
        }

        @Override
        public Value visitName(IsaParser.NameContext ctx) {
            return new Value.Name(ctx.NAME().getText());
        }
    };

    private long integer(Token token) {
        String digits = token.getText();
        boolean hex = digits.length() > 2 && (digits.charAt(1) == 'x' || digits.charAt(1) == 'X');
        try {
            return hex ? Long.parseLong(digits.substring(2), 16) : Long.parseLong(digits);
        } catch (NumberFormatException tooLong) {
            throw error(token, "integer " + digits + " does not fit in 64 bits");
        }
    }

    /** The contents of a string literal; the only escapes are {@code \"} and {@code \\}. */
    private String text(Token token) {
        String literal = token.getText();
        StringBuilder text = new StringBuilder(literal.length());
        for (int i = 1; i < literal.length() - 1; i++) {
            char c = literal.charAt(i);
            if (c == '\\') {
                c = literal.charAt(++i);
                if (c != '"' && c != '\\') {
                    throw new IsaFormatException(source, token.getLine(), token.getCharPositionInLine() + i,
                            "unknown escape '\\" + c + "' (only \\\" and \\\\ are allowed)");
                }
            }
            text.append(c);
        }
        return text.toString();
    }

    private IsaFormatException error(Token token, String detail) {
        return new IsaFormatException(source, token.getLine(), token.getCharPositionInLine() + 1, detail);
    }
}
