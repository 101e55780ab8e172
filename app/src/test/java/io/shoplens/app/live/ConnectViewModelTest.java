package io.shoplens.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.shoplens.app.common.Messages;
import io.shoplens.app.jobs.SyncJobRunner;
import io.shoplens.engine.live.ConnectionCheck;
import io.shoplens.engine.live.KafkaSettings;
import io.shoplens.engine.live.KafkaSettings.SecurityProtocol;

class ConnectViewModelTest {

    private final FakeLiveService live = new FakeLiveService();
    private final ConnectViewModel model = new ConnectViewModel(live, new SyncJobRunner(e -> {
        throw new AssertionError(e);
    }), Messages.forLocale(Locale.ENGLISH));

    @Test
    void eachKindOfTopicStartsOnItsOwnDefaults() {
        assertThat(model.content()).isEqualTo(TopicContent.AD_CLICKS);
        assertThat(model.topicProperty().get()).isEqualTo("ad_clicks");
        assertThat(model.consumerGroupProperty().get()).isEqualTo("shoplens-live");

        ConnectViewModel actions = new ConnectViewModel(live, new SyncJobRunner(e -> {
            throw new AssertionError(e);
        }), Messages.forLocale(Locale.ENGLISH), TopicContent.USER_ACTIONS);
        assertThat(actions.topicProperty().get()).isEqualTo("user_actions");
        assertThat(actions.consumerGroupProperty().get()).isEqualTo("shoplens-live-gmv");
        assertThat(actions.content().asksFormat()).isFalse();
        assertThat(actions.validProperty().get()).isTrue();
    }

    @Test
    void bootstrapServersAreHostPortListsAndTheTopicIsRequired() {
        assertThat(model.validProperty().get()).isTrue();

        model.bootstrapServersProperty().set("localhost");
        assertThat(model.validationErrorProperty().get()).startsWith("Bootstrap servers are host:port");
        model.bootstrapServersProperty().set("broker-1:9092, broker-2.example.com:9093,10.0.0.7:29092,[::1]:9092");
        assertThat(model.validProperty().get()).isTrue();
        model.bootstrapServersProperty().set("broker-1:9092,");
        assertThat(model.validProperty().get()).isFalse();
        model.bootstrapServersProperty().set("broker-1:70000");
        assertThat(model.validProperty().get()).isFalse();
        model.bootstrapServersProperty().set("localhost:9092");

        model.topicProperty().set("  ");
        assertThat(model.validationErrorProperty().get()).isEqualTo("Enter the topic to read.");
        model.topicProperty().set("ad clicks");
        assertThat(model.validationErrorProperty().get()).startsWith("A topic name has only letters");
        model.topicProperty().set("ad_clicks.v2");
        assertThat(model.validProperty().get()).isTrue();
    }

    @Test
    void saslFieldsAreAskedForOnlyBySaslProtocolsAndTheTruststoreOnlyByTls() {
        model.usernameProperty().set("");
        for (SecurityProtocol protocol : SecurityProtocol.values()) {
            model.protocolProperty().set(protocol);
            assertThat(model.saslEnabledProperty().get()).as(protocol.name()).isEqualTo(protocol.usesSasl());
            assertThat(model.tlsEnabledProperty().get()).as(protocol.name()).isEqualTo(protocol.usesTls());
            assertThat(model.validProperty().get()).as(protocol.name()).isEqualTo(!protocol.usesSasl());
        }

        model.protocolProperty().set(SecurityProtocol.SASL_SSL);
        assertThat(model.validationErrorProperty().get()).isEqualTo("SASL needs a user name.");
        model.usernameProperty().set("ads-reader");
        assertThat(model.validationErrorProperty().get()).isEqualTo("SASL needs a password.");
        model.passwordEnteredProperty().set(true);
        assertThat(model.validProperty().get()).isTrue();
    }

