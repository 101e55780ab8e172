package io.shoplens.app.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shoplens.engine.imports.Detection;
import io.shoplens.engine.imports.FieldSplitter;
import io.shoplens.engine.imports.GuessedKinds;

/** Turns what the engine's sniffer saw in a file into the preview the import dialog shows. */
final class ImportPreviews {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ImportPreviews() {
    }

    static ImportPreview of(Path file, Detection d) {
        String encoding = d.gzip() ? "UTF-8+gzip" : "UTF-8";
        return switch (d.format()) {
            case DELIMITED -> delimited(file, d, encoding);
            case JSON_LINES -> new ImportPreview(file, d.kind(), "jsonl", "", encoding, d.columns(),
                    d.firstLines().stream().filter(line -> !line.isBlank()).map(line -> jsonFields(line, d.columns())).toList(),
                    0);
            // The sniffer renders a Parquet row as name=value|name=value.
            case PARQUET -> new ImportPreview(file, d.kind(), "parquet", "", "Parquet", d.columns(),
                    d.firstLines().stream().map(ImportPreviews::parquetFields).toList(), 0);
        };
    }

    /**
     * A header names the columns and is not a data row. The names are the header's own text:
     * {@link Detection#columns()} holds them normalised (lower case) for matching kinds.
     */
    private static ImportPreview delimited(Path file, Detection d, String encoding) {
        List<List<String>> rows = d.firstLines().stream().filter(line -> !line.isBlank())
                .map(line -> FieldSplitter.split(line, d.delimiter())).toList();
        List<String> header = List.of();
        if (d.hasHeader() && !rows.isEmpty()) {
            header = rows.get(0).stream().map(String::strip).toList();
            rows = rows.subList(1, rows.size());
        }
        return new ImportPreview(file, d.kind(), formatOf(d.delimiter()), String.valueOf(d.delimiter()), encoding,
                header, rows, GuessedKinds.needsConfirmation(d) ? d.guessedFrom() : 0);
    }

    private static String formatOf(char delimiter) {
        return switch (delimiter) {
            case '\t' -> "tsv";
            case '_' -> "underscore";
            case ' ' -> "space";
            default -> "csv";
        };
    }

    private static List<String> jsonFields(String line, List<String> columns) {
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.isObject()) {
                return List.of(line);
            }
            List<String> fields = new ArrayList<>();
            for (String column : columns) {
                JsonNode value = node.get(column);
                fields.add(value == null || value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString());
            }
            Iterator<Map.Entry<String, JsonNode>> extra = node.fields();
            while (extra.hasNext()) {
                Map.Entry<String, JsonNode> e = extra.next();
                if (!columns.contains(e.getKey())) {
                    fields.add(e.getKey() + "=" + e.getValue());
                }
            }
            return fields;
        } catch (JsonProcessingException e) {
            return List.of(line);
        }
    }

    private static List<String> parquetFields(String rendered) {
        List<String> fields = new ArrayList<>();
        for (String part : rendered.split("\\|", -1)) {
            int eq = part.indexOf('=');
            fields.add(eq < 0 ? part : part.substring(eq + 1));
        }
        return fields;
    }
}
