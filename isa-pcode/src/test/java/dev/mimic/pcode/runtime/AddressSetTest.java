package dev.mimic.pcode.runtime;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AddressSetTest {
    /** Any sequence of adds and removes leaves an AddressSet answering every query like a TreeSet. */
    @Property
    void agreesWithTreeSet(@ForAll @Size(max = 200) List<@IntRange(min = 0, max = 40_000) Integer> operations,
                           @ForAll @Size(max = 30) List<@IntRange(min = -1, max = 50_000) Integer> queries) {
        AddressSet set = new AddressSet();
        TreeSet<Integer> expected = new TreeSet<>();
        for (int op : operations) {
            int address = op / 2;
            if (op % 2 == 0) {
                set.add(address);
                expected.add(address);
            } else {
                set.remove(address);
                expected.remove(address);
            }
            assertEquals(expected.isEmpty(), set.isEmpty());
        }
        for (int q : queries) {
            assertEquals(expected.contains(q), set.contains(q), "contains " + q);
            assertEquals(orMinusOne(expected.floor(q)), set.floor(q), "floor " + q);
            assertEquals(orMinusOne(expected.ceiling(q)), set.ceiling(q), "ceiling " + q);
        }
        assertEquals(orMinusOne(expected.isEmpty() ? null : expected.last()), set.floor(Integer.MAX_VALUE));
    }

    @Test
    void neighboursFarApartAreFound() {
        AddressSet set = new AddressSet();
        set.add(8);
        set.add(16_000_000);
        assertEquals(8, set.floor(15_999_999));
        assertEquals(16_000_000, set.ceiling(9));
        set.clear();
        assertEquals(-1, set.floor(Integer.MAX_VALUE));
        assertEquals(-1, set.ceiling(0));
    }

    private static int orMinusOne(Integer value) {
        return value == null ? -1 : value;
    }
}
