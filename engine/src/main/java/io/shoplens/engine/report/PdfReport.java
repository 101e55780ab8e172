package io.shoplens.engine.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;

import io.shoplens.engine.files.AtomicFiles;

/**
 * A report as PDF (A4): a first page with the run (datasets, parameters, the GMV bridge in words,
 * the command that repeats it), then a section per analysis starting on a new page, charts as
 * vectors, tables with their header repeated on every page. Text uses an embedded subset of a
 * CJK TrueType font ({@link PdfFonts}), so Chinese area names render in any viewer.
 */
public final class PdfReport {

    private static final float MARGIN = 48;
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final Color TEXT = new Color(0x24292f);
    private static final Color MUTED = new Color(0x57606a);
    private static final Color LINE = new Color(0xd8dee4);
    private static final Color ACCENT = new Color(0x2f6feb);
    private static final Color ZEBRA = new Color(0xf6f8fa);
    private static final float TABLE_FONT = 7.5f;
    private static final float ROW = 12;

    private PdfReport() {
    }

    public static void write(Report report, Path target) throws IOException {
        Optional<PdfFonts.Loaded> cjk = PdfFonts.cjk();
        try (PDDocument document = new PDDocument()) {
            PDFont font = cjk.isPresent() ? PDType0Font.load(document, cjk.get().font(), true)
                    : new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            new Writer(document, font, cjk.isPresent(), report.words()).report(report);
            PdfDocuments.setInfo(document, report.title(), report.createdAt());
            PdfDocuments.makeReproducible(document, identity(report));
            AtomicFiles.write(target, document::save);
        } finally {
            if (cjk.isPresent()) {
                try {
                    cjk.get().close();
                } catch (Exception e) {
                    // closing a read-only font file cannot lose anything
                }
            }
        }
    }

    /** What the report shows, creation time excluded: the seed of the PDF's document ID. */
    private static String identity(Report report) {
        return String.join("\n", report.title(), report.engineVersion(), report.sparkVersion(),
                report.datasets().toString(), report.parameters().toString(), report.rerun(),
                report.words().languageTag(), report.bridge().orElse(""), report.notes().toString(), report.sections().stream()
                        .map(s -> s.heading() + s.paragraphs() + s.tables()).toList().toString());
    }

    /** Lays text, charts and tables down the pages; a cursor {@code y} from the top margin down. */
    private static final class Writer {
        private final PDDocument document;
        private final PDFont font;
        private final boolean unicode;
        private final ReportText words;
        private final List<PDPage> pages = new ArrayList<>();
        private PDPageContentStream content;
        private float y;

        Writer(PDDocument document, PDFont font, boolean unicode, ReportText words) {
            this.document = document;
            this.font = font;
            this.unicode = unicode;
            this.words = words;
        }

        void report(Report report) throws IOException {
            newPage();
            text(report.title(), 24, TEXT, 0);
            y -= 4;
            text(words.get("created") + " " + HtmlReport.CREATED.format(report.createdAt()) + " · ShopLens " + report.engineVersion()
                    + " · Apache Spark " + report.sparkVersion(), 10, MUTED, 0);
            rule(ACCENT, 2);
            y -= 10;
            report.bridge().ifPresent(b -> {
                heading(words.get("bridge"));
                paragraph(b, 10, TEXT);
            });
            if (!report.notes().isEmpty()) {
                heading(words.get("data"));
                for (String note : report.notes()) {
                    paragraph(HtmlReport.capitalised(note) + ".", 10, TEXT);
                }
            }
            heading(words.get("datasets"));
            table(List.of(words.get("column.name"), words.get("column.kind"), words.get("column.fingerprint"),
                            words.get("column.accepted"), words.get("column.rejected")),
                    report.datasets().stream().map(d -> List.of(d.name(), d.kind(), d.fingerprint(),
                            String.valueOf(d.rowsAccepted()), String.valueOf(d.rowsRejected()))).toList(), 0);
            heading(words.get("parameters"));
            table(List.of(words.get("column.option"), words.get("column.value")),
                    report.parameters().stream().map(p -> List.of(p.option(), p.value())).toList(), 0, false);
            heading(words.get("rerun"));
            paragraph(report.rerun(), 9, TEXT);
            heading(words.get("contents"));
            int n = 1;
            for (ReportSection s : report.sections()) {
                paragraph((n++) + ". " + s.heading(), 10, TEXT);
            }

            for (ReportSection s : report.sections()) {
                newPage();
                text(s.heading(), 18, TEXT, 0);
                rule(LINE, 1);
                y -= 8;
                for (String p : s.paragraphs()) {
                    paragraph(p, 10, TEXT);
                    y -= 4;
                }
                for (ReportChart c : s.charts()) {
                    chart(c);
                }
                for (ReportTable t : s.tables()) {
                    need(40 + ROW * 3); // a table's heading never ends a page without its first rows
                    heading(t.caption() + "  (" + t.name() + ".csv)");
                    table(t.columns(), t.rows(), t.moreRows());
                }
            }
            content.close();
            footers(report.title());
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            pages.add(page);
            content = new PDPageContentStream(document, page);
            y = PAGE.getHeight() - MARGIN;
        }

