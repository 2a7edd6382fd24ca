package dev.mimic.pcode.compiler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The golden corpus under {@code src/test/resources/pascal}: each {@code name.pas} with the
 * output it must print in {@code name.out}, its input in {@code name.in} if it reads any, and
 * for a program stopped by a runtime error the error's message in {@code name.err} (the
 * {@code .out} then holds what it prints before the error).
 */
public record GoldenPrograms(Path directory) {

    /** One golden program and the files beside it. */
    public record Program(String name, Path source) {
        public Path expectedOutput() {
            return source.resolveSibling(name + ".out");
        }

        public Optional<Path> input() {
            Path in = source.resolveSibling(name + ".in");
            return Files.exists(in) ? Optional.of(in) : Optional.empty();
        }

        /** The runtime error message the program must stop with, if it must. */
        public Optional<String> expectedError() {
            Path err = source.resolveSibling(name + ".err");
            return Files.exists(err) ? Optional.of(read(err).strip()) : Optional.empty();
        }

        public String text() {
            return read(source);
        }

        /**
         * The program parameters other than input and output, in header order: the files a
         * runner binds to command-line paths.
         */
        public List<String> fileParameters() {
            Matcher m = HEADING.matcher(text());
            List<String> files = new ArrayList<>();
            if (m.find()) {
                for (String p : m.group(1).split(",")) {
                    String name = p.strip().toLowerCase(Locale.ROOT);
                    if (!name.equals("input") && !name.equals("output")) {
                        files.add(name);
                    }
                }
            }
            return files;
        }
    }

    private static final Pattern HEADING =
            Pattern.compile("program\\s+\\w+\\s*\\(([^)]*)\\)", Pattern.CASE_INSENSITIVE);

    /** The corpus as the test class path holds it. */
    public static GoldenPrograms onClassPath() {
        try {
            return new GoldenPrograms(Path.of(GoldenPrograms.class.getResource("/pascal").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Program> programs() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.toString().endsWith(".pas")).sorted()
                    .map(p -> new Program(p.getFileName().toString().replace(".pas", ""), p))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
