package dev.mimic.cil.disasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mimic.cil.assembly.Assembly;
import dev.mimic.cil.assembly.CSharp;
import dev.mimic.cil.assembly.MethodDefinition;
import dev.mimic.cil.assembly.Monodis;
import dev.mimic.cil.decode.CilDecoder;
import dev.mimic.cil.decode.CilInstruction;
import dev.mimic.cil.decode.OpcodeTable;
import dev.mimic.cil.metadata.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The disassembler lists what mcs compiled, and agrees with monodis on every instruction it lists. */
class DisassemblerTest {

    @Test
    void fib_listsAsILAsm() throws Exception {
        Assembly a = Assembly.load(CSharp.program("Fib"));
        MethodDefinition f = a.findType("", "Fib").orElseThrow().method("F").orElseThrow();
        assertEquals(List.of(
                "IL_0000:  ldarg.0", "IL_0001:  ldc.i4.2", "IL_0002:  bge IL_000d", "IL_0007:  ldarg.0",
                "IL_0008:  br IL_001e", "IL_000d:  ldarg.0", "IL_000e:  ldc.i4.1", "IL_000f:  sub",
                "IL_0010:  call int32 Fib::F(int32)", "IL_0015:  ldarg.0", "IL_0016:  ldc.i4.2", "IL_0017:  sub",
                "IL_0018:  call int32 Fib::F(int32)", "IL_001d:  add", "IL_001e:  ret"),
                new Disassembler(a).instructions(f));
    }

    @Test
    void handlers_listClausesCallsAndStrings() throws Exception {
        Assembly a = Assembly.load(CSharp.program("Handlers"));
        var type = a.findType("", "Handlers").orElseThrow();
        String guarded = new Disassembler(a).method(type.method("Guarded").orElseThrow());
        assertTrue(guarded.startsWith(".method int32 Handlers::Guarded(int32)\n"), guarded);
        assertTrue(guarded.contains("ldstr \"zero\""), guarded);
        assertTrue(guarded.contains("newobj instance void [mscorlib]System.InvalidOperationException::.ctor(string)"),
                guarded);
        assertTrue(guarded.contains("ldsfld int32 Handlers::Count"), guarded);
        assertTrue(guarded.contains(".locals init (int32, class [mscorlib]System.Exception)"), guarded);
        assertTrue(guarded.matches("(?s).*\\.try IL_0000 to IL_0022 catch \\[mscorlib]System.InvalidOperationException "
                + "handler IL_0022 to IL_002a.*"), guarded);
        String first = new Disassembler(a).method(type.method("Main").orElseThrow());
        assertTrue(first.contains("call !!0 Handlers::First<string>(class [mscorlib]System.Collections.Generic.List`1<!!0>)"),
                first);
    }

    /**
     * Every instruction of every body agrees with monodis on offset and mnemonic, and on the operand
     * wherever both print it the same way (numbers, variables, branch and switch targets); token,
     * string and float operands are written in ILAsm's style, which monodis does not follow.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/usr/lib/mono/4.5/System.Core.dll", "/usr/lib/mono/4.5/mscorlib.dll", "target/cs/Handlers.exe"})
    void everyInstruction_agreesWithMonodis(String file) throws Exception {
        Path path = Path.of(file);
        if (file.startsWith("target/")) {
            CSharp.program("Handlers");
        }
        assumeTrue(Files.exists(path), file + " is not installed");
        Map<Integer, List<String>> expected = MonodisListing.byRva(Monodis.run(path));
        Assembly a = Assembly.load(path);
        Disassembler d = new Disassembler(a);
        CilDecoder decoder = new CilDecoder(OpcodeTable.standard());
        Set<String> verbatim = Set.of("NONE", "INT8", "INT32", "INT64", "VAR8", "VAR16", "BRTARGET8", "BRTARGET32",
                "SWITCH");
        int compared = 0;
        for (int row = 1; row <= a.methodCount(); row++) {
            MethodDefinition m = a.method(row);
            if (m.body() == null) {
                continue;
            }
            List<String> theirs = expected.get(a.metadata().cell(Table.METHOD_DEF, row, 0));
            List<String> mine = d.instructions(m);
            assertEquals(theirs.size(), mine.size(), () -> "MethodDef row " + m.row() + " " + m.name());
            List<CilInstruction> insns = decoder.decode(a, m);
            for (int i = 0; i < mine.size(); i++) {
                String kind = insns.get(i).opcode().operand().name();
                String expect = verbatim.contains(kind) ? theirs.get(i) : head(theirs.get(i));
                String actual = verbatim.contains(kind) ? mine.get(i) : head(mine.get(i));
                assertEquals(expect, actual, "MethodDef row " + m.row() + " " + m.name());
                compared++;
            }
        }
        assertTrue(compared > 20, "compared " + compared);
    }

    private static String head(String line) {
        int space = line.indexOf(' ', "IL_0000:  ".length());
        return space < 0 ? line : line.substring(0, space);
    }
}
