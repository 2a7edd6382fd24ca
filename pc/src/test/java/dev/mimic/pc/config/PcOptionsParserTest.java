package dev.mimic.pc.config;

import dev.mimic.pc.serial.SerialSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PcOptionsParserTest {
    static PcOptions parse(String... args) {
        return PcOptionsParser.parse(List.of(args));
    }

    static String error(String... args) {
        return assertThrows(PcOptionsException.class, () -> parse(args)).getMessage();
    }

    @Test
    void defaultsAreQemus() {
        PcOptions o = parse();
        assertEquals(128L << 20, o.memoryBytes());
        assertEquals(Path.of("/usr/share/seabios/bios.bin"), o.bios());
        assertEquals("cad", o.bootOrder());
        assertEquals(List.of(), o.serial());
        assertEquals(OptionalInt.empty(), o.gdbPort());
        assertEquals("", o.append());
    }

    @Test
    void aDirectKernelBootLine() {
        PcOptions o = parse("-m", "512M", "-kernel", "vmlinuz", "-initrd", "initrd.img", "-append", "console=ttyS0 quiet",
                "-nographic", "-no-reboot", "-s", "-S");
        assertEquals(512L << 20, o.memoryBytes());
        assertEquals(Optional.of(Path.of("vmlinuz")), o.kernel());
        assertEquals(Optional.of(Path.of("initrd.img")), o.initrd());
        assertEquals("console=ttyS0 quiet", o.append());
        assertEquals(List.of(new SerialSpec.Stdio()), o.serial(), "-nographic puts COM1 on stdio");
        assertEquals(true, o.noReboot());
        assertEquals(OptionalInt.of(1234), o.gdbPort());
        assertEquals(true, o.startPaused());
    }

    @Test
    void machineTurnsAcpiOffAsQemusDoes() {
        assertEquals(true, parse().acpi());
        assertEquals(false, parse("-machine", "acpi=off").acpi());
        assertEquals(false, parse("-M", "pc,acpi=off").acpi());
        assertEquals(true, parse("-machine", "acpi=off", "-machine", "acpi=on").acpi());
        assertEquals("-machine: 'q35' is not known (Mimic's PC takes pc, acpi=on and acpi=off)", error("-machine", "q35"));
    }

    @Test
    void aDiskBootLine() {
        PcOptions o = parse("--hda", "debian.qcow", "-cdrom", "netinst.iso", "-boot", "d", "-snapshot",
                "-serial", "tcp::4444,server,nowait", "-serial", "file:com2.log", "-bios", "bios-256k.bin");
        assertEquals(Optional.of(Path.of("debian.qcow")), o.hda());
        assertEquals(Optional.of(Path.of("netinst.iso")), o.cdrom());
        assertEquals("d", o.bootOrder());
        assertEquals(true, o.snapshot());
        assertEquals(List.of(new SerialSpec.TcpServer("", 4444, false), new SerialSpec.File(Path.of("com2.log"))), o.serial());
        assertEquals(Path.of("bios-256k.bin"), o.bios());
    }

    @Test
    void gdbTakesQemusTcpDeviceAndTheLastOfGdbAndSWins() {
        assertEquals(OptionalInt.of(4321), parse("-gdb", "tcp::4321").gdbPort());
        assertEquals(OptionalInt.of(0), parse("-gdb", "tcp:localhost:0").gdbPort(), "port 0: the system picks one");
        assertEquals(OptionalInt.of(65535), parse("--gdb", "tcp:127.0.0.1:65535").gdbPort());
        assertEquals(OptionalInt.of(1234), parse("-gdb", "tcp::4321", "-s").gdbPort());
        assertEquals(OptionalInt.of(4321), parse("-s", "-gdb", "tcp::4321").gdbPort());
    }

    @Test
    void memorySizesInQemuSyntax() {
        assertEquals(256L << 20, PcOptionsParser.memorySize("256"));
        assertEquals(2L << 30, PcOptionsParser.memorySize("2G"));
        assertEquals(4096L << 10, PcOptionsParser.memorySize("4096k"));
        assertEquals(1L << 30, PcOptionsParser.memorySize("size=1024M"));
        assertEquals("dc", PcOptionsParser.bootOrder("order=DC"));
    }

    @Test
    void badValuesGiveOneLineErrors() {
        assertEquals("-m: 'lots' is not a size (try 512M or 2G)", error("-m", "lots"));
        assertEquals("-m: '12Q' has an unknown unit (use K, M, G or T)", error("-m", "12Q"));
        assertEquals("-m: 1 is less than the 2 MiB a PC needs", error("-m", "1"));
        assertEquals("-m: '0' is not a usable size", error("-m", "0"));
        assertEquals("-m needs a value", error("-m"));
        assertEquals("-boot: 'z' is not up to three of a, c, d, n (such as c, d or order=dc)", error("-boot", "z"));
        assertEquals("-serial: 'pty' is not stdio, file:F, tcp::PORT,server or none", error("-serial", "pty"));
        assertEquals("-serial: a PC has only 4 serial ports", error("-serial", "none", "-serial", "none", "-serial", "none", "-serial", "none", "-serial", "none"));
        assertEquals("-gdb: 'tcp:0.0.0.0:1234' is not tcp::PORT (the stub listens on 127.0.0.1 only)", error("-gdb", "tcp:0.0.0.0:1234"));
        assertEquals("-gdb: '1234' is not tcp::PORT (the stub listens on 127.0.0.1 only)", error("-gdb", "1234"));
        assertEquals("-gdb: port 65536 is not 0 to 65535", error("-gdb", "tcp::65536"));
        assertEquals("-gdb: 'tcp::123456' is not tcp::PORT (the stub listens on 127.0.0.1 only)", error("-gdb", "tcp::123456"));
        assertEquals("-gdb needs a value", error("-gdb"));
        assertEquals("-append is only allowed with -kernel", error("-append", "quiet"));
        assertEquals("-initrd is only allowed with -kernel", error("-initrd", "x"));
        assertEquals("unknown option -enable-kvm", error("-enable-kvm"));
        assertEquals("unexpected argument 'disk.img' (a disk image needs -hda)", error("disk.img"));
        assertEquals("-kernel needs a file name", error("-kernel", ""));
    }
}
