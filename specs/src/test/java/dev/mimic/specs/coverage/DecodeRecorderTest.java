package dev.mimic.specs.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecodeRecorderTest {

    @TempDir
    Path dir;

    @Test
    void flush_writesOneSortedUniqueNamePerLinePerIsa() throws IOException {
        DecodeRecorder recorder = new DecodeRecorder(dir.resolve("spec-coverage"));
        List.of("sub", "add", "sub").forEach(name -> recorder.note("x86", name));
        recorder.note("p5", "lodi");
        recorder.flush();
        assertEquals("add\nsub\n", Files.readString(dir.resolve("spec-coverage/x86.tested")));
        assertEquals("lodi\n", Files.readString(dir.resolve("spec-coverage/p5.tested")));
    }

    @Test
    void flush_mergesWithAnExistingRecord() throws IOException {
        Files.writeString(DecodeRecorder.testedRecord(dir, "p5"), "mst\nadi\n");
        DecodeRecorder recorder = new DecodeRecorder(dir);
        recorder.note("p5", "lodi");
        recorder.note("p5", "adi");
        recorder.flush();
        assertEquals("adi\nlodi\nmst\n", Files.readString(dir.resolve("p5.tested")));
    }

    @Test
    void note_fromManyThreads_losesNothing() throws IOException {
        DecodeRecorder recorder = new DecodeRecorder(dir);
        IntStream.range(0, 10_000).parallel().forEach(i -> recorder.note("p5", "i" + (i % 500)));
        recorder.flush();
        assertEquals(500, Files.readAllLines(dir.resolve("p5.tested")).size());
    }

    @Test
    void record_withThePropertySet_writesTheRecordWhenTheJvmExits() throws Exception {
        Path out = dir.resolve("spec-coverage");
        Process jvm = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), "-D" + DecodeRecorder.DIR_PROPERTY + "=" + out,
                DecodingProgram.class.getName()).inheritIO().start();
        assertEquals(0, jvm.waitFor());
        assertEquals("adi\nlodi\n", Files.readString(out.resolve("p5.tested")));
    }

    /** A stand-in for a decoder's test run. */
    static final class DecodingProgram {
        public static void main(String[] args) {
            DecodeRecorder.record("p5", "lodi");
            DecodeRecorder.record("p5", "adi");
        }
    }
}
