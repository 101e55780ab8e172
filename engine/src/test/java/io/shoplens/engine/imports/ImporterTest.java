package io.shoplens.engine.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.workspace.DatasetInfo;
import io.shoplens.engine.workspace.RejectedRow;

class ImporterTest extends WorkspaceFixture {

    static final String UVA_HEADER = "date,user_id,session_id,page_id,action_time,search_keyword,click_category_id,"
            + "click_product_id,order_category_ids,order_product_ids,pay_category_ids,pay_product_ids,city_id";


    ImportReport importing(Path... files) {
        return Importer.importFiles(ws, List.of(files), ImportOptions.defaults(), ImportListener.NONE, CancellationToken.none());
    }

    static FileReport only(ImportReport r) {
        assertThat(r.files()).hasSize(1);
        return r.files().get(0);
    }

    @Test
    void csvWithHeaderInAnyOrderAndCase() throws IOException {
        Path f = write("a.csv", "CITY_ID,city_name,Area\n0,北京,华北\n1,上海,华东\n");
        FileReport r = only(importing(f));
        assertThat(r.kind()).contains(LogKind.CITY_INFO);
        assertThat(r.format()).isEqualTo(SourceFormat.DELIMITED);
        assertThat(r.delimiter()).isEqualTo(",");
        assertThat(List.of(r.read(), r.accepted(), r.rejected())).containsExactly(2L, 2L, 0L);
        assertThat(r.datasetId()).isPresent();
    }

    @Test
    void platformUnderscoreFormKeepsKeywordWithUnderscoreAndIdLists() throws IOException {
        Path f = write("user_visit_action.txt", String.join("\n",
                "2019-07-17_95_26070e87-1ad7-49a3-8fb3-cc741facaddf_37_2019-07-17 00:00:02_手机_-1_-1_null_null_null_null_3",
                "2019-07-17_95_26070e87-1ad7-49a3-8fb3-cc741facaddf_38_2019-07-17 00:00:05_null_-1_-1_1,2_5,6_null_null_3",
                "2019-07-17_95_26070e87-1ad7-49a3-8fb3-cc741facaddf_39_2019-07-17 00:00:09_火锅_底料_-1_-1_null_null_null_null_3",
                "2019-07-17_95_26070e87-1ad7-49a3-8fb3-cc741facaddf_40_2019-07-17 00:00:12_null_4_8_null_null_null_null_3",
                "2019-07-17_95_26070e87-1ad7-49a3-8fb3-cc741facaddf_41_2019-07-17 00:00:20_null_-1_-1_null_null_4_8_3",
                ""));
        FileReport r = only(importing(f));
        assertThat(r.kind()).contains(LogKind.USER_VISIT_ACTION);
        assertThat(r.delimiter()).isEqualTo("_");
        assertThat(List.of(r.read(), r.accepted(), r.rejected())).containsExactly(5L, 5L, 0L);
        assertThat(ws.datasets().all().get(0).minDate()).hasToString("2019-07-17");
    }

    @Test
    void adClickSpaceSeparatedHeaderless() throws IOException {
        Path f = write("clicks.log", "1563321600000 河北 石家庄 12 3\n1563321601000 河北 石家庄 12 x\n"
                + "1563321602000 河北 石家庄 12 3\n1563321603000 河北 保定 13 4\n1563321604000 山东 济南 14 3\n");
        FileReport r = only(importing(f));
        assertThat(r.kind()).contains(LogKind.AD_CLICK);
        assertThat(r.delimiter()).isEqualTo("space");
        assertThat(List.of(r.read(), r.accepted(), r.rejected())).containsExactly(5L, 4L, 1L);
        assertThat(r.rejections().get(0)).isEqualTo(new RejectedRow(f.toString(), 2, "ad_id: not an integer: 'x'",
                "1563321601000 河北 石家庄 12 x"));
    }

    @Test
    void tsvUserInfoWithExtraColumnIgnoredWithWarning() throws IOException {
        Path f = write("users.tsv", "user_id\tusername\tname\tage\tprofessional\tcity\tsex\tnickname\n"
                + "1\tu1\tn1\t30\tp\tc\tmale\tx\n2\tu2\tn2\t3.5\tp\tc\tfemale\ty\n");
        FileReport r = only(importing(f));
        assertThat(r.kind()).contains(LogKind.USER_INFO);
        assertThat(r.warnings()).anyMatch(w -> w.contains("nickname"));
        assertThat(List.of(r.read(), r.accepted(), r.rejected())).containsExactly(2L, 1L, 1L);
        assertThat(r.rejections().get(0).line()).isEqualTo(3);
        assertThat(r.rejections().get(0).reason()).isEqualTo("age: not an integer: '3.5'");
    }

