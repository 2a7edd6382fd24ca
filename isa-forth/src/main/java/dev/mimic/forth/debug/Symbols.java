package dev.mimic.forth.debug;

import dev.mimic.backend.memory.GuestMemory;
import dev.mimic.forth.decode.PrimitiveTable;
import dev.mimic.forth.decode.PrimitiveTable.Primitive;
import dev.mimic.forth.dictionary.Dictionary;
import dev.mimic.forth.layout.MemoryMap;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import static dev.mimic.forth.layout.MemoryMap.CELL;

/**
 * The dictionary as the debugger's symbol table: which word an address belongs to (for
 * {@code name+offset}, the call stack and disassembly labels), and where a word's code starts (for
 * breakpoints on a word name). A snapshot of the dictionary when it is made; the debugger makes a
 * new one when it needs one.
 */
public final class Symbols {
    private final Dictionary dictionary;
    private final GuestMemory memory;
    /** Every named word by xt. */
    private final TreeMap<Long, String> byXt = new TreeMap<>();

    public Symbols(GuestMemory memory) {
        this.memory = memory;
        this.dictionary = new Dictionary(memory);
        for (long wid : dictionary.wordlists()) {
            for (long xt : dictionary.words(wid)) {
                byXt.putIfAbsent(xt, dictionary.name(xt));
            }
        }
    }

    /** The xt of the word that contains {@code address} (its header, code field or body), if any. */
    public Optional<Long> containing(long address) {
        Map.Entry<Long, String> e = byXt.floorEntry(address);
        if (e == null || address < MemoryMap.DICTIONARY) {
            return Optional.empty();
        }
        Map.Entry<Long, String> next = byXt.higherEntry(e.getKey());
        if (next == null && address >= memory.load64(MemoryMap.DP)) {
            return Optional.empty();
        }
        return Optional.of(e.getKey());
    }

    public String name(long xt) {
        return byXt.getOrDefault(xt, "0x" + Long.toHexString(xt));
    }

    /** {@code name} for the first thread cell of a word's code, {@code name+offset} inside it. */
    public Optional<String> symbolize(long address) {
        return containing(address).map(xt -> {
            long start = codeStart(xt);
            long offset = address - (start >= 0 ? start : xt);
            return offset == 0 ? name(xt) : name(xt) + (offset > 0 ? "+" : "") + offset;
        });
    }

    /** Where the word's thread starts (its body for colon definitions, its does-code), or -1 when it has none. */
    public long codeStart(long xt) {
        Primitive p = PrimitiveTable.get().byOpcode(memory.load64(xt));
        if (p == null) {
            return -1;
        }
        return switch (p.name()) {
            case "docol" -> xt + Dictionary.BODY;
            case "dodoes" -> memory.load64(xt + CELL);
            default -> -1;
        };
    }

    /** The word named {@code name} (search order first, then any word list), if it exists. */
    public Optional<Long> find(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.ISO_8859_1);
        long xt = dictionary.find(bytes);
        if (xt == 0) {
            for (long wid : dictionary.wordlists()) {
                xt = dictionary.search(wid, bytes);
                if (xt != 0) {
                    break;
                }
            }
        }
        return xt == 0 ? Optional.empty() : Optional.of(xt);
    }

    /** All word names, for completion. */
    public List<String> names() {
        return new ArrayList<>(new TreeSet<>(byXt.values()));
    }

    /**
     * Whether {@code cell} looks like a return address: a thread cell whose predecessor calls a
     * colon definition, a DOES&gt; word, a deferred word or EXECUTE.
     */
    public boolean isReturnAddress(long cell) {
        if ((cell & (CELL - 1)) != 0 || cell < MemoryMap.DICTIONARY + CELL || cell > memory.load64(MemoryMap.DP)) {
            return false;
        }
        long xt = memory.load64(cell - CELL);
        if ((xt & (CELL - 1)) != 0 || xt < MemoryMap.SYSTEM || xt > memory.size() - 2 * CELL) {
            return false;
        }
        Primitive p = PrimitiveTable.get().byOpcode(memory.load64(xt));
        return p != null && (p.flow() == PrimitiveTable.Flow.CALL || p.flow() == PrimitiveTable.Flow.DYNAMIC);
    }
}
