package io.shoplens.engine.workspace;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One analysis run as recorded; {@code finishedAt}, {@code error} are null while it runs.
 * {@code referenceSources} says where each reference kind's definitions came from (empty for a
 * run recorded before runs said so).
 */
public record RunSummary(long id, List<String> analyses, String parametersJson, List<Long> datasetIds,
                         RunStatus status, Instant startedAt, Instant finishedAt,
                         Map<String, Long> timingsMillis, String error, List<ReferenceSource> referenceSources) {

    public RunSummary {
        analyses = List.copyOf(analyses);
        datasetIds = List.copyOf(datasetIds);
        timingsMillis = Map.copyOf(timingsMillis);
        referenceSources = List.copyOf(referenceSources);
    }
}
