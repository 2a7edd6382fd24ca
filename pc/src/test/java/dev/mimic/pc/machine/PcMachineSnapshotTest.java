package dev.mimic.pc.machine;

import dev.mimic.pc.board.Host;
import dev.mimic.pc.config.PcOptions;
import dev.mimic.pc.config.PcOptionsParser;
import dev.mimic.x86.system.X86System;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A whole machine's snapshot restored into a freshly built one. The BIOS area is the part that
 * depends on another device: which of its two copies 0xF0000 reads is the host bridge's PAM
 * registers' choice, so the restored machine must read SeaBIOS's shadowed copy (with the tables
 * it wrote there), not the ROM a fresh machine starts on.
 */
class PcMachineSnapshotTest {
    private static final long F_SEGMENT = 0xF0000;

    @Test
    void aRestoredMachineReadsTheShadowedBiosAsTheSavedOneDid() throws Exception {
        assumeTrue(Files.isReadable(PcOptions.DEFAULT_BIOS), "install Debian's seabios package");
        try (PcMachine saved = machine(); PcMachine restored = machine()) {
            byte[] rom = restored.readMemory(F_SEGMENT, 0x10000);
            // Until SeaBIOS has written its tables into its shadowed copy (before it reboots at the
            // end of its wait for a boot device, when it copies the pristine image back).
            for (int slice = 0; slice < 2000 && Arrays.equals(rom, saved.readMemory(F_SEGMENT, 0x10000)); slice++) {
                assertEquals(RunResult.Kind.BUDGET, saved.run(1_000_000L).kind());
            }
            byte[] shadowed = saved.readMemory(F_SEGMENT, 0x10000);
            assertFalse(Arrays.equals(rom, shadowed), "SeaBIOS has shadowed itself and written its tables");
            ByteArrayOutputStream snapshot = new ByteArrayOutputStream();
            saved.saveState(new DataOutputStream(snapshot));

            restored.restoreState(new DataInputStream(new ByteArrayInputStream(snapshot.toByteArray())));
            assertArrayEquals(shadowed, restored.readMemory(F_SEGMENT, 0x10000));
            saved.run(5_000_000L);
            restored.run(5_000_000L);
            assertArrayEquals(saved.readMemory(0, 0x100000), restored.readMemory(0, 0x100000), "both run on alike");
        }
    }

    private static PcMachine machine() {
        return PcMachine.create(PcOptionsParser.parse(List.of("-m", "32", "-nographic", "-no-reboot")),
                new Host(InputStream.nullInputStream(), OutputStream.nullOutputStream(), OutputStream.nullOutputStream(),
                        LocalDateTime.of(2024, 1, 1, 0, 0)), X86System.Options.defaults());
    }
}
