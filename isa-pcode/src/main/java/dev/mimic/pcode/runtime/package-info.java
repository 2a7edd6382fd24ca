/**
 * What p-code calls at run time: the standard procedures of {@code csp} (text and binary files,
 * new and dispose, arithmetic functions) and the checks too long for IR, as helpers with declared
 * effects; the registers; the runtime errors; and the per-machine runtime that holds the files.
 */
package dev.mimic.pcode.runtime;
