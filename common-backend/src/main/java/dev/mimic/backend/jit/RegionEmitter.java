package dev.mimic.backend.jit;

import dev.mimic.backend.exec.CallTarget;
import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.exec.RegionCode;
import dev.mimic.backend.ir.ArrayKind;
import dev.mimic.backend.ir.Block;
import dev.mimic.backend.ir.Effect;
import dev.mimic.backend.ir.FieldRef;
import dev.mimic.backend.ir.Helper;
import dev.mimic.backend.ir.Insn;
import dev.mimic.backend.ir.ManagedType;
import dev.mimic.backend.ir.MemoryAccess;
import dev.mimic.backend.ir.Op;
import dev.mimic.backend.ir.Region;
import dev.mimic.backend.ir.Type;
import dev.mimic.backend.state.Slot;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import static org.objectweb.asm.Opcodes.*;

/**
 * Lowers one {@link Region} to the bytes of a class extending {@link CompiledRegion}.
 *
 * <p>The region body becomes one static method {@code invoke}: {@code (ExecutionContext)int}
 * returning the run status for dispatchable regions, {@code (ExecutionContext, params...)result}
 * for called regions (see {@link RegionExit} for their other outcomes). Temporaries are typed JVM
 * locals, blocks are labels, guest loops are JVM loops. Three pieces of machine state live in
 * locals while the method runs and are written back where anyone else could look:
 * <ul>
 *   <li>the instruction count ({@code ic}, the value of {@link ExecutionContext#instructions}),
 *   <li>every state slot the region reads or writes (written back if the region writes it),
 *   <li>{@link ExecutionContext#memory}.
 * </ul>
 * All three are written back at exits and yields. Before a CALL the count and the written slots
 * are flushed, and everything is reloaded after it; a HELPER flushes the count if it takes the
 * context, the written slots if it declares {@link Effect#READS_STATE} or
 * {@link Effect#WRITES_STATE}, and reloads the slots after it if it declares the latter. Faults are
 * made precise by two catch-all handlers: code that holds state in locals is covered by the
 * <em>local</em> handler, which writes everything back; the call instructions of CALL and
 * state-writing HELPERs are covered by the <em>synced</em> handler, which must not (the callee may
 * have changed state and counted instructions since). Managed exceptions go to the block's handler
 * block through stubs of the same two kinds.
 *
 * <p>Constants that are objects (REF constants, {@link ManagedType}s, {@link CallTarget}s) are the
 * class data of the hidden class and are loaded with {@code ldc} of a dynamic constant bootstrapped
 * by {@link MethodHandles#classDataAt}, so HotSpot treats them as true constants.
 */
final class RegionEmitter {
    /** The output: class bytes, its class data, and the type of the typed entry (null for dispatchable regions). */
    record Output(byte[] bytes, List<Object> classData, MethodType entryType) {
    }

    private static final String CTX = "dev/mimic/backend/exec/ExecutionContext";
    private static final String CTX_DESC = "L" + CTX + ";";
    private static final String STATE = "dev/mimic/backend/state/GuestState";
    private static final String MEMORY = "dev/mimic/backend/memory/GuestMemory";
    private static final String OBJECT_DESC = "Ljava/lang/Object;";
    private static final String SUPER = "dev/mimic/backend/jit/CompiledRegion";
    private static final String RUNTIME = "dev/mimic/backend/jit/JitRuntime";
    private static final String EXIT = "dev/mimic/backend/jit/RegionExit";
    private static final String THROW = "dev/mimic/backend/exec/GuestThrow";
    private static final String ARRAYS = "dev/mimic/backend/ir/ManagedArrays";
    private static final String MANAGED_OBJECT = "dev/mimic/backend/ir/ManagedObject";
    private static final String MANAGED_TYPE = "dev/mimic/backend/ir/ManagedType";
    private static final Handle CLASS_DATA_AT = new Handle(H_INVOKESTATIC, "java/lang/invoke/MethodHandles", "classDataAt",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;I)Ljava/lang/Object;", false);
    private static final Handle CALL_BOOTSTRAP = new Handle(H_INVOKESTATIC, "dev/mimic/backend/jit/GuestCallSite", "bootstrap",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
                    + "Ldev/mimic/backend/exec/CallTarget;)Ljava/lang/invoke/CallSite;", false);
    /** JVM local slots available to parameters of a static method. */
    private static final int MAX_PARAMETER_SLOTS = 254;

    /** A state slot held in a JVM local. */
    private record CachedSlot(Slot slot, int local, boolean dirty) {
    }

    /** A stretch of one block's code, covered by the local or the synced handlers. */
    private record Segment(LabelNode start, LabelNode end, int block, boolean synced, boolean call) {
    }

    private final Region region;
    private final boolean dispatchable;
    private final String className;
    private final MethodNode mv;
    private final List<Object> classData = new ArrayList<>();
    private final LocalPlan plan;
    private final TreeMap<Integer, CachedSlot> slots = new TreeMap<>();
    private final LabelNode[] blockLabels;
    private final LabelNode[] yieldChecks;
    private final LabelNode[] pollChecks;
    private final LabelNode[] throwLocal;
    private final LabelNode[] throwSynced;
    private final List<Segment> segments = new ArrayList<>();
    private int nextCheckLocal = -1, pollLocal = -1, icLocal, insnPcLocal, exitPcLocal, statusLocal, returnLocal;
    private int memoryLocal = -1, caughtLocal = -1, wordsLocal = -1, floatsLocal = -1, refsLocal = -1;
    private int block;
    private LabelNode segmentStart;
    private boolean segmentSynced, segmentCall;
    private LabelNode exitTail, returnTail, regionExitStub;

    private RegionEmitter(Region region) {
        this.region = region;
        this.dispatchable = region.dispatchable();
        this.className = "dev/mimic/backend/jit/Region_" + sanitize(region.name());
        this.mv = new MethodNode(ASM9, ACC_PRIVATE | ACC_STATIC, "invoke", entryDescriptor(), null, null);
        int n = region.blocks().size();
        this.plan = new LocalPlan(region);
        this.blockLabels = new LabelNode[n];
        this.yieldChecks = new LabelNode[n];
        this.pollChecks = new LabelNode[n];
        this.throwLocal = new LabelNode[n];
        this.throwSynced = new LabelNode[n];
        for (int i = 0; i < n; i++) {
            blockLabels[i] = new LabelNode();
        }
    }

