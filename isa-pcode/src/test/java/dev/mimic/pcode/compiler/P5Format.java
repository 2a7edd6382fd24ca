package dev.mimic.pcode.compiler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks intermediate text against what P5's pint loader accepts (pint.pas, procedures
 * generate and assemble of the load step): the line kinds, each instruction's mnemonic (with its
 * type letter) and operand shape, labels defined once and only referenced when defined, and no
 * line mark inside a case jump table (pint turns marks into code, which would break the table's
 * fixed stride).
 */
final class P5Format {
    private static final String INT = "-?\\d+";
    private static final String LABEL = "l\\s*(\\d+)";

    /** Operand shapes by mnemonic pattern, from pint's assemble. */
    private static final Map<Pattern, Pattern> SHAPES = new HashMap<>();

    static {
        shape("(adi|adr|sbi|sbr|sgs|flt|flo|trc|ngi|ngr|sqi|sqr|abi|abr|not|and|ior|dif|int|uni|inn|mod|odd"
                + "|mpi|mpr|dvi|dvr|stp|chr|rnd|rgs|inv|ujc|ldcn)", "");
        shape("sto[iarsbcx]|ret[pirbcax]|ord[ibcx]|(equ|neq|geq|grt|leq|les)[iarbsc]", "");
        shape("(equ|neq|geq|grt|leq|les)m", INT);
        shape("(lod|str)[iarsbcx]|lda|lip", INT + "\\s+" + INT);
        shape("(ldo|sro|ind)[iarsbcx]|inc[iabcx]|dec[ibcx]|lao|ixa|mov|dmp|swp|ldci|ldcb", INT);
        shape("chk[iasbcx]|pck|upk", INT + "\\s+" + INT);
        shape("ujp|fjp|xjp|tjp|ents|ente", LABEL);
        shape("cup|ipj|lpa", INT + "\\s*" + LABEL);
        shape("mst|cip", INT);
        shape("csp", "(get|put|rln|new|wln|wrs|eln|wri|wrr|wrc|rdi|rdr|rdc|sin|cos|exp|log|sqt|atn|pag|rsf|rwf"
                + "|wrb|wrf|dsp|wbf|wbi|wbr|wbc|wbb|rbf|rsb|rwb|gbf|pbf|rib|rcb|nwl|dsl|eof|efb|fbv|fvb|wbx)");
        shape("lca", "\\d+\\s+'([^']|'')*'");
        shape("ldcr", "[-+]?\\d+(\\.\\d+)?(e[-+]?\\d+)?");
        shape("ldcc", "'.'|\\d+");
    }

    private static void shape(String mnemonics, String operands) {
        SHAPES.put(Pattern.compile(mnemonics), Pattern.compile(operands.isEmpty() ? "" : operands));
    }

    private static final Pattern INSTRUCTION = Pattern.compile(" +([a-z]+)(.*)");
    private static final Pattern LABEL_LINE = Pattern.compile("l\\s*(\\d+)(=" + INT + ")?");
    private static final Pattern SET = Pattern.compile(" +ldcs\\((\\s*\\d+)*\\)");

    private P5Format() {
    }

    /** The problems found; empty if pint would load the text. */
    static List<String> problems(String pcode) {
        List<String> problems = new ArrayList<>();
        Set<Integer> defined = new HashSet<>();
        Set<Integer> referenced = new HashSet<>();
        int segments = 0;
        boolean inJumpTable = false;
        String[] lines = pcode.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String where = "line " + (i + 1) + " '" + line + "': ";
            if (line.isEmpty()) {
                problems.add(where + "empty line");
                continue;
            }
            switch (line.charAt(0)) {
                case '!' -> {
                }
                case 'q' -> segments++;
                case 'g', 'f' -> {
                    if (!line.substring(1).strip().matches("\\d+")) {
                        problems.add(where + "expected a number");
                    }
                }
                case ':' -> {
                    if (!line.substring(1).matches("\\d+")) {
                        problems.add(where + "expected a line number");
                    }
                    if (inJumpTable) {
                        problems.add(where + "line mark inside a case jump table");
                    }
                }
                case 'l' -> {
                    Matcher m = LABEL_LINE.matcher(line);
                    if (!m.matches()) {
                        problems.add(where + "malformed label");
                    } else if (!defined.add(Integer.parseInt(m.group(1)))) {
                        problems.add(where + "label defined twice");
                    }
                    inJumpTable = i > 0 && lines[i - 1].strip().startsWith("xjp");
                }
                case ' ' -> {
                    instruction(line, where, problems, referenced);
                    String mnemonic = line.strip().split("[\\s(]")[0];
                    if (inJumpTable && !mnemonic.equals("ujp") && !mnemonic.equals("ujc")) {
                        inJumpTable = false;
                    }
                }
                default -> problems.add(where + "no line starts with '" + line.charAt(0) + "'");
            }
        }
        referenced.removeAll(defined);
        if (!referenced.isEmpty()) {
            problems.add("labels used but never defined: " + referenced);
        }
        if (segments != 2) {
            problems.add("expected two segments ended by q, found " + segments);
        }
        return problems;
    }

    private static void instruction(String line, String where, List<String> problems, Set<Integer> referenced) {
        if (SET.matcher(line).matches()) {
            return;
        }
        Matcher m = INSTRUCTION.matcher(line);
        if (!m.matches()) {
            problems.add(where + "malformed instruction");
            return;
        }
        String mnemonic = m.group(1);
        String operands = m.group(2).strip();
        for (Map.Entry<Pattern, Pattern> shape : SHAPES.entrySet()) {
            if (shape.getKey().matcher(mnemonic).matches()) {
                Matcher operand = shape.getValue().matcher(operands);
                if (!operand.matches()) {
                    problems.add(where + "operands do not fit " + mnemonic);
                } else if (shape.getValue().pattern().contains(LABEL)) {
                    referenced.add(Integer.parseInt(operand.group(1)));
                }
                return;
            }
        }
        problems.add(where + "pint has no instruction " + mnemonic);
    }
}
