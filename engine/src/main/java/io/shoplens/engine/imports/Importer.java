package io.shoplens.engine.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.workspace.DatasetInfo;
import io.shoplens.engine.workspace.NewDataset;
import io.shoplens.engine.workspace.ReferenceConflict;
import io.shoplens.engine.workspace.Workspace;

/**
 * Imports log files into a workspace, all or nothing per call: every file is staged (parsed to
 * Parquet in a {@code data/.tmp-*} folder) and then all are committed in one catalog
 * transaction. A file that cannot be read fails alone (its report says why) and the others still
 * import; a cancel, or a failure of the commit, leaves the workspace exactly as it was.
 */
public final class Importer {

    private final Sources.Opener opener;
    private final ParallelText.Chunking chunking;
    private final boolean dataFiles;

    public Importer() {
        this(Sources.FILES);
    }

    Importer(Sources.Opener opener) {
        this(opener, ParallelText.Chunking.DEFAULT);
    }

    /** {@code chunking}: when and how a big file is parsed on several threads (tests force tiny chunks). */
    Importer(Sources.Opener opener, ParallelText.Chunking chunking) {
        this(opener, chunking, true);
    }

    private Importer(Sources.Opener opener, ParallelText.Chunking chunking, boolean dataFiles) {
        this.opener = opener;
        this.chunking = chunking;
        this.dataFiles = dataFiles;
    }

    /** See the class comment; throws {@link CancellationException} when cancelled. */
    public static ImportReport importFiles(Workspace ws, List<Path> inputs, ImportOptions options,
                                           ImportListener listener, CancellationToken cancel) {
        return importFiles(ws, inputs, options, listener, cancel, ImportTap.NONE);
    }

    /** As above, with {@code tap} seeing every accepted row and told which files became datasets. */
    public static ImportReport importFiles(Workspace ws, List<Path> inputs, ImportOptions options,
                                           ImportListener listener, CancellationToken cancel, ImportTap tap) {
        return new Importer().run(ws, inputs, Map.of(), options, listener, cancel, tap);
    }

    /**
     * As above, writing no data files: the datasets are in the catalog, their rows only in what
     * {@code tap} kept. For a temporary workspace only ({@link OnTheFly#keptOnly}).
     */
    static ImportReport importWithoutData(Workspace ws, List<Path> inputs, ImportOptions options,
                                          ImportListener listener, CancellationToken cancel, ImportTap tap) {
        return new Importer(Sources.FILES, ParallelText.Chunking.DEFAULT, false)
                .run(ws, inputs, Map.of(), options, listener, cancel, tap);
    }

    /**
     * As {@link #importFiles(Workspace, List, ImportOptions, ImportListener, CancellationToken)}, with
     * a kind per file where the user chose one ({@code kinds}, keyed by the input path as given;
     * other files use {@code options.kind()} or are recognised): still one call, so one commit.
     */
    public static ImportReport importFiles(Workspace ws, List<Path> inputs, Map<Path, LogKind> kinds,
                                           ImportOptions options, ImportListener listener, CancellationToken cancel) {
        return new Importer().run(ws, inputs, Map.copyOf(kinds), options, listener, cancel, ImportTap.NONE);
    }

