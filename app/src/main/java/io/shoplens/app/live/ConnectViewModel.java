package io.shoplens.app.live;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import io.shoplens.app.common.ErrorText;
import io.shoplens.app.common.Messages;
import io.shoplens.app.jobs.Job;
import io.shoplens.app.jobs.JobRunner;
import io.shoplens.engine.live.ConnectionCheck;
import io.shoplens.engine.live.KafkaSettings;
import io.shoplens.engine.live.KafkaSettings.MessageFormat;
import io.shoplens.engine.live.KafkaSettings.SecurityProtocol;
import io.shoplens.engine.live.KafkaSettings.StartingOffsets;

/**
 * The Live ▸ Connect form: the Kafka settings as properties, their validation, which fields the
 * security protocol asks for, the saved connections, and "Test connection". The password is
 * never held here: the dialog lends it as a {@code char[]} to {@link #test(char[])} or
 * {@link #connection(char[])}, and it is zeroed once used.
 */
public final class ConnectViewModel {

    /** {@code host:port}; the host a name, an IPv4 address or a bracketed IPv6 address. */
    private static final Pattern SERVER = Pattern.compile(
            "(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9]([A-Za-z0-9.\\-]*[A-Za-z0-9])?):(\\d{1,5})");
    /** Kafka's own rule for topic names. */
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._\\-]{1,249}");

    private final LiveService live;
    private final JobRunner jobs;
    private final Messages messages;

    private final ObservableList<KafkaSettings> saved = FXCollections.observableArrayList();
    private final ObjectProperty<KafkaSettings> selected = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty bootstrapServers = new SimpleStringProperty("localhost:9092");
    private final TopicContent content;
    private final StringProperty topic = new SimpleStringProperty();
    private final StringProperty consumerGroup = new SimpleStringProperty();
    private final ObjectProperty<StartingOffsets> startingOffsets = new SimpleObjectProperty<>(StartingOffsets.LATEST);
    private final ObjectProperty<MessageFormat> format = new SimpleObjectProperty<>(MessageFormat.AD_CLICK_LINE);
    private final ObjectProperty<SecurityProtocol> protocol = new SimpleObjectProperty<>(SecurityProtocol.PLAINTEXT);
    private final StringProperty saslMechanism = new SimpleStringProperty("PLAIN");
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty truststore = new SimpleStringProperty("");
    /** Whether the password field holds something; the text itself stays in the field. */
    private final BooleanProperty passwordEntered = new SimpleBooleanProperty();

    private final BooleanBinding saslEnabled = Bindings.createBooleanBinding(
            () -> protocol.get() != null && protocol.get().usesSasl(), protocol);
    private final BooleanBinding tlsEnabled = Bindings.createBooleanBinding(
            () -> protocol.get() != null && protocol.get().usesTls(), protocol);
    private final StringBinding validationError;
    private final BooleanBinding valid;

    private final BooleanProperty testing = new SimpleBooleanProperty();
    private final StringProperty checkMessage = new SimpleStringProperty("");
    /** null until a test answered; then whether it succeeded. */
    private final ObjectProperty<Boolean> checkOk = new SimpleObjectProperty<>();

    /** A form for the ad-click live view. */
    public ConnectViewModel(LiveService live, JobRunner jobs, Messages messages) {
        this(live, jobs, messages, TopicContent.AD_CLICKS);
    }

    /** A form for a topic that holds {@code content}, starting on its defaults. */
    public ConnectViewModel(LiveService live, JobRunner jobs, Messages messages, TopicContent content) {
        this.live = live;
        this.jobs = jobs;
        this.messages = messages;
        this.content = content;
        name.set(messages.get("live.connect.defaultName"));
        topic.set(content.defaultTopic());
        consumerGroup.set(content.defaultConsumerGroup());
        List<Observable> inputs = List.of(name, bootstrapServers, topic, consumerGroup, startingOffsets, format,
                protocol, saslMechanism, username, truststore, passwordEntered);
        validationError = Bindings.createStringBinding(() -> validate().orElse(""), inputs.toArray(Observable[]::new));
        valid = validationError.isEmpty();
        // An answer is about the settings it tested: a change makes it stale.
        for (Observable input : inputs) {
            input.addListener(o -> {
                if (!testing.get()) {
                    checkOk.set(null);
                    checkMessage.set("");
                }
            });
        }
        selected.addListener((obs, old, settings) -> {
            if (settings != null) {
                load(settings);
            }
        });
    }

    /** What the form's topic holds. */
    public TopicContent content() {
        return content;
    }

    /** Reads the saved connections (in the background). */
    public void refresh() {
        jobs.submit(Job.of(messages.get("live.job.connections"), ctx -> live.savedConnections()).quiet()
                .onSuccess(saved::setAll));
    }

    /** Saves the form under its name; the saved list then shows it, selected. */
    public void save() {
        if (!valid.get()) {
            return;
        }
        KafkaSettings settings = settings();
        jobs.submit(Job.of(messages.get("live.job.save"), ctx -> {
            live.saveConnection(settings);
            return live.savedConnections();
        }).quiet().onSuccess(list -> {
            saved.setAll(list);
            list.stream().filter(s -> s.name().equals(settings.name())).findFirst().ifPresent(selected::set);
        }));
    }

    /** Removes the saved connection picked in the list. */
    public void remove() {
        KafkaSettings settings = selected.get();
        if (settings == null) {
            return;
        }
        jobs.submit(Job.of(messages.get("live.job.remove"), ctx -> {
            live.removeConnection(settings.name());
            return live.savedConnections();
        }).quiet().onSuccess(list -> {
            selected.set(null);
            saved.setAll(list);
        }));
    }

    /** Tries the connection off the FX thread; the answer goes to {@link #checkMessageProperty()}. Zeroes {@code password}. */
    public void test(char[] password) {
        if (!valid.get() || testing.get()) {
            Arrays.fill(password, '\0');
            return;
        }
        KafkaSettings settings = settings();
        testing.set(true);
        checkOk.set(null);
        checkMessage.set(messages.get("live.check.testing"));
        jobs.submit(Job.of(messages.get("live.job.test", settings.name()), ctx -> {
            try {
                return live.test(settings, password);
            } finally {
                Arrays.fill(password, '\0');
            }
        }).onSuccess(check -> {
            checkOk.set(check.ok());
            checkMessage.set(describe(check));
        }).onFailure(error -> {
            checkOk.set(false);
            checkMessage.set(messages.get("live.check.OTHER_ERROR") + " — " + ErrorText.summary(error));
        }).onFinished(() -> {
            Arrays.fill(password, '\0');
            testing.set(false);
        }));
    }

    /** The form as a connection to start, with the password lent to it; empty (and the password zeroed) when invalid. */
    public Optional<LiveConnection> connection(char[] password) {
        if (!valid.get()) {
            Arrays.fill(password, '\0');
            return Optional.empty();
        }
        return Optional.of(new LiveConnection(settings(), password));
    }

    /** The check's outcome in the user's language, then the engine's words. */
    String describe(ConnectionCheck check) {
        String outcome = messages.get("live.check." + check.outcome().name());
        String detail = check.message();
        return detail == null || detail.isBlank() ? outcome : outcome + " — " + detail;
    }

    /** The settings of the form; only the fields the protocol uses are kept. */
    public KafkaSettings settings() {
        SecurityProtocol security = protocol.get();
        return new KafkaSettings(name.get().trim(), bootstrapServers.get().replace(" ", ""), topic.get().trim(),
                consumerGroup.get().trim(), startingOffsets.get(), format.get(), security,
                security.usesSasl() ? saslMechanism.get().trim() : null,
                security.usesSasl() ? username.get().trim() : null,
                security.usesTls() && !isBlank(truststore.get()) ? truststore.get().trim() : null);
    }

    /** Fills the form from saved settings. */
    public void load(KafkaSettings settings) {
        name.set(settings.name());
        bootstrapServers.set(settings.bootstrapServers());
        topic.set(settings.topic());
        consumerGroup.set(settings.consumerGroup());
        startingOffsets.set(settings.startingOffsets());
        format.set(settings.format());
        protocol.set(settings.securityProtocol());
        saslMechanism.set(settings.saslMechanism() == null ? "PLAIN" : settings.saslMechanism());
        username.set(settings.username() == null ? "" : settings.username());
        truststore.set(settings.truststorePath() == null ? "" : settings.truststorePath());
    }

    private Optional<String> validate() {
        if (isBlank(name.get())) {
            return Optional.of(messages.get("live.validation.name"));
        }
        if (!validServers(bootstrapServers.get())) {
            return Optional.of(messages.get("live.validation.bootstrap"));
        }
        if (isBlank(topic.get())) {
            return Optional.of(messages.get("live.validation.topic"));
        }
        if (!TOPIC.matcher(topic.get().trim()).matches()) {
            return Optional.of(messages.get("live.validation.topicName"));
        }
        if (isBlank(consumerGroup.get())) {
            return Optional.of(messages.get("live.validation.group"));
        }
        if (saslEnabled.get()) {
            if (isBlank(saslMechanism.get())) {
                return Optional.of(messages.get("live.validation.mechanism"));
            }
            if (isBlank(username.get())) {
                return Optional.of(messages.get("live.validation.username"));
            }
            if (!passwordEntered.get()) {
                return Optional.of(messages.get("live.validation.password"));
            }
        }
        return Optional.empty();
    }

    static boolean validServers(String text) {
        if (isBlank(text)) {
            return false;
        }
        for (String server : text.replace(" ", "").split(",", -1)) {
            var match = SERVER.matcher(server);
            if (!match.matches()) {
                return false;
            }
            int port = Integer.parseInt(match.group(3));
            if (port < 1 || port > 65535) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    public ObservableList<KafkaSettings> savedConnections() {
        return saved;
    }

    public ObjectProperty<KafkaSettings> selectedProperty() {
        return selected;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty bootstrapServersProperty() {
        return bootstrapServers;
    }

    public StringProperty topicProperty() {
        return topic;
    }

    public StringProperty consumerGroupProperty() {
        return consumerGroup;
    }

    public ObjectProperty<StartingOffsets> startingOffsetsProperty() {
        return startingOffsets;
    }

    public ObjectProperty<MessageFormat> formatProperty() {
        return format;
    }

    public ObjectProperty<SecurityProtocol> protocolProperty() {
        return protocol;
    }

    public StringProperty saslMechanismProperty() {
        return saslMechanism;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty truststoreProperty() {
        return truststore;
    }

    public BooleanProperty passwordEnteredProperty() {
        return passwordEntered;
    }

    /** True for SASL_PLAINTEXT and SASL_SSL: mechanism, user name and password are asked for. */
    public BooleanBinding saslEnabledProperty() {
        return saslEnabled;
    }

    /** True for SSL and SASL_SSL: a truststore may be given. */
    public BooleanBinding tlsEnabledProperty() {
        return tlsEnabled;
    }

    /** Why the form cannot be used yet; empty when it can. */
    public StringBinding validationErrorProperty() {
        return validationError;
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    public BooleanProperty testingProperty() {
        return testing;
    }

    public StringProperty checkMessageProperty() {
        return checkMessage;
    }

    public ObjectProperty<Boolean> checkOkProperty() {
        return checkOk;
    }
}
