package io.shoplens.engine.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.workspace.DatasetInfo;
import io.shoplens.engine.workspace.RejectedRow;
import io.shoplens.engine.workspace.Workspace;

/**
 * A file parsed in chunks on several threads gives exactly what one pass gives: the same report
 * (counts, rejections with their lines and messages, warnings) and byte-for-byte the same Parquet
 * files. Tiny chunks put a boundary at every place in these small files: inside a CRLF, a
 * multi-byte character, a quoted field that spans lines, just before a bad line.
 */
class ParallelParseTest extends WorkspaceFixture {

    private static final String ACTIONS_HEADER = "date,user_id,session_id,page_id,action_time,search_keyword,"
            + "click_category_id,click_product_id,order_category_ids,order_product_ids,pay_category_ids,"
            + "pay_product_ids,city_id,channel,pay_amount";

    private record Imported(FileReport report, Map<String, String> parquet, int opens) {
    }

    private int workspaces;

    @Test
    void chunksEndJustAfterALineBreakAndKnowTheirFirstLine() throws IOException {
        byte[] bytes = "a\r\nbé\n\nc".getBytes(StandardCharsets.UTF_8); // é is two bytes
        List<TextChunks.Chunk> chunks = new ArrayList<>();
        try (TextChunks cut = new TextChunks(new ByteArrayInputStream(bytes), 2)) {
            for (TextChunks.Chunk c; (c = cut.next()) != null; ) {
                chunks.add(c);
            }
        }
        // The third chunk may end only at or after byte 8, where no line break is left.
        assertThat(chunks).containsExactly(new TextChunks.Chunk(0, 3, 1, 2), new TextChunks.Chunk(3, 7, 2, 3),
                new TextChunks.Chunk(7, 9, 3, Long.MAX_VALUE));
    }

    @Test
    void csvActionsWithBomCrlfBadBytesAndQuotedLineBreaksMatchOnePassAtEveryBoundary() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        text(bytes, ACTIONS_HEADER + "\r\n"
                + "2019-07-17,1,s1,5,2019-07-17 00:00:16,太古商场,,,,,,,6,direct,\r\n"       // 2
                + "2019-07-17,1,s1,6,2019-07-17 00:00:29,,15,535,,,,,6,direct,\n"           // 3
                + "2019-07-17,x,s1,7,2019-07-17 00:00:31,,,,,,,,6,direct,\r\n"              // 4 bad user_id
                + "\n"                                                                      // 5 blank
                + "2019-07-17,2,s2,1,2019-07-17 25:00:00,,,,,,,,6,direct,\n"                // 6 bad time
                + "2019-07-17,2,s2,1,2019-07-17 00:01:00,caf");                             // 7 not UTF-8
        bytes.write(0xE9);
        text(bytes, ",,,,,,,6,direct,\n"
                + "2019-07-18,2,s2,2,2019-07-18 00:01:00,鞋子,,,1,2,,,6,direct,\r\n"          // 8
                + "2019-07-18,3,s3,2,2019-07-18 00:02:00,,,,,,1,2,6,direct,18.5\n"          // 9
                + "2019-07-18,3,s3\n"                                                       // 10 too few fields
                + "2019-07-19,4,s4,2,2019-07-19 00:02:00,\"漂亮, 衣服\",,,,,,,7,ads,\n"        // 11
                + "2019-07-19,4,s4,3,2019-07-19 00:02:10,\"多行\r\n关键词\",,,,,,,7,ads,\r\n"    // 12-13 one record
                + "2019-07-19,5,\"s5,3,2019-07-19 00:02:10,,,,,,,,7,ads,\n"                 // 14 a stray quote
                + "2019-07-19,5,s5,3,2019-07-19 00:03:10,,,,,,,,7,ads,");                   // 15 read afresh; no line break
        Path file = Files.write(dir.resolve("actions.csv"), bytes.toByteArray());

        FileReport r = sameAsOnePass(file, Optional.empty(), sizes(file));

