package dev.mimic.cil.pe;

/** A PE data directory entry: a relative virtual address and a size (ECMA-335 II.25.2.3.3). */
public record DataDirectory(int rva, int size) {
}
