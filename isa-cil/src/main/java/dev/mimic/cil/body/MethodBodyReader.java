package dev.mimic.cil.body;

import dev.mimic.cil.metadata.Metadata;
import dev.mimic.cil.metadata.Table;
import dev.mimic.cil.metadata.Token;
import dev.mimic.cil.pe.ByteReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a method body: the tiny or fat header (II.25.4.2-3), the code, and the extra data sections
 * with exception clauses in small or fat form (II.25.4.5-6). Reads are bounded by the section that
 * holds the body, and every clause range and token is checked.
 */
public final class MethodBodyReader {
    private static final int TINY = 0x2;
    private static final int FAT = 0x3;
    private static final int MORE_SECTS = 0x08;
    private static final int INIT_LOCALS = 0x10;
    private static final int SECT_EH_TABLE = 0x01;
    private static final int SECT_FAT = 0x40;
    private static final int SECT_MORE = 0x80;

    private MethodBodyReader() {
    }

    /**
     * Reads the body starting at the cursor of {@code r}, which runs to the end of its section.
     */
    public static MethodBody read(ByteReader r, Metadata metadata) {
        int start = r.position();
        int first = r.u1();
        switch (first & 0x3) {
            case TINY:
                return new MethodBody(8, false, r.bytes(first >>> 2), null, List.of());
            case FAT: {
                r.seek(start);
                int flagsAndSize = r.u2();
                if (flagsAndSize >>> 12 != 3) {
                    throw r.error(start, "fat header size %d dwords, not 3".formatted(flagsAndSize >>> 12));
                }
                int maxStack = r.u2();
                int codeSize = r.u4();
                int localsAt = r.position();
                int localsToken = r.u4();
                if (codeSize < 0 || codeSize > r.remaining()) {
                    throw r.error(start + 4, "code size 0x%x runs past the section (0x%x bytes left)"
                            .formatted(codeSize & 0xFFFFFFFFL, r.remaining()));
                }
                byte[] code = r.bytes(codeSize);
                Token locals = null;
                if (localsToken != 0) {
                    locals = new Token(Table.STAND_ALONE_SIG, localsToken & 0xFFFFFF);
                    if (localsToken >>> 24 != Table.STAND_ALONE_SIG.number() || !metadata.exists(locals)) {
                        throw r.error(localsAt, "locals token 0x%08x is not a StandAloneSig row".formatted(localsToken));
                    }
                }
                List<ExceptionClause> clauses = (flagsAndSize & MORE_SECTS) != 0
                        ? sections(r, metadata, codeSize) : List.of();
                return new MethodBody(maxStack, (flagsAndSize & INIT_LOCALS) != 0, code, locals, clauses);
            }
            default:
                throw r.error(start, "method header 0x%02x is neither tiny nor fat".formatted(first));
        }
    }

    private static List<ExceptionClause> sections(ByteReader r, Metadata metadata, int codeSize) {
        List<ExceptionClause> clauses = new ArrayList<>();
        boolean more = true;
        while (more) {
            r.align(4);
            int at = r.position();
            int kind = r.u1();
            boolean fat = (kind & SECT_FAT) != 0;
            int dataSize = fat ? r.u3() : r.u1();
            if (!fat) {
                r.u2();
            }
            if (dataSize < 4) {
                throw r.error(at, "method data section of %d bytes is smaller than its header".formatted(dataSize));
            }
            ByteReader section = r.window(r.context(), at + 4, dataSize - 4L);
            r.seek(at + dataSize);
            if ((kind & SECT_EH_TABLE) != 0) {
                int clauseSize = fat ? 24 : 12;
                int count = (dataSize - 4) / clauseSize;
                for (int i = 0; i < count; i++) {
                    clauses.add(clause(section, metadata, fat, codeSize));
                }
            }
            more = (kind & SECT_MORE) != 0;
        }
        return List.copyOf(clauses);
    }

    private static ExceptionClause clause(ByteReader r, Metadata metadata, boolean fat, int codeSize) {
        int at = r.position();
        int flags = fat ? r.u4() : r.u2();
        int tryOffset = fat ? r.u4() : r.u2();
        int tryLength = fat ? r.u4() : r.u1();
        int handlerOffset = fat ? r.u4() : r.u2();
        int handlerLength = fat ? r.u4() : r.u1();
        int classOrFilter = r.u4();
        ExceptionClause.Kind kind = switch (flags) {
            case 0 -> ExceptionClause.Kind.CATCH;
            case 1 -> ExceptionClause.Kind.FILTER;
            case 2 -> ExceptionClause.Kind.FINALLY;
            case 4 -> ExceptionClause.Kind.FAULT;
            default -> throw r.error(at, "exception clause flags 0x%x".formatted(flags));
        };
        checkRange(r, at, "try", tryOffset, tryLength, codeSize);
        checkRange(r, at, "handler", handlerOffset, handlerLength, codeSize);
        Token catchType = null;
        int filterOffset = -1;
        if (kind == ExceptionClause.Kind.CATCH) {
            Table table = Table.byNumber(classOrFilter >>> 24);
            if (table != Table.TYPE_DEF && table != Table.TYPE_REF && table != Table.TYPE_SPEC) {
                throw r.error(at, "catch type token 0x%08x is not a type".formatted(classOrFilter));
            }
            catchType = new Token(table, classOrFilter & 0xFFFFFF);
            if (!metadata.exists(catchType)) {
                throw r.error(at, "catch type %s does not exist".formatted(catchType));
            }
        } else if (kind == ExceptionClause.Kind.FILTER) {
            if (classOrFilter < 0 || classOrFilter >= codeSize) {
                throw r.error(at, "filter offset 0x%x is outside the code (0x%x bytes)".formatted(
                        classOrFilter & 0xFFFFFFFFL, codeSize));
            }
            filterOffset = classOrFilter;
        }
        return new ExceptionClause(kind, tryOffset, tryLength, handlerOffset, handlerLength, catchType, filterOffset);
    }

    private static void checkRange(ByteReader r, int at, String what, int offset, int length, int codeSize) {
        if (offset < 0 || length < 0 || (long) offset + length > codeSize) {
            throw r.error(at, "%s block [0x%x, +0x%x) is outside the code (0x%x bytes)".formatted(
                    what, offset & 0xFFFFFFFFL, length & 0xFFFFFFFFL, codeSize));
        }
    }
}
