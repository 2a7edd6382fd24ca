package dev.mimic.cil.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mimic.backend.exec.RegionCode;
import dev.mimic.backend.interp.InterpretedCode;
import dev.mimic.backend.ir.Region;
import dev.mimic.backend.jit.Jit;
import dev.mimic.cil.assembly.Assembly;
import dev.mimic.cil.assembly.CSharp;
import dev.mimic.cil.assembly.MethodDefinition;
import dev.mimic.cil.assembly.TypeDefinition;
import dev.mimic.cil.translate.UnsupportedInstructionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Static integer methods compiled by mcs run on the interpreter and the JIT and agree with mono. */
class CilRuntimeTest {

    private static Function<Region, RegionCode> engine(String name) {
        return name.equals("jit") ? new Jit()::compile : InterpretedCode::new;
    }

    private static long call(CilRuntime runtime, TypeDefinition type, String method, long... args) {
        return runtime.invoke(type.method(method).orElseThrow(), args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"interp", "jit"})
    void arithmetic_computesWhatCSharpMeans(String engine) throws Exception {
        Assembly a = Assembly.load(CSharp.program("Arith"));
        TypeDefinition arith = a.findType("", "Arith").orElseThrow();
        CilRuntime runtime = new CilRuntime(a, engine(engine));
        assertEquals(6765, call(runtime, arith, "Fib", 20));
        assertEquals(21, call(runtime, arith, "Gcd", 1071, 462));
        assertEquals(168, call(runtime, arith, "CountPrimes", 1000));
        assertEquals(333_833_500L, call(runtime, arith, "SumSquares", 1000));
        int x = 0xDEADBEEF;
        x ^= x >>> 16;
        x *= 0x45d9f3b;
        x ^= x >>> 16;
        assertEquals(x, (int) call(runtime, arith, "Hash", 0xDEADBEEFL));
        assertEquals(200 * 1000 - 56, call(runtime, arith, "Wrap", 200));
        assertEquals(300 % 256 * 1000 + 44, call(runtime, arith, "Wrap", 300));
        assertTrue(runtime.instructions() > 10_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"interp", "jit"})
    void arrays_areJvmArraysOfTheElementSize(String engine) throws Exception {
        Assembly a = Assembly.load(CSharp.program("Arrays"));
        TypeDefinition arrays = a.findType("", "Arrays").orElseThrow();
        CilRuntime runtime = new CilRuntime(a, engine(engine));
        assertEquals(49, call(runtime, arrays, "SortAndCheck", 50));
        assertEquals(200 + 44 + 56 + 65336, call(runtime, arrays, "Bytes", 200));
        assertEquals(1155, call(runtime, arrays, "Jagged", 10));
        assertEquals(30, call(runtime, arrays, "Classify", 2));
        assertEquals(50, call(runtime, arrays, "Classify", 4));
        assertEquals(-1, call(runtime, arrays, "Classify", 3));
        assertEquals(-1, call(runtime, arrays, "Classify", -7));
    }

    /** Main's result agrees with mono's exit status (its low 8 bits, as the OS reports it). */
    @ParameterizedTest
    @CsvSource({"Arith, interp, 207398", "Arith, jit, 207398", "Arrays, interp, 66919", "Arrays, jit, 66919"})
    void main_agreesWithMono(String program, String engine, long expected) throws Exception {
        Path exe = CSharp.program(program);
        Assembly a = Assembly.load(exe);
        MethodDefinition main = a.entryPoint().orElseThrow();
        long result = new CilRuntime(a, engine(engine)).invoke(main);
        assertEquals(expected, result);
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/mono")), "mono is not installed (mono-runtime)");
        Process mono = new ProcessBuilder("/usr/bin/mono", exe.toString()).redirectErrorStream(true).start();
        mono.getInputStream().readAllBytes();
        assertEquals(result & 0xFF, mono.waitFor());
    }

    @ParameterizedTest
    @ValueSource(strings = {"interp"})
    void methodsBeyondTheSubset_areRefusedByName(String engine) throws Exception {
        Assembly a = Assembly.load(CSharp.program("Handlers"));
        MethodDefinition guarded = a.findType("", "Handlers").orElseThrow().method("Guarded").orElseThrow();
        var e = assertThrows(UnsupportedInstructionException.class,
                () -> new CilRuntime(a, engine(engine)).invoke(guarded, 1));
        assertTrue(e.getMessage().startsWith("Handlers::Guarded: instance methods and exception handlers"),
                e.getMessage());
    }
}
