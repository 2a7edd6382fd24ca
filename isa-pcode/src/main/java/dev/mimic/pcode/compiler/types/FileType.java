package dev.mimic.pcode.compiler.types;

/**
 * A file type (ISO 7185 6.4.3.5): P5 keeps the logical file number in the first byte and the
 * buffer variable right after it. The required type text is a file of char that the text
 * procedures (read of numbers, write with widths, eoln, page) accept.
 */
public final class FileType extends PascalType {
    public static final FileType TEXT = new FileType(CharType.INSTANCE, false, true);

    private final PascalType component;
    private final boolean packed;
    private final boolean text;

    private FileType(PascalType component, boolean packed, boolean text) {
        this.component = component;
        this.packed = packed;
        this.text = text;
    }

    public FileType(PascalType component, boolean packed) {
        this(component, packed, false);
    }

    public PascalType component() {
        return component;
    }

    public boolean isText() {
        return text;
    }

    @Override
    public boolean isPacked() {
        return packed;
    }

    @Override
    public int size() {
        return Target.FILE_ID_SIZE + component.size();
    }

    @Override
    public int alignment() {
        return Target.FILE_ALIGN;
    }

    @Override
    public String describe() {
        return text ? "text" : (packed ? "packed " : "") + "file of " + component.describe();
    }
}
