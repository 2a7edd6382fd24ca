package dev.mimic.cli;

import dev.mimic.pcode.compiler.PascalCompiler;
import dev.mimic.pcode.load.PcodeProgram;
import dev.mimic.pcode.machine.PMachine;
import dev.mimic.repl.BatchSession;
import dev.mimic.repl.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * {@code mimic demo}: a guest program stepping and running in the workbench, with nothing to
 * download. The bundled n-queens program is compiled, then a scripted session runs through the
 * same machinery as {@code --batch}, each command echoed as if typed.
 */
@Command(name = "demo", description = "Compiles a bundled Pascal program (n queens) and steps, breaks and runs it in the workbench; always ends with the --stats lines.")
final class DemoCommand implements Callable<Integer> {
    private static final String PROGRAM = "queens.pas";

    @Mixin
    EngineOptions engine;

    private final Stdio io;

    DemoCommand(Stdio io) {
        this.io = io;
    }

    @Override
    public Integer call() throws IOException {
        PcodeProgram program = PascalCommand.program(new PascalCompiler().compile(PROGRAM, resource(PROGRAM)), PROGRAM, "queens.p5", io.err());
        PMachine machine = PcodeCommand.machine(program, engine, List.of(), InputStream.nullInputStream(), io);
        PrintWriter out = io.writer();
        out.println("The bundled " + PROGRAM + " counts the solutions of the n-queens puzzle with a recursive procedure,");
        out.println("compiled to p-code and opened in the workbench (the session 'mimic debug pascal' gives you):");
        BatchSession.run(new Workbench(machine, out, engine.maxSteps()), new BufferedReader(new StringReader(resource("queens.script"))));
        out.print(EngineOptions.statistics(machine));
        out.flush();
        return 0;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(DemoCommand.class.getResourceAsStream("/demo/" + name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
