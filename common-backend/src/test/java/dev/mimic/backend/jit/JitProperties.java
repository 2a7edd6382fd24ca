package dev.mimic.backend.jit;

import dev.mimic.backend.interp.InterpretedCode;
import dev.mimic.backend.ir.Region;
import dev.mimic.backend.ir.gen.Outcome;
import dev.mimic.backend.ir.gen.Recipe;
import dev.mimic.backend.ir.gen.RegionGen;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Compiled code behaves exactly like the interpreter on random regions, and every class it generates verifies. */
class JitProperties {
    private final Jit jit = new Jit();

    @Provide
    Arbitrary<Recipe> programs() {
        return Recipe.recipes(60);
    }

    @Property
    void compiledRegionsBehaveLikeTheInterpreter(@ForAll("programs") Recipe recipe) {
        Outcome interpreted = Outcome.run(recipe, InterpretedCode::new, InterpretedCode::new);
        Outcome compiled = Outcome.run(recipe, jit::compile, jit::compile);
        assertNull(compiled.differenceFrom(interpreted), () -> "compiled vs interpreted on\n" + listing(recipe));
    }

    @Property
    void compiledCallersOfInterpretedCalleesBehaveLikeTheInterpreter(@ForAll("programs") Recipe recipe) {
        Outcome interpreted = Outcome.run(recipe, InterpretedCode::new, InterpretedCode::new);
        Outcome mixed = Outcome.run(recipe, jit::compile, InterpretedCode::new);
        assertNull(mixed.differenceFrom(interpreted), () -> "mixed vs interpreted on\n" + listing(recipe));
        Outcome reversed = Outcome.run(recipe, InterpretedCode::new, jit::compile);
        assertNull(reversed.differenceFrom(interpreted), () -> "interpreted caller vs interpreted on\n" + listing(recipe));
    }

    @Property
    void everyGeneratedClassVerifies(@ForAll("programs") Recipe recipe) {
        RegionGen.Program p = RegionGen.build(recipe);
        verify(p.main);
        p.callees.forEach(this::verify);
    }

    private void verify(Region region) {
        StringWriter errors = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(jit.generate(region)), getClass().getClassLoader(), false, new PrintWriter(errors));
        assertEquals("", errors.toString(), () -> region.listing());
    }

    private static String listing(Recipe recipe) {
        RegionGen.Program p = RegionGen.build(recipe);
        StringBuilder s = new StringBuilder(p.main.listing());
        p.callees.forEach(c -> s.append(c.listing()));
        return s.toString();
    }

}
