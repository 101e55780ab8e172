package io.shoplens.app.engine;

import java.time.Duration;

import io.shoplens.app.common.AppPaths;

/**
 * Chooses the {@link EngineService} the app runs on. Until the engine's workspace and analyses
 * are wired in behind the port, the in-memory {@link FakeEngineService} serves the app
 * ({@code -Dshoplens.fake.jobMillis} sets how long its jobs take); the adapter over the real
 * engine goes in here, opening the workspace at {@link AppPaths#workspace()}.
 */
public final class EngineServices {

    private EngineServices() {
    }

    public static EngineService create(AppPaths paths) {
        return new FakeEngineService(Duration.ofMillis(Long.getLong("shoplens.fake.jobMillis", 2500)));
    }
}
