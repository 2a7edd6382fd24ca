/** The debugger's view of Forth: threaded code decompiled by word name (SEE, disassembly) and the dictionary as a symbol table. */
package dev.mimic.forth.debug;
