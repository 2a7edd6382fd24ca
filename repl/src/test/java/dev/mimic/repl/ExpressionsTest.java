package dev.mimic.repl;

import dev.mimic.backend.debug.Condition;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExpressionsTest {
    private final ToyMachine machine = ToyMachine.of("""
            main:  li r0, 7
                   halt
            data:  .word 5
            """);
    private final Expressions expressions = new Expressions(machine);

    @Test
    void numbersSymbolsAndRegistersMix() {
        assertEquals(0x1c, expressions.value("0x1c"));
        assertEquals(8, expressions.value("data"));
        assertEquals(12, expressions.value("data + 4"));
        assertEquals(0x1000 - 8, expressions.value("sp - 8"));
        assertEquals(4, expressions.value("(main + 8) / 2"));
    }

    @Test
    void registersComeBeforeSymbols() {
        ToyMachine shadowed = ToyMachine.of("sp: halt");
        assertEquals(0x1000, new Expressions(shadowed).value("sp"));
    }

    @Test
    void aSymbolThatIsTheWholeTextIsNotArithmetic() {
        ToyMachine forthLike = ToyMachine.of("""
                ofw:        halt
                banner:     halt
                ofw-banner: halt
                """);
        Expressions e = new Expressions(forthLike);
        assertEquals(8, e.value(" ofw-banner "));
        assertEquals(4 - 4, e.value("banner - ofw - 4"));
    }

    @Test
    void unknownNamesAndBadSyntaxAreOneLine() {
        assertEquals("no register or symbol 'nowhere'",
                assertThrows(CommandException.class, () -> expressions.value("nowhere + 1")).getMessage());
        assertEquals("bad expression 'data +' at column 7: missing operand",
                assertThrows(CommandException.class, () -> expressions.value("data +")).getMessage());
        assertEquals("missing address", assertThrows(CommandException.class, () -> expressions.value(" ")).getMessage());
    }

    @Test
    void conditionsAreCheckedForNamesBeforeTheyRun() {
        Condition c = expressions.condition("r0 == 7 && value > old", Set.of("value", "old"));
        assertEquals("r0 == 7 && value > old", c.toString());
        assertEquals("no register 'data' in condition",
                assertThrows(CommandException.class, () -> expressions.condition("data == 1", Set.of())).getMessage());
    }

    @Test
    void aConditionDividingByZeroTodayMayHoldLater() {
        assertTrue(expressions.condition("10 / r1 > 2", Set.of()) != null);
    }

    @Test
    void locationsNameTheSymbolWhereThereIsOne() {
        assertEquals("0x4 (main+4)", expressions.location(4));
        assertEquals("0x8 (data)", expressions.location(8));
        assertEquals("0x800", expressions.location(0x800));
    }
}
