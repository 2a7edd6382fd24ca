package dev.mimic.pc.boot;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MultibootKernelTest {
    /** A file with an a.out-kludge header at {@code at}: header_addr, load_addr, load_end_addr, bss_end_addr, entry_addr. */
    static byte[] kludge(int size, int at, int... addresses) {
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(at, MultibootKernel.HEADER_MAGIC).putInt(at + 4, 1 << 16).putInt(at + 8, -(MultibootKernel.HEADER_MAGIC + (1 << 16)));
        for (int i = 0; i < addresses.length; i++) {
            b.putInt(at + 12 + 4 * i, addresses[i]);
        }
        for (int i = at + 32; i < size; i++) {
            b.put(i, (byte) i);
        }
        return b.array();
    }

    @Test
    void theKludgeLoadsTheFileFromTheHeadersPlaceAndZeroesTheBss() {
        byte[] file = kludge(0x300, 0x40, 0x100040, 0x100000, 0x100200, 0x100400, 0x100060);
        MultibootKernel kernel = MultibootKernel.parse("k", file);
        assertEquals(0x100000, kernel.loadAddress());
        assertEquals(0x100060, kernel.entry());
        assertEquals(0x400, kernel.image().length);
        byte[] loaded = new byte[0x400];
        System.arraycopy(file, 0, loaded, 0, 0x200);
        assertArrayEquals(loaded, kernel.image(), "load_end_addr cuts the file; BSS up to bss_end_addr is zero");
    }

    @Test
    void aHeaderNeedsItsChecksum() {
        byte[] file = kludge(0x100, 0, 0x100000, 0x100000, 0, 0, 0x100020);
        file[8]++;
        assertEquals(-1, MultibootKernel.headerOffset(file));
        assertEquals("k: no multiboot header in the first 8 KiB",
                assertThrows(BootImageException.class, () -> MultibootKernel.parse("k", file)).getMessage());
    }

    @Test
    void badAddressesAreOneLineErrorsNamingTheField() {
        assertEquals("k: offset 0x60: load_end_addr 0x200000 is outside the file",
                assertThrows(BootImageException.class, () -> MultibootKernel.parse("k",
                        kludge(0x100, 0x4C, 0x10004C, 0x100000, 0x200000, 0, 0x100020))).getMessage());
        assertEquals("k: offset 0x10: load_addr 0x200000 does not fit header_addr 0x100000",
                assertThrows(BootImageException.class, () -> MultibootKernel.parse("k",
                        kludge(0x100, 0, 0x100000, 0x200000, 0, 0, 0x100020))).getMessage());
    }

    @Test
    void withoutTheKludgeTheFileMustBeA32BitElf() {
        ByteBuffer b = ByteBuffer.allocate(0x100).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x80, MultibootKernel.HEADER_MAGIC).putInt(0x84, 0).putInt(0x88, -MultibootKernel.HEADER_MAGIC);
        assertEquals("k: offset 0x0: the multiboot header has no load addresses (flag 16) and the file is not ELF",
                assertThrows(BootImageException.class, () -> MultibootKernel.parse("k", b.array())).getMessage());
        b.putInt(0, 0x464C_457F).put(4, (byte) 2).putShort(18, (short) 62);
        assertEquals("k: offset 0x4: not a 32-bit i386 ELF file; a multiboot kernel must be one",
                assertThrows(BootImageException.class, () -> MultibootKernel.parse("k", b.array())).getMessage());
    }
}
