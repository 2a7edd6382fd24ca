/**
 * Open Firmware (IEEE 1275) on the Forth machine. The firmware itself is Forth source
 * ({@code ofw/*.fs} resources: the FCode evaluator, the device tree, the standard packages, NVRAM
 * variables, the user and client interfaces) that {@link dev.mimic.forth.firmware.FirmwareBuilder}
 * compiles on the kernel at build time into a {@link dev.mimic.forth.firmware.FirmwareImage}
 * (format in {@code docs/FIRMWARE-IMAGE.md}); a machine created from the image boots into the
 * firmware's ok prompt. {@link dev.mimic.forth.firmware.BootCommands} makes the boot commands
 * that attach ROM files for probing and back NVRAM with a file;
 * {@link dev.mimic.forth.firmware.ClientInterface} calls the client interface from the host.
 */
package dev.mimic.forth.firmware;
