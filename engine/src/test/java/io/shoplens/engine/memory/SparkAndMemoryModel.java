package io.shoplens.engine.memory;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.model.SessionModel;

/**
 * A model both ways, for the tests that hold the in-memory analyses to Spark's: as Spark plans
 * over the kept sessions (cached, so every request does not rebuild them), and loaded into memory.
 */
public record SparkAndMemoryModel(SessionModel spark, MemoryModel memory) {

    public static SparkAndMemoryModel of(LogTables tables) {
        SessionModel model = SessionModel.of(tables);
        Dataset<Row> kept = model.sessions().cache();
        SessionModel cached = new SessionModel(kept, model.users(), tables);
        return new SparkAndMemoryModel(cached, MemoryModel.load(cached));
    }

    /** Frees the cached sessions. */
    public void release() {
        spark.sessions().unpersist();
    }
}
