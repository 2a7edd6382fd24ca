/**
 * P5 code to IR: the frontend the engine drives ({@link dev.mimic.pcode.decode.P5Frontend}), the
 * region decoder that turns a procedure's blocks and loops into one region, the expression stack
 * kept in IR temporaries between region boundaries, and {@link dev.mimic.pcode.decode.P5Semantics},
 * one method per instruction of the table.
 */
package dev.mimic.pcode.decode;