        assertThat(List.of(r.read(), r.accepted(), r.rejected())).containsExactly(12L, 7L, 5L);
        assertThat(r.rejections()).extracting(RejectedRow::line).containsExactly(4L, 6L, 7L, 10L, 14L);
        assertThat(r.rejections().get(2).reason()).isEqualTo("not valid UTF-8: byte 0xE9 at byte offset 41 of the line"
                + " (byte " + (indexOf(Files.readAllBytes(file), (byte) 0xE9)) + " of the file)");
        assertThat(r.rejections().get(4).reason()).startsWith("field 3 opens a quote that is not closed");
        assertThat(TestTables.rows(ws, r, "source_line, user_id, search_keyword")).containsExactly(
                "2|1|太古商场", "3|1|null", "8|2|鞋子", "9|3|null", "11|4|漂亮, 衣服", "12|4|多行\n关键词",
                "15|5|null");
    }

    @Test
    void aRecordWhoseQuotedFieldEndsInTheNextChunkIsReadAgainFromItsTrueStart() throws IOException {
        // Read from line 3 alone, `",x` opens a quote that line 5 closes: a record of lines 3-5. In the
        // file, line 3 ends line 2's record, and lines 4 and 5 are records of their own.
        String text = "city_id,city_name,area\n"   // 23 bytes
                + "0,\"a\n"                        // 5 bytes: the first chunk of 28 bytes ends here
                + "\",x\n"
                + "1,b,c\n"
                + "2\",r\n"
                + "3,d,e\n";
        Path file = write("cities.csv", text);

        FileReport r = sameAsOnePass(file, Optional.empty(), sizes(file));

        assertThat(List.of(r.read(), r.accepted(), r.rejected())).containsExactly(4L, 3L, 1L);
        assertThat(r.rejections()).extracting(RejectedRow::line).containsExactly(5L);
        assertThat(TestTables.rows(ws, r, "source_line, city_id, city_name")).containsExactly("2|0|a\n", "4|1|b", "6|3|d");
        // Opened to cut the chunks, once per chunk (two), and once more to read the second from line 4.
        assertThat(importInto(file, Optional.empty(), new ParallelText.Chunking(2, 28, 0)).opens()).isEqualTo(4);
    }

    @Test
    void quotedFieldsOverManyLinesAndStrayQuotesMatchOnePass() throws IOException {
        StringBuilder text = new StringBuilder("city_id,city_name,area\n0,\"Bei\njing\",华北\n1,上海,华东\nx,\"a\nb\",华东\n"
                + "2,\"Wu,华中\n3,成都,西南\n4,\"西\"\"安\",西北\n");
        text.append("5,\"Lhasa,西南\n");
        for (int i = 6; i < 130; i++) {
            text.append(i).append(",c").append(i).append(i % 17 == 0 ? ",\"a\n\"\n" : ",a\n");
        }
        text.append("200,\"never closed,x\n201,y,z\n");
        Path file = write("cities.csv", text.toString());

        FileReport r = sameAsOnePass(file, Optional.empty(), sizes(file));

        assertThat(r.rejections()).extracting(RejectedRow::line).containsExactly(5L, 7L, 10L, 142L);
        assertThat(List.of(r.read(), r.accepted())).containsExactly(133L, 129L);
    }

    @Test
    void platformUnderscoreLinesMatchOnePass() throws IOException {
        String line = "2019-07-17_95_s_37_2019-07-17 00:00:02_null_-1_-1_null_null_1,2_3_3_recommend_18.0\n";
        String text = line + line.replace("_null_-1_-1", "_小米_手机_-1_-1") + "2019-07-17_96_s_bad\n" + line.repeat(3)
                + line.replace("00:00:02", "00:61:02") + line;
        Path file = write("uva.txt", text);

        FileReport r = sameAsOnePass(file, Optional.empty(), sizes(file));

        assertThat(r.delimiter()).isEqualTo("_");
        assertThat(List.of(r.read(), r.accepted(), r.rejected())).containsExactly(8L, 6L, 2L);
        assertThat(r.rejections()).extracting(RejectedRow::line).containsExactly(3L, 7L);
    }

    @Test
    void jsonLinesMatchOnePass() throws IOException {
        String good = "{\"date\":\"2019-07-17\",\"user_id\":1,\"session_id\":\"s\",\"page_id\":2,"
                + "\"action_time\":\"2019-07-17 08:00:00\",\"search_keyword\":\"雨伞\",\"click_category_id\":-1,"
                + "\"click_product_id\":-1,\"order_category_ids\":\"\",\"order_product_ids\":\"\","
                + "\"pay_category_ids\":\"3,4\",\"pay_product_ids\":\"5\",\"city_id\":1,\"pay_amount\":20.5}";
        String text = good + "\n" + good + "\r\n\n{\"date\":\"2019-07-17\",\"user_id\":1.5}\n[1]\n" + good + "\n{oops\n"
                + good.replace("08:00", "09:00") + "\n";
        Path file = write("actions.json", text);

        FileReport r = sameAsOnePass(file, Optional.empty(), sizes(file));

        assertThat(r.format()).isEqualTo(SourceFormat.JSON_LINES);
        assertThat(List.of(r.read(), r.accepted(), r.rejected())).containsExactly(7L, 4L, 3L);
        assertThat(r.rejections()).extracting(RejectedRow::line).containsExactly(4L, 5L, 7L);
    }

    @Test
    void aLineOverTheLimitIsRejectedAloneWhereverTheChunksEnd() throws IOException {
        String line = "2019-07-17,1,s1,5,2019-07-17 00:00:16,伞,,,,,,,6,direct,\n";
        String huge = "2019-07-17,1,s1,5,2019-07-17 00:00:17," + "长".repeat(Sources.MAX_LINE_BYTES / 3 + 10)
                + ",,,,,,,6,direct,\n";
        String text = ACTIONS_HEADER + "\n" + line.repeat(3) + huge + line.repeat(3);
        Path file = write("actions.csv", text);

        FileReport r = sameAsOnePass(file, Optional.empty(), new long[] {1, 200, 700_000, Sources.MAX_LINE_BYTES});

        assertThat(List.of(r.read(), r.accepted(), r.rejected())).containsExactly(7L, 6L, 1L);
        assertThat(r.rejections().get(0).line()).isEqualTo(5L);
        assertThat(r.rejections().get(0).reason()).startsWith("line is " + (huge.getBytes(StandardCharsets.UTF_8).length - 1)
                + " bytes long, over the limit");
    }

    @Test
    void emptyAndHeaderOnlyFilesMatchOnePass() throws IOException {
        assertThat(sameAsOnePass(write("empty.csv", ""), Optional.empty(), new long[] {1}).outcome())
                .isInstanceOf(FileReport.Outcome.Empty.class);
        FileReport headerOnly = sameAsOnePass(write("cities.csv", "city_id,city_name,area\r\n"), Optional.empty(),
                new long[] {1, 5});
        assertThat(headerOnly.read()).isZero();
        assertThat(headerOnly.warnings()).contains("no data lines: nothing to import");
    }

    @Test
    void cancelDuringAChunkedImportLeavesTheWorkspaceAsItWasAndStopsTheParsers() throws IOException {
        Path first = write("first.csv", "city_id,city_name,area\n0,a,b\n");
        Importer.importFiles(ws, List.of(first), ImportOptions.defaults(), ImportListener.NONE, CancellationToken.none());
        List<DatasetInfo> before = ws.datasets().all();
        List<String> listing = listing(ws.folder().resolve("data"));
        Path big = write("actions.csv", ACTIONS_HEADER + "\n"
                + "2019-07-17,1,s1,5,2019-07-17 00:00:16,伞,,,,,,,6,direct,\n".repeat(20_000));
        CancellationToken token = new CancellationToken();
        AtomicInteger opens = new AtomicInteger();
        Importer importer = new Importer(f -> {
            if (opens.incrementAndGet() == 20) {
                token.cancel(); // while chunks are being parsed and written
            }
            return Files.newInputStream(f);
        }, new ParallelText.Chunking(2, 4096, 0));

        assertThatThrownBy(() -> importer.run(ws, List.of(big), ImportOptions.defaults(), ImportListener.NONE, token))
                .isInstanceOf(CancellationException.class);

        assertThat(opens.get()).isGreaterThanOrEqualTo(20);
        assertThat(ws.datasets().all()).isEqualTo(before);
        assertThat(listing(ws.folder().resolve("data"))).isEqualTo(listing);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("shoplens-import-parse"));
    }

    @Test
    void aChunkThatCannotBeReadFailsTheFileAloneWithNothingOfItKept() throws IOException {
        Path good = write("good.csv", "city_id,city_name,area\n0,a,b\n");
        Path failing = write("failing.csv", "city_id,city_name,area\n" + "1,a,b\n".repeat(1000));
        AtomicInteger opens = new AtomicInteger();
        Importer importer = new Importer(f -> {
            if (f.equals(failing) && opens.incrementAndGet() == 5) {
                throw new IOException("disk gone");
            }
            return Files.newInputStream(f);
        }, new ParallelText.Chunking(2, 500, 0));

        ImportReport report = importer.run(ws, List.of(good, failing), ImportOptions.defaults(), ImportListener.NONE,
                CancellationToken.none());

        assertThat(report.files().get(0).accepted()).isEqualTo(1);
        assertThat(report.files().get(1).error()).contains(failing + ": became unreadable while being read (disk gone);"
                + " nothing of it was imported");
        assertThat(ws.datasets().all()).hasSize(1);
        assertThat(listing(ws.folder().resolve("data"))).allMatch(p -> p.startsWith("1"));
    }

    /**
     * Imports {@code file} in one pass into the fixture's workspace, then in chunks of each size
     * into a fresh workspace of its own; asserts each gives the same report and Parquet bytes, and
     * returns the one-pass report.
     */
    private FileReport sameAsOnePass(Path file, Optional<LogKind> kind, long[] chunkSizes) throws IOException {
        Imported one = importInto(ws, file, kind, new ParallelText.Chunking(1, 1, 0));
        assertThat(one.opens()).isLessThanOrEqualTo(1);
        for (long size : chunkSizes) {
            Imported chunked = importInto(file, kind, new ParallelText.Chunking(3, size, 0));
            if (one.report().read() > 0) {
                assertThat(chunked.opens()).as("chunks of %d bytes were parsed apart", size).isGreaterThan(1);
            }
            assertThat(chunked.report()).as("report with chunks of %d bytes", size).isEqualTo(one.report());
            assertThat(chunked.parquet()).as("Parquet with chunks of %d bytes", size).isEqualTo(one.parquet());
        }
        return one.report();
    }

    private Imported importInto(Path file, Optional<LogKind> kind, ParallelText.Chunking chunking) throws IOException {
        try (Workspace other = Workspace.open(dir.resolve("ws-" + ++workspaces))) {
            return importInto(other, file, kind, chunking);
        }
    }

    private static Imported importInto(Workspace into, Path file, Optional<LogKind> kind, ParallelText.Chunking chunking)
            throws IOException {
        AtomicInteger opens = new AtomicInteger();
        Importer importer = new Importer(f -> {
            opens.incrementAndGet();
            return Files.newInputStream(f);
        }, chunking);
        ImportReport report = importer.run(into, List.of(file), new ImportOptions(kind, Optional.empty()),
                ImportListener.NONE, CancellationToken.none());
        assertThat(report.files()).hasSize(1);
        return new Imported(report.files().get(0), parquetDigests(into.folder().resolve("data")), opens.get());
    }

    /** Each Parquet file under {@code data}, by relative path, with the SHA-256 of its bytes. */
    private static Map<String, String> parquetDigests(Path data) throws IOException {
        Map<String, String> digests = new TreeMap<>();
        if (!Files.isDirectory(data)) {
            return digests;
        }
        try (Stream<Path> files = Files.walk(data)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                digests.put(data.relativize(p).toString(), HexFormat.of().formatHex(sha256().digest(Files.readAllBytes(p))));
            }
        }
        return digests;
    }

    private static List<String> listing(Path data) throws IOException {
        List<String> all = new ArrayList<>();
        try (Stream<Path> s = Files.walk(data)) {
            s.filter(p -> !p.equals(data)).forEach(p -> all.add(data.relativize(p).toString()));
        }
        return all.stream().sorted().toList();
    }

    /**
     * Chunk sizes from 1 byte (every line a chunk) to the whole file, one for each different way
     * they cut it: the smallest 20, then 20 more spread over the rest, to keep the test quick.
     */
    private static long[] sizes(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Set<List<Long>> seen = new HashSet<>();
        List<Long> sizes = new ArrayList<>();
        for (long size = 1; size <= bytes.length; size++) {
            List<Long> cuts = new ArrayList<>();
            try (TextChunks chunks = new TextChunks(new ByteArrayInputStream(bytes), size)) {
                for (TextChunks.Chunk c; (c = chunks.next()) != null; ) {
                    cuts.add(c.end());
                }
            }
            if (seen.add(cuts)) {
                sizes.add(size);
            }
        }
        int first = Math.min(20, sizes.size());
        List<Long> kept = new ArrayList<>(sizes.subList(0, first));
        int rest = sizes.size() - first;
        int more = Math.min(20, rest);
        for (int i = 1; i <= more; i++) {
            kept.add(sizes.get(first - 1 + (int) ((long) i * rest / more)));
        }
        return kept.stream().mapToLong(Long::longValue).toArray();
    }

    private static void text(ByteArrayOutputStream bytes, String text) {
        bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
