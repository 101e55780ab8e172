package io.shoplens.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.shoplens.engine.workspace.DatasetInfo;
import io.shoplens.engine.workspace.ReferenceConflict;
import io.shoplens.engine.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shoplens datasets}: the catalog as a text table, then the ids that datasets define
 * differently and which one wins; {@code --prefer ID} makes another win.
 */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "Lists the workspace's datasets and where they define ids differently.")
public final class DatasetsCommand implements Callable<Integer> {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Option(names = "--workspace", paramLabel = "DIR", description = "Workspace folder.")
    Path workspace;

    @Option(names = "--prefer", paramLabel = "ID",
            description = "Make this dataset win where it and others define ids differently (as if imported last).")
    Long prefer;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace ws = Workspace.open(workspace != null ? workspace : Workspace.defaultLocation())) {
            if (prefer != null) {
                if (ws.datasets().byId(prefer).isEmpty()) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "No dataset " + prefer);
                }
                ws.datasets().prefer(prefer);
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"id", "name", "kind", "rows", "rejected", "dates", "imported at (UTC)", "source"});
            for (DatasetInfo d : ws.datasets().all()) {
                String dates = d.minDate() == null ? "" : d.minDate() + ".." + d.maxDate();
                rows.add(new String[] {Long.toString(d.id()), d.name(), d.kind().id(), Long.toString(d.rowsAccepted()),
                        Long.toString(d.rowsRejected()), dates, AT.format(d.importedAt()), String.join(", ", d.sourceFiles())});
            }
            int[] widths = new int[rows.get(0).length];
            for (String[] r : rows) {
                for (int i = 0; i < r.length; i++) {
                    widths[i] = Math.max(widths[i], r[i].length());
                }
            }
            for (String[] r : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < r.length; i++) {
                    line.append(i == r.length - 1 ? r[i] : String.format("%-" + widths[i] + "s  ", r[i]));
                }
                out.println(line.toString().stripTrailing());
            }
            if (rows.size() == 1) {
                out.println("(no datasets in " + ws.folder() + ")");
            }
            if (!ws.data().root().equals(ws.folder().toString())) {
                out.println("data kept in " + ws.data().root());
            }
            for (ReferenceConflict c : ws.references().conflicts()) {
                out.println("conflict: " + c.describe());
            }
        }
        out.flush();
        return ShopLensCli.EXIT_OK;
    }
}
