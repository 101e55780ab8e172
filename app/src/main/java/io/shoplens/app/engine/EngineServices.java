package io.shoplens.app.engine;

import java.time.Duration;

import io.shoplens.app.common.AppPaths;

/**
 * Chooses the {@link EngineService} the app runs on. Until the engine's workspace and analyses
 * are wired in behind the port, the in-memory {@link FakeEngineService} serves the app; the
 * adapter over the real engine replaces the body of {@link #create} (keeping
 * {@code -Dshoplens.engine=fake} for demos and UI work).
 */
public final class EngineServices {

    public static final String ENGINE_PROPERTY = "shoplens.engine";

    private EngineServices() {
    }

    public static EngineService create(AppPaths paths) {
        return new FakeEngineService(Duration.ofMillis(Long.getLong("shoplens.fake.jobMillis", 2500)));
    }
}
