package io.shoplens.engine.report;

import java.util.List;

/** One analysis in a report: its heading, a few sentences, its charts and its tables. */
public record ReportSection(String analysis, String heading, List<String> paragraphs, List<ReportChart> charts,
                            List<ReportTable> tables) {

    public ReportSection {
        paragraphs = List.copyOf(paragraphs);
        charts = List.copyOf(charts);
        tables = List.copyOf(tables);
    }
}
