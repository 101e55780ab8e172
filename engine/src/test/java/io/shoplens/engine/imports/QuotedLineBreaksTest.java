package io.shoplens.engine.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.shoplens.engine.workspace.RejectedRow;

/** RFC 4180: a quoted field may hold line breaks; the record is numbered by its first line. */
class QuotedLineBreaksTest extends WorkspaceFixture {

    private FileReport importing(String name, String text) throws IOException {
        Path f = Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        ImportReport r = Importer.importFiles(ws, List.of(f), ImportOptions.defaults(), ImportListener.NONE,
                CancellationToken.none());
        assertThat(r.files()).hasSize(1);
        return r.files().get(0);
    }

    @Test
    void aRecordSpansLinesInsideQuotesAndAStrayQuoteRejectsOnlyItsLine() throws IOException {
        FileReport r = importing("cities.csv", String.join("\n",
                "city_id,city_name,area",  // 1
                "0,\"Bei",                 // 2  a name with a line break: lines 2-3 are one record
                "jing\",华北",              // 3
                "1,上海,华东",               // 4
                "x,\"a",                   // 5  lines 5-6 are one record, rejected for its id
                "b\",华东",                 // 6
                "2,\"Wu,华中",              // 7  a stray quote: the next quote, on line 9, does not end a field
                "3,成都,西南",               // 8
                "4,\"西\"\"安\",西北",        // 9  quotes closed on their line
                "5,\"Lhasa",              // 10 a stray quote never closed
                "6,拉萨,西南",               // 11
                ""));
        assertThat(List.of(r.read(), r.accepted(), r.rejected())).containsExactly(8L, 5L, 3L);
        assertThat(r.rejections()).extracting(RejectedRow::line).containsExactly(5L, 7L, 10L);
        assertThat(r.rejections()).extracting(RejectedRow::reason).containsExactly(
                "city_id: not an integer: 'x'",
                "field 2 opens a quote that is not closed properly by line 9, whose closing quote is followed by"
                        + " neither the delimiter nor the end of the line: a stray '\"'? (quoted fields may span lines)",
                "field 2 opens a quote that is not closed by the end of the file: a stray '\"'? (quoted fields may"
                        + " span lines)");
        assertThat(r.rejections().get(0).text()).isEqualTo("x,\"a\nb\",华东");
        assertThat(TestTables.rows(ws, r, "source_line, city_id, city_name, area")).containsExactly(
                "2|0|Bei\njing|华北", "4|1|上海|华东", "8|3|成都|西南", "9|4|西\"安|西北", "11|6|拉萨|西南");
    }

    @Test
    void aQuoteStillOpenAfterAHundredLinesIsTakenForAStrayOne() throws IOException {
        StringBuilder text = new StringBuilder("city_id,city_name,area\n0,\"北京,华北\n");
        for (int i = 1; i <= 120; i++) {
            text.append(i).append(",c").append(i).append(",a\n");
        }
        FileReport r = importing("cities.csv", text.toString());
        assertThat(List.of(r.read(), r.accepted(), r.rejected())).containsExactly(121L, 120L, 1L);
        assertThat(r.rejections().get(0).line()).isEqualTo(2L);
        assertThat(r.rejections().get(0).reason()).startsWith("field 2 opens a quote that is not closed within the next"
                + " 100 lines");
        assertThat(TestTables.rows(ws, r, "source_line, city_id").subList(0, 2)).containsExactly("3|1", "4|2");
    }

    @Test
    void headerlessProductsWithJsonOverTwoLines() throws IOException {
        FileReport r = importing("products.csv", "1,p1,\"{\"\"product_status\"\":0,\n\"\"price\"\":1.5}\"\n"
                + "2,p2,\"{\"\"product_status\"\":1}\"\n"
                + "3,p3,\"{\"\"product_status\"\":1}\"\n"
                + "4,p4,\"{\"\"product_status\"\":0}\"\n"
                + "5,p5,\"{\"\"product_status\"\":0}\"\n");
        assertThat(List.of(r.read(), r.accepted(), r.rejected())).containsExactly(5L, 5L, 0L);
        assertThat(TestTables.rows(ws, r, "source_line, product_id, product_status, price")).containsExactly(
                "1|1|0|1.5", "3|2|1|null", "4|3|1|null", "5|4|0|null", "6|5|0|null");
    }
}
