package io.shoplens.app.preferences;

import java.time.Duration;

import io.shoplens.engine.spark.EndpointCheck;
import io.shoplens.engine.spark.EndpointChecks;

/**
 * "Check connection" for a cluster master or a Spark Connect server; runs off the FX thread.
 * A stand-by pair ({@code spark://a:7077,b:7077}) is answered by its first master that is
 * confirmed, else the first that is reachable, else the first's failure.
 */
@FunctionalInterface
public interface EngineProbe {

    /** Long enough for a master across a WAN, short enough that nobody wonders whether it hangs. */
    Duration TIMEOUT = Duration.ofSeconds(5);

    EndpointCheck check(EngineChoice choice);

    /** The real network, the master's status page looked for on {@code webUiPort}. */
    static EngineProbe network(Duration timeout, int webUiPort) {
        return choice -> switch (choice.kind()) {
            case CLUSTER -> {
                EndpointCheck best = null;
                for (EngineUrls.Endpoint master : EngineUrls.masters(choice.url())) {
                    EndpointCheck check = EndpointChecks.master(master.socketHost(), master.port(), webUiPort, timeout);
                    if (check.outcome() == EndpointCheck.Outcome.MASTER_CONFIRMED) {
                        yield check;
                    }
                    if (best == null || (check.ok() && !best.ok())) {
                        best = check;
                    }
                }
                if (best == null) {
                    throw new IllegalArgumentException("Not a cluster to check: " + choice.url());
                }
                yield best;
            }
            case CONNECT -> {
                EngineUrls.Endpoint server = EngineUrls.connectServer(choice.url()).orElseThrow(
                        () -> new IllegalArgumentException("Not a Spark Connect URL: " + choice.url()));
                yield EndpointChecks.port(server.socketHost(), server.port(), timeout);
            }
            case LOCAL -> throw new IllegalArgumentException("This computer needs no connection check");
        };
    }

    static EngineProbe network() {
        return network(TIMEOUT, EndpointChecks.MASTER_WEB_UI_PORT);
    }
}
