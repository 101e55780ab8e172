package io.shoplens.engine.run;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import io.shoplens.engine.workspace.RunStatus;
import io.shoplens.engine.workspace.Runs;
import io.shoplens.engine.workspace.Workspace;

/**
 * One analysis run as the workspace records it, from start to end: recorded as running when it
 * starts (its request as JSON, the datasets it reads), then as succeeded with its tables, or as
 * failed or cancelled with the reason. The CLI and the app run analyses through this one life cycle.
 */
public final class RecordedRun {

    /** The run's work: the analyses, and whatever the caller does with their outcome before it counts as done. */
    @FunctionalInterface
    public interface Work {
        AnalysisRunner.Outcome run() throws Exception;
    }

    private final Runs runs;
    private final long id;

    private RecordedRun(Runs runs, long id) {
        this.runs = runs;
        this.id = id;
    }

    /**
     * Records {@code request} on {@code datasetIds} as running from now, with where each
     * reference kind's definitions come from among those datasets.
     */
    public static RecordedRun start(Workspace workspace, RunRequest request, List<Long> datasetIds) {
        Runs runs = workspace.runs();
        return new RecordedRun(runs, runs.start(request.analyses(), request.toJson(), datasetIds,
                workspace.references().sources(datasetIds)));
    }

    public long id() {
        return id;
    }

    /**
     * Runs {@code work} and records how it ended: succeeded with its outcome; cancelled when it
     * threw a {@link CancellationException} or {@code cancelled} says the user asked; else failed
     * with the error's message. The error is thrown on as it was.
     */
    public AnalysisRunner.Outcome complete(Work work, BooleanSupplier cancelled) throws Exception {
        AnalysisRunner.Outcome outcome;
        try {
            outcome = work.run();
        } catch (Exception | Error e) {
            if (e instanceof CancellationException || cancelled.getAsBoolean()) {
                runs.end(id, RunStatus.CANCELLED, "cancelled by the user");
            } else {
                runs.end(id, RunStatus.FAILED, String.valueOf(e.getMessage()));
            }
            throw e;
        }
        runs.succeed(id, outcome.results(), outcome.timingsMillis());
        return outcome;
    }
}
