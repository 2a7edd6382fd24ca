package dev.mimic.pcode.runtime;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.memory.FlatMemory;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BlocksTest {
    /** compare agrees with byte-by-byte unsigned comparison, whatever the length and the first difference. */
    @Property
    void compare_ordersLikeUnsignedBytes(@ForAll @Size(max = 40) byte[] x, @ForAll @Size(max = 40) byte[] y) {
        int length = Math.min(x.length, y.length);
        FlatMemory memory = new FlatMemory(256);
        memory.write(16, x, 0, length);
        memory.write(128, y, 0, length);
        ExecutionContext ctx = new ExecutionContext(null, memory, null);
        int expected = Integer.signum(Arrays.compareUnsigned(x, 0, length, y, 0, length));
        assertEquals(expected, Blocks.compare(ctx, 16, 128, length));
    }

    @Property
    void compare_ofEqualPrefixes_decidesOnTheLaterByte(@ForAll @Size(min = 1, max = 40) byte[] x) {
        FlatMemory memory = new FlatMemory(256);
        memory.write(0, x, 0, x.length);
        memory.write(100, x, 0, x.length);
        memory.store8(100 + x.length - 1, (x[x.length - 1] & 0xFF) ^ 0x80);
        ExecutionContext ctx = new ExecutionContext(null, memory, null);
        assertEquals((x[x.length - 1] & 0x80) == 0 ? -1 : 1, Blocks.compare(ctx, 0, 100, x.length));
    }
}
