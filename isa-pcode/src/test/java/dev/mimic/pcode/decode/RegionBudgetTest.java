package dev.mimic.pcode.decode;

import dev.mimic.backend.exec.CalledRegions;
import dev.mimic.backend.exec.DecodeRequest;
import dev.mimic.backend.exec.Engine;
import dev.mimic.backend.exec.EngineKind;
import dev.mimic.backend.interp.InterpretedCode;
import dev.mimic.backend.ir.Type;
import dev.mimic.backend.machine.Disassembly;
import dev.mimic.pcode.Runs;
import dev.mimic.pcode.load.PcodeProgram;
import dev.mimic.pcode.machine.PMachine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

/**
 * Every region the decoder can make is one the IR accepts, whatever instruction budget cuts it
 * short: where the budget falls decides which jumps leave through exit blocks, and an exit block
 * shared by a jump from a later block must not become a back-edge to a block the dispatcher cannot
 * resume at.
 */
class RegionBudgetTest {
    @ParameterizedTest
    @ValueSource(strings = {"control", "procs", "memory", "sets", "variants", "textio", "arith", "heap"})
    void everyInstructionDecodesUnderEveryBudget(String name) {
        PcodeProgram program = Runs.resource("golden/" + name + ".p5");
        PMachine m = new PMachine(program, Runs.options(Runs.interpreter(), "", new ByteArrayOutputStream(),
                new ByteArrayOutputStream()));
        P5Frontend frontend = new P5Frontend(program);
        frontend.callThrough(new CalledRegions(frontend::decodeCalled, Type.I32, InterpretedCode::new, () -> EngineKind.INTERP,
                Engine.DEFAULT_TIER_THRESHOLD), () -> true);
        List<Disassembly> code = m.disassemble(0, program.codeEnd());
        for (Disassembly insn : code) {
            if (insn.next() > program.codeEnd()) {
                break;
            }
            for (int budget = 1; budget <= 48; budget++) {
                DecodeRequest request = new DecodeRequest(budget, at -> false);
                assertDoesNotThrow(() -> frontend.decode(insn.address(), request, m.engine().context()),
                        name + " at " + insn.address() + " with " + request.maxInstructions() + " instructions");
            }
        }
    }
}