    /** Files, and every supported file inside folders (recursively, hidden files skipped), in a stable order. */
    public static List<Path> expand(List<Path> inputs) {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(p -> !isHidden(input, p)).filter(Files::isRegularFile).sorted().forEach(files::add);
                } catch (IOException | UncheckedIOException e) {
                    files.add(input); // reported as unreadable when imported
                }
            } else {
                files.add(input);
            }
        }
        return files;
    }

    private static boolean isHidden(Path root, Path p) {
        for (Path part : root.relativize(p)) {
            String n = part.toString();
            if (n.startsWith(".") || n.startsWith("_")) {
                return true; // also Spark/Hive bookkeeping files such as _SUCCESS
            }
        }
        return false;
    }

    /**
     * What becomes one dataset: a file, or a folder of Parquet part files ({@code parts} not
     * empty). Hive names its parts {@code 000000_0}, Spark {@code part-00000-….snappy.parquet}; a
     * folder is taken as one table when every visible file in it is Parquet (by its magic bytes,
     * not its name) and all name the same kind's columns, and it holds two or more files or one
     * with such a part name. Deeper folders are tables of their own.
     */
    record Unit(Path path, List<Path> parts, Optional<String> skipped) {

        Unit(Path path, List<Path> parts) {
            this(path, parts, Optional.empty());
        }

        long size() {
            return parts.isEmpty() ? sizeOrZero(path) : parts.stream().mapToLong(Importer::sizeOrZero).sum();
        }
    }

    private static final Pattern PART_NAME = Pattern.compile("\\d+_\\d+(_copy_\\d+)?|part-.*");

    /** {@link #expand} with the files of each Parquet table folder gathered into one unit, in a stable order. */
    static List<Unit> units(List<Path> inputs) {
        List<Unit> units = new ArrayList<>();
        for (Path input : inputs) {
            if (!Files.isDirectory(input)) {
                units.add(new Unit(input, List.of(), NonLogFiles.why(input)));
                continue;
            }
            Map<Path, List<Path>> byFolder = new LinkedHashMap<>();
            List<Unit> found = new ArrayList<>();
            for (Path file : expand(List.of(input))) {
                Optional<String> notALog = NonLogFiles.why(file);
                if (notALog.isPresent()) {
                    found.add(new Unit(file, List.of(), notALog));
                } else {
                    byFolder.computeIfAbsent(file.equals(input) ? file : file.getParent(), f -> new ArrayList<>()).add(file);
                }
            }
            byFolder.forEach((folder, files) -> {
                if (isParquetTable(files)) {
                    found.add(new Unit(folder, List.copyOf(files)));
                } else {
                    files.forEach(f -> found.add(new Unit(f, List.of())));
                }
            });
            found.sort(Comparator.comparing(u -> u.parts.isEmpty() ? u.path : u.parts.get(0)));
            units.addAll(found);
        }
        return units;
    }

    private static boolean isParquetTable(List<Path> files) {
        if (files.size() == 1 && !PART_NAME.matcher(String.valueOf(files.get(0).getFileName())).matches()) {
            return false;
        }
        String tableKey = null;
        for (Path file : files) {
            try {
                if (!Files.isRegularFile(file) || !Sources.isParquet(Sources.head(file))) {
                    return false;
                }
                List<String> columns = ParquetSource.columns(file);
                // Parts of one table name the same kind; without a kind (--kind given) the same columns.
                String key = FormatSniffer.kindOfNames(columns).map(k -> "kind " + k.id()).orElse("columns " + columns);
                if (tableKey != null && !tableKey.equals(key)) {
                    return false;
                }
                tableKey = key;
            } catch (IOException | RuntimeException e) {
                return false; // imported file by file, so the unreadable one fails alone with its reason
            }
        }
        return true;
    }

    ImportReport run(Workspace ws, List<Path> inputs, ImportOptions options, ImportListener listener,
                     CancellationToken cancel) {
        return run(ws, inputs, Map.of(), options, listener, cancel, ImportTap.NONE);
    }

    ImportReport run(Workspace ws, List<Path> inputs, Map<Path, LogKind> kinds, ImportOptions options,
                     ImportListener listener, CancellationToken cancel, ImportTap tap) {
        List<Unit> units = units(inputs);
        long total = Math.max(1, units.stream().mapToLong(Unit::size).sum());
        AtomicLong done = new AtomicLong();
        FileImporter importer = new FileImporter(opener, chunking, cancel, dataFiles);
        List<FileReport> reports = new ArrayList<>();
        List<NewDataset> staged = new ArrayList<>();
        List<Integer> stagedReport = new ArrayList<>();
        List<ImportTap.Unit> stagedTaps = new ArrayList<>();
        List<ImportTap.Unit> taps = new ArrayList<>();
        Map<String, Integer> pendingFingerprints = new HashMap<>();
        Map<Integer, Integer> duplicateOfStaged = new HashMap<>();
        List<Path> stagingFolders = new ArrayList<>();
        try {
            for (Unit unit : units) {
                cancel.throwIfCancelled();
                Path file = unit.path();
                String given = file.toString();
                if (unit.skipped().isPresent()) {
                    reports.add(FileReport.skipped(given, unit.skipped().get()));
                    continue;
                }
                listener.progress(done.get() / (double) total, "Importing " + given);
                long before = done.get();
                if (unit.parts().isEmpty() && (!Files.isRegularFile(file) || !Files.isReadable(file))) {
                    reports.add(FileReport.failed(given, given + ": " + (Files.exists(file)
                            ? "cannot be read" : "no such file")));
                    continue;
                }
                Path staging = ws.staging().newFolder();
                stagingFolders.add(staging);
                FileImporter.Result result;
                ImportTap.Unit tapped = tap.unit();
                taps.add(tapped);
                try {
                    String name = nameOf(options, file, units.size());
                    Optional<LogKind> kind = Optional.ofNullable(kinds.get(file)).or(options::kind);
                    LongConsumer progress = n -> listener.progress(
                            Math.min(1.0, done.addAndGet(n) / (double) total), "Importing " + given);
                    result = unit.parts().isEmpty()
                            ? importer.importFile(file, given, kind, name, staging, progress, tapped)
                            : importer.importParquetParts(given, unit.parts(), kind, name, staging, progress, tapped);
                } catch (IOException | UncheckedIOException e) {
                    ws.staging().discard(staging);
                    String why = e instanceof java.nio.file.NoSuchFileException ? "vanished while being read"
                            : "became unreadable while being read (" + e.getMessage() + ")";
                    reports.add(FileReport.failed(given, given + ": " + why + "; nothing of it was imported"));
                    continue;
                } catch (RuntimeException e) {
                    if (e instanceof CancellationException) {
                        throw e;
                    }
                    ws.staging().discard(staging);
                    reports.add(FileReport.failed(given, given + ": " + e));
                    continue;
                }
                done.set(before + unit.size());
                if (result instanceof FileImporter.Result.Failed failed) {
                    ws.staging().discard(staging);
                    reports.add(FileReport.failed(given, failed.error()));
                    continue;
                }
                FileImporter.Result.Read read = (FileImporter.Result.Read) result;
                Optional<DatasetInfo> existing = ws.datasets().withFingerprint(read.fingerprint());
                if (existing.isPresent()) {
                    ws.staging().discard(staging);
                    reports.add(read.report().with(new FileReport.Outcome.Duplicate(existing.get().id()))
                            .withWarning("already imported as dataset " + existing.get().id() + " ("
                                    + existing.get().name() + "): nothing added"));
                } else if (pendingFingerprints.containsKey(read.fingerprint())) {
                    ws.staging().discard(staging);
                    duplicateOfStaged.put(reports.size(), pendingFingerprints.get(read.fingerprint()));
                    reports.add(read.report());
                } else if (read.dataset().isEmpty()) {
                    ws.staging().discard(staging);
                    reports.add(read.report());
                } else {
                    pendingFingerprints.put(read.fingerprint(), staged.size());
                    stagedTaps.add(tapped);
                    staged.add(read.dataset().get());
                    stagedReport.add(reports.size());
                    reports.add(read.report());
                }
            }
            cancel.throwIfCancelled();
            if (!staged.isEmpty() && !ws.data().isLocal()) {
                // Parsed here, the data now goes to the data folder: seconds per hundred files on
                // HDFS, which would otherwise look like an import stuck at its end.
                listener.progress(Math.min(1.0, done.get() / (double) total), "Copying into " + ws.data().root());
            }
            List<Long> ids = staged.isEmpty() ? List.of() : ws.datasets().commit(staged);
            Map<ImportTap.Unit, Long> keptAs = new IdentityHashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                keptAs.put(stagedTaps.get(i), ids.get(i));
            }
            for (ImportTap.Unit t : taps) {
                Long id = keptAs.get(t);
                if (id != null) {
                    t.kept(id);
                } else {
                    t.dropped();
                }
            }
            for (int i = 0; i < ids.size(); i++) {
                int r = stagedReport.get(i);
                reports.set(r, reports.get(r).with(new FileReport.Outcome.Imported(ids.get(i))));
            }
            duplicateOfStaged.forEach((r, s) -> reports.set(r, reports.get(r)
                    .with(new FileReport.Outcome.Duplicate(ids.get(s)))
                    .withWarning("same bytes as " + staged.get(s).sourceFiles().get(0) + ", imported as dataset "
                            + ids.get(s) + ": nothing added")));
            listener.progress(1.0, "Imported " + units.size() + " file(s)");
            return new ImportReport(reports, conflictsOf(ws, ids));
        } catch (RuntimeException e) {
            stagingFolders.forEach(ws.staging()::discard);
            taps.forEach(ImportTap.Unit::dropped);
            throw e;
        }
    }

    /** The conflicts of the new datasets with the others (and among themselves), by the workspace's rule. */
    private static List<ReferenceConflict> conflictsOf(Workspace ws, List<Long> newIds) {
        if (newIds.isEmpty()) {
            return List.of();
        }
        return ws.references().conflicts().stream()
                .filter(c -> newIds.contains(c.winner().id()) || newIds.contains(c.overridden().id())).toList();
    }

    private static String nameOf(ImportOptions options, Path file, int files) {
        String fileName = String.valueOf(file.getFileName());
        return options.datasetName().filter(n -> !n.isBlank())
                .map(n -> files == 1 ? n : n + " (" + fileName + ")").orElse(fileName);
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
