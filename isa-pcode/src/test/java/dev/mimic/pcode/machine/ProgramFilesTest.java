package dev.mimic.pcode.machine;

import dev.mimic.pcode.PcodeRunner;
import dev.mimic.pcode.Runs;
import dev.mimic.pcode.load.PcodeFormatException;
import dev.mimic.pcode.load.PcodeProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Program parameters bind to the files named on the command line; nothing else touches the file system. */
class ProgramFilesTest {
    @TempDir
    Path dir;

    @Test
    void filesBindToPrdAndPrrInOrder() throws IOException {
        Path in = Files.writeString(dir.resolve("in.txt"), "abc\nlast line without newline");
        Path out = dir.resolve("out.txt");
        for (Runs.Engine engine : Runs.engines()) {
            Runs.Result r = Runs.run(Runs.resource("machine/copy.p5"), engine, "", List.of(in, out), 0);
            assertEquals(0, r.exit(), r.stderr());
            assertEquals("abc\nlast line without newline\n", Files.readString(out));
        }
    }

    @Test
    void theProgramHeaderInTheDebugRecordsGivesTheOrder() throws IOException, PcodeFormatException {
        Path in = Files.writeString(dir.resolve("in.txt"), "xyz\n");
        Path out = dir.resolve("out.txt");
        PcodeProgram headed = PcodeProgram.parse("copy.p5",
                Runs.text("machine/copy.p5").replace("!@proc 1 1 copy", "!@proc 1 1 copy input output prr prd"));
        Runs.Result r = Runs.run(headed, Runs.interpreter(), "", List.of(out, in), 0);
        assertEquals(0, r.exit(), r.stderr());
        assertEquals("xyz\n", Files.readString(out));
    }

    @Test
    void anUnboundParameterIsARuntimeError() {
        Runs.Result r = Runs.run(Runs.resource("machine/copy.p5"), Runs.interpreter(), "", List.of(), 0);
        assertEquals("copy.pas:3: runtime error: prd is not bound to a file (name one on the command line)"
                + System.lineSeparator(), r.stderr());
        assertEquals(1, r.exit());
    }

    @Test
    void temporaryFilesStayInMemory() throws IOException {
        Runs.Result r = Runs.run(Runs.resource("golden/textio.p5"), Runs.interpreter(), Runs.text("golden/textio.in"));
        assertEquals(0, r.exit());
        try (var files = Files.list(dir)) {
            assertFalse(files.findAny().isPresent());
        }
    }

    @Test
    void runnerReportsBadFilesAndArgumentsWithStatus2() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.p5"), "l 1\n lodi 1\n");
        assertEquals(List.of("2", bad + ":2: expected an integer operand, found end of line"), runner(bad));
        assertEquals(List.of("2", dir.resolve("none.p5") + ": cannot read: " + dir.resolve("none.p5")), runner(dir.resolve("none.p5")));
        Path copy = Files.writeString(dir.resolve("copy.p5"), Runs.text("machine/copy.p5"));
        assertEquals(List.of("2", "3 files given, but the program has 2 file parameters (prd, prr)"),
                runner(copy, dir.resolve("a"), dir.resolve("b"), dir.resolve("c")));
        Path hello = Files.writeString(dir.resolve("hello.p5"), Runs.text("golden/hello.p5"));
        assertEquals(List.of("0"), runner(hello));
    }

    private static List<String> runner(Path program, Path... files) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = PcodeRunner.run(program, PMachineOptions.defaults().withFiles(List.of(files))
                .withConsole(System.in, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8)));
        List<String> lines = new java.util.ArrayList<>(List.of(Integer.toString(status)));
        err.toString(StandardCharsets.UTF_8).lines().forEach(lines::add);
        return lines;
    }
}
