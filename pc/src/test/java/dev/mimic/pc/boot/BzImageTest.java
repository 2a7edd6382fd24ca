package dev.mimic.pc.boot;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BzImageTest {
    static String errorFor(Consumer<ByteBuffer> damage) {
        byte[] image = SyntheticBzImage.build();
        damage.accept(ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN));
        return assertThrows(BootImageException.class, () -> BzImage.parse("vmlinuz", image)).getMessage();
    }

    @Test
    void splitsSetupAndKernelAndReadsTheHeader() {
        BzImage image = BzImage.parse("vmlinuz", SyntheticBzImage.build());
        assertEquals(SyntheticBzImage.SETUP_BYTES, image.setup().length);
        assertEquals(SyntheticBzImage.KERNEL_BYTES, image.kernel().length);
        assertEquals((byte) 7, image.kernel()[1]);
        assertEquals(0x020F, image.version());
        assertEquals(0x100000, image.code32Start());
        assertEquals(0x7FFF_FFFF, image.initrdAddrMax());
        assertEquals(2047, image.cmdlineSize());
        assertEquals(0x268, image.headerEnd());
    }

    @Test
    void badImagesNameFileOffsetAndProblem() {
        assertEquals("vmlinuz: offset 0x1fe: boot flag is 0x0000, not 0xaa55", errorFor(b -> b.putShort(0x1FE, (short) 0)));
        assertEquals("vmlinuz: offset 0x202: no \"HdrS\" magic: not a Linux bzImage", errorFor(b -> b.putInt(0x202, 0)));
        assertEquals("vmlinuz: offset 0x206: boot protocol 2.03 is too old; 2.04 or newer is needed", errorFor(b -> b.putShort(0x206, (short) 0x0203)));
        assertEquals("vmlinuz: offset 0x211: LOADED_HIGH is clear: a zImage, which loads below 1 MiB and is not supported", errorFor(b -> b.put(0x211, (byte) 0)));
        assertEquals("vmlinuz: offset 0x1f1: setup_sects 200 puts the kernel past the end of the 6656-byte file", errorFor(b -> b.put(0x1F1, (byte) 200)));
        assertEquals("vmlinuz: offset 0x1f4: syssize says 8192 bytes of kernel, but 4096 follow the setup code", errorFor(b -> b.putInt(0x1F4, 512)));
        assertEquals("tiny: offset 0x0: only 16 bytes, too short for a Linux setup header",
                assertThrows(BootImageException.class, () -> BzImage.parse("tiny", new byte[16])).getMessage());
    }

    @Test
    void syssizeMayRoundTheKernelUpToAParagraph() {
        byte[] full = SyntheticBzImage.build();
        byte[] short8 = java.util.Arrays.copyOf(full, full.length - 8);
        BzImage image = BzImage.parse("memtest", short8);
        assertEquals(SyntheticBzImage.KERNEL_BYTES, image.kernel().length, "the missing tail reads as zeros");
        assertEquals(0, image.kernel()[SyntheticBzImage.KERNEL_BYTES - 1]);
    }

    @Test
    void protocolsBefore206HaveA255ByteCommandLine() {
        byte[] bytes = SyntheticBzImage.build();
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putShort(0x206, (short) 0x0205);
        assertEquals(255, BzImage.parse("old", bytes).cmdlineSize());
    }
}
