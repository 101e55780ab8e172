package io.shoplens.app.preferences;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import io.shoplens.app.common.ErrorText;
import io.shoplens.app.common.Messages;
import io.shoplens.app.jobs.Job;
import io.shoplens.app.jobs.JobRunner;
import io.shoplens.app.preferences.EngineChoice.Kind;
import io.shoplens.engine.spark.EndpointCheck;
import io.shoplens.engine.spark.EndpointCheck.MasterState;

/**
 * Preferences ▸ Engine: where the engine runs (this computer, a cluster, a Spark Connect server),
 * the form's validation, "Check connection" off the FX thread, and saving the choice with the
 * preferences. The choice applies when ShopLens next starts: the running session keeps its engine,
 * so no analysis, import or live view is cut off half-way (the memory preference does the same).
 */
public final class EngineViewModel {

    /** How sure a check's answer is; the dialog colours it. */
    public enum Verdict { CONFIRMED, UNCONFIRMED, FAILED }

    private final AppPreferences preferences;
    private final JobRunner jobs;
    private final Messages messages;
    private final EngineProbe probe;
    private final int machineCores;
    private final String inUse;
    private final Optional<String> environmentMaster;

    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.LOCAL);
    private final ObjectProperty<Integer> cores = new SimpleObjectProperty<>(EngineChoice.ALL_CORES);
    private final StringProperty clusterUrl = new SimpleStringProperty("");
    private final StringProperty connectUrl = new SimpleStringProperty("");
    private final StringBinding validationError;
    private final BooleanBinding valid;
    private final BooleanBinding changed;

    private final BooleanProperty checking = new SimpleBooleanProperty();
    private final StringProperty checkMessage = new SimpleStringProperty("");
    /** null until a check answered. */
    private final ObjectProperty<Verdict> verdict = new SimpleObjectProperty<>();

    /**
     * @param inUse             the running engine in words ({@link EngineLabel})
     * @param environmentMaster the master this start was given outside the preferences, which wins over them
     */
    public EngineViewModel(AppPreferences preferences, JobRunner jobs, Messages messages, EngineProbe probe,
                           int machineCores, String inUse, Optional<String> environmentMaster) {
        this.preferences = preferences;
        this.jobs = jobs;
        this.messages = messages;
        this.probe = probe;
        this.machineCores = machineCores;
        this.inUse = inUse;
        this.environmentMaster = environmentMaster;
        load(preferences.engineProperty().get());
        List<Observable> inputs = List.of(kind, cores, clusterUrl, connectUrl);
        Observable[] dependencies = inputs.toArray(Observable[]::new);
        validationError = Bindings.createStringBinding(
                () -> EngineUrls.problem(choice()).map(p -> messages.get("engine.validation." + p.name())).orElse(""),
                dependencies);
        valid = validationError.isEmpty();
        changed = Bindings.createBooleanBinding(() -> !choice().equals(preferences.engineProperty().get()),
                kind, cores, clusterUrl, connectUrl, preferences.engineProperty());
        // An answer is about the URL it checked: a change makes it stale.
        for (Observable input : inputs) {
            input.addListener(o -> {
                if (!checking.get()) {
                    verdict.set(null);
                    checkMessage.set("");
                }
            });
        }
    }

    /** The form as a choice (the fields of the other kinds are kept in the form, not in the choice). */
    public EngineChoice choice() {
        return switch (kind.get()) {
            case LOCAL -> EngineChoice.local(cores.get() == null ? EngineChoice.ALL_CORES : cores.get());
            case CLUSTER -> EngineChoice.cluster(clusterUrl.get());
            case CONNECT -> EngineChoice.connect(connectUrl.get());
        };
    }

    private void load(EngineChoice choice) {
        kind.set(choice.kind());
        cores.set(choice.kind() == Kind.LOCAL ? choice.cores() : EngineChoice.ALL_CORES);
        clusterUrl.set(choice.kind() == Kind.CLUSTER ? choice.url() : "");
        connectUrl.set(choice.kind() == Kind.CONNECT ? choice.url() : "");
    }

    /** The local core counts offered: all, then 1 to this computer's (and a saved count beyond them). */
    public List<Integer> coreChoices() {
        int saved = preferences.engineProperty().get().cores();
        return IntStream.concat(IntStream.of(EngineChoice.ALL_CORES),
                        IntStream.rangeClosed(1, Math.max(machineCores, saved)))
                .boxed().toList();
    }

    /** How the cores choice reads: "All 4 cores", "2 cores". */
    public String coresText(Integer count) {
        if (count == null) {
            return "";
        }
        return count == EngineChoice.ALL_CORES ? messages.get("engine.cores.all", machineCores)
                : messages.get("engine.cores.some", count);
    }

    /** Saves the choice with the preferences; false (nothing saved) when the form is invalid. */
    public boolean save() {
        if (!valid.get()) {
            return false;
        }
        preferences.engineProperty().set(choice());
        return true;
    }

    /** Checks the choice: at once for this computer, else on the network off the FX thread. */
    public void check() {
        if (!valid.get() || checking.get()) {
            return;
        }
        EngineChoice choice = choice();
        if (choice.kind() == Kind.LOCAL || EngineUrls.isLocalMaster(choice.url())) {
            verdict.set(Verdict.CONFIRMED);
            checkMessage.set(messages.get("engine.check.local", machineCores));
            return;
        }
        checking.set(true);
        verdict.set(null);
        checkMessage.set(messages.get("engine.check.checking"));
        // Quiet: on the background executor, so it does not wait behind a running analysis.
        jobs.submit(Job.of(messages.get("engine.job.check"), ctx -> probe.check(choice)).quiet()
                .onSuccess(check -> {
                    verdict.set(verdictOf(check));
                    checkMessage.set(describe(check, choice.kind()));
                })
                .onFailure(error -> {
                    verdict.set(Verdict.FAILED);
                    checkMessage.set(messages.get("engine.check.failed", ErrorText.summary(error)));
                })
                .onFinished(() -> checking.set(false)));
    }

    static Verdict verdictOf(EndpointCheck check) {
        return switch (check.outcome()) {
            case MASTER_CONFIRMED -> !samePort(check) ? Verdict.FAILED
                    : "ALIVE".equals(check.master().status()) && check.master().aliveWorkers() > 0
                    ? Verdict.CONFIRMED : Verdict.UNCONFIRMED;
            case PORT_OPEN -> Verdict.UNCONFIRMED;
            default -> Verdict.FAILED;
        };
    }

    /** The check's answer in the user's language: what worked, what did not, and how sure it is. */
    String describe(EndpointCheck check, Kind checked) {
        String host = check.host();
        String port = String.valueOf(check.port());
        return switch (check.outcome()) {
            case MASTER_CONFIRMED -> samePort(check) ? master(check.master())
                    : messages.get("engine.check.otherPort", host, port, check.master().url());
            case PORT_OPEN -> checked == Kind.CONNECT
                    ? messages.get("engine.check.PORT_OPEN.connect", host, port)
                    : messages.get("engine.check.PORT_OPEN.cluster", host, port, check.detail());
            case NOT_SPARK -> messages.get("engine.check.NOT_SPARK", host, port, check.detail());
            case HOST_UNKNOWN -> messages.get("engine.check.HOST_UNKNOWN", host);
            case PORT_CLOSED -> messages.get("engine.check.PORT_CLOSED", host, port);
            case NO_ANSWER -> messages.get("engine.check.NO_ANSWER", host, port,
                    String.valueOf(EngineProbe.TIMEOUT.toSeconds()));
            case OTHER_ERROR -> messages.get("engine.check.OTHER_ERROR", host, port, check.detail());
        };
    }

    /**
     * Whether the master on the status page is the one asked for: the page is found by host, so
     * a URL naming another port of that host (a worker's, a web UI's) would otherwise be "confirmed".
     * Only the port is compared; the master may name its host differently (a name, an address).
     */
    private static boolean samePort(EndpointCheck check) {
        return check.master().url().endsWith(":" + check.port());
    }

    private String master(MasterState state) {
        String gigabytes = String.format(messages.locale(), "%.1f", state.memoryMb() / 1024.0);
        String found = messages.get("engine.check.MASTER_CONFIRMED", state.url(), state.status(),
                state.aliveWorkers(), state.cores(), state.coresUsed(), gigabytes);
        if (!"ALIVE".equals(state.status())) {
            return found + " " + messages.get("engine.check.notAlive");
        }
        return state.aliveWorkers() == 0 ? found + " " + messages.get("engine.check.noWorkers") : found;
    }

    /** The engine of this start, and when the choice applies. */
    public String inUseText() {
        return environmentMaster
                .map(master -> messages.get("engine.inUse.environment", inUse, master))
                .orElseGet(() -> messages.get("engine.inUse", inUse));
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    /** Local cores; {@link EngineChoice#ALL_CORES} for all. */
    public ObjectProperty<Integer> coresProperty() {
        return cores;
    }

    public StringProperty clusterUrlProperty() {
        return clusterUrl;
    }

    public StringProperty connectUrlProperty() {
        return connectUrl;
    }

    /** Why the form cannot be saved; empty when it can. */
    public StringBinding validationErrorProperty() {
        return validationError;
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    /** Whether the form differs from the saved choice. */
    public BooleanBinding changedProperty() {
        return changed;
    }

    public BooleanProperty checkingProperty() {
        return checking;
    }

    public StringProperty checkMessageProperty() {
        return checkMessage;
    }

    public ObjectProperty<Verdict> verdictProperty() {
        return verdict;
    }
}
