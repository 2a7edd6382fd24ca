package dev.mimic.forth.boot;

import dev.mimic.backend.memory.GuestMemory;
import dev.mimic.forth.decode.PrimitiveTable;
import dev.mimic.forth.dictionary.Dictionary;
import dev.mimic.forth.layout.MemoryMap;
import dev.mimic.forth.runtime.FloatText;
import dev.mimic.forth.runtime.ForthRuntime;
import dev.mimic.forth.text.Interpreter;
import dev.mimic.forth.text.NumberConversion;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The text interpreter that loads the kernel sources, before the kernel's own INTERPRET exists:
 * it finds words (executing them, or compiling them when STATE is set and they are not
 * immediate), converts numbers and floats, and defines colon definitions with its own : and ;
 * until the kernel defines those. Everything it parses goes through the same input sources and
 * parser as the Forth interpreter, so parsing words in the kernel (\ ( S" [IF]) work under it.
 */
final class BootInterpreter {
    private final BootHost host;
    private final ForthRuntime rt;
    private final GuestMemory m;
    private final Dictionary d;
    private final PrimitiveTable table = PrimitiveTable.get();

    BootInterpreter(BootHost host) {
        this.host = host;
        this.rt = host.runtime();
        this.m = rt.memory();
        this.d = rt.dictionary();
    }

    /** Interprets the kernel source {@code name}; a word it cannot find stops the build. */
    void load(String name, byte[] text) {
        rt.sources().pushFile(Path.of(name), text, rt.files().newId());
        try {
            while (rt.sources().refill()) {
                interpretLine(name);
            }
        } finally {
            rt.sources().pop();
        }
    }

    private void interpretLine(String file) {
        for (;;) {
            long[] token = Interpreter.nextName(rt);
            if (token[1] == 0) {
                return;
            }
            byte[] name = new byte[(int) token[1]];
            m.read(token[0], name, 0, name.length);
            long xt = d.find(name);
            if (xt != 0) {
                if (m.load64(MemoryMap.STATE) != 0 && !d.isImmediate(xt)) {
                    d.comma(xt);
                } else {
                    host.execute(xt);
                }
                continue;
            }
            String word = new String(name, StandardCharsets.ISO_8859_1);
            switch (word) {
                case ":" -> colon();
                case ";" -> semicolon();
                default -> literal(file, word, name);
            }
        }
    }

    private void colon() {
        long[] token = Interpreter.nextName(rt);
        byte[] name = new byte[(int) token[1]];
        m.read(token[0], name, 0, name.length);
        long xt = d.header(name, table.opcode("docol"));
        d.setInfo(xt, d.info(xt) | Dictionary.HIDDEN);
        m.store64(MemoryMap.STATE, -1);
    }

    private void semicolon() {
        d.comma(d.find(Genesis.bytes("exit")));
        long xt = m.load64(MemoryMap.LAST_HEADER);
        d.setInfo(xt, d.info(xt) & ~Dictionary.HIDDEN);
        m.store64(MemoryMap.STATE, 0);
    }

    private void literal(String file, String word, byte[] name) {
        boolean compiling = m.load64(MemoryMap.STATE) != 0;
        NumberConversion.Number n = NumberConversion.convert(name, m.load64(MemoryMap.BASE));
        if (n != null) {
            cell(compiling, n.low());
            if (n.isDouble()) {
                cell(compiling, n.high());
            }
            return;
        }
        Double r = word.toLowerCase().contains("e") ? FloatText.parse(word) : null;
        if (r == null) {
            throw new IllegalStateException(file + ":" + rt.sources().current().line() + ": undefined word " + word);
        }
        if (compiling) {
            d.comma(d.find(Genesis.bytes("flit")));
            d.comma(Double.doubleToRawLongBits(r));
        } else {
            rt.stacks().fpush(r);
        }
    }

    private void cell(boolean compiling, long value) {
        if (compiling) {
            d.comma(d.find(Genesis.bytes("lit")));
            d.comma(value);
        } else {
            rt.stacks().push(value);
        }
    }
}
