package dev.mimic.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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

    private Path hello() throws Exception {
        return GuestPrograms.compile(dir, "hello", """
                #include <stdio.h>
                int main(int argc, char **argv) {
                    for (int i = 1; i < argc; i++) printf("%s|", argv[i]);
                    printf("%d\\n", argc);
                    return 7;
                }
                """, "-O1");
    }

    @Test
    void staticProgramRunsWithArgumentsAndExitStatus() throws Exception {
        Path program = hello();
        for (String engine : new String[] {"interp", "jit", "tiered"}) {
            Mimic r = Mimic.run("x86-user", "--engine=" + engine, program.toString(), "one", "two words");
            assertEquals(7, r.status(), r.err());
            assertArrayEquals(new String[] {"one|two words|3"}, r.out().lines().toArray(), engine);
        }
    }

    /** Sends the stub one framed packet as gdb would and reads what comes back, up to a reply's checksum. */
    private static String exchange(int port, String frame) throws IOException {
        try (Socket gdb = new Socket(InetAddress.getLoopbackAddress(), port)) {
            gdb.setSoTimeout(30_000);
            gdb.getOutputStream().write(frame.getBytes(StandardCharsets.ISO_8859_1));
            StringBuilder reply = new StringBuilder();
            InputStream in = gdb.getInputStream();
            for (int c = in.read(); c >= 0; c = in.read()) {
                reply.append((char) c);
                int hash = reply.indexOf("#");
                if (hash >= 0 && reply.length() == hash + 3) {
                    break;
                }
            }
            return reply.toString();
        }
    }

    @Test
    void gdbDetachingLetsTheProgramRunToItsEnd() throws Exception {
        try (MimicWithStub mimic = MimicWithStub.start(hello().toString(), "x")) {
            assertEquals("+$OK#9a", exchange(mimic.port(), "$D#44"));
            Mimic r = mimic.finish();
            assertEquals(7, r.status(), r.err());
            assertEquals("x|2\n", r.out());
        }
    }

    @Test
    void gdbKillingTheProgramEndsItAsSigkillWould() throws Exception {
        try (MimicWithStub mimic = MimicWithStub.start(hello().toString())) {
            assertEquals("+", exchange(mimic.port(), "$k#6b"));
            Mimic r = mimic.finish();
            assertEquals(X86UserCommand.KILLED_STATUS, r.status(), r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void portInUseIsOneLineAndStatus2() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Mimic r = Mimic.run("x86-user", "-g", String.valueOf(taken.getLocalPort()), hello().toString());
            assertEquals(2, r.status(), r.err());
            assertEquals(1, r.errLines().length, r.err());
            assertTrue(r.err().startsWith("mimic x86-user: cannot listen for gdb on 127.0.0.1:" + taken.getLocalPort() + ": "), r.err());
        }
    }

    @Test
    void theWorkbenchRefusesToServeGdb() throws Exception {
        Mimic r = Mimic.run("debug", "x86-user", "-g", "1234", hello().toString());
        assertEquals(2, r.status(), r.err());
        assertEquals("mimic debug x86-user: -g hands the program to gdb, not to the workbench: run mimic x86-user -g PORT", r.err().strip());
    }
}
