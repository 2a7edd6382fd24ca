package dev.mimic.x86.translate;

import dev.mimic.backend.exec.DecodeRequest;
import dev.mimic.backend.exec.GuestFault;
import dev.mimic.backend.ir.Region;
import dev.mimic.backend.ir.RegionBuilder;
import dev.mimic.backend.memory.GuestMemory;
import dev.mimic.x86.cpu.Vector;
import dev.mimic.x86.decode.DecodedInsn;
import dev.mimic.x86.decode.OpForm;
import dev.mimic.x86.decode.X86Decoder;
import dev.mimic.x86.decode.X86Isa;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates x86 code into IR regions: decodes instructions one after another and has
 * {@link X86Semantics} emit each. A region is a straight line that may leave at every conditional
 * branch (a superblock); it follows direct calls and forward jumps to code it has not translated yet
 * (unless it may have stored into code before them), and ends at other transfers, a trap, an undecodable or unfetchable instruction, or the engine's limits. A
 * branch back to the region's first instruction stays inside it as a loop.
 */
public final class X86Translator {
    /** Longest region, in instructions: long regions would exceed what the JIT compiles. */
    public static final int MAX_INSTRUCTIONS = 64;

    private static final Map<String, MethodHandle> SEMANTICS = semantics(X86Semantics.class, true);
    /** The system-mode meanings that replace those of a process ({@link SystemSemantics}). */
    private static final Map<String, MethodHandle> SYSTEM_SEMANTICS = semantics(SystemSemantics.class, false);
    private static final X86Semantics INSTANCE = new X86Semantics();
    private static final SystemSemantics SYSTEM_INSTANCE = new SystemSemantics();

    private final X86Decoder decoder = new X86Decoder(X86Isa.get());

    /**
     * Where code bytes come from and which guest ranges a region covers. A user-mode process fetches
     * and covers linear addresses; a system-mode machine adds the CS base, translates through paging
     * and covers physical addresses, so writes through any mapping find the code.
     */
    public interface CodeSpace {
        /** The code byte at {@code eip}; faults as an instruction fetch does. */
        int byteAt(long eip);

        /** Records that [start, end) (EIPs) was decoded into the region. */
        void cover(RegionBuilder b, long start, long end);
    }

    /** The decoder this translator uses (for disassembly). */
    public X86Decoder decoder() {
        return decoder;
    }

    /**
     * Translates the code at {@code pc} as {@link dev.mimic.backend.exec.Frontend#decode} asks.
     *
     * @throws GuestFault when the first instruction cannot be fetched (#PF) or decoded (#UD, #GP)
     */
    public Region translate(long pc, DecodeRequest request, GuestMemory memory) {
        return translate(pc, request, CodeMode.USER, new CodeSpace() {
            @Override
            public int byteAt(long eip) {
                return memory.load8(eip);
            }

            @Override
            public void cover(RegionBuilder b, long start, long end) {
                b.coverCode(start, end);
            }
        });
    }

    /**
     * Translates the code at {@code pc} (mode number above EIP) in {@code mode}, fetching from
     * {@code code}.
     *
     * @throws GuestFault when the first instruction cannot be fetched (#PF) or decoded (#UD, #GP)
     */
    public Region translate(long pc, DecodeRequest request, CodeMode mode, CodeSpace code) {
        RegionBuilder b = new RegionBuilder(String.format("x86@%08x", pc), pc);
        Emitter e = new Emitter(b, pc, mode);
        long pcBase = pc & ~0xFFFF_FFFFL;
        long at = pc & 0xFFFF_FFFFL;
        boolean interruptWindow = false;
        int limit = Math.min(request.maxInstructions(), MAX_INSTRUCTIONS);
        List<DecodedInsn> ahead = new ArrayList<>();
        Set<Long> translated = new HashSet<>();
        e.keepForwardBranches(target -> request.mayLoopTo(pcBase | target));
        for (int n = 0; ; n++) {
            e.arriveAt(at);
            if (n >= limit || request.mustStopBefore(pcBase | at, n)) {
                e.jump(at);
                break;
            }
            if (!ahead.isEmpty() && ahead.get(0).address() != at) {
                ahead.clear();
            }
            DecodedInsn insn;
            try {
                insn = !ahead.isEmpty() ? ahead.remove(0) : decoder.decode(code::byteAt, at, mode.code32());
            } catch (GuestFault f) {
                if (n == 0) {
                    throw f;
                }
                e.jump(at);
                break;
            }
            code.cover(b, at, insn.next());
            e.begin(insn);
            if (!interruptWindow && flagsDead(insn, n, limit, request, pcBase, mode, code, ahead)) {
                e.flagsDead();
            }
            emit(insn.form(), e, mode.system());
            translated.add(at);
            at = insn.next() & (mode.code32() ? 0xFFFF_FFFFL : 0xFFFF);
            long target = e.takeJumpTarget();
            if (target >= 0) {
                if (e.storedBefore() || !follows(insn, target) || (pcBase | target) == pc || translated.contains(target) || n + 1 >= limit) {
                    e.jump(target);
                    break;
                }
                at = target;
            }
            if (e.ended()) {
                break;
            }
            if (e.changedMode()) {
                e.resumeInNewMode(at);
                break;
            }
            if (interruptWindow) {
                e.stop(X86Semantics.STOP_INTERRUPT_WINDOW, at);
                break;
            }
            interruptWindow = e.opensInterruptWindow();
        }
        e.leaveUnreachedTargets();
        return b.build();
    }

