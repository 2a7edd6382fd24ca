package dev.mimic.gdb;

import dev.mimic.backend.exec.TinyMachine;
import dev.mimic.gdb.wire.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class GdbSessionTest {
    private final TinyMachine machine = TinyTarget.program();

    private List<String> replies(String... packets) {
        ScriptedGdb gdb = new ScriptedGdb();
        for (String p : packets) {
            gdb.send(p);
        }
        return gdb.run(machine, TinyTarget.TARGET).replies();
    }

    @Test
    void acknowledgesGoodPacketsAndRefusesBadChecksumsUntilResent() {
        ScriptedGdb.Transcript t = new ScriptedGdb().raw("$qC#00").send("qC").run(machine, TinyTarget.TARGET);
        assertEquals("-+", t.acks());
        assertEquals(List.of("QC1"), t.replies());
    }

    @Test
    void resendsTheLastReplyWhenGdbRefusesIt() {
        ScriptedGdb.Transcript t = new ScriptedGdb().send("qC").raw("-").run(machine, TinyTarget.TARGET);
        assertEquals(List.of("QC1", "QC1"), t.replies());
    }

    @Test
    void noAckModeStopsAcknowledgementsAfterItsOwnReply() {
        ScriptedGdb.Transcript t = new ScriptedGdb().send("QStartNoAckMode").raw("+").send("qC").raw("$qC#00")
                .run(machine, TinyTarget.TARGET);
        assertEquals("+", t.acks());
        assertEquals(List.of("OK", "QC1"), t.replies());
    }

    @Test
    void supportedFeaturesAndThreadQueries() {
        List<String> r = replies("qSupported:multiprocess+;swbreak+;hwbreak+", "qAttached", "qC", "Hg0", "Hc-1",
                "qfThreadInfo", "qsThreadInfo", "vCont?", "T1");
        assertEquals("PacketSize=4000;qXfer:features:read+;swbreak+;hwbreak+;QStartNoAckMode+", r.get(0));
        assertEquals(List.of("1", "QC1", "OK", "OK", "m1", "l", "vCont;c;C;s;S", "OK"), r.subList(1, r.size()));
    }

    @Test
    void unknownAndMalformedPacketsGetEmptyAndErrorReplies() {
        assertEquals(List.of("", "", "E01", "E01", "E01", "E01", "", "E01", "E01"),
                replies("vMustReplyEmpty", "qTStatus", "mzz,4", "m10", "p99", "G00", "Z9,0,1", "Z2,200,0", "X0,2:a"));
    }

    @Test
    void targetDescriptionIsReadInWindows() {
        String xml = TinyTarget.TARGET.xml();
        List<String> r = replies("qXfer:features:read:target.xml:0,40", "qXfer:features:read:target.xml:40,10000",
                "qXfer:features:read:target.xml:10000,10", "qXfer:features:read:other.xml:0,10");
        assertEquals("m" + xml.substring(0, 0x40), r.get(0));
        assertEquals("l" + xml.substring(0x40), r.get(1));
        assertEquals(List.of("l", "E00"), r.subList(2, 4));
    }

    @Test
    void registersReadAndWriteInGdbOrderWithZerosForWhatTheMachineLacks() {
        machine.setRegister("r0", 0x11223344L);
        List<String> r = replies("g", "P1=78563412", "p1", "G0c000000010000000200000003000000", "g", "p3", "p0");
        assertEquals("00000000" + "44332211" + "00000000" + "00000000", r.get(0));
        assertEquals(List.of("OK", "78563412", "OK"), r.subList(1, 4));
        assertEquals("0c000000" + "01000000" + "02000000" + "00000000", r.get(4));
        assertEquals(List.of("00000000", "0c000000"), r.subList(5, 7));
        assertEquals(0xC, machine.register("pc"));
    }

    @Test
    void memoryReadsWritesAndFaults() {
        List<String> r = replies("M200,3:a1b2c3", "m200,4", "X204,4:" + Binary.escape(new byte[] {'#', '$', '}', '*'}),
                "m204,4", "X0,0:", "mff0,20", "m10000,4", "M10000,1:00");
        assertEquals(List.of("OK", "a1b2c300", "OK", "2324 7d2a".replace(" ", ""), "OK"), r.subList(0, 5));
        assertEquals(32, r.get(5).length(), "a read running off the end returns the bytes that are there");
        assertEquals(List.of("E14", "E14"), r.subList(6, 8));
        assertArrayEquals(new byte[] {(byte) 0xA1, (byte) 0xB2, (byte) 0xC3}, machine.readMemory(0x200, 3));
    }

    @Test
    void softwareBreakpointStopsBeforeItsInstructionAndRemovesCleanly() {
        List<String> r = replies("qSupported:swbreak+", "Z0,8,4", "c", "p0", "z0,8,4", "c", "?");
        assertEquals(List.of("OK", "T05swbreak:;thread:1;", "08000000", "OK", "W08", "W08"), r.subList(1, r.size()));
    }

    @Test
    void breakpointReasonsOnlyWhenGdbUnderstandsThem() {
        List<String> r = replies("Z1,c,4", "c");
        assertEquals(List.of("OK", "T05thread:1;"), r);
        machine.reset();
        assertEquals(List.of("OK", "T05hwbreak:;thread:1;"), replies("qSupported:hwbreak+", "Z1,c,4", "c").subList(1, 3));
    }

    @Test
    void stepsOneInstructionAtATimeAndFromAGivenAddress() {
        List<String> r = replies("s", "p0", "vCont;s:1;c", "p0", "sc", "p0", "p1");
        assertEquals(List.of("T05thread:1;", "04000000", "T05thread:1;", "08000000", "T05thread:1;", "10000000", "08000000"), r);
    }

    @Test
    void writeReadAndAccessWatchpointsReportTheWatchedAddressAfterTheAccess() {
        assertEquals(List.of("OK", "T05watch:200;thread:1;", "08000000"), replies("Z2,200,4", "vCont;c", "p0"));
        machine.reset();
        assertEquals(List.of("OK", "T05rwatch:202;thread:1;", "0c000000"), replies("Z3,202,1", "c", "p0"));
        machine.reset();
        assertEquals(List.of("OK", "T05awatch:1fe;thread:1;", "T05awatch:1fe;thread:1;", "W08"),
                replies("Z4,1fe,4", "c", "c", "c"));
    }

    @Test
    void removedWatchpointNoLongerStops() {
        assertEquals(List.of("OK", "OK", "W08"), replies("Z2,200,4", "z2,200,4", "c"));
    }

    @Test
    void interruptByteStopsARunningGuest() {
        TinyMachine loop = TinyTarget.endlessLoop();
        ScriptedGdb.Transcript t = new ScriptedGdb().send("c").raw("\u0003").send("p0").run(loop, TinyTarget.TARGET);
        assertEquals(List.of("T02thread:1;", "00000000"), t.replies());
    }

    @Test
    void guestExitEndsTheSessionWithItsStatus() {
        ScriptedGdb.Transcript t = new ScriptedGdb().send("c").run(machine, TinyTarget.TARGET);
        assertEquals(List.of("W08"), t.replies());
        assertEquals(SessionEnd.How.GUEST_ENDED, t.end().how());
        assertEquals(8, t.end().last().exitCode());
    }

    @Test
    void fatalFaultStopsWithItsSignalThenKillsOnResume() {
        ScriptedGdb.Transcript t = new ScriptedGdb().send("c").send("p0").send("?").send("c").send("s")
                .run(TinyTarget.divisionByZero(), TinyTarget.TARGET);
        assertEquals(List.of("T0bthread:1;", "04000000", "T0bthread:1;", "X0b", "X0b"), t.replies());
        assertEquals(SessionEnd.How.GUEST_ENDED, t.end().how());
    }

    @Test
    void killEndsWithoutAReply() {
        ScriptedGdb.Transcript t = new ScriptedGdb().send("k").send("qC").run(machine, TinyTarget.TARGET);
        assertEquals(List.of(), t.replies());
        assertEquals(SessionEnd.How.KILLED, t.end().how());
        assertNull(t.end().last());
    }

    @Test
    void detachLeavesNoDebugPointsBehind() {
        ScriptedGdb.Transcript t = new ScriptedGdb().send("Z0,c,4").send("Z2,200,4").send("D").run(machine, TinyTarget.TARGET);
        assertEquals(List.of("OK", "OK", "OK"), t.replies());
        assertEquals(SessionEnd.How.DETACHED, t.end().how());
        assertTrue(machine.engine().debugPoints().breakpoints().isEmpty());
        assertTrue(machine.engine().debugPoints().watchpoints().isEmpty());
    }

    @Test
    void oversizedPacketIsAnsweredAsUnsupported() {
        String huge = "m" + "0".repeat(0x5000);
        assertEquals(List.of(""), replies(huge));
        assertTrue(huge.getBytes(StandardCharsets.ISO_8859_1).length > 0x4000);
    }
}
