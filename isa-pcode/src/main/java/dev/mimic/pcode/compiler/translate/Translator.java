package dev.mimic.pcode.compiler.translate;

import dev.mimic.pcode.compiler.PascalParser;
import dev.mimic.pcode.compiler.semantic.RequiredIdentifiers;

/**
 * Translates a parsed program into P5 intermediate code in one pass over the parse tree, like
 * pcom: each routine's code is written when its block is complete, inner routines first.
 */
public final class Translator {
    private Translator() {
    }

    /**
     * Compiles the program; errors go to {@code diagnostics}.
     *
     * @return the intermediate code, meaningful only when no error was reported
     */
    public static String translate(PascalParser.ProgramContext program, String fileName, Diagnostics diagnostics) {
        Context context = new Context(diagnostics, RequiredIdentifiers.scope());
        context.blocks.program(program, fileName);
        return context.writer.text();
    }
}
