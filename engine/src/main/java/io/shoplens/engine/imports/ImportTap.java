package io.shoplens.engine.imports;

import io.shoplens.engine.logs.LogKind;

/**
 * Sees the rows an import accepts as they are written, so that a process which analyses what it
 * has just imported ({@code analyze --input}) can keep them in memory instead of reading the
 * Parquet back through Spark.
 *
 * <p>Each file (or Parquet table folder) the import reads is a {@link Unit}, told at the end
 * whether its rows became a dataset ({@link Unit#kept}) or not ({@link Unit#dropped}): a file
 * that fails, holds nothing or repeats another's bytes is dropped after its rows were seen, since
 * that is known only once it has been read.
 */
public interface ImportTap {

    /** Sees nothing. */
    ImportTap NONE = () -> Unit.NONE;

    /** A new unit, for the next file the import reads. */
    Unit unit();

    /** One file's accepted rows, in file order, from one thread at a time. */
    interface Unit {

        Unit NONE = new Unit() {
            @Override
            public void row(LogKind kind, Object[] stored) {
            }

            @Override
            public void kept(long datasetId) {
            }

            @Override
            public void dropped() {
            }
        };

        /**
         * The unit is a file of {@code kind} taking {@code bytes} on disk, told before its first
         * row: enough to size what keeps its rows, so that it is not copied while it fills.
         */
        default void expect(LogKind kind, long bytes) {
        }

        /** An accepted row of {@code kind}, in its {@link LogKind#storedSchema()} order; not to be kept as is. */
        void row(LogKind kind, Object[] stored);

        /** The rows seen became dataset {@code datasetId} (after the import's commit). */
        void kept(long datasetId);

        /** The rows seen are not in the workspace. */
        void dropped();
    }
}
