package com.trackagoat.analytics;

import com.trackagoat.analytics.AnalyticsResponses.AnalyticsData;
import com.trackagoat.analytics.AnalyticsResponses.AnalyticsSeries;
import com.trackagoat.analytics.AnalyticsResponses.Point;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The CSV form of an analytics answer (docs/reference/analytics.md §1, "CSV"): RFC 4180, one row per
 * point, main series first, then compare, then breakdown; written row by row to the response
 * stream, never built as one string.
 */
public final class AnalyticsCsv {

    static final String HEADER = "series_kind,entity_type,entity_id,entity_label,metric,mode,granularity,bucket_start,value,partial";

    private AnalyticsCsv() {
    }

    /** {@code trackagoat-<entity>-<metric>-<from>-<to>.csv}. */
    public static String fileName(AnalyticsQuery q) {
        return "trackagoat-" + q.entityName() + "-" + q.metric() + "-" + q.from() + "-" + q.to() + ".csv";
    }

    public static StreamingOutput of(AnalyticsData data) {
        return new Body(data);
    }

    /** The rows of one answer, written when the response is sent. */
    record Body(AnalyticsData data) implements StreamingOutput {
        @Override
        public void write(java.io.OutputStream out) throws java.io.IOException {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 8192);
            w.write(HEADER);
            w.write("\r\n");
            rows(w, "main", data.series());
            rows(w, "compare", data.compareSeries());
            rows(w, "breakdown", data.breakdownSeries());
            w.flush();
        }
    }

    private static void rows(Writer w, String kind, List<AnalyticsSeries> series) throws java.io.IOException {
        for (AnalyticsSeries s : series) {
            for (Point p : s.points()) {
                w.write(kind);
                for (String cell : new String[]{s.entityRef().type(), s.entityRef().id(), s.entityRef().label(), s.metric(), s.mode(), s.granularity(),
                        p.bucketStart(), p.value() == null ? "" : p.value().toString(), Boolean.toString(p.partial())}) {
                    w.write(',');
                    w.write(cell(cell));
                }
                w.write("\r\n");
            }
        }
    }

    /** RFC 4180: a cell holding a comma, a quote or a line break is quoted, its quotes doubled. */
    static String cell(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
