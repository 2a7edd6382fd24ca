package dev.mimic.gdb.target;

/**
 * One register as gdb numbers it: its name (which is also the name the machine exposes it by),
 * its width, and the target-description type and group gdb displays it with.
 *
 * @param type  a gdb type ({@code int32}, {@code code_ptr}, {@code i387_ext}) or a {@link FlagsType} id
 * @param group the register group ({@code float}, {@code vector}), or null for the general one
 */
public record GdbRegister(String name, int bits, String type, String group) {
    public GdbRegister {
        if (bits <= 0 || bits % 8 != 0) {
            throw new IllegalArgumentException(name + ": registers are whole bytes");
        }
    }

    public int bytes() {
        return bits / 8;
    }
}
