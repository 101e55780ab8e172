package io.shoplens.app.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import io.shoplens.app.common.DialogService;
import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.EngineService;
import io.shoplens.app.engine.FilterChoices;
import io.shoplens.app.engine.ImportPreview;
import io.shoplens.app.jobs.Job;
import io.shoplens.app.jobs.JobRunner;
import io.shoplens.engine.imports.ImportReport;
import io.shoplens.engine.imports.NonLogFiles;
import io.shoplens.engine.workspace.DatasetInfo;
import io.shoplens.engine.workspace.ReferenceConflict;

/**
 * The open workspace as the window shows it: its datasets, where they define ids differently
 * (and which wins), the filter values they offer, whether Spark is ready, and the import flow
 * (preview → confirm kinds → import → report).
 */
public final class WorkspaceViewModel {

    private final EngineService engine;
    private final JobRunner jobs;
    private final DialogService dialogs;
    private final Messages messages;
    private final Path samples;
    private final ObservableList<DatasetInfo> datasets = FXCollections.observableArrayList();
    private final ObservableList<ReferenceConflict> conflicts = FXCollections.observableArrayList();
    private final ObjectProperty<FilterChoices> choices = new SimpleObjectProperty<>(FilterChoices.EMPTY);
    private final BooleanProperty engineReady = new SimpleBooleanProperty(false);
    private final BooleanProperty engineFailed = new SimpleBooleanProperty(false);
    private final javafx.beans.property.StringProperty engineInUse = new javafx.beans.property.SimpleStringProperty("");
    private final BooleanProperty importing = new SimpleBooleanProperty(false);
    private final BooleanBinding hasData = Bindings.isNotEmpty(datasets);
    private final ReadOnlyStringWrapper dataKey = new ReadOnlyStringWrapper();

    public WorkspaceViewModel(EngineService engine, JobRunner jobs, DialogService dialogs, Messages messages,
                              Path samples) {
        this.engine = engine;
        this.jobs = jobs;
        this.dialogs = dialogs;
        this.messages = messages;
        this.samples = samples;
    }

    public ObservableList<DatasetInfo> datasets() {
        return datasets;
    }

    /** Ids that datasets of a reference kind define differently, and which dataset wins each. */
    public ObservableList<ReferenceConflict> conflicts() {
        return conflicts;
    }

    public ObjectProperty<FilterChoices> choicesProperty() {
        return choices;
    }

    public ReadOnlyBooleanProperty engineReadyProperty() {
        return engineReady;
    }

    /** Whether Spark failed to start (an unreachable cluster, an engine this build cannot run). */
    public ReadOnlyBooleanProperty engineFailedProperty() {
        return engineFailed;
    }

    /** The engine this window runs on, in words ("Local, 2 cores"); empty when not told. */
    public javafx.beans.property.StringProperty engineInUseProperty() {
        return engineInUse;
    }

    public ReadOnlyBooleanProperty importingProperty() {
        return importing;
    }

    public BooleanBinding hasDataProperty() {
        return hasData;
    }

    /**
     * Names the datasets as they are (ids and fingerprints); it changes with every import and
     * removal, so views know their results were computed on other data. Null until first read.
     */
    public ReadOnlyStringProperty dataKeyProperty() {
        return dataKey.getReadOnlyProperty();
    }

    /** Whether the sample logs are where the installer put them. */
    public boolean samplesAvailable() {
        return Files.isDirectory(samples);
    }

    /**
     * Reads the catalog at once (no Spark), then warms Spark up in the background. Spark's start
     * is submitted once the datasets are read, so it queues behind the last-result reads the
     * window asked for meanwhile: started together, Spark's class loading on two busy cores
     * delayed those reads by seconds.
     */
    public void start() {
        refresh(this::warmUp);
    }

    private void warmUp() {
        jobs.submit(Job.of(messages.get("job.warmUp"), ctx -> {
            engine.warmUp();
            return Boolean.TRUE;
        }).quiet().onSuccess(ready -> {
            engineReady.set(true);
            if (hasData.get()) {
                warmModel();
            }
        }).onFailure(error -> {
            engineFailed.set(true);
            dialogs.notifyError(messages.get("error.warmUp"), error);
        }));
    }

    /**
     * Loads the session model of the datasets in the job runner (with progress and Cancel), so
     * the views answer from it; after the workspace opens and after each import.
     */
    private void warmModel() {
        jobs.submit(Job.of(messages.get("job.warmModel"), ctx -> {
            engine.warmModel(ctx);
            return Boolean.TRUE;
        }).onFailure(error -> dialogs.notifyError(messages.get("error.warmModel"), error)));
    }

    /**
     * Re-reads datasets, then their conflicts and the filter choices: separate jobs, because the
     * datasets come from the catalog at once, the conflicts from the reference tables, and the
     * choices may need Spark (which can still be warming up).
     */
    public void refresh() {
        refresh(() -> { });
    }

