package io.shoplens.engine.cli;

import java.io.PrintWriter;

/** One self-overwriting progress line on stderr, redrawn when the whole percent or the message changes. */
final class ProgressLine {
    private final PrintWriter err;
    private int lastPercent = -1;
    private String lastMessage = "";
    private boolean shown;

    ProgressLine(PrintWriter err) {
        this.err = err;
    }

    void show(double fraction, String message) {
        int percent = (int) Math.max(0, Math.min(99, Math.floor(fraction * 100)));
        if (percent != lastPercent || !message.equals(lastMessage)) {
            lastPercent = percent;
            lastMessage = message;
            shown = true;
            err.print("\r" + percent + "% " + message + "   ");
            err.flush();
        }
    }

    /** Ends the line, so whatever is printed next starts on a fresh one. */
    void end() {
        if (shown) {
            err.println();
            err.flush();
        }
        shown = false;
        lastPercent = -1;
        lastMessage = "";
    }
}
