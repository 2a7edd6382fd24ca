package dev.mimic.forth.firmware;

import dev.mimic.backend.exec.EngineKind;
import dev.mimic.backend.machine.MachineException;
import dev.mimic.forth.Session;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The client interface called from the host with IEEE 1275 6.3 argument arrays. */
class ClientInterfaceTest {
    final Session firmware = FCodeEvaluatorTest.firmware(EngineKind.TIERED);
    final ClientInterface cif = new ClientInterface(firmware.machine);

    @Test
    void findsDevicesAndReadsTheirProperties() {
        long prom = cif.call("finddevice", 1, "/openprom")[0];
        assertEquals(-1, cif.call("finddevice", 1, "/nowhere")[0]);
        assertEquals(24, cif.call("getproplen", 1, prom, "model")[0]);
        assertEquals(24, cif.call("getprop", 1, prom, "model", cif.buffer(), 64)[0]);
        assertEquals("Mimic Open Firmware 1.0", cif.string(cif.buffer()));
        assertEquals(-1, cif.call("getproplen", 1, prom, "color")[0]);
        assertEquals(4, cif.call("setprop", 1, prom, "color", "red", 4)[0]);
        assertEquals(4, cif.call("getproplen", 1, prom, "color")[0]);
        assertEquals(9, cif.call("package-to-path", 1, prom, cif.buffer(), 64)[0]);
        assertEquals("/openprom", cif.string(cif.buffer()).substring(0, 9));
    }

    @Test
    void nextpropWalksEveryPropertyOfANode() {
        long root = cif.call("finddevice", 1, "/")[0];
        List<String> names = new ArrayList<>();
        String previous = "";
        while (cif.call("nextprop", 1, root, previous, cif.buffer())[0] == 1) {
            previous = cif.string(cif.buffer());
            names.add(previous);
        }
        assertEquals(List.of("name", "model", "#address-cells", "#size-cells"), names);
    }

    @Test
    void opensInstancesAndCallsTheirMethodsWithStackArguments() {
        long ihandle = cif.call("open", 1, "/packages/disk-label")[0];
        long label = cif.call("finddevice", 1, "/packages/disk-label")[0];
        assertEquals(label, cif.call("instance-to-package", 1, ihandle)[0]);
        assertArrayEquals(new long[] {0, 5, 7}, cif.call("call-method", 3, "offset", ihandle, 5, 7));
        assertEquals(-2, cif.call("call-method", 1, "no-such-method", ihandle)[0]);
        cif.call("close", 0, ihandle);
        assertArrayEquals(new long[] {0, 12, 12}, cif.call("interpret", 3, "* dup", 3, 4));
        assertEquals(-13, cif.call("interpret", 1, "frobnicate")[0]);
    }

    @Test
    void claimsAlignedMemoryAndReleasesIt() {
        long base = cif.call("claim", 1, 0, 100, 64)[0];
        assertEquals(0, base & 63);
        cif.call("release", 0, base, 100);
        assertEquals(-1, cif.call("claim", 1, 0x200000, 100, 0)[0]);
        MachineException e = assertThrows(MachineException.class, () -> cif.call("no-such-service", 0));
        assertEquals("the firmware has no client interface service 'no-such-service'", e.getMessage());
    }
}
