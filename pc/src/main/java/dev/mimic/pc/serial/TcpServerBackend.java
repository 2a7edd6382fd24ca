package dev.mimic.pc.serial;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * {@code -serial tcp:[HOST]:PORT,server[,nowait]}: listens on a TCP port and talks to the first
 * client that connects. Like QEMU, it waits for that client before the machine starts unless
 * {@code nowait} is given; until a client is there, transmitted bytes are dropped.
 */
public final class TcpServerBackend implements SerialBackend {
    private final ServerSocket server;
    private volatile Socket client;
    private volatile OutputStream out;
    private volatile InputPump input;

    public TcpServerBackend(String host, int port, boolean wait) throws IOException {
        InetAddress address = host.isEmpty() ? InetAddress.getLoopbackAddress() : InetAddress.getByName(host);
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(address, port));
        if (wait) {
            accept();
        } else {
            Thread acceptor = new Thread(this::acceptQuietly, "serial tcp accept");
            acceptor.setDaemon(true);
            acceptor.start();
        }
    }

    /** The port listened on (the one asked for, or the one the system chose for port 0). */
    public int port() {
        return server.getLocalPort();
    }

    private void accept() throws IOException {
        Socket s = server.accept();
        s.setTcpNoDelay(true);
        input = new InputPump(s.getInputStream(), "serial tcp input");
        out = s.getOutputStream();
        client = s;
    }

    private void acceptQuietly() {
        try {
            accept();
        } catch (IOException e) {
            // Closed before anyone connected: the port stays unconnected.
        }
    }

    @Override
    public void write(int b) {
        OutputStream o = out;
        if (o == null) {
            return;
        }
        try {
            o.write(b);
        } catch (IOException e) {
            out = null;
        }
    }

    @Override
    public int read() {
        InputPump in = input;
        return in == null ? -1 : in.poll();
    }

    @Override
    public boolean readable() {
        return true;
    }

    @Override
    public void close() {
        try {
            server.close();
            Socket c = client;
            if (c != null) {
                c.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("closing the serial socket failed: " + e.getMessage(), e);
        }
    }
}