    @Test
    void productJsonLinesAndHeaderlessProductWithUnquotedJson() throws IOException {
        Path json = write("products.jsonl", "{\"product_id\":1,\"product_name\":\"p1\",\"extend_info\":{\"product_status\":1,\"price\":9.5}}\n"
                + "{\"product_id\":2,\"product_name\":\"p2\",\"extend_info\":\"{\\\"product_status\\\": 0}\"}\n"
                + "{\"product_id\":3,\"product_name\":\"p3\",\"extend_info\":\"not json\"}\n");
        Path csv = write("products.csv", "4,p4,{\"product_status\": 0, \"price\": 2}\n5,p5,{\"product_status\": 1}\n"
                + "6,p6,{\"product_status\": 1}\n7,p7,{\"product_status\": 0}\n8,p8,{\"product_status\": 0}\n");
        ImportReport report = importing(json, csv);
        FileReport j = report.files().get(0);
        assertThat(j.format()).isEqualTo(SourceFormat.JSON_LINES);
        assertThat(List.of(j.read(), j.accepted(), j.rejected())).containsExactly(3L, 2L, 1L);
        assertThat(j.rejections().get(0).reason()).isEqualTo("extend_info: not JSON: 'not json'");
        FileReport c = report.files().get(1);
        assertThat(c.kind()).contains(LogKind.PRODUCT_INFO);
        assertThat(List.of(c.read(), c.accepted(), c.rejected())).containsExactly(5L, 5L, 0L);
    }

