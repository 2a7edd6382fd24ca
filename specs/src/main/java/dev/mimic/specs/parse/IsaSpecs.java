package dev.mimic.specs.parse;

import dev.mimic.specs.model.IsaSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import dev.mimic.specs.table.SpecTable;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Loads machine specifications written in the ISA description language, the one source from which
 * decoders, disassemblers and the spec-coverage report are built. A spec is the resource
 * {@code dev/mimic/specs/NAME.isa}; {@code IsaSpecs.load("p5")} reads {@code p5.isa}.
 *
 * <h2>The language</h2>
 * <pre>{@code
 * # comment to end of line
 * isa p5;                                        # required; must match the file name
 * title "Pascal-P5 p-machine (ISO 7185)";        # optional
 * semantics dev.mimic.pcode.decode.P5Semantics;  # optional; the class whose methods emit IR
 * group "Loads and stores" {                     # optional heading around instructions
 *   instruction lodi {
 *     opcode 0;                                  # decimal or 0x hex; unique within the isa
 *     operands p:level q:int;                    # name:kind pairs, or bare kinds such as Eb Gb
 *     emit lod;                                  # semantic method; default: the name made a Java identifier
 *     stack "-- i";                              # stack effect, Forth notation
 *     summary "load integer from frame at level p, offset q";
 *   }
 * }
 * instruction add { encoding "00 /r"; operands Eb Gb; flags-read ""; flags-written "OSZAPC"; }
 * }</pre>
 * Inside an instruction every entry is {@code key value+ ;}. A value is a string ({@code "..."}, escapes
 * {@code \"} and {@code \\}), an integer ({@code 12}, {@code 0x0C}), a name, or a {@code name:kind} pair.
 * Names are letters, digits, {@code _ $ . -}, starting with anything but {@code . -}; a name of digits
 * only is an integer, so {@code 0branch} and {@code ldc.i4.0} are names but {@code 12} is not. The words
 * {@code group} and {@code instruction} are reserved. Keys other than {@code opcode encoding operands emit
 * stack flags-read flags-written summary} are kept for the machine's frontend ({@link
 * dev.mimic.specs.model.Instruction#entry}); each key appears at most once per instruction.
 *
 * <p>Every error, lexical, syntactic or semantic (duplicate instruction names or opcodes, wrong value
 * types, unknown top-level keywords), is an {@link IsaFormatException} naming file, line and column;
 * nothing is printed.
 *
 * <p>The build compiles each spec of this module into a binary table ({@link SpecTable}, {@link
 * SpecCompiler}), and {@link #load} reads that table when there is one: machines then start without
 * loading the parser. A spec without a table, such as a test's, is parsed.
 */
public final class IsaSpecs {

    private IsaSpecs() {}

    /**
     * Reads the spec resource {@code dev/mimic/specs/NAME.isa} from this module's class loader, from its
     * compiled table {@code NAME.isa.table} if there is one.
     *
     * @throws IllegalArgumentException if there is no such resource
     * @throws IsaFormatException       if it is malformed, or its {@code isa} name is not {@code name}
     */
    public static IsaSpec load(String name) {
        String resource = "dev/mimic/specs/" + name + ".isa";
        ClassLoader loader = IsaSpecs.class.getClassLoader();
        try (InputStream table = loader.getResourceAsStream(resource + SpecTable.SUFFIX)) {
            if (table != null) {
                return SpecTable.read(resource + SpecTable.SUFFIX, table);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource + SpecTable.SUFFIX, e);
        }
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no ISA spec '" + name + "': resource " + resource + " not found");
            }
            return SpecParser.read(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8), Optional.of(name));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }

    /**
     * Reads a spec from text; {@code source} names it in error messages.
     *
     * @throws IsaFormatException if the text is malformed
     */
    public static IsaSpec parse(String source, String text) {
        return SpecParser.read(source, text, Optional.empty());
    }
}
