package dev.mimic.pc.serial;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SerialSpecTest {
    @Test
    void parsesQemuSerialSyntax() {
        assertEquals(new SerialSpec.Stdio(), SerialSpec.parse("stdio"));
        assertEquals(new SerialSpec.File(Path.of("out.txt")), SerialSpec.parse("file:out.txt"));
        assertEquals(new SerialSpec.TcpServer("", 4444, true), SerialSpec.parse("tcp::4444,server"));
        assertEquals(new SerialSpec.TcpServer("127.0.0.1", 5, false), SerialSpec.parse("tcp:127.0.0.1:5,server,nowait"));
        assertEquals(new SerialSpec.None(), SerialSpec.parse("none"));
    }

    @Test
    void badValuesSayWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SerialSpec.parse("pty")).getMessage().contains("not stdio"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SerialSpec.parse("tcp::x,server")).getMessage().contains("'x' is not a port"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SerialSpec.parse("tcp::70000,server")).getMessage().contains("outside"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SerialSpec.parse("tcp::23")).getMessage().contains("server"));
    }

    @Test
    void fileBackendWritesEveryByte(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("serial.log");
        try (SerialBackend backend = new SerialSpec.File(file).open(InputStream.nullInputStream(), OutputStream.nullOutputStream())) {
            "boot\n".chars().forEach(backend::write);
        }
        assertEquals("boot\n", Files.readString(file));
    }

    @Test
    void tcpServerTalksToItsClient() throws Exception {
        try (TcpServerBackend backend = new TcpServerBackend("", 0, false);
             Socket client = new Socket(InetAddress.getLoopbackAddress(), backend.port())) {
            OutputStream toGuest = client.getOutputStream();
            toGuest.write('g');
            toGuest.flush();
            int b = -1;
            for (long deadline = System.nanoTime() + 5_000_000_000L; b < 0 && System.nanoTime() < deadline; ) {
                b = backend.read();
                Thread.onSpinWait();
            }
            assertEquals('g', b);
            backend.write('h');
            InputStream fromGuest = client.getInputStream();
            assertEquals('h', fromGuest.read());
        }
    }
}
