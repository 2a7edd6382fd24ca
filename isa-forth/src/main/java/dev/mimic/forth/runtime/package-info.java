/**
 * The host side of the running machine: {@link dev.mimic.forth.runtime.ForthRuntime} (what helpers
 * reach through the execution context) and the helpers of the primitives that are not IR, grouped
 * by word set: double-cell arithmetic, floating-point functions and text, byte ranges, the console,
 * files and the ALLOCATE heap.
 */
package dev.mimic.forth.runtime;
