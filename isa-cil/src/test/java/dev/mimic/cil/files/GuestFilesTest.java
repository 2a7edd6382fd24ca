package dev.mimic.cil.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading folders as opendir/readdir do, what System.Native's directory functions are built on. */
class GuestFilesTest {
    @TempDir
    Path root;

    /** Every name {@code openDirectory} then {@code findNext} give for {@code path}. */
    private static List<String> names(GuestFiles files, String path) throws IoError {
        long handle = files.openDirectory(path);
        List<String> out = new ArrayList<>();
        for (Path p = files.findNext(handle); p != null; p = files.findNext(handle)) {
            out.add(p.getFileName().toString());
        }
        assertTrue(files.findClose(handle));
        return out;
    }

    @Test
    void openDirectory_listsDotEntriesThenNames() throws Exception {
        Path box = Files.createDirectories(root.resolve("box"));
        Files.createDirectories(box.resolve("top/sub"));
        Files.writeString(box.resolve("top/b.txt"), "b");
        Files.writeString(box.resolve("top/a.txt"), "a");
        GuestFiles files = new GuestFiles(box, box);
        assertEquals(List.of(".", "..", "a.txt", "b.txt", "sub"), names(files, "top"));
        assertEquals(List.of(".", ".."), names(files, "top/sub"));
    }

    @Test
    void openDirectory_failsAsOpendirDoes() throws IOException {
        Path box = Files.createDirectories(root.resolve("box"));
        Files.writeString(box.resolve("file"), "x");
        Files.createSymbolicLink(box.resolve("link"), root);
        GuestFiles files = new GuestFiles(box, box);
        assertEquals(IoError.NOT_A_DIRECTORY, assertThrows(IoError.class, () -> files.openDirectory("file")).code());
        assertEquals(IoError.FILE_NOT_FOUND, assertThrows(IoError.class, () -> files.openDirectory("missing")).code());
        for (String outside : List.of("..", "link", "/etc")) {
            assertEquals(IoError.ACCESS_DENIED, assertThrows(IoError.class, () -> files.openDirectory(outside)).code(), outside);
        }
    }

    @Test
    void closedSearch_isNoLongerAHandle() throws Exception {
        GuestFiles files = new GuestFiles(root, null);
        long handle = files.openDirectory(".");
        assertTrue(files.findClose(handle));
        assertFalse(files.findClose(handle));
        assertEquals(IoError.INVALID_HANDLE, assertThrows(IoError.class, () -> files.findNext(handle)).code());
    }
}
