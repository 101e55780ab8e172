package io.shoplens.engine.model;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * How a missing session attribute is named (docs/ANALYSES.md, gmv): a missing or blank channel,
 * sex or professional is {@link #VALUE}, an unknown place {@link #PLACE}. GMV's breakdowns and the
 * session filter's channels and areas use the same names, so a breakdown value clicked in the
 * app filters exactly the sessions it counted.
 */
public final class Unknown {

    public static final String VALUE = "unknown";
    public static final String PLACE = "(unknown)";

    private Unknown() {
    }

    public static Column or(Column value, String unknown) {
        return when(value.isNull().or(trim(value).equalTo("")), lit(unknown)).otherwise(value);
    }

    public static String or(String value, String unknown) {
        return value == null || value.trim().isEmpty() ? unknown : value;
    }
}
