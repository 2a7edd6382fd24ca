package dev.mimic.gdb;

import dev.mimic.backend.machine.Machine;
import dev.mimic.backend.machine.MachineException;
import dev.mimic.gdb.target.GdbTarget;
import dev.mimic.gdb.wire.PacketConnection;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A GDB remote stub for any {@link Machine}: listens on a TCP port of the loopback interface
 * only (a debugger connection can read and write the guest, so it is not offered to the
 * network), waits for one gdb and serves it until gdb kills, detaches or disconnects. The
 * machine must be stopped where the debugger should first see it, as {@code qemu -g} leaves its
 * guest before the first instruction.
 *
 * <pre>{@code
 * try (GdbServer server = GdbServer.listen(machine, I386.target(), 1234)) {
 *     SessionEnd end = server.serve();
 * }
 * }</pre>
 */
public final class GdbServer implements Closeable {
    private final Machine machine;
    private final GdbTarget target;
    private final ServerSocket socket;

    private GdbServer(Machine machine, GdbTarget target, ServerSocket socket) {
        this.machine = machine;
        this.target = target;
        this.socket = socket;
    }

    /**
     * Opens the port (0 picks a free one, see {@link #port()}).
     *
     * @throws MachineException when the port cannot be opened (in use, not permitted)
     */
    public static GdbServer listen(Machine machine, GdbTarget target, int port) {
        try {
            return new GdbServer(machine, target, new ServerSocket(port, 1, InetAddress.getLoopbackAddress()));
        } catch (IOException | IllegalArgumentException e) {
            throw new MachineException("cannot listen for gdb on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    /** The port gdb connects to ({@code target remote :PORT}). */
    public int port() {
        return socket.getLocalPort();
    }

    /** Waits for gdb and debugs the machine with it until the session ends. */
    public SessionEnd serve() throws IOException {
        try (Socket client = socket.accept()) {
            client.setTcpNoDelay(true);
            return new GdbSession(machine, target, new PacketConnection(client.getInputStream(), client.getOutputStream())).serve();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
