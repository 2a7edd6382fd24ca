package dev.mimic.pcode.compiler;

import java.util.List;

/**
 * The outcome of compiling one Pascal program: the P5 intermediate code when the program is
 * correct, otherwise every error found (the compiler recovers and goes on after each).
 *
 * @param errors the errors in source order; empty when the program compiled
 * @param pcode the intermediate text for P5's loader; empty when there are errors
 */
public record CompileResult(List<CompileError> errors, String pcode) {

    public CompileResult {
        errors = List.copyOf(errors);
    }

    /** Whether the program compiled without errors. */
    public boolean ok() {
        return errors.isEmpty();
    }
}
