package io.shoplens.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.shoplens.engine.generate.GenerateProgress;
import io.shoplens.engine.generate.GenerateSettings;
import io.shoplens.engine.generate.GeneratedFile;
import io.shoplens.engine.generate.LogFormat;
import io.shoplens.engine.generate.LogGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code shoplens generate}: realistic sample logs of every kind, deterministic for a seed. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Writes realistic sample logs of every kind (same arguments and seed: same bytes).")
public final class GenerateCommand implements Callable<Integer> {

    private static final GenerateSettings DEFAULTS = GenerateSettings.defaults();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, description = "Folder to write into (created if missing).")
    Path out;

    @Option(names = "--sessions", description = "Sessions (about 15 actions each). Default: ${DEFAULT-VALUE}.")
    long sessions = DEFAULTS.sessions();

    @Option(names = "--users", description = "Users in user_info. Default: ${DEFAULT-VALUE}.")
    int users = DEFAULTS.users();

    @Option(names = "--products", description = "Products in product_info. Default: ${DEFAULT-VALUE}.")
    int products = DEFAULTS.products();

    @Option(names = "--days", description = "Days the actions and ad clicks cover. Default: ${DEFAULT-VALUE}.")
    int days = DEFAULTS.days();

    @Option(names = "--ad-clicks", description = "Ad clicks. Default: ${DEFAULT-VALUE}.")
    long adClicks = DEFAULTS.adClicks();

    @Option(names = "--seed", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed = DEFAULTS.seed();

    @Option(names = "--start-date", description = "First day, yyyy-MM-dd. Default: ${DEFAULT-VALUE}.")
    LocalDate startDate = DEFAULTS.startDate();

    @Option(names = "--formats", split = ",", paramLabel = "FORMAT",
            description = "Comma list of csv, tsv, platform, jsonl, parquet, gzip. Default: csv. "
                    + "One format writes DIR/<kind>.<ext>, several DIR/<format>/<kind>.<ext>.")
    List<String> formats = List.of("csv");

    @Override
    public Integer call() throws Exception {
        GenerateSettings settings;
        try {
            settings = new GenerateSettings(sessions, users, products, days, adClicks, seed, startDate,
                    parseFormats());
        } catch (IllegalArgumentException e) {
            // Checked after parsing, so answer like a parse error: message, usage, exit code 2.
            PrintWriter err = spec.commandLine().getErr();
            err.println("shoplens generate: " + e.getMessage());
            spec.commandLine().usage(err);
            err.flush();
            return ShopLensCli.EXIT_BAD_ARGUMENTS;
        }
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        List<GeneratedFile> files = new LogGenerator(settings).writeTo(out, progressOn(err));
        err.print('\r');
        err.println(String.format(Locale.ROOT, "generated %d files in %.1f s", files.size(),
                (System.nanoTime() - started) / 1e9));
        PrintWriter stdout = spec.commandLine().getOut();
        for (GeneratedFile file : files) {
            stdout.println(file.path() + "\t" + file.rows());
        }
        stdout.flush();
        err.flush();
        return ShopLensCli.EXIT_OK;
    }

    private List<LogFormat> parseFormats() {
        List<LogFormat> parsed = new ArrayList<>();
        for (String text : formats) {
            parsed.add(LogFormat.byId(text).orElseThrow(() -> new IllegalArgumentException(
                    "unknown format '" + text + "' (csv, tsv, platform, jsonl, parquet, gzip)")));
        }
        return parsed;
    }

    /** One line on stderr, rewritten in place at most a few times a second. */
    private static GenerateProgress progressOn(PrintWriter err) {
        long[] lastPrint = {0};
        return (kind, done, total) -> {
            long now = System.nanoTime();
            if (now - lastPrint[0] < 250_000_000L && done < total) {
                return;
            }
            lastPrint[0] = now;
            int percent = total == 0 ? 100 : (int) (100 * done / total);
            err.print(String.format(Locale.ROOT, "\r%-18s %,d / %,d (%d%%)   ", kind.id(), done, total, percent));
            err.flush();
        };
    }
}