        private void need(float height) throws IOException {
            if (y - height < MARGIN + 14) {
                newPage();
            }
        }

        private void heading(String text) {
            try {
                need(40);
                y -= 8;
                text(text, 12, TEXT, 0);
                y -= 3;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private void paragraph(String text, float size, Color color) {
            try {
                for (String line : wrap(safe(text), size, WIDTH)) {
                    need(size * 1.4f);
                    text(line, size, color, 0);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** One line at the cursor, which then moves below it. */
        private void text(String text, float size, Color color, float x) throws IOException {
            y -= size * 1.25f;
            show(safe(text), size, color, MARGIN + x, y);
            y -= size * 0.3f;
        }

        private void show(String text, float size, Color color, float x, float baseline) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.setNonStrokingColor(color);
            content.newLineAtOffset(x, baseline);
            content.showText(text);
            content.endText();
        }

        private void rule(Color color, float width) throws IOException {
            y -= 4;
            content.setStrokingColor(color);
            content.setLineWidth(width);
            content.moveTo(MARGIN, y);
            content.lineTo(MARGIN + WIDTH, y);
            content.stroke();
        }

        private void chart(ReportChart c) throws IOException {
            float scale = WIDTH / c.width();
            float height = c.height() * scale;
            need(height + 24);
            PDFormXObject form = ChartExporter.pdfForm(document, c.chart(), c.width(), c.height());
            y -= height;
            content.saveGraphicsState();
            content.transform(new Matrix(scale, 0, 0, scale, MARGIN, y));
            content.drawForm(form);
            content.restoreGraphicsState();
            content.setStrokingColor(LINE);
            content.setLineWidth(0.5f);
            content.addRect(MARGIN, y, WIDTH, height);
            content.stroke();
            y -= 2;
            text(c.caption(), 9, MUTED, 0);
            y -= 8;
        }

        private void table(List<String> columns, List<List<String>> rows, int moreRows) throws IOException {
            table(columns, rows, moreRows, true);
        }

        private void table(List<String> columns, List<List<String>> rows, int moreRows, boolean alignNumbers)
                throws IOException {
            if (rows.isEmpty()) {
                paragraph(words.get("noRows"), 9, MUTED);
                return;
            }
            float[] widths = columnWidths(columns, rows);
            boolean[] numeric = alignNumbers ? HtmlReport.numericColumns(rows, columns.size()) : new boolean[columns.size()];
            need(ROW * 3);
            tableRow(columns, widths, true, false, new boolean[columns.size()]);
            int i = 0;
            for (List<String> row : rows) {
                if (y - ROW < MARGIN + 14) {
                    newPage();
                    tableRow(columns, widths, true, false, new boolean[columns.size()]);
                }
                tableRow(row, widths, false, (i++ % 2) == 1, numeric);
            }
            if (moreRows > 0) {
                y -= 2;
                paragraph(words.count(moreRows, "moreRows"), 8, MUTED);
            }
            y -= 6;
        }

        private void tableRow(List<String> cells, float[] widths, boolean header, boolean zebra, boolean[] numeric)
                throws IOException {
            float top = y;
            y -= ROW;
            if (header || zebra) {
                content.setNonStrokingColor(header ? ZEBRA : new Color(0xfbfcfd));
                content.addRect(MARGIN, y, sum(widths), ROW);
                content.fill();
            }
            content.setStrokingColor(LINE);
            content.setLineWidth(0.5f);
            content.moveTo(MARGIN, y);
            content.lineTo(MARGIN + sum(widths), y);
            content.stroke();
            float x = MARGIN;
            for (int c = 0; c < cells.size() && c < widths.length; c++) {
                String cell = fit(safe(cells.get(c)), TABLE_FONT, widths[c] - 8);
                float w = width(cell, TABLE_FONT);
                boolean right = numeric[c];
                show(cell, TABLE_FONT, TEXT, right ? x + widths[c] - 4 - w : x + 4, top - ROW + 3.5f);
                x += widths[c];
            }
        }

        /** Natural widths of the columns, shrunk proportionally when they do not fit the page. */
        private float[] columnWidths(List<String> columns, List<List<String>> rows) throws IOException {
            float[] widths = new float[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                widths[c] = width(safe(columns.get(c)), TABLE_FONT) + 10;
                for (List<String> row : rows) {
                    widths[c] = Math.max(widths[c], Math.min(width(safe(row.get(c)), TABLE_FONT) + 10, WIDTH * 0.35f));
                }
            }
            if (sum(widths) > WIDTH) {
                // Only the widest columns give way (water-filling): ids and dates stay whole while
                // long lists of keywords are cut with an ellipsis.
                float low = 0;
                float high = WIDTH;
                for (int i = 0; i < 40; i++) {
                    float cap = (low + high) / 2;
                    float total = 0;
                    for (float w : widths) {
                        total += Math.min(w, cap);
                    }
                    if (total > WIDTH) {
                        high = cap;
                    } else {
                        low = cap;
                    }
                }
                for (int c = 0; c < widths.length; c++) {
                    widths[c] = Math.min(widths[c], low);
                }
            }
            return widths;
        }

        private void footers(String title) throws IOException {
            for (int i = 0; i < pages.size(); i++) {
                try (PDPageContentStream footer = new PDPageContentStream(document, pages.get(i),
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    PDPageContentStream saved = content;
                    content = footer;
                    show(safe(title), 8, MUTED, MARGIN, MARGIN - 20);
                    String number = words.get("page", String.valueOf(i + 1), String.valueOf(pages.size()));
                    show(number, 8, MUTED, MARGIN + WIDTH - width(number, 8), MARGIN - 20);
                    content = saved;
                }
            }
        }

        private String fit(String text, float size, float max) throws IOException {
            if (width(text, size) <= max) {
                return text;
            }
            String cut = text;
            while (!cut.isEmpty() && width(cut + "…", size) > max) {
                cut = cut.substring(0, cut.length() - 1);
            }
            return cut + "…";
        }

        /** Words to lines of at most {@code max} points; a word longer than a line is split. */
        private List<String> wrap(String text, float size, float max) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate, size) <= max) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (width(rest, size) > max) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(rest.substring(0, cut), size) > max) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }

        private float width(String text, float size) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }

        /** Without a CJK font, Helvetica cannot show every character: those become '?'. */
        private String safe(String text) {
            String clean = text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
            if (unicode) {
                StringBuilder out = new StringBuilder();
                clean.codePoints().forEach(cp -> {
                    try {
                        font.encode(new String(Character.toChars(cp)));
                        out.appendCodePoint(cp);
                    } catch (IOException | IllegalArgumentException e) {
                        out.append('?');
                    }
                });
                return out.toString();
            }
            StringBuilder out = new StringBuilder();
            for (char ch : clean.toCharArray()) {
                out.append(ch < 256 ? ch : ch == '→' ? '>' : ch == '×' ? 'x' : ch == '·' ? '-' : ch == '−' ? '-' : '?');
            }
            return out.toString();
        }

        private static float sum(float[] values) {
            float s = 0;
            for (float v : values) {
                s += v;
            }
            return s;
        }
    }
}
