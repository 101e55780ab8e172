package io.shoplens.engine.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.shoplens.engine.generate.OrderStream;
import io.shoplens.engine.live.ClickProducer;
import io.shoplens.engine.live.GmvProducerMessages;
import io.shoplens.engine.live.KafkaSettings;
import io.shoplens.engine.live.KafkaSettings.MessageFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code shoplens produce}: generated ad clicks, user actions or order change events to a Kafka
 * topic at a steady rate, for the live views.
 */
@Command(name = "produce", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Sends generated ad clicks, user actions or order change events (stamped with the time they"
                + " are sent) to a Kafka topic.")
public final class ProduceCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT[,...]", description = "Kafka bootstrap servers.")
    String bootstrap;

    @Option(names = "--topic", required = true, description = "Topic to send to (it must exist).")
    String topic;

    @Option(names = "--rate", required = true, paramLabel = "N", description = "Messages per second.")
    double rate;

    @Option(names = "--duration", paramLabel = "TIME", converter = DurationConverter.class,
            description = "How long to send, e.g. 30s, 5m, 1h (default: until Ctrl-C).")
    Duration duration;

    @Option(names = "--kind", defaultValue = "clicks", paramLabel = "clicks|actions|orders",
            description = "clicks: ad clicks (the live ad-click view); actions: user_visit_action rows; orders:"
                    + " change events of an orders table (order_id, session_id, user_id, pay_time, amount,"
                    + " product_ids) for the sessions of actions with the same seed (default: ${DEFAULT-VALUE}).")
    String kind;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "clicks: line (default) 'timestamp province city user_id ad_id', or json;"
                    + " actions: csv (default), platform (the 13-column _ line) or json;"
                    + " orders: canal (default) or debezium.")
    String format;

    @Option(names = "--without-pays",
            description = "actions: leave the pays out, when --kind orders with the same seed sends them as orders.")
    boolean withoutPays;

    @Option(names = "--orders-without-session",
            description = "orders: leave session_id out of the rows, so the live GMV view places each order in its"
                    + " user's session by pay time (map the orders with an empty session column).")
    boolean ordersWithoutSession;

    @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--malformed-every", paramLabel = "N", defaultValue = "0",
            description = "Make every N-th message malformed on purpose, to see it counted (default: none).")
    int malformedEvery;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        String kindName = kind.toLowerCase(Locale.ROOT);
        if (!List.of("clicks", "actions", "orders").contains(kindName)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--kind must be clicks, actions or orders, not " + kind);
        }
        if (ordersWithoutSession && !kindName.equals("orders")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--orders-without-session goes with --kind orders, not " + kind);
        }
        String formatName = format == null ? null : format.toLowerCase(Locale.ROOT);
        MessageFormat messageFormat = MessageFormat.AD_CLICK_LINE;
        if (kindName.equals("clicks")) {
            messageFormat = switch (formatName == null ? "line" : formatName) {
                case "line" -> MessageFormat.AD_CLICK_LINE;
                case "json" -> MessageFormat.JSON;
                default -> throw new CommandLine.ParameterException(spec.commandLine(),
                        "--format must be line or json for clicks, not " + format);
            };
        }
        ClickProducer.Options options;
        try {
            options = new ClickProducer.Options(rate, duration, messageFormat, seed, malformedEvery);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        ClickProducer.Messages messages = switch (kindName) {
            case "actions" -> GmvProducerMessages.actions(seed, switch (formatName == null ? "csv" : formatName) {
                case "csv" -> GmvProducerMessages.ActionFormat.CSV;
                case "platform" -> GmvProducerMessages.ActionFormat.PLATFORM;
                case "json" -> GmvProducerMessages.ActionFormat.JSON;
                default -> throw new CommandLine.ParameterException(spec.commandLine(),
                        "--format must be csv, platform or json for actions, not " + format);
            }, !withoutPays);
            case "orders" -> GmvProducerMessages.orders(seed, switch (formatName == null ? "canal" : formatName) {
                case "canal" -> OrderStream.Format.CANAL;
                case "debezium" -> OrderStream.Format.DEBEZIUM;
                default -> throw new CommandLine.ParameterException(spec.commandLine(),
                        "--format must be canal or debezium for orders, not " + format);
            }, !ordersWithoutSession);
            default -> null;
        };
        String what = switch (kindName) {
            case "actions" -> "actions";
            case "orders" -> "order events";
            default -> "clicks";
        };
        KafkaSettings settings = KafkaSettings.plaintext("produce", bootstrap, topic);
        out.printf("Sending %s to %s topic %s at %s/s%s (Ctrl-C stops)%n", what, bootstrap, topic,
                rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate),
                duration == null ? "" : " for " + duration.toSeconds() + " s");
        out.flush();

        // Ctrl-C: stop sending, flush what is buffered and print the totals before the JVM exits.
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                finished.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "produce-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            java.util.function.Consumer<ClickProducer.Sent> progressLine = progress -> {
                out.printf("  %,d %s, %,d malformed, %.0f msg/s%n", progress.clicks(), what, progress.malformed(),
                        progress.perSecond());
                out.flush();
            };
            ClickProducer.Sent sent = messages == null
                    ? ClickProducer.run(settings, null, options, stop::get, progressLine)
                    : ClickProducer.run(settings, null, options, stop::get, progressLine, messages);
            out.printf("Sent %,d %s and %,d malformed messages to %s in %.1f s (%.0f msg/s).%n", sent.clicks(),
                    what, sent.malformed(), topic, sent.elapsed().toMillis() / 1000.0, sent.perSecond());
            out.flush();
            return ShopLensCli.EXIT_OK;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is already running and waits for us.
            }
        }
    }

    /** {@code 30s}, {@code 5m}, {@code 1h}, {@code 500ms} or an ISO-8601 duration such as {@code PT30S}. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

        @Override
        public Duration convert(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            try {
                if (v.startsWith("pt") || v.startsWith("p")) {
                    return Duration.parse(value.strip().toUpperCase(Locale.ROOT));
                }
                if (v.matches("\\d+")) {
                    return Duration.ofSeconds(Long.parseLong(v));
                }
                if (v.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
                }
                long n = Long.parseLong(v.substring(0, v.length() - 1));
                return switch (v.charAt(v.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> throw new NumberFormatException(v);
                };
            } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a duration such as 30s, 5m or 1h");
            }
        }
    }
}
