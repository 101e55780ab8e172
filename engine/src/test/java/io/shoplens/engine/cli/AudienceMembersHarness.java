package io.shoplens.engine.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

import io.shoplens.engine.analysis.AnalysisInput;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.audience.AudienceMembers;
import io.shoplens.engine.audience.AudienceParams;
import io.shoplens.engine.audience.SuspectExclusion;
import io.shoplens.engine.imports.CancellationToken;
import io.shoplens.engine.imports.ImportOptions;
import io.shoplens.engine.imports.OnTheFly;
import io.shoplens.engine.model.SessionModel;
import io.shoplens.engine.run.ResultFiles;
import io.shoplens.engine.run.RunRequest;
import io.shoplens.engine.spark.SparkSessions;
import io.shoplens.engine.spark.SparkSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The member tables of the audience analysis from the command line, before the analysis joins
 * {@code analyze}: the same inputs, filters and options, written to {@code DIR/audience/<table>.csv}.
 * Its {@link #main} runs it on real logs, e.g. sample-logs/shop.
 */
@Command(name = "audience-members")
final class AudienceMembersHarness implements Callable<Integer> {

    @Option(names = "--input", required = true)
    List<Path> inputs;

    @Option(names = "--out", required = true)
    Path out;

    @Mixin
    AnalysisOptions options;

    /** The notes and timings the run printed. */
    final StringBuilder log = new StringBuilder();

    @Override
    public Integer call() throws Exception {
        RunRequest request = options.toRequest();
        AudienceParams params = options.withMemberOptions(AudienceParams.defaults());
        SparkSession spark = SparkSessions.shared(SparkSettings.fromEnvironment());
        try (OnTheFly imported = OnTheFly.importTemporary(inputs, ImportOptions.defaults(), (f, m) -> { },
                CancellationToken.none())) {
            // Kept in memory as the analysis runner keeps them, so the timing is the tables' own.
            SessionModel made = SessionModel.of(imported.tables(spark));
            Dataset<Row> all = made.sessions().persist(StorageLevel.MEMORY_AND_DISK());
            SessionModel model = new SessionModel(all, made.users(), made.tables());
            Dataset<Row> filtered = model.sessions(request.filter(), params.minDwellSeconds())
                    .persist(StorageLevel.MEMORY_AND_DISK());
            try {
                log.append(String.format("session model: %d sessions%n", filtered.count()));
                long start = System.nanoTime();
                if (request.filter().excludeSuspects()) {
                    log.append("shoplens: ").append(SuspectExclusion.of(model, params.minDwellSeconds()).note())
                            .append('\n');
                }
                List<ResultTable> tables = AudienceMembers.tables(new AnalysisInput(model, filtered, request.filter()),
                        params);
                ResultFiles.write(out, List.of(new AnalysisResult("audience", tables)));
                log.append(String.format("audience members: %.1f s%n", (System.nanoTime() - start) / 1e9));
            } finally {
                filtered.unpersist();
                all.unpersist();
            }
        }
        System.err.print(log);
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new AudienceMembersHarness()).execute(args));
    }
}
