/** Forth exceptions raised by the host (a guest fault the machine turns into THROW) and the standard codes' messages. */
package dev.mimic.forth.exception;
