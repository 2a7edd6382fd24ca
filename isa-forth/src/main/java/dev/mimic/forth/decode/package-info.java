/**
 * Threaded code to IR: {@link dev.mimic.forth.decode.ThreadDecoder} finds a region's instructions
 * and blocks, {@link dev.mimic.forth.decode.Primitives} holds each instruction's semantics (one
 * method per entry of {@code forth.isa}, read through {@link dev.mimic.forth.decode.PrimitiveTable}),
 * {@link dev.mimic.forth.decode.StackCache} keeps the stacks in temporaries between block
 * boundaries, and {@link dev.mimic.forth.decode.CallTargets} makes colon definitions callable
 * regions.
 */
package dev.mimic.forth.decode;
