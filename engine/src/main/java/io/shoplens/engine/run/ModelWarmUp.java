package io.shoplens.engine.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;

import io.shoplens.engine.imports.CancellationToken;
import io.shoplens.engine.imports.ImportListener;
import io.shoplens.engine.imports.ImportOptions;
import io.shoplens.engine.imports.OnTheFly;
import io.shoplens.engine.memory.MemoryModelBuilder;

/**
 * Makes the session model of six bundled actions once, in a temporary workspace, so the path a
 * real model takes (the workspace's Parquet read by Spark, the first queries planned and their code
 * generated, the builder compiled) is warm before a user's import reaches it. On a cold JVM the
 * first Spark queries cost several seconds of planning whatever their size; the app runs this in
 * the background while its window waits for a first click.
 */
public final class ModelWarmUp {

    private static final System.Logger LOG = System.getLogger(ModelWarmUp.class.getName());
    private static final List<String> FILES = List.of("user_visit_action.csv", "user_info.csv", "product_info.csv",
            "city_info.csv");

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private ModelWarmUp() {
    }

    /**
     * Starts the warm-up on a daemon thread of its own, once per JVM: what it warms is the JVM's
     * (loaded classes, compiled code, Spark's cache of generated code), not a workspace's.
     */
    public static void startOnce(SparkSession spark) {
        if (STARTED.compareAndSet(false, true)) {
            Thread thread = new Thread(() -> run(spark), "shoplens-model-warm-up");
            thread.setDaemon(true);
            // Below the threads of the user's own work, which it would otherwise slow.
            thread.setPriority(Thread.MIN_PRIORITY);
            thread.start();
        }
    }

    /**
     * Runs the warm-up; a failure only costs the warm-up, so it is logged and not thrown.
     *
     * @return the sessions of the model made, 0 when it failed
     */
    static int run(SparkSession spark) {
        long start = System.nanoTime();
        Path folder = null;
        try {
            folder = Files.createTempDirectory("shoplens-warm-up-");
            for (String file : FILES) {
                try (InputStream in = ModelWarmUp.class.getResourceAsStream("warm-up/" + file)) {
                    if (in == null) {
                        throw new IOException("warm-up/" + file + " is missing from the engine's jar");
                    }
                    Files.copy(in, folder.resolve(file));
                }
            }
            try (OnTheFly sample = OnTheFly.importTemporary(List.of(folder), ImportOptions.defaults(),
                    ImportListener.NONE, CancellationToken.none())) {
                int sessions = MemoryModelBuilder.build(sample.tables(spark), sample.report().accepted())
                        .orElseThrow(() -> new IllegalStateException("the bundled actions were not held"))
                        .sessions().size();
                LOG.log(System.Logger.Level.INFO, "Model path warmed up in {0} ms",
                        (System.nanoTime() - start) / 1_000_000);
                return sessions;
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            LOG.log(System.Logger.Level.WARNING, "Warming up the model path failed: " + e.getMessage(), e);
            return 0;
        } finally {
            if (folder != null) {
                delete(folder);
            }
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind holds four small files.
        }
    }
}
