/**
 * Reading P5 intermediate files: the assembler ({@link dev.mimic.pcode.load.PcodeProgram#load}),
 * the instruction table from {@code p5.isa} ({@link dev.mimic.pcode.load.P5Isa}), the machine
 * parameter block both sides agree on ({@link dev.mimic.pcode.load.Mpb}), and the compiler's
 * debug records. A malformed file is a {@link dev.mimic.pcode.load.PcodeFormatException} with
 * {@code file:line: message}.
 */
package dev.mimic.pcode.load;
