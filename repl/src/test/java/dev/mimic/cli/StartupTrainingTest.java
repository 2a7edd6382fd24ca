package dev.mimic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every demo of the AOT cache's training run works: the training ignores failures (a cache without one
 * machine still helps the others), so a renamed command or a lost program would otherwise go unnoticed.
 */
class StartupTrainingTest {

    @Test
    void everyDemoRunsToItsExpectedOutput(@TempDir Path dir) throws IOException {
        List<List<String>> demos = StartupTraining.demos(dir);
        List<String> expected = List.of("ok", "3 ", "Hello, world!", "Hello, world!", "Hello, world!", "Usage: mimic");
        assertEquals(expected.size(), demos.size());
        for (int i = 0; i < demos.size(); i++) {
            Mimic r = Mimic.run(demos.get(i).toArray(String[]::new));
            assertEquals(0, r.status(), demos.get(i) + " failed: " + r.err());
            assertTrue(r.out().contains(expected.get(i)), demos.get(i) + " printed:\n" + r.out());
        }
    }
}
