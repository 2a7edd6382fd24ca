package dev.mimic.cil.metadata;

import dev.mimic.cil.CilFormatException;
import dev.mimic.cil.pe.ByteReader;
import dev.mimic.cil.pe.PeImage;
import java.nio.charset.StandardCharsets;

/**
 * The physical metadata of one module (ECMA-335 II.24): the metadata root, the four heaps and every
 * table of the {@code #~} (or uncompressed {@code #-}) stream. Cells are decoded and range-checked
 * once, when the metadata is read: string and blob offsets lie inside their heaps, GUID indexes inside
 * {@code #GUID}, table and coded indexes name existing rows. Later layers can trust every cell.
 */
public final class Metadata {
    private static final int ROOT_SIGNATURE = 0x424A5342;
    private static final int MAX_ROWS = 0x00FFFFFF;

    private final String file;
    private final String version;
    private final StringHeap strings;
    private final BlobHeap blobs;
    private final GuidHeap guids;
    private final UserStringHeap userStrings;
    private final int[] rowCounts = new int[Table.COUNT];
    private final int[][] cells = new int[Table.COUNT][];
    private final int[] tableOffsets = new int[Table.COUNT];
    private final int[] rowSizes = new int[Table.COUNT];
    private final int[][] columnWidths = new int[Table.COUNT][];

    private Metadata(String file, String version, StringHeap strings, BlobHeap blobs, GuidHeap guids,
            UserStringHeap userStrings) {
        this.file = file;
        this.version = version;
        this.strings = strings;
        this.blobs = blobs;
        this.guids = guids;
        this.userStrings = userStrings;
    }

    /** Reads the metadata the CLI header of {@code image} points at. */
    public static Metadata read(PeImage image, byte[] data) {
        var dir = image.cliHeader().metadata();
        ByteReader root = image.at("metadata root", dir.rva(), dir.size() & 0xFFFFFFFFL);
        if (root.remaining() < 20 || root.u4() != ROOT_SIGNATURE) {
            throw root.error(root.start(), "no metadata signature BSJB");
        }
        root.u2();
        root.u2();
        root.u4();
        int versionLength = root.u4();
        if (versionLength < 0 || versionLength > 256) {
            throw root.error("version string length %d exceeds 256".formatted(versionLength));
        }
        byte[] versionBytes = root.bytes(versionLength);
        int nul = 0;
        while (nul < versionBytes.length && versionBytes[nul] != 0) {
            nul++;
        }
        String version = new String(versionBytes, 0, nul, StandardCharsets.UTF_8);
        root.u2();
        int streamCount = root.u2();
        ByteReader tables = null;
        ByteReader strings = null;
        ByteReader blobs = null;
        ByteReader guids = null;
        ByteReader userStrings = null;
        boolean uncompressed = false;
        String file = image.file();
        for (int i = 0; i < streamCount; i++) {
            int headerAt = root.position();
            int offset = root.u4();
            int size = root.u4();
            StringBuilder name = new StringBuilder();
            for (int c = root.u1(); c != 0; c = root.u1()) {
                if (name.length() == 32) {
                    throw root.error(headerAt, "stream name longer than 32 bytes");
                }
                if (c < 0x20 || c > 0x7E) {
                    throw root.error(root.position() - 1, "stream name holds byte 0x%02x".formatted(c));
                }
                name.append((char) c);
            }
            root.skip((4 - (root.position() - root.start()) % 4) % 4); // padded from the root's start
            if (offset < 0 || size < 0 || (long) offset + size > root.end() - root.start()) {
                throw root.error(headerAt, "stream %s [0x%x, +0x%x) lies outside the metadata (0x%x bytes)"
                        .formatted(name, offset & 0xFFFFFFFFL, size & 0xFFFFFFFFL, root.end() - root.start()));
            }
            ByteReader stream = root.window(name.toString(), root.start() + offset, size);
            switch (name.toString()) {
                case "#~" -> tables = stream;
                case "#-" -> {
                    tables = stream;
                    uncompressed = true;
                }
                case "#Strings" -> strings = stream;
                case "#Blob" -> blobs = stream;
                case "#GUID" -> guids = stream;
                case "#US" -> userStrings = stream;
                default -> { } // vendor streams (#Pdb, #JTD) carry nothing the machine needs
            }
        }
        if (tables == null) {
            throw root.error(root.start(), "no #~ table stream");
        }
        Metadata md = new Metadata(file, version, new StringHeap(orEmpty(strings, root, "#Strings")),
                new BlobHeap(orEmpty(blobs, root, "#Blob")), new GuidHeap(orEmpty(guids, root, "#GUID")),
                new UserStringHeap(orEmpty(userStrings, root, "#US")));
        md.readTables(tables, uncompressed);
        return md;
    }

