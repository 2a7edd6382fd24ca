package dev.mimic.x86.translate;

import dev.mimic.backend.exec.DecodeRequest;
import dev.mimic.backend.exec.GuestFault;
import dev.mimic.backend.ir.Region;
import dev.mimic.backend.ir.RegionBuilder;
import dev.mimic.backend.memory.GuestMemory;
import dev.mimic.x86.decode.DecodedInsn;
import dev.mimic.x86.decode.OpForm;
import dev.mimic.x86.decode.X86Decoder;
import dev.mimic.x86.decode.X86Isa;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.HashMap;
import java.util.Map;

/**
 * Translates x86 code into IR regions: decodes instructions one after another and has
 * {@link X86Semantics} emit each. A region is a straight line that may leave at every conditional
 * branch (a superblock); it ends at an unconditional transfer, a trap, an undecodable or unfetchable
 * instruction, or the engine's limits. A branch back to the region's first instruction stays inside
 * it as a loop.
 */
public final class X86Translator {
    /** Longest region, in instructions: long regions would exceed what the JIT compiles. */
    public static final int MAX_INSTRUCTIONS = 64;

    private static final Map<String, MethodHandle> SEMANTICS = semantics();
    private static final X86Semantics INSTANCE = new X86Semantics();

    private final X86Decoder decoder = new X86Decoder(X86Isa.get());
    private final boolean flatSegments;

    /** @param flatSegments true when only FS and GS may have a non-zero base (Linux user mode) */
    public X86Translator(boolean flatSegments) {
        this.flatSegments = flatSegments;
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
        RegionBuilder b = new RegionBuilder(String.format("x86@%08x", pc), pc);
        Emitter e = new Emitter(b, pc, flatSegments);
        long at = pc;
        int limit = Math.min(request.maxInstructions(), MAX_INSTRUCTIONS);
        for (int n = 0; ; n++) {
            if (n >= limit || request.mustStopBefore(at, n)) {
                e.jump(at);
                break;
            }
            DecodedInsn insn;
            try {
                insn = decoder.decode(memory::load8, at, true);
            } catch (GuestFault f) {
                if (n == 0) {
                    throw f;
                }
                e.jump(at);
                break;
            }
            b.coverCode(at, insn.next());
            e.begin(insn);
            emit(insn.form(), e);
            at = insn.next() & 0xFFFF_FFFFL;
            if (e.ended()) {
                break;
            }
        }
        return b.build();
    }

    private static void emit(OpForm form, Emitter e) {
        try {
            SEMANTICS.get(form.emit()).invokeExact(INSTANCE, e);
        } catch (RuntimeException | Error ex) {
            throw ex;
        } catch (Throwable t) {
            throw new IllegalStateException(form.name() + ": " + t, t);
        }
    }

    /** The semantics method of every {@code emit} name in the table, checked once at class load. */
    private static Map<String, MethodHandle> semantics() {
        Map<String, MethodHandle> methods = new HashMap<>();
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        MethodType type = MethodType.methodType(void.class, Emitter.class);
        for (OpForm form : X86Isa.get().forms()) {
            methods.computeIfAbsent(form.emit(), name -> {
                try {
                    return lookup.findVirtual(X86Semantics.class, name, type)
                            .asType(MethodType.methodType(void.class, X86Semantics.class, Emitter.class));
                } catch (ReflectiveOperationException ex) {
                    throw new IllegalStateException("x86.isa: " + form.name() + " emits '" + name
                            + "', which X86Semantics does not declare", ex);
                }
            });
        }
        return Map.copyOf(methods);
    }
}
