package io.shoplens.engine.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Row;

import io.shoplens.engine.logs.DefaultCities;
import io.shoplens.engine.logs.LogKind;

/**
 * Writes a realistic set of logs of every kind (DESIGN.md, "Log formats") in one or more formats.
 * One pass per kind; each row goes to every format's writer at once and is then dropped, so memory
 * does not grow with the number of sessions or clicks. Files are {@code DIR/<kind>.<ext>} for one
 * format and {@code DIR/<format>/<kind>.<ext>} for several.
 */
public final class LogGenerator {

    private final GenerateSettings settings;
    private final Shop shop;

    public LogGenerator(GenerateSettings settings) {
        this.settings = settings;
        this.shop = new Shop(settings.seed(), settings.users(), settings.products());
    }

    /** Writes every kind under {@code outDir} (created if missing); returns the files with their row counts. */
    public List<GeneratedFile> writeTo(Path outDir, GenerateProgress progress) throws IOException {
        List<GeneratedFile> files = new ArrayList<>();
        files.addAll(write(outDir, LogKind.CITY_INFO, out -> writeCities(out)));
        files.addAll(write(outDir, LogKind.USER_INFO, out -> writeUsers(out)));
        files.addAll(write(outDir, LogKind.PRODUCT_INFO, out -> writeProducts(out)));
        files.addAll(write(outDir, LogKind.CATEGORY_INFO, out -> writeCategories(out)));
        files.addAll(write(outDir, LogKind.USER_VISIT_ACTION,
                out -> new ActionGenerator(settings, shop).generate(out, progress)));
        files.addAll(write(outDir, LogKind.AD_CLICK,
                out -> new AdClickGenerator(settings).generate(out, progress)));
        return files;
    }

    /** Where a kind's file goes for a format. */
    public Path fileFor(Path outDir, LogFormat format, LogKind kind) {
        Path dir = settings.formats().size() == 1 ? outDir : outDir.resolve(format.id());
        return dir.resolve(format.fileName(kind));
    }

    private interface Rows {
        long writeAll(RowSink out) throws IOException;
    }

    private List<GeneratedFile> write(Path outDir, LogKind kind, Rows rows) throws IOException {
        List<RecordWriter> writers = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        long count;
        try {
            for (LogFormat format : settings.formats()) {
                Path file = fileFor(outDir, format, kind);
                Files.createDirectories(file.getParent());
                writers.add(format.open(file, kind));
                paths.add(file);
            }
            count = rows.writeAll(row -> {
                for (RecordWriter writer : writers) {
                    writer.write(row);
                }
            });
        } finally {
            closeAll(writers);
        }
        List<GeneratedFile> files = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            files.add(new GeneratedFile(settings.formats().get(i), kind, paths.get(i), count));
        }
        return files;
    }

    private static void closeAll(List<RecordWriter> writers) throws IOException {
        IOException failure = null;
        for (RecordWriter writer : writers) {
            try {
                writer.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private long writeCities(RowSink out) throws IOException {
        for (Row city : DefaultCities.rows()) {
            out.write(new Object[] {city.getLong(0), city.getString(1), city.getString(2)});
        }
        return DefaultCities.rows().size();
    }

    private long writeUsers(RowSink out) throws IOException {
        for (long id = 1; id <= settings.users(); id++) {
            Shop.User u = shop.user(id);
            out.write(new Object[] {id, u.username(), u.name(), u.age(), u.professional(),
                    shop.city(u.cityId()).name(), u.sex()});
        }
        return settings.users();
    }

    /** The names of the categories the actions carry, so the sample shows names, not ids. */
    private long writeCategories(RowSink out) throws IOException {
        for (long id = 1; id <= shop.categories(); id++) {
            out.write(new Object[] {id, shop.categoryName(id)});
        }
        return shop.categories();
    }

    private long writeProducts(RowSink out) throws IOException {
        for (long id = 1; id <= settings.products(); id++) {
            out.write(new Object[] {id, shop.productName(id), shop.extendInfo(id)});
        }
        return settings.products();
    }
}
