package dev.mimic.pcode.compiler.translate;

import dev.mimic.pcode.compiler.CompileError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** Collects the errors of one compilation, each tied to the source position it is about. */
public final class Diagnostics {
    private final String file;
    private final List<CompileError> errors = new ArrayList<>();

    public Diagnostics(String file) {
        this.file = file;
    }

    /** Reports an error at the start of a token. */
    public void error(Token at, String message) {
        error(at.getLine(), at.getCharPositionInLine() + 1, message);
    }

    /** Reports an error at the start of a construct. */
    public void error(ParserRuleContext at, String message) {
        error(at.getStart(), message);
    }

    /** Reports an error at a line and a 1-based column. */
    public void error(int line, int column, String message) {
        errors.add(new CompileError(file, line, column, message));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public int count() {
        return errors.size();
    }

    /** The errors ordered by position, each position and message once. */
    public List<CompileError> errors() {
        return errors.stream().distinct()
                .sorted(Comparator.comparingInt(CompileError::line).thenComparingInt(CompileError::column))
                .toList();
    }
}
