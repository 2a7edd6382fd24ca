package dev.mimic.forth.boot;

import dev.mimic.backend.memory.GuestMemory;
import dev.mimic.forth.decode.PrimitiveTable;
import dev.mimic.forth.decode.PrimitiveTable.Primitive;
import dev.mimic.forth.dictionary.Dictionary;
import dev.mimic.forth.layout.MemoryMap;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dictionary before any Forth source is read: the system variables, the three predefined word
 * lists, one word per primitive of forth.isa, the code field kinds as constants ({@code docol:}
 * and so on, as in gforth), the system variables as words, and the header flag bits. Everything else the kernel sources
 * define.
 */
final class Genesis {
    private Genesis() {
    }

    /** Creates the dictionary from {@code base} on (the firmware builder links at two bases to find its relocations). */
    static void create(GuestMemory m, long base) {
        PrimitiveTable table = PrimitiveTable.get();
        Dictionary d = new Dictionary(m);
        m.store64(MemoryMap.BASE, 10);
        m.store64(MemoryMap.DP, base);
        m.store64(MemoryMap.DICTIONARY_LIMIT, MemoryMap.heapStart(m.size()));
        d.initWordlist(MemoryMap.FORTH_WORDLIST);
        d.initWordlist(MemoryMap.ENVIRONMENT_WORDLIST);
        d.initWordlist(MemoryMap.ROOT_WORDLIST);
        m.store64(MemoryMap.ORDER_COUNT, 1);
        m.store64(MemoryMap.ORDER, MemoryMap.FORTH_WORDLIST);
        m.store64(MemoryMap.CURRENT, MemoryMap.FORTH_WORDLIST);
        long docon = table.opcode("docon");
        for (Primitive p : table.all()) {
            if (p.isKind()) {
                constant(d, p.name() + ":", docon, p.opcode());
            } else {
                long xt = d.header(bytes(p.forthName().orElseThrow()), p.opcode());
                if (p.compileOnly()) {
                    d.setInfo(xt, d.info(xt) | Dictionary.COMPILE_ONLY);
                }
            }
        }
        // In name order: the iteration order of Map.ofEntries changes from one JVM to the next,
        // and an image must come out the same whichever JVM builds it.
        for (Map.Entry<String, Long> v : new TreeMap<>(MemoryMap.VARIABLES).entrySet()) {
            constant(d, v.getKey(), docon, v.getValue());
        }
        constant(d, "immediate-bit", docon, Dictionary.IMMEDIATE);
        constant(d, "hidden-bit", docon, Dictionary.HIDDEN);
        constant(d, "compile-only-bit", docon, Dictionary.COMPILE_ONLY);
        m.store64(MemoryMap.HALT_THREAD, d.find(bytes("(halt)")));
    }

    private static void constant(Dictionary d, String name, long docon, long value) {
        d.header(bytes(name), docon);
        d.comma(value);
    }

    static byte[] bytes(String name) {
        return name.getBytes(StandardCharsets.ISO_8859_1);
    }
}
