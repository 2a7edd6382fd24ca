package dev.mimic.pcode.compiler.semantic;

import dev.mimic.pcode.compiler.types.RecordType;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A region of identifiers (ISO 7185 6.2.2): a block's declarations, or the field identifiers a
 * with statement opens. Lookups walk outwards, so inner declarations hide outer ones.
 */
public final class Scope {

    /** What an identifier resolved to. */
    public sealed interface Binding {
    }

    /** An identifier declared in a block. */
    public record Declared(Symbol symbol) implements Binding {
    }

    /** A field identifier opened by a with statement. */
    public record WithField(WithRecord record, RecordType.Field field) implements Binding {
    }

    private final Scope parent;
    private final Map<String, Symbol> symbols = new LinkedHashMap<>();
    private final WithRecord with;

    private Scope(Scope parent, WithRecord with) {
        this.parent = parent;
        this.with = with;
    }

    /** The scope of the required identifiers, around the program. */
    public static Scope required() {
        return new Scope(null, null);
    }

    /** The scope of a block inside this one. */
    public Scope block() {
        return new Scope(this, null);
    }

    /** The scope of the fields of a with statement's record, inside this one. */
    public Scope with(WithRecord record) {
        return new Scope(this, record);
    }

    /**
     * Declares {@code symbol} here.
     *
     * @return false if the name is already declared in this scope (6.2.2.7)
     */
    public boolean declare(Symbol symbol) {
        return symbols.putIfAbsent(symbol.name(), symbol) == null;
    }

    /** The symbol declared in this very scope under {@code name}, if any. */
    public Optional<Symbol> local(String name) {
        return Optional.ofNullable(symbols.get(key(name)));
    }

    /** Resolves {@code name} from here outwards. */
    public Optional<Binding> lookup(String name) {
        String key = key(name);
        for (Scope s = this; s != null; s = s.parent) {
            if (s.with != null) {
                Optional<RecordType.Field> field = s.with.type().field(key);
                if (field.isPresent()) {
                    return Optional.of(new WithField(s.with, field.get()));
                }
            } else if (s.symbols.containsKey(key)) {
                return Optional.of(new Declared(s.symbols.get(key)));
            }
        }
        return Optional.empty();
    }

    /** Identifiers are case-insensitive (6.1.3). */
    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
