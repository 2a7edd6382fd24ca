package dev.mimic.forth.fcode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Builds FCode images byte by byte, with a correct header unless a test spoils it on purpose. */
final class TestImages {

    static final int START0 = 0xf0, START1 = 0xf1, START2 = 0xf2, START4 = 0xf3, VERSION1 = 0xfd;

    private TestImages() {}

    /** A program: {@code start}, format 8, the checksum and length of {@code body}, then the body. */
    static byte[] program(int start, int... body) {
        int length = 8 + body.length;
        int sum = 0;
        for (int b : body) {
            sum += b & 0xff;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, start, 0x08, sum >> 8 & 0xff, sum & 0xff, length >>> 24, length >> 16 & 0xff, length >> 8 & 0xff, length & 0xff);
        write(out, body);
        return out.toByteArray();
    }

    /** The program's bytes {@code spread} apart, as a ROM on a wider bus holds them; gaps are 0xee. */
    static byte[] spread(byte[] program, int spread) {
        byte[] rom = new byte[(program.length - 1) * spread + 1];
        Arrays.fill(rom, (byte) 0xee);
        for (int i = 0; i < program.length; i++) {
            rom[i * spread] = program[i];
        }
        return rom;
    }

    /**
     * A one-image PCI expansion ROM holding {@code program} as toke lays it out: 55 aa, the FCode
     * pointer 0x34 at offset 2, the PCI data structure at 0x1c with {@code codeType}, padded to 512.
     */
    static byte[] pciRom(byte[] program, int codeType) {
        byte[] rom = new byte[Math.max(512, (0x34 + program.length + 511) / 512 * 512)];
        rom[0] = 0x55;
        rom[1] = (byte) 0xaa;
        rom[2] = 0x34;
        rom[0x18] = 0x1c;
        System.arraycopy("PCIR".getBytes(StandardCharsets.US_ASCII), 0, rom, 0x1c, 4);
        rom[0x20] = 0x11;                      // vendor 0x1011
        rom[0x21] = 0x10;
        rom[0x22] = 0x19;                      // device 0x0019
        rom[0x26] = 0x18;                      // structure length
        rom[0x2a] = 0x02;                      // class code 0x000200
        rom[0x2c] = (byte) (rom.length / 512); // image length in 512-byte blocks
        rom[0x30] = (byte) codeType;
        rom[0x31] = (byte) 0x80;               // last image
        System.arraycopy(program, 0, rom, 0x34, program.length);
        return rom;
    }

    /** An FCode-string: the length byte, then the bytes of {@code text}. */
    static int[] string(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        int[] out = new int[bytes.length + 1];
        out[0] = bytes.length;
        for (int i = 0; i < bytes.length; i++) {
            out[i + 1] = bytes[i] & 0xff;
        }
        return out;
    }

    /** Concatenates pieces of a body. */
    static int[] concat(int[]... parts) {
        return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
    }

    static byte[] bytes(int... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, values);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, int... values) {
        for (int v : values) {
            out.write(v);
        }
    }
}
