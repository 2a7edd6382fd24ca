package dev.mimic.cil.disasm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instruction lines of a {@code monodis} listing, keyed by the RVA of the method body they belong
 * to, normalised to one trimmed line per instruction (a multi-line {@code switch} joined).
 */
final class MonodisListing {
    private static final Pattern RVA = Pattern.compile("// Method begins at RVA 0x([0-9a-f]+)");
    private static final Pattern INSN = Pattern.compile("\\s*(IL_[0-9a-f]{4,}:  \\S+.*?)\\s*");

    private MonodisListing() {
    }

    static Map<Integer, List<String>> byRva(List<String> lines) {
        Map<Integer, List<String>> out = new HashMap<>();
        List<String> current = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher rva = RVA.matcher(line);
            if (rva.find()) {
                current = new ArrayList<>();
                out.put(Integer.parseInt(rva.group(1), 16), current);
                continue;
            }
            Matcher insn = INSN.matcher(line);
            if (current != null && insn.matches()) {
                String text = insn.group(1);
                if (text.endsWith("switch (")) {
                    StringBuilder joined = new StringBuilder(text);
                    String target;
                    do {
                        target = lines.get(++i).trim();
                        joined.append(joined.charAt(joined.length() - 1) == '(' ? "" : " ").append(target);
                    } while (!target.endsWith(")"));
                    text = joined.toString();
                }
                current.add(text);
            }
        }
        return out;
    }
}
