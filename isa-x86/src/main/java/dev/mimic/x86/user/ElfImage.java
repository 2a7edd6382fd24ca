package dev.mimic.x86.user;

import dev.mimic.x86.memory.PagedMemory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A static i386 Linux executable (ELF32, little-endian, EM_386, ET_EXEC; System V ABI and its i386
 * supplement) checked and ready to map: its entry point and loadable segments. Anything else,
 * including a truncated or inconsistent file, is an {@link ElfFormatException} naming the offset of
 * the bad field.
 */
public final class ElfImage {
    private static final int PT_LOAD = 1, PT_INTERP = 3;
    private static final int PF_X = 1, PF_W = 2, PF_R = 4;

    /** One PT_LOAD segment. */
    public record Segment(long fileOffset, long address, long fileSize, long memorySize, int protection) {
    }

    private final byte[] file;
    private final long entry;
    private final long programHeaders;
    private final int programHeaderCount;
    private final List<Segment> segments;

    private ElfImage(byte[] file, long entry, long programHeaders, int count, List<Segment> segments) {
        this.file = file;
        this.entry = entry;
        this.programHeaders = programHeaders;
        this.programHeaderCount = count;
        this.segments = List.copyOf(segments);
    }

    /** Checks {@code bytes}, the contents of the file named {@code name} (for messages). */
    public static ElfImage parse(String name, byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 52) {
            throw new ElfFormatException(name, bytes.length, "file too short for an ELF header (" + bytes.length + " bytes, need 52)");
        }
        if (bytes[0] != 0x7F || bytes[1] != 'E' || bytes[2] != 'L' || bytes[3] != 'F') {
            throw new ElfFormatException(name, 0, "not an ELF file (bad magic number)");
        }
        if (bytes[4] != 1) {
            throw new ElfFormatException(name, 4, "not a 32-bit ELF file (class " + bytes[4] + ")");
        }
        if (bytes[5] != 1) {
            throw new ElfFormatException(name, 5, "not a little-endian ELF file");
        }
        int type = b.getShort(16) & 0xFFFF;
        if (type != 2) {
            throw new ElfFormatException(name, 16, type == 3 ? "a shared object or PIE, not a static executable (ET_DYN)"
                    : "not an executable (type " + type + ")");
        }
        int machine = b.getShort(18) & 0xFFFF;
        if (machine != 3) {
            throw new ElfFormatException(name, 18, "not an i386 program (machine " + machine + ")");
        }
        long entry = b.getInt(24) & 0xFFFF_FFFFL;
        long phoff = b.getInt(28) & 0xFFFF_FFFFL;
        int phentsize = b.getShort(42) & 0xFFFF;
        int phnum = b.getShort(44) & 0xFFFF;
        if (phentsize != 32) {
            throw new ElfFormatException(name, 42, "program header size " + phentsize + ", expected 32");
        }
        if (phnum == 0) {
            throw new ElfFormatException(name, 44, "no program headers");
        }
        need(name, bytes, 28, phoff, (long) phnum * 32, "program headers");
        List<Segment> segments = new ArrayList<>();
        long headersAddress = -1;
        for (int i = 0; i < phnum; i++) {
            int at = (int) phoff + 32 * i;
            int ptype = b.getInt(at);
            if (ptype == PT_INTERP) {
                throw new ElfFormatException(name, at, "dynamically linked (PT_INTERP); x86-user runs static programs");
            }
            if (ptype != PT_LOAD) {
                continue;
            }
            long offset = b.getInt(at + 4) & 0xFFFF_FFFFL;
            long vaddr = b.getInt(at + 8) & 0xFFFF_FFFFL;
            long filesz = b.getInt(at + 16) & 0xFFFF_FFFFL;
            long memsz = b.getInt(at + 20) & 0xFFFF_FFFFL;
            int flags = b.getInt(at + 24);
            if (filesz > memsz) {
                throw new ElfFormatException(name, at + 16, "segment file size 0x" + Long.toHexString(filesz)
                        + " exceeds its memory size 0x" + Long.toHexString(memsz));
            }
            need(name, bytes, at + 4, offset, filesz, "segment data");
            if (vaddr + memsz > 0xC000_0000L) {
                throw new ElfFormatException(name, at + 8, "segment at 0x" + Long.toHexString(vaddr) + " reaches kernel space");
            }
            if ((vaddr - offset) % PagedMemory.PAGE_SIZE != 0) {
                throw new ElfFormatException(name, at + 8, "segment address and file offset differ modulo the page size");
            }
            int prot = ((flags & PF_R) != 0 ? PagedMemory.READ : 0) | ((flags & PF_W) != 0 ? PagedMemory.WRITE : 0)
                    | ((flags & PF_X) != 0 ? PagedMemory.EXEC : 0);
            segments.add(new Segment(offset, vaddr, filesz, memsz, prot));
            if (phoff >= offset && phoff + (long) phnum * 32 <= offset + filesz) {
                headersAddress = vaddr + phoff - offset;
            }
        }
        if (segments.isEmpty()) {
            throw new ElfFormatException(name, phoff, "no loadable segment");
        }
        if (segments.stream().noneMatch(s -> entry >= s.address() && entry < s.address() + s.memorySize())) {
            throw new ElfFormatException(name, 24, "entry point 0x" + Long.toHexString(entry) + " is outside every segment");
        }
        return new ElfImage(bytes, entry, headersAddress, phnum, segments);
    }

    /** Refuses a range [start, start+length) that the field at {@code field} places past the end of the file. */
    private static void need(String name, byte[] bytes, long field, long start, long length, String what) {
        if (start + length > bytes.length) {
            throw new ElfFormatException(name, field, String.format("%s at 0x%x..0x%x extend past the end of the file (0x%x bytes)",
                    what, start, start + length, bytes.length));
        }
    }

    public long entry() {
        return entry;
    }

    /** The address of the program headers in memory (AT_PHDR), or -1 when no segment maps them. */
    public long programHeaders() {
        return programHeaders;
    }

    public int programHeaderCount() {
        return programHeaderCount;
    }

    public List<Segment> segments() {
        return segments;
    }

    /** Maps every segment into {@code memory}; returns the end of the highest one (where brk starts). */
    public long load(PagedMemory memory) {
        long end = 0;
        for (Segment s : segments) {
            memory.ensure(s.address(), s.memorySize(), s.protection());
            memory.poke(s.address(), file, (int) s.fileOffset(), (int) s.fileSize());
            end = Math.max(end, s.address() + s.memorySize());
        }
        return end;
    }
}
