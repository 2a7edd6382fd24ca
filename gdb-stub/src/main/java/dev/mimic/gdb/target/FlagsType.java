package dev.mimic.gdb.target;

import java.util.Map;

/**
 * A target-description flags type, so gdb shows a flags register by the names of its set bits
 * ({@code [ ZF PF ]}) rather than as a number.
 *
 * @param bits each field's name and bit number
 */
public record FlagsType(String id, int bytes, Map<String, Integer> bits) {
    String xml() {
        StringBuilder s = new StringBuilder("    <flags id=\"" + id + "\" size=\"" + bytes + "\">\n");
        bits.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(f ->
                s.append("      <field name=\"").append(f.getKey()).append("\" start=\"").append(f.getValue())
                        .append("\" end=\"").append(f.getValue()).append("\"/>\n"));
        return s.append("    </flags>\n").toString();
    }
}
