package io.shoplens.app.audience;

import java.util.List;
import java.util.function.Supplier;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.jfree.chart.JFreeChart;

import atlantafx.base.theme.Styles;
import io.shoplens.app.analysis.AnalysisView;
import io.shoplens.app.analysis.Forms;
import io.shoplens.app.analysis.ResultTableView;
import io.shoplens.app.charts.ChartView;
import io.shoplens.engine.analysis.CategoryNames;
import io.shoplens.app.common.DisplayConverter;
import io.shoplens.app.common.Messages;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.audience.AudienceAnalysis;
import io.shoplens.engine.audience.AudienceMembers;
import io.shoplens.engine.report.AudienceMembersReport;
import io.shoplens.engine.report.AudienceText;
import io.shoplens.engine.report.ReportText;
import io.shoplens.engine.report.ReportCharts;

/**
 * The audience analysis as five sub-tabs: tags, sweet apples, lapsed buyers, suspects and member
 * tiers. Charts and words are the report's own ({@link ReportCharts}, {@link AudienceText},
 * {@link AudienceMembersReport}), so the screen and the report say the same; every list can be
 * written to CSV.
 */
public final class AudienceView extends AnalysisView<AudienceViewModel> {

    private final TabPane tabs = new TabPane();

    public AudienceView(AudienceViewModel model, Messages messages) {
        super(model, messages);
        tabs.setId("audience-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    }

    @Override
    protected void buildParameters(VBox panel) {
        ComboBox<TargetKind> kind = new ComboBox<>();
        kind.setId("audience-target-kind");
        kind.getItems().setAll(TargetKind.values());
        kind.setConverter(DisplayConverter.of(k -> messages.get(k.key())));
        kind.valueProperty().bindBidirectional(model.targetKindProperty());
        kind.setMaxWidth(Double.MAX_VALUE);

        ComboBox<Long> category = new ComboBox<>(model.categoryChoices());
        category.setId("audience-target-category");
        category.setConverter(DisplayConverter.of(model::categoryText));
        category.valueProperty().bindBidirectional(model.targetCategoryProperty());
        category.setMaxWidth(Double.MAX_VALUE);
        category.visibleProperty().bind(model.targetKindProperty().isEqualTo(TargetKind.CATEGORY));
        category.managedProperty().bind(category.visibleProperty());

        TextField product = Forms.textField("audience-target-product", model.targetProductProperty());
        product.setPromptText(messages.get("audience.target.productPrompt"));
        product.visibleProperty().bind(model.targetKindProperty().isEqualTo(TargetKind.PRODUCT));
        product.managedProperty().bind(product.visibleProperty());

        TextField lapsed = Forms.textField("audience-lapsed", model.lapsedProperty());
        lapsed.setPromptText(messages.get("audience.lapsed.prompt"));
        // Picking a habit adds it to the list above; the picker then reads its prompt again.
        ComboBox<String> addHabit = new ComboBox<>();
        addHabit.setId("audience-add-habit");
        addHabit.setPromptText(messages.get("audience.lapsed.add"));
        addHabit.setMaxWidth(Double.MAX_VALUE);
        addHabit.setConverter(DisplayConverter.of(model::habitText));
        Runnable offer = () -> addHabit.getItems().setAll(model.habitChoices());
        model.categoryChoices().addListener((javafx.collections.ListChangeListener<Long>) c -> offer.run());
        model.choicesProperty().addListener((obs, old, now) -> offer.run());
        model.categoryNamesProperty().addListener((obs, old, now) -> offer.run());
        offer.run();
        addHabit.setOnAction(e -> {
            String picked = addHabit.getValue();
            if (picked != null) {
                model.addHabit(picked);
                javafx.application.Platform.runLater(() -> addHabit.getSelectionModel().clearSelection());
            }
        });

        TextField lookalikes = Forms.textField("audience-lookalikes", model.lookalikesProperty());

        Label periodsHint = new Label(messages.get("audience.periods.hint"));
        periodsHint.setWrapText(true);
        periodsHint.getStyleClass().add(Styles.TEXT_MUTED);

        panel.getChildren().addAll(
                Forms.field(messages.get("audience.target"), kind, category, product),
                Forms.field(messages.get("audience.lookalikes"), lookalikes),
                Forms.field(messages.get("audience.lapsed"), lapsed, addHabit),
                Forms.section(messages.get("audience.periods"), periodsHint,
                        Forms.field(messages.get("audience.base"),
                                date("audience-base-from", model.baseFromProperty()),
                                date("audience-base-to", model.baseToProperty())),
                        Forms.field(messages.get("audience.current"),
                                date("audience-current-from", model.currentFromProperty()),
                                date("audience-current-to", model.currentToProperty()))));
    }

    @Override
    protected void showResult(AnalysisResult result, VBox target) {
        int selected = Math.max(0, tabs.getSelectionModel().getSelectedIndex());
        tabs.getTabs().clear();
        if (result.has(AudienceAnalysis.TAGS)) {
            tabs.getTabs().addAll(
                    tab("audience-tab-tags", "audience.tab.tags", tags()),
                    tab("audience-tab-apples", "audience.tab.apples", sweetApples(result)),
                    tab("audience-tab-lapsed", "audience.tab.lapsed", lapsed(result)));
        }
        if (AudienceMembersReport.covers(result)) {
            tabs.getTabs().addAll(
                    tab("audience-tab-suspects", "audience.tab.suspects", suspects(result)),
                    tab("audience-tab-tiers", "audience.tab.tiers", tiers(result)));
        }
        if (!tabs.getTabs().isEmpty()) {
            tabs.getSelectionModel().select(Math.min(selected, tabs.getTabs().size() - 1));
        }
        target.getChildren().add(tabs);
    }

    private Node tags() {
        TextField search = Forms.textField("audience-tag-search", model.tagSearchProperty());
        search.setPromptText(messages.get("audience.tags.search"));
        HBox.setHgrow(search, Priority.ALWAYS);
        Button export = exportButton("export-tags", model::shownTagsTable);
        HBox bar = new HBox(8, search, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        return page(block("audience.tags", bar, new TagShareTable(model.shownTags(), messages, model::tagText)));
    }

    private Node sweetApples(AnalysisResult result) {
        ResultTable lift = result.table(AudienceAnalysis.TAG_LIFT);
        ResultTable lookalikes = result.table(AudienceAnalysis.LOOKALIKES);
        VBox page = page();
        page.getChildren().add(words("audience-backtest",
                AudienceText.backtest(result.table(AudienceAnalysis.LOOKALIKE_CHECK), words()).orElse("")));
        ChartView chart = chart(AudienceAnalysis.TAG_LIFT);
        ReportCharts.tagLift(lift, words(), model.categoryNamesProperty().get()).ifPresentOrElse(c -> {
            chart.setChart(c);
            chart.setPrefHeight(Math.max(300, 80 + 22 * c.getCategoryPlot().getDataset().getColumnCount()));
            page.getChildren().add(block("audience.lift", chart));
        }, () -> page.getChildren().add(words("audience-no-lift", messages.get("audience.lift.none"))));
        page.getChildren().addAll(
                block("audience.lookalikes", exportBar("export-lookalikes", lookalikes), table(lookalikes)),
                block("audience.check", table(result.table(AudienceAnalysis.LOOKALIKE_CHECK))),
                block("audience.liftTable", exportBar("export-tag_lift", lift), table(lift)));
        return page;
    }

    private Node lapsed(AnalysisResult result) {
        VBox page = page();
        List<String> paragraphs = AudienceText.of(result, words());
        String backtest = AudienceText.backtest(result.table(AudienceAnalysis.LOOKALIKE_CHECK), words()).orElse(null);
        VBox words = new VBox(6);
        words.setId("audience-lapses");
        paragraphs.stream().filter(p -> !p.equals(backtest)).forEach(p -> words.getChildren().add(words(null, p)));
        ResultTable summary = result.table(AudienceAnalysis.LAPSED_SUMMARY);
        ResultTable substitutes = result.table(AudienceAnalysis.LAPSED_SUBSTITUTES);
        page.getChildren().addAll(words,
                block("audience.lapsedSummary", exportBar("export-lapsed_summary", summary), table(summary)),
                block("audience.substitutes", exportBar("export-lapsed_substitutes", substitutes),
                        table(substitutes)));
        return page;
    }

    private Node suspects(AnalysisResult result) {
        ResultTable users = result.table(AudienceMembers.SUSPECT_USERS);
        ResultTable sessions = result.table(AudienceMembers.SUSPECTS);
        return page(words("audience-suspects-text", AudienceMembersReport.suspects(sessions, users, words())),
                block("audience.suspectUsers", exportBar("export-suspect_users", users), table(users)),
                block("audience.suspectSessions", exportBar("export-suspects", sessions), table(sessions)));
    }

    private Node tiers(AnalysisResult result) {
        ResultTable rfm = result.table(AudienceMembers.RFM);
        ResultTable moves = result.table(AudienceMembers.TIER_MOVES);
        ResultTable amplification = result.table(AudienceMembers.AMPLIFICATION);

        HBox grids = new HBox(12, figure("rfm_users", AudienceMembersReport.rfGrid(rfm, false, words()), 360),
                figure("rfm_gmv", AudienceMembersReport.rfGrid(rfm, true, words()), 360));
        grids.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));

        ComboBox<String> segment = new ComboBox<>();
        segment.setId("audience-segment");
        segment.getItems().setAll(AudienceViewModel.SEGMENTS);
        segment.valueProperty().bindBidirectional(model.segmentProperty());
        ResultTableView segmentUsers = new ResultTableView(messages);
        segmentUsers.setId("table-segment_users");
        segmentUsers.setTable(model.segmentUsersTable());
        model.segmentProperty().addListener((obs, old, s) -> segmentUsers.setTable(model.segmentUsersTable()));
        Button exportUsers = new Button(messages.get("audience.export"));
        exportUsers.setId("export-segment_users");
        exportUsers.getStyleClass().add(Styles.SMALL);
        exportUsers.setOnAction(e -> model.exportSegmentUsers());
        HBox segmentBar = new HBox(8, segment, exportUsers);
        segmentBar.setAlignment(Pos.CENTER_LEFT);

        ResultTableView sizes = new ResultTableView(messages);
        sizes.setId("table-segments");
        sizes.setTable(model.segmentSizes());

        return page(
                block("audience.rfm", words("audience-segments-text", AudienceMembersReport.segments(rfm, words())), grids,
                        sizes),
                block("audience.segmentUsers", segmentBar, segmentUsers),
                block("audience.moves", words("audience-moves-text", AudienceMembersReport.moves(moves, words())),
                        figure("tier_moves", AudienceMembersReport.movesMatrix(moves, words()), 460),
                        exportBar("export-tier_moves", moves), table(moves)),
                block("audience.amplification",
                        words("audience-amplification-text", AudienceMembersReport.amplification(amplification, words())),
                        figure("amplification_sessions", AudienceMembersReport.sessionWeeks(amplification, words()), 300),
                        figure("amplification_gmv", AudienceMembersReport.freeGmvWeeks(amplification, words()), 300),
                        exportBar("export-amplification", amplification), table(amplification)));
    }

    /** As the other views' tables, with the share columns (fractions of users or sessions) in percent. */
    @Override
    protected ResultTableView table(ResultTable table) {
        ResultTableView view = new ResultTableView(messages);
        view.setId("table-" + table.name());
        view.labelColumn("category_id", model::categoryText);
        for (String tag : List.of("tag", "lapsed", "item")) {
            view.labelColumn(tag, model::tagText);
        }
        view.labelColumn("matched_tags", tags -> CategoryNames.tagsLabel(tags, ";", model.categoryNamesProperty().get()));
        for (String share : List.of("share", "free_share")) {
            view.labelColumn(share, value -> value instanceof Number n
                    ? String.format(messages.locale(), "%.1f%%", n.doubleValue() * 100) : String.valueOf(value));
        }
        view.setTable(table);
        return view;
    }

    private ChartView figure(String name, JFreeChart jfree, double height) {
        ChartView view = chart(name);
        view.setChart(jfree);
        view.setPrefHeight(height);
        view.setMinHeight(height * 0.8);
        return view;
    }

    private Tab tab(String id, String titleKey, Node content) {
        Tab tab = new Tab(messages.get(titleKey), content);
        tab.setId(id);
        return tab;
    }

    private static VBox page(Node... content) {
        VBox page = new VBox(18, content);
        page.setPadding(new javafx.geometry.Insets(12, 0, 0, 0));
        return page;
    }

    private static Label words(String id, String text) {
        Label label = new Label(text);
        if (id != null) {
            label.setId(id);
        }
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().add("narrative");
        return label;
    }

    /** A right-aligned "Export as CSV…" for a whole result table. */
    private HBox exportBar(String id, ResultTable table) {
        HBox bar = new HBox(exportButton(id, () -> table));
        bar.setAlignment(Pos.CENTER_RIGHT);
        return bar;
    }

    private Button exportButton(String id, Supplier<ResultTable> table) {
        Button button = new Button(messages.get("audience.export"));
        button.setId(id);
        button.getStyleClass().addAll(Styles.SMALL);
        button.setOnAction(e -> model.exportCsv(table.get()));
        return button;
    }

    private DatePicker date(String id, javafx.beans.property.ObjectProperty<java.time.LocalDate> value) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setMaxWidth(Double.MAX_VALUE);
        picker.valueProperty().bindBidirectional(value);
        return picker;
    }


    /** The report's words in the window's language: the screen says what an exported report says. */
    private ReportText words() {
        return ReportText.of(messages.locale());
    }
}
