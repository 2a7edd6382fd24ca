package dev.mimic.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class X86UserCommandTest {
    @TempDir
    Path dir;

    @Test
    void malformedElfIsOneLineAndStatus2() throws IOException {
        Path file = dir.resolve("junk");
        Files.write(file, new byte[] {0x7F, 'E', 'L', 'F', 9, 9, 9});
        Mimic r = Mimic.run("x86-user", file.toString());
        assertEquals(2, r.status());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().startsWith("mimic x86-user: " + file + ": offset 0x"), r.err());
    }

    @Test
    void staticProgramRunsWithArgumentsAndExitStatus() throws Exception {
        Path source = dir.resolve("hello.c");
        Files.writeString(source, """
                #include <stdio.h>
                int main(int argc, char **argv) {
                    for (int i = 1; i < argc; i++) printf("%s|", argv[i]);
                    printf("%d\\n", argc);
                    return 7;
                }
                """);
        Path program = dir.resolve("hello");
        Process gcc = new ProcessBuilder("gcc", "-m32", "-static", "-O1", "-o", program.toString(), source.toString())
                .redirectErrorStream(true).start();
        String log = new String(gcc.getInputStream().readAllBytes());
        Assumptions.assumeTrue(gcc.waitFor() == 0, "gcc -m32 -static is not available (install gcc-multilib): " + log);
        for (String engine : new String[] {"interp", "jit", "tiered"}) {
            Mimic r = Mimic.run("x86-user", "--engine=" + engine, program.toString(), "one", "two words");
            assertEquals(7, r.status(), r.err());
            assertArrayEquals(new String[] {"one|two words|3"}, r.out().lines().toArray(), engine);
        }
    }
}
