package io.shoplens.engine.spark;

/**
 * The answer of "Check connection" for a Spark master or a Spark Connect server: what was
 * reached, and how sure that is. Only {@link Outcome#MASTER_CONFIRMED} says a Spark master
 * answered; {@link Outcome#PORT_OPEN} says no more than that something listens.
 *
 * @param master the master's own account of itself, only with {@link Outcome#MASTER_CONFIRMED}
 * @param detail what the network said (an exception's message, the first bytes a server sent),
 *               or for a master the status page looked at; may be empty
 */
public record EndpointCheck(Outcome outcome, String host, int port, MasterState master, String detail) {

    public enum Outcome {
        /** The port is open and the master's status page says it is a Spark master. */
        MASTER_CONFIRMED,
        /** The port is open; nothing said what listens there. */
        PORT_OPEN,
        /** The server at the port spoke first or hung up at once, which a Spark master never does. */
        NOT_SPARK,
        HOST_UNKNOWN,
        /** The host answered that nothing listens on the port. */
        PORT_CLOSED,
        /** Nothing answered within the time allowed (a firewall, a host that is down). */
        NO_ANSWER,
        OTHER_ERROR
    }

    /**
     * What a standalone master's status page ({@code /json/}) says.
     *
     * @param url      the master's own URL, {@code spark://host:port}
     * @param status   {@code ALIVE}, or {@code STANDBY} for a stand-by master of a pair
     * @param memoryMb the memory its alive workers offer
     */
    public record MasterState(String url, String status, int aliveWorkers, int cores, int coresUsed, long memoryMb) {
    }

    /** Whether the engine can be expected to start there (an open port counts: it was not disproved). */
    public boolean ok() {
        return outcome == Outcome.MASTER_CONFIRMED || outcome == Outcome.PORT_OPEN;
    }
}
