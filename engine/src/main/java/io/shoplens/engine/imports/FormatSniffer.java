package io.shoplens.engine.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shoplens.engine.logs.LogKind;

/**
 * Recognises a file's format and kind of log from its first lines: a header whose names contain
 * a kind's required columns (any order, any case), or, without a header, the kind, delimiter and
 * field count under which most of the first lines type cleanly. Used by the importer and by the
 * app's import preview.
 */
public final class FormatSniffer {

    static final int SAMPLE_LINES = 20;
    private static final char[] HEADER_DELIMITERS = {',', '\t', ' '};
    /** The order kinds are tried in; a tie between kinds is decided by typed evidence or reported, never by this order. */
    private static final List<LogKind> KIND_ORDER = List.of(LogKind.USER_VISIT_ACTION, LogKind.AD_CLICK,
            LogKind.USER_INFO, LogKind.PRODUCT_INFO, LogKind.CITY_INFO, LogKind.CATEGORY_INFO);
    private static final ObjectMapper JSON = new ObjectMapper();

    private FormatSniffer() {
    }

    /** What the file looks like; never throws for content, only when it cannot be opened. */
    public static Detection sniff(Path file) throws IOException {
        return sniff(file, Optional.empty());
    }

    /** As {@link #sniff(Path)}, reading the file as {@code kind} when given. */
    public static Detection sniff(Path file, Optional<LogKind> kind) throws IOException {
        byte[] head = Sources.head(file);
        if (Sources.isParquet(head)) {
            return ParquetSource.sniff(file, kind);
        }
        boolean gzip = Sources.isGzip(head);
        List<String> first = new ArrayList<>();
        try (InputStream in = Sources.decompressed(Files.newInputStream(file), gzip);
             LineReader lines = new LineReader(in, gzip, Sources.MAX_LINE_BYTES)) {
            LineReader.Line line;
            while (first.size() < SAMPLE_LINES && (line = lines.next()) != null) {
                first.add(line.text());
            }
        }
        return sniffText(first, gzip, kind);
    }

    static Detection sniffText(List<String> first, boolean gzip, Optional<LogKind> override) {
        List<String> sample = first.stream().filter(l -> !l.isBlank()).toList();
        if (sample.isEmpty()) {
            return new Detection(Optional.empty(), first.isEmpty() ? "the file is empty" : "the file has only blank lines",
                    SourceFormat.DELIMITED, ',', gzip, false, List.of(), 0, first, 0);
        }
        String firstLine = sample.get(0);
        if (firstLine.stripLeading().startsWith("{")) {
            return sniffJson(sample, gzip, override, first);
        }
        String unknownHeader = null;
        for (char d : HEADER_DELIMITERS) {
            List<String> names = normalized(FieldSplitter.split(firstLine, d));
            Optional<LogKind> byNames = override.filter(k -> names.containsAll(k.requiredColumns()))
                    .or(() -> override.isPresent() ? Optional.empty() : kindOfNames(names));
            if (byNames.isPresent()) {
                return new Detection(byNames, "header names the columns of " + byNames.get().id(), SourceFormat.DELIMITED,
                        d, gzip, true, names, names.size(), first, 0);
            }
            if (unknownHeader == null && names.size() > 1 && names.stream().allMatch(n -> n.matches("[a-z_][a-z0-9_ ]*"))) {
                unknownHeader = "line 1 looks like a header (" + String.join(", ", names) + " with delimiter "
                        + name(d) + ") but names no kind's columns";
            }
        }
        List<LogKind> kinds = override.map(List::of).orElse(KIND_ORDER);
        Map<Character, List<String>> records = new HashMap<>();
        Candidate best = null;
        Candidate rival = null; // the best candidate of another kind, to see whether the kind is really told
        for (LogKind kind : kinds) {
            Candidate ofKind = null;
            for (char d : delimitersOf(kind)) {
                // With ',' and tab a quoted field may hold line breaks: judge records, not lines.
                List<String> recordsOf = records.computeIfAbsent(d, c -> RecordReader.texts(first, c).stream()
                        .filter(l -> !l.isBlank()).toList());
                for (int width : widthsOf(kind)) {
                    Candidate c = candidate(recordsOf, kind, d, width);
                    if (ofKind == null || c.beats(ofKind)) {
                        ofKind = c;
                    }
                }
            }
            if (best == null || ofKind.beats(best)) {
                rival = best;
                best = ofKind;
            } else if (rival == null || ofKind.beats(rival)) {
                rival = ofKind;
            }
        }
        if (best != null && best.score > 0 && (best.score * 2 >= best.records || override.isPresent())) {
            if (rival != null && rival.score == best.score && rival.evidence == best.evidence) {
                String why = "the first lines fit two kinds equally well: " + best.describe() + ", and "
                        + rival.describe() + ". Name the kind: --kind " + best.kind.id() + " or --kind "
                        + rival.kind.id();
                return new Detection(Optional.empty(), why, SourceFormat.DELIMITED, best.delimiter, gzip, false, List.of(),
                        0, first, 0);
            }
            return new Detection(Optional.of(best.kind), best.describe(),
                    SourceFormat.DELIMITED, best.delimiter, gzip, false, List.of(), best.width, first, override.isPresent() ? 0 : best.records);
        }
        if (override.isPresent()) {
            LogKind kind = override.get();
            // No line fits: keep the delimiter whose field count is closest, so every line is rejected with its reason.
            char d = closestDelimiter(firstLine, kind);
            return new Detection(override, "read as " + kind.id() + " as asked; none of the first lines fit it",
                    SourceFormat.DELIMITED, d, gzip, false, List.of(), kind.requiredColumns().size(), first, 0);
        }
        String seen = java.util.stream.Stream.of(',', '\t', ' ', '_')
                .map(d -> name(d) + " gives " + FieldSplitter.split(firstLine, d).size() + " fields")
                .collect(Collectors.joining(", "));
        String why = (unknownHeader != null ? unknownHeader + "; " : "")
                + "cannot tell the kind of log: no header names a kind's columns and no kind's column count and types fit"
                + " the first lines (" + seen + "). First line: " + RowParser.quote(firstLine)
                + ". Name the kind, e.g. --kind user_visit_action (kinds: "
                + Arrays.stream(LogKind.values()).map(LogKind::id).collect(Collectors.joining(", ")) + ")";
        return new Detection(Optional.empty(), why, SourceFormat.DELIMITED, ',', gzip, false, List.of(), 0, first, 0);
    }

