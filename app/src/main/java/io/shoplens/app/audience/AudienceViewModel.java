package io.shoplens.app.audience;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import io.shoplens.app.analysis.AnalysisViewModel;
import io.shoplens.app.common.DialogService;
import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.FilterChoices;
import io.shoplens.app.engine.EngineService;
import io.shoplens.app.jobs.Job;
import io.shoplens.app.jobs.JobRunner;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.audience.AudienceAnalysis;
import io.shoplens.engine.audience.AudienceMembers;
import io.shoplens.engine.audience.AudienceParams;
import io.shoplens.engine.audience.Item;
import io.shoplens.engine.audience.MemberTiers;
import io.shoplens.engine.audience.TagComparison;
import io.shoplens.engine.gmv.DateRange;
import io.shoplens.engine.run.RunRequest;

/**
 * The audience analysis (docs/ANALYSES.md, audience) under the window's filter: the sweet apples'
 * target, the habits whose lapse is studied and the two periods are its options; the tags can be
 * searched, the RFM users picked by segment, and any list shown written to CSV off the FX thread.
 * Never touches a Node.
 */
public final class AudienceViewModel extends AnalysisViewModel {

    /** rfm's segments in the grid's order, for the segment picker. */
    public static final List<String> SEGMENTS = MemberTiers.SEGMENTS;

    /** The name of the chosen segment's users table (and of its CSV file, before the segment). */
    static final String SEGMENT_USERS = "segment_users";

    private final ObjectProperty<TargetKind> targetKind = new SimpleObjectProperty<>(TargetKind.ANY_PAY);
    private final ObjectProperty<Long> targetCategory = new SimpleObjectProperty<>();
    private final StringProperty targetProduct = new SimpleStringProperty("");
    private final StringProperty lapsed = new SimpleStringProperty("");
    private final StringProperty lookalikes = new SimpleStringProperty(String.valueOf(AudienceParams.DEFAULT_LOOKALIKES));
    private final ObjectProperty<LocalDate> baseFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> baseTo = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> currentFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> currentTo = new SimpleObjectProperty<>();
    private final ObservableList<Long> categoryChoices = FXCollections.observableArrayList();
    private final ObjectProperty<FilterChoices> choices = new SimpleObjectProperty<>(FilterChoices.EMPTY);

    private final StringProperty tagSearch = new SimpleStringProperty("");
    private final ObservableList<List<Object>> tagRows = FXCollections.observableArrayList();
    private final FilteredList<List<Object>> shownTags = new FilteredList<>(tagRows);
    private final ObjectProperty<String> segment = new SimpleObjectProperty<>(SEGMENTS.get(0));
    private final ObservableList<List<Object>> segmentUsers = FXCollections.observableArrayList();

    public AudienceViewModel(EngineService engine, JobRunner jobs, DialogService dialogs, Messages messages) {
        super(engine, jobs, dialogs, messages);
        tagSearch.addListener((obs, old, text) -> shownTags.setPredicate(tagMatcher(text)));
        segment.addListener((obs, old, s) -> pickSegmentUsers());
        resultProperty().addListener((obs, old, result) -> {
            tagRows.setAll(result != null && result.has(AudienceAnalysis.TAGS)
                    ? result.table(AudienceAnalysis.TAGS).rows() : List.of());
            pickSegmentUsers();
        });
        watchOptions();
    }

    @Override
    public String analysis() {
        return AudienceAnalysis.NAME;
    }

    public ObjectProperty<TargetKind> targetKindProperty() {
        return targetKind;
    }

    /** The target category when the kind is {@link TargetKind#CATEGORY}. */
    public ObjectProperty<Long> targetCategoryProperty() {
        return targetCategory;
    }

    /** The target product id, as typed, when the kind is {@link TargetKind#PRODUCT}. */
    public StringProperty targetProductProperty() {
        return targetProduct;
    }

    /** {@code category:ID} and {@code product:ID}, comma separated; blank: the engine's three categories. */
    /**
     * How many look-alikes to list ({@code --lookalikes}): fewer than the users scored leaves
     * others for the backtest to compare them with.
     */
    public StringProperty lookalikesProperty() {
        return lookalikes;
    }

    public StringProperty lapsedProperty() {
        return lapsed;
    }

    /** The base period's first day; the four period ends all empty: the engine's last 7 days and the 7 before. */
    public ObjectProperty<LocalDate> baseFromProperty() {
        return baseFrom;
    }

    public ObjectProperty<LocalDate> baseToProperty() {
        return baseTo;
    }

    public ObjectProperty<LocalDate> currentFromProperty() {
        return currentFrom;
    }

    public ObjectProperty<LocalDate> currentToProperty() {
        return currentTo;
    }

    /** The data's categories, to pick a target from (bound to the filter bar's choices). */
    public ObservableList<Long> categoryChoices() {
        return categoryChoices;
    }

    /** The workspace's values (bound to the window's): the products a habit can be picked from. */
    public ObjectProperty<FilterChoices> choicesProperty() {
        return choices;
    }

