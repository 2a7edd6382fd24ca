package dev.mimic.backend.machine;

/**
 * An error the user caused and can fix, with a one-line message meant for the terminal (an unknown
 * register, an address outside memory, a malformed file). The command line prints the message
 * alone and exits with status 2; the REPL prints it and keeps the session.
 */
public class MachineException extends RuntimeException {
    public MachineException(String message) {
        super(message);
    }

    public MachineException(String message, Throwable cause) {
        super(message, cause);
    }
}
