package io.shoplens.engine.gmv;

import java.util.Comparator;
import java.util.List;

import io.shoplens.engine.text.Text;

/**
 * The attributes a session's GMV is broken down by, in the order of docs/ANALYSES.md (gmv), each with the
 * order of its values in tables: age groups youngest first ({@code unknown} last); any other
 * dimension by Unicode code point order, which is the order Spark gives strings (it compares
 * their UTF-8 bytes), unlike {@link String#compareTo} for characters outside the BMP.
 */
public enum GmvDimension {
    CHANNEL("channel"),
    AREA("area"),
    CITY("city"),
    SEX("sex"),
    PROFESSIONAL("professional"),
    AGE_GROUP("age_group");

    public static final List<String> AGE_GROUPS = List.of("<18", "18-24", "25-34", "35-44", "45-54", "55+", "unknown");

    private final String column;

    GmvDimension(String column) {
        this.column = column;
    }

    /** Column name in the cube and value of the {@code dimension} column in tables. */
    public String column() {
        return column;
    }

    /** How this dimension's values are ordered in gmv_breakdown and gmv_bridge. */
    public Comparator<String> valueOrder() {
        Comparator<String> byText = Text::compare;
        return this == AGE_GROUP ? Comparator.comparingInt(GmvDimension::ageRank).thenComparing(byText) : byText;
    }

    /** Position of an age group in {@link #AGE_GROUPS}; anything else after them. */
    public static int ageRank(String group) {
        int i = AGE_GROUPS.indexOf(group);
        return i < 0 ? AGE_GROUPS.size() : i;
    }
}
