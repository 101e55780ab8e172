package io.shoplens.app.live;

import java.util.Arrays;

import io.shoplens.engine.live.KafkaSettings;

/**
 * What the connect dialog answers: the settings and the password typed for this one connect.
 * The password is zeroed by whoever uses it ({@link #clearPassword()}).
 */
public record LiveConnection(KafkaSettings settings, char[] password) {

    public void clearPassword() {
        Arrays.fill(password, '\0');
    }
}
