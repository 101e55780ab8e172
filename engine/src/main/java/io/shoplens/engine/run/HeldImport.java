package io.shoplens.engine.run;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import io.shoplens.engine.ads.AdClickColumns;
import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.imports.ImportTap;
import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.memory.ImportedActions;
import io.shoplens.engine.memory.MemoryModel;
import io.shoplens.engine.workspace.DatasetInfo;

/**
 * What a one-shot command ({@code analyze --input}) imports, kept in this JVM as it is imported:
 * the actions for the in-memory session model, the ad clicks for the ads analysis. Reading them
 * back from the fresh Parquet through Spark, row by row, took longer than the import itself (at
 * 4M actions 15 s and 3 s after a 19 s import; docs/BENCHMARKS.md).
 *
 * <p>Kept only while it is exactly what the tables will read: a file whose rows were seen but
 * that did not become a dataset (it failed after some rows, or repeated another file's bytes),
 * or more rows than the heap holds, and a kind is given up, to be read through Spark as before.
 * {@link #model} and {@link #clicks} also check that the tables read the datasets kept here and
 * no other.
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
        ImportedActions kept = actions;
        actions = null;
        if (!actionsWhole || !actionDatasets.equals(idsOf(LogKind.USER_VISIT_ACTION, datasets))) {
            return Optional.empty();
        }
        actionsWhole = false;
        return kept == null ? Optional.empty() : kept.model(tables);
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

    /** Whether the actions and the clicks of the tables {@code datasets} make are both kept here, not yet given. */
    boolean holdsAll(Collection<DatasetInfo> datasets) {
        return actionsWhole && actions != null && actionDatasets.equals(idsOf(LogKind.USER_VISIT_ACTION, datasets))
                && clicksWhole && clicks != null && clickDatasets.equals(idsOf(LogKind.AD_CLICK, datasets));
    }

    private static Set<Long> idsOf(LogKind kind, Collection<DatasetInfo> datasets) {
        Set<Long> ids = new HashSet<>();
        for (DatasetInfo d : datasets) {
            if (d.kind() == kind && d.rowsAccepted() > 0) {
                ids.add(d.id());
            }
        }
        return ids;
    }
}
