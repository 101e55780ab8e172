package io.shoplens.engine.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import io.shoplens.engine.ads.AdClickAnalysis;
import io.shoplens.engine.ads.AdClickColumns;
import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.imports.ImportTap;
import io.shoplens.engine.logs.DefaultCities;
import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.memory.ImportedActions;
import io.shoplens.engine.memory.MemoryModel;
import io.shoplens.engine.workspace.DatasetInfo;

/**
 * What a one-shot command ({@code analyze --input}) imports, kept in this JVM as it is imported:
 * the actions for the in-memory session model, the ad clicks for the ads analysis, the users,
 * cities and products the model joins. Reading them back from the fresh Parquet through Spark,
 * row by row, took longer than the import itself (at 4M actions 15 s and 3 s after a 19 s import;
 * docs/BENCHMARKS.md). The model is made on a thread of its own once the import is committed
 * ({@link #prepare}).
 *
 * <p>Kept only while it is exactly what the tables will read: a file whose rows were seen but
 * that did not become a dataset (it failed after some rows, or repeated another file's bytes),
 * or more rows than the heap holds, and a kind is given up, to be read through Spark as before.
 * A reference kind is kept only as one dataset whose ids do not repeat (else the tables pick
 * rows). {@link #model} and {@link #clicks} also check that the tables read the datasets kept
 * here and no other; {@link #keepsAllOf} says whether a run needs no table at all.
 */
public final class HeldImport implements ImportTap {

    /** A CSV action takes some 100 bytes: the actions a file of a size holds, for sizing the columns. */
    private static final long BYTES_PER_ACTION = 90;

    private final long maxActions;
    private ImportedActions actions;
    private AdClickColumns.Builder clicks;
    private final Set<Long> actionDatasets = new HashSet<>();
    private final Set<Long> clickDatasets = new HashSet<>();
    private boolean actionsWhole = true;
    private boolean clicksWhole = true;
    /** In the column orders of {@code MemoryModel.References.of(List, List, List)}. */
    private final Map<LogKind, KeptReferences> references = new EnumMap<>(Map.of(
            LogKind.USER_INFO,
            new KeptReferences(LogKind.USER_INFO, "user_id", "sex", "professional", "age", "city"),
            LogKind.CITY_INFO,
            new KeptReferences(LogKind.CITY_INFO, "city_id", "city_name", "area"),
            LogKind.PRODUCT_INFO,
            new KeptReferences(LogKind.PRODUCT_INFO, "product_id", "product_name", "extend_info", "product_status",
                    "price")));
    private CompletableFuture<Optional<MemoryModel>> prepared;
    private boolean preparedTaken;

    /** @param maxActions the most actions held; clicks too are held under it (a click takes half an action's bytes) */
    public HeldImport(long maxActions) {
        this.maxActions = maxActions;
        if (maxActions <= 0) {
            actionsWhole = false;
            clicksWhole = false;
        }
    }

    /** Holds what this JVM's heap holds, as the cold run would ({@link ColdRun#run}). */
    public static HeldImport inThisJvm() {
        return new HeldImport(WorkspaceEngine.maxMemoryActions(MemoryBudget.beforeSpark()));
    }

    @Override
    public Unit unit() {
        return new Unit() {
            private LogKind kind;
            private long rows;
            /** A reference file's rows, kept with the others once it is a dataset. */
            private final List<Row> referenceRows = new ArrayList<>();
            private final Set<Object> ids = new HashSet<>();
            private boolean repeatsAnId;

            @Override
            public void expect(LogKind k, long bytes) {
                if (k == LogKind.USER_VISIT_ACTION && actionsWhole && actions == null) {
                    actions = new ImportedActions((int) Math.min(maxActions, bytes / BYTES_PER_ACTION + 1024));
                }
            }

            @Override
            public void row(LogKind k, Object[] stored) {
                kind = k;
                rows++;
                if (k == LogKind.USER_VISIT_ACTION) {
                    addAction(stored);
                } else if (k == LogKind.AD_CLICK) {
                    addClick(stored);
                } else if (references.containsKey(k) && rows <= maxActions) {
                    referenceRows.add(references.get(k).row(stored));
                    repeatsAnId |= stored[0] != null && !ids.add(stored[0]);
                }
            }

            @Override
            public void kept(long datasetId) {
                if (rows == 0) {
                    return;
                }
                if (kind == LogKind.USER_VISIT_ACTION) {
                    actionDatasets.add(datasetId);
                } else if (kind == LogKind.AD_CLICK) {
                    clickDatasets.add(datasetId);
                } else if (references.containsKey(kind)) {
                    // The tables pick one row per id where an id repeats (AnalysisTables): left to them.
                    references.get(kind).keep(datasetId, rows <= maxActions && !repeatsAnId ? referenceRows : null);
                }
            }

            @Override
            public void dropped() {
                if (rows > 0 && kind == LogKind.USER_VISIT_ACTION) {
                    giveUpActions();
                } else if (rows > 0 && kind == LogKind.AD_CLICK) {
                    giveUpClicks();
                }
            }
        };
    }

