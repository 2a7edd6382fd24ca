package dev.mimic.pc.machine;

import dev.mimic.pc.board.Host;
import dev.mimic.pc.boot.DebianKernelTest;
import dev.mimic.pc.config.PcOptions;
import dev.mimic.pc.config.PcOptionsParser;
import dev.mimic.pc.display.KeyMap;
import dev.mimic.pc.keyboard.Kbc8042;
import dev.mimic.pc.vga.Vga;
import dev.mimic.x86.system.X86System;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.event.KeyEvent;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's 686 kernel on the VGA console (console=tty0, vgacon in the text mode SeaBIOS's VGA
 * BIOS left) with a busybox initramfs: the shell's prompt is read off the VGA text screen, a
 * command is typed key by key on the PS/2 keyboard through the 8042, and its answer appears on the
 * screen. Slow (about half a minute), so tagged long.
 */
@Tag("long")
class VgaConsoleBootTest {
    /** Instructions between looks at the screen, and between two keys typed. */
    private static final long SLICE = 5_000_000L;
    private static final long LIMIT = 200_000_000_000L;
    private static final String SHIFTED = "!@#$%^&*()_+\"";
    private static final String UNSHIFTED = "1234567890-='";
    private static final int LEFT_SHIFT = 0x12;

    @TempDir
    Path work;

    @Test
    void aBusyboxShellOnTheVgaConsoleRunsWhatIsTypedOnThePs2Keyboard() throws Exception {
        assumeTrue(Files.isReadable(PcOptions.DEFAULT_BIOS), "install Debian's seabios package");
        assumeTrue(Files.isReadable(Vga.STDVGA_BIOS), "install Debian's seabios package");
        BusyboxInitramfs.assumeAvailable();
        List<String> args = List.of("-m", "128", "-no-reboot", "-kernel", DebianKernelTest.kernel().toString(),
                "-initrd", BusyboxInitramfs.build(work, List.of()).toString(), "-append", "console=tty0 panic=-1");
        try (PcMachine pc = PcMachine.create(PcOptionsParser.parse(args),
                new Host(InputStream.nullInputStream(), OutputStream.nullOutputStream(), OutputStream.nullOutputStream(),
                        LocalDateTime.of(2024, 1, 1, 0, 0)), X86System.Options.defaults())) {
            runUntilTheScreenShows(pc, BusyboxInitramfs.READY);
            assertTrue(screen(pc).contains("Linux version 6.1") || screen(pc).contains(BusyboxInitramfs.READY), screen(pc));
            type(pc, "echo $((6*7))\n");
            runUntilTheScreenShows(pc, "\n42 ");
            type(pc, "reboot -f\n");
            RunResult result = pc.run(LIMIT);
            assertEquals(RunResult.Kind.REBOOT_REFUSED, result.kind(), result + "\n" + screen(pc));
        }
    }

    private static String screen(PcMachine pc) {
        Vga vga = pc.board().vga();
        return vga.textMode() ? vga.screen().text() : "(the VGA is in a graphics mode)";
    }

    private static void runUntilTheScreenShows(PcMachine pc, String text) {
        for (long ran = 0; !screen(pc).contains(text); ran += SLICE) {
            RunResult result = pc.run(SLICE);
            assertTrue(ran < LIMIT && result.kind() == RunResult.Kind.BUDGET,
                    "never showed '" + text.strip() + "': " + result + "\n" + screen(pc));
        }
    }

    /** Types {@code text} on a US keyboard, one key (with Shift where needed) per slice so the keyboard's buffer never fills. */
    private static void type(PcMachine pc, String text) {
        Kbc8042 keyboard = pc.board().keyboardController();
        for (char c : text.toCharArray()) {
            boolean shift = SHIFTED.indexOf(c) >= 0;
            char key = shift ? UNSHIFTED.charAt(SHIFTED.indexOf(c)) : c;
            int code = KeyMap.set2(key == '\n' ? KeyEvent.VK_ENTER : KeyEvent.getExtendedKeyCodeForChar(key), KeyEvent.KEY_LOCATION_STANDARD);
            assertTrue(code >= 0, "no key for '" + c + "'");
            if (shift) {
                keyboard.pressKey(LEFT_SHIFT);
            }
            keyboard.pressKey(code);
            keyboard.releaseKey(code);
            if (shift) {
                keyboard.releaseKey(LEFT_SHIFT);
            }
            pc.run(SLICE);
        }
    }
}
