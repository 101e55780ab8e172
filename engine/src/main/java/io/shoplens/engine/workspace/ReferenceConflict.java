package io.shoplens.engine.workspace;

import java.util.List;
import java.util.stream.Collectors;

import io.shoplens.engine.logs.LogKind;

/**
 * Two datasets of a reference kind that define some ids differently, and which one wins there
 * (the one of higher precedence: see {@link Datasets#prefer}).
 *
 * @param ids      how many ids the two define differently
 * @param examples a few of those ids, with both definitions
 */
public record ReferenceConflict(LogKind kind, DatasetRef winner, DatasetRef overridden, long ids,
                               List<Example> examples) {

    /** A dataset as a conflict names it: id, name and the files it was imported from. */
    public record DatasetRef(long id, String name, List<String> files) {

        public DatasetRef {
            files = List.copyOf(files);
        }

        static DatasetRef of(DatasetInfo d) {
            return new DatasetRef(d.id(), d.name(), d.sourceFiles());
        }

        @Override
        public String toString() {
            return "dataset " + id + " (" + name + ")";
        }
    }

    /** One id defined differently: the winner's definition and the overridden one (columns joined by " | "). */
    public record Example(long id, String winning, String overridden) {
    }

    public ReferenceConflict {
        examples = List.copyOf(examples);
    }

    /** E.g. {@code city_info: dataset 7 (numbers.csv) overrides 1 id of dataset 2 (city_info.csv): city_id 1 is "2 | 3" there, "北京 | 华北" here}. */
    public String describe() {
        String shown = examples.stream()
                .map(e -> kind.referenceId().orElseThrow() + " " + e.id() + " is \"" + e.winning() + "\" in "
                        + winner.name() + ", \"" + e.overridden() + "\" in " + overridden.name())
                .collect(Collectors.joining("; "));
        return kind.id() + ": " + winner + " overrides " + ids + " id" + (ids == 1 ? "" : "s") + " of " + overridden
                + " (files " + String.join(", ", winner.files()) + " and " + String.join(", ", overridden.files())
                + "); e.g. " + shown;
    }
}
