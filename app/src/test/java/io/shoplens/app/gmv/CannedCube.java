package io.shoplens.app.gmv;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.gmv.GmvAnalysis;

/**
 * A hand-made gmv result for the explorer's tests: 14 days (2019-07-04..2019-07-17), three
 * channels × two areas, one city each, one cell per day and combination. On day d (0..13),
 * channel c (search 0, recommend 1, display_ad 2) and area a (华北 0, 华东 1): sessions =
 * 10 + d + c, orders = 2 + c + a + (d ≥ 7 ? 1 : 0), GMV = orders × (100 + 10·a). 3 of 300
 * orders have no amount.
 */
final class CannedCube {

    static final LocalDate FIRST = LocalDate.of(2019, 7, 4);
    static final LocalDate LAST = LocalDate.of(2019, 7, 17);
    static final List<String> CHANNELS = List.of("search", "recommend", "display_ad");
    static final List<String> AREAS = List.of("华北", "华东");
    static final List<String> CITIES = List.of("北京", "上海");

    private CannedCube() {
    }

    static ResultTable cube() {
        List<List<Object>> rows = new ArrayList<>();
        for (int d = 0; d < 14; d++) {
            for (int c = 0; c < CHANNELS.size(); c++) {
                for (int a = 0; a < AREAS.size(); a++) {
                    long sessions = 10 + d + c;
                    long orders = 2 + c + a + (d >= 7 ? 1 : 0);
                    rows.add(List.of(FIRST.plusDays(d), CHANNELS.get(c), AREAS.get(a), CITIES.get(a), "male",
                            "teacher", "25-34", sessions, orders, orders * (100.0 + 10 * a)));
                }
            }
        }
        return new ResultTable(GmvAnalysis.CUBE, GmvAnalysis.CUBE_COLUMNS, rows);
    }

    static AnalysisResult result() {
        return new AnalysisResult(GmvAnalysis.NAME, List.of(cube(), SyntheticCube.coverage(300, 3)));
    }
}