    @Test
    void settingsKeepOnlyTheFieldsTheProtocolUses() {
        model.saslMechanismProperty().set("SCRAM-SHA-512");
        model.usernameProperty().set("ads-reader");
        model.truststoreProperty().set("/etc/kafka/truststore.jks");

        model.protocolProperty().set(SecurityProtocol.PLAINTEXT);
        KafkaSettings plain = model.settings();
        assertThat(plain.saslMechanism()).isNull();
        assertThat(plain.username()).isNull();
        assertThat(plain.truststorePath()).isNull();

        model.protocolProperty().set(SecurityProtocol.SASL_SSL);
        KafkaSettings secure = model.settings();
        assertThat(secure.saslMechanism()).isEqualTo("SCRAM-SHA-512");
        assertThat(secure.username()).isEqualTo("ads-reader");
        assertThat(secure.truststorePath()).isEqualTo("/etc/kafka/truststore.jks");
    }

    @Test
    void testShowsTheAnswerAndZeroesThePassword() {
        model.protocolProperty().set(SecurityProtocol.SASL_PLAINTEXT);
        model.usernameProperty().set("ads-reader");
        model.passwordEnteredProperty().set(true);
        char[] password = "s3cret".toCharArray();

        model.test(password);

        assertThat(live.passwordsSeen).containsExactly("s3cret");
        assertThat(password).containsOnly('\0');
        assertThat(model.checkOkProperty().get()).isTrue();
        assertThat(model.checkMessageProperty().get()).isEqualTo("Test passed — topic ad_clicks, 3 partitions");
        assertThat(model.testingProperty().get()).isFalse();

        live.checkAnswer = new ConnectionCheck(ConnectionCheck.Outcome.AUTHENTICATION_FAILED,
                "SASL authentication failed for ads-reader");
        model.test("wrong".toCharArray());
        assertThat(model.checkOkProperty().get()).isFalse();
        assertThat(model.checkMessageProperty().get())
                .isEqualTo("Authentication failed — SASL authentication failed for ads-reader");
    }

    @Test
    void anAnswerIsClearedWhenTheSettingsChange() {
        model.test(new char[0]);
        assertThat(model.checkMessageProperty().get()).startsWith("Test passed");

        model.topicProperty().set("other_topic");

        assertThat(model.checkMessageProperty().get()).isEmpty();
        assertThat(model.checkOkProperty().get()).isNull();
    }

    @Test
    void anInvalidFormNeitherTestsNorConnectsAndZeroesThePassword() {
        model.topicProperty().set("");
        char[] password = "s3cret".toCharArray();
        model.test(password);
        assertThat(live.passwordsSeen).isEmpty();
        assertThat(password).containsOnly('\0');

        char[] again = "s3cret".toCharArray();
        assertThat(model.connection(again)).isEmpty();
        assertThat(again).containsOnly('\0');
    }

    @Test
    void connectionLendsThePasswordUntilItIsCleared() {
        char[] password = "s3cret".toCharArray();
        LiveConnection connection = model.connection(password).orElseThrow();
        assertThat(connection.settings().topic()).isEqualTo("ad_clicks");
        assertThat(new String(connection.password())).isEqualTo("s3cret");

        connection.clearPassword();
        assertThat(password).containsOnly('\0');
    }

    @Test
    void savedConnectionsAreSavedPickedAndRemoved() {
        model.nameProperty().set("Staging");
        model.bootstrapServersProperty().set("kafka.staging:9093");
        model.protocolProperty().set(SecurityProtocol.SSL);
        model.save();
        model.nameProperty().set("Local");
        model.bootstrapServersProperty().set("localhost:9092");
        model.protocolProperty().set(SecurityProtocol.PLAINTEXT);
        model.save();

        assertThat(model.savedConnections()).extracting(KafkaSettings::name).containsExactly("Local", "Staging");
        model.selectedProperty().set(model.savedConnections().get(1));
        assertThat(model.bootstrapServersProperty().get()).isEqualTo("kafka.staging:9093");
        assertThat(model.protocolProperty().get()).isEqualTo(SecurityProtocol.SSL);

        model.remove();
        assertThat(model.savedConnections()).extracting(KafkaSettings::name).containsExactly("Local");
        assertThat(model.selectedProperty().get()).isNull();
        model.refresh();
        assertThat(model.savedConnections()).extracting(KafkaSettings::name).containsExactly("Local");
    }
}
