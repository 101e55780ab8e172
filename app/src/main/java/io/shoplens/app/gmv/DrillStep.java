package io.shoplens.app.gmv;

import java.util.Objects;

import io.shoplens.engine.gmv.GmvDimension;

/** One step of a drill path: the slice where {@code dimension} is {@code value}. */
public record DrillStep(GmvDimension dimension, String value) {

    public DrillStep {
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(value, "value");
    }

    /** As the breadcrumb shows it: {@code channel=recommend}. */
    @Override
    public String toString() {
        return dimension.column() + "=" + value;
    }
}
