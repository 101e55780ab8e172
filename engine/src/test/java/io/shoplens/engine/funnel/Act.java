package io.shoplens.engine.funnel;

import io.shoplens.engine.testing.Fixtures;

/**
 * One action of a hand-made session as a {@link Fixtures#actions} line, e.g.
 * {@code Act.in("s1").at("10:00:05").search("火锅")}: user 1, 2019-07-17, no page, channel or
 * city unless given.
 */
final class Act {

    private final String session;
    private String date = "2019-07-17";
    private long user = 1;
    private String time = "00:00:00";
    private String page = "";
    private String city = "";
    private String channel = "";

    private Act(String session) {
        this.session = session;
    }

    static Act in(String session) {
        return new Act(session);
    }

    Act user(long id) {
        user = id;
        return this;
    }

    Act on(String day) {
        date = day;
        return this;
    }

    Act at(String clock) {
        time = clock;
        return this;
    }

    Act page(long id) {
        page = String.valueOf(id);
        return this;
    }

    Act city(long id) {
        city = String.valueOf(id);
        return this;
    }

    Act channel(String name) {
        channel = name;
        return this;
    }

    /** An action with only a page (and whatever else was given). */
    String view() {
        return line("", "", "", "", "", "", "");
    }

    String search(String keyword) {
        return line(keyword, "", "", "", "", "", "");
    }

    String click(long category, long product) {
        return line("", String.valueOf(category), String.valueOf(product), "", "", "", "");
    }

    String order(String categories, String products) {
        return line("", "", "", categories, products, "", "");
    }

    String pay(String categories, String products) {
        return line("", "", "", "", "", categories, products);
    }

    private String line(String keyword, String clickCategory, String clickProduct, String orderCategories,
                        String orderProducts, String payCategories, String payProducts) {
        return String.join("|", date, String.valueOf(user), session, page, date + " " + time, keyword,
                clickCategory, clickProduct, orderCategories, orderProducts, payCategories, payProducts, city,
                channel, "");
    }
}
