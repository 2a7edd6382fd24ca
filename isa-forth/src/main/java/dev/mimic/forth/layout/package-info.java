/** Where the machine keeps things: the memory map shared by the host and the kernel, and the register slots. */
package dev.mimic.forth.layout;
