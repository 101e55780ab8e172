package io.shoplens.engine.workspace;

/** The workspace folder or its catalog could not be used; the message says which and why. */
public class WorkspaceException extends RuntimeException {
    public WorkspaceException(String message) {
        super(message);
    }

    public WorkspaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
