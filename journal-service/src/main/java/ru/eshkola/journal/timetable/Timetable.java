package ru.eshkola.journal.timetable;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import ru.eshkola.kit.outbox.EventRoute;
import ru.eshkola.kit.outbox.OutboxAggregate;

/**
 * A class's timetable: weekly slots with their validity dates, and one-off changes (a replacement, a cancelled or
 * an added lesson) on given dates. Every change publishes the whole current timetable, so a consumer keeps only the
 * latest version.
 */
@Document("timetables")
class Timetable extends OutboxAggregate {

    static final EventRoute CHANGED = new EventRoute("journal.timetable.changed.v1", "journal.timetables");

    @Id
    private String id;
    @Version
    private Long version;
    private String schoolId;
    private String schoolYear;
    private List<Slot> slots = new ArrayList<>();
    private List<Change> changes = new ArrayList<>();
    private int revision;
    private Instant changedAt;
    private String changedBy;

    Timetable() {
    }

    Timetable(String classId, String schoolId, String schoolYear) {
        this.id = classId;
        this.schoolId = schoolId;
        this.schoolYear = schoolYear;
    }

    boolean setSlots(List<Slot> next, Instant now, String actor) {
        List<Slot> sorted = next.stream().sorted(Slot.ORDER).toList();
        if (sorted.equals(slots)) {
            return false;
        }
        slots = new ArrayList<>(sorted);
        changed(now, actor);
        return true;
    }

    /** Adds a one-off change; a change for the same date, lesson and group replaces the earlier one. */
    boolean change(Change change, Instant now, String actor) {
        if (changes.contains(change)) {
            return false;
        }
        changes.removeIf(c -> c.date().equals(change.date()) && c.lessonNumber() == change.lessonNumber()
                && Objects.equals(c.group(), change.group()));
        changes.add(change);
        changes.sort(Comparator.comparing(Change::date).thenComparingInt(Change::lessonNumber));
        changed(now, actor);
        return true;
    }

    private void changed(Instant now, String actor) {
        revision++;
        changedAt = now;
        changedBy = actor;
        recordEvent(CHANGED, id, id, now, new TimetableData(id, schoolId, schoolYear, slots, changes, revision, now,
                actor));
    }

    /** The lessons of the class on a date: the slots valid that weekday, with that date's changes applied. */
    List<Slot> lessonsOn(LocalDate date) {
        DayOfWeek weekday = date.getDayOfWeek();
        List<Slot> day = new ArrayList<>(slots.stream().filter(s -> s.weekday() == weekday.getValue()
                && s.validOn(date)).toList());
        for (Change c : changes) {
            if (!c.date().equals(date)) {
                continue;
            }
            day.removeIf(s -> s.lessonNumber() == c.lessonNumber() && Objects.equals(s.group(), c.group()));
            if (c.kind() != Change.Kind.CANCELLED) {
                day.add(new Slot(weekday.getValue(), c.lessonNumber(), c.startTime(), c.endTime(), c.subjectId(),
                        c.teacherId(), c.room(), c.group(), date, date));
            }
        }
        day.sort(Slot.ORDER);
        return day;
    }

    String id() {
        return id;
    }

    String schoolId() {
        return schoolId;
    }

    List<Slot> slots() {
        return List.copyOf(slots);
    }

    List<Change> changes() {
        return List.copyOf(changes);
    }

    int revision() {
        return revision;
    }

    /** A weekly lesson: every {@code weekday} from {@code validFrom} to {@code validTo} (open when null). */
    record Slot(int weekday, int lessonNumber, String startTime, String endTime, String subjectId,
            String teacherId, String room, String group, LocalDate validFrom, LocalDate validTo) {

        static final Comparator<Slot> ORDER = Comparator.comparingInt(Slot::weekday)
                .thenComparingInt(Slot::lessonNumber).thenComparing(s -> s.group() == null ? "" : s.group())
                .thenComparing(Slot::validFrom);

        boolean validOn(LocalDate date) {
            return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
        }

        boolean overlaps(Slot other) {
            return weekday == other.weekday && lessonNumber == other.lessonNumber
                    && Objects.equals(group, other.group)
                    && !validFrom.isAfter(other.validTo == null ? LocalDate.MAX : other.validTo)
                    && !other.validFrom.isAfter(validTo == null ? LocalDate.MAX : validTo);
        }
    }

    /** A one-off change of the timetable on one date. */
    record Change(LocalDate date, int lessonNumber, Kind kind, String subjectId, String teacherId, String room,
            String startTime, String endTime, String group, String note) {

        enum Kind {
            REPLACED, CANCELLED, ADDED
        }
    }

    /** Data of {@code journal.timetable.changed.v1}. */
    record TimetableData(String classId, String schoolId, String schoolYear, List<Slot> slots, List<Change> changes,
            int version, Instant changedAt, String changedBy) {
    }
}
