package io.shoplens.engine.cli;

/** An input that cannot be read at all: the CLI exits with code 3. */
public class UnreadableInputException extends RuntimeException {
    public UnreadableInputException(String message) {
        super(message);
    }

    public UnreadableInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
