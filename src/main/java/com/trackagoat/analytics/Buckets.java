package com.trackagoat.analytics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The buckets of an analytics range (docs/reference/analytics.md §1, "Buckets"): calendar days, ISO
 * weeks (Monday–Sunday) or calendar months, aligned to the calendar and clipped to [from, to]. Pure.
 */
public final class Buckets {

    public enum Granularity { DAY, WEEK, MONTH }

    /**
     * One bucket: its first and last day inside the range; {@code partial} when it contains today
     * or was clipped by the range.
     */
    public record Bucket(LocalDate start, LocalDate end, boolean partial) {
        public long days() {
            return ChronoUnit.DAYS.between(start, end) + 1;
        }

        /** The same days {@code n} days earlier (a comparison bucket: never partial). */
        public Bucket shifted(long n) {
            return new Bucket(start.minusDays(n), end.minusDays(n), false);
        }
    }

    private Buckets() {
    }

    public static List<Bucket> of(LocalDate from, LocalDate to, Granularity granularity, LocalDate today) {
        List<Bucket> out = new ArrayList<>();
        for (LocalDate start = from; !start.isAfter(to); ) {
            LocalDate calendarStart = switch (granularity) {
                case DAY -> start;
                case WEEK -> start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                case MONTH -> start.withDayOfMonth(1);
            };
            LocalDate calendarEnd = switch (granularity) {
                case DAY -> start;
                case WEEK -> calendarStart.plusDays(6);
                case MONTH -> calendarStart.with(TemporalAdjusters.lastDayOfMonth());
            };
            LocalDate end = calendarEnd.isAfter(to) ? to : calendarEnd;
            boolean clipped = calendarStart.isBefore(start) || calendarEnd.isAfter(end);
            boolean containsToday = !today.isBefore(start) && !today.isAfter(end);
            out.add(new Bucket(start, end, clipped || containsToday));
            start = end.plusDays(1);
        }
        return out;
    }
}