    private static ByteReader orEmpty(ByteReader stream, ByteReader root, String name) {
        return stream != null ? stream : root.window(name, root.start(), 0);
    }

    private void readTables(ByteReader r, boolean uncompressed) {
        r.u4();
        r.u1();
        r.u1();
        int heapSizes = r.u1();
        r.u1();
        long valid = r.u8();
        r.u8();
        if ((valid >>> Table.COUNT) != 0) {
            throw r.error(r.start() + 8, "valid mask 0x%x names tables beyond 0x2C".formatted(valid));
        }
        for (int t = 0; t < Table.COUNT; t++) {
            if ((valid & 1L << t) != 0) {
                int at = r.position();
                int rows = r.u4();
                if (rows < 0 || rows > MAX_ROWS) {
                    throw r.error(at, "%s row count %d exceeds 2^24-1".formatted(
                            Table.byNumber(t).specName(), rows & 0xFFFFFFFFL));
                }
                rowCounts[t] = rows;
            }
        }
        if ((heapSizes & 0x40) != 0) {
            r.u4(); // extra data word of uncompressed (edit-and-continue) streams
        }
        for (Table t : new Table[] {Table.FIELD_PTR, Table.METHOD_PTR, Table.PARAM_PTR, Table.EVENT_PTR,
                Table.PROPERTY_PTR}) {
            if (rowCounts[t.number()] != 0) {
                throw r.error(r.start(), uncompressed
                        ? "%s indirection (an unoptimised #- stream) is not supported yet".formatted(t.specName())
                        : "#~ stream holds %s, which only #- streams may".formatted(t.specName()));
            }
        }
        int stringWidth = (heapSizes & 0x01) != 0 ? 4 : 2;
        int guidWidth = (heapSizes & 0x02) != 0 ? 4 : 2;
        int blobWidth = (heapSizes & 0x04) != 0 ? 4 : 2;
        for (Table table : Table.values()) {
            int rows = rowCounts[table.number()];
            var columns = table.columns();
            int[] widths = new int[columns.size()];
            long rowSize = 0;
            for (int c = 0; c < widths.length; c++) {
                Column col = columns.get(c);
                widths[c] = switch (col.kind()) {
                    case U1_PAD, U2 -> 2;
                    case U4 -> 4;
                    case STRING -> stringWidth;
                    case GUID -> guidWidth;
                    case BLOB -> blobWidth;
                    case INDEX, LIST -> rowCounts[col.target()] > 0xFFFF ? 4 : 2;
                    case CODED -> codedWidth(col.coded());
                };
                rowSize += widths[c];
            }
            if (rows * rowSize > r.remaining()) {
                throw r.error("%s: %d rows of %d bytes run past the end of the table stream".formatted(
                        table.specName(), rows, rowSize));
            }
            tableOffsets[table.number()] = r.position();
            rowSizes[table.number()] = (int) rowSize;
            columnWidths[table.number()] = widths;
            int[] values = new int[rows * widths.length];
            for (int row = 1; row <= rows; row++) {
                for (int c = 0; c < widths.length; c++) {
                    int raw = r.unsigned(widths[c]);
                    values[(row - 1) * widths.length + c] = checkCell(table, row, columns.get(c), raw);
                }
            }
            cells[table.number()] = values;
        }
    }

    private int codedWidth(CodedIndex coded) {
        int max = 0;
        for (int target : coded.targets()) {
            if (target >= 0) {
                max = Math.max(max, rowCounts[target]);
            }
        }
        return max < 1 << (16 - coded.tagBits()) ? 2 : 4;
    }

