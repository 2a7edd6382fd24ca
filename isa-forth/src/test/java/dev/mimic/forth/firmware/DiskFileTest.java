package dev.mimic.forth.firmware;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * disk-label's files against Debian's tools: a CD image xorriso makes, or a FAT floppy image of
 * mtools, is a RAM disk in the firmware, {@code disk:,\dir\file} opens a file on it, and
 * {@code boot} boots a Forth file from it.
 */
class DiskFileTest {
    @TempDir
    Path dir;

    /** A RAM disk over the host file ISO (read with fcode-file), aliased disk. */
    private static final String RAM_DISK = """
            s" ISO" fcode-file constant /iso constant iso
            dev /
            new-device  " cd" device-name  " block" device-type
            instance variable deblocker  instance variable label
            : block-size  ( -- n )  512 ;
            : max-transfer  ( -- n )  4096 ;
            : read-blocks  ( addr block# #blocks -- #read )
              over /iso 512 / swap - 0 max min  >r 512 * iso + swap r@ 512 * move r> ;
            : write-blocks  ( addr block# #blocks -- #written )  2drop drop 0 ;
            : open  ( -- flag )
              0 0 " deblocker" $open-package dup deblocker ! 0= if false exit then
              my-args " disk-label" $open-package dup label !  0<> ;
            : close  ( -- )  label @ close-package  deblocker @ close-package ;
            : read  ( addr len -- actual )  " read" deblocker @ $call-method ;
            : seek  ( pos.lo pos.hi -- status )
              label @ ?dup if " offset" rot $call-method then  " seek" deblocker @ $call-method ;
            : load  ( addr -- size )  " load" label @ $call-method ;
            : size  ( -- d )  " size" label @ $call-method ;
            finish-device
            device-end
            devalias disk /cd
            """;

    @Test
    void aFileOnACdOpensByPathAndBoots() throws Exception {
        Path tree = Files.createDirectories(dir.resolve("tree/BOOT/FORTH"));
        Files.writeString(tree.resolve("HELLO.FS"), ".( booted from the CD) cr 6 7 * .\n");
        Files.writeString(dir.resolve("tree/README.TXT"), "a CD for Open Firmware\n");
        for (int i = 0; i < 60; i++) {  // a root directory of more than one block
            Files.writeString(dir.resolve("tree/FILE" + i + ".TXT"), "file " + i + "\n");
        }
        Path iso = dir.resolve("cd.iso");
        run("xorriso", "-as", "mkisofs", "-o", iso.toString(), dir.resolve("tree").toString());
        String console = RealFCodeTest.boot(RAM_DISK.replace("ISO", iso.toString())
                + "create buffer 64 allot\n"
                + ": cat  ( path len -- )  open-dev ?dup 0= if .\" no such file\" cr exit then\n"
                + "  dup \" size\" rot $call-method drop .  buffer over \" load\" rot $call-method  swap close-dev  buffer swap type ;\n"
                + "\" disk:,\\readme.txt\" cat\n"
                + "\" disk:,\\FILE59.TXT\" cat\n"
                + "\" disk:,\\boot\\nothing.fs\" cat\n"
                + "\" disk:,\\readme.txt\\deeper\" cat\n"
                + "boot disk:,\\Boot\\Forth\\Hello.fs\n");
        assertTrue(console.contains("\n23 a CD for Open Firmware\n"), console);
        assertTrue(console.contains("\n8 file 59\n"), console);
        assertEquals(2, console.split("no such file\n", -1).length - 1, console);
        assertTrue(console.contains("booted from the CD\n42 "), console);
        assertTrue(!console.contains("rror"), console);
    }

    @Test
    void aFileOnAFatFloppyOpensByPathAndBoots() throws Exception {
        Path image = dir.resolve("floppy.img");
        Path hello = dir.resolve("hello.fs");
        Files.writeString(hello, ".( booted from the floppy) cr 6 7 * .\n");
        Path readme = dir.resolve("readme.txt");
        Files.writeString(readme, "a floppy for Open Firmware\n".repeat(100));
        run("mformat", "-C", "-f", "1440", "-v", "MIMIC", "-i", image.toString(), "::");
        run("mmd", "-i", image.toString(), "::/BOOT");
        run("mcopy", "-i", image.toString(), hello.toString(), "::/BOOT/HELLO.FS");
        run("mcopy", "-i", image.toString(), readme.toString(), "::/README.TXT");
        String console = RealFCodeTest.boot(RAM_DISK.replace("ISO", image.toString())
                + "\" disk:,\\readme.txt\" open-dev dup \" size\" rot $call-method drop . close-dev cr\n"
                + "\" disk:,\\boot\\nothing.fs\" open-dev . cr\n"
                + "boot disk:,\\Boot\\Hello.fs\n");
        assertTrue(console.contains("\n2700 \n"), console);
        assertTrue(console.contains("\n0 \n"), console);
        assertTrue(console.contains("booted from the floppy\n42 "), console);
        assertTrue(!console.contains("rror"), console);
    }

    /** Runs a Debian tool that makes a test image; the test is skipped where it is missing. */
    private void run(String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve(command[0] + ".log").toFile()).start();
            assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, command[0] + " failed");
        } catch (java.io.IOException missing) {
            assumeTrue(false, command[0] + " is missing: install Debian's xorriso and mtools (scripts/test does)");
        }
    }
}
