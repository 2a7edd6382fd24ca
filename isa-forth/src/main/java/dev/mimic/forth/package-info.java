/**
 * The Forth machine: a Forth-2012 system (Core, Core Extension, Double, Exception, File, Floating-
 * Point, Memory, Search-Order, String, Tools) that behaves like gforth 0.7.3 on amd64, run by the
 * shared engine. {@link dev.mimic.forth.ForthMachine} is the entry point; {@link
 * dev.mimic.forth.ForthOptions} configures it and {@link dev.mimic.forth.LineSource} feeds its
 * terminal.
 *
 * <h2>Design</h2>
 * <ul>
 *   <li><b>Cells are 64 bits</b>, as in gforth on amd64, so number ranges, the Hayes suites and
 *       differential tests against gforth agree; division is floored like gforth 0.7's.</li>
 *   <li><b>Memory is one byte array</b> ({@link dev.mimic.forth.layout.MemoryMap}): system
 *       variables, the three stacks (so the debugger shows them and SP@ addresses are real), the
 *       dictionary and an ALLOCATE heap. Code is tracked per cell (page shift 3): writing a
 *       variable beside a compiled word never drops it, storing into a thread always does.</li>
 *   <li><b>Threaded code</b>: a colon definition's body is a list of execution tokens, some with
 *       inline operands; an xt is the address of a two-cell code field whose first cell is an
 *       opcode of {@code forth.isa} (a primitive, or the kind of a defined word).</li>
 *   <li><b>Decoding</b> ({@link dev.mimic.forth.decode}) turns a definition into one IR region:
 *       primitives become IR with the stack tops in temporaries, branches and loops stay in the
 *       region, and a call to another definition is an IR CALL (a JVM call HotSpot can inline)
 *       that continues in-region when the callee returns normally. EXECUTE, deferred words,
 *       single-stepping and breakpoints go through the dispatcher instead; the return stack in
 *       memory is always exact, so both forms mix.</li>
 *   <li><b>The outer interpreter and compiler are Forth</b> ({@code kernel/*.fs}), over a few host
 *       helpers for parsing, dictionary search, number conversion and I/O ({@link
 *       dev.mimic.forth.text}, {@link dev.mimic.forth.runtime}). The kernel is compiled once by the
 *       bootstrap interpreter ({@link dev.mimic.forth.boot}) at build time into an image that every
 *       machine copies at start.</li>
 *   <li><b>Errors are Forth exceptions</b> ({@link dev.mimic.forth.exception}): faults in guest
 *       code and host helpers become THROWs with the standard codes (-9, -10, -13, ...), so CATCH
 *       sees them; an uncaught one is reported as gforth reports it.</li>
 * </ul>
 *
 * <h2>Numbers</h2>
 * Against gforth 0.7.3 on one core (after the first run warms HotSpot up): siev 146 ms vs 140,
 * matrix 85 vs 103, bubble 255 vs 204, fib(34) 190 vs 141; an empty counted loop runs at about 2
 * ns per iteration, as gforth. A machine starts in about 30 ms once the classes are loaded; the
 * first one in a JVM costs about 0.4 s of class loading and warm-up.
 */
package dev.mimic.forth;
