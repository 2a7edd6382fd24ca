package dev.mimic.pcode.compiler.translate;

import dev.mimic.pcode.compiler.codegen.Emitter;
import dev.mimic.pcode.compiler.codegen.PcodeWriter;
import dev.mimic.pcode.compiler.semantic.Scope;
import dev.mimic.pcode.compiler.semantic.Symbol;
import dev.mimic.pcode.compiler.types.PointerType;
import dev.mimic.pcode.compiler.types.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * The state one compilation shares among the translators: where errors go, the code being
 * written, the identifiers in scope, the block being compiled and the global area.
 */
final class Context {
    final Diagnostics diagnostics;
    final PcodeWriter writer = new PcodeWriter();
    final Emitter emitter = new Emitter(writer);
    final ConstantTranslator constants;
    final TypeTranslator types;
    final ExpressionTranslator expressions;
    final CallTranslator calls;
    final StandardRoutines standard;
    final StatementTranslator statements;
    final DeclarationTranslator declarations;
    final BlockTranslator blocks;
    /** Pointer types whose domain identifier is resolved at the end of the declaration part. */
    final List<PendingPointer> pendingPointers = new ArrayList<>();
    Scope scope;
    Block block;
    int nextGlobal = Target.FIRST_GLOBAL;
    boolean inputInHeader;
    boolean outputInHeader;
    String programName = "program";

    /** A pointer type denoter waiting for its domain, and where it was written. */
    record PendingPointer(PointerType type, ParserRuleContext at) {
    }

    Context(Diagnostics diagnostics, Scope required) {
        this.diagnostics = diagnostics;
        this.scope = required;
        this.constants = new ConstantTranslator(this);
        this.types = new TypeTranslator(this);
        this.expressions = new ExpressionTranslator(this);
        this.calls = new CallTranslator(this);
        this.standard = new StandardRoutines(this);
        this.statements = new StatementTranslator(this);
        this.declarations = new DeclarationTranslator(this);
        this.blocks = new BlockTranslator(this);
    }

    void error(ParserRuleContext at, String message) {
        diagnostics.error(at, message);
    }

    /** Looks a name up; reports it undeclared if it is not found. */
    Optional<Scope.Binding> resolve(ParserRuleContext at, String name) {
        Optional<Scope.Binding> binding = scope.lookup(name);
        if (binding.isEmpty()) {
            error(at, "undeclared identifier '" + name + "'");
        }
        return binding;
    }

    /**
     * Looks up a name that must denote a declared entity; a field a with statement opened is
     * reported as out of place.
     */
    Optional<Symbol> resolveSymbol(ParserRuleContext at, String name) {
        Optional<Scope.Binding> binding = resolve(at, name);
        if (binding.isPresent() && binding.get() instanceof Scope.WithField) {
            error(at, "'" + name + "' is a record field here");
        }
        return binding.flatMap(b -> b instanceof Scope.Declared d ? Optional.of(d.symbol()) : Optional.empty());
    }

    /** Declares a symbol in the current scope, reporting a second declaration (6.2.2.7). */
    void declare(ParserRuleContext at, Symbol symbol) {
        if (!scope.declare(symbol)) {
            error(at, "'" + symbol.name() + "' is already declared in this block");
        }
    }

    /** Allocates a global variable (program level, pcom: gc grows upwards). */
    int allocateGlobal(int size, int alignment) {
        nextGlobal = Target.alignUp(nextGlobal, alignment);
        int address = nextGlobal;
        nextGlobal += size;
        return address;
    }

    /** The source line of a construct, for line marks. */
    static int line(ParserRuleContext at) {
        return at.getStart().getLine();
    }
}