    private void addAction(Object[] stored) {
        if (!actionsWhole) {
            return;
        }
        if (actions == null) {
            actions = new ImportedActions(1024);
        }
        if (actions.size() >= maxActions) {
            giveUpActions();
            return;
        }
        actions.add(stored);
    }

    private void addClick(Object[] stored) {
        if (!clicksWhole) {
            return;
        }
        if (clicks == null) {
            clicks = new AdClickColumns.Builder();
        }
        if (stored[0] == null || clicks.size() >= maxActions) {
            giveUpClicks();
            return;
        }
        clicks.add((Long) stored[0], (String) stored[1], (String) stored[2], (Long) stored[3], (Long) stored[4]);
    }

    private void giveUpActions() {
        actionsWhole = false;
        actions = null;
    }

    private void giveUpClicks() {
        clicksWhole = false;
        clicks = null;
    }

    /**
     * The session model of {@code tables}, made from the actions kept here, when {@code datasets}
     * (those the tables read) hold exactly the action datasets kept here; else empty, and the
     * caller reads the tables. Once only: the kept actions are let go.
     */
    public Optional<MemoryModel> model(LogTables tables, Collection<DatasetInfo> datasets) {
        return model(() -> tables, datasets);
    }

    /** As above, the tables opened only if they are read (when the model was not {@link #prepare}d). */
    Optional<MemoryModel> model(Supplier<LogTables> tables, Collection<DatasetInfo> datasets) {
        if (prepared != null) {
            preparedTaken = true;
            try {
                return prepared.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        ImportedActions kept = actions;
        actions = null;
        if (!actionsWhole || !actionDatasets.equals(idsOf(LogKind.USER_VISIT_ACTION, datasets))) {
            return Optional.empty();
        }
        actionsWhole = false;
        return kept == null ? Optional.empty() : kept.model(tables.get());
    }

    /**
     * Starts making the model of the tables {@code datasets} make, on a thread of its own, when
     * the import kept them all, users, cities and products too: so it is made while Spark opens
     * the tables (seconds on a cold JVM), and {@link #model} only waits for it. Else nothing:
     * {@link #model} makes it, reading what it needs from the tables. Once: a second call does nothing.
     */
    public void prepare(Collection<DatasetInfo> datasets, RunRequest request) {
        if (!MemoryAnalyses.readModel(request) || !actionsWhole || actions == null || prepared != null
                || !actionDatasets.equals(idsOf(LogKind.USER_VISIT_ACTION, datasets))) {
            return;
        }
        Optional<List<Row>> users = references.get(LogKind.USER_INFO).rows(LogKind.USER_INFO, datasets);
        Optional<List<Row>> cities = references.get(LogKind.CITY_INFO).rows(LogKind.CITY_INFO, datasets);
        Optional<List<Row>> products = references.get(LogKind.PRODUCT_INFO).rows(LogKind.PRODUCT_INFO, datasets);
        if (users.isEmpty() || cities.isEmpty() || products.isEmpty()) {
            return;
        }
        ImportedActions kept = actions;
        actions = null;
        actionsWhole = false;
        boolean oneFile = DatasetInfo.sourceFilesOf(LogKind.USER_VISIT_ACTION, datasets).size() <= 1;
        prepared = new CompletableFuture<>();
        Thread maker = new Thread(() -> {
            try {
                prepared.complete(kept.model(users.get(), cities.get(), products.get(), oneFile));
            } catch (Throwable e) {
                prepared.completeExceptionally(e);
            }
        }, "shoplens-imported-model");
        maker.setDaemon(true);
        maker.start();
    }

    /** The ad clicks of the tables {@code datasets} make, as {@link #model} the actions. */
    public Optional<AdClickColumns> clicks(Collection<DatasetInfo> datasets) {
        AdClickColumns.Builder kept = clicks;
        clicks = null;
        if (!clicksWhole || !clickDatasets.equals(idsOf(LogKind.AD_CLICK, datasets))) {
            return Optional.empty();
        }
        clicksWhole = false;
        // No clicks at all is held too: the ads analysis then answers its empty tables here.
        return Optional.of((kept == null ? new AdClickColumns.Builder() : kept).build());
    }

    /**
     * Whether this keeps everything {@code request}'s analyses read of the tables {@code datasets}
     * make: the model made ({@link #prepare}d), the ad clicks. Then the run needs no table.
     */
    public boolean keepsAllOf(Collection<DatasetInfo> datasets, RunRequest request) {
        boolean model = !MemoryAnalyses.readModel(request) || prepared != null && !preparedTaken;
        boolean ads = !request.analyses().contains(AdClickAnalysis.NAME)
                || clicksWhole && clickDatasets.equals(idsOf(LogKind.AD_CLICK, datasets));
        return model && ads;
    }

    /**
     * Whether {@code inputs} (files and folders) look like rows this may keep: plain text (the
     * rows of gzip or Parquet cannot be told from their size) of at most some
     * {@link #BYTES_PER_ACTION} bytes an action within the most actions held. A guess: what is
     * imported then decides ({@link #keepsAllOf}).
     */
    public boolean mayKeep(List<Path> inputs) {
        long bytes = 0;
        for (Path input : inputs) {
            try (Stream<Path> files = Files.walk(input)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    byte[] head = new byte[4];
                    int n;
                    try (InputStream in = Files.newInputStream(f)) {
                        n = in.readNBytes(head, 0, 4);
                    }
                    boolean gzip = n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
                    boolean parquet = n == 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1';
                    if (gzip || parquet) {
                        return false;
                    }
                    bytes += Files.size(f);
                }
            } catch (IOException | UncheckedIOException e) {
                return false;
            }
        }
        return maxActions > 0 && bytes / BYTES_PER_ACTION <= maxActions;
    }

    /** A reference kind's rows as kept, with the columns the model reads from its table. */
    private static final class KeptReferences {
        private final int[] columns;
        private final List<Row> rows = new ArrayList<>();
        private final Set<Long> datasets = new HashSet<>();
        private boolean whole = true;

        KeptReferences(LogKind kind, String... names) {
            columns = new int[names.length];
            for (int i = 0; i < names.length; i++) {
                columns[i] = kind.storedSchema().fieldIndex(names[i]);
            }
        }

        Row row(Object[] stored) {
            Object[] values = new Object[columns.length];
            for (int i = 0; i < columns.length; i++) {
                values[i] = stored[columns[i]];
            }
            return RowFactory.create(values);
        }

        /** A dataset of the kind and its rows, null when they cannot stand for its table. */
        void keep(long datasetId, List<Row> kept) {
            datasets.add(datasetId);
            if (kept == null) {
                whole = false;
            } else {
                rows.addAll(kept);
            }
        }

        /**
         * The table's rows, when the tables of {@code datasets} read exactly the kept dataset, or
         * none (the default cities for cities); else empty. Of two datasets of a kind the tables
         * pick rows by precedence, which is theirs to do.
         */
        Optional<List<Row>> rows(LogKind kind, Collection<DatasetInfo> all) {
            Set<Long> read = idsOf(kind, all);
            if (!whole || !datasets.equals(read) || read.size() > 1) {
                return Optional.empty();
            }
            if (read.isEmpty() && kind == LogKind.CITY_INFO) {
                return Optional.of(DefaultCities.rows());
            }
            return Optional.of(rows);
        }
    }

    private static Set<Long> idsOf(LogKind kind, Collection<DatasetInfo> datasets) {
        Set<Long> ids = new HashSet<>();
        DatasetInfo.read(kind, datasets).forEach(d -> ids.add(d.id()));
        return ids;
    }
}
