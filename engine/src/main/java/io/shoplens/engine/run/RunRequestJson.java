package io.shoplens.engine.run;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * A {@link RunRequest} as the workspace records a run's parameters:
 * <pre>{"request": {…the records…}, "arguments": […], "command_line": "…"}</pre>
 * {@code request} is the request itself, bound by Jackson to the records (so a list value holding
 * a comma comes back as it was); {@code arguments} and {@code command_line} are its {@code analyze}
 * options, for people and for "run it again". Runs recorded before {@code request} existed hold
 * only the arguments, and are read back from them.
 */
final class RunRequestJson {

    static final String REQUEST = "request";
    static final String ARGUMENTS = "arguments";
    static final String COMMAND_LINE = "command_line";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // A field a later ShopLens adds is not a reason to lose the whole run's parameters.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private RunRequestJson() {
    }

    static String write(RunRequest request) {
        ObjectNode root = JSON.createObjectNode();
        root.set(REQUEST, JSON.valueToTree(request));
        request.toArguments().forEach(root.putArray(ARGUMENTS)::add);
        root.put(COMMAND_LINE, request.toCommandLine());
        return root.toString();
    }

    /** The request recorded in {@code json}; throws {@link IllegalArgumentException} when it holds none. */
    static RunRequest read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Run parameters are not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("Run parameters are not a JSON object: " + json);
        }
        if (root.hasNonNull(REQUEST)) {
            try {
                return JSON.treeToValue(root.get(REQUEST), RunRequest.class);
            } catch (JsonProcessingException e) {
                // Also a value a record's constructor refuses (Jackson wraps its exception).
                throw new IllegalArgumentException("Cannot read the recorded run request: " + e.getOriginalMessage(), e);
            }
        }
        if (root.has(ARGUMENTS)) {
            return RecordedArguments.parse(arguments(root));
        }
        throw new IllegalArgumentException("Run parameters hold no request: " + json);
    }

    /** The {@code analyze} options recorded with a run (those of the request, or an older run's own). */
    static List<String> arguments(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            return root == null ? List.of() : arguments(root);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Run parameters are not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static List<String> arguments(JsonNode root) {
        List<String> args = new ArrayList<>();
        root.path(ARGUMENTS).forEach(a -> args.add(a.asText()));
        return args;
    }
}