    @Test
    void badDatesNumbersAndFieldCountsAreRejectedWithLineAndReason() throws IOException {
        Path f = write("uva.csv", UVA_HEADER + "\n"
                + "2019-02-28,1,s1,1,2019-02-28 10:00:00,null,-1,-1,null,null,null,null,0\n"
                + "2019-02-30,1,s1,1,2019-02-28 10:00:00,null,-1,-1,null,null,null,null,0\n"
                + "2019-02-28,abc,s1,1,2019-02-28 10:00:00,null,-1,-1,null,null,null,null,0\n"
                + "2019-02-28,1,s1,1,2019-02-28 25:00:00,null,-1,-1,null,null,null,null,0\n"
                + "2019-02-28,1,s1,1,2019-02-28 10:00:00,null,-1,-1,\"1,x\",null,null,null,0\n"
                + "2019-02-28,1,s1,1,2019-02-28 10:00:00,null,-1\n"
                + "2019-02-28,1,s1,1,2019-02-28 10:00:00,null,2.5,-1,null,null,null,null,0\n");
        FileReport r = only(importing(f));
        assertThat(List.of(r.read(), r.accepted(), r.rejected())).containsExactly(7L, 1L, 6L);
        assertThat(r.rejections()).extracting(RejectedRow::line).containsExactly(3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(r.rejections()).extracting(RejectedRow::reason).containsExactly(
                "date: not a date (yyyy-MM-dd): '2019-02-30'",
                "user_id: not an integer: 'abc'",
                "action_time: not a time (yyyy-MM-dd HH:mm:ss): '2019-02-28 25:00:00'",
                "order_category_ids: element 'x' of '1,x' is not an integer",
                "wrong number of fields: expected 13, found 7 (delimiter ',')",
                "click_category_id: not an integer: '2.5'");
        assertThat(ws.datasets().rejectedRows(r.datasetId().get(), 100)).hasSize(6);
    }

    @Test
    void emptyFileAndHeaderOnlyAddNothingAndDoNotFail() throws IOException {
        Path empty = write("empty.csv", "");
        Path header = write("header.csv", UVA_HEADER + "\n");
        ImportReport report = importing(empty, header);
        assertThat(report.hasFailures()).isFalse();
        assertThat(report.files()).extracting(FileReport::read).containsExactly(0L, 0L);
        assertThat(report.files().get(0).warnings()).containsExactly("the file is empty: nothing to import");
        assertThat(report.files().get(1).kind()).contains(LogKind.USER_VISIT_ACTION);
        assertThat(ws.datasets().all()).isEmpty();
    }

    @Test
    void unknownKindAndWrongDelimiterSayWhatWasSeenAndHowToNameTheKind() throws IOException {
        Path f = write("mystery.csv", "a;b;c;d\n1;2;3;4\n");
        FileReport r = only(importing(f));
        assertThat(r.error()).hasValueSatisfying(e -> assertThat(e)
                .contains(f.toString()).contains("',' gives 1 fields").contains("First line: 'a;b;c;d'")
                .contains("--kind user_visit_action"));
        assertThat(ws.datasets().all()).isEmpty();

        Path semicolons = write("cities.csv", "0;北京;华北\n");
        ImportReport forced = Importer.importFiles(ws, List.of(semicolons),
                new ImportOptions(Optional.of(LogKind.CITY_INFO), Optional.empty()), ImportListener.NONE, CancellationToken.none());
        FileReport c = only(forced);
        assertThat(List.of(c.read(), c.accepted(), c.rejected())).containsExactly(1L, 0L, 1L);
        assertThat(c.rejections().get(0).reason()).isEqualTo("wrong number of fields: expected 3, found 1 (delimiter ',')");
    }

    @Test
    void kindsPerFileImportInOneCommitWithTheOthersRecognised() throws IOException {
        Path semicolons = write("cities.csv", "0;北京;华北\n");
        Path users = write("users.csv", "user_id,username,name,age,professional,city,sex\n1,u1,n1,30,教师,北京,male\n");
        ImportReport report = Importer.importFiles(ws, List.of(semicolons, users), java.util.Map.of(semicolons, LogKind.CITY_INFO),
                ImportOptions.defaults(), ImportListener.NONE, CancellationToken.none());

        assertThat(report.files()).extracting(f -> f.kind().orElseThrow())
                .containsExactly(LogKind.CITY_INFO, LogKind.USER_INFO);
        assertThat(report.files()).extracting(FileReport::accepted).containsExactly(0L, 1L);
        assertThat(ws.datasets().all()).extracting(DatasetInfo::kind).containsExactly(LogKind.CITY_INFO, LogKind.USER_INFO);
    }

    @Test
    void gzipDetectedByMagicAndBrokenGzipKeepsRowsBeforeTheBreak() throws IOException {
        StringBuilder text = new StringBuilder("city_id,city_name,area\n");
        for (int i = 0; i < 2000; i++) {
            text.append(i).append(",c").append(i).append(",a").append(i % 7).append('\n');
        }
        byte[] gz = gzip(text.toString());
        Path whole = Files.write(dir.resolve("cities.dat"), gz);
        FileReport ok = only(importing(whole));
        assertThat(ok.gzip()).isTrue();
        assertThat(List.of(ok.read(), ok.accepted(), ok.rejected())).containsExactly(2000L, 2000L, 0L);

        Path broken = Files.write(dir.resolve("broken.csv.gz"), Arrays.copyOf(gz, gz.length / 2));
        FileReport r = only(importing(broken));
        assertThat(r.error()).isEmpty();
        assertThat(r.read()).isEqualTo(r.accepted() + r.rejected());
        assertThat(r.accepted()).isGreaterThan(0).isLessThan(2000);
        assertThat(r.warnings()).anyMatch(w -> w.startsWith("gzip stream broken after line "));
    }

    @Test
    void nonUtf8BytesAndOverlongLineRejectOnlyTheirLine() throws IOException {
        byte[] bad = "city_id,city_name,area\n0,ok,a\n1,b\u00e4d,a\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("city_id,city_name,area\n0,ok,a\n1,b".getBytes(StandardCharsets.UTF_8));
        out.write(0xE4); // Latin-1 ä
        out.write("d,a\n2,".getBytes(StandardCharsets.UTF_8));
        out.write("x".repeat(10 * 1024 * 1024).getBytes(StandardCharsets.UTF_8));
        out.write(",a\n3,fine,a\n".getBytes(StandardCharsets.UTF_8));
        Path f = Files.write(dir.resolve("cities.csv"), out.toByteArray());
        assertThat(bad).isNotEmpty();
        FileReport r = only(importing(f));
        assertThat(List.of(r.read(), r.accepted(), r.rejected())).containsExactly(4L, 2L, 2L);
        assertThat(r.rejections().get(0).line()).isEqualTo(3);
        assertThat(r.rejections().get(0).reason()).isEqualTo("not valid UTF-8: byte 0xE4 at byte offset 3 of the line (byte 33 of the file)");
        assertThat(r.rejections().get(1).line()).isEqualTo(4);
        assertThat(r.rejections().get(1).reason()).isEqualTo("line is 10485764 bytes long, over the limit of 1048576 bytes");
        assertThat(r.rejections().get(1).text()).endsWith("(truncated, 10485764 bytes)").hasSizeLessThan(70_000);
    }

    @Test
    void duplicateFingerprintAddsNothing() throws IOException {
        Path f = write("cities.csv", "city_id,city_name,area\n0,a,b\n");
        long id = only(importing(f)).datasetId().orElseThrow();
        Path copy = Files.copy(f, dir.resolve("copy.csv"));
        FileReport again = only(importing(copy));
        assertThat(again.duplicateOf()).contains(id);
        assertThat(again.datasetId()).isEmpty();
        assertThat(again.warnings()).anyMatch(w -> w.startsWith("already imported as dataset " + id));
        assertThat(ws.datasets().all()).hasSize(1);
    }

    @Test
    void folderWithMixedKindsImportsEachFileAsItsKindSkippingHiddenFiles() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("logs/sub"));
        Files.writeString(dir.resolve("logs/cities.csv"), "city_id,city_name,area\n0,a,b\n");
        Files.writeString(folder.resolve("clicks.txt"), "1563321600000 p c 1 2\n".repeat(5));
        Files.writeString(folder.resolve(".hidden.csv"), "junk\n");
        ImportReport report = importing(dir.resolve("logs"));
        assertThat(report.files()).extracting(f -> f.kind().orElseThrow())
                .containsExactlyInAnyOrder(LogKind.CITY_INFO, LogKind.AD_CLICK);
        assertThat(ws.datasets().all()).extracting(DatasetInfo::kind).containsExactlyInAnyOrder(LogKind.CITY_INFO, LogKind.AD_CLICK);
    }

    @Test
    void fileThatBecomesUnreadableFailsAloneAndOthersImport() throws IOException {
        Path good = write("good.csv", "city_id,city_name,area\n0,a,b\n");
        Path failing = write("failing.csv", "city_id,city_name,area\n" + "1,a,b\n".repeat(1000));
        Path vanished = dir.resolve("gone.csv");
        Importer importer = new Importer(file -> file.equals(failing) ? failingAfter(Files.newInputStream(file), 100)
                : Files.newInputStream(file));
        ImportReport report = importer.run(ws, List.of(good, failing, vanished), ImportOptions.defaults(),
                ImportListener.NONE, CancellationToken.none());
        assertThat(report.files().get(0).accepted()).isEqualTo(1);
        assertThat(report.files().get(1).error()).hasValueSatisfying(e -> assertThat(e)
                .startsWith(failing + ": became unreadable while being read (disk gone)"));
        assertThat(report.files().get(2).error()).contains(vanished + ": no such file");
        assertThat(report.hasFailures()).isTrue();
        assertThat(ws.datasets().all()).hasSize(1);
        assertThat(dataListing()).containsExactly("1 dir", "1/part-0.parquet " + size(ws.folder().resolve("data/1/part-0.parquet")));
    }

    @Test
    void cancelOrFailureMidImportLeavesWorkspaceExactlyAsBefore() throws IOException {
        Path first = write("first.csv", "city_id,city_name,area\n0,a,b\n");
        importing(first);
        List<DatasetInfo> before = ws.datasets().all();
        List<String> listing = dataListing();

        Path big = write("big.csv", "city_id,city_name,area\n" + "1,a,b\n".repeat(300_000));
        CancellationToken token = new CancellationToken();
        assertThatThrownBy(() -> Importer.importFiles(ws, List.of(write("c.csv", "city_id,city_name,area\n5,x,y\n"), big),
                ImportOptions.defaults(), (fraction, message) -> {
                    if (message.contains("big.csv")) {
                        token.cancel();
                    }
                }, token)).isInstanceOf(CancellationException.class);
        assertThat(ws.datasets().all()).isEqualTo(before);
        assertThat(dataListing()).isEqualTo(listing);
    }

    @Test
    void rejectedCsvHasEveryRejectedRowOfTheImport() throws IOException {
        Path f = write("cities.csv", "city_id,city_name,area\nx,\"a,b\",c\n1,2\n");
        ImportReport report = importing(f);
        Path csv = dir.resolve("rejected.csv");
        report.writeRejectedCsv(csv);
        assertThat(Files.readString(csv)).isEqualTo("file,line,reason,text\n"
                + f + ",2,city_id: not an integer: 'x',\"x,\"\"a,b\"\",c\"\n"
                + f + ",3,\"wrong number of fields: expected 3, found 2 (delimiter ',')\",\"1,2\"\n");
    }

    @Test
    void jsonLinesActionsHeaderlessTabUsersAndGzippedPlatformLinesWithExtensions() throws IOException {
        Path json = write("actions.json", "{\"DATE\":\"2019-07-17\",\"user_id\":1,\"session_id\":\"s\",\"page_id\":2,"
                + "\"action_time\":\"2019-07-17 08:00:00\",\"search_keyword\":null,\"click_category_id\":-1,"
                + "\"click_product_id\":-1,\"order_category_ids\":\"\",\"order_product_ids\":\"\",\"pay_category_ids\":\"3,4\","
                + "\"pay_product_ids\":\"5\",\"city_id\":1,\"pay_amount\":20.5}\n"
                + "{\"date\":\"2019-07-17\",\"user_id\":1.5}\n[1]\n");
        Path users = write("users.txt", "1\tu1\tn1\t30\tp\tc\tmale\n2\tu2\tn2\t\tp\tc\tfemale\n"
                + "3\tu3\tn3\t41\tp\tc\tmale\n4\tu4\tn4\t19\tp\tc\tfemale\n5\tu5\tn5\t55\tp\tc\tmale\n");
        Path platform = Files.write(dir.resolve("uva.txt.gz"), gzip(
                "2019-07-17_95_s_37_2019-07-17 00:00:02_null_-1_-1_null_null_1,2_3_3_recommend_18.0\n".repeat(5)));
        ImportReport report = importing(json, users, platform);
        FileReport j = report.files().get(0);
        assertThat(j.format()).isEqualTo(SourceFormat.JSON_LINES);
        assertThat(List.of(j.read(), j.accepted(), j.rejected())).containsExactly(3L, 1L, 2L);
        assertThat(j.rejections()).extracting(RejectedRow::reason)
                .containsExactly("missing field 'session_id'", "not a JSON object");
        FileReport u = report.files().get(1);
        assertThat(u.kind()).contains(LogKind.USER_INFO);
        assertThat(u.delimiter()).isEqualTo("tab");
        assertThat(u.accepted()).isEqualTo(5);
        FileReport p = report.files().get(2);
        assertThat(p.kind()).contains(LogKind.USER_VISIT_ACTION);
        assertThat(p.gzip()).isTrue();
        assertThat(List.of(p.read(), p.accepted(), p.rejected())).containsExactly(5L, 5L, 0L);
    }

    @Test
    void progressRunsFromZeroToOne() throws IOException {
        Path f = write("cities.csv", "city_id,city_name,area\n" + "1,a,b\n".repeat(400_000));
        List<Double> fractions = new java.util.ArrayList<>();
        Importer.importFiles(ws, List.of(f), ImportOptions.defaults(), (fraction, message) -> fractions.add(fraction),
                CancellationToken.none());
        assertThat(fractions).isSorted().allMatch(x -> x >= 0 && x <= 1);
        assertThat(fractions.get(0)).isZero();
        assertThat(fractions.get(fractions.size() - 1)).isEqualTo(1.0);
        assertThat(fractions).hasSizeGreaterThan(2);
    }

    @Test
    void snifferPreviewsFirstLines() throws IOException {
        Path f = write("uva.tsv", UVA_HEADER.replace(',', '\t') + "\tchannel\tpay_amount\n"
                + "2019-07-17\t1\ts\t1\t2019-07-17 00:00:02\tnull\t-1\t-1\tnull\tnull\t1,2\t3,4\t0\tsearch\t12.5\n");
        Detection d = FormatSniffer.sniff(f);
        assertThat(d.kind()).contains(LogKind.USER_VISIT_ACTION);
        assertThat(d.hasHeader()).isTrue();
        assertThat(d.delimiterName()).isEqualTo("tab");
        assertThat(d.firstLines()).hasSize(2);
        assertThat(d.columns()).contains("channel", "pay_amount");
    }

    /** Every path under data/ with its size: equal listings mean nothing was added, moved or left behind. */
    private List<String> dataListing() throws IOException {
        Path data = ws.folder().resolve("data");
        try (Stream<Path> s = Files.walk(data)) {
            return s.filter(p -> !p.equals(data)).map(p -> data.relativize(p) + " " + (Files.isDirectory(p) ? "dir" : size(p)))
                    .sorted().toList();
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    static InputStream failingAfter(InputStream in, int bytes) {
        return new InputStream() {
            int left = bytes;

            @Override
            public int read() throws IOException {
                if (left-- <= 0) {
                    throw new IOException("disk gone");
                }
                return in.read();
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }
}
