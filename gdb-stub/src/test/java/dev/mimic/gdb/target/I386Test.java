package dev.mimic.gdb.target;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class I386Test {
    private final GdbTarget target = I386.target();

    @Test
    void registersInTheOrderOfGdbsI386CoreFeature() {
        List<String> names = target.registers().stream().map(GdbRegister::name).toList();
        assertEquals(List.of("eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi", "eip", "eflags",
                "cs", "ss", "ds", "es", "fs", "gs"), names.subList(0, 16));
        assertEquals(IntStream.range(0, 8).mapToObj(i -> "st" + i).toList(), names.subList(16, 24));
        assertEquals(List.of("fctrl", "fstat", "ftag", "fiseg", "fioff", "foseg", "fooff", "fop"), names.subList(24, 32));
        assertEquals(16 * 4 + 8 * 10 + 8 * 4, target.registers().stream().mapToInt(GdbRegister::bytes).sum());
    }

    @Test
    void descriptionNamesTheArchitectureFeatureAndEveryRegisterByNumber() {
        String xml = target.xml();
        assertTrue(xml.contains("<architecture>i386</architecture>"), xml);
        assertTrue(xml.contains("<feature name=\"org.gnu.gdb.i386.core\">"), xml);
        assertTrue(xml.contains("<reg name=\"eip\" bitsize=\"32\" type=\"code_ptr\" regnum=\"8\"/>"), xml);
        assertTrue(xml.contains("<reg name=\"st7\" bitsize=\"80\" type=\"i387_ext\" regnum=\"23\"/>"), xml);
        assertTrue(xml.contains("<reg name=\"fop\" bitsize=\"32\" type=\"int\" regnum=\"31\" group=\"float\"/>"), xml);
        assertTrue(xml.contains("<field name=\"ZF\" start=\"6\" end=\"6\"/>"), xml);
        assertEquals(32, xml.split("<reg ").length - 1);
    }
}
