package io.shoplens.app.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.imports.FileReport;
import io.shoplens.engine.imports.ImportReport;
import io.shoplens.engine.imports.SourceFormat;
import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.overview.Overview;
import io.shoplens.engine.run.RunRequest;
import io.shoplens.engine.workspace.DatasetInfo;
import io.shoplens.engine.workspace.ReferenceConflict;
import io.shoplens.engine.workspace.RejectedRow;

/**
 * An in-memory {@link EngineService} without Spark: imports count lines, analyses return
 * {@link CannedResults} after a simulated job of {@code jobDuration} that reports progress and
 * honours cancel. Used by the UI tests and to run the app until the engine adapter is wired in.
 */
public final class FakeEngineService implements EngineService {

    private static final int STEPS = 20;

    private final Duration jobDuration;
    private final List<DatasetInfo> datasets = new CopyOnWriteArrayList<>();
    private final Map<String, AnalysisResult> lastResults = new ConcurrentHashMap<>();
    private final Map<String, RunRequest> lastRequests = new ConcurrentHashMap<>();
    private final List<String> cancelledGroups = new CopyOnWriteArrayList<>();
    private final List<RunRequest> requests = new CopyOnWriteArrayList<>();
    private final List<SessionFilter> overviews = new CopyOnWriteArrayList<>();
    private final List<RunRequest> comparisons = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final List<ReferenceConflict> conflicts = new CopyOnWriteArrayList<>();
    private final List<Long> preferred = new CopyOnWriteArrayList<>();
    private volatile Exception nextFailure;
    private volatile java.util.function.Function<SessionFilter, Overview> overviewAnswer;
    private volatile java.util.function.Function<RunRequest, AnalysisResult> runAnswer = CannedResults::of;

    public FakeEngineService(Duration jobDuration) {
        this.jobDuration = jobDuration;
    }

    private volatile RuntimeException warmUpFailure;

    @Override
    public void warmUp() throws InterruptedException {
        Thread.sleep(Math.min(jobDuration.toMillis(), 1500));
        if (warmUpFailure != null) {
            throw warmUpFailure;
        }
    }

    /** Spark's start fails with {@code failure}, as an unreachable cluster's would. */
    public void failWarmUp(RuntimeException failure) {
        this.warmUpFailure = failure;
    }

    @Override
    public List<DatasetInfo> datasets() {
        return List.copyOf(datasets);
    }

    @Override
    public FilterChoices filterChoices() {
        if (datasets.isEmpty()) {
            return FilterChoices.EMPTY;
        }
        return new FilterChoices(List.of("教师", "工程师", "学生", "医生"), List.of("北京", "上海", "广州", "深圳", "成都"),
                List.of("male", "female"), List.of(1L, 8L, 15L, 22L, 29L, 36L), LocalDate.of(2019, 7, 17),
                LocalDate.of(2019, 7, 30));
    }

    @Override
    public ImportPreview preview(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        String delimiter = ",";
        try (BufferedReader reader = reader(file)) {
            String line;
            while (rows.size() < 20 && (line = reader.readLine()) != null) {
                if (rows.isEmpty()) {
                    delimiter = guessDelimiter(line);
                }
                rows.add(split(line, delimiter));
            }
        }
        Optional<LogKind> byHeader = rows.isEmpty() ? Optional.empty() : byHeader(rows.get(0));
        Optional<LogKind> kind = rows.isEmpty() ? Optional.empty() : byHeader.or(() -> byFileName(file));
        List<String> header = byHeader.isPresent() ? rows.remove(0) : List.of();
        String format = switch (delimiter) {
            case "\t" -> "tsv";
            case "_" -> "underscore";
            case " " -> "space";
            default -> "csv";
        };
        String encoding = file.toString().endsWith(".gz") ? "UTF-8+gzip" : "UTF-8";
        return new ImportPreview(file, kind, format, delimiter, encoding, header, rows, 0);
    }

