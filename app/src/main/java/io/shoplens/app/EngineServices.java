package io.shoplens.app;

import io.shoplens.app.common.AppPaths;
import io.shoplens.app.engine.EngineService;
import io.shoplens.app.engine.SparkEngineService;
import io.shoplens.app.live.LiveService;
import io.shoplens.app.live.SparkLiveService;
import io.shoplens.engine.spark.SparkSettings;

/** Chooses the {@link EngineService} the app runs on: the real engine, on the workspace of {@link AppPaths}. */
public final class EngineServices {

    private EngineServices() {
    }

    /** The live view's engine on {@code engine}'s workspace and SparkSession; null when {@code engine} is not the real one. */
    public static LiveService live(EngineService engine) {
        return engine instanceof SparkEngineService spark ? SparkLiveService.on(spark) : null;
    }

    public static EngineService create(AppPaths paths) {
        return new SparkEngineService(paths.workspace(), SparkSettings.fromEnvironment(), true);
    }
}
