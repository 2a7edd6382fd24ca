package dev.mimic.repl;

/**
 * A command the user got wrong (bad arguments, an unknown name, nothing to act on). The workbench
 * prints its one-line message after the command's name and keeps the session going.
 */
public final class CommandException extends RuntimeException {
    public CommandException(String message) {
        super(message);
    }
}
