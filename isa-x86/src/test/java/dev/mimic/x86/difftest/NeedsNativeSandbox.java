package dev.mimic.x86.difftest;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/** Skips a property, saying why, when the native sandbox cannot be built (no gcc -m32). */
public final class NeedsNativeSandbox implements SkipExecutionHook {
    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        return DifferentialProperties.NATIVE == null ? SkipResult.skip(NativeSandbox.unavailable) : SkipResult.doNotSkip();
    }
}
