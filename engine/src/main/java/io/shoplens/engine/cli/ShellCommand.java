package io.shoplens.engine.cli;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.apache.spark.sql.SparkSession;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.shoplens.engine.run.AnalysisRunner;
import io.shoplens.engine.run.ResultFiles;
import io.shoplens.engine.run.RunRequest;
import io.shoplens.engine.run.WorkspaceEngine;
import io.shoplens.engine.spark.SparkSessions;
import io.shoplens.engine.workspace.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code shoplens shell}: one engine kept warm over a workspace, driven by lines on standard
 * input, for scripts and notebooks. Each line holds the options of {@code analyze} without
 * {@code --input}, quoted as for a POSIX shell, with its own {@code --out DIR}; the tables go
 * there as {@code analyze} writes them, and exactly one JSON object per line goes to standard
 * output: {@code {"ok":true,"ms":N,"out":"DIR"}} or {@code {"ok":false,"error":"..."}}.
 * Everything else (logs, progress) goes to standard error. End of input ends the shell (exit 0).
 */
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = {"Keeps one engine warm over a workspace and answers analyze lines from standard input.",
                "Each line: analyze options without --input, with --out DIR, quoted as in a POSIX shell.",
                "Each answer: one JSON line on standard output, {\"ok\":true,\"ms\":N,\"out\":\"DIR\"} or "
                        + "{\"ok\":false,\"error\":\"...\"}."})
public final class ShellCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--workspace", paramLabel = "DIR",
            description = "Workspace to analyse (default: -Dshoplens.workspace, $SHOPLENS_WORKSPACE, else the user data folder + ShopLens).")
    Path workspace;

    @Mixin
    SparkOptions spark;

    /** The options one line may hold. */
    @Command(name = "line")
    static final class Line {
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
        Path out;

        @Mixin
        AnalysisOptions options;
    }

    @Override
    public Integer call() throws IOException {
        // Only the answers go to standard output: whatever a library prints there goes to errors.
        PrintStream answers = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream out = System.out;
        System.setOut(System.err);
        try {
            return serve(System.in, answers);
        } finally {
            System.setOut(out);
        }
    }

    /** Answers every line of {@code requests} on {@code answers} until the end of input. */
    int serve(InputStream requests, PrintStream answers) throws IOException {
        SparkSession spark = SparkSessions.shared(this.spark.settings());
        try (Workspace ws = Workspace.open(workspace != null ? workspace : Workspace.defaultLocation());
             WorkspaceEngine engine = new WorkspaceEngine(ws, spark, WorkspaceEngine.defaultMaxMemoryActions(spark));
             BufferedReader in = new BufferedReader(new InputStreamReader(requests, StandardCharsets.UTF_8))) {
            System.err.println("shoplens shell: workspace " + ws.folder() + "; one analyze line per request");
            engine.warmUp();
            String text;
            while ((text = in.readLine()) != null) {
                if (text.isBlank() || text.strip().startsWith("#")) {
                    continue;
                }
                answers.println(answer(engine, text));
            }
        }
        return ShopLensCli.EXIT_OK;
    }

    /** Runs one line and says how it went; a bad line is an answer, never the end of the shell. */
    static String answer(WorkspaceEngine engine, String text) {
        long start = System.nanoTime();
        ObjectNode answer = JSON.createObjectNode();
        try {
            Line line = new Line();
            new CommandLine(line).parseArgs(ShellWords.split(text).toArray(String[]::new));
            RunRequest request = line.options.toRequest();
            AnalysisRunner.Outcome outcome = engine.run(request, AnalysisRunner.Listener.NONE);
            long written = System.nanoTime();
            ResultFiles.write(line.out, outcome.results());
            long millis = (System.nanoTime() - start) / 1_000_000;
            // Where a line's time went, for whoever tunes a script: each analysis (0 when remembered)
            // and the writing of the tables.
            StringBuilder where = new StringBuilder("shoplens shell: " + millis + " ms:");
            outcome.timingsMillis().forEach((analysis, ms) -> where.append(' ').append(analysis).append(' ').append(ms));
            where.append("; tables written in ").append((System.nanoTime() - written) / 1_000_000).append(" ms");
            outcome.notes().forEach(note -> where.append("; ").append(note));
            System.err.println(where);
            answer.put("ok", true);
            answer.put("ms", millis);
            answer.put("out", line.out.toString());
        } catch (Exception e) {
            // Spark's analysis errors are checked exceptions thrown undeclared: every failure is an answer.
            answer.put("ok", false);
            answer.put("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        return answer.toString();
    }

}
