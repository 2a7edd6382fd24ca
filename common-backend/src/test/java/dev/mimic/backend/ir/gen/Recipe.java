package dev.mimic.backend.ir.gen;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.util.List;

/**
 * Everything {@link RegionGen} needs to build a test program: the steps of the main region and of
 * each callee, the seed of the {@link GenWorld}, the instruction limit, and whether the main region
 * is dispatchable or called with parameters. Plain data, so jqwik shrinks a failing program to a
 * small one by dropping steps and shrinking numbers toward zero.
 *
 * @param main     steps of the main region
 * @param callees  steps of each callee region; callee {@code i} may call callees below {@code i}
 * @param shape    selects the main region's and the callees' signatures
 * @param seed     seeds the world's memory, state and parameters
 * @param limit    {@link dev.mimic.backend.exec.ExecutionContext#instructionLimit}; -1 means none, -2 none
 *                 but an interrupt already requested
 * @param fuel     how many loop back-edges may be taken in each region activation
 */
public record Recipe(List<Step> main, List<List<Step>> callees, int shape, long seed, int limit, int fuel) {

    /** Recipes of up to {@code maxSteps} main steps and two callees of half that. */
    public static Arbitrary<Recipe> recipes(int maxSteps) {
        Arbitrary<List<Step>> main = steps(maxSteps);
        Arbitrary<List<List<Step>>> callees = steps(maxSteps / 2).list().ofMaxSize(2);
        Arbitrary<Integer> limit = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.integers().between(-2, -1)),
                Tuple.of(3, Arbitraries.integers().between(0, 4)));
        return Combinators.combine(main, callees, Arbitraries.integers().between(0, 1 << 20),
                        Arbitraries.longs(), limit, Arbitraries.integers().between(0, 8))
                .as(Recipe::new);
    }

    private static Arbitrary<List<Step>> steps(int max) {
        // Selectors without jqwik's edge cases (which would pick the same few operands and ops);
        // constants get their edge values from the value field and from Values.
        Arbitrary<Integer> small = Arbitraries.integers().between(0, 1 << 16).withoutEdgeCases();
        Arbitrary<Long> value = Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-300, 300));
        return Combinators.combine(Arbitraries.integers().between(0, 1000).withoutEdgeCases(), small, small, small, value)
                .as(Step::new).list().ofMaxSize(max);
    }
}
