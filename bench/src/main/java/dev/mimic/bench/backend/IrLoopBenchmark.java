package dev.mimic.bench.backend;

import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.exec.Frame;
import dev.mimic.backend.exec.RegionCode;
import dev.mimic.backend.interp.InterpretedCode;
import dev.mimic.backend.ir.MemoryAccess;
import dev.mimic.backend.ir.Op;
import dev.mimic.backend.ir.Region;
import dev.mimic.backend.ir.RegionBuilder;
import dev.mimic.backend.ir.Temp;
import dev.mimic.backend.ir.Type;
import dev.mimic.backend.jit.Jit;
import dev.mimic.backend.memory.FlatMemory;
import dev.mimic.backend.state.GuestState;
import dev.mimic.backend.state.Slot;
import dev.mimic.backend.state.StateLayout;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;

/**
 * One checksum-and-update loop over a 64 KiB buffer three ways: as an IR region run by the
 * interpreter, the same region compiled by the JIT, and written directly in Java over a byte[]
 * with little-endian VarHandles (the anchor). Each iteration loads a 32-bit word, folds it into a
 * running checksum and stores a word derived from both, the shape of a guest's inner loop. The
 * region keeps its index and checksum in state slots, as a register machine's frontend would.
 *
 * <p>Scores are IR ops per second (the Java variant is credited with the same count), so the
 * ratio of two scores is the ratio of their times.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IrLoopBenchmark {
    static final int SIZE = 64 * 1024;
    static final int PASSES = 16;
    /** IR ops in one iteration of the inner loop block (see {@link #region}). */
    static final int OPS_PER_ITERATION = 20;
    /** IR ops per pass outside the inner loop: the pass block. */
    static final int OPS_PER_PASS = 9;
    /** IR ops per run: the passes, plus the entry block (5) and the exit block (2). */
    static final int OPS = PASSES * (SIZE / 4 * OPS_PER_ITERATION + OPS_PER_PASS) + 7;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private static final StateLayout LAYOUT;
    private static final Slot INDEX;
    private static final Slot SUM;
    private static final Slot PASS;

    static {
        StateLayout.Builder b = StateLayout.builder("pc");
        b.add("pc", Type.I64);
        INDEX = b.add("index", Type.I64);
        SUM = b.add("sum", Type.I32);
        PASS = b.add("pass", Type.I32);
        LAYOUT = b.build();
    }

    private ExecutionContext ctx;
    private Frame frame;
    private RegionCode interpreted;
    private RegionCode compiled;
    private byte[] bytes;

    /**
     * The benchmark region. Block 1 is the inner loop, {@value #OPS_PER_ITERATION} ops:
     * insn, 2 get, load, const, mul, add, const, shr, xor, const, add, store, set, const, add, set,
     * const, ltu, branch.
     */
    static Region region() {
        RegionBuilder b = new RegionBuilder("checksum", 0x1000);
        int loop = b.newBlock();
        int pass = b.newBlock();
        int done = b.newBlock();
        b.set(INDEX, b.i64(0));
        b.set(PASS, b.i32(PASSES));
        b.jump(loop);

        b.switchTo(loop).resumeAt(0x1004);
        b.insn(0x1004);
        Temp i = b.get(INDEX);
        Temp sum = b.get(SUM);
        Temp v = b.load(MemoryAccess.S32, Type.I32, i);
        Temp next = b.add(b.mul(sum, b.i32(31)), v);
        Temp mixed = b.binary(Op.XOR, v, b.binary(Op.SHR, next, b.i32(7)));
        b.store(MemoryAccess.U32, i, b.add(mixed, b.i32(1)));
        b.set(SUM, next);
        Temp i4 = b.add(i, b.i64(4));
        b.set(INDEX, i4);
        b.branch(b.binary(Op.LTU, i4, b.i64(SIZE)), loop, pass);

        b.switchTo(pass).resumeAt(0x1008);
        Temp left = b.sub(b.get(PASS), b.i32(1));
        b.set(PASS, left);
        b.set(INDEX, b.i64(0));
        b.branch(b.binary(Op.LT, b.i32(0), left), loop, done);

        b.switchTo(done);
        b.exit(b.i64(0x100c), 0);
        return b.build();
    }

    @Setup
    public void setUp() {
        FlatMemory memory = new FlatMemory(SIZE);
        bytes = new byte[SIZE];
        for (int k = 0; k < SIZE; k++) {
            bytes[k] = (byte) (k * 7 + 3);
        }
        memory.write(0, bytes, 0, SIZE);
        ctx = new ExecutionContext(new GuestState(LAYOUT), memory, null);
        Region r = region();
        frame = new Frame(r.tempCount());
        interpreted = new InterpretedCode(r);
        compiled = new Jit().compile(r);
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public long interpreter() {
        interpreted.run(ctx, frame);
        return ctx.state.get(SUM);
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public long jit() {
        compiled.run(ctx, frame);
        return ctx.state.get(SUM);
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public long java() {
        byte[] b = bytes;
        int sum = 0;
        for (int p = 0; p < PASSES; p++) {
            for (int i = 0; i < SIZE; i += 4) {
                int v = (int) INT.get(b, i);
                sum = sum * 31 + v;
                INT.set(b, i, (v ^ (sum >>> 7)) + 1);
            }
        }
        return sum;
    }
}
