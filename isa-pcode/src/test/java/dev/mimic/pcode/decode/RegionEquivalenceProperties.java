package dev.mimic.pcode.decode;

import dev.mimic.pcode.Runs;
import dev.mimic.pcode.load.Mpb;
import dev.mimic.pcode.load.PcodeFormatException;
import dev.mimic.pcode.load.PcodeProgram;
import dev.mimic.pcode.machine.PMachine;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Decoding whole procedures into regions with loops behaves exactly like decoding one instruction
 * at a time (which the engine does while tracing): same output, same exit, same registers, same
 * store (but for the free space between heap and stack, where popped values linger only when
 * they went through the store). Checked on every golden program and on random loops of integer
 * arithmetic.
 */
class RegionEquivalenceProperties {
    /** Output, status, registers and store of one run. */
    private record Outcome(String stdout, String stderr, int exit, List<Long> registers, byte[] store) {
    }

    private static Outcome run(PcodeProgram program, Runs.Engine engine, String stdin, boolean oneAtATime) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PMachine m = new PMachine(program, Runs.options(engine, stdin, out, err).withMaxSteps(2_000_000));
        if (oneAtATime) {
            m.engine().setTracer(pc -> { });
        }
        int exit = m.runToCompletion();
        List<Long> registers = m.registerNames().stream().map(m::register).toList();
        int np = (int) m.register("np");
        int sp = (int) m.register("sp");
        byte[] live = new byte[np + Mpb.STORE_SIZE - sp];
        System.arraycopy(m.readMemory(0, np), 0, live, 0, np);
        System.arraycopy(m.readMemory(sp, Mpb.STORE_SIZE - sp), 0, live, np, Mpb.STORE_SIZE - sp);
        return new Outcome(out.toString(StandardCharsets.ISO_8859_1), err.toString(StandardCharsets.UTF_8), exit, registers, live);
    }

    private static void assertSame(PcodeProgram program, String stdin) {
        for (Runs.Engine engine : Runs.engines()) {
            Outcome regions = run(program, engine, stdin, false);
            Outcome single = run(program, engine, stdin, true);
            assertEquals(single.stdout(), regions.stdout(), engine + ": stdout");
            assertEquals(single.stderr(), regions.stderr(), engine + ": stderr");
            assertEquals(single.exit(), regions.exit(), engine + ": exit");
            assertEquals(single.registers(), regions.registers(), engine + ": registers");
            assertArrayEquals(single.store(), regions.store(), engine + ": store");
        }
    }

    @Property(tries = 12)
    void goldenProgramsRunTheSameInRegionsAndOneInstructionAtATime(@ForAll("golden") String name) {
        String input = Runs.text("golden/" + name + ".in");
        assertSame(Runs.resource("golden/" + name + ".p5"), input == null ? "" : input);
    }

    @Provide
    Arbitrary<String> golden() {
        return Arbitraries.of("arith", "reals", "sets", "control", "procs", "memory", "heap", "textio", "binary",
                "variants", "ordinals", "hello");
    }

    /** The decoder remembers global 8 from its sroi; the stoi through its address must replace that, so 7 is printed. */
    @Example
    void aStoreThroughAnAddressChangesWhatALaterLoadByNameReads() throws PcodeFormatException {
        String code = String.join("\n", " ents l 2", " ente l 3", " ldci 5", " sroi 8", " ldoi 8", " sroi 12", " lao 8",
                " ldci 7", " stoi", " lao 2", " ldoi 8", " ldci 1", " csp wri", " csp wln", " dmp 4", " retp", "l 2=-32",
                "l 3=-200", "g 28", "q", " mst 0", " cup 0 l 1", " stp", "q") + "\n";
        PcodeProgram program = PcodeProgram.parse("alias.p5", "l 1\n" + code);
        assertSame(program, "");
        assertEquals("7\n", run(program, Runs.interpreter(), "", false).stdout());
    }

    @Property(tries = 60)
    void randomArithmeticLoopsRunTheSameInRegionsAndOneInstructionAtATime(@ForAll("loops") String code)
            throws PcodeFormatException {
        assertSame(PcodeProgram.parse("random.p5", code), "");
    }

    /**
     * A loop of 1..9 rounds over assignments of random expressions to four globals, some skipped by
     * a condition. Globals are read and written both by name (ldo, sro) and through their address
     * (lao with ind, sto), so a value the decoder remembers from one must not survive a store by
     * the other.
     */
    @Provide
    Arbitrary<String> loops() {
        Arbitrary<List<String>> statement = Combinators.combine(Arbitraries.integers().between(0, 3), expression(3),
                Arbitraries.of(true, false), expression(1), Arbitraries.of(true, false)).as((target, value, guarded, guard,
                        byAddress) -> {
                    List<String> s = new ArrayList<>();
                    if (guarded) {
                        s.addAll(guard);
                        s.add(" ldci 0");
                        s.add(" grti");
                        s.add(" fjp l 90" + target);
                    }
                    if (byAddress) {
                        s.add(" lao " + (8 + 4 * target));
                        s.addAll(value);
                        s.add(" stoi");
                    } else {
                        s.addAll(value);
                        s.add(" sroi " + (8 + 4 * target));
                    }
                    if (guarded) {
                        s.add("l 90" + target);
                    }
                    return s;
                });
        return Combinators.combine(statement.list().ofMinSize(1).ofMaxSize(6), Arbitraries.integers().between(1, 9))
                .as((statements, rounds) -> {
                    List<String> p = new ArrayList<>(List.of("l 1", " ents l 2", " ente l 3", " ldci " + rounds, " sroi 24",
                            "l 80", " ldoi 24", " ldci 0", " grti", " fjp l 81"));
                    int n = 0;
                    for (List<String> s : statements) {
                        for (String line : s) {
                            p.add(line.startsWith("l 90") || line.startsWith(" fjp l 90") ? line + n : line);
                        }
                        n++;
                    }
                    p.addAll(List.of(" ldoi 24", " deci 1", " sroi 24", " ujp l 80", "l 81", " lao 2"));
                    for (int g = 0; g < 4; g++) {
                        p.addAll(List.of(" ldoi " + (8 + 4 * g), " ldci 12", " csp wri"));
                    }
                    p.addAll(List.of(" csp wln", " dmp 4", " retp", "l 2=-32", "l 3=-200", "g 28", "q", " mst 0", " cup 0 l 1",
                            " stp", "q"));
                    return String.join("\n", p) + "\n";
                });
    }

    private static Arbitrary<List<String>> expression(int depth) {
        Arbitrary<List<String>> leaf = Arbitraries.oneOf(
                Arbitraries.integers().between(-50, 50).map(k -> List.of(" ldci " + k)),
                Arbitraries.integers().between(0, 3).map(g -> List.of(" ldoi " + (8 + 4 * g))),
                Arbitraries.integers().between(0, 3).map(g -> List.of(" lao " + (8 + 4 * g), " indi 0")));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<List<String>> unary = Combinators.combine(expression(depth - 1),
                Arbitraries.of(" ngi", " abi", " odd", " inci 3", " deci 7", " not")).as((e, op) -> append(e, List.of(op)));
        Arbitrary<List<String>> binary = Combinators.combine(expression(depth - 1), expression(depth - 1),
                Arbitraries.of(" adi", " sbi", " mpi", " dvi", " mod", " equi", " lesi", " geqi", " and", " ior"))
                .as((a, b, op) -> append(append(a, b), List.of(op)));
        return Arbitraries.oneOf(leaf, unary, binary);
    }

    private static List<String> append(List<String> a, List<String> b) {
        List<String> r = new ArrayList<>(a);
        r.addAll(b);
        return r;
    }
}
