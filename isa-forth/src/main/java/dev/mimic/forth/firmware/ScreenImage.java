package dev.mimic.forth.firmware;

import dev.mimic.backend.memory.GuestMemory;
import dev.mimic.forth.ForthMachine;
import dev.mimic.forth.dictionary.Dictionary;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/**
 * What the firmware's display shows, for people: the 8-bit frame buffer the terminal emulator
 * draws in ({@code frame-buffer-adr}, {@code screen-width} by {@code screen-height} bytes, see
 * {@code ofw/display.fs}) as a grey-scale PNG. The colour map lives in each card's DAC, which the
 * machine does not model, so the image uses the one Sun's drivers load: index 0 white, 255 black,
 * grey between.
 */
public record ScreenImage(int width, int height, byte[] pixels) {
    /** The screen of a firmware machine, or empty when no display has been installed. */
    public static Optional<ScreenImage> of(ForthMachine machine) {
        long address = value(machine, "frame-buffer-adr");
        long width = value(machine, "screen-width");
        long height = value(machine, "screen-height");
        GuestMemory memory = machine.memory();
        if (address <= 0 || width <= 0 || height <= 0 || width > 1 << 14 || height > 1 << 14
                || address + width * height > memory.size()) {
            return Optional.empty();
        }
        byte[] pixels = new byte[(int) (width * height)];
        memory.read(address, pixels, 0, pixels.length);
        return Optional.of(new ScreenImage((int) width, (int) height, pixels));
    }

    private static long value(ForthMachine machine, String name) {
        return machine.find(name).map(xt -> machine.memory().load64(xt + Dictionary.BODY)).orElse(0L);
    }

    /** Writes the screen as a PNG file (8-bit grey scale, one filter byte per row). */
    public void writePng(Path file) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(header);
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[] {8, 0, 0, 0, 0}); // bit depth 8, grey scale, deflate, no filter, no interlace
        chunk(png, "IHDR", header.toByteArray());
        ByteArrayOutputStream rows = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(rows)) {
            byte[] row = new byte[width + 1];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    row[x + 1] = (byte) (255 - (pixels[y * width + x] & 0xff));
                }
                z.write(row);
            }
        }
        chunk(png, "IDAT", rows.toByteArray());
        chunk(png, "IEND", new byte[0]);
        Files.write(file, png.toByteArray());
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        DataOutputStream out = new DataOutputStream(png);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
