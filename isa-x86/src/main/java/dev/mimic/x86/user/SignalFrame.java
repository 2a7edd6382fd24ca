package dev.mimic.x86.user;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.exec.GuestFault;
import dev.mimic.backend.state.GuestState;
import dev.mimic.x86.cpu.Registers;
import dev.mimic.x86.cpu.X86Runtime;
import dev.mimic.x86.fpu.X87;
import dev.mimic.x86.user.GuestMemoryAccess.BadAddress;

/**
 * The i386 signal frames the kernel builds on the user stack and sigreturn takes down again
 * (arch/x86/include/asm/sigframe.h, arch/x86/kernel/signal_32.c): {@code sigframe} (return address,
 * signal number, sigcontext, extramask, retcode) for handlers without SA_SIGINFO, and
 * {@code rt_sigframe} (return address, signal number, pointers to siginfo and ucontext, the siginfo,
 * the ucontext holding the sigcontext, and retcode) for those with it. The FPU state goes below the
 * frame in the FSAVE layout a {@code struct _fpstate_32} starts with, marked as having no FXSR part;
 * the handler starts with an initialised FPU. A program that reads its ucontext sees what the kernel
 * would give it, and one that edits it changes how it resumes.
 */
final class SignalFrame {
    /** struct sigcontext_32 offsets (arch/x86/include/uapi/asm/sigcontext.h). */
    private static final int SC_GS = 0, SC_FS = 4, SC_ES = 8, SC_DS = 12, SC_EDI = 16, SC_ESI = 20, SC_EBP = 24,
            SC_ESP = 28, SC_EBX = 32, SC_EDX = 36, SC_ECX = 40, SC_EAX = 44, SC_TRAPNO = 48, SC_ERR = 52, SC_EIP = 56,
            SC_CS = 60, SC_EFLAGS = 64, SC_ESP_AT_SIGNAL = 68, SC_SS = 72, SC_FPSTATE = 76, SC_OLDMASK = 80, SC_CR2 = 84;
    /** sigframe: sigcontext at 8, the unused legacy fpstate (624 bytes), extramask, retcode. */
    private static final int FRAME_SC = 8, FRAME_EXTRAMASK = 720, FRAME_RETCODE = 724, FRAME_SIZE = 732;
    /** rt_sigframe: siginfo at 16, ucontext at 144 (flags, link, stack_t, sigcontext, sigmask), retcode. */
    private static final int RT_INFO = 16, RT_UC = 144, UC_STACK = 8, UC_MCONTEXT = 20, UC_SIGMASK = 108,
            RT_RETCODE = 260, RT_SIZE = 268;
    /** The FSAVE image, the status word copy and the magic 0xFFFF that says "no FXSR state follows". */
    private static final int FPSTATE_SIZE = 112, FPSTATE_MAGIC = 110, FXSAVE_SIZE = 512;
    private static final int NR_SIGRETURN = 119, NR_RT_SIGRETURN = 173;
    /** The EFLAGS bits sigreturn takes from the frame (FIX_EFLAGS in signal.c): the rest stay as they are. */
    private static final int RESTORABLE_FLAGS = 0x50DD5;
    /** DF, TF and RF, which the kernel clears before running a handler. */
    private static final int HANDLER_CLEARS = 0x10500;
    private static final int EDI = 7, ESI = 6, EBP = 5, ESP = 4, EBX = 3, EDX = 2, ECX = 1, EAX = 0;
    private static final int ES = 0, CS = 1, SS = 2, DS = 3, FS = 4, GS = 5;

    /** Why the handler is running: the exception vector and error code, and the faulting address for a page fault. */
    record Trap(int number, int errorCode, int address) {
        static final Trap NONE = new Trap(0, 0, 0);
    }

    private final ExecutionContext ctx;
    private final GuestState state;
    private final GuestMemoryAccess guest;

    SignalFrame(ExecutionContext ctx, GuestMemoryAccess guest) {
        this.ctx = ctx;
        this.state = ctx.state;
        this.guest = guest;
    }

