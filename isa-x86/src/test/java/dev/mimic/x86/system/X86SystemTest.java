package dev.mimic.x86.system;

import dev.mimic.backend.exec.EngineKind;
import dev.mimic.backend.jit.Jit;
import dev.mimic.x86.protect.Cpu;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class X86SystemTest {
    /** No ports, no interrupts. */
    private static final class Quiet implements IoPorts, InterruptRequests {
        int pending = -1;

        @Override public int in(int port, int size) { return -1; }
        @Override public void out(int port, int size, int value) { }
        @Override public boolean pending() { return pending >= 0; }
        @Override public int acknowledge() { int v = pending; pending = -1; return v; }
    }

    private final PhysicalMemory memory = new PhysicalMemory(1 << 20);
    private final Quiet board = new Quiet();
    private final X86System cpu = new X86System(memory, board, board, new X86System.Options(EngineKind.INTERP, new Jit(), 2));

    @Test
    void resetStartsInRealModeAtTheTopOfMemory() {
        assertEquals(0xFFF0, cpu.register("eip"));
        assertEquals(0xF000, cpu.register("cs"));
        assertEquals(0x6000_0010L, cpu.register("cr0"));
        assertEquals(0x619, cpu.register("edx") & 0xFFF);
    }

    @Test
    void runsTheResetVectorFromRomAndReturnsOnHlt() {
        byte[] rom = new byte[0x10000];
        byte[] code = {(byte) 0xB8, 0x34, 0x12, (byte) 0xF4};    // mov ax, 0x1234; hlt
        System.arraycopy(code, 0, rom, 0xFFF0, code.length);
        memory.mapRom(0xFFFF_0000L, rom);
        cpu.reset();
        assertEquals(X86System.Stop.HALTED, cpu.run(1000));
        assertEquals(0x1234, cpu.register("eax"));
        assertEquals(0xFFF4, cpu.register("eip"));
        assertTrue(cpu.isHalted());
        assertEquals(X86System.Stop.HALTED, cpu.run(1000), "stays halted with IF clear");
    }

    @Test
    void aRequestedInterruptWakesHltInRealMode() {
        memory.store16(0x40 * 4, 0x600);                        // IVT entry 0x40 -> 0000:0600
        memory.store16(0x40 * 4 + 2, 0);
        memory.write(0x600, new byte[] {(byte) 0xB3, 0x77, (byte) 0xCF}, 0, 3);     // mov bl, 0x77; iret
        memory.write(0x500, new byte[] {(byte) 0xFB, (byte) 0xF4, (byte) 0xF4}, 0, 3);   // sti; hlt; hlt
        cpu.setRegister("cs", 0);
        cpu.setRegister("ss", 0);
        cpu.setRegister("esp", 0x7000);
        cpu.setRegister("eip", 0x500);
        assertEquals(X86System.Stop.HALTED, cpu.run(1000));
        assertEquals(0x502, cpu.register("eip"));
        board.pending = 0x40;
        assertEquals(X86System.Stop.HALTED, cpu.run(1000));
        assertEquals(0x77, cpu.register("ebx") & 0xFF);
        assertEquals(0x503, cpu.register("eip"), "the handler returned after the first HLT, the second halts");
    }

    @Test
    void theBudgetBoundsARun() {
        memory.write(0x1000, new byte[] {(byte) 0xEB, (byte) 0xFE}, 0, 2);      // jmp $
        cpu.startProtected(0x1000, 0, 0, 0);
        assertEquals(X86System.Stop.BUDGET, cpu.run(5000));
        assertEquals(5000, cpu.engine().context().instructions);
    }

    @Test
    void theTimeStampCounterCountsTimeSpentHalted() {
        memory.write(0x1000, new byte[] {0x0F, 0x31, (byte) 0xF4}, 0, 3);      // rdtsc; hlt
        cpu.startProtected(0x1000, 0, 0, 0);
        assertEquals(X86System.Stop.HALTED, cpu.run(100));
        long before = cpu.cpu().msrs.tsc(cpu.instructions());
        cpu.idle(1_000_000);
        assertEquals(before + 1_000_000, cpu.cpu().msrs.tsc(cpu.instructions()));
        assertTrue(cpu.register("eax") < before, "the guest read the counter before the wait");
    }

    @Test
    void pauseTakesItsCyclesOfTimeAndOtherNopsOne() {
        // rdtsc; mov ebx, eax; pause; nop; nop dword [eax]; rdtsc; hlt
        memory.write(0x1000, new byte[] {0x0F, 0x31, (byte) 0x89, (byte) 0xC3, (byte) 0xF3, (byte) 0x90, (byte) 0x90,
                0x0F, 0x1F, 0x00, 0x0F, 0x31, (byte) 0xF4}, 0, 13);
        cpu.startProtected(0x1000, 0, 0, 0);
        assertEquals(X86System.Stop.HALTED, cpu.run(1000));
        assertEquals(X86System.PAUSE_CYCLES + 4, cpu.register("eax") - cpu.register("ebx"));
        assertEquals(0x100D, cpu.register("eip"));
    }

    @Test
    void switchingProtectedModeOffAndOnKeepsTheDecodedCode() {
        memory.write(0x1000, new byte[] {(byte) 0xEB, (byte) 0xFE}, 0, 2);      // jmp $
        cpu.startProtected(0x1000, 0, 0, 0);
        cpu.run(10);
        long decoded = cpu.engine().stats().regionsDecoded();
        int cr0 = cpu.cpu().cr0;
        cpu.cpu().setCr0(cr0 & ~Cpu.CR0_PE);
        cpu.cpu().setCr0(cr0);
        cpu.run(10);
        assertEquals(decoded, cpu.engine().stats().regionsDecoded(), "firmware switches modes for every BIOS call");
    }

    @Test
    void cpuidReportsNoLocalApicWhileNoneIsMapped() {
        memory.write(0x1000, new byte[] {(byte) 0xB8, 1, 0, 0, 0, 0x0F, (byte) 0xA2, (byte) 0xF4}, 0, 8);     // mov eax, 1; cpuid; hlt
        cpu.startProtected(0x1000, 0, 0, 0);
        assertEquals(X86System.Stop.HALTED, cpu.run(100));
        long edx = cpu.register("edx");
        assertEquals(0, edx & 1 << 9, "APIC");
        assertEquals(1 << 11 | 1 << 12, edx & (1 << 11 | 1 << 12), "SEP and MTRR");
    }

    @Test
    void anAttachedLocalApicIsReportedAndHearsApicBaseWrites() {
        List<Long> written = new ArrayList<>();
        cpu.attachLocalApic(written::add);
        memory.write(0x1000, new byte[] {(byte) 0xB8, 1, 0, 0, 0, 0x0F, (byte) 0xA2, (byte) 0x89, (byte) 0xD6,    // mov eax, 1; cpuid; mov esi, edx
                (byte) 0xB9, 0x1B, 0, 0, 0, 0x0F, 0x32, 0x25, (byte) 0xFF, (byte) 0xF7, (byte) 0xFF, (byte) 0xFF,   // mov ecx, 0x1b; rdmsr; and eax, ~0x800
                0x0F, 0x30, (byte) 0xF4}, 0, 24);                                                                 // wrmsr; hlt
        cpu.startProtected(0x1000, 0, 0, 0);
        assertEquals(X86System.Stop.HALTED, cpu.run(100));
        assertEquals(1 << 9, cpu.register("esi") & 1 << 9, "APIC");
        assertEquals(List.of(0xFEE0_0100L), written, "the BSP's base with the enable bit cleared");
    }

    @Test
    void anExceptionWithoutUsableGatesShutsDown() {
        memory.write(0x1000, new byte[] {(byte) 0xCC}, 0, 1);     // int3
        cpu.startProtected(0x1000, 0, 0, 0);
        cpu.cpu().idtLimit = 0;
        assertEquals(X86System.Stop.SHUTDOWN, cpu.run(1000));
        assertTrue(cpu.isShutdown());
    }

    @Test
    void startProtectedGivesTheMultibootState() {
        cpu.startProtected(0x100000, 0x2BADB002, 0x9000, 0x1234);
        assertEquals(0x100000, cpu.register("eip"));
        assertEquals(0x2BADB002L, cpu.register("eax"));
        assertEquals(0x9000, cpu.register("ebx"));
        assertEquals(0x1234, cpu.register("esi"));
        assertEquals(1, cpu.register("cr0") & 1);
        assertEquals(0x10, cpu.register("cs"));
        assertEquals(0, cpu.register("eflags") & 0x200);
    }

    @Test
    void aSnapshotRestoresRegistersSystemStateAndRam() throws Exception {
        memory.write(0x1000, new byte[] {0x40, (byte) 0xEB, (byte) 0xFD}, 0, 3);    // inc eax; jmp -3
        cpu.startProtected(0x1000, 0, 0, 0);
        cpu.run(101);
        java.io.ByteArrayOutputStream saved = new java.io.ByteArrayOutputStream();
        cpu.saveState(new java.io.DataOutputStream(saved));
        long eax = cpu.register("eax");
        cpu.run(1000);
        memory.store8(0x1000, 0x48);
        cpu.restoreState(new java.io.DataInputStream(new java.io.ByteArrayInputStream(saved.toByteArray())));
        assertEquals(eax, cpu.register("eax"));
        assertEquals(0x40, memory.load8(0x1000));
        cpu.run(100);
        assertEquals(eax + 50, cpu.register("eax"), "runs the restored code, not the patched one");
    }

    @Test
    void noInterruptIsTakenBetweenALoadOfSsAndTheNextInstruction() {
        memory.store16(0x40 * 4, 0x600);
        memory.store16(0x40 * 4 + 2, 0);
        memory.write(0x600, new byte[] {(byte) 0x89, 0x26, 0x00, 0x08, (byte) 0xCF}, 0, 5);   // mov [0x800], sp; iret
        memory.write(0x500, new byte[] {(byte) 0xFB, (byte) 0x90, (byte) 0x8E, (byte) 0xD0,  // sti; nop; mov ss, ax
                (byte) 0xBC, 0x00, 0x60, (byte) 0xF4}, 0, 8);                               // mov sp, 0x6000; hlt
        cpu.setRegister("cs", 0);
        cpu.setRegister("ss", 0);
        cpu.setRegister("esp", 0x7000);
        cpu.setRegister("eip", 0x500);
        assertEquals(X86System.Stop.BUDGET, cpu.run(3));
        board.pending = 0x40;
        cpu.run(10);
        assertEquals(0x6000 - 6, memory.load16(0x800), "the interrupt came after MOV SP");
    }

    @Test
    void aClosedA20GateWrapsAddressesAtOneMebibyte() {
        PhysicalMemory big = new PhysicalMemory(2 << 20);
        X86System pc = new X86System(big, board, board, new X86System.Options(EngineKind.INTERP, new Jit(), 2));
        big.write(0x500, new byte[] {(byte) 0xC6, 0x06, 0x10, 0x00, 0x55, (byte) 0xEB, (byte) 0xFE}, 0, 7);  // mov byte [0x10], 0x55; jmp $
        pc.setRegister("cs", 0);
        pc.setRegister("ds", 0xFFFF);
        pc.setRegister("eip", 0x500);
        pc.setA20(false);
        pc.run(10);
        assertEquals(0x55, big.load8(0x0));
        assertEquals(0, big.load8(0x100000));
        pc.setA20(true);
        pc.setRegister("eip", 0x500);
        pc.run(10);
        assertEquals(0x55, big.load8(0x100000));
    }
}
