/**
 * Open Firmware (IEEE 1275) on the Forth machine. The firmware itself is Forth source
 * ({@code ofw/*.fs} resources: the FCode evaluator, the device tree, the standard packages, NVRAM
 * variables, the user and client interfaces) that {@link dev.mimic.forth.firmware.FirmwareBuilder}
 * compiles on the kernel at build time into a {@link dev.mimic.forth.firmware.FirmwareImage}
 * (format in {@code docs/FIRMWARE-IMAGE.md}); a machine created from the image boots into the
 * firmware's ok prompt. {@link dev.mimic.forth.firmware.FCodeRoms} turns ROM files into the boot
 * commands that attach them for probing.
 */
package dev.mimic.forth.firmware;
