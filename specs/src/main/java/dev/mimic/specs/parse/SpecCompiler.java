package dev.mimic.specs.parse;

import dev.mimic.specs.model.IsaSpec;
import dev.mimic.specs.table.SpecTable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The build step that compiles every spec into its binary table: {@code SpecCompiler CLASSES_DIR} parses each
 * {@code dev/mimic/specs/NAME.isa} under the class output directory and writes {@code NAME.isa.table} beside
 * it, which {@link IsaSpecs#load} then reads instead of parsing. A malformed spec fails the build with the
 * parser's one-line message and exit status 2.
 */
public final class SpecCompiler {

    private SpecCompiler() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: SpecCompiler CLASSES_DIR");
            System.exit(2);
        }
        Path specs = Path.of(args[0], "dev", "mimic", "specs");
        List<Path> files;
        try (Stream<Path> listing = Files.list(specs)) {
            files = listing.filter(file -> file.getFileName().toString().endsWith(".isa")).sorted().toList();
        }
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            String name = fileName.substring(0, fileName.length() - ".isa".length());
            IsaSpec spec;
            try {
                spec = SpecParser.read("dev/mimic/specs/" + fileName, Files.readString(file, StandardCharsets.UTF_8),
                        Optional.of(name));
            } catch (IsaFormatException e) {
                System.err.println(e.getMessage());
                System.exit(2);
                return;
            }
            try (OutputStream out = Files.newOutputStream(file.resolveSibling(fileName + SpecTable.SUFFIX))) {
                SpecTable.write(spec, out);
            }
        }
    }
}
