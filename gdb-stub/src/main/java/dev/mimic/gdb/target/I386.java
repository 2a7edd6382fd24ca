package dev.mimic.gdb.target;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The 32-bit x86 as gdb's {@code i386} architecture expects it: the {@code org.gnu.gdb.i386.core}
 * feature, whose 32 registers gdb requires (the general registers, eip, eflags, the six
 * selectors, the x87 stack as 80-bit values and its eight control registers), without the SSE
 * feature. The names are the ones Mimic's x86 machines expose.
 */
public final class I386 {
    private static final FlagsType EFLAGS = new FlagsType("i386_eflags", 4, Map.ofEntries(
            Map.entry("CF", 0), Map.entry("PF", 2), Map.entry("AF", 4), Map.entry("ZF", 6), Map.entry("SF", 7),
            Map.entry("TF", 8), Map.entry("IF", 9), Map.entry("DF", 10), Map.entry("OF", 11), Map.entry("NT", 14),
            Map.entry("RF", 16), Map.entry("VM", 17), Map.entry("AC", 18), Map.entry("VIF", 19), Map.entry("VIP", 20),
            Map.entry("ID", 21)));

    private I386() {
    }

    public static GdbTarget target() {
        List<GdbRegister> regs = new ArrayList<>();
        for (String r : List.of("eax", "ecx", "edx", "ebx")) {
            regs.add(new GdbRegister(r, 32, "int32", null));
        }
        regs.add(new GdbRegister("esp", 32, "data_ptr", null));
        regs.add(new GdbRegister("ebp", 32, "data_ptr", null));
        regs.add(new GdbRegister("esi", 32, "int32", null));
        regs.add(new GdbRegister("edi", 32, "int32", null));
        regs.add(new GdbRegister("eip", 32, "code_ptr", null));
        regs.add(new GdbRegister("eflags", 32, EFLAGS.id(), null));
        for (String s : List.of("cs", "ss", "ds", "es", "fs", "gs")) {
            regs.add(new GdbRegister(s, 32, "int32", null));
        }
        for (int i = 0; i < 8; i++) {
            regs.add(new GdbRegister("st" + i, 80, "i387_ext", null));
        }
        for (String f : List.of("fctrl", "fstat", "ftag", "fiseg", "fioff", "foseg", "fooff", "fop")) {
            regs.add(new GdbRegister(f, 32, "int", "float"));
        }
        return new GdbTarget("i386", "org.gnu.gdb.i386.core", ByteOrder.LITTLE_ENDIAN, List.of(EFLAGS), regs);
    }
}
