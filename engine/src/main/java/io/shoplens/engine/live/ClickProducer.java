package io.shoplens.engine.live;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shoplens.engine.generate.AdClickStream;
import io.shoplens.engine.live.KafkaSettings.MessageFormat;

/**
 * Sends generated ad clicks to a topic at a steady rate, for demos, tests and the live benchmark
 * ({@code shoplens produce}). Each click is stamped with the wall-clock time it is sent, so the
 * live view's minute trend moves and its latency can be measured from the click's own timestamp.
 */
public final class ClickProducer {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param ratePerSecond  messages per second (malformed ones included)
     * @param duration       how long to send; null until {@code stop} says so
     * @param format         the space-separated ad_click line or JSON
     * @param seed           the generator's seed: same seed, same provinces, users and ads
     * @param malformedEvery every N-th message is malformed on purpose; 0 for none
     */
    public record Options(double ratePerSecond, Duration duration, MessageFormat format, long seed, int malformedEvery) {

        public Options {
            if (!(ratePerSecond > 0)) {
                throw new IllegalArgumentException("rate must be > 0 messages per second, was " + ratePerSecond);
            }
            if (duration != null && (duration.isNegative() || duration.isZero())) {
                throw new IllegalArgumentException("duration must be positive, was " + duration);
            }
            Objects.requireNonNull(format, "format");
            if (malformedEvery < 0) {
                throw new IllegalArgumentException("malformed-every must be >= 0, was " + malformedEvery);
            }
        }
    }

    /** What was sent so far (acknowledged by the broker once {@link #run} returns). */
    public record Sent(long clicks, long malformed, Duration elapsed) {

        public double perSecond() {
            double seconds = elapsed.toNanos() / 1e9;
            return seconds <= 0 ? 0 : (clicks + malformed) / seconds;
        }
    }

    private ClickProducer() {
    }

    /**
     * Sends until {@code options.duration()} has passed or {@code stop} says true, reports
     * progress about every second, flushes, and returns the totals.
     */
    public static Sent run(KafkaSettings settings, char[] password, Options options, BooleanSupplier stop,
                           Consumer<Sent> progress) {
        AdClickStream clicks = new AdClickStream(options.seed());
        return run(settings, password, options, stop, progress, new Messages() {
            @Override
            public String next(long sentAtMillis) {
                return message(clicks.next(), sentAtMillis, options.format());
            }

            @Override
            public String malformed(long n) {
                return ClickProducer.malformed(n, options.format());
            }
        });
    }

    /**
     * The messages {@link #run(KafkaSettings, char[], Options, BooleanSupplier, Consumer, Messages)}
     * sends: well-formed ones made at the time they are sent, and malformed ones on purpose.
     */
    public interface Messages {
        String next(long sentAtMillis);

        String malformed(long n);
    }

    /**
     * As {@link #run(KafkaSettings, char[], Options, BooleanSupplier, Consumer)}, with other
     * messages than ad clicks (the live GMV view's actions and orders); {@code options.format()}
     * is then the messages' business.
     */
    public static Sent run(KafkaSettings settings, char[] password, Options options, BooleanSupplier stop,
                           Consumer<Sent> progress, Messages messages) {
        Map<String, Object> props = new HashMap<>(KafkaClientProperties.of(settings, password));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "shoplens-produce");
        // A missing topic or a broker that is not there fails in seconds, not after a minute.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        AtomicReference<Exception> failure = new AtomicReference<>();
        long intervalNanos = (long) (1e9 / options.ratePerSecond());
        long start = System.nanoTime();
        long end = options.duration() == null ? Long.MAX_VALUE : start + options.duration().toNanos();
        long sentClicks = 0;
        long sentMalformed = 0;
        long nextReport = start + TimeUnit.SECONDS.toNanos(1);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (long n = 1; !stop.getAsBoolean() && failure.get() == null; n++) {
                long due = start + (n - 1) * intervalNanos;
                if (due >= end) {
                    break;
                }
                long now = System.nanoTime();
                if (due > now) {
                    LockSupport.parkNanos(due - now);
                }
                String value;
                if (options.malformedEvery() > 0 && n % options.malformedEvery() == 0) {
                    value = messages.malformed(n);
                    sentMalformed++;
                } else {
                    value = messages.next(System.currentTimeMillis());
                    sentClicks++;
                }
                producer.send(new ProducerRecord<>(settings.topic(), value), (meta, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
                if (System.nanoTime() >= nextReport) {
                    progress.accept(new Sent(sentClicks, sentMalformed, Duration.ofNanos(System.nanoTime() - start)));
                    nextReport += TimeUnit.SECONDS.toNanos(1);
                }
            }
            producer.flush();
        } catch (KafkaException e) {
            failure.compareAndSet(null, e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("Cannot send to topic " + settings.topic() + " at "
                    + settings.bootstrapServers() + ": " + failure.get().getMessage(), failure.get());
        }
        return new Sent(sentClicks, sentMalformed, Duration.ofNanos(System.nanoTime() - start));
    }

    /** One click as a message: {@code timestamp province city user_id ad_id}, or JSON with those keys. */
    public static String message(Object[] click, long timestamp, MessageFormat format) {
        if (format == MessageFormat.AD_CLICK_LINE) {
            return timestamp + " " + click[1] + " " + click[2] + " " + click[3] + " " + click[4];
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("timestamp", timestamp);
        json.put("province", click[1]);
        json.put("city", click[2]);
        json.put("user_id", click[3]);
        json.put("ad_id", click[4]);
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A message the live view must count as malformed, of a few different kinds. */
    private static String malformed(long n, MessageFormat format) {
        return switch ((int) (n % 3)) {
            case 0 -> "malformed message " + n;
            case 1 -> format == MessageFormat.JSON ? "{\"timestamp\": \"soon\"}" : "not-a-time 北京 北京 1 2";
            default -> "";
        };
    }
}
