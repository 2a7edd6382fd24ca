/**
 * Making the kernel image: the initial dictionary ({@code Genesis}: primitives, system variables),
 * the bootstrap interpreter that compiles the kernel sources ({@code kernel/*.fs}), and the image
 * every machine starts from (built at build time, checked against the sources it came from).
 */
package dev.mimic.forth.boot;
