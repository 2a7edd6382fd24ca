package dev.mimic.cil.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** References resolve from the program's folder, then Mono's framework folders and GAC. */
class AssemblyResolverTest {

    @Test
    void programReferences_resolveToTheMonoFramework() throws Exception {
        assumeTrue(Files.exists(AssemblyResolver.MONO_FRAMEWORK.resolve("mscorlib.dll")));
        Path exe = CSharp.program("Handlers");
        AssemblyResolver resolver = AssemblyResolver.forProgram(exe.getParent());
        Assembly program = resolver.loadProgram(exe);
        List<Assembly> all = resolver.closure(program);
        assertSame(program, all.get(0));
        assertTrue(all.stream().anyMatch(a -> a.name().orElseThrow().name().equals("mscorlib")));
        Assembly corlib = resolver.resolve(program.references().get(0), program.file());
        assertSame(corlib, resolver.resolve(program.references().get(0), program.file()), "loaded once");
    }

    @Test
    void libraryBesideTheProgram_resolvesAndItsAbsenceIsNamed(@TempDir Path dir) throws Exception {
        Path lib = CSharp.compile(dir, "Greeting.dll", "public class Greeting { public static int Value = 42; }");
        Path exe = CSharp.compile(dir, "UsesLib.exe",
                "class UsesLib { static int Main() { return Greeting.Value; } }", lib);
        AssemblyResolver resolver = new AssemblyResolver(List.of(dir), null);
        Assembly program = resolver.loadProgram(exe);
        AssemblyName ref = program.references().stream().filter(r -> r.name().equals("Greeting")).findFirst().orElseThrow();
        assertEquals("Greeting", resolver.resolve(ref, program.file()).name().orElseThrow().name());

        Files.delete(lib);
        AssemblyResolver fresh = new AssemblyResolver(List.of(dir), null);
        MissingAssemblyException e = assertThrows(MissingAssemblyException.class,
                () -> fresh.resolve(ref, program.file()));
        assertEquals(program.file() + ": cannot find assembly Greeting, Version=0.0.0.0, Culture=neutral, "
                + "PublicKeyToken=null (looked in " + dir + ")", e.getMessage());
    }
}
