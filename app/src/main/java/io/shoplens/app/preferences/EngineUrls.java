package io.shoplens.app.preferences;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an engine URL may be, and where it points. A cluster is {@code spark://host:port} (a
 * stand-by pair as {@code spark://a:7077,b:7077}) or a local master ({@code local[2]}); a Spark
 * Connect server is {@code sc://host[:port][/;name=value…]}, on Spark's port 15002 unless given.
 */
public final class EngineUrls {

    /** Why a choice cannot be used; each has a message in the bundles ({@code engine.validation.*}). */
    public enum Problem { CORES, MASTER_URL, CONNECT_URL, TOKEN }

    /** Spark Connect's port when the URL names none. */
    public static final int CONNECT_DEFAULT_PORT = 15002;

    private static final String HOST = "(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9]([A-Za-z0-9.\\-]*[A-Za-z0-9])?)";
    private static final Pattern HOST_PORT = Pattern.compile(HOST + ":(\\d{1,5})");
    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|[1-9]\\d{0,3})\\])?");
    private static final Pattern CONNECT = Pattern.compile("sc://" + HOST + "(:(\\d{1,5}))?(/(;[^;=/]+=[^;]*)*;?)?");

    /** A host and port to connect to. */
    public record Endpoint(String host, int port) {

        /** The host as a socket wants it: an IPv6 address without its brackets. */
        public String socketHost() {
            return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        }
    }

    private EngineUrls() {
    }

    /** Empty when {@code choice} can be saved and started. */
    public static Optional<Problem> problem(EngineChoice choice) {
        return switch (choice.kind()) {
            case LOCAL -> choice.cores() < 0 ? Optional.of(Problem.CORES) : Optional.empty();
            case CLUSTER -> isLocalMaster(choice.url()) || !masters(choice.url()).isEmpty()
                    ? Optional.empty() : Optional.of(Problem.MASTER_URL);
            case CONNECT -> connectProblem(choice.url());
        };
    }

    /** {@code local}, {@code local[*]}, {@code local[N]}: a master in this process. */
    public static boolean isLocalMaster(String url) {
        return url != null && LOCAL.matcher(url.strip()).matches();
    }

    /** The masters of a {@code spark://} URL, in its order; empty when it is not one. */
    public static List<Endpoint> masters(String url) {
        if (url == null || !url.strip().startsWith("spark://")) {
            return List.of();
        }
        List<Endpoint> masters = new ArrayList<>();
        for (String part : url.strip().substring("spark://".length()).split(",", -1)) {
            Matcher match = HOST_PORT.matcher(part);
            if (!match.matches() || !validPort(match.group(3))) {
                return List.of();
            }
            masters.add(new Endpoint(match.group(1), Integer.parseInt(match.group(3))));
        }
        return List.copyOf(masters);
    }

    /** The server of an {@code sc://} URL; empty when it is not one. */
    public static Optional<Endpoint> connectServer(String url) {
        if (url == null) {
            return Optional.empty();
        }
        Matcher match = CONNECT.matcher(url.strip());
        if (!match.matches()) {
            return Optional.empty();
        }
        String port = match.group(4);
        if (port != null && !validPort(port)) {
            return Optional.empty();
        }
        return Optional.of(new Endpoint(match.group(1), port == null ? CONNECT_DEFAULT_PORT : Integer.parseInt(port)));
    }

    private static Optional<Problem> connectProblem(String url) {
        if (connectServer(url).isEmpty()) {
            return Optional.of(Problem.CONNECT_URL);
        }
        // Spark Connect reads a bearer token from the URL's parameters: saved, it would sit in
        // clear text in the preference store, where ShopLens keeps no secret.
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.contains(";token=") ? Optional.of(Problem.TOKEN) : Optional.empty();
    }

    private static boolean validPort(String digits) {
        int port = Integer.parseInt(digits);
        return port >= 1 && port <= 65535;
    }
}
