package io.shoplens.engine.analysis;

/**
 * A jump from page {@code from} to page {@code to}: two adjacent actions of a session, in session
 * order, on those pages (docs/ANALYSES.md, pages). Written {@code 3-4} on the command line.
 */
public record PageJump(long from, long to) {

    /** {@code "3-4"} (spaces around the numbers allowed) → the jump 3→4. */
    public static PageJump parse(String text) {
        String[] pages = text.split("-", -1);
        try {
            if (pages.length == 2) {
                return new PageJump(Long.parseLong(pages[0].trim()), Long.parseLong(pages[1].trim()));
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("'" + text + "' is not a page jump like 3-4");
    }

    /** As {@link #parse} reads it. */
    public String text() {
        return from + "-" + to;
    }
}
