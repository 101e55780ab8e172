package io.shoplens.engine.generate;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

import io.shoplens.engine.logs.LogKind;

/**
 * The columns a generated file of a kind has: the kind's source columns, and for actions our
 * optional {@code channel} and {@code pay_amount} too. Every generated row is an {@code Object[]}
 * in this order holding {@link Long}, {@link Integer}, {@link Double}, {@link String} or null
 * (unset); dates and times are already text in the platform's layout.
 */
public final class LogColumns {

    /** The value types a generated column holds. */
    public enum Type { LONG, INT, DOUBLE, STRING }

    private LogColumns() {
    }

    public static List<String> of(LogKind kind) {
        List<String> columns = new ArrayList<>(kind.requiredColumns());
        columns.addAll(kind.optionalColumns());
        return List.copyOf(columns);
    }

    /** Dates and times stay text (the platform's Hive tables store them as strings too). */
    public static Type typeOf(LogKind kind, String column) {
        DataType type = kind.schema().apply(column).dataType();
        if (type.equals(DataTypes.LongType)) {
            return Type.LONG;
        }
        if (type.equals(DataTypes.IntegerType)) {
            return Type.INT;
        }
        if (type.equals(DataTypes.DoubleType)) {
            return Type.DOUBLE;
        }
        return Type.STRING;
    }
}
