package dev.mimic.x86.baremetal;

import dev.mimic.backend.exec.EngineKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Each image of {@code src/test/nasm} writes the same bytes to COM1 on Mimic (interpreted and
 * compiled) as on {@code qemu-system-i386}, or, where QEMU does not model the behaviour, as its
 * {@code .expected} file says.
 */
class BareMetalTest {
    @TempDir
    static Path work;

    @BeforeAll
    static void tools() {
        assumeTrue(BareMetalImages.available("nasm"), "nasm is not installed");
        assumeTrue(BareMetalImages.available("qemu-system-i386"), "qemu-system-i386 is not installed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"entry", "segments", "rings", "paging", "tasks", "realmode", "v86", "io", "smc"})
    void serialOutputMatchesQemu(String name) throws Exception {
        Path image = BareMetalImages.assemble(name, work);
        String expected = BareMetalImages.qemu(image);
        assertEquals(expected, BareMetalImages.mimic(image, EngineKind.INTERP), name + " interpreted");
        assertEquals(expected, BareMetalImages.mimic(image, EngineKind.JIT), name + " compiled");
    }

    /** Images whose behaviour QEMU's TCG does not model (segment limits) are compared with a golden file. */
    @ParameterizedTest
    @ValueSource(strings = {"limits", "interrupts"})
    void serialOutputMatchesExpected(String name) throws Exception {
        Path image = BareMetalImages.assemble(name, work);
        String expected = Files.readString(BareMetalImages.SOURCES.resolve(name + ".expected"));
        assertEquals(expected, BareMetalImages.mimic(image, EngineKind.INTERP), name + " interpreted");
        assertEquals(expected, BareMetalImages.mimic(image, EngineKind.JIT), name + " compiled");
    }
}
