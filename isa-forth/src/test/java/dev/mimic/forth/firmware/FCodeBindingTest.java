package dev.mimic.forth.firmware;

import dev.mimic.backend.exec.EngineKind;
import dev.mimic.forth.Session;
import dev.mimic.forth.fcode.FCodeFunction;
import dev.mimic.forth.fcode.FCodeTable;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Which standard FCodes the firmware defines: every number of fcode.isa is bound to the word of its
 * name, except the historical and SBus-only numbers.
 */
class FCodeBindingTest {
    static final Set<String> NOT_PROVIDED_GROUPS = Set.of("Historical FCodes", "SBus binding");

    @Test
    void everyStandardFCodeOutsideHistoryAndSbusIsBound() {
        Session f = FCodeEvaluatorTest.firmware(EngineKind.INTERP);
        Set<String> unbound = new TreeSet<>();
        for (FCodeFunction fn : FCodeTable.standard().functions()) {
            boolean expected = fn.spec().group().filter(NOT_PROVIDED_GROUPS::contains).isEmpty();
            if (expected && f.machine.find(fn.word()).isEmpty()) {
                unbound.add(fn.word());
            }
        }
        assertEquals(Set.of(), unbound);
    }

    @Test
    void tokensMapToTheirWordsAndUnassignedNumbersToFerror() {
        Session f = FCodeEvaluatorTest.firmware(EngineKind.INTERP);
        assertEquals("-1 -1 -1 -1 \n", f.run("$47 get-token drop ' dup = .  $10 get-token nip .  $0fe get-token drop ' ferror = .  "
                + "' swap false $800 set-token $800 get-token drop ' swap = . cr"));
    }
}