    /**
     * Builds the frame for {@code info} handled by {@code action} and points the CPU at the handler
     * (get_sigframe and setup_frame/setup_rt_frame).
     *
     * @param savedMask the mask sigreturn restores
     * @throws BadAddress when the stack cannot take the frame (the kernel then forces SIGSEGV)
     */
    void push(SignalState.Info info, SignalState.Action action, long savedMask, SignalState.AltStack alt, Trap trap)
            throws BadAddress {
        boolean rt = action.has(SignalState.SA_SIGINFO);
        int esp = gpr(ESP);
        long sp = esp & 0xFFFF_FFFFL;
        if (action.has(SignalState.SA_ONSTACK) && alt.enabled() && !alt.holds(esp)) {
            sp = (alt.base() & 0xFFFF_FFFFL) + (alt.size() & 0xFFFF_FFFFL);
        }
        long fpstate = (sp - FXSAVE_SIZE - 4 & ~63L) - FPSTATE_SIZE;
        sp = fpstate - (rt ? RT_SIZE : FRAME_SIZE);
        long frame = (sp + 4 & ~15L) - 4;
        long context = frame + (rt ? RT_UC + UC_MCONTEXT : FRAME_SC);
        long retcode = frame + (rt ? RT_RETCODE : FRAME_RETCODE);

        saveFpu(fpstate);
        writeContext(context, fpstate, savedMask, trap, esp);
        guest.put32(frame, action.has(SignalState.SA_RESTORER) ? action.restorer() : (int) retcode);
        guest.put32(frame + 4, info.signal());
        if (rt) {
            guest.put32(frame + 8, (int) (frame + RT_INFO));
            guest.put32(frame + 12, (int) (frame + RT_UC));
            writeInfo(frame + RT_INFO, info);
            long uc = frame + RT_UC;
            guest.put(uc, new byte[UC_STACK], UC_STACK);
            guest.put32(uc + UC_STACK, alt.base());
            guest.put32(uc + UC_STACK + 4, alt.flags(esp));
            guest.put32(uc + UC_STACK + 8, alt.size());
            guest.put64(uc + UC_SIGMASK, savedMask);
            // mov eax, __NR_rt_sigreturn; int 0x80
            guest.put(retcode, new byte[] {(byte) 0xB8, (byte) NR_RT_SIGRETURN, 0, 0, 0, (byte) 0xCD, (byte) 0x80, 0}, 8);
        } else {
            guest.put32(frame + FRAME_EXTRAMASK, (int) (savedMask >>> 32));
            // pop eax; mov eax, __NR_sigreturn; int 0x80
            guest.put(retcode, new byte[] {0x58, (byte) 0xB8, (byte) NR_SIGRETURN, 0, 0, 0, (byte) 0xCD, (byte) 0x80}, 8);
        }

        X87.init((X87) state.getRef(Registers.FPU));
        setGpr(ESP, frame);
        setGpr(EAX, info.signal());
        setGpr(EDX, rt ? frame + RT_INFO : 0);
        setGpr(ECX, rt ? frame + RT_UC : 0);
        state.setPc(action.handler() & 0xFFFF_FFFFL);
        Registers.setEflags(state, Registers.eflags(state) & ~HANDLER_CLEARS);
        X86Runtime.loadSegment(ctx, DS, UserMachine.USER_DS);
        X86Runtime.loadSegment(ctx, ES, UserMachine.USER_DS);
        X86Runtime.loadSegment(ctx, SS, UserMachine.USER_DS);
        X86Runtime.loadSegment(ctx, CS, UserMachine.USER_CS);
    }

    private void writeContext(long sc, long fpstate, long savedMask, Trap trap, int esp) throws BadAddress {
        int[] words = new int[22];
        words[SC_GS / 4] = selector(GS);
        words[SC_FS / 4] = selector(FS);
        words[SC_ES / 4] = selector(ES);
        words[SC_DS / 4] = selector(DS);
        words[SC_EDI / 4] = gpr(EDI);
        words[SC_ESI / 4] = gpr(ESI);
        words[SC_EBP / 4] = gpr(EBP);
        words[SC_ESP / 4] = esp;
        words[SC_EBX / 4] = gpr(EBX);
        words[SC_EDX / 4] = gpr(EDX);
        words[SC_ECX / 4] = gpr(ECX);
        words[SC_EAX / 4] = gpr(EAX);
        words[SC_TRAPNO / 4] = trap.number();
        words[SC_ERR / 4] = trap.errorCode();
        words[SC_EIP / 4] = (int) state.pc();
        words[SC_CS / 4] = selector(CS);
        words[SC_EFLAGS / 4] = Registers.eflags(state);
        words[SC_ESP_AT_SIGNAL / 4] = esp;
        words[SC_SS / 4] = selector(SS);
        words[SC_FPSTATE / 4] = (int) fpstate;
        words[SC_OLDMASK / 4] = (int) savedMask;
        words[SC_CR2 / 4] = trap.address();
        for (int i = 0; i < words.length; i++) {
            guest.put32(sc + 4L * i, words[i]);
        }
    }

