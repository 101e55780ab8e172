package io.shoplens.app.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shoplens.engine.workspace.DatasetInfo;

/**
 * Keeps the last computed {@link FilterChoices} in a small JSON file in the workspace, keyed by
 * the datasets' ids and fingerprints: reopening a workspace fills the filter pickers without
 * starting Spark, and any import or removal changes the key and recomputes them.
 */
final class FilterChoiceCache {

    private static final System.Logger LOG = System.getLogger(FilterChoiceCache.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The file's content; dates as text so no Jackson module is needed. Products are ids under
     * {@code productIds}: an older ShopLens kept them as "name (id)" text under {@code products},
     * which is passed over when read, so such a file is made again rather than failing to read.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Stored(String key, List<String> professionals, List<String> cities, List<String> sexes,
                  List<Long> categories, String firstDate, String lastDate, Map<Long, String> categoryNames,
                  List<Long> pages, List<String> keywords, List<Long> productIds, Map<Long, String> productNames) {
    }

    private final Path file;

    FilterChoiceCache(Path file) {
        this.file = file;
    }

    synchronized FilterChoices choices(List<DatasetInfo> datasets, Supplier<FilterChoices> compute) {
        if (datasets.isEmpty()) {
            return FilterChoices.EMPTY;
        }
        String key = keyOf(datasets);
        Stored stored = read();
        // Choices stored by a ShopLens without the funnel's pages, or with products as text, are made again.
        if (stored != null && stored.key().equals(key) && stored.pages() != null && stored.productIds() != null) {
            return new FilterChoices(stored.professionals(), stored.cities(), stored.sexes(), stored.categories(),
                    date(stored.firstDate()), date(stored.lastDate()),
                    stored.categoryNames() == null ? Map.of() : stored.categoryNames(), stored.pages(),
                    stored.keywords(), stored.productIds(), stored.productNames());
        }
        FilterChoices fresh = compute.get();
        write(new Stored(key, fresh.professionals(), fresh.cities(), fresh.sexes(), fresh.categories(),
                fresh.firstDate() == null ? null : fresh.firstDate().toString(),
                fresh.lastDate() == null ? null : fresh.lastDate().toString(), fresh.categoryNames(), fresh.pages(),
                fresh.keywords(), fresh.products(), fresh.productNames()));
        return fresh;
    }

    /** Drops the stored values, so the next request computes them afresh. */
    synchronized void forget() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot delete " + file + ": " + e.getMessage());
        }
    }

    static String keyOf(List<DatasetInfo> datasets) {
        StringBuilder key = new StringBuilder();
        for (DatasetInfo d : datasets) {
            key.append(d.id()).append(':').append(d.fingerprint()).append(';');
        }
        return key.toString();
    }

    private Stored read() {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return JSON.readValue(file.toFile(), Stored.class);
        } catch (IOException e) {
            // A damaged cache costs one recomputation, nothing more.
            LOG.log(System.Logger.Level.WARNING, "Ignoring " + file + ": " + e.getMessage());
            return null;
        }
    }

    private void write(Stored stored) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), stored);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot write " + file + ": " + e.getMessage());
        }
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
