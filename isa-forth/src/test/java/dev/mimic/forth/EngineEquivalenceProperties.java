package dev.mimic.forth;

import dev.mimic.backend.exec.EngineKind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Random threads (stack shuffles, arithmetic, comparisons, memory, loops and branches, calls,
 * recursion, DOES&gt; words, EXECUTE, faults) leave the same stacks and print the same under the IR interpreter and the JIT: the decoder's IR
 * means one thing whichever engine runs it. Each thread runs both dispatched (EXECUTE) and called
 * from another definition, whose region passes stack entries between blocks in temporaries.
 */
class EngineEquivalenceProperties {
    private static final String[] WORDS = {
        "+", "-", "*", "/", "mod", "/mod", "negate", "abs", "min", "max", "1+", "1-", "2*", "2/", "and", "or", "xor",
        "invert", "lshift", "rshift", "=", "<>", "<", ">", "u<", "u>", "0=", "0<", "0>", "dup", "drop", "swap", "over",
        "rot", "-rot", "nip", "tuck", "?dup", "2dup", "2drop", "2swap", "2over", "2 pick", "3 roll", "depth",
        "s>d", "d+", "d-", "dnegate", "um*", "m*", "um/mod", "fm/mod", "sm/rem", "*/", "within", "7", "-3", "100",
        "dup 0< if negate then", "over over < if swap else 1+ then", "5 0 do i + loop", "255 and 0 ?do 1+ loop",
        "begin 2/ dup 4 < until", "v @ +", "dup v !", "v +!", ">r 1+ r>", "dup >r r@ + r> -", "s>f f>s",
        "s>f 2e f* f>s", "dup .", "[char] x emit", "pad c! pad c@", "sp@ @", "1 0 do i loop",
        "c1", "c2", "c3", "r1", "' c1 execute", "d1", "5 ['] c2 catch",
    };

    @Provide
    Arbitrary<String> threads() {
        return Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(30).map(words -> String.join(" ", words));
    }

    @Property(tries = 40)
    void randomThreads_runTheSameInterpretedAndCompiled(@ForAll("threads") String thread) {
        String program = "variable v 1 v ! : c1 1+ ; : c2 over + ; : c3 3 0 do c1 loop ; "
                + ": r1 255 and dup 0> if 1- recurse then ; : make create , does> @ + ; 9 make d1 "
                + ": t 11 -22 33 -44 55 66 " + thread + " ; : u t ; ' t catch ' u catch";
        assertEquals(run(EngineKind.INTERP, program), run(EngineKind.JIT, program), thread);
    }

    private static String run(EngineKind engine, String program) {
        Session s = new Session(engine);
        s.machine.evaluate(program);
        return Arrays.toString(s.machine.dataStack()) + " " + Arrays.toString(s.machine.floatStack()) + " " + s.output()
                + " " + s.errors();
    }
}
