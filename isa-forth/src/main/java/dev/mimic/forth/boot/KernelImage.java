package dev.mimic.forth.boot;

import dev.mimic.backend.memory.GuestMemory;
import dev.mimic.forth.dictionary.Dictionary;
import dev.mimic.forth.layout.MemoryMap;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The memory of a Forth machine with its kernel loaded: the system area (variables and buffers
 * below the stacks) and the dictionary up to HERE, what every new machine starts from. Building it runs the bootstrap interpreter over the kernel sources (the
 * {@code kernel/*.fs} resources) and takes about half a second in a cold JVM, so the build does it
 * once ({@code mvn process-classes} writes the {@value #RESOURCE} resource with {@link #write}); a
 * process loads that resource when it was made from the sources on its class path (their digest is
 * stored with it) and builds the image itself otherwise. Either way one image is shared by every
 * machine of the process, since it is immutable.
 */
public final class KernelImage implements StartImage {
    /** The kernel sources, in load order. */
    static final List<String> SOURCES = List.of("compiler.fs", "core.fs", "wordsets.fs", "system.fs");
    /** The prebuilt image's resource name. */
    public static final String RESOURCE = "/dev/mimic/forth/kernel.img";
    /** "MFK" and the format version. */
    private static final int MAGIC = 0x4d464b02;

    private static KernelImage shared;

    /** The system area's bytes, from address 0 (the stacks start above it, empty). */
    private final byte[] system;
    /** The dictionary's bytes, from {@link #base} to HERE. */
    private final byte[] dictionary;
    /** Where the dictionary starts: {@link MemoryMap#DICTIONARY}, except in the firmware builder's second link. */
    private final long base;

    private KernelImage(byte[] system, byte[] dictionary, long base) {
        this.system = system;
        this.dictionary = dictionary;
        this.base = base;
    }

    /**
     * The process's kernel image, built on first use with a machine from {@code bare} (a machine
     * on an empty memory).
     */
    public static synchronized KernelImage shared(Supplier<BootHost> bare) {
        if (shared == null) {
            byte[] digest = digest();
            shared = prebuilt(digest);
            if (shared == null) {
                shared = build(bare.get());
            }
        }
        return shared;
    }

    /** The prebuilt image, when there is one made from the sources with this digest. */
    private static KernelImage prebuilt(byte[] digest) {
        try (InputStream in = KernelImage.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return null;
            }
            DataInputStream data = new DataInputStream(in);
            byte[] stored = new byte[digest.length];
            if (data.readInt() != MAGIC) {
                return null;
            }
            data.readFully(stored);
            if (!Arrays.equals(stored, digest)) {
                return null;
            }
            byte[] system = new byte[data.readInt()];
            data.readFully(system);
            byte[] dictionary = new byte[data.readInt()];
            data.readFully(dictionary);
            return new KernelImage(system, dictionary, MemoryMap.DICTIONARY);
        } catch (IOException e) {
            return null;
        }
    }

    /** Writes the image to {@code file} as the prebuilt resource, with the digest of its sources. */
    public void write(Path file) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(buffer);
        out.writeInt(MAGIC);
        out.write(digest());
        out.writeInt(system.length);
        out.write(system);
        out.writeInt(dictionary.length);
        out.write(dictionary);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, buffer.toByteArray());
    }

    /** The SHA-256 of everything the image is made from: the kernel sources and the instruction table. */
    private static byte[] digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String source : SOURCES) {
                sha.update(ForthSources.read("kernel", source));
            }
            try (InputStream isa = KernelImage.class.getResourceAsStream("/dev/mimic/specs/forth.isa")) {
                if (isa != null) {
                    sha.update(isa.readAllBytes());
                }
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("cannot digest the kernel sources", e);
        }
    }

    /** Builds the image in the empty machine {@code host}. */
    public static KernelImage build(BootHost host) {
        return build(host, MemoryMap.DICTIONARY);
    }

    /** Builds the image in the empty machine {@code host} with the dictionary starting at {@code base}. */
    public static KernelImage build(BootHost host, long base) {
        GuestMemory m = host.runtime().memory();
        Genesis.create(m, base);
        BootInterpreter boot = new BootInterpreter(host);
        for (String source : SOURCES) {
            boot.load("kernel/" + source, ForthSources.read("kernel", source));
        }
        Dictionary d = host.runtime().dictionary();
        long halt = m.load64(MemoryMap.HALT_THREAD);
        m.store64(MemoryMap.THROW_THREAD, find(d, "throw"));
        m.store64(MemoryMap.THROW_THREAD + MemoryMap.CELL, halt);
        m.store64(MemoryMap.BOOT_THREAD, find(d, "(boot)"));
        m.store64(MemoryMap.BOOT_THREAD + MemoryMap.CELL, halt);
        byte[] system = new byte[(int) MemoryMap.FLOAT_STACK_LIMIT];
        m.read(0, system, 0, system.length);
        byte[] dictionary = new byte[(int) (d.here() - base)];
        m.read(base, dictionary, 0, dictionary.length);
        return new KernelImage(system, dictionary, base);
    }

    private static long find(Dictionary d, String name) {
        long xt = d.find(Genesis.bytes(name));
        if (xt == 0) {
            throw new IllegalStateException("the kernel defines no " + name);
        }
        return xt;
    }

    @Override
    public void loadInto(GuestMemory memory) {
        memory.write(0, system, 0, system.length);
        memory.write(base, dictionary, 0, dictionary.length);
    }
}
