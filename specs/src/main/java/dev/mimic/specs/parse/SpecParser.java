package dev.mimic.specs.parse;

import dev.mimic.specs.model.IsaSpec;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * Parses the text of a spec with the ANTLR grammar {@code Isa.g4}. Only the build (which compiles each spec
 * into a table, {@link SpecCompiler}), tests and specs without a compiled table come here, so that a
 * machine's start-up never loads ANTLR: {@link IsaSpecs} is the public entry.
 */
final class SpecParser {

    private SpecParser() {}

    static IsaSpec read(String source, String text, Optional<String> expectedName) {
        IsaLexer lexer = new IsaLexer(CharStreams.fromString(text, source));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        for (Token token : tokens.getTokens()) {
            String detail = switch (token.getType()) {
                case IsaLexer.UNTERMINATED_STRING -> "unterminated string";
                case IsaLexer.UNEXPECTED_CHAR -> "unexpected character '" + token.getText() + "'";
                default -> null;
            };
            if (detail != null) {
                throw new IsaFormatException(source, token.getLine(), token.getCharPositionInLine() + 1, detail);
            }
        }
        IsaParser parser = new IsaParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
                                    String message, RecognitionException e) {
                Token found = (Token) offendingSymbol;
                List<String> expected = parser.getExpectedTokens().toList().stream().map(SpecParser::describe).toList();
                String alternatives = expected.size() == 1 ? expected.get(0)
                        : String.join(", ", expected.subList(0, expected.size() - 1)) + " or " + expected.getLast();
                throw new IsaFormatException(source, line, column + 1, "unexpected "
                        + (found.getType() == Token.EOF ? describe(Token.EOF) : "'" + found.getText() + "'")
                        + ", expected " + alternatives);
            }
        });
        return new SpecBuilder(source).build(parser.spec(), expectedName);
    }

    /** How a token type reads in a message: {@code ';'}, {@code a name}, {@code end of file}. */
    private static String describe(int tokenType) {
        return switch (tokenType) {
            case Token.EOF -> "end of file";
            case IsaLexer.INTEGER -> "an integer";
            case IsaLexer.NAME -> "a name";
            case IsaLexer.STRING -> "a string";
            default -> IsaLexer.VOCABULARY.getLiteralName(tokenType);
        };
    }
}
