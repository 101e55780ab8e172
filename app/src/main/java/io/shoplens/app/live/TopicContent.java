package io.shoplens.app.live;

/**
 * What a live connection's topic holds, which gives the connect form its defaults and says whether
 * it asks for a message format: ad clicks come in the format the user picks; user actions name
 * their own form in each message (CSV, the platform's {@code _} line or JSON), as in a file.
 */
public enum TopicContent {

    /** The ad-click live view's. */
    AD_CLICKS("ad_clicks", "shoplens-live", "live.connect.header", true),
    /** The live GMV view's. */
    USER_ACTIONS("user_actions", "shoplens-live-gmv", "live.connect.header.actions", false);

    private final String defaultTopic;
    private final String defaultConsumerGroup;
    private final String headerKey;
    private final boolean asksFormat;

    TopicContent(String defaultTopic, String defaultConsumerGroup, String headerKey, boolean asksFormat) {
        this.defaultTopic = defaultTopic;
        this.defaultConsumerGroup = defaultConsumerGroup;
        this.headerKey = headerKey;
        this.asksFormat = asksFormat;
    }

    public String defaultTopic() {
        return defaultTopic;
    }

    public String defaultConsumerGroup() {
        return defaultConsumerGroup;
    }

    /** The messages key of the connect dialog's header. */
    public String headerKey() {
        return headerKey;
    }

    /** Whether the form asks which message format the topic holds. */
    public boolean asksFormat() {
        return asksFormat;
    }
}
