package io.shoplens.engine.live;

/** The answer of "Test connection": what went wrong in words a user can act on. */
public record ConnectionCheck(Outcome outcome, String message) {

    public enum Outcome { OK, BROKER_UNREACHABLE, TOPIC_MISSING, AUTHENTICATION_FAILED, OTHER_ERROR }

    public boolean ok() {
        return outcome == Outcome.OK;
    }
}
