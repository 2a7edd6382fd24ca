package dev.mimic.x86.decode;

import dev.mimic.specs.model.Instruction;
import dev.mimic.specs.model.IsaSpec;
import dev.mimic.specs.model.Value;
import dev.mimic.specs.parse.IsaSpecs;
import dev.mimic.x86.cpu.Flags;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The x86 opcode maps as {@code x86.isa} describes them, indexed for decoding: for each opcode byte
 * of the one-byte and 0F maps, the forms that may occupy it (told apart by the ModRM reg field and
 * the operand and address sizes). {@code +r} and {@code +cc} rows are spread over their eight and
 * sixteen opcodes. Immutable and shared by every x86 machine of the process.
 */
public final class X86Isa {
    private static final X86Isa INSTANCE = new X86Isa(IsaSpecs.load("x86"));

    private final IsaSpec spec;
    private final List<OpForm> forms = new ArrayList<>();
    /** The candidate forms of each opcode, at {@code map << 8 | opcode}. */
    private final List<List<OpForm>> slots = new ArrayList<>();

    private X86Isa(IsaSpec spec) {
        this.spec = spec;
        for (int i = 0; i < 512; i++) {
            slots.add(new ArrayList<>());
        }
        for (Instruction insn : spec.instructions()) {
            OpForm form = parse(insn);
            forms.add(form);
            int span = form.opcodeRegister() ? 8 : form.condition() ? 16 : 1;
            for (int i = 0; i < span; i++) {
                slot(form.map(), form.opcode() + i).add(form);
            }
        }
        for (List<OpForm> candidates : slots) {
            // An exact opcode wins over a +r spread (90 nop over 90+r xchg).
            candidates.sort((a, b) -> Boolean.compare(a.opcodeRegister(), b.opcodeRegister()));
            if (candidates.stream().map(OpForm::modrm).distinct().count() > 1) {
                throw new IllegalStateException("x86.isa: opcode " + candidates.get(0).opcode()
                        + " has forms with and without ModRM");
            }
        }
    }

    private List<OpForm> slot(int map, int opcode) {
        return slots.get(map << 8 | opcode);
    }

    /** The table of this process. */
    public static X86Isa get() {
        return INSTANCE;
    }

    public IsaSpec spec() {
        return spec;
    }

    /** Every form in file order. */
    public List<OpForm> forms() {
        return forms;
    }

    /** True when opcode {@code opcode} of {@code map} is followed by a ModRM byte. */
    public boolean hasModrm(int map, int opcode) {
        List<OpForm> c = slot(map, opcode);
        return !c.isEmpty() && c.get(0).modrm();
    }

    /**
     * True when the ModRM byte of {@code opcode} always names a register, whatever its mod field says
     * (MOV to and from control and debug registers, SDM vol. 2 MOV CR: "the mod field is ignored").
     */
    public boolean modrmAlwaysRegister(int map, int opcode) {
        List<OpForm> c = slot(map, opcode);
        return !c.isEmpty() && c.stream().allMatch(f -> f.operands().stream()
                .anyMatch(k -> k.method() == OperandKind.Method.MODRM_REGISTER));
    }

    /**
     * The form at {@code opcode} of {@code map} for ModRM fields {@code mod}, {@code reg} and {@code rm}
     * (mod -1 without ModRM) and the given operand and address sizes (2 or 4), or null for an undefined encoding.
     */
    public OpForm lookup(int map, int opcode, int mod, int reg, int rm, int operandSize, int addressSize) {
        for (OpForm f : slot(map, opcode)) {
            if (f.matches(mod, reg, rm)
                    && (f.operandSize() == 0 || f.operandSize() == operandSize * 8)
                    && (f.addressSize() == 0 || f.addressSize() == addressSize * 8)) {
                return f;
            }
        }
        return null;
    }

    private static OpForm parse(Instruction insn) {
        String where = "x86.isa:" + insn.line() + ": " + insn.name() + ": ";
        String encoding = insn.encoding().orElseThrow(() -> new IllegalStateException(where + "no encoding"));
        int map = OpForm.ONE_BYTE;
        int opcode = -1;
        int digit = -1;
        int fixedRm = -1;
        boolean registerOnly = false;
        boolean modrm = false;
        boolean plusR = false;
        boolean plusCc = false;
        int opsize = 0;
        int addrsize = 0;
        for (String token : encoding.trim().split("\\s+")) {
            switch (token) {
                case "o16" -> opsize = 16;
                case "o32" -> opsize = 32;
                case "a16" -> addrsize = 16;
                case "a32" -> addrsize = 32;
                case "/r" -> modrm = true;
                case "+r" -> plusR = true;
                case "+cc" -> plusCc = true;
                default -> {
                    if (token.matches("/[0-7]")) {
                        modrm = true;
                        digit = token.charAt(1) - '0';
                    } else if (opcode >= 0xD8 && opcode <= 0xDF && token.matches("[C-F][0-9A-F](\\+i)?")) {
                        // An x87 register form names its whole ModRM byte (SDM vol. 2 A.5): "D9 E8", or "D8 C0+i"
                        // with ST(i) in the r/m field.
                        int b = Integer.parseInt(token.substring(0, 2), 16);
                        modrm = true;
                        registerOnly = true;
                        digit = b >>> 3 & 7;
                        fixedRm = token.endsWith("+i") ? -1 : b & 7;
                    } else if (token.matches("[0-9A-F]{2}")) {
                        int b = Integer.parseInt(token, 16);
                        if (opcode < 0 && b == 0x0F && map == OpForm.ONE_BYTE) {
                            map = OpForm.TWO_BYTE;
                        } else if (opcode < 0) {
                            opcode = b;
                        } else {
                            throw new IllegalStateException(where + "more than one opcode byte in '" + encoding + "'");
                        }
                    } else {
                        throw new IllegalStateException(where + "unknown encoding token '" + token + "'");
                    }
                }
            }
        }
        if (opcode < 0) {
            throw new IllegalStateException(where + "no opcode byte in '" + encoding + "'");
        }
        List<OperandKind> operands = insn.operands().stream().map(o -> OperandKind.parse(o.kind())).toList();
        String base = insn.name().contains(".") ? insn.name().substring(0, insn.name().indexOf('.')) : insn.name();
        return new OpForm(insn, base, map, opcode, modrm, digit, fixedRm, registerOnly, plusR, plusCc, opsize, addrsize, operands,
                word(insn, "flow").map(f -> OpForm.Flow.valueOf(f.toUpperCase(Locale.ROOT))).orElse(OpForm.Flow.NEXT),
                word(insn, "lock").map("yes"::equals).orElse(false),
                word(insn, "rep").map(r -> OpForm.Rep.valueOf(r.toUpperCase(Locale.ROOT))).orElse(OpForm.Rep.NONE),
                !word(insn, "sandbox").map("no"::equals).orElse(false),
                Flags.parse(insn.flagsRead().orElse("")), Flags.parse(insn.flagsWritten().orElse("")),
                Flags.parse(insn.entry("flags-undefined").stream().map(v -> ((Value.Text) v).text()).findFirst().orElse("")));
    }

    private static Optional<String> word(Instruction insn, String key) {
        List<Value> values = insn.entry(key);
        return values.isEmpty() ? Optional.empty() : Optional.of(((Value.Name) values.get(0)).name());
    }

    @Override
    public String toString() {
        return "X86Isa[" + forms.size() + " forms, " + slots.subList(0, 256).stream().filter(l -> !l.isEmpty()).count()
                + " one-byte and " + slots.subList(256, 512).stream().filter(l -> !l.isEmpty()).count() + " 0F opcodes]";
    }
}
