package dev.mimic.cil.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mimic.backend.ir.Type;
import dev.mimic.backend.jit.Jit;
import dev.mimic.cil.assembly.Assembly;
import dev.mimic.cil.assembly.AssemblyResolver;
import dev.mimic.cil.assembly.CSharp;
import dev.mimic.cil.assembly.MethodDefinition;
import dev.mimic.cil.assembly.TypeDefinition;
import dev.mimic.cil.model.RuntimeMethod;
import dev.mimic.cil.model.RuntimeType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Static integer methods compiled by mcs run on the interpreter and the JIT and agree with mono. */
class CilRuntimeTest {

    private static CilRuntime.Engine engine(String name) {
        return name.equals("jit") ? CilRuntime.Engine.compiled(new Jit()::compile) : CilRuntime.Engine.INTERPRETER;
    }

    private static CilRuntime runtime(Assembly a, String engine) throws Exception {
        AssemblyResolver resolver = AssemblyResolver.forProgram(Path.of(a.file()).toAbsolutePath().getParent());
        return new CilRuntime(a, resolver, engine(engine), java.io.InputStream.nullInputStream(), System.out);
    }

    /** Calls a static method whose parameters are int32 or int64 and returns its integer result. */
    private static long call(CilRuntime runtime, TypeDefinition type, String method, long... args) {
        RuntimeMethod m = runtime.method(type.method(method).orElseThrow());
        List<RuntimeType> params = m.parameterTypes();
        Object[] values = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            values[i] = params.get(i).stackType() == Type.I64 ? (Object) args[i] : (Object) (int) args[i];
        }
        Object r = runtime.invoke(m, values);
        return r instanceof Integer n ? n : (Long) r;
    }

    @ParameterizedTest
    @ValueSource(strings = {"interp", "jit"})
    void arithmetic_computesWhatCSharpMeans(String engine) throws Exception {
        Assembly a = Assembly.load(CSharp.program("Arith"));
        TypeDefinition arith = a.findType("", "Arith").orElseThrow();
        CilRuntime runtime = runtime(a, engine);
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
        CilRuntime runtime = runtime(a, engine);
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
        CilRuntime runtime = runtime(a, engine);
        long result = (Integer) runtime.invoke(runtime.method(main));
        assertEquals(expected, result);
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/mono")), "mono is not installed (mono-runtime)");
        Process mono = new ProcessBuilder("/usr/bin/mono", exe.toString()).redirectErrorStream(true).start();
        mono.getInputStream().readAllBytes();
        assertEquals(result & 0xFF, mono.waitFor());
    }
}
