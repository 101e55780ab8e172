package io.shoplens.engine.workspace;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.workspace.ReferenceConflict.DatasetRef;
import io.shoplens.engine.workspace.ReferenceConflict.Example;

/**
 * The reference kinds' definitions across datasets: where two datasets define an id differently
 * (a conflict), and which dataset's definition wins there (the one of higher precedence, see
 * {@link Datasets#prefer}); {@link AnalysisTables} applies the same rule, so the analyses see one
 * row per id. Found in plain Java from the stored Parquet (no Spark), so an import can report
 * them; kept per set of datasets, which never change once imported.
 */
public final class References {

    /** Ids shown per conflict. */
    static final int EXAMPLES = 3;

    private final Datasets datasets;
    private final Map<String, List<ReferenceConflict>> known = new HashMap<>();

    References(Datasets datasets) {
        this.datasets = datasets;
    }

    /** Every conflict in the workspace, by kind, the winner's precedence order. */
    public List<ReferenceConflict> conflicts() {
        return conflictsAmong(datasets.all());
    }

    /** The conflicts among the given datasets only. */
    public List<ReferenceConflict> conflicts(Collection<Long> datasetIds) {
        return conflictsAmong(AnalysisTables.only(datasets.all(), datasetIds));
    }

    /** For each reference kind, where the definitions among the given datasets come from. */
    public List<ReferenceSource> sources(Collection<Long> datasetIds) {
        List<DatasetInfo> among = AnalysisTables.only(datasets.all(), datasetIds);
        Map<Long, Datasets.Ranking> rankings = datasets.rankings();
        List<ReferenceSource> sources = new ArrayList<>();
        for (LogKind kind : LogKind.values()) {
            if (!kind.isReference()) {
                continue;
            }
            List<DatasetInfo> ofKind = strongestFirst(among, kind, rankings);
            if (ofKind.isEmpty()) {
                continue;
            }
            List<ReferenceSource.OverriddenIds> overrides = conflictsOf(kind, ofKind, rankings).stream()
                    .map(c -> new ReferenceSource.OverriddenIds(c.winner(), c.overridden(), c.ids())).toList();
            sources.add(new ReferenceSource(kind, ofKind.stream().map(DatasetRef::of).toList(), overrides));
        }
        return sources;
    }

    private List<ReferenceConflict> conflictsAmong(List<DatasetInfo> among) {
        Map<Long, Datasets.Ranking> rankings = datasets.rankings();
        List<ReferenceConflict> all = new ArrayList<>();
        for (LogKind kind : LogKind.values()) {
            if (kind.isReference()) {
                all.addAll(conflictsOf(kind, strongestFirst(among, kind, rankings), rankings));
            }
        }
        return all;
    }

    /** The datasets of {@code kind} holding rows, the winning one first. */
    static List<DatasetInfo> strongestFirst(List<DatasetInfo> among, LogKind kind, Map<Long, Datasets.Ranking> rankings) {
        return among.stream().filter(d -> d.kind() == kind && d.rowsAccepted() > 0)
                .sorted(Comparator.comparingLong((DatasetInfo d) -> precedence(d, rankings)).reversed())
                .toList();
    }

    static long precedence(DatasetInfo d, Map<Long, Datasets.Ranking> rankings) {
        Datasets.Ranking r = rankings.get(d.id());
        return r == null ? d.id() : r.precedence();
    }

    private synchronized List<ReferenceConflict> conflictsOf(LogKind kind, List<DatasetInfo> strongestFirst,
                                                             Map<Long, Datasets.Ranking> rankings) {
        if (strongestFirst.size() < 2) {
            return List.of();
        }
        String key = kind.id() + strongestFirst.stream().map(d -> d.id() + "@" + precedence(d, rankings))
                .collect(Collectors.joining(",", ":", ""));
        List<ReferenceConflict> found = known.get(key);
        if (found == null) {
            found = compare(kind, strongestFirst);
            known.put(key, found);
        }
        return found;
    }

    /**
     * Reads the datasets strongest first: the first to define an id wins it (within a dataset the
     * later row, as in {@link AnalysisTables}); a weaker dataset's different definition of a won
     * id is a conflict with the winner.
     */
    private List<ReferenceConflict> compare(LogKind kind, List<DatasetInfo> strongestFirst) {
        Map<Long, Winner> winners = new HashMap<>();
        Map<String, Pair> pairs = new LinkedHashMap<>();
        for (int index = 0; index < strongestFirst.size(); index++) {
            int d = index;
            DatasetInfo dataset = strongestFirst.get(d);
            try {
                StoredDefinitions.read(datasets.parquetFiles(dataset), dataset.kind(), row -> {
                    if (row.id() == null) {
                        return;
                    }
                    Winner w = winners.get(row.id());
                    if (w == null || w.dataset() == d) {
                        winners.put(row.id(), new Winner(d, row.text()));
                    } else if (!w.text().equals(row.text())) {
                        pairs.computeIfAbsent(w.dataset() + ">" + d, k -> new Pair(strongestFirst.get(w.dataset()), dataset))
                                .add(row.id(), w.text(), row.text());
                    }
                });
            } catch (IOException e) {
                throw new WorkspaceException("Cannot read " + dataset.dataLocation() + ": " + e.getMessage(), e);
            }
        }
        return pairs.values().stream().map(p -> p.conflict(kind)).toList();
    }

    private record Winner(int dataset, String text) {
    }

    private static final class Pair {
        private final DatasetInfo winner;
        private final DatasetInfo overridden;
        private final Set<Long> ids = new LinkedHashSet<>();
        private final List<Example> examples = new ArrayList<>();

        Pair(DatasetInfo winner, DatasetInfo overridden) {
            this.winner = winner;
            this.overridden = overridden;
        }

        void add(long id, String winning, String overriddenText) {
            if (ids.add(id) && examples.size() < EXAMPLES) {
                examples.add(new Example(id, winning, overriddenText));
            }
        }

        ReferenceConflict conflict(LogKind kind) {
            return new ReferenceConflict(kind, DatasetRef.of(winner), DatasetRef.of(overridden), ids.size(), examples);
        }
    }
}
