/**
 * FCode, the byte-coded Forth of IEEE 1275 (Open Firmware) that plug-in cards carry in ROM: the
 * standard token table ({@link dev.mimic.forth.fcode.FCodeTable}, read from {@code fcode.isa} in
 * specs), the image reader that finds a program in a file or PCI expansion ROM and checks its header
 * and checksum ({@link dev.mimic.forth.fcode.FCodeImage}), the token-by-token reader the evaluator
 * and the detokenizer share ({@link dev.mimic.forth.fcode.FCodeReader}), and the listing of
 * {@code mimic fcode detok} ({@link dev.mimic.forth.fcode.Detokenizer}), which agrees with Debian's
 * detok. Every malformed image is an {@link dev.mimic.forth.fcode.FCodeFormatException} naming the
 * file offset.
 */
package dev.mimic.forth.fcode;
