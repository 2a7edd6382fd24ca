package dev.mimic.cil.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mimic.cil.decode.CilDecoder;
import dev.mimic.cil.decode.OpcodeTable;
import dev.mimic.cil.metadata.Table;
import dev.mimic.cil.signature.TypeSig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Debian's Mono class library loads completely (every table, signature and body), and what it says
 * agrees with facts about it and, when installed, with {@code monodis}.
 */
class FrameworkAssembliesTest {
    static final Path MONO = Path.of("/usr/lib/mono/4.5");

    static Assembly framework(String name) throws IOException {
        Path p = MONO.resolve(name);
        assumeTrue(Files.exists(p), () -> p + " is not installed (Debian package libmono-corlib4.5-cil)");
        return Assembly.load(p);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mscorlib.dll", "System.dll", "System.Core.dll"})
    void frameworkAssembly_loadsEveryTableSignatureAndBody(String name) throws IOException {
        Assembly a = framework(name);
        int bodies = 0;
        int clauses = 0;
        for (int row = 1; row <= a.methodCount(); row++) {
            MethodDefinition m = a.method(row);
            if (m.body() != null) {
                bodies++;
                clauses += m.body().clauses().size();
                a.locals(m.body());
            }
        }
        assertTrue(bodies > 1000, "bodies: " + bodies);
        assertTrue(clauses > 100, "clauses: " + clauses);
        assertEquals(name.replace(".dll", ""), a.name().orElseThrow().name());
        assertEquals("4.0.0.0", a.name().orElseThrow().version());
        assertEquals("b77a5c561934e089", a.name().orElseThrow().publicKeyTokenHex());
    }

    static Stream<Path> installedFramework() throws IOException {
        if (!Files.isDirectory(MONO)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(MONO)) {
            return files.filter(p -> p.toString().endsWith(".dll")).sorted().toList().stream();
        }
    }

    /** Every installed framework assembly loads, and every body in it decodes. */
    @ParameterizedTest
    @MethodSource("installedFramework")
    void everyInstalledFrameworkAssembly_loadsAndDecodes(Path dll) throws IOException {
        Assembly a = Assembly.load(dll);
        CilDecoder decoder = new CilDecoder(OpcodeTable.standard());
        for (int row = 1; row <= a.methodCount(); row++) {
            if (a.method(row).body() != null) {
                decoder.decode(a, a.method(row));
            }
        }
    }

    @Test
    void systemObject_hasItsVirtualMethodsAndNoBase() throws IOException {
        Assembly corlib = framework("mscorlib.dll");
        TypeDefinition object = corlib.findType("System", "Object").orElseThrow();
        assertNull(object.baseType());
        Set<String> names = object.methods().stream().map(MethodDefinition::name).collect(Collectors.toSet());
        assertTrue(names.containsAll(List.of(".ctor", "Equals", "GetHashCode", "ToString", "GetType", "Finalize",
                "MemberwiseClone", "ReferenceEquals")), names::toString);
        MethodDefinition equals = object.methods().stream()
                .filter(m -> m.name().equals("Equals") && !m.isStatic()).findFirst().orElseThrow();
        assertEquals("instance bool(object)", equals.signature().toString());
        MethodDefinition getType = object.method("GetType").orElseThrow();
        assertTrue(getType.isInternalCall(), "Object.GetType is an internal call in Mono's corlib");
        assertNull(getType.body());
    }

    @Test
    void systemString_isSealedAndDerivesFromObject() throws IOException {
        Assembly corlib = framework("mscorlib.dll");
        TypeDefinition string = corlib.findType("System", "String").orElseThrow();
        assertEquals(Table.TYPE_DEF, string.baseType().table());
        assertEquals("System.Object", corlib.fullName(corlib.type(string.baseType().row())));
        assertTrue((string.flags() & 0x100) != 0, "sealed");
        assertTrue(string.fields().stream().anyMatch(f -> f.name().equals("Empty") && f.isStatic()
                && f.type() == TypeSig.Primitive.STRING));
    }

    @Test
    void system_referencesCorlibByNameVersionAndToken() throws IOException {
        Assembly system = framework("System.dll");
        assertTrue(system.references().stream().anyMatch(r -> r.toString()
                .equals("mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089")),
                system.references()::toString);
    }

    /** Every TypeDef row agrees with {@code monodis --typedef}: full name, lists and flags. */
    @ParameterizedTest
    @ValueSource(strings = {"mscorlib.dll", "System.dll", "System.Core.dll"})
    void typeDefTable_agreesWithMonodis(String name) throws Exception {
        Assembly a = framework(name);
        List<String> lines = Monodis.run(MONO.resolve(name), "--typedef");
        List<String> expected = lines.stream().filter(l -> l.matches("\\d+: .*")).toList();
        assertEquals(expected.size(), a.types().size());
        for (int i = 1; i < expected.size(); i++) {
            TypeDefinition t = a.types().get(i);
            int[] lists = {a.metadata().cell(Table.TYPE_DEF, t.row(), 4), a.metadata().cell(Table.TYPE_DEF, t.row(), 5)};
            String mine = "%d: %s (flist=%d, mlist=%d, flags=0x%x, ".formatted(
                    t.row(), a.fullName(t), lists[0], lists[1], t.flags());
            String theirs = expected.get(i);
            assertTrue(theirs.startsWith(mine), () -> "monodis: " + theirs + "\nmimic:   " + mine);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mscorlib.dll", "System.dll", "System.Core.dll"})
    void methodCount_agreesWithMonodis(String name) throws Exception {
        Assembly a = framework(name);
        String header = Monodis.run(MONO.resolve(name), "--method").stream()
                .filter(l -> l.startsWith("Method Table")).findFirst().orElseThrow();
        assertEquals("Method Table (1.." + a.methodCount() + ")", header.trim());
    }
}