    private static Detection sniffJson(List<String> sample, boolean gzip, Optional<LogKind> override, List<String> first) {
        for (String line : sample) {
            try {
                JsonNode node = JSON.readTree(line);
                if (node != null && node.isObject()) {
                    List<String> names = new ArrayList<>();
                    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                        names.add(it.next().trim().toLowerCase(Locale.ROOT));
                    }
                    Optional<LogKind> kind = override.or(() -> kindOfNames(names));
                    String why = kind.isPresent() ? "JSON field names fit " + kind.get().id()
                            : "JSON Lines whose fields (" + String.join(", ", names) + ") name no kind's columns."
                            + " Name the kind, e.g. --kind user_visit_action";
                    return new Detection(kind, why, SourceFormat.JSON_LINES, (char) 0, gzip, false, names, names.size(),
                            first, 0);
                }
            } catch (IOException e) {
                // try the next line
            }
        }
        return new Detection(override, override.isPresent() ? "read as " + override.get().id() + " as asked"
                : "lines start with '{' but none of the first is a JSON object", SourceFormat.JSON_LINES, (char) 0, gzip,
                false, List.of(), 0, first, 0);
    }

    /** The kind whose required columns all appear in {@code names}; the most specific wins. */
    static Optional<LogKind> kindOfNames(List<String> names) {
        LogKind best = null;
        for (LogKind k : LogKind.values()) {
            if (names.containsAll(k.requiredColumns())
                    && (best == null || k.requiredColumns().size() > best.requiredColumns().size())) {
                best = k;
            }
        }
        return Optional.ofNullable(best);
    }

    static List<String> normalized(List<String> names) {
        return names.stream().map(n -> n.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT)).toList();
    }

    static char[] delimitersOf(LogKind kind) {
        return switch (kind) {
            case USER_VISIT_ACTION -> new char[] {',', '\t', '_'};
            case AD_CLICK -> new char[] {' ', ',', '\t'};
            // The platform writes user_info, product_info and city_info with '_' too, and categories alike.
            default -> new char[] {',', '\t', '_'};
        };
    }

    private static int[] widthsOf(LogKind kind) {
        int required = kind.requiredColumns().size();
        int all = required + kind.optionalColumns().size();
        return all == required ? new int[] {required} : new int[] {all, required};
    }

    private static Candidate candidate(List<String> sample, LogKind kind, char delimiter, int width) {
        Layout layout = Layout.headerless(kind, delimiter, width);
        RowParser parser = new RowParser(kind);
        int fit = 0;
        int evidence = 0;
        for (String line : sample) {
            try {
                String[] values = layout.values(line);
                if (values != null) {
                    evidence += strictlyTyped(parser.parse(values));
                    fit++;
                }
            } catch (RowRejectedException e) {
                // does not fit
            }
        }
        return new Candidate(kind, delimiter, width, sample.size(), fit, evidence);
    }

    /**
     * How many values of a parsed row passed a strict type check (number, date, time, or the JSON
     * of extend_info, whose product_status comes out as a number); free text passes any check.
     * Between kinds that fit as many lines, the one that checked more values is the better
     * explanation: {@code 1_手机_{"product_status":0}} types as city_info (area is text) and as
     * product_info, but only product_info reads a JSON object in it.
     */
    private static int strictlyTyped(Object[] row) {
        int n = 0;
        for (Object v : row) {
            if (v != null && !(v instanceof String)) {
                n++;
            }
        }
        return n;
    }

    private static char closestDelimiter(String line, LogKind kind) {
        int width = kind.requiredColumns().size();
        char best = delimitersOf(kind)[0];
        int distance = Integer.MAX_VALUE;
        for (char d : delimitersOf(kind)) {
            int n = Math.abs(FieldSplitter.split(line, d).size() - width);
            if (n < distance) {
                distance = n;
                best = d;
            }
        }
        return best;
    }

    static String name(char delimiter) {
        return switch (delimiter) {
            case '\t' -> "tab";
            case ' ' -> "space";
            default -> "'" + delimiter + "'";
        };
    }

    /** {@code score}: records (of {@code records}) that fit; {@code evidence}: values that passed a strict type check in them. */
    private record Candidate(LogKind kind, char delimiter, int width, int records, int score, int evidence) {

        /** Strictly better; on a full tie the earlier candidate (delimiter and kind order) stays. */
        boolean beats(Candidate other) {
            return score != other.score ? score > other.score : evidence > other.evidence;
        }

        String describe() {
            return score + " of the first " + records + " lines fit " + kind.id() + " with " + width
                    + " fields separated by " + name(delimiter);
        }
    }

    /** Header names to a lookup, for warnings about the ones no kind uses. */
    static Map<String, Integer> positions(List<String> names) {
        Map<String, Integer> at = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            at.putIfAbsent(names.get(i), i);
        }
        return at;
    }
}
