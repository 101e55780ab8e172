package io.shoplens.app.live;

import java.util.Optional;

/**
 * Live ▸ Connect: shows the connection form on {@code model} and answers the connection to start
 * (its password lent, to be zeroed by the caller), or empty when the user cancelled. The window's
 * dialogs implement it; it lives here so the general dialogs need not know the live view.
 */
@FunctionalInterface
public interface ConnectPrompt {

    /** Answers no connection: a window without the form (and tests that never connect). */
    ConnectPrompt NONE = model -> Optional.empty();

    Optional<LiveConnection> connectLive(ConnectViewModel model);
}
