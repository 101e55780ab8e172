package io.shoplens.app.charts;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jfree.chart.JFreeChart;

import io.shoplens.app.common.DialogService;
import io.shoplens.app.common.Messages;
import io.shoplens.app.jobs.Job;
import io.shoplens.app.jobs.JobRunner;
import io.shoplens.engine.report.ChartExporter;

/**
 * Exports a chart as PNG (chosen size, HiDPI), SVG or PDF: the path through the
 * {@link DialogService}, the writing as a background job (the engine's {@link ChartExporter}).
 * A {@link ChartView} finds this object among its ancestors' properties under {@link #KEY}.
 */
public final class ChartExports {

    public static final String KEY = ChartExports.class.getName();
    static final String DEFAULT_PNG_SIZE = "1200x675@2x";
    static final int VECTOR_WIDTH = 800;
    static final int VECTOR_HEIGHT = 450;

    public enum Format {
        PNG, SVG, PDF;

        String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A PNG's size in logical pixels and its scale (2 for HiDPI screens). */
    public record PngSize(int width, int height, double scale) {
    }

    private static final Pattern SIZE = Pattern.compile("\\s*(\\d{2,5})\\s*[x×*]\\s*(\\d{2,5})\\s*(?:@\\s*([123])\\s*x)?\\s*",
            Pattern.CASE_INSENSITIVE);

    private final JobRunner jobs;
    private final DialogService dialogs;
    private final Messages messages;

    public ChartExports(JobRunner jobs, DialogService dialogs, Messages messages) {
        this.jobs = jobs;
        this.dialogs = dialogs;
        this.messages = messages;
    }

    public Messages messages() {
        return messages;
    }

    /** Asks where (and for PNG, how big), then writes the chart in the background. */
    public void export(JFreeChart chart, Format format, String name) {
        Optional<PngSize> size = Optional.empty();
        if (format == Format.PNG) {
            Optional<String> answer = dialogs.askText(messages.get("export.png.title"), messages.get("export.png.size"),
                    DEFAULT_PNG_SIZE);
            if (answer.isEmpty()) {
                return;
            }
            size = parseSize(answer.get());
            if (size.isEmpty()) {
                dialogs.notifyError(messages.get("export.failed"),
                        new IllegalArgumentException(messages.get("export.png.badSize", answer.get())));
                return;
            }
        }
        Optional<Path> target = dialogs.chooseSaveFile(messages.get("export.chart." + format.extension()),
                name + "." + format.extension(), format.name(), format.extension());
        if (target.isEmpty()) {
            return;
        }
        Path path = target.get();
        PngSize png = size.orElse(null);
        jobs.submit(Job.of(messages.get("export.job", path.getFileName()), ctx -> {
            switch (format) {
                case PNG -> ChartExporter.png(chart, path, png.width(), png.height(), png.scale());
                case SVG -> ChartExporter.svg(chart, path, VECTOR_WIDTH, VECTOR_HEIGHT);
                case PDF -> ChartExporter.pdf(chart, path, VECTOR_WIDTH, VECTOR_HEIGHT);
            }
            return path;
        }).onSuccess(p -> dialogs.notifyInfo(messages.get("export.done"), p.toString()))
                .onFailure(e -> dialogs.notifyError(messages.get("export.failed"), e)));
    }

    /** {@code 1200x675}, {@code 1200 × 675 @2x} → the size; empty when it is not one. */
    static Optional<PngSize> parseSize(String text) {
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int w = Integer.parseInt(m.group(1));
        int h = Integer.parseInt(m.group(2));
        if (w < 16 || h < 16 || w > 10_000 || h > 10_000) {
            return Optional.empty();
        }
        return Optional.of(new PngSize(w, h, m.group(3) == null ? 1 : Integer.parseInt(m.group(3))));
    }
}
