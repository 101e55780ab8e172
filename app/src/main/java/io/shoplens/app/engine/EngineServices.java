package io.shoplens.app.engine;

import io.shoplens.app.common.AppPaths;
import io.shoplens.engine.spark.SparkSettings;

/** Chooses the {@link EngineService} the app runs on: the real engine, on the workspace of {@link AppPaths}. */
public final class EngineServices {

    private EngineServices() {
    }

    public static EngineService create(AppPaths paths) {
        return new SparkEngineService(paths.workspace(), SparkSettings.fromEnvironment(), true);
    }
}