    /**
     * The habits that can be picked for the lapse study, as {@code --lapsed} writes them: every
     * category, then the most clicked products.
     */
    public List<String> habitChoices() {
        List<String> items = new ArrayList<>();
        categoryChoices.forEach(id -> items.add(new Item(Item.Level.CATEGORY, id).toString()));
        known().products().forEach(id -> items.add(new Item(Item.Level.PRODUCT, id).toString()));
        return items;
    }

    /** "category:5 家电", "product:12 手机0012": a habit as the picker shows it. */
    public String habitText(String text) {
        Item item = Item.parse(text);
        String name = (item.level() == Item.Level.CATEGORY ? categoryNamesProperty().get() : known().productNames())
                .get(item.id());
        return name == null || name.isBlank() ? text : text + " " + name;
    }

    /** Adds a picked habit to the lapse study's list, once. */
    public void addHabit(String item) {
        List<String> items = new java.util.ArrayList<>(java.util.Arrays.stream(lapsed.get() == null ? new String[0]
                : lapsed.get().split("[,，]")).map(String::trim).filter(s -> !s.isEmpty()).toList());
        if (!items.contains(item)) {
            items.add(item);
            lapsed.set(String.join(", ", items));
        }
    }

    /** Text the tags must contain (any case) to be shown. */
    public StringProperty tagSearchProperty() {
        return tagSearch;
    }

    /** The tags table's rows the search lets through, in the table's order. */
    public ObservableList<List<Object>> shownTags() {
        return shownTags;
    }

    /** The segment whose users {@link #segmentUsers()} lists. */
    public ObjectProperty<String> segmentProperty() {
        return segment;
    }

    /** rfm's rows of the chosen segment. */
    public ObservableList<List<Object>> segmentUsers() {
        return segmentUsers;
    }

    /** The shown tags as a table, for its CSV. */
    public ResultTable shownTagsTable() {
        ResultTable tags = resultProperty().get().table(AudienceAnalysis.TAGS);
        return new ResultTable(tags.name(), tags.columns(), List.copyOf(shownTags));
    }

    /** The chosen segment's rfm rows as a table, for its CSV (the users of a campaign). */
    public ResultTable segmentUsersTable() {
        ResultTable rfm = resultProperty().get().table(AudienceMembers.RFM);
        return new ResultTable(SEGMENT_USERS, rfm.columns(), List.copyOf(segmentUsers));
    }

    /** Users and GMV of each segment with paying users, in the grid's order: {@code segment,users,gmv}. */
    public ResultTable segmentSizes() {
        ResultTable rfm = resultProperty().get().table(AudienceMembers.RFM);
        Map<String, double[]> sizes = new LinkedHashMap<>();
        SEGMENTS.forEach(s -> sizes.put(s, new double[2]));
        int segmentColumn = rfm.columnIndex("segment");
        int monetary = rfm.columnIndex("monetary");
        for (List<Object> row : rfm.rows()) {
            double[] size = sizes.get((String) row.get(segmentColumn));
            size[0]++;
            size[1] += row.get(monetary) instanceof Number n ? n.doubleValue() : 0;
        }
        List<List<Object>> rows = new ArrayList<>();
        sizes.forEach((s, size) -> {
            if (size[0] > 0) {
                rows.add(List.of(s, (long) size[0], size[1]));
            }
        });
        return new ResultTable("segments", List.of("segment", "users", "gmv"), rows);
    }

    /**
     * Asks where to save {@code table} as CSV (the engine's own format, header first), then writes
     * it through the job runner: the FX thread never writes a file.
     */
    public void exportCsv(ResultTable table) {
        exportCsv(table, table.name());
    }

    /** The chosen segment's users as CSV, offered as {@code <segment>_users.csv}: a campaign's list. */
    public void exportSegmentUsers() {
        exportCsv(segmentUsersTable(), segment.get() + "_users");
    }

    private void exportCsv(ResultTable table, String fileName) {
        Optional<Path> target = dialogs.chooseSaveFile(messages.get("audience.export.title"), fileName + ".csv",
                "CSV", "csv");
        if (target.isEmpty()) {
            return;
        }
        Path path = target.get();
        jobs.submit(Job.of(messages.get("export.job", path.getFileName()), ctx -> {
            try (BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
                table.writeCsv(out);
            }
            return path;
        }).onSuccess(p -> dialogs.notifyInfo(messages.get("export.done"), p.toString()))
                .onFailure(e -> dialogs.notifyError(messages.get("export.failed"), e)));
    }

    @Override
    protected boolean comparesSuspects() {
        return true;
    }

    /** Which tags' shares and odds ratios the suspects move. */
    @Override
    protected String suspectsText(AnalysisResult withSuspects, AnalysisResult withoutSuspects, boolean excluded) {
        return new SuspectTagsText(messages, this::tagText).of(TagComparison.of(withSuspects, withoutSuspects), excluded);
    }

    @Override
    protected List<Observable> inputs() {
        return List.of(targetKind, targetCategory, targetProduct, lapsed, lookalikes, baseFrom, baseTo, currentFrom,
                currentTo);
    }

