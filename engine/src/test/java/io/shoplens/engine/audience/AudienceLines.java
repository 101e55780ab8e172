package io.shoplens.engine.audience;

/**
 * user_visit_action lines for {@link io.shoplens.engine.testing.Fixtures#actions}, one per kind of
 * action, so a fixture reads as what each user did. The date is the time's; page and city are 1.
 */
final class AudienceLines {

    private AudienceLines() {
    }

    static String search(long user, String session, String time, String keyword, String channel) {
        return line(user, session, time, keyword, "", "", "", "", channel);
    }

    /** A click on a category, and a product when {@code product} is not empty. */
    static String click(long user, String session, String time, long category, String product, String channel) {
        return line(user, session, time, "", String.valueOf(category), product, "", "", channel);
    }

    /** A pay of the comma lists {@code categories} and {@code products} (either may be empty). */
    static String pay(long user, String session, String time, String categories, String products, String channel) {
        return line(user, session, time, "", "", "", categories, products, channel);
    }

    /** An action that is none of the above (a page view). */
    static String view(long user, String session, String time, String channel) {
        return line(user, session, time, "", "", "", "", "", channel);
    }

    private static String line(long user, String session, String time, String keyword, String category,
                               String product, String payCategories, String payProducts, String channel) {
        return String.join("|", time.substring(0, 10), String.valueOf(user), session, "1", time, keyword, category,
                product, "", "", payCategories, payProducts, "1", channel, "");
    }
}
