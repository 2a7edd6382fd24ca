package dev.mimic.cli;

import dev.mimic.forth.firmware.FirmwareBuilder;
import dev.mimic.forth.firmware.FirmwareImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class OfwCommandTest {
    @TempDir
    Path dir;

    @Test
    void bootsToTheOkPromptAndReadsCommandsFromStdinUntilItsEnd() {
        Mimic r = Mimic.withInput("dev /openprom\npwd\n3 4 + .\n", "ofw");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("Mimic Open Firmware"), r.out());
        assertTrue(r.out().contains("ok pwd \n/openprom\n"), r.out());
        assertTrue(r.out().contains("7 "), r.out());
        assertTrue(r.out().endsWith("ok \n"), r.out());
    }

    @Test
    void aBadImageIsOneLineNamingFileOffsetAndProblem() throws IOException {
        Path image = dir.resolve("bad.img");
        byte[] bytes = FirmwareImage.builtIn().toBytes();
        bytes[100] ^= 1;
        Files.write(image, bytes);
        Mimic r = Mimic.withInput("", "ofw", "--image", image.toString());
        assertEquals(2, r.status());
        assertEquals(image + ": offset 44: checksum", r.err().substring(0, r.err().indexOf(" 0x")));
        assertEquals(1, r.err().lines().count(), r.err());

        Files.write(image, new byte[] {'M', 'Z', 0, 0});
        r = Mimic.withInput("", "ofw", "--image", image.toString());
        assertEquals(2, r.status());
        assertEquals(image + ": offset 4: the file ends inside the 64-byte header\n", r.err());
    }

    @Test
    void anotherImageBoots() throws IOException {
        Path image = dir.resolve("copy.img");
        Files.write(image, FirmwareImage.builtIn().toBytes());
        Mimic r = Mimic.withInput("show-devs\n", "ofw", "--image", image.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("/packages/disk-label\n"), r.out());
    }

    @Test
    void anImageLinkedForAnotherAddressIsRelocatedAndTheDictionaryLoadsWhereAsked() throws IOException {
        Path image = dir.resolve("linked.img");
        Files.write(image, FirmwareBuilder.build(0x280000).toBytes());
        Mimic r = Mimic.withInput("show-devs\n' ofw-boot $100000 $180000 within .\n", "ofw", "--image", image.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("/packages/disk-label\n"), r.out());
        assertTrue(r.out().contains("\n-1 ok"), r.out());

        r = Mimic.withInput("show-devs\n' ofw-boot $380000 $400000 within .\n", "ofw", "--image", image.toString(), "--load-address", "0x380000");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("/packages/disk-label\n"), r.out());
        assertTrue(r.out().contains("\n-1 ok"), r.out());

        r = Mimic.withInput("", "ofw", "--load-address", "0x1004");
        assertEquals(2, r.status());
        assertEquals("cannot load the dictionary at 0x1004: it needs a cell-aligned address from 0x100000 to ", r.err().substring(0, r.err().lastIndexOf("0x")));
    }

    @Test
    void aBadRelocationIsOneLineWithTheOffsetOfItsEntry() throws IOException {
        Path image = dir.resolve("bad.img");
        byte[] bytes = FirmwareImage.builtIn().toBytes();
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int table = (int) (64 + b.getLong(16) + b.getLong(24));
        b.putInt(table, 0x7ffffff8);
        CRC32 crc = new CRC32();
        crc.update(bytes, 64, bytes.length - 64);
        b.putInt(44, (int) crc.getValue());
        Files.write(image, bytes);
        Mimic r = Mimic.withInput("", "ofw", "--image", image.toString());
        assertEquals(2, r.status());
        assertEquals(image + ": offset " + table + ": relocation 0 (section offset 0x7ffffff8) lies beyond the "
                + (table - 64) + " bytes of the sections\n", r.err());
    }

    @Test
    void anFCodeRomIsProbedAtBootIntoANodeWithItsPropertiesAndMethods() throws Exception {
        Path rom = toke(Path.of("src/test/resources/ofw/widget.fth"));
        Mimic r = Mimic.withInput("show-devs\ndev /mimic,widget@0\n.properties\nwords\n\" /mimic,widget\" open-dev \" greet\" rot $call-method\n",
                "ofw", "--fcode", rom.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("/mimic,widget@0\n"), r.out());
        assertTrue(r.out().contains("device_type             display\n"), r.out());
        assertTrue(r.out().contains("reg                     00000000 00000000 00000064\n"), r.out());
        assertTrue(r.out().contains("\ngreet \n"), r.out());
        assertTrue(r.out().contains("\nwidget in slot 0 \n"), r.out());
    }

    @Test
    void aMalformedRomIsReportedWithOffsetAndNodeAndTheFirmwareStaysAtTheOkPrompt() throws Exception {
        Path rom = toke(Path.of("src/test/resources/ofw/widget.fth"));
        byte[] bytes = Files.readAllBytes(rom);
        bytes[bytes.length - 2] ^= 0x40;
        Files.write(rom, bytes);
        Mimic r = Mimic.withInput("1 2 + .\n", "ofw", "--fcode", rom.toString(), "--fcode", rom.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("FCode error at offset 0x0: the checksum does not match (probing /<unnamed> in slot 0)\n"), r.out());
        assertTrue(r.out().contains("(probing /<unnamed> in slot 1)\n"), r.out());
        assertTrue(r.out().contains("3 "), r.out());
    }

    @Test
    void nvramKeptInAFileRunsNvramrcAtTheNextBoot() throws IOException {
        Path nvram = dir.resolve("nvram.txt");
        Mimic first = Mimic.withInput("setenv nvramrc .\" from nvramrc\" cr\nsetenv use-nvramrc? true\nsetenv boot-file x.fs\n",
                "ofw", "--nvram", nvram.toString());
        assertEquals(0, first.status(), first.err());
        assertEquals(List.of("nvramrc=.\" from nvramrc\" cr", "use-nvramrc?=true", "boot-file=x.fs"), Files.readAllLines(nvram));
        Mimic second = Mimic.withInput("printenv boot-file\nset-defaults\n", "ofw", "--nvram", nvram.toString());
        assertEquals(0, second.status(), second.err());
        assertTrue(second.out().startsWith("from nvramrc\nMimic Open Firmware"), second.out());
        assertTrue(second.out().contains("boot-file               x.fs"), second.out());
        assertEquals(List.of(), Files.readAllLines(nvram));
    }

    @Test
    void theScreenIsSavedAsAPngWhenADisplayWasOpened() throws IOException {
        Path rom = Path.of("/usr/share/qemu/QEMU,cgthree.bin");
        assumeTrue(Files.isReadable(rom), rom + " is missing: install Debian's qemu-system-data (scripts/test does)");
        Path png = dir.resolve("screen.png");
        Mimic r = Mimic.withInput("\" /cgthree\" output \" Hello\" stdout \" write\" rot $call-method .\n",
                "ofw", "--fcode", rom.toString(), "--screen", png.toString());
        assertEquals(0, r.status(), r.err());
        byte[] bytes = Files.readAllBytes(png);
        assertEquals("\u0089PNG", new String(bytes, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals(1024, java.nio.ByteBuffer.wrap(bytes, 16, 4).getInt());
        assertEquals(768, java.nio.ByteBuffer.wrap(bytes, 20, 4).getInt());

        r = Mimic.withInput("", "ofw", "--screen", png.toString());
        assertEquals(2, r.status());
        assertEquals(png + ": no display was opened, so there is no screen to write\n", r.err());
    }

    private Path toke(Path source) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/toke")), "toke is missing: install Debian's fcode-utils (scripts/test does)");
        Path out = dir.resolve("widget.fc");
        Process p = new ProcessBuilder("toke", "-o", out.toString(), source.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("toke.log").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("toke.log")));
        return out;
    }
}
