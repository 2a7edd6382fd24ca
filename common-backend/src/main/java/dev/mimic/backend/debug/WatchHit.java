package dev.mimic.backend.debug;

/** One access that matched a watchpoint: where, how, and the value before and after. */
public record WatchHit(Watchpoint watchpoint, long address, int width, boolean write, long oldValue, long newValue) {
}
