package io.carga.report.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The ledger's lines of one span (a calendar month, a day) added up, R$: AI, instances, storage, and the
 * user-hours they bought. Months and days are those of {@code zone} (the plan's time zone, UTC by default).
 */
public record Spend(int runs, double aiBrl, double instancesBrl, double storageBrl, double userHours) {
    public static final Spend NONE = new Spend(0, 0, 0, 0, 0);

    public double totalBrl() {
        return aiBrl + instancesBrl + storageBrl;
    }

    /** What a user-hour cost over these runs, or NaN when they ran none. */
    public double perUserHourBrl() {
        return userHours <= 0 ? Double.NaN : totalBrl() / userHours;
    }

    public static Spend of(List<LedgerEntry> entries) {
        Spend s = NONE;
        for (LedgerEntry e : entries) {
            s = new Spend(s.runs + 1, s.aiBrl + e.aiTotalBrl(), s.instancesBrl + e.instancesBrl(), s.storageBrl + e.storageBrl(),
                    s.userHours + e.userHours());
        }
        return s;
    }

    /** The runs that started in {@code month}. */
    public static Spend month(List<LedgerEntry> entries, YearMonth month, ZoneOffset zone) {
        return of(entries.stream().filter(e -> YearMonth.from(Instant.ofEpochMilli(e.startedMs()).atOffset(zone)).equals(month)).toList());
    }

    /** The runs that started on {@code day}. */
    public static Spend day(List<LedgerEntry> entries, LocalDate day, ZoneOffset zone) {
        return of(entries.stream().filter(e -> Instant.ofEpochMilli(e.startedMs()).atOffset(zone).toLocalDate().equals(day)).toList());
    }
}
