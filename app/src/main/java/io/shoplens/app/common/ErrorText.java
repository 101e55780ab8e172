package io.shoplens.app.common;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** What a person reads about an error: the innermost useful message first, the trace only as details. */
public final class ErrorText {

    private ErrorText() {
    }

    /** The messages of the cause chain, most specific last, without wrapper noise. */
    public static String summary(Throwable error) {
        Set<String> parts = new LinkedHashSet<>();
        for (Throwable t = unwrap(error); t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.isBlank()) {
                parts.add(firstLine(message));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        if (parts.isEmpty()) {
            return unwrap(error).getClass().getSimpleName();
        }
        return String.join("\n", parts);
    }

    public static String details(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
