package io.shoplens.engine.ads;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.shoplens.engine.ads.AdClickAnalysis.AdParams;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.memory.SampleShop;
import io.shoplens.engine.memory.SparkAndMemoryModel;
import io.shoplens.engine.model.AnalysisInput;
import io.shoplens.engine.testing.Fixtures;
import io.shoplens.engine.testing.Tables;
import io.shoplens.engine.testing.TestSpark;

/**
 * The ads analysis on held clicks against Spark's, table for table: on the sample shop with
 * several parameters, and on clicks with the odd values a log may hold. AdClickAnalysisTest's
 * hand-counted cases check both forms too.
 */
@ExtendWith(SampleShop.class)
class MemoryAdClickAnalysisTest {

    private static LogTables sample;

    @BeforeAll
    static void importSample(SparkAndMemoryModel shop) {
        sample = shop.spark().tables();
    }

    @Test
    void theSampleGivesSparksTablesWhateverTheParameters() {
        AdClickColumns held = AdClickColumns.read(sample.adClicks(), 20_000, 20_000).orElseThrow();
        assertThat(held.size()).isEqualTo(20_000);
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        for (AdParams params : List.of(new AdParams(100, shanghai), new AdParams(3, shanghai),
                new AdParams(2, ZoneOffset.UTC), new AdParams(3, shanghai).withProvinces(List.of("上海", "广东")))) {
            AnalysisResult spark = AdClickAnalysis.run(AnalysisInput.of(sample, SessionFilter.NONE), params);
            assertThat(spark.tables()).as("%s", params).allSatisfy(t -> assertThat(t.rows()).isNotEmpty());
            assertThat(MemoryAdClickAnalysis.run(held, params)).as("%s", params).isEqualTo(spark);
        }
    }

    @Test
    void oddValuesGiveSparksTables() {
        Dataset<Row> clicks = Fixtures.adClicks(TestSpark.session(),
                at("2019-04-06T14:45:00Z") + "|北京|北京|1|",      // no ad: user 1 clicks "no ad" 3 times
                at("2019-04-06T14:46:00Z") + "|北京|北京|1|",
                at("2019-04-06T14:47:00Z") + "|北京|北京|1|",
                at("2019-04-06T14:48:00Z") + "||北京||7",           // no province, no user
                at("2019-04-06T14:49:00Z") + "|北京||2|7",          // no city
                at("2019-04-06T15:15:00Z") + "|\uE000|𠀀|3|8",      // above the BMP sorts after U+E000
                at("2019-04-06T15:16:00Z") + "|𠀀|\uE000|3|8",
                at("1969-12-31T23:59:30Z") + "|上海|上海|4|9",      // before the epoch
                at("2019-04-06T15:20:00Z") + "|上海|上海|4|9");
        LogTables tables = LogTables.empty(TestSpark.session()).withAdClicks(clicks);
        AdClickColumns held = AdClickColumns.read(clicks, -1, 100).orElseThrow();
        // Lord Howe Island turns its clocks back half an hour at 02:00 on 2019-04-07 (15:00Z):
        // 14:45Z and 15:15Z are both 01:45 there, one minute of text as Spark groups it.
        for (AdParams params : List.of(new AdParams(3, ZoneOffset.UTC), new AdParams(3, ZoneId.of("Australia/Lord_Howe")),
                new AdParams(2, ZoneId.of("America/New_York")).withProvinces(List.of("北京", "𠀀")))) {
            AnalysisResult spark = AdClickAnalysis.run(AnalysisInput.of(tables, SessionFilter.NONE), params);
            assertThat(MemoryAdClickAnalysis.run(held, params)).as("%s", params).isEqualTo(spark);
        }
        AnalysisResult lordHowe = MemoryAdClickAnalysis.run(held, new AdParams(4, ZoneId.of("Australia/Lord_Howe")));
        assertThat(Tables.lines(lordHowe.table("minute_trend"))).contains("2019-04-07 01:45||1", "2019-04-07 01:45|8|1");
        AnalysisResult utc = MemoryAdClickAnalysis.run(held, new AdParams(3, ZoneOffset.UTC));
        assertThat(Tables.lines(utc.table("blacklist"))).containsExactly("1|2019-04-06||3");
        assertThat(Tables.lines(utc.table("top_ads"))).containsExactly(
                "1969-12-31|上海|1|9|1", "2019-04-06||1|7|1", "2019-04-06|上海|1|9|1",
                "2019-04-06|北京|1|7|1", "2019-04-06|\uE000|1|8|1", "2019-04-06|𠀀|1|8|1");
    }

    @Test
    void tooManyClicksOrOneWithoutATimeAreLeftToSpark() {
        Dataset<Row> clicks = Fixtures.adClicks(TestSpark.session(), "1|北京|北京|1|1", "2|北京|北京|1|1");
        assertThat(AdClickColumns.read(clicks, 2, 1)).isEmpty();
        assertThat(AdClickColumns.read(clicks, -1, 1)).isEmpty();
        assertThat(AdClickColumns.read(clicks, 2, 2)).isPresent();
        assertThat(AdClickColumns.read(Fixtures.adClicks(TestSpark.session(), "|北京|北京|1|1"), 1, 5)).isEmpty();
    }

    @Test
    void noClicksGiveEmptyTables() {
        Dataset<Row> none = Fixtures.adClicks(TestSpark.session());
        AdParams params = new AdParams();
        assertThat(MemoryAdClickAnalysis.run(AdClickColumns.read(none, 0, 10).orElseThrow(), params))
                .isEqualTo(AdClickAnalysis.run(AnalysisInput.of(LogTables.empty(TestSpark.session())
                        .withAdClicks(none), SessionFilter.NONE), params));
    }

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }
}
