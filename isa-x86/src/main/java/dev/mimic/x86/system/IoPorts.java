package dev.mimic.x86.system;

/**
 * The x86 I/O address space as {@code IN}, {@code OUT}, {@code INS} and {@code OUTS} reach it: 65,536
 * byte ports, accessed 1, 2 or 4 bytes at a time. It is its own space, apart from memory, so the CPU
 * asks the machine around it; a PC answers with its devices, a test board with a serial port and an
 * exit port.
 */
public interface IoPorts {
    /** Reads {@code size} (1, 2 or 4) bytes at {@code port}; a port nothing answers reads all ones. */
    int in(int port, int size);

    /** Writes the low {@code size} (1, 2 or 4) bytes of {@code value} to {@code port}. */
    void out(int port, int size, int value);
}
