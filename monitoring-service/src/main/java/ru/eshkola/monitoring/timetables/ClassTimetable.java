package ru.eshkola.monitoring.timetables;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A class's timetable as monitoring reads it: which lessons are expected on a date (the weekly slots valid that day
 * with the date's one-off changes applied) and whether a week is covered at all.
 */
public record ClassTimetable(String classId, String schoolId, String schoolYear, List<TimetableChanged.Slot> slots,
        List<TimetableChanged.Change> changes, int version, Instant changedAt) {

    public ClassTimetable {
        slots = List.copyOf(slots);
        changes = List.copyOf(changes);
    }

    /** The lessons of the date in order: a cancelled lesson is not expected, a replaced one has its new teacher. */
    public List<PlannedLesson> lessonsOn(LocalDate date) {
        int weekday = date.getDayOfWeek().getValue();
        List<PlannedLesson> day = new ArrayList<>();
        for (TimetableChanged.Slot slot : slots) {
            if (slot.weekday() == weekday && validOn(slot, date)) {
                day.add(new PlannedLesson(date, slot.lessonNumber(), slot.group(), slot.startTime(), slot.endTime(),
                        slot.subjectId(), slot.teacherId()));
            }
        }
        for (TimetableChanged.Change change : changes) {
            if (!change.date().equals(date)) {
                continue;
            }
            Optional<PlannedLesson> replaced = day.stream().filter(l -> l.lessonNumber() == change.lessonNumber()
                    && Objects.equals(l.group(), change.group())).findFirst();
            replaced.ifPresent(day::remove);
            if (!"CANCELLED".equals(change.kind())) {
                PlannedLesson before = replaced.orElse(null);
                day.add(new PlannedLesson(date, change.lessonNumber(), change.group(),
                        change.startTime() != null ? change.startTime() : before == null ? null : before.start(),
                        change.endTime() != null ? change.endTime() : before == null ? null : before.end(),
                        change.subjectId() != null ? change.subjectId() : before == null ? null : before.subjectId(),
                        change.teacherId() != null ? change.teacherId() : before == null ? null : before.teacherId()));
            }
        }
        day.sort(Comparator.comparingInt(PlannedLesson::lessonNumber)
                .thenComparing(l -> l.group() == null ? "" : l.group()));
        return day;
    }

    /** When the class's last lesson of the date ends, if the timetable says. */
    public Optional<LocalTime> lastLessonEnd(LocalDate date) {
        return lessonsOn(date).stream().map(PlannedLesson::end).filter(Objects::nonNull)
                .max(Comparator.naturalOrder());
    }

    /** At least one weekly slot is valid on one of the days Monday–Saturday of the week. */
    public boolean coversWeek(LocalDate monday) {
        for (int d = 0; d < 6; d++) {
            LocalDate day = monday.plusDays(d);
            DayOfWeek weekday = day.getDayOfWeek();
            if (slots.stream().anyMatch(s -> s.weekday() == weekday.getValue() && validOn(s, day))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the class has lessons at all on this day of the week (a six-day week has Saturdays). */
    public boolean hasLessonsOn(LocalDate date) {
        return !lessonsOn(date).isEmpty();
    }

    public List<String> subjectIds() {
        return slots.stream().map(TimetableChanged.Slot::subjectId).distinct().toList();
    }

    private static boolean validOn(TimetableChanged.Slot slot, LocalDate date) {
        return !date.isBefore(slot.validFrom()) && (slot.validTo() == null || !date.isAfter(slot.validTo()));
    }

    /** One expected lesson: the slot of the day it occupies and who teaches it. */
    public record PlannedLesson(LocalDate date, int lessonNumber, String group, LocalTime start, LocalTime end,
            String subjectId, String teacherId) {
    }
}
