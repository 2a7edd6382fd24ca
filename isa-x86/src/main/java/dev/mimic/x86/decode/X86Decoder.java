package dev.mimic.x86.decode;

import dev.mimic.specs.coverage.DecodeRecorder;
import dev.mimic.x86.cpu.Vector;

/**
 * Decodes one instruction: prefixes, the opcode (one-byte or 0F map), ModRM, SIB, displacement and
 * immediates, with 16- and 32-bit operand and address sizes (SDM vol. 2 chapter 2). The table says
 * which form an opcode is; an encoding the table does not have raises #UD, and one longer than
 * fifteen bytes #GP (SDM vol. 2 2.3.11).
 */
public final class X86Decoder {
    /** Where the decoder reads instruction bytes; a fetch fault propagates as the memory's fault. */
    @FunctionalInterface
    public interface CodeBytes {
        int byteAt(long address);
    }

    private static final int MAX_LENGTH = 15;
    private static final int[] BASE16 = {3, 3, 5, 5, 6, 7, 5, 3};   // bx bx bp bp si di bp bx
    private static final int[] INDEX16 = {6, 7, 6, 7, -1, -1, -1, -1}; // si di si di

    private final X86Isa isa;

    public X86Decoder(X86Isa isa) {
        this.isa = isa;
    }

    /** Decodes the instruction at {@code address} in a code segment whose default size is 32 bits when {@code code32}. */
    public DecodedInsn decode(CodeBytes code, long address, boolean code32) {
        Reader in = new Reader(code, address);
        int opsize = code32 ? 4 : 2;
        int addrsize = opsize;
        int segment = -1;
        boolean lock = false;
        int repeat = 0;
        int b;
        prefixes:
        for (;;) {
            b = in.next();
            switch (b) {
                case 0x26 -> segment = DecodedInsn.ES;
                case 0x2E -> segment = DecodedInsn.CS;
                case 0x36 -> segment = DecodedInsn.SS;
                case 0x3E -> segment = DecodedInsn.DS;
                case 0x64 -> segment = DecodedInsn.FS;
                case 0x65 -> segment = DecodedInsn.GS;
                case 0x66 -> opsize = code32 ? 2 : 4;
                case 0x67 -> addrsize = code32 ? 2 : 4;
                case 0xF0 -> lock = true;
                case 0xF2, 0xF3 -> repeat = b;
                default -> {
                    break prefixes;
                }
            }
        }
        int map = OpForm.ONE_BYTE;
        if (b == 0x0F) {
            map = OpForm.TWO_BYTE;
            b = in.next();
        }
        int opcode = b;
        int mod = -1, reg = 0, rm = -1, base = -1, index = -1, scale = 0, disp = 0;
        if (isa.hasModrm(map, opcode)) {
            int modrm = in.next();
            mod = isa.modrmAlwaysRegister(map, opcode) ? 3 : modrm >>> 6;
            reg = modrm >>> 3 & 7;
            rm = modrm & 7;
            if (mod != 3) {
                if (addrsize == 4) {
                    base = rm;
                    if (rm == 4) {
                        int sib = in.next();
                        scale = sib >>> 6;
                        index = (sib >>> 3 & 7) == 4 ? -1 : sib >>> 3 & 7;
                        base = sib & 7;
                        if (base == 5 && mod == 0) {
                            base = -1;
                            disp = in.le(4);
                        }
                    } else if (rm == 5 && mod == 0) {
                        base = -1;
                        disp = in.le(4);
                    }
                    if (mod == 1) {
                        disp = (byte) in.next();
                    } else if (mod == 2) {
                        disp = in.le(4);
                    }
                } else {
                    base = BASE16[rm];
                    index = INDEX16[rm];
                    if (rm == 6 && mod == 0) {
                        base = -1;
                        disp = in.le(2) & 0xFFFF;
                    } else if (mod == 1) {
                        disp = (byte) in.next();
                    } else if (mod == 2) {
                        disp = (short) in.le(2);
                    }
                }
            }
        }
        OpForm form = isa.lookup(map, opcode, mod, reg, rm, opsize, addrsize);
        if (form == null || (lock && !(form.lockable() && mod != 3))) {
            throw Vector.undefinedOpcode(address);
        }
        long imm = 0;
        int imm2 = 0;
        boolean first = true;
        for (OperandKind k : form.operands()) {
            int n = k.immediateBytes(opsize, addrsize);
            if (n == 0) {
                continue;
            }
            if (k.method() == OperandKind.Method.OFFSET) {
                disp = in.le(n);
                continue;
            }
            if (k == OperandKind.Ap) {
                imm = in.le(opsize) & (opsize == 2 ? 0xFFFFL : 0xFFFF_FFFFL);
                imm2 = in.le(2) & 0xFFFF;
                continue;
            }
            long v = in.le(n);
            boolean signed = k == OperandKind.Ibs || k.method() == OperandKind.Method.RELATIVE;
            v = signed ? (n == 1 ? (byte) v : n == 2 ? (short) v : (int) v)
                    : v & (n == 4 ? 0xFFFF_FFFFL : (1L << 8 * n) - 1);
            if (first) {
                imm = v;
                first = false;
            } else {
                imm2 = (int) v;
            }
        }
        int low = form.opcodeRegister() ? opcode & 7 : form.condition() ? opcode & 15 : 0;
        DecodeRecorder.record("x86", form.name());
        return new DecodedInsn(address, in.length(), form, opsize, addrsize, segment, lock,
                form.rep() == OpForm.Rep.NONE && !DecodedInsn.isNop(form) ? 0 : repeat, mod, reg, rm, base, index, scale, disp, low, imm, imm2);
    }

    /** Reads instruction bytes, counting them against the fifteen-byte limit. */
    private static final class Reader {
        private final CodeBytes code;
        private final long start;
        private int length;

        Reader(CodeBytes code, long start) {
            this.code = code;
            this.start = start;
        }

        int next() {
            if (length == MAX_LENGTH) {
                throw Vector.generalProtection(0, String.format("instruction at 0x%x is longer than 15 bytes", start));
            }
            return code.byteAt(start + length++ & 0xFFFF_FFFFL) & 0xFF;
        }

        int le(int bytes) {
            int v = 0;
            for (int i = 0; i < bytes; i++) {
                v |= next() << 8 * i;
            }
            return v;
        }

        int length() {
            return length;
        }
    }
}
