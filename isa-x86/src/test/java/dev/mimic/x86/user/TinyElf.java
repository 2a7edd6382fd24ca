package dev.mimic.x86.user;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds minimal static i386 executables for tests: one read-write-execute PT_LOAD segment holding the code. */
final class TinyElf {
    static final int BASE = 0x0804_8000;
    static final int HEADERS = 52 + 32;

    private TinyElf() {
    }

    /** write(1, msg, 3); exit_group(7) with msg = "hi\n" after the code. */
    static final byte[] HELLO = of(bytes(
            0xB8, 4, 0, 0, 0,                         // mov eax, 4 (write)
            0xBB, 1, 0, 0, 0,                         // mov ebx, 1
            0xB9, 0x76, 0x80, 0x04, 0x08,             // mov ecx, msg (0x8048054 + 34)
            0xBA, 3, 0, 0, 0,                         // mov edx, 3
            0xCD, 0x80,                               // int 0x80
            0xB8, 252, 0, 0, 0,                       // mov eax, 252 (exit_group)
            0xBB, 7, 0, 0, 0,                         // mov ebx, 7
            0xCD, 0x80,                               // int 0x80
            'h', 'i', '\n'));

    /** An ELF file whose entry point is the first byte of {@code code} (loaded right after the headers). */
    static byte[] of(byte[] code) {
        ByteBuffer b = ByteBuffer.allocate(HEADERS + code.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7F, 'E', 'L', 'F', 1, 1, 1, 0});
        b.position(16);
        b.putShort((short) 2).putShort((short) 3).putInt(1);
        b.putInt(BASE + HEADERS).putInt(52).putInt(0).putInt(0);
        b.putShort((short) 52).putShort((short) 32).putShort((short) 1).putShort((short) 40).putShort((short) 0).putShort((short) 0);
        b.putInt(1).putInt(0).putInt(BASE).putInt(BASE).putInt(HEADERS + code.length).putInt(HEADERS + code.length).putInt(7).putInt(0x1000);
        b.put(code);
        return b.array();
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