    private int checkCell(Table table, int row, Column col, int raw) {
        switch (col.kind()) {
            case U1_PAD:
                return raw & 0xFF;
            case U2:
            case U4:
                return raw;
            case STRING:
                if (!strings.holds(raw)) {
                    throw error(table, row, "%s: string offset 0x%x is past #Strings (0x%x bytes)".formatted(
                            col.name(), raw & 0xFFFFFFFFL, strings.size()));
                }
                return raw;
            case GUID:
                if (raw < 0 || raw > guids.count()) {
                    throw error(table, row, "%s: GUID index %d is past #GUID (%d entries)".formatted(
                            col.name(), raw & 0xFFFFFFFFL, guids.count()));
                }
                return raw;
            case BLOB:
                if (!blobs.holds(raw)) {
                    blobs.reader(table.specName() + " row " + row + " " + col.name(), raw); // throws, naming the cell
                }
                return raw;
            case INDEX:
            case LIST: {
                int rows = rowCounts[col.target()];
                int limit = col.kind() == ColumnKind.LIST ? rows + 1 : rows;
                if (raw <= 0 || raw > limit) {
                    throw error(table, row, "%s: row %d of %s is out of range (%d rows)".formatted(
                            col.name(), raw & 0xFFFFFFFFL, Table.byNumber(col.target()).specName(), rows));
                }
                return raw;
            }
            case CODED: {
                CodedIndex coded = col.coded();
                int tag = raw & ((1 << coded.tagBits()) - 1);
                int target = coded.target(tag);
                int targetRow = raw >>> coded.tagBits();
                if (target < 0) {
                    throw error(table, row, "%s: tag %d selects no table of %s".formatted(col.name(), tag, coded));
                }
                if (targetRow == 0 && col.nullable()) {
                    return 0;
                }
                if (targetRow == 0) {
                    throw error(table, row, "%s: nil %s index".formatted(col.name(), coded));
                }
                if (targetRow > rowCounts[target]) {
                    throw error(table, row, "%s: row %d of %s is out of range (%d rows)".formatted(
                            col.name(), targetRow, Table.byNumber(target).specName(), rowCounts[target]));
                }
                return target << 24 | targetRow;
            }
            default:
                throw new AssertionError(col.kind());
        }
    }

    /** An error located at a table row. */
    public CilFormatException error(Table table, int row, String detail) {
        return new CilFormatException(file, table.specName() + " row " + row, detail);
    }

    public String file() {
        return file;
    }

    /** The runtime version string of the metadata root, e.g. {@code v4.0.30319}. */
    public String version() {
        return version;
    }

    /** The file offset of one cell, for diagnostics and for tests that patch cells. */
    public int cellOffset(Table table, int row, int column) {
        int offset = tableOffsets[table.number()] + (row - 1) * rowSizes[table.number()];
        for (int c = 0; c < column; c++) {
            offset += columnWidths[table.number()][c];
        }
        return offset;
    }

    /** The size in bytes of one row of {@code table} in this module. */
    public int rowSize(Table table) {
        return rowSizes[table.number()];
    }

    /** The width in bytes of a column in this module (2 or 4, II.24.2.6). */
    public int columnWidth(Table table, int column) {
        return columnWidths[table.number()][column];
    }

    public int rowCount(Table table) {
        return rowCounts[table.number()];
    }

    /**
     * The decoded value of a cell: numbers as stored, heap offsets and simple indexes as stored, coded
     * indexes as a token value (table number in the top byte), 0 for a nil coded index.
     */
    public int cell(Table table, int row, int column) {
        if (row < 1 || row > rowCounts[table.number()]) {
            throw new IndexOutOfBoundsException(table.specName() + " row " + row);
        }
        return cells[table.number()][(row - 1) * table.columns().size() + column];
    }

    /** The string a #Strings column holds. */
    public String string(Table table, int row, int column) {
        return strings.get(cell(table, row, column));
    }

    /** The row an index, list or coded-index column refers to; null only for a nil nullable coded index. */
    public Token token(Table table, int row, int column) {
        Column col = table.columns().get(column);
        int v = cell(table, row, column);
        return switch (col.kind()) {
            case INDEX, LIST -> new Token(Table.byNumber(col.target()), v);
            case CODED -> v == 0 ? null : new Token(Table.byNumber(v >>> 24), v & 0xFFFFFF);
            default -> throw new IllegalArgumentException(col.name() + " is not an index column");
        };
    }

    /** A reader over the blob a #Blob column holds; errors name the table, row and column. */
    public ByteReader blob(Table table, int row, int column) {
        return blobs.reader(table.specName() + " row " + row + " " + table.columns().get(column).name(),
                cell(table, row, column));
    }

    /** Whether a token names an existing row. */
    public boolean exists(Token token) {
        return token.row() >= 1 && token.row() <= rowCounts[token.table().number()];
    }

    public StringHeap strings() {
        return strings;
    }

    public BlobHeap blobs() {
        return blobs;
    }

    public GuidHeap guids() {
        return guids;
    }

    public UserStringHeap userStrings() {
        return userStrings;
    }
}