    @Override
    public ImportReport importFiles(List<ImportItem> items, JobContext job) throws Exception {
        job.onCancel(() -> cancelledGroups.add(job.group()));
        List<DatasetInfo> created = new ArrayList<>();
        List<FileReport> reports = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ImportItem item = items.get(i);
            job.message(item.file().getFileName().toString());
            simulate(job, jobDuration.dividedBy(Math.max(1, items.size())));
            ImportPreview preview = preview(item.file());
            LogKind kind = item.kind().or(preview::kind).orElseThrow(
                    () -> new IllegalArgumentException("Cannot tell the kind of " + item.file()));
            // Like the real importer, only more crudely: a row with another number of fields
            // than the header is rejected with its line number.
            List<String> lines = readLines(item.file());
            int fields = lines.isEmpty() ? 0 : split(lines.get(0), preview.delimiter()).size();
            long good = 0;
            List<RejectedRow> rejectedRows = new ArrayList<>();
            for (int line = 1; line < lines.size(); line++) {
                int found = split(lines.get(line), preview.delimiter()).size();
                if (found == fields) {
                    good++;
                } else {
                    rejectedRows.add(new RejectedRow(item.file().toString(), line + 1L,
                            "expected " + fields + " fields, found " + found, lines.get(line)));
                }
            }
            boolean dated = kind == LogKind.USER_VISIT_ACTION || kind == LogKind.AD_CLICK;
            DatasetInfo dataset = dataset(ids.incrementAndGet(), item.file().getFileName().toString(), kind, good,
                    rejectedRows.size(), dated ? LocalDate.of(2019, 7, 17) : null,
                    dated ? LocalDate.of(2019, 7, 30) : null);
            created.add(dataset);
            reports.add(new FileReport(item.file().toString(), new FileReport.Source(Optional.of(kind),
                    SourceFormat.DELIMITED, preview.delimiter(), false, "UTF-8"),
                    new FileReport.Counts(good + rejectedRows.size(), good, rejectedRows.size()),
                    new FileReport.Outcome.Imported(dataset.id()), List.of(), rejectedRows));
        }
        datasets.addAll(created);
        return new ImportReport(reports);
    }

    @Override
    public void warmModel(JobContext job) {
    }

    @Override
    public AnalysisResult run(RunRequest request, JobContext job) throws Exception {
        requests.add(request);
        job.onCancel(() -> cancelledGroups.add(job.group()));
        Exception failure = nextFailure;
        nextFailure = null;
        simulate(job, jobDuration);
        if (failure != null) {
            throw failure;
        }
        AnalysisResult result = runAnswer.apply(request);
        lastResults.put(result.analysis(), result);
        lastRequests.put(result.analysis(), request);
        return result;
    }

    @Override
    public AnalysisResult compare(RunRequest request, JobContext job) throws Exception {
        comparisons.add(request);
        job.onCancel(() -> cancelledGroups.add(job.group()));
        simulate(job, jobDuration);
        return runAnswer.apply(request);
    }

    /** Answers each run and comparison with what {@code answer} gives for its request (tests with hand-made results). */
    public void answerRunsWith(java.util.function.Function<RunRequest, AnalysisResult> answer) {
        this.runAnswer = answer;
    }

    /** The requests answered without being recorded, in order. */
    public List<RunRequest> comparisons() {
        return List.copyOf(comparisons);
    }

    @Override
    public Overview overview(SessionFilter filter, JobContext job) throws Exception {
        overviews.add(filter);
        job.onCancel(() -> cancelledGroups.add(job.group()));
        simulate(job, jobDuration);
        java.util.function.Function<SessionFilter, Overview> answer = overviewAnswer;
        return answer != null ? answer.apply(filter) : CannedResults.overview(filter);
    }

    /** Answers every overview with {@code overview} from now on (tests with hand-made numbers). */
    public void answerOverviewWith(Overview overview) {
        this.overviewAnswer = filter -> overview;
    }

    /** Answers each overview with what {@code answer} gives for its filter. */
    public void answerOverviewWith(java.util.function.Function<SessionFilter, Overview> answer) {
        this.overviewAnswer = answer;
    }

    /** The filters the overview was asked for, in order. */
    public List<SessionFilter> overviews() {
        return List.copyOf(overviews);
    }

    @Override
    public Optional<AnalysisResult> lastResult(String analysis) {
        return Optional.ofNullable(lastResults.get(analysis));
    }

    @Override
    public Optional<RunRequest> lastRequest(String analysis) {
        return Optional.ofNullable(lastRequests.get(analysis));
    }

    @Override
    public List<ReferenceConflict> conflicts() {
        return List.copyOf(conflicts);
    }

    @Override
    public void preferDataset(long datasetId) {
        preferred.add(datasetId);
        // As the workspace's rule: the preferred dataset now wins where it was overridden.
        conflicts.replaceAll(c -> c.overridden().id() == datasetId
                ? new ReferenceConflict(c.kind(), c.overridden(), c.winner(), c.ids(), c.examples().stream()
                        .map(e -> new ReferenceConflict.Example(e.id(), e.overridden(), e.winning())).toList())
                : c);
    }

    /** Conflicts the workspace reports from now on (tests). */
    public void setConflicts(List<ReferenceConflict> found) {
        conflicts.clear();
        conflicts.addAll(found);
    }

    /** The datasets preferred, in order. */
    public List<Long> preferred() {
        return List.copyOf(preferred);
    }

    @Override
    public void renameDataset(long datasetId, String newName) {
        datasets.replaceAll(d -> d.id() == datasetId ? renamed(d, newName) : d);
    }

    @Override
    public void removeDataset(long datasetId) {
        datasets.removeIf(d -> d.id() == datasetId);
        conflicts.removeIf(c -> c.winner().id() == datasetId || c.overridden().id() == datasetId);
    }

    @Override
    public void close() {
    }

    /** Job groups whose cancel action ran: what the real adapter would pass to {@code cancelJobGroup}. */
    public List<String> cancelledGroups() {
        return List.copyOf(cancelledGroups);
    }

    public List<RunRequest> requests() {
        return List.copyOf(requests);
    }

    /** Makes the next analysis fail with {@code failure} (after its simulated work). */
    public void failNextRun(Exception failure) {
        this.nextFailure = failure;
    }

    /** A dataset as the catalog would describe one imported from a file of {@code name}. */
    public static DatasetInfo dataset(long id, String name, LogKind kind, long accepted, long rejected, LocalDate first,
                                      LocalDate last) {
        return new DatasetInfo(id, name, kind, List.of(name), 0, "fake-" + id + "-" + name, accepted + rejected,
                accepted, rejected, first, last, Instant.parse("2019-07-31T08:00:00Z"), "data/" + id);
    }

    private static DatasetInfo renamed(DatasetInfo d, String name) {
        return new DatasetInfo(d.id(), name, d.kind(), d.sourceFiles(), d.sizeBytes(), d.fingerprint(), d.rowsRead(),
                d.rowsAccepted(), d.rowsRejected(), d.minDate(), d.maxDate(), d.importedAt(), d.dataLocation());
    }

    /** Adds a dataset directly, as if imported earlier (tests, demo). */
    public void addDataset(DatasetInfo dataset) {
        datasets.add(dataset);
    }

    private static void simulate(JobContext job, Duration duration) throws InterruptedException {
        long stepMillis = Math.max(1, duration.toMillis() / STEPS);
        for (int step = 0; step < STEPS; step++) {
            if (job.isCancelled()) {
                throw new CancellationException("cancelled");
            }
            job.progress(step, STEPS);
            Thread.sleep(stepMillis);
        }
        job.progress(STEPS, STEPS);
    }

    private static Optional<LogKind> byHeader(List<String> header) {
        List<String> names = header.stream().map(String::trim).toList();
        return Arrays.stream(LogKind.values()).filter(kind -> names.containsAll(kind.requiredColumns())).findFirst();
    }

    private static Optional<LogKind> byFileName(Path file) {
        String fileName = file.getFileName().toString();
        return Arrays.stream(LogKind.values()).filter(k -> fileName.startsWith(k.id())).findFirst();
    }

    private static String guessDelimiter(String line) {
        if (line.indexOf('\t') >= 0) {
            return "\t";
        }
        if (line.chars().filter(c -> c == ',').count() >= 2) {
            return ",";
        }
        String best = ",";
        long bestCount = 0;
        for (String candidate : List.of(",", "\t", "_", " ")) {
            long count = line.chars().filter(c -> c == candidate.charAt(0)).count();
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    private static BufferedReader reader(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.toString().endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static List<String> readLines(Path file) throws IOException {
        try (BufferedReader reader = reader(file)) {
            return reader.lines().toList();
        }
    }

    private static List<String> split(String line, String delimiter) {
        return Arrays.asList(line.split(java.util.regex.Pattern.quote(delimiter), -1));
    }
}
