package dev.mimic.cil.runtime;

import dev.mimic.backend.exec.CallTarget;
import dev.mimic.backend.exec.ExecutionContext;
import dev.mimic.backend.exec.Frame;
import dev.mimic.backend.exec.RegionCode;
import dev.mimic.backend.interp.InterpretedCode;
import dev.mimic.backend.ir.Region;
import java.util.function.Function;

/**
 * A method's code in tiered mode: interpreted until it has been called {@code threshold} times,
 * then compiled and swapped into its call target, so compiled callers link to it directly. A region
 * the compiler refuses stays interpreted.
 */
final class TieredCode implements RegionCode {
    private final Region region;
    private final CallTarget target;
    private final Function<Region, RegionCode> compiler;
    private final RegionCode interpreted;
    private int remaining;

    TieredCode(Region region, CallTarget target, Function<Region, RegionCode> compiler, int threshold) {
        this.region = region;
        this.target = target;
        this.compiler = compiler;
        this.interpreted = new InterpretedCode(region);
        this.remaining = threshold;
    }

    @Override
    public int run(ExecutionContext ctx, Frame frame) {
        if (--remaining == 0) {
            try {
                target.setCode(compiler.apply(region));
            } catch (IllegalArgumentException e) {
                target.setCode(interpreted);
            }
        }
        return interpreted.run(ctx, frame);
    }

    @Override
    public boolean compiled() {
        return false;
    }
}
