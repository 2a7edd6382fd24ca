package dev.mimic.repl;

import dev.mimic.backend.jit.Jit;
import dev.mimic.cil.assembly.Assembly;
import dev.mimic.cil.debug.CilMachine;
import dev.mimic.cil.metadata.Table;
import dev.mimic.cil.runtime.CilProgram;
import dev.mimic.cil.runtime.CilRuntime;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The workbench on CIL programs: C# under {@code transcripts/cil/<program>/program.cs}, compiled by
 * mcs and debugged by batch scripts, with the same transcript whether the program's methods are
 * interpreted or compiled.
 */
class CilTranscriptTest {
    private static final Map<String, CilRuntime.Engine> ENGINES = Map.of(
            "interp", CilRuntime.Engine.INTERPRETER, "jit", CilRuntime.Engine.compiled(new Jit()::compile));

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> transcripts() throws Exception {
        return Transcripts.scripts("cil").stream().flatMap(script -> ENGINES.keySet().stream().sorted().map(engine ->
                DynamicTest.dynamicTest(script.name() + " (" + engine + ")", () -> {
                    Path exe = compile(script.directory().resolve("program.cs"), engine);
                    CilProgram[] program = new CilProgram[1];
                    Transcripts.check(script, guest -> {
                        program[0] = load(exe, ENGINES.get(engine), guest);
                        return new CilMachine(program[0], List.of(), guest);
                    });
                    String compiled = program[0].runtime().statistics().lines().filter(l -> l.startsWith("methods compiled"))
                            .findFirst().orElseThrow();
                    assertEquals(engine.equals("jit"), !compiled.matches("methods compiled: +0 .*"), compiled);
                })));
    }

    private static CilProgram load(Path exe, CilRuntime.Engine engine, java.io.PrintStream guest) {
        try {
            return CilProgram.load(exe, engine, InputStream.nullInputStream(), guest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path compile(Path source, String engine) throws Exception {
        Path exe = dir.resolve(source.getParent().getFileName() + "-" + engine + ".exe");
        Process mcs;
        try {
            mcs = new ProcessBuilder("mcs", "-out:" + exe, source.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("mcs is not installed (Debian package mono-mcs)");
            throw e;
        }
        String log = new String(mcs.getInputStream().readAllBytes());
        assertEquals(0, mcs.waitFor(), log);
        fixModuleId(exe);
        return exe;
    }

    /**
     * mcs gives every build a new random module id (MVID), which an unhandled exception's stack trace
     * shows; the transcripts expect the zero id, written over the GUID where it is stored
     * (II.24.2.5: Data1, Data2, Data3 little-endian, then 8 bytes).
     */
    private static void fixModuleId(Path exe) throws IOException {
        var md = Assembly.load(exe).metadata();
        UUID id = md.guids().get(md.cell(Table.MODULE, 1, 2));
        ByteBuffer stored = ByteBuffer.allocate(16);
        long high = id.getMostSignificantBits();
        stored.order(ByteOrder.LITTLE_ENDIAN).putInt((int) (high >>> 32)).putShort((short) (high >>> 16))
                .putShort((short) high).order(ByteOrder.BIG_ENDIAN).putLong(id.getLeastSignificantBits());
        byte[] data = Files.readAllBytes(exe);
        byte[] guid = stored.array();
        for (int at = 0; at + guid.length <= data.length; at++) {
            if (Arrays.equals(data, at, at + guid.length, guid, 0, guid.length)) {
                Arrays.fill(data, at, at + guid.length, (byte) 0);
            }
        }
        Files.write(exe, data);
    }
}