    @Override
    protected Optional<String> validate() {
        if (targetKind.get() == TargetKind.CATEGORY && targetCategory.get() == null) {
            return Optional.of(messages.get("audience.validation.category"));
        }
        if (targetKind.get() == TargetKind.PRODUCT && parseLong(targetProduct.get()).isEmpty()) {
            return Optional.of(messages.get("audience.validation.product"));
        }
        if (parseItems(lapsed.get()).isEmpty()) {
            return Optional.of(messages.get("audience.validation.lapsed"));
        }
        if (parsePositiveInt(lookalikes.get()).isEmpty()) {
            return Optional.of(messages.get("audience.validation.lookalikes"));
        }
        List<LocalDate> ends = periodEnds();
        long set = ends.stream().filter(d -> d != null).count();
        if (set != 0 && set != ends.size()) {
            return Optional.of(messages.get("audience.validation.periods"));
        }
        if (set == ends.size() && (baseFrom.get().isAfter(baseTo.get()) || currentFrom.get().isAfter(currentTo.get()))) {
            return Optional.of(messages.get("audience.validation.order"));
        }
        return Optional.empty();
    }

    @Override
    protected void restore(RunRequest request) {
        AudienceParams params = request.audience();
        Optional<Item> target = params.target();
        targetKind.set(target.map(t -> t.level() == Item.Level.CATEGORY ? TargetKind.CATEGORY : TargetKind.PRODUCT)
                .orElse(TargetKind.ANY_PAY));
        targetCategory.set(target.filter(t -> t.level() == Item.Level.CATEGORY).map(Item::id).orElse(null));
        targetProduct.set(target.filter(t -> t.level() == Item.Level.PRODUCT).map(t -> String.valueOf(t.id()))
                .orElse(""));
        lapsed.set(String.join(", ", params.lapsed().stream().map(Item::toString).toList()));
        lookalikes.set(String.valueOf(params.lookalikes()));
        baseFrom.set(params.base().map(DateRange::from).orElse(null));
        baseTo.set(params.base().map(DateRange::to).orElse(null));
        currentFrom.set(params.current().map(DateRange::from).orElse(null));
        currentTo.set(params.current().map(DateRange::to).orElse(null));
    }

    @Override
    protected RunRequest request(SessionFilter filter) {
        return RunRequest.defaults(List.of(analysis())).withFilter(filter).withAudience(params());
    }

    /** The options as the engine takes them; the ones the view has no field for keep the contract's defaults. */
    AudienceParams params() {
        boolean periods = periodEnds().stream().allMatch(d -> d != null);
        AudienceParams defaults = AudienceParams.defaults();
        return new AudienceParams(
                periods ? Optional.of(new DateRange(baseFrom.get(), baseTo.get())) : Optional.empty(),
                periods ? Optional.of(new DateRange(currentFrom.get(), currentTo.get())) : Optional.empty(),
                target(), parseItems(lapsed.get()).orElseThrow(), defaults.likeClicks(), defaults.habitDays(),
                defaults.minUsers(), parsePositiveInt(lookalikes.get()).orElseThrow(), defaults.minDwellSeconds(),
                defaults.asOf(),
                defaults.paidChannels());
    }

    private Optional<Item> target() {
        return switch (targetKind.get()) {
            case ANY_PAY -> Optional.empty();
            case CATEGORY -> Optional.of(new Item(Item.Level.CATEGORY, targetCategory.get()));
            case PRODUCT -> Optional.of(new Item(Item.Level.PRODUCT, parseLong(targetProduct.get()).orElseThrow()));
        };
    }

    private FilterChoices known() {
        return choices.get() == null ? FilterChoices.EMPTY : choices.get();
    }

    private List<LocalDate> periodEnds() {
        return java.util.Arrays.asList(baseFrom.get(), baseTo.get(), currentFrom.get(), currentTo.get());
    }

    private void pickSegmentUsers() {
        AnalysisResult result = resultProperty().get();
        if (result == null || !result.has(AudienceMembers.RFM)) {
            segmentUsers.clear();
            return;
        }
        ResultTable rfm = result.table(AudienceMembers.RFM);
        int column = rfm.columnIndex("segment");
        segmentUsers.setAll(rfm.rows().stream().filter(r -> r.get(column).equals(segment.get())).toList());
    }

    private java.util.function.Predicate<List<Object>> tagMatcher(String text) {
        if (isBlank(text)) {
            return null;
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        // The tag as stored or as shown: "likes:5" and "咖啡" both find likes:咖啡 (5).
        return row -> String.valueOf(row.get(0)).toLowerCase(Locale.ROOT).contains(wanted)
                || tagText(row.get(0)).toLowerCase(Locale.ROOT).contains(wanted);
    }

    /** "category:5, product:12" → the items, repeats dropped; blank → none (the engine's default); empty when one is not an item. */
    static Optional<List<Item>> parseItems(String text) {
        if (isBlank(text)) {
            return Optional.of(List.of());
        }
        LinkedHashSet<Item> items = new LinkedHashSet<>();
        for (String part : text.split("[,，]")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                items.add(Item.parse(part));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.of(List.copyOf(items));
    }
}