    /**
     * Whether the region goes on at the target of a direct jump or call: calls and forward jumps, not
     * backward jumps. A backward jump usually closes a loop, and going on there would cut the loop's
     * body at a different place in every region the dispatcher enters it at.
     */
    private static boolean follows(DecodedInsn insn, long target) {
        return insn.form().flow() == OpForm.Flow.CALL || target > insn.address();
    }

    /**
     * Whether the flags {@code insn} (the region's {@code n}th instruction) writes are overwritten within
     * this region before anything can observe them ({@link FlagsLiveness}). Decodes the following
     * instructions into {@code ahead}, where the translator takes them from; the look-ahead stays
     * within the region's limit and breakpoints, so it fetches nothing the region would not.
     */
    private boolean flagsDead(DecodedInsn insn, int n, int limit, DecodeRequest request, long pcBase, CodeMode mode,
                              CodeSpace code, List<DecodedInsn> ahead) {
        int pending = FlagsLiveness.candidate(insn);
        if (pending == 0) {
            return false;
        }
        long at = insn.next() & (mode.code32() ? 0xFFFF_FFFFL : 0xFFFF);
        for (int k = 0; k < FlagsLiveness.LOOKAHEAD; k++) {
            if (n + 1 + k >= limit || request.mustStopBefore(pcBase | at, n + 1 + k)) {
                return false;
            }
            if (k == ahead.size()) {
                try {
                    ahead.add(decoder.decode(code::byteAt, at, mode.code32()));
                } catch (GuestFault f) {
                    return false;
                }
            }
            DecodedInsn next = ahead.get(k);
            pending = FlagsLiveness.after(next, pending);
            if (pending == FlagsLiveness.OBSERVED) {
                return false;
            }
            if (pending == 0) {
                return true;
            }
            at = next.next() & (mode.code32() ? 0xFFFF_FFFFL : 0xFFFF);
        }
        return false;
    }

    private static void emit(OpForm form, Emitter e, boolean system) {
        if (system && e.mode().deviceNotAvailable(form)) {
            e.raise(Vector.NM, 0);
            return;
        }
        MethodHandle systemMethod = system ? SYSTEM_SEMANTICS.get(form.emit()) : null;
        try {
            if (systemMethod != null) {
                systemMethod.invokeExact((Object) SYSTEM_INSTANCE, e);
            } else {
                SEMANTICS.get(form.emit()).invokeExact((Object) INSTANCE, e);
            }
        } catch (RuntimeException | Error ex) {
            throw ex;
        } catch (Throwable t) {
            throw new IllegalStateException(form.name() + ": " + t, t);
        }
    }

    /**
     * The semantics method of {@code owner} for every {@code emit} name in the table, checked once at
     * class load; {@code complete} requires one for every name.
     */
    private static Map<String, MethodHandle> semantics(Class<?> owner, boolean complete) {
        Map<String, MethodHandle> methods = new HashMap<>();
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        MethodType type = MethodType.methodType(void.class, Emitter.class);
        for (OpForm form : X86Isa.get().forms()) {
            if (methods.containsKey(form.emit())) {
                continue;
            }
            try {
                methods.put(form.emit(), lookup.findVirtual(owner, form.emit(), type)
                        .asType(MethodType.methodType(void.class, Object.class, Emitter.class)));
            } catch (ReflectiveOperationException ex) {
                if (complete) {
                    throw new IllegalStateException("x86.isa: " + form.name() + " emits '" + form.emit()
                            + "', which " + owner.getSimpleName() + " does not declare", ex);
                }
            }
        }
        return Map.copyOf(methods);
    }
}
