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
 * Each image of {@code src/test/nasm} writes the same bytes to COM1 on Mimic (on every engine) as on {@code qemu-system-i386}, or, where QEMU does not model the behaviour, as its
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
    @ValueSource(strings = {"entry", "segments", "rings", "paging", "tasks", "realmode", "v86", "io", "smc", "singlestep", "fpu", "debugregs", "databreak", "tss16", "exceptions"})
    void serialOutputMatchesQemu(String name) throws Exception {
        Path image = BareMetalImages.assemble(name, work);
        assertRunsAs(BareMetalImages.qemu(image), image, name);
    }

    /** Interpreted, compiled before the first run, and tiered (compiled after two runs, mixing both). */
    private static void assertRunsAs(String expected, Path image, String name) throws Exception {
        for (EngineKind engine : EngineKind.values()) {
            assertEquals(expected, BareMetalImages.mimic(image, engine), name + " on " + engine);
        }
    }

    /** Images whose behaviour QEMU's TCG does not model (segment limits) are compared with a golden file. */
    @ParameterizedTest
    @ValueSource(strings = {"limits", "interrupts", "nmi", "debugtraps", "vme", "alignment"})
    void serialOutputMatchesExpected(String name) throws Exception {
        Path image = BareMetalImages.assemble(name, work);
        assertRunsAs(Files.readString(BareMetalImages.SOURCES.resolve(name + ".expected")), image, name);
    }
}
