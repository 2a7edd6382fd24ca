package dev.mimic.repl;

import dev.mimic.backend.machine.MachineException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles {@link ToyMachine} programs from text, so transcript tests read like a session on a
 * real program. One instruction or {@code .word N} per line, {@code label:} in front, {@code ;}
 * comments; labels starting with {@code .} are local (assembled, but not symbols the debugger sees).
 *
 * <pre>
 * main:   li r0, 3
 *         call square
 *         halt
 * square: ...
 * </pre>
 */
public final class ToyAssembler {
    /** An assembled image (loaded at address 0) and its debugger symbols. */
    public record Program(byte[] image, Map<String, Long> symbols) {
    }

    private ToyAssembler() {
    }

    public static Program assemble(String source) {
        Map<String, Long> labels = new LinkedHashMap<>();
        List<String[]> lines = new ArrayList<>();
        long at = 0;
        for (String raw : source.lines().toList()) {
            String line = raw.replaceFirst(";.*", "").trim();
            int colon = line.indexOf(':');
            if (colon > 0) {
                labels.put(line.substring(0, colon).trim(), at);
                line = line.substring(colon + 1).trim();
            }
            if (!line.isEmpty()) {
                lines.add(line.split("[\\s,]+"));
                at += 4;
            }
        }
        byte[] image = new byte[(int) at];
        for (int i = 0; i < lines.size(); i++) {
            int word = encode(lines.get(i), labels);
            for (int b = 0; b < 4; b++) {
                image[4 * i + b] = (byte) (word >>> (8 * b));
            }
        }
        Map<String, Long> symbols = new LinkedHashMap<>(labels);
        symbols.keySet().removeIf(name -> name.startsWith("."));
        return new Program(image, symbols);
    }

    private static int encode(String[] words, Map<String, Long> labels) {
        if (words[0].equals(".word")) {
            return (int) value(words[1], labels);
        }
        int op = ToyMachine.MNEMONICS.indexOf(words[0]);
        if (op <= 0) {
            throw new MachineException("toy: unknown instruction '" + words[0] + "'");
        }
        int reg = 0, imm = 0;
        for (int k = 1; k < words.length; k++) {
            if (words[k].matches("r[0-3]") && k == 1) {
                reg = words[k].charAt(1) - '0';
            } else if (words[k].matches("r[0-3]")) {
                imm = words[k].charAt(1) - '0';
            } else {
                imm = (int) value(words[k], labels);
            }
        }
        return op | reg << 8 | (imm & 0xFFFF) << 16;
    }

    private static long value(String word, Map<String, Long> labels) {
        Long label = labels.get(word);
        if (label != null) {
            return label;
        }
        return word.startsWith("0x") ? Long.parseLong(word.substring(2), 16) : Long.parseLong(word);
    }
}
