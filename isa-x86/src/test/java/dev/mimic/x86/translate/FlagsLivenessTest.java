package dev.mimic.x86.translate;

import dev.mimic.x86.cpu.Flags;
import dev.mimic.x86.decode.DecodedInsn;
import dev.mimic.x86.decode.X86Decoder;
import dev.mimic.x86.decode.X86Isa;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which flag writes {@link FlagsLiveness} proves dead, on encodings from a hashing loop and around faults. */
class FlagsLivenessTest {
    private static final X86Decoder DECODER = new X86Decoder(X86Isa.get());

    private static DecodedInsn insn(String hex) {
        byte[] code = HexFormat.of().parseHex(hex);
        return DECODER.decode(a -> code[(int) a] & 0xFF, 0, true);
    }

    /** The flags of {@code writer} still pending after the instructions that follow it, as the translator scans. */
    private static int pendingAfter(String writer, String... following) {
        int pending = FlagsLiveness.candidate(insn(writer));
        for (String next : following) {
            pending = FlagsLiveness.after(insn(next), pending);
            if (pending <= 0) {
                return pending;
            }
        }
        return pending;
    }

    @Test
    void aRotateFollowedByMovesAndAnotherRotateIsDead() {
        // rol ebp,15 ; mov ebx,ecx ; rol ebx,13 overwrites CF and OF
        assertEquals(0, pendingAfter("c1c50f", "89cb", "c1c30d"));
    }

    @Test
    void aLogicOperationOverwritesEverything() {
        // add eax,ebx ; lea edx,[esp+0x4c] ; xor ebx,ebp
        assertEquals(0, pendingAfter("01d8", "8d54244c", "31eb"));
    }

    @Test
    void incKeepsTheCarryPending() {
        // add eax,ebx ; inc ecx: CF still waits for a writer
        assertEquals(Flags.CF, pendingAfter("01d8", "41"));
    }

    @Test
    void aReaderObservesTheFlags() {
        // cmp ecx,16 ; jne: the branch reads them
        assertEquals(FlagsLiveness.OBSERVED, pendingAfter("83f910", "75ee"));
        // add eax,ebx ; adc ecx,edx reads CF
        assertEquals(FlagsLiveness.OBSERVED, pendingAfter("01d8", "11d1"));
    }

    @Test
    void anInstructionThatMayFaultObservesTheFlags() {
        // add eax,ebx ; mov ecx,[eax]: a fault there must see the ADD's flags
        assertEquals(FlagsLiveness.OBSERVED, pendingAfter("01d8", "8b08", "31c0"));
        // add eax,ebx ; xor [eax],ecx may fault before writing the flags
        assertEquals(FlagsLiveness.OBSERVED, pendingAfter("01d8", "3108"));
    }

    @Test
    void aShiftByClMayLeaveTheFlagsAlone() {
        // add eax,ebx ; shl edx,cl (count 0 changes nothing)
        assertEquals(FlagsLiveness.OBSERVED, pendingAfter("01d8", "d3e2"));
        // add eax,ebx ; shl edx,3
        assertEquals(0, pendingAfter("01d8", "c1e203"));
    }

    @Test
    void onlyArithmeticWritersAreCandidates() {
        assertEquals(0, FlagsLiveness.candidate(insn("89cb")));
        assertEquals(Flags.CF | Flags.OF, FlagsLiveness.candidate(insn("c1c50f")));
    }
}
