package io.shoplens.app;

import io.shoplens.app.common.AppPaths;
import io.shoplens.app.engine.EngineService;
import io.shoplens.app.engine.SparkEngineService;
import io.shoplens.app.live.LiveService;
import io.shoplens.app.live.SparkLiveService;
import io.shoplens.app.preferences.EngineChoice;
import io.shoplens.engine.spark.SparkSettings;

/** Chooses the {@link EngineService} the app runs on: the real engine, on the workspace of {@link AppPaths}. */
public final class EngineServices {

    private EngineServices() {
    }

    /** The live view's engine on {@code engine}'s workspace and SparkSession; null when {@code engine} is not the real one. */
    public static LiveService live(EngineService engine) {
        return engine instanceof SparkEngineService spark ? SparkLiveService.on(spark) : null;
    }

    public static EngineService create(AppPaths paths, SparkSettings settings) {
        return new SparkEngineService(paths.workspace(), settings, true);
    }

    /**
     * The engine's settings for this start: the saved {@code choice}, unless a master was given
     * outside the preferences ({@code SHOPLENS_SPARK_MASTER}, {@code -Dshoplens.spark.master}),
     * which wins for this start as {@code SHOPLENS_HEAP} does over the memory preference.
     */
    public static SparkSettings settings(EngineChoice choice) {
        SparkSettings environment = SparkSettings.fromEnvironment();
        return SparkSettings.environmentMaster().isPresent() ? environment : choice.applyTo(environment);
    }
}
