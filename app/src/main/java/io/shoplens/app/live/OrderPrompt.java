package io.shoplens.app.live;

import java.util.Optional;

import io.shoplens.engine.live.LiveGmvSettings;

/**
 * Live ▸ Watch GMV live: the order mapping form on {@code model} (saved with the connection when
 * the user confirms); the settings to start the live GMV view with, or empty when cancelled.
 * The window's dialogs implement it.
 */
@FunctionalInterface
public interface OrderPrompt {

    /** Starts on the actions alone, without asking (tests and a window without the form). */
    OrderPrompt ACTIONS_ONLY = model -> Optional.of(LiveGmvSettings.actions(model.connection()));

    Optional<LiveGmvSettings> mapOrders(OrderMappingViewModel model);
}
