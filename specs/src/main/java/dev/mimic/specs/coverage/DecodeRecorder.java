package dev.mimic.specs.coverage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Records which instructions a test run decoded, so that {@link SpecCoverage} can tell tested instructions
 * from untested ones. A decoder calls {@link #record} for every instruction it decodes. Recording is on only
 * when the system property {@value #DIR_PROPERTY} names a directory (a machine module sets it for its
 * tests, normally to {@code target/spec-coverage}); then each ISA's names are merged into
 * {@code DIR/ISA.tested} when the JVM shuts down. When it is off, {@link #record} tests a static final
 * boolean, which the JIT folds away.
 */
public final class DecodeRecorder {

    /** The system property naming the directory the tested records go to. */
    public static final String DIR_PROPERTY = "mimic.spec.coverage.dir";

    private static final DecodeRecorder GLOBAL = startIfRequested();
    private static final boolean ACTIVE = GLOBAL != null;

    private final Path dir;
    private final ConcurrentMap<String, Set<String>> decoded = new ConcurrentHashMap<>();

    DecodeRecorder(Path dir) {
        this.dir = dir;
    }

    /** Notes that {@code instruction} of ISA {@code isa} was decoded; thread-safe, and free when recording is off. */
    public static void record(String isa, String instruction) {
        if (ACTIVE) {
            GLOBAL.note(isa, instruction);
        }
    }

    /** Where the tested record of {@code isa} lives inside the coverage directory {@code dir}. */
    public static Path testedRecord(Path dir, String isa) {
        return dir.resolve(isa + ".tested");
    }

    void note(String isa, String instruction) {
        decoded.computeIfAbsent(isa, k -> ConcurrentHashMap.newKeySet()).add(instruction);
    }

    /**
     * Merges what was noted into each ISA's tested record: one name per line, sorted, unique. The file is
     * locked while it is rewritten because test forks of one module may shut down at the same time.
     */
    void flush() throws IOException {
        Files.createDirectories(dir);
        for (var isa : decoded.entrySet()) {
            try (FileChannel file = FileChannel.open(testedRecord(dir, isa.getKey()), StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                file.lock(); // released when the channel closes
                SortedSet<String> names = new TreeSet<>(isa.getValue());
                // The stream only wraps the channel, which the try closes.
                String existing = new String(Channels.newInputStream(file).readAllBytes(), StandardCharsets.UTF_8);
                existing.lines().filter(line -> !line.isBlank()).forEach(names::add);
                file.truncate(0).write(ByteBuffer.wrap((String.join("\n", names) + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            }
        }
    }

    private static DecodeRecorder startIfRequested() {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null) {
            return null;
        }
        DecodeRecorder recorder = new DecodeRecorder(Path.of(dir));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                recorder.flush();
            } catch (IOException e) {
                // A shutdown hook has no caller to throw to; stderr is where the test run's user will look.
                System.err.println("mimic: could not write the spec coverage record in " + dir + ": " + e);
            }
        }, "spec-coverage-writer"));
        return recorder;
    }
}
