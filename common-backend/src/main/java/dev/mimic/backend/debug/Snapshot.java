package dev.mimic.backend.debug;

import dev.mimic.backend.machine.Machine;
import dev.mimic.backend.machine.MachineException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * Machine snapshots on disk. Format (big-endian): the 8 bytes {@code MIMICSNP}, a format version
 * (int), the machine name (UTF), the payload length (int), the payload written by
 * {@link Machine#saveState}, and the CRC-32 of the payload (int). A file that is short, altered or
 * from another machine is refused with a one-line {@link MachineException}; the machine is left
 * untouched then, because the payload is checked before it is applied.
 */
public final class Snapshot {
    private static final byte[] MAGIC = "MIMICSNP".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;

    private Snapshot() {
    }

    public static void save(Machine machine, Path file) {
        try {
            ByteArrayOutputStream payload = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(payload)) {
                machine.saveState(out);
            }
            byte[] bytes = payload.toByteArray();
            CRC32 crc = new CRC32();
            crc.update(bytes);
            try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
                out.write(MAGIC);
                out.writeInt(VERSION);
                out.writeUTF(machine.name());
                out.writeInt(bytes.length);
                out.write(bytes);
                out.writeInt((int) crc.getValue());
            }
        } catch (IOException e) {
            throw new MachineException(file + ": cannot write snapshot: " + e.getMessage());
        }
    }

    public static void restore(Machine machine, Path file) {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new MachineException(file + ": no such snapshot file");
        } catch (IOException e) {
            throw new MachineException(file + ": cannot read snapshot: " + e.getMessage());
        }
        if (all.length < MAGIC.length || !ByteBuffer.wrap(all, 0, MAGIC.length).equals(ByteBuffer.wrap(MAGIC))) {
            throw bad(file, 0, "not a Mimic snapshot (bad magic)");
        }
        byte[] payload;
        try (DataInputStream data = new DataInputStream(new ByteArrayInputStream(all))) {
            data.skipNBytes(MAGIC.length);
            int version = data.readInt();
            if (version != VERSION) {
                throw bad(file, MAGIC.length, "unsupported snapshot version " + version);
            }
            String name = data.readUTF();
            if (!name.equals(machine.name())) {
                throw bad(file, MAGIC.length + 4, "snapshot of machine '" + name + "', not '" + machine.name() + "'");
            }
            int offset = all.length - data.available();
            int length = data.readInt();
            if (length < 0 || length > data.available() - 4) {
                throw bad(file, offset, "payload length " + length + " does not fit the file (truncated?)");
            }
            payload = new byte[length];
            data.readFully(payload);
            int stored = data.readInt();
            CRC32 crc = new CRC32();
            crc.update(payload);
            if ((int) crc.getValue() != stored) {
                throw bad(file, all.length - 4, "checksum mismatch (file is corrupt)");
            }
        } catch (EOFException e) {
            throw bad(file, all.length, "file ends early (truncated)");
        } catch (IOException e) {
            throw new MachineException(file + ": cannot read snapshot: " + e.getMessage());
        }
        try (DataInputStream data = new DataInputStream(new ByteArrayInputStream(payload))) {
            machine.restoreState(data);
        } catch (EOFException e) {
            throw bad(file, all.length, "payload ends early");
        } catch (IOException e) {
            throw new MachineException(file + ": cannot restore snapshot: " + e.getMessage());
        }
    }

    private static MachineException bad(Path file, long offset, String what) {
        return new MachineException(file + ": offset " + offset + ": " + what);
    }
}
