package dev.mimic.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code mimic cil} behaves like {@code mono}: arguments, exit status, unhandled exceptions, bad input. */
class CilCommandTest {
    @TempDir
    Path dir;

    private Path compile(String file, String source, String... options) throws Exception {
        Path cs = dir.resolve(file.replaceFirst("\\.(exe|dll)$", ".cs"));
        Files.writeString(cs, source);
        Path out = dir.resolve(file);
        List<String> command = new ArrayList<>(List.of("mcs", "-out:" + out));
        command.addAll(Arrays.asList(options));
        command.add(cs.toString());
        Process mcs;
        try {
            mcs = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("mcs is not installed (Debian package mono-mcs)");
            throw e;
        }
        String log = new String(mcs.getInputStream().readAllBytes());
        assertEquals(0, mcs.waitFor(), log);
        return out;
    }

    @Test
    void mainGetsTheArgumentsAndItsResultIsTheExitStatus() throws Exception {
        Path exe = compile("args.exe", """
                using System;
                class P {
                    static int Main(string[] args) {
                        foreach (string a in args) Console.Write(a + "|");
                        Console.WriteLine(args.Length);
                        return 7;
                    }
                }
                """);
        for (String engine : new String[] {"interp", "jit", "tiered"}) {
            Mimic r = Mimic.run("cil", "--engine=" + engine, exe.toString(), "one", "two words");
            assertEquals(7, r.status(), r.err());
            assertArrayEquals(new String[] {"one|two words|2"}, r.out().lines().toArray(), engine);
        }
    }

    @Test
    void consoleInputIsReadLineByLine() throws Exception {
        Path exe = compile("echo.exe", """
                using System;
                class P {
                    static void Main() {
                        string line;
                        while ((line = Console.ReadLine()) != null) Console.WriteLine("[" + line + "]");
                    }
                }
                """);
        Mimic r = Mimic.withInput("one\ntwo words\n", "cil", exe.toString());
        assertEquals(0, r.status(), r.err());
        assertArrayEquals(new String[] {"[one]", "[two words]"}, r.out().lines().toArray());
    }

    @Test
    void unhandledExceptionIsReportedAsMonoDoesWithStatus1() throws Exception {
        Path exe = compile("fail.exe", """
                using System;
                class P {
                    static void Main() {
                        Console.WriteLine("before");
                        throw new InvalidOperationException("broken");
                    }
                }
                """);
        Mimic r = Mimic.run("cil", exe.toString());
        assertEquals(1, r.status());
        assertEquals("before\n", r.out());
        String[] lines = r.errLines();
        assertEquals(6, lines.length, r.err());
        // The frame line as mono writes it: the statement's IL offset and the module's MVID.
        String frame = "  at P.Main \\(\\) \\[0x0000a\\] in <[0-9a-f]{32}>:0 ";
        assertArrayEquals(new String[] {"", "Unhandled Exception:", "System.InvalidOperationException: broken",
                "[ERROR] FATAL UNHANDLED EXCEPTION: System.InvalidOperationException: broken"},
                new String[] {lines[0], lines[1], lines[2], lines[4]});
        assertTrue(lines[3].matches(frame), lines[3]);
        assertTrue(lines[5].matches(frame), lines[5]);
    }

