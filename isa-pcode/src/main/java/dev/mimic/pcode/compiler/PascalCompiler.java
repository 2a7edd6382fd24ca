package dev.mimic.pcode.compiler;

import dev.mimic.pcode.compiler.translate.Diagnostics;
import dev.mimic.pcode.compiler.translate.Translator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Mimic's Pascal compiler: ISO 7185 level 0 in, Pascal-P5 intermediate code out, so that
 * programs run on Mimic's p-machine (or on P5's own interpreter). Errors are reported as
 * values, several per run, never as exceptions.
 */
public final class PascalCompiler {
    /** Expected-token lists longer than this are left out of syntax error messages. */
    private static final int MAX_EXPECTED_SHOWN = 5;
    /** The lexer's channel for malformed input (see Pascal.g4). */
    private static final int ERROR_CHANNEL = 2;

    /** Compiles the program in {@code source}, named in messages by its file name. */
    public CompileResult compile(Path source) {
        try {
            return compile(source.getFileName().toString(), Files.readString(source, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    /** Compiles the program {@code text}, naming it {@code fileName} in messages and debug records. */
    public CompileResult compile(String fileName, String text) {
        Diagnostics diagnostics = new Diagnostics(fileName);
        PascalLexer lexer = new PascalLexer(CharStreams.fromString(text, fileName));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        if (lexicalErrors(tokens, diagnostics)) {
            return new CompileResult(diagnostics.errors(), "");
        }
        PascalParser parser = new PascalParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(new SyntaxErrors(diagnostics));
        PascalParser.ProgramContext program = parser.program();
        if (diagnostics.hasErrors()) {
            return new CompileResult(diagnostics.errors(), "");
        }
        String pcode = Translator.translate(program, fileName, diagnostics);
        return new CompileResult(diagnostics.errors(), diagnostics.hasErrors() ? "" : pcode);
    }

    /**
     * Reports malformed tokens; returns true if the rest of the file cannot be parsed (an
     * unterminated comment swallows it).
     */
    private static boolean lexicalErrors(CommonTokenStream tokens, Diagnostics diagnostics) {
        boolean fatal = false;
        for (Token token : tokens.getTokens()) {
            if (token.getChannel() != ERROR_CHANNEL) {
                continue;
            }
            switch (token.getType()) {
                case PascalLexer.COMMENT_START -> {
                    diagnostics.error(token, "unterminated comment");
                    fatal = true;
                }
                case PascalLexer.UNTERMINATED_STRING -> diagnostics.error(token, "unterminated string");
                default -> diagnostics.error(token, "illegal character '" + token.getText() + "'");
            }
            if (fatal) {
                break;
            }
        }
        return fatal;
    }

    /** Turns ANTLR's syntax errors into compile errors with short messages. */
    private static final class SyntaxErrors extends BaseErrorListener {
        private final Diagnostics diagnostics;

        SyntaxErrors(Diagnostics diagnostics) {
            this.diagnostics = diagnostics;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
                String message, RecognitionException e) {
            Token token = (Token) offendingSymbol;
            String text;
            if (token.getType() == Token.EOF) {
                text = "syntax error: unexpected end of file";
            } else if (e instanceof NoViableAltException || e instanceof InputMismatchException) {
                text = "syntax error at '" + token.getText() + "'" + expected((Parser) recognizer, e.getExpectedTokens());
            } else if (message.startsWith("extraneous input")) {
                text = "syntax error: unexpected '" + token.getText() + "'";
            } else {
                text = "syntax error: " + message;
            }
            diagnostics.error(line, column + 1, text);
        }

        private static String expected(Parser parser, IntervalSet expected) {
            if (expected == null || expected.size() == 0 || expected.size() > MAX_EXPECTED_SHOWN) {
                return "";
            }
            return ", expected " + expected.toList().stream()
                    .map(t -> parser.getVocabulary().getDisplayName(t))
                    .collect(Collectors.joining(" or "));
        }
    }
}