    /** Generates the class for {@code region}; throws {@link RegionTooLargeException} past the size limit. */
    static Output emit(Region region) {
        int parameterSlots = 0;
        for (int i = 0; i < region.paramCount(); i++) {
            parameterSlots += LocalPlan.size(region.tempType(i));
        }
        if (parameterSlots > MAX_PARAMETER_SLOTS) {
            throw new RegionTooLargeException(region.name(), -1, region.paramCount() + " parameters do not fit a JVM method");
        }
        return new RegionEmitter(region).emitClass();
    }

    private Output emitClass() {
        allocateLocals();
        prologue();
        if (yieldsOnEntry()) {
            jump(GOTO, yieldCheck(0));
        }
        for (Block b : region.blocks()) {
            if (plan.reachable(b.index())) {
                emitBlock(b);
            }
        }
        emitStubs();
        emitHandlers();
        LabelNode end = new LabelNode();
        mv.instructions.add(end);

        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                // Every reference local and every merged stack value is typed Object (specific
                // types are only used right after a checkcast or a getfield), so this is exact.
                return "java/lang/Object";
            }
        };
        cw.visit(V21, ACC_FINAL | ACC_SUPER, className, null, SUPER, null);
        cw.visitSource("region " + region.name(), null);
        emitConstructor(cw);
        emitRun(cw);
        mv.accept(cw);
        int codeBytes = end.getLabel().getOffset();
        if (codeBytes > Jit.MAX_CODE_BYTES) {
            throw new RegionTooLargeException(region.name(), codeBytes,
                    codeBytes + " bytes of bytecode, more than the " + Jit.MAX_CODE_BYTES + " allowed");
        }
        cw.visitEnd();
        return new Output(cw.toByteArray(), List.copyOf(classData), dispatchable ? null : entryType());
    }

    // ---- class shape ----

    private MethodType entryType() {
        List<Class<?>> params = new ArrayList<>();
        params.add(ExecutionContext.class);
        for (int i = 0; i < region.paramCount(); i++) {
            params.add(javaClass(region.tempType(i)));
        }
        Class<?> result = dispatchable ? int.class : region.returnType() == null ? void.class : javaClass(region.returnType());
        return MethodType.methodType(result, params);
    }

    private String entryDescriptor() {
        return entryType().toMethodDescriptorString();
    }

    private void emitConstructor(ClassWriter cw) {
        String desc = "(Ldev/mimic/backend/ir/Region;Ljava/lang/invoke/MethodHandle;)V";
        MethodVisitor c = cw.visitMethod(0, "<init>", desc, null, null);
        c.visitCode();
        c.visitVarInsn(ALOAD, 0);
        c.visitVarInsn(ALOAD, 1);
        c.visitVarInsn(ALOAD, 2);
        c.visitMethodInsn(INVOKESPECIAL, SUPER, "<init>", desc, false);
        c.visitInsn(RETURN);
        c.visitMaxs(0, 0);
        c.visitEnd();
    }

    /** {@code run(ctx, frame)}: unpacks parameters, calls {@code invoke}, packs the result as the interpreter does. */
    private void emitRun(ClassWriter cw) {
        MethodVisitor r = cw.visitMethod(ACC_PUBLIC | ACC_FINAL, "run",
                "(" + CTX_DESC + "Ldev/mimic/backend/exec/Frame;)I", null, null);
        r.visitCode();
        String frame = "dev/mimic/backend/exec/Frame";
        if (dispatchable) {
            r.visitVarInsn(ALOAD, 1);
            r.visitMethodInsn(INVOKESTATIC, className, "invoke", entryDescriptor(), false);
            r.visitInsn(IRETURN);
        } else {
            org.objectweb.asm.Label start = new org.objectweb.asm.Label();
            org.objectweb.asm.Label end = new org.objectweb.asm.Label();
            org.objectweb.asm.Label handler = new org.objectweb.asm.Label();
            r.visitTryCatchBlock(start, end, handler, EXIT);
            r.visitLabel(start);
            r.visitVarInsn(ALOAD, 1);
            for (int i = 0; i < region.paramCount(); i++) {
                Type t = region.tempType(i);
                r.visitVarInsn(ALOAD, 2);
                if (t == Type.REF) {
                    r.visitFieldInsn(GETFIELD, frame, "refs", "[Ljava/lang/Object;");
                    pushInt(r, i);
                    r.visitInsn(AALOAD);
                } else {
                    r.visitFieldInsn(GETFIELD, frame, "values", "[J");
                    pushInt(r, i);
                    r.visitInsn(LALOAD);
                    fromCell(r, t);
                }
            }
            r.visitMethodInsn(INVOKESTATIC, className, "invoke", entryDescriptor(), false);
            Type result = region.returnType();
            if (result != null) {
                // frame.result and frame.resultRef both change, as the interpreter copies both cells.
                if (result == Type.REF) {
                    r.visitVarInsn(ASTORE, 3);
                    r.visitVarInsn(ALOAD, 2);
                    r.visitVarInsn(ALOAD, 3);
                    r.visitFieldInsn(PUTFIELD, frame, "resultRef", OBJECT_DESC);
                    r.visitVarInsn(ALOAD, 2);
                    r.visitInsn(LCONST_0);
                } else {
                    toCell(r, result);
                    r.visitVarInsn(LSTORE, 3);
                    r.visitVarInsn(ALOAD, 2);
                    r.visitInsn(ACONST_NULL);
                    r.visitFieldInsn(PUTFIELD, frame, "resultRef", OBJECT_DESC);
                    r.visitVarInsn(ALOAD, 2);
                    r.visitVarInsn(LLOAD, 3);
                }
                r.visitFieldInsn(PUTFIELD, frame, "result", "J");
            }
            r.visitLabel(end);
            pushInt(r, RegionCode.RETURNED);
            r.visitInsn(IRETURN);
            r.visitLabel(handler);
            r.visitMethodInsn(INVOKEVIRTUAL, EXIT, "status", "()I", false);
            r.visitInsn(IRETURN);
        }
        r.visitMaxs(0, 0);
        r.visitEnd();
    }

    // ---- locals and prologue ----

    /** Reserves the method's own locals (they get the short encodings), then places the temporaries. */
    private void allocateLocals() {
        boolean memory = false, handlers = false;
        for (Block b : region.blocks()) {
            if (!plan.reachable(b.index())) {
                continue;
            }
            handlers |= b.handler() >= 0;
            for (Insn i : b.insns()) {
                memory |= i.op == Op.LOAD || i.op == Op.STORE;
                handlers |= i.op == Op.CAUGHT;
                if (i.op == Op.GET || i.op == Op.SET) {
                    Slot s = (Slot) i.aux;
                    CachedSlot c = slots.get(s.id());
                    int l = c == null ? plan.allocate(s.type()) : c.local();
                    slots.put(s.id(), new CachedSlot(s, l, (c != null && c.dirty()) || i.op == Op.SET));
                }
            }
        }
        icLocal = plan.allocate(Type.I64);
        if (region.yields() && (hasBackEdge() || yieldsOnEntry())) {
            nextCheckLocal = plan.allocate(Type.I64);
            pollLocal = plan.allocate(Type.I32);
        }
        insnPcLocal = plan.allocate(Type.I64);
        if (memory) {
            memoryLocal = plan.allocate(Type.REF);
        }
        for (CachedSlot c : slots.values()) {
            switch (c.slot().type()) {
                case I32, I64 -> wordsLocal = wordsLocal < 0 ? plan.allocate(Type.REF) : wordsLocal;
                case F64 -> floatsLocal = floatsLocal < 0 ? plan.allocate(Type.REF) : floatsLocal;
                case REF -> refsLocal = refsLocal < 0 ? plan.allocate(Type.REF) : refsLocal;
            }
        }
        exitPcLocal = plan.allocate(Type.I64);
        statusLocal = plan.allocate(Type.I32);
        returnLocal = region.returnType() == null ? -1 : plan.allocate(region.returnType());
        if (handlers) {
            caughtLocal = plan.allocate(Type.REF);
        }
        plan.placeTemps();
    }

    /** A called region built yielding checks on entry, through block 0's yield check. */
    private boolean yieldsOnEntry() {
        return region.yields() && !dispatchable;
    }

    private boolean hasBackEdge() {
        for (Block b : region.blocks()) {
            Insn t = b.terminator();
            if (plan.reachable(b.index()) && (t.op == Op.JUMP || t.op == Op.BRANCH)
                    && (t.imm <= b.index() || (t.op == Op.BRANCH && t.c <= b.index()))) {
                return true;
            }
        }
        return false;
    }

    private void prologue() {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, CTX, "instructions", "J");
        mv.visitVarInsn(LSTORE, icLocal);
        pushLong(-1);
        mv.visitVarInsn(LSTORE, insnPcLocal);
        if (nextCheckLocal >= 0) {
            // The first back-edge takes the slow path, so an interrupt already pending is seen there.
            mv.visitInsn(ICONST_0);
            mv.visitVarInsn(ISTORE, pollLocal);
            recheckSoon();
        }
        if (caughtLocal >= 0) {
            mv.visitInsn(ACONST_NULL);
            mv.visitVarInsn(ASTORE, caughtLocal);
        }
        stateArray(wordsLocal, "words", "[J");
        stateArray(floatsLocal, "floats", "[D");
        stateArray(refsLocal, "refs", "[Ljava/lang/Object;");
        reloadSlots();
        reloadMemory();
        // Temporaries read on some path before any write hold zero, as in a fresh interpreter frame.
        BitSet zeroed = plan.zeroed();
        for (int t = zeroed.nextSetBit(0); t >= 0; t = zeroed.nextSetBit(t + 1)) {
            switch (region.tempType(t)) {
                case I32 -> mv.visitInsn(ICONST_0);
                case I64 -> mv.visitInsn(LCONST_0);
                case F64 -> mv.visitInsn(DCONST_0);
                case REF -> mv.visitInsn(ACONST_NULL);
            }
            mv.visitVarInsn(storeOp(region.tempType(t)), plan.local(t));
        }
    }

    private void stateArray(int into, String field, String desc) {
        if (into >= 0) {
            mv.visitVarInsn(ALOAD, 0);
            mv.visitFieldInsn(GETFIELD, CTX, "state", "L" + STATE + ";");
            mv.visitFieldInsn(GETFIELD, STATE, field, desc);
            mv.visitVarInsn(ASTORE, into);
        }
    }

    // ---- syncing locals with the context ----

    /** Reloads the cached slots, which a callee or state-writing helper may have changed. */
    private void reloadSlots() {
        for (CachedSlot c : slots.values()) {
            Slot s = c.slot();
            mv.visitVarInsn(ALOAD, arrayLocal(s));
            pushInt(mv, s.cell());
            switch (s.type()) {
                case I32 -> {
                    mv.visitInsn(LALOAD);
                    mv.visitInsn(L2I);
                }
                case I64 -> mv.visitInsn(LALOAD);
                case F64 -> mv.visitInsn(DALOAD);
                case REF -> mv.visitInsn(AALOAD);
            }
            mv.visitVarInsn(storeOp(s.type()), c.local());
        }
    }

    /** Reloads the memory local: anything given the context may swap {@link ExecutionContext#memory}. */
    private void reloadMemory() {
        if (memoryLocal >= 0) {
            mv.visitVarInsn(ALOAD, 0);
            mv.visitFieldInsn(GETFIELD, CTX, "memory", "L" + MEMORY + ";");
            mv.visitVarInsn(ASTORE, memoryLocal);
        }
    }

    /** Writes the slots this region writes back to the guest state. */
    private void writeBack() {
        for (CachedSlot c : slots.values()) {
            if (!c.dirty()) {
                continue;
            }
            Slot s = c.slot();
            mv.visitVarInsn(ALOAD, arrayLocal(s));
            pushInt(mv, s.cell());
            mv.visitVarInsn(loadOp(s.type()), c.local());
            switch (s.type()) {
                case I32 -> {
                    mv.visitInsn(I2L);
                    mv.visitInsn(LASTORE);
                }
                case I64 -> mv.visitInsn(LASTORE);
                case F64 -> mv.visitInsn(DASTORE);
                case REF -> mv.visitInsn(AASTORE);
            }
        }
    }

    private int arrayLocal(Slot s) {
        return switch (s.type()) {
            case I32, I64 -> wordsLocal;
            case F64 -> floatsLocal;
            case REF -> refsLocal;
        };
    }

    /** Makes the next back-edge check the limit and interrupt in full (after code that may have changed them). */
    private void recheckSoon() {
        if (nextCheckLocal >= 0) {
            pushLong(Long.MIN_VALUE);
            mv.visitVarInsn(LSTORE, nextCheckLocal);
        }
    }

    private void flushCount() {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(LLOAD, icLocal);
        mv.visitFieldInsn(PUTFIELD, CTX, "instructions", "J");
    }

    private void reloadCount() {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, CTX, "instructions", "J");
        mv.visitVarInsn(LSTORE, icLocal);
    }

    // ---- blocks and segments ----

    private void emitBlock(Block b) {
        block = b.index();
        mv.instructions.add(blockLabels[block]);
        openSegment(false, false);
        for (Insn i : b.insns()) {
            if (!plan.skipped(i)) {
                emitInsn(i);
            }
        }
        closeSegment();
    }

    private void openSegment(boolean synced, boolean call) {
        segmentStart = new LabelNode();
        segmentSynced = synced;
        segmentCall = call;
        mv.instructions.add(segmentStart);
    }

    private void closeSegment() {
        LabelNode end = new LabelNode();
        mv.instructions.add(end);
        for (AbstractInsnNode n = segmentStart.getNext(); n != end; n = n.getNext()) {
            if (n.getOpcode() >= 0) {
                segments.add(new Segment(segmentStart, end, block, segmentSynced, segmentCall));
                return;
            }
        }
    }

    /** Emits an instruction that runs foreign code with the context already synced (CALL, state-writing HELPER). */
    private void synced(boolean call, Runnable invoke) {
        closeSegment();
        openSegment(true, call);
        invoke.run();
        closeSegment();
        openSegment(false, false);
    }

    /** Fills the try-catch table and emits the handlers, after all code they cover. */
    private void emitHandlers() {
        List<TryCatchBlockNode> specific = new ArrayList<>();
        List<TryCatchBlockNode> catchAll = new ArrayList<>();
        LabelNode localHandler = new LabelNode();
        LabelNode syncedHandler = new LabelNode();
        for (Segment s : segments) {
            int h = region.block(s.block()).handler();
            if (h >= 0) {
                specific.add(new TryCatchBlockNode(s.start(), s.end(), throwStub(h, s.synced()), THROW));
            }
            if (s.call() && dispatchable) {
                specific.add(new TryCatchBlockNode(s.start(), s.end(), regionExitStub(), EXIT));
            }
            catchAll.add(new TryCatchBlockNode(s.start(), s.end(), s.synced() ? syncedHandler : localHandler, null));
        }
        mv.tryCatchBlocks.addAll(specific);
        mv.tryCatchBlocks.addAll(catchAll);
        // Catch-all: write back what lives in locals (unless synced), make a guest fault precise,
        // rethrow. Each handler has its own tail: C1 refuses methods whose handler code is also
        // reached by falling through from other code.
        mv.instructions.add(localHandler);
        flushCount();
        writeBack();
        rethrowPrecise();
        if (segments.stream().anyMatch(Segment::synced)) {
            mv.instructions.add(syncedHandler);
            rethrowPrecise();
        }
        emitLateStubs();
    }

    private void rethrowPrecise() {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(LLOAD, insnPcLocal);
        pushLong(region.entryPc());
        mv.visitMethodInsn(INVOKESTATIC, RUNTIME, "fault",
                "(Ljava/lang/Throwable;" + CTX_DESC + "JJ)Ljava/lang/Throwable;", false);
        mv.visitInsn(ATHROW);
    }

    /** Takes the managed exception on the stack into the caught local and goes to handler block {@code h}. */
    private void enterHandlerBlock(int h) {
        mv.visitInsn(DUP);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(LLOAD, insnPcLocal);
        mv.visitMethodInsn(INVOKESTATIC, RUNTIME, "caught", "(Ljava/lang/Throwable;" + CTX_DESC + "J)V", false);
        mv.visitMethodInsn(INVOKEVIRTUAL, THROW, "exception", "()" + OBJECT_DESC, false);
        mv.visitVarInsn(ASTORE, caughtLocal);
        jump(GOTO, blockLabels[h]);
    }

    private LabelNode throwStub(int handlerBlock, boolean synced) {
        LabelNode[] stubs = synced ? throwSynced : throwLocal;
        if (stubs[handlerBlock] == null) {
            stubs[handlerBlock] = new LabelNode();
        }
        return stubs[handlerBlock];
    }

    private LabelNode regionExitStub() {
        if (regionExitStub == null) {
            regionExitStub = new LabelNode();
        }
        return regionExitStub;
    }

    /** The handler stubs of managed exceptions and callee exits, outside every covered range. */
    private void emitLateStubs() {
        for (int h = 0; h < throwLocal.length; h++) {
            if (throwSynced[h] != null) {
                mv.instructions.add(throwSynced[h]);
                reloadCount();
                reloadSlots();
                reloadMemory();
                recheckSoon();
                enterHandlerBlock(h);
            }
            if (throwLocal[h] != null) {
                mv.instructions.add(throwLocal[h]);
                enterHandlerBlock(h);
            }
        }
        if (regionExitStub != null) {
            mv.instructions.add(regionExitStub);
            mv.visitMethodInsn(INVOKEVIRTUAL, EXIT, "status", "()I", false);
            mv.visitInsn(IRETURN);
        }
    }

    /** Stubs reached by jumps from blocks: yield checks at back-edges and the exit tails. */
    private void emitStubs() {
        for (int t = 0; t < yieldChecks.length; t++) {
            if (pollChecks[t] == null && yieldChecks[t] == null) {
                continue;
            }
            LabelNode slow = new LabelNode(), yield = new LabelNode();
            if (pollChecks[t] != null) {
                mv.instructions.add(pollChecks[t]);
                mv.visitIincInsn(pollLocal, -1);
                mv.visitVarInsn(ILOAD, pollLocal);
                jump(IFLT, slow);
            }
            mv.instructions.add(yieldCheck(t));
            mv.visitVarInsn(LLOAD, icLocal);
            mv.visitVarInsn(LLOAD, nextCheckLocal);
            mv.visitInsn(LCMP);
            jump(IFLT, blockLabels[t]);
            mv.instructions.add(slow);
            mv.visitVarInsn(ALOAD, 0);
            mv.visitVarInsn(LLOAD, icLocal);
            mv.visitMethodInsn(INVOKESTATIC, RUNTIME, "shouldYield", "(" + CTX_DESC + "J)Z", false);
            jump(IFNE, yield);
            mv.visitVarInsn(ALOAD, 0);
            mv.visitVarInsn(LLOAD, icLocal);
            mv.visitMethodInsn(INVOKESTATIC, RUNTIME, "nextCheck", "(" + CTX_DESC + "J)J", false);
            mv.visitVarInsn(LSTORE, nextCheckLocal);
            pushInt(mv, JitRuntime.POLL_BACK_EDGES);
            mv.visitVarInsn(ISTORE, pollLocal);
            jump(GOTO, blockLabels[t]);
            mv.instructions.add(yield);
            pushLong(region.block(t).resumePc());
            mv.visitVarInsn(LSTORE, exitPcLocal);
            pushInt(mv, RegionCode.YIELDED);
            mv.visitVarInsn(ISTORE, statusLocal);
            jump(GOTO, exitTail());
        }
        if (exitTail != null) {
            mv.instructions.add(exitTail);
            writeBack();
            flushCount();
            mv.visitVarInsn(ALOAD, 0);
            mv.visitFieldInsn(GETFIELD, CTX, "state", "L" + STATE + ";");
            mv.visitVarInsn(LLOAD, exitPcLocal);
            mv.visitMethodInsn(INVOKEVIRTUAL, STATE, "setPc", "(J)V", false);
            if (dispatchable) {
                mv.visitVarInsn(ILOAD, statusLocal);
                mv.visitInsn(IRETURN);
            } else {
                mv.visitTypeInsn(NEW, EXIT);
                mv.visitInsn(DUP);
                mv.visitVarInsn(ILOAD, statusLocal);
                mv.visitMethodInsn(INVOKESPECIAL, EXIT, "<init>", "(I)V", false);
                mv.visitInsn(ATHROW);
            }
        }
        if (returnTail != null) {
            mv.instructions.add(returnTail);
            writeBack();
            flushCount();
            if (dispatchable) {
                pushInt(mv, RegionCode.RETURNED);
                mv.visitInsn(IRETURN);
            } else if (region.returnType() == null) {
                mv.visitInsn(RETURN);
            } else {
                mv.visitVarInsn(loadOp(region.returnType()), returnLocal);
                mv.visitInsn(IRETURN + shift(region.returnType()));
            }
        }
    }

    private LabelNode exitTail() {
        if (exitTail == null) {
            exitTail = new LabelNode();
        }
        return exitTail;
    }

    private LabelNode returnTail() {
        if (returnTail == null) {
            returnTail = new LabelNode();
        }
        return returnTail;
    }

    // ---- instructions ----

    private void emitInsn(Insn in) {
        switch (in.op) {
            case CONST -> {
                pushConstant(in);
                store(in);
            }
            case MOV -> {
                load(in.a);
                store(in);
            }
            case ADD -> arithmetic(in, IADD);
            case SUB -> arithmetic(in, ISUB);
            case MUL -> arithmetic(in, IMUL);
            case DIV -> division(in, IDIV, null);
            case REM -> division(in, IREM, null);
            case DIVU -> division(in, 0, "divideUnsigned");
            case REMU -> division(in, 0, "remainderUnsigned");
            case AND -> arithmetic(in, IAND);
            case OR -> arithmetic(in, IOR);
            case XOR -> arithmetic(in, IXOR);
            case SHL -> shiftOp(in, ISHL);
            case SHR -> shiftOp(in, IUSHR);
            case SAR -> shiftOp(in, ISHR);
            case NEG -> {
                load(in.a);
                mv.visitInsn(INEG + shift(in.type));
                store(in);
            }
            case NOT -> {
                load(in.a);
                if (in.type == Type.I32) {
                    mv.visitInsn(ICONST_M1);
                    mv.visitInsn(IXOR);
                } else {
                    pushLong(-1);
                    mv.visitInsn(LXOR);
                }
                store(in);
            }
            case EQ, NE, LT, LE, LTU, LEU -> {
                compare(in);
                store(in);
            }
            case SELECT -> {
                LabelNode otherwise = new LabelNode(), done = new LabelNode();
                load(in.c);
                jump(IFEQ, otherwise);
                load(in.a);
                jump(GOTO, done);
                mv.instructions.add(otherwise);
                load(in.b);
                mv.instructions.add(done);
                store(in);
            }
            case SEXT, ZEXT -> extend(in);
            case CONVERT -> {
                load(in.a);
                convert((Type) in.aux, in.type, in.imm != 0);
                store(in);
            }
            case BITCAST -> {
                load(in.a);
                if (in.type == Type.I64) {
                    mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
                } else {
                    mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
                }
                store(in);
            }
            case LOAD -> memoryLoad(in);
            case STORE -> memoryStore(in);
            case GET -> {
                CachedSlot c = slots.get(((Slot) in.aux).id());
                mv.visitVarInsn(loadOp(in.type), c.local());
                store(in);
            }
            case SET -> {
                CachedSlot c = slots.get(((Slot) in.aux).id());
                load(in.a);
                mv.visitVarInsn(storeOp(in.type), c.local());
            }
            case HELPER -> helper(in);
            case INSN -> {
                mv.visitVarInsn(LLOAD, icLocal);
                mv.visitInsn(LCONST_1);
                mv.visitInsn(LADD);
                mv.visitVarInsn(LSTORE, icLocal);
                pushLong(in.imm);
                mv.visitVarInsn(LSTORE, insnPcLocal);
            }
            case NEW -> {
                mv.visitTypeInsn(NEW, MANAGED_OBJECT);
                mv.visitInsn(DUP);
                constant(in.aux, "L" + MANAGED_TYPE + ";");
                mv.visitMethodInsn(INVOKESPECIAL, MANAGED_OBJECT, "<init>", "(L" + MANAGED_TYPE + ";)V", false);
                store(in);
            }
            case GETFIELD -> {
                field(in);
                if (in.type == Type.REF) {
                    mv.visitInsn(AALOAD);
                } else {
                    mv.visitInsn(LALOAD);
                    fromCell(mv, in.type);
                }
                store(in);
            }
            case PUTFIELD -> {
                field(in);
                load(in.b);
                if (in.type == Type.REF) {
                    mv.visitInsn(AASTORE);
                } else {
                    toCell(mv, in.type);
                    mv.visitInsn(LASTORE);
                }
            }
            case NEWARRAY -> {
                mv.visitFieldInsn(GETSTATIC, "dev/mimic/backend/ir/ArrayKind", ((ArrayKind) in.aux).name(),
                        "Ldev/mimic/backend/ir/ArrayKind;");
                load(in.a);
                mv.visitMethodInsn(INVOKESTATIC, ARRAYS, "create", "(Ldev/mimic/backend/ir/ArrayKind;I)" + OBJECT_DESC, false);
                store(in);
            }
            case ALOAD -> {
                ArrayKind kind = (ArrayKind) in.aux;
                arrayElement(in, kind);
                mv.visitInsn(arrayOpcode(kind, IALOAD));
                store(in);
            }
            case ASTORE -> {
                ArrayKind kind = (ArrayKind) in.aux;
                arrayElement(in, kind);
                load(in.c);
                mv.visitInsn(arrayOpcode(kind, IASTORE));
            }
            case ALENGTH -> {
                load(in.a);
                mv.visitMethodInsn(INVOKESTATIC, ARRAYS, "length", "(" + OBJECT_DESC + ")I", false);
                store(in);
            }
            case INSTANCEOF -> {
                constant(in.aux, "L" + MANAGED_TYPE + ";");
                load(in.a);
                mv.visitMethodInsn(INVOKEVIRTUAL, MANAGED_TYPE, "isInstance", "(" + OBJECT_DESC + ")Z", false);
                store(in);
            }
            case CAUGHT -> {
                mv.visitVarInsn(ALOAD, caughtLocal);
                store(in);
            }
            case CALL -> call(in);
            case THROW -> {
                mv.visitTypeInsn(NEW, THROW);
                mv.visitInsn(DUP);
                load(in.a);
                mv.visitMethodInsn(INVOKESPECIAL, THROW, "<init>", "(" + OBJECT_DESC + ")V", false);
                mv.visitInsn(ATHROW);
            }
            case JUMP -> edge((int) in.imm, true);
            case BRANCH -> {
                LabelNode otherwise = new LabelNode();
                load(in.a);
                jump(IFEQ, otherwise);
                edge((int) in.imm, false);
                mv.instructions.add(otherwise);
                edge(in.c, true);
            }
            case EXIT, STOP -> {
                if (in.op == Op.STOP) {
                    mv.visitVarInsn(ALOAD, 0);
                    pushInt(mv, (int) in.imm);
                    mv.visitFieldInsn(PUTFIELD, CTX, "stopCode", "I");
                }
                load(in.a);
                if (region.tempType(in.a) == Type.I32) {
                    mv.visitInsn(I2L);
                }
                mv.visitVarInsn(LSTORE, exitPcLocal);
                pushInt(mv, in.op == Op.STOP ? RegionCode.STOPPED : (int) in.imm);
                mv.visitVarInsn(ISTORE, statusLocal);
                jump(GOTO, exitTail());
            }
            case RETURN -> {
                if (in.a >= 0 && returnLocal >= 0) {
                    load(in.a);
                    mv.visitVarInsn(storeOp(region.returnType()), returnLocal);
                }
                jump(GOTO, returnTail());
            }
        }
    }

    /**
     * Goes to block {@code to}; a back-edge in a dispatchable region goes through a yield check.
     * The check compares the instruction count with {@code nextCheck}, the smaller of the limit and
     * the next interrupt poll, so the limit is exact and an interrupt is seen within
     * {@link JitRuntime#POLL_INSTRUCTIONS}. A loop that may count no instruction per iteration
     * (neither this block nor, if nothing can leave it midway, the target has an INSN) also counts
     * down {@link JitRuntime#POLL_BACK_EDGES} back-edges between polls.
     */
    private void edge(int to, boolean last) {
        if (region.yields() && to <= block) {
            if (counts(region.block(block)) || (counts(region.block(to)) && region.block(to).handler() < 0)) {
                jump(GOTO, yieldCheck(to));
            } else {
                if (pollChecks[to] == null) {
                    pollChecks[to] = new LabelNode();
                }
                jump(GOTO, pollChecks[to]);
            }
        } else if (!(last && to == nextEmitted(block))) {
            jump(GOTO, blockLabels[to]);
        }
    }

    private static boolean counts(Block b) {
        return b.insns().stream().anyMatch(i -> i.op == Op.INSN);
    }

    private LabelNode yieldCheck(int block) {
        if (yieldChecks[block] == null) {
            yieldChecks[block] = new LabelNode();
        }
        return yieldChecks[block];
    }

    private int nextEmitted(int after) {
        for (int k = after + 1; k < blockLabels.length; k++) {
            if (plan.reachable(k)) {
                return k;
            }
        }
        return -1;
    }

    private void arithmetic(Insn in, int intOpcode) {
        load(in.a);
        load(in.b);
        mv.visitInsn(intOpcode + shift(in.type));
        store(in);
    }

    /** DIV, REM (opcode) or DIVU, REMU (method of Integer/Long); integer divisors are checked for zero. */
    private void division(Insn in, int intOpcode, String unsigned) {
        load(in.a);
        load(in.b);
        if (in.type != Type.F64) {
            String d = in.type == Type.I32 ? "I" : "J";
            mv.visitMethodInsn(INVOKESTATIC, RUNTIME, "divisor", "(" + d + ")" + d, false);
        }
        if (unsigned == null) {
            mv.visitInsn(intOpcode + shift(in.type));
        } else {
            String d = in.type == Type.I32 ? "I" : "J";
            mv.visitMethodInsn(INVOKESTATIC, in.type == Type.I32 ? "java/lang/Integer" : "java/lang/Long",
                    unsigned, "(" + d + d + ")" + d, false);
        }
        store(in);
    }

    /** Shifts by the count modulo the width, which is what the JVM's shifts do. */
    private void shiftOp(Insn in, int intOpcode) {
        load(in.a);
        load(in.b);
        if (in.type == Type.I64) {
            mv.visitInsn(L2I);
        }
        mv.visitInsn(intOpcode + shift(in.type));
        store(in);
    }

    /** Pushes the I32 truth value of a comparison. */
    private void compare(Insn in) {
        load(in.a);
        load(in.b);
        int jump = switch (in.type) {
            case I32 -> switch (in.op) {
                case EQ -> IF_ICMPEQ;
                case NE -> IF_ICMPNE;
                case LT -> IF_ICMPLT;
                case LE -> IF_ICMPLE;
                default -> {
                    mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "compareUnsigned", "(II)I", false);
                    yield in.op == Op.LTU ? IFLT : IFLE;
                }
            };
            case I64 -> {
                if (in.op == Op.LTU || in.op == Op.LEU) {
                    mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "compareUnsigned", "(JJ)I", false);
                } else {
                    mv.visitInsn(LCMP);
                }
                yield signJump(in.op);
            }
            case F64 -> {
                // dcmpg gives 1 on NaN so LT/LE are false; dcmpl gives -1 so EQ is false, NE true.
                mv.visitInsn(in.op == Op.LT || in.op == Op.LE ? DCMPG : DCMPL);
                yield signJump(in.op);
            }
            case REF -> in.op == Op.EQ ? IF_ACMPEQ : IF_ACMPNE;
        };
        LabelNode yes = new LabelNode(), done = new LabelNode();
        jump(jump, yes);
        mv.visitInsn(ICONST_0);
        jump(GOTO, done);
        mv.instructions.add(yes);
        mv.visitInsn(ICONST_1);
        mv.instructions.add(done);
    }

    private static int signJump(Op op) {
        return switch (op) {
            case EQ -> IFEQ;
            case NE -> IFNE;
            case LT, LTU -> IFLT;
            default -> IFLE;
        };
    }

    private void extend(Insn in) {
        load(in.a);
        int bits = (int) in.imm;
        if (in.op == Op.SEXT) {
            int s = (in.type == Type.I32 ? 32 : 64) - bits;
            pushInt(mv, s);
            mv.visitInsn(ISHL + shift(in.type));
            pushInt(mv, s);
            mv.visitInsn(ISHR + shift(in.type));
        } else if (in.type == Type.I32) {
            pushInt(mv, (int) ((1L << bits) - 1));
            mv.visitInsn(IAND);
        } else {
            pushLong((1L << bits) - 1);
            mv.visitInsn(LAND);
        }
        store(in);
    }

    /** CONVERT, exactly as the interpreter specialises it. */
    private void convert(Type from, Type to, boolean unsigned) {
        if (to == Type.F64) {
            mv.visitInsn(from == Type.I32 ? I2D : L2D);
        } else if (from == Type.F64) {
            mv.visitInsn(to == Type.I32 ? D2I : D2L);
        } else if (to == Type.I32) {
            mv.visitInsn(L2I);
        } else {
            mv.visitInsn(I2L);
            if (unsigned) {
                pushLong(0xFFFF_FFFFL);
                mv.visitInsn(LAND);
            }
        }
    }

    private void address(int temp) {
        load(temp);
        if (region.tempType(temp) == Type.I32) {
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "toUnsignedLong", "(I)J", false);
        }
    }

    private void memoryLoad(Insn in) {
        MemoryAccess m = (MemoryAccess) in.aux;
        mv.visitVarInsn(ALOAD, memoryLocal);
        address(in.a);
        if (m.bytes() == 8) {
            mv.visitMethodInsn(INVOKEVIRTUAL, MEMORY, "load64", "(J)J", false);
            if (in.type == Type.F64) {
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
            }
        } else {
            mv.visitMethodInsn(INVOKEVIRTUAL, MEMORY, "load" + m.bytes() * 8, "(J)I", false);
            if (m.signed() && m.bytes() == 1) {
                mv.visitInsn(I2B);
            } else if (m.signed() && m.bytes() == 2) {
                mv.visitInsn(I2S);
            }
            if (in.type == Type.I64) {
                mv.visitInsn(I2L);
                if (m.bytes() == 4 && !m.signed()) {
                    pushLong(0xFFFF_FFFFL);
                    mv.visitInsn(LAND);
                }
            }
        }
        store(in);
    }

    private void memoryStore(Insn in) {
        MemoryAccess m = (MemoryAccess) in.aux;
        mv.visitVarInsn(ALOAD, memoryLocal);
        address(in.a);
        load(in.b);
        if (m.bytes() == 8) {
            if (in.type == Type.F64) {
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
            }
            mv.visitMethodInsn(INVOKEVIRTUAL, MEMORY, "store64", "(JJ)V", false);
        } else {
            if (in.type == Type.I64) {
                mv.visitInsn(L2I);
            }
            mv.visitMethodInsn(INVOKEVIRTUAL, MEMORY, "store" + m.bytes() * 8, "(JI)V", false);
        }
    }

    /** Pushes the cell array of a field op's object (null faults) and the cell index. */
    private void field(Insn in) {
        FieldRef f = (FieldRef) in.aux;
        load(in.a);
        mv.visitMethodInsn(INVOKESTATIC, RUNTIME, "object", "(" + OBJECT_DESC + ")L" + MANAGED_OBJECT + ";", false);
        if (f.type() == Type.REF) {
            mv.visitFieldInsn(GETFIELD, MANAGED_OBJECT, "references", "[Ljava/lang/Object;");
        } else {
            mv.visitFieldInsn(GETFIELD, MANAGED_OBJECT, "primitives", "[J");
        }
        pushInt(mv, f.index());
    }

    /** Pushes the typed array and the checked index of an ALOAD/ASTORE (null and bounds fault as in ManagedArrays). */
    private void arrayElement(Insn in, ArrayKind kind) {
        load(in.a);
        mv.visitTypeInsn(CHECKCAST, org.objectweb.asm.Type.getInternalName(kind.arrayClass()));
        load(in.a);
        load(in.b);
        mv.visitMethodInsn(INVOKESTATIC, ARRAYS, "checkIndex", "(" + OBJECT_DESC + "I)I", false);
    }

    private static int arrayOpcode(ArrayKind kind, int intOpcode) {
        // xALOAD and xASTORE are laid out I, L, F, D, A, B, C, S from IALOAD/IASTORE.
        return intOpcode + switch (kind) {
            case I32 -> 0;
            case I64 -> 1;
            case F64 -> 3;
            case REF -> 4;
            case I8 -> 5;
            case U16 -> 6;
            case I16 -> 7;
        };
    }

    private void helper(Insn in) {
        Helper h = (Helper) in.aux;
        Set<Effect> effects = h.effects();
        boolean writes = effects.contains(Effect.WRITES_STATE);
        if (h.takesContext()) {
            flushCount();
        }
        if (writes || effects.contains(Effect.READS_STATE)) {
            writeBack();
        }
        Method m = h.method();
        Class<?>[] params = m.getParameterTypes();
        int first = h.takesContext() ? 1 : 0;
        if (h.takesContext()) {
            mv.visitVarInsn(ALOAD, 0);
        }
        for (int k = 0; k < in.argCount(); k++) {
            load(in.arg(k));
            Class<?> p = params[first + k];
            if (!p.isPrimitive() && p != Object.class) {
                mv.visitTypeInsn(CHECKCAST, org.objectweb.asm.Type.getInternalName(p));
            }
        }
        Runnable invoke = () -> mv.visitMethodInsn(INVOKESTATIC, org.objectweb.asm.Type.getInternalName(m.getDeclaringClass()),
                m.getName(), org.objectweb.asm.Type.getMethodDescriptor(m), m.getDeclaringClass().isInterface());
        if (writes) {
            synced(false, invoke);
        } else {
            invoke.run();
        }
        result(in, h.returnType());
        if (writes) {
            reloadSlots();
        }
        if (h.takesContext()) {
            reloadMemory();
            recheckSoon();
        }
    }

    private void call(Insn in) {
        flushCount();
        writeBack();
        StringBuilder desc = new StringBuilder("(").append(CTX_DESC);
        mv.visitVarInsn(ALOAD, 0);
        for (int k = 0; k < in.argCount(); k++) {
            load(in.arg(k));
            desc.append(descriptor(region.tempType(in.arg(k))));
        }
        desc.append(')').append(in.type == null ? "V" : descriptor(in.type));
        ConstantDynamic target = constantDynamic(in.aux, "Ldev/mimic/backend/exec/CallTarget;");
        synced(true, () -> mv.visitInvokeDynamicInsn("call", desc.toString(), CALL_BOOTSTRAP, target));
        result(in, in.type);
        reloadCount();
        reloadSlots();
        reloadMemory();
        recheckSoon();
    }

    private void result(Insn in, Type type) {
        if (type == null) {
            return;
        }
        if (in.dst >= 0) {
            store(in);
        } else {
            mv.visitInsn(LocalPlan.size(type) == 2 ? POP2 : POP);
        }
    }

    // ---- small emitters ----

    private void load(int temp) {
        Insn c = plan.constant(temp);
        if (c != null) {
            pushConstant(c);
        } else {
            mv.visitVarInsn(loadOp(region.tempType(temp)), plan.local(temp));
        }
    }

    /** Stores the value on the stack where {@code in}'s result lives. */
    private void store(Insn in) {
        int temp = plan.target(in);
        mv.visitVarInsn(storeOp(region.tempType(temp)), plan.local(temp));
    }

    private void jump(int opcode, LabelNode to) {
        mv.instructions.add(new JumpInsnNode(opcode, to));
    }

    private void pushConstant(Insn in) {
        switch (in.type) {
            case I32 -> pushInt(mv, (int) in.imm);
            case I64 -> pushLong(in.imm);
            case F64 -> pushDouble(in.imm);
            case REF -> constant(in.aux, OBJECT_DESC);
        }
    }

    private void constant(Object value, String descriptor) {
        if (value == null) {
            mv.visitInsn(ACONST_NULL);
        } else {
            mv.visitLdcInsn(constantDynamic(value, descriptor));
        }
    }

    private ConstantDynamic constantDynamic(Object value, String descriptor) {
        int index = -1;
        for (int i = 0; i < classData.size(); i++) {
            if (classData.get(i) == value) {
                index = i;
            }
        }
        if (index < 0) {
            index = classData.size();
            classData.add(value);
        }
        return new ConstantDynamic("_", descriptor, CLASS_DATA_AT, index);
    }

    private void pushLong(long v) {
        if (v == 0 || v == 1) {
            mv.visitInsn(LCONST_0 + (int) v);
        } else {
            mv.visitLdcInsn(v);
        }
    }

    private void pushDouble(long bits) {
        if (bits == 0) {
            mv.visitInsn(DCONST_0);
        } else if (bits == Double.doubleToRawLongBits(1.0)) {
            mv.visitInsn(DCONST_1);
        } else {
            mv.visitLdcInsn(Double.longBitsToDouble(bits));
        }
    }

    private static void pushInt(MethodVisitor mv, int v) {
        if (v >= -1 && v <= 5) {
            mv.visitInsn(ICONST_0 + v);
        } else if (v == (byte) v) {
            mv.visitIntInsn(BIPUSH, v);
        } else if (v == (short) v) {
            mv.visitIntInsn(SIPUSH, v);
        } else {
            mv.visitLdcInsn(v);
        }
    }

    /** Converts a 64-bit cell (I32 sign-extended, F64 raw bits) on the stack to a typed value. */
    private static void fromCell(MethodVisitor mv, Type t) {
        if (t == Type.I32) {
            mv.visitInsn(L2I);
        } else if (t == Type.F64) {
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
        }
    }

    /** Converts a typed value on the stack to its 64-bit cell. */
    private static void toCell(MethodVisitor mv, Type t) {
        if (t == Type.I32) {
            mv.visitInsn(I2L);
        } else if (t == Type.F64) {
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
        }
    }

    /** Offset of a type's variant from the int variant of xLOAD, xSTORE, xRETURN and the arithmetic opcodes. */
    private static int shift(Type t) {
        return switch (t) {
            case I32 -> 0;
            case I64 -> 1;
            case F64 -> 3;
            case REF -> 4;
        };
    }

    private static int loadOp(Type t) {
        return ILOAD + shift(t);
    }

    private static int storeOp(Type t) {
        return ISTORE + shift(t);
    }

    private static String descriptor(Type t) {
        return switch (t) {
            case I32 -> "I";
            case I64 -> "J";
            case F64 -> "D";
            case REF -> OBJECT_DESC;
        };
    }

    private static Class<?> javaClass(Type t) {
        return switch (t) {
            case I32 -> int.class;
            case I64 -> long.class;
            case F64 -> double.class;
            case REF -> Object.class;
        };
    }

    private static String sanitize(String name) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < name.length() && s.length() < 48; i++) {
            char c = name.charAt(i);
            s.append(Character.isLetterOrDigit(c) && c < 128 ? c : '_');
        }
        return s.toString();
    }
}