    private void refresh(Runnable afterDatasets) {
        jobs.submit(Job.of(messages.get("job.catalog"), ctx -> engine.datasets())
                .quiet()
                .onSuccess(list -> {
                    String key = keyOf(list);
                    if (engineReady.get() && !list.isEmpty() && dataKey.get() != null && !key.equals(dataKey.get())) {
                        // New data: the model is loaded first, so the views that follow answer from it.
                        warmModel();
                    }
                    if (!list.equals(datasets)) {
                        datasets.setAll(list);
                    }
                    dataKey.set(key);
                    afterDatasets.run();
                    jobs.submit(Job.of(messages.get("job.catalog"), ctx -> engine.conflicts())
                            .quiet()
                            .onSuccess(conflicts::setAll)
                            .onFailure(error -> dialogs.notifyError(messages.get("error.catalog"), error)));
                    jobs.submit(Job.of(messages.get("job.catalog"), ctx -> engine.filterChoices())
                            .quiet()
                            .onSuccess(choices::set)
                            .onFailure(error -> dialogs.notifyError(messages.get("error.catalog"), error)));
                })
                .onFailure(error -> {
                    dialogs.notifyError(messages.get("error.catalog"), error);
                    afterDatasets.run();
                }));
    }

    public void chooseAndImport(boolean folder) {
        dialogs.chooseImportFiles(folder).ifPresent(this::importPaths);
    }

    public void openSamples() {
        if (!samplesAvailable()) {
            dialogs.notifyInfo(messages.get("samples.missing.title"), messages.get("samples.missing", samples));
            return;
        }
        importPaths(List.of(samples));
    }

    /**
     * Files and folders (every file inside, recursively) → preview → the user confirms kinds →
     * import. Files that are clearly not logs (a README, desktop.ini) are left out and named after.
     */
    public void importPaths(List<Path> paths) {
        if (paths.isEmpty() || importing.get()) {
            return;
        }
        importing.set(true);
        List<String> skipped = new ArrayList<>();
        jobs.submit(Job.of(messages.get("job.preview"), ctx -> {
            List<ImportPreview> previews = new ArrayList<>();
            for (Path file : expand(paths)) {
                if (NonLogFiles.why(file).isPresent()) {
                    skipped.add(messages.get("import.skipped", file.getFileName().toString()));
                    continue;
                }
                ctx.message(file.getFileName().toString());
                previews.add(engine.preview(file));
            }
            return previews;
        }).onSuccess(previews -> {
            if (previews.isEmpty()) {
                importing.set(false);
                dialogs.notifyInfo(messages.get("import.title"), withNotes(messages.get("import.nothing"), skipped));
                return;
            }
            dialogs.reviewImport(previews).ifPresentOrElse(items ->
                    jobs.submit(Job.of(messages.get("job.import"), ctx -> engine.importFiles(items, ctx))
                            .onSuccess(report -> imported(report, skipped))
                            .onCancelled(() -> dialogs.notifyInfo(messages.get("import.title"),
                                    messages.get("import.cancelled")))
                            .onFailure(error -> dialogs.notifyError(messages.get("error.import"), error))
                            .onFinished(() -> {
                                importing.set(false);
                                refresh();
                            })),
                    () -> importing.set(false));
        }).onFailure(error -> {
            importing.set(false);
            dialogs.notifyError(messages.get("error.preview"), error);
        }).onCancelled(() -> importing.set(false)));
    }

    public void rename(DatasetInfo dataset) {
        dialogs.askText(messages.get("dataset.rename.title"), messages.get("dataset.rename.prompt"), dataset.name())
                .map(String::trim)
                .filter(name -> !name.isEmpty() && !name.equals(dataset.name()))
                .ifPresent(name -> jobs.submit(Job.of(messages.get("job.rename"), ctx -> {
                    engine.renameDataset(dataset.id(), name);
                    return name;
                }).quiet().onSuccess(done -> refresh())));
    }

    public void remove(DatasetInfo dataset) {
        if (dialogs.confirm(messages.get("dataset.remove.title"), messages.get("dataset.remove.text", dataset.name()))) {
            jobs.submit(Job.of(messages.get("job.remove"), ctx -> {
                engine.removeDataset(dataset.id());
                return dataset;
            }).quiet().onSuccess(done -> refresh()));
        }
    }

    /** Makes a dataset win where it and others define ids differently. */
    public void prefer(long datasetId) {
        jobs.submit(Job.of(messages.get("job.prefer"), ctx -> {
            engine.preferDataset(datasetId);
            return datasetId;
        }).quiet().onSuccess(done -> refresh())
                .onFailure(error -> dialogs.notifyError(messages.get("error.catalog"), error)));
    }

    /** Removes the dataset of this id (after the user confirms), e.g. the one a conflict names. */
    public void remove(long datasetId) {
        datasets.stream().filter(d -> d.id() == datasetId).findFirst().ifPresent(this::remove);
    }

    private void imported(ImportReport report, List<String> skipped) {
        String done = messages.get("import.done", report.newDatasetIds().size(), report.accepted(), report.rejected());
        List<String> notes = new ArrayList<>(skipped);
        notes.addAll(report.notes());
        report.conflicts().forEach(c -> notes.add(ConflictText.of(messages, c)));
        dialogs.notifyInfo(messages.get("import.title"), withNotes(done, notes));
        if (report.rejected() > 0) {
            dialogs.showRejectedRows(report);
        }
    }

    private static String keyOf(List<DatasetInfo> list) {
        StringBuilder key = new StringBuilder();
        list.forEach(d -> key.append(d.id()).append(':').append(d.fingerprint()).append(';'));
        return key.toString();
    }

    private static String withNotes(String text, List<String> notes) {
        return notes.isEmpty() ? text : text + "\n" + String.join("\n", notes);
    }

    /** The files to import: each file as given, every visible regular file inside each folder, sorted. */
    static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .sorted()
                            .forEach(files::add);
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            }
        }
        return files;
    }
}
