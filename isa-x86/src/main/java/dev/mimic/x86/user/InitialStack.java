package dev.mimic.x86.user;

import dev.mimic.x86.cpu.Cpuid;
import dev.mimic.x86.memory.PagedMemory;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The stack a new Linux process starts with (System V i386 ABI 3-28; the kernel's create_elf_tables):
 * argc, the argument and environment pointers, the auxiliary vector, and above them the strings and
 * the 16 random bytes AT_RANDOM points at.
 */
final class InitialStack {
    /** The top of the user address space, where the stack starts. */
    static final long TOP = 0xC000_0000L;
    /** The stack's size (the usual RLIMIT_STACK). */
    static final long SIZE = 8L << 20;

    private static final int AT_NULL = 0, AT_PHDR = 3, AT_PHENT = 4, AT_PHNUM = 5, AT_PAGESZ = 6, AT_BASE = 7,
            AT_FLAGS = 8, AT_ENTRY = 9, AT_UID = 11, AT_EUID = 12, AT_GID = 13, AT_EGID = 14, AT_PLATFORM = 15,
            AT_HWCAP = 16, AT_CLKTCK = 17, AT_SECURE = 23, AT_RANDOM = 25, AT_EXECFN = 31;

    private InitialStack() {
    }

    /** Maps the stack and writes the start-up data; returns the initial ESP. */
    static long build(PagedMemory memory, ElfImage image, String execFn, List<String> argv, List<String> envp, int uid, int gid,
                      Random random) {
        memory.map(TOP - SIZE, SIZE, PagedMemory.READ | PagedMemory.WRITE);
        ByteArrayOutputStream strings = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        for (String s : concat(argv, envp, List.of(execFn, "i686"))) {
            offsets.add(strings.size());
            strings.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            strings.write(0);
        }
        byte[] randomBytes = new byte[16];
        random.nextBytes(randomBytes);
        long stringsAt = TOP - 16 - strings.size() & ~15L;
        long randomAt = TOP - 16;
        memory.write(randomAt, randomBytes, 0, 16);
        memory.write(stringsAt, strings.toByteArray(), 0, strings.size());
        int n = argv.size();
        int e = envp.size();
        long[] aux = {
            AT_PHDR, image.programHeaders() < 0 ? 0 : image.programHeaders(), AT_PHENT, 32, AT_PHNUM, image.programHeaderCount(),
            AT_PAGESZ, PagedMemory.PAGE_SIZE, AT_BASE, 0, AT_FLAGS, 0, AT_ENTRY, image.entry(),
            AT_UID, uid, AT_EUID, uid, AT_GID, gid, AT_EGID, gid,
            AT_HWCAP, Cpuid.USER_FEATURES, AT_CLKTCK, 100, AT_SECURE, 0, AT_RANDOM, randomAt,
            AT_EXECFN, stringsAt + offsets.get(n + e), AT_PLATFORM, stringsAt + offsets.get(n + e + 1), AT_NULL, 0};
        int words = 1 + n + 1 + e + 1 + aux.length;
        long esp = stringsAt - 4L * words & ~15L;
        ByteBuffer b = ByteBuffer.allocate(4 * words).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(n);
        for (int i = 0; i < n; i++) {
            b.putInt((int) (stringsAt + offsets.get(i)));
        }
        b.putInt(0);
        for (int i = 0; i < e; i++) {
            b.putInt((int) (stringsAt + offsets.get(n + i)));
        }
        b.putInt(0);
        for (long v : aux) {
            b.putInt((int) v);
        }
        memory.write(esp, b.array(), 0, b.capacity());
        return esp;
    }

    private static List<String> concat(List<String> a, List<String> b, List<String> c) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        all.addAll(c);
        return all;
    }
}
