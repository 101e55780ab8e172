package io.shoplens.app.funnel;

import java.util.Optional;

import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import io.shoplens.engine.analysis.CategoryNames;
import io.shoplens.engine.funnel.FunnelStep;
import io.shoplens.engine.funnel.FunnelStep.Kind;

/**
 * One step of the funnel as the editor holds it: a kind and the text typed or picked for its id
 * or keyword, valid or not, so the field shows what the user typed while the view model says
 * what is wrong with it.
 */
public final class StepDraft {

    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>();
    private final StringProperty target = new SimpleStringProperty("");

    public StepDraft(Kind kind, String target) {
        this.kind.set(kind);
        this.target.set(target == null ? "" : target);
    }

    /** The draft of an engine step, e.g. {@code click:category:3} → click:category and "3". */
    public static StepDraft of(FunnelStep step) {
        return new StepDraft(step.kind(), step.id().map(String::valueOf).orElse(step.keyword().orElse("")));
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    /** The id (page, category or product) or the search keyword; ignored by the kinds that take neither. */
    public StringProperty targetProperty() {
        return target;
    }

    /** What changes the step, for a list that re-runs on edits inside its items. */
    Observable[] observables() {
        return new Observable[] {kind, target};
    }

    /** Whether the kind names an id (docs/ANALYSES.md, funnel: page:ID, click:category:ID, ...). */
    public static boolean takesId(Kind kind) {
        return kind == Kind.PAGE || kind.text().contains(":");
    }

    /** Whether the kind has a field at all: an id, or a search's optional keyword. */
    public static boolean takesTarget(Kind kind) {
        return kind == Kind.SEARCH || takesId(kind);
    }

    /** The engine step, or empty while the id is missing or not a number, or the keyword holds a comma. */
    public Optional<FunnelStep> toStep() {
        Kind k = kind.get();
        if (k == null) {
            return Optional.empty();
        }
        String text = target.get() == null ? "" : target.get().trim();
        if (takesId(k)) {
            try {
                // "家电 (15)" as the pickers offer a category or product, or a bare id.
                long id = Long.parseLong(CategoryNames.idOf(text));
                return id < 0 ? Optional.empty() : Optional.of(FunnelStep.of(k, id));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        if (k == Kind.SEARCH && !text.isEmpty()) {
            // The steps travel as one comma list (--funnel-steps): a keyword cannot hold a comma.
            return text.contains(",") ? Optional.empty() : Optional.of(FunnelStep.search(text));
        }
        return Optional.of(FunnelStep.of(k));
    }
}
