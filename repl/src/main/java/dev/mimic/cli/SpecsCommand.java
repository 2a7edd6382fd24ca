package dev.mimic.cli;

import dev.mimic.backend.machine.MachineException;
import dev.mimic.specs.coverage.CoverageReport;
import dev.mimic.specs.coverage.SpecCoverage;
import dev.mimic.specs.model.IsaSpec;
import dev.mimic.specs.parse.IsaFormatException;
import dev.mimic.specs.parse.IsaSpecs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code mimic specs coverage <machine>}: how much of a machine's opcode table has IR semantics and
 * tests, read from the spec file, the machine module's classes and its last test run's record.
 */
@Command(name = "specs", description = "Machine specifications (the opcode tables in specs/).")
final class SpecsCommand implements Runnable {
    /** The ISA each machine runs; an ISA name stands for itself. */
    private static final Map<String, String> ISA_OF_MACHINE = new LinkedHashMap<>();
    /** The module that implements each ISA, whose tests record what they decoded. */
    private static final Map<String, String> MODULE_OF_ISA = Map.of("p5", "isa-pcode", "x86", "isa-x86", "fcode", "isa-forth", "cil", "isa-cil");

    static {
        ISA_OF_MACHINE.put("pcode", "p5");
        ISA_OF_MACHINE.put("pascal", "p5");
        ISA_OF_MACHINE.put("x86", "x86");
        ISA_OF_MACHINE.put("x86-user", "x86");
        ISA_OF_MACHINE.put("forth", "fcode");
        ISA_OF_MACHINE.put("ofw", "fcode");
        ISA_OF_MACHINE.put("cil", "cil");
    }

    @Spec
    CommandSpec spec;

    private final Stdio io;

    SpecsCommand(Stdio io) {
        this.io = io;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: coverage");
    }

    @Command(name = "coverage",
            description = {"Prints each instruction of a machine's ISA: whether it has IR semantics, and whether the machine module's last test run decoded it.",
                    "The test record is <mimic.home>/<module>/target/spec-coverage (mimic.home is set by the launcher; default: the current directory)."})
    int coverage(@Parameters(paramLabel = "MACHINE", description = "pcode, pascal, x86, x86-user, forth, ofw or cil; or an ISA name (p5, x86, fcode, cil).")
                 String machine) {
        String isa = MODULE_OF_ISA.containsKey(machine) ? machine : ISA_OF_MACHINE.get(machine);
        if (isa == null) {
            throw new MachineException("unknown machine '" + machine + "' (one of " + String.join(", ", ISA_OF_MACHINE.keySet()) + ")");
        }
        Path records = Path.of(System.getProperty("mimic.home", ".")).resolve(MODULE_OF_ISA.get(isa)).resolve("target").resolve("spec-coverage");
        try {
            IsaSpec spec = IsaSpecs.load(isa);
            io.out().print(CoverageReport.render(SpecCoverage.of(spec, SpecsCommand.class.getClassLoader(), records)));
        } catch (IsaFormatException | IllegalArgumentException e) {
            throw new MachineException(e.getMessage());
        } catch (IOException e) {
            throw new MachineException(records + ": cannot read the test record (" + e.getMessage() + ")");
        }
        return 0;
    }
}
