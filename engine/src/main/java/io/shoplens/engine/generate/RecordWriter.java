package io.shoplens.engine.generate;

import java.io.Closeable;

/** Writes generated rows of one kind to one file in one format. */
interface RecordWriter extends RowSink, Closeable {
}
