package io.shoplens.app.live;

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

import io.shoplens.app.common.Messages;
import io.shoplens.app.jobs.Job;
import io.shoplens.app.jobs.JobRunner;
import io.shoplens.engine.imports.OrderColumns;
import io.shoplens.engine.imports.OrderMessages;
import io.shoplens.engine.live.KafkaSettings;
import io.shoplens.engine.live.LiveGmvParams;
import io.shoplens.engine.live.LiveGmvSettings;

/**
 * The live GMV view's order mapping for one saved connection: the orders topic (empty: actions
 * only), its change-event format, and which columns of the order table give the order id, session,
 * time and product ids (and optionally amount; the user instead of the session for a table that
 * has none, or beside it); and what its tables are counted with, the
 * page flow and the paid channels (the defaults shown until changed). Read from and saved with the
 * connection in the workspace, through the job runner; never a password.
 */
public final class OrderMappingViewModel {

    /** Kafka's own rule for topic names. */
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._\\-]{1,249}");

    private final LiveService live;
    private final JobRunner jobs;
    private final Messages messages;
    private final KafkaSettings connection;

    private final StringProperty ordersTopic = new SimpleStringProperty("");
    private final ObjectProperty<OrderMessages.Format> format = new SimpleObjectProperty<>(OrderMessages.Format.CANAL);
    private final StringProperty table = new SimpleStringProperty();
    private final StringProperty orderId = new SimpleStringProperty();
    private final StringProperty session = new SimpleStringProperty();
    private final StringProperty user = new SimpleStringProperty();
    private final StringProperty time = new SimpleStringProperty();
    private final StringProperty amount = new SimpleStringProperty();
    private final StringProperty productIds = new SimpleStringProperty();
    private final StringProperty flow = new SimpleStringProperty();
    private final StringProperty paidChannels = new SimpleStringProperty();
    private final BooleanProperty saved = new SimpleBooleanProperty();

    private final BooleanBinding ordersEnabled;
    private final StringBinding validationError;
    private final BooleanBinding valid;

    public OrderMappingViewModel(LiveService live, JobRunner jobs, Messages messages, KafkaSettings connection) {
        this.live = live;
        this.jobs = jobs;
        this.messages = messages;
        this.connection = connection;
        show(OrderColumns.defaults());
        show(LiveGmvParams.defaults());
        ordersEnabled = Bindings.createBooleanBinding(() -> !blank(ordersTopic.get()), ordersTopic);
        List<Observable> inputs = List.of(ordersTopic, format, table, orderId, session, user, time, amount, productIds,
                flow, paidChannels);
        validationError = Bindings.createStringBinding(() -> validate().orElse(""), inputs.toArray(Observable[]::new));
        valid = validationError.isEmpty();
        inputs.forEach(input -> input.addListener(o -> saved.set(false)));
    }

    /** Reads what is saved with the connection (in the background); the form keeps its defaults when nothing is. */
    public void load() {
        jobs.submit(Job.of(messages.get("live.job.connections"), ctx -> live.gmvConnection(connection.name())).quiet()
                .onSuccess(found -> found.ifPresent(this::show)));
    }

    /** Saves the mapping with the connection; {@link #savedProperty()} says when it is. */
    public void save() {
        Optional<LiveGmvSettings> settings = settings();
        if (settings.isEmpty()) {
            return;
        }
        jobs.submit(Job.of(messages.get("live.job.save"), ctx -> {
            live.saveGmvConnection(settings.get());
            return true;
        }).quiet().onSuccess(saved::set));
    }

    /** The form as the live GMV view's settings; empty while it is not valid. */
    public Optional<LiveGmvSettings> settings() {
        if (!valid.get()) {
            return Optional.empty();
        }
        LiveGmvParams params = LiveGmvParams.parse(flow.get(), paidChannels.get());
        if (!ordersEnabled.get()) {
            return Optional.of(LiveGmvSettings.actions(connection).withParams(params));
        }
        return Optional.of(new LiveGmvSettings(connection, ordersTopic.get().strip(), format.get(),
                new OrderColumns(table.get(), strip(orderId), session.get(), user.get(), strip(time), amount.get(),
                        strip(productIds)), params));
    }

    private void show(LiveGmvSettings settings) {
        show(settings.params());
        settings.orders().ifPresent(topic -> {
            ordersTopic.set(topic);
            format.set(settings.ordersFormat());
            show(settings.orderColumns());
        });
        saved.set(true);
    }

    private void show(LiveGmvParams params) {
        flow.set(params.flowText());
        paidChannels.set(params.paidChannelsText());
    }

    private void show(OrderColumns c) {
        table.set(orEmpty(c.table()));
        orderId.set(c.orderId());
        session.set(c.session());
        user.set(orEmpty(c.user()));
        time.set(c.time());
        amount.set(orEmpty(c.amount()));
        productIds.set(c.productIds());
    }

    Optional<String> validate() {
        try {
            LiveGmvParams.parseFlow(flow.get());
        } catch (IllegalArgumentException e) {
            return Optional.of(messages.get("live.gmv.validation.flow"));
        }
        try {
            LiveGmvParams.parsePaidChannels(paidChannels.get());
        } catch (IllegalArgumentException e) {
            return Optional.of(messages.get("live.gmv.validation.paidChannels"));
        }
        if (blank(ordersTopic.get())) {
            return Optional.empty();
        }
        String topic = ordersTopic.get().strip();
        if (!TOPIC.matcher(topic).matches()) {
            return Optional.of(messages.get("live.validation.topicName"));
        }
        if (topic.equals(connection.topic())) {
            return Optional.of(messages.get("live.gmv.validation.sameTopic"));
        }
        if (format.get() == null) {
            return Optional.of(messages.get("live.gmv.validation.format"));
        }
        for (StringProperty required : List.of(orderId, time, productIds)) {
            if (blank(required.get())) {
                return Optional.of(messages.get("live.gmv.validation.column"));
            }
        }
        // Without a session column the user's says whose session the order counts in.
        if (blank(session.get()) && blank(user.get())) {
            return Optional.of(messages.get("live.gmv.validation.sessionOrUser"));
        }
        return Optional.empty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(StringProperty p) {
        return p.get().strip();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    public KafkaSettings connection() {
        return connection;
    }

    public StringProperty ordersTopicProperty() {
        return ordersTopic;
    }

    public ObjectProperty<OrderMessages.Format> formatProperty() {
        return format;
    }

    public StringProperty tableProperty() {
        return table;
    }

    public StringProperty orderIdProperty() {
        return orderId;
    }

    public StringProperty sessionProperty() {
        return session;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty timeProperty() {
        return time;
    }

    public StringProperty amountProperty() {
        return amount;
    }

    public StringProperty productIdsProperty() {
        return productIds;
    }

    /** The page flow of the live funnel, page ids separated by commas. */
    public StringProperty flowProperty() {
        return flow;
    }

    /** The channels the paid/free split calls paid, separated by commas. */
    public StringProperty paidChannelsProperty() {
        return paidChannels;
    }

    /** Whether the form shows what is saved with the connection. */
    public BooleanProperty savedProperty() {
        return saved;
    }

    /** The order fields matter only with an orders topic. */
    public BooleanBinding ordersEnabledProperty() {
        return ordersEnabled;
    }

    public StringBinding validationErrorProperty() {
        return validationError;
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}
