package io.shoplens.engine.funnel;

import java.util.Locale;

/**
 * Which action of a unit's reported attempt gives its breakdown value ({@code --attribution}):
 * the first (step 1's), the last matched one, or step K's.
 *
 * @param touch first, last or one step
 * @param step  the step K (from 1) for {@link Touch#STEP}, else 0
 */
public record Attribution(Touch touch, int step) {

    public enum Touch {
        FIRST_TOUCH,
        LAST_TOUCH,
        STEP
    }

    public static final Attribution FIRST_TOUCH = new Attribution(Touch.FIRST_TOUCH, 0);
    public static final Attribution LAST_TOUCH = new Attribution(Touch.LAST_TOUCH, 0);

    public Attribution {
        if ((touch == Touch.STEP) != (step > 0)) {
            throw new IllegalArgumentException("--attribution step:K needs a step K of 1 or more");
        }
    }

    public static Attribution step(int k) {
        return new Attribution(Touch.STEP, k);
    }

    /** {@code first_touch}, {@code last_touch} or {@code step:K}. */
    public static Attribution parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("first_touch")) {
            return FIRST_TOUCH;
        }
        if (t.equals("last_touch")) {
            return LAST_TOUCH;
        }
        if (t.startsWith("step:")) {
            try {
                int k = Integer.parseInt(t.substring("step:".length()).trim());
                if (k >= 1) {
                    return step(k);
                }
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
        }
        throw new IllegalArgumentException("--attribution '" + text + "' is not first_touch, last_touch or step:K"
                + " (K a step number from 1)");
    }

    public String text() {
        return touch == Touch.STEP ? "step:" + step : touch.name().toLowerCase(Locale.ROOT);
    }
}
