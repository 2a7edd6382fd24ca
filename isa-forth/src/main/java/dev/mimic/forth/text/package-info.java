/**
 * The text interpreter's host helpers: the input source stack (terminal, EVALUATE strings, included
 * files), parsing, number conversion in gforth's syntax, and the error report of an uncaught
 * exception. The interpreter loop itself is Forth, in the kernel.
 */
package dev.mimic.forth.text;
