package dev.mimic.pc.board;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDateTime;

/**
 * What a PC is connected to on the host side, apart from files it names: the terminal that
 * {@code -serial stdio} (and {@code -nographic}'s COM1) means, where the debug ports print, and
 * the time its RTC starts at. A command line passes its own streams, a test its buffers.
 *
 * @param terminalIn   what the guest reads on a stdio serial port
 * @param terminalOut  where a stdio serial port prints
 * @param debugConsole where bytes written to ports 0x402 and 0xE9 go
 * @param rtcStart     the RTC's time at power-on (the host's local time for a live machine)
 */
public record Host(InputStream terminalIn, OutputStream terminalOut, OutputStream debugConsole, LocalDateTime rtcStart) {
}
