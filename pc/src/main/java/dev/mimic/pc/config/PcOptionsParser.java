package dev.mimic.pc.config;

import dev.mimic.pc.serial.SerialSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads QEMU's options for a PC (qemu-system-i386(1)): {@code -m}, {@code -kernel},
 * {@code -initrd}, {@code -append}, {@code -hda}, {@code -cdrom}, {@code -boot}, {@code -bios},
 * {@code -serial}, {@code -nographic}, {@code -snapshot}, {@code -no-reboot}, {@code -gdb},
 * {@code -s} and {@code -S}, each also accepted with two dashes. A bad value is a {@link PcOptionsException}.
 */
public final class PcOptionsParser {
    private static final int MAX_SERIAL_PORTS = 4;
    private static final Pattern GDB_DEVICE = Pattern.compile("tcp:(?:|localhost|127\\.0\\.0\\.1):([0-9]{1,5})");

    private final List<String> args;
    private int next;

    private long memory = PcOptions.DEFAULT_MEMORY;
    private Optional<Path> kernel = Optional.empty();
    private Optional<Path> initrd = Optional.empty();
    private Optional<String> append = Optional.empty();
    private Optional<Path> hda = Optional.empty();
    private Optional<Path> cdrom = Optional.empty();
    private String bootOrder = "cad";
    private Path bios = PcOptions.DEFAULT_BIOS;
    private final List<SerialSpec> serial = new ArrayList<>();
    private boolean nographic;
    private boolean snapshot;
    private boolean noReboot;
    private OptionalInt gdbPort = OptionalInt.empty();
    private boolean startPaused;
    private boolean acpi = true;

    private PcOptionsParser(List<String> args) {
        this.args = args;
    }

    public static PcOptions parse(List<String> args) {
        return new PcOptionsParser(args).parse();
    }

    private PcOptions parse() {
        while (next < args.size()) {
            String arg = args.get(next++);
            String option = arg.startsWith("--") ? arg.substring(1) : arg;
            switch (option) {
                case "-m" -> memory = memorySize(value(option));
                case "-kernel" -> kernel = Optional.of(path(option));
                case "-initrd" -> initrd = Optional.of(path(option));
                case "-append" -> append = Optional.of(value(option));
                case "-hda" -> hda = Optional.of(path(option));
                case "-cdrom" -> cdrom = Optional.of(path(option));
                case "-boot" -> bootOrder = bootOrder(value(option));
                case "-bios" -> bios = path(option);
                case "-serial" -> addSerial(value(option));
                case "-nographic" -> nographic = true;
                case "-snapshot" -> snapshot = true;
                case "-no-reboot" -> noReboot = true;
                case "-gdb" -> gdbPort = OptionalInt.of(gdbPort(value(option)));
                case "-s" -> gdbPort = OptionalInt.of(PcOptions.DEFAULT_GDB_PORT);
                case "-S" -> startPaused = true;
                case "-machine", "-M" -> machine(value(option));
                default -> throw new PcOptionsException(arg.startsWith("-") ? "unknown option " + arg : "unexpected argument '" + arg + "' (a disk image needs -hda)");
            }
        }
        if (kernel.isEmpty() && (initrd.isPresent() || append.isPresent())) {
            throw new PcOptionsException((initrd.isPresent() ? "-initrd" : "-append") + " is only allowed with -kernel");
        }
        if (serial.isEmpty() && nographic) {
            serial.add(new SerialSpec.Stdio());
        }
        return new PcOptions(memory, kernel, initrd, append.orElse(""), hda, cdrom, bootOrder, bios, serial,
                nographic, snapshot, noReboot, gdbPort, startPaused, acpi);
    }

    private String value(String option) {
        if (next >= args.size()) {
            throw new PcOptionsException(option + " needs a value");
        }
        return args.get(next++);
    }

    private Path path(String option) {
        String text = value(option);
        if (text.isEmpty()) {
            throw new PcOptionsException(option + " needs a file name");
        }
        return Path.of(text);
    }

    /** QEMU's size syntax: a number of MiB, or with a K, M, G or T suffix, optionally as size=N. */
    static long memorySize(String text) {
        String size = text.startsWith("size=") ? text.substring(5) : text;
        if (!size.matches("[0-9]{1,18}[A-Za-z]?")) {
            throw new PcOptionsException("-m: '" + text + "' is not a size (try 512M or 2G)");
        }
        char last = size.charAt(size.length() - 1);
        long unit = Character.isDigit(last) ? 1L << 20 : switch (Character.toUpperCase(last)) {
            case 'K' -> 1L << 10;
            case 'M' -> 1L << 20;
            case 'G' -> 1L << 30;
            case 'T' -> 1L << 40;
            default -> throw new PcOptionsException("-m: '" + text + "' has an unknown unit (use K, M, G or T)");
        };
        long amount = Long.parseLong(Character.isDigit(last) ? size : size.substring(0, size.length() - 1));
        if (amount <= 0 || amount > Long.MAX_VALUE / unit) {
            throw new PcOptionsException("-m: '" + text + "' is not a usable size");
        }
        long bytes = amount * unit;
        if (bytes < 2L << 20) {
            throw new PcOptionsException("-m: " + text + " is less than the 2 MiB a PC needs");
        }
        return bytes;
    }

    /** QEMU's {@code -machine [pc,]acpi=on|off}: the one board, with or without ACPI. */
    private void machine(String text) {
        for (String property : text.split(",", -1)) {
            switch (property) {
                case "pc", "acpi=on" -> acpi = acpi || property.equals("acpi=on");
                case "acpi=off" -> acpi = false;
                default -> throw new PcOptionsException("-machine: '" + property + "' is not known (Mimic's PC takes pc, acpi=on and acpi=off)");
            }
        }
    }

    /** {@code c}, {@code d}, {@code dc}, or QEMU's {@code order=dc}: up to three of a, c, d, n. */
    static String bootOrder(String text) {
        String order = text.startsWith("order=") ? text.substring(6) : text;
        if (order.isEmpty() || order.length() > 3 || !order.toLowerCase(Locale.ROOT).matches("[acdn]+")) {
            throw new PcOptionsException("-boot: '" + text + "' is not up to three of a, c, d, n (such as c, d or order=dc)");
        }
        return order.toLowerCase(Locale.ROOT);
    }

    /**
     * QEMU's {@code -gdb tcp::PORT} (what {@code -s} abbreviates), or with the loopback host named;
     * port 0 lets the system pick a free one. The stub listens on the loopback interface only.
     */
    static int gdbPort(String text) {
        Matcher m = GDB_DEVICE.matcher(text);
        if (!m.matches()) {
            throw new PcOptionsException("-gdb: '" + text + "' is not tcp::PORT (the stub listens on 127.0.0.1 only)");
        }
        int port = Integer.parseInt(m.group(1));
        if (port > 65535) {
            throw new PcOptionsException("-gdb: port " + port + " is not 0 to 65535");
        }
        return port;
    }

    private void addSerial(String text) {
        if (serial.size() == MAX_SERIAL_PORTS) {
            throw new PcOptionsException("-serial: a PC has only " + MAX_SERIAL_PORTS + " serial ports");
        }
        try {
            serial.add(SerialSpec.parse(text));
        } catch (IllegalArgumentException e) {
            throw new PcOptionsException("-serial: " + e.getMessage());
        }
    }
}
