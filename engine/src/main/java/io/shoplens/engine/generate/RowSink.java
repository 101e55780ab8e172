package io.shoplens.engine.generate;

import java.io.IOException;

/** Takes generated rows one at a time (values in {@link LogColumns#of} order). */
@FunctionalInterface
public interface RowSink {

    void write(Object[] row) throws IOException;
}
