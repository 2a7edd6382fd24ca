package dev.mimic.cil.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mimic.cil.CilFormatException;
import dev.mimic.cil.assembly.Assembly;
import dev.mimic.cil.assembly.CSharp;
import dev.mimic.cil.assembly.MethodDefinition;
import dev.mimic.cil.metadata.Table;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad code inside a well-formed body is refused with the method row, the IL offset and the problem. */
class CilDecoderTest {
    private final CilDecoder decoder = new CilDecoder(OpcodeTable.standard());

    /** The error decoding Fib.F with {@code bytes} written at {@code offset} of its code. */
    private String failure(int offset, int... bytes) throws Exception {
        byte[] data = Files.readAllBytes(CSharp.program("Fib"));
        Assembly clean = Assembly.read("prog.exe", data);
        MethodDefinition f = clean.findType("", "Fib").orElseThrow().method("F").orElseThrow();
        int code = clean.image().offsetOf("body", clean.metadata().cell(Table.METHOD_DEF, f.row(), 0)) + 1;
        for (int i = 0; i < bytes.length; i++) {
            data[code + offset + i] = (byte) bytes[i];
        }
        Assembly patched = Assembly.read("prog.exe", data);
        CilFormatException e = assertThrows(CilFormatException.class,
                () -> decoder.decode(patched, patched.method(f.row())));
        return e.getMessage().replace("row " + f.row(), "row F");
    }

    @Test
    void decodesFibWithTargetsAndTokens() throws Exception {
        Assembly a = Assembly.load(CSharp.program("Fib"));
        List<CilInstruction> code = decoder.decode(a, a.findType("", "Fib").orElseThrow().method("F").orElseThrow());
        assertEquals("bge", code.get(2).opcode().name());
        assertEquals(0x0d, code.get(2).branchTarget());
        assertEquals(Table.METHOD_DEF, code.get(8).token().table());
        assertEquals(0x1f, code.get(code.size() - 1).next());
    }

    @Test
    void unknownOpcode_isNamedWithItsOffset() throws Exception {
        assertEquals("prog.exe: MethodDef row F IL_0001: unknown opcode 0xa6", failure(1, 0xA6));
        assertEquals("prog.exe: MethodDef row F IL_0001: unknown opcode 0xfe 0x08", failure(1, 0xFE, 0x08));
    }

    @Test
    void branchIntoTheMiddleOfAnInstruction_isRefused() throws Exception {
        // IL_0002 bge IL_000d: point it at IL_0011, inside IL_0010 call.
        assertEquals("prog.exe: MethodDef row F IL_0002: bge target IL_0011 is not the start of an instruction",
                failure(3, 0x0A, 0, 0, 0));
    }

    @Test
    void tokenOfTheWrongTable_isRefused() throws Exception {
        // IL_0010 call <MethodDef>: make the token a TypeRef.
        assertEquals("prog.exe: MethodDef row F IL_0010: call token 0x01000001 is not a row of "
                + "[MethodDef, MemberRef, MethodSpec]", failure(0x11, 1, 0, 0, 0x01));
    }
}
