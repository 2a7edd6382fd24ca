package dev.mimic.cil.pe;

import dev.mimic.cil.CilFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * The PE/COFF container of a CLI assembly (ECMA-335 II.25): the section table, the mapping from
 * relative virtual addresses to file offsets, and the CLI header. Native code and imports are not
 * interpreted; a CLI image needs only its sections and data directory 14.
 */
public final class PeImage {
    private static final int PE32 = 0x10B;
    private static final int PE32_PLUS = 0x20B;
    private static final int CLI_HEADER_DIRECTORY = 14;
    private static final int MAX_SECTIONS = 96;

    private final String file;
    private final byte[] data;
    private final boolean pe32Plus;
    private final List<Section> sections;
    private final CliHeader cliHeader;

    private PeImage(String file, byte[] data, boolean pe32Plus, List<Section> sections, CliHeader cliHeader) {
        this.file = file;
        this.data = data;
        this.pe32Plus = pe32Plus;
        this.sections = sections;
        this.cliHeader = cliHeader;
    }

    /** Parses the headers of {@code data}; {@code file} names it in error messages. */
    public static PeImage parse(String file, byte[] data) {
        ByteReader r = ByteReader.of(file, data);
        if (data.length < 0x40 || r.u2() != 0x5A4D) {
            throw r.error(0, "not a PE file: no MZ signature");
        }
        int peOffset = r.seek(0x3C).u4();
        if (peOffset < 0 || peOffset > data.length - 4) {
            throw r.error(0x3C, "PE header offset 0x%x is outside the file".formatted(peOffset & 0xFFFFFFFFL));
        }
        if (r.seek(peOffset).u4() != 0x00004550) {
            throw r.error(peOffset, "no PE signature");
        }
        r.u2(); // machine: a CLI image runs on any
        int sectionCount = r.u2();
        r.skip(12);
        int optionalSize = r.u2();
        r.u2();
        int optionalStart = r.position();
        if (sectionCount == 0 || sectionCount > MAX_SECTIONS) {
            throw r.error(peOffset + 6, "unreasonable section count %d".formatted(sectionCount));
        }
        ByteReader opt = r.window("PE optional header", optionalStart, optionalSize);
        int magic = opt.u2();
        if (magic != PE32 && magic != PE32_PLUS) {
            throw opt.error(optionalStart, "unknown optional header magic 0x%x".formatted(magic));
        }
        boolean plus = magic == PE32_PLUS;
        int directories = opt.seek(optionalStart + (plus ? 108 : 92)).u4();
        if (directories <= CLI_HEADER_DIRECTORY || directories > 16) {
            throw opt.error("%d data directories: a CLI image has 16".formatted(directories));
        }
        opt.seek(optionalStart + (plus ? 112 : 96) + CLI_HEADER_DIRECTORY * 8);
        DataDirectory cliDirectory = new DataDirectory(opt.u4(), opt.u4());

        r.seek(optionalStart + optionalSize);
        List<Section> sections = new ArrayList<>(sectionCount);
        for (int i = 0; i < sectionCount; i++) {
            int at = r.position();
            byte[] name = r.bytes(8);
            int nameLength = 0;
            while (nameLength < 8 && name[nameLength] != 0) {
                nameLength++;
            }
            int virtualSize = r.u4();
            int virtualAddress = r.u4();
            int rawSize = r.u4();
            int rawOffset = r.u4();
            r.skip(16);
            if (rawSize != 0 && (rawOffset < 0 || rawSize < 0 || (long) rawOffset + rawSize > data.length)) {
                throw r.error(at, "section %d raw data [0x%x, +0x%x) is outside the file".formatted(
                        i, rawOffset & 0xFFFFFFFFL, rawSize & 0xFFFFFFFFL));
            }
            sections.add(new Section(new String(name, 0, nameLength, java.nio.charset.StandardCharsets.US_ASCII),
                    virtualAddress, virtualSize, rawSize, rawOffset));
        }
        PeImage partial = new PeImage(file, data, plus, List.copyOf(sections), null);
        if (cliDirectory.rva() == 0) {
            throw r.error(optionalStart, "no CLI header: not a .NET assembly");
        }
        ByteReader cli = partial.at("CLI header", cliDirectory.rva(), 72);
        int cb = cli.u4();
        if (cb < 72) {
            throw cli.error(cli.start(), "CLI header size %d is below 72".formatted(cb));
        }
        int major = cli.u2();
        int minor = cli.u2();
        DataDirectory metadata = new DataDirectory(cli.u4(), cli.u4());
        int flags = cli.u4();
        int entryPoint = cli.u4();
        DataDirectory resources = new DataDirectory(cli.u4(), cli.u4());
        DataDirectory strongName = new DataDirectory(cli.u4(), cli.u4());
        CliHeader header = new CliHeader(major, minor, metadata, flags, entryPoint, resources, strongName);
        return new PeImage(file, data, plus, partial.sections, header);
    }

    public String file() {
        return file;
    }

    public boolean isPe32Plus() {
        return pe32Plus;
    }

    public List<Section> sections() {
        return sections;
    }

    public CliHeader cliHeader() {
        return cliHeader;
    }

    /** The file offset of {@code rva}, or an error naming what was being located. */
    public int offsetOf(String what, int rva) {
        long u = rva & 0xFFFFFFFFL;
        for (Section s : sections) {
            if (s.holds(u)) {
                return (int) (u - (s.virtualAddress() & 0xFFFFFFFFL) + s.rawOffset());
            }
        }
        throw new CilFormatException(file, "RVA 0x%x".formatted(u), what + " is not inside any section");
    }

    /** A reader over {@code length} bytes at {@code rva}, all inside one section's file bytes. */
    public ByteReader at(String what, int rva, long length) {
        int offset = offsetOf(what, rva);
        Section s = sectionOf(rva);
        long sectionEnd = (long) s.rawOffset() + s.rawSize();
        if (length < 0 || offset + length > sectionEnd) {
            throw new CilFormatException(file, "RVA 0x%x".formatted(rva & 0xFFFFFFFFL),
                    "%s of 0x%x bytes runs past the end of section %s".formatted(what, length, s.name()));
        }
        return new ByteReader(file, what, data, offset, (int) (offset + length));
    }

    /** A reader from {@code rva} to the end of its section, for structures that say their own size. */
    public ByteReader from(String what, int rva) {
        int offset = offsetOf(what, rva);
        Section s = sectionOf(rva);
        return new ByteReader(file, what, data, offset, s.rawOffset() + s.rawSize());
    }

    private Section sectionOf(int rva) {
        long u = rva & 0xFFFFFFFFL;
        for (Section s : sections) {
            if (s.holds(u)) {
                return s;
            }
        }
        throw new IllegalStateException("offsetOf checked the RVA");
    }
}
