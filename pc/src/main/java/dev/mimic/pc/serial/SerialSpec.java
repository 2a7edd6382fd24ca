package dev.mimic.pc.serial;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Where one serial port is connected, in QEMU's {@code -serial} syntax: {@code stdio},
 * {@code file:F}, {@code tcp:[HOST]:PORT,server[,nowait]} or {@code none}.
 */
public sealed interface SerialSpec {
    record Stdio() implements SerialSpec { }

    record File(Path path) implements SerialSpec { }

    record TcpServer(String host, int port, boolean waitForClient) implements SerialSpec { }

    record None() implements SerialSpec { }

    /** Parses a {@code -serial} value; a malformed one is an {@link IllegalArgumentException} saying why. */
    static SerialSpec parse(String text) {
        if (text.equals("stdio")) {
            return new Stdio();
        }
        if (text.equals("none") || text.equals("null")) {
            return new None();
        }
        if (text.startsWith("file:") && text.length() > 5) {
            return new File(Path.of(text.substring(5)));
        }
        if (text.startsWith("tcp:")) {
            return parseTcp(text.substring(4));
        }
        throw new IllegalArgumentException("'" + text + "' is not stdio, file:F, tcp::PORT,server or none");
    }

    private static TcpServer parseTcp(String text) {
        String[] parts = text.split(",");
        int colon = parts[0].lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("tcp:" + text + ": expected tcp:[HOST]:PORT,server");
        }
        int port;
        try {
            port = Integer.parseInt(parts[0].substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("tcp:" + text + ": '" + parts[0].substring(colon + 1) + "' is not a port number");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("tcp:" + text + ": port " + port + " is outside 0-65535");
        }
        boolean server = false;
        boolean wait = true;
        for (int i = 1; i < parts.length; i++) {
            switch (parts[i]) {
                case "server", "server=on" -> server = true;
                case "nowait", "wait=off" -> wait = false;
                case "wait", "wait=on" -> wait = true;
                default -> throw new IllegalArgumentException("tcp:" + text + ": unknown option '" + parts[i] + "'");
            }
        }
        if (!server) {
            throw new IllegalArgumentException("tcp:" + text + ": only server mode is supported (add ,server)");
        }
        return new TcpServer(parts[0].substring(0, colon), port, wait);
    }

    /**
     * Connects the port: to the terminal's streams for stdio, opens the file, binds the socket
     * (waiting for a client unless nowait).
     */
    default SerialBackend open(InputStream terminalIn, OutputStream terminalOut) {
        try {
            return switch (this) {
                case Stdio s -> new StreamBackend(terminalIn, terminalOut, false);
                case File f -> new StreamBackend(null, new FileOutputStream(f.path().toFile()), true);
                case TcpServer t -> new TcpServerBackend(t.host(), t.port(), t.waitForClient());
                case None n -> new StreamBackend(null, OutputStream.nullOutputStream(), true);
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open serial port " + this + ": " + e.getMessage(), e);
        }
    }
}
