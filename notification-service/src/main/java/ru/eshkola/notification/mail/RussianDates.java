package ru.eshkola.notification.mail;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and times as Russian readers expect them in mails: 24.11.2026, 24.11.2026 10:10, 3 ч 30 мин. */
public final class RussianDates {

    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy", RU);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", RU);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", RU);
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", RU);

    private RussianDates() {
    }

    public static String date(LocalDate date) {
        return date == null ? null : DATE.format(date);
    }

    /** «24 ноября 2026» */
    public static String longDate(LocalDate date) {
        return date == null ? null : LONG_DATE.format(date);
    }

    public static String dateTime(Instant instant, ZoneId zone) {
        return instant == null ? null : DATE_TIME.format(instant.atZone(zone));
    }

    public static String time(Instant instant, ZoneId zone) {
        return instant == null ? null : TIME.format(instant.atZone(zone));
    }

    public static String date(Instant instant, ZoneId zone) {
        return instant == null ? null : DATE.format(instant.atZone(zone));
    }

    /** «3 ч 30 мин», «45 мин», «2 ч» */
    public static String duration(Duration duration) {
        long hours = duration.toHours();
        long minutes = duration.toMinutesPart();
        if (hours == 0) {
            return minutes + " мин";
        }
        return minutes == 0 ? hours + " ч" : hours + " ч " + minutes + " мин";
    }
}
