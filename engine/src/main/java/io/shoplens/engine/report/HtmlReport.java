package io.shoplens.engine.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.shoplens.engine.files.AtomicFiles;

/**
 * A report as ONE self-contained HTML file: inline CSS, charts inline as SVG (text as outlines, so
 * no web font is needed), tables as HTML tables. Nothing is fetched from anywhere.
 */
public final class HtmlReport {

    static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private static final String CSS = """
            :root{--text:#24292f;--muted:#57606a;--line:#d8dee4;--accent:#2f6feb;--zebra:#f6f8fa}
            *{box-sizing:border-box}
            body{margin:0;background:#f6f8fa;color:var(--text);font:14px/1.5 system-ui,-apple-system,"Segoe UI",\
            "Noto Sans","Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif}
            main{max-width:980px;margin:0 auto;padding:32px 40px 48px;background:#fff;min-height:100vh}
            header{border-bottom:3px solid var(--accent);padding-bottom:12px;margin-bottom:20px}
            h1{font-size:28px;margin:0 0 4px}
            h2{font-size:21px;margin:36px 0 8px;padding-bottom:4px;border-bottom:1px solid var(--line)}
            h3{font-size:15px;margin:20px 0 6px;color:var(--muted)}
            .meta{color:var(--muted);margin:0}
            nav ol{margin:4px 0 0;padding-left:20px;columns:2}
            figure{margin:12px 0 20px}
            figure svg{display:block;width:100%;height:auto;border:1px solid var(--line);border-radius:6px}
            figcaption{color:var(--muted);font-size:13px;margin-top:4px}
            .scroll{overflow-x:auto}
            table{border-collapse:collapse;font-size:12.5px;margin:4px 0;min-width:50%}
            th,td{padding:4px 10px;border-bottom:1px solid var(--line);text-align:left;white-space:nowrap}
            th{background:var(--zebra);font-weight:600}
            td.n{text-align:right;font-variant-numeric:tabular-nums}
            #run td{white-space:normal;word-break:break-all}
            tbody tr:nth-child(even){background:#fbfcfd}
            .more{color:var(--muted);font-size:12.5px;margin:2px 0 12px}
            .bridge{background:#eef4ff;border-left:4px solid var(--accent);padding:10px 14px;border-radius:4px}
            pre{background:var(--zebra);border:1px solid var(--line);border-radius:6px;padding:10px 12px;\
            white-space:pre-wrap;word-break:break-all;font-size:12.5px}
            footer{margin-top:40px;color:var(--muted);font-size:12px;border-top:1px solid var(--line);padding-top:8px}
            @media print{body{background:#fff}main{padding:0}section{break-before:page}}
            """;

    private HtmlReport() {
    }

    public static void write(Report report, Path target) throws IOException {
        String html = render(report);
        AtomicFiles.write(target, out -> out.write(html.getBytes(StandardCharsets.UTF_8)));
    }