    @Test
    void truncatedAssemblyIsOneLineNamingFileAndOffset() throws Exception {
        Path exe = compile("whole.exe", "class P { static void Main() { } }");
        byte[] bytes = Files.readAllBytes(exe);
        Path truncated = dir.resolve("truncated.exe");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        Mimic r = Mimic.run("cil", truncated.toString());
        assertEquals(2, r.status());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().startsWith("mimic cil: " + truncated + ": "), r.err());
    }

    @Test
    void missingReferencedAssemblyIsNamed() throws Exception {
        Path lib = compile("Helpers.dll", "public class H { public static int Two() { return 2; } }", "-target:library");
        Path exe = compile("uses.exe", "class P { static int Main() { return H.Two(); } }", "-r:" + lib);
        Mimic present = Mimic.run("cil", exe.toString());
        assertEquals(2, present.status(), present.err());
        assertEquals("", present.err());
        Files.delete(lib);
        Mimic r = Mimic.run("cil", exe.toString());
        assertEquals(2, r.status());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains("cannot find assembly Helpers"), r.err());
    }

    @Test
    void statsCountMethodsAndInstructions() throws Exception {
        Path exe = compile("loop.exe", """
                class P {
                    static int Square(int x) { return x * x; }
                    static int Main() { int s = 0; for (int i = 0; i < 100; i++) s += Square(i); return s % 100; }
                }
                """);
        Mimic r = Mimic.run("cil", "--stats", exe.toString());
        assertEquals(328350 % 100, r.status(), r.err());
        assertTrue(r.err().contains("methods translated:   2"), r.err());
        assertTrue(r.err().matches("(?s).*guest instructions:   [0-9,]+\\n"), r.err());
    }

    @Test
    void sandboxConfinesFilesToItsFolder() throws Exception {
        Path exe = compile("files.exe", """
                using System;
                using System.IO;
                class P {
                    static void Main(string[] args) {
                        foreach (string path in args) {
                            try { File.WriteAllText(path, "x"); Console.WriteLine("wrote"); }
                            catch (Exception e) { Console.WriteLine(e.GetType().Name); }
                        }
                    }
                }
                """);
        Path box = Files.createDirectory(dir.resolve("box"));
        Mimic r = Mimic.run("cil", "--sandbox", box.toString(), exe.toString(),
                box.resolve("in.txt").toString(), box.resolve("../out.txt").toString(), dir.resolve("out.txt").toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("wrote\nDirectoryNotFoundException\nDirectoryNotFoundException\n", r.out());
        assertTrue(Files.exists(box.resolve("in.txt")));
        assertTrue(!Files.exists(dir.resolve("out.txt")), "nothing written outside the sandbox");
    }

    @Test
    void sandboxMustBeAFolder() throws Exception {
        Mimic r = Mimic.run("cil", "--sandbox", dir.resolve("none").toString(), dir.resolve("any.exe").toString());
        assertEquals(2, r.status());
        assertArrayEquals(new String[] {"mimic cil: " + dir.resolve("none") + ": not a directory (--sandbox)"}, r.errLines());
    }

    @Test
    void theStepBudgetStopsAnEndlessProgram() throws Exception {
        Path exe = compile("forever.exe", """
                class Forever {
                    static int Spin(int n) { while (true) { n = n * 3 + 1; } }
                    static void Main() { System.Console.WriteLine("started"); Spin(1); }
                }
                """);
        for (String engine : List.of("interp", "jit", "tiered")) {
            Mimic r = Mimic.run("cil", "--engine=" + engine, "--max-steps", "100000", exe.toString());
            assertEquals(1, r.status(), engine + ": " + r.err());
            assertEquals("started\n", r.out());
            assertArrayEquals(new String[] {"Forever::Spin: stopped after 100000 steps (--max-steps)"}, r.errLines(), engine);
        }
    }

    @Test
    void aProgramWithinTheStepBudgetRunsAsWithout() throws Exception {
        Path exe = compile("short.exe", "class P { static int Main() { int s = 0; for (int i = 0; i < 100; i++) s += i; System.Console.WriteLine(s); return 7; } }");
        Mimic r = Mimic.run("cil", "--max-steps", "100000000", exe.toString());
        assertEquals(7, r.status(), r.err());
        assertEquals("4950\n", r.out());
    }

    @Test
    void missingProgramIsAUserError() {
        Mimic r = Mimic.run("cil", dir.resolve("nothing.exe").toString());
        assertEquals(2, r.status());
        assertArrayEquals(new String[] {"mimic cil: " + dir.resolve("nothing.exe") + ": no such file"}, r.errLines());
    }

    @Test
    void debugReadsItsScriptFromStdinAndPassesTheArguments() throws Exception {
        Path exe = compile("greet.exe", """
                namespace N {
                    class P {
                        static string Greet(string who) { return "hi " + who; }
                        static void Main(string[] args) { System.Console.WriteLine(Greet(args[0])); }
                    }
                }
                """);
        Mimic r = Mimic.withInput("break N.P::Greet\ncontinue\nbt\ncontinue\n", "debug", "cil", exe.toString(), "you");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.contains("#0  N.P::Greet (arg0 = \"you\") at 0x600000200000000 (N.P::Greet)"), r.out());
        assertTrue(lines.contains("hi you"), r.out());
        assertTrue(lines.getLast().endsWith("Program exited with code 0"), r.out());
    }
}
