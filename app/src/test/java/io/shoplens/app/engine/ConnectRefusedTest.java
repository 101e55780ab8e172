package io.shoplens.app.engine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.shoplens.engine.spark.SparkSettings;

/**
 * The desktop app refuses a Spark Connect engine before trying to reach it, saying why and what
 * to do instead: its progress and Cancel need the SparkContext a Connect session lacks.
 */
class ConnectRefusedTest {

    @TempDir
    Path folder;

    @Test
    void warmingUpOnSparkConnectSaysWhyItCannot() {
        SparkSettings connect = SparkSettings.fromEnvironment().withRemote("sc://127.0.0.1:15002");
        try (SparkEngineService engine = new SparkEngineService(folder.resolve("ws"), connect, false)) {
            assertThatThrownBy(engine::warmUp)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot run on Spark Connect yet")
                    .hasMessageContaining("./shoplens --remote sc://127.0.0.1:15002");
        }
    }
}