    private void writeInfo(long at, SignalState.Info info) throws BadAddress {
        guest.put(at, new byte[128], 128);
        guest.put32(at, info.signal());
        guest.put32(at + 8, info.code());
        guest.put32(at + 12, info.first());
        guest.put32(at + 16, info.second());
    }

    private void saveFpu(long fpstate) throws BadAddress {
        guest.put(fpstate, new byte[FPSTATE_SIZE], FPSTATE_SIZE);
        try {
            X87.save(ctx, (X87) state.getRef(Registers.FPU), (int) fpstate, 1, 4);
        } catch (GuestFault f) {
            throw new BadAddress(fpstate);
        }
        guest.put32(fpstate + FPSTATE_MAGIC - 2, 0xFFFF_0000 | guest.u32(fpstate + 4) & 0xFFFF);
    }

    /**
     * sigreturn or rt_sigreturn: takes the frame down from ESP (which the handler's return moved 8 or
     * 4 bytes past its start) and resumes the interrupted code exactly as the frame says.
     *
     * @return the mask to block again
     * @throws BadAddress when the frame is not readable or names a bad segment (the kernel forces SIGSEGV)
     */
    long pop(boolean rt, SignalState signals) throws BadAddress {
        long frame = (gpr(ESP) & 0xFFFF_FFFFL) - (rt ? 4 : 8);
        long sc = frame + (rt ? RT_UC + UC_MCONTEXT : FRAME_SC);
        long mask = rt ? (guest.u32(frame + RT_UC + UC_SIGMASK) & 0xFFFF_FFFFL)
                | (long) guest.u32(frame + RT_UC + UC_SIGMASK + 4) << 32
                : (guest.u32(sc + SC_OLDMASK) & 0xFFFF_FFFFL) | (long) guest.u32(frame + FRAME_EXTRAMASK) << 32;
        int[] words = new int[22];
        for (int i = 0; i < words.length; i++) {
            words[i] = guest.u32(sc + 4L * i);
        }
        try {
            X86Runtime.loadSegment(ctx, GS, words[SC_GS / 4]);
            X86Runtime.loadSegment(ctx, FS, words[SC_FS / 4]);
            X86Runtime.loadSegment(ctx, ES, words[SC_ES / 4]);
            X86Runtime.loadSegment(ctx, DS, words[SC_DS / 4]);
        } catch (GuestFault f) {
            throw new BadAddress(sc);
        }
        int[] order = {EDI, ESI, EBP, ESP, EBX, EDX, ECX, EAX};
        for (int i = 0; i < order.length; i++) {
            setGpr(order[i], words[SC_EDI / 4 + i] & 0xFFFF_FFFFL);
        }
        state.setPc(words[SC_EIP / 4] & 0xFFFF_FFFFL);
        Registers.setEflags(state, Registers.eflags(state) & ~RESTORABLE_FLAGS | words[SC_EFLAGS / 4] & RESTORABLE_FLAGS);
        int fpstate = words[SC_FPSTATE / 4];
        X87 fpu = (X87) state.getRef(Registers.FPU);
        if (fpstate == 0) {
            X87.init(fpu);
        } else {
            try {
                X87.restore(ctx, fpu, fpstate, 1, 4);
            } catch (GuestFault f) {
                throw new BadAddress(fpstate & 0xFFFF_FFFFL);
            }
        }
        if (rt) {
            long stack = frame + RT_UC + UC_STACK;
            int flags = guest.u32(stack + 4);
            if (!signals.altStack().holds(gpr(ESP))) {
                signals.setAltStack((flags & SignalState.SS_DISABLE) != 0 ? SignalState.AltStack.DISABLED
                        : new SignalState.AltStack(guest.u32(stack), guest.u32(stack + 8), true));
            }
        }
        return mask;
    }

    private int gpr(int n) {
        return (int) state.get(Registers.gpr(n));
    }

    private void setGpr(int n, long value) {
        state.set(Registers.gpr(n), value & 0xFFFF_FFFFL);
    }

    private int selector(int segment) {
        return (int) state.get(Registers.selector(segment));
    }
}
