/**
 * The p-machine as a {@link dev.mimic.backend.machine.Machine}: store, registers, engine, call
 * stack, symbols, disassembly and snapshots, and the options a run is made with.
 */
package dev.mimic.pcode.machine;