    public static String render(Report report) {
        ReportText words = report.words();
        StringBuilder h = new StringBuilder(256 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"").append(words.languageTag()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"ShopLens ").append(esc(report.engineVersion())).append("\">\n")
                .append("<title>").append(esc(report.title())).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n<main>\n<header>\n<h1>").append(esc(report.title())).append("</h1>\n")
                .append("<p class=\"meta\">").append(esc(words.get("created"))).append(" <time>").append(CREATED.format(report.createdAt()))
                .append("</time> · ShopLens ").append(esc(report.engineVersion())).append(" · Apache Spark ")
                .append(esc(report.sparkVersion())).append("</p>\n</header>\n");

        h.append("<nav>\n<h3>").append(esc(words.get("contents"))).append("</h3>\n<ol>\n<li><a href=\"#run\">")
                .append(esc(words.get("run"))).append("</a></li>\n");
        for (ReportSection s : report.sections()) {
            h.append("<li><a href=\"#").append(esc(s.analysis())).append("\">").append(esc(s.heading()))
                    .append("</a></li>\n");
        }
        h.append("</ol>\n</nav>\n");

        h.append("<div id=\"run\">\n<h2>").append(esc(words.get("run"))).append("</h2>\n");
        report.bridge().ifPresent(b -> h.append("<p class=\"bridge\">").append(esc(b)).append("</p>\n"));
        for (String note : report.notes()) {
            h.append("<p class=\"bridge\">").append(esc(capitalised(note))).append(".</p>\n");
        }
        h.append("<h3>").append(esc(words.get("datasets"))).append("</h3>\n");
        table(h, List.of(words.get("column.name"), words.get("column.kind"), words.get("column.fingerprint"),
                        words.get("column.rowsAccepted"), words.get("column.rowsRejected")),
                report.datasets().stream().map(d -> List.of(d.name(), d.kind(), d.fingerprint(),
                        String.valueOf(d.rowsAccepted()), String.valueOf(d.rowsRejected()))).toList(), 0, true, words);
        h.append("<h3>").append(esc(words.get("parameters"))).append("</h3>\n");
        table(h, List.of(words.get("column.option"), words.get("column.value")),
                report.parameters().stream().map(p -> List.of(p.option(), p.value())).toList(), 0, false, words);
        h.append("<h3>").append(esc(words.get("rerun"))).append("</h3>\n<pre><code>").append(esc(report.rerun())).append("</code></pre>\n</div>\n");

        for (ReportSection s : report.sections()) {
            h.append("<section id=\"").append(esc(s.analysis())).append("\">\n<h2>").append(esc(s.heading()))
                    .append("</h2>\n");
            for (String p : s.paragraphs()) {
                h.append("<p>").append(esc(p)).append("</p>\n");
            }
            for (ReportChart c : s.charts()) {
                h.append("<figure>\n")
                        .append(ChartExporter.svgElement(c.chart(), c.width(), c.height(), c.id()))
                        .append("\n<figcaption>").append(esc(c.caption())).append("</figcaption>\n</figure>\n");
            }
            for (ReportTable t : s.tables()) {
                h.append("<h3>").append(esc(t.caption())).append(" <small>(").append(esc(t.name()))
                        .append(".csv)</small></h3>\n");
                table(h, t.columns(), t.rows(), t.moreRows(), true, words);
            }
            h.append("</section>\n");
        }
        // The command goes in as a marker, so escaping the sentence leaves its <code> element intact.
        h.append("<footer>").append(esc(words.get("footer", "\u0000")).replace("\u0000", "<code>./shoplens analyze</code>"))
                .append("</footer>\n</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void table(StringBuilder h, List<String> columns, List<List<String>> rows, int moreRows,
                              boolean alignNumbers, ReportText words) {
        if (rows.isEmpty()) {
            h.append("<p class=\"more\">").append(esc(words.get("noRows"))).append("</p>\n");
            return;
        }
        h.append("<div class=\"scroll\"><table>\n<thead><tr>");
        for (String c : columns) {
            h.append("<th>").append(esc(c)).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        boolean[] numeric = numericColumns(rows, columns.size());
        for (List<String> row : rows) {
            h.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                boolean right = alignNumbers && c < numeric.length && numeric[c];
                h.append(right ? "<td class=\"n\">" : "<td>").append(esc(row.get(c))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table></div>\n");
        if (moreRows > 0) {
            h.append("<p class=\"more\">").append(esc(words.count(moreRows, "moreRows"))).append("</p>\n");
        }
    }

    /** Columns whose every non-empty cell is a number: right-aligned. A bucket like {@code 60} among {@code 1_3} is a label. */
    static boolean[] numericColumns(List<List<String>> rows, int columns) {
        boolean[] numeric = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            final int column = c;
            numeric[c] = rows.stream().map(r -> column < r.size() ? r.get(column) : "").filter(v -> !v.isEmpty())
                    .allMatch(HtmlReport::isNumber);
        }
        return numeric;
    }

    static boolean isNumber(String cell) {
        return cell.matches("[-+−]?[0-9][0-9,]*(\\.[0-9]+)?%?");
    }

    /** A note as a sentence: {@code excluded 3 …} → {@code Excluded 3 …}. */
    static String capitalised(String note) {
        return note.isEmpty() ? note : Character.toUpperCase(note.charAt(0)) + note.substring(1);
    }

    static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
